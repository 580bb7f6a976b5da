"""What the readers yield besides articles (failures, skips, warnings), and the guarded opening of
an input file that every file reader shares.
"""
from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError

_UNPRINTABLE = re.compile(r"[\n\r\x85\u2028\u2029\ud800-\udfff]")


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


def one_line(text: str) -> str:
    """Text for one output line: line breaks (and lone surrogates, from undecodable file names)
    shown as escapes, so that no input can forge a line of output or fail to print."""
    return _UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


_FILE_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
               (stat.S_ISSOCK, "a socket"))


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    return next((kind for test, kind in _FILE_KINDS if test(mode)), "a special file")


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading; refuse anything else (a FIFO never blocks, a device is
    never read) with an `InputError` naming the path."""
    try:
        # O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise InputError(f"{path}: cannot open: {error.strerror}") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"{path}: {file_kind(mode)}, not a regular file; give a .txt or .jsonl file")
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
