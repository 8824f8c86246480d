"""Names not in the knowledge base, found by cue patterns (ingest.cues): titles in 「」 or quotes,
Korean law titles, English capitalised policy names ending in a kind word, organisation names by
their head, with the small gazetteer of tests/small_kb.py (the pipelines, recognition and linking of
known names: tests/test_extraction.py)."""

from __future__ import annotations

import pytest

from .small_kb import ents, facts, last_doc, more_names, nlp_for


# ------------------------------------------------------------------ cue patterns (new names)
def test_title_in_brackets_is_a_new_policy(ko):
    doc = ko("정부는 「새로운 인공지능 진흥법」을 발의하였다.")
    pol = [e for e in doc.ents if e.text == "새로운 인공지능 진흥법"]
    assert len(pol) == 1
    assert pol[0].label_ == "Policy" and pol[0].kb_id_ == "" and pol[0]._.rule == "cue.title:LawOrRegulation"


@pytest.mark.parametrize(("text", "title"), [
    ("정부는 인공지능 산업 진흥에 관한 법률을 개정했다.", "인공지능 산업 진흥에 관한 법률"),
    ("인공지능 발전과 신뢰 기반 조성 등에 관한 기본법이 시행된다.", "인공지능 발전과 신뢰 기반 조성 등에 관한 기본법"),
    ("국회는 개인정보 보호에 관한 특별법 시행령을 의결했다.", "개인정보 보호에 관한 특별법 시행령"),
])
def test_a_korean_law_title_without_brackets_is_a_new_policy(ko, text, title):
    # the form Korean law titles take: "…에 관한 법률 / 기본법 / 특별법 (시행령)"
    pol = [(e.text, e.label_, e._.rule) for e in ko(text).ents if e.label_ == "Policy"]
    assert pol == [(title, "Policy", "cue.ko-law:LawOrRegulation")]


def test_about_something_is_no_law_title(ko):
    assert [e for e in ko("정부는 데이터에 관한 논의를 시작했다.").ents if e.label_ == "Policy"] == []


@pytest.mark.parametrize(("text", "name"), [
    ("Vietnam launched its National Strategy on AI Research in 2021.", "National Strategy on AI Research"),
    ("Korea adopted the Data Plan for Public Services and Health.", "Data Plan for Public Services and Health"),
    # a known name after "of" is a mention of its own
    ("France adopted the Digital Strategy of France.", "Digital Strategy"),
])
def test_an_english_policy_name_goes_on_after_on_for_of(en, text, name):
    assert (name, "Policy", "") in ents(en(text))


def test_english_capitalised_strategy_is_a_new_policy(en):
    doc = en("The government unveiled the National Compute Strategy last year.")
    assert ents(doc) == [("National Compute Strategy", "Policy", "")]
    assert doc.ents[0]._.rule == "cue.en-policy:StrategyOrPlan"


def test_an_english_policy_name_holds_the_resources_it_names(en):
    # "chips" and "data centres" are known resources, but here words of a policy's name; a known
    # actor whose name the policy's follows is still recognised (one that opens the name is part of
    # it, as a country inside a longer proper name is no mention of its own: tests/data/gold/README.md)
    doc = en("France announced the Sovereign Chips and Data Centres Plan in 2025.")
    assert ents(doc) == [("France", "Country", "country/fr"), ("Sovereign Chips and Data Centres Plan", "Policy", "")]
    assert ("Japan", "Country", "country/jp") in ents(en("Japan's AI Strategy was revised."))
    # outside a name, the resources are still resources
    assert ("chips", "Resource", "resource/ai-chip") in ents(en("France builds chips."))


@pytest.mark.parametrize(("text", "name"), [
    ('The "Guidelines for the Construction of the National Artificial Intelligence Standard System" came out in 2020.',
     "Guidelines for the Construction of the National Artificial Intelligence Standard System"),
    ("China issued the “Opinions of the State Council on Deepening the Digital Economy” last year.",
     "Opinions of the State Council on Deepening the Digital Economy"),
])
def test_an_official_english_title_in_quotes_opening_with_its_kind_is_a_new_policy(en, text, name):
    assert (name, "Policy", "cue.quoted:LawOrRegulation") in [(e.text, e.label_, e._.rule) for e in en(text).ents]


def test_a_quoted_phrase_opening_with_a_kind_in_lower_case_is_no_title(en):
    assert [e for e in en('Officials called for "guidelines for the use of data in schools" last year.').ents
            if e.label_ == "Policy"] == []


def test_organisation_names_by_their_head_are_new_agencies(ko, en):
    assert ("디지털플랫폼정부위원회", "Agency", "") in ents(ko("디지털플랫폼정부위원회가 출범하였다."))
    assert ("Ministry of Digital Affairs", "Agency", "") in ents(en("The Ministry of Digital Affairs oversees the plan."))
    # a list in the name
    assert ("Ministry of Science, Technology and Innovation", "Agency", "") in ents(
        en("The plan is run by the Ministry of Science, Technology and Innovation."))


def test_an_english_organisation_name_may_hold_and(en):
    assert ("National Research and Innovation Agency", "Agency", "") in ents(
        en("The National Research and Innovation Agency runs it."))
    assert ("IndiaAI Division", "Agency", "") in ents(en("It is implemented by the IndiaAI Division."))
    # but not over the end of the sentence before it
    assert ("Infocomm Media Development Authority", "Agency", "") in ents(
        en("It has diversified across China and France. The Infocomm Media Development Authority oversees it."))
    assert ("U.S. Department of Energy", "Agency", "") in ents(en("The U.S. Department of Energy said so."))


def test_an_english_body_of_a_country_is_one_name_of_that_country(en):
    # the country at the end of the name is part of it, and the body's country
    doc = last_doc(en, ("body", "The Business Development Bank of Canada launched the AI Basic Act."))
    assert ("Business Development Bank of Canada", "Organisation", "") in ents(doc)
    assert "country/ca" not in [e.kb_id_ for e in doc.ents]
    doc = last_doc(en, ("body", "The Digital Development Agency of Canada launched the AI Basic Act."))
    assert [f.subject.id for f in doc._.facts if f.relation == "hasPolicy"] == ["country/ca"]
    # a country after another preposition is a name of its own
    assert "country/ca" in [e.kb_id_ for e in en("The Digital Development Agency in Canada opened.").ents]


def test_a_country_opening_an_english_policy_name_is_part_of_it(en):
    doc = last_doc(en, ("body", "In 2021 Korea launched the Korea Semiconductor Mission."))
    assert ("Korea Semiconductor Mission", "Policy", "") in ents(doc)
    assert facts(doc, "hasPolicy") == [("hasPolicy", "country/kr", "")]
    # not where the name holds another known one: both stay
    assert {("Korea", "country/kr"), ("AI Basic Act", "policy/kr-ai-basic-act")} <= {
        (e.text, e.kb_id_) for e in en("The Korea AI Basic Act took effect.").ents}


def test_a_determiner_is_not_part_of_a_new_name(en):
    assert ("Brazilian AI Plan", "Policy", "") in ents(en("Its Brazilian AI Plan was announced in 2024."))
    # nor is the possessor, a mention of its own
    assert ents(en("France's Smart Nation Initiative was launched in 2014.")) == [
        ("France", "Country", "country/fr"), ("Smart Nation Initiative", "Policy", "")]


def test_an_english_name_ends_at_its_last_kind_word(en):
    assert ("AI Regulation Bill", "Policy", "") in ents(en("France is considering a new AI Regulation Bill."))
    assert ("Chips Package", "Policy", "") in ents(en("The Chips Package funds new fabs."))


@pytest.mark.parametrize(("text", "name"), [
    ("The programme, called Chip Nusantara, will start in 2026.", "Chip Nusantara"),  # over a known word (chips)
    ("Indonesia launched a fund named Garuda Seed in 2025.", "Garuda Seed"),
    ("The plan, known as the Digital Sky 2030, sets targets.", "Digital Sky 2030"),
])
def test_an_english_policy_the_text_names_by_calling_it(en, text, name):
    assert (name, "Policy", "") in ents(en(text))


def test_calling_needs_a_name(en):
    assert [e for e in en("A project called for more data, and a plan named after him.").ents if e.label_ == "Policy"] == []


def test_common_words_are_not_organisations(ko):
    assert ents(ko("정부는 내부 검토를 거쳐 일부 과제를 신청하였다.")) == []
    # but a name may end like one: 혁신청 is not 신청
    assert ("국가연구혁신청", "Agency", "") in ents(ko("국가연구혁신청(BRIN)이 주관한다."))
    # and 안전부 is not 전부 ("all"), which stays no name
    assert ("행정안전부", "Agency", "") in ents(ko("행정안전부가 주관하는 사업이다."))
    assert ents(ko("수출 물량 전부가 늘었다.")) == []


def test_known_name_wins_over_the_cue(ko):
    doc = ko("「인공지능 기본법」은 과학기술정보통신부가 주관한다.")
    assert ("인공지능 기본법", "Policy", "policy/kr-ai-basic-act") in ents(doc)
    assert ("과학기술정보통신부", "Agency", "agency/kr-msit") in ents(doc)


@pytest.mark.parametrize(("lang", "text"), [("ko", "이 문서는 ‘이니셔티브’를 13개 과제로 구체화했다."),
                                            ("en", "The document turns the \"Initiative\" into 13 tasks.")])
def test_a_quoted_word_for_a_kind_of_policy_is_no_new_name(ko, en, lang, text):
    doc = (ko if lang == "ko" else en)(text)
    assert not [e for e in doc.ents if e.label_ == "Policy"]


@pytest.mark.parametrize(("lang", "text", "countries"), [
    # a country's dollar is a currency, not the country
    ("ko", "대만은 40억 대만달러를 투입한다.", ["대만"]),
    ("ko", "캐나다는 20억 캐나다 달러를 배정했다.", ["캐나다"]),
    ("en", "Taiwan will spend 40 billion Taiwan dollars.", ["Taiwan"]),
    # a Korean ending spelt like a country's name: "“컴퓨팅 자원”이란" (이+란, "what is called"), not Iran
    ("ko", "“컴퓨팅 자원”이란 GPU를 말한다. 이란은 GPU를 수입한다.", ["이란"]),
])
def test_words_that_only_look_like_a_country(lang, text, countries):
    from .small_kb import more_names

    extra = [{"label": "Country", "pattern": n, "id": i} for n, i in
             (("대만", "country/tw"), ("Taiwan", "country/tw"), ("이란", "country/ir"), ("Iran", "country/ir"))]
    with more_names(lang, extra) as nlp:
        doc = nlp(text)
    assert [e.text for e in doc.ents if e.label_ == "Country"] == countries


def test_an_english_compound_of_the_stack_matches_with_hyphens(en):
    doc = en("Japan will expand its data-centres and data centres.")
    assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Resource"] == [
        ("data-centres", "resource/datacentre"), ("data centres", "resource/datacentre")]


@pytest.mark.parametrize(("lang", "text", "policy"), [
    # a name and another name of it in brackets: one policy announced, not two
    ("ko", "캐나다는 「범캐나다 AI 전략(Pan-Canadian AI Strategy)」을 발표했다.", "범캐나다 AI 전략"),
    ("en", "Canada announced the Pan-Canadian AI Strategy (PCAIS Plan).", "Pan-Canadian AI Strategy"),
])
def test_a_name_and_another_name_of_it_in_brackets_give_one_fact(ko, en, lang, text, policy):
    doc = (ko if lang == "ko" else en)(text)
    assert len([e for e in doc.ents if e.label_ == "Policy"]) == 2  # both are mentions
    assert [(f.subject.id, f.object.text) for f in doc._.facts if f.relation == "hasPolicy"] == [("country/ca", policy)]


def test_another_countrys_abbreviation_in_brackets_is_not_its_body(ko):
    from .small_kb import more_names

    extra = [{"label": "Agency", "pattern": "MOST", "id": "agency/cn-most", "owner": "country/cn"},
             {"label": "Country", "pattern": "베트남", "id": "country/vn"}]
    with more_names("ko", extra) as nlp:
        doc = nlp("베트남 과학기술부(MOST)는 「국가 AI 발전 전략 2030」을 발표하였다. 중국 과학기술부(MOST)도 계획을 냈다.")
    assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Agency"] == [
        ("베트남 과학기술부", ""), ("MOST", ""), ("중국 과학기술부", ""), ("MOST", "agency/cn-most")]
    assert "country/cn" not in {f.subject.id for f in doc._.facts}
    assert [f.object.text for f in doc._.facts if f.relation == "runBy"] == ["베트남 과학기술부"]


def test_coordination_runs_past_another_name_in_brackets(ko):
    doc = ko("일본은 반도체(칩)와 클라우드에 의존한다.")
    assert sorted(f.object.id for f in doc._.facts if f.relation == "dependsOn") == ["resource/ai-chip", "resource/cloud"]


@pytest.mark.parametrize(("text", "name", "label"), [
    # more heads of English organisation names; the country inside is part of the name
    ("The Digital Research Alliance of Canada will operate the supercomputer.",
     "Digital Research Alliance of Canada", "Organisation"),
    ("The Parliament of Australia passed the bill.", "Parliament of Australia", "Agency"),
    ("The Executive Yuan approved the plan.", "Executive Yuan", "Agency"),
    # a rule is a regulation's name
    ("The Foreign Direct Product Rule applies to chips.", "Foreign Direct Product Rule", "Policy"),
    # a version number or a year ends a policy's name
    ("Singapore launched the National AI Strategy 2.0 in 2023.", "National AI Strategy 2.0", "Policy"),
    ("Australia passed the National AI Capability Fund Act 2026.", "National AI Capability Fund Act 2026", "Policy"),
])
def test_more_english_names_and_their_ends(en, text, name, label):
    doc = en(text)
    assert (name, label) in [(e.text, e.label_) for e in doc.ents]
    assert "Country" not in {e.label_ for e in doc.ents if e.start_char >= doc.text.index(name)
                             and e.end_char <= doc.text.index(name) + len(name)}


def test_a_number_after_a_policy_name_that_counts_something_is_no_version(en):
    doc = en("The AI Basic Act 2.5 million budget was cut.")
    assert "AI Basic Act" in [e.text for e in doc.ents]


def test_a_company_the_text_introduces_is_a_new_company_name_for_the_rest_of_the_document(en):
    from ingest.extract import extract

    from .small_kb import PATTERNS

    raw = ("G42, the Abu Dhabi-based technology group, launched a sovereign cloud.\n\n"
           "The region is operated by Core42, G42’s cloud and compute subsidiary.\n\n"
           "The Indian start-up Sarvam released a model.\n\n"
           "G42 relies on Nvidia GPUs, and Sarvam relies on cloud.\n")
    ex = extract("t", raw, "h", PATTERNS, use_model=False)
    companies = [(m.line, m.text) for m in ex.mentions if m.type == "Company" and not m.id]
    assert companies == [(1, "G42"), (3, "Core42"), (3, "G42"), (5, "Sarvam"), (7, "G42"), (7, "Sarvam")]
    assert {(f["subject"]["text"], f["object"]["id"]) for f in ex.facts if f["relation"] == "dependsOn"} == {
        ("G42", "resource/gpu"), ("Sarvam", "resource/cloud")}
    # another document does not know them
    other = extract("u", "G42 relies on Nvidia GPUs.\n", "h2", PATTERNS, use_model=False)
    assert not [m for m in other.mentions if m.text == "G42"]


@pytest.mark.parametrize("text", [
    "Germany, the largest market in Europe, relies on US cloud.",  # a description of a known name
    "The startup said it would expand.",  # no name after the word
    "Partners include Cohere, Mistral, the French start-up, and others.",  # a list: whose description?
])
def test_no_company_name_without_one_introduced(en, text):
    assert not [e for e in en(text).ents if e.label_ == "Company" and not e.kb_id_]


@pytest.mark.parametrize(("text", "expected"), [
    # a one-word name of a body inside a longer capitalised name is not that body
    ("The Union Cabinet approved the mission.", [("Union Cabinet", "")]),
    ("The Japanese Cabinet approved the plan.", [("Japanese Cabinet", "")]),
    ("The Cabinet approved the plan.", [("Cabinet", "agency/uk-cabinet")]),
    # a company's name with its suffix shortened
    ("Japan relies on Taiwan Semiconductor Manufacturing Co. for chips.",
     [("Taiwan Semiconductor Manufacturing Co.", "company/tsmc")]),
])
def test_names_of_bodies_inside_longer_names_and_short_company_suffixes(text, expected):
    from .small_kb import more_names

    extra = [{"label": "Agency", "pattern": "Cabinet", "id": "agency/uk-cabinet"},
             {"label": "Company", "pattern": "Taiwan Semiconductor Manufacturing Company", "id": "company/tsmc"}]
    with more_names("en", extra) as nlp:
        doc = nlp(text)
    assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ in ("Agency", "Company")] == expected


@pytest.mark.parametrize(("lang", "text", "procurement"), [
    ("ko", "일본은 핵심 부품의 해외 조달 의존을 줄이고 있다.", False),
    ("en", "Japan is reducing its reliance on overseas procurement of core components.", False),
    ("ko", "EU는 공공 조달 기준을 강화하고, 조달을 통해 자국 클라우드를 우대한다.", True),
    ("en", "The EU strengthens procurement to favour European cloud.", True),
])
def test_procurement_from_abroad_is_sourcing_not_public_procurement(lang, text, procurement):
    from .small_kb import more_names

    extra = [{"label": "Resource", "pattern": n, "id": "resource/procurement"}
             for n in ("조달", "공공 조달", "procurement", "public procurement")]
    with more_names(lang, extra) as nlp:
        doc = nlp(text)
    assert ("resource/procurement" in {e.kb_id_ for e in doc.ents}) is procurement
    assert ("resource/procurement" in {f.object.id for f in doc._.facts if f.object}) is procurement


@pytest.mark.parametrize(("text", "names"), [
    ("European providers such as OVHcloud and STACKIT still rely on Nvidia GPUs.", ["OVHcloud", "STACKIT"]),
    ("Domestic chipmakers, including DeepX, Mobilint and Rebellions, supply chips.", ["DeepX", "Mobilint", "Rebellions"]),
])
def test_english_examples_of_a_kind_of_business_are_companies(en, text, names):
    doc = last_doc(en, ("body", text))
    assert [e.text for e in doc.ents if e.label_ == "Company" and e.text not in ("Nvidia",)] == names


def test_english_examples_of_other_things_are_no_companies(en):
    doc = last_doc(en, ("body", "Countries such as Germany and Italy rely on Nvidia GPUs."))
    assert not [e for e in doc.ents if e.label_ == "Company" and e.text != "Nvidia"]


@pytest.mark.parametrize(("text", "name"), [
    ("Japan will double its compute under a roadmap, “Compute for a Sovereign Japan”, published today.",
     "Compute for a Sovereign Japan"),
    ('The ministry oversees the "East Data, West Computing" programme.', "East Data, West Computing"),
])
def test_an_english_quoted_name_that_a_kind_word_names_is_a_policy(en, text, name):
    doc = last_doc(en, ("body", text))
    assert [e.text for e in doc.ents if e.label_ == "Policy"] == [name]


@pytest.mark.parametrize("text", [
    'The "sovereignty by procurement" model is popular.',  # not a title
    'The programme is "A Step Forward" for Korea.',  # no kind word next to it
])
def test_other_english_quotes_are_no_policy(en, text):
    doc = last_doc(en, ("body", text))
    assert not [e for e in doc.ents if e.label_ == "Policy"]


def test_an_english_acronym_of_the_stack_matches_its_plural(en):
    from .small_kb import more_names

    extra = [{"label": "Resource", "pattern": "NPU", "id": "resource/ai-chip"},
             {"label": "Resource", "pattern": "AI accelerator", "id": "resource/ai-chip"}]
    with more_names("en", extra) as nlp:
        doc = last_doc(nlp, ("body", "Korea deploys domestic NPUs and AI accelerators."))
    assert [e.text for e in doc.ents if e.kb_id_ == "resource/ai-chip"] == ["NPUs", "AI accelerators"]


def test_a_preposition_opening_the_sentence_is_not_part_of_an_english_policy_name(en):
    doc = last_doc(en, ("body", "Under the Chip Industry Base Strengthening Framework, Japan funds chips."))
    assert [e.text for e in doc.ents if e.label_ == "Policy"] == ["Chip Industry Base Strengthening Framework"]


@pytest.mark.parametrize(("text", "expected"), [
    # a Latin name in brackets after a body's name is another name of it, with its id
    ("과학기술정보통신부(MSITK)는 GPU를 확충한다.", [("과학기술정보통신부", "Agency", "agency/kr-msit"),
                                              ("MSITK", "Agency", "agency/kr-msit")]),
    ("캐나다 혁신과학부(ISED)는 GPU를 확충한다.", [("캐나다 혁신과학부", "Agency", ""), ("ISED", "Agency", "")]),
    # not after a term: the bracket explains it
    ("한국은 클라우드(Cloud Computing)를 확충한다.", [("한국", "Country", "country/kr")]),
])
def test_a_latin_name_in_brackets_after_a_body_is_another_name_of_it(ko, text, expected):
    assert [x for x in ents(last_doc(ko, ("body", text))) if x[1] != "Resource"] == expected


def test_a_new_body_named_in_brackets_acts_for_the_country_its_other_name_opens_with(ko):
    # (the bracketed name is the subject here: its country is that of the name before it)
    doc = last_doc(ko, ("body", "캐나다 혁신과학부(ISED)는 「AI 컴퓨트 전략」을 발표했다."))
    assert facts(doc, "hasPolicy") == [("hasPolicy", "country/ca", "")]


@pytest.mark.parametrize(("text", "names"), [
    ("국영 통신사 텔콤(Telkom)과 IT 기업 FPT가 참여한다.", ["텔콤", "Telkom", "FPT"]),
    ("타타 일렉트로닉스(Tata Electronics)는 팹을 짓고 있다.", ["타타 일렉트로닉스", "Tata Electronics"]),
    ("정부는 사르밤(Sarvam)·요타(Yotta) 등 스타트업 4곳을 선정했다.", ["사르밤", "Sarvam", "요타", "Yotta"]),
    # and the same names again, with particles
    ("국영 통신사 텔콤(Telkom)이 참여한다. 텔콤은 GPU를 도입한다.", ["텔콤", "Telkom", "텔콤"]),
])
def test_korean_companies_by_what_the_text_calls_them(ko, text, names):
    assert [e.text for e in last_doc(ko, ("body", text)).ents if e.label_ == "Company"] == names


@pytest.mark.parametrize("text", [
    "소버린 AI(Sovereign AI)와 생성형 AI(Generative AI)를 강화한다.",  # terms, not companies
    "하노이(Hanoi)와 호찌민에 데이터센터를 짓는다.",  # a place
])
def test_korean_terms_and_places_in_brackets_are_no_companies(ko, text):
    assert not [e for e in last_doc(ko, ("body", text)).ents if e.label_ == "Company"]


def test_an_english_body_named_after_whose_it_is(en):
    doc = last_doc(en, ("body", "Korea's Infocomm Media Development Authority (IMDA) runs the AI Basic Act."))
    assert [(e.text, e.label_) for e in doc.ents if e.label_ != "Policy"] == [
        ("Korea", "Country"), ("Infocomm Media Development Authority", "Agency"), ("IMDA", "Agency")]


@pytest.mark.parametrize("text", [
    "It is run by GENCI, the national high-performance computing agency. GENCI also buys GPUs.",
    "It is run by GENCI, an independent business division of the ministry. GENCI also buys GPUs.",
])
def test_an_english_body_by_what_the_text_calls_it(en, text):
    doc = last_doc(en, ("body", text))
    assert [(e.text, e.label_) for e in doc.ents if e.text == "GENCI"] == [("GENCI", "Agency"), ("GENCI", "Agency")]


@pytest.mark.parametrize(("text", "name"), [
    ("The National GPU Authority is established.", "National GPU Authority"),
    ("A new Next-Generation GPU Investment Office runs it.", "Next-Generation GPU Investment Office"),
])
def test_an_english_body_named_around_a_layer_or_resource_is_one_name(en, text, name):
    assert [(e.text, e.label_) for e in last_doc(en, ("body", text)).ents] == [(name, "Agency")]


@pytest.mark.parametrize(("lang", "first", "then", "alias", "full"), [
    ("en", "It signed with the Ministry of Electronics and Information Technology (MeitY).",
     "The Cloud First Programme is run by MeitY in India.", "MeitY", "Ministry of Electronics and Information Technology"),
    ("ko", "정보통신산업진흥원(NIPA)이 참여한다.", "「클라우드 혁신 사업」은 NIPA가 주관한다.", "NIPA", "정보통신산업진흥원"),
])
def test_a_new_name_in_brackets_after_a_body_names_it_for_the_rest_of_the_document(ko, en, lang, first, then,
                                                                                    alias, full):
    doc = last_doc(nlp_for(lang, ko, en), ("body", first), ("body", then))
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "Agency"] == [(alias, "Agency")]
    # a fact names the body by the name the abbreviation stands for: one entity, not two
    assert [f.object.text for f in doc._.facts if f.relation == "runBy"] == [full]


@pytest.mark.parametrize(("text", "name", "label"), [
    ("Researchers at the Ada Lovelace Institute said so.", "Ada Lovelace Institute", "Organisation"),
    ("The Canadian AI Safety Institute tests models.", "Canadian AI Safety Institute", "Agency"),
    ("The National Computing Institute buys GPUs.", "National Computing Institute", "Agency"),
])
def test_an_english_institute_is_the_state_s_only_when_its_name_says_so(en, text, name, label):
    assert (name, label) in [(e.text, e.label_) for e in last_doc(en, ("body", text)).ents]


@pytest.mark.parametrize("text", ["한국은 태국어 데이터를 모은다.", "한국은 중국형 모델을 만든다.", "한국은 미국계 기업을 유치한다."])
def test_a_korean_country_s_language_or_style_is_no_country(ko, text):
    assert [e.text for e in last_doc(ko, ("body", text)).ents if e.label_ == "Country"] == ["한국"]


def test_a_korean_law_title_with_and_and_its_short_title(ko):
    doc = last_doc(ko, ("body", "인공지능 컴퓨팅 기반 확충 및 이용 촉진에 관한 법률 (약칭: AI컴퓨팅법)"))
    assert [e.text for e in doc.ents if e.label_ == "Policy"] == ["인공지능 컴퓨팅 기반 확충 및 이용 촉진에 관한 법률",
                                                                 "AI컴퓨팅법"]


@pytest.mark.parametrize(("text", "names"), [
    ("태국 국영 통신사 NT(National Telecom)가 전력을 맡는다.", ["NT", "National Telecom"]),
    ("김정훈 한국외대 국제학부 교수", []),  # a university's department, no body
])
def test_korean_names_without_the_word_for_their_kind(ko, text, names):
    assert [e.text for e in last_doc(ko, ("body", text)).ents if e.label_ in ("Company", "Agency")] == names


@pytest.mark.parametrize("text", ["The Office of Canada's Chief Scientist said so.",
                                  "The Council for Canada’s Digital Future met."])
def test_a_possessive_after_an_english_body_s_head_is_read_without_error(en, text):
    # (it used to stop the whole document: the possessive was stripped with the head before it)
    assert ("Canada", "Country") in [(e.text, e.label_) for e in last_doc(en, ("body", text)).ents]
