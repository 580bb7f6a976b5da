"""The main job: read articles -> extract facts -> map to RDF -> store, one named graph per article.

`ingest()` is the library API the CLI and notebooks share. It never stops on a bad input: each
failure is recorded in the report with the input it came from, and the batch goes on.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from kg import __version__
from kg.extract import extract_many
from kg.ingest import ReadFailure, ReadWarning, read_articles
from kg.model import Article, Extraction
from kg.rdf import article_iri, extraction_quads


@dataclass
class IngestReport:
    ingested: int = 0
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)  # "origin: reason"
    warnings: list[str] = field(default_factory=list)
    quads: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (f"ingested {self.ingested}, unchanged {self.unchanged}, failed {len(self.failed)} "
                f"({self.quads} quads written)")


def content_hash(article: Article) -> str:
    """What decides whether an article changed: its fields and the extractor's version."""
    payload = json.dumps([__version__, article.id, article.text, article.url, article.title,
                          article.date, article.source], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def store_extraction(store, extraction: Extraction, digest: str | None = None) -> int:
    """Replace the article's named graph with the quads of this extraction; returns their number."""
    quads = extraction_quads(extraction, content_hash=digest)
    store.replace_graph(article_iri(extraction.article.id), quads)
    return len(quads)


def ingest(paths: Iterable[str], store, jobs: int = 1, force: bool = False,
           on_progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Ingest files and directories into the store; unchanged articles are skipped unless ``force``."""
    report = IngestReport()
    digests: dict[str, str] = {}

    def articles_to_extract() -> Iterator[Article]:
        seen_ids: set[str] = set()
        for item in read_articles(paths):
            if isinstance(item, ReadWarning):
                report.warnings.append(str(item))
                continue
            if isinstance(item, ReadFailure):
                report.failed.append(str(item))
                if on_progress:
                    on_progress(report)
                continue
            if item.id in seen_ids:
                report.warnings.append(f"{item.origin}: id {item.id!r} appears again in this batch; "
                                       "the later article replaces the earlier")
            seen_ids.add(item.id)
            digest = content_hash(item)
            if not force and store.content_hash(article_iri(item.id)) == digest:
                report.unchanged += 1
                if on_progress:
                    on_progress(report)
                continue
            digests[item.origin] = digest
            yield item

    for extraction in extract_many(articles_to_extract(), jobs=jobs):
        article = extraction.article
        if extraction.error:
            report.failed.append(f"{article.origin} (id {article.id}): extraction failed: {extraction.error}")
            if on_progress:
                on_progress(report)
            continue
        try:
            report.quads += store_extraction(store, extraction, digests.pop(article.origin, None))
        except Exception as error:  # noqa: BLE001 - one bad article must not stop the batch
            report.failed.append(f"{article.origin} (id {article.id}): cannot store: {error}")
        else:
            report.ingested += 1
            report.warnings.extend(f"{article.origin}: {w}" for w in extraction.warnings)
        if on_progress:
            on_progress(report)
    store.flush()
    return report
