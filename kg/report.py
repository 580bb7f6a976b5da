"""What an ingest run reports, and what decides whether an article changed since it was stored."""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field

from kg import __version__
from kg.extract import extractor_version
from kg.model import Article


@dataclass
class IngestReport:
    ingested: int = 0
    unchanged: int = 0
    skipped: int = 0  # not failures: e.g. an article in another language
    failed: list[str] = field(default_factory=list)  # "origin: reason"
    warnings: list[str] = field(default_factory=list)
    quads: int = 0
    reresolved: int = 0  # other articles re-mapped because resolution changed
    total: int | None = None  # articles expected, when counted beforehand (for the ETA)
    started: float = field(default_factory=time.monotonic)

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def done(self) -> int:
        return self.ingested + self.unchanged + self.skipped + len(self.failed)

    def summary(self) -> str:
        text = (f"ingested {self.ingested}, unchanged {self.unchanged}, failed {len(self.failed)}"
                + (f", skipped {self.skipped}" if self.skipped else "")
                + f" ({self.quads} quads written")
        if self.reresolved:
            text += f"; {self.reresolved} earlier articles re-resolved"
        elapsed = time.monotonic() - self.started
        return text + f"; {elapsed:.1f} s)"


def content_hash(article: Article) -> str:
    """What decides whether an article changed: its fields and the extractor's version.

    A new extractor version makes every article count as changed, so re-ingesting re-reads it.
    """
    fields = [__version__, extractor_version(), article.id, article.text, article.url, article.title,
              article.date, article.source]
    if article.gdelt:  # only when present: the hashes of other articles stay as they were
        fields.append(article.gdelt)
    payload = json.dumps(fields, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
