"""Extraction: article text -> `kg.model.Extraction` (persons, meetings, delegations, forums, invitations).

A rule pipeline over the genre of defence-diplomacy news: clean-up (`clean`), publication and event
dates (`dates`), lexicons of ranks, titles, triggers and forums (`lexicon`, ``data/``), person
mentions with rank, position and country (`mentions`, `persons`), forums (`forums`), and contacts
with their discourse state (`contacts`, helped by `roles`, `delegations`, `invitations`, `sides`,
`posts`). The lexicons load once, on first use; nothing runs at import.

Public API: `extract(article) -> Extraction` and `extract_many(articles, jobs=1)`.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from kg.model import Article, Extraction

# Changes whenever the rules or lexicons change what is extracted: callers that skip unchanged
# articles (kg.pipeline.content_hash) can include it so that a new extractor re-reads them.
EXTRACTOR_VERSION = "2.2"


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


def extract_many(articles: Iterable[Article], jobs: int = 1) -> Iterator[Extraction]:
    """Extract a stream of articles, in order; ``jobs > 1`` spreads the work over processes."""
    if jobs <= 1:
        for article in articles:
            yield extract(article)
        return
    from multiprocessing import get_context

    with get_context("spawn").Pool(jobs) as pool:
        yield from pool.imap(extract, articles, chunksize=8)
