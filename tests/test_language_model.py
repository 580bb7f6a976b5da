"""The one spaCy pipeline both statistical readers share: running only the components a reader needs gives
what the whole pipeline gives (so sharing one load changes no extraction)."""
import spacy

from kg.extract import language_model, ner

SENTENCES = [
    "Teodoro met Austin at the Pentagon on Tuesday.",
    "General Talal bin Abdullah Al-Otaibi briefed his Omani counterpart on the exercise.",
    "The two ministers, Ana Petrova and Lars Holm, reviewed the cooperation plan in Sofia.",
]


def test_names_and_clauses_read_from_one_load_match_the_whole_pipeline():
    whole = spacy.load(language_model.MODEL)
    for text in SENTENCES:
        full = whole(text)
        names = language_model.analyse(text, language_model.NAMES)
        clauses = language_model.analyse(text, language_model.CLAUSES)
        assert [(e.start_char, e.end_char, e.label_) for e in names.ents] == \
            [(e.start_char, e.end_char, e.label_) for e in full.ents]
        assert [(t.dep_, t.head.i, t.tag_, t.pos_, t.lemma_) for t in clauses] == \
            [(t.dep_, t.head.i, t.tag_, t.pos_, t.lemma_) for t in full]


def test_the_names_fallback_finds_people_the_rules_cannot_anchor():
    assert [SENTENCES[0][s:e] for s, e in ner.person_spans(SENTENCES[0])] == ["Teodoro", "Austin"]
