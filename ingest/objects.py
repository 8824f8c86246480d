"""What a fact about the AI stack is about: the layers and resources of a trigger's clause. A mixin
of :class:`ingest.relations.Extractor`, which gives it ``lang``, ``discourse``, ``negated``
(:class:`ingest.negation.Negation`) and ``coordinated`` (:class:`ingest.subjects.Subjects`).

Korean: the name right before the trigger (``GPU 의존``, ``클라우드에 의존``, ``연산(HPC) 역량 강화``),
else the one marked 을/를 (or 에서) further back in its clause, else what the trigger noun is about
(``클라우드 등에 대한 해외 의존도``), what a relative clause of spanning ends with (``반도체, 클라우드를
포괄하는 … 자립``), the head of a compound it opens (``반도체 후공정을``) or the thing the sentence is
about (``GPU는 … 의존``). English: the name after the trigger (``reliance on GPUs``), else a
compound before it (``data centre expansion``). Coordinated names come with it. A dependence may
also be read off what the sentence says is missing ("X의 국산화율이 낮아 외국 기술에 의존"), what it
is for ("depends on US firms for cloud"), or what is built to reduce it ("해외 의존도를 낮추고
인프라·데이터를 유럽 중심으로 확보").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .discourse import Discourse, is_mark, last_tag, particle, particle_at
from .gazetteer import POLITY_TYPES, stack_object
from .lexicon import EN_REDUCE, KO_REDUCE, KO_TRIGGER_RES
from .nlp import doc_text, span_text

# prepositions of a means or instrument
_EN_MEANS = {"through", "via", "using", "by"}
# what marks a Korean name as the means or the measure of a clause, not its object: "반도체·HPC로
# 보완", "규제보다는 민간 자율을 우선시"
_KO_MEANS = {"로", "으로", "보다"}
# verbs of spanning or covering, in a relative clause before a trigger's phrase
_KO_SPANNING = {"아우르", "포괄", "포함", "망라", "걸치", "걸친", "아우른"}
# verbs of building or securing a thing of one's own (what replaces a dependence being reduced)
_KO_BUILD = re.compile(r"^(?:확보|구축|개발|생산|양산|제조|마련|조성|내재화|확충)")
_EN_BUILD = re.compile(r"^(?:build|develop|secur|establish|produc|creat|manufactur|expand)")
# a share that opens what a dependence is for: "for roughly 80 per cent of its public-sector cloud"
_EN_SHARE_OF = re.compile(r"(?:(?:roughly|nearly|almost|about|around|over|some|more than|up to)\s+)?"
                          r"(?:\d[\d.,]*\s*(?:per\s*cent|percent|%)|(?:most|all|much|half|part|some)(?:\s+of)?"
                          r"(?:\s+(?:nearly|almost))?\s+(?:all\s+)?)(?:\s+of)?\s+(?:its|their|the)?\s*")


def _name_tokens(doc: Doc, start: int, end: int) -> int:
    """How many of the tokens ``start:end`` are a name's after its first, or a name in brackets
    with its brackets."""
    n = 0
    for e in doc.ents:
        if start <= e.start and e.end <= end:
            bracketed = e.start > start and doc[e.start - 1].text == "(" and e.end < end and doc[e.end].text == ")"
            n += len(e) + 2 if bracketed else len(e) - 1
    return n


def _reduced(doc: Doc, e: Span, ti: int) -> bool:
    """The name ``e`` is what a verb of reducing between it and the trigger at ``ti`` takes: "규제를
    최소화함으로써 혁신을 촉진", "규제 철폐를 통한 혁신 촉진" (regulation is cut, not strengthened)."""
    return KO_REDUCE.search("".join(t.text for t in doc[e.end:ti])) is not None


def _compound_object(doc: Doc, e: Span) -> bool:
    """The name ``e`` opens a compound of up to two more nouns marked as an object ("반도체 후공정을",
    "클라우드 서비스를")."""
    i = e.end
    while i < len(doc) and i - e.end < 3 and doc[i].tag_ in ("NNG", "XSN"):
        i += 1
    return e.end < i < len(doc) and doc[i].text in ("을", "를")



# what may stand between a thing and the control said of it: "… that (will) remain under Norwegian control"
_THE_COUNTRY = {"country", "kingdom", "emirate", "republic", "union", "state"}
_STAYING = {"that", "which", "remain", "remains", "stay", "stays", "are", "is", "be", "kept", "will", "must"}


class Objects:
    """Object finding for the relation extractor (a mixin)."""

    lang: str
    discourse: Discourse

    def stack_objects(self, doc: Doc, sent: Span, ents: list[Span], ti: int, tj: int,
                      after_only: bool = False, means_not_object: bool = False) -> list[Span]:
        """Layers/resources the trigger is about: Korean before it (``GPU 의존``, ``클라우드에 의존``,
        ``연산(HPC) 역량 강화``), English after it (``reliance on GPUs``), with coordinated ones."""
        stack = [e for e in ents if stack_object(e)]
        if self.lang == "ko" and not after_only:
            # not a means ("반도체·HPC로 보완": what is supplemented is the object, not the instrument)
            # (nor what is compared with it, nor what is reduced on the way: "규제 철폐를 통한 혁신 촉진")
            cands = [e for e in stack if e.end <= ti and self.same_phrase(doc, e.end, ti, 5) and not _reduced(doc, e, ti)
                     and not any(t.text in _KO_MEANS and last_tag(t) == "JKB" for t in doc[e.end:ti])]
            if not cands:  # the object marked with 을/를 (or the domain, with 에서) further back in the clause
                cands = [e for e in stack if e.end <= ti and particle(doc, e) in ("을", "를", "에서")
                         and self.same_phrase(doc, e.end, ti, 12) and not _reduced(doc, e, ti)]
            if not cands:  # "클라우드 등에 대한 해외 의존도": what the trigger noun is about
                cands = [e for e in stack if e.end <= ti and self.about(doc, e.end, ti)]
            if not cands:  # "칩, 프레임워크, 모델을 포괄하는 독자 기술 스택의 자립": what the trigger's phrase spans
                cands = self.spanned(doc, sent, stack, ti)
            if not cands:  # "반도체 후공정을 … 의존": the head of a compound the name opens, marked 을/를
                cands = [e for e in stack if e.end <= ti and _compound_object(doc, e)
                         and self.same_phrase(doc, e.end, ti, 12) and not _reduced(doc, e, ti)]
            if not cands:
                cands = [e for e in stack if e.start >= tj and e.start - tj <= 1]
            if not cands:  # "다만 첨단 GPU는 자체 생산이 어려워 … 엔비디아에 의존": the thing the sentence is about
                cands = [e for e in stack[:1] if e.end <= ti and particle(doc, e) in ("은", "는")
                         and all(t.tag_.startswith(("MA", "NN", "XPN", "SL")) or is_mark(t) for t in doc[sent.start:e.start])]
        else:
            # what is strengthened is not the means ("bolstering operating conditions through nuclear
            # power"); but self-reliance "by securing data centres" is control of them
            cands = [e for e in stack if e.start >= tj and self.same_phrase(doc, tj, e.start, 4 if after_only else 6)
                     and not (means_not_object and any(t.lower_ in _EN_MEANS for t in doc[tj:e.start]))]
            if not cands and not after_only:  # a compound: "data centre expansion"
                cands = [e for e in stack if e.end == ti]
            if not cands and not after_only and ti > sent.start and doc[ti - 1].lower_ in ("its", "a", "the", "their"):
                # what is made a priority: "China has made AI chips its top priority"
                made = next((t.i for t in reversed(doc[max(sent.start, ti - 8):ti - 1])
                             if t.lower_ in ("made", "make", "makes", "making")), None)
                cands = [e for e in stack if made is not None and made < e.start and e.end < ti]
            if not cands and after_only and self.lang == "ko":  # "X를 자국 내에서 확보"
                cands = [e for e in stack if e.end <= ti and particle(doc, e) in ("을", "를")
                         and self.same_phrase(doc, e.end, ti, 4)]
        if not cands:
            return []
        first = cands[-1] if cands[0].end <= ti else cands[0]
        objs = self.coordinated(doc, stack, first, -1 if first.end <= ti else 1)
        return self.gapped(doc, sent, stack, objs) + objs if self.lang == "ko" and first.end <= ti else objs

    def gapped(self, doc: Doc, sent: Span, stack: list[Span], objs: list[Span]) -> list[Span]:
        """The Korean objects of a clause that shares the trigger, its verb left out: "GPU를 엔비디아에,"
        of "이집트는 GPU를 엔비디아에, 서버는 화웨이에 의존한다"."""
        c = next((t.i for t in reversed(doc[max(sent.start, objs[0].start - 4):objs[0].start]) if t.text == ","), None)
        # (the tokenizer may leave 에 on the name before a comma: "엔비디아에,")
        if c is None or c < 2 or not doc[c - 1].text.endswith(("에", "에게")) or last_tag(doc[c - 1]) not in ("JKB", "NNG"):
            return []
        prev = [e for e in stack if e.end <= c and c - e.end <= 5 and particle(doc, e) in ("을", "를")
                and not any(t.text == "," or last_tag(t).startswith(("EC", "EF")) for t in doc[e.end:c])]
        return self.coordinated(doc, stack, prev[-1], -1) if prev else []

    def held_by(self, doc: Doc, sent: Span, ents: list[Span], ti: int, tj: int) -> tuple[Span, list[Span]] | None:
        """English control said of the thing, with the country after it: "capacity owned and
        controlled in Canada" (or by), "data centres under Brazilian control", "under Australian
        ownership and control", "data must be stored in Norway". The things are the layers or
        resources just before."""
        subj, k = None, None
        if tj + 1 < sent.end and (doc[ti].lower_ == "controlled" and doc[tj].lower_ in ("in", "by", "within")
                                  or doc[ti].lower_ != "controlled" and doc[tj].lower_ in ("in", "within", "inside")):
            subj = next((e for e in ents if e.label_ in POLITY_TYPES and tj < e.start <= tj + 2), None)
            if subj is None and doc[tj + 1].lower_ == "the" and tj + 2 < sent.end and doc[tj + 2].lower_ in _THE_COUNTRY:
                # "the data will stay in the country": the country the text is about
                subj = next((a for a, _ in self.discourse.implied_subjects(POLITY_TYPES)), None)
            k = ti
        else:
            under = next((t.i for t in reversed(doc[max(sent.start, ti - 4):ti]) if t.lower_ == "under"), None)
            if under is not None:
                subj = next((d for t in doc[under + 1:ti]
                             if (d := self.discourse.demonym(doc, t.idx, t.idx + len(t.text))) is not None), None)
                subj = subj or next((e for e in ents if e.label_ in POLITY_TYPES and under < e.start < ti), None)
                k = under
        if subj is None or k is None:
            return None
        while k > sent.start and doc[k - 1].lower_ in _STAYING:  # "data centres that remain under Australian control"
            k -= 1
        stack = [e for e in ents if stack_object(e) and e.end <= k and k - e.end <= 5 and self.same_phrase(doc, e.end, k, 5)]
        if not stack:
            return None
        return subj, self.coordinated(doc, [e for e in ents if stack_object(e)], stack[-1], -1)

    def unmet(self, doc: Doc, sent: Span, ents: list[Span], ti: int) -> list[Span]:
        """Korean "X를 자급하지 못해 … 의존", "X의 국산화율이 낮아 외국 기술에 의존": what a negated
        self-reliance before a dependence trigger at ``ti`` is about is what the dependence is on."""
        for rel, pred, rx in KO_TRIGGER_RES:
            if rel != "controls" or pred.endswith(">"):
                continue
            for m in rx.finditer(span_text(sent), 0, doc[ti].idx - sent.start_char):
                span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
                if span is not None and span.end <= ti and self.negated(doc, sent, span.start, span.end):
                    objs = self.stack_objects(doc, sent, ents, span.start, span.end)
                    if objs:
                        return objs
        return []

    def depends_for(self, doc: Doc, sent: Span, ents: list[Span], tj: int) -> list[Span]:
        """English "depends on <supplier> for <resource>": the resources after the "for" (or "in")
        that follows the trigger's complement ("relies on US hyperscalers for most of its cloud",
        "dependence on global companies remains in the supply of GPUs")."""
        k = next((t.i for t in doc[tj:min(sent.end, tj + 16)] if t.lower_ in ("for", "in")), None)
        if k is None or not self.same_phrase(doc, tj, k, 8):
            return []
        stack = [e for e in ents if stack_object(e)]
        if (m := _EN_SHARE_OF.match(doc_text(doc), doc[k].idx + len(doc[k].text_with_ws))) is not None:  # (what the share is of)
            k = next((t.i - 1 for t in doc[k + 1:sent.end] if t.idx >= m.end()), k)
        first = next((e for e in stack if e.start > k and self.same_phrase(doc, k, e.start, 8)), None)
        if first is None:
            return []
        return self.and_on_for(doc, sent, ents, self.coordinated(doc, stack, first, 1))

    def en_set_apart(self, doc: Doc, sent: Span, ents: list[Span], ti: int, tj: int) -> list[Span]:
        """English objects a trigger's clause leaves to a fronted phrase ("For cloud, the state depends
        on US hyperscalers") or to a list after a colon ("dependent on non-European providers at every
        layer: chips, cloud and models")."""
        stack = [e for e in ents if stack_object(e)]
        first = next((t for t in sent if not is_mark(t)), None)
        if first is not None and first.lower_ in ("for", "in", "on") and first.i < ti:
            comma = next((t.i for t in doc[first.i:ti] if t.text == ","), None)
            fronted = [e for e in stack if comma is not None and first.i < e.start and e.end <= comma]
            if fronted and comma - first.i <= 8:
                return self.coordinated(doc, stack, fronted[0], 1)
        colon = next((t.i for t in doc[tj:min(sent.end, tj + 14)] if t.text in (":", "—", "–")), None)
        if colon is None or not self.same_phrase(doc, tj, colon, 13):
            return []
        after = next((e for e in stack if colon < e.start <= colon + 3), None)
        return self.coordinated(doc, stack, after, 1) if after is not None else []

    def and_on_for(self, doc: Doc, sent: Span, ents: list[Span], objs: list[Span]) -> list[Span]:
        """English objects of a dependence and those of the next "and on <supplier> for <resource>"
        ("relying on the US for advanced chips and on US hyperscalers for cloud")."""
        end = objs[-1].end if objs else sent.end
        if end + 2 < sent.end and doc[end].lower_ == "and" and doc[end + 1].lower_ in ("on", "upon"):
            return objs + self.depends_for(doc, sent, ents, end + 2)
        return objs

    def about(self, doc: Doc, start: int, end: int) -> bool:
        """Tokens ``start:end`` read "(… 등)에 대한 (해외 기술)": the name before them is what the
        noun at ``end`` is about."""
        toks = doc[start:end]
        k = next((i for i in range(len(toks) - 1) if toks[i].text == "에" and toks[i + 1].text in ("대한", "대해")),
                 None)
        return k is not None and k <= 6 and self.same_phrase(doc, start, start + k, 6) \
            and self.same_phrase(doc, start + k + 2, end, 3)

    def same_phrase(self, doc: Doc, start: int, end: int, limit: int) -> bool:
        """No clause boundary between tokens ``start`` and ``end``, and at most ``limit`` tokens, a
        name counting as one and its other name in brackets as none ("relies on Taiwan Semiconductor
        Manufacturing Co (TSMC) for chips")."""
        if end - start > limit and end - start - _name_tokens(doc, start, end) > limit:
            return False
        for t in doc[start:end]:
            if t.text in (",", ";", ":") or (last_tag(t).startswith(("EC", "EF", "SF", "ETM")) and t.text != "게") or t.lower_ in (
                    "which", "that", "while", "but", "whereas"):
                return False
        return True

    def substitutes(self, doc: Doc, sent: Span, ents: list[Span], ti: int, tj: int) -> list[Span]:
        """A dependence being reduced that names no layer or resource of its own ("해외 의존도를 낮추고,
        인프라·데이터를 유럽 중심으로 확보", "to reduce its dependence on the United States, Japan is
        developing an LLM"): what the sentence goes on to build in its place is what the dependence is
        on."""
        if self.lang == "ko":
            reducing = KO_REDUCE.search("".join(t.text for t in doc[tj:min(sent.end, tj + 4)])) is not None
        else:
            reducing = any(t.lower_ in EN_REDUCE for t in doc[max(sent.start, ti - 4):ti])
        if not reducing:
            return []
        stack = [e for e in ents if stack_object(e) and sent.start <= e.start < sent.end]
        for e in (e for e in stack if e.start >= tj):
            group = self.coordinated(doc, stack, e, 1)
            if self.built(doc, sent, group[0].start, group[-1].end):
                return group
        return []

    def built(self, doc: Doc, sent: Span, start: int, end: int) -> bool:
        """The names at ``start:end`` are what a verb of building or securing takes ("인프라·데이터를 …
        확보", "to develop a Japanese LLM"), not what is found or supported ("스타트업을 발굴")."""
        if self.lang == "ko":
            k = next((t.i for t in doc[end:min(sent.end, end + 8)] if _KO_BUILD.match(t.text)), None)
            return k is not None and self.same_phrase(doc, end, k, 8)
        k = next((t.i for t in reversed(doc[max(sent.start, start - 6):start]) if _EN_BUILD.match(t.lower_)), None)
        return k is not None and self.same_phrase(doc, k, start, 6)

    def spanned(self, doc: Doc, sent: Span, stack: list[Span], ti: int) -> list[Span]:
        """Korean "칩, 프레임워크, 모델을 포괄하는 독자 기술 스택의 자립": the names a relative clause of
        spanning ends with, when its phrase runs on to the trigger at ``ti``."""
        etm = next((t.i for t in reversed(doc[max(sent.start, ti - 7):ti]) if last_tag(t).startswith("ETM")), None)
        if etm is None or not self.same_phrase(doc, etm + 1, ti, 6):
            return []
        verb = next((t.i for t in doc[max(sent.start, etm - 2):etm + 1] if t.text.rstrip("는은") in _KO_SPANNING), None)
        return [e for e in stack if verb is not None and e.end <= verb and particle(doc, e) in ("을", "를")
                and particle_at(doc, e) == verb - 1]
