"""Whom a word for a group stands for: "both", "the three countries", "두 나라 모두", "양국은" stand for
the countries or blocs a sentence before named together; "these firms", "the three providers", "이들
3사", "이들 기업은" for the companies it listed. :class:`ingest.discourse.Discourse` keeps what each
sentence names together (:func:`named_together`); :mod:`ingest.relations` asks :func:`group_before`
whom the words before a trigger stand for, when its clause names no subject."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .gazetteer import POLITY_TYPES
from .nlp import doc_text

# what joins two names into a pair: "Saudi Arabia and the UAE", "브라질과 멕시코", "브라질·멕시코"
EN_AND = re.compile(r"\s+and\s+(?:the\s+)?")
AND = {"en": EN_AND, "ko": re.compile(r"\s?(?:와|과|·|,|및)\s?")}
# and what separates the names of a longer list ("Chile, Poland and Vietnam")
_LISTED = {"en": re.compile(r",?\s+and\s+(?:the\s+)?|,\s+(?:the\s+)?"), "ko": AND["ko"]}

# "both" (or "the two countries") as a clause's subject, right before its verb
_POLITIES = {"en": re.compile(r"(?:^|[,;]\s+(?:and\s+|but\s+|yet\s+)?|\.\s+)(?:(?P<n>[Bb]oth)|[Tt]he (?P<n2>two|three|four)|"
                              r"[Aa]ll (?P<n3>three|four))(?:\s+(?:countries|states|nations|governments))?\s+(?:\w+\s+){0,2}$"),
             # "두 나라 모두 GPU와 클라우드를 미국에 의존한다", "양국은 …", "세 나라 모두 …"
             "ko": re.compile(r"(?:^|[,]\s|\s)(?:(?P<n>두|세|네)\s?(?:나라|국가)|(?P<n2>양)국|(?P<n3>3)국)\s?(?:모두|다|은|는|이|가)?\s")}
# the companies listed before, as a clause's subject: "these firms", "the three providers", "이들 클라우드 3사
# 역시", "이들 기업은" (a number, if any, says how many)
_FIRMS = {"en": re.compile(r"(?:^|[,;]\s+(?:and\s+|but\s+|yet\s+)?|\.\s+)(?:[Tt]hese|[Tt]he|[Aa]ll|[Bb]oth)\s+"
                           r"(?:(?P<n>two|three|four)\s+)?(?:[\w-]+\s+)?(?:companies|firms|providers|operators|"
                           r"makers|vendors|hyperscalers|groups)\s+(?:\w+\s+){0,2}$"),
         "ko": re.compile(r"(?:^|\s)이들\s?(?:[가-힣A-Za-z]+\s)?(?:(?P<n>\d|두|세|네)\s?)?(?:개사|사|기업|업체|회사)들?"
                          r"\s?(?:은|는|이|가|도|역시|모두)*\s(?:\S+\s){0,3}$")}
_HOW_MANY = {"both": 2, "two": 2, "three": 3, "four": 4, "두": 2, "세": 3, "네": 4, "양": 2, "2": 2, "3": 3, "4": 4}


def _runs(doc: Doc, names: list[Span], lang: str, joined: re.Pattern) -> list[Span]:
    """The first run of two or more different ``names`` that ``joined`` separates."""
    run: list[Span] = []
    for a, b in zip(names, names[1:]):
        if (a.kb_id_ or a.text) != (b.kb_id_ or b.text) and joined.fullmatch(doc_text(doc)[a.end_char:b.start_char]):
            run = (run or [a]) + [b]
        elif run:
            break
    return run


def named_together(doc: Doc, ents: list[Span], lang: str) -> tuple[list[Span], list[Span], list[Span]]:
    """What a sentence names together: its first pair of countries or blocs ("Saudi Arabia and the
    UAE"), its first list of three or more ("Chile, Poland and Vietnam"), and its first list of
    companies ("네이버클라우드, KT클라우드, NHN클라우드")."""
    polities = [e for e in ents if e.label_ in POLITY_TYPES and e.kb_id_]
    pair = next(([a, b] for a, b in zip(polities, polities[1:]) if a.kb_id_ != b.kb_id_
                 and AND[lang].fullmatch(doc_text(doc)[a.end_char:b.start_char])), [])
    listed = _runs(doc, polities, lang, _LISTED[lang])
    firms = _runs(doc, [e for e in ents if e.label_ == "Company"], lang, _LISTED[lang])
    return pair, listed if len(listed) >= 3 else [], firms


def group_before(text: str, lang: str, discourse) -> list[Span]:
    """Whom the group word ending ``text`` (the words before a trigger) stands for, else []."""
    if (m := _FIRMS[lang].search(text)) is not None:  # (first: "the three providers" are no countries)
        n = _HOW_MANY.get((m.group("n") or "").lower())
        return discourse.firms if n in (None, len(discourse.firms)) else []
    if (m := _POLITIES[lang].search(text)) is not None:
        n = _HOW_MANY[next(g for g in m.group("n", "n2", "n3") if g).lower()]
        return discourse.pair if n == 2 else discourse.listed if n == len(discourse.listed) else []
    return []
