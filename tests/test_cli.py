"""The command line as a user meets it: exact output, errors as one line, documented exit codes."""
from __future__ import annotations

import json

import click
import pytest

from kg.cli import cli
from kg.graph.store import GraphStore
from kg.pipeline import store_extraction
from sample_facts import seed_like_extraction


@pytest.fixture
def fact_store(tmp_path):
    """An on-disk store with one hand-made article (independent of the extractor)."""
    path = tmp_path / "store"
    store = GraphStore(path)
    store_extraction(store, seed_like_extraction("T1"))
    store.close()
    return str(path)


def test_every_command_has_help_with_an_example(runner):
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example" in result.output, name


def test_query_who_met_whom_as_a_table(runner, fact_store):
    sparql = """PREFIX mdc: <https://w3id.org/mdc#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT DISTINCT ?a ?b WHERE { GRAPH ?g { ?m a mdc:Meeting ; mdc:participant ?x, ?y .
      ?x rdfs:label ?a . ?y rdfs:label ?b } FILTER(STR(?a) < STR(?b)) }"""
    result = runner.invoke(cli, ["query", sparql, "--store", fact_store])
    assert result.exit_code == 0, result.output
    assert result.output == ("a        b\n"
                             "-------  -------------\n"
                             "Yao Qin  Zakir Hasanov\n")


def test_query_formats(runner, fact_store):
    sparql = ("PREFIX mdc: <https://w3id.org/mdc#> "
              "SELECT DISTINCT ?code WHERE { ?c mdc:code ?code } ORDER BY ?code")
    csv = runner.invoke(cli, ["query", sparql, "--store", fact_store, "--format", "csv"])
    assert csv.output == "code\nAZ\nCN\n"
    tsv = runner.invoke(cli, ["query", sparql, "--store", fact_store, "--format", "tsv"])
    assert tsv.output == '?code\n"AZ"\n"CN"\n'
    answer = json.loads(runner.invoke(cli, ["query", sparql, "--store", fact_store,
                                            "--format", "json"]).output)
    assert answer["head"]["vars"] == ["code"]
    assert [b["code"]["value"] for b in answer["results"]["bindings"]] == ["AZ", "CN"]


def test_query_ask_and_construct(runner, fact_store):
    ask = runner.invoke(cli, ["query", "ASK { ?s ?p ?o }", "--store", fact_store])
    assert ask.output == "true\n"
    construct = runner.invoke(cli, ["query", "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 1",
                                    "--store", fact_store])
    assert construct.exit_code == 0
    assert "@prefix" in construct.output


def test_query_refuses_an_update_without_the_flag(runner, fact_store):
    result = runner.invoke(cli, ["query", "DELETE WHERE { ?s ?p ?o }", "--store", fact_store])
    assert result.exit_code == 1
    assert result.output == ("Error: this is a SPARQL update; kg query is read-only unless you pass "
                             "--update\n")
    count = runner.invoke(cli, ["query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                                "--store", fact_store, "--format", "csv"])
    assert count.output != "n\n0\n"


def test_query_syntax_error_is_one_line(runner, fact_store):
    result = runner.invoke(cli, ["query", "SELECT WHERE {", "--store", fact_store])
    assert result.exit_code == 1
    assert result.output.startswith("Error: SPARQL syntax error")
    assert "Traceback" not in result.output


def test_reading_a_store_that_does_not_exist(runner, tmp_path):
    missing = tmp_path / "nowhere"
    for command in (["stats"], ["export"], ["query", "ASK {}"], ["validate"]):
        result = runner.invoke(cli, [*command, "--store", str(missing)])
        assert result.exit_code == 1
        assert result.output == (f"Error: no store at {missing}: run `kg ingest ... --store {missing}` "
                                 "first\n")
    assert not missing.exists()


def test_ingest_reports_missing_inputs_and_goes_on(runner, tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("The minister met the ambassador.", encoding="utf-8")
    store = tmp_path / "store"
    result = runner.invoke(cli, ["ingest", str(tmp_path / "missing.txt"), str(good),
                                 "--store", str(store)])
    assert result.exit_code == 3
    assert f"Failed: {tmp_path / 'missing.txt'}: no such file or directory" in result.output
    assert "Ingested 1, unchanged 0, failed 1" in result.output


def test_reingesting_an_unchanged_article_changes_nothing(runner, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The minister met the ambassador on Monday.", encoding="utf-8")
    store = str(tmp_path / "store")
    runner.invoke(cli, ["ingest", str(article), "--store", store])
    before = runner.invoke(cli, ["export", "--store", store, "--format", "nquads"]).output
    again = runner.invoke(cli, ["ingest", str(article), "--store", store])
    assert "Ingested 0, unchanged 1, failed 0" in again.output
    assert runner.invoke(cli, ["export", "--store", store, "--format", "nquads"]).output == before


def test_stats_counts_distinct_entities(runner, fact_store):
    result = runner.invoke(cli, ["stats", "--store", fact_store, "--format", "csv"])
    rows = dict(line.split(",", 1) for line in result.output.strip().splitlines()[1:])
    assert rows["Article"] == "1"
    assert rows["Person"] == "2"
    assert rows["Country"] == "2"
    assert rows["Meeting"] == "1"
    assert rows["articles published"] == "2024-06-14 .. 2024-06-14"


def test_validate_conforms(runner, fact_store):
    result = runner.invoke(cli, ["validate", "--store", fact_store])
    assert result.exit_code == 0
    assert result.output == "Conforms: the graph satisfies every shape.\n"


def test_validate_reports_and_exits_1(runner, fact_store):
    runner.invoke(cli, ["query", "--update", "--store", fact_store,
                        "DELETE WHERE { ?m <https://w3id.org/mdc#date> ?d }"])  # the default graph, what validate reads
    result = runner.invoke(cli, ["validate", "--store", fact_store])
    assert result.exit_code == 1
    assert "A meeting has a date" in result.output


def test_export_to_file(runner, fact_store, tmp_path):
    out = tmp_path / "g.ttl"
    result = runner.invoke(cli, ["export", "--store", fact_store, "--output", str(out)])
    assert result.exit_code == 0
    assert "Zakir Hasanov" in out.read_text(encoding="utf-8")


def test_unknown_format_is_a_usage_error(runner, fact_store):
    result = runner.invoke(cli, ["export", "--store", fact_store, "--format", "xlsx"])
    assert result.exit_code == 2


def test_explain_shows_each_fact_with_the_rule_and_sentence_behind_it(runner, tmp_path):
    sentence = ("Turkish Land Forces Commander General Kemal Aslan called on Pakistani Chief of Army Staff General "
                "Asif Karim at GHQ in Rawalpindi on Tuesday.")
    article = tmp_path / "visit.jsonl"
    article.write_text(json.dumps({"id": "v1", "date": "2024-05-16", "text": sentence}) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["explain", str(article)])
    assert result.exit_code == 0, result.output
    quoted = f'"{sentence}"'
    assert result.output.splitlines() == [
        "v1  published 2024-05-16",
        "persons",
        "  p1 Kemal Aslan (TR, General, Turkish Land Forces Commander)",
        f"      country TR: country.post-before  {quoted}",
        f"      rank General: rank.before-name  {quoted}",
        f"      position Turkish Land Forces Commander: position.before-name  {quoted}",
        "  p2 Asif Karim (PK, General, Chief of Army Staff)",
        f"      country PK: country.post-before  {quoted}",
        f"      rank General: rank.before-name  {quoted}",
        f"      position Chief of Army Staff: position.before-name  {quoted}",
        "meetings",
        "  m1 2024-05-14 PK–TR in_person, host PK, at Rawalpindi: Kemal Aslan, Asif Karim",
        f"      meeting PK TR: meeting.called-on  {quoted}",
        f"      participant Kemal Aslan: participant.named (meeting.called-on)  {quoted}",
        f"      participant Asif Karim: participant.named (meeting.called-on)  {quoted}",
        f"      mode in_person: mode.in-person (no call or video marker)  {quoted}",
        f"      host PK: host.receiver (meeting.called-on)  {quoted}",
    ]
    as_json = json.loads(runner.invoke(cli, ["explain", str(article), "--format", "json"]).output)
    [meeting] = as_json["meetings"]
    assert (meeting["parties"], meeting["host"], meeting["date"]) == (["PK", "TR"], "PK", "2024-05-14")
    assert [reason["rule"] for reason in meeting["because"]] == [
        "meeting.called-on", "participant.named (meeting.called-on)", "participant.named (meeting.called-on)",
        "mode.in-person (no call or video marker)", "host.receiver (meeting.called-on)"]


def test_explain_shows_who_leads_and_who_belongs_to_a_delegation(runner, tmp_path):
    told = ("A Kenyan military delegation led by Major General Peter Otieno met Turkish Defence Minister Ali Kaya "
            "in Ankara on Tuesday.")
    listed = "The delegation comprised Brigadier John Mwangi."
    article = tmp_path / "visit.jsonl"
    article.write_text(json.dumps({"id": "d1", "date": "2024-05-16", "text": f"{told} {listed}"}) + "\n",
                       encoding="utf-8")
    result = runner.invoke(cli, ["explain", str(article)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[lines.index("delegations"):] == [
        "delegations",
        "  led by Peter Otieno (KE), with John Mwangi",
        f'      delegation Peter Otieno: delegation.led-by  "{told}"',
        f'      country KE: country.delegation-demonym  "{told}"',
        f'      member John Mwangi: member.includes  "{listed}"',
    ]
    [delegation] = json.loads(runner.invoke(cli, ["explain", str(article), "--format", "json"]).output)["delegations"]
    assert [(r["what"], r["value"], r["rule"]) for r in delegation["because"]] == [
        ("delegation", "Peter Otieno", "delegation.led-by"), ("country", "KE", "country.delegation-demonym"),
        ("member", "John Mwangi", "member.includes")]


def test_explain_marks_a_contact_read_from_weak_evidence(runner, tmp_path):
    """No participant is named, so no rule reads the talks; the sides named beside them still make a contact,
    and the explanation says it is a guess."""
    sentence = "An Omani military delegation is on an official visit to Nairobi for talks on maritime security."
    article = tmp_path / "visit.jsonl"
    article.write_text(json.dumps({"id": "w1", "date": "2024-05-16", "text": sentence}) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["explain", str(article)])
    assert result.exit_code == 0, result.output
    quoted = f'"{sentence}"'
    assert result.output.splitlines()[2:] == [
        "meetings",
        "  m1 2024-05-16 KE–OM in_person, host KE, at Nairobi: no participant named",
        f"      meeting KE OM: implied (visit.on-a-visit-to) [weak evidence]  {quoted}",
        f"      mode in_person: mode.in-person (no call or video marker) [weak evidence]  {quoted}",
        f"      host KE: host.venue-state [weak evidence]  {quoted}",
        f"      side OM: side.demonym-in-sentence [weak evidence]  {quoted}",
        f"      side KE: side.city-in-sentence [weak evidence]  {quoted}",
    ]


def test_explain_names_a_missing_id(runner, tmp_path):
    article = tmp_path / "visit.txt"
    article.write_text("The minister met his guest.\n", encoding="utf-8")
    result = runner.invoke(cli, ["explain", str(article), "--id", "nope"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: no article to explain with id nope"


def test_tables_fit_the_terminal(monkeypatch):
    from kg.output import render

    rows = [["Zakir Hasanov", "Colonel General", "Minister of Defence of the Republic of Azerbaijan", 12]]
    monkeypatch.setenv("COLUMNS", "60")
    lines = render(["name", "rank", "position", "meetings"], rows).splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert lines[2].endswith("12") and "…" in lines[2]
    monkeypatch.delenv("COLUMNS")
    assert "Minister of Defence of the Republic of Azerbaijan" in render(["a", "b", "c", "d"], rows)


def test_the_files_the_code_and_docs_cite_exist():
    """Regression: `kg synth --help` and several modules cited eval/FORMAT.md, NOTES.md ... that
    are not in the repository. Placeholders (OUT_DIR/, corpus/) are paths a command creates."""
    import re

    from conftest import TESTS

    root = TESTS.parent
    sources = [p for p in (root / "kg").rglob("*") if p.suffix in (".py", ".rq", ".js", ".html")
               and "extract" not in p.parts]
    sources += [root / "README.md", root / "bench" / "README.md", *(root / "docs").glob("*.md")]
    pattern = re.compile(r"[A-Za-z0-9_./-]+/[A-Za-z0-9_.-]+\.(?:md|py|yaml|jsonl|tsv|ttl|txt|rq|sh|ipynb)"
                         r"|\b[A-Z]+\.md\b")
    made_by_commands = ("OUT_DIR/", "corpus/")
    missing = {(path.relative_to(root).as_posix(), cited) for path in sources
               for cited in pattern.findall(path.read_text(encoding="utf-8"))
               if not cited.startswith(made_by_commands) and not (root / cited).exists()
               and cited != "FORMAT.md"}  # "FORMAT.md" alone is tests/data/dev/FORMAT.md in context
    assert missing == set()


def test_curate_help_example_applies_to_the_bundled_data(tmp_path, runner, bundled_store_dir):
    import shutil

    from conftest import TESTS

    root = TESTS.parent
    help_text = runner.invoke(cli, ["curate", "--help"]).output
    assert "kg curate docs/curations-demo.yaml --store kg-store" in help_text
    store = str(tmp_path / "store")
    shutil.copytree(bundled_store_dir, store)
    result = runner.invoke(cli, ["curate", str(root / "docs" / "curations-demo.yaml"), "--store", store])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Applied 3 curations")


def test_the_readme_examples_print_something_on_the_bundled_data(runner, bundled_store_dir):
    """Every `kg query`, `kg queries`, `kg network`, `kg stats` and `kg entities` line of the
    README, run on the store scripts/demo.sh builds, prints rows (regression: some printed none)."""
    import re
    import shlex

    from conftest import TESTS

    readme = (TESTS.parent / "README.md").read_text(encoding="utf-8")
    commands = []
    for line in readme.splitlines():
        match = re.match(r"^\s{4}(?:\$ )?kg ((?:query|queries|network|stats|entities)\b.*)$", line)
        if not match or "http://" in line or "--file" in line or "--output" in line:
            continue
        words = [w for w in shlex.split(match.group(1).split("  #")[0])]
        if "--store" in words:
            del words[words.index("--store"):words.index("--store") + 2]
        commands.append(words)
    assert len(commands) >= 8
    for words in commands:
        result = runner.invoke(cli, words + (["--store", str(bundled_store_dir)]
                                             if words[0] != "queries" else []))
        assert result.exit_code == 0, (words, result.output)
        lines = [line for line in result.stdout.splitlines() if line.strip()]
        header = 1 if "csv" in words else 2  # a CSV header, or a table's header and rule
        assert len(lines) > header, (words, result.stdout)


def test_entities_as_json_carry_lists_and_numbers(runner, bundled_store_dir):
    import json

    listing = json.loads(runner.invoke(cli, ["entities", "--store", str(bundled_store_dir),
                                             "--format", "json"]).stdout)
    milorov = next(row for row in listing if row["entity"] == "anatoli-milorov")
    assert milorov["names"] == ["Anatoli Milorov", "Anatoly Milorov"]
    assert isinstance(milorov["articles"], int) and milorov["articles"] > 5
    explained = json.loads(runner.invoke(cli, ["entities", "--person", "Anatoli Milorov", "--store",
                                               str(bundled_store_dir), "--format", "json"]).stdout)
    assert all(isinstance(row["confidence"], float) for row in explained if row["confidence"] is not None)


def test_the_commands_that_only_read_open_the_store_read_only():
    """`store_option(read_only=True)` is what the command opens: these may run beside a writer."""
    opened = {}
    for name, command in cli.commands.items():
        for param in command.params:
            if param.name == "store_at":
                opened[name] = param.process_value(click.Context(command), "kg-store")
    assert {name for name, store_at in opened.items() if store_at.read_only} == {
        "entities", "query", "serve", "export", "validate", "stats", "network", "viz"}
    assert all(store_at.location == "kg-store" for store_at in opened.values())
