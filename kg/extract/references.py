"""Who each sentence refers to: `sentence_refs` finds the person references of a sentence in order (names,
role nouns such as "the minister" or "his counterpart", posts named again, acronyms, "he"), as
``(start, end, person key)``; `model_refs` adds names that only the statistical NER finds, when a contact
verb has fewer than two persons bound to it. Role nouns are resolved by `kg.extract.roles`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg import gazetteer
from kg.extract.lexicon import lexicon
from kg.extract.mentions import Mention, country_in
from kg.extract.posts import acronyms
from kg.extract.records import ArticleRecord, MeetingDraft, Ref, Sentence
from kg.extract.roles import resolve_role

ROLE_WORDS = (r"guests?|visitors?|counterparts?|hosts?|colleagues?|interlocutors?|side|party|"
              r"generals?|admirals?|commanders?|chiefs?|ministers?|chair|chairman|chairwoman|chairperson|deputy ministers?|vice ministers?|"
              r"deputy defen[cs]e minister|defen[cs]e minister|defen[cs]e chief|army chief|air chief|navy chief|"
              r"naval chief|military chief|officials?|officers?|dignitary|secretary|deputy secretary|"
              r"deputy secretary general|secretary general|director general|assistant minister|ambassador|"
              r"envoy|marshal|commissioner|special representative|representative|delegation|cds|chods?|jemad|coas|cns|cas|dg|"
              r"head of the [a-z ]+? department")
# a role noun ("the minister", "his Russian counterpart", "the two generals"): what `roles.resolve_role` reads
ROLE_NOUN = re.compile(
    rf"\b(?P<det>[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Bb]oth|(?P<possessor>[A-Z][\w\-]+)['’]s)\s+(?P<number>(?:two|three)\s+)?"
    rf"(?:(?P<visiting>visiting|accompanying|foreign|distinguished|new|top|senior)\s+)?"
    rf"(?:(?P<demonym>[A-Z][\w\-]+)\s+)?(?:(?:senior|top|visiting|high-ranking|highest-ranking)\s+)?"
    rf"(?:(?:military|defen[cs]e|army|naval|navy|air force)\s+)?"
    rf"(?P<role>{ROLE_WORDS})\b(?!(?<=official)\s+(?:invitation|visits?|talks|ceremony|residence|function|trip|"
    rf"duties|capacity|statement|website|engagements?|welcome|dinner|reception|programme|program|meetings?|"
    rf"delegation|car|spokesperson)\b)", re.I)  # "the official invitation": an adjective, no person
# a role's acronym written bare, as a name: "On the sidelines of the Conference CHOD met with ..." (empty groups stand for
# ROLE_NOUN's: no article, people or number)
_BARE_ROLE_ACRONYM = re.compile(r"(?P<det>)(?P<possessor>)(?P<number>)(?P<visiting>)(?P<demonym>)"
                                r"(?<![\w(/])(?<!the )(?<!The )(?<!his )(?<!her )(?P<role>CHOD)\b(?!\s*\))")
_PRONOUN = re.compile(r"(?:^|[,;]\s+|\band\s+|\bthat\s+)(?P<pronoun>[Hh]e|[Ss]he)\b")
# "During his trip he met ...", "During the visit he met ...": the pronoun after an opening phrase without its comma
_OPENING_PRONOUN = re.compile(r"^(?:(?:During|After|Following|On|In|At|Upon|While|Before)\s+(?:[\w\-]+\s+){1,5}?|"
                              r"(?:Later|Earlier|Subsequently|Afterwards|Thereafter|Then|Today|Yesterday|Also|Separately|"
                              r"Besides|Moreover|Meanwhile)\s+(?:[\w\-]+\s+){0,3}?)(?P<pronoun>he|she)\s+(?=[a-z])")
# "X said that he ...", "X told reporters he ...": the speaker, then the pronoun that is him
_SPEAKER_SAID = re.compile(r"(?:,[^,]{0,80},)?\s+(?:has\s+|had\s+)?(?:said|says|stated|noted|announced|added|told\s+(?:[\w\-]+\s+){1,3}?)"
                           r"(?:\s+(?:on\s+)?\w+day)?\s+(?:that\s+)?$")
_HIGHNESS = re.compile(r"\b(?:His|Her) (?:Royal )?Highness\b(?!\s+(?:Sheikh|Shaikh|Prince|the))")
# names after these are not of a contact's participants: "greetings from President X", "on behalf of X"
EXCLUDE_BEFORE = re.compile(
    r"(?:greetings (?:of|from)|on behalf of|message (?:of|from)|(?<!delegation )under the (?:leadership|guidance|patronage) of|(?<!under the )(?:leadership|guidance|patronage|wisdom) of|"
    r"directives? of|instructions? of|vision of|consensus reached (?:by|between)|friendship (?:of|between)|"
    r"greetings (?:of|from) [^.;]{0,120}?\b(?:and|to)|"
    r"regards to|appreciation of|visits? of|to President|to His|to Her|(?<!received )(?<!hosted )(?<!welcomed )(?<!greeted )(?<!met )by (?:President|Prime Minister)|"
    r"(?:at|on) the invitation (?:of|from)|the late|former)\s+(?:the\s+)?(?:[A-Z][\w\.\-']*\s+){0,8}$")
# who is spoken for, named with the post before the name: "on behalf of the Chief of Staff of the AFL, Major General X"
_ON_BEHALF_OF_POST = re.compile(r"\bon behalf of\s+(?:the\s+)?(?:(?:of|the|and|[A-Z][\w\.\-']*)\s+){0,8}?[A-Z][\w\.\-']*,\s+"
                                r"(?:[A-Z][\w\.\-']*\s+){0,6}$")
_HEAD_OF_STATE = re.compile(r"(?<!Deputy )(?<!Vice )(?<!Vice-)(?<!First Deputy )\b(?:President|Presidents|Prime Minister|King|Queen|Amir|Emir|Crown Prince|Sultan|"
                            r"Supreme Commander-in-Chief)\s+(?:of\s+[A-Z][\w\s]+?\s+)?(?:His Highness\s+|Sheikh\s+|Shri\s+|Mr\.?\s+)*$")

def sentence_refs(doc: ArticleRecord, sentence: Sentence, current: MeetingDraft | None,
                  last_subject: str | None) -> list[Ref]:
    """Person references in a sentence, in order: names, role nouns, heads of units, posts named again, "His
    Highness", acronyms, pronouns. Role nouns are resolved against the contact being told (``current``) and
    the last subject ("he"); a demonym with a role noun settles the person's state ("the Vietnamese deputy
    minister"). Each pass below adds to ``refs`` and to ``taken`` (the spans already read as someone)."""
    refs: list[Ref] = []
    taken: list[tuple[int, int]] = []
    _name_refs(sentence, refs, taken)
    _role_refs(doc, sentence, current, last_subject, refs, taken)
    _unit_head_refs(doc, sentence, refs, taken)
    _post_refs(doc, sentence, refs, taken)
    _highness_refs(doc, sentence, refs, taken)
    _acronym_refs(doc, sentence, refs, taken)
    _pronoun_refs(sentence, last_subject, refs, taken)
    _bare_role_refs(sentence, last_subject, refs, taken)
    _visiting_party_refs(doc, sentence, refs, taken)
    _pair_refs(doc, sentence, refs, taken)
    _met_pair_refs(sentence, current, refs, taken)
    _latter_or_former_refs(doc, sentence, refs, taken)
    refs.sort()
    return refs


def _latter_or_former_refs(doc: ArticleRecord, sentence: Sentence, refs: list[Ref], taken: list[tuple[int, int]]) -> None:
    """"... for his Iranian counterpart. The latter also met with ...": the last (or, "the former", the first) person
    the sentence before referred to."""
    match = re.match(r"The (latter|former)\b", sentence.text)
    if match is None or any(r.start < match.end() for r in refs) or sentence.index == 0:
        return
    earlier = sorted(doc.sentences[sentence.index - 1].refs or [])
    if earlier:
        refs.append(Ref(0, match.end(), earlier[-1].key if match.group(1) == "latter" else earlier[0].key))
        taken.append((0, match.end()))


def _name_refs(sentence: Sentence, refs: list[Ref], taken: list[tuple[int, int]]) -> None:
    """The persons named, but not those named "on behalf of" or "greetings from", nor a head of state or
    government named in passing (not bound to a contact verb)."""
    text = sentence.text
    for mention in sentence.persons:
        before = text[:mention.start]
        head_of_state = _HEAD_OF_STATE.search(before)
        if head_of_state and re.search(r"\b(?:to|of|for)\s+(?:the\s+)?$", before[:head_of_state.start()]):
            head_of_state = None  # "Secretary to the Prime Minister X", "Adviser to the President X": an aide
        if head_of_state and " of " in head_of_state.group(0):
            if country_in(head_of_state.group(0)) is None:
                head_of_state = None
        if EXCLUDE_BEFORE.search(before) or _ON_BEHALF_OF_POST.search(before):
            continue
        if head_of_state and not bound_to_contact(text, mention):
            continue
        refs.append(Ref(mention.start, mention.end, mention.key))
        taken.append((min(mention.start, mention.span_start if mention.span_start >= 0 else mention.start),
                      max(mention.end, mention.span_end)))


def _role_refs(doc: ArticleRecord, sentence: Sentence, current: MeetingDraft | None, last_subject: str | None,
               refs: list[Ref], taken: list[tuple[int, int]]) -> None:
    """Role nouns ("the minister", "his Russian counterpart", "the two generals"), resolved by `roles`."""
    lex = lexicon()
    text = sentence.text
    subject = refs[0].key if refs else None
    for match in sorted([*ROLE_NOUN.finditer(text), *_BARE_ROLE_ACRONYM.finditer(text)], key=lambda m: m.start()):
        if any(s <= match.start() < e or s < match.end() <= e for s, e in taken):
            continue
        # "his Lithuanian counterpart, Lt. Gen. X": the role and the name in apposition are one person
        if any(0 <= (m.span_start if m.span_start >= 0 else m.start) - match.end() <= 3
               and text[match.end():m.span_start if m.span_start >= 0 else m.start].strip() in (",", "")
               for m in sentence.persons):
            continue
        # a role noun followed by a name is a title, already counted with the name
        after = text[match.end():match.end() + 3]
        if after.strip()[:1].isupper() and not after.startswith(","):
            nxt = text[match.end():].split()
            if nxt and nxt[0][0].isupper() and nxt[0].rstrip(",.") not in lex.non_name_words:
                continue
        if EXCLUDE_BEFORE.search(text[:match.start()]):
            continue
        role_text = match.group("role")
        # ("the Minister of National Defence participated ...": the portfolio, then a verb: a reference)
        portfolio = re.match(r"\s+(?:of|for)\s+(?:the\s+)?(?:National\s+)?Defen[cs]e(?=\s+(?!of\b|and\b)[a-z])",
                             text[match.end():])
        if role_text[0].isupper() and re.match(r"\s+(?:[A-Z]|of\b|for\b)", text[match.end():]) and not portfolio:
            continue  # "the General Headquarters", "the Minister of Defence of X" (a title, not a reference)
        previous = [r for r in refs if r.start < match.start()]
        if match.group("role").lower().endswith("s") and len({r.key for r in previous}) >= 2:
            continue  # "X held a call with Y, during which both ministers ...": already named
        role_subject = previous[-1].key if previous else (subject if subject and match.start() > 0 else last_subject)
        # persons the sentence refers to before the role noun, or names after it: "The General also met with ...,
        # the Chief of Staff, General Y" is not Y
        in_sentence = {r.key for r in previous} | {m.key for m in sentence.persons if m.start >= match.end()}
        keys = resolve_role(doc, current, match, role_subject, sentence.index, in_sentence)
        demonym = gazetteer.lookup(match.group("demonym") or "")
        if len(keys) == 1 and demonym is not None and demonym.kind in ("demonym", "country") \
                and doc.country_of(keys[0]) is None:
            doc.settle_country(keys[0], demonym.code, "country.role-demonym", text)  # "the Vietnamese deputy minister"
        for key in keys:
            refs.append(Ref(match.start(), match.end(), key))
            taken.append((match.start(), match.end()))


def _unit_head_refs(doc: ArticleRecord, sentence: Sentence, refs: list[Ref], taken: list[tuple[int, int]]) -> None:
    """"the head of the Turkish ... department", and with no article: "Bangladesh Army official called on ...":
    the most salient person who may be of that state."""
    text = sentence.text
    for match in re.finditer(r"\b[Tt]he (?:head|chief|leader) of the (?P<demonym>[A-Z][\w\-]+) [\w ]{0,40}?"
                             r"(?:department|ministry|Ministry|delegation|forces|Forces|army|Army|navy|Navy|military)\b|"
                             r"(?<![\w'’])(?P<bare>[A-Z][\w\-]+)\s+(?:Army|Navy|Air Force|military|defen[cs]e|armed forces)\s+"
                             r"(?:official|officer|chief|general|admiral)\b", text):
        if match.group("bare"):
            if match.start() > 0 and re.search(r"\b(?:the|a|an|of|for)\s*$", text[:match.start()], re.I):
                continue  # "the Bangladesh Army chief" is the role rules' business
            match_demonym = match.group("bare")
        else:
            match_demonym = match.group("demonym")
        if any(s <= match.start() < e for s, e in taken):
            continue
        code = gazetteer.code_for(match_demonym)
        pool = [p for p in doc.candidates(match_demonym, sentence.index)] if code else []
        if pool:
            refs.append(Ref(match.start(), match.end(), max(pool, key=doc.salience).key))
            taken.append((match.start(), match.end()))


def _post_refs(doc: ArticleRecord, sentence: Sentence, refs: list[Ref], taken: list[tuple[int, int]]) -> None:
    """A post named before with its holder, named again alone ("the Chief of the Defence Command")."""
    text = sentence.text
    for person in list(doc.registry.persons.values()):
        title = person.position or ""
        if len(title.split()) < 2 or person.first_sentence > sentence.index:
            continue
        # "Chief Operations Officer (COO) of Royal Bhutan Army" is later "the Chief Operations Officer"
        titles = {title, title.split(" (", 1)[0].strip()}
        # "Chief of the Defence Command Finland" is later "the Chief of the Defence Command"
        for words in (1, 2, 3):
            state_tail = re.search(rf"(?:,?\s+of)?\s+(?:the\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){{{words - 1}}})$", title)
            if state_tail and gazetteer.code_for(state_tail.group(1)):
                titles.add(title[:state_tail.start()].strip())
                break
        # "Chief Operations Officer of the Royal Bhutan Army" is later "the Chief Operations Officer": the post
        # without the service it is of
        service = _OF_A_SERVICE.search(title)
        if service and len(title[:service.start()].split()) >= 2:
            titles.add(title[:service.start()].strip())
        # "Royal Bhutan Army Chief Operations Officer" is later "the Chief Operations Officer": the post from its
        # first head word, the service before it left out
        words = title.split()
        head = next((k for k, word in enumerate(words) if word in lexicon().position_heads), 0)
        if head:
            titles.add(" ".join(words[head:]))
        titles -= {""}
        for match in (m for t in titles if len(t.split()) >= 2
                      for m in re.finditer(r"(?<![\w])" + re.escape(t) + r"(?![\w])", text, re.I)):
            if match.group(0) not in titles and not re.search(r"\b[Tt]he\s+$", text[:match.start()]):
                continue  # in lower case only as "the army chief" for "Army Chief General X"
            if any(s <= match.start() < e or s < match.end() <= e for s, e in taken):
                continue
            if re.match(r"\s+(?:[A-Z]|of\b)", text[match.end():]) or re.search(r"\b(?:his|her|its)\s+$", text[:match.start()]):
                continue
            if re.search(r"\bon behalf of\s+(?:the\s+)?$", text[:match.start()]):
                continue  # "on behalf of the Chief of Staff of the AFL": not there
            holders = [p for p in doc.registry.persons.values()
                       if p.position and (p.position.lower().startswith(match.group(0).lower())
                                          or p.position.lower().endswith(" " + match.group(0).lower()))]
            if len(holders) == 1:
                refs.append(Ref(match.start(), match.end(), person.key))
                taken.append((match.start(), match.end()))


_OF_A_SERVICE = re.compile(r",?\s+of\s+(?:the\s+)?(?:[A-Z][\w\-]+\s+){0,4}(?:Army|Navy|Air Force|Armed Forces|Forces|"
                           r"Force|Guard|Corps|Marines)$")


def _highness_refs(doc: ArticleRecord, sentence: Sentence, refs: list[Ref], taken: list[tuple[int, int]]) -> None:
    """"His Highness" alone: the person named with that honorific (the span is not taken: a name may follow)."""
    for match in _HIGHNESS.finditer(sentence.text):
        person = next((p for p in doc.registry.persons.values() if p.honorific and "Highness" in p.honorific), None)
        if person and not any(s <= match.start() < e for s, e in taken):
            refs.append(Ref(match.start(), match.end(), person.key))


def _acronym_refs(doc: ArticleRecord, sentence: Sentence, refs: list[Ref], taken: list[tuple[int, int]]) -> None:
    """An acronym of a person's post ("the CJCSC", "COAS", "CoAS")."""
    for match in re.finditer(r"\b([A-Z](?:[A-Z]|o(?=[A-Z])){1,5})\b", sentence.text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        place = gazetteer.lookup(match.group(1))
        if match.group(1) in ("UN", "EU") or place is not None and place.kind == "country":
            continue  # a state's ("the UAE" in "Commander of the ... (UAE) Armed Forces")
        for person in doc.registry.persons.values():
            if any(match.group(1).upper() in acronyms(post) for post in [person.position or "", *person.other_positions]):
                refs.append(Ref(match.start(), match.end(), person.key))
                break


_BARE_ROLE = re.compile(r"(?:Minister|Secretary|Ambassador|Commander|General|Admiral)\s+(?=(?:also|then|later|further|"
                        r"held|met|visited|called|received|hosted|had|paid)\b)")


def _bare_role_refs(sentence: Sentence, last_subject: str | None, refs: list[Ref], taken: list[tuple[int, int]]) -> None:
    """"Minister also held bilateral meetings with A and B": a role word without its article opening the sentence,
    as translated releases write, is the story's subject."""
    match = _BARE_ROLE.match(sentence.text)
    if match and last_subject and not any(r.start < match.end() for r in refs):
        refs.append(Ref(0, match.end() - 1, last_subject))
        taken.append((0, match.end() - 1))


def _pair_refs(doc: ArticleRecord, sentence: Sentence, refs: list[Ref], taken: list[tuple[int, int]]) -> None:
    """"The two (with their team) met X": "the two" opening a sentence are the two persons of one side the story
    named together last (within five sentences)."""
    match = re.match(r"The two\s+(?=with\b|and\b|also\b|later\b|then\b|met\b|held\b|visited\b|were\b|called\b)",
                     sentence.text)
    if match is None or any(r.start < match.end() for r in refs):
        return
    for earlier in reversed(doc.sentences[max(0, sentence.index - 5):sentence.index]):
        keys = list(dict.fromkeys(key for _, _, key in earlier.refs))
        if len(keys) >= 2:
            states = {doc.country_of(key) for key in keys} - {None}
            if len(keys) == 2 and len(states) <= 1:
                refs.extend(Ref(0, 7, key) for key in keys)
                taken.append((0, 7))
                doc.same_side.setdefault(keys[1], (keys[0], sentence.text))  # one side: the two
            return


# "The two met in May", "They last met in Tbilisi": the opening pair meets again (or met before)
_PAIR_MET = re.compile(r"(?:The two|They|Both)\s+(?:(?:had|have|also|last|previously|first|earlier|already|"
                       r"recently|often|again)\s+){0,2}(?:met|held talks|spoke|talked)\b")


def _met_pair_refs(sentence: Sentence, current: MeetingDraft | None, refs: list[Ref],
                   taken: list[tuple[int, int]]) -> None:
    """"The two met in May in Dar es Salaam", "They had last met in Tbilisi": a sentence opening with the pair and
    a contact verb, naming no one before it, tells a contact of the two persons of the contact told last (one of
    each side), when that contact has just two."""
    match = _PAIR_MET.match(sentence.text)
    if match is None or current is None or len(current.participants) != 2 \
            or any(r.start < match.end() for r in refs) or any(s < match.end() for s, _ in taken):
        return
    opening = sentence.text.find(" ")
    refs.extend(Ref(0, opening, key) for key in current.participants)
    taken.append((0, opening))


def _visiting_party_refs(doc: ArticleRecord, sentence: Sentence, refs: list[Ref], taken: list[tuple[int, int]]) -> None:
    """"They were welcomed ... by X", "They later called on X": a sentence opening with "They" and a contact told
    passively or as a call, in a story of a delegation's visit, is of the delegation: its leader (the visitor told
    last with a delegation)."""
    match = re.match(r"They\s+(?:were|was|had been|later|then|also|subsequently)\b", sentence.text)
    leaders = [key for key in doc.visitors if key in doc.delegations]
    if match is not None and leaders and not any(r.start < match.end() for r in refs):
        refs.append(Ref(0, 4, leaders[-1]))
        taken.append((0, 4))
        return
    # "The visit began with a courtesy call on X", "The programme included a meeting with X": the visit's
    # programme is the visitor's (the delegation's leader, else the visitor told last)
    visit = _VISIT_PROGRAMME.match(sentence.text)
    visitors = leaders or list(doc.visitors)
    if visit is not None and visitors and not any(r.start < visit.end() for r in refs):
        refs.append(Ref(visit.start("visit"), visit.end("visit"), visitors[-1]))
        taken.append((visit.start("visit"), visit.end("visit")))


_VISIT_PROGRAMME = re.compile(
    r"(?P<visit>The\s+(?:[\w\-]+['’]s?\s+)?(?:(?:official|working|two-day|three-day|four-day|five-day)\s+)?"
    r"(?:visit|programme|program|itinerary|tour|trip|stay))\s+(?:also\s+)?(?:(?:began|started|opened|commenced|"
    r"kicked off|continued|ended|concluded|closed)\s+with|included|featured)\b")


def _pronoun_refs(sentence: Sentence, last_subject: str | None, refs: list[Ref], taken: list[tuple[int, int]]) -> None:
    """"he", "she" before anyone else is referred to: the story's last subject."""
    for match in [*_PRONOUN.finditer(sentence.text), *_OPENING_PRONOUN.finditer(sentence.text)]:
        start = match.start("pronoun")
        if any(s <= start < e for s, e in taken):
            continue
        prior = [r for r in refs if r.start < start]
        # "After an office call with X, he was hosted by Y": a pronoun after an opening phrase is the story's
        # subject all the same
        opening = re.fullmatch(r"(?:[^–—]{0,60}?\s[–—-]\s+)?(?:After|Following|During|Before|Upon)\b[^;]*,\s*",
                               sentence.text[:start])
        key = last_subject if not prior or opening and last_subject not in {r.key for r in prior} else None
        if prior and _SPEAKER_SAID.search(sentence.text, prior[-1].end, start):
            key = prior[-1].key  # "X said that he had talks with Y": he is X
        if key:
            refs.append(Ref(start, match.end("pronoun"), key))


def bound_to_contact(text: str, mention: Mention) -> bool:
    """A head of state or government takes part only as subject or object of a contact verb
    ("President X received the minister", "met with President X"), not when named in passing. The verbs are
    the contact phrasings of triggers.json."""
    span_start = mention.span_start if mention.span_start >= 0 else mention.start
    span_end = max(mention.end, mention.span_end)
    when = r"(?:today|yesterday|(?:on )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|by (?:tele)?phone|over the (?:tele)?phone|separately|also)"
    # ... the verb after the name, or after the rest of a list of names it opens ("A and Prime Minister B had ...")
    rest_of_list = r"(?:(?:\s+and\s+|\s*,\s*)(?:(?:[A-Z][\w\-'’.]*|of|the|and)\s+)*?)?"
    # ... an auxiliary or adverb between ("President X had received the minister", "President X also met")
    after = re.compile(rf"\s*(?:,[^,]{{0,80}},\s*)?{rest_of_list}\s*(?:{when} )?(?:(?:has|have|had|also|then|later)\s+)*")
    before = re.compile(rf"\s*(?:{when}\s+)*(?:with\s+)?(?:the\s+)?")
    # "met A and B", "met with leadership from X, including President B"
    listed = re.compile(rf"\s*(?:{when}\s+)*(?:with\s+)?(?:the\s+)?[^.;:]{{0,120}}?(?:,\s*|\s+and\s+|\s+including\s+|\s+such as\s+)")
    return any(span_end <= start <= span_end + 160 and after.fullmatch(text, span_end, start)
               or span_start - 60 <= end <= span_start and before.fullmatch(text, end, span_start)
               or span_start - 160 <= end <= span_start and listed.fullmatch(text, end, span_start)
               for start, end in _contact_phrase_spans(text))


@lru_cache(maxsize=64)
def _contact_phrase_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the contact phrasings of triggers.json match a sentence: read once per sentence, however many heads
    of state it names."""
    lowered = text[0].lower() + text[1:] if text else text
    return tuple(_whole_words(lowered, verb.span()) for rule in lexicon().triggers["meeting"]
                 for verb in re.finditer(rule["pattern"], lowered, re.I))


def _whole_words(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A phrasing's span without the word it only begins to read: "discussed ... with C" of "with Chile's President
    X" ends before "Chile's", so that the President is seen right after the phrase."""
    start, end = span
    if end < len(text) and text[end - 1:end].isalpha() and (text[end].isalpha() or text[end] in "'’"):
        space = text.rfind(" ", start, end)
        if space > start:
            return start, space + 1
    return start, end


def model_refs(doc: ArticleRecord, sentence: Sentence, refs: list[Ref], trigger_span: tuple[int, int]) -> list[Ref]:
    """The references with the PERSON entities the rules did not anchor (see kg.extract.ner) added; each such
    person is registered (`doc.registry`) and added to `sentence.persons`."""
    lex = lexicon()
    from kg.extract import ner
    from kg.extract.mentions import Mention, clean_name

    taken = [(s, e) for s, e, _ in refs] + [(m.span_start, m.span_end) for m in sentence.persons]
    added = list(refs)
    # cheap guard before the model: a capitalised word next to the verb that nothing else explains
    window = sentence.text[max(0, trigger_span[0] - 60):trigger_span[1] + 60]
    offset = max(0, trigger_span[0] - 60)
    candidates = [m for m in re.finditer(r"(?<![\w'])[A-Z][a-zà-ÿ'\-]+", window)
                  if m.group(0) not in lex.non_name_words and m.group(0) not in lex.position_heads
                  and gazetteer.lookup(m.group(0)) is None and m.start() + offset > 0
                  and not any(s <= m.start() + offset < e for s, e in taken)]
    if not candidates:
        return refs
    last_accepted = None
    for start, end in ner.person_spans(sentence.text):
        if any(s < end and start < e for s, e in taken):
            continue
        # only a name bound to the contact verb: "X met Y", "Y was received by X", "talks with the two
        # generals, A and B" (a role in apposition), or listed right after such a name
        between = sentence.text[end:trigger_span[0]] if end <= trigger_span[0] else sentence.text[trigger_span[1]:start]
        # "X, along with local officials, held a meeting with ...": a companion clause does not unbind X
        between = re.sub(r"^,\s*(?:along with|together with|accompanied by|joined by)\b[^,]{1,80},\s*", " ", between)
        listed = last_accepted is not None and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", sentence.text[last_accepted:start])
        # ... or a name set off before its verb by one appositive: "Qi Jianguo, a senior officer of the PLA, met"
        appositive = re.fullmatch(r"\s*(?:the|his|her|their)\s+(?:[\w\-]+\s+){0,3}[\w\-]+,\s*", between) or (
            end <= trigger_span[0] and re.fullmatch(r",\s*(?:the|a|an|his|her)\s+[^,;:]{1,90},\s*(?:also\s+|today\s+)?",
                                                    between))
        if not (listed or appositive) and ("," in between or len(between.split()) > 4
                                           or re.search(r"\b(?:of|memory|tomb|mausoleum)\b", between)):
            continue
        name = clean_name(sentence.text[start:end])
        words = name.split()
        if not words or any(w in lex.non_name_words or w in lex.position_heads for w in words) \
                or gazetteer.is_outlet(name):  # "told Sputnik that ...": an agency, not a person
            continue
        if any(f.start <= start < f.end for f in sentence.forums) or any(
                p.start <= start < p.end for p in sentence.places):
            continue
        mention = Mention(start, end, name, anchored=False, span_start=start, span_end=end)
        record = doc.registry.add(mention, sentence.index, sentence.text)
        mention.key = record.key
        sentence.persons.append(mention)
        added.append(Ref(start, end, record.key))
        last_accepted = end
    added.sort()
    return added

# ------------------------------------------------------------ cues
