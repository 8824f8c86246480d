"""Relation candidates with features, for the learned relation scorer (:mod:`ingest.relmodel`).

The rules of :mod:`ingest.relations` decide from a trigger word and a few positional heuristics;
many statements a reader takes as facts escape them ("일본은 … 실행 기반 자체를 자국 내에서
확보"), and some they catch are wrong. So every plausible argument pair of a sentence becomes a
*candidate*, described by generic features: entity types, the particles and positions of both
arguments, the morphemes around the object, which trigger words occur in the object's clause,
negation and hedging, whether the subject is the running topic, and what the rules decided.
Features never name an entity or a knowledge-base id, so a model trained on one report applies to
another.

Groups of candidates, each with the relations a model scores for it. Besides the actors a sentence
names, the subjects Korean leaves out are candidates too: in a table whose rows are headed by an
actor, the row's actor; otherwise the running topic (the last actor a sentence was about); and the
actor the enclosing section heading is about ("1. 영국의 AI 정책 동향").
A ``stack`` candidate pairs an object with the subject the rules find for its clause, the topic
and the section's actor; a ``policy`` candidate pairs the policy with every country or bloc of the
sentence, the topic and the section's country:

========  ===========================  ======================================
group     arguments                    relations
========  ===========================  ======================================
stack     actor -> layer or resource   dependsOn, controls, strengthens
policy    country or bloc -> policy    hasPolicy
runby     policy -> organisation       runBy
========  ===========================  ======================================
"""

from __future__ import annotations

from typing import Any, Callable

from spacy.tokens import Doc, Span

from .cues import policy_kind
from .discourse import is_mark, last_tag
from .facts import Arg, rule_of
from .gazetteer import ACTOR_TYPES, ORG_TYPES, POLITY_TYPES, stack_object
from .mentions import generic
from .nlp import doc_text, span_text

GROUPS: dict[str, tuple[str, ...]] = {
    "stack": ("dependsOn", "controls", "strengthens"),
    "policy": ("hasPolicy",),
    "runby": ("runBy",),
}
GROUP_OF = {rel: g for g, rels in GROUPS.items() for rel in rels}
DEFAULT_PREDICATE = {"dependsOn": "dependsOn", "controls": "directlyControls", "strengthens": "strengthens",
                     "hasPolicy": "hasPolicy", "runBy": "runBy"}

# Kiwi tags of the morphemes that carry meaning (nouns, verb and adjective stems, roots, adverbs,
# derivational suffixes such as 하/되/화, and foreign words)
_CONTENT_TAGS = ("NNG", "NNP", "VV", "VA", "XR", "MAG", "XSV", "XSA", "XSN", "SL", "VX")
_BOUNDARY_TAGS = ("EC", "EF", "SF", "ETM")
# what may follow a name: particles and punctuation (anything else is "other")
_PARTICLES = {"은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게", "와", "과", "로", "으로", "도", "만", "까지",
              "부터", "및", "등", ",", "·", ":", "(", ")", "’", "”", "」", "", "'s", "of", "and", "to", "in", "on", "for"}


def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8+"


class Features:
    """Feature extraction for the candidates of one sentence.

    ``particle(doc, span)`` is the particle after a name (looking past generic head nouns),
    ``triggers`` the rule trigger expressions as ``(relation, predicate, compiled regex)`` and
    ``negated(doc, sent, i, j)`` the rules' test for a negated or hedged clause around tokens
    ``i:j``: all come from :mod:`ingest.relations`, so the rules and the model read the text the
    same way.
    """

    def __init__(self, lang: str, particle: Callable[[Doc, Span], str],
                 triggers: list[tuple[str, str, Any]], negated: Callable[[Doc, Span, int, int], bool]) -> None:
        self.lang = lang
        self.particle = particle
        self.triggers = triggers
        self.negated = negated
        self._matched: tuple[Any, list[tuple[str, int]]] = (None, [])
        self._object: tuple[Any, list[str]] = (None, [])

    # -------------------------------------------------------- text around a span
    def words(self, toks) -> list[str]:
        """The meaningful words of ``toks``; a name counts as its type (``<Country>``), never as
        itself, so nothing learned is tied to one entity."""
        out = []
        for t in toks:
            if t.ent_type_:
                if t.ent_iob_ == "B":
                    out.append(f"<{t.ent_type_}>")
            elif self.lang == "ko" and t.tag_.startswith(_CONTENT_TAGS) or self.lang == "en" and t.is_alpha \
                    and not t.is_stop:
                out.append(t.text if self.lang == "ko" else t.lower_)
        return out

    def clause_after(self, doc: Doc, sent: Span, i: int, limit: int = 10) -> list:
        """Tokens from ``i`` to the end of its clause (at most ``limit``)."""
        out = []
        for t in doc[i:min(sent.end, i + limit)]:
            out.append(t)
            if self.lang == "ko" and (last_tag(t).startswith(_BOUNDARY_TAGS) and t.text not in ("게", "고", "지", "어", "아")
                                      or t.text in (",", ";", ":")):
                break
            if self.lang == "en" and t.text in (",", ";", ":") or t.lower_ in ("which", "while", "but", "whereas"):
                break
        return out

    def trigger_hits(self, sent: Span, toks, prefix: str) -> list[str]:
        if not toks:
            return []
        if self._matched[0] != (sent.doc, sent.start_char):  # the triggers of a sentence, found once
            self._matched = ((sent.doc, sent.start_char),
                             [(rel, m.start()) for rel, _pred, rx in self.triggers for m in rx.finditer(span_text(sent))])
        lo, hi = toks[0].idx - sent.start_char, toks[-1].idx + len(toks[-1].text) - sent.start_char
        return sorted({f"{prefix}{rel}" for rel, at in self._matched[1] if lo <= at < hi})

    def span_features(self, doc: Doc, sent: Span, span: Span, role: str) -> list[str]:
        part = self.particle(doc, span)
        f = [f"{role}.type={span.label_}", f"{role}.part={part if part in _PARTICLES else 'other'}",
             f"{role}.rule={rule_of(span).split('.')[0] or 'none'}"]
        lead = next((t.i for t in sent if not is_mark(t)), sent.start)
        if span.start == lead:
            f.append(f"{role}.opens")
        return f

    def object_features(self, doc: Doc, sent: Span, obj: Span, group: tuple[int, int] | None = None) -> list[str]:
        """What surrounds the object: the same for every subject it is paired with, so computed
        once per object. ``group`` is the token range of the list the object belongs to ("GPU·AI
        칩·데이터센터를 확충"): what follows the list is what the list says of each of its items,
        so it gives the features ``G>R=`` and ``G>T>`` (and ``G<L=`` for what precedes it)."""
        key = (doc, obj.start, obj.end)
        if self._object[0] != key:
            f = self.span_features(doc, sent, obj, "o")
            after = self.clause_after(doc, sent, obj.end)
            before = list(doc[max(sent.start, obj.start - 4):obj.start])
            f += [f"R={w}" for w in self.words(after)]
            first = self.words(after[:1]) or [after[0].text if after and not after[0].ent_type_ else ""]
            f.append(f"R1={first[0]}" if after else "R1=<end>")
            f += [f"L={w}" for w in self.words(before)]
            f += self.trigger_hits(sent, after, "T>")
            f += self.trigger_hits(sent, before, "T<")
            if group is not None and group != (obj.start, obj.end):
                f.append("o.listed")
                if group[1] > obj.end:
                    after = self.clause_after(doc, sent, group[1])
                    f += [f"G>R={w}" for w in self.words(after)]
                    f += self.trigger_hits(sent, after, "G>T>")
                if group[0] < obj.start:
                    f += [f"G<L={w}" for w in self.words(doc[max(sent.start, group[0] - 4):group[0]])]
            if obj.label_ == "Policy":
                f.append(f"o.form={policy_form(obj)}")
            if self.negated(doc, sent, obj.start, obj.end):
                f.append("neg>")
            self._object = (key, f)
        return list(self._object[1])

    # -------------------------------------------------------- one candidate
    def pair(self, doc: Doc, sent: Span, ents: list[Span], subj: Span | None, obj: Span, source: str,
             kind: str, rule_rels: set[str], group: tuple[int, int] | None = None) -> list[str]:
        """Features of the pair (subject, object) in ``sent`` (whose entities are ``ents``);
        ``subj`` is None for a subject from another paragraph, and ``source`` says where the
        subject comes from: ``sentence``, the table ``row``, the running ``topic`` or the
        ``section`` heading. ``group`` is the token range of the list the object belongs to."""
        f = [f"seg={kind}", f"lang={self.lang}"] + self.object_features(doc, sent, obj, group)
        if source != "sentence":
            f.append(f"s.{source}")
            if subj is not None:
                f += [f"s.type={subj.label_}"]
            f.append("s.in-sentence" if subj is not None and subj.doc is doc and sent.start <= subj.start < sent.end
                     else "s.carried")
            if any(e.label_ in ACTOR_TYPES and e.start < obj.start and (subj is None or e.kb_id_ != subj.kb_id_)
                   for e in ents):
                f.append("s.rival")  # the sentence names another actor before the object
        if subj is not None and subj.doc is doc and sent.start <= subj.start < sent.end:
            f += self.span_features(doc, sent, subj, "s")
            gap = obj.start - subj.end if subj.end <= obj.start else subj.start - obj.end
            f.append(("s<o" if subj.end <= obj.start else "o<s") + f":{_bucket(gap)}")
            lo, hi = (subj.end, obj.start) if subj.end <= obj.start else (obj.end, subj.start)
            between = list(doc[lo:hi])
            f += [f"B={w}" for w in self.words(between)]
            if any(t.text in (",", ";") or last_tag(t).startswith(("EF", "SF")) for t in between):
                f.append("B.clause-break")
            f += self.trigger_hits(sent, between, "TB:")
            others = [e for e in ents if lo <= e.start < hi and e.label_ in ACTOR_TYPES]
            if others:
                f.append("B.actor")
        f += [f"rule={r}" for r in sorted(rule_rels)]
        return f


def policy_form(span: Span) -> str:
    """How a policy is named: ``titled`` (in 「」 or quotes), ``kind`` (its name ends in a word for a
    kind of policy: 전략, 법, Act, Programme…), ``proper`` (a proper name: GENIAC, Stargate) or
    ``phrase`` (common words that describe a measure: "AI 전공 대학원생 5,000명 추가 선발", "AI
    리터러시 교육"). Annotators take the first three for named policies more often than the last."""
    if span.start_char > 0 and doc_text(span.doc)[span.start_char - 1] in "「『‘“\"'" or span.text[:1] in "「『‘“\"'":
        return "titled"
    name = span.text.strip("「」『』‘’“”\"' ")
    if policy_kind(name):
        return "kind"
    return "phrase" if generic(span) else "proper"


def candidates(ex, doc: Doc, sent: Span, ents: list[Span], kind: str, rule_facts: list) -> list[dict[str, Any]]:
    """Every argument pair of one sentence as a candidate: ``{"group", "subject", "object",
    "supplier", "features", "rules", "sent_start", "sent_end"}``, arguments as :class:`Arg` dicts
    and ``rules`` the relations for which a rule fact found the same pair (with its predicate and
    supplier). ``ex`` is the :class:`ingest.relations.Extractor`: its features, running topic,
    subject and supplier heuristics."""
    feat: Features = ex.features
    out: list[dict[str, Any]] = []
    actors = [e for e in ents if e.label_ in ACTOR_TYPES - {"Group"}]

    def rule_index(rels: tuple[str, ...]) -> dict[tuple, dict[str, Any]]:
        idx: dict[tuple, dict[str, Any]] = {}
        for fact in rule_facts:
            if fact.relation in rels and fact.object is not None:
                idx.setdefault((fact.subject.id or fact.subject.text, fact.object.start), {}).setdefault(
                    fact.relation, fact)
        return idx

    def named(span: Span, pool: list[Span]) -> bool:
        return any(e is span or e.kb_id_ and e.kb_id_ == span.kb_id_ for e in pool)

    def subjects(pool: list[Span], types: frozenset[str] = ACTOR_TYPES) -> list[tuple[Span, str]]:
        """Each entity of ``pool``, then each subject of ``types`` the sentence leaves out (the
        running topic, the section's actor) unless it names it, with where it comes from."""
        subs = [(e, "sentence") for e in pool]
        for span, source in ex.discourse.implied_subjects(types):
            if not named(span, [s for s, _ in subs]):
                subs.append((span, source))
        return subs

    crowds: dict[int, list[str]] = {}

    def crowd(subj: Span) -> list[str]:
        """``s.crowd=N`` when the subject is one of N coordinated actors ("미국, 일본, 캐나다와
        협력"): participants in a list are seldom who acts. Once per actor of the sentence."""
        if subj.doc is not doc or subj not in actors:
            return []
        if subj.start not in crowds:
            n = len(ex.coordinated(doc, actors, subj, -1)) + len(ex.coordinated(doc, actors, subj, 1)) - 1
            crowds[subj.start] = [f"s.crowd={_bucket(n)}"] if n > 1 else []
        return crowds[subj.start]

    def add(group: str, subj: Span, obj: Span, source: str, idx: dict, listed: tuple[int, int] | None = None) -> None:
        rules = idx.get((subj.kb_id_ or subj.text, obj.start_char), {})
        sup = None
        if group == "stack" and subj.doc is doc:
            sup = ex.supplier(doc, sent, ents, obj.start, obj.end, subj)
        out.append({
            "group": group, "subject": Arg.of(subj, doc).to_dict(), "object": Arg.of(obj).to_dict(),
            "supplier": Arg.of(sup).to_dict() if sup is not None else None,
            "rules": {rel: {"predicate": f.predicate, "supplier": f.supplier.to_dict() if f.supplier else None}
                      for rel, f in rules.items()},
            "features": feat.pair(doc, sent, ents, subj if subj.doc is doc else None, obj, source, kind,
                                  set(rules), listed) + crowd(subj),
            "sent_start": sent.start_char, "sent_end": sent.end_char})

    stack = [e for e in ents if stack_object(e)]
    if stack:
        idx = rule_index(GROUPS["stack"])
        for obj in stack:  # the clause's subject as the rules find it, the topic, the section's actor
            members = ex.coordinated(doc, stack, obj, -1) + ex.coordinated(doc, stack, obj, 1)
            listed = (min(e.start for e in members), max(e.end for e in members))
            subj = ex.subject(doc, sent, [e for e in ents if e.end <= listed[0]], listed[0], exclude=members)
            for s, source in subjects([subj] if subj is not None else []):
                if s is not obj:
                    add("stack", s, obj, source, idx, listed)
    policies = [e for e in ents if e.label_ == "Policy"]
    if policies:
        idx = rule_index(GROUPS["policy"])
        polities = [e for e in actors if e.label_ in POLITY_TYPES]
        for pol in policies:
            for subj, source in subjects(polities, POLITY_TYPES):
                add("policy", subj, pol, source, idx)
        idx = rule_index(GROUPS["runby"])  # runBy's subject is the policy, its object the organisation
        for pol in policies:
            for org in (e for e in actors if e.label_ in ORG_TYPES):
                add("runby", pol, org, "sentence", idx)
    return out
