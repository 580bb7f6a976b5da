"""Fetching pages politely, with a cache on disk: what `kg ingest URL`, feeds and GDELT read through.

Polite means: robots.txt honoured (its Crawl-delay too), one request per host at a time with a delay
between them, a user agent that says who asks, timeouts, retries with back-off on failures that may
pass (timeouts, 429, 5xx), a size limit (a longer body is cut off and refused), and redirects
followed only to http(s). A page fetched once is kept in the cache (by URL), so a rerun fetches
nothing it has. Every fetch ends in one `Fetched` outcome, never an exception.

`url_article_id` and `read_url_list` are pure; `Fetcher` does the I/O.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import time
import urllib.robotparser
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple
from urllib.parse import quote, urljoin, urlsplit

from kg import __version__
from kg.errors import InputError
from kg.read.feeds import looks_like_feed, parse_feed
from kg.read.files import clean_items
from kg.read.html import parse_html
from kg.read.items import ReadFailure, ReadSkip, open_regular

USER_AGENT = f"kg/{__version__} (knowledge graph of military-diplomatic contacts; reads news pages once, honours robots.txt)"
MAX_RESPONSE_BYTES = 10_000_000
MAX_REDIRECTS = 5
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0  # a longer Retry-After is not waited for: the URL fails, and a rerun tries again

# outcomes of a fetch
FETCHED, CACHED, ROBOTS, FAILED = "fetched", "cached", "refused by robots.txt", "failed"


def is_url(text: str) -> bool:
    return bool(re.match(r"(?i)https?://", str(text)))


@dataclass
class Fetched:
    """What became of one URL: ``outcome`` is fetched, cached, refused by robots.txt or failed."""

    url: str
    outcome: str
    body: bytes = b""
    final_url: str | None = None
    content_type: str = ""
    status: int | None = None  # the HTTP status, when the server answered
    reason: str = ""  # why it failed, in words

    @property
    def ok(self) -> bool:
        return self.outcome in (FETCHED, CACHED)

    def describe(self) -> str:
        if self.outcome == FAILED:
            return f"failed: {self.reason}"
        return self.outcome


@dataclass
class FetchLog:
    """The outcome of every URL in a run, for the summary."""

    outcomes: list[Fetched] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts = {FETCHED: 0, CACHED: 0, ROBOTS: 0, FAILED: 0}
        for fetched in self.outcomes:
            counts[fetched.outcome] += 1
        return counts

    def summary(self) -> str:
        counts = self.counts()
        return (f"URLs: {counts[FETCHED]} fetched, {counts[CACHED]} cached, {counts[ROBOTS]} refused by robots.txt, "
                f"{counts[FAILED]} failed")


class _TooLarge(Exception):
    pass


class _Response(NamedTuple):
    status: int
    content_type: str
    body: bytes
    location: str | None
    retry_after: float | None  # seconds the server asks to wait before trying again


class Fetcher:
    """Fetches URLs politely; ``cache_dir`` None keeps nothing on disk.

    ``delay`` is the least time between two requests to one host (robots.txt's Crawl-delay, when
    longer, wins); ``timeout`` bounds each request; a failure that may pass is retried ``retries``
    times, waiting ``backoff``, then twice that, and so on.
    """

    def __init__(self, cache_dir: str | Path | None = None, delay: float = 1.0, timeout: float = 20.0,
                 retries: int = 2, backoff: float = 1.0, max_bytes: int = MAX_RESPONSE_BYTES,
                 user_agent: str = USER_AGENT):
        import httpx

        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.delay, self.timeout, self.retries, self.backoff = delay, timeout, retries, backoff
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self.client = httpx.Client(headers={"User-Agent": user_agent}, follow_redirects=False,
                                   timeout=httpx.Timeout(timeout))
        self.robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self.last_request: dict[str, float] = {}
        self.log = FetchLog()

    def close(self) -> None:
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---------------------------------------------------------------- the cache

    def _cache_paths(self, url: str) -> tuple[Path, Path] | None:
        if not self.cache_dir:
            return None
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.cache_dir / digest[:2]
        return folder / (digest + ".body"), folder / (digest + ".json")

    @staticmethod
    def keeps(fetched: Fetched) -> bool:
        """Whether a response goes into the cache: a page or an export does, a feed does not (it
        changes; reading it again is how `kg watch` sees new entries)."""
        return not looks_like_feed(fetched.body, fetched.content_type)

    def _from_cache(self, url: str) -> Fetched | None:
        paths = self._cache_paths(url)
        if not paths or not paths[1].exists():
            return None
        try:
            meta = json.loads(paths[1].read_text("utf-8"))
            body = paths[0].read_bytes()
        except (OSError, ValueError):
            return None  # a damaged entry is fetched again
        return Fetched(url, CACHED, body, meta.get("final_url"), meta.get("content_type", ""), meta.get("status"))

    def _to_cache(self, fetched: Fetched) -> None:
        paths = self._cache_paths(fetched.url)
        if not paths:
            return
        paths[0].parent.mkdir(parents=True, exist_ok=True)
        body_tmp, meta_tmp = paths[0].with_suffix(".body.tmp"), paths[1].with_suffix(".json.tmp")
        body_tmp.write_bytes(fetched.body)
        meta_tmp.write_text(json.dumps({"url": fetched.url, "final_url": fetched.final_url, "status": fetched.status,
                                        "content_type": fetched.content_type}), "utf-8")
        body_tmp.replace(paths[0])
        meta_tmp.replace(paths[1])  # written last: an entry counts only once its body is whole

    # ---------------------------------------------------------------- politeness

    def _wait_for(self, host: str, delay: float) -> None:
        last = self.last_request.get(host)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        self.last_request[host] = time.monotonic()

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The parsed robots.txt of the URL's site (None: it has none, everything allowed)."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self.robots:
            parser = urllib.robotparser.RobotFileParser(site + "/robots.txt")
            try:
                status, _, body, _, _ = self._get(site + "/robots.txt", robots=True)
            except Exception:  # noqa: BLE001 - an unreachable robots.txt: the page's own fetch will say why
                status, body = 404, b""
            if status in (401, 403):
                parser.disallow_all = True
            elif status >= 500:
                parser.disallow_all = True  # the site is failing: come back later rather than guess
            elif 200 <= status < 300:
                parser.parse(body.decode("utf-8", "replace").splitlines())
            else:
                parser.allow_all = True
            self.robots[site] = parser
        return self.robots[site]

    def allowed(self, url: str) -> bool:
        parser = self._robots_for(url)
        return parser is None or parser.can_fetch(self.user_agent, url)

    def _crawl_delay(self, url: str) -> float:
        parser = self.robots.get("{0.scheme}://{0.netloc}".format(urlsplit(url)))
        crawl_delay = parser.crawl_delay(self.user_agent) if parser else None
        return max(self.delay, float(crawl_delay or 0))

    # ---------------------------------------------------------------- one request

    def _get(self, url: str, robots: bool = False) -> _Response:
        """One GET; the body cut off past the limit (and not read at all for a redirect or an error)."""
        host = urlsplit(url).netloc
        self._wait_for(host, self.delay if robots else self._crawl_delay(url))
        with self.client.stream("GET", url) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise _TooLarge(f"response of {int(declared):,} bytes is over the limit ({self.max_bytes:,})")
            chunks, size = [], 0
            if not response.is_redirect and response.status_code < 400:
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise _TooLarge(f"response cut off past {self.max_bytes:,} bytes (the limit)")
                    chunks.append(chunk)
            retry_after = response.headers.get("retry-after", "").strip()
            return _Response(response.status_code, response.headers.get("content-type", ""), b"".join(chunks),
                             response.headers.get("location"),
                             min(float(retry_after), MAX_RETRY_AFTER) if retry_after.isdigit() else None)

    def _get_with_retries(self, url: str) -> _Response:
        """A GET tried again after a failure that may pass, waiting ``backoff`` doubled each time (or
        as long as the server's Retry-After asks, up to a minute)."""
        import httpx

        for attempt in range(self.retries + 1):
            last_try = attempt == self.retries
            wait = self.backoff * 2 ** attempt
            try:
                response = self._get(url)
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError):
                if last_try:
                    raise
            else:
                if response.status not in RETRY_STATUSES or last_try:
                    return response
                wait = max(wait, response.retry_after or 0)
            time.sleep(wait)
        raise AssertionError("unreachable")

    # ---------------------------------------------------------------- the API

    def fetch(self, url: str, use_cache: bool = True) -> Fetched:
        """One URL's outcome (logged); ``use_cache`` False always asks the server."""
        fetched = self._fetch(url, use_cache)
        self.log.outcomes.append(fetched)
        return fetched

    def _fetch(self, url: str, use_cache: bool) -> Fetched:
        import httpx

        if not is_url(url):
            return Fetched(url, FAILED, reason="not an http(s) URL")
        if use_cache:
            cached = self._from_cache(url)
            if cached:
                return cached
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            try:
                if not self.allowed(current):
                    return Fetched(url, ROBOTS, final_url=current)
                status, content_type, body, location, _ = self._get_with_retries(current)
            except _TooLarge as error:
                return Fetched(url, FAILED, final_url=current, reason=str(error))
            except httpx.TimeoutException:
                return Fetched(url, FAILED, final_url=current, reason=f"timed out (after {self.timeout:g} s)")
            except (httpx.HTTPError, OSError, ValueError) as error:
                return Fetched(url, FAILED, final_url=current, reason=f"cannot connect ({type(error).__name__}: {error})")
            if 300 <= status < 400 and location:
                target = urljoin(current, location)
                scheme = urlsplit(target).scheme.lower()
                if scheme not in ("http", "https"):
                    return Fetched(url, FAILED, final_url=current, status=status,
                                   reason=f"redirect to {scheme}:// refused (only http and https are followed)")
                current = target
                continue
            if status >= 400 or not 200 <= status < 300:
                return Fetched(url, FAILED, final_url=current, status=status, reason=f"HTTP {status}")
            fetched = Fetched(url, FETCHED, body, current, content_type, status)
            if use_cache and self.keeps(fetched):
                self._to_cache(fetched)
            return fetched
        return Fetched(url, FAILED, final_url=current, reason=f"more than {MAX_REDIRECTS} redirects")


_TRACKING = r"utm_|ref$|fbclid$|gclid$|mc_cid$|mc_eid$|from$|cmpid$"  # query keys that only say how one came


def url_article_id(url: str) -> str:
    """A stable, readable article id for a page's URL: host and path, without scheme or query
    (a long one shortened, with a hash of the whole to keep it unique).

    >>> url_article_id("https://www.mod.example/en/news/2024/05/minister-meets.html?ref=rss&utm_medium=feed")
    'mod.example/en/news/2024/05/minister-meets'
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    host = quote(host[4:] if host.startswith("www.") else host, safe="-._~:[]")
    query = "&".join(sorted(pair for pair in parts.query.split("&")
                            if pair and not re.match(_TRACKING, pair.split("=")[0], re.IGNORECASE)))
    path = quote(parts.path.rstrip("/"), safe="/%-._~!$&'()*+,;=:@")  # one line of printable ASCII, whatever the URL held
    query = quote(query, safe="/%-._~!$&'()*+,;=:@?")
    ident = host + (path + "?" + query if query  # the query names the page: index.php?id=12
                    else re.sub(r"\.(?:s?html?|php|aspx?)$", "", path))
    if len(ident) > 120:
        ident = ident[:100] + "-" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]
    return ident


def read_url_list(text: str, origin: str, column: str | None = None) -> list[str]:
    """The URLs of a list: one a line, or a CSV file's column (``column``, else the first column
    whose header says url or link, else the first holding URLs). Blank lines and `#` comments are
    passed over; a line that is no URL is an `InputError` naming its line."""
    lines = text.splitlines()
    first = next((line for line in lines if line.strip() and not line.lstrip().startswith("#")), "")
    if column or ("," in first and not is_url(first.strip())):  # a CSV file starts with its header
        rows = list(csv.reader(io.StringIO(text)))
        header = [cell.strip().lower() for cell in rows[0]] if rows else []
        if column:
            if column.lower() not in header:
                raise InputError(f"{origin}: no column {column!r} (columns: {', '.join(rows[0])})")
            index, body = header.index(column.lower()), rows[1:]
        else:
            index = next((i for i, name in enumerate(header) if name in ("url", "urls", "link", "source", "sourceurl")), None)
            body = rows[1:]
            if index is None:
                index = next((i for row in rows for i, cell in enumerate(row) if is_url(cell.strip())), None)
                body = rows if rows and any(is_url(cell.strip()) for cell in rows[0]) else rows[1:]
            if index is None:
                raise InputError(f"{origin}: no column of URLs found; name it with --url-column")
        return [row[index].strip() for row in body if len(row) > index and row[index].strip()]
    urls = []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            raise InputError(f"{origin}:{number}: not an http(s) URL: {line[:80]!r}")
        urls.append(line)
    return urls


def read_urls(urls: Iterable[str], fetcher: Fetcher) -> Iterator:
    """The articles behind URLs, each a page or a feed (whose entries' pages are read), as the
    file readers give them: an `Article`, or a `ReadFailure` / `ReadSkip` naming the URL."""
    for url in urls:
        fetched = fetcher.fetch(url)  # a feed is never cached (Fetcher.keeps), so it is always fresh
        if fetched.ok and looks_like_feed(fetched.body, fetched.content_type):
            yield from read_feed_entries(fetched.body, url, fetcher)
            continue
        yield from page_items(fetched)


def page_items(fetched: Fetched, title: str | None = None, date: str | None = None) -> Iterator:
    """The article of one fetched page (``title`` and ``date``, from a feed entry, fill what the
    page leaves out), or why there is none."""
    if fetched.outcome == ROBOTS:
        yield ReadSkip(fetched.url, "refused by robots.txt")
        return
    if not fetched.ok:
        yield ReadFailure(fetched.url, fetched.reason)
        return
    kind = fetched.content_type.split(";")[0].strip().lower()
    if kind and not (kind.startswith("text/") or "html" in kind or "xml" in kind):
        yield ReadFailure(fetched.url, f"not a web page ({kind}); save its text as .txt to read it")
        return
    try:
        article = parse_html(fetched.body, url_article_id(fetched.url), fetched.url, url=fetched.final_url)
    except InputError as error:
        yield ReadFailure(fetched.url, str(error).removeprefix(fetched.url + ": "))
        return
    if not (article.url and is_url(article.url) and urlsplit(article.url).hostname):
        article.url = fetched.final_url or fetched.url  # a canonical link that is no web address is not used
    article.id = url_article_id(article.url)
    article.title = article.title or title
    article.date = article.date or date
    yield from clean_items([article])


def read_feed_entries(body: bytes, origin: str, fetcher) -> Iterator:
    """The article of each entry's page, fetched (or taken from the cache) in the feed's order."""
    try:
        entries = parse_feed(body, origin)
    except InputError as error:
        yield ReadFailure(origin, str(error).removeprefix(origin + ": "))
        return
    for entry in entries:
        if not is_url(entry.link):
            yield ReadFailure(f"{origin}: entry {entry.link[:80]!r}", "its link is not an http(s) URL")
            continue
        yield from page_items(fetcher.fetch(entry.link), entry.title, entry.date)


def read_feed_file(path: Path, fetcher) -> Iterator:
    """A saved feed (`.xml`): the pages its entries link to."""
    try:
        with open_regular(path) as handle:
            body = handle.read(20_000_000)
    except InputError as error:
        yield ReadFailure(str(path), str(error).removeprefix(f"{path}: "))
        return
    except OSError as error:
        yield ReadFailure(str(path), f"cannot read: {error.strerror}")
        return
    yield from read_feed_entries(body, str(path), fetcher)
