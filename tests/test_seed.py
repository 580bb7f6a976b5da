"""The article this project started from, end to end through the CLI: its graph is the reviewed one."""
from __future__ import annotations

import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from conftest import DATA
from kg.cli import cli

ARTICLE = rdflib.URIRef("https://w3id.org/mdc/id/article/seed-article")
CONTENT_HASH = rdflib.URIRef("https://w3id.org/mdc#contentHash")


def seed_graph_from_export(runner, store) -> rdflib.Graph:
    result = runner.invoke(cli, ["export", "--store", str(store), "--format", "trig"])
    assert result.exit_code == 0, result.output
    dataset = rdflib.Dataset()
    dataset.parse(data=result.output, format="trig")
    graph = rdflib.Graph()
    for triple in dataset.graph(ARTICLE):
        if triple[1] != CONTENT_HASH:
            graph.add(triple)
    return graph


def golden_graph() -> rdflib.Graph:
    dataset = rdflib.Dataset()
    dataset.parse(DATA / "seed-golden.trig", format="trig")
    graph = rdflib.Graph()
    for triple in dataset.graph(ARTICLE):
        graph.add(triple)
    return graph


def test_the_seed_graph_is_the_reviewed_golden_graph(runner, seed_store_dir):
    produced, golden = seed_graph_from_export(runner, seed_store_dir), golden_graph()
    assert len(golden) > 50
    if not isomorphic(produced, golden):
        _, only_produced, only_golden = graph_diff(to_isomorphic(produced), to_isomorphic(golden))
        raise AssertionError("seed graph differs from tests/data/seed-golden.trig\n"
                             f"only produced:\n{only_produced.serialize(format='nt')}\n"
                             f"only golden:\n{only_golden.serialize(format='nt')}")


def test_who_met_whom_in_the_seed(runner, seed_store_dir):
    query = """PREFIX mdc: <https://w3id.org/mdc#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT DISTINCT ?date ?a ?b WHERE {
      GRAPH ?g { ?m a mdc:Meeting ; mdc:date ?date ; mdc:participant ?x, ?y .
                 ?x rdfs:label ?a . ?y rdfs:label ?b . }
      FILTER(STR(?a) < STR(?b)) }"""
    result = runner.invoke(cli, ["query", query, "--store", str(seed_store_dir), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output == "date,a,b\n2024-06-14,Yao Qin,Zakir Hasanov\n"


def test_the_seed_graph_conforms_to_the_shapes(runner, seed_store_dir):
    result = runner.invoke(cli, ["validate", "--store", str(seed_store_dir)])
    assert result.exit_code == 0, result.output
    assert result.output == "Conforms: the graph satisfies every shape.\n"


def test_turtle_export_prints_the_seed_facts(runner, seed_store_dir):
    result = runner.invoke(cli, ["export", "--store", str(seed_store_dir), "--format", "turtle"])
    assert result.exit_code == 0
    turtle = rdflib.Graph().parse(data=result.output, format="turtle")
    labels = {str(o) for o in turtle.objects(None, rdflib.RDFS.label)}
    assert {"Zakir Hasanov", "Yao Qin", "Beijing Xiangshan Forum", "Azerbaijan", "China"} <= labels
    assert isomorphic(golden_graph(), golden_graph() & turtle)
