"""Named queries: the library, safe parameter binding, the answers on a small graph, and the CLI."""
from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import cli
from kg.errors import QueryError
from kg.graph.store import GraphStore
from kg.query import named as queries
from tests.graph_fixtures import fill, filled_store_dir

EXPECTED = {"active-officials", "contacts", "country-matrix", "delegations", "forum-invitations",
            "person-timeline", "persons", "provenance", "who-met-whom"}
HASANOV = "https://w3id.org/mdc/id/person/zakir-hasanov"


@pytest.fixture(scope="module")
def store() -> GraphStore:
    graph_store = GraphStore(None)
    fill(graph_store)
    return graph_store


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    return filled_store_dir(tmp_path_factory, "queries")


def rows(store, name, **params):
    result = queries.run(store, name, params)
    return [dict(zip(result.columns, values)) for values in result.values()]


# ------------------------------------------------------------------ the library


def test_library_lists_every_named_query_with_description_and_params():
    assert set(queries.names()) == EXPECTED
    for query in queries.all_queries():
        assert query.description, query.name
        assert query.text.lstrip().startswith("#")
        for param in query.params:
            assert param.type in queries.TYPES and param.description


def test_every_named_query_parses_unbound_and_with_every_parameter(store):
    sample = {"country": "AZ", "other": "TR", "year": "2024", "since": "2024-01-01", "until": "2024-12-31",
              "person": "Zakir Hasanov", "rank": "General", "position": "Minister", "forum": "Xiangshan",
              "min": "1", "subject": "person:zakir-hasanov", "predicate": "mdc:rank", "object": "General"}
    for query in queries.all_queries():
        required = {p.name: sample[p.name] for p in query.params if p.required}
        queries.run(store, query.name, required)  # only the required ones
        queries.run(store, query.name, {p.name: sample[p.name] for p in query.params})  # all of them


def test_a_missing_required_or_unknown_parameter_is_an_error_that_names_it():
    with pytest.raises(QueryError, match="needs --param country"):
        queries.get("contacts").bind({})
    with pytest.raises(QueryError, match="has no parameter colour"):
        queries.get("contacts").bind({"country": "AZ", "colour": "red"})
    with pytest.raises(QueryError, match="since='yesterday'.*YYYY-MM-DD"):
        queries.get("contacts").bind({"country": "AZ", "since": "yesterday"})
    with pytest.raises(QueryError, match="no named query 'nope'"):
        queries.get("nope")


def test_param_types_make_typed_terms():
    param = queries.Param
    assert queries.to_term(param("c", "country", ""), "az") == ox.NamedNode("https://w3id.org/mdc/id/country/AZ")
    assert queries.to_term(param("c", "country", ""), "NATO").value.endswith("/organization/NATO")
    assert queries.to_term(param("p", "person", ""), "Zakir Hasanov") == ox.NamedNode(HASANOV)
    assert queries.to_term(param("p", "person", ""), "person:zakir-hasanov") == ox.NamedNode(HASANOV)
    assert queries.to_term(param("d", "date", ""), "2024-02-29").datatype.value.endswith("#date")
    assert queries.to_term(param("n", "int", ""), "007") == ox.Literal("7", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer"))
    assert queries.to_term(param("o", "term", ""), "mdc:rank") == ox.NamedNode("https://w3id.org/mdc#rank")
    assert queries.to_term(param("o", "term", ""), "Colonel General") == ox.Literal("Colonel General")
    for kind, bad in [("date", "2024-02-30"), ("year", "24"), ("int", "1; DROP ALL"), ("country", "A Z"),
                      ("iri", "http://x> . ?s ?p <y"), ("iri", "no scheme")]:
        with pytest.raises(QueryError):
            queries.to_term(param("x", kind, ""), bad)


def test_if_lines_are_kept_only_for_given_parameters():
    text = queries.get("who-met-whom").bind({})
    assert "#IF" not in text and "?meeting mdc:party ?country" not in text and "VALUES" not in text
    text = queries.get("who-met-whom").bind({"country": "AZ"})
    assert "?meeting mdc:party ?country ." in text
    assert "VALUES ?country { <https://w3id.org/mdc/id/country/AZ> }" in text
    assert "FILTER(STR(?a) < STR(?b))" in text  # an #UNLESS line: kept while its parameter is not given
    text = queries.get("who-met-whom").bind({"person": "person:zakir-hasanov"})
    assert "#UNLESS" not in text and "FILTER(STR(?a) < STR(?b))" not in text and "?meeting mdc:participant ?person ." in text


def test_conditions_on_several_parameters_choose_a_shape():
    text = "A  #IF x y\nB  #UNLESS x y\nC  #UNLESS x #IF y\n"
    assert queries.bind_terms(text, {}) == "\nB\n\n"
    assert queries.bind_terms(text, {"y": ox.Literal("1")}) == "A\n\nC\n"
    assert queries.bind_terms(text, {"x": ox.Literal("1"), "y": ox.Literal("1")}) == "A\n\n\n"
    whole = queries.get("who-met-whom").bind({})
    assert "GROUP BY ?a ?b\n" in whole and "NOT EXISTS" not in whole  # counted by hash, labels joined last
    narrowed = queries.get("who-met-whom").bind({"since": "2024"})
    assert "GROUP BY ?a ?b ?person_a ?person_b" in narrowed and "?meeting a mdc:Meeting ; mdc:participant ?a, ?b" in narrowed


def test_a_condition_naming_an_unknown_parameter_is_an_error():
    with pytest.raises(QueryError, match="#UNLESS nobody names no declared parameter"):
        queries.parse("bad", "# description: x\n# param: x (string, optional) x\n#PARAMS\nA  #IF x #UNLESS nobody\n")


# ------------------------------------------------------------------ hostile values cannot change a query

HOSTILE = st.one_of(
    st.text(max_size=60),
    st.sampled_from(['"', "'", "}", "{", "#", "\n", "\\", '" } } DROP ALL ; #', "') } UNION { ?s ?p ?o",
                     "x\" . ?s ?p ?o . FILTER(\"", "\r\n#PARAMS\n", ">", "<http://evil/>", "UNDEF",
                     "SELECT * WHERE { ?s ?p ?o }", "#IF since", '"""', "\\u0022 }"]),
    st.lists(st.sampled_from(['"', "}", "{", "#", "\n", "\\", "'", " DELETE ", " WHERE ", ">", "<", "?x",
                              "UNDEF", ")", "(", ";", "."]), max_size=12).map("".join),
)
ECHO = queries.parse("echo", "# description: echo\n# param: text (string) any text\n"
                             "SELECT ?text WHERE {\n  #PARAMS\n}\n")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=HOSTILE.filter(bool))
def test_a_string_value_is_bound_as_exactly_one_literal(value):
    """Whatever the text, the query answers one row whose value is that text, unchanged."""
    answer = list(ox.Store().query(ECHO.bind({"text": value})))
    assert len(answer) == 1 and answer[0]["text"] == ox.Literal(value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=HOSTILE, name=st.sampled_from(sorted(EXPECTED)))
def test_hostile_values_in_named_queries_only_ever_fail_to_match(store, value, name):
    """Bound into any parameter of any named query, a hostile value is a valid term or is refused;
    a valid one never makes the query fail to parse, nor match anything in this graph."""
    query = queries.get(name)
    for param in query.params:
        values = {p.name: {"country": "AZ", "person": "Zakir Hasanov", "iri": "person:zakir-hasanov"}.get(
            p.type, "x") for p in query.params if p.required}
        values[param.name] = value
        try:
            text = query.bind(values)
        except QueryError:
            continue  # refused: not a date, a code, an IRI ...
        outside_values = _strip_values(text)
        assert not queries.PARAMS_MARKER.search(outside_values) and not queries._IF_LINE.search(outside_values)
        store.query(text)  # parses and runs; no SyntaxError
        # the query's text outside the VALUES rows is the same as with a harmless value
        # (an empty value leaves an optional parameter out, like not giving it)
        harmless = query.bind({**values, param.name: _harmless(param.type) if value else value})
        assert _strip_values(text) == _strip_values(harmless)


def _harmless(kind: str) -> str:
    return {"country": "ZZ", "person": "nobody", "iri": "urn:x:nothing", "date": "2000-01-01",
            "year": "2000", "int": "1"}.get(kind, "harmless")


def _strip_values(text: str) -> str:
    # split on "\n" only: str.splitlines() also splits on U+0085, U+2028 ... inside a bound literal
    return "\n".join(line for line in text.split("\n") if not line.strip().startswith("VALUES ?"))


# ------------------------------------------------------------------ the answers


def test_contacts_between_two_countries_counts_each_meeting_once(store):
    found = rows(store, "contacts", country="AZ", other="TR")
    assert [(r["date"], r["counterpart"], r["mode"], r["articles"]) for r in found] == [
        ("2024-03-05", "TR", "in_person", "2")]  # reported by a1 and a2: one meeting, two articles
    assert [r["counterpart"] for r in rows(store, "contacts", country="AZ")] == ["CN", "TR"]
    assert [r["counterpart"] for r in rows(store, "contacts", country="az", year="2023")] == ["CN"]
    assert rows(store, "contacts", country="AZ", since="2024-01-01", until="2024-03") != []
    assert rows(store, "contacts", country="AZ", until="2023-12-31")[0]["counterpart"] == "CN"


def test_person_timeline(store):
    found = rows(store, "person-timeline", person="Zakir Hasanov")
    assert [(r["date"], r["kind"], r["with"]) for r in found] == [
        ("2023-09-12", "call", "Dong Jun"), ("2024-03-05", "in_person", "Yaşar Güler"),
        ("2024-03-06", "invitation", "Dong Jun")]
    assert len(rows(store, "person-timeline", person=HASANOV, since="2024-03-06")) == 1


def test_person_timeline_counts_the_articles_of_each_event_and_dates_an_undated_one_by_them():
    """The meeting of a1 and a2 is reported twice; an undated meeting takes its first article's date,
    and with `since` only the articles in the window date and count it."""
    from kg.model import Article, Extraction, Meeting
    from kg.pipeline import store_extraction
    from tests.graph_fixtures import _dong, _hasanov

    graph_store = GraphStore(None)
    fill(graph_store)
    for article_id, date in (("u1", "2024-05-02"), ("u2", "2024-07-20")):
        store_extraction(graph_store, Extraction(
            article=Article(id=article_id, text="...", date=date), date=date, persons=[_hasanov(), _dong()],
            meetings=[Meeting(key="m1", date=None, parties=["AZ", "CN"], participants=["p1", "p3"])]))
    found = [(r["date"], r["kind"], r["with"], r["articles"]) for r in rows(graph_store, "person-timeline",
                                                                             person="Zakir Hasanov")]
    assert found == [("2023-09-12", "call", "Dong Jun", "1"), ("2024-03-05", "in_person", "Yaşar Güler", "2"),
                     ("2024-03-06", "invitation", "Dong Jun", "1"), ("2024-05-02", "in_person", "Dong Jun", "2")]
    later = rows(graph_store, "person-timeline", person="Zakir Hasanov", since="2024-06-01")
    assert [(r["date"], r["kind"], r["articles"]) for r in later] == [("2024-07-20", "in_person", "1")]


def test_who_met_whom(store):
    found = {(r["person_a"], r["person_b"]): (r["meetings"], r["first"]) for r in rows(store, "who-met-whom")}
    assert found == {("Dong Jun", "Zakir Hasanov"): ("1", "2023-09-12"),
                     ("Mark Rutte", "Yaşar Güler"): ("1", "2024-10-01"),
                     ("Yaşar Güler", "Zakir Hasanov"): ("1", "2024-03-05")}
    assert len(rows(store, "who-met-whom", country="NATO")) == 1
    assert len(rows(store, "who-met-whom", person="Yaşar Güler", since="2024-06-01")) == 1


def test_delegations_forum_invitations_and_matrix(store):
    assert [(r["from"], r["leader"], r["rank"]) for r in rows(store, "delegations", country="TR")] == [
        ("TR", "Yaşar Güler", "General")]
    assert rows(store, "delegations", country="AZ") == []
    invitations = rows(store, "forum-invitations", forum="xiangSHAN")
    assert [(r["inviter"], r["invitee"], r["edition"], r["invitee_country"]) for r in invitations] == [
        ("Dong Jun", "Zakir Hasanov", "11", "AZ")]
    matrix = [(r["year"], r["country_a"], r["country_b"], r["meetings"]) for r in rows(store, "country-matrix")]
    assert matrix == [("2023", "AZ", "CN", "1"), ("2024", "AZ", "TR", "1"), ("2024", "NATO", "TR", "1")]
    assert len(rows(store, "country-matrix", year="2024", country="TR")) == 2


def test_active_officials_and_persons(store):
    active = [(r["name"], r["meetings"]) for r in rows(store, "active-officials")]
    assert active[:2] == [("Yaşar Güler", "2"), ("Zakir Hasanov", "2")] and len(active) == 4
    assert [r["name"] for r in rows(store, "active-officials", min="2", country="TR")] == ["Yaşar Güler"]
    generals = rows(store, "persons", rank="general")
    assert [r["name"] for r in generals] == ["Yaşar Güler", "Zakir Hasanov"]
    hasanov = generals[1]  # his rank is his description's (the latest), the others are in provenance
    assert hasanov["ranks"] in {"General", "Colonel General"} and hasanov["articles"] == "3"
    assert [r["name"] for r in rows(store, "persons", position="national def")] == ["Dong Jun", "Yaşar Güler"]


def test_provenance_names_the_articles_behind_a_fact(store):
    found = rows(store, "provenance", subject="person:zakir-hasanov", predicate="mdc:rank", object="Colonel General")
    assert [(r["id"], r["title"]) for r in found] == [("a1", "AZ-TR talks"), ("a2", 'Talks, again "quoted"')]
    assert [r["id"] for r in rows(store, "provenance", subject=HASANOV, predicate="mdc:rank",
                                  object="General")] == ["a3"]


# ------------------------------------------------------------------ the CLI


def test_cli_lists_queries_and_shows_one(runner):
    result = runner.invoke(cli, ["queries"])
    assert result.exit_code == 0
    assert all(name in result.output for name in EXPECTED)
    result = runner.invoke(cli, ["queries", "contacts"])
    assert result.exit_code == 0 and "--param country=country" in result.output and "#PARAMS" in result.output


def test_cli_runs_a_named_query_in_every_format(runner, store_dir):
    args = ["query", "contacts", "--param", "country=AZ", "--param", "since=2024-01-01", "--store", str(store_dir)]
    table = runner.invoke(cli, args)
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[0].split() == ["date", "counterpart", "mode", "label", "articles", "meeting"]
    timeline = runner.invoke(cli, ["query", "person-timeline", "-p", "person=Zakir Hasanov", "--store", str(store_dir)])
    assert "https://w3id.org/mdc/id/invitation/dong-jun-zakir-hasanov-t…" in timeline.output  # cut at 60
    parsed = list(csv.reader(io.StringIO(runner.invoke(cli, args + ["--format", "csv"]).output)))
    assert parsed[0][:3] == ["date", "counterpart", "mode"] and parsed[1][1] == "TR"
    tsv = runner.invoke(cli, args + ["--format", "tsv"]).output.splitlines()
    assert tsv[0].startswith("?date\t?counterpart") and '"TR"' in tsv[1]
    doc = json.loads(runner.invoke(cli, args + ["--format", "json"]).output)
    binding = doc["results"]["bindings"][0]
    assert binding["counterpart"] == {"type": "literal", "value": "TR"}
    assert binding["articles"]["datatype"].endswith("#integer")


def test_cli_adhoc_file_construct_and_update_refusal(runner, store_dir, tmp_path):
    query_file = tmp_path / "q.rq"
    query_file.write_text("PREFIX mdc: <https://w3id.org/mdc#>\n"
                          "CONSTRUCT { ?m a mdc:Meeting } WHERE { GRAPH ?g { ?m a mdc:Meeting } }\n")
    result = runner.invoke(cli, ["query", "--file", str(query_file), "--store", str(store_dir)])
    assert result.exit_code == 0 and "a mdc:Meeting" in result.output
    result = runner.invoke(cli, ["query", "ASK { GRAPH ?g { ?s ?p ?o } }", "--store", str(store_dir)])
    assert result.output == "true\n"
    result = runner.invoke(cli, ["query", "DROP ALL", "--store", str(store_dir)])
    assert result.exit_code == 1 and "read-only unless you pass --update" in result.output
    result = runner.invoke(cli, ["query", "contacts", "--store", str(store_dir)])
    assert result.exit_code == 1 and "needs --param country" in result.output
    result = runner.invoke(cli, ["query", "SELECT * WHERE { ?s ?p ?o }", "--param", "a=b", "--store", str(store_dir)])
    assert result.exit_code == 2
    result = runner.invoke(cli, ["query", "contacts", "--param", "country", "--store", str(store_dir)])
    assert result.exit_code == 1 and "NAME=VALUE" in result.output


def test_cli_param_value_with_quotes_and_newlines_is_data(runner, store_dir):
    result = runner.invoke(cli, ["query", "persons", "--param", 'rank=" } } DROP ALL #\n', "--format", "json",
                                 "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["results"]["bindings"] == []


def test_a_person_is_found_by_name_or_alias_whatever_iri_resolution_chose(runner, tmp_path):
    """Entity resolution may give a person an IRI that is not the slug of the name asked for."""
    from kg.graph.vocabulary import ID
    from kg.model import Article, Extraction, Meeting, Person
    import pyoxigraph as ox

    def resolved_iri(person):
        return ox.NamedNode(ID + "person/zakir-hasanov-2")  # not slugify("Z. Hasanov")

    from kg.graph.mapping import extraction_quads
    from kg.graph.vocabulary import ENTITIES_GRAPH, article_iri
    extraction = Extraction(
        article=Article(id="r1", text=""), date="2024-05-01",
        persons=[Person(key="p", name="Zakir Hasanov", aliases=["Z. Hasanov"], country="AZ"),
                 Person(key="q", name="Yaşar Güler", country="TR")],
        meetings=[Meeting(key="m", date="2024-05-01", parties=["AZ", "TR"], participants=["p", "q"])])
    quads = [q for q in extraction_quads(extraction, person_iri_for=lambda p: resolved_iri(p) if p.key == "p"
                                         else ox.NamedNode(ID + "person/yasar-guler"))]
    path = tmp_path / "store"
    with GraphStore(path) as store:
        store.replace_graph(article_iri("r1"), quads)
        # what resolution would write beside it: each person described once in the entities graph
        store.replace_graph(ENTITIES_GRAPH, [ox.Quad(q.subject, q.predicate, q.object, ENTITIES_GRAPH) for q in quads
                                             if q.subject.value.startswith(ID + "person/")])
        for name in ("Zakir Hasanov", "Z. Hasanov"):
            assert [r["with"] for r in rows(store, "person-timeline", person=name)] == ["Yaşar Güler"]
        assert rows(store, "person-timeline", person="Nobody Known") == []
    result = runner.invoke(cli, ["query", "who-met-whom", "-p", "person=Z. Hasanov", "--format", "csv",
                                 "--store", str(path)])
    assert result.exit_code == 0 and "zakir-hasanov-2" in result.output


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=HOSTILE.filter(lambda text: text.strip() and not queries._is_iri_like(text)))
def test_a_hostile_person_name_is_looked_up_as_data(store, name):
    """The name look-up (label or alias) binds the name as one literal too: no error, no match."""
    assert queries.persons_named(store, name) == [] or name.strip() in {
        "Zakir Hasanov", "Yaşar Güler", "Dong Jun", "Mark Rutte"}
    assert queries.run(store, "person-timeline", {"person": name}).rows == []


def test_dates_are_compared_as_typed_values_and_coarse_dates_match_a_window_touching_them(memory_store):
    from kg.model import Article, Extraction, Meeting, Person
    from kg.pipeline import store_extraction

    for article_id, date, other in (("d1", "2024-09", "Kemal Aydin"), ("d2", "2024-09-20", "Selim Bora"),
                                    ("d3", "2024", "Tahir Cem"), ("d4", "2023-12-31", "Umut Demir")):
        store_extraction(memory_store, Extraction(
            article=Article(id=article_id, text=""), date=date,
            persons=[Person("p", "Zakir Hasanov", country="AZ"), Person("q", other, country="TR")],
            meetings=[Meeting("m", date, parties=["AZ", "TR"], participants=["p", "q"])]))
    bound = queries.get("contacts").bind({"country": "AZ", "since": "2024-09-15"})
    assert '"2024-09-15"^^<http://www.w3.org/2001/XMLSchema#date>' in bound
    dates = lambda **params: [r["date"] for r in rows(memory_store, "contacts", country="AZ", **params)]  # noqa: E731
    assert dates(since="2024-09-15") == ["2024", "2024-09", "2024-09-20"]
    assert dates(since="2024-10") == ["2024"]
    assert dates(until="2024-09-10") == ["2023-12-31", "2024", "2024-09"]
    assert dates(since="2024-09-21", until="2024-09-30") == ["2024", "2024-09"]
    assert dates(year="2023") == ["2023-12-31"]
    assert dates(year="2024") == ["2024", "2024-09", "2024-09-20"]
    assert len(rows(memory_store, "active-officials", since="2024-09-16", until="2024-09-30")) == 4  # d1-d3 and Hasanov
