"""Role nouns resolved to persons: "the minister", "the Russian guest", "his counterpart", "the two generals".

`resolve_role(doc, current, match, subject, sentence_index, in_sentence)` reads the record (the persons
named so far, visitors, delegations, who was mentioned most) and the contact being told (``current``: its
participants and host), and returns the keys of the persons meant. It changes nothing.
"""
from __future__ import annotations

import re
from kg.extract.lexicon import lexicon
from kg.extract.mentions import find_places
from kg.extract.posts import acronyms
from kg.extract.records import ArticleRecord, MeetingDraft


def resolve_role(doc: ArticleRecord, current: MeetingDraft | None, match: re.Match, subject: str | None,
                 sentence_index: int, in_sentence: set[str]) -> list[str]:
    """The persons a role noun (a match of `references.ROLE_NOUN`) means; ``subject`` is the one the sentence is
    about so far, ``in_sentence`` those it referred to before the role noun (who are not "the guest" or "the
    minister" it goes on to name)."""
    role = match.group("role").lower()
    # "Ukraine's new defence minister": the possessor names the state, like "the Ukrainian defence minister"
    possessor = match.groupdict().get("possessor")
    demonym = match.group("demonym")
    if possessor and doc.state_named(possessor):
        if demonym and doc.state_named(demonym) is None:
            role = f"{demonym.lower()} {role}"  # "Ukraine's defence minister": the role is "defence minister"
        demonym = possessor
    if demonym and doc.state_named(demonym) is None:
        # "the Deputy Secretary General", "the army chief", "the defence minister": role words, not a people
        role = f"{demonym.lower()} {role}"
        demonym = None
    det = "the" if possessor else match.group("det").lower()
    singular = role.rstrip("s")
    if singular in ("side", "party"):
        # "the Azerbaijani side": its most salient person; without a people named, nobody in particular
        pool = doc.candidates(demonym, sentence_index) if demonym and doc.state_named(demonym) else []
        return [max(pool, key=doc.salience).key] if pool else []
    if role.startswith("delegation"):
        leader = None
        # "the delegation of the Royal Brunei Armed Forces": the state after it
        code = doc.state_named(demonym) if demonym else _state_after(match.string, match.end())
        if code:
            leader = next((k for k, d in doc.delegations.items() if d.country == code), None)
            # no delegation read with its leader: the visitor of that state leads it
            leader = leader or next((k for k in reversed(doc.visitors) if doc.country_of(k) == code), None)
        elif doc.delegations:
            leader = list(doc.delegations)[-1]
        return [leader] if leader else []
    if singular in ("counterpart", "colleague", "interlocutor"):
        pool = [p for p in doc.candidates(demonym, sentence_index) if p.key not in in_sentence] if demonym else []
        if current:
            others = [k for k in current.participants if k != subject]
            if demonym:
                code = doc.state_named(demonym)
                others = [k for k in others if doc.country_of(k) == code]
            elif subject and doc.country_of(subject):
                others = [k for k in others if doc.country_of(k) != doc.country_of(subject)] or others
            if others:
                others.sort(key=lambda k: doc.salience(doc.person(k)), reverse=True)
                return [others[0]] if not role.endswith("s") else others
        if pool:
            return [max(pool, key=doc.salience).key]
        if not demonym and not role.endswith("s") and subject:
            # "During the visit, X met with his counterpart": the visitor, else the most told person of another state
            home = doc.country_of(subject)
            others = [p for p in doc.candidates(None, sentence_index) if p.key != subject and p.key not in in_sentence
                      and (home is None or doc.country_of(p.key) not in (None, home))]
            visitors = [p for p in others if p.key in doc.visitors]
            if visitors or others:
                return [max(visitors or others, key=doc.salience).key]
        return []
    if singular == "host":
        if demonym:
            code = doc.state_named(demonym)
            participants = current.participants if current else []
            pool = [k for k in participants if doc.country_of(k) == code] or \
                [k for k in participants if doc.country_of(k) is None and k != subject]
            if pool:
                return [pool[0]]
            pool = doc.candidates(demonym, sentence_index)
            return [max(pool, key=doc.salience).key] if pool else []
        if current and current.host_person and current.host_person != subject:
            return [current.host_person]
        if current and current.venue_country:
            at_home = [k for k in current.participants if doc.country_of(k) == current.venue_country and k != subject]
            if at_home:
                return [at_home[0]]
        if current:
            others = [k for k in current.participants if k != subject and k not in doc.visitors]
            if others:
                return [others[0]]
            others = [k for k in current.participants if k != subject]
            if others:
                return [others[0]]
        return []
    # ("the Senior General", "the new minister": no guest)
    if singular in ("guest", "visitor", "dignitary") or (match.group("visiting") or "").lower() in (
            "visiting", "accompanying", "foreign", "distinguished"):
        # "X and his Lao guest": not X, nor anyone the sentence named before
        pool = [p for p in doc.candidates(demonym, sentence_index) if p.key not in in_sentence]
        visitors = [k for k in doc.visitors if any(p.key == k for p in pool)]
        if visitors:
            return [visitors[-1]]
        if current:
            guests = [k for k in current.participants if k != current.host_person and k not in in_sentence
                      and (not demonym or doc.country_of(k) == doc.state_named(demonym))
                      and (current.host_person or not current.venue_country
                           or doc.country_of(k) != current.venue_country)]
            if guests:
                return [guests[0]]
        if pool and demonym:
            return [max(pool, key=doc.salience).key]
        return []
    # "the ministers", "the two generals", "both ministers": the principals of the contact being told
    if role.endswith("s") and singular in ("minister", "general", "admiral", "commander", "chief", "defence chief",
                                            "defense chief", "army chief", "official", "chod") and not demonym:
        if current is None and (det == "the" and (match.group("number") or "").strip() == "two"
                                or det in ("the", "both") and singular in ("chod", "minister", "general", "admiral")):
            # "the two generals", "During their meeting the CHODs discussed ...": no contact told yet
            return _pair_told_together(doc, sentence_index)
        if current is None or (det not in ("the", "both") and not match.group("number")):
            return []
        principals = [k for k in current.participants if k not in doc.joiners]
        return principals[:int({"three": 3}.get((match.group("number") or "").strip(), 2))]
    # "the minister", "the Russian deputy minister", "the general", "the Indonesian officer"
    pool = doc.candidates(demonym, sentence_index)
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
            variants = lexicon().role_word_variants
            hit = all(any(v in text.split() or v in text for v in (w, *variants.get(w, ()))) for w in words)
        if hit and p.key not in in_sentence:
            in_current = bool(current and p.key in current.participants)
            scored.append((in_current, *doc.salience(p), -int(p.key[1:]), p.key))
    if scored:
        scored.sort(reverse=True)
        return [scored[0][-1]]
    # "the army chief met ... officials of the USA, including the USA army chief": not one already referred to
    # (an envoy is none of a state's officials named with other posts: "the Korean Ambassador to the Sultanate")
    pool = [p for p in pool if p.key not in in_sentence]
    if demonym and pool and singular not in ("ambassador", "envoy"):
        return [max(pool, key=doc.salience).key]
    return []


def _pair_told_together(doc: ArticleRecord, sentence_index: int) -> list[str]:
    """"X visited Kenya at the invitation of Y. ... where the two generals discussed ...": with no contact told yet,
    the two persons a recent sentence named together (and no one else), not known to be of one state."""
    for earlier in reversed(doc.sentences[max(0, sentence_index - 3):sentence_index]):
        keys = list(dict.fromkeys(ref.key for ref in earlier.refs or []))
        if len(keys) == 2 and len({doc.country_of(k) for k in keys}) == 2:
            return keys
    return []


def _state_after(text: str, end: int) -> str | None:
    """The state "of the Royal Brunei Armed Forces", "from Vietnam" names right after a role noun."""
    after = re.match(r"\s+(?:of|from)\s+(?:the\s+)?((?:[A-Z][\w.'\-]*\s*){1,6})", text[end:])
    places = [p for p in find_places(after.group(1)) if p.kind in ("country", "demonym", "institution")] if after else []
    return places[0].code if places else None
