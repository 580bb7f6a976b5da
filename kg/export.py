"""Serialising the store: dataset formats keep one named graph per article; triple formats merge them.

Pure text functions (`to_text`) beside the file writer (`export`), as networkx does.
"""
from __future__ import annotations

import io
import os
from typing import IO

import pyoxigraph as ox

from kg.errors import KgError
from kg.rdf import PREFIXES

# name -> (pyoxigraph format, keeps named graphs)
FORMATS: dict[str, tuple[ox.RdfFormat, bool]] = {
    "turtle": (ox.RdfFormat.TURTLE, False),
    "ntriples": (ox.RdfFormat.N_TRIPLES, False),
    "rdfxml": (ox.RdfFormat.RDF_XML, False),
    "trig": (ox.RdfFormat.TRIG, True),
    "nquads": (ox.RdfFormat.N_QUADS, True),
    "jsonld": (ox.RdfFormat.JSON_LD, True),
}

_UNION_TRIPLES = "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def union_triples(store) -> list[ox.Triple]:
    """Every distinct triple of all named graphs (an entity repeated in many articles comes once)."""
    return [ox.Triple(row["s"], row["p"], row["o"]) for row in store.query(_UNION_TRIPLES)]


def write(store, fmt: str, output: IO[bytes]) -> None:
    """Write the store in ``fmt`` to a binary stream."""
    if fmt not in FORMATS:
        raise KgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    rdf_format, keeps_graphs = FORMATS[fmt]
    if keeps_graphs:
        store.dump(output, rdf_format, prefixes=PREFIXES)
    else:
        ox.serialize(union_triples(store), output, rdf_format,
                     **({"prefixes": PREFIXES} if fmt in ("turtle", "rdfxml") else {}))


def to_text(store, fmt: str) -> str:
    buffer = io.BytesIO()
    write(store, fmt, buffer)
    return buffer.getvalue().decode("utf-8")


def export(store, fmt: str, path: str | os.PathLike) -> None:
    """Write the store to a file (written beside it first, then renamed: no half-written export)."""
    tmp = f"{path}.partial"
    try:
        with open(tmp, "wb") as handle:
            write(store, fmt, handle)
        os.replace(tmp, path)
    except OSError as error:
        raise KgError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
