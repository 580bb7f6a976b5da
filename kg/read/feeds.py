"""News feeds (RSS 0.9 to 2.0, Atom): the pages their entries link to are the articles.

`parse_feed` is pure (the feed's bytes in, its entries out, through feedparser); fetching each
entry's page (`read_feed_entries`, and `read_feed_file` for a saved `.xml` feed) is `kg.read.web`'s.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError

FEED_SUFFIXES = (".xml", ".rss", ".atom")


@dataclass
class FeedEntry:
    link: str
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD, from the entry's published (or updated) time


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    """An RSS, RDF (RSS 0.9/1.0) or Atom document, by its media type or its root element."""
    kind = content_type.split(";")[0].strip().lower()
    if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    head = body[:2000].lstrip().lower()
    return (kind.endswith("xml") or head.startswith(b"<?xml") or head.startswith(b"<rss")
            or head.startswith(b"<feed")) and any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def parse_feed(body: bytes, origin: str) -> list[FeedEntry]:
    """The entries of a feed that link to a page; `InputError` naming ``origin`` when it is no feed.

    >>> rss = b'<rss version="2.0"><channel><title>T</title><item><link>https://a.example/1</link></item></channel></rss>'
    >>> [entry.link for entry in parse_feed(rss, "feed.xml")]
    ['https://a.example/1']
    """
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.get("version") and not parsed.entries:
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")() or "no RSS or Atom root element"
        raise InputError(f"{origin}: not a news feed (RSS or Atom): {reason}")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link") or next((item.get("href") for item in entry.get("links", []) if item.get("href")), None)
        if not link:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        entries.append(FeedEntry(link.strip(), entry.get("title") or None,
                                 time.strftime("%Y-%m-%d", when) if when else None))
    return entries


def read_feeds_list(path: Path) -> list[str]:
    """A feeds file for `kg watch`: one feed URL (or saved feed's path) a line, `#` comments."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read the feeds file ({getattr(error, 'strerror', None) or error})") from None
    feeds = [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]
    if not feeds:
        raise InputError(f"{path}: no feeds listed (one feed URL a line)")
    return feeds
