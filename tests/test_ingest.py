"""Incremental, idempotent ingest of real files through the CLI and the library API."""
from __future__ import annotations

import json
import random

from kg.cli import cli
from kg.graph.store import GraphStore
from kg.graph.vocabulary import article_iri
from kg.pipeline import ingest, remove
from kg.report import content_hash

from conftest import DEV, SEED

ENTITIES = "https://w3id.org/mdc/id/graph/entities"


def dev_records(count: int | None = None) -> list[dict]:
    lines = (DEV / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()][:count]


def write_jsonl(path, records) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(path)


def quad_set(store) -> set[str]:
    return {str(q) for q in store.quads()}


def article_graphs(store) -> set[str]:
    return {g.value for g in store.named_graphs() if "/id/article/" in g.value}


def test_reingesting_unchanged_articles_changes_nothing(tmp_path, runner):
    source = write_jsonl(tmp_path / "a.jsonl", dev_records(12))
    store_dir = str(tmp_path / "store")
    first = runner.invoke(cli, ["ingest", source, SEED.as_posix(), "--store", store_dir])
    assert first.exit_code == 0, first.output
    assert first.output.startswith("Ingested 13, unchanged 0, failed 0")
    with GraphStore(store_dir, read_only=True) as store:
        before, count = quad_set(store), len(store)
    again = runner.invoke(cli, ["ingest", source, SEED.as_posix(), "--store", store_dir])
    assert again.exit_code == 0
    assert again.output.startswith("Ingested 0, unchanged 13, failed 0 (0 quads written")
    forced = runner.invoke(cli, ["ingest", source, SEED.as_posix(), "--store", store_dir, "--force"])
    assert forced.output.startswith("Ingested 13, unchanged 0")
    with GraphStore(store_dir, read_only=True) as store:
        assert len(store) == count
        assert quad_set(store) == before


def test_a_changed_article_replaces_its_graph(memory_store, tmp_path):
    records = dev_records(3)
    ingest([write_jsonl(tmp_path / "a.jsonl", records)], memory_store)
    graph = article_iri(records[0]["id"])
    old_hash = memory_store.content_hash(graph)
    records[0]["title"] = "A corrected title"
    report = ingest([write_jsonl(tmp_path / "a.jsonl", records)], memory_store)
    assert (report.ingested, report.unchanged) == (1, 2)
    titles = [q.object.value for q in memory_store.quads(graph) if q.predicate.value.endswith("#title")]
    assert titles == ["A corrected title"]
    assert memory_store.content_hash(graph) not in (None, old_hash)


def test_remove_drops_articles_and_what_only_they_said(tmp_path, runner):
    records = dev_records(6)
    source = write_jsonl(tmp_path / "a.jsonl", records)
    store_dir = str(tmp_path / "store")
    runner.invoke(cli, ["ingest", source, "--store", store_dir])
    with GraphStore(store_dir, read_only=True) as store:
        full = quad_set(store)
    result = runner.invoke(cli, ["remove", records[0]["id"], "nope", "--store", store_dir])
    assert result.exit_code == 3
    assert result.output == "Failed: nope: no such article in the store\nRemoved 1 articles, 1 not found\n"
    with GraphStore(store_dir, read_only=True) as store:
        assert article_iri(records[0]["id"]).value not in article_graphs(store)
        assert len(article_graphs(store)) == 5
    # the same five articles ingested alone give the same graph: nothing of the removed one is left
    alone = GraphStore(None)
    ingest([write_jsonl(tmp_path / "b.jsonl", records[1:])], alone)
    with GraphStore(store_dir, read_only=True) as store:
        assert quad_set(store) == quad_set(alone)
    runner.invoke(cli, ["ingest", source, "--store", store_dir])
    with GraphStore(store_dir, read_only=True) as store:
        assert quad_set(store) == full


def test_order_of_ingestion_does_not_change_the_final_graph(tmp_path):
    records = dev_records(30)
    one = GraphStore(None)
    ingest([write_jsonl(tmp_path / "all.jsonl", records)], one)
    shuffled = records[:]
    random.Random(7).shuffle(shuffled)
    other = GraphStore(None)
    for start in range(0, 30, 7):  # several runs, another order
        ingest([write_jsonl(tmp_path / f"part{start}.jsonl", shuffled[start:start + 7])], other)
    assert quad_set(other) == quad_set(one)


def test_the_same_id_twice_in_a_batch_keeps_the_later_article(memory_store, tmp_path):
    records = dev_records(1)
    later = dict(records[0], title="later")
    report = ingest([write_jsonl(tmp_path / "a.jsonl", [records[0], later])], memory_store)
    path = str(tmp_path / "a.jsonl")
    assert f"{path}:1 (id {records[0]['id']}): skipped: the same id comes again at {path}:2; the later " \
           "article is the one stored" in report.warnings
    assert (report.ingested, report.skipped) == (1, 1)
    graph = article_iri(records[0]["id"])
    expected = content_hash(__import__("kg.read.files", fromlist=["parse_jsonl_line"]).parse_jsonl_line(
        json.dumps(later, ensure_ascii=False), path + ":2"))
    assert memory_store.content_hash(graph) == expected
    assert len(article_graphs(memory_store)) == 1
    quads = quad_set(memory_store)
    for _ in range(2):  # a rerun stores nothing new and keeps the later article (it used to flip)
        again = ingest([path], memory_store)
        assert (again.ingested, again.unchanged, again.skipped, again.reresolved) == (0, 1, 1, 0)
        assert memory_store.content_hash(graph) == expected and quad_set(memory_store) == quads


def test_the_entities_graph_holds_each_person_once(tmp_path):
    store = GraphStore(None)
    ingest([str(DEV / "articles.jsonl")], store)
    rows = list(store.query(f"SELECT ?p (COUNT(?l) AS ?n) WHERE {{ GRAPH <{ENTITIES}> {{ ?p a "
                            "<https://w3id.org/mdc#Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l } } "
                            "GROUP BY ?p"))
    counts = [int(row["n"].value) for row in rows]
    assert counts and set(counts) == {1}
    persons_in_articles = {row["p"].value for row in store.query(
        "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p a <https://w3id.org/mdc#Person> } "
        f"FILTER(?g != <{ENTITIES}>) }}")}
    assert persons_in_articles == {row["p"].value for row in rows}


def test_removing_everything_leaves_no_entity_behind(tmp_path):
    store = GraphStore(None)
    records = dev_records(5)
    ingest([write_jsonl(tmp_path / "a.jsonl", records)], store)
    removed, missing = remove([r["id"] for r in records], store)
    assert len(removed) == 5 and not missing
    assert len(store) == 0


def test_resolve_and_entities_commands(tmp_path, runner):
    store_dir = str(tmp_path / "store")
    runner.invoke(cli, ["ingest", str(DEV / "articles.jsonl"), "--store", store_dir])
    result = runner.invoke(cli, ["resolve", "--store", store_dir])
    assert result.exit_code == 0 and result.output == "Re-resolved: 0 articles re-mapped\n"
    listing = runner.invoke(cli, ["entities", "--store", store_dir, "--format", "csv"])
    rows = listing.output.splitlines()
    assert rows[0] == "entity,names,articles"
    assert "zakir-hasanov,Zakir Hasanov," in listing.output
    hasanov = next(row for row in rows if row.startswith("zakir-hasanov,"))
    assert int(hasanov.rsplit(",", 1)[1]) >= 3  # one person across the articles that name him
    missing = runner.invoke(cli, ["entities", "--person", "Nobody Atall", "--store", store_dir])
    assert missing.exit_code == 1
    assert missing.output == "Error: no person named like 'Nobody Atall' in the store\n"


def test_an_ingest_that_reopens_its_store_gives_the_same_graph(tmp_path, monkeypatch):
    """A long ingest closes and reopens its on-disk store between transactions to give back the
    memory RocksDB's caches hold; the graph is the one an ingest without reopening writes."""
    import kg.graph.persistence as persistence
    import kg.pipeline as pipeline

    records = dev_records(12)
    source = write_jsonl(tmp_path / "a.jsonl", records)
    in_memory = GraphStore(None)
    ingest([source], in_memory)
    monkeypatch.setattr(pipeline, "ARTICLES_PER_TRANSACTION", 3)
    monkeypatch.setattr(persistence, "RELEASE_MEMORY_EVERY_COMMITS", 1)
    reopened = []
    plain = GraphStore.release_memory
    monkeypatch.setattr(GraphStore, "release_memory", lambda self: (reopened.append(1), plain(self))[1])
    with GraphStore(tmp_path / "store") as store:
        ingest([source], store)
        assert len(reopened) >= 4
        assert quad_set(store) == quad_set(in_memory)


def test_the_first_pass_keeps_only_the_ids_that_come_again(tmp_path):
    from kg.read.inputs import last_origins

    records = dev_records(5)
    first = write_jsonl(tmp_path / "a.jsonl", records)
    second = write_jsonl(tmp_path / "b.jsonl", records[3:])
    ids, total = last_origins([first])
    assert total == 5 and ids.repeated == {} and all(ids.once(r["id"]) for r in records)
    assert not ids.once("not-in-the-inputs")
    ids, total = last_origins([first, second])
    assert total == 7 and ids.repeated == {r["id"]: f"{second}:{i + 1}" for i, r in enumerate(records[3:])}
    assert ids.once(records[0]["id"]) and not ids.once(records[3]["id"])
