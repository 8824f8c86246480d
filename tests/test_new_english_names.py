"""English names not in the knowledge base, found by the form of the text (ingest.cues): bodies'
long names, blocs of member states, names inside longer ones, acronyms that run a policy, and policy
names a kind word closes or follows (the other cue patterns: tests/test_new_names.py)."""

from __future__ import annotations

import pytest

from .small_kb import facts, last_doc, more_names


@pytest.mark.parametrize(("text", "name"), [
    ("Kenya's Ministry of Information, Communications and the Digital Economy said so.",
     "Ministry of Information, Communications and the Digital Economy"),
    ("The Ministry for Digital Transformation and the Civil Service said so.",
     "Ministry for Digital Transformation and the Civil Service"),
    ("The Spanish Agency for the Supervision of Artificial Intelligence said so.",
     "Spanish Agency for the Supervision of Artificial Intelligence"),
    ("The Agency for Information & Communications Technology Planning said so.",
     "Agency for Information & Communications Technology Planning"),
])
def test_an_english_body_s_name_runs_past_and_the_and_a_second_of(en, text, name):
    assert (name, "Agency") in [(e.text, e.label_) for e in last_doc(en, ("body", text)).ents]


def test_a_country_ending_a_known_body_s_longer_name_stays_a_country(en):
    doc = last_doc(en, ("body", "The Ministry of Science and ICT of Korea said so."))
    assert [(e.text, e.label_) for e in doc.ents] == [("Ministry of Science and ICT", "Agency"), ("Korea", "Country")]


def test_a_known_body_s_name_inside_a_longer_one_is_part_of_it():
    # the EU's "AI Office" is known; "National AI Office" is another body
    with more_names("en", [{"label": "Agency", "pattern": "AI Office", "id": "agency/eu-ai-office"}]) as en:
        doc = last_doc(en, ("body", "The National AI Office buys GPUs."))
        assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Agency"] == [("National AI Office", "")]
        # (not a heading's number, nor a country: "C. AI Office", "Japan AI Office")
        for text in ("C. AI Office", "The Japan AI Office buys GPUs."):
            doc = last_doc(en, ("body", text))
            assert [e.kb_id_ for e in doc.ents if e.label_ == "Agency"] == ["agency/eu-ai-office"]


@pytest.mark.parametrize(("text", "name"), [
    ("The Association of Southeast Asian Nations met.", "Association of Southeast Asian Nations"),
    ("The Economic Community of West African States met.", "Economic Community of West African States"),
    ("The African Union met.", "African Union"),
])
def test_an_english_body_of_member_states_is_a_bloc(en, text, name):
    assert (name, "Bloc") in [(e.text, e.label_) for e in last_doc(en, ("body", text)).ents]


def test_a_new_bloc_s_name_in_brackets_names_it_in_its_paragraph_and_after(en):
    doc = last_doc(en, ("body", "The Association of Southeast Asian Nations (ASEAN) met. Most ASEAN members rely on "
                                "foreign chips."), ("body", "ASEAN will expand cloud."))
    first = last_doc(en, ("body", "The Association of Southeast Asian Nations (ASEAN) met. Most ASEAN members rely on "
                                  "foreign chips."))
    assert [e.text for e in first.ents if e.label_ == "Bloc"] == ["Association of Southeast Asian Nations", "ASEAN",
                                                                  "ASEAN"]
    assert [e.text for e in doc.ents if e.label_ == "Bloc"] == ["ASEAN"]
    # facts name the bloc by its full name, in the paragraph that introduces it and after
    assert {f.subject.text for f in first._.facts if f.relation == "dependsOn"} == {
        "Association of Southeast Asian Nations"}
    assert {f.subject.text for f in doc._.facts} == {"Association of Southeast Asian Nations"}


@pytest.mark.parametrize(("text", "name"), [
    ("Malaysia published the Sovereign Compute Blueprint.", "Sovereign Compute Blueprint"),
    ("Rwanda signed the Rwanda AI Talent Compact.", "Rwanda AI Talent Compact"),
    ("Norway joined the Framework Convention on Artificial Intelligence.",
     "Framework Convention on Artificial Intelligence"),
    ("Korea runs the K-ASEAN AI Fellowship.", "K-ASEAN AI Fellowship"),
])
def test_more_english_words_end_a_policy_s_name(en, text, name):
    assert (name, "Policy") in [(e.text, e.label_) for e in last_doc(en, ("body", text)).ents]


@pytest.mark.parametrize(("text", "name"), [
    ("Through the Talento IA programme, Spain trains engineers.", "Talento IA"),
    ("The Swiss Government Cloud programme was approved.", "Swiss Government Cloud"),  # (around a known resource)
    ("Canada's Digital Horizons initiative was renewed.", "Digital Horizons"),
    ("Through its Build to Share programme, the office expanded a cloud.", "Build to Share"),
])
def test_a_capitalised_name_a_kind_word_follows_is_a_policy(en, text, name):
    assert [(e.text, e.label_) for e in last_doc(en, ("body", text)).ents if e.label_ == "Policy"] == [(name, "Policy")]


@pytest.mark.parametrize("text", ["The Japanese programme is large.", "The AI programme is large.",
                                  "The United States programme is large."])
def test_an_adjective_or_an_actor_before_a_kind_word_is_no_policy_name(en, text):
    assert [e for e in last_doc(en, ("body", text)).ents if e.label_ == "Policy"] == []


@pytest.mark.parametrize(("text", "names"), [
    ("The Compute Program is administered by ISED.", ["ISED"]),
    ("The Compute Strategy is led by CIFAR. CIFAR reports yearly.", ["CIFAR", "CIFAR"]),
    ("The Compute Mission is overseen jointly by MeitY and NITI.", ["MeitY", "NITI"]),
    ("The Compute Program is run by the US Department of Energy.", []),  # (an acronym opening a longer name)
    ("The Compute Program is led by AI experts.", []),  # (one capital: a word)
])
def test_an_acronym_that_runs_a_policy_is_a_body(en, text, names):
    doc = last_doc(en, ("body", text))
    assert [e.text for e in doc.ents if e._.rule.startswith("cue.en-agency")] == names


def test_a_known_policy_s_name_inside_a_longer_one_is_part_of_it():
    with more_names("en", [{"label": "Policy", "pattern": "AI Fellowship", "id": "policy/eu-ai-fellowship"}]) as en:
        doc = last_doc(en, ("body", "Korea runs the K-ASEAN AI Fellowship."))
        assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Policy"] == [("K-ASEAN AI Fellowship", "")]
        # (not lowercase words before it, nor another sentence's)
        for text in ("Participants in the AI Fellowship met.", "It was run by NIPA. The AI Fellowship grew."):
            doc = last_doc(en, ("body", text))
            assert [e.kb_id_ for e in doc.ents if e.label_ == "Policy"] == ["policy/eu-ai-fellowship"]


@pytest.mark.parametrize(("text", "names"), [
    # a sentence's full stop ends a body's name, and "No." a policy's never opens it
    ("NSAP is run on behalf of the Ministry of Digitalisation and Public Governance. The plan ends in 2030.",
     [("Ministry of Digitalisation and Public Governance", "Agency")]),
    ("A: No. The 2020 National Strategy for Artificial Intelligence remains in force.",
     [("National Strategy for Artificial Intelligence", "Policy")]),
    # a body's body: two names, not one
    ("The rule is administered by the Commerce Department's Bureau of Industry and Security.",
     [("Commerce Department", "Agency"), ("Bureau of Industry and Security", "Agency")]),
    # research centres: the state's, or not
    ("The Barcelona Supercomputing Center said so.", [("Barcelona Supercomputing Center", "Agency")]),
    ("The Center for Mathematical Modeling said so.", [("Center for Mathematical Modeling", "Organisation")]),
    # a named policy ("National … Policy", "… Policy to 2030")
    ("Chile's National AI Policy was updated in 2024.", [("National AI Policy", "Policy")]),
    ("Its AI Development Policy to 2030 was adopted.", [("AI Development Policy to 2030", "Policy")]),
])
def test_english_names_end_at_a_sentence_and_a_possessive(en, text, names):
    doc = last_doc(en, ("body", text))
    assert [(e.text, e.label_) for e in doc.ents if e.label_ not in ("Country", "Resource")] == names


def test_a_heading_s_policy_words_are_no_policy_name(en):
    doc = last_doc(en, ("heading", "8. China's AI Policy Trends and Sovereign AI Policy"))
    assert [e.label_ for e in doc.ents] == ["Country"]


def test_an_acronym_in_brackets_after_a_new_policy_names_it(en):
    doc = last_doc(en, ("body", "The Norwegian Sovereign AI Programme (NSAP) started in 2026."),
                   ("body", "NSAP is run by the Ministry of Science and ICT."))
    assert [(e.text, e.label_) for e in doc.ents][:1] == [("NSAP", "Policy")]
    # (the fact names the policy by its full name)
    assert [f.subject.text for f in doc._.facts if f.relation == "runBy"] == ["Norwegian Sovereign AI Programme"]
    # (a description in brackets is no name: "(Regulation)")
    doc = last_doc(en, ("body", "The Norwegian Sovereign AI Programme (Regulation) started in 2026."))
    assert "Regulation" not in [e.text for e in doc.ents]


def test_the_union_of_a_text_that_named_the_european_union_is_the_eu():
    with more_names("en", [{"label": "Bloc", "pattern": "European Union", "id": "bloc/eu"}]) as en:
        doc = last_doc(en, ("body", "The European Union buys GPUs."),
                       ("body", "The Union remains heavily dependent on Nvidia for GPUs."))
        assert [(e.text, e.kb_id_) for e in doc.ents][0] == ("Union", "bloc/eu")
        assert ("dependsOn", "bloc/eu", "resource/gpu") in facts(doc)
        # (not in a text that named no union)
        doc = last_doc(en, ("body", "The Union remains heavily dependent on Nvidia for GPUs."))
        assert "Union" not in [e.text for e in doc.ents]


def test_a_name_beside_its_kind_word_is_a_policy(en):
    doc = last_doc(en, ("body", "The programme, Qatar Compute 2030 (QC2030), will be run by the Ministry of Science and ICT."))
    assert [(e.text, e.label_) for e in doc.ents][:2] == [("Qatar Compute 2030", "Policy"), ("QC2030", "Policy")]


def test_a_country_after_for_ends_a_policy_s_name_and_owns_it():
    extra = [{"label": "Country", "pattern": "Qatar", "id": "country/qa"}]
    with more_names("en", extra) as en:
        doc = last_doc(en, ("body", "Its blueprint, the National AI Strategy for Qatar adopted in 2019, failed."))
        assert [(e.text, e.label_) for e in doc.ents] == [("National AI Strategy for Qatar", "Policy")]
        assert facts(doc, "hasPolicy") == [("hasPolicy", "country/qa", "")]
        # (a country opening the name comes first: "the EU Plan for Japan" is the EU's)
        doc = last_doc(en, ("body", "The Japan Plan for Qatar is new."))
        assert [f[1] for f in facts(doc, "hasPolicy")] == ["country/jp"]


def test_a_question_names_no_country_s_policy(en):
    assert facts(last_doc(en, ("body", "Q: What is the Japan AI Programme?"))) == []
    assert facts(last_doc(en, ("body", "The Japan AI Programme started in 2025."))) == [("hasPolicy", "country/jp", "")]


def test_a_name_listed_with_a_company_is_a_company(en):
    doc = last_doc(en, ("body", "Korea orders Nvidia and AMD GPUs, and Japan works with Rapidus and Nvidia."))
    assert [e.text for e in doc.ents if e.label_ == "Company"] == ["Nvidia", "AMD", "Rapidus", "Nvidia"]
    # (not a country, a word of the sentence, nor an adjective)
    doc = last_doc(en, ("body", "Nvidia and Japan agree. Nvidia and AI go together, as do Nvidia and Korean firms."))
    assert {e.text for e in doc.ents if e.label_ == "Company"} == {"Nvidia"}


def test_more_capitalised_words_before_a_known_policy_make_another_name():
    extra = [{"label": "Policy", "pattern": "AI Factory", "id": "policy/eu-ai-factories", "owner": "bloc/eu"}]
    with more_names("en", extra) as en:
        doc = last_doc(en, ("body", "Poland funds the Baltic AI Factory, a supercomputing centre."))
        assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Policy"] == [("Baltic AI Factory", "")]
        # (not a country's adjective, nor a word that opens the sentence)
        for text in ("Poland funds the Japanese AI Factory.", "Poland funds the AI Factory."):
            doc = last_doc(en, ("body", text))
            assert [e.kb_id_ for e in doc.ents if e.label_ == "Policy"] == ["policy/eu-ai-factories"]


def test_two_names_joined_by_and_the_are_two(en):
    doc = last_doc(en, ("body", "The National Compute Office and the Korean AI Capacity Act were announced."))
    assert [(e.text, e.label_) for e in doc.ents] == [("National Compute Office", "Agency"),
                                                       ("Korean AI Capacity Act", "Policy")]


def test_a_known_body_named_by_its_head_word_alone_does_not_open_a_longer_body_s_name():
    # "the Commission" is the European Commission; "the Commission on Higher Education" is another body
    with more_names("en", [{"label": "Agency", "pattern": "Commission", "id": "agency/european-commission"}]) as en:
        doc = last_doc(en, ("body", "The fund is administered by the Commission on Higher Education (CHED)."))
        assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Agency"] == [
            ("Commission on Higher Education", ""), ("CHED", "")]
        doc = last_doc(en, ("body", "The Commission proposed a fund."))
        assert [(e.text, e.kb_id_) for e in doc.ents] == [("Commission", "agency/european-commission")]


@pytest.mark.parametrize(("text", "name"), [
    ('This Act may be cited as the "Philippine Sovereign AI Compute Act of 2026."',
     "Philippine Sovereign AI Compute Act of 2026"),
    ("Senate Bill No. 2147 was filed in March.", "Senate Bill No. 2147"),
])
def test_a_law_s_year_after_of_and_a_bill_s_number_end_its_name(en, text, name):
    doc = last_doc(en, ("body", text))
    assert [(e.text, e.label_) for e in doc.ents] == [(name, "Policy")]


def test_a_known_policy_s_name_that_another_kind_word_extends_is_another_policy():
    with more_names("en", [{"label": "Policy", "pattern": "National AI Strategy", "id": "policy/kr-national-ai-strategy"}]) as en:
        doc = last_doc(en, ("body", "It would complement the National AI Strategy Roadmap, led by the DTI."))
        assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Policy"] == [("National AI Strategy Roadmap", "")]
        doc = last_doc(en, ("body", "It would complement the National AI Strategy, led by the DTI."))
        assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Policy"] == [
            ("National AI Strategy", "policy/kr-national-ai-strategy")]


@pytest.mark.parametrize(("text", "names"), [
    ("The OGCIO has administered the Public Service Cloud Policy since 2019.", ["Public Service Cloud Policy"]),
    ("The Cloud First Policy, issued in 2017, is superseded.", ["Cloud First Policy"]),
    ("The AI Policy Trends of Japan are known.", []),  # (a heading's words)
    ("The Digital Policy Office said so.", []),  # (a body's)
])
def test_a_capitalised_name_ending_in_policy_after_the_is_a_policy(en, text, names):
    doc = last_doc(en, ("body", text))
    assert [e.text for e in doc.ents if e.label_ == "Policy"] == names
