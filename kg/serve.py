"""`kg serve`: a SPARQL 1.1 Protocol endpoint over the store, by the Oxigraph server (PyPI `oxigraph`).

The Oxigraph server is the engine `kg` already embeds, so the endpoint answers exactly what
`kg query` does: queries at ``/query`` (GET and POST; JSON, XML, CSV and TSV results by the
Accept header), the YASGUI query page at ``/``, and with ``writable`` also ``/update`` and the
Graph Store Protocol at ``/store``. The default graph is the store's: the merge of the article graphs, each triple once.

Freshness: a read-only server opens the store as a snapshot, so it never sees what is ingested
after it started; restart it, or serve ``writable`` and ingest through its URL.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable

from kg.errors import KgError, StoreError
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


def serve(location: str, bind: str = "127.0.0.1:7878", writable: bool = False, timeout: int | None = 60,
          echo: Callable[[str], None] = print) -> int:
    """Run the server in the foreground until interrupted; returns its exit code."""
    process = start(location, bind, writable, timeout, stderr=subprocess.DEVNULL)
    host, port = parse_bind(bind)
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
