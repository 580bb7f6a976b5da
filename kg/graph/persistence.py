"""Persistence: writing articles and the resolution state to a store, in transactions.

How the store stays one graph (see README, "Ingest at scale" and "Entity resolution"):

- one named graph per article, replaced in one transaction (several articles per transaction);
  the article's content hash lives in its graph, so an unchanged article is skipped;
- beside each article graph, in the resolution graph, its person mentions (each with its name's
  parsed parts, so reading them back parses no name) and its extraction (JSON literals): the
  registry that resolution reads, and what lets `kg` re-map an article without re-reading it;
- when a mention enters or leaves a surname block, the articles of that block whose persons now
  resolve to other IRIs are re-mapped (`reconcile`), so the final graph does not depend on the
  order of ingestion; blocks and entities still to reconcile are marked in the store in the same
  transactions, so a crash is finished by the next run.
"""
from __future__ import annotations

import json
from typing import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from kg.graph.curation import CurationState
from kg.graph.mapping import extraction_quads, organization_iri, party_iri, person_iri
from kg.graph.merge import merge_quads, retract, target_of
from kg.graph.resolution import (MentionRegistry, PersonMention, block_of, entity_description,
                                 extraction_from_json, extraction_to_json, mentions_of, preferred_name)
from kg.graph.store import Store
from kg.graph.updates import insert_data, run_operations
from kg.graph.vocabulary import ENTITIES_GRAPH, RDFS_LABEL, RDF_TYPE, RESOLUTION_GRAPH, article_iri, mdc
from kg.model import Extraction

MENTION_RECORDS = mdc("mentionRecords")
EXTRACTION_RECORD = mdc("extractionRecord")
PENDING_BLOCK = mdc("pendingBlock")
PENDING_ENTITY = mdc("pendingEntity")
PENDING_ARTICLE = mdc("pendingArticle")
MENTION_BLOCK = mdc("mentionBlock")
MENTION_ENTITY = mdc("mentionEntity")
REGISTRY_BUDGET = 20_000  # person mentions kept in memory while ingesting (lazy registry)
# mention classes kept in memory as objects while ingesting (about 0.8 KB each); past it, those of the
# blocks used longest ago are packed (`MentionRegistry.evict(freeze=True)`, about 0.15 KB each) down to 3/4
# of it, but for the unsettled blocks (`Resolution.check_blocks`), and unpacked when a batch uses them
# again. Held as objects, the classes of the whole store grew with it (2,886 at 10,000 synthetic articles,
# 13,194 at 50,000); dropped instead of packed, a block used again is read again from its records, which
# costs more memory (in the store's caches) than its classes: with 4,096 dropped so, a peak of 142 MiB at
# 50,000 articles against 137 (bench/README.md, section 8)
CLASS_BUDGET = 4096
ARTICLES_PER_TRANSACTION = 64  # articles written (and their blocks clustered) per transaction
# stored articles re-mapped per transaction by `reconcile`, the store's caches emptied after each full one: replacing
# a stored graph writes twice what writing a new one does (its old quads out, the new in) and reads the
# store to take its triples out of the merged default graph; at 30,000 articles each transaction of 64
# kept 25 to 40 MiB more in the open store, up to 110 MiB over 4 transactions (bench/README.md, section 8)
REMAP_ARTICLES_PER_TRANSACTION = 16
FLUSH_EVERY_COMMITS = 4  # flush the store's memtables to disk every 4 transactions: flat memory
# empty RocksDB's caches every 4 transactions (`Store.release_memory`): they keep what was read,
# and a long ingest reads the growing store (its final reconcile, every record)
RELEASE_MEMORY_EVERY_COMMITS = 4
# and after reading this many characters of mention records: re-mapping an article can read its
# surname blocks' records again, thousands of them for a common surname (150 MiB of caches between
# two commits at 50,000 articles)
RELEASE_MEMORY_AFTER_READING = 16_000_000


# ------------------------------------------------------------------ writing in transactions


class BatchWriter:
    """Collects article replacements and commits them as one SPARQL update (one transaction):
    by itself every ``articles_per_transaction`` units (articles, or entity descriptions), or,
    with None, only when told (`commit`)."""

    def __init__(self, store: Store, articles_per_transaction: int | None = ARTICLES_PER_TRANSACTION):
        self.store = store
        self.limit = articles_per_transaction
        self.operations: list[str] = []
        self.inserts: list[Quad] = []
        self.articles = 0
        self.quads_written = 0
        self.graphs: set[NamedNode] = set()  # article graphs replaced in this transaction
        self.commits = 0
        self.release_every = RELEASE_MEMORY_EVERY_COMMITS  # empty the store's caches every so many commits
        self.target = target_of(store)  # where the merge goes (the default graph, but on Virtuoso)

    def replace_article(self, graph: NamedNode, quads: list[Quad], records: list[Quad]) -> None:
        if graph in self.graphs:  # drops run before inserts in one update: keep one version per commit
            self.commit()
        self.graphs.add(graph)
        self._drop(graph)
        self.inserts.extend(quads)
        self.inserts.extend(records)
        self.quads_written += len(quads)
        self.count()

    def remove_article(self, graph: NamedNode) -> None:
        if graph in self.graphs:
            self.commit()
        self.graphs.add(graph)
        self._drop(graph)
        self.count()

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

    def count(self) -> None:
        """One more unit of work in this transaction; commits when it is full."""
        self.articles += 1
        if self.limit is not None and self.articles >= self.limit:
            self.commit()

    def commit(self, last: bool = False) -> None:
        """Run what was collected as one transaction. ``last``: this writer is done, and its caller
        flushes the store, so its caches are not emptied (a reopening costs 0.1 to 0.3 s: at 1,000
        articles, a third of the final reconcile)."""
        if not self.operations and not self.inserts:
            return
        operations = list(self.operations)
        if self.inserts:
            quads = self.inserts + list(merge_quads(self.inserts, self.target))
            per_insert = self.store.quads_per_insert or len(quads)
            operations += [insert_data(quads[start:start + per_insert]) for start in range(0, len(quads), per_insert)]
        run_operations(self.store, operations)
        self.operations, self.inserts, self.articles = [], [], 0
        self.graphs = set()
        self.commits += 1
        if last:
            return
        if self.commits % self.release_every == 0:
            self.store.release_memory()  # flushes too
        elif self.commits % FLUSH_EVERY_COMMITS == 0:
            self.store.flush()  # RocksDB's memtables otherwise grow with the corpus (+60 MB/1000 articles)


# ------------------------------------------------------------------ resolution state


class Resolution:
    """The registry of person mentions and the curations, read from the store.

    Writers use it lazily (``eager=False``): a surname block's mentions are read from the
    resolution graph when the block is first needed and kept as its classes
    (`kg.graph.resolution.MentionRegistry`); those of the blocks used longest ago are packed when the
    registry holds more than `CLASS_BUDGET` classes (or `REGISTRY_BUDGET` mentions). Readers that
    list every entity load it all (``eager=True``).
    """

    def __init__(self, store: Store, curation=None, eager: bool = False):
        self.store = store
        self.curation = curation if curation is not None else CurationState.load(store)
        if eager:
            self.registry = MentionRegistry(self.curation.persons)
            query = f"SELECT ?r WHERE {{ GRAPH {RESOLUTION_GRAPH} {{ ?g {MENTION_RECORDS} ?r }} }}"
            for row in store.query(query):
                mentions = _parse_mentions(row["r"].value)
                if mentions:
                    self.registry.put(mentions[0].article, mentions)
        else:
            self.registry = MentionRegistry(self.curation.persons, self._load_blocks, self._load_article,
                                            self._load_named)
        self.characters_read = 0  # of mention records since the store's caches were last emptied
        # blocks written to that may hold stored mentions under IRIs the rules no longer give (`check_blocks`):
        # held in memory (`trim`) for the final reconcile to check, and marked pending in the store
        self.unsettled: set[str] = set()
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

    def _load_blocks(self, blocks: set[str]) -> dict[str, list[PersonMention]]:
        found: dict[str, list[PersonMention]] = {}
        ordered = sorted(blocks)
        for start in range(0, len(ordered), 200):
            values = " ".join(str(Literal(b)) for b in ordered[start:start + 200])
            found.update(self._records(f"VALUES ?b {{ {values} }} GRAPH {RESOLUTION_GRAPH} "
                                       f"{{ ?g {MENTION_BLOCK} ?b ; {MENTION_RECORDS} ?r }}"))
        return found

    def _load_named(self, block: str, iri: str) -> dict[str, list[PersonMention]]:
        """The stored articles naming someone of this block with mentions resolved to this IRI."""
        return self._records(f"GRAPH {RESOLUTION_GRAPH} {{ ?g {MENTION_BLOCK} {Literal(block)} ; "
                             f"{MENTION_ENTITY} {NamedNode(iri)} ; {MENTION_RECORDS} ?r }}")

    def _records(self, pattern: str) -> dict[str, list[PersonMention]]:
        """Article id -> its stored mentions, for the records (?r) that a pattern finds."""
        found = {}
        for row in self.store.query(f"SELECT DISTINCT ?r WHERE {{ {pattern} }}"):
            text = row["r"].value
            self.characters_read += len(text)
            mentions = _parse_mentions(text)
            if mentions:
                found[mentions[0].article] = mentions
        self._release_if_read_much()
        return found

    def _release_if_read_much(self) -> None:
        """Empty the store's caches once many records were read (see RELEASE_MEMORY_AFTER_READING);
        called where no query is being read, between transactions."""
        if self.characters_read >= RELEASE_MEMORY_AFTER_READING:
            self.store.release_memory()
            self.characters_read = 0

    def _load_article(self, article_id: str) -> list[PersonMention] | None:
        graph = article_iri(article_id)
        text = self.store.value(graph, MENTION_RECORDS, RESOLUTION_GRAPH)
        return _parse_mentions(text) if text is not None else None

    def members_of(self, iri: str) -> list[PersonMention]:
        """Every stored mention resolved to this IRI (read from the store: what is committed)."""
        query = (f"SELECT DISTINCT ?r WHERE {{ GRAPH {RESOLUTION_GRAPH} {{ ?g {MENTION_ENTITY} "
                 f"{NamedNode(iri)} ; {MENTION_RECORDS} ?r }} }}")
        members = []
        for row in self.store.query(query):
            text = row["r"].value
            self.characters_read += len(text)
            members += [m for m in _parse_mentions(text) if m.iri == iri]
        self._release_if_read_much()
        return sorted(members, key=lambda m: m.ref)

    def mentions(self, article_id: str) -> list[PersonMention]:
        return self.registry.mentions(article_id)

    def put(self, extraction: Extraction) -> tuple[list[PersonMention], set[str], set[str]]:
        """Register an article's mentions; returns them, the blocks and the entities touched."""
        old = self.mentions(extraction.article.id)
        entities = {m.iri for m in old if m.iri}
        mentions = mentions_of(extraction)
        blocks = self.registry.put(extraction.article.id, mentions)
        return mentions, blocks, entities

    def remove(self, article_id: str) -> tuple[set[str], set[str]]:
        old = self.mentions(article_id)
        return self.registry.remove(article_id), {m.iri for m in old if m.iri}

    def read_blocks(self, blocks: Iterable[str]) -> None:
        """Read the stored classes of the blocks not in memory yet, 200 blocks a query: a batch's
        blocks at once, where clustering each would read it alone (at 10,000 articles, 156 queries
        instead of 2,707: 0.08 s instead of 0.36)."""
        self.registry.ensure_blocks(blocks)

    def assign(self, mentions: list[PersonMention]) -> set[str]:
        """Give each mention its current IRI; returns the entities whose members changed."""
        changed = set()
        for mention in mentions:
            iri = self.registry.iri_for(mention.article, mention.key)
            if iri != mention.iri:
                changed.update(x for x in (mention.iri, iri) if x)
                mention.iri = iri
        return changed

    def check_blocks(self, blocks: Iterable[str]) -> tuple[set[str], set[str]]:
        """Of the blocks a batch touched, clustered and with its mentions assigned (before its commit):
        the unsettled ones, whose stored mentions may carry IRIs the rules no longer give (the final
        reconcile checks them, as it checked every touched block before), and the IRIs of the others'
        clusters (the persons whose descriptions the final reconcile writes for them). A settled block
        has no stale article, and its clusters stay as they are until a later batch touches it, which
        checks it again; so the final reconcile needs neither its classes nor its name. On a store
        that other writers share, every block counts as unsettled (`settle` checks them after)."""
        unsettled, iris = set(), set()
        for block in blocks:
            if self.store.shared or self.registry.unsettled(block):
                unsettled.add(block)
            else:
                iris.update(cluster.iri for cluster in self.registry.clusters(block))
        self.unsettled |= unsettled
        return unsettled, iris

    def trim(self, keep: Iterable[str] = ()) -> None:
        """Keep the registry within its budget (only what is committed may be dropped; the unsettled
        blocks are kept for the final reconcile)."""
        if self.registry.size() > REGISTRY_BUDGET or self.registry.class_count() > CLASS_BUDGET:
            self.registry.evict(set(keep) | self.unsettled, down_to=CLASS_BUDGET * 3 // 4, freeze=True)

    def article_quads(self, extraction: Extraction, mentions: list[PersonMention],
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


def explain_person(resolution: Resolution, name: str) -> list[tuple[str, str, PersonMention, "object"]]:
    """(entity IRI, entity label, mention, link) for every mention of the persons named like
    ``name``: those the rules put in its surname block, and those merged into them by curation."""
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
            link = next((c.links.get(mention.ref) for c in registry.mention_clusters(block_of(mention))
                         if mention.ref in c.links), None)
            rows.append((iri, label, mention, link))
    return rows


def resolved_persons(resolution: Resolution) -> list[tuple[str, list[str], int]]:
    """(IRI, the names its mentions are written as, how many articles name it) for every person
    entity, by IRI: what `kg entities` lists. ``resolution`` is loaded eagerly."""
    members: dict[str, list[PersonMention]] = {}
    for mentions in resolution.registry.articles.values():
        for mention in mentions:
            if mention.iri:
                members.setdefault(mention.iri, []).append(mention)
    return [(iri, sorted({m.name for m in found}), len({m.article for m in found}))
            for iri, found in sorted(members.items())]


def _parse_mentions(text: str) -> list[PersonMention]:
    return [PersonMention.from_json(item) for item in json.loads(text)]


def _load_extraction(store: Store, graph: NamedNode) -> Extraction | None:
    text = store.value(graph, EXTRACTION_RECORD, RESOLUTION_GRAPH)
    return extraction_from_json(text) if text is not None else None


def reconcile(store: Store, resolution: Resolution, writer: BatchWriter, blocks: set[str],
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
    # the re-mapping needs the blocks of the articles it re-maps, no other: the rest is dropped before it
    # (read by key, without taking the articles into work; one not found is read when it comes)
    if registry.lazy:
        registry.evict({block_of(m) for article_id in stale for m in resolution._load_article(article_id) or []})
    resolution.unsettled.clear()
    limit, release_every = writer.limit, writer.release_every
    if limit is not None:  # small transactions, each followed by emptying the caches (see REMAP_...)
        writer.limit, writer.release_every = min(limit, REMAP_ARTICLES_PER_TRANSACTION), 1
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
            registry.commit()
            registry.forget()
            resolution.trim()
    writer.release_every = release_every  # a last, smaller transaction of re-mapped articles keeps the cadence
    writer.commit()  # descriptions are read from the committed records
    writer.limit = limit
    registry.evict()  # the descriptions are read from the records: no block is needed any more
    for iri in sorted(entities):
        writer.delete_subject(ENTITIES_GRAPH, NamedNode(iri))
        writer.add(resolution.description_quads(iri))
        writer.count()  # a description counts like an article towards the transaction size (more
        # per transaction hold more: 512 gave a peak of 141 MiB at 10,000 articles against 111)
    writer.commit(last=True)
    done = resolution.pending_quads(blocks, entities, stale)
    for start in range(0, len(done), 5000):
        store.update("DELETE DATA { GRAPH %s { %s } }" % (
            RESOLUTION_GRAPH, " .\n".join(str(quad.triple) for quad in done[start:start + 5000])))
    resolution.pending_blocks.clear()
    resolution.pending_entities.clear()
    resolution.pending_articles.clear()
    return remapped


def settle(store: Store, blocks: set[str], rounds: int = 8) -> int:
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


def remap_articles(store: Store, article_ids: Iterable[str], resolution: Resolution | None = None) -> int:
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
