"""The development sample of competency questions (tests/data/cq_dev.yaml), answered through the
named queries as an analyst would ask them (tests/data/cq_dev_answers.yaml says which query)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import yaml

from .conftest import DATA, labels_of

DEV = yaml.safe_load((DATA / "cq_dev.yaml").read_text(encoding="utf-8"))["questions"]
HOW = yaml.safe_load((DATA / "cq_dev_answers.yaml").read_text(encoding="utf-8"))


def test_every_dev_question_has_a_way_to_be_answered():
    assert {q["id"] for q in DEV} == set(HOW)


def _answer_names(answer: dict) -> list[str]:
    if "value" in answer:
        v = answer["value"]
        return [str(int(v)) if float(v) == int(v) else str(v)]
    return [answer["en"], answer["ko"], *answer.get("aliases", [])]


def _collect(engine, how: dict, column: str) -> set[str]:
    got: set[str] = set()
    base_column = column
    for ask in how["ask"]:
        column = ask.get("column", base_column)
        params = {k: str(v).replace("pko:", "https://w3id.org/policykg/ontology#") for k, v in ask["params"].items()}
        result = engine.run_named(ask["query"], params)
        if "where" in how:
            col = result.variables.index(how["where"]["column"])
            needle = str(how["where"]["contains"]).casefold()
            kept = []
            for row in result.rows:
                t = row[col]
                text = "" if t is None else (result.labels.get(t.value, t.value) if isinstance(t, ox.NamedNode) else t.value)
                if needle in text.casefold():
                    kept.append(row)
            result.rows = kept
        got |= labels_of(engine, result, column)
    return got


@pytest.mark.parametrize("q", DEV, ids=lambda q: q["id"])
def test_dev_question(engine, q):
    how = HOW[q["id"]]
    got = _collect(engine, how, how["column"])
    for extra in ("also", "also2"):
        if extra in how:
            got |= _collect(engine, how, how[extra]["column"])
    found = [a for a in q["answer"] if any(n.casefold() in got for n in _answer_names(a))]
    if q.get("match", "all") == "all":
        missing = [a.get("en", a.get("value")) for a in q["answer"] if a not in found]
        assert not missing, f"{q['id']} {q['question_en']}\n missing {missing}\n got {sorted(got)[:60]}"
    else:
        assert found, f"{q['id']}: none of the answers found"
