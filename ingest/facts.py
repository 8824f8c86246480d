"""The facts extraction produces: an argument (:class:`Arg`, an entity mention) and a fact
(:class:`Fact`, a relation between arguments in one sentence, with the rule and a confidence)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Span

RELATIONS = ("dependsOn", "controls", "strengthens", "hasPolicy", "runBy", "invests", "replaces")
# the kinds of segment (ingest.clean) whose sentences state facts; a heading or a caption only names
# them ("3. Korea's AI Action Plan": Korea has the plan)
FACT_KINDS = ("body", "table")


def derived(span: Span, rule: str) -> Span:
    """Mark ``span`` as made from other words by ``rule`` ("owner": a government body's words
    standing for its country). spaCy keys a span's ``_.rule`` by its offsets alone, so setting it
    here would overwrite the rule of the mention over the same words; this is keyed by the span's
    label and id too."""
    span.doc.user_data[("policykg.derived", span.start_char, span.end_char, span.label_, span.kb_id_)] = rule
    return span


def rule_of(span: Span) -> str:
    """How ``span`` was found: its :func:`derived` rule, else its mention's."""
    return span.doc.user_data.get(("policykg.derived", span.start_char, span.end_char, span.label_, span.kb_id_),
                                  span._.rule)


@dataclass
class Arg:
    """An argument of a fact: an entity mention (character offsets in the doc)."""

    start: int
    end: int
    text: str
    type: str
    id: str  # knowledge-base id, or "" for a new name (a candidate)
    rule: str = ""

    @classmethod
    def of(cls, span: Span, doc: Doc | None = None) -> "Arg":
        """The argument of a span; offsets -1 when the span is in another doc (a carried-over topic)."""
        if doc is not None and span.doc is not doc:
            return cls(-1, -1, span.text, span.label_, span.kb_id_, rule_of(span))
        return cls(span.start_char, span.end_char, span.text, span.label_, span.kb_id_, rule_of(span))

    def to_dict(self) -> dict[str, Any]:
        """``dataclasses.asdict`` of an argument, without its deep copies (every field is a plain value)."""
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type, "id": self.id,
                "rule": self.rule}


@dataclass
class Fact:
    relation: str
    predicate: str  # the ontology property it asserts
    subject: Arg
    object: Arg | None
    rule: str
    confidence: float
    sent_start: int
    sent_end: int
    supplier: Arg | None = None
    amount: float | None = None
    currency: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def one_of_alternatives(doc: Doc, ents: list[Span], facts: list[Fact],
                         cands: list[dict[str, Any]]) -> tuple[list[Fact], list[dict[str, Any]]]:
    """Of a name and another name of it in brackets (:meth:`ingest.mentions.Mentions.alternatives`),
    facts name one: the linked one, else the first ("「국가 AI 전략(National AI Strategy)」을 발표"
    is one policy announced, not two). (An argument derived from the other name, such as the
    country of a ministry, is another entity and stays.) A new name given in brackets earlier in the
    document stands for the name before those brackets (``doc.user_data["aliases"]``)."""
    pairs = doc.user_data.get("alternatives", ())
    aliases = doc.user_data.get("aliases", {})
    if not pairs and not aliases:
        return facts, cands
    at = {(e.start, e.end): e for e in ents}
    other: dict[tuple[int, int, str, str], Arg] = {}
    for a, b in pairs:
        a, b = at.get(a), at.get(b)
        if a is not None and b is not None:
            keep, drop = (b, a) if b.kb_id_ and not a.kb_id_ else (a, b)
            other[drop.start_char, drop.end_char, drop.label_, drop.kb_id_] = Arg.of(keep)
    # a new name given before in brackets after the one it stands for ("… Technology (MeitY)", then
    # "MeitY launched …") names that one, here at its own offsets
    for e in ents:
        if not e.kb_id_ and (full := aliases.get((e.start_char, e.end_char))) is not None:
            other[e.start_char, e.end_char, e.label_, ""] = replace(Arg.of(e), text=full)

    def arg(x: Arg | None) -> Arg | None:
        return other.get((x.start, x.end, x.type, x.id), x) if x is not None else None

    def arg_dict(x: dict[str, Any] | None) -> dict[str, Any] | None:
        key = (x["start"], x["end"], x["type"], x["id"]) if x is not None else None
        return other[key].to_dict() if key in other else x

    facts = [replace(f, subject=arg(f.subject), object=arg(f.object)) for f in facts]
    cands = [{**c, "subject": arg_dict(c["subject"]), "object": arg_dict(c["object"])} for c in cands]
    return facts, cands


def dedupe(facts: list[Fact]) -> list[Fact]:
    """``facts`` without repeats (the same relation between the same words of a sentence, or between
    the same entities where one fact took its subject from the object's own name: "Korea launched the
    Korea Semiconductor Mission")."""
    seen, out = set(), []
    stated = {(f.relation, f.subject.id, f.object.start, f.sent_start) for f in facts
              if f.object is not None and f.subject.id and not f.rule.endswith(".name")}
    for f in facts:
        if f.rule.endswith(".name") and f.object is not None \
                and (f.relation, f.subject.id, f.object.start, f.sent_start) in stated:
            continue
        # (a subject from another sentence has no offsets here: its id tells it apart)
        key = (f.relation, f.predicate, f.subject.start, f.subject.id if f.subject.start < 0 else "",
               f.object.start if f.object else None, f.amount, f.sent_start)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
