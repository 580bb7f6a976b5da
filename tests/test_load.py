"""`kg load`: a store restored from `kg export --bookkeeping` is the store it came from."""
from __future__ import annotations

import pytest

from kg.cli import cli
from kg.graph import merge
from kg.graph.store import GraphStore

from conftest import SEED


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """An ingested store with a curation, so every kind of graph is there."""
    from click.testing import CliRunner

    from test_curate import EXAMPLE

    path = tmp_path_factory.mktemp("load") / "store"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(SEED), "--store", str(path)]).exit_code == 0
    assert runner.invoke(cli, ["curate", str(EXAMPLE), "--store", str(path)]).exit_code in (0, 1)
    return path


def export(runner, store, fmt, out, bookkeeping=True):
    args = ["export", "--store", str(store), "--format", fmt, "--output", str(out)]
    result = runner.invoke(cli, args + (["--bookkeeping"] if bookkeeping else []))
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def sorted_lines(data: bytes) -> list[bytes]:
    return sorted(line for line in data.splitlines() if line.strip())


@pytest.mark.parametrize("fmt,ending", [("nquads", "nq"), ("trig", "trig")])
def test_export_load_export_is_identical_after_sorting(runner, source, tmp_path, fmt, ending):
    first = export(runner, source, fmt, tmp_path / f"backup.{ending}")
    restored = tmp_path / "restored"
    result = runner.invoke(cli, ["load", str(tmp_path / f"backup.{ending}"), "--store", str(restored)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Loaded ")
    original_nq = export(runner, source, "nquads", tmp_path / "a.nq")
    again_nq = export(runner, restored, "nquads", tmp_path / "b.nq")
    assert sorted_lines(again_nq) == sorted_lines(original_nq)
    assert sorted_lines(export(runner, restored, fmt, tmp_path / f"again.{ending}")) == sorted_lines(first) \
        or fmt == "trig"  # TriG groups lines by graph; its N-Quads are compared above
    with GraphStore(restored, read_only=True) as store:
        assert merge.actual(store) == merge.expected(store)


def test_a_restored_store_goes_on_as_the_original(runner, source, tmp_path):
    export(runner, source, "nquads", tmp_path / "backup.nq")
    restored = tmp_path / "restored"
    assert runner.invoke(cli, ["load", str(tmp_path / "backup.nq"), "--store", str(restored)]).exit_code == 0
    result = runner.invoke(cli, ["ingest", str(SEED), "--store", str(restored)])
    assert "Ingested 0, unchanged 1" in result.output
    result = runner.invoke(cli, ["remove", "seed-article", "--store", str(restored)])
    assert result.exit_code == 0, result.output
    with GraphStore(restored, read_only=True) as store:
        assert merge.actual(store) == merge.expected(store)


def test_a_file_without_the_default_graph_gets_the_merge(runner, source, tmp_path):
    data = export(runner, source, "nquads", tmp_path / "backup.nq")
    named_only = tmp_path / "named.nq"
    named_only.write_bytes(b"\n".join(line for line in data.splitlines() if line.count(b" <") + line.count(b' "') > 0
                                      and not _in_default(line)) + b"\n")
    restored = tmp_path / "restored"
    assert runner.invoke(cli, ["load", str(named_only), "--store", str(restored)]).exit_code == 0
    assert sorted_lines(export(runner, restored, "nquads", tmp_path / "b.nq")) == sorted_lines(data)


def _in_default(line: bytes) -> bool:
    import pyoxigraph as ox

    quad = next(iter(ox.parse(line + b"\n", ox.RdfFormat.N_QUADS)))
    return isinstance(quad.graph_name, ox.DefaultGraph)


def test_turtle_loads_into_the_default_graph_or_a_named_one(runner, source, tmp_path):
    export(runner, source, "turtle", tmp_path / "graph.ttl", bookkeeping=False)
    for args, query in (([], "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
                        (["--graph", "https://example.org/g"],
                         "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://example.org/g> { ?s ?p ?o } }")):
        restored = tmp_path / f"restored{len(args)}"
        assert runner.invoke(cli, ["load", str(tmp_path / "graph.ttl"), "--store", str(restored), *args]).exit_code == 0
        with GraphStore(restored, read_only=True) as store, GraphStore(source, read_only=True) as original:
            count = next(iter(store.query(query)))["n"].value
            assert count == next(iter(original.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value


def test_load_refuses_what_it_cannot_read(runner, tmp_path):
    (tmp_path / "x.csv").write_text("a,b\n")
    result = runner.invoke(cli, ["load", str(tmp_path / "x.csv"), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1 and "cannot tell the format" in result.output
    (tmp_path / "bad.nq").write_text("<a> <b> .\n")
    result = runner.invoke(cli, ["load", str(tmp_path / "bad.nq"), "--store", str(tmp_path / "s2")])
    assert result.exit_code == 1 and "bad.nq: not valid" in result.output


def test_load_into_a_team_store(runner, source, tmp_path):
    from tests.graph_fixtures import OxigraphServer

    data = export(runner, source, "nquads", tmp_path / "backup.nq")
    server = OxigraphServer(tmp_path / "team", writable=True)
    try:
        result = runner.invoke(cli, ["load", str(tmp_path / "backup.nq"), "--store", server.url])
        assert result.exit_code == 0, result.output
        assert sorted_lines(export(runner, server.url, "nquads", tmp_path / "team.nq")) == sorted_lines(data)
    finally:
        server.stop()
