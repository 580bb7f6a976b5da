"""The ontology defines the whole vocabulary of the data contract; the shapes catch unsound graphs."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kg.graph.store import GraphStore
from kg.graph.validation import load_graph, union_graph, validate
from kg.pipeline import store_extraction
from sample_facts import seed_like_extraction

MDC = rdflib.Namespace("https://w3id.org/mdc#")
CONTRACT = Path(__file__).parent.parent / "docs" / "ONTOLOGY.md"
ALIGNED = ("https://schema.org/", "http://xmlns.com/foaf/0.1/", "http://www.w3.org/ns/org#",
           "http://semanticweb.cs.vu.nl/2009/11/sem/", "http://www.w3.org/ns/prov#",
           "http://purl.org/dc/terms/", "http://www.w3.org/2004/02/skos/core#")


def contract_terms() -> set[str]:
    return set(re.findall(r"`mdc:(\w+)`", CONTRACT.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return load_graph("mdc.ttl")


def test_every_term_of_the_contract_is_defined_with_label_and_comment(ontology):
    terms = contract_terms()
    assert {"Person", "Meeting", "participant", "invitedTo"} <= terms
    for term in terms:
        node = MDC[term]
        kinds = set(ontology.objects(node, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, term
        assert ontology.value(node, RDFS.label), term
        assert ontology.value(node, RDFS.comment), term


def test_every_class_and_most_properties_align_with_established_vocabularies(ontology):
    for cls in ontology.subjects(RDF.type, OWL.Class):
        if isinstance(cls, rdflib.URIRef) and str(cls).startswith(str(MDC)):
            parents = {str(p) for p in ontology.objects(cls, RDFS.subClassOf)}
            assert any(p.startswith(ALIGNED) for p in parents), cls
    properties = [p for kind in (OWL.ObjectProperty, OWL.DatatypeProperty)
                  for p in ontology.subjects(RDF.type, kind)]
    aligned = [p for p in properties
               if any(str(o).startswith(ALIGNED) for o in ontology.objects(p, RDFS.subPropertyOf))]
    assert len(aligned) >= 0.8 * len(properties)


def sound_graph() -> rdflib.Graph:
    store = GraphStore(None)
    store_extraction(store, seed_like_extraction())
    return union_graph(store)


def test_a_sound_graph_conforms():
    conforms, _, report = validate(sound_graph())
    assert conforms, report




@pytest.mark.parametrize("breakage, message", [
    (lambda g: g.remove((None, MDC.party, rdflib.URIRef("https://w3id.org/mdc/id/country/CN"))),
     "at least two parties"),
    (lambda g: g.remove((None, MDC.date, None)), "has a date"),
    (lambda g: g.set((rdflib.URIRef("https://w3id.org/mdc/id/country/AZ"), MDC.code, rdflib.Literal("az"))),
     "two upper-case letters"),
    (lambda g: g.remove((None, MDC.invitee, None)), "invitee"),
    (lambda g: g.remove((rdflib.URIRef("https://w3id.org/mdc/id/person/yao-qin"), RDFS.label, None)),
     "has a label"),
    (lambda g: g.set((next(g.subjects(RDF.type, MDC.Meeting)), MDC.mode, rdflib.Literal("telepathy"))),
     "mode"),
])
def test_the_shapes_report_what_is_wrong(breakage, message):
    graph = sound_graph()
    breakage(graph)
    conforms, _, report = validate(graph)
    assert not conforms
    assert message in report


def add_party(graph: rdflib.Graph, iri: str, cls: rdflib.URIRef, label: str, code: str) -> None:
    node = rdflib.URIRef(iri)
    graph.add((node, RDF.type, cls))
    graph.add((node, RDFS.label, rdflib.Literal(label)))
    graph.add((node, MDC.code, rdflib.Literal(code)))


def test_an_international_body_never_takes_a_states_code():
    graph = sound_graph()
    add_party(graph, "https://w3id.org/mdc/id/organization/AU", MDC.Organization, "African Union", "AU")
    add_party(graph, "https://w3id.org/mdc/id/country/AU", MDC.Country, "Australia", "AU")
    conforms, _, report = validate(graph)
    assert not conforms
    assert "AU is Australia" in report


def test_two_letter_codes_of_bodies_that_are_no_state_conform():
    graph = sound_graph()
    add_party(graph, "https://w3id.org/mdc/id/organization/EU", MDC.Organization, "European Union", "EU")
    conforms, _, report = validate(graph)
    assert conforms, report
