"""Dates: the publication date, and event dates resolved against it.

Everything here is pure. An event date is returned as ISO text at the precision the text gives
("2024-06-14", "2024-06", "2024").
"""
from __future__ import annotations

import re
from datetime import date, timedelta

_MONTH_FORMS = [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
                ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
                ("november", "nov"), ("december", "dec")]
MONTHS = {name: number for number, names in enumerate(_MONTH_FORMS, start=1) for name in names}
MONTH_FULL_NAMES = tuple(names[0] for names in _MONTH_FORMS)  # "january" ... "december"
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
# a month written out or abbreviated (also read by the contact walk, for the dates around it)
MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\.?"
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# no day or date follows: "in a phone call on Tuesday" is no call on someone
NOT_A_DAY_AHEAD = rf"(?!\s+(?:{_WEEKDAY_RE}|{MONTH_NAMES}|\d)\b)"

# explicit: "June 25", "25 June", "on 13 October", "February 21, 2024", "10th March, 2025", "Sept. 10"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_NAMES})(?:,?\s+(\d{{4}}))?(?!\d)")
_MONTH_DAY = re.compile(rf"\b({MONTH_NAMES})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s+[A-Z])(?!\s*(?:,\s*)?\d{{3}}[^\d])(?:(?:,?\s+|\s*/\s*)(\d{{4}}))?")
_WEEKDAY = re.compile(rf"\b(?:(last|this|next|on|On|since|from|Last|This|Next)\s+)?({_WEEKDAY_RE})\b(?:\s*\((\d{{1,2}})\))?")
# the weekday's own date written beside it: "on Monday (11 June 2019)", "on Tuesday, June 11", "Friday 3 May"
_DATE_BESIDE_WEEKDAY = re.compile(rf"\s*[,(]?\s*(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAMES}|"
                                  rf"{MONTH_NAMES}\s+\d{{1,2}}\b)")
_RELATIVE = re.compile(r"\b(yesterday|last night|last evening|today|tonight|this (?:morning|afternoon|evening)|earlier today|later today|"
                       r"earlier this week|this week|last week|earlier this month|this month|last month|"
                       r"the day before yesterday|on the eve)\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")


def parse_iso(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _year_for(month: int, day: int | None, pub: date | None, past: bool = True) -> int | None:
    """The year of a day/month given without one: the latest such date not after publication (for past
    events), or the next one (for announced events)."""
    if pub is None:
        return None
    year = pub.year
    try:
        candidate = date(year, month, day or 1)
    except ValueError:
        return year
    if past and candidate > pub + timedelta(days=7):
        return year - 1
    if not past and candidate < pub - timedelta(days=31):
        return year + 1
    return year


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None:
        return None
    if month is not None and not 1 <= month <= 12:
        return None  # no such month: not a date
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}"


def publication_date(field: str | None, first_line: str | None, dateline: str | None, text: str = "") -> str | None:
    """The article's date: the input field, else the scraped first line, else the dateline."""
    for candidate in (field, first_line):
        if parse_iso(candidate):
            return candidate[:10]
    if dateline:
        resolved = explicit_date(dateline, None)
        if resolved and len(resolved) == 10:
            return resolved
    return None


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/\-](0?[1-9]|1[0-2])(?:[/\-](0?[1-9]|[12]\d|3[01]))?(?=[/\-_.]|$)")


def url_date(url: str | None) -> str | None:
    """The date a news URL's path carries ("/2012/09/", "/2019/07/26/", "/2023-02-07-..."): "YYYY-MM-DD" or
    "YYYY-MM", or None."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    year, month, day = match.group(1), int(match.group(2)), match.group(3)
    return f"{year}-{month:02d}-{int(day):02d}" if day else f"{year}-{month:02d}"


_URL_YEAR = re.compile(r"/((?:19|20)\d\d)(?=/)")
# a year standing apart in a path segment: "news_archive_2012_-_07", "archive-2016"
_URL_YEAR_IN_SEGMENT = re.compile(r"(?<=[/_\-])((?:19[89]|20[0-4])\d)(?=[/_\-.]|$)")


def url_year(url: str | None) -> str | None:
    """The year a news URL's path carries alone ("asianlite.ae/2022/top-news/..."), else the one year a path
    segment sets apart ("/news_archive_2012_-_07/"), or None."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "").split("?")[0]
    match = _URL_YEAR.search(path)
    if match:
        return match.group(1)
    years = set(_URL_YEAR_IN_SEGMENT.findall(path))
    return years.pop() if len(years) == 1 else None


def reference_date(publication: str | None, dateline: str | None) -> str | None:
    """The day the story's "today" and "on Tuesday" count from: the dateline's date when it gives one a
    few days before publication ("Baku, May 13" in an article dated the 14th) or a day after it (time
    zones), else the publication date."""
    pub = parse_iso(publication)
    if pub is None or not dateline:
        return publication
    dateline = re.sub(r"(?<=[A-Za-z])\.(?=\d)", ". ", dateline)  # "Mar.14"
    resolved = parse_iso(explicit_date(dateline, pub))
    if resolved is not None and len(explicit_date(dateline, pub) or "") == 10 and \
            timedelta(days=-1) <= pub - resolved <= timedelta(days=7):  # a day ahead: another time zone
        return resolved.isoformat()
    return publication


_INLINE_DATELINE = re.compile(rf"(?:^|\s)[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){{0,2}},\s+(?P<date>{MONTH_NAMES}\s+\d{{1,2}},\s+\d{{4}}|"
                              rf"\d{{1,2}}\s+{MONTH_NAMES},?\s+\d{{4}})\s*[-–—]\s")


def inline_dateline(text: str) -> tuple[str, date] | None:
    """A wire's dateline inside a sentence ("American Forces Press Service WASHINGTON, June 12, 2013 - X hosted Y
    yesterday"): the sentence without the dateline's date, and that day, against which its "yesterday" counts."""
    match = _INLINE_DATELINE.search(text)
    day = parse_iso(explicit_date(match.group("date"), None)) if match else None
    if day is None:
        return None
    return text[:match.start("date")] + " " * len(match.group("date")) + text[match.end("date"):], day


def explicit_date(text: str, pub: date | None, past: bool = True) -> str | None:
    """An explicit calendar date in ``text`` (first found), completed with the year if missing."""
    text = _this_month_named(text, pub)
    match = _ISO.search(text)
    if match:
        return _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _NUMERIC.search(text)
    if match:
        first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if second > 12 >= first:
            first, second = second, first  # "08/28/2012": the American order, month first
        return _iso(year, second, first)
    found = []
    for match in _DAY_MONTH.finditer(text):
        found.append((match.start(), int(match.group(1)), _month(match.group(2)), match.group(3)))
    for match in _MONTH_DAY.finditer(text):
        found.append((match.start(), int(match.group(2)), _month(match.group(1)), match.group(3)))
    if found:
        _, day, month, year = min(found)
        if not 1 <= day <= 31:
            return None
        return _iso(int(year) if year else _year_for(month, day, pub, past), month, day)
    return None


# "on 12 and 13 May", "12-14 May 2025", "from 3 to 5 June", "May 12-13", "June 3 and 4, 2024"
_RANGE_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|and|to|until|through)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+"
                              rf"(?:of\s+)?({MONTH_NAMES})(?:,?\s+(\d{{4}}))?")
_RANGE_MONTH_DAY = re.compile(rf"\b({MONTH_NAMES})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|and|to|until|through)\s*(\d{{1,2}})"
                              rf"(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")
# across two months: "from 31 August to 1 September 2022", "May 30 - June 2, 2023"
_RANGE_ACROSS_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_NAMES})\s*(?:-|–|to|until|through)\s*"
                                     rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_NAMES})(?:,?\s+(\d{{4}}))?")
_RANGE_ACROSS_MONTH_DAY = re.compile(rf"\b({MONTH_NAMES})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|until|through)\s*"
                                     rf"({MONTH_NAMES})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")
_NTH_DAY = re.compile(r"\b(?:on|during) the (first|second|third|fourth|fifth|final|last|closing|opening) day\b", re.I)
_DAY_NUMBERS = {"first": 0, "opening": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}


_THIS_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?this month\b")


def _this_month_named(text: str, pub: date | None) -> str:
    """"held from 12 to 13 this month" -> "... 13 January 2021": the month of publication written out."""
    if pub is None or "this month" not in text:
        return text
    return _THIS_MONTH.sub(lambda m: f"{m.group(1)} {pub.strftime('%B')} {pub.year}", text)


def date_range(text: str, pub: date | None) -> tuple[date, date] | None:
    """A span of days the text names ("visited Skopje on 12 and 13 May 2025", "from 12 to 13 this month"), or
    None."""
    text = _this_month_named(text, pub)
    found = []
    for match in _RANGE_DAY_MONTH.finditer(text):
        month = _month(match.group(3))
        found.append((match.start(), int(match.group(1)), month, int(match.group(2)), month, match.group(4)))
    for match in _RANGE_MONTH_DAY.finditer(text):
        month = _month(match.group(1))
        found.append((match.start(), int(match.group(2)), month, int(match.group(3)), month, match.group(4)))
    for match in _RANGE_ACROSS_DAY_MONTH.finditer(text):
        found.append((match.start(), int(match.group(1)), _month(match.group(2)), int(match.group(3)),
                      _month(match.group(4)), match.group(5)))
    for match in _RANGE_ACROSS_MONTH_DAY.finditer(text):
        found.append((match.start(), int(match.group(2)), _month(match.group(1)), int(match.group(4)),
                      _month(match.group(3)), match.group(5)))
    if not found:
        return None
    _, first, first_month, last, last_month, year = min(found)
    if first_month == last_month and not first < last:
        return None
    # the year written is the last day's; a span over the new year began the year before
    year = int(year) if year else _year_for(last_month, last, pub)
    if year is None:
        return None
    try:
        return date(year - (first_month > last_month), first_month, first), date(year, last_month, last)
    except ValueError:
        return None


def resolve_date(text: str, pub: date | None, previous: str | None = None,
                 days: tuple[date, date] | None = None) -> str | None:
    """The date an event sentence gives, resolved against the publication date; None if it gives none.

    ``previous`` is the date of the event told just before ("the same day", "the following day");
    ``days`` the span of a visit told before ("On the second day" of a "12-14 May" visit).
    """
    text = _this_month_named(text, pub)
    lowered = text.lower()
    prev = parse_iso(previous) if previous and len(previous) == 10 else None
    span = date_range(text, pub)
    if span:
        # "on August 28, during his two-day visit on August 27-28": the single day named wins, here or in
        # the sentence before ("The dialogue was held on August 28. It was co-chaired ... on August 27-28.")
        outside = text
        for ranges in (_RANGE_DAY_MONTH, _RANGE_MONTH_DAY, _RANGE_ACROSS_DAY_MONTH, _RANGE_ACROSS_MONTH_DAY):
            outside = ranges.sub(" ", outside)
        single = parse_iso(explicit_date(outside, pub)) or prev
        if single and span[0] <= single <= span[1]:
            return single.isoformat()
        return span[0].isoformat()  # a visit over several days begins on the first
    nth = _NTH_DAY.search(text)
    if nth and days:
        word = nth.group(1).lower()
        day = days[1] if word in ("final", "last", "closing") else days[0] + timedelta(days=_DAY_NUMBERS[word])
        return min(day, days[1]).isoformat()
    if re.search(r"\b(?:the same day|that same day|later (?:that|the same|in the) (?:day|afternoon|evening)|later that day|"
                 r"later in the day|on the same day|the same afternoon|the same evening|that afternoon|that evening|"
                 r"earlier in the day|that day)\b", lowered) and previous:
        return previous
    if re.search(r"\b(?:the following day|the next day|a day later|the day after)\b", lowered) and prev:
        return (prev + timedelta(days=1)).isoformat()
    if re.search(r"\b(?:a day earlier|the day before|the previous day|the preceding day)\b", lowered) and prev:
        return (prev - timedelta(days=1)).isoformat()
    # an explicit date wins, unless it is only the publication's and the sentence names another weekday or says
    # "yesterday": "Riyadh, 13th Feb, 2023 (Agency): X received here on Sunday ...", a dateline glued to the report
    # (a date written beside the weekday is that weekday's own, even when the two disagree)
    explicit = explicit_date(text, pub)
    # the weekday that dates the event: not one written beside its own date ("Thursday March 7, 2024 {Agency} A
    # delegation arrived on Wednesday": the dateline's weekday, then the event's)
    match = next((m for m in _WEEKDAY.finditer(text) if not _DATE_BESIDE_WEEKDAY.match(text, m.end())), None)
    relative = _RELATIVE.search(text)
    if explicit and not (pub is not None and explicit == pub.isoformat() and (
            match and not match.group(3) and WEEKDAYS[match.group(2).lower()] != pub.weekday()
            or relative and relative.group(1).lower() in ("yesterday", "last night", "last evening", "the day before yesterday",
                                                          "on the eve"))):
        return explicit
    if match and pub is not None:
        day_in_parens = match.group(3)
        if day_in_parens:
            return _iso(pub.year, pub.month, int(day_in_parens)) if int(day_in_parens) <= pub.day + 1 \
                else _iso(*_previous_month(pub), int(day_in_parens))
        qualifier = (match.group(1) or "").lower()
        target = WEEKDAYS[match.group(2).lower()]
        delta = (pub.weekday() - target) % 7
        if qualifier == "next":
            return (pub + timedelta(days=(target - pub.weekday()) % 7 or 7)).isoformat()
        if qualifier == "last" and delta == 0:
            delta = 7
        return (pub - timedelta(days=delta)).isoformat()
    match = _RELATIVE.search(text)
    if match and pub is not None:
        word = match.group(1).lower()
        if word == "the day before yesterday":
            return (pub - timedelta(days=2)).isoformat()
        if word in ("yesterday", "last night", "last evening", "on the eve"):
            return (pub - timedelta(days=1)).isoformat()
        if word in ("earlier this week", "earlier this month", "this month"):
            return _iso(pub.year, pub.month)
        # "this week": the week of publication, as a reader dates it (FORMAT.md: no closer clue, the publication
        # date)
        if word == "last week":
            return _iso(*_ym(pub - timedelta(days=7)))
        if word == "last month":
            return _iso(*_previous_month(pub))
        return pub.isoformat()
    return None


def _ym(day: date) -> tuple[int, int]:
    return day.year, day.month


def _previous_month(day: date) -> tuple[int, int]:
    return (day.year - 1, 12) if day.month == 1 else (day.year, day.month - 1)


def future_date(text: str, pub: date | None) -> str | None:
    """Date of an announced event ("to be held in Beijing in September", "next year", "in May 2025")."""
    explicit = explicit_date(text, pub, past=False)
    if explicit:
        return explicit
    match = re.search(rf"\b({MONTH_NAMES})(?:,?\s+(\d{{4}}))?", text)
    if match:
        month = _month(match.group(1))
        year = int(match.group(2)) if match.group(2) else _year_for(month, 28, pub, past=False)
        if year and re.search(r"\bnext " + re.escape(match.group(1).lower().rstrip(".")), text.lower()) and not match.group(2):
            year = pub.year + 1 if pub and month <= pub.month else year
        return _iso(year, month)
    if pub is not None and re.search(r"\bnext year\b", text, re.I):
        return _iso(pub.year + 1)
    match = re.search(r"\b(20\d\d)\b", text)
    if match:
        return match.group(1)
    if pub is not None and re.search(r"\b(?:this year|later this year|later in the year)\b", text, re.I):
        return _iso(pub.year)
    return None


_EARLIER_MONTH = re.compile(rf"\b(?i:in|during|at the (?:end|start|beginning|close) of|(?:in\s+)?(?:early|mid|late))[\s\-]+"
                            rf"({MONTH_NAMES})(?:,?\s+((?:19|20)\d\d))?\b(?!\s+\d)")
_LAST_MONTH = re.compile(rf"\b(?i:last|this past|past)\s+({MONTH_NAMES})(?!\s+\d)|\b({MONTH_NAMES})\s+last\b")
_EARLIER_YEAR = re.compile(r"\b(?i:in|during|at the)\s+((?:19|20)\d\d)\b(?![\-–/]\d)")


def earlier_period(text: str, pub: date | None) -> str | None:
    """The month or year of an earlier contact a sentence recalls, before the month of publication:
    "last met in late April" ("YYYY-04"), "visited Fiji at the end of June", "met in October 2019", "last
    October", "At the 2022 iteration of the dialogue, ..." ("2022"), "last year"; None for the month of
    publication (unless "last") or later."""
    if pub is None:
        return None
    match = _EARLIER_MONTH.search(text)
    if match:
        month = _month(match.group(1))
        if match.group(2) is None and month == pub.month:
            return None  # "in December", told in December: this month's, not an earlier one
        year = int(match.group(2)) if match.group(2) else (pub.year if month < pub.month else pub.year - 1)
        return _iso(year, month) if (year, month) < (pub.year, pub.month) else None
    match = _LAST_MONTH.search(text)
    if match:  # "last October", "in December last": the latest such month before this one
        month = _month(match.group(1) or match.group(2))
        return _iso(pub.year if month < pub.month else pub.year - 1, month)
    match = _EARLIER_YEAR.search(text)
    if match:
        return match.group(1) if int(match.group(1)) < pub.year else None
    if re.search(r"\blast year\b", text, re.I):
        return _iso(pub.year - 1)
    return None


def latest_month_named(text: str, year: str) -> int | None:
    """The latest month an article names with ``year`` ("his appointment in November 2017" -> 11)."""
    months = [_month(m.group(1)) for m in re.finditer(rf"\b({MONTH_NAMES})\.?,?\s+{year}\b", text)]
    return max(months) if months else None


def month_of_latest_date(text: str, year: str) -> int | None:
    """The month of the latest full date an article tells with ``year`` ("concluded on September 15, 2013",
    "on 15 September 2013") -> 9; not the date of a plan ("will take place on ...")."""
    months = []
    for match in re.finditer(rf"\b(?:({MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+({MONTH_NAMES})),?"
                             rf"\s+{year}\b", text):
        if not re.search(r"\b(?:will|next|until|till|by|planned|scheduled|to be)\b[^.;,]*$", text[max(0, match.start() - 40):match.start()]):
            months.append(_month(match.group(1) or match.group(2)))
    return max(months) if months else None


def latest_past_year(text: str) -> str | None:
    """The latest year an undated article names as past: not a plan ("will be held in 2014", "by 2030") and
    not the end of a span ("for 2024-2027"); or the year an anniversary it tells falls in ("since 1984,
    marking 40 years")."""
    years = []
    for match in re.finditer(r"\b((?:19[89]|20[0-4])\d)\b", text):
        before = text[max(0, match.start() - 40):match.start()]
        if re.search(r"\b(?:will|next|until|till|through|by|planned|scheduled|to be)\b[^.;,]*$", before) \
                or re.search(r"\b\d{4}\s*[-–]\s*$", before):
            continue
        years.append(int(match.group(1)))
    # "relations since 1984, marking 40 years", "the 25th anniversary of the treaty signed in 1999": that many
    # years after the year named
    for match in re.finditer(r"\b(?:since|in)\s+((?:19|20)\d\d)\b[^.;]{0,80}?\bmarking\s+(\d{1,3})\s+years\b|"
                             r"\b(\d{1,3})(?:st|nd|rd|th)\s+anniversary\b[^.;]{0,80}?\b(?:in|since)\s+((?:19|20)\d\d)\b", text):
        base, count = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        years.append(int(base) + int(count))
    return str(max(years)) if years else None
