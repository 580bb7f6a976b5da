"""`kg serve`: a SPARQL 1.1 Protocol endpoint over the store, by the Oxigraph server (PyPI `oxigraph`).

The Oxigraph server is the engine `kg` already embeds, so the endpoint answers exactly what
`kg query` does: queries at ``/query`` (GET and POST; JSON, XML, CSV and TSV results by the
Accept header), and with ``writable`` also ``/update`` and the Graph Store Protocol at ``/store``.
The default graph is the store's: the merge of the article graphs, each triple once.

`kg serve` puts a guard in front of it (`Guard`): the Oxigraph server listens on a private
loopback port, and the guard, on the address asked for, passes requests through after checking
them. It refuses ``SERVICE`` and ``LOAD`` (a web page the analyst opens must not make the local
server fetch from internal hosts), holds each answer until it is complete, and ends a query at
its time limit or once its answer passes the size limit with an error status and message: a
client never gets ``200`` with a cut-off body. A query over its time limit also restarts the
Oxigraph server, the only way to stop a query inside it. The server is started so that it dies
with `kg serve`, even after a ``kill -9`` (Linux: the parent-death signal). At ``/`` the guard
answers itself with the project's own query page (its title, the ``mdc:`` prefixes declared, the
named queries as examples; it loads nothing from elsewhere, where Oxigraph's YASGUI page fetches a
prefix list from the internet).

Freshness: a read-only server opens the store as a snapshot, so it never sees what is ingested
after it started; restart it, or serve ``writable`` and ingest through its URL.
"""
from __future__ import annotations

import collections
import html
import http.client
import http.server
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
import urllib.parse
import urllib.request
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable

from kg.errors import KgError, QueryError, StoreError
from kg.graph.store import is_remote
from kg.graph.vocabulary import PREFIXES
from kg.output import script_json
from kg.processes import die_with_parent
from kg.query import named as queries
from kg.query.sparql import refuse_remote_calls


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
               "--bind", bind]
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


class StderrTail:
    """Keeps the last lines a child writes to its standard error (read by a thread, so that the
    pipe never fills), to show them when it fails."""

    def __init__(self, stream, lines: int = 60):
        self.lines: collections.deque[str] = collections.deque(maxlen=lines)
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream) -> None:
        for line in iter(stream.readline, b""):
            self.lines.append(line.decode("utf-8", "replace").rstrip())
        stream.close()

    def text(self, wait: float = 1.0) -> str:
        self.thread.join(timeout=wait)
        return "\n".join(line for line in self.lines if line).strip()


def start(location: str, bind: str = "127.0.0.1:7878", writable: bool = False,
          timeout: int | None = 60, stderr=None) -> subprocess.Popen:
    """Start the server in the background and return once it answers; the caller stops it.

    The server dies with this process (even a ``kill -9`` of it, on Linux); its standard error is
    kept (``process.stderr_tail``) and shown when it fails to start, e.g. on a store in use.
    """
    if writable:
        Path(location).mkdir(parents=True, exist_ok=True)
    command = server_command(location, bind, writable, timeout)
    host, port = parse_bind(bind)
    host = "127.0.0.1" if host in ("0.0.0.0", "localhost") else host
    if _listening(host, port):  # else the other server would answer our readiness probe
        raise ServeError(f"{host}:{port} is in use by another program; choose another --bind HOST:PORT")
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=stderr if stderr is not None else subprocess.PIPE,
                               preexec_fn=die_with_parent())
    process.stderr_tail = StderrTail(process.stderr) if stderr is None else None
    try:
        wait_until_ready(f"http://{host}:{port}", process=process)
        if process.poll() is not None:
            raise ServeError(f"the SPARQL server exited with code {process.returncode}")
    except ServeError as error:
        process.kill()
        process.wait(timeout=5)
        detail = process.stderr_tail.text() if process.stderr_tail else ""
        raise ServeError(f"{error}{': ' + explain_server_error(detail) if detail else ''}") from None
    return process


def explain_server_error(detail: str) -> str:
    """The server's last words on one line (without its stack trace), with a hint when they say
    the store is locked."""
    detail = detail.split("Stack backtrace:")[0]
    detail = " | ".join(line.strip() for line in detail.splitlines() if line.strip()).removeprefix("Error: ")
    if "lock" in detail.lower() or "temporarily unavailable" in detail.lower():
        detail = "the store is in use by another writer (kg ingest?); " + detail
    return detail[-500:]


def _listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


RESULT_BYTES = 100_000_000
MAX_REQUEST_BYTES = 64_000_000  # a query, an update or a Graph Store upload
_HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "expect",
               "transfer-encoding", "upgrade", "host", "content-length"}


class Upstream:
    """The Oxigraph server behind the guard, restarted when a query must be stopped.

    Started and restarted from the main thread only: the parent-death signal belongs to the thread
    that started the child, and request threads end.
    """

    def __init__(self, location: str, writable: bool, timeout: float):
        self.location, self.writable, self.timeout = location, writable, timeout
        self.lock = threading.Lock()
        self.restart_wanted = threading.Event()
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.generation = 0
        self.start()

    def start(self) -> None:
        port = _free_port()
        # the server's own limit is a backstop, a little after ours
        process = start(self.location, bind=f"127.0.0.1:{port}", writable=self.writable,
                        timeout=int(self.timeout) + 5)
        with self.lock:
            self.process, self.port = process, port
            self.generation += 1

    def restart(self) -> None:
        old = self.process
        if old is not None:
            old.kill()
            old.wait(timeout=10)
        self.restart_wanted.clear()
        self.start()

    def stop(self) -> None:
        process = self.process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sparql_texts(method: str, target: str, content_type: str, body: bytes) -> list[str]:
    """Every query or update a request carries: ``query=`` / ``update=`` in the URL or a form body,
    or a body of type application/sparql-query or application/sparql-update."""
    texts = []
    parameters = urllib.parse.parse_qs(urllib.parse.urlsplit(target).query, keep_blank_values=True)
    kind = content_type.split(";")[0].strip().lower()
    if method == "POST" and kind == "application/x-www-form-urlencoded":
        form = urllib.parse.parse_qs(body.decode("utf-8", "strict"), keep_blank_values=True)
        for name, values in form.items():
            parameters.setdefault(name, []).extend(values)
    for name in ("query", "update"):
        texts.extend(parameters.get(name, []))
    if method == "POST" and kind in ("application/sparql-query", "application/sparql-update"):
        texts.append(body.decode("utf-8", "strict"))
    return texts


PAGE_TITLE = "kg: military-diplomatic contacts"


def query_page(title: str = PAGE_TITLE) -> str:
    """The page at ``/``: a query editor with the project's prefixes declared and the named
    queries (`kg queries`) as examples, each bound to an example value where it needs one.
    Self-contained: its only requests go to this server's ``/query``."""
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
    page = resources.files("kg.query").joinpath("serve_assets/query.html").read_text(encoding="utf-8")
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


class Guard(http.server.ThreadingHTTPServer):
    """The address `kg serve` listens on: checks each request, passes it to the upstream server,
    and holds the answer until it is complete, within the limits."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], upstream: Upstream, timeout: float, max_bytes: int,
                 allowed_services: Iterable[str] = (), echo: Callable[[str], None] = print,
                 title: str = PAGE_TITLE):
        self.upstream, self.query_seconds, self.max_bytes = upstream, timeout, max_bytes
        self.title, self._page = title, None
        self.allowed_services = tuple(allowed_services)
        self.echo = echo
        if ":" in address[0]:  # [::1]:7878
            self.address_family = socket.AF_INET6
        super().__init__(address, GuardHandler)

    @property
    def page(self) -> bytes:
        """The query page at ``/`` (built once, on first request)."""
        if self._page is None:
            self._page = query_page(self.title).encode("utf-8")
        return self._page


class GuardHandler(http.server.BaseHTTPRequestHandler):
    server: Guard
    protocol_version = "HTTP/1.1"
    server_version = "kg-serve"

    def log_message(self, format, *args) -> None:  # noqa: A002 - quiet, like the Oxigraph server
        pass

    def do_GET(self):
        parts = urllib.parse.urlsplit(self.path)
        if parts.path in ("/", "/index.html") and "query" not in urllib.parse.parse_qs(parts.query):
            return self.send_page()  # the project's own query page; nothing else is answered here
        self.forward()

    def send_page(self) -> None:
        body = self.server.page
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self): self.forward()  # noqa: E704
    def do_POST(self): self.forward()  # noqa: E704
    def do_PUT(self): self.forward()  # noqa: E704
    def do_DELETE(self): self.forward()  # noqa: E704
    def do_OPTIONS(self): self.forward()  # noqa: E704

    def fail(self, status: int, message: str) -> None:
        body = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def forward(self) -> None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True
            return self.fail(411, "send the request with a Content-Length")
        if self.headers.get("Content-Encoding", "identity").strip().lower() != "identity":
            self.close_connection = True  # a compressed body could hide what the check reads
            return self.fail(415, "send the request body uncompressed")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_REQUEST_BYTES:
            self.close_connection = True
            return self.fail(413, f"a request body is at most {MAX_REQUEST_BYTES:,} bytes")
        body = self.rfile.read(length) if length else b""
        try:
            for text in sparql_texts(self.command, self.path, self.headers.get("Content-Type", ""), body):
                refuse_remote_calls(text, self.server.allowed_services)
        except UnicodeDecodeError:
            return self.fail(400, "the query is not UTF-8 text")
        except QueryError as error:
            return self.fail(403, str(error))
        self.relay(body)

    def relay(self, body: bytes) -> None:
        upstream = self.server.upstream
        with upstream.lock:
            port, generation = upstream.port, upstream.generation
        seconds = self.server.query_seconds
        deadline = time.monotonic() + seconds
        headers = {name: value for name, value in self.headers.items() if name.lower() not in _HOP_BY_HOP}
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=seconds)
        try:
            connection.connect()
            sock = connection.sock  # kept: the connection lets go of it when the answer ends with a close
            connection.request(self.command, self.path, body=body if body or self.command in ("POST", "PUT")
                               else None, headers=headers)
            response = connection.getresponse()
            chunks, size = [], 0
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                sock.settimeout(left)
                chunk = response.read1(1 << 16) if self.command != "HEAD" else b""
                if not chunk:
                    break
                size += len(chunk)
                if size > self.server.max_bytes:
                    return self.fail(507, f"the answer passed the size limit of {self.server.max_bytes:,} bytes "
                                          "and was stopped; add a LIMIT")
                chunks.append(chunk)
        except (TimeoutError, socket.timeout):
            self.fail(503, f"the query ran past its time limit of {seconds:g} s and was stopped")
            upstream.restart_wanted.set()  # the main thread stops it by restarting the server
            return
        except (http.client.HTTPException, OSError) as error:
            restarted = upstream.generation != generation or upstream.restart_wanted.is_set()
            return self.fail(502, "the SPARQL server was restarted to stop a runaway query; try again"
                             if restarted else f"the SPARQL server gave no complete answer ({error})")
        finally:
            connection.close()
        self.send_response_only(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in _HOP_BY_HOP:
                self.send_header(name, value)
        data = b"".join(chunks)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


def serve(location: str, bind: str = "127.0.0.1:7878", writable: bool = False, timeout: float | None = 60,
          echo: Callable[[str], None] = print, max_bytes: int = RESULT_BYTES,
          allowed_services: Iterable[str] = (), title: str = PAGE_TITLE) -> int:
    """Run the guarded server in the foreground until interrupted or terminated; returns 0, or 1
    when the Oxigraph server stopped by itself (its last words are echoed)."""
    host, port = parse_bind(bind)
    timeout = timeout or 60
    probe_host = "127.0.0.1" if host in ("0.0.0.0", "localhost") else host
    if writable:
        Path(location).mkdir(parents=True, exist_ok=True)
    server_command(location, bind, writable, int(timeout))  # refuses what cannot be served, early
    if _listening(probe_host, port):
        raise ServeError(f"{probe_host}:{port} is in use by another program; choose another --bind HOST:PORT")
    upstream = Upstream(location, writable, timeout)
    try:
        guard = Guard((host, port), upstream, timeout, max_bytes, allowed_services, echo, title=title)
    except OSError as error:
        upstream.stop()
        raise ServeError(f"cannot listen on {bind}: {error.strerror or error}") from None
    stopping = threading.Event()

    def stop(signum, frame):
        stopping.set()

    previous = signal.signal(signal.SIGTERM, stop)
    thread = threading.Thread(target=guard.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()
    base = f"http://{host}:{port}"
    echo(f"Serving {location} {'read-write' if writable else 'read-only'} at {base}/query "
         f"(query page {base}/). Ctrl-C stops.")
    if writable:
        echo(f"Team store: kg ingest FILES --store {base}")
    else:
        echo("A snapshot: restart kg serve to see articles ingested after now.")
    code = 0
    try:
        while not stopping.is_set():
            if upstream.restart_wanted.wait(0.2):
                echo(f"A query ran past {timeout:g} s: restarting the SPARQL server to stop it.")
                upstream.restart()
            elif upstream.process.poll() is not None:
                tail = upstream.process.stderr_tail.text() if upstream.process.stderr_tail else ""
                echo(f"Error: the SPARQL server stopped with code {upstream.process.returncode}"
                     + (f": {explain_server_error(tail)}" if tail else ""))
                code = 1
                break
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        guard.shutdown()
        guard.server_close()
        upstream.stop()
    return code
