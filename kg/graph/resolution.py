"""Entity resolution: one IRI per real person, organisation, place and forum across articles.

Persons are resolved by rules, not by order. Every extracted person becomes a `PersonMention`
(article, key, name, country, rank, ...). Mentions are grouped into *blocks* by their folded
surname (transliteration and diacritics folded: "Hasanov" = "Gasanov" = "Həsənov"), and each
block is clustered by a pure function of the block's mentions (`cluster_block`), so the final
clusters do not depend on the order in which articles arrived. The rules, with the confidence of
each link (a link is made only at `MERGE_THRESHOLD` or above, and only when it is unambiguous):

=========================================================  ==========  ======================
rule                                                       confidence  example
=========================================================  ==========  ======================
same country, same given name and surname                  1.00        Zakir Hasanov (AZ) x2
same country, same after transliteration folding           0.95        Sergei / Sergey Shoigu
one mention without country, same full name, one candidate 0.85        Zakir Hasanov (?)
same country, initial matches the given name, one cand.    0.90        Z. Hasanov
same country, surname only, one candidate in the country   0.85        Colonel General Hasanov
initial or surname only, no country                        0.70/0.50   (kept apart)
=========================================================  ==========  ======================

Different countries or different given names never merge. Rank and position are not part of
the identity, so a person keeps their IRI through promotions and new posts.

The IRI of a cluster is the slug of its preferred name (the full name most articles use; ties:
the longest, then alphabetical): ``.../id/person/zakir-hasanov``. When two clusters would get the
same slug, each gets its country code appended (``ali-hasanov-tr``).

Organisations, places, forums and countries are resolved by normalising their names in the
extraction (`normalize_extraction`): spelling variants (Defense/Defence), word order
("Azerbaijani Defence Ministry" = "Ministry of Defence of Azerbaijan"), forum aliases (the
extractor's forum table), ISO codes (UK -> GB). Their IRIs are slugs of the normalised names.

Analyst curations (`kg.graph.curation`) override the rules: a merge maps one entity's IRI to another's,
a split moves the mentions of some articles to a new entity.
"""
from __future__ import annotations

import dataclasses
import json
import marshal
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable

from kg import gazetteer
from kg.graph.vocabulary import PERSON_NS
from kg.model import (Article, Delegation, Extraction, Forum, Invitation, Meeting, Person,
                      Place)

MERGE_THRESHOLD = 0.8

# surname comes first in these countries' names as English-language news prints them
SURNAME_FIRST = {"CN", "TW", "KR", "KP", "HK", "MO"}
PARTICLES = {"van", "von", "de", "der", "den", "bin", "ibn", "da", "di", "du", "le", "la", "dos",
             "das", "del", "ter", "ten"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# rank and title words an extractor may leave in a name ("General Wei", "Dr. Ng")
TITLES = {"general", "gen", "admiral", "adm", "colonel", "col", "major", "maj", "lieutenant", "lt",
          "brigadier", "brig", "captain", "capt", "commander", "cdr", "marshal", "air", "vice", "rear",
          "minister", "president", "secretary", "dr", "mr", "mrs", "ms", "prof", "sir", "gen.", "army",
          "of", "the"}
# given names whose spellings differ by more than transliteration folding catches
GIVEN_NAME_FORMS = [(re.compile(pattern), form) for pattern, form in [
    (r"^m[ou]gam[ae]d$", "mugamad"),  # Mohammed, Muhammad, Mohamed
    (r"^iu?r[iy]i?$", "iuri"), (r"^ale[kx]s?e[iy]$", "alexei"),
    (r"^agm[ae]d$", "agmad"),  # Ahmed, Ahmad
    (r"^tar[ei][kq]$", "tarik"),  # Tarek, Tariq, Tarik
    (r"^g[ou]s[ae]i?n$", "gusein"),  # Hussein, Hossein, Husain, Hussain
    (r"^m[ou]stafa$", "mustafa"), (r"^i?[ou]s[eu]f$", "iusuf"),  # Mostafa; Youssef, Yusuf, Yousef
    (r"^[ou]mar$", "umar"), (r"^abd[ua]l+ag?$", "abdulag"),  # Omar, Umar; Abdullah, Abdallah
]]
MAX_NAME_TOKENS = 8  # a "name" longer than this is not a person's name: its head is kept
# names whose parsing, hint and slug are kept, each (the calls cluster around a batch's names and one
# entity's): unbounded, the three caches grew with the corpus (17,611, 18,144 and 13,052 entries at
# 50,000 synthetic articles), and bounding them took that ingest's peak from 149 to 141 MiB; a name parsed
# again costs 8 to 43 us (bench/README.md, section 8); `fold` keeps as many name words, which recur far
# more than names, so a name parsed again folds no word anew
NAME_CACHE = 4096
# a store-backed registry keeps the last clustering of each block of at least 2 classes, to reuse while it
# still holds (`MentionRegistry._reuse`), at most this many classes in all (about 1.3 KB each): blocks of one
# class (80 to 90% of those touched) cost what they cost at any size; those of more fill as the store grows
# (2,142 classes at 50,000 synthetic articles, 319 at 10,000)
KEPT_CLASSES = 4096
# the version of the name rules (`parse_name`, `surname_first_hint`, `fold`) under which a mention record keeps
# its name's parts: a mention read back takes them from its record instead of parsing its name again, which
# past NAME_CACHE names is a parse per mention read (bench/README.md, section 8). Bump it with any change to
# what a name parses to: records written under another version (or before records kept parts) are parsed anew
NAME_RULES = 1

_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi",
     "ye", "g", "u"]))
_SPECIAL = {"ı": "i", "ə": "a", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe",
            "ş": "sh", "ș": "sh", "ç": "ch", "š": "sh", "č": "ch", "ž": "zh", "ğ": "g", "þ": "th"}


# ------------------------------------------------------------------ names


def transliterate(text: str) -> str:
    """Latin script, no diacritics: "Həsənov" -> "Hasanov", "Шойгу" -> "Shoygu"."""
    if text.isascii():  # most names: nothing to change, and the loop below costs more than parsing the rest
        return text
    out = []
    for ch in text:
        low = ch.lower()
        if low in _CYRILLIC:
            latin = _CYRILLIC[low]
            out.append(latin.capitalize() if ch != low else latin)
        elif low in _SPECIAL:
            latin = _SPECIAL[low]
            out.append(latin.capitalize() if ch != low else latin)
        else:
            out.append(ch)
    text = unicodedata.normalize("NFKD", "".join(out))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=NAME_CACHE)
def fold(token: str) -> str:
    """A spelling-independent key for one name token.

    Folds the usual transliteration variants of the same name: Sergei/Sergey, Yevgeny/Evgeny,
    Dmitriy/Dmitry, Hasanov/Gasanov/Khasanov, Hassan/Hasan, Shoygu/Shoigu/Шойгу.
    """
    text = transliterate(token).lower()
    if not text.isalpha():
        text = "".join(ch for ch in text if ch.isalpha())
    for digraph, mark in _DIGRAPHS:
        text = text.replace(digraph, mark)
    text = text.replace("h", "g").replace("y", "i").replace("j", "J")
    if text.startswith("ie"):
        text = text[1:]
    text = _REPEATED.sub(r"\1", text)  # Hassan = Hasan; Dmitrii = Dmitri
    text = _IS.sub("i", text).lower()
    text = _ER_END.sub(r"\1r", text)  # Alexander = Aleksandr, Peter = Petr
    form = _GIVEN_NAME_FORM.match(text)
    return GIVEN_NAME_FORMS[int(form.lastgroup[1:])][1] if form else text


_DIGRAPHS = (("shch", "S"), ("sch", "S"), ("sh", "S"), ("ch", "C"), ("zh", "J"), ("dj", "J"), ("kh", "h"),
             ("ph", "f"), ("th", "t"), ("gh", "g"), ("ks", "x"), ("ou", "u"), ("w", "v"))
_REPEATED = re.compile(r"(.)\1+")
_IS = re.compile(r"i+")
_ER_END = re.compile(r"([bcdfgkmnpstvz])er$")
# GIVEN_NAME_FORMS as one pattern: its alternatives are tried in order, as a loop over them would be
_GIVEN_NAME_FORM = re.compile("|".join(f"(?P<f{i}>{pattern.pattern})" for i, (pattern, _) in enumerate(GIVEN_NAME_FORMS)))


@dataclass(frozen=True, slots=True)
class NameParts:
    surname: str  # folded
    given: str  # folded first full given name, "" when none
    initial: str  # first letter of the given name (from a full name or an initial), "" when none
    kind: str  # "full" | "initial" | "surname"


_SEPARATORS = re.compile(r"[\s,]+")


def _tokens(name: str) -> list[str]:
    name = transliterate(name)
    tokens = [t for t in _SEPARATORS.split(name) if t.isalpha() or any(ch.isalpha() for ch in t)][:MAX_NAME_TOKENS]
    while len(tokens) > 1 and tokens[-1].lower().strip(".") in SUFFIXES:
        tokens.pop()
    while len(tokens) > 1 and tokens[0].lower().strip(".") in TITLES:
        tokens.pop(0)
    return tokens


def _is_initial(token: str) -> bool:
    if token.isalpha():  # most tokens: only letters, so no dots
        return len(token) == 1
    letters = [ch for ch in token if ch.isalpha()]
    return len(letters) == 1 or bool(re.fullmatch(r"(?:[A-Za-z]\.){1,3}", token))


@lru_cache(maxsize=NAME_CACHE)
def parse_name(name: str, country: str | None = None, surname_first: bool | None = None) -> NameParts | None:
    """Split a person's name into folded surname and given name; None when it has no letters.

    ``surname_first`` says which end the surname is at when the article shows it (see
    `surname_first_hint`); by default, first for Chinese and Korean names, last otherwise.
    """
    tokens = _tokens(name)
    if not tokens:
        return None
    if len(tokens) == 1:
        return NameParts(fold(tokens[0]) or tokens[0].lower(), "", "", "surname")
    if surname_first is None:
        surname_first = (country or "").upper() in SURNAME_FIRST and not any(_is_initial(t) for t in tokens)
    if surname_first:
        surname_tokens, given_tokens = tokens[:1], tokens[1:]
    else:
        cut = len(tokens) - 1
        while cut > 0 and tokens[cut - 1].lower().strip(".") in PARTICLES:
            cut -= 1
        surname_tokens, given_tokens = tokens[cut:], tokens[:cut]
    surname = "".join(fold(t) for t in surname_tokens) or surname_tokens[-1].lower()
    full = [t for t in given_tokens if not _is_initial(t)]
    initials = [t for t in given_tokens if _is_initial(t)]
    if full:
        given = fold(full[0]) or full[0].lower()
        first = given_tokens[0]
        initial = [ch for ch in first.lower() if ch.isalpha()][:1]
        return NameParts(surname, given, initial[0] if initial else given[:1], "full")
    if initials:
        return NameParts(surname, "", initials[0].strip(".")[:1].lower(), "initial")
    return NameParts(surname, "", "", "surname")


@lru_cache(maxsize=NAME_CACHE)
def surname_first_hint(name: str, aliases: tuple[str, ...]) -> bool | None:
    """Which end of the name the surname is at, when the article also calls the person by one
    word of it ("Dong Jun" ... "Admiral Dong": first); None when it does not tell."""
    tokens = _tokens(name)
    if len(tokens) < 2:
        return None
    first, last = fold(tokens[0]), fold(tokens[-1])
    for alias in aliases:
        words = _tokens(alias)
        if len(words) == 1 and first != last:
            if fold(words[0]) == last:
                return False
            if fold(words[0]) == first:
                return True
    return None


@lru_cache(maxsize=NAME_CACHE)
def person_slug(name: str) -> str:
    """The readable IRI part: diacritics dropped as `kg.graph.mapping.slugify` does ("Dalkıran" -> "dalkiran"),
    Cyrillic transliterated ("Шойгу" -> "shoygu")."""
    from kg.graph.mapping import slugify

    if name.isascii():
        return slugify(name)
    latin = []
    for ch in name:
        low = ch.lower()
        if low in _CYRILLIC or low == "ə":
            value = _CYRILLIC.get(low, "a")
            latin.append(value.capitalize() if ch != low else value)
        else:
            latin.append(ch)
    return slugify("".join(latin))


# ------------------------------------------------------------------ mentions and clusters


_UNPARSED = "unparsed"  # a mention whose name is not parsed yet (None is a name that does not parse; a string, as
# a sentinel object would not survive pickling)


@dataclass(slots=True)
class PersonMention:
    """One person as one article names them; the unit that resolution clusters."""

    article: str
    key: str
    name: str
    country: str | None = None
    date: str | None = None
    rank: str | None = None
    position: str | None = None
    organization: str | None = None
    aliases: list[str] = field(default_factory=list)
    iri: str | None = None  # the IRI this mention was last stored under
    # its name parsed, once: a mention's parts are asked for many times while it is in work, and the shared caches
    # of name parsing are bounded (NAME_CACHE), so past a few thousand names they would parse it again each time
    parsed: object = field(default=_UNPARSED, repr=False, compare=False)

    @property
    def ref(self) -> tuple[str, str]:
        return (self.article, self.key)

    @property
    def parts(self) -> NameParts | None:
        if isinstance(self.parsed, str):
            self.parsed = parse_name(self.name, self.country, surname_first_hint(self.name, tuple(self.aliases)))
        return self.parsed

    def to_json(self) -> dict:
        """The mention's record, with its name's parts (`NAME_RULES` first; only the version when
        the name does not parse)."""
        values = ((f.name, getattr(self, f.name)) for f in dataclasses.fields(self) if f.name != "parsed")
        record = {name: list(value) if isinstance(value, list) else value for name, value in values
                  if value not in (None, [], "")}
        parts = self.parts
        record["parts"] = [NAME_RULES, parts.surname, parts.given, parts.initial, parts.kind] if parts else [NAME_RULES]
        return record

    @classmethod
    def from_json(cls, data: dict) -> "PersonMention":
        """A stored mention; repeated strings (names, codes, IRIs, ranks) are interned: the
        registry holds every mention of the store, so this keeps it small. Its name's parts are
        taken from the record when it keeps them under the current `NAME_RULES`."""
        intern = sys.intern
        fields = {k: intern(v) if isinstance(v, str) else v for k, v in data.items()}
        parts = fields.pop("parts", None)
        mention = cls(**fields)
        if parts and parts[0] == NAME_RULES:
            mention.parsed = (NameParts(intern(parts[1]), intern(parts[2]), intern(parts[3]), intern(parts[4]))
                              if len(parts) == 5 else None)
        return mention


def mentions_of(extraction: Extraction) -> list[PersonMention]:
    date = extraction.date or extraction.article.date
    return [PersonMention(extraction.article.id, p.key, p.name, p.country, date, p.rank, p.position,
                    p.organization, [a for a in p.aliases if a and a != p.name])
            for p in extraction.persons if p.name and p.name.strip()]


def block_of(mention: PersonMention) -> str:
    parts = mention.parts
    return parts.surname if parts else "?" + mention.name.strip().lower()[:40]


ClassKey = tuple  # (name, country, parts): what decides how a mention is clustered


@dataclass(slots=True)
class MentionClass:
    """Mentions that the rules cannot tell apart: the same name, country and name order.

    Clustering a block's classes gives what clustering its mentions gives, so a writer keeps a
    block as its classes (each with how many articles name it, its smallest reference and the
    IRIs its stored mentions carry) instead of every mention: memory and time grow with the
    number of persons, not of articles.
    """

    name: str
    country: str | None
    parts: NameParts | None
    articles: int = 0  # articles naming it (each counted once)
    first_article: str = "~"  # its smallest (article, key), kept as two fields: no tuple per class
    first_key: str = "~"
    # the IRIs its stored mentions carry, usually one: a tuple (a set took 216 bytes a class, of about
    # 1.1 KB; the registry holds 13,194 classes at 50,000 synthetic articles)
    iris: tuple[str, ...] = ()

    @property
    def key(self) -> ClassKey:
        return (self.name, self.country, self.parts)

    @property
    def first(self) -> tuple[str, str]:
        return (self.first_article, self.first_key)


def class_key(mention: PersonMention) -> ClassKey:
    return (mention.name, mention.country, mention.parts)


def classes_of(mentions: Iterable[PersonMention]) -> dict[ClassKey, MentionClass]:
    """The classes of these mentions, counting each article once per class."""
    classes: dict[ClassKey, MentionClass] = {}
    seen: set[tuple[ClassKey, str]] = set()
    for mention in mentions:
        add_mention(classes, mention, seen)
    return classes


def add_mention(classes: dict[ClassKey, MentionClass], mention: PersonMention,
                seen: set[tuple[ClassKey, str]] | None = None) -> None:
    """Count a mention in its class; ``seen`` ((key, article) pairs) keeps an article counted once."""
    key = class_key(mention)
    found = classes.get(key)
    if found is None:
        found = classes[key] = MentionClass(mention.name, mention.country, mention.parts)
    if seen is None or (key, mention.article) not in seen:
        found.articles += 1
        if seen is not None:
            seen.add((key, mention.article))
    if mention.ref < found.first:
        found.first_article, found.first_key = mention.ref
    if mention.iri and mention.iri not in found.iris:
        found.iris += (mention.iri,)


@dataclass(slots=True)
class Link:
    rule: str
    confidence: float
    why: str


@dataclass(slots=True)
class Cluster:
    country: str | None
    given: str
    initial: str
    members: list[PersonMention] = field(default_factory=list)
    links: dict[tuple[str, str], Link] = field(default_factory=dict)
    iri: str = ""
    label: str = ""
    classes: list[MentionClass] = field(default_factory=list)
    class_links: dict[ClassKey, Link] = field(default_factory=dict)
    step: dict[ClassKey, int] = field(default_factory=dict)  # the rule step each class joined at

    @property
    def sort_key(self) -> tuple:
        return (self.country or "~", self.given or "~", self.initial or "~",
                min((c.first for c in self.classes), default=("", "")))


def without_titles(name: str) -> str:
    """The name without leading rank or title words ("General Wei" -> "Wei") and extra spaces."""
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(".") in TITLES:
        words.pop(0)
    return " ".join(words)


_NAME_WEIGHT = {"full": 2, "initial": 1, "surname": 0}


def _pick_name(weights: dict[str, int], articles: dict[str, int]) -> str:
    if not weights:
        return ""
    return min(weights, key=lambda n: (-weights[n], -articles[n], -len(n), n))


def preferred_name(mentions: Iterable[PersonMention]) -> str:
    """The full name most articles use (ties: the longest, then alphabetical)."""
    weights: dict[str, int] = {}
    articles: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        name = without_titles(mention.name)
        articles[name].add(mention.article)
        weights[name] = _NAME_WEIGHT[mention.parts.kind if mention.parts else "surname"]
    return _pick_name(weights, {name: len(ids) for name, ids in articles.items()})


def preferred_name_of_classes(cluster: Cluster) -> str:
    """`preferred_name` from a cluster's classes (article counts added up per name)."""
    weights: dict[str, int] = {}
    articles: Counter[str] = Counter()
    for mention_class in sorted(cluster.classes, key=lambda c: (cluster.step[c.key], c.first)):
        name = without_titles(mention_class.name)
        articles[name] += mention_class.articles
        weights[name] = _NAME_WEIGHT[mention_class.parts.kind if mention_class.parts else "surname"]
    return _pick_name(weights, articles)


def cluster_block(mentions: list[PersonMention]) -> list[Cluster]:
    """Cluster the mentions of one surname block; a pure, order-independent function.

    The rules run on the mentions' classes (`cluster_classes`); each cluster then lists its
    mentions in the order the rules took them, with each mention's link."""
    mentions = sorted(mentions, key=lambda m: m.ref)
    by_class: dict[ClassKey, list[PersonMention]] = defaultdict(list)
    for mention in mentions:
        by_class[class_key(mention)].append(mention)

    def expand(cluster: Cluster) -> None:
        cluster.members = sorted((m for c in cluster.classes for m in by_class[c.key]),
                                 key=lambda m: (cluster.step[class_key(m)], m.ref))
        cluster.links = {m.ref: cluster.class_links[class_key(m)] for m in cluster.members}

    return cluster_classes(list(classes_of(mentions).values()), expand=expand)


def cluster_classes(classes: list[MentionClass], expand: Callable[[Cluster], None] | None = None) -> list[Cluster]:
    """Cluster the mention classes of one surname block; a pure, order-independent function.

    ``expand`` fills a cluster's mentions (`cluster_block`); the label is then their
    `preferred_name`, else the classes' (`preferred_name_of_classes`)."""
    classes = sorted(classes, key=lambda c: (c.first, c.name, c.country or ""))
    full: dict[tuple, Cluster] = {}
    # 1. full names with a country: same country + same folded given name
    for mention_class in classes:
        parts = mention_class.parts
        if parts and parts.kind == "full" and mention_class.country:
            cluster = full.setdefault((mention_class.country, parts.given),
                                      Cluster(mention_class.country, parts.given, parts.initial))
            cluster.classes.append(mention_class)
            cluster.step[mention_class.key] = 1
    for cluster in full.values():
        spellings = {person_slug(c.name) for c in cluster.classes}
        for mention_class in cluster.classes:
            if len(spellings) == 1:
                cluster.class_links[mention_class.key] = Link("same-name", 1.0, "same country, same full name")
            else:
                cluster.class_links[mention_class.key] = Link(
                    "transliteration", 0.95,
                    f"same country, same name after transliteration folding ({', '.join(sorted(spellings))})")
    own: dict[tuple, Cluster] = {}

    def join(mention_class: MentionClass, step: int, candidates: list[Cluster], link: Link, own_key: tuple,
             country: str | None, given: str, initial: str) -> None:
        if len(candidates) == 1 and link.confidence >= MERGE_THRESHOLD:
            candidates[0].classes.append(mention_class)
            candidates[0].class_links[mention_class.key] = link
            candidates[0].step[mention_class.key] = step
            return
        cluster = own.setdefault(own_key, Cluster(country, given, initial))
        cluster.classes.append(mention_class)
        cluster.step[mention_class.key] = step
        if len(candidates) > 1:
            why = f"ambiguous: {len(candidates)} candidates ({', '.join(sorted(c.classes[0].name + ' ' + (c.country or '?') for c in candidates))})"
        elif candidates:
            why = f"below the merge threshold ({link.confidence:.2f} < {MERGE_THRESHOLD}): {link.why}"
        else:
            why = "no other person matches"
        cluster.class_links[mention_class.key] = Link("apart", 0.0, why)

    # 2. full names without a country: the one full-name cluster with that given name
    for mention_class in classes:
        parts = mention_class.parts
        if parts and parts.kind == "full" and not mention_class.country:
            candidates = [c for c in full.values() if c.given == parts.given]
            join(mention_class, 2, candidates, Link("no-country", 0.85, "same full name; this article gives no country"),
                 ("full", None, parts.given), None, parts.given, parts.initial)
    # 3. initials: the one full cluster of the country whose given name has that initial
    for mention_class in classes:
        parts, country = mention_class.parts, mention_class.country
        if parts and parts.kind == "initial":
            if country:
                candidates = [c for c in full.values() if c.country == country and parts.initial in _initials(c)]
                link = Link("initial", 0.9, f"same country, initial {parts.initial.upper()}. matches the given name")
            else:
                candidates = [c for c in full.values() if parts.initial in _initials(c)]
                link = Link("initial-no-country", 0.7, "initial matches; no country to confirm")
            join(mention_class, 3, candidates, link, ("initial", country, parts.initial), country, "", parts.initial)
    # 4. surname only: the one cluster of that country
    for mention_class in classes:
        parts, country = mention_class.parts, mention_class.country
        if not parts or parts.kind == "surname":
            if country and parts:
                candidates = [c for c in list(full.values()) + [c for k, c in own.items() if k[0] == "initial"]
                              if c.country == country]
                link = Link("surname", 0.85, f"surname only; the one person of that surname from {country}")
            else:
                candidates = [c for c in full.values()] if parts else []
                link = Link("surname-no-country", 0.5, "surname only, no country")
            join(mention_class, 4, candidates, link, ("surname", country), country, "", "")
    clusters = sorted(list(full.values()) + list(own.values()), key=lambda c: c.sort_key)
    for cluster in clusters:
        if expand is not None:
            expand(cluster)
            cluster.label = preferred_name(cluster.members)
        else:
            cluster.label = preferred_name_of_classes(cluster)
    _assign_iris(clusters)
    return clusters


def _initials(cluster: Cluster) -> set[str]:
    """The initials a cluster's given name can show: as written (Y. for Yaşar) and folded."""
    found = {cluster.given[:1]} if cluster.given else set()
    for mention_class in cluster.classes:
        parts = mention_class.parts
        if parts and parts.initial:
            found.add(parts.initial)
    return found


def _assign_iris(clusters: list[Cluster]) -> None:
    by_slug: dict[str, list[Cluster]] = defaultdict(list)
    for cluster in clusters:
        by_slug[person_slug(cluster.label)].append(cluster)
    for slug, group in by_slug.items():
        if len(group) == 1:
            group[0].iri = sys.intern(PERSON_NS + slug)  # one string however often the block is clustered
            continue
        used: set[str] = set()
        for cluster in group:  # already in a deterministic order
            candidate = f"{slug}-{cluster.country.lower()}" if cluster.country else f"{slug}-x"
            number = 2
            base = candidate
            while candidate in used:
                candidate = f"{base}-{number}"
                number += 1
            used.add(candidate)
            cluster.iri = sys.intern(PERSON_NS + candidate)


# ------------------------------------------------------------------ curation overrides


@dataclass
class PersonOverrides:
    """Analyst decisions that beat the rules: merges (IRI -> IRI) and splits."""

    merges: dict[str, str] = field(default_factory=dict)
    # (entity IRI, articles to move, new IRI, new label, new country)
    splits: list[tuple[str, frozenset[str], str, str, str | None]] = field(default_factory=list)

    def target(self, iri: str) -> str:
        seen = set()
        while iri in self.merges and iri not in seen:
            seen.add(iri)
            iri = self.merges[iri]
        return iri


# ------------------------------------------------------------------ the registry


BlockLoader = Callable[[set[str]], dict[str, list[PersonMention]]]
ArticleLoader = Callable[[str], "list[PersonMention] | None"]
NamedLoader = Callable[[str, str], dict[str, list[PersonMention]]]  # (block, IRI) -> articles naming it there


class MentionRegistry:
    """Person mentions by article and by surname block, clustered block by block.

    In memory only (``load_blocks=None``: every mention held, blocks clustered mention by
    mention), or backed by the store: then the articles in work (being written, re-mapped or
    removed) are held as mentions, and the stored rest of a block as its classes
    (`MentionClass`), read once from the store when the block is first needed (``load_blocks``
    returns, for a set of blocks, every article naming someone in them with all its mentions) and
    kept up to date as written articles are folded in (`commit`). A block is clustered from its
    classes, so clustering it again after each batch costs what its persons number, not its
    mentions; where a curation splits an entity by articles, that block is clustered from its
    mentions. `evict` drops what the current work no longer needs, or packs it (``freeze``).
    """

    def __init__(self, overrides: PersonOverrides | None = None, load_blocks: BlockLoader | None = None,
                 load_article: ArticleLoader | None = None, load_named: NamedLoader | None = None):
        self.articles: dict[str, list[PersonMention]] = {}
        self.blocks: dict[str, set[str]] = defaultdict(set)  # block -> articles of self.articles in it
        self.overrides = overrides or PersonOverrides()
        self.load_blocks = load_blocks
        self.load_article = load_article
        self.load_named = load_named
        # store-backed: block -> the classes of its stored mentions, but those of self.articles
        self.summaries: dict[str, dict[ClassKey, MentionClass]] = {}
        self.removed: set[str] = set()  # articles removed in this session: never reloaded
        # articles in work found not stored (new ones): not looked up again until the next commit
        self.unstored: set[str] = set()
        self._cache: dict[str, list[Cluster]] = {}
        self._iris: dict[str, dict[tuple[str, str], str]] = {}  # block clustered by mentions -> ref -> IRI
        self._class_iris: dict[str, dict[ClassKey, str]] = {}  # block clustered by classes -> class -> IRI
        self._mentions = 0  # mentions held in self.articles
        self._classes = 0  # classes held in self.summaries
        # store-backed: block -> its classes packed in one string (`_freeze`), where they were dropped past a
        # budget (`evict(freeze=True)`): about a sixth of what they take as objects, unpacked when next used
        # instead of read again from the store (which costs more memory in its caches than the classes do)
        self._frozen: dict[str, bytes] = {}
        # block -> (class, reference) pairs: a class whose smallest reference is an article in work, kept
        # (re-mapping an article holds it with the same mentions) and checked when the block is next used
        self._firsts_in_work: dict[str, set[tuple[ClassKey, tuple[str, str]]]] = {}
        # block -> its last clustering by classes and each class's (articles, smallest reference) then, the
        # blocks used longest ago first (`_reuse`); at most KEPT_CLASSES classes in all
        self._kept: dict[str, tuple[dict[ClassKey, tuple[int, str, str]], list[Cluster]]] = {}
        self._kept_classes = 0

    @property
    def lazy(self) -> bool:
        return self.load_blocks is not None

    def ensure_blocks(self, blocks: Iterable[str]) -> None:
        """Read the classes of the blocks not in memory yet (store-backed); the others count as
        used last (`evict` drops the blocks used longest ago first)."""
        if not self.lazy:
            return
        missing = set()
        for block in blocks:  # by key: no set of every block
            if block in self.summaries:
                self.summaries[block] = self.summaries.pop(block)  # to the end: used last
            elif block in self._frozen:
                self._thaw(block)
            else:
                missing.add(block)
        if not missing:
            return
        records = self.load_blocks(missing)
        for block in missing:
            self.summaries[block] = {}
        seen: set = set()
        for article, mentions in records.items():
            if article in self.removed or article in self.articles:  # what is in memory is newer
                continue
            for mention in mentions:
                if block_of(mention) in missing:
                    add_mention(self.summaries[block_of(mention)], mention, seen)
        for block in missing:
            self._classes += len(self.summaries[block])
            self.forget(block)

    def ensure_article(self, article: str) -> None:
        """Hold one stored article's mentions (store-backed), e.g. before replacing or removing it;
        they leave the classes of its blocks."""
        if not self.lazy or article in self.articles or article in self.removed or article in self.unstored:
            return
        mentions = self.load_article(article)
        if not mentions:
            self.unstored.add(article)
            return
        self._hold(article, mentions)
        for block in {block_of(m) for m in mentions}:
            self.forget(block)
            summary = self._summary(block)
            if summary is None:
                continue
            for key in {class_key(m) for m in mentions if block_of(m) == block}:
                found = summary.get(key)
                if found is None:
                    self._drop_summary(block)
                    break
                if found.first_article == article:  # its smallest reference is in work (`_check_firsts`)
                    self._firsts_in_work.setdefault(block, set()).add((key, found.first))
                found.articles -= 1

    def _check_firsts(self, block: str) -> None:
        """Drop the block's classes (to be read again) if the smallest reference of one of them is an
        article in work that no longer names that class so: removed, or its mentions changed. Re-mapping
        an article keeps its mentions, so its blocks are not read again (at 50,000 synthetic articles,
        re-mapping 479 articles read 310 times from the store)."""
        firsts = self._firsts_in_work.get(block)
        if not firsts:
            return
        held = {(class_key(m), m.ref) for article in self.blocks.get(block, ()) for m in self.articles[article]
                if block_of(m) == block}
        if not firsts <= held:
            self._drop_summary(block)

    def _hold(self, article: str, mentions: list[PersonMention]) -> None:
        self.articles[article] = mentions
        self._mentions += len(mentions)
        for mention in mentions:
            self.blocks[block_of(mention)].add(article)

    def _drop_summary(self, block: str) -> None:
        self._classes -= len(self.summaries.pop(block, {}))
        self._frozen.pop(block, None)
        self._firsts_in_work.pop(block, None)
        self._unkeep(block)

    def _summary(self, block: str) -> dict[ClassKey, MentionClass] | None:
        """The block's classes if held (unpacked if frozen); None if not read yet."""
        if block in self._frozen:
            self._thaw(block)
        return self.summaries.get(block)

    def _freeze(self, block: str) -> None:
        """Pack a committed block's classes in one string (`marshal`), in place of their objects."""
        summary = self.summaries.pop(block)
        self._classes -= len(summary)
        self._unkeep(block)
        self._frozen[block] = marshal.dumps(tuple(
            (c.name, c.country, (c.parts.surname, c.parts.given, c.parts.initial, c.parts.kind) if c.parts else None,
             c.articles, c.first_article, c.first_key, c.iris) for c in summary.values()))

    def _thaw(self, block: str) -> None:
        """The frozen block's classes as they were packed, held again (used last)."""
        intern = sys.intern
        summary: dict[ClassKey, MentionClass] = {}
        for name, country, parts, articles, first_article, first_key, iris in marshal.loads(self._frozen.pop(block)):
            found = MentionClass(intern(name), intern(country) if country else country,
                                 NameParts(*map(intern, parts)) if parts else None, articles, intern(first_article),
                                 intern(first_key), tuple(map(intern, iris)))
            summary[found.key] = found
        self.summaries[block] = summary
        self._classes += len(summary)
        self.forget(block)

    def _unkeep(self, block: str) -> tuple[dict[ClassKey, tuple[int, str, str]], list[Cluster]] | None:
        kept = self._kept.pop(block, None)
        if kept is not None:
            self._kept_classes -= len(kept[0])
        return kept

    def _class_counts(self, block: str) -> dict[ClassKey, tuple[int, str, str]]:
        """Each class of the block as clustering it now would count it: (articles, smallest reference),
        from its stored classes and the mentions in work, as `add_mention` counts them."""
        counts = {key: (c.articles, c.first_article, c.first_key) for key, c in self.summaries[block].items()}
        seen: set[tuple[ClassKey, str]] = set()
        for article in self.blocks.get(block, ()):
            for mention in self.articles[article]:
                if block_of(mention) != block:
                    continue
                key = class_key(mention)
                articles, *first = counts.get(key, (0, "~", "~"))
                if (key, article) not in seen:
                    seen.add((key, article))
                    articles += 1
                if mention.ref < tuple(first):
                    first = mention.ref
                counts[key] = (articles, *first)
        return counts

    def _reuse(self, block: str, counts: dict[ClassKey, tuple[int, str, str]]) -> list[Cluster] | None:
        """The block's last clustering, if clustering it again would give the same: the same classes
        with the same smallest references (what decides who joins whom, the order and the links), where
        only how many articles name a class changed and no label changes with it (labels decide the
        IRIs). A recurring person's block is then not clustered again, whatever its size (at 50,000
        synthetic articles a touched block holds 1.76 classes on average, 20 at most, against 1.13 at
        10,000)."""
        kept = self._unkeep(block)
        if kept is None:
            return None
        before, clusters = kept
        if before.keys() != counts.keys():
            return None
        changed = [key for key, value in counts.items() if value != before[key]]
        if not changed:
            return clusters
        if any(counts[key][1:] != before[key][1:] for key in changed):
            return None
        owner = {c.key: (cluster, c) for cluster in clusters for c in cluster.classes}
        relabel = {}
        for key in changed:
            cluster, mention_class = owner[key]
            mention_class.articles = counts[key][0]
            relabel[id(cluster)] = cluster
        if any(preferred_name_of_classes(cluster) != cluster.label for cluster in relabel.values()):
            return None
        return clusters

    def _keep(self, block: str, counts: dict[ClassKey, tuple[int, str, str]], clusters: list[Cluster]) -> None:
        if len(counts) < 2:
            return
        self._kept[block] = (counts, clusters)
        self._kept_classes += len(counts)
        while self._kept_classes > KEPT_CLASSES:
            self._unkeep(next(iter(self._kept)))

    def mentions(self, article: str) -> list[PersonMention]:
        self.ensure_article(article)
        return self.articles.get(article, [])

    def size(self) -> int:
        """Mentions held in memory."""
        return self._mentions

    def class_count(self) -> int:
        """PersonMention classes held in memory (store-backed)."""
        return self._classes

    def commit(self) -> None:
        """The articles in work are stored as they are held (store-backed): fold them into the
        classes of their blocks and drop their mentions."""
        if not self.lazy:
            return
        for block in list(self._firsts_in_work):
            self._check_firsts(block)
        self._firsts_in_work = {}  # what is folded in below gives each class its smallest reference again
        seen: set = set()
        for article, mentions in self.articles.items():
            for mention in mentions:
                summary = self._summary(block_of(mention))
                if summary is not None:  # a block not read yet will read it from the store
                    before = len(summary)
                    add_mention(summary, mention, seen)
                    self._classes += len(summary) - before
        self.articles = {}
        self.blocks = defaultdict(set)
        self._mentions = 0
        self.unstored = set()

    def evict(self, keep: Iterable[str] = (), down_to: int = 0, freeze: bool = False) -> None:
        """Commit, then drop the classes of the blocks used longest ago, but ``keep``, until at
        most ``down_to`` classes are held (store-backed); with ``freeze``, keep them packed instead
        (`_freeze`: unpacked when next used, not read again from the store). Dropping drops the
        frozen blocks first (they were used longest ago)."""
        if not self.lazy:
            return
        self.commit()
        keep = set(keep)
        if not freeze:
            for block in [b for b in self._frozen if b not in keep]:
                del self._frozen[block]
        for block in [b for b in self.summaries if b not in keep]:  # oldest first
            if self._classes <= down_to:
                break
            if freeze:
                self._freeze(block)
            else:
                self._drop_summary(block)
        self.forget()

    def put(self, article: str, mentions: list[PersonMention]) -> set[str]:
        """Replace an article's mentions; returns the blocks touched (old and new)."""
        touched = self.remove(article)
        self.removed.discard(article)
        self._hold(article, mentions)
        touched |= {block_of(m) for m in mentions}
        for block in touched:
            self.forget(block)
        return touched

    def remove(self, article: str) -> set[str]:
        self.ensure_article(article)
        touched = set()
        for mention in self.articles.pop(article, []):
            block = block_of(mention)
            self.blocks[block].discard(article)
            if not self.blocks[block]:
                del self.blocks[block]
            touched.add(block)
            self._mentions -= 1
        self.removed.add(article)
        for block in touched:
            self.forget(block)
        return touched

    def forget(self, block: str | None = None) -> None:
        """Drop cached clusters (of one block, or all): they are recomputed when needed."""
        if block is None:
            self._cache.clear()
            self._iris.clear()
            self._class_iris.clear()
        else:
            self._cache.pop(block, None)
            self._iris.pop(block, None)
            self._class_iris.pop(block, None)

    def block_mentions(self, block: str) -> list[PersonMention]:
        """Every mention of the block (store-backed: read from the store, with those in work)."""
        held = [m for article in sorted(self.blocks.get(block, ())) for m in self.articles[article]
                if block_of(m) == block]
        if not self.lazy:
            return held
        stored = [m for article, mentions in sorted(self.load_blocks({block}).items())
                  if article not in self.articles and article not in self.removed
                  for m in mentions if block_of(m) == block]
        return stored + held

    def clusters(self, block: str) -> list[Cluster]:
        if block in self._cache:
            if block in self.summaries:
                self.summaries[block] = self.summaries.pop(block)  # used last (`evict`)
            return self._cache[block]
        if self.lazy:
            self._check_firsts(block)
            self.ensure_blocks([block])
            counts = self._class_counts(block)
            clusters = self._reuse(block, counts)
            if clusters is None:
                classes = {key: dataclasses.replace(c) for key, c in self.summaries[block].items()}
                seen: set = set()
                for article in self.blocks.get(block, ()):
                    for mention in self.articles[article]:
                        if block_of(mention) == block:
                            add_mention(classes, mention, seen)
                clusters = cluster_classes(list(classes.values()))
                split = {entity for entity, *_ in self.overrides.splits}
                if any(cluster.iri in split for cluster in clusters):
                    clusters = None
                else:
                    self._apply_overrides(clusters)
            if clusters is not None:
                self._keep(block, counts, clusters)
                self._class_iris[block] = {c.key: cluster.iri for cluster in clusters for c in cluster.classes}
                self._cache[block] = clusters
                return clusters
        clusters = self._mention_clusters(block)
        self._iris[block] = {m.ref: c.iri for c in clusters for m in c.members}
        self._cache[block] = clusters
        return clusters

    def _mention_clusters(self, block: str) -> list[Cluster]:
        clusters = cluster_block(self.block_mentions(block))
        self._apply_overrides(clusters)
        return clusters

    def mention_clusters(self, block: str) -> list[Cluster]:
        """The block's clusters with their mentions and each mention's link (what explains them)."""
        clusters = self.clusters(block)
        return clusters if block in self._iris else self._mention_clusters(block)

    def _apply_overrides(self, clusters: list[Cluster]) -> None:
        for entity, articles, new_iri, new_label, new_country in self.overrides.splits:
            for cluster in list(clusters):
                if cluster.iri != entity:
                    continue
                moved = [m for m in cluster.members if m.article in articles]
                if not moved:
                    continue
                cluster.members = [m for m in cluster.members if m.article not in articles]
                split = Cluster(new_country, "", "", moved, iri=new_iri, label=new_label)
                for mention in moved:
                    split.links[mention.ref] = Link("curation-split", 1.0, f"split from {entity} by a curation")
                clusters.append(split)
        for cluster in clusters:
            target = self.overrides.target(cluster.iri)
            if target != cluster.iri:
                for links in (cluster.links, cluster.class_links):
                    for ref in links:
                        links[ref] = Link("curation-merge", 1.0,
                                          f"merged into {target} by a curation (rules: {links[ref].why})")
                cluster.iri = target

    def _iri_of(self, block: str, mention: PersonMention) -> str | None:
        self.clusters(block)
        if block in self._iris:
            return self._iris[block].get(mention.ref)
        return self._class_iris[block].get(class_key(mention))

    def iri_for(self, article: str, key: str) -> str | None:
        for mention in self.mentions(article):
            if mention.key == key:
                return self._iri_of(block_of(mention), mention)
        return None

    def unsettled(self, block: str) -> bool:
        """Whether a stored mention of the block may carry an IRI other than the one the rules now give
        it, with the mentions in work as they are assigned now: what `stale_articles` would read the
        store to find. False only for a store-backed block clustered by classes, every class of it
        carrying its current IRI alone; such a block, until it changes, has no stale article and its
        clusters' IRIs are what they are now, so a final reconcile need not hold or check it."""
        if not self.lazy:
            return True
        self.clusters(block)
        current = self._class_iris.get(block)
        if current is None or block not in self.summaries:  # clustered by its mentions (a curation's split)
            return True
        for key, mention_class in self.summaries[block].items():
            if any(iri != current.get(key) for iri in mention_class.iris):
                return True
        return any(block_of(m) == block and m.iri != current.get(class_key(m))
                   for article in self.blocks.get(block, ()) for m in self.articles[article])

    def stale_articles(self, blocks: Iterable[str]) -> set[str]:
        """Articles whose stored person IRIs differ from what the rules now give.

        Store-backed, a block's stored articles are read only where a class's mentions carry
        an IRI other than the one it now gets (by block and IRI); the classes then count as
        re-mapped to it, as the caller does."""
        stale = set()
        for block in blocks:
            clusters = self.clusters(block)
            if block in self._iris:
                for cluster in clusters:
                    for mention in cluster.members:
                        if mention.iri != cluster.iri:
                            stale.add(mention.article)
                continue
            for article in self.blocks.get(block, ()):
                if any(block_of(m) == block and m.iri != self._iri_of(block, m) for m in self.articles[article]):
                    stale.add(article)
            for key, mention_class in self.summaries.get(block, {}).items():
                current = self._class_iris[block][key]
                for old in sorted(iri for iri in mention_class.iris if iri != current):
                    for article, mentions in self.load_named(block, old).items():
                        if article not in self.articles and article not in self.removed and any(
                                block_of(m) == block and m.iri != self._iri_of(block, m) for m in mentions):
                            stale.add(article)
                mention_class.iris = (current,)
        return stale

    def clusters_named(self, name: str) -> list[Cluster]:
        """Clusters in the block of this name (what `kg entities --person NAME` shows)."""
        probe = PersonMention("", "", name)
        block = block_of(probe)
        clusters = list(self.mention_clusters(block))
        parts = probe.parts
        if parts and parts.kind == "full":
            clusters = [c for c in clusters if c.given in ("", parts.given)
                        or any(m.parts and m.parts.given == parts.given for m in c.members)] or clusters
        return clusters


def entity_description(iri: str, members: list[PersonMention]) -> dict:
    """One person's description for the entities graph: label, aliases, latest rank/post, country."""
    label = preferred_name(members)
    names = set()
    for mention in members:
        names.add(" ".join(mention.name.split()))
        names.update(" ".join(a.split()) for a in mention.aliases)
    names.discard(label)
    latest = sorted(members, key=lambda m: (m.date or "", m.article, m.key))
    description = {"label": label, "aliases": sorted(names)}
    for attribute in ("rank", "position", "organization"):
        values = [getattr(m, attribute) for m in latest if getattr(m, attribute)]
        description[attribute] = values[-1] if values else None
    countries = Counter(m.country for m in members if m.country)
    description["country"] = (min(countries, key=lambda c: (-countries[c], c)) if countries else None)
    return description


# ------------------------------------------------------------------ other entities: names


_SPELLING = [(r"\bDefense\b", "Defence"), (r"\bdefense\b", "defence"), (r"\bCenter\b", "Centre"),
             (r"\bOrganization\b", "Organisation"), (r"\s+", " ")]
CODE_ALIASES = {"UK": "GB", "EL": "GR", "USA": "US", "PRC": "CN", "ROK": "KR", "DPRK": "KP"}
_MINISTRY = re.compile(r"^(?:the\s+)?(?P<who>[\w'’ .-]+?)(?:'s|’s)?\s+(?P<what>Defence|Foreign Affairs|Foreign)\s+Ministry$",
                       re.IGNORECASE)


def normalize_code(code: str | None) -> str | None:
    if not code:
        return code
    code = code.strip()
    return CODE_ALIASES.get(code.upper(), code.upper() if len(code) == 2 else code)


def normalize_organization(name: str, country: str | None = None) -> str:
    """One spelling per organisation: "Azerbaijani Defense Ministry" -> "Ministry of Defence of Azerbaijan"."""
    text = name.strip()
    for pattern, replacement in _SPELLING:
        text = re.sub(pattern, replacement, text)
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    match = _MINISTRY.match(text)
    if match:
        who = match.group("who").strip()
        code = gazetteer.code_for(who)
        what = "Defence" if match.group("what").lower() == "defence" else "Foreign Affairs"
        if code and not gazetteer.is_international_body(code):
            return f"Ministry of {what} of {gazetteer.country_name(code)}"
    if re.fullmatch(r"(?:Ministry of Defence|Defence Ministry|MoD)", text, re.IGNORECASE) and country \
            and not gazetteer.is_international_body(country) and gazetteer.country_name(country):
        return f"Ministry of Defence of {gazetteer.country_name(country)}"
    match = re.fullmatch(r"Ministry of (Defence|Foreign Affairs) of (?:the )?(.+)", text, re.IGNORECASE)
    if match:
        code = gazetteer.code_for(match.group(2))
        if code and gazetteer.country_name(code):
            return f"Ministry of {match.group(1).title()} of {gazetteer.country_name(code)}"
    return text


@lru_cache(maxsize=1)
def _forum_aliases() -> dict[str, str]:
    """Forum alias -> series name, from the extractor's forum table (read only)."""
    from importlib import resources

    aliases: dict[str, str] = {}
    try:
        data = json.loads(resources.files("kg.extract").joinpath("data/forums.json").read_text("utf-8"))
    except (OSError, ValueError, ModuleNotFoundError):
        return aliases
    for forum in data.get("forums", []):
        name = forum.get("name")
        if not name:
            continue
        aliases[_name_key(name)] = name
        for alias in forum.get("aliases", []):
            aliases.setdefault(_name_key(alias), name)
    return aliases


def _name_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", transliterate(text).lower()).strip().removeprefix("the ")


def normalize_forum_name(name: str) -> str:
    """The series name: aliases and "the"/ordinals dropped ("the Xiangshan Forum" -> "Beijing Xiangshan Forum")."""
    text = re.sub(r"^(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?", "", name.strip(), flags=re.IGNORECASE)
    return _forum_aliases().get(_name_key(text), text)


def normalize_place_name(name: str) -> str:
    """A city under the gazetteer's spelling when it knows it ("Bakı" -> "Baku")."""
    text = " ".join(name.split())
    surface = gazetteer.lookup(text) or gazetteer.lookup(transliterate(text))
    if surface and surface.kind == "city":
        return surface.text
    return text


def normalize_extraction(extraction: Extraction) -> Extraction:
    """A copy with normalised codes and organisation, place and forum names (pure)."""
    def place(value: Place | None) -> Place | None:
        if value is None:
            return None
        return Place(normalize_place_name(value.name), normalize_code(value.country))

    persons = [dataclasses.replace(
        p, country=normalize_code(p.country),
        organization=normalize_organization(p.organization, normalize_code(p.country)) if p.organization else None)
        for p in extraction.persons]
    meetings = [dataclasses.replace(
        m, parties=[normalize_code(c) for c in m.parties], host=normalize_code(m.host),
        location=place(m.location)) for m in extraction.meetings]
    delegations = [dataclasses.replace(d, country=normalize_code(d.country)) for d in extraction.delegations]
    forums = [dataclasses.replace(f, name=normalize_forum_name(f.name), location=place(f.location),
                                  aliases=sorted(set(f.aliases) | ({f.name} - {normalize_forum_name(f.name)})))
              for f in extraction.forums]
    invitations = [dataclasses.replace(i, country=normalize_code(i.country)) for i in extraction.invitations]
    return dataclasses.replace(extraction, persons=persons, meetings=meetings, delegations=delegations,
                               forums=forums, invitations=invitations)


# ------------------------------------------------------------------ extraction records


def extraction_to_json(extraction: Extraction) -> str:
    """The extraction as stored beside the article, so it can be re-mapped without re-reading it."""
    data = dataclasses.asdict(extraction)
    data["article"].pop("text", None)  # the text is not needed to re-map, and can be large
    data["article"]["origin"] = ""  # where it was read this time is not part of the article
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def extraction_from_json(text: str) -> Extraction:
    data = json.loads(text)

    def place(value):
        return Place(**value) if value else None

    return Extraction(
        article=Article(text="", **data["article"]),
        date=data.get("date"),
        persons=[Person(**p) for p in data.get("persons", [])],
        meetings=[Meeting(**{**m, "location": place(m.get("location"))}) for m in data.get("meetings", [])],
        delegations=[Delegation(**d) for d in data.get("delegations", [])],
        forums=[Forum(**{**f, "location": place(f.get("location"))}) for f in data.get("forums", [])],
        invitations=[Invitation(**i) for i in data.get("invitations", [])],
        warnings=data.get("warnings", []),
        error=data.get("error"),
    )
