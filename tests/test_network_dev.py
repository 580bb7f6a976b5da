"""The persons network on the development set (tests/data/dev/), through the whole pipeline.

An edge means two officials sat on different sides of a contact, or the article says these two
met (they are its meeting's only participants); `kg network` and `kg query who-met-whom` give
the same pairs, the same weights and the same names.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.analysis.network import build_network, load_contacts, meeting_pairs
from kg.cli import cli
from kg.graph.store import open_store
from conftest import DEV


def _ingested(tmp_path_factory, source) -> Path:
    from click.testing import CliRunner

    path = tmp_path_factory.mktemp("network") / "store"
    result = CliRunner().invoke(cli, ["ingest", str(source), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def dev_store(tmp_path_factory):
    return _ingested(tmp_path_factory, DEV / "articles.jsonl")


@pytest.fixture(scope="module")
def demo_store(bundled_store_dir):
    """The bundled data (the demo corpus, where one official is spelt Anatoli and Anatoly)."""
    return bundled_store_dir


@pytest.mark.parametrize("which", ["dev_store", "demo_store"])
def test_no_edge_joins_two_officials_of_one_state_unless_the_article_says_they_met(which, request):
    store = open_store(request.getfixturevalue(which), read_only=True)
    try:
        data = load_contacts(store)
        graph = build_network(data, "persons", metrics=False)
    finally:
        store.close()
    assert graph.number_of_edges() > 150
    compatriots = 0
    for a, b, edge in graph.edges(data=True):
        if graph.nodes[a]["country"] != graph.nodes[b]["country"]:
            continue
        compatriots += 1
        # the article says they met: some meeting of the edge has exactly these two participants
        said = [c for c in edge["contacts"]
                if sorted(p for p, role in data.events[c["event"]].persons.items()
                          if role == "participant") == sorted((a, b))]
        assert said, (graph.nodes[a]["label"], graph.nodes[b]["label"])
    assert compatriots <= 2
    # every meeting's pairs are on different sides, or the meeting's only two participants
    for event in data.of_kind("meeting"):
        for a, b in meeting_pairs(data, event):
            assert data.persons[a]["country"] != data.persons[b]["country"] or len(
                [p for p, role in event.persons.items() if role == "participant"]) == 2


@pytest.mark.parametrize("which", ["dev_store", "demo_store"])
def test_kg_network_and_kg_query_who_met_whom_give_the_same_pairs(which, request, runner):
    dev_store = request.getfixturevalue(which)
    network = runner.invoke(cli, ["network", "--store", str(dev_store), "--format", "json"])
    assert network.exit_code == 0, network.output
    edges = {frozenset((e["source"], e["target"])): e for e in json.loads(network.stdout)}
    query = runner.invoke(cli, ["query", "who-met-whom", "--store", str(dev_store),
                                "--format", "json"])
    assert query.exit_code == 0, query.output
    bindings = json.loads(query.stdout)["results"]["bindings"]
    pairs = {frozenset((row["a"]["value"], row["b"]["value"])): row for row in bindings}
    assert len(pairs) == len(edges) > 150
    assert pairs.keys() == edges.keys()
    for key, row in pairs.items():
        edge = edges[key]
        assert int(row["meetings"]["value"]) == edge["weight"]
        assert {row["person_a"]["value"], row["person_b"]["value"]} == {
            edge["source_label"], edge["target_label"]}


@pytest.mark.parametrize("which", ["dev_store", "demo_store"])
def test_one_preferred_name_everywhere(which, request):
    """The named queries name each person as `kg network` and `kg entities` do (regression: the
    queries took the MAX of the spellings of every article)."""
    from kg.query import named as queries

    store = open_store(request.getfixturevalue(which), read_only=True)
    try:
        data = load_contacts(store)
        shown = {}
        for name, column, iri_column in (("active-officials", "name", "person"),
                                         ("persons", "name", "person"),
                                         ("who-met-whom", "person_a", "a"),
                                         ("who-met-whom", "person_b", "b")):
            result = queries.run(store, name, {})
            for row in result.values():
                record = dict(zip(result.columns, row))
                shown.setdefault(record[iri_column], set()).add(record[column])
    finally:
        store.close()
    assert len(shown) > 150
    assert {iri: names for iri, names in shown.items()
            if names != {data.persons[iri]["label"]}} == {}


def test_the_same_pairs_under_every_country_and_some_windows(dev_store):
    """`--country` and the query's country parameter, `--since/--until` and the query's: the same
    pairs and weights for every state of the dev set."""
    from kg.query import named as queries

    store = open_store(dev_store, read_only=True)
    try:
        data = load_contacts(store)
        codes = sorted({p["code"] for p in data.parties.values() if p["is_party"]})
        cases = [{"country": code} for code in codes] + [
            {"since": "2020"}, {"until": "2021"}, {"since": "2022-03", "until": "2023-06"},
            {"since": "2024-06-14"}, {"country": "AZ", "since": "2023"}]
        for case in cases:
            graph = build_network(data, "persons", metrics=False, **case)
            network = {frozenset(e[:2]): e[2] for e in graph.edges(data="weight")}
            result = queries.run(store, "who-met-whom", case)
            rows = [dict(zip(result.columns, row)) for row in result.values()]
            assert {frozenset((r["a"], r["b"])): int(r["meetings"]) for r in rows} == network, case
    finally:
        store.close()
    assert len(codes) > 60


def test_who_met_whom_for_a_person_is_the_whole_answer_s_rows_with_that_person(dev_store):
    """The query reads a person's meetings alone when given one (a branch of its own): its rows,
    in order, are those of the unfiltered answer that name the person, for every person of the
    dev set, with and without a window."""
    from kg.query import named as queries

    store = open_store(dev_store, read_only=True)
    try:
        for window in ({}, {"since": "2023"}):
            whole = queries.run(store, "who-met-whom", window)
            rows = [dict(zip(whole.columns, row)) for row in whole.values()]
            persons = sorted({r["a"] for r in rows} | {r["b"] for r in rows})
            assert len(persons) > 20
            for person in persons:
                alone = queries.run(store, "who-met-whom", {**window, "person": person})
                assert [dict(zip(alone.columns, row)) for row in alone.values()] == \
                    [r for r in rows if person in (r["a"], r["b"])], (person, window)
    finally:
        store.close()


def test_the_whole_graph_shapes_give_the_rows_of_the_narrowed_ones(dev_store):
    """Without a parameter who-met-whom and country-matrix take another shape (tables joined by hash,
    pairs kept once after counting, or by their codes): the same rows, in the same order, as the
    narrowed shapes give over every date (who-met-whom since the year 1000, every meeting of the dev
    set being dated) and year by year (country-matrix)."""
    from kg.query import named as queries

    store = open_store(dev_store, read_only=True)
    try:
        assert not store.query("PREFIX mdc: <https://w3id.org/mdc#> "
                               "ASK { ?m a mdc:Meeting FILTER NOT EXISTS { ?m mdc:date ?d } }")
        whole = queries.run(store, "who-met-whom", {}).values()
        assert len(whole) > 50 and queries.run(store, "who-met-whom", {"since": "1000"}).values() == whole
        matrix = queries.run(store, "country-matrix", {}).values()
        years = sorted({row[0] for row in matrix})
        assert len(years) > 3 and "undated" not in years
        assert [row for year in years for row in queries.run(store, "country-matrix", {"year": year}).values()] == matrix
    finally:
        store.close()
