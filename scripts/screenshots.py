"""Screenshots at 1280x720 for docs/: the network pages (persons, a person selected, countries,
events) and the query page of `kg serve` after running a named query.

    .venv/bin/python scripts/screenshots.py [STORE] [OUT_DIR]

STORE defaults to kg-store (run scripts/demo.sh first); the pages are written beside the
pictures. Needs Debian's chromium (scripts/setup.sh --test installs it) and Playwright.
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from kg.analysis.network import build_network
from kg.graph.store import open_store
from kg.analysis.viz import write_html

CHROMIUM = "/usr/bin/chromium"
PAGES = {  # name: (projection, options, what to do on the page before the picture)
    "persons": ("persons", {}, None),
    "persons-selected": ("persons", {}, "search"),
    "countries": ("countries", {}, None),
    "events": ("events", {"since": "2024"}, None),
}


def main(store_dir: str = "kg-store", out_dir: str = "docs/screenshots") -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with open_store(store_dir, read_only=True) as store:
        graphs = {name: build_network(store, projection, **options)
                  for name, (projection, options, _) in PAGES.items()}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        for name, graph in graphs.items():
            html = write_html(graph, out / f"{name}.html",
                              title=f"Military-diplomatic contacts: {PAGES[name][0]}")
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            page.goto(html.resolve().as_uri())
            page.wait_for_function("() => window.kgReady === true", timeout=60_000)
            page.wait_for_function("() => window.kgSettled === true", timeout=60_000)
            if PAGES[name][2] == "search":
                busiest = max(graph.nodes, key=lambda n: graph.nodes[n].get("weighted_degree", 0))
                page.fill("#kg-search", graph.nodes[busiest]["label"])
                page.press("#kg-search", "Enter")
                # the panel from its list of counterparts: whom they met, when, the evidence
                page.evaluate("document.querySelector('.kg-met-box').scrollIntoView()")
            page.wait_for_timeout(500)
            page.screenshot(path=str(out / f"{name}.png"))
            print(f"{out / f'{name}.png'}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
            page.close()
            (out / f"{name}.html").unlink()  # the pictures are the documentation; pages are big
        serve_page(browser, store_dir, out)
        browser.close()


def serve_page(browser, store_dir: str, out: Path) -> None:
    """`kg serve`'s page, with the who-met-whom example run."""
    import threading

    from kg.query.serve import FrontServer, _free_port, start

    inner, outer = _free_port(), _free_port()
    process = start(store_dir, f"127.0.0.1:{inner}")
    front = FrontServer(("127.0.0.1", outer), ("127.0.0.1", inner))
    threading.Thread(target=front.serve_forever, daemon=True).start()
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.goto(f"http://127.0.0.1:{outer}/")
        page.wait_for_function("() => window.kgReady === true")
        page.click("button[data-name=who-met-whom]")
        page.wait_for_function("() => window.kgDone === true")
        page.screenshot(path=str(out / "serve.png"))
        print(f"{out / 'serve.png'}: {page.inner_text('#kg-status')}")
        page.close()
    finally:
        front.shutdown()
        front.server_close()
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    main(*sys.argv[1:])
