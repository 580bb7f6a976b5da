"""Shared fixtures. The spaCy model loads once per test session (extraction caches it)."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

# Every test deterministic: hypothesis draws the same examples on every run and keeps no database
# of past failures that would replay on later runs (a failure shows its example in the report).
settings.register_profile("kg", derandomize=True, database=None, print_blob=True)
settings.load_profile("kg")

TESTS = Path(__file__).parent
DATA = TESTS / "data"
DEV = DATA / "dev"
SEED = DATA / "seed-article.txt"


@pytest.fixture(autouse=True)
def no_terminal_width(monkeypatch):
    """Tables and progress lines fit $COLUMNS when set: tests see the full width, wherever run."""
    monkeypatch.delenv("COLUMNS", raising=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def memory_store():
    from kg.graph.store import GraphStore

    return GraphStore(None)


@pytest.fixture(scope="session")
def seed_store_dir(tmp_path_factory) -> Path:
    """An on-disk store holding the seed article, ingested once through the CLI."""
    from kg.cli import cli

    path = tmp_path_factory.mktemp("seed") / "store"
    result = CliRunner().invoke(cli, ["ingest", str(SEED), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="session")
def bundled_store_dir(tmp_path_factory) -> Path:
    """An on-disk store of the bundled data (data/: the seed article and the demo corpus), as
    scripts/demo.sh builds it. Tests copy it before changing it."""
    from kg.cli import cli

    path = tmp_path_factory.mktemp("bundled") / "store"
    result = CliRunner().invoke(cli, ["ingest", str(TESTS.parent / "data"), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def artifacts_dir() -> Path:
    """Where tests leave files for people to look at (screenshots, HTML): test-artifacts/."""
    path = TESTS.parent / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection made to it (and answers none)."""

    def __init__(self):
        import socket
        import threading

        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.socket.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/sparql"
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while self.running:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self.running = False
        self.thread.join(timeout=5)
        self.socket.close()


@pytest.fixture
def listener():
    """Where a SERVICE call would go: the test asserts that nothing connected."""
    running = Listener()
    yield running
    running.close()


# ------------------------------------------------------------------ a local web site (issue 16)

WEB = DATA / "web"


class WebSite:
    """A test site on 127.0.0.1 serving the pages, feeds, robots.txt and GDELT export of
    tests/data/web (written for the tests, in several outlets' layouts), with `{base}` in them
    replaced by the site's address; and the misbehaviours a fetcher must survive. ``hits`` counts
    the requests per path; ``agents`` holds the user agents seen."""

    ROUTES = {
        "/robots.txt": ("robots.txt", "text/plain"),
        "/news/ministry.html": ("ministry.html", "text/html; charset=utf-8"),
        "/news/agency.html": ("agency.html", "text/html; charset=utf-8"),
        "/news/newspaper.html": ("newspaper.html", "text/html"),
        "/news/empty.html": ("empty.html", "text/html"),
        "/private/secret.html": ("ministry.html", "text/html"),
        "/feeds/rss.xml": ("rss2.xml", "application/rss+xml"),
        "/feeds/atom.xml": ("atom.xml", "application/atom+xml"),
        "/feeds/old.xml": ("rss091.xml", "text/xml"),
        "/feeds/rdf": ("rss1.rdf", "application/rdf+xml"),
        "/gdelt/20240515120000.export.CSV": ("20240515120000.export.CSV", "text/csv"),
    }
    HUGE_BYTES = 50 * 1024 * 1024

    def __init__(self):
        import threading
        from collections import Counter
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        site = self
        self.hits: Counter = Counter()
        self.agents: list[str] = []
        self.slow_seconds = 2.0
        self.huge_sent = 0

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # the body ends when the connection closes: no length needed

            def log_message(self, *args):
                pass

            def do_GET(self):
                site.hits[self.path] += 1
                site.agents.append(self.headers.get("User-Agent", ""))
                try:
                    site.answer(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client hung up (a cut-off body, a timeout): as it may

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def text(self, name: str) -> bytes:
        return (WEB / name).read_bytes().replace(b"{base}", self.base.encode())

    def answer(self, handler) -> None:
        import time

        path = handler.path
        if path in self.ROUTES:
            name, content_type = self.ROUTES[path]
            self.send(handler, 200, self.text(name), content_type)
        elif path == "/report.pdf":
            self.send(handler, 200, b"%PDF-1.4 not a page", "application/pdf")
        elif path == "/slow.html":
            time.sleep(self.slow_seconds)
            self.send(handler, 200, self.text("agency.html"), "text/html")
        elif path == "/huge.html":  # 50 MB of markup, no Content-Length: only counting stops it
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.end_headers()
            chunk = b"<p>" + b"padding " * 131_071 + b"</p>"  # about 1 MB
            while self.huge_sent < self.HUGE_BYTES:
                handler.wfile.write(chunk)
                self.huge_sent += len(chunk)
        elif path == "/to-file":
            self.send(handler, 302, b"", "text/plain", {"Location": "file:///etc/passwd"})
        elif path == "/moved":
            self.send(handler, 301, b"", "text/plain", {"Location": "/news/agency.html"})
        elif path == "/flaky.html":  # a 503 the first time, the page after
            if self.hits[path] == 1:
                self.send(handler, 503, b"busy", "text/plain", {"Retry-After": "1"})
            else:
                self.send(handler, 200, self.text("newspaper.html"), "text/html")
        else:
            self.send(handler, 404, b"<html><body>Not found</body></html>", "text/html")

    @staticmethod
    def send(handler, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def web_site():
    """A fresh local web site per test (its request counts start at nothing)."""
    site = WebSite()
    yield site
    site.close()


@pytest.fixture
def fetcher(tmp_path):
    """A fetcher for the local site: a cache in tmp_path, no delay, short timeouts."""
    from kg.read.web import Fetcher

    with Fetcher(cache_dir=tmp_path / "cache", delay=0, timeout=0.5, retries=1, backoff=0.01) as fetcher:
        yield fetcher
