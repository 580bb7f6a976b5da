"""Curation: the example file in docs/ applied to a small store, validation, idempotence, and
curations surviving re-ingestion."""
from __future__ import annotations

import pytest

from kg.cli import cli
from kg.graph.curation import CurationError, curation_counts, read_curations
from kg.graph.store import GraphStore
from kg.graph.vocabulary import CURATION_GRAPH, ENTITIES_GRAPH
from kg.model import Article, Extraction, Meeting, Person
from kg.pipeline import apply_curations
from kg.pipeline import store_extractions

from conftest import TESTS

EXAMPLE = TESTS.parent / "docs" / "curations-example.yaml"
P = "https://w3id.org/mdc/id/person/"
MDC = "https://w3id.org/mdc#"
MEETING = "https://w3id.org/mdc/id/meeting/2024-06-14-az-cn-5363a72e"


def article(article_id, date, *persons, meeting=False, title=None):
    extraction = Extraction(article=Article(id=article_id, text="", date=date, title=title, origin=article_id),
                            date=date, persons=list(persons))
    if meeting:
        extraction.meetings = [Meeting("m1", date, parties=["AZ", "CN"], host="AZ",
                                       participants=[p.key for p in persons])]
    return extraction


def corpus(title=None):
    return [
        article("C01", "2024-06-14",
                Person("p1", "Zakir Hasanov", rank="Colonel General", position="Minister of Defence", country="AZ"),
                Person("p2", "Yao Qin", rank="Major-General", position="Deputy Chief", country="CN"),
                meeting=True, title=title),
        article("C02", "2024-06-15", Person("p1", "Elchin Hasanov", rank="Major General", country="AZ")),
        article("C03", "2024-06-16", Person("p1", "Hasanov", position="Minister", country="AZ")),
        article("C04", "2024-06-17", Person("p1", "Ali Hasanov", rank="Colonel", country="TR")),
        article("C05", "2024-06-18", Person("p1", "Ali Hasanov", rank="Rear Admiral", country="TR")),
    ]


@pytest.fixture
def store():
    store = GraphStore(None)
    store_extractions(store, corpus())
    return store


def values(store, subject, predicate, graph=None):
    rows = store.query(f"SELECT DISTINCT ?o WHERE {{ GRAPH ?g {{ <{subject}> <{predicate}> ?o }} "
                       + (f"FILTER(?g = <{graph}>)" if graph else "") + " }")
    return sorted(row["o"].value for row in rows)


def graphs_with(store, subject):
    rows = store.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {{ <{subject}> ?p ?o }} UNION {{ ?s ?p <{subject}> }} }} }}")
    return sorted(row["g"].value.rsplit("/", 1)[-1] for row in rows
                  if not row["g"].value.endswith("/graph/resolution"))  # bookkeeping indexes


def test_the_fixture_is_what_the_example_file_expects(store):
    assert graphs_with(store, MEETING) == ["C01"]
    assert graphs_with(store, P + "hasanov") == ["C03", "entities"]
    assert graphs_with(store, P + "ali-hasanov") == ["C04", "C05", "entities"]


def check_curated(store):
    # merge: C03's "Hasanov" is Zakir Hasanov
    assert graphs_with(store, P + "hasanov") == ["curation"]  # only the curation names it now
    assert "C03" in graphs_with(store, P + "zakir-hasanov")
    # split: C05's Ali Hasanov is another person
    assert graphs_with(store, P + "ali-hasanov") == ["C04", "curation", "entities"]
    assert graphs_with(store, P + "ali-hasanov-navy") == ["C05", "entities"]
    assert values(store, P + "ali-hasanov-navy", MDC + "rank") == ["Rear Admiral"]
    # set: the curated rank replaces the article's
    assert values(store, P + "yao-qin", MDC + "rank") == ["Major General"]
    # reject: the meeting is gone from every graph, the hand-made contact is there
    assert graphs_with(store, MEETING) == ["curation"]
    added = store.query(f"SELECT ?m ?note WHERE {{ GRAPH <{CURATION_GRAPH.value}> {{ ?m a <{MDC}Meeting> ; "
                        f"<{MDC}curationNote> ?note ; <{MDC}participant> <{P}yao-qin> }} }}")
    assert [row["note"].value for row in added] == ["Azerbaijani MoD press release of 2024-06-20, "
                                                    "mod.gov.az/en/news/12345"]


def test_the_example_file_applies(store):
    report = apply_curations(store, EXAMPLE)
    assert (report.applied, report.already) == (6, 0)
    check_curated(store)
    assert curation_counts(store) == {"merge": 1, "split": 1, "set": 1, "add_contact": 1, "reject": 2}
    before = sorted(str(q) for q in store.quads())
    again = apply_curations(store, EXAMPLE)
    assert (again.applied, again.already) == (0, 6)
    assert sorted(str(q) for q in store.quads()) == before


def test_curations_survive_reingestion(store):
    apply_curations(store, EXAMPLE)
    store_extractions(store, corpus(title="Re-ingested, changed"))  # every article changes
    check_curated(store)
    assert values(store, "https://w3id.org/mdc/id/article/C01", MDC + "title") == ["Re-ingested, changed"]


def test_unknown_entities_are_errors_and_nothing_is_applied(store, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- merge: {into: person/zakir-hasanov, entities: [person/nobody]}\n"
                   "- set: {entity: person/yao-qin, country: XX}\n"
                   "- split: {entity: person/ali-hasanov, articles: [C01], name: X}\n", encoding="utf-8")
    before = sorted(str(q) for q in store.quads())
    with pytest.raises(CurationError) as error:
        apply_curations(store, bad)
    assert str(error.value).splitlines() == [
        f"{bad} item 1 (merge): unknown entity person/nobody (no such IRI in the store; "
        "`kg entities --person NAME` shows persons' IRIs)",
        f"{bad} item 2 (set): unknown country or body code 'XX'",
        f"{bad} item 3 (split): article C01 does not mention person/ali-hasanov",
    ]
    assert sorted(str(q) for q in store.quads()) == before


@pytest.mark.parametrize("text, message", [
    ("merge: [", "not valid YAML at line 1"),
    ("- {merge: {into: a}, reject: {entity: b}}", "item 1: needs exactly one of merge, split, set, add_contact, reject"),
    ("- merge: {into: a}", "item 1 (merge): missing field(s): entities"),
    ("- set: {entity: a, colour: red}", "item 1 (set): unknown field(s): colour"),
    ("- add_contact: {parties: [AZ, CN]}", "item 1 (add_contact): a 'note' with the source is required"),
    ("- reject: {property: rank}", "item 1 (reject): give either 'entity', or 'subject' and 'property'"),
])
def test_malformed_files_say_where(tmp_path, text, message):
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CurationError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        read_curations(path)


def test_cli_curate_entities_and_stats(tmp_path, runner):
    store_dir = tmp_path / "store"
    with GraphStore(store_dir) as store:
        store_extractions(store, corpus())
    result = runner.invoke(cli, ["curate", str(EXAMPLE), "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Applied 6 curations (0 already stored); ")
    stats = runner.invoke(cli, ["stats", "--store", str(store_dir), "--format", "csv"])
    assert "curations: merge,1\r\n" in stats.output or "curations: merge,1\n" in stats.output
    assert "curations: reject,2" in stats.output
    shown = runner.invoke(cli, ["entities", "--person", "Zakir Hasanov", "--store", str(store_dir),
                                "--format", "tsv"])
    assert shown.exit_code == 0
    lines = shown.output.splitlines()
    assert lines[0].split("\t") == ["entity", "label", "article", "as written", "country", "confidence", "why"]
    c03 = next(line.split("\t") for line in lines if "\tC03\t" in line)
    assert c03[:5] == ["zakir-hasanov", "Zakir Hasanov", "C03", "Hasanov", "AZ"]
    assert c03[6].startswith(f"merged into {P}zakir-hasanov by a curation (rules: ambiguous: 2 candidates")
    bad = tmp_path / "bad.yaml"
    bad.write_text("- reject: {entity: meeting/none}\n  note: x\n", encoding="utf-8")
    failed = runner.invoke(cli, ["curate", str(bad), "--store", str(store_dir)])
    assert failed.exit_code == 1
    assert failed.output.startswith(f"Error: {bad} item 1 (reject): unknown entity meeting/none")


def test_entities_graph_uses_curated_values(store):
    apply_curations(store, EXAMPLE)
    assert values(store, P + "yao-qin", MDC + "rank", ENTITIES_GRAPH.value) == ["Major General"]
    assert values(store, P + "zakir-hasanov", MDC + "alias", ENTITIES_GRAPH.value) == ["Hasanov"]


def test_a_curated_graph_conforms_to_the_shapes(store):
    from kg.graph.validation import validate_store

    apply_curations(store, EXAMPLE)
    conforms, _, report = validate_store(store)
    assert conforms, report


def test_a_curation_interrupted_before_re_mapping_is_finished_by_the_next_run(store, monkeypatch):
    import kg.pipeline

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.pipeline, "reconcile", crash)
    with pytest.raises(KeyboardInterrupt):
        apply_curations(store, EXAMPLE)  # stored, but nothing re-mapped yet
    assert graphs_with(store, MEETING) == ["C01", "curation"]
    monkeypatch.undo()
    report = apply_curations(store, EXAMPLE)
    assert (report.applied, report.already) == (0, 6) and report.remapped > 0
    check_curated(store)
