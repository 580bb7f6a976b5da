"""Each control of the network page in real Chromium, with the counts it must produce.

The corpus is tests/test_network.py's (five officials, four states, six articles) plus one
2021 meeting of Hasanov with an Armenian known by an alias:

    2021-01-10  Hasanov (AZ) meets Papikyan (AM), "Defence Chief Papikyan"   article A7
    2022-05-05  Hasanov meets Guler (TR)                                     article A6
    2023-03-01  Hasanov meets Guler again                                    article A1
    2024-06-14  Hasanov receives Yao Qin (CN)                                article A2
    2024-07-02  Hasanov calls Belousov (RU)                                  articles A3, A4
    2024-09-10  Guler and Dong Jun (CN) talk by video                        article A5
"""
from __future__ import annotations

import pytest

from kg.analysis.network import build_network
from kg.analysis.viz import write_html
from kg.graph.store import GraphStore
from kg.model import Person
from kg.pipeline import store_extraction
from test_browser import Watched, browser  # noqa: F401  (the module's browser fixture)
from test_network import _meeting, corpus, HASANOV

PERSON = "https://w3id.org/mdc/id/person/"
PAPIKYAN = Person("p", "Suren Papikyan", aliases=["Defence Chief Papikyan"], country="AM")
VIEW = "[window.kgView.nodes, window.kgView.edges]"


@pytest.fixture(scope="module")
def page_path(tmp_path_factory):
    store = GraphStore(None)
    armenian = _meeting("A7", "2021-01-10", [HASANOV, PAPIKYAN], ["AM", "AZ"])
    armenian.meetings[0].evidence = ["Hasanov received Defence Chief Papikyan in Baku."]
    for extraction in corpus() + [armenian]:
        store_extraction(store, extraction)
    path = tmp_path_factory.mktemp("controls") / "persons.html"
    write_html(build_network(store, "persons"), path)
    return path


@pytest.fixture
def page(browser, page_path):  # noqa: F811
    watched = Watched(browser)
    opened = watched.open(page_path)
    yield opened
    assert watched.errors == [] and watched.outside_requests() == [] and watched.dialogs == []
    watched.page.close()


def drawn(page) -> list[int]:
    return page.evaluate("[window.kgNetwork.body.data.nodes.length,"
                         " window.kgNetwork.body.data.edges.length]")


def test_everything_is_shown_at_first(page):
    assert page.evaluate(VIEW) == drawn(page) == [6, 5]
    assert page.evaluate("window.kgView.timeline.contacts") == 6


def test_the_country_filter_means_contacts_involving_it(page):
    options = page.eval_on_selector_all("#kg-country option", "os => os.map(o => o.textContent)")
    assert options[:3] == ["All countries", "Azerbaijan (AZ) · 5", "Türkiye (TR) · 3"]
    assert "Armenia (AM) · 1" in options
    page.select_option("#kg-country", "CN")  # Hasanov-Yao and Guler-Dong, with both sides
    assert page.evaluate(VIEW) == drawn(page) == [4, 2]
    labels = sorted(page.evaluate("window.kgNetwork.body.data.nodes.get().map(n => n.label)"))
    assert labels == ["Dong Jun", "Yao Qin", "Yasar Guler", "Zakir Hasanov"]
    page.select_option("#kg-country", "RU")
    assert page.evaluate(VIEW) == [2, 1]
    assert page.evaluate("window.kgView.timeline.contacts") == 1
    assert "country=RU" in page.url
    page.select_option("#kg-country", "")
    assert page.evaluate(VIEW) == [6, 5]


def test_minimum_weight_and_node_sizes_follow_the_year_window(page):
    size = "window.kgNetwork.body.data.nodes.get('%szakir-hasanov').value" % PERSON
    assert page.evaluate(size) == 1 + 5  # five meetings in all (the call reported twice is one)
    page.fill("#kg-min-weight", "2")
    page.dispatch_event("#kg-min-weight", "input")
    assert page.evaluate(VIEW) == drawn(page) == [2, 1]  # Hasanov and Guler met twice
    page.select_option("#kg-year-from", "2023")  # in 2023-2024 they met once: no edge is left
    assert page.evaluate(VIEW) == drawn(page) == [0, 0]
    page.fill("#kg-min-weight", "1")
    page.dispatch_event("#kg-min-weight", "input")
    assert page.evaluate(VIEW) == [5, 4]  # Papikyan (2021) is out of the window
    assert page.evaluate(size) == 1 + 3  # 2023: Guler; 2024: Yao, Belousov
    assert page.evaluate("window.kgView.window") == ["2023-01", "2024-09"]


def test_search_finds_an_alias(page):
    page.fill("#kg-search", "defence chief")
    page.press("#kg-search", "Enter")
    assert page.inner_text("#kg-search-result") == "1 match"
    assert page.evaluate("window.kgNetwork.getSelectedNodes()") == [PERSON + "suren-papikyan"]
    assert "Suren Papikyan" in page.inner_text("#kg-details")
    aliases = page.eval_on_selector_all("#kg-names option", "os => os.map(o => o.value)")
    assert "Defence Chief Papikyan" in aliases


def test_selecting_a_node_lights_its_neighbours_and_lists_whom_it_met(page):
    page.fill("#kg-search", "Yasar Guler")
    page.press("#kg-search", "Enter")
    view = page.evaluate("window.kgView")
    assert (view["lit"], view["dimmed"]) == (3, 3)  # Guler, Hasanov, Dong; the other three dim
    colours = page.evaluate("window.kgNetwork.body.data.nodes.get().map(n => [n.label, n.color])")
    dimmed = sorted(label for label, colour in colours if colour == "#e4e6ea")
    assert dimmed == ["Andrei Belousov", "Suren Papikyan", "Yao Qin"]
    details = page.inner_text("#kg-details")
    assert "Met 2 counterparts" in details
    assert "Zakir Hasanov (Azerbaijan (AZ)) · 2 contacts" in details
    assert "2022-05-05" in details and "2023-03-01" in details
    links = page.eval_on_selector_all("#kg-details .kg-met a", "as => as.map(a => a.href)")
    assert "https://example.org/news/A6" in links
    assert page.evaluate("window.kgView.timeline.contacts") == 3  # Guler's own timeline
    assert "node=" in page.url
    page.mouse.click(5, 5)  # nothing selected: nothing dims
    page.evaluate("window.kgState.selected = null; window.kgRefresh()")
    assert page.evaluate("window.kgView.dimmed") == 0


def test_dragging_across_the_timeline_filters_the_network(page):
    months = page.evaluate("window.kgTimeline.months")
    assert (months[0], months[-1], len(months)) == ("2021-01", "2024-09", 45)
    counts = page.evaluate("window.kgView.timeline.counts")
    assert sum(counts) == 6 and counts[months.index("2024-07")] == 1
    start = page.evaluate("window.kgTimeline.point('2024-06')")
    end = page.evaluate("window.kgTimeline.point('2024-07')")
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(start[0] + 5, start[1])
    page.mouse.move(*end)
    page.mouse.up()
    assert page.evaluate("window.kgView.window") == ["2024-06", "2024-07"]
    assert page.evaluate(VIEW) == drawn(page) == [3, 2]  # Hasanov with Yao and Belousov
    assert page.inner_text("#kg-window").endswith("2 of 6 contacts")
    assert "from=2024-06&to=2024-07" in page.url
    page.click("#kg-window-reset")
    assert page.evaluate(VIEW) == [6, 5]


def test_the_view_is_restored_from_the_url(browser, page_path):  # noqa: F811
    watched = Watched(browser)
    watched.page.goto(page_path.resolve().as_uri() + "#country=TR&from=2022-01&to=2022-12")
    watched.page.wait_for_function("() => window.kgReady === true", timeout=30_000)
    assert watched.page.evaluate(VIEW) == [2, 1]
    assert watched.page.input_value("#kg-country") == "TR"
    assert watched.page.input_value("#kg-year-from") == "2022"
    assert watched.errors == []
    watched.page.close()


def test_a_selected_person_from_the_url_lists_whom_they_met_with_the_evidence(browser, page_path):  # noqa: F811
    watched = Watched(browser)
    watched.page.goto(page_path.resolve().as_uri() + "#node=" + PERSON.replace(":", "%3A").replace("/", "%2F")
                      + "suren-papikyan")
    watched.page.wait_for_function("() => window.kgReady === true", timeout=30_000)
    details = watched.page.inner_text("#kg-details")
    assert "Met 1 counterpart" in details and "Zakir Hasanov (Azerbaijan (AZ)) · 1 contact" in details
    assert watched.page.eval_on_selector_all("#kg-details .kg-met q.kg-evidence", "qs => qs.map(q => q.textContent)") == [
        "Hasanov received Defence Chief Papikyan in Baku."]
    assert watched.page.eval_on_selector_all("#kg-details .kg-met a", "as => as.map(a => a.href)") == [
        "https://example.org/news/A7"]
    assert watched.page.evaluate("window.kgView.lit") == 2
    assert watched.errors == []
    watched.page.close()


def test_the_busiest_nodes_are_labelled_and_more_as_you_zoom(browser, tmp_path):  # noqa: F811
    import networkx as nx

    graph = nx.barabasi_albert_graph(300, 2, seed=3)
    for node in graph:
        graph.nodes[node].update(label=f"Official {node}", kind="person", country="AZ")
    watched = Watched(browser)
    page = watched.open(write_html(graph, tmp_path / "labels.html"))
    page.wait_for_function("() => window.kgSettled === true", timeout=30_000)
    page.evaluate("window.kgRefresh()")
    labelled = page.evaluate("window.kgView.labelled")
    assert 12 <= labelled <= 25  # the 25 busiest, less those whose label would cover another
    sizes = page.evaluate("window.kgNetwork.body.data.nodes.get().map(n => n.font.size)")
    scale = page.evaluate("window.kgNetwork.getScale()")
    assert sorted(sizes)[-1] * scale == pytest.approx(14, abs=0.5)  # 14 px on screen
    box = page.query_selector("#kg-network canvas").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(3):
        page.mouse.wheel(0, -120)
        page.wait_for_timeout(100)
    page.wait_for_timeout(400)
    zoomed = page.evaluate("window.kgNetwork.getScale()") / scale
    assert zoomed > 1.3
    assert labelled < page.evaluate("window.kgView.labelled") <= 25 * zoomed ** 2 + 1
    assert watched.errors == []
    watched.page.close()


def test_the_timeline_of_one_pair(page):
    """Selecting an edge: the timeline counts that pair's contacts (here Hasanov and Guler's two)."""
    edge = page.evaluate("""() => window.kgNetwork.body.data.edges.get().find(e =>
        [e.from, e.to].sort().join(' ') === ['%syasar-guler', '%szakir-hasanov'].join(' ')).id""" % (PERSON, PERSON))
    page.evaluate("(id) => { window.kgState.selected = null; window.kgState.edge = id; window.kgRefresh(); }", edge)
    assert page.inner_text("#kg-timeline-title") == "Contacts per month: Zakir Hasanov – Yasar Guler"
    timeline = page.evaluate("window.kgView.timeline")
    assert timeline["contacts"] == 2
    months = page.evaluate("window.kgTimeline.months")
    assert [months[i] for i, count in enumerate(timeline["counts"]) if count] == ["2022-05", "2023-03"]
