"""Countries, demonyms, cities, institutions and international bodies."""
import pytest

from kg import gazetteer


def test_country_names_and_bodies():
    assert gazetteer.country_name("AZ") == "Azerbaijan"
    assert gazetteer.country_name("az") == "Azerbaijan"
    assert gazetteer.country_name("NATO") == "North Atlantic Treaty Organization"
    assert gazetteer.country_name("AFU") == "African Union"
    assert gazetteer.country_name("XX") is None
    assert gazetteer.country_name(None) is None


def test_international_bodies_have_their_own_codes():
    for code in ("NATO", "UN", "EU", "ASEAN", "SCO", "CSTO", "AFU"):
        assert gazetteer.is_international_body(code)
    assert not gazetteer.is_international_body("AU")  # Australia
    assert not gazetteer.is_international_body("US")
    assert not gazetteer.is_international_body(None)


@pytest.mark.parametrize("text, code", [
    ("Azerbaijani", "AZ"), ("Chinese", "CN"), ("Emirati", "AE"), ("Ivorian", "CI"), ("Kyrgyz", "KG"),
    ("Türkiye", "TR"), ("Turkey", "TR"), ("Viet Nam", "VN"), ("Papua New Guinea", "PG"), ("Nigerien", "NE"),
    ("Nigerian", "NG"), ("Baku", "AZ"), ("Abu Dhabi", "AE"), ("Kubinka", "RU"),
    ("People's Liberation Army", "CN"), ("Pentagon", "US"), ("African Union", "AFU"),
    ("Collective Security Treaty Organization", "CSTO"), ("United Nations", "UN"), ("AU", "AFU"), ("Australia", "AU"),
])
def test_surface_forms(text, code):
    assert gazetteer.code_for(text) == code


def test_peacekeeping_missions_speak_for_the_body_that_deployed_them():
    assert gazetteer.code_for("UNISFA") == gazetteer.code_for("UNMISS") == "UN"
    assert gazetteer.code_for("ATMIS") == "AFU"


def test_a_hyphenated_state_is_found_written_with_a_space():
    assert gazetteer.code_for("Timor Leste") == gazetteer.code_for("Timor-Leste") == "TL"


def test_a_name_two_states_use_alike_names_neither():
    """ISPR is the press service of Pakistan's and of Bangladesh's armed forces: it must not make a side."""
    assert gazetteer.code_for("ISPR") is None and gazetteer.outlet_country("ISPR") is None


def test_every_state_has_a_demonym_or_is_named():
    states = {s.code for s in gazetteer.surface_forms() if s.kind == "country"}
    assert len(states) >= 190
    assert all(gazetteer.country_name(code) for code in states)


def test_body_seats():
    assert gazetteer.body_seat("NATO") == ("Brussels", "BE")
    assert gazetteer.body_seat("AFU") == ("Addis Ababa", "ET")


def test_garrison_and_port_cities_of_defence_news():
    from kg.gazetteer import code_for

    assert code_for("Trabzon") == "TR" and code_for("Sasebo") == "JP" and code_for("Klaipėda") == "LT"


def test_spellings_without_diacritics_and_kosovo():
    from kg.gazetteer import code_for

    assert code_for("Turkiye") == "TR" and code_for("Kosovo") == "XK" and code_for("Pristina") == "XK"


def test_a_states_acronym_typed_with_full_stops_is_that_state():
    """"R.O.K. Joint Chiefs of Staff", "the U.A.E. delegation": the dotted form of a state's acronym names it,
    in the text and in an outlet's name."""
    from kg.extract.mentions import find_places
    from kg.gazetteer import lookup, outlet_country

    assert lookup("R.O.K.").code == "KR" and lookup("U.A.E.").code == "AE" and lookup("D.P.R.K.").code == "KP"
    assert outlet_country("R.O.K. Joint Chiefs of Staff") == "KR"
    assert [p.code for p in find_places("The U.A.E. delegation met the R.O.K. chairman.")] == ["AE", "KR"]
