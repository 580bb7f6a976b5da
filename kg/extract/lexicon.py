"""The lexicons under ``kg/extract/data/`` (ranks, titles, triggers, forums), loaded once.

`lexicon()` returns a `Lexicon` with the raw lists and the regular expressions built from them.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


def _load(name: str) -> dict:
    return json.loads(resources.files("kg.extract.data").joinpath(name).read_text(encoding="utf-8"))


@dataclass
class Lexicon:
    rank_variants: dict[str, str]  # normalised variant ("lieutenant general") -> canonical
    rank_regex: re.Pattern
    rank_regex_lower: re.Pattern
    abbreviations: dict[str, str]  # "lt" -> "Lieutenant"
    not_rank_after: set[str]
    not_rank_after_unit: set[str]  # "Army Commander X": a post
    not_rank_before: set[str]
    honorifics: list[str]
    honorific_regex: re.Pattern
    honorific_chain_regex: re.Pattern  # "Pehin Datu Lailaraja", "Dato Paduka Seri Haji": one title
    mid_name_honorifics: set[str]
    sovereign_titles: set[str]  # "King", "Sultan": a monarch's title is his post when the text gives no other
    given_name_titles: set[str]
    surnames_after_rank: set[str]
    surname_titles: set[str]
    postnominals: list[str]
    particles: set[str]
    position_heads: set[str]
    position_lower_heads: set[str]
    plural_heads: dict[str, str]  # "Ministers" -> "Minister": a plural post names several holders
    non_name_words: set[str]
    role_nouns: list[str]
    role_word_variants: dict[str, list[str]]  # "navy" -> ["naval", ...]: how a post may say a role noun's word
    triggers: dict
    forums: list[dict]
    forum_generic_heads: list[str]
    forum_generic_requires: list[str]
    forum_body_events: dict = field(default_factory=dict)  # "the G20 summit": groups, attendees, event words
    dotted_abbreviations: frozenset[str] = frozenset()  # "lt", "comdr", "dr": a full stop after them ends nothing
    acronyms: frozenset[str] = frozenset()  # "NATO", "CDS", "PVSM": stay in capitals when a shouted text is recased
    plain_words: frozenset[str] = frozenset()  # "the", "received", "delegation": lower case in a recased text
    meeting_modes: dict[str, str] = field(default_factory=dict)  # rule id -> the mode a rule implies ("X called Y")
    meeting_rules: dict[str, dict] = field(default_factory=dict)  # rule id -> its entry in triggers.json
    compiled: dict = field(default_factory=dict)


def _word_alternatives(word: str, abbreviations: dict[str, list[str]]) -> str:
    forms = [word] + abbreviations.get(word, [])
    forms = sorted({f.rstrip("-") for f in forms}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f) for f in forms) + ")"


def normalise_rank_words(text: str, abbreviations: dict[str, str]) -> str:
    """'Lt.-Gen.' -> 'lieutenant general' (lower case, abbreviations expanded, separators removed)."""
    words = [w for w in re.split(r"[\s\-]+|(?<=\.)(?=\w)", text) if w]
    out = []
    for word in words:
        key = word.rstrip(".").lower()
        out.append(abbreviations.get(key, key).lower())
    return " ".join(out)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    ranks = _load("ranks.json")
    titles = _load("titles.json")
    triggers = _load("triggers.json")
    forums = _load("forums.json")
    abbreviation_lists: dict[str, list[str]] = ranks["abbreviations"]
    abbreviations = {}
    for word, forms in abbreviation_lists.items():
        for form in forms:
            abbreviations[form.rstrip(".-").lower()] = word
    variants: dict[str, str] = {}
    patterns = []
    for canonical, surface_forms in ranks["ranks"].items():
        for surface in surface_forms:
            variants[normalise_rank_words(surface, abbreviations)] = canonical
            words = surface.split()
            if len(words) == 1 and surface.isupper():
                patterns.append((len(surface), re.escape(surface)))
                continue
            parts = [_word_alternatives(w, abbreviation_lists) if w not in ("of", "the") else w for w in words]
            patterns.append((len(surface), r"(?:\s*-\s*|\s+|(?<=\.))".join(parts)))
    patterns.sort(key=lambda p: -p[0])
    service = "|".join(re.escape(s) for s in ranks["service_prefixes"])
    reserve = "|".join(re.escape(s) for s in ranks["reserve_suffixes"])
    body = "|".join(p for _, p in patterns)
    rank_regex = re.compile(rf"(?<![\w\-])(?:(?P<service>{service})\s+(?=[A-Z]))?(?P<rank>{body})(?![\w\-])\.?"
                            rf"(?:\s*(?P<reserve>{reserve}))?")
    lower_body = "|".join(re.escape(s.lower()) for s in sorted(
        (s for forms in ranks["ranks"].values() for s in forms if not s.isupper()), key=len, reverse=True))
    rank_regex_lower = re.compile(rf"\b(?P<rank>{lower_body})\b", re.I)
    honorifics = sorted(titles["honorifics"], key=len, reverse=True)
    honorific_regex = re.compile(r"(?<![\w])(?:" + "|".join(
        re.escape(h) + (r"(?![\w])" if h[-1].isalnum() else "") for h in honorifics) + r")")
    starts = sorted(titles["honorific_chain_starts"], key=len, reverse=True)
    chain_words = sorted(titles["honorific_chain_words"], key=len, reverse=True)

    def alternatives(items):
        return "|".join(re.escape(h) + (r"(?![\w'])" if h[-1].isalnum() else "") for h in items)

    honorific_chain_regex = re.compile(rf"(?<![\w])(?:{alternatives(starts)})(?:\s+(?:{alternatives(chain_words)}))*")
    return Lexicon(
        honorific_chain_regex=honorific_chain_regex, mid_name_honorifics=set(titles["mid_name_honorifics"]),
        sovereign_titles=set(titles["sovereign_titles"]),
        given_name_titles=set(titles["given_name_titles"]),
        surnames_after_rank=set(titles["surnames_after_rank"]),
        surname_titles=set(titles["surname_titles"]),
        rank_variants=variants, rank_regex=rank_regex, rank_regex_lower=rank_regex_lower,
        abbreviations=abbreviations, not_rank_after=set(ranks["not_rank_after"]),
        not_rank_after_unit=set(ranks["not_rank_after_unit"]),
        not_rank_before=set(ranks["not_rank_before"]),
        honorifics=honorifics, honorific_regex=honorific_regex, postnominals=titles["postnominals"],
        particles=set(titles["name_particles"]), position_heads=set(titles["position_heads"]),
        position_lower_heads=set(titles["position_lower_heads"]), plural_heads=titles["plural_position_heads"],
        non_name_words=set(titles["non_name_words"]),
        role_nouns=titles["person_role_nouns"], role_word_variants=titles["role_word_variants"], triggers=triggers, forums=forums["forums"],
        forum_generic_heads=forums["generic_heads"], forum_generic_requires=forums["generic_requires"],
        forum_body_events=forums["body_events"],
        dotted_abbreviations=frozenset(
            form.rstrip(".-").lower() for form in [*(f for forms in ranks["abbreviations"].values() for f in forms),
                                                  *titles["honorifics"], *titles["dotted_abbreviations"]]
            if form.rstrip("-").endswith(".") and " " not in form.rstrip(".-")),
        acronyms=_acronyms(ranks, titles), plain_words=_plain_words(triggers, ranks, titles),
        meeting_modes={rule["id"]: rule["mode"] for rule in triggers["meeting"] if "mode" in rule},
        meeting_rules={rule["id"]: rule for rule in triggers["meeting"]})


def _plain_words(triggers: dict, ranks: dict, titles: dict) -> frozenset[str]:
    """Words written in lower case: English function words and the words of the contact phrasings, less
    the words of posts, ranks and titles ("Minister of Defence", "Her Excellency") and of dates."""
    from spacy.lang.en.stop_words import STOP_WORDS

    phrasings = json.dumps(triggers)
    words = {w.lower() for w in re.findall(r"(?<![\\?])\b[a-z]{3,}\b", phrasings)}
    common_nouns = {"led", "met", "audience", "discussions", "representatives", "relations", "cooperation",
                    "delegation", "delegations", "meeting", "visit", "talks"}  # lower case whatever the lexicons say
    capitalised = {w.lower() for w in re.findall(r"[A-Za-z]+", json.dumps([titles, ranks["ranks"]]))
                   if w[:1].isupper()}
    dates = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    return frozenset((words - capitalised - dates) | common_nouns | (STOP_WORDS - {"his", "her"}))  # "Her Excellency"


def _acronyms(ranks: dict, titles: dict) -> frozenset[str]:
    from kg import gazetteer

    words = {w for surface in gazetteer.surface_forms() for w in re.split(r"[\s\-/]+", surface.text)}
    words |= set(titles["position_heads"]) | set(titles["postnominals"]) | set(ranks["service_prefixes"])
    return frozenset(w for w in words if len(w) >= 2 and w.isupper() and w.isalpha())


def canonical_rank(surface: str) -> str | None:
    """'Lt. Gen.' -> 'Lieutenant General'; 'General Colonel' -> 'Colonel General'; None if not a rank."""
    lex = lexicon()
    text = re.sub(r"\((?:res|ret|retd|retired|rtd|r)\.?\)", "", surface, flags=re.I).strip()
    key = normalise_rank_words(text, lex.abbreviations)
    if key in lex.rank_variants:
        return lex.rank_variants[key]
    words = key.split()
    # "Navy Adm.", "Army Gen." (service + abbreviated rank)
    if len(words) > 1 and words[0] in ("navy", "army", "marine", "naval", "air force"):
        rest = " ".join(words[1:])
        return lex.rank_variants.get(rest)
    return None
