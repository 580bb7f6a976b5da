"""Extraction speed on one core: articles per second on ~300-word press releases.

    python bench/extract_speed.py [--repeat 5]

Runs the dev set (71 articles, ~220 words each) through `kg.extract.extract` several times and
prints the throughput. The extractor is rule-based; spaCy's NER (tok2vec + ner only) runs just on
the few sentences that report a contact where the rules found fewer than two people. The model and
the lexicons are loaded before timing.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kg.extract import extract
from kg.model import Article

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev" / "articles.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [Article(id=r["id"], text=r["text"], date=r.get("date")) for r in records]
    words = sum(len(a.text.split()) for a in articles)
    extract(articles[0])  # load the lexicons once
    from kg.extract import language_model

    language_model.available()  # and the model
    timings = []
    from kg.extract import mentions

    for _ in range(args.repeat):
        # per-sentence caches would make repeated runs over the same texts look faster than new articles
        mentions._tokens.cache_clear()
        mentions._find_places.cache_clear()
        start = time.perf_counter()
        for article in articles:
            extract(article)
        timings.append(time.perf_counter() - start)
    best, median = min(timings), sorted(timings)[len(timings) // 2]
    print(f"{len(articles)} articles, {words / len(articles):.0f} words on average")
    print(f"median {len(articles) / median:.1f} articles/s ({words / median:,.0f} words/s); "
          f"best {len(articles) / best:.1f} articles/s")
    print(f"at 300 words an article: about {words / median / 300:.0f} articles/s")


if __name__ == "__main__":
    main()
