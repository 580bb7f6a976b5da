"""Where resolution's CPU time per article goes at one size: the evidence behind bench/README.md section 8.

One ingest of N `kg synth` articles (seed 1) as `bench/resolution_bench.py` runs it, with cProfile
(the calling thread's CPU time as its clock) on only while resolution runs (`Resolution.put`,
`read_blocks`, `assign`, `reconcile`). Prints the functions by their own time and by their time with
what they call, each as calls and milliseconds per article; profile two sizes and compare (the
profiler makes Python code 3 to 4 times slower, so compare counts and shares, not absolute times).

    python bench/resolution_profile.py 10000 --top 40
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

from resolution_bench import one_size


def profiled(profiler: cProfile.Profile, depth: list[int], function):
    """``function`` with the profiler on while it runs (once, however deep the calls nest)."""
    def wrapper(*args, **kwargs):
        if depth[0] == 0:
            profiler.enable()
        depth[0] += 1
        try:
            return function(*args, **kwargs)
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                profiler.disable()
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", type=int)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    import kg.pipeline as pipeline

    profiler = cProfile.Profile(time.thread_time)
    depth = [0]
    for name in ("put", "assign", "read_blocks"):
        setattr(pipeline.Resolution, name, profiled(profiler, depth, getattr(pipeline.Resolution, name)))
    pipeline.reconcile = profiled(profiler, depth, pipeline.reconcile)
    with tempfile.TemporaryDirectory(prefix="kg-resolution-profile-") as folder:
        row = one_size(args.articles, Path(folder))  # its own timers wrap the profiled functions
    print({key: row[key] for key in ("articles", "resolve_cpu_ms_per_article", "peak_rss_mib", "persons")})
    stats = pstats.Stats(profiler)
    n = args.articles
    total = sum(entry[2] for entry in stats.stats.values())
    print(f"under the profiler: {1000 * total / n:.3f} ms CPU per article, "
          f"{sum(entry[1] for entry in stats.stats.values()) / n:.0f} calls per article")
    for title, index in (("own time", 2), ("with what it calls", 3)):
        print(f"\nby {title}: calls/article  ms/article  function")
        ranked = sorted(stats.stats.items(), key=lambda item: -item[1][index])[:args.top]
        for (file, line, function), entry in ranked:
            print(f"{entry[1] / n:10.3f} {1000 * entry[index] / n:10.4f}  {Path(file).name}:{line} {function}")


if __name__ == "__main__":
    main()
