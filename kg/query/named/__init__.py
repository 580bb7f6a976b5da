"""Named, parameterised SPARQL queries: the `.rq` files beside this module.

Each file is a plain SPARQL query an analyst can also run by hand. Its header comments say what
it answers and which parameters it takes::

    # description: Contacts between two countries, one row per meeting.
    # param: country (country) one side: ISO code or body acronym, e.g. AZ
    # param: since (date, optional) only contacts on or after this date

and a line holding only ``#PARAMS`` marks where the parameter values go. Parameters are bound
safely: each value is checked and turned into one RDF term (an IRI or a typed literal) by
pyoxigraph, and the terms are placed in a ``VALUES`` row at the marker. A value is never pasted
into the query text as raw text, so quotes, braces, ``#``, newlines or SPARQL keywords in it
cannot change the query. A parameter left out is ``UNDEF``: the queries treat it as "any".

The queries join over the default graph, the merge of the named graphs where each triple is
stated once (`kg.graph.merge`), and reach the article graphs with ``GRAPH ?g`` only to count or name the
articles behind a fact. A ``date`` or ``year`` parameter ``P`` also binds ``?P_first`` and
``?P_last``, the first and last day of the period given, as ``xsd:date``: the queries compare
dates as typed values, right after the pattern that reads them, instead of filtering strings after
the joins. A ``year`` parameter also binds ``?P_days``, every value a date of that year can take
(its days, months and the year itself), so that ``?event mdc:date ?year_days`` finds the year's
events through the index: at a million quads on disk, 50 ms where a range filter takes 500.

What makes a query fast on the on-disk store (measured at a million quads, bench/README.md
section 3): each row a pattern adds costs an index lookup, and reading a string (an IRI's or a
long literal's text) costs another. So IRIs are compared with ``sameTerm`` (``!=`` on two IRIs
reads both: pairing the parties of every meeting took 234 ms CPU with ``!=``, 67 with ``sameTerm``); ``STR`` of
an IRI is taken once per result row, not per joined row; a pattern read for every row of a
whole-graph aggregate is put in a subquery of its own (``{ SELECT ?m ?p WHERE { ?m mdc:party ?p } }``),
which the engine reads once and joins by hash instead of looking it up row by row; and
short strings (codes, dates) are compared rather than IRIs. A query narrowed by a parameter keeps the
row-by-row shape (a subquery would read the whole table for a handful of rows): the lines marked
``#IF``/``#UNLESS`` choose the shape.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from importlib import resources
from typing import Callable, Mapping

import pyoxigraph as ox

from kg.errors import QueryError
from kg.graph.mapping import party_iri, slugify
from kg.graph.store import Store
from kg.graph.vocabulary import ID, MDC, PREFIXES, RDFS, XSD
from kg.query.sparql import run_query

PARAMS_MARKER = re.compile(r"(?m)^[ \t]*#PARAMS[ \t]*$")
_IF_LINE = re.compile(r"(?m)^(.*?)((?:[ \t]*#(?:IF|UNLESS)(?:[ \t]+\w+)+)+)[ \t]*$")
_CONDITION = re.compile(r"#(IF|UNLESS)((?:[ \t]+\w+)+)")
_DESCRIPTION = re.compile(r"^#\s*description:\s*(.+)$")
_PARAM = re.compile(r"^#\s*param:\s*([A-Za-z_]\w*)\s*\(\s*(\w+)\s*(?:,\s*([^)]*))?\)\s*(.*)$")
_DEFAULT = re.compile(r"^default\s*=\s*(.+)$")
Term = ox.NamedNode | ox.Literal


@dataclass(frozen=True)
class Param:
    """One parameter of a named query, from a ``# param:`` header line."""

    name: str
    type: str
    description: str
    required: bool = True
    default: str | None = None

    def usage(self) -> str:
        if self.default is not None:
            return f"{self.name}={self.type} (default {self.default})"
        return f"{self.name}={self.type}" + ("" if self.required else " (optional)")


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library: its name (the file name), description, parameters and text."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str

    def bind(self, values: Mapping[str, str] | None = None, store=None) -> str:
        """The query text with the parameter values in VALUES clauses at each ``#PARAMS`` marker.

        With a ``store``, a person given by name is looked up there: every person whose label or
        alias is that name (entity resolution may have chosen an IRI that is not the name's slug).
        """
        terms: dict[str, Term | list[Term] | None] = dict(self.terms(values or {}))
        if store is not None:
            for param in self.params:
                value = (values or {}).get(param.name)
                if param.type == "person" and value and not _is_iri_like(value):
                    terms[param.name] = persons_named(store, value) or terms[param.name]
        return bind_terms(self.text, terms)

    def terms(self, values: Mapping[str, str]) -> dict[str, ox.NamedNode | ox.Literal | None]:
        """Each parameter's value as an RDF term (None for a left-out optional one)."""
        known = {param.name: param for param in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise QueryError(f"query {self.name!r} has no parameter {', '.join(unknown)}; "
                             f"it takes: {self.signature() or 'no parameters'}")
        terms: dict[str, ox.NamedNode | ox.Literal | None] = {}
        for param in self.params:
            value = values.get(param.name) or param.default  # "" is the same as left out
            if value is None:
                if param.required:
                    raise QueryError(f"query {self.name!r} needs --param {param.name}=... "
                                     f"({param.type}: {param.description})")
                terms[param.name] = None
                continue
            terms[param.name] = to_term(param, value)
            if param.type in ("date", "year"):  # the period as typed xsd:date bounds, to compare dates with
                first, last = period_bounds(terms[param.name].value)
                terms[param.name + "_first"] = _literal(first, "date")
                terms[param.name + "_last"] = _literal(last, "date")
            if param.type == "year":  # every value a date in that year can take: looked up by index
                terms[param.name + "_days"] = year_values(terms[param.name].value)
        return terms

    def signature(self) -> str:
        """Parameter names, optional ones in brackets: ``country [other] [since]``."""
        return " ".join(p.name if p.required else f"[{p.name}]" for p in self.params)


def bind_terms(text: str, terms: Mapping[str, Term | list[Term] | None]) -> str:
    """Put the terms, serialised by pyoxigraph, in one VALUES clause per parameter at each
    ``#PARAMS`` marker (a parameter may have several values: any of them matches).

    A line ending in ``#IF name`` is kept only when the parameter ``name`` is given, one ending in
    ``#UNLESS name`` only when it is not: a query joins on a parameter when it has one, instead of
    filtering every row for "any" when not. With several names, ``#IF a b`` is kept when any of
    them is given and ``#UNLESS a b`` when none is; a line ending in several conditions
    (``#UNLESS person #IF country since``) is kept when all hold. So a whole-graph aggregate can take
    another shape than the same query narrowed by a parameter.
    """
    def holds(condition: re.Match) -> bool:
        given = any(terms.get(name) is not None for name in condition.group(2).split())
        return given == (condition.group(1) == "IF")

    def kept(match: re.Match) -> str:
        return match.group(1) if all(holds(c) for c in _CONDITION.finditer(match.group(2))) else ""

    text = _IF_LINE.sub(kept, text)
    # a parameter left out stays an unbound variable (the same as UNDEF, and easier to optimise)
    clauses = []
    for name, term in terms.items():
        if term is None:
            continue
        listed = term if isinstance(term, list) else [term]
        clauses.append(f"VALUES ?{name} {{ {' '.join(_serialise(t) for t in listed)} }}")
    return PARAMS_MARKER.sub(lambda match: " ".join(clauses), text)


def _serialise(term: ox.NamedNode | ox.Literal) -> str:
    """N-Triples form, escaped by pyoxigraph: the only way a value enters the query text."""
    if not isinstance(term, (ox.NamedNode, ox.Literal)):
        raise TypeError(f"a parameter binds an IRI or a literal, not {type(term).__name__}")
    text = str(term)
    if "\n" in text or "\r" in text:  # pyoxigraph escapes these; make sure, the row is one line
        raise QueryError("a parameter value could not be escaped safely")
    return text


# ------------------------------------------------------------------ parameter types


def _literal(value: str, datatype: str | None = None) -> ox.Literal:
    if datatype is None:
        return ox.Literal(value)
    return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))


def _as_string(value: str) -> ox.Literal:
    return _literal(value)


def _as_country(value: str) -> ox.NamedNode:
    code = value.strip()
    if not re.fullmatch(r"[A-Za-z]{2,12}", code):
        raise ValueError("a country is an ISO 3166 code (AZ) or an international body's acronym (NATO)")
    return party_iri(code)


def _as_iri(value: str) -> ox.NamedNode:
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    prefix, _, local = value.partition(":")
    if prefix in PREFIXES and not local.startswith("//"):
        value = PREFIXES[prefix] + local
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value):
        raise ValueError("an IRI is <https://...> or a prefixed name such as person:zakir-hasanov")
    return ox.NamedNode(value)  # pyoxigraph rejects what is not a valid IRI


def _is_iri_like(value: str) -> bool:
    value = value.strip()
    return value.startswith("<") or bool(re.match(r"^(https?|urn):", value)) or value.startswith("person:")


_PERSONS_NAMED = """SELECT DISTINCT ?person WHERE {
  VALUES ?name { %s }
  GRAPH ?g { ?person rdfs:label|mdc:alias ?name ; a mdc:Person }
} ORDER BY ?person"""


def persons_named(store: Store, name: str) -> list[ox.NamedNode]:
    """The IRIs of the persons whose label or alias is exactly ``name`` (looked up by index)."""
    literal = _serialise(ox.Literal(name.strip()))
    sparql = f"PREFIX rdfs: <{RDFS}>\nPREFIX mdc: <{MDC}>\n" + _PERSONS_NAMED % literal
    return [row["person"] for row in store.query(sparql, union=False)
            if isinstance(row["person"], ox.NamedNode)]


def _as_person(value: str) -> ox.NamedNode:
    """A person's IRI, prefixed name, or plain name (the IRI is derived from it, as at ingest)."""
    value = value.strip()
    if _is_iri_like(value):
        return _as_iri(value)
    if not value:
        raise ValueError("a person is a name, person:slug or an IRI")
    return ox.NamedNode(ID + "person/" + slugify(value))


def _as_term(value: str) -> ox.NamedNode | ox.Literal:
    """An IRI when the value reads as one, else a plain string literal."""
    stripped = value.strip()
    if stripped.startswith("<") and stripped.endswith(">") or re.match(r"^(https?|urn):\S+$", stripped):
        return _as_iri(stripped)
    prefix, _, local = stripped.partition(":")
    if prefix in PREFIXES and local and re.fullmatch(r"[\w.-]+", local):
        return _as_iri(stripped)
    return _literal(value)


def _as_date(value: str) -> ox.Literal:
    value = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            datetime.date.fromisoformat(value)
            return _literal(value, "date")
        if re.fullmatch(r"\d{4}-\d{2}", value) and 1 <= int(value[5:]) <= 12:
            return _literal(value, "gYearMonth")
        if re.fullmatch(r"\d{4}", value):
            return _literal(value, "gYear")
    except ValueError:
        pass
    raise ValueError("a date is YYYY-MM-DD, YYYY-MM or YYYY")


def period_bounds(value: str) -> tuple[str, str]:
    """The first and last day of ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, as ISO dates."""
    import calendar

    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        days = calendar.monthrange(int(value[:4]), int(value[5:]))[1]
        return f"{value}-01", f"{value}-{days:02d}"
    return value, value


def year_values(year: str) -> list[ox.Literal]:
    """Each day of the year (xsd:date), its months (xsd:gYearMonth) and the year (xsd:gYear): a
    pattern ``?event mdc:date ?year_days`` finds that year's events by index, where a range filter
    would read every date."""
    day, values = datetime.date(int(year), 1, 1), []
    while day.year == int(year):
        values.append(_literal(day.isoformat(), "date"))
        day += datetime.timedelta(days=1)
    values += [_literal(f"{year}-{month:02d}", "gYearMonth") for month in range(1, 13)]
    return values + [_literal(year, "gYear")]


def _as_year(value: str) -> ox.Literal:
    value = value.strip()
    if not re.fullmatch(r"\d{4}", value):
        raise ValueError("a year is four digits, e.g. 2024")
    return _literal(value, "gYear")


def _as_int(value: str) -> ox.Literal:
    value = value.strip()
    if not re.fullmatch(r"[+-]?\d{1,18}", value):
        raise ValueError("expected a whole number")
    return _literal(str(int(value)), "integer")


TYPES: dict[str, Callable[[str], ox.NamedNode | ox.Literal]] = {
    "string": _as_string,
    "country": _as_country,
    "person": _as_person,
    "iri": _as_iri,
    "term": _as_term,
    "date": _as_date,
    "year": _as_year,
    "int": _as_int,
}


def to_term(param: Param, value: str) -> ox.NamedNode | ox.Literal:
    if not isinstance(value, str):
        value = str(value)
    try:
        return TYPES[param.type](value)
    except ValueError as error:
        raise QueryError(f"parameter {param.name}={value!r}: {error}") from None


# ------------------------------------------------------------------ the library


def parse(name: str, text: str) -> NamedQuery:
    """Read a named query's header comments; the text must hold a ``#PARAMS`` marker if it has params."""
    description = ""
    params: list[Param] = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("#"):
            if line:
                break
            continue
        if match := _DESCRIPTION.match(line):
            description = match.group(1).strip()
        elif match := _PARAM.match(line):
            pname, ptype, options, pdesc = match.groups()
            if ptype not in TYPES:
                raise QueryError(f"query {name}: parameter {pname} has unknown type {ptype!r}; "
                                 f"use one of {', '.join(TYPES)}")
            required, default = True, None
            for option in (o.strip() for o in (options or "").split(",") if o.strip()):
                if option == "optional":
                    required = False
                elif default_match := _DEFAULT.match(option):
                    required, default = False, default_match.group(1).strip()
                else:
                    raise QueryError(f"query {name}: parameter {pname}: unknown option {option!r}")
            params.append(Param(pname, ptype, pdesc.strip(), required, default))
    if params and not PARAMS_MARKER.search(text):
        raise QueryError(f"query {name} declares parameters but has no #PARAMS line")
    declared = {param.name for param in params}
    for line in _IF_LINE.finditer(text):
        for condition in _CONDITION.finditer(line.group(2)):
            for unknown in (word for word in condition.group(2).split() if word not in declared):
                raise QueryError(f"query {name}: #{condition.group(1)} {unknown} names no declared parameter")
    return NamedQuery(name, description, tuple(params), text)


def names() -> list[str]:
    folder = resources.files(__name__)
    return sorted(entry.name[:-3] for entry in folder.iterdir() if entry.name.endswith(".rq"))


def looks_like_name(text: str) -> bool:
    """A query name is one word of letters, digits, - and _; SPARQL text never is."""
    return bool(re.fullmatch(r"[A-Za-z][\w-]*", text.strip()))


def get(name: str) -> NamedQuery:
    """The named query ``name`` (the file ``name.rq`` of this package)."""
    if not re.fullmatch(r"[\w-]+", name or "") or name not in names():
        raise QueryError(f"no named query {name!r}; `kg queries` lists them: {', '.join(names())}")
    text = (resources.files(__name__) / f"{name}.rq").read_text(encoding="utf-8")
    return parse(name, text)


def all_queries() -> list[NamedQuery]:
    return [get(name) for name in names()]


def parse_assignments(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["country=AZ", "since=2024-01-01"]`` -> a dict; the value may hold any text, even ``=``."""
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {pair!r}: write NAME=VALUE, e.g. --param country=AZ")
        values[name.strip()] = value
    return values


def run(store: Store, name: str, values: Mapping[str, str] | None = None):
    """Run a named query on a store: the library API behind `kg query NAME --param k=v`."""
    return run_query(store, get(name).bind(values or {}, store=store))
