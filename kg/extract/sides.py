"""The state each person represents when the text leaves it implicit.

In order: the delegation they belong to, the venue of a contact they host ("X welcomed Y to London"), a post
the text gives a state without a name ("Dutch Chief of Defense Visits ..."), then the setting's guesses: the
dateline's state, the outlet's home state, the states the article names most (a topic of the talks counting
little). Those who joined a contact take the host's side, else their compatriots' in the same list. A state is
refused only when it would leave one of the person's contacts with one side.

`assign_countries(doc, keys)` reads the record's contacts, delegations, visitors and setting, settles the
persons' states in `doc.registry` (each with its rule) and returns the persons whose state only the setting
suggested (the dateline's, the outlet's, the most named).
"""
from __future__ import annotations

import re

from kg import gazetteer
from kg.extract.cues import DIPLOMAT
from kg.extract.posts import same_post
from kg.extract.records import ArticleRecord


def posted_to(position: str | None) -> str | None:
    """The state an envoy is posted to ("Ambassador to Kuwait", "Defence Attaché in Sri Lanka"), or None."""
    found = re.search(r"\b(?:Ambassador|Charg[eé] d'Affaires|Attach[eé]|High Commissioner)\b[^,;]*?\b(?:to|in)\s+"
                      r"(?:the\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3})", position or "")
    return gazetteer.code_for(found.group(1)) if found else None


def _state_of_post_told(doc: ArticleRecord, key: str) -> tuple[str, str] | None:
    """The one state a sentence gives the person's post when it names the post without a name ("the Dutch Chief of
    Defence", "Norway's Chief of Defence", "the Chief of Defence of the Netherlands"), with its sentence; None when
    the post is a single word, another person named holds it, or sentences give it different states."""
    position = doc.person(key).position or ""
    words = position.split()
    if len(words) < 2 or any(k != key and p.position and same_post(p.position, position)
                             for k, p in doc.registry.persons.items()):
        return None
    pattern = re.compile(r"\b" + r"\s+".join(re.sub(r"defen[cs]e", "defen[cs]e", re.escape(w.lower()))
                                             for w in words) + r"\b", re.I)
    found: dict[str, str] = {}
    told = [(s.text, s.places, s.persons) for s in doc.sentences]
    if doc.headline:
        told.append((doc.headline, doc.headline_places, []))
    for text, places, persons in told:
        for match in pattern.finditer(text):
            if any(m.start >= match.end() and m.start - match.end() <= 40 or
                   (m.span_start if m.span_start >= 0 else m.start) <= match.start() < m.end for m in persons):
                continue  # another's title, or a name right after the post
            for place in places:
                before = place.end <= match.start() and re.fullmatch(r"(?:['’]s?)?\s*", text[place.end:match.start()])
                after = place.start >= match.end() and re.fullmatch(r"\s+(?:of|from)\s+(?:the\s+)?",
                                                                    text[match.end():place.start])
                if place.kind in ("country", "demonym") and (before or after):
                    found.setdefault(place.code, text)
    return next(iter(found.items())) if len(found) == 1 else None


def assign_countries(doc: ArticleRecord, keys: set[str]) -> set[str]:
    """Countries the text leaves implicit: principals first (the side not yet present in their
    contacts), then those who "also attended" (the host side, else the article's protagonist)."""
    guessed: set[str] = set()
    ordered = sorted(keys, key=lambda k: int(k[1:]))  # in order of appearance: the same result on every run
    principals = [k for k in ordered if k not in doc.joiners]
    joiners = [k for k in ordered if k in doc.joiners]
    for key in sorted(principals, key=lambda k: -doc.mention_count[k]):
        fallback_country(doc, key, guessed)
    protagonist = max(principals or keys, key=lambda k: (doc.mention_count[k], -int(k[1:])), default=None)
    for key in joiners:
        person = doc.person(key)
        if person.country:
            continue
        if key in doc.same_side:  # "Accompanying the admiral were ...": the side of the one they came with
            companion, evidence = doc.same_side[key]
            if doc.country_of(companion) is None:
                fallback_country(doc, companion, guessed)
            doc.settle_country(key, doc.country_of(companion), "country.came-with", evidence)
            if person.country:
                continue
        for meeting in doc.meetings:
            if key in meeting.participants:
                posted = posted_to(person.position)
                others = {doc.country_of(k) for k in meeting.participants if k != key} - {None, posted}
                if posted:
                    # "The Chargé d'Affaires in Peru also took part": an envoy joins the side that posted them
                    if len(others) == 1:
                        doc.settle_country(key, others.pop(), "country.envoy-joins-own-side", meeting.evidence[0])
                elif meeting.host_person and meeting.host_direction != "neutral" and doc.country_of(meeting.host_person):
                    doc.settle_country(key, doc.country_of(meeting.host_person), "country.joins-the-host",
                                       meeting.evidence[0])
                elif meeting.venue_country in {doc.country_of(k) for k in meeting.participants}:
                    doc.settle_country(key, meeting.venue_country, "country.joins-at-home", meeting.evidence[0])
                break
        if person.country is None:
            # "The meeting was attended by UAE's National Security Adviser X, Deputy Prime Minister Y, ...": those
            # who joined in one sentence with others of one state only are of that state
            listed = {doc.country_of(k) for k in doc.joiners
                      if k != key and doc.person(k).first_sentence == person.first_sentence} - {None}
            if len(listed) == 1:
                doc.settle_country(key, listed.pop(), "country.joins-with-compatriots",
                                   doc.sentences[person.first_sentence].text)
        if person.country is None and protagonist and protagonist != key:
            doc.settle_country(key, doc.country_of(protagonist), "country.joins-the-protagonist")
        if person.country is None:
            fallback_country(doc, key, guessed)
    return guessed


def fallback_country(doc: ArticleRecord, key: str, guessed: set[str]) -> None:
    """One person's state from the contacts, delegation, visit and setting (added to ``guessed`` when only
    the setting gave it)."""
    person = doc.person(key)
    if person.country:
        return
    if key in doc.same_side and doc.country_of(doc.same_side[key][0]):  # "The two with their team met X"
        companion, evidence = doc.same_side[key]
        doc.settle_country(key, doc.country_of(companion), "country.came-with", evidence)
        return
    # the other sides of their contacts (those who merely attended are usually of the home side)
    partners = set()
    # states that would leave one of their contacts with a single side
    single = set()
    for meeting in doc.meetings:
        if key in meeting.participants:
            others = {doc.country_of(k) for k in meeting.participants if k != key and k not in doc.joiners} - {None}
            # a visitor meets their own envoy ("private meetings with U.S. Ambassador to Jordan X"): such a meeting
            # does not forbid the envoy's state
            envoys = {doc.country_of(k) for k in meeting.participants if k != key and DIPLOMAT.search(doc.person(k).position or "")}
            if not (others and others <= envoys):
                partners |= others
            if len(others) == 1 and not others <= envoys:
                single |= others
    partners.discard(None)
    for delegation in doc.delegations.values():
        if (key in delegation.members or key == delegation.leader) and delegation.country:
            doc.settle_country(key, delegation.country, "country.delegation", delegation.evidence[0] if delegation.evidence else "")
            return
    home_hints = {doc.dateline_country, doc.outlet_country} - {None}
    for meeting in doc.meetings:
        # who receives someone in London is British ("X welcomed Y to London")
        if meeting.host_person == key and meeting.host_direction != "neutral" and meeting.mode == "in_person" \
                and meeting.venue_country and meeting.venue_country not in partners and key not in doc.visitors \
                and not gazetteer.is_international_body(meeting.venue_country) \
                and (not meeting.sidelines or meeting.venue_country in home_hints) \
                and not any(gazetteer.code_for(f.city) == meeting.venue_country for f in doc.forums.values() if f.city):
            doc.settle_country(key, meeting.venue_country, "country.receives-at-home", meeting.evidence[0])
            return
    # "Secretary General X" (or "Under-Secretary General X") with no state, in a story (even one of a visit to a state) that names one international
    # body: that body's
    if re.fullmatch(r"(?:Deputy |Assistant )?(?:Under[- ]?)?Secretary[- ]General", person.position or "", re.I):
        bodies = [code for code in doc.country_counts if gazetteer.is_international_body(code)]
        if len(bodies) == 1:
            doc.settle_country(key, bodies[0], "country.body-secretary-general")
            return
    if key not in doc.visit_targets:
        # the people a visitor meets are of the state visited ("X, on an official visit to Nigeria, met Y")
        for meeting in doc.meetings:
            visitors = [k for k in meeting.participants if k in doc.visit_targets and k != key]
            visited = {doc.visit_targets[k] for k in visitors}
            if key in meeting.participants and len(visited) == 1:
                # ... or, on a tour of several, the one this contact's own sentence places it in ("Later, X travelled
                # to Uzbekistan's capital Tashkent and met with President Y")
                venue = meeting.venue_country
                if venue and venue not in visited and not gazetteer.is_international_body(venue) \
                        and venue not in {doc.country_of(k) for k in visitors}:
                    visited = {venue}
                doc.settle_country(key, visited.pop(), "country.state-visited", meeting.evidence[0])
                return
    # who invites a visitor to visit is of the state visited ("X visits Morocco at the invitation of Y")
    for invitation in doc.invitations:
        if invitation.inviter == key and invitation.forum is None and invitation.invitee in doc.visit_targets:
            doc.settle_country(key, doc.visit_targets[invitation.invitee], "country.invites-to-own-state",
                               invitation.evidence)
            return
    # who receives "Japan's Ambassador to Kuwait" is of the state the envoy is posted to (a visitor meets their own)
    for meeting in doc.meetings:
        if key not in meeting.participants or key in doc.visitors or key in doc.visit_targets:
            continue
        posted = {posted_to(doc.person(k).position) for k in meeting.participants if k != key} - {None}
        posted -= {doc.country_of(k) for k in meeting.participants if k != key}
        if len(posted) == 1:
            doc.settle_country(key, posted.pop(), "country.envoys-host-state", meeting.evidence[0])
            return
    # who meets visitors or envoys from abroad in a state that is none of theirs is of that state ("Chang met
    # Prachanda", at a venue in Nepal; "X held a meeting with the Afghan ambassador in Rawalpindi"; not at a forum,
    # where everyone may be a guest)
    # (beside the guests, others with no state yet or of the venue's are hosts too: "with King X and his son Y")
    for meeting in doc.meetings:
        venue = meeting.venue_country
        visitors = [k for k in meeting.participants if k != key and doc.country_of(k) not in (None, venue)]
        others = {doc.country_of(k) for k in visitors}
        if key in meeting.participants and key not in doc.visitors and meeting.mode == "in_person" and venue \
                and not meeting.sidelines and others \
                and all(k in doc.visitors or DIPLOMAT.search(doc.person(k).position or "") for k in visitors) \
                and not doc.forums \
                and not gazetteer.is_international_body(venue):
            doc.settle_country(key, venue, "country.met-at-home", meeting.evidence[0])
            return
    # "Dutch Chief of Defense Visits the United States" ... "Chief of Defence General X": the post, held by nobody
    # else named, told elsewhere with its state
    told = _state_of_post_told(doc, key)
    if told and told[0] not in single:
        doc.settle_country(key, told[0], "country.post-told-with-state", told[1])
        return
    guessed.add(key)  # what follows is the setting's word, not the text's about this person
    # a visitor is not of the state they visit
    single = single | ({doc.visit_targets[key]} if key in doc.visit_targets else set())
    # ... nor, at a forum's sidelines, of the state the forum meets in (the dateline's): all there may be guests
    at_sidelines = any(key in m.participants for m in doc.meetings) and all(
        m.sidelines and any(re.search(r"\b(?:sidelines|margins)\b", text) for text in m.evidence)
        for m in doc.meetings if key in m.participants)
    if doc.dateline_country and doc.dateline_country not in single and not at_sidelines:
        doc.settle_country(key, doc.dateline_country, "country.dateline (weak)")
        return
    # a visitor's state is the outlet's only when the outlet is not of the state visited (told, or the city the
    # sentence telling the visitor's contact names)
    visited = doc.visit_targets.get(key) or next((m.venue_country for m in doc.meetings if key in m.participants
                                                  and m.venue_country and m.city and m.city in m.evidence[0]), None)
    if doc.outlet_country and doc.outlet_country not in single and (
            key not in doc.visitors or visited not in (None, doc.outlet_country)):
        doc.settle_country(key, doc.outlet_country, "country.outlet (weak)")
        return
    ranked = [code for code, _ in doc.country_counts.most_common()
              if code not in partners and code != doc.visit_targets.get(key) and not gazetteer.is_international_body(code)]
    if ranked:
        doc.settle_country(key, ranked[0], "country.most-named-state (weak)")
