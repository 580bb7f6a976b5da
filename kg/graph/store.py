"""The graph store: embedded Oxigraph on disk (the default), or in memory for tests.

Every article's facts live in the named graph whose IRI is the article's IRI; the default graph
holds the merge of the named graphs, each triple once (`kg.graph.merge`), and queries see it as it is
(no union default graph). Replacing an article's graph is one SPARQL
update (drop + insert), which Oxigraph runs as one transaction: a crash leaves either the old
graph or the new one, never half of it. The pipeline groups several articles' replacements in one
update (one transaction, one fsync-free WAL write) instead of `bulk_load`, which is faster for a
fresh store but not transactional: after a `kill -9` a bulk load can leave half an article.

One process writes at a time (RocksDB's lock, and kg's own on ``kg-writer.lock``, held from open to
close even while the store is reopened); the writer leaves its pid in ``kg-writer.pid`` so that a
second writer is told who holds the store. Readers open read-only snapshots beside it.

A long ingest reads the store as it grows (the registry of mentions, every entity's records), and
RocksDB keeps what it read in block caches that pyoxigraph gives no setting for (Oxigraph opens the
table of strings, read by key, with RocksDB's point-lookup settings and a cache of 128 MiB of its
own): `GraphStore.release_memory` closes and reopens the store between transactions, which empties
them, and gives the freed pages back to the system.
"""
from __future__ import annotations

import ctypes
import os
from functools import lru_cache
from pathlib import Path
from typing import IO, Iterable, Protocol, runtime_checkable

import pyoxigraph as ox

from kg.errors import QueryError, StoreError, StoreLockedError
from kg.graph.remote import RemoteStore
from kg.graph.updates import remove_graphs_update, replace_graph_update
from kg.graph.vocabulary import MDC

DEFAULT_STORE = "kg-store"
STORE_ENV = "KG_STORE"
_CONTENT_HASH = ox.NamedNode(MDC + "contentHash")


def default_location() -> str:
    return os.environ.get(STORE_ENV) or DEFAULT_STORE


def is_remote(location: str) -> bool:
    return location.startswith(("http://", "https://"))


@runtime_checkable
class Store(Protocol):
    """What kg asks of a store, embedded (`GraphStore`) or a SPARQL endpoint (`RemoteStore`).

    The default graph is the store's own, the merge of the named graphs (`kg.graph.merge`).
    The attributes say how to write to it: ``shared`` (other writers may write at the same
    time), ``merge_graph`` (where the merge is kept when the default graph cannot be written;
    None: the default graph), and the sizes a server takes per request (None: any).
    """

    location: str
    read_only: bool
    shared: bool
    merge_graph: ox.NamedNode | None
    operations_per_request: int | None
    quads_per_insert: int | None

    def query(self, sparql: str, union: bool = False): ...
    def update(self, sparql: str) -> None: ...
    def content_hash(self, graph: ox.NamedNode) -> str | None: ...
    def value(self, subject: ox.NamedNode, predicate: ox.NamedNode, graph: ox.NamedNode) -> str | None: ...
    def named_graphs(self) -> list[ox.NamedNode]: ...
    def quads(self, graph: ox.NamedNode | ox.DefaultGraph | None = None) -> Iterable[ox.Quad]: ...
    def __len__(self) -> int: ...
    def dump(self, output, fmt: ox.RdfFormat, from_graph=None, prefixes=None) -> None: ...
    def load(self, data, fmt: ox.RdfFormat, to_graph=None) -> None: ...
    def bulk_load(self, data: bytes | IO[bytes], fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> None: ...
    def bulk_extend(self, quads: Iterable[ox.Quad]) -> None: ...
    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None: ...
    def remove_graphs(self, graphs: Iterable[ox.NamedNode]) -> int: ...
    def flush(self) -> None: ...
    def release_memory(self) -> None: ...
    def optimize(self) -> None: ...
    def close(self) -> None: ...
    def __enter__(self) -> "Store": ...
    def __exit__(self, *exc) -> None: ...


class GraphStore:
    """Embedded Oxigraph store: ``path=None`` keeps it in memory."""

    shared = False  # one writer at a time (RocksDB's lock)
    merge_graph = None  # the merge is the default graph itself
    operations_per_request = None
    quads_per_insert = None

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False):
        self.location = str(path) if path is not None else ":memory:"
        self.read_only = read_only
        self._lock: int | None = None  # kg's writer lock (a file descriptor), held from open to close
        if path is None:
            self._store = ox.Store()
            return
        path = Path(path)
        if read_only:
            if not (path / "CURRENT").exists():
                raise StoreError(f"no store at {path}: run `kg ingest ... --store {path}` first")
            try:
                self._store = ox.Store.read_only(str(path))
            except OSError as error:
                raise StoreError(f"cannot open the store {path} for reading: {error}") from None
            return
        if path.exists() and not path.is_dir():
            raise StoreError(f"the store {path} is a file, not a store directory")
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot open the store {path}: {error}") from None
        self._lock = _take_lock(path)
        _bound_allocator()
        try:
            self._store = self._open_writable()
        except StoreError:
            _release_lock(self._lock)
            raise
        _write_pid(path)

    def _open_writable(self) -> ox.Store:
        path = Path(self.location)
        try:
            return ox.Store(str(path))
        except OSError as error:
            message = str(error)
            if _is_lock_error(message):
                raise _locked(path) from None
            raise StoreError(f"cannot open the store {path}: {message}") from None

    # ------------------------------------------------------------ writing

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Atomically replace one named graph's content, and its part of the default graph."""
        self.update(" ;\n".join(replace_graph_update(graph, quads)))

    def remove_graphs(self, graphs: Iterable[ox.NamedNode]) -> int:
        """Drop named graphs (and what only they contributed to the default graph); returns how
        many existed."""
        present = [graph for graph in graphs if self._store.contains_named_graph(graph)]
        if present:
            self.update(" ;\n".join(remove_graphs_update(present)))
        return len(present)

    def update(self, sparql: str) -> None:
        self._check_writable()
        try:
            self._store.update(sparql)
        except SyntaxError as error:
            raise QueryError(f"SPARQL update syntax error: {error}") from None

    def bulk_load(self, data: bytes | IO[bytes], fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> None:
        self._check_writable()
        self._store.bulk_load(data, fmt)

    def bulk_extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads with RocksDB's bulk loader (fast, not transactional: for restoring a store)."""
        self._check_writable()
        try:
            self._store.bulk_extend(quads)
        except OSError as error:
            raise StoreError(f"loading into {self.location} failed: {error}") from None

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.location} is open read-only")

    # ------------------------------------------------------------ reading

    def content_hash(self, graph: ox.NamedNode) -> str | None:
        return self.value(graph, _CONTENT_HASH, graph)

    def value(self, subject: ox.NamedNode, predicate: ox.NamedNode, graph: ox.NamedNode) -> str | None:
        """The value of one object of (subject, predicate) in a graph, read by key: kg's bookkeeping
        lookups (a content hash, an article's records), without a SPARQL query to parse and plan."""
        for quad in self._store.quads_for_pattern(subject, predicate, None, graph):
            return quad.object.value
        return None

    def query(self, sparql: str, union: bool = False):
        """Run a SPARQL query. The default graph is the store's own: the merge of the named graphs
        (`kg.graph.merge`), each triple once; ``union=True`` makes it the union of the named graphs."""
        try:
            return self._store.query(sparql, use_default_graph_as_union=union)
        except SyntaxError as error:
            raise QueryError(f"SPARQL syntax error: {error}") from None
        except OSError as error:
            raise StoreError(f"query failed on {self.location}: {error}") from None

    def named_graphs(self) -> list[ox.NamedNode]:
        return [g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)]

    def quads(self, graph: ox.NamedNode | None = None) -> Iterable[ox.Quad]:
        return self._store.quads_for_pattern(None, None, None, graph)

    def __len__(self) -> int:
        return len(self._store)

    def dump(self, output, fmt: ox.RdfFormat, from_graph=None, prefixes=None) -> None:
        kwargs = {"prefixes": prefixes} if prefixes and fmt in _PREFIX_FORMATS else {}
        if from_graph is not None:
            kwargs["from_graph"] = from_graph
        self._store.dump(output, fmt, **kwargs)

    def load(self, data, fmt: ox.RdfFormat, to_graph=None) -> None:
        self._check_writable()
        if to_graph is not None:
            self._store.load(data, fmt, to_graph=to_graph)
        else:
            self._store.load(data, fmt)

    # ------------------------------------------------------------ lifecycle

    def flush(self) -> None:
        if not self.read_only and self.location != ":memory:":
            self._store.flush()

    def optimize(self) -> None:
        if not self.read_only and self.location != ":memory:":
            self._store.optimize()

    def release_memory(self) -> None:
        """Empty RocksDB's caches: close the store and open it again (between transactions: what
        is committed stays committed), then give the freed memory back to the system.

        The caches hold what was read (at 50,000 articles, 170 MiB more than after closing), and
        grow with the store as a long ingest reads it; closing frees them, and glibc keeps freed
        pages until told (`malloc_trim`).
        kg's writer lock stays held, so no other kg writer takes the store in between. A store in
        memory or open read-only is left as it is."""
        if self.read_only or self.location == ":memory:" or self._store is None:
            return
        self._store.flush()
        self._store = None  # RocksDB closes when nothing holds it (no query is left unread here)
        self._store = self._open_writable()
        _return_freed_memory()

    def close(self) -> None:
        """Flush and release the store (and its lock); closing twice is harmless."""
        if self._store is None:
            return
        self.flush()
        if not self.read_only and self.location != ":memory:":
            try:
                (Path(self.location) / _PID_FILE).unlink(missing_ok=True)
            except OSError:
                pass
        self._store = None
        _release_lock(self._lock)
        self._lock = None

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store, for what this wrapper does not cover."""
        return self._store


_PREFIX_FORMATS = {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N3, ox.RdfFormat.RDF_XML,
                   ox.RdfFormat.JSON_LD}
_PID_FILE = "kg-writer.pid"
_LOCK_FILE = "kg-writer.lock"


def _take_lock(path: Path) -> int | None:
    """Hold kg's writer lock on the store (an exclusive `flock`, released when its descriptor is
    closed, so also when the process dies); None where flock does not exist."""
    try:
        import fcntl
    except ImportError:  # not POSIX: RocksDB's own lock is the only one
        return None
    try:
        descriptor = os.open(path / _LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise StoreError(f"cannot open the store {path}: {error}") from None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(descriptor)
        raise _locked(path) from None
    return descriptor


def _release_lock(descriptor: int | None) -> None:
    if descriptor is not None:
        os.close(descriptor)


def _locked(path: Path) -> StoreLockedError:
    return StoreLockedError(f"the store {path} is in use by another process{_lock_holder(path)}; "
                            "wait for it to finish (kg query, export and stats can read meanwhile)")


def _return_freed_memory() -> None:
    """Ask glibc to give the pages freed inside its heaps back to the system (`malloc_trim`); it
    keeps them otherwise, and the process's resident memory does not go down. Elsewhere: nothing."""
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is not None:
        trim(0)


# glibc's mallopt parameters (malloc.h)
_M_TRIM_THRESHOLD, _M_ARENA_MAX = -1, -8


@lru_cache(maxsize=1)
def _bound_allocator() -> None:
    """Keep glibc from holding freed memory while a writer runs (once per process, before the
    store's threads start; elsewhere: nothing).

    RocksDB's own threads each took an arena of their own (16 to 21 MiB resident at 30,000
    articles), and glibc kept the freed blocks of the main heap for reuse (up to 70 MiB of it
    between two reopenings of the store): at most 2 arenas, and the heap's free top given back
    above 1 MiB, which also keeps glibc from raising its threshold for mapping large blocks apart
    (mallopt(3)), so that they are given back when freed. Peak RSS of an ingest of 30,000
    synthetic articles: 124 MiB instead of 149 (bench/README.md, section 8)."""
    mallopt = getattr(_libc(), "mallopt", None)
    if mallopt is None:
        return
    mallopt(_M_ARENA_MAX, 2)
    mallopt(_M_TRIM_THRESHOLD, 1024 * 1024)


@lru_cache(maxsize=1)
def _libc():
    try:
        return ctypes.CDLL(None)
    except OSError:
        return None


def _write_pid(path: Path) -> None:
    try:
        (path / _PID_FILE).write_text(str(os.getpid()))
    except OSError:
        pass


def _is_lock_error(message: str) -> bool:
    """RocksDB's ways of saying that another handle holds the store's LOCK file."""
    lowered = message.lower()
    return any(sign in lowered for sign in ("lock", "temporarily unavailable", "resource busy"))


def _lock_holder(path: Path) -> str:
    """" (pid N)" from the writer's pid file; the pid of this process when it is the holder."""
    try:
        pid = int((path / _PID_FILE).read_text().strip())
    except (OSError, ValueError):
        return ""
    if pid == os.getpid():
        return f" (pid {pid}, this process: another handle is still open)"
    return f" (pid {pid})"


def open_store(location: str | os.PathLike | None = None, read_only: bool = False) -> Store:
    """Open the store at a directory (created when writing), ``:memory:``, or a SPARQL endpoint URL;
    use it as a context manager (``with open_store(path) as store:``) to close it when done."""
    location = str(location) if location is not None else default_location()
    if location == ":memory:":
        return GraphStore(None)
    if is_remote(location):
        return RemoteStore(location, read_only=read_only)
    return GraphStore(location, read_only=read_only)
