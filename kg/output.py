"""Rendering for people: one `render(columns, rows, fmt)` for table, CSV, TSV and JSON, and the
small text helpers the layers share (`script_json`, `ordinal`).

Rows hold typed values: strings, numbers, lists and dicts, None for "nothing". JSON keeps the
types (a count is a number, a list of dates a list); CSV, TSV and the table show them as text
(lists joined with "; ", a dict as "key:value; ..."). The aligned table fits the terminal: the
widest columns are cut (with "…") until the lines fit ``width`` characters.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys

FORMATS = ("table", "csv", "tsv", "json")
MAX_CELL = 60  # an aligned table truncates long values; the other formats never do
MIN_CELL = 8  # nor does fitting the terminal cut a column below this width


def render(columns: list[str], rows: list[list], fmt: str = "table", width: int | None = None) -> str:
    """Rows of typed values as text in one of FORMATS; a table fits ``width`` (the terminal's)."""
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[text(v) for v in row] for row in rows])
        return buffer.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown output format {fmt!r}")
    cells = [[" ".join(text(v).split()) for v in row] for row in rows]
    widths = [min(MAX_CELL, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]
    widths = _fit(widths, columns, terminal_width() if width is None else width)
    lines = ["  ".join(_cut(c, w).ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_cut(v, w).ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines) + "\n"


def text(value) -> str:
    """One value as text: "" for None, lists joined with "; ", floats without trailing noise."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.6g}"
    if isinstance(value, (list, tuple)):
        return "; ".join(text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}:{text(v)}" for k, v in value.items())
    return str(value)


def terminal_width() -> int | None:
    """The terminal's width ($COLUMNS first); None (no limit) when output goes to a file or pipe."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns if sys.stdout.isatty() else None
    except (OSError, ValueError, AttributeError):
        return None


def _fit(widths: list[int], columns: list[str], limit: int | None) -> list[int]:
    """Narrow the widest columns, one character at a time, until the table fits ``limit``."""
    widths = list(widths)
    if not limit:
        return widths
    floor = [min(w, max(MIN_CELL, min(len(c), MAX_CELL))) for w, c in zip(widths, columns)]
    while sum(widths) + 2 * (len(widths) - 1) > limit:
        widest = max(range(len(widths)), key=lambda i: widths[i] - floor[i])
        if widths[widest] <= floor[widest]:
            break
        widths[widest] -= 1
    return widths


def _cut(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def script_json(value) -> str:
    """JSON safe inside a <script> element: no "</script>", "<!--" or U+2028 can survive."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def ordinal(number: int | str) -> str:
    """"1st", "2nd", "11th", "23rd": an edition's number as English writes it."""
    n = int(number) if str(number).isdigit() else 0
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{number}{suffix}"
