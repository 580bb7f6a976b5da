"""The ingest pipeline's plumbing: progress line and ETA, counting, parallel extraction, transactions."""
from __future__ import annotations

import io
import json

from kg.cli import cli
from kg.graph.persistence import BatchWriter
from kg.graph.store import GraphStore
from kg.graph.vocabulary import article_iri
from kg.pipeline import ingest
from kg.progress import Progress, format_duration, progress_line
from kg.read.files import count_articles
from kg.report import IngestReport

from conftest import DEV, SEED


def test_progress_line_shows_rate_eta_and_counts():
    report = IngestReport(ingested=240, unchanged=50, failed=["x: bad"], skipped=9, total=1200)
    assert progress_line(report, 10.0) == (
        "300/1200 articles (25%)  30.0 articles/s  ETA 30s  | 240 new, 50 unchanged, 1 failed, 9 skipped")
    report.total = None
    assert progress_line(report, 10.0).startswith("300 articles  30.0 articles/s  | ")
    assert format_duration(3725) == "1h02m" and format_duration(75) == "1m15s"


def test_the_progress_line_fits_a_narrow_terminal(monkeypatch):
    """On a 60-column terminal the line used to wrap, and so scroll at every update."""
    report = IngestReport(ingested=240, unchanged=50, failed=["x: bad"], skipped=9, total=1200)
    assert progress_line(report, 10.0, 70) == "300/1200 articles (25%)  30.0/s  ETA 30s  | 240 new, 1 failed"
    assert progress_line(report, 10.0, 60) == "300/1200 articles (25%)  ETA 30s  | 240 new, 1 failed"
    assert progress_line(report, 10.0, 40) == "300/1200 articles (25%)  ETA 30s"
    assert len(progress_line(report, 10.0, 12)) < 12
    monkeypatch.setenv("COLUMNS", "60")
    stream = io.StringIO()
    progress = Progress(stream=stream, force=True, every_seconds=0)
    for done in range(3):
        progress.update(IngestReport(ingested=100 * done, unchanged=50, total=1200))
    assert all(len(line) < 60 for line in stream.getvalue().split("\r"))


def test_progress_writes_to_a_stream_when_forced():
    stream = io.StringIO()
    progress = Progress(stream=stream, force=True, every_seconds=0)
    progress.update(IngestReport(ingested=1, total=2))
    progress.close()
    assert stream.getvalue().startswith("\r1/2 articles (50%)") and stream.getvalue().endswith("\n")
    quiet = io.StringIO()
    Progress(stream=quiet).update(IngestReport(ingested=1))  # not a terminal: nothing
    assert quiet.getvalue() == ""


def test_count_articles(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("z", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("z", encoding="utf-8")
    assert count_articles([tmp_path]) == 3
    assert count_articles([DEV / "articles.jsonl", SEED, tmp_path / "missing"]) == 72


def test_cli_progress_goes_to_stderr_and_summary_to_stdout(tmp_path, runner):
    result = runner.invoke(cli, ["ingest", str(SEED), "--store", str(tmp_path / "s"), "--progress"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [result.stdout.splitlines()[0]]  # the summary alone
    assert result.stdout.startswith("Ingested 1, unchanged 0, failed 0")
    assert "1/1 articles (100%)" in result.stderr and "1 new, 0 unchanged, 0 failed" in result.stderr
    assert "Ingested" not in result.stderr


def test_parallel_extraction_gives_the_same_graph(tmp_path):
    one = GraphStore(None)
    ingest([str(DEV / "articles.jsonl")], one, jobs=1)
    two = GraphStore(None)
    report = ingest([str(DEV / "articles.jsonl")], two, jobs=2)
    assert report.ingested == 71
    assert {str(q) for q in two.quads()} == {str(q) for q in one.quads()}


def test_one_transaction_per_batch_keeps_one_version_of_an_article(memory_store):
    from pyoxigraph import Literal, NamedNode, Quad

    graph = article_iri("x")
    writer = BatchWriter(memory_store, articles_per_transaction=100)

    def quads(value):
        return [Quad(graph, NamedNode("https://w3id.org/mdc#title"), Literal(value), graph)]

    writer.replace_article(graph, quads("first"), [])
    writer.replace_article(graph, quads("second"), [])
    writer.commit()
    assert [q.object.value for q in memory_store.quads(graph)] == ["second"]


def test_ingest_with_no_facts_and_records_only_for_stored_articles(tmp_path):
    store = GraphStore(None)
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "n1", "text": "Nothing about any contact happened on this day at all, "
                                                    "and the weather was fine for the time of the year."}) + "\n",
                    encoding="utf-8")
    report = ingest([str(path)], store)
    assert report.ingested == 1
    assert store.content_hash(article_iri("n1"))


def test_reading_waits_when_too_many_articles_are_in_flight():
    import threading

    from kg.pipeline import _Window

    window = _Window(3)
    read = []

    def source():
        for number in range(10):
            read.append(number)
            yield number

    fed = window.feed(source())
    taken = []
    reader = threading.Thread(target=lambda: taken.extend(fed))
    reader.start()
    reader.join(0.5)
    assert len(taken) == 3 and reader.is_alive()  # blocked: three in flight
    for _ in range(7):
        window.release()
    reader.join(2)
    assert taken == list(range(10)) and not reader.is_alive()
    stuck = window.feed(iter(range(5)))
    window.close()
    assert list(stuck) == []  # closed: a blocked reader gives up instead of hanging


def test_an_extractor_bug_on_one_article_fails_that_article_only(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import kg.extract.contacts as contacts
    from kg.cli import cli

    real = contacts.read_article

    def flaky(article):
        if article.id == "bad":
            raise IndexError("list index out of range")
        return real(article)

    monkeypatch.setattr(contacts, "read_article", flaky)
    corpus = tmp_path / "a.jsonl"
    corpus.write_text('{"id": "bad", "text": "Minister X met General Y."}\n'
                      '{"id": "good", "date": "2024-06-14", "text": "Azerbaijan\'s Defence Minister '
                      'Zakir Hasanov received Chinese Major General Yao Qin in Baku on Friday."}\n',
                      encoding="utf-8")
    store = str(tmp_path / "store")
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--store", store])
    assert result.exit_code == 3
    assert (f"Failed: {corpus}:1 (id bad): extraction failed: internal error "
            "(IndexError: list index out of range); please report it") in result.output
    assert "Ingested 1" in result.output
    ids = CliRunner().invoke(cli, ["query", "--store", store, "--format", "csv",
                                   "SELECT ?id WHERE { ?a <https://w3id.org/mdc#identifier> ?id }"]).output
    assert ids == "id\ngood\n"
