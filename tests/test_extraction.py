"""The spaCy pipelines (ingest.nlp) with the small gazetteer of tests/small_kb.py: the Korean
tokenizer, recognition and linking, mention boundaries; amounts (ingest.amounts.parse_amount). Cue
patterns for unknown names are tested in tests/test_new_names.py, the relation rules in
tests/test_relations.py and tests/test_policy_relations.py."""

from __future__ import annotations

import pytest

from ingest.amounts import parse_amount
from ingest.nlp import doc_text, pipeline

from .small_kb import PATTERNS, ents, facts, last_doc, nlp_for, with_names


# ------------------------------------------------------------------ the pipelines
def test_pipelines_are_built_from_the_configs(ko, en):
    assert ko.lang == "ko" and en.lang == "en"
    for nlp in (ko, en):
        names = nlp.pipe_names
        assert names[-4:] == ["policykg_gazetteer", "policykg_cues", "policykg_mentions", "policykg_relations"]


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="no pipeline for language 'fr'"):
        pipeline("fr", PATTERNS)


# ------------------------------------------------------------------ the Korean tokenizer
def test_korean_tokenizer_keeps_the_text_and_splits_particles(ko):
    text = "일본은 미국의 클라우드에 의존하고 있다. 중국은 반도체 자립을 추진한다."
    doc = ko(text)
    assert doc.text == text
    assert doc_text(doc) == doc.text  # (the text the tokenizer keeps for the components is the doc's)
    toks = [t.text for t in doc]
    assert toks[:4] == ["일본", "은", "미국", "의"]
    tags = {t.text: t.tag_ for t in doc}
    assert tags["일본"] == "NNP" and tags["은"] == "JX" and tags["의"] == "JKG"
    assert all(t.tag_ for t in doc)
    sents = [s.text for s in doc.sents]
    assert sents == ["일본은 미국의 클라우드에 의존하고 있다.", "중국은 반도체 자립을 추진한다."]
    assert [t.text for t in doc if t.is_sent_start] == ["일본", "중국"]


def test_sentence_starting_with_a_bracketed_title(ko):
    doc = ko("프랑스는 「인공지능 기본법」을 제정하였다. 「인공지능 기본법」은 과학기술정보통신부가 주관한다.")
    assert [s.text for s in doc.sents] == ["프랑스는 「인공지능 기본법」을 제정하였다.",
                                           "「인공지능 기본법」은 과학기술정보통신부가 주관한다."]
    assert ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit") in facts(doc, "runBy")


def test_a_bracketed_title_after_a_full_stop_opens_its_sentence_but_a_quoted_sentence_stays(ko):
    assert [s.text for s in ko("표 2-11. 「AI 대륙 행동계획」 컴퓨팅 부문").sents] == ["표 2-11.", "「AI 대륙 행동계획」 컴퓨팅 부문"]
    # a full stop inside the quotes: the quote is the end of the sentence that introduces it
    assert [s.text for s in ko("그는 말했다. “AI 법은 중요하다.” 그리고 떠났다.").sents][-1] == "그리고 떠났다."


def test_korean_tokenizer_keeps_odd_whitespace_and_merged_syllables(ko):
    text = "  일본은\n\n클라우드에  의존했다 ."
    doc = ko(text)
    assert doc.text == text
    assert "했" in [t.text for t in doc]  # 하 + 었 inside one syllable: one token
    assert sum(len(t.text_with_ws) for t in doc) == len(text)


# ------------------------------------------------------------------ recognition and linking
def test_korean_and_english_names_link_to_the_same_id(ko, en):
    k = ko("일본은 클라우드에 의존한다.")
    e = en("Japan relies on cloud services.")
    assert ("일본", "Country", "country/jp") in ents(k)
    assert ("Japan", "Country", "country/jp") in ents(e)
    assert ("클라우드", "Resource", "resource/cloud") in ents(k)
    assert ("cloud", "Resource", "resource/cloud") in ents(e)


def test_hanja_abbreviation_alone_is_recognised(ko):
    assert ("美", "Country", "country/us") in ents(ko("美 상무부가 수출 통제를 발표했다."))
    assert ("中", "Country", "country/cn") in ents(ko("中 정부는 반도체 자급을 추진한다."))


def test_one_syllable_hangul_abbreviation_alone_is_not_a_country(ko):
    assert ents(ko("미 정부는 입장을 밝혔다.")) == []
    assert ents(ko("중 정도의 성과를 거두었다.")) == []


def test_hangul_abbreviations_in_a_pair_are_two_countries(ko):
    assert ents(ko("미·중 갈등이 심화되었다.")) == [("미", "Country", "country/us"), ("중", "Country", "country/cn")]


def test_korea_us_pair_is_two_countries(ko):
    # Kiwi keeps "한·미" as one noun; the tokenizer splits such a pair of syllables at the dot
    assert ents(ko("한·미 협력이 강화되었다.")) == [("한", "Country", "country/kr"), ("미", "Country", "country/us")]
    assert ents(ko("한·미·중 협력")) == [("한", "Country", "country/kr"), ("미", "Country", "country/us"),
                                      ("중", "Country", "country/cn")]


def test_names_not_at_token_boundaries_are_not_mentions(ko, en):
    assert ents(ko("일본어 교육이 확대되었다.")) == []
    assert ents(ko("한국어와 일본어를 모두 지원한다.")) == []
    assert all(e[2] != "country/fr" for e in ents(en("The Francophone countries met.")))


@pytest.mark.parametrize(("lang", "text", "name", "kb_id"), [
    ("ko", "중국은 GPU 자립을 추진하고 있다.", "GPU", "resource/gpu"),
    ("en", "Japan relies on US cloud services.", "US", "country/us"),
    ("ko", "프랑스는 AI 기본법을 제정하였다.", "AI 기본법", "policy/kr-ai-basic-act"),
])
def test_upper_case_names_are_recognised(ko, en, lang, text, name, kb_id):
    assert name in [e.text for e in nlp_for(lang, ko, en)(text).ents]
    assert (name, kb_id) in [(e.text, e.kb_id_) for e in nlp_for(lang, ko, en)(text).ents]


def test_a_title_case_name_needs_its_capital_and_a_sentence_case_one_does_not(en):
    assert ("Scale AI", "Company", "company/scale-ai") in ents(en("Scale AI labels data."))
    assert all(e[2] != "company/scale-ai" for e in ents(en("It is a mega-scale AI infrastructure project.")))
    assert ("model and data layer", "Layer", "layer/model") in ents(en("Japan supplements the model and data layer."))


def test_an_english_stack_noun_matches_its_plural(en):
    assert ("clouds", "Resource", "resource/cloud") in ents(en("Japan relies on foreign clouds."))
    assert ("data centres", "Resource", "resource/datacentre") in ents(en("Japan builds data centres."))


def test_mixed_case_and_hangul_aliases_link(ko, en):
    assert ("인공지능 기본법", "Policy", "policy/kr-ai-basic-act") in ents(ko("「인공지능 기본법」이 시행되었다."))
    assert ("AI Basic Act", "Policy", "policy/kr-ai-basic-act") in ents(en("The AI Basic Act took effect."))
    assert ("GPUs", "Resource", "resource/gpu") in ents(en("China buys GPUs."))


@pytest.mark.parametrize("text, name", [
    ("「인공지능기본법」이 시행되었다.", "인공지능기본법"),  # the name has a space the text leaves out
    ("정부는 AI기본법을 시행했다.", "AI기본법"),
    ("정부는 인공지능 기본 법을 시행했다.", "인공지능 기본 법"),  # the text has one the name does not
    ("AI 생태계를 키운다.", "AI 생태계"),
])
def test_a_korean_name_matches_with_or_without_its_spaces(ko, text, name):
    assert (name, "Policy" if "법" in name else "Layer") in [(e.text, e.label_) for e in ko(text).ents]


def test_spaces_are_no_name_inside_a_longer_word_or_across_lines(ko):
    assert not [e for e in ko("AI 기본법률안을 검토한다.").ents if e.label_ == "Policy"]  # ends inside a word
    assert not [e for e in ko("인공지능\n기본법은 없다.").ents if e.text.startswith("인공지능")]


def test_gazetteer_reloads_when_the_patterns_change():
    other = [{"label": "Country", "pattern": "독일", "id": "country/de"}]
    assert [(e.text, e.kb_id_) for e in pipeline("ko", other)("독일은 일본과 협력한다.").ents] == [("독일", "country/de")]
    assert ("일본", "Country", "country/jp") in ents(pipeline("ko", PATTERNS)("독일은 일본과 협력한다."))


# ------------------------------------------------------------------ mention boundaries
AMBIGUOUS = [{"label": "Bloc", "pattern": "유럽", "id": "bloc/eu", "ambiguous": True},
             {"label": "Bloc", "pattern": "Europe", "id": "bloc/eu", "ambiguous": True},
             {"label": "Bloc", "pattern": "EU", "id": "bloc/eu"},
             {"label": "Company", "pattern": "현대", "id": "company/hyundai"},
             {"label": "Policy", "pattern": "GENIAC", "id": "policy/geniac"},
             {"label": "Policy", "pattern": "Generative AI Accelerator Challenge", "id": "policy/geniac"},
             {"label": "Agency", "pattern": "경제산업성", "id": "agency/meti"}]


@pytest.fixture
def boundaries():
    with with_names(AMBIGUOUS) as both:  # (loaded for each test: the pipelines are shared)
        yield both


@pytest.mark.parametrize(("lang", "text", "linked"), [
    ("ko", "유럽 차원에서 규범을 정한다.", False),
    ("ko", "유럽 내 연산 자원은 부족하다.", False),
    ("ko", "유럽은 규범 주도권을 강화하였다.", True),
    ("ko", "「유럽」이라는 이름을 쓴다.", True),
    ("en", "Data centres in Europe are scarce.", False),
    ("en", "Japan acted, while Europe has responded with rules.", True),
])
def test_ambiguous_names_link_only_as_subjects_or_quoted(boundaries, lang, text, linked):
    doc = boundaries[0 if lang == "ko" else 1](text)
    assert (("bloc/eu" in [e.kb_id_ for e in doc.ents]) is linked), ents(doc)


def test_a_name_inside_a_derived_word_is_not_a_mention(boundaries):
    assert ents(boundaries[0]("사회 시스템의 현대화를 포함한다.")) == []
    assert ents(boundaries[0]("한국형 모델을 개발한다.")) == []
    assert ("현대", "Company", "company/hyundai") in ents(boundaries[0]("현대는 로봇을 만든다."))


def test_a_bracketed_alternative_name_is_a_second_mention(boundaries):
    doc = boundaries[0]("GENIAC(Generative AI Accelerator Challenge)은 일본 경제산업성이 추진한다.")
    assert ents(doc) == [("GENIAC", "Policy", "policy/geniac"),
                         ("Generative AI Accelerator Challenge", "Policy", "policy/geniac"),
                         ("일본 경제산업성", "Agency", "agency/meti")]


def test_a_bracketed_description_or_date_is_not_a_name(boundaries):
    doc = boundaries[0]("사우디는 「Vision 2030(경제 다각화 및 사회개혁 전략)」을 발표하였다.")
    assert [e.text for e in doc.ents if e.label_ == "Policy"] == ["Vision 2030"]
    assert [e.text for e in boundaries[0]("GENIAC(2024. 2.)").ents] == ["GENIAC"]


def test_english_abbreviation_before_a_dash_is_a_name(en):
    assert [e.kb_id_ for e in en("Amid the US–China conflict and the U.S.-led order").ents][:2] == [
        "country/us", "country/cn"]


def test_a_one_syllable_word_of_the_gazetteer_is_a_name_unless_it_abbreviates_a_country(ko):
    assert ents(ko("칩을 확보한다.")) == [("칩", "Resource", "resource/ai-chip")]
    assert ents(ko("미 정부는 칩을 확보한다.")) == [("칩", "Resource", "resource/ai-chip")]


# (lang, sentence, expected (relation, subject, object) or None for "no fact of that relation")
# ------------------------------------------------------------------ amounts
@pytest.mark.parametrize(("text", "expected"), [
    ("5,300억 원", (5.3e11, "KRW")),
    ("1조 2,000억 원", (1.2e12, "KRW")),
    ("약 100조 원", (1e14, "KRW")),
    ("1.5조 원", (1.5e12, "KRW")),
    ("3만 원", (3e4, "KRW")),
    ("2,500만 달러", (2.5e7, "USD")),
    ("100억 달러", (1e10, "USD")),
    ("20억 유로", (2e9, "EUR")),
    ("1,000억 엔", (1e11, "JPY")),
    ("1억 파운드", (1e8, "GBP")),
    ("50억 위안", (5e9, "CNY")),
    ("$100 billion", (1e11, "USD")),
    ("US$2.5 million", (2.5e6, "USD")),
    ("$ 1.2bn", (1.2e9, "USD")),
    ("$500,000", (5e5, "USD")),
    ("€20 billion", (2e10, "EUR")),
    ("EUR 20 billion", (2e10, "EUR")),
    ("10 billion euros", (1e10, "EUR")),
    ("£100 million", (1e8, "GBP")),
    ("£2.5bn", (2.5e9, "GBP")),
    ("3.5 trillion yen", (3.5e12, "JPY")),
    ("¥3 trillion", (3e12, "JPY")),
    ("500 million dollars", (5e8, "USD")),
    ("USD 40 billion", (4e10, "USD")),
    # currencies beyond the corpus's: a country's dollar is not the US one, rupiah is not rupee
    ("10억 싱가포르 달러", (1e9, "SGD")),
    ("10억 싱가포르달러", (1e9, "SGD")),
    ("30조 루피아", (3e13, "IDR")),
    ("5,000억 루피", (5e11, "INR")),
    ("10,372 crore rupees", (1.0372e11, "INR")),
    ("S$1 billion", (1e9, "SGD")),
    ("A$2.5 billion", (2.5e9, "AUD")),
    ("500 million ringgit", (5e8, "MYR")),
    ("SGD 1 billion", (1e9, "SGD")),
    ("2 billion Canadian dollars", (2e9, "CAD")),
    pytest.param("5천억 원", (5e11, "KRW")),
    pytest.param("1조5천억 원", (1.5e12, "KRW")),
])
def test_parse_amount(text, expected):
    got = parse_amount(text)
    assert got is not None
    assert got[0] == pytest.approx(expected[0]) and got[1] == expected[1]


@pytest.mark.parametrize("text", ["100명", "2024년", "50%", "GPU 1만 장", "the 2030 agenda", ""])
def test_parse_amount_rejects_non_money(text):
    assert parse_amount(text) is None


# ------------------------------------------------------------------ linking by context
OWNED = [{"label": "Policy", "pattern": "National AI Strategy", "id": "policy/kr-nas", "owner": "country/kr",
          "others": [["policy/jp-nas", "country/jp"]]},
         {"label": "Policy", "pattern": "국가 AI 전략", "id": "policy/kr-nas", "owner": "country/kr"},
         {"label": "Policy", "pattern": "GENIAC", "id": "policy/geniac", "owner": "country/jp"},
         {"label": "Policy", "pattern": "소버린 AI 전략", "id": "policy/kr-sas", "owner": "country/kr"},
         {"label": "Policy", "pattern": "소버린 AI 정책", "id": "policy/kr-sap", "owner": "country/kr"},
         {"label": "Group", "pattern": "공공 부문", "id": "group/fr-public-sector", "owner": "country/fr"},
         {"label": "Group", "pattern": "public sector", "id": "group/fr-public-sector", "owner": "country/fr"},
         {"label": "Policy", "pattern": "AI 행동계획", "id": "policy/jp-ap", "owner": "country/jp"},
         {"label": "Policy", "pattern": "Sovereign AI Policy", "id": "policy/kr-sap", "owner": "country/kr"},
         {"label": "Policy", "pattern": "AI Action Plan", "id": "policy/kr-ap", "owner": "country/kr",
          "others": [["policy/jp-ap", "country/jp"]]}]


@pytest.fixture
def owned():
    with with_names(OWNED) as both:  # (loaded for each test: the pipelines are shared)
        yield both


@pytest.mark.parametrize(("lang", "text", "name", "linked", "rule"), [
    # a generic name is the policy of the country around it
    ("en", "Japan revised its National AI Strategy in 2025.", "National AI Strategy", "policy/jp-nas",
     "gazetteer.context"),
    ("en", "Korea revised its National AI Strategy in 2025.", "National AI Strategy", "policy/kr-nas", "gazetteer"),
    # ... or a new name when no known policy of that name belongs to it
    ("ko", "프랑스는 국가 AI 전략을 발표했다.", "국가 AI 전략", "", "cue.context:Policy"),
    ("en", "France revised its National AI Strategy in 2025.", "National AI Strategy", "", "cue.context:Policy"),
    # the English name in a Korean text, and a Korean name with a loanword Kiwi splits (소버린)
    ("ko", "일본은 「National AI Strategy」를 개정했다.", "National AI Strategy", "policy/jp-nas", "gazetteer.context"),
    ("ko", "일본의 소버린 AI 전략은 다음과 같다.", "소버린 AI 전략", "", "cue.context:Policy"),
    # with no section, the country the text is about counts
    ("en", "France acts. Its National AI Strategy was revised in 2025.", "National AI Strategy", "",
     "cue.context:Policy"),
    # with no country around it, the name keeps its link
    ("ko", "국가 AI 전략은 다섯 개 분야로 구성된다.", "국가 AI 전략", "policy/kr-nas", "gazetteer"),
    # a proper name keeps its link wherever it is mentioned
    ("ko", "한국은 GENIAC과 비슷한 사업을 추진했다.", "GENIAC", "policy/geniac", "gazetteer"),
])
def test_a_generic_policy_name_is_linked_by_the_countries_around_it(owned, lang, text, name, linked, rule):
    nlp = owned[0] if lang == "ko" else owned[1]
    nlp.get_pipe("policykg_relations").reset()  # no section of an earlier test's text
    doc = nlp(text)
    (e,) = [e for e in doc.ents if e.text == name]
    assert (e.kb_id_, e._.rule) == (linked, rule)


def test_a_generic_name_is_not_the_policy_of_a_country_the_document_never_turns_to(owned):
    en = owned[1]
    doc = last_doc(en, ("body", "France acts."), ("heading", "2. Funding"), ("body", "The National AI Strategy was revised."))
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("National AI Strategy", "")]
    doc = last_doc(en, ("body", "Korea acts."), ("heading", "2. Funding"), ("body", "The National AI Strategy was revised."))
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("National AI Strategy", "policy/kr-nas")]


def test_a_strategy_s_years_end_its_name(en):
    doc = last_doc(en, ("body", "Uruguay leads the National AI Strategy 2024-2030 and more."))
    assert [(e.text, e.label_) for e in doc.ents][-1] == ("National AI Strategy 2024-2030", "Policy")


@pytest.mark.parametrize("text", ["일본의 소버린 AI 정책은 다음과 같다.", "Japan's Sovereign AI Policy is as follows."])
def test_another_countrys_generic_name_of_a_kind_of_measure_is_no_mention(owned, text):
    # "소버린 AI 정책" of Japan describes its measures; the knowledge base's is Korea's
    nlp = owned[0] if text[0] > "z" else owned[1]
    nlp.get_pipe("policykg_relations").reset()
    assert [e.label_ for e in nlp(text).ents] == ["Country"]


@pytest.mark.parametrize(("text", "linked"), [
    ("프랑스는 공공 부문의 AI 도입을 확대한다.", True),
    ("일본은 공공 부문의 AI 도입을 확대한다.", False),  # another country's public sector: nobody's in particular
    ("공공 부문의 AI 도입이 늘었다.", False),  # no country around: no evidence it is France's
    ("France modernises its public sector with AI.", True),
    ("Japan modernises its public sector with AI.", False),
])
def test_a_group_known_by_common_words_is_its_countrys_only_where_that_country_is(owned, text, linked):
    nlp = owned[0] if any("\uac00" <= c <= "\ud7a3" for c in text) else owned[1]
    nlp.get_pipe("policykg_relations").reset()
    doc = nlp(text)
    assert ("group/fr-public-sector" in [e.kb_id_ for e in doc.ents]) is linked
    assert {"공공 부문", "public sector"} & {e.text for e in doc.ents} or not linked  # dropped, not left unlinked


@pytest.mark.parametrize(("lang", "text", "agency"), [
    ("ko", "일본 과학기술정보통신부는 「GENIAC」을 발표했다.", ("일본 과학기술정보통신부", "Agency", "")),
    ("en", "Japan's Ministry of Science and ICT announced the GENIAC.", ("Ministry of Science and ICT", "Agency", "")),
])
def test_another_countrys_namesake_of_a_known_body_is_a_new_body_of_that_country(owned, lang, text, agency):
    nlp = owned[0] if lang == "ko" else owned[1]
    nlp.get_pipe("policykg_relations").reset()
    doc = nlp(text)
    assert agency in ents(doc)
    (e,) = [e for e in doc.ents if e.text == agency[0]]
    assert e._.rule == "cue.context:Agency"
    # the policy it announces is that country's, not the known body's country's
    assert [f.subject.id for f in doc._.facts if f.relation == "hasPolicy"] == ["country/jp"]
    # the body's own country's words stay the known body
    known = nlp(text.replace("일본", "한국").replace("Japan", "Korea"))
    assert "agency/kr-msit" in [e.kb_id_ for e in known.ents]


def test_a_body_standing_for_its_country_keeps_the_rule_of_its_mention(ko):
    # (the topic, the ministry, stands for Korea in the second sentence)
    doc = last_doc(ko, ("body", "과학기술정보통신부는 예산을 늘렸다. 또한 「인공지능 기본법」을 시행한다."))
    assert [(f.subject.id, f.subject.rule) for f in doc._.facts if f.relation == "hasPolicy"] == [("country/kr", "owner")]
    assert [e._.rule for e in doc.ents if e.label_ == "Agency"] == ["gazetteer"]


def test_a_bracketed_alternative_shared_by_several_policies_takes_the_other_names_link(owned):
    owned[0].get_pipe("policykg_relations").reset()
    doc = owned[0]("「AI 행동계획(AI Action Plan)」이 공개되었다.")
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("AI 행동계획", "policy/jp-ap"), ("AI Action Plan", "policy/jp-ap")]


def test_a_relinked_policy_is_the_object_of_its_facts(owned):
    owned[1].get_pipe("policykg_relations").reset()
    doc = owned[1]("Japan announced its National AI Strategy in 2025.")
    assert [(f.subject.id, f.object.id) for f in doc._.facts if f.relation == "hasPolicy"] == [
        ("country/jp", "policy/jp-nas")]


def test_an_argument_as_a_dict_is_what_dataclasses_give():
    # (Arg.to_dict is written out for speed: a field added to Arg must be added there too)
    from dataclasses import asdict

    from ingest.facts import Arg

    arg = Arg(3, 8, "일본", "Country", "country/jp", "gazetteer")
    assert arg.to_dict() == asdict(arg) and list(arg.to_dict()) == list(asdict(arg))
