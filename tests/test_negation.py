"""Negation and hedging (:mod:`ingest.negation`): a negated, hedged, conditional, recommended or
defining clause states no fact, in Korean and English; each case has its positive twin in
``tests/test_relations.py`` (``CONTROLS``) or below."""

from __future__ import annotations

import pytest

from .small_kb import facts, nlp_for

CONTROLS_NEG = [
    ("ko", "프랑스는 반도체 자립이 어렵다."),
    ("ko", "프랑스는 GPU 자립이 어렵다."),
    # a level that is low or lacking: "국산화율이 낮아", "자급 역량이 부족하다"
    ("ko", "한국은 고성능 GPU의 국산화율이 낮아 외국 기술에 기댄다."),
    ("ko", "한국은 반도체 자급 역량이 부족하다."),
    # an attempt that failed, an unlikely or impossible one
    ("ko", "중국은 GPU 자급에 실패했다."),
    ("ko", "한국은 2030년까지 반도체 자립을 달성할 가능성이 낮다."),
    ("en", "Korea is unlikely to achieve self-sufficiency in GPUs before 2030."),
    ("en", "Japan failed to secure domestic production of GPUs."),
    # only considered, or whether it will be is open
    ("ko", "일본은 클라우드 자립을 검토하고 있다."),
    ("ko", "한국은 반도체를 자급할지 여부를 아직 결정하지 않았다."),
    ("en", "Japan is considering self-reliance in chips."),
    ("en", "Brazil has little control over its cloud."),
    ("en", "China's self-sufficiency in GPUs remains low."),
    ("en", "Korea has low self-sufficiency in semiconductors."),
    ("en", "Europe has few chips, which limits its self-sufficiency in GPUs."),
    ("en", "France cannot achieve self-reliance in semiconductors."),
    ("en", "France cannot achieve self-reliance in GPUs."),
    # restrictions placed on something are no control of it
    ("en", "The United States tightened controls on advanced AI chips."),
    # nobody does it; only a way to do it considered; the more … (ㄹ수록)
    ("ko", "세 나라는 모두 의존을 줄이려 하지만, 반도체까지 자립하려는 나라는 없다."),
    ("ko", "한국은 반도체 자립을 추진하는 방안을 검토할 필요가 있다."),
    # may, a condition after it, a request
    ("en", "Korea may pursue self-reliance in semiconductors."),
    ("en", "Korea will pursue self-reliance in semiconductors only if prices fall."),
    # whether (~ㄹ지, ~는지) is open
    ("ko", "한국이 반도체 자립을 늘릴지 검토한다."),
    ("ko", "중국이 반도체 자립을 추진하는지 지켜봐야 한다."),
    # a recommendation, not what is done
    ("ko", "한국은 반도체 자립을 추진할 필요가 있다."),
    ("en", "France should pursue self-reliance in semiconductors."),
    ("en", "The committee does not recommend that France pursue self-reliance in semiconductors."),
    ("en", "The committee recommends that France pursue self-reliance in semiconductors."),
    # the negation governs the whole verb chain before the modifier, not only the four words before it
    ("en", "France does not plan to develop its own chips."),
    ("en", "France has no plan to build domestic data centres or chips."),
]


@pytest.mark.parametrize(("lang", "text"), CONTROLS_NEG)
def test_controls_negated(ko, en, lang, text):
    assert facts(nlp_for(lang, ko, en)(text), "controls") == []


def test_english_negation_ends_at_its_clause(en):
    # "and" starts a clause the "not" before it does not reach
    doc = en("France does not rely on cloud from abroad, and it builds its own chips.")
    assert facts(doc, "controls") == [("controls", "country/fr", "resource/ai-chip")]
    assert facts(doc, "dependsOn") == []


@pytest.mark.parametrize(("lang", "fact", "definition"), [
    ("ko", "중국은 반도체 자립을 추진하고 있다.", "중국의 소버린 AI는 ‘반도체 자립을 추진하는 체계’로 정의될 수 있다."),
    ("ko", "중국은 반도체 자립을 추진하고 있다.", "중국의 소버린 AI는 반도체 자립을 추진하는 체계로 정의한다."),
    ("en", "China pursues self-reliance in semiconductors.",
     "China's sovereign AI is defined as self-reliance in semiconductors."),
    ("ko", "중국은 반도체 자립을 추진하고 있다.", "소버린 AI란 중국이 반도체 자립을 추진할 수 있는 능력을 뜻한다."),
    ("en", "China pursues self-reliance in semiconductors.",
     "Sovereign AI refers to the capacity of China to pursue self-reliance in semiconductors."),
])
def test_a_definition_states_no_fact(ko, en, lang, fact, definition):
    nlp = nlp_for(lang, ko, en)
    assert nlp(fact)._.facts  # the same words as a statement give a fact
    assert [(f.relation, f.object.id) for f in nlp(definition)._.facts] == []


def test_an_english_hedge_far_back_in_the_trigger_s_clause(en):
    doc = en("Instead, Korea should secure long-term access to advanced accelerators through the AI Basic Act.")
    assert not facts(doc, "hasPolicy")


@pytest.mark.parametrize(("lang", "fact", "question"), [
    ("en", "Japan relies on Nvidia for GPUs.", "Does Japan rely on Nvidia for GPUs?"),
    ("ko", "일본은 엔비디아 GPU에 의존한다.", "일본은 엔비디아 GPU에 의존하는가?"),
])
def test_a_question_states_no_fact(ko, en, lang, fact, question):
    nlp = nlp_for(lang, ko, en)
    assert facts(nlp(fact), "dependsOn")  # the same words as a statement give a fact
    assert facts(nlp(question), "dependsOn") == []


@pytest.mark.parametrize("text", [
    "한국이 인증 제도를 도입한다면 공공 클라우드의 국내 통제는 높아질 것이다.",
    "만약 규제가 강화되면 한국은 GPU 확보를 늘리는 방향으로 대응하겠다.",
])
def test_a_korean_consequence_of_a_condition_states_no_fact(ko, text):
    assert facts(ko(text)) == []


@pytest.mark.parametrize("text", [
    "필요하면 수입하고, 한국은 반도체 자립을 추진한다.",  # the condition is another clause's
    "종합하면 한국은 반도체 자립을 추진한다.",  # a condition that only frames what is said
])
def test_a_korean_condition_of_another_clause_or_of_saying_leaves_the_fact(ko, text):
    assert facts(ko(text), "controls") == [("controls", "country/kr", "resource/ai-chip")]
