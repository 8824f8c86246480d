"""Scoring extraction against gold annotations (format: ``tests/data/gold/README.md``).

Only the extraction pipeline is scored: curated facts play no part. A predicted mention matches a
gold one with the same source line, name (case, spacing and a leading "the" ignored) and type;
linking accuracy is the share of matched mentions whose knowledge-base id is the gold id. A
predicted fact matches a gold fact with the same relation, subject and object (ids; or names for
entities not in the knowledge base; amount and currency for ``invests``) whose sentence covers the
gold line. Each gold item matches at most one prediction.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kg.errors import PolicyKGError
from kg.yamlsrc import split_values

from .facts import RELATIONS

# the confidence thresholds `eval` reports precision and recall at
CONFIDENCE_STEPS = (0.5, 0.6, 0.7, 0.8)
EVAL_TYPES = ("Country", "Bloc", "Agency", "Company", "Organisation", "Policy")


class GoldError(PolicyKGError, ValueError):
    """A gold file that cannot be used, with the file and entry at fault."""


def _norm(text: str) -> str:
    t = " ".join(str(text).split()).casefold()
    t = re.sub(r"^the\s+", "", t)
    return t.strip("「」『』‘’“”\"' ")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def fbeta(self, beta: float) -> float:
        """F-beta: beta < 1 weighs precision more than recall (F0.5: twice as much)."""
        p, r = self.precision, self.recall
        return (1 + beta * beta) * p * r / (beta * beta * p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3), "f0.5": round(self.fbeta(0.5), 3)}


@dataclass
class Report:
    mentions: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    facts: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    linked: int = 0
    linkable: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    # every scored prediction of a fact: (its rule, its confidence, whether it matched a gold fact)
    predictions: list[tuple[str, float, bool]] = field(default_factory=list)

    @staticmethod
    def total(scores: dict[str, Score]) -> Score:
        s = Score()
        for v in scores.values():
            s.tp, s.fp, s.fn = s.tp + v.tp, s.fp + v.fp, s.fn + v.fn
        return s

    def by_rule(self) -> dict[str, Score]:
        """Right (tp) and wrong (fp) predictions per rule name."""
        out: dict[str, Score] = defaultdict(Score)
        for rule, _conf, hit in self.predictions:
            if hit:
                out[rule].tp += 1
            else:
                out[rule].fp += 1
        return dict(out)

    def at_confidence(self, threshold: float) -> Score:
        """The facts scores counting only predictions of at least ``threshold`` confidence (a
        gold fact matched only below it is a miss)."""
        total = self.total(self.facts)
        kept = [hit for _r, conf, hit in self.predictions if conf >= threshold]
        tp = sum(kept)
        return Score(tp, len(kept) - tp, total.tp + total.fn - tp)

    def to_dict(self) -> dict[str, Any]:
        return {
            "mentions": {k: v.to_dict() for k, v in sorted(self.mentions.items())} | {
                "all": self.total(self.mentions).to_dict()},
            "facts": {k: v.to_dict() for k, v in sorted(self.facts.items())} | {"all": self.total(self.facts).to_dict()},
            "facts_at_confidence": {str(t): self.at_confidence(t).to_dict() for t in CONFIDENCE_STEPS},
            "linking_accuracy": round(self.linked / self.linkable, 3) if self.linkable else None,
            "misses": self.misses, "false_positives": self.false_positives,
        }


def load_gold(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"{path}: cannot read gold file: {exc}") from exc
    if not isinstance(data, dict) or not {"doc", "lines"} <= data.keys():
        raise GoldError(f"{path}: a gold file needs `doc`, `lines: [start, end]`, `mentions` and `facts`")
    if data.get("file") is not None:  # a document outside the corpus, beside the gold file
        f = path.parent / str(data["file"])
        if not f.is_file():
            raise GoldError(f"{path}: `file: {data['file']}` names no file beside the gold file ({f})")
        data["file"] = f
    lo, hi = data["lines"]
    for kind in ("mentions", "facts"):
        for i, item in enumerate(data.get(kind) or [], 1):
            if not isinstance(item, dict) or "line" not in item:
                raise GoldError(f"{path}: {kind} #{i} needs a `line`")
            if not lo <= int(item["line"]) <= hi:
                raise GoldError(f"{path}: {kind} #{i} line {item['line']} is outside lines {lo}-{hi}")
            split = [k for _, k in split_values(item, optional={"id"})]
            if split:  # "{text: Ministry of Economy, Trade and Industry}": the comma ended the value
                raise GoldError(f"{path}: {kind} #{i} (line {item['line']}): `{split[0]}` has no value: an unquoted "
                                f"comma inside {{...}} ends a value; quote it (text: \"A, B\")")
            if kind == "facts" and item.get("relation") not in RELATIONS:
                raise GoldError(f"{path}: facts #{i}: relation {item.get('relation')!r} is not one of "
                                f"{', '.join(RELATIONS)}")
    return data


def _arg_key(arg: Any) -> str:
    """Gold or predicted argument as a comparable key: the id, or ``name:`` + normalised name."""
    if isinstance(arg, dict):
        if arg.get("id"):
            return arg["id"]
        return "name:" + _norm(arg.get("name") or arg.get("text") or "")
    return str(arg)


def _fact_key(f: dict[str, Any], gold: bool) -> tuple:
    rel = f["relation"]
    if rel == "invests":
        return (rel, round(float(f["amount"]), -3), f["currency"])
    if gold:
        return (rel, _arg_key(f["subject"]), _arg_key(f["object"]))
    return (rel, _arg_key(f["subject"]), _arg_key(f["object"]) if f.get("object") else "")


def score(gold: dict[str, Any], extraction, lines: list[str], report: Report,
          equivalent: dict[str, set[str]] | None = None, dedupe: bool = True) -> None:
    """Add one gold file's comparison with one document's extraction to ``report``. With
    ``dedupe``, a fact predicted twice from one sentence (by two rules) counts once."""
    lo, hi = gold["lines"]
    doc = gold["doc"]
    equivalent = equivalent or {}

    # ---- mentions
    gold_m = [m for m in gold.get("mentions") or [] if m["type"] in EVAL_TYPES]
    pred_m = [m for m in extraction.mentions if lo <= m.line <= hi and m.type in EVAL_TYPES]
    used: set[int] = set()
    for g in gold_m:
        key = (int(g["line"]), _norm(g["text"]), g["type"])
        hit = next((i for i, p in enumerate(pred_m) if i not in used and (p.line, _norm(p.text), p.type) == key), None)
        if hit is None:
            report.mentions[g["type"]].fn += 1
            report.misses.append({"kind": "mention", "doc": doc, "line": g["line"], "text": g["text"],
                                  "type": g["type"], "source": lines[int(g["line"]) - 1].strip()})
            continue
        used.add(hit)
        report.mentions[g["type"]].tp += 1
        if g.get("id"):
            report.linkable += 1
            report.linked += int(pred_m[hit].id == g["id"])
    for i, p in enumerate(pred_m):
        if i not in used:
            report.mentions[p.type].fp += 1
            report.false_positives.append({"kind": "mention", "doc": doc, "line": p.line, "text": p.text,
                                           "type": p.type, "id": p.id, "rule": p.rule,
                                           "source": lines[p.line - 1].strip()})

    # ---- facts
    def same(a: tuple, b: tuple) -> bool:
        if a == b:
            return True
        if len(a) != 3 or len(b) != 3 or a[0] != b[0] or a[1] != b[1]:
            return False
        return b[2] in equivalent.get(a[2], ())

    preds, seen = [], set()
    for f in extraction.facts:
        if not lo <= f["line_start"] <= hi:
            continue
        k = _fact_key(f, gold=False)
        if dedupe and (k, f["line_start"]) in seen:
            continue
        seen.add((k, f["line_start"]))
        preds.append((k, f))
    used = set()
    for g in gold.get("facts") or []:
        gk = _fact_key(g, gold=True)
        line = int(g["line"])
        hit = next((i for i, (k, f) in enumerate(preds) if i not in used and same(gk, k)
                    and f["line_start"] <= line <= f["line_end"]), None)
        if hit is None:
            report.facts[g["relation"]].fn += 1
            report.misses.append({"kind": "fact", "doc": doc, "line": line, "fact": list(gk),
                                  "source": lines[line - 1].strip()})
        else:
            used.add(hit)
            report.facts[g["relation"]].tp += 1
    for i, (k, f) in enumerate(preds):
        report.predictions.append((f["rule"], float(f.get("confidence") or 0.0), i in used))
        if i not in used:
            report.facts[f["relation"]].fp += 1
            report.false_positives.append({"kind": "fact", "doc": doc, "line": f["line_start"], "fact": list(k),
                                           "rule": f["rule"], "sentence": f["sentence"]})


def as_extraction(other: dict[str, Any], sentence_lines: list[tuple[int, int]]) -> Any:
    """A second annotation of the same text in the shape of an extraction, to score it against the
    first with :func:`score` (inter-annotator agreement): each of its facts covers the sentence
    (``sentence_lines``, from the pipeline's segmentation) that holds its line, so two annotators
    who name different lines of one sentence agree. Score it with ``dedupe=False``: an annotator
    may state one fact twice where the pipeline sees one sentence."""
    from types import SimpleNamespace

    from .extract import Mention

    starts = sorted((int(a), int(b)) for a, b in sentence_lines)
    los = [a for a, _ in starts]

    def sentence_of(line: int) -> tuple[int, int]:
        i = bisect.bisect_right(los, line) - 1
        return starts[i] if i >= 0 and starts[i][0] <= line <= starts[i][1] else (line, line)

    mentions = [Mention(-1, -1, int(m["line"]), 0, str(m["text"]), m["type"], m.get("id") or "", "annotator")
                for m in other.get("mentions") or []]
    facts = []
    for f in other.get("facts") or []:
        lo, hi = sentence_of(int(f["line"]))
        facts.append({**f, "line_start": lo, "line_end": hi, "rule": "annotator",
                      "sentence": f"lines {lo}-{hi}"})
    return SimpleNamespace(mentions=mentions, facts=facts)


def format_report(rep: Report, details: bool = True, missed: str = "misses",
                  extra: str = "false positives", confidence: bool = True) -> str:
    """The scores as a plain-text table (with ``confidence``, also at confidence thresholds), then
    (with ``details``) the misses and false positives, under the headings ``missed`` and ``extra``."""
    out = []
    for title, scores in (("entity mentions", rep.mentions), ("relations", rep.facts)):
        out.append(f"{title:<16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
        for name, s in sorted(scores.items()) + [("all", Report.total(scores))]:
            out.append(f"  {name:<14} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")
        out.append("")
    if confidence:
        out.append("relations by confidence (a claim's confidence: its rule's precision on the development gold, or")
        out.append("the model's probability)")
        for t in CONFIDENCE_STEPS:
            s = rep.at_confidence(t)
            out.append(f"  >= {t:<11} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")
        out.append("")
    if rep.linkable:
        out.append(f"linking accuracy: {rep.linked / rep.linkable:.3f} ({rep.linked}/{rep.linkable} matched "
                   f"mentions with a knowledge-base id)\n")
    if not details:
        return "\n".join(out)
    out.append(f"{missed} ({len(rep.misses)}):")
    for m in rep.misses:
        what = f"{m['text']} [{m['type']}]" if m["kind"] == "mention" else " ".join(map(str, m["fact"]))
        out.append(f"  {m['doc']}:{m['line']} {m['kind']} {what} | {m['source'][:100]}")
    out.append(f"{extra} ({len(rep.false_positives)}):")
    for m in rep.false_positives:
        what = f"{m['text']} [{m['type']}] {m['rule']}" if m["kind"] == "mention" else \
            " ".join(map(str, m["fact"])) + f" ({m['rule']})"
        out.append(f"  {m['doc']}:{m['line']} {m['kind']} {what} | {(m.get('source') or m.get('sentence'))[:100]}")
    return "\n".join(out)
