"""Text clean-up for scraped news: junk first lines, datelines, signatures, glued sentences.

`clean_article(text)` returns a `CleanText`: the body ready for sentence splitting, plus what the
clean-up learnt on the way (the date on a scraped first line, the dateline's city and date).
Pure functions, no model.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from kg.extract.dates import MONTH_FULL_NAMES, WEEKDAYS

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
                         "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200b": "",
                         "\ufeff": "", "\u00ad": "", "\u2010": "-", "\u2011": "-", "\t": " "})

# " date 2024-06-14 + ↺ − 16 px" and similar scraper residue on the first line
_JUNK_DATE_LINE = re.compile(r"^\s*(?:date\s*[:\-]?\s*)?(\d{4}-\d{2}(?:-\d{2})?)\b[^\n]*$", re.I)
_JUNK_LINE = re.compile(r"^\s*(?:[+↺−\-–]\s*)*(?:\d+\s*px)?\s*$|^\s*[+↺−]\s")
_TAIL_MARKERS = re.compile(r"^\s*(?:Editor|Editing|Edited by|Reporting by|Writing by|Translated by|Source|COPYRIGHT|Copyright|©|"
                           r"Related news|Read more|Read also|Also read|Related|Tags?|Share|Tweet|Print|Photo|Photos|Image|"
                           r"Video|Follow us|Subscribe)\b[:\s]", re.I)
# a list of other stories begins: nothing after it is the story ("Check Also", "List of related news articles")
_OTHER_STORIES = re.compile(r"^\s*(?:(?:List of )?[Rr]elated (?:news|articles?|stories|posts|content|coverage)(?: articles)?|"
                            r"Check [Aa]lso|You (?:may|might) (?:also )?like|More (?:stories|news|from)|Latest (?:news|stories)|"
                            r"Most (?:read|popular|viewed)|Recommended(?: for you| stories)?|Trending(?: now| news)?|"
                            r"Other (?:news|stories)|See also|Also on)\b\s*[:\-–—]?\s*$")
_MEDIA_LABEL = re.compile(r"^\s*(?:Photo|Photos|Picture|Image|Video)(?:\s+News)?\s*:\s*(?=\S)", re.I)
_CAPTION = re.compile(r"^\s*[\[(](?:Photo|Photos|Image|Picture|Credit|File photo)\b[^\])]*[\])]\s*$", re.I)
_MONTHS = ("jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|"
           "oct|october|nov|november|dec|december")
# "BAKU, Feb 20 --", "MOSCOW, June 24 –", "NEW DELHI:", "Hanoi, September 26 –", "Abu Dhabi (Garuda News) -",
# "MOSCOW, August 17. /NordWire/.", "Karachi, 21 November 2024:", "ABU DHABI, 10th March, 2025 (EWS) --",
# "Addis Ababa, March 9/2023 (ADD)", "LOMÉ, Togo —", "DORAL, Fla. —", "NUR-SULTAN.", "Tashkent, 14 October."
_CITY = r"(?P<city>[A-ZÀ-Þ][\w'À-ÿ\-]*(?:\.(?=,))?(?:\s+[A-ZÀ-Þa-z][\w'À-ÿ\-]*){0,3}?)"
_DAYS = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?"  # "24-28": the days of a visit
_DATE_PART = (rf"(?P<date>{_DAYS}\s+(?i:{_MONTHS})\.?(?:,?\s+\d{{4}})?|(?i:{_MONTHS})(?:\.\s*|\s+){_DAYS}"
              rf"(?:\s*[,/]\s*\d{{4}})?)")
# the agency, in brackets (twice: "(08/28/2012)(readMedia)"), between slashes ("/African Press Organization
# (APO)/"), in capitals or by name before a dash (", Asia-Plus –")
_AGENCY = (r"(?:(?:,?\s*\([^)]{1,80}\)){1,2}|,?\s*/[^/]{1,60}/\.?|\s*,?\s+[A-Z]{2,6}(?=\s*(?:--|—|–))|"
           r"\s*,\s*[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?(?=\s*(?:--|—|–)))?")
# ", Azerbaijan", ", Fla.", " [Maldives]", " (Mongolia)"
_REGION = (rf"(?:\s*,\s*(?!(?i:{_MONTHS})\b)(?P<region>[A-Z][\w\.]*(?:\s+[A-Z][\w\.]*){{0,3}}?)|"
           rf"\s*\[(?P<bracketed>[A-Z][\w\.\- ]{{1,30}})\]|\s*\((?P<parenthesized>[A-Z][\w\.\- ]{{1,30}})\)(?=\s*,))?")
_DATELINE = re.compile(
    rf"^{_CITY}{_REGION}(?:\s*,\s*{_DATE_PART})?\.?{_AGENCY}"
    rf"(?:\s*(?:--|—|–|-|:|\.-)\s+|\s*(?:--|—|–|:)(?=[A-Z])|(?<=[)/])\s+(?=[A-Z]))")  # (".-": "Santo Domingo .- ")
_DATELINE_DOT = re.compile(rf"^{_CITY}{_REGION}(?:\s*,\s*{_DATE_PART})?(?:\.(?:\s*/[^/]{{1,30}}/\.)?|\s*/[^/]{{1,30}}/\.?)\s*(?=[A-Z])")
# a dateline on a line of its own: "BAKU, Azerbaijan, Sept. 3", "New Delhi, August 23", "ADDIS ABABA, Ethiopia,
# June 1, 2016/APO (African Press Organization)/ --"
_DATELINE_ALONE = re.compile(rf"^{_CITY}{_REGION}(?:\s*,\s*|\s+){_DATE_PART}\.?{_AGENCY}\s*(?:--|—|–|-|:)?\s*$")
# a release's header line, the date first: "October 9, 2018 – Ottawa – National Defence / Canadian Armed Forces"
_DATELINE_DATE_FIRST = re.compile(rf"^(?P<date>(?i:{_MONTHS})\.?\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+(?i:{_MONTHS})\s+\d{{4}})"
                                  rf"\s*(?:--|—|–|-)\s*{_CITY}\s*(?:(?:--|—|–|-)\s*[^\n]{{0,80}})?$")
# a known city and a comma before the first sentence: "Amman, Chairman of the Joint Chiefs of Staff ..."
_DATELINE_COMMA = re.compile(rf"^{_CITY},\s+(?=[A-Z][a-z])")
# "Baku, May 13, AZERTAC.", "ASTANA. KAZINFORM –", "Tbilisi, 3 March, GHN -": the agency's name in capitals
_DATELINE_AGENCY = re.compile(rf"^{_CITY}(?:\s*,\s*{_DATE_PART})?\s*(?:[.,]|--|—|–)\s*(?:[A-Z]{{2,12}}|[A-Z]{{2,5}}\s+[A-Z][a-z]+)"
                              rf"\s*(?:\.|--|—|–|-|:)\s+(?=[A-Z\"'])")


@dataclass
class CleanText:
    text: str  # the body: paragraphs separated by blank lines
    first_line_date: str | None = None  # ISO date found on a scraped first line
    dateline_city: str | None = None
    dateline_date: str | None = None  # the dateline's date as written ("Feb 20", "10th March, 2025")
    headline: str | None = None  # the headline before the body, when the text opens with one


# an entity whose "&" a feed stripped: "Premier Mikatirsquo;s Advisor", "the decisionnbsp;issued", "#39;" (names no
# word ends with; "amp;" and "quot;" only where no letter is glued before them: "camp;" is a word and a semicolon)
_BARE_ENTITY = re.compile(r"(?<!&)(?:rsquo|lsquo|rdquo|ldquo|nbsp|ndash|mdash|hellip|#\d{2,4}|(?<![A-Za-z])(?:quot|amp));")


def normalise_characters(text: str) -> str:
    """Straight quotes, plain spaces, NFC, HTML entities decoded (also those a feed stripped the "&" of);
    keeps letters with diacritics."""
    if ";" in text:
        text = _BARE_ENTITY.sub(lambda m: "&" + m.group(0), text)
    if "&" in text:
        text = html.unescape(text)
    return unicodedata.normalize("NFC", text).translate(_QUOTES)


def fix_glued_sentences(text: str) -> str:
    """'Azerbaijan.It was noted' -> 'Azerbaijan. It was noted', 'officeThursday' -> 'office Thursday'; leaves 'U.S.', 'News.Az' style tokens alone
    when the second part is short, and never touches decimals."""
    text = re.sub(r"(?<=[a-zà-ÿ0-9\)\"'’]{2})([.!?])(?=(?:[A-Z][a-zà-ÿ]+|[A-Z]{2,}\b|I|A)\s)", r"\1 ", text)
    # "within NATO.Lieutenant General": an acronym glued to the next sentence
    text = re.sub(r"(?<=[A-Z]{3})\.(?=[A-Z][a-z]{2,}\s)", ". ", text)
    # "received him at his officeThursday": a day's or month's name glued to the word before (a tag stripped)
    return _GLUED_TIME_WORD.sub(" ", text)


_GLUED_TIME_WORD = re.compile(r"(?<=[a-z]{2})(?=(?:" + "|".join(name.capitalize() for name in (*WEEKDAYS, *MONTH_FULL_NAMES))
                              + r")\b)")


_LINE_END = re.compile(r"[.!?:;\"')\]]\s*$")
_LINE_CONTINUES = re.compile(r"(?:,|\b(?:of|the|and|a|an|to|in|on|at|for|with|by|from|as|that|who|which|its|his|her|their))\s*$", re.I)


def unwrap_lines(lines: list[str]) -> list[str]:
    """Join the lines of a hard-wrapped paragraph ("... called on Chief of Army Staff (COAS), General\\n
    Qamar Javed Bajwa ..."), keep a headline or a one-line paragraph on its own. A break is a wrap when
    the line before has no final punctuation and the next line continues it: it starts in lower case,
    the line before ends on a comma or a function word, or both lines run near the block's width."""
    lines = [line for line in lines if line.strip()]
    if len(lines) < 2:
        return lines
    width = max(len(line.rstrip()) for line in lines)
    out = [lines[0]]
    for line in lines[1:]:
        before = out[-1].rstrip()
        wrapped = not _LINE_END.search(before) and (
            line.lstrip()[:1].islower() or _LINE_CONTINUES.search(before)
            or (width >= 50 and len(lines) >= 3 and len(before) >= 0.6 * width and len(line.rstrip()) >= 0.3 * width))
        if wrapped:
            out[-1] = before + " " + line.lstrip()
        else:
            out.append(line)
    return out


def _is_signature(paragraph: str) -> bool:
    words = paragraph.split()
    if _TAIL_MARKERS.match(paragraph):
        return True
    if len(words) <= 12 and not re.search(r"[.!?\"]\s*$", paragraph.strip()) and not re.search(r"\b(said|says)\b", paragraph):
        return True
    if re.fullmatch(r"\(?[A-Za-z ]*translation\)?\.?", paragraph.strip(), re.I):
        return True
    return False


def split_dateline(paragraph: str) -> tuple[str, str | None, str | None]:
    """Strip a leading dateline ("BAKU, Feb 20 --", "NEW DELHI:", "NUR-SULTAN."); returns (rest, city, date text)."""
    from kg.gazetteer import lookup
    original = paragraph
    paragraph = re.sub(r"^([A-Z][^,\n]{1,30}),\s*,", r"\1,", paragraph)  # "Riyadh, , (Agency - 13th Feb, 2023 ) :": an empty field
    alone = _DATELINE_ALONE.match(paragraph)
    city = alone.group("city").strip() if alone else ""
    if alone and lookup(city) is not None and not re.fullmatch(r"(?i:mon|tue|wed|thu|fri|sat|sun)\w*", city):
        return "", city.title() if city.isupper() else city, alone.group("date")  # not "Thu, 19 Dec 2024"
    header = _DATELINE_DATE_FIRST.match(paragraph)
    if header and lookup(header.group("city").strip()) is not None:
        return "", header.group("city").strip(), header.group("date")
    for pattern in (_DATELINE_AGENCY, _DATELINE, _DATELINE_DOT):
        match = pattern.match(paragraph)
        if not match:
            continue
        city = match.group("city").strip().rstrip(".")
        if city.upper() in _LABELS_NOT_PLACES:
            continue  # "READOUT: U.S. CENTCOM Commander meets ...": a label, no city
        has_date = bool(match.group("date"))
        shouted = city.upper() == city and sum(c.isalpha() for c in city) >= 3
        known = lookup(city) is not None
        if pattern is not _DATELINE and not (shouted or has_date or (known and "/" in match.group(0))):
            continue
        if not (shouted or known or has_date):
            continue
        if not match.group(0)[-1].isspace() and not (known or has_date):
            continue  # "NOTE:This ...": a glued separator only after a known city or a date
        rest = paragraph[match.end():]
        if not rest or not (rest[0].isupper() or rest[0] in "\"'(" or rest[0].isdigit()):
            continue
        name = city.title() if shouted else city
        return rest, name, match.group("date")
    match = _DATELINE_COMMA.match(paragraph)
    if match:
        # only a city the gazetteer knows, and not the first of a list of places ("Moscow, Beijing vow ...")
        city, after = lookup(match.group("city")), re.match(r"[\w\-]+(?:\s+[A-Z][\w\-]+)?", paragraph[match.end():])
        # (as written, or in capitals: "BAGHDAD, Army Chief of Staff ...")
        written = match.group("city")
        if city is not None and city.kind == "city" and written in (city.text, city.text.upper()) and \
                not (after and lookup(after.group(0).split()[0])):
            return paragraph[match.end():], city.text, None
    return original, None, None


_LABELS_NOT_PLACES = {"READOUT", "STATEMENT", "UPDATE", "UPDATED", "NOTE", "BREAKING", "EXCLUSIVE", "PHOTO", "PHOTOS",
                      "VIDEO", "WATCH", "RELATED", "EDITORIAL", "OPINION", "ANALYSIS", "FILE", "CAPTION", "SOURCE",
                      "ADVERTISEMENT", "PRESS RELEASE", "NEWS", "TAGS"}
_HEADLINE_SEPARATOR = re.compile(r"\s[•·|]\s")
_ENDS_WITH_INITIAL = re.compile(r"\b[A-Z][a-z]+\s+[A-Z]\.$")


def _join_sentences_broken_between_paragraphs(paragraphs: list[str]) -> list[str]:
    """"Army Chief of Staff Lt. Gen. X," + "received on Tuesday ..." : a paragraph that ends without a stop and a
    next one that opens in lower case are one sentence a scraper broke."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and re.match(r"[a-z]", paragraph) and not re.search(r"[.!?:;\"'”’)\]]\s*$", joined[-1]):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def _join_names_broken_after_an_initial(paragraphs: list[str]) -> list[str]:
    """"... Lieutenant General Patrick D." + "Frank. During the meeting ...": a scraper broke the paragraph
    after a middle initial; the name goes on in the next one."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and _ENDS_WITH_INITIAL.search(joined[-1]) and re.match(r"[A-Z][a-z]+\b", paragraph):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


# the length at which the stored copies of pages are cut (about 2,000 characters): a text this long may end mid-word
EXCERPT_LENGTH = 1800


def clean_article(text: str) -> CleanText:
    """Clean a raw article body (see the module docstring)."""
    text = normalise_characters(text).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    first_line_date = None
    # scraped first line(s): "date 2024-06-14 + ↺ − 16 px"
    while lines and (not lines[0].strip() or _JUNK_DATE_LINE.match(lines[0]) or _JUNK_LINE.match(lines[0])):
        match = _JUNK_DATE_LINE.match(lines[0])
        if match and first_line_date is None:
            first_line_date = match.group(1)
        prefix = re.match(r"^\s*(?:date\s*[:\-]?\s*)?\d{4}-\d{2}(?:-\d{2})?(?:\s*[+↺−\-–]\s*)*(?:\d+\s*px)?\s*", lines[0])
        if match and len(re.findall(r"[A-Za-z]{2,}", lines[0][prefix.end():])) >= 4:
            # the body follows the scraped residue on the same line: keep it
            lines[0] = lines[0][prefix.end():]
            break
        lines.pop(0)
    blocks = re.split(r"\n\s*\n", "\n".join(lines))
    paragraphs = [re.sub(r"\s+", " ", p).strip() for block in blocks for p in unwrap_lines(block.split("\n"))]
    paragraphs = _join_sentences_broken_between_paragraphs(
        _join_names_broken_after_an_initial([p for p in paragraphs if p]))
    opening = paragraphs[0] if paragraphs else None
    # a list of other stories' headlines ("A • B • C"): the page's navigation, not the story
    paragraphs = [p for p in paragraphs if len(_HEADLINE_SEPARATOR.findall(p)) < 2] or paragraphs
    # other stories listed after the story: the page's, not the story's
    cut = next((k for k, p in enumerate(paragraphs) if k >= 1 and _OTHER_STORIES.match(p)), None)
    paragraphs = paragraphs[:cut] if cut is not None else paragraphs
    # trailing publisher signatures, bylines, "Related news" lines
    while len(paragraphs) > 1 and _is_signature(paragraphs[-1]):
        paragraphs.pop()
    # a subheading inside the story ("Turkish Minister Meets Georgian PM, Counterpart"): no sentence
    paragraphs = [p for p in paragraphs if not _is_subheading(p) or _DATELINE_ALONE.match(p)
                  or _DATELINE_DATE_FIRST.match(p)] or paragraphs
    # "PHOTO NEWS: The minister received ...": a label before a story is no caption
    paragraphs = [_MEDIA_LABEL.sub("", p) if len(p.split()) > 25 else p for p in paragraphs]
    paragraphs = [p for p in paragraphs if not _TAIL_MARKERS.match(p) and not _CAPTION.match(p)]
    # leading readout boilerplate: "X provided the following readout:"
    # (its dateline still says where the story is from: "WASHINGTON, D.C. - Joint Staff Spokesperson ... provided
    # the following readout:")
    readout_dateline = next((split_dateline(p) for p in paragraphs if _READOUT_OPENING.search(p)), None)
    paragraphs = [p for p in paragraphs if not _READOUT_OPENING.search(p)]
    # enumerations of readouts: "1. On Tuesday ...", "(2) Both Ministers ..."
    paragraphs = [re.sub(r"^(?:\(?\d{1,2}[.)]\s+)", "", p) for p in paragraphs]
    # a headline (short, no final stop) or a byline ("By Staff Reporter") before the body
    while len(paragraphs) > 1 and (re.match(r"^(?:By|BY|Written by|Posted by|Reported by)\s+[^.]{1,60}$", paragraphs[0])
                                   or (len(paragraphs[0].split()) <= 16 and not re.search(r"[.!?\"']\s*$", paragraphs[0])
                                       and not split_dateline(paragraphs[0])[1])):
        paragraphs.pop(0)
    # a teaser line the body repeats word for word later ("The meeting was attended by X and Y" above the story)
    # ... or with its dateline ("DUSHANBE, Tajikistan – On June 15th ..."), which then opens the body
    datelined = [split_dateline(p)[:2] for p in paragraphs]  # (the text after a dateline, its city)
    repeated, copies = set(), set()
    for k, teaser in enumerate(paragraphs):
        head = teaser.rstrip(". ")
        later = [j for j in range(k + 1, len(paragraphs))
                 if paragraphs[j].startswith(head) or datelined[j][0].startswith(head)]
        if len(teaser.split()) >= 8 and later:
            repeated.add(k)
            copies.update(j for j in later if datelined[j][1])
    kept = [k for k in range(len(paragraphs)) if k not in repeated]
    copy_at = [kept.index(k) for k in sorted(copies - repeated)][:1]  # the first copy under a dateline, as renumbered
    paragraphs = [paragraphs[k] for k in kept]
    # the headline, kept apart: the first paragraph when it was dropped as a headline or a subheading
    headline = opening if opening and opening not in paragraphs and 4 <= len(opening.split()) <= 16 \
        and not re.search(r"[.!?]\s*$", opening) and not re.match(r"^(?:By|BY|Written|Posted|Reported)\b", opening) else None
    city = date_text = None
    # the dateline opens the body, which may follow a headline written as a sentence
    for index in [*range(min(3, len(paragraphs))), *copy_at]:
        rest, city, date_text = split_dateline(paragraphs[index])
        if city:
            paragraphs[index] = rest
            paragraphs = [p for p in paragraphs if p]  # a dateline on a line of its own
            break
    if not city and readout_dateline and readout_dateline[1]:
        _, city, date_text = readout_dateline
    # "Albert Kan- Dapaah", "a six- day visit": a hyphen left by a line wrap joins its two halves again
    paragraphs = [re.sub(r"(?<=[A-Za-z])- (?=[A-Za-z])", "-", p) for p in paragraphs]
    # a newspaper's first word in capitals ("AUSTRALIAN Defence Minister X has ...", "THE Chief of ..."), a clock time
    # before it ("Update: 12:47PM")
    paragraphs = [_OPENING_WORD_IN_CAPITALS.sub(_opening_word_in_title_case, re.sub(_UPDATE_TIME, "", p))
                  for p in paragraphs]
    body = "\n\n".join(fix_glued_sentences(p) for p in paragraphs)
    # an embedded tweet's signature ("pic.twitter.com/x — Outlet (@handle) February 28, 2024"): the tweet's day
    # is no day of the story
    body = _TWEET_SIGNATURE.sub("", body)
    # post-nominal letters after names: ", SBP, OSP, ndc, psc," / ", NI(M),"
    body = strip_postnominals(body)
    # where a person stands in the photograph: "X (L) and Y", "Z (2nd R)"
    body = _PHOTO_POSITION.sub("", body)
    # a nickname in quotes inside a name: 'Gilberto "Gibo" Teodoro Jr.', "Rodrigo 'Digong' Duterte"
    body = _NICKNAME.sub(r"\1 ", body)
    # "Gen. Gen. Manuel Gómez": a rank's abbreviation written twice
    body = _DOUBLED_ABBREVIATION.sub(_once_if_rank, body)
    # "the Minister of Defense for Kuwait, his Excellency X": the honorific as the titles list writes it
    body = _LOWER_CASE_HONORIFIC.sub(lambda m: m.group(0)[0].upper() + m.group(0)[1:], body)
    # a rank's or title's abbreviation in brackets before the name: "Brigadier General (Brig Gen) X",
    # "Colonel (Col) X", "Captain (Navy) X", "Alhaji (Dr) X"
    body = _BRACKET_AFTER_TITLE.sub(_without_bracket_after_title, body)
    # an excerpt cut short at about 2,000 characters ("..., including the Chief of Defence Staff, Vice Admiral Jo"): a
    # last sentence that ends without a stop may end in half a word; it is left out, and a name or rank it began
    last = body.rsplit("\n\n", 1)[-1]
    if len(text) >= EXCERPT_LENGTH and len(last.split()) > 8 and not re.search(r"[.!?\"'”’)\]:;]\s*$", last):
        cut = re.search(r"\s*(\S+)\s*$", body)
        body = body[:cut.start()]
        if cut.group(1)[:1].isupper():
            body = re.sub(r"(?:,|\band)\s*(?:[A-Z][\w.\-]*\s*){1,4}$", "", body)
    return CleanText(body, first_line_date, city, date_text, headline)


_READOUT_OPENING = re.compile(r"provided the following readout:?$")
_TWEET_SIGNATURE = re.compile(rf"\s*(?:pic\.twitter\.com/\S+)?\s*[—–-]+\s*[^\n()—–]{{1,80}}\(@\w{{1,30}}\)\s+"
                              rf"(?i:{_MONTHS})\.?\s+\d{{1,2}},\s+\d{{4}}|\s*pic\.twitter\.com/\S+")
_PHOTO_POSITION = re.compile(r"\s*\((?:(?:\d(?:st|nd|rd|th)\s+)?(?:L|R|C|left|right|cent(?:re|er)|front|back))\)(?=[\s,.;])")
_BRACKET_AFTER_TITLE = re.compile(r"\b([A-Z][\w\-]*)\s*\((?:[A-Z][A-Za-z]{0,5}\.?\s?){1,3}\)(?=\s+[A-Z][a-z])")


def _without_bracket_after_title(match: re.Match) -> str:
    from kg import gazetteer
    from kg.extract.lexicon import canonical_rank, lexicon
    word = match.group(1)
    if canonical_rank(word) or lexicon().honorific_regex.fullmatch(word):
        return word
    # ... or a nickname in brackets inside a name: "Brigadier General Charles (Chip) Brown" (one plain word, not a
    # place: "Lagos (Nigeria) Command")
    nickname = re.fullmatch(r"\(([A-Z][a-z]{2,9})\)", match.group(0)[len(word):].strip())
    if nickname and re.fullmatch(r"[A-Z][a-z]+", word) and not gazetteer.code_for(nickname.group(1)) \
            and not gazetteer.code_for(word):
        return word
    return match.group(0)


_UPDATE_TIME = re.compile(r"^(?:Update[d]?:?\s*)?\d{1,2}[:.]\d{2}\s?(?:AM|PM|am|pm)\b\s*")
_OPENING_WORD_IN_CAPITALS = re.compile(r"^([A-Z]{3,})(?=\s+[A-Z]?[a-z])")


def _opening_word_in_title_case(match: re.Match) -> str:
    from kg import gazetteer
    word = match.group(1)
    known = gazetteer.lookup(word.capitalize())
    if word == "THE" or known is not None and known.kind in ("country", "demonym") and not known.text.isupper():
        return word.capitalize()
    return word  # an acronym ("NATO Secretary General ...")


_DOUBLED_ABBREVIATION = re.compile(r"\b([A-Z][a-z]{1,4}\.)\s+\1(?=\s+[A-Z])")


def _once_if_rank(match: re.Match) -> str:
    from kg.extract.lexicon import canonical_rank
    return match.group(1) if canonical_rank(match.group(1)) else match.group(0)


_LOWER_CASE_HONORIFIC = re.compile(r"\b(?:his|her|their) (?:Excellency|Excellencies|Majesty|Royal Highness|Highness)\b")
_NICKNAME = re.compile(r"(\b[A-Z][a-z]+)\s+[\"“‘'][A-Z][\w\-]{1,14}[\"”’']\s+(?=[A-Z][a-z])")
_POSTNOMINAL = None
_POSTNOMINAL_AFTER_NAME: re.Pattern | None = None


def _is_subheading(paragraph: str) -> bool:
    """A short line in title case without a final stop: a headline or subheading, not a sentence."""
    words = re.findall(r"[^\W\d_][\w'’\-]*", paragraph)
    if not 2 <= len(words) <= 14 or re.search(r"[.!?:;\"'”]\s*$", paragraph):
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and sum(w[0].isupper() for w in content) >= 0.9 * len(content) \
        and any(w[1:].islower() for w in content)  # a line in capitals is left to the recaser


_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "for", "with", "by", "from", "as", "vs"}


def strip_postnominals(text: str) -> str:
    global _POSTNOMINAL, _POSTNOMINAL_AFTER_NAME
    if _POSTNOMINAL is None:
        from kg.extract.lexicon import lexicon
        words = "|".join(sorted((re.escape(w) for w in lexicon().postnominals), key=len, reverse=True))
        _POSTNOMINAL = re.compile(rf"(?:,\s*(?:{words}|[A-Z]{{1,3}}\s?\([A-Z]\)))+(?=\s*[,.;:)]|\s+(?:at|in|on|and|was|were|who|,)\b)")
        # of three letters or more, and no service ("USN") that may name a state
        long = "|".join(sorted((re.escape(w) for w in lexicon().postnominals if len(w) >= 3
                                and w not in ("USN", "USA", "USAF", "USMC", "RAN", "PAF", "TNI", "RAAF")), key=len, reverse=True))
        # ... also quoted, with the awarding state in brackets: "Ogolla EGH EBS HSC 'ndc'(K) 'psc'(FRA),"
        _POSTNOMINAL_AFTER_NAME = re.compile(rf"(\b[A-Z][a-z]+)(?:(?:\s*,?\s+|(?<=\)))[‘'’]?(?:{long})[’'‘]?"
                                             rf"(?:\([A-Z]{{1,4}}\))?(?![\w(]))+"
                                             rf"(?=\s*[,.;:)]|\s+(?:at|in|on|and|was|were|who|has|had|said|says)\b)")
    # "Admiral X, PVSM, AVSM, received": drop the list, and the comma that closed it before a verb
    out = []
    last = 0
    for match in _POSTNOMINAL.finditer(text):
        out.append(text[last:match.start()])
        last = match.end()
        closing = re.match(r"\s*,(?=\s+[a-z])", text[last:])
        if closing and not re.match(r"\s*,\s+(?:the|a|an|who|which)\b", text[last:]):
            last += closing.end()
    out.append(text[last:])
    # "Mohammed Badaru Abubakar CON , mni has said": honours right after a name, the first with no comma
    return _POSTNOMINAL_AFTER_NAME.sub(r"\1", "".join(out))


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9À-Þ])")
_DOTTED_WORD = re.compile(r"\b([A-Za-z][A-Za-z.]*)\.$")


def _misspelt_abbreviation_before_rank(head: str, rest: str) -> bool:
    """'Brid. Gen. X': a short capitalised word with a full stop that no lexicon knows, right before a rank's
    abbreviation, is an abbreviation misspelt, and ends no sentence."""
    from kg.extract.lexicon import lexicon

    following = re.match(r"\s*([A-Z][a-z]{1,4}\.)", rest)
    return bool(re.search(r"(?:^|\b[a-z]+,?\s)[A-Z][a-z]{1,3}\.$", head) and following
                and following.group(1).rstrip(".").lower() in lexicon().dotted_abbreviations)


def _ends_with_abbreviation(head: str) -> bool:
    """'... met Comdr.', 'Lt. Gen.', 'Daniel R.': the full stop belongs to an abbreviation (from the rank and
    title lexicons, one source for them all) or an initial, and ends no sentence."""
    from kg.extract.lexicon import lexicon

    match = _DOTTED_WORD.search(head)
    if not match:
        return False
    word = match.group(1)
    initials = re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word)  # "R." / "A.K."
    dotted = lexicon().dotted_abbreviations
    # "e.g.", "U.S." whole; "Maj.Gen." by its last part
    return bool(initials) or word.lower() in dotted or word.rsplit(".", 1)[-1].lower() in dotted


# words that open a sentence, never continue a title or a name ("... Nakatani Gen. Secretary Hegseth said")
_SENTENCE_OPENER = re.compile(r"(?:The|He|She|They|It|This|These|Both|During|On|In|At|Secretary|Minister|"
                              r"According|Earlier|Later|Meanwhile|However|Also)\s")


# "... Minister of Defense Nakatani Gen." : a surname, then the given name Gen (not the rank's abbreviation)
_GIVEN_NAME_GEN = re.compile(r"\b(?!(?:Lt|Maj|Brig|Col|Lieut|Major|Brigadier|Lieutenant|Colonel|Army|Navy)\b)[A-Z][a-z]+ Gen\.$")


_MONTH_ABBREVIATION = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$")

MAX_SENTENCE = 1500  # characters: longer "sentences" (lists, junk, hostile input) are cut at commas


def bound_sentence(sentence: str, limit: int = MAX_SENTENCE) -> list[str]:
    """A sentence cut into pieces of at most ``limit`` characters, at a semicolon or comma where it can,
    else at a space: what is read per sentence stays bounded, so reading time grows linearly with the text."""
    pieces = []
    while len(sentence) > limit:
        window = sentence[:limit]
        cut = max(window.rfind("; "), window.rfind(", "))
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = limit - 1
        pieces.append(sentence[:cut + 1].strip())
        sentence = sentence[cut + 1:]
    pieces.append(sentence.strip())
    return [p for p in pieces if p]


def is_shouted(text: str) -> bool:
    """A sentence in capitals ("THE MINISTER OF DEFENCE RECEIVED A DELEGATION ..."), as some press services
    write whole releases: every word would look like a name."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 30 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def recase_shouted(text: str, acronyms: frozenset[str], plain_words: frozenset[str]) -> str:
    """A shouted sentence in ordinary case, character for character (offsets keep): acronyms stay in
    capitals, function words and the words of contact phrasings go to lower case, the rest (names,
    posts, places) is capitalised. Dotted abbreviations ("H.E.") are left as they are."""
    def word(match: re.Match) -> str:
        token = match.group(0)
        if token in acronyms or "." in token.rstrip("."):
            return token
        if token.lower() in plain_words:
            new = token.lower()
        else:
            new = re.sub(r"(?<![\w'])[^\W\d_]+", lambda part: part.group(0)[:1] + part.group(0)[1:].lower(), token)
            new = re.sub(r"(?<=\d)[^\W\d_]+|(?<=')[^\W\d_]+", lambda part: part.group(0).lower(), new)
        return new if len(new) == len(token) else token

    recased = re.sub(r"[^\s,;:()\"]+", word, text)
    return re.sub(r"^\W*\w", lambda first: first.group(0).upper(), recased)  # a sentence opens in capitals


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph; abbreviations ("Lt. Gen.", "Dr.") and initials ("Daniel R. Whitcomb")
    do not end a sentence. A sentence over `MAX_SENTENCE` characters is cut (see `bound_sentence`)."""
    sentences = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        head = paragraph[start:match.start()].rstrip("\"')] ")
        if _ends_with_abbreviation(head) and not (_GIVEN_NAME_GEN.search(head) and _SENTENCE_OPENER.match(paragraph, match.end())):
            continue
        if _MONTH_ABBREVIATION.search(head) and re.match(r"\d", paragraph[match.end():]):
            continue  # "met on Jun. 2": the day follows the month's abbreviation
        if _misspelt_abbreviation_before_rank(head, paragraph[match.end():]):
            continue
        sentences.append(paragraph[start:match.start()].strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return [piece for s in sentences if s for piece in bound_sentence(s)]
