"""The synthetic corpus generator: deterministic, valid input and gold, gold agreeing with text, streaming."""
from __future__ import annotations

import inspect
import json
import re
import tracemalloc
from datetime import date, timedelta
from itertools import islice
from pathlib import Path

import pytest

from kg import gazetteer
from kg.cli import cli
from kg.model import Article
from kg.read.files import read_jsonl
from kg.read.items import ReadFailure
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.devtools.synth import build_population, generate, load_data, make_article, write_corpus

REPO = Path(__file__).parent.parent
DEMO = REPO / "data" / "demo"
GOLD_KEYS = {"id", "date", "persons", "mentioned", "meetings", "delegations", "forums", "invitations", "notes"}
PERSON_KEYS = {"name", "aliases", "country", "rank", "position", "organization"}
MEETING_KEYS = {"date", "countries", "host_country", "location", "location_country", "mode", "participants"}
RANKS = set(json.loads((REPO / "kg" / "extract" / "data" / "ranks.json").read_text(encoding="utf-8"))["ranks"])


@pytest.fixture(scope="module")
def corpus() -> list[tuple[dict, dict]]:
    return list(generate(1500, seed=42))


def test_same_seed_same_corpus_other_seed_other_corpus():
    first = list(generate(40, seed=5))
    assert first == list(generate(40, seed=5))
    assert first != list(generate(40, seed=6))


def test_a_slice_is_made_alone_and_equals_the_same_slice_of_the_whole():
    whole = list(generate(30, seed=9))
    assert list(generate(30, seed=9, start=25)) == whole[25:]


def test_it_streams_instead_of_building_a_list():
    corpus = generate(1_000_000, seed=1)
    assert inspect.isgenerator(corpus)
    tracemalloc.start()
    try:
        for _ in islice(corpus, 100):
            pass
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # the population of a million-article corpus is bounded (300 officials a country): tens of MB,
    # not the gigabytes a list of a million articles would take
    assert peak < 100_000_000


def test_written_articles_are_valid_input_and_gold_is_in_the_format(tmp_path):
    report = write_corpus(tmp_path / "out", 60, seed=3)
    items = list(read_jsonl(Path(report.articles_path)))
    assert not [item for item in items if isinstance(item, ReadFailure)]
    articles = [item for item in items if isinstance(item, Article)]
    assert len(articles) == report.articles == 60
    assert len({a.id for a in articles}) == 60
    golds = [json.loads(line) for line in Path(report.gold_path).read_text(encoding="utf-8").splitlines()]
    assert [g["id"] for g in golds] == [a.id for a in articles]
    for article, gold in zip(articles, golds):
        assert set(gold) == GOLD_KEYS
        assert gold["date"] == article.date
        assert all(set(person) == PERSON_KEYS for person in gold["persons"])
        assert all(set(meeting) == MEETING_KEYS for meeting in gold["meetings"])
        assert all(set(d) == {"leader", "country", "members"} for d in gold["delegations"])
        assert all(set(i) == {"inviter", "invitee", "to"} for i in gold["invitations"])
        assert all({"name", "edition", "date", "location"} <= set(f) for f in gold["forums"])
    assert "fictional" in (tmp_path / "out" / "README.md").read_text(encoding="utf-8")


def test_every_article_says_it_is_fictional(corpus):
    for article, _ in corpus:
        assert article["title"].startswith("[Fictional] ")
        assert article["source"] == "kg synth (fictional)"
        assert "fictional" in article["text"].rsplit("\n", 1)[-1].lower()


def test_gold_facts_agree_with_the_text(corpus):
    for article, gold in corpus:
        assert_gold_agrees_with_text(article, gold)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32), index=st.integers(0, 10**6))
def test_any_article_of_any_corpus_agrees_with_its_gold(seed, index):
    population = build_population(seed, 300)
    article, gold = make_article(index, seed, population)
    assert_gold_agrees_with_text(article, gold)
    assert (article, gold) == make_article(index, seed, build_population(seed, 300))


def assert_gold_agrees_with_text(article: dict, gold: dict) -> None:
    """Every fact of the gold is stated by the text: names, aliases, posts, places, forums."""
    text, published = article["text"], date.fromisoformat(article["date"])
    names = {person["name"] for person in gold["persons"]}
    for person in gold["persons"]:
        assert person["name"] in text, (article["id"], person["name"])
        for alias in person["aliases"]:
            assert re.search(rf"\b{re.escape(alias)}\b", text), (article["id"], alias)
        assert person["rank"] is None or person["rank"] in RANKS
        assert person["country"] is None or gazetteer.country_name(person["country"])
        assert person["position"] is None or person["position"] in text
    for name in gold["mentioned"]:
        assert name in text and name not in names
    assert gold["meetings"]
    for meeting in gold["meetings"]:
        held = date.fromisoformat(meeting["date"])
        assert published - timedelta(days=6) <= held <= published
        assert meeting["countries"] == sorted(set(meeting["countries"])) and len(meeting["countries"]) == 2
        assert all(gazetteer.country_name(code) for code in meeting["countries"])
        assert meeting["host_country"] is None or meeting["host_country"] in meeting["countries"]
        assert meeting["mode"] in ("in_person", "call", "video")
        if meeting["mode"] != "in_person":
            assert meeting["host_country"] is None and meeting["location"] is None
        if meeting["location"]:
            assert meeting["location"] in text
            assert gazetteer.country_name(meeting["location_country"])
        assert set(meeting["participants"]) <= names and len(meeting["participants"]) >= 2
    for delegation in gold["delegations"]:
        assert delegation["leader"] in names and set(delegation["members"]) <= names
    for forum in gold["forums"]:
        assert forum["name"] in text and f"{forum['edition']}" in text
    forum_names = {forum["name"] for forum in gold["forums"]}
    for invitation in gold["invitations"]:
        assert {invitation["inviter"], invitation["invitee"]} <= names
        target = invitation["to"]
        assert target in forum_names or (target.startswith("visit:") and gazetteer.country_name(target[6:]))


def test_relative_dates_resolve_against_the_publication_date(corpus):
    weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    checked = 0
    for article, gold in corpus:
        first = gold["meetings"][0]
        held, published = date.fromisoformat(first["date"]), date.fromisoformat(article["date"])
        lead = article["text"].split("\n\n")[0]
        if re.search(r"\byesterday\b", lead, re.I):
            assert held == published - timedelta(days=1)
            checked += 1
        elif re.search(r"\btoday\b", lead, re.I):
            assert held == published
            checked += 1
        elif match := re.search(r"\b[Oo]n (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", lead):
            assert weekdays[held.weekday()] == match.group(1)
            checked += 1
    assert checked > 500


def test_the_phrasing_varies_like_press_releases(corpus):
    text = "\n".join(article["text"] for article, _ in corpus)
    for phrase in ("received", "held talks", "phone", "video", "led by", "headed by", "sidelines",
                   "invited", "to visit", "yesterday", "Lt. Gen.", "Maj. Gen.", "Rear Adm.", "Col.",
                   "'s Minister of Defence", "Defence Minister", "paid a courtesy call", "was received by"):
        assert phrase in text, phrase
    modes = {m["mode"] for _, gold in corpus for m in gold["meetings"]}
    assert modes == {"in_person", "call", "video"}
    assert any(m["host_country"] is None and m["mode"] == "in_person" for _, g in corpus for m in g["meetings"])
    assert any(g["delegations"] and g["delegations"][0]["members"] for _, g in corpus)
    assert any(any(code in ("NATO", "EU", "UN", "AFU", "OSCE") for code in m["countries"])
               for _, g in corpus for m in g["meetings"])


def test_people_recur_across_articles_sometimes_under_a_variant_name(corpus):
    appearances: dict[str, int] = {}
    for _, gold in corpus:
        for person in gold["persons"]:
            appearances[person["name"]] = appearances.get(person["name"], 0) + 1
    assert max(appearances.values()) >= 15  # hubs, so the network has structure
    by_family: dict[tuple[str, str], set[str]] = {}
    for _, gold in corpus:
        for person in gold["persons"]:
            family = person["aliases"][0] if person["aliases"] else person["name"].split()[-1]
            by_family.setdefault((family, person["country"]), set()).add(person["name"])
    assert any(len(spellings) > 1 for spellings in by_family.values())


def test_population_grows_with_the_corpus_and_is_deterministic():
    small, large = build_population(1, 300), build_population(1, 50_000)
    assert sum(len(s.officials) for s in large.states) > 10 * sum(len(s.officials) for s in small.states)
    names = [o.name for s in large.states for o in s.officials]
    assert len(names) == len(set(names))
    assert [o.name for o in build_population(1, 300).states[0].officials] == \
        [o.name for o in small.states[0].officials]


def test_synth_data_agrees_with_the_gazetteer():
    surfaces = {(s.text, s.code) for s in gazetteer.surface_forms()}
    for country in load_data("countries")["countries"]:
        code = country["code"]
        assert (country["name"], code) in surfaces
        assert (country["demonym"], code) in surfaces
        for city in country["cities"]:
            assert (city, code) in surfaces, city
    for forum in load_data("forums")["forums"]:
        assert (forum["city"], forum["country"]) in surfaces, forum["city"]
    for body in load_data("countries")["bodies"]:
        assert gazetteer.is_international_body(body["code"])


def test_cli_writes_the_corpus(runner, tmp_path):
    result = runner.invoke(cli, ["synth", str(tmp_path / "c"), "--count", "5", "--seed", "1"])
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "c" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    words = sum(len(json.loads(line)["text"].split()) for line in lines)
    assert result.output == (f"Wrote 5 fictional articles ({words:,} words) to {tmp_path / 'c' / 'articles.jsonl'} "
                             f"and their gold facts to {tmp_path / 'c' / 'gold.jsonl'}\n")
    assert len(lines) == 5
    assert len((tmp_path / "c" / "gold.jsonl").read_text(encoding="utf-8").splitlines()) == 5


def test_cli_refuses_a_count_of_zero(runner, tmp_path):
    result = runner.invoke(cli, ["synth", str(tmp_path / "c"), "--count", "0"])
    assert result.exit_code == 2
    assert "Invalid value for '--count'" in result.output


def test_the_demo_corpus_is_the_generator_output_and_its_gold_is_not_read_as_articles(tmp_path):
    """data/demo is reproducible from its README's command; `kg ingest data/` must not read the gold."""
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    assert "fictional" in readme.lower()
    count, seed = (int(v) for v in re.search(r"--count (\d+) --seed (\d+)", readme).groups())
    assert 200 <= count <= 600
    write_corpus(tmp_path, count, seed=seed, prefix="demo", gold_path=tmp_path / "gold.ndjson")
    assert (tmp_path / "articles.jsonl").read_bytes() == (DEMO / "articles.jsonl").read_bytes()
    assert (tmp_path / "gold.ndjson").read_bytes() == (DEMO / "gold.ndjson").read_bytes()
    assert sorted(p.name for p in DEMO.iterdir() if p.suffix in (".jsonl", ".txt")) == ["articles.jsonl"]


def test_the_gold_as_an_extraction_scores_perfectly_but_for_unnamed_venues():
    """gold_extraction hands the gold over as extracted facts; the project's scorer agrees with it."""
    from kg.devtools.evaluate import dataset_of, read_predictions, score
    from kg.devtools.synth import gold_extraction

    pairs = list(generate(120, seed=8))
    report = score([gold for _, gold in pairs],
                   read_predictions(dataset_of([gold_extraction(article, gold) for article, gold in pairs])))
    assert report.precision == 1.0
    assert all(error.split(": ", 1)[1].startswith("location None") for error in report.errors), report.errors[:3]
