"""Every phrasing in the trigger data carries an example sentence and the reading it must give: one test
each, generated from the data, so that a broken pattern fails alone (see kg/extract/data/triggers.json)."""
import json
from importlib import resources

import pytest

from kg.extract import extract
from kg.model import Article

TRIGGERS = json.loads(resources.files("kg.extract").joinpath("data/triggers.json").read_text(encoding="utf-8"))


def test_every_meeting_rule_has_an_id_an_example_and_a_reading():
    ids = [rule["id"] for rule in TRIGGERS["meeting"]]
    assert len(ids) == len(set(ids))
    assert all(rule.get("example") and rule.get("expect") for rule in TRIGGERS["meeting"])


@pytest.mark.parametrize("rule", TRIGGERS["meeting"], ids=lambda rule: rule["id"])
def test_meeting_rule_reads_its_example(rule):
    extraction = extract(Article(id=rule["id"], text=rule["example"], date="2024-05-16"))
    readings = [{"parties": m.parties, "host": m.host, "mode": m.mode} for m in extraction.meetings]
    assert readings == [rule["expect"]]
    # and it is this rule that read it (kg explain shows the same record)
    assert [d.rule for d in extraction.decisions if d.what == "meeting"] == [rule["id"]]


@pytest.mark.parametrize("rule", TRIGGERS["delegation_leader"], ids=lambda rule: rule["id"])
def test_delegation_leader_rule_reads_its_example(rule):
    extraction = extract(Article(id=rule["id"], text=rule["example"], date="2024-05-16"))
    names = {p.key: p.name for p in extraction.persons}
    assert [{"leader": names[d.leader], "country": d.country} for d in extraction.delegations] == [rule["expect"]]
    assert [d.rule for d in extraction.decisions if d.what == "delegation"] == [rule["id"]]


VISIT_EXAMPLES = [(rule["id"], case) for rule in TRIGGERS["visit"] for case in [rule] + rule.get("more_examples", [])]


@pytest.mark.parametrize("rule_id, case", VISIT_EXAMPLES, ids=[f"{rule_id}-{n}" for n, (rule_id, _) in enumerate(VISIT_EXAMPLES)])
def test_a_visit_phrase_alone_makes_a_weak_contact_of_its_example(rule_id, case):
    """A visit phrase makes a contact only in an article where no meeting phrase could be read; its sides are
    marked as weak evidence."""
    extraction = extract(Article(id=rule_id, text=case["example"], date="2024-05-16"))
    assert [{"parties": m.parties, "host": m.host, "mode": m.mode} for m in extraction.meetings] == [case["expect"]]
    meeting = [d for d in extraction.decisions if d.what == "meeting"]
    assert [d.rule for d in meeting] == [f"implied ({rule_id})"] and meeting[0].weak
    assert sorted(d.value for d in extraction.decisions if d.what == "side" and d.weak) == case["expect"]["parties"]


@pytest.mark.parametrize("case", TRIGGERS["invitation_of_examples"], ids=lambda case: case["expect"]["invitee"])
def test_a_visit_at_someones_invitation_reads_its_example(case):
    extraction = extract(Article(id="t", text=case["example"], date="2024-05-16"))
    names = {p.key: p.name for p in extraction.persons}
    assert [{"inviter": names[i.inviter], "invitee": names[i.invitee], "to": f"visit:{i.country}"}
            for i in extraction.invitations] == [case["expect"]]


@pytest.mark.parametrize("case", TRIGGERS["invitation_examples"], ids=lambda case: case["example"][:40])
def test_an_invitation_phrase_reads_its_example(case):
    extraction = extract(Article(id="t", text=case["example"], date="2024-05-16"))
    names = {p.key: p.name for p in extraction.persons}
    assert [{"inviter": names[i.inviter], "invitee": names[i.invitee], "to": f"visit:{i.country}"}
            for i in extraction.invitations] == [case["expect"]]


def test_the_extractor_version_follows_its_code_and_data(tmp_path, monkeypatch):
    """A lexicon edit must make stored articles be read again: the version hashes the files."""
    import shutil

    import kg
    import kg.extract as extract_package

    copy = tmp_path / "kg"
    shutil.copytree(kg.__path__[0], copy, ignore=shutil.ignore_patterns("__pycache__", "ontology"))
    monkeypatch.setattr(extract_package, "__file__", str(copy / "extract" / "__init__.py"))
    extract_package.extractor_version.cache_clear()
    before = extract_package.extractor_version()
    titles = copy / "extract" / "data" / "titles.json"
    titles.write_text(titles.read_text(encoding="utf-8").replace('"Mister"', '"Mister", "Squire"'), encoding="utf-8")
    extract_package.extractor_version.cache_clear()
    after = extract_package.extractor_version()
    extract_package.extractor_version.cache_clear()
    assert before != after and before.startswith("3-") and after.startswith("3-")


CLAUSE_LINK = TRIGGERS["clause_link"]


@pytest.mark.parametrize("case", CLAUSE_LINK["examples"], ids=lambda case: case["example"][:40])
def test_two_officials_bound_to_one_verb_no_phrasing_lists_make_a_contact(case):
    """The parser reads a contact whose verb no phrasing lists: subject and object (or a joint subject) are
    officials of two states (kg/extract/clauses.py); kg explain names the rule."""
    extraction = extract(Article(id="t", text=case["example"], date="2024-05-16"))
    assert [{"parties": m.parties, "host": m.host, "mode": m.mode} for m in extraction.meetings] == case["expect"]
    assert {d.rule for d in extraction.decisions if d.what == "meeting"} == {CLAUSE_LINK["id"]}


@pytest.mark.parametrize("text", CLAUSE_LINK["not_contact_examples"], ids=lambda text: text[:40])
def test_a_planned_denied_reported_or_hostile_link_is_no_contact(text):
    assert extract(Article(id="t", text=text, date="2024-05-16")).meetings == []
