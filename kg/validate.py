"""SHACL validation of the merged graph against the shapes shipped with the package.

Like pySHACL, one function is the API: `validate()` returns (conforms, report_graph, report_text).
"""
from __future__ import annotations

from importlib import resources

import rdflib

from kg.errors import ValidationError
from kg.export import to_text


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


def union_graph(store) -> rdflib.Graph:
    """The store's named graphs merged into one rdflib graph."""
    graph = rdflib.Graph()
    graph.parse(data=to_text(store, "ntriples"), format="nt")
    return graph


def validate(data: rdflib.Graph) -> tuple[bool, rdflib.Graph, str]:
    """Validate a graph against the shapes, with the ontology for class hierarchy look-ups."""
    from pyshacl import validate as shacl_validate  # heavy import, only when validating

    conforms, report_graph, report_text = shacl_validate(
        data, shacl_graph=load_graph("shapes.ttl"), ont_graph=load_graph("mdc.ttl"),
        inference="none", advanced=True, allow_warnings=True)
    return bool(conforms), report_graph, report_text


def validate_store(store) -> tuple[bool, rdflib.Graph, str]:
    return validate(union_graph(store))
