"""SPARQL updates that write articles' graphs and keep the default graph their merge (`kg.graph.merge`).

Text builders any store runs (`update`), and `run_operations`, which sends them as one request or,
to a server that takes a few operations at a time, in pieces. Both stores and the persistence layer
share these, so none of them imports another for them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

import pyoxigraph as ox

from kg.graph.merge import merge_quads, retract

if TYPE_CHECKING:  # annotations only: the stores import this module
    from kg.graph.store import Store


def run_operations(store: Store, operations: list[str]) -> None:
    """Run update operations as one request (one transaction), or, on a server that cannot take
    many at once (Virtuoso compiles a request into bounded SQL), a few at a time."""
    per_request = store.operations_per_request
    if not per_request:
        store.update(" ;\n".join(operations))
        return
    for start in range(0, len(operations), per_request):
        store.update(" ;\n".join(operations[start:start + per_request]))


def insert_data(quads: Iterable[ox.Quad]) -> str:
    """One INSERT DATA operation for quads of any graphs (the default graph's as plain triples)."""
    by_graph: dict[object, set[str]] = {}
    for quad in quads:
        by_graph.setdefault(quad.graph_name, set()).add(str(quad.triple))
    parts = []
    for graph, triples in by_graph.items():
        body = " .\n".join(sorted(triples))
        parts.append(body + " ." if isinstance(graph, ox.DefaultGraph) else f"GRAPH {graph} {{\n{body} }}")
    return "INSERT DATA { " + "\n".join(parts) + " }"


def replace_graph_update(graph: ox.NamedNode, quads: Iterable[ox.Quad], target=None,
                         quads_per_insert: int | None = None) -> list[str]:
    """One SPARQL update replacing a named graph and keeping the default graph its merge."""
    quads = [ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads]
    operations = [retract(graph, target=target), f"DROP SILENT GRAPH {graph}"]
    if quads:
        quads += list(merge_quads(quads, target))
        per_insert = quads_per_insert or len(quads)
        operations += [insert_data(quads[start:start + per_insert]) for start in range(0, len(quads), per_insert)]
    return operations


def remove_graphs_update(graphs: Iterable[ox.NamedNode], target=None) -> list[str]:
    return [operation for graph in graphs
            for operation in (retract(graph, target=target), f"DROP SILENT GRAPH {graph}")]
