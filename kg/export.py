"""Serialising the store: dataset formats keep one named graph per article; triple formats merge them.

Pure text functions (`to_text`) beside the file writer (`export`), as networkx does.
"""
from __future__ import annotations

import io
import json
import os
from typing import IO, Iterator

import pyoxigraph as ox

from kg.errors import KgError
from kg.rdf import PREFIXES, RESOLUTION_GRAPH

# graphs of the store's own bookkeeping, left out of exports unless asked for
BOOKKEEPING_GRAPHS = frozenset({RESOLUTION_GRAPH})
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# name -> (pyoxigraph format, keeps named graphs)
FORMATS: dict[str, tuple[ox.RdfFormat, bool]] = {
    "turtle": (ox.RdfFormat.TURTLE, False),
    "ntriples": (ox.RdfFormat.N_TRIPLES, False),
    "rdfxml": (ox.RdfFormat.RDF_XML, False),
    "trig": (ox.RdfFormat.TRIG, True),
    "nquads": (ox.RdfFormat.N_QUADS, True),
    "jsonld": (ox.RdfFormat.JSON_LD, True),
}



def union_triples(store, bookkeeping: bool = False) -> list[ox.Triple]:
    """Every distinct triple of the named graphs (an entity repeated in many articles comes once)."""
    excluded = "" if bookkeeping else " ".join(
        f"FILTER(?g != {graph})" for graph in sorted(BOOKKEEPING_GRAPHS, key=str))
    query = f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {excluded} }}"
    return [ox.Triple(row["s"], row["p"], row["o"]) for row in store.query(query)]


def dataset_quads(store, bookkeeping: bool = False) -> Iterator[ox.Quad]:
    """Every quad, one named graph per article, without the bookkeeping graphs unless asked."""
    for quad in store.quads():
        if bookkeeping or quad.graph_name not in BOOKKEEPING_GRAPHS:
            yield quad


def write(store, fmt: str, output: IO[bytes], bookkeeping: bool = False) -> None:
    """Write the store in ``fmt`` to a binary stream (``bookkeeping``: with the resolution records)."""
    if fmt not in FORMATS:
        raise KgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "jsonld":  # oxigraph writes expanded JSON-LD: give it a context and prefixed names
        buffer = io.BytesIO()
        _write(store, fmt, buffer, bookkeeping)
        output.write(json.dumps(with_context(json.loads(buffer.getvalue())), ensure_ascii=False,
                                indent=1).encode("utf-8"))
        return
    _write(store, fmt, output, bookkeeping)


def _write(store, fmt: str, output: IO[bytes], bookkeeping: bool = False) -> None:
    rdf_format, keeps_graphs = FORMATS[fmt]
    prefixes = {"prefixes": PREFIXES} if fmt in ("turtle", "rdfxml", "trig") else {}
    if keeps_graphs and (bookkeeping or not BOOKKEEPING_GRAPHS & set(store.named_graphs())):
        store.dump(output, rdf_format, **prefixes)
    elif keeps_graphs:
        ox.serialize(dataset_quads(store, bookkeeping), output, rdf_format, **prefixes)
    else:
        ox.serialize(union_triples(store, bookkeeping), output, rdf_format, **prefixes)


def with_context(document) -> dict:
    """Expanded JSON-LD made readable: an ``@context`` of the project's prefixes, properties,
    types and IRIs written as prefixed names (``mdc:code``, ``person:zakir-hasanov``), rdf:type
    as ``@type``. Expanding it again gives back the same graphs (no term is redefined)."""

    def compact(iri: str) -> str:
        for prefix, namespace in PREFIXES.items():
            if iri.startswith(namespace) and not iri[len(namespace):].startswith("//"):
                return f"{prefix}:{iri[len(namespace):]}"
        return iri

    def node(value):
        if isinstance(value, list):
            return [node(item) for item in value]
        if not isinstance(value, dict):
            return value
        out = {}
        for key, item in value.items():
            if key == RDF_TYPE:
                out.setdefault("@type", []).extend(compact(v["@id"]) for v in item)
            elif key == "@id" and isinstance(item, str):
                out[key] = compact(item)
            elif key == "@type" and "@value" in value:
                out[key] = compact(item)
            elif key.startswith("@"):
                out[key] = node(item)
            else:
                out[compact(key)] = node(item)
        return out

    return {"@context": dict(PREFIXES), "@graph": node(document if isinstance(document, list) else [document])}


def to_text(store, fmt: str, bookkeeping: bool = False) -> str:
    buffer = io.BytesIO()
    write(store, fmt, buffer, bookkeeping)
    return buffer.getvalue().decode("utf-8")


def export(store, fmt: str, path: str | os.PathLike, bookkeeping: bool = False) -> None:
    """Write the store to a file (written beside it first, then renamed: no half-written export)."""
    tmp = f"{path}.partial"
    try:
        with open(tmp, "wb") as handle:
            write(store, fmt, handle, bookkeeping)
        os.replace(tmp, path)
    except OSError as error:
        raise KgError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
