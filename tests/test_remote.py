"""A shared team store: every command works against a real Oxigraph server given by URL, and the
result equals the embedded store's."""
from __future__ import annotations

import io
import threading

import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.cli import cli
from kg.errors import QueryError, StoreError
from kg.graph.remote import RemoteStore, endpoints
from kg.graph.store import GraphStore, open_store
from kg.graph.vocabulary import article_iri
from kg.model import Article, Extraction, Meeting, Person
from kg.pipeline import store_extraction
from kg.query import named as queries
from tests.conftest import SEED
from tests.graph_fixtures import OxigraphServer, extractions, fill


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = OxigraphServer(tmp_path_factory.mktemp("team") / "store", writable=True)
    yield running
    running.stop()


@pytest.fixture
def remote(server):
    store = RemoteStore(server.url)
    store.update("DROP SILENT ALL")
    return store


def dataset(nquads: str) -> rdflib.Dataset:
    data = rdflib.Dataset()
    data.parse(data=nquads, format="nquads")
    return data


def assert_same_dataset(left: str, right: str) -> None:
    """Same named graphs, each isomorphic to its counterpart."""
    a, b = dataset(left), dataset(right)
    graphs_a = {g.identifier: g for g in a.graphs() if len(g)}
    graphs_b = {g.identifier: g for g in b.graphs() if len(g)}
    assert graphs_a.keys() == graphs_b.keys() and graphs_a
    for name, graph in graphs_a.items():
        assert isomorphic(graph, graphs_b[name]), name


def test_endpoint_paths_are_configurable():
    assert endpoints("http://h:7878") == ("http://h:7878", "http://h:7878/query", "http://h:7878/update")
    assert endpoints("http://h:3030/ds#fuseki")[1:] == ("http://h:3030/ds/query", "http://h:3030/ds/update")
    assert endpoints("http://h:7200/repositories/kg#graphdb")[1:] == (
        "http://h:7200/repositories/kg", "http://h:7200/repositories/kg/statements")
    assert endpoints("http://h/x/#query=sparql&update=")[1:] == ("http://h/x/sparql", "http://h/x")
    with pytest.raises(StoreError, match="unknown endpoint"):
        endpoints("http://h#colour=red")
    assert isinstance(open_store("http://127.0.0.1:1"), RemoteStore)


def test_cli_ingest_query_export_through_the_server_equal_the_embedded_store(runner, server, remote, tmp_path):
    local = str(tmp_path / "local")
    for store in (local, server.url):
        result = runner.invoke(cli, ["ingest", str(SEED), "--store", store, "--quiet"])
        assert result.exit_code == 0, result.output
    again = runner.invoke(cli, ["ingest", str(SEED), "--store", server.url, "--quiet"])
    assert "unchanged 1" in again.output  # the content hash is read back from the server
    exports = {}
    for store in (local, server.url):
        result = runner.invoke(cli, ["export", "--format", "nquads", "--store", store])
        assert result.exit_code == 0, result.output
        exports[store] = result.output
    assert_same_dataset(exports[local], exports[server.url])
    turtle = [rdflib.Graph().parse(data=runner.invoke(cli, ["export", "--format", "turtle", "--store", s]).output,
                                   format="turtle") for s in (local, server.url)]
    assert len(turtle[0]) > 0 and isomorphic(*turtle)
    out = tmp_path / "remote.trig"
    assert runner.invoke(cli, ["export", "--format", "trig", "-o", str(out), "--store", server.url]).exit_code == 0
    assert len(rdflib.Dataset().parse(str(out), format="trig")) > 0
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    counts = [runner.invoke(cli, ["query", sparql, "--format", "csv", "--store", s]).output for s in (local, server.url)]
    assert counts[0] == counts[1] and counts[0].split()[0] == "n" and int(counts[0].split()[1]) > 0
    stats = [runner.invoke(cli, ["stats", "--store", s]).output for s in (local, server.url)]
    assert stats[0] == stats[1]
    union = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class }"  # no GRAPH: the union graph
    answers = [runner.invoke(cli, ["query", union, "--format", "tsv", "--store", s]).output for s in (local, server.url)]
    assert answers[0] == answers[1] and int(answers[0].split()[1].split('"')[1]) > 0


def test_named_queries_answer_the_same_remote_and_embedded(remote):
    embedded = GraphStore(None)
    fill(embedded)
    fill(remote)
    assert len(remote) == len(embedded) and sorted(g.value for g in remote.named_graphs()) == sorted(
        g.value for g in embedded.named_graphs())
    params = {"contacts": {"country": "AZ"}, "person-timeline": {"person": "Zakir Hasanov"},
              "provenance": {"subject": "person:zakir-hasanov"}}
    for name in queries.names():
        a, b = queries.run(embedded, name, params.get(name, {})), queries.run(remote, name, params.get(name, {}))
        assert a.columns == b.columns and normalised(a) == normalised(b), name


def normalised(result):
    """Rows as text; GROUP_CONCAT lists ("a; b") have no defined order, so they are sorted."""
    return [[None if v is None else "; ".join(sorted(v.split("; "))) for v in row] for row in result.values()]


def test_store_methods_over_http(remote):
    fill(remote)
    first = extractions()[0]
    graph = article_iri(first.article.id)
    assert remote.content_hash(graph) is None
    store_extraction(remote, first, digest="abc123")
    assert remote.content_hash(graph) == "abc123"
    quads = list(remote.quads(graph))
    assert quads and all(q.graph_name == graph for q in quads)
    assert remote.remove_graphs([graph, article_iri("never-stored")]) == 1
    assert graph not in remote.named_graphs()
    buffer = io.BytesIO()
    import pyoxigraph as ox
    remote.dump(buffer, ox.RdfFormat.N_QUADS)
    assert buffer.getvalue().count(b"\n") == len(remote)
    remote.load(b'<urn:s> <urn:p> "o" <urn:g> .\n', ox.RdfFormat.N_QUADS)
    assert list(remote.quads(ox.NamedNode("urn:g")))[0].object == ox.Literal("o")
    with pytest.raises(QueryError, match="refused"):
        remote.query("SELECT nonsense")


def test_loading_into_a_named_graph_puts_the_triples_there_as_the_embedded_store_does(remote):
    """Regression: RemoteStore.load passed ``to_graph`` to a parser that has no such argument,
    so loading Turtle into a graph failed with a TypeError."""
    import pyoxigraph as ox

    turtle = b'<urn:s> <urn:p> "o" , "p" .\n'
    trig = b'<urn:a> <urn:p> "in default" .\n<urn:g> { <urn:a> <urn:p> "in g" }\n'
    target = ox.NamedNode("urn:target")
    embedded = GraphStore(None)
    for store in (remote, embedded):
        store.load(turtle, ox.RdfFormat.TURTLE, to_graph=target)
        store.load(trig, ox.RdfFormat.TRIG, to_graph=target)
    expected = sorted(map(str, embedded.quads()))
    assert sorted(map(str, remote.quads())) == expected
    assert sorted(q.object.value for q in remote.quads(target)) == ["in default", "o", "p"]
    assert [q.object.value for q in remote.quads(ox.NamedNode("urn:g"))] == ["in g"]
    assert not list(remote.quads(ox.DefaultGraph()))


def test_read_only_and_unreachable_stores_say_so(runner, server, remote):
    with pytest.raises(StoreError, match="read-only"):
        RemoteStore(server.url, read_only=True).update("DROP ALL")
    result = runner.invoke(cli, ["query", "DROP ALL", "--store", server.url])
    assert result.exit_code == 1 and "--update" in result.output
    result = runner.invoke(cli, ["query", "ASK { ?s ?p ?o }", "--store", "http://127.0.0.1:9/"])
    assert result.exit_code == 1 and "cannot reach the SPARQL endpoint" in result.output


def test_parallel_ingest_machines_share_one_graph(server, remote):
    """Four writers store different articles at once; every article graph arrives whole."""
    def writer(worker: int) -> None:
        store = RemoteStore(server.url)
        for number in range(25):
            tens, units = divmod(number, 10)  # 100 different people, no two spelling variants of one name
            surname = f"Ta{'bdfklmnprs'[tens]}e{'bdfklmnprs'[units]}ov"
            person = Person(key="p", name=f"{['Amir', 'Bekir', 'Celal', 'Dursun'][worker]} {surname}", country="AZ")
            other = Person(key="q", name="Common Counterpart", country="TR")
            store_extraction(store, Extraction(
                article=Article(id=f"w{worker}-{number}", text=""), date="2024-01-01", persons=[person, other],
                meetings=[Meeting(key="m", date="2024-01-01", parties=["AZ", "TR"], participants=["p", "q"])]))

    threads = [threading.Thread(target=writer, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len([g for g in remote.named_graphs() if "/article/" in g.value]) == 100
    rows = queries.run(remote, "who-met-whom", {"person": "Common Counterpart"}).rows
    assert len(rows) == 100


def test_credentials_in_the_url_are_sent_as_basic_auth_and_never_shown(runner):
    """A stand-in endpoint on 127.0.0.1 records the request and refuses it with HTTP 403."""
    import base64
    import http.server

    seen = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the stdlib's name
            seen["authorization"] = self.headers.get("Authorization")
            seen["path"] = self.path
            self.send_response(403)
            self.end_headers()
            self.wfile.write(b"forbidden")

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://analyst:s%40cret@127.0.0.1:{httpd.server_port}/ds#fuseki"
        result = runner.invoke(cli, ["query", "ASK { ?s ?p ?o }", "--store", url])
    finally:
        httpd.shutdown()
    assert seen["path"] == "/ds/query"
    assert seen["authorization"] == "Basic " + base64.b64encode(b"analyst:s@cret").decode()
    assert result.exit_code == 1 and "HTTP 403" in result.output
    assert "cret" not in result.output and "analyst" not in result.output


def test_two_ingest_processes_at_once_build_the_same_graph_as_one(tmp_path):
    """Two machines ingest halves of the development set into one team store at the same time; the
    result is the graph one embedded ingest of the whole set builds. (Run it on a quiet tree: an
    extractor edited between the two ingests makes them differ.)"""
    import subprocess
    import sys

    from tests.conftest import DEV

    lines = (DEV / "articles.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    halves = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    halves[0].write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    halves[1].write_text("".join(lines[len(lines) // 2:]), encoding="utf-8")
    team = OxigraphServer(tmp_path / "team", writable=True)
    try:
        processes = [subprocess.Popen([sys.executable, "-m", "kg.cli", "ingest", str(half), "--store", team.url,
                                       "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for half in halves]
        for process in processes:
            out, err = process.communicate(timeout=300)
            assert process.returncode == 0, err
        shared = RemoteStore(team.url)
        from kg.graph.remote import to_nquads
        remote_nquads = to_nquads(shared).decode("utf-8")
    finally:
        team.stop()
    with GraphStore(tmp_path / "local") as local:
        from kg.pipeline import ingest
        ingest([str(halves[0]), str(halves[1])], local)
        from kg.graph.remote import to_nquads
        local_nquads = to_nquads(local).decode("utf-8")
    assert_same_dataset(local_nquads, remote_nquads)
