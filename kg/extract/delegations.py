"""Delegations: who leads one ("a delegation led by X", "X along with his delegation") and who belongs to it
("The delegation comprised A and B", "X was accompanied by A").

`read_delegation_cues(doc, sentence, current, last_subject)` reads one sentence (its references,
`Sentence.refs`), with the contact being told (``current``) and the last subject ("led by him"); it adds to
`doc.delegations` (a `DelegationDraft` per leader, with members and evidence) and `doc.visitors`, settles the
states of leaders and members in `doc.registry` ("the Turkish delegation", "accompanied by"), and adds a
delegation's members to the contacts of "who accompanied him in both engagements".

Each delegation keeps the cue that made its leader (`DelegationDraft.leader_rule`), the one that made each
member (`DelegationDraft.add_member`) and the one that said its state; `kg.extract.settle` records them as
decisions. The rule ids:

- who leads (``delegation.*``; the phrasings of ``led-by``, ``leads`` and ``with-own-delegation`` are data,
  ``delegation_leader`` in triggers.json, each with an example that runs as a test): ``led-by`` ("a delegation led by X", "chaired by", "led by him", "Led by X, the
  delegation", "Leading the visiting delegation ..., X", "the team led by X", "..., and the Georgian delegation
  by Y"), ``head-of-delegation`` (the post "Head of Delegation", "the delegation's leader, X", "X, head of the
  African Union (AU) delegation", "Team leader, X", "X, ... and leader of the team"), ``guests-delegations`` ("X
  received A, B and the delegations accompanying the guests": each guest), ``delegation-level-talks``
  ("delegation-level talks between A and B": each side's), ``leads`` ("X led the Brazilian delegation",
  "X headed the Australian team", "at the head of a delegation"), ``with-own-delegation`` ("X and his
  delegation", "X and delegation", "X along with a delegation", "X together with his team", "accompanied by a
  delegation"), ``accompanied-by-officials`` ("X, accompanied by some senior officers": members unnamed),
  ``includes-state`` / ``includes-his`` / ``includes-visitor``
  (a listing, "The Kenyan delegation includes A": the leader is the delegation, visitor or person of that
  state; "his delegation, comprising A": the one named before; else the first visitor), ``part-of-visitor``
  and ``visiting-side-visitor`` ("A was part of the delegation", "The visiting side included A": the first
  visitor's), ``accompanied-by`` ("X was accompanied by A"), ``accompanying`` ("A accompanied the minister").
- who belongs (``member.*``): ``listed-with-head`` ("Representatives from Brazil included A, Head of
  Delegation, B and C"), ``includes`` ("The delegation comprised / includes / consisting of A and B"),
  ``part-of`` ("A and B were also part of the delegation"), ``visiting-side`` ("The visiting side included
  A"), ``accompanied-by`` ("X was accompanied by A and B"), ``accompanying`` ("General A accompanied the
  minister").
- its state (and its leader's, when not known): ``country.delegation-demonym`` ("the Turkish delegation", "a
  Pakistan Navy delegation", "the Australian team", "The Kenyan delegation includes"), ``country.delegation-of-state`` ("a delegation
  from the US Department of Defense"), ``country.delegation-told-before`` ("A delegation from the Rwanda Defence
  Force ... Led by X, the delegation": the state an earlier sentence gave it); else its leader's
  (``country.delegation-leader``, recorded when settled).
"""
from __future__ import annotations

import re

from kg import gazetteer
from kg.extract.lexicon import lexicon
from kg.extract.mentions import country_in, find_places
from kg.extract.records import ArticleRecord, DelegationDraft, MeetingDraft, Sentence


def read_delegation_cues(doc: ArticleRecord, sentence: Sentence, current: MeetingDraft | None,
                         last_subject: str | None) -> None:
    """The delegations, leaders and members one sentence tells (see the module's docstring)."""
    _leaders(doc, sentence, last_subject)
    _members_listed(doc, sentence, current)
    _members_joining(doc, sentence)
    _accompanied_by(doc, sentence, current)
    _accompanying(doc, sentence, current, last_subject)
    _accompanied_in_all(doc, sentence)


def _leaders(doc: ArticleRecord, sentence: Sentence, last_subject: str | None) -> None:
    """Who leads a delegation: "a delegation led by X", "X, Head of Delegation", "X led the Brazilian delegation",
    "X and his delegation", "delegation-level talks between A and B" (each side's)."""
    text = sentence.text
    refs = sentence.refs
    # the phrasings that name a leader after them (triggers.json "delegation_leader"): "a delegation led by X"; those
    # that name one before them ("X led the Brazilian delegation", "X and his delegation") are read last, below
    for rule in lexicon().triggers["delegation_leader"]:
        if rule["leader"] == "after":
            _leader_named_after(doc, sentence, rule, last_subject)
    # "Lt. Gen. X, Head of Delegation, ...": the post names the leader
    for mention in sentence.persons:
        record = doc.person(mention.key)
        opening = mention.span_start if mention.span_start >= 0 else mention.start
        if re.search(r"\b(?:[Hh]ead|[Ll]eader) of (?:the )?(?:[\w\-]+ ){0,4}?(?:delegation|team)\s*,?\s*$|"
                     r"\b(?:[Dd]elegation|[Tt]eam)['’]s (?:leader|head)\s*,?\s*$|\b[Tt]eam [Ll]eader\s*,?\s*$",
                     text[:opening]):
            # "The head of delegation, Lieutenant Colonel X, ...", "The head of the Kenya Defence Forces delegation,
            # Colonel X": the post in lower case before the name
            add_delegation(doc, mention.key, sentence, text[max(0, opening - 30):opening], "delegation.head-of-delegation")
        elif (post := _LEADER_POST.match(text, mention.end)) or record.position and \
                re.search(r"\bHead of (?:the )?(?:[A-Z][\w\-]* )?[Dd]elegation\b", record.position):
            delegation = add_delegation(doc, mention.key, sentence, post.group(0) if post else record.position,
                                        "delegation.head-of-delegation")
            # "Representatives from Brazil included A, Head of Delegation, B, ... and C": the others are members
            listing = re.search(r"\b(?:included|includes|comprised|comprises|consisted of|were)\s+", text)
            if listing and listing.end() <= mention.start:
                for other in sentence.persons:
                    if other.start >= listing.end() and \
                            delegation.add_member(other.key, "member.listed-with-head", text):
                        doc.settle_country(other.key, doc.country_of(mention.key), "country.delegation-member", text)
    # "X received A, B and C, and the delegations accompanying the guests": each guest heads one
    plural = re.search(r"\b(?:and )?(?:the|their) (?:accompanying )?delegations(?: accompanying (?:the|their) guests)?\b", text)
    if plural and len(refs) >= 3 and re.search(r"\b(?:received|hosted|welcomed|met)\b", text[:plural.start()]):
        for _, _, key in [r for r in refs if r.start < plural.start()][1:]:
            add_delegation(doc, key, sentence, plural.group(0), "delegation.guests-delegations")
    # "delegation-level talks between A and B": each heads their side's delegation
    level = re.search(r"\bdelegation[- ]level (?:talks|meetings?|discussions?|consultations)\s+(?:between|with)\s+", text)
    if level:
        for _, _, key in [r for r in refs if r.start >= level.end() - 1][:2]:
            add_delegation(doc, key, sentence, level.group(0), "delegation.delegation-level-talks", visiting=False)
    for rule in lexicon().triggers["delegation_leader"]:
        if rule["leader"] == "before":
            _leader_named_before(doc, sentence, rule)


def _leader_named_after(doc: ArticleRecord, sentence: Sentence, rule: dict, last_subject: str | None) -> None:
    """"a delegation led by X", "Leading the visiting delegation ..., X", "led by him" (the last subject)."""
    text = sentence.text
    for match in re.finditer(rule["pattern"], text):
        after = [r for r in sentence.refs if r.start >= match.end() - 1]
        if re.match(r"(?:him|her)\b", text[match.end():]) and last_subject:
            # "The five-member delegation, led by him, also includes ..."
            add_delegation(doc, last_subject, sentence, text[max(0, match.start() - 40):match.end() + 3], rule["id"])
        elif after:
            add_delegation(doc, after[0].key, sentence, text[max(0, match.start() - 40):match.end()], rule["id"])


def _leader_named_before(doc: ArticleRecord, sentence: Sentence, rule: dict) -> None:
    """"X led the Brazilian delegation", "X, who is leading a military delegation", "X and his delegation"."""
    text = sentence.text
    for match in re.finditer(rule["pattern"], text):
        before = [r for r in sentence.refs if r.end <= match.start()]
        if rule.get("not_in_relative_clause"):
            # "X, who was accompanied by his spouse Y, led a delegation": not from inside the relative clause
            relative = [(m.start(), m.end()) for m in re.finditer(r",\s*who\b[^,]*,", text[:match.start()])]
            before = [r for r in before if not any(s <= r.start < e for s, e in relative)]
            if re.search(r"\bby\s*$", text[:match.start()]):
                continue
        if before:
            add_delegation(doc, before[-1].key, sentence, match.group(0), rule["id"])


# the post after a name: "X, head of the African Union (AU) delegation", "X, a Senior Directing Staff of NDC and
# Leader of the team"
_LEADER_POST = re.compile(r"\s*,\s*(?:[^,.;]{0,60}?\band\s+)?(?:the\s+)?(?:[Hh]ead|[Ll]eader) of (?:the|a|his|her) "
                          r"(?:[\w\-]+\s+|\([A-Z]+\)\s+){0,4}?(?:delegation|team)\b")


def _members_listed(doc: ArticleRecord, sentence: Sentence, current: MeetingDraft | None) -> None:
    """Members listed: "The (Kenyan) delegation (, which) includes A and B"; the leader is the delegation's of
    that state, the one just named ("his delegation") or the last told."""
    text = sentence.text
    refs = sentence.refs
    # "The (Kenyan) delegation (, which) (also) includes/included/comprises A and B", "The Namibian delegation was
    # led by X, Minister of Defence, and included A and B"
    # (a demonym may take two words: "The Sri Lankan delegation", "the South African delegation")
    match = re.search(r"\b(?:(?!(?:The|A|An|His|Her|Its)\b)(?P<demonym>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)(?:'s)?\s+(?:military\s+|defen[cs]e\s+)?delegation|"
                      r"(?:the|his|her|its|a|an|(?P<with>along with|together with))\s+(?:visiting\s+|accompanying\s+)?"
                      r"(?:(?P<demonym2>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+)?(?:military\s+|defen[cs]e\s+)?delegation)\b"
                      r"(?:\s+of\s+(?:the\s+)?(?P<of_state>(?:Republic\s+of\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?))?"
                      r"(?:[^.;]{0,40}?|\s+was\s+(?:led|headed)\s+by\s+(?:[^.;]|\.(?=\s?[A-Z])){3,160}?,?\s+and(?:\s+it)?)\s*\b(?:also\s+)?"
                      r"(?:includes|included|include|comprises|comprised|comprising|consists of|consisted of|consisting of|composed of|made up of|including|that includes|which includes)\b", text,
                      re.I)
    if match:
        demonym = match.group("demonym") or match.group("demonym2")
        code = gazetteer.code_for(demonym) if demonym else None
        if code is None and match.group("of_state"):  # "The delegation of the Republic of Botswana ..."
            code = country_in(match.group("of_state"))
        zone_end = len(text)
        relative = re.search(r",\s*(?:who|which|whose|where)\b", text[match.end():])
        if relative:
            zone_end = match.end() + relative.start()
        # "X along with his delegation including A called on Y": the list ends at the contact verb
        verbs = [m.start() for rule in lexicon().triggers["meeting"]
                 for m in [re.search(rule["pattern"], text[match.end():zone_end], re.I)] if m]
        if verbs:
            zone_end = match.end() + min(verbs)
        members = [r.key for r in refs if match.end() <= r.start < zone_end]
        leader = None
        leader_rule = "delegation.includes-state"
        if code:
            leader = next((k for k, d in doc.delegations.items() if d.country == code), None)
            if leader is None:
                pool = [k for k in doc.visitors if doc.country_of(k) == code] or \
                    [p.key for p in doc.registry.persons.values() if p.country == code and p.key not in members
                     and p.first_sentence <= sentence.index]
                if not pool:
                    unknown = [k for k, _ in doc.mention_count.most_common()
                               if doc.country_of(k) is None and k not in members]
                    pool = unknown[:1]
                leader = pool[0] if pool else None
        else:
            his = re.search(r"\b(?:his|her|along with|together with)\s+(?:\w+\s+)?delegation", match.group(0), re.I)
            before = [r for r in refs if r.end <= match.start()]
            if his and before:
                leader, leader_rule = before[-1].key, "delegation.includes-his"
            elif doc.delegations:
                leader = list(doc.delegations)[-1]  # the last told: it exists, so the rule is its own
            elif doc.visitors:
                leader, leader_rule = doc.visitors[0], "delegation.includes-visitor"
        if leader:
            delegation = add_delegation(doc, leader, sentence, match.group(0), leader_rule)
            if code:
                delegation.settle_country(code, "country.delegation-demonym", text)
            main_clause = not re.search(r",\s*which\b|\bwhich\b", text[:match.end()])
            for key in members:
                if delegation.add_member(key, "member.includes", text):
                    doc.settle_country(key, delegation.country or doc.country_of(leader), "country.delegation-member", text)
            if main_clause and current is not None:
                delegation.members_in_context = True


def _members_joining(doc: ArticleRecord, sentence: Sentence) -> None:
    """Members named first: "A and B were also part of the delegation", "The visiting side included A"."""
    text = sentence.text
    refs = sentence.refs
    # "A and B were also part of the delegation", "The visiting side included A"
    match = re.search(r"\b(?:were|was|are|is) (?:also )?(?:part|members?) of (?:the|his|her) (?:[\w\-]+ )?delegation\b", text)
    if match:
        members = [r.key for r in refs if r.end <= match.start()]
        leader = list(doc.delegations)[-1] if doc.delegations else (doc.visitors[0] if doc.visitors else None)
        if leader:
            delegation = add_delegation(doc, leader, sentence, match.group(0), "delegation.part-of-visitor")
            for key in members:
                delegation.add_member(key, "member.part-of", text)
            delegation.members_in_context = True
    match = re.search(r"\b[Tt]he (?:visiting|guest|foreign) (?:side|party) (?:also )?(?:included|includes|comprised)\b", text)
    if match and (doc.delegations or doc.visitors):
        leader = list(doc.delegations)[-1] if doc.delegations else doc.visitors[0]
        delegation = add_delegation(doc, leader, sentence, match.group(0), "delegation.visiting-side-visitor")
        for _, _, key in refs:
            delegation.add_member(key, "member.visiting-side", text)
        delegation.members_in_context = True


def _accompanied_by(doc: ArticleRecord, sentence: Sentence, current: MeetingDraft | None) -> None:
    """Members who accompany a leader: "X was accompanied by A and B" (not the host's own staff)."""
    text = sentence.text
    refs = sentence.refs
    # "X was accompanied by A and B"
    match = re.search(r"\b(?:was|were|is|are)?\s*accompanied\s+(?:[\w\s]{0,30}?\s)?by\s+", text)
    if match and not re.search(r"\bwho accompanied\b", text):
        before = [r for r in refs if r.end <= match.start()]
        # the list ends where the main clause resumes: "X, who was accompanied by A, B and C, discussed ..."
        # (not a list's own "including": "accompanied by senior officials, including A and B")
        resume = re.search(r",\s+(?!and\b|or\b|the\b|a\b|an\b|his\b|her\b|who\b|both\b|including\b|among\b|namely\b)[a-z]|;",
                           text[match.end():])
        zone_end = match.end() + resume.start() if resume else len(text)
        after = [r for r in refs if match.end() - 1 <= r.start < zone_end]
        leader = before[-1].key if before else None
        if leader and current is not None and (leader == current.host_person or (
                current.venue_country and doc.country_of(leader) == current.venue_country)):
            leader = None  # the host's own staff at their side is no delegation
        home = doc.country_of(leader) if leader else None
        if leader and not after and _UNNAMED_COMPANIONS.match(text, match.end()) and not any(
                r.key != leader and home and doc.country_of(r.key) == home for r in refs):
            # "X, accompanied by some senior officers, arrived": a delegation whose members go unnamed (not where
            # a compatriot receives them: "the minister received the chief of staff, accompanied by commanders")
            add_delegation(doc, leader, sentence, text[match.start():match.end() + 40], "delegation.accompanied-by-officials")
        if leader and after:
            delegation = add_delegation(doc, leader, sentence, match.group(0), "delegation.accompanied-by")
            for _, _, key in after:
                if doc.country_of(key) in (None, doc.country_of(leader)) \
                        and delegation.add_member(key, "member.accompanied-by", text):
                    doc.settle_country(key, doc.country_of(leader), "country.accompanies-leader", text)


# companions told as a group: "accompanied by senior SNA officers", "by six other senior military officials",
# "by representatives from the Ministry of Defence", "by a team of officers"
_UNNAMED_COMPANIONS = re.compile(r"(?:(?:some|several|a number of|a team of|a group of|other|\w+ other|his|her|the|"
                                 r"\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)*"
                                 r"(?:(?:senior|high[- ]ranking|top|other|military|defen[cs]e|army|naval|air force|"
                                 r"[A-Z][\w\-]*)\s+){0,3}(?:officers|officials|commanders|representatives|staff officers|aides)\b")


def _accompanying(doc: ArticleRecord, sentence: Sentence, current: MeetingDraft | None, last_subject: str | None) -> None:
    """Members named as companions of a participant: "The Inspector General, General X, accompanied the minister"."""
    text = sentence.text
    refs = sentence.refs
    # "The Inspector General, General X, accompanied the minister": X belongs to the minister's delegation
    match = re.search(r"\b(?:accompanied|was accompanying|were accompanying)\s+(?=the\b|his\b|her\b|him\b|[A-Z])", text)
    if match and not re.search(r"\bwho\s+$|\b(?:was|were|is|are)\s+$", text[:match.start()]):
        members = [r.key for r in refs if r.end <= match.start() + 1]
        after = [r.key for r in refs if r.start >= match.end() - 1]
        leader = after[0] if after else (last_subject if re.match(r"him\b|her\b", text[match.end():]) else None)
        if leader and members and leader not in members and current is not None \
                and leader in current.participants and leader != current.host_person \
                and doc.country_of(leader) != current.venue_country \
                and (doc.country_of(leader) is None
                     or all(doc.country_of(k) in (None, doc.country_of(leader)) for k in members)):
            sides = {doc.country_of(k) for k in members} - {None}
            if doc.country_of(leader) is None and len(sides) == 1:
                doc.settle_country(leader, sides.pop(), "country.accompanied-by-compatriots", text)
            delegation = add_delegation(doc, leader, sentence, match.group(0), "delegation.accompanying")
            delegation.country = delegation.country or doc.country_of(leader)  # its leader's (settle records it)
            for key in members:
                delegation.add_member(key, "member.accompanying", text)


def _accompanied_in_all(doc: ArticleRecord, sentence: Sentence) -> None:
    """", who accompanied the Army Commander in both engagements": each delegation's members join its leader's
    contacts."""
    text = sentence.text
    # "..., who accompanied the Army Commander in both engagements"
    match = re.search(r"\bwho accompanied\s+(?:him|her|the [\w\s]+?)\s+(?:in|at|during) (?:both|all)\b", text)
    if match:
        for delegation in doc.delegations.values():
            for key in delegation.members:
                for meeting in doc.meetings:
                    if delegation.leader in meeting.participants and key not in meeting.participants:
                        meeting.participants.append(key)


def add_delegation(doc: ArticleRecord, leader: str, sentence: Sentence, cue: str, rule: str,
                   visiting: bool = True) -> DelegationDraft:
    """The delegation ``leader`` heads (a visitor's, unless ``visiting`` is False: a host's own delegation);
    ``rule`` is the cue that made them its leader, when this makes the delegation."""
    if leader not in doc.delegations:
        delegation = DelegationDraft(leader, doc.country_of(leader), leader_rule=rule)
        code, country_rule = _delegation_state(cue)
        if code:
            delegation.settle_country(code, country_rule, sentence.text)
        elif re.search(r"\b[Tt]he\s+(?:[\w\-]+\s+){0,2}(?:delegation|team)\b", sentence.text):
            # "A 19-member delegation from the Rwanda Defence Force ... Led by X, the delegation was received":
            # the delegation told before, with its state
            for earlier in reversed(doc.sentences[:sentence.index]):
                code, _ = _delegation_state(earlier.text)
                if code:
                    delegation.settle_country(code, "country.delegation-told-before", earlier.text)
                    break
        doc.delegations[leader] = delegation
        if delegation.country_rule:  # "the Turkish delegation was headed by X": the leader's state is the one it says
            doc.settle_country(leader, delegation.country, delegation.country_rule, sentence.text)
        if visiting and leader not in doc.visitors:
            doc.visitors.append(leader)
    delegation = doc.delegations[leader]
    if sentence.text not in delegation.evidence:
        delegation.evidence.append(sentence.text)
    return delegation


def _delegation_state(text: str) -> tuple[str | None, str | None]:
    """The state a delegation is said to be of, and the rule: "the Turkish delegation", "a Pakistan Navy
    delegation" (a service's name between the state and the word), "a delegation from the US Department of
    Defense", "the delegation of the Royal Thai Armed Forces"."""
    demonym = re.search(r"\b((?:[A-Z][\w\-]+\s+)?[A-Z][\w\-]+)(?:\s+(?:[a-z][\w\-]*|Army|Navy|Naval|Air Force|Air|"
                        r"Armed Forces|Military|Defen[cs]e|Ministry|Government)){0,3}\s+(?:[Dd]elegation|team\b)", text)
    # ("the South African delegation": a people of two words)
    code = demonym and next(filter(None, map(gazetteer.code_for, (demonym.group(1), *demonym.group(1).split()))), None)
    if code:
        return code, "country.delegation-demonym"
    # ... "students from the National Defence College of Kenya" (a study group)
    of_state = re.search(r"\b(?:[Dd]elegation|team|students|participants|course members|cadets)\s+(?:from|of)\s+(?:the\s+)?"
                         r"((?:[A-Z][\w.'\-]*\s*|\([A-Z]+\)\s*|of\s+){1,8})", text)
    if of_state:
        places = [p for p in find_places(of_state.group(1)) if p.kind in ("country", "demonym", "institution")]
        if places:
            return places[0].code, "country.delegation-of-state"
    return None, None
