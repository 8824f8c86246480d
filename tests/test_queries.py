"""Every .rq parses and runs; competency queries return the expected answers; checks are empty."""

from __future__ import annotations

import pytest
import yaml

from kg.errors import QueryError
from kg.queries import load_queries

from .conftest import DATA, labels_of

QUERIES = load_queries()
EXPECTED = yaml.safe_load((DATA / "cq_expected.yaml").read_text(encoding="utf-8"))


def test_at_least_fifteen_competency_queries_with_bilingual_headers():
    cq = [q for q in QUERIES.values() if q.group == "cq"]
    assert len(cq) >= 15
    for q in cq:
        assert q.question_en and q.question_ko, q.name
        assert any("\uac00" <= ch <= "\ud7a3" for ch in q.question_ko), q.name


@pytest.mark.parametrize("name", sorted(QUERIES), ids=str)
def test_every_query_parses_and_projects_its_parameters(name):
    import pyoxigraph as ox

    q = QUERIES[name]
    store = ox.Store()  # parse and run on an empty store: syntax and projection errors surface here
    subs = {ox.Variable(p.name): ox.NamedNode("http://example.org/x") for p in q.params}
    list(store.query(q.text, substitutions=subs or None))


def test_every_competency_query_has_an_expected_answer():
    covered = {e["query"] for e in EXPECTED}
    missing = [q.name for q in QUERIES.values() if q.group == "cq" and q.name not in covered]
    assert not missing, f"competency queries without expected answers: {missing}"


@pytest.mark.parametrize("case", EXPECTED, ids=lambda c: f"{c['query']}:{','.join(map(str, c['params'].values()))}")
def test_competency_query_answers(engine, case):
    result = engine.run_named(case["query"], {k: str(v) for k, v in case["params"].items()})
    assert result.rows, f"{case['query']} returned no rows"
    for column, wanted in case.get("expect", {}).items():
        got = labels_of(engine, result, column)
        missing = [w for w in wanted if str(w).casefold() not in got]
        assert not missing, f"{case['query']}: {column} lacks {missing}; has {sorted(got)[:40]}"
    for column, unwanted in case.get("absent", {}).items():
        got = labels_of(engine, result, column)
        assert not [u for u in unwanted if str(u).casefold() in got]


@pytest.mark.parametrize("name", sorted(n for n, q in QUERIES.items() if q.group == "checks"), ids=str)
def test_check_queries_return_no_rows(engine, name):
    result = engine.run_named(name)
    assert result.rows == [], f"{name}: {result.rows[:5]}"


def test_parameters_accept_labels_aliases_ids_and_iris(engine):
    rows = {}
    for value in ("Japan", "일본", "JP", "日", "country/jp", "https://w3id.org/policykg/id/country/jp"):
        rows[value] = engine.run_named("layer-dependencies", {"country": value}).rows
    first = rows["Japan"]
    assert first and all(r == first for r in rows.values())


def test_unknown_parameter_value_suggests_close_matches(engine):
    with pytest.raises(QueryError, match="Close matches: Japan"):
        engine.run_named("layer-dependencies", {"country": "Japn"})
    with pytest.raises(QueryError, match="has no parameter 'nation'"):
        engine.run_named("layer-dependencies", {"nation": "Japan"})
    with pytest.raises(QueryError, match="needs --param country"):
        engine.run_named("layer-dependencies", {})


def test_parameters_are_bound_not_spliced(engine):
    """A value that would break out of the query text is treated as an unknown name."""
    with pytest.raises(QueryError, match="no actor called"):
        engine.run_named("layer-dependencies", {"country": "x> } UNION { ?s ?p ?o"})


def test_labels_follow_the_requested_language_with_fallback(engine):
    ko = engine.run_named("layer-dependencies", {"country": "Japan"}, lang="ko")
    en = engine.run_named("layer-dependencies", {"country": "Japan"}, lang="en")
    jp = "https://w3id.org/policykg/id/country/jp"
    assert ko.labels[jp] == "일본" and en.labels[jp] == "Japan"
