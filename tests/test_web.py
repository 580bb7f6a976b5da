"""Web inputs (issue 16): saved pages, URLs fetched politely, feeds, GDELT exports.

Everything is served by a local site on 127.0.0.1 (conftest.WebSite) from pages written for these
tests in several outlets' layouts; nothing leaves the machine.
"""
from __future__ import annotations

import time
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import WEB
from kg.errors import InputError
from kg.read.feeds import parse_feed
from kg.read.gdelt import cameo_country, events_by_url, parse_export, select_events
from kg.read.html import parse_html
from kg.read.web import CACHED, FAILED, FETCHED, ROBOTS, read_url_list, url_article_id

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
    from kg.read.web import Fetcher

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


def test_a_passing_failure_is_retried_after_the_wait_the_server_asks(web_site, fetcher):
    started = time.monotonic()
    fetched = fetcher.fetch(web_site.url("/flaky.html"))  # 503 with Retry-After: 1, then the page
    assert fetched.outcome == FETCHED and web_site.hits["/flaky.html"] == 2
    assert time.monotonic() - started >= 1.0


@given(st.text(max_size=30), st.text(min_size=1, max_size=400))
def test_an_article_id_from_any_url_is_one_line_and_not_too_long(host, path):
    from kg.read.files import MAX_ID_CHARS

    try:
        ident = url_article_id(f"https://news{host}.example/" + path)
    except ValueError:
        return  # no URL at all (urlsplit refuses it): never fetched, so never named
    assert len(ident) <= MAX_ID_CHARS
    assert not any(character in ident for character in "\n\r\x85\u2028\u2029")


def test_requests_to_one_host_wait_the_delay(web_site):
    from kg.read.web import Fetcher

    with Fetcher(delay=0.3) as fetcher:
        started = time.monotonic()
        fetcher.fetch(web_site.url("/news/ministry.html"))  # robots.txt, then the page
        fetcher.fetch(web_site.url("/news/agency.html"))
    assert time.monotonic() - started >= 0.6


# ------------------------------------------------------------------ the commands


def _web_args(tmp_path):
    return ["--store", str(tmp_path / "store"), "--cache", str(tmp_path / "cache"), "--delay", "0",
            "--timeout", "0.5", "--retries", "0", "--no-progress"]


def _sides_by_article(store_dir) -> dict[str, list[str]]:
    """The sides of each stored article's meetings, by article id."""
    from kg.graph.store import open_store

    store = open_store(str(store_dir), read_only=True)
    try:
        rows = store.query("PREFIX mdc: <https://w3id.org/mdc#> SELECT ?id ?code WHERE { GRAPH ?g { "
                           "?g mdc:identifier ?id . ?m a mdc:Meeting ; mdc:party ?p . ?p mdc:code ?code } }")
        sides: dict[str, list[str]] = {}
        for row in rows:
            sides.setdefault(row["id"].value, []).append(row["code"].value)
        del rows, row  # dropped here: pyoxigraph's results must not be freed on another thread
    finally:
        store.close()
    return {ident: sorted(codes) for ident, codes in sides.items()}


def test_ingest_urls_reads_each_layout_and_reports_each_url_while_the_rest_go_on(runner, web_site, tmp_path):
    from kg.cli import cli

    urls = [web_site.url(path) for path in ("/news/ministry.html", "/news/agency.html", "/private/secret.html",
                                            "/missing.html", "/slow.html", "/to-file", "/huge.html")]
    (tmp_path / "links.csv").write_text(f"title,url\nHerald,{web_site.url('/news/newspaper.html')}\n")
    result = runner.invoke(cli, ["ingest", *urls, "--urls", str(tmp_path / "links.csv"), *_web_args(tmp_path)])
    assert result.exit_code == 3, result.output
    lines = result.stdout.splitlines()
    assert lines[1:] == [
        "URLs: 3 fetched, 0 cached, 1 refused by robots.txt, 4 failed",
        f"  {urls[0]}: fetched",
        f"  {urls[1]}: fetched",
        f"  {urls[2]}: refused by robots.txt",
        f"  {urls[3]}: failed: HTTP 404",
        f"  {urls[4]}: failed: timed out (after 0.5 s)",
        f"  {urls[5]}: failed: redirect to file:// refused (only http and https are followed)",
        f"  {urls[6]}: failed: response cut off past 10,000,000 bytes (the limit)",
        f"  {web_site.url('/news/newspaper.html')}: fetched"]
    assert lines[0].startswith("Ingested 3, unchanged 0, failed 4, skipped 1 (")
    assert _sides_by_article(tmp_path / "store") == {
        "mod.examplestan.test/en/news/2024/05/minister-receives-georgian-counterpart": ["AZ", "GE"],
        "wire.example.test/world/2024/06/02/chiefs-of-staff-talks": ["PK", "TR"],
        "herald.example.test/politics/vietnam-laos-defence-ties": ["LA", "VN"]}
    assert web_site.hits["/private/secret.html"] == 0
    assert result.stderr.splitlines() == [f"Warning: {urls[2]}: skipped: refused by robots.txt"] + [
        f"Failed: {url}: {reason}" for url, reason in zip(urls[3:], [
            "HTTP 404", "timed out (after 0.5 s)", "redirect to file:// refused (only http and https are followed)",
            "response cut off past 10,000,000 bytes (the limit)"])]

    # a rerun fetches nothing it has: the pages come from the cache, and are unchanged
    hits = sum(web_site.hits[path] for path in ("/news/ministry.html", "/news/agency.html", "/news/newspaper.html"))
    again = runner.invoke(cli, ["ingest", urls[0], urls[1], "--urls", str(tmp_path / "links.csv"), *_web_args(tmp_path)])
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines()[0].startswith("Ingested 0, unchanged 3, failed 0 (")
    assert again.stdout.splitlines()[1] == "URLs: 0 fetched, 3 cached, 0 refused by robots.txt, 0 failed"
    assert sum(web_site.hits[path] for path in ("/news/ministry.html", "/news/agency.html",
                                                "/news/newspaper.html")) == hits == 3


def test_ingest_saved_pages_alone_and_in_a_directory(runner, tmp_path):
    import shutil

    from kg.cli import cli

    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(WEB / "ministry.html", folder / "ministry.htm")
    shutil.copy(WEB / "empty.html", folder / "empty.html")
    result = runner.invoke(cli, ["ingest", str(folder), str(WEB / "agency.html"), "--store", str(tmp_path / "s"),
                                 "--no-progress"])
    assert result.exit_code == 3
    assert result.stdout.startswith("Ingested 2, unchanged 0, failed 1 (")
    assert f"Failed: {folder / 'empty.html'}: the page holds no article text (navigation or boilerplate only)" \
        in result.stderr
    assert _sides_by_article(tmp_path / "s") == {"ministry": ["AZ", "GE"], "agency": ["PK", "TR"]}


def test_ingest_a_feed_url_or_a_saved_feed_reads_its_entries_pages(runner, web_site, tmp_path):
    from kg.cli import cli

    saved = tmp_path / "herald.xml"
    saved.write_bytes(web_site.text("atom.xml"))
    result = runner.invoke(cli, ["ingest", web_site.url("/feeds/rss.xml"), str(saved), *_web_args(tmp_path)[:-1],
                                 "--progress"])
    assert result.exit_code == 0, result.output
    assert result.stderr.rstrip("\n").rsplit("\r", 1)[-1].startswith("4 articles  ")  # the progress line
    assert result.stdout.splitlines()[:2] == [
        result.stdout.splitlines()[0], "URLs: 4 fetched, 0 cached, 1 refused by robots.txt, 0 failed"]
    assert result.stdout.startswith("Ingested 3, unchanged 0, failed 0, skipped 1 (")
    assert len(_sides_by_article(tmp_path / "store")) == 3


def test_watch_reads_the_feeds_again_and_ctrl_c_stops_it(runner, web_site, tmp_path, monkeypatch):
    from kg.cli import cli

    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# the test site\n{web_site.url('/feeds/old.xml')}\n")
    result = runner.invoke(cli, ["watch", str(feeds), "--every", "0.1s", "--runs", "2", *_web_args(tmp_path)[:-1]])
    assert result.exit_code == 0, result.output
    summaries = [line for line in result.stdout.splitlines() if line.startswith("Ingested")]
    assert [line.split(" (")[0] for line in summaries] == ["Ingested 1, unchanged 0, failed 0",
                                                           "Ingested 0, unchanged 1, failed 0"]
    assert web_site.hits["/feeds/old.xml"] == 2 and web_site.hits["/news/agency.html"] == 1

    def interrupt(seconds):
        raise KeyboardInterrupt

    monkeypatch.setattr(time, "sleep", interrupt)
    stopped = runner.invoke(cli, ["watch", str(feeds), "--every", "1h", *_web_args(tmp_path)[:-1]])
    assert stopped.exit_code == 0 and stopped.stderr.strip() == "Stopped."


def test_gdelt_reads_each_source_once_and_records_the_events_on_the_article(runner, web_site, tmp_path):
    from kg.cli import cli
    from kg.graph.store import open_store

    export = tmp_path / "20240515120000.export.CSV.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("20240515120000.export.CSV", web_site.text("20240515120000.export.CSV"))
    result = runner.invoke(cli, ["gdelt", str(export), "--cameo", "04,05", "--country", "AZ", *_web_args(tmp_path)])
    assert result.exit_code == 3, result.output
    assert result.stdout.splitlines()[1:3] == ["URLs: 1 fetched, 0 cached, 0 refused by robots.txt, 1 failed",
                                               f"  {web_site.url('/news/ministry.html')}: fetched"]
    assert result.stdout.splitlines()[-1] == "GDELT: 5 events read, 3 selected, 2 distinct source URLs"
    assert f"Failed: {web_site.url('/missing.html')}: HTTP 404" in result.stderr
    assert web_site.hits["/news/ministry.html"] == 1
    store = open_store(str(tmp_path / "store"), read_only=True)
    try:
        rows = store.query("PREFIX mdc: <https://w3id.org/mdc#> SELECT ?id ?code ?root ?a1 ?a2 ?date WHERE { "
                           "GRAPH ?g { ?g mdc:identifier ?article ; mdc:gdeltEvent ?e . ?e mdc:gdeltEventId ?id ; "
                           "mdc:cameoCode ?code ; mdc:cameoRootCode ?root ; mdc:actor1Country ?a1 ; "
                           "mdc:actor2Country ?a2 ; mdc:eventDate ?date } } ORDER BY ?id")
        events = [tuple(row[name].value for name in ("id", "code", "root", "a1", "a2", "date")) for row in rows]
        del rows  # dropped here: pyoxigraph's results must not be freed on another thread
    finally:
        store.close()
    assert events == [("1001", "042", "04", "AZE", "GEO", "2024-05-14"), ("1002", "043", "04", "GEO", "AZE", "2024-05-14")]
    assert _sides_by_article(tmp_path / "store") == {
        "mod.examplestan.test/en/news/2024/05/minister-receives-georgian-counterpart": ["AZ", "GE"]}

    # the export itself may come from the web; the page is in the cache by now
    again = runner.invoke(cli, ["gdelt", web_site.url("/gdelt/20240515120000.export.CSV"), "--cameo", "042",
                                *_web_args(tmp_path)])
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines()[-1] == "GDELT: 5 events read, 1 selected, 1 distinct source URLs"
    assert web_site.hits["/news/ministry.html"] == 1


def test_a_feed_is_never_taken_from_the_cache(web_site, fetcher):
    for _ in range(2):
        assert fetcher.fetch(web_site.url("/feeds/rdf")).outcome == FETCHED
    assert web_site.hits["/feeds/rdf"] == 2


def test_what_is_no_web_page_fails_named(web_site, fetcher):
    from kg.read.items import ReadFailure
    from kg.read.web import read_urls

    url = web_site.url("/report.pdf")
    assert [str(item) for item in read_urls([url], fetcher)] == [
        f"{url}: not a web page (application/pdf); save its text as .txt to read it"]
    assert [str(item) for item in read_urls([web_site.url("/news/empty.html")], fetcher)] == [
        f"{web_site.url('/news/empty.html')}: the page holds no article text (navigation or boilerplate only)"]
    assert all(isinstance(item, ReadFailure) for item in read_urls([url], fetcher))


def test_a_canonical_link_that_is_no_web_address_is_not_the_articles_url():
    from kg.model import Article
    from kg.read.web import Fetched, page_items

    page = (WEB / "ministry.html").read_bytes().replace(
        b"https://mod.examplestan.test/en/news/2024/05/minister-receives-georgian-counterpart", b"javascript:void(0)")
    fetched = Fetched("http://h.example/a.html", FETCHED, page, "http://h.example/a.html", "text/html", 200)
    [article] = page_items(fetched)
    assert isinstance(article, Article) and (article.url, article.id) == ("http://h.example/a.html", "h.example/a")
