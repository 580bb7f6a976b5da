"""The network page in a real browser: Debian's chromium, headless, driven by Playwright.

One browser for the module; every page is opened from file:// and watched for console errors,
page errors, dialogs and any request that leaves file://. Never skipped: the browser is a
required test component (scripts/setup.sh installs it).
"""
from __future__ import annotations

import time

import networkx as nx
import pytest
from playwright.sync_api import sync_playwright

from kg.analysis.network import build_network
from kg.analysis.viz import PHYSICS_LIMIT, write_html
from kg.cli import cli
from kg.graph.store import GraphStore, open_store
from kg.model import Article, Extraction, Meeting, Person
from kg.pipeline import store_extraction
from sample_facts import seed_like_extraction

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = "<img src=x onerror=alert(1)>"
PERSON = "https://w3id.org/mdc/id/person/"


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page with everything that should not happen recorded."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(
            f"console {m.type}: {m.text}"))
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path, timeout_ms: int = 30_000):
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("() => window.kgReady === true", timeout=timeout_ms, polling=50)
        return self.page

    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(("file://", "data:"))]

    def node_point(self, node_id: str) -> tuple[float, float]:
        """Where a node is drawn, in page coordinates."""
        return tuple(self.page.evaluate("""(id) => {
            const network = window.kgNetwork;
            const point = network.canvasToDOM(network.getPositions([id])[id]);
            const box = document.querySelector('#kg-network canvas').getBoundingClientRect();
            return [point.x + box.left, point.y + box.top];
        }""", node_id))


@pytest.fixture
def watched(browser):
    page = Watched(browser)
    yield page
    page.page.close()


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    """Seed-like facts, plus an article whose every field is hostile."""
    store = GraphStore(None)
    store_extraction(store, seed_like_extraction("T1"))
    article = Article(id="H1", text="(hand-made)", title="<script>alert(2)</script> & co",
                      url="javascript:alert(3)", date="2024-07-01")
    hostile = Person("x", HOSTILE, rank="<b>General</b>", position='"><svg onload=alert(4)>',
                     country="AZ")
    yao = Person("y", "Yao Qin", country="CN")
    store_extraction(store, Extraction(article, date="2024-07-01", persons=[hostile, yao],
                                       meetings=[Meeting("m", "2024-07-01", ["AZ", "CN"],
                                                         participants=["x", "y"],
                                                         evidence=[HOSTILE + " met Yao Qin."])]))
    path = tmp_path_factory.mktemp("viz") / "hostile.html"
    graph = build_network(store, "persons")
    write_html(graph, path)
    return path, graph


def test_the_page_loads_offline_with_every_node_and_edge(watched, hostile_page):
    path, graph = hostile_page
    page = watched.open(path)
    counts = page.evaluate("[window.kgNetwork.body.data.nodes.length,"
                           " window.kgNetwork.body.data.edges.length]")
    assert counts == [graph.number_of_nodes(), graph.number_of_edges()] == [3, 2]
    assert watched.errors == []
    assert watched.outside_requests() == []
    assert watched.dialogs == []


def test_clicking_a_node_shows_its_tooltip(watched, hostile_page):
    page = watched.open(hostile_page[0])
    x, y = watched.node_point(PERSON + "zakir-hasanov")
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    details = page.inner_text("#kg-details")
    assert "Zakir Hasanov" in details and "Colonel General" in details
    assert "Defence Minister" in details and "Azerbaijan (AZ)" in details
    assert "Contacts\t1" in details or "Contacts 1" in details
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert "Zakir Hasanov" in page.inner_text("div.vis-tooltip")


def test_clicking_an_edge_lists_its_meetings_and_linked_sources(watched, hostile_page):
    page = watched.open(hostile_page[0])
    hasanov = watched.node_point(PERSON + "zakir-hasanov")
    yao = watched.node_point(PERSON + "yao-qin")
    page.mouse.click((hasanov[0] + yao[0]) / 2, (hasanov[1] + yao[1]) / 2)
    details = page.inner_text("#kg-details")
    assert "Yao Qin – Zakir Hasanov" in details or "Zakir Hasanov – Yao Qin" in details
    assert "2024-06-14" in details and "Minister receives delegation" in details
    link = page.query_selector("#kg-details a")
    assert link.get_attribute("href") == "https://example.org/news/1"
    assert link.get_attribute("rel") == "noopener noreferrer"


def test_a_hostile_label_stays_text_and_runs_nothing(watched, hostile_page):
    page = watched.open(hostile_page[0])
    hostile_id = next(n for n, a in hostile_page[1].nodes(data=True) if a["label"] == HOSTILE)
    x, y = watched.node_point(hostile_id)
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    assert page.text_content("#kg-details h3") == HOSTILE
    assert '"><svg onload=alert(4)>' in page.inner_text("#kg-details")
    assert "<b>General</b>" in page.inner_text("#kg-details")
    # the hostile article behind the edge: its title is text, its javascript: URL is no link
    yao = watched.node_point(PERSON + "yao-qin")
    page.mouse.click((x + yao[0]) / 2, (y + yao[1]) / 2)
    assert "<script>alert(2)</script> & co" in page.inner_text("#kg-details")
    assert HOSTILE + " met Yao Qin." in page.inner_text("#kg-details")  # the evidence, as text
    assert page.query_selector("#kg-details a") is None
    page.fill("#kg-search", "onerror")
    page.press("#kg-search", "Enter")
    assert page.inner_text("#kg-search-result") == "1 match"
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelectorAll('img, svg:not(#kg-timeline-svg), #kg-details script').length") == 0
    assert watched.dialogs == []
    assert watched.errors == []


def test_search_and_filters(watched, hostile_page):
    page = watched.open(hostile_page[0])
    page.fill("#kg-search", "yao")
    page.press("#kg-search", "Enter")
    assert page.inner_text("#kg-search-result") == "1 match"
    assert page.evaluate("window.kgNetwork.getSelectedNodes()") == [PERSON + "yao-qin"]
    assert "Yao Qin" in page.inner_text("#kg-details")
    visible = "window.kgNetwork.body.data.nodes.length"
    page.select_option("#kg-country", "CN")  # contacts involving China: both, with counterparts
    assert page.evaluate(visible) == 3
    page.select_option("#kg-country", "")
    assert page.evaluate(visible) == 3
    page.uncheck("input[data-kind=person]")
    assert page.evaluate(visible) == 0
    page.check("input[data-kind=person]")
    assert page.evaluate(visible) == 3


def test_every_class_has_its_legend_entry(watched, tmp_path):
    store = GraphStore(None)
    store_extraction(store, seed_like_extraction("T1"))
    path = write_html(build_network(store, "events"), tmp_path / "events.html")
    page = watched.open(path)
    legend = page.inner_text("#kg-kinds")
    for name in ("Person (2)", "Meeting (1)", "Delegation (1)", "Forum (1)", "Invitation (1)"):
        assert name in legend
    shapes = page.evaluate("window.kgNetwork.body.data.nodes.get().map(n => n.shape).sort()")
    assert shapes == ["diamond", "dot", "dot", "hexagon", "star", "triangleDown"]
    assert watched.errors == [] and watched.outside_requests() == []


def test_the_seed_network_from_the_cli(watched, seed_store_dir, tmp_path, runner, artifacts_dir):
    output = tmp_path / "network.html"
    result = runner.invoke(cli, ["viz", "--store", str(seed_store_dir), "--output", str(output)])
    assert result.exit_code == 0, result.output
    store = open_store(seed_store_dir, read_only=True)
    try:
        graph = build_network(store, "persons")
    finally:
        store.close()
    page = watched.open(output)
    page.wait_for_timeout(300)  # let the short stabilisation finish before the picture
    assert page.evaluate("window.kgNetwork.body.data.nodes.length") == graph.number_of_nodes()
    assert page.evaluate("window.kgNetwork.body.data.edges.length") == graph.number_of_edges()
    page.screenshot(path=str(artifacts_dir / "seed-network.png"))
    (artifacts_dir / "seed-network.html").write_bytes(output.read_bytes())
    assert watched.errors == [] and watched.outside_requests() == [] and watched.dialogs == []


def test_an_empty_network_says_so(watched, tmp_path):
    path = write_html(build_network(GraphStore(None), "persons"), tmp_path / "empty.html")
    page = watched.open(path)
    assert page.is_visible("#kg-empty")
    assert watched.errors == []


def test_a_large_network_draws_at_once_with_physics_off(watched, tmp_path):
    graph = nx.gnm_random_graph(PHYSICS_LIMIT + 500, 3000, seed=1)
    for node in graph:
        graph.nodes[node].update(label=f"Official {node}", kind="person", country="AZ")
    path = write_html(graph, tmp_path / "large.html")
    started = time.perf_counter()
    page = watched.open(path, timeout_ms=60_000)
    assert time.perf_counter() - started < 20
    assert page.evaluate("window.kgNetwork.physics.physicsEnabled") is False
    assert page.evaluate("window.kgNetwork.body.data.nodes.length") == PHYSICS_LIMIT + 500
    assert watched.errors == []


def test_colour_by_community_or_country(watched, hostile_page):
    page = watched.open(hostile_page[0])
    colours = "window.kgNetwork.body.data.nodes.get().map(n => n.color).sort()"
    assert len(set(page.evaluate(colours))) == 2  # by state, the default: AZ and CN
    assert page.inner_text("#kg-colours").split("\n") == ["Azerbaijan (AZ)", "China (CN)"]
    page.select_option("#kg-colour", "class")
    assert len(set(page.evaluate(colours))) == 1  # every node is a person
    page.select_option("#kg-colour", "country")
    assert len(set(page.evaluate(colours))) == 2
    assert watched.errors == []


def test_a_range_of_years_shows_only_its_contacts(watched, tmp_path):
    store = GraphStore(None)
    store_extraction(store, seed_like_extraction("T1"))  # Hasanov and Yao Qin, 2024
    old = Extraction(Article("T0", "(hand-made)", date="2019-05-01"), date="2019-05-01",
                     persons=[Person("h", "Zakir Hasanov", country="AZ"),
                              Person("s", "Sergei Shoigu", country="RU")],
                     meetings=[Meeting("m", "2019-05-01", ["AZ", "RU"], participants=["h", "s"])])
    store_extraction(store, old)
    page = watched.open(write_html(build_network(store, "persons"), tmp_path / "years.html"))
    counts = ("[window.kgNetwork.body.data.nodes.length,"
              " window.kgNetwork.body.data.edges.length]")
    assert page.evaluate(counts) == [3, 2]
    page.select_option("#kg-year-from", "2024")
    assert page.evaluate(counts) == [2, 1]
    assert sorted(page.evaluate("window.kgNetwork.body.data.nodes.get().map(n => n.label)")) == [
        "Yao Qin", "Zakir Hasanov"]
    page.select_option("#kg-year-from", "2019")
    page.select_option("#kg-year-to", "2019")
    assert page.evaluate("window.kgNetwork.body.data.nodes.get().map(n => n.label).sort()") == [
        "Sergei Shoigu", "Zakir Hasanov"]
    page.select_option("#kg-year-to", "2024")
    assert page.evaluate(counts) == [3, 2]
    assert watched.errors == []


def test_a_network_made_with_pyvis_alone_gets_the_same_page(watched, tmp_path):
    from pyvis.network import Network

    net = Network()
    net.add_node("a", label=HOSTILE, title="<b>not bold</b>")
    net.add_node("b", label="b")
    net.add_edge("a", "b", title="an edge")
    path = write_html(net, tmp_path / "pyvis.html")
    page = watched.open(path)
    x, y = watched.node_point("a")
    page.mouse.click(x, y)
    assert page.text_content("#kg-details h3") == HOSTILE
    assert "<b>not bold</b>" in page.inner_text("#kg-details")
    assert watched.errors == [] and watched.dialogs == [] and watched.outside_requests() == []
