"""The `kg` command: a thin layer over the library API.

Exit codes (also in the README): 0 success; 1 an error (`Error: ...`) or a graph that does not
conform (`kg validate`); 2 bad usage; 3 a batch finished but some inputs failed (the rest stored).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError

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


def store_option(read_only: bool = False):
    """`--store DIR|URL`, from KG_STORE or ./kg-store by default."""
    return click.option(
        "--store", "store_location", envvar="KG_STORE", default="kg-store", show_default=True,
        help="Store directory (embedded Oxigraph), or the URL of a SPARQL endpoint. Env: KG_STORE.")


def format_option(choices, default):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=True, help="Output format.")


def open_for(location: str, read_only: bool):
    from kg.store import open_store

    return open_store(location, read_only=read_only)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli():
    """Build and query a knowledge graph of military-diplomatic contacts from news articles.

    \b
    Example:
      kg ingest data/ --store kg-store
      kg query 'SELECT * WHERE { ?m a <https://w3id.org/mdc#Meeting> }'
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@store_option()
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Parallel extraction processes.")
@click.option("--force", is_flag=True, help="Re-extract articles even when they are unchanged.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary and the failures.")
def ingest(paths, store_location, jobs, force, quiet):
    """Read articles (.txt, .jsonl, or directories of them) into the store.

    Each article becomes one named graph; re-ingesting an unchanged article changes nothing, a
    changed one replaces its graph. Bad inputs are reported and skipped; exit code 3 if any failed.

    \b
    Example:
      kg ingest data/seed-article.txt articles.jsonl --store kg-store
    """
    from kg.pipeline import ingest as run_ingest
    from kg.progress import Progress

    store = open_for(store_location, read_only=False)
    progress = Progress(enabled=not quiet)
    try:
        report = run_ingest(paths, store, jobs=jobs, force=force, on_progress=progress.update)
    finally:
        progress.close()
        store.close()
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    for failure in report.failed:
        click.echo(f"Failed: {failure}", err=True)
    click.echo(report.summary().capitalize())
    if report.failed:
        sys.exit(EXIT_PARTIAL)


@cli.command()
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.File("r", encoding="utf-8"),
              help="Read the query from a .rq file.")
@store_option(read_only=True)
@format_option(["table", "csv", "tsv", "json"], "table")
@click.option("--update", "allow_update", is_flag=True,
              help="Allow a SPARQL UPDATE (kg query is read-only without it).")
def query(sparql, query_file, store_location, fmt, allow_update):
    """Run a SPARQL query over the union of all article graphs.

    SELECT answers print as a table, CSV, TSV or SPARQL JSON; CONSTRUCT and DESCRIBE print Turtle.

    \b
    Example:
      kg query 'PREFIX mdc: <https://w3id.org/mdc#>
        SELECT DISTINCT ?a ?b WHERE { ?m a mdc:Meeting ; mdc:participant ?x, ?y .
          ?x rdfs:label ?a . ?y rdfs:label ?b . FILTER(STR(?a) < STR(?b)) }'
    """
    from kg.sparql import run_query

    if bool(sparql) == bool(query_file):
        raise click.UsageError("give either a SPARQL query or --file FILE")
    text = sparql or query_file.read()
    store = open_for(store_location, read_only=not allow_update)
    try:
        result = run_query(store, text, allow_update=allow_update)
    finally:
        store.close()
    if result is None:
        click.echo("Update applied.")
    else:
        click.echo(result.render(fmt), nl=False)


@cli.command()
@store_option(read_only=True)
@format_option(["turtle", "trig", "nquads", "ntriples", "jsonld", "rdfxml"], "turtle")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=str),
              help="Write to this file instead of standard output.")
def export(store_location, fmt, output):
    """Export the graph: TriG, N-Quads and JSON-LD keep one named graph per article; Turtle,
    N-Triples and RDF/XML merge them into one graph.

    \b
    Example:
      kg export --format turtle --output graph.ttl
    """
    from kg import export as exporter

    store = open_for(store_location, read_only=True)
    try:
        if output:
            exporter.export(store, fmt, output)
        else:
            exporter.write(store, fmt, sys.stdout.buffer)
            sys.stdout.flush()
    finally:
        store.close()


@cli.command()
@store_option(read_only=True)
def validate(store_location):
    """Check the graph against the SHACL shapes; exit code 1 and a report when it does not conform.

    \b
    Example:
      kg validate --store kg-store
    """
    from kg.validate import validate_store

    store = open_for(store_location, read_only=True)
    try:
        conforms, _, report_text = validate_store(store)
    finally:
        store.close()
    if conforms:
        click.echo("Conforms: the graph satisfies every shape.")
        return
    click.echo(report_text)
    sys.exit(1)


@cli.command()
@store_option(read_only=True)
@format_option(["table", "csv", "tsv", "json"], "table")
def stats(store_location, fmt):
    """Count what the store holds: entities per class, articles, and their date range.

    \b
    Example:
      kg stats --store kg-store
    """
    from kg.output import render
    from kg.stats import store_stats

    store = open_for(store_location, read_only=True)
    try:
        numbers = store_stats(store)
    finally:
        store.close()
    click.echo(render(["what", "count"], numbers.rows(), fmt), nl=False)


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
    invented forums, in varied press-release phrasing; the gold is in the format of eval/FORMAT.md.
    Deterministic for a seed, and streamed (50,000 articles take seconds and little memory).

    \b
    Example:
      kg synth corpus/ --count 1000 --seed 1 && kg ingest corpus/articles.jsonl
    """
    from kg.synth import write_corpus

    report = write_corpus(out_dir, count, seed=seed, prefix=prefix, gold_path=gold_path)
    click.echo(report.summary())


def main():
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
