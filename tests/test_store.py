"""The store under pressure: a second writer, readers beside a writer, and `kill -9` mid-batch."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from kg.cli import cli
from kg.errors import StoreLockedError
from kg.graph.persistence import EXTRACTION_RECORD
from kg.graph.store import GraphStore
from kg.graph.vocabulary import RESOLUTION_GRAPH
from kg.graph.vocabulary import MDC
from kg.pipeline import ingest

from conftest import SEED

HOLD_STORE = """
import sys, time
from kg.graph.store import GraphStore
store = GraphStore(sys.argv[1])
print("ready", flush=True)
time.sleep(60)
"""


@pytest.fixture
def held_store(tmp_path):
    """A store with the seed article, held open for writing by another process."""
    path = tmp_path / "store"
    with GraphStore(path) as store:
        ingest([str(SEED)], store)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_STORE, str(path)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    yield path, holder.pid
    holder.kill()
    holder.wait()


def test_a_second_writer_is_told_who_holds_the_store(held_store, runner):
    path, pid = held_store
    result = runner.invoke(cli, ["ingest", str(SEED), "--store", str(path)])
    assert result.exit_code == 1
    assert result.output == (f"Error: the store {path} is in use by another process (pid {pid}); wait for "
                             "it to finish (kg query, export and stats can read meanwhile)\n")
    for command in (["remove", "x"], ["curate", str(SEED)]):
        assert runner.invoke(cli, [*command, "--store", str(path)]).exit_code == 1


def test_readers_work_beside_a_writer(held_store, runner):
    path, _ = held_store
    stats = runner.invoke(cli, ["stats", "--store", str(path)])
    assert stats.exit_code == 0 and "Article                 1" in stats.output
    query = runner.invoke(cli, ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/mdc#Article> }",
                                "--store", str(path)])
    assert query.exit_code == 0 and query.output.splitlines()[-1].strip() == "1"
    export = runner.invoke(cli, ["export", "--format", "nquads", "--store", str(path)])
    assert export.exit_code == 0 and "seed-article" in export.output
    entities = runner.invoke(cli, ["entities", "--store", str(path)])
    assert entities.exit_code == 0


def test_two_handles_in_one_process_get_the_same_clear_error(tmp_path):
    with GraphStore(tmp_path / "s"):
        with pytest.raises(StoreLockedError, match=r"in use by another process \(pid \d+, this process"):
            GraphStore(tmp_path / "s")


def test_closing_releases_the_store(tmp_path):
    store = GraphStore(tmp_path / "s")
    store.close()
    store.close()  # twice is harmless
    assert not (tmp_path / "s" / "kg-writer.pid").exists()
    GraphStore(tmp_path / "s").close()


PAIRS = [("Azerbaijan's Defence Minister Colonel General Zakir Hasanov", "Turkish Chief of General Staff General Yaşar Güler", "Baku"),
         ("Russian Defence Minister Andrei Belousov", "Chinese Defence Minister Admiral Dong Jun", "Beijing"),
         ("Indian Army Chief General Upendra Dwivedi", "French Army Chief General Pierre Schill", "New Delhi"),
         ("Kazakh Defence Minister Ruslan Zhaksylykov", "Uzbek Defence Minister Bakhodir Kurbanov", "Astana")]


def big_corpus(path, count: int) -> str:
    """Short articles (fast to extract), the same people recurring."""
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(count):
            host, guest, city = PAIRS[number % len(PAIRS)]
            day = f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}"
            text = (f"{host} received {guest} in {city} on {day}. The sides discussed military "
                    f"cooperation and regional security, the ministry said in statement number {number}.")
            handle.write(json.dumps({"id": f"A{number:05d}", "date": day, "text": text}, ensure_ascii=False) + "\n")
    return str(path)


def article_state(path) -> dict[str, bool]:
    """For each article graph in the store: is it complete (hash, type, extraction record)?"""
    with GraphStore(path, read_only=True) as store:
        graphs = [g for g in store.named_graphs() if "/id/article/" in g.value]
        records = {row["g"].value for row in store.query(
            f"SELECT ?g WHERE {{ GRAPH {RESOLUTION_GRAPH} {{ ?g {EXTRACTION_RECORD} ?x }} }}")}
        state = {}
        for graph in graphs:
            predicates = {q.predicate.value for q in store.quads(graph)}
            state[graph.value] = ({MDC + "contentHash", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"}
                                  <= predicates and graph.value in records)
        orphan_records = records - set(state)
        return state, orphan_records


def test_kill_9_mid_batch_leaves_a_store_that_opens_and_a_rerun_completes(tmp_path):
    total = 800
    source = big_corpus(tmp_path / "big.jsonl", total)
    reference = tmp_path / "reference"
    with GraphStore(reference) as store:
        ingest([source], store)
        expected = sorted(str(q) for q in store.quads())
    crashed = tmp_path / "crashed"
    command = [sys.executable, "-m", "kg.cli", "ingest", source, "--store", str(crashed), "-q"]
    writer = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    seen = 0
    while time.monotonic() < deadline and writer.poll() is None:
        time.sleep(0.05)
        if (crashed / "CURRENT").exists():
            try:
                seen = len(article_state(crashed)[0])
            except Exception:  # noqa: BLE001 - the store may be mid-creation
                continue
            if seen >= 100:
                break
    assert writer.poll() is None, "the ingest finished before it could be killed: make the corpus bigger"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    state, orphans = article_state(crashed)
    assert 100 <= len(state) < total
    assert all(state.values()), "an article graph is incomplete"
    assert not orphans, "records without their article graph"
    result = subprocess.run(command[:-1], capture_output=True, text=True)  # the same command again
    assert result.returncode == 0, result.stderr
    assert f"unchanged {len(state)}" in result.stdout
    with GraphStore(crashed, read_only=True) as store:
        assert sorted(str(q) for q in store.quads()) == expected


def test_both_stores_meet_the_store_contract():
    from kg.graph.remote import RemoteStore
    from kg.graph.store import Store

    with GraphStore() as embedded:
        assert isinstance(embedded, Store)
    assert isinstance(RemoteStore("http://127.0.0.1:9"), Store)  # nothing is sent before a query


def test_releasing_memory_keeps_the_data_and_the_lock(tmp_path):
    """An ingest reopens its store to empty RocksDB's caches (`release_memory`); what is committed
    stays, writing goes on, and no other writer can take the store, not even while it is closed."""
    path = tmp_path / "s"
    tried_in_the_gap = []
    with GraphStore(path) as store:
        store.update("INSERT DATA { <urn:a> <urn:p> <urn:b> }")
        plain_open = store._open_writable

        def open_after_another_writer_tried():  # RocksDB's own lock is released at this point
            tried_in_the_gap.append(subprocess.run(
                [sys.executable, "-c", "import sys\nfrom kg.graph.store import GraphStore\nfrom kg.errors import "
                 "StoreLockedError\ntry:\n    GraphStore(sys.argv[1]).close()\nexcept StoreLockedError as e:\n"
                 "    print(e)", str(path)], capture_output=True, text=True).stdout)
            return plain_open()

        store._open_writable = open_after_another_writer_tried
        store.release_memory()
        store.update("INSERT DATA { <urn:a> <urn:p> <urn:c> }")
        assert len(store) == 2
        with pytest.raises(StoreLockedError, match="in use by another process"):
            GraphStore(path)
    assert tried_in_the_gap and "in use by another process" in tried_in_the_gap[0]
    with GraphStore(path, read_only=True) as store:
        assert len(store) == 2
