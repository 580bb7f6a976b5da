"""The last component: an `ArticleRecord`'s drafts settled into a `kg.model.Extraction`, each fact with the
`Decision`s (rule and evidence) that made it, in one place.

`settle_record(doc)` runs, in order: `join_delegation_members` (a delegation's members join the contacts
it took part in), `assign_countries` (`kg.extract.sides`: the states the text leaves implicit),
`separate_contacts` (`kg.extract.separate`: a contact told as one but held separately, one per side),
`settle_meetings` (each contact's sides, date, host and location; then the contacts no rule read in
full, from weaker evidence: `kg.extract.implied`),
`settle_delegations`, `settle_forums`, `settle_invitations` (the state visited, once the inviter's is
known) and `settle_persons` (those taking part in a fact, and the officials the article names with a rank or a
post whom no fact holds, `named_officials`; each with the rule that gave them their state).
"""
from __future__ import annotations

import re
from typing import Callable

from kg import gazetteer
from kg.extract.cues import DIPLOMAT, PAST_EVENT, SPOKESPERSON, contact_mode, topic
from kg.extract.dates import month_of_latest_date, parse_iso
from kg.extract.implied import further_contacts, implied_contacts
from kg.extract.lexicon import lexicon
from kg.extract.mentions import article_acronyms, country_in, find_places
from kg.extract.posts import generic_post, organization, same_office, same_post
from kg.extract.records import INVITER_COUNTERPART, ArticleRecord, InvitationDraft, MeetingDraft
from kg.extract.separate import separate_contacts
from kg.extract.sides import assign_countries, posted_to
from kg.model import Decision, Delegation, Extraction, Forum, Invitation, Meeting, Person, Place

_MODE_RULES = {"call": "mode.call-marker (or 'spoke with' and no place)", "video": "mode.video-marker", "in_person": "mode.in-person (no call or video marker)"}


def settle_record(doc: ArticleRecord) -> Extraction:
    """The article's facts and decisions from its record (whose meetings, participants and persons' states
    this settles in place)."""
    with article_acronyms(doc.acronyms):
        return _settle_record(doc)


def _settle_record(doc: ArticleRecord) -> Extraction:
    extraction = Extraction(article=doc.article, date=doc.pub)
    if doc.pub is None:
        extraction.warnings.append("no publication date (input field, scraped first line or dateline): "
                                   "relative dates such as 'on Tuesday' were left unresolved")
    doc.meetings = without_headline_copies(doc.meetings, doc.reference)
    join_delegation_members(doc)
    without_spouses(doc)
    doc.invitations = with_inviters_named_by_post(doc)
    used = persons_in_drafts(doc)
    guessed = assign_countries(doc, used)
    for leader, delegation in doc.delegations.items():
        delegation.country = delegation.country or doc.country_of(leader)
    # contacts told as one but held separately ("bilateral meetings with A, B and C"): one per side
    doc.meetings = separate_contacts(doc.meetings, doc.country_of, doc.dateline_country or doc.outlet_country,
                                     lambda country: _most_told(doc, country))
    doc.meetings = without_posts_named_later(doc)
    with_post_holders_named_later(doc)
    used.update(key for meeting in doc.meetings for key in meeting.participants)
    posts_of_counterparts(doc)
    used |= settle_meetings(doc, guessed, extraction)
    used -= without_home_escorts(doc, extraction, used)
    settle_delegations(doc, extraction)
    forum_keys = settle_forums(doc, extraction)
    settle_invitations(doc, forum_keys, extraction)
    officials = named_officials(doc, used)
    settle_persons(doc, used | officials, extraction)
    for key in sorted(officials, key=lambda k: int(k[1:])):
        extraction.decisions.append(Decision("person", key, doc.person(key).name, "person.named-official",
                                             doc.person(key).evidence))
    return extraction


def _written_as_a_name(words: list[str], particles: set[str]) -> bool:
    """Capitalised words (or the particles of names: "bin", "al"), none two words run together ("SandilaSince";
    "McDonald", "MacArthur", "DeSantis" are one): not a post's tail read as a name ("d'Affaires X")."""
    def run_together(word: str) -> bool:
        return any(word[i].isupper() and word[i - 1].islower() and len(word[:i].lstrip("'’-")) > 3
                   for i in range(1, len(word)))
    def particle(word: str) -> bool:  # "bin", "al-Sisi"
        return word in particles or re.split(r"[-’']", word)[0] in particles
    return words[0][:1].isupper() and all(particle(word) or word[:1].isupper() and not run_together(word)
                                          for word in words)


def named_officials(doc: ArticleRecord, used: set[str]) -> set[str]:
    """Officials the article names with a rank or a post (and at least two words of a name) whom no fact holds:
    persons of the article all the same (`mdc:Person` is a named official). Most of them took part in a contact the
    rules did not read in full ("The Minister of Defense of Azerbaijan, Colonel General X also attended the
    meeting" after a reception told by weaker evidence); the graph keeps them with their state, rank and post."""
    particles = lexicon().particles
    officials = set()
    for key, person in doc.registry.persons.items():
        words = person.name.split()
        if key in used or not (person.rank or person.position) or len(words) < 2:
            continue
        if _written_as_a_name(words, particles):
            officials.add(key)
    return officials


_SPOUSE_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er|the)\s+(?:spouse|wife|husband)\s*,?\s*(?:(?:Mrs|Ms|Mr|Madam|Dr)\.?\s+)?$")


def without_spouses(doc: ArticleRecord) -> None:
    """An official's spouse ("accompanied by his spouse Archana Pande", "General X and Mrs Y X hosted a
    banquet") takes part in no contact and belongs to no delegation: the contacts are between officials."""
    spouses = set()
    for sentence in doc.sentences:
        for mention in sentence.persons:
            person = doc.registry.persons.get(mention.key) if mention.key else None
            if person is None or person.rank or person.position:
                continue
            start = mention.span_start if mention.span_start >= 0 else mention.start
            honorific = (person.honorific or "").rstrip(".") in ("Mrs", "Madam")
            shares_surname = honorific and any(
                other.key != person.key and other.words and person.words and other.words[-1] == person.words[-1]
                for other in doc.registry.persons.values())
            if _SPOUSE_BEFORE.search(sentence.text[:start]) or _SPOUSE_BEFORE.search(sentence.text[:mention.start]) \
                    or shares_surname:
                spouses.add(person.key)
    for meeting in doc.meetings:
        meeting.participants = [k for k in meeting.participants if k not in spouses]
    for delegation in doc.delegations.values():
        delegation.members = [k for k in delegation.members if k not in spouses]


def join_delegation_members(doc: ArticleRecord) -> None:
    """A delegation's members join the contacts its leader took part in with the delegation (or the first
    one, when the members were listed while a contact was being told)."""
    for meeting in doc.meetings:
        for leader, delegation in doc.delegations.items():
            if leader not in meeting.participants:
                continue
            if leader in meeting.delegation_leaders or (meeting.with_delegation and leader in doc.visitors) or \
                    (delegation.members_in_context and not meeting.sidelines and meeting is _first_meeting_of(doc, leader)):
                for key in delegation.members:
                    if key not in meeting.participants:
                        meeting.participants.append(key)


def posts_of_counterparts(doc: ArticleRecord) -> None:
    """"He was received by his Belarusian counterpart X": X holds the kind of post the other side of his first
    contact holds, when all who hold one there hold the same kind."""
    for key, evidence in doc.counterparts.items():
        person = doc.person(key)
        meeting = next((m for m in doc.meetings if key in m.participants), None)
        if person.position is not None or meeting is None:
            continue
        posts = {generic_post(doc.person(k).position) for k in meeting.participants
                 if doc.person(k).position and doc.country_of(k) not in (None, doc.country_of(key))}
        if len(posts) == 1:
            person.take_position(posts.pop(), "position.counterpart", evidence)


def with_post_holders_named_later(doc: ArticleRecord) -> None:
    """"X held telephone conversations with his Norwegian and Finnish colleagues. ... glad to talk with Finnish
    Defence Minister Y": a contact whose counterpart was named by post only takes the one person of that state
    holding such a post whom the article names, when no other contact holds him already."""
    for draft in doc.meetings:
        if not (draft.unnamed_post and draft.unnamed_side) or draft.unnamed_host or len(draft.participants) != 1:
            continue
        # (a counterpart may be named with no post: "my Norwegian colleague Bjørn Arild Gram")
        holders = [key for key, person in doc.registry.persons.items()
                   if key not in draft.participants and (person.position or draft.unnamed_post.endswith(" counterpart"))
                   and _holds_unnamed_post(doc, draft, key)]
        if len(holders) == 1 and not any(holders[0] in m.participants for m in doc.meetings):
            draft.participants.append(holders[0])
            draft.post_holder = holders[0]


def _holds_unnamed_post(doc: ArticleRecord, draft: MeetingDraft, key: str) -> bool:
    """Whether a person may hold the post a contact names without its holder: of that post's state, and in a post of
    the same kind ("his Dutch counterpart": any post)."""
    counterpart = (draft.unnamed_post or "").endswith(" counterpart")
    return doc.country_of(key) == draft.unnamed_side and (counterpart or same_office(
        draft.unnamed_post or "", doc.person(key).position or ""))


def without_posts_named_later(doc: ArticleRecord) -> list[MeetingDraft]:
    """"He held bilateral meetings with the defence ministers of A, B and C. The first was held with the Defence
    Minister of A, General X, ...": a contact with a counterpart named by post only is dropped when another
    contact of the same participants, on the same day, told in another sentence, names the holder of that post
    (someone of its state in a post of the same kind)."""
    def told_by_name(draft: MeetingDraft) -> bool:
        return any(other is not draft and not other.unnamed_post and set(draft.participants) <= set(other.participants)
                   and draft.date in (other.date, None) and other.evidence[0] != draft.evidence[0]
                   and any(_holds_unnamed_post(doc, draft, k) for k in other.participants)
                   for other in doc.meetings)
    return [draft for draft in doc.meetings if not (draft.unnamed_post and draft.unnamed_side and told_by_name(draft))]


def with_inviters_named_by_post(doc: ArticleRecord) -> list[InvitationDraft]:
    """An invitation whose inviter was named by post only takes the one person of the article who holds that
    post ("at the invitation of the Mongolian Minister of Defence" ... "H.E. Luvsanvandan Bold, Minister of
    Defence"): the same post without its state, and no other state than the post's. Without one holder it is
    left out."""
    kept = []
    for draft in doc.invitations:
        if draft.inviter_post is None:
            kept.append(draft)
            continue
        if draft.inviter_post == INVITER_COUNTERPART:
            # "following an invitation by his US counterpart": the one of that state the invitee met
            holders = list(dict.fromkeys(k for m in doc.meetings if draft.invitee in m.participants
                                         for k in m.participants
                                         if doc.country_of(k) == draft.country and k != draft.invitee))
        else:
            holders = [p.key for p in doc.registry.persons.values() if p.key != draft.invitee and p.position
                       and same_post(draft.inviter_post, p.position) and p.country in (None, draft.country)]
        if len(holders) == 1:
            draft.inviter = holders[0]
            kept.append(draft)
    return kept


def without_home_escorts(doc: ArticleRecord, extraction: Extraction, used: set[str]) -> set[str]:
    """Companions told only as a group ("X, accompanied by senior officers") make a delegation only of someone who
    takes part in a contact between states: the same words tell a commander's own staff at home. Drops the others
    and returns their leaders who take part in nothing else."""
    in_contact = {key for meeting in extraction.meetings for key in meeting.participants}
    home = [leader for leader, delegation in doc.delegations.items()
            if delegation.leader_rule == "delegation.accompanied-by-officials" and not delegation.members
            and leader not in in_contact]
    for leader in home:
        del doc.delegations[leader]
    invited = {key for invitation in doc.invitations for key in (invitation.inviter, invitation.invitee)}
    return {leader for leader in home if leader not in invited and leader in used}


def persons_in_drafts(doc: ArticleRecord) -> set[str]:
    """The persons who take part in a contact, a delegation or an invitation: the persons of the extraction."""
    used: set[str] = set()
    for meeting in doc.meetings:
        used.update(meeting.participants)
    for delegation in doc.delegations.values():
        used.add(delegation.leader)
        used.update(delegation.members)
    for invitation in doc.invitations:
        used.update((invitation.inviter, invitation.invitee))
    return used


def settle_meetings(doc: ArticleRecord, guessed: set[str], extraction: Extraction) -> set[str]:
    """Each draft's sides, host, venue and date (`_settle_meeting`); then the contacts the rules could not read
    in full, from weaker evidence (`_implied_meetings`). Returns the persons the implied contacts add."""
    for draft in doc.meetings:
        _settle_meeting(doc, draft, guessed, extraction)
    return _implied_meetings(doc, guessed, extraction)


def settle_delegations(doc: ArticleRecord, extraction: Extraction) -> None:
    """Each delegation, with the decisions on its leader, its state (the cue's, else its leader's) and each
    member, and the cue that said so (`kg.extract.delegations`)."""
    for leader, delegation in doc.delegations.items():
        key = f"d:{leader}"
        told = delegation.evidence[0] if delegation.evidence else ""
        extraction.decisions.append(Decision("delegation", key, leader, delegation.leader_rule, told))
        if delegation.country:
            extraction.decisions.append(Decision(
                "country", key, delegation.country, delegation.country_rule or "country.delegation-leader",
                delegation.country_evidence or doc.person(leader).country_evidence or told))
        extraction.decisions += [Decision("member", key, member, *delegation.member_rules[member])
                                 for member in delegation.members]
        extraction.delegations.append(Delegation(
            key=key, leader=leader, country=delegation.country, members=list(delegation.members),
            date=None, evidence=delegation.evidence))


def settle_forums(doc: ArticleRecord, extraction: Extraction) -> dict[str, str]:
    """The forums named, each dated by the first invitation to it that gives a date. Returns series -> key."""
    forum_keys: dict[str, str] = {}
    for name, forum in doc.forums.items():
        key = "f" + str(len(extraction.forums) + 1)
        forum_keys[name] = key
        location = Place(forum.city, gazetteer.code_for(forum.city)) if forum.city else None
        aliases = [a for a in forum.aliases if a.isupper()]
        date = next((draft.forum_date for draft in doc.invitations if draft.forum == name), None)
        extraction.forums.append(Forum(key=key, name=forum.name, edition=forum.edition, date=date,
                                       location=location, aliases=aliases, label=forum.surface))
    return forum_keys


def settle_invitations(doc: ArticleRecord, forum_keys: dict[str, str], extraction: Extraction) -> None:
    """Each invitation once; a visit at someone's invitation goes to the inviter's state, once it is known."""
    seen = set()
    for draft in doc.invitations:
        inviter, invitee, forum, country, evidence, rule = (draft.inviter, draft.invitee, draft.forum, draft.country,
                                                            draft.evidence, draft.rule)
        if forum is None and country is None:
            country = doc.country_of(inviter)  # a visit at the inviter's invitation: to the inviter's state
            if country is None or country == doc.country_of(invitee):
                continue
        if forum is None and gazetteer.is_international_body(country):
            # "at the invitation of the EU Military Committee's chairman": a visit to the body is to the state it
            # sits in (an invitation's target is a forum or a country: the shapes); a body with no seat known, none
            seat = gazetteer.body_seat(country)
            if seat is None or seat[1] == doc.country_of(invitee):
                continue
            country = seat[1]
        ident = (inviter, invitee, forum, country)
        if ident in seen:
            continue
        seen.add(ident)
        key = f"i{len(extraction.invitations) + 1}"
        extraction.decisions.append(Decision("invitation", key, f"visit:{country}" if not forum else forum, rule, evidence))
        extraction.invitations.append(Invitation(
            key=key, inviter=inviter, invitee=invitee,
            forum=forum_keys.get(forum) if forum else None, country=None if forum else country,
            evidence=[evidence]))


def settle_persons(doc: ArticleRecord, used: set[str], extraction: Extraction) -> None:
    """The persons of the facts, in order of appearance, each with the decisions on their state, rank and post."""
    for key in sorted(used, key=lambda k: int(k[1:])):
        record = doc.person(key)
        aliases = [a for a in record.aliases if a != record.name]
        plain = re.sub(r"\s+(?:[A-Z]\.\s*)+(?=[A-Z])", " ", record.name)  # "Lloyd J. Austin" -> "Lloyd Austin"
        plain = re.sub(r",?\s+(?:Jr\.?|Sr\.?|II|III|IV)$", "", plain).strip()
        if plain != record.name and plain not in aliases and len(plain.split()) >= 2:
            aliases.append(plain)
        if not record.position and record.honorific in lexicon().sovereign_titles:
            # "King Abdullah II received ...": the monarch's title is his post
            record.take_position(record.honorific, "position.sovereign-title", record.evidence)
        for what, value, rule, evidence in (
                ("country", record.country, record.country_rule, record.country_evidence),
                ("rank", record.rank, record.rank_rule, record.rank_evidence),
                ("position", record.position, record.position_rule, record.position_evidence)):
            if value:
                extraction.decisions.append(Decision(what, key, value, rule or f"{what}.mention",
                                                     evidence or record.evidence))
        extraction.persons.append(Person(
            key=key, name=record.name, aliases=aliases, organization=organization(record.position),
            rank=record.rank, position=record.position, country=record.country,
            evidence=[record.evidence] if record.evidence else []))


def _settle_meeting(doc: ArticleRecord, draft: MeetingDraft, guessed: set[str], extraction: Extraction) -> None:
    """A draft's sides, date, host and venue settled; a meeting added, with its decisions, unless a side or its
    date is missing or both sides are only guessed."""
    sides = _meeting_sides(doc, draft)
    parties = sorted(sides)
    if len(parties) < 2:
        return
    if draft.date is None:
        date, rule = _undated_meeting_date(doc)
        if date is None:
            warning = f"a contact with no date anywhere in the article was left out: {draft.evidence[0][:80]}"
            if warning not in extraction.warnings:  # a contact implied by the same sentence is left out too
                extraction.warnings.append(warning)
            return
        draft.date = date
        extraction.decisions.append(Decision("date", f"m{len(extraction.meetings) + 1}", date, rule, draft.evidence[0]))
    if draft.sides_unsettled and all(k in guessed for k in draft.participants) \
            and not _pair_of_states_named(draft.evidence[0], set(parties)) and not _one_of_separate_contacts(doc, draft, guessed):
        return  # both sides only guessed from the setting: two compatriots, as likely as not
    _drop_desk_dateline(doc, draft, sides)
    host, host_rule = _meeting_host(doc, draft, parties, sides)
    location = _meeting_location(doc, draft, host)
    topics = []
    for sentence in draft.evidence + draft.context:
        found = topic(sentence)
        if found and found not in topics:
            topics.append(found)
    key = f"m{len(extraction.meetings) + 1}"
    extraction.decisions.append(Decision("meeting", key, " ".join(parties), draft.rule, draft.evidence[0]))
    extraction.decisions += [Decision("participant", key, person, _participant_rule(doc, draft, person), draft.evidence[0])
                             for person in draft.participants]
    extraction.decisions.append(Decision("mode", key, draft.mode, _MODE_RULES[draft.mode], draft.evidence[0]))
    if host:
        extraction.decisions.append(Decision("host", key, host, host_rule, draft.evidence[0]))
    extraction.meetings.append(Meeting(
        key=key, date=draft.date, parties=parties, host=host,
        participants=list(draft.participants),
        delegations=[f"d:{leader}" for leader in doc.delegations if leader in draft.participants],
        mode=draft.mode, location=location, topics=topics[:3], evidence=draft.evidence))


def _one_of_separate_contacts(doc: ArticleRecord, draft: MeetingDraft, guessed: set[str]) -> bool:
    """"He held separate meetings with A, B and C": another contact the same sentence tells of the same person has
    a counterpart whose state is read, and this contact's counterpart is guessed to be of that state: one series
    of contacts, not two compatriots."""
    others = [m for m in doc.meetings if m is not draft and m.evidence[:1] == draft.evidence[:1]
              and set(m.participants) & set(draft.participants)]
    shared = {k for m in others for k in m.participants} & set(draft.participants)
    read = {doc.country_of(k) for m in others for k in m.participants if k not in shared and k not in guessed}
    mine = [k for k in draft.participants if k not in shared]
    return bool(mine) and all(doc.country_of(k) in read for k in mine)


def _participant_rule(doc: ArticleRecord, draft: MeetingDraft, person: str) -> str:
    """Why a person is in a contact: named by the contact's phrase, a member of a delegation in it (see
    `join_delegation_members`), or one who "also attended", "was present", "accompanied"."""
    if any(person in delegation.members for leader, delegation in doc.delegations.items()
           if leader in draft.participants and leader != person):
        return "participant.delegation-member"
    if person in doc.joiners:
        return "participant.joined"
    if person in draft.principals:
        return "participant.principal-of-side"
    if person == draft.post_holder:
        return "participant.post-holder-named-later"
    return f"participant.named ({draft.rule})"


def _meeting_sides(doc: ArticleRecord, draft: MeetingDraft) -> set[str]:
    """The states of a contact: its participants', the implied ones, and for a counterpart named by post only
    the post's own state or the state visited (which then receives: the draft's venue and host are set)."""
    sides = {doc.country_of(k) for k in draft.participants} - {None} | set(draft.implied_sides)
    if draft.unnamed_host and draft.unnamed_side and draft.unnamed_side not in sides:
        sides.add(draft.unnamed_side)
    elif draft.unnamed_post and len(sides) == 1:
        # the other side: the post's own state ("a meeting with UAE Minister of State ..."), else the
        # state visited; when both agree, the visited state receives
        visited = None if draft.sidelines else _visited_state(doc, draft)
        at_home = sides & {doc.dateline_country, doc.outlet_country} and draft.mode == "in_person" \
            and draft.venue_country in (None, *sides) and not any(k in doc.visitors for k in draft.participants) \
            and not draft.sidelines  # (at a forum's sidelines nobody is at home: "CHOD met the respective CHODS of ...")
        if at_home and draft.unnamed_side and draft.unnamed_side not in sides:
            # "Defense Minister X had a meeting with UAE Minister of State ..." in X's own press: X receives
            draft.venue_country, visited = draft.venue_country or next(iter(sides)), None
        # ... unless the contact took place in the named participant's own state: then the post's state came
        if draft.unnamed_side and draft.unnamed_side not in sides and (draft.unnamed_side != visited
                                                                      or draft.venue_country in sides):
            sides.add(draft.unnamed_side)
            visited = None
        if visited:
            sides.add(visited)
            draft.host_person, draft.host_direction = None, "neutral"
            draft.venue_country = draft.venue_country if draft.venue_country == visited else visited
    return sides


def _undated_meeting_date(doc: ArticleRecord) -> tuple[str | None, str | None]:
    """No publication date and no date in the text around a contact: the month on a scraped first line, else
    the year of publication when the input gives no more ("date": "2022"), else the latest past year the
    article names (with the rule), else none (a contact must be dated)."""
    published_year = doc.article.date if re.fullmatch(r"(?:19|20)\d\d", doc.article.date or "") else None
    year = published_year or doc.year_named
    if not (doc.pub_month or year):
        return None, None
    if not doc.pub_month and not published_year and not doc.year_in_url:
        # ... the month of the latest full date it tells of that year ("the Conference, concluded on September 15,
        # 2013": its sidelines' contacts fell that month)
        month = month_of_latest_date(doc.article.text, year)
        if month:
            return f"{year}-{month:02d}", "date.month-of-latest-date-in-text"
    return doc.pub_month or year, ("date.month-on-first-line" if doc.pub_month else
                                   "date.year-of-publication" if published_year else
                                   "date.year-in-url" if doc.year_in_url else "date.latest-year-in-text")


def _meeting_host(doc: ArticleRecord, draft: MeetingDraft, parties: list[str], sides: set[str]
                  ) -> tuple[str | None, str | None]:
    """The side that received the other in person, and the rule: an institution that hosted, the receiver's
    state where the contact took place, the venue's state, a body at its seat, or the side visitors came to.
    (An outlet's home dateline that is no venue is dropped from the draft.)"""
    host = host_rule = None
    if draft.mode == "in_person" and draft.implied_host in sides and draft.venue_country in (None, draft.implied_host):
        host, host_rule = draft.implied_host, f"host.phrase-receiver ({draft.rule})"
    elif draft.mode == "in_person" and draft.unnamed_host and draft.unnamed_side in sides and draft.host_person is None:
        host, host_rule = draft.unnamed_side, f"host.institution ({draft.rule})"
        draft.venue_country = draft.venue_country or draft.unnamed_side
    elif draft.mode == "in_person":
        venue = draft.venue_country
        if draft.host_direction in ("subject", "object") and draft.host_person:
            candidate = doc.country_of(draft.host_person)
            if venue not in parties and not draft.sidelines and candidate in parties \
                    and not any(_seated(p, venue) for p in parties) \
                    and (draft.city, venue) == (doc.dateline_city, doc.outlet_country):
                # "YEREVAN (Armenpress) ... X received Y in Baku": the outlet's home dateline is no venue
                draft.city = None
                draft.venue_country = venue = candidate
            if venue is None or candidate == venue or _seated(candidate, venue):
                host, host_rule = candidate, f"host.receiver ({draft.rule})"
        if host is None:
            # the venue's side, when no receiver was read or the receiver is not of the venue's state
            matching = [p for p in parties if p == venue]
            if len(matching) == 1:
                host, host_rule = matching[0], "host.venue-state"
                if draft.unnamed_post:
                    host_rule = "host.venue-state (counterpart named by post only)"
            elif not matching:
                # at an international body's seat, with no side from that state: the body hosts
                seated = [p for p in parties if _seated(p, venue)]
                if len(seated) == 1:
                    host, host_rule = seated[0], "host.body-at-its-seat"
        if host is None and venue is None:
            # a delegation or a visitor came: the other side receives
            # ... and a foreign diplomat calls on the officials of the state they are posted to
            guest_keys = set(doc.visitors) | {k for d in doc.delegations.values() for k in d.members} | {
                k for k in draft.participants if DIPLOMAT.search(doc.person(k).position or "")}
            home = {doc.country_of(k) for k in draft.participants if k not in guest_keys} - {None}
            guests = {doc.country_of(k) for k in draft.participants if k in guest_keys} - {None}
            if len(home) == 1 and guests and not (home & guests):
                host, host_rule = next(iter(home)), "host.visitors-came"
        if host is None and venue is None:
            host, host_rule = _headquarters_host(doc, draft, sides), "host.headquarters"
        if host is None and venue is None:
            host, host_rule = _office_host(doc, draft, parties), "host.own-office"
        if host is None and venue is None and not draft.sidelines:
            host, host_rule = _setting_host(doc, draft, sides)
    return host, host_rule


def _setting_host(doc: ArticleRecord, draft: MeetingDraft, sides: set[str]) -> tuple[str | None, str | None]:
    """The host of a contact in person that names neither a receiver nor a venue, from the story around it: the
    state a participant is told visiting, else the state an envoy taking part is posted to (not the dateline's: a
    desk's, as often as the contact's)."""
    visited = {doc.visit_targets[k] for k in draft.participants if k in doc.visit_targets} & sides
    if len(visited) == 1:
        return visited.pop(), "host.state-visited"
    posted = {posted_to(doc.person(k).position) for k in draft.participants} & sides
    if len(posted) == 1:
        return posted.pop(), "host.envoys-posting"
    return None, None


# "X on Tuesday held here in his office meetings with ...", "received Y at his residence": the office's holder hosts
_OWN_OFFICE = re.compile(r"\b(?:in|at)\s+(?:his|her)\s+(?:own\s+)?(?:office|residence|official residence|headquarters)\b")


def _office_host(doc: ArticleRecord, draft: MeetingDraft, parties: list[str]) -> str | None:
    """The side of the participant named first in a sentence of the contact that places it in his or her own
    office or residence."""
    for text in draft.evidence:
        office = _OWN_OFFICE.search(text)
        if office is None:
            continue
        named = [k for k in draft.participants if doc.person(k).name.split()[-1] in text[:office.start()]]
        if not named and len(draft.participants) == 1 and draft.participants[0] not in doc.visitors \
                and re.search(r"\b(?:[Hh]e|[Ss]he)\b", text[:office.start()]):
            named = list(draft.participants)  # "This came when he received at his office ...": the one at home
        if named and doc.country_of(named[0]) in parties:
            return doc.country_of(named[0])
    return None


# a contact held at a defence institution's seat: "at Army headquarters", "at the Egyptian Ministry of Defence",
# "received at the Department of National Defense", "visited U.S. Army South headquarters"
_AT_HEADQUARTERS = re.compile(r"\b(?:at|to|visited)\s+(?:the\s+)?(?:(?:[A-Z][\w\-'’.]*\s+){0,4}?(?:Ministry|Department)\s+"
                              r"of\s+(?:National\s+)?Defen[cs]e|(?:[A-Z][\w\-'’.]*\s+){1,4}?[Hh]eadquarters|GHQ|"
                              r"the\s+Pentagon)\b")


def _headquarters_host(doc: ArticleRecord, draft: MeetingDraft, sides: set[str]) -> str | None:
    """The side whose defence institution's seat a contact with no venue was held at: the state the phrase names,
    else the article's home (the dateline's, else the outlet's state) when it is a side; the venue moves there."""
    for sentence in draft.evidence:
        found = _AT_HEADQUARTERS.search(sentence)
        if not found:
            continue
        named = country_in(found.group(0))
        home = doc.dateline_country or doc.outlet_country
        side = named if named in sides else home if named is None and home in sides else None
        if side and not gazetteer.is_international_body(side):
            draft.venue_country = side
            return side
    return None


def _drop_desk_dateline(doc: ArticleRecord, draft: MeetingDraft, sides: set[str]) -> None:
    """"BAKU, December 16. Kyrgyzstan's ambassador met the Turkish minister ...": a dateline in a third state, or
    at home when a participant is visiting another state ("ULAANBAATAR. The Defense Minister paid an official
    visit to Vietnam ...") or the one who receives is of another state, that no sentence of the contact names is
    where the story was written, not where the contact took place."""
    # (a tour's other stops, states no side of this contact is of, move it nowhere: "X also is visiting Chile")
    visiting_elsewhere = any(doc.visit_targets.get(key) not in (None, doc.dateline_country)
                             and doc.visit_targets.get(key) in sides for key in draft.participants) \
        or any(key in doc.visitors and key not in doc.visit_targets and doc.country_of(key) == doc.dateline_country
               for key in draft.participants)  # "RAWALPINDI - X called on Oman's leadership during an official visit"
    # "ISLAMABAD (APP) ... X received, at the BDF General Command, Y": who receives is of another state
    receiver = doc.country_of(draft.host_person) if draft.host_person and draft.host_direction != "neutral" else None
    received_elsewhere = receiver is not None and receiver in sides and receiver != doc.dateline_country
    if draft.city and draft.city == doc.dateline_city and draft.venue_country == doc.dateline_country \
            and (draft.venue_country not in sides or visiting_elsewhere or received_elsewhere) and not draft.sidelines \
            and not any(draft.city in sentence for sentence in draft.evidence + draft.context):
        draft.city = draft.venue_country = None


def _meeting_location(doc: ArticleRecord, draft: MeetingDraft, host: str | None) -> Place | None:
    """Where a contact in person took place: its venue, else the host's state (a body's seat for a body); on
    a forum's sidelines with no venue of its own, the forum's city when the article gives one."""
    if draft.mode == "in_person" and draft.sidelines and not (draft.venue_country or draft.city or host) \
            and not any(re.search(rf"{PAST_EVENT}[^.;]{{0,60}}?\b(?:conference|summit|forum|meeting)\b", text, re.I)
                        for text in draft.evidence):
        # bilateral meetings on the sidelines of the one forum whose venue the article gives (not of a forum told
        # as past: "discussed the outcomes of the recent Conference in Prague")
        venues = {forum.city for forum in doc.forums.values() if forum.city}
        if len(venues) == 1:
            draft.city = venues.pop()
            draft.venue_country = gazetteer.code_for(draft.city)
    if draft.mode != "in_person":
        return None
    city = draft.city
    # a city the gazetteer knows is in its own state (one place, one state: the shapes): with a venue state told
    # apart from it, the city was the story's, not this contact's; with none, it says where, whoever hosts
    city_state = gazetteer.code_for(city) if city else None
    if city_state and draft.venue_country and city_state != draft.venue_country:
        city = None
    country = draft.venue_country or city_state or host
    if city is None and draft.venue_country is None and host and host == doc.dateline_country and doc.dateline_city:
        city = doc.dateline_city  # received at home, no place told: the dateline's city in the host's state
    if country and gazetteer.is_international_body(country):
        # a body hosts at its seat: the venue is a state's city ("at the AU" -> Addis Ababa, ET)
        seat = gazetteer.body_seat(country)
        city, country = (city or seat[0], seat[1]) if seat else (city, None)
    if city or country:
        return Place(city or gazetteer.country_name(country) or country, country)
    return None


def _implied_meetings(doc: ArticleRecord, guessed: set[str], extraction: Extraction) -> set[str]:
    """Contacts the article reports that no rule could read in full: their sides from weaker evidence
    (kg.extract.implied); with no meeting read at all, the first (or one per listed side), else those between
    other sides. Each is settled like a draft, its decisions marked weak. Returns the persons they add as
    participants."""
    def is_spokesperson(key: str) -> bool:
        return bool(SPOKESPERSON.search(doc.person(key).position or ""))

    if extraction.meetings:
        contacts = further_contacts(doc.sentences, [(m.parties, m.evidence, m.participants) for m in extraction.meetings],
                                    doc.country_of, contact_mode, is_spokesperson,
                                    doc.dateline_country or doc.outlet_country)
    else:
        home, home_rule = (doc.dateline_country, "side.dateline-state") if doc.dateline_country else (
            doc.outlet_country, "side.outlet-state")
        contacts = implied_contacts(doc.sentences, doc.country_of, home, home_rule, contact_mode, is_spokesperson)
    added: set[str] = set()
    for contact in contacts:
        for key in contact.participants:
            if contact.home_side and doc.country_of(key) is None:
                doc.settle_country(key, contact.home_side, "country.article-home (weak)", contact.evidence)
        draft = MeetingDraft(contact.participants, contact.date or doc.reference, contact.mode, None,
                             contact.venue_city, contact.venue_country, [contact.evidence], 0,
                             rule=f"implied ({contact.rule})", implied_sides=contact.parties,
                             implied_host=contact.host_side)
        draft.participants = draft.participants + [k for k in _joined_after(doc, contact.evidence)
                                                   if k not in draft.participants]
        if not extraction.meetings and len(contacts) == 1:
            draft.principals = _principals(doc, contact.parties, contact.participants + contact.tellers,
                                           is_spokesperson)
            # (a principal may have been named among those who joined it: once)
            draft.participants = draft.participants + [k for k in draft.principals if k not in draft.participants]
            # ... with the delegations of both sides whole ("The South African delegation was led by X and included
            # A, B. The Namibian delegation was led by Y ..."): the one session the delegations met for
            leading = [delegation for leader, delegation in doc.delegations.items() if leader in draft.participants]
            if len({doc.country_of(delegation.leader) for delegation in leading} - {None}) >= 2:
                draft.participants += [member for delegation in leading for member in delegation.members
                                       if member not in draft.participants]
        count = len(extraction.meetings)
        _settle_meeting(doc, draft, guessed, extraction)
        if len(extraction.meetings) == count:
            continue
        key = extraction.meetings[-1].key
        for decision in extraction.decisions:
            decision.weak = decision.weak or decision.subject == key
        extraction.decisions += [Decision("side", key, party, rule, contact.evidence, weak=True)
                                 for party, rule in contact.side_rules.items()]
        added.update(draft.participants)
    return added


def _joined_after(doc: ArticleRecord, evidence: str) -> list[str]:
    """Who "also attended" a contact read from weaker evidence, named in the sentences after its own that tell no
    contact of their own ("The Minister of Defense of Armenia, Colonel General X also attended the meeting")."""
    join = lexicon().triggers["join"]
    index = next((s.index for s in doc.sentences if s.text == evidence), None)
    found: list[str] = []
    for sentence in doc.sentences[index + 1:] if index is not None else []:
        if sentence.contact:
            break
        if re.search(join, sentence.text[:1].lower() + sentence.text[1:]):
            found += [r.key for r in sentence.refs if r.key not in found]
    return found


def _principals(doc: ArticleRecord, parties: list[str], named: list[str],
                is_spokesperson: Callable[[str], bool]) -> list[str]:
    """For the one contact an article reports but no rule read, each side no one the sentence names stands for
    (``named``: its participants and who tells of it) is represented by its most-told official: the article is
    about that contact, so its main figures took part."""
    present = {doc.country_of(key) for key in named}
    found = []
    for party in parties:
        if party in present:
            continue
        told = _most_told(doc, party)
        if told and told not in named and not is_spokesperson(told):
            found.append(told)
    return found


def _most_told(doc: ArticleRecord, country: str) -> str | None:
    """The person of a state the article refers to most often (its own minister, in a ministry's release); an
    official of the article's home whose state it never says is settled as of that state."""
    home = country in (doc.dateline_country, doc.outlet_country)
    # (a visitor is no official of the home, unless visiting another state: "X returned home after a visit to the US")
    people = [p.key for p in doc.registry.persons.values() if doc.mention_count[p.key]
              and (p.country == country or p.country is None and home
                   and (p.key not in doc.visitors or doc.visit_targets.get(p.key) not in (None, country)))]
    told = max(people, key=lambda key: doc.mention_count[key], default=None)
    if told and doc.country_of(told) is None:  # an official of the article's home, whose state it never says
        doc.settle_country(told, country, "country.article-home", doc.person(told).evidence)
    return told


def _first_meeting_of(doc: ArticleRecord, leader: str) -> MeetingDraft | None:
    return next((m for m in doc.meetings if leader in m.participants), None)


def _visited_state(doc: ArticleRecord, draft: MeetingDraft) -> str | None:
    """The state a visitor was in: the venue, else the dateline's, else the state the article names most."""
    home = {doc.country_of(k) for k in draft.participants} - {None}
    for code in (draft.venue_country, doc.dateline_country):
        if code and code not in home and not gazetteer.is_international_body(code):
            return code
    return next((code for code, _ in doc.country_counts.most_common()
                 if code not in home and not gazetteer.is_international_body(code)), None)


def without_headline_copies(meetings: list[MeetingDraft], reference: str | None) -> list[MeetingDraft]:
    """A headline or lead that tells the contact again without its day ("X holds talks with Y" dated by the
    publication) is the contact the body dates a day or so earlier, not a second one."""
    kept = []
    for draft in meetings:
        twin = next((m for m in meetings if m is not draft and set(draft.participants) <= set(m.participants)
                     and len(draft.participants) >= 2 and m.mode == draft.mode and draft.date == reference
                     and m.date != reference and m.date and reference and len(m.date) == 10
                     and abs((parse_iso(m.date) - parse_iso(reference)).days) <= 2), None)
        if twin is None:
            kept.append(draft)
            continue
        twin.evidence.extend(e for e in draft.evidence if e not in twin.evidence)
    return kept


def _pair_of_states_named(sentence: str, parties: set[str]) -> bool:
    """"A and B discussed cooperation between Russia and Saudi Arabia", "Armenian-Russian talks": the sentence
    telling the contact names exactly its two sides, so two persons it leaves unplaced are one of each."""
    named = {place.code for place in find_places(sentence) if place.kind in ("country", "demonym")}
    return len(parties) == 2 and named == parties


def _seated(body: str | None, country: str | None) -> bool:
    if not body or not gazetteer.is_international_body(body):
        return False
    seat = gazetteer.body_seat(body)
    return bool(seat and seat[1] == country)
