"""Network projections of the knowledge graph, their metrics, and Gephi/CSV exports.

The store is read once into plain Python records (`load_contacts`), with every query scoped by
``GRAPH ?g`` so the per-article copies of an entity never multiply rows (the union default
graph repeats an entity's triples once per article that names it). Everything
after that is pure: `filter_contacts`, the projections (`person_network`, `country_network`,
`event_network`), `ego_network`, `add_metrics`, and the writers. `build_network` strings them
together for the CLI, the notebook and `kg.analysis.viz`.

>>> from kg.analysis.network import build_network, metric_rows
>>> graph = build_network(store, "persons", since="2024")          # doctest: +SKIP
>>> write_graph(graph, "contacts.gexf")                              # doctest: +SKIP
"""
from __future__ import annotations

import csv
import difflib
import io
import json
import math
from dataclasses import dataclass, field, replace
from itertools import combinations
from pathlib import Path
from typing import Iterable

import networkx as nx

from kg import gazetteer
from kg.analysis.style import OTHER_STATE, STYLE, layout_positions, state_colours
from kg.errors import KgError
from kg.graph.store import Store
from kg.graph.vocabulary import MDC, RDFS
from kg.output import ordinal, text

PROJECTIONS = ("persons", "countries", "events")
MODES = ("in_person", "call", "video")
EXPORT_FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".csv": "csv"}
METRIC_COLUMNS = ["label", "kind", "country", "degree", "weighted_degree", "betweenness",
                  "eigenvector", "community", "id"]
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'  # networkx's generators leave it out
BETWEENNESS_BUDGET = 1_500_000  # sources x (nodes + edges): past it, betweenness is sampled


class NetworkError(KgError):
    """A projection cannot be built as asked (unknown person or country, bad option, bad file)."""


# ---------------------------------------------------------------- records read from the store


@dataclass
class ArticleInfo:
    iri: str
    id: str
    title: str | None = None
    url: str | None = None
    date: str | None = None


@dataclass
class Event:
    """A meeting, delegation, forum or invitation, with what the projections need of it."""

    iri: str
    kind: str  # meeting | delegation | forum | invitation
    label: str
    date: str | None = None  # its own date, else the earliest reporting article's
    mode: str | None = None  # meetings: in_person | call | video
    parties: list[str] = field(default_factory=list)  # party IRIs (meetings: the sides)
    host: str | None = None
    persons: dict[str, str] = field(default_factory=dict)  # person IRI -> role
    links: list[str] = field(default_factory=list)  # other events it points to (forum invited to)
    topics: list[str] = field(default_factory=list)  # meetings: what was discussed
    articles: list[str] = field(default_factory=list)  # article IRIs that report it
    evidence: dict[str, list[str]] = field(default_factory=dict)  # article IRI -> its sentences


@dataclass
class Contacts:
    """Everything the projections read: entities by IRI, and the events between them."""

    persons: dict[str, dict] = field(default_factory=dict)
    parties: dict[str, dict] = field(default_factory=dict)  # countries and international bodies
    articles: dict[str, ArticleInfo] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)

    def of_kind(self, kind: str) -> list[Event]:
        return [event for event in self.events.values() if event.kind == kind]


_PREFIX = f"PREFIX mdc: <{MDC}>\nPREFIX rdfs: <{RDFS}>\n"

# One scan for everything the projections read: a row per (graph, subject, class, predicate,
# object), each pattern inside one graph, so the per-article copies never multiply.
# One query, not one per class: on disk each query costs a pass over the store.
_CLASSES = ("Article", "Person", "Meeting", "Delegation", "Forum", "Invitation", "Country",
            "Organization")
_PREDICATES = ("rdfs:label mdc:identifier mdc:title mdc:url mdc:date mdc:rank mdc:position "
               "mdc:country mdc:organization mdc:alias mdc:mode mdc:party mdc:host mdc:participant "
               "mdc:delegation mdc:leader mdc:member mdc:edition mdc:inviter mdc:invitee "
               "mdc:invitedTo mdc:code mdc:topic mdc:evidence")
_DESCRIBE = _PREFIX + f"""SELECT ?g ?s ?class ?p ?o WHERE {{
  GRAPH ?g {{ ?s a ?class ; ?p ?o . }}
  VALUES ?class {{ {" ".join("mdc:" + c for c in _CLASSES)} }}
  VALUES ?p {{ {_PREDICATES} }}
}}"""

Described = dict[str, dict[str, dict[str, list[str]]]]  # subject -> graph -> property -> values


def _describe_all(store: Store) -> dict[str, Described]:
    """class local name -> subject -> graph -> property local name -> values (in order, once)."""
    out: dict[str, Described] = {cls: {} for cls in _CLASSES}
    names: dict[str, str] = {}  # IRI -> local name, computed once per property or class
    for graph, subject, cls, predicate, value in store.query(_DESCRIBE):
        cls_name = names.get(cls.value) or names.setdefault(cls.value, cls.value.rsplit("#", 1)[-1])
        name = names.get(predicate.value)
        if name is None:
            iri = predicate.value
            name = names.setdefault(iri, "label" if iri.endswith("#label") else iri.rsplit("#", 1)[-1])
        values = out[cls_name].setdefault(subject.value, {}).setdefault(graph.value, {}).setdefault(name, [])
        if value.value not in values:
            values.append(value.value)
    return out


def load_contacts(store: Store) -> Contacts:
    """Read persons, parties, articles and events from the store (union of the article graphs)."""
    data = Contacts()
    described = _describe_all(store)
    for iri, graphs in described["Article"].items():
        fields = graphs.get(iri) or next(iter(graphs.values()))
        data.articles[iri] = ArticleInfo(iri, _first(fields, "identifier") or iri.rsplit("/", 1)[-1],
                                         _first(fields, "title"), _first(fields, "url"),
                                         _first(fields, "date"))

    def graph_order(graph: str) -> tuple:
        """Oldest article first, the curated entities graph last: later values win."""
        article = data.articles.get(graph)
        return (article is None, (article.date or "") if article else "", graph)

    def merged(graphs: dict[str, dict[str, list[str]]]) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        for graph in sorted(graphs, key=graph_order):
            for name, values in graphs[graph].items():
                result[name] = values
        return result

    for cls in ("Country", "Organization"):
        for iri, graphs in described[cls].items():
            fields = merged(graphs)
            code = _first(fields, "code")
            data.parties[iri] = {"label": _first(fields, "label") or code or _tail(iri),
                                 "code": code or _tail(iri),
                                 "kind": "country" if cls == "Country" else "organization",
                                 "is_party": bool(code)}
    for iri, graphs in described["Person"].items():
        fields = merged(graphs)
        aliases = sorted({a for g in graphs.values() for a in g.get("alias", [])})
        country = _first(fields, "country")
        data.persons[iri] = {"label": _first(fields, "label") or _tail(iri),
                             "rank": _first(fields, "rank"), "position": _first(fields, "position"),
                             "country_iri": country,
                             "organization_iri": _first(fields, "organization"),
                             "aliases": aliases, "articles": _articles(graphs, data)}
    for person in data.persons.values():
        party = data.parties.get(person.pop("country_iri") or "")
        person["country"] = party["code"] if party else None
        person["country_label"] = party["label"] if party else None
        organization = data.parties.get(person.pop("organization_iri") or "")
        person["organization"] = organization["label"] if organization else None

    def event(iri: str, kind: str, graphs) -> tuple[Event, dict[str, list[str]]]:
        fields = merged(graphs)
        articles = _articles(graphs, data)
        date = _first(fields, "date") or min((data.articles[a].date for a in articles
                                               if data.articles[a].date), default=None)
        evidence = {graph: graphs[graph]["evidence"] for graph in articles
                    if graphs[graph].get("evidence")}
        return Event(iri, kind, _first(fields, "label") or _tail(iri), date=date,
                     articles=articles, evidence=evidence), fields

    delegations = {}
    for iri, graphs in described["Delegation"].items():
        item, fields = event(iri, "delegation", graphs)
        leaders = _union(graphs, "leader")
        item.persons = {p: "leader" for p in leaders}
        item.persons.update({p: "member" for p in _union(graphs, "member") if p not in leaders})
        item.parties = _union(graphs, "country")
        data.events[iri] = delegations[iri] = item
    for iri, graphs in described["Meeting"].items():
        item, fields = event(iri, "meeting", graphs)
        item.mode = _first(fields, "mode") or "in_person"
        item.parties = _union(graphs, "party")
        item.host = _first(fields, "host")
        item.persons = {p: "participant" for p in _union(graphs, "participant")}
        item.links = _union(graphs, "delegation")
        item.topics = _union(graphs, "topic")
        for link in item.links:  # a delegation received took part through its leader and members
            for person, role in delegations.get(link, Event("", "", "")).persons.items():
                item.persons.setdefault(person, f"delegation {role}")
        data.events[iri] = item
    for iri, graphs in described["Forum"].items():
        item, fields = event(iri, "forum", graphs)
        edition = _first(fields, "edition")
        if edition and edition not in item.label:
            item.label = f"{item.label} ({ordinal(edition)})"
        data.events[iri] = item
    for iri, graphs in described["Invitation"].items():
        item, fields = event(iri, "invitation", graphs)
        item.persons = {p: "inviter" for p in _union(graphs, "inviter")}
        item.persons.update({p: "invitee" for p in _union(graphs, "invitee")})
        targets = _union(graphs, "invitedTo")
        item.links = [t for t in targets if t not in data.parties]
        item.parties = [t for t in targets if t in data.parties]
        names = [data.persons.get(p, {}).get("label", _tail(p)) for p in item.persons]
        target_names = [data.events[t].label if t in data.events else
                        data.parties.get(t, {}).get("label", _tail(t)) for t in targets]
        if item.label == _tail(iri):
            item.label = "Invitation: " + " to ".join(filter(None, [
                " invites ".join(names), ", ".join(target_names)]))
        data.events[iri] = item
    for invitation in data.of_kind("invitation"):  # a forum's invitees: its expected participants
        for link in invitation.links:
            forum = data.events.get(link)
            if forum is not None and forum.kind == "forum":
                for person, role in invitation.persons.items():
                    if role == "invitee":
                        forum.persons.setdefault(person, "invited")
    return data


def _first(fields: dict[str, list[str]], name: str) -> str | None:
    values = fields.get(name)
    return values[0] if values else None


def _union(graphs: dict[str, dict[str, list[str]]], name: str) -> list[str]:
    seen: dict[str, None] = {}
    for fields in graphs.values():
        for value in fields.get(name, []):
            seen[value] = None
    return list(seen)


def _articles(graphs: dict, data: Contacts) -> list[str]:
    return sorted((g for g in graphs if g in data.articles),
                  key=lambda g: (data.articles[g].date or "", g))


def _tail(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


# ---------------------------------------------------------------- filters


@dataclass(frozen=True)
class Filters:
    """Which contacts to keep: a date window (ISO, any precision), a country, a meeting mode."""

    since: str | None = None
    until: str | None = None
    country: str | None = None  # a code ("AZ", "NATO") or a name ("Azerbaijan")
    mode: str | None = None

    def is_empty(self) -> bool:
        return not (self.since or self.until or self.country or self.mode)


def _period(date: str) -> tuple[str, str]:
    """First and last day an ISO date of any precision can mean: "2024-09" -> 2024-09-01..2024-09-31."""
    parts = date.split("-")
    start = "-".join(parts + ["01"] * (3 - len(parts)))
    end = "-".join(parts + (["12", "31"] if len(parts) == 1 else ["31"] if len(parts) == 2 else []))
    return start, end


def _check_date(value: str | None, option: str) -> None:
    """An ISO date of any precision, or a NetworkError saying how to write one."""
    if value is None:
        return
    from datetime import date

    parts = value.split("-")
    try:
        if not (1 <= len(parts) <= 3 and len(parts[0]) == 4 and all(p.isdigit() for p in parts)):
            raise ValueError
        date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        raise NetworkError(f"{option} {value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD") from None


def filter_contacts(data: Contacts, filters: Filters) -> Contacts:
    """Keep only the events that fall in the window, involve the country and have the mode."""
    if filters.is_empty():
        return data
    _check_date(filters.since, "--since")
    _check_date(filters.until, "--until")
    if filters.mode and filters.mode not in MODES:
        raise NetworkError(f"--mode {filters.mode!r} is not one of {', '.join(MODES)}")
    codes = resolve_country(data, filters.country) if filters.country else None
    kept = {}
    for iri, event in data.events.items():
        if filters.since or filters.until:
            if not event.date:
                continue
            start, end = _period(event.date)
            if filters.since and end < _period(filters.since)[0]:
                continue
            if filters.until and start > _period(filters.until)[1]:
                continue
        if filters.mode and (event.mode or "in_person") != filters.mode:
            continue
        if codes is not None and not codes & _event_codes(data, event):
            continue
        kept[iri] = event
    return replace(data, events=kept)


def _event_codes(data: Contacts, event: Event) -> set[str]:
    codes = {data.parties[p]["code"] for p in event.parties if p in data.parties}
    if event.host in data.parties:
        codes.add(data.parties[event.host]["code"])
    codes |= {data.persons[p]["country"] for p in event.persons
              if p in data.persons and data.persons[p]["country"]}
    return codes


def resolve_country(data: Contacts, name: str) -> set[str]:
    """The party codes a user's ``--country`` means: a code or a name, any case."""
    wanted = name.strip().casefold()
    parties = [party for party in data.parties.values() if party["is_party"]]
    codes = {party["code"] for party in parties
             if wanted in (party["code"].casefold(), party["label"].casefold())}
    if codes:
        return codes
    code = gazetteer.code_for(name) if hasattr(gazetteer, "code_for") else None
    if code or gazetteer.country_name(name):
        return {code or name.strip().upper()}  # a real country with no contacts: an empty network
    known = sorted({p["code"] for p in parties})
    raise NetworkError(f"unknown country {name!r}: give an ISO code or a name"
                       + (f" (the store has {', '.join(known[:30])})" if known else ""))


# ---------------------------------------------------------------- projections


def _person_node(data: Contacts, iri: str) -> dict:
    person = data.persons.get(iri, {"label": _tail(iri)})
    return {"kind": "person", "label": person["label"], "aliases": person.get("aliases") or None,
            "rank": person.get("rank"),
            "position": person.get("position"), "country": person.get("country"),
            "country_label": person.get("country_label"),
            "organization": person.get("organization"), "iri": iri}


def _contact_record(data: Contacts, event: Event) -> dict:
    """What one edge remembers of one event: for tooltips, exports and filters (``countries``:
    the codes the event involves, as `filter_contacts` reads them)."""
    articles = [data.articles[a] for a in event.articles if a in data.articles]
    return {"event": event.iri, "label": event.label, "date": event.date, "mode": event.mode,
            "countries": sorted(_event_codes(data, event)),
            "articles": [{"id": a.id, "title": a.title, "url": a.url, "date": a.date,
                          "evidence": event.evidence.get(a.iri, [])} for a in articles]}


def _add_contact(graph: nx.Graph, a: str, b: str, record: dict) -> None:
    if graph.has_edge(a, b):
        graph[a][b]["contacts"].append(record)
    else:
        graph.add_edge(a, b, contacts=[record])


def _finish_edges(graph: nx.Graph, per_year: bool = False) -> nx.Graph:
    """Turn each edge's list of contacts into weight, dates, article ids (and weights per year)."""
    for _, _, attributes in graph.edges(data=True):
        contacts = sorted(attributes["contacts"], key=lambda c: (c["date"] or "", c["event"]))
        attributes["contacts"] = contacts
        attributes["weight"] = len(contacts)
        attributes["dates"] = [c["date"] for c in contacts if c["date"]]
        attributes["articles"] = sorted({a["id"] for c in contacts for a in c["articles"]})
        attributes["modes"] = sorted({c["mode"] for c in contacts if c["mode"]})
        if per_year:
            years: dict[str, int] = {}
            for contact in contacts:
                year = (contact["date"] or "undated")[:4]
                years[year] = years.get(year, 0) + 1
            attributes["years"] = dict(sorted(years.items()))
    return graph


def meeting_pairs(data: Contacts, event: Event) -> list[tuple[str, str]]:
    """The pairs of persons a meeting joins: those on different sides of it (their states differ),
    or its only two participants (the text says these two met, whatever their states).

    Only the persons named as the meeting's participants count: a delegation's members are not
    added to each meeting of the delegation, and two compatriots in one delegation never pair.
    `kg query who-met-whom` applies the same rule in SPARQL (kg/query/named/who-met-whom.rq).
    """
    people = sorted(p for p, role in event.persons.items() if role == "participant")
    if len(people) == 2:
        return [(people[0], people[1])]
    side = {p: data.persons.get(p, {}).get("country") for p in people}
    return [(a, b) for a, b in combinations(people, 2)
            if side[a] and side[b] and side[a] != side[b]]


def person_network(data: Contacts) -> nx.Graph:
    """Persons joined when they sat on different sides of a meeting (`meeting_pairs`); each edge
    keeps its meetings with their dates, articles and evidence; weight = number of meetings."""
    graph = nx.Graph(projection="persons")
    for event in sorted(data.of_kind("meeting"), key=lambda e: e.iri):
        for person, role in sorted(event.persons.items()):
            if role == "participant" and person not in graph:
                graph.add_node(person, **_person_node(data, person))
        pairs = meeting_pairs(data, event)
        record = _contact_record(data, event) if pairs else None
        for a, b in pairs:
            _add_contact(graph, a, b, record)
    return _finish_edges(graph)


def country_network(data: Contacts) -> nx.Graph:
    """Countries and international bodies joined by their meetings; weights in total and per year."""
    graph = nx.Graph(projection="countries")
    for event in sorted(data.of_kind("meeting"), key=lambda e: e.iri):
        parties = sorted(p for p in event.parties if p in data.parties)
        for party in parties:
            if party not in graph:
                info = data.parties[party]
                graph.add_node(party, kind=info["kind"], label=info["label"], country=info["code"],
                               country_label=info["label"], iri=party)
        record = _contact_record(data, event)
        for a, b in combinations(parties, 2):
            _add_contact(graph, a, b, record)
    return _finish_edges(graph, per_year=True)


def event_network(data: Contacts) -> nx.Graph:
    """Bipartite: persons on one side (bipartite=0), the events they took part in on the other (1)."""
    graph = nx.Graph(projection="events")
    for event in sorted(data.events.values(), key=lambda e: (e.kind, e.iri)):
        if event.kind == "forum" and not event.persons:
            continue  # a forum nobody in the graph attends or is invited to
        articles = [data.articles[a] for a in event.articles if a in data.articles]
        graph.add_node(event.iri, kind=event.kind, label=event.label, date=event.date,
                       mode=event.mode, bipartite=1, iri=event.iri, topics=event.topics or None,
                       country=", ".join(sorted(data.parties[p]["code"] for p in event.parties
                                                if p in data.parties)) or None,
                       articles=[{"id": a.id, "title": a.title, "url": a.url, "date": a.date}
                                 for a in articles])
        for person, role in sorted(event.persons.items()):
            if person not in graph:
                graph.add_node(person, bipartite=0, **_person_node(data, person))
            graph.add_edge(person, event.iri, role=role, weight=1,
                           contacts=[_contact_record(data, event)],
                           dates=[event.date] if event.date else [],
                           articles=[a.id for a in articles])
    return graph


def person_nodes_named(graph: nx.Graph, data: Contacts, name: str) -> list[str]:
    """Person nodes called ``name`` (label or alias, any case); an error naming near misses."""
    wanted = " ".join(name.split()).casefold()
    matches = [iri for iri, person in data.persons.items()
               if wanted == person["label"].casefold()
               or wanted in (alias.casefold() for alias in person.get("aliases", []))]
    if not matches:
        matches = [iri for iri, person in data.persons.items()
                   if wanted in person["label"].casefold()]
    if matches:
        return matches
    labels = sorted({p["label"] for p in data.persons.values()})
    close = difflib.get_close_matches(name, labels, n=3, cutoff=0.6)
    raise NetworkError(f"no person named {name!r} in the store"
                       + (f"; did you mean {', '.join(map(repr, close))}?" if close else ""))


def ego_network(graph: nx.Graph, centres: Iterable[str], hops: int = 1) -> nx.Graph:
    """The nodes within ``hops`` steps of any of the centres, with the edges among them."""
    if hops < 0:
        raise NetworkError("--hops must be 0 or more")
    keep: set[str] = set()
    for centre in centres:
        if centre in graph:
            keep |= set(nx.single_source_shortest_path_length(graph, centre, cutoff=hops))
    ego = graph.subgraph(keep).copy()
    ego.graph["centres"] = [c for c in centres if c in graph]
    return ego


def build_network(store_or_data, projection: str = "persons", since: str | None = None,
                  until: str | None = None, country: str | None = None, mode: str | None = None,
                  person: str | None = None, hops: int | None = None,
                  metrics: bool = True) -> nx.Graph:
    """One projection of the store (or of loaded `Contacts`), filtered, as a networkx graph.

    ``person`` centres an ego network on that person, ``hops`` steps out (1 by default).
    ``country`` keeps the contacts involving that country; with ``hops`` it instead centres an
    ego network on the country's node (countries) or its officials (persons, events).
    With ``metrics`` the nodes carry degree, weighted_degree, betweenness, eigenvector, community.
    """
    if projection not in PROJECTIONS:
        raise NetworkError(f"unknown projection {projection!r}: use one of {', '.join(PROJECTIONS)}")
    if hops is not None and not (person or country):
        raise NetworkError("--hops needs a centre: give --person NAME or --country CODE")
    data = store_or_data if isinstance(store_or_data, Contacts) else load_contacts(store_or_data)
    ego_on_country = bool(country) and hops is not None and not person
    filters = Filters(since, until, None if ego_on_country else country, mode)
    graph = {"persons": person_network, "countries": country_network,
             "events": event_network}[projection](filter_contacts(data, filters))
    centres: list[str] = []
    if person:
        centres = person_nodes_named(graph, data, person)
    elif ego_on_country:
        codes = resolve_country(data, country)
        centres = [n for n, a in graph.nodes(data=True) if a.get("country") in codes
                   and (projection == "countries" or a.get("kind") == "person")]
    if person or ego_on_country:
        graph = ego_network(graph, centres, 1 if hops is None else hops)
        for centre in graph.graph["centres"]:
            graph.nodes[centre]["centre"] = True
    graph.graph.update(projection=projection, since=since, until=until, country=country, mode=mode,
                       person=person, hops=hops)
    if metrics:
        add_metrics(graph)
    return graph


# ---------------------------------------------------------------- metrics


def add_metrics(graph: nx.Graph, seed: int = 42) -> nx.Graph:
    """Degree, weighted degree, betweenness, eigenvector centrality and Louvain community, on nodes.

    Betweenness is exact while nodes x (nodes + edges) stays within BETWEENNESS_BUDGET (about
    700 sparse nodes), and estimated from as many sampled sources as the budget allows above it
    (networkx's ``k``, at least 32): an estimate that ranks the big brokers, in seconds.
    """
    n = graph.number_of_nodes()
    if n == 0:
        return graph
    degree = dict(graph.degree())
    weighted = dict(graph.degree(weight="weight"))
    size = n + graph.number_of_edges()
    k = None if n * size <= BETWEENNESS_BUDGET else min(n, max(32, BETWEENNESS_BUDGET // size))
    betweenness = nx.betweenness_centrality(graph, k=k, seed=seed)
    eigenvector = _eigenvector(graph)
    communities = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    community_of = {}
    for index, members in enumerate(sorted(communities, key=lambda c: (-len(c), min(c)))):
        for node in members:
            community_of[node] = index
    for node, attributes in graph.nodes(data=True):
        attributes["degree"] = degree[node]
        attributes["weighted_degree"] = weighted[node]
        attributes["betweenness"] = round(betweenness[node], 6)
        attributes["eigenvector"] = round(eigenvector.get(node, 0.0), 6)
        attributes["community"] = community_of[node]
    return graph


def _eigenvector(graph: nx.Graph) -> dict:
    """Eigenvector centrality (weighted, unit norm) per connected component, scaled by the
    component's share of the nodes: the measure is undefined across components, and an isolated
    node scores 0. The principal eigenvector comes from numpy/scipy: seconds at 10,000 nodes,
    where networkx's power iteration takes a quarter of a minute."""
    import numpy as np

    scores: dict = {}
    n = graph.number_of_nodes()
    for component in nx.connected_components(graph):
        nodes = list(component)
        if len(nodes) < 2:
            scores.update(dict.fromkeys(nodes, 0.0))
            continue
        matrix = nx.to_scipy_sparse_array(graph, nodelist=nodes, weight="weight", dtype=float)
        if len(nodes) <= 300:
            vector = np.linalg.eigh(matrix.toarray())[1][:, -1]
        else:
            from scipy.sparse.linalg import eigsh

            vector = eigsh(matrix, k=1, which="LA")[1][:, 0]
        vector = np.abs(vector) / (np.linalg.norm(vector) or 1.0)
        share = len(nodes) / n
        scores.update({node: float(value) * share for node, value in zip(nodes, vector)})
    return scores


def metric_rows(graph: nx.Graph, limit: int | None = None, by: str = "weighted_degree") -> list[list]:
    """Rows for `kg.output.render(METRIC_COLUMNS, rows, fmt)`: the busiest nodes first (or the
    highest ``by``: "betweenness" lists the brokers), numbers as numbers (a DataFrame of them
    sorts 28 above 9)."""
    if by not in ("weighted_degree", "degree", "betweenness", "eigenvector"):
        raise NetworkError(f"cannot rank nodes by {by!r}: use weighted_degree, degree, "
                           "betweenness or eigenvector")
    if graph.number_of_nodes() and "degree" not in next(iter(graph.nodes.values())):
        add_metrics(graph)
    nodes = sorted(graph.nodes(data=True),
                   key=lambda item: (-item[1][by], -item[1]["weighted_degree"],
                                     -item[1]["betweenness"], item[1]["label"]))
    rows = []
    for node, a in nodes[:limit]:
        rows.append([a["label"], a["kind"], a.get("country"), int(a["degree"]),
                     _count(a["weighted_degree"]), float(a["betweenness"]),
                     float(a["eigenvector"]), int(a["community"]), node])
    return rows


def edge_rows(graph: nx.Graph) -> list[list]:
    """One row per edge: labels, weight, dates, article ids, meetings per year (countries) or
    role (events), then the node ids (the CSV edge list, the table and the JSON)."""
    rows = []
    for a, b, attributes in sorted(graph.edges(data=True),
                                   key=lambda e: (-e[2].get("weight", 1), e[0], e[1])):
        rows.append([graph.nodes[a]["label"], graph.nodes[b]["label"],
                     _count(attributes.get("weight", 1)), list(attributes.get("dates", [])),
                     list(attributes.get("articles", [])),
                     dict(attributes.get("years", {})) or attributes.get("role") or None, a, b])
    return rows


def contacts_per_month(graph: nx.Graph, node=None, other=None) -> list[tuple[str, int]]:
    """(month, contacts) from the first month to the last, each contact counted once, as the
    page's timeline counts them: all the graph's contacts, one node's (a person, a state), or
    those of one edge (``node`` and ``other``: a pair of officials or of states). A date known
    only to the year counts in its January.

    >>> contacts_per_month(build_network(store, "countries"), COUNTRY + "AZ")   # doctest: +SKIP
    [('2022-05', 1), ('2022-06', 0), ...]
    """
    if node is not None and node not in graph:
        raise NetworkError(f"{node} is not a node of this network")
    if other is not None:
        edges = [(node, other, graph[node][other])] if graph.has_edge(node, other) else []
    elif node is not None:
        edges = [(node, n, graph[node][n]) for n in graph[node]]
    else:
        edges = graph.edges(data=True)
    months: dict[str, set] = {}
    for _, _, attributes in edges:
        for contact in attributes.get("contacts") or []:
            if contact.get("date"):
                parts = contact["date"].split("-")
                month = f"{parts[0]}-{parts[1] if len(parts) > 1 else '01'}"
                months.setdefault(month, set()).add(contact["event"])
    if not months:
        return []
    first, last = min(months), max(months)
    rows = []
    year, month = int(first[:4]), int(first[5:])
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        rows.append((key, len(months.get(key, ()))))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return rows


def country_matrix(graph: nx.Graph) -> dict[str, dict[str, int]]:
    """Meetings between each pair of states (or bodies) of a countries projection, by code:
    ``matrix["AZ"]["TR"]`` (symmetric; the busiest states first). `pandas.DataFrame(matrix)`
    makes it a table."""
    if graph.graph.get("projection") != "countries":
        raise NetworkError("country_matrix needs the countries projection: "
                           "build_network(store, 'countries')")
    code = {node: attributes.get("country") or _tail(node) for node, attributes in graph.nodes(data=True)}
    order = sorted(graph.nodes, key=lambda n: (-graph.degree(n, weight="weight"), code[n]))
    return {code[a]: {code[b]: int(graph[a][b]["weight"]) if graph.has_edge(a, b) else 0
                      for b in order} for a in order}


EDGE_COLUMNS = ["source_label", "target_label", "weight", "dates", "articles", "years_or_role",
                "source", "target"]


def _count(value):
    """An integer when the value is whole (weights are counts), else the float."""
    return int(value) if float(value).is_integer() else float(value)


# ---------------------------------------------------------------- exports


def exportable(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes GraphML and GEXF can hold: scalars only, lists joined with "; ",
    per-year weights as ``weight_YYYY`` columns, no empty values; Gephi colours and sizes in
    GEXF's ``viz`` come from `kg.analysis.style.STYLE`."""
    out = nx.Graph()
    out.graph.update({k: v for k, v in graph.graph.items()
                      if isinstance(v, (str, int, float)) and not isinstance(v, bool)})
    for node, attributes in graph.nodes(data=True):
        out.add_node(node, **_scalars(attributes))
    for a, b, attributes in graph.edges(data=True):
        scalars = _scalars(attributes)
        for year, count in attributes.get("years", {}).items():
            scalars[f"weight_{year}"] = count
        if "contacts" in attributes:
            scalars["titles"] = "; ".join(sorted({art["title"] or art["id"]
                                                  for c in attributes["contacts"]
                                                  for art in c["articles"]}))
        out.add_edge(a, b, **scalars)
    return out


def _scalars(attributes: dict) -> dict:
    result = {}
    for key, value in attributes.items():
        if value is None or key == "contacts":
            continue
        if isinstance(value, bool):
            result[key] = str(value).lower()
        elif isinstance(value, (list, tuple)):
            items = [v["id"] if isinstance(v, dict) else str(v) for v in value]
            if items:
                result[key] = "; ".join(items)
        elif isinstance(value, dict):
            if value:
                result[key] = "; ".join(f"{k}:{v}" for k, v in value.items())
        elif isinstance(value, float) and not math.isfinite(value):
            continue
        else:
            result[key] = value
    return result


def generate_graphml(graph: nx.Graph) -> str:
    """GraphML text (opens in Gephi, yEd, Cytoscape)."""
    return XML_DECLARATION + "\n".join(nx.generate_graphml(exportable(graph))) + "\n"


def generate_gexf(graph: nx.Graph, positions: dict | None = None) -> str:
    """GEXF text for Gephi in dynamic mode: each edge's contacts as time intervals (spells, so
    Gephi's timeline plays the contacts), each node from its first contact on; colours by state
    (by class on the events projection) as on the page, size by degree, the page's layout."""
    out = exportable(graph)
    by_state = graph.graph.get("projection") != "events"
    colours = state_colours(graph) if by_state else {}
    positions = layout_positions(graph) if positions is None else positions
    first: dict = {}
    for a, b, attributes in graph.edges(data=True):
        spells = sorted({_interval(c["date"]) for c in attributes.get("contacts") or [] if c.get("date")})
        if spells:
            out[a][b]["spells"] = spells
            for node in (a, b):
                first[node] = min(first.get(node, spells[0][0]), spells[0][0])
    for node, attributes in out.nodes(data=True):
        code = str(attributes.get("country") or "").split(",")[0].strip()
        if by_state:
            colour = colours.get(code, OTHER_STATE)
        else:
            colour = STYLE.get(attributes.get("kind"), STYLE["person"])["color"]
        red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        x, y = positions.get(node, (0.0, 0.0))
        attributes["viz"] = {"color": {"r": red, "g": green, "b": blue, "a": 1.0},
                             "size": 5.0 + 2.0 * math.sqrt(attributes.get("degree", 0)),
                             "position": {"x": float(x), "y": float(-y), "z": 0.0}}
        if node in first:
            attributes["start"] = first[node]
    if first:
        out.graph["mode"] = "dynamic"
    return XML_DECLARATION + "\n".join(nx.generate_gexf(out)) + "\n"


def _interval(date: str) -> tuple[str, str]:
    """The days an ISO date of any precision covers: "2024-02" -> ("2024-02-01", "2024-02-29")."""
    import calendar

    parts = date.split("-")
    if len(parts) == 3:
        return date, date
    year = int(parts[0])
    if len(parts) == 2:
        month = int(parts[1])
        return f"{date}-01", f"{date}-{calendar.monthrange(year, month)[1]:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def generate_edge_csv(graph: nx.Graph) -> str:
    """The edge list as CSV: source, target, their labels, weight, dates, article ids, years."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(EDGE_COLUMNS)
    writer.writerows([[text(value) for value in row] for row in edge_rows(graph)])
    return buffer.getvalue()


def network_text(graph: nx.Graph, fmt: str) -> str:
    """The network as GraphML, GEXF or CSV text."""
    if fmt not in EXPORT_FORMATS.values():
        raise NetworkError(f"unknown network format {fmt!r}: use graphml, gexf or csv")
    return {"graphml": generate_graphml, "gexf": generate_gexf, "csv": generate_edge_csv}[fmt](graph)


def write_graph(graph: nx.Graph, path: str | Path, fmt: str | None = None) -> str:
    """Write GraphML, GEXF or a CSV edge list, chosen by ``fmt`` or the file's suffix; UTF-8
    (the CSV with a byte order mark, for Excel)."""
    path = Path(path)
    fmt = fmt or EXPORT_FORMATS.get(path.suffix.lower())
    if fmt not in EXPORT_FORMATS.values():
        raise NetworkError(f"cannot tell the format of {path}: name it .graphml, .gexf or .csv")
    text = network_text(graph, fmt)
    try:  # a CSV file starts with a byte order mark: Excel then reads it as UTF-8 (accents intact)
        path.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
    except OSError as error:
        raise NetworkError(f"cannot write {path}: {error.strerror or error}") from None
    return fmt


def summary(graph: nx.Graph) -> str:
    """"persons network: 12 nodes, 30 edges" with the filters that made it."""
    g = graph.graph
    conditions = [f"{name} {g[name]}" for name in ("since", "until", "country", "mode", "person")
                  if g.get(name)]
    if g.get("hops") is not None and (g.get("person") or g.get("country")):
        conditions.append(f"hops {g['hops']}")
    return (f"{g.get('projection', 'persons')} network: {graph.number_of_nodes()} nodes, "
            f"{graph.number_of_edges()} edges" + (f" ({', '.join(conditions)})" if conditions else ""))


def to_json(graph: nx.Graph) -> str:
    """Node-link JSON (networkx's format) with every attribute, for other tools."""
    return json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False, indent=1)
