"""Who a fact is about: subjects named in the sentence (Korean particles, relative clauses, lists,
English adverbials and prepositions) and the subjects a sentence leaves out (the running topic,
section headings, table rows, "정부는" / "the government"), on the small gazetteer of
tests/small_kb.py."""

from __future__ import annotations

import pytest

from .small_kb import facts, last_doc, more_names, nlp_for


def test_an_english_demonym_names_the_subject(en):
    doc = en("The Korean government is expanding GPUs and data centres with Nvidia.")
    assert ("strengthens", "country/kr", "resource/gpu") in facts(doc)
    assert ("strengthens", "country/kr", "resource/datacentre") in facts(doc)


@pytest.mark.parametrize(("text", "subject"), [
    ("Tokyo's dependence on Nvidia for GPUs is growing.", "country/jp"),
    ("Paris has strengthened its data centres.", "country/fr"),
])
def test_an_english_capital_opening_a_sentence_stands_for_its_country(en, text, subject):
    doc = last_doc(en, ("body", "Korea acts."), ("body", text))
    assert [f[1] for f in facts(doc) if f[0] in ("dependsOn", "strengthens")] == [subject]


@pytest.mark.parametrize("text", [
    "The Minister reports on Canada's dependence on foreign suppliers of cloud services.",
    # (presupposed whatever governs it: a duty, a plan)
    "The Authority must advise the Minister on Canada's growing dependence on foreign cloud services.",
    "The Minister could reduce Canada's reliance on foreign cloud services.",
])
def test_the_owner_of_an_english_dependence_depends(en, text):
    assert facts(last_doc(en, ("body", text)), "dependsOn") == [("dependsOn", "country/ca", "resource/cloud")]


@pytest.mark.parametrize(("text", "subject"), [
    # a capital opening a later clause, after ", and" or "while", or before an aside
    ("The United States tightened its rules, and Beijing has responded by pursuing self-reliance in chips.",
     "country/cn"),
    ("Korea is expanding GPUs, while Paris has strengthened its data centres.", "country/fr"),
    ("Tokyo, for its part, continues to rely on cloud from the United States.", "country/jp"),
])
def test_an_english_capital_opening_a_clause_stands_for_its_country(en, text, subject):
    doc = last_doc(en, ("body", "Korea acts."), ("body", text))
    assert subject in [f[1] for f in facts(doc) if f[0] in ("dependsOn", "strengthens", "controls")]
    assert not [e for e in doc.ents if e.text in ("Beijing", "Paris", "Tokyo")]  # no country's name


def test_a_capital_that_names_something_else_is_not_its_country(en):
    doc = last_doc(en, ("body", "Korea acts."), ("body", "Paris Saint-Germain strengthens its data centres."))
    assert [f[1] for f in facts(doc)] == ["country/kr"]


def test_a_numbered_line_opening_with_an_actor_is_about_it(ko):
    # Kiwi tags the list number "3)" SB: it is no word of the sentence, and 일본 opens the line
    doc = last_doc(ko, ("body", "중국은 반도체를 강화한다."), ("body", "3) 일본: 미국 주도 생태계에 대한 접근권 강화와 데이터센터 확충"))
    assert ("strengthens", "country/jp", "resource/datacentre") in facts(doc)
    assert not [f for f in facts(doc) if f[1] == "country/cn"]


@pytest.mark.parametrize("text", [
    "엔비디아·화웨이 등 반도체 기업들은 데이터센터를 확충한다.",  # the list ends with the kind of actor
    "엔비디아와 화웨이 같은 기업이 데이터센터를 확충한다.",
    "엔비디아와 화웨이는 데이터센터를 확충한다.",
])
def test_coordinated_korean_subjects_each_have_the_fact(ko, text):
    assert sorted(facts(ko(text), "strengthens")) == [("strengthens", "company/huawei", "resource/datacentre"),
                                                      ("strengthens", "company/nvidia", "resource/datacentre")]


@pytest.mark.parametrize("text", [
    "Seminars featuring companies such as Nvidia and Huawei are enhancing data centres.",
    "Seminars among companies including Nvidia and Huawei are enhancing data centres.",
])
def test_an_english_example_or_prepositional_actor_is_not_the_subject(en, text):
    # the examples (and the actors listed with them) are not who enhances: the running topic is
    doc = last_doc(en, ("body", "Japan acts."), ("body", text))
    assert facts(doc, "strengthens") == [("strengthens", "country/jp", "resource/datacentre")]


def test_an_english_sentence_opening_with_whereas_has_the_main_clauses_subject(en):
    doc = en("Whereas Japan has focused on chips, France is increasing its control over data centres.")
    assert facts(doc, "controls") == [("controls", "country/fr", "resource/datacentre")]


@pytest.mark.parametrize(("text", "subject"), [
    # a trigger inside the opening clause has that clause's subject
    ("As Japan has expanded its control over data centres, France is increasing its budget.", "country/jp"),
    ("As the United States increases control over data centres, France is increasing its budget.", "country/us"),
    ("Whereas France has increased its control over data centres, Japan has focused on budgets.", "country/fr"),
    # not a subject there: the main clause's
    ("Since 2020 Japan has increased its control over data centres.", "country/jp"),
    ("As a hegemon, France is increasing its control over data centres.", "country/fr"),
])
def test_an_english_trigger_in_an_opening_clause(en, text, subject):
    doc = last_doc(en, ("body", "Korea acts."), ("body", text))
    assert facts(doc, "controls") == [("controls", subject, "resource/datacentre")]


def test_an_english_pronoun_subject_is_whom_the_text_is_about(en):
    doc = last_doc(en, ("body", "Japan acts."),
                   ("body", "In June 2026, it said a deal with Huawei, Nvidia's rival, reduces its dependence on cloud."))
    assert facts(doc, "dependsOn") == [("dependsOn", "country/jp", "resource/cloud")]


@pytest.mark.parametrize(("lang", "before", "then"), [
    ("ko", "과학기술정보통신부는 예산을 늘렸다.", "또한 「인공지능 기본법」을 시행한다."),
    ("en", "The Ministry of Science and ICT raised its budget.", "It also implements the AI Basic Act."),
])
def test_a_government_body_the_text_is_about_acts_for_its_country(ko, en, lang, before, then):
    doc = last_doc(nlp_for(lang, ko, en), ("body", before), ("body", then))
    assert [(f.relation, f.subject.id, f.object.id) for f in doc._.facts] == [
        ("hasPolicy", "country/kr", "policy/kr-ai-basic-act")]


@pytest.mark.parametrize(("before", "then"), [
    # a fronted "Unlike X," is not what the sentence is about; "Meanwhile, X …" is
    ("Japan acts.", "Unlike France, it is expanding data centres."),
    ("France acts.", "Meanwhile, Japan announced new chips. It is expanding data centres."),
    # an actor opening the sentence before an aside; the subject of an opening clause the main
    # clause's pronoun stands for
    ("France acts.", "Japan, by contrast, announced new chips. It is expanding data centres."),
    ("France acts.", "First, although Japan does not name it so, it pursues a plan. It is expanding data centres."),
])
def test_the_english_topic_is_the_main_clauses(en, before, then):
    doc = last_doc(en, ("body", before), ("body", then))
    assert facts(doc, "strengthens") == [("strengthens", "country/jp", "resource/datacentre")]


def test_a_trigger_in_an_english_relative_clause_has_no_subject_before_it(en):
    # "which was unveiled" has the programme for its subject, not the ministry of the main clause
    doc = en("The Ministry of Science and ICT will run a new programme, which was unveiled alongside the AI Basic Act.")
    assert [(f.relation, f.object.id) for f in doc._.facts if f.relation in ("hasPolicy", "runBy")] == []
    # an actor before "which" is the clause's subject; the main clause after it has its own
    doc = last_doc(en, ("body", "France acts."), ("body", "Japan, which relies on cloud, is expanding data centres."))
    assert facts(doc) == [("dependsOn", "country/jp", "resource/cloud"),
                          ("strengthens", "country/jp", "resource/datacentre")]


def test_the_subject_of_a_relative_clause_is_not_the_sentences(ko):
    # Nvidia developed the GPUs; who strengthens the data centres is the running topic, Japan
    doc = last_doc(ko, ("body", "일본은 반도체를 강화한다."), ("body", "엔비디아가 개발한 GPU를 도입하여 데이터센터를 강화한다."))
    assert facts(doc, "strengthens") == [("strengthens", "country/jp", "resource/datacentre")]


@pytest.mark.parametrize(("lang", "before", "then", "expected"), [
    # "the government" of the country the text is about, of the ministry named before ...
    ("ko", "일본은 반도체를 강화한다.", "정부는 데이터센터를 강화한다.", "country/jp"),
    ("en", "Japan acts.", "The government is expanding data centres.", "country/jp"),
    ("en", "The Ministry of Science and ICT acts.", "The government is expanding data centres.", "country/kr"),
    # ... never the company the text was about: in Korean writing, "정부" is then Korea's
    ("ko", "엔비디아는 GPU를 공급한다.", "정부는 데이터센터를 강화한다.", "country/kr"),
    # "우리 정부" is Korea's whatever the text was about
    ("ko", "일본은 반도체를 강화한다.", "우리 정부는 데이터센터를 강화한다.", "country/kr"),
    ("en", "Nvidia supplies GPUs.", "The government is expanding data centres.", None),
])
def test_the_government_is_the_country_the_text_is_about(ko, en, lang, before, then, expected):
    doc = last_doc(nlp_for(lang, ko, en), ("body", before), ("body", then))
    assert facts(doc, "strengthens") == ([("strengthens", expected, "resource/datacentre")] if expected else [])


def test_topics_come_from_the_text_not_tables_and_restart_at_headings(ko):
    def run(*segments):
        return facts(last_doc(ko, *segments))

    last = ("body", "클라우드 확충에 집중한다.")
    assert run(("body", "일본은 전략을 세웠다."), last) == [("strengthens", "country/jp", "resource/cloud")]
    assert run(("body", "일본은 전략을 세웠다."), ("table", "화웨이는 칩을 만든다."), last) == [
        ("strengthens", "country/jp", "resource/cloud")]
    assert run(("body", "일본은 전략을 세웠다."), ("heading", "3. 기술 동향"), last) == []


def _subjects(nlp, *segments) -> list:
    return [(f.subject.id, f.rule) for f in last_doc(nlp, *segments)._.facts]


def test_a_section_heading_names_the_subject_until_a_heading_of_its_level(ko):
    def subjects(*segments) -> list:
        return _subjects(ko, *segments)

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
    # but an organisation named since then does not displace the country the section is about
    assert subjects(("heading", "1. 프랑스의 AI 정책 동향"), ("body", "엔비디아는 전략을 세웠다."), body) == [
        ("country/fr", "strengthens.ko.trigger+section")]
    # a company is the topic of its own paragraph only; a country runs on over paragraphs
    assert subjects(("heading", "1. AI 정책 동향"), ("body", "엔비디아는 전략을 세웠다. 데이터센터 확충에 집중한다.")) == [
        ("company/nvidia", "strengthens.ko.trigger+topic")]
    assert subjects(("heading", "1. AI 정책 동향"), ("body", "엔비디아는 전략을 세웠다."), body) == []
    assert subjects(("heading", "1. AI 정책 동향"), ("body", "일본은 전략을 세웠다."), body) == [
        ("country/jp", "strengthens.ko.trigger+topic")]



def test_a_heading_names_no_subject_for_an_actor_it_addresses(ko, en):
    body = ("body", "데이터센터 확충에 집중한다.")
    assert _subjects(ko, ("heading", "10. 해외 AI 정책: 한국에 대한 시사점"), body) == []
    assert _subjects(ko, ("heading", "3. 일본과의 협력"), body) == []
    assert _subjects(ko, ("heading", "3. 한국과 일본의 협력: 일본의 전략"), body) == [
        ("country/jp", "strengthens.ko.trigger+section")]
    body_en = ("body", "Expanding data centres is the priority.")
    assert _subjects(en, ("heading", "4. Lessons for Korea"), body_en) == []
    assert [s for s, _ in _subjects(en, ("heading", "4. Japan's AI strategy"), body_en)] == ["country/jp"]


def test_a_table_row_headed_by_an_actor_is_the_subject_of_its_cells(ko):
    table = [("body", "일본은 전략을 세웠다."), ("table", "구분"), ("table", "미국"), ("table", "데이터센터 확충"),
             ("table", "중국"), ("table", "클라우드 확충")]
    assert _subjects(ko, *table[:4]) == [("country/us", "strengthens.ko.trigger+row")]
    assert _subjects(ko, *table) == [("country/cn", "strengthens.ko.trigger+row")]
    # a cell with more than the name is no row header; after the table the text's topic holds again
    assert _subjects(ko, *table[:2], ("table", "미국 주도의 동맹"), ("table", "데이터센터 확충")) == [
        ("country/jp", "strengthens.ko.trigger+topic")]
    assert _subjects(ko, *table, ("body", "반도체 확충에 집중한다.")) == [
        ("country/jp", "strengthens.ko.trigger+topic")]


def test_a_table_whose_columns_are_headed_by_actors_gives_each_cell_its_column_s_actor(ko):
    header = [("table", "구분"), ("table", "미국"), ("table", "중국"), ("table", "일본")]
    row = [("table", "실행 기반"), ("table", "데이터센터 확충"), ("table", "GPU 확충"), ("table", "클라우드 확충")]
    table = [("body", "프랑스는 전략을 세웠다."), *header, *row, *row]
    for k, expected in ((6, "country/us"), (7, "country/cn"), (8, "country/jp"), (10, "country/us"), (12, "country/jp")):
        assert _subjects(ko, *table[:k + 1]) == [(expected, "strengthens.ko.trigger+row")]
    # (a row's label cell speaks of no column's actor; rows headed by actors are read as before)
    assert _subjects(ko, *table[:5], ("table", "데이터센터 확충 계획")) == [("country/fr", "strengthens.ko.trigger+topic")]


def test_an_english_sentence_opening_with_an_adverbial_has_the_main_clauses_subject(en):
    doc = en("In response to export restrictions by the United States and Japan, China is building "
             "self-reliance in semiconductors.")
    assert facts(doc, "controls") == [("controls", "country/cn", "resource/ai-chip")]


@pytest.mark.parametrize(("text", "subjects"), [
    ("과학기술정보통신부는 한국지능정보사회진흥원과 함께 데이터센터를 확충한다.", ["agency/kr-msit", "agency/kr-nia"]),
    ("과학기술정보통신부는 한국지능정보사회진흥원과 협의해 데이터센터를 확충한다.", ["agency/kr-msit"]),
])
def test_korean_who_acts_together_with_the_subject(text, subjects):
    from .small_kb import more_names

    extra = [{"label": "Agency", "pattern": "한국지능정보사회진흥원", "id": "agency/kr-nia", "owner": "country/kr"}]
    with more_names("ko", extra) as nlp:
        got = sorted(s for _, s, _ in facts(nlp(text), "strengthens"))
    assert got == subjects


@pytest.mark.parametrize(("text", "subjects"), [
    ("Japan and Korea both depend on US cloud.", ["country/jp", "country/kr"]),
    ("In 2024, Japan, Korea and China relied on US cloud.", ["country/cn", "country/jp", "country/kr"]),
    # a list in an opening phrase is not the subject
    ("In Japan, Korea and France, China relies on US cloud.", ["country/cn"]),
    ("Japan, unlike Korea and France, relies on US cloud.", ["country/jp"]),
])
def test_english_subjects_listed_before_the_verb(en, text, subjects):
    assert sorted(s for _, s, _ in facts(last_doc(en, ("body", text)), "dependsOn")) == subjects


@pytest.mark.parametrize(("text", "subjects"), [
    ("Chinese firms, including Huawei and Scale AI, continue to rely on Nvidia GPUs.", ["company/huawei", "company/scale-ai"]),
    ("Cloud providers such as Huawei still rely on Nvidia GPUs.", ["company/huawei"]),
    ("Several countries, including Japan and Korea, depend on US cloud.", ["country/jp", "country/kr"]),
])
def test_english_examples_that_a_short_subject_gives_are_who_does_it(en, text, subjects):
    doc = last_doc(en, ("body", "France acts."), ("body", text))
    assert sorted({f[1] for f in facts(doc, "dependsOn")}) == subjects


@pytest.mark.parametrize("text", [
    "France relies on firms such as Nvidia for GPUs.",  # examples of what it relies on
    "In Asia, the strongest of the many firms such as Huawei rely on Nvidia GPUs.",  # no short subject
])
def test_english_examples_in_other_places_are_no_subject(en, text):
    doc = last_doc(en, ("body", "France acts."), ("body", text))
    assert "company/huawei" not in {f[1] for f in facts(doc)}
    assert "company/nvidia" not in {f[1] for f in facts(doc)}


@pytest.mark.parametrize(("text", "subject"), [
    ("Huawei illustrates the point. The Shenzhen-based firm relies on Nvidia for GPUs.", "company/huawei"),
    ("Huawei illustrates the point. The company relies on Nvidia for GPUs.", "company/huawei"),
    # not a company described by its kind: the section's country
    ("Huawei illustrates the point. The government relies on Nvidia for GPUs.", "country/cn"),
])
def test_an_english_company_described_by_its_kind_is_the_one_the_text_is_about(en, text, subject):
    doc = last_doc(en, ("heading", "3. China's chips"), ("body", text))
    assert [f[1] for f in facts(doc, "dependsOn")] == [subject]


@pytest.mark.parametrize(("lang", "first", "then", "expected"), [
    # a document about one country: its government, past a heading that names nobody
    ("ko", ["일본은 반도체를 강화한다."], "정부는 데이터센터를 강화한다.", "country/jp"),
    ("en", ["Japan acts."], "The government is expanding data centres.", "country/jp"),
    # one about several: in Korean writing, Korea's; in English, nobody's
    ("ko", ["일본은 반도체를 강화한다.", "중국은 반도체를 강화한다."], "정부는 데이터센터를 강화한다.", "country/kr"),
    ("en", ["Japan acts.", "China acts."], "The government is expanding data centres.", None),
])
def test_the_government_past_a_heading_is_the_one_country_the_document_is_about(ko, en, lang, first, then, expected):
    segments = [("body", t) for t in first] + [("heading", "3. Infrastructure"), ("body", then)]
    doc = last_doc(nlp_for(lang, ko, en), *segments)
    assert facts(doc, "strengthens") == ([("strengthens", expected, "resource/datacentre")] if expected else [])


@pytest.mark.parametrize("then", [
    "Neither state makes its own GPUs, and both remain dependent on foreign cloud.",
    "Both depend on foreign cloud.",
])
def test_english_both_is_the_pair_a_sentence_before_named(en, then):
    doc = last_doc(en, ("body", "Japan and Korea build data centres."), ("body", then))
    assert sorted(f[1] for f in facts(doc, "dependsOn")) == ["country/jp", "country/kr"]


@pytest.mark.parametrize("then", ["두 나라 모두 클라우드를 미국에 의존한다.", "- 양국은 클라우드를 미국에 의존한다."])
def test_korean_both_is_the_pair_a_sentence_before_named(ko, then):
    doc = last_doc(ko, ("body", "일본과 한국은 데이터센터를 짓는다."), ("body", then))
    assert sorted(f[1] for f in facts(doc, "dependsOn")) == ["country/jp", "country/kr"]


@pytest.mark.parametrize(("lang", "first", "then"), [
    ("en", "Japan, Korea and China build data centres.", "All three lean on foreign cloud."),
    ("en", "Japan, Korea, and China build data centres.", "The three countries depend on foreign cloud."),
    ("ko", "일본, 한국과 중국은 데이터센터를 짓는다.", "세 나라 모두 클라우드를 미국에 의존한다."),
])
def test_all_three_are_the_three_a_sentence_before_listed(ko, en, lang, first, then):
    doc = last_doc(nlp_for(lang, ko, en), ("body", first), ("body", then))
    assert sorted(f[1] for f in facts(doc, "dependsOn")) == ["country/cn", "country/jp", "country/kr"]
    # (as many as it says: "both" is no list of three)
    doc = last_doc(en, ("body", "Japan, Korea and China build data centres."), ("body", "Both depend on foreign cloud."))
    assert not {"country/jp", "country/kr"} <= {f[1] for f in facts(doc, "dependsOn")}


@pytest.mark.parametrize(("lang", "first", "then", "firms"), [
    ("ko", "엔비디아, 화웨이, 스케일AI가 매출을 늘렸다.", "다만 이들 3사 역시 클라우드를 미국에 의존한다.", 3),
    ("ko", "엔비디아·화웨이가 매출을 늘렸다.", "이들 기업은 모두 클라우드를 미국에 의존한다.", 2),
    ("en", "Nvidia and Huawei grew their sales.", "These firms depend on foreign cloud.", 2),
    ("en", "Nvidia, Huawei and Scale AI grew their sales.", "The three providers rely on foreign cloud.", 3),
])
def test_these_firms_are_the_companies_a_sentence_before_listed(en, lang, first, then, firms):
    with more_names("ko", [{"label": "Company", "pattern": "스케일AI", "id": "company/scale-ai"}]) as ko:
        doc = last_doc(nlp_for(lang, ko, en), ("body", first), ("body", then))
        assert sorted(f[1] for f in facts(doc, "dependsOn")) == sorted(
            ["company/nvidia", "company/huawei", "company/scale-ai"][:firms])
        # (as many as it says)
        doc = last_doc(nlp_for(lang, ko, en), ("body", first), ("body", then.replace("3사", "2사").replace("three", "two")))
        assert firms == 2 or not facts(doc, "dependsOn")


def test_a_word_listed_between_two_korean_companies_is_a_company(ko):
    doc = last_doc(ko, ("body", "엔비디아, KT클라우드, 화웨이의 매출이 늘었다."))
    assert [(e.text, e.label_) for e in doc.ents] == [("엔비디아", "Company"), ("KT클라우드", "Company"), ("화웨이", "Company")]


def test_english_both_does_not_reach_back_into_another_document(en):
    last_doc(en, ("body", "Japan and Korea build data centres."))
    doc = last_doc(en, ("body", "France builds data centres."), ("body", "Both depend on foreign cloud."))
    assert not {"country/jp", "country/kr"} & {f[1] for f in facts(doc, "dependsOn")}


def test_a_country_named_as_a_supplier_is_not_the_one_a_new_body_acts_for(en):
    # the body's country is the one the document is about, not the one its sentence relies on
    doc = last_doc(en, ("body", "Japan hosts data centres."),
                   ("body", "The National Compute Office has launched a plan, but relies on Canada for GPUs."))
    assert facts(doc, "dependsOn") == [("dependsOn", "country/jp", "resource/gpu")]
    # nor the one it keeps things out of
    doc = last_doc(en, ("body", "Japan hosts data centres."),
                   ("body", "The Chip Export Rule, run by the Export Control Office, keeps GPUs out of China."))
    assert [f[1] for f in facts(doc, "hasPolicy")] == ["country/jp"]


@pytest.mark.parametrize(("lang", "first", "supposing", "then", "expected"), [
    ("ko", "일본은 데이터센터를 짓는다.", "만약 미국이 규제를 강화한다면 비용이 늘 수 있다.", "클라우드도 확충한다.", "country/jp"),
    ("en", "Japan builds data centres.", "If the United States were to tighten rules, costs would rise.",
     "It also expands its cloud.", "country/jp"),
])
def test_a_supposition_does_not_change_what_the_text_is_about(ko, en, lang, first, supposing, then, expected):
    doc = last_doc(nlp_for(lang, ko, en), ("body", first), ("body", supposing), ("body", then))
    assert [f[1] for f in facts(doc, "strengthens")] == [expected]



@pytest.mark.parametrize("second", ["일본 정부 부처 상당수가", "일본이"])
def test_a_later_korean_clause_s_own_subject_beats_the_topic_of_the_first(ko, second):
    doc = last_doc(ko, ("body", f"화웨이는 2019년 카이로에 데이터센터를 열었고, {second} 지금도 이 클라우드에 기대고 있다."))
    assert facts(doc, "dependsOn") == [("dependsOn", "country/jp", "resource/cloud")]
    # (not a name that only qualifies an object: "…를 열었고, 일본 클라우드에 기대고 있다")
    doc = last_doc(ko, ("body", "화웨이는 2019년 카이로에 데이터센터를 열었고, 일본 클라우드에 기대고 있다."))
    assert [f[1] for f in facts(doc, "dependsOn")] == ["company/huawei"]
