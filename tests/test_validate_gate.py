"""The check ingest runs before writing (the shapes compiled to SPARQL) judges like `kg validate`
(pySHACL), on real article graphs and on graphs broken at random."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from kg.errors import ValidationError
from kg.graph.store import GraphStore
from kg.graph.validation import SH, compile_shapes, load_graph, nonconforming, validate, violations
from kg.pipeline import ingest

from conftest import DEV, SEED

ARTICLE = "https://w3id.org/mdc/id/article/"


@pytest.fixture(scope="module")
def article_graphs() -> list[list[ox.Quad]]:
    store = GraphStore(None)
    ingest([str(SEED), str(DEV / "articles.jsonl")], store)
    graphs = [list(store.quads(graph)) for graph in store.named_graphs() if graph.value.startswith(ARTICLE)]
    return sorted(graphs, key=lambda quads: str(quads[0].graph_name))[:12]


def pyshacl_focus_nodes(quads: list[ox.Quad]) -> set[str]:
    graph = rdflib.Graph()
    graph.parse(data="\n".join(f"{quad.triple} ." for quad in quads), format="nt")
    conforms, report, _ = validate(graph)
    nodes = {str(node) for node in report.objects(None, SH.focusNode)}
    assert conforms == (not nodes)
    return nodes


def test_real_article_graphs_conform_both_ways(article_graphs):
    together = [quad for quads in article_graphs for quad in quads]
    assert violations(together) == {} and pyshacl_focus_nodes(together) == set()
    assert nonconforming({str(i): quads for i, quads in enumerate(article_graphs)}) == {}


XSD = "http://www.w3.org/2001/XMLSchema#"
ODD_OBJECTS = [ox.Literal("2024-13-45", datatype=ox.NamedNode(XSD + "date")), ox.Literal("x"),
               ox.Literal("2024", datatype=ox.NamedNode(XSD + "gYear")), ox.Literal("0", datatype=ox.NamedNode(XSD + "integer")),
               ox.Literal("general of the army"), ox.Literal("Az"), ox.Literal("AU"), ox.Literal("call"),
               ox.Literal("by carrier pigeon"), ox.NamedNode("https://w3id.org/mdc/id/country/AU"),
               ox.NamedNode("https://w3id.org/mdc#Country"), ox.NamedNode("urn:nothing"), ox.Literal("z", language="en")]


@settings(max_examples=30, deadline=None, phases=[Phase.explicit, Phase.generate],  # pySHACL is slow: no shrinking
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_graphs_broken_at_random_are_judged_alike(article_graphs, data):
    quads = list(data.draw(st.sampled_from(article_graphs)))
    predicates = sorted({quad.predicate for graph in article_graphs for quad in graph}, key=str)
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(quads) - 1))
        action = data.draw(st.sampled_from(["drop", "replace", "add", "predicate"]))
        quad = quads[index]
        if action == "drop":
            quads.pop(index)
        elif action == "predicate":
            quads[index] = ox.Quad(quad.subject, data.draw(st.sampled_from(predicates)), quad.object, quad.graph_name)
        else:
            new = ox.Quad(quad.subject, quad.predicate, data.draw(st.sampled_from(ODD_OBJECTS)), quad.graph_name)
            if action == "replace":
                quads[index] = new
            else:
                quads.append(new)
    assert set(violations(quads)) == pyshacl_focus_nodes(quads)


def test_an_article_is_rejected_alone_and_named_with_the_shapes_message(article_graphs):
    broken = [q for q in article_graphs[0] if not q.predicate.value.endswith("#evidence")]
    graphs = {"good": article_graphs[1], "broken": broken}
    assert len(broken) < len(article_graphs[0])  # it had evidence to lose
    assert list(nonconforming(graphs)) == ["broken"]
    assert "A meeting carries the sentence it was read from." in nonconforming(graphs)["broken"]


def test_a_constraint_the_check_does_not_know_is_an_error():
    shapes = load_graph("shapes.ttl")
    prop = next(shapes.objects(None, SH.property))
    shapes.add((prop, SH.maxLength, rdflib.Literal(3)))
    with pytest.raises(ValidationError, match="does not know"):
        compile_shapes(shapes)


def _extraction_violations(text: str) -> tuple[dict, object]:
    from kg.extract import extract
    from kg.graph.mapping import extraction_quads
    from kg.model import Article

    extraction = extract(Article(id="t", text=text, date="2021-06-08"))
    return violations(extraction_quads(extraction)), extraction


def test_a_visit_at_an_international_bodys_invitation_goes_to_the_state_it_sits_in():
    # the shapes take a forum or a country as an invitation's target, never a body: the EU's seat is Belgium
    broken, extraction = _extraction_violations(
        "At the invitation of the Chairman of the European Union Military Committee, General Claudio Graziano, the "
        "Serbian Chief of General Staff, General Milan Mojsilovic, paid a visit to the EU Military Staff.")
    assert broken == {}
    assert [(i.country, i.forum) for i in extraction.invitations] == [("BE", None)]


def test_a_contacts_place_keeps_its_citys_state_when_another_venue_state_is_told():
    from kg.extract.contacts import read_record
    from kg.extract.records import MeetingDraft
    from kg.extract.settle import _meeting_location
    from kg.model import Article

    doc = read_record(Article(id="t", text="", date="2021-06-08"))
    draft = MeetingDraft([], "2021-06-08", "in_person", None, "Vilnius", None, ["..."], 0)
    assert (_meeting_location(doc, draft, "PL").name, _meeting_location(doc, draft, "PL").country) == ("Vilnius", "LT")
    draft.venue_country = "PL"  # the city was the story's: the place is the state told, not Vilnius in Poland
    place = _meeting_location(doc, draft, "PL")
    assert place.country == "PL" and place.name != "Vilnius"
