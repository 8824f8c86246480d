"""Roles given by a label: the rows and lines of a policy document that name who runs a policy by
the role, not by a verb: "주관기관: 과학기술정보통신부", "추진 주체 ⦁EuroHPC, InvestEU, TechEU" (a table
row), "운영책임 OpenAI …", "Lead agency: METI", "Implementing bodies: EuroHPC, InvestEU".

Each organisation listed right after the label runs the policy the text is about: the policy of
the table's caption or the last one body text named (:attr:`ingest.discourse.Discourse.policy`),
else one named in the line before the label. The relation extractor (:mod:`ingest.relations`)
calls :func:`role_labels` on every sentence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .facts import Arg, Fact
from .gazetteer import ORG_TYPES
from .lexicon import ROLE_LABEL

if TYPE_CHECKING:
    from .relations import Extractor

# what may stand between the label and the first organisation: a colon, a bullet, a dash, spaces
_SEPARATOR = re.compile(r"\s*[:：⦁•·\-–]?\s*")


def role_labels(ex: Extractor, doc: Doc, sent: Span, ents: list[Span]) -> list[Fact]:
    """``runBy`` facts for the organisations that follow a role label in ``sent``."""
    out = []
    orgs = [e for e in ents if e.label_ in ORG_TYPES - {"Group"}]
    for m in ROLE_LABEL[ex.lang].finditer(sent.text):
        end = sent.start_char + m.end()
        first = next((e for e in orgs if e.start_char >= end), None)
        if first is None or not _SEPARATOR.fullmatch(doc.text[end:first.start_char]):
            continue
        if ex.negated(doc, sent, first.start, first.end):
            continue
        before = [e for e in ents if e.label_ == "Policy" and e.end_char <= sent.start_char + m.start()]
        pol = ex.discourse.policy or (before[-1] if before else None)
        if pol is None:
            continue
        out.extend(Fact("runBy", "runBy", Arg.of(pol, doc), Arg.of(o), f"runBy.{ex.lang}.role-label", 0.6,
                        sent.start_char, sent.end_char) for o in ex.coordinated(doc, orgs, first, 1))
    return out
