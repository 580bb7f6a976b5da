"""The walk over an article's sentences that reads its contacts: meetings and calls, with the cues of
visitors, delegations and invitations read on the way.

`read_article(article)` runs the components in order: `document.read_document` (the `ArticleRecord`: dates,
setting, sentences), `document.find_mentions` over every sentence, `read_contacts` (below) and
`settle.settle_record` (the `Extraction` with its decisions); `read_record(article)` stops before settling.

`read_contacts(doc)` walks the sentences in order, keeping a `Discourse` (the contact being told, the place
and date in force, the last subject) to resolve "the minister", "the Chinese guest", "his counterpart" and
"he". For each sentence it finds the references (`references`, with `roles`), the contact verb
(``triggers.json``) and its date; then it adds to the record: `doc.meetings` (`_meeting` and the readers of
contacts told without names), `doc.visitors`, `doc.delegations` (`delegations`), `doc.invitations`
(`invitations`), `doc.announced` and `doc.pending` (contacts whose participants the next sentences name),
`doc.joiners`, `doc.seen` and `doc.mention_count`. Each function takes the record and the parts of the
discourse it needs, and returns the contact being told when it may change it.
"""
from __future__ import annotations

import dataclasses
import re
from datetime import date as Date, timedelta

from kg import gazetteer
from kg.extract import clauses
from kg.extract.cues import MEETING_HELD_AT, PAST_EVENT, SPEAKER_AFTER, SPOKESPERSON, TALKED_OVER, contact_mode, topic
from kg.extract.dates import (MONTH_NAMES, WEEKDAYS, date_range, earlier_period, explicit_date, inline_dateline, latest_month_named,
                              parse_iso, resolve_date)
from kg.extract.delegations import read_delegation_cues
from kg.extract.document import find_mentions, read_document
from kg.extract.invitations import read_invitation, read_invitation_of
from kg.extract.lexicon import lexicon
from kg.extract.mentions import (PLURAL_COUNTERPARTS, TOPIC_BEFORE, PlaceMention, article_acronyms, country_in,
                                 defined_acronyms)
from kg.extract.posts import post_kind_words
from kg.extract.records import (AnnouncedContact, ArticleRecord, Discourse, MeetingDraft, PendingDelegationContact,
                                Ref, Sentence, Setting, Trigger)
from kg.extract.references import EXCLUDE_BEFORE, model_refs, sentence_refs
from kg.extract.settle import settle_record
from kg.model import Article, Extraction

_BACKGROUND_OPENER = re.compile(
    r"(?:Last (?:month|week|year)|Earlier this (?:month|year)|Earlier in the (?:month|year)|Previously|Back in|"
    r"In (?:January|February|March|April|May|June|July|August|September|October|November|December)\b)")
_BACK_REFERENCE = re.compile(r"(?:During|In the course of|In) (?:the |their |these |those |this )?(?:talks|meeting|conversation|"
                             r"call|phone call|telephone conversation|discussions?|video ?-?conference|session)\b")
# "The Russian Deputy Defence Minister and his Saudi counterpart have discussed ...": a contact whose two sides
# are told before their names
_ANNOUNCED_PAIR = re.compile(r"\b((?:[A-Z][\w.\-]+\s+)(?:(?:[A-Z][\w\-]+|of|the)\s+){0,5})and\s+(?:his|her|their)\s+"
                            r"([A-Z][\w.\-]+)\s+(?:counterpart|colleague|opposite number)\b")
# "US and Russian Defence Ministers spoke on the phone": the peoples of a contact told without names
_PLURAL_OFFICIALS = re.compile(r"\b((?:[A-Z][\w.\-]+,\s+)*[A-Z][\w.\-]+\s+and\s+[A-Z][\w.\-]+)\s+(?:[Dd]efen[cs]e\s+|[Ff]oreign\s+|"
                               r"[Aa]rmy\s+|[Nn]aval\s+|[Mm]ilitary\s+)?(?:[Mm]inisters|[Cc]hiefs|[Cc]ommanders|[Ss]ecretaries|"
                               r"[Gg]enerals|[Aa]dmirals|officials|delegations)\b")
# "Turkey's Hulusi Akar and the U.S.'s Mark Esper addressed security issues": the pair as one subject
_PAIR_SUBJECT = re.compile(r"\band\s+(?:the\s+)?(?:[A-Z][\w.'’\-]*\s+|(?:bin|al|ibn)\s+){1,9}(?:have\s+|had\s+|also\s+|"
                           r"jointly\s+)?(?:[a-z]+ed|touched upon|focused on)\b")
# "Yemen's Defence Minister received ...", "The Nigerian Chief of Defence Staff hosted ...": a post whose holder
# the next sentences name
_SUBJECT_POST = re.compile(r"^\W*(?:[Tt]he\s+)?([A-Z][\w.\-]+?)(?:'s|’s)?\s+(?:[A-Z][\w\-]+\s+){0,4}(?:[Mm]inister|[Cc]hief|"
                           r"[Cc]ommander|[Ss]ecretary|[Cc]hairman|[Hh]ead|[Dd]irector)\b")
_STATE_WORDS = r"[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?"
# "the Defense Ministers of Russia and Egypt", "the chiefs of staff of Mexico, Croatia and Chile": one post each
_PLURAL_POST = re.compile(r"\b(?:the\s+)?(?:respective\s+)?((?:(?:[A-Z][\w\-]*|defen[cs]e|army|navy|naval|air|military|deputy|vice)\s+){0,3}"
                          r"(?:Minister|Chief|Commander|Secretar(?=ies)|chief|minister|commander|CHOD))"
                          r"(?:s|ies|S)((?:\s+of\s+(?:the\s+)?(?:[Gg]eneral\s+|[Dd]efen[cs]e\s+)?[Ss]taff|\s+of\s+[Dd]efen[cs]e)?)\s+of\s+(?:the\s+)?"
                          # "Defence Ministers of five Countries – UAE, UK, ..."
                          r"(?:(?:[\w\-]+\s+)?(?:[Cc]ountries|[Ss]tates|[Nn]ations)\s*[–—:\-]\s*)?"
                          rf"({_STATE_WORDS}(?:\s*,\s*(?:and\s+)?{_STATE_WORDS})*(?:\s+and\s+{_STATE_WORDS})?)\b")
_LOCATIVE_CITY = re.compile(r"\b(?:in|at|to|here in|arrived in|arrived at|traveled to|travelled to|visited|visiting|visit to)\s+(?:the\s+)?$")
# a contact phrase with no subject of its own, opening a sentence: "During the meeting with X", "At talks with X"
_SUBJECTLESS_CONTACT = re.compile(r"(?:During|At|In|Following|After)\s+(?:the|a|an|his|her|their)?\s*(?:[\w\-]+\s+){0,2}?"
                                  r"(?:meeting|talks|conversation|call|discussions?|consultations|dinner|lunch|luncheon|"
                                  r"breakfast)\s+with\b")
# where a list of posts after a contact verb ends: the next clause or a phrase of time, place or purpose
_POST_LIST_END = re.compile(r"\s+(?:and|to)\s+(?:discussed|reviewed|exchanged|held|briefed|talked|thanked|expressed)\b|"
                            r"\s+(?:to discuss|on|during|at|in|who|where|which)\s|\s+for\s(?![A-Z])|[;:]|"
                            r",\s*(?:where|who|which|during)\b|,?\s*(?:among|and) others\b|"
                            r",\s*(?:[\w\-]+\s+){0,5}?(?:said|says|reported|added|noted|according)\b|\.$")
_POST_WORDS = re.compile(r"(?:[A-Z][\w\-'’]*\.?|of|the|for|and|&|-)(?:\s+(?:[A-Z][\w\-'’]*\.?|of|the|for|and|&|-))*")


def read_article(article: Article) -> Extraction:
    """Run the components over one article: its record, the mentions, the contacts, the settled facts.

    An article whose body tells no contact it can read, under a headline that tells one ("The Minister of
    Defence received the Russian Ambassador" over "During the meeting, the Minister ..."), is read again with
    the headline as its lead sentence; what that reading adds is weak evidence."""
    doc = read_record(article)
    extraction = settle_record(doc)
    if extraction.meetings or not _tells_a_contact(doc.headline):
        return extraction
    led = settle_record(read_record(dataclasses.replace(article, text=f"{doc.headline.rstrip(' .')}.\n\n{article.text}")))
    if not led.meetings:
        return extraction
    led.warnings.append("contacts read with the headline as the lead sentence: weak evidence")
    for decision in led.decisions:
        decision.weak = True
    return led


_LONGEST_HEADLINE = 300
_FOR_TALKS = re.compile(r"\b(?:for|to hold|to discuss)\s+(?:[\w\-]+\s+)?(?:talks|meetings?|consultations|discussions)\b")


def _tells_a_contact(headline: str) -> bool:
    """A headline with a contact phrasing of triggers.json ("X receives Y", "X holds phone talk with Y"), not
    one it announces ("X in Baghdad for talks with senior officials", "X to meet Y")."""
    if not headline or len(headline.split()) < 4 or len(headline) > _LONGEST_HEADLINE:
        return False  # (a title of thousands of characters is no headline: not read as a lead)
    lowered = headline[:1].lower() + headline[1:]
    triggers = lexicon().triggers
    if re.search(triggers["not_meeting"], lowered) or _FOR_TALKS.search(lowered):
        return False
    return any(re.search(rule["pattern"], lowered, re.I) for rule in triggers["meeting"])


def read_record(article: Article) -> ArticleRecord:
    """The article's record with its mentions and contact drafts, before they are settled (for a look at what
    was read: ``doc = read_record(article); extraction = settle_record(doc)``)."""
    acronyms = defined_acronyms(article.text or "")
    with article_acronyms(acronyms):
        doc = read_document(article)
        doc.acronyms = acronyms
        for sentence in doc.sentences:
            find_mentions(doc, sentence)
        read_contacts(doc)
    return doc


def read_contacts(doc: ArticleRecord, use_model: bool = True) -> None:
    """Walk the sentences in order and add the contacts, visitors, delegations and invitations they tell
    (``use_model``: let the statistical NER add names the rules miss next to a contact verb)."""
    story = Discourse(context_city=doc.dateline_city, context_country=doc.dateline_country)
    for sentence in doc.sentences:
        _read_sentence(doc, story, sentence, use_model)


def _read_sentence(doc: ArticleRecord, story: Discourse, sentence: Sentence, use_model: bool) -> None:
    """One sentence of the walk: its references, contact verb and date (`Sentence.refs`, `.contact`, `.date`);
    then the contact it tells (or goes on about, or announces), the cues of visitors, delegations and
    invitations, and the story's state for the next sentence."""
    text = sentence.text
    lowered = text[0].lower() + text[1:] if text else text
    triggers = lexicon().triggers
    sentence.refs = sentence_refs(doc, sentence, story.current, story.last_subject)
    _visitor_cues(doc, sentence)
    _represented_by(doc, sentence)
    trigger = _contact_verb(sentence, lowered)
    # "After meeting General X, General Y later called on A, B and C", "Before the meeting with X, Y had talks with
    # Z": the contact of the main clause, told beside the one its opening recalls
    opening = _OTHER_CONTACT_OPENING.match(lowered)
    recalled_end = 0
    if trigger is not None and opening and trigger.match.start() < opening.end():
        main = _contact_verb(sentence, lowered, start=opening.end())
        if main is not None:
            trigger, recalled_end = main, opening.end()
    future = re.search(triggers["not_meeting"], _main_clause(lowered, trigger[0].end() if trigger else None))
    if future and future.group(0) == "to meet" and _TRAVELLED_TO_MEET.search(lowered[:future.end()]):
        future = None  # "X headed back to Helsinki to meet with Y": the trip told as made, and the contact with it
    date = None
    # "X on Thursday began an official visit to Italy, where he is scheduled to hold talks": what a subordinate clause
    # announces leaves the main clause's day in force for the contacts told next
    dated = not future or not re.search(triggers["not_meeting"], _main_clause(lowered, 0))
    if dated:
        previous = story.context_date or (story.current.date if story.current else None)
        date, story.visit_days = _contact_date(doc, text, previous, story.visit_days)
        if date is None and story.arrival_date and _ON_ARRIVAL.search(text):
            date = story.arrival_date  # "Upon his arrival at the airport, he was received by ...": the day told
        elif date and _ARRIVED.search(text):
            story.arrival_date = date
    # "Izoria signed a similar agreement in Baku last week": an earlier trip told beside the story's contact sets
    # neither the day nor the place of what the story tells next
    background = bool(date and story.current and story.current.date != date and _EARLIER_PERIOD.search(lowered))
    if not background:
        _update_place_context(story, sentence, date)
    read_delegation_cues(doc, sentence, story.current, story.last_subject)
    join = re.search(triggers["join"], lowered)
    if trigger is not None:
        sentence.refs = _contact_refs(doc, sentence, trigger, bool(future), use_model, story.last_subject)
    if trigger is not None and not recalled_end:
        # "After a press briefing with Amorim, Panetta met with X": who the fronted clause names is no party to the
        # contact of the main clause, when that clause names both its own
        fronted = _FRONTED_TIME_CLAUSE.match(lowered)
        if fronted and fronted.end() <= trigger.match.start() and \
                any(fronted.end() <= r.start < trigger.match.start() for r in sentence.refs) and \
                any(r.start >= trigger.match.end() for r in sentence.refs):
            recalled_end = fronted.end()
    if recalled_end:
        sentence.refs = [r for r in sentence.refs if r.start >= recalled_end]
    subjectless = _SUBJECTLESS_MEETING.match(lowered) if trigger is not None and story.last_subject else None
    if subjectless and sentence.refs and all(r.start >= subjectless.end() for r in sentence.refs) \
            and story.last_subject not in {r.key for r in sentence.refs} \
            and doc.country_of(story.last_subject) not in {doc.country_of(r.key) for r in sentence.refs}:
        # "At the meeting held with the Chief of Defence Force of Australia, General X, discussions were made ...":
        # the story's protagonist met X
        sentence.refs = [Ref(0, 0, story.last_subject), *sentence.refs]
    refs = sentence.refs
    keys = _unique([k for _, _, k in refs])
    # "Li last met with Khrenin in late April", "In May, A and his Spanish counterpart B signed ...": an earlier
    # contact, its own, dated to the month or year recalled (told before or after the story's contact)
    # ... or a trip told as such ("X made the visit to Chile this past December"), which then dates what it holds
    trip_rule = None if trigger is not None else next(
        (rule["id"] for rule in triggers["visit"] if re.search(rule["pattern"], lowered, re.I)), None)  # its phrasing
    recalled = _recalled_period(doc, text) if (trigger is not None or trip_rule) and not future and date is None else None
    if recalled and any(m.date and m.date.startswith(recalled) for m in doc.meetings):
        recalled = None  # "(Pictured: A and B meet in Mexico City in July 2021.)": a contact told, told again
    date = recalled or date
    historical = not recalled and _historical(doc, text, date, trigger.match.start() if trigger else None,
                                              trigger.match.end() if trigger else None)
    done = not future and not historical  # a contact told as done, not planned and not background
    sentence.date = date
    if done:
        sentence.contact = trigger.rule if trigger else trip_rule
    _place_announced_peoples(doc, sentence, trigger is not None and not future)
    if trigger is not None and done and len(keys) == 1 and story.last_subject not in (None, *keys) \
            and _TALKS_WITH_BEFORE.search(text[:refs[0].start]) \
            and doc.country_of(story.last_subject) != doc.country_of(keys[0]):
        # "The talks with Belarusian Defence Minister X also focused on ...": the story's subject held them
        refs = sentence.refs = [Ref(0, 0, story.last_subject)] + refs
        keys = [story.last_subject] + keys
    if trigger is not None and done and not keys and story.last_subject and _THIS_WAS_DURING.match(text):
        # "X reiterated ... This was during an interaction with a delegation from ...": the one who spoke held it
        refs = sentence.refs = [Ref(0, 0, story.last_subject)]
        keys = [story.last_subject]
    if trigger is not None and done and keys and story.last_subject not in (None, *keys) and _ITINERARY.search(text):
        # "The programme included meetings with A, B and C": the one whose visit it is held them, one by one
        refs = sentence.refs = [Ref(0, 0, story.last_subject)] + refs
        keys = [story.last_subject] + keys
    sides = {doc.country_of(k) for k in keys} - {None}
    is_meeting = trigger is not None and done and len(keys) >= 2
    if is_meeting and trigger.rule == "meeting.the-two-discussed" and story.current is not None \
            and set(keys) <= set(story.current.participants):
        is_meeting = False  # "... had a meeting; ... the two officials discussed": the contact told, told again
    if is_meeting and not any(start >= trigger[0].end() - 1 for start, _, _ in refs) \
            and re.search(r"\bwith\s*$", text[:trigger[0].end()] + re.match(r"\s*(?:with\b)?", text[trigger[0].end():]).group(0)) \
            and not re.match(r"\s*(?:each other|one another)\b", text[trigger[0].end():]):
        # "A and his New Zealand counterpart B have met with senior Fijian leaders": those named are one party,
        # whose counterparts go unnamed: a contact with the state or body the object names, if it names one
        is_meeting = False
        sentence.one_party = True
        _unnamed_hosts(doc, sentence, trigger, keys, date, story.setting())
    talks = _TALKS_AT_INVITATION.search(lowered) if not is_meeting and trigger is None and done and len(keys) == 1 \
        else None
    visitor = next((k for k in [*doc.visitors, story.last_subject]
                    if k and k != keys[0] and doc.country_of(k) != doc.country_of(keys[0])),
                   None) if talks else None
    if visitor is not None:
        # "During the visit, at the invitation of the Armenian Armed Forces head, General X, ... were discussed": the
        # visitor held the talks with the one who invited him, who hosts them
        refs = sentence.refs = [Ref(0, 0, visitor), *refs]
        keys, sides = [visitor, *keys], sides | ({doc.country_of(visitor)} - {None})
        trigger = Trigger(talks, "object", "meeting.talks-at-invitation")
        is_meeting = True
    if not is_meeting and trigger is None and done:
        trigger = _contact_named_late(doc, sentence, keys, sides) or (
            _clause_link(doc, sentence, lowered) if use_model else None)
        if trigger is not None and join is not None and trigger.match.start() < join.end() \
                and join.start() < trigger.match.end():
            trigger = None  # "A and B accompanied the visit": those who join it, not a contact of their own
        is_meeting = trigger is not None
    # "X, accompanied by A, called on Prime Minister Y": a companion before the contact's verb, whose object is
    # named after it, leaves the contact a new one, whatever states are known yet
    companion_first = join is not None and is_meeting and "accompanied" in join.group(0) \
        and join.start() < trigger[0].start() and "," in text[join.end():trigger[0].start()] \
        and any(start >= trigger[0].end() and (story.current is None or key not in story.current.participants)
                for start, _, key in refs)  # ... someone new: not the contact being told again
    # "X received Y, in the presence of Z": the contact's verb with its own two ends comes first, whatever states
    # are known yet
    verb_first = join is not None and is_meeting and trigger[0].end() <= join.start() \
        and any(end <= trigger[0].start() + 1 for _, end, _ in refs) \
        and any(trigger[0].end() - 1 <= start < join.start() for start, _, _ in refs)
    if is_meeting and join and not companion_first and (
            len(sides) < 2 and not verb_first or join.start() < trigger[0].start() and "accompanied" not in join.group(0)
            # "The meeting was attended by A and B": those who joined the contact told, whatever their states
            or story.current is not None and _THE_CONTACT_ATTENDED.match(text)):
        is_meeting = False
    if not is_meeting and trigger is not None and done and len(keys) == 1 \
            and (re.search(r"\bdelegations?\b", text) or _VISITING_GROUP.search(text)) and not join:
        # "X received a delegation of the Y Army.", "X met with visiting heads of Y's security organisations." --
        # its leader, or its members, are named in the next sentences
        doc.pending = PendingDelegationContact(sentence, trigger, refs, date, len(doc.delegations), len(doc.visitors),
                                               _group_state(doc, sentence, trigger))
        if _VISITING_GROUP.match(text, trigger.match.end()) \
                and _unnamed_hosts(doc, sentence, trigger, keys, date, story.setting(), guests=True):
            # "Kochavi met with the visiting senior Chilean defense officials": a contact with the state the group
            # is of, told on ("They were joined by ..."), until the group's leader or members are named
            story.current, story.current_open = doc.meetings[-1], True
    elif is_meeting:
        doc.pending = None
    if doc.pending and not is_meeting and doc.pending.sentence.index < sentence.index <= doc.pending.sentence.index + 4 \
            and (len(doc.delegations) > doc.pending.delegations_before
                 or len(doc.visitors) > doc.pending.visitors_before or _group_member_named(doc, sentence)):
        told = _pending_contact(doc, sentence, story.setting())
        if told is not None:  # the contact read with its delegation becomes the one being told
            story.current, story.current_open = told, True
    if trigger is not None and not is_meeting and done and len(keys) <= 1:
        doc.announced = _announced_contact(doc, sentence, keys) or doc.announced
    if is_meeting:
        told = story.current
        if recalled:  # told apart from the story's contact, with no place or day of the story's
            story.current = _meeting(doc, sentence, trigger, refs, date, None, Setting(None, None, None))
        else:
            story.current = _meeting(doc, sentence, trigger, refs, date, story.current, story.setting())
        story.current_open = True
        if told is not None and story.current is not told and story.current is doc.meetings[-1] \
                and (recalled or _BACKGROUND_OPENER.match(text)):
            story.current = told  # "Last month, X held talks with Y in Manila.": an aside; the story goes on
    elif join and story.current is not None and not future and not _JOINED_THE_TRIP.match(text) and (
            story.current_open or re.search(r"\b(?:both|all (?:three|four|the))\b", lowered)
            # "The meeting was attended by X", told after the visitor toured a base: "the meeting" is still the one
            or re.search(r"\b(?:the|these) (?:meeting|talks|discussions|call)s?\b", lowered)
            # "Present at the ceremony together with the Senior General were X, Y", "The Vietnamese minister was
            # accompanied by X": told with one of its own
            # (not to see something else: "A and B were accompanied by C to view the refurbishment of ...")
            or (re.search(r"\btogether with\b", lowered) or "accompanied" in join.group(0)
                and not re.search(r"\bto (?:view|visit|tour|inspect|see|observe|watch)\b", lowered)) and any(
                k in story.current.participants for start, _, k in refs if start < join.end())):
        story.current = _join(doc, sentence, join, refs, story.current)
    elif re.search(triggers["activity_switch"], lowered):
        story.current_open = False
    elif story.current is not None and story.current_open and not future and topic(text):
        story.current.context.append(text)
    if not is_meeting and done and story.current is not None and story.current_open \
            and (trigger is not None or _HELD_AT.search(text)) \
            and set(keys) <= set(story.current.participants) and date in (None, story.current.date):
        _held_at(sentence, story.current)  # "During the meeting held at Basman Palace in Amman, the King and ..."
    if story.current is not None and date and not future and trigger is None and not story.current.date_told \
            and story.current.date == doc.reference and _READOUT_DAY.search(text):
        # "'The leaders discussed ...,' Hoffman said on Friday.": the readout's day dates the contact it reads out
        story.current.date, story.current.date_told = date, True
    told_again = re.search(r"\b(?:the|this|these|both) (meetings?|talks|visit|call|consultations|discussions)\b", lowered)
    if not told_again:
        # "The chief of staff, during his meeting with the Deputy Secretary last night, said ...": no one named in it
        # who is not of the contact being told (below)
        told_again = re.search(r"\b(?:his|her|their) (meeting|talks|call|conversation) with\b", lowered) \
            or re.search(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)['’]s "
                         r"(meeting|talks|call|conversation|discussions)\b", text, re.I)  # "after Monday's talks"
    if story.current is not None and date and not future and set(keys) <= set(story.current.participants) \
            and not story.current.date_told and told_again:
        # "The meeting was held on 12 January": the date of the contact told without one; "During the meetings
        # on December 22": of each contact the same sentence told; "The Prime Minister's office said the meeting
        # took place on Friday": who tells it is one of its own participants
        told = [m for m in doc.meetings if not m.date_told and m.evidence[:1] == story.current.evidence[:1]] \
            if told_again.group(1) == "meetings" else [story.current]
        for meeting in told:
            meeting.date, meeting.date_told = date, True
    if trigger is not None and done and not join:
        _unnamed_counterparts(doc, sentence, trigger, refs, date, story.setting())
        if not is_meeting:
            story.current = _institution_host(doc, sentence, trigger, refs, date, story.setting()) or story.current
    if re.search(triggers["invitation_of"], lowered):
        doc.invitations += read_invitation_of(sentence, refs, doc.visitors, story.last_subject)
    elif (re.search(triggers["invitation"], lowered) or re.search(triggers["invitation_thanked"], lowered)) \
            and not re.search(triggers["not_invitation"], lowered):
        doc.invitations += read_invitation(doc, sentence, refs, story.current, story.last_subject)
    if date and dated and not recalled and not background:
        story.context_date = date
    elif recalled and trip_rule:
        story.context_date = recalled
    # the subject "he" will stand for: not one named "on behalf of", "greetings from" ... (see EXCLUDE_BEFORE)
    subjects = [k for start, _, k in refs if not EXCLUDE_BEFORE.search(text[:start])
                and not re.search(r"\b(?:on behalf of|greetings (?:of|from)|message (?:of|from))\s+[^,;]{0,60}$", text[:start])]
    # "..., the Director of Defence Information, X, noted that the Commander ...": who reports it is not whom "he"
    # stands for next, when the report names someone else
    reported = re.search(r"\b(?:said|says|noted|stated|added|explained|announced|reported)\s+that\b", text)
    if reported and any(start >= reported.end() for start, _, _ in refs):
        subjects = [k for start, _, k in refs if start >= reported.end() and k in subjects] or subjects
    if subjects:
        story.last_subject = subjects[0]
    for key in {key for _, _, key in refs}:  # once a sentence, however often it names them
        doc.seen[key] = sentence.index
        doc.mention_count[key] += 1


# where a contact told before was held: "During the meeting held at Basman Palace in Amman, ...", "The meeting took
# place at the Ministry of Defence in Cairo"
# talks told in the passive, held at someone's invitation: "at the invitation of X, ... were discussed"
_TALKS_AT_INVITATION = re.compile(r"\bat the invitation of\b(?=[^.;]*\b(?:were|was) (?:also )?discussed\b)")
_HELD_AT = re.compile(MEETING_HELD_AT +
                      # "They did so during a visit to the headquarters ... in Den Helder": the pair told again
                      r"|^(?:They|The two(?:\s+(?:ministers|generals|chiefs|leaders))?)\s+(?:also\s+)?(?:did so|met|talked)\s+"
                      r"(?:during|at|in|on)\b")
_WEEKDAY = "|".join(day.capitalize() for day in WEEKDAYS)
_READOUT_DAY = re.compile(rf"\b(?:said|says|announced|reported|stated|added|told reporters)\s+(?:on\s+)?(?:{_WEEKDAY})\b")
_TALKS_WITH_BEFORE = re.compile(r"^(?:[\w,]+\s+){0,3}?(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:talks|meetings?|discussions?|consultations)"
                                r"\s+with\s+(?:[A-Z][\w\-]+\s+){0,6}$")
# a sentence that places what the one told before said: "This was during an interaction with ...", "The remarks were
# made at a meeting with ..."
_THIS_WAS_DURING = re.compile(r"(?:This|That|These|It|The (?:remarks?|statements?|comments?|call|appeal|assurance))\s+"
                              r"(?:was|were|came|happened|occurred)\s+(?:made\s+|given\s+)?(?:during|at|when|in)\b")
_ITINERARY = re.compile(r"\b(?:programme|program|schedule|agenda|itinerary)\s+(?:also\s+)?(?:included|includes|featured)\s+"
                        r"(?:separate\s+|bilateral\s+)?(?:meetings|talks|calls)\s+with\b")
_ARRIVAL = re.compile(r"\b(?:arriv(?:ed|ing|al)|airport|air (?:force )?base|airbase)\b", re.I)
# a group of visitors told without names: "met with visiting heads of Australia's security organisations"
_VISITING_GROUP = re.compile(r"(?:\s*with)?\s*(?:the\s+)?visiting\s+(?:[\w'’\-]+\s+){0,4}?(?:heads|chiefs|officials|leaders|officers|commanders|"
                             r"generals|ministers|guests|team)\b")
_OTHER_CONTACT_OPENING = re.compile(r"(?:after|following|before|prior to|ahead of)\s+(?:his\s+|her\s+|the\s+|a\s+)?(?:meeting|talks|meetings|"
                            r"discussions|calling on)\b[^,;]{0,100},\s*", re.I)
_SUBJECTLESS_MEETING = re.compile(r"(?:additionally,?\s+|also,?\s+)?(?:at|in|during)\s+(?:the|a|his|her)\s+"
                                  r"(?:separate\s+|bilateral\s+|subsequent\s+|later\s+)?meeting\s+(?:held\s+)?with\b")
_FRONTED_MEETINGS = re.compile(r"(?:(?:during|in|at)\s+(?:(?:the|his|her|their|separate|bilateral|several)\s+)*meetings|"
                               r"(?:after\s+|before\s+|while\s+)?(?:meeting|speaking|talking))\s+with\b", re.I)
# "Having earlier met with A, X also met with B": two contacts of X
_FRONTED_EARLIER_CONTACT = re.compile(r"Having\s+(?:\w+\s+){0,2}?(?:met|held talks|spoken|talked)\s+(?:with\s+)?[^,;]{3,120},\s*")
_LATER_CONTACT = re.compile(r"\s*(?:also\s+|then\s+|later\s+)?(?:met|held\s+(?:talks|a meeting|meetings)|called on|spoke)\b")
_FRONTED_TIME_CLAUSE = re.compile(r"(?:after|following|before|prior to)\s+[^,;]{3,100},\s*", re.I)
_EXHORTS = re.compile(r"call(?:ed|s|ing)? (?:on|upon)\b")
_ATTENDED_EVENT = re.compile(r"\battend(?:s|ed|ing)?\s+(?:the|a|an|this|its)\s+(?:[\w\-]+\s+){0,3}$")


# "He called on the ambassador, in his new post, to make more contributions": the one already met, urged to act
# (a call on someone to discuss, brief or thank is a visit)
_URGED = re.compile(r"\s+(?:the|his|her)\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?\s*(?:,[^,]{1,40},\s*)?to\s+(?!(?:discuss|review|"
                    r"exchange|explore|brief|pay|bid|congratulate|thank|seek|present|deliver|introduce|hand|sign|meet|"
                    r"talk|hold|express|convey|share|receive|apprise|update|inform|say)\b)[a-z]+")


def _exhorts(sentence: Sentence, lowered: str, match: re.Match) -> bool:
    """"called on Russia to stop", "calls upon all parties to ...", "called on the ambassador to make ...": a
    demand, not a visit: a state, people or the parties, then "to" and a verb, right after "called on"; or
    someone named by a role noun, urged to do something other than what a visit is for."""
    if _URGED.match(lowered, match.end()):
        return True
    rest = lowered[match.end():]
    words = re.match(r"\s+((?:the\s+)?(?:[\w\-.']+\s+){1,4}?)to\s+[a-z]+", rest)
    if not words:
        return False
    named = words.group(1).strip()
    start = match.end() + words.start(1)
    states = [p for p in sentence.places if start <= p.start < start + len(named) + 1 and p.kind in ("country", "demonym", "body")]
    return bool(states) or bool(re.fullmatch(r"(?:all\s+)?(?:the\s+)?(?:parties|sides|countries|states|nations|"
                                              r"international community|world)", named))


def _contact_verb(sentence: Sentence, lowered: str, start: int = 0) -> Trigger | None:
    """The sentence's contact verb (``meeting`` in triggers.json): the earliest phrase (from ``start``); at one
    place, the longest ("received a phone call from" over "received"). Not inside a forum's name."""
    trigger = None
    for rule in lexicon().triggers["meeting"]:
        for match in re.finditer(rule["pattern"], lowered, re.I):
            if match.start() < start:
                continue
            if any(f.start <= match.start() < f.end for f in sentence.forums):
                continue  # "ASEAN Defence Ministers' Meeting" names an event
            if _EXHORTS.match(lowered, match.start()) and _exhorts(sentence, lowered, match):
                continue  # "called on Russia to stop ...": a demand, not a visit
            if re.match(r"meetings?\s+(?!with\b)", lowered[match.start():]) \
                    and _ATTENDED_EVENT.search(lowered[max(0, match.start() - 40):match.start()]):
                continue  # "to attend the meeting of the defence ministers of SCO member states": an event
            if trigger is None or (match.start(), -match.end()) < (trigger.match.start(), -trigger.match.end()):
                trigger = Trigger(match, rule["host"], rule["id"])
            break
    return trigger


def _clause_link(doc: ArticleRecord, sentence: Sentence, lowered: str) -> Trigger | None:
    """A contact verb no phrasing lists, read from the parse: two officials of different states bound to one
    verb (see kg.extract.clauses)."""
    span = clauses.linking_verb(sentence.text, sentence.refs, doc.country_of)
    if span is None:
        return None
    rule = lexicon().triggers["clause_link"]
    return Trigger(re.compile(re.escape(lowered[span[0]:span[1]])).match(lowered, span[0]), rule["host"], rule["id"])


# "During the trip, Faller was joined by A, B and C": companions of the whole trip, not of the contact told last
_JOINED_THE_TRIP = re.compile(r"(?:During|Throughout|On|For)\s+(?:the|his|her|their|this)\s+(?:[\w\-]+\s+)?(?:trip|visit|tour)\b"
                              r"[^.;]*?\b(?:was|were)\s+(?:also\s+)?(?:joined|accompanied)\s+by\b")
_UNNAMED_OTHERS = re.compile(r"\s*(?:and\s+)?(?:other|several|some|many|various)\s+(?:[\w\-]+\s+){0,3}?"
                             r"(?:officials|officers|commanders|leaders|dignitaries)\s*\.?\s*")
_THE_CONTACT_ATTENDED = re.compile(r"(?:The|This|That|These)\s+(?:meetings?|talks|discussions?|calls?)\s+(?:was|were)\s+"
                                   r"(?:also\s+)?attended\s+by\b")
_TRAVELLED_TO_MEET = re.compile(r"\b(?:headed|travell?ed|flew|went|came|returned|proceeded)\b[^.;]{0,60}?\bto meet$")
# "began a three-day official visit to Vietnam on February 26": the day a visit began dates its first contacts (not the
# day an event opened: "the forum, which opened on Monday")
_A_VISIT = r"\s+(?:a|an|his|her|their|the)\s+(?:[\w\-]+\s+){0,3}?(?:visit|trip|tour)\b"
_EARLIER_PERIOD = re.compile(r"\b(?:last|previous|past) (?:week|month|year)\b|\bearlier this (?:week|month|year)\b")
_ARRIVED = re.compile(r"\b(?:arrived|arrives|arriving)\b")
_ON_ARRIVAL = re.compile(r"\b(?:[Uu]pon|[Oo]n|[Aa]fter)\s+(?:his|her|their|the delegation's|its)\s+arrival\b")


def _contact_date(doc: ArticleRecord, text: str, previous: str | None,
                  visit_days: tuple[Date, Date] | None) -> tuple[str | None, tuple[Date, Date] | None]:
    """The date a sentence gives its contact, resolved against the story's "today" and the date in force
    (``previous``); and the days of a visit told over several days, when the sentence gives them."""
    # what a quoted speaker calls "today" is not a date of the story (a quote may open here and close later);
    # a weekday or a date the quote names is ("RIYADH: Crown Prince X received on Sunday ...", reposted in quotes)
    unquoted = re.sub(r"\"[^\"]{3,}\"", lambda quote: _RELATIVE_DAY.sub(" ", quote.group(0)), text)
    if unquoted.count('"') % 2 == 1:
        opening = unquoted.index('"')
        unquoted = unquoted[:opening] + _RELATIVE_DAY.sub(" ", unquoted[opening:])
    reference = doc.reference_day
    inline = inline_dateline(unquoted)
    if inline:  # "WASHINGTON, June 12, 2013 - X hosted Y yesterday": the dateline's day is the story's today
        unquoted, reference = inline
    # "03/20/2017: Minister X met with Y on March 17, 2017": a stamp of the release's day before its first words
    unquoted = re.sub(r"^\s*\d{1,2}[/.]\d{1,2}[/.]\d{4}\s*[:\-–—|]\s", " ", unquoted)
    # "the exhibition ... will last until December 2": an end date is no date of a contact
    unquoted = re.sub(r"\b(?:until|till|through)\s+[^,.;]{1,25}", " ", unquoted)
    # "preparations for the council's meeting due on September 9": the day of an event to come
    unquoted = re.sub(r"\b(?:due|scheduled|slated|planned|set)\s+(?:to\s+(?:be\s+held|take\s+place|open|start|begin)\s+)?"
                      r"(?:on|for)\s+[^,.;]{1,25}", " ", unquoted)
    # "their first call since May 13": the earlier contact's date is not this one's
    unquoted = re.sub(r"\b(?:first|last|only) (?:\w+ )?since\s+[^,.;]{1,25}", " ", unquoted)
    # when an official took office: "Malian Minister of Defence X, appointed on 28 May 2014"
    unquoted = re.sub(r",\s*(?:who was\s+)?(?:recently\s+|newly\s+)?(?:appointed|elected|named|sworn in|promoted|born)\b"
                      r"[^,;]*", ", ", unquoted)
    # what an anniversary counts from: "the 55th anniversary of the establishment of diplomatic relations (June 24,
    # 1967)", "marking 30 years since ... on 5 May 1994"
    unquoted = re.sub(r"\b(?:[Aa]nniversary|[Ee]stablished|[Ee]stablishment|[Ff]ounding|[Ff]ounded)\b[^.;]{0,100}?\b(?:19|20)\d\d\b\)?",
                      " ", unquoted)
    # the day of a report, not of the contact it tells: "the spokesman told reporters today that A and B discussed"
    unquoted = re.sub(r"\b(?:told|said|says|announced|informed|confirmed|stated)\b[^.;]{0,80}?"
                      r"\b(?:today|yesterday|on\s+\w+day)\b(?=[^.;]{0,40}?\bthat\b)", " ", unquoted)
    # ... "..., said a government press release on Wednesday.": when the story has already dated its contact
    if previous:
        unquoted = re.sub(r",\s*(?:said|says|announced|reported|stated)\s+[^,.;\"]{0,60}?\s(?:on\s+\w+day|today|yesterday)"
                          r"\s*(?=[.;]?\s*$)", "", unquoted)
    # ... "According to South Korea's JCS on Friday, A sat down for talks with B on Thursday"
    unquoted = re.sub(r"\b[Aa]ccording to [^,.;]{1,60}?\s(?:on\s+\w+day|today|yesterday)\s*,", "According to, ", unquoted)
    # the date of another event, which it qualifies: "thanked him for the support during the October 10, 2023, elections"
    unquoted = re.sub(rf"\bthe\s+(?:{MONTH_NAMES}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH_NAMES}\s+\d{{4}}),?"
                     r"(?=\s+(?!(?:meeting|talks|visit|call|session|round|consultations|discussions|dialogue)\b)[A-Za-z])",
                     "the", unquoted, flags=re.I)
    # dates of the background: "X, who arrived on Sunday, met Y on Monday"; "the forum, which opened on ..."
    focused = re.sub(r",\s*(?:who|which)\b[^,]*(?:,|$)", ", ", unquoted)
    # ... and of what an appositive recalls: "conducted the first Dialogue, an initiative established April 9 by ..."
    focused = _RECALLED_APPOSITIVE.sub(", ", focused)
    focused = re.sub(r"\b(?:arrived|arriving|arrives|opened|opens|began|begins|started|starts|ends|ended|"
                     r"concluded|closes|closed|kicked off|is due|was due)\b(?!" + _A_VISIT + r")[^.;]{0,100}?"
                     r"(?:\b(?:on|since)\s+(?:\w+day|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2})|\byesterday|\btoday)",
                     " ", focused)
    span = date_range(unquoted, reference)
    if span:
        visit_days = span
    else:
        # "X arrived in Hanoi on Monday for a three-day official visit": the visit's days from its first
        visit = re.search(r"\b(?:arrived|arriving|began|begins|started|starts|kicked off)\b[^.;]{0,80}?\b"
                          r"(two|three|four|five|six|seven|\d)-day\b[^.;]{0,30}?\bvisit\b|\b(two|three|four|five|six|"
                          r"seven|\d)-day\b[^.;]{0,30}?\bvisit\b[^.;]{0,80}?\b(?:arrived|began|started)\b", unquoted)
        first = parse_iso(resolve_date(unquoted, reference, previous)) if visit else None
        if visit and first:
            length = visit.group(1) or visit.group(2)
            days = int(length) if length.isdigit() else \
                ["two", "three", "four", "five", "six", "seven"].index(length) + 2
            visit_days = (first, first + timedelta(days=days - 1))
    date = resolve_date(focused, reference, previous, visit_days)
    if date is None:
        # a visitor's arrival still dates the visit; an event's opening ("the forum, which opened
        # here on Monday") does not date the meetings held at it
        event_background = re.sub(r",\s*which\b[^,]*(?:,|$)", ", ", unquoted)
        if previous:
            # "Gen X, who arrived here on Tuesday, called on Y": with the story's day already told ("X met the
            # leadership on Wednesday"), the arrival dates the visit, not this contact
            event_background = re.sub(r",\s*who\b[^,]*(?:,|$)", ", ", event_background)
        event_background = re.sub(
            r"\b(?:opened|opens|began|begins|started|starts|ends|ended|concluded|closes|closed|kicked off|"
            r"is due|was due|ran|runs)\b(?!" + _A_VISIT + r")[^.;]{0,100}?(?:\b(?:on|since|through|until)\s+(?:\w+day|\d{1,2}\s+[A-Z][a-z]+|"
            r"[A-Z][a-z]+\.?\s+\d{1,2})|\byesterday|\btoday)", " ", event_background)
        date = resolve_date(event_background, reference, previous, visit_days)
    if date is None and doc.reference_day is None and doc.pub_month:
        # only the month of publication is known: "on March 4" still takes its year from it
        year, month = map(int, doc.pub_month.split("-"))
        month_end = Date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        date = explicit_date(focused, month_end)
    elif date is None and doc.reference_day is None and doc.year_named:
        # no date of publication at all: "on February 26" takes the latest past year the article names, or the
        # next one when that day would fall before a month told with that year ("on January 10th, the first
        # time since his appointment in November 2017": the story is told after all it names)
        date = explicit_date(focused, Date(int(doc.year_named), 12, 31))
        month_named = None if doc.year_in_url else latest_month_named(doc.article.text, doc.year_named)
        if date and len(date) == 10 and month_named and parse_iso(date) < Date(int(doc.year_named), month_named, 1):
            date = explicit_date(focused, Date(int(doc.year_named) + 1, 12, 31))
    return date, visit_days


def _recalled_period(doc: ArticleRecord, text: str) -> str | None:
    """The month or year of an earlier contact a sentence without a day recalls ("last met in late April", "In May,
    A and B signed ...", "At the 2022 iteration of the dialogue, A met B"), not counting quotes, what a relative
    clause adds or the time of another event ("the agreement signed in August 2010", "following the coup in 2021",
    "as the ASEAN Chair in 2022") or of a topic ("informed him about the results of 2020")."""
    return earlier_period(_own_time(text), doc.reference_day)


def _own_time(text: str) -> str:
    """A sentence less what tells the time of something other than its own contact: quotes, relative clauses and
    other events ("the agreement signed in August 2010", "X, who took office last year, ...")."""
    plain = re.sub(r"\"[^\"]{3,}\"", " ", text)
    plain = re.sub(r",\s*(?:who|which)\b[^,]*(?:,|$)", ", ", plain)
    return _OTHER_EVENT.sub(" ", plain)


_OTHER_EVENT = re.compile(r"\b(?:signed|established|launched|adopted|created|founded|set up|appointed|elected|took office|"
                          r"following|after|since|before|until|coup|war|elections?|[Cc]hair(?:man)?(?:ship)?|presidency|"
                          r"[Yy]ear|about|regarding|concerning|results|outcomes?|plans?|work)\b[^,;.]{0,60}")


# the days a speaker counts from their own "today"
_RELATIVE_DAY = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening|week)|last (?:night|week)|"
                           rf"earlier (?:today|this week)|later today|(?:last|this|next) (?:{_WEEKDAY}))\b", re.I)


# "They also discussed the achievements of the Senior General's visit to China after meeting with ...": a contact
# told inside what was talked about (as the time of an earlier trip) is the topic's, an earlier one
_TOPIC_OF_EARLIER = re.compile(rf"\b(?:{TALKED_OVER}|assessed|summed up)\s+(?:about\s+)?"
                               r"(?:the\s+)?(?:achievements|results|outcomes?|successes|progress)\s+of\b[^.;]*"
                               r"\b(?:after|during|while|when)\b[^.;]*$", re.I)


def _historical(doc: ArticleRecord, text: str, date: str | None, contact_at: int | None = None,
                contact_end: int | None = None) -> bool:
    """An undated sentence that tells an earlier contact ("they met in 2019", "the last meeting between ..."), not
    counting the time of what a relative clause, a quote or another event adds ("X, who took office last year,
    received Y"; "reviewed the agreements signed last year"), nor what one "recalled" after the contact told
    ("After meeting with X, Y recalled that ...")."""
    if contact_end is not None and _TOPIC_OF_EARLIER.search(text[:contact_end]):
        return True
    if date is not None or doc.reference_day is None:
        return False
    plain = _own_time(text)
    recalled_at = text.find("recalled that")
    return bool(
        any(int(y) < doc.reference_day.year for y in re.findall(r"\b(?:in|since|during|back in)\s+((?:19|20)\d\d)\b", plain))
        or re.search(r"\b(?:last year|years ago|in the past|in recent years|(?:a number of|several|many|numerous) times|"
                     r"on (?:several|many|numerous) occasions|previously met|[Tt]he last (?:[\w\-]+ ){0,2}"
                     r"(?:meeting|meet|talks|call|conversation|visit) (?:between|of|with))\b", plain)
        or "recalled that" in plain and (contact_at is None or recalled_at < contact_at))


def _contact_refs(doc: ArticleRecord, sentence: Sentence, trigger: Trigger, future: bool, use_model: bool,
                  last_subject: str | None) -> list[Ref]:
    """The sentence's references completed for its contact verb when fewer than two persons are bound to it:
    names only the NER finds, the story's subject ("During the meeting with X, ..."), the delegation told
    before ("X welcomed the Brazilian delegation", "The Eritrean delegation, accompanied by X, ...")."""
    text = sentence.text
    refs = sentence.refs
    keys = _unique([k for _, _, k in refs])
    if not future and len(keys) < 2 and use_model:
        refs = model_refs(doc, sentence, refs, trigger[0].span())
        keys = _unique([k for _, _, k in refs])
    opening = _SUBJECTLESS_CONTACT.match(text)
    if not future and opening and len(keys) > 1:
        # "At a working dinner with X, the Ministers discussed ...": a role after the opening phrase stands for this
        # contact's sides, not the contact told before
        named = [r for r in refs if r.start < opening.end() or any(m.start <= r.start < m.end for m in sentence.persons)]
        if len(_unique([k for _, _, k in named])) == 1:
            refs = named
            keys = _unique([k for _, _, k in refs])
    if not future and len(keys) == 1 and opening \
            and last_subject and last_subject != keys[0] \
            and doc.country_of(last_subject) != doc.country_of(keys[0]):
        # "During the meeting with Georgian Defence Minister X, the two discussed ...": the other side is
        # the one the story is about
        refs = [Ref(0, 0, last_subject)] + refs
        keys = _unique([k for _, _, k in refs])
    if len(keys) == 1 and re.search(r"\bthe (?:visiting |[A-Z][\w\-]+ )?delegation\b", text) \
            and trigger.rule != "meeting.delegation-escorted-by":
        # "X welcomed the Brazilian delegation ...": the delegation whose leader the story named before
        named = {m.key for m in sentence.persons}
        leader = next((k for k, d in reversed(doc.delegations.items()) if k not in named
                       and (d.country or doc.country_of(k)) not in (None, doc.country_of(keys[0]))), None)
        if leader:
            refs = refs + [Ref(len(text), len(text) + 1, leader)]
            keys = _unique([k for _, _, k in refs])
    if trigger.rule == "meeting.delegation-escorted-by" and len(keys) == 1:
        # "The Eritrean delegation, accompanied by General X of the Ethiopian Defense Forces, visited ...": the
        # delegation told before, escorted by its host
        escort_side = doc.country_of(keys[0])
        leader = next((k for k, d in reversed(doc.delegations.items())
                       if (d.country or doc.country_of(k)) not in (None, escort_side)), None)
        if leader:
            refs = [Ref(0, 0, leader)] + refs
    return refs


def _place_announced_peoples(doc: ArticleRecord, sentence: Sentence, tells_contact: bool) -> None:
    """"... with his U.S. and Japanese counterparts. During talks with A and B": the persons a sentence names
    after a contact announced with its peoples (`doc.announced`) take those peoples, in order."""
    text = sentence.text
    announced = doc.announced
    if announced and sentence.index - 3 <= announced.sentence < sentence.index and announced.peoples \
            and (_BACK_REFERENCE.match(text) or tells_contact or any(m.counterpart for m in sentence.persons)):
        # "The Russian deputy minister and his Saudi counterpart discussed ... 'A and B discussed ...'"
        unplaced = [m.key for m in sentence.persons if doc.country_of(m.key) is None and m.key != announced.announcer]
        placed = {doc.country_of(m.key) for m in sentence.persons} - {None}
        remaining = [code for code in announced.peoples if code not in placed]
        if unplaced and len(unplaced) == len(remaining):
            for key, code in zip(unplaced, remaining):
                doc.settle_country(key, code, "country.counterparts-announced", text)


def _contact_named_late(doc: ArticleRecord, sentence: Sentence, keys: list[str], sides: set[str]) -> Trigger | None:
    """A contact a sentence with no contact verb names: the one announced without names, named now ("In his
    remarks, A emphasized to his Russian counterpart B"), or two delegations, each with its leader."""
    text = sentence.text
    if len(sides) >= 2 and doc.announced and sentence.index - 3 <= doc.announced.sentence < sentence.index \
            and (any(m.counterpart for m in sentence.persons) or _PAIR_SUBJECT.search(text)):
        # "US and Russian Defence Ministers spoke on the phone ... In his remarks, A emphasized to his Russian
        # counterpart B ...": the contact announced without names, named now
        return Trigger(re.search(r"counterpart", text) or _PAIR_SUBJECT.search(text), "neutral",
                       "meeting.announced-then-named")
    if doc.pending is None:
        # "The South African delegation was led by A, while the Zimbabwean delegation was led by B": two
        # delegations of different states, each with its leader, in one sentence meet each other
        leaders = [k for k, d in doc.delegations.items() if text in d.evidence and k in keys]
        states = [doc.country_of(k) or doc.delegations[k].country for k in leaders]
        if len(leaders) >= 2 and not (None not in states and len(set(states)) == 1):
            return Trigger(re.search(r"\bdelegation", text), "neutral", "meeting.two-delegations")
    return None


def _group_state(doc: ArticleRecord, sentence: Sentence, trigger: Trigger) -> str | None:
    """The state of the unnamed group a contact's verb takes ("met with a high-ranking Kyrgyz military
    delegation", "received a delegation of the Azerbaijani Army"), or of "the delegation" the sentence before
    told of ("... as a Kyrgyz military delegation visited Beijing. X said at a meeting with the delegation")."""
    def state_of_group(told: Sentence, start: int) -> str | None:
        group = _DELEGATION_OF.search(told.text, start)
        if group is None:
            return None
        window = (max(start, group.start() - 50), group.end())
        states = [p.code for p in told.places if window[0] <= p.start < window[1] and p.kind in ("country", "demonym")]
        return states[-1] if len(set(states)) == 1 else None

    state = state_of_group(sentence, trigger.match.end())
    if state is None and re.search(r"\bthe delegation\b", sentence.text[trigger.match.end():]) and sentence.index:
        state = state_of_group(doc.sentences[sentence.index - 1], 0)
    return state


_DELEGATION_OF = re.compile(r"\bdelegations?\b(?:\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3})?")


def _group_member_named(doc: ArticleRecord, sentence: Sentence) -> list[str]:
    """The persons a sentence names who are of the pending contact's group's state, and not of its host's side:
    the group's leader, told after it."""
    pending = doc.pending
    if pending is None or pending.group_state is None:
        return []
    named = {k for _, _, k in pending.refs}
    return [m.key for m in sentence.persons if m.key and m.key not in named
            and doc.country_of(m.key) == pending.group_state
            and pending.group_state not in {doc.country_of(k) for k in named}]


def _pending_contact(doc: ArticleRecord, sentence: Sentence, setting: Setting) -> MeetingDraft | None:
    """"X received a delegation of the Y Army. The delegation was led by Z.": the contact left pending
    (`doc.pending`) read now with the leaders named since; returns it (None when no one new was named)."""
    pending = doc.pending
    leaders = list(doc.delegations)[pending.delegations_before:]
    named = {k for _, _, k in pending.refs}
    leaders += [k for k in doc.visitors[pending.visitors_before:] if k not in leaders and k not in named]
    if not leaders:  # "... a Kyrgyz military delegation. ... X, first deputy defense minister of Kyrgyzstan, said"
        leaders = _group_member_named(doc, sentence)[:1]
    end = len(pending.sentence.text) + 1
    extra = [Ref(end + i, end + i + 1, leader) for i, leader in enumerate(leaders) if leader not in named]
    doc.pending = None
    if not extra:
        return None
    # the contact read with the group unnamed (`_unnamed_hosts`) is this one, now with its names
    doc.meetings = [m for m in doc.meetings if not (m.unnamed_host and m.evidence[0] == pending.sentence.text)]
    told = _meeting(doc, pending.sentence, pending.trigger, pending.refs + extra, pending.date, None, setting)
    if told is not None:
        told.with_delegation = True
        told.delegation_leaders.update(leaders)
        if sentence.text not in told.evidence:
            told.evidence.append(sentence.text)
    return told


def _announced_contact(doc: ArticleRecord, sentence: Sentence, keys: list[str]) -> AnnouncedContact | None:
    """"X held a video conference with his U.S. and Japanese counterparts": a contact whose participants the
    next sentences name, with the peoples of its sides when the sentence gives them. None when it is the
    contact announced just before, told again ("The call on Friday ...")."""
    text = sentence.text
    plural = PLURAL_COUNTERPARTS.search(text) or _PLURAL_OFFICIALS.search(text)
    pair = _ANNOUNCED_PAIR.search(text) if not keys else None
    if plural:
        peoples = [gazetteer.lookup(word) for word in re.split(r",\s*|\s+and\s+", plural.group(1))]
    elif pair:  # the first people named in the post before "and his Saudi counterpart"
        first = next((s for s in map(gazetteer.lookup, pair.group(1).split()) if s and s.kind == "demonym"), None)
        peoples = [first, gazetteer.lookup(pair.group(2))]
    elif not keys and (subject_post := _SUBJECT_POST.match(text)):
        # "Yemen's Defence Minister received a military delegation ...": the host's state, named next
        peoples = [gazetteer.lookup(subject_post.group(1))]
    else:
        peoples = []
    codes = [p.code for p in peoples] if all(p and p.kind in ("demonym", "country") for p in peoples) else []
    before = _unique([key for start, _, key in sentence.refs if plural and start < plural.start()])
    if codes or not (doc.announced and doc.announced.peoples and sentence.index - 2 <= doc.announced.sentence):
        return AnnouncedContact(sentence.index, contact_mode(text), codes, before[0] if len(before) == 1 else None)
    return None


def _visitor_cues(doc: ArticleRecord, sentence: Sentence) -> None:
    """Adds the visitors the sentence tells (`doc.visitors`) and the states they visit (`doc.visit_targets`)."""
    text = sentence.text
    for start, end, key in sentence.refs:
        # up to the next person named: "On the invitation extended by Asif, X ... is visiting": X visits
        following = [s for s, _, k in sentence.refs if s >= end and k != key]
        # ("X, who leads the 2.3-million-strong army, the world's largest, arrived in ...": a relative clause between)
        relative = re.match(r"\s*,\s*who\s+(?!is\b|was\b|arrived\b)", text[end:])
        tail = text[end:min([end + (200 if relative else 120)] + following)]
        head = text[max(0, start - 60):start]
        if re.match(rf"(?:[^.]|\.(?=\d)){{0,{140 if relative else 60}}}?\b(?:who (?:is|was) (?:on|in|currently)|who arrived|(?:is|was) on (?:a|an|his|her) "
                    r"(?:[\w\-]+ ){0,3}?visit|paid (?:a|an) (?:[\w\-]+ ){0,3}?visit to|"
                    r"is visiting|arrived (?:in|at|on|here)|(?:left|set off) (?:\w+ ){0,2}?on (?:a|an|his|her) (?:[\w\-]+ ){0,3}?visit|"
                    r"(?:making|on|for|after|began|begins|started|starts|kicked off|concluded|concludes|made|makes) "
                    r"(?:a|an|his|her) (?:[\w\-]+ ){0,2}?visit (?:to|in|of)|during an? (?:[\w\-]+ ){0,2}?visit\b(?! to)|"
                    r"(?:who )?(?:is leading|led|is heading|heading) (?:a|an|the|his|her) (?:[\w\-]+ ){0,3}?"
                    r"(?:delegation|team|party)|at the head of|"
                    r"led (?:a|an|the|his|her) (?:[\w\-]+ ){0,3}?delegation to|visited (?:the )?[A-Z]|(?:after|while) visiting [A-Z]|"
                    r"(?:is|are) in [A-Z][\w]+ (?:on|for|to)|(?:currently|presently) in [A-Z]|"
                    r"(?:recently |has |have |had )?returned (?:home )?from (?:a |an |his |her |their )?(?:[\w\-]+ ){0,2}?"
                    r"(?:visit to |trip to |tour of )?(?:the )?[A-Z])", tail) \
                or re.search(r"\b(?:visiting|guest|led by|headed by)\s+(?:[A-Z][\w\-'.]*\s+|of\s+|the\s+){0,8}"
                             r"(?:(?:counterpart|colleague)s?,?\s+(?:[A-Z][\w\-'.]*\s+){0,3})?$", head):
            # "A, B and C are in Honiara on a one-day visit": the plural verb's subject is the whole list
            listed = [k for s, _, k in sentence.refs if s < start] \
                if re.match(r"[^.]{0,60}?\bare (?:in|on|visiting)\b", tail) else []
            for visitor in listed + [key]:
                if visitor not in doc.visitors:
                    doc.visitors.append(visitor)
            # (not "a delegation of the DPRK Foreign Ministry": whose delegation, not where it went)
            target = re.search(r"\b(?:visit(?:ing|ed)?\s+(?:to\s+|in\s+|of\s+)?|delegation\s+(?:to\s+|in\s+)?|"
                               r"(?:arrived|arrives|arriving|currently|presently)\s+in\s+|"
                               # "returned from Brazil", "returned from a three-day visit to Brazil"
                               r"returned\s+(?:home\s+)?from\s+(?:(?:a|an|his|her|their)\s+(?:[\w\-]+\s+){0,2}?"
                               r"(?:visit\s+to|trip\s+to|tour\s+of)\s+)?)"
                               r"(?:the\s+)?((?:[A-Z][\w\-']*\s*|of\s+(?=[A-Z])){1,5})", tail)
            # "a visit to Nigeria", "an official visit to Paris" (a city stands for its state)
            code = _state_named(target.group(1)) if target else None
            if target and re.match(r"(?:Permanent\s+)?(?:Mission|Embassy|High Commission|Consulate)\b", target.group(1)):
                code = None  # "visited the Permanent Mission of Bangladesh in New York": a state's mission abroad
            if code is None and re.search(r"\barrived here\b", tail):
                code = doc.dateline_country  # "arrived here today": the dateline's state
            if code and not gazetteer.is_international_body(code):
                doc.visit_targets.setdefault(key, code)
        elif start == (sentence.refs[0].start if sentence.refs else -1):
            # "While in Kuwait, Minister X met with ...": the first one named after it is there on a visit
            away = _WHILE_IN.search(text[:start])
            code = _state_named(away.group(1)) if away else None
            if code and not gazetteer.is_international_body(code):
                if key not in doc.visitors:
                    doc.visitors.append(key)
                doc.visit_targets.setdefault(key, code)


def _state_named(words: str) -> str | None:
    """The state a visit's words name: a country or people, else a city standing for its state ("a visit to Paris")."""
    return country_in(words) or gazetteer.code_for(words.strip())


_WHILE_IN = re.compile(r"^(?:[A-Z][a-z]+,?\s+)?[Ww]hil(?:e|st) in (?:the )?((?:[A-Z][\w\-']*\s*){1,3}),\s*"
                       r"(?:[A-Z][\w\-'.]*\s+){0,4}$")


def _represented_by(doc: ArticleRecord, sentence: Sentence) -> None:
    """"Tajikistan was represented by Foreign Minister A, Defense Minister B and ...": those named after it are of
    the state that sent them, when nothing else gave them one."""
    match = _REPRESENTED_BY.match(sentence.text)
    code = country_in(match.group(1)) if match else None
    if code is None or gazetteer.is_international_body(code):
        return
    for start, _, key in sentence.refs:
        if start >= match.end() and doc.country_of(key) is None:
            doc.settle_country(key, code, "country.represented-state", sentence.text)


_REPRESENTED_BY = re.compile(r"((?:The\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})\s+(?:was|were|is|will be)\s+represented\b"
                             r"[^.;]{0,80}?\bby\b")


# a place told for one day holds for a visit's days, not for a contact told weeks apart (a photo's caption from
# another trip)
_PLACE_HOLDS_DAYS = 7


def _update_place_context(story: Discourse, sentence: Sentence, date: str | None) -> None:
    """Moves the story's place when the sentence tells a move ("arrived in Hanoi", "a visit to Nigeria", a
    forum's city); forgets it when the sentence is dated far from the day the place was told."""
    text = sentence.text
    told, now = parse_iso(story.context_place_date), parse_iso(date)
    if told and now and len(date) == 10 and len(story.context_place_date) == 10 \
            and abs((now - told).days) > _PLACE_HOLDS_DAYS:
        story.context_city = story.context_country = story.context_place_date = None
        story.context_at_forum = False
    place_date = date or story.context_date
    if re.search(r"\b(?:invit|will|to be held|scheduled|expected to|next year|plans to|offer|propos|suggest|upcoming|"
                 r"forthcoming)", text):
        return  # a plan's or an offer's place ("offered to train them at the Military Academy in Belgrade", "expectations
        # from the upcoming NATO summit in Washington")
    for place in sentence.places:
        if place.kind == "city" and _LOCATIVE_CITY.search(text[max(0, place.start - 30):place.start]) \
                and not _EVENT_HELD_IN.search(text[max(0, place.start - 120):place.start]) \
                and not _recalled_before(text, place.start) \
                and not _ONWARD_TO.search(text[max(0, place.start - 60):place.start]):
            story.context_city = place.name
            story.context_country = place.code
            story.context_place_date = place_date
            story.context_at_forum = False
            return
    for forum in sentence.forums:
        if forum.city and not re.search(rf"{PAST_EVENT}[^.;]*$", text[max(0, forum.start - 60):forum.start]):
            # (the outcomes of a recent conference in Prague are no move of the story to Prague)
            if not any(p.kind == "city" and not forum.start <= p.start < forum.end for p in sentence.places):
                story.context_city = forum.city
                story.context_country = gazetteer.code_for(forum.city)
                story.context_place_date = place_date
                story.context_at_forum = True
    for place in sentence.places:
        # ("the visiting US Commander": who visits, not where to; nor "visiting Papua New Guinea Chief of Defense
        # Force X", a state in the title of the person named next)
        if place.kind == "country" and not _in_title_of_named(sentence, place) and re.search(r"\b(?:visit to|(?<!the )visiting|visited|visits|arrived in|trip to|travell?ed to|"
                                                 r"tour of|stay in|left for|headed for|proceeded to|flew to|went on to|[Ww]hile in|[Ww]hilst in)"
                                                 r"\s+(?:the\s+)?$",
                                                 text[max(0, place.start - 25):place.start]):
            if story.context_country != place.code:
                story.context_country = place.code
                story.context_city = None
                story.context_place_date = place_date
                story.context_at_forum = False
            return


def _in_title_of_named(sentence: Sentence, place: PlaceMention) -> bool:
    """The place is the state in a title before a name ("Papua New Guinea Chief of Defense Force Peter Ilau")."""
    return any(0 <= m.span_start <= place.start and place.end <= m.start for m in sentence.persons)


def _meeting(doc: ArticleRecord, sentence: Sentence, trigger: Trigger, refs: list[Ref], date: str | None,
             current: MeetingDraft | None, setting: Setting, text: str | None = None,
             one_of_several: bool = False) -> MeetingDraft | None:
    """The contact a sentence tells, read with ``refs`` (its participants) and ``date``: a new `MeetingDraft` added
    to `doc.meetings` (one per contact when the sentence tells several), or the persons and sentence added to
    the one it tells again (``current``, the contact being told, or an earlier one). Returns the contact being
    told after it. ``text`` is the sentence as read (with "respectively" and the like masked, for one of
    several contacts; ``one_of_several`` when the participants are already those of one of them)."""
    match, direction, _ = trigger
    text = sentence.text if text is None else text
    refs = _without_reporters(match, refs, text)
    keys = _unique([k for _, _, k in refs])
    # a side must be in sight: a person's known state, or a state named in the sentence itself
    # ("... with Khalid bin Salman, the Saudi minister of defense, General X discussed ...")
    settled = {doc.country_of(k) for k in keys} - {None}
    in_sight = settled or {p.code for p in sentence.places if p.kind in ("country", "demonym", "body", "institution")} \
        or any(k in doc.visit_targets for k in keys)
    if not in_sight or len(keys) < 2:
        return current
    groups = None if one_of_several else _separate_contacts(doc, trigger, refs, text)
    if groups:
        for group in groups:
            current = _meeting_group(doc, sentence, trigger, group, date, setting, text)
        return current
    halves = _two_contacts(match, refs, text)
    if halves:
        first, second, cut = halves
        _meeting(doc, sentence, trigger, first, date, current, setting, text)
        # the second contact with its own verb: "... and also called on A and B" (one call-on each)
        lowered = text[0].lower() + text[1:]
        later = _contact_verb(sentence, lowered, start=cut)
        return _meeting(doc, sentence, later or trigger, second, date, None, setting, text)
    if current is not None and _goes_on(doc, sentence, keys, date, current, text):
        _receiver_told_again(current, refs, trigger)
        return current
    mode = _meeting_mode(doc, sentence, trigger, text)
    city, venue_country = _venue(sentence, match, text)
    sidelines = bool(re.search(r"\b(?:sidelines|margins|conference|summit|forum|dialogue|exhibition|show)\b", text, re.I)) or any(
        re.search(r"\b(?:sidelines|margins|attending)\b", text[max(0, f.start - 40):f.start]) for f in sentence.forums)
    if not sidelines and city is None and venue_country is None and doc.meetings and doc.meetings[-1].sidelines \
            and doc.meetings[-1].mode == mode == "in_person" and (date or setting.date) in (None, doc.meetings[-1].date):
        sidelines = True  # "She also met her Malaysian counterpart ...": the forum story goes on
    if city is None and venue_country is None and mode == "in_person":
        # "... on the sidelines of the Shangri-La Dialogue. Singh met Australian Defence Minister X.": at the forum
        sidelines = sidelines or setting.at_forum
        city, venue_country = setting.city, setting.country
    if mode != "in_person":
        city = venue_country = None
    before = [k for s, e, k in refs if e <= match.start() + 1]
    after = [k for s, e, k in refs if s >= match.end() - 1]
    host_person = None
    if direction == "subject" and before:
        host_person = before[0]
    elif direction == "object" and after:
        host_person = after[0]
    meeting_date = date or setting.date or (current.date if current else None) or doc.reference
    date_told = bool(date or setting.date or current and current.date_told)
    with_delegation = bool(re.search(r"\bdelegation\b|\bguests\b", text))
    draft = MeetingDraft(keys, meeting_date, mode, None, city, venue_country, [text], sentence.paragraph,
                         sidelines=sidelines, with_delegation=with_delegation, host_direction=direction,
                         host_person=host_person, sides_unsettled=not settled, rule=trigger.rule, date_told=date_told)
    for key in keys:
        if key in doc.delegations and re.search(r"\bdelegation\b", text):
            draft.delegation_leaders.add(key)
    if direction == "subject" and len(before) >= 2 and not after:
        _co_hosts(doc, sentence, match, before, draft)
    # the same contact told again ("During the meeting, ...", "At the end of the meeting ...")
    target = _same_meeting(doc.meetings, draft, current, dated=date is not None)
    if target is not None:
        for key in keys:
            if key not in target.participants:
                target.participants.append(key)
        if text not in target.evidence:
            target.evidence.append(text)
        target.with_delegation = target.with_delegation or with_delegation
        target.delegation_leaders |= draft.delegation_leaders
        _receiver_told_again(target, refs, trigger)
        return target
    doc.meetings.append(draft)
    return draft


# the object of a reception: a group told without names ("the Ankara delegation", "a high-level Turkish team")
_UNNAMED_GUESTS = re.compile(r"\s*(?:the\s+|a\s+|an\s+)?(?:[\w'’\-]+\s+){0,4}?(?:delegation|team|guests|visitors)\b")


def _co_hosts(doc: ArticleRecord, sentence: Sentence, match: re.Match, hosts: list[str], draft: MeetingDraft) -> None:
    """"A and B received the Ankara delegation": the hosts named together are one side, and the group's state
    (a state, demonym or capital naming it) is the contact's other side."""
    group = _UNNAMED_GUESTS.match(sentence.text, match.end())
    if group is None:
        return
    for key in hosts:  # (whichever of them has a state known gives it to the others)
        doc.same_side.setdefault(key, (hosts[1] if key == hosts[0] else hosts[0], sentence.text))
    states = [p.code for p in sentence.places if match.end() <= p.start < group.end()
              and p.kind in ("country", "demonym", "city") and p.code]
    if states:
        draft.implied_sides = [states[0]]


def _without_reporters(match: re.Match, refs: list[Ref], text: str) -> list[Ref]:
    """The references without those who report the contact: "the spokesman said that the minister received
    ...", "..., Pentagon spokesman Navy Capt. Jeff Davis said." ("X is said to have met Y": X met Y)."""
    reports = [r for r in re.finditer(r"\b(?:said|says|told|announced|reported|noted|stated|added|explained|recalled|"
                                      r"informed [\w\s]{0,20}?)(?: that)?\b(?! to\b)",
                                      text[:match.start()])
               # "X said at a meeting with Y": the speaker speaks at the contact and takes part in it
               if not re.fullmatch(r"\s+(?:at|during|in the course of|on the sidelines of)\s+(?:a|an|the|his|her)?\s*"
                                   r"(?:\w+\s+){0,2}", text[r.end():match.start()])]
    if reports:
        refs = [r for r in refs if r.start >= reports[-1].end()]
    return [r for r in refs if not (r.start > match.end() and (
        # ("..., Navy Cmdr. X, a spokesperson for Mattis, said in a statement.": an appositive between)
        re.fullmatch(r"(?:\s*,[^,]{1,80},)?\s*(?:said|says|told reporters|stated|added|noted)(?:\s+(?:in|on)\s+[^,.;]{0,60})?"
                     r"\s*[.;]?\s*", text[r.end:])
        or SPOKESPERSON.search(text[max(match.end(), r.start - 60):r.start])))]


# "X discussed/signed ... with A and B": one conversation or ceremony, whoever took part
_ONE_CONVERSATION = re.compile(r"(?:exchanged|discussed|signed|reviewed|agreed)\b", re.I)
# "X met his Mexican counterparts, A and B" / "met his U.S. and Japanese counterparts A and B" / "met the two
# ministers": a group met together
_GROUP_MET = re.compile(r"\s*(?:with\s+)?(?:the|his|her|their)\s+(?:[\w\-.]+\s+){0,3}?(?:counterparts|officials|leaders|ministers|"
                        r"chiefs|commanders|generals|heads|secretaries|delegates|representatives)\b", re.I)


def _separate_contacts(doc: ArticleRecord, trigger: Trigger, refs: list[Ref], text: str) -> list[list[Ref]] | None:
    """The participants of each of several contacts one sentence tells with one verb, or None for one contact:
    "X called on A, B and C", "held separate meetings with A, B and C", "X received A, B and C" or "X met A
    and B" in person (one contact each); "A (Turkish) as well as B (Azerbaijani) held meetings with C and D" (one per visitor)."""
    match, direction, _ = trigger
    fronted_contact = _FRONTED_EARLIER_CONTACT.match(text)
    if fronted_contact:
        # "Having earlier met with A, X also met with B": X met A, then B
        earlier = [r for r in refs if r.start < fronted_contact.end()]
        rest = [r for r in refs if r.start >= fronted_contact.end()]
        if earlier and len(rest) >= 2 and _LATER_CONTACT.match(text, rest[0].end) \
                and rest[0].key not in {r.key for r in earlier}:
            return [[rest[0]] + earlier, rest]
    # ("met A and B ... for a bilateral meeting": one meeting, held with both)
    # ("talks with Rwanda's Minister of Defence X, alongside the Chief of Defence Staff Y": one contact with both)
    joint = re.search(r"\b(?:trilateral|three-way|tripartite|joint(?:ly)?|together|multilateral|all three|quadrilateral|"
                      r"conference call|for an? (?:[\w\-]+ )?(?:meeting|discussion|dialogue)|alongside)\b", text)
    separately = re.search(r"\b(?:respectively|separately|separate|individually|one after another|in turn|"
                           r"bilateral meetings|series of (?:bilateral )?meetings|(?:courtesy|introductory|farewell) calls|"
                           r"(?:tele)?phone (?:conversations|calls|talks))\b",
                           text)
    # "X called on A, B and C" / "held separate meetings with A, B and C": one contact with each, even of one state
    # ("The programme included meetings with A, B and C" likewise)
    separately = separately or _ITINERARY.search(text)
    # "X called on A, B and C": one call each; "X, who arrived at the air base, was received by A, B and C": one
    # welcome on arrival
    arrival_welcome = trigger.rule == "meeting.passive-received" and _ARRIVAL.search(text)
    subject = [r for r in refs if r.end <= match.start() + 1]
    # "X met A and B" in person: one contact each, as "X called on A and B" (not a group named as one, a
    # conversation or ceremony "with A and B", several visitors, or a contact only the parser read)
    # ... and "X had meetings in Tbilisi with A and B": plural meetings of one visitor, one each
    separately = separately or len(subject) == 1 and re.match(r"(?:held|had)\s+(?:\w+\s+)?meetings\b", match.group(0))
    met_each = direction == "neutral" and contact_mode(text) == "in_person" and len(subject) == 1 \
        and not _GROUP_MET.match(text, match.end()) and not _ONE_CONVERSATION.match(match.group(0)) \
        and trigger.rule != "meeting.clause-link"
    one_by_one = bool(separately) or ((direction == "object" or met_each) and not joint and not arrival_welcome)
    if one_by_one and not separately:
        # only a plain list after the verb: nobody named past the end of the list ("... and discussed with X")
        stop = _POST_LIST_END.search(text, match.end())
        one_by_one = not (stop and any(r.start >= stop.start() for r in refs))
    # "X received A, B and C" / "X met A, B and C" in person: one contact each; a call with several is one call
    named_here = all(r.start < len(text) for r in refs)  # not leaders of a delegation named in later sentences
    if not separately and (direction == "subject" or direction == "neutral" and contact_mode(text) == "in_person"
                           and named_here and not _GROUP_MET.match(text, match.end())) and not re.search(
            r"\b(?:trilateral|three-way|tripartite|joint(?:ly)?|together|multilateral|all three|quadrilateral)\b", text):
        guest_sides = {doc.country_of(r.key) for r in refs if r.start >= match.end() - 1} - {None}
        host_sides = {doc.country_of(r.key) for r in subject}
        # (one guest whose state the text leaves unsaid does not keep the others together)
        separately = len(guest_sides) >= 2 and not guest_sides & host_sides and \
            sum(not doc.country_of(r.key) for r in refs if r.start >= match.end() - 1) <= (1 if len(guest_sides) >= 3 else 0)
    # "During meetings with A, B and C, X discussed ...", "After meeting with A and B, the Chairman commended ...",
    # "Speaking with A, General X expressed ...": the subject after the list, one contact with each
    fronted = _FRONTED_MEETINGS.match(text)
    if fronted and not joint and not subject and refs:
        *before_last, last = sorted(refs, key=lambda r: r.start)
        listed: dict = {}
        for ref in before_last:
            if ref.key != last.key:
                listed.setdefault(ref.key, []).append(ref)
        if listed and re.match(r",?\s+(?:also\s+|then\s+)?[a-z]+(?:ed|s)\b", text[last.end:]):
            return [[last] + group for group in listed.values()]
    counterparts = [r for r in refs if r.start >= match.end() - 1]
    if separately or one_by_one:
        by_side: dict = {}
        for ref in counterparts:
            group = ref.key if one_by_one else doc.country_of(ref.key) or ref.key
            by_side.setdefault(group, []).append(ref)
        if subject and len(by_side) >= 2:
            return [subject + group for group in by_side.values()]
    # "A (Turkish) as well as B (Azerbaijani) ... held meetings with C and D (Georgian)": one contact per visitor
    if re.search(r"\bmeetings\b", match.group(0)) and not joint:
        subject_sides: dict = {}
        for ref in subject:
            subject_sides.setdefault(doc.country_of(ref.key), []).append(ref)
        other_sides = {doc.country_of(r.key) for r in counterparts} - {None}
        if len(subject_sides) >= 2 and None not in subject_sides and len(other_sides) == 1 \
                and not other_sides & set(subject_sides):
            return [group + counterparts for group in subject_sides.values()]
    return None


def _two_contacts(match: re.Match, refs: list[Ref], text: str) -> tuple[list[Ref], list[Ref], int] | None:
    """"..., and with Y" / "called on X, after which he held discussions with Y": the participants of two
    contacts of one subject and where the second is told, or None."""
    split = re.search(r"(?:,\s*|\s)and with\b|;\s*with\b|,\s*(?:after which|following which|before|and then|and later|"
                      r"then)\s+(?:he|she|they|the \w+)?\s*(?:also\s+)?(?:held|met|had|called|paid|visited|received)\b|"
                      # "X was received by A on a courtesy call before the Spanish guest held talks with B"
                      r"\s(?:before|after which)\s+(?:he|she|they|the (?:[\w\-]+\s+){1,2})?(?:also\s+)?(?:held|met|had|called|paid)\b|"
                      r",?\s+and\s+(?:also\s+)?(?:held|had)\s+(?:[\w\-]+\s+){0,2}(?:talks|meetings?|discussions|consultations)\s+with\b|"
                      # "... held talks with A and also called on B"
                      r",?\s+and\s+(?:also\s+|later\s+|then\s+)?(?:called on|paid (?:a |an )?(?:[\w\-]+\s+)?(?:call|visit)s? (?:on|to))\s",
                      text[match.end():])
    if split:
        cut = match.end() + split.start()
        subject = [r for r in refs if r.end <= match.start() + 1]
        first = [r for r in refs if match.start() < r.start < cut]
        second = [r for r in refs if r.start >= cut]
        if subject and first and second:
            return subject + first, subject + second, cut
    return None


def _goes_on(doc: ArticleRecord, sentence: Sentence, keys: list[str], date: str | None, current: MeetingDraft,
             text: str) -> bool:
    """Whether the sentence tells the contact being told again, on the same day and in the same place: the
    same principals with new companions, "During talks with the two generals, A and B, ...", or nobody new
    named. If so, the persons named and the sentence are added to ``current`` (and the city it names, when the
    contact had none: "During the meeting held at Basman Palace in Amman, ...")."""
    told = _goes_on_without_venue(doc, sentence, keys, date, current, text)
    if told:
        _held_at(sentence, current)
    return told


def _receiver_told_again(current: MeetingDraft, refs: list[Ref], trigger: Trigger) -> None:
    """A contact in person first told without a receiver ("X discussed ties with President Y") takes the one a
    sentence telling it again with a verb of receiving names ("X was received by Y at the palace")."""
    match, direction, rule = trigger
    if current.host_direction != "neutral" or current.mode != "in_person" \
            or rule not in ("meeting.received", "meeting.passive-received"):
        return
    before = [k for s, e, k in refs if e <= match.start() + 1]
    after = [k for s, e, k in refs if s >= match.end() - 1]
    host, guest = (before, after) if direction == "subject" else (after, before)
    # both named, the guest among the contact's: "he received detailed briefings" receives no one
    if host and guest and host[0] != guest[0] and {host[0], guest[0]} <= set(current.participants):
        current.host_person, current.host_direction = host[0], direction


def _held_at(sentence: Sentence, current: MeetingDraft) -> None:
    """The city of a contact told before, when a sentence says where it was held ("During the meeting held at
    Basman Palace in Amman, ...") and the contact had none."""
    text = sentence.text
    if current.mode == "call" and current.rule == "meeting.spoke-by-phone" \
            and contact_mode(current.evidence[0]) == "in_person" and _HELD_AT.search(text):
        # "X conferred with Y ... At the meeting which was held at the Russian Defense Ministry, ...": taken for a
        # call for want of a place, it was held in person
        current.mode = "in_person"
    if current.city is None and current.mode == "in_person" and _HELD_AT.search(text):
        city, venue_country = _venue(sentence, re.match("", text), text)  # a city named: the match plays no part
        if city is not None:
            current.city, current.venue_country = city, venue_country


def _goes_on_without_venue(doc: ArticleRecord, sentence: Sentence, keys: list[str], date: str | None,
                           current: MeetingDraft, text: str) -> bool:
    """`_goes_on`, the venue left as it is."""
    if current.mode == contact_mode(text) and date in (None, current.date):
        principals = {}
        for k in keys:
            principals.setdefault(doc.country_of(k), k)
        principals.pop(None, None)
        if len(principals) >= 2 and set(principals.values()) <= set(current.participants):
            # the same principals again, with new companions named ("... and his delegation, which includes X")
            _add_to(current, keys, text)
            return True
    back_reference = date in (None, current.date) and _BACK_REFERENCE.match(text)
    if back_reference and len(keys) >= 2 and not set(keys) <= set(current.participants):
        # "During their meeting, Panetta and Amorim said ...": the pair of an earlier contact, told again
        earlier = [m for m in doc.meetings if m is not current and set(keys) <= set(m.participants)]
        if earlier:
            if text not in earlier[-1].evidence:
                earlier[-1].evidence.append(text)
            return True
    if back_reference and not _elsewhere(sentence, current, text):
        # "During talks with the two generals, A and B, ...": those named take part in the contact being told
        _add_to(current, keys, text)
        return True
    named = {m.key for m in sentence.persons}
    if date in (None, current.date) \
            and not (current.mode == "in_person" and contact_mode(text) != "in_person") \
            and not _elsewhere(sentence, current, text) \
            and not any(k in named and k not in current.participants for k in keys):
        # nobody new is named: the contact being told goes on ("During the meeting, the minister ...")
        if set(keys) <= set(current.participants) or not any(k in named for k in keys):
            if text not in current.evidence:
                current.evidence.append(text)
            if re.search(r"\bdelegation\b", text):
                current.with_delegation = True
            return True
    return False


def _meeting_mode(doc: ArticleRecord, sentence: Sentence, trigger: Trigger, text: str) -> str:
    """In person, call or video: the sentence's markers, the trigger's own mode (triggers.json), the contact
    announced just before, or the story's calls ("A day earlier, X had spoken with Y")."""
    match = trigger.match
    mode = contact_mode(text)
    mode = lexicon().meeting_modes.get(trigger.rule, mode)  # "Secretary X called the Qatari Minister Y": a call
    if mode == "in_person" and doc.announced and (
            doc.announced.sentence == sentence.index - 1 and _BACK_REFERENCE.match(text)
            or trigger.rule == "meeting.announced-then-named"):
        mode = doc.announced.mode  # "During talks with the two generals, A and B": the contact just announced
    if mode == "in_person" and (re.match(r"(?:spoke|spoken|speaks|talked)\b", match.group(0)) or (
            re.search(r"\b(?:conversation|call)\b", text) and not re.search(r"courtesy call|call(?:ed|s)? (?:on|upon)", text))) \
            and doc.meetings \
            and doc.meetings[-1].mode != "in_person" and not any(p.kind == "city" for p in sentence.places):
        mode = doc.meetings[-1].mode  # "A day earlier, X had spoken with Y" in a story of calls
    elif mode == "in_person" and trigger.rule == "meeting.spoke-by-phone" \
            and not any(p.kind == "city" for p in sentence.places) \
            and not re.search(r"\b(?:visit|arriv|here|met|meeting|sidelines|margins|ceremony)\w*", text, re.I) \
            and not (re.search(r"\balso\b", text) and doc.meetings and doc.meetings[-1].mode == "in_person"):
        mode = "call"  # "X spoke with Y" and no place: a call (see _doc_spoke_mode in triggers.json)
    return mode


# a past event's own place, named after it: "the outcomes of the recent Chiefs of Defence Conference in Prague"
_EVENT_HELD_IN = re.compile(rf"{PAST_EVENT}[^.;]{{0,60}}?\b(?:Conference|Summit|Forum|Dialogue|Exhibition|Symposium|"
                            r"Games|Show|Congress)\s+(?:(?:held|hosted)\s+)?in\s+$")
# where the visitor goes next is not where the contact was: "... Thursday before heading to Bogota", "en route to X"
_ONWARD_TO = re.compile(r"\b(?:before|then|later|next|after that)\s+(?:\w+\s+){0,2}?(?:heading|head|heads|headed|leaving|leaves|"
                        r"left|departing|departs|travel(?:l)?ing|travels|flying|flies|moving on|proceeding|proceeds|going)\s+"
                        r"(?:on\s+)?(?:to|for)\s+(?:the\s+)?$|\b(?:en route|on (?:his|her|their|the) way)\s+to\s+(?:the\s+)?$|"
                        r"\bfor (?:a|his|her|the) (?:flight|trip|journey) to\s+$|"
                        r"\b(?:departing|leaving|left|departed)\s+(?:[A-Z][\w\-]+\s+){1,3}for\s+(?:the\s+)?$", re.I)


_CAPITAL_FOR_GOVERNMENT = re.compile(r"\b(?:support|backing|position|stance|policy|policies|views?|aid|assistance|help|"
                                     r"solidarity|relations?|ties|cooperation)\s+(?:of|for|from|to|with|between)\s+$")


# what an appositive recalls happened at another time and place: "..., an initiative established April 9 in
# Washington by ..." (neither the contact's day nor its venue)
_RECALLED_APPOSITIVE = re.compile(r",\s*(?:an?|the)\s+[^,;]{0,60}?\b(?:established|launched|created|founded|set up|"
                                  r"adopted|signed|agreed)\b[^,;]*")


def _recalled_before(text: str, start: int) -> bool:
    """The place at ``start`` ends an appositive that recalls another event ("..., established April 9 in X")."""
    window = text[max(0, start - 60):start]
    recalled = _RECALLED_APPOSITIVE.search(window)
    return recalled is not None and recalled.end() == len(window)


# a capital before a noun of its government: "the Ankara delegation", "the Beijing leadership"
_CAPITAL_AS_ADJECTIVE = re.compile(r"\s+(?:military\s+|defen[cs]e\s+|official\s+|high-level\s+)?(?:delegation|team|side|"
                                   r"government|administration|officials|leadership|regime)\b")


def _venue(sentence: Sentence, match: re.Match, text: str) -> tuple[str | None, str | None]:
    """The city and state a sentence places its contact in: a city named (not one visited or invited to), a
    city-state or country named as the venue ("in Singapore on Saturday"), a body's headquarters."""
    city = None
    venue_country = None
    # "Tomas Kaunas": a surname, not the city; "X, director of programs at the Pentagon": a post, not the venue
    inside_names = [(min(m.start, m.span_start) if m.span_start >= 0 else m.start, max(m.end, m.span_end))
                    for m in sentence.persons]
    for place in sentence.places:
        if any(s <= place.start < e for s, e in inside_names):
            continue
        if place.kind == "city" and re.match(r"['’]s?\b", text[place.end:place.end + 2]):
            continue  # "Berlin's Ambassador here": the capital stands for its state
        if place.kind == "city" and _EVENT_HELD_IN.search(text[max(0, place.start - 120):place.start]):
            continue  # "discussed the outcomes of the NATO Chiefs of Defence Conference in Prague": the event's city
        if _ONWARD_TO.search(text[max(0, place.start - 60):place.start]):
            continue
        if place.kind == "city" and _CAPITAL_FOR_GOVERNMENT.search(text[max(0, place.start - 40):place.start]):
            continue  # "expressed his gratitude for the support of Nicosia": the capital stands for its government
        if place.kind == "city" and _CAPITAL_AS_ADJECTIVE.match(text, place.end):
            continue  # "received the Ankara delegation": the capital names whose delegation, not where
        if place.kind == "city" and _recalled_before(text, place.start):
            continue  # "the first Dialogue, an initiative established April 9 in Washington by ...": another event's
        if place.kind == "city" and not re.search(r"\b(?:visit|invit)\w*\s+(?:\w+\s+){0,3}$",
                                                  text[max(0, place.start - 40):place.start]):
            city, venue_country = place.name, place.code
            if not place.name.isupper():
                break  # "at GHQ in Rawalpindi": a headquarters' acronym gives way to the city named after it
    if city is None:
        # "in Singapore on Saturday": a city-state or a country named as the venue
        spans = [(m.span_start if m.span_start >= 0 else m.start, max(m.end, m.span_end)) for m in sentence.persons]
        for place in sentence.places:
            if place.kind == "country" and not any(s <= place.start < e for s, e in spans) and \
                    -10 < place.start - match.end() - sum(min(e, place.start) - max(s, match.end()) for s, e in spans
                                                          if s < place.start and e > match.end()) < 60 \
                    and not text[place.end:place.end + 2].startswith("'") and \
                    re.search(r"\b(?:in|here in)\s+(?:the\s+)?$", text[max(0, place.start - 12):place.start]) and \
                    not re.search(r"\b(?:visit|invit|situation|security|support|deploy|station|based|forces|troops|"
                                  r"crisis|war|conflict|peace)\w*\s+(?:\w+\s+){0,3}$",
                                  text[max(0, place.start - 40):place.start]):
                venue_country = place.code
                break
    if city is None:
        # "after a meeting in Panevezys, Lithuania": a town the gazetteer does not know, then its state
        for place in sentence.places:
            window = max(0, place.start - 40)
            town = re.search(r"\b(?:in|at)\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?),\s+$", text[window:place.start])
            if place.kind == "country" and town and gazetteer.lookup(town.group(1)) is None \
                    and not any(m.start <= window + town.start(1) < m.end for m in sentence.persons):
                city, venue_country = town.group(1), place.code
                break
    headquarters = re.search(r"\b(NATO|UN|EU|United Nations|African Union|ASEAN|SCO|CSTO) Headquarters\b", text)
    if headquarters:
        body = gazetteer.code_for(headquarters.group(1))
        seat = gazetteer.body_seat(body) if body else None
        if seat:
            city = city or seat[0]
            venue_country = venue_country or seat[1]
    return city, venue_country


def _add_to(meeting: MeetingDraft, keys: list[str], text: str) -> None:
    """Adds persons and a sentence to a contact told again."""
    for key in keys:
        if key not in meeting.participants:
            meeting.participants.append(key)
    if text not in meeting.evidence:
        meeting.evidence.append(text)


def _one_post_each(match: re.Match) -> str:
    """"the chiefs of staff of Mexico, Croatia and Chile" -> "the chief of staff of Mexico, the chief of staff of
    Croatia, the chief of staff of Chile" (unchanged unless one is a state: "the Joint Chiefs of Staff")."""
    head, complement = match.group(1), match.group(2)
    if re.search(r"\bof\s+(?:the\s+)?$", match.string[:match.start()]):
        return match.group(0)  # "the Chairman of the Joint Chiefs of Staff of the United States": one post
    states = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", match.group(3))
    # "... of the United States, General X": the list of states ends where a word names none
    named = next((i for i, state in enumerate(states) if not gazetteer.code_for(state)), len(states))
    if not named:
        return match.group(0)
    return ", ".join([f"the {head}{'y' if head.endswith('Secretar') else ''}{complement} of {state}" for state in states[:named]]
                     + states[named:])


def _one_counterpart_each(match: re.Match) -> str:
    """"his counterparts from A, B and C" / "his A, B and C counterparts" -> "his A counterpart, his B counterpart,
    his C counterpart" (the determiner in group 1, the list of states in group 2)."""
    states = [re.sub(r"^the\s+", "", state) for state in re.split(r",\s*(?:and\s+)?|\s+and\s+", match.group(2))]
    return ", ".join(f"{match.group(1)} {state} counterpart" for state in states)


def _unnamed_counterparts(doc: ArticleRecord, sentence: Sentence, trigger: Trigger, refs: list[Ref], date: str | None,
                          setting: Setting) -> None:
    """"During the visit, X met the Chief of Defence Staff, the Chief of Army Staff and the Defence
    Secretary": one contact per post named without its holder (or with a holder named earlier), added to
    `doc.meetings`; the other side is the state visited, settled with the article's states (`settle`).
    "X received the Nigerian Minister of Defense, the Qatari Deputy Chief of Staff and ...": one contact per
    guest whose post names its state, X receiving."""
    match, direction, _ = trigger
    receives = direction == "subject"
    text = sentence.text
    before = [r for r in refs if r.end <= match.start() + 1]
    # each person's whole mention, title and appositive included ("Italy's Undersecretary ..., Chiara Ferrante")
    names = [(m.span_start if m.span_start >= 0 else m.start, max(m.end, m.span_end)) for m in sentence.persons]
    if not before:
        return
    visitor = before[-1].key
    tail = text[match.end():]
    # "had a meeting on Tuesday with UAE Minister ...": the list begins after "with"
    # "... met, at the forum's sidelines, with ...": an aside before "with"
    lead = re.match(r"\s*(?:,?\s*(?:at|on|in|during)\s[^,]{1,60},\s*)?(?:(?:on|in|at|this|last)\s+[\w\-]+\s+)*with\s+", tail)
    offset = lead.end() if lead else 0
    tail = tail[offset:]
    stop = _POST_LIST_END.search(tail)
    listed = tail[:stop.start() if stop else len(tail)]
    # "the Defense Ministers of Russia and Egypt": one post for each state
    listed = _PLURAL_POST.sub(_one_post_each, listed)
    # "his counterparts from Lithuania, Latvia and Luxembourg": one unnamed counterpart of each state
    listed = re.sub(r"\b(his|her|their) counterparts from ((?:(?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?(?:,\s*|\s+and\s+|,\s*and\s+))+"
                    r"(?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)", _one_counterpart_each, listed)
    # "his Lithuanian, French and British counterparts" (or colleagues): likewise, unless their names follow
    listed = re.sub(r"\b(his|her|their) ((?:[A-Z][\w\-.]+(?:\s+[A-Z][\w\-.]+)?(?:,\s*|\s+and\s+|,\s*and\s+))+"
                    r"[A-Z][\w\-.]+(?:\s+[A-Z][\w\-.]+)?) (?:counterparts|colleagues)\b(?!,?\s+(?-i:[A-Z]))", _one_counterpart_each,
                    listed)
    items = [item for item in re.split(r",\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+", listed)
             if item.strip(" ,")]
    posts = []
    cursor = match.end() + offset
    named_end = -1  # where the last item naming a person ended
    bare_appositive_end = -1  # where a post in apposition without an article ended
    for item in items:
        item_start = text.find(item, cursor)
        cursor = item_start + len(item) if item_start >= 0 else cursor
        if item_start >= 0 and any(s < item_start + len(item) and item_start < e for s, e in names):
            named_end = cursor
            if any(m.end <= item_start and m.span_end >= cursor for m in sentence.persons) \
                    and not re.match(r"\s*(?:the|a|an|his|her)\b", item):
                bare_appositive_end = cursor  # "General X, Supreme Allied Commander Europe": a post in apposition
            continue  # a counterpart named in the list (or this post's holder): the ordinary rules read it
        if item_start >= 0 and named_end >= 0 and re.fullmatch(r"\s*,\s*", text[named_end:item_start]) \
                and not re.match(r"\s*,?\s*(?:and|as well as)\b", text[cursor:]):
            # "General X, the Angolan Special Forces Commander, in Brussels": X's post in apposition, no one
            # else ("President X, the Defence Minister and the Chairman ...": a list goes on)
            continue
        if item_start >= 0 and bare_appositive_end >= 0 and re.fullmatch(r"\s+and\s+", text[bare_appositive_end:item_start]) \
                and not re.match(r"\s*(?:the|a|an|his|her)\b", item):
            # "General X, Supreme Allied Commander Europe and Commander of the US Army in Europe": X's two posts
            continue
        # "paid a courtesy call on his US counterpart": a counterpart unnamed, of a named state
        unnamed_counterpart = re.fullmatch(r"\s*(?:his|her|their)\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+"
                                           r"(?:counterparts?|colleagues?)\s*", item)
        if unnamed_counterpart and gazetteer.code_for(unnamed_counterpart.group(1)):
            appositive = re.match(r"\s*,\s*", text[cursor:])  # "his Hungarian counterpart, Tamas Varga,"
            named_next = appositive is not None and any(s == cursor + appositive.end() for s, _ in names)
            if not named_next and not (item_start >= 0 and any(item_start <= r.start < item_start + len(item) for r in refs)):
                posts.append((f"{unnamed_counterpart.group(1)} counterpart", None))
            continue  # ... unless the story named them before ("his US counterpart": General X, told earlier)
        if _UNNAMED_OTHERS.fullmatch(item):
            continue  # "his British counterpart and other Naval officials": a group beside the posts, nobody named
        post = re.sub(r"^\s*(?:with\s+)?(?:the|his|her|their)\s+", "", item).strip(" .")
        post = re.sub(r"\s*\([A-Z][\w\-]*\)$", "", post)  # "(DGMO)"
        words = post.split()
        # "chief of Kuwait Naval forces": the post words a writer leaves in lower case count as capitalised
        # beside a name ("the minister" alone refers back to someone)
        lower = lexicon().position_lower_heads if any(w[:1].isupper() for w in words[1:]) else set()
        words = [w[:1].upper() + w[1:] if w in lower else w for w in words]
        # "the Chiefs of the Tri-Services": a plural post is one contact with the group it names
        # ... and a council or committee met as a body: "met the Foreign Minister, the National Security Council and ..."
        if not words or not _POST_WORDS.fullmatch(" ".join(words)) \
                or not (any(w in lexicon().position_heads or w in lexicon().plural_heads for w in words)
                        or words[-1] in ("Council", "Committee", "Commission")) \
                or words[0] in ("Ministry", "Headquarters", "Office") or len(words) > 12:
            return  # not a plain list of posts: leave the sentence to the other rules
        # a post that a reference inside it resolves ("called on COAS", "the Chief of Army Staff" named before)
        inside = [r.key for r in refs if item_start >= 0 and item_start <= r.start < item_start + len(item)]
        posts.append((post, inside[0] if inside else None))
    if receives:  # a guest of no named state is left to the other rules
        posts = [(post, holder) for post, holder in posts if country_in(post)]
    for post, holder in posts:
        if holder is None:
            # (a post told in other words only of someone named before: one named later is taken when the
            # article is settled, if no contact of his is told)
            holders = [p for p in doc.registry.persons.values() if p.key != visitor and p.position
                       and (_same_post(post, p.position)
                            or p.first_sentence <= sentence.index and _one_of_the_posts_held(post, p.position))]
            holder = holders[0].key if len(holders) == 1 else None
        participants = [visitor] + ([holder] if holder and holder != visitor else [])
        if len(participants) == 2 and any(set(participants) <= set(m.participants) for m in doc.meetings):
            continue  # the holder's contact is read already
        city, venue_country = setting.city, setting.country
        for place in sentence.places:
            if place.kind == "city":
                city, venue_country = place.name, place.code
        own_state = country_in(post)
        draft = MeetingDraft(participants, date or setting.date or doc.reference, contact_mode(text),
                             None, city, venue_country, [text], sentence.paragraph,
                             host_direction="subject" if receives else "neutral", host_person=visitor if receives else None,
                             unnamed_post=post, unnamed_side=own_state, rule=f"{trigger.rule} + meeting.unnamed-post",
                             sidelines=bool(re.search(r"\b(?:sidelines|margins)\b", text)))
        if not any(m.unnamed_post == post and m.participants == participants for m in doc.meetings):
            doc.meetings.append(draft)


def _unnamed_hosts(doc: ArticleRecord, sentence: Sentence, trigger: Trigger, keys: list[str], date: str | None,
                   setting: Setting, guests: bool = False) -> bool:
    """"A and B have met with senior Republic of Fiji Military Forces leaders in Suva": one contact of the party
    named with the state or body the object names, added to `doc.meetings`; whether one was (none named: none).
    With ``guests`` ("X met with the visiting Chilean officials") the party named receives them."""
    text = sentence.text
    match = trigger.match
    named = [p for p in sentence.places if p.start >= match.end() and p.kind in ("country", "demonym", "institution", "body")
             and not _LOCATIVE_CITY.search(text[max(0, p.start - 30):p.start])]
    if not named:
        return False
    city, venue_country = _venue(sentence, match, text)
    if city is None and venue_country is None:
        city, venue_country = setting.city, setting.country
    doc.meetings.append(MeetingDraft(list(keys), date or setting.date or doc.reference, contact_mode(text), None, city,
                                     venue_country, [text], sentence.paragraph,
                                     host_direction="subject" if guests else "neutral",
                                     host_person=keys[0] if guests else None,
                                     unnamed_post=named[0].name, unnamed_side=named[0].code, unnamed_host=True,
                                     rule=f"{trigger.rule} + meeting.unnamed-hosts"))
    return True


def _institution_host(doc: ArticleRecord, sentence: Sentence, trigger: Trigger, refs: list[Ref], date: str | None,
                      setting: Setting) -> MeetingDraft | None:
    """"The Papua New Guinea Defence Force hosted Fiji's commander X": an institution of a state receives a
    named guest; the contact's other side is the institution's state, with no person named for it. Adds the
    contact to `doc.meetings` and returns it (the contact now told), or None."""
    match, direction, _ = trigger
    text = sentence.text
    if direction != "subject" or any(r.end <= match.start() + 1 for r in refs):
        return None
    # (not who tells of it: "China ... welcomes such disclosure, Geng said")
    guests = [r.key for r in refs if r.start >= match.end() - 1
              and not SPEAKER_AFTER.match(text, r.end)]
    hosts = [p for p in sentence.places if p.end <= match.start() and p.kind in ("institution", "country", "demonym")]
    if len(set(guests)) != 1 or not hosts:
        return None
    side = hosts[0].code
    if gazetteer.is_international_body(side) and hosts[0].kind != "institution":
        return None
    draft = MeetingDraft(guests[:1], date or setting.date or doc.reference, contact_mode(text), None,
                         None, None, [text], sentence.paragraph, host_direction="subject",
                         unnamed_post=hosts[0].name, unnamed_side=side, unnamed_host=True,
                         rule=f"{trigger.rule} + meeting.institution-hosts")
    doc.meetings.append(draft)
    return draft


def _meeting_group(doc: ArticleRecord, sentence: Sentence, trigger: Trigger, refs: list[Ref], date: str | None,
                   setting: Setting, text: str) -> MeetingDraft | None:
    """One of several contacts told in one sentence ("met respectively with A and B"): read as a new contact,
    the sentence's "respectively" masked; its evidence is the sentence as written."""
    masked = re.sub(r"\b(?:respectively|separately|separate|individually)\b", "", text)
    told = _meeting(doc, sentence, Trigger(re.search(re.escape(trigger.match.group(0)), masked[0].lower() + masked[1:], re.I)
                                           or trigger.match, trigger.direction, trigger.rule), refs, date, None, setting, masked,
                    one_of_several=True)
    if told is not None and masked in told.evidence:
        told.evidence[told.evidence.index(masked)] = text
    return told


def _elsewhere(sentence: Sentence, meeting: MeetingDraft, text: str) -> bool:
    """The sentence places its contact in another state's city than ``meeting`` ("... the day before in Budapest")."""
    if not meeting.city:
        return False
    inside_names = [(m.start, m.end) for m in sentence.persons]
    for place in sentence.places:
        if place.kind != "city" or any(s <= place.start < e for s, e in inside_names):
            continue
        window = text[max(0, place.start - 40):place.start]
        if place.code != (meeting.venue_country or gazetteer.code_for(meeting.city)) and \
                _LOCATIVE_CITY.search(window[-30:]) and not TOPIC_BEFORE.search(window) and \
                not re.search(r"\b(?:situation|security|crisis|war|conflict|events?|developments?|attack|"
                              r"embassy|ambassador|based|stationed|forces|troops)\b[^,.;]{0,20}$", window):
            return True
    return False


def _same_meeting(meetings: list[MeetingDraft], draft: MeetingDraft, current: MeetingDraft | None,
                  dated: bool = False) -> MeetingDraft | None:
    """An earlier contact this one repeats: same mode, nobody new (a call: the same two again, others now
    named), same day (or the one being told, unless the sentence dates its contact to another day)."""
    for meeting in reversed(meetings):
        if meeting.mode != draft.mode:
            continue
        if dated and meeting.date and draft.date and meeting.date != draft.date:
            continue
        if draft.city and meeting.city and draft.mode == "in_person" and \
                gazetteer.code_for(draft.city) != gazetteer.code_for(meeting.city):
            continue  # the same people met again elsewhere
        # a call told twice the same day, the second time with others named ("X spoke with his counterparts, Y and Z")
        call_retold = draft.mode != "in_person" and draft.date == meeting.date and \
            len(set(draft.participants) & set(meeting.participants)) >= 2
        if (set(draft.participants) <= set(meeting.participants) or call_retold) and (
                draft.date == meeting.date or meeting is current):
            return meeting
    return None


def _join(doc: ArticleRecord, sentence: Sentence, join: re.Match, refs: list[Ref],
          current: MeetingDraft) -> MeetingDraft:
    """"X also attended", "Accompanying the admiral were A and B": persons join the contact being told (or, with
    "both meetings", each of them); adds them to `doc.joiners` and the companions they came with to
    `doc.same_side`. "... then joined by Y" of a new side is a new contact. Returns the contact being told."""
    text = sentence.text
    # "..., Brigadier General X, noted that the Commander was accompanied by Y": who reports it joins nothing
    keys = _unique([k for _, _, k in _without_reporters(join, refs, text)])
    lowered = text.lower()
    targets = [current]
    if re.search(r"\b(?:both|all (?:three|four|the|of the)|each of the)\b(?: of)?(?: [\w']+)? "
                 r"(?:meetings|calls|engagements|talks|sessions)", lowered) or "both of" in lowered:
        principal = None
        owner = re.search(r"\b(?:both|all three) of ([A-Z][\w\-]+)'s meetings", text)
        if owner:
            principal = next((p.key for p in doc.registry.persons.values()
                              if owner.group(1).casefold() in p.words), None)
        targets = [m for m in doc.meetings if principal is None or principal in m.participants]
        if not principal and keys:
            leader_meetings = [m for m in doc.meetings if keys[0] in m.participants]
            targets = leader_meetings or targets
    joined_by_new_party = re.search(r"\bthen joined by\b", lowered)
    for meeting in targets:
        new = [k for k in keys if k not in meeting.participants]
        if not new:
            continue
        sides = {doc.country_of(k) for k in meeting.participants}
        if joined_by_new_party and any(doc.country_of(k) not in sides for k in new):
            copy = MeetingDraft(list(meeting.participants) + new, meeting.date, meeting.mode, meeting.host,
                                meeting.city, meeting.venue_country, [text], sentence.paragraph,
                                meeting.sidelines, meeting.with_delegation, set(meeting.delegation_leaders),
                                meeting.host_direction, meeting.host_person, rule=f"{meeting.rule} + meeting.joined-by")
            doc.meetings.append(copy)
            current = copy
            continue
        meeting.participants.extend(new)
        doc.joiners.update(new)
        if text not in meeting.evidence:
            meeting.evidence.append(text)
        # "Accompanying the admiral were A and B": the guest's companions, of the guest's side
        guest = meeting.participants[0] if meeting.host_person and meeting.participants[0] != meeting.host_person \
            else next((k for k in meeting.participants if k != meeting.host_person and k not in new), None)
        # "Also present together with the Senior General were A and B": of the side of the one they were with
        together = re.search(r"\btogether with\b", text)
        companion = next((k for s, _, k in refs if together and 0 <= s - together.end() <= 30 and k not in new), None)
        if join.group(0).startswith("accompanying") and guest:
            companion = guest
        escorted = re.search(r"\baccompanied\s+(?=[A-Z])", text)  # "A and B accompanied Yudhoyono at the meeting"
        companion = companion or next((k for s, _, k in refs if escorted and s == escorted.end() and k not in new), None)
        if companion:
            for key in new:
                if key != companion:
                    doc.same_side.setdefault(key, (companion, text))  # settled with the states (sides.py)

# ------------------------------------------------------------ invitations

# ------------------------------------------------------------ output
    return current


def _main_clause(lowered: str, trigger_end: int | None) -> str:
    """The sentence up to the first subordinate clause after the contact verb: "..., where the sides
    agreed to hold an exercise" announces the exercise, not the meeting."""
    if trigger_end is None:
        return lowered
    # ... and a relative clause on the contact's object: "X met Y who is scheduled to leave for China"
    boundary = re.search(r",\s*(?:where|during which|at which|in which|after which|which|and agreed)\b|;|\s(?:who|whom)\s",
                         lowered[trigger_end:])
    return lowered[:trigger_end + boundary.start()] if boundary else lowered


def _same_post(post: str, position: str) -> bool:
    """'Chief of Army Staff' and 'Chief of Army Staff (COAS) of the Indian Army' name the same post."""
    plain = lambda text: re.sub(r"\s*\([^)]*\)", "", text).lower()
    return plain(position).startswith(plain(post))


def _one_of_the_posts_held(post: str, position: str) -> bool:
    """'Crown Prince' is one of the posts of 'Abu Dhabi Crown Prince and Deputy Supreme Commander' (whatever state
    each names), 'UK Secretary of State' of 'United Kingdom Secretary of State for Foreign Affairs'; 'Chief of
    Staff' is not 'Deputy Chief of Staff'."""
    named = post_kind_words(post)
    return bool(named) and any(
        named <= held and not (held - named) & _LESSER_POST_WORDS
        for held in map(post_kind_words, re.split(r"\s+and\s+(?=[A-Z])|,\s*(?=[A-Z])", position)))


# what makes a post another, lesser one: "Deputy Chief of Staff" is not "Chief of Staff"
_LESSER_POST_WORDS = {"deputy", "vice", "assistant", "under", "acting", "former", "principal", "senior", "chief"}


def _unique(items):
    seen = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
