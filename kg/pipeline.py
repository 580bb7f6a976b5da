"""The jobs: read articles -> extract facts -> resolve entities -> map to RDF -> store; remove
articles; resolve again; apply an analyst's curations.

`ingest()` is the library API the CLI and notebooks share. It never stops on a bad input: each
failure is recorded in the report with the input it came from, and the batch goes on. This module
only orchestrates: the readers are in `kg.read`, the extractor in `kg.extract`, and how articles
and the resolution state are written in `kg.graph.persistence`.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.budget import ARTICLE_SECONDS, extract_many
from kg.graph.curation import (CurationReport, articles_naming, check_curations, curation_iri, curation_quads,
                               involved_entities, read_curations, stored_curations, superseded)
from kg.graph.mapping import extraction_quads
from kg.graph.merge import ensure as ensure_merge, rebuild as rebuild_merge
from kg.graph.persistence import ARTICLES_PER_TRANSACTION, BatchWriter, Resolution, reconcile, settle
from kg.graph.resolution import block_of, normalize_extraction
from kg.graph.store import Store
from kg.graph.validation import nonconforming
from kg.graph.vocabulary import article_iri
from kg.model import Article, Extraction
from kg.read.inputs import InputIds, last_origins, read_inputs
from kg.read.items import ReadFailure, ReadSkip, ReadWarning
from kg.report import IngestReport, content_hash


def store_extraction(store: Store, extraction: Extraction, digest: str | None = None, resolve: bool = True) -> int:
    """Store one extraction; returns the number of quads written to its article graph.

    The extraction goes the way `ingest` takes it: resolved against the store's registry, with
    its records and the entities graph (so the default graph describes its persons) kept up to
    date. With ``resolve=False`` only the article graph is written, persons named by their own
    slug and left out of the default graph (no entity describes them).
    """
    if not resolve:
        quads = extraction_quads(extraction, content_hash=digest)
        writer = BatchWriter(store)
        writer.replace_article(article_iri(extraction.article.id), quads, [])
        writer.commit()
        return len(quads)
    digests = {extraction.article.origin: digest} if digest else {}
    return store_extractions(store, [extraction], digests=digests).quads


def ingest(paths: Iterable[str], store: Store, jobs: int = 1, force: bool = False,
           on_progress: Callable[[IngestReport], None] | None = None,
           count_first: bool = False, article_seconds: float | None = ARTICLE_SECONDS,
           fetcher=None, items: Iterable | None = None) -> IngestReport:
    """Ingest files, directories, URLs and feeds into the store; unchanged articles are skipped
    unless ``force``.

    ``count_first`` counts the articles before starting, so that progress can show an ETA.
    Each article's extraction has ``article_seconds`` (None: no limit); one over it fails alone.
    When an id comes several times in the inputs, the last article with that id is the one
    stored (the earlier ones are skipped, with a warning), so that a rerun changes nothing.
    URLs and feeds (a URL, or a saved `.xml`) are read through ``fetcher`` (a `kg.read.web.Fetcher`;
    one without a cache when None). ``items`` (articles and failures, as the readers give them)
    are ingested instead of ``paths`` when given: what `kg gdelt` does.
    """
    paths = list(paths)
    report = IngestReport()
    ids, total = last_origins(paths) if items is None else (InputIds(), 0)
    if count_first:
        report.total = total
    digests: dict[str, str] = {}

    def articles_to_extract() -> Iterator[Article]:
        seen_origins: set[str] = set()
        for item in (read_inputs(paths, fetcher) if items is None else items):
            if isinstance(item, ReadWarning):
                report.warnings.append(str(item))
                continue
            if isinstance(item, ReadSkip):
                report.skipped += 1
                report.warnings.append(str(item))
                if on_progress:
                    on_progress(report)
                continue
            if isinstance(item, ReadFailure):
                report.failed.append(str(item))
                if on_progress:
                    on_progress(report)
                continue
            if not ids.once(item.id):  # an id read once by the first pass has no other item at its origin
                if item.origin in seen_origins:  # the same file named twice on the command line
                    report.skipped += 1
                    report.warnings.append(f"{item.origin} (id {item.id}): skipped: read already (the same "
                                           "input is given twice)")
                    continue
                seen_origins.add(item.origin)
            last = ids.last_origin(item.id, item.origin)
            if last != item.origin:
                report.skipped += 1
                report.warnings.append(f"{item.origin} (id {item.id}): skipped: the same id comes again at "
                                       f"{last}; the later article is the one stored")
                continue
            digest = content_hash(item)
            if not force and store.content_hash(article_iri(item.id)) == digest:
                report.unchanged += 1
                if on_progress:
                    on_progress(report)
                continue
            digests[item.origin] = digest
            yield item

    window = _Window(max(64, 32 * jobs))

    def extractions() -> Iterator[Extraction]:
        try:
            for extraction in extract_many(window.feed(articles_to_extract()), jobs=jobs, seconds=article_seconds):
                window.release()
                yield extraction
        finally:
            window.close()

    return store_extractions(store, extractions(), report, digests, on_progress, check_shapes=True)


class _Window:
    """Bounds how far reading runs ahead of extraction: a process pool's ``imap`` reads its input
    as fast as it can, which would hold a whole corpus in memory; here reading waits once
    ``size`` articles are in flight."""

    def __init__(self, size: int):
        self.slots = threading.Semaphore(size)
        self.closed = False

    def feed(self, items: Iterable[Article]) -> Iterator[Article]:
        for item in items:
            while not self.slots.acquire(timeout=0.2):
                if self.closed:
                    return
            yield item

    def release(self) -> None:
        self.slots.release()

    def close(self) -> None:
        self.closed = True


def store_extractions(store: Store, extractions: Iterable[Extraction], report: IngestReport | None = None,
                      digests: dict[str, str] | None = None,
                      on_progress: Callable[[IngestReport], None] | None = None,
                      check_shapes: bool = False) -> IngestReport:
    """Resolve and store extractions (a stream), then reconcile what they touched.

    ``digests`` maps an article's origin to its content hash (recorded in its graph). With
    ``check_shapes`` (what `ingest` does), an article whose graph the shapes reject fails and is
    not stored; hand-made extractions in tests leave it off.
    """
    report = report or IngestReport()
    digests = digests if digests is not None else {}
    ensure_merge(store)
    resolution = Resolution(store)
    writer = BatchWriter(store, articles_per_transaction=None)  # committed once per batch (`_write_batch`)
    touched_blocks: set[str] = set()  # on a shared store only (`settle`); the final reconcile checks the unsettled
    touched_entities: set[str] = set()
    batch: list[tuple[Extraction, str | None]] = []

    def write_batch() -> None:
        blocks, entities = _write_batch(resolution, writer, batch, report, check_shapes)
        if store.shared:
            touched_blocks.update(blocks)
        touched_entities.update(entities)
        batch.clear()
        if on_progress:
            on_progress(report)

    try:
        for extraction in extractions:
            article = extraction.article
            if extraction.error:
                report.failed.append(f"{article.origin} (id {article.id}): extraction failed: {extraction.error}")
                digests.pop(article.origin, None)
                if on_progress:
                    on_progress(report)
                continue
            batch.append((extraction, digests.pop(article.origin, None)))
            if len(batch) >= ARTICLES_PER_TRANSACTION:
                write_batch()
        write_batch()
        report.reresolved = reconcile(store, resolution, BatchWriter(store), set(resolution.unsettled),
                                      touched_entities)
        if store.shared:
            report.reresolved += settle(store, touched_blocks)
    finally:
        store.flush()
    return report


def _write_batch(resolution: Resolution, writer: BatchWriter, batch: list[tuple[Extraction, str | None]],
                 report: IngestReport, check_shapes: bool = False) -> tuple[set[str], set[str]]:
    """Resolve and write a batch of articles in one transaction.

    All the batch's mentions are registered first, so that each surname block is clustered once
    per batch, not once per article. Returns the blocks touched and the entities to describe: those
    touched, and the persons of the settled blocks (`Resolution.check_blocks`); the unsettled blocks
    are marked pending, and held by ``resolution`` for the final reconcile.
    """
    latest = {extraction.article.id: i for i, (extraction, _) in enumerate(batch)}
    registered = []
    blocks: set[str] = set()
    entities: set[str] = set()
    for index, (extraction, digest) in enumerate(batch):
        article = extraction.article
        if latest[article.id] != index:  # the same id again later in the batch: the later one wins
            continue
        try:
            extraction = normalize_extraction(extraction)
            mentions, touched_blocks, touched_entities = resolution.put(extraction)
        except Exception as error:  # noqa: BLE001 - one bad article must not stop the batch
            report.failed.append(f"{article.origin} (id {article.id}): cannot resolve: {error}")
            continue
        blocks |= touched_blocks
        entities |= touched_entities
        registered.append((extraction, digest, mentions))
    resolution.read_blocks(blocks)
    prepared = []
    for extraction, digest, mentions in registered:
        article = extraction.article
        try:
            entities |= resolution.assign(mentions)
            quads, records = resolution.article_quads(extraction, mentions, digest)
        except Exception as error:  # noqa: BLE001
            report.failed.append(f"{article.origin} (id {article.id}): cannot store: {error}")
            blocks |= resolution.remove(article.id)[0]
            continue
        prepared.append((extraction, quads, records))
    rejected = nonconforming({e.article.id: quads for e, quads, _ in prepared}) if check_shapes else {}
    for extraction, quads, records in prepared:
        article = extraction.article
        if article.id in rejected:  # never store what `kg validate` would reject
            report.failed.append(f"{article.origin} (id {article.id}): not stored: its graph breaks the "
                                 f"shapes: {rejected[article.id]}")
            blocks |= resolution.remove(article.id)[0]
            continue
        writer.replace_article(article_iri(article.id), quads, records)
        report.quads += len(quads)
        report.ingested += 1
        report.warnings.extend(f"{article.origin}: {w}" for w in extraction.warnings)
    unsettled, settled_persons = resolution.check_blocks(blocks)
    entities |= settled_persons
    writer.add(resolution.pending_quads(unsettled, entities))
    writer.commit()
    resolution.registry.commit()  # the batch is stored: its mentions join their blocks' classes
    resolution.registry.forget()  # the next batch recomputes the blocks it touches
    resolution.trim(keep=blocks)
    return blocks, entities


def remove(article_ids: Iterable[str], store: Store) -> tuple[list[str], list[str]]:
    """Drop articles (their graphs and records) and re-resolve what they touched.

    Returns (removed ids, ids not in the store).
    """
    resolution = Resolution(store)
    writer = BatchWriter(store)
    removed, missing = [], []
    blocks: set[str] = set()
    entities: set[str] = set()
    for article_id in article_ids:
        graph = article_iri(article_id)
        if store.content_hash(graph) is None:
            missing.append(article_id)
            continue
        touched_blocks, touched_entities = resolution.remove(article_id)
        blocks |= touched_blocks
        entities |= touched_entities
        writer.remove_article(graph)
        writer.add(resolution.pending_quads(touched_blocks, touched_entities))
        removed.append(article_id)
    writer.commit()
    reconcile(store, resolution, writer, blocks, entities)
    store.flush()
    return removed, missing


def resolve_all(store: Store) -> int:
    """Re-run resolution over every stored mention (after new rules or curations); returns the
    number of articles re-mapped."""
    rebuild_merge(store)
    resolution = Resolution(store, eager=True)
    writer = BatchWriter(store)
    blocks = set(resolution.registry.blocks)
    entities = {m.iri for mentions in resolution.registry.articles.values() for m in mentions if m.iri}
    remapped = reconcile(store, resolution, writer, blocks, entities)
    store.flush()
    return remapped


def apply_curations(store: Store, path: str | Path) -> CurationReport:
    """Validate a curation file against the store, store it, and re-map what it touches."""
    specs = read_curations(path)
    stored = stored_curations(store)
    report = CurationReport()
    report.already = sum(curation_iri(spec).value in stored for spec in specs)
    specs = [spec for spec in specs if curation_iri(spec).value not in stored]  # applied before: done
    if not specs:  # nothing new; finish what an interrupted run left pending, if anything
        pending = Resolution(store)
        if pending.pending_articles or pending.pending_blocks or pending.pending_entities:
            report.remapped = reconcile(store, pending, BatchWriter(store), set(), set())
        return report
    before = Resolution(store)
    check_curations(store, specs, before)
    # what the curations touch: the articles naming the entities, and those persons' blocks
    involved = set().union(*(involved_entities(spec) for spec in specs))
    articles = articles_naming(store, involved, before)
    blocks = {block_of(mention) for article in articles for mention in before.mentions(article)}
    writer = BatchWriter(store, articles_per_transaction=None)  # one transaction
    for spec in specs:
        for graph, subject, predicate in superseded(spec, before.curation.specs):
            writer.delete_subject(graph, subject, predicate)
        writer.add(curation_quads(spec))
        report.applied += 1
    # the re-mapping still to do is marked in the same transaction: a crash is finished by the next run
    writer.add(before.pending_quads(blocks, involved, articles))
    writer.commit()
    after = Resolution(store)  # with the new curations and the pending marks
    report.remapped = reconcile(store, after, BatchWriter(store), set(), set())
    store.flush()
    return report
