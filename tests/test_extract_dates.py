"""Publication dates and event dates resolved against them."""
from datetime import date

import pytest

from kg.extract.dates import earlier_period, future_date, latest_past_year, parse_iso, publication_date, resolve_date

THURSDAY = date(2024, 3, 28)


@pytest.mark.parametrize("text, expected", [
    ("The minister on Monday received", "2024-03-25"),
    ("talks held on Thursday", "2024-03-28"),  # the publication day itself
    ("received yesterday", "2024-03-27"),
    ("met today", "2024-03-28"),
    ("this afternoon the chief met", "2024-03-28"),
    ("earlier this week the delegation", "2024-03"),
    ("hosted the commander this week for talks", "2024-03-28"),  # the week of publication: its day
    ("on 13 March the ministers", "2024-03-13"),
    ("on March 13, 2023 the ministers", "2023-03-13"),
    ("on 2 December the ministers", "2023-12-02"),  # no year: the latest such day before publication
    ("held on Tuesday (26) in the capital", "2024-03-26"),
    ("the meeting held from 12 to 13 this month, in Luanda", "2024-03-12"),  # the month of publication
    ("the talks held on the 12th of this month", "2024-03-12"),
    # a dateline's date glued to the report is the publication's: the weekday the report names dates the contact
    ("Riyadh, 28th Mar, 2024 (Agency): the general received here on Monday the commander", "2024-03-25"),
    ("the general received on Thursday, 28 March 2024, the commander", "2024-03-28"),
    ("the general received on Monday, 20 March 2024, the commander", "2024-03-20"),  # a date not the publication's
    # the weekday's own date beside it wins even when the release misnames the weekday (28 March 2024 is a Thursday)
    ("the secretary general visited Reykjavik on Monday (28 March 2024) and met", "2024-03-28"),
    ("the secretary general visited Reykjavik on Monday, March 28, and met", "2024-03-28"),
    # ... and a dateline's weekday beside its date does not hide the event's weekday after it
    ("Thursday March 28, 2024 {Agency} A delegation arrived in the capital on Wednesday.", "2024-03-27"),
    ("WASHINGTON, March 28, 2024 - the secretary hosted the president at the Pentagon yesterday", "2024-03-27"),
    ("nothing to see here", None),
])
def test_event_dates(text, expected):
    assert resolve_date(text, THURSDAY) == expected


def test_dates_chained_on_the_previous_event():
    assert resolve_date("A day earlier, he spoke with", THURSDAY, "2024-03-26") == "2024-03-25"
    assert resolve_date("The following day the guests", THURSDAY, "2024-03-26") == "2024-03-27"
    assert resolve_date("Later the same day the delegation", THURSDAY, "2024-03-26") == "2024-03-26"


def test_a_building_named_after_a_date_is_not_a_date():
    assert resolve_date("talks at the August 1st Building", THURSDAY) is None


def test_publication_date_sources_in_order():
    assert publication_date("2024-01-02", "2023-01-01", "Feb 3") == "2024-01-02"
    assert publication_date(None, "2023-01-01", None) == "2023-01-01"
    assert publication_date(None, None, "March 9/2023") == "2023-03-09"
    assert publication_date(None, None, None) is None


def test_announced_events():
    assert future_date("to be held in Beijing in September", date(2024, 6, 14)) == "2024-09"
    assert future_date("in Kielce next September", date(2024, 9, 12)) == "2025-09"
    assert future_date("in May 2025", THURSDAY) == "2025-05"
    assert future_date("next year", THURSDAY) == "2025"


def test_the_single_day_named_wins_over_the_visit_span_around_it():
    assert resolve_date("The dialogue was held in Dhaka on August 28, 2023, during his two-day visit on August 27-28, 2023.",
                        parse_iso("2023-08-29")) == "2023-08-28"
    assert resolve_date("He paid a two-day visit on August 27-28, 2023.", parse_iso("2023-08-29")) == "2023-08-27"


def test_a_days_span_takes_the_day_the_sentence_before_named():
    assert resolve_date("It was co-chaired by the two secretaries during the visit on August 27-28, 2023.",
                        parse_iso("2023-08-29"), previous="2023-08-28") == "2023-08-28"


def test_a_news_url_carries_the_publication_date_when_nothing_else_does():
    from kg.extract import extract
    from kg.extract.dates import url_date
    from kg.model import Article

    assert url_date("http://blog.example.org/2012/09/india-and-china-agree.html") == "2012-09"
    assert url_date("https://news.example.com/world/2019/07/26/visit") == "2019-07-26"
    assert url_date("https://example.com/defense/1828087") is None
    text = "Georgian Defence Minister Levan Beridze received Lithuanian Chief of Defence General Tomas Kaunas today."
    undated = extract(Article(id="u", text=text, url="https://news.example.com/2024/05/16/visit"))
    assert [m.date for m in undated.meetings] == ["2024-05-16"]


def test_numeric_dates_in_either_order_and_never_a_thirteenth_month():
    from kg.extract.dates import explicit_date

    assert explicit_date("WASHINGTON, DC (08/28/2012)", None) == "2012-08-28"
    assert explicit_date("on 28/08/2012", None) == "2012-08-28"
    assert explicit_date("on 13/13/2012", None) is None


def test_an_undated_story_is_of_the_year_its_anniversary_falls_in():
    assert latest_past_year("The two states established relations in 2001, marking 23 years of ties.") == "2024"
    assert latest_past_year("It was the 30th anniversary of the treaty signed in 1992.") == "2022"
    assert latest_past_year("Exercises were held in 2015 and 2018; the next will be held in 2030.") == "2018"


@pytest.mark.parametrize("text, expected", [
    ("Li last met with Khrenin at the ministers' meeting in late April.", "2023-04"),
    ("He visited Fiji at the end of June for talks with Naupoto.", "2023-06"),
    ("The officers last met in October 2019 in Washington.", "2019-10"),
    ("At the 2022 iteration of the dialogue, Austin met with Wei.", "2022"),
    ("The two ministers met last year in Paris.", "2022"),
    ("his earlier visit to Melaka last October", "2022-10"),
    ("In December last, the adviser held talks in Beijing", "2022-12"),
    ("the visit last August", "2022-08"),  # said in August: a year ago
    ("They met in December.", "2022-12"),  # a month after the month of publication: the year before
    ("They met in August.", None),  # the month of publication: this month's contact, not an earlier one
    ("They met in May 2024.", None),  # after publication
    ("They met on May 13.", None),  # a day: resolved as dates are, not recalled
    ("the 2022-2025 cooperation plan", None),
])
def test_the_period_of_an_earlier_contact(text, expected):
    assert earlier_period(text, date(2023, 8, 16)) == expected


def test_the_year_a_url_sets_apart_in_a_path_segment_dates_an_article_with_no_other():
    from kg.extract.dates import url_year

    assert url_year("http://mod.example/en/news_archive_2012/news_archive_2012_-_07/minister_met.html?p=0") == "2012"
    assert url_year("https://example.com/2022/top-news/story") == "2022"
    assert url_year("https://example.com/a_2015_b/c_2016_d") is None  # two years: no telling
    assert url_year("https://example.com/story/20191234") is None  # digits of an id


@pytest.mark.parametrize("text, pub, expected", [
    ("From 31 August to 1 September 2022, the Chair visited Sweden.", None, (date(2022, 8, 31), date(2022, 9, 1))),
    ("visited Kyiv from 30 December to 2 January 2023", None, (date(2022, 12, 30), date(2023, 1, 2))),
    ("toured the region May 30 - June 2, 2023", None, (date(2023, 5, 30), date(2023, 6, 2))),
    ("was in Hanoi from 28 June to 1 July", THURSDAY, (date(2023, 6, 28), date(2023, 7, 1))),  # the last year's
    ("met on 31 May and 1 June", THURSDAY, None),  # two days named, not a span
])
def test_a_span_across_two_months_takes_the_year_of_its_last_day(text, pub, expected):
    from kg.extract.dates import date_range

    assert date_range(text, pub) == expected


def test_an_undated_story_of_a_visit_across_two_months_is_dated_to_its_first_day():
    from kg.extract import extract
    from kg.model import Article

    extraction = extract(Article(id="t", text="From 31 August to 1 September 2022, the Chair of the NATO Military "
                                 "Committee, Admiral Rob Bauer, visited Sweden. Admiral Bauer met the State Secretary "
                                 "of Defence, Mr Jan-Olof Lind.", date=None))
    assert [m.date for m in extraction.meetings] == ["2022-08-31"]


def test_a_date_that_qualifies_another_event_does_not_date_the_contact():
    from kg.extract import extract
    from kg.model import Article

    def dates(text):
        return [m.date for m in extract(Article(id="t", text=text, date="2024-06-05")).meetings]

    # "the October 10, 2023, elections": the elections' day; the meeting is the story's (the publication's)
    assert dates("The Chief of Staff of the Armed Forces of Liberia, Major General David Forte, thanked the AU "
                 "Commissioner for Peace and Security, Bankole Adebayo, for the support during the October 10, 2023, "
                 "elections, at a meeting in Addis Ababa.") == ["2024-06-05"]
    # ... but "the June 3, 2024 meeting" is the contact's own
    assert dates("At the June 3, 2024 meeting in Addis Ababa, Major General David Forte of Liberia and AU "
                 "Commissioner Bankole Adebayo discussed security.") == ["2024-06-03"]
