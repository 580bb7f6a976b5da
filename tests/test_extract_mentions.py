"""Person mentions: names anchored by ranks, honorifics and posts; countries from demonyms and institutions."""
import pytest

from kg.extract.mentions import find_persons, find_places


def persons(sentence, known=None):
    return [(m.name, m.rank, m.position, m.country) for m in find_persons(sentence, known)]


def test_rank_and_post_before_the_name():
    assert persons("Chief of General Staff of the Ghana Army Lt-Gen Kofi Mensah arrived in Lome.") == [
        ("Kofi Mensah", "Lieutenant General", "Chief of General Staff of the Ghana Army", "GH")]


def test_post_in_apposition_after_the_name():
    assert persons("Rear Adm. Pedro Alves, Deputy Commander of the Brazilian Navy, visited the base.") == [
        ("Pedro Alves", "Rear Admiral", "Deputy Commander of the Brazilian Navy", "BR")]


def test_lower_case_post_in_apposition():
    assert persons("Li Wei, vice chairman of the Central Military Commission, met the guests.") == [
        ("Li Wei", None, "vice chairman of the Central Military Commission", "CN")]


def test_possessive_country_before_the_post():
    assert persons("Kenya's Defence Cabinet Secretary, Aden Duale, said the talks went well.") == [
        ("Aden Duale", None, "Defence Cabinet Secretary", "KE")]


def test_demonym_before_the_post_is_the_country():
    found = persons("Mongolian Minister of Defence Gursed Saikhanbayar received the delegation.")
    assert found == [("Gursed Saikhanbayar", None, "Minister of Defence", "MN")]


def test_honorifics_are_neither_names_nor_ranks():
    found = persons("Chief of Defence Force General Tan Sri Dato' Seri Hamid Yusof met H.E. Dr. Maria Lopes.")
    assert [(name, rank) for name, rank, _, _ in found] == [("Hamid Yusof", "General"), ("Maria Lopes", None)]


def test_lower_case_rank_in_apposition():
    assert persons("Batbayar, a major general who heads the delegation, thanked the hosts.")[0][:2] == \
        ("Batbayar", "Major General")


def test_a_rank_with_its_second_word_in_lower_case_anchors_the_name_after_it():
    assert persons("He met the commander of Army Central, Lieutenant general Patrick D. Frank.")[0][:2] == \
        ("Patrick D. Frank", "Lieutenant General")
    assert persons("He met Rear admiral Hans Weber.")[0][:2] == ("Hans Weber", "Rear Admiral")
    # one capitalised word is the rank lexicon's to judge: "the Attorney General Hans Weber" holds no rank
    assert persons("The Attorney General Hans Weber spoke.") == []


def test_a_lower_case_post_set_off_by_a_comma_anchors_the_name_but_a_body_does_not():
    assert persons("He discussed with the US ambassador to Jordan, Henry Walker, the latest developments.") == [
        ("Henry Walker", None, "US ambassador to Jordan", "US")]
    assert persons("According to the Royal Thai Armed Forces, Walker met Somchai.", {"walker", "somchai"}) == [
        ("Walker", None, None, None), ("Somchai", None, None, None)]


def test_the_first_of_a_chain_of_posts_names_the_state():
    assert persons("Algerian Deputy Defense Minister, Army Chief of Staff, Lieutenant General Ahmed Salah held talks.") \
        == [("Ahmed Salah", "Lieutenant General", "Army Chief of Staff", "DZ")]
    # ... never past the name before it, though the people opening a list of officials is the state of each
    found = find_persons("He met Russian Defence Minister Pavel Orlov, Chief of General Staff Ivan Popov and others.")
    assert [(m.name, m.country, m.country_rule) for m in found] == [
        ("Pavel Orlov", "RU", "country.post-before"), ("Ivan Popov", "RU", "country.list-of-state")]
    assert persons("He met Peruvian President Ollanta Humala, Foreign Minister Eda Rivas and Defense Minister Pedro "
                   "Cateriano, and Nepalese Army Chief General Prabhu Sharma.")[1:] == [
        ("Eda Rivas", None, "Foreign Minister", "PE"), ("Pedro Cateriano", None, "Defense Minister", "PE"),
        ("Prabhu Sharma", "General", "Nepalese Army Chief", "NP")]


def test_a_state_before_the_service_and_rank_is_the_persons_over_the_post_after_the_name():
    assert persons("He met U.S. Army Gen. James Dorn, commander of the South Korea-U.S. Combined Forces Command.")[0][3] \
        == "US"
    assert persons("A Pakistan Navy Commodore Tariq Khan arrived.") == [("Tariq Khan", "Commodore", None, "PK")]
    assert persons("In Kabul General Ali Khan spoke.") == [("Ali Khan", "General", None, None)]  # a city names no one's state
    # a state after "in", "to", "for" is where the post is held, not whose it is
    assert persons("The Defence Attaché in Sri Lanka Lieutenant Colonel Ismail Nasir attended.")[0][3] is None


def test_of_two_states_in_a_run_before_the_name_the_one_opening_the_post_is_the_persons():
    found = persons("General Ali Haddad welcomed at the Headquarters of the Jordan Armed Forces Spanish Chief of the "
                    "Defence Staff, Admiral Juan Lopez Marin, and his delegation.")
    assert found[-1] == ("Juan Lopez Marin", "Admiral", "Chief of the Defence Staff", "ES")
    assert persons("Chief of General Staff of the Ghana Army Lt-Gen Kofi Mensah arrived.")[0][3] == "GH"


def test_a_capitalised_post_after_the_name_without_a_comma_and_the_commands_of_a_state():
    found = persons("He met Brig. Gen William Zorn the Deputy Commanding General for the Combined Joint Task Force for "
                    "the Horn of Africa (CJTF-HOA) in Kampala.")
    assert found[0][0] == "William Zorn" and found[0][2].startswith("Deputy Commanding General") and found[0][3] == "US"
    assert persons("He thanked General Ali Khan the Great for the dinner.") == [("Ali Khan", "General", None, None)]


def test_one_word_after_a_whole_defence_post_is_a_surname():
    assert persons("I had a bilateral meeting with Malaysian Minister of Defence Hishammuddin this year.") == [
        ("Hishammuddin", None, "Minister of Defence", "MY")]
    assert persons("I spoke with Australia's Minister for Defence Payne last Friday.")[0][::3] == ("Payne", "AU")
    assert persons("The Minister of Defence Headquarters said so.") == []


def test_a_given_name_that_is_also_a_month_of_the_calendar_is_a_name_after_a_post():
    assert persons("He met the Minister of Foreign Affairs, Ramadan Abdalla.") == [
        ("Ramadan Abdalla", None, "Minister of Foreign Affairs", None)]
    assert persons("The talks were held during Ramadan in Cairo.") == []


def test_a_plural_post_is_no_name_and_an_envoy_of_a_state_to_a_body_is_of_that_state():
    assert persons("He met Permanent Representatives of Netherlands to NATO Marjanne de Kwast and Ambassador of France "
                   "to NATO Mr. Jean-Baptist MATTEI.") == [
        ("Marjanne de Kwast", None, "Permanent Representatives of Netherlands to NATO", "NL"),
        ("Jean-Baptist MATTEI", None, "Ambassador of France to NATO", "FR")]


def test_a_monarchs_numeral_and_a_title_that_is_also_a_family_name_belong_to_the_name():
    assert persons("Moroccan King Mohammed VI received a phone call.")[0][::3] == ("Mohammed VI", "MA")
    assert persons("Defence Attaché Lt. Col. Hassan Amir was also present.")[0][:2] == ("Hassan Amir", "Lieutenant Colonel")
    assert persons("He met Brigadier General Amir Hatami.")[0][0] == "Amir Hatami"


def test_institutions_give_the_country():
    assert persons("Director of the PLA Navy Foreign Affairs Office, Senior Colonel Zhang Hua, attended.")[0][3] == "CN"
    assert persons("Secretary General of the Shanghai Cooperation Organisation Yerlan Aidarov spoke.")[0][3] == "SCO"
    # a body's staff named without the body: "Director General International Military Staff" is NATO's
    assert persons("Lieutenant General Hans Weber, Director General International Military Staff, spoke.")[0][3] == "NATO"


def test_names_with_particles_hyphens_and_initials():
    assert [p[0] for p in persons(
        "Maj. Gen. Saad bin Ahmed Al-Mutairi met Secretary of the Navy John T. Carlisle and Col. Jan van der Berg.")] == \
        ["Saad bin Ahmed Al-Mutairi", "John T. Carlisle", "Jan van der Berg"]


def test_family_name_first_in_capitals():
    assert persons("Mr. KIMURA Taro, State Minister of Defense, visited the base.")[0][:1] == ("KIMURA Taro",)


def test_known_surname_alone_is_a_mention():
    assert [p[0] for p in persons("Mensah thanked the hosts.", {"mensah", "kofi"})] == ["Mensah"]
    assert persons("Mensah thanked the hosts.") == []


@pytest.mark.parametrize("sentence", [
    "The Ministry of Defence signed a contract with Bharat Dynamics Limited.",
    "The Joint Staff College of the People's Liberation Army held a seminar.",
    "Heads of the Armed Forces met in the General Staff building.",
    "Riyadh (Gulf Point News - 13th Feb, 2023): The ministry said nothing.",  # an outlet's name is no person
])
def test_organisations_are_not_persons(sentence):
    assert persons(sentence) == []


def test_places_and_peoples():
    found = [(p.name, p.code, p.kind) for p in find_places("The Papua New Guinean and Nigerien officers met in Port Moresby.")]
    assert ("Port Moresby", "PG", "city") in found
    assert ("Nigerien", "NE", "demonym") in found


def test_a_state_right_before_a_full_name_anchors_it():
    assert [(p[0], p[3]) for p in persons("China's Dong Wei met Indonesia's Budi Santoso in Jakarta.")] == \
        [("Dong Wei", "CN"), ("Budi Santoso", "ID")]
    assert persons("The Ministry of Defence of Japan's Acquisition Agency said.") == []


def test_state_after_the_name():
    assert [(p[0], p[3]) for p in persons(
        "Defence Minister Ruth Marley of Australia met General Ali Musa from Chad and Minister Jan Novak of the "
        "Czech Republic.")] == [("Ruth Marley", "AU"), ("Ali Musa", "TD"), ("Jan Novak", "CZ")]


def test_organisations_named_by_posts():
    from kg.extract.posts import organization

    assert organization("Deputy Chief of the Turkish General Staff") == "Turkish General Staff"
    assert organization("Chief of Staff of the Egyptian Armed Forces") == "Egyptian Armed Forces"
    assert organization("Minister of Defence") is None


def test_a_delegations_state_does_not_reach_past_its_leader_to_the_host():
    from kg.extract.mentions import find_persons

    sentence = ("A delegation of the Hellenic Navy headed by Vice Admiral Nikos Pappas called on "
                "General Omar Farouk at the General Headquarters, Cairo.")
    countries = {m.name: m.country for m in find_persons(sentence)}
    assert countries == {"Nikos Pappas": "GR", "Omar Farouk": None}


def test_a_title_that_is_also_a_given_name_opens_the_name_after_a_rank():
    names = [(m.name, m.rank) for m in find_persons("Brigadier-General Amir Tavakoli met Colonel General Ruslan Oruj.")]
    assert names == [("Amir Tavakoli", "Brigadier General"), ("Ruslan Oruj", "Colonel General")]
    # without a rank before it, the title stays a title
    assert [m.name for m in find_persons("The Amir of Qatar received General Sultan Al Fardan.")] == ["Sultan Al Fardan"]


def test_the_title_run_before_a_name_gives_the_state_when_the_post_parser_cannot():
    countries = {m.name: m.country for m in find_persons(
        "Russian Defence Minister Army of the General Pavel Orlov met the Ambassador to Nigeria John Bell.")}
    assert countries == {"Pavel Orlov": "RU", "John Bell": None}  # accredited to Nigeria: not Nigerian


def test_a_lower_case_title_anchors_a_name_and_names_the_state_not_the_one_accredited_to():
    found = {m.name: m.country for m in find_persons(
        "The defense minister Ali Nur Jama held a meeting with the German ambassador to Somalia Klaus Brenner.")}
    assert found["Klaus Brenner"] == "DE"
    found = {m.name: m.country for m in find_persons("Earlier, he received the chief of Qatar's land forces Said al-Mari.")}
    assert found == {"Said al-Mari": "QA"}


def test_an_honorific_after_and_starts_the_next_person_not_a_longer_post():
    found = [(m.name, m.position, m.country) for m in find_persons(
        "Ms Wendy Gale, Canadian High Commissioner and Ms. Lis Holm, Ambassador of Denmark called on the Chief.")]
    assert found == [("Wendy Gale", "High Commissioner", "CA"), ("Lis Holm", "Ambassador of Denmark", "DK")]


def test_burmese_honorific_and_post_acronyms_are_not_part_of_names():
    assert [(m.name, m.position) for m in find_persons(
        "Consul-General in Kunming U Soe Paing welcomed them, and NSA Monguno met senior Ghanaian officials.",
        {"monguno"})] == [("Soe Paing", "Consul-General in Kunming"), ("Monguno", "NSA")]


def test_a_title_that_is_also_a_family_name_ends_a_name():
    assert [(m.name, m.rank) for m in find_persons("His counterpart Major General Rose King met General Ali Prince.")] \
        == [("Rose King", "Major General"), ("Ali Prince", "General")]


def test_a_portfolio_named_after_a_body_is_no_side():
    assert [(m.name, m.country) for m in find_persons(
        "He met the Polish Minister for EU Affairs Konrad Nowak.")] == [("Konrad Nowak", "PL")]
    assert [(m.name, m.country) for m in find_persons("He met the Minister for EU Affairs Konrad Nowak.")] == [
        ("Konrad Nowak", None)]


def test_a_weekday_after_a_name_and_an_engineers_title_before_it_are_not_part_of_it():
    assert [(m.name, m.rank) for m in find_persons(
        "Chief of Army Staff (COAS) General Qamar Bashir Thursday paid a visit and met Engineer Hashim Al-Refai.")] == [
        ("Qamar Bashir", "General"), ("Hashim Al-Refai", None)]


def test_an_abbreviated_rank_after_a_secretarys_post_is_a_rank():
    assert [(m.name, m.rank, m.position) for m in find_persons(
        "He spoke with Defense Secretary Gen. Luis Cordero Vega and UN Secretary General Ana Ruiz.")] == [
        ("Luis Cordero Vega", "General", "Defense Secretary"), ("Ana Ruiz", None, "UN Secretary General")]


def test_a_lower_case_title_run_is_the_post_when_the_post_parser_finds_none():
    found = {m.name: m.position for m in find_persons(
        "He met the German ambassador to Somalia Klaus Brenner and the chief of Qatar's land forces Said al-Mari.")}
    assert found == {"Klaus Brenner": "German ambassador to Somalia", "Said al-Mari": "chief of Qatar's land forces"}


def test_an_appositive_naming_an_organisation_stays_the_persons_post():
    [found] = find_persons("He met General Markus Lang, Chief of Staff of NATO's Supreme Headquarters Allied Powers "
                           "Europe (SHAPE), in Mons.")
    assert (found.name, found.position, found.country) == (
        "Markus Lang", "Chief of Staff of NATO's Supreme Headquarters Allied Powers Europe (SHAPE)", "NATO")


def test_an_appositive_without_a_comma_when_the_and_a_state_follow_the_name():
    found = {m.name: (m.position, m.country) for m in find_persons(
        "In a call with Faisal bin Nasser Al Harbi the Saudi Arabian minister of defense, General Reza Karimi spoke.")}
    assert found["Faisal bin Nasser Al Harbi"] == ("minister of defense", "SA")


def test_a_states_possessive_heading_the_title_gives_the_state_and_not_another_persons():
    found = {m.name: m.country for m in find_persons("Algeria's powerful army chief, Gen. Said Haddad, is on a visit.")}
    assert found == {"Said Haddad": "DZ"}
    found = {m.name: m.country for m in find_persons(
        "He gave a message to Emmanuel Morel from Algeria's President Abdel Tebbal.", {"morel"})}
    assert found["Emmanuel Morel"] is None


def test_chief_ends_a_post_before_a_rank_and_is_a_title_before_a_name():
    assert [(m.name, m.position, m.honorific) for m in find_persons(
        "Army Chief General Qamar Bashir phoned him, and he met Chief Olu Adebayo in Abuja.")] == [
        ("Qamar Bashir", "Army Chief", None), ("Olu Adebayo", None, "Chief")]


@pytest.mark.parametrize("sentence, name", [
    ("Maj. Gen. K.K. Chinn, Army South commander, signed the minutes.", "K.K. Chinn"),
    ("Maj. Gen. K. K. Chinn, Army South commander, signed the minutes.", "K. K. Chinn"),
    ("He was received by Lt Gen A.B.C. Perera on Sunday.", "A.B.C. Perera"),
    ("He called on Defence Minister M. Rahman on Sunday.", "M. Rahman"),
    ("He met the Sector Commander, Brigadier General T.R Allieu, on Sunday.", "T.R Allieu"),
])
def test_initials_with_full_stops_open_a_name(sentence, name):
    assert [m.name for m in find_persons(sentence)] == [name]


@pytest.mark.parametrize("sentence, name", [
    ("He also met Prince Khalid bin Sultan, deputy minister of defense, on Sunday.", "Khalid bin Sultan"),
    ("Sheikh Mohammed bin Zayed received the Minister of Defence of Italy.", "Mohammed bin Zayed"),
])
def test_a_title_word_after_bin_is_a_fathers_name(sentence, name):
    assert [m.name for m in find_persons(sentence)] == [name]


def test_each_name_listed_after_a_plural_role_is_a_person_of_its_state():
    assert persons("Ministers Luis Vega and Ana Ruiz met their Chilean counterparts Heraldo Munoz and "
                   "Jose Antonio Gomez Urrutia.")[-2:] == [
        ("Heraldo Munoz", None, None, "CL"), ("Jose Antonio Gomez Urrutia", None, None, "CL")]
    assert [m.name for m in find_persons("The two generals, Ali Musa and Peter Brown, discussed training.")] == [
        "Ali Musa", "Peter Brown"]
    # a plain list of topics after a plural role is no list of names
    assert find_persons("The ministers discussed Iran and Syria.") == []


def test_initials_without_full_stops_keep_a_leading_a():
    assert [m.name for m in find_persons("The Minister received A B C Perera, Chief of Defence Staff.")] == [
        "A B C Perera"]
    assert find_persons("A Chinese delegation arrived in Colombo.") == []


def test_a_state_said_after_a_list_of_officials_is_each_ones_state():
    assert persons("Also present were Defence Minister Ahmed Musa, Chief of Defence Staff General Lucky Irabor and "
                   "Chief of Naval Staff Vice Admiral Awwal Gambo of Nigeria.") == [
        ("Ahmed Musa", None, "Defence Minister", "NG"), ("Lucky Irabor", "General", "Chief of Defence Staff", "NG"),
        ("Awwal Gambo", "Vice Admiral", "Chief of Naval Staff", "NG")]
    # ... but not past the verb: the host is not one of the list
    assert persons("Defence Minister Ahmed Musa received General Lucky Irabor of Ghana.")[0][3] is None
    # one state's plural post before the list of its holders: each is of that state
    assert [p[3] for p in persons("They also met Mexico's defense and navy secretaries, General Luis Reyes and "
                                  "Admiral Jorge Cruz.")] == ["MX", "MX"]


@pytest.mark.parametrize("sentence, name, rank", [
    ("A delegation led by Major General Pilot Mubarak Al Neyadi, Head of Policy, met them.", "Mubarak Al Neyadi",
     "Major General"),
    ("Staff Major General Pilot Ali Ahmed received the guests.", "Ali Ahmed", "Major General"),
])
def test_a_services_qualifier_after_the_rank_is_no_part_of_the_name(sentence, name, rank):
    assert [(m.name, m.rank) for m in find_persons(sentence)] == [(name, rank)]


def test_a_single_name_set_off_by_commas_after_a_post_and_no_opening_participle():
    assert persons("Responding, the Inspector-General of the Senegalese Armed Forces, Niang, thanked the CDS.") == [
        ("Niang", None, "Inspector-General of the Senegalese Armed Forces", "SN")]
    assert find_persons("He met the Commander of Defence Headquarters, Abuja, on Monday.") == []


def test_a_late_fathers_name_after_ibni_al_marhum_is_no_person():
    sentence = ("His Majesty Sultan Haji Hassan Rahman ibni Al-Marhum Sultan Haji Omar Saifuddin, Sultan of Brunei, "
                "received in audience Chief of Defence Forces General Somchai Dee.")
    assert [m.name for m in find_persons(sentence)] == ["Hassan Rahman", "Somchai Dee"]


@pytest.mark.parametrize("sentence, name", [
    ("First Admiral Pg Norazmi Pg Muhammad, the Commander of the Royal Brunei Navy, led a delegation.",
     "Norazmi Pg Muhammad"),  # Bruneian "Pg" (Pengiran) before the name and inside it
    ("Hon. Sh Rajnath Singh held discussions with the minister.", "Rajnath Singh"),  # Indian "Sh" (Shri)
])
def test_abbreviated_honorifics_are_no_part_of_the_name(sentence, name):
    assert [m.name for m in find_persons(sentence)][:1] == [name]


def test_a_post_after_and_that_opens_with_a_state_is_the_next_persons():
    sentence = ("A telephone conversation took place between Crown Prince Faisal bin Nasser, the Deputy Prime "
                "Minister and Minister of Defense and US Secretary of Defense John Reed.")
    posts = {m.name: (m.position, m.country) for m in find_persons(sentence)}
    assert posts["John Reed"] == ("US Secretary of Defense", "US")
    assert posts["Faisal bin Nasser"][1] is None  # not the US, which only the next person's post names


@pytest.mark.parametrize("sentence, name, post, country", [
    ("Maj. Gen. Dale Brooks met with Gen. Martin Hale, Chairman, Joint Chiefs of Staff, and Gen. Roy Quinn.",
     "Martin Hale", "Chairman, Joint Chiefs of Staff", None),
    ("Rear Admiral Tom Reyes, Commander, Task Force 73 of the US Pacific Fleet was received by the chief.",
     "Tom Reyes", "Commander, Task Force 73 of the US Pacific Fleet", "US"),
])
def test_a_bare_head_word_takes_the_body_after_its_comma(sentence, name, post, country):
    assert {m.name: (m.position, m.country) for m in find_persons(sentence)}[name] == (post, country)


def test_a_plural_post_before_a_list_of_holders_is_each_ones_post_in_the_singular():
    [first, *_] = find_persons("Ministers of Defence Juha Niemi and Hannes Tamm visited the shipyard.")
    assert (first.name, first.position) == ("Juha Niemi", "Minister of Defence")


def test_initials_an_article_defines_for_a_states_forces_name_that_state_in_it():
    from kg.extract import extract
    from kg.model import Article
    text = ("The Armed Forces of Liberia (AFL) and the Ghana Armed Forces held joint training last month. On Tuesday "
            "the Chief of Staff of the AFL, Major General Peter Johnson, held talks with Ghana's Chief of Army Staff "
            "Major General Thomas Oppong in Accra.")
    extraction = extract(Article(id="a", text=text, date="2021-05-12"))
    johnson = next(p for p in extraction.persons if p.name == "Peter Johnson")
    assert johnson.country == "LR"
    assert [d.rule for d in extraction.decisions if d.what == "country" and d.subject == johnson.key] == [
        "country.post-before"]
    # ... in that article only: elsewhere the initials name no one's state
    other = extract(Article(id="b", text="The Chief of Staff of the AFL, Major General Peter Johnson, spoke on Tuesday.",
                            date="2021-05-12"))
    assert [p.country for p in other.persons] == [None]


def test_a_hyphenated_post_before_a_name_is_no_part_of_it_and_a_capital_named_in_full_is_a_place():
    from kg.extract import extract
    from kg.model import Article
    extraction = extract(Article(id="a", date="2019-01-18", text=(
        "Azerbaijan's Defense Minister Colonel General Zakir Hasanov met the Personal Representative of the OSCE "
        "Chairman-in-Office Andrzej Nowicki in Baku on Thursday. The Indian High Commissioner met the Defence Secretary "
        "at the Defence Ministry in Sri Jayawardenepura Kotte on Friday.")))
    assert sorted(p.name for p in extraction.persons) == ["Andrzej Nowicki", "Zakir Hasanov"]


def test_a_resort_town_named_as_the_venue_is_no_person():
    from kg.extract import extract
    from kg.model import Article
    extraction = extract(Article(id="a", date="2010-02-26", text=(
        "Zimbabwe's Minister of Defence Emmanuel Moyo and Botswana's Minister of Defence Kabelo Seretse opened the "
        "joint commission's session in Victoria Falls on Monday.")))
    assert sorted(p.name for p in extraction.persons) == ["Emmanuel Moyo", "Kabelo Seretse"]
    assert [m.location.country for m in extraction.meetings if m.location] == ["ZW"]


def test_a_name_word_spelled_like_an_acronym_in_lower_case_stays_a_name():
    from kg.extract import extract
    from kg.model import Article
    extraction = extract(Article(id="a", date="2024-11-30", text=(
        "Kim Jong Un, president of the State Affairs of the DPRK, met Russian Defence Minister Andrei Belousov in "
        "Pyongyang on Friday.")))
    assert sorted(p.name for p in extraction.persons) == ["Andrei Belousov", "Kim Jong Un"]
    assert [m.parties for m in extraction.meetings] == [["KP", "RU"]]


def test_the_ruling_party_of_north_korea_is_north_korean():
    from kg.extract import extract
    from kg.model import Article
    extraction = extract(Article(id="a", date="2024-11-30", text=(
        "Pak Jong Chon, secretary of the Central Committee of the Workers' Party of Korea, met Russian Defence "
        "Minister Andrei Belousov on Friday.")))
    assert {p.name: p.country for p in extraction.persons}["Pak Jong Chon"] == "KP"
