"""The extractor's components over the explicit record (kg/extract/records.py): each can be run on its own,
reads what its signature says and adds what its docstring says; run in order they are `extract`."""
from kg.explain import explanation
from kg.extract import extract
from kg.extract.contacts import read_article, read_contacts, read_record
from kg.extract.document import find_mentions, read_document
from kg.extract.invitations import read_invitation
from kg.extract.records import MeetingDraft
from kg.extract.roles import resolve_role
from kg.extract.references import ROLE_NOUN
from kg.extract.settle import settle_record
from kg.extract.sides import assign_countries
from kg.model import Article

VISIT = ("BAKU, May 13 -- Azerbaijani Defence Minister Zakir Hasanov met Turkish Defence Minister Hulusi Akar on "
         "Monday. The ministers discussed military cooperation. Hasanov invited his counterpart to visit Baku.")


def mentioned(text: str, date: str = "2024-05-14"):
    doc = read_document(Article(id="t", text=text, date=date))
    for sentence in doc.sentences:
        find_mentions(doc, sentence)
    return doc


def test_read_document_gives_the_dates_the_setting_and_the_sentences():
    doc = read_document(Article(id="t", text=VISIT, date="2024-05-14"))
    assert (doc.pub, doc.reference, doc.dateline_city, doc.dateline_country) == ("2024-05-14", "2024-05-13", "Baku", "AZ")
    assert [s.text for s in doc.sentences][1] == "The ministers discussed military cooperation."
    assert not doc.registry.persons and not any(s.persons for s in doc.sentences)  # no mentions yet


def test_find_mentions_registers_the_persons_with_their_states():
    doc = mentioned(VISIT)
    assert {p.name: p.country for p in doc.registry.persons.values()} == {"Zakir Hasanov": "AZ", "Hulusi Akar": "TR"}
    assert [m.key for m in doc.sentences[0].persons] == ["p1", "p2"]
    assert not doc.meetings and not any(s.refs for s in doc.sentences)  # contacts are the next component's


def test_read_contacts_adds_the_drafts_and_the_references():
    doc = mentioned(VISIT)
    read_contacts(doc)
    assert [(m.participants, m.date, m.rule) for m in doc.meetings] == [(["p1", "p2"], "2024-05-13", "meeting.met")]
    assert doc.sentences[1].refs == [(0, 13, "p1"), (0, 13, "p2")]  # "The ministers": the two principals
    assert [(i.inviter, i.invitee, i.country, i.rule) for i in doc.invitations] == [("p1", "p2", "AZ", "invitation.invited")]


def test_the_components_in_order_are_extract():
    doc = mentioned(VISIT)
    read_contacts(doc)
    extraction = settle_record(doc)
    article = Article(id="t", text=VISIT, date="2024-05-14")
    assert explanation(extraction) == explanation(extract(article)) == explanation(read_article(article))
    assert [(d.what, d.value, d.rule) for d in extraction.decisions if d.subject == "m1"] == [
        ("meeting", "AZ TR", "meeting.met"), ("participant", "p1", "participant.named (meeting.met)"),
        ("participant", "p2", "participant.named (meeting.met)"), ("mode", "in_person", "mode.in-person (no call or video marker)"),
        ("host", "AZ", "host.venue-state")]


def test_a_role_is_resolved_against_the_contact_given_and_changes_nothing():
    doc = mentioned("Turkish General Kemal Aslan met Pakistani General Asif Karim. Later he thanked his counterpart.")
    meeting = MeetingDraft(["p1", "p2"], "2024-05-14", "in_person", None, None, None, ["..."], 0)
    match = next(ROLE_NOUN.finditer(doc.sentences[1].text))
    assert resolve_role(doc, meeting, match, "p1", 1, {"p1"}) == ["p2"]
    # no contact being told: the visitor, else the most told person of another state; none of another: nobody
    assert resolve_role(doc, None, match, "p1", 1, {"p1"}) == ["p2"]
    alone = mentioned("Turkish General Kemal Aslan met Turkish General Ali Kaya. Later he thanked his counterpart.")
    assert resolve_role(alone, None, next(ROLE_NOUN.finditer(alone.sentences[1].text)), "p1", 1, {"p1"}) == []
    assert not doc.meetings


def test_an_invitation_reader_returns_its_drafts_without_adding_them():
    doc = mentioned(VISIT)
    read_contacts(doc)
    sentence = doc.sentences[2]
    drafts = read_invitation(doc, sentence, sentence.refs, doc.meetings[0], "p1")
    assert [(d.inviter, d.invitee, d.country) for d in drafts] == [("p1", "p2", "AZ")]
    assert len(doc.invitations) == 1  # the one read_contacts added, not a second


def test_assign_countries_settles_the_unsaid_states_and_returns_those_only_guessed():
    doc = mentioned("BAKU, May 13 -- General Ali Rahimov met General Kemal Aslan of Turkey on Monday.")
    read_contacts(doc)
    unplaced = [k for k, p in doc.registry.persons.items() if p.country is None]
    guessed = assign_countries(doc, set(doc.registry.persons))
    assert guessed == set(unplaced) and unplaced
    assert {doc.country_of(k) for k in unplaced} == {"AZ"}
    assert doc.person(unplaced[0]).country_rule == "country.dateline (weak)"


def test_read_record_stops_before_settling():
    doc = read_record(Article(id="t", text=VISIT, date="2024-05-14"))
    assert [m.rule for m in doc.meetings] == ["meeting.met"] and doc.sentences[0].refs
    assert explanation(settle_record(doc)) == explanation(extract(Article(id="t", text=VISIT, date="2024-05-14")))
