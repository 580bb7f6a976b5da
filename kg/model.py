"""The records that flow through the pipeline: an article in, the facts read from it out.

Extraction produces these plain dataclasses; `kg.rdf` maps them to quads. Nothing here does I/O,
so every stage can be tested on hand-made records.

Keys: every entity carries a ``key`` that is unique *within one article's extraction* and that
other records use to point at it (a meeting lists its participants' person keys). The RDF mapping
turns keys into stable IRIs; entity resolution may map several keys to one IRI.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Article:
    """One input item, as read from a file; ``text`` is raw (clean-up is extraction's job)."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    date: str | None = None  # publication date, ISO YYYY-MM-DD, when the input gives it
    source: str | None = None
    origin: str = ""  # where it came from, for error messages: "file.jsonl:12" or a path
    gdelt: list[dict] = field(default_factory=list)  # GDELT events citing this page (kg.gdelt.GdeltEvent fields)


@dataclass
class Person:
    key: str
    name: str  # fullest form of the name, no rank or title
    aliases: list[str] = field(default_factory=list)
    rank: str | None = None  # full English words, title case
    position: str | None = None  # as stated
    country: str | None = None  # ISO alpha-2, or an international body's code ("NATO")
    organization: str | None = None  # name of the organisation served in
    evidence: list[str] = field(default_factory=list)


@dataclass
class Place:
    name: str
    country: str | None = None


@dataclass
class Meeting:
    key: str
    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY
    parties: list[str]  # codes of the sides: "AZ", "CN", "NATO"
    host: str | None = None
    participants: list[str] = field(default_factory=list)  # person keys
    delegations: list[str] = field(default_factory=list)  # delegation keys
    mode: str = "in_person"  # in_person | call | video
    location: Place | None = None
    topics: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass
class Delegation:
    key: str
    leader: str | None  # person key
    country: str | None
    members: list[str] = field(default_factory=list)  # person keys
    date: str | None = None
    evidence: list[str] = field(default_factory=list)


@dataclass
class Forum:
    key: str
    name: str  # series name without ordinal: "Beijing Xiangshan Forum"
    edition: int | None = None
    date: str | None = None
    location: Place | None = None
    aliases: list[str] = field(default_factory=list)
    label: str | None = None  # the name as this article writes it ("IDEX", "ASEAN Defense Ministers Meeting")


@dataclass
class Invitation:
    key: str
    inviter: str | None  # person key
    invitee: str | None  # person key
    forum: str | None = None  # forum key, for an invitation to a forum
    country: str | None = None  # code, for an invitation to visit a country
    date: str | None = None
    evidence: list[str] = field(default_factory=list)


@dataclass
class Decision:
    """One reading the extractor made, the rule that made it and the sentence it read: why X is Turkish,
    why X is a general, why this is a call, why Y hosts, why Z belongs to a delegation. ``kg explain`` prints
    them."""

    # about a person: country | rank | position | person (an official the article names, in no fact: why kept)
    # about a meeting: meeting | participant | mode | host | date | side
    # about an invitation: invitation
    # about a delegation: delegation (its leader) | member | country
    what: str
    subject: str  # the key of the person, meeting, invitation or delegation ("d:<leader>") it is about
    value: str | None  # participant, delegation and member: a person's key
    rule: str  # a rule id: a pattern's id in the data files, or the name of a reading in the code
    evidence: str = ""
    weak: bool = False  # read from weaker evidence (the article's home, a state named near a contact): a guess


@dataclass
class Extraction:
    """Everything read from one article."""

    article: Article
    date: str | None = None  # publication date as determined (input field, first line, dateline)
    persons: list[Person] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    delegations: list[Delegation] = field(default_factory=list)
    forums: list[Forum] = field(default_factory=list)
    invitations: list[Invitation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    error: str | None = None  # set when extraction failed for this article: it is reported, not stored
