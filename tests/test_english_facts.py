"""English facts whose arguments the text gives in a roundabout way: a share of what a dependence is
for ("for roughly 80 per cent of its cloud"), a body that has run a policy ("has administered"), a
country named only as "the state" or "the country", an object fronted or after a colon; and a line
labelled by a country, in either language."""

from __future__ import annotations

import pytest

from .small_kb import facts, last_doc, nlp_for


@pytest.mark.parametrize("share", ["roughly 80 per cent of its", "most of its", "nearly all of its", "90% of"])
def test_a_dependence_for_a_share_of_a_resource_is_on_that_resource(en, share):
    doc = last_doc(en, ("body", f"Japan relies on three US firms for {share} public-sector cloud spending."))
    assert facts(doc, "dependsOn") == [("dependsOn", "country/jp", "resource/cloud")]


@pytest.mark.parametrize("verb", ["has administered", "have jointly run", "oversaw", "ran"])
def test_a_body_that_has_run_a_policy_runs_it(en, verb):
    doc = last_doc(en, ("body", f"The Ministry of Science and ICT {verb} the GPU Support Programme since 2021."))
    assert facts(doc, "runBy") == [("runBy", "", "agency/kr-msit")]


def test_the_actor_right_before_a_later_clause_s_verb_is_its_subject(en):
    doc = last_doc(en, ("body", "Japan controls chips, Korea controls cloud, and China depends on the US for GPUs."))
    assert sorted(facts(doc)) == [("controls", "country/jp", "resource/ai-chip"), ("controls", "country/kr", "resource/cloud"),
                                  ("dependsOn", "country/cn", "resource/gpu")]


@pytest.mark.parametrize(("text", "fact"), [
    ("Korea owns cloud, and Japan buys chips.", [("controls", "country/kr", "resource/cloud")]),
    ("Korea owns 30 per cent of the cloud market.", []),  # (a share, not control)
])
def test_what_a_country_owns_it_controls(en, text, fact):
    assert facts(last_doc(en, ("body", text)), "controls") == fact


@pytest.mark.parametrize("verb", ["committed $1 billion to", "allocated $1 billion to"])
def test_a_policy_a_government_funds_is_its_country_s(en, verb):
    doc = last_doc(en, ("body", "Japan builds chips."), ("body", f"The government {verb} a National Compute Programme."))
    assert facts(doc, "hasPolicy") == [("hasPolicy", "country/jp", "")]


@pytest.mark.parametrize("text", [
    "For cloud, Japan depends on US providers, which host most workloads.",
    "Japan remains dependent on foreign providers at almost every layer: cloud, chips and GPUs.",
])
def test_what_a_dependence_is_on_may_be_fronted_or_listed_after_a_colon(en, text):
    assert {f[2] for f in facts(last_doc(en, ("body", text)), "dependsOn")} >= {"resource/cloud"}


def test_the_state_is_a_country_not_a_body_the_text_was_about(en):
    doc = last_doc(en, ("body", "Japan builds chips."), ("body", "The Ministry of Digital Affairs funds data centres."),
                   ("body", "The state depends on US providers for cloud."))
    assert [f[1] for f in facts(doc, "dependsOn")] in ([], ["country/jp"])  # (not the ministry)


def test_what_stays_in_the_country_is_controlled_by_the_country_the_text_is_about(en):
    doc = last_doc(en, ("body", "Japan is building data centres."), ("body", "The ministry insists that the cloud will stay in the country."))
    assert facts(doc, "controls") == [("controls", "country/jp", "resource/cloud")]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "- Japan: strategy: the AI Basic Act; infrastructure: data centres"),
    ("ko", "○ 일본: 「AI 기본법」, 데이터센터 확충"),
])
def test_a_line_labelled_by_a_country_is_its_row(ko, en, lang, text):
    doc = last_doc(nlp_for(lang, ko, en), ("body", text))
    assert ("hasPolicy", "country/jp", "policy/kr-ai-basic-act") in facts(doc, "hasPolicy")
    # (not a country that only opens the line: "Japan's plan: …")
    doc = last_doc(nlp_for(lang, ko, en), ("body", text.replace("Japan:", "Japan's plan:").replace("일본:", "일본의 계획:")))
    assert not [f for f in doc._.facts if f.rule.endswith(".row")]
