"""Contacts read from clause structure: two officials of different states bound to one verb.

The phrasings of triggers.json name the verbs of contact a rule-writer has met ("received", "held talks
with"); press releases tell a contact with any verb whose subject and object are the two sides ("X briefed
his Tajik counterpart", "Panetta and Amorim conducted the first dialogue", "In separate talks, X and his
counterparts - A and B - reviewed ..."). When no phrasing matches a sentence, spaCy's dependency parser
reads it: a finite verb of the main clause (or one coordinated with it), not negated, not planned (no
modal, no "to"), whose subject names an official of one state and whose object (direct, dative, or after
"with", "to", "for", "on", "from") an official of another, or whose subject alone joins officials of two
states ("A and B discussed"). The verbs that bind two officials without a contact (appointing, inviting,
condemning ...) are data (``clause_link`` in triggers.json).

The parser (tagger, parser and what they listen to; no NER: `kg.extract.language_model`, loaded once, lazily,
and shared with the names' fallback) is asked only about
sentences with no contact phrase that refer to officials of two states already known; without the model
package this reading is off.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable

from kg.extract import language_model
from kg.extract.lexicon import lexicon

# the verb's dependents that hold its sides: the subject, and the object or its preposition's object
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "dative", "iobj"})
_OBJECT_PREPOSITIONS = frozenset({"with", "to", "for", "on", "from", "by"})  # "by": a passive's agent
# the relations a name may sit under inside one side: "A and B", "his counterparts - A and B", "X, Minister"
_INSIDE_A_SIDE = frozenset({"conj", "appos", "compound"})
_NOT_DONE_AUX = frozenset({"will", "would", "shall", "should", "could", "can", "may", "might", "must", "to"})
_FINITE = frozenset({"VBD", "VBN", "VBZ", "VBP"})


def linking_verb(text: str, spans: Iterable[tuple[int, int, str]], country_of: Callable[[str], str | None]
                 ) -> tuple[int, int] | None:
    """The character span of the first verb whose subject and object (or whose subject alone) name persons
    of two different known states, given the sentence's person references ``(start, end, key)``."""
    spans = [(start, end, key) for start, end, key in spans if end > start]
    if len({country_of(key) for _, _, key in spans} - {None}) < 2:
        return None
    parsed = language_model.analyse(text, language_model.CLAUSES)
    if parsed is None:
        return None
    not_contact = _not_contact_lemmas()
    heads = []
    for start, end, key in spans:
        span = parsed.char_span(start, end, alignment_mode="expand")
        if span is not None:
            heads.append((span.root, key))
    for verb in parsed:
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "conj") or verb.tag_ not in _FINITE \
                or verb.lemma_.lower() in not_contact:
            continue
        if verb.dep_ == "conj" and verb.head.dep_ != "ROOT":
            continue  # a verb coordinated inside a subordinate clause
        if any(child.dep_ == "neg" or child.dep_ in ("aux", "auxpass") and child.lower_ in _NOT_DONE_AUX
               for child in verb.children):
            continue
        subject, obj = set(), set()
        for token, key in heads:
            side = _side_of(token, verb)
            if side == "subject":
                subject.add(key)
            elif side == "object":
                obj.add(key)
        subject_states = {country_of(k) for k in subject} - {None}
        object_states = {country_of(k) for k in obj} - {None}
        if subject_states and object_states and subject_states != object_states or len(subject_states) >= 2:
            return verb.idx, verb.idx + len(verb.text)
    return None


@lru_cache(maxsize=1)
def _not_contact_lemmas() -> frozenset[str]:
    return frozenset(lexicon().triggers["clause_link"]["not_contact_lemmas"])


def _side_of(token, verb) -> str | None:
    """"subject" or "object" when the name's token hangs from ``verb`` as one of its sides, else None."""
    path = []
    while token.i != verb.i:
        if token.head.i == token.i:
            return None  # another clause's root
        path.append(token)
        token = token.head
    if not path:
        return None
    top = path[-1]
    if top.dep_ in ("prep", "agent") and top.lower_ in _OBJECT_PREPOSITIONS and len(path) >= 2 and path[-2].dep_ == "pobj":
        side, inside = "object", path[:-2]
    elif top.dep_ in _SUBJECTS or top.dep_ in _OBJECTS:
        side, inside = ("subject" if top.dep_ in _SUBJECTS else "object"), path[:-1]
    else:
        return None
    return side if all(t.dep_ in _INSIDE_A_SIDE for t in inside) else None
