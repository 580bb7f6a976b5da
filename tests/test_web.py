"""Web inputs (issue 16): saved pages, URLs fetched politely, feeds, GDELT exports.

Everything is served by a local site on 127.0.0.1 (conftest.WebSite) from pages written for these
tests in several outlets' layouts; nothing leaves the machine.
"""
from __future__ import annotations

import time
import zipfile

import pytest

from conftest import WEB
from kg.errors import InputError
from kg.feeds import parse_feed
from kg.gdelt import cameo_country, events_by_url, parse_export, select_events
from kg.html import parse_html
from kg.web import CACHED, FAILED, FETCHED, ROBOTS, read_url_list, url_article_id

LAYOUTS = {  # page: (title, date, outlet, canonical URL, the two sides, words of boilerplate it must lose)
    "ministry.html": ("Defence Minister receives Georgian counterpart", "2024-05-14",
                      "Ministry of Defence of Examplestan",
                      "https://mod.examplestan.test/en/news/2024/05/minister-receives-georgian-counterpart",
                      ["AZ", "GE"], ["Photo gallery", "Latest news", "All rights reserved", "Parade Street"]),
    "agency.html": ("Chiefs of staff hold talks in Ankara", "2024-06-02", "Example Wire Service",
                    "https://wire.example.test/world/2024/06/02/chiefs-of-staff-talks",
                    ["PK", "TR"], ["cookies", "Advertisement", "Share on X", "Related stories", "Reader123"]),
    "newspaper.html": ("Vietnam and Laos deepen defence ties", "2024-03-21", "The Example Herald",
                       "https://herald.example.test/politics/vietnam-laos-defence-ties/",
                       ["LA", "VN"], ["Subscribe", "BUY NOW", "Most read", "Advertise with us"]),
}


# ------------------------------------------------------------------ pure parts


@pytest.mark.parametrize("page", sorted(LAYOUTS))
def test_a_page_of_each_layout_gives_its_text_and_metadata_without_boilerplate(page):
    title, date, outlet, url, _, boilerplate = LAYOUTS[page]
    article = parse_html((WEB / page).read_bytes(), "a1", page)
    assert (article.title, article.date, article.source, article.url) == (title, date, outlet, url)
    assert "met with" in article.text or "received" in article.text or "held talks" in article.text
    for words in boilerplate:
        assert words not in article.text


def test_a_page_with_no_article_text_is_a_named_failure():
    with pytest.raises(InputError, match=r"^empty\.html: the page holds no article text"):
        parse_html((WEB / "empty.html").read_bytes(), "e", "empty.html")


def test_url_article_ids_are_host_and_path():
    assert url_article_id("https://www.mod.example/en/news/2024/visit.html?utm_source=rss") == "mod.example/en/news/2024/visit"
    assert url_article_id("http://news.example/index.php?id=12") == "news.example/index.php?id=12"
    long_id = url_article_id("https://a.example/" + "x" * 300)
    assert len(long_id) == 113 and long_id != url_article_id("https://a.example/" + "x" * 301)


def test_url_lists_one_a_line_or_a_csv_column():
    assert read_url_list("# links\nhttps://a.example/1\n\nhttp://b.example/2\n", "l.txt") == [
        "https://a.example/1", "http://b.example/2"]
    csv_text = 'title,link\n"Talks, in Baku",https://a.example/1\nVisit,https://a.example/2\n'
    assert read_url_list(csv_text, "l.csv") == ["https://a.example/1", "https://a.example/2"]
    assert read_url_list("id,where\n1,https://a.example/1\n", "l.csv", column="where") == ["https://a.example/1"]
    with pytest.raises(InputError, match=r"^l\.txt:2: not an http\(s\) URL: 'ftp://a'"):
        read_url_list("https://a.example/1\nftp://a\n", "l.txt")


@pytest.mark.parametrize("name", ["rss2.xml", "atom.xml", "rss091.xml", "rss1.rdf"])
def test_feeds_of_every_kind_give_their_entries_links(name):
    entries = parse_feed((WEB / name).read_bytes().replace(b"{base}", b"http://h"), name)
    assert entries and all(entry.link.startswith("http://h/") for entry in entries)


def test_a_feed_entry_keeps_its_date_and_title():
    entry = parse_feed((WEB / "rss2.xml").read_bytes(), "rss2.xml")[0]
    assert (entry.title, entry.date) == ("Defence Minister receives Georgian counterpart", "2024-05-14")


def test_what_is_no_feed_is_a_named_failure():
    with pytest.raises(InputError, match=r"^x\.xml: not a news feed"):
        parse_feed(b"<html><body>hello</body></html>", "x.xml")


def test_gdelt_events_are_selected_by_cameo_code_and_country():
    events = list(parse_export((WEB / "20240515120000.export.CSV").read_bytes(), "e.CSV"))
    assert [event.id for event in events] == ["1001", "1002", "1003", "1004", "1005"]
    assert [e.id for e in select_events(events, ["04", "05"])] == ["1001", "1002", "1004", "1005"]
    assert [e.id for e in select_events(events, ["04", "05"], cameo_country("AZ"))] == ["1001", "1002", "1005"]
    assert [e.id for e in select_events(events, ["042"])] == ["1001"]
    assert list(events_by_url(select_events(events, ["04"]))) == ["{base}/news/ministry.html", "{base}/missing.html"]
    assert (events[0].event_code, events[0].root_code, events[0].actor1_country, events[0].date) == (
        "042", "04", "AZE", "2024-05-14")


def test_a_bad_gdelt_line_fails_alone_and_a_zip_is_read():
    data = (WEB / "20240515120000.export.CSV").read_bytes()
    items = list(parse_export(b"too\tfew\tfields\n" + data, "e.CSV"))
    assert str(items[0]) == "e.CSV:1: 3 fields, not the 61 of a GDELT 2.0 event record"
    assert len(items) == 6
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("20240515120000.export.CSV", data)
    assert len(list(parse_export(buffer.getvalue(), "e.zip"))) == 5
    with pytest.raises(InputError, match="not an ISO 3166-1 country code"):
        cameo_country("XX")


# ------------------------------------------------------------------ fetching


def test_robots_txt_refuses_a_page_and_the_user_agent_says_who_asks(web_site, fetcher):
    fetched = fetcher.fetch(web_site.url("/private/secret.html"))
    assert fetched.outcome == ROBOTS
    assert web_site.hits["/private/secret.html"] == 0 and web_site.hits["/robots.txt"] == 1
    assert fetcher.fetch(web_site.url("/news/agency.html")).outcome == FETCHED
    assert web_site.hits["/robots.txt"] == 1  # read once per site
    assert all(agent.startswith("kg/") and "robots.txt" in agent for agent in web_site.agents)


def test_a_fetched_page_comes_from_the_cache_next_time(web_site, fetcher, tmp_path):
    from kg.web import Fetcher

    url = web_site.url("/news/ministry.html")
    first = fetcher.fetch(url)
    with Fetcher(cache_dir=tmp_path / "cache", delay=0) as later:
        second = later.fetch(url)
    assert (first.outcome, second.outcome) == (FETCHED, CACHED)
    assert second.body == first.body and web_site.hits["/news/ministry.html"] == 1


def test_a_redirect_to_file_is_refused_and_one_to_http_followed(web_site, fetcher):
    refused = fetcher.fetch(web_site.url("/to-file"))
    assert refused.outcome == FAILED and refused.reason == "redirect to file:// refused (only http and https are followed)"
    moved = fetcher.fetch(web_site.url("/moved"))
    assert moved.outcome == FETCHED and moved.final_url == web_site.url("/news/agency.html")


def test_a_50_mb_response_is_cut_off(web_site, fetcher):
    fetched = fetcher.fetch(web_site.url("/huge.html"))
    assert fetched.outcome == FAILED and fetched.reason == "response cut off past 10,000,000 bytes (the limit)"
    assert fetched.body == b""


def test_a_404_and_a_timeout_are_reported_with_their_cause(web_site, fetcher):
    missing = fetcher.fetch(web_site.url("/missing.html"))
    assert (missing.outcome, missing.status, missing.reason) == (FAILED, 404, "HTTP 404")
    started = time.monotonic()
    slow = fetcher.fetch(web_site.url("/slow.html"))
    assert (slow.outcome, slow.reason) == (FAILED, "timed out (after 0.5 s)")
    assert time.monotonic() - started < 1.8  # two tries of 0.5 s, not the page's 2 s each
    assert web_site.hits["/slow.html"] == 2


def test_a_passing_failure_is_retried(web_site, fetcher):
    fetched = fetcher.fetch(web_site.url("/flaky.html"))
    assert fetched.outcome == FETCHED and web_site.hits["/flaky.html"] == 2


def test_requests_to_one_host_wait_the_delay(web_site):
    from kg.web import Fetcher

    with Fetcher(delay=0.3) as fetcher:
        started = time.monotonic()
        fetcher.fetch(web_site.url("/news/ministry.html"))  # robots.txt, then the page
        fetcher.fetch(web_site.url("/news/agency.html"))
    assert time.monotonic() - started >= 0.6
