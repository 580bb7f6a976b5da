"""Running SPARQL against a store and turning the answer into rows or RDF text.

Read-only by default: an update runs only when the caller allows it (`kg query --update`).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import QueryError
from kg.output import render
from kg.rdf import PREFIXES

_UPDATE_KEYWORDS = re.compile(
    r"^\s*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_PROLOGUE = re.compile(r"^\s*(PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s+<[^>]*>)", re.IGNORECASE)
_COMMENT = re.compile(r"(?m)^\s*#.*$")


def is_update(sparql: str) -> bool:
    """True when the text is a SPARQL Update request rather than a query."""
    text = _COMMENT.sub("", sparql)
    while True:
        match = _PROLOGUE.match(text)
        if not match:
            break
        text = text[match.end():]
    return bool(_UPDATE_KEYWORDS.match(text))


@dataclass
class QueryResult:
    """A query's answer: a table (SELECT), a boolean (ASK) or triples (CONSTRUCT / DESCRIBE)."""

    columns: list[str] | None = None
    rows: list[list[ox.NamedNode | ox.Literal | ox.BlankNode | None]] | None = None
    boolean: bool | None = None
    triples: list[ox.Triple] | None = None

    def values(self) -> list[list[str | None]]:
        """Rows as plain strings: IRIs and literal values, None for unbound."""
        return [[term_text(term) for term in row] for row in (self.rows or [])]

    def render(self, fmt: str = "table") -> str:
        if self.triples is not None:
            return ox.serialize(self.triples, format=ox.RdfFormat.TURTLE,
                                prefixes=PREFIXES).decode("utf-8")
        if self.boolean is not None:
            return {"json": '{"head": {}, "boolean": %s}\n' % str(self.boolean).lower()}.get(
                fmt, f"{str(self.boolean).lower()}\n")
        if fmt == "table":
            return render(self.columns or [], self.values(), "table")
        return self._serialized(fmt)

    def _serialized(self, fmt: str) -> str:
        """CSV, TSV and JSON in the standard SPARQL 1.1 results formats."""
        columns, rows = self.columns or [], self.rows or []
        if fmt == "json":
            bindings = [{name: term_json(term) for name, term in zip(columns, row) if term is not None}
                        for row in rows]
            return json.dumps({"head": {"vars": columns}, "results": {"bindings": bindings}},
                              ensure_ascii=False) + "\n"
        if fmt == "csv":
            return render(columns, self.values(), "csv")
        if fmt == "tsv":
            lines = ["\t".join("?" + name for name in columns)]
            lines += ["\t".join("" if term is None else str(term) for term in row) for row in rows]
            return "\n".join(lines) + "\n"
        raise QueryError(f"unknown output format {fmt!r}; choose table, csv, tsv or json")


def term_json(term) -> dict:
    """One RDF term in the SPARQL 1.1 JSON results form."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def term_text(term) -> str | None:
    if term is None:
        return None
    return term.value


def run_query(store, sparql: str, allow_update: bool = False) -> QueryResult | None:
    """Run a query (or, when allowed, an update: then None is returned)."""
    if is_update(sparql):
        if not allow_update:
            raise QueryError("this is a SPARQL update; kg query is read-only unless you pass --update")
        store.update(sparql)
        return None
    return to_result(store.query(sparql))


def to_result(answer) -> QueryResult:
    """A pyoxigraph answer (or a remote store's answer shaped like one) as a QueryResult."""
    if isinstance(answer, (ox.QueryBoolean, bool)):
        return QueryResult(boolean=bool(answer))
    if not hasattr(answer, "variables"):  # ox.QueryTriples, or a remote store's list of triples
        return QueryResult(triples=list(answer))
    columns = [variable.value for variable in answer.variables]
    rows = [[solution[name] for name in columns] for solution in answer]
    return QueryResult(columns=columns, rows=rows)
