"""Every reading recorded with its rule and evidence (kg.model.Decision): a person's rank and post, who leads a
delegation and who belongs to it, each with the cue that said so and the sentence it read."""
import pytest

from kg.extract import extract
from kg.extract.contacts import read_record
from kg.extract.mentions import find_persons
from kg.model import Article


def read(text):
    extraction = extract(Article(id="t", text=text, date="2024-05-16"))
    names = {p.key: p.name for p in extraction.persons}
    return extraction, names


def decisions(extraction, names, *whats):
    """(what, subject, value, rule, evidence) of the decisions of those kinds, persons given by name."""
    def name(key):
        return names.get(key) or ("d:" + names[key[2:]] if key.startswith("d:") else key)
    return [(d.what, name(d.subject), names.get(d.value, d.value) if d.what in ("delegation", "member") else d.value,
             d.rule, d.evidence) for d in extraction.decisions if d.what in whats]


# each rank and post reading with a sentence of its own: (rule id, sentence, the name, the value it gives)
READINGS = [
    ("rank.before-name", "Lt. Gen. Ali Kaya met the guests.", "Ali Kaya", "Lieutenant General"),
    ("rank.appositive-after", "Jan Novak, a major general, met the guests.", "Jan Novak", "Major General"),
    ("position.before-name", "Defence Minister Jan Novak met the guests.", "Jan Novak", "Defence Minister"),
    ("position.appositive-after", "Omar Haddad, Deputy Chief of the Jordanian General Staff, met the guests.",
     "Omar Haddad", "Deputy Chief of the Jordanian General Staff"),
    ("position.title-run", "The talks were held with the German ambassador to Somalia Sebastian Groth on Monday.",
     "Sebastian Groth", "German ambassador to Somalia"),
    ("position.ambassador-honorific", "US Ambassador James Smith met the minister.", "James Smith", "Ambassador"),
]


@pytest.mark.parametrize("rule, sentence, name, value", READINGS, ids=[r[0] for r in READINGS])
def test_each_mention_says_which_reading_gave_its_rank_or_post(rule, sentence, name, value):
    [mention] = [m for m in find_persons(sentence) if m.name == name]
    what = rule.split(".")[0]
    assert (getattr(mention, what), getattr(mention, f"{what}_rule")) == (value, rule)


def test_a_rank_before_the_name_and_a_post_after_it_are_decisions_with_their_sentences():
    first = "Lieutenant General Ali Kaya met Jordanian Defence Minister Omar Haddad in Amman on Monday."
    later = "Kaya, the commander of the Turkish Land Forces, thanked his hosts."
    extraction, names = read(f"{first} {later}")
    assert decisions(extraction, names, "rank", "position") == [
        ("rank", "Ali Kaya", "Lieutenant General", "rank.before-name", first),
        # the first mention that gives a post gives it, even when a later sentence does
        ("position", "Ali Kaya", "commander of the Turkish Land Forces", "position.appositive-after", later),
        ("position", "Omar Haddad", "Jordanian Defence Minister", "position.before-name", first)]


def test_a_counterpart_holds_the_post_of_the_one_named_before():
    sentence = "Defence Minister Jan Novak of the Czech Republic met his counterpart Petr Svoboda in Prague on Monday."
    extraction, names = read(sentence)
    assert ("position", "Petr Svoboda", "Defence Minister", "position.counterpart", sentence) in \
        decisions(extraction, names, "position")


LED = ("A Kenyan military delegation led by Major General Peter Otieno met Turkish Defence Minister Ali Kaya in "
       "Ankara on Tuesday.")
COMPRISED = "The delegation comprised Brigadier John Mwangi and Colonel Grace Wanjiru."
MET = "Turkish Defence Minister Ali Kaya met Jordanian Defence Minister Omar Haddad in Amman on Monday."
ESCORTED = "Kaya was accompanied by Major General Murat Demir and Colonel Selim Aksoy."
TOLD = "A 19-member delegation from the Rwanda Defence Force Staff College visited the Army Headquarters on Monday."
FRONTED = ("Led by Colonel Jean Mugabo, the delegation was received by the Chief of the Army Staff, Lieutenant General "
           "Kwame Mensah.")
CHAIRED = "The Ukrainian delegation was chaired by the Deputy Minister of Defense of Ukraine, Ivan Petrenko."
ARRIVED = "General Chang Wei arrived here today with a 19-member delegation on a three-day goodwill visit."
OFFICERS = ("Indonesian Army Major General Tomas Reyes, accompanied by some senior officers, met Philippine Army chief "
            "Lieutenant General Jose Cruz in Manila on Monday.")
TEAM_TOLD = ("Defence Minister General Kwame Mensah on Monday received a 17-man team from the National Defence "
             "College of India.")
TEAM_LEADER = "Air Vice Marshal Rajiv Mehta, a senior directing staff of the college and leader of the team, thanked his hosts."
TEAM_HEADED = "Brigadier Anne Lowe headed the Australian team, which included Colonel Mark Dunn."
POSSESSIVE = ("Defence Minister Sok Chea told the Chinese delegation's leader, Major General Li Ming, that Cambodia "
              "welcomed the visit.")
LEADING = ("Leading the visiting delegation from the Brazilian Army, Major General Paulo Lima thanked Brigadier Omar "
           "Singh of Guyana for the welcome.")
WITH_TEAM = ("Lieutenant General Mamadou Sarr, the Chief of General Staff of Senegal, together with his team on Wednesday "
             "paid a courtesy call on the Vice President of The Gambia.")
BARE = "Senior General Min Thu met Thai commander Lieutenant General Somchai Wong and delegation on Monday."
# sentences, then the decisions on the delegation: its leader, its state (said, or its leader's, read where the
# leader's was), its members
DELEGATIONS = {
    "fronted led-by, state told before": ([TOLD, FRONTED], [
        ("delegation", "d:Jean Mugabo", "Jean Mugabo", "delegation.led-by", FRONTED),
        ("country", "d:Jean Mugabo", "RW", "country.delegation-told-before", TOLD)]),
    "chaired-by": ([CHAIRED], [
        ("delegation", "d:Ivan Petrenko", "Ivan Petrenko", "delegation.led-by", CHAIRED),
        ("country", "d:Ivan Petrenko", "UA", "country.delegation-leader", CHAIRED)]),
    "arrived with a delegation": ([ARRIVED], [
        ("delegation", "d:Chang Wei", "Chang Wei", "delegation.with-own-delegation", ARRIVED)]),
    "led-by, comprising": ([LED, COMPRISED], [
        ("delegation", "d:Peter Otieno", "Peter Otieno", "delegation.led-by", LED),
        ("country", "d:Peter Otieno", "KE", "country.delegation-demonym", LED),
        ("member", "d:Peter Otieno", "John Mwangi", "member.includes", COMPRISED),
        ("member", "d:Peter Otieno", "Grace Wanjiru", "member.includes", COMPRISED)]),
    "together with his team": ([WITH_TEAM], [
        ("delegation", "d:Mamadou Sarr", "Mamadou Sarr", "delegation.with-own-delegation", WITH_TEAM),
        ("country", "d:Mamadou Sarr", "SN", "country.delegation-leader", WITH_TEAM)]),
    "X and delegation": ([BARE], [
        ("delegation", "d:Somchai Wong", "Somchai Wong", "delegation.with-own-delegation", BARE),
        ("country", "d:Somchai Wong", "TH", "country.delegation-leader", BARE)]),
    "accompanied by officers unnamed": ([OFFICERS], [
        ("delegation", "d:Tomas Reyes", "Tomas Reyes", "delegation.accompanied-by-officials", OFFICERS),
        ("country", "d:Tomas Reyes", "ID", "country.delegation-leader", OFFICERS)]),
    # the same words tell a commander's own staff at home: no contact between states, no delegation
    "accompanied by officers at home": (["Defence Minister Sheikh Fahad Al-Sabah received at the ministry today the "
                                         "Chief of General Staff of the Kuwait Army Lieutenant General Bandar Al-Mezyan, "
                                         "accompanied by a number of commanders and officers."], []),
    "leader of the team, its state told before": ([TEAM_TOLD, TEAM_LEADER], [
        ("delegation", "d:Rajiv Mehta", "Rajiv Mehta", "delegation.head-of-delegation", TEAM_LEADER),
        ("country", "d:Rajiv Mehta", "IN", "country.delegation-told-before", TEAM_TOLD)]),
    "headed the team, which included": ([TEAM_HEADED], [
        ("delegation", "d:Anne Lowe", "Anne Lowe", "delegation.leads", TEAM_HEADED),
        ("country", "d:Anne Lowe", "AU", "country.delegation-demonym", TEAM_HEADED)]),
    "the delegation's leader, X": ([POSSESSIVE], [
        ("delegation", "d:Li Ming", "Li Ming", "delegation.head-of-delegation", POSSESSIVE),
        ("country", "d:Li Ming", "CN", "country.delegation-demonym", POSSESSIVE)]),
    "leading the visiting delegation, X": ([LEADING], [
        ("delegation", "d:Paulo Lima", "Paulo Lima", "delegation.led-by", LEADING),
        ("country", "d:Paulo Lima", "BR", "country.delegation-leader", LEADING)]),
    "accompanied-by": ([MET, ESCORTED], [
        ("delegation", "d:Ali Kaya", "Ali Kaya", "delegation.accompanied-by", ESCORTED),
        ("country", "d:Ali Kaya", "TR", "country.delegation-leader", MET),
        ("member", "d:Ali Kaya", "Murat Demir", "member.accompanied-by", ESCORTED),
        ("member", "d:Ali Kaya", "Selim Aksoy", "member.accompanied-by", ESCORTED)]),
}


@pytest.mark.parametrize("sentences, expected", DELEGATIONS.values(), ids=DELEGATIONS.keys())
def test_a_delegations_leader_state_and_members_each_with_its_cue(sentences, expected):
    extraction, names = read(" ".join(sentences))
    assert [d for d in decisions(extraction, names, "delegation", "country", "member") if d[1].startswith("d:")] \
        == expected


def test_the_delegation_draft_keeps_the_cues_before_settling():
    doc = read_record(Article(id="t", date="2024-05-16", text=(
        "Turkish Land Forces Commander General Ali Kaya, who is leading a military delegation, met General Omar "
        "Haddad in Amman on Monday. "
        "Colonel Selim Aksoy was also part of the delegation.")))
    [delegation] = doc.delegations.values()
    names = {k: p.name for k, p in doc.registry.persons.items()}
    assert (names[delegation.leader], delegation.leader_rule, delegation.country_rule) == (
        "Ali Kaya", "delegation.leads", None)  # the leader's state was known: no cue of its own
    assert {names[k]: rule for k, (rule, _) in delegation.member_rules.items()} == {"Selim Aksoy": "member.part-of"}
    assert not delegation.add_member(delegation.leader, "member.includes", "...")  # a leader is no member of their own
