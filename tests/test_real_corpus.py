"""The real corpus tooling (scripts/real_corpus.py) on a corpus made for the test: an excerpt saved exactly,
the cache assembled with every sha256 checked, what is missing or changed named, gold lines checked."""
from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "real_corpus.py"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("real_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    real = tmp_path / "real"
    for name, value in {"REAL": real, "CACHE": real / ".cache", "PARTS": real / "parts",
                        "MANIFEST": real / "manifest.jsonl", "GOLD": real / "gold.jsonl",
                        "GOLD_HOLDOUT": real / "gold-holdout.jsonl"}.items():
        monkeypatch.setattr(module, name, value)
    monkeypatch.setattr(module, "is_hidden", lambda url: url.endswith("/hidden"))
    return module


def add(corpus, monkeypatch, ident, url, literal):
    monkeypatch.setattr("sys.stdin", io.StringIO(literal))
    return corpus.main(["add", "--id", ident, "--url", url, "--title", "t", "--source", "Outlet", "--date", "2024-05",
                        "--query", "q", "--split", "dev", "--part", "p"])


GOLD = {"id": "X1", "date": "2024-05-16", "persons": [{"name": "Ana Lee", "country": "US"},
                                                      {"name": "Li Wei", "country": "CN"}],
        "mentioned": [], "meetings": [{"date": "2024-05-16", "countries": ["CN", "US"], "host_country": "US",
                                       "mode": "in_person", "participants": ["Ana Lee", "Li Wei"]}],
        "delegations": [], "forums": [], "invitations": [], "notes": ""}


def test_an_excerpt_is_saved_exactly_and_the_cache_checked(corpus, monkeypatch, capsys):
    assert add(corpus, monkeypatch, "X1", "https://example.org/a", '"Ana Lee met Li Wei \\u2019today\\u2019.\\n"') == 0
    assert (corpus.CACHE / "X1.txt").read_text(encoding="utf-8") == "Ana Lee met Li Wei \u2019today\u2019.\n"
    (corpus.PARTS / "p.gold.jsonl").write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    assert corpus.main(["check"]) == 0
    assert corpus.main(["build"]) == 0
    [article] = [json.loads(line) for line in (corpus.CACHE / "articles.jsonl").read_text().splitlines()]
    assert article["id"] == "X1" and article["date"] is None  # a month only: the input format takes full dates
    # a changed text and a missing one are named, and the build fails
    (corpus.CACHE / "X1.txt").write_text("changed", encoding="utf-8")
    assert corpus.main(["build"]) == 1
    assert "X1: sha256 differs from the manifest (https://example.org/a)" in capsys.readouterr().err
    (corpus.CACHE / "X1.txt").unlink()
    assert corpus.main(["build"]) == 1
    assert "X1: missing from the cache" in capsys.readouterr().err


def test_hidden_and_repeated_urls_are_refused(corpus, monkeypatch):
    with pytest.raises(SystemExit, match="hidden evaluation item"):
        add(corpus, monkeypatch, "X2", "https://example.org/hidden", '"text"')
    add(corpus, monkeypatch, "X3", "https://example.org/b", '"text"')
    with pytest.raises(SystemExit, match="already in the manifest as X3"):
        add(corpus, monkeypatch, "X4", "https://example.org/b", '"text"')


def test_gold_lines_that_break_the_format_are_named(corpus):
    broken = dict(GOLD, meetings=[dict(GOLD["meetings"][0], countries=["US", "CN"], host_country="FR",
                                       participants=["Ana Lee", "Nobody"], mode="phone")])
    problems = corpus.gold_problems(broken)
    assert "meeting mode 'phone'" in problems
    assert "meeting countries ['US', 'CN'] must be >= 2 codes, sorted" in problems
    assert "host FR is not one of the sides" in problems
    assert "participant 'Nobody' is not a person's name" in problems


def test_a_lost_cache_is_restored_only_with_the_manifests_text(corpus, monkeypatch, capsys):
    add(corpus, monkeypatch, "X5", "https://example.org/c", '"Ana Lee met Li Wei.\\n"')
    (corpus.CACHE / "X5.txt").unlink()
    capsys.readouterr()
    assert corpus.main(["missing"]) == 1
    assert json.loads(capsys.readouterr().out.splitlines()[0])["id"] == "X5"
    monkeypatch.setattr("sys.stdin", io.StringIO('"Ana Lee met Li Wei."'))  # the newline lost in copying
    with pytest.raises(SystemExit, match="X5: sha256 .* is not the manifest's"):
        corpus.main(["restore", "--id", "X5"])
    assert not (corpus.CACHE / "X5.txt").exists()
    monkeypatch.setattr("sys.stdin", io.StringIO('"Ana Lee met Li Wei.\\n"'))
    assert corpus.main(["restore", "--id", "X5"]) == 0
    assert corpus.main(["missing"]) == 0
