"""The default graph is the RDF merge of the named graphs, each triple once, kept so through
ingest, re-resolution, curation and removal; article graphs keep their provenance."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.graph import merge
from kg.graph.store import GraphStore
from kg.graph.vocabulary import ENTITIES_GRAPH
from kg.model import Article, Extraction, Meeting, Person
from kg.pipeline import apply_curations
from kg.pipeline import remove, resolve_all, store_extractions

from test_curate import EXAMPLE, corpus

P = "https://w3id.org/mdc/id/person/"


def assert_merge(store):
    actual, expected = merge.actual(store), merge.expected(store)
    assert actual == expected, (sorted(map(str, actual - expected))[:5], sorted(map(str, expected - actual))[:5])


def meeting_article(article_id, date, *persons):
    extraction = Extraction(article=Article(id=article_id, text="", date=date, origin=article_id),
                            date=date, persons=list(persons))
    extraction.meetings = [Meeting("m1", date, parties=["AZ", "CN"], host="AZ",
                                   participants=[p.key for p in persons])]
    return extraction


def ingest(store, extractions):
    extractions = list(extractions)
    store_extractions(store, extractions, digests={e.article.origin: "h" + e.article.id for e in extractions})


@pytest.fixture
def store():
    store = GraphStore(None)
    ingest(store, corpus())
    return store


def test_a_persons_label_comes_once_from_an_ad_hoc_query(store):
    # four articles spell him four ways ("Zakir Hasanov", "Z. Hasanov", ...): the merge has his one label
    for index, name in enumerate(["Zakir Hasanov", "Z. Hasanov", "Zakir Gasanov", "Zakir Hasanov"]):
        ingest(store, [meeting_article(f"Z{index}", f"2024-07-0{index + 1}",
                                                  Person("p1", name, rank="Colonel General", country="AZ"),
                                                  Person("p2", "Yao Qin", country="CN"))])
    rows = list(store.query(f"SELECT ?label WHERE {{ <{P}zakir-hasanov> <http://www.w3.org/2000/01/rdf-schema#label> "
                            "?label }"))
    assert [row["label"].value for row in rows] == ["Zakir Hasanov"]
    # a join over the default graph gives one row per meeting, not one per article naming him
    rows = list(store.query(f"""PREFIX mdc: <https://w3id.org/mdc#>
        SELECT ?m ?name WHERE {{ ?m mdc:participant <{P}zakir-hasanov>, ?other . ?other rdfs:label ?name .
        FILTER(?other != <{P}zakir-hasanov>) }}""".replace("rdfs:", "<http://www.w3.org/2000/01/rdf-schema#")
                            .replace("#label", "#label>")))
    assert len(rows) == len({(row["m"], row["name"]) for row in rows}) == 5
    # each article's own wording stays in its graph
    spelled = {row["n"].value for row in store.query(
        f"SELECT ?n WHERE {{ GRAPH ?g {{ <{P}zakir-hasanov> <http://www.w3.org/2000/01/rdf-schema#label> ?n }} "
        f"FILTER(?g != {ENTITIES_GRAPH}) }}")}
    assert {"Zakir Hasanov", "Z. Hasanov", "Zakir Gasanov"} <= spelled
    assert_merge(store)


def test_the_merge_holds_no_bookkeeping(store):
    assert not store.query("ASK { ?a <https://w3id.org/mdc#contentHash> ?h }")
    assert not store.query("ASK { ?a <https://w3id.org/mdc#mentionRecords> ?r }")
    assert store.query("ASK { ?a <https://w3id.org/mdc#identifier> \"C01\" }")


def test_the_merge_follows_reingest_reresolution_curation_and_removal(store):
    assert_merge(store)
    ingest(store, corpus(title="Changed"))  # every article replaced
    assert_merge(store)
    # a full name arriving re-resolves the surname-only mention of C03 (re-mapped from its records)
    ingest(store, [meeting_article("C06", "2024-06-20", Person("p1", "Zakir Hasanov", country="AZ"),
                                              Person("p2", "Yao Qin", country="CN"))])
    assert_merge(store)
    apply_curations(store, EXAMPLE)
    assert_merge(store)
    assert store.query(f"ASK {{ <{P}yao-qin> <https://w3id.org/mdc#rank> \"Major General\" }}")
    assert not store.query(f"ASK {{ <{P}yao-qin> <https://w3id.org/mdc#rank> \"Major-General\" }}")
    assert remove(["C01", "C06"], store) == (["C01", "C06"], [])
    assert_merge(store)
    assert not store.query("ASK { ?a <https://w3id.org/mdc#identifier> \"C01\" }")
    resolve_all(store)
    assert_merge(store)
    remove(["C02", "C03", "C04", "C05"], store)
    assert_merge(store)
    assert not store.query("ASK { ?a <https://w3id.org/mdc#identifier> ?id }")


def test_replace_and_remove_graph_keep_the_merge(memory_store):
    graph = ox.NamedNode("https://w3id.org/mdc/id/article/x")
    other = ox.NamedNode("https://w3id.org/mdc/id/article/y")
    triple = (ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"), ox.Literal("v"))
    memory_store.replace_graph(graph, [ox.Quad(*triple, graph)])
    memory_store.replace_graph(other, [ox.Quad(*triple, other)])
    assert len(merge.actual(memory_store)) == 1
    memory_store.remove_graphs([graph])
    assert len(merge.actual(memory_store)) == 1
    memory_store.replace_graph(other, [])
    assert merge.actual(memory_store) == set()


def test_a_store_without_the_merge_gets_it_on_the_next_ingest(store):
    expected = merge.actual(store)
    store.update("DROP DEFAULT")
    assert merge.actual(store) == set()
    store_extractions(store, [])
    assert merge.actual(store) == expected
