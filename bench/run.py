"""Run the whole benchmark suite (``make bench``), or its quick form for CI (``make bench-quick``).

    .venv/bin/python bench/run.py [--quick] [--only NAME ...] [--out DIR] [--reference]

Each benchmark runs as its own process (so one's memory and imports do not colour the next),
prints its table and writes ``<out>/<name>.json``. At the end every target of the issue is
listed as met or missed, and ``<out>/summary.json`` collects them. ``--reference`` also copies
the results into ``bench/results/`` (the committed reference run; use it on a quiet machine).

A benchmark that fails to run makes the suite fail; a missed target does not (it is reported).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, current_release, options  # noqa: E402

BENCHES = ("ingest_throughput", "build", "ingest_scaling", "reasoning", "queries", "cold_start",
           "endpoint_load", "viz_scale")
RESULTS = Path(__file__).resolve().parent / "results"


def main() -> int:
    def extra(ap):
        ap.add_argument("--only", nargs="+", choices=BENCHES, help="run only these")
        ap.add_argument("--reference", action="store_true", help="copy the results to bench/results/")

    args = options(__doc__, extra=extra)
    names = args.only or BENCHES
    if not (current_release() / "policykg.nq").exists():
        print("no build yet: running `policykg build` first", flush=True)
        subprocess.run([str(Path(sys.executable).with_name("policykg")), "build", "--quiet"], check=True, cwd=REPO)
    t0 = time.perf_counter()
    failed, took = [], {}
    for name in names:
        cmd = [sys.executable, str(Path(__file__).resolve().parent / f"{name}.py"), "--out", str(args.out)]
        if args.quick:
            cmd.append("--quick")
        print(f"\n=== {name} ({' '.join(Path(c).name if i < 2 else c for i, c in enumerate(cmd))})", flush=True)
        t = time.perf_counter()
        if subprocess.run(cmd, cwd=REPO).returncode != 0:
            failed.append(name)
        took[name] = round(time.perf_counter() - t, 1)
    total = time.perf_counter() - t0
    targets = []
    for name in names:
        path = args.out / f"{name}.json"
        if name not in failed and path.exists():
            targets += [{"benchmark": name, **t} for t in json.loads(path.read_text(encoding="utf-8"))["targets"]]
    print(f"\n=== targets ({'quick' if args.quick else 'full'} run, {total / 60:.1f} min)")
    for t in targets:
        rel = ">=" if t["at_least"] else "<="
        print(f"{'met ' if t['met'] else 'MISS'}  [{t['benchmark']}] {t['name']}: {t['value']:g}{t['unit']} "
              f"(target {rel} {t['limit']:g}{t['unit']}){'; ' + t['note'] if t['note'] else ''}")
    for name in failed:
        print(f"FAILED to run: {name}")
    summary = {"quick": args.quick, "minutes": round(total / 60, 2), "seconds_per_benchmark": took,
               "failed": failed, "targets": targets}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if args.reference and not failed:
        RESULTS.mkdir(exist_ok=True)
        for name in names:
            shutil.copy2(args.out / f"{name}.json", RESULTS / f"{name}.json")
        ref = RESULTS / "summary.json"
        if args.only and ref.exists():  # a partial rerun: update those benchmarks in the reference summary
            old = json.loads(ref.read_text(encoding="utf-8"))
            took = {**old["seconds_per_benchmark"], **took}
            targets = [t for t in old["targets"] if t["benchmark"] not in names] + targets
            summary = {**summary, "seconds_per_benchmark": took, "targets": targets,
                       "minutes": round(sum(took.values()) / 60, 2), "rerun": sorted(names)}
        ref.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"reference results copied to {RESULTS.relative_to(REPO)}/")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
