"""A synthetic corpus in the genre: fictional military-diplomatic news with their expected facts.

`generate(count, seed)` yields ``(article, gold)`` pairs one at a time: the article in the JSONL
input form (``id, url, title, date, source, text``) and the facts a careful reader would record
from it in the gold format of ``tests/data/dev/FORMAT.md``. Every article depends only on the seed and its
index, so the output is deterministic, any slice can be produced alone, and 50,000 articles stream
without being held in memory. `write_corpus` writes ``articles.jsonl`` and ``gold.jsonl``.

The people are invented (name parts in ``kg/devtools/synth_data/names.json``); the countries, cities and
international bodies are real, so that the gazetteer knows them. A fixed population of officials
per country is drawn with skewed weights, so the same people recur across articles and the network
has hubs; a few are written with a variant spelling now and then. Every article says in its title,
source and last line that it is fictional.

Example:

>>> article, gold = next(generate(1, seed=7))
>>> article["source"]
'kg synth (fictional)'
>>> all(person["name"] in article["text"] for person in gold["persons"])
True
"""
from __future__ import annotations

import bisect
import json
import os
import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator

from kg.errors import KgError
from kg.output import ordinal

SOURCE = "kg synth (fictional)"
MAX_COUNT = 10_000_000
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]
_FIRST_DAY = date(2019, 1, 1)
_DAYS = (date(2025, 12, 31) - _FIRST_DAY).days
_KIND_WEIGHTS = {"reception": 26, "delegation": 20, "talks": 16, "call": 14, "video": 8, "sidelines": 16}


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _a(word: str) -> str:
    """The indefinite article: "an Emirati", "a Ukrainian"."""
    return ("an " if word[0] in "AEIO" or (word[0] == "U" and not word.startswith("Uk")) else "a ") + word


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("ş", "s").replace("ğ", "g"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=None)
def load_data(name: str) -> dict:
    """One of the JSON files in ``kg/devtools/synth_data`` (read once)."""
    return json.loads(resources.files("kg.devtools.synth_data").joinpath(f"{name}.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------ the population


@dataclass
class Official:
    """One invented person: what every article about them draws from."""

    given: str
    family: str
    family_first: bool
    side: str  # ISO code of the state, or an international body's code
    country: str | None  # ISO code; None for an international body's official
    rank: str | None
    title: str  # the post without its country: "Minister of Defence"
    alt_titles: list[str]
    national: str  # the post naming the country: "Commander of the Kenyan Navy"
    organization: str | None
    variant: str | None = None  # another spelling of the given name, used now and then

    @property
    def name(self) -> str:
        return self.name_with(self.given)

    def name_with(self, given: str) -> str:
        return f"{self.family} {given}" if self.family_first else f"{given} {self.family}"


@dataclass
class Side:
    code: str
    name: str  # "Kenya", or "NATO"
    demonym: str  # "Kenyan", or "NATO"
    cities: list[str]
    officials: list[Official] = field(default_factory=list)
    cumulative: list[float] = field(default_factory=list)  # Zipf-like weights of the officials
    head: str = ""  # the head of state articles mention (never a participant)
    is_body: bool = False


@dataclass
class Population:
    states: list[Side]
    state_cumulative: list[float]
    bodies: list[Side]

    def pick_state(self, rng: random.Random, exclude: set[str] = frozenset()) -> Side:
        while True:
            side = self.states[bisect.bisect(self.state_cumulative, rng.random() * self.state_cumulative[-1])]
            if side.code not in exclude:
                return side

    @staticmethod
    def pick_official(side: Side, rng: random.Random, exclude: list[Official] = ()) -> Official:
        for _ in range(50):
            official = side.officials[bisect.bisect(side.cumulative, rng.random() * side.cumulative[-1])]
            if official not in exclude:
                return official
        return next(o for o in side.officials if o not in exclude)


def _cumulative(count: int, exponent: float) -> list[float]:
    total, out = 0.0, []
    for index in range(count):
        total += 1.0 / (index + 1) ** exponent
        out.append(total)
    return out


def officials_per_country(count: int) -> int:
    """The population grows with the corpus, so a large corpus is not 60 people meeting 1,000 times."""
    return max(6, min(300, round(count / 250)))


def build_population(seed: int, count: int) -> Population:
    """The invented officials of every country, deterministic for (seed, count)."""
    rng = random.Random(f"kg-synth:{seed}:population")
    names, posts, countries = load_data("names"), load_data("posts"), load_data("countries")
    per_country = officials_per_country(count)
    post_list = posts["posts"]
    post_weights = [p["weight"] for p in post_list]
    used_families: set[str] = set()
    family_pools: dict[str, Iterator[str]] = {}

    def families(style: dict) -> Iterator[str]:
        """Every stem + suffix in a shuffled order, then two stems + suffix, then two family names."""
        single = [stem + suffix for stem in style["stems"] for suffix in style["suffixes"]]
        rng.shuffle(single)
        yield from single
        double = [stem + other.lower() + suffix for stem in style["stems"] for other in style["stems"]
                  if other != stem for suffix in style["suffixes"]]
        rng.shuffle(double)
        yield from double
        for first in single:  # a large corpus of a style with few stems: double-barrelled names
            for second in single:
                if first != second:
                    yield f"{first} {second}" if style.get("family_first") is None else first + second.lower()

    def invent_name(style_name: str) -> tuple[str, str]:
        """A given name and a family name nobody else in the population has (one person per "General X")."""
        style = names["styles"][style_name]
        pool = family_pools.setdefault(style_name, families(style))
        for family in pool:
            if family and family not in used_families:
                used_families.add(family)
                return rng.choice(style["given"]), family
        raise KgError(f"the invented family names of the style {style_name!r} ran out: "
                      "add stems or suffixes to kg/devtools/synth_data/names.json")

    def fill(template: str, side: Side) -> str:
        return template.format(country=side.name, demonym=side.demonym)

    states = []
    for entry in countries["countries"]:
        name = f"{entry['article']} {entry['name']}" if entry.get("article") else entry["name"]
        side = Side(entry["code"], name, entry["demonym"], entry["cities"])
        style = names["styles"][entry["style"]]
        for index in range(per_country):
            # one minister and one chief of staff a country; the other posts are drawn by weight
            post = post_list[index] if index < 2 else rng.choices(post_list[2:], post_weights[2:])[0]
            given, family = invent_name(entry["style"])
            variant = names["variants"].get(given)
            if variant is None and _ascii(given + family) != given + family:
                variant = _ascii(given)  # diacritics dropped: "Ayşe" -> "Ayse"
            side.officials.append(Official(
                given=given, family=family, family_first=bool(style.get("family_first")),
                side=side.code, country=side.code, rank=rng.choice(post["ranks"]),
                title=post["title"], alt_titles=post["alt"], national=fill(post["national"], side),
                organization=fill(post["organization"], side),
                variant=variant if variant and rng.random() < 0.5 else None))
        rng.shuffle(side.officials)  # who is busiest is not decided by the post order
        side.cumulative = _cumulative(per_country, 1.0)
        head_given, head_family = invent_name(entry["style"])
        side.head = f"{head_family} {head_given}" if style.get("family_first") else f"{head_given} {head_family}"
        states.append(side)
    rng.shuffle(states)

    bodies = []
    for entry in countries["bodies"]:
        side = Side(entry["code"], entry["name"], entry["name"], [], is_body=True)
        for post in entry["posts"]:
            given, family = invent_name(rng.choice(["germanic", "latin", "slavic", "hellenic", "african"]))
            side.officials.append(Official(
                given=given, family=family, family_first=False, side=side.code, country=None,
                rank=rng.choice([None, "General", "Admiral", "Lieutenant General"]) if "Military" in post else None,
                title=post, alt_titles=[], national=post, organization=entry["name"]))
        side.cumulative = _cumulative(len(side.officials), 1.0)
        bodies.append(side)
    return Population(states, _cumulative(len(states), 0.7), bodies)


# ------------------------------------------------------------------ one article


class _Writer:
    """Builds one article's text and its gold facts side by side, so they cannot disagree."""

    def __init__(self, rng: random.Random, population: Population, published: date):
        self.rng = rng
        self.population = population
        self.published = published
        self.persons: dict[int, dict] = {}  # id(official) -> gold person
        self.written: dict[int, str] = {}  # id(official) -> the name as this article writes it
        self.mentioned: list[str] = []
        self.posts = load_data("posts")
        self.templates = load_data("templates")

    # --- people

    def name_of(self, official: Official) -> str:
        if id(official) not in self.written:
            given = official.variant if official.variant and self.rng.random() < 0.35 else official.given
            self.written[id(official)] = official.name_with(given)
        return self.written[id(official)]

    def family_of(self, official: Official) -> str:
        name = self.name_of(official)
        return name.split()[0] if official.family_first else official.family

    def full(self, official: Official, side: Side, bare: bool = False) -> str:
        """The first mention: name with rank and post, in one of several orders."""
        rng = self.rng
        name = self.name_of(official)
        rank_text = rng.choice(self.posts["rank_forms"][official.rank]) if official.rank else None
        ranked = f"{rank_text} {name}" if rank_text else name
        position: str | None
        if bare:
            text, position = ranked, None
        elif side.is_body:
            text, position = (f"the {official.title}, {ranked}", official.title) if rng.random() < 0.6 \
                else (f"{ranked}, {official.title},", official.title)
        else:
            title = rng.choice([official.title, official.title, *official.alt_titles])
            form = rng.randrange(6)
            if form == 0:
                text, position = f"{_possessive(side.name)} {title}, {ranked}", title
            elif form == 1:
                text, position = f"{ranked}, {official.national},", official.national
            elif form == 2:
                text, position = f"{side.demonym} {title} {ranked}", title
            elif form == 3:
                text, position = f"the {title} of {side.name}, {ranked}", f"{title} of {side.name}"
            elif form == 4:
                text, position = f"{ranked}, the {side.demonym} {title},", title
            else:
                text, position = f"{ranked}, {title} of {side.name},", f"{title} of {side.name}"
        self.persons.setdefault(id(official), {
            "name": name, "aliases": [], "country": official.country,
            "rank": official.rank if rank_text else None, "position": position,
            "organization": official.organization if position else None})
        return text

    def short(self, official: Official) -> str:
        """A later reference: "General Vorov", "Minister Vorov", or the family name alone."""
        family = self.family_of(official)
        gold = self.persons[id(official)]
        if family != gold["name"] and family not in gold["aliases"]:
            gold["aliases"].append(family)
        choice = self.rng.random()
        if official.rank and gold["rank"] and choice < 0.4:
            return f"{self.posts['rank_short'][official.rank]} {family}"
        if "Minister" in official.title and choice < 0.7 and gold["position"]:
            return f"Minister {family}"
        return family

    # --- dates

    def when(self) -> tuple[date, str, str]:
        """The contact's date and how the text says it: after a verb, and at a sentence's start."""
        rng = self.rng
        days_before = rng.choices(range(7), [30, 30, 12, 10, 8, 5, 5])[0]
        day = self.published - timedelta(days=days_before)
        roll = rng.random()
        if days_before == 0 and roll < 0.35:
            return day, " today", "Today, "
        if days_before == 0 and roll < 0.6:
            return day, "", ""
        if days_before == 1 and roll < 0.5:
            return day, " yesterday", "Yesterday, "
        if roll < 0.8:
            weekday = _WEEKDAYS[day.weekday()]
            return day, f" on {weekday}", f"On {weekday}, "
        explicit = f"{day.day} {_MONTHS[day.month - 1]}" if rng.random() < 0.5 \
            else f"{_MONTHS[day.month - 1]} {day.day}"
        return day, f" on {explicit}", f"On {explicit}, "

    # --- sentences

    def sentence(self, kind: str, template: str | None = None, **values) -> str:
        return tidy((template or self.rng.choice(self.templates[kind])).format(**values))


def tidy(sentence: str) -> str:
    """Capitalise, and drop an appositive's closing comma where punctuation follows anyway."""
    for before, after in ((",.", "."), (",,", ","), (", ,", ",")):
        sentence = sentence.replace(before, after)
    return sentence[0].upper() + sentence[1:]


def make_article(index: int, seed: int, population: Population, prefix: str = "synth") -> tuple[dict, dict]:
    """The article number ``index`` of the corpus ``seed`` and its gold facts."""
    rng = random.Random(f"kg-synth:{seed}:{index}")
    published = _FIRST_DAY + timedelta(days=rng.randrange(_DAYS))
    writer = _Writer(rng, population, published)
    templates = writer.templates
    article_id = f"{prefix}-{index + 1:06d}"
    kind = rng.choices(list(_KIND_WEIGHTS), list(_KIND_WEIGHTS.values()))[0]

    host = population.pick_state(rng)
    if kind in ("reception", "talks", "call", "video") and rng.random() < 0.08:
        guest = rng.choice(population.bodies)
    else:
        guest = population.pick_state(rng, exclude={host.code})
    a = population.pick_official(host, rng)
    b = population.pick_official(guest, rng)
    day, when, when_start = writer.when()
    topic, topic2 = rng.sample(templates["topics"], 2)
    city = rng.choice(host.cities)
    values = dict(when=when, When=when_start, city=city, country_A=host.name, side_B=guest.name,
                  demonym_A=host.demonym, demonym_B=guest.demonym, a_demonym_B=_a(guest.demonym),
                  topic=topic, topic2=topic2)

    meeting = {"date": day.isoformat(), "countries": sorted({host.code, guest.code}),
               "host_country": host.code, "location": city, "location_country": host.code,
               "mode": "in_person", "participants": []}
    delegations, forums, invitations, meetings = [], [], [], [meeting]
    paragraphs: list[list[str]] = [[], []]
    members: list[Official] = []

    if kind == "sidelines":
        forum_entry = rng.choice(load_data("forums")["forums"])
        edition = rng.randint(2, 25)
        forum_text = f"the {ordinal(edition)} {forum_entry['name']}"
        if forum_entry["alias"] and rng.random() < 0.4:
            forum_text += f" ({forum_entry['alias']})"
        values.update(forum=forum_text, city=forum_entry["city"])
        meeting.update(location=forum_entry["city"], location_country=forum_entry["country"],
                       host_country=host.code if forum_entry["country"] == host.code else None)
        forums.append({"name": forum_entry["name"], "edition": edition, "date": day.isoformat()[:7],
                       "location": forum_entry["city"],
                       **({"aliases": [forum_entry["alias"]]} if forum_entry["alias"] and "(" in forum_text else {})})
    if kind in ("call", "video"):
        meeting.update(mode=kind, host_country=None, location=None, location_country=None)
    lead_template = rng.choice(templates[kind])
    if "{city}" not in lead_template and kind not in ("call", "video"):
        meeting["location"] = None  # the text names the country, not the city
    paragraphs[0].append(writer.sentence(kind, lead_template, A=writer.full(a, host), B=writer.full(b, guest),
                                         **values))
    meeting["participants"] = [writer.name_of(a), writer.name_of(b)]

    if kind == "delegation":
        delegation = {"leader": writer.name_of(b), "country": guest.code, "members": []}
        if rng.random() < 0.5 and len(guest.officials) > 3:
            members = [population.pick_official(guest, rng, exclude=[b])]
            if rng.random() < 0.5:
                members.append(population.pick_official(guest, rng, exclude=[b, *members]))
            written = [writer.full(m, guest, bare=bool(m.rank)) for m in members]
            listed = written[0] if len(written) == 1 else f"{written[0]} and {written[1]}"
            paragraphs[0].append(writer.sentence("members", members=listed))
            delegation["members"] = [writer.name_of(m) for m in members]
            meeting["participants"] += delegation["members"]
        delegations.append(delegation)

    body = paragraphs[1]
    short = {"A_short": writer.short(a), "B_short": writer.short(b)}
    remote = kind in ("call", "video")
    fillers = [t for t in templates["filler"]
               if not (remote and any(w in t for w in ("welcome", "gifts", "meeting")))
               and not (guest.is_body and "armed forces of {side_B}" in t)]
    for template in rng.sample(fillers, rng.randint(4, 6)):
        body.append(tidy(template.format(**values, A_short=writer.short(a), B_short=writer.short(b))))
    if rng.random() < 0.6:
        body.insert(rng.randrange(len(body) + 1), writer.sentence(
            "quote", quote=rng.choice(templates["quotes"]), A_short=writer.short(a), B_short=writer.short(b)))
    background = [t for t in templates["background"] if not (remote and "visit" in t)]
    paragraphs.append([tidy(t.format(country_A=host.name, side_B=guest.name, number=rng.randint(3, 40),
                                     year=published.year - rng.randint(1, 12)))
                       for t in rng.sample(background, rng.randint(2, 3))])

    if kind in ("reception", "delegation", "talks") and not guest.is_body and rng.random() < 0.3:
        a2 = population.pick_official(host, rng, exclude=[a])
        body.append(writer.sentence("second_meeting", A2=writer.full(a2, host), B_short=writer.short(b)))
        meetings.append({**meeting, "participants": [writer.name_of(a2), writer.name_of(b),
                                                     *[writer.name_of(m) for m in members]]})

    if rng.random() < 0.35 and not guest.is_body:
        inviter, invitee, inviter_side = (a, b, host) if rng.random() < 0.5 else (b, a, guest)
        names = {"I_short": writer.short(inviter), "J_short": writer.short(invitee)}
        if rng.random() < 0.5:
            forum_entry = rng.choice(load_data("forums")["forums"])
            if not forums or forums[0]["name"] != forum_entry["name"]:
                edition = rng.randint(2, 25)
                month_day = day + timedelta(days=rng.randint(40, 300))
                body.append(writer.sentence(
                    "invite_forum", forum=f"the {ordinal(edition)} {forum_entry['name']}",
                    city=forum_entry["city"], month=f"{_MONTHS[month_day.month - 1]} {month_day.year}", **names))
                forums.append({"name": forum_entry["name"], "edition": edition,
                               "date": month_day.isoformat()[:7], "location": forum_entry["city"]})
                invitations.append({"inviter": writer.name_of(inviter), "invitee": writer.name_of(invitee),
                                    "to": forum_entry["name"]})
        else:
            body.append(writer.sentence("invite_visit", country_I=inviter_side.name, **names))
            invitations.append({"inviter": writer.name_of(inviter), "invitee": writer.name_of(invitee),
                                "to": f"visit:{inviter_side.code}"})

    if rng.random() < 0.2:
        head_side = guest if "{side_B}" in (template := rng.choice(templates["mention"])) else host
        if not head_side.is_body:
            body.insert(rng.randrange(len(body) + 1),
                        template.format(head=head_side.head, side_B=guest.name, **short))
            writer.mentioned.append(head_side.head)

    closing = rng.choice(templates["closing"])
    text = "\n\n".join(" ".join(p) for p in paragraphs if p) + "\n\n" + closing
    dateline = rng.random()
    if dateline < 0.25 and kind not in ("call", "video"):
        text = f"{city.upper() if kind != 'sidelines' else values['city'].upper()}, " \
               f"{_MONTHS[published.month - 1]} {published.day} (kg synth) - " + text

    title = {"call": f"{host.name} and {guest.name} hold defence talks by phone",
             "video": f"{host.name} and {guest.name} hold a defence video conference",
             "sidelines": f"{host.demonym} and {guest.demonym} officials meet at a security forum",
             "delegation": f"{guest.demonym} military delegation visits {host.name}"}.get(
        kind, f"{host.name} and {guest.name} discuss defence cooperation")
    article = {"id": article_id, "url": f"https://example.org/kg-synth/{article_id}",
               "title": f"[Fictional] {title[0].upper()}{title[1:]}", "date": published.isoformat(), "source": SOURCE, "text": text}
    gold = {"id": article_id, "date": published.isoformat(), "persons": list(writer.persons.values()),
            "mentioned": writer.mentioned, "meetings": meetings, "delegations": delegations,
            "forums": forums, "invitations": invitations,
            "notes": f"Synthetic ({kind}), generated by kg synth with seed {seed}."}
    return article, gold


def gold_extraction(article: dict, gold: dict):
    """The gold facts of a synthetic article as the extractor hands facts over (`kg.model.Extraction`).

    For measuring what comes after extraction (resolution, mapping, the store) on realistic facts
    without paying for extraction; evidence is the sentence that names the person or the first one.
    """
    from kg.model import Article, Delegation, Extraction, Forum, Invitation, Meeting, Person, Place

    sentences = [s for s in article["text"].replace("\n\n", " ").split(". ") if s]

    def evidence(name: str) -> list[str]:
        return [next((s for s in sentences if name in s), sentences[0])]

    keys = {person["name"]: f"p{number}" for number, person in enumerate(gold["persons"], start=1)}
    persons = [Person(key=keys[p["name"]], name=p["name"], aliases=list(p["aliases"]), rank=p["rank"],
                      position=p["position"], country=p["country"], organization=p["organization"],
                      evidence=evidence(p["name"])) for p in gold["persons"]]
    delegations = [Delegation(key=f"d{number}", leader=keys[d["leader"]], country=d["country"],
                              members=[keys[m] for m in d["members"]], evidence=evidence(d["leader"]))
                   for number, d in enumerate(gold["delegations"], start=1)]
    meetings = []
    for number, m in enumerate(gold["meetings"], start=1):
        participants = [keys[name] for name in m["participants"]]
        meetings.append(Meeting(
            key=f"m{number}", date=m["date"], parties=list(m["countries"]), host=m["host_country"],
            participants=participants, mode=m["mode"],
            delegations=[d.key for d in delegations if d.leader in participants],
            location=Place(m["location"], m["location_country"]) if m["location"] else None,
            evidence=evidence(m["participants"][0])))
    forums = [Forum(key=f"f{number}", name=f["name"], edition=f["edition"], date=f["date"],
                    location=Place(f["location"]) if f.get("location") else None, aliases=list(f.get("aliases", [])))
              for number, f in enumerate(gold["forums"], start=1)]
    forum_keys = {forum.name: forum.key for forum in forums}
    invitations = [Invitation(key=f"i{number}", inviter=keys[i["inviter"]], invitee=keys[i["invitee"]],
                              forum=forum_keys.get(i["to"]),
                              country=i["to"][6:] if i["to"].startswith("visit:") else None,
                              evidence=evidence(i["inviter"]))
                   for number, i in enumerate(gold["invitations"], start=1)]
    source = Article(id=article["id"], text=article["text"], url=article.get("url"), title=article.get("title"),
                     date=article.get("date"), source=article.get("source"))
    return Extraction(article=source, date=gold["date"], persons=persons, meetings=meetings,
                      delegations=delegations, forums=forums, invitations=invitations)


# ------------------------------------------------------------------ corpus


def generate(count: int, seed: int = 0, prefix: str = "synth", start: int = 0) -> Iterator[tuple[dict, dict]]:
    """Yield ``count`` (article, gold) pairs, one at a time; the same seed gives the same corpus.

    ``start`` skips to an index, so a slice of a large corpus can be made alone (the population
    depends on ``count``: pass the corpus' full size with ``start`` to reproduce its slice).
    """
    if not 0 < count <= MAX_COUNT:
        raise KgError(f"the article count must be between 1 and {MAX_COUNT:,}, not {count:,}")
    population = build_population(seed, count)
    for index in range(start, count):
        yield make_article(index, seed, population, prefix)


@dataclass
class SynthReport:
    articles: int
    words: int
    articles_path: str
    gold_path: str

    def summary(self) -> str:
        return (f"Wrote {self.articles:,} fictional articles ({self.words:,} words) to {self.articles_path} "
                f"and their gold facts to {self.gold_path}")


def write_corpus(out_dir: str | os.PathLike, count: int, seed: int = 0, prefix: str = "synth",
                 gold_path: str | os.PathLike | None = None, readme: bool = True) -> SynthReport:
    """Write ``articles.jsonl`` (and ``gold.jsonl``, or ``gold_path``) into ``out_dir``, streaming."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise KgError(f"cannot create {out}: {error.strerror or error}") from None
    articles_path = out / "articles.jsonl"
    gold_file = Path(gold_path) if gold_path else out / "gold.jsonl"
    words = written = 0
    try:
        gold_file.parent.mkdir(parents=True, exist_ok=True)
        with open(articles_path, "w", encoding="utf-8") as articles_out, \
                open(gold_file, "w", encoding="utf-8") as gold_out:
            for article, gold in generate(count, seed, prefix):
                articles_out.write(json.dumps(article, ensure_ascii=False) + "\n")
                gold_out.write(json.dumps(gold, ensure_ascii=False) + "\n")
                words += len(article["text"].split())
                written += 1
        if readme:
            (out / "README.md").write_text(_readme(count, seed, prefix, gold_file, out), encoding="utf-8")
    except OSError as error:
        raise KgError(f"cannot write the corpus in {out}: {error.strerror or error}") from None
    return SynthReport(written, words, str(articles_path), str(gold_file))


def _readme(count: int, seed: int, prefix: str, gold_file: Path, out: Path) -> str:
    try:
        gold_name = str(gold_file.relative_to(out))
    except ValueError:
        gold_name = str(gold_file)
    gold_option = "" if gold_name == "gold.jsonl" else f" --gold OUT_DIR/{gold_name}"
    ndjson_note = "" if gold_file.suffix in (".jsonl", ".txt") else (
        f"\n  It is JSON Lines too; named `{gold_file.suffix}` because `kg ingest` reads every `.jsonl` and\n"
        "  `.txt` file of a directory, and the gold facts are not articles.")
    return f"""# A fictional corpus (generated)

**Everything here is fictional.** These {count:,} articles were generated by `kg synth`: the people,
their meetings, calls, delegations, forums and invitations are invented; only the countries and
cities are real. They imitate the genre of defence-ministry press releases so that `kg` has
something to read; none of them reports a real event. Each article says so in its title, its
source (`{SOURCE}`) and its last line.

- `articles.jsonl`: the articles, one JSON object a line (`id, url, title, date, source, text`).
- `{gold_name}`: the facts each article states, in the gold format of the project's
  `FORMAT.md` (`tests/data/dev/FORMAT.md`); score an extraction with `kg evaluate`.{ndjson_note}

Regenerate it exactly (the output depends only on the count and the seed):

    kg synth OUT_DIR --count {count} --seed {seed} --prefix {prefix}{gold_option}
"""
