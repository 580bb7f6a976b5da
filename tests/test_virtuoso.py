"""The team store on Virtuoso (Debian's virtuoso-opensource 7): ingest, query, export and remove
through it give the same quads and the same named-query answers as the embedded store."""
from __future__ import annotations

import pytest

from kg.graph import merge

from kg.cli import cli
from kg.graph.remote import RemoteStore, to_nquads
from kg.graph.store import GraphStore
from kg.query import named as queries
from tests.graph_fixtures import VirtuosoServer

from conftest import SEED

ARTICLES = 40


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from click.testing import CliRunner

    folder = tmp_path_factory.mktemp("virtuoso-corpus")
    assert CliRunner().invoke(cli, ["synth", str(folder), "--count", str(ARTICLES), "--seed", "5"]).exit_code == 0
    return [str(folder / "articles.jsonl"), str(SEED)]


def sorted_lines(data: bytes) -> list[bytes]:
    return sorted(line for line in data.splitlines() if line.strip())


def answers(store) -> dict:
    """Every named query, unbound and with a narrowing parameter, as rows of values."""
    cases = [(name, {}) for name in queries.names() if not any(p.required for p in queries.get(name).params)]
    cases += [("contacts", {"country": "AZ"}), ("contacts", {"country": "AZ", "year": "2024"}),
              ("contacts", {"country": "TR", "since": "2023-01", "until": "2025"}),
              ("person-timeline", {"person": "Zakir Hasanov"}), ("who-met-whom", {"since": "2024-01-01"}),
              ("active-officials", {"country": "AZ"}), ("country-matrix", {"year": "2024"}),
              ("persons", {"rank": "general"}), ("provenance", {"subject": "person:zakir-hasanov"})]
    return {f"{name} {params}": queries.run(store, name, params).rows for name, params in cases}


@pytest.fixture(scope="module")
def local(virtuoso, corpus, tmp_path_factory):
    """The corpus ingested into Virtuoso and into an embedded store (returned); the tests change
    both alike, so they stay equal whatever order the tests run in."""
    from click.testing import CliRunner

    local = tmp_path_factory.mktemp("virtuoso-local") / "store"
    for store in (str(local), virtuoso.url):
        result = CliRunner().invoke(cli, ["ingest", *corpus, "--store", store, "--quiet"])
        assert result.exit_code == 0, result.output
    return local


def test_virtuoso_gives_the_embedded_stores_graph_and_answers(runner, virtuoso, local, tmp_path):
    remote = RemoteStore(virtuoso.url)
    with GraphStore(local, read_only=True) as embedded:
        expected = to_nquads(embedded)
        assert sorted_lines(to_nquads(remote)) == sorted_lines(expected)
        assert merge.actual(remote) == merge.actual(embedded)
        assert answers(remote) == answers(embedded)
        ad_hoc = "SELECT ?label WHERE { <https://w3id.org/mdc/id/person/zakir-hasanov> " \
                 "<http://www.w3.org/2000/01/rdf-schema#label> ?label }"
        assert [row["label"].value for row in remote.query(ad_hoc)] == ["Zakir Hasanov"]

    removed = ["seed-article", "synth-000003", "synth-000007"]
    for store in (str(local), virtuoso.url):
        result = runner.invoke(cli, ["remove", *removed, "--store", store])
        assert result.exit_code == 0, result.output
    exported = {}
    for store in (str(local), virtuoso.url):
        result = runner.invoke(cli, ["export", "--store", store, "--format", "nquads", "--output",
                                     str(tmp_path / f"{len(exported)}.nq")])
        assert result.exit_code == 0, result.output
        exported[store] = sorted_lines((tmp_path / f"{len(exported)}.nq").read_bytes())
    assert exported[str(local)] == exported[virtuoso.url]
    with GraphStore(local, read_only=True) as embedded:
        assert answers(remote) == answers(embedded)


def test_network_and_stats_read_from_virtuoso_equal_the_embedded_stores(runner, virtuoso, local):
    """`kg network` (each projection, its edges and its metrics, filtered or not) and `kg stats`
    print the same through Virtuoso as from the embedded store."""
    commands = [["stats"], ["stats", "--format", "csv"]]
    for projection in ("persons", "countries", "events"):
        commands += [["network", "--projection", projection, "--format", "csv", "--limit", "100000"],
                     ["network", "--projection", projection, "--metrics", "--format", "csv"]]
    busiest = runner.invoke(cli, ["network", "--metrics", "--format", "csv", "--store", str(local)])
    person = busiest.output.splitlines()[1].split(",")[0]  # the busiest person (sorted first)
    commands += [["network", "--country", "AZ", "--since", "2023", "--format", "csv"],
                 ["network", "--person", person, "--hops", "2", "--format", "csv"],
                 ["network", "--projection", "countries", "--mode", "call", "--format", "csv"]]
    for command in commands:
        printed = {}
        for store in (str(local), virtuoso.url):
            result = runner.invoke(cli, [*command, "--store", store])
            assert result.exit_code == 0, result.output
            printed[store] = result.output
        assert printed[virtuoso.url] == printed[str(local)], command
        assert len(printed[virtuoso.url].splitlines()) > 1, command
