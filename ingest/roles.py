"""Roles given by a label: the rows and lines of a policy document that name who runs a policy by
the role, not by a verb: "주관기관: 과학기술정보통신부", "추진 주체 ⦁EuroHPC, InvestEU, TechEU" (a table
row), "운영책임 OpenAI …", "Lead agency: METI", "Implementing bodies: EuroHPC, InvestEU".

Korean also gives the role to the sentence's subject: "정보통신산업진흥원(NIPA)이 전담기관으로 참여".

Each organisation listed right after the label (or given the role) runs the policy the text is
about: the policy of the table's caption or the last one body text named
(:attr:`ingest.discourse.Discourse.policy`), else one named in the line before the label.

A label may list instruments instead: "핵심 수단 ⦁AI 스킬 아카데미, AI 펠로우십", "핵심 법제
⦁「인공지능법」", "Legal basis: the AI Act, the Data Act": those are the policies of the country or
bloc the row, the section or the text is about; so are the named policies in a table row headed
by a country, or in a table whose caption lists a country's policies. The relation extractor
(:mod:`ingest.relations`) calls :func:`role_labels`, :func:`instrument_labels`, :func:`row_policies`
and :func:`listed_policies` on every sentence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .candidates import policy_form
from .facts import Arg, Fact
from .gazetteer import ORG_TYPES, POLITY_TYPES
from .lexicon import INSTRUMENT_LABEL, ROLE_LABEL
from .nlp import doc_text, span_text

if TYPE_CHECKING:
    from .relations import Extractor

# what may stand between the label and the first name: a colon, a bullet, a dash, spaces, a bracket
_SEPARATOR = re.compile(r"\s*[:：⦁•·\-–]?\s*[「『‘“\"']?")
# Korean: the organisation as the subject, then the label as its role ("…(NIPA)이 전담기관으로 참여")
_SUBJECT_GAP = re.compile(r"\s*(?:\([^()]{1,30}\)|[)）])?\s*(?:이|가|은|는)\s*")
_AS_ROLE = re.compile(r"\s*(?:으로|로)(?:서)?(?![가-힣])|\s*(?:으로|로)(?:서)?\s")


def instrument_labels(ex: Extractor, doc: Doc, sent: Span, ents: list[Span]) -> list[Fact]:
    """``hasPolicy`` facts for the policies listed after an instruments label, up to the next label
    ("핵심 수단 ⦁AI 스킬 아카데미, AI 펠로우십", "Legal basis: the AI Act, the Data Act"): the
    instruments of the country or bloc the table row, the section or the text is about."""
    pols = [e for e in ents if e.label_ == "Policy"]
    out = []
    labels = list(INSTRUMENT_LABEL[ex.lang].finditer(span_text(sent)))
    # (a list runs to the next label of either kind: "핵심 수단 ⦁A, B 전환, C 추진 주체 ⦁D")
    ends = sorted(m.start() for m in (*labels, *ROLE_LABEL[ex.lang].finditer(span_text(sent))))
    for m in labels:
        end = sent.start_char + m.end()
        first = next((e for e in pols if e.start_char >= end), None)
        if first is None or not _SEPARATOR.fullmatch(re.sub(r"\b(?:the|The)\s+$", "", doc_text(doc)[end:first.start_char])):
            continue
        polity = next((s for s, _ in ex.discourse.implied_subjects(POLITY_TYPES)), None)
        if polity is None:
            continue
        stop = sent.start_char + next((k for k in ends if k >= m.end()), len(span_text(sent)))
        listed = [p for p in pols if first.start_char <= p.start_char and p.end_char <= stop]
        out.extend(Fact("hasPolicy", "hasPolicy", Arg.of(polity, doc), Arg.of(p), f"hasPolicy.{ex.lang}.label", 0.55,
                        sent.start_char, sent.end_char) for p in listed)
    return out


def row_policies(ex: Extractor, doc: Doc, sent: Span, ents: list[Span]) -> list[Fact]:
    """A named policy in the row of a table headed by a country or bloc is that country's: the
    cells of "미국 | 「AI 행동계획」, 스타게이트" list its instruments, and so does a line labelled by
    the country ("- China: …; infrastructure: 'East Data, West Computing'") (not a phrase that
    describes a measure, nor a policy whose name says whose it is)."""
    row = ex.discourse.row
    if row is None or row.label_ not in POLITY_TYPES:
        return []
    return [Fact("hasPolicy", "hasPolicy", Arg.of(row, doc), Arg.of(b), f"hasPolicy.{ex.lang}.row", 0.5,
                 sent.start_char, sent.end_char)
            for b in ents if b.label_ == "Policy" and policy_form(b) != "phrase" and not ex.named_country(b)]


def listed_policies(ex: Extractor, doc: Doc, sent: Span, ents: list[Span]) -> list[Fact]:
    """A named policy in a table (or a bulleted list) under a caption that lists a country's or
    bloc's policies ("표 2-24. 중국의 대표 AI 정책": rows "2017 「차세대 인공지능 발전계획」 …"; "Table
    3.1 Key Chinese self-reliance measures") is that country's (not one whose name says whose it is)."""
    polity = ex.discourse.listing
    first = next((t for t in sent if not t.is_space), None)
    # (a table's rows, or the bullets under the caption: "- Big Fund III (2024): CNY 344 billion; …")
    bullet = first is not None and first.text in ("-", "–", "•", "⦁", "·", "○", "▪") and first.i == sent.start
    if polity is None or doc.user_data.get("segment") != "table" and not bullet:
        return []
    return [Fact("hasPolicy", "hasPolicy", Arg.of(polity, doc), Arg.of(b), f"hasPolicy.{ex.lang}.listing", 0.5,
                 sent.start_char, sent.end_char)
            for b in ents if b.label_ == "Policy" and policy_form(b) != "phrase" and not ex.named_country(b)]


def role_labels(ex: Extractor, doc: Doc, sent: Span, ents: list[Span]) -> list[Fact]:
    """``runBy`` facts for the organisations that follow a role label in ``sent``, or that a
    Korean sentence gives the role ("NIPA가 전담기관으로 참여")."""
    out = []
    # (groups too: "추진 주체 ⦁EuroHPC, InvestEU, 회원국 정부, 민간 클라우드 기업" lists them as bodies that run it)
    orgs = [e for e in ents if e.label_ in ORG_TYPES]
    for m in ROLE_LABEL[ex.lang].finditer(span_text(sent)):
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        first = next((e for e in orgs if e.start_char >= end), None)
        if first is not None and _SEPARATOR.fullmatch(doc_text(doc)[end:first.start_char]):
            chosen = ex.coordinated(doc, orgs, first, 1)
        elif ex.lang == "ko" and _AS_ROLE.match(doc_text(doc), end) and (
                last := next((e for e in reversed(orgs) if e.end_char <= start), None)) is not None \
                and _SUBJECT_GAP.fullmatch(doc_text(doc)[last.end_char:start]):
            chosen = ex.coordinated(doc, orgs, last, -1)  # "정보통신산업진흥원(NIPA)이 전담기관으로"
        else:
            continue
        if ex.negated(doc, sent, chosen[0].start, chosen[0].end):
            continue
        before = [e for e in ents if e.label_ == "Policy" and e.end_char <= min(start, chosen[0].start_char)]
        pol = ex.discourse.policy or (before[-1] if before else None) or ex.discourse.sole_policy
        if pol is None:
            continue
        out.extend(Fact("runBy", "runBy", Arg.of(pol, doc), Arg.of(o), f"runBy.{ex.lang}.role-label", 0.6,
                        sent.start_char, sent.end_char) for o in chosen)
    return out
