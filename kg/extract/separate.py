"""Separate contacts told as one: "held bilateral meetings with the defence ministers of Kazakhstan, Iran and
Tajikistan", "met the army chiefs of Ghana and Togo separately".

A contact read with three or more sides, whose sentences say the talks were bilateral, separate or one after
the other, is one contact between a central side and each other side. The central side is the article's home
(the dateline's state, else the outlet's) when it takes part or when no one else can be (the story's host
talking to each guest), else the state of the contact's host, else the state of the one named first. Pure: drafts in, drafts out.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from kg.extract.records import MeetingDraft

SEPARATELY = re.compile(r"\b(?:bilateral (?:meetings?|talks|discussions|consultations|engagements)|separately|"
                        r"separate (?:meetings|talks|discussions)|respectively|one[- ]on[- ]one|"
                        r"series of (?:\w+ )?(?:meetings|talks))\b", re.I)


def separate_contacts(drafts: list[MeetingDraft], country_of: Callable[[str], str | None], home: str | None,
                      most_told_of: Callable[[str], str | None]) -> list[MeetingDraft]:
    """Each many-sided draft told as separate talks becomes one draft per other side (see the module)."""
    separated: list[MeetingDraft] = []
    for draft in drafts:
        sides = list(dict.fromkeys(c for c in map(country_of, draft.participants) if c))
        if len(sides) < 3 or not any(SEPARATELY.search(sentence) for sentence in draft.evidence):
            separated.append(draft)
            continue
        host_side = country_of(draft.host_person) if draft.host_person else None
        center = home if home in sides else host_side if host_side in sides else home
        if center is None:  # "In separate talks, X and his counterparts A and B ...": the one named first
            center = sides[0]
        if center is None:
            separated.append(draft)
            continue
        center_people = [k for k in draft.participants if country_of(k) == center]
        if not center_people and (told := most_told_of(center)):
            center_people = [told]  # "He held bilateral meetings with ...": the story's own minister
        for other in (side for side in sides if side != center):
            people = center_people + [k for k in draft.participants if country_of(k) == other]
            separated.append(replace(draft, participants=people, evidence=list(draft.evidence), context=list(draft.context), implied_sides=[center] if not center_people else [],
                                     delegation_leaders=set(draft.delegation_leaders) & set(people),
                                     rule=f"{draft.rule}, separately"))
    return separated
