"""Resolution cost per article and peak memory of `kg ingest` as the store grows (1k, 10k, 50k articles).

Each size runs in a fresh process: a `kg synth` corpus of N articles is ingested into a new on-disk
store with the extractor replaced by the generator's gold facts (`kg.devtools.synth.gold_extraction`), so
what is measured is what comes after extraction: resolution (registering mentions, clustering
surname blocks, assigning IRIs, reconciling), RDF mapping and the SPARQL updates that keep the
article graphs, the entities graph and the merged default graph. Time inside resolution
(`Resolution.put`, `Resolution.assign`, `reconcile`) is measured apart, per article; peak RSS is
the kernel's maximum resident set size of the process.

    python bench/resolution_bench.py                   # 1,000, 10,000 and 50,000 articles
    python bench/resolution_bench.py --sizes 1000,5000
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def one_size(n: int, folder: Path) -> dict:
    import kg.pipeline as pipeline
    from kg.graph.store import GraphStore
    from kg.devtools.synth import gold_extraction, write_corpus

    corpus = folder / "corpus"
    write_corpus(corpus, n, seed=1)
    extracted = {}
    with open(corpus / "articles.jsonl", encoding="utf-8") as articles, \
            open(corpus / "gold.jsonl", encoding="utf-8") as golds:
        for article_line, gold_line in zip(articles, golds):
            extraction = gold_extraction(json.loads(article_line), json.loads(gold_line))
            extracted[extraction.article.id] = extraction

    def already_extracted(stream, jobs=1):
        for article in stream:
            extraction = extracted.pop(article.id)
            extraction.article = article
            yield extraction

    spent = {"resolve": 0.0}

    def timed(function):
        def wrapper(*args, **kwargs):
            begun = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent["resolve"] += time.perf_counter() - begun
        return wrapper

    pipeline.extract_many = already_extracted
    pipeline.Resolution.put = timed(pipeline.Resolution.put)
    pipeline.Resolution.assign = timed(pipeline.Resolution.assign)
    pipeline.reconcile = timed(pipeline.reconcile)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    store = GraphStore(folder / "store")
    start = time.perf_counter()
    report = pipeline.ingest([str(corpus / "articles.jsonl")], store)
    seconds = time.perf_counter() - start
    quads = len(store)
    store.close()
    return {"articles": n, "ingested": report.ingested, "quads": quads, "seconds": seconds,
            "ms_per_article": 1000 * seconds / n, "resolve_ms_per_article": 1000 * spent["resolve"] / n,
            "reresolved": report.reresolved, "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "rss_before_mib": rss_before / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process's size
    args = parser.parse_args()
    if args.one:
        with tempfile.TemporaryDirectory(prefix="kg-resolution-bench-") as folder:
            print(json.dumps(one_size(args.one, Path(folder))))
        return
    rows = []
    for n in (int(size) for size in args.sizes.split(",")):
        done = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"{n} articles failed: {done.stderr[-2000:]}")
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"{n:>7,} articles  {row['quads']:>10,} quads  {row['seconds']:7.1f} s  "
              f"{row['ms_per_article']:6.2f} ms/article  resolution {row['resolve_ms_per_article']:6.2f} ms/article  "
              f"peak RSS {row['peak_rss_mib']:6.0f} MiB  ({row['reresolved']} re-resolved)", flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
