"""Measure extraction against annotated articles: extract -> map to RDF -> score.

The scoring is the project's evaluation protocol (tests/data/dev/FORMAT.md describes the gold):
precision, recall and F1 per kind of fact (person, person.country/rank/position, meeting,
meeting.participant/host/mode/location, delegation, forum, invitation), micro-averaged.
`evaluate(articles, gold)` runs the library pipeline in memory (no store, no shell) and returns a
`Report`; `kg evaluate ARTICLES GOLD` prints it.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from kg.graph import vocabulary

MDC = Namespace(vocabulary.MDC)

# ---------------------------------------------------------------- normalising


def norm(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ı", "i").casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def name_keys(name: str | None) -> set[str]:
    """Keys under which a personal name may match: the normalised string and its sorted tokens."""
    n = norm(name)
    if not n:
        return set()
    return {n, " ".join(sorted(n.split()))}


def rank_key(rank: str | None) -> str:
    return norm((rank or "").replace("-", " "))


_POSITION_STOP = {"of", "the", "for", "and", "in", "s", "a", "an", "republic"}


def position_tokens(position: str | None) -> set[str]:
    toks = norm((position or "").replace("-", " ")).replace("defense", "defence").split()
    return {t for t in toks if t not in _POSITION_STOP}


def position_match(pred: str | None, gold: str | None) -> bool:
    a, b = position_tokens(pred), position_tokens(gold)
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= 0.5


_ORDINAL = re.compile(r"\b\d+(st|nd|rd|th)\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b")


def forum_key(name: str | None) -> str:
    n = _ORDINAL.sub(" ", norm(name))
    n = re.sub(r"\b(the|annual|edition|\d{4})\b", " ", n)
    return " ".join(n.split())


def forum_match(pred: str, gold: str) -> bool:
    """Same series name, or one name inside the other when the shorter has two words or more."""
    a, b = forum_key(pred), forum_key(gold)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short.split()) >= 2 and f" {short} " in f" {long_} ")


def date_match(pred: str | None, gold: str | None) -> bool:
    if not gold:
        return True
    if not pred:
        return False
    return str(pred)[: len(gold)] == gold


# ---------------------------------------------------------------- predictions


@dataclass
class PredictedPerson:
    """A person as read back from the graph: every name key (label, aliases) and the scored attributes."""

    names: set[str]
    label: str
    country: str | None = None
    rank: str | None = None
    position: str | None = None

    def matches(self, gold_name: str, gold_aliases=()) -> bool:
        keys = set().union(*(name_keys(n) for n in [gold_name, *gold_aliases]))
        return bool(self.names & keys)


@dataclass
class PredictedArticle:
    """The facts of one article as read back from its named graph."""

    persons: dict = field(default_factory=dict)  # node -> Person
    meetings: list = field(default_factory=list)
    delegations: list = field(default_factory=list)
    forums: list = field(default_factory=list)
    invitations: list = field(default_factory=list)


def _one(g, s, p):
    for o in g.objects(s, p):
        return o
    return None


def _code(g, node) -> str | None:
    if node is None:
        return None
    c = _one(g, node, MDC.code)
    if c is not None:
        return str(c).upper()
    label = _one(g, node, RDFS.label)
    return str(label).upper() if label is not None else None


def _forum_or_target(g, node) -> str | None:
    if node is None:
        return None
    if (node, RDF.type, MDC.Forum) in g:
        return "forum:" + str(_one(g, node, RDFS.label) or "")
    return "visit:" + (_code(g, node) or "")


def read_predictions(ds: Dataset) -> dict[str, PredictedArticle]:
    """Per-article facts read back from a dataset in the project's vocabulary (one graph per article)."""
    out: dict[str, PredictedArticle] = {}
    for g in ds.graphs():
        ident = None
        for s, o in g.subject_objects(MDC.identifier):
            if isinstance(s, URIRef) and s == g.identifier:
                ident = str(o)
        if ident is None:
            continue
        art = out.setdefault(ident, PredictedArticle())
        for node in sorted(set(g.subjects(RDF.type, MDC.Person))):  # sorted: ties resolve the same way every run
            names = set()
            label = _one(g, node, RDFS.label)
            for n in [label, *g.objects(node, MDC.alias)]:
                names |= name_keys(n)
            country = _code(g, _one(g, node, MDC.country))
            rank = _one(g, node, MDC.rank)
            position = _one(g, node, MDC.position)
            art.persons[node] = PredictedPerson(names, str(label or ""), country,
                                       str(rank) if rank else None,
                                       str(position) if position else None)
        for m in sorted(set(g.subjects(RDF.type, MDC.Meeting))):
            art.meetings.append({
                "node": m,
                "date": str(_one(g, m, MDC.date) or "") or None,
                "parties": sorted({_code(g, p) for p in g.objects(m, MDC.party)} - {None}),
                "host": _code(g, _one(g, m, MDC.host)),
                "location_country": _code(g, _one(g, _one(g, m, MDC.location), MDC.country))
                if _one(g, m, MDC.location) is not None else None,
                "participants": sorted(set(g.objects(m, MDC.participant))),
                "mode": str(_one(g, m, MDC.mode) or "") or None,
            })
        for d in sorted(set(g.subjects(RDF.type, MDC.Delegation))):
            art.delegations.append({"leader": _one(g, d, MDC.leader),
                                    "country": _code(g, _one(g, d, MDC.country))})
        for f in sorted(set(g.subjects(RDF.type, MDC.Forum))):
            ed = _one(g, f, MDC.edition)
            art.forums.append({"name": str(_one(g, f, RDFS.label) or ""),
                               "edition": int(ed) if isinstance(ed, Literal) and str(ed).isdigit() else None})
        for i in sorted(set(g.subjects(RDF.type, MDC.Invitation))):
            art.invitations.append({"inviter": _one(g, i, MDC.inviter), "invitee": _one(g, i, MDC.invitee),
                                    "to": _forum_or_target(g, _one(g, i, MDC.invitedTo))})
    return out


# ---------------------------------------------------------------- scoring


class Tally:
    def __init__(self):
        self.tp, self.fp, self.fn = defaultdict(int), defaultdict(int), defaultdict(int)
        self.errors: list[str] = []
        self.classes: Counter[str] = Counter()  # why facts were missed (`miss classes`), counted

    def add(self, kind, tp=0, fp=0, fn=0):
        self.tp[kind] += tp
        self.fp[kind] += fp
        self.fn[kind] += fn

    @staticmethod
    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def table(self):
        kinds = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        rows = {k: self.prf(self.tp[k], self.fp[k], self.fn[k]) + (self.tp[k], self.fp[k], self.fn[k])
                for k in kinds}
        total = self.prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))
        return rows, total


def _missed_person_class(gold_person: dict, pred: PredictedArticle, text: str | None) -> str:
    """Why a gold person was missed: a predicted person shares a word of the name (its form differs), the name is
    in the text as written (the extractor did not read it as a person), or it is not (the gold spells it otherwise)."""
    names = [gold_person["name"], *gold_person.get("aliases", [])]
    words = {w for n in names for w in norm(n).split() if len(w) > 2}
    if any(words & {w for n in p.names for w in n.split()} for p in pred.persons.values()):
        return "person missed: a predicted person shares a word of the name"
    written = f" {norm(text)} " if text is not None else ""
    if any(norm(n) and f" {norm(n)} " in written for n in names):
        return "person missed: named in the text as the gold writes it"
    return "person missed: not in the text as the gold writes it" if text is not None else "person missed"


def _missed_meeting_class(parties: list[str], predicted: list[dict], free: list[dict]) -> str:
    """Why a gold meeting was missed, from the meetings predicted for its article (``free``: those no gold meeting
    took)."""
    if not predicted:
        return "meeting missed: the article has no predicted meeting"
    if any(m["parties"] == parties for m in free):
        return "meeting missed: same sides, another date"
    if any(m["parties"] == parties for m in predicted):
        return "meeting missed: fewer contacts than the gold between the same sides"
    sides = set(parties)
    shared = [set(m["parties"]) for m in predicted if set(m["parties"]) & sides]
    if not shared:
        return "meeting missed: no predicted meeting shares a side"
    nearest = max(shared, key=lambda other: len(other & sides))
    if nearest > sides:
        return "meeting missed: a predicted meeting has a side more"
    if nearest < sides:
        return "meeting missed: a predicted meeting lacks a side"
    return "meeting missed: a predicted meeting has one side other"


def score_article(aid: str, gold: dict, pred: PredictedArticle | None, t: Tally, text: str | None = None) -> None:
    """Score one article into the tally; ``text`` (the article's) lets a missed person's class say whether the
    gold's name is in it."""
    pred = pred or PredictedArticle()
    err = t.errors.append
    # persons ------------------------------------------------------------
    gold_persons = gold.get("persons", [])
    mentioned = gold.get("mentioned", [])
    node_to_gold: dict = {}
    used = set()
    for gp in gold_persons:
        hit = None
        for node, pp in pred.persons.items():
            if node not in used and pp.matches(gp["name"], gp.get("aliases", [])):
                hit = node
                break
        if hit is None:
            t.add("person", fn=1)
            t.classes[_missed_person_class(gp, pred, text)] += 1
            err(f"{aid} missed person {gp['name']!r}")
            for attr in ("country", "rank", "position"):
                if gp.get(attr):
                    t.add("person." + attr, fn=1)
            continue
        used.add(hit)
        node_to_gold[hit] = gp["name"]
        t.add("person", tp=1)
        pp = pred.persons[hit]
        checks = {
            "country": (pp.country, (gp.get("country") or "").upper() or None, lambda a, b: a == b),
            "rank": (pp.rank, gp.get("rank"), lambda a, b: rank_key(a) == rank_key(b)),
            "position": (pp.position, gp.get("position"), position_match),
        }
        for attr, (pv, gv, same) in checks.items():
            if gv:
                if pv and same(pv, gv):
                    t.add("person." + attr, tp=1)
                elif pv:
                    t.add("person." + attr, fp=1, fn=1)
                    err(f"{aid} {gp['name']}: {attr} {pv!r} != gold {gv!r}")
                else:
                    t.add("person." + attr, fn=1)
                    err(f"{aid} {gp['name']}: no {attr} (gold {gv!r})")
            elif pv and attr == "rank" and "rank" in gp:
                # the article names no rank for this person: an invented one is wrong
                t.add("person.rank", fp=1)
                err(f"{aid} {gp['name']}: rank {pv!r} where the article gives none")
    for node, pp in pred.persons.items():
        if node in used:
            continue
        if any(pp.matches(m) for m in mentioned):
            continue
        t.add("person", fp=1)
        err(f"{aid} spurious person {pp.label!r}")

    # meetings -----------------------------------------------------------
    free = list(pred.meetings)
    attached = {node for meeting in pred.meetings for node in meeting["participants"]}  # persons in any meeting
    for gm in gold.get("meetings", []):
        gparties = sorted(c.upper() for c in gm.get("countries", []))
        gold_names = list(gm.get("participants", []))
        candidates = [pm for pm in free
                      if pm["parties"] == gparties and date_match(pm["date"], gm.get("date"))]
        # of several candidates, take the one sharing most participants with this gold meeting
        hit = max(candidates, default=None,
                  key=lambda pm: sum(node_to_gold.get(n) in gold_names for n in pm["participants"]))
        if hit is None:
            t.add("meeting", fn=1)
            t.add("meeting.participant", fn=len(gold_names))
            t.classes[_missed_meeting_class(gparties, pred.meetings, free)] += 1
            for attr in ("host_country", "mode", "location_country"):
                if gm.get(attr):
                    t.add("meeting." + attr.split("_")[0], fn=1)
            err(f"{aid} missed meeting {gparties} {gm.get('date')}")
            continue
        free.remove(hit)
        t.add("meeting", tp=1)
        for node in hit["participants"]:
            name = node_to_gold.get(node)
            if name in gold_names:
                gold_names.remove(name)
                t.add("meeting.participant", tp=1)
            else:
                t.add("meeting.participant", fp=1)
                label = pred.persons[node].label if node in pred.persons else str(node)
                err(f"{aid} meeting {gparties}: spurious participant {label!r}")
        t.add("meeting.participant", fn=len(gold_names))
        for name in gold_names:
            node = next((n for n, g in node_to_gold.items() if g == name), None)
            t.classes["participant missed: " + ("not a predicted person" if node is None else
                                                "in another predicted meeting" if node in attached else
                                                "a person of the article in no meeting")] += 1
            err(f"{aid} meeting {gparties}: missed participant {name!r}")
        # host, mode and venue country: scored where the gold states them; a host predicted for a
        # meeting the gold says has none (a call, a third-country venue) is wrong
        pairs = {"host": (hit["host"], (gm.get("host_country") or "").upper() or None),
                 "mode": (hit["mode"], gm.get("mode")),
                 "location": (hit["location_country"], (gm.get("location_country") or "").upper() or None)}
        for attr, (pv, gv) in pairs.items():
            if gv:
                ok = (pv or "").upper() == gv.upper()
                t.add("meeting." + attr, tp=int(ok), fp=int(not ok and bool(pv)), fn=int(not ok))
                if not ok:
                    err(f"{aid} meeting {gparties}: {attr} {pv!r} != gold {gv!r}")
            elif pv and attr == "host" and "host_country" in gm:
                t.add("meeting.host", fp=1)
                err(f"{aid} meeting {gparties}: host {pv!r} where the gold has none")
    for pm in free:
        t.add("meeting", fp=1)
        t.add("meeting.participant", fp=len(pm["participants"]))
        err(f"{aid} spurious meeting {pm['parties']} {pm['date']}")

    # delegations ----------------------------------------------------------
    free = list(pred.delegations)
    for gd in gold.get("delegations", []):
        hit = None
        for pd in free:
            if node_to_gold.get(pd["leader"]) == gd.get("leader") and \
                    (not gd.get("country") or pd["country"] == gd["country"].upper()):
                hit = pd
                break
        if hit is None:
            t.add("delegation", fn=1)
            err(f"{aid} missed delegation led by {gd.get('leader')!r}")
        else:
            free.remove(hit)
            t.add("delegation", tp=1)
    t.add("delegation", fp=len(free))

    # forums ---------------------------------------------------------------
    free = list(pred.forums)
    for gf in gold.get("forums", []):
        hit = None
        names = [gf["name"], *gf.get("aliases", [])]
        for pf in free:
            if any(forum_match(pf["name"], n) or norm(pf["name"]) == norm(n) for n in names) and \
                    (gf.get("edition") is None or pf["edition"] == gf["edition"]):
                hit = pf
                break
        if hit is None:
            t.add("forum", fn=1)
            err(f"{aid} missed forum {gf['name']!r} ed. {gf.get('edition')}")
        else:
            free.remove(hit)
            t.add("forum", tp=1)
    for pf in free:
        t.add("forum", fp=1)
        err(f"{aid} spurious forum {pf['name']!r}")

    # invitations ------------------------------------------------------------
    free = list(pred.invitations)
    for gi in gold.get("invitations", []):
        hit = None
        for pi in free:
            to = pi["to"] or ""
            if gi["to"].startswith("visit:"):
                to_ok = to.upper() == gi["to"].upper()
            else:
                forum_names = [gi["to"], *next((f.get("aliases", []) for f in gold.get("forums", [])
                                                if f["name"] == gi["to"]), [])]
                to_ok = to.startswith("forum:") and any(
                    forum_match(to[6:], n) or norm(to[6:]) == norm(n) for n in forum_names)
            if to_ok and node_to_gold.get(pi["inviter"]) == gi.get("inviter") and \
                    node_to_gold.get(pi["invitee"]) == gi.get("invitee"):
                hit = pi
                break
        if hit is None:
            t.add("invitation", fn=1)
            err(f"{aid} missed invitation {gi}")
        else:
            free.remove(hit)
            t.add("invitation", tp=1)
    t.add("invitation", fp=len(free))




# ---------------------------------------------------------------- the library API


@dataclass
class Report:
    rows: dict  # kind -> (p, r, f1, tp, fp, fn)
    precision: float
    recall: float
    f1: float
    errors: list[str] = field(default_factory=list)
    articles: int = 0
    missing: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # "ID: error" of articles the extractor failed on
    classes: dict = field(default_factory=dict)  # miss class -> count (no text, no gold value)

    def table(self, verbose: bool = False, classes: bool = False) -> str:
        lines = []
        if verbose:
            lines += ["  " + e for e in self.errors]
        if classes:
            lines += [f"{count:5d}  {what}" for what, count in sorted(self.classes.items())]
        lines += [f"extraction failed: {failure}" for failure in self.failures]
        if self.missing:
            lines.append(f"articles without gold or without output: {len(self.missing)} ({', '.join(self.missing[:10])})")
        lines.append(f"{'kind':22} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
        for kind, (kp, kr, kf, tp, fp, fn) in self.rows.items():
            lines.append(f"{kind:22} {kp:6.3f} {kr:6.3f} {kf:6.3f} {tp:5d} {fp:5d} {fn:5d}")
        lines.append(f"micro P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} over {self.articles} articles")
        return "\n".join(lines)

    def as_json(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "articles_missing": self.missing,
                "extraction_failures": self.failures, "miss_classes": dict(sorted(self.classes.items())),
                "kinds": {k: dict(zip(("p", "r", "f1", "tp", "fp", "fn"), v)) for k, v in self.rows.items()}}


def read_gold(path: str | Path) -> list[dict]:
    """Gold annotations, one JSON object per line (see the gold format)."""
    from kg.errors import InputError

    golds = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{path}:{number}: not JSON ({error.msg})") from None
            if not isinstance(record, dict) or "id" not in record:
                raise InputError(f"{path}:{number}: a gold record needs an 'id'")
            golds.append(record)
    return golds


def dataset_of(extractions: Iterable) -> Dataset:
    """Map extractions to RDF with the project's mapping (kg.graph.mapping) and load them in an rdflib Dataset."""
    from kg.graph.mapping import extraction_quads

    return _dataset_of_quads(quad for extraction in extractions for quad in extraction_quads(extraction))


def _dataset_of_quads(quads: Iterable) -> Dataset:
    import pyoxigraph

    data = pyoxigraph.serialize(list(quads), format=pyoxigraph.RdfFormat.N_QUADS)
    ds = Dataset()
    ds.parse(data=data.decode("utf-8") if isinstance(data, bytes) else data, format="nquads")
    return ds


def score(golds: list[dict], predictions: dict[str, PredictedArticle], texts: dict[str, str] | None = None) -> Report:
    """Score predictions against the gold; ``texts`` (article id -> text) refine why persons were missed."""
    tally = Tally()
    for gold in golds:
        score_article(gold["id"], gold, predictions.get(gold["id"]), tally, (texts or {}).get(gold["id"]))
    rows, (p, r, f) = tally.table()
    missing = [g["id"] for g in golds if g["id"] not in predictions]
    return Report(rows, p, r, f, tally.errors, len(golds), missing, classes=dict(tally.classes))


def evaluate(articles: Iterable, golds: list[dict], jobs: int = 1) -> Report:
    """Extract ``articles`` (kg.model.Article), map them to RDF, and score them against ``golds``; an article
    whose graph the shapes reject is scored as without output (ingest would not store it) and named in
    ``failures``."""
    from kg.budget import extract_many

    from kg.graph import validation
    from kg.graph.mapping import extraction_quads

    wanted = {g["id"] for g in golds}
    articles = [a for a in articles if a.id in wanted]
    extractions = [e for e in extract_many(articles, jobs=jobs)]
    # what `kg ingest` would refuse to store (its graph breaks the shapes) is scored as no output, as a store has it
    graphs = {e.article.id: extraction_quads(e) for e in extractions}
    refused = validation.nonconforming({e.article.id: graphs[e.article.id] for e in extractions if not e.error})
    stored = (quad for ident, quads in graphs.items() if ident not in refused for quad in quads)
    report = score(golds, read_predictions(_dataset_of_quads(stored)), {a.id: a.text for a in articles})
    report.failures = [f"{e.article.id}: {e.error}" for e in extractions if e.error] + [
        f"{ident}: not stored, its graph breaks the shapes: {messages}" for ident, messages in sorted(refused.items())]
    return report


def evaluate_paths(articles_path: str | Path, gold_path: str | Path, jobs: int = 1) -> Report:
    """`evaluate` over files: articles in any input form `kg ingest` reads, gold as JSONL."""
    from kg.errors import InputError
    from kg.read.files import read_articles
    from kg.read.items import ReadFailure, ReadWarning

    golds = read_gold(gold_path)
    articles = []
    for item in read_articles([str(articles_path)]):
        if isinstance(item, ReadWarning):
            continue
        if isinstance(item, ReadFailure):
            raise InputError(str(item))
        articles.append(item)
    return evaluate(articles, golds, jobs=jobs)
