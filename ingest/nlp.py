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
- ``policykg_cues``: names not yet in the knowledge base, by their form: see :mod:`ingest.cues`.
- ``policykg_relations``: see :mod:`ingest.relations`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
def _bracket_opens_sentence(tags: list[str], starts: list[bool]) -> None:
    """Kiwi gives a bracketed title after a full stop to the sentence before it ("…제정하였다.
    「인공지능 기본법」" + "은 …주관한다."): a sentence that starts right after a closing bracket whose
    opening one follows a full stop starts at the opening bracket instead. A quoted sentence
    (a full stop inside the brackets) stays where Kiwi puts it. ``tags`` and ``starts`` are the
    tokens' Kiwi tags and sentence starts; ``starts`` is changed in place.

    >>> starts = [True, False, False, False, False, False, True, False]
    >>> _bracket_opens_sentence(["NNP", "EF", "SF", "SSO", "NNG", "SSC", "JX", "VV"], starts)
    >>> [i for i, s in enumerate(starts) if s]
    [0, 3]
    """
    for i in range(1, len(tags)):
        if not starts[i] or tags[i - 1] != "SSC":
            continue
        k = i - 2
        while k > 0 and tags[k] not in ("SSO", "SF", "SSC") and not starts[k]:
            k -= 1
        before = k - 1
        while before >= 0 and tags[before] == "_SP":
            before -= 1
        if k > 0 and tags[k] == "SSO" and not starts[k] and before >= 0 and tags[before] == "SF":
            starts[i], starts[k] = False, True


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
            if "·" in text[start:end] and _DOTTED_PAIR.fullmatch(text, start, end):
                # "한·미", "한·일": Kiwi keeps a pair of one-syllable names as one noun; they are two
                for m in re.finditer(r"[^·]+|·", text[start:end]):
                    spans.append((start + m.start(), start + m.end(), "SP" if m.group() == "·" else t.tag,
                                  t.sent_position))
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
        _bracket_opens_sentence(tags, starts)
        if starts:
            starts[0] = True
        doc = Doc(self.vocab, words=words, spaces=spaces, tags=tags, sent_starts=starts)
        doc.user_data["policykg_text"] = text  # (:func:`doc_text`: the same characters, not joined again)
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


def _ends_after(ends: list[int], start: int, longest: int) -> list[int]:
    """The offsets in sorted ``ends`` after ``start`` and at most ``longest`` past it, last first."""
    return ends[bisect_right(ends, start):bisect_right(ends, start + longest)][::-1]


class Gazetteer:
    """Matches SpanRuler-format patterns on characters, snapped to token boundaries."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        # names by their first two characters (lowered), longest first: (key, pattern, case-sensitive, title case)
        self.by_prefix: dict[str, list[tuple[str, dict[str, str], bool, bool]]] = {}
        # names with Korean in them: as written, for text in other languages, and without their spaces,
        # matched on Korean text without its spaces (Korean writes a compound with or without them:
        # "대규모 언어모델", "대규모언어모델", "대규모 언어 모델")
        self.hangul: dict[str, list[tuple[str, dict[str, str], bool, bool]]] = {}
        self.unspaced: dict[str, list[tuple[str, dict[str, str], bool, bool]]] = {}
        self.single: dict[str, dict[str, str]] = {}
        # each of the three tables by whole key (lowered), with its longest key's length, by table name
        self.by_key: dict[str, tuple[dict[str, list[tuple[str, dict[str, str], bool, bool]]], int]] = {}
        self.index: dict[str, dict[str, str]] = {}  # normalised name -> pattern, to link cue names
        self.owner: dict[str, str] = {}  # policy or agency id -> its country or bloc, when it has one
        self.others: dict[str, list[tuple[str, str]]] = {}  # policy id -> (id, owner) sharing a name

    def clear(self) -> None:
        for table in (self.by_prefix, self.hangul, self.unspaced, self.single, self.by_key, self.index, self.owner,
                      self.others):
            table.clear()

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
            if _HANGUL.search(name):
                self.hangul.setdefault(key_name[:2].lower(), []).append((key_name, p, cased, title))
                bare = re.sub(r"\s+", "", key_name)
                self.unspaced.setdefault(bare[:2].lower(), []).append((bare, p, cased, title))
            else:
                self.by_prefix.setdefault(key_name[:2].lower(), []).append((key_name, p, cased, title))
                if p["label"] == "Company" and (short := _COMPANY_SUFFIX.sub(_short_suffix, key_name)) != key_name:
                    # "Taiwan Semiconductor Manufacturing Co" is "… Company", "… Corp." is "… Corporation"
                    for v in (short, short + "."):
                        self.by_prefix[key_name[:2].lower()].append((v, p, cased, title))
            if p["label"] in STACK_TYPES and re.fullmatch(r"(?:[A-Za-z][A-Za-z-]* )*(?:[a-z][a-z-]*[a-z]|[A-Z]{2,5})", key_name):
                # an English noun of the stack matches its plural too ("foreign clouds", "AI accelerators",
                # "NPUs"), and a compound of common nouns with hyphens ("the data-centre campus")
                variants = {english_plural(key_name)}
                if not cased and re.fullmatch(r"[a-z][a-z -]*[a-z]", key_name) and key_name.count(" ") in (1, 2):
                    variants |= {v.replace(" ", "-") for v in (key_name, english_plural(key_name))}
                self.by_prefix[key_name[:2].lower()].extend((v, p, cased, title) for v in sorted(variants))
        for lst in (*self.by_prefix.values(), *self.hangul.values(), *self.unspaced.values()):
            lst.sort(key=lambda x: -len(x[0]))
        # the same names by their whole key, lowered, in that order, and the longest key of each table:
        # a position is looked up at the token ends after it, not tried against every name sharing its
        # first two characters ("AI …" opens hundreds)
        for name, table in (("by_prefix", self.by_prefix), ("hangul", self.hangul), ("unspaced", self.unspaced)):
            by_key: dict[str, list[tuple[str, dict[str, str], bool, bool]]] = {}
            for lst in table.values():
                for entry in lst:
                    by_key.setdefault(entry[0].lower(), []).append(entry)
            self.by_key[name] = (by_key, max((len(k) for k in by_key), default=0))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        lower = text.lower()
        if len(lower) != len(text):  # a few characters change length when lowered: compare as is
            lower = text
        # where tokens start and end (from arrays: iterating a doc's tokens is slow)
        bounds = doc.to_array(["IDX", "LENGTH"]).tolist() if len(doc) else []
        ends = sorted({i + n for i, n in bounds})
        korean = doc.lang_ == "ko"
        # Korean text without its spaces: ``kept[n]`` is the offset of its n-th character in the text
        kept = [k for k, c in enumerate(text) if c not in " \t\u00a0\u3000"] if korean else []
        bare, bare_lower = "".join(text[k] for k in kept), "".join(lower[k] for k in kept)
        at = {k: n for n, k in enumerate(kept)}
        # the token ends in the text without spaces, as offsets there
        bare_ends = sorted({at[e - 1] + 1 for e in ends if e - 1 in at})
        spans: list[Span] = []
        for t, (i, length) in enumerate(bounds):
            found = None
            for name, table in ((("by_prefix", self.by_prefix),) if korean
                                else (("by_prefix", self.by_prefix), ("hangul", self.hangul))):
                if lower[i:i + 2] not in table:
                    continue
                by_key, longest = self.by_key[name]
                for j in _ends_after(ends, i, longest):  # (longest first)
                    if found is not None and j <= found.end_char:
                        break  # (nothing longer is left)
                    hit = next((span for key, p, cased, initial in by_key.get(lower[i:j], ())
                                if (text if cased else lower).startswith(key, i) and not (initial and text[i].islower())
                                and (span := self._span(doc, i, j, p)) is not None), None)
                    if hit is not None:
                        found = hit
                        break
            n = at.get(i)
            if n is not None and bare_lower[n:n + 2] in self.unspaced:
                by_key, longest = self.by_key["unspaced"]
                for m in _ends_after(bare_ends, n, longest):
                    j = kept[m - 1] + 1
                    if found is not None and j <= found.end_char:
                        break
                    hit = next((span for key, p, cased, _initial in by_key.get(bare_lower[n:m], ())
                                if (bare if cased else bare_lower).startswith(key, n)
                                and (span := self._span(doc, i, j, p)) is not None), None)
                    if hit is not None:
                        found = hit
                        break
            if found is not None:
                found._.rule = "gazetteer"
                spans.append(found)
            p1 = self.single.get(text[i:i + length])
            if p1 is not None and self._single_ok(doc, doc[t], p1):
                span = Span(doc, t, t + 1, label=p1["label"], kb_id=p1["id"])
                span._.rule = "gazetteer.abbreviation" if p1["label"] in ("Country", "Bloc") else "gazetteer"
                spans.append(span)
        doc.ents = filter_spans(list(doc.ents) + spans)
        return doc

    def _span(self, doc: Doc, i: int, j: int, p: dict[str, str]) -> Span | None:
        """The name of pattern ``p`` at characters ``i:j``, unless it is inside a derived word or an
        ambiguous name where it does not count."""
        span = doc.char_span(i, j, label=p["label"], kb_id=p["id"])
        if span is None or self._derived(doc, span) or p.get("ambiguous") and not _ambiguous_ok(doc, span) \
                or _inside_longer_name(doc, span):
            return None
        return span

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


_COMPANY_SUFFIX = re.compile(r" (Company|Corporation|Incorporated|Limited|company|corporation|incorporated|limited)$")
_SHORT = {"company": "Co", "corporation": "Corp", "incorporated": "Inc", "limited": "Ltd"}


def _short_suffix(m: re.Match) -> str:
    short = _SHORT[m.group(1).lower()]
    return " " + (short if m.group(1)[0].isupper() else short.lower())


def _inside_longer_name(doc: Doc, span: Span) -> bool:
    """A one-word English name of a body written in capitals inside a longer capitalised name:
    "Cabinet" in "Union Cabinet", "the Japanese Cabinet" or "Cabinet Office" is not the UK's Cabinet.
    (Names of several words, and countries, stand as they are.)"""
    if len(span) != 1 or span.label_ not in ("Agency", "Organisation") or not span.text[:1].isupper() \
            or span.text.isupper() or doc.lang_ != "en":
        return False
    def capitalised(t) -> bool:
        return t.text[:1].isupper() and t.text.isalpha()

    prv = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    return (prv is not None and capitalised(prv) and not prv.is_sent_start and prv.lower_ not in ("the", "a", "an")) \
        or (nxt is not None and capitalised(nxt) and nxt.lower_ not in _EN_FUNCTION_CAPS)


# capitalised words that may follow a name without being part of it (a title-case headline's verbs are
# not caught by this; it only keeps "Cabinet Office" from being the Cabinet)
_EN_FUNCTION_CAPS = {"and", "or", "of", "the", "in", "on", "for", "to", "is", "was", "has", "had", "will"}


_HANGUL_SYLLABLE = re.compile(r"^[\uac00-\ud7a3]$")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_DOTTED_PAIR = re.compile(r"[\uac00-\ud7a3](?:·[\uac00-\ud7a3])+")
_OPENERS = "「『‘“\"'"
_SUBJECT_PARTICLES = {"은", "는", "이", "가"}
_CLAUSE_OPENERS_EN = {".", "!", "?", ",", ";", ":", "while", "whereas", "and", "but", "as", "when", "because"}
_PREPOSITIONS_EN = {"of", "in", "on", "for", "to", "from", "with", "by", "at", "and", "or"}


def span_text(span: Span) -> str:
    """``span.text`` from the doc's text read once (:func:`doc_text`): the same characters, without
    spaCy joining the span's tokens each time."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per doc: spaCy joins every token each time it is asked, and the
    gazetteer, the cues and the mentions each need it (the text of a doc never changes)."""
    text = doc.user_data.get("policykg_text")
    if text is None:
        text = doc.user_data["policykg_text"] = doc.text
    return text


def _ambiguous_ok(doc: Doc, span: Span) -> bool:
    """An ambiguous name (유럽 for the EU) counts inside 「」/quotes, or as the subject of its clause
    (Korean: followed by 은/는/이/가; English: opening a clause, followed by a verb-like word)."""
    if span.start_char > 0 and doc_text(doc)[span.start_char - 1] in _OPENERS:
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


# ---------------------------------------------------------------- loading
@lru_cache(maxsize=None)
def _load(lang: str) -> Language:
    from spacy.util import load_config, load_model_from_config

    from . import cues, mentions, relations  # noqa: F401  (they register their components)

    cfg = load_config(PIPELINES_DIR / f"{lang}.cfg")
    return load_model_from_config(cfg, auto_fill=True, validate=True)


def pipeline(lang: str, patterns: list[dict[str, str]]) -> Language:
    """The pipeline for ``ko`` or ``en`` with the gazetteer loaded with ``patterns``."""
    if lang not in LANGS:
        raise ValueError(f"no pipeline for language {lang!r}; one of {', '.join(LANGS)}")
    nlp = _load(lang)
    gaz: Gazetteer = nlp.get_pipe("policykg_gazetteer")  # type: ignore[assignment]
    if getattr(gaz, "loaded", None) is not patterns:  # a new gazetteer replaces the previous one
        gaz.clear()
        gaz.add_patterns(patterns)
        gaz.loaded = patterns  # type: ignore[attr-defined]
    return nlp
