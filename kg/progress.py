"""A one-line progress display on standard error for long ingests (only on a terminal)."""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, enabled: bool = True, every_seconds: float = 0.5, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = enabled and self.stream.isatty()
        self.every = every_seconds
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False

    def update(self, report) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < self.every:
            return
        self.last = now
        done = report.ingested + report.unchanged + len(report.failed)
        rate = done / max(now - self.started, 1e-9)
        self.stream.write(f"\r{done} articles ({report.ingested} new, {report.unchanged} unchanged, "
                          f"{len(report.failed)} failed), {rate:.1f} articles/s ")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
