"""Contacts told as one but held separately (kg/extract/separate.py): one contact per other side."""
from kg.extract import extract
from kg.model import Article


def meetings_of(text, **fields):
    extraction = extract(Article(id="t", text=text, date="2024-05-16", **fields))
    names = {p.key: p.name for p in extraction.persons}
    return [(m.parties, sorted(names[k] for k in m.participants)) for m in extraction.meetings]


def test_bilateral_meetings_with_several_ministers_are_one_contact_each():
    text = ("NEW DELHI, May 16 -- Defence Minister Arjun Mehra held bilateral meetings with his counterparts on "
            "Thursday.\n\nThe first bilateral meeting was held with the Defence Minister of Kazakhstan, Colonel "
            "General Ruslan Zhaksylykov, followed by Iran's Defence Minister, Brigadier General Reza Ashtiyani, "
            "and Tajikistan's Defence Minister Colonel General Sherali Mirzo.")
    assert meetings_of(text) == [
        (["IN", "KZ"], ["Arjun Mehra", "Ruslan Zhaksylykov"]),
        (["IN", "IR"], ["Arjun Mehra", "Reza Ashtiyani"]),
        (["IN", "TJ"], ["Arjun Mehra", "Sherali Mirzo"])]


def test_a_trilateral_meeting_stays_one():
    text = ("Indian Defence Minister Arjun Mehra held trilateral talks with Kazakh Defence Minister Ruslan Zhaksylykov "
            "and Iranian Defence Minister Reza Ashtiyani in New Delhi on Thursday.")
    assert [parties for parties, _ in meetings_of(text)] == [["IN", "IR", "KZ"]]
