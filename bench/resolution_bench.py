"""Resolution cost per article and peak memory of `kg ingest` as the store grows (1k, 10k, 50k articles).

Each size runs in a fresh process: a `kg synth` corpus of N articles is ingested into a new on-disk
store with the extractor replaced by the generator's gold facts (`kg.devtools.synth.gold_extraction`), so
what is measured is what comes after extraction: resolution (registering mentions, clustering
surname blocks, assigning IRIs, reconciling), RDF mapping and the SPARQL updates that keep the
article graphs, the entities graph and the merged default graph. Time inside resolution
(`Resolution.put`, `Resolution.read_blocks`, `Resolution.assign`, `reconcile`) is measured apart, per article, as wall time
and as the calling thread's CPU time (the wall time also counts waiting: for a core on a machine
shared with other work, for the disk, for RocksDB's own threads, whose work the CPU time does not
count either); peak RSS is the kernel's maximum resident set size of the process.

    python bench/resolution_bench.py                   # 1,000, 10,000 and 50,000 articles
    python bench/resolution_bench.py --sizes 1000,5000 --repeat 3   # medians of 3 runs each
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def gold_facts(corpus: Path):
    """A stand-in for the extractor (`kg.budget.extract_many`): each article's facts from the
    generator's gold, read in step with the articles (not all held in memory: peak RSS is the
    ingest's own)."""
    from kg.devtools.synth import gold_extraction

    def already_extracted(stream, jobs=1, **options):
        with open(corpus / "gold.jsonl", encoding="utf-8") as golds:
            for article in stream:
                for gold_line in golds:
                    gold = json.loads(gold_line)
                    if gold.get("id") == article.id:
                        break
                extraction = gold_extraction({"id": article.id, "text": article.text, "date": article.date,
                                              "title": article.title, "source": article.source,
                                              "url": article.url}, gold)
                extraction.article = article
                yield extraction

    return already_extracted


def one_size(n: int, folder: Path) -> dict:
    import kg.pipeline as pipeline
    from kg.graph.store import GraphStore
    from kg.devtools.synth import write_corpus

    corpus = folder / "corpus"
    write_corpus(corpus, n, seed=1)
    already_extracted = gold_facts(corpus)
    spent = {"resolve": 0.0, "reconcile": 0.0, "cpu": 0.0}

    def timed(function, part="resolve"):
        def wrapper(*args, **kwargs):
            begun, cpu_begun = time.perf_counter(), time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[part] += time.perf_counter() - begun
                spent["cpu"] += time.thread_time() - cpu_begun
        return wrapper

    pipeline.extract_many = already_extracted
    pipeline.Resolution.put = timed(pipeline.Resolution.put)
    pipeline.Resolution.assign = timed(pipeline.Resolution.assign)
    pipeline.Resolution.read_blocks = timed(pipeline.Resolution.read_blocks)
    pipeline.reconcile = timed(pipeline.reconcile, "reconcile")
    most_classes = [0]
    plain_trim = pipeline.Resolution.trim

    def trim(self, *args, **kwargs):
        most_classes[0] = max(most_classes[0], self.registry.class_count())
        return plain_trim(self, *args, **kwargs)

    pipeline.Resolution.trim = trim
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    store = GraphStore(folder / "store")
    start = time.perf_counter()
    report = pipeline.ingest([str(corpus / "articles.jsonl")], store)
    seconds = time.perf_counter() - start
    quads = len(store)
    persons = int(next(iter(store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://w3id.org/mdc#Person> }")))["n"].value)
    store.close()
    return {"articles": n, "ingested": report.ingested, "quads": quads, "seconds": seconds,
            "ms_per_article": 1000 * seconds / n, "resolve_ms_per_article": 1000 * (spent["resolve"] + spent["reconcile"]) / n,
            "reconcile_ms_per_article": 1000 * spent["reconcile"] / n, "most_classes": most_classes[0],
            "resolve_cpu_ms_per_article": 1000 * spent["cpu"] / n,
            "reresolved": report.reresolved, "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "rss_before_mib": rss_before / 1024, "persons": persons}


def median_row(runs: list[dict]) -> dict:
    """The median of each timing and of the peak RSS over runs of one size, with every run's values."""
    row = dict(runs[0])
    for key in ("seconds", "ms_per_article", "resolve_ms_per_article", "reconcile_ms_per_article",
                "resolve_cpu_ms_per_article", "peak_rss_mib"):
        row[key] = statistics.median(run[key] for run in runs)
        row[key + "_runs"] = [run[key] for run in runs]
    row["runs"] = len(runs)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (their median is reported)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process's size
    args = parser.parse_args()
    if args.one:
        with tempfile.TemporaryDirectory(prefix="kg-resolution-bench-") as folder:
            print(json.dumps(one_size(args.one, Path(folder))))
        return
    rows = []
    for n in (int(size) for size in args.sizes.split(",")):
        runs = []
        for _ in range(args.repeat):
            done = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True)
            if done.returncode:
                sys.exit(f"{n} articles failed: {done.stderr[-2000:]}")
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        row = median_row(runs)
        rows.append(row)
        print(f"{n:>7,} articles  {row['quads']:>10,} quads  {row['seconds']:7.1f} s  "
              f"{row['ms_per_article']:6.2f} ms/article  resolution {row['resolve_ms_per_article']:6.2f} ms/article  "
              f"(of which reconcile {row['reconcile_ms_per_article']:5.2f}; CPU {row['resolve_cpu_ms_per_article']:5.2f})  "
              f"peak RSS {row['peak_rss_mib']:6.0f} MiB  ({row['reresolved']} re-resolved, {row['persons']} persons, "
              f"at most {row['most_classes']:,} classes held; "
              f"median of {len(runs)})", flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
