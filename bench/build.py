"""The whole build of the default corpus, stage by stage, next to the bare tokenizer and the reasoner.

    .venv/bin/python bench/build.py [--quick]

Measured in one run, side by side:
- ``policykg build`` as a new process in an empty build folder (nothing cached: read, clean,
  extract, curate, reason, validate, store, export), wall time and peak memory, with the
  per-stage times the build records in ``summary.json``;
- the bare morpheme tokenizer (Kiwi's ``tokenize``, model loaded beforehand) over the clean
  Korean text of the same documents: what any Korean pipeline has to pay;
- the reasoner's fixed start-up: HermiT (owlready2, Java) on the ontology alone.

Growth with the corpus: the same build with the default corpus plus generated documents
(``bench/gen_corpus.py``) of about 3x its size, stage by stage: a stage whose time grows faster
than the text would be quadratic (growth exponent = log(time ratio) / log(size ratio)).

Target: build <= 5 x (tokenizer + reasoner start-up); no stage with a growth exponent above 1.2.
"""

from __future__ import annotations

import json
import math
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Result, Target, Timing, in_child, options, run_process, table, timed, write_result  # noqa: E402

STAGES = ("ontology", "curated", "extract", "reason", "validate", "store", "export", "summary")


def kiwi_seconds(repeat: int) -> dict:
    """In a child: the clean Korean text of the default corpus through bare Kiwi (model load excluded)."""
    from kiwipiepy import Kiwi

    from ingest_throughput import korean_texts
    from kg.extraction import corpus_inputs

    texts = korean_texts(corpus_inputs())
    kiwi = Kiwi()
    t = timed(lambda: [kiwi.tokenize(x) for x in texts], repeat)
    return {"runs": t.runs, "characters": sum(len(x) for x in texts)}


def run_build(extra_docs: list[Path] | None = None) -> dict:
    """``policykg build`` (or ``ingest`` of extra documents, which builds) in a fresh folder."""
    exe = Path(sys.executable).with_name("policykg")
    with tempfile.TemporaryDirectory(prefix="policykg-bench-build-") as tmp:
        env = dict(os.environ, POLICYKG_BUILD=tmp)
        cmd = [str(exe), "ingest", *map(str, extra_docs)] if extra_docs else [str(exe), "build", "--quiet"]
        proc, seconds, peak = run_process(cmd, env=env, timeout=1200)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd[:2])} failed ({proc.returncode}): {proc.stderr[-1500:]}")
        summary = json.loads((Path(tmp) / "current" / "summary.json").read_text(encoding="utf-8"))
    return {"seconds": seconds, "peak_mb": peak, "stages": summary["timings_s"],
            "characters": corpus_characters() + sum(len(p.read_text(encoding="utf-8")) for p in extra_docs or [])}


def corpus_characters() -> int:
    from kg.extraction import corpus_inputs

    return sum(len(raw) for _, raw, _ in corpus_inputs())


def main() -> int:
    def extra(ap):
        ap.add_argument("--no-growth", action="store_true", help="skip the larger-corpus build")

    args = options(__doc__, extra=extra)
    import reasoning

    res = Result("build", args)
    repeat = 1 if args.quick else 3
    kiwi, _s, _m = in_child(kiwi_seconds, max(3, args.repeat))
    tok = Timing(kiwi["runs"])
    startup = reasoning.measure("startup", 0, max(2, repeat), 120)
    start = Timing(startup["runs"])
    builds = [run_build() for _ in range(repeat)]
    wall = Timing([b["seconds"] for b in builds])
    stage = {s: Timing([b["stages"].get(s, 0.0) for b in builds]) for s in STAGES}
    budget = 5 * (tok.median + start.median)

    rows = [[f"  {s}", stage[s].median, stage[s].spread[0], stage[s].spread[1]] for s in STAGES]
    rows.insert(0, ["policykg build (whole process)", wall.median, wall.spread[0], wall.spread[1]])
    rows += [["  of which HermiT itself", Timing([b["stages"].get("reasoner_only", 0.0) for b in builds]).median, None, None],
             ["bare Kiwi tokenize, same text", tok.median, tok.spread[0], tok.spread[1]],
             ["HermiT start-up (ontology alone)", start.median, start.spread[0], start.spread[1]],
             ["target: 5 x (Kiwi + start-up)", budget, None, None]]
    table(f"Build of the default corpus in an empty folder ({repeat} run(s); seconds; peak "
          f"{max(b['peak_mb'] for b in builds):.0f} MiB)", ["", "median", "min", "max"], rows)
    res.targets.append(Target("build / (Kiwi + reasoner start-up)", round(wall.median / (tok.median + start.median), 2),
                              5, "x", note=f"{wall.median:.1f} s vs {tok.median:.2f} s + {start.median:.2f} s"))
    data = {"build": {"wall": wall.to_dict(), "peak_mb": round(max(b["peak_mb"] for b in builds)),
                      "stages": {s: stage[s].to_dict() for s in STAGES}, "characters": builds[0]["characters"]},
            "kiwi": {**tok.to_dict(), "characters": kiwi["characters"]}, "reasoner_startup": start.to_dict()}

    if not (args.no_growth or args.quick):  # --quick: one build; growth is measured in the full run
        import gen_corpus

        with tempfile.TemporaryDirectory(prefix="policykg-bench-corpus-") as tmp:
            n_docs = 4
            docs = gen_corpus.generate(Path(tmp), n_docs, seed=7)
            big = run_build(docs)
        size = big["characters"] / max(1, builds[0]["characters"])
        grow_rows, exps = [], {}
        for s in STAGES:
            t1, t2 = stage[s].median, big["stages"].get(s, 0.0)
            exp = math.log(t2 / t1) / math.log(size) if t1 > 0.05 and t2 > 0 and size > 1.2 else None
            exps[s] = exp
            grow_rows.append([s, t1, t2, round(t2 / t1, 2) if t1 > 0 else None, None if exp is None else round(exp, 2)])
        table(f"Growth with the corpus: default ({builds[0]['characters']:,} chars) vs default + {n_docs} generated "
              f"documents ({big['characters']:,} chars, x{size:.2f})",
              ["stage", "default s", "larger s", "time ratio", "exponent"], grow_rows)
        measured = {s: e for s, e in exps.items() if e is not None}
        worst = max(measured, key=measured.get) if measured else None
        if worst:
            res.targets.append(Target("largest stage growth exponent", round(measured[worst], 2), 1.2,
                                      note=f"{worst}; stages under 0.05 s not rated"))
        data["growth"] = {"size_ratio": round(size, 2), "larger": big, "exponents": exps}
    res.data = data
    write_result(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
