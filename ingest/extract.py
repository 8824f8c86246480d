"""From raw text to entity mentions and facts located in the source: the extraction pipeline.

read (``readers``) -> clean into segments with an offset map (``clean``) -> language per segment
-> the spaCy pipeline of that language (``nlp``: tokenize, recognise, link, relations) -> every
mention and fact mapped back to raw character offsets and source lines.

Body paragraphs and table cells are processed; footnotes (citations) are not. Facts from table
cells get a lower confidence, since a cell is a fragment rather than a sentence. The result is
plain data (:class:`Extraction`) so it can be cached as JSON by content hash.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .clean import CleanDocument, Segment, clean
from .facts import FACT_KINDS

PIPELINE_VERSION = "1"  # bump when extraction output changes for the same input
PROCESSED_KINDS = ("body", "table", "caption", "heading")
# a fact from a table cell whose confidence was not measured on gold (no model, or a rule the
# model's training never saw) has it scaled by this; measured confidences already count cells
TABLE_CONFIDENCE = 0.8


@dataclass
class Mention:
    start: int  # raw character offsets
    end: int
    line: int
    col: int
    text: str
    type: str
    id: str  # knowledge-base id, "" for a new name
    rule: str


@dataclass
class Extraction:
    """Everything extracted from one document."""

    doc_id: str
    content_hash: str
    mentions: list[Mention] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    candidates: list[dict[str, Any]] = field(default_factory=list)  # only when asked for (training)
    sentences: int = 0
    characters: int = 0
    # the source line range of each sentence that can state a fact (body text and table cells)
    sentence_lines: list[tuple[int, int]] = field(default_factory=list)
    languages: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Extraction":
        return cls(**{**d, "mentions": [Mention(**m) for m in d["mentions"]]})


def extract(doc_id: str, raw: str, content_hash: str, patterns: list[dict[str, str]],
            n_process: int = 1, keep_candidates: bool = False, use_model: bool = True) -> Extraction:
    """Run the whole pipeline over one document's raw text.

    Where a relation model of the segment's language exists (:mod:`ingest.relmodel`), it decides
    the facts of the relations it scores from the candidates; ``keep_candidates`` keeps those in
    the result (to train a model on them); ``use_model=False`` gives the rules' facts alone."""
    from . import relmodel
    from .nlp import pipeline

    cleaned = clean(raw)
    out = Extraction(doc_id, content_hash)
    segs = [s for s in cleaned.segments if s.kind in PROCESSED_KINDS]
    by_lang: dict[str, list[Segment]] = {}
    for s in segs:
        by_lang.setdefault(s.language, []).append(s)
    for lang, group in sorted(by_lang.items()):
        nlp = pipeline(lang, patterns)
        rel = nlp.get_pipe("policykg_relations")
        rel.reset()  # topics do not carry over from another document, nor the names it introduced
        model = relmodel.load(lang) if use_model else None
        rel.collect_candidates = keep_candidates or model is not None
        out.languages[lang] = len(group)
        facts, cands = out.facts, out.candidates
        out.facts, out.candidates = [], []
        for seg, doc in zip(group, nlp.pipe(_docs(nlp, group), n_process=n_process)):
            _collect(out, cleaned, seg, doc)
        for f in relmodel.select(model, out.facts, out.candidates):
            if f["segment"] == "table" and not relmodel.measured(model, f):  # a cell is a fragment
                f["confidence"] = round(f["confidence"] * TABLE_CONFIDENCE, 3)
            facts.append(f)
        if keep_candidates:
            cands.extend(out.candidates)
        out.facts, out.candidates = facts, cands
    out.mentions.sort(key=lambda m: (m.start, m.end))
    out.facts.sort(key=lambda f: (f["char_start"], f["relation"], f["subject"]["start"]))
    return out


def _docs(nlp, segments: list[Segment]):
    """Tokenized docs that tell the components which kind of segment they come from."""
    for s in segments:
        doc = nlp.make_doc(s.text)
        doc.user_data["segment"] = s.kind
        yield doc


def _collect(out: Extraction, cleaned: CleanDocument, seg: Segment, doc) -> None:
    out.characters += len(seg.text)
    out.sentences += sum(1 for _ in doc.sents)
    raw_of = seg.offsets
    for ent in doc.ents:
        start, end = raw_of[ent.start_char], raw_of[ent.end_char - 1] + 1
        line, col = cleaned.line_col(start)
        out.mentions.append(Mention(start, end, line, col, ent.text, ent.label_, ent.kb_id_, ent._.rule))
    if seg.kind in FACT_KINDS:
        out.sentence_lines.extend(cleaned.line_range(seg, sent.start_char, sent.end_char) for sent in doc.sents)

    def located(d: dict[str, Any]) -> dict[str, Any]:
        """Raw offsets and source lines for a fact or candidate in segment offsets."""
        args = [d.get(role) for role in ("subject", "object", "supplier")]
        args += [r.get("supplier") for r in (d.get("rules") or {}).values()]
        for arg in args:
            if arg and arg["start"] >= 0:  # -1: a subject carried over from an earlier paragraph
                arg["start"], arg["end"] = raw_of[arg["start"]], raw_of[arg["end"] - 1] + 1
        s, e = d.pop("sent_start"), d.pop("sent_end")
        d["sentence"] = " ".join(seg.text[s:e].split())
        d["char_start"], d["char_end"] = raw_of[s], raw_of[e - 1] + 1
        d["line_start"], d["line_end"] = cleaned.line_range(seg, s, e)
        d["segment"] = seg.kind
        return d

    out.facts.extend(located(fact.to_dict()) for fact in doc._.facts or [])
    out.candidates.extend(located(c) for c in doc._.candidates or [])


def patterns_digest(patterns: list[dict[str, str]]) -> str:
    """A short digest of the gazetteer, so cached extractions are redone when names change."""
    return hashlib.sha256(json.dumps(patterns, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the extraction code, pipeline configs and relation models: changed rules or a
    retrained model invalidate the cache."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for f in sorted([*here.glob("*.py"), *(here / "pipelines").glob("*.cfg"), *(here / "models").glob("*.json")]):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:10]


def cache_path(cache_dir, content_hash: str, digest: str) -> Path:
    """Where the cached extraction of a text with this content hash and gazetteer digest lives."""
    return Path(cache_dir) / f"{content_hash[:24]}-v{PIPELINE_VERSION}-{code_digest()}-{digest}.json"


def load_cached(path: Path, doc_id: str) -> Extraction:
    ex = Extraction.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
    ex.doc_id = doc_id
    return ex


def write_cached(path: Path, ex: Extraction) -> None:
    """Write an extraction to the cache atomically (an interrupted run leaves no half entry; two
    processes writing the same entry write the same bytes)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(ex.to_dict(), ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def extract_cached(doc_id: str, raw: str, content_hash: str, patterns: list[dict[str, str]],
                   cache_dir, digest: str | None = None) -> tuple[Extraction, bool]:
    """:func:`extract`, cached as JSON by content hash, pipeline version and gazetteer digest.

    Returns the extraction and whether it came from the cache. The cache file is written
    atomically, so an interrupted run never leaves a half-written entry.
    """
    path = cache_path(cache_dir, content_hash, digest or patterns_digest(patterns))
    if path.exists():
        return load_cached(path, doc_id), True
    ex = extract(doc_id, raw, content_hash, patterns)
    write_cached(path, ex)
    return ex, False
