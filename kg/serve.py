"""`kg serve`: a SPARQL 1.1 Protocol endpoint over the store, by the Oxigraph server (PyPI `oxigraph`).

The Oxigraph server is the engine `kg` already embeds, so the endpoint answers exactly what
`kg query` does: queries at ``/query`` (GET and POST; JSON, XML, CSV and TSV results by the
Accept header), and with ``writable`` also ``/update`` and the Graph Store Protocol at ``/store``.
The default graph is the union of the article graphs.

`serve` puts a small front in front of it (`FrontServer`, on the address the user gives): the
project's own query page at ``/`` (its title, the ``mdc:`` prefixes declared, the named queries
as examples; nothing is loaded from elsewhere, where Oxigraph's YASGUI page fetches a prefix
list from the internet), and every other request passed to Oxigraph on a private port.

Freshness: a read-only server opens the store as a snapshot, so it never sees what is ingested
after it started; restart it, or serve ``writable`` and ingest through its URL.
"""
from __future__ import annotations

import html
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from kg.errors import KgError, QueryError, StoreError
from kg.store import is_remote


class ServeError(KgError):
    """The SPARQL server cannot be started."""


def find_oxigraph() -> str:
    """The `oxigraph` server binary: beside this Python (a virtual environment), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if not found:
        raise ServeError("the `oxigraph` server is not installed: pip install oxigraph "
                         "(it comes with `pip install kg-mdc`)")
    return found


def parse_bind(bind: str) -> tuple[str, int]:
    host, sep, port = bind.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ServeError(f"--bind {bind!r}: write HOST:PORT, e.g. 127.0.0.1:7878")
    return host.strip("[]"), int(port)


def server_command(location: str, bind: str = "127.0.0.1:7878", writable: bool = False,
                   timeout: int | None = 60) -> list[str]:
    """The command line that serves the store directory ``location``."""
    if is_remote(location):
        raise ServeError(f"{location} is already a SPARQL endpoint; kg serve serves a store directory")
    if location == ":memory:":
        raise ServeError("kg serve needs a store directory, not :memory:")
    parse_bind(bind)
    path = Path(location)
    if not writable and not (path / "CURRENT").exists():
        raise StoreError(f"no store at {path}: run `kg ingest ... --store {path}` first "
                         "(or serve it --writable to start an empty team store)")
    command = [find_oxigraph(), "serve" if writable else "serve-read-only", "--location", str(path),
               "--bind", bind, "--union-default-graph"]
    if timeout:
        command += ["--timeout-s", str(timeout)]
    return command


def wait_until_ready(url: str, seconds: float = 20.0, process: subprocess.Popen | None = None) -> None:
    """Poll the endpoint until it answers a query (or the server process exits)."""
    deadline = time.monotonic() + seconds
    probe = url.rstrip("/") + "/query?query=ASK%7B%7D"
    while True:
        if process is not None and process.poll() is not None:
            raise ServeError(f"the SPARQL server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            raise ServeError(f"the SPARQL server at {url} did not answer within {seconds:.0f} s")
        time.sleep(0.05)


def start(location: str, bind: str = "127.0.0.1:7878", writable: bool = False,
          timeout: int | None = 60, stderr=None) -> subprocess.Popen:
    """Start the server in the background and return once it answers; the caller stops it."""
    if writable:
        Path(location).mkdir(parents=True, exist_ok=True)
    command = server_command(location, bind, writable, timeout)
    host, port = parse_bind(bind)
    host = "127.0.0.1" if host in ("0.0.0.0", "localhost") else host
    if _listening(host, port):  # else the other server would answer our readiness probe
        raise ServeError(f"{host}:{port} is in use by another program; choose another --bind HOST:PORT")
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=stderr if stderr is not None else subprocess.PIPE)
    try:
        wait_until_ready(f"http://{host}:{port}", process=process)
        if process.poll() is not None:
            raise ServeError(f"the SPARQL server exited with code {process.returncode}")
    except ServeError as error:
        process.kill()
        _, err = process.communicate(timeout=5)
        detail = err.decode("utf-8", "replace").strip() if err else ""
        if "lock" in detail.lower() or "temporarily unavailable" in detail.lower():
            detail = "the store is in use by another writer (kg ingest?); " + detail
        raise ServeError(f"{error}{': ' + detail[-500:] if detail else ''}") from None
    return process


def _listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


PAGE_TITLE = "kg: military-diplomatic contacts"


def query_page(title: str = PAGE_TITLE) -> str:
    """The page at ``/``: a query editor with the project's prefixes declared and the named
    queries (`kg queries`) as examples, each bound to an example value where it needs one.
    Self-contained: its only requests go to this server's ``/query``."""
    from kg import queries
    from kg.rdf import PREFIXES
    from kg.viz import script_json

    examples = []
    for name in queries.names():
        query = queries.get(name)
        try:
            text = query.bind(_example_values(query))
        except QueryError:  # a required parameter without an example: leave it out
            continue
        examples.append({"name": name, "description": query.description, "text": text.strip() + "\n"})
    prologue = "\n".join(f"PREFIX {prefix}: <{iri}>" for prefix, iri in PREFIXES.items())
    data = {"prologue": prologue, "examples": examples, "endpoint": "/query"}
    page = resources.files("kg").joinpath("serve_assets/query.html").read_text(encoding="utf-8")
    replacements = {"{{TITLE}}": html.escape(title), "{{DATA}}": script_json(data)}
    return re.sub(r"\{\{[A-Z]+\}\}", lambda m: replacements[m.group(0)], page)


def _example_values(query) -> dict[str, str]:
    """Values for a query's required parameters, from their descriptions ("e.g. AZ", "(\"Zakir
    Hasanov\")")."""
    values = {}
    for param in query.params:
        if not param.required:
            continue
        found = re.search(r'\("([^"]+)"\)', param.description) or re.search(r"e\.g\. (\S+)", param.description)
        if found:
            values[param.name] = found.group(1).rstrip(",.;")
    return values


_HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
               "trailers", "transfer-encoding", "upgrade", "host", "content-length"}


class _FrontHandler(BaseHTTPRequestHandler):
    """``/``: the query page; anything else: passed to the Oxigraph server unchanged."""

    protocol_version = "HTTP/1.1"
    server: "FrontServer"

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass

    def do_GET(self):
        parts = urlsplit(self.path)
        if parts.path in ("/", "/index.html") and "query" not in parse_qs(parts.query):
            body = self.server.page
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            self.wfile.write(body)
            return
        self._forward()

    def do_POST(self):
        self._forward()

    do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_POST

    def _body(self) -> bytes | None:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else None

    def _forward(self):
        body = self._body()
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
        connection = http.client.HTTPConnection(*self.server.upstream, timeout=self.server.timeout_s)
        try:
            connection.request(self.command, self.path, body=body, headers=headers)
            response = connection.getresponse()
        except OSError as error:
            connection.close()
            self.send_error(502, f"the SPARQL server does not answer: {error}")
            return
        try:
            self.send_response(response.status, response.reason)
            for key, value in response.getheaders():
                if key.lower() not in _HOP_BY_HOP:
                    self.send_header(key, value)
            length = response.getheader("Content-Length")
            if self.command == "HEAD" or response.status in (204, 304):
                self.send_header("Content-Length", "0" if length is None else length)
                self.end_headers()
                return
            chunked = length is None
            self.send_header("Transfer-Encoding" if chunked else "Content-Length",
                             "chunked" if chunked else length)
            self.end_headers()
            while True:
                data = response.read1(65536) if hasattr(response, "read1") else response.read(65536)
                if not data:
                    break
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
        finally:
            connection.close()


class FrontServer(ThreadingHTTPServer):
    """The address `kg serve` listens on: the query page, and a pass-through to Oxigraph."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], upstream: tuple[str, int], title: str = PAGE_TITLE,
                 timeout_s: float = 600.0):
        self.upstream = upstream
        self.page = query_page(title).encode("utf-8")
        self.timeout_s = timeout_s
        super().__init__(address, _FrontHandler)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(location: str, bind: str = "127.0.0.1:7878", writable: bool = False, timeout: int | None = 60,
          echo: Callable[[str], None] = print, title: str = PAGE_TITLE) -> int:
    """Run the server in the foreground until interrupted; returns its exit code."""
    host, port = parse_bind(bind)
    server_command(location, bind, writable, timeout)  # the same checks, before anything starts
    probe_host = "127.0.0.1" if host in ("0.0.0.0", "localhost") else host
    if _listening(probe_host, port):
        raise ServeError(f"{host}:{port} is in use by another program; choose another --bind HOST:PORT")
    inner = _free_port()
    process = start(location, f"127.0.0.1:{inner}", writable, timeout, stderr=subprocess.DEVNULL)
    try:
        front = FrontServer((host, port), ("127.0.0.1", inner), title=title,
                            timeout_s=float(timeout or 600) + 30)
    except OSError as error:
        process.terminate()
        process.wait(timeout=10)
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    thread = threading.Thread(target=front.serve_forever, name="kg-serve-front", daemon=True)
    thread.start()
    base = f"http://{host}:{port}"
    echo(f"Serving {location} {'read-write' if writable else 'read-only'} at {base}/query "
         f"(query page {base}/). Ctrl-C stops.")
    if writable:
        echo(f"Team store: kg ingest FILES --store {base}")
    else:
        echo("A snapshot: restart kg serve to see articles ingested after now.")

    def stop(signum, frame):
        process.terminate()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        front.shutdown()
        front.server_close()
