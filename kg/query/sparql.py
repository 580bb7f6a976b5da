"""Running SPARQL against a store and turning the answer into rows or RDF text.

Read-only by default: an update runs only when the caller allows it (`kg query --update`).

Guarded: a query never makes the engine fetch from the network. ``SERVICE`` (federated query)
and ``LOAD`` (an update that fetches a document) are refused unless their endpoint is allowed
explicitly (`refuse_remote_calls`): a web page that an analyst opens must not turn the local
endpoint into a way to reach internal hosts.

Limited: `run_query_limited` runs a query in a worker process, because a Python signal does not
interrupt a query inside pyoxigraph; the worker is killed at the time limit, or once its answer
passes the size limit, and the caller gets a `QueryError` saying which.
"""
from __future__ import annotations

import json
import os
import re
import selectors
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Iterable

import pyoxigraph as ox

from kg.errors import KgError, QueryError
from kg.graph.store import Store
from kg.graph.store import open_store
from kg.graph.vocabulary import PREFIXES, XSD
from kg.output import render
from kg.processes import die_with_parent

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
    elif term.datatype.value != XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def term_text(term) -> str | None:
    if term is None:
        return None
    return term.value


def run_query(store: Store, sparql: str, allow_update: bool = False) -> QueryResult | None:
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


# ------------------------------------------------------------------ remote calls (SERVICE, LOAD)

_CODEPOINT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<string>'{3}(?:[^'\\]|\\.|'(?!''))*'{3}|"{3}(?:[^"\\]|\\.|"(?!""))*"{3}
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<variable>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]*)
""", re.VERBOSE | re.DOTALL)
# a keyword not inside a name: nothing name-like before it (a digit or a dot may be: over-refusing
# a strange name is safe, missing "1SERVICE" would not be), nothing name-like after it
_REMOTE = re.compile(r"(?<![A-Za-z_:\u00b7-\U0010ffff])(SERVICE|LOAD)(?![\w:\u00b7-\U0010ffff-])"
                     r"(?:\s*SILENT(?![\w:]))?\s*(?:<(\d+)>)?", re.IGNORECASE)
REMOTE_KEYWORDS = ("SERVICE", "LOAD")


def unescape_codepoints(sparql: str) -> str:
    """SPARQL's \\uXXXX escapes, replaced as the parser does before it reads the query."""
    def replace(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group()
    return _CODEPOINT_ESCAPE.sub(replace, sparql)


def remote_calls(sparql: str) -> list[tuple[str, str | None]]:
    """Every ``SERVICE`` or ``LOAD`` in a query or update: (keyword, endpoint IRI, or None when it
    is a variable). Read like the parser reads it: escapes first; not in strings, IRIs, comments,
    variables or names."""
    iris: list[str] = []

    def placeholder(match: re.Match) -> str:
        if match.lastgroup == "iri":
            iris.append(match.group()[1:-1])
            return f" <{len(iris) - 1}> "
        return " ? " if match.lastgroup == "variable" else " "

    code = _TOKEN.sub(placeholder, unescape_codepoints(sparql))
    return [(match.group(1).upper(), iris[int(match.group(2))] if match.group(2) else None)
            for match in _REMOTE.finditer(code)]


def refuse_remote_calls(sparql: str, allowed: Iterable[str] = ()) -> None:
    """Raise `QueryError` when the query would fetch from an endpoint not in ``allowed``."""
    allowed = {url.strip() for url in allowed}
    for keyword, target in remote_calls(sparql):
        if target is None or target not in allowed:
            where = f" <{target}>" if target else " (an endpoint not written as an IRI)"
            raise QueryError(f"{keyword}{where} is refused: queries here never fetch from the network"
                             + (" (allowed endpoints: " + ", ".join(sorted(allowed)) + ")" if allowed else
                                "; allow an endpoint with --allow-service URL"))


# ------------------------------------------------------------------ limits (a worker process)

QUERY_SECONDS = 60.0
RESULT_BYTES = 100_000_000


def run_query_limited(location: str, sparql: str, allow_update: bool = False,
                      seconds: float | None = QUERY_SECONDS, max_bytes: int | None = RESULT_BYTES,
                      union: bool = False) -> "QueryResult | None":
    """`run_query` on the store at ``location`` (a directory or endpoint URL), in a worker process
    that is killed at ``seconds`` or once its answer passes ``max_bytes``: `QueryError` then."""
    if is_update(sparql) and not allow_update:
        raise QueryError("this is a SPARQL update; kg query is read-only unless you pass --update")
    request = json.dumps({"location": location, "query": sparql, "update": allow_update, "union": union})
    process = subprocess.Popen([sys.executable, "-m", "kg.query.sparql"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, preexec_fn=die_with_parent())
    try:
        process.stdin.write(request.encode("utf-8"))
        process.stdin.close()
        answer = _read_limited(process, seconds, max_bytes)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        process.stdout.close()
        process.stderr.close()
    kind, _, payload = answer.partition(b"\n")
    try:
        if kind == b"update":
            return None
        if kind == b"boolean":
            return QueryResult(boolean=payload == b"true")
        if kind == b"triples":
            return QueryResult(triples=[quad.triple for quad in ox.parse(payload, ox.RdfFormat.N_TRIPLES)])
        if kind == b"select":
            return to_result(ox.parse_query_results(payload, ox.QueryResultsFormat.JSON))
    except (SyntaxError, ValueError) as error:
        raise QueryError(f"the query's answer came back broken ({error})") from None
    raise QueryError("the query worker gave no answer")


def _read_limited(process: subprocess.Popen, seconds: float | None, max_bytes: int | None) -> bytes:
    deadline = time.monotonic() + seconds if seconds else None
    chunks, size = [], 0
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while True:
            left = deadline - time.monotonic() if deadline else None
            if left is not None and left <= 0:
                process.kill()
                raise QueryError(f"the query ran past its time limit of {seconds:g} s and was stopped; "
                                 "narrow it, or raise --timeout")
            if not selector.select(timeout=min(left, 0.5) if left is not None else 0.5):
                continue
            chunk = os.read(process.stdout.fileno(), 1 << 16)
            if not chunk:
                break
            size += len(chunk)
            if max_bytes and size > max_bytes + 64:  # the kind line is not part of the answer
                process.kill()
                raise QueryError(f"the answer passed the size limit of {max_bytes:,} bytes and was stopped; "
                                 "add a LIMIT, or raise --max-result-mb")
            chunks.append(chunk)
    process.wait(timeout=max(deadline - time.monotonic(), 0.1) if deadline else None)
    if process.returncode != 0:
        detail = process.stderr.read().decode("utf-8", "replace").strip()
        if process.returncode == _WORKER_ERROR and detail:
            raise QueryError(detail)
        detail_lines = detail.splitlines()
        raise QueryError(f"the query worker failed (exit code {process.returncode})"
                         + (f": {detail_lines[-1]}" if detail_lines else ""))
    return b"".join(chunks)


_WORKER_ERROR = 3  # the worker's exit code for an error it explains on stderr


def _worker() -> int:
    """The worker's side: read the request from stdin, write the kind line and the answer; on an
    error (even half-way through the answer), explain it on stderr and exit with `_WORKER_ERROR`."""
    out = sys.stdout.buffer
    try:
        request = json.loads(sys.stdin.buffer.read())
        with open_store(request["location"], read_only=not request["update"]) as store:
            if is_update(request["query"]):
                store.update(request["query"])
                out.write(b"update\n")
            else:
                _write_answer(store.query(request["query"], union=request["union"]), out)
        out.flush()
        return 0
    except KgError as error:
        message = str(error)
    except Exception as error:  # noqa: BLE001 - the engine's own errors (SERVICE, I/O ...)
        message = f"the query failed: {str(error).strip() or type(error).__name__}"
    sys.stderr.write(message)
    sys.stderr.flush()
    return _WORKER_ERROR


def _write_answer(answer, out) -> None:
    if isinstance(answer, (ox.QueryBoolean, bool)):
        out.write(b"boolean\n" + (b"true" if answer else b"false"))
    elif isinstance(answer, ox.QuerySolutions):
        out.write(b"select\n")
        answer.serialize(out, ox.QueryResultsFormat.JSON)
    elif hasattr(answer, "variables"):  # a remote store's answer
        out.write(b"select\n" + to_result(answer).render("json").encode("utf-8"))
    else:
        out.write(b"triples\n")
        ox.serialize(answer, out, ox.RdfFormat.N_TRIPLES)


if __name__ == "__main__":
    sys.exit(_worker())
