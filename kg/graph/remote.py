"""A team store: the graph kept by a SPARQL 1.1 Query/Update endpoint (Oxigraph server, Fuseki, GraphDB).

`RemoteStore` has the methods `GraphStore` has, so every command that takes ``--store DIR``
also takes ``--store http://HOST:PORT``. It speaks only the standard SPARQL 1.1 Protocol (stdlib
urllib): queries to the query endpoint, updates to the update endpoint. Replacing an article's
graph is one update request (``DROP SILENT GRAPH`` then ``INSERT DATA``), which these servers run
as one transaction, and per-article named graphs keep parallel ingest machines out of each
other's way.

Endpoint paths, relative to the URL, default to Oxigraph's (``query``, ``update``). Another server
is chosen by a fragment naming it, or by explicit paths::

    http://127.0.0.1:7878                       Oxigraph server (kg serve --writable)
    http://127.0.0.1:3030/ds#fuseki             Fuseki: /ds/query, /ds/update
    http://127.0.0.1:7200/repositories/kg#graphdb   GraphDB: the repository URL, /statements
    http://host/sparql#query=&update=update     explicit paths ("" is the URL itself)
    https://user:secret@host/ds#fuseki          HTTP Basic authentication (never echoed back)

Answers are parsed with pyoxigraph's parsers, so `query()` returns what pyoxigraph does: solutions
indexable by variable name, a boolean, or (for CONSTRUCT / DESCRIBE) a list of triples.
"""
from __future__ import annotations

import base64
import io
import re
import urllib.error
import urllib.parse
import urllib.request
from typing import IO, Iterable, Iterator

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.graph.updates import remove_graphs_update, replace_graph_update, run_operations
from kg.graph.vocabulary import ID, MDC, MERGED_GRAPH

PRESETS = {
    "oxigraph": {"query": "query", "update": "update"},
    "fuseki": {"query": "query", "update": "update"},
    "graphdb": {"query": "", "update": "statements"},
    "virtuoso": {"query": "sparql", "update": "sparql"},
}
# servers whose default graph is the union of all graphs, not a graph that can be written:
# kg keeps the merge in MERGED_GRAPH there and names it as the default graph of every query
_UNION_DEFAULT_SERVERS = {"virtuoso"}
_CONSTANT_GRAPH = re.compile(r"\bGRAPH\s*<", re.IGNORECASE)
_JSON = "application/sparql-results+json"
_ACCEPT = f"{_JSON}, application/n-triples;q=0.9, text/turtle;q=0.8"
_INSERT_BATCH = 20_000  # quads per INSERT DATA request when loading (fewer where the server says so)
_TRIPLE_FORMATS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


class RemoteTriples(list):
    """The triples of a CONSTRUCT or DESCRIBE answer from a remote endpoint."""


def split_credentials(url: str) -> tuple[str, str | None]:
    """The URL without ``user:password@``, and the Basic Authorization header value (or None)."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None:
        return url, None
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    user = urllib.parse.unquote(parts.username)
    password = urllib.parse.unquote(parts.password or "")
    token = base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc)), f"Basic {token}"


def endpoints(url: str) -> tuple[str, str, str]:
    """(base, query URL, update URL) from a store URL with an optional fragment."""
    base, _, fragment = url.partition("#")
    paths = dict(PRESETS["oxigraph"])
    if fragment in PRESETS:
        paths = dict(PRESETS[fragment])
    elif fragment:
        for key, values in urllib.parse.parse_qs(fragment, keep_blank_values=True).items():
            if key not in paths:
                raise StoreError(f"{url}: unknown endpoint {key!r} in the fragment; use query= and update=, "
                                 f"or one of #{', #'.join(PRESETS)}")
            paths[key] = values[-1]
    base = base.rstrip("/")

    def join(path: str) -> str:
        return base if not path else f"{base}/{path.lstrip('/')}"

    return base, join(paths["query"]), join(paths["update"])


class RemoteStore:
    """The `GraphStore` interface over a SPARQL 1.1 endpoint."""

    shared = True  # other writers may write at the same time (ingest settles what it touched)

    def __init__(self, url: str, read_only: bool = False, timeout: float = 300.0):
        url, self._authorization = split_credentials(url)
        self.location = url  # without the password: it appears in messages
        self.read_only = read_only
        self.timeout = timeout
        self.base, self.query_url, self.update_url = endpoints(url)
        # Oxigraph's server takes this flag per request; other servers ignore unknown parameters
        self._union_flag = not url.partition("#")[2] or url.endswith("#oxigraph")
        self.merge_graph = MERGED_GRAPH if url.partition("#")[2] in _UNION_DEFAULT_SERVERS else None
        # Virtuoso compiles a request into SQL of bounded length: one update operation per request
        virtuoso = url.partition("#")[2] == "virtuoso"
        self.operations_per_request = 1 if virtuoso else None
        self.quads_per_insert = 200 if virtuoso else None
        # there, GRAPH ?g also meets the server's own graphs and the merge's: only kg's are listed
        self._graph_filter = (f"FILTER(STRSTARTS(STR(?g), \"{ID}\") && ?g != {MERGED_GRAPH})"
                              if self.merge_graph is not None else "")

    # ------------------------------------------------------------ HTTP

    def _post(self, url: str, body: bytes, content_type: str, accept: str = "*/*") -> tuple[str, bytes]:
        headers = {"Content-Type": content_type, "Accept": accept}
        if self._authorization:
            headers["Authorization"] = self._authorization
        request = urllib.request.Request(url, data=body, method="POST", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace").strip()[:2000]
            if error.code in (400, 422):
                raise QueryError(f"the SPARQL endpoint {url} refused the request: {detail}") from None
            raise StoreError(f"the SPARQL endpoint {url} answered HTTP {error.code}: {detail}") from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {reason}; is the server running? "
                             "(kg serve --writable starts one)") from None

    # ------------------------------------------------------------ reading

    def query(self, sparql: str, union: bool = False):
        """Run a query; SELECT/ASK give pyoxigraph results, CONSTRUCT/DESCRIBE a list of triples.

        The default graph is the server's own (the merge of the named graphs, which kg keeps);
        ``union=True`` asks an Oxigraph server for the union of the named graphs instead."""
        form = {"query": sparql}
        if union and self._union_flag:
            form["union-default-graph"] = ""
        if self.merge_graph is not None and not union and not _CONSTANT_GRAPH.search(sparql):
            # Virtuoso then finds nothing in a GRAPH <iri> pattern: such queries (kg's bookkeeping)
            # do not read the default graph, and are sent without it
            form["default-graph-uri"] = self.merge_graph.value
        content_type, body = self._post(self.query_url, urllib.parse.urlencode(form).encode("utf-8"),
                                        "application/x-www-form-urlencoded", _ACCEPT)
        media = content_type.split(";")[0].strip().lower()
        try:
            if media in _TRIPLE_FORMATS:
                return RemoteTriples(ox.parse(body, _TRIPLE_FORMATS[media]))
            if media == "application/sparql-results+xml":
                return ox.parse_query_results(body, ox.QueryResultsFormat.XML)
            return ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
        except SyntaxError as error:
            raise StoreError(f"the SPARQL endpoint {self.query_url} sent an answer that cannot be "
                             f"read ({media or 'no content type'}): {error}") from None

    def _select(self, sparql: str) -> list:
        return list(self.query(sparql, union=False))

    def content_hash(self, graph: ox.NamedNode) -> str | None:
        return self.value(graph, ox.NamedNode(f"{MDC}contentHash"), graph)

    def value(self, subject: ox.NamedNode, predicate: ox.NamedNode, graph: ox.NamedNode) -> str | None:
        """The value of one object of (subject, predicate) in a graph (`GraphStore.value`)."""
        rows = self._select(f"SELECT ?v WHERE {{ GRAPH {graph} {{ {subject} {predicate} ?v }} }} LIMIT 1")
        return rows[0]["v"].value if rows else None

    def named_graphs(self) -> list[ox.NamedNode]:
        pattern = "?s ?p ?o" if self._graph_filter else ""  # an empty pattern lists graphs fast on Oxigraph
        rows = self._select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {pattern} }} {self._graph_filter} }}")
        return [row["g"] for row in rows if isinstance(row["g"], ox.NamedNode)]

    def quads(self, graph: ox.NamedNode | ox.DefaultGraph | None = None) -> Iterator[ox.Quad]:
        """Every quad, of the default graph and the named graphs (or of one graph)."""
        if isinstance(graph, ox.DefaultGraph):
            for row in self._select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }"):
                yield ox.Quad(row["s"], row["p"], row["o"], graph)
            return
        if graph is not None:
            for row in self._select(f"SELECT ?s ?p ?o WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"):
                yield ox.Quad(row["s"], row["p"], row["o"], graph)
            return
        yield from self.quads(ox.DefaultGraph())
        for row in self._select(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._graph_filter} }}"):
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def __len__(self) -> int:
        rows = self._select("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION "
                            f"{{ GRAPH ?g {{ ?s ?p ?o }} {self._graph_filter} }} }}")
        return int(rows[0]["n"].value) if rows else 0

    def dump(self, output, fmt: ox.RdfFormat, from_graph=None, prefixes=None) -> None:
        """Serialise the named graphs (or one graph, as triples) with pyoxigraph."""
        kwargs = {"prefixes": prefixes} if prefixes and fmt in _PREFIX_FORMATS else {}
        if from_graph is not None:
            items = [quad.triple for quad in self.quads(from_graph)]
        else:
            if not fmt.supports_datasets:
                raise StoreError(f"{fmt.name} holds one graph: name the graph to dump")
            items = list(self.quads())
        ox.serialize(items, output, fmt, **kwargs)

    # ------------------------------------------------------------ writing

    def update(self, sparql: str) -> None:
        self._check_writable()
        self._post(self.update_url, sparql.encode("utf-8"), "application/sparql-update")

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Replace one article's graph and its part of the default graph by one update request
        (one transaction on the server)."""
        run_operations(self, replace_graph_update(graph, quads, self.merge_graph, self.quads_per_insert))

    def remove_graphs(self, graphs: Iterable[ox.NamedNode]) -> int:
        """Drop named graphs (one update request); returns how many existed."""
        self._check_writable()
        wanted = list(graphs)
        if not wanted:
            return 0
        existing = {g.value for g in self.named_graphs()}
        present = [g for g in wanted if g.value in existing]
        if present:
            run_operations(self, remove_graphs_update(present, self.merge_graph))
        return len(present)

    def load(self, data, fmt: ox.RdfFormat, to_graph=None) -> None:
        """Parse with pyoxigraph, then send INSERT DATA requests of a bounded size.

        As `GraphStore.load` (pyoxigraph's `Store.load`): what the data puts in the default graph
        goes to ``to_graph`` when given; quads of named graphs keep their graph. (`ox.parse`
        has no ``to_graph``: the quads are moved here.)"""
        self._check_writable()
        if isinstance(data, str):
            data = data.encode("utf-8")
        quads = ox.parse(data, fmt)
        if to_graph is not None and not isinstance(to_graph, ox.DefaultGraph):
            quads = (ox.Quad(q.subject, q.predicate, q.object, to_graph)
                     if isinstance(q.graph_name, ox.DefaultGraph) else q for q in quads)
        self._insert(quads)

    def bulk_load(self, data: bytes | IO[bytes], fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> None:
        self.load(data, fmt)

    def bulk_extend(self, quads: Iterable[ox.Quad]) -> None:
        """Send quads as INSERT DATA requests of a bounded size."""
        self._check_writable()
        self._insert(quads)

    def _insert(self, quads: Iterable[ox.Quad]) -> None:
        batch: list[str] = []
        for quad in quads:
            if isinstance(quad, ox.Triple) or isinstance(quad.graph_name, ox.DefaultGraph):
                triple = quad if isinstance(quad, ox.Triple) else quad.triple
                batch.append(f"{triple} ." if self.merge_graph is None
                             else f"GRAPH {self.merge_graph} {{ {triple} }}")
            else:
                batch.append(f"GRAPH {quad.graph_name} {{ {quad.triple} }}")
            if len(batch) >= (self.quads_per_insert or _INSERT_BATCH):
                self.update("INSERT DATA {\n" + "\n".join(batch) + "\n}")
                batch = []
        if batch:
            self.update("INSERT DATA {\n" + "\n".join(batch) + "\n}")

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.location} is open read-only")

    # ------------------------------------------------------------ lifecycle (nothing to hold)

    def flush(self) -> None:
        """The server commits each request; nothing is buffered here."""

    def release_memory(self) -> None:
        """The server manages its own memory."""

    def optimize(self) -> None:
        """The server manages its own storage."""

    def close(self) -> None:
        pass

    def __enter__(self) -> "RemoteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_PREFIX_FORMATS = {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N3, ox.RdfFormat.RDF_XML,
                   ox.RdfFormat.JSON_LD}


def to_nquads(store) -> bytes:
    """The named graphs of any store as N-Quads (what `kg export --format nquads` writes)."""
    buffer = io.BytesIO()
    store.dump(buffer, ox.RdfFormat.N_QUADS)
    return buffer.getvalue()
