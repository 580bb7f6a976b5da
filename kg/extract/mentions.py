"""Mentions in one sentence: person names with their rank, position and country; places; role nouns.

The detector is rule-based and anchored: a run of capitalised name words is a person when a rank,
an honorific or a position title stands before it, or a position follows it in apposition
(", Deputy Chief of ..."), or when it repeats a person already known. Pure functions over strings.

Each mention says which reading gave its rank, position and state (`Mention.rank_rule`, `.position_rule`,
`.country_rule`), so that `kg explain` can say why. The rank and position readings:

- ``rank.before-name``: a rank of the lexicon stands before the name ("Lt. Gen. X", "Major General Pilot X").
- ``rank.appositive-after``: a lower-case rank follows the name in apposition ("X, a retired general,").
- ``position.before-name``: a post ends right before the name or its rank ("Defence Minister X", "the
  commander of U.S. Indo-Pacific Command, Adm. X").
- ``position.appositive-after``: a post follows the name in apposition ("X, Deputy Chief of the General Staff,").
- ``position.title-run``: a lower-case title runs up to the name ("the German ambassador to Somalia X").
- ``position.ambassador-honorific``: the honorific "Ambassador" is the post ("US Ambassador James Smith").
- ``position.counterpart`` (`kg.extract.document`): "his counterpart X" holds the post of the person named
  before, without its state.
"""
from __future__ import annotations

import re
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from kg import gazetteer
from kg.extract.lexicon import canonical_rank, lexicon
from kg.extract.dates import MONTH_NAMES

# "U.S.", "U.K.", "U.N.": one word (a state or a body), never two initials
_TOKEN = re.compile(r"\b(?:U\.S\.A\.|U\.S\.|U\.K\.|U\.N\.|E\.U\.)(?=\s)|[^\W\d_](?:[\w'\-]*[\w'])?\.?|\d+(?:st|nd|rd|th)?|\S")
_INITIAL = re.compile(r"^[A-Z]\.$")
# a service's qualifier between a rank and the name: "Major General Pilot X", "Staff ... Engineer X"
_RANK_QUALIFIER_WORDS = r"Staff|Pilot|Engineer|Eng\."
_RANK_QUALIFIER = re.compile(rf"(?:(?:{_RANK_QUALIFIER_WORDS})\s+)+")
_CONNECTORS = {"of", "the", "for", "and", "to", "at", "in", "on", "&", "-", "–", "—", "'s", "de", "du", "des"}
_POSITION_STOP = {"who", "which", "that", "whose", "where", "when", "while", "said", "says", "told", "is", "was",
                  "were", "are", "has", "have", "had", "will", "would", "met", "received", "held", "as", "with",
                  "during", "after", "before", "also", "on", "here", "there", "today", "yesterday", "respectively",
                  "thanked", "noted", "expressed", "stressed", "said", "currently", "now", "since", "from", "by",
                  "arrived", "paid", "called", "visited", "welcomed", "invited", "led", "headed", "accompanied",
                  "held", "discussed", "reviewed", "briefed", "attended", "joined", "took", "signed", "a", "an"}


@dataclass
class Mention:
    """A person named in a sentence (offsets are in the sentence)."""

    start: int
    end: int
    name: str
    rank: str | None = None
    position: str | None = None
    country: str | None = None
    honorific: str | None = None
    anchored: bool = False
    lower_rank: bool = False
    key: str | None = None  # filled by resolution
    span_start: int = -1  # the whole mention with its title and appositive
    span_end: int = -1
    counterpart: bool = False  # introduced as "his counterpart": holds the same kind of post
    country_rule: str | None = None  # which reading gave ``country`` (see kg explain)
    rank_rule: str | None = None  # which reading gave ``rank`` (see the module's docstring)
    position_rule: str | None = None  # which reading gave ``position``


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    name: str
    code: str
    kind: str  # country | demonym | city | institution | body


@dataclass
class SentenceMentions:
    persons: list[Mention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)


def tokens(sentence: str) -> list[tuple[str, int, int]]:
    return list(_tokens(sentence))


@lru_cache(maxsize=8192)
def _tokens(sentence: str) -> tuple[tuple[str, int, int], ...]:
    out = []
    for match in _TOKEN.finditer(sentence):
        text, start, end = match.group(0), match.start(), match.end()
        # "Hasanov." at a sentence end: the period is not part of the word
        if text.endswith(".") and len(text) > 2 and not _is_abbreviation(text):
            out.append((text[:-1], start, end - 1))
            out.append((".", end - 1, end))
            continue
        if text.endswith("'s") and len(text) > 3 and text[0].isupper():
            out.append((text[:-2], start, end - 2))
            out.append(("'s", end - 2, end))
            continue
        out.append((text, start, end))
    return tuple(out)



def _is_abbreviation(text: str) -> bool:
    """'Lt.', 'Comdr.', 'Dr.', 'e.g.' (from the rank and title lexicons) or an initial keep their full stop."""
    return text.lower().rstrip(".") in lexicon().dotted_abbreviations or bool(_INITIAL.match(text))


# ----------------------------------------------------------------- places


_PLACE_REGEX = None


def _place_regex() -> re.Pattern:
    global _PLACE_REGEX
    if _PLACE_REGEX is None:
        forms = [s.text for s in gazetteer.surface_forms()]
        _PLACE_REGEX = re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")
    return _PLACE_REGEX


# acronyms the article defines for a state's forces ("the Armed Forces of Liberia (AFL)"), while it is read
_ARTICLE_ACRONYMS: ContextVar[tuple[tuple[str, str], ...]] = ContextVar("article_acronyms", default=())
# "the Armed Forces of Liberia (AFL)", "the Royal Army of Oman (RAO)": a force or ministry of a state, then its initials
_DEFINED_ACRONYM = re.compile(
    r"((?:[A-Z][\w'’\-]*\s+|of\s+|the\s+|and\s+){0,6}(?:Armed Forces?|Army|Navy|Air Force|Defen[cs]e Forces?|Land Forces|"
    r"Naval Forces|Police(?: Force)?|Guard|Marines|Ministry of (?:National )?Defen[cs]e|General Staff|Forces)"
    r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w'’\-]*\s*){1,3})?)\s+\(([A-Z]{2,7})\)")


def defined_acronyms(text: str) -> tuple[tuple[str, str], ...]:
    """The initials an article defines for one state's forces or ministry and the state's code ("the Armed Forces
    of Liberia (AFL)" -> ("AFL", "LR")), when the gazetteer does not know them: many stand for different forces
    in different countries ("BDF": Botswana's, Bahrain's), so they hold only in the article that defines them."""
    found: dict[str, str] = {}
    for match in _DEFINED_ACRONYM.finditer(text):
        acronym = match.group(2)
        if gazetteer.lookup(acronym) is not None or acronym in found:
            continue
        code = country_in(match.group(1).strip())
        if code and not gazetteer.is_international_body(code):
            found[acronym] = code
    return tuple(found.items())


@contextmanager
def article_acronyms(acronyms: tuple[tuple[str, str], ...]) -> Iterator[None]:
    """While an article is read, `find_places` also finds the acronyms it defines (`defined_acronyms`)."""
    token = _ARTICLE_ACRONYMS.set(acronyms)
    try:
        yield
    finally:
        _ARTICLE_ACRONYMS.reset(token)


def find_places(sentence: str) -> list[PlaceMention]:
    return list(_find_places(sentence, _ARTICLE_ACRONYMS.get()))


@lru_cache(maxsize=8192)
def _find_places(sentence: str, acronyms: tuple[tuple[str, str], ...] = ()) -> tuple[PlaceMention, ...]:
    places = []
    for match in _place_regex().finditer(sentence):
        surface = gazetteer.lookup(match.group(0))
        if surface is None:
            continue
        text = match.group(0)
        # upper-case acronyms only when written in upper case; lower-case forms are ordinary words
        if surface.text.isupper() and not text.isupper():
            continue
        if not text[0].isupper():
            continue
        if surface.kind == "demonym" and re.search(r"\b(?:Latin|South|Central|North|Pan|Anglo|Afro|Euro)[\s\-]$",
                                                    sentence[max(0, match.start() - 8):match.start()]):
            continue  # "Latin American", "North American": regions, not the United States
        if re.search(r"\b(?:Gulf|Sea|Bay|Straits?|Horn) of\s+(?:the\s+)?$", sentence[max(0, match.start() - 12):match.start()]):
            continue  # "the Gulf of Guinea", "the Bay of Bengal": waters, not a state
        if re.match(r"\s+(?:Sea|Ocean)\b", sentence[match.end():match.end() + 8]) and surface.kind == "country":
            continue  # "the South China Sea", "the Arabian Sea": waters named after a state
        # "Georgia" the state name is fine; "Jordan" after a given name is a surname: leave that to persons
        places.append(PlaceMention(match.start(), match.end(), text, surface.code, surface.kind))
    for acronym, code in acronyms:
        for match in re.finditer(rf"(?<![\w\-]){acronym}(?![\w])", sentence):
            if not any(p.start <= match.start() < p.end for p in places):
                places.append(PlaceMention(match.start(), match.end(), acronym, code, "institution"))
    return tuple(sorted(places, key=lambda p: p.start))


# a place named as a subject of the talks, not as a side: "support to Ukraine", "the deployment in eastern DRC"
TOPIC_BEFORE = re.compile(
    r"\b(?:support (?:to|for)|aid (?:to|for)|assistance (?:to|for)|situation (?:in|on)|crisis in|war in|conflict in|"
    r"deployments? (?:in|to)|deployed (?:in|to)|missions? in|operations? in|peace in|security in|stability in|"
    r"developments? in|threats? from|aggression against|invasion of|sanctions on|mutiny in|"
    r"(?:eastern|western|northern|southern|central|north-eastern|north-western|south-eastern|south-western))\s+(?:the\s+)?$")

_SERVES_IN = re.compile(r"\b(?:to|in|for|on)\s+(?:the\s+)?(?:(?:eastern|western|northern|southern|central)\s+)?$")


def country_in(text: str) -> str | None:
    """The first state or body named in a phrase ("Deputy Chief of the Turkish General Staff" -> TR); a place
    the post is held in or accredited to ("Ambassador to Nigeria", "force in eastern DRC") is not their state."""
    for place in find_places(text):
        if place.kind in ("country", "demonym", "institution", "body"):
            if place.kind == "country" and _SERVES_IN.search(text[max(0, place.start - 30):place.start]) \
                    and not (re.search(r"\bMinist(?:er|ry)\b", text[:place.start])
                             and (re.match(r"(?:State|Kingdom|Sultanate|Emirate|Republic) of\b", place.name)
                                  or re.search(r"\bfor\s+(?:the\s+)?(?:(?:Republic|Kingdom|State) of\s+)?$",
                                               text[max(0, place.start - 30):place.start]))):
                continue  # ... but a minister "in the State of Qatar", "of Defense for Uzbekistan" is that state's
            if re.match(r"\s+[Aa]ffairs\b", text[place.end:]):
                continue  # "Minister for EU Affairs", "Secretary for African Affairs": a portfolio, not a side
            return place.code
    return None


# ----------------------------------------------------------------- ranks and honorifics


@dataclass
class Span:
    start: int
    end: int
    value: str


_JAPANESE_GIVEN_NAME_GEN = re.compile(r"\s+[A-Z][a-z]+(?![\w\-])(?!\s+[A-Z])")


def _rank_candidates(sentence: str) -> list[re.Match]:
    """The rank regex's matches, a match of two words or more giving way to one its second word begins that reaches
    further: "Commanding General Lt. Gen. X" is a post's head, then "Lt. Gen.", not "General Lt." (a rank of some
    armies)."""
    regex = lexicon().rank_regex
    found = []
    for match in regex.finditer(sentence):
        words = list(re.finditer(r"\S+", match.group("rank")))
        inner = regex.search(sentence, match.start("rank") + words[1].start()) if len(words) > 1 else None
        if inner is not None and inner.start() < match.end() < inner.end():
            found.append(inner)  # the rank the second word begins reaches further: the first word is a post's
        else:
            found.append(match)
    return sorted(found, key=lambda m: (m.start(), -m.end()))


def find_ranks(sentence: str) -> list[Span]:
    lex = lexicon()
    spans = []
    for match in _rank_candidates(sentence):
        if any(span.start < match.end() and match.start() < span.end for span in spans):
            continue  # a candidate inside a rank read already
        surface = match.group("rank")
        canonical = canonical_rank(surface)
        if canonical is None:
            continue
        service = match.group("service")
        start = match.start()
        previous_word = re.search(r"([A-Z][\w'\-]*)\s*$", sentence[:match.start()])
        if service and (re.search(r"\b(?:the|of|and|'s)\s*$", sentence[:match.start()]) or previous_word and (
                gazetteer.lookup(previous_word.group(1)) is not None
                or previous_word.group(1) in ("Royal", "National", "People's", "People"))):
            # "Ghana Army Lt-Gen X": the service word belongs to the organisation before it
            start = match.start("rank")
            service = None
        if service == "Army" and surface == "General":
            canonical = "General of the Army"
        before = sentence[:match.start()].rstrip().split()
        # "Mr Gen Nakatani": after a civilian honorific the word is a given name, not a rank;
        # "NAKATANI Gen": a surname in capitals first (Japanese style), then the given name
        if before and sentence[:match.start()].endswith(" ") and (
                lex.honorific_regex.fullmatch(before[-1]) and before[-1].rstrip(".") in (
                    "Mr", "Mrs", "Ms", "Miss", "Mister", "Dr", "Madam", "Madame", "Mme", "Monsieur", "Herr", "Frau")
                or surface in ("Gen", "GEN") and before[-1].isupper() and before[-1].isalpha() and len(before[-1]) >= 3
                and before[-1] not in lex.position_heads and gazetteer.lookup(before[-1]) is None
                and canonical_rank(before[-1]) is None
                or surface == "Gen" and _JAPANESE_GIVEN_NAME_GEN.match(sentence, match.end())
                and re.search(r"\bJapan(?:ese|'s)?\b[^.;]{0,40}\b[Mm]inister\b[^.;]{0,20}$", sentence[:match.start()])):
            continue  # "Japanese Defense Minister Gen Nakatani": the given name Gen, one surname after it
        if canonical in ("General", "Admiral") or surface.startswith("Gen"):
            # "Secretary General X" is a post; "Defense Secretary Gen. X" (abbreviated, a name after) is a rank
            abbreviated_before_name = sentence[match.end() - 1:match.end()] == "." and \
                re.match(r"\s+[A-Z][a-z]+\s+[A-Z]", sentence[match.end():])
            if before and (before[-1] in lex.not_rank_after or before[-1].rstrip("-") in lex.not_rank_after) \
                    and not abbreviated_before_name:
                continue
        unit = sentence[:match.start("rank")].rstrip().split()
        if surface == canonical and canonical in lex.position_heads and unit and unit[-1] in lex.not_rank_after_unit:
            continue  # "Armed Forces Commander X": the post's head, not the naval rank
        # "General Staff", "Commander of ..." : a rank stands before a name
        after = sentence[match.end():].lstrip()
        next_word = after.split(" ", 1)[0] if after else ""
        if next_word.rstrip(",.'s") in lex.not_rank_before or next_word in ("of", "in", "and", "for", "to") \
                or not next_word or not (next_word[0].isupper() or next_word[0] == "(" or next_word in ("bin", "al")):
            continue
        spans.append(Span(start, match.end(), canonical))
    # "welcomed lieutenant general Hans Weber", "Lieutenant general Hans Weber": a rank in lower case, or of two
    # words with the second in lower case, right before a capitalised name of two words or more
    for match in lex.rank_regex_lower.finditer(sentence):
        if any(s.start <= match.start() < s.end for s in spans) or (match.start() > 0 and sentence[match.start() - 1].isalpha()):
            continue
        words = re.split(r"[\s\-]+", match.group("rank"))
        if not (match.group("rank").islower() or len(words) > 1 and any(w[:1].islower() for w in words[1:])):
            continue
        if re.match(r"\s+[A-Z][\w'\-]+(?:\s+[A-Z](?:[\w'\-]+|\.))+", sentence[match.end():]) \
                and not re.search(r"\b(?:a|an)\s+$", sentence[:match.start()]) and canonical_rank(match.group("rank")):
            spans.append(Span(match.start(), match.end(), canonical_rank(match.group("rank"))))
    spans.sort(key=lambda span: span.start)
    # "Commander Admiral X": the first word is a post, not a second rank
    return [span for k, span in enumerate(spans)
            if not (k + 1 < len(spans) and sentence[span.end:spans[k + 1].start].strip() == "")]


def find_honorifics(sentence: str) -> list[Span]:
    lex = lexicon()
    spans = []
    chains = []
    for match in lex.honorific_chain_regex.finditer(sentence):
        after = sentence[match.end():match.end() + 2]
        if after.startswith(" ") and len(after) == 2 and (after[1].isupper() or after[1] == "("):
            first = match.group(0).split()[0]
            if first in lex.mid_name_honorifics and _after_given_name(sentence, match.start()):
                continue  # "Halbi bin Haji Mohd Yussof": part of the name
            chains.append(Span(match.start(), match.end(), match.group(0)))
    for match in lex.honorific_regex.finditer(sentence):
        after = sentence[match.end():match.end() + 2]
        if not after.startswith(" ") or len(after) < 2 or not (after[1].isupper() or after[1] == "("):
            continue
        if any(c.start <= match.start() < c.end for c in chains):
            continue
        if match.group(0) in lex.mid_name_honorifics and _after_given_name(sentence, match.start()):
            continue  # "Halbi Haji Mohd Yussof": part of the name
        if _AFTER_PATRONYMIC_PARTICLE.search(sentence[:match.start()]):
            continue  # "Khalid bin Sultan", "Mohammed bin Sheikh Ali": a father's name, whatever it means
        if re.search(r"\b(?:Abdul|Abdel|Abdal|Abd|Abu|Abdur|Abdus)[\s\-]$", sentence[:match.start()]):
            continue  # "Abdul Amir Rashid Yarallah", "Abu Sultan": "servant of ..." names a person, with its title word
        if match.group(0) in lex.given_name_titles and (_after_rank(sentence, match.start())
                                                        or _after_post(sentence, match.start())):
            continue  # "Brigadier General Amir Hatami", "Defense Minister Amir Hatami": a given name
        if match.group(0) == "Chief" and (re.search(r"[A-Z][\w\-]*\s+$", sentence[:match.start()])
                                                      or find_ranks(sentence[match.end():].lstrip()[:40])):
            continue  # "Army Chief General X": the end of a post ("Chief Obasanjo" stays a title)
        spans.append(Span(match.start(), match.end(), match.group(0)))
    return sorted(spans + chains, key=lambda span: span.start)


PATRONYMIC_PARTICLES = ("bin", "binti", "bint", "ibn", "ben", "ould")
# "the bilateral army Exercise Safkar Indopura", "Operation Desert Lion": a drill's name (not a post's last word: "the
# Director of Operation X")
_NAMED_OPERATION = re.compile(r"(?<!\bof )(?<!\bfor )\b(?:[Ee]xercise|[Oo]peration|[Dd]rill)\s+[\"'“‘]?$")
# "ibni Al-Marhum Sultan Haji": the name that follows is a late father's, part of the name before it
_LATE_FATHER = re.compile(r"\b(?:ibni|ibn|bin|binti|bint)\s+(?:[Aa]l-?[Mm]arhum(?:ah)?|the late)\s+(?:[A-Z][\w'’\-]*\s+){0,3}$")
_AFTER_PATRONYMIC_PARTICLE = re.compile(rf"\b(?:{'|'.join(PATRONYMIC_PARTICLES)})\s$")


def _after_rank(sentence: str, start: int) -> bool:
    previous = re.search(r"([A-Z][\w'\-.]*)\s$", sentence[:start])
    return bool(previous) and canonical_rank(previous.group(1)) is not None


def _after_post(sentence: str, start: int) -> bool:
    previous = re.search(r"([A-Z][\w'\-.]*)\s$", sentence[:start])
    return bool(previous) and previous.group(1) in lexicon().position_heads


def _after_given_name(sentence: str, start: int) -> bool:
    """The word before ``start`` is a capitalised given name (not a title, rank or honorific)."""
    lex = lexicon()
    if re.search(r"\b(?:[Bb]in|[Bb]inti|[Bb]int|[Bb]te|[Ii]bn|anak|a/l|a/p)\s$", sentence[:start]):
        return True  # "bin Haji Mohd Yussof", "Bin Pengiran Haji Muhammad"
    previous = re.search(r"([A-Z][\w'\-]*)\s$", sentence[:start])
    if not previous:
        return False
    word = previous.group(1)
    if word in lex.mid_name_honorifics:
        return _after_given_name(sentence, previous.start())  # "Bin Pengiran Haji Muhammad": one after another
    return word not in lex.position_heads and word not in lex.non_name_words and canonical_rank(word) is None \
        and not lex.honorific_regex.fullmatch(word) and not lex.honorific_chain_regex.fullmatch(word) \
        and gazetteer.lookup(word) is None


# ----------------------------------------------------------------- names


_PARTICLE_PREFIXED = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|abu|bint|ben|van|von|de|da|di|du|del|della|le|la|"
                                r"ter|ten|ould|d|l|o)[\-'’][A-Z][\w'\-]+$")
_NAME_SUFFIX = re.compile(r"(?:,?\s+(?:Jr\.?|Sr\.?|Jnr\.?|Snr\.?|II|III|IV|VI{0,3}|IX))(?![\w])")  # "Mohammed VI"


# "Secretary for Strategic Assessments Henry A. Robinson": a plural of an abstract noun ends a post, it opens no name
_NOUN_PLURAL = re.compile(r"[a-z](?:ments|tions|sions|ities|ships|nesses)$")


def _is_name_token(token: str, lex) -> bool:
    if not token:
        return False
    if _PARTICLE_PREFIXED.match(token):
        return token not in lex.non_name_words  # "al-Abbasi", "d'Almeida", "van-Dijk" (not "Chargé d'Affaires")
    if not token[0].isupper():
        return False
    if _INITIAL.match(token):
        return True
    bare = token.rstrip(".")
    if bare in lex.non_name_words or bare in lex.position_heads or _NOUN_PLURAL.search(bare):
        return False
    if not any(c.islower() for c in bare) and len(bare) <= 5 and "-" not in bare:
        return False  # acronyms; all-capital surnames are allowed next to a title-case name
    surface = gazetteer.lookup(bare)
    if surface is not None and surface.text.isupper() and not bare.isupper():
        surface = None  # "Un" of "Kim Jong Un" is no "UN": an acronym only in capitals, as `find_places` reads it
    if surface is not None and surface.kind != "city" and bare not in ("Al",):
        return False
    return True


def _initials_then_name(toks, i: int, lex, stops: bool = True) -> bool:
    """Initials from token ``i`` on, each right after the other or one space apart, then a name word:
    with ``stops`` "K.K. Chinn", "A. B. C. Perera" (the last maybe without its stop: "T.R Allieu"), without
    them single capitals, "A B C Perera"."""
    def is_initial(k: int) -> bool:
        word = toks[k][0]
        if stops:
            return bool(_INITIAL.match(word) or k > i and re.fullmatch(r"[A-Z]", word))
        return len(word) == 1 and word.isupper()

    k = i
    while k < len(toks) and is_initial(k) and (k == i or toks[k][1] - toks[k - 1][2] <= 1):
        k += 1
    return i < k < len(toks) and toks[k][1] - toks[k - 1][2] <= 1 and _is_name_token(toks[k][0], lex) \
        and not _INITIAL.match(toks[k][0])


def name_runs(sentence: str, masked: list[tuple[int, int]], rank_ends: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Spans of candidate personal names: runs of capitalised words, with particles inside. A title that is
    also a given name opens a run right after a rank (``rank_ends``)."""
    lex = lexicon()
    toks = tokens(sentence)
    runs = []
    i = 0

    def is_masked(start, end):
        return any(s <= start < e or s < end <= e for s, e in masked)

    while i < len(toks):
        text, start, end = toks[i]
        # "J.Smith", "K.K. Chinn", "A. B. C. Perera": initials, then a name word
        glued_initial = bool(_INITIAL.match(text)) and _initials_then_name(toks, i, lex)
        # "Air Chief Marshal AP Singh", "R Hari Kumar": initials in capitals before a name
        # "General S M Shafiuddin Ahmed": a chain of capital initials before the name
        k = i + 1
        while k < len(toks) and len(toks[k][0]) == 1 and toks[k][0].isupper() and toks[k][1] - toks[k - 1][2] == 1:
            k += 1
        capital_initials = text.isalpha() and text.isupper() and len(text) <= 3 and k < len(toks) \
            and toks[k][1] - toks[k - 1][2] == 1 and _is_name_token(toks[k][0], lex) and not toks[k][0].isupper() \
            and text not in lex.position_heads and gazetteer.lookup(text) is None and not is_masked(start, end) \
            and (text not in ("I", "A", "MP", "HE", "HRH", "PM", "DG", "CS") or text in ("A", "I") and k > i + 1) \
            and not (i > 0 and toks[i - 1][0] in ("of", "the", "for", "at", "from"))  # "Inspector General of FAR X"
        given_name_title = text in lex.given_name_titles and (start - 1 in rank_ends or _after_post(sentence, start)) \
            or text in lex.surnames_after_rank and start - 1 in rank_ends  # "General He Weidong"
        if is_masked(start, end) or (not _is_name_token(text, lex) and not capital_initials and not given_name_title) or \
                (_INITIAL.match(text) and not glued_initial):
            i += 1
            continue
        j = i + 1
        last_end = end
        while j < len(toks):
            t, s, e = toks[j]
            if s - last_end > 1 or is_masked(s, e):
                break
            if re.search(r"(?<=s)['’]$", toks[j - 1][0]):
                break  # "Secretary Mattis' Call with ...": a possessive ends the name
            # "Gaurav Shumsher JB Rana": capitals inside a name, when a name word follows them
            inner_capitals = t.isupper() and t.isalpha() and len(t) == 2 and j + 1 < len(toks) \
                and toks[j + 1][1] - e == 1 and _is_name_token(toks[j + 1][0], lex) and not toks[j + 1][0].isupper()
            # "Rose King": a title that is also a family name, after a name word
            surname_title = t in lex.surname_titles and not toks[j - 1][0].isupper()
            if _is_name_token(t, lex) or surname_title or ((t.isupper() and len(t) > 2 or inner_capitals) and t.isalpha()
                                                           and t not in lex.position_heads and gazetteer.lookup(t) is None):
                last_end = e
                j += 1
                continue
            if len(t) == 1 and t.isupper() and _initials_then_name(toks, j, lex, stops=False):
                last_end = e  # an initial written without its full stop ("A B C Perera")
                j += 1
                continue
            if t in lex.particles:
                k = j
                while k < len(toks) and toks[k][0] in lex.particles and (k == j or toks[k][1] - toks[k - 1][2] <= 1):
                    k += 1
                # after "bin"/"ibn" any capitalised word is a father's name ("bin Sultan", "bin Zayed")
                patronym = toks[k - 1][0] in PATRONYMIC_PARTICLES and k < len(toks) and toks[k][0][:1].isupper() \
                    and toks[k][0].isalpha()
                if k < len(toks) and k > j and (_is_name_token(toks[k][0], lex) or patronym) \
                        and toks[k][1] - toks[k - 1][2] <= 1:
                    last_end, j = (toks[k][2], k + 1) if patronym else (toks[k - 1][2], k)
                    continue
            break
        # trim trailing particles / initials
        run_tokens = toks[i:j]
        while run_tokens and (run_tokens[-1][0] in lex.particles or _INITIAL.match(run_tokens[-1][0])):
            run_tokens.pop()
        if run_tokens:
            run_end = run_tokens[-1][2] - (1 if re.search(r"(?<=s)['’]$", run_tokens[-1][0]) else 0)  # "Mattis'"
            suffix = _NAME_SUFFIX.match(sentence, run_end)
            regnal = bool(suffix and re.fullmatch(r",?\s+[IVX]+", suffix.group(0)) and re.search(
                r"\b(?:King|Queen|Sultan|Emir|Amir|Emperor|Shah)\s+$", sentence[:run_tokens[0][1]]))
            if suffix and (len(run_tokens) >= 2 or regnal):
                run_end = suffix.end()  # "Gilberto C Teodoro Jr", "Richard Mills Jr.", "King Mohammed VI"
            runs.append((run_tokens[0][1], run_end))
        i = max(j, i + 1)
    # an all-capital word adjacent to a run belongs to it ("SAKAMOTO Hiroyuki", "MORITA Kazuki")
    return runs


def clean_name(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,.;:")
    return text


# ----------------------------------------------------------------- positions


def _is_head(word: str) -> bool:
    lex = lexicon()
    word = word.rstrip(".")
    return word in lex.position_heads or any(part in lex.position_heads for part in word.split("-"))


# a holder's standing before a post ("Bulgaria's caretaker Defence Minister"): read with the post, kept out of it
_STANDING_BEFORE_POST = ("caretaker", "acting", "interim", "outgoing")
_LOWER_POST_WORDS = {*_STANDING_BEFORE_POST, "defence", "defense", "minister", "minster", "chief", "army", "navy", "naval", "air", "force", "staff",
                     "secretary", "deputy", "vice", "commander", "head", "military", "joint", "armed", "forces",
                     "committee", "foreign", "affairs", "national", "security", "adviser", "advisor", "chairman",
                     "marine", "corps", "general"}



def _trim_leading(collected: list, dashes: bool = False) -> list:
    """Drop leading connectors, articles and a day in brackets ("(2) the Minister") from a token run."""
    leading = ("The", "A", "An", "-", "–", "—") if dashes else ("The", "A", "An")
    while True:
        while collected and (collected[0][0] in _CONNECTORS or collected[0][0] in leading):
            collected = collected[1:]
        leading = ("The", "A", "An")
        if len(collected) >= 3 and collected[0][0] == "(" and collected[1][0].isdigit() and collected[2][0] == ")":
            collected = collected[3:]
            continue
        return collected

# the posts held "to" someone or somewhere: "Ambassador to Kenya", "Special Assistant to the Minister"
_TO_POSTS = {"Ambassador", "Envoy", "Attaché", "Attache", "Adviser", "Advisor", "Assistant", "Aide", "Representative",
             "Delegate", "Counsellor", "Counselor", "Commissioner", "Liaison", "Secretary", "Emissary", "Consul",
             "ambassador", "envoy", "attaché", "attache", "adviser", "advisor", "assistant", "representative"}


def _position_before(sentence: str, end: int, floor: int = 0) -> tuple[str | None, str | None, int]:
    """A position title ending at ``end`` (before a name or rank), not reaching back past ``floor``
    (the end of the previous name). Returns (position, country, start)."""
    lex = lexicon()
    prefix = sentence[:end]
    toks = [t for t in tokens(prefix) if t[1] >= floor]
    i = len(toks)
    seen_comma = False
    collected: list[tuple[str, int, int]] = []
    depth = 0
    inner_comma = False
    while i > 0:
        text, start, stop = toks[i - 1]
        if text == ")":
            depth += 1
            collected.insert(0, toks[i - 1])
            i -= 1
            continue
        if depth:
            collected.insert(0, toks[i - 1])
            if text == "(":
                depth -= 1
            i -= 1
            continue
        if text == "," and not collected and not seen_comma:
            seen_comma = True
            i -= 1
            continue
        if text[0].isupper() or text in _CONNECTORS or text in ("'s",) or text in ("-", "–", "—") \
                or re.match(r"[dl]'[A-Z]", text):
            collected.insert(0, toks[i - 1])
            i -= 1
            continue
        # "Germany's defence minister, Boris Pistorius", "the head of NATO's military committee, Admiral X"
        if text in _LOWER_POST_WORDS and \
                all(t[0] in _LOWER_POST_WORDS or t[0][0].isupper() or t[0] in ("'s", "-") for t in collected):
            collected.insert(0, toks[i - 1])
            i -= 1
            continue
        # "Berlin's Ambassador here Michael Steiner": "here" between the post and the name
        if text == "here" and not collected and i >= 2 and _is_head(toks[i - 2][0]):
            i -= 1
            continue
        # "Minister for Defence procurement Mr X", "Minister of Defence production": a portfolio in lower case
        if text.isalpha() and text.islower() and i >= 2 and toks[i - 2][0] in ("Defence", "Defense") and not collected:
            collected.insert(0, toks[i - 1])
            i -= 1
            continue
        # "Secretary of State in charge of the National Gendarmerie, X", "Minister Delegate in charge of Defence"
        if text == "charge" and i >= 2 and toks[i - 2][0] == "in" and collected and collected[0][0] == "of":
            collected[:0] = toks[i - 2:i]
            i -= 2
            continue
        # ... "Deputy Minister charged with Defence, X"
        if text == "with" and i >= 2 and toks[i - 2][0] == "charged" and collected and collected[0][0][:1].isupper():
            collected[:0] = toks[i - 2:i]
            i -= 2
            continue
        # "The commander of U.S. Indo-Pacific Command, Adm. ...", "paid a courtesy call on commander of Indonesian
        # National Armed Forces (TNI) Admiral X": a lower-case post after an article or a contact's verb
        if text in lex.position_lower_heads and i >= 2 and collected \
                and toks[i - 2][0] in ("The", "the", "on", "upon", "with", "by", "met", "received", "called"):
            collected.insert(0, toks[i - 1])
            i -= 1
            continue
        # "Commissioner for Political Affairs, Peace and Security Ambassador X": one inner comma
        # (not when a post is read already: "During his stay in Sri Lanka, Bangladesh navy chief Admiral X")
        if text == "," and collected and not inner_comma and not any(
                w.rstrip(".") in lex.position_heads or w[:1].upper() + w[1:] in lex.position_heads for w, _, _ in collected):
            inner_comma = True
            collected.insert(0, toks[i - 1])
            i -= 1
            continue
        break
    # a post never ends in "and" / "," (that is the end of an enumeration: "..., and Major General X")
    if collected and collected[-1][0] in ("and", ",", "&", "of", "the", "for", "to"):
        return None, None, end
    # trim leading connectors and articles, and a day in brackets ("on Wednesday (2) the Minister")
    collected = _trim_leading(collected, dashes=True)
    if not collected:
        return None, None, end
    words = [t for t, _, _ in collected]
    if words[0] in ("By", "Readout"):
        # "By Alicia J Campi Mongolian Minister of Defense X": a byline runs into the post; "Readout of Secretary
        # X's Call with ...": a release's kind; the post opens at its state or head word
        opening = next((k for k, w in enumerate(words) if k and (_is_head(w) or (gazetteer.lookup(w) is not None and
                                                                        gazetteer.lookup(w).kind in ("demonym", "country")))), None)
        if opening is None:
            return None, None, end
        collected, words = collected[opening:], words[opening:]
    # a position contains a head word
    heads = [k for k, w in enumerate(words) if _is_head(w) or (k <= 1 and w in lex.position_lower_heads
                                                                 and w not in ("the", "first", "senior", "state"))
             or w in ("minister", "minster", "chief", "commander", "secretary", "head", "chairman")]
    if not heads:
        return None, None, end
    # drop leading dates and sentence adverbs ("On Monday", "Today")
    start_index = 0
    for k, w in enumerate(words):
        if w in lex.non_name_words and w in ("On", "In", "At", "During", "Today", "Yesterday", "Later", "Earlier",
                                             "Meanwhile", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                             "Saturday", "Sunday") and k < heads[0]:
            start_index = k + 1
        # "handed over the PPE to PNG Chief of Defence Force X": a post opens after a "to" no envoy's word precedes
        # ("Ambassador to Kenya", "Adviser to the President" keep theirs)
        if w == "to" and 0 < k < heads[-1] and words[k - 1].rstrip(".,") not in _TO_POSTS:
            start_index = k + 1
    collected = _trim_leading(collected[start_index:])
    if not collected:
        return None, None, end
    text = sentence[collected[0][1]:collected[-1][2]]
    # "welcomed at the Headquarters of the Jordan Army Forces Spanish Chief of the Defense Staff, Admiral X": of two
    # states in the run, the last one that a post follows opens the person's post
    states = [p for p in find_places(text) if p.kind in ("country", "demonym", "institution")]
    # ... or a state after "and" that a post follows: "the Minister of Defense and US Secretary of Defense X"
    enumerated = any(p.kind in ("country", "demonym") and re.search(r"\band\s+$", text[:p.start])
                     and any(_is_head(w) for w in text[p.end:].split()) for p in states)
    if len({p.code for p in states}) >= 2 or enumerated:
        last = next((p for p in reversed(states) if p.kind != "institution"
                     and any(_is_head(w) for w in text[p.end:].split())), None)
        if last is not None and last.start > 0:
            offset = collected[0][1] + last.start
            collected = [tok for tok in collected if tok[1] >= offset]
            text = sentence[collected[0][1]:collected[-1][2]]
    country = country_in(text) or _state_of_posts_before(toks[:i], sentence)
    capital = re.match(r"([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)['’]s\s", text)
    if country is None and capital and (gazetteer.lookup(capital.group(1)) or None) is not None \
            and gazetteer.lookup(capital.group(1)).kind == "city":
        country = gazetteer.lookup(capital.group(1)).code  # "Berlin's Ambassador", "Moscow's envoy": the capital's state
    # "Azerbaijan's Defence Minister", "Russian Deputy Defence Minister": the state is not part of the post
    stripped = re.sub(r"^(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*'s\s+)", "", text)
    first = stripped.split(" ", 1)
    if len(first) == 2 and gazetteer.lookup(first[0]) is not None and gazetteer.lookup(first[0]).kind == "demonym" \
            and first[1].split(" ", 1)[0].rstrip(".") in lex.position_heads:
        stripped = first[1]
    position = stripped.strip(" ,-–—")
    # "HE Minister of State ...", "H.E. the Minister": the honorific is no part of the post
    position = re.sub(r"^(?:H\.\s?E\.?|HE|His Excellency|Her Excellency|HRH|His Royal Highness|Mr\.?|Mrs\.?|Ms\.?)\s+"
                      r"(?:the\s+)?", "", position)
    # "Bulgaria's caretaker Defence Minister": a holder's standing, not the post
    position = re.sub(rf"^(?:{'|'.join(_STANDING_BEFORE_POST)})\s+(?=[A-Z])", "", position)
    if position.rstrip(".") in ("Mr", "Ms", "Dr") or not position:
        return None, country, collected[0][1]
    return position, country, collected[0][1]




def _one_holders_post(position: str) -> str:
    """The post one person holds, when a plural head opens a list of holders ("Ministers of Defence A and B",
    "the Defence Ministers A and B": each is "Minister of Defence", "Defence Minister")."""
    words = position.split(" ")
    plural_heads = lexicon().plural_heads
    first_head = next((k for k, w in enumerate(words) if _is_head(w.strip(",;:()")) or w in plural_heads), None)
    # (not a plural inside the post's complement: "chair of the Joint Chiefs of Staff")
    if first_head is not None and words[first_head] in plural_heads and "of" not in words[:first_head]:
        words[first_head] = plural_heads[words[first_head]]
    return " ".join(words)


def _state_of_posts_before(toks: list[tuple[str, int, int]], sentence: str) -> str | None:
    """"Algerian Deputy Defense Minister, Army Chief of Staff, General X": of a chain of posts before a name, the
    first, ending in the comma before the post read, names the state the post read does not."""
    if not toks or toks[-1][0] != ",":
        return None
    j = len(toks) - 1
    while j > 0 and (toks[j - 1][0][0].isupper() or toks[j - 1][0] in _CONNECTORS):
        j -= 1
    run = [word for word, _, _ in toks[j:-1]]
    if not run or not any(_is_head(word) for word in run):
        return None
    return country_in(sentence[toks[j][1]:toks[-2][2]])


_COMMA_UNIT = re.compile(r",\s+((?:the\s+)?(?:[A-Z][\w.'’\-]*)(?:\s+(?:of|the|for|and|[A-Z][\w.'’\-]*|\d+))*[\w.)])(?=\s*[,.;]|\s+[a-z])")


def _position_after(sentence: str, start: int) -> tuple[str | None, str | None, str | None]:
    """An appositive after a name: ", Deputy Chief of the Turkish General Staff," / ", a lieutenant general".

    Returns (position, country, lower-case rank)."""
    lex = lexicon()
    rest = sentence[start:]
    # "Major General X (Retd), Defence Minister,": the retirement mark stands between the name and its post
    # ... or a member of parliament's letters: "Honourable Shaw Kgathi, MP, Minister of Defence,"
    # ... or a dash: "Sheikh X – Emir of the State of Qatar, His Excellency Y – Minister of Defence Affairs" (not a
    # dateline's: "Addis Abeba – The Chief of General Staff ...")
    match = re.match(r"\s*(?:\((?:Retd|Rtd|Retired|retd|ret)\.?\)\s*)?(?:,\s*(?:MP|M\.P\.|MNA|MPA)\s*(?=,))?"
                     r"(?:,\s*|\s+[–—]\s+(?=(?!The\b)[A-Z]))", rest)
    if not match:
        # "with Khalid bin Salman the Saudi Arabian minister of defense,": an appositive with no comma before it,
        # when "the", a state's word and a post follow the name at once
        match = re.match(r"\s+(?=the\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?\s+(?:[a-z]+\s+){0,2}?"
                         r"(?:minister|chief|commander|ambassador|secretary|envoy)\b)", rest)
        if not match or gazetteer.lookup(re.match(r"\s+the\s+([A-Z][\w\-]+)", rest).group(1)) is None:
            # ... or a capitalised post: "Brig. Gen X the Deputy Commanding General for the Task Force"
            match = re.match(r"\s+(?=the\s+(?:[A-Z][\w\-]*\s+){0,3}(?:Commander|Commanding|Chief|Minister|Director|"
                             r"Secretary|Ambassador|Attach[eé]|Head|Chairman)\b)", rest)
            if not match:
                return None, None, None, start
    offset = start + match.end()
    if _FRONTED_CLAUSE_SO_FAR.match(sentence[:start]) and match.group(0).strip().startswith(",") \
            and _VERB_BEFORE_COMMA.match(sentence, offset):
        # "Prior to his meeting with Millan, the RBN commander made a courtesy call ...": the comma closes the fronted
        # clause, and the words after it are the main clause's subject and verb, no appositive of the name
        return None, None, None, start
    relative = re.match(r"who (?:is|was|serves as|served as)\s+(?:also\s+)?(?=the\s+[a-zA-Z]|[A-Z])", sentence[offset:])
    if relative:
        offset += relative.end()  # ", who is the commander of the Egyptian Air Force,"
    interim = re.match(r"(?:the\s+)?(?:acting|interim|outgoing|incoming|newly appointed|new)\s+(?=[A-Z])", sentence[offset:])
    if interim:
        offset += interim.end()  # "Brig. Gen. X (Rtd), acting Minister of National Defense": the post after the word
    rest = sentence[offset:]
    # ("Exercise X, the major exercise of ...": a rank word as an adjective, before a noun, is none)
    rank_match = re.match(r"(?:a|an|the)\s+(?:retired\s+)?(" + lex.rank_regex_lower.pattern[2:-2] + r")\b(?!\s+(?:of|for|in)\b)"
                          r"(?!\s+(?!(?:who|and|with|from|at|serving|now|then)\b)[a-z])", rest)
    if rank_match:
        return None, None, canonical_rank(rank_match.group(1)), offset + rank_match.end()
    toks = tokens(rest)
    words: list[tuple[str, int, int]] = []
    depth = 0
    for k, (text, s, e) in enumerate(toks):
        if text == "(":
            depth += 1
            words.append((text, s, e))
            continue
        if text == ")":
            if depth:
                depth -= 1
                words.append((text, s, e))
                continue
            break
        if depth:
            words.append((text, s, e))
            continue
        if text in (",", ".", ";", ":", "!", "?", '"'):
            break
        if text.lower() in _POSITION_STOP:
            break
        if text == "and" and not words:
            break  # "A, and Venezuelan deputy minister B,": the next person, no appositive of A's
        if text == "and":
            nxt = toks[k + 1][0] if k + 1 < len(toks) else ""
            # "... and Brid. Gen. X": a misspelt abbreviation, then a rank
            after_next = next((t for t, _, _ in toks[k + 2:k + 4] if t != "."), "")
            state_next = gazetteer.lookup(nxt.rstrip(".")) if nxt[:1].isupper() else None
            if not (nxt[:1].isupper() or nxt in lex.position_lower_heads) or lex.honorific_regex.fullmatch(nxt) \
                    or canonical_rank(nxt) is not None or canonical_rank(after_next) is not None \
                    or state_next is not None and state_next.kind in ("country", "demonym") and after_next in lex.position_heads:
                # "..., Canadian High Commissioner and Ms. X", "..., Minister of Defense and US Secretary of Defense
                # X": the next person begins
                break
        if text in lex.non_name_words and text in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                                   "Saturday", "Sunday"):
            break
        # ... or with an honorific: "X, Adviser for Special Affairs at the Court Sheikh Mohammed bin Hamad, ..."
        # (not an adviser's: "Security Affairs Advisor to Prime Minister Sheikh Hasina" names whom he advises)
        if words and lex.honorific_regex.fullmatch(text) and k + 1 < len(toks) and _is_name_token(toks[k + 1][0], lex) \
                and words[-1][0] not in ("the", "of", "for", "and", "&", "to", "at", "in") \
                and not any(w == "to" for w, _, _ in words) \
                and (_is_head(words[-1][0]) or words[-1][0][:1].isupper()):
            return None, None, None, start
        # the next person's name begins: "..., Japanese Minister of Defense Kenji Okamura and ..."
        if _is_name_token(text, lex) and k + 1 < len(toks) and _is_name_token(toks[k + 1][0], lex) \
                and words and words[-1][0] not in ("the", "of", "for", "and", "&", "to", "at", "in"):
            if _is_head(words[-1][0]) or words[-1][0] in lex.position_heads or canonical_rank(words[-1][0]):
                # "A, Australian Defence Minister Christopher Pyne, ...": the title is the next person's, not A's
                return None, None, None, start
            # "Chief of Staff of NATO's Supreme Headquarters Allied Powers Europe": an organisation's name
        if text in ("under", "within") and k + 2 < len(toks) and toks[k + 1][0] == "the" and toks[k + 2][0][:1].isupper():
            words.append((text, s, e))  # "head of the Foreign Relations Department under the Ministry of ..."
            continue
        if not text[0].isupper() and text not in _CONNECTORS and text not in lex.position_lower_heads \
                and text != "'s" and not text[0].isdigit():
            # lower-case nouns inside "head of the operations division"
            if not any(w in ("of", "for", "the", "at") for w, _, _ in words[-3:]) or text.endswith("ed"):
                break
        if text in ("at", "in", "to") and k + 1 < len(toks) and toks[k + 1][0] not in ("the",) \
                and not toks[k + 1][0][:1].isupper():
            break
        words.append((text, s, e))
    # "X, Vice-Chairman of the Central Military Commission at Bayi Hall in Beijing": the venue ends the post
    venue = next((k for k, (w, _, _) in enumerate(words) if w == "at" and any(
        t in _VENUE_WORDS for t, _, _ in words[k + 1:k + 6])), None)
    if venue:
        words = words[:venue]
    while words and (words[-1][0] in _CONNECTORS or words[-1][0] in ("(",)):
        words.pop()
    if not words:
        return None, None, None, start
    # "X, the first Indian Defence Minister to visit Mongolia": the post without its ordinal
    if len(words) > 2 and words[0][0] in ("the", "The") and words[1][0] in ("first", "second", "third", "new", "current"):
        del words[1]
    first_words = [w for w, _, _ in words[:4]]
    outside = [w for k, (w, _, _) in enumerate(words) if w not in ("(", ")")
               and sum(1 if t == "(" else -1 if t == ")" else 0 for t, _, _ in words[:k]) == 0]
    if len(outside) > 4 and outside[0] in ("the", "The") and all(w[:1].isupper() for w in outside[1:4]):
        # "X, the Collective Security Treaty Organization (CSTO) Secretary General": a body's name, then its post
        first_words = outside[:8]
    has_head = any(_is_head(w) or w in lex.position_lower_heads and w not in (
        "first", "senior", "military", "defense", "defence", "army", "navy", "naval", "air", "state", "political",
        "general", "executive", "principal", "permanent")
        for w in first_words)
    if not has_head:
        return None, None, None, start
    span_end = offset + words[-1][2]
    # "Chief of Staff, Joint Staff of the Japan Self-Defense Forces", "commander, U.S. Indo-Pacific Command":
    # the organisation after a second comma, when it names a state or an institution
    unit = _COMMA_UNIT.match(sentence, span_end)
    # (not another post: "X, Secretary-General at the Ministry of Defence, UK Ambassador to the Sultanate, and ...")
    # ("Gen. X, Chairman, Joint Chiefs of Staff, and ...": a bare head word takes the body after it, state or not)
    bare_head = len(words) == 1 and words[0][0] in ("Chairman", "Chief", "Commander", "Director", "Commandant", "Head")
    if unit and not any(w == "," for w, _, _ in words) and (country_in(unit.group(1)) is not None or bare_head) \
            and any(_is_head(w.capitalize()) for w, _, _ in words) \
            and not any(_is_head(w) for w in unit.group(1).split() if w not in ("Chiefs", "Staff")):
        words = words + [(unit.group(0), unit.start() - offset, unit.end() - offset)]
        span_end = unit.end()
    lead = words[0][0]
    if lead in ("the", "a", "an", "his", "her", "The"):
        words = words[1:]
    if not words:
        return None, None, None, start
    text = sentence[offset + words[0][1]: offset + words[-1][2]]
    country = country_in(text)
    first = text.split(" ", 2)
    if len(first) == 3 and gazetteer.lookup(" ".join(first[:2])) is not None \
            and gazetteer.lookup(" ".join(first[:2])).kind == "demonym":
        text = first[2]  # "Saudi Arabian minister of defense"
    elif len(first) >= 2 and gazetteer.lookup(first[0]) is not None and gazetteer.lookup(first[0]).kind == "demonym":
        text = text.split(" ", 1)[1]
    # "Indonesia's Minister of Defence", "the country's defence minister": the state is not part of the post
    possessor = re.match(r"(?:the\s+)?(?:country|nation|kingdom|republic|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)['’]s\s+(?=\S)", text)
    if possessor and (possessor.group(0).lower().startswith(("the ", "country", "nation", "kingdom", "republic"))
                      or country_in(possessor.group(0)) is not None):
        text = text[possessor.end():]
    if re.match(r"\s+(?:said|says|reported|reports|told|announced|added|stated|noted)\b", sentence[span_end:]):
        return None, None, None, start  # "X, the press service of the ministry said": the next clause's subject
    if re.match(r"(?:In|During|At|After|Following|Upon|Before|While)\s[^,]*$", sentence[:start]) \
            and re.match(r"\s+[a-z]", sentence[span_end:]) and not re.match(r"\s*[,.;]", sentence[span_end:]):
        # "In the meeting with Mr X, Raksha Mantri underlined ...": the name closes an opening phrase; the
        # post is the main clause's subject
        return None, None, None, start
    if country is None:
        # "Secretary of State for Defence from the United States": the state after the post
        origin = re.match(r"\s+from\s+((?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3})", sentence[span_end:])
        if origin and country_in(origin.group(1)):
            country, span_end = country_in(origin.group(1)), span_end + origin.end()
    if text.lower() in ("who", "minister") or len(text) < 3:
        return None, country, None, span_end
    return text, country, None, span_end


# ----------------------------------------------------------------- the detector


def name_words(name: str) -> list[str]:
    """Comparable words of a name: case and accents folded, particles dropped."""
    particles = {p.casefold() for p in lexicon().particles}
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("ı", "i").casefold()
    words = [w.strip(".,'") for w in re.sub(r"(?<=\b\w)\.(?=\w)", ". ", text).replace("-", " - ").split()]
    return [w for w in words if w and w != "-" and w not in particles]



def article_name_words(sentences: list[str]) -> frozenset[str]:
    """Name words of the persons an article names in full (two words or more, anchored by a rank, a title or a
    post), so that a surname told before the full name ("Giang spoke ...", then "Minister Phan Van Giang") is
    known wherever it stands."""
    words: set[str] = set()
    for sentence in sentences:
        for mention in find_persons(sentence):
            if mention.anchored and len(mention.name.split()) >= 2:
                words.update(word for word in name_words(mention.name) if len(word) >= 3)
    return frozenset(words)


# the places whose name after "at" ends a post told after a name ("... Commission at Bayi Hall in Beijing")
_VENUE_WORDS = {"Hall", "Headquarters", "HQ", "HQs", "Palace", "House", "Building", "Hotel", "Residence", "Complex",
                "Airport", "Airbase", "Barracks", "Cantonment", "Garrison"}
# capitalised words (and the connectors of a title) running up to a name, with no verb or clause between
_TITLE_RUN = re.compile(r"(?:(?<=\s)|^)(?:(?:U\.S\.|U\.K\.|U\.A\.E\.|[A-Z][\w'’\-]*\.?|of|the|for|to|in|at|and|de|'s|’s|-|"
                        r"ambassador|envoy|minister|chief|commander|(?:under-)?secretary(?:-general)?|head|director|deputy|"
                        r"assistant|vice|defen[cs]e|"
                        r"forces|armed|army|navy|naval|air|force|land|military|staff|general|inspector|attach[eé]|high|"
                        r"commissioner|"
                        # a portfolio in lower case: "deputy minister of defense for planning and development"
                        r"planning|development|policy|plans|international|cooperation|affairs|relations|procurement|"
                        r"logistics|operations|personnel|intelligence|industry|training|education|strategy|technical|"
                        r"armaments|acquisition|research)\s+)+$")
# words after a name that do not make it part of an organisation's name ("General X Thursday paid a visit")
_NOT_AN_ORGANISATION_TAIL = {"On", "In", "At", "The", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                             "Sunday", "Today", "Yesterday", "Earlier", "Later", "Also"}
def used_after_position(sentence: str, end: int) -> bool:
    """An appositive post follows the name (", Chief of ..."): it is the person's post, not a title run before."""
    return bool(re.match(r"\s*,\s*(?:the\s+)?[A-Z][\w\-]*", sentence[end:]))


_STATE_BEFORE_SERVICE = re.compile(r"(?:^|[\s;,(])((?:[A-Z][\w.'\-]*\s+){0,2}?[A-Z][\w.'\-]*?)\.?\s+"
                                   r"(?:(?:Army|Navy|Air Force|Marine Corps|Marines|Coast Guard|Armed Forces|Naval Forces|"
                                   r"Land Forces|Space Force)\s*)?$")


# a fronted clause opening the sentence, up to the preposition before its object: "Before initiating the talks with
# (the Mongolian Defence minister, X inspected ...)", "After a meeting with", "Prior to his call on"
_FRONTED_CLAUSE_SO_FAR = re.compile(r"(?:Before|After|During|Following|Upon|While|Prior to|Ahead of|Besides)\b[^,;]*$")
_VERB_BEFORE_COMMA = re.compile(r"[^,.;]*?\s(?:[a-z]+ed|made|met|held|paid|said|took|gave|led|was|were|had|has|is|"
                                r"called|visited|received|hosted|also)\b")
_CLAUSE_OBJECT_POST = re.compile(r"^(?:Before|After|During|Following|Upon|On|While|Prior to|Ahead of|Having|Besides)\b"
                                 r"[^,]*\b(?:with|on|to|by|from)\s+(?:the\s+|his\s+|her\s+)?$")
# ... and the name after the comma opens the main clause: its verb follows
_MAIN_VERB_NEXT = re.compile(r"\s+(?:also\s+|then\s+|later\s+|first\s+)?[a-z]+(?:ed|s)\b")


def _fronted_clause_object(sentence: str, post_start: int, name_end: int) -> bool:
    """Whether a post set off by a comma before a name is the object of a fronted clause, not the name's: "Before
    the talks with the Mongolian Defence minister, Rajnath Singh inspected ..." (the post starts at ``post_start``,
    the name ends at ``name_end``)."""
    return bool(_CLAUSE_OBJECT_POST.search(sentence[:post_start]) and _MAIN_VERB_NEXT.match(sentence, name_end))


def _state_before_rank(head: str) -> str | None:
    """The state named right before a rank (and its service): "U.S. Army Gen.", "Pakistan Navy Commodore"; not
    where a post is held: "Defence Attaché for the Maldives in Sri Lanka Lt. Col."."""
    before = _STATE_BEFORE_SERVICE.search(head)
    if before is None or re.search(r"\b(?:in|to|at|for|from|of)\s*$", head[:before.start(1)]):
        return None
    words = before.group(1)
    for surface in (words, words.split()[-1]):
        state = gazetteer.lookup(surface) or gazetteer.lookup(surface + ".")  # "U.S" as the pattern leaves it
        if state is not None and state.kind in ("country", "demonym"):
            return state.code
    return None


# a state's ministry or service telling of its own official: "the Maldives' Ministry of Defence said (that)", "the
# Ghanaian Army announced on Friday that its"
_REPORTING_BODY = re.compile(r"\b([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}(?:['’]s|(?<=s)['’])?)\s+(?:Ministry of (?:National )?"
                             r"Defen[cs]e|Defen[cs]e Ministry|Ministry of Foreign Affairs|Foreign Ministry|Armed Forces|"
                             r"Army|Navy|Air Force|Embassy|Government)\s+(?:said|says|announced|reported|stated|noted)"
                             r"(?:\s+(?:on|in)\s+[\w\s]{0,30}?)?\s+(?:that\s+)?(?:its\s+)?$")
# a name right after a comma: the next of a list of posts and names
_NAME_NEXT = re.compile(r"\s*,\s*(?:and\s+)?(?:[A-Z][\w.'’\-]+\s+){1,3}[A-Z][\w'’\-]+\s*(?:,|\.|$|and\b)")
_POSSESSIVE_TITLE = re.compile(r"\b([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)['’]s\s+(?:[a-z\-]+\s+){0,3}"
                               r"(?:army|navy|air force|defen[cs]e|military)?\s*(?:chief|minister|commander|head|"
                               r"secretary|general|admiral)\s*,?\s*$")
# a plural role right before a name opens a list of names: "their Chilean counterparts", "the two generals,"
_PLURAL_ROLE_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he)\s+(?:two\s+|three\s+)?((?:[A-Z][\w\-]+\s+){0,2})?"
                                 r"(?:(?:defen[cs]e|army|navy|naval|military|foreign)\s+)?(counterparts|colleagues|ministers|generals|admirals|commanders|chiefs|envoys|ambassadors)"
                                 r"\s*,?\s*$")
_PLURAL_ROLE_FROM = re.compile(r"\b(?:counterparts|colleagues|guests|hosts|delegations)\s+(?:from|of)\s+[^,]+?,?\s*$")
_TITLE_HEAD = re.compile(r"\b(?:ambassador|envoy|minister|chief|commander|secretary|director|attach[eé]|commissioner|"
                         r"inspector general)\b", re.I)
PLURAL_COUNTERPARTS = re.compile(r"\b(?:his|her|their)\s+((?:[A-Z][\w.\-]+,\s+)*[A-Z][\w.\-]+\s+and\s+[A-Z][\w.\-]+)\s+"
                                  r"(?:counterparts|colleagues)\s*,?\s*")


# a plural post over a list of states, right before the list of its holders, in the same order: "the Azerbaijani
# and Pakistani defense ministers A and B", "Defense Ministers of Kyrgyzstan and Russia A and B"
_PLURAL_POST = r"(?P<post>(?:[Dd]efen[cs]e|[Aa]rmy|[Nn]avy|[Nn]aval|[Aa]ir [Ff]orce|[Mm]ilitary|[Ff]oreign|[Pp]rime)\s+(?:[Mm]inisters|[Cc]hiefs|[Cc]ommanders)|[Mm]inisters of [Dd]efen[cs]e|[Cc]hiefs of (?:[Dd]efen[cs]e |[Gg]eneral |[Aa]rmy )?[Ss]taff|[Pp]residents)"
_STATES_BEFORE_POST = re.compile(rf"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?P<states>[A-Z][^,;:()]*?(?:,\s*[A-Z][^,;:()]*?)*\s+and\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?)\s+{_PLURAL_POST}\s*,?\s*(?=[A-Z])")
_POST_OF_STATES = re.compile(rf"{_PLURAL_POST}\s+of\s+(?:the\s+)?(?P<states>[A-Z])")


def _states_listed(text: str, start: int, whole: bool, least: int = 2) -> tuple[list[gazetteer.Surface], int] | None:
    """The states (their surfaces) of a list "A, B and C" from ``start`` (each by the gazetteer, of up to three words), and where
    it ends; with ``whole``, only if the list is all of ``text[start:]``."""
    codes, i, end = [], start, start
    while True:
        for width in (3, 2, 1):
            words = list(re.finditer(r"[A-Z][\w.\-]*", text[i:]))[:width]
            if len(words) < width or any(w.start() != (words[k - 1].end() + 1 if k else 0) for k, w in enumerate(words)):
                continue
            surface = gazetteer.lookup(text[i:i + words[-1].end()])
            if surface is not None and surface.kind in ("country", "demonym"):
                codes.append(surface)
                i += words[-1].end()
                end = i
                break
        else:
            break  # not a state: the list ended before it
        gap = re.match(r",\s*(?:and\s+)?|\s+and\s+", text[i:])
        if gap is None or not re.match(r"[A-Z]", text[i + gap.end():]):
            break
        i += gap.end()
    if len(codes) < least or whole and text[end:].strip():
        return None
    return codes, end


def _plural_post_list(sentence: str) -> tuple[list[gazetteer.Surface], int, str] | None:
    """The states in order, where the list of holders begins, and the singular post, of a plural post over a
    list of states (see _STATES_BEFORE_POST, _POST_OF_STATES)."""
    before = _STATES_BEFORE_POST.search(sentence)
    if before:
        listed = _states_listed(before.group("states"), 0, whole=True)
        if listed:
            return listed[0], before.end(), _singular_post(before.group("post"))
    of = _POST_OF_STATES.search(sentence)
    if of:
        listed = _states_listed(sentence, of.start("states"), whole=False)
        if listed and re.match(r"\s*,?\s*[A-Z]", sentence[listed[1]:]):
            return listed[0], listed[1], _singular_post(of.group("post"))
    return None


def _post_of_plural_role(role: str) -> str | None:
    """The post each of "the two defence ministers" holds ("defence minister"); None for a role that is no post
    ("counterparts", "generals") or has no service ("the ministers")."""
    post = re.search(r"\b(?:defen[cs]e|army|navy|naval|military|foreign)\s+(?:ministers|chiefs|commanders)\b", role, re.I)
    return _singular_post(post.group(0)) if post else None


# the holder named after their state in an interleaved list, and the gap before the next state
_HOLDER_AFTER_STATE = re.compile(r",?\s+((?:[A-Z][\w.\-'’]*|de|da|dos|das|do|bin|van|von|al|el)(?:\s+(?:[A-Z][\w.\-'’]*|"
                                 r"de|da|dos|das|do|bin|van|von|al|el))*)")
_NEXT_STATE = re.compile(r",?\s*(?:,|and)\s+(?=[A-Z])")
# the head of a post in the plural ("Defense Ministers of ..."): the post read before a list is its plural
@lru_cache(maxsize=1)
def _plural_head() -> re.Pattern:
    """Any plural post head, capitalised or not ("defence ministers", "Defence Ministers")."""
    return re.compile(r"\b(?:" + "|".join(f"[{w[0]}{w[0].lower()}]{re.escape(w[1:])}" for w in lexicon().plural_heads) + r")\b")


def _interleaved_post_list(sentence: str) -> dict[int, tuple[gazetteer.Surface, str]]:
    """"The defense ministers of Portugal, A, and Angola, B", "the Defense Ministers of Armenia A and Georgia B":
    each holder's state said right before the name; the state and the singular post by where each name begins."""
    found = _POST_OF_STATES.search(sentence)
    if not found:
        return {}
    post, i, slots = _singular_post(found.group("post")), found.start("states"), {}
    while True:
        listed = _states_listed(sentence, i, whole=False, least=1)
        if not listed:
            break
        name = _HOLDER_AFTER_STATE.match(sentence, listed[1])
        if not name or not name.group(1)[:1].isupper():
            break
        slots[name.start(1)] = (listed[0][0], post)
        gap = _NEXT_STATE.match(sentence, name.end())
        if not gap:
            break
        i = gap.end()
    return slots if len(slots) >= 2 else {}


def _singular_post(post: str) -> str:
    return re.sub(r"\b([Mm]inister|[Cc]hief|[Cc]ommander|[Pp]resident)s\b", r"\1", post)


def _handle_form(text: str) -> str:
    """A name as a social-media handle writes it: letters only, lower case, accents and ø/æ/ß spelt out."""
    text = unicodedata.normalize("NFKD", text.translate(_HANDLE_LETTERS))
    return "".join(c for c in text if c.isalpha() and not unicodedata.combining(c)).lower()


_HANDLE_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "đ": "d", "Đ": "D", "ł": "l",
                                 "Ł": "L", "ı": "i"})


def find_persons(sentence: str, known_tokens: set[str] | None = None) -> list[Mention]:
    """Person mentions in a sentence. ``known_tokens`` are name words of persons already met (lower case),
    which let a bare surname count as a mention."""
    lex = lexicon()
    ranks = find_ranks(sentence)
    honorifics = find_honorifics(sentence)
    # places: all but one-word cities, which may be surnames ("Tomas Kaunas") unless a preposition stands before
    # them ("ambassador in Chisinau Daniel Ionescu")
    masked = [(r.start, r.end) for r in ranks] + [(h.start, h.end) for h in honorifics] + \
        [(p.start, p.end) for p in find_places(sentence) if " " in p.name or p.kind != "city"
         or re.search(r"\b(?:in|to|at|from)\s+$", sentence[max(0, p.start - 6):p.start])]
    mentions = []
    runs = name_runs(sentence, masked, frozenset(r.end for r in ranks))
    previous_end = 0
    role_list = None  # (where the last listed name ends, a counterpart?, the list's state) after a plural role
    # "his French and German counterparts, Paul Girard and Klaus Weber": the peoples in order
    plural = PLURAL_COUNTERPARTS.search(sentence)
    plural_states = [gazetteer.lookup(d) for d in re.split(r",\s*|\s+and\s+", plural.group(1))] if plural else []
    plural_next = plural.end() if plural else -1
    plural_post = None  # the post each of the list holds, for a plural post over states ("the A and B defence ministers")
    if not plural and (posts := _plural_post_list(sentence)):
        plural_states = posts[0]
        plural_next, plural_post = posts[1], posts[2]
    interleaved = {} if plural or plural_post else _interleaved_post_list(sentence)
    plural_index = 0
    rank_ends = {r.end for r in ranks}
    for start, end in runs:
        # "Major General Pilot X", "Staff Lieutenant General Engineer X": a service's qualifier after the rank
        qualifier = _RANK_QUALIFIER.match(sentence, start)
        if qualifier and start - 1 in rank_ends and qualifier.end() < end:
            start = qualifier.end()
        name = clean_name(sentence[start:end])
        floor = previous_end
        if re.fullmatch(r"[A-Z][a-z]+ing", name) and not sentence[:start].strip(" \"'“") and sentence[end:end + 1] == ",":
            continue  # "Responding, the Inspector-General ...": a participle opening the sentence
        if not name:
            continue
        following = [w.strip(",.;:") for w in sentence[end:end + 40].lstrip("'’").split()]
        if following and following[0] in lex.non_name_words and following[0][0].isupper() \
                and sentence[end:end + 2].lstrip("'’")[:1] == " " and following[0] not in _NOT_AN_ORGANISATION_TAIL \
                and not (following[0] in lex.position_heads and any(0 <= start - r.end <= 2 for r in ranks)):
            # ... but "Vice Admiral Moe Aung Chief of Staff (Navy)": a ranked name, then its post without a comma
            continue  # "People's Liberation Army", "Anti-Terrorist Structure": part of an organisation's name
        if re.search(r"\bthe\s+$", sentence[:start]):
            continue
        if _NAMED_OPERATION.search(sentence[:start]):
            continue  # "the bilateral army Exercise Safkar Indopura", "Operation Desert Lion": a drill's name
        if _LATE_FATHER.search(sentence[:start]):
            continue  # "Hassanal Bolkiah ibni Al-Marhum Sultan Haji Omar Ali Saifuddien": a late father's name
        # walk back over honorifics and ranks
        cursor = start
        rank = honorific = None
        changed = True
        while changed:
            changed = False
            gap = sentence[:cursor].rstrip()
            for span in ranks:
                between = sentence[span.end:cursor].strip()
                if span.end <= cursor and re.fullmatch(r"(?:TNI|TNI-AL|TNI-AU|TNI-AD|PN|USN|USAF|USMC|RAN|RAAF|\(?[Rr]et(?:d|ired)?\.?\)?|"
                                                       r"\((?:Pilot|Pil\.?|Eng\.?|Engineer|Navy|Medical|Dr\.?|Staff|Air)\)|"
                                                       rf"(?:(?:{_RANK_QUALIFIER_WORDS})\s*)+)",
                                                       between) and cursor - span.end < 14:
                    if rank is None:
                        rank = span.value
                    cursor = span.start
                    changed = True
                    break
                if span.end == len(gap) or (sentence[span.end:cursor].strip() in ("", "(Res.)", "(Ret.)", "(retired)")
                                            and span.end <= cursor and span.end >= len(gap) - 8 and span.end > cursor - 12):
                    if rank is None:
                        rank = span.value
                    cursor = span.start
                    changed = True
                    break
            if changed:
                continue
            gap = sentence[:cursor].rstrip()
            for span in honorifics:
                if span.end == len(gap):
                    honorific = honorific or span.value
                    cursor = span.start
                    article = re.search(r"\b[Tt]he\s+$", sentence[:cursor])
                    if article:
                        cursor = article.start()  # "..., the Rt Hon John Healey"
                    changed = True
                    break
        position, country, position_start = _position_before(sentence, cursor, floor)
        if position and re.fullmatch(r"[^,]*,\s*", sentence[position_start:cursor]) \
                and _fronted_clause_object(sentence, position_start, end):
            position, country, position_start = None, None, cursor
        position_rule = "position.before-name" if position else None
        # "U.S. Army Gen. X", "Pakistan Navy Commodore X": the state before a service and the rank is the person's
        state_before_rank = _state_before_rank(sentence[floor:cursor]) if country is None and rank else None
        # "from Côte d'Ivoire, General Yao Kouassi N'Guessan" / "his Pakistani counterpart, Chairman ..."
        head = sentence[floor:min(cursor, position_start)]  # never reaching back past the previous name
        context_country = None
        # "his counterpart from Chad", "the delegation of Chad", "his counterpart in Chisinau" (the capital stands
        # for its state)
        ctx = re.search(r"(?:counterparts?|colleagues?|guests?|hosts?|delegations?)\s+(?:from|of)\s+([^,]+?),?\s*$", head)
        if ctx:
            context_country = country_in(ctx.group(1))
        ctx = re.search(r"(?:counterpart|colleague)\s+in\s+([^,]+?),?\s*$", head)
        if ctx:
            context_country = next((p.code for p in find_places(ctx.group(1)) if p.kind in ("city", "country")), None)
        # "his Belarusian counterpart", "his New Zealand Army counterpart", "his visiting Chadian counterpart"
        # ... "his Royal Brunei Navy (RBN) counterpart": with the service's acronym
        ctx = re.search(r"\b(?:his|her|their|my|our)\s+(?:[a-z][\w\-]*\s+){0,2}((?:[A-Z][\w.\-]+\s+){1,3})"
                        r"(?:\([A-Z]{2,6}\)\s+)?(?:counterpart|colleague|host|guest)s?,?\s*$", head)
        # ... "with Argentinian counterpart, Luis Petri": a people alone before the word
        ctx = ctx or re.search(r"\b(?:with|to|told|met|received|hosted|welcomed|thanked|briefed|called)\s+"
                               r"([A-Z][\w.\-]+\s+)counterpart,?\s*$", head)
        if ctx:
            context_country = country_in(ctx.group(1)) or context_country
        after_position, after_country, lower_rank, after_end = _position_after(sentence, end)
        if position is not None and after_position and _NAME_NEXT.match(sentence, after_end):
            # "Minister of Defense, General X, Italian Chief of Defense, Admiral Y": a list of posts and names,
            # the post after X's name is Y's
            after_position = after_country = None
        used_after = False
        if position is None and after_position:
            position, position_rule = after_position, "position.appositive-after"
            used_after = True
        elif position is not None and after_position and after_position[:1].isupper() and not rank:
            position = position
        # "Defence Minister Jan Novak of the Czech Republic", "General Ali Musa from Chad"
        of_state = re.match(r"\s+(?:of|from)\s+((?:the\s+)?[A-Z][\w'\-]+(?:\s+(?:of\s+)?[A-Z][\w'\-]+){0,4})", sentence[end:])
        if of_state and re.search(r"['’]s\b", of_state.group(1)):
            of_state = None  # "a message to Macron from Algeria's President": another person's state
        if of_state and not country and not after_country:
            of_state_country = country_in(of_state.group(1))
            if of_state_country:
                context_country = context_country or of_state_country
        country_rule = "country.post-before" if country else None
        if state_before_rank:
            country, country_rule = state_before_rank, "country.state-before-rank"
        bracketed = re.match(r"\s*\(((?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})\)", sentence[end:])
        if not country and not after_country and bracketed and gazetteer.lookup(bracketed.group(1)) is not None \
                and gazetteer.lookup(bracketed.group(1)).kind in ("country", "demonym"):
            # "Sven Mikser (Estonia)": the state in brackets after the name
            country, country_rule = gazetteer.lookup(bracketed.group(1)).code, "country.bracketed-after"
        if not country and (after_country or context_country):
            country_rule = "country.appositive-after" if after_country else "country.counterpart-or-of-state"
            country = after_country or context_country
        # "Russian Defence Minister Army of the General Sergei Shoigu", "the German ambassador to Somalia X": the
        # title run before the name anchors it and names the state even when its words defeat the post parser
        title_run = _TITLE_RUN.search(sentence[floor:cursor])
        if title_run is None and not rank and re.search(r",\s*$", sentence[floor:cursor]):
            # ... a post set off by a comma: "the US ambassador to Jordan, Henry Wooster," (not "According to the
            # Royal Thai Armed Forces, X": a body is no post; nor "a reception for the Cambodian ambassador, General
            # X": a name with its own rank begins a new phrase)
            title_run = _TITLE_RUN.search(re.sub(r"\s*,\s*$", " ", sentence[floor:cursor]))
            title_run = title_run if title_run and _TITLE_HEAD.search(title_run.group(0)) else None
            if title_run and _fronted_clause_object(sentence, floor + title_run.start(), end):
                title_run = None
        titled = bool(title_run and _TITLE_HEAD.search(title_run.group(0)))
        if country is None:
            # "Algeria's powerful army chief, Gen. X": a state's possessive heads the title before the name
            possessed = _POSSESSIVE_TITLE.search(sentence[max(floor, cursor - 80):cursor])
            surface = gazetteer.lookup(possessed.group(1)) if possessed else None
            if surface is not None and surface.kind == "country":
                country, country_rule = surface.code, "country.possessive-title"
        if country is None and title_run:
            country = country_in(title_run.group(0))
            country_rule = "country.title-run" if country else None
        if country is None and (position or rank):
            # "the Maldives' Ministry of Defence said Defence Minister X met ...": the state whose ministry tells of
            # its own official
            reporter = _REPORTING_BODY.search(sentence[max(floor, min(cursor, position_start) - 100):min(cursor, position_start)])
            if reporter and (state := country_in(re.sub(r"['’]s?$", "", reporter.group(1)))):
                country, country_rule = state, "country.reporting-ministry"
        if titled and (position is None or " " not in position) and len(name.split()) >= 2 \
                and not used_after_position(sentence, end):
            # "the German ambassador to Somalia X", "the chief of Qatar's land forces X": a lower-case post
            run = re.sub(r"^(?:(?:the|The|and|of|to|in|at|for)\s+)+", "", title_run.group(0)).strip()
            if _TITLE_HEAD.search(run) and len(run.split()) <= 12:
                position, position_rule = run, "position.title-run"
        # "his Belarusian counterpart Viktor Khrenin", "her counterpart, Jane Doe": a person, whatever the title
        counterpart = bool(re.search(r"\b(?:[Cc]ounterparts?|colleagues?|opposite numbers?|host|guest)"
                                     r"(?:\s+(?:from|of|in)\s+[^,]{1,40})?\s*,?\s*$", sentence[:cursor]))
        # "their Chilean counterparts A and B", "the two generals, A and B": each name of a list after a plural role
        # ... each name maybe with its state in brackets: "the Baltic defence ministers A (Estonia), B (Latvia) and C"
        in_role_list = role_list is not None and re.fullmatch(r"\s*(?:\([^()]{2,40}\)\s*)?(?:,|and|,\s*and)\s*",
                                                              sentence[role_list[0]:min(cursor, position_start)]) is not None
        if in_role_list:
            counterpart = counterpart or role_list[1]
            if not country and role_list[2]:
                country, country_rule = role_list[2], "country.counterpart-or-of-state"
            if not position and role_list[3]:
                position, position_rule = role_list[3], "position.plural-post"
        plural_role = _PLURAL_ROLE_BEFORE.search(sentence[floor:cursor])
        role_post = _post_of_plural_role(plural_role.group(0)) if plural_role else None
        if role_post and not position:  # "the two defence ministers, A and B": each a defence minister
            position, position_rule = role_post, "position.plural-post"
        if plural_role and plural_role.group(1) and not country and (state := country_in(plural_role.group(1))):
            country, country_rule = state, "country.counterpart-or-of-state"  # "their Chilean counterparts A and B"
        in_plural_list = plural_index < len(plural_states) and 0 <= plural_next <= cursor and \
            re.fullmatch(r"\s*(?:,|and|,\s*and)?\s*", sentence[plural_next:cursor]) is not None
        slot = interleaved.get(start)
        if slot:  # "the defense ministers of Portugal, A, and Angola, B"
            if not country:
                country, country_rule = slot[0].code, "country.plural-counterparts"
            if not position or _plural_head().search(position):
                position, position_rule = slot[1], "position.plural-post"
        if in_plural_list:
            state = plural_states[plural_index]
            if state is not None and state.kind in ("demonym", "country") and not country:
                country, country_rule = state.code, "country.plural-counterparts"
            if plural_post and (not position or _plural_head().search(position)):
                position, position_rule = plural_post, "position.plural-post"
            counterpart = plural_post is None
            plural_index += 1
            plural_next = end
        # "China's Dong Jun", "Indonesian Prabowo Subianto": a state right before a two-word name
        state_named = False
        # ... "the Netherlands' Kajsa Ollagren": a plural name's possessive
        possessive = re.search(r"([A-Z][\w.\-]+(?:\s+[A-Z][\w.\-]+){0,2})(?:'s|’s|(?<=s)['’])\s+$|\b([A-Z][\w\-]+)\s+$",
                               sentence[:cursor])
        if possessive and possessive.group(2) and re.search(r"\b(?:to|in|at|for)\s+(?:the\s+)?$", sentence[:possessive.start()]):
            possessive = None  # "the German ambassador to Somalia Sebastian Groth": accredited to, not from
        if possessive and not position and len(name.split()) >= 2:
            surface = gazetteer.lookup(possessive.group(1) or possessive.group(2))
            if surface is not None and surface.kind in ("country", "demonym"):
                state_named = True
                if not country:
                    country, country_rule = surface.code, "country.state-before-name"
        bare_tokens = set(name_words(name))
        known = bool(known_tokens and bare_tokens & known_tokens)
        anchored = bool(rank or honorific or position or lower_rank or counterpart or state_named or titled or in_role_list
                        or bool(plural_role))
        if not anchored and not known:
            continue
        if re.fullmatch(r"[A-Z]\.?|[IVX]{2,4}", name):
            continue  # an initial alone, or a post's numeral alone ("Brunei Defence Minister II Pehin ...")
        if re.fullmatch(MONTH_NAMES, name) and re.match(r"\.?\s*\d{1,2}\b", sentence[end:]):
            continue  # "on Monday (Mar 26)": a month and its day
        # a lone word after a post that ends in "and"/"of" ("Assistant for Planning and Budget") is not a name
        # ... but "the Inspector-General of the Senegalese Armed Forces, Niang, thanked ...": a name set off by commas
        set_off = bool(re.search(r",\s*$", sentence[:cursor]) and re.match(r"\s*,", sentence[end:])
                       and gazetteer.lookup(name) is None)
        # ... but "Malaysian Minister of Defence Hishammuddin", "Australia's Minister for Defence Payne": a whole post
        # with its portfolio, then one word, is a surname
        portfolio_post = bool(re.search(r"\b(?:Minister|Secretary|Chief|Commander)\s+(?:of|for)\s+(?:the\s+)?"
                                        r"(?:National\s+)?Defen[cs]e\s*$", sentence[:cursor])) \
            and any(c.islower() for c in name)  # not "Minister of Defence II"'s numeral
        if len(name.split()) == 1 and not rank and not honorific and not known and position and not set_off \
                and not portfolio_post and not re.match(r"[A-Z]\.\s?[A-Z]", name) \
                and sentence[:cursor].rstrip(" ,").split()[-1:] and \
                sentence[:cursor].rstrip(" ,").split()[-1].rstrip(".") not in lex.position_heads:
            continue
        if sentence[:cursor].rstrip().split()[-1:] in (["and"], ["of"], ["for"], ["to"]) and not rank and not honorific \
                and not known and not used_after and not in_plural_list and not in_role_list:
            continue
        words = name.split()
        if len(words) >= 3 and _handle_form(words[-1]) == _handle_form("".join(words[:-1])):
            # "my Norwegian colleague Bjørn Arild Gram Bjornarildgram": a tweet's handle glued to the name
            name = " ".join(words[:-1])
            end = sentence.rindex(words[-1], cursor, end) - 1
        if position is None and honorific and honorific.rstrip(".") in ("Ambassador", "Amb"):
            # "US Ambassador James Smith": the honorific is the post
            position, position_rule = "Ambassador", "position.ambassador-honorific"
        mentions.append(Mention(cursor, end, name, rank or lower_rank, position and _one_holders_post(position),
                                country, honorific,
                                anchored=anchored, lower_rank=bool(lower_rank),
                                span_start=min(cursor, position_start),
                                span_end=max(end, after_end) if used_after or lower_rank else end,
                                counterpart=counterpart, country_rule=country_rule if country else None,
                                rank_rule="rank.before-name" if rank else
                                "rank.appositive-after" if lower_rank else None,
                                position_rule=position_rule if position else None))
        previous_end = max(end, after_end) if used_after or lower_rank else end
        plural_from = _PLURAL_ROLE_FROM.search(head)
        if plural_from and context_country and not plural_role:
            # "his counterparts from Iceland, Minister A and Minister-Counsellor B": each of that state
            role_list = (previous_end, True, context_country, None)
        elif plural_role:
            role_list = (previous_end, plural_role.group(2).startswith(("counterpart", "colleague")),
                         country_in(plural_role.group(1)) if plural_role.group(1) else None, role_post)
        else:
            role_list = (previous_end, *role_list[1:]) if in_role_list else None
        if of_state:
            previous_end = max(previous_end, end + of_state.end())
    return _state_of_a_list_for_all(sentence, mentions)


_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and)\s+")


_ONE_STATES_PLURAL_POST = re.compile(r"\b([A-Z][\w\-]+)(?:['’`]s)?\s+(?:(?:[a-z]+|and)\s+){0,5}?(?:secretaries|ministers|chiefs|"
                                     r"commanders|officials|generals|admirals|counterparts)\s*,?\s*$")


def _pair_of_sides(sentence: str, first: Mention, second: Mention) -> bool:
    """"Tajik President A and State Councilor and Minister of National Defense B agreed to strengthen
    cooperation": two officials who "discussed", "agreed", "held talks" together (triggers.json's
    meeting.pair-discussed) are the two sides of a contact, so the state before the first is not the second's."""
    rule = lexicon().meeting_rules.get("meeting.pair-discussed")
    # the rule reads "and <name> discussed ...": from the second's name on, its post left out
    return rule is not None and re.match(r"\s+and\s", sentence[first.span_end:]) is not None \
        and re.match(rule["pattern"], "and " + sentence[second.start:], re.I) is not None


def _state_of_a_list_for_all(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """"Defence Minister A, Chief of Defence Staff B and Chief of Naval Staff C of Nigeria": a state said after
    the last of a list of officials is the state of each one the text leaves without."""
    for index in range(len(mentions) - 1, 0, -1):
        last = mentions[index]
        if not (last.country and re.match(r"\s+(?:of|from)\s", sentence[last.end:])):
            continue
        for earlier, later in zip(reversed(mentions[:index]), reversed(mentions[1:index + 1])):
            if not _LIST_GAP.fullmatch(sentence[earlier.span_end:later.span_start]):
                break
            if earlier.country is None:
                earlier.country, earlier.country_rule = last.country, "country.list-of-state"
    # "hosted Peruvian President A, Foreign Minister B and Defense Minister C", "Mexico Secretary of National Defense
    # A and Secretary of the Navy B": the people (or state) that opens the list is the state of each official
    # listed after it who has none ("with UN Under-Secretary-General A,
    # Assistant Secretary General B, ...": the body's likewise)
    for index, first in enumerate(mentions):
        opening = first.span_start if first.span_start >= 0 else first.start
        people = re.match(r"([A-Z][\w\-]+)\s", sentence[opening:])
        state = gazetteer.lookup(people.group(1)) if people else None
        if not (first.country and state is not None and state.kind in ("demonym", "body", "country")
                and state.code == first.country):
            continue
        for earlier, later in zip(mentions[index:], mentions[index + 1:]):
            if not _LIST_GAP.fullmatch(sentence[earlier.span_end:later.span_start]) or later.country is not None \
                    or not later.position:
                break
            if _pair_of_sides(sentence, earlier, later):
                break
            # "..., Defence Attaché for the Maldives in Sri Lanka C, State Minister D": an item that says its own
            # states ends what the list lends (it still takes the list's state when it names it)
            named = {p.code for p in find_places(later.position) if p.kind in ("country", "demonym")}
            if named and first.country not in named:
                break
            later.country, later.country_rule = first.country, "country.list-of-state"
            if named:
                break
    # "with Mexico's defense and navy secretaries, General A and Admiral B": one state's plural post before a list
    # of its holders is the state of each
    for index, first in enumerate(mentions):
        opening = first.span_start if first.span_start >= 0 else first.start
        plural = _ONE_STATES_PLURAL_POST.search(sentence[max(0, opening - 90):opening])
        state = gazetteer.lookup(plural.group(1)) if plural else None
        if state is None or state.kind not in ("country", "demonym"):
            continue
        listed = [first]
        for earlier, later in zip(mentions[index:], mentions[index + 1:]):
            if not _LIST_GAP.fullmatch(sentence[earlier.span_end:later.span_start]):
                break
            listed.append(later)
        if len(listed) < 2:
            continue
        for mention in listed:
            if mention.country is None:
                mention.country, mention.country_rule = state.code, "country.list-of-state"
    return mentions
