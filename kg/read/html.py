"""Reading a saved web page (`.html`, `.htm`) or a fetched one as an article.

The page's main text, title, publication date, outlet and canonical URL come from trafilatura
(with htmldate for the date): navigation, ads and comments are left out. `parse_html` is pure
(markup in, `Article` out); `read_html` reads a file and never raises for a bad page.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from kg.errors import InputError
from kg.model import Article
from kg.read.items import ReadFailure, open_regular

MAX_PAGE_BYTES = 10_000_000  # a news page with its markup is well under a few MB
HTML_SUFFIXES = (".html", ".htm")
MIN_TEXT_CHARS = 40  # less than a sentence is no article: a page of links, a cookie wall, an error page


def parse_html(markup: str | bytes, article_id: str, origin: str, url: str | None = None) -> Article:
    """The article a page holds, or `InputError` naming ``origin`` when it holds none.

    ``url`` is where the page was fetched from (its canonical URL, when the page gives one, wins).

    >>> page = ("<html><head><title>T</title></head><body><article><p>" + "Word " * 20
    ...         + "</p></article></body></html>")
    >>> parse_html(page, "a1", "page.html").text.startswith("Word")
    True
    """
    import trafilatura  # imported here: loading it takes a moment, and most commands never read HTML

    try:
        document = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False,
                                               favor_precision=True)  # tables kept: old sites lay out in them
    except Exception as error:  # noqa: BLE001 - lxml and trafilatura raise many kinds on hostile markup
        raise InputError(f"{origin}: cannot read the page as HTML ({type(error).__name__})") from None
    text = (document.text or "").strip() if document is not None else ""
    if len(text) < MIN_TEXT_CHARS:
        raise InputError(f"{origin}: the page holds no article text (navigation or boilerplate only)")
    return Article(id=article_id, text=text, url=document.url or url, title=document.title or None,
                   date=document.date or None, source=document.sitename or document.hostname or None,
                   origin=origin)


def read_html(path: Path) -> Iterator[Article | "ReadFailure"]:
    """A saved page is one article; its id is the file name without the extension."""
    origin = str(path)
    try:
        with open_regular(path) as handle:
            if os.fstat(handle.fileno()).st_size > MAX_PAGE_BYTES:
                yield ReadFailure(origin, f"page larger than {MAX_PAGE_BYTES:,} bytes is not an article")
                return
            data = handle.read(MAX_PAGE_BYTES + 1)
    except InputError as error:
        yield ReadFailure(origin, str(error).removeprefix(origin + ": "))
        return
    except OSError as error:
        yield ReadFailure(origin, f"cannot read: {error.strerror}")
        return
    if len(data) > MAX_PAGE_BYTES:
        yield ReadFailure(origin, f"page larger than {MAX_PAGE_BYTES:,} bytes is not an article")
        return
    try:
        yield parse_html(data, path.stem, origin)
    except InputError as error:
        yield ReadFailure(origin, str(error).removeprefix(origin + ": "))
