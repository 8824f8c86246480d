"""The relation rules of ingest.relations about the AI stack (depends on, controls, strengthens),
with positive and negative examples in Korean and English, and the facts' provenance, on the small
gazetteer of tests/small_kb.py (policies: tests/test_policy_relations.py; replaces:
tests/test_replaces.py; who the facts are about: tests/test_subjects.py; investments:
tests/test_investments.py)."""

from __future__ import annotations

import pytest

from .small_kb import facts, last_doc, more_names, nlp_for


# ------------------------------------------------------------------ relation rules
def test_a_line_opening_with_a_layer_gives_the_object(ko):
    doc = ko("모델·데이터 계층: 일본은 제조 현장 데이터로 접근권을 강화")
    assert ("strengthens", "country/jp", "layer/model") in facts(doc)
    assert any(f.rule == "strengthens.ko.heading" for f in doc._.facts)


def test_an_english_line_opening_with_a_layer_gives_the_object(en):
    doc = en("Model and data layer: Japan is enhancing access with shop-floor data")
    assert ("strengthens", "country/jp", "layer/model") in facts(doc)
    assert any(f.rule == "strengthens.en.heading" for f in doc._.facts)


def test_an_english_list_ending_in_layers_names_each_layer():
    # "Cloud and data centres layers:" reads as "cloud layer" and "data centres layer" where those are layers
    with more_names("en", [{"label": "Layer", "pattern": "cloud layer", "id": "layer/cloud"}]) as en:
        doc = last_doc(en, ("body", "Japan acts."), ("body", "Cloud and data centres layers: managing external dependence"))
        assert facts(doc, "dependsOn") == [("dependsOn", "country/jp", "layer/cloud"),
                                           ("dependsOn", "country/jp", "resource/datacentre")]
        # so does a list that ends in "layers" anywhere in a sentence
        doc = en("Japan is supplementing the cloud and data centres layers with new chips.")
        assert ("Layer", "layer/cloud") in [(e.label_, e.kb_id_) for e in doc.ents]
        assert ("strengthens", "country/jp", "layer/cloud") in facts(doc, "strengthens")
        # without "layers", cloud is the resource
        assert ("Resource", "resource/cloud") in [(e.label_, e.kb_id_) for e in en("Japan supplements cloud.").ents]


def test_what_is_strengthened_is_not_the_means_but_self_reliance_covers_it(en):
    assert facts(en("Japan is bolstering its operations through cloud services."), "strengthens") == []
    assert ("controls", "country/fr", "resource/datacentre") in facts(
        en("France seeks technological self-reliance by securing data centres."), "controls")


def test_an_english_object_before_the_trigger_is_a_compound(en):
    assert facts(en("France pursues cloud expansion."), "strengthens") == [
        ("strengthens", "country/fr", "resource/cloud")]
    # not what is used to promote, nor the last item of a list before the trigger
    assert facts(en("France uses minimal cloud to promote innovation."), "strengthens") == []
    assert facts(en("France's priorities: open cloud, enhancement of skills."), "strengthens") == []


def test_a_concept_of_another_layer_scheme_is_no_stack_object(ko, en):
    # the seven elements' "AI ecosystem" is a concept, not a layer of the stack or a resource
    assert facts(ko("일본은 AI 생태계와 데이터센터를 강화한다."), "strengthens") == [
        ("strengthens", "country/jp", "resource/datacentre")]
    assert facts(en("Japan strengthens its AI ecosystem and data centres."), "strengthens") == [
        ("strengthens", "country/jp", "resource/datacentre")]


DEPENDS = [
    # a government body's dependence is its state's
    ("ko", "과학기술정보통신부는 해외 GPU 의존도를 낮추겠다고 밝혔다.", ("dependsOn", "country/kr", "resource/gpu")),
    ("en", "The Ministry of Science and ICT relies on Nvidia for GPUs.", ("dependsOn", "country/kr", "resource/gpu")),
    # a long name with its other name in brackets between the trigger and the "for" counts as one word
    ("en", "Japan still relies on Nvidia Corporation of America (Nvidia) for most GPUs.",
     ("dependsOn", "country/jp", "resource/gpu")),
    # the actor in the genitive that opens the phrase of the dependence, not the sentence's topic
    ("ko", "과학기술정보통신부는 한국의 해외 클라우드 의존도를 낮추기 위해 노력한다.", ("dependsOn", "country/kr", "resource/cloud")),
    # a participle clause has the main clause's subject
    ("en", "Japan builds fabs, relying on the US for chips.", ("dependsOn", "country/jp", "resource/ai-chip")),
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
    # what the trigger noun is about: "X 등에 대한 (해외 기술) 의존도"
    ("ko", "중국은 GPU·반도체, 개발 도구, 클라우드 및 생태계 소프트웨어 등에 대한 해외 기술 의존도를 줄인다.",
     ("dependsOn", "country/cn", "resource/cloud")),
    # buying from a seller named
    ("ko", "한국은 GPU를 대부분 미국에서 수입한다.", ("dependsOn", "country/kr", "resource/gpu")),
    # a share of the resource ("GPU 대부분을", "반도체의 상당 부분을") is the resource
    ("ko", "한국은 GPU 대부분을 미국에서 수입한다.", ("dependsOn", "country/kr", "resource/gpu")),
    # 기대다, to lean on
    ("ko", "일본은 클라우드를 미국 기업에 크게 기대고 있다.", ("dependsOn", "country/jp", "resource/cloud")),
    ("ko", "한국은 반도체의 상당 부분을 미국에 의존한다.", ("dependsOn", "country/kr", "resource/ai-chip")),
    ("ko", "일본은 GPU의 절반을 미국에서 들여온다.", ("dependsOn", "country/jp", "resource/gpu")),
    ("ko", "한국은 GPU의 90% 이상을 엔비디아에 의존한다.", ("dependsOn", "country/kr", "resource/gpu")),
    # with no actor as the topic, the one whose thing the sentence opens with
    ("ko", "일본의 데이터센터에 필요한 GPU는 대부분 수입에 의존한다.", ("dependsOn", "country/jp", "resource/gpu")),
    ("ko", "일본은 중국으로부터 반도체를 공급받고 있다.", ("dependsOn", "country/jp", "resource/ai-chip")),
    ("en", "Japan imports most of its GPUs from the United States.", ("dependsOn", "country/jp", "resource/gpu")),
    ("en", "Korea buys GPUs from Nvidia.", ("dependsOn", "country/kr", "resource/gpu")),
    # the verbs' base forms
    ("en", "Korea will continue to source GPUs from Nvidia.", ("dependsOn", "country/kr", "resource/gpu")),
    ("en", "Korea plans to purchase GPUs from Nvidia.", ("dependsOn", "country/kr", "resource/gpu")),
    # exposure to a supply
    ("en", "Japan is heavily exposed to the supply of foreign chips.", ("dependsOn", "country/jp", "resource/ai-chip")),
    # the maker named on what is bought is the seller
    ("en", "Korea signed agreements to buy thousands of Nvidia chips.", ("dependsOn", "country/kr", "resource/ai-chip")),
    ("ko", "한국은 엔비디아 GPU를 대량으로 구매하고 있다.", ("dependsOn", "country/kr", "resource/gpu")),
    # "cannot but depend" is no negation
    ("ko", "한국은 당분간 엔비디아에 GPU를 의존할 수밖에 없다.", ("dependsOn", "country/kr", "resource/gpu")),
    # the head of a compound the name opens, marked as the object
    ("ko", "한국은 반도체 후공정을 외국 기업에 크게 의존해 왔다.", ("dependsOn", "country/kr", "resource/ai-chip")),
    # the thing the sentence is about, across a clause
    ("ko", "한국은 움직인다. 다만 GPU는 자체 생산이 어려워 엔비디아에 의존한다.", ("dependsOn", "country/kr", "resource/gpu")),
    ("en", "Korea imports nearly all of its advanced chips, mainly from the United States.",
     ("dependsOn", "country/kr", "resource/ai-chip")),
    # a second "and on <supplier> for <resource>"
    ("en", "Japan relies on the US for chips and on Nvidia for GPUs.", ("dependsOn", "country/jp", "resource/gpu")),
    ("en", "Japan relies on the United States for chips and on Nvidia's partners for cloud.",
     ("dependsOn", "country/jp", "resource/cloud")),
    # importing is buying from abroad, seller named or not (unlike 수입, which is also income)
    ("en", "Korea imports GPUs.", ("dependsOn", "country/kr", "resource/gpu")),
    # what a self-reliance not achieved is about is what the dependence is on
    ("ko", "한국은 반도체를 자급하지 못하고 있어 미국에 대한 의존이 지속되고 있다.", ("dependsOn", "country/kr", "resource/ai-chip")),
    ("ko", "한국은 고성능 GPU의 국산화율이 낮아 외국 기술에 의존한다.", ("dependsOn", "country/kr", "resource/gpu")),
]
DEPENDS_NEG = [
    ("ko", "일본은 클라우드에 의존하지 않는다."),
    ("ko", "일본은 클라우드에 대한 의존도가 낮다."),
    # buying with no seller named is no dependence (and 수입 is also income)
    ("ko", "한국은 클라우드를 기대한다."),  # (the noun 기대, expectation)
    ("ko", "클라우드 기대효과는 크다."),
    ("ko", "한국은 GPU를 수입한다."),
    ("en", "Korea buys thousands of chips."),  # nobody's make named
    ("en", "Korea builds open-source GPU drivers from Nvidia code."),  # (open source is no sourcing)
    ("ko", "한국의 GPU 수입은 늘었다."),
    ("en", "Japan's reliance on cloud services is limited."),
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


def test_an_english_list_item_may_have_modifiers(en):
    assert facts(en("Japan relies on foreign cloud and imported GPUs."), "dependsOn") == [
        ("dependsOn", "country/jp", "resource/cloud"), ("dependsOn", "country/jp", "resource/gpu")]
    # but a new clause is no list item
    assert facts(en("Japan relies on foreign cloud and wants to buy GPUs."), "dependsOn") == [
        ("dependsOn", "country/jp", "resource/cloud")]


@pytest.mark.parametrize("text", ["일본은 미국의 클라우드에 의존하고 있다.", "일본은 미국 빅테크의 클라우드에 의존하고 있다.",
                                  # (the supplier's cloud, however far the trigger)
                                  "일본은 모델 개발에서는 미국 빅테크의 클라우드에 아주 크게 의존하고 있다."])
def test_depends_on_korean_supplier(ko, text):
    (f,) = ko(text)._.facts
    assert (f.relation, f.predicate, f.subject.id, f.object.id) == ("dependsOn", "dependsOn", "country/jp",
                                                                    "resource/cloud")
    assert f.supplier is not None and f.supplier.id == "country/us"
    assert f.rule == "dependsOn.ko.trigger"


@pytest.mark.parametrize("text", [
    pytest.param("Japan relies on US cloud services."),
    pytest.param("Japan relies on cloud services from the United States."),
    # "depends on <supplier> for <resource>": the resource comes after the supplier
    pytest.param("Japan depends on US providers for more than 70 percent of its cloud and GPUs."),
    # the country an adjective names
    pytest.param("Japan is heavily dependent on American providers for its cloud."),
])
def test_depends_on_english_supplier(en, text):
    sups = [f.supplier.id for f in en(text)._.facts if f.relation == "dependsOn" and f.supplier]
    assert sups == ["country/us"] * len(sups) and sups
    assert ("dependsOn", "country/jp", "resource/cloud") in facts(en(text), "dependsOn")


def test_an_english_purpose_clause_takes_the_main_clause_subject(en):
    # "To reduce its dependence on X, China is …": China is who depends
    doc = last_doc(en, ("body", "To reduce its dependence on US firms for GPUs and cloud, China is building its own."))
    assert facts(doc, "dependsOn") == [("dependsOn", "country/cn", "resource/gpu"),
                                       ("dependsOn", "country/cn", "resource/cloud")]
    # a purpose clause with commas of its own: the last one before the actor closes it
    doc = last_doc(en, ("body", "To reduce its reliance on imports for GPUs that run AI, for chips, and for cloud, "
                                "China is building its own."))
    assert ("dependsOn", "country/cn", "resource/gpu") in facts(doc, "dependsOn")
    # no purpose clause, and no topic yet: nobody to depend
    doc = last_doc(en, ("body", "Dependence on US firms for GPUs remains, and China is building its own."))
    assert facts(doc, "dependsOn") == []


def test_dependence_in_the_supply_of_a_resource(en):
    assert facts(en("Japan's dependence on US firms remains in the supply of GPUs."), "dependsOn") == [
        ("dependsOn", "country/jp", "resource/gpu")]


def test_an_accelerator_is_no_acceleration(en):
    assert facts(en("France designs accelerator chips."), "strengthens") == []
    assert facts(en("France accelerates its data centres."), "strengthens") == [
        ("strengthens", "country/fr", "resource/datacentre")]


def test_depends_for_needs_a_resource_in_the_same_clause(en):
    assert facts(en("Japan relies on US partners for now, while France builds GPUs."), "dependsOn") == []
    assert facts(en("Japan depends on US providers for most of its GPUs and cloud."), "dependsOn") == [
        ("dependsOn", "country/jp", "resource/gpu"), ("dependsOn", "country/jp", "resource/cloud")]


def test_a_conditional_clause_gives_no_object(ko):
    # "한다면" is one token (XSV+EC): its ending still closes the clause the object is in
    doc = ko("만약 일본이 반도체를 자체 개발한다면 엔비디아 의존도는 낮아질 것이다.")
    assert [t.tag_ for t in doc if t.text == "한다면"] == ["XSV+EC"]
    assert facts(doc, "dependsOn") == []


def test_depends_on_coordinated_objects(ko):
    got = facts(ko("일본은 반도체·클라우드에 의존하고 있다."), "dependsOn")
    assert sorted(got) == [("dependsOn", "country/jp", "resource/ai-chip"), ("dependsOn", "country/jp", "resource/cloud")]


@pytest.mark.parametrize("lang, text, objects", [
    # a dependence being reduced that names nothing of the stack: what is built in its place
    ("ko", "일본은 해외 의존도를 낮추고, 반도체·데이터센터를 국내에 구축한다.", ["resource/ai-chip", "resource/datacentre"]),
    ("ko", "일본은 미국에 대한 기술 의존에서 벗어나 GPU를 자체 개발한다.", ["resource/gpu"]),
    ("en", "To reduce its technological dependence on the United States, Japan is building data centres.",
     ["resource/datacentre"]),
    # what is built or secured, not what is found or funded on the way
    ("ko", "일본은 글로벌 의존에서 벗어나 클라우드 기업을 발굴하고 GPU를 국내에서 개발한다.", ["resource/gpu"]),
    ("en", "To reduce its dependence on the United States, Japan is funding cloud start-ups and developing GPUs.",
     ["resource/gpu"]),
    # not reduced: the dependence is on something unnamed, and what is built is something else
    ("ko", "일본은 해외 의존도가 높으며, 데이터센터를 국내에 구축한다.", []),
    ("en", "Japan's dependence on the United States grows, and Japan is building data centres.", []),
    # reduced, but nothing is built after it: not what was built before
    ("ko", "일본은 GPU를 개발하여 해외 의존도를 낮춘다.", []),
])
def test_what_is_built_to_reduce_a_dependence_is_what_it_is_on(ko, en, lang, text, objects):
    doc = last_doc(nlp_for(lang, ko, en), ("body", text))
    assert sorted(o for _, _, o in facts(doc, "dependsOn")) == objects
    assert all(f.rule.endswith("substitute") for f in doc._.facts if f.relation == "dependsOn")


@pytest.mark.parametrize(("text", "objects"), [
    # an English list item may have head nouns after its name ("compute access, talent")
    ("Japan relies on cloud services and GPU supply, chips and data centres.",
     ["resource/ai-chip", "resource/cloud", "resource/datacentre", "resource/gpu"]),
    # not across a function word: what comes after "from the US and" is another phrase
    ("Japan relies on cloud from the US and chips.", ["resource/cloud"]),
])
def test_english_coordination_past_head_nouns(en, text, objects):
    assert sorted(o for _, _, o in facts(en(text), "dependsOn")) == objects


def test_korean_coordination_may_put_nouns_before_the_next_name(ko):
    # "GPU/AI 전용 칩", "클라우드 및 생태계 소프트웨어": nouns after the separator modify the next name
    got = facts(ko("일본은 GPU/AI 전용 반도체, 클라우드 및 대형 데이터센터에 의존한다."), "dependsOn")
    assert sorted(o for _, _, o in got) == ["resource/ai-chip", "resource/cloud", "resource/datacentre", "resource/gpu"]
    # a verb between them is no modifier: the name after it is not in the list
    got = facts(ko("일본은 GPU, 새로 지은 데이터센터에 의존한다."), "dependsOn")
    assert [o for _, _, o in got] == ["resource/datacentre"]


CONTROLS = [
    pytest.param("ko", "중국은 GPU 자립을 추진하고 있다.", ("controls", "country/cn", "resource/gpu")),
    ("ko", "중국은 반도체 자립을 추진하고 있다.", ("controls", "country/cn", "resource/ai-chip")),
    ("ko", "中 정부는 반도체 국산화를 서두르고 있다.", ("controls", "country/cn", "resource/ai-chip")),
    # sovereignty over a resource ("데이터 주권", "클라우드 주권") is control of it
    ("ko", "프랑스는 클라우드 주권 강화를 위해 규제를 도입했다.", ("controls", "country/fr", "resource/cloud")),
    # an actor right before a modifier trigger is its subject when marked as one (not a supplier)
    ("ko", "중국이 독자 반도체 개발을 가속화하자, 미국은 통제를 넘어섰다.", ("controls", "country/cn", "resource/ai-chip")),
    ("en", "China pursues self-reliance in semiconductors.", ("controls", "country/cn", "resource/ai-chip")),
    ("en", "China pursues self-reliance in GPUs.", ("controls", "country/cn", "resource/gpu")),
    ("en", "Japan plans to localise the production of chips.", ("controls", "country/jp", "resource/ai-chip")),
    # owned by the state, or made at home, as a modifier of the resource
    ("en", "Canada will build a publicly owned GPU cluster.", ("controls", "country/ca", "resource/gpu")),
    ("en", "Korea will install domestically designed chips.", ("controls", "country/kr", "resource/ai-chip")),
    # what is needed for something is no recommendation ("AI 개발에 필요한")
    ("ko", "중국은 AI 개발에 필요한 반도체 자립을 추진하고 있다.", ("controls", "country/cn", "resource/ai-chip")),
    ("en", "The report notes that China pursues self-reliance in semiconductors.",
     ("controls", "country/cn", "resource/ai-chip")),
    # a thing secured or made at home (not a modifier alone: "자국 데이터센터")
    ("ko", "일본은 데이터센터를 자국 내에서 확보하고 있다.", ("controls", "country/jp", "resource/datacentre")),
    ("ko", "일본은 반도체 자체를 자국 내에서 확보했다.", ("controls", "country/jp", "resource/ai-chip")),
    ("ko", "일본은 GPU를 국내에서 생산한다.", ("controls", "country/jp", "resource/gpu")),
    ("ko", "일본은 반도체를 자체적으로 갖췄지만 클라우드는 해외 의존도가 높다.", ("controls", "country/jp", "resource/ai-chip")),
    ("ko", "일본은 GPU를 자체적으로 생산한다.", ("controls", "country/jp", "resource/gpu")),
    # the subject of a later clause of contrast
    ("en", "Japan relies on US cloud, whereas China pursues self-reliance in GPUs.", ("controls", "country/cn", "resource/gpu")),
]
@pytest.mark.parametrize(("text", "expected"), [
    # control said of the thing, with the country after it
    ("The new data centres will be owned and controlled in Canada.", ("country/ca", "resource/datacentre")),
    ("Brazil wants its data centres and cloud under Brazilian control.", ("country/br", "resource/datacentre")),
    ("The fund supports GPU clusters under Australian ownership and control.", ("country/au", "resource/gpu")),
    ("The fund finances GPU clusters and data centres that remain under Australian control.",
     ("country/au", "resource/gpu")),
    # where the thing is kept
    ("All data centres funded by the Act must be hosted in Australia.", ("country/au", "resource/datacentre")),
])
def test_english_control_said_of_the_thing(en, text, expected):
    extra = [{"label": "Country", "pattern": n, "id": i} for n, i in (("Brazil", "country/br"), ("Australia", "country/au"))]
    from .small_kb import more_names

    with more_names("en", extra) as nlp:
        got = [(f.subject.id, f.object.id) for f in nlp(text)._.facts if f.relation == "controls"]
    assert expected in got


@pytest.mark.parametrize("text", [
    "중국은 주권 AI 개발을 위해 클라우드를 늘린다.",  # (sovereign AI, a kind of AI)
    "중국은 클라우드 확충과 기술주권을 함께 추진한다.",  # (technology sovereignty at large)
    "중국은 클라우드 주권의 범위가 제한적이다.",
])
def test_sovereignty_that_is_no_control_of_a_resource(ko, text):
    assert facts(ko(text), "controls") == []


def test_english_control_held_by_a_company_is_no_country_s(en):
    assert facts(en("The cloud is controlled by Nvidia."), "controls") == []
    # (nor where a thing is kept without a country: "stored in the cloud", "held in reserve")
    assert facts(en("Japan's GPUs are held in reserve and its data centres stored in Nvidia's cloud."), "controls") == []




@pytest.mark.parametrize(("lang", "text", "expected"), CONTROLS)
def test_controls(ko, en, lang, text, expected):
    got = [(r, s, o, p) for r, s, o, p in
           [(f.relation, f.subject.id, f.object.id, f.predicate) for f in nlp_for(lang, ko, en)(text)._.facts]]
    assert (*expected, "directlyControls") in got


@pytest.mark.parametrize(("text", "asserted"), [
    ("일본은 데이터센터를 자국 내에서 확보하고 있다.", True),
    ("일본은 GPU를 국내에서 생산한다.", True),
    ("일본은 자국 데이터센터를 늘리고 있다.", False),  # a modifier alone: the model may weigh it
    ("일본은 GPU를 국내에서 사용한다.", False),  # used at home, not secured or made there
])
def test_a_thing_secured_at_home_is_control_but_a_modifier_alone_is_not_asserted(ko, text, asserted):
    from ingest.relmodel import modifier_only

    rules = [f.rule for f in ko(text)._.facts if f.relation == "controls"]
    assert any(not modifier_only(r) for r in rules) is asserted


@pytest.mark.parametrize("text", ["Japan places more emphasis on cloud than on self-reliance in chips.",
                                  "Japan, rather than relying on cloud from the United States, builds data centres."])
def test_what_is_compared_with_or_preferred_over_is_no_fact(en, text):
    doc = last_doc(en, ("body", "Japan acts."), ("body", text))
    assert facts(doc, "controls") == [] and facts(doc, "dependsOn") == []


def test_what_a_korean_triggers_phrase_spans_is_its_object(ko):
    # "X, Y를 포괄하는 … 자립": the names the relative clause of spanning ends with
    doc = ko("중국은 반도체, 클라우드를 포괄하는 독자 기술 스택의 자립을 추진한다.")
    assert sorted(o for _, _, o in facts(doc, "controls")) == ["resource/ai-chip", "resource/cloud"]
    # not across a clause boundary
    assert facts(ko("중국은 반도체, 클라우드를 포괄하는 협력을 늘리고, 자립을 추진한다."), "controls") == []


def test_a_self_reliance_achieved_gives_no_dependence(ko):
    doc = ko("한국은 반도체를 자급하고 있어 미국에 대한 의존이 사라졌다.")
    assert facts(doc, "dependsOn") == [] and facts(doc, "controls") == [("controls", "country/kr", "resource/ai-chip")]


def test_lowering_a_dependence_states_it(ko, en):
    # "낮추" (to lower) is no "낮" (low): the dependence is there to be lowered
    assert facts(ko("일본은 클라우드에 대한 의존도를 낮추고 있다."), "dependsOn") == [
        ("dependsOn", "country/jp", "resource/cloud")]
    assert facts(en("Japan seeks to lower its reliance on US cloud services."), "dependsOn") == [
        ("dependsOn", "country/jp", "resource/cloud")]


def test_about_needs_the_noun_right_after(ko):
    # "반도체에 대한 투자를 늘리고 클라우드 의존을 줄인다": the investment is about chips, the dependence is not
    assert facts(ko("한국은 반도체에 대한 투자를 늘리고 클라우드 의존을 줄인다."), "dependsOn") == [
        ("dependsOn", "country/kr", "resource/cloud")]


@pytest.mark.parametrize(("lang", "text"), [
    ("ko", "미국은 중국에 대한 반도체 수출통제를 강화했다."),
    ("ko", "미국은 중국에 대한 반도체 수출 통제를 강화했다."),
    ("en", "The United States tightened export controls on chips to China."),
])
def test_export_controls_are_no_self_reliance(ko, en, lang, text):
    assert facts(nlp_for(lang, ko, en)(text), "controls") == []


def test_self_reliance_is_not_dependence(en):
    assert facts(en("China pursues self-reliance in semiconductors."), "dependsOn") == []


STRENGTHENS = [
    ("ko", "프랑스는 데이터센터를 세 배로 늘린다.", "strengthens", ("country/fr", "resource/datacentre")),
    ("ko", "프랑스는 데이터센터를 확충하고 있다.", "strengthens", ("country/fr", "resource/datacentre")),
    ("ko", "일본은 모델·데이터 계층을 강화하고 있다.", "strengthens", ("country/jp", "layer/model")),
    ("ko", "일본은 클라우드 보안 체계를 보완하고 있다.", "supplements", ("country/jp", "resource/cloud")),
    ("ko", "일본은 데이터센터 구축을 우선 추진한다.", "prioritises", ("country/jp", "resource/datacentre")),
    ("ko", "프랑스는 데이터센터 유치를 추진하고 있다.", "strengthens", ("country/fr", "resource/datacentre")),
    ("ko", "일본은 클라우드 도입을 촉진한다.", "strengthens", ("country/jp", "resource/cloud")),
    ("en", "France is expanding its data centres.", "strengthens", ("country/fr", "resource/datacentre")),
    ("en", "Japan prioritises cloud security.", "prioritises", ("country/jp", "resource/cloud")),
    ("en", "Japan has concentrated on data centres.", "prioritises", ("country/jp", "resource/datacentre")),
    ("en", "Japan has taken a path centred on cloud.", "prioritises", ("country/jp", "resource/cloud")),
    ("en", "Japan gives top priority to chips.", "prioritises", ("country/jp", "resource/ai-chip")),
    ("en", "Korea is strengthening its semiconductors supply chain.", "strengthens", ("country/kr", "resource/ai-chip")),
    ("en", "France is building out data centres at a rapid pace.", "strengthens", ("country/fr", "resource/datacentre")),
    ("en", "Japan is pouring billions into cloud.", "strengthens", ("country/jp", "resource/cloud")),
    ("en", "France is doubling down on GPUs.", "strengthens", ("country/fr", "resource/gpu")),
    ("en", "China has made GPUs its top priority.", "prioritises", ("country/cn", "resource/gpu")),
    # each item of a list, one with a modifier of its own
    ("en", "France is expanding cloud, specialised data centres and GPUs.", "strengthens",
     ("country/fr", "resource/datacentre")),
]
STRENGTHENS_NEG = [
    ("ko", "프랑스는 데이터센터를 늘릴수록 전력 수요가 커진다."),
    ("ko", "프랑스는 데이터센터를 늘리지 않는다."),
    ("ko", "프랑스는 데이터센터를 확충하지 못했다."),
    ("ko", "프랑스는 데이터센터를 확충할 여력이 없다."),
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


@pytest.mark.parametrize("text", [
    "프랑스는 데이터센터 인허가를 최소화함으로써 혁신을 촉진한다.",  # reduced on the way
    "프랑스는 데이터센터 철폐를 통한 혁신 촉진을 추진한다.",
    "프랑스는 데이터센터보다는 민간 자율을 우선시한다.",  # what it is compared with
])
def test_what_is_reduced_or_compared_is_not_strengthened(ko, text):
    assert facts(ko(text), "strengthens") == []
    grown = text.replace("인허가를 최소화함으로써", "확충을 통해").replace("철폐", "확충").replace("보다는", "와")
    assert ("strengthens", "country/fr", "resource/datacentre") in facts(ko(grown), "strengthens")


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
    # (a new document: no country named before, which "the government" could mean)
    assert last_doc(ko, ("body", "정부는 투자를 확대하고 의존을 줄이고 있다."))._.facts == []
    assert last_doc(en, ("body", "The government relies on partners and invests $5 billion."))._.facts == []


def test_building_up_to_an_amount_is_no_build_up(en):
    assert not facts(en("Huawei plans to build up to 2 gigawatts of data centres."), "strengthens")
    assert facts(en("Huawei plans to build up data centres."), "strengthens") == [
        ("strengthens", "company/huawei", "resource/datacentre")]


@pytest.mark.parametrize(("lang", "text"), [
    ("ko", "과학기술정보통신부는 GPU를 국내에서 직접 통제할 계획이다."),
    ("en", "The Ministry of Science and ICT wants domestic control of GPUs."),
])
def test_a_government_body_s_self_reliance_is_its_state_s(ko, en, lang, text):
    found = facts(nlp_for(lang, ko, en)(text), "controls")
    assert found and {f[1] for f in found} == {"country/kr"}
