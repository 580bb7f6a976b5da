"""How `kg viz` scales: build time, file size and time to first draw in headless Chromium.

For each size, a synthetic person network shaped like `kg.analysis.network.person_network`'s output
(persons of 30 countries with ranks and positions; contacts with dates and source articles;
a clustered power-law graph, 2 edges per node) is turned into a page by the library API, written,
and opened from file:// in Debian's chromium driven by Playwright. "First draw" is the time from
navigation to vis-network's first `afterDrawing` event (the page sets `window.kgReady`).

    python3 bench/viz_bench.py                  # 500, 2,000 and 10,000 nodes
    python3 bench/viz_bench.py --sizes 500 --runs 3

Output: one line per size, and bench/out/viz-<n>.html, bench/out/viz-<n>.png; with --json FILE
also the figures as JSON (a list of objects, one per size) for bench/README.md.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

import networkx as nx

from kg.analysis.network import add_metrics
from kg.analysis.viz import PHYSICS_LIMIT, to_html, to_pyvis

OUT = Path(__file__).parent / "out"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
COUNTRIES = ["AZ", "CN", "TR", "RU", "US", "FR", "DE", "IN", "PK", "IR", "KZ", "UZ", "GE", "AM",
             "UA", "BY", "GB", "IT", "ES", "JP", "KR", "VN", "ID", "MY", "TH", "EG", "SA", "AE",
             "QA", "IL"]
RANKS = ["General", "Colonel General", "Lieutenant General", "Major General", "Rear Admiral", None]


def synthetic_person_network(n: int, seed: int = 1) -> nx.Graph:
    rng = random.Random(seed)
    shape = nx.powerlaw_cluster_graph(n, 2, 0.3, seed=seed)
    graph = nx.Graph(projection="persons")
    for node in shape:
        country = rng.choice(COUNTRIES)
        graph.add_node(f"p{node}", kind="person", label=f"Official {node} of {country}",
                       rank=rng.choice(RANKS), position="Minister of Defence" if node % 7 == 0
                       else "Chief of General Staff", country=country, country_label=country)
    for a, b in shape.edges():
        meetings = 1 + (rng.random() < 0.2) + (rng.random() < 0.05)
        contacts = []
        for k in range(meetings):
            date = f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            article = f"a{a}-{b}-{k}"
            contacts.append({"event": f"m{a}-{b}-{k}", "label": f"Meeting {a}-{b}", "date": date,
                             "mode": "in_person", "articles": [{
                                 "id": article, "title": f"Ministers meet ({article})",
                                 "url": f"https://example.org/{article}", "date": date}]})
        graph.add_edge(f"p{a}", f"p{b}", contacts=contacts, weight=meetings,
                       dates=[c["date"] for c in contacts], articles=[c["event"] for c in contacts])
    return graph


def first_draw_seconds(browser, path: Path, screenshot: Path) -> float:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    started = time.perf_counter()
    page.goto(path.resolve().as_uri())
    page.wait_for_function("() => window.kgReady === true", timeout=600_000, polling=50)
    elapsed = time.perf_counter() - started
    page.screenshot(path=str(screenshot))
    page.close()
    if errors:
        raise RuntimeError(f"{path}: page errors: {errors}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 10000])
    parser.add_argument("--runs", type=int, default=1, help="Browser runs per size (median).")
    parser.add_argument("--json", dest="json_path", help="Also write the figures to this JSON file.")
    args = parser.parse_args()
    results = []
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    print(f"{'nodes':>6} {'edges':>6} {'physics':>7} {'metrics s':>9} {'page s':>7} "
          f"{'MiB':>5} {'first draw s':>12}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in args.sizes:
            graph = synthetic_person_network(n)
            started = time.perf_counter()
            add_metrics(graph)
            metrics_seconds = time.perf_counter() - started
            started = time.perf_counter()
            page = to_html(to_pyvis(graph))
            path = OUT / f"viz-{n}.html"
            path.write_text(page, encoding="utf-8")
            page_seconds = time.perf_counter() - started
            draws = [first_draw_seconds(browser, path, OUT / f"viz-{n}.png") for _ in range(args.runs)]
            print(f"{n:>6} {graph.number_of_edges():>6} {'on' if n <= PHYSICS_LIMIT else 'off':>7} "
                  f"{metrics_seconds:>9.2f} {page_seconds:>7.2f} {path.stat().st_size / 2**20:>5.1f} "
                  f"{statistics.median(draws):>12.2f}", flush=True)
            results.append({"nodes": n, "edges": graph.number_of_edges(),
                            "physics": n <= PHYSICS_LIMIT, "metrics_s": round(metrics_seconds, 2),
                            "page_s": round(page_seconds, 2), "bytes": path.stat().st_size,
                            "first_draw_s": round(statistics.median(draws), 2),
                            "first_draw_runs_s": [round(d, 2) for d in draws]})
        browser.close()
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
