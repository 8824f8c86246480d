"""Negation and hedging: whether the clause of a trigger states no fact. A mixin of
:class:`ingest.relations.Extractor`, which gives it ``lang``.

A fact is not read where its clause is negated (않, 못, 없, 어렵, not, no longer, failed to), low or
lacking (국산화율이 낮아, low self-sufficiency), hedged or open (검토, 할지 여부, ~ㄹ지, may, could,
considering, only if), recommended rather than done (should, recommends that, 할 필요가 있다),
compared with or preferred over something (than, rather than, 보다), what nobody does
(…하려는 나라는 없다), where the sentence defines a concept (…로 정의된다, is defined as), or asks a
question ("Does the programme replace the strategy?", "…를 대체하는가?").
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span

from .discourse import last_tag
from .lexicon import (DEFINITION, EN_CLAUSE_START, EN_COPULA, EN_HEDGE, EN_LOW, EN_NEG, EN_RECOMMEND, EN_REPORTING,
                      KO_HEDGE, KO_NEG)
from .nlp import span_text

# what a quantity opens with (a number or a currency sign): "more than S$1 billion" compares no alternative
_EN_QUANTITY_START = re.compile(r"^(?:\d|[$€£¥₩₹]|[A-Z]{1,3}\$)")
# a dependence as a noun, and what marks its owner before it ("Japan's reliance", "its dependence")
_EN_DEPENDENCE_NOUNS = {"dependence", "dependency", "dependencies", "reliance", "overreliance", "over-reliance"}
_EN_POSSESSIVES = {"'s", "’s", "its", "their", "our", "his", "her"}
# nouns after a Korean "~할" that carry the clause on to what is said of it: "확충할 수(가능성, 여력)가 없다"
_KO_MODAL_NOUNS = {"수", "경우", "가능", "가능성", "여력", "능력", "계획", "의지", "예정", "방침", "방안"}
# a condition that only frames what is said: "살펴보면", "종합하면", "돌이켜 보면", "…에 따르면"
_KO_DISCOURSE_IF = re.compile(r"(?:보면|따르면|(?:종합|요약|정리|비교|감안|고려|환산|말|얘기|이야기)하면|말하면|치면)$")
# who or what a relative clause describes when the clause's predicate is said to be lacking: "반도체까지
# 자립하려는 나라는 없다" (no country seeks to …)
_KO_NOBODY = re.compile(r"^(?:나라|국가|곳|기업|정부|사례)$")


def question(sent: Span) -> bool:
    """Whether a sentence asks ("Does the programme replace the strategy?", "…를 대체하는가?"): it
    states no fact."""
    return span_text(sent).rstrip(" \"'”’)").endswith(("?", "？"))


def _ko_whether(t) -> bool:
    """A verb ending in ~ㄹ지 or ~는지 (whether): "통제를 더 조일지", "자립을 늘릴지", "확대하는지"; or in
    ~ㄹ수록 (the more): "연산 자원을 늘릴수록 … 의존이 커진다"."""
    text = t.text
    if text.endswith("수록") and "EC" in t.tag_:
        return True
    if len(text) < 2 or not text.endswith("지") or not ("EC" in t.tag_ or "EF" in t.tag_):
        return False
    before = text[-2]
    return before == "는" or "가" <= before <= "힣" and (ord(before) - 0xAC00) % 28 == 8  # a final ㄹ


class Negation:
    """Negation and hedging for the relation extractor (a mixin)."""

    lang: str
    _defines: tuple[Any, bool] = (None, False)  # (doc, sentence start) -> whether the sentence defines a concept
    _clauses: tuple[Any, list] = (None, [])  # (doc, sentence start) -> its conditions and clause ends

    def negated(self, doc: Doc, sent: Span, ti: int, tj: int) -> bool:
        key = (doc, sent.start)
        if self._defines[0] != key:  # (once per sentence: negated is asked for every trigger and candidate)
            self._defines = (key, DEFINITION[self.lang].search(span_text(sent)) is not None or question(sent))
        if self._defines[1]:
            return True  # a definition of a concept, or a question: not a fact about an actor
        if self.lang == "ko":
            if tj > ti and _ko_whether(doc[tj - 1]):
                return True  # the trigger's own ending: "늘릴지", "늘릴수록"
            if self._ko_condition_before(doc, sent, ti):
                return True
            for t in doc[tj:sent.end]:
                tag = t.tag_
                if t.text.startswith("없") and t.i > 0 and doc[t.i - 1].text == "밖에":
                    continue  # "의존할 수밖에 없다": cannot but depend
                if t.text in KO_NEG or t.text.startswith(("않", "못", "없")) or KO_HEDGE.match(t.text) or (
                        "EC" in tag and t.text.endswith("면")) or _ko_whether(t):
                    return True
                if last_tag(t).startswith(("EF", "SF")) or t.text in (",", ";") or (
                        last_tag(t).startswith("EC") and t.text not in ("지", "게", "고", "어", "아", "기")):
                    return False
                if last_tag(t).startswith("ETM") and t.i + 1 < sent.end and doc[t.i + 1].text == "필요" \
                        and t.text.endswith(("할", "ㄹ", "을")):
                    return True  # "확충할 필요가 있다": a recommendation, not what is done
                if last_tag(t).startswith("ETM") and t.i + 3 < sent.end and _KO_NOBODY.match(doc[t.i + 1].text) \
                        and doc[t.i + 2].text in ("은", "는", "도", "이", "가") and doc[t.i + 3].text.startswith("없"):
                    return True  # "자립하려는 나라는 없다": nobody does
                if last_tag(t).startswith("ETM") and not (t.i + 1 < sent.end and doc[t.i + 1].text in _KO_MODAL_NOUNS):
                    return False  # a relative clause ends the trigger's predicate (but "~할 수 없다" goes on)
            return False
        return self._en_negated(doc, sent, ti, tj)

    def _ko_condition_before(self, doc: Doc, sent: Span, ti: int) -> bool:
        """Whether the trigger's clause is what follows a condition ("한국이 인증 제도를 도입한다면 공공
        클라우드의 국내 통제는 높아지겠지만", "만약 포함된다면 국산 NPU 비중을 늘리는 방향으로"): a
        consequence supposed, not a fact. Back to the clause before, not past it ("필요하면 수입하고,
        한국은 반도체 자립을 추진한다")."""
        key = (doc, sent.start)
        if self._clauses[0] != key:  # (once per sentence: the conditions and clause ends, in order)
            marks = []
            text = span_text(sent)
            for t in sent if "면" in text or "만약" in text or "만일" in text or "가령" in text else ():
                tag = last_tag(t)
                if t.text in ("만약", "만일", "가령") or tag.startswith("EC") and t.text.endswith("면") and not \
                        _KO_DISCOURSE_IF.search("".join(x.text for x in doc[max(sent.start, t.i - 2):t.i + 1])):
                    marks.append((t.i, True))
                elif tag.startswith(("EC", "EF", "SF")) or t.text == ";":
                    marks.append((t.i, False))
            self._clauses = (key, marks)
        return next((cond for i, cond in reversed(self._clauses[1]) if i < ti), False)

    def _en_negated(self, doc: Doc, sent: Span, ti: int, tj: int) -> bool:
        # the trigger's clause back to its start, at most 12 words: "does not plan to develop its own
        # chips" negates "own"; "does not rely on X, and builds its own Y" does not. A dependence that
        # belongs to someone is presupposed by what governs it, whatever its mood: "(should) advise the
        # Minister on Australia's dependence on …" (its own words still count: "its declining reliance")
        lo = max(sent.start, ti - 12)
        if doc[ti].lower_ in _EN_DEPENDENCE_NOUNS:
            lo = next((t.i for t in reversed(doc[max(lo, ti - 3):ti]) if t.lower_ in _EN_POSSESSIVES), lo)
        words = set()
        for t in reversed(doc[lo:ti]):
            if t.text in (",", ";", ":", "(", ")") or t.lower_ in EN_CLAUSE_START:
                # "(does not) recommend that Germany pursue …": what is recommended is not done
                if t.lower_ == "that" and any(u.lower_ in EN_RECOMMEND for u in doc[max(sent.start, t.i - 3):t.i]):
                    return True
                break
            words.add(t.lower_)
        if "would" in words and any(t.lower_ in EN_REPORTING for t in doc[max(sent.start, ti - 12):ti]):
            words.discard("would")  # "said it would spend": a plan reported, not a hedge
        if words & EN_NEG or words & EN_HEDGE or ti > sent.start and doc[ti - 1].lower_ in EN_LOW:
            return True
        # what something is compared with or preferred over: "more … than on localising AI
        # infrastructure", "rather than relying on imported models"
        # (not a quantity: "more than S$1 billion", "over 10,000 GPUs")
        if any(t.lower_ == "than" and not (t.i + 1 < len(doc) and _EN_QUANTITY_START.match(doc[t.i + 1].text))
               for t in doc[max(sent.start, ti - 2):ti]):
            return True
        if any(t.lower_ in EN_NEG for t in doc[tj:min(sent.end, tj + 2)]):
            return True
        # a condition after it in its clause: "will buy Rapidus chips only if they prove competitive"
        for t in doc[tj:min(sent.end, tj + 10)]:
            if t.text in (",", ";", ":"):
                break
            if t.lower_ in ("if", "unless") and doc[t.i - 1].lower_ != "even":
                return True
        # "self-sufficiency in GPUs remains low": a low level said of the trigger's phrase
        for t in doc[tj:min(sent.end, tj + 6)]:
            if t.text in (",", ";", ":") or t.lower_ in EN_CLAUSE_START:
                break
            if t.lower_ in EN_LOW and (t.i - tj < 1 or doc[t.i - 1].lower_ in EN_COPULA):
                return True
        return False
