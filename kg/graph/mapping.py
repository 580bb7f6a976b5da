"""Mapping an `Extraction` to RDF quads under the ontology, in the article's own named graph.

Instance IRIs are stable and readable, derived from the entity (`.../id/person/zakir-hasanov`,
`.../id/country/AZ`), so the same person read from two articles is one node, and re-ingesting an
article reproduces the same quads. Pure functions: no store, no I/O.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Callable, Iterable, Iterator
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad

from kg import gazetteer
from kg.graph.vocabulary import ID, RDF_TYPE, RDFS_LABEL, XSD, article_iri, mdc
from kg.model import Extraction, Person, Place

# letters that Unicode does not decompose into a Latin base letter plus accents
_FOLD = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
                       "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH",
                       "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H"})


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """ASCII, lower case, hyphens: "Kemal Dalkıran" -> "kemal-dalkiran"."""
    if not text.isascii():  # ASCII has nothing to fold, decompose or drop
        text = unicodedata.normalize("NFKD", text.translate(_FOLD))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower()
    slug = _NOT_SLUG.sub("-", text).strip("-")
    if not slug:  # a name with no Latin letters at all: keep it stable and unique all the same
        slug = "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return slug[:80].rstrip("-")


def short_hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:8]


# ------------------------------------------------------------------ IRIs


def party_iri(code: str) -> NamedNode:
    """A state by its ISO code, or an international body by its acronym."""
    code = code.strip()
    if gazetteer.is_international_body(code):
        return NamedNode(ID + "organization/" + quote(code, safe=""))
    return NamedNode(ID + "country/" + quote(code.upper(), safe=""))


def person_iri(person: Person) -> NamedNode:
    return NamedNode(ID + "person/" + slugify(person.name))


def organization_iri(name: str) -> NamedNode:
    return NamedNode(ID + "organization/" + slugify(name))


def place_iri(place: Place) -> NamedNode:
    return NamedNode(ID + "place/" + slugify(place.name))


# American and British spellings of one event name give one forum node ("Defense"/"Defence")
_SPELLING_VARIANTS = ((r"\bdefense\b", "defence"), (r"\borganization\b", "organisation"),
                      (r"\bcenter\b", "centre"), (r"\bprogram\b", "programme"))


def forum_slug(name: str) -> str:
    """The slug of a forum series, the same for its spelling variants."""
    slug = slugify(name)
    for pattern, replacement in _SPELLING_VARIANTS:
        slug = re.sub(pattern, replacement, slug)
    return slug


def forum_series_iri(name: str) -> NamedNode:
    return NamedNode(ID + "forum-series/" + forum_slug(name))


def forum_iri(name: str, edition: int | None, date: str | None) -> NamedNode:
    """An edition of a series: by its ordinal, else by its year, else the series' undated edition."""
    suffix = f"-{edition}" if edition else (f"-{date[:4]}" if date else "")
    return NamedNode(ID + "forum/" + forum_slug(name) + suffix)


def date_literal(value: str) -> Literal:
    """ISO date at the precision known: YYYY-MM-DD, YYYY-MM or YYYY."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        datatype = "date"
    elif re.fullmatch(r"\d{4}-\d{2}", value):
        datatype = "gYearMonth"
    elif re.fullmatch(r"\d{4}", value):
        datatype = "gYear"
    else:
        raise ValueError(f"not an ISO date, year-month or year: {value!r}")
    return Literal(value, datatype=NamedNode(XSD + datatype))


# ------------------------------------------------------------------ mapping

# a GDELT event's fields (kg.read.gdelt.GdeltEvent) and the properties that carry them
GDELT_FIELDS = (("event_code", "cameoCode"), ("root_code", "cameoRootCode"), ("quad_class", "quadClass"),
                ("goldstein", "goldsteinScale"), ("actor1_code", "actor1Code"), ("actor1_name", "actor1Name"),
                ("actor1_country", "actor1Country"), ("actor2_code", "actor2Code"), ("actor2_name", "actor2Name"),
                ("actor2_country", "actor2Country"), ("place", "actionPlace"), ("place_country", "actionCountry"))

PersonIriFor = Callable[[Person], NamedNode]


def extraction_quads(extraction: Extraction, person_iri_for: PersonIriFor = person_iri,
                     content_hash: str | None = None) -> list[Quad]:
    """All quads of one article, in the named graph whose IRI is the article's IRI.

    ``person_iri_for`` lets entity resolution choose the IRI of each extracted person.
    """
    article = extraction.article
    graph = article_iri(article.id)
    quads: list[Quad] = []
    seen: set[tuple] = set()

    def add(subject, predicate, obj) -> None:
        key = (subject, predicate, obj)
        if key not in seen:
            seen.add(key)
            quads.append(Quad(subject, predicate, obj, graph))

    def text(value: str) -> Literal:
        return Literal(value)

    # the article itself
    add(graph, RDF_TYPE, mdc("Article"))
    add(graph, mdc("identifier"), text(article.id))
    for name in ("url", "title", "source"):
        value = getattr(article, name)
        if value:
            add(graph, mdc(name), text(value))
    if extraction.date:
        add(graph, mdc("date"), date_literal(extraction.date))
    if content_hash:
        add(graph, mdc("contentHash"), text(content_hash))
    for event in article.gdelt:  # what GDELT coded from this page (kg gdelt), to set beside what it says
        node = NamedNode(ID + "gdelt/event/" + quote(str(event["id"]), safe="-._~"))
        add(graph, mdc("gdeltEvent"), node)
        add(node, RDF_TYPE, mdc("GdeltEvent"))
        add(node, mdc("gdeltEventId"), text(str(event["id"])))
        if event.get("date"):
            add(node, mdc("eventDate"), date_literal(event["date"]))
        for key, name in GDELT_FIELDS:
            if event.get(key):
                add(node, mdc(name), text(str(event[key])))

    def party(code: str) -> NamedNode:
        node = party_iri(code)
        if gazetteer.is_international_body(code):
            add(node, RDF_TYPE, mdc("Organization"))
        else:
            add(node, RDF_TYPE, mdc("Country"))
            code = code.upper()
        add(node, mdc("code"), text(code))
        add(node, RDFS_LABEL, text(gazetteer.country_name(code) or code))
        return node

    def place(value: Place) -> NamedNode:
        node = place_iri(value)
        add(node, RDF_TYPE, mdc("Place"))
        add(node, RDFS_LABEL, text(value.name))
        if value.country:
            add(node, mdc("country"), party(value.country))
        return node

    persons: dict[str, NamedNode] = {}
    for person in extraction.persons:
        node = person_iri_for(person)
        persons[person.key] = node
        add(node, RDF_TYPE, mdc("Person"))
        add(node, RDFS_LABEL, text(person.name))
        for alias in person.aliases:
            if alias and alias != person.name:
                add(node, mdc("alias"), text(alias))
        if person.rank:
            add(node, mdc("rank"), text(person.rank))
        if person.position:
            add(node, mdc("position"), text(person.position))
        if person.country:
            add(node, mdc("country"), party(person.country))
        if person.organization:
            org = organization_iri(person.organization)
            add(org, RDF_TYPE, mdc("Organization"))
            add(org, RDFS_LABEL, text(person.organization))
            if person.country and not gazetteer.is_international_body(person.country):
                add(org, mdc("country"), party(person.country))
            add(node, mdc("organization"), org)
        for sentence in person.evidence:
            add(node, mdc("evidence"), text(sentence))

    delegations: dict[str, NamedNode] = {}
    for delegation in extraction.delegations:
        leader = persons.get(delegation.leader) if delegation.leader else None
        leader_part = leader.value.rsplit("/", 1)[-1] if leader else short_hash(*delegation.members)
        date_part = delegation.date or extraction.date or "undated"
        node = NamedNode(f"{ID}delegation/{date_part}-{(delegation.country or 'xx').lower()}-{leader_part}")
        delegations[delegation.key] = node
        add(node, RDF_TYPE, mdc("Delegation"))
        leader_person = next((p for p in extraction.persons if p.key == delegation.leader), None)
        add(node, RDFS_LABEL, text(f"Delegation led by {leader_person.name}" if leader_person
                                   else "Delegation"))
        if leader:
            add(node, mdc("leader"), leader)
        for member in delegation.members:
            if member in persons and persons[member] != leader:
                add(node, mdc("member"), persons[member])
        if delegation.country:
            add(node, mdc("country"), party(delegation.country))
        if delegation.date:
            add(node, mdc("date"), date_literal(delegation.date))
        for sentence in delegation.evidence:
            add(node, mdc("evidence"), text(sentence))

    names = {p.key: p.name for p in extraction.persons}
    seen_meetings: dict[str, int] = {}
    for meeting in extraction.meetings:
        parties = sorted({code.upper() if not gazetteer.is_international_body(code) else code
                          for code in meeting.parties})
        participant_nodes = [persons[key] for key in meeting.participants if key in persons]
        iri = (f"{ID}meeting/{meeting.date or 'undated'}-{'-'.join(parties).lower()}-"
               f"{short_hash(*sorted(n.value for n in participant_nodes), meeting.mode)}")
        # two contacts alike in sides, day and named people (a visitor's calls on officials named by post only)
        # stay two meetings: the second and later get a number, in the order the article tells them
        seen_meetings[iri] = seen_meetings.get(iri, 0) + 1
        node = NamedNode(iri if seen_meetings[iri] == 1 else f"{iri}-{seen_meetings[iri]}")
        add(node, RDF_TYPE, mdc("Meeting"))
        who = [names[key] for key in meeting.participants if key in names]
        add(node, RDFS_LABEL, text(_meeting_label(who, parties, meeting.date, meeting.mode)))
        if meeting.date:
            add(node, mdc("date"), date_literal(meeting.date))
        for code in parties:
            add(node, mdc("party"), party(code))
        if meeting.host:
            add(node, mdc("host"), party(meeting.host))
        for participant in participant_nodes:
            add(node, mdc("participant"), participant)
        for key in meeting.delegations:
            if key in delegations:
                add(node, mdc("delegation"), delegations[key])
        add(node, mdc("mode"), text(meeting.mode))
        if meeting.location:
            add(node, mdc("location"), place(meeting.location))
        for topic in meeting.topics:
            add(node, mdc("topic"), text(topic))
        for sentence in meeting.evidence:
            add(node, mdc("evidence"), text(sentence))

    forums: dict[str, NamedNode] = {}
    for forum in extraction.forums:
        node = forum_iri(forum.name, forum.edition, forum.date)
        forums[forum.key] = node
        series = forum_series_iri(forum.name)
        add(node, RDF_TYPE, mdc("Forum"))
        # the edition as this article names it ("IDEX", "ASEAN Defense Ministers Meeting"); its series by the
        # canonical name, which every article's surface names are aliases of
        add(node, RDFS_LABEL, text(forum.label or forum.name))
        add(node, mdc("series"), series)
        add(series, RDF_TYPE, mdc("ForumSeries"))
        add(series, RDFS_LABEL, text(forum.name))
        for alias in [*forum.aliases, *([forum.label] if forum.label and forum.label != forum.name else [])]:
            add(series, mdc("alias"), text(alias))
        if forum.edition:
            add(node, mdc("edition"), Literal(str(forum.edition), datatype=NamedNode(XSD + "integer")))
        if forum.date:
            add(node, mdc("date"), date_literal(forum.date))
        if forum.location:
            add(node, mdc("location"), place(forum.location))

    for invitation in extraction.invitations:
        inviter = persons.get(invitation.inviter or "")
        invitee = persons.get(invitation.invitee or "")
        if invitation.forum and invitation.forum in forums:
            target = forums[invitation.forum]
        elif invitation.country:
            target = party(invitation.country)
        else:
            continue
        ends = "-".join(n.value.rsplit("/", 1)[-1] for n in (inviter, invitee) if n)
        node = NamedNode(f"{ID}invitation/{ends}-to-{target.value.rsplit('/', 1)[-1].lower()}"
                         f"-{short_hash(invitation.date, target.value)}")
        add(node, RDF_TYPE, mdc("Invitation"))
        if inviter:
            add(node, mdc("inviter"), inviter)
        if invitee:
            add(node, mdc("invitee"), invitee)
        add(node, mdc("invitedTo"), target)
        if invitation.date:
            add(node, mdc("date"), date_literal(invitation.date))
        for sentence in invitation.evidence:
            add(node, mdc("evidence"), text(sentence))
    return quads


def _meeting_label(who: list[str], parties: list[str], date: str | None, mode: str) -> str:
    kind = {"call": "Call", "video": "Video call"}.get(mode, "Meeting")
    between = " and ".join([", ".join(who[:-1]), who[-1]] if len(who) > 1 else who) or "-".join(parties)
    return f"{kind}: {between}" + (f", {date}" if date else "")


def quads_of(extractions: Iterable[Extraction]) -> Iterator[Quad]:
    for extraction in extractions:
        yield from extraction_quads(extraction)
