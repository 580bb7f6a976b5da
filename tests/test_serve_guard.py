"""`kg serve` behind its guard: no outbound requests, limits that hold, no process left behind."""
from __future__ import annotations

import gzip
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

import httpx
import pytest

from kg.errors import StoreLockedError
from kg.graph.store import GraphStore
from kg.query.serve import Guard, wait_until_ready
from tests.graph_fixtures import alive, children_of, filled_store_dir, free_port

PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


class KgServe:
    """`python -m kg.cli serve` in a child process, on a free loopback port."""

    def __init__(self, store, *options: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--bind", f"127.0.0.1:{self.port}",
             *options], stderr=subprocess.PIPE, text=True)
        wait_until_ready(self.url, process=self.process)

    def children(self) -> list[int]:
        return children_of(self.process.pid)

    def stop(self) -> tuple[int, str]:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        _, err = self.process.communicate(timeout=20)
        return self.process.returncode, err


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    return filled_store_dir(tmp_path_factory, "guard")


@pytest.fixture(scope="module")
def guarded(store_dir):
    server = KgServe(store_dir, "--timeout", "2", "--max-result-mb", "0.05")
    yield server
    server.stop()


def test_service_and_load_are_refused_and_the_listener_receives_nothing(guarded, listener):
    query = f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
    sneaky = f"SELECT * WHERE {{ \\u0053ERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
    answers = [
        httpx.get(guarded.url + "/query", params={"query": query}),
        httpx.post(guarded.url + "/query", data={"query": sneaky}),
        httpx.post(guarded.url + "/query", content=query, headers={"Content-Type": "application/sparql-query"}),
        httpx.get(guarded.url + "/", params={"query": query}),  # any path: the check reads every request
        httpx.post(guarded.url + "/update", content=f"LOAD <{listener.url}>",
                   headers={"Content-Type": "application/sparql-update"}),
    ]
    for answer in answers:
        assert answer.status_code == 403, answer.text
        assert "is refused: queries here never fetch from the network" in answer.text
    hidden = httpx.post(guarded.url + "/query", content=gzip.compress(query.encode()),
                        headers={"Content-Type": "application/sparql-query", "Content-Encoding": "gzip"})
    assert hidden.status_code == 415 and hidden.text == "send the request body uncompressed\n"
    time.sleep(0.3)
    assert listener.connections == 0
    assert httpx.get(guarded.url + "/query", params={"query": COUNT}, headers={"Accept": "text/csv"}).status_code == 200


def test_a_runaway_query_ends_within_a_second_of_its_limit_and_the_server_recovers(guarded):
    before = guarded.children()
    started = time.monotonic()
    answer = httpx.get(guarded.url + "/query", params={"query": PRODUCT}, timeout=30)
    elapsed = time.monotonic() - started
    assert answer.status_code == 503 and 2 <= elapsed < 3, (answer.status_code, elapsed)
    assert answer.text == "the query ran past its time limit of 2 s and was stopped\n"
    deadline = time.monotonic() + 30  # the server behind is restarted: the query stops burning CPU
    while time.monotonic() < deadline:
        now = guarded.children()
        if len(now) == 1 and not set(now) & set(before) and not any(alive(pid) for pid in before):
            break
        time.sleep(0.1)
    assert len(now) == 1 and not set(now) & set(before), (before, now)
    assert not any(alive(pid) for pid in before), before
    for _ in range(50):
        recovered = httpx.get(guarded.url + "/query", params={"query": COUNT}, headers={"Accept": "text/csv"})
        if recovered.status_code == 200:
            break
        time.sleep(0.1)
    assert recovered.status_code == 200 and int(recovered.text.split()[1]) > 0


def test_an_answer_over_the_size_limit_is_an_error_not_a_cut_body(guarded):
    answer = httpx.get(guarded.url + "/query", params={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"},
                       headers={"Accept": "text/csv"}, timeout=30)
    assert answer.status_code == 507
    assert answer.text == "the answer passed the size limit of 50,000 bytes and was stopped; add a LIMIT\n"


def test_an_answer_cut_by_the_server_never_reaches_the_client_as_200():
    """A server that starts a 200 and dies half-way: the guard answers 502, never a broken 200."""
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    listening.listen(1)

    def half_answer():
        connection, _ = listening.accept()
        connection.recv(65536)
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n"
                           b"5\r\nn\r\n1\r\n")  # and no more: the query was cancelled
        connection.close()

    class FakeUpstream:
        lock = threading.Lock()
        port = listening.getsockname()[1]
        generation = 1
        restart_wanted = threading.Event()

    guard = Guard(("127.0.0.1", 0), FakeUpstream(), timeout=5, max_bytes=1000)
    threading.Thread(target=guard.serve_forever, daemon=True).start()
    server = threading.Thread(target=half_answer)
    server.start()
    try:
        answer = httpx.get(f"http://127.0.0.1:{guard.server_address[1]}/query", params={"query": "ASK {}"})
        assert answer.status_code == 502 and answer.text.startswith("the SPARQL server gave no complete answer")
    finally:
        server.join(timeout=5)
        guard.shutdown()
        guard.server_close()
        listening.close()


def test_sigterm_stops_kg_serve_cleanly_with_its_server(store_dir):
    server = KgServe(store_dir)
    children = server.children()
    assert len(children) == 1
    code, err = server.stop()
    assert code == 0, err
    assert not any(alive(pid) for pid in children)


def test_no_server_outlives_kg_serve_killed_with_sigkill(tmp_path):
    store = tmp_path / "team"
    server = KgServe(store, "--writable")
    children = server.children()
    assert len(children) == 1
    server.process.kill()
    server.process.wait(timeout=10)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(alive(pid) for pid in children):
        time.sleep(0.05)
    assert not any(alive(pid) for pid in children)
    # the store's lock went with the server (the kernel releases it once its last thread has gone,
    # which can be a moment after the main thread shows as dead)
    deadline = time.monotonic() + 10
    while True:
        try:
            with GraphStore(store) as writer:
                assert len(writer) == 0
            break
        except StoreLockedError:
            assert time.monotonic() < deadline, "the store stayed locked after the server died"
            time.sleep(0.05)


def test_a_locked_store_is_explained_with_the_servers_own_words(tmp_path):
    store = tmp_path / "busy"
    with GraphStore(store):
        result = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--writable",
                                 "--bind", f"127.0.0.1:{free_port()}"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: the SPARQL server exited with code 1: the store is in use by another "
                                    "writer (kg ingest?); IO error: While lock file: ")
    assert len(result.stderr.splitlines()) == 1


def test_the_guard_passes_queries_through_unchanged(guarded):
    for method in ("GET", "POST"):
        if method == "GET":
            answer = httpx.get(guarded.url + "/query", params={"query": COUNT},
                               headers={"Accept": "application/sparql-results+json"})
        else:
            answer = httpx.post(guarded.url + "/query", content=urllib.parse.urlencode({"query": COUNT}),
                                headers={"Accept": "application/sparql-results+json",
                                         "Content-Type": "application/x-www-form-urlencoded"})
        assert answer.status_code == 200, answer.text
        assert int(answer.json()["results"]["bindings"][0]["n"]["value"]) > 0
    page = httpx.get(guarded.url + "/", headers={"Accept": "text/html"})
    # the guard answers "/" itself with the project's query page (Oxigraph's YASGUI page fetched from outside)
    assert page.status_code == 200 and "military-diplomatic contacts" in page.text and "yasgui" not in page.text.lower()


def test_the_guard_serves_concurrent_clients(guarded):
    """20 clients, 20 queries each, at once through the guard: every answer complete and right."""
    from concurrent.futures import ThreadPoolExecutor

    expected = httpx.get(guarded.url + "/query", params={"query": COUNT}, headers={"Accept": "text/csv"}).text

    def client(number: int) -> int:
        with httpx.Client(base_url=guarded.url, timeout=30) as http:
            return sum(http.get("/query", params={"query": COUNT}, headers={"Accept": "text/csv"}).text == expected
                       for _ in range(20))

    with ThreadPoolExecutor(max_workers=20) as pool:
        assert sum(pool.map(client, range(20))) == 400
