"""The vocabulary every layer names the graph with: the namespaces, the graphs' IRIs, the prefixes.

One place for these constants, so that the store, the queries and the analysis do not import the
mapping (or each other) just to spell an IRI. Pure constants and two tiny IRI functions.
"""
from __future__ import annotations

from urllib.parse import quote, unquote

from pyoxigraph import NamedNode

MDC = "https://w3id.org/mdc#"
ID = "https://w3id.org/mdc/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = NamedNode(RDF + "type")
RDFS_LABEL = NamedNode(RDFS + "label")
ENTITIES_GRAPH = NamedNode(ID + "graph/entities")
CURATION_GRAPH = NamedNode(ID + "graph/curation")
# where the merge (the default graph's content) is kept on a server whose default graph is not a
# graph of its own (Virtuoso: its default graph is the union of all graphs); see kg/graph/merge.py
MERGED_GRAPH = NamedNode(ID + "graph/merged")
# bookkeeping for entity resolution (JSON records of each article's mentions): not knowledge, not exported
RESOLUTION_GRAPH = NamedNode(ID + "graph/resolution")
ARTICLE_NS = ID + "article/"
PERSON_NS = ID + "person/"

PREFIXES = {
    "mdc": MDC,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "person": PERSON_NS,
    "country": ID + "country/",
    "org": ID + "organization/",
    "place": ID + "place/",
    "meeting": ID + "meeting/",
    "delegation": ID + "delegation/",
    "forum": ID + "forum/",
    "series": ID + "forum-series/",
    "invitation": ID + "invitation/",
    "article": ARTICLE_NS,
}


def mdc(name: str) -> NamedNode:
    return NamedNode(MDC + name)


def article_iri(article_id: str) -> NamedNode:
    """An article's IRI, which is also the IRI of the named graph holding what it says."""
    return NamedNode(ARTICLE_NS + quote(article_id, safe="-._~"))


def article_id_of(graph: NamedNode) -> str:
    """The article id back from its graph's IRI."""
    return unquote(graph.value[len(ARTICLE_NS):])
