"""Contacts read from one article: meetings and calls, delegations, invitations.

`read_article(article)` runs the whole rule pipeline over the cleaned sentences and returns an
`Extraction`. It walks the sentences in order and keeps a little discourse state (the meeting
being told, the guest and the host, the last subject) to resolve "the minister", "the Chinese
guest", "his counterpart" and "he". The concerns it delegates live beside it: `roles` (role nouns to
persons), `delegations`, `invitations`, `sides` (the state a person represents when the text leaves it
implicit) and `posts` (what a post names).
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date as Date, timedelta

from kg import gazetteer
from kg.extract.clean import clean_article, is_shouted, recase_shouted, split_sentences
from kg.extract.dates import (date_range, explicit_date, parse_iso, publication_date, reference_date, resolve_date,
                               url_date)
from kg.extract.forums import ForumMention, find_forums
from kg.extract.implied import further_contacts, implied_contacts
from kg.extract.separate import separate_contacts
from kg.extract.delegations import DelegationDraft, read_delegation_cues
from kg.extract.invitations import read_invitation, read_invitation_of
from kg.extract.posts import acronyms, generic_post, organization
from kg.extract.roles import resolve_role
from kg.extract.sides import assign_countries
from kg.extract.lexicon import lexicon
from kg.extract.mentions import PLURAL_COUNTERPARTS, TOPIC_BEFORE, article_name_words, Mention, PlaceMention, country_in, find_persons, find_places
from kg.extract.persons import PersonRecord, Registry
from kg.extract.records import (AnnouncedContact, InvitationDraft, MeetingDraft, PendingDelegationContact, Sentence,
                                Trigger)
from kg.model import (Article, Decision, Delegation, Extraction, Forum, Invitation, Meeting, Person,
                      Place)

ROLE_WORDS = (r"guests?|visitors?|counterparts?|hosts?|colleagues?|interlocutors?|side|party|"
              r"generals?|admirals?|commanders?|chiefs?|ministers?|chair|chairman|chairwoman|chairperson|deputy ministers?|vice ministers?|"
              r"deputy defen[cs]e minister|defen[cs]e minister|defen[cs]e chief|army chief|air chief|navy chief|"
              r"naval chief|military chief|officials?|officers?|dignitary|secretary|deputy secretary|"
              r"deputy secretary general|secretary general|director general|assistant minister|ambassador|"
              r"envoy|marshal|commissioner|special representative|representative|delegation|cds|jemad|coas|cns|cas|dg|"
              r"head of the [a-z ]+? department")
_ROLE = re.compile(
    rf"\b(?P<det>[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Bb]oth|(?P<possessor>[A-Z][\w\-]+)['’]s)\s+(?P<number>(?:two|three)\s+)?"
    rf"(?:(?P<visiting>visiting|accompanying|foreign|distinguished|new|top|senior)\s+)?"
    rf"(?:(?P<demonym>[A-Z][\w\-]+)\s+)?(?:(?:military|defen[cs]e|army|naval|navy|air force)\s+)?"
    rf"(?P<role>{ROLE_WORDS})\b", re.I)
_PRONOUN = re.compile(r"(?:^|[,;]\s+|\band\s+|\bthat\s+)(?P<pronoun>[Hh]e|[Ss]he)\b")
_HIGHNESS = re.compile(r"\b(?:His|Her) (?:Royal )?Highness\b(?!\s+(?:Sheikh|Shaikh|Prince|the))")
_EXCLUDE_BEFORE = re.compile(
    r"(?:greetings (?:of|from)|on behalf of|message (?:of|from)|under the (?:leadership|guidance|patronage) of|"
    r"directives? of|instructions? of|vision of|consensus reached (?:by|between)|friendship (?:of|between)|"
    r"greetings (?:of|from) [^.;]{0,120}?\b(?:and|to)|"
    r"regards to|appreciation of|visits? of|to President|to His|to Her|(?<!received )(?<!hosted )(?<!welcomed )(?<!greeted )(?<!met )by (?:President|Prime Minister)|"
    r"(?:at|on) the invitation (?:of|from)|the late|former)\s+(?:the\s+)?(?:[A-Z][\w\.\-']*\s+){0,8}$")
_HEAD_OF_STATE = re.compile(r"(?<!Deputy )(?<!Vice )(?<!Vice-)(?<!First Deputy )\b(?:President|Presidents|Prime Minister|King|Queen|Amir|Emir|Crown Prince|Sultan|"
                            r"Supreme Commander-in-Chief)\s+(?:of\s+[A-Z][\w\s]+?\s+)?(?:His Highness\s+|Sheikh\s+|Shri\s+|Mr\.?\s+)*$")
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
_DIPLOMAT = re.compile(r"\b(?:Ambassador|Embassy|Charg[ée] d'Affaires|Attach[ée]|High Commissioner|High Commission|Consul|"
                       r"Counsell?or|Envoy)\b", re.I)
# "Turkey's Hulusi Akar and the U.S.'s Mark Esper addressed security issues": the pair as one subject
_PAIR_SUBJECT = re.compile(r"\band\s+(?:the\s+)?(?:[A-Z][\w.'’\-]*\s+|(?:bin|al|ibn)\s+){1,9}(?:have\s+|had\s+|also\s+|"
                           r"jointly\s+)?(?:[a-z]+ed|touched upon|focused on)\b")
# "Yemen's Defence Minister received ...", "The Nigerian Chief of Defence Staff hosted ...": a post whose holder
# the next sentences name
_SUBJECT_POST = re.compile(r"^\W*(?:[Tt]he\s+)?([A-Z][\w.\-]+?)(?:'s|’s)?\s+(?:[A-Z][\w\-]+\s+){0,4}(?:[Mm]inister|[Cc]hief|"
                           r"[Cc]ommander|[Ss]ecretary|[Cc]hairman|[Hh]ead|[Dd]irector)\b")
_PLURAL_POST = re.compile(r"\b(?:the\s+)?((?:[A-Z][\w\-]*\s+){0,3}(?:Minister|Chief|Commander|Secretar(?=ies)))(?:s|ies)\s+of\s+"
                          r"(?:the\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+and\s+(?:the\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\b")
_SIDE_PHRASE = re.compile(r"\b(?:[Oo]n|[Ff]rom|[Ff]or) the (?P<side>[A-Z][\w\-]+) side\b|"
                          r"\b[Tt]he (?P<side2>[A-Z][\w\-]+) side (?:was|were) (?:represented|led|headed)\b")
_LOCATIVE_CITY = re.compile(r"\b(?:in|at|to|here in|arrived in|arrived at|traveled to|travelled to|visited|visiting|visit to)\s+(?:the\s+)?$")


class ArticleReader:
    def __init__(self, article: Article, use_model: bool = True) -> None:
        self.use_model = use_model
        self.article = article
        self.lex = lexicon()
        cleaned = clean_article(article.text)
        from_url = url_date(article.url)  # the last resort: "/2012/09/" in the article's address
        self.pub = publication_date(article.date, cleaned.first_line_date, cleaned.dateline_date) or (
            from_url if from_url and len(from_url) == 10 else None)
        # " date 2024-03" on a scraped first line, or "/2012/09/" in the URL: only the month is known
        self.pub_month = cleaned.first_line_date if cleaned.first_line_date and len(cleaned.first_line_date) == 7 else (
            from_url if from_url and len(from_url) == 7 and not self.pub else None)
        self.pub_date: Date | None = parse_iso(self.pub)
        # "Baku, May 13" over a story published on the 14th: its "today" is the dateline's day
        self.reference = reference_date(self.pub, cleaned.dateline_date)
        self.pub_date = parse_iso(self.reference)
        self.dateline_city = cleaned.dateline_city
        self.dateline_country = gazetteer.code_for(cleaned.dateline_city) if cleaned.dateline_city else None
        outlet = gazetteer.outlet_country(article.source)
        self.outlet_country = outlet
        self.sentences: list[Sentence] = []
        for p_index, paragraph in enumerate(cleaned.text.split("\n\n")):
            for text in split_sentences(paragraph):
                if is_shouted(text):
                    text = recase_shouted(text, self.lex.acronyms, self.lex.plain_words)
                self.sentences.append(Sentence(len(self.sentences), p_index, text))
        self.registry = Registry()
        self.article_words: frozenset[str] = frozenset()  # name words of persons named in full anywhere (read())
        self.meetings: list[MeetingDraft] = []
        self.delegations: dict[str, DelegationDraft] = {}
        self.invitations: list[InvitationDraft] = []
        self.forums: dict[str, ForumMention] = {}
        self.forum_keys: dict[str, str] = {}
        self.forum_dates: dict[str, str | None] = {}
        self.context_city = self.dateline_city
        self.context_country = self.dateline_country
        self.context_date: str | None = None
        self.visit_days = None  # (first, last) day of a visit told over several days
        self.last_subject: str | None = None
        self.current: MeetingDraft | None = None
        self.country_counts: Counter = Counter()
        self.visitors: list[str] = []
        self.visit_targets: dict[str, str] = {}  # visitor -> the state they are visiting ("on a visit to Nigeria")
        self.guessed_countries: set[str] = set()  # persons whose state only the article's setting suggests
        self.seen: dict[str, int] = {}  # person key -> last sentence that referred to them (discourse order)
        self.mention_count: Counter = Counter()
        self.sentence_index = 0
        self.joiners: set[str] = set()  # persons added to a contact by "also attended", "was present" ...
        # joiner -> (the participant they came with, evidence): "Accompanying the admiral were ...", "together with"
        self.same_side: dict[str, tuple[str, str]] = {}
        self.current_open = False  # may "also attended ..." still join the contact being told?
        self.pending: PendingDelegationContact | None = None
        self.announced: AnnouncedContact | None = None
        self._same_sentence: set[str] = set()  # persons already referred to earlier in the sentence being read

    # ------------------------------------------------------------ helpers

    def person(self, key: str) -> PersonRecord:
        return self.registry.persons[key]

    def settle_country(self, key: str, code: str | None, rule: str, evidence: str = "") -> None:
        """The one place a person's state is decided after the mentions: the first reading stands."""
        person = self.person(key)
        if person.country is None and code:
            person.country, person.country_rule, person.country_evidence = code, rule, evidence

    def country_of(self, key: str) -> str | None:
        return self.registry.persons[key].country

    def salience(self, person: PersonRecord) -> tuple[int, int]:
        return self.mention_count[person.key], self.seen.get(person.key, -1)

    def candidates(self, demonym: str | None) -> list[PersonRecord]:
        persons = [p for p in self.registry.persons.values() if p.first_sentence <= self.sentence_index]
        if demonym:
            code = gazetteer.code_for(demonym)
            if code is None:
                return []
            same = [p for p in persons if p.country == code]
            # nobody is known to be from there yet: a person whose country the text has not said may be
            return same or [p for p in persons if p.country is None]
        return persons

    # ------------------------------------------------------------ passes

    def read(self) -> Extraction:
        self.article_words = article_name_words([sentence.text for sentence in self.sentences])
        for sentence in self.sentences:
            self._mentions(sentence)
        for sentence in self.sentences:
            self._discourse(sentence)
        return self._build()

    def _mentions(self, sentence: Sentence) -> None:
        sentence.places = find_places(sentence.text)
        for place in sentence.places:
            # names and demonyms count fully; cities and institutions are weaker evidence of the home side,
            # and a subject of the talks ("support to Ukraine", "the deployment in eastern DRC") weaker still
            weight = 1.0 if place.kind in ("country", "demonym") else 0.4
            if TOPIC_BEFORE.search(sentence.text[max(0, place.start - 40):place.start]):
                weight = 0.1
            self.country_counts[place.code] += weight
        sentence.forums = find_forums(sentence.text)
        for forum in sentence.forums:
            # "the 12th ADMM, which is being hosted by Singapore", "the Shangri-La Dialogue in Singapore"
            venue = next((place for place in sentence.places if place.kind in ("city", "country") and 0 <= place.start - forum.end < 80
                          and re.fullmatch(r"[^.;]*?\b(?:in|hosted by|held in|taking place in)\s+(?:the\s+)?",
                                           sentence.text[forum.end:place.start])), None)
            # one series however the text names it ("IDEF", "International Defense Industry Fair")
            existing = self.forums.get(forum.series)
            if existing is None:
                self.forums[forum.series] = ForumMention(forum.start, forum.end, forum.name, forum.edition,
                                                         forum.city or (venue.name if venue else None), forum.aliases,
                                                         forum.series)
                continue
            existing.city = existing.city or (venue.name if venue else None)
            existing.edition = existing.edition or forum.edition
            if existing.name == forum.series and forum.name != forum.series:
                existing.name = forum.name  # the series as this text spells it
        persons = find_persons(sentence.text, self.registry.known_words() | self.article_words)
        kept = []
        for mention in persons:
            # a person's name equal to a forum or place is not a person
            if any(f.start <= mention.start < f.end for f in sentence.forums):
                continue
            record = self.registry.add(mention, sentence.index, sentence.text)
            mention.key = record.key
            if mention.counterpart and record.position is None and kept and self.person(kept[-1].key).position:
                record.position = generic_post(self.person(kept[-1].key).position)
            kept.append(mention)
        sentence.persons = kept
        # "On the Estonian side, the visitors were hosted by ...", "The Russian side was represented by ..."
        side = _SIDE_PHRASE.search(sentence.text)
        surface = gazetteer.lookup(side.group("side") or side.group("side2")) if side else None
        if surface is not None and surface.kind in ("demonym", "country"):
            for mention in kept:
                if mention.start > side.start():
                    self.settle_country(mention.key, surface.code, "country.side-phrase", sentence.text)

    def _refs(self, sentence: Sentence) -> list[tuple[int, int, str]]:
        """Person references in a sentence, in order: names, role nouns, pronouns, acronyms."""
        refs = []
        text = sentence.text
        taken = []
        for mention in sentence.persons:
            before = text[:mention.start]
            head_of_state = _HEAD_OF_STATE.search(before)
            if head_of_state and " of " in head_of_state.group(0):
                from kg.extract.mentions import country_in
                if country_in(head_of_state.group(0)) is None:
                    head_of_state = None
            if _EXCLUDE_BEFORE.search(before):
                continue
            if head_of_state and not self._bound_to_contact(text, mention):
                continue
            refs.append((mention.start, mention.end, mention.key))
            taken.append((min(mention.start, mention.span_start if mention.span_start >= 0 else mention.start),
                          max(mention.end, mention.span_end)))
        subject = refs[0][2] if refs else None
        for match in _ROLE.finditer(text):
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
                if nxt and nxt[0][0].isupper() and nxt[0].rstrip(",.") not in self.lex.non_name_words:
                    continue
            if _EXCLUDE_BEFORE.search(text[:match.start()]):
                continue
            role_text = match.group("role")
            if role_text[0].isupper() and re.match(r"\s+(?:[A-Z]|of\b|for\b)", text[match.end():]):
                continue  # "the General Headquarters", "the Minister of Defence of X" (a title, not a reference)
            previous = [r for r in refs if r[0] < match.start()]
            if match.group("role").lower().endswith("s") and len({r[2] for r in previous}) >= 2:
                continue  # "X held a call with Y, during which both ministers ...": already named
            role_subject = previous[-1][2] if previous else (subject if subject and match.start() > 0 else self.last_subject)
            self._same_sentence = {r[2] for r in previous}
            keys = resolve_role(self, match, role_subject, sentence.index)
            demonym = gazetteer.lookup(match.group("demonym") or "")
            if len(keys) == 1 and demonym is not None and demonym.kind in ("demonym", "country") \
                    and self.country_of(keys[0]) is None:
                self.settle_country(keys[0], demonym.code, "country.role-demonym", text)  # "the Vietnamese deputy minister"
            for key in keys:
                refs.append((match.start(), match.end(), key))
                taken.append((match.start(), match.end()))
        # "the head of the Turkish ... department", and with no article: "Bangladesh Army official called on ..."
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
            pool = [p for p in self.candidates(match_demonym)] if code else []
            if pool:
                refs.append((match.start(), match.end(), max(pool, key=self.salience).key))
                taken.append((match.start(), match.end()))
        for person in list(self.registry.persons.values()):
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
            titles -= {""}
            for match in (m for t in titles if len(t.split()) >= 2
                          for m in re.finditer(r"(?<![\w])" + re.escape(t) + r"(?![\w])", text, re.I)):
                if match.group(0) not in titles and not re.search(r"\b[Tt]he\s+$", text[:match.start()]):
                    continue  # in lower case only as "the army chief" for "Army Chief General X"
                if any(s <= match.start() < e or s < match.end() <= e for s, e in taken):
                    continue
                if re.match(r"\s+(?:[A-Z]|of\b)", text[match.end():]) or re.search(r"\b(?:his|her|its)\s+$", text[:match.start()]):
                    continue
                holders = [p for p in self.registry.persons.values()
                           if p.position and p.position.lower().startswith(match.group(0).lower())]
                if len(holders) == 1:
                    refs.append((match.start(), match.end(), person.key))
                    taken.append((match.start(), match.end()))
        for match in _HIGHNESS.finditer(text):
            person = next((p for p in self.registry.persons.values() if p.honorific and "Highness" in p.honorific), None)
            if person and not any(s <= match.start() < e for s, e in taken):
                refs.append((match.start(), match.end(), person.key))
        for match in re.finditer(r"\b([A-Z]{2,6})\b", text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            for person in self.registry.persons.values():
                if match.group(1) in ("UN", "EU"):
                    break
                if any(match.group(1) in acronyms(post) for post in [person.position or "", *person.other_positions]):
                    refs.append((match.start(), match.end(), person.key))
                    break
        for match in _PRONOUN.finditer(text):
            start = match.start("pronoun")
            if any(s <= start < e for s, e in taken):
                continue
            prior = [r for r in refs if r[0] < start]
            key = self.last_subject if not prior else None
            if key:
                refs.append((start, match.end("pronoun"), key))
        refs.sort()
        return refs

    def _bound_to_contact(self, text: str, mention: Mention) -> bool:
        """A head of state or government takes part only as subject or object of a contact verb
        ("President X received the minister", "met with President X"), not when named in passing."""
        span_start = mention.span_start if mention.span_start >= 0 else mention.start
        span_end = max(mention.end, mention.span_end)
        verbs = (r"(?:received|receives|hosted|welcomed|met|meets|held talks|spoke|speaks|talked|called on|"
                 r"paid a (?:courtesy )?call on|was received by|held (?:a |an )?(?:(?:tele)?phone |video )?"
                 r"(?:call|conversation|talks|meeting)|(?:call|conversation|talks|meeting|videoconference)s? with)")
        when = r"(?:today|yesterday|on \w+day|by (?:tele)?phone|over the (?:tele)?phone|separately|also)"
        after = text[span_end:span_end + 60]
        before = text[max(0, span_start - 60):span_start]
        listed = text[max(0, span_start - 160):span_start]  # "met Prime Minister A and Prime Minister B"
        return bool(re.match(rf"\s*(?:,[^,]{{0,80}},\s*)?(?:{when} )?{verbs}\b", after)
                    or re.search(rf"\b{verbs}(?:\s+{when})*\s+(?:with\s+)?(?:the\s+)?$", before)
                    or re.search(rf"\b{verbs}(?:\s+{when})*\s+(?:with\s+)?(?:the\s+)?[^.;:]{{0,120}}?(?:,\s*|\s+and\s+)$", listed))

    def _discourse(self, sentence: Sentence) -> None:
        self.sentence_index = sentence.index
        text = sentence.text
        lowered = text[0].lower() + text[1:] if text else text
        sentence.refs = refs = self._refs(sentence)
        self._visitor_cues(sentence)
        triggers = self.lex.triggers
        trigger = None
        for rule in triggers["meeting"]:
            for match in re.finditer(rule["pattern"], lowered, re.I):
                if any(f.start <= match.start() < f.end for f in sentence.forums):
                    continue  # "ASEAN Defence Ministers' Meeting" names an event
                # the earliest phrase; at one place, the longest ("received a phone call from" over "received")
                if trigger is None or (match.start(), -match.end()) < (trigger.match.start(), -trigger.match.end()):
                    trigger = Trigger(match, rule["host"], rule["id"])
                break
        future = re.search(triggers["not_meeting"], _main_clause(lowered, trigger[0].end() if trigger else None))
        date = None
        if not future:
            # what a quoted speaker calls "today" is not a date of the story
            unquoted = re.sub(r"\"[^\"]{3,}\"", " ", text)
            # "the exhibition ... will last until December 2": an end date is no date of a contact
            unquoted = re.sub(r"\b(?:until|till|through)\s+[^,.;]{1,25}", " ", unquoted)
            # "their first call since May 13": the earlier contact's date is not this one's
            unquoted = re.sub(r"\b(?:first|last|only) (?:\w+ )?since\s+[^,.;]{1,25}", " ", unquoted)
            previous = self.context_date or (self.current.date if self.current else None)
            # dates of the background: "X, who arrived on Sunday, met Y on Monday"; "the forum, which opened on ..."
            focused = re.sub(r",\s*(?:who|which)\b[^,]*(?:,|$)", ", ", unquoted)
            focused = re.sub(r"\b(?:arrived|arriving|arrives|opened|opens|began|begins|started|starts|ends|ended|"
                             r"concluded|closes|closed|kicked off|is due|was due)\b[^.;]{0,100}?"
                             r"(?:\b(?:on|since)\s+(?:\w+day|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2})|\byesterday|\btoday)",
                             " ", focused)
            span = date_range(unquoted, self.pub_date)
            if span:
                self.visit_days = span
            else:
                # "X arrived in Hanoi on Monday for a three-day official visit": the visit's days from its first
                visit = re.search(r"\b(?:arrived|arriving|began|begins|started|starts|kicked off)\b[^.;]{0,80}?\b"
                                  r"(two|three|four|five|six|seven|\d)-day\b[^.;]{0,30}?\bvisit\b|\b(two|three|four|five|six|"
                                  r"seven|\d)-day\b[^.;]{0,30}?\bvisit\b[^.;]{0,80}?\b(?:arrived|began|started)\b", unquoted)
                first = parse_iso(resolve_date(unquoted, self.pub_date, previous)) if visit else None
                if visit and first:
                    length = visit.group(1) or visit.group(2)
                    days = int(length) if length.isdigit() else \
                        ["two", "three", "four", "five", "six", "seven"].index(length) + 2
                    self.visit_days = (first, first + timedelta(days=days - 1))
            date = resolve_date(focused, self.pub_date, previous, self.visit_days)
            if date is None:
                # a visitor's arrival still dates the visit; an event's opening ("the forum, which opened
                # here on Monday") does not date the meetings held at it
                event_background = re.sub(r",\s*which\b[^,]*(?:,|$)", ", ", unquoted)
                event_background = re.sub(
                    r"\b(?:opened|opens|began|begins|started|starts|ends|ended|concluded|closes|closed|kicked off|"
                    r"is due|was due|ran|runs)\b[^.;]{0,100}?(?:\b(?:on|since|through|until)\s+(?:\w+day|\d{1,2}\s+[A-Z][a-z]+|"
                    r"[A-Z][a-z]+\.?\s+\d{1,2})|\byesterday|\btoday)", " ", event_background)
                date = resolve_date(event_background, self.pub_date, previous, self.visit_days)
            if date is None and self.pub_date is None and self.pub_month:
                # only the month of publication is known: "on March 4" still takes its year from it
                year, month = map(int, self.pub_month.split("-"))
                month_end = Date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
                date = explicit_date(focused, month_end)
        self._update_place_context(sentence)
        read_delegation_cues(self, sentence)
        join = re.search(triggers["join"], lowered)
        keys = _unique([k for _, _, k in refs])
        sides = {self.country_of(k) for k in keys} - {None}
        if trigger is not None and not future and len(keys) < 2 and self.use_model:
            refs = sentence.refs = self._model_refs(sentence, refs, trigger[0].span())
            keys = _unique([k for _, _, k in refs])
            sides = {self.country_of(k) for k in keys} - {None}
        if trigger is not None and not future and len(keys) == 1 and _SUBJECTLESS_CONTACT.match(text) \
                and self.last_subject and self.last_subject != keys[0] \
                and self.country_of(self.last_subject) != self.country_of(keys[0]):
            # "During the meeting with Georgian Defence Minister X, the two discussed ...": the other side is
            # the one the story is about
            refs = sentence.refs = [(0, 0, self.last_subject)] + refs
            keys = _unique([k for _, _, k in refs])
            sides = {self.country_of(k) for k in keys} - {None}
        if trigger is not None and len(keys) == 1 and re.search(r"\bthe (?:visiting |[A-Z][\w\-]+ )?delegation\b", text) \
                and trigger.rule != "meeting.delegation-escorted-by":
            # "X welcomed the Brazilian delegation ...": the delegation whose leader the story named before
            named = {m.key for m in sentence.persons}
            leader = next((k for k, d in reversed(self.delegations.items()) if k not in named
                           and (d.country or self.country_of(k)) not in (None, self.country_of(keys[0]))), None)
            if leader:
                refs = sentence.refs = refs + [(len(text), len(text) + 1, leader)]
                keys = _unique([k for _, _, k in refs])
                sides = {self.country_of(k) for k in keys} - {None}
        if trigger is not None and trigger.rule == "meeting.delegation-escorted-by" and len(keys) == 1:
            # "The Eritrean delegation, accompanied by General X of the Ethiopian Defense Forces, visited ...": the
            # delegation told before, escorted by its host
            escort_side = self.country_of(keys[0])
            leader = next((k for k, d in reversed(self.delegations.items())
                           if (d.country or self.country_of(k)) not in (None, escort_side)), None)
            if leader:
                refs = sentence.refs = [(0, 0, leader)] + refs
                keys = _unique([k for _, _, k in refs])
                sides = {self.country_of(k) for k in keys} - {None}
        historical = date is None and self.pub_date is not None and (
            any(int(y) < self.pub_date.year for y in re.findall(r"\b(?:in|since|during|back in)\s+((?:19|20)\d\d)\b", text))
            or re.search(r"\b(?:last year|years ago|in the past|recalled that|previously met|[Tt]he last (?:[\w\-]+ ){0,2}"
                         r"(?:meeting|meet|talks|call|conversation|visit) (?:between|of|with))\b", text))
        sentence.date = date
        if not future and not historical:
            visit = None if trigger else next((rule["id"] for rule in triggers["visit"]
                                               if re.search(rule["pattern"], lowered, re.I)), None)
            sentence.contact = trigger.rule if trigger else visit
        if self.announced and sentence.index - 3 <= self.announced.sentence < sentence.index and self.announced.peoples \
                and (_BACK_REFERENCE.match(text) or trigger is not None and not future
                     or any(m.counterpart for m in sentence.persons)):
            # "... with his U.S. and Japanese counterparts. During talks with A and B": the peoples in order;
            # "The Russian deputy minister and his Saudi counterpart discussed ... 'A and B discussed ...'"
            unplaced = [m.key for m in sentence.persons if self.country_of(m.key) is None]
            placed = {self.country_of(m.key) for m in sentence.persons} - {None}
            remaining = [code for code in self.announced.peoples if code not in placed]
            if unplaced and len(unplaced) == len(remaining):
                for key, code in zip(unplaced, remaining):
                    self.settle_country(key, code, "country.counterparts-announced", text)
            sides = {self.country_of(k) for k in keys} - {None}
        is_meeting = trigger is not None and not future and not historical and len(keys) >= 2
        if not is_meeting and trigger is None and not future and not historical and len(sides) >= 2 \
                and self.announced and sentence.index - 3 <= self.announced.sentence < sentence.index \
                and (any(m.counterpart for m in sentence.persons) or _PAIR_SUBJECT.search(text)):
            # "US and Russian Defence Ministers spoke on the phone ... In his remarks, A emphasized to his Russian
            # counterpart B ...": the contact announced without names, named now
            trigger = Trigger(re.search(r"counterpart", text) or _PAIR_SUBJECT.search(text), "neutral",
                              "meeting.announced-then-named")
            is_meeting = True
        if not is_meeting and not future and not historical and trigger is None and self.pending is None:
            # "The South African delegation was led by A, while the Zimbabwean delegation was led by B": two
            # delegations of different states, each with its leader, in one sentence meet each other
            leaders = [k for k, d in self.delegations.items() if text in d.evidence and k in keys]
            states = [self.country_of(k) or self.delegations[k].country for k in leaders]
            if len(leaders) >= 2 and not (None not in states and len(set(states)) == 1):
                trigger = Trigger(re.search(r"\bdelegation", text), "neutral", "meeting.two-delegations")
                is_meeting = True
        if is_meeting and join and (len(sides) < 2 or join.start() < trigger[0].start() and "accompanied" not in join.group(0)):
            is_meeting = False
        if not is_meeting and trigger is not None and not future and not historical and len(keys) == 1 \
                and re.search(r"\bdelegations?\b", text) and not join:
            # "X received a delegation of the Y Army." -- its leader is named in the next sentences
            self.pending = PendingDelegationContact(sentence, trigger, refs, date, len(self.delegations))
        elif is_meeting:
            self.pending = None
        if self.pending and not is_meeting and self.pending.sentence.index < sentence.index <= self.pending.sentence.index + 2 \
                and len(self.delegations) > self.pending.delegations_before:
            pending = self.pending
            p_sentence, p_trigger, p_refs, p_date, count = (pending.sentence, pending.trigger, pending.refs, pending.date,
                                                            pending.delegations_before)
            leaders = list(self.delegations)[count:]
            end = len(p_sentence.text) + 1
            extra = [(end + i, end + i + 1, leader) for i, leader in enumerate(leaders)
                     if leader not in {k for _, _, k in p_refs}]
            self.pending = None
            before = self.current
            if extra:
                self.current = None
                self._meeting(p_sentence, p_trigger, p_refs + extra, p_date)
            if extra and self.current is None:
                self.current = before
            elif extra:
                self.current.with_delegation = True
                self.current.delegation_leaders.update(leaders)
                if text not in self.current.evidence:
                    self.current.evidence.append(text)
                self.current_open = True
        if trigger is not None and not is_meeting and not future and not historical and len(keys) <= 1:
            # "X held a video conference with his U.S. and Japanese counterparts": told on in the next sentences
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
            if codes or not (self.announced and self.announced.peoples and sentence.index - 2 <= self.announced.sentence):
                self.announced = AnnouncedContact(sentence.index, self._mode(text), codes)  # "The call on Friday ...": the same one
        if is_meeting:
            told = self.current
            self._meeting(sentence, trigger, refs, date)
            self.current_open = True
            if told is not None and self.current is not told and self.current is self.meetings[-1] \
                    and _BACKGROUND_OPENER.match(text):
                self.current = told  # "Last month, X held talks with Y in Manila.": an aside; the story goes on
        elif join and self.current is not None and not future and (
                self.current_open or re.search(r"\b(?:both|all (?:three|four|the))\b", lowered)):
            self._join(sentence, join, refs)
        elif re.search(triggers["activity_switch"], lowered):
            self.current_open = False
        elif self.current is not None and self.current_open and not future and _topic(text):
            self.current.context.append(text)
        if trigger is not None and not future and not historical and not join:
            self._unnamed_counterparts(sentence, trigger, refs, date)
            if not is_meeting:
                self._institution_host(sentence, trigger, refs, date)
        if re.search(triggers["invitation_of"], lowered):
            read_invitation_of(self, sentence, refs)
        elif re.search(triggers["invitation"], lowered) and not re.search(triggers["not_invitation"], lowered):
            read_invitation(self, sentence, refs)
        if date and not future:
            self.context_date = date
        # the subject "he" will stand for: not one named "on behalf of", "greetings from" ... (see _EXCLUDE_BEFORE)
        subjects = [k for start, _, k in refs if not _EXCLUDE_BEFORE.search(text[:start])
                    and not re.search(r"\b(?:on behalf of|greetings (?:of|from)|message (?:of|from))\s+[^,;]{0,60}$", text[:start])]
        if subjects:
            self.last_subject = subjects[0]
        for key in {key for _, _, key in refs}:  # once a sentence, however often it names them
            self.seen[key] = sentence.index
            self.mention_count[key] += 1

    def _model_refs(self, sentence: Sentence, refs, trigger_span: tuple[int, int]):
        """Add PERSON entities the rules did not anchor (see kg.extract.ner)."""
        from kg.extract import ner
        from kg.extract.mentions import Mention, clean_name

        taken = [(s, e) for s, e, _ in refs] + [(m.span_start, m.span_end) for m in sentence.persons]
        added = list(refs)
        # cheap guard before the model: a capitalised word next to the verb that nothing else explains
        window = sentence.text[max(0, trigger_span[0] - 60):trigger_span[1] + 60]
        offset = max(0, trigger_span[0] - 60)
        candidates = [m for m in re.finditer(r"(?<![\w'])[A-Z][a-zà-ÿ'\-]+", window)
                      if m.group(0) not in self.lex.non_name_words and m.group(0) not in self.lex.position_heads
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
            appositive = re.fullmatch(r"\s*(?:the|his|her|their)\s+(?:[\w\-]+\s+){0,3}[\w\-]+,\s*", between)
            if not (listed or appositive) and ("," in between or len(between.split()) > 4
                                               or re.search(r"\b(?:of|memory|tomb|mausoleum)\b", between)):
                continue
            name = clean_name(sentence.text[start:end])
            words = name.split()
            if not words or any(w in self.lex.non_name_words or w in self.lex.position_heads for w in words):
                continue
            if any(f.start <= start < f.end for f in sentence.forums) or any(
                    p.start <= start < p.end for p in sentence.places):
                continue
            mention = Mention(start, end, name, anchored=False, span_start=start, span_end=end)
            record = self.registry.add(mention, sentence.index, sentence.text)
            mention.key = record.key
            sentence.persons.append(mention)
            added.append((start, end, record.key))
            last_accepted = end
        added.sort()
        return added

    # ------------------------------------------------------------ cues

    def _visitor_cues(self, sentence: Sentence) -> None:
        text = sentence.text
        for start, end, key in sentence.refs:
            # up to the next person named: "On the invitation extended by Asif, X ... is visiting": X visits
            following = [s for s, _, k in sentence.refs if s >= end and k != key]
            tail = text[end:min([end + 120] + following)]
            head = text[max(0, start - 60):start]
            if re.match(r"[^.]{0,60}?\b(?:who (?:is|was) (?:on|in|currently)|who arrived|(?:is|was) on (?:a|an|his|her) "
                        r"(?:[\w\-]+ ){0,3}?visit|paid (?:a|an) (?:[\w\-]+ ){0,3}?visit to|"
                        r"is visiting|arrived (?:in|at|on)|(?:who )?(?:is leading|led) (?:a|an|the|his|her) (?:[\w\-]+ ){0,3}?"
                        r"(?:delegation|team|party)|at the head of|"
                        r"led (?:a|an|the|his|her) (?:[\w\-]+ ){0,3}?delegation to|visited [A-Z]|"
                        r"is in [A-Z][\w]+ (?:on|for|to))", tail) \
                    or re.search(r"\b(?:visiting|guest|led by|headed by)\s+(?:[A-Z][\w\-'.]*\s+|of\s+|the\s+){0,8}$", head):
                if key not in self.visitors:
                    self.visitors.append(key)
                target = re.search(r"\b(?:visit(?:ing|ed)?|delegation|arrived in|arrives in|arriving in)\s+(?:to\s+)?(?:the\s+)?"
                                   r"((?:[A-Z][\w\-']*\s*){1,4})", tail)
                # "a visit to Nigeria", "an official visit to Paris" (a city stands for its state)
                code = (country_in(target.group(1)) or gazetteer.code_for(target.group(1).strip())) if target else None
                if code and not gazetteer.is_international_body(code):
                    self.visit_targets.setdefault(key, code)

    def _update_place_context(self, sentence: Sentence) -> None:
        text = sentence.text
        inside_names = [(m.start, m.end) for m in sentence.persons]
        sentence.places = [p for p in sentence.places if not any(s <= p.start < e for s, e in inside_names)]
        if re.search(r"\b(?:invit|will|to be held|scheduled|expected to|next year|plans to)", text):
            return
        for place in sentence.places:
            if place.kind == "city" and _LOCATIVE_CITY.search(text[max(0, place.start - 30):place.start]):
                self.context_city = place.name
                self.context_country = place.code
                return
        for forum in sentence.forums:
            if forum.city:
                if not any(p.kind == "city" and not forum.start <= p.start < forum.end for p in sentence.places):
                    self.context_city = forum.city
                    self.context_country = gazetteer.code_for(forum.city)
        for place in sentence.places:
            if place.kind == "country" and re.search(r"\b(?:visit to|visiting|visited|visits|arrived in|trip to|travell?ed to|"
                                                     r"tour of)\s+(?:the\s+)?$",
                                                     text[max(0, place.start - 25):place.start]):
                if self.context_country != place.code:
                    self.context_country = place.code
                    self.context_city = None
                return

    # ------------------------------------------------------------ meetings

    def _mode(self, text: str) -> str:
        triggers = self.lex.triggers
        if re.search(triggers["video_markers"], text, re.I):
            return "video"
        if re.search(triggers["call_markers"], text, re.I) and not re.search(r"courtesy call|call(?:ed|s)? on", text):
            return "call"
        return "in_person"

    def _meeting(self, sentence: Sentence, trigger, refs, date: str | None) -> None:
        match, direction, _ = trigger
        text = sentence.text
        # "the spokesman said that the minister received ...": the speaker is not a participant
        # ("X is said to have met Y", "X was reported to have met Y": X met Y)
        reports = [r for r in re.finditer(r"\b(?:said|says|told|announced|reported|informed [\w\s]{0,20}?)(?: that)?\b(?! to\b)",
                                          text[:match.start()])
                   # "X said at a meeting with Y": the speaker speaks at the contact and takes part in it
                   if not re.fullmatch(r"\s+(?:at|during|in the course of|on the sidelines of)\s+(?:a|an|the|his|her)?\s*"
                                       r"(?:\w+\s+){0,2}", text[r.end():match.start()])]
        if reports:
            refs = [r for r in refs if r[0] >= reports[-1].end()]
        # "..., Pentagon spokesman Navy Capt. Jeff Davis said.": who reports the contact is not in it
        refs = [r for r in refs if not (r[0] > match.end() and (
            re.fullmatch(r"\s*(?:said|says|told reporters|stated|added|noted)(?:\s+(?:in|on)\s+[^,.;]{0,60})?\s*[.;]?\s*",
                         text[r[1]:])
            or _SPOKESPERSON.search(text[max(match.end(), r[0] - 60):r[0]])))]
        keys = _unique([k for _, _, k in refs])
        named = {m.key for m in sentence.persons}
        # a side must be in sight: a person's known state, or a state named in the sentence itself
        # ("... with Khalid bin Salman, the Saudi minister of defense, General X discussed ...")
        settled = {self.country_of(k) for k in keys} - {None}
        in_sight = settled or {p.code for p in sentence.places if p.kind in ("country", "demonym", "body")} \
            or any(k in self.visit_targets for k in keys)
        if not in_sight or len(keys) < 2:
            return
        joint = re.search(r"\b(?:trilateral|three-way|tripartite|joint(?:ly)?|together|multilateral|all three|quadrilateral|"
                          r"conference call)\b", text)
        separately = re.search(r"\b(?:respectively|separately|separate|individually|one after another|in turn|"
                               r"bilateral meetings|series of (?:bilateral )?meetings)\b", text)
        # "X called on A, B and C" / "held separate meetings with A, B and C": one contact with each, even of one state
        one_by_one = bool(separately) or (direction == "object" and not joint)
        if one_by_one and not separately:
            # only a plain list after the verb: nobody named past the end of the list ("... and discussed with X")
            stop = _POST_LIST_END.search(text, match.end())
            one_by_one = not (stop and any(r[0] >= stop.start() for r in refs))
        # "X received A, B and C" / "X met A, B and C" in person: one contact each; a call with several is one call
        named_here = all(r[0] < len(text) for r in refs)  # not leaders of a delegation named in later sentences
        if not separately and (direction == "subject" or direction == "neutral" and self._mode(text) == "in_person"
                               and named_here) and not re.search(
                r"\b(?:trilateral|three-way|tripartite|joint(?:ly)?|together|multilateral|all three|quadrilateral)\b", text):
            subject = [r for r in refs if r[1] <= match.start() + 1]
            guest_sides = {self.country_of(r[2]) for r in refs if r[0] >= match.end() - 1} - {None}
            host_sides = {self.country_of(r[2]) for r in subject}
            # (one guest whose state the text leaves unsaid does not keep the others together)
            separately = len(guest_sides) >= 2 and not guest_sides & host_sides and \
                sum(not self.country_of(r[2]) for r in refs if r[0] >= match.end() - 1) <= (1 if len(guest_sides) >= 3 else 0)
        if separately or one_by_one:
            subject = [r for r in refs if r[1] <= match.start() + 1]
            counterparts = [r for r in refs if r[0] >= match.end() - 1]
            by_side: dict = {}
            for ref in counterparts:
                group = ref[2] if one_by_one else self.country_of(ref[2]) or ref[2]
                by_side.setdefault(group, []).append(ref)
            if subject and len(by_side) >= 2:
                for group in by_side.values():
                    self.current = None
                    self._meeting_group(sentence, trigger, subject + group, date)
                return
        # "A (Turkish) as well as B (Azerbaijani) ... held meetings with C and D (Georgian)": one contact per visitor
        if re.search(r"\bmeetings\b", match.group(0)) and not joint:
            subject = [r for r in refs if r[1] <= match.start() + 1]
            counterparts = [r for r in refs if r[0] >= match.end() - 1]
            subject_sides: dict = {}
            for ref in subject:
                subject_sides.setdefault(self.country_of(ref[2]), []).append(ref)
            other_sides = {self.country_of(r[2]) for r in counterparts} - {None}
            if len(subject_sides) >= 2 and None not in subject_sides and len(other_sides) == 1 \
                    and not other_sides & set(subject_sides):
                for group in subject_sides.values():
                    self.current = None
                    self._meeting_group(sentence, trigger, group + counterparts, date)
                return
        # "..., and with Y" / "called on X, after which he held discussions with Y": two contacts of one subject
        split = re.search(r"(?:,\s*|\s)and with\b|;\s*with\b|,\s*(?:after which|following which|before|and then|and later|"
                          r"then)\s+(?:he|she|they|the \w+)?\s*(?:also\s+)?(?:held|met|had|called|paid|visited|received)\b|"
                          r",?\s+and\s+(?:also\s+)?(?:held|had)\s+(?:[\w\-]+\s+)?(?:talks|meetings?|discussions|consultations)\s+with\b",
                          text[match.end():])
        if split:
            cut = match.end() + split.start()
            subject = [r for r in refs if r[1] <= match.start() + 1]
            first = [r for r in refs if match.start() < r[0] < cut]
            second = [r for r in refs if r[0] >= cut]
            if subject and first and second:
                self._meeting(sentence, trigger, subject + first, date)
                self.current = None
                self._meeting(sentence, trigger, subject + second, date)
                return
        if self.current is not None and self.current.mode == self._mode(text) and date in (None, self.current.date):
            principals = {}
            for k in keys:
                principals.setdefault(self.country_of(k), k)
            principals.pop(None, None)
            if len(principals) >= 2 and set(principals.values()) <= set(self.current.participants):
                # the same principals again, with new companions named ("... and his delegation, which includes X")
                self._add_to_current(keys, text)
                return
        if self.current is not None and date in (None, self.current.date) and _BACK_REFERENCE.match(text) \
                and not self._elsewhere(sentence, self.current):
            # "During talks with the two generals, A and B, ...": those named take part in the contact being told
            self._add_to_current(keys, text)
            return
        if self.current is not None and date in (None, self.current.date) \
                and not (self.current.mode == "in_person" and self._mode(text) != "in_person") \
                and not self._elsewhere(sentence, self.current) \
                and not any(k in named and k not in self.current.participants for k in keys):
            # nobody new is named: the contact being told goes on ("During the meeting, the minister ...")
            if set(keys) <= set(self.current.participants) or not any(k in named for k in keys):
                if text not in self.current.evidence:
                    self.current.evidence.append(text)
                if re.search(r"\bdelegation\b", text):
                    self.current.with_delegation = True
                return
        mode = self._mode(text)
        mode = self.lex.meeting_modes.get(trigger.rule, mode)  # "Secretary X called the Qatari Minister Y": a call
        if mode == "in_person" and self.announced and (
                self.announced.sentence == sentence.index - 1 and _BACK_REFERENCE.match(text)
                or trigger.rule == "meeting.announced-then-named"):
            mode = self.announced.mode  # "During talks with the two generals, A and B": the contact just announced
        if mode == "in_person" and (re.match(r"(?:spoke|spoken|speaks|talked)\b", match.group(0)) or (
                re.search(r"\b(?:conversation|call)\b", text) and not re.search(r"courtesy call|call(?:ed|s)? (?:on|upon)", text))) \
                and self.meetings \
                and self.meetings[-1].mode != "in_person" and not any(p.kind == "city" for p in sentence.places):
            mode = self.meetings[-1].mode  # "A day earlier, X had spoken with Y" in a story of calls
        elif mode == "in_person" and trigger.rule == "meeting.spoke-by-phone" \
                and not any(p.kind == "city" for p in sentence.places) \
                and not re.search(r"\b(?:visit|arriv|here|met|meeting|sidelines|margins|ceremony)\w*", text, re.I):
            mode = "call"  # "X spoke with Y" and no place: a call (see _doc_spoke_mode in triggers.json)
        city = None
        venue_country = None
        inside_names = [(m.start, m.end) for m in sentence.persons]
        for place in sentence.places:
            if any(s <= place.start < e for s, e in inside_names):
                continue  # "Tomas Kaunas": a surname, not the city
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
        headquarters = re.search(r"\b(NATO|UN|EU|United Nations|African Union|ASEAN|SCO|CSTO) Headquarters\b", text)
        if headquarters:
            body = gazetteer.code_for(headquarters.group(1))
            seat = gazetteer.body_seat(body) if body else None
            if seat:
                city = city or seat[0]
                venue_country = venue_country or seat[1]
        sidelines = bool(re.search(r"\b(?:sidelines|margins|conference|summit|forum|dialogue|exhibition|show)\b", text, re.I)) or any(
            re.search(r"\b(?:sidelines|margins|attending)\b", text[max(0, f.start - 40):f.start]) for f in sentence.forums)
        if not sidelines and city is None and venue_country is None and self.meetings and self.meetings[-1].sidelines \
                and self.meetings[-1].mode == mode == "in_person" and (date or self.context_date) in (None, self.meetings[-1].date):
            sidelines = True  # "She also met her Malaysian counterpart ...": the forum story goes on
        if city is None and venue_country is None and mode == "in_person":
            city, venue_country = self.context_city, self.context_country
        if mode != "in_person":
            city = venue_country = None
        before = [k for s, e, k in refs if e <= match.start() + 1]
        after = [k for s, e, k in refs if s >= match.end() - 1]
        host_person = None
        if direction == "subject" and before:
            host_person = before[0]
        elif direction == "object" and after:
            host_person = after[0]
        meeting_date = date or self.context_date or (self.current.date if self.current else None) or self.reference
        with_delegation = bool(re.search(r"\bdelegation\b|\bguests\b", text))
        draft = MeetingDraft(keys, meeting_date, mode, None, city, venue_country, [text], sentence.paragraph,
                             sidelines=sidelines, with_delegation=with_delegation, host_direction=direction,
                             host_person=host_person, sides_unsettled=not settled, rule=trigger.rule)
        for key in keys:
            if key in self.delegations and re.search(r"\bdelegation\b", text):
                draft.delegation_leaders.add(key)
        # the same contact told again ("During the meeting, ...", "At the end of the meeting ...")
        target = self._same_meeting(draft, dated=date is not None)
        if target is not None:
            for key in keys:
                if key not in target.participants:
                    target.participants.append(key)
            if text not in target.evidence:
                target.evidence.append(text)
            target.with_delegation = target.with_delegation or with_delegation
            target.delegation_leaders |= draft.delegation_leaders
            self.current = target
            return
        self.meetings.append(draft)
        self.current = draft

    def _add_to_current(self, keys: list[str], text: str) -> None:
        for key in keys:
            if key not in self.current.participants:
                self.current.participants.append(key)
        if text not in self.current.evidence:
            self.current.evidence.append(text)

    def _unnamed_counterparts(self, sentence: Sentence, trigger, refs, date: str | None) -> None:
        """"During the visit, X met the Chief of Defence Staff, the Chief of Army Staff and the Defence
        Secretary": one contact per post named without its holder (or with a holder named earlier); the
        other side is the state visited, settled with the article's states."""
        match, direction, _ = trigger
        if direction == "subject":
            return
        text = sentence.text
        before = [r for r in refs if r[1] <= match.start() + 1]
        # each person's whole mention, title and appositive included ("Italy's Undersecretary ..., Chiara Ferrante")
        names = [(m.span_start if m.span_start >= 0 else m.start, max(m.end, m.span_end)) for m in sentence.persons]
        if not before:
            return
        visitor = before[-1][2]
        tail = text[match.end():]
        # "had a meeting on Tuesday with UAE Minister ...": the list begins after "with"
        # "... met, at the forum's sidelines, with ...": an aside before "with"
        lead = re.match(r"\s*(?:,?\s*(?:at|on|in|during)\s[^,]{1,60},\s*)?(?:(?:on|in|at|this|last)\s+[\w\-]+\s+)*with\s+", tail)
        offset = lead.end() if lead else 0
        tail = tail[offset:]
        stop = _POST_LIST_END.search(tail)
        listed = tail[:stop.start() if stop else len(tail)]
        # "the Defense Ministers of Russia and Egypt": one post for each state
        listed = _PLURAL_POST.sub(lambda m: ", ".join(f"the {m.group(1)}{'y' if m.group(1).endswith('Secretar') else ''} of {state}"
                                                      for state in m.group(2, 3)), listed)
        # "his counterparts from Lithuania, Latvia and Luxembourg": one unnamed counterpart of each state
        listed = re.sub(r"\b(his|her|their) counterparts from ((?:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?(?:,\s*|\s+and\s+|,\s*and\s+))+"
                        r"[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)",
                        lambda m: ", ".join(f"{m.group(1)} {state} counterpart"
                                            for state in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group(2))), listed)
        items = [item for item in re.split(r",\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+", listed)
                 if item.strip(" ,")]
        posts = []
        cursor = match.end() + offset
        named_end = -1  # where the last item naming a person ended
        for item in items:
            item_start = text.find(item, cursor)
            cursor = item_start + len(item) if item_start >= 0 else cursor
            if item_start >= 0 and any(s < item_start + len(item) and item_start < e for s, e in names):
                named_end = cursor
                continue  # a counterpart named in the list (or this post's holder): the ordinary rules read it
            if item_start >= 0 and named_end >= 0 and re.fullmatch(r"\s*,\s*", text[named_end:item_start]) \
                    and not re.match(r"\s*,?\s*(?:and|as well as)\b", text[cursor:]):
                # "General X, the Angolan Special Forces Commander, in Brussels": X's post in apposition, no one
                # else ("President X, the Defence Minister and the Chairman ...": a list goes on)
                continue
            # "paid a courtesy call on his US counterpart": a counterpart unnamed, of a named state
            unnamed_counterpart = re.fullmatch(r"\s*(?:his|her|their)\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+"
                                               r"(?:counterparts?|colleagues?)\s*", item)
            if unnamed_counterpart and gazetteer.code_for(unnamed_counterpart.group(1)):
                appositive = re.match(r"\s*,\s*", text[cursor:])  # "his Hungarian counterpart, Tamas Varga,"
                named_next = appositive is not None and any(s == cursor + appositive.end() for s, _ in names)
                if not named_next and not (item_start >= 0 and any(item_start <= r[0] < item_start + len(item) for r in refs)):
                    posts.append((f"{unnamed_counterpart.group(1)} counterpart", None))
                continue  # ... unless the story named them before ("his US counterpart": General X, told earlier)
            post = re.sub(r"^\s*(?:with\s+)?(?:the|his|her|their)\s+", "", item).strip(" .")
            post = re.sub(r"\s*\([A-Z][\w\-]*\)$", "", post)  # "(DGMO)"
            words = post.split()
            if not words or not _POST_WORDS.fullmatch(post) or not any(w in self.lex.position_heads for w in words) \
                    or words[0] in ("Ministry", "Headquarters", "Office") or len(words) > 12:
                return  # not a plain list of posts: leave the sentence to the other rules
            # a post that a reference inside it resolves ("called on COAS", "the Chief of Army Staff" named before)
            inside = [r[2] for r in refs if item_start >= 0 and item_start <= r[0] < item_start + len(item)]
            posts.append((post, inside[0] if inside else None))
        for post, holder in posts:
            if holder is None:
                holders = [p for p in self.registry.persons.values() if p.key != visitor and p.position
                           and _same_post(post, p.position)]
                holder = holders[0].key if len(holders) == 1 else None
            participants = [visitor] + ([holder] if holder and holder != visitor else [])
            if len(participants) == 2 and any(set(participants) <= set(m.participants) for m in self.meetings):
                continue  # the holder's contact is read already
            city, venue_country = self.context_city, self.context_country
            for place in sentence.places:
                if place.kind == "city":
                    city, venue_country = place.name, place.code
            own_state = country_in(post)
            draft = MeetingDraft(participants, date or self.context_date or self.reference, self._mode(text),
                                 None, city, venue_country, [text], sentence.paragraph, host_direction="neutral",
                                 unnamed_post=post, unnamed_side=own_state, rule=f"{trigger.rule} + meeting.unnamed-post")
            if not any(m.unnamed_post == post and m.participants == participants for m in self.meetings):
                self.meetings.append(draft)

    def _institution_host(self, sentence: Sentence, trigger, refs, date: str | None) -> None:
        """"The Papua New Guinea Defence Force hosted Fiji's commander X": an institution of a state receives a
        named guest; the contact's other side is the institution's state, with no person named for it."""
        match, direction, _ = trigger
        text = sentence.text
        if direction != "subject" or any(r[1] <= match.start() + 1 for r in refs):
            return
        guests = [r[2] for r in refs if r[0] >= match.end() - 1]
        hosts = [p for p in sentence.places if p.end <= match.start() and p.kind in ("institution", "country", "demonym")]
        if len(set(guests)) != 1 or not hosts:
            return
        side = hosts[0].code
        if gazetteer.is_international_body(side) and hosts[0].kind != "institution":
            return
        draft = MeetingDraft(guests[:1], date or self.context_date or self.reference, self._mode(text), None,
                             None, None, [text], sentence.paragraph, host_direction="subject",
                             unnamed_post=hosts[0].name, unnamed_side=side, unnamed_host=True,
                             rule=f"{trigger.rule} + meeting.institution-hosts")
        self.meetings.append(draft)
        self.current = draft

    def _visited_state(self, draft: MeetingDraft) -> str | None:
        """The state a visitor was in: the venue, else the dateline's, else the state the article names most."""
        home = {self.country_of(k) for k in draft.participants} - {None}
        for code in (draft.venue_country, self.dateline_country):
            if code and code not in home and not gazetteer.is_international_body(code):
                return code
        return next((code for code, _ in self.country_counts.most_common()
                     if code not in home and not gazetteer.is_international_body(code)), None)

    def _meeting_group(self, sentence: Sentence, trigger, refs, date: str | None) -> None:
        """One of several contacts told in one sentence ("met respectively with A and B")."""
        text = sentence.text
        masked = re.sub(r"\b(?:respectively|separately|separate|individually)\b", "", text)
        saved = sentence.text
        sentence.text = masked
        try:
            self._meeting(sentence, Trigger(re.search(re.escape(trigger.match.group(0)), masked[0].lower() + masked[1:], re.I)
                                            or trigger.match, trigger.direction, trigger.rule), refs, date)
        finally:
            sentence.text = saved
            if self.current is not None and masked in self.current.evidence:
                self.current.evidence[self.current.evidence.index(masked)] = saved

    def _elsewhere(self, sentence: Sentence, meeting: MeetingDraft) -> bool:
        """The sentence places its contact in another state's city than ``meeting`` ("... the day before in Budapest")."""
        if not meeting.city:
            return False
        inside_names = [(m.start, m.end) for m in sentence.persons]
        for place in sentence.places:
            if place.kind != "city" or any(s <= place.start < e for s, e in inside_names):
                continue
            window = sentence.text[max(0, place.start - 40):place.start]
            if place.code != (meeting.venue_country or gazetteer.code_for(meeting.city)) and \
                    _LOCATIVE_CITY.search(window[-30:]) and not TOPIC_BEFORE.search(window) and \
                    not re.search(r"\b(?:situation|security|crisis|war|conflict|events?|developments?|attack|"
                                  r"embassy|ambassador|based|stationed|forces|troops)\b[^,.;]{0,20}$", window):
                return True
        return False

    def _same_meeting(self, draft: MeetingDraft, dated: bool = False) -> MeetingDraft | None:
        """An earlier contact this one repeats: same mode, nobody new, same day (or the one being told, unless
        the sentence dates its contact to another day)."""
        for meeting in reversed(self.meetings):
            if meeting.mode != draft.mode:
                continue
            if dated and meeting.date and draft.date and meeting.date != draft.date:
                continue
            if draft.city and meeting.city and draft.mode == "in_person" and \
                    gazetteer.code_for(draft.city) != gazetteer.code_for(meeting.city):
                continue  # the same people met again elsewhere
            if set(draft.participants) <= set(meeting.participants) and (
                    draft.date == meeting.date or meeting is self.current):
                return meeting
        return None

    def _join(self, sentence: Sentence, join: re.Match, refs) -> None:
        text = sentence.text
        keys = _unique([k for _, _, k in refs])
        lowered = text.lower()
        targets = [self.current]
        if re.search(r"\b(?:both|all (?:three|four|the|of the)|each of the)\b(?: of)?(?: [\w']+)? "
                     r"(?:meetings|calls|engagements|talks|sessions)", lowered) or "both of" in lowered:
            principal = None
            owner = re.search(r"\b(?:both|all three) of ([A-Z][\w\-]+)'s meetings", text)
            if owner:
                principal = next((p.key for p in self.registry.persons.values()
                                  if owner.group(1).casefold() in p.words), None)
            targets = [m for m in self.meetings if principal is None or principal in m.participants]
            if not principal and keys:
                leader_meetings = [m for m in self.meetings if keys[0] in m.participants]
                targets = leader_meetings or targets
        joined_by_new_party = re.search(r"\bthen joined by\b", lowered)
        for meeting in targets:
            new = [k for k in keys if k not in meeting.participants]
            if not new:
                continue
            sides = {self.country_of(k) for k in meeting.participants}
            if joined_by_new_party and any(self.country_of(k) not in sides for k in new):
                copy = MeetingDraft(list(meeting.participants) + new, meeting.date, meeting.mode, meeting.host,
                                    meeting.city, meeting.venue_country, [text], sentence.paragraph,
                                    meeting.sidelines, meeting.with_delegation, set(meeting.delegation_leaders),
                                    meeting.host_direction, meeting.host_person, rule=f"{meeting.rule} + meeting.joined-by")
                self.meetings.append(copy)
                self.current = copy
                continue
            meeting.participants.extend(new)
            self.joiners.update(new)
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
            if companion:
                for key in new:
                    if key != companion:
                        self.same_side.setdefault(key, (companion, text))  # settled with the states (sides.py)

    # ------------------------------------------------------------ invitations

    # ------------------------------------------------------------ output

    def _build(self) -> Extraction:
        extraction = Extraction(article=self.article, date=self.pub)
        if self.pub is None:
            extraction.warnings.append("no publication date (input field, scraped first line or dateline): "
                                       "relative dates such as 'on Tuesday' were left unresolved")
        self.meetings = _without_headline_copies(self.meetings, self.reference)
        # delegation members join meetings the delegation took part in
        for meeting in self.meetings:
            for leader, delegation in self.delegations.items():
                if leader not in meeting.participants:
                    continue
                if leader in meeting.delegation_leaders or (meeting.with_delegation and leader in self.visitors) or \
                        (delegation.members_in_context and not meeting.sidelines and meeting is self._first_meeting_of(leader)):
                    for key in delegation.members:
                        if key not in meeting.participants:
                            meeting.participants.append(key)
        used: set[str] = set()
        for meeting in self.meetings:
            used.update(meeting.participants)
        for delegation in self.delegations.values():
            used.add(delegation.leader)
            used.update(delegation.members)
        for invitation in self.invitations:
            used.update((invitation.inviter, invitation.invitee))
        assign_countries(self, used)
        for leader, delegation in self.delegations.items():
            delegation.country = delegation.country or self.country_of(leader)
        # contacts told as one but held separately ("bilateral meetings with A, B and C"): one per side
        self.meetings = separate_contacts(self.meetings, self.country_of, self.dateline_country or self.outlet_country,
                                          self._most_told)
        used.update(key for meeting in self.meetings for key in meeting.participants)
        # meetings: sides, host, venue
        for draft in self.meetings:
            self._settle_meeting(draft, extraction)
        self._implied_meetings(extraction, used)
        for leader, delegation in self.delegations.items():
            extraction.delegations.append(Delegation(
                key=f"d:{leader}", leader=leader, country=delegation.country, members=list(delegation.members),
                date=None, evidence=delegation.evidence))
        for name, forum in self.forums.items():
            key = "f" + str(len(extraction.forums) + 1)
            self.forum_keys[name] = key
            location = Place(forum.city, gazetteer.code_for(forum.city)) if forum.city else None
            aliases = [a for a in forum.aliases if a.isupper()]
            extraction.forums.append(Forum(key=key, name=forum.name, edition=forum.edition, date=self.forum_dates.get(name),
                                           location=location, aliases=aliases))
        seen = set()
        for draft in self.invitations:
            inviter, invitee, forum, country, evidence, rule = (draft.inviter, draft.invitee, draft.forum, draft.country,
                                                                draft.evidence, draft.rule)
            if forum is None and country is None:
                country = self.country_of(inviter)  # a visit at the inviter's invitation: to the inviter's state
                if country is None or country == self.country_of(invitee):
                    continue
            ident = (inviter, invitee, forum, country)
            if ident in seen:
                continue
            seen.add(ident)
            key = f"i{len(extraction.invitations) + 1}"
            extraction.decisions.append(Decision("invitation", key, f"visit:{country}" if not forum else forum, rule, evidence))
            extraction.invitations.append(Invitation(
                key=key, inviter=inviter, invitee=invitee,
                forum=self.forum_keys.get(forum) if forum else None, country=None if forum else country,
                evidence=[evidence]))
        for key in sorted(used, key=lambda k: int(k[1:])):
            record = self.person(key)
            aliases = [a for a in record.aliases if a != record.name]
            plain = re.sub(r"\s+(?:[A-Z]\.\s*)+(?=[A-Z])", " ", record.name)  # "Lloyd J. Austin" -> "Lloyd Austin"
            plain = re.sub(r",?\s+(?:Jr\.?|Sr\.?|II|III|IV)$", "", plain).strip()
            if plain != record.name and plain not in aliases and len(plain.split()) >= 2:
                aliases.append(plain)
            if record.country:
                extraction.decisions.append(Decision("country", key, record.country, record.country_rule or "country.mention",
                                                     record.country_evidence or record.evidence))
            extraction.persons.append(Person(
                key=key, name=record.name, aliases=aliases, organization=organization(record.position),
                rank=record.rank, position=record.position, country=record.country,
                evidence=[record.evidence] if record.evidence else []))
        return extraction

    def _settle_meeting(self, draft: MeetingDraft, extraction: Extraction) -> None:
        """A draft's sides, date, host and venue settled; a meeting added unless a side or its date is missing."""
        sides = {self.country_of(k) for k in draft.participants} - {None} | set(draft.implied_sides)
        if draft.unnamed_host and draft.unnamed_side and draft.unnamed_side not in sides:
            sides.add(draft.unnamed_side)
        elif draft.unnamed_post and len(sides) == 1:
            # the other side: the post's own state ("a meeting with UAE Minister of State ..."), else the
            # state visited; when both agree, the visited state receives
            visited = self._visited_state(draft)
            at_home = sides & {self.dateline_country, self.outlet_country} and draft.mode == "in_person" \
                and draft.venue_country in (None, *sides) and not any(k in self.visitors for k in draft.participants)
            if at_home and draft.unnamed_side and draft.unnamed_side not in sides:
                # "Defense Minister X had a meeting with UAE Minister of State ..." in X's own press: X receives
                draft.venue_country, visited = draft.venue_country or next(iter(sides)), None
            if draft.unnamed_side and draft.unnamed_side not in sides and draft.unnamed_side != visited:
                sides.add(draft.unnamed_side)
                visited = None
            if visited:
                sides.add(visited)
                draft.host_person, draft.host_direction = None, "neutral"
                draft.venue_country = draft.venue_country if draft.venue_country == visited else visited
        parties = sorted(sides)
        if len(parties) < 2:
            return
        if draft.date is None:
            # no publication date and no date in the text around it: the month on a scraped first line, else
            # the latest past year the article names, else leave the contact out (a contact must be dated)
            # ... after the year of publication when the input gives no more ("date": "2022")
            published_year = self.article.date if re.fullmatch(r"(?:19|20)\d\d", self.article.date or "") else None
            year = published_year or _latest_past_year(self.article.text)
            if not (self.pub_month or year):
                warning = f"a contact with no date anywhere in the article was left out: {draft.evidence[0][:80]}"
                if warning not in extraction.warnings:  # a contact implied by the same sentence is left out too
                    extraction.warnings.append(warning)
                return
            draft.date = self.pub_month or year
            extraction.decisions.append(Decision("date", f"m{len(extraction.meetings) + 1}", draft.date,
                                                 "date.month-on-first-line" if self.pub_month else
                                                 "date.year-of-publication" if published_year else
                                                 "date.latest-year-in-text", draft.evidence[0]))
        if draft.sides_unsettled and all(k in self.guessed_countries for k in draft.participants) \
                and not _pair_of_states_named(draft.evidence[0], set(parties)):
            return  # both sides only guessed from the setting: two compatriots, as likely as not
        host = host_rule = None
        if draft.mode == "in_person" and draft.unnamed_host and draft.unnamed_side in sides:
            host, host_rule = draft.unnamed_side, f"host.institution ({draft.rule})"
            draft.venue_country = draft.venue_country or draft.unnamed_side
        elif draft.mode == "in_person":
            venue = draft.venue_country
            if draft.host_direction in ("subject", "object") and draft.host_person:
                candidate = self.country_of(draft.host_person)
                if venue not in parties and not draft.sidelines and candidate in parties \
                        and not any(_seated(p, venue) for p in parties) \
                        and (draft.city, venue) == (self.dateline_city, self.outlet_country):
                    # "YEREVAN (Armenpress) ... X received Y in Baku": the outlet's home dateline is no venue
                    draft.city = None
                    draft.venue_country = venue = candidate
                if venue is None or candidate == venue or _seated(candidate, venue):
                    host, host_rule = candidate, f"host.receiver ({draft.rule})"
            else:
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
                guest_keys = set(self.visitors) | {k for d in self.delegations.values() for k in d.members} | {
                    k for k in draft.participants if _DIPLOMAT.search(self.person(k).position or "")}
                home = {self.country_of(k) for k in draft.participants if k not in guest_keys} - {None}
                guests = {self.country_of(k) for k in draft.participants if k in guest_keys} - {None}
                if len(home) == 1 and guests and not (home & guests):
                    host, host_rule = next(iter(home)), "host.visitors-came"
        location = None
        if draft.mode == "in_person" and draft.sidelines and not (draft.venue_country or draft.city or host):
            # bilateral meetings on the sidelines of the one forum whose venue the article gives
            venues = {forum.city for forum in self.forums.values() if forum.city}
            if len(venues) == 1:
                draft.city = venues.pop()
                draft.venue_country = gazetteer.code_for(draft.city)
        if draft.mode == "in_person":
            country = draft.venue_country or host
            city = draft.city
            if country and gazetteer.is_international_body(country):
                # a body hosts at its seat: the venue is a state's city ("at the AU" -> Addis Ababa, ET)
                seat = gazetteer.body_seat(country)
                city, country = (city or seat[0], seat[1]) if seat else (city, None)
            if city or country:
                location = Place(city or gazetteer.country_name(country) or country, country)
        topics = []
        for sentence in draft.evidence + draft.context:
            topic = _topic(sentence)
            if topic and topic not in topics:
                topics.append(topic)
        key = f"m{len(extraction.meetings) + 1}"
        extraction.decisions.append(Decision("meeting", key, " ".join(parties), draft.rule, draft.evidence[0]))
        extraction.decisions.append(Decision("mode", key, draft.mode, _MODE_RULES[draft.mode], draft.evidence[0]))
        if host:
            extraction.decisions.append(Decision("host", key, host, host_rule, draft.evidence[0]))
        extraction.meetings.append(Meeting(
            key=key, date=draft.date, parties=parties, host=host,
            participants=list(draft.participants),
            delegations=[f"d:{leader}" for leader in self.delegations if leader in draft.participants],
            mode=draft.mode, location=location, topics=topics[:3], evidence=draft.evidence))

    def _most_told(self, country: str) -> str | None:
        """The person of a state the article refers to most often (its own minister, in a ministry's release)."""
        home = country in (self.dateline_country, self.outlet_country)
        people = [p.key for p in self.registry.persons.values() if self.mention_count[p.key]
                  and (p.country == country or p.country is None and home)]
        told = max(people, key=lambda key: self.mention_count[key], default=None)
        if told and self.country_of(told) is None:  # an official of the article's home, whose state it never says
            self.settle_country(told, country, "country.article-home", self.person(told).evidence)
        return told

    def _is_spokesperson(self, key: str) -> bool:
        return bool(_SPOKESPERSON.search(self.person(key).position or ""))

    def _implied_meetings(self, extraction: Extraction, used: set[str]) -> None:
        """Contacts the article reports that no rule could read in full: their sides from weaker evidence
        (kg.extract.implied); with no meeting read at all, the first one, else those between other sides."""
        if extraction.meetings:
            contacts = further_contacts(self.sentences, [(m.parties, m.evidence) for m in extraction.meetings],
                                        self.country_of, self._mode, self._is_spokesperson)
        else:
            home, home_rule = (self.dateline_country, "side.dateline-state") if self.dateline_country else (
                self.outlet_country, "side.outlet-state")
            contacts = implied_contacts(self.sentences, self.country_of, home, home_rule, self._mode,
                                        self._is_spokesperson)
        for contact in contacts:
            draft = MeetingDraft(contact.participants, contact.date or self.reference, contact.mode, None,
                                 contact.venue_city, contact.venue_country, [contact.evidence], 0,
                                 rule=f"implied ({contact.rule})", implied_sides=contact.parties)
            count = len(extraction.meetings)
            self._settle_meeting(draft, extraction)
            if len(extraction.meetings) == count:
                continue
            key = extraction.meetings[-1].key
            for decision in extraction.decisions:
                decision.weak = decision.weak or decision.subject == key
            extraction.decisions += [Decision("side", key, party, rule, contact.evidence, weak=True)
                                     for party, rule in contact.side_rules.items()]
            used.update(contact.participants)

    def _first_meeting_of(self, leader: str) -> MeetingDraft | None:
        return next((m for m in self.meetings if leader in m.participants), None)


# a contact phrase with no subject of its own, opening a sentence: "During the meeting with X", "At talks with X"
_SUBJECTLESS_CONTACT = re.compile(r"(?:During|At|In|Following|After)\s+(?:the|a|an|his|her|their)?\s*(?:[\w\-]+\s+){0,2}?"
                                  r"(?:meeting|talks|conversation|call|discussions?|consultations)\s+with\b")
_SPOKESPERSON = re.compile(r"\b(?:spokes(?:man|woman|person)|press secretary|press officer|public affairs officer)\b[^,;]*$", re.I)
# where a list of posts after a contact verb ends: the next clause or a phrase of time, place or purpose
_POST_LIST_END = re.compile(r"\s+(?:and|to)\s+(?:discussed|reviewed|exchanged|held|briefed|talked|thanked|expressed)\b|"
                            r"\s+(?:to discuss|on|during|at|in|for|who|where|which)\s|[;:]|,\s*(?:where|who|which|during)\b|"
                            r",\s*(?:[\w\-]+\s+){0,5}?(?:said|says|reported|added|noted|according)\b|\.$")
_POST_WORDS = re.compile(r"(?:[A-Z][\w\-'’]*\.?|of|the|for|and|&|-)(?:\s+(?:[A-Z][\w\-'’]*\.?|of|the|for|and|&|-))*")


def _without_headline_copies(meetings: list[MeetingDraft], reference: str | None) -> list[MeetingDraft]:
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


def _same_post(post: str, position: str) -> bool:
    """'Chief of Army Staff' and 'Chief of Army Staff (COAS) of the Indian Army' name the same post."""
    plain = lambda text: re.sub(r"\s*\([^)]*\)", "", text).lower()
    return plain(position).startswith(plain(post))


def _latest_past_year(text: str) -> str | None:
    """The latest year an undated article names as past: not a plan ("will be held in 2014", "by 2030") and
    not the end of a span ("for 2024-2027")."""
    years = []
    for match in re.finditer(r"\b((?:19[89]|20[0-4])\d)\b", text):
        before = text[max(0, match.start() - 40):match.start()]
        if re.search(r"\b(?:will|next|until|till|through|by|planned|scheduled|to be)\b[^.;,]*$", before) \
                or re.search(r"\b\d{4}\s*[-–]\s*$", before):
            continue
        years.append(int(match.group(1)))
    return str(max(years)) if years else None


_MODE_RULES = {"call": "mode.call-marker (or 'spoke with' and no place)", "video": "mode.video-marker", "in_person": "mode.in-person (no call or video marker)"}
_TOPIC = re.compile(r"\b(?:discussed|reviewed|exchanged views on|focused on|talked about|dealt with)\s+"
                    r"(?:issues of |matters of |prospects for |ways to |ways of |the state of and prospects for )?"
                    r"(.{8,160}?)(?:[.;]|$)")


def _main_clause(lowered: str, trigger_end: int | None) -> str:
    """The sentence up to the first subordinate clause after the contact verb: "..., where the sides
    agreed to hold an exercise" announces the exercise, not the meeting."""
    if trigger_end is None:
        return lowered
    boundary = re.search(r",\s*(?:where|during which|at which|in which|after which|which|and agreed)\b|;", lowered[trigger_end:])
    return lowered[:trigger_end + boundary.start()] if boundary else lowered


def _topic(sentence: str) -> str | None:
    """What a contact was about, as the text says it ("The sides discussed joint exercises ...")."""
    found = _TOPIC.search(sentence)
    return found.group(1).strip(" ,") if found else None


def _seated(body: str | None, country: str | None) -> bool:
    if not body or not gazetteer.is_international_body(body):
        return False
    seat = gazetteer.body_seat(body)
    return bool(seat and seat[1] == country)


def _unique(items):
    seen = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def read_article(article: Article) -> Extraction:
    """Run the rule pipeline over one article."""
    return ArticleReader(article).read()
