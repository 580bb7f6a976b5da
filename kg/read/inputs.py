"""The inputs of an ingest, whatever they are: URLs (a page or a feed), saved feeds, files and
directories, each read by its reader; and a first, light pass over them for ids and counts.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from hashlib import blake2b
from pathlib import Path
from typing import Iterable, Iterator

from kg.model import Article
from kg.read.feeds import FEED_SUFFIXES
from kg.read.files import read_articles, read_jsonl, read_txt, walk_inputs
from kg.read.html import HTML_SUFFIXES
from kg.read.items import ReadWarning
from kg.read.web import Fetcher, is_url, read_feed_file, read_urls


def read_inputs(paths: Iterable[str], fetcher=None) -> Iterator:
    """Articles (with failures, skips and warnings in line) from each input in turn: a URL (a page
    or a feed), a saved feed (`.xml`), else a file or directory."""
    for path in paths:
        web = is_url(path) or str(path).lower().endswith(FEED_SUFFIXES)
        if web and fetcher is None:
            fetcher = Fetcher()
        if is_url(path):
            yield from read_urls([path], fetcher)
        elif str(path).lower().endswith(FEED_SUFFIXES):
            yield from read_feed_file(Path(path), fetcher)
        else:
            yield from read_articles([path])


class InputIds:
    """What the first pass learnt of the ids in the inputs, in memory that stays small as the
    inputs grow: 8 bytes per article (a 64-bit digest of each id, sorted), and the last origin of
    each id that comes more than once (usually none). Holding every id with its origin instead
    took some 400 bytes per article (20 MiB at 50,000)."""

    def __init__(self, digests: array | None = None, last: dict[str, str] | None = None):
        self.digests = digests if digests is not None else array("q")
        self.repeated = last if last is not None else {}

    def last_origin(self, article_id: str, origin: str) -> str:
        """Where this id comes last (``origin`` when it comes once or was not read in the first pass)."""
        return self.repeated.get(article_id, origin)

    def once(self, article_id: str) -> bool:
        """Whether the first pass read this id exactly once (so no other item has its origin)."""
        if article_id in self.repeated:
            return False
        digest = _digest(article_id)
        at = bisect_left(self.digests, digest)
        return at < len(self.digests) and self.digests[at] == digest and \
            (at + 1 == len(self.digests) or self.digests[at + 1] != digest)


def last_origins(paths: list[str]) -> tuple[InputIds, int]:
    """Where each id that comes more than once comes last in the inputs (a first, light pass: ids
    only, no extraction), and how many items the inputs hold (for the ETA). A URL or a feed counts
    one (it is not fetched twice). The inputs are read a second time only when some id repeats."""
    digests = array("q")
    total = 0
    for kind, value, origin in _first_pass(paths):
        if kind == "article":
            digests.append(_digest(value))
        total += kind != "other"
    digests = array("q", sorted(digests))
    repeated = {digests[i] for i in range(1, len(digests)) if digests[i] == digests[i - 1]}
    last: dict[str, str] = {}
    if repeated:
        for kind, value, origin in _first_pass(paths):
            if kind == "article" and _digest(value) in repeated:
                last[value] = origin
    return InputIds(digests, last), total


def _first_pass(paths: list[str]) -> Iterator[tuple[str, str, str]]:
    """("article", id, origin) for each article of the local inputs; ("item", "", "") for anything
    else that counts (a URL, a feed, a failed entry), ("other", "", "") for what does not."""
    for raw_path in paths:
        if is_url(raw_path) or str(raw_path).lower().endswith(FEED_SUFFIXES):
            yield "item", "", ""
            continue
        path = Path(raw_path)
        try:
            found = list(walk_inputs(path)) if path.is_dir() else [path]
        except (OSError, ValueError):
            continue
        files = [f for f in found if isinstance(f, Path)]
        for _ in range(len(found) - len(files)):  # skipped and failed entries of a directory
            yield "item", "", ""
        for file in files:
            if file.suffix.lower() in HTML_SUFFIXES:  # one article, its id the file's name: not parsed twice
                yield "article", file.stem, str(file)
                continue
            reader = read_jsonl if file.suffix.lower() == ".jsonl" else read_txt
            for item in reader(file):
                if isinstance(item, Article):
                    yield "article", item.id, item.origin
                elif not isinstance(item, ReadWarning):
                    yield "item", "", ""


def _digest(article_id: str) -> int:
    return int.from_bytes(blake2b(article_id.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                          "little", signed=True)
