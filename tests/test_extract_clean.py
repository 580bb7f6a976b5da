"""Text clean-up: scraped junk, datelines, glued sentences, signatures, sentence splitting."""
from hypothesis import given, settings, strategies as st

from kg.extract.clean import (MAX_SENTENCE, clean_article, fix_glued_sentences, normalise_characters, split_dateline,
                              split_sentences, strip_postnominals, unwrap_lines)


def test_scraped_first_line_gives_the_date_and_is_removed():
    cleaned = clean_article(" date 2021-05-03 + ↺ − 16 px\n\nThe minister met his guest.\n")
    assert cleaned.first_line_date == "2021-05-03"
    assert cleaned.text == "The minister met his guest."


def test_missing_space_after_full_stop_is_restored():
    assert fix_glued_sentences("visited Tbilisi.The talks were held in 2019.It was") == \
        "visited Tbilisi. The talks were held in 2019. It was"


def test_abbreviations_and_domains_are_not_split():
    assert fix_glued_sentences("according to Defence.gov and U.S. officials") == \
        "according to Defence.gov and U.S. officials"


def test_curly_quotes_and_non_breaking_spaces_are_normalised():
    assert normalise_characters("Kenya\u2019s\u00a0army \u201cready\u201d") == "Kenya's army \"ready\""


def test_datelines_of_several_agencies():
    cases = {
        "ROME, Feb 20 -- The Italian minister": ("Rome", "Feb 20"),
        "OTTAWA, March 3 – The chief": ("Ottawa", "March 3"),
        "NEW DELHI: The army chief": ("New Delhi", None),
        "Lima, 4th May, 2023 (XNA) -- The commander": ("Lima", "4th May, 2023"),
        "SEOUL, Oct. 2 -- Vice Minister": ("Seoul", "Oct. 2"),
        "TASHKENT. The Minister of Defence": ("Tashkent", None),
        "Nairobi (Kenya News) - The Chief": ("Nairobi", None),
        "WARSAW, July 9. /Agency/. The deputy minister": ("Warsaw", "July 9"),
        "Colombo [Sri Lanka], May 4 (ANI): The navy chief": ("Colombo", "May 4"),
        "Hanoi (Vietnam), 4 May 2012 - The deputy minister": ("Hanoi", "4 May 2012"),
    }
    for paragraph, (city, date_text) in cases.items():
        rest, found_city, found_date = split_dateline(paragraph)
        assert (found_city, found_date) == (city, date_text), paragraph
        assert rest[0].isupper()


def test_datelines_with_a_state_a_day_range_or_a_named_agency():
    cases = {
        "Lusaka, March 3-5, 2019 – The visiting admiral": ("Lusaka", "March 3-5, 2019"),
        "HANOI, May 2, 2016, Viet-News – The Deputy Minister": ("Hanoi", "May 2, 2016"),
        "DAKAR, Senegal, July 9, 2013/Press Agency Of West Africa (PAWA)/ — The chief": ("Dakar", "July 9, 2013"),
        "Minsk, Belarus, /BELTA/ The Defence Minister": ("Minsk", None),
        "OSLO, Norway, April 4. The State Secretary": ("Oslo", "April 4"),
        "BOSTON, MA (01/02/2015)(newsWire)-- The adjutant general": ("Boston", None),
        "Amman, Chairman of the Joint Chiefs of Staff received": ("Amman", None),
    }
    for paragraph, (city, date_text) in cases.items():
        rest, found_city, found_date = split_dateline(paragraph)
        assert (found_city, found_date) == (city, date_text), paragraph
        assert rest[0].isupper(), paragraph


def test_a_dateline_on_a_line_of_its_own_dates_the_story():
    cleaned = clean_article("ACCRA, Ghana, Feb. 7\n\nThe Chief of Defence Staff received the envoy on Monday.")
    assert (cleaned.dateline_city, cleaned.dateline_date) == ("Accra", "Feb. 7")
    assert cleaned.text == "The Chief of Defence Staff received the envoy on Monday."


def test_a_list_of_places_a_state_or_a_weekday_is_no_dateline():
    for paragraph in ("Moscow, Beijing vow to deepen ties", "Kenya, Uganda sign a pact", "Amman, the capital, hosted it",
                      "Thu, 19 Dec 2024", "Mon, March 3, 2025"):
        assert split_dateline(paragraph) == (paragraph, None, None)


def test_an_ordinary_first_sentence_is_not_a_dateline():
    for paragraph in ("The Minister of Defence, Juan Perez, met", "General Smith met the Chief of Staff on Monday."):
        assert split_dateline(paragraph) == (paragraph, None, None)


def test_trailing_publisher_signature_and_byline_are_dropped():
    text = ("The chief received his counterpart on Monday.\n\nThey discussed training.\n\n"
            "Editor: Jane Roe\nCOPYRIGHT © Some Agency 2024\n\nSome Defence Wire")
    assert clean_article(text).text == "The chief received his counterpart on Monday.\n\nThey discussed training."


def test_post_nominal_letters_are_dropped():
    text = "Chief of Naval Staff Admiral Ravi Kumar, PVSM, AVSM, ADC, received the guest."
    assert "PVSM" not in clean_article(text).text
    assert "Admiral Ravi Kumar received" in clean_article(text).text


def test_sentences_keep_ranks_initials_and_abbreviations_together():
    paragraph = ("Lt. Gen. John R. Doe met Maj. Gen. Ali Khan in Washington on Sept. 4. "
                 "The two discussed training. Dr. Lee also attended.")
    assert split_sentences(paragraph) == [
        "Lt. Gen. John R. Doe met Maj. Gen. Ali Khan in Washington on Sept. 4.",
        "The two discussed training.",
        "Dr. Lee also attended.",
    ]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_clean_up_never_fails_on_hostile_text(text):
    cleaned = clean_article(text)
    assert isinstance(cleaned.text, str)
    for paragraph in cleaned.text.split("\n\n"):
        split_sentences(paragraph)


def test_scraped_residue_on_the_same_line_as_the_body():
    cleaned = clean_article(" date 2021-05-03 + ↺ − 16 px " + "The minister met his guest in the capital. " * 5)
    assert cleaned.first_line_date == "2021-05-03"
    assert cleaned.text.startswith("The minister met his guest")


def test_html_entities_captions_and_share_lines():
    cleaned = clean_article("The minister&nbsp;met the Chief of Staff of the Army &amp; Navy.\n\n(Photo: Ministry)\n\n"
                            "The two discussed training.\n\nShare: Facebook Twitter")
    assert cleaned.text == "The minister met the Chief of Staff of the Army & Navy.\n\nThe two discussed training."


def test_entities_whose_ampersand_a_feed_stripped_are_decoded_and_words_ending_like_one_are_kept():
    cleaned = clean_article("Premier Karamirsquo;s Advisor Omar Karami met the decisionnbsp;makers at the camp; "
                            "he called it quot;historic.quot; and #39;useful#39;.")
    assert cleaned.text == "Premier Karami's Advisor Omar Karami met the decision makers at the camp; " \
                           "he called it \"historic.\" and 'useful'."


def test_hard_wrapped_lines_are_joined_but_a_headline_keeps_its_line():
    raw = ("Minister visits the fleet\n"
           "The Chief of Naval Staff of Utopia, Admiral Jonas Evermore, arrived on a three-day\n"
           "official visit and called on the Chief of Defence Staff, General\n"
           "Marten Ostrand, at the Joint Headquarters. Matters of mutual interest were\n"
           "discussed during the meeting.\n")
    body = clean_article(raw).text
    assert "General Marten Ostrand" in body
    assert "three-day official visit" in body
    assert "Minister visits the fleet" not in body  # the headline stays a line of its own, then is dropped


def test_short_lines_of_a_list_are_not_joined():
    assert unwrap_lines(["Defence Minister receives delegation", "Staff Reporter",
                         "The Minister of Defence received a delegation led by General Pell on Monday."]) == [
        "Defence Minister receives delegation", "Staff Reporter",
        "The Minister of Defence received a delegation led by General Pell on Monday."]


def test_a_dateline_date_glued_to_the_month_abbreviation_is_read():
    assert split_dateline("Manama, Mar.14 (BNA): The Commander today received the guest.") == \
        ("The Commander today received the guest.", "Manama", "Mar.14")


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["General Ali Khan", "Anna Lee", "of the", ";", ",", "and", "Minister"]),
                min_size=200, max_size=2000))
def test_an_overlong_sentence_is_cut_into_bounded_pieces_that_keep_every_word(words):
    """Reading time stays linear in the text only if what the rules see per sentence is bounded."""
    sentence = " ".join(words) + "."
    pieces = split_sentences(sentence)
    assert all(len(piece) <= MAX_SENTENCE for piece in pieces)
    assert " ".join(pieces).split() == sentence.split()


def test_a_dateline_with_a_long_agency_note_in_brackets_is_stripped():
    assert split_dateline("ISLAMABAD, (UrduPoint / Pakistan Point News - 28th Apr, 2025) The Secretary called on the "
                          "Minister.") == ("The Secretary called on the Minister.", "Islamabad", None)


def test_a_dateline_glued_to_the_first_word_by_a_double_dash():
    assert split_dateline("Seoul, July 11 (Jiji Press)--Gen. Kenji Sato visited.") == \
        ("Gen. Kenji Sato visited.", "Seoul", "July 11")


def test_an_acronym_glued_to_the_next_sentence_is_split():
    assert fix_glued_sentences("called on COAS.The delegation included two officers.") == \
        "called on COAS. The delegation included two officers."


def test_a_dateline_after_a_headline_written_as_a_sentence_is_read():
    cleaned = clean_article("Secretary Defence of Sri Lanka called on the Minister for Defence here on Monday\n\n"
                            "ISLAMABAD, (UrduPoint / Pakistan Point News - 28th Apr, 2025) Secretary Defence of Sri Lanka "
                            "called on the Minister for Defence here on Monday.")
    assert cleaned.dateline_city == "Islamabad"
    assert "Point News" not in cleaned.text


def test_abbreviations_from_the_rank_lexicon_end_no_sentence():
    assert split_sentences("The Navy chief met Comdr. John Peters in Mumbai. Lt. Col. Ana Diaz attended.") == [
        "The Navy chief met Comdr. John Peters in Mumbai.", "Lt. Col. Ana Diaz attended."]
    assert split_sentences("It was led by the Deputy Minister of Defence, Rtd. Colonel Simon Kargbo. He spoke.") == [
        "It was led by the Deputy Minister of Defence, Rtd. Colonel Simon Kargbo.", "He spoke."]


def test_a_dateline_glued_by_a_colon_after_a_known_city_only():
    assert split_dateline("KUWAIT, Feb 20 (APP):Chief of Army Staff met him.") == ("Chief of Army Staff met him.", "Kuwait", "Feb 20")
    assert split_dateline("NOTE:This is not a dateline.") == ("NOTE:This is not a dateline.", None, None)


def test_a_hyphen_left_by_a_line_wrap_joins_its_halves():
    assert "Albert Kan-Dapaah" in clean_article("He met the Minister of National Security, Hon Albert Kan- Dapaah, "
                                                "during a six- day visit.").text


def test_a_shouted_sentence_is_recased_keeping_acronyms_and_offsets():
    from kg.extract.clean import is_shouted, recase_shouted
    from kg.extract.lexicon import lexicon

    shouted = ("THE HONOURABLE MINISTER OF DEFENCE, H.E. ADAMU GARBA RECEIVED A DELEGATION OF NATO "
               "AMBASSADORS LED BY HER EXCELLENCY AMB. LENA BERG ON THURSDAY, 20TH JUNE 2024 AT SHIP HOUSE ABUJA.")
    assert is_shouted(shouted) and not is_shouted("The Minister of Defence received NATO ambassadors.")
    recased = recase_shouted(shouted, lexicon().acronyms, lexicon().plain_words)
    assert len(recased) == len(shouted)
    assert recased == ("The Honourable Minister of Defence, H.E. Adamu Garba received a delegation of NATO "
                       "Ambassadors led by Her Excellency Amb. Lena Berg on Thursday, 20th June 2024 at Ship House Abuja.")


def test_a_release_written_in_capitals_is_read():
    from kg.extract import extract
    from kg.model import Article

    text = ("PHOTO NEWS: THE HONOURABLE MINISTER OF DEFENCE, H.E. ADAMU GARBA, RECEIVED A DELEGATION OF THE "
            "EUROPEAN UNION LED BY HER EXCELLENCY AMB. LENA BERG ON THURSDAY AT SHIP HOUSE, ABUJA.")
    extraction = extract(Article(id="caps", text=text, date="2024-06-21", source="Federal Ministry of Defence, Nigeria"))
    names = {p.key: p.name for p in extraction.persons}
    assert [(m.parties, m.host, m.date, sorted(names[k] for k in m.participants)) for m in extraction.meetings] == [
        (["EU", "NG"], "NG", "2024-06-20", ["Adamu Garba", "Lena Berg"])]


def test_a_name_broken_after_its_middle_initial_is_joined_again():
    cleaned = clean_article("The minister met Lieutenant General Patrick D.\n\nFrank.\n\nThey discussed training.")
    assert cleaned.text == "The minister met Lieutenant General Patrick D. Frank.\n\nThey discussed training."


def test_a_list_of_other_stories_headlines_is_no_part_of_the_story():
    cleaned = clean_article("Minister opens bridge • Navy chiefs meet in Rabat • Flood warning issued\n\n"
                            "The minister met the general on Monday.")
    assert cleaned.text == "The minister met the general on Monday."


def test_the_other_stories_listed_after_the_story_are_cut_and_the_headline_is_kept_apart():
    cleaned = clean_article("Navy Chief Welcomes Visiting Delegation\n\n"
                            "The navy chief received the delegation on Monday.\n\n"
                            "Check Also\n\n"
                            "President Ali Hassan visits flashpoint city\n\n"
                            "The president made no reference to the protests.")
    assert cleaned.text == "The navy chief received the delegation on Monday."
    assert cleaned.headline == "Navy Chief Welcomes Visiting Delegation"
    # only a marker standing alone opens the list: a sentence that begins with its words is the story's
    assert "More news on the talks" in clean_article("The chief met his guest.\n\n"
                                                     "More news on the talks is expected on Friday.").text


def test_a_sentence_broken_between_paragraphs_is_joined_again():
    cleaned = clean_article("Army Chief of Staff Lt. Gen. Ali Kareem,\n\nreceived on Tuesday, April 19, 2016\n\n"
                            "morning, a delegation from the US Department of Defense.\n\nThe two sides discussed it.")
    assert cleaned.text.split("\n\n") == [
        "Army Chief of Staff Lt. Gen. Ali Kareem, received on Tuesday, April 19, 2016 morning, a delegation from the "
        "US Department of Defense.", "The two sides discussed it."]


def test_a_day_after_an_abbreviated_month_ends_no_sentence():
    assert split_sentences("They met briefly on Jun. 2, shaking hands at dinner. It was good.") == [
        "They met briefly on Jun. 2, shaking hands at dinner.", "It was good."]


def test_a_short_first_line_of_the_body_after_a_scraped_date_is_kept():
    cleaned = clean_article(" date 2019-09-23 DHAKA, Sept 23 (BSS) – Indian Chief of Naval Staff Admiral Rohan\n"
                            "Mehta today visited Khulna naval areas and called on the Commander Khulna\n"
                            "Naval Area, Rear Admiral M Musa, and exchanged greetings with them.")
    assert cleaned.first_line_date == "2019-09-23"
    assert cleaned.text.startswith("Indian Chief of Naval Staff Admiral Rohan Mehta today visited")
    assert clean_article(" date 2024-06-14 + ↺ − 16 px\nThe minister met the envoy.").text == "The minister met the envoy."


def test_honours_right_after_a_name_are_dropped_without_a_comma_before_them():
    assert strip_postnominals("Minister of Defence, Bello Matawalle CON , mni  has said") == \
        "Minister of Defence, Bello Matawalle  has said"
    assert strip_postnominals("General Chris Musa OFR said") == "General Chris Musa said"
    assert strip_postnominals("He visited the USA and Canada.") == "He visited the USA and Canada."


def test_where_a_person_stands_in_the_photograph_is_dropped():
    assert clean_article("Defence Minister Lan Ha (L) and General Bo Tran (2nd R) shake hands in Hanoi.").text == \
        "Defence Minister Lan Ha and General Bo Tran shake hands in Hanoi."


def test_an_embedded_tweets_signature_and_its_day_leave_the_story():
    cleaned = clean_article("The two chiefs met today in Nairobi.\n\n\"Our ties are strong,\" the president said. "
                            "pic.twitter.com/yKzbydNX — Daily Standard (@dailystandard) February 28, 2024\n\n"
                            "The visitor was later received by the college's commandant.\n")
    assert cleaned.text == ("The two chiefs met today in Nairobi.\n\n\"Our ties are strong,\" the president said.\n\n"
                            "The visitor was later received by the college's commandant.")


def test_a_readouts_opening_leaves_the_story_but_its_dateline_still_places_it():
    cleaned = clean_article("Readout of the Chairman's Meeting with Canada's Chief of the Defence Staff\n\n"
                            "WASHINGTON, D.C. - Joint Staff Spokesperson Navy Capt. Jon Doe provided the following "
                            "readout:\n\nThe Chairman met with Canada's Chief of the Defence Staff yesterday.\n")
    assert cleaned.dateline_city == "Washington"
    assert cleaned.text == "The Chairman met with Canada's Chief of the Defence Staff yesterday."


def test_a_city_in_capitals_before_a_comma_is_a_dateline_but_not_a_list_of_places():
    assert split_dateline("BAGHDAD, Army Chief of Staff Lieutenant General Karim Saadi met X.")[1] == "Baghdad"
    assert split_dateline("MOSCOW, BEIJING vow to cooperate")[1] is None


def test_a_dateline_alone_on_its_line_needs_no_comma_before_its_date():
    assert split_dateline("Nay Pyi Taw March 7") == ("", "Nay Pyi Taw", "March 7")
    assert split_dateline("Moscow 2024")[1] is None


def test_an_excerpt_cut_mid_word_at_its_length_loses_the_half_word_and_the_name_it_began():
    from kg.extract.clean import EXCERPT_LENGTH, clean_article

    filler = "The two sides reviewed the progress of their cooperation in training and education. " * 25
    cut = filler + "The Deputy Chair met Swedish officials, including the Chief of Defence Staff, Vice Admiral Jo"
    assert len(cut) >= EXCERPT_LENGTH
    assert clean_article(cut).text.endswith("including the Chief of Defence Staff")
    # ... a short text, or one that ends with its stop, is kept whole
    assert clean_article("The minister met his counterpart, General Karim Aliyev").text.endswith("Karim Aliyev")
    assert clean_article(filler + "He met General Karim Aliyev.").text.endswith("Karim Aliyev.")
