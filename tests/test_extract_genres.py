"""Genre phenomena of real outlets, one test each, on sentences written for these tests.

Each test names the phenomenon it guards: datelines whose date differs from publication, honorific
chains, surname-first names, initials, particles, attendance wording, several contacts in one story.
"""
from kg.extract import extract
from kg.extract.clean import split_dateline
from kg.extract.dates import reference_date
from kg.model import Article


def run(text, date="2025-03-12", source=None):
    extraction = extract(Article(id="g", text=text, date=date, source=source))
    names = {p.key: p.name for p in extraction.persons}
    people = {p.name: p for p in extraction.persons}
    return extraction, names, people


def test_dateline_with_the_agency_name_in_capitals():
    assert split_dateline("Tbilisi, March 2, GEOPRESS. The minister met ...")[1:] == ("Tbilisi", "March 2")
    assert split_dateline("MINSK. BELTA – The minister met ...")[1:] == ("Minsk", None)


def test_relative_dates_count_from_the_dateline_day():
    assert reference_date("2025-03-12", "March 11") == "2025-03-11"
    assert reference_date("2025-03-12", None) == "2025-03-12"
    assert reference_date("2025-03-12", "March 30") == "2025-03-12"  # not a few days before: ignored
    text = ("Tbilisi, March 11, GEOPRESS. Georgian Defence Minister Levan Tsiklauri today received "
            "Lieutenant General Arvid Lindqvist, Chief of Defence of Sweden.")
    extraction, _, _ = run(text)
    assert [m.date for m in extraction.meetings] == ["2025-03-11"]
