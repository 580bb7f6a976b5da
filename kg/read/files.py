"""Reading articles from the input files: `.jsonl`, `.txt`, saved web pages (`.html`, `.htm`, read by
`kg.read.html`), and directories of them. (URLs, feeds and GDELT files: `kg.read.web`, `kg.read.feeds`, `kg.read.gdelt`.)

Readers never stop a batch: every item comes out either as an `Article` or as a `ReadFailure`
naming the file (and line) and what is wrong, so the caller reports it and goes on.
"""
from __future__ import annotations

import codecs
import errno
import io
import json
import os
import re
import stat
from datetime import date as _date
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from kg.errors import InputError, KgError
from kg.model import Article
from kg.read.html import read_html
from kg.read.items import ReadFailure, ReadSkip, ReadWarning, file_kind, one_line, open_regular

MAX_ARTICLE_BYTES = 5_000_000  # a news article is a few KB; anything this large is not one
INPUT_SUFFIXES = (".txt", ".jsonl", ".html", ".htm")  # saved web pages: kg.read.html


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def bom_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 when the bytes start with its byte order mark (UTF-8's is read as UTF-8)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode_text(data: bytes, origin: str) -> tuple[str, str | None]:
    """Decode bytes as UTF-8 (or UTF-16/32 after a byte order mark), else cp1252/latin-1 with a
    warning; refuse binary data.

    Returns the text and a warning (or None).
    """
    encoding = bom_encoding(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise InputError(f"{origin}: not valid {encoding.upper()} text after its byte order mark "
                             f"({error.reason} at byte {error.start})") from None
        if not text.strip():
            raise InputError(f"{origin}: empty input")
        return text, None
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


_DATE_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
                        r"(?:Z|[+-](\d{2}):?(\d{2}))?)?")
FIRST_YEAR, LAST_YEAR = 1000, 9998  # dates read from an article may fall a year either side


def check_date(value: object, origin: str) -> str | None:
    """A publication date must be ISO YYYY-MM-DD (or absent); an ISO date-time keeps its date part."""
    if value is None or value == "":
        return None
    match = _DATE_TIME.fullmatch(value.strip()) if isinstance(value, str) else None
    if not match:
        raise InputError(f"{origin}: date {value!r} is not an ISO date (YYYY-MM-DD)")
    try:
        day = _date.fromisoformat(match.group(1))
    except ValueError:
        raise InputError(f"{origin}: date {value!r} is not a calendar date") from None
    hour, minute, second, zone_hour, zone_minute = (int(g) if g else 0 for g in match.groups()[1:])
    if hour > 23 or minute > 59 or second > 60 or zone_hour > 23 or zone_minute > 59:
        raise InputError(f"{origin}: date {value!r} has no such time of day")
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InputError(f"{origin}: date {value!r} is out of range (years {FIRST_YEAR} to {LAST_YEAR}: "
                         "the dates an article gives are read relative to it)")
    return match.group(1)


_LINE_BREAKS = re.compile(r"[\n\r\x85\u2028\u2029]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _field(record: dict, name: str, label: str) -> str | None:
    """An optional string field (a number is taken as its text; a list or object is refused)."""
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InputError(f"{label}: {name!r} must be a string, got {type(value).__name__}")
    return str(value)


def parse_jsonl_line(line: str, origin: str, warnings: list[str] | None = None) -> Article:
    """One JSONL line to an Article; only ``text`` is required.

    A lone surrogate escape (``"\\ud800"``) is not text: in an id it is refused, elsewhere it is
    replaced by U+FFFD with a warning (appended to ``warnings``).
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"{origin}: not JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise InputError(f"{origin}: JSON nested too deeply to be an article") from None
    if not isinstance(record, dict):
        raise InputError(f"{origin}: a JSON object is expected, got {type(record).__name__}")
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))):
        raise InputError(f"{origin}: 'id' must be a string, got {type(raw_id).__name__}")
    ident = strip_controls(str(raw_id)).strip() if raw_id is not None else ""
    label = f"{origin} (id {ascii(ident)[1:-1] if _SURROGATE.search(ident) else ident})" if ident else origin
    if _SURROGATE.search(ident):
        raise InputError(f"{label}: the id holds a lone surrogate escape, not a character")
    if _LINE_BREAKS.search(ident):
        raise InputError(f"{one_line(label)}: an id is one line; this one holds a line break")
    text = record.get("text")
    if text is None:
        raise InputError(f"{label}: no 'text' field")
    if not isinstance(text, str):
        raise InputError(f"{label}: 'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        raise InputError(f"{label}: empty text")
    if not ident:
        ident = origin.rsplit("/", 1)[-1].replace(".jsonl:", "-")
    if len(ident) > MAX_ID_CHARS:
        raise InputError(f"{origin}: id of {len(ident):,} characters is too long (limit {MAX_ID_CHARS})")
    fields = {"text": text}
    for name in ("url", "title", "source"):
        value = _field(record, name, label)
        fields[name] = strip_controls(value) if value is not None else None
    for name, value in fields.items():
        if value is not None and _SURROGATE.search(value):
            fields[name] = _SURROGATE.sub("\ufffd", value)
            if warnings is not None:
                warnings.append(f"lone surrogate escapes in {name!r} replaced by U+FFFD")
    return Article(id=ident, date=check_date(record.get("date"), label), origin=origin, **fields)


def _too_large(what: str, size: int, exact: bool = True) -> str:
    return (f"{what} of {'' if exact else 'more than '}{size:,} bytes is too large for an article "
            f"(limit {MAX_ARTICLE_BYTES:,})")


def _jsonl_lines(handle: BinaryIO) -> Iterator[tuple[bytes | str, int]]:
    """(line, size) of each line, holding at most the limit in memory: a longer line comes out
    empty with its size (its bytes are counted and dropped). A UTF-16/32 file (by its byte order
    mark) comes out as text, its size in characters."""
    encoding = bom_encoding(handle.peek(4)[:4]) if hasattr(handle, "peek") else None
    reader = io.TextIOWrapper(handle, encoding=encoding, newline="") if encoding else handle
    newline = "\n" if encoding else b"\n"
    while True:
        line = reader.readline(MAX_ARTICLE_BYTES + 1)
        if not line:
            return
        size = len(line)
        while size > MAX_ARTICLE_BYTES and not line.endswith(newline):
            line = reader.readline(1 << 20)  # the rest of an over-long line, a chunk at a time
            if not line:
                break
            size += len(line)
        yield (line[:0] if size > MAX_ARTICLE_BYTES else line), size


def read_jsonl(path: Path) -> Iterator[Article | ReadFailure | ReadWarning]:
    """Stream a JSONL file line by line (memory stays flat for large files, and for long lines)."""
    try:
        handle = open_regular(path)
    except InputError as error:
        yield _failure(str(path), str(error))
        return
    with handle:
        seen_any = False
        try:
            for number, (raw, size) in enumerate(_jsonl_lines(handle), start=1):
                origin = f"{path}:{number}"
                if size > MAX_ARTICLE_BYTES:
                    seen_any = True
                    yield ReadFailure(origin, _too_large("line", size))
                    continue
                if not raw.strip():
                    continue
                seen_any = True
                try:
                    line = raw
                    if isinstance(raw, bytes):
                        line, warning = decode_text(raw, origin)
                        if warning:
                            yield ReadWarning(origin, warning)
                    warnings: list[str] = []
                    article = parse_jsonl_line(line, origin, warnings)
                    yield from (ReadWarning(origin, warning) for warning in warnings)
                    yield article
                except InputError as error:
                    yield _failure(origin, str(error))
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else f"not valid text ({error.reason})"
            yield ReadFailure(str(path), f"cannot read further: {reason}")
            return
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
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_ARTICLE_BYTES:
                yield ReadFailure(origin, _too_large("file", size))
                return
            data = handle.read(MAX_ARTICLE_BYTES + 1)  # a file may grow, or (in /proc) lie about its size
    except InputError as error:
        yield _failure(origin, str(error))
        return
    except OSError as error:
        yield ReadFailure(origin, f"cannot read: {error.strerror}")
        return
    if len(data) > MAX_ARTICLE_BYTES:
        yield ReadFailure(origin, _too_large("file", MAX_ARTICLE_BYTES, exact=False))
        return
    ident = path.stem
    if _SURROGATE.search(ident) or _LINE_BREAKS.search(ident):
        yield ReadFailure(origin, "the file name, which is the article's id, is not one line of UTF-8 text; "
                                  "rename the file")
        return
    try:
        text, warning = decode_text(data, origin)
    except InputError as error:
        yield ReadFailure(origin, str(error).removeprefix(origin + ": "))
        return
    if warning:
        yield ReadWarning(origin, warning)
    yield Article(id=ident, text=text, origin=origin)


def walk_inputs(path: Path) -> Iterator[Path | ReadFailure | ReadSkip]:
    """Every `.txt` / `.jsonl` below a directory, in a stable (sorted) order, following symbolic
    links; an unreadable directory is a failure; a broken link, a link loop, or an input's name
    on what is not a regular file (a FIFO, a device) is a skip; each is named."""
    visited: set[tuple[int, int]] = set()

    def walk(folder: Path) -> Iterator[Path | ReadFailure | ReadSkip]:
        try:
            info = folder.stat()
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            yield ReadFailure(str(folder), f"cannot read the directory: {error.strerror}")
            return
        if (info.st_dev, info.st_ino) in visited:
            yield ReadSkip(str(folder), "a symbolic link loop (this directory is already being read)")
            return
        visited.add((info.st_dev, info.st_ino))
        for entry in entries:
            child = Path(entry.path)
            is_input = child.suffix.lower() in INPUT_SUFFIXES
            try:
                mode = os.stat(child).st_mode
            except OSError as error:
                if error.errno == errno.ELOOP:  # a link to itself, or a cycle of links
                    yield ReadSkip(str(child), "a symbolic link loop")
                elif entry.is_symlink():
                    if is_input:
                        yield ReadSkip(str(child), "a broken symbolic link")
                elif is_input:
                    yield ReadFailure(str(child), f"cannot read: {error.strerror}")
                continue
            if stat.S_ISDIR(mode):
                yield from walk(child)
            elif not is_input:
                continue
            elif stat.S_ISREG(mode):
                yield child
            else:
                yield ReadSkip(str(child), f"{file_kind(mode)}, not a regular file")

    yield from walk(path)


def iter_input_files(path: Path) -> Iterator[Path]:
    """Every regular `.txt` / `.jsonl` below a directory, in a stable (sorted) order."""
    return (item for item in walk_inputs(path) if isinstance(item, Path))


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | ReadFailure | ReadWarning | ReadSkip]:
    """Articles from files and directories, with failures, skips and warnings in line.

    Control characters and bidirectional marks are removed from the text; an article that is
    not in English is skipped (`ReadSkip`), not failed; one with no letter or digit left fails.
    """
    for raw_path in paths:
        path = Path(raw_path)
        try:
            is_dir = path.is_dir()
            exists = is_dir or os.path.lexists(path)
        except (OSError, ValueError) as error:  # a name too long, a NUL byte ...
            yield ReadFailure(str(path), f"cannot read: {getattr(error, 'strerror', None) or error}")
            continue
        if not exists:
            yield ReadFailure(str(path), "no such file or directory")
        elif is_dir:
            found = False
            for item in walk_inputs(path):
                if isinstance(item, Path):
                    found = True
                    yield from _read_file(item)
                else:
                    found = found or isinstance(item, ReadSkip)
                    yield item
            if not found:
                yield ReadFailure(str(path), "directory holds no .txt or .jsonl files")
        else:
            yield from _read_file(path)


def reader_for(path: Path):
    """The reader of a file, by its extension (.jsonl, .html/.htm; anything else is read as text)."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return read_jsonl
    if suffix in (".html", ".htm"):
        return read_html
    return read_txt


def _read_file(path: Path) -> Iterator[Article | ReadFailure | ReadWarning | ReadSkip]:
    yield from clean_items(reader_for(path)(path))


def clean_items(items: Iterable) -> Iterator[Article | ReadFailure | ReadWarning | ReadSkip]:
    """Control characters out of each article's text; an article with no letter left fails, one not
    in English is skipped (whatever reader, file or web, it came from)."""
    for item in items:
        if isinstance(item, Article):
            item.text = strip_controls(item.text)
            if not any(character.isalnum() for character in item.text):
                yield ReadFailure(item.origin, "the text holds no letter or digit (only control characters, "
                                               "marks or spaces)", item.id)
                continue
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
        try:
            files = list(iter_input_files(path)) if path.is_dir() else [path] if path.exists() else []
        except (OSError, ValueError):
            continue
        for file in files:
            if file.suffix.lower() != ".jsonl":
                total += 1
                continue
            try:
                with open_regular(file) as handle:
                    total += sum(1 for line, size in _jsonl_lines(handle)
                                 if size > MAX_ARTICLE_BYTES or line.strip())
            except (KgError, OSError, UnicodeDecodeError):
                pass
    return total
