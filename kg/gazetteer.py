"""Countries, demonyms, cities, institutions and international bodies -> codes.

The tables live in ``kg/data/`` (``countries.tsv``, ``institutions.tsv``, ``bodies.tsv``) and are
read once, on first use. Other modules rely on `country_name` and `is_international_body`;
extraction uses `lookup` and the compiled `surface_forms`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Surface:
    """One way a text can name a place, a people or an institution."""

    text: str
    code: str
    kind: str  # "country" | "demonym" | "city" | "institution" | "body"


def _rows(filename: str) -> list[list[str]]:
    text = resources.files("kg.data").joinpath(filename).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, tuple[str, str, str]], list[Surface]]:
    names: dict[str, str] = {}
    bodies: dict[str, tuple[str, str, str]] = {}
    surfaces: list[Surface] = []
    for row in _rows("countries.tsv"):
        row += [""] * (4 - len(row))
        code, country_names, demonyms, cities = row[:4]
        forms = [n.strip() for n in country_names.split(";") if n.strip()]
        names[code] = forms[0]
        surfaces += [Surface(n, code, "country") for n in forms]
        surfaces += [Surface(d.strip(), code, "demonym") for d in demonyms.split(";") if d.strip()]
        surfaces += [Surface(c.strip(), code, "city") for c in cities.split(";") if c.strip()]
    for code, name, city, country in _rows("bodies.tsv"):
        bodies[code] = (name, city, country)
    for name, code in _rows("institutions.tsv"):
        surfaces.append(Surface(name.strip(), code.strip(), "body" if code.strip() in bodies else "institution"))
    # a state's hyphenated name is often typed with a space ("Timor Leste", "Guinea Bissau")
    surfaces += [Surface(s.text.replace("-", " "), s.code, s.kind) for s in list(surfaces)
                 if s.kind == "country" and "-" in s.text]
    # a state's acronym is often typed with full stops ("R.O.K.", "U.A.E.", "D.P.R.K.")
    surfaces += [Surface(".".join(s.text) + ".", s.code, s.kind) for s in list(surfaces)
                 if s.kind == "country" and s.text.isupper() and s.text.isalpha() and 2 <= len(s.text) <= 4]
    # Romanian s and t with a comma below are often typed with a cedilla ("Chişinău" for "Chișinău")
    cedilla = str.maketrans("șțȘȚ", "şţŞŢ")
    surfaces += [Surface(s.text.translate(cedilla), s.code, s.kind) for s in list(surfaces)
                 if s.text.translate(cedilla) != s.text]
    return names, bodies, surfaces


def country_name(code: str | None) -> str | None:
    """Display name for a state's ISO code or an international body's code; None if unknown."""
    if not code:
        return None
    names, bodies, _ = _tables()
    code = code.upper()
    if code in names:
        return names[code]
    if code in bodies:
        return bodies[code][0]
    return None


def is_international_body(code: str | None) -> bool:
    """True for NATO, UN, EU, ASEAN, SCO, CSTO, AFU (African Union) and the other bodies listed."""
    return bool(code) and code.upper() in _tables()[1]


def body_seat(code: str) -> tuple[str, str] | None:
    """(city, country code) where an international body sits, or None."""
    entry = _tables()[1].get(code.upper())
    return (entry[1], entry[2]) if entry else None


def surface_forms() -> list[Surface]:
    """Every surface form, longest first (so that "Papua New Guinea" wins over "Guinea")."""
    return sorted(_tables()[2], key=lambda s: -len(s.text))


@lru_cache(maxsize=1)
def _index() -> dict[str, Surface]:
    index: dict[str, Surface] = {}
    for surface in surface_forms():
        index.setdefault(surface.text.casefold(), surface)
    return index


def lookup(text: str) -> Surface | None:
    """The surface form equal to ``text`` (case-insensitive), or None."""
    return _index().get(text.strip().casefold())


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    return {name.strip().casefold(): code.strip() for name, code in _rows("outlets.tsv")}


def is_outlet(name: str) -> bool:
    """A news outlet or agency of the outlet table, by its whole name ("Sputnik", "TASS")."""
    return name.strip().casefold() in _outlets()


def outlet_country(source: str | None) -> str | None:
    """Home state of a news outlet or official publisher ("TASS" -> RU, "Kenya Defence Forces" -> KE,
    "Ministerio de Defensa (Argentina)" -> AR), from the outlet table, else from a state, people or
    city its name contains ("Jakarta Post" -> ID); None if nothing says."""
    if not source or not source.strip():
        return None
    source = source.strip()
    known = _outlets()
    if source.casefold() in known:
        return known[source.casefold()]
    import re

    words = re.findall(r"[\w'.\-]+", re.sub(r"[()]", " ", source))
    best = None
    for size in (4, 3, 2, 1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start:start + size])
            surface = lookup(phrase) or lookup(phrase.rstrip("."))
            if surface is not None and surface.kind in ("country", "demonym", "city", "institution"):
                return surface.code
            if best is None and phrase.casefold() in known:
                best = known[phrase.casefold()]
    return best


def code_for(text: str) -> str | None:
    """Code of a country, demonym, city, institution or body named by ``text``."""
    surface = lookup(text)
    return surface.code if surface else None
