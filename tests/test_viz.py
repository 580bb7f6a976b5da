"""The network page as a file: self-contained, escaped, UTF-8; the pyvis API; the layout; `kg viz`.

What the page does in a browser is tested in test_browser.py.
"""
from __future__ import annotations

import json
import re
import time

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyvis.network import Network

from kg.analysis.network import build_network
from kg.analysis.style import STYLE, layout_positions
from kg.analysis.viz import PHYSICS_LIMIT, notebook_display, to_html, to_pyvis, write_html
from kg.cli import cli
from kg.graph.store import GraphStore
from kg.model import Article, Extraction, Meeting, Person
from kg.pipeline import store_extraction
from sample_facts import seed_like_extraction

HOSTILE = "<img src=x onerror=alert(1)>"


def seed_graph(projection: str = "persons", name: str = "Zakir Hasanov") -> nx.Graph:
    store = GraphStore(None)
    store_extraction(store, seed_like_extraction("T1", name_a=name))
    return build_network(store, projection)


def page_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def external_resources(page: str) -> list[str]:
    """Every way an HTML page can make the browser fetch something from a server."""
    patterns = [r"<script[^>]+src\s*=", r"<link[^>]+href\s*=", r"<img[^>]+src\s*=",
                r"<iframe[^>]+src\s*=", r"url\(\s*['\"]?(?:https?:)?//", r"@import",
                r"<(?:source|video|audio|embed|object)\b"]
    return [m.group(0) for p in patterns for m in re.finditer(p, page, re.I)]


def test_to_pyvis_returns_a_network_the_caller_can_place():
    net = to_pyvis(seed_graph("events"))
    assert isinstance(net, Network)
    assert len(net.nodes) == 6 and len(net.edges) == 6
    person = next(n for n in net.nodes if n["label"] == "Zakir Hasanov")
    assert person["shape"] == STYLE["person"]["shape"] and person["color"] == STYLE["person"]["color"]
    assert person["value"] == 1 + 3  # sized by degree
    assert ["Rank", "Colonel General"] in person["tip"]["rows"]
    assert ["Contacts", "3"] in person["tip"]["rows"]
    meeting = next(n for n in net.nodes if n["kind"] == "meeting")
    assert meeting["shape"] == "diamond"
    assert net.options["physics"]["enabled"] is True


def test_the_page_loads_nothing_from_the_network():
    page = to_html(seed_graph())
    assert external_resources(page) == []
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "bootstrap.min" not in page
    assert "vis-network" in page and "Content-Security-Policy" in page
    assert page.count("</script>") == 3  # the data, vis-network inlined, the page's own script


def test_the_page_holds_the_nodes_edges_and_tooltip_data():
    data = page_data(to_html(seed_graph()))
    assert sorted(n["label"] for n in data["nodes"]) == ["Yao Qin", "Zakir Hasanov"]
    (edge,) = data["edges"]
    assert edge["tip"]["contacts"][0]["date"] == "2024-06-14"
    assert edge["tip"]["contacts"][0]["articles"] == [{
        "title": "Minister receives delegation", "url": "https://example.org/news/1",
        "date": "2024-06-14"}]
    assert [entry["kind"] for entry in data["legend"]] == ["person"]


def test_hostile_text_cannot_leave_its_json_string():
    page = to_html(seed_graph(name=HOSTILE + "</script><script>alert(2)</script>"))
    assert "<img" not in page and "</script><script>alert" not in page
    assert page.count("</script>") == 3
    labels = [n["label"] for n in page_data(page)["nodes"]]
    assert HOSTILE + "</script><script>alert(2)</script>" in labels


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=40))
def test_any_label_round_trips_through_the_page(label):
    graph = nx.Graph(projection="persons")
    graph.add_node("a", label=label, kind="person")
    graph.add_node("b", label="b", kind="person")
    graph.add_edge("a", "b", weight=1, contacts=[])
    page = to_html(graph)
    assert page_data(page)["nodes"][0]["label"] == label
    assert page.count("</script>") == 3


def test_only_web_links_survive():
    graph = nx.Graph(projection="persons")
    graph.add_node("a", label="a", kind="person")
    graph.add_node("b", label="b", kind="person")
    contacts = [{"event": "m", "label": "m", "date": "2024", "mode": "call", "articles": [
        {"id": "1", "title": "bad", "url": "javascript:alert(1)"},
        {"id": "2", "title": "good", "url": "HTTPS://example.org/2"}]}]
    graph.add_edge("a", "b", weight=1, contacts=contacts)
    urls = [a["url"] for a in page_data(to_html(graph))["edges"][0]["tip"]["contacts"][0]["articles"]]
    assert urls == ["", "HTTPS://example.org/2"]


def test_the_file_is_utf8_whatever_the_platform(tmp_path, monkeypatch):
    import locale

    monkeypatch.setattr(locale, "getpreferredencoding", lambda *a: "ascii")
    path = write_html(seed_graph(name="Kemal Dalkıran Đặng 王"), tmp_path / "n.html")
    text = path.read_bytes().decode("utf-8")
    assert "Kemal Dalkıran Đặng 王" in json.dumps(page_data(text), ensure_ascii=False)
    assert '<meta charset="utf-8">' in text


def test_large_graphs_are_laid_out_here_with_physics_off():
    graph = nx.gnm_random_graph(PHYSICS_LIMIT + 1, 2000, seed=1)
    nx.set_node_attributes(graph, "person", "kind")
    net = to_pyvis(graph)
    assert net.options["physics"] == {"enabled": False}
    positions = {(n["x"], n["y"]) for n in net.nodes}
    assert len(positions) > PHYSICS_LIMIT * 0.99  # nodes do not sit on one another


def test_layout_of_10000_nodes_takes_seconds():
    graph = nx.powerlaw_cluster_graph(10_000, 2, 0.3, seed=1)
    graph.add_edges_from((f"pair{i}a", f"pair{i}b") for i in range(500))  # many small components
    started = time.perf_counter()
    positions = layout_positions(graph)
    assert time.perf_counter() - started < 15
    assert len(positions) == graph.number_of_nodes()
    assert all(abs(x) < 1e6 and abs(y) < 1e6 for x, y in positions.values())


def test_the_page_accepts_a_pyvis_network_too():
    net = to_pyvis(seed_graph())
    page = to_html(net, title="Contacts <2024>")
    assert "<title>Contacts &lt;2024&gt;</title>" in page
    assert len(page_data(page)["nodes"]) == 2


def test_an_empty_network_still_writes_a_page(tmp_path):
    path = write_html(build_network(GraphStore(None), "persons"), tmp_path / "empty.html")
    assert page_data(path.read_text(encoding="utf-8"))["nodes"] == []


def test_notebook_display_is_an_inline_iframe():
    shown = notebook_display(seed_graph())
    import html

    assert shown.data.startswith('<div class="kg-network"><iframe srcdoc=')
    assert "&lt;script" in shown.data
    page = html.unescape(shown.data.split('srcdoc="', 1)[1].split('" style=', 1)[0])
    assert page_data(page)["nodes"] and external_resources(page) == []


# ------------------------------------------------------------------ kg viz


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("viz") / "kg-store"
    with GraphStore(path) as store:
        store_extraction(store, seed_like_extraction("T1"))
        call = Extraction(Article("T2", "(hand-made)", date="2024-07-02"), date="2024-07-02",
                          persons=[Person("h", "Zakir Hasanov", country="AZ"),
                                   Person("b", "Andrei Belousov", country="RU")],
                          meetings=[Meeting("m", "2024-07-02", ["AZ", "RU"], participants=["h", "b"],
                                            mode="call")])
        store_extraction(store, call)
    return path


def test_the_readme_command_works_with_defaults(runner, store_dir, monkeypatch):
    monkeypatch.chdir(store_dir.parent)
    monkeypatch.delenv("KG_STORE", raising=False)
    result = runner.invoke(cli, ["viz", "--store", "kg-store", "--output", "network.html"])
    assert result.exit_code == 0, result.output
    assert result.output == "Wrote network.html: persons network: 3 nodes, 2 edges\n"
    page = (store_dir.parent / "network.html").read_text(encoding="utf-8")
    assert external_resources(page) == [] and len(page_data(page)["nodes"]) == 3
    result = runner.invoke(cli, ["viz"])  # every default: ./kg-store -> ./network.html
    assert result.exit_code == 0, result.output


def test_viz_takes_the_network_options(runner, store_dir, tmp_path):
    output = tmp_path / "calls.html"
    result = runner.invoke(cli, ["viz", "--store", str(store_dir), "--projection", "countries",
                                 "--mode", "call", "--no-physics", "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {output}: countries network: 2 nodes, 1 edges (mode call)\n"
    data = page_data(output.read_text(encoding="utf-8"))
    assert sorted(n["label"] for n in data["nodes"]) == ["Azerbaijan", "Russia"]
    assert data["options"]["physics"] == {"enabled": False}


def test_viz_errors_are_one_line(runner, store_dir, tmp_path):
    result = runner.invoke(cli, ["viz", "--store", str(store_dir), "--person", "Nobody",
                                 "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 1
    assert result.output == "Error: no person named 'Nobody' in the store\n"
    result = runner.invoke(cli, ["viz", "--store", str(store_dir), "-o", str(tmp_path)])
    assert result.exit_code == 2  # a directory is not a file: click says so
