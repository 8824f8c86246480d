"""Cold start: ``policykg query ...`` as a whole new process, on the default graph.

    .venv/bin/python bench/cold_start.py [--quick]

Wall time from exec to exit of the real console script (interpreter start, imports, opening the
store, resolving the parameter, the query, labels, printing), for a few named queries, next to
a bare ``python -c pass`` of the same interpreter in the same run. Also which heavy libraries
the query path imports (none of rdflib, spaCy, owlready2, networkx may be loaded).

Target: median <= 0.6 s per command.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, Result, Target, Timing, options, run_process, table, write_result  # noqa: E402

COMMANDS = [
    ["query", "layer-dependencies", "--param", "country=Japan"],
    ["query", "country-agencies", "--param", "country=일본", "--lang", "ko"],
    ["query", "policy-runners", "--param", "policy=GENIAC", "--format", "json"],
    ["queries"],
]
HEAVY = ("rdflib", "spacy", "owlready2", "networkx", "pyshacl", "kiwipiepy", "pyvis", "yaml")
PROBE = ("import sys, runpy; sys.argv = ['policykg', *sys.argv[1:]]\n"
         "try:\n    runpy.run_module('kg.cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
         "print('MODULES', ' '.join(sorted(m for m in sys.modules if '.' not in m)), file=sys.stderr)")


def main() -> int:
    args = options(__doc__)
    exe = Path(sys.executable).with_name("policykg")
    env = dict(os.environ)
    rows, data = [], {}
    res = Result("cold_start", args)
    repeat = max(3, args.repeat * 2)
    base = Timing([run_process([sys.executable, "-c", "pass"])[1] for _ in range(repeat)])
    rows.append(["python -c pass", base.median, base.spread[0], base.spread[1], "", None])
    data["python -c pass"] = base.to_dict()
    worst = 0.0
    for cmd in COMMANDS:
        run_process([str(exe), *cmd], env=env)  # warm the page cache
        runs, peak = [], 0.0
        for _ in range(repeat):
            proc, seconds, peak_mb = run_process([str(exe), *cmd], env=env, timeout=60)
            if proc.returncode != 0:
                raise SystemExit(f"policykg {' '.join(cmd)} failed ({proc.returncode}): {proc.stderr[-500:]}")
            runs.append(seconds)
            peak = max(peak, peak_mb)
        t = Timing(runs)
        probe = run_process([sys.executable, "-c", PROBE, *cmd], env=env, cwd=REPO)[0]
        loaded = next((line.split()[1:] for line in probe.stderr.splitlines() if line.startswith("MODULES")), [])
        heavy = sorted(set(loaded) & set(HEAVY))
        label = "policykg " + " ".join(cmd)
        rows.append([label, t.median, t.spread[0], t.spread[1], ", ".join(heavy) or "none", round(peak)])
        data[label] = {**t.to_dict(), "heavy_modules": heavy, "peak_rss_mb": round(peak)}
        worst = max(worst, t.median)
        if heavy:
            res.targets.append(Target(f"heavy modules on `{label}`", len(heavy), 0, note=", ".join(heavy)))
    table(f"Cold start on the default graph ({repeat} runs each; seconds)",
          ["command", "median", "min", "max", "heavy imports", "peak MiB"], rows)
    res.targets.append(Target("slowest cold `policykg` command, median", round(worst, 3), 0.6, " s"))
    res.data = {"commands": data}
    write_result(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
