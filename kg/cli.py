"""The `kg` command: a thin layer over the library API.

Exit codes (also in the README): 0 success; 1 an error (`Error: ...`) or a graph that does not
conform (`kg validate`); 2 bad usage; 3 a batch finished but some inputs failed (the rest stored).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import NamedTuple

import click

from kg import __version__
from kg.errors import KgError
from kg.graph.store import open_store

EXIT_PARTIAL = 3


class KgGroup(click.Group):
    """Turns the library's errors into one `Error: ...` line and exit code 1, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as error:
            raise click.ClickException(str(error)) from None
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)


class StoreAt(NamedTuple):
    """Where the store is, and whether the command opens it read-only: `open_store(*store_at)`."""

    location: str
    read_only: bool


def store_option(read_only: bool = False):
    """`--store DIR|URL`, from KG_STORE or ./kg-store by default, as a `StoreAt`: commands that
    only read say ``read_only=True`` and open it so (other processes may write meanwhile)."""
    return click.option(
        "--store", "store_at", envvar="KG_STORE", default="kg-store", show_default=True,
        callback=lambda ctx, param, value: StoreAt(value, read_only),
        help="Store directory (embedded Oxigraph), or the URL of a SPARQL endpoint. Env: KG_STORE.")


def format_option(choices, default):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=True, help="Output format.")


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli():
    """Build and query a knowledge graph of military-diplomatic contacts from news articles.

    \b
    Example:
      kg ingest data/ --store kg-store
      kg query 'SELECT * WHERE { ?m a <https://w3id.org/mdc#Meeting> }'
    """


def web_options(function):
    """The options of commands that fetch pages: the cache, the per-host delay, the timeout."""
    options = [
        click.option("--cache", "cache_dir", envvar="KG_CACHE", default="kg-cache", show_default=True,
                     metavar="DIR", help="Where fetched pages are kept, so a rerun fetches nothing it has. "
                                         "Env: KG_CACHE."),
        click.option("--delay", default=1.0, show_default=True, type=click.FloatRange(0), metavar="SECONDS",
                     help="Least time between two requests to one host (robots.txt's Crawl-delay, if longer, wins)."),
        click.option("--timeout", "fetch_timeout", default=20.0, show_default=True,
                     type=click.FloatRange(0, min_open=True), metavar="SECONDS",
                     help="Time one request may take."),
        click.option("--retries", default=2, show_default=True, type=click.IntRange(0, 10),
                     help="Tries again after a timeout, a lost connection, 429 or 5xx, waiting 1 s, 2 s, 4 s ..."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _fetcher(cache_dir, delay, fetch_timeout, retries):
    from kg.read.web import Fetcher

    return Fetcher(cache_dir=cache_dir, delay=delay, timeout=fetch_timeout, retries=retries)


def _run_ingest(paths, store_at, quiet, show_progress, fetcher, **options):
    """Ingest with a progress line; print warnings, failures, the summary and each URL's outcome.
    Returns the report (the caller decides the exit code)."""
    from kg.pipeline import ingest as run_ingest
    from kg.progress import Progress
    from kg.read.items import one_line

    progress = Progress(enabled=not quiet if show_progress is None else show_progress,
                        force=bool(show_progress))
    with open_store(*store_at) as store:
        try:
            report = run_ingest(paths, store, on_progress=progress.update, count_first=progress.enabled,
                                fetcher=fetcher, **options)
        finally:
            progress.close()
    if not quiet:
        for warning in report.warnings:
            click.echo(f"Warning: {one_line(warning)}", err=True)
    for failure in report.failed:
        click.echo(f"Failed: {one_line(failure)}", err=True)
    click.echo(report.summary().capitalize())
    if fetcher is not None and fetcher.log.outcomes:
        click.echo(fetcher.log.summary())
        if not quiet:
            for fetched in fetcher.log.outcomes:
                click.echo(f"  {one_line(fetched.url)}: {fetched.describe()}")
    return report


@cli.command("ingest")
@click.argument("paths", nargs=-1)  # each path is checked as it is read: one bad path fails alone
@store_option()
@click.option("--urls", "urls_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Read the pages of the URLs in FILE: one a line, or a CSV file's column.")
@click.option("--url-column", metavar="NAME", help="The CSV column of --urls that holds the URLs "
                                                   "(default: one named url or link).")
@web_options
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Parallel extraction processes.")
@click.option("--force", is_flag=True, help="Re-extract articles even when they are unchanged.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary and the failures.")
@click.option("--progress/--no-progress", "show_progress", default=None,
              help="Show the progress line (default: when standard error is a terminal).")
@click.option("--article-timeout", "article_seconds", default=30.0, show_default=True,
              type=click.FloatRange(0, min_open=True), metavar="SECONDS",
              help="Time one article's extraction may take; an article over it fails alone.")
def ingest_command(paths, store_at, urls_file, url_column, cache_dir, delay, fetch_timeout, retries, jobs, force, quiet,
           show_progress, article_seconds):
    """Read articles into the store: .txt, .jsonl, saved web pages (.html, .htm), directories of
    them, web pages by URL, and news feeds (RSS, Atom: a URL or a saved .xml; each entry's page).

    Each article becomes one named graph; re-ingesting an unchanged article changes nothing, a
    changed one replaces its graph. Persons, organisations, places and forums are resolved to one
    IRI each across articles. Bad inputs are reported, one line each, and skipped; exit code 3 if
    any failed (the rest is stored). Interrupted or killed, run the same command again.

    Pages are fetched politely (robots.txt, a delay per host, retries) and kept in --cache: a
    rerun fetches nothing it has. The summary gives each URL's outcome.

    \b
    Example:
      kg ingest data/seed-article.txt articles.jsonl --store kg-store --jobs 2
      kg ingest saved-pages/ https://www.mod.example/news/visit.html --urls links.csv
      kg ingest https://www.mod.example/rss.xml
    """
    from kg.read.web import is_url, read_url_list

    paths = list(paths)
    if urls_file:
        try:
            text = Path(urls_file).read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise click.ClickException(f"{urls_file}: cannot read ({getattr(error, 'strerror', None) or error})")
        paths += read_url_list(text, urls_file, url_column)
    if not paths:
        raise click.UsageError("give files, directories or URLs to read, or --urls FILE")
    web = urls_file or any(is_url(path) or str(path).lower().endswith((".xml", ".rss", ".atom")) for path in paths)
    fetcher = _fetcher(cache_dir, delay, fetch_timeout, retries) if web else None
    try:
        report = _run_ingest(paths, store_at, quiet, show_progress, fetcher, jobs=jobs, force=force,
                             article_seconds=article_seconds)
    finally:
        if fetcher is not None:
            fetcher.close()
    if report.failed:
        sys.exit(EXIT_PARTIAL)


def parse_interval(text: str) -> float:
    """Seconds in an interval written like 1h, 30m, 90s, 1h30m or a plain number of seconds."""
    import re

    match = re.fullmatch(r"\s*(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m)?\s*(?:(\d+(?:\.\d+)?)s?)?\s*", text)
    if not match or not any(match.groups()):
        raise click.BadParameter(f"{text!r} is not an interval like 1h, 30m, 90s or 1h30m")
    hours, minutes, seconds = (float(group or 0) for group in match.groups())
    total = hours * 3600 + minutes * 60 + seconds
    if total <= 0:
        raise click.BadParameter("the interval must be longer than nothing")
    return total


@cli.command()
@click.argument("feeds_file", type=click.Path(dir_okay=False))
@click.option("--every", "interval", default="1h", show_default=True, metavar="INTERVAL",
              help="Time between two readings of the feeds: 1h, 30m, 90s, 1h30m.")
@click.option("--runs", type=click.IntRange(1), metavar="N", help="Stop after N readings (default: until Ctrl-C).")
@store_option()
@web_options
@click.option("--quiet", "-q", is_flag=True, help="Print only each reading's summary and the failures.")
def watch(feeds_file, interval, runs, store_at, cache_dir, delay, fetch_timeout, retries, quiet):
    """Keep a store current with news feeds: read every feed in FEEDS_FILE (one feed URL, or saved
    .xml, a line), ingest the pages of its new entries, wait, and again. Ctrl-C stops it cleanly
    (what is stored stays stored; a reading cut short is finished by the next).

    \b
    Example:
      kg watch feeds.txt --every 1h --store kg-store
    """
    import time
    from datetime import datetime, timezone

    from kg.read.feeds import read_feeds_list
    from kg.read.web import FetchLog

    seconds = parse_interval(interval)
    feeds = read_feeds_list(Path(feeds_file))
    fetcher = _fetcher(cache_dir, delay, fetch_timeout, retries)
    done = 0
    try:
        while True:
            fetcher.log = FetchLog()
            click.echo(f"Reading {len(feeds)} feeds at {datetime.now(timezone.utc):%Y-%m-%d %H:%M:%S} UTC")
            _run_ingest(feeds, store_at, quiet=quiet, show_progress=False, fetcher=fetcher)
            done += 1
            if runs and done >= runs:
                break
            time.sleep(seconds)
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
    finally:
        fetcher.close()


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--cameo", default="04,05", show_default=True, metavar="CODES",
              help="CAMEO codes (or their beginnings) of the events to select, comma-separated: 04 consult, "
                   "05 diplomatic cooperation, 042 make a visit, 043 host a visit, 044 meet at a third location.")
@click.option("--country", metavar="CODE", help="Only events one of whose actors is of this country (ISO: AZ).")
@store_option()
@web_options
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary and the failures.")
@click.option("--progress/--no-progress", "show_progress", default=None,
              help="Show the progress line (default: when standard error is a terminal).")
def gdelt(files, cameo, country, store_at, cache_dir, delay, fetch_timeout, retries, quiet, show_progress):
    """Read the pages behind GDELT 2.0 events: select the events of export files (*.export.CSV,
    zipped or not) by CAMEO code and country, fetch each distinct source URL once, extract it, and
    record the events' ids and codes on the article (mdc:gdeltEvent). Exit code 3 if some failed.

    \b
    Example:
      kg gdelt 20240514120000.export.CSV.zip --cameo 04,05 --country AZ --store kg-store
    """
    from kg.read.gdelt import gdelt_items

    counts: dict = {}
    fetcher = _fetcher(cache_dir, delay, fetch_timeout, retries)
    try:
        items = gdelt_items(files, cameo.split(","), country, fetcher, counts)
        report = _run_ingest([], store_at, quiet, show_progress, fetcher, items=items)
    finally:
        fetcher.close()
    click.echo(f"GDELT: {counts.get('events', 0)} events read, {counts.get('selected', 0)} selected, "
               f"{counts.get('urls', 0)} distinct source URLs")
    if report.failed:
        sys.exit(EXIT_PARTIAL)


@cli.command("remove")
@click.argument("article_ids", nargs=-1, required=True)
@store_option()
def remove_command(article_ids, store_at):
    """Remove articles (by id) and everything read from them; entities they alone named go too.

    Exit code 3 if some ids are not in the store (the others are removed).

    \b
    Example:
      kg remove D01 D02 --store kg-store
    """
    from kg.pipeline import remove as run_remove
    from kg.read.items import one_line

    with open_store(*store_at) as store:
        removed, missing = run_remove(article_ids, store)
    for article_id in missing:
        click.echo(f"Failed: {one_line(article_id)}: no such article in the store", err=True)
    click.echo(f"Removed {len(removed)} articles" + (f", {len(missing)} not found" if missing else ""))
    if missing:
        sys.exit(EXIT_PARTIAL)


@cli.command()
@store_option()
def resolve(store_at):
    """Re-run entity resolution over every stored article (after new rules or curations).

    Ingest keeps resolution up to date by itself; this re-checks everything.

    \b
    Example:
      kg resolve --store kg-store
    """
    from kg.pipeline import resolve_all

    with open_store(*store_at) as store:
        remapped = resolve_all(store)
    click.echo(f"Re-resolved: {remapped} articles re-mapped")


@cli.command()
@click.option("--person", "person_name", help="Show the person(s) of this name: aliases, articles, "
                                                "and why their mentions were merged.")
@store_option(read_only=True)
@format_option(["table", "csv", "tsv", "json"], "table")
def entities(person_name, store_at, fmt):
    """List resolved persons, or explain one (--person NAME).

    \b
    Example:
      kg entities --person "Zakir Hasanov" --store kg-store
    """
    from kg.graph.persistence import Resolution, explain_person, resolved_persons
    from kg.output import render

    with open_store(*store_at) as store:
        if person_name:
            found = explain_person(Resolution(store), person_name)
        else:
            persons = resolved_persons(Resolution(store, eager=True))
    if person_name:
        if not found:
            raise click.ClickException(f"no person named like {person_name!r} in the store")
        rows = [[iri.rsplit("/", 1)[-1], label, mention.article, mention.name, mention.country or "",
                 round(link.confidence, 2) if link else None, link.why if link else ""]
                for iri, label, mention, link in found]
        click.echo(render(["entity", "label", "article", "as written", "country", "confidence", "why"],
                          rows, fmt), nl=False)
        return
    rows = [[iri.rsplit("/", 1)[-1], names, articles] for iri, names, articles in persons]
    click.echo(render(["entity", "names", "articles"], rows, fmt), nl=False)


@cli.command()
@click.argument("curation_file", type=click.Path(exists=True, dir_okay=False, path_type=str))
@store_option()
def curate(curation_file, store_at):
    """Apply an analyst's corrections from a YAML file: merge, split, set, add_contact, reject.

    The file is checked as a whole first (unknown entities are errors, nothing is applied); the
    curations are kept in their own graph and survive re-ingestion. See README, "Curation".

    \b
    Example:
      kg curate docs/curations-demo.yaml --store kg-store    # after scripts/demo.sh
    """
    from kg.pipeline import apply_curations

    with open_store(*store_at) as store:
        report = apply_curations(store, curation_file)
    click.echo(report.summary().capitalize())


def limit_options(fn):
    """`--timeout`, `--max-result-mb` and `--allow-service`, shared by `kg query` and `kg serve`."""
    options = [
        click.option("--timeout", "seconds", default=60.0, show_default=True,
                     type=click.FloatRange(0, 86400, min_open=True), metavar="SECONDS",
                     help="Seconds a query may run; it is stopped then, with an error."),
        click.option("--max-result-mb", default=100.0, show_default=True, type=click.FloatRange(0, min_open=True),
                     metavar="MB", help="Largest answer, in megabytes; a larger one is stopped, with an error."),
        click.option("--allow-service", "allowed_services", multiple=True, metavar="URL",
                     help="An endpoint that SERVICE (or LOAD) may fetch from; refused by default. Repeatable."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


@cli.command()
@click.argument("sparql_or_name", metavar="QUERY", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of a named query (repeat for several); the value is bound as one "
                   "RDF term, never pasted into the query text.")
@click.option("--file", "query_file", type=click.File("r", encoding="utf-8"),
              help="Read the query from a .rq file.")
@store_option(read_only=True)
@format_option(["table", "csv", "tsv", "json"], "table")
@click.option("--update", "allow_update", is_flag=True,
              help="Allow a SPARQL UPDATE (kg query is read-only without it).")
@limit_options
def query(sparql_or_name, params, query_file, store_at, fmt, allow_update, seconds, max_result_mb,
          allowed_services):
    """Run a named query (see `kg queries`) or a SPARQL query over all article graphs.

    QUERY is the name of a named query, whose parameters come from --param NAME=VALUE, or the
    text of a SPARQL query; --file reads one from a .rq file. SELECT answers print as an aligned
    table (long values cut), CSV, TSV or SPARQL JSON results; CONSTRUCT and DESCRIBE print Turtle.
    Read-only unless --update. --store also takes the URL of a SPARQL endpoint. A query runs in
    a worker process, stopped at --timeout or once its answer passes --max-result-mb (exit code
    1 and a message); SERVICE and LOAD are refused unless --allow-service names the endpoint.

    \b
    Examples:
      kg query contacts --param country=AZ --param other=TR --param since=2024-01-01
      kg query who-met-whom --param country=AZ --format csv
      kg query 'PREFIX mdc: <https://w3id.org/mdc#>
        SELECT ?m ?date WHERE { GRAPH ?g { ?m a mdc:Meeting ; mdc:date ?date } }'
    """
    from kg.query import named
    from kg.query.sparql import refuse_remote_calls, run_query, run_query_limited

    if bool(sparql_or_name) == bool(query_file):
        raise click.UsageError("give either a query name, a SPARQL query or --file FILE")
    text = sparql_or_name or query_file.read()
    chosen = None
    if sparql_or_name and named.looks_like_name(sparql_or_name):
        chosen = named.get(sparql_or_name)
        values = named.parse_assignments(params)
        chosen.terms(values)  # a bad parameter is reported before the store is opened
    elif params:
        raise click.UsageError("--param applies to a named query (see `kg queries`)")
    in_memory = store_at.location == ":memory:"
    if chosen is not None or in_memory:
        read_only = (store_at.read_only and not allow_update) or not in_memory  # the update runs in its process
        with open_store(store_at.location, read_only=read_only) as store:
            if chosen is not None:
                text = chosen.bind(values, store=store)
            if in_memory:  # nothing another process could open: no limits
                refuse_remote_calls(text, allowed_services)
                result = run_query(store, text, allow_update=allow_update)
    if not in_memory:
        refuse_remote_calls(text, allowed_services)
        result = run_query_limited(store_at.location, text, allow_update=allow_update, seconds=seconds,
                                   max_bytes=int(max_result_mb * 1_000_000))
    if result is None:
        click.echo("Update applied.")
    else:
        click.echo(result.render(fmt), nl=False)


@cli.command("queries")
@click.argument("name", required=False)
@format_option(["table", "csv", "tsv", "json"], "table")
def list_queries(name, fmt):
    """List the named queries and their parameters; with a NAME, show that query's SPARQL.

    \b
    Examples:
      kg queries
      kg queries contacts
    """
    from kg.output import render
    from kg.query import named

    if name:
        chosen = named.get(name)
        click.echo(f"{chosen.name}: {chosen.description}\n")
        for param in chosen.params:
            click.echo(f"  --param {param.usage():32} {param.description}")
        click.echo("\n" + chosen.text, nl=not chosen.text.endswith("\n"))
        return
    rows = [[q.name, q.signature(), q.description] for q in named.all_queries()]
    click.echo(render(["name", "parameters", "description"], rows, fmt), nl=False)


@cli.command("serve")
@store_option(read_only=True)
@click.option("--bind", "bind", default="127.0.0.1:7878", show_default=True, metavar="HOST:PORT",
              help="Address to listen on; only this machine can connect by default.")
@click.option("--writable", is_flag=True,
              help="Serve read-write (SPARQL Update and Graph Store endpoints too), as a team store "
                   "that `--store http://HOST:PORT` commands ingest into.")
@limit_options
def serve_command(store_at, bind, writable, seconds, max_result_mb, allowed_services):
    """Serve the store as a SPARQL 1.1 endpoint: queries at /query, a query page at /.

    Runs the Oxigraph server over the store directory. GET and POST queries, results as JSON,
    XML, CSV or TSV by the Accept header; the default graph is the merge of the article graphs (each triple once).
    SERVICE and LOAD are refused (403) unless --allow-service names the endpoint; a query over
    --timeout ends with 503, an answer over --max-result-mb with 507. SIGTERM stops it cleanly.

    \b
    Fresh data: a read-only server answers from the store as it was when it started (Oxigraph's
    read-only handle is a snapshot); restart `kg serve` after `kg ingest` to see new articles.
    For live data, run `kg serve --writable` (it then holds the store: stop other writers first)
    and ingest through it: `kg ingest FILES --store http://127.0.0.1:7878`.

    \b
    Examples:
      kg serve --store kg-store
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' \\
           http://127.0.0.1:7878/query
    """
    from kg.query.serve import serve as run_server

    sys.exit(run_server(store_at.location, bind=bind, writable=writable, timeout=seconds,
                        max_bytes=int(max_result_mb * 1_000_000), allowed_services=allowed_services,
                        echo=lambda line: click.echo(line, err=True)))


@cli.command("export")
@store_option(read_only=True)
@format_option(["turtle", "trig", "nquads", "ntriples", "jsonld", "rdfxml"], "turtle")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=str),
              help="Write to this file instead of standard output (\"-\": standard output).")
@click.option("--bookkeeping", is_flag=True,
              help="Include the entity-resolution records (graph .../id/graph/resolution), e.g. "
                   "for a full backup; left out by default.")
def export_command(store_at, fmt, output, bookkeeping):
    """Export the graph: TriG, N-Quads and JSON-LD keep one named graph per article (plus the
    entities and curation graphs); Turtle, N-Triples and RDF/XML merge them into one graph.

    \b
    Example:
      kg export --format turtle --output graph.ttl
    """
    from kg.graph import export as exporter

    with open_store(*store_at) as store:
        if output and output != "-":
            exporter.export(store, fmt, output, bookkeeping)
        else:
            exporter.write(store, fmt, sys.stdout.buffer, bookkeeping)
            sys.stdout.flush()


@cli.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--graph", "graph_iri", metavar="IRI",
              help="Put the triples of Turtle / N-Triples files in this named graph (default: the default graph).")
@store_option()
def load_command(files, graph_iri, store_at):
    """Restore a store from RDF files: N-Quads (.nq), TriG (.trig), Turtle (.ttl), N-Triples (.nt).

    Loads at bulk-load speed into a fresh store what `kg export --bookkeeping` wrote, so that
    ingest, remove and curate go on as before (without --bookkeeping, the store answers queries
    but cannot re-map its articles). The default graph is rebuilt from the named graphs.

    \b
    Example:
      kg export --bookkeeping --format nquads --output backup.nq --store kg-store
      kg load backup.nq --store restored-store
    """
    import pyoxigraph as ox

    from kg.graph import export as exporter

    try:
        graph = ox.NamedNode(graph_iri) if graph_iri else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--graph") from None
    start = time.monotonic()
    with open_store(*store_at) as store:
        count = exporter.load(store, files, graph)
    click.echo(f"Loaded {count} quads from {len(files)} files in {time.monotonic() - start:.1f} s")


@cli.command("validate")
@store_option(read_only=True)
def validate_command(store_at):
    """Check the graph against the SHACL shapes; exit code 1 and a report when it does not conform.

    \b
    Example:
      kg validate --store kg-store
    """
    from kg.graph.validation import validate_store

    with open_store(*store_at) as store:
        conforms, _, report_text = validate_store(store)
    if conforms:
        click.echo("Conforms: the graph satisfies every shape.")
        return
    click.echo(report_text)
    sys.exit(1)


@cli.command()
@store_option(read_only=True)
@format_option(["table", "csv", "tsv", "json"], "table")
def stats(store_at, fmt):
    """Count what the store holds: entities per class, articles, and their date range.

    \b
    Example:
      kg stats --store kg-store
    """
    from kg.analysis.stats import store_stats
    from kg.graph.curation import curation_counts
    from kg.output import render

    with open_store(*store_at) as store:
        numbers = store_stats(store)
        curations = curation_counts(store)
    rows = numbers.rows() + [[f"curations: {action}", int(n)] for action, n in curations.items()]
    click.echo(render(["what", "count"], rows, fmt), nl=False)


@cli.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=str))
@click.option("--count", "-n", default=300, show_default=True, type=click.IntRange(1, 10_000_000),
              help="Number of articles.")
@click.option("--seed", default=0, show_default=True, type=int, help="Same seed, same corpus.")
@click.option("--prefix", default="synth", show_default=True, help="Article ids are PREFIX-000001 ...")
@click.option("--gold", "gold_path", type=click.Path(dir_okay=False, path_type=str),
              help="Where to write the gold facts (default OUT_DIR/gold.jsonl).")
def synth(out_dir, count, seed, prefix, gold_path):
    """Write a fictional corpus: OUT_DIR/articles.jsonl, the gold facts, and a README saying so.

    Invented officials of real countries meet, call, lead delegations and invite each other to
    invented forums, in varied press-release phrasing; the gold is in the format of
    tests/data/dev/FORMAT.md (what `kg evaluate` scores).
    Deterministic for a seed, and streamed (50,000 articles take seconds and little memory).

    \b
    Example:
      kg synth corpus/ --count 1000 --seed 1 && kg ingest corpus/articles.jsonl
    """
    from kg.devtools.synth import write_corpus

    report = write_corpus(out_dir, count, seed=seed, prefix=prefix, gold_path=gold_path)
    click.echo(report.summary())


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--id", "article_ids", multiple=True, help="Only the article(s) with this id (repeatable).")
@format_option(["text", "json"], "text")
def explain(paths, article_ids, fmt):
    """Show what the extractor reads in articles, and why: each fact with its rules and sentences.

    Nothing is stored. Useful to see why a person was given a state, why two officials
    make one contact or two, or why nothing was found.

    \b
    Example:
      kg explain data/seed-article.txt
      kg explain articles.jsonl --id R101 --format json
    """
    import json

    from kg.explain import explanation, explanation_text
    from kg.extract import extract
    from kg.model import Article
    from kg.read.files import read_articles
    from kg.read.items import ReadFailure

    shown = 0
    for item in read_articles(paths):
        if isinstance(item, ReadFailure):
            click.echo(f"Failed: {item}", err=True)
            continue
        if not isinstance(item, Article) or (article_ids and item.id not in article_ids):
            continue
        extraction = extract(item)
        click.echo(json.dumps(explanation(extraction), ensure_ascii=False) if fmt == "json" else explanation_text(extraction))
        shown += 1
    if not shown:
        raise KgError("no article to explain" + (f" with id {', '.join(article_ids)}" if article_ids else ""))


@cli.command("evaluate")
@click.argument("articles", type=click.Path(exists=True, path_type=str))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=str))
@click.option("--verbose", "-v", is_flag=True, help="List every miss and every spurious fact.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--classes", is_flag=True,
              help="Count the misses by class (a meeting missed with the same sides on another date, a person "
                   "named in the text but not read ...), printing no text and no gold value: what a set kept "
                   "unread can tell.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Extract with this many processes.")
def evaluate_command(articles, gold, verbose, as_json, classes, jobs):
    """Score the extractor on annotated articles: precision, recall and F1 per kind of fact.

    ARTICLES is any input `kg ingest` reads; GOLD is JSONL in the gold format (one object per
    article id). Nothing is stored: articles are extracted, mapped to RDF and scored in memory.

    \b
    Example:
      kg evaluate tests/data/dev/articles.jsonl tests/data/dev/gold.jsonl --verbose
    """
    import json as json_module

    from kg.devtools.evaluate import evaluate_paths

    report = evaluate_paths(articles, gold, jobs=jobs)
    click.echo(json_module.dumps(report.as_json()) if as_json else report.table(verbose=verbose, classes=classes))


def network_options(fn):
    """The projection and filter options that `kg network` and `kg viz` share."""
    options = [
        click.option("--projection", "-p", type=click.Choice(["persons", "countries", "events"]),
                     default="persons", show_default=True,
                     help="persons: who met whom; countries: which states met; events: persons "
                          "and the meetings, delegations, forums and invitations they took part in."),
        click.option("--since", metavar="DATE", help="Only contacts on or after DATE (YYYY[-MM[-DD]])."),
        click.option("--until", metavar="DATE", help="Only contacts on or before DATE (YYYY[-MM[-DD]])."),
        click.option("--country", metavar="CODE",
                     help="Only contacts involving this country (ISO code or name; NATO, UN ... too); "
                          "with --hops, the ego network around it instead."),
        click.option("--mode", type=click.Choice(["in_person", "call", "video"]),
                     help="Only contacts of this kind."),
        click.option("--person", metavar="NAME", help="The ego network of this person (see --hops)."),
        click.option("--hops", type=click.IntRange(0, 10),
                     help="How many steps an ego network reaches from --person or --country [1]."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _build_network(store_at, projection, since, until, country, mode, person, hops,
                   metrics=True):
    from kg.analysis.network import build_network

    with open_store(*store_at) as store:
        return build_network(store, projection, since=since, until=until, country=country,
                             mode=mode, person=person, hops=hops, metrics=metrics)


@cli.command()
@store_option(read_only=True)
@network_options
@click.option("--metrics", is_flag=True,
              help="Print each node's degree, weighted degree, betweenness, eigenvector "
                   "centrality and Louvain community (busiest first) instead of the edges.")
@format_option(["table", "csv", "tsv", "json"], "table")
@click.option("--output", "-o", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=str),
              help="Also write the network, with the metrics as node attributes: .graphml or .gexf "
                   "(they open in Gephi) or .csv (edge list). Repeatable; \"-\" is standard output "
                   "(with --output-format).")
@click.option("--output-format", "output_format", type=click.Choice(["graphml", "gexf", "csv"]),
              help="The format of -o - (standard output), or of a file whose name does not say.")
@click.option("--limit", type=click.IntRange(1), help="Print at most this many rows.")
def network(store_at, projection, since, until, country, mode, person, hops, metrics, fmt,
            outputs, output_format, limit):
    """Project the graph to a network: print its edges or its metrics, write Gephi files.

    Edges join persons who met (weight = number of meetings, with dates and article ids),
    countries that met (weights per year), or persons and the events they took part in.

    \b
    Examples:
      kg network --person "Zakir Hasanov" --hops 2
      kg network --projection countries --since 2020 --metrics --format csv
      kg network --country AZ --mode call --output calls.gexf --output calls.csv
      kg network --since 2024 -o - --output-format gexf > contacts-2024.gexf
    """
    from kg.analysis.network import (EDGE_COLUMNS, EXPORT_FORMATS, METRIC_COLUMNS, edge_rows, network_text,
                            metric_rows, summary, write_graph)
    from kg.output import render

    if "-" in outputs and not output_format:
        raise click.UsageError("-o - writes to standard output: say in which format with "
                               "--output-format graphml|gexf|csv")
    graph = _build_network(store_at, projection, since, until, country, mode, person, hops,
                           metrics=metrics or bool(outputs))  # an edge list needs none
    for path in outputs:
        if path != "-":  # the file's suffix says its format; --output-format when it does not
            written = write_graph(graph, path, None if Path(path).suffix.lower() in EXPORT_FORMATS
                                  else output_format)
            click.echo(f"Wrote {path} ({written}): {summary(graph)}", err=True)
    if "-" in outputs:
        click.echo(network_text(graph, output_format), nl=False)
        click.echo(summary(graph), err=True)
        return
    if metrics:
        click.echo(render(METRIC_COLUMNS, metric_rows(graph, limit), fmt), nl=False)
    elif not outputs:
        click.echo(render(EDGE_COLUMNS, edge_rows(graph)[:limit], fmt), nl=False)
        click.echo(summary(graph), err=True)


@cli.command()
@store_option(read_only=True)
@network_options
@click.option("--output", "-o", default="network.html", show_default=True,
              type=click.Path(dir_okay=False, path_type=str),
              help="The HTML file to write (\"-\": standard output).")
@click.option("--title", default="Military-diplomatic contacts", show_default=True,
              help="The page's title.")
@click.option("--physics/--no-physics", default=None,
              help="Let the layout settle in the browser [on up to 1,000 nodes; above that the "
                   "layout is computed here and stays still].")
def viz(store_at, projection, since, until, country, mode, person, hops, output, title,
        physics):
    """Write an interactive network page that opens offline in any browser.

    Colour by state (or class, or community) with a legend, shape by class, size by meetings in
    the current view, labels for the busiest nodes; filters (contacts involving a country,
    minimum meetings, dates), search by name or alias, a panel of whom a person met with the
    evidence, a timeline of contacts per month whose range you drag, the view kept in the URL.
    The file loads nothing from the network.

    \b
    Examples:
      kg viz --store kg-store --output network.html
      kg viz --projection countries --since 2023 --output countries.html
      kg viz --country AZ --output - > azerbaijan.html
    """
    from kg.analysis.network import summary
    from kg.analysis.viz import to_html, write_html

    graph = _build_network(store_at, projection, since, until, country, mode, person, hops)
    if output == "-":
        click.echo(to_html(graph, title=title, physics=physics), nl=False)
        click.echo(summary(graph), err=True)
        return
    write_html(graph, output, title=title, physics=physics)
    click.echo(f"Wrote {output}: {summary(graph)}")


def main():
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
