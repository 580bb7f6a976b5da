"""Resolution measured on a corpus where the same people recur under variant names.

`tests/data/resolution/corpus.jsonl` gives each person mention its gold entity; the merges the
pipeline makes are scored pairwise (every pair of mentions: same entity or not). The corpus goes
through the real pipeline (registry, reconcile, RDF), in several orders.
"""
from __future__ import annotations

import itertools
import json
import random

import pytest

from kg.graph.persistence import Resolution
from kg.graph.store import GraphStore
from kg.graph.vocabulary import ENTITIES_GRAPH, RDFS_LABEL
from kg.model import Article, Extraction, Meeting, Person
from kg.pipeline import store_extractions

from conftest import DATA

CORPUS = DATA / "resolution" / "corpus.jsonl"
PRECISION_FLOOR = 1.0  # no false merge in the corpus
RECALL_FLOOR = 0.95  # the two ambiguous surname-only mentions are expected misses


def corpus() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def extraction(record: dict) -> Extraction:
    persons = [Person(f"p{i}", p["name"], rank=p["rank"], position=p["position"], country=p["country"])
               for i, p in enumerate(record["persons"])]
    parties = sorted({p.country for p in persons if p.country}) or ["AZ"]
    meetings = [Meeting("m1", record["date"], parties=parties, participants=[p.key for p in persons])]
    return Extraction(article=Article(id=record["id"], text="", date=record["date"], origin=record["id"]),
                      date=record["date"], persons=persons, meetings=meetings)


def ingest_in_order(records, batch_size=None) -> GraphStore:
    store = GraphStore(None)
    if batch_size is None:
        store_extractions(store, [extraction(r) for r in records])
    else:
        for start in range(0, len(records), batch_size):
            store_extractions(store, [extraction(r) for r in records[start:start + batch_size]])
    return store


def pairwise(records, store) -> tuple[float, float]:
    resolution = Resolution(store)
    gold, got = {}, {}
    for record in records:
        for i, person in enumerate(record["persons"]):
            gold[(record["id"], f"p{i}")] = person["entity"]
            got[(record["id"], f"p{i}")] = next(m.iri for m in resolution.mentions(record["id"]) if m.key == f"p{i}")
    true_pos = false_pos = false_neg = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        same_gold, same_got = gold[a] == gold[b], got[a] == got[b]
        true_pos += same_gold and same_got
        false_pos += same_got and not same_gold
        false_neg += same_gold and not same_got
    return true_pos / (true_pos + false_pos), true_pos / (true_pos + false_neg)


def quad_set(store):
    return {str(q) for q in store.quads()}


def test_pairwise_precision_and_recall_of_the_merges(capsys):
    records = corpus()
    precision, recall = pairwise(records, ingest_in_order(records))
    with capsys.disabled():
        print(f"\nresolution corpus: {sum(len(r['persons']) for r in records)} mentions, "
              f"pairwise precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= PRECISION_FLOOR
    assert recall >= RECALL_FLOOR


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_order_of_ingestion_does_not_change_the_final_graph(seed):
    records = corpus()
    reference = quad_set(ingest_in_order(records))
    shuffled = records[:]
    random.Random(seed).shuffle(shuffled)
    assert quad_set(ingest_in_order(shuffled, batch_size=5)) == reference  # many runs, other order


def test_one_article_at_a_time_gives_the_same_graph_as_one_batch():
    records = corpus()
    assert quad_set(ingest_in_order(list(reversed(records)), batch_size=1)) == quad_set(ingest_in_order(records))


def test_the_entities_graph_describes_each_person_once():
    store = ingest_in_order(corpus())
    labels = {}
    for quad in store.oxigraph.quads_for_pattern(None, RDFS_LABEL, None, ENTITIES_GRAPH):
        labels.setdefault(quad.subject.value, []).append(quad.object.value)
    assert labels["https://w3id.org/mdc/id/person/zakir-hasanov"] == ["Zakir Hasanov"]
    assert all(len(values) == 1 for values in labels.values())
    rank = list(store.oxigraph.quads_for_pattern(
        __import__("pyoxigraph").NamedNode("https://w3id.org/mdc/id/person/kemal-dalkiran"),
        __import__("pyoxigraph").NamedNode("https://w3id.org/mdc#rank"), None, ENTITIES_GRAPH))
    assert [q.object.value for q in rank] == ["General"]  # the latest rank, after the promotion


def test_a_tiny_memory_budget_gives_the_same_graph(monkeypatch):
    """The registry is read block by block from the store and dropped between batches."""
    import kg.graph.persistence
    import kg.pipeline

    records = corpus()
    reference = quad_set(ingest_in_order(records))
    monkeypatch.setattr(kg.graph.persistence, "REGISTRY_BUDGET", 1)
    monkeypatch.setattr(kg.graph.persistence, "CLASS_BUDGET", 1)
    monkeypatch.setattr(kg.pipeline, "ARTICLES_PER_TRANSACTION", 3)
    shuffled = records[:]
    random.Random(11).shuffle(shuffled)
    assert quad_set(ingest_in_order(shuffled)) == reference
    assert quad_set(ingest_in_order(shuffled, batch_size=4)) == reference


def test_re_mapping_one_article_per_transaction_gives_the_same_graph(monkeypatch):
    """`reconcile` re-maps stored articles in small transactions (`REMAP_ARTICLES_PER_TRANSACTION`),
    with their pending marks in each; the graph does not depend on where the commits fall."""
    import kg.graph.persistence

    records = corpus()
    reference = quad_set(ingest_in_order(records))
    committed = []
    plain_commit = kg.graph.persistence.BatchWriter.commit
    monkeypatch.setattr(kg.graph.persistence, "REMAP_ARTICLES_PER_TRANSACTION", 1)
    monkeypatch.setattr(kg.graph.persistence.BatchWriter, "commit",
                        lambda self, **options: (committed.append(len(self.graphs)), plain_commit(self, **options))[1])
    shuffled = records[:]
    random.Random(5).shuffle(shuffled)
    assert quad_set(ingest_in_order(shuffled, batch_size=5)) == reference
    assert committed.count(1) > 5  # re-mapped articles were committed one by one


def _records_without_parts(store) -> None:
    """Rewrite every mention record as the code before `NAME_RULES` wrote it: without its names' parts."""
    from pyoxigraph import Literal, Quad

    from kg.graph.persistence import MENTION_RECORDS
    from kg.graph.vocabulary import RESOLUTION_GRAPH

    for quad in list(store.oxigraph.quads_for_pattern(None, MENTION_RECORDS, None, RESOLUTION_GRAPH)):
        older = [{k: v for k, v in item.items() if k != "parts"} for item in json.loads(quad.object.value)]
        store.oxigraph.remove(quad)
        store.oxigraph.add(Quad(quad.subject, quad.predicate,
                                Literal(json.dumps(older, ensure_ascii=False, separators=(",", ":"))), quad.graph_name))


def _without_parts(quads: set[str]) -> set[str]:
    """The quads with each mention record's parts left out (a stored article not re-mapped keeps its older record)."""
    from kg.graph.persistence import MENTION_RECORDS

    store = GraphStore(None)
    store.oxigraph.load("".join(quad + " .\n" for quad in quads), format=__import__("pyoxigraph").RdfFormat.N_QUADS)
    _records_without_parts(store)
    return quad_set(store)


def test_a_store_whose_records_keep_no_name_parts_grows_into_the_same_graph(monkeypatch):
    """A store written before mention records kept their names' parts: its records are parsed as they
    always were, so ingesting more into it gives the graph one ingest of every article gives."""
    import kg.graph.persistence

    records = corpus()
    shuffled = records[:]
    random.Random(3).shuffle(shuffled)
    reference = quad_set(ingest_in_order(records))
    assert any('\\"parts\\":' in quad for quad in reference)  # kept by what is written now
    monkeypatch.setattr(kg.graph.persistence, "CLASS_BUDGET", 1)  # blocks read again from the records
    store = ingest_in_order(shuffled[:len(shuffled) // 2], batch_size=5)
    _records_without_parts(store)
    store_extractions(store, [extraction(r) for r in shuffled[len(shuffled) // 2:]])
    assert _without_parts(quad_set(store)) == _without_parts(reference)


def _checked_blocks(monkeypatch) -> list[str]:
    """The blocks whose stale articles a reconcile looks for, in the order it checks them."""
    from kg.graph.resolution import MentionRegistry

    checked = []
    plain = MentionRegistry.stale_articles
    monkeypatch.setattr(MentionRegistry, "stale_articles",
                        lambda self, blocks: (checked.extend(blocks), plain(self, blocks))[1])
    return checked


def test_the_final_reconcile_checks_only_the_unsettled_blocks_and_the_graph_is_the_same(monkeypatch):
    """A batch tells the blocks it leaves settled (every stored mention under the IRI the rules give it)
    from the others (`Resolution.check_blocks`): the final reconcile checks only the others, and holds
    no class of the settled ones, where it checked every block the ingest touched; the graph is the one
    checking every block gives."""
    import kg.graph.persistence
    import kg.pipeline

    records = corpus()
    shuffled = records[:]
    random.Random(7).shuffle(shuffled)
    monkeypatch.setattr(kg.pipeline, "ARTICLES_PER_TRANSACTION", 4)
    monkeypatch.setattr(kg.graph.persistence, "CLASS_BUDGET", 1)  # settled blocks dropped between batches
    plain_check = kg.graph.persistence.Resolution.check_blocks
    with monkeypatch.context() as every:  # as before: every touched block unsettled, checked at the end
        every.setattr(kg.graph.persistence.Resolution, "check_blocks",
                      lambda self, blocks: (self.unsettled.update(blocks), (set(blocks), set()))[1])
        checked_before = _checked_blocks(every)
        reference = quad_set(ingest_in_order(shuffled))
    checked = _checked_blocks(monkeypatch)
    unsettled = []
    monkeypatch.setattr(kg.graph.persistence.Resolution, "check_blocks",
                        lambda self, blocks: (lambda found: (unsettled.append(found[0]), found)[1])(
                            plain_check(self, blocks)))
    assert quad_set(ingest_in_order(shuffled)) == reference
    assert set(checked) == set().union(*unsettled)
    assert 0 < len(set(checked)) < len(set(checked_before))


def test_an_ingest_stopped_before_its_final_reconcile_is_finished_by_the_next_run(monkeypatch):
    """The batches mark pending only the unsettled blocks (and the persons of the settled ones): a run
    that dies after them, before re-mapping and describing anything, is finished by the next run."""
    import kg.graph.persistence
    import kg.pipeline

    records = corpus()
    reference = quad_set(ingest_in_order(records))
    shuffled = records[:]
    random.Random(9).shuffle(shuffled)
    monkeypatch.setattr(kg.pipeline, "ARTICLES_PER_TRANSACTION", 4)
    monkeypatch.setattr(kg.graph.persistence, "CLASS_BUDGET", 1)
    store = ingest_in_order(shuffled[:len(shuffled) // 2])

    def dies(*args, **kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as dying:
        dying.setattr(kg.pipeline, "reconcile", dies)
        with pytest.raises(KeyboardInterrupt):
            store_extractions(store, [extraction(r) for r in shuffled[len(shuffled) // 2:]])
    assert quad_set(store) != reference
    store_extractions(store, [])  # the next run, with nothing new: it finishes what is pending
    assert quad_set(store) == reference
