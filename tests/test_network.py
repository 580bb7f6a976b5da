"""Network projections, filters, ego networks, metrics and exports, on a hand-made corpus.

The corpus (six articles, five officials, four states) is small enough to know every answer:

    2022-05-05  Hasanov (AZ) meets Guler (TR)                 article A6
    2023-03-01  Hasanov meets Guler again                     article A1
    2024-06-14  Hasanov receives Yao Qin's (CN) delegation;   article A2
                Yao invites him to the Beijing Xiangshan Forum
    2024-07-02  Hasanov calls Belousov (RU)                   articles A3 and A4 (one call, two reports)
    2024-09-10  Guler and Dong Jun (CN) talk by video         article A5
"""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest

from kg.analysis.network import (EDGE_COLUMNS, METRIC_COLUMNS, Filters, NetworkError, build_network,
                        filter_contacts, generate_edge_csv, generate_gexf, generate_graphml,
                        load_contacts, metric_rows, summary, write_graph)
from kg.cli import cli
from kg.graph.store import GraphStore
from kg.model import Article, Delegation, Extraction, Forum, Invitation, Meeting, Person, Place
from kg.pipeline import store_extraction

PERSON = "https://w3id.org/mdc/id/person/"
COUNTRY = "https://w3id.org/mdc/id/country/"

HASANOV = Person("h", "Zakir Hasanov", aliases=["Hasanov"], rank="Colonel General",
                 position="Minister of Defence", country="AZ")
GULER = Person("g", "Yasar Guler", rank="General", position="Minister of National Defence", country="TR")
YAO = Person("y", "Yao Qin", rank="Major General", country="CN")
BELOUSOV = Person("b", "Andrei Belousov", position="Minister of Defence", country="RU")
DONG = Person("d", "Dong Jun", rank="Admiral", country="CN")


def _article(article_id: str, date: str, title: str) -> Article:
    return Article(id=article_id, text="(hand-made)", title=title, date=date,
                   url=f"https://example.org/news/{article_id}")


def _meeting(article_id, date, people, parties, host=None, mode="in_person", **more) -> Extraction:
    meeting = Meeting("m", date, parties, host=host, participants=[p.key for p in people], mode=mode)
    extraction = Extraction(_article(article_id, date, f"{' and '.join(p.name for p in people)} meet"),
                            date=date, persons=list(people), meetings=[meeting])
    for name, value in more.items():
        setattr(extraction, name, value)
    return extraction


def corpus() -> list[Extraction]:
    seed = _meeting("A2", "2024-06-14", [HASANOV, YAO], ["AZ", "CN"], host="AZ",
                    delegations=[Delegation("d1", "y", "CN", date="2024-06-14")],
                    forums=[Forum("f1", "Beijing Xiangshan Forum", edition=11, date="2024-09",
                                  location=Place("Beijing", "CN"))],
                    invitations=[Invitation("i1", "y", "h", forum="f1")])
    seed.meetings[0].delegations = ["d1"]
    seed.meetings[0].topics = ["military cooperation"]
    return [
        _meeting("A6", "2022-05-05", [HASANOV, GULER], ["AZ", "TR"], host="TR"),
        _meeting("A1", "2023-03-01", [HASANOV, GULER], ["AZ", "TR"], host="AZ"),
        seed,
        _meeting("A3", "2024-07-02", [HASANOV, BELOUSOV], ["AZ", "RU"], mode="call"),
        _meeting("A4", "2024-07-02", [HASANOV, BELOUSOV], ["AZ", "RU"], mode="call"),
        _meeting("A5", "2024-09-10", [GULER, DONG], ["CN", "TR"], mode="video"),
    ]


@pytest.fixture(scope="module")
def store():
    graph_store = GraphStore(None)
    for extraction in corpus():
        store_extraction(graph_store, extraction)
    return graph_store


@pytest.fixture(scope="module")
def contacts(store):
    return load_contacts(store)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("network") / "store"
    with GraphStore(path) as graph_store:
        for extraction in corpus():
            store_extraction(graph_store, extraction)
    return path


def labels(graph: nx.Graph) -> set[str]:
    return {attributes["label"] for _, attributes in graph.nodes(data=True)}


def edge_labels(graph: nx.Graph) -> dict[frozenset, int]:
    return {frozenset((graph.nodes[a]["label"], graph.nodes[b]["label"])): w
            for a, b, w in graph.edges(data="weight")}


# ------------------------------------------------------------------ reading the store


def test_contacts_are_read_once_however_many_articles_repeat_an_entity(contacts):
    assert sorted(p["label"] for p in contacts.persons.values()) == [
        "Andrei Belousov", "Dong Jun", "Yao Qin", "Yasar Guler", "Zakir Hasanov"]
    assert contacts.persons[PERSON + "zakir-hasanov"]["country"] == "AZ"
    assert contacts.persons[PERSON + "zakir-hasanov"]["rank"] == "Colonel General"
    kinds = sorted(event.kind for event in contacts.events.values())
    assert kinds == ["delegation", "forum", "invitation"] + ["meeting"] * 5
    call = next(e for e in contacts.events.values() if e.mode == "call")
    assert [contacts.articles[a].id for a in call.articles] == ["A3", "A4"]


# ------------------------------------------------------------------ projections


def test_person_network_joins_those_who_met_weighted_by_meetings(store):
    graph = build_network(store, "persons")
    assert labels(graph) == {"Zakir Hasanov", "Yasar Guler", "Yao Qin", "Andrei Belousov", "Dong Jun"}
    assert edge_labels(graph) == {
        frozenset({"Zakir Hasanov", "Yasar Guler"}): 2,
        frozenset({"Zakir Hasanov", "Yao Qin"}): 1,
        frozenset({"Zakir Hasanov", "Andrei Belousov"}): 1,
        frozenset({"Yasar Guler", "Dong Jun"}): 1,
    }
    edge = graph[PERSON + "zakir-hasanov"][PERSON + "yasar-guler"]
    assert edge["dates"] == ["2022-05-05", "2023-03-01"]
    assert edge["articles"] == ["A1", "A6"]
    call = graph[PERSON + "zakir-hasanov"][PERSON + "andrei-belousov"]
    assert call["weight"] == 1 and call["articles"] == ["A3", "A4"] and call["modes"] == ["call"]
    assert graph.nodes[PERSON + "yao-qin"]["rank"] == "Major General"


def test_country_network_keeps_weights_per_year(store):
    graph = build_network(store, "countries")
    assert {a["country"] for _, a in graph.nodes(data=True)} == {"AZ", "TR", "CN", "RU"}
    assert graph.nodes[COUNTRY + "AZ"]["label"] == "Azerbaijan"
    assert {frozenset((a.rsplit("/", 1)[1], b.rsplit("/", 1)[1])): w
            for a, b, w in graph.edges(data="weight")} == {
        frozenset({"AZ", "TR"}): 2, frozenset({"AZ", "CN"}): 1, frozenset({"AZ", "RU"}): 1,
        frozenset({"CN", "TR"}): 1}
    assert graph[COUNTRY + "AZ"][COUNTRY + "TR"]["years"] == {"2022": 1, "2023": 1}


def test_event_network_is_bipartite_persons_and_events(store):
    graph = build_network(store, "events")
    kinds = [attributes["kind"] for _, attributes in graph.nodes(data=True)]
    assert sorted(set(kinds)) == ["delegation", "forum", "invitation", "meeting", "person"]
    assert kinds.count("person") == 5 and kinds.count("meeting") == 5
    assert graph.number_of_nodes() == 13 and graph.number_of_edges() == 14
    persons = {n for n, a in graph.nodes(data=True) if a["bipartite"] == 0}
    assert nx.is_bipartite(graph) and nx.bipartite.is_bipartite_node_set(graph, persons)
    roles = {graph.nodes[event]["kind"]: role
             for event, role in graph[PERSON + "yao-qin"].items() for role in [role["role"]]}
    assert roles["delegation"] == "leader" and roles["invitation"] == "inviter"
    meeting = next(n for n, a in graph.nodes(data=True) if a["kind"] == "meeting"
                   and a["date"] == "2024-06-14")
    assert graph.nodes[meeting]["topics"] == ["military cooperation"]
    forum = next(n for n, a in graph.nodes(data=True) if a["kind"] == "forum")
    assert graph.nodes[forum]["label"] == "Beijing Xiangshan Forum (11th)"
    assert list(graph[forum]) == [PERSON + "zakir-hasanov"]


# ------------------------------------------------------------------ filters and ego networks


@pytest.mark.parametrize("options, nodes, edges", [
    ({"since": "2024"}, 5, 3),
    ({"until": "2023-03"}, 2, 1),
    ({"since": "2024-07-02", "until": "2024-07-02"}, 2, 1),
    ({"mode": "call"}, 2, 1),
    ({"mode": "video"}, 2, 1),
    ({"country": "RU"}, 2, 1),
    ({"country": "tr"}, 3, 2),
    ({"country": "Russia"}, 2, 1),
    ({"country": "TR", "since": "2023"}, 3, 2),
    ({"since": "2025"}, 0, 0),
])
def test_filters_keep_only_matching_contacts(store, options, nodes, edges):
    graph = build_network(store, "persons", **options)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (nodes, edges)


def test_a_month_matches_any_day_in_it(contacts):
    kept = filter_contacts(contacts, Filters(since="2024-09", until="2024-09"))
    assert sorted(e.kind for e in kept.events.values()) == ["forum", "meeting"]


def test_ego_network_of_a_person_reaches_hops_out(store):
    one = build_network(store, "persons", person="Dong Jun")
    assert labels(one) == {"Dong Jun", "Yasar Guler"}
    two = build_network(store, "persons", person="dong jun", hops=2)
    assert labels(two) == {"Dong Jun", "Yasar Guler", "Zakir Hasanov"}
    assert two.nodes[PERSON + "dong-jun"]["centre"] is True
    by_alias = build_network(store, "persons", person="Hasanov", hops=0)
    assert labels(by_alias) == {"Zakir Hasanov"}


def test_ego_network_of_a_country(store):
    graph = build_network(store, "countries", country="CN", hops=1)
    assert {n.rsplit("/", 1)[1] for n in graph} == {"CN", "AZ", "TR"}
    assert graph.number_of_edges() == 3  # AZ-TR too: both are CN's neighbours


def test_ego_network_of_a_countrys_officials(store):
    graph = build_network(store, "persons", country="RU", hops=2)
    assert labels(graph) == {"Andrei Belousov", "Zakir Hasanov", "Yasar Guler", "Yao Qin"}


def test_event_ego_network_reaches_the_events_then_the_people(store):
    graph = build_network(store, "events", person="Andrei Belousov", hops=2)
    assert sorted(a["kind"] for _, a in graph.nodes(data=True)) == ["meeting", "person", "person"]


def test_unknown_names_and_bad_dates_say_what_to_do(store):
    with pytest.raises(NetworkError, match="did you mean 'Dong Jun'"):
        build_network(store, "persons", person="Dong Jin")
    with pytest.raises(NetworkError, match="unknown country 'Atlantis'"):
        build_network(store, "persons", country="Atlantis")
    with pytest.raises(NetworkError, match="YYYY-MM-DD"):
        build_network(store, "persons", since="2024-02-30")
    with pytest.raises(NetworkError, match="projection"):
        build_network(store, "ships")
    with pytest.raises(NetworkError, match="--hops needs a centre"):
        build_network(store, "persons", hops=2)


def test_a_country_without_contacts_gives_an_empty_network(store):
    assert build_network(store, "persons", country="FR").number_of_nodes() == 0


def test_an_empty_store_gives_an_empty_network():
    graph = build_network(GraphStore(None), "persons")
    assert graph.number_of_nodes() == 0 and metric_rows(graph) == []
    assert summary(graph) == "persons network: 0 nodes, 0 edges"


# ------------------------------------------------------------------ metrics


def test_metrics_on_a_known_network(store):
    graph = build_network(store, "persons")
    hasanov, guler, dong = (graph.nodes[PERSON + n] for n in ("zakir-hasanov", "yasar-guler", "dong-jun"))
    assert (hasanov["degree"], hasanov["weighted_degree"]) == (3, 4)
    assert hasanov["betweenness"] == pytest.approx(5 / 6)
    assert guler["betweenness"] == pytest.approx(3 / 6)
    assert dong["betweenness"] == 0
    assert hasanov["eigenvector"] == max(a["eigenvector"] for _, a in graph.nodes(data=True))
    assert {a["community"] for _, a in graph.nodes(data=True)} <= set(range(len(graph)))
    rows = metric_rows(graph)
    assert rows[0][:5] == ["Zakir Hasanov", "person", "AZ", 3, 4]  # numbers, not text
    assert len(rows[0]) == len(METRIC_COLUMNS)


def test_eigenvector_centrality_handles_components_and_isolated_nodes():
    from kg.analysis.network import add_metrics

    graph = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
    graph.add_node("alone")
    for node in graph:
        graph.nodes[node].update(label=node, kind="person")
    add_metrics(graph)
    assert graph.nodes["alone"]["eigenvector"] == 0
    assert graph.nodes["b"]["eigenvector"] > graph.nodes["x"]["eigenvector"] > 0


def test_large_networks_get_metrics_in_seconds():
    import time

    from kg.analysis.network import add_metrics

    graph = nx.gnm_random_graph(3000, 6000, seed=1)
    nx.set_node_attributes(graph, "person", "kind")
    nx.set_edge_attributes(graph, 1, "weight")
    started = time.perf_counter()
    add_metrics(graph)
    assert time.perf_counter() - started < 20


# ------------------------------------------------------------------ exports


def test_graphml_round_trips_with_metrics_as_attributes(store, tmp_path):
    graph = build_network(store, "countries")
    path = tmp_path / "countries.graphml"
    assert write_graph(graph, path) == "graphml"
    back = nx.read_graphml(path)
    assert set(back) == set(graph) and back.number_of_edges() == graph.number_of_edges()
    az_tr = back[COUNTRY + "AZ"][COUNTRY + "TR"]
    assert az_tr["weight"] == 2 and az_tr["weight_2022"] == 1 and az_tr["weight_2023"] == 1
    assert az_tr["dates"] == "2022-05-05; 2023-03-01" and az_tr["years"] == "2022:1; 2023:1"
    assert back.nodes[COUNTRY + "AZ"]["degree"] == 3
    assert back.nodes[COUNTRY + "AZ"]["betweenness"] == pytest.approx(
        graph.nodes[COUNTRY + "AZ"]["betweenness"])
    assert generate_graphml(graph) == path.read_text(encoding="utf-8")


def test_gexf_opens_with_colours_sizes_and_attributes(store, tmp_path):
    graph = build_network(store, "events")
    path = tmp_path / "events.gexf"
    write_graph(graph, path)
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == 13 and back.number_of_edges() == 14
    node = back.nodes[PERSON + "zakir-hasanov"]
    assert node["label"] == "Zakir Hasanov" and node["kind"] == "person"
    assert node["viz"]["color"]["b"] > node["viz"]["color"]["r"]  # persons are blue
    assert node["viz"]["size"] > 5
    assert "<gexf" in generate_gexf(graph)


def test_csv_edge_list(store):
    rows = list(csv.reader(io.StringIO(generate_edge_csv(build_network(store, "persons")))))
    assert rows[0] == EDGE_COLUMNS
    assert rows[1][:6] == ["Yasar Guler", "Zakir Hasanov", "2", "2022-05-05; 2023-03-01", "A1; A6", ""]
    assert len(rows) == 5


def test_an_unknown_export_suffix_is_refused(store, tmp_path):
    with pytest.raises(NetworkError, match=r"\.graphml, \.gexf or \.csv"):
        write_graph(build_network(store, "persons"), tmp_path / "graph.png")


def test_hostile_text_survives_the_exports(tmp_path):
    hostile = '<img src=x onerror=alert(1)> & "quotes" ]]>'
    store = GraphStore(None)
    store_extraction(store, _meeting("H1", "2024-01-01", [Person("x", hostile, country="AZ"), DONG],
                                     ["AZ", "CN"]))
    graph = build_network(store, "persons")
    write_graph(graph, tmp_path / "h.graphml")
    write_graph(graph, tmp_path / "h.gexf")
    assert hostile in labels(nx.read_graphml(tmp_path / "h.graphml"))
    assert hostile in labels(nx.read_gexf(tmp_path / "h.gexf"))


# ------------------------------------------------------------------ the CLI


def test_cli_prints_the_edges(runner, store_dir):
    result = runner.invoke(cli, ["network", "--store", str(store_dir), "--mode", "call",
                                 "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "source_label,target_label,weight,dates,articles,years_or_role,source,target\n"
        f"Andrei Belousov,Zakir Hasanov,1,2024-07-02,A3; A4,,{PERSON}andrei-belousov,"
        f"{PERSON}zakir-hasanov\n")
    assert result.stderr == "persons network: 2 nodes, 1 edges (mode call)\n"


def test_cli_prints_metrics_as_json(runner, store_dir):
    result = runner.invoke(cli, ["network", "--store", str(store_dir), "--projection", "countries",
                                 "--metrics", "--format", "json", "--limit", "1"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 1
    assert {k: v for k, v in rows[0].items() if k != "eigenvector"} == {
        "label": "Azerbaijan", "kind": "country", "country": "AZ", "degree": 3,
        "weighted_degree": 4, "betweenness": 0.666667, "community": rows[0]["community"],
        "id": COUNTRY + "AZ"}
    assert isinstance(rows[0]["community"], int) and isinstance(rows[0]["eigenvector"], float)


def test_cli_prints_edges_as_json_with_numbers_and_lists(runner, store_dir):
    result = runner.invoke(cli, ["network", "--store", str(store_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout)[0]
    assert (first["source_label"], first["target_label"]) == ("Yasar Guler", "Zakir Hasanov")
    assert first["weight"] == 2 and first["dates"] == ["2022-05-05", "2023-03-01"]
    assert first["articles"] == ["A1", "A6"]


def test_cli_prints_stats_as_json_with_numbers(runner, store_dir):
    result = runner.invoke(cli, ["stats", "--store", str(store_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    counts = {row["what"]: row["count"] for row in json.loads(result.stdout)}
    assert counts["Person"] == 5 and counts["Meeting"] == 5 and counts["Article"] == 6


def test_cli_writes_gephi_files_and_a_table(runner, store_dir, tmp_path):
    graphml, gexf = tmp_path / "ego.graphml", tmp_path / "ego.gexf"
    result = runner.invoke(cli, ["network", "--store", str(store_dir), "--person", "Zakir Hasanov",
                                 "--hops", "2", "--metrics", "-o", str(graphml), "-o", str(gexf)])
    assert result.exit_code == 0, result.output
    assert f"Wrote {graphml} (graphml): persons network: 5 nodes, 4 edges " \
           "(person Zakir Hasanov, hops 2)" in result.stderr
    assert result.stdout.splitlines()[0].split() == METRIC_COLUMNS
    assert nx.read_graphml(graphml).number_of_nodes() == 5
    assert nx.read_gexf(gexf).number_of_edges() == 4


@pytest.mark.parametrize("arguments, message", [
    (["--person", "Nobody Atall"], "Error: no person named 'Nobody Atall' in the store\n"),
    (["--since", "14 June"], "Error: --since '14 June' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD\n"),
    (["-o", "out.png"], "Error: cannot tell the format of out.png: name it .graphml, .gexf or .csv\n"),
])
def test_cli_errors_are_one_line(runner, store_dir, arguments, message):
    result = runner.invoke(cli, ["network", "--store", str(store_dir)] + arguments)
    assert result.exit_code == 1
    assert result.output.endswith(message)


def test_cli_without_a_store_says_how_to_make_one(runner, tmp_path):
    result = runner.invoke(cli, ["network", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "kg ingest" in result.output


def test_network_commands_have_help(runner):
    for command in ("network", "viz"):
        result = runner.invoke(cli, [command, "--help"])
        assert result.exit_code == 0 and "Example" in result.output


# ------------------------------------------------------------------ compatriots (issue 14)


def test_compatriots_in_a_meeting_or_a_delegation_are_no_contact():
    """Two Georgians and a Turk at one meeting, a Georgian delegation member: only the two
    Georgian-Turkish pairs are contacts (regression: every pair of an event was joined)."""
    chief = Person("c", "Giorgi Matiashvili", country="GE")
    minister = Person("m", "Irakli Chikovani", country="GE")
    member = Person("x", "Levan Tsiklauri", country="GE")
    meeting = _meeting("G1", "2024-02-01", [chief, minister, GULER], ["GE", "TR"], host="TR",
                       delegations=[Delegation("d", "m", "GE", members=["x"])])
    meeting.persons.append(member)
    meeting.meetings[0].delegations = ["d"]
    meeting.meetings[0].evidence = ["Guler received the Georgian delegation in Ankara."]
    graph_store = GraphStore(None)
    store_extraction(graph_store, meeting)
    graph = build_network(graph_store, "persons")
    assert edge_labels(graph) == {frozenset({"Giorgi Matiashvili", "Yasar Guler"}): 1,
                                  frozenset({"Irakli Chikovani", "Yasar Guler"}): 1}
    edge = graph[PERSON + "giorgi-matiashvili"][PERSON + "yasar-guler"]
    assert edge["contacts"][0]["articles"][0]["evidence"] == [
        "Guler received the Georgian delegation in Ankara."]
    from kg.query import named as queries

    result = queries.run(graph_store, "who-met-whom", {})
    pairs = {frozenset(row[:2]): int(row[2]) for row in result.values()}
    assert pairs == edge_labels(graph)


def test_the_only_two_participants_of_a_meeting_met_whatever_their_states():
    first, second = Person("a", "Ali Veli", country="TR"), Person("b", "Mehmet Can", country="TR")
    graph_store = GraphStore(None)
    store_extraction(graph_store, _meeting("T1", "2024-03-01", [first, second], ["TR", "NATO"]))
    assert edge_labels(build_network(graph_store, "persons")) == {
        frozenset({"Ali Veli", "Mehmet Can"}): 1}


def test_gexf_is_dynamic_with_colours_by_state_and_positions(store, tmp_path):
    """Gephi's timeline needs time intervals: each contact is a spell on its edge."""
    from kg.analysis.style import STATE_PALETTE, state_colours

    graph = build_network(store, "persons")
    text = generate_gexf(graph)
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    path = tmp_path / "persons.gexf"
    path.write_text(text, encoding="utf-8")
    back = nx.read_gexf(path)
    edge = back.edges[PERSON + "yasar-guler", PERSON + "zakir-hasanov"]
    assert edge["spells"] == [("2022-05-05", "2022-05-05"), ("2023-03-01", "2023-03-01")]
    hasanov = back.nodes[PERSON + "zakir-hasanov"]
    assert hasanov["start"] == "2022-05-05"
    colours = state_colours(graph)
    assert list(colours)[0] == "AZ" and colours["AZ"] == STATE_PALETTE[0]  # the busiest state
    red, green, blue = (int(STATE_PALETTE[0][i:i + 2], 16) for i in (1, 3, 5))
    assert (hasanov["viz"]["color"]["r"], hasanov["viz"]["color"]["g"],
            hasanov["viz"]["color"]["b"]) == (red, green, blue)
    positions = {(n["viz"]["position"]["x"], n["viz"]["position"]["y"]) for n in back.nodes.values()}
    assert len(positions) == back.number_of_nodes()  # laid out, not all at the origin


def test_a_csv_file_starts_with_a_byte_order_mark_for_excel(store, tmp_path):
    path = tmp_path / "edges.csv"
    write_graph(build_network(store, "persons"), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1
    assert path.read_text(encoding="utf-8-sig").startswith("source_label,")


def test_dash_means_standard_output(runner, store_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = runner.invoke(cli, ["viz", "--store", str(store_dir), "-o", "-"])
    assert page.exit_code == 0, page.output
    assert page.stdout.startswith("<!DOCTYPE html>") and "persons network" in page.stderr
    turtle = runner.invoke(cli, ["export", "--store", str(store_dir), "-o", "-"])
    assert turtle.exit_code == 0 and "Zakir Hasanov" in turtle.stdout
    refused = runner.invoke(cli, ["network", "--store", str(store_dir), "-o", "-"])
    assert refused.exit_code == 2 and "--output-format graphml|gexf|csv" in refused.output
    gexf = runner.invoke(cli, ["network", "--store", str(store_dir), "-o", "-", "-o", "also.csv",
                               "--output-format", "gexf"])
    assert gexf.exit_code == 0, gexf.output
    assert gexf.stdout.startswith("<?xml") and 'mode="dynamic"' in gexf.stdout
    assert (tmp_path / "also.csv").read_text(encoding="utf-8-sig").startswith("source_label,")
    assert not (tmp_path / "-").exists()


def test_contacts_per_month_country_matrix_and_brokers(store):
    from kg.analysis.network import contacts_per_month, country_matrix

    people = build_network(store, "persons")
    months = contacts_per_month(people)
    assert months[0] == ("2022-05", 1) and months[-1] == ("2024-09", 1)
    assert len(months) == 29 and sum(count for _, count in months) == 5  # the call counted once
    assert [m for m, c in contacts_per_month(people, PERSON + "zakir-hasanov") if c] == [
        "2022-05", "2023-03", "2024-06", "2024-07"]
    assert contacts_per_month(people, PERSON + "zakir-hasanov", PERSON + "yasar-guler")[0] == ("2022-05", 1)
    matrix = country_matrix(build_network(store, "countries"))
    assert list(matrix)[0] == "AZ"
    assert matrix["AZ"]["TR"] == matrix["TR"]["AZ"] == 2 and matrix["AZ"]["CN"] == 1
    assert matrix["RU"]["TR"] == 0
    brokers = metric_rows(people, 2, by="betweenness")
    assert [row[0] for row in brokers] == ["Zakir Hasanov", "Yasar Guler"]
    with pytest.raises(NetworkError, match="countries projection"):
        country_matrix(people)
