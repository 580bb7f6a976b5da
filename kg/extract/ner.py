"""A statistical fallback for names the rules cannot anchor: spaCy's PERSON entities.

Press releases introduce nearly everyone with a rank or a post, which the rules read better than a
small statistical model reads foreign names; the model is consulted only for sentences that report a
contact but where the rules found fewer than two people ("Teodoro met Austin at ..."). Only the model's
recogniser runs (`kg.extract.language_model`, loaded once, lazily, and shared with the parser's reading).
If the model package is missing, the fallback is silently off.
"""
from __future__ import annotations

import re

from kg.extract import language_model


def person_spans(sentence: str) -> list[tuple[int, int]]:
    """Character spans of PERSON entities in one sentence (empty if the model is unavailable)."""
    doc = language_model.analyse(sentence, language_model.NAMES) if sentence.strip() else None
    if doc is None:
        return []
    spans = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]
    return join_name_particles(sentence, spans)


_PARTICLE_GAP = re.compile(r"\s+(?:(?:bin|bint|ibn|ben|ould|al|el|van|von|de|da|der)\s+)+")
_PARTICLE_TAIL = re.compile(r"(?:\s+(?:bin|bint|ibn|ould)\s+[A-Z][\w'\-]+)+(?:\s+(?:Al|al|El|el)-?[A-Z]?[\w'\-]+)?")


def join_name_particles(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The small model often cuts a long name at its particles ("Talal | bin Abdullah Al-Otaibi", or
    "Talal" alone): spans a particle joins are one name, and a span stops after the particles' names."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and _PARTICLE_GAP.fullmatch(sentence[joined[-1][1]:start]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    extended: list[tuple[int, int]] = []
    for start, end in joined:
        if extended and start < extended[-1][1]:
            continue  # inside the name just extended
        tail = _PARTICLE_TAIL.match(sentence, end)
        extended.append((start, tail.end()) if tail else (start, end))
    return extended
