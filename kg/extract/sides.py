"""The state each person represents when the text leaves it implicit.

In order: the delegation they belong to, the venue of a contact they host ("X welcomed Y to London"), the
dateline's state, the outlet's home state, then the states the article names most (a topic of the talks
counting little). A state is refused only when it would leave one of the person's contacts with one side.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg import gazetteer

if TYPE_CHECKING:
    from kg.extract.contacts import ArticleReader


def assign_countries(reader: ArticleReader, keys: set[str]) -> None:
    """Countries the text leaves implicit: principals first (the side not yet present in their
    contacts), then those who "also attended" (the host side, else the article's protagonist)."""
    ordered = sorted(keys, key=lambda k: int(k[1:]))  # in order of appearance: the same result on every run
    principals = [k for k in ordered if k not in reader.joiners]
    joiners = [k for k in ordered if k in reader.joiners]
    for key in sorted(principals, key=lambda k: -reader.mention_count[k]):
        fallback_country(reader, key)
    protagonist = max(principals or keys, key=lambda k: (reader.mention_count[k], -int(k[1:])), default=None)
    for key in joiners:
        person = reader.person(key)
        if person.country:
            continue
        if key in reader.same_side:  # "Accompanying the admiral were ...": the side of the one they came with
            companion, evidence = reader.same_side[key]
            if reader.country_of(companion) is None:
                fallback_country(reader, companion)
            reader.settle_country(key, reader.country_of(companion), "country.came-with", evidence)
            if person.country:
                continue
        for meeting in reader.meetings:
            if key in meeting.participants:
                if meeting.host_person and meeting.host_direction != "neutral" and reader.country_of(meeting.host_person):
                    reader.settle_country(key, reader.country_of(meeting.host_person), "country.joins-the-host",
                                          meeting.evidence[0])
                elif meeting.venue_country in {reader.country_of(k) for k in meeting.participants}:
                    reader.settle_country(key, meeting.venue_country, "country.joins-at-home", meeting.evidence[0])
                break
        if person.country is None and protagonist and protagonist != key:
            reader.settle_country(key, reader.country_of(protagonist), "country.joins-the-protagonist")
        if person.country is None:
            fallback_country(reader, key)


def fallback_country(reader: ArticleReader, key: str) -> None:
    person = reader.person(key)
    if person.country:
        return
    # the other sides of their contacts (those who merely attended are usually of the home side)
    partners = set()
    # states that would leave one of their contacts with a single side
    single = set()
    for meeting in reader.meetings:
        if key in meeting.participants:
            others = {reader.country_of(k) for k in meeting.participants if k != key and k not in reader.joiners} - {None}
            partners |= others
            if len(others) == 1:
                single |= others
    partners.discard(None)
    for delegation in reader.delegations.values():
        if (key in delegation.members or key == delegation.leader) and delegation.country:
            reader.settle_country(key, delegation.country, "country.delegation", delegation.evidence[0] if delegation.evidence else "")
            return
    home_hints = {reader.dateline_country, reader.outlet_country} - {None}
    for meeting in reader.meetings:
        # who receives someone in London is British ("X welcomed Y to London")
        if meeting.host_person == key and meeting.host_direction != "neutral" and meeting.mode == "in_person" \
                and meeting.venue_country and meeting.venue_country not in partners and key not in reader.visitors \
                and not gazetteer.is_international_body(meeting.venue_country) \
                and (not meeting.sidelines or meeting.venue_country in home_hints) \
                and not any(gazetteer.code_for(f.city) == meeting.venue_country for f in reader.forums.values() if f.city):
            reader.settle_country(key, meeting.venue_country, "country.receives-at-home", meeting.evidence[0])
            return
    if key not in reader.visit_targets:
        # the people a visitor meets are of the state visited ("X, on an official visit to Nigeria, met Y")
        for meeting in reader.meetings:
            visited = {reader.visit_targets[k] for k in meeting.participants if k in reader.visit_targets and k != key}
            if key in meeting.participants and len(visited) == 1:
                reader.settle_country(key, visited.pop(), "country.state-visited", meeting.evidence[0])
                return
    # who invites a visitor to visit is of the state visited ("X visits Morocco at the invitation of Y")
    for invitation in reader.invitations:
        if invitation.inviter == key and invitation.forum is None and invitation.invitee in reader.visit_targets:
            reader.settle_country(key, reader.visit_targets[invitation.invitee], "country.invites-to-own-state",
                                  invitation.evidence)
            return
    reader.guessed_countries.add(key)  # what follows is the setting's word, not the text's about this person
    # a visitor is not of the state they visit
    single = single | ({reader.visit_targets[key]} if key in reader.visit_targets else set())
    if reader.dateline_country and reader.dateline_country not in single:
        reader.settle_country(key, reader.dateline_country, "country.dateline (weak)")
        return
    # a visitor's state is the outlet's only when the outlet is not of the state visited
    if reader.outlet_country and reader.outlet_country not in single and (
            key not in reader.visitors or reader.visit_targets.get(key) not in (None, reader.outlet_country)):
        reader.settle_country(key, reader.outlet_country, "country.outlet (weak)")
        return
    ranked = [code for code, _ in reader.country_counts.most_common()
              if code not in partners and code != reader.visit_targets.get(key) and not gazetteer.is_international_body(code)]
    if ranked:
        reader.settle_country(key, ranked[0], "country.most-named-state (weak)")
