"""Role nouns resolved to persons: "the minister", "the Russian guest", "his counterpart", "the two generals".

`resolve_role(reader, match, subject)` reads the discourse state of an `ArticleReader` (the contact being
told, its host and visitors, who was mentioned most) and returns the keys of the persons meant.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg import gazetteer
from kg.extract.posts import acronyms

if TYPE_CHECKING:
    from kg.extract.contacts import ArticleReader


def resolve_role(reader: ArticleReader, match: re.Match, subject: str | None, sentence_index: int) -> list[str]:
    role = match.group("role").lower()
    # "Ukraine's new defence minister": the possessor names the state, like "the Ukrainian defence minister"
    possessor = match.groupdict().get("possessor")
    demonym = match.group("demonym")
    if possessor and gazetteer.code_for(possessor):
        if demonym and gazetteer.code_for(demonym) is None:
            role = f"{demonym.lower()} {role}"  # "Ukraine's defence minister": the role is "defence minister"
        demonym = possessor
    if demonym and gazetteer.code_for(demonym) is None:
        # "the Deputy Secretary General": capitalised role words, not a people
        if demonym.lower() in ("deputy", "vice", "first", "assistant", "russian") or demonym[0].isupper():
            role = f"{demonym.lower()} {role}"
            demonym = None
    det = "the" if possessor else match.group("det").lower()
    current = reader.current
    singular = role.rstrip("s")
    if singular in ("side", "party"):
        # "the Azerbaijani side": its most salient person; without a people named, nobody in particular
        pool = reader.candidates(demonym) if demonym and gazetteer.code_for(demonym) else []
        return [max(pool, key=reader.salience).key] if pool else []
    if role.startswith("delegation"):
        leader = None
        if demonym:
            code = gazetteer.code_for(demonym)
            leader = next((k for k, d in reader.delegations.items() if d.country == code), None)
        elif reader.delegations:
            leader = list(reader.delegations)[-1]
        return [leader] if leader else []
    if singular in ("counterpart", "colleague", "interlocutor"):
        pool = reader.candidates(demonym) if demonym else []
        if current:
            others = [k for k in current.participants if k != subject]
            if demonym:
                code = gazetteer.code_for(demonym)
                others = [k for k in others if reader.country_of(k) == code]
            elif subject and reader.country_of(subject):
                others = [k for k in others if reader.country_of(k) != reader.country_of(subject)] or others
            if others:
                others.sort(key=lambda k: reader.salience(reader.person(k)), reverse=True)
                return [others[0]] if not role.endswith("s") else others
        if pool:
            return [max(pool, key=reader.salience).key]
        return []
    if singular == "host":
        if demonym:
            code = gazetteer.code_for(demonym)
            participants = current.participants if current else []
            pool = [k for k in participants if reader.country_of(k) == code] or \
                [k for k in participants if reader.country_of(k) is None and k != subject]
            if pool:
                return [pool[0]]
            pool = reader.candidates(demonym)
            return [max(pool, key=reader.salience).key] if pool else []
        if current and current.host_person and current.host_person != subject:
            return [current.host_person]
        if current and current.venue_country:
            at_home = [k for k in current.participants if reader.country_of(k) == current.venue_country and k != subject]
            if at_home:
                return [at_home[0]]
        if current:
            others = [k for k in current.participants if k != subject and k not in reader.visitors]
            if others:
                return [others[0]]
            others = [k for k in current.participants if k != subject]
            if others:
                return [others[0]]
        return []
    if singular in ("guest", "visitor", "dignitary") or match.group("visiting"):
        pool = reader.candidates(demonym)
        visitors = [k for k in reader.visitors if any(p.key == k for p in pool)]
        if visitors:
            return [visitors[-1]]
        if current:
            in_sentence = reader._same_sentence
            guests = [k for k in current.participants if k != current.host_person and k not in in_sentence
                      and (not demonym or reader.country_of(k) == gazetteer.code_for(demonym))
                      and (current.host_person or not current.venue_country
                           or reader.country_of(k) != current.venue_country)]
            if guests:
                return [guests[0]]
        if pool and demonym:
            return [max(pool, key=reader.salience).key]
        return []
    # "the ministers", "the two generals", "both ministers": the principals of the contact being told
    if role.endswith("s") and singular in ("minister", "general", "admiral", "commander", "chief", "defence chief",
                                            "defense chief", "army chief", "official") and not demonym:
        if current is None or (det not in ("the", "both") and not match.group("number")):
            return []
        principals = [k for k in current.participants if k not in reader.joiners]
        return principals[:int({"three": 3}.get((match.group("number") or "").strip(), 2))]
    # "the minister", "the Russian deputy minister", "the general", "the Indonesian officer"
    pool = reader.candidates(demonym)
    if det in ("his", "her", "their", "its") and singular not in ("minister",):
        return []
    words = singular.replace("defense", "defence").split()
    scored = []
    for p in pool:
        text = f"{p.rank or ''} {p.position or ''}".lower().replace("defense", "defence")
        text = text + " " + " ".join(acronyms(p.position or ""))
        if singular in ("official", "officer", "delegation head"):
            hit = True
        else:
            hit = all(w in text.split() or w in text for w in words)
        if hit and p.key not in reader._same_sentence:
            in_current = bool(current and p.key in current.participants)
            scored.append((in_current, *reader.salience(p), -int(p.key[1:]), p.key))
    if scored:
        scored.sort(reverse=True)
        return [scored[0][-1]]
    if demonym and pool:
        return [max(pool, key=reader.salience).key]
    return []
