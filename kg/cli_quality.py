"""The ``policykg`` commands that measure extraction quality against gold annotations
(``tests/data/gold/README.md``): ``eval`` scores the pipeline, ``agree`` scores a second
annotation against the first, ``train-relations`` trains the learned relation scorer."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Callable


def add_quality_commands(sub) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add the commands' parsers to ``sub`` (argparse subparsers); return their handlers."""
    e = sub.add_parser("eval", help="score extraction alone against gold annotations (P/R/F1, misses)")
    e.add_argument("gold", nargs="+", type=Path, help="gold YAML files (format: tests/data/gold/README.md)")
    e.add_argument("--kb", choices=("full", "base"), default="full",
                   help="names known to the recogniser: the whole knowledge base, or only the ontology and "
                        "kg/curated/common.yaml and countries.yaml (as for a document nobody curated)")
    e.add_argument("--format", choices=("table", "json"), default="table")
    e.add_argument("--no-details", action="store_true", help="scores only, without misses and false positives")
    e.add_argument("--rules-only", action="store_true", help="leave the learned relation models out")

    a = sub.add_parser("agree", help="inter-annotator agreement: score a second annotation of the same text "
                                     "against a gold file, as `eval` scores extraction")
    a.add_argument("gold", type=Path, help="the reference gold file")
    a.add_argument("other", type=Path, help="another annotation of the same document and lines")
    a.add_argument("--no-details", action="store_true", help="scores only, without the disagreements")

    t = sub.add_parser("train-relations", help="train the relation model of a language on gold annotations")
    t.add_argument("gold", nargs="+", type=Path, help="gold YAML files to learn from (never the held-out ones)")
    t.add_argument("--lang", choices=("ko", "en"), default="ko")
    t.add_argument("--out", type=Path, default=None, help="model file (default: ingest/models/relations.LANG.json)")
    t.add_argument("--cross-lingual", action="store_true",
                   help="learn from the gold files of other languages too (only those of LANG are cross-validated)")
    t.add_argument("--modes", nargs="+", choices=("replace", "add"), default=["replace", "add"],
                   help="the modes cross-validation may choose: `add` alone lets the model add facts but never "
                        "override the rules' (for gold that locates facts by paragraph, not sentence)")
    return {"eval": _eval, "agree": _agree, "train-relations": _train_relations}


def _eval(args: argparse.Namespace) -> int:
    from ingest.evaluate import Report, format_report, load_gold, score

    from .extraction import eval_extractions

    golds = [load_gold(p) for p in args.gold]  # a bad file: GoldError, exit 2
    extractions, texts, equivalent = eval_extractions(golds, kb=args.kb,
                                                      rules_only=args.rules_only)
    rep = Report()
    for g in golds:
        score(g, extractions[g["doc"]], texts[g["doc"]], rep, equivalent)
    if args.format == "json":
        d = rep.to_dict()
        if args.no_details:
            d.pop("misses"), d.pop("false_positives")
        print(json.dumps(d, ensure_ascii=False, indent=2))
    else:
        print(format_report(rep, details=not args.no_details))
    return 0


def _agree(args: argparse.Namespace) -> int:
    from ingest.evaluate import GoldError, Report, as_extraction, format_report, load_gold, score

    from .extraction import eval_extractions

    gold, other = load_gold(args.gold), load_gold(args.other)
    if (gold["doc"], list(gold["lines"])) != (other["doc"], list(other["lines"])):
        raise GoldError(f"{args.other}: annotates {other['doc']} lines {other['lines']}, but {args.gold} annotates "
                        f"{gold['doc']} lines {gold['lines']}; agreement needs the same document and lines")
    extractions, texts, equivalent = eval_extractions([gold], rules_only=True)  # for its sentences
    rep = Report()
    score(gold, as_extraction(other, extractions[gold["doc"]].sentence_lines), texts[gold["doc"]], rep, equivalent,
          dedupe=False)
    print(f"{args.other} against {args.gold} (P: share of the second annotation's items the first has; "
          f"R: the converse; a fact matches within one sentence)\n")
    print(format_report(rep, details=not args.no_details, missed="only in the first", extra="only in the second",
                        confidence=False))  # annotations have no confidence
    return 0


def _train_relations(args: argparse.Namespace) -> int:
    from ingest import relmodel
    from ingest.evaluate import load_gold

    golds = [load_gold(p) for p in args.gold]  # a bad file: GoldError, exit 2
    model = relmodel.train_from_gold(golds, [f"{p.parent.name}/{p.name}" for p in args.gold], args.lang,
                                     cross_lingual=args.cross_lingual, modes=args.modes)
    out = args.out or relmodel.model_path(args.lang)
    relmodel.write(model, out)
    print(f"leave one file out   rules P/R/F1/F{relmodel.BETA}    model P/R/F1/F{relmodel.BETA}   threshold mode  "
          f"(the model takes a relation only where its F{relmodel.BETA} is higher)")
    for rel, m in sorted({**model["relations"], **model.get("rules_kept", {})}.items()):
        cv = m.get("cv", m)
        r, s = cv["rules"], cv["model"]
        kept = "model" if rel in model["relations"] else "rules"
        print(f"  {rel:<14} {r['precision']:.2f} {r['recall']:.2f} {r['f1']:.2f} {r['f0.5']:.2f}   "
              f"{s['precision']:.2f} {s['recall']:.2f} {s['f1']:.2f} {s['f0.5']:.2f}   {cv['threshold']:.2f} "
              f"{cv.get('mode', 'replace'):<7} -> {kept}")
    if not model["relations"]:
        print(f"policykg: the model does not beat the rules on any relation: {args.lang} extraction stays rule-based")
    print(f"policykg: relation model written to {out}")
    return 0
