"""The records one article's reading builds: the document (`ArticleRecord`: its dates, setting, sentences and
persons), the contact verbs found in its sentences, and the drafts of meetings, delegations and invitations
before they are settled into `kg.model` facts; and `Discourse`, what the story is about at the sentence being
read. Typed records, so that every component says what it reads and what it adds."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as Date
from typing import NamedTuple

from kg import gazetteer
from kg.extract.forums import ForumMention
from kg.extract.mentions import Mention, PlaceMention
from kg.extract.persons import PersonRecord, Registry
from kg.model import Article


class Ref(NamedTuple):
    """A reference to a person in a sentence: where it is, and the person's key in the registry."""
    start: int
    end: int
    key: str


@dataclass
class Sentence:
    index: int
    paragraph: int
    text: str
    persons: list[Mention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    forums: list[ForumMention] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)  # the persons it refers to, by name, role or pronoun
    contact: str | None = None  # the rule id of a contact it reports as done (not planned, not background)
    date: str | None = None  # the date it gives its contact, resolved against the publication date
    one_party: bool = False  # those it names are one party ("A and B met with senior Fijian leaders")


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
    implied_host: str | None = None  # a weak reading's receiving side, from its phrase (kg.extract.implied)
    sides_unsettled: bool = False  # no participant's state was known when it was read
    rule: str = ""  # the id of the trigger rule that read it
    implied_sides: list[str] = field(default_factory=list)  # sides read from weaker evidence (kg.extract.implied)
    principals: list[str] = field(default_factory=list)  # joined as their side's most-told official (weak)
    post_holder: str | None = None  # who holds the post ``unnamed_post`` names, named later in the article
    date_told: bool = True  # its sentence (or the story just before) gave the date, not the publication's default


INVITER_COUNTERPART = "counterpart"  # the inviter's post when only "his US counterpart" names them


@dataclass
class InvitationDraft:
    """Who invited whom to what, as one sentence tells it (the target may be settled later)."""
    inviter: str
    invitee: str
    forum: str | None  # a forum's series name, or None for a visit
    country: str | None  # the state to visit; None: the inviter's, once known
    evidence: str
    rule: str
    forum_date: str | None = None  # the forum edition's date, as the invitation gives it
    # the inviter named by post only ("at the invitation of the Mongolian Minister of Defence"): its holder, named
    # anywhere in the article, becomes the inviter once the article is read (`inviter` is "" until then)
    inviter_post: str | None = None


@dataclass
class AnnouncedContact:
    """A contact told without (all) its participants' names ("US and Russian Defence Ministers spoke on the
    phone", "X held a video conference with his U.S. and Japanese counterparts"): the next sentences name them."""
    sentence: int
    mode: str
    peoples: list[str]  # the sides' states in the order the text gives them, when it gives them
    announcer: str | None = None  # who holds the contact with "his U.S. and Japanese counterparts": not one of them


@dataclass
class PendingDelegationContact:
    """"X received a delegation of the Y Army.", "X met with visiting heads of Y's security organisations.": a
    contact whose leader, or visitors, the next sentences name."""
    sentence: Sentence
    trigger: Trigger
    refs: list[Ref]
    date: str | None
    delegations_before: int  # the delegations known when it was read: a new one is its
    visitors_before: int = 0  # likewise the visitors (a group's members told as visiting)
    group_state: str | None = None  # the state the group is of ("a high-ranking Kyrgyz military delegation")


@dataclass
class DelegationDraft:
    """A delegation as the text tells it: its leader, state (when said or known), members and the sentences,
    each with the cue that said so (the rule ids are listed in `kg.extract.delegations`)."""
    leader: str
    country: str | None = None
    members: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)  # the first is the sentence that named its leader
    members_in_context: bool = False  # its members were listed while a contact was being told
    leader_rule: str = ""  # the cue that made ``leader`` its leader
    country_rule: str | None = None  # the cue that said its state, when not its leader's
    country_evidence: str = ""
    member_rules: dict[str, tuple[str, str]] = field(default_factory=dict)  # member -> (the cue, its sentence)

    def add_member(self, key: str, rule: str, evidence: str) -> bool:
        """``key`` belongs to it, as ``rule`` read in ``evidence``; False when the leader or already a member."""
        if key == self.leader or key in self.members:
            return False
        self.members.append(key)
        self.member_rules[key] = (rule, evidence)
        return True

    def settle_country(self, code: str | None, rule: str, evidence: str) -> None:
        """Its state, when not known yet: the first reading stands."""
        if self.country is None and code:
            self.country, self.country_rule, self.country_evidence = code, rule, evidence


@dataclass
class ArticleRecord:
    """One article as the extractor reads it: what the text and its metadata give (dates, setting, sentences),
    the persons found (`registry`), and the drafts the components add, in the order they add them. Its fields
    are grouped by the component that fills them; `kg.extract.settle` turns it into an `Extraction`."""

    # the article and its setting (kg.extract.document.read_document)
    article: Article
    pub: str | None  # the publication date (ISO day), when known
    pub_month: str | None  # only the month of publication is known ("2024-03")
    reference: str | None  # the story's "today" (the dateline's day, else the publication's)
    reference_day: Date | None  # the same, parsed
    dateline_city: str | None
    dateline_country: str | None
    outlet_country: str | None  # the outlet's home state
    year_named: str | None = None  # with no date of publication at all: the URL's year or the latest past year named
    year_in_url: bool = False  # ... and it is the URL's
    headline: str = ""  # the article's title, else the headline its text opens with
    headline_places: list[PlaceMention] = field(default_factory=list)  # the places it names
    sentences: list[Sentence] = field(default_factory=list)
    article_words: frozenset[str] = frozenset()  # name words of persons named in full anywhere in it
    # the mentions (kg.extract.document.find_mentions): persons, forums and how often each state is named
    registry: Registry = field(default_factory=Registry)
    forums: dict[str, ForumMention] = field(default_factory=dict)  # series -> the forum as the text names it
    country_counts: Counter = field(default_factory=Counter)
    # the contacts (kg.extract.contacts.read_contacts and the cue readers it calls)
    meetings: list[MeetingDraft] = field(default_factory=list)
    delegations: dict[str, DelegationDraft] = field(default_factory=dict)  # leader -> delegation
    invitations: list[InvitationDraft] = field(default_factory=list)
    visitors: list[str] = field(default_factory=list)  # persons told as visiting, in order
    visit_targets: dict[str, str] = field(default_factory=dict)  # visitor -> the state visited ("a visit to Nigeria")
    joiners: set[str] = field(default_factory=set)  # persons added to a contact by "also attended", "was present" ...
    # joiner -> (the participant they came with, evidence): "Accompanying the admiral were ...", "together with"
    same_side: dict[str, tuple[str, str]] = field(default_factory=dict)
    # person key -> evidence: introduced as someone's counterpart before anyone was named ("He was received by his
    # Belarusian counterpart X"): their post is the kind their contact's other side holds (settled later)
    counterparts: dict[str, str] = field(default_factory=dict)
    seen: dict[str, int] = field(default_factory=dict)  # person key -> last sentence that referred to them
    mention_count: Counter = field(default_factory=Counter)  # person key -> sentences that referred to them
    announced: AnnouncedContact | None = None  # a contact told before its participants' names
    pending: PendingDelegationContact | None = None  # a contact with a delegation whose leader is named next
    # acronyms the article defines for a state's forces ("the Armed Forces of Liberia (AFL)": AFL -> LR), held
    # while it is read and settled (kg.extract.mentions.defined_acronyms)
    acronyms: tuple[tuple[str, str], ...] = ()

    def person(self, key: str) -> PersonRecord:
        return self.registry.persons[key]

    def country_of(self, key: str) -> str | None:
        return self.registry.persons[key].country

    def settle_country(self, key: str, code: str | None, rule: str, evidence: str = "") -> None:
        """The one place a person's state is decided after the mentions: the first reading stands."""
        person = self.person(key)
        if person.country is None and code:
            person.country, person.country_rule, person.country_evidence = code, rule, evidence

    def salience(self, person: PersonRecord) -> tuple[int, int]:
        """How prominent a person is so far: the sentences that referred to them, then the latest of them."""
        return self.mention_count[person.key], self.seen.get(person.key, -1)

    def state_named(self, word: str | None) -> str | None:
        """The state a word names: a state, people or city of the gazetteer ("Brazilian"), or the initials the
        article defines for a state's forces ("RBN" after "the Royal Brunei Navy (RBN)")."""
        if not word:
            return None
        return gazetteer.code_for(word) or dict(self.acronyms).get(word)

    def candidates(self, demonym: str | None, sentence_index: int) -> list[PersonRecord]:
        """The persons named by sentence ``sentence_index`` who may be "the <demonym> ..."."""
        persons = [p for p in self.registry.persons.values() if p.first_sentence <= sentence_index]
        if demonym:
            code = self.state_named(demonym)
            if code is None:
                return []
            same = [p for p in persons if p.country == code]
            if same:
                return same
            # nobody is known to be from there yet: a person whose country the text has not said may be, but not
            # the story's most-told person when the article's home is another state (a ministry's story is about
            # its own minister: "Polish minister X ... discussed with the Italian defence minister")
            unknown = [p for p in persons if p.country is None]
            home = self.dateline_country or self.outlet_country
            if home and home != code and unknown:
                protagonist = max(unknown, key=lambda p: (self.mention_count[p.key], -p.first_sentence))
                unknown = [p for p in unknown if p is not protagonist]
            return unknown
        return persons


class Setting(NamedTuple):
    """Where and when the story is at a sentence: what a contact that does not say so inherits."""
    city: str | None
    country: str | None
    date: str | None
    at_forum: bool = False  # the place is a forum's, told by naming the forum


@dataclass
class Discourse:
    """What the story is about at the sentence being read: the contact being told and whether others may still
    join it, the place and date in force, the last subject ("he"). Only `kg.extract.contacts` changes it;
    the cue readers receive the parts they need."""

    current: MeetingDraft | None = None
    current_open: bool = False  # may "also attended ..." still join the contact being told?
    context_city: str | None = None
    context_country: str | None = None
    context_date: str | None = None
    context_place_date: str | None = None  # the date in force when the story's place was told
    context_at_forum: bool = False  # the story's place is a forum's city, told by naming the forum
    visit_days: tuple[Date, Date] | None = None  # (first, last) day of a visit told over several days
    arrival_date: str | None = None  # the day an arrival was told ("arrived in Kathmandu on Wednesday")
    last_subject: str | None = None

    def setting(self) -> Setting:
        return Setting(self.context_city, self.context_country, self.context_date, self.context_at_forum)
