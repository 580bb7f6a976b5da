"""The persons of one article: a registry that merges repeated mentions into one person.

A later, shorter mention ("Hasanov", "General Thành", "Minister SAKAMOTO") joins the person whose
full name contains its words (of two such persons, the one the article tells most, then the latest told);
a fuller mention upgrades the name and keeps the short one as an alias.
A person's state, rank and post are the first mention's that gives them, kept with the reading that gave
each and its sentence (`country_rule`, `rank_rule`, `position_rule`: see `kg.extract.mentions`).
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field

from kg.extract.mentions import PATRONYMIC_PARTICLES, Mention, name_words


_COMMON_SHORT = {"an", "as", "at", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no", "of", "on", "or",
                 "so", "to", "up", "us", "we", "am", "be", "al", "el", "de", "da", "di", "du", "la", "le", "mr", "ms",
                 "dr", "st"}


@dataclass
class PersonRecord:
    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    rank: str | None = None
    position: str | None = None
    country: str | None = None
    honorific: str | None = None
    first_sentence: int = 0
    last_sentence: int = 0
    evidence: str = ""
    words: list[str] = field(default_factory=list)
    country_rule: str | None = None  # the reading that settled ``country``
    country_evidence: str = ""
    other_positions: list[str] = field(default_factory=list)  # later posts ("Chairman JCSC (CJCSC)"): their acronyms
    rank_rule: str | None = None  # the reading that gave ``rank``
    rank_evidence: str = ""
    position_rule: str | None = None  # the reading that gave ``position``
    mentions: int = 1
    position_evidence: str = ""

    def take_rank(self, rank: str | None, rule: str | None, evidence: str) -> None:
        """The first reading of a rank stands."""
        if not self.rank and rank:
            self.rank, self.rank_rule, self.rank_evidence = rank, rule, evidence

    def take_position(self, position: str | None, rule: str | None, evidence: str) -> None:
        """The first reading of a post stands (a common misspelling of its head word put right: "Minster of Defence")."""
        if not self.position and position:
            position = _MISSPELT_MINISTER.sub(r"\1inister", position)
            self.position, self.position_rule, self.position_evidence = position, rule, evidence

    def mentions_of_role(self, role: str) -> bool:
        role = role.casefold()
        text = f"{self.rank or ''} {self.position or ''}".casefold()
        return role in text


_MISSPELT_MINISTER = re.compile(r"\b([Mm])inster\b")


class Registry:
    def __init__(self) -> None:
        self.persons: dict[str, PersonRecord] = {}
        self._by_word: dict[str, list[str]] = {}  # name word -> keys: lookups stay fast however many persons

    def _index(self, person: PersonRecord) -> None:
        for word in person.words:
            keys = self._by_word.setdefault(word, [])
            if person.key not in keys:
                keys.append(person.key)

    def known_words(self) -> set[str]:
        words = set()
        for person in self.persons.values():
            # two-letter surnames count ("Hu", "Ng", "Li") unless they are common words
            words.update(w for w in person.words if len(w) >= 3 or (len(w) == 2 and w not in _COMMON_SHORT))
        return words

    def find(self, name: str, rank: str | None = None) -> PersonRecord | None:
        words = name_words(name)
        if not words:
            return None
        # two names that contain one another share a word of two letters or more (initials match only words)
        keys = {key for word in words if len(word) > 1 for key in self._by_word.get(word, ())}
        if not keys and len(words) == 1:  # "Al Bowardi" after "Mohammed bin Ahmed Al Bawardi"
            keys = {key for known, found in self._by_word.items() if _spelling_variant(words[0], known) for key in found}
        candidates = []
        for person in (self.persons[key] for key in sorted(keys, key=lambda k: int(k[1:]))):
            if (_contains(person.words, words) or _contains(words, person.words)) \
                    and not _fathers_name_only(name, person.name) and not _fathers_name_only(person.name, name) \
                    and not _fathers_full_name(name, person.name) and not _fathers_full_name(person.name, name):
                candidates.append(person)
        if not candidates:
            return None
        # prefer the same rank, then the one mentioned most, then the most recently mentioned
        candidates.sort(key=lambda p: ((rank is not None and p.rank == rank), p.mentions, p.last_sentence), reverse=True)
        return candidates[0]

    def add(self, mention: Mention, sentence_index: int, sentence: str) -> PersonRecord:
        person = self.find(mention.name, mention.rank)
        words = name_words(mention.name)
        if person is None:
            key = "p" + str(len(self.persons) + 1)
            person = PersonRecord(key, mention.name, [], None, None, mention.country,
                                  mention.honorific, sentence_index, sentence_index, sentence, words,
                                  mention.country_rule if mention.country else None, sentence if mention.country else "")
            person.take_rank(mention.rank, mention.rank_rule, sentence)
            person.take_position(mention.position, mention.position_rule, sentence)
            self.persons[key] = person
            self._index(person)
            return person
        if (len(words) > len(person.words) or len(words) == len(person.words) and _initials(words) < _initials(person.words)) \
                and _contains(words, person.words):
            if person.name not in person.aliases:
                person.aliases.append(person.name)
            person.name = mention.name
            person.words = words
            self._index(person)
        elif mention.name != person.name and mention.name not in person.aliases:
            person.aliases.append(mention.name)
        person.take_rank(mention.rank, mention.rank_rule, sentence)
        if person.position and mention.position and mention.position != person.position \
                and mention.position not in person.other_positions:
            person.other_positions.append(mention.position)
        person.take_position(mention.position, mention.position_rule, sentence)
        if person.country is None and mention.country:
            person.country, person.country_rule, person.country_evidence = mention.country, mention.country_rule, sentence
        person.honorific = person.honorific or mention.honorific
        person.last_sentence = sentence_index
        person.mentions += 1
        return person


_PATRONYMIC = rf"(?i:{'|'.join(PATRONYMIC_PARTICLES)})"


def _fathers_name_only(one: str, other: str) -> bool:
    """A one-word name that is only the father's name in another ("King Salman", "Mohammed bin Salman"): two
    persons ("Bin Salman" alone is the son)."""
    one_words, other_words = name_words(one), name_words(other)
    father = re.search(rf"\b{_PATRONYMIC}\s+(\S+)$", other.strip())
    return len(one_words) == 1 and len(other_words) > 1 and father is not None \
        and name_words(father.group(1)) == one_words and not re.match(rf"{_PATRONYMIC}\s", one.strip())


def _fathers_full_name(one: str, other: str) -> bool:
    """A name of several words that is all of another's after a patronymic ("Mohamed bin Zayed Al Nahyan", "Hamdan
    bin Mohamed bin Zayed Al Nahyan"): the father and the son, two persons."""
    one_words = name_words(one)
    # ... or the father named by his own patronymic without the family name ("Mohamed bin Zayed"): the son's name
    # after the patronymic begins with all of it
    own_patronymic = re.search(rf"\S\s+{_PATRONYMIC}\s+\S", one.strip()) is not None
    return len(one_words) >= 2 and any(
        name_words(tail.group(1)) == one_words or own_patronymic and name_words(tail.group(1))[:len(one_words)] == one_words
        for tail in re.finditer(rf"\S\s+{_PATRONYMIC}\s+(?=(\S.*)$)", other.strip()))


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """Every word of ``shorter`` is in ``longer``; an initial stands for a word it begins ("Z. Hasanov"), and a
    spelling may differ by one vowel or two swapped letters (`_spelling_variant`) when another word is shared."""
    shared = [w for w in shorter if w in longer]
    return bool(shorter) and all(w in longer or any(_initial_of(w, x) for x in longer)
                                 or (shared or len(shorter) == 1) and any(_spelling_variant(w, x, bool(shared))
                                                                          for x in longer)
                                 or shared and _glued_initials_of(w, longer)
                                 for w in shorter) \
        and any(len(w) > 1 for w in shorter)


def _glued_initials_of(initials: str, words: list[str]) -> bool:
    """A short word of the shorter name spells the initials of consecutive words of the longer one ("VG Khrenin",
    "Viktor Gennadievich Khrenin"), when the two names share another word."""
    size = len(initials)
    return 2 <= size <= 3 and any(all(len(w) > 1 for w in words[k:k + size])
                                  and "".join(w[0] for w in words[k:k + size]) == initials
                                  for k in range(len(words) - size + 1))


def _spelling_variant(one: str, other: str, beside_shared: bool = False) -> bool:
    """Two spellings of one name: same length (six letters or more), one vowel apart (a transliteration:
    "Bawardi", "Bowardi") or two neighbouring letters swapped (a typo: "Rajnath", "Rajanth"); or, from seven
    letters, one letter more ("Baghdasaryan", "Bagdasaryan"), from five beside a word the names share ("Zafar
    Mahmood Abbasi", "Zafar Mahmood Abbassi")."""
    if abs(len(one) - len(other)) == 1 and min(len(one), len(other)) >= (5 if beside_shared else 7):
        longer, shorter = (one, other) if len(one) > len(other) else (other, one)
        return any(longer[:k] + longer[k + 1:] == shorter for k in range(1, len(longer)))
    if len(one) != len(other) or len(one) < 6:
        return False
    differing = [k for k, (a, b) in enumerate(zip(one, other)) if a != b]
    if len(differing) == 2 and differing[1] == differing[0] + 1:
        k = differing[0]
        return one[k] == other[k + 1] and one[k + 1] == other[k]
    return len(differing) == 1 and one[differing[0]] in "aeiouy" and other[differing[0]] in "aeiouy"


def _initial_of(initial: str, word: str) -> bool:
    """``initial`` (a single letter of the shorter name) stands for ``word`` of the longer one."""
    return len(initial) == 1 and len(word) > 1 and word.startswith(initial)


def _initials(words: list[str]) -> int:
    return sum(len(w) == 1 for w in words)
