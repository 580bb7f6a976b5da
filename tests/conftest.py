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
    from kg.store import GraphStore

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
