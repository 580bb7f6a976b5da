#!/usr/bin/env python3
"""The real development corpus: add an item to the cache, rebuild articles.jsonl, check hashes.

The texts belong to their publishers, so only the manifest (URL, where it was found, sha256)
and our own gold annotations are committed; the texts live in tests/data/real/.cache/.

    # save one excerpt exactly: pipe the JSON string literal the search tool returned
    python3 scripts/real_corpus.py add --id R101 --url URL --title T --source OUTLET \\
        --date 2019-04-12 --query "words searched" --split dev --part asia < excerpt.json
    # assemble .cache/articles.jsonl (and gold) for a split, checking every sha256
    python3 scripts/real_corpus.py build [--split dev|holdout|blind2|all]
    # merge the per-annotator parts into manifest.jsonl and gold.jsonl
    python3 scripts/real_corpus.py merge
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
CACHE = REAL / ".cache"
PARTS = REAL / "parts"
MANIFEST = REAL / "manifest.jsonl"
GOLD = REAL / "gold.jsonl"  # the development part
GOLD_HOLDOUT = REAL / "gold-holdout.jsonl"  # the held-aside fifth, apart so that nobody reads it by accident
# Splits: "dev" is tuned on; "holdout" (the held-aside fifth), "blind2" ... "blind38" (sets collected and
# annotated later by other readers) are never read by the extractor's developers and scored once each.
SPLITS = ("dev", "holdout", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30", "blind31", "blind32", "blind33", "blind34", "blind35", "blind36", "blind37", "blind38")


def gold_path(split: str) -> pathlib.Path:
    return GOLD if split == "dev" else GOLD_HOLDOUT if split == "holdout" else REAL / f"gold-{split}.jsonl"
HIDDEN_CHECK = ROOT.parent / "shared" / "eval" / "hidden_check.py"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_jsonl(path: pathlib.Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def manifest_rows() -> list[dict]:
    """The merged manifest plus any per-annotator parts not merged yet (ids unique)."""
    rows = {row["id"]: row for row in read_jsonl(MANIFEST)}
    for part in sorted(PARTS.glob("*.manifest.jsonl")) if PARTS.exists() else []:
        for row in read_jsonl(part):
            rows.setdefault(row["id"], row)
    return sorted(rows.values(), key=lambda row: row["id"])


def gold_rows() -> dict[str, dict]:
    rows = {row["id"]: row for split in SPLITS for row in read_jsonl(gold_path(split))}
    for part in sorted(PARTS.glob("*.gold.jsonl")) if PARTS.exists() else []:
        for row in read_jsonl(part):
            rows[row["id"]] = row  # a part's later annotation wins until merged
    return rows


def is_hidden(url: str) -> bool:
    """Ask the shared checker (outside the repo, for developers only) whether a URL is hidden."""
    if not HIDDEN_CHECK.exists():
        sys.exit(f"error: {HIDDEN_CHECK} not found; cannot check that {url} is not a hidden item")
    return subprocess.run([sys.executable, str(HIDDEN_CHECK), url], capture_output=True).returncode != 0


def add(args: argparse.Namespace) -> int:
    literal = sys.stdin.read().strip()
    text = json.loads(literal)
    if not isinstance(text, str) or not text.strip():
        sys.exit("error: stdin must be one JSON string literal (the excerpt, quotes included)")
    if is_hidden(args.url):
        sys.exit(f"error: {args.url} is a hidden evaluation item: never add it")
    known = {row["id"]: row for row in manifest_rows()}
    if args.id in known and not args.replace:
        sys.exit(f"error: id {args.id} is already in the manifest ({known[args.id]['url']})")
    for row in known.values():
        if row["url"] == args.url and row["id"] != args.id:
            sys.exit(f"error: {args.url} is already in the manifest as {row['id']}")
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / f"{args.id}.txt").write_text(text, encoding="utf-8")
    row = {"id": args.id, "url": args.url, "title": args.title, "source": args.source,
           "date": args.date, "query": args.query, "split": args.split, "genre": args.genre,
           "sha256": sha256(text), "chars": len(text)}
    part = PARTS / f"{args.part}.manifest.jsonl"
    PARTS.mkdir(parents=True, exist_ok=True)
    rows = [r for r in read_jsonl(part) if r["id"] != args.id] + [row]
    part.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"added {args.id}: {len(text)} chars, sha256 {row['sha256'][:12]}")
    return 0


def cached_text(row: dict) -> tuple[str | None, str | None]:
    """An item's text in the cache and what is wrong with it: (text, None), or (None, "missing"/"differs")."""
    path = CACHE / f"{row['id']}.txt"
    if not path.exists():
        return None, "missing"
    text = path.read_text(encoding="utf-8")
    return (text, None) if sha256(text) == row["sha256"] else (None, "differs")


def restore(args: argparse.Namespace) -> int:
    """Put one manifest item's text back in the cache, refusing a text whose sha256 is not the manifest's."""
    row = {r["id"]: r for r in manifest_rows()}.get(args.id)
    if row is None:
        sys.exit(f"error: {args.id} is not in the manifest")
    text = json.loads(sys.stdin.read().strip())
    if not isinstance(text, str):
        sys.exit(f"error: {args.id}: stdin must be one JSON string literal (the excerpt, quotes included)")
    if sha256(text) != row["sha256"]:
        sys.exit(f"error: {args.id}: sha256 {sha256(text)[:12]} ({len(text)} chars) is not the manifest's "
                 f"{row['sha256'][:12]} ({row['chars']} chars); not saved")
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / f"{args.id}.txt").write_text(text, encoding="utf-8")
    print(f"restored {args.id}: {len(text)} chars, sha256 matches the manifest")
    return 0


def missing(args: argparse.Namespace) -> int:
    """The items of a split whose text is not in the cache as the manifest has it (id, url, query)."""
    count = 0
    for row in manifest_rows():
        if args.split != "all" and row.get("split") != args.split:
            continue
        if cached_text(row)[1] is None:
            continue
        count += 1
        print(json.dumps({key: row.get(key) for key in ("id", "url", "query", "title")}, ensure_ascii=False))
    print(f"{count} {args.split} items missing", file=sys.stderr)
    return 1 if count else 0


def build(args: argparse.Namespace) -> int:
    rows = [r for r in manifest_rows() if args.split == "all" or r.get("split") == args.split]
    gold = gold_rows()
    articles, golds, problems = [], [], []
    for row in rows:
        text, wrong = cached_text(row)
        if wrong == "missing":
            problems.append(f"{row['id']}: missing from the cache ({row['url']})")
            continue
        if wrong == "differs":
            problems.append(f"{row['id']}: sha256 differs from the manifest ({row['url']})")
            continue
        if row["id"] not in gold:
            problems.append(f"{row['id']}: no gold annotation")
            continue
        article = {key: row.get(key) for key in ("id", "url", "title", "date", "source")} | {"text": text}
        if article["date"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", article["date"]):
            article["date"] = None  # only a month or a year is known: the input format takes full dates
        articles.append(article)
        golds.append(gold[row["id"]])
    suffix = "" if args.split == "dev" else f"-{args.split}"
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / f"articles{suffix}.jsonl").write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    (CACHE / f"gold{suffix}.jsonl").write_text(
        "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in golds), encoding="utf-8")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(articles)} of {len(rows)} {args.split} items assembled in {CACHE}; {len(problems)} problems")
    return 1 if problems else 0


def merge(args: argparse.Namespace) -> int:
    rows = manifest_rows()
    gold = gold_rows()
    MANIFEST.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    for split in SPLITS:
        gold_path(split).write_text("".join(json.dumps(gold[r["id"]], ensure_ascii=False) + "\n"
                                for r in rows if r["id"] in gold and r.get("split") == split), encoding="utf-8")
    print(f"{len(rows)} manifest lines, {sum(r['id'] in gold for r in rows)} gold lines")
    return 0


BODIES = {"NATO", "UN", "EU", "AFU", "ASEAN", "SCO", "CSTO", "OSCE", "ECOWAS", "GCC", "CIS", "SADC", "EAC", "IGAD", "OAS", "ICRC", "INTERPOL", "IAEA", "OPCW", "AL", "OIC"}
GOLD_KEYS = {"id", "date", "persons", "mentioned", "meetings", "delegations", "forums", "invitations", "notes"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def gold_problems(gold: dict) -> list[str]:
    """What makes one gold line break FORMAT.md (keys, codes, dates, names that resolve)."""
    problems = [f"missing key {key}" for key in sorted(GOLD_KEYS - gold.keys())]
    side = lambda code: code is None or code in BODIES or re.fullmatch(r"[A-Z]{2}", code or "")
    names = set()
    for person in gold.get("persons", []):
        names.add(person["name"])
        names.update(person.get("aliases") or [])
        if not side(person.get("country")):
            problems.append(f"person {person['name']}: country {person.get('country')!r} is not a code")
    if gold.get("date") is not None and not DATE.match(gold["date"]):
        problems.append(f"date {gold['date']!r}")
    for meeting in gold.get("meetings", []):
        if meeting.get("mode") not in ("in_person", "call", "video"):
            problems.append(f"meeting mode {meeting.get('mode')!r}")
        if not meeting.get("date") or not DATE.match(meeting["date"]):
            problems.append(f"meeting date {meeting.get('date')!r}")
        if meeting.get("countries") != sorted(meeting.get("countries", [])) or len(meeting.get("countries", [])) < 2:
            problems.append(f"meeting countries {meeting.get('countries')} must be >= 2 codes, sorted")
        problems += [f"meeting side {c!r} is not a code" for c in meeting.get("countries", []) if not side(c)]
        if meeting.get("host_country") not in (None, *meeting.get("countries", [])):
            problems.append(f"host {meeting.get('host_country')} is not one of the sides")
        problems += [f"participant {p!r} is not a person's name" for p in meeting.get("participants", []) if p not in names]
    for delegation in gold.get("delegations", []):
        if delegation.get("leader") not in names:
            problems.append(f"delegation leader {delegation.get('leader')!r} is not a person's name")
    for invitation in gold.get("invitations", []):
        for end in ("inviter", "invitee"):
            if invitation.get(end) not in names:
                problems.append(f"invitation {end} {invitation.get(end)!r} is not a person's name")
    return problems


def check(args: argparse.Namespace) -> int:
    gold = gold_rows()
    bad = 0
    for row in manifest_rows():
        if row["id"] not in gold:
            print(f"{row['id']}: no gold annotation")
            bad += 1
            continue
        for problem in gold_problems(gold[row["id"]]):
            print(f"{row['id']}: {problem}")
            bad += 1
    print(f"{bad} problems")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    adding = commands.add_parser("add", help="save one excerpt (a JSON string literal on stdin)")
    for name in ("id", "url", "title", "source", "query", "part"):
        adding.add_argument(f"--{name}", required=True)
    adding.add_argument("--date", default=None)
    adding.add_argument("--split", choices=SPLITS, required=True)
    adding.add_argument("--genre", default=None, help="reception, visit, call, multi, sidelines, invitation, negative ...")
    adding.add_argument("--replace", action="store_true")
    adding.set_defaults(run=add)
    restoring = commands.add_parser("restore", help="put a manifest item's text back (a JSON string literal on stdin)")
    restoring.add_argument("--id", required=True)
    restoring.set_defaults(run=restore)
    listing = commands.add_parser("missing", help="list the items of a split not in the cache (JSON lines)")
    listing.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    listing.set_defaults(run=missing)
    building = commands.add_parser("build", help="assemble articles.jsonl and gold.jsonl from the cache")
    building.add_argument("--split", choices=(*SPLITS, "all"), default="dev")
    building.set_defaults(run=build)
    merging = commands.add_parser("merge", help="fold parts/ into manifest.jsonl and gold.jsonl")
    merging.set_defaults(run=merge)
    checking = commands.add_parser("check", help="check every gold line against FORMAT.md")
    checking.set_defaults(run=check)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
