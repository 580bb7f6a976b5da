"""Curation: an analyst corrects the machine with a YAML file (`kg curate FILE`).

Each item of the file is one decision, with a ``note`` saying why or where from:

- ``merge``: ``{into: person/zakir-hasanov, entities: [person/z-hasanov]}``: one entity;
- ``split``: ``{entity: person/ali-hasanov, articles: [D07], name: Ali Hasanov, country: TR}``:
  the mentions of these articles become another entity;
- ``set``: ``{entity: person/yao-qin, rank: Major General, country: CN}``: an attribute fixed
  (label, rank, position, country, organization); the articles' values give way to it;
- ``add_contact``: ``{date, parties, participants, mode, location, topics}``: a meeting the
  articles do not report; the ``note`` (its source) is required;
- ``reject``: ``{entity: meeting/...}`` drops a fact (every triple about it and every link to it),
  ``{subject, property, value}`` one statement.

Curations are stored in their own named graph (`kg.graph.mapping.CURATION_GRAPH`), each as a node with the
decision (JSON) and readable triples, and are applied every time an article is mapped, so they
survive re-ingestion. A file is validated as a whole before anything is stored: an unknown
entity, an unknown key or a missing field is an error naming the item, and nothing is applied.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pyoxigraph import Literal, NamedNode, Quad

from kg import gazetteer
from kg.errors import KgError
from kg.graph.mapping import date_literal, party_iri, place_iri, short_hash
from kg.graph.mapping import organization_iri
from kg.graph.resolution import PersonOverrides, normalize_code, person_slug
from kg.graph.vocabulary import ARTICLE_NS, CURATION_GRAPH, ID, RDFS_LABEL, RDF_TYPE, article_id_of, article_iri, mdc
from kg.model import Place

if TYPE_CHECKING:  # annotations only: persistence reads the curations from here
    from kg.graph.persistence import Resolution
    from kg.graph.store import Store

ATTRIBUTES = ("label", "rank", "position", "country", "organization")
ACTIONS = ("merge", "split", "set", "add_contact", "reject")
CURATION_NS = ID + "curation/"
CURATION_SPEC = mdc("curationSpec")
CURATION_NOTE = mdc("curationNote")
ATTRIBUTE_PREDICATES = {"label": RDFS_LABEL, "rank": mdc("rank"), "position": mdc("position"),
                        "country": mdc("country"), "organization": mdc("organization")}


class CurationError(KgError):
    """A curation file that cannot be applied: every problem is listed, nothing is stored."""


def entity_iri(reference: str) -> str:
    """``person/zakir-hasanov`` or a full IRI -> the full IRI."""
    reference = str(reference).strip()
    if reference.startswith(("http://", "https://")):
        return reference
    return ID + reference.lstrip("/")


# ------------------------------------------------------------------ the state applied at mapping


@dataclass
class CurationState:
    """Every stored curation, in the form the mapping applies."""

    persons: PersonOverrides = field(default_factory=PersonOverrides)
    substitutions: dict[str, str] = field(default_factory=dict)  # non-person merges: IRI -> IRI
    rejected_nodes: set[str] = field(default_factory=set)
    rejected_statements: set[tuple[str, str, str | None]] = field(default_factory=set)
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)  # IRI -> attribute -> value
    specs: list[dict] = field(default_factory=list)

    @classmethod
    def load(cls, store: Store) -> "CurationState":
        query = f"SELECT ?c ?s WHERE {{ GRAPH {CURATION_GRAPH} {{ ?c {CURATION_SPEC} ?s }} }} ORDER BY ?c"
        specs = [json.loads(row["s"].value) for row in store.query(query)]
        return cls.from_specs(specs)

    @classmethod
    def from_specs(cls, specs: list[dict]) -> "CurationState":
        state = cls(specs=specs)
        for spec in specs:
            action, body = spec["action"], spec["body"]
            if action == "merge":
                target = entity_iri(body["into"])
                for source in body["entities"]:
                    source = entity_iri(source)
                    if "/id/person/" in source:
                        state.persons.merges[source] = target
                    else:
                        state.substitutions[source] = target
            elif action == "split":
                new_iri = entity_iri(body.get("iri") or "person/" + person_slug(body["name"]))
                state.persons.splits.append((entity_iri(body["entity"]), frozenset(map(str, body["articles"])),
                                             new_iri, body["name"], normalize_code(body.get("country"))))
                state.attributes.setdefault(new_iri, {})["label"] = body["name"]
            elif action == "set":
                values = state.attributes.setdefault(entity_iri(body["entity"]), {})
                for name in ATTRIBUTES:
                    if name in body:
                        values[name] = normalize_code(body[name]) if name == "country" else str(body[name])
            elif action == "reject":
                if "entity" in body:
                    state.rejected_nodes.add(entity_iri(body["entity"]))
                else:
                    predicate = _predicate(body["property"])
                    state.rejected_statements.add((entity_iri(body["subject"]), predicate.value,
                                                   str(body["value"]) if "value" in body else None))
        return state

    def __bool__(self) -> bool:
        return bool(self.specs)

    def apply(self, quads: list[Quad]) -> list[Quad]:
        """An article's quads with the curations applied: substitutions, rejections, fixed values."""
        if not self.specs:
            return quads
        out = []
        fixed = {(iri, ATTRIBUTE_PREDICATES[name].value)
                 for iri, values in self.attributes.items() for name in values}
        for quad in quads:
            subject, obj = quad.subject, quad.object
            if isinstance(subject, NamedNode) and subject.value in self.substitutions:
                subject = NamedNode(self.substitutions[subject.value])
            if isinstance(obj, NamedNode) and obj.value in self.substitutions:
                obj = NamedNode(self.substitutions[obj.value])
            if subject.value in self.rejected_nodes or (isinstance(obj, NamedNode) and obj.value in self.rejected_nodes):
                continue
            if (subject.value, quad.predicate.value, None) in self.rejected_statements \
                    or (subject.value, quad.predicate.value, obj.value) in self.rejected_statements:
                continue
            if (subject.value, quad.predicate.value) in fixed and quad.predicate != RDFS_LABEL:
                continue  # the curated value (in the curation graph) replaces the article's
            out.append(Quad(subject, quad.predicate, obj, quad.graph_name))
        return out


def _predicate(name: str) -> NamedNode:
    name = str(name).strip()
    if name in ("label", "rdfs:label"):
        return RDFS_LABEL
    if name in ("type", "a", "rdf:type"):
        return RDF_TYPE
    if name.startswith(("http://", "https://")):
        return NamedNode(name)
    return mdc(name.removeprefix("mdc:"))


# ------------------------------------------------------------------ reading and validating a file


_FIELDS = {
    "merge": ({"into", "entities"}, set()),
    "split": ({"entity", "articles", "name"}, {"country", "iri"}),
    "set": ({"entity"}, set(ATTRIBUTES)),
    "add_contact": ({"parties"}, {"date", "participants", "mode", "location", "topics", "host"}),
    "reject": (set(), {"entity", "subject", "property", "value"}),
}


def read_curations(path: str | Path) -> list[dict]:
    """Parse a YAML curation file into specs ``{"action", "body", "note", "where"}`` (not yet validated
    against a store)."""
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CurationError(f"{path}: cannot read: {error.strerror}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise CurationError(f"{path}: not valid YAML{where}: {getattr(error, 'problem', error)}") from None
    if isinstance(data, dict) and "curations" in data:
        data = data["curations"]
    if not isinstance(data, list):
        raise CurationError(f"{path}: expected a list of curations (see README, 'Curation')")
    specs, errors = [], []
    for number, item in enumerate(data, start=1):
        where = f"{path} item {number}"
        if not isinstance(item, dict):
            errors.append(f"{where}: expected a mapping like 'merge: {{...}}', got {type(item).__name__}")
            continue
        actions = [key for key in item if key in ACTIONS]
        unknown = [key for key in item if key not in ACTIONS and key != "note"]
        if len(actions) != 1 or unknown:
            errors.append(f"{where}: needs exactly one of {', '.join(ACTIONS)} (and an optional note)"
                          + (f"; unknown key(s): {', '.join(map(str, unknown))}" if unknown else ""))
            continue
        action = actions[0]
        body = item[action]
        if not isinstance(body, dict):
            errors.append(f"{where} ({action}): expected a mapping of fields")
            continue
        body = {str(k): _yaml_value_as_text(v) for k, v in body.items()}
        required, optional = _FIELDS[action]
        missing = required - body.keys()
        extra = body.keys() - required - optional
        if missing:
            errors.append(f"{where} ({action}): missing field(s): {', '.join(sorted(missing))}")
        if extra:
            errors.append(f"{where} ({action}): unknown field(s): {', '.join(sorted(extra))}")
        note = item.get("note")
        if action == "add_contact" and not note:
            errors.append(f"{where} (add_contact): a 'note' with the source is required")
        if action == "reject" and not ("entity" in body) ^ ("subject" in body and "property" in body):
            errors.append(f"{where} (reject): give either 'entity', or 'subject' and 'property' (and 'value')")
        if action == "set" and not (body.keys() & set(ATTRIBUTES)):
            errors.append(f"{where} (set): give at least one of {', '.join(ATTRIBUTES)}")
        if action == "merge" and not isinstance(body.get("entities", []), list):
            body["entities"] = [body["entities"]]
        if action == "split" and not isinstance(body.get("articles", []), list):
            body["articles"] = [body["articles"]]
        specs.append({"action": action, "body": body, "note": str(note) if note else None, "where": where})
    if errors:
        raise CurationError("\n".join(errors))
    return specs


def _yaml_value_as_text(value):
    """YAML dates and numbers as the strings the graph uses."""
    if isinstance(value, list):
        return [_yaml_value_as_text(v) for v in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _exists(store: Store, iri: str) -> bool:
    node = NamedNode(iri)
    return bool(store.query(f"ASK {{ GRAPH ?g {{ {{ {node} ?p ?o }} UNION {{ ?s ?p {node} }} }} }}"))


def check_curations(store: Store, specs: list[dict], resolution: Resolution | None = None) -> None:
    """Every entity a curation names must be in the store; raises CurationError listing all problems."""
    errors = []

    def need(iri_ref, where, what="entity"):
        iri = entity_iri(iri_ref)
        if not _exists(store, iri):
            errors.append(f"{where}: unknown {what} {iri_ref} (no such IRI in the store; "
                          "`kg entities --person NAME` shows persons' IRIs)")
        return iri

    for spec in specs:
        action, body, where = spec["action"], spec["body"], spec["where"] + f" ({spec['action']})"
        if action == "merge":
            need(body["into"], where)
            for source in body["entities"]:
                if entity_iri(source) == entity_iri(body["into"]):
                    errors.append(f"{where}: {source} is merged into itself")
                need(source, where)
        elif action == "split":
            iri = need(body["entity"], where)
            if resolution is not None:
                mentioned = {m.article for m in resolution.members_of(iri)}
                for article in body["articles"]:
                    graph = article_iri(str(article))
                    if not bool(store.query(f"ASK {{ GRAPH {graph} {{ {graph} ?p ?o }} }}")):
                        errors.append(f"{where}: unknown article {article}")
                    elif str(article) not in mentioned:
                        errors.append(f"{where}: article {article} does not mention {body['entity']}")
        elif action == "set":
            need(body["entity"], where)
            if "country" in body and not _known_code(body["country"]):
                errors.append(f"{where}: unknown country or body code {body['country']!r}")
        elif action == "reject":
            need(body.get("entity") or body["subject"], where)
        elif action == "add_contact":
            for code in body["parties"]:
                if not _known_code(code):
                    errors.append(f"{where}: unknown country or body code {code!r}")
            for person in body.get("participants", []):
                need(person, where, "person")
            if body.get("date"):
                try:
                    date_literal(str(body["date"]))
                except ValueError:
                    errors.append(f"{where}: date {body['date']!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
            if body.get("mode", "in_person") not in ("in_person", "call", "video"):
                errors.append(f"{where}: mode must be in_person, call or video")
    if errors:
        raise CurationError("\n".join(errors))


def _known_code(code) -> bool:
    code = normalize_code(str(code))
    return bool(gazetteer.country_name(code))


# ------------------------------------------------------------------ storing and applying


def curation_iri(spec: dict) -> NamedNode:
    canonical = json.dumps({"action": spec["action"], "body": spec["body"], "note": spec["note"]},
                           sort_keys=True, ensure_ascii=False)
    return NamedNode(CURATION_NS + spec["action"].replace("_", "-") + "-"
                     + hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:12])


def curation_quads(spec: dict) -> list[Quad]:
    """The curation node (decision as JSON, note, readable links) and what it asserts."""
    node = curation_iri(spec)
    action, body = spec["action"], spec["body"]
    quads = []

    def add(s, p, o):
        quads.append(Quad(s, p, o, CURATION_GRAPH))

    stored = {"action": action, "body": body, "note": spec["note"]}
    add(node, RDF_TYPE, mdc("Curation"))
    add(node, mdc("action"), Literal(action))
    add(node, CURATION_SPEC, Literal(json.dumps(stored, sort_keys=True, ensure_ascii=False)))
    if spec["note"]:
        add(node, CURATION_NOTE, Literal(spec["note"]))
    if action == "merge":
        for source in body["entities"]:
            add(node, mdc("curatedEntity"), NamedNode(entity_iri(source)))
        add(node, mdc("mergedInto"), NamedNode(entity_iri(body["into"])))
    elif action in ("split", "set"):
        add(node, mdc("curatedEntity"), NamedNode(entity_iri(body["entity"])))
    elif action == "reject":
        add(node, mdc("curatedEntity"), NamedNode(entity_iri(body.get("entity") or body["subject"])))
    if action == "set":
        entity = NamedNode(entity_iri(body["entity"]))
        for name in ATTRIBUTES:
            if name in body:
                value = body[name]
                obj = (party_iri(normalize_code(value)) if name == "country"
                       else _organization(value) if name == "organization" else Literal(str(value)))
                add(entity, ATTRIBUTE_PREDICATES[name], obj)
    if action == "add_contact":
        quads.extend(_contact_quads(node, spec))
    return quads


def _organization(name: str) -> NamedNode:
    return organization_iri(name)


def _contact_quads(curation: NamedNode, spec: dict) -> list[Quad]:
    body = spec["body"]
    parties = sorted(normalize_code(str(c)) for c in body["parties"])
    participants = [NamedNode(entity_iri(p)) for p in body.get("participants", [])]
    date = str(body["date"]) if body.get("date") else None
    mode = body.get("mode", "in_person")
    meeting = NamedNode(f"{ID}meeting/{date or 'undated'}-{'-'.join(parties).lower()}-curated-"
                        f"{short_hash(*sorted(p.value for p in participants), mode)}")
    quads = []

    def add(s, p, o):
        quads.append(Quad(s, p, o, CURATION_GRAPH))

    add(meeting, RDF_TYPE, mdc("Meeting"))
    add(meeting, RDFS_LABEL, Literal(f"Meeting added by curation: {', '.join(parties)}" + (f", {date}" if date else "")))
    add(meeting, mdc("mode"), Literal(mode))
    add(meeting, CURATION_NOTE, Literal(spec["note"]))
    add(meeting, mdc("evidence"), Literal(f"Added by an analyst; source: {spec['note']}"))
    add(meeting, mdc("curatedBy"), curation)
    if date:
        add(meeting, mdc("date"), date_literal(date))
    for code in parties:
        party = party_iri(code)
        add(meeting, mdc("party"), party)
        body_code = gazetteer.is_international_body(code)
        add(party, RDF_TYPE, mdc("Organization" if body_code else "Country"))
        add(party, mdc("code"), Literal(code))
        add(party, RDFS_LABEL, Literal(gazetteer.country_name(code) or code))
    if body.get("host"):
        add(meeting, mdc("host"), party_iri(normalize_code(str(body["host"]))))
    for person in participants:
        add(meeting, mdc("participant"), person)
    if body.get("location"):
        place = place_iri(Place(str(body["location"])))
        add(meeting, mdc("location"), place)
        add(place, RDF_TYPE, mdc("Place"))
        add(place, RDFS_LABEL, Literal(str(body["location"])))
    for topic in body.get("topics", []) or []:
        add(meeting, mdc("topic"), Literal(str(topic)))
    return quads


@dataclass
class CurationReport:
    applied: int = 0
    already: int = 0
    remapped: int = 0

    def summary(self) -> str:
        return (f"applied {self.applied} curations ({self.already} already stored); "
                f"{self.remapped} articles re-mapped")


def involved_entities(spec: dict) -> set[str]:
    """The entities a curation names."""
    body = spec["body"]
    refs = []
    for key in ("into", "entity", "subject"):
        if key in body:
            refs.append(body[key])
    refs += body.get("entities", []) if spec["action"] == "merge" else []
    return {entity_iri(r) for r in refs}


def stored_curations(store: Store) -> set[str]:
    """The IRIs of the curations the store holds: applying one of them again changes nothing."""
    return {row["c"].value for row in store.query(
        f"SELECT ?c WHERE {{ GRAPH {CURATION_GRAPH} {{ ?c a {mdc('Curation')} }} }}")}


def articles_naming(store: Store, entities: set[str], resolution: Resolution) -> set[str]:
    """The articles a curation of these entities touches: those whose mentions resolve to them,
    and those whose graphs name them."""
    articles: set[str] = set()
    for iri in entities:
        articles.update(m.article for m in resolution.members_of(iri))
        rows = store.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {{ {NamedNode(iri)} ?p ?o }} "
                           f"UNION {{ ?s ?p {NamedNode(iri)} }} }} }}")
        articles.update(article_id_of(row["g"]) for row in rows if row["g"].value.startswith(ARTICLE_NS))
    return articles


def superseded(spec: dict, earlier: list[dict]) -> list[tuple[NamedNode, NamedNode, NamedNode | None]]:
    """(graph, subject, predicate or None) to delete before storing ``spec``: a later value for
    the same attribute replaces the earlier curation and its value."""
    deletions: list[tuple[NamedNode, NamedNode, NamedNode | None]] = []
    if spec["action"] != "set":
        return deletions
    entity = entity_iri(spec["body"]["entity"])
    for old in earlier:
        if old["action"] == "set" and entity_iri(old["body"]["entity"]) == entity \
                and set(old["body"]) - {"entity"} <= set(spec["body"]) - {"entity"}:
            deletions.append((CURATION_GRAPH, curation_iri({**old, "note": old.get("note")}), None))
            for name in set(old["body"]) - {"entity"}:
                deletions.append((CURATION_GRAPH, NamedNode(entity), ATTRIBUTE_PREDICATES[name]))
    return deletions


def curation_counts(store: Store) -> dict[str, int]:
    """How many curations of each kind the store holds (for `kg stats`)."""
    counts = {action: 0 for action in ACTIONS}
    query = (f"SELECT ?a (COUNT(DISTINCT ?c) AS ?n) WHERE {{ GRAPH {CURATION_GRAPH} "
             f"{{ ?c a {mdc('Curation')} ; {mdc('action')} ?a }} }} GROUP BY ?a")
    for row in store.query(query):
        counts[row["a"].value] = int(row["n"].value)
    return counts
