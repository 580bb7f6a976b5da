"""Serialising the store: dataset formats keep every graph (the default graph, the merge, and one
named graph per article); triple formats write the default graph, each triple once.

Pure text functions (`to_text`) beside the file writer (`export`), as networkx does.
"""
from __future__ import annotations

import io
import os
from typing import IO, Iterator

import pyoxigraph as ox

from kg.errors import KgError
from kg.rdf import PREFIXES, RESOLUTION_GRAPH

# graphs of the store's own bookkeeping, left out of exports unless asked for
BOOKKEEPING_GRAPHS = frozenset({RESOLUTION_GRAPH})

# name -> (pyoxigraph format, keeps named graphs)
FORMATS: dict[str, tuple[ox.RdfFormat, bool]] = {
    "turtle": (ox.RdfFormat.TURTLE, False),
    "ntriples": (ox.RdfFormat.N_TRIPLES, False),
    "rdfxml": (ox.RdfFormat.RDF_XML, False),
    "trig": (ox.RdfFormat.TRIG, True),
    "nquads": (ox.RdfFormat.N_QUADS, True),
    "jsonld": (ox.RdfFormat.JSON_LD, True),
}



def merged_triples(store, bookkeeping: bool = False) -> Iterator[ox.Triple]:
    """The default graph (the merge of what the articles say), with the bookkeeping if asked."""
    for quad in store.quads(ox.DefaultGraph()):
        yield quad.triple
    if bookkeeping:
        for graph in sorted(BOOKKEEPING_GRAPHS & set(store.named_graphs()), key=str):
            for quad in store.quads(graph):
                yield quad.triple


def dataset_quads(store, bookkeeping: bool = False) -> Iterator[ox.Quad]:
    """Every quad (the default graph's and each named graph's), without the bookkeeping graphs
    unless asked."""
    for quad in store.quads():
        if bookkeeping or quad.graph_name not in BOOKKEEPING_GRAPHS:
            yield quad


def write(store, fmt: str, output: IO[bytes], bookkeeping: bool = False) -> None:
    """Write the store in ``fmt`` to a binary stream (``bookkeeping``: with the resolution records)."""
    if fmt not in FORMATS:
        raise KgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    rdf_format, keeps_graphs = FORMATS[fmt]
    prefixes = {"prefixes": PREFIXES} if fmt in ("turtle", "rdfxml", "trig", "jsonld") else {}
    if keeps_graphs and (bookkeeping or not BOOKKEEPING_GRAPHS & set(store.named_graphs())):
        store.dump(output, rdf_format, **prefixes)
    elif keeps_graphs:
        ox.serialize(dataset_quads(store, bookkeeping), output, rdf_format, **prefixes)
    elif bookkeeping:
        ox.serialize(merged_triples(store, bookkeeping), output, rdf_format, **prefixes)
    else:
        store.dump(output, rdf_format, from_graph=ox.DefaultGraph(), **prefixes)


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
