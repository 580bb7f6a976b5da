"""SHACL validation of the merged graph against the shapes shipped with the package.

Like pySHACL, one function is the API: `validate()` returns (conforms, report_graph, report_text).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

import pyoxigraph as ox
import rdflib
import rdflib.collection
from rdflib.namespace import XSD

from kg.errors import ValidationError
from kg.graph.export import to_text
from kg.graph.store import Store
from kg.graph.vocabulary import RDF, RDFS


def ontology_text(name: str = "mdc.ttl") -> str:
    """A Turtle file of the package's ontology folder (mdc.ttl or shapes.ttl)."""
    try:
        return (resources.files("kg") / "ontology" / name).read_text(encoding="utf-8")
    except (OSError, FileNotFoundError) as error:
        raise ValidationError(f"cannot read the packaged ontology file {name}: {error}") from None


def load_graph(name: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=ontology_text(name), format="turtle")
    return graph


def union_graph(store: Store) -> rdflib.Graph:
    """The store's named graphs merged into one rdflib graph."""
    graph = rdflib.Graph()
    graph.parse(data=to_text(store, "ntriples"), format="nt")
    return graph


@lru_cache(maxsize=None)
def _packaged_graph(name: str) -> rdflib.Graph:
    """The shapes or the ontology, parsed once (pySHACL only reads them)."""
    return load_graph(name)


def validate(data: rdflib.Graph) -> tuple[bool, rdflib.Graph, str]:
    """Validate a graph against the shapes, with the ontology for class hierarchy look-ups."""
    from pyshacl import validate as shacl_validate  # heavy import, only when validating

    conforms, report_graph, report_text = shacl_validate(
        data, shacl_graph=_packaged_graph("shapes.ttl"), ont_graph=_packaged_graph("mdc.ttl"),
        inference="none", advanced=True, allow_warnings=True)
    return bool(conforms), report_graph, report_text


SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
_TYPED = "rdf:type/rdfs:subClassOf*"
_PROLOGUE = f"PREFIX rdf: <{RDF}>\nPREFIX rdfs: <{RDFS}>\n"


@dataclass
class ShapeCheck:
    """One constraint of the shapes as a SPARQL query whose answers (?this) are its violations."""

    message: str
    query: str


def _term(node) -> str:
    return node.n3()


def _value_test(constraint: rdflib.Graph, node) -> str:
    """A SPARQL expression true when ?v satisfies the value constraints of ``node`` (inside sh:or)."""
    tests = []
    for kind, value in constraint.predicate_objects(node):
        if kind == SH["class"]:
            tests.append(f"EXISTS {{ ?v {_TYPED} {_term(value)} }}")
        elif kind == SH.datatype:
            tests.append(f"!({_wrong_datatype(value)})")
    return " && ".join(tests) or "true"


def _wrong_datatype(datatype) -> str:
    """A SPARQL expression true when ?v is not a well-formed literal of ``datatype``."""
    test = f"!isLiteral(?v) || datatype(?v) != {_term(datatype)}"
    if datatype in (XSD.date, XSD.integer):  # a cast fails on an ill-formed value
        test += f' || sameTerm(COALESCE({_term(datatype)}(?v), "ill-formed"), "ill-formed")'
    return test


def compile_shapes(shapes: rdflib.Graph) -> list[ShapeCheck]:
    """The shapes as SPARQL queries; a constraint this does not know is an error, so that the
    ingest check never silently drifts from `kg validate` (the tests compare both)."""
    checks = []
    known = {SH.path, SH.message, SH.minCount, SH.maxCount, SH.datatype, SH.minLength, SH.pattern, SH["class"],
             SH["or"], SH["in"], SH.minInclusive, SH.name, SH.description}
    for shape in sorted(shapes.subjects(rdflib.RDF.type, SH.NodeShape)):
        for target in shapes.objects(shape, SH.targetClass):
            focus = f"?this {_TYPED} {_term(target)} ."
            for constraint in shapes.objects(shape, SH.sparql):
                text = str(shapes.value(constraint, SH.select))
                split = text.upper().index("SELECT")
                body = text[split:].replace("$this", "?this")
                checks.append(ShapeCheck(str(shapes.value(constraint, SH.message)),
                                         f"{_PROLOGUE}{text[:split]}SELECT DISTINCT ?this WHERE {{ {focus} {{ {body} }} }}"))
            for prop in shapes.objects(shape, SH.property):
                unknown = set(shapes.predicates(prop)) - known
                if unknown:
                    raise ValidationError(f"the ingest check does not know {sorted(map(str, unknown))} in the shapes")
                path = _term(shapes.value(prop, SH.path))
                message = str(shapes.value(prop, SH.message) or f"{shapes.value(prop, SH.path)} breaks a shape")
                values = f"{focus} ?this {path} ?v ."

                def add(where: str) -> None:
                    checks.append(ShapeCheck(message, f"{_PROLOGUE}SELECT DISTINCT ?this WHERE {{ {where} }}"))

                for count in shapes.objects(prop, SH.minCount):
                    add(f"{{ SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {focus} OPTIONAL {{ ?this {path} ?v }} }} "
                        f"GROUP BY ?this }} FILTER(?n < {int(count)})")
                for count in shapes.objects(prop, SH.maxCount):
                    add(f"{{ SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {values} }} GROUP BY ?this }} "
                        f"FILTER(?n > {int(count)})")
                for datatype in shapes.objects(prop, SH.datatype):
                    add(f"{values} FILTER({_wrong_datatype(datatype)})")
                for length in shapes.objects(prop, SH.minLength):
                    add(f"{values} FILTER(isBlank(?v) || STRLEN(STR(?v)) < {int(length)})")
                for pattern in shapes.objects(prop, SH.pattern):
                    add(f"{values} FILTER(isBlank(?v) || !REGEX(STR(?v), {_term(rdflib.Literal(str(pattern)))}))")
                for cls in shapes.objects(prop, SH["class"]):
                    add(f"{values} FILTER NOT EXISTS {{ ?v {_TYPED} {_term(cls)} }}")
                for alternatives in shapes.objects(prop, SH["or"]):
                    tests = [f"({_value_test(shapes, node)})" for node in rdflib.collection.Collection(shapes, alternatives)]
                    add(f"{values} FILTER(!({' || '.join(tests)}))")
                for members in shapes.objects(prop, SH["in"]):
                    listed = ", ".join(_term(node) for node in rdflib.collection.Collection(shapes, members))
                    add(f"{values} FILTER(?v NOT IN ({listed}))")
                for minimum in shapes.objects(prop, SH.minInclusive):
                    add(f"{values} FILTER(!(?v >= {_term(minimum)}))")
    return checks


@lru_cache(maxsize=None)
def _shape_checks() -> tuple[list[ShapeCheck], list]:
    """The compiled shapes, and the ontology's triples (for subclasses), made once."""
    ontology = [ox.Quad(*(_ox_term(t) for t in triple)) for triple in _packaged_graph("mdc.ttl")]
    return compile_shapes(_packaged_graph("shapes.ttl")), ontology


def _ox_term(term):
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))


def violations(quads: Iterable) -> dict[str, set[str]]:
    """Focus node -> the messages of the shapes it breaks, in these quads (with the ontology)."""
    checks, ontology = _shape_checks()
    store = ox.Store()
    store.extend(ontology)
    store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
    found: dict[str, set[str]] = {}
    for check in checks:
        for row in store.query(check.query):
            found.setdefault(row["this"].value, set()).add(check.message)
    return found


def nonconforming(graphs: dict[str, list]) -> dict[str, str]:
    """Which of these article graphs (key -> pyoxigraph quads) the shapes reject, each with the
    messages; ingest checks each transaction with this before writing it, so that it never stores
    what `kg validate` rejects. The shapes run as SPARQL in an in-memory store (milliseconds, where
    pySHACL takes seconds); the tests check that both judge alike."""
    broken = violations(quad for quads in graphs.values() for quad in quads)
    if not broken:
        return {}
    rejected = {}
    suspects = [key for key, quads in graphs.items() if any(q.subject.value in broken for q in quads)]
    for key in suspects:
        alone = violations(graphs[key])
        if alone:
            rejected[key] = "; ".join(sorted({m for messages in alone.values() for m in messages}))
    if not rejected:  # broken only together (say, two codes for one body): none of them is stored
        messages = "; ".join(sorted({m for messages in broken.values() for m in messages}))
        rejected = {key: messages + " (together with another article of the batch)" for key in suspects}
    return rejected




def validate_store(store: Store) -> tuple[bool, rdflib.Graph, str]:
    return validate(union_graph(store))
