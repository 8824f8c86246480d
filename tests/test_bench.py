"""The benchmark suite stays runnable: its quick form (``bench/run.py --quick``) on the session's build.

Timings are not asserted (a benchmark is not a timed test); what is checked is that every
benchmark runs, prints its table and writes JSON with the machine, its measurements and the
issue's targets, so ``make bench`` cannot rot unnoticed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from run import BENCHES  # noqa: E402


@pytest.mark.slow
def test_quick_benchmark_suite(build_base, tmp_path):
    env = dict(os.environ, POLICYKG_BUILD=str(build_base))
    proc = subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), "--quick", "--out", str(tmp_path)],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert summary["failed"] == [] and summary["quick"] is True
    for name in BENCHES:
        doc = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
        assert doc["benchmark"] == name and doc["quick"] is True
        assert doc["machine"]["logical_cores"] >= 1 and doc["machine"]["libraries"]["pyoxigraph"]
        assert doc["targets"], f"{name} reports no target"
        for t in doc["targets"]:
            assert isinstance(t["value"], (int, float)) and t["met"] == (
                t["value"] >= t["limit"] if t["at_least"] else t["value"] <= t["limit"])
        assert f"wrote" in proc.stdout
    assert "=== targets" in proc.stdout and proc.stdout.count("\n=== ") == len(BENCHES) + 1
    # the figures are the measured ones, not placeholders: the query benchmark timed every named query
    queries = json.loads((tmp_path / "queries.json").read_text(encoding="utf-8"))
    from kg.queries import load_queries

    assert set(queries["graphs"]["default"]["oxigraph"]) == set(load_queries())
    assert all(v["p50_ms"] > 0 for v in queries["graphs"]["default"]["oxigraph"].values())
