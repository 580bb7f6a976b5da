"""Extraction: article text -> `kg.model.Extraction` (persons, meetings, delegations, forums, invitations).

A rule pipeline over the genre of defence-diplomacy news, as components over one record
(`records.ArticleRecord`): `document` (the article's dates, setting and sentences; each sentence's
mentions), `contacts` (the walk over the sentences that reads the contacts, helped by `references`,
`roles`, `delegations`, `invitations`) and `settle` (the facts, the states the text leaves implicit
(`sides`), and an implied contact when no rule read one (`implied`)). The pure helpers: clean-up
(`clean`), dates (`dates`), lexicons of ranks, titles, triggers and forums (`lexicon`, ``data/``),
mentions (`mentions`, `forums`, `ner`, `persons`, `posts`) and sentence cues (`cues`). Each reading is
recorded with the rule that made it (`Extraction.decisions`, shown by `kg explain`); the contact
phrasings are data with examples (``data/triggers.json``). The lexicons load once, on first use;
nothing runs at import.

Public API: `extract(article) -> Extraction` and `extractor_version()`; a stream of articles, each within a
time budget and over several processes, is `kg.budget.extract_many`.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from kg.model import Article, Extraction

# The extractor's code and data: any edit to them changes `extractor_version()`, so that stored articles
# (kg.pipeline.content_hash) are read again by the new rules.
_SOURCES = ("extract/*.py", "extract/data/*.json", "data/*.tsv", "gazetteer.py", "model.py")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A short hash of the extractor's code, pattern files and gazetteers (computed once, on first use)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(p for pattern in _SOURCES for p in root.glob(pattern)):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return "3-" + digest.hexdigest()[:12]


def extract(article: Article) -> Extraction:
    """Read one article: who met whom, when and where, delegations, forums and invitations."""
    from kg.extract.contacts import read_article

    try:
        return read_article(article)
    except RecursionError:  # pathological input: report it, never stop a batch
        extraction = Extraction(article=article, date=article.date)
        extraction.warnings.append("extraction gave up on this article (input too deeply nested)")
        return extraction
    except Exception as error:  # noqa: BLE001 - a rule's bug on one article must not stop the batch
        return Extraction(article=article, date=article.date,
                          error=f"internal error ({type(error).__name__}: {error}); please report it")
