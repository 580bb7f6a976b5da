"""Ingest at scale: articles/s and peak memory of `kg ingest` on a synthetic corpus.

    python bench/ingest_bench.py                      # 10,000 articles, --jobs 1 and 2
    python bench/ingest_bench.py --articles 2000 --jobs 1

Writes a fictional corpus with `kg.devtools.synth` (press-release-like articles, ~170 words, the same
officials recurring across articles), then runs the real command, each in a fresh process so that
its peak RSS is its own:

- a fresh ingest of a quarter of the corpus and of the whole corpus (memory should stay flat:
  the articles are streamed and written in transactions of 64),
- the same command again (every article unchanged: nothing written),
- a fresh ingest with ``--jobs N`` for each N given.

Prints one line per run and, with --json FILE, the same as JSON. Also compares the number of
persons in the entities graph with the number of distinct (name, country) officials in the gold.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

RUN_AND_MEASURE = """
import resource, subprocess, sys, time
started = time.monotonic()
result = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.monotonic() - started
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{result.returncode}\\t{elapsed:.3f}\\t{peak_kb}")
sys.stderr.write(result.stdout[-2000:] + result.stderr[-2000:])
"""


def measure(command: list[str]) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak RSS in MB, output tail) of a command run in its own process."""
    done = subprocess.run([sys.executable, "-c", RUN_AND_MEASURE, *command], capture_output=True, text=True)
    code, seconds, peak_kb = done.stdout.strip().split("\t")
    return int(code), float(seconds), int(peak_kb) / 1024, done.stderr.strip().splitlines()[-1:]


def write_corpus(folder: Path, count: int, seed: int) -> Path:
    from kg.devtools.synth import write_corpus as synth

    synth(folder, count, seed=seed)
    return folder / "articles.jsonl"


def head(path: Path, count: int, out: Path) -> Path:
    with path.open(encoding="utf-8") as source, out.open("w", encoding="utf-8") as target:
        for number, line in enumerate(source):
            if number >= count:
                break
            target.write(line)
    return out


def gold_officials(folder: Path) -> int:
    names = set()
    with (folder / "gold.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            for person in json.loads(line).get("persons", []):
                names.add((person["name"], person.get("country")))
    return len(names)


def entity_persons(store: Path) -> int:
    from kg.graph.vocabulary import ENTITIES_GRAPH
    from kg.graph.store import GraphStore

    with GraphStore(store, read_only=True) as graph:
        rows = graph.query(f"SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ GRAPH {ENTITIES_GRAPH} "
                           "{ ?p a <https://w3id.org/mdc#Person> } }")
        return int(next(iter(rows))["n"].value)


def official_identities(count: int, seed: int) -> dict[tuple[str, str | None], int]:
    """(surface name, country) -> the generator's official: the gold writes a person under the
    spelling the article used ("Nikolay" or "Nikolai"), so the official behind it comes from the
    generator's population, where each official has a name and maybe a variant spelling."""
    from kg.devtools.synth import build_population

    population = build_population(seed, count)
    identities: dict[tuple[str, str | None], int] = {}
    for side in population.states + population.bodies:
        for official in side.officials:
            for given in filter(None, (official.given, official.variant)):
                identities.setdefault((official.name_with(given), official.country), id(official))
    return identities


def resolution_scores(store: Path, folder: Path, count: int, seed: int) -> dict:
    """Pairwise precision/recall of person resolution against the synthetic gold.

    Each extracted mention is matched to the gold person of its article with the same name (or
    alias); the true identity is the generator's official behind that gold person, the predicted
    one the mention's IRI. Pairs are counted from the contingency table (no quadratic loop).
    """
    from collections import Counter

    from kg.graph.persistence import Resolution
    from kg.graph.store import GraphStore

    officials = official_identities(count, seed)

    gold = {}
    with (folder / "gold.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            gold[record["id"]] = record.get("persons", [])
    cells, predicted, actual = Counter(), Counter(), Counter()
    matched = unmatched = 0
    with GraphStore(store, read_only=True) as graph:
        resolution = Resolution(graph, eager=True)
    for article, mentions in resolution.registry.articles.items():
        for mention in mentions:
            person = next((p for p in gold.get(article, []) if mention.name == p["name"]
                           or mention.name in p.get("aliases", [])), None)
            if person is None or not mention.iri:
                unmatched += 1
                continue
            matched += 1
            identity = officials.get((person["name"], person.get("country")), (person["name"], person.get("country")))
            cells[(identity, mention.iri)] += 1
            predicted[mention.iri] += 1
            actual[identity] += 1

    def pairs(counter):
        return sum(n * (n - 1) // 2 for n in counter.values())

    true_pairs = pairs(cells)
    return {"mentions_matched": matched, "mentions_unmatched": unmatched,
            "precision": round(true_pairs / max(pairs(predicted), 1), 4),
            "recall": round(true_pairs / max(pairs(actual), 1), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, nargs="*", default=[2], help="also run with --jobs N")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", dest="json_path")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        tmp = Path(tmp)
        corpus = write_corpus(tmp / "corpus", args.articles, args.seed)
        quarter = head(corpus, args.articles // 4, tmp / "quarter.jsonl")
        kg = [sys.executable, "-m", "kg.cli", "ingest", "-q"]
        runs = [(f"fresh, {args.articles // 4} articles", [*kg, str(quarter), "--store", str(tmp / "s0")],
                 args.articles // 4),
                (f"fresh, {args.articles} articles", [*kg, str(corpus), "--store", str(tmp / "s1")], args.articles),
                (f"again, {args.articles} unchanged", [*kg, str(corpus), "--store", str(tmp / "s1")], args.articles)]
        runs += [(f"fresh, {args.articles} articles, --jobs {jobs}",
                  [*kg, str(corpus), "--store", str(tmp / f"j{jobs}"), "--jobs", str(jobs)], args.articles)
                 for jobs in args.jobs if jobs > 1]
        for label, command, count in runs:
            code, seconds, peak_mb, tail = measure(command)
            results.append({"run": label, "exit": code, "seconds": round(seconds, 2),
                            "articles_per_s": round(count / seconds, 1), "peak_rss_mb": round(peak_mb, 1),
                            "summary": tail[0] if tail else ""})
            print(f"{label:42s} exit {code}  {seconds:7.1f} s  {count / seconds:7.1f} articles/s  "
                  f"peak RSS {peak_mb:6.1f} MB  | {tail[0] if tail else ''}", flush=True)
        officials, persons = gold_officials(tmp / "corpus"), entity_persons(tmp / "s1")
        print(f"persons in the entities graph: {persons}; distinct officials (name, country) in the gold: "
              f"{officials}")
        results.append({"entity_persons": persons, "gold_officials": officials})
        scores = resolution_scores(tmp / "s1", tmp / "corpus", args.articles, args.seed)
        print(f"person resolution against the gold: pairwise precision {scores['precision']:.4f}, "
              f"recall {scores['recall']:.4f} over {scores['mentions_matched']} extracted mentions matched "
              f"to a gold person ({scores['mentions_unmatched']} not matched)")
        results.append(scores)
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
