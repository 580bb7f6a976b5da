"""Extraction: article text -> `kg.model.Extraction` (persons, meetings, delegations, forums, invitations).

PLACEHOLDER until the rule-based extractor lands: returns no facts. The public API is
`extract(article) -> Extraction` and `extract_many(articles, jobs=1) -> Iterator[Extraction]`.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from kg.model import Article, Extraction


def extract(article: Article) -> Extraction:
    return Extraction(article=article, date=article.date)


def extract_many(articles: Iterable[Article], jobs: int = 1) -> Iterator[Extraction]:
    for article in articles:
        yield extract(article)
