"""The evaluation protocol: extract -> RDF -> score, and `kg evaluate`."""
import json

from click.testing import CliRunner

from kg.cli import cli
from kg.devtools.evaluate import evaluate, forum_match, position_match, rank_key, read_gold, score
from kg.devtools.evaluate import PredictedArticle, PredictedPerson
from kg.model import Article

TEXT = ("Minister of Defence of Georgia Levan Beridze on Monday received Lithuanian Chief of Defence "
        "Lieutenant General Tomas Kaunas in Tbilisi.")
GOLD = {"id": "g1", "date": "2024-05-16",
        "persons": [{"name": "Levan Beridze", "country": "GE", "rank": None, "position": "Minister of Defence"},
                    {"name": "Tomas Kaunas", "country": "LT", "rank": "Lieutenant General",
                     "position": "Chief of Defence"}],
        "mentioned": [],
        "meetings": [{"date": "2024-05-13", "countries": ["GE", "LT"], "host_country": "GE", "location": "Tbilisi",
                      "location_country": "GE", "mode": "in_person",
                      "participants": ["Levan Beridze", "Tomas Kaunas"]}],
        "delegations": [], "forums": [], "invitations": []}


def test_a_correct_extraction_scores_one():
    report = evaluate([Article(id="g1", text=TEXT, date="2024-05-16")], [GOLD])
    assert report.f1 == 1.0 and report.errors == []
    assert set(report.rows) >= {"person", "meeting", "meeting.participant", "meeting.host"}


def test_misses_are_listed():
    gold = dict(GOLD, invitations=[{"inviter": "Tomas Kaunas", "invitee": "Levan Beridze", "to": "visit:LT"}])
    report = evaluate([Article(id="g1", text=TEXT, date="2024-05-16")], [gold])
    assert report.rows["invitation"][5] == 1  # one false negative
    assert any("missed invitation" in error for error in report.errors)
    assert "invitation" in report.table() and "missed invitation" in report.table(verbose=True)


def test_scoring_rules():
    assert rank_key("Lieutenant-General") == rank_key("lieutenant general")
    assert position_match("Defense Minister", "Minister of Defence")
    assert not position_match("Chief of Staff", "Minister of Defence")
    assert forum_match("the 11th Beijing Xiangshan Forum", "Beijing Xiangshan Forum")


def test_cli_evaluate(tmp_path):
    articles = tmp_path / "articles.jsonl"
    gold = tmp_path / "gold.jsonl"
    articles.write_text(json.dumps({"id": "g1", "date": "2024-05-16", "text": TEXT}) + "\n", encoding="utf-8")
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(articles), str(gold)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("micro P=1.000 R=1.000 F1=1.000 over 1 articles")
    result = CliRunner().invoke(cli, ["evaluate", str(articles), str(gold), "--json"])
    assert json.loads(result.output)["f1"] == 1.0
    assert read_gold(gold)[0]["id"] == "g1"


def test_cli_evaluate_reports_a_bad_gold_file(tmp_path):
    articles = tmp_path / "articles.jsonl"
    gold = tmp_path / "gold.jsonl"
    articles.write_text(json.dumps({"id": "g1", "text": TEXT}) + "\n", encoding="utf-8")
    gold.write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(articles), str(gold)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "gold.jsonl:1" in result.output


def test_an_article_the_extractor_fails_on_is_named_not_silently_scored_zero(monkeypatch):
    import kg.extract.contacts

    def broken(article):
        raise ValueError("a rule's bug")

    monkeypatch.setattr(kg.extract.contacts, "read_article", broken)
    report = evaluate([Article(id="g1", text=TEXT, date="2024-05-16")], [GOLD])
    assert report.failures == ["g1: internal error (ValueError: a rule's bug); please report it"]
    assert "extraction failed: g1: internal error" in report.table()
    assert report.as_json()["extraction_failures"] == report.failures


def test_an_article_ingest_would_refuse_is_scored_as_not_stored(monkeypatch):
    import kg.graph.validation

    monkeypatch.setattr(kg.graph.validation, "nonconforming",
                        lambda graphs: {ident: "a shape broken" for ident in graphs})
    report = evaluate([Article(id="g1", text=TEXT, date="2024-05-16")], [GOLD])
    assert report.failures == ["g1: not stored, its graph breaks the shapes: a shape broken"]
    assert report.f1 == 0.0 and report.rows["meeting"][5] == 1  # the meeting missed, as a store would miss it


def _meeting(parties, date, participants=()):
    return {"parties": parties, "date": date, "participants": list(participants), "host": None, "mode": "in_person",
            "location_country": None}


def test_misses_are_counted_by_class_without_naming_anything():
    gold = dict(GOLD, meetings=GOLD["meetings"] + [
        dict(GOLD["meetings"][0], date="2024-05-14"),  # a second contact between the same sides
        dict(GOLD["meetings"][0], date="2024-04", countries=["GE", "UA"], participants=[])])  # one not read
    gold["persons"] = GOLD["persons"] + [{"name": "Oleh Marchenko", "country": "UA"}, {"name": "Ion Rusu"}]
    beridze = PredictedPerson({"levan beridze", "beridze levan"}, "Levan Beridze", "GE")
    predicted = PredictedArticle(persons={"p1": beridze, "p2": PredictedPerson({"ivan rusu", "rusu ivan"}, "Ivan Rusu")},
                                 meetings=[_meeting(["GE", "LT"], "2024-05-13", ["p1"]),
                                           _meeting(["GE", "LT", "UA"], "2024-04")])
    report = score([gold], {"g1": predicted}, {"g1": TEXT + " Oleh Marchenko was told."})
    assert report.classes == {
        "person missed: named in the text as the gold writes it": 2,  # Tomas Kaunas, Oleh Marchenko
        "person missed: a predicted person shares a word of the name": 1,  # Ion / Ivan Rusu
        "participant missed: not a predicted person": 1,  # Kaunas in the meeting that was read
        "meeting missed: fewer contacts than the gold between the same sides": 1,
        "meeting missed: a predicted meeting has a side more": 1}
    # what the classes print: counts and classes, no name, no text
    printed = report.table(classes=True)
    assert "2  person missed: named in the text" in printed
    assert "Kaunas" not in printed and "Marchenko" not in printed
    assert report.as_json()["miss_classes"]["meeting missed: a predicted meeting has a side more"] == 1


def test_cli_evaluate_counts_the_misses_by_class(tmp_path):
    articles = tmp_path / "articles.jsonl"
    gold = tmp_path / "gold.jsonl"
    articles.write_text(json.dumps({"id": "g1", "date": "2024-05-16", "text": TEXT}) + "\n", encoding="utf-8")
    gold.write_text(json.dumps(dict(GOLD, meetings=GOLD["meetings"] + [dict(GOLD["meetings"][0], date="2024-05-10")]))
                    + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(articles), str(gold), "--classes"])
    assert result.exit_code == 0, result.output
    assert "    1  meeting missed: fewer contacts than the gold between the same sides" in result.output
