"""Forums: multilateral events named in a text, with their edition ("the 11th", "eleventh", "IX").

Known series come from ``data/forums.json`` (names, acronyms, usual city); unknown ones from a
generic pattern: a run of capitalised words ending in Forum / Dialogue / Symposium / Summit /
Exhibition / Air Show / Security Conference that names a defence or security subject; and meetings
named by a body and who meets ("the G20 summit", "a conclave of the defence ministers of the SCO",
``body_events`` in the same file), which writers leave in lower case.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.lexicon import lexicon

_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TENS = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80, "ninet": 90}
ORDINAL_WORDS = {word: n for n, word in enumerate(_UNITS + [
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth"], start=1)}
ORDINAL_WORDS["inaugural"] = 1  # "the inaugural Caspian Security Conference"
ORDINAL_WORDS["maiden"] = 1  # "the maiden edition of the ECOWAS Forum"
for _stem, _value in _TENS.items():  # "twentieth", "twenty-second", "forty-first"
    ORDINAL_WORDS[_stem + "ieth"] = _value
    for _n, _unit in enumerate(_UNITS, start=1):
        ORDINAL_WORDS[f"{_stem}y-{_unit}"] = _value + _n
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th)|(?i:" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")|[IVXLC]{1,7})"


def roman_to_int(text: str) -> int | None:
    if not re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", text) or not text:
        return None
    total = 0
    for i, char in enumerate(text):
        value = _ROMAN.get(char, 0)
        if i + 1 < len(text) and _ROMAN.get(text[i + 1], 0) > value:
            total -= value
        else:
            total += value
    return total or None


def ordinal_value(text: str) -> int | None:
    text = text.strip()
    if re.fullmatch(r"\d{1,3}(?:st|nd|rd|th)", text):
        return int(re.match(r"\d+", text).group(0))
    if text.lower() in ORDINAL_WORDS:
        return ORDINAL_WORDS[text.lower()]
    if text.isupper():
        return roman_to_int(text)
    return None


@dataclass
class ForumMention:
    start: int
    end: int
    name: str  # series name (canonical for known series)
    edition: int | None
    city: str | None
    aliases: tuple[str, ...] = ()
    series: str = ""  # the canonical series, which several surface names share
    surface: str = ""  # the name as the text writes it, without ordinal ("IDEX", "ASEAN Defense Ministers Meeting")

    def __post_init__(self) -> None:
        self.series = self.series or self.name
        if not self.surface or self.surface.islower():
            self.surface = self.name  # "the international army games": the series' own capitals


@lru_cache(maxsize=1)
def _known_regex() -> tuple[re.Pattern, dict[str, dict]]:
    by_surface: dict[str, dict] = {}
    for forum in lexicon().forums:
        for surface in [forum["name"], *forum.get("aliases", [])]:
            by_surface[surface.casefold()] = forum
    surfaces = sorted({s for f in lexicon().forums for s in [f["name"], *f.get("aliases", [])]}, key=len, reverse=True)
    parts = []
    for surface in surfaces:
        escaped = re.escape(surface).replace(r"\ ", r"\s+").replace("'", "['’]?")
        # British and American spellings are the same series ("Defense Industry Fair", "Organisation")
        escaped = re.sub(r"Defen[cs]e", "Defen[cs]e", escaped)
        escaped = re.sub(r"(?<=Organi)[sz](?=ation)", "[sz]", escaped)
        if surface.isupper() or re.fullmatch(r"[A-Z][A-Za-z]*[A-Z]+", surface):
            parts.append(f"(?-i:{escaped})")  # acronyms in upper case only
        else:
            parts.append(escaped)
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])(?!-Plus)", re.I), by_surface


def _spelling(surface: str) -> str:
    """The other spelling of a name ("Defense" <-> "Defence", "Organization" <-> "Organisation")."""
    swapped = re.sub(r"Defen([cs])e", lambda m: "Defen" + ("s" if m.group(1) == "c" else "c") + "e", surface)
    return re.sub(r"(?<=Organi)([sz])(?=ation)", lambda m: "s" if m.group(1) == "z" else "z", swapped)


# "KADEX-2026", "IDEF 2025", "SAHA EXPO 2024" before or after an exhibition word: a fair named by its acronym
_ACRONYM_FAIR = re.compile(r"(?<![\w\-])(?P<name>[A-Z][A-Z0-9]{2,9}(?:\s+EXPO)?)[\-\s](?P<year>20\d\d)(?!\d)"
                           r"(?=[^.;]{0,40}?\b(?:exhibition|expo|exposition|show|fair|salon|airshow|forum)\b|)",)
_FAIR_WORDS = re.compile(r"\b(?:exhibition|expo|exposition|show|fair|salon|airshow|air show|forum|conference)\b", re.I)


def _generic_regex() -> re.Pattern:
    lex = lexicon()
    heads = "|".join(re.escape(h) for h in sorted(lex.forum_generic_heads, key=len, reverse=True))
    word = r"(?:[A-Z][\w'’\-]*|of|the|and|on|for|in|&)"
    # "... Forum of NSAs", "... Summit of the Americas": a complement that names who meets belongs to the name
    complement = r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})?"
    return re.compile(rf"(?<![\w])((?:[A-Z][\w'’\-]*\s+)(?:{word}\s+){{0,7}}?(?:{heads}){complement})(?![\w])")


_GENERIC = None


# a series named as a standing framework, not an event held: "under the ADMM-Plus framework", "the ADMM-Plus
# Experts' Working Group on ...", "the ASEAN Secretariat"
_FRAMEWORK_AFTER = re.compile(r"(?:[\-\s]Plus|\+)?\)?\s*(?:\([^()]{1,12}\)\s*)?(?:framework|mechanism|format|platform|[Ss]ecretariat|"
                              r"(?:[Ee]xperts['’]?\s+)?[Ww]orking\s+[Gg]roups?|Leader|Chair|Co-[Cc]hair)\b")
# ... or named under which two sides cooperate: "cooperation under the ADMM, ADMM-Plus and Japan-led mechanisms"
_FRAMEWORK_BEFORE = re.compile(r"\bunder\s+(?:the\s+)?(?:[^.;]{0,90}?(?:,|\band\b|\()\s*)?$")
_POST_OF_THE_BODY = re.compile(r"\b(?:[Cc]hair(?:man|woman|person)?|[Vv]ice[- ][Cc]hair(?:man|woman|person)?|"
                               r"[Dd]eputy [Cc]hair(?:man|woman|person)?|[Ss]ecretary|[Dd]irector)\s+of\s+(?:the\s+)?$")
_VERB = re.compile(r"\b(?:met|meets|held|holds|attended|attends|hosted|hosts|was|were|is|are|took|takes)\b")


def find_forums(sentence: str) -> list[ForumMention]:
    global _GENERIC
    known, by_surface = _known_regex()
    found: list[ForumMention] = []
    taken: list[tuple[int, int]] = []
    for match in known.finditer(sentence):
        surface = re.sub(r"\s+", " ", match.group(0)).replace("’", "'")
        forum = by_surface.get(surface.casefold()) or by_surface.get(_spelling(surface).casefold())
        if forum is None:
            continue
        name = forum["name"]
        if _defined_otherwise(sentence, match, name):
            continue
        if surface.casefold() == _spelling(name).casefold():
            name = _spelling(name)  # the series as this text spells it
        edition = _edition_near(sentence, match.start(), match.end())
        found.append(ForumMention(match.start(), match.end(), name, edition, forum.get("city"),
                                  tuple(forum.get("aliases", [])), forum["name"], re.sub(r"\s+", " ", match.group(0))))
        taken.append((match.start(), match.end()))
    if _GENERIC is None:
        _GENERIC = _generic_regex()
    lex = lexicon()
    for match in _GENERIC.finditer(sentence):
        start, end = match.span(1)
        if any(s < end and start < e for s, e in taken):
            continue
        name = match.group(1)
        words = name.split()
        # leading ordinals / articles are not part of the name
        while words and (words[0] in ("The", "the") or ordinal_value(words[0]) or words[0] in ("Annual", "annual")):
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2:
            continue
        name = " ".join(words)
        if not any(req in name for req in lex.forum_generic_requires):
            continue
        if re.search(r"\b(?:Ministry|Department|Committee|Council|Command|Staff|Bilateral|Joint)\b", name):
            continue
        if _is_bilateral(name) or _is_bilateral(re.sub(r"(?<=[A-Z])\.", "", sentence[max(0, start - 12):start]) + name):
            continue  # "India-Japan Defence Policy Dialogue", "U.S.-Brazil ...": two states talking, not a multilateral event
        if words[-1] == "Dialogue" and not re.search(r"lateral|partite|[A-Z]\w*\s*[-–]\s*[A-Z]", name) \
                and _sides_named_in(sentence) < 3:
            # "the 9th Military-to-Military Dialogue between the DND and Japan's MOD": two sides talking (not "the
            # Trilateral Maritime Security Dialogue", "the India-Africa Defence Dialogue")
            continue
        series, city = _series_at_a_place(name, by_surface)
        if series is not None:
            # "the NATO Wales Summit": the series, at that place
            found.append(ForumMention(start, end, series["name"], _edition_near(sentence, start, end), city,
                                      tuple(series.get("aliases", [])), series["name"], name))
            continue
        found.append(ForumMention(start, end, name, _edition_near(sentence, start, end), None))
    for mention in [*_body_events(sentence, by_surface), *_summits_at_a_place(sentence, by_surface)]:
        if not any(s < mention.end and mention.start < e for s, e in taken) and \
                not any(f.start < mention.end and mention.start < f.end for f in found):
            found.append(mention)
    for match in _ACRONYM_FAIR.finditer(sentence):
        start, end = match.span("name")
        if any(s <= start < e or s < end <= e for s, e in taken) or any(f.start <= start < f.end for f in found):
            continue
        context = sentence[max(0, start - 40):match.end() + 60]
        if not _FAIR_WORDS.search(context) or gazetteer_code(match.group("name")):
            continue
        found.append(ForumMention(start, end, match.group("name"), None, None, (match.group("name"),)))
    return sorted((f for f in found if not _a_framework(sentence, f)), key=lambda f: f.start)


def _defined_otherwise(sentence: str, match: re.Match, name: str) -> bool:
    """A series' acronym in brackets after words that spell something else: "the Special Operations Forces Exercise
    (SOFEX)" is a drill, not the SOFEX exhibition."""
    if not match.group(0).isupper() or not sentence[:match.start()].endswith("("):
        return False
    before = re.search(r"([A-Z][\w\-]*)\s*\($", sentence[:match.start()])
    return before is not None and before.group(1).casefold() not in {w.casefold() for w in re.findall(r"[\w\-]+", name)}


def _a_framework(sentence: str, forum: ForumMention) -> bool:
    """Whether a forum's name stands for its standing framework here, not an event held (`_FRAMEWORK_AFTER`,
    `_FRAMEWORK_BEFORE`)."""
    if _FRAMEWORK_AFTER.match(sentence, forum.end) or _POST_OF_THE_BODY.search(sentence[:forum.start]):
        return True  # ... or a standing body in a post: "the chairman of the European Union Military Committee"
    under = _FRAMEWORK_BEFORE.search(sentence[:forum.start])
    return under is not None and not _VERB.search(under.group(0))


@lru_cache(maxsize=1)
def _body_event_regexes() -> tuple[re.Pattern, re.Pattern, re.Pattern, dict[str, str]]:
    """Two readings of a body's meeting: the body first ("the SCO Defence Ministers' conclave", "the G20
    summit") and the event first ("a meeting of the defence ministers of the SCO member states")."""
    from kg.gazetteer import surface_forms

    data = lexicon().forum_body_events
    bodies = {s.text for s in surface_forms() if s.kind == "body" and (s.text == s.code or len(s.text.split()) > 1)}
    bodies |= set(data["groups"])
    # acronyms in capitals only; a body's full name as it is capitalised
    # ("the Arab-League summit": a hyphen for a space)
    body = "(?-i:" + "|".join(re.escape(b).replace(r"\ ", r"[\s\-]+") for b in sorted(bodies, key=len, reverse=True)) + ")"
    who = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(data["attendees"], key=len, reverse=True))
    events = data["events"]
    event = "|".join(sorted(events, key=len, reverse=True))
    body_first = re.compile(rf"(?<![\w\-])(?P<body>{body})(?:['’]s)?\s+(?:(?P<who>{who})['’]?\s+)?(?P<event>{event})\b"
                            rf"(?!\s+(?:of|on|with)\b)", re.I)
    event_first = re.compile(rf"\b(?P<event>{event})\s+of\s+(?:the\s+)?(?P<who>{who})\s+of\s+(?:the\s+)?(?P<body>{body})"
                             rf"(?:\s*\((?P<acronym>[A-Z][A-Za-z]{{1,7}})\))?(?:\s+member\s+(?:states|countries|nations))?(?!\w)", re.I)
    return re.compile(rf"(?<![\w\-])(?P<body>{body})(?![\w\-])"), body_first, event_first, events


def _body_events(sentence: str, by_surface: dict) -> list[ForumMention]:
    """Meetings of a body named by the body and who meets (see the module). The series' name is the body as
    written (its acronym when the text gives one), who meets and the event word ("SCO Defence Ministers'
    Meeting"), or the known series it names; the surface is that name, or the words as written when the body
    comes first."""
    _, body_first, event_first, events = _body_event_regexes()
    series_events = set(lexicon().forum_body_events["series_events"])
    found = []
    for regex in (body_first, event_first):
        for match in regex.finditer(sentence):
            body = re.sub(r"[\s\-]+", " ", match.groupdict().get("acronym") or match.group("body"))
            who = match.group("who")
            if not who and events[match.group("event").lower()] not in series_events:
                continue  # "the SCO meeting": any meeting of the body, not one series
            if who:
                who = " ".join(w if w in ("of", "and") else w[:1].upper() + w[1:] for w in who.split())
                who += "'" if who.endswith("s") else ""
            name = " ".join(filter(None, [body, who, events[match.group("event").lower()]]))
            series = by_surface.get(name.casefold()) or by_surface.get(_spelling(name).casefold()) or {"name": name}
            surface = re.sub(r"\s+", " ", match.group(0)).replace("’", "'") if regex is body_first else name
            found.append(ForumMention(match.start(), match.end(), series["name"],
                                      _edition_near(sentence, match.start(), match.end()), series.get("city"),
                                      tuple(series.get("aliases", [])), surface=surface))
    return found


_SUMMIT_AT = re.compile(r"(?<![\w\-])(?:(?P<place>[A-Z][\w\-]+)\s+[Ss]ummit|[Ss]ummit\s+in\s+(?P<place2>[A-Z][\w\-]+))\b")


def _summits_at_a_place(sentence: str, by_surface: dict) -> list[ForumMention]:
    """"At the Warsaw summit in June 2016, the leaders of NATO's member states ...", "conclusions at the summit in
    Wales": a summit named by its place, in a sentence that names one body whose summits are a known series
    ("NATO Summit"), is that series at that place, labelled by the series' name (what readers record: the
    place's name for it is no series of its own)."""
    from kg.gazetteer import lookup

    body_named, _, _, _ = _body_event_regexes()
    summits = (by_surface.get(f"{_body_code(match.group('body'))} summit".casefold())
               for match in body_named.finditer(sentence))
    series = {forum["name"]: forum for forum in summits if forum}
    if len(series) != 1:
        return []
    [forum] = series.values()
    found = []
    for match in _SUMMIT_AT.finditer(sentence):
        place = match.group("place") or match.group("place2")
        surface = lookup(place)
        if surface is None or surface.kind not in ("city", "country"):
            continue
        found.append(ForumMention(match.start(), match.end(), forum["name"], _edition_near(sentence, match.start(), match.end()),
                                  place if surface.kind == "city" else None, tuple(forum.get("aliases", [])),
                                  forum["name"], forum["name"]))
    return found


def _body_code(text: str) -> str:
    """The code of a body a sentence names ("North Atlantic Treaty Organization" -> NATO), or a group's own
    name ("G20")."""
    from kg.gazetteer import lookup

    surface = lookup(text)
    return surface.code if surface is not None and surface.kind == "body" else re.sub(r"\s+", " ", text)


def gazetteer_code(text: str) -> str | None:
    from kg.gazetteer import code_for

    return code_for(text)


def _series_at_a_place(name: str, by_surface: dict) -> tuple[dict | None, str | None]:
    """A known series named with the place of one of its editions in it ("NATO Wales Summit" -> NATO Summit,
    Wales): the series and the place, else (None, None)."""
    from kg.gazetteer import lookup

    words = name.split()
    for index, word in enumerate(words):
        surface = lookup(word)
        if surface is None or surface.kind not in ("city", "country") or index == 0:
            continue
        rest = " ".join(words[:index] + words[index + 1:])
        series = by_surface.get(rest.casefold())
        if series is not None:
            return series, word
    return None, None


def _sides_named_in(sentence: str) -> int:
    """How many states and bodies a sentence names (three or more, or a body, can hold a multilateral dialogue)."""
    from kg.extract.mentions import find_places

    places = [p for p in find_places(sentence) if p.kind in ("country", "demonym", "institution", "body")]
    return 3 if any(p.kind == "body" for p in places) else len({p.code for p in places})


def _is_bilateral(name: str) -> bool:
    """"India-Japan Defence Policy Dialogue": two states talking. Three or more ("Georgian-Turkish-Azerbaijani
    Tripartite Defense Ministerial") meet as a multilateral event."""
    from kg.gazetteer import lookup

    if re.search(r"\b(?:Tripartite|Trilateral|Quadrilateral)\b", name) or re.search(
            r"[A-Z][\w]+\s*[-–—/]\s*[A-Z][\w]+\s*[-–—/]\s*[A-Z][\w]+", name):
        return False
    for pair in re.finditer(r"([A-Z][\w]+)\s*[-–—/]\s*([A-Z][\w]+)", name):
        first, second = lookup(pair.group(1)), lookup(pair.group(2))
        if first is not None and second is not None and first.kind in ("country", "demonym") \
                and second.kind in ("country", "demonym"):
            return True
    return False


def _edition_near(sentence: str, start: int, end: int) -> int | None:
    before = sentence[max(0, start - 60):start]
    # (an opening quote before it or the name: "in the sideline of '17th Head of Military Components Conference'")
    match = re.search(rf"(?:^|[\s(\"«'‘“])({_ORDINAL})\s+(?:(?:edition|session|meeting|round)\s+of\s+(?:the\s+)?)?"
                      rf"(?:the\s+)?[\"«'‘“]?$", before)
    if match:
        value = ordinal_value(match.group(1))
        if value:
            return value
    after = sentence[end:end + 12]
    match = re.match(r"\s*-\s*(\d{1,2})(?!\d)", after)  # "ADMM-18"
    if match:
        return int(match.group(1))
    return None
