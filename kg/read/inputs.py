"""The inputs of an ingest, whatever they are: URLs (a page or a feed), saved feeds, files and
directories, each read by its reader; and a first, light pass over them for ids and counts.
"""
from __future__ import annotations

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


def last_origins(paths: list[str]) -> tuple[dict[str, str], int]:
    """Where each id comes last in the inputs (a first, light pass: ids only, no extraction), and
    how many items the inputs hold (for the ETA). A URL or a feed counts one (it is not fetched twice)."""
    last: dict[str, str] = {}
    total = 0
    for raw_path in paths:
        if is_url(raw_path) or str(raw_path).lower().endswith(FEED_SUFFIXES):
            total += 1
            continue
        path = Path(raw_path)
        try:
            found = list(walk_inputs(path)) if path.is_dir() else [path]
        except (OSError, ValueError):
            continue
        files = [f for f in found if isinstance(f, Path)]
        total += len(found) - len(files)  # skipped and failed entries of a directory
        for file in files:
            if file.suffix.lower() in HTML_SUFFIXES:  # one article, its id the file's name: not parsed twice
                last[file.stem] = str(file)
                total += 1
                continue
            reader = read_jsonl if file.suffix.lower() == ".jsonl" else read_txt
            for item in reader(file):
                if isinstance(item, Article):
                    last[item.id] = item.origin
                if not isinstance(item, ReadWarning):
                    total += 1
    return last, total
