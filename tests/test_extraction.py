"""The spaCy pipelines (ingest.nlp) with a small hand-made gazetteer: the Korean tokenizer,
recognition and linking, cue patterns for unknown names, and every relation rule with a positive
and a negative example in Korean and English; amounts (ingest.amounts.parse_amount)."""

from __future__ import annotations

import pytest

from ingest.nlp import pipeline
from ingest.amounts import parse_amount


def _patterns() -> list[dict[str, str]]:
    names = [
        ("Country", "country/jp", ["일본", "Japan"]),
        ("Country", "country/us", ["미국", "United States", "US", "美", "미"]),
        ("Country", "country/cn", ["중국", "China", "中", "중"]),
        ("Country", "country/fr", ["프랑스", "France"]),
        ("Country", "country/kr", ["한국", "South Korea", "Korea", "한"]),
        ("Resource", "resource/cloud", ["클라우드", "cloud"]),
        ("Resource", "resource/gpu", ["GPU", "GPUs"]),
        ("Resource", "resource/ai-chip", ["반도체", "semiconductors", "chips", "칩"]),
        ("Resource", "resource/datacentre", ["데이터센터", "data centres", "data centers"]),
        ("Layer", "layer/model", ["모델·데이터"]),
        ("Agency", "agency/kr-msit", ["과학기술정보통신부", "Ministry of Science and ICT"]),
        ("Policy", "policy/kr-ai-basic-act", ["AI 기본법", "인공지능 기본법", "AI Basic Act"]),
        ("Company", "company/nvidia", ["엔비디아", "Nvidia"]),
        ("Company", "company/huawei", ["화웨이", "Huawei"]),
    ]
    pats = [{"label": label, "pattern": n, "id": i} for label, i, ns in names for n in ns]
    return sorted(pats, key=lambda p: (p["pattern"], p["id"]))


PATTERNS = _patterns()

# the gazetteer never matches a name it stores with a cased key: an all-capitals name (GPU, US,
# EU, OECD) or one whose only cased letters are capitals ("AI 기본법") is filed under its cased
# two-letter prefix ("GP") but looked up under the lower-cased text ("gp")
GAZ_CASED = ("nlp.Gazetteer: names stored with a cased key (all-capitals such as GPU/US, or 'AI 기본법') are "
             "filed under key_name[:2] but looked up by lower[i:i+2], so they never match")


@pytest.fixture(scope="module")
def ko():
    return pipeline("ko", PATTERNS)


@pytest.fixture(scope="module")
def en():
    return pipeline("en", PATTERNS)


def nlp_for(lang, ko, en):
    return ko if lang == "ko" else en


def ents(doc) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


def facts(doc, relation: str | None = None) -> list[tuple]:
    """(relation, subject id, object id) of the doc's facts, optionally of one relation."""
    return [(f.relation, f.subject.id, f.object.id if f.object else None)
            for f in doc._.facts or [] if relation is None or f.relation == relation]


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
    toks = [t.text for t in doc]
    assert toks[:4] == ["일본", "은", "미국", "의"]
    tags = {t.text: t.tag_ for t in doc}
    assert tags["일본"] == "NNP" and tags["은"] == "JX" and tags["의"] == "JKG"
    assert all(t.tag_ for t in doc)
    sents = [s.text for s in doc.sents]
    assert sents == ["일본은 미국의 클라우드에 의존하고 있다.", "중국은 반도체 자립을 추진한다."]
    assert [t.text for t in doc if t.is_sent_start] == ["일본", "중국"]


@pytest.mark.xfail(strict=True, reason="nlp.KiwiTokenizer: a sentence that opens with 「 gets its title attached "
                                       "to the previous sentence (Kiwi's sent_position), so the next sentence starts "
                                       "at the particle 은 and loses its policy")
def test_sentence_starting_with_a_bracketed_title(ko):
    doc = ko("프랑스는 「인공지능 기본법」을 제정하였다. 「인공지능 기본법」은 과학기술정보통신부가 주관한다.")
    assert [s.text for s in doc.sents] == ["프랑스는 「인공지능 기본법」을 제정하였다.",
                                           "「인공지능 기본법」은 과학기술정보통신부가 주관한다."]
    assert ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit") in facts(doc, "runBy")


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


@pytest.mark.xfail(strict=True, reason="Kiwi tokenizes '한·미' as one token, so the pair rule "
                                       "(Gazetteer._single_ok) never sees 한 and 미")
def test_korea_us_pair_is_two_countries(ko):
    assert ents(ko("한·미 협력이 강화되었다.")) == [("한", "Country", "country/kr"), ("미", "Country", "country/us")]


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


def test_mixed_case_and_hangul_aliases_link(ko, en):
    assert ("인공지능 기본법", "Policy", "policy/kr-ai-basic-act") in ents(ko("「인공지능 기본법」이 시행되었다."))
    assert ("AI Basic Act", "Policy", "policy/kr-ai-basic-act") in ents(en("The AI Basic Act took effect."))
    assert ("GPUs", "Resource", "resource/gpu") in ents(en("China buys GPUs."))


def test_gazetteer_reloads_when_the_patterns_change():
    other = [{"label": "Country", "pattern": "독일", "id": "country/de"}]
    assert [(e.text, e.kb_id_) for e in pipeline("ko", other)("독일은 일본과 협력한다.").ents] == [("독일", "country/de")]
    assert ("일본", "Country", "country/jp") in ents(pipeline("ko", PATTERNS)("독일은 일본과 협력한다."))


# ------------------------------------------------------------------ cue patterns (new names)
def test_title_in_brackets_is_a_new_policy(ko):
    doc = ko("정부는 「새로운 인공지능 진흥법」을 발의하였다.")
    pol = [e for e in doc.ents if e.text == "새로운 인공지능 진흥법"]
    assert len(pol) == 1
    assert pol[0].label_ == "Policy" and pol[0].kb_id_ == "" and pol[0]._.rule == "cue.title:LawOrRegulation"


def test_english_capitalised_strategy_is_a_new_policy(en):
    doc = en("The government unveiled the National Compute Strategy last year.")
    assert ents(doc) == [("National Compute Strategy", "Policy", "")]
    assert doc.ents[0]._.rule == "cue.en-policy:StrategyOrPlan"


def test_organisation_names_by_their_head_are_new_agencies(ko, en):
    assert ("디지털플랫폼정부위원회", "Agency", "") in ents(ko("디지털플랫폼정부위원회가 출범하였다."))
    assert ("Ministry of Digital Affairs", "Agency", "") in ents(en("The Ministry of Digital Affairs oversees the plan."))


def test_common_words_are_not_organisations(ko):
    assert ents(ko("정부는 내부 검토를 거쳐 일부 과제를 신청하였다.")) == []


def test_known_name_wins_over_the_cue(ko):
    doc = ko("「인공지능 기본법」은 과학기술정보통신부가 주관한다.")
    assert ("인공지능 기본법", "Policy", "policy/kr-ai-basic-act") in ents(doc)
    assert ("과학기술정보통신부", "Agency", "agency/kr-msit") in ents(doc)


# ------------------------------------------------------------------ mention boundaries
AMBIGUOUS = [{"label": "Bloc", "pattern": "유럽", "id": "bloc/eu", "ambiguous": True},
             {"label": "Bloc", "pattern": "Europe", "id": "bloc/eu", "ambiguous": True},
             {"label": "Bloc", "pattern": "EU", "id": "bloc/eu"},
             {"label": "Company", "pattern": "현대", "id": "company/hyundai"},
             {"label": "Policy", "pattern": "GENIAC", "id": "policy/geniac"},
             {"label": "Policy", "pattern": "Generative AI Accelerator Challenge", "id": "policy/geniac"},
             {"label": "Agency", "pattern": "경제산업성", "id": "agency/meti"}]


@pytest.fixture(scope="module")
def boundaries():
    return pipeline("ko", PATTERNS + AMBIGUOUS), pipeline("en", PATTERNS + AMBIGUOUS)


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


# ------------------------------------------------------------------ relation rules
def test_a_line_opening_with_a_layer_gives_the_object(ko):
    doc = ko("모델·데이터 계층: 일본은 제조 현장 데이터로 접근권을 강화")
    assert ("strengthens", "country/jp", "layer/model") in facts(doc)
    assert any(f.rule == "strengthens.ko.heading" for f in doc._.facts)


def test_an_english_demonym_names_the_subject(en):
    doc = en("The Korean government is expanding GPUs and data centres with Nvidia.")
    assert ("strengthens", "country/kr", "resource/gpu") in facts(doc)
    assert ("strengthens", "country/kr", "resource/datacentre") in facts(doc)


def test_topics_come_from_the_text_not_tables_and_restart_at_headings(ko):
    def run(*segments):
        ko.get_pipe("policykg_relations").reset()
        docs = []
        for kind, text in segments:
            d = ko.make_doc(text)
            d.user_data["segment"] = kind
            docs.append(d)
        return [facts(d) for d in ko.pipe(docs)][-1]

    last = ("body", "클라우드 확충에 집중한다.")
    assert run(("body", "일본은 전략을 세웠다."), last) == [("strengthens", "country/jp", "resource/cloud")]
    assert run(("body", "일본은 전략을 세웠다."), ("table", "화웨이는 칩을 만든다."), last) == [
        ("strengthens", "country/jp", "resource/cloud")]
    assert run(("body", "일본은 전략을 세웠다."), ("heading", "3. 기술 동향"), last) == []


def test_a_section_heading_names_the_subject_until_a_heading_of_its_level(ko):
    rel = ko.get_pipe("policykg_relations")

    def subjects(*segments) -> list:
        rel.reset()
        docs = []
        for kind, text in segments:
            d = ko.make_doc(text)
            d.user_data["segment"] = kind
            docs.append(d)
        return [(f.subject.id, f.rule) for f in [d for d in ko.pipe(docs)][-1]._.facts]

    body = ("body", "데이터센터 확충에 집중한다.")
    assert subjects(("heading", "1. 프랑스의 AI 정책 동향"), body) == [
        ("country/fr", "strengthens.ko.trigger+section")]
    # a deeper heading that names nobody keeps the section's actor; one of the same level replaces it
    assert subjects(("heading", "1. 프랑스의 AI 정책 동향"), ("heading", "가. 기술 동향"), body) == [
        ("country/fr", "strengthens.ko.trigger+section")]
    assert subjects(("heading", "1. 프랑스의 AI 정책 동향"), ("heading", "2. 일본의 AI 정책 동향"), body) == [
        ("country/jp", "strengthens.ko.trigger+section")]
    assert subjects(("heading", "1. 프랑스의 AI 정책 동향"), ("heading", "2. 기술 동향"), body) == []
    # an actor the text names since the heading comes first
    assert subjects(("heading", "1. 프랑스의 AI 정책 동향"), ("body", "일본은 전략을 세웠다."), body) == [
        ("country/jp", "strengthens.ko.trigger+topic")]


def test_a_one_syllable_word_of_the_gazetteer_is_a_name_unless_it_abbreviates_a_country(ko):
    assert ents(ko("칩을 확보한다.")) == [("칩", "Resource", "resource/ai-chip")]
    assert ents(ko("미 정부는 칩을 확보한다.")) == [("칩", "Resource", "resource/ai-chip")]


# (lang, sentence, expected (relation, subject, object) or None for "no fact of that relation")
DEPENDS = [
    ("ko", "일본은 미국의 클라우드에 의존하고 있다.", ("dependsOn", "country/jp", "resource/cloud")),
    ("ko", "한국은 반도체를 해외에 의존한다.", ("dependsOn", "country/kr", "resource/ai-chip")),
    ("ko", "한국은 반도체를 해외에 크게 의존한다.", ("dependsOn", "country/kr", "resource/ai-chip")),
    ("en", "Japan relies on US cloud services.", ("dependsOn", "country/jp", "resource/cloud")),
    ("en", "Japan depends heavily on cloud services from the United States.",
     ("dependsOn", "country/jp", "resource/cloud")),
    # reducing a dependence presupposes it (tests/data/gold/README.md)
    ("ko", "일본은 해외 클라우드 의존을 줄이는 데 집중한다.", ("dependsOn", "country/jp", "resource/cloud")),
    ("ko", "일본은 GPU와 클라우드 공급에서는 여전히 글로벌 기업 의존이 남아 있다.",
     ("dependsOn", "country/jp", "resource/gpu")),
]
DEPENDS_NEG = [
    ("ko", "일본은 클라우드에 의존하지 않는다."),
    pytest.param("ko", "일본이 클라우드에 의존한다면 위험이 커진다."),
    pytest.param("ko", "일본이 클라우드에 의존하는 경우 위험이 커진다."),
    ("en", "If Japan relies on US cloud, risks grow."),
    ("en", "Japan no longer depends on US cloud."),
    ("en", "Japan does not rely on cloud services from abroad."),
]


@pytest.mark.parametrize(("lang", "text", "expected"), DEPENDS)
def test_depends_on(ko, en, lang, text, expected):
    assert expected in facts(nlp_for(lang, ko, en)(text), "dependsOn")


@pytest.mark.parametrize(("lang", "text"), DEPENDS_NEG)
def test_depends_on_negated_or_hedged(ko, en, lang, text):
    assert facts(nlp_for(lang, ko, en)(text)) == []


def test_depends_on_korean_supplier(ko):
    (f,) = ko("일본은 미국의 클라우드에 의존하고 있다.")._.facts
    assert (f.relation, f.predicate, f.subject.id, f.object.id) == ("dependsOn", "dependsOn", "country/jp",
                                                                    "resource/cloud")
    assert f.supplier is not None and f.supplier.id == "country/us"
    assert f.rule == "dependsOn.ko.trigger"


@pytest.mark.parametrize("text", [
    pytest.param("Japan relies on US cloud services."),
    pytest.param("Japan relies on cloud services from the United States."),
])
def test_depends_on_english_supplier(en, text):
    sups = [f.supplier.id for f in en(text)._.facts if f.relation == "dependsOn" and f.supplier]
    assert sups == ["country/us"]


def test_depends_on_coordinated_objects(ko):
    got = facts(ko("일본은 반도체·클라우드에 의존하고 있다."), "dependsOn")
    assert sorted(got) == [("dependsOn", "country/jp", "resource/ai-chip"), ("dependsOn", "country/jp", "resource/cloud")]


CONTROLS = [
    pytest.param("ko", "중국은 GPU 자립을 추진하고 있다.", ("controls", "country/cn", "resource/gpu")),
    ("ko", "중국은 반도체 자립을 추진하고 있다.", ("controls", "country/cn", "resource/ai-chip")),
    ("ko", "中 정부는 반도체 국산화를 서두르고 있다.", ("controls", "country/cn", "resource/ai-chip")),
    ("en", "China pursues self-reliance in semiconductors.", ("controls", "country/cn", "resource/ai-chip")),
    ("en", "China pursues self-reliance in GPUs.", ("controls", "country/cn", "resource/gpu")),
]
CONTROLS_NEG = [
    ("ko", "프랑스는 반도체 자립이 어렵다."),
    ("ko", "프랑스는 GPU 자립이 어렵다."),
    ("en", "France cannot achieve self-reliance in semiconductors."),
    ("en", "France cannot achieve self-reliance in GPUs."),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CONTROLS)
def test_controls(ko, en, lang, text, expected):
    got = [(r, s, o, p) for r, s, o, p in
           [(f.relation, f.subject.id, f.object.id, f.predicate) for f in nlp_for(lang, ko, en)(text)._.facts]]
    assert (*expected, "directlyControls") in got


@pytest.mark.parametrize(("lang", "text"), CONTROLS_NEG)
def test_controls_negated(ko, en, lang, text):
    assert facts(nlp_for(lang, ko, en)(text), "controls") == []


def test_self_reliance_is_not_dependence(en):
    assert facts(en("China pursues self-reliance in semiconductors."), "dependsOn") == []


STRENGTHENS = [
    ("ko", "프랑스는 데이터센터를 확충하고 있다.", "strengthens", ("country/fr", "resource/datacentre")),
    ("ko", "일본은 모델·데이터 계층을 강화하고 있다.", "strengthens", ("country/jp", "layer/model")),
    ("ko", "일본은 클라우드 보안 체계를 보완하고 있다.", "supplements", ("country/jp", "resource/cloud")),
    ("ko", "일본은 데이터센터 구축을 우선 추진한다.", "prioritises", ("country/jp", "resource/datacentre")),
    ("en", "France is expanding its data centres.", "strengthens", ("country/fr", "resource/datacentre")),
    ("en", "Japan prioritises cloud security.", "prioritises", ("country/jp", "resource/cloud")),
    ("en", "Korea is strengthening its semiconductors supply chain.", "strengthens", ("country/kr", "resource/ai-chip")),
]
STRENGTHENS_NEG = [
    ("ko", "프랑스는 데이터센터를 확충하지 못했다."),
    ("ko", "일본은 클라우드 보안 체계를 보완할 경우 비용이 늘어난다."),
    ("en", "France has not expanded its data centres."),
    ("en", "France might expand its data centres."),
]


@pytest.mark.parametrize(("lang", "text", "predicate", "args"), STRENGTHENS)
def test_strengthens(ko, en, lang, text, predicate, args):
    got = [(f.predicate, f.subject.id, f.object.id) for f in nlp_for(lang, ko, en)(text)._.facts
           if f.relation == "strengthens"]
    assert (predicate, *args) in got


@pytest.mark.parametrize(("lang", "text"), STRENGTHENS_NEG)
def test_strengthens_negated_or_hedged(ko, en, lang, text):
    assert facts(nlp_for(lang, ko, en)(text), "strengthens") == []


HAS_POLICY = [
    ("ko", "프랑스는 「인공지능 기본법」을 제정하였다.", ("hasPolicy", "country/fr", "policy/kr-ai-basic-act")),
    ("ko", "프랑스는 「AI 기본법」을 제정하였다.", ("hasPolicy", "country/fr", "policy/kr-ai-basic-act")),
    ("ko", "한국은 2024년 「인공지능 기본법」을 공포하고 2026년부터 시행한다.",
     ("hasPolicy", "country/kr", "policy/kr-ai-basic-act")),
    ("en", "France enacted the AI Basic Act in 2024.", ("hasPolicy", "country/fr", "policy/kr-ai-basic-act")),
    ("en", "South Korea launched the National Compute Strategy in 2025.", ("hasPolicy", "country/kr", "")),
]
HAS_POLICY_NEG = [
    ("ko", "프랑스는 「인공지능 기본법」을 제정하지 않았다."),
    ("ko", "프랑스가 「인공지능 기본법」을 제정하면 규제가 늘어난다."),
    ("en", "France has not enacted the AI Basic Act."),
    ("en", "France could enact the AI Basic Act next year."),
]


@pytest.mark.parametrize(("lang", "text", "expected"), HAS_POLICY)
def test_has_policy(ko, en, lang, text, expected):
    assert expected in facts(nlp_for(lang, ko, en)(text), "hasPolicy")


@pytest.mark.parametrize(("lang", "text"), HAS_POLICY_NEG)
def test_has_policy_negated_or_hedged(ko, en, lang, text):
    assert facts(nlp_for(lang, ko, en)(text), "hasPolicy") == []


def test_has_policy_new_name_keeps_its_text(ko):
    (f,) = [f for f in ko("일본은 「AI 추진 계획」을 발표하였다.")._.facts if f.relation == "hasPolicy"]
    assert f.subject.id == "country/jp" and f.object.id == "" and f.object.text == "AI 추진 계획"
    assert f.object.type == "Policy"


RUN_BY = [
    ("ko", "「인공지능 기본법」은 과학기술정보통신부가 주관한다.", ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit")),
    ("ko", "「디지털 혁신 사업」은 과학기술정보통신부가 총괄한다.", ("runBy", "", "agency/kr-msit")),
    pytest.param("ko", "「AI 반도체 육성 사업」은 과학기술정보통신부가 총괄한다.", ("runBy", "", "agency/kr-msit")),
    ("en", "The AI Basic Act is run by the Ministry of Science and ICT.",
     ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit")),
    ("en", "The National Compute Strategy is led by the Ministry of Digital Affairs.", ("runBy", "", "")),
]
RUN_BY_NEG = [
    ("ko", "「인공지능 기본법」은 과학기술정보통신부가 주관하지 않는다."),
    ("ko", "과학기술정보통신부가 데이터센터를 운영한다."),  # no policy in the sentence
    ("en", "The AI Basic Act is not run by the Ministry of Science and ICT."),
    ("en", "The Ministry of Science and ICT runs many data centres."),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RUN_BY)
def test_run_by(ko, en, lang, text, expected):
    assert expected in facts(nlp_for(lang, ko, en)(text), "runBy")


@pytest.mark.parametrize(("lang", "text"), RUN_BY_NEG)
def test_run_by_negated_or_without_a_policy(ko, en, lang, text):
    assert facts(nlp_for(lang, ko, en)(text), "runBy") == []


INVESTS = [
    ("ko", "한국은 반도체 산업에 5,300억 원을 투자하기로 했다.", "country/kr", 5.3e11, "KRW"),
    ("ko", "과학기술정보통신부는 데이터센터 구축에 1조 2,000억 원의 예산을 투입한다.", "agency/kr-msit", 1.2e12, "KRW"),
    ("ko", "프랑스는 데이터센터에 100억 유로를 투자한다.", "country/fr", 1e10, "EUR"),
    ("en", "The United States will invest $100 billion in data centres.", "country/us", 1e11, "USD"),
    ("en", "France committed €2.5 billion to its data centres.", "country/fr", 2.5e9, "EUR"),
    ("en", "Japan allocated 3.5 trillion yen to semiconductors.", "country/jp", 3.5e12, "JPY"),
]
INVESTS_NEG = [
    ("ko", "한국의 반도체 수출액은 5,300억 원에 달했다."),  # an amount, no investment word
    ("ko", "한국은 반도체 산업에 5,300억 원을 투자하지 않았다."),
    ("en", "The United States exported chips worth $100 billion last year."),
    ("en", "Japan's cloud market reached $100 billion."),
]


@pytest.mark.parametrize(("lang", "text", "subject", "amount", "currency"), INVESTS)
def test_invests_with_a_normalised_amount(ko, en, lang, text, subject, amount, currency):
    inv = [f for f in nlp_for(lang, ko, en)(text)._.facts if f.relation == "invests"]
    assert [(f.subject.id, f.amount, f.currency) for f in inv] == [(subject, pytest.approx(amount), currency)]
    assert inv[0].object is None and inv[0].predicate == "amount"


@pytest.mark.parametrize(("lang", "text"), INVESTS_NEG)
def test_no_invests_without_an_investment_or_when_negated(ko, en, lang, text):
    assert facts(nlp_for(lang, ko, en)(text), "invests") == []


def test_invests_by_a_policy(ko):
    inv = [f for f in ko("「인공지능 기본법」에 따라 5,300억 원의 예산이 편성되었다.")._.facts if f.relation == "invests"]
    assert [(f.subject.id, f.amount, f.currency) for f in inv] == [("policy/kr-ai-basic-act", 5.3e11, "KRW")]


REPLACES = [
    ("ko", "중국 기업들은 엔비디아를 화웨이로 교체하고 있다.", ("replaces", "company/huawei", "company/nvidia")),
    pytest.param("ko", "정부는 「인공지능 기본법」을 「AI 진흥 기본법」으로 대체하였다.",
                 ("replaces", "", "policy/kr-ai-basic-act")),
    ("en", "Huawei replaced Nvidia as the main chip supplier in China.", ("replaces", "company/huawei", "company/nvidia")),
    pytest.param("en", "Chinese cloud providers are replacing Nvidia with Huawei.",
                 ("replaces", "company/huawei", "company/nvidia")),
]
REPLACES_NEG = [
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


def test_facts_carry_sentence_offsets_and_rule(ko):
    text = "프랑스는 데이터센터를 확충하고 있다. 일본은 미국의 클라우드에 의존하고 있다."
    doc = ko(text)
    (f,) = [f for f in doc._.facts if f.relation == "dependsOn"]
    assert text[f.sent_start:f.sent_end] == "일본은 미국의 클라우드에 의존하고 있다."
    assert text[f.subject.start:f.subject.end] == "일본" and text[f.object.start:f.object.end] == "클라우드"
    assert 0 < f.confidence <= 1 and f.rule.startswith("dependsOn.ko.")
    d = f.to_dict()
    assert d["subject"]["id"] == "country/jp" and d["supplier"]["id"] == "country/us"


def test_no_entities_no_facts(ko, en):
    assert ko("정부는 투자를 확대하고 의존을 줄이고 있다.")._.facts == []
    assert en("The government relies on partners and invests $5 billion.")._.facts == []


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
