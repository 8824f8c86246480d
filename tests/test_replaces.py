"""The replaces rule of ingest.relations (교체, 대체, replace): which is new and which is old, in
Korean and English, with negated and trigger-less sentences, and a policy referred back to, on the
small gazetteer of tests/small_kb.py."""

from __future__ import annotations

import pytest

from .small_kb import facts, last_doc, nlp_for


REPLACES = [
    ("ko", "중국 기업들은 엔비디아를 화웨이로 교체하고 있다.", ("replaces", "company/huawei", "company/nvidia")),
    pytest.param("ko", "정부는 「인공지능 기본법」을 「AI 진흥 기본법」으로 대체하였다.",
                 ("replaces", "", "policy/kr-ai-basic-act")),
    ("en", "Huawei replaced Nvidia as the main chip supplier in China.", ("replaces", "company/huawei", "company/nvidia")),
    pytest.param("en", "Chinese cloud providers are replacing Nvidia with Huawei.",
                 ("replaces", "company/huawei", "company/nvidia")),
    # a company's equipment or products are the company's ("화웨이 장비를 엔비디아 제품으로")
    ("ko", "중국 기업들은 엔비디아 장비를 화웨이 제품으로 교체하고 있다.", ("replaces", "company/huawei", "company/nvidia")),
    # the Korean active voice: the subject, or the owner of what the sentence is about
    ("ko", "화웨이가 중국 시장에서 엔비디아를 대체하고 있다.", ("replaces", "company/huawei", "company/nvidia")),
    ("ko", "화웨이의 AI 칩은 엔비디아를 빠르게 대체하고 있다.", ("replaces", "company/huawei", "company/nvidia")),
]
REPLACES_NEG = [
    ("ko", "화웨이는 아직 엔비디아를 대체하지 못한다."),
    ("ko", "중국 기업들이 엔비디아를 화웨이로 교체하기는 어렵다."),
    ("ko", "엔비디아와 화웨이가 경쟁하고 있다."),
    ("en", "Huawei cannot replace Nvidia in China soon."),
    ("en", "Huawei and Nvidia compete in China."),
]


@pytest.mark.parametrize(("lang", "text", "expected"), REPLACES)
def test_replaces(ko, en, lang, text, expected):
    assert expected in facts(nlp_for(lang, ko, en)(text), "replaces")


@pytest.mark.parametrize(("lang", "text"), REPLACES_NEG)
def test_replaces_negated_or_without_trigger(ko, en, lang, text):
    assert facts(nlp_for(lang, ko, en)(text), "replaces") == []


@pytest.mark.parametrize(("lang", "segments"), [
    ("ko", [("body", "한국은 「디지털 혁신 사업」을 추진한다."), ("body", "이번 사업은 기존 「AI 바우처 사업」을 대체한다.")]),
    ("ko", [("body", "한국은 「디지털 혁신 사업」을 추진한다."),
            ("body", "과학기술정보통신부는 이번 사업이 기존 「AI 바우처 사업」을 대체한다고 밝혔다.")]),
    ("en", [("body", "Korea launched the Digital Innovation Programme."),
            ("body", "The programme replaces the AI Voucher Programme.")]),
])
def test_replaces_a_policy_referred_back_to(ko, en, lang, segments):
    doc = last_doc(nlp_for(lang, ko, en), *segments)
    assert [(f.subject.text, f.object.text) for f in doc._.facts if f.relation == "replaces"] == [
        ("디지털 혁신 사업", "AI 바우처 사업") if lang == "ko" else ("Digital Innovation Programme", "AI Voucher Programme")]


@pytest.mark.parametrize("then", ["It replaces the AI Voucher Scheme, which closed in March.",
                                  "It replaces the AI Voucher Pilot."])
def test_replaces_it_the_one_policy_the_sentence_before_named(en, then):
    # "It", after a sentence that named one policy; a scheme and a pilot are policies' names too
    doc = last_doc(en, ("body", "Korea launched the Digital Innovation Programme."), ("body", then))
    assert [(f.subject.text, f.object.text) for f in doc._.facts if f.relation == "replaces"] == [
        ("Digital Innovation Programme", then.split("the ")[1].split(",")[0].rstrip("."))]
