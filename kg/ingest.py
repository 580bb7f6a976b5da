"""Reading articles from the three input forms: `.jsonl`, `.txt`, and directories of them.

Readers never stop a batch: every item comes out either as an `Article` or as a `ReadFailure`
naming the file (and line) and what is wrong, so the caller reports it and goes on.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date as _date
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import InputError
from kg.model import Article

MAX_ARTICLE_BYTES = 5_000_000  # a news article is a few KB; anything this large is not one
INPUT_SUFFIXES = (".txt", ".jsonl")


@dataclass
class ReadFailure:
    origin: str  # "file.jsonl:12" or a path
    reason: str
    article_id: str | None = None

    def __str__(self) -> str:
        ident = f" (id {self.article_id})" if self.article_id else ""
        return f"{self.origin}{ident}: {self.reason}"


@dataclass
class ReadSkip:
    """An item deliberately not ingested (not a failure): e.g. an article in another language."""

    origin: str
    reason: str
    article_id: str | None = None

    def __str__(self) -> str:
        ident = f" (id {self.article_id})" if self.article_id else ""
        return f"{self.origin}{ident}: skipped: {self.reason}"


@dataclass
class ReadWarning:
    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def decode_text(data: bytes, origin: str) -> tuple[str, str | None]:
    """Decode bytes as UTF-8, else cp1252/latin-1 with a warning; refuse binary data.

    Returns the text and a warning (or None).
    """
    if not data.strip():
        raise InputError(f"{origin}: empty input")
    if b"\x00" in data[:8192]:
        raise InputError(f"{origin}: binary data, not text (NUL bytes)")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as utf8_error:
        for encoding in ("cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text, f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}); decoded as {encoding}"
        raise InputError(f"{origin}: undecodable bytes (not UTF-8, cp1252 or latin-1 text)") from None


def _looks_like_text(text: str) -> bool:
    """Most characters printable: guards against decoding random bytes as latin-1."""
    if not text:
        return False
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text)
    return printable / len(text) > 0.95


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_ENGLISH = frozenset("the of and to in a is that for on with as was by at from his he it has have "
                     "be are were said which an this will its also their".split())
MAX_ID_CHARS = 200


def strip_controls(text: str) -> str:
    """Drop control characters and bidirectional marks (not newlines or tabs)."""
    return _CONTROL.sub("", text)


def language_problem(text: str) -> str | None:
    """Why the text is not English (a short reason), or None when it looks English.

    A cheap test, good enough to keep other-language articles out of an English extractor:
    mostly non-Latin letters, or almost none of the commonest English words.
    """
    sample = text[:20000]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < 40:
        return None  # too short to tell: let extraction try
    latin = sum("a" <= ch.lower() <= "z" or "\u00c0" <= ch <= "\u024f" for ch in letters)
    if latin / len(letters) < 0.5:
        return "not in English (mostly non-Latin script)"
    words = re.findall(r"[a-zA-Z]+", sample.lower())
    if len(words) >= 30 and sum(w in _ENGLISH for w in words) / len(words) < 0.04:
        return "not in English (almost no common English words)"
    return None


def check_date(value: object, origin: str) -> str | None:
    """A publication date must be ISO YYYY-MM-DD (or absent); an ISO date-time keeps its date part."""
    if value is None or value == "":
        return None
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
                         value.strip()) if isinstance(value, str) else None
    if not match:
        raise InputError(f"{origin}: date {value!r} is not an ISO date (YYYY-MM-DD)")
    try:
        _date.fromisoformat(match.group(1))
    except ValueError:
        raise InputError(f"{origin}: date {value!r} is not a calendar date") from None
    return match.group(1)


def parse_jsonl_line(line: str, origin: str) -> Article:
    """One JSONL line to an Article; only ``text`` is required."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"{origin}: not JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise InputError(f"{origin}: a JSON object is expected, got {type(record).__name__}")
    text = record.get("text")
    ident = record.get("id")
    label = f"{origin} (id {ident})" if ident is not None else origin
    if text is None:
        raise InputError(f"{label}: no 'text' field")
    if not isinstance(text, str):
        raise InputError(f"{label}: 'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        raise InputError(f"{label}: empty text")
    if ident is None or strip_controls(str(ident)).strip() == "":
        ident = origin.rsplit("/", 1)[-1].replace(".jsonl:", "-")
    ident = strip_controls(str(ident)).strip()
    if len(ident) > MAX_ID_CHARS:
        raise InputError(f"{origin}: id of {len(ident):,} characters is too long (limit {MAX_ID_CHARS})")
    fields = {}
    for name in ("url", "title", "source"):
        value = record.get(name)
        fields[name] = strip_controls(str(value)) if value is not None else None
    return Article(id=ident, text=text, date=check_date(record.get("date"), label),
                   origin=origin, **fields)


def read_jsonl(path: Path) -> Iterator[Article | ReadFailure | ReadWarning]:
    """Stream a JSONL file line by line (memory stays flat for large files)."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield ReadFailure(str(path), f"cannot open: {error.strerror}")
        return
    with handle:
        seen_any = False
        for number, raw in enumerate(handle, start=1):
            origin = f"{path}:{number}"
            if not raw.strip():
                continue
            seen_any = True
            if len(raw) > MAX_ARTICLE_BYTES:
                yield ReadFailure(origin, f"line of {len(raw):,} bytes is too large for an article "
                                          f"(limit {MAX_ARTICLE_BYTES:,})")
                continue
            try:
                line, warning = decode_text(raw, origin)
                if warning:
                    yield ReadWarning(origin, warning)
                yield parse_jsonl_line(line, origin)
            except InputError as error:
                yield _failure(origin, str(error))
        if not seen_any:
            yield ReadFailure(str(path), "empty input")


def _failure(origin: str, message: str) -> ReadFailure:
    """A failure from an InputError message "origin (id X): reason", without repeating the origin."""
    match = re.match(re.escape(origin) + r"(?: \(id (.*?)\))?: (.*)$", message, re.DOTALL)
    if match:
        return ReadFailure(origin, match.group(2), match.group(1))
    return ReadFailure(origin, message)


def read_txt(path: Path) -> Iterator[Article | ReadFailure | ReadWarning]:
    """A `.txt` file is one article; its id is the file name without the extension."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            yield ReadFailure(origin, f"file of {size:,} bytes is too large for an article "
                                      f"(limit {MAX_ARTICLE_BYTES:,})")
            return
        data = path.read_bytes()
    except OSError as error:
        yield ReadFailure(origin, f"cannot read: {error.strerror}")
        return
    try:
        text, warning = decode_text(data, origin)
    except InputError as error:
        yield ReadFailure(origin, str(error).removeprefix(origin + ": "))
        return
    if warning:
        yield ReadWarning(origin, warning)
    yield Article(id=path.stem, text=text, origin=origin)


def iter_input_files(path: Path) -> Iterator[Path]:
    """Every `.txt` / `.jsonl` below a directory, in a stable (sorted) order."""
    for child in sorted(path.rglob("*")):
        if child.is_file() and child.suffix.lower() in INPUT_SUFFIXES:
            yield child


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | ReadFailure | ReadWarning | ReadSkip]:
    """Articles from files and directories, with failures, skips and warnings in line.

    Control characters and bidirectional marks are removed from the text; an article that is
    not in English is skipped (`ReadSkip`), not failed.
    """
    for raw_path in paths:
        path = Path(raw_path)
        if not path.exists():
            yield ReadFailure(str(path), "no such file or directory")
        elif path.is_dir():
            files = list(iter_input_files(path))
            if not files:
                yield ReadFailure(str(path), "directory holds no .txt or .jsonl files")
            for file in files:
                yield from _read_file(file)
        else:
            yield from _read_file(path)


def _read_file(path: Path) -> Iterator[Article | ReadFailure | ReadWarning | ReadSkip]:
    items = read_jsonl(path) if path.suffix.lower() == ".jsonl" else read_txt(path)
    for item in items:
        if isinstance(item, Article):
            item.text = strip_controls(item.text)
            problem = language_problem(item.text)
            if problem:
                yield ReadSkip(item.origin, problem, item.id)
                continue
        yield item


def count_articles(paths: Iterable[str | Path]) -> int:
    """How many articles the inputs hold (non-blank JSONL lines, .txt files), read fast for an ETA."""
    total = 0
    for raw_path in paths:
        path = Path(raw_path)
        files = list(iter_input_files(path)) if path.is_dir() else [path] if path.exists() else []
        for file in files:
            if file.suffix.lower() != ".jsonl":
                total += 1
                continue
            try:
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                pass
    return total
