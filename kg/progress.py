"""A one-line progress display on standard error for long ingests (on a terminal, or when forced).

    12034/50000 articles (24%)  41.3 articles/s  ETA 15m19s  | 11980 new, 40 unchanged, 14 failed
"""
from __future__ import annotations

import sys
import time


def format_duration(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


def progress_line(report, elapsed: float, width: int | None = None) -> str:
    """The text of the progress line for an `IngestReport` after ``elapsed`` seconds, shortened
    to fit ``width`` columns (less one: a full line would wrap and scroll on each update)."""
    done = report.done
    rate = done / elapsed if elapsed > 0 else 0.0
    total = getattr(report, "total", None)
    if total and done > total:
        total = None  # a feed's entries outnumber the inputs counted beforehand: no ETA then
    if total:
        head = f"{done}/{total} articles ({100 * done // max(total, 1)}%)"
        eta = f"  ETA {format_duration((total - done) / rate)}" if rate > 0 and total > done else ""
    else:
        head, eta = f"{done} articles", ""
    counts = f"{report.ingested} new, {report.unchanged} unchanged, {len(report.failed)} failed"
    if getattr(report, "skipped", 0):
        counts += f", {report.skipped} skipped"
    short = f"{report.ingested} new, {len(report.failed)} failed"
    candidates = [f"{head}  {rate:.1f} articles/s{eta}  | {counts}",
                  f"{head}  {rate:.1f}/s{eta}  | {short}",
                  f"{head}{eta}  | {short}",
                  f"{head}{eta}", head]
    if not width:
        return candidates[0]
    fitting = next((line for line in candidates if len(line) < width), candidates[-1])
    return fitting if len(fitting) < width else fitting[: max(width - 2, 1)] + "…"


def _columns(stream) -> int | None:
    """The width of the terminal the stream writes to ($COLUMNS first); None when unknown."""
    import os

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return None


class Progress:
    def __init__(self, enabled: bool = True, every_seconds: float = 0.5, stream=None, force: bool = False):
        self.stream = stream or sys.stderr
        self.enabled = enabled and (force or self.stream.isatty())
        self.every = every_seconds
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False
        self.width = 0
        self.report = None

    def update(self, report, final: bool = False) -> None:
        if not self.enabled:
            return
        self.report = report
        now = time.monotonic()
        if now - self.last < self.every and not final:
            return
        self.last = now
        columns = _columns(self.stream)
        line = progress_line(report, now - self.started, columns)
        # pad over the longer line before it, never past the terminal's last column
        self.stream.write("\r" + line.ljust(min(self.width, columns - 1) if columns else self.width))
        self.width = len(line)
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """End the line, showing the final counts (updates in the last half second are not shown)."""
        if self.report is not None:
            self.update(self.report, final=True)
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
