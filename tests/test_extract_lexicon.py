"""The lexicons: rank normalisation, honorifics, data files."""
import json
from importlib import resources

import pytest

from kg.extract.lexicon import canonical_rank, lexicon
from kg.extract.mentions import find_ranks


@pytest.mark.parametrize("surface, rank", [
    ("Lt. Gen.", "Lieutenant General"), ("Lt-Gen", "Lieutenant General"), ("Lieutenant-General", "Lieutenant General"),
    ("Rear Adm.", "Rear Admiral"), ("Vice-Adm.", "Vice Admiral"), ("Col.-Gen.", "Colonel General"),
    ("General Colonel", "Colonel General"), ("Brig. Gen.", "Brigadier General"), ("Brig.", "Brigadier"),
    ("Air Chief Marshal", "Air Chief Marshal"), ("ACM", "Air Chief Marshal"), ("AVM", "Air Vice Marshal"),
    ("Senior Colonel", "Senior Colonel"), ("Sr. Lt. Gen.", "Senior Lieutenant General"),
    ("Army General", "General of the Army"), ("Colonel-Major", "Colonel Major"), ("Maj-Gen", "Major General"),
    ("Gen", "General"), ("Adm.", "Admiral"), ("First Admiral", "First Admiral"), ("Gp Capt", "Group Captain"),
    ("Generalleutnant", "Lieutenant General"), ("Contre-Amiral", "Rear Admiral"), ("Second Brigadier General",
                                                                                   "Second Brigadier General"),
])
def test_ranks_are_normalised_to_full_words(surface, rank):
    assert canonical_rank(surface) == rank


@pytest.mark.parametrize("sentence, expected", [
    ("Lt.-Gen. Ivan Petrov arrived", ["Lieutenant General"]),
    ("Navy Adm. John Smith hosted", ["Admiral"]),
    ("Army Gen. Mark Jones spoke", ["General"]),
    ("Army General Sergei Ivanov spoke", ["General of the Army"]),
    ("Maj. Gen. (Res.) Dan Levi led", ["Major General"]),
    ("Admiral TNI Budi Santoso met", ["Admiral"]),
    ("Senior General Than Aung received", ["Senior General"]),  # Myanmar's highest rank
    ("Field Marshall Abebe Kebede also visited", ["Field Marshal"]),  # the common misspelling
    ("Air Chief Marshall Sunil Rao met", ["Air Chief Marshal"]),
    ("Secretary Marshall spoke", []),  # the surname alone is no rank
    ("the NATO Secretary General Jens Olsen", []),  # a post, not a rank
    ("the General Staff of the army", []),
    ("H.E. Dr. Ana Lima and Samdech Tea Banh", []),  # honorifics are not ranks
])
def test_ranks_in_context(sentence, expected):
    assert [span.value for span in find_ranks(sentence)] == expected


def test_every_canonical_rank_is_title_case_words():
    for canonical in lexicon().rank_variants.values():
        assert all(word[0].isupper() or word in ("of", "the") or word.startswith("(") for word in canonical.split())


def test_data_files_are_well_formed():
    data = resources.files("kg.extract.data")
    forums = json.loads(data.joinpath("forums.json").read_text(encoding="utf-8"))["forums"]
    names = [forum["name"] for forum in forums]
    assert len(names) == len(set(names))
    triggers = json.loads(data.joinpath("triggers.json").read_text(encoding="utf-8"))
    assert {"meeting", "join", "invitation", "call_markers", "video_markers"} <= set(triggers)
    assert "Tan Sri" in lexicon().honorifics and "Dr." in lexicon().honorifics


def test_forums_known_and_generic_with_editions():
    from kg.extract.forums import find_forums

    def found(sentence):
        return [(f.name, f.edition) for f in find_forums(sentence)]

    assert found("on the sidelines of the IX Moscow Conference on International Security") == \
        [("Moscow Conference on International Security", 9)]
    assert found("the twelfth edition of the Nile Land Forces Summit") == [("Nile Land Forces Summit", 12)]
    assert found("at IDEX 2025 in Abu Dhabi") == [("International Defence Exhibition and Conference", None)]
    assert found("the 5th India-Japan Defence Policy Dialogue") == []  # bilateral, not a forum
    assert found("the World Economic Forum") == []  # not a defence event
    assert found("invited him to DX Korea in September") == [("DX Korea", None)]
    assert found("members of the Arctic Security Forces Roundtable, a flag-officer meeting") == \
        [("Arctic Security Forces Roundtable", None)]


BODY_EVENTS = json.loads(resources.files("kg.extract.data").joinpath("forums.json").read_text(encoding="utf-8"))["body_events"]


@pytest.mark.parametrize("case", BODY_EVENTS["examples"], ids=lambda case: case["text"][:40])
def test_meetings_named_by_a_body_and_who_meets(case):
    """Each example of forums.json's body_events reads as it says: the series' name and the surface
    recorded as the forum's label, or no forum at all."""
    from kg.extract.forums import find_forums

    found = [(f.name, f.surface) for f in find_forums(case["text"])]
    assert found == ([(case["name"], case["surface"])] if case["name"] else [])


def test_a_body_summit_told_in_lower_case_is_a_forum_of_the_article():
    from kg.extract import extract
    from kg.model import Article

    text = ("NEW DELHI: Indian Defence Minister Arjun Rao met his Australian counterpart Ken Marsh on the sidelines "
            "of the G20 summit in Osaka on Friday. He will also attend a conclave of the defence ministers of the "
            "Shanghai Cooperation Organisation (SCO) next month.")
    extraction = extract(Article(id="t", text=text, date="2019-06-29"))
    assert sorted(f.name for f in extraction.forums) == ["G20 Summit", "SCO Defence Ministers' Meeting"]
