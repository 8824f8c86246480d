"""Whose a policy is by its name, and who does not run it (ingest.relations): an English policy
whose name opens with a country or its adjective is that country's, and a body that approves, adopts,
enacts or proposes a policy gives it to its country without running it (the other policy relation
rules: tests/test_policy_relations.py)."""

from __future__ import annotations

import pytest

from .small_kb import last_doc, more_names, nlp_for


@pytest.mark.parametrize(("text", "policy"), [
    ("The Swiss Government Cloud programme will give the administration its own cloud.", "Swiss Government Cloud"),
    ("The Japan National AI Strategy was revised.", "Japan National AI Strategy"),
    ("The Japan Cloud Strategy was revised.", "policy/jp-cloud"),  # (a known one)
])
def test_an_english_policy_whose_name_opens_with_its_country_or_its_adjective(text, policy):
    with more_names("en", [{"label": "Policy", "pattern": "Japan Cloud Strategy", "id": "policy/jp-cloud"},
                           {"label": "Country", "pattern": "Switzerland", "id": "country/ch"}]) as en:
        doc = last_doc(en, ("body", "France acts."), ("body", text))
    assert [(f.subject.id, f.object.id or f.object.text, f.rule) for f in doc._.facts if f.relation == "hasPolicy"] \
        == [("country/ch" if "Swiss" in text else "country/jp", policy, "hasPolicy.en.name")]


def test_a_pair_of_countries_opening_a_name_is_no_owner(en):
    doc = last_doc(en, ("body", "France acts."), ("body", "The US-Japan Tech Alliance Programme was renewed."))
    assert [f for f in doc._.facts if f.relation == "hasPolicy"] == []


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Cabinet Office approved the Digital Compute Plan."),
    ("en", "The Cabinet Office adopted the Digital Compute Plan."),
    ("en", "The Cabinet Office is proposing a Digital Compute Act."),
    ("ko", "국가전략위원회는 「디지털 컴퓨팅 계획」을 의결했다."),
])
def test_a_body_that_approves_or_enacts_a_policy_does_not_run_it(ko, en, lang, text):
    doc = last_doc(nlp_for(lang, ko, en), ("body", "Japan acts." if lang == "en" else "일본은 움직인다."), ("body", text))
    assert [f for f in doc._.facts if f.relation == "runBy"] == []
    # (its country has it)
    assert [f.subject.id for f in doc._.facts if f.relation == "hasPolicy"] == ["country/jp"]


def test_a_policy_run_by_a_body_s_body_is_run_by_that_body(en):
    doc = last_doc(en, ("body", "The Advanced Computing Chips Rule, administered by the Commerce Department's "
                                "Bureau of Industry and Security, limits sales."))
    assert [f.object.text for f in doc._.facts if f.relation == "runBy"] == ["Bureau of Industry and Security"]


def test_a_known_policy_whose_name_opens_with_us_keeps_its_link():
    # ("US" is no stop word "us": the name is no generic one to relink by the countries around it)
    extra = [{"label": "Policy", "pattern": "US CLOUD Act", "id": "policy/us-cloud-act", "owner": "country/us"},
             {"label": "Country", "pattern": "Norway", "id": "country/no"}]
    with more_names("en", extra) as en:
        doc = last_doc(en, ("body", "Data must stay in Norway, beyond the reach of laws such as the US CLOUD Act."))
        assert [e.kb_id_ for e in doc.ents if e.label_ == "Policy"] == ["policy/us-cloud-act"]
