"""The first two components: an article becomes an `ArticleRecord`, then each sentence gets its mentions.

`read_document(article)` cleans the text (`clean`), settles the dates the story is told against (`dates`: the
publication, the dateline's day, the month on a scraped first line or in the URL), the dateline's city and
state and the outlet's home state, splits the paragraphs into `Sentence`s (shouted releases recased) and
reads the name words of everyone the article names in full (`ArticleRecord.article_words`).
`find_mentions(doc, sentence)` adds the sentence's places, forums and persons (`Sentence.places`,
`.forums`, `.persons`), registers the persons (`doc.registry`), counts the states named
(`doc.country_counts`) and merges the forums by series (`doc.forums`).
"""
from __future__ import annotations

import datetime
import re

from kg import gazetteer
from kg.extract.clean import clean_article, is_shouted, recase_shouted, split_sentences
from kg.extract.dates import explicit_date, latest_past_year, parse_iso, publication_date, reference_date, url_date, url_year
from kg.extract.forums import ForumMention, find_forums
from kg.extract.lexicon import lexicon
from kg.extract.mentions import TOPIC_BEFORE, article_name_words, find_persons, find_places
from kg.extract.posts import generic_post
from kg.extract.records import ArticleRecord, Sentence
from kg.model import Article

# "On the Estonian side, the visitors were hosted by ...", "The Russian side was represented by ..."
_SIDE_PHRASE = re.compile(r"\b(?:[Oo]n|[Ff]rom|[Ff]or) the (?P<side>[A-Z][\w\-]+) side\b|"
                          r"\b[Tt]he (?P<side2>[A-Z][\w\-]+) side (?:was|were) (?:represented|led|headed)\b")


def read_document(article: Article) -> ArticleRecord:
    """The article's record: dates, dateline, outlet state and sentences (no mentions yet)."""
    lex = lexicon()
    cleaned = clean_article(article.text)
    from_url = url_date(article.url)  # the last resort: "/2012/09/" in the article's address
    pub = publication_date(article.date, cleaned.first_line_date, cleaned.dateline_date) or (
        from_url if from_url and len(from_url) == 10 else None)
    # " date 2024-03" on a scraped first line, or "/2012/09/" in the URL: only the month is known
    pub_month = cleaned.first_line_date if cleaned.first_line_date and len(cleaned.first_line_date) == 7 else (
        from_url if from_url and len(from_url) == 7 and not pub else None)
    # "Baku, May 13" over a story published on the 14th: its "today" is the dateline's day
    reference = reference_date(pub, cleaned.dateline_date)
    # no date of publication: the year the URL's path carries ("/2022/top-news/"), else the latest past year named
    year_in_url = None if pub or pub_month or re.fullmatch(r"(?:19|20)\d\d", article.date or "") else url_year(article.url)
    year_named = None if pub or pub_month else (year_in_url or latest_past_year(article.text))
    if reference is None and year_named and cleaned.dateline_date:
        # "BAKU, December 16." in an undated story: the dateline's day in the latest past year the story names
        reference = explicit_date(cleaned.dateline_date, datetime.date(int(year_named), 12, 31))
    doc = ArticleRecord(
        article=article, pub=pub, pub_month=pub_month, reference=reference, reference_day=parse_iso(reference),
        dateline_city=cleaned.dateline_city,
        dateline_country=gazetteer.code_for(cleaned.dateline_city) if cleaned.dateline_city else None,
        outlet_country=gazetteer.outlet_country(article.source),
        year_named=year_named, year_in_url=bool(year_in_url), headline=article.title or cleaned.headline or "")
    for p_index, paragraph in enumerate(cleaned.text.split("\n\n")):
        for text in split_sentences(paragraph):
            if is_shouted(text):
                text = recase_shouted(text, lex.acronyms, lex.plain_words)
            doc.sentences.append(Sentence(len(doc.sentences), p_index, text))
    # the states the headline names are the story's: they count when a person's state is left to the most named
    doc.headline_places = find_places(doc.headline)
    for place in doc.headline_places:
        doc.country_counts[place.code] += 1.0 if place.kind in ("country", "demonym") else 0.4
    # a surname told before the full name is known: the name words of everyone the article names in full
    doc.article_words = article_name_words([sentence.text for sentence in doc.sentences])
    return doc


def _is_acronym(name: str) -> bool:
    return " " not in name.strip()


def find_mentions(doc: ArticleRecord, sentence: Sentence) -> None:
    """Adds the sentence's places, forums and persons; registers persons, forums and the states named."""
    sentence.places = find_places(sentence.text)
    sentence.forums = find_forums(sentence.text)
    for forum in sentence.forums:
        # "the 12th ADMM, which is being hosted by Singapore", "the Shangri-La Dialogue in Singapore"
        venue = next((place for place in sentence.places if place.kind in ("city", "country") and 0 <= place.start - forum.end < 80
                      and re.fullmatch(r"[^.;]*?\b(?:in|hosted by|held in|taking place in)\s+(?:the\s+)?",
                                       sentence.text[forum.end:place.start])), None)
        # one series however the text names it ("IDEF", "International Defense Industry Fair")
        existing = doc.forums.get(forum.series)
        if existing is None:
            doc.forums[forum.series] = ForumMention(forum.start, forum.end, forum.name, forum.edition,
                                                    forum.city or (venue.name if venue else None), forum.aliases,
                                                    forum.series, forum.surface)
            continue
        if _is_acronym(existing.surface) and not _is_acronym(forum.surface):
            existing.surface = forum.surface  # "IDEX 2019 ... the International Defence Exhibition": the name in words
        existing.city = existing.city or (venue.name if venue else None)
        existing.edition = existing.edition or forum.edition
        if existing.name == forum.series and forum.name != forum.series:
            existing.name = forum.name  # the series as this text spells it
    persons = find_persons(sentence.text, doc.registry.known_words() | doc.article_words)
    kept = []
    for mention in persons:
        # a person's name equal to a forum or place is not a person
        if any(f.start <= mention.start < f.end for f in sentence.forums):
            continue
        person = doc.registry.add(mention, sentence.index, sentence.text)
        mention.key = person.key
        if mention.counterpart and person.position is None and kept and doc.person(kept[-1].key).position:
            # "X met his counterpart Y": Y holds X's kind of post
            person.take_position(generic_post(doc.person(kept[-1].key).position), "position.counterpart", sentence.text)
        elif mention.counterpart and person.position is None and not kept:
            doc.counterparts.setdefault(person.key, sentence.text)
        kept.append(mention)
    sentence.persons = kept
    # "Tomas Kaunas", "Vice Admiral Jesus C Milan": a place inside a person's name is no place
    sentence.places = [p for p in sentence.places if not any(m.start <= p.start < m.end for m in kept)]
    for place in sentence.places:
        # names and demonyms count fully; cities and institutions are weaker evidence of the home side,
        # and a subject of the talks ("support to Ukraine", "the deployment in eastern DRC") weaker still
        weight = 1.0 if place.kind in ("country", "demonym") else 0.4
        if TOPIC_BEFORE.search(sentence.text[max(0, place.start - 40):place.start]):
            weight = 0.1
        doc.country_counts[place.code] += weight
    # "On the Estonian side, the visitors were hosted by ...", "The Russian side was represented by ..."
    side = _SIDE_PHRASE.search(sentence.text)
    surface = gazetteer.lookup(side.group("side") or side.group("side2")) if side else None
    if surface is not None and surface.kind in ("demonym", "country"):
        for mention in kept:
            if mention.start > side.start():
                doc.settle_country(mention.key, surface.code, "country.side-phrase", sentence.text)
