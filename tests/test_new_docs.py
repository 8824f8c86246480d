"""Documents outside the corpus, written for these tests in the style of a news item and press
releases (tests/data/new-docs/; names of people and figures are made up): countries the corpus
never names, currencies it never uses, a generic policy name that belongs to another country in
the knowledge base, negations, a ministry's release that says "정부" and "이번 사업". Extracted
with the whole knowledge base, as `policykg ingest` would."""

from __future__ import annotations

from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent / "data" / "new-docs"


@pytest.fixture(scope="module")
def extracted():
    from ingest.extract import extract
    from ingest.readers import read_document
    from kg.build import load_ontology
    from kg.curation import load_curated
    from kg.extraction import gazetteer_patterns

    pats = gazetteer_patterns(load_ontology(), load_curated().graph)
    out = {}
    for path in sorted(DOCS.glob("*.txt")):
        doc = read_document(path)
        out[path.stem] = extract(path.stem, doc.text, doc.content_hash, pats)
    return out


def facts(ex, relation):
    return {(f["subject"]["id"] or f["subject"]["text"], (f["object"] or {}).get("id") or (f["object"] or {}).get("text"),
             f.get("amount"), f.get("currency")) for f in ex.facts if f["relation"] == relation}


def test_a_korean_news_item_about_countries_the_corpus_never_names(extracted):
    ex = extracted["ko-news"]
    assert {("인도네시아", "country/id"), ("베트남", "country/vn")} <= {(m.text, m.id) for m in ex.mentions}
    assert ("country/id", "국가 인공지능 로드맵 2025-2045", None, None) in facts(ex, "hasPolicy")
    assert ("country/vn", "디지털 기술 산업법", None, None) in facts(ex, "hasPolicy")
    assert ("국가 인공지능 로드맵 2025-2045", "통신정보부", None, None) in facts(ex, "runBy")  # "로드맵은 …가 주관"
    assert ("country/id", "resource/cloud", None, None) in facts(ex, "dependsOn")
    invests = {(s, a, c) for s, _o, a, c in facts(ex, "invests")}
    assert {("country/id", 3e13, "IDR"), ("country/sg", 1e9, "SGD")} <= invests
    # Singapore's 국가 AI 전략 2.0 is not the UK's 국가 AI 전략, which the knowledge base knows by that name
    (strategy,) = [m for m in ex.mentions if m.text.startswith("국가 AI 전략")]
    assert strategy.text == "국가 AI 전략 2.0" and strategy.id == "" and strategy.rule.startswith("cue.")
    assert ("country/sg", 1e9, "SGD") in {(s, a, c) for s, _o, a, c in facts(ex, "invests")}
    # "AI 반도체는 자체 개발하지 않고": no control of chips
    assert not any(o == "resource/ai-chip" for _s, o, _a, _c in facts(ex, "controls"))


def test_an_english_press_release(extracted):
    ex = extracted["en-press-release"]
    assert ("Canadian Sovereign AI Compute Strategy", "Policy") in {(m.text, m.type) for m in ex.mentions}
    has = facts(ex, "hasPolicy")
    assert ("country/in", "IndiaAI Mission", None, None) in has and ("country/jp", "IndiaAI Mission", None, None) not in has
    assert ("country/in", None, 1.0372e11, "INR") in facts(ex, "invests")
    # "$2 billion" in the Government of Canada's release is Canadian dollars
    assert ("country/ca", None, 2e9, "CAD") in facts(ex, "invests")
    # "Japan's Ministry of Economy, Trade and Industry runs the GENIAC programme"
    assert ("policy/geniac", "agency/meti", None, None) in facts(ex, "runBy")
    assert ("country/ca", "resource/cloud", None, None) in facts(ex, "dependsOn")
    # "Canada does not plan to develop its own AI chips"
    assert not any(o == "resource/ai-chip" for _s, o, _a, _c in facts(ex, "controls"))


def test_a_korean_ministrys_press_release(extracted):
    ex = extracted["ko-press-release"]
    programme = "K-클라우드 실증 사업"
    # the ministry launches it: it runs it, and Korea has it
    assert ("country/kr", programme, None, None) in facts(ex, "hasPolicy")
    assert (programme, "agency/kr-msit", None, None) in facts(ex, "runBy")
    # "이번 사업은 정보통신산업진흥원이 주관하며, … 3,000억 원이 투입된다": the programme, not the agency
    assert (programme, "정보통신산업진흥원", None, None) in facts(ex, "runBy")
    assert (programme, None, 3e11, "KRW") in facts(ex, "invests")
    # "정부는 그동안 해외 GPU에 대한 의존도가 높아": the Korean government, not the agency named last
    assert ("country/kr", "resource/gpu", None, None) in facts(ex, "dependsOn")
    # "국내 기업이 개발한 NPU를 … 도입하여": the firms are the relative clause's subject only
    assert not any(s == "group/kr-firms" for rel in ("controls", "strengthens") for s, *_ in facts(ex, rel))
    # "아직 독자적인 파운데이션 모델은 보유하지 못하고": no control of foundation models
    assert not any(o == "resource/foundation-model" for _s, o, _a, _c in facts(ex, "controls"))
