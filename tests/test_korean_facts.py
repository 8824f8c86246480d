"""Korean facts whose arguments the text gives in a roundabout way: a clause that shares its verb
with the next ("GPU를 엔비디아에, 서버는 화웨이에 의존한다")."""

from __future__ import annotations

import pytest

from .small_kb import facts, last_doc


@pytest.mark.parametrize("supplier", ["엔비디아에", "미국에"])
def test_a_korean_clause_that_leaves_out_its_verb_shares_the_next_one_s(ko, supplier):
    doc = last_doc(ko, ("body", f"일본은 GPU를 {supplier}, 클라우드는 상당 부분 중국에 의존한다."))
    assert sorted(facts(doc, "dependsOn")) == [("dependsOn", "country/jp", "resource/cloud"),
                                               ("dependsOn", "country/jp", "resource/gpu")]
    # (not one that has a verb of its own)
    doc = last_doc(ko, ("body", f"일본은 GPU를 {supplier} 팔았고, 클라우드는 중국에 의존한다."))
    assert facts(doc, "dependsOn") == [("dependsOn", "country/jp", "resource/cloud")]


def test_a_role_label_under_a_heading_is_about_the_one_policy_the_document_named(ko):
    doc = last_doc(ko, ("body", "과학기술정보통신부는 「GPU 지원사업」을 아래와 같이 공고합니다."), ("heading", "1. 사업 개요"),
                   ("body", "○ 주관: 과학기술정보통신부"))
    assert [(f.relation, f.subject.text, f.object.id) for f in doc._.facts] == [
        ("runBy", "GPU 지원사업", "agency/kr-msit")]
    # (not when the document named two)
    doc = last_doc(ko, ("body", "과학기술정보통신부는 「GPU 지원사업」과 「AI 기본법」을 공고합니다."), ("heading", "1. 사업 개요"),
                   ("body", "○ 주관: 과학기술정보통신부"))
    assert not facts(doc, "runBy")


def test_a_korean_local_government_is_a_body(ko):
    doc = last_doc(ko, ("body", "울산광역시와 제주특별자치도는 데이터센터를 짓는다."))
    assert [(e.text, e.label_) for e in doc.ents if e.label_ != "Resource"] == [("울산광역시", "Agency"), ("제주특별자치도", "Agency")]


def test_a_policy_a_body_gives_public_notice_of_is_its_country_s(ko):
    doc = last_doc(ko, ("body", "과학기술정보통신부는 「GPU 지원사업」을 아래와 같이 공고합니다."))
    assert ("hasPolicy", "country/kr", "") in facts(doc, "hasPolicy")


@pytest.mark.parametrize(("text", "rule"), [
    ("일본은 국산 반도체 비중을 50% 이상으로 높이도록 했다.", "controls.ko.share"),
    ("일본은 2030년까지 국산 반도체 비중을 30%까지 끌어올립니다.", "controls.ko.share"),
    ("일본은 국산 반도체를 샀다.", "controls.ko.modifier"),  # (a modifier alone, which is not asserted)
])
def test_a_domestic_share_raised_is_control(ko, text, rule):
    assert [(f.subject.id, f.object.id, f.rule) for f in last_doc(ko, ("body", text))._.facts] == [
        ("country/jp", "resource/ai-chip", rule)]


@pytest.mark.parametrize(("text", "fact"), [
    ("일본 정부는 「AI 기본법」에 따라 데이터센터를 짓는다.", [("hasPolicy", "country/jp", "policy/kr-ai-basic-act")]),
    ("일본 정부는 「AI 기본법」(AI Basic Act)에 따라 데이터센터를 짓는다.", [("hasPolicy", "country/jp", "policy/kr-ai-basic-act")]),
    ("「AI 기본법」의 강화와 비용 의존에 따른 제약이 커졌다.", []),  # (not a policy further back)
])
def test_what_a_country_does_under_a_policy_is_its_policy(ko, text, fact):
    assert sorted(set(facts(last_doc(ko, ("body", text)), "hasPolicy"))) == fact


def test_a_korean_body_that_runs_with_no_policy_named_runs_the_one_the_sentence_before_named(ko):
    doc = last_doc(ko, ("body", "정부는 「GPU 지원사업」 예산을 편성했다."), ("body", "과학기술정보통신부가 주관한다."))
    assert facts(doc, "runBy") == [("runBy", "", "agency/kr-msit")]
    # (not with two named before)
    doc = last_doc(ko, ("body", "정부는 「GPU 지원사업」과 「AI 기본법」을 냈다."), ("body", "과학기술정보통신부가 주관한다."))
    assert not facts(doc, "runBy")


@pytest.mark.parametrize(("text", "rule"), [
    ("일본은 국산 반도체(NPU 등)를 확보하며 자립을 이끈다.", "controls.ko.own-secured"),
    ("일본은 국산 반도체를 샀다.", "controls.ko.modifier"),  # (a modifier alone, not asserted)
])
def test_one_s_own_secured_is_control(ko, text, rule):
    assert ("country/jp", "resource/ai-chip", rule) in [(f.subject.id, f.object.id, f.rule)
                                                        for f in last_doc(ko, ("body", text))._.facts]


def test_a_korean_range_from_one_thing_to_another_lists_both(ko):
    doc = last_doc(ko, ("body", "일본은 GPU부터 클라우드까지 자급한다."))
    assert sorted(facts(doc, "controls")) == [("controls", "country/jp", "resource/cloud"),
                                              ("controls", "country/jp", "resource/gpu")]
