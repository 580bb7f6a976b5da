"""The records one article's reading builds: its sentences, the contact verbs found in them, and the drafts of
contacts and invitations before they are settled into `kg.model` facts. Typed records, so that every component
says what it reads and what it adds."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from kg.extract.forums import ForumMention
from kg.extract.mentions import Mention, PlaceMention


@dataclass
class Sentence:
    index: int
    paragraph: int
    text: str
    persons: list[Mention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    forums: list[ForumMention] = field(default_factory=list)
    refs: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, person key) incl. roles
    contact: str | None = None  # the rule id of a contact it reports as done (not planned, not background)
    date: str | None = None  # the date it gives its contact, resolved against the publication date


class Trigger(NamedTuple):
    """The contact verb of a sentence: where it is, which side it makes host, and the rule's id."""

    match: re.Match
    direction: str  # subject | object | neutral (see triggers.json)
    rule: str


@dataclass
class MeetingDraft:
    participants: list[str]
    date: str | None
    mode: str
    host: str | None
    city: str | None
    venue_country: str | None
    evidence: list[str]
    paragraph: int
    sidelines: bool = False
    with_delegation: bool = False
    delegation_leaders: set[str] = field(default_factory=set)
    host_direction: str = "neutral"
    host_person: str | None = None
    context: list[str] = field(default_factory=list)  # sentences that go on about it ("The sides discussed ...")
    unnamed_post: str | None = None  # the counterpart is named by post only: the other side is the state visited
    unnamed_side: str | None = None  # ... unless the post names its own state ("UAE Minister of State for Defence")
    unnamed_host: bool = False  # the unnamed side received the guest ("the PNG Defence Force hosted X")
    sides_unsettled: bool = False  # no participant's state was known when it was read
    rule: str = ""  # the id of the trigger rule that read it
    implied_sides: list[str] = field(default_factory=list)  # sides read from weaker evidence (kg.extract.implied)


@dataclass
class InvitationDraft:
    """Who invited whom to what, as one sentence tells it (the target may be settled later)."""
    inviter: str
    invitee: str
    forum: str | None  # a forum's series name, or None for a visit
    country: str | None  # the state to visit; None: the inviter's, once known
    evidence: str
    rule: str


@dataclass
class AnnouncedContact:
    """A contact told without (all) its participants' names ("US and Russian Defence Ministers spoke on the
    phone", "X held a video conference with his U.S. and Japanese counterparts"): the next sentences name them."""
    sentence: int
    mode: str
    peoples: list[str]  # the sides' states in the order the text gives them, when it gives them


@dataclass
class PendingDelegationContact:
    """"X received a delegation of the Y Army.": a contact whose leader the next two sentences name."""
    sentence: Sentence
    trigger: Trigger
    refs: list
    date: str | None
    delegations_before: int  # the delegations known when it was read: a new one is its
