"""GDELT 2.0 event exports (`*.export.CSV`, zipped or not): the pages behind the coded contacts.

GDELT codes a contact as CAMEO numbers (04 consult, 05 engage in diplomatic cooperation ...) and a
source URL, never who the people were. `kg gdelt` selects the events, reads each distinct source
page once, and records the events' ids and codes on the article (`mdc:gdeltEvent`), so an analyst
can set what GDELT coded beside what the article says.

`parse_events` and `select_events` are pure; `read_export` opens a file; `gdelt_items` fetches.
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import InputError
from kg.model import Article
from kg.read.items import ReadFailure
from kg.read.web import is_url, page_items

# columns of a GDELT 2.0 event record (the event codebook, 61 tab-separated fields)
COLUMNS = 61
ID, SQLDATE = 0, 1
ACTOR1_CODE, ACTOR1_NAME, ACTOR1_COUNTRY = 5, 6, 7
ACTOR2_CODE, ACTOR2_NAME, ACTOR2_COUNTRY = 15, 16, 17
EVENT_CODE, EVENT_BASE_CODE, EVENT_ROOT_CODE, QUAD_CLASS, GOLDSTEIN = 26, 27, 28, 29, 30
ACTION_PLACE, ACTION_COUNTRY = 52, 53
SOURCE_URL = 60
MAX_EXPORT_BYTES = 500_000_000  # a 15-minute export is a few MB; a day's is a few hundred


@dataclass
class GdeltEvent:
    """One coded event, as GDELT gives it (codes are strings: "042", "04"; countries CAMEO alpha-3,
    the place's country a FIPS 10-4 code)."""

    id: str
    date: str | None
    event_code: str
    root_code: str
    quad_class: str
    goldstein: str
    actor1_code: str
    actor1_name: str
    actor1_country: str
    actor2_code: str
    actor2_name: str
    actor2_country: str
    place: str
    place_country: str
    url: str


def parse_events(lines: Iterable[str], origin: str) -> Iterator[GdeltEvent | InputError]:
    """Each line of an export as an event, or an `InputError` naming the line (a bad line fails alone)."""
    for number, row in enumerate(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != COLUMNS:
            yield InputError(f"{origin}:{number}: {len(row)} fields, not the {COLUMNS} of a GDELT 2.0 event record")
            continue
        day = row[SQLDATE]
        date = f"{day[:4]}-{day[4:6]}-{day[6:8]}" if len(day) == 8 and day.isdigit() else None
        yield GdeltEvent(row[ID], date, row[EVENT_CODE], row[EVENT_ROOT_CODE], row[QUAD_CLASS], row[GOLDSTEIN],
                         row[ACTOR1_CODE], row[ACTOR1_NAME], row[ACTOR1_COUNTRY],
                         row[ACTOR2_CODE], row[ACTOR2_NAME], row[ACTOR2_COUNTRY],
                         row[ACTION_PLACE], row[ACTION_COUNTRY], row[SOURCE_URL].strip())


def cameo_country(code: str) -> str:
    """The CAMEO (ISO alpha-3) code of a country given as ISO alpha-2 ("AZ") or alpha-3 ("AZE")."""
    code = code.strip().upper()
    if len(code) == 3 and code.isalpha():
        return code
    import pycountry

    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is None:
        raise InputError(f"--country {code!r}: not an ISO 3166-1 country code (e.g. AZ or AZE)")
    return country.alpha_3


def select_events(events: Iterable[GdeltEvent], cameo: Iterable[str], country: str | None = None) -> Iterator[GdeltEvent]:
    """The events whose CAMEO code starts with one of ``cameo`` ("04" takes 040 to 046) and, with
    ``country`` (CAMEO alpha-3), one of whose actors is that country's."""
    prefixes = tuple(code.strip() for code in cameo if code.strip())
    for event in events:
        if prefixes and not event.event_code.startswith(prefixes):
            continue
        if country and country not in (event.actor1_country, event.actor2_country):
            continue
        yield event


def parse_export(data: bytes, origin: str) -> Iterator[GdeltEvent | InputError]:
    """The events of an export's bytes, plain or zipped (the `.CSV` members of the zip)."""
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                members = [name for name in archive.namelist() if name.lower().endswith((".csv", ".tsv", ".txt"))]
                if not members:
                    yield InputError(f"{origin}: the zip holds no .CSV export")
                for name in members:
                    text = archive.read(name).decode("utf-8", "replace")
                    yield from parse_events(text.splitlines(), f"{origin}!{name}")
        except zipfile.BadZipFile as error:
            yield InputError(f"{origin}: a damaged zip file ({error})")
        return
    yield from parse_events(data.decode("utf-8", "replace").splitlines(), origin)


def read_export(path: Path) -> Iterator[GdeltEvent | InputError]:
    """The events of an export file (plain or zipped); a file that cannot be read is one `InputError`."""
    origin = str(path)
    try:
        if path.stat().st_size > MAX_EXPORT_BYTES:
            yield InputError(f"{origin}: larger than {MAX_EXPORT_BYTES:,} bytes; split it")
            return
        data = path.read_bytes()
    except OSError as error:
        yield InputError(f"{origin}: cannot read: {error.strerror}")
        return
    yield from parse_export(data, origin)


def events_by_url(events: Iterable[GdeltEvent]) -> dict[str, list[GdeltEvent]]:
    """Each distinct source URL with its events, in the order first seen."""
    grouped: dict[str, list[GdeltEvent]] = {}
    for event in events:
        if event.url:
            grouped.setdefault(event.url, []).append(event)
    return grouped


def gdelt_items(paths: Iterable[str], cameo: Iterable[str], country: str | None, fetcher,
                counts: dict | None = None) -> Iterator:
    """Articles for `kg.pipeline.ingest(items=...)`: each selected source page read once, carrying
    its events; a bad line, page or URL a `ReadFailure` naming it. ``counts`` gets the numbers of
    events read and selected, and of distinct URLs."""
    counts = counts if counts is not None else {}
    country_code = cameo_country(country) if country else None
    selected: list[GdeltEvent] = []
    failures: list[ReadFailure] = []
    read = 0
    for raw_path in paths:
        if is_url(raw_path):  # an export on GDELT's server (or a mirror), fetched once and cached
            fetched = fetcher.fetch(raw_path)
            exports = (parse_export(fetched.body, raw_path) if fetched.ok
                       else [InputError(f"{raw_path}: {fetched.describe()}")])
        else:
            exports = read_export(Path(raw_path))
        for item in exports:
            if isinstance(item, InputError):
                origin, _, reason = str(item).partition(": ")
                failures.append(ReadFailure(origin, reason))
                continue
            read += 1
            selected.extend(select_events([item], cameo, country_code))
    grouped = events_by_url(selected)
    counts.update(events=read, selected=len(selected), urls=len(grouped))
    yield from failures
    for url, events in grouped.items():
        for item in page_items(fetcher.fetch(url), date=events[0].date):
            if isinstance(item, Article):
                item.gdelt = [asdict(event) for event in events]
            yield item
