"""`kg serve`: a SPARQL 1.1 Protocol endpoint, tested with real HTTP clients on 127.0.0.1."""
from __future__ import annotations

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper

from kg.errors import StoreError
from kg.graph.store import GraphStore
from kg.model import Article, Extraction, Person
from kg.pipeline import store_extraction
from kg.query import named as queries
from kg.query.serve import ServeError, server_command, wait_until_ready
from tests.graph_fixtures import OxigraphServer, filled_store_dir, free_port

CONTACTS = queries.get("contacts").bind({"country": "AZ"})
COUNT = ("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a <https://w3id.org/mdc#Article> } }")  # articles


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    return filled_store_dir(tmp_path_factory, "serve")


@pytest.fixture(scope="module")
def endpoint(store_dir):
    running = OxigraphServer(store_dir, writable=False)
    yield running.url
    running.stop()


def test_kg_serve_command_serves_until_stopped(store_dir):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store_dir),
                                "--bind", f"127.0.0.1:{port}"], stderr=subprocess.PIPE, text=True)
    try:
        wait_until_ready(f"http://127.0.0.1:{port}", process=process)
        answer = httpx.get(f"http://127.0.0.1:{port}/query", params={"query": COUNT},
                           headers={"Accept": "text/csv"}, timeout=60)
        assert answer.status_code == 200 and answer.text.split() == ["n", "4"]
    finally:
        process.terminate()
        _, err = process.communicate(timeout=60)
    assert "read-only" in err and "restart kg serve" in err


def test_serve_refuses_what_it_cannot_serve(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        server_command(str(tmp_path / "missing"))
    with pytest.raises(ServeError, match="already a SPARQL endpoint"):
        server_command("http://127.0.0.1:7878")
    with pytest.raises(ServeError, match="HOST:PORT"):
        server_command(str(tmp_path), bind="7878", writable=True)
    command = server_command(str(tmp_path), writable=True)
    assert command[1] == "serve" and "127.0.0.1:7878" in command and "--union-default-graph" not in command


def test_query_page_and_get_post_in_every_results_format(endpoint):
    page = httpx.get(endpoint + "/", headers={"Accept": "text/html"}, timeout=60)
    assert page.status_code == 200 and "yasgui" in page.text.lower()
    for fmt, check in [(JSON, lambda r: r["results"]["bindings"][0]["counterpart"]["value"] == "CN"),
                       (XML, lambda r: "CN" in r.toxml()),
                       (CSV, lambda r: r.decode().splitlines()[1].split(",")[1] == "CN"),
                       (TSV, lambda r: '"CN"' in r.decode().splitlines()[1])]:
        for method in ("GET", "POST"):
            client = SPARQLWrapper(endpoint + "/query")
            client.setQuery(CONTACTS)
            client.setReturnFormat(fmt)
            client.setMethod(method)
            assert check(client.query().convert()), (fmt, method)
    posted = httpx.post(endpoint + "/query", content=COUNT, timeout=60,
                        headers={"Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values"})
    assert posted.status_code == 200 and posted.text.split() == ["?n", "4"]


def test_union_default_graph_and_rdflib_sparqlstore(endpoint):
    graph = rdflib.Graph(store=SPARQLStore(endpoint + "/query"))
    names = {str(row[0]) for row in graph.query(
        "SELECT DISTINCT ?name WHERE { ?p a <https://w3id.org/mdc#Person> ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?name }")}
    assert names == {"Zakir Hasanov", "Yaşar Güler", "Dong Jun", "Mark Rutte"}
    construct = graph.query("CONSTRUCT { ?m a <https://w3id.org/mdc#Meeting> } WHERE "
                            "{ ?m a <https://w3id.org/mdc#Meeting> }")
    assert len(construct.graph) == 3


def test_the_endpoint_is_read_only(endpoint):
    refused = httpx.post(endpoint + "/update", content="DROP ALL", timeout=60,
                         headers={"Content-Type": "application/sparql-update"})
    assert refused.status_code >= 400
    assert httpx.get(endpoint + "/query", params={"query": COUNT}, headers={"Accept": "text/csv"},
                     timeout=60).text.split() == ["n", "4"]


def test_load_50_concurrent_clients_100_queries_each(endpoint):
    """5,000 queries from 50 clients at once on loopback: no error, every answer right."""
    expected = httpx.get(endpoint + "/query", params={"query": CONTACTS},
                         headers={"Accept": "application/sparql-results+json"}, timeout=60).json()
    assert len(expected["results"]["bindings"]) == 2
    deadline = time.monotonic() + 120

    def client(number: int) -> int:
        good = 0
        with httpx.Client(base_url=endpoint, timeout=30) as http:
            for index in range(100):
                if time.monotonic() > deadline:
                    break
                if index % 2:
                    answer = http.post("/query", data={"query": CONTACTS},
                                       headers={"Accept": "application/sparql-results+json"})
                else:
                    answer = http.get("/query", params={"query": CONTACTS},
                                      headers={"Accept": "application/sparql-results+json"})
                assert answer.status_code == 200, answer.text
                assert answer.json() == expected
                good += 1
        return good

    with ThreadPoolExecutor(max_workers=50) as pool:
        answered = list(pool.map(client, range(50)))
    assert sum(answered) == 5000


def test_a_read_only_server_shows_the_store_as_it_started(store_dir, tmp_path):
    """Documented freshness: a writer can add articles meanwhile; a restarted server sees them."""
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy)
    first = OxigraphServer(copy, writable=False)
    try:
        with GraphStore(copy) as writer:  # the read-only server does not lock writers out
            store_extraction(writer, Extraction(article=Article(id="late", text=""), date="2025-01-01",
                                                persons=[Person(key="p", name="Late Comer")]))
        count = httpx.get(first.url + "/query", params={"query": COUNT}, headers={"Accept": "text/csv"}, timeout=60)
        assert count.text.split() == ["n", "4"]
    finally:
        first.stop()
    second = OxigraphServer(copy, writable=False)
    try:
        count = httpx.get(second.url + "/query", params={"query": COUNT}, headers={"Accept": "text/csv"}, timeout=60)
        assert count.text.split() == ["n", "5"]
    finally:
        second.stop()


def test_a_port_in_use_is_an_error_not_a_silent_second_server(endpoint, store_dir):
    from kg.query.serve import start

    port = int(endpoint.rsplit(":", 1)[1])
    with pytest.raises(ServeError, match="in use by another program"):
        start(str(store_dir), bind=f"127.0.0.1:{port}")


@pytest.fixture(scope="module")
def kg_served(store_dir):
    """`kg serve` itself: the project's query page in front of the Oxigraph server."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store_dir),
                                "--bind", f"127.0.0.1:{port}"], stderr=subprocess.PIPE, text=True)
    try:
        wait_until_ready(f"http://127.0.0.1:{port}", process=process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.communicate(timeout=60)


def test_kg_serve_shows_the_projects_page_with_prefixes_and_named_queries(kg_served):
    from test_viz import external_resources

    page = httpx.get(kg_served + "/", timeout=60)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<title>kg: military-diplomatic contacts</title>" in page.text
    import json
    import re

    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', page.text, re.S).group(1))
    assert "PREFIX mdc: <https://w3id.org/mdc#>" in data["prologue"]
    assert [example["name"] for example in data["examples"]] == queries.names()
    assert "yasgui" not in page.text.lower() and "prefix.cc" not in page.text
    assert external_resources(page.text) == []
    # everything else still reaches the endpoint: GET, POST, every results format
    answer = httpx.post(kg_served + "/query", data={"query": CONTACTS}, timeout=60,
                        headers={"Accept": "application/sparql-results+json"})
    assert answer.status_code == 200 and len(answer.json()["results"]["bindings"]) == 2
    client = SPARQLWrapper(kg_served + "/query")
    client.setQuery(CONTACTS)
    client.setReturnFormat(CSV)
    assert client.query().convert().decode().splitlines()[1].split(",")[1] == "CN"
    refused = httpx.post(kg_served + "/update", content="DROP ALL", timeout=60,
                         headers={"Content-Type": "application/sparql-update"})
    assert refused.status_code >= 400


def test_the_query_page_runs_a_named_query_with_no_request_leaving_the_machine(kg_served):
    from playwright.sync_api import sync_playwright

    from test_browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            requests, errors = [], []
            page.on("request", lambda request: requests.append(request.url))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(kg_served + "/")
            page.wait_for_function("() => window.kgReady === true", timeout=10_000)
            assert page.input_value("#kg-query").startswith("PREFIX mdc: <https://w3id.org/mdc#>")
            page.click("button[data-name=who-met-whom]")
            page.wait_for_function("() => window.kgDone === true", timeout=10_000)
            assert page.eval_on_selector_all("#kg-results tr", "rows => rows.length") == 1 + 3
            assert "Zakir Hasanov" in page.inner_text("#kg-results")
            assert page.inner_text("#kg-status").startswith("3 rows")
        finally:
            browser.close()
    assert errors == []
    assert requests and all(url.startswith(kg_served) for url in requests)
