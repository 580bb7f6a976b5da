"""The main job: read articles -> extract facts -> resolve entities -> map to RDF -> store.

`ingest()` is the library API the CLI and notebooks share. It never stops on a bad input: each
failure is recorded in the report with the input it came from, and the batch goes on.

How the store stays one graph (see README, "Ingest at scale" and "Entity resolution"):

- one named graph per article, replaced in one transaction (several articles per transaction);
  the article's content hash lives in its graph, so an unchanged article is skipped;
- beside each article graph, in the resolution graph, its person mentions and its extraction
  (JSON literals): the registry that resolution reads, and what lets `kg` re-map an article
  without re-reading it;
- when a mention enters or leaves a surname block, the articles of that block whose persons now
  resolve to other IRIs are re-mapped (`reconcile`), so the final graph does not depend on the
  order of ingestion; blocks and entities still to reconcile are marked in the store in the same
  transactions, so a crash is finished by the next run.
"""
from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator
from urllib.parse import unquote

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from kg import __version__
from kg.budget import ARTICLE_SECONDS, extract_many
from kg.extract import extractor_version
from kg.read.html import HTML_SUFFIXES
from kg.read.files import ReadFailure, ReadSkip, ReadWarning, read_articles, read_jsonl, read_txt, walk_inputs
from kg.graph.merge import ensure as ensure_merge, merge_quads, rebuild as rebuild_merge, retract, target_of
from kg.model import Article, Extraction
from kg.graph.mapping import (ENTITIES_GRAPH, ID, RDF_TYPE, RESOLUTION_GRAPH, RDFS_LABEL, article_iri, extraction_quads, mdc,
                    organization_iri, party_iri, person_iri)
from kg.graph.validation import nonconforming
from kg.graph.resolution import (Mention, Registry, block_of, entity_description, extraction_from_json,
                        extraction_to_json, mentions_of, normalize_extraction)

MENTION_RECORDS = mdc("mentionRecords")
EXTRACTION_RECORD = mdc("extractionRecord")
PENDING_BLOCK = mdc("pendingBlock")
PENDING_ENTITY = mdc("pendingEntity")
PENDING_ARTICLE = mdc("pendingArticle")
MENTION_BLOCK = mdc("mentionBlock")
MENTION_ENTITY = mdc("mentionEntity")
REGISTRY_BUDGET = 20_000  # person mentions kept in memory while ingesting (lazy registry)
ARTICLES_PER_TRANSACTION = 64  # articles written (and their blocks clustered) per transaction
FLUSH_EVERY_COMMITS = 4  # flush the store's memtables to disk every 4 transactions: flat memory


@dataclass
class IngestReport:
    ingested: int = 0
    unchanged: int = 0
    skipped: int = 0  # not failures: e.g. an article in another language
    failed: list[str] = field(default_factory=list)  # "origin: reason"
    warnings: list[str] = field(default_factory=list)
    quads: int = 0
    reresolved: int = 0  # other articles re-mapped because resolution changed
    total: int | None = None  # articles expected, when counted beforehand (for the ETA)
    started: float = field(default_factory=time.monotonic)

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def done(self) -> int:
        return self.ingested + self.unchanged + self.skipped + len(self.failed)

    def summary(self) -> str:
        text = (f"ingested {self.ingested}, unchanged {self.unchanged}, failed {len(self.failed)}"
                + (f", skipped {self.skipped}" if self.skipped else "")
                + f" ({self.quads} quads written")
        if self.reresolved:
            text += f"; {self.reresolved} earlier articles re-resolved"
        elapsed = time.monotonic() - self.started
        return text + f"; {elapsed:.1f} s)"


def content_hash(article: Article) -> str:
    """What decides whether an article changed: its fields and the extractor's version.

    A new extractor version makes every article count as changed, so re-ingesting re-reads it.
    """
    fields = [__version__, extractor_version(), article.id, article.text, article.url, article.title,
              article.date, article.source]
    if article.gdelt:  # only when present: the hashes of other articles stay as they were
        fields.append(article.gdelt)
    payload = json.dumps(fields, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def article_id_of(graph: NamedNode) -> str:
    return unquote(graph.value[len(ID + "article/"):])


# ------------------------------------------------------------------ writing in transactions


class BatchWriter:
    """Collects article replacements and commits them as one SPARQL update (one transaction)."""

    def __init__(self, store, articles_per_transaction: int = ARTICLES_PER_TRANSACTION):
        self.store = store
        self.limit = articles_per_transaction
        self.operations: list[str] = []
        self.inserts: list[Quad] = []
        self.articles = 0
        self.quads_written = 0
        self.graphs: set[NamedNode] = set()  # article graphs replaced in this transaction
        self.commits = 0
        self.target = target_of(store)  # where the merge goes (the default graph, but on Virtuoso)

    def replace_article(self, graph: NamedNode, quads: list[Quad], records: list[Quad]) -> None:
        if graph in self.graphs:  # drops run before inserts in one update: keep one version per commit
            self.commit()
        self.graphs.add(graph)
        self._drop(graph)
        self.inserts.extend(quads)
        self.inserts.extend(records)
        self.quads_written += len(quads)
        self._count()

    def remove_article(self, graph: NamedNode) -> None:
        if graph in self.graphs:
            self.commit()
        self.graphs.add(graph)
        self._drop(graph)
        self._count()

    def _drop(self, graph: NamedNode) -> None:
        """Drop an article's graph and records, and what only it contributed to the default graph."""
        self.operations.append(retract(graph, target=self.target))
        self.operations.append(f"DROP SILENT GRAPH {graph}")
        self.operations.append(f"DELETE WHERE {{ GRAPH {RESOLUTION_GRAPH} {{ {graph} ?p ?o }} }}")

    def add(self, quads: Iterable[Quad]) -> None:
        self.inserts.extend(quads)

    def delete_subject(self, graph: NamedNode, subject: NamedNode, predicate: NamedNode | None = None) -> None:
        """Delete a subject's triples (of one predicate) from a graph, and from the default graph
        what no other graph contributes."""
        self.operations.append(retract(graph, subject, predicate, self.target))
        pattern = f"{subject} {predicate if predicate is not None else '?p'} ?o"
        self.operations.append(f"DELETE WHERE {{ GRAPH {graph} {{ {pattern} }} }}")

    def _count(self) -> None:
        self.articles += 1
        if self.articles >= self.limit:
            self.commit()

    def commit(self) -> None:
        if not self.operations and not self.inserts:
            return
        operations = list(self.operations)
        if self.inserts:
            quads = self.inserts + list(merge_quads(self.inserts, self.target))
            per_insert = getattr(self.store, "quads_per_insert", None) or len(quads)
            operations += [insert_data(quads[start:start + per_insert]) for start in range(0, len(quads), per_insert)]
        run_operations(self.store, operations)
        self.operations, self.inserts, self.articles = [], [], 0
        self.graphs = set()
        self.commits += 1
        if self.commits % FLUSH_EVERY_COMMITS == 0:
            self.store.flush()  # RocksDB's memtables otherwise grow with the corpus (+60 MB/1000 articles)


def run_operations(store, operations: list[str]) -> None:
    """Run update operations as one request (one transaction), or, on a server that cannot take
    many at once (Virtuoso compiles a request into bounded SQL), a few at a time."""
    per_request = getattr(store, "operations_per_request", None)
    if not per_request:
        store.update(" ;\n".join(operations))
        return
    for start in range(0, len(operations), per_request):
        store.update(" ;\n".join(operations[start:start + per_request]))


def insert_data(quads: Iterable[Quad]) -> str:
    """One INSERT DATA operation for quads of any graphs (the default graph's as plain triples)."""
    by_graph: dict[object, set[str]] = {}
    for quad in quads:
        by_graph.setdefault(quad.graph_name, set()).add(str(quad.triple))
    parts = []
    for graph, triples in by_graph.items():
        body = " .\n".join(sorted(triples))
        parts.append(body + " ." if isinstance(graph, DefaultGraph) else f"GRAPH {graph} {{\n{body} }}")
    return "INSERT DATA { " + "\n".join(parts) + " }"


# ------------------------------------------------------------------ resolution state


class Resolution:
    """The registry of person mentions and the curations, read from the store.

    Writers use it lazily (``eager=False``): a surname block's mentions are read from the
    resolution graph when the block is first needed, and dropped when the registry grows past
    `REGISTRY_BUDGET` mentions, so memory does not grow with the corpus. Readers that list every
    entity load it all (``eager=True``).
    """

    def __init__(self, store, curation=None, eager: bool = False):
        from kg.graph.curation import CurationState

        self.store = store
        self.curation = curation if curation is not None else CurationState.load(store)
        if eager:
            self.registry = Registry(self.curation.persons)
            query = f"SELECT ?r WHERE {{ GRAPH {RESOLUTION_GRAPH} {{ ?g {MENTION_RECORDS} ?r }} }}"
            for row in store.query(query):
                mentions = _parse_mentions(row["r"].value)
                if mentions:
                    self.registry.put(mentions[0].article, mentions)
        else:
            self.registry = Registry(self.curation.persons, self._load_blocks, self._load_article)
        self.pending_blocks: set[str] = set()
        self.pending_entities: set[str] = set()
        self.pending_articles: set[str] = set()  # to re-map whatever resolution says (curation)
        pending = (f"SELECT ?p ?v WHERE {{ GRAPH {RESOLUTION_GRAPH} {{ {RESOLUTION_GRAPH} ?p ?v }} }}")
        for row in store.query(pending):
            if row["p"] == PENDING_BLOCK:
                self.pending_blocks.add(row["v"].value)
            elif row["p"] == PENDING_ENTITY:
                self.pending_entities.add(row["v"].value)
            elif row["p"] == PENDING_ARTICLE:
                self.pending_articles.add(row["v"].value)

    def _load_blocks(self, blocks: set[str]) -> dict[str, list[Mention]]:
        found: dict[str, list[Mention]] = {}
        ordered = sorted(blocks)
        for start in range(0, len(ordered), 200):
            values = " ".join(str(Literal(b)) for b in ordered[start:start + 200])
            query = (f"SELECT DISTINCT ?r WHERE {{ VALUES ?b {{ {values} }} GRAPH {RESOLUTION_GRAPH} "
                     f"{{ ?g {MENTION_BLOCK} ?b ; {MENTION_RECORDS} ?r }} }}")
            for row in self.store.query(query):
                mentions = _parse_mentions(row["r"].value)
                if mentions:
                    found[mentions[0].article] = mentions
        return found

    def _load_article(self, article_id: str) -> list[Mention] | None:
        query = (f"SELECT ?r WHERE {{ GRAPH {RESOLUTION_GRAPH} {{ {article_iri(article_id)} "
                 f"{MENTION_RECORDS} ?r }} }}")
        for row in self.store.query(query):
            return _parse_mentions(row["r"].value)
        return None

    def members_of(self, iri: str) -> list[Mention]:
        """Every stored mention resolved to this IRI (read from the store: what is committed)."""
        query = (f"SELECT DISTINCT ?r WHERE {{ GRAPH {RESOLUTION_GRAPH} {{ ?g {MENTION_ENTITY} "
                 f"{NamedNode(iri)} ; {MENTION_RECORDS} ?r }} }}")
        members = [m for row in self.store.query(query) for m in _parse_mentions(row["r"].value) if m.iri == iri]
        return sorted(members, key=lambda m: m.ref)

    def mentions(self, article_id: str) -> list[Mention]:
        return self.registry.mentions(article_id)

    def put(self, extraction: Extraction) -> tuple[list[Mention], set[str], set[str]]:
        """Register an article's mentions; returns them, the blocks and the entities touched."""
        old = self.mentions(extraction.article.id)
        entities = {m.iri for m in old if m.iri}
        mentions = mentions_of(extraction)
        blocks = self.registry.put(extraction.article.id, mentions)
        return mentions, blocks, entities

    def remove(self, article_id: str) -> tuple[set[str], set[str]]:
        old = self.mentions(article_id)
        return self.registry.remove(article_id), {m.iri for m in old if m.iri}

    def assign(self, mentions: list[Mention]) -> set[str]:
        """Give each mention its current IRI; returns the entities whose members changed."""
        changed = set()
        for mention in mentions:
            iri = self.registry.iri_for(mention.article, mention.key)
            if iri != mention.iri:
                changed.update(x for x in (mention.iri, iri) if x)
                mention.iri = iri
        return changed

    def trim(self, keep: Iterable[str] = ()) -> None:
        """Keep the registry within its budget (only what is committed may be dropped)."""
        if self.registry.size() > REGISTRY_BUDGET:
            self.registry.evict(keep)

    def article_quads(self, extraction: Extraction, mentions: list[Mention],
                      digest: str | None) -> tuple[list[Quad], list[Quad]]:
        """The article graph's quads and its records for the resolution graph."""
        iris = {m.key: m.iri for m in mentions if m.iri}

        def person_iri_for(person):
            return NamedNode(iris[person.key]) if person.key in iris else person_iri(person)

        quads = extraction_quads(extraction, person_iri_for=person_iri_for, content_hash=digest)
        quads = self.curation.apply(quads)
        graph = article_iri(extraction.article.id)
        records = [Quad(graph, EXTRACTION_RECORD, Literal(extraction_to_json(extraction)), RESOLUTION_GRAPH),
                   Quad(graph, MENTION_RECORDS,
                        Literal(json.dumps([m.to_json() for m in mentions], ensure_ascii=False,
                                           separators=(",", ":"))), RESOLUTION_GRAPH)]
        # indexes to find an article's record by surname block and by entity
        records += [Quad(graph, MENTION_BLOCK, Literal(block), RESOLUTION_GRAPH)
                    for block in sorted({block_of(m) for m in mentions})]
        records += [Quad(graph, MENTION_ENTITY, NamedNode(iri), RESOLUTION_GRAPH)
                    for iri in sorted({m.iri for m in mentions if m.iri})]
        return quads, records

    def pending_quads(self, blocks: Iterable[str], entities: Iterable[str],
                      articles: Iterable[str] = ()) -> list[Quad]:
        """Marks of work still to do, written in the same transaction as what makes it necessary."""
        quads = [Quad(RESOLUTION_GRAPH, PENDING_BLOCK, Literal(b), RESOLUTION_GRAPH) for b in blocks]
        quads += [Quad(RESOLUTION_GRAPH, PENDING_ENTITY, Literal(e), RESOLUTION_GRAPH) for e in entities]
        quads += [Quad(RESOLUTION_GRAPH, PENDING_ARTICLE, Literal(a), RESOLUTION_GRAPH) for a in articles]
        return quads

    def description_quads(self, iri: str) -> list[Quad]:
        """One person's description in the entities graph (empty when no mention resolves to it)."""
        members = self.members_of(iri)
        if not members or iri in self.curation.rejected_nodes:
            return []
        description = entity_description(iri, members)
        node = NamedNode(iri)
        quads = []

        def add(subject, predicate, obj):
            quads.append(Quad(subject, predicate, obj, ENTITIES_GRAPH))

        curated = self.curation.attributes.get(iri, {})
        add(node, RDF_TYPE, mdc("Person"))
        add(node, RDFS_LABEL, Literal(curated.get("label") or description["label"]))
        for alias in description["aliases"]:
            add(node, mdc("alias"), Literal(alias))
        for attribute in ("rank", "position"):
            value = curated.get(attribute, description[attribute])
            if value:
                add(node, mdc(attribute), Literal(value))
        country = curated.get("country", description["country"])
        if country:  # the country's own description is in the article graphs (and never changes)
            add(node, mdc("country"), party_iri(country))
        organization = curated.get("organization", description["organization"])
        if organization:
            add(node, mdc("organization"), organization_iri(organization))
        return quads


def explain_person(resolution: Resolution, name: str) -> list[tuple[str, str, Mention, "object"]]:
    """(entity IRI, entity label, mention, link) for every mention of the persons named like
    ``name``: those the rules put in its surname block, and those merged into them by curation."""
    from kg.graph.resolution import preferred_name

    registry = resolution.registry
    iris = {cluster.iri for cluster in registry.clusters_named(name)}
    rows = []
    for iri in sorted(iris):
        members = resolution.members_of(iri)
        if not members:
            members = [m for cluster in registry.clusters_named(name) if cluster.iri == iri
                       for m in cluster.members]
        label = resolution.curation.attributes.get(iri, {}).get("label") or preferred_name(members)
        for mention in members:
            link = next((c.links.get(mention.ref) for c in registry.clusters(block_of(mention))
                         if mention.ref in c.links), None)
            rows.append((iri, label, mention, link))
    return rows


def _parse_mentions(text: str) -> list[Mention]:
    return [Mention.from_json(item) for item in json.loads(text)]


def _load_extraction(store, graph: NamedNode) -> Extraction | None:
    query = f"SELECT ?x WHERE {{ GRAPH {RESOLUTION_GRAPH} {{ {graph} {EXTRACTION_RECORD} ?x }} }}"
    for row in store.query(query):
        return extraction_from_json(row["x"].value)
    return None


def reconcile(store, resolution: Resolution, writer: BatchWriter, blocks: set[str],
              entities: set[str], remapped_blocks: set[str] | None = None) -> int:
    """Re-map the articles whose persons now resolve differently; rewrite entity descriptions.

    Returns the number of articles re-mapped (their surname blocks are added to
    ``remapped_blocks``). Clears the pending marks it handled when done (another writer of a team
    store may have left others).
    """
    blocks = set(blocks) | resolution.pending_blocks
    entities = set(entities) | resolution.pending_entities
    remapped = 0
    registry = resolution.registry
    stale = set(resolution.pending_articles)
    for block in sorted(blocks):  # one block at a time, forgetting its clusters after
        stale |= registry.stale_articles([block])
        entities.update(cluster.iri for cluster in registry.clusters(block))
        registry.forget(block)
        resolution.trim()
    for article_id in sorted(stale):
        graph = article_iri(article_id)
        extraction = _load_extraction(store, graph)
        mentions = resolution.mentions(article_id)
        if extraction is None:  # records lost: nothing to re-map from (should not happen)
            continue
        changed = resolution.assign(mentions)
        entities |= changed
        quads, records = resolution.article_quads(extraction, mentions, store.content_hash(graph))
        writer.add(resolution.pending_quads((), changed))  # in the same transaction as the article
        writer.replace_article(graph, quads, records)
        remapped += 1
        if remapped_blocks is not None:
            remapped_blocks.update(block_of(m) for m in mentions)
        if writer.articles == 0:  # just committed: what is in memory may be dropped
            registry.forget()
            resolution.trim()
    writer.commit()  # descriptions are read from the committed records
    for iri in sorted(entities):
        writer.delete_subject(ENTITIES_GRAPH, NamedNode(iri))
        writer.add(resolution.description_quads(iri))
        writer.articles += 1  # a description counts like an article towards the transaction size
        if writer.articles >= writer.limit:
            writer.commit()
    writer.commit()
    done = resolution.pending_quads(blocks, entities, stale)
    for start in range(0, len(done), 5000):
        store.update("DELETE DATA { GRAPH %s { %s } }" % (
            RESOLUTION_GRAPH, " .\n".join(str(quad.triple) for quad in done[start:start + 5000])))
    resolution.pending_blocks.clear()
    resolution.pending_entities.clear()
    resolution.pending_articles.clear()
    return remapped


def settle(store, blocks: set[str], rounds: int = 8) -> int:
    """On a store other writers share (a team store), check again from what it holds now that the
    articles of these blocks are mapped as resolution says, and their persons described from all
    their mentions; re-map and re-check until nothing changes. Returns the articles re-mapped.

    Two ingests at once each resolve against what they see; whichever writes a block last checks
    it after its last write, so the store ends as one ingest of all the articles leaves it.
    """
    remapped = 0
    blocks = set(blocks)
    for _ in range(rounds):
        more: set[str] = set()
        count = reconcile(store, Resolution(store), BatchWriter(store), blocks, set(), more)
        remapped += count
        if not count:
            break
        blocks |= more
    return remapped


# ------------------------------------------------------------------ the API


def store_extraction(store, extraction: Extraction, digest: str | None = None, resolve: bool = True) -> int:
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


def ingest(paths: Iterable[str], store, jobs: int = 1, force: bool = False,
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
    last_origins, total = _last_origins(paths) if items is None else ({}, 0)
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
            if item.origin in seen_origins:  # the same file named twice on the command line
                report.skipped += 1
                report.warnings.append(f"{item.origin} (id {item.id}): skipped: read already (the same input "
                                       "is given twice)")
                continue
            seen_origins.add(item.origin)
            last = last_origins.get(item.id, item.origin)
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


def read_inputs(paths: Iterable[str], fetcher=None) -> Iterator:
    """Articles (with failures, skips and warnings in line) from each input in turn: a URL (a page
    or a feed), a saved feed (`.xml`), else a file or directory."""
    from kg.read.feeds import FEED_SUFFIXES, read_feed_file
    from kg.read.web import Fetcher, is_url, read_urls

    for path in paths:
        web = is_url(path) or str(path).lower().endswith(FEED_SUFFIXES)
        if web and fetcher is None:
            fetcher = Fetcher()
        if is_url(path):
            yield from read_urls([path], fetcher)
        elif str(path).lower().endswith(FEED_SUFFIXES):
            yield from read_feed_file(Path(path), fetcher)
        else:
            yield from read_articles([path])


def _last_origins(paths: list[str]) -> tuple[dict[str, str], int]:
    """Where each id comes last in the inputs (a first, light pass: ids only, no extraction), and
    how many items the inputs hold (for the ETA). A URL or a feed counts one (it is not fetched twice)."""
    from kg.read.feeds import FEED_SUFFIXES
    from kg.read.web import is_url

    last: dict[str, str] = {}
    total = 0
    for raw_path in paths:
        if is_url(raw_path) or str(raw_path).lower().endswith(FEED_SUFFIXES):
            total += 1
            continue
        path = Path(raw_path)
        try:
            found = list(walk_inputs(path)) if path.is_dir() else [path]
        except (OSError, ValueError):
            continue
        files = [f for f in found if isinstance(f, Path)]
        total += len(found) - len(files)  # skipped and failed entries of a directory
        for file in files:
            if file.suffix.lower() in HTML_SUFFIXES:  # one article, its id the file's name: not parsed twice
                last[file.stem] = str(file)
                total += 1
                continue
            reader = read_jsonl if file.suffix.lower() == ".jsonl" else read_txt
            for item in reader(file):
                if isinstance(item, Article):
                    last[item.id] = item.origin
                if not isinstance(item, ReadWarning):
                    total += 1
    return last, total


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


def store_extractions(store, extractions: Iterable[Extraction], report: IngestReport | None = None,
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
    writer = BatchWriter(store, articles_per_transaction=10 ** 9)  # committed once per batch
    touched_blocks: set[str] = set()
    touched_entities: set[str] = set()
    batch: list[tuple[Extraction, str | None]] = []

    def write_batch() -> None:
        blocks, entities = _write_batch(resolution, writer, batch, report, check_shapes)
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
        report.reresolved = reconcile(store, resolution, BatchWriter(store), touched_blocks, touched_entities)
        if getattr(store, "shared", False):
            report.reresolved += settle(store, touched_blocks)
    finally:
        store.flush()
    return report


def _write_batch(resolution: Resolution, writer: BatchWriter, batch: list[tuple[Extraction, str | None]],
                 report: IngestReport, check_shapes: bool = False) -> tuple[set[str], set[str]]:
    """Resolve and write a batch of articles in one transaction.

    All the batch's mentions are registered first, so that each surname block is clustered once
    per batch, not once per article. Returns the blocks and entities touched.
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
    writer.add(resolution.pending_quads(blocks, entities))
    writer.commit()
    resolution.registry.forget()  # the next batch recomputes the blocks it touches
    resolution.trim(keep=blocks)
    return blocks, entities


def remove(article_ids: Iterable[str], store) -> tuple[list[str], list[str]]:
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


def resolve_all(store) -> int:
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


def remap_articles(store, article_ids: Iterable[str], resolution: Resolution | None = None) -> int:
    """Re-map stored articles from their extraction records (after a curation touching them)."""
    resolution = resolution or Resolution(store)
    writer = BatchWriter(store)
    count = 0
    for article_id in sorted(set(article_ids)):
        graph = article_iri(article_id)
        extraction = _load_extraction(store, graph)
        if extraction is None:
            continue
        mentions = resolution.mentions(article_id)
        resolution.assign(mentions)
        quads, records = resolution.article_quads(extraction, mentions, store.content_hash(graph))
        writer.replace_article(graph, quads, records)
        count += 1
    writer.commit()
    store.flush()
    return count
