"""Contacts no rule could read in full, placed by weaker evidence (kg/extract/implied.py): an article that
reports a contact never yields nothing, and every such reading says it is weak."""
import pytest

from kg.extract import extract
from kg.model import Article


def read(text, **fields):
    extraction = extract(Article(id="t", text=text, date=fields.pop("date", "2024-05-16"), **fields))
    names = {p.key: p.name for p in extraction.persons}
    return extraction, [(m.parties, m.host, m.mode, m.date, [names[k] for k in m.participants])
                        for m in extraction.meetings]


def test_the_sides_a_contact_sentence_names_make_a_contact_when_no_one_is_named_on_one_side():
    extraction, meetings = read("Iranian and Russian military chiefs held a telephone conversation on Wednesday.")
    assert meetings == [(["IR", "RU"], None, "call", "2024-05-15", [])]
    assert {d.what for d in extraction.decisions if d.weak} == {"meeting", "mode", "side"}


def test_the_articles_home_is_the_other_side_when_a_sentence_names_one():
    text = ("BANGKOK, May 16 -- The US ambassador held talks with the defence minister on Tuesday, "
            "the ministry said.")
    extraction, meetings = read(text)
    assert [m[0] for m in meetings] == [["TH", "US"]]
    assert [(d.value, d.rule) for d in extraction.decisions if d.what == "side"] == [
        ("US", "side.country-in-sentence"), ("TH", "side.dateline-state")]
    # with no dateline, the outlet's home state stands in
    _, meetings = read("The US ambassador held talks with the defence minister on Tuesday.", source="Bangkok Post")
    assert [m[0] for m in meetings] == [["TH", "US"]]


def test_who_tells_of_the_contact_is_not_in_it():
    _, meetings = read("Thai Defence Ministry spokesperson Colonel Somchai Rattana said the US ambassador held talks "
                       "with the minister in Bangkok on Tuesday.")
    assert meetings == [(["TH", "US"], "TH", "in_person", "2024-05-14", [])]


def test_no_contact_from_plans_lists_of_states_or_a_single_side():
    for text in ("The Indian army chief will pay a courtesy call on Nepalese leaders next week.",
                 "Germany, Denmark and the Netherlands agreed to provide Ukraine with Leopard 1 tanks.",
                 "The Indian army chief visited troops in Ladakh on Tuesday."):
        assert read(text)[1] == [], text


def test_a_contact_the_rules_read_is_not_read_again():
    extraction, meetings = read("Turkish Defence Minister Ali Kaya met Pakistani Defence Minister Asif Karim in "
                                "Ankara on Tuesday.")
    assert len(meetings) == 1 and not any(d.weak for d in extraction.decisions)


def test_beside_a_contact_read_another_between_two_sides_a_sentence_names_is_read_weakly():
    extraction, meetings = read(
        "Turkish Defence Minister Ali Kaya met Pakistani Defence Minister Asif Karim in Ankara on Tuesday. "
        "The Indonesian and Australian navy chiefs also held talks in Ankara on Wednesday.")
    assert [(m[0], m[3]) for m in meetings] == [(["PK", "TR"], "2024-05-14"), (["AU", "ID"], "2024-05-15")]
    assert [d.weak for d in extraction.decisions if d.what == "meeting"] == [False, True]


def test_no_further_contact_between_sides_already_read_or_at_a_forum():
    _, meetings = read(
        "Turkish Defence Minister Ali Kaya met Pakistani Defence Minister Asif Karim in Ankara on Tuesday. "
        "Turkish and Pakistani officers also held talks on training. "
        "Indonesian and Australian ministers held talks at the Shangri-La Dialogue.")
    assert [m[0] for m in meetings] == [["PK", "TR"]]


def test_two_states_named_as_the_subject_of_the_talks_are_no_further_contact():
    _, meetings = read(
        "Turkish Defence Minister Ali Kaya met Pakistani Defence Minister Asif Karim in Ankara on Tuesday. "
        "Discussions during the courtesy call highlighted the strong United States - Philippine relationship.")
    assert [m[0] for m in meetings] == [["PK", "TR"]]


def test_meetings_with_representatives_of_several_states_are_one_contact_each():
    _, meetings = read("KATHMANDU, Sept 29 -- While in New Delhi, the army chief held meetings with representatives "
                       "from Australia, Bangladesh and Japan.")
    assert [(m[0], m[1]) for m in meetings] == [(["AU", "NP"], None), (["BD", "NP"], None), (["JP", "NP"], None)]


def test_a_weak_contact_takes_the_date_the_story_last_gave():
    _, meetings = read("ABUJA, July 1 -- A cocktail party in honour of the visiting Senegalese inspector-general took "
                       "place on Wednesday. Responding, the Inspector-General of the Senegalese Armed Forces, Niang, "
                       "thanked the Chief of Defence Staff for the reception.", date="2021-07-01")
    assert [(m[0], m[3], m[4]) for m in meetings] == [(["NG", "SN"], "2021-06-30", ["Niang"])]


def test_a_side_no_one_is_named_for_is_represented_by_its_most_told_official():
    text = ("ABUJA, May 16 -- The Chief of Defence Staff, General Musa Adamu, hosted a dinner on Wednesday in honour "
            "of the visiting commander of the Ghanaian army.\n\n"
            "Adamu said the armed forces of Nigeria and Ghana had held fruitful talks on training.\n\n"
            "Adamu added that the partnership would grow.")
    extraction, meetings = read(text)
    assert [(m[0], m[4]) for m in meetings] == [(["GH", "NG"], ["Musa Adamu"])]
    assert [(d.value, d.rule, d.weak) for d in extraction.decisions if d.what == "participant"] == [
        ("p1", "participant.principal-of-side", True)]
    # an official who only speaks for the ministry does not stand for a side
    _, meetings = read("ABUJA, May 16 -- Defence spokesperson Brigadier General Tukur Gusau said the armed forces of "
                       "Nigeria and Ghana held talks on training on Wednesday.")
    assert [(m[0], m[4]) for m in meetings] == [(["GH", "NG"], [])]


def test_bilateral_meetings_with_counterparts_from_a_list_of_states_beside_a_contact_read_are_one_each():
    text = ("WARSAW, Oct 17 -- Polish Defence Minister Jan Kowal met Italian Defence Minister Marco Rossi in Brussels "
            "on Thursday.\n\n"
            "On the occasion of the sessions, the Minister of National Defence participated in a series of bilateral "
            "meetings with his counterparts from Lithuania, Latvia, Luxembourg.")
    extraction, meetings = read(text, date="2024-10-17")
    assert [m[0] for m in meetings] == [["IT", "PL"], ["LT", "PL"], ["LV", "PL"], ["LU", "PL"]]
    # "the Minister of National Defence" is the minister told before: each contact read with him, unnamed counterparts
    assert [m[4] for m in meetings[1:]] == [["Jan Kowal"]] * 3
    assert {d.rule for d in extraction.decisions if d.subject in ("m2", "m3", "m4") and d.rule.startswith("meeting.")} \
        == {"meeting.talks-with + meeting.unnamed-post"}


def test_calling_on_a_state_to_act_is_a_demand_not_a_contact():
    text = ("BRATISLAVA, Sept 10 -- NATO Secretary General Jens Berg met Slovak Defence Minister Martin Novak on "
            "Thursday.\n\nHe further called on Russia to stop its destabilisation of Eastern Ukraine.\n\n"
            "He also called upon all parties to respect the ceasefire.")
    _, meetings = read(text, date="2015-09-10")
    assert [m[0] for m in meetings] == [["NATO", "SK"]]
    # a courtesy call on a person who is then asked to speak is still a call
    _, meetings = read("Pakistani Army Chief General Asif Karim called on Turkish Defence Minister Ali Kaya to discuss "
                       "training on Monday.", date="2024-05-16")
    assert [m[0] for m in meetings] == [["PK", "TR"]]


def test_a_contact_its_sentence_leaves_undated_takes_the_date_the_next_telling_gives():
    text = ("Angola and Mozambique analysed defence cooperation in a meeting held between delegations of both "
            "countries.\n\nCooperation between Angola and Mozambique was at the centre of the meeting held from 12 to "
            "13 this month, in Luanda.")
    _, meetings = read(text, date="2021-01-14")
    assert [(m[0], m[3]) for m in meetings] == [(["AO", "MZ"], "2021-01-12")]


def test_who_holds_meetings_with_several_states_is_of_the_articles_home_when_no_state_is_said():
    extraction, meetings = read("Chief of Army Staff (CoAS) General Arjun Thapa has returned from a visit to India. "
                                "While in New Delhi, CoAS Thapa held meetings with representatives from Australia, "
                                "Japan and the United Kingdom.", source="The Kathmandu Post")
    assert meetings == [(["AU", "NP"], None, "in_person", "2024-05-16", ["Arjun Thapa"]),
                        (["JP", "NP"], None, "in_person", "2024-05-16", ["Arjun Thapa"]),
                        (["GB", "NP"], None, "in_person", "2024-05-16", ["Arjun Thapa"])]
    assert [p.country for p in extraction.persons] == ["NP"]
    assert any(d.what == "country" and d.rule == "country.article-home (weak)" for d in extraction.decisions)


@pytest.mark.parametrize("text, host", [
    ("Russia's defense minister has hosted his Venezuelan counterpart to discuss military ties.", "RU"),
    ("The Chief of Defence of the Netherlands began a visit today hosted by the New Zealand Defence Force.", "NZ"),
])
def test_a_weak_reading_takes_its_receiver_from_the_direction_of_its_phrase(text, host):
    extraction = extract(Article(id="h", text=text, date="2019-08-15"))
    assert [m.host for m in extraction.meetings] == [host]


@pytest.mark.parametrize("text", [
    "Meeting of defense chiefs of SCO, CIS member states held in Moscow on Tuesday.",
    "The two ministers met on 16 August during the session of the CSTO Defense Ministers Council.",
])
def test_a_body_named_for_its_members_or_its_event_is_no_side(text):
    _, meetings = read(text)
    assert not any(party in ("SCO", "CIS", "CSTO") for meeting in meetings for party in meeting[0])


def test_a_state_named_after_the_verb_of_a_contact_between_two_named_before_it_is_its_topic():
    _, meetings = read("The defence chiefs of Estonia and Finland discussed ways to counter Russia's hybrid attacks "
                       "on Tuesday.")
    assert [m[0] for m in meetings] == [["EE", "FI"]]
    # ... but not a state named as whom the contact was with
    _, meetings = read("The defence chiefs of Estonia and Finland held talks with Latvia on Tuesday.")
    assert [m[0] for m in meetings] == [["EE", "FI", "LV"]]


def test_four_states_named_as_the_sides_of_one_meeting_make_one_contact():
    _, meetings = read("The defence ministers of Australia, India, Japan and the United States met in Tokyo on "
                       "Tuesday.")
    assert [m[0] for m in meetings] == [["AU", "IN", "JP", "US"]]
    # five or more are a list (a region, a coalition), not the sides of one contact
    _, meetings = read("The defence ministers of Australia, India, Japan, France and the United States met in Tokyo on "
                       "Tuesday.")
    assert meetings == []
