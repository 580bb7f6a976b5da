"""`kg query` never fetches from the network (SERVICE, LOAD), and stops at its time and size limits."""
from __future__ import annotations

import time

import pytest

from kg.cli import cli
from kg.errors import QueryError
from kg.query.sparql import refuse_remote_calls, remote_calls, run_query_limited

PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


def service_queries(url: str) -> list[str]:
    """Ways to write a federated query, the plain one and ones that try to slip past a check."""
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE{{SERVICE<{url}>{{?s ?p ?o}}}}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?x ?y ?z.SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX e: <{url}>\nSELECT * WHERE {{ # a comment\n SERVICE e: {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
    ]


def test_service_and_load_are_found_where_the_parser_finds_them():
    assert remote_calls("SELECT * { SERVICE <http://a/> { ?s ?p ?o } }") == [("SERVICE", "http://a/")]
    assert remote_calls("LOAD SILENT <http://b/> INTO GRAPH <http://g/>") == [("LOAD", "http://b/")]
    assert remote_calls("SELECT * { \\u0053ERVICE <http://c/> {} }") == [("SERVICE", "http://c/")]
    assert remote_calls("SELECT * { SERVICE ?endpoint {} }") == [("SERVICE", None)]
    # not calls: in strings, IRIs, comments, variables and prefixed names
    assert remote_calls('SELECT ?service ?load WHERE { ?service <http://x/SERVICE> "SERVICE <http://d/>" ; '
                        "ex:LOAD '''LOAD <http://e/>''' } # SERVICE <http://f/>") == []
    with pytest.raises(QueryError, match=r"^SERVICE <http://a/> is refused: queries here never fetch"):
        refuse_remote_calls("SELECT * { SERVICE <http://a/> { ?s ?p ?o } }")
    refuse_remote_calls("SELECT * { SERVICE <http://a/> { ?s ?p ?o } }", allowed=["http://a/"])


def test_kg_query_refuses_service_and_the_listener_receives_nothing(seed_store_dir, runner, listener):
    for text in service_queries(listener.url):
        result = runner.invoke(cli, ["query", text, "--store", str(seed_store_dir)])
        assert result.exit_code == 1, (text, result.output)
        assert result.stderr.startswith("Error: SERVICE ") and "is refused" in result.stderr, text
        assert len(result.stderr.splitlines()) == 1 and result.exception.__class__ is SystemExit
    time.sleep(0.3)
    assert listener.connections == 0


def test_an_allowed_endpoint_is_called_which_shows_the_listener_would_have_seen_one(
        seed_store_dir, runner, listener):
    result = runner.invoke(cli, ["query", service_queries(listener.url)[0], "--store", str(seed_store_dir),
                                 "--allow-service", listener.url, "--timeout", "5"])
    assert result.exit_code == 1 and result.stderr.startswith("Error: the query failed: ")
    assert listener.connections >= 1


def test_an_update_that_loads_a_url_is_refused(tmp_path, runner, listener):
    result = runner.invoke(cli, ["query", f"LOAD <{listener.url}>", "--update", "--store", str(tmp_path / "s")])
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: LOAD <{listener.url}> is refused")
    assert listener.connections == 0


def test_a_runaway_query_ends_within_a_second_of_its_limit(seed_store_dir, runner):
    started = time.monotonic()
    result = runner.invoke(cli, ["query", PRODUCT, "--store", str(seed_store_dir), "--timeout", "1.5"])
    elapsed = time.monotonic() - started
    assert 1.5 <= elapsed < 2.5, elapsed
    assert result.exit_code == 1
    assert result.stderr == ("Error: the query ran past its time limit of 1.5 s and was stopped; "
                             "narrow it, or raise --timeout\n")
    assert result.stdout == ""


def test_an_answer_over_the_size_limit_is_stopped(seed_store_dir, runner):
    result = runner.invoke(cli, ["query", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", "--format", "csv",
                                 "--store", str(seed_store_dir), "--max-result-mb", "0.2"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == ("Error: the answer passed the size limit of 200,000 bytes and was stopped; "
                             "add a LIMIT, or raise --max-result-mb\n")
    small = runner.invoke(cli, ["query", "SELECT * WHERE { ?a ?b ?c } LIMIT 3", "--format", "csv",
                                "--store", str(seed_store_dir), "--max-result-mb", "0.2"])
    assert small.exit_code == 0 and len(small.stdout.splitlines()) == 4


def test_engine_errors_are_one_line_never_a_traceback(seed_store_dir, runner):
    for text, start in [("SELECT * WHERE { ?a ?b ", "Error: SPARQL syntax error: "),
                        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?a ?b ?c } }",
                         "Error: the query failed: ")]:
        result = runner.invoke(cli, ["query", text, "--store", str(seed_store_dir),
                                     "--allow-service", "http://127.0.0.1:9/x"])
        assert result.exit_code == 1 and result.stderr.startswith(start), result.output
        assert "Traceback" not in result.output


def test_every_kind_of_answer_comes_back_from_the_worker(seed_store_dir):
    select = run_query_limited(str(seed_store_dir), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert select.columns == ["n"] and int(select.rows[0][0].value) > 50
    assert run_query_limited(str(seed_store_dir), "ASK { ?s ?p ?o }").boolean is True
    construct = run_query_limited(str(seed_store_dir), "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 4")
    assert len(construct.triples) == 4
    with pytest.raises(QueryError, match="read-only unless you pass --update"):
        run_query_limited(str(seed_store_dir), "DELETE WHERE { ?s ?p ?o }")


def test_an_update_runs_in_the_worker_too(tmp_path, runner):
    store = str(tmp_path / "s")
    assert runner.invoke(cli, ["query", "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }", "--update",
                               "--store", store]).stdout == "Update applied.\n"
    # a raw update writes what it names (here a named graph); the default graph is the store's own
    assert runner.invoke(cli, ["query", "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store,
                               "--format", "csv"]).stdout.split() == ["o", "urn:c"]


def test_no_query_worker_outlives_kg_query_killed_with_sigkill(seed_store_dir):
    import subprocess
    import sys

    from tests.graph_fixtures import alive, children_of

    query = subprocess.Popen([sys.executable, "-m", "kg.cli", "query", PRODUCT, "--store", str(seed_store_dir),
                              "--timeout", "60"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while not children_of(query.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = children_of(query.pid)
    assert workers
    query.kill()
    query.wait(timeout=10)
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers)
