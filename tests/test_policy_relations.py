"""The relation rules about policies, with positive and negative examples in Korean and English, on
the small gazetteer of tests/small_kb.py: a country has a policy (by a verb, a genitive, a heading, a
label or a table row), an organisation runs one (by a verb, a reference back, a role label). The
other relation rules: tests/test_relations.py."""

from __future__ import annotations

import pytest

from .small_kb import facts, last_doc, more_names, nlp_for


HAS_POLICY = [
    ("ko", "프랑스는 「인공지능 기본법」을 제정하였다.", ("hasPolicy", "country/fr", "policy/kr-ai-basic-act")),
    ("ko", "프랑스는 「AI 기본법」을 제정하였다.", ("hasPolicy", "country/fr", "policy/kr-ai-basic-act")),
    ("ko", "한국은 2024년 「인공지능 기본법」을 공포하고 2026년부터 시행한다.",
     ("hasPolicy", "country/kr", "policy/kr-ai-basic-act")),
    ("en", "France enacted the AI Basic Act in 2024.", ("hasPolicy", "country/fr", "policy/kr-ai-basic-act")),
    ("en", "South Korea launched the National Compute Strategy in 2025.", ("hasPolicy", "country/kr", "")),
    ("en", "The Government of Canada launched the AI Basic Act in 2025.", ("hasPolicy", "country/ca",
                                                                          "policy/kr-ai-basic-act")),
    # the policy before a passive participle
    ("en", "In France, the AI Basic Act was officially released in 2024.", ("hasPolicy", "country/fr",
                                                                            "policy/kr-ai-basic-act")),
]
@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the policy a relative clause is about, with the clause's own subject
    ("en", "The Chips Package, which Korea introduced in 2023, funds new fabs.", ("country/kr", "Chips Package")),
    # the passive's agent, also by the adjective of its country
    ("en", "The Digital Sovereignty Act, passed by the French parliament in 2024, is strict.",
     ("country/fr", "Digital Sovereignty Act")),
    # a policy in an opening phrase is the main clause subject's
    ("en", "Under its National AI Mission, Canada is building GPU clusters.", ("country/ca", "National AI Mission")),
    ("en", "France approved the Brazilian AI Plan last year.", ("country/fr", "Brazilian AI Plan")),
    ("en", "By putting the Digital Sovereignty Act in place, France set rules.", ("country/fr", "Digital Sovereignty Act")),
    ("en", "France amended the Digital Sovereignty Act in 2025.", ("country/fr", "Digital Sovereignty Act")),
    ("en", "France promulgated the Digital Sovereignty Act in 2025.", ("country/fr", "Digital Sovereignty Act")),
    ("en", "France set up the Cloud Sovereignty Programme in 2025.", ("country/fr", "Cloud Sovereignty Programme")),
    ("ko", "프랑스는 「AI 반도체 전략」을 확정했다.", ("country/fr", "AI 반도체 전략")),
    ("ko", "프랑스는 「AI 반도체 전략」을 내놓았다.", ("country/fr", "AI 반도체 전략")),
    ("ko", "프랑스는 「디지털기술산업법」을 공포했다.", ("country/fr", "디지털기술산업법")),
    ("ko", "프랑스는 「국가 AI 샌드박스」를 가동했다.", ("country/fr", "국가 AI 샌드박스")),
    ("ko", "프랑스는 「국가 AI 샌드박스」를 실시했다.", ("country/fr", "국가 AI 샌드박스")),
    ("ko", "프랑스 정부는 「AI 반도체 전략」을 승인했다.", ("country/fr", "AI 반도체 전략")),
    ("ko", "프랑스는 「AI 인재 기금」을 신설했다.", ("country/fr", "AI 인재 기금")),
    ("ko", "프랑스는 「AI 반도체 전략」을 선정했다.", ("country/fr", "AI 반도체 전략")),
    ("ko", "프랑스는 기존 「AI 반도체 전략」을 유지한다.", ("country/fr", "AI 반도체 전략")),
    ("en", "France created the Cloud Sovereignty Programme in 2025.", ("country/fr", "Cloud Sovereignty Programme")),
    ("en", "France designated the Cloud Sovereignty Programme a priority.", ("country/fr", "Cloud Sovereignty Programme")),
    ("en", "France carried out the Cloud Sovereignty Programme in 2025.", ("country/fr", "Cloud Sovereignty Programme")),
    # the policy a relative clause ending in the trigger describes
    ("ko", "프랑스가 발표한 「AI 반도체 전략」은 칩을 다룬다.", ("country/fr", "AI 반도체 전략")),
])
def test_has_policy_more_forms(ko, en, lang, text, expected):
    doc = last_doc(nlp_for(lang, ko, en), ("body", "Japan acts." if lang == "en" else "일본은 움직인다."), ("body", text))
    assert [(f.subject.id, f.object.text) for f in doc._.facts if f.relation == "hasPolicy"] == [expected]


def test_the_policies_listed_with_the_nearest_are_the_countrys_too(ko):
    doc = last_doc(ko, ("body", "프랑스는 「AI 반도체 전략」, 「디지털 혁신 사업」, 「국가 데이터 전략」 등을 통해 반도체를 지원한다."))
    assert sorted(f.object.text for f in doc._.facts if f.relation == "hasPolicy") == [
        "AI 반도체 전략", "국가 데이터 전략", "디지털 혁신 사업"]


def test_a_means_is_what_it_takes_not_the_policy_the_sentence_is_about(ko):
    doc = last_doc(ko, ("body", "프랑스는 움직인다."), ("body", "「AI 반도체 전략」은 엔비디아를 통해 반도체 양산을 지원한다."))
    assert [f for f in doc._.facts if f.relation == "hasPolicy"] == []
    doc = last_doc(ko, ("body", "프랑스는 움직인다."), ("body", "프랑스는 「AI 반도체 전략」을 통해 반도체 양산을 지원한다."))
    assert [(f.subject.id, f.object.text) for f in doc._.facts if f.relation == "hasPolicy"] == [
        ("country/fr", "AI 반도체 전략")]


@pytest.mark.parametrize(("lang", "name", "text"), [
    ("en", "Japan's Cloud Strategy", "Japan's Cloud Strategy was revised."),
    ("ko", "일본의 클라우드 전략", "일본의 클라우드 전략이 개편되었다."),
])
def test_a_policy_whose_name_opens_with_its_country(lang, name, text):
    with more_names(lang, [{"label": "Policy", "pattern": name, "id": "policy/jp-cloud"}]) as nlp:
        doc = last_doc(nlp, ("body", "France acts." if lang == "en" else "프랑스는 움직인다."), ("body", text))
    assert [(f.subject.id, f.object.id) for f in doc._.facts if f.relation == "hasPolicy"] == [
        ("country/jp", "policy/jp-cloud")]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Canada has spent CAD 2 billion to fund its Sovereign AI Compute Strategy."),
    ("ko", "캐나다는 자국의 「소버린 AI 컴퓨팅 전략」에 20억 달러를 배정했다."),
])
def test_a_policy_named_as_its_owners_own(ko, en, lang, text):
    doc = last_doc(nlp_for(lang, ko, en), ("body", "Japan acts." if lang == "en" else "일본은 움직인다."), ("body", text))
    assert [(f.subject.id, f.rule) for f in doc._.facts if f.relation == "hasPolicy"] == [
        ("country/ca", f"hasPolicy.{lang}.own")]


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


@pytest.mark.parametrize(("lang", "text"), [
    ("ko", "과학기술정보통신부는 2025년 「인공지능 기본법」을 발표하였다."),
    ("en", "The Ministry of Science and ICT launched the AI Basic Act in 2025."),
    ("en", "The AI Basic Act is run by the Ministry of Science and ICT."),
    ("en", "The Ministry of Science and ICT oversees the AI Basic Act."),
])
def test_a_ministry_launching_a_policy_gives_its_country_the_policy(ko, en, lang, text):
    # the ministry runs it, and its country (the agency's owner in the knowledge base) has it
    doc = nlp_for(lang, ko, en)(text)
    assert ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit") in facts(doc)
    (f,) = [f for f in doc._.facts if f.relation == "hasPolicy"]
    assert (f.subject.id, f.subject.type, f.object.id, f.rule) == (
        "country/kr", "Country", "policy/kr-ai-basic-act", f"hasPolicy.{lang}.agency")
    # ... but a company that runs a programme gives nobody the policy
    assert facts(nlp_for(lang, ko, en)(text.replace("과학기술정보통신부", "엔비디아").replace(
        "the Ministry of Science and ICT", "Nvidia").replace("The Ministry of Science and ICT", "Nvidia")), "hasPolicy") == []
    assert doc.text[f.subject.start:f.subject.end] in ("과학기술정보통신부", "Ministry of Science and ICT")


@pytest.mark.parametrize(("lang", "heading"), [
    ("ko", "3. 한국의 「인공지능 기본법」"),
    ("en", "3. Korea's AI Basic Act"),
])
def test_a_heading_names_a_countrys_policy_but_states_nothing_else(ko, en, lang, heading):
    nlp = nlp_for(lang, ko, en)
    assert facts(last_doc(nlp, ("heading", heading))) == [("hasPolicy", "country/kr", "policy/kr-ai-basic-act")]
    # a trigger in a heading is no statement
    stated = "프랑스는 데이터센터를 확충" if lang == "ko" else "France expands data centres"
    assert facts(last_doc(nlp, ("heading", stated))) == []
    assert facts(last_doc(nlp, ("body", stated))) != []


def test_has_policy_new_name_keeps_its_text(ko):
    (f,) = [f for f in ko("일본은 「AI 추진 계획」을 발표하였다.")._.facts if f.relation == "hasPolicy"]
    assert f.subject.id == "country/jp" and f.object.id == "" and f.object.text == "AI 추진 계획"
    assert f.object.type == "Policy"


RUN_BY = [
    ("ko", "「인공지능 기본법」은 과학기술정보통신부가 주관한다.", ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit")),
    ("ko", "「디지털 혁신 사업」은 과학기술정보통신부가 총괄한다.", ("runBy", "", "agency/kr-msit")),
    ("ko", "「디지털 혁신 사업」은 과학기술정보통신부가 전담한다.", ("runBy", "", "agency/kr-msit")),
    # carrying out, executing
    ("ko", "과학기술정보통신부가 수행하는 「디지털 혁신 사업」은 올해 시작됐다.", ("runBy", "", "agency/kr-msit")),
    # the body a relative clause describes, after it
    ("ko", "「디지털 혁신 사업」을 운영하는 과학기술정보통신부는 예산을 늘렸다.", ("runBy", "", "agency/kr-msit")),
    ("ko", "과학기술정보통신부가 집행하는 「디지털 혁신 사업」은 올해 시작됐다.", ("runBy", "", "agency/kr-msit")),
    # a company that pursues a programme runs it
    ("ko", "엔비디아는 「GPU 클라우드 사업」을 추진한다.", ("runBy", "", "company/nvidia")),
    ("en", "Nvidia launched the GPU Cloud Programme in 2025.", ("runBy", "", "company/nvidia")),
    pytest.param("ko", "「AI 반도체 육성 사업」은 과학기술정보통신부가 총괄한다.", ("runBy", "", "agency/kr-msit")),
    ("en", "The AI Basic Act is run by the Ministry of Science and ICT.",
     ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit")),
    ("en", "The National Compute Strategy is led by the Ministry of Digital Affairs.", ("runBy", "", "")),
    ("en", "The National Compute Strategy will be run jointly with the Ministry of Science and ICT.",
     ("runBy", "", "agency/kr-msit")),
    # a project named after its kind word
    ("en", "Project Deccan is overseen jointly by the Ministry of Science and ICT.", ("runBy", "", "agency/kr-msit")),
    ("en", "The AI Basic Act is a programme jointly promoted by the Ministry of Science and ICT.",
     ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit")),
    ("en", "The AI Basic Act will be delivered by the Ministry of Science and ICT.",
     ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit")),
    # the active voice
    ("en", "Since 2025 the Ministry of Science and ICT runs the AI Basic Act.",
     ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit")),
    # an aside in brackets between the body and its verb, a pronoun object; the English future
    ("ko", "「인공지능 기본법」은 과학기술정보통신부(MSIT)가 이를 주관한다.", ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit")),
    ("en", "The Ministry of Science and ICT (MSIT) will run the AI Basic Act.", ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit")),
    # a relative clause ending in the trigger describes the policy right after it
    ("ko", "과학기술정보통신부가 발표한 「인공지능 기본법」은 2026년 시행된다.",
     ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit")),
    ("ko", "「인공지능 기본법」은 과학기술정보통신부가 이행한다.", ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit")),
    ("en", "The AI Basic Act consultation was hosted by the Ministry of Science and ICT.",
     ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit")),
    ("ko", "「인공지능 기본법」의 집행은 과학기술정보통신부가 맡는다.", ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit")),
    # a relative clause "…가 추진 중인 「X」"
    ("ko", "과학기술정보통신부가 추진 중인 「인공지능 기본법」은 내년에 시행된다.",
     ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit")),
    # the policy the trigger takes as its object is run by the clause's subject
    ("ko", "과학기술정보통신부는 「인공지능 기본법」을 총괄한다.", ("runBy", "policy/kr-ai-basic-act", "agency/kr-msit")),
    ("ko", "과학기술정보통신부는 올해부터 「디지털 혁신 사업」을 전담 운영한다.", ("runBy", "", "agency/kr-msit")),
]
RUN_BY_NEG = [
    # the policy is not what the trigger takes, or the subject is no body
    ("ko", "과학기술정보통신부는 「인공지능 기본법」에 따라 예산을 총괄한다."),
    ("ko", "한국은 「인공지능 기본법」을 총괄한다."),
    # a relative clause about something else before the policy
    ("ko", "과학기술정보통신부가 발표한 계획과 「인공지능 기본법」은 다르다."),
    # the policy the sentence is about, with no subject that pursues it
    ("ko", "「인공지능 기본법」은 국가 전략의 핵심 사업으로, 과학기술정보통신부의 예산을 늘린다."),
    ("ko", "「인공지능 기본법」은 과학기술정보통신부가 주관하지 않는다."),
    ("ko", "과학기술정보통신부가 데이터센터를 운영한다."),  # no policy in the sentence
    ("en", "The AI Basic Act is not run by the Ministry of Science and ICT."),
    ("en", "The Ministry of Science and ICT runs many data centres."),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RUN_BY)
def test_run_by(ko, en, lang, text, expected):
    assert expected in facts(nlp_for(lang, ko, en)(text), "runBy")


@pytest.mark.parametrize("text", ["The AI Basic Act is jointly promoted by the Ministry of Science and ICT (MSIT) and Nvidia.",
                                  "The AI Basic Act is run by the Ministry of Science and ICT (MSIT) and the Nvidia group."])
def test_run_by_bodies_listed_after_one_with_its_abbreviation(text):
    with more_names("en", [{"label": "Agency", "pattern": "MSIT", "id": "agency/kr-msit"}]) as en:
        assert ("runBy", "policy/kr-ai-basic-act", "company/nvidia") in facts(en(text), "runBy")


@pytest.mark.parametrize(("text", "orgs"), [
    # the policy the sentence is about, run by its subject and those listed with it
    ("「인공지능 기본법」은 국가 전략의 핵심 사업으로, 엔비디아–화웨이가 공동으로 추진한다.", ["company/huawei", "company/nvidia"]),
    # hosting an event
    ("과학기술정보통신부와 엔비디아가 공동 주최한 「AI 역량 세미나」에 30개국이 참여했다.", ["agency/kr-msit", "company/nvidia"]),
])
def test_run_by_each_body_listed_with_the_one_that_acts(ko, text, orgs):
    assert sorted(o for _, _, o in facts(ko(text), "runBy")) == orgs


def test_run_by_it_the_policy_the_sentence_before_named(en):
    doc = last_doc(en, ("body", "Korea launched the Digital Innovation Programme. It is run by the Ministry of Science and ICT."))
    assert ("runBy", "", "agency/kr-msit") in facts(doc, "runBy")
    # not when the sentence before named no policy (or several)
    doc = last_doc(en, ("body", "Korea is a leader in chips. It is run by the Ministry of Science and ICT."))
    assert facts(doc, "runBy") == []


@pytest.mark.parametrize(("lang", "text"), RUN_BY_NEG)
def test_run_by_negated_or_without_a_policy(ko, en, lang, text):
    assert facts(nlp_for(lang, ko, en)(text), "runBy") == []


@pytest.mark.parametrize(("lang", "first", "then"), [
    ("ko", "한국은 「인공지능 기본법」을 제정하였다.", "동 법은 과학기술정보통신부가 주관한다."),
    ("ko", "한국은 「인공지능 기본법」을 제정하였다.", "이 법은 과학기술정보통신부가 주관한다."),
    ("en", "Korea enacted the AI Basic Act in 2024.", "The law is administered by the Ministry of Science and ICT."),
    # after a list number, and capitalised as a law's text writes it
    ("ko", "한국은 「인공지능 기본법」을 제정하였다.", "(2) 동 법은 과학기술정보통신부가 주관한다."),
    ("en", "Korea enacted the AI Basic Act in 2024.", "(2) The Act shall be administered by the Ministry of Science and ICT."),
    # its running, named
    ("ko", "한국은 「인공지능 기본법」을 제정하였다.", "○ 법 집행은 과학기술정보통신부가 맡는다."),
])
def test_run_by_a_policy_named_before(ko, en, lang, first, then):
    # "동 법은", "The law": the policy the text named last
    doc = last_doc(nlp_for(lang, ko, en), ("body", first), ("body", then))
    assert [(f.subject.id, f.object.id, f.rule) for f in doc._.facts if f.relation == "runBy"] == [
        ("policy/kr-ai-basic-act", "agency/kr-msit", f"runBy.{lang}.anaphor")]


@pytest.mark.parametrize(("lang", "first", "then"), [
    ("ko", "프랑스는 「인공지능 기본법」과 「디지털 혁신 사업」을 발표했다.", "동 법은 과학기술정보통신부가 주관한다."),
    ("en", "France announced the AI Basic Act and the Cloud First Programme.",
     "The act is run by the Ministry of Science and ICT."),
])
def test_run_by_a_policy_named_before_of_the_kind_the_text_names(ko, en, lang, first, then):
    # "동 법은", "The act": the last law named, not the programme after it
    doc = last_doc(nlp_for(lang, ko, en), ("body", first), ("body", then))
    assert [(f.subject.id, f.object.id) for f in doc._.facts if f.relation == "runBy"] == [
        ("policy/kr-ai-basic-act", "agency/kr-msit")]


def test_run_by_the_policy_an_english_sentence_opens_with_not_one_in_a_later_clause(en):
    # "The Act is administered by X, while NEDO runs the Post-5G Fund": the Act, not the fund
    doc = last_doc(en, ("body", "Korea enacted the AI Basic Act in 2024."),
                   ("body", "The Act is administered by the Ministry of Science and ICT, while the ministry also "
                            "runs the Cloud First Programme."))
    assert [(f.subject.id, f.object.id) for f in doc._.facts if f.relation == "runBy"][:1] == [
        ("policy/kr-ai-basic-act", "agency/kr-msit")]


@pytest.mark.parametrize(("lang", "then"), [
    ("ko", "과학기술정보통신부가 이 법을 주관한다."),
    ("en", "The Ministry of Science and ICT runs this act."),
])
def test_run_by_a_policy_pointed_back_to_inside_the_sentence(ko, en, lang, then):
    first = "한국은 「인공지능 기본법」을 제정하였다." if lang == "ko" else "Korea enacted the AI Basic Act."
    doc = last_doc(nlp_for(lang, ko, en), ("body", first), ("body", then))
    assert [(f.subject.id, f.object.id) for f in doc._.facts if f.relation == "runBy"] == [
        ("policy/kr-ai-basic-act", "agency/kr-msit")]


def test_run_by_a_policy_of_the_kind_a_bare_korean_noun_names(ko):
    # "사업 운영을 총괄": the last programme named, with no demonstrative
    doc = last_doc(ko, ("body", "한국은 「디지털 혁신 사업」을 추진한다."), ("body", "과학기술정보통신부가 사업 운영을 총괄한다."))
    assert [(f.subject.text, f.object.id) for f in doc._.facts if f.relation == "runBy"] == [
        ("디지털 혁신 사업", "agency/kr-msit")]
    # none of that kind named: no fact (a law is no programme)
    doc = last_doc(ko, ("body", "한국은 「인공지능 기본법」을 제정하였다."), ("body", "과학기술정보통신부가 사업 운영을 총괄한다."))
    assert [f for f in doc._.facts if f.relation == "runBy"] == []


def test_run_by_refers_back_only_within_a_section(ko, en):
    then = ("body", "동 법은 과학기술정보통신부가 주관한다.")
    assert facts(last_doc(ko, ("body", "한국은 「인공지능 기본법」을 제정하였다."), ("heading", "3. 일본"), then)) == []
    assert facts(last_doc(ko, ("body", "한국은 전략을 세웠다."), then)) == []  # no policy named before
    # a sentence that does not open by referring back takes no earlier policy
    assert facts(last_doc(en, ("body", "Korea enacted the AI Basic Act."),
                       ("body", "Many data centres are run by the Ministry of Science and ICT.")), "runBy") == []


@pytest.mark.parametrize(("lang", "segments", "orgs"), [
    # a row of a table under its caption (the organisations listed with the first run it too)
    ("ko", [("caption", "표 3. 「인공지능 기본법」 개요"), ("table", "구분 내용"),
            ("table", "주관 기관 ⦁과학기술정보통신부, 엔비디아")], ["agency/kr-msit", "company/nvidia"]),
    # a line under the text that named the policy (one after another label does not run it)
    ("ko", [("body", "한국은 「인공지능 기본법」을 제정하였다."), ("body", "- 주관: 과학기술정보통신부")], ["agency/kr-msit"]),
    ("en", [("body", "Korea enacted the AI Basic Act in 2024."),
            ("body", "- Lead agency: Ministry of Science and ICT; partner: Nvidia")], ["agency/kr-msit"]),
    ("en", [("body", "Korea enacted the AI Basic Act in 2024."),
            ("body", "- Operational responsibility: Nvidia; overall management of data centres")], ["company/nvidia"]),
    # the Korean subject given the role
    ("ko", [("body", "한국은 「인공지능 기본법」을 제정하였다."), ("body", "이번 사업은 과학기술정보통신부(MSIT)가 전담기관으로 참여한다.")],
     ["agency/kr-msit"]),
])
def test_run_by_a_role_label(ko, en, lang, segments, orgs):
    doc = last_doc(nlp_for(lang, ko, en), *segments)
    got = [(f.subject.id, f.object.id, f.rule) for f in doc._.facts if f.relation == "runBy"]
    assert got == [("policy/kr-ai-basic-act", o, f"runBy.{lang}.role-label") for o in orgs]


@pytest.mark.parametrize(("lang", "segments"), [
    ("ko", [("heading", "3. 한국의 AI 정책"), ("body", "핵심 법제 ⦁「인공지능 기본법」, 「디지털 혁신 사업」")]),
    ("en", [("heading", "3. Korea's AI policy"), ("body", "- Legal basis: the AI Basic Act, the Digital Innovation Programme")]),
    # other labels, and a list with more than names in it
    ("ko", [("heading", "3. 한국의 AI 정책"), ("body", "연계 프로그램 ⦁「인공지능 기본법」 전환, 「디지털 혁신 사업」")]),
    ("ko", [("heading", "3. 한국의 AI 정책"), ("body", "법제 기반 ⦁「인공지능 기본법」 + 「디지털 혁신 사업」")]),
    ("en", [("heading", "3. Korea's AI policy"), ("body", "- Related programmes: the AI Basic Act reform, the Digital Innovation Programme")]),
])
def test_instruments_listed_after_a_label_are_the_countrys(ko, en, lang, segments):
    doc = last_doc(nlp_for(lang, ko, en), *segments)
    got = [(f.subject.id, f.object.text, f.rule) for f in doc._.facts if f.relation == "hasPolicy"]
    assert [(s, r) for s, _, r in got] == [("country/kr", f"hasPolicy.{lang}.label")] * 2
    # a list without the label states nothing
    doc = last_doc(nlp_for(lang, ko, en), segments[0], ("body", segments[1][1].split("⦁")[-1].split(":")[-1]))
    assert [f for f in doc._.facts if f.relation == "hasPolicy"] == []


def test_an_instrument_list_ends_at_the_next_label(ko):
    doc = last_doc(ko, ("heading", "3. 한국의 AI 정책"),
                   ("body", "핵심 수단 ⦁「인공지능 기본법」 주관 기관 ⦁과학기술정보통신부, 「디지털 혁신 사업」 운영단"))
    assert [f.object.text for f in doc._.facts if f.relation == "hasPolicy"] == ["인공지능 기본법"]


@pytest.mark.parametrize(("lang", "caption", "row"), [
    ("ko", "표 2. 프랑스의 대표 AI 정책", "2017 「디지털 혁신 사업」 ⦁최초의 국가급 계획"),
    ("en", "Table 2. France's main AI policies", "- 2017; \"Digital Innovation Programme\"; the first national plan"),
])
def test_a_named_policy_in_a_table_whose_caption_lists_a_countrys_policies_is_its(ko, en, lang, caption, row):
    nlp = nlp_for(lang, ko, en)
    doc = last_doc(nlp, ("caption", caption), ("table", row))
    assert [(f.subject.id, f.rule) for f in doc._.facts if f.relation == "hasPolicy"] == [
        ("country/fr", f"hasPolicy.{lang}.listing")]
    # a caption that names the country otherwise, or a heading after it, lists nobody's
    other = "표 2. 프랑스와의 협력 사례" if lang == "ko" else "Table 2. Cooperation with France"
    assert not [f for f in last_doc(nlp, ("caption", other), ("table", row))._.facts if f.relation == "hasPolicy"]
    heading = "3. 기타" if lang == "ko" else "3. Other"
    assert not [f for f in last_doc(nlp, ("caption", caption), ("heading", heading), ("table", row))._.facts
                if f.relation == "hasPolicy"]


def test_a_named_policy_in_a_table_row_headed_by_a_country_is_its(ko):
    segments = [("caption", "표 1. 국가별 정책"), ("table", "프랑스"), ("table", "「디지털 혁신 사업」, 클라우드 확충")]
    doc = last_doc(ko, *segments)
    assert [(f.subject.id, f.object.text, f.rule) for f in doc._.facts if f.relation == "hasPolicy"] == [
        ("country/fr", "디지털 혁신 사업", "hasPolicy.ko.row")]
    # not in body text, nor under a row headed by no country
    assert [f for f in last_doc(ko, ("body", "프랑스"), ("body", segments[2][1]))._.facts if f.relation == "hasPolicy"] == []
    assert [f for f in last_doc(ko, segments[0], ("table", "엔비디아"), segments[2])._.facts
            if f.relation == "hasPolicy"] == []


def test_a_group_listed_after_a_role_label_runs_the_policy():
    with more_names("ko", [{"label": "Group", "pattern": "회원국 정부", "id": "group/member-states"}]) as ko:
        doc = last_doc(ko, ("body", "한국은 「인공지능 기본법」을 제정하였다."),
                       ("body", "추진 주체 ⦁과학기술정보통신부, 회원국 정부"))
    assert [(f.subject.id, f.object.id) for f in doc._.facts if f.relation == "runBy"] == [
        ("policy/kr-ai-basic-act", "agency/kr-msit"), ("policy/kr-ai-basic-act", "group/member-states")]


@pytest.mark.parametrize(("lang", "segments"), [
    # taking part is not running; a label not followed by the organisation; no policy named
    ("ko", [("body", "한국은 「인공지능 기본법」을 제정하였다."), ("body", "- 참여 기업: 엔비디아")]),
    ("ko", [("body", "한국은 「인공지능 기본법」을 제정하였다."), ("body", "핵심 기관과 과학기술정보통신부가 협력한다.")]),
    ("ko", [("body", "한국은 전략을 세웠다."), ("body", "- 주관: 과학기술정보통신부")]),
    ("en", [("body", "Korea enacted the AI Basic Act in 2024."), ("body", "Partners: Ministry of Science and ICT")]),
])
def test_no_run_by_without_a_role_label_and_a_policy(ko, en, lang, segments):
    assert facts(last_doc(nlp_for(lang, ko, en), *segments), "runBy") == []


@pytest.mark.parametrize(("text", "expected"), [
    # a Korean country right before a policy's name, as a modifier, is its owner
    ("미국 「GPU 클라우드 사업」에는 엔비디아가 참여한다.", []),  # (a title in brackets is a name of its own)
    ("한국 AI 기본법은 산업계의 관심을 끈다.", [("country/kr", "policy/kr-ai-basic-act")]),
    ("한국과 중국의 AI 기본법을 비교한다.", [("country/cn", "policy/kr-ai-basic-act")]),
])
def test_korean_country_modifying_a_policy_name(ko, text, expected):
    assert [(s, o) for _, s, o in facts(ko(text), "hasPolicy")] == expected


def test_english_bodies_listed_before_a_plural_verb_each_run_the_policy(en):
    extra = [{"label": "Agency", "pattern": "MIIT", "id": "agency/cn-miit"},
             {"label": "Agency", "pattern": "NDRC", "id": "agency/cn-ndrc"},
             {"label": "Policy", "pattern": "East Data West Computing", "id": "policy/cn-edwc"}]
    with more_names("en", extra) as nlp:
        doc = last_doc(nlp, ("body", "MIIT and the NDRC jointly oversee the East Data West Computing programme."))
    assert sorted(facts(doc, "runBy")) == [("runBy", "policy/cn-edwc", "agency/cn-miit"),
                                           ("runBy", "policy/cn-edwc", "agency/cn-ndrc")]


def test_an_english_body_runs_the_policy_named_in_apposition_past_an_aside(en):
    extra = [{"label": "Agency", "pattern": "Sovereign AI Unit", "id": "agency/uk-sai"}]
    with more_names("en", extra) as nlp:
        doc = last_doc(nlp, ("body", "The Sovereign AI Unit, which was handed a budget last year, will run a "
                                     "procurement scheme, “Sovereign Compute Partnerships”, that buys cloud."))
    assert [(f.subject.text, f.object.id) for f in doc._.facts if f.relation == "runBy"] == [
        ("Sovereign Compute Partnerships", "agency/uk-sai")]


def test_an_english_plural_verb_without_a_policy_after_it_runs_nothing(en):
    extra = [{"label": "Agency", "pattern": "MIIT", "id": "agency/cn-miit"}]
    with more_names("en", extra) as nlp:
        doc = last_doc(nlp, ("body", "MIIT and its partners manage data centres in many regions, while Korea "
                                     "launched the AI Basic Act."))
    assert not facts(doc, "runBy")


def test_bullets_under_an_english_caption_that_lists_a_country_s_measures_are_its_policies(en):
    doc = last_doc(en, ("caption", "Table 3.1 Key Chinese self-reliance measures (selected)"),
                   ("body", "- AI Basic Act (2024): security assessment and filing"))
    assert facts(doc, "hasPolicy") == [("hasPolicy", "country/cn", "policy/kr-ai-basic-act")]


@pytest.mark.parametrize("caption", [
    "Table 3.1 Chinese and Korean trade in chips",  # lists no policies
    "Table 3.1 Key self-reliance measures (selected)",  # names no country
])
def test_bullets_under_other_english_captions_have_no_owner(en, caption):
    doc = last_doc(en, ("caption", caption), ("body", "- AI Basic Act (2024): security assessment and filing"))
    assert not facts(doc, "hasPolicy")


def test_a_roman_numeral_after_a_policy_s_name_makes_a_new_name(en):
    doc = last_doc(en, ("body", "Korea funds the AI Basic Act III with KRW 1 trillion."))
    assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Policy"] == [("AI Basic Act III", "")]


def test_this_programme_replacing_one_is_the_last_programme_not_the_last_fund(ko):
    doc = last_doc(ko, ("body", "한국은 「AI 컴퓨팅 공동활용 사업」을 발표했다."),
                   ("body", "이번 사업에는 「국가 성장 펀드」 재원도 투입된다."),
                   ("body", "과학기술정보통신부는 이번 사업이 기존 「초거대 AI 지원사업」을 대체한다고 밝혔다."))
    assert [(f.subject.text, f.object.text) for f in doc._.facts if f.relation == "replaces"] == [
        ("AI 컴퓨팅 공동활용 사업", "초거대 AI 지원사업")]


@pytest.mark.parametrize(("lang", "heading", "text"), [
    ("en", "2. Canada", "The Digital Research Agency launched the Cloud First Programme in 2025."),
    ("ko", "2. 캐나다의 AI 정책", "디지털연구청은 2025년 「클라우드 우선 사업」을 발표했다."),
])
def test_a_new_body_whose_name_names_no_country_acts_for_the_country_of_its_section(ko, en, lang, heading, text):
    doc = last_doc(nlp_for(lang, ko, en), ("heading", heading), ("body", text))
    assert ("hasPolicy", "country/ca", "") in facts(doc)


def test_a_new_body_named_after_another_in_brackets_keeps_the_country_its_other_name_gives(ko):
    # "인도네시아 통신디지털부(Komdigi)" in a section on another country is Indonesia's
    doc = last_doc(ko, ("heading", "2. 캐나다의 AI 정책"),
                   ("body", "일본 디지털청(DGA)은 「클라우드 우선 사업」을 발표했다."))
    assert ("hasPolicy", "country/jp", "") in facts(doc) and ("hasPolicy", "country/ca", "") not in facts(doc)


def test_a_policy_which_the_government_adopted_is_the_country_s_the_text_is_about(en):
    doc = last_doc(en, ("body", "Japan wants more GPUs."),
                   ("body", "Officials called it the core of the Cloud First Programme, which the government adopted in 2021."))
    assert facts(doc, "hasPolicy") == [("hasPolicy", "country/jp", "")]


def test_a_new_body_acts_for_the_one_country_its_sentence_names_before_its_section_s(en):
    doc = last_doc(en, ("heading", "3. China"),
                   ("body", "Japan's approach differs: the Cloud First Programme, which the Digital Agency launched, "
                            "buys GPUs."))
    assert ("hasPolicy", "country/jp", "") in facts(doc) and ("hasPolicy", "country/cn", "") not in facts(doc)
