"""Two `kg ingest` at once into one `kg serve --writable` give the graph one ingest gives."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.graph_fixtures import OxigraphServer

ARTICLES = 160


@pytest.fixture(scope="module")
def halves(tmp_path_factory):
    """A synthetic corpus (officials under spelling variants) dealt into two files."""
    folder = tmp_path_factory.mktemp("team")
    kg(["synth", str(folder / "corpus"), "--count", str(ARTICLES), "--seed", "11"])
    lines = (folder / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    first, second = folder / "first.jsonl", folder / "second.jsonl"
    first.write_text("\n".join(lines[0::2]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[1::2]) + "\n", encoding="utf-8")
    return folder, first, second


def kg(args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=600,
                            **kwargs)
    assert result.returncode == 0, result.stderr + result.stdout
    return result


def sorted_nquads(store: str) -> list[str]:
    text = kg(["export", "--store", store, "--format", "nquads"]).stdout
    return sorted(line for line in text.splitlines() if line.strip())


def test_two_concurrent_ingests_through_a_team_store_give_one_ingests_graph(halves):
    folder, first, second = halves
    kg(["ingest", str(first), str(second), "--store", str(folder / "sequential"), "--quiet"])
    expected = sorted_nquads(str(folder / "sequential"))

    server = OxigraphServer(folder / "team", writable=True)
    try:
        ingests = [subprocess.Popen([sys.executable, "-m", "kg.cli", "ingest", str(path), "--store", server.url,
                                     "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for path in (first, second)]
        for process in ingests:
            out, err = process.communicate(timeout=600)
            assert process.returncode == 0, err + out
        team = sorted_nquads(server.url)
        again = kg(["ingest", str(first), str(second), "--store", server.url]).stdout
    finally:
        server.stop()
    persons = lambda lines: {l.split()[0] for l in lines if "/person/" in l.split()[0]}  # noqa: E731,E741
    assert persons(team) == persons(expected)
    assert team == expected
    assert f"unchanged {ARTICLES}" in again
