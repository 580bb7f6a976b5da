"""SHACL validation of the merged graph against the shapes shipped with the package.

Like pySHACL, one function is the API: `validate()` returns (conforms, report_graph, report_text).
"""
from __future__ import annotations

from functools import lru_cache
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


def nonconforming(graphs: dict[str, list]) -> dict[str, str]:
    """Which of these article graphs (key -> pyoxigraph quads) the shapes reject, each with the
    first message; ingest checks a batch with this before writing it, so that it never stores
    what `kg validate` rejects. One validation for the batch; one per graph only when it fails."""

    def check(quads: list) -> str | None:
        graph = rdflib.Graph()
        graph.parse(data="\n".join(f"{quad.triple} ." for quad in quads), format="nt")
        conforms, report_graph, _ = validate(graph)
        if conforms:
            return None
        messages = sorted({str(message) for message in report_graph.objects(None, SH.resultMessage)})
        return "; ".join(messages) or "it does not conform to the shapes"

    if not graphs or check([quad for quads in graphs.values() for quad in quads]) is None:
        return {}
    rejected = {}
    for key, quads in graphs.items():
        message = check(quads)
        if message:
            rejected[key] = message
    return rejected


SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def validate_store(store) -> tuple[bool, rdflib.Graph, str]:
    return validate(union_graph(store))
