"""Benchmark every named query at ~1M quads: the on-disk Oxigraph store kg users have, vs rdflib.

The data are synthetic `kg.model.Extraction`s mapped by the real RDF mapping (`extraction_quads`,
what ingest writes), shaped like ours: one named graph per article, each person's label, rank and
country repeated in every article that mentions them, about a third of the meetings reported again
by a later article; beside them each person described once in the entities graph (as resolution
does), and the default graph holding the merge (`kg.graph.merge`), each triple once.

The store is loaded the way `kg load` restores one (RocksDB's bulk loader, the merge built while
loading, then compacted with `Store.optimize`) into a temporary folder on disk, and queried without a
union default graph. rdflib gets
the same quads in an in-memory Dataset whose default graph is the same merge.

    python bench/query_bench.py                    # ~1M quads, Oxigraph on disk and rdflib
    python bench/query_bench.py --articles 2000    # a quick run
    python bench/query_bench.py --no-rdflib --runs 20

Prints one line per query and engine (median and p95 in ms over --runs runs after one warm-up)
and writes the same as JSON with --json FILE. rdflib gets a time limit per run (SIGALRM: rdflib
is pure Python, so the alarm interrupts it); a query over the limit is reported as "> N s".
"""
from __future__ import annotations

import argparse
import io
import json
import random
import signal
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyoxigraph as ox  # noqa: E402

from kg.graph.mapping import extraction_quads, party_iri, person_iri
from kg.graph.merge import with_merge  # noqa: E402
from kg.graph.vocabulary import ENTITIES_GRAPH, RDFS_LABEL, RDF_TYPE, mdc
from kg.model import Article, Delegation, Extraction, Forum, Invitation, Meeting, Person, Place  # noqa: E402
from kg.query import named as queries  # noqa: E402

COUNTRIES = ["AZ", "TR", "CN", "RU", "US", "GB", "FR", "DE", "IT", "ES", "PK", "IN", "KZ", "UZ",
             "GE", "UA", "IL", "IR", "SA", "AE", "QA", "EG", "JP", "KR", "ID", "MY", "VN", "TH",
             "BR", "AR", "MX", "ZA", "NG", "KE", "ET", "DZ", "MA", "PL", "RO", "BG", "GR", "HU",
             "RS", "BY", "AM", "KG", "TJ", "TM", "MN", "AF", "NATO", "UN", "EU", "SCO", "CSTO"]
RANKS = ["General", "Colonel General", "Lieutenant General", "Major General", "Admiral",
         "Vice Admiral", "Rear Admiral", "Colonel", None]
POSITIONS = ["Minister of Defence", "Chief of the General Staff", "Deputy Minister of Defence",
             "Commander of the Navy", "Commander of the Air Force", "Defence Attaché", "Ambassador"]
FORUMS = ["Beijing Xiangshan Forum", "Shangri-La Dialogue", "Munich Security Conference",
          "Moscow Conference on International Security", "Halifax International Security Forum"]


def synthetic_extractions(n_articles: int, n_persons: int, seed: int = 7):
    """Yield extractions; entity names and meetings recur across articles like real news."""
    rng = random.Random(seed)
    people = []
    for index in range(n_persons):
        country = rng.choice(COUNTRIES)
        people.append((f"Person{index} Surname{index % 997}", country, rng.choice(RANKS),
                       rng.choice(POSITIONS)))
    weights = [1.0 / (i + 1) ** 0.8 for i in range(n_persons)]  # a few busy officials, many rare
    reported: list[tuple] = []
    for number in range(n_articles):
        date = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if reported and rng.random() < 0.33:
            chosen, meeting_date, mode = rng.choice(reported)  # the same meeting, reported again
        else:
            size = rng.choice([2, 2, 2, 3, 4])
            chosen = tuple(sorted(set(rng.choices(range(n_persons), weights=weights, k=size))))
            if len(chosen) < 2:
                chosen = (chosen[0], (chosen[0] + 1) % n_persons)
            meeting_date, mode = date, rng.choice(["in_person", "in_person", "in_person", "call", "video"])
            reported.append((chosen, meeting_date, mode))
        persons = []
        for slot, index in enumerate(chosen):
            name, country, rank, position = people[index]
            persons.append(Person(key=f"p{slot}", name=name, rank=rank, position=position,
                                  country=country, aliases=[name.split()[-1]],
                                  evidence=[f"{name} said something in article {number}."]))
        parties = sorted({people[i][1] for i in chosen})
        if len(parties) < 2:
            parties.append("UN")
        meeting = Meeting(key="m", date=meeting_date, parties=parties, host=parties[0],
                          participants=[p.key for p in persons], mode=mode,
                          location=Place(f"City{rng.randint(1, 200)}", parties[0]) if mode == "in_person" else None,
                          topics=["defence cooperation"],
                          evidence=[f"They met ({number})."])
        extraction = Extraction(article=Article(id=f"art-{number}", text="", title=f"Article {number}",
                                                url=f"https://news.example/{number}", date=date,
                                                source="example"),
                                date=date, persons=persons, meetings=[meeting])
        if rng.random() < 0.3:
            extraction.delegations.append(Delegation(key="d", leader="p1", country=persons[1].country,
                                                     members=[p.key for p in persons[2:]], date=meeting_date))
            meeting.delegations.append("d")
        if rng.random() < 0.1:
            name = rng.choice(FORUMS)
            edition = rng.randint(1, 12)
            extraction.forums.append(Forum(key="f", name=name, edition=edition, date=f"{2013 + edition}-10-20"))
            extraction.invitations.append(Invitation(key="i", inviter="p0", invitee="p1", forum="f", date=date))
        yield extraction


def description_quads(person: Person) -> list[ox.Quad]:
    """A person described once in the entities graph, as resolution writes it."""
    node = person_iri(person)
    quads = [ox.Quad(node, RDF_TYPE, mdc("Person"), ENTITIES_GRAPH),
             ox.Quad(node, RDFS_LABEL, ox.Literal(person.name), ENTITIES_GRAPH),
             ox.Quad(node, mdc("country"), party_iri(person.country), ENTITIES_GRAPH)]
    quads += [ox.Quad(node, mdc("alias"), ox.Literal(alias), ENTITIES_GRAPH) for alias in person.aliases]
    quads += [ox.Quad(node, mdc(name), ox.Literal(getattr(person, name)), ENTITIES_GRAPH)
              for name in ("rank", "position") if getattr(person, name)]
    return quads


def build_nquads(n_articles: int, n_persons: int) -> tuple[bytes, int]:
    """N-Quads of the named graphs and the default graph (the merge), as `kg export` writes them."""
    out = io.BytesIO()
    count = 0
    batch: list[ox.Quad] = []
    described: dict[str, Person] = {}
    for extraction in synthetic_extractions(n_articles, n_persons):
        batch.extend(with_merge(extraction_quads(extraction)))
        for person in extraction.persons:
            described[person.name] = person
        if len(batch) > 100_000:
            count += len(batch)
            ox.serialize(batch, out, ox.RdfFormat.N_QUADS)
            batch = []
    for person in described.values():
        batch.extend(with_merge(description_quads(person)))
    count += len(batch)
    ox.serialize(batch, out, ox.RdfFormat.N_QUADS)
    return out.getvalue(), count


def busiest(store: ox.Store) -> dict[str, str]:
    """The busiest person (a worst case for the person queries) and a typical one (the median)."""
    people = list(store.query(
        "PREFIX mdc: <https://w3id.org/mdc#> SELECT ?p (COUNT(DISTINCT ?m) AS ?n) WHERE "
        "{ ?m mdc:participant ?p } GROUP BY ?p ORDER BY DESC(?n)"))
    typical = people[len(people) // 2]
    return {"person": people[0]["p"].value, "busy_meetings": people[0]["n"].value,
            "typical": typical["p"].value, "typical_meetings": typical["n"].value}


def cases(person_iri: str, typical_iri: str) -> list[tuple[str, dict[str, str]]]:
    return [
        ("contacts", {"country": "AZ", "other": "TR"}),
        ("contacts", {"country": "AZ", "year": "2024"}),
        ("person-timeline", {"person": typical_iri}),
        ("person-timeline", {"person": person_iri}),
        ("who-met-whom", {"person": typical_iri}),
        ("who-met-whom", {"person": person_iri}),
        ("who-met-whom", {"country": "AZ", "since": "2024-01-01"}),
        ("who-met-whom", {}),
        ("delegations", {"country": "CN"}),
        ("delegations", {}),
        ("forum-invitations", {"forum": "xiangshan"}),
        ("active-officials", {"country": "AZ"}),
        ("active-officials", {}),
        ("country-matrix", {"year": "2024"}),
        ("country-matrix", {}),
        ("persons", {"rank": "admiral", "country": "TR"}),
        ("persons", {}),
        ("provenance", {"subject": typical_iri, "predicate": "mdc:rank"}),
        ("provenance", {"subject": person_iri, "predicate": "mdc:rank"}),
    ]


# what an analyst writes first: the contacts of a person, over the default graph
NAIVE_CONTACTS = """PREFIX mdc: <https://w3id.org/mdc#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?other ?name WHERE {
  ?m mdc:participant <%s>, ?other . ?other rdfs:label ?name . <%s> rdfs:label ?me
  FILTER(?other != <%s>) }"""


class Timeout(Exception):
    pass


def timed(run, runs: int, limit: float | None = None) -> dict:
    """Median and p95 wall time, and the median CPU time of this process (a query runs on the calling
    thread, so on a machine shared with other work the CPU time is close to what an idle one takes)."""
    times, cpu_times = [], []
    rows = None
    for attempt in range(runs + 1):  # the first is a warm-up
        if limit:
            signal.setitimer(signal.ITIMER_REAL, limit)
        start, cpu_start = time.perf_counter(), time.process_time()
        try:
            rows = run()
        except Timeout:
            return {"timeout": limit}
        except Exception as error:  # noqa: BLE001 - rdflib fails on some valid queries: report it
            return {"error": f"{type(error).__name__}: {error}"[:120]}
        finally:
            if limit:
                signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = (time.perf_counter() - start) * 1000
        if attempt:
            times.append(elapsed)
            cpu_times.append((time.process_time() - cpu_start) * 1000)
        if limit and elapsed > limit * 1000 / 3:
            runs = min(runs, 1)  # slow: one measured run is enough
        if attempt >= runs:
            break
    times.sort()
    return {"median_ms": statistics.median(times),
            "p95_ms": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))], "rows": rows,
            "runs": len(times), "cpu_median_ms": statistics.median(cpu_times)}


def in_child(run, limit: float) -> dict:
    """One timed run in a forked process, killed after ``limit`` s (a pyoxigraph query cannot be
    interrupted from Python: NOTES.md)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    queue = context.Queue()

    def child():
        start = time.perf_counter()
        rows = run()
        queue.put({"median_ms": (time.perf_counter() - start) * 1000, "rows": rows})

    process = context.Process(target=child)
    process.start()
    process.join(limit)
    if process.is_alive():
        process.kill()
        process.join()
        return {"timeout": limit}
    measured = queue.get(timeout=5)
    return {**measured, "p95_ms": measured["median_ms"], "runs": 1}


def _on_alarm(signum, frame):
    raise Timeout()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=14_000)
    parser.add_argument("--persons", type=int, default=3_000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-rdflib", action="store_true")
    parser.add_argument("--rdflib-limit", type=float, default=60.0, help="seconds per rdflib run")
    parser.add_argument("--naive-limit", type=float, default=60.0,
                        help="seconds for the naive union query shown for contrast")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--memory", action="store_true", help="Oxigraph in memory instead of on disk")
    parser.add_argument("--no-optimize", action="store_true",
                        help="query the store as the bulk loader leaves it, without the compaction kg load runs")
    args = parser.parse_args()

    start = time.perf_counter()
    data, n_quads = build_nquads(args.articles, args.persons)
    print(f"generated {n_quads:,} quad lines in {args.articles:,} article graphs "
          f"({time.perf_counter() - start:.1f} s)", flush=True)
    import tempfile

    folder = tempfile.TemporaryDirectory(prefix="kg-query-bench-")
    store = ox.Store() if args.memory else ox.Store(folder.name + "/store")
    start = time.perf_counter()
    store.bulk_load(data, ox.RdfFormat.N_QUADS)
    where = "in memory" if args.memory else "on disk"
    seconds = time.perf_counter() - start
    n_quads = len(store)  # distinct quads (the lines generated repeat shared default-graph triples)
    print(f"oxigraph bulk load {where} {seconds:.1f} s: {n_quads:,} distinct quads "
          f"({n_quads / seconds:,.0f} quads/s)", flush=True)
    if not args.memory and not args.no_optimize:  # kg load compacts the store after loading
        start = time.perf_counter()
        store.optimize()
        print(f"optimize (compaction, as kg load does) {time.perf_counter() - start:.1f} s", flush=True)
    busy = busiest(store)
    print(f"busiest person {busy['person']} ({busy['busy_meetings']} meetings), typical "
          f"{busy['typical']} ({busy['typical_meetings']})", flush=True)
    results = {"quads": n_quads, "articles": args.articles, "oxigraph": [], "rdflib": [],
               "on_disk": not args.memory, "optimized": not args.memory and not args.no_optimize, "busiest": busy}

    bound = [(name, params, queries.get(name).bind(params)) for name, params in cases(busy["person"], busy["typical"])]
    naive = NAIVE_CONTACTS % ((busy["person"],) * 3)

    def report(engine, label, measured):
        if "error" in measured:
            line = f"{engine:9} {label:58} error {measured['error']}"
        elif "timeout" in measured:
            line = f"{engine:9} {label:58} > {measured['timeout']:.0f} s"
        else:
            line = (f"{engine:9} {label:58} median {measured['median_ms']:9.1f} ms  "
                    f"p95 {measured['p95_ms']:9.1f} ms  rows {measured['rows']}  "
                    f"cpu {measured.get('cpu_median_ms', 0):9.1f} ms")
        print(line, flush=True)
        # a run that failed goes to a list of its own: readers of results[engine] expect timings
        results.setdefault(engine + "_errors" if "error" in measured else engine, []).append({"query": label, **measured})

    for name, params, text in bound:
        label = name + " " + " ".join(f"{k}={v.rsplit('/', 1)[-1]}" for k, v in params.items())
        report("oxigraph", label, timed(lambda: len(list(store.query(text))), args.runs))
    report("oxigraph", "naive-contacts-busiest-person",
           timed(lambda: len(list(store.query(naive))), args.runs))

    if not args.no_rdflib:
        import rdflib

        signal.signal(signal.SIGALRM, _on_alarm)
        dataset = rdflib.Dataset(default_union=False)
        start = time.perf_counter()
        dataset.parse(data=data.decode("utf-8"), format="nquads")
        print(f"rdflib load {time.perf_counter() - start:.1f} s", flush=True)
        for name, params, text in bound:
            label = name + " " + " ".join(f"{k}={v.rsplit('/', 1)[-1]}" for k, v in params.items())
            report("rdflib", label, timed(lambda: len(list(dataset.query(text))), min(args.runs, 3),
                                          args.rdflib_limit))
        report("rdflib", "naive-contacts-busiest-person",
               timed(lambda: len(list(dataset.query(naive))), min(args.runs, 3), args.rdflib_limit))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
