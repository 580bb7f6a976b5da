"""What is in the store: entities per class, articles, and the span of dates they cover."""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.graph.store import Store
from kg.graph.vocabulary import MDC

CLASSES = ("Article", "Person", "Country", "Organization", "Place", "Meeting", "Delegation",
           "Forum", "ForumSeries", "Invitation")

_COUNTS = f"""
PREFIX mdc: <{MDC}>
SELECT ?class (COUNT(?s) AS ?n) WHERE {{
  {{ SELECT DISTINCT ?s ?class WHERE {{ GRAPH ?g {{ ?s a ?class }} }} }}
}} GROUP BY ?class
"""

_DATES = f"""
PREFIX mdc: <{MDC}>
SELECT ?kind (MIN(STR(?d)) AS ?first) (MAX(STR(?d)) AS ?last) WHERE {{
  GRAPH ?g {{ ?s a ?kind ; mdc:date ?d }}
  VALUES ?kind {{ mdc:Article mdc:Meeting }}
}} GROUP BY ?kind
"""


@dataclass
class Stats:
    counts: dict[str, int] = field(default_factory=dict)  # class local name -> distinct entities
    graphs: int = 0
    article_dates: tuple[str | None, str | None] = (None, None)
    meeting_dates: tuple[str | None, str | None] = (None, None)
    quads: int = 0

    def rows(self) -> list[list]:
        """(what, count) rows: counts are numbers, date spans "first .. last" text."""
        rows = [[name, self.counts.get(name, 0)] for name in CLASSES]
        rows.append(["named graphs", self.graphs])
        rows.append(["quads", self.quads])
        rows.append(["articles published", _span(self.article_dates)])
        rows.append(["meetings held", _span(self.meeting_dates)])
        return rows


def _span(dates: tuple[str | None, str | None]) -> str:
    first, last = dates
    return f"{first} .. {last}" if first else "-"


def store_stats(store: Store) -> Stats:
    stats = Stats()
    for row in store.query(_COUNTS):
        iri = row["class"].value
        if iri.startswith(MDC):
            stats.counts[iri[len(MDC):]] = int(row["n"].value)
    for row in store.query(_DATES):
        span = (row["first"].value if row["first"] else None, row["last"].value if row["last"] else None)
        if row["kind"].value.endswith("#Article"):
            stats.article_dates = span
        else:
            stats.meeting_dates = span
    stats.graphs = len(store.named_graphs())
    stats.quads = len(store)
    return stats
