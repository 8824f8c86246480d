"""The learned relation scorer: logistic regression over the candidates of :mod:`ingest.candidates`.

One binary model per relation (a pair can be both a dependency and something strengthened: "범용
모델의 외부 의존을 보완"), trained on gold annotations (``tests/data/gold/README.md``) with
scikit-learn and stored as plain JSON (feature -> weight), so applying it needs no library and
the file can be read and diffed. ``policykg train-relations GOLD...`` writes
``ingest/models/relations.<lang>.json``; extraction uses the model of a language when it exists
and the rules alone otherwise.

With a model, the facts of the relations it scores are the candidates whose probability reaches
the model's threshold (the confidence of the fact is that probability); the other relations
(``invests``, ``replaces``) stay with the rules.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from kg.errors import PolicyKGError

from .candidates import DEFAULT_PREDICATE, GROUP_OF, GROUPS

MODELS_DIR = Path(__file__).resolve().parent / "models"
FORMAT = 1


def model_path(lang: str) -> Path:
    return MODELS_DIR / f"relations.{lang}.json"


class ModelError(PolicyKGError, ValueError):
    """A relation model file that cannot be used, with the file and the reason."""


@lru_cache(maxsize=None)
def load(lang: str) -> dict[str, Any] | None:
    """The model of ``lang``, or None when there is none (the rules decide alone)."""
    path = model_path(lang)
    return read(path) if path.exists() else None


def read(path: Path) -> dict[str, Any]:
    try:
        model = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path}: cannot read the relation model ({exc}); retrain it with "
                         "`policykg train-relations GOLD...` or delete it to extract with the rules alone") from exc
    if not isinstance(model, dict) or model.get("format") != FORMAT or not isinstance(model.get("relations"), dict):
        raise ModelError(f"{path}: not a relation model of format {FORMAT}; retrain it with "
                         "`policykg train-relations GOLD...` or delete it to extract with the rules alone")
    return model


def modifier_only(rule: str) -> bool:
    """Whether a rule's fact rests on a modifier alone ("자국 데이터센터", "domestic computing
    capacity", "its own chips" for control): on the development gold such facts were wrong twice
    as often as right (13 right of 39, both languages), so the rules do not assert them.

    >>> modifier_only("controls.ko.modifier+topic"), modifier_only("controls.en.trigger")
    (True, False)
    """
    parts = rule.split(".")
    return len(parts) > 2 and parts[2].startswith("modifier")


def probability(model: dict[str, Any], relation: str, features: Iterable[str]) -> float:
    m = model["relations"][relation]
    w = m["weights"]
    z = m["bias"] + sum(w.get(f, 0.0) for f in set(features))
    return 1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0


def select(model: dict[str, Any] | None, facts: list[dict[str, Any]],
           cands: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The facts of one document (plain dicts, as in :class:`ingest.extract.Extraction`): the
    rules' facts for the relations the model does not score, and the candidates the model accepts.
    A relation the model scores in ``replace`` mode takes only the candidates the model accepts;
    in ``add`` mode it keeps the rules' facts and adds the candidates the model accepts for objects
    the rules gave no subject. Of the accepted candidates for one object, the most probable wins.
    A rule's fact takes its rule's measured precision as its confidence (:func:`calibrated`).

    With or without a model, a fact the rules read off a modifier alone (:func:`modifier_only`)
    is not asserted; its candidate keeps what the rules saw, for the model to weigh."""
    facts = [f for f in facts if not modifier_only(f.get("rule", ""))]
    if model is None:
        return facts
    mode = {rel: m.get("mode", "replace") for rel, m in model["relations"].items()}
    out = [{**f, "confidence": calibrated(model, f["rule"], f.get("confidence", 0.0))} if "rule" in f else f
           for f in facts if mode.get(f["relation"], "add") == "add"]
    lang = model["lang"]
    # one subject per object and relation in a sentence: the rules' where they found one (in add
    # mode), else the candidate the model scores highest ("미국, 일본, 캐나다와 협력해 「X」를 발표"
    # gives X one owner, not three)
    ruled = {(f["relation"], f["char_start"], f["object"]["start"]) for f in out if f.get("object")}
    accepted: dict[tuple, tuple[float, dict[str, Any]]] = {}
    for c in cands:
        if "neg>" in c["features"]:
            continue  # a negated or hedged clause never gives a fact, whatever the model says
        for rel in GROUPS[c["group"]]:
            if rel not in mode:
                continue  # not scored
            key = (rel, c["char_start"], c["object"]["start"])
            if mode[rel] == "add" and key in ruled:
                continue  # the rules' fact is kept as it is
            p = probability(model, rel, c["features"])
            if p >= model["relations"][rel]["threshold"] and p > accepted.get(key, (0.0, None))[0]:
                accepted[key] = (p, c)
    for (rel, _, _), (p, c) in accepted.items():
        rule_fact = c["rules"].get(rel)
        out.append({
            "relation": rel,
            "predicate": rule_fact["predicate"] if rule_fact else DEFAULT_PREDICATE[rel],
            "subject": c["subject"], "object": c["object"],
            "rule": f"{rel}.{lang}.model" + ("+rule" if rule_fact else ""),
            "confidence": round(p, 3),
            "supplier": rule_fact.get("supplier") if rule_fact else c.get("supplier"),
            "amount": None, "currency": None, "extra": {},
            **{k: c[k] for k in ("sentence", "char_start", "char_end", "line_start", "line_end", "segment")},
        })
    out.sort(key=lambda f: (f["char_start"], f["relation"], f["subject"]["start"]))
    return out


# ---------------------------------------------------------------- training
def labelled(golds: list[dict[str, Any]], extractions: dict[str, Any],
             equivalent: dict[str, set[str]]) -> list[tuple[dict[str, Any], set[str]]]:
    """The candidates inside the gold files' line ranges, each with the relations the gold states
    for its pair in its sentence."""
    from .evaluate import _arg_key, _fact_key

    out = []
    for g in golds:
        lo, hi = g["lines"]
        gold_facts = [(int(f["line"]), _fact_key(f, gold=True)) for f in g.get("facts") or []
                      if f["relation"] in GROUP_OF]
        for c in extractions[g["doc"]].candidates:
            if not lo <= c["line_start"] <= hi:
                continue
            s, o = _arg_key(c["subject"]), _arg_key(c["object"])
            rels = {k[0] for line, k in gold_facts if c["line_start"] <= line <= c["line_end"] and k[1] == s
                    and (k[2] == o or k[2] in equivalent.get(o, ()))}
            out.append((c, rels))
    return out


def train(data: list[tuple[dict[str, Any], set[str]]], lang: str, c_reg: float = 1.0,
          sources: list[str] | None = None, threshold: float = 0.5, balanced: bool = False) -> dict[str, Any]:
    """One L2-regularised logistic regression per relation over its group's candidates; a fact is
    asserted at a probability of ``threshold`` or more (:func:`train_from_gold` sets it per
    relation by cross-validation)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    model: dict[str, Any] = {"format": FORMAT, "lang": lang, "trained_on": sorted(sources or []),
                             "relations": {}}
    for rel, group in sorted(GROUP_OF.items()):
        rows = [(c, rel in rels) for c, rels in data if c["group"] == group]
        pos = sum(y for _, y in rows)
        if pos < 3 or pos == len(rows):
            continue  # too few examples to learn from: the rules keep this relation
        vec = DictVectorizer()
        x = vec.fit_transform([{f: 1.0 for f in c["features"]} for c, _ in rows])
        y = [int(v) for _, v in rows]
        clf = LogisticRegression(C=c_reg, solver="lbfgs", max_iter=2000,
                                 class_weight="balanced" if balanced else None)
        clf.fit(x, y)
        coef = clf.coef_[0]
        weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), coef) if abs(w) >= 1e-4}
        model["relations"][rel] = {"bias": round(float(clf.intercept_[0]), 5), "weights": dict(sorted(weights.items())),
                                   "threshold": threshold, "examples": len(rows), "positives": pos}
    return model


def write(model: dict[str, Any], path: Path) -> None:
    from kg.fsutil import atomic_write

    atomic_write(path, (json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8"))


def rules_report(golds: list[dict[str, Any]], extractions: dict[str, Any], texts: dict[str, list[str]],
                 equivalent: dict[str, set[str]]):
    """The rules' extraction scored against the gold files (an :class:`ingest.evaluate.Report`).
    The rules are not fitted to the gold, so this is both the baseline the model must beat and,
    per rule (``Report.by_rule``), how often each rule is right (:func:`calibrated`)."""
    from .evaluate import Report, score

    rep = Report()
    for g in golds:
        score(g, extractions[g["doc"]], texts[g["doc"]], rep, equivalent)
    return rep


def calibrated(model: dict[str, Any] | None, rule: str, default: float) -> float:
    """The confidence of a rule's fact: the share of the rule's facts that were right on the gold
    the model was trained on, smoothed towards 1/2 ((right + 1) / (predicted + 2)); ``default``
    for a rule never seen there."""
    counts = (model or {}).get("rule_precision", {}).get(rule)
    if not counts:
        return default
    right, n = counts
    return round((right + 1) / (n + 2), 3)


def measured(model: dict[str, Any] | None, fact: dict[str, Any]) -> bool:
    """Whether ``fact``'s confidence was measured on the gold the model was trained on: the model's
    probability, or the precision of a rule the training scored (:func:`calibrated`)."""
    if model is None:
        return False
    rule = fact.get("rule", "")
    return ".model" in rule or rule in model.get("rule_precision", {})


def _language_of(gold: dict[str, Any], cands: list[dict[str, Any]]) -> str | None:
    """The language most of the candidates inside a gold file's lines are in."""
    lo, hi = gold["lines"]
    langs = Counter(f[5:] for c in cands if lo <= c["line_start"] <= hi for f in c["features"] if f.startswith("lang="))
    return langs.most_common(1)[0][0] if langs else None


def _of_lang(data: list[tuple[dict[str, Any], set[str]]], lang: str) -> list[tuple[dict[str, Any], set[str]]]:
    return [(c, rels) for c, rels in data if f"lang={lang}" in c["features"]]


THRESHOLDS = (0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
MODES = ("replace", "add")


def cross_validate(golds: list[dict[str, Any]], extractions: dict[str, Any], texts: dict[str, list[str]],
                   equivalent: dict[str, set[str]], lang: str, thresholds: Iterable[float] = THRESHOLDS,
                   extra: list[tuple[dict[str, Any], set[str]]] | None = None, modes: Iterable[str] = MODES,
                   **train_kw: Any):
    """Leave one gold file out: train on the others (and on ``extra``, labelled candidates that
    are never scored), score the one left out; summed over the files. Returns the report, per
    (mode, threshold), of the rules with the model (the rules alone: :func:`rules_report`)."""
    import copy
    from dataclasses import replace

    from .evaluate import Report, score

    settings = [(mode, t) for mode in modes for t in thresholds]
    learned = {s: Report() for s in settings}
    for i, g in enumerate(golds):
        rest = [h for j, h in enumerate(golds) if j != i]
        model = train(_of_lang(labelled(rest, extractions, equivalent), lang) + (extra or []), lang, **train_kw)
        ex = extractions[g["doc"]]
        for mode, t in settings:
            m = copy.deepcopy(model)
            for r in m["relations"].values():
                r["threshold"], r["mode"] = t, mode
            score(g, replace(ex, facts=select(m, ex.facts, ex.candidates)), texts[g["doc"]], learned[mode, t],
                  equivalent)
    return learned


# settings are chosen by F0.5, which weighs precision twice as much as recall: a wrong fact in the
# graph costs an analyst more than a missing one (and the targets ask precision 0.8, recall 0.6)
BETA = 0.5


def train_from_gold(golds: list[dict[str, Any]], sources: list[str], lang: str, cross_lingual: bool = False,
                    modes: Iterable[str] = MODES, **train_kw: Any) -> dict[str, Any]:
    """Extract the gold files' documents with the rules alone, keep the candidates, and train the
    model of ``lang`` on them.

    With two gold files or more, each relation is cross-validated (leave one file out): its mode
    (:func:`select`) and threshold are those with the best F-beta (:data:`BETA`), and the model
    keeps only the relations where that score is higher than the rules'; the scores of both are
    recorded in the model (``cv``).

    ``cross_lingual``: the candidates of the gold files in other languages are learned from too
    (most features, such as entity types, particles turned positions, topics and rules, mean the
    same in both languages); only the files of ``lang`` are cross-validated, the others are always
    in the training set.

    ``modes``: the modes cross-validation may choose (:func:`select`); ``("add",)`` lets the model
    add facts but never override the rules' (for gold whose facts are located by paragraph, which
    cannot tell whether the model or the rules picked a sentence's subject)."""
    from kg.extraction import eval_extractions

    extractions, texts, equivalent = eval_extractions(golds, rules_only=True,
                                                      keep_candidates=True)
    data = labelled(golds, extractions, equivalent)
    extra = [(c, rels) for c, rels in data if f"lang={lang}" not in c["features"]] if cross_lingual else []
    own = [g for g in golds if _language_of(g, extractions[g["doc"]].candidates) == lang]
    if not own:
        raise ModelError(f"none of the gold files has {lang} text to learn from: give gold files of that language "
                         f"(or train the model of the language they are in with --lang)")
    model = train(_of_lang(data, lang) + extra, lang, sources=sources, **train_kw)
    model["cross_lingual"] = cross_lingual
    model["modes"] = list(modes)
    rules = rules_report(own, extractions, texts, equivalent)
    model["rule_precision"] = {rule: [sc.tp, sc.tp + sc.fp] for rule, sc in sorted(rules.by_rule().items())}
    if len(own) > 1:
        learned = cross_validate(own, extractions, texts, equivalent, lang, extra=extra, modes=modes, **train_kw)
        for rel in list(model["relations"]):
            mode, t = max(learned, key=lambda s: (round(learned[s].facts[rel].fbeta(BETA), 6), s[0] == "add",
                                                  s[1]))
            r, m = rules.facts[rel], learned[mode, t].facts[rel]
            model["relations"][rel].update(threshold=t, mode=mode)
            cv = {"rules": r.to_dict(), "model": m.to_dict(), "threshold": t, "mode": mode, "beta": BETA}
            model["relations"][rel]["cv"] = cv
            if round(m.fbeta(BETA), 6) <= round(r.fbeta(BETA), 6):
                del model["relations"][rel]  # the rules do better: they keep this relation
                model.setdefault("rules_kept", {})[rel] = cv
    return model
