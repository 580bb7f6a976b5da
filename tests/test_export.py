"""Every export format parses back to the same graph (compared with rdflib, not as bytes)."""
from __future__ import annotations

import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.graph import export
from kg.graph.store import GraphStore
from kg.pipeline import store_extraction
from sample_facts import seed_like_extraction

RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml", "trig": "trig",
                 "nquads": "nquads", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def two_article_store():
    store = GraphStore(None)
    store_extraction(store, seed_like_extraction("T1"))
    store_extraction(store, seed_like_extraction("T2"))  # the same entities, a second article
    return store


def reference_dataset(store) -> rdflib.Dataset:
    dataset = rdflib.Dataset()
    dataset.parse(data=export.to_text(store, "nquads"), format="nquads")
    return dataset


def union_of(dataset: rdflib.Dataset) -> rdflib.Graph:
    graph = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "rdfxml"])
def test_triple_formats_hold_the_merged_graph(two_article_store, fmt):
    parsed = rdflib.Graph()
    parsed.parse(data=export.to_text(two_article_store, fmt), format=RDFLIB_FORMAT[fmt])
    assert isomorphic(parsed, union_of(reference_dataset(two_article_store)))


@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld"])
def test_dataset_formats_keep_one_graph_per_article(two_article_store, fmt):
    parsed = rdflib.Dataset()
    parsed.parse(data=export.to_text(two_article_store, fmt), format=RDFLIB_FORMAT[fmt])
    reference = reference_dataset(two_article_store)
    names = lambda ds: {str(g.identifier) for g in ds.graphs() if len(g)}  # noqa: E731
    assert names(parsed) == names(reference)
    assert len({name for name in names(parsed) if "/article/" in name}) == 2
    for name in names(reference):
        assert isomorphic(parsed.graph(rdflib.URIRef(name)), reference.graph(rdflib.URIRef(name)))


def test_the_merged_graph_states_each_fact_once(two_article_store):
    lines = [l for l in export.to_text(two_article_store, "ntriples").splitlines() if l.strip()]
    assert len(lines) == len(set(lines))
    assert sum('"Zakir Hasanov"' in line and "label" in line for line in lines) == 1


def test_export_to_a_file_replaces_it_whole(two_article_store, tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old content")
    export.export(two_article_store, "turtle", target)
    assert "old content" not in target.read_text()
    assert not (tmp_path / "graph.ttl.partial").exists()


def test_resolution_bookkeeping_stays_out_of_exports_unless_asked(tmp_path):
    from kg.cli import cli
    from click.testing import CliRunner

    article = tmp_path / "a.jsonl"
    article.write_text('{"id": "A1", "date": "2024-06-14", "text": "Azerbaijan\'s Defence Minister, '
                       'Colonel General Zakir Hasanov, on Friday received Major General Yao Qin of the '
                       'Chinese People\'s Liberation Army in Baku."}\n', encoding="utf-8")
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(article), "--store", store]).exit_code == 0
    for fmt in ("nquads", "trig", "turtle"):
        plain = runner.invoke(cli, ["export", "--store", store, "--format", fmt]).output
        assert "graph/resolution" not in plain and "mentionRecords" not in plain, fmt
        assert "Zakir Hasanov" in plain
    full = runner.invoke(cli, ["export", "--store", store, "--format", "nquads", "--bookkeeping"]).output
    assert "<https://w3id.org/mdc/id/graph/resolution>" in full


def test_json_ld_has_a_context_and_prefixed_names(two_article_store):
    import json

    document = json.loads(export.to_text(two_article_store, "jsonld"))
    assert document["@context"]["mdc"] == "https://w3id.org/mdc#"
    # named graphs carry "@graph"; the default graph's nodes (the merge) stand at the top level
    graphs = {graph["@id"]: graph["@graph"] for graph in document["@graph"] if "@graph" in graph}
    assert {name for name in graphs if name.startswith("article:")} == {"article:T1", "article:T2"}
    assert any("@graph" not in node for node in document["@graph"])
    person = {}  # the serialiser may describe a node in several pieces
    for node in graphs["article:T1"]:
        if node["@id"] == "person:zakir-hasanov":
            person.update(node)
    assert person["@type"] == ["mdc:Person"]
    assert person["rdfs:label"] == [{"@value": "Zakir Hasanov"}]
