"""Where the memory of an ingest goes, phase by phase: the evidence behind bench/README.md section 8.

One ingest of N `kg synth` articles (seed 1) into a fresh on-disk store, the extractor replaced by the
generator's gold facts as in `bench/resolution_bench.py`. A thread samples the process every 50 ms and
keeps, for each phase (the batches of the ingest; the final reconcile's loop over the surname blocks,
its re-mapping of articles, its descriptions of the persons), the sample of highest RSS, split by
mapping as /proc/self/smaps shows it:

- ``heap``: glibc's main heap, where RocksDB's caches, its transactions and Python's larger objects live;
- ``arenas``: the 64 MiB-aligned anonymous mappings, glibc's arenas of other threads (RocksDB's
  flushes and compactions);
- ``other_anon``: other anonymous mappings, most of them Python's small-object arenas;
- ``files``: mapped files (the interpreter and its libraries; RocksDB maps none of its files);

with the count of Python's allocated blocks. At the end it prints what `malloc_trim` and closing
the store give back.

    python bench/memory_phases.py 10000
"""
from __future__ import annotations

import ctypes
import json
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from resolution_bench import gold_facts  # noqa: E402  (the same stand-in for the extractor)


def rss_mib() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 >> 20


def mappings() -> dict:
    """Resident MiB by kind of mapping (see the module's docstring)."""
    kinds = {"heap": 0, "arenas": 0, "other_anon": 0, "files": 0}
    kind = None
    with open("/proc/self/smaps") as smaps:
        for line in smaps:
            fields = line.split()
            if fields and "-" in fields[0] and not fields[0].endswith(":"):
                low, high = (int(x, 16) for x in fields[0].split("-"))
                name = fields[5] if len(fields) > 5 else ""
                if name == "[heap]":
                    kind = "heap"
                elif name.startswith("/"):
                    kind = "files"
                elif name == "" and high - low <= 64 << 20 and low % (64 << 20) == 0:
                    kind = "arenas"
                elif name.startswith("["):
                    kind = None
                else:
                    kind = "other_anon"
            elif fields and fields[0] == "Rss:" and kind:
                kinds[kind] += int(fields[1])
    return {name: kib >> 10 for name, kib in kinds.items()}


def main(n: int, folder: Path) -> None:
    import kg.graph.persistence as persistence
    import kg.pipeline as pipeline
    from kg.devtools.synth import write_corpus
    from kg.graph.resolution import MentionRegistry
    from kg.graph.store import GraphStore

    corpus = folder / "corpus"
    write_corpus(corpus, n, seed=1)
    pipeline.extract_many = gold_facts(corpus)
    phase = ["batches"]
    peaks: dict[str, dict] = {}

    def marking(function, name):
        def marked(*args, **kwargs):
            phase[0] = name
            return function(*args, **kwargs)
        return marked

    pipeline.reconcile = marking(pipeline.reconcile, "reconcile: blocks")
    persistence._load_extraction = marking(persistence._load_extraction, "reconcile: re-mapping")
    persistence.Resolution.description_quads = marking(persistence.Resolution.description_quads,
                                                       "reconcile: descriptions")
    MentionRegistry.stale_articles = marking(MentionRegistry.stale_articles, "reconcile: blocks")
    releases = {}
    plain_release = GraphStore.release_memory

    def counted_release(self):
        releases[phase[0]] = releases.get(phase[0], 0) + 1
        plain_release(self)

    GraphStore.release_memory = counted_release
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            rss = rss_mib()
            if rss > peaks.get(phase[0], {}).get("rss", 0):
                peaks[phase[0]] = {"rss": rss, **mappings(), "python_blocks": sys.getallocatedblocks()}
            time.sleep(0.05)

    store = GraphStore(folder / "store")
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    pipeline.ingest([str(corpus / "articles.jsonl")], store)
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    trim = getattr(ctypes.CDLL(None), "malloc_trim", lambda pad: None)
    end = {"rss": rss_mib(), **mappings()}
    trim(0)
    trimmed = {"rss": rss_mib(), **mappings()}
    store.close()
    trim(0)
    closed = {"rss": rss_mib(), **mappings()}
    print(json.dumps({"articles": n, "seconds": round(seconds, 1),
                      "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10,
                      "peaks_by_phase": peaks, "store_reopened": releases, "at_end": end,
                      "after_malloc_trim": trimmed, "after_closing_the_store_and_trim": closed}, indent=1))


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="kg-memory-phases-") as scratch:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000, Path(scratch))
