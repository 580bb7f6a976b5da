"""A contact the rules could not read in full, placed by weaker evidence.

An article that reports a contact must never yield nothing. When the rules read no meeting (no two
participants could be named, or their states were not known), the first sentence that reports a contact
and names its sides makes one: the states, peoples, capitals and bodies it names, and the participants
whose states are known. When a sentence names one side only, the article's home (the dateline's state,
else the outlet's) is the other, provided it differs. Every side read this way is recorded as weak
evidence (`Decision.weak`), so that `kg explain` tells a guess from a reading.

Beside contacts the rules did read, a sentence that reports a contact between exactly two sides it names
itself, sides no read contact has, is one more contact (`further_contacts`).

Both functions are pure: they read the sentences as the contact reading left them (`Sentence.contact`,
`Sentence.date`, places and person references) and return `ImpliedContact` records.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from kg import gazetteer
from kg.extract.cues import MEETING_HELD_AT, SPEAKER_AFTER, SPOKESPERSON
from kg.extract.lexicon import lexicon
from kg.extract.mentions import TOPIC_BEFORE, PlaceMention
from kg.extract.records import Sentence
from kg.extract.separate import SEPARATELY

_VENUE_BEFORE = re.compile(r"\b(?:visits?(?: of)?|visited|visiting|to|in|at|arrived in)\s+(?:the\s+)?"
                           r"(?:(?:[A-Z][\w\-]+\s+)?capital(?:\s+city)?(?:\s+of|\s*,)?\s+)?$")  # "to the Sudanese capital, Khartoum"
# ... but a state's possessive names whose visitor it is: "a visit of Egypt's army chief to Khartoum"
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


# ... and the state after a venue's city: "met in Stuttgart, Germany"
_VENUE_CITY_BEFORE = re.compile(r"\b(?:in|at|to|visited|visiting)\s+(?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?,\s*$")
# the venue the contact's own verb names, before any other place the sentence puts something in: "as leaders
# converge in Washington next week, officials met in Stuttgart"
_MET_IN = re.compile(r"\b(?:met|meet|meets|meeting|held|talks|gathered|convened)\s+(?:here\s+)?(?:in|at)\s+(?:the\s+)?$")


def _is_venue(sentence: Sentence, place: PlaceMention) -> bool:
    """Whether the place is where the sentence puts its contact ("visits Chisinau", "talks in Hanoi")."""
    before = sentence.text[max(0, place.start - 40):place.start]
    return bool(_VENUE_BEFORE.search(before) or place.kind == "country" and _VENUE_CITY_BEFORE.search(before)) \
        and not _POSSESSIVE_AFTER.match(sentence.text, place.end)


# two sides named as the subject of the talks: "the strong United States - Philippine relationship",
# "relations between Laos and Vietnam"
_PAIR_AS_TOPIC = re.compile(r"\b[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*(?:[-–—/]|and)\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+"
                            r"(?:relations?|relationship|ties|cooperation|partnership|friendship)\b|"
                            r"\b(?:relations?|relationship|ties|cooperation|partnership|friendship) between\b")
# several contacts told in one phrase: "held meetings with representatives from A, B and C", "met ... separately"
_SEVERAL_MEETINGS = re.compile(r"\b(?:meetings|talks|discussions) with\b|" + SEPARATELY.pattern, re.I)
# more states than this in one sentence is a list (a coalition, a region), not the sides of one contact ...
_MOST_SIDES = 3
# ... but four do meet as one ("the defence ministers of Australia, India, Japan and the United States met ...":
# the Quad), told by a verb of meeting, not of a visit ("visited A after a stop in B") or an agreement ("A, B and
# C agreed to provide D with tanks")
_MOST_SIDES_MET = 4
_NOT_A_MEETING_VERB = ("visit.", "meeting.pair-discussed", "meeting.discussed-with")
# ... and more than this in a list of separate meetings is a region's roll-call, not meetings told
_MOST_LISTED = 6




def _speaks_for_a_side(text: str, start: int) -> bool:
    """"Ministry spokesperson X": named as who speaks for a side."""
    return bool(SPOKESPERSON.search(text[max(0, start - 60):start]))


def _reports(text: str, start: int, end: int) -> bool:
    return _speaks_for_a_side(text, start) or bool(SPEAKER_AFTER.match(text, end))


@dataclass
class ImpliedContact:
    """One contact whose sides a sentence (and perhaps the article's home) gives, with the rule for each side."""

    parties: list[str]
    participants: list[str]  # person keys whose states are among the parties
    date: str | None
    mode: str
    venue_city: str | None
    venue_country: str | None
    evidence: str
    rule: str  # the phrase that reports the contact (a trigger id of triggers.json)
    side_rules: dict[str, str] = field(default_factory=dict)  # party -> how it was read
    tellers: list[str] = field(default_factory=list)  # who the sentence names as speaking for a side, not in it
    home_side: str | None = None  # the article's home, taken as the side of the participants of no known state
    host_side: str | None = None  # the side the phrase makes the receiver ("Russia's minister hosted ...")


# a body named for its members or its event, not as a side: "ministers of the CIS member states", "the session of the
# CSTO Defense Ministers Council", "ASEAN military-defence conferences"
_BODY_AS_GROUP = re.compile(r"\)?\s*(?:,\s*[A-Z]{2,6}\s+)?(?:member\s+(?:states|countries|nations)|members\b|"
                            r"(?:[\w\-'’]+\s+){0,3}?(?:council|meeting|conference|summit|session|forum|exercise|"
                            r"drills?|games|assembly)s?\b)", re.I)


def _sides_named(sentence: Sentence, venues: bool = True) -> dict[str, str]:
    """The sides a sentence names itself, in order: state, people, capital or body -> its code (with
    ``venues=False``, not a place the contact is said to be in: "talks in Ankara")."""
    sides: dict[str, str] = {}
    for place in sentence.places:
        if not venues and _is_venue(sentence, place):
            continue
        if any(f.start <= place.start < f.end for f in sentence.forums):
            continue  # "the ASEAN Defence Ministers' Meeting" names an event, not a side
        if TOPIC_BEFORE.search(sentence.text[max(0, place.start - 40):place.start]):
            continue
        if place.kind == "body" and _BODY_AS_GROUP.match(sentence.text, place.end):
            continue  # "the CIS member states", "the CSTO Defense Ministers Council": states met, or an event
        sides.setdefault(place.code, f"side.{place.kind}-in-sentence")
    return sides


def _venue(sentence: Sentence) -> tuple[str | None, str | None]:
    """The city and state a sentence places its contact in ("visits Chisinau", "talks in Hanoi")."""
    # (a stable sort: the places the contact's verb names first, each group in the sentence's order)
    for place in sorted(sentence.places, key=lambda p: not _MET_IN.search(sentence.text[max(0, p.start - 30):p.start])):
        if place.kind in ("city", "country") and _is_venue(sentence, place):
            return (place.name if place.kind == "city" else None), (gazetteer.code_for(place.name) or place.code)
    return None, None


def _named_participants(sentence: Sentence, is_spokesperson: Callable[[str], bool]) -> list[str]:
    """The persons a sentence names (a weak reading takes no one from a role noun or a pronoun), less who
    tells of the contact."""
    named = {mention.key for mention in sentence.persons}
    return list(dict.fromkeys(key for start, end, key in sentence.refs if key in named
                              and not is_spokesperson(key) and not _reports(sentence.text, start, end)))


def _contact(sentence: Sentence, sides: dict[str, str], keys: list[str], country_of: Callable[[str], str | None],
             mode_of: Callable[[str], str], told_date: str | None = None, home_side: str | None = None) -> ImpliedContact:
    mode = mode_of(sentence.text)
    city, venue = _venue(sentence) if mode == "in_person" else (None, None)
    named = {mention.key for mention in sentence.persons}
    return ImpliedContact(
        home_side=home_side, host_side=_host_side(sentence, sides) if mode == "in_person" else None,
        parties=sorted(sides), participants=[k for k in keys if country_of(k) in sides
                                             or home_side is not None and country_of(k) is None],
        date=sentence.date or told_date, mode=mode, venue_city=city, venue_country=venue,
        evidence=sentence.text, rule=sentence.contact or "", side_rules=sides,
        tellers=list(dict.fromkeys(key for start, _, key in sentence.refs
                                   if key in named and _speaks_for_a_side(sentence.text, start))))


def _contact_verb(sentence: Sentence) -> re.Match | None:
    """Where the sentence's contact phrasing (triggers.json's rule that read it) stands, if a rule did."""
    rule = lexicon().meeting_rules.get(sentence.contact or "")
    text = sentence.text
    return re.search(rule["pattern"], text[:1].lower() + text[1:], re.I) if rule else None


def _host_side(sentence: Sentence, sides: dict[str, str]) -> str | None:
    """The side the contact's phrase makes the receiver: the one named before a phrase whose subject hosts
    ("Russia's defense minister has hosted his Venezuelan counterpart"), after one whose object does ("was
    received by the Omani ..."); None for a neutral phrase."""
    rule = lexicon().meeting_rules.get(sentence.contact or "")
    if rule is None or rule["host"] not in ("subject", "object"):
        return None
    text = sentence.text
    match = _contact_verb(sentence)
    if match is None or text[max(0, match.start() - 1):match.start()] == "-":
        return None  # (not "a Japanese Navy-hosted reception": an event's, not the contact's)
    subject_hosts = (rule["host"] == "subject") != bool(re.match(r"\s+by\b", text[match.end():]))  # "hosted by X"
    places = [p for p in sentence.places if p.code in sides and p.kind in ("country", "demonym", "institution")]
    receivers = [p for p in places if p.end <= match.start()] if subject_hosts else \
        [p for p in places if p.start >= match.end()]
    return receivers[0].code if receivers else None


def _sides_before_the_verb(sentence: Sentence, sides: dict[str, str], own: list[str]) -> dict[str, str]:
    """Of three or more states a sentence names, the two named before its contact verb (or whose officials it
    names), when a third is named only after the verb and not as whom it was with: "The defence chiefs of A and B
    discussed ... C's unilateral attempts" is a contact of A and B about C."""
    text = sentence.text
    match = _contact_verb(sentence)
    if match is None:
        return sides
    before = {p.code for p in sentence.places if p.start < match.end()} | set(own)
    kept = {code: why for code, why in sides.items() if code in before}
    with_after = re.search(r"\b(?:with|by)\b", text[match.start():])
    return kept if len(kept) == 2 and not with_after else sides


def _sides_gathered(sentence: Sentence, sides: dict[str, str]) -> dict[str, str]:
    """Of the states a gathering's sentence names, those of the list it brought together, up to the next clause
    ("... of Guatemala, Honduras and El Salvador, while Costa Rica and Panama did not participate")."""
    match = _contact_verb(sentence)
    if match is None:
        return sides
    end = re.search(r",\s*(?:while|whereas|but|although|as|since)\b|;|$", sentence.text[match.end():]).start() + match.end()
    listed = {p.code for p in sentence.places if match.end() <= p.start < end}
    return {code: why for code, why in sides.items() if code in listed} or sides


def _only_venue(contact: ImpliedContact) -> bool:
    """The contact's one side besides the home is only the place it was in, named after "in", "at", "to"."""
    return not contact.participants and contact.venue_country is not None and contact.venue_country in contact.parties


def _dated_later(contact: ImpliedContact, later: list[Sentence]) -> ImpliedContact:
    """A contact its sentence leaves undated takes the date of the next sentence that tells a contact between the
    same sides and gives one ("... in a meeting held between delegations." "... the meeting held from 12 to 13
    this month")."""
    if contact.date is not None:
        return contact
    for sentence in later:
        if sentence.contact and sentence.date and set(contact.parties) <= set(_sides_named(sentence)):
            contact.date = sentence.date
            break
    return contact


_HELD_IN = re.compile(MEETING_HELD_AT)
# the head of an international body by title alone
_BODY_HEAD = re.compile(r"\b[Tt]he (?:Deputy )?Secretary[- ]General\b(?!\s+of\b)")
# who the sides were, told after the contact: "Representatives of the defence forces of A, B, C and D took part in the
# meeting held in Krakow"
_TOOK_PART_IN_IT = re.compile(r"\b(?:took part|participated|were represented)\s+in\s+(?:the|this)\s+"
                              r"(?:meeting|talks|session|consultations|discussions)\b")


def _sides_told_later(contact: ImpliedContact, later: list[Sentence], country_of: Callable[[str], str | None]
                      ) -> ImpliedContact:
    """A contact whose sides were guessed takes the states one of the next four sentences lists as taking part in
    it, when they are two or more and hold every participant's state."""
    for sentence in later[:4]:
        took_part = _TOOK_PART_IN_IT.search(sentence.text)
        if took_part is None:
            continue
        listed = {place.code: f"side.{place.kind}-taking-part" for place in sentence.places
                  if place.end <= took_part.start() and place.kind in ("country", "demonym")}
        own = {country_of(key) for key in contact.participants} - {None}
        if len(listed) >= 2 and own <= set(listed):
            contact.parties, contact.side_rules = sorted(listed), listed
            if contact.host_side not in listed:
                contact.host_side = None
            return _placed_later(contact, [sentence])  # "... took part in the meeting held in Krakow"
        break
    return contact


def _placed_later(contact: ImpliedContact, later: list[Sentence]) -> ImpliedContact:
    """An in-person contact its sentence leaves with no city takes the city one of the next two sentences says a
    meeting was held in, when that city is of one of its sides."""
    if contact.venue_city is not None or contact.mode != "in_person":
        return contact
    for sentence in later[:2]:
        held = _HELD_IN.search(sentence.text)
        if held is None:
            continue
        city = next((p for p in sentence.places if p.kind == "city" and p.start >= held.start()), None)
        code = (gazetteer.code_for(city.name) or city.code) if city else None
        if code in contact.parties and contact.venue_country in (None, code):
            contact.venue_city, contact.venue_country = city.name, code
        break
    return contact


def implied_contacts(sentences: list[Sentence], country_of: Callable[[str], str | None], home: str | None,
                     home_rule: str, mode_of: Callable[[str], str], is_spokesperson: Callable[[str], bool]
                     ) -> list[ImpliedContact]:
    """The first reported contact whose sides the sentence names (both, or one beside the article's home).

    A sentence naming both sides wins over an earlier one naming a single side: the home side is a guess.
    "X held meetings with representatives from A, B, C and D" is one contact between X's side (else the
    article's home) and each of them.
    """
    single: ImpliedContact | None = None
    told_date = None  # the date the story last gave: "... on Wednesday in Abuja. ... X thanked the CDS"
    bodies = {place.code for sentence in sentences for place in sentence.places if place.kind == "body"}
    for sentence in sentences:
        told_date = sentence.date or told_date
        if sentence.contact is None:
            continue
        sides = _sides_named(sentence)
        if len(bodies) == 1 and _BODY_HEAD.search(sentence.text):
            # "The Secretary-General met this afternoon with ..." in a readout of the one body the article names
            sides.setdefault(next(iter(bodies)), "side.body-of-its-head")
        keys = _named_participants(sentence, is_spokesperson)
        own = [code for code in map(country_of, keys) if code]
        for code in own:
            sides.setdefault(code, "side.participant")
        listed = {**_sides_named(sentence, venues=False), **{code: "side.participant" for code in own}}
        if len(listed) >= 3 and _SEVERAL_MEETINGS.search(sentence.text):
            center = own[0] if own else home
            if center is not None:
                # "While in New Delhi, CoAS Sharma held meetings with representatives from A, B and C": who holds
                # them, of no state the text says, is of the article's home
                center_rule = listed.get(center, home_rule)
                return [_contact(sentence, {center: center_rule, other: rule}, keys, country_of, mode_of, told_date,
                                 home_side=None if own else center)
                        for other, rule in listed.items() if other != center]
        # a gathering names its sides as such (triggers.json "gathering": "brought together the defence ministers of
        # A, B, C, D and E"), as many as a list of separate meetings may
        gathering = lexicon().meeting_rules.get(sentence.contact or "", {}).get("gathering", False)
        if gathering:
            sides = _sides_gathered(sentence, sides)
        elif len(sides) > 2:
            sides = _sides_before_the_verb(sentence, sides, own)
        most = _MOST_SIDES if (sentence.contact or "").startswith(_NOT_A_MEETING_VERB) else \
            _MOST_LISTED if gathering else _MOST_SIDES_MET
        if not sides or len(sides) == 1 and (home is None or home in sides) or len(sides) > most:
            continue
        if len(sides) == 1:
            # a side named only as where it happened ("the meeting in Brussels") gives way to one named as a party
            if single is not None and not (_only_venue(single) and _sides_named(sentence, venues=False)):
                continue
            sides[home] = home_rule
        contact = _contact(sentence, sides, keys, country_of, mode_of, told_date)
        if home_rule not in sides.values():
            later = sentences[sentence.index + 1:]
            return [_placed_later(_sides_told_later(_dated_later(contact, later), later, country_of), later)]
        single = contact
    return [single] if single else []


def further_contacts(sentences: list[Sentence], read: list[tuple[list[str], list[str], list[str]]],
                     country_of: Callable[[str], str | None], mode_of: Callable[[str], str],
                     is_spokesperson: Callable[[str], bool], home: str | None = None) -> list[ImpliedContact]:
    """Beside the contacts the rules read (``read``: their parties, evidence sentences and participants), a sentence that
    reports a contact between exactly two states or bodies it names itself (not as the venue), in no read
    contact's evidence and between sides no read contact has: "The Indonesian and Australian navy chiefs also
    held talks on Tuesday." Left out: a sentence naming a forum (its states are the forum's, not one contact's
    sides), and a visit phrase alone."""
    read_parties = {tuple(parties) for parties, _, _ in read}
    read_evidence = {sentence for _, evidence, _ in read for sentence in evidence}
    read_persons = {person for _, _, participants in read for person in participants}
    contacts = []
    told_date = None
    for sentence in sentences:
        told_date = sentence.date or told_date
        # a visit's contacts are those the article tells: the visit itself is none more
        if sentence.contact is None or sentence.contact.startswith("visit.") or sentence.text in read_evidence \
                or sentence.forums:
            continue
        sides = {code: rule for code, rule in _sides_named(sentence, venues=False).items()
                 if rule in ("side.country-in-sentence", "side.demonym-in-sentence", "side.body-in-sentence")}
        keys = _named_participants(sentence, is_spokesperson)
        own = [code for code in map(country_of, keys) if code]
        center = own[0] if own else home
        if center and center not in sides and 2 <= len(sides) <= _MOST_LISTED and _SEVERAL_MEETINGS.search(sentence.text):
            # "bilateral meetings with his counterparts from Lithuania, Latvia and Luxembourg": one with each
            for other, rule in sides.items():
                pair = tuple(sorted((center, other)))
                if pair not in read_parties:
                    contacts.append(_contact(sentence, {center: "side.participant" if own else "side.home", other: rule},
                                             keys, country_of, mode_of, told_date))
                    read_parties.add(pair)
            continue
        if len(sides) != 2 or tuple(sorted(sides)) in read_parties or _PAIR_AS_TOPIC.search(sentence.text) \
                or sentence.one_party:
            continue
        if any(key in read_persons and country_of(key) not in sides for _, _, key in sentence.refs):
            continue  # "Fang said he and his counterpart had discussions on the Peninsula and Taiwan": a read contact's topics
        contacts.append(_contact(sentence, sides, _named_participants(sentence, is_spokesperson), country_of, mode_of,
                                 told_date))
        read_parties.add(tuple(sorted(sides)))
    return contacts
