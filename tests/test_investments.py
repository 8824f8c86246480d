"""Investments: sums of money normalised to a number and a currency, who invests them, and what is
no investment (valuations, market sizes, converted sums), on the small gazetteer of
tests/small_kb.py."""

from __future__ import annotations

import pytest

from .small_kb import facts, last_doc, more_names, nlp_for


def test_an_investment_of_a_policy_named_before(ko):
    # "이번 사업은 … 3,000억 원이 투입된다": the programme named before, not the body that runs it
    doc = last_doc(ko, ("body", "한국은 「인공지능 기본법」을 제정하였다."),
                ("body", "이번 사업은 과학기술정보통신부가 주관하며, 총 3,000억 원이 투입된다."))
    assert [(f.relation, f.subject.id, f.object.id if f.object else f.amount) for f in doc._.facts] == [
        ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit"), ("invests", "policy/kr-ai-basic-act", 3e11)]


INVESTS = [
    # allocating, a project's budget, a grant
    ("ko", "캐나다는 AI 컴퓨팅에 20억 캐나다 달러를 배정하였다.", "country/ca", 2e9, "CAD"),
    ("ko", "일본은 이 분야에 사업비 3억 달러를 들인다.", "country/jp", 3e8, "USD"),
    ("en", "Canada provides C$50 million to the programme.", "country/ca", 5e7, "CAD"),
    ("en", "France granted €2 billion to its AI plan.", "country/fr", 2e9, "EUR"),
    # a quantity is no comparison: "more than"
    ("en", "Canada will invest more than C$1 billion in AI compute.", "country/ca", 1e9, "CAD"),
    ("en", "In Canada, C$200 million will support public supercomputing.", "country/ca", 2e8, "CAD"),
    ("ko", "한국은 반도체 산업에 5,300억 원을 투자하기로 했다.", "country/kr", 5.3e11, "KRW"),
    ("ko", "과학기술정보통신부는 데이터센터 구축에 1조 2,000억 원의 예산을 투입한다.", "agency/kr-msit", 1.2e12, "KRW"),
    ("ko", "프랑스는 데이터센터에 100억 유로를 투자한다.", "country/fr", 1e10, "EUR"),
    ("en", "The United States will invest $100 billion in data centres.", "country/us", 1e11, "USD"),
    ("en", "France committed €2.5 billion to its data centres.", "country/fr", 2.5e9, "EUR"),
    ("en", "Japan allocated 3.5 trillion yen to semiconductors.", "country/jp", 3.5e12, "JPY"),
    # a sum that qualifies a policy is its budget, with no investment word
    ("ko", "한국은 3,000억 원 규모의 「AI 반도체 사업」을 추진한다.", "country/kr", 3e11, "KRW"),
    ("en", "Japan announced a ¥200 billion subsidy programme for data centres.", "country/jp", 2e11, "JPY"),
    ("en", "Japan launched a subsidy programme worth ¥200 billion for data centres.", "country/jp", 2e11, "JPY"),
    # "said it would": a plan reported, no hedge
    ("en", "Japan said on Tuesday it would spend ¥200 billion on data centres.", "country/jp", 2e11, "JPY"),
    # "the Government of Canada" is Canada, and "$" in Canada's text is the Canadian dollar
    ("en", "The Government of Canada announced a $2 billion plan for data centres.", "country/ca", 2e9, "CAD"),
    ("en", "The Government of Canada announced a US$2 billion plan for data centres.", "country/ca", 2e9, "USD"),
    # approved, credited, set aside, mobilised
    ("en", "The parliament of Japan has approved ¥180 billion for data centres.", "country/jp", 1.8e11, "JPY"),
    ("en", "Japan sets aside ¥30 billion for a language model.", "country/jp", 3e10, "JPY"),
    ("en", "Japan's programme, worth ¥120 billion over four years, starts in April.", "country/jp", 1.2e11, "JPY"),
    # a currency word several countries use is the currency of the country the text is about
    ("en", "Canada will invest 2.5 billion pesos in data centres.", "country/ca", 2.5e9, "MXN"),
    ("ko", "캐나다는 데이터센터에 300억 페소를 투자한다.", "country/ca", 3e10, "MXN"),
]
INVESTS_NEG = [
    ("en", "We estimate Korea's public GPU investment at $4.4 billion."),
    # asked for, or on a condition
    ("en", "Korea has requested $300 million for data centres."),
    ("en", "Korea will invest $100 million a year if the teams meet their benchmarks."),
    # a market's size, whatever the verb
    ("en", "Korea plans to expand the data market to KRW 50 trillion with a new support system."),
    ("ko", "한국의 반도체 수출액은 5,300억 원에 달했다."),  # an amount, no investment word
    ("ko", "한국은 반도체 산업에 5,300억 원을 투자하지 않았다."),
    ("en", "The United States exported chips worth $100 billion last year."),
    ("en", "Japan's cloud market reached $100 billion."),
    ("en", "Japan's cloud market is a $100 billion market."),  # no policy noun after the sum
    ("ko", "한국은 데이터 시장을 50조 원 규모로 키우기 위해 투자를 늘린다."),  # a market's size
]


@pytest.mark.parametrize(("lang", "text", "subject", "amount", "currency"), INVESTS)
def test_invests_with_a_normalised_amount(ko, en, lang, text, subject, amount, currency):
    inv = [f for f in nlp_for(lang, ko, en)(text)._.facts if f.relation == "invests"]
    assert [(f.subject.id, f.amount, f.currency) for f in inv] == [(subject, pytest.approx(amount), currency)]
    assert inv[0].object is None and inv[0].predicate == "amount"


@pytest.mark.parametrize(("lang", "text"), INVESTS_NEG)
def test_no_invests_without_an_investment_or_when_negated(ko, en, lang, text):
    assert facts(nlp_for(lang, ko, en)(text), "invests") == []


@pytest.mark.parametrize(("lang", "segments"), [
    # a sentence that names nothing: the policy it refers back to
    ("ko", [("body", "한국은 「디지털 혁신 사업」을 추진한다."), ("body", "이번 사업에는 총 3,000억 원이 투입된다.")]),
    ("en", [("body", "Korea launched the Digital Innovation Programme."), ("body", "The programme will invest $2 billion.")]),
    # a table's row: the policy of its caption
    ("ko", [("caption", "표 1. 「디지털 혁신 사업」 개요"), ("table", "구분 내용"), ("table", "투자 규모 ⦁총 3,000억 원")]),
])
def test_a_sum_in_a_sentence_that_names_nothing_is_the_policys(ko, en, lang, segments):
    doc = last_doc(nlp_for(lang, ko, en), *segments)
    assert [(f.subject.text, f.amount > 0) for f in doc._.facts if f.relation == "invests"] == [
        ("디지털 혁신 사업" if lang == "ko" else "Digital Innovation Programme", True)]


def test_an_investment_with_nobody_named_is_the_topics(ko):
    doc = last_doc(ko, ("body", "일본은 반도체를 강화한다."), ("body", "2025년 한 해에만 총 2,139억 원이 GPU 구매에 투입되었다."))
    assert [(f.subject.id, f.amount, f.currency) for f in doc._.facts if f.relation == "invests"] == [
        ("country/jp", 2.139e11, "KRW")]


def test_a_sum_converted_in_brackets_is_not_a_second_investment(en):
    doc = en("France invested EUR 100 million (approximately KRW 160 billion) in chips.")
    assert [(f.amount, f.currency) for f in doc._.facts if f.relation == "invests"] == [(1e8, "EUR")]


def test_invests_by_a_policy(ko):
    inv = [f for f in ko("「인공지능 기본법」에 따라 5,300억 원의 예산이 편성되었다.")._.facts if f.relation == "invests"]
    assert [(f.subject.id, f.amount, f.currency) for f in inv] == [("policy/kr-ai-basic-act", 5.3e11, "KRW")]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "France has attracted $20 billion in data centre investment from Nvidia and Huawei since 2023."),
    ("ko", "프랑스는 2023년 이후 엔비디아와 화웨이로부터 200억 달러의 데이터센터 투자를 유치했다."),
])
def test_the_actors_a_sum_comes_from_invest_it(ko, en, lang, text):
    inv = [f for f in nlp_for(lang, ko, en)(text)._.facts if f.relation == "invests"]
    assert [(f.subject.id, f.amount, f.currency) for f in inv] == [("company/nvidia", 2e10, "USD"),
                                                                   ("company/huawei", 2e10, "USD")]
    # without a source, the one who attracts it
    alone = text.replace(" from Nvidia and Huawei", "").replace("엔비디아와 화웨이로부터 ", "")
    assert [f.subject.id for f in nlp_for(lang, ko, en)(alone)._.facts if f.relation == "invests"] == ["country/fr"]


@pytest.mark.parametrize(("lang", "text", "amount"), [
    # a sum that says by how much another changed is no investment of its own
    ("ko", "한국은 AI 예산을 전년보다 3조 원 늘어난 10조 원으로 편성했다.", 1e13),
    ("en", "Korea will invest $10 billion in AI, up $3 billion from last year.", 1e10),
    ("en", "Korea's AI budget saw an increase of $3 billion to $10 billion.", 1e10),
])
def test_a_change_in_a_sum_is_not_a_sum(ko, en, lang, text, amount):
    assert [f.amount for f in nlp_for(lang, ko, en)(text)._.facts if f.relation == "invests"] == [amount]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Korea subsidises GPU rental at under ₹100 an hour."),
    ("en", "Korea subsidises access to GPUs at $2 per GPU-hour."),
    ("ko", "한국은 GPU 사용료를 시간당 100루피로 지원한다."),
])
def test_a_price_per_unit_is_no_investment(ko, en, lang, text):
    assert not facts(nlp_for(lang, ko, en)(text), "invests")


def test_a_sum_per_year_is_still_invested(en):
    assert [f.amount for f in en("Korea invests $5 billion a year in GPUs.")._.facts if f.relation == "invests"] == [5e9]


@pytest.mark.parametrize(("lang", "first", "then", "currency"), [
    ("en", "Chile builds data centres.", "The agency has invested 14 billion pesos in supercomputers.", "CLP"),
    ("en", "Japan builds data centres.", "Japan has invested 14 billion pesos in supercomputers.", "MXN"),
    ("ko", "칠레는 데이터센터를 짓는다.", "칠레는 슈퍼컴퓨터에 140억 페소를 투자했다.", "CLP"),
])
def test_a_currency_word_several_countries_use_is_the_one_of_the_country_the_text_is_about(ko, en, lang, first, then,
                                                                                           currency):
    extra = [{"label": "Country", "pattern": n, "id": "country/cl"} for n in ("Chile", "칠레")]
    with more_names(lang, extra) as nlp:
        doc = last_doc(nlp, ("body", first), ("body", then))
        assert [f.currency for f in doc._.facts if f.relation == "invests"] == [currency]



def test_a_law_s_sum_in_words_is_read_and_an_appropriation_is_an_investment(en):
    doc = last_doc(en, ("body", "Twenty-five billion dollars is authorised for the National Compute Program over five years."))
    assert [(f.amount, f.currency) for f in doc._.facts if f.relation == "invests"] == [(25e9, "USD")]
