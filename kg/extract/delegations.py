"""Delegations: who leads one ("a delegation led by X", "X along with his delegation") and who belongs to it
("The delegation comprised A and B", "X was accompanied by A").

The cues update an `ArticleReader`'s delegations as its sentences are read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg import gazetteer

if TYPE_CHECKING:
    from kg.extract.contacts import ArticleReader
    from kg.extract.records import Sentence


@dataclass
class DelegationDraft:
    leader: str
    country: str | None = None
    members: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    members_in_context: bool = False


def read_delegation_cues(reader: ArticleReader, sentence: Sentence) -> None:
    text = sentence.text
    refs = sentence.refs
    # "delegation ... led by / headed by X", and the elliptic "..., and the Georgian delegation by Y"
    for match in re.finditer(r"\bdelegations?\b[^.;]{0,160}?\b(?:led|headed) by\s+|\bdelegation by\s+", text):
        after = [r for r in refs if r[0] >= match.end() - 1]
        if re.match(r"(?:him|her)\b", text[match.end():]) and reader.last_subject:
            # "The five-member delegation, led by him, also includes ..."
            add_delegation(reader, reader.last_subject, sentence, text[max(0, match.start() - 40):match.end() + 3])
        elif after:
            add_delegation(reader, after[0][2], sentence, text[max(0, match.start() - 40):match.end()])
    # "Lt. Gen. X, Head of Delegation, ...": the post names the leader
    for mention in sentence.persons:
        record = reader.person(mention.key)
        if record.position and re.search(r"\bHead of (?:the )?(?:[A-Z][\w\-]* )?[Dd]elegation\b", record.position):
            delegation = add_delegation(reader, mention.key, sentence, record.position)
            # "Representatives from Brazil included A, Head of Delegation, B, ... and C": the others are members
            listing = re.search(r"\b(?:included|includes|comprised|comprises|consisted of|were)\s+", text)
            if listing and listing.end() <= mention.start:
                for other in sentence.persons:
                    if other.key != mention.key and other.start >= listing.end() and other.key not in delegation.members:
                        delegation.members.append(other.key)
                        reader.settle_country(other.key, reader.country_of(mention.key), "country.delegation-member", text)
    # "X received A, B and C, and the delegations accompanying the guests": each guest heads one
    plural = re.search(r"\b(?:and )?(?:the|their) (?:accompanying )?delegations(?: accompanying (?:the|their) guests)?\b", text)
    if plural and len(refs) >= 3 and re.search(r"\b(?:received|hosted|welcomed|met)\b", text[:plural.start()]):
        for _, _, key in [r for r in refs if r[0] < plural.start()][1:]:
            add_delegation(reader, key, sentence, plural.group(0))
    # "delegation-level talks between A and B": each heads their side's delegation
    level = re.search(r"\bdelegation[- ]level (?:talks|meetings?|discussions?|consultations)\s+(?:between|with)\s+", text)
    if level:
        for _, _, key in [r for r in refs if r[0] >= level.end() - 1][:2]:
            add_delegation(reader, key, sentence, level.group(0), visiting=False)
    # "X, who is leading a Mongolian military delegation", "X is leading the Israeli delegation",
    # "X led the Brazilian delegation", "at the head of a ... delegation", "X and his accompanying delegation"
    for match in re.finditer(r"\b(?:is leading|was leading|who is leading|leading|who led|led|leads|heads|headed|heading|"
                             r"at the head of)\s+(?:a|an|the|his|her)\s+(?:[\w\-']+\s+){0,4}?delegation\b", text):
        # "X, who was accompanied by his spouse Y, led a delegation": not from inside the relative clause
        relative = [(m.start(), m.end()) for m in re.finditer(r",\s*who\b[^,]*,", text[:match.start()])]
        before = [r for r in refs if r[1] <= match.start() and not any(s <= r[0] < e for s, e in relative)]
        if before and not re.search(r"\bby\s*$", text[:match.start()]):
            add_delegation(reader, before[-1][2], sentence, match.group(0))
    # "X and his delegation", "X along with an 11-member high level delegation", "He is accompanied by a delegation"
    for match in re.finditer(r"\b(?:and (?:his|her|the) |(?:along with|together with|(?:is |was )?accompanied by) "
                             r"(?:his |her |a |an )(?:[\w\-]+ ){0,3}?|with (?:his|her) (?:[\w\-]+ ){0,3}?)"
                             r"(?:accompanying |visiting )?(?:[A-Z][\w]+ )?(?:military |defen[cs]e )?delegation\b", text):
        before = [r for r in refs if r[1] <= match.start()]
        if before:
            add_delegation(reader, before[-1][2], sentence, match.group(0))
    # "The (Kenyan) delegation (, which) (also) includes/included/comprises A and B"
    match = re.search(r"\b(?:(?P<demonym>[A-Z][\w\-]+)(?:'s)?\s+(?:military\s+|defen[cs]e\s+)?delegation|"
                      r"(?:the|his|her|its|a|an|(?P<with>along with|together with))\s+(?:visiting\s+|accompanying\s+)?"
                      r"(?:(?P<demonym2>[A-Z][\w\-]+)\s+)?(?:military\s+|defen[cs]e\s+)?delegation)\b[^.;]{0,40}?\b(?:also\s+)?"
                      r"(?:includes|included|include|comprises|comprised|comprising|consists of|consisted of|consisting of|composed of|made up of|including|that includes|which includes)\b", text,
                      re.I)
    if match:
        demonym = match.group("demonym") or match.group("demonym2")
        code = gazetteer.code_for(demonym) if demonym else None
        zone_end = len(text)
        relative = re.search(r",\s*(?:who|which|whose|where)\b", text[match.end():])
        if relative:
            zone_end = match.end() + relative.start()
        # "X along with his delegation including A called on Y": the list ends at the contact verb
        verbs = [m.start() for rule in reader.lex.triggers["meeting"]
                 for m in [re.search(rule["pattern"], text[match.end():zone_end], re.I)] if m]
        if verbs:
            zone_end = match.end() + min(verbs)
        members = [r[2] for r in refs if match.end() <= r[0] < zone_end]
        leader = None
        if code:
            leader = next((k for k, d in reader.delegations.items() if d.country == code), None)
            if leader is None:
                pool = [k for k in reader.visitors if reader.country_of(k) == code] or \
                    [p.key for p in reader.registry.persons.values() if p.country == code and p.key not in members
                     and p.first_sentence <= sentence.index]
                if not pool:
                    unknown = [k for k, _ in reader.mention_count.most_common()
                               if reader.country_of(k) is None and k not in members]
                    pool = unknown[:1]
                leader = pool[0] if pool else None
        else:
            his = re.search(r"\b(?:his|her|along with|together with)\s+(?:\w+\s+)?delegation", match.group(0), re.I)
            before = [r for r in refs if r[1] <= match.start()]
            if his and before:
                leader = before[-1][2]
            elif reader.delegations:
                leader = list(reader.delegations)[-1]
            elif reader.visitors:
                leader = reader.visitors[0]
        if leader:
            delegation = add_delegation(reader, leader, sentence, match.group(0))
            if code and delegation.country is None:
                delegation.country = code
            main_clause = not re.search(r",\s*which\b|\bwhich\b", text[:match.end()])
            for key in members:
                if key != leader and key not in delegation.members:
                    delegation.members.append(key)
                    reader.settle_country(key, delegation.country or reader.country_of(leader), "country.delegation-member", text)
            if main_clause and reader.current is not None:
                delegation.members_in_context = True
    # "A and B were also part of the delegation", "The visiting side included A"
    match = re.search(r"\b(?:were|was|are|is) (?:also )?(?:part|members?) of (?:the|his|her) (?:[\w\-]+ )?delegation\b", text)
    if match:
        members = [r[2] for r in refs if r[1] <= match.start()]
        leader = list(reader.delegations)[-1] if reader.delegations else (reader.visitors[0] if reader.visitors else None)
        if leader:
            delegation = add_delegation(reader, leader, sentence, match.group(0))
            for key in members:
                if key != leader and key not in delegation.members:
                    delegation.members.append(key)
            delegation.members_in_context = True
    match = re.search(r"\b[Tt]he (?:visiting|guest|foreign) (?:side|party) (?:also )?(?:included|includes|comprised)\b", text)
    if match and (reader.delegations or reader.visitors):
        leader = list(reader.delegations)[-1] if reader.delegations else reader.visitors[0]
        delegation = add_delegation(reader, leader, sentence, match.group(0))
        for _, _, key in refs:
            if key != leader and key not in delegation.members:
                delegation.members.append(key)
        delegation.members_in_context = True
    # "X was accompanied by A and B"
    match = re.search(r"\b(?:was|were|is|are)?\s*accompanied\s+(?:[\w\s]{0,30}?\s)?by\s+", text)
    if match and not re.search(r"\bwho accompanied\b", text):
        before = [r for r in refs if r[1] <= match.start()]
        # the list ends where the main clause resumes: "X, who was accompanied by A, B and C, discussed ..."
        resume = re.search(r",\s+(?!and\b|or\b|the\b|a\b|an\b|his\b|her\b|who\b|both\b)[a-z]|;", text[match.end():])
        zone_end = match.end() + resume.start() if resume else len(text)
        after = [r for r in refs if match.end() - 1 <= r[0] < zone_end]
        leader = before[-1][2] if before else None
        if leader and reader.current is not None and (leader == reader.current.host_person or (
                reader.current.venue_country and reader.country_of(leader) == reader.current.venue_country)):
            leader = None  # the host's own staff at their side is no delegation
        if leader and after:
            delegation = add_delegation(reader, leader, sentence, match.group(0))
            for _, _, key in after:
                if key != leader and key not in delegation.members and \
                        (reader.country_of(key) in (None, reader.country_of(leader))):
                    delegation.members.append(key)
                    reader.settle_country(key, reader.country_of(leader), "country.accompanies-leader", text)
    # "The Inspector General, General X, accompanied the minister": X belongs to the minister's delegation
    match = re.search(r"\b(?:accompanied|was accompanying|were accompanying)\s+(?=the\b|his\b|her\b|him\b|[A-Z])", text)
    if match and not re.search(r"\bwho\s+$|\b(?:was|were|is|are)\s+$", text[:match.start()]):
        members = [r[2] for r in refs if r[1] <= match.start() + 1]
        after = [r[2] for r in refs if r[0] >= match.end() - 1]
        leader = after[0] if after else (reader.last_subject if re.match(r"him\b|her\b", text[match.end():]) else None)
        if leader and members and leader not in members and reader.current is not None \
                and leader in reader.current.participants and leader != reader.current.host_person \
                and reader.country_of(leader) != reader.current.venue_country \
                and (reader.country_of(leader) is None
                     or all(reader.country_of(k) in (None, reader.country_of(leader)) for k in members)):
            sides = {reader.country_of(k) for k in members} - {None}
            if reader.country_of(leader) is None and len(sides) == 1:
                reader.settle_country(leader, sides.pop(), "country.accompanied-by-compatriots", text)
            delegation = add_delegation(reader, leader, sentence, match.group(0))
            delegation.country = delegation.country or reader.country_of(leader)
            for key in members:
                if key not in delegation.members:
                    delegation.members.append(key)
    # "..., who accompanied the Army Commander in both engagements"
    match = re.search(r"\bwho accompanied\s+(?:him|her|the [\w\s]+?)\s+(?:in|at|during) (?:both|all)\b", text)
    if match:
        for delegation in reader.delegations.values():
            for key in delegation.members:
                for meeting in reader.meetings:
                    if delegation.leader in meeting.participants and key not in meeting.participants:
                        meeting.participants.append(key)


def add_delegation(reader: ArticleReader, leader: str, sentence: Sentence, cue: str,
                   visiting: bool = True) -> DelegationDraft:
    """The delegation ``leader`` heads (a visitor's, unless ``visiting`` is False: a host's own delegation)."""
    if leader not in reader.delegations:
        country = reader.country_of(leader)
        # "the Turkish delegation", "a Turkish defense ministerial delegation", "a PLA military delegation"
        demonym = re.search(r"\b([A-Z][\w\-]+)(?:\s+[a-z][\w\-]*){0,3}\s+delegation", cue)
        if demonym and gazetteer.code_for(demonym.group(1)):
            country = country or gazetteer.code_for(demonym.group(1))
        reader.delegations[leader] = DelegationDraft(leader, country)
        reader.settle_country(leader, country, "country.delegation-demonym", sentence.text)  # "the Turkish delegation was headed by X"
        if visiting and leader not in reader.visitors:
            reader.visitors.append(leader)
    delegation = reader.delegations[leader]
    if sentence.text not in delegation.evidence:
        delegation.evidence.append(sentence.text)
    return delegation
