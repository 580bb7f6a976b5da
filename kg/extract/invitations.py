"""Invitations: who invites whom to visit a state or to attend a forum ("X invited Y to visit Z",
"Y accepted an invitation from X", "... and invited Y to the 12th Xiangshan Forum").

Both readers take one sentence with its references and return the `InvitationDraft`s it tells (the caller
adds them to `ArticleRecord.invitations`); they change nothing. The state visited at someone's invitation is
settled with the persons' states (`kg.extract.settle`); an inviter named by post only ("at the invitation of the
Mongolian Minister of Defence") is the post's holder, found there once the whole article is read.
"""
from __future__ import annotations

import re

from kg import gazetteer
from kg.extract.dates import future_date
from kg.extract.lexicon import lexicon
from kg.extract.mentions import country_in
from kg.extract.records import INVITER_COUNTERPART, ArticleRecord, InvitationDraft, MeetingDraft, Ref, Sentence


def read_invitation_of(sentence: Sentence, refs: list[Ref], visitors: list[str],
                       last_subject: str | None) -> list[InvitationDraft]:
    """A visit at someone's invitation (see ``invitation_of`` in triggers.json): the person named right after
    the phrase invites; the visitor is the sentence's subject, or the visitor the story is about. The state
    visited is the inviter's, settled when the article's states are (None until then)."""
    text = sentence.text
    match = re.search(lexicon().triggers["invitation_of"], text, re.I)
    if not match:
        return []
    if re.search(r"\b(?:his|her|their)\s+(?:\w+\s+)?invitation\s*$", match.group(0)):
        # "X met Y who, at his invitation, arrived ...": the sentence's subject invited the one just named
        before = [r for r in refs if r.end <= match.start()]
        if len(before) >= 2 and before[0].key != before[-1].key:
            return [InvitationDraft(before[0].key, before[-1].key, None, None, text, "invitation.at-his-invitation")]
        return []
    owner = re.search(r"(?:['’]s|s['’]|['’])\s+(?:\w+\s+)?invitation$", match.group(0))
    if owner:
        # "Orlov arrived upon Ruiz' invitation": the one named before the possessive invites the subject
        givers = [r for r in refs if match.start() < r.start < match.start() + owner.start()]
        role = re.search(r"\b(?:the|his|her|their)\s+(?:[\w\-]+\s+){0,2}?([a-z][\w\-]*)['’]s", match.group(0))
        if not givers and role:
            # "Y, who is on a visit at the minister's invitation": the person the sentence names with that post
            givers = [Ref(m.start, m.end, m.key) for m in sentence.persons if m.key and m.end <= match.start()
                      and m.position and role.group(1).lower() in m.position.lower().split()][:1]
        takers = [r for r in refs if r.end <= match.start() and (not givers or r.key != givers[-1].key)]
        invitee = takers[0].key if takers else next(iter(visitors), None) or last_subject
        if givers and invitee and invitee != givers[-1].key:
            return [InvitationDraft(givers[-1].key, invitee, None, None, text, "invitation.at-ones-invitation")]
        return []
    after = [r for r in refs if r.start >= match.end()]
    # "at the invitation of the Chief of the Chinese Army General Fang Fenghui", "from his counterpart in
    # Chisinau, Anatolie Nosatii": the name, when one follows in the same clause, rather than the role noun
    # (the inviter's own name may be left out of the contact references: use the sentence's names)
    named = [Ref(m.start, m.end, m.key) for m in sentence.persons if m.key and match.end() <= m.start < match.end() + 120
             and not re.search(r"[;.]|,\s+(?:and|who|which)\b", text[match.end():m.start])]
    if named:
        after = named + [r for r in after if r not in named]
    post = None
    counterpart = _COUNTERPART_AFTER.match(text, match.end())
    if counterpart and (not after or re.search(r"[;.]", text[match.end():after[0].start])):
        # "... left for the United States following an invitation by his US counterpart.": the one of that state
        # who meets the visitor, settled with the article's contacts
        state = country_in(counterpart.group(1))
        before = [r for r in refs if r.end <= match.start()]
        invitee = before[0].key if before else next(iter(visitors), None) or last_subject
        if state and invitee:
            return [InvitationDraft("", invitee, None, state, text, "invitation.by-counterpart",
                                    inviter_post=INVITER_COUNTERPART)]
        return []
    if not after or re.search(r"[;.]", text[match.end():after[0].start]):
        # "... concluded a visit at the invitation of the Mongolian Minister of Defence.": a post, its holder
        # named elsewhere in the article
        post = _POST_AFTER.match(text, match.end())
        if post is None:
            return []
    inviter = "" if post else after[0].key
    before = [r for r in refs if r.end <= match.start() and r.key != inviter] or [
        Ref(m.start, m.end, m.key) for m in sentence.persons if m.key and m.end <= match.start() and m.key != inviter]
    if before:
        # "X met Y, who was in Poland at the invitation of Z": the one the relative clause is about
        relative = [r for r in before if re.match(r"\s*,\s*who\b", text[r.end:])]
        invitee = (relative or before)[-1 if relative else 0].key
    else:
        # "At the invitation of ..., General Y, [the post of X,] General X was in India": the next person named
        later = [r for r in after[1:] if r.key != inviter]
        invitee = later[0].key if later else next((k for k in visitors if k != inviter), None) \
            or (last_subject if last_subject != inviter else None)
    if invitee is None or invitee == inviter:
        return []
    if post:
        return [InvitationDraft("", invitee, None, country_in(post.group(1)), text, "invitation.at-the-invitation-of-post",
                                inviter_post=post.group(1))]
    # "who was in Poland at the invitation of ...": the state visited, told before the phrase
    visited = re.search(r"\bin\s+((?:the\s+)?(?:[A-Z][\w\-]+\s*){1,3})$", text[:match.start()].rstrip(" ,"))
    return [InvitationDraft(inviter, invitee, None, country_in(visited.group(1)) if visited else None, text,
                            "invitation.at-the-invitation-of")]


# "his US counterpart", "her Chinese counterpart" right after the phrase, its holder unnamed in the clause
_COUNTERPART_AFTER = re.compile(r"\s*(?:his|her|their)\s+((?:[A-Z][\w\-]*\s+){1,2})counterpart\b(?!s)")

# a post right after "at the invitation of", ending the clause: "the Mongolian Minister of Defence."
_POST_AFTER = re.compile(r"\s*(?:the\s+)?((?:[A-Z][\w'\-]*|of|the|for|and)(?:\s+(?:[A-Z][\w'\-]*|of|the|for|and)){1,8}?)"
                         r"(?=\s*(?:[.;]|$))")


def read_invitation(doc: ArticleRecord, sentence: Sentence, refs: list[Ref],
                    current: MeetingDraft | None, last_subject: str | None) -> list[InvitationDraft]:
    """"X invited Y to visit Z", "Y accepted an invitation from X", "... invited her to the Forum": the
    invitations one sentence tells; "invited him" is the other side of the contact being told (``current``)."""
    text = sentence.text
    triggers = lexicon().triggers
    match = re.search(triggers["invitation"], text[0].lower() + text[1:]) \
        or re.search(triggers["invitation_thanked"], text[0].lower() + text[1:])
    if not match:
        return []
    behalf = re.search(r"\bon behalf of\b[^,]*,", text)
    usable = [r for r in refs if not (behalf and behalf.start() <= r.start < behalf.end())]
    before = [r for r in usable if r.end <= match.start() + 1]
    after = [r for r in usable if r.start >= match.end() - 1]
    inviter = before[-1].key if before else last_subject
    if len(before) >= 2 and re.search(r"\band\s+(?:also\s+)?$", text[:match.start()]) \
            and not re.search(r",\s*(?:who|which)\b", text[before[0].end:match.start()]):
        inviter = before[0].key  # "X thanked his host ... and invited Y": the subject of both verbs
    passive = re.search(r"\b(?:was|were|has been|have been|had been) invited (?:to visit [^.;,]{1,40}? )?by\s+", text)
    if passive:
        # "X was invited by Y to visit Z", "X was invited to visit Athens by Y": Y invites X
        givers = [r for r in usable if r.start >= passive.end() - 1]
        takers = [r for r in usable if r.end <= passive.start() + 1]
        if givers and takers:
            inviter = givers[0].key
            before = takers
            after = [Ref(0, 0, takers[-1].key)]
            match = passive
    accepted = re.search(r"\b(?:accept(?:ed|s|ing)?|receiv(?:ed|es|ing)) (?:an|the|a|his|her) (?:official )?invitation "
                         r"(?:from|of|extended by)\s+", text)
    if accepted:
        # "X accepted an invitation from Y to visit Z", "X received an invitation from Y": Y invites X
        givers = [r for r in usable if r.start >= accepted.end() - 1]
        takers = [r for r in usable if r.end <= accepted.start() + 1]
        if givers and (takers or last_subject):
            inviter = givers[0].key
            before = takers
            after = [Ref(0, 0, takers[-1].key if takers else last_subject)]
            match = accepted
    owned = None if accepted else re.search(r"['’]s (?:kind |official )?invitation to\b", text)
    if owned:
        # "X accepted Y's invitation to visit Z": the one named right before "'s" invites the subject
        givers = [r for r in usable if r.end <= owned.start() + 1 and re.fullmatch(r"\s*", text[r.end:owned.start()])]
        takers = [r for r in usable if givers and r.end <= givers[-1].start and r.key != givers[-1].key]
        if givers and (takers or last_subject):
            inviter = givers[-1].key
            before = takers
            after = [Ref(0, 0, takers[0].key if takers else last_subject)]
            match = accepted = owned
    thanked = None if accepted else re.search(triggers["invitation_thanked"], text)
    if thanked:
        # "X thanked Y for the invitation to visit Ethiopia": Y invites X
        givers = [r for r in usable if thanked.start("giver") <= r.start < thanked.end("giver")]
        takers = [r for r in usable if r.end <= thanked.start() + 1]
        if givers and (takers or last_subject):
            inviter = givers[0].key
            before = takers
            after = [Ref(0, 0, takers[-1].key if takers else last_subject)]
            match = accepted = thanked
    if re.search(r"\bconveyed an invitation|extended an invitation|an invitation (?:for|to)\b", text) and before \
            and not accepted:
        inviter = before[-1].key
    carried = re.search(r"\binvitation from\s+", text)
    if carried and not accepted:
        # "He renewed an invitation from X to Y to visit Pakistan": X invites Y (the one who carries it does not)
        givers = [r for r in usable if r.start >= carried.end() - 1]
        to = re.search(r"\bto\s+(?:the\s+)?", text[carried.end():])
        if givers and to:
            takers = [r for r in usable if r.start >= carried.end() + to.start() and r.key != givers[0].key]
            if takers:
                inviter, after, match = givers[0].key, takers[:1], carried
    invitees = []
    if re.search(r"\binvited (?:his|her|their) (?:colleagues|counterparts|guests)\b", text) and current:
        invitees = [k for k in current.participants if k != inviter]
    elif after and not _unread_name_next(sentence, match.end(), after[0]):
        invitees = [after[0].key]
    elif re.match(r"\s*(?:him|her|them)\b", text[match.end():]) and current and inviter:
        # "... and invited her to visit Kyiv": the other side of the contact being told
        others = [k for k in current.participants if doc.country_of(k) != doc.country_of(inviter)]
        others.sort(key=lambda k: doc.salience(doc.person(k)), reverse=True)
        invitees = others[:1]
    # (what is invited to: told after the phrase, or inside a passive one: "was invited to visit Athens by Y")
    tail_start = passive.start() if passive and match is passive else match.end()
    tail = text[tail_start:]
    forum = next((f for f in sentence.forums if f.start >= match.start()), None)
    target_forum = target_country = None
    spans = [(m.span_start, m.span_end) for m in sentence.persons]
    if forum is not None:
        target_forum = forum.series
    else:
        visit = re.search(r"\b(?:visit|visiting|travel to|come to|trip to|hold the next [\w\s]{0,30}? in)\b", tail)
        if visit:
            start = tail_start + visit.end()
            places = [p for p in sentence.places if p.start >= start and p.kind in ("country", "city")
                      and not any(s <= p.start < e for s, e in spans)]
            if places and places[0].start - start < 60:
                target_country = places[0].code
            elif inviter:
                target_country = doc.country_of(inviter)
        elif (place := _place_invited_to(sentence, spans, tail_start)) is not None:
            target_country = place.code  # "X invited Y to Ukraine", "... invited him to Beijing"
        elif passive and inviter and not re.search(r"\bto\s+(?:attend|take part|participate|join|speak|address)\b", tail) \
                and any(k in doc.visit_targets or k in doc.visitors for k in invitees):
            # "The minister was invited by his Kazakh counterpart X." of a visitor: to the visit being told
            target_country = doc.country_of(inviter)
    if not inviter or (target_forum is None and target_country is None):
        return []
    drafts = []
    for invitee in invitees:
        if invitee == inviter:
            continue
        rule = "invitation.passive" if passive else "invitation.accepted" if accepted else "invitation.invited"
        # "to attend the 11th ... Forum to be held in Beijing in September": the edition's date
        forum_date = future_date(tail, doc.reference_day) if target_forum else None
        drafts.append(InvitationDraft(inviter, invitee, target_forum, target_country, text, rule, forum_date))
    return drafts


def _place_invited_to(sentence: Sentence, spans: list[tuple[int, int]], start: int):
    """The state or city an invitation names right after "to", with no verb between ("invited Milley to Ukraine"),
    or None."""
    text = sentence.text
    for place in sentence.places:
        if place.start > start and place.kind in ("country", "city") and not any(s <= place.start < e for s, e in spans) \
                and re.fullmatch(r"[^.;,]{0,60}?\bto\s+(?:the\s+)?", text[start:place.start]):
            return place
    return None


def _unread_name_next(sentence: Sentence, end: int, first: Ref) -> bool:
    """Whether "invited" is followed by a name no person was read for, before the first one read ("invited Milley
    to Ukraine, and ... Brown": the invitee is Milley, unread, not Brown)."""
    word = re.match(r"\s+((?-i:[A-Z])[\w\-'’]+)", sentence.text[end:])
    if not word or first.start <= end + word.start(1):
        return False
    at = end + word.start(1)
    spans = [(m.span_start if 0 <= m.span_start < m.start else m.start, max(m.end, m.span_end)) for m in sentence.persons]
    return not any(start <= at < stop for start, stop in spans) and gazetteer.lookup(word.group(1)) is None \
        and word.group(1) not in lexicon().position_heads
