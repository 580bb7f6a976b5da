"""The default graph: the RDF merge of what the articles say, each triple once.

The named graphs keep provenance (one per article, beside the entities and curation graphs); the
default graph holds the set of their triples, so any SPARQL client sees a proper graph without a
union setting, and a join on an entity's label meets it once instead of once per article.

What goes into the merge, quad by quad (`in_merge`), so that it can be maintained incrementally:

- every triple of an article graph, except a person's description (type, label, aliases, rank,
  position, country, organisation: the article's own wording, kept in its graph) and the
  article's content hash (bookkeeping);
- every triple of the entities graph (each person described once, curations applied) and of the
  curation graph (curated values and hand-added contacts);
- nothing of the resolution graph (bookkeeping), nor of graphs that are not kg's (IRIs outside
  `https://w3id.org/mdc/id/`).

Writers put each new quad's merge copy in the default graph in the same update that writes the
quad (`merge_quads`), and before a graph (or part of one) is dropped they remove from the default
graph the triples no other graph still contributes (`retract`). `rebuild` recomputes it all from
the named graphs (after a restore, or on a store written before the merge existed).
"""
from __future__ import annotations

from typing import Iterable, Iterator

import pyoxigraph as ox

from kg.graph.vocabulary import ID, MDC, MERGED_GRAPH, RDFS_LABEL, RDF_TYPE, RESOLUTION_GRAPH

ARTICLE_PREFIX = ID + "article/"
PERSON_PREFIX = ID + "person/"
CONTENT_HASH = ox.NamedNode(MDC + "contentHash")
# a person's description: each article's wording stays in its graph, the merge takes the entities graph's
PERSON_DESCRIPTION = frozenset({RDF_TYPE, RDFS_LABEL, ox.NamedNode(MDC + "alias"), ox.NamedNode(MDC + "rank"),
                                ox.NamedNode(MDC + "position"), ox.NamedNode(MDC + "country"),
                                ox.NamedNode(MDC + "organization")})
NOT_MERGED_GRAPHS = frozenset({RESOLUTION_GRAPH, MERGED_GRAPH})
Target = ox.NamedNode | None  # where the merge is written: None for the default graph itself


def target_of(store) -> Target:
    """The graph that holds the merge on this store: None (the default graph) but on a server
    without a default graph of its own (Virtuoso), where it is `kg.graph.mapping.MERGED_GRAPH`."""
    return getattr(store, "merge_graph", None)


def in_merge(quad: ox.Quad) -> bool:
    """Whether this quad of a named graph contributes its triple to the default graph."""
    graph = quad.graph_name
    if isinstance(graph, ox.DefaultGraph) or graph in NOT_MERGED_GRAPHS or quad.predicate == CONTENT_HASH \
            or not graph.value.startswith(ID):
        return False
    if graph.value.startswith(ARTICLE_PREFIX) and isinstance(quad.subject, ox.NamedNode) \
            and quad.subject.value.startswith(PERSON_PREFIX) and quad.predicate in PERSON_DESCRIPTION:
        return False
    return True


def merge_quads(quads: Iterable[ox.Quad], target: Target = None) -> Iterator[ox.Quad]:
    """The default-graph copies of the quads that contribute to the merge."""
    default = target if target is not None else ox.DefaultGraph()
    for quad in quads:
        if in_merge(quad):
            yield ox.Quad(quad.subject, quad.predicate, quad.object, default)


def with_merge(quads: Iterable[ox.Quad], target: Target = None) -> Iterator[ox.Quad]:
    """The quads followed, each, by its default-graph copy when it contributes one (for loading)."""
    default = target if target is not None else ox.DefaultGraph()
    for quad in quads:
        if target is not None and isinstance(quad.graph_name, ox.DefaultGraph):
            quad = ox.Quad(quad.subject, quad.predicate, quad.object, target)
        yield quad
        if in_merge(quad):
            yield ox.Quad(quad.subject, quad.predicate, quad.object, default)


def contributes(graph: str, subject: str, predicate: str) -> str:
    """`in_merge` as a SPARQL expression over three variables (or terms)."""
    persons = " ".join(str(p) for p in sorted(PERSON_DESCRIPTION, key=str))
    return (f"(STRSTARTS(STR({graph}), \"{ID}\") && {graph} != {RESOLUTION_GRAPH} && {graph} != {MERGED_GRAPH} && "
            f"{predicate} != {CONTENT_HASH} && "
            f"!(STRSTARTS(STR({graph}), \"{ARTICLE_PREFIX}\") && STRSTARTS(STR({subject}), \"{PERSON_PREFIX}\") "
            f"&& {predicate} IN ({', '.join(persons.split(' '))})))")


def retract(graph: ox.NamedNode, subject: ox.NamedNode | None = None,
            predicate: ox.NamedNode | None = None, target: Target = None) -> str:
    """A SPARQL update operation removing from the default graph the triples of ``graph``
    (only ``subject``'s, only ``predicate``'s when given) that no other named graph contributes.

    Run it *before* the operation that deletes them from ``graph``.
    """
    bind = ""
    if subject is not None:
        bind += f"VALUES ?s {{ {subject} }} "
    if predicate is not None:
        bind += f"VALUES ?p {{ {predicate} }} "
    template = "?s ?p ?o" if target is None else f"GRAPH {target} {{ ?s ?p ?o }}"
    return (f"DELETE {{ {template} }} WHERE {{ {bind}GRAPH {graph} {{ ?s ?p ?o }} "
            f"FILTER{contributes(str(graph), '?s', '?p')} "
            f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != {graph} && "
            f"{contributes('?h', '?s', '?p')}) }} }}")


def rebuild_update(target: Target = None) -> str:
    drop, template = ("DROP SILENT DEFAULT", "?s ?p ?o") if target is None else \
        (f"DROP SILENT GRAPH {target}", f"GRAPH {target} {{ ?s ?p ?o }}")
    return (f"{drop} ; INSERT {{ {template} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
            f"FILTER{contributes('?g', '?s', '?p')} }}")


def rebuild(store) -> None:
    """Recompute the default graph from the named graphs (one update, one transaction)."""
    store.update(rebuild_update(target_of(store)))


def ensure(store) -> bool:
    """Rebuild the default graph of a store written before it held the merge (named graphs, but an
    empty default graph); returns whether it did."""
    if store.query("ASK { ?s ?p ?o }"):
        return False
    if not store.query(f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), \"{ARTICLE_PREFIX}\")) }}"):
        return False
    rebuild(store)
    return True


def expected(store) -> set[ox.Triple]:
    """The default graph as the named graphs say it should be (for checks and tests)."""
    query = f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER{contributes('?g', '?s', '?p')} }}"
    return {ox.Triple(row["s"], row["p"], row["o"]) for row in store.query(query)}


def actual(store) -> set[ox.Triple]:
    """The triples of the default graph."""
    return {ox.Triple(row["s"], row["p"], row["o"]) for row in store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")}
