"""Cleaning of PDF-like text (ingest.clean): rejoined lines, running heads and page numbers
dropped, footnotes and tables kept apart from the body, and the offset map back to the source."""

from __future__ import annotations

import random
import re

import pytest

from ingest.clean import clean, heading_level, language_of
from ingest.documents import CORPUS_DIR

# A six-page extract laid out like the default corpus: double spaced, each page starting with a
# line indented by one space, running heads on every page (chapter title + page number on odd
# pages, page number + report title on even pages), a bare page number, a footnote that
# interrupts a sentence at the bottom of a page, and a table from its caption to its source line.
PAGES = [
    [" 제2장 글로벌 AI 정책 • 21",
     "1. 영국의 AI 정책 동향",
     "영국 정부는 AI 분야에서 선도적인 위치를 확보하고 있으며, 2021년 9월 ",
     "22일 발표한 국가 전략을 통해 AI 초강대국으로 도약하는 것을 목표로 삼",
     "고 있다. 이 전략은 데이터와 컴퓨팅 인프라를 외부 사업자에 크게 의",
     "존한다. 영국은 세계 3위의 AI 허브로 자리매김하고 있으나 경쟁력을 더욱 ",
     "강화하려면 정부의 적극적인 개입이 필요하다.",
     "12"],
    [" 22 • 보고서 제목",
     "가. 영국의 소버린 AI 정책 동향4)",
     "정책 목표 측면에서 영국 정부는 AI 생태계에 대한 장기적인 투자와 체계적",
     "인 생태계 구축을 통해 국가적 이익을 극대화하는 데 중점을 두고 있다. 더",
     "불어 혁신을 저해하지 않으면서도 안전성과 보안을 보장하고 시민의 권리를 ",
     "4) Source(2021), “National AI Strategy”(검색일: 2025. 11. 8.)."],
    [" 제2장 글로벌 AI 정책 • 23",
     "보호할 수 있는 균형 잡힌 규제 프레임워크 구축을 정책 목표로 설정하고 ",
     "있다.",
     "표 2-1. 「AI 기회 행동계획」 3대 핵심 실행 분야",
     "핵심 분야 내용",
     "AI 활성화 기반 조성",
     "⦁AI 인프라, 데이터, 인재 마련",
     "AI를 통한 생활 변화",
     "⦁공공서비스 혁신",
     "자료: GOV UK(2025), “AI Opportunities Action Plan” 저자 재구성.",
     "이 행동계획은 총 50개의 권고사항으로 구성되어 있으며, 인프라와 데이터, ",
     "인재, 규제 등 AI 생태계 전 주기를 포괄한다."],
    [" 24 • 보고서 제목",
     "The United Kingdom published its National AI Strategy in the autumn",
     "of 2021 and set up the Sovereign AI Unit in 2025 to build domestic",
     "compute for public use.",
     "일본 정부는 생성형 AI의 개발 역량을 높이기 위해 국가 차원의 지원을 확대",
     "하고 있다."],
    [" 제2장 글로벌 AI 정책 • 25",
     "프랑스는 유럽연합의 규범을 바탕으로 자국의 AI 생태계를 육성한다."],
    [" 26 • 보고서 제목",
     "미국은 반도체와 클라우드 공급망 전반에서 영향력을 유지한다."],
]
RAW = "\n\n".join("\n\n".join(page) for page in PAGES) + "\n"
RAW_LINES = RAW.split("\n")


@pytest.fixture(scope="module")
def doc():
    return clean(RAW)


def kinds(doc, kind: str) -> list[str]:
    return [s.text for s in doc.segments if s.kind == kind]


def body_with(doc, needle: str):
    found = [s for s in doc.segments if s.kind == "body" and needle in s.text]
    assert len(found) == 1, (needle, [(s.kind, s.text) for s in doc.segments])
    return found[0]


def source_line(prefix: str) -> int:
    """1-based number of the raw line that starts (after indentation) with ``prefix``."""
    hits = [i + 1 for i, line in enumerate(RAW_LINES) if line.lstrip().startswith(prefix)]
    assert len(hits) == 1, prefix
    return hits[0]


def offsets_consistent(raw: str, seg) -> list[tuple[int, str, str]]:
    """Characters whose offset does not point to the same raw character (a joining space may
    point to the whitespace or line end it replaces)."""
    assert len(seg.offsets) == len(seg.text)
    bad = []
    for i, (ch, off) in enumerate(zip(seg.text, seg.offsets)):
        r = raw[off]
        if ch != r and not (ch == " " and r.isspace()):
            bad.append((i, ch, r))
    return bad


# ------------------------------------------------------------------ rejoining lines
def test_line_broken_inside_a_korean_word_joins_directly(doc):
    seg = body_with(doc, "외부 사업자에")
    assert "크게 의존한다." in seg.text
    assert "목표로 삼고 있다." in seg.text  # "삼" / "고 있다" on two lines
    assert "의 존" not in seg.text and "삼 고" not in seg.text


def test_line_ending_with_a_space_joins_with_one_space(doc):
    seg = body_with(doc, "외부 사업자에")
    assert "2021년 9월 22일 발표한" in seg.text
    assert "더욱 강화하려면" in seg.text
    assert "  " not in seg.text


def test_english_lines_join_with_a_space(doc):
    seg = body_with(doc, "The United Kingdom")
    assert seg.text == ("The United Kingdom published its National AI Strategy in the autumn of 2021 and set up "
                        "the Sovereign AI Unit in 2025 to build domestic compute for public use.")
    assert seg.language == "en"


def test_minimal_example_from_the_docstring():
    d = clean("제1장 서론\n\n일본은 클라우드에 의\n\n존한다. 미국은 \n\n통제한다.\n")
    assert [(s.kind, s.text) for s in d.segments] == [
        ("heading", "제1장 서론"), ("body", "일본은 클라우드에 의존한다. 미국은 통제한다.")]


def test_english_line_followed_by_a_number_joins_with_a_space():
    d = clean("The United Kingdom published its National AI Strategy in September\n"
              "2021 and set up the Sovereign AI Unit in 2025.\n")
    assert [s.text for s in d.segments] == [
        "The United Kingdom published its National AI Strategy in September 2021 and set up the "
        "Sovereign AI Unit in 2025."]


# ------------------------------------------------------------------ running heads, page numbers
def test_running_heads_and_page_numbers_are_dropped_from_every_segment(doc):
    for seg in doc.segments:
        assert "글로벌 AI 정책 •" not in seg.text, seg
        assert "• 보고서 제목" not in seg.text, seg
        assert not re.search(r"(?<![\d.,])12(?![\d.,)])", seg.text), seg
    assert all(s.text.strip() != "12" for s in doc.segments)


def test_headings_are_their_own_segments(doc):
    assert kinds(doc, "heading") == ["1. 영국의 AI 정책 동향", "가. 영국의 소버린 AI 정책 동향4)"]


def test_running_head_on_two_pages_with_the_number_at_the_right_edge_is_dropped():
    pages = [
        [" 제2장 글로벌 AI 정책 • 25",
         "프랑스는 유럽연합의 규범을 바탕으로 자국의 AI 생태계를 육성하고 있으며 공공 ",
         "데이터 개방을 확대하고 있다."],
        [" 제2장 글로벌 AI 정책 • 27",
         "미국은 반도체와 클라우드 공급망 전반에서 영향력을 유지하고 있으며 동맹국과 ",
         "협력을 강화하고 있다."],
    ]
    d = clean("\n\n".join("\n\n".join(p) for p in pages) + "\n")
    assert all("글로벌 AI 정책 •" not in s.text for s in d.segments), [(s.kind, s.text) for s in d.segments]


# ------------------------------------------------------------------ footnotes
def test_footnote_is_kept_apart_from_the_body(doc):
    assert kinds(doc, "footnote") == ["4) Source(2021), “National AI Strategy”(검색일: 2025. 11. 8.)."]
    for seg in doc.segments:
        if seg.kind != "footnote":
            assert "Source(2021)" not in seg.text and "검색일" not in seg.text


def test_sentence_interrupted_by_a_footnote_and_a_page_break_is_one_body_segment(doc):
    seg = body_with(doc, "정책 목표 측면에서")
    assert seg.text == (
        "정책 목표 측면에서 영국 정부는 AI 생태계에 대한 장기적인 투자와 체계적인 생태계 구축을 통해 국가적 이익을 "
        "극대화하는 데 중점을 두고 있다. 더불어 혁신을 저해하지 않으면서도 안전성과 보안을 보장하고 시민의 권리를 "
        "보호할 수 있는 균형 잡힌 규제 프레임워크 구축을 정책 목표로 설정하고 있다.")


def test_numbered_line_without_a_reference_is_not_a_footnote():
    d = clean("정부는 다음 과제를 추진한다.\n1) 데이터센터 확충\n2) 인재 양성\n")
    assert not [s for s in d.segments if s.kind == "footnote"]


# ------------------------------------------------------------------ tables
def test_table_becomes_caption_and_table_segments(doc):
    assert kinds(doc, "caption") == ["표 2-1. 「AI 기회 행동계획」 3대 핵심 실행 분야"]
    cells = kinds(doc, "table")
    assert "핵심 분야 내용" in cells
    # the source line closing the table is a citation of its own, like a footnote
    assert kinds(doc, "source") == ["자료: GOV UK(2025), “AI Opportunities Action Plan” 저자 재구성."]
    assert any("AI 인프라, 데이터, 인재 마련" in c for c in cells)
    for text in kinds(doc, "body"):
        assert "핵심 분야" not in text and "자료:" not in text and "AI 인프라, 데이터, 인재 마련" not in text


def test_body_after_the_table_is_its_own_paragraph(doc):
    seg = body_with(doc, "이 행동계획은")
    assert seg.text == ("이 행동계획은 총 50개의 권고사항으로 구성되어 있으며, 인프라와 데이터, 인재, 규제 등 AI 생태계 "
                        "전 주기를 포괄한다.")


def test_segment_kinds_and_order(doc):
    assert {s.kind for s in doc.segments} == {"heading", "body", "footnote", "caption", "table", "source"}
    starts = [s.offsets[0] for s in doc.segments]
    assert starts == sorted(starts)


# ------------------------------------------------------------------ the offset map
def test_every_segment_character_maps_to_its_raw_character(doc):
    for seg in doc.segments:
        assert offsets_consistent(RAW, seg) == [], seg.text


def test_sampled_body_characters_map_back_to_the_raw_text(doc):
    rng = random.Random(7)
    for seg in (s for s in doc.segments if s.kind == "body"):
        for i in rng.sample(range(len(seg.text)), min(25, len(seg.text))):
            ch, off = seg.text[i], seg.offsets[i]
            if ch == " " and RAW[off] != " ":
                assert RAW[off].isspace()  # a joining space stands for a line end
            else:
                assert RAW[off] == ch


def test_line_col_points_to_the_source_line_and_column(doc):
    seg = body_with(doc, "외부 사업자에")
    i = seg.text.index("의존한다")
    assert doc.line_col(seg.offsets[i]) == (source_line("고 있다. 이 전략은"), len(RAW_LINES[source_line("고 있다. 이 전략은") - 1]))
    assert doc.line_col(seg.offsets[i + 1]) == (source_line("존한다."), 1)  # '존' after the rejoined break
    j = seg.text.index("22일")
    assert doc.line_col(seg.offsets[j]) == (source_line("22일 발표한"), 1)
    # the first character of a page keeps the indentation of its line: column 2
    seg = body_with(doc, "정책 목표 측면에서")
    k = seg.text.index("보호할")
    assert doc.line_col(seg.offsets[k]) == (source_line("보호할 수 있는"), 1)
    head = next(s for s in doc.segments if s.kind == "heading" and s.text.startswith("1."))
    assert doc.line_col(head.offsets[0]) == (source_line("1. 영국의"), 1)
    m = seg.text.index("시민의")
    line = source_line("불어 혁신을")
    assert doc.line_col(seg.offsets[m]) == (line, RAW_LINES[line - 1].index("시민의") + 1)


def test_line_range_of_a_sentence_across_lines(doc):
    seg = body_with(doc, "정책 목표 측면에서")
    end = seg.text.index("있다. 더불어") + len("있다.")
    assert doc.line_range(seg, 0, end) == (source_line("정책 목표 측면에서"), source_line("인 생태계 구축을"))


def test_line_col_with_form_feed_pages():
    raw = "첫 쪽의 문장이 여기서 끝난다.\n\f둘째 쪽은 일본이 클라우드에\n의존한다는 내용이다.\n"
    d = clean(raw)
    seg = next(s for s in d.segments if "둘째" in s.text)
    assert "\f" not in seg.text
    assert d.line_col(seg.offsets[seg.text.index("둘째")]) == (2, 2)
    assert d.line_col(seg.offsets[seg.text.index("의존")]) == (3, 1)


# ------------------------------------------------------------------ language, spacing
@pytest.mark.parametrize(("text", "lang"), [
    ("일본은 미국의 클라우드에 의존하고 있다.", "ko"),
    ("The UK set up the Sovereign AI Unit in 2025.", "en"),
    ("영국은 「AI Opportunities Action Plan」을 발표하였다.", "ko"),
    ("The CHIPS Act 와 반도체", "ko"),
    ("Japan relies on US cloud services (클라우드) for most public workloads.", "en"),
    ("2025", "en"),
    # names and acronyms are written in Latin letters in Korean text too
    ("핵심 기관 ⦁EU AI Office, AI Act Service Desk", "ko"),
    ("The Korean plan (국가 AI 전략) was announced in 2025.", "en"),
])
def test_language_of(text, lang):
    assert language_of(text) == lang


def test_labelled_rows_under_a_caption_are_table_rows_each_its_own():
    # a two-column table flattened one row per line, each row a label and a bulleted item; the
    # line before a row is full and ends inside no word, yet the row does not join it
    row = "핵심 법제 ⦁「인공지능법」 – EU 단일 시장 통합형 AI 규제 체계 마련과 기업 지원을 포괄"
    raw = "\n".join(["본문은 여기서 끝난다.", "", "표 2-15. 「AI 대륙 행동계획」 규제 간소화 부문", "",
                     row, "", "핵심 기관 ⦁EU AI Office, AI Act Service Desk", "", "다음 본문이 시작된다."])
    segs = [(s.kind, s.text) for s in clean(raw).segments]
    assert ("table", row) in segs and ("table", "핵심 기관 ⦁EU AI Office, AI Act Service Desk") in segs
    assert segs[-1] == ("body", "다음 본문이 시작된다.")
    # without a caption above, such lines are body paragraphs, still each its own
    segs = [(s.kind, s.text) for s in clean("\n".join(raw.split("\n")[4:])).segments]
    assert segs[:2] == [("body", row), ("body", "핵심 기관 ⦁EU AI Office, AI Act Service Desk")]


def test_segment_language(doc):
    assert body_with(doc, "외부 사업자에").language == "ko"
    assert body_with(doc, "The United Kingdom").language == "en"


LINES_P1 = ["영국 정부는 AI 분야에서 선도적인 위치를 확보하고 있으며, 2021년 9월 ",
            "22일 발표한 국가 전략을 통해 AI 초강대국으로 도약하는 것을 목표로 삼",
            "고 있다. 이 전략은 데이터와 컴퓨팅 인프라를 외부 사업자에 의존한다."]
LINES_P2 = ["일본 정부는 생성형 AI의 개발 역량을 높이기 위해 국가 차원의 지원을 확대",
            "하고 있다."]
P1 = ("영국 정부는 AI 분야에서 선도적인 위치를 확보하고 있으며, 2021년 9월 22일 발표한 국가 전략을 통해 AI "
      "초강대국으로 도약하는 것을 목표로 삼고 있다. 이 전략은 데이터와 컴퓨팅 인프라를 외부 사업자에 의존한다.")
P2 = "일본 정부는 생성형 AI의 개발 역량을 높이기 위해 국가 차원의 지원을 확대하고 있다."


def test_normal_spacing_blank_line_is_a_paragraph_break():
    # the last line of the first paragraph is a full line ending a sentence: only the blank
    # line says the paragraph ends
    raw = "\n".join(LINES_P1) + "\n\n" + "\n".join(LINES_P2) + "\n"
    assert [(s.kind, s.text) for s in clean(raw).segments] == [("body", P1), ("body", P2)]


def test_double_spacing_single_blank_lines_are_not_paragraph_breaks():
    raw = "\n\n".join(LINES_P1) + "\n\n\n\n" + "\n\n".join(LINES_P2) + "\n"
    assert [(s.kind, s.text) for s in clean(raw).segments] == [("body", P1), ("body", P2)]
    # a double-spaced text where one blank line follows every line, paragraphs included: the
    # full line that ends a sentence does not end the paragraph
    raw = "\n\n".join(LINES_P1 + LINES_P2) + "\n"
    assert [(s.kind, s.text) for s in clean(raw).segments] == [("body", P1 + " " + P2)]


def test_normal_spacing_without_blank_lines_keeps_one_paragraph_per_short_last_line():
    raw = "\n".join(LINES_P1 + ["일본은 클라우드에 의존한다."] + LINES_P2) + "\n"
    texts = [s.text for s in clean(raw).segments]
    assert texts == [P1 + " 일본은 클라우드에 의존한다.", P2]


def test_a_text_written_a_paragraph_per_line_keeps_each_line_a_paragraph():
    # a user's text file: one long line per paragraph, a blank line between (not a wrapped PDF
    # page): neither the blank lines nor the long lines join paragraphs
    paras = ["A. Sovereign AI Policy Trends in the United States",
             "The United States " + "regulates access to chips and computing infrastructure. " * 6,
             "Against this backdrop, the administration " + "builds data centres within the country. " * 6,
             "Japan, for its part, " + "is stepping up investment in semiconductors. " * 6]
    paras = [p.strip() for p in paras]
    for sep in ("\n\n", "\n"):
        segs = clean(sep.join(paras) + "\n").segments
        assert [(s.kind, s.text) for s in segs] == [("heading", paras[0])] + [("body", p) for p in paras[1:]]


def test_empty_and_blank_text():
    assert clean("").segments == []
    assert clean("\n\n   \n\f\n").segments == []


# ------------------------------------------------------------------ the default corpus
CORPUS_FILES = sorted(CORPUS_DIR.glob("*.txt"))


@pytest.fixture(scope="module", params=CORPUS_FILES, ids=[p.name for p in CORPUS_FILES])
def corpus_doc(request):
    raw = request.param.read_text(encoding="utf-8")
    return raw, clean(raw)


def test_corpus_has_both_documents():
    assert len(CORPUS_FILES) == 2


def test_corpus_offset_map_holds_for_every_character(corpus_doc):
    raw, d = corpus_doc
    assert d.segments
    for seg in d.segments:
        assert offsets_consistent(raw, seg) == [], (seg.kind, seg.text[:80])
        assert all(0 <= o < len(raw) for o in seg.offsets)
        assert seg.offsets == sorted(seg.offsets)


def test_corpus_line_col_matches_the_source_lines(corpus_doc):
    raw, d = corpus_doc
    lines = raw.split("\n")
    rng = random.Random(11)
    for seg in rng.sample(d.segments, min(60, len(d.segments))):
        for i in rng.sample(range(len(seg.text)), min(10, len(seg.text))):
            if seg.text[i] == " ":
                continue
            line, col = d.line_col(seg.offsets[i])
            assert lines[line - 1][col - 1] == seg.text[i]


def test_corpus_running_heads_are_not_in_the_body(corpus_doc):
    raw, d = corpus_doc
    heads = [ln.strip() for ln in raw.split("\n") if re.search(r"\S • \d+$|^\d+ • \S", ln.strip())]
    for seg in d.segments:
        if seg.kind == "body":
            assert not re.search(r"제\d장 글로벌 AI 정책 • \d+", seg.text), seg.text[:120]
            for h in heads:
                assert h not in seg.text


KIEP = CORPUS_DIR / "kiep-sovereign-ai-policy-research.ko.txt"


@pytest.fixture(scope="module")
def kiep():
    raw = KIEP.read_text(encoding="utf-8")
    return raw, clean(raw)


def test_kiep_footnote_and_table_are_recognised(kiep):
    raw, d = kiep
    lines = raw.split("\n")
    assert "제2장 글로벌 AI 정책 • 25" in lines  # the running head the tests above look for is real
    assert any(s.kind == "footnote" and s.text.startswith("4) GOV UK(2021)") for s in d.segments)
    assert any(s.kind == "caption" and s.text.startswith("표 2-1.") for s in d.segments)
    assert not any(s.kind == "body" and "GOV UK(2021)" in s.text for s in d.segments)


_KIEP_HEADS_REASON = ("clean._mark_running_heads: `at_edge` uses re.match, so its second alternative "
                      "('… • 27', number at the right edge) never matches; the KIEP head '제2장 글로벌 AI 정책 • N' "
                      "occurs on fewer than 3 detected pages and is kept (re.search would fix it)")


def test_kiep_running_heads_are_in_no_segment(kiep):
    _raw, d = kiep
    kept = [(s.kind, s.text[:60]) for s in d.segments
            if re.search(r"제2장 글로벌 AI 정책 • \d+|\d+ • 지속가능한 소버린 AI", s.text)]
    assert kept == []


def test_kiep_footnote_does_not_swallow_the_next_page(kiep):
    _raw, d = kiep
    note = next(s for s in d.segments if s.kind == "footnote" and s.text.startswith("4) GOV UK(2021)"))
    assert note.text == "4) GOV UK(2021), “National AI Strategy”(검색일: 2025. 11. 8.)."
    body = [s for s in d.segments if s.kind == "body" and "정책 목표 측면에서 영국 정부는" in s.text]
    assert len(body) == 1
    assert "시민의 권리를 보호할 수 있는 균형 잡힌 규제 프레임워크 구축을 정책 목표로 설정하고 있다." in body[0].text


def test_source_line_repeated_on_several_pages_still_closes_its_table():
    # three tables citing the same source, on three pages: the source line repeats like a running
    # head but is each table's end; the heading and body after the last one are not table cells
    pages = []
    for n in (1, 2, 3):
        pages.append([f" 표 2-{n}. 분야별 현황", "구분 특징", "핵심 기관 ⦁AI Office", "적용 시기 ⦁2025년",
                      "자료: 한국산업기술진흥원(2025), p. 3 저자 재구성."])
    pages[-1] += ["5. 미국의 AI 정책 동향", "미국은 반도체와 클라우드 공급망 전반에서 영향력을 유지하고 있다."]
    d = clean("\n\n".join("\n\n".join(p) for p in pages) + "\n")
    assert [s.text for s in d.segments if s.kind == "source"] == ["자료: 한국산업기술진흥원(2025), p. 3 저자 재구성."] * 3
    assert ("heading", "5. 미국의 AI 정책 동향") in [(s.kind, s.text) for s in d.segments]
    assert ("body", "미국은 반도체와 클라우드 공급망 전반에서 영향력을 유지하고 있다.") in [(s.kind, s.text) for s in d.segments]


def test_kiep_us_section_after_a_table_is_body_text(kiep):
    _raw, d = kiep
    seg = next(s for s in d.segments if "미국의 경우 AI 분야에서 이미 기술 패권" in s.text)
    assert seg.kind == "body"
    assert any(s.kind == "heading" and s.text == "5. 미국의 AI 정책 동향 및 소버린 AI 정책" for s in d.segments)


def test_sentence_end_wrapped_to_a_line_that_looks_like_a_heading_stays_body():
    d = clean("2025년 2월 발표된 국가 AI 전략에서는 연산 인프라 강화와 인재 \n"
              "양성 및 유치, AI 활용 촉진 등 네 가지를 핵심과제로 제시하였\n"
              "다. 프랑스 정부는 이에 따라 총 1,090억 유로 규모의 투자\n"
              "를 발표하였다.\n")
    assert [(s.kind, s.text) for s in d.segments] == [
        ("body", "2025년 2월 발표된 국가 AI 전략에서는 연산 인프라 강화와 인재 양성 및 유치, AI 활용 촉진 등 네 가지를 "
                 "핵심과제로 제시하였다. 프랑스 정부는 이에 따라 총 1,090억 유로 규모의 투자를 발표하였다.")]


def test_heading_ending_with_its_date_is_a_heading():
    d = clean("나. GENIAC(2024. 2.)\n\nGENIAC은 일본 경제산업성이 추진하는 프로그램이다.\n")
    assert [s.kind for s in d.segments] == ["heading", "body"]
    assert d.segments[0].text == "나. GENIAC(2024. 2.)"


@pytest.mark.parametrize("text, level", [
    ("제2장 글로벌 AI 정책", 0), ("제1절 개관", 1), ("II. Policy", 2), ("1. 영국의 AI 정책", 3), ("1.1 Background", 4),
    ("1.2.3 Detail", 5), ("가. 일본의 AI 정책 동향", 6), ("B. Stargate Project", 6), ("(1) EU, 규범 주도권", 7), ("① 연산 인프라", 8), ("Overview", 9)])
def test_heading_level_follows_the_numbering(text, level):
    assert heading_level(text) == level
