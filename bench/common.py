"""What every benchmark shares: options, repeated timing, peak memory, the machine, tables, JSON.

A benchmark is a script ``bench/<name>.py`` whose ``main()`` parses :func:`options`, measures,
prints one table with :func:`table` and writes its JSON with :func:`write_result`. Results go
to ``build/bench/<name>.json`` (``--out`` to change); ``bench/run.py`` runs them all.

Every figure is a median over repeated runs with its spread (min-max). Comparisons are measured
side by side in the same run and reported as ratios, since absolute times on a shared machine
drift. Peak memory is the peak resident set of a child process that did only that work
(:func:`in_child`), because a process's own peak never goes down.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from multiprocessing import get_context
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DEFAULT_OUT = REPO / "build" / "bench"


def current_release() -> Path:
    """The build the benchmarks read: ``$POLICYKG_BUILD/current``, else ``build/current``."""
    from kg.paths import build_dir

    return build_dir() / "current"


def options(doc: str | None, argv: list[str] | None = None,
            extra: Callable[[argparse.ArgumentParser], None] | None = None) -> argparse.Namespace:
    """The options every benchmark takes: ``--quick`` (the CI size), ``--repeat``, ``--out``."""
    ap = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes and few repeats (CI keeps the benchmark alive)")
    ap.add_argument("--repeat", type=int, default=None, help="timed runs per measurement (default 5, quick 1)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"folder for the JSON results (default {DEFAULT_OUT.relative_to(REPO)})")
    if extra:
        extra(ap)
    args = ap.parse_args(argv)
    if args.repeat is None:
        args.repeat = 1 if args.quick else 5
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    return args


@dataclass
class Timing:
    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def spread(self) -> tuple[float, float]:
        return min(self.runs), max(self.runs)

    def percentile(self, q: float) -> float:
        """Nearest-rank percentile (q in 0..100)."""
        xs = sorted(self.runs)
        k = max(0, min(len(xs) - 1, int(round(q / 100 * len(xs) + 0.5)) - 1))
        return xs[k]

    def to_dict(self, scale: float = 1.0, digits: int = 4) -> dict[str, Any]:
        lo, hi = self.spread
        return {"median": round(self.median * scale, digits), "min": round(lo * scale, digits),
                "max": round(hi * scale, digits), "runs": len(self.runs)}


def timed(fn: Callable[[], Any], repeat: int, warmup: int = 1) -> Timing:
    """Wall time of ``fn()`` over ``repeat`` runs after ``warmup`` untimed ones."""
    for _ in range(warmup):
        fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return Timing(runs)


def _child(fn: Callable, args: tuple, kwargs: dict) -> tuple[Any, float, float]:
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    seconds = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return out, seconds, peak_mb


def in_child(fn: Callable, *args, **kwargs) -> tuple[Any, float, float]:
    """Run ``fn(*args, **kwargs)`` in a fresh (spawned) process: (its result, seconds, peak RSS MiB).

    ``fn`` must be importable (a module-level function); its imports count towards the peak."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as ex:
        return ex.submit(_child, fn, args, kwargs).result()


def run_process(cmd: list[str], timeout: float | None = None, **kw) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run a command: (completed process, wall seconds, peak RSS MiB of that process).

    The peak comes from ``wait4`` on that very process, so earlier children do not count."""
    import tempfile

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True, **kw)
        timer = threading.Timer(timeout, proc.kill) if timeout else None
        if timer:
            timer.start()
        _pid, status, usage = os.wait4(proc.pid, 0)
        if timer:
            timer.cancel()
        seconds = time.perf_counter() - t
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        peak_mb = usage.ru_maxrss / 1024
        return subprocess.CompletedProcess(cmd, code, out.read(), err.read()), seconds, peak_mb


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _mem_total_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 ** 2, 1)
    except OSError:
        pass
    return None


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for pkg in ("pyoxigraph", "rdflib", "owlready2", "spacy", "kiwipiepy", "pyshacl", "networkx", "pyvis"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            pass
    return out


def _git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                              text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine() -> dict[str, Any]:
    """The machine a result was measured on (no host names or paths)."""
    return {
        "cpu": _cpu_model(), "logical_cores": os.cpu_count(), "usable_cores": len(os.sched_getaffinity(0)),
        "memory_gib": _mem_total_gib(), "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}", "libraries": _versions(),
        "commit": _git_commit(),
    }


@dataclass
class Target:
    """One of the issue's targets: ``value`` must be <= ``limit`` (or >= with ``at_least``)."""
    name: str
    value: float
    limit: float
    unit: str = ""
    at_least: bool = False
    note: str = ""

    @property
    def met(self) -> bool:
        return self.value >= self.limit if self.at_least else self.value <= self.limit

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value, "limit": self.limit, "unit": self.unit,
                "at_least": self.at_least, "met": self.met, "note": self.note}

    def line(self) -> str:
        rel = ">=" if self.at_least else "<="
        return (f"{'met ' if self.met else 'MISS'}  {self.name}: {self.value:g}{self.unit} "
                f"(target {rel} {self.limit:g}{self.unit}){'; ' + self.note if self.note else ''}")


@dataclass
class Result:
    name: str
    args: argparse.Namespace
    data: dict[str, Any] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    started: float = field(default_factory=time.time)


def table(title: str, header: list[str], rows: list[list[Any]]) -> str:
    """A plain-text table (numbers right-aligned), printed and returned."""
    cells = [[_fmt(c) for c in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(header)]

    def line(r: list[str], raw: list[Any] | None = None) -> str:
        out = []
        for i, c in enumerate(r):
            num = raw is not None and isinstance(raw[i], (int, float))
            out.append(c.rjust(widths[i]) if num else c.ljust(widths[i]))
        return "  ".join(out).rstrip()

    text = "\n".join([title, line(header), line(["-" * w for w in widths]),
                      *(line(c, r) for c, r in zip(cells, rows))])
    print(text, flush=True)
    return text


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        if v == 0:
            return "0"
        if abs(v) >= 100:
            return f"{v:,.0f}"
        if abs(v) >= 1:
            return f"{v:.2f}"
        return f"{v:.3g}"
    if isinstance(v, int):
        return f"{v:,}"
    return "" if v is None else str(v)


def write_result(res: Result) -> Path:
    """Print the targets and write ``<out>/<name>.json`` (atomically)."""
    for t in res.targets:
        print(t.line(), flush=True)
    doc = {
        "benchmark": res.name, "quick": res.args.quick, "repeat": res.args.repeat,
        "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(time.time() - res.started, 1), "machine": machine(),
        "targets": [t.to_dict() for t in res.targets], **res.data,
    }
    res.args.out.mkdir(parents=True, exist_ok=True)
    path = res.args.out / f"{res.name}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    print(f"wrote {path.relative_to(REPO) if path.is_relative_to(REPO) else path}", flush=True)
    return path
