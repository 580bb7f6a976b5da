"""Serialising the store: dataset formats keep every graph (the default graph, the merge, and one
named graph per article); triple formats write the default graph, each triple once.

Pure text functions (`to_text`) beside the file writer (`export`), as networkx does. `load`
reads such files back (a backup restored at bulk-load speed).
"""
from __future__ import annotations

import io
import json
import os
from typing import IO, Iterator

import pyoxigraph as ox

from kg.errors import InputError, KgError
from kg.graph.merge import target_of, with_merge
from kg.graph.store import Store
from kg.graph.vocabulary import PREFIXES, RDF_TYPE, RESOLUTION_GRAPH

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



def merged_triples(store: Store, bookkeeping: bool = False) -> Iterator[ox.Triple]:
    """The default graph (the merge of what the articles say), with the bookkeeping if asked."""
    for quad in store.quads(ox.DefaultGraph()):
        yield quad.triple
    if bookkeeping:
        for graph in sorted(BOOKKEEPING_GRAPHS & set(store.named_graphs()), key=str):
            for quad in store.quads(graph):
                yield quad.triple


def dataset_quads(store: Store, bookkeeping: bool = False) -> Iterator[ox.Quad]:
    """Every quad (the default graph's and each named graph's), without the bookkeeping graphs
    unless asked."""
    for quad in store.quads():
        if bookkeeping or quad.graph_name not in BOOKKEEPING_GRAPHS:
            yield quad


def write(store: Store, fmt: str, output: IO[bytes], bookkeeping: bool = False) -> None:
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


def _write(store: Store, fmt: str, output: IO[bytes], bookkeeping: bool = False) -> None:
    rdf_format, keeps_graphs = FORMATS[fmt]
    prefixes = {"prefixes": PREFIXES} if fmt in ("turtle", "rdfxml", "trig") else {}
    if keeps_graphs and (bookkeeping or not BOOKKEEPING_GRAPHS & set(store.named_graphs())):
        store.dump(output, rdf_format, **prefixes)
    elif keeps_graphs:
        ox.serialize(dataset_quads(store, bookkeeping), output, rdf_format, **prefixes)
    elif bookkeeping:
        ox.serialize(merged_triples(store, bookkeeping), output, rdf_format, **prefixes)
    else:
        store.dump(output, rdf_format, from_graph=ox.DefaultGraph(), **prefixes)


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
            if key == RDF_TYPE.value:
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


def to_text(store: Store, fmt: str, bookkeeping: bool = False) -> str:
    buffer = io.BytesIO()
    write(store, fmt, buffer, bookkeeping)
    return buffer.getvalue().decode("utf-8")


def export(store: Store, fmt: str, path: str | os.PathLike, bookkeeping: bool = False) -> None:
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


# ------------------------------------------------------------------ restoring

# file name ending -> pyoxigraph format (dataset formats keep their graphs; triple formats fill one graph)
LOAD_FORMATS: dict[str, ox.RdfFormat] = {
    ".nq": ox.RdfFormat.N_QUADS, ".nquads": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE, ".turtle": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
}


def load_format(path: str | os.PathLike) -> ox.RdfFormat:
    name = os.fspath(path).lower()
    for ending, rdf_format in LOAD_FORMATS.items():
        if name.endswith(ending):
            return rdf_format
    raise InputError(f"{path}: cannot tell the format from the name; use one of "
                     f"{', '.join(LOAD_FORMATS)} (N-Quads, TriG, Turtle, N-Triples)")


def load(store: Store, paths, graph: ox.NamedNode | None = None) -> int:
    """Add the quads of RDF files to the store (what `kg export --bookkeeping` wrote restores the
    store it came from); returns the number of quads read.

    The default graph gets the merge of the named graphs read (`kg.graph.merge`), so a file written
    without it (or by an older kg) gives the same store. Triples of a triple format go to the
    default graph, or to ``graph``. The embedded store loads without transactions (RocksDB's bulk
    loader): load into a fresh store, and run it again if it was interrupted. It is compacted after
    loading (`Store.optimize`: the bulk loader leaves many small files, which an index lookup may
    each have to read; at a million quads it takes about 2 s, and the queries of one busy person
    took some 30% less CPU after it: bench/README.md, section 3).
    """
    paths = [os.fspath(path) for path in paths]
    formats = {path: load_format(path) for path in paths}  # every name checked before anything is read
    for path in paths:
        if not os.path.isfile(path):
            raise InputError(f"{path}: no such file")
    counted = [0]

    def quads():
        for path in paths:
            into = graph if graph is not None and not formats[path].supports_datasets else None
            try:
                with open(path, "rb") as handle:
                    for quad in ox.parse(handle, formats[path]):
                        counted[0] += 1
                        yield quad if into is None else ox.Quad(quad.subject, quad.predicate, quad.object, into)
            except SyntaxError as error:
                raise InputError(f"{path}: not valid {formats[path].name}: {error}") from None

    store.bulk_extend(with_merge(quads(), target_of(store)))
    store.optimize()
    return counted[0]
