"""The ``policykg_mentions`` component: the boundaries of recognised names, made to match how
the names are written.

Runs after the gazetteer and the cues, before relations:

- a name with a bracketed alternative, ``GENIAC(Generative AI Accelerator Challenge)`` or
  ``「인공지능 국가전략(UAE National Strategy for AI)」``, is two mentions of one entity; a bracket
  that only describes (``Vision 2030(경제 다각화 및 사회개혁 전략)``, ``GENIAC(2024. 2.)``) is not
  part of the name;
- a country right before one of its government bodies is part of the body's name
  (``일본 경제산업성``, ``사우디 데이터·AI청``): one Agency mention, not a Country and an Agency;
- a name followed by another name of it in brackets (``베트남 과학기술부(MOST)``) is noted as a
  pair, so that facts name one of them (:meth:`Mentions.alternatives`);
- words that only look like a name are none: a country's dollar (``대만달러``), an ending spelt
  like a name (``…”이란``), procurement bought abroad (``해외 조달``: sourcing, not the resource).

:func:`by_context` links a policy known by a generic name ("National AI Strategy", "국가 AI 전략",
"AI gigafactory") by the countries and blocs around it; the relation extractor calls it, as it
knows the section's country and a table row's.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .nlp import doc_text, known_names, name_key

# "name(alternative)" with the bracket closing the mention
_BRACKETED = re.compile(r"^(?P<outer>.*?\S)\s*\((?P<inner>[^()]+)\)$")
# what separates the items of an English list
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")
# an alternative that is a name: Latin script starting with a capital letter (not a date, not a description)
_LATIN_NAME = re.compile(r"^[A-Z][\w&.,'’:\- ]*$")
# "procurement" (조달) bought from abroad is sourcing, not the public procurement a layer's name
# means ("핵심 부품의 해외 조달 의존", "reliance on overseas procurement of components")
_SOURCING = re.compile(r"^(?:조달|procurement|sourcing)$", re.I)
# the kinds of named bodies, and a Latin name in brackets right after one ("(NIPA)", "(National Telecom)")
BODY_TYPES = {"Agency", "Company", "Organisation"}


def takes_bracketed_name(span: Span, name: str) -> bool:
    """Whether ``name``, in brackets right after this mention, is another name of it: after a body's
    or a company's name, a new bloc's ("Association of Southeast Asian Nations (ASEAN)"), or a
    policy's when it is an acronym ("National AI Research Resource (NAIRR)", "Qatar Compute 2030
    (QC2030)"; not a description: "AI Act (Regulation)")."""
    if span.label_ == "Policy":
        return _ACRONYM.match(name) is not None
    return span.label_ in BODY_TYPES or span.label_ == "Bloc" and not span.kb_id_

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]*[A-Z0-9]$")
BRACKET_AFTER = re.compile(r"\s?[(（]([A-Z][\w&.'’-]*(?: [A-Z&][\w&.'’-]*){0,3})[)）]")
_VERSION = re.compile(r"^(?:\d{1,2}\.\d|II|III|IV)$")  # ("Smart Nation 2.0", "Big Fund III")
_YEAR_RANGE = re.compile(r" (?:19|20)\d{2}\s?[-–~]\s?(?:19|20)\d{2}\b")  # (a strategy's years)
_QUANTITY_WORDS = {"million", "billion", "trillion", "bn", "mn", "m", "percent", "%", "times", "조", "억", "만", "배", "%p"}
# what turns a Korean country name into a word for its language or style: 어, 형, 식, 계
_KO_OF_COUNTRY = {"어", "형", "식", "계"}
_FROM_ABROAD = {"해외", "외부", "외국", "국외", "overseas", "foreign", "external", "offshore", "international"}


class Mentions:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        index = known_names(self.nlp)
        ents: list[Span] = []
        for e in doc.ents:
            ents.extend(self.split_bracketed(doc, e, index))
        gazetteer = self.nlp.get_pipe("policykg_gazetteer") if "policykg_gazetteer" in self.nlp.pipe_names else None
        owner = gazetteer.owner if gazetteer is not None else {}
        ents = [self.versioned(doc, e) for e in ents if not (self.sourcing(doc, e) or self.no_name(doc, e))]
        ents = self.layer_lists(doc, filter_spans(self.merge_country_agency(doc, ents, owner)), index)
        doc.ents = self.alternatives(doc, self.bracketed_names(doc, ents), index, owner)
        return doc

    @staticmethod
    def bracketed_names(doc: Doc, ents: list[Span]) -> list[Span]:
        """A name in Latin script in brackets right after the name of a body or a company is another
        name of it, though nothing else knows it: "정보통신산업진흥원(NIPA)", "통신디지털부(Komdigi)",
        "NT(National Telecom)" (not a term: "신경망처리장치(NPU)" names no body)."""
        text = doc_text(doc)
        out = list(ents)
        for e in ents:
            m = BRACKET_AFTER.match(text, e.end_char)
            if m is None or not takes_bracketed_name(e, m.group(1)) \
                    or any(o.start_char < m.end(1) and m.start(1) < o.end_char for o in out):
                continue
            span = doc.char_span(m.start(1), m.end(1), label=e.label_, kb_id=e.kb_id_)
            if span is not None:
                span._.rule = "cue.bracketed"
                out.append(span)
        return sorted(out, key=lambda x: x.start)

    @staticmethod
    def alternatives(doc: Doc, ents: list[Span], index: dict[str, dict[str, str]],
                     owner: dict[str, str]) -> list[Span]:
        """A name in brackets right after a name of the same type is another name of it ("베트남
        과학기술부(MOST)", "「국가 AI 전략(National AI Strategy)」"): both stay mentions, and
        ``doc.user_data["alternatives"]`` lists the pairs (token offsets), so that facts name one of
        them (:mod:`ingest.relations`). An abbreviation the knowledge base gives another country's
        body is not that body here ("MOST" is China's, "베트남 과학기술부" Vietnam's): it is left
        unlinked."""
        out = list(ents)
        pairs = []
        text = doc_text(doc) if len(out) > 1 else ""
        for n in range(len(out) - 1):
            a, b = out[n], out[n + 1]
            if a.label_ != b.label_ or text[a.end_char:b.start_char].strip() not in ("(", "（") \
                    or not text[b.end_char:b.end_char + 2].lstrip().startswith((")", "）")):
                continue
            if not a.kb_id_ and b.kb_id_ in owner:
                first = index.get(name_key(a.text.split()[0])) if " " in a.text else None
                if first is not None and first["label"] in ("Country", "Bloc") and first["id"] != owner[b.kb_id_]:
                    rule = b._.rule
                    out[n + 1] = Span(doc, b.start, b.end, label=b.label_)
                    out[n + 1]._.rule = rule
            pairs.append(((a.start, a.end), (b.start, b.end)))
        doc.user_data["alternatives"] = pairs
        return out

    @staticmethod
    def versioned(doc: Doc, e: Span) -> Span:
        """A policy's name with the version number after it ("National AI Strategy 2.0", "Smart
        Nation 2.0"): another policy than the one without it, a new name."""
        years = _YEAR_RANGE.match(doc_text(doc), e.end_char) if e.label_ == "Policy" else None
        if years is not None and (span := doc.char_span(e.start_char, years.end(), label="Policy")) is not None:
            span._.rule = "cue.version:Policy"  # ("National AI Strategy 2024-2030")
            return span
        if e.label_ != "Policy" or e.end >= len(doc) or not _VERSION.match(doc[e.end].text) \
                or not e[-1].whitespace_ or e.end + 1 < len(doc) and (doc[e.end + 1].text[:1].isdigit()
                                                                      or doc[e.end + 1].lower_ in _QUANTITY_WORDS):
            return e
        span = Span(doc, e.start, e.end + 1, label="Policy")
        span._.rule = "cue.version:Policy"
        return span

    @staticmethod
    def no_name(doc: Doc, e: Span) -> bool:
        """Words that only look like a name: a country's dollar ("대만달러", "Singapore dollars"), its
        language or style written as one word ("태국어", "인도형": the gold guide's "not adjectives or
        languages") and Korean endings spelt like a name ("“컴퓨팅 자원”이란": 이+란, not Iran)."""
        if e.label_ == "Country" and e.end < len(doc) and doc[e.end].lower_.startswith(("달러", "dollar")):
            return True
        if e.label_ == "Country" and e.end < len(doc) and not e[-1].whitespace_ and doc[e.end].text in _KO_OF_COUNTRY:
            return True
        return all(t.tag_.startswith(("J", "E", "VCP", "XS")) for t in e)

    @staticmethod
    def sourcing(doc: Doc, e: Span) -> bool:
        """The bare word for procurement right after "from abroad" (해외, overseas): buying abroad."""
        return e.label_ == "Resource" and bool(_SOURCING.match(e.text)) and e.start > 0 \
            and doc[e.start - 1].lower_ in _FROM_ABROAD

    @staticmethod
    def layer_lists(doc: Doc, ents: list[Span], index: dict[str, dict[str, str]]) -> list[Span]:
        """English lists that end in "layers" ("the compute infrastructure and model and data
        layers", "Cloud and data centres layers:"): each item is the layer of its name where
        "<item> layer" names one ("compute infrastructure layer", "cloud layer"), though alone it
        names a resource; the others stay as they are. ``ents`` in text order."""
        if doc.lang_ != "en":
            return ents
        out = list(ents)
        for k, e in enumerate(out):
            nxt = doc[e.end] if e.end < len(doc) else None
            if e.label_ not in ("Layer", "Resource") or not (
                    e.text.lower().endswith("layers") or nxt is not None and nxt.lower_ == "layers"):
                continue
            j = k
            while j >= 0 and (j == k or _LIST_GAP.fullmatch(doc_text(doc)[out[j].end_char:out[j + 1].start_char])):
                item = out[j]
                known = index.get(name_key(re.sub(r"\s+layers$", "", item.text, flags=re.I) + " layer"))
                if item.label_ not in ("Layer", "Resource"):
                    break
                if known is not None and known["label"] == "Layer" and known["id"] != item.kb_id_:
                    out[j] = Span(doc, item.start, item.end, label="Layer", kb_id=known["id"])
                    out[j]._.rule = item._.rule
                j -= 1
        return out

    @staticmethod
    def split_bracketed(doc: Doc, e: Span, index: dict[str, dict[str, str]]) -> list[Span]:
        m = _BRACKETED.match(e.text)
        if not m:
            return [e]
        outer_known = index.get(name_key(m["outer"]))
        inner_known = index.get(name_key(m["inner"]))
        inner = m["inner"].strip()
        out: list[Span] = []
        o_start = e.start_char
        o_end = o_start + len(m["outer"])
        label, kb = e.label_, e.kb_id_
        if outer_known is not None:
            label, kb = outer_known["label"], outer_known["id"]
        if outer_known is not None and inner_known is not None and outer_known["id"] != inner_known["id"]:
            # the two names of one entity: where one name is shared by several, the id the other has
            if any(i == outer_known["id"] for i, _ in inner_known.get("others", ())):
                inner_known = outer_known
            elif any(i == inner_known["id"] for i, _ in outer_known.get("others", ())):
                label, kb = inner_known["label"], inner_known["id"]
        outer = doc.char_span(o_start, o_end, label=label, kb_id=kb or (inner_known or {}).get("id", ""),
                              alignment_mode="contract")
        if outer is None:
            return [e]
        outer._.rule = e._.rule
        out.append(outer)
        if inner_known is not None or _LATIN_NAME.match(inner):
            i_start = e.start_char + m.start("inner") + (len(m["inner"]) - len(m["inner"].lstrip()))
            i_kb = (inner_known or {}).get("id", "") or outer.kb_id_
            span = doc.char_span(i_start, i_start + len(inner), label=(inner_known or {}).get("label", outer.label_),
                                 kb_id=i_kb, alignment_mode="contract")
            if span is not None and len(span):
                span._.rule = e._.rule
                out.append(span)
        return out

    @staticmethod
    def merge_country_agency(doc: Doc, ents: list[Span], owner: dict[str, str]) -> list[Span]:
        """"일본 경제산업성" is one mention of the ministry. A body the knowledge base gives another
        country is a namesake of that country's own ("인도네시아 산업부" is not Korea's 산업부,
        "Indonesia's Ministry of Industry" not Korea's): a new name, linked to nothing."""
        out: list[Span] = []
        i = 0
        while i < len(ents):
            a = ents[i]
            b = ents[i + 1] if i + 1 < len(ents) else None
            if b is None or a.label_ != "Country" or b.label_ != "Agency":
                out.append(a)
                i += 1
                continue
            namesake = b.kb_id_ in owner and owner[b.kb_id_] != a.kb_id_
            if b.start == a.end and a.end_char < b.start_char:  # adjacent words
                merged = Span(doc, a.start, b.end, label=b.label_, kb_id="" if namesake else b.kb_id_)
                merged._.rule = "cue.context:Agency" if namesake else b._.rule
                out.append(merged)
                i += 2
                continue
            out.append(a)
            if namesake and b.start == a.end + 1 and doc[a.end].text in ("'s", "’s"):
                ents[i + 1] = Span(doc, b.start, b.end, label=b.label_)
                ents[i + 1]._.rule = "cue.context:Agency"
            i += 1
        return out

    # nothing to save: the component has no state
    def to_disk(self, _path: Any, **_kw: Any) -> None:
        return None

    def from_disk(self, _path: Any, **_kw: Any) -> "Mentions":
        return self


def by_context(e: Span, ents: list[Span], implied: list[Span], owner: dict[str, str],
               others: dict[str, list[tuple[str, str]]]) -> Span | None:
    """A policy mention ``e`` of a sentence whose entities are ``ents``, linked by the countries and
    blocs around it: those the sentence names, those whose government bodies it names, and
    ``implied`` (the section's country, a table row's). A generic name (:func:`generic`) whose
    known policy belongs to none of them is the policy of that name whose owner is among them
    (``others``), or else a new name, proposed (or no mention where the name only describes a
    kind of measure: "소버린 AI 정책", "AI 규제"). A proper name (GENIAC, 「디지털 중국 건설 …」)
    keeps its link wherever it is mentioned, and so does a name with no polity around it.

    A group of one country known by common words ("공공 부문", "스타트업", "국내 기업" of the
    knowledge base's EU, Japan, Korea) is that group only where its country is around; elsewhere
    the words name nobody in particular and are no mention (None)."""
    if e.label_ not in ("Policy", "Group") or not e.kb_id_ or e.kb_id_ not in owner or not generic(e):
        return e
    polities = {x.kb_id_ for x in [*ents, *implied] if x.label_ in ("Country", "Bloc") and x.kb_id_} | {
        owner[x.kb_id_] for x in ents if x.label_ == "Agency" and x.kb_id_ in owner}
    if e.label_ == "Group":
        return e if owner[e.kb_id_] in polities else None
    if not polities or owner[e.kb_id_] in polities:
        return e
    match = next((i for i, o in others.get(e.kb_id_, ()) if o in polities), "")
    if not match and _DESCRIPTIVE_HEAD.search(e.text):
        return None  # "소버린 AI 정책", "AI 규제": a description of another country's measures, no name
    span = Span(e.doc, e.start, e.end, label=e.label_, kb_id=match)
    span._.rule = "gazetteer.context" if match else "cue.context:Policy"
    return span


# the head words of a generic name that describes a kind of measure rather than naming one
_DESCRIPTIVE_HEAD = re.compile(r"(?:정책|규제|제재|통제|(?i:polic(?:y|ies)|regulations?|controls|sanctions))$")
# the words of a generic English policy name: a name made only of them ("National AI Strategy") is
# one many countries have; any other word ("Stargate", "Britain", "Pax") makes it a proper name
_GENERIC_EN = {
    "ai", "artificial", "intelligence", "national", "strategy", "strategic", "plan", "action", "act", "basic",
    "law", "framework", "roadmap", "programme", "program", "project", "initiative", "mission", "fund", "policy",
    "agenda", "vision", "data", "digital", "compute", "computing", "infrastructure", "sovereign", "sovereignty",
    "factory", "factories", "gigafactory", "gigafactories", "research", "development", "innovation", "safety",
    "security", "semiconductor", "semiconductors", "chip", "chips", "cloud", "model", "models", "foundation",
    "public", "industrial", "industry", "talent", "education", "skills", "regulation", "governance", "ethics",
    "guidelines", "cooperation", "partnership", "global", "international", "new", "generation", "promotion",
    "support", "investment", "opportunities", "leadership", "technology", "technologies", "export", "exports",
    "controls", "control", "centre", "center", "centres", "centers", "hub", "hubs", "network", "open", "source",
    "supercomputer", "supercomputing", "quantum", "package", "white", "paper", "report", "standards", "startup",
    "startups", "growth", "economy", "economic", "transformation", "literacy", "adoption", "readiness", "sector",
    "sectors", "bodies", "companies", "firms", "enterprises", "smes",
}
_GENERIC_KO_TAGS = ("NNG", "XSN", "XPN", "SN", "SS", "SP", "SO", "SW", "SSO", "SSC")
# loanwords of policy names that Kiwi does not read as one common noun ("소버린" is 소 + 버리 + ㄴ)
_GENERIC_KO_WORDS = {"소버린", "디지털", "스마트", "플랫폼", "클라우드", "데이터", "이니셔티브", "프로젝트", "프로그램",
                     "로드맵", "펀드", "허브", "센터", "팩토리", "기가팩토리", "리터러시", "스타트업", "인프라"}


def generic(span: Span) -> bool:
    """Whether a name is made of common words only, a name many countries' policies have.

    Korean: every morpheme a common noun (or "AI", a number, punctuation); English, and the Latin
    words of a Korean text ("「UK National AI Strategy」"): every word in the list of policy words
    or a function word."""
    toks = [t for t in span if not (t.is_punct or t.is_space)]

    def english(t) -> bool:
        # (not "US", a country, for the stop word "us")
        return t.lower_ in _GENERIC_EN or t.lower_ in EN_STOP_WORDS and not t.text.isupper() or t.like_num

    if span.doc.lang_ == "ko":
        loan = [(m.start() + span.start_char, m.end() + span.start_char) for m in re.finditer(r"\S+", span.text)
                if m.group().strip("「」『』‘’“”'\"()") in _GENERIC_KO_WORDS]
        return bool(toks) and all(english(t) if t.tag_ == "SL" else
                                  t.tag_.startswith(_GENERIC_KO_TAGS) or t.text.upper() in ("AI", "X")
                                  or any(a <= t.idx < b for a, b in loan) for t in toks)
    return bool(toks) and all(english(t) for t in toks)


@Language.factory("policykg_mentions")
def make_mentions(nlp: Language, name: str) -> Mentions:
    return Mentions(nlp, name)
