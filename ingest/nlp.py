"""spaCy pipelines for Korean and English policy text, defined by ``ingest/pipelines/{ko,en}.cfg``.

Registered here:

- ``policykg.KiwiTokenizer.v1``: a tokenizer for ``spacy.blank("ko")`` that builds the ``Doc``
  from Kiwi's morphemes, so ``일본은`` is ``일본`` + ``은`` and a pattern for ``일본`` matches.
  The text is kept exactly (``doc.text == text``); morphemes Kiwi merges or splits inside one
  syllable (``했`` = ``하`` + ``었``) become one token, zero-width ones are dropped; each token
  carries Kiwi's tag (``token.tag_``, e.g. ``NNP``, ``JX``, ``VX``) and sentence starts come
  from Kiwi's sentence splitter.
- ``policykg_gazetteer``: recognises the knowledge base's names (patterns in the SpanRuler
  format from :mod:`ingest.gazetteer`). A PhraseMatcher compares token sequences, but Kiwi
  segments the inside of a name differently by context (``SK텔레콤`` alone vs in a sentence), so
  names are matched on characters and kept only when both ends fall on token boundaries. One-
  syllable Hangul abbreviations (``미``, ``중``) count only in pairs such as ``미·중``.
- ``policykg_cues``: names not yet in the knowledge base, by their form: titles in 「」/『』 or
  quotes ending in a policy word, English capitalised phrases ending in Act, Strategy, Plan...,
  organisation names ending in 부, 청, 위원회, 연구원, Ministry, Agency, Office... They become
  entities with an empty ``kb_id_``, typed by the cue, and are minted as proposed candidates.
- ``policykg_relations``: see :mod:`ingest.relations`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .gazetteer import STACK_TYPES, case_sensitive, match_key

PIPELINES_DIR = Path(__file__).resolve().parent / "pipelines"
LANGS = ("ko", "en")

if not Span.has_extension("rule"):
    Span.set_extension("rule", default="")


# ---------------------------------------------------------------- the Korean morpheme tokenizer
# Threads of Kiwi's analyser: None is Kiwi's default (as many as the cores). Worker processes that
# already share the documents out among the cores set 0 (a single thread) before loading the
# pipelines, so that two processes do not each run a thread per core.
KIWI_THREADS: int | None = None


class KiwiTokenizer:
    """Callable tokenizer: text -> Doc of Kiwi morphemes, with tags and sentence starts."""

    def __init__(self, vocab) -> None:
        from kiwipiepy import Kiwi

        self.vocab = vocab
        self.kiwi = Kiwi() if KIWI_THREADS is None else Kiwi(num_workers=KIWI_THREADS)

    def __call__(self, text: str) -> Doc:
        spans: list[tuple[int, int, str, int]] = []  # start, end, tag, sentence number
        for t in self.kiwi.tokenize(text):
            start, end = t.start, t.start + t.len
            if end <= start:
                continue
            if spans and start < spans[-1][1]:  # overlaps the previous morpheme: merge into it
                s0, e0, tag0, sent0 = spans[-1]
                spans[-1] = (s0, max(e0, end), f"{tag0}+{t.tag}", sent0)
                continue
            spans.append((start, end, t.tag, t.sent_position))
        words, spaces, tags, starts = [], [], [], []
        pos = 0

        def gap(upto: int) -> None:
            nonlocal pos
            chunk = text[pos:upto]
            if not chunk:
                return
            if words and chunk == " ":
                spaces[-1] = True
            elif chunk.isspace() and words and chunk.startswith(" "):
                spaces[-1] = True
                words.append(chunk[1:]); spaces.append(False); tags.append("_SP"); starts.append(False)
            else:
                words.append(chunk); spaces.append(False); tags.append("_SP" if chunk.isspace() else "SW")
                starts.append(False)
            pos = upto

        prev_sent = None
        for start, end, tag, sent in spans:
            gap(start)
            words.append(text[start:end]); spaces.append(False); tags.append(tag)
            starts.append(prev_sent is not None and sent != prev_sent)
            prev_sent = sent
            pos = end
        gap(len(text))
        doc = Doc(self.vocab, words=words, spaces=spaces, tags=tags)
        for i, tok in enumerate(doc):
            tok.is_sent_start = (i == 0) or starts[i]
        return doc

    # a tokenizer without state to save: spaCy's serialisation needs these methods
    def to_bytes(self, **_kw: Any) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_kw: Any) -> "KiwiTokenizer":
        return self

    def to_disk(self, _path: Any, **_kw: Any) -> None:
        return None

    def from_disk(self, _path: Any, **_kw: Any) -> "KiwiTokenizer":
        return self


@spacy.registry.tokenizers("policykg.KiwiTokenizer.v1")
def create_kiwi_tokenizer():
    def make(nlp: Language) -> KiwiTokenizer:
        return KiwiTokenizer(nlp.vocab)

    return make


@spacy.registry.tokenizers("policykg.EnglishTokenizer.v1")
def create_english_tokenizer():
    """spaCy's English rule tokenizer, also splitting a dash after an abbreviation's dot
    (``U.S.–China``, ``U.S.-led``), which the default infixes leave as one token."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    default = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp: Language) -> Tokenizer:
        tok = default(nlp)
        infixes = list(nlp.Defaults.infixes or []) + [r"(?<=[A-Z]\.)[-–—](?=[A-Za-z])"]
        tok.infix_finditer = compile_infix_regex(infixes).finditer
        return tok

    return make


# ---------------------------------------------------------------- the gazetteer
_PAIR_SEP = "·ㆍ・-–/"


def english_plural(name: str) -> str:
    """The regular plural of an English noun phrase's last word.

    >>> [english_plural(n) for n in ("cloud", "data centre", "technology", "chip process", "key")]
    ['clouds', 'data centres', 'technologies', 'chip processes', 'keys']
    """
    if re.search(r"[^aeiou]y$", name):
        return name[:-1] + "ies"
    return name + ("es" if re.search(r"(?:s|x|ch|sh)$", name) else "s")


class Gazetteer:
    """Matches SpanRuler-format patterns on characters, snapped to token boundaries."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.by_prefix: dict[str, list[tuple[str, dict[str, str], bool, bool]]] = {}
        self.single: dict[str, dict[str, str]] = {}
        self.index: dict[str, dict[str, str]] = {}  # normalised name -> pattern, to link cue names
        self.owner: dict[str, str] = {}  # policy or agency id -> its country or bloc, when it has one
        self.others: dict[str, list[tuple[str, str]]] = {}  # policy id -> (id, owner) sharing a name

    def add_patterns(self, patterns: Iterable[dict[str, str]]) -> None:
        for p in patterns:
            name = p["pattern"]
            self.index.setdefault(name_key(name), p)
            if p.get("owner"):
                self.owner[p["id"]] = p["owner"]
            for other, owner in p.get("others", ()):
                self.owner[other] = owner
                same_name = self.others.setdefault(p["id"], [])
                if (other, owner) not in same_name:
                    same_name.append((other, owner))
            cased = case_sensitive(name)
            key_name = match_key(name)
            if len(name) == 1:
                self.single[name] = p
                continue
            # a proper name in title case matches only text that opens with a capital too ("Scale AI", not
            # "mega-scale AI"); one in sentence case ("Model and data") matches "model and data" as well
            title = all(w[:1].isupper() for w in name.split() if w[:1].isalpha())
            self.by_prefix.setdefault(key_name[:2].lower(), []).append((key_name, p, cased, title))
            if p["label"] in STACK_TYPES and not cased and re.fullmatch(r"[a-z][a-z -]*[a-z]", key_name):
                # an English common noun of the stack matches its plural too ("foreign clouds")
                self.by_prefix[key_name[:2]].append((english_plural(key_name), p, cased, title))
        for lst in self.by_prefix.values():
            lst.sort(key=lambda x: -len(x[0]))

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        lower = text.lower()
        if len(lower) != len(text):  # a few characters change length when lowered: compare as is
            lower = text
        ends = {t.idx + len(t.text) for t in doc}
        spans: list[Span] = []
        for tok in doc:
            i = tok.idx
            for key_name, p, cased, initial in self.by_prefix.get(lower[i:i + 2], ()):
                hay = text if cased else lower
                j = i + len(key_name)
                if j in ends and hay.startswith(key_name, i) and not (initial and text[i].islower()):
                    span = doc.char_span(i, j, label=p["label"], kb_id=p["id"])
                    if span is None or self._derived(doc, span) or p.get("ambiguous") and not _ambiguous_ok(doc, span):
                        continue
                    span._.rule = "gazetteer"
                    spans.append(span)
                    break
            p1 = self.single.get(tok.text)
            if p1 is not None and self._single_ok(doc, tok, p1):
                span = Span(doc, tok.i, tok.i + 1, label=p1["label"], kb_id=p1["id"])
                span._.rule = "gazetteer.abbreviation" if p1["label"] in ("Country", "Bloc") else "gazetteer"
                spans.append(span)
        doc.ents = filter_spans(list(doc.ents) + spans)
        return doc

    @staticmethod
    def _derived(doc: Doc, span: Span) -> bool:
        """A name inside a derived word: 현대+화 (modernisation), 한국+형 (Korean-style)."""
        nxt = doc[span.end] if span.end < len(doc) else None
        return nxt is not None and not doc[span.end - 1].whitespace_ and nxt.tag_.startswith("XSN")

    def _single_ok(self, doc: Doc, tok, p: dict[str, str]) -> bool:
        """Hanja abbreviations stand alone (美, 中); Hangul ones only in pairs (미·중, 한·미). A
        one-syllable word that is no country's abbreviation (칩, chip) is a name as a noun."""
        if not _HANGUL_SYLLABLE.match(tok.text):
            return True
        if p["label"] not in ("Country", "Bloc"):
            return tok.tag_.startswith("NN")

        def is_abbr(t) -> bool:
            return t is not None and t.text in self.single

        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prv = doc[tok.i - 1] if tok.i > 0 else None
        if nxt is not None and nxt.text in _PAIR_SEP and tok.i + 2 < len(doc) and is_abbr(doc[tok.i + 2]):
            return not tok.whitespace_
        if prv is not None and prv.text in _PAIR_SEP and tok.i >= 2 and is_abbr(doc[tok.i - 2]):
            return not prv.whitespace_
        return False

    # patterns come from the knowledge base at run time; nothing to save
    def to_disk(self, _path: Any, **_kw: Any) -> None:
        return None

    def from_disk(self, _path: Any, **_kw: Any) -> "Gazetteer":
        return self


_HANGUL_SYLLABLE = re.compile(r"^[\uac00-\ud7a3]$")
_OPENERS = "「『‘“\"'"
_SUBJECT_PARTICLES = {"은", "는", "이", "가"}
_CLAUSE_OPENERS_EN = {".", "!", "?", ",", ";", ":", "while", "whereas", "and", "but", "as", "when", "because"}
_PREPOSITIONS_EN = {"of", "in", "on", "for", "to", "from", "with", "by", "at", "and", "or"}


def _ambiguous_ok(doc: Doc, span: Span) -> bool:
    """An ambiguous name (유럽 for the EU) counts inside 「」/quotes, or as the subject of its clause
    (Korean: followed by 은/는/이/가; English: opening a clause, followed by a verb-like word)."""
    if span.start_char > 0 and doc.text[span.start_char - 1] in _OPENERS:
        return True
    if doc.lang_ != "ko":  # English: the name opens its clause ("..., while Europe has responded")
        prev = doc[span.start - 1] if span.start > 0 else None
        opens = prev is None or prev.is_space or prev.lower_ in _CLAUSE_OPENERS_EN
        return opens and span.end < len(doc) and doc[span.end].is_lower and doc[span.end].lower_ not in _PREPOSITIONS_EN
    # a topic or subject particle, not the complement one of 되다/아니다 ("정책 수단이 될", "수단이 아닌")
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.text in _SUBJECT_PARTICLES and nxt.tag_ in ("JX", "JKS")


_KEY_DROP = re.compile(r"[\s「」『』‘’“”\"'()\[\]·ㆍ・.,-]+")


def known_names(nlp: Language) -> dict[str, dict[str, str]]:
    """The gazetteer's alias index (:func:`name_key` -> pattern) of a pipeline; empty without one."""
    return nlp.get_pipe("policykg_gazetteer").index if "policykg_gazetteer" in nlp.pipe_names else {}


def name_key(name: str) -> str:
    """A name as the alias index compares it: no spaces, brackets, quotes or dots; case folded.

    >>> name_key("「AI 기회 행동계획」") == name_key("AI기회 행동계획")
    True
    """
    return _KEY_DROP.sub("", name).casefold()


@Language.factory("policykg_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp, name)


# ---------------------------------------------------------------- cues for names not yet known
_POLICY_HEADS_KO = {
    "법": "LawOrRegulation", "법률": "LawOrRegulation", "법안": "LawOrRegulation", "규정": "LawOrRegulation",
    "령": "LawOrRegulation", "지침": "LawOrRegulation", "가이드라인": "LawOrRegulation",
    "전략": "StrategyOrPlan", "계획": "StrategyOrPlan", "로드맵": "StrategyOrPlan", "방안": "StrategyOrPlan",
    "정책": "StrategyOrPlan", "구상": "StrategyOrPlan", "비전": "StrategyOrPlan", "과제": "StrategyOrPlan",
    "프로젝트": "ProgrammeOrProject", "사업": "ProgrammeOrProject", "프로그램": "ProgrammeOrProject",
    "펀드": "InvestmentOrFund", "기금": "InvestmentOrFund",
    "이니셔티브": "Initiative", "선언": "Initiative", "파트너십": "Initiative", "협정": "Initiative",
}
_POLICY_HEADS_EN = {
    "Act": "LawOrRegulation", "Law": "LawOrRegulation", "Regulation": "LawOrRegulation", "Directive": "LawOrRegulation",
    "Order": "LawOrRegulation", "Bill": "LawOrRegulation",
    "Strategy": "StrategyOrPlan", "Plan": "StrategyOrPlan", "Roadmap": "StrategyOrPlan", "Framework": "StrategyOrPlan",
    "Agenda": "StrategyOrPlan", "Vision": "StrategyOrPlan",
    "Programme": "ProgrammeOrProject", "Program": "ProgrammeOrProject", "Project": "ProgrammeOrProject",
    "Mission": "ProgrammeOrProject",
    "Fund": "InvestmentOrFund", "Initiative": "Initiative", "Declaration": "Initiative", "Partnership": "Initiative",
}
_ORG_HEADS_KO = {"부": "Agency", "청": "Agency", "처": "Agency", "위원회": "Agency", "연구원": "Agency",
                 "연구소": "Agency", "진흥원": "Agency", "공사": "Agency", "공단": "Agency", "재단": "Organisation",
                 "협회": "Organisation", "대학교": "Organisation", "대학": "Organisation"}
_ORG_HEADS_EN = {"Ministry": "Agency", "Agency": "Agency", "Office": "Agency", "Department": "Agency",
                 "Commission": "Agency", "Council": "Agency", "Authority": "Agency", "Bureau": "Agency",
                 "Committee": "Agency", "Institute": "Agency", "Unit": "Agency",
                 "University": "Organisation", "Foundation": "Organisation", "Association": "Organisation"}
# common words that end like an organisation name but are not one
_NOT_ORGS = re.compile(
    r"(?:정부|일부|전부|내부|외부|세부|본부|여부|대부분|부분|간부|흉부|국부|요청|신청|청취|대처|조처|출처|근처|텍처|"
    r"곳곳|공사비|공사장|재단법인|협회장|대학원|대학생|연구원들|위원회의)$")

_TITLE = re.compile(r"[「『]([^」』\n]{2,80})[」』]")
_QUOTED = re.compile(r"[‘“\"']([^’”\"'\n]{2,60})[’”\"']")
_EN_NAME = r"(?:[A-Z][\w&.'’-]*|\d{4}|of|and|for|on|the|in|to|de|la|&)"
_EN_POLICY = re.compile(rf"\b((?:[A-Z][\w&.'’-]*)(?:\s+{_EN_NAME})*?\s+(?:{'|'.join(_POLICY_HEADS_EN)}))\b")
# "Ministry of Electronics and Information Technology", "Ministry of Science, Technology and Innovation"
_EN_CAPS = r"[A-Z][\w&.'’-]*"
_EN_ORG = re.compile(
    rf"\b((?:(?:{_EN_CAPS})\s+)*(?:{'|'.join(_ORG_HEADS_EN)})(?:\s+(?:of|for|on)\s+(?:the\s+)?"
    rf"{_EN_CAPS}(?:\s+(?:and\s+)?{_EN_CAPS})*(?:(?:,\s+{_EN_CAPS}(?:\s+{_EN_CAPS})*)*,?\s+and\s+{_EN_CAPS}"
    rf"(?:\s+{_EN_CAPS})*)?)?)\b")
_KO_ORG = re.compile(rf"([가-힣A-Za-z0-9·]{{2,24}}?(?:{'|'.join(sorted(_ORG_HEADS_KO, key=len, reverse=True))}))"
                     r"(?=[^가-힣]|[은는이가을를의에과와도로]|$)")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")


# the words a Korean law's title ends with after "…에 관한": 법률, 기본법, 특별법, then 시행령 or 시행규칙
_LAW_ENDS = re.compile(r"^(?:법|법률|기본법|특별법|시행령|시행규칙)$")
# the morphemes of the title's subject before "에 관한": nouns, numbers, foreign words, 등, and 과/와 between nouns
_LAW_WORD_TAGS = ("NNG", "NNP", "NNB", "SL", "SN", "XSN", "XPN", "JC")


def _korean_law_titles(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of Korean law titles written without brackets, by the form the Korean
    legislature gives them: "인공지능 산업 진흥에 관한 법률", "…조성 등에 관한 기본법 시행령"."""
    out = []
    for t in doc:
        if t.text != "관한" or t.i < 2 or doc[t.i - 1].text != "에":
            continue
        end = t.i + 1
        while end < len(doc) and _LAW_ENDS.match(doc[end].text) and end - t.i <= 2:
            end += 1
        if end == t.i + 1:
            continue
        start = t.i - 1
        while start - 1 >= 0 and t.i - start < 14 and (doc[start - 1].tag_.startswith(_LAW_WORD_TAGS)
                                                       or doc[start - 1].text == "·"):
            start -= 1
        while start < t.i - 1 and (doc[start].tag_.startswith("JC") or doc[start].text == "·"):
            start += 1  # a title opens with a noun
        if start < t.i - 1:
            out.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)))
    return out


def _policy_type_ko(title: str) -> str | None:
    for head in sorted(_POLICY_HEADS_KO, key=len, reverse=True):
        if title.rstrip().endswith(head):
            return _POLICY_HEADS_KO[head]
    return None


class Cues:
    """Finds names that are not in the knowledge base yet, by the form of the name."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        found: list[Span] = []
        rules: dict[tuple[int, int], str] = {}
        index = known_names(self.nlp)

        def add(start: int, end: int, label: str, cls: str, rule: str) -> None:
            label = "Policy" if cls in _POLICY_CLASSES else label
            known = index.get(name_key(text[start:end]))
            kb_id, how = "", f"cue.{rule}:{cls}"
            if known is not None:  # a known entity written differently (spacing, brackets): link it
                label, kb_id, how = known["label"], known["id"], f"cue.{rule}+alias"
            span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="strict")
            if span is None:
                span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="expand")
                if span is None or len(span.text) > (end - start) + 1:
                    return
            rules[(span.start, span.end)] = how
            found.append(span)

        for m in _TITLE.finditer(text):
            inner = m.group(1).strip()
            if len(inner) >= 2:
                add(m.start(1), m.start(1) + len(m.group(1).rstrip()), "Policy",
                    _policy_type_ko(inner) or _en_policy_type(inner) or "Policy", "title")
        for m in _QUOTED.finditer(text):
            inner = m.group(1).strip()
            cls = _policy_type_ko(inner) or _en_policy_type(inner)
            if cls and len(inner.split()) <= 8:
                add(m.start(1), m.start(1) + len(m.group(1).rstrip()), "Policy", cls, "quoted")
        for m in _EN_POLICY.finditer(text):
            name = _LEADING_THE.sub("", m.group(1))
            start = m.end(1) - len(name)
            if sum(w[:1].isupper() for w in name.split()) >= 2:
                add(start, m.end(1), "Policy", _en_policy_type(name) or "Policy", "en-policy")
        for m in _EN_ORG.finditer(text):
            name = _LEADING_THE.sub("", m.group(1))
            start = m.end(1) - len(name)
            if sum(w[:1].isupper() for w in name.split()) >= 2:
                head = next(h for h in _ORG_HEADS_EN if re.search(rf"\b{h}\b", name))
                add(start, m.end(1), _ORG_HEADS_EN[head], _ORG_HEADS_EN[head], "en-org")
        for m in _KO_ORG.finditer(text):
            name = m.group(1)
            if _NOT_ORGS.search(name) or not re.search(r"[가-힣]{2}", name[:-1]):
                continue
            if m.start(1) > 0 and re.match(r"[가-힣A-Za-z0-9]", text[m.start(1) - 1]):
                continue  # must start a word
            head = next(h for h in sorted(_ORG_HEADS_KO, key=len, reverse=True) if name.endswith(h))
            if len(name) - len(head) < (3 if head in ("부", "처") else 2):
                continue
            add(m.start(1), m.end(1), _ORG_HEADS_KO[head], _ORG_HEADS_KO[head], "ko-org")
        for start, end in _korean_law_titles(doc):
            add(start, end, "Policy", "LawOrRegulation", "ko-law")
        # a title in 「」 is one name even when it contains a known one (「AI 반도체 육성 사업」), and so
        # is a capitalised English policy name around a known layer or resource ("Sovereign AI Compute
        # Strategy"); a known actor inside an English name stays ("Japan's AI Strategy")
        def inside(k: Span, t: Span) -> bool:
            return t.start <= k.start and k.end <= t.end and (t.start, t.end) != (k.start, k.end)

        titles = [f for f in found if rules.get((f.start, f.end), "").startswith("cue.title")]
        en_names = [f for f in found if rules.get((f.start, f.end), "").startswith("cue.en-policy")]
        known = [k for k in doc.ents if not any(inside(k, t) for t in titles)
                 and not (k.label_ in _NAME_PARTS and any(inside(k, t) for t in en_names))]
        new = filter_spans([s for s in found if not any(s.start < k.end and k.start < s.end for k in known)])
        doc.ents = known + new
        for span in doc.ents:
            if (span.start, span.end) in rules and span in new:
                span._.rule = rules[(span.start, span.end)]
        return doc

    def to_disk(self, _path: Any, **_kw: Any) -> None:
        return None

    def from_disk(self, _path: Any, **_kw: Any) -> "Cues":
        return self


# known names that a capitalised English policy name may contain as a word of its own
_NAME_PARTS = frozenset({"Layer", "Resource"})
_POLICY_CLASSES = frozenset(set(_POLICY_HEADS_KO.values()) | {"Policy"})


def _en_policy_type(name: str) -> str | None:
    words = name.split()
    return _POLICY_HEADS_EN.get(words[-1]) if words else None


@Language.factory("policykg_cues")
def make_cues(nlp: Language, name: str) -> Cues:
    return Cues(nlp, name)


# ---------------------------------------------------------------- loading
@lru_cache(maxsize=None)
def _load(lang: str) -> Language:
    from spacy.util import load_config, load_model_from_config

    from . import mentions, relations  # noqa: F401  (register the policykg_mentions and _relations factories)

    cfg = load_config(PIPELINES_DIR / f"{lang}.cfg")
    return load_model_from_config(cfg, auto_fill=True, validate=True)


def pipeline(lang: str, patterns: list[dict[str, str]]) -> Language:
    """The pipeline for ``ko`` or ``en`` with the gazetteer loaded with ``patterns``."""
    if lang not in LANGS:
        raise ValueError(f"no pipeline for language {lang!r}; one of {', '.join(LANGS)}")
    nlp = _load(lang)
    gaz: Gazetteer = nlp.get_pipe("policykg_gazetteer")  # type: ignore[assignment]
    if getattr(gaz, "loaded", None) is not patterns:  # a new gazetteer replaces the previous one
        gaz.by_prefix.clear()
        gaz.single.clear()
        gaz.index.clear()
        gaz.owner.clear()
        gaz.others.clear()
        gaz.add_patterns(patterns)
        gaz.loaded = patterns  # type: ignore[attr-defined]
    return nlp
