"""Reasoning at scale: full HermiT vs HermiT on a sample + SPARQL rules, at 1k, 10k, 100k individuals.

The ABoxes come from ``bench/gen_abox.py`` (the default build's facts replicated; run ``make run``
first). Each measurement runs in a fresh process (its own session, so HermiT's Java process is
killed with it at the time limit): generation is not timed; the time is that of
``kg.reason.reason`` (median and spread over the repeats; full HermiT once per size above 1k); the
peak RSS is that of the largest process of the run (Python or HermiT's Java), graph included. Full
HermiT is not tried at larger sizes once it failed to finish. Where both finish, the inferred
triple sets are compared (count and SHA-256 of the sorted N-Triples).

``reasoner_startup_s``: HermiT on the ontology alone (no ABox): the reasoner's fixed start-up,
used by the build target.

    .venv/bin/python bench/reasoning.py            # 1k, 10k, 100k (about 4 minutes)
    .venv/bin/python bench/reasoning.py --quick    # 1k and the start-up (CI)
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, Result, Target, options, table, write_result  # noqa: E402

SIZES = (1_000, 10_000, 100_000)


def _child(strategy: str, n: int, repeat: int) -> dict:
    """Run in the child process: generate, then time ``reason`` ``repeat`` times."""
    from bench.gen_abox import count_individuals, generate
    from kg.reason import reason, run_hermit

    if strategy == "startup":
        from kg.build import load_ontology

        tbox = load_ontology()
        runs = []
        for _ in range(repeat):
            t = time.perf_counter()
            run_hermit(tbox)
            runs.append(time.perf_counter() - t)
        return {"runs": runs}
    tbox, abox = generate(n)
    out: dict = {"individuals": count_individuals(abox, tbox), "abox_triples": len(abox)}
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        rr = reason(tbox, abox, strategy=strategy)
        runs.append(time.perf_counter() - t)
    lines = sorted(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in rr.inferred)
    out |= {"runs": runs, "inferred": len(lines), "timings": rr.timings,
            "digest": hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()}
    return out


def measure(strategy: str, n: int, repeat: int, limit: float) -> dict:
    """Run :func:`_child` in a fresh session with a time limit; add wall, peak RSS and status."""
    cmd = [sys.executable, __file__, "--child", strategy, str(n), str(repeat)]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return {"status": f"did not finish in {limit:g} s", "finished": False, "wall_s": round(time.perf_counter() - t, 1)}
    if proc.returncode != 0:
        return {"status": f"failed (exit {proc.returncode}): {err.strip().splitlines()[-1] if err.strip() else ''}",
                "finished": False}
    res = json.loads(out.strip().splitlines()[-1])
    res["finished"], res["status"] = True, "ok"
    res["peak_rss_mb"] = res.pop("peak_rss_mb", None)
    return res


def _timing(runs: list[float]) -> dict:
    return {"median": round(statistics.median(runs), 3), "min": round(min(runs), 3), "max": round(max(runs), 3),
            "runs": len(runs)}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        import resource

        res = _child(argv[1], int(argv[2]), int(argv[3]))
        # largest of this process and the waited-for children (HermiT's Java)
        res["peak_rss_mb"] = round(max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                                       resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024, 1)
        print(json.dumps(res))
        return 0

    def extra(ap):
        ap.add_argument("--hermit-limit", type=float, default=60.0,
                        help="time limit of one full-HermiT run, generation included (default 60 s)")

    args = options(__doc__, argv, extra)
    res = Result("reasoning", args)
    sizes = SIZES[:1] if args.quick else SIZES

    startup = measure("startup", 0, min(args.repeat, 3), 120)
    startup_s = _timing(startup["runs"]) if startup["finished"] else None
    print(f"HermiT start-up (ontology alone): {startup_s}", flush=True)

    rows, data = [], []
    hermit_ok, skip = True, "not tried (failed at a smaller size)"
    for n in sizes:
        entry = {"individuals": n}
        sample = measure("sample", n, {1_000: args.repeat, 10_000: min(args.repeat, 3)}.get(n, 1), 600)
        entry["sample"] = sample
        if hermit_ok:
            full = measure("hermit", n, min(args.repeat, 3) if n <= 1_000 else 1, args.hermit_limit)
            hermit_ok = full["finished"]
            # 10x the individuals take at least 10x the time: do not start a run that cannot finish
            if hermit_ok and 10 * statistics.median(full["runs"]) > args.hermit_limit:
                hermit_ok, skip = False, (f"not tried: {statistics.median(full['runs']):.0f} s at {n:,} individuals, "
                                          f"so 10x as many cannot finish in the {args.hermit_limit:g} s limit")
        else:
            full = {"status": skip, "finished": False}
        entry["hermit"] = full
        same = (full["digest"] == sample["digest"]) if full["finished"] and sample["finished"] else None
        entry["same_inferred"] = same
        for k in ("sample", "hermit"):
            if entry[k].get("runs"):
                entry[k]["time_s"] = _timing(entry[k].pop("runs"))
        data.append(entry)
        for name, r in (("hermit (full)", full), ("sample + rules", sample)):
            t = r.get("time_s")
            rows.append([n, name, r.get("abox_triples"), t["median"] if t else None,
                         f"{t['min']:.2f}-{t['max']:.2f}" if t else r["status"], r.get("peak_rss_mb"),
                         r.get("inferred"), {True: "yes", False: "NO", None: ""}[same]])

    table("reasoning: full HermiT vs HermiT on a sample + SPARQL rules (time of kg.reason.reason)",
          ["individuals", "strategy", "abox triples", "median s", "spread s", "peak RSS MiB", "inferred", "same"],
          rows)
    res.data = {"reasoner_startup_s": startup_s["median"] if startup_s else None, "startup": startup_s,
                "sizes": data, "hermit_limit_s": args.hermit_limit}
    for e in data:
        s, h = e["sample"], e["hermit"]
        if e["same_inferred"] is not None:
            res.targets.append(Target(f"same inferred triples at {e['individuals']} individuals",
                                      1.0 if e["same_inferred"] else 0.0, 1.0, at_least=True))
    by_n = {e["individuals"]: e["sample"] for e in data if e["sample"].get("time_s")}
    if 10_000 in by_n and 100_000 in by_n:  # a fixed HermiT cost plus rules linear in the graph
        ratio = by_n[100_000]["time_s"]["median"] / by_n[10_000]["time_s"]["median"]
        res.targets.append(Target("sample strategy time 100k / 10k individuals", round(ratio, 2), 11.0,
                                  unit="x", note="linear or better"))
    write_result(res)
    return 0


if __name__ == "__main__":
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    sys.exit(main())
