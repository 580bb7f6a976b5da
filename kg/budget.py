"""A time budget per article: an extraction that runs over it fails alone, and the batch goes on.

The extractor is pure Python (regular expressions, spaCy's Python-level pipeline), so a timer
signal interrupts it: `time_budget` arms ``ITIMER_REAL`` and its handler raises `OverBudget` in
the main thread. It is alarm-safe: the handler raises only while the budget is armed (a signal
arriving after the work returned does nothing), the previous handler and timer are restored, and
`OverBudget` derives from `BaseException`, so that no ``except Exception`` in the extractor
swallows it. The lexicons and the model load once before any budget starts (`warm_up`), so an
interruption never leaves a half-loaded lexicon behind.

Where a timer signal cannot be used (another thread than the main one), extraction runs in a
worker process, whose main thread keeps the budget (`extract_many`).
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from functools import partial
from typing import Iterable, Iterator

from kg.model import Article, Extraction

ARTICLE_SECONDS = 30.0  # a news article takes well under a second; this is a runaway


class OverBudget(BaseException):
    """Raised inside the budgeted work when its time is up (a BaseException: not caught as an error)."""


def can_budget() -> bool:
    """A timer signal can interrupt this thread: the main thread, on a system with setitimer."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise `OverBudget` in the body once ``seconds`` have passed (no budget when None or 0)."""
    if not seconds:
        yield
        return
    if not can_budget():
        raise RuntimeError("a time budget needs the main thread (use kg.budget.extract_many)")
    armed = [True]

    def on_alarm(signum, frame):
        if armed[0]:
            armed[0] = False
            raise OverBudget()

    previous_handler = signal.signal(signal.SIGALRM, on_alarm)
    previous_timer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed[0] = False  # first: an alarm from now on is ignored
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_timer[0]:  # somebody else's timer: give it back what is left of it
            signal.setitimer(signal.ITIMER_REAL, *previous_timer)


_warm = False


def warm_up() -> None:
    """Load the extractor's lexicons and model once, outside any budget."""
    global _warm
    if not _warm:
        from kg.extract import extract

        extract(Article(id="warm-up", text="Defence Minister Zakir Hasanov met General Yao Qin in Baku on Friday."))
        _warm = True


def extract_within(article: Article, seconds: float | None = ARTICLE_SECONDS) -> Extraction:
    """Extract one article; past ``seconds`` its extraction stops and comes back as an error."""
    from kg.extract import extract

    warm_up()
    try:
        with time_budget(seconds):
            return extract(article)
    except OverBudget:
        return Extraction(article=article, date=article.date,
                          error=f"stopped after its time budget of {seconds:g} s per article (a pathological "
                                "text? split it, or raise --article-timeout)")


def extract_many(articles: Iterable[Article], jobs: int = 1,
                 seconds: float | None = ARTICLE_SECONDS) -> Iterator[Extraction]:
    """Extract a stream of articles in order, each within its budget; ``jobs > 1`` (or a caller
    outside the main thread) extracts in worker processes."""
    if jobs <= 1 and (not seconds or can_budget()):
        for article in articles:
            yield extract_within(article, seconds)
        return
    from multiprocessing import get_context

    with get_context("spawn").Pool(max(jobs, 1), initializer=warm_up) as pool:
        yield from pool.imap(partial(extract_within, seconds=seconds), articles, chunksize=1 if jobs <= 1 else 8)
