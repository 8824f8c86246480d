"""`policykg serve` under concurrent clients on loopback: throughput, latency, errors, timeouts.

    .venv/bin/python bench/endpoint_load.py [--quick] [--clients 8] [--seconds 20]

The server is the real one (``policykg serve --port 0``, default graph of ``build/current``,
its default two query workers, a short ``--timeout``). Each client is a thread with its own
keep-alive HTTP connection, looping over a mix of what an analyst's tools send: named queries
as JSON (``/queries/NAME?...&format=json``), SPARQL protocol POSTs of named-query texts
(``/sparql``), and resource pages as Turtle and HTML (``/id/...``). Phase 1 runs the mix for a
bounded time. Phase 2 runs it again while one more client sends ``bench/data/heavy.rq``, a
query no store can finish: the server must stop it at its timeout (503) while the other
clients are still being answered. Client and server share the machine's cores.

Targets: zero errors (any status but 200) in the mix, in both phases; the heavy query ends
with 503 at about the timeout; the others are still served meanwhile.
"""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, Result, Target, Timing, options, table, write_result  # noqa: E402

HEAVY = Path(__file__).resolve().parent / "data" / "heavy.rq"


def request_mix() -> list[tuple[str, str, str, bytes | None, dict[str, str]]]:
    """(kind, method, path, body, headers) for each request of the mix."""
    from kg.queries import load_queries

    qs = load_queries()
    form = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}

    def sparql(name: str) -> tuple:
        return ("sparql", "POST", "/sparql", urllib.parse.urlencode({"query": qs[name].text}).encode(), form)

    def named(name: str, **params: str) -> tuple:
        return ("named", "GET", f"/queries/{name}?" + urllib.parse.urlencode({**params, "format": "json"}), None, {})

    return [
        named("layer-dependencies", country="Japan"), named("country-agencies", country="France"),
        named("policy-runners", policy="GENIAC"), named("sovereignty-type", country="Japan"),
        sparql("investments"), sparql("policies-by-layer"), sparql("layer-scheme"),
        ("resource", "GET", "/id/country/jp", None, {"Accept": "text/turtle"}),
        ("resource", "GET", "/id/policy/geniac", None, {"Accept": "text/html"}),
    ]


class Client(threading.Thread):
    def __init__(self, host: str, port: int, mix: list, until: float, offset: int) -> None:
        super().__init__(daemon=True)
        self.host, self.port, self.mix, self.until, self.i = host, port, mix, until, offset
        self.samples: list[tuple[float, float, str, int]] = []  # (start, seconds, kind, status)

    def run(self) -> None:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        while time.perf_counter() < self.until:
            kind, method, path, body, headers = self.mix[self.i % len(self.mix)]
            self.i += 1
            t = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                resp = conn.getresponse()
                resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException):
                status = -1
                conn.close()
                conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            self.samples.append((t, time.perf_counter() - t, kind, status))
        conn.close()


def load(host: str, port: int, mix: list, clients: int, seconds: float) -> list[tuple[float, float, str, int]]:
    until = time.perf_counter() + seconds
    threads = [Client(host, port, mix, until, k) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [s for t in threads for s in t.samples]


def summary(samples: list, seconds: float) -> dict:
    ok = [s[1] for s in samples if s[3] == 200]
    t = Timing(ok or [0.0])
    return {"requests": len(samples), "errors": sum(1 for s in samples if s[3] != 200),
            "throughput_rps": round(len(samples) / seconds, 1),
            "p50_ms": round(t.percentile(50) * 1000, 2), "p95_ms": round(t.percentile(95) * 1000, 2),
            "p99_ms": round(t.percentile(99) * 1000, 2), "max_ms": round(max(ok or [0]) * 1000, 2),
            "statuses": sorted({s[3] for s in samples})}


def main() -> int:
    def extra(ap):
        ap.add_argument("--clients", type=int, default=8)
        ap.add_argument("--seconds", type=float, default=None, help="length of each phase (default 20, quick 4)")
        ap.add_argument("--timeout", type=float, default=2.0, help="the server's --timeout")

    args = options(__doc__, extra=extra)
    seconds = args.seconds or (4.0 if args.quick else 20.0)
    exe = Path(sys.executable).with_name("policykg")
    server = subprocess.Popen([str(exe), "serve", "--port", "0", "--quiet", "--timeout", str(args.timeout)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                              env=dict(os.environ))
    try:
        line = server.stdout.readline()
        if "serving" not in line:
            raise SystemExit(f"policykg serve did not start: {line}{server.stderr.read()}")
        url = urllib.parse.urlsplit(line.split("serving ", 1)[1].split()[0])
        mix = request_mix()
        load(url.hostname, url.port, mix, 2, 1.0)  # warm up: worker processes, caches
        res = Result("endpoint_load", args)
        phase1 = load(url.hostname, url.port, mix, args.clients, seconds)
        s1 = summary(phase1, seconds)
        per_kind = {k: summary([s for s in phase1 if s[2] == k], seconds) for k in sorted({s[2] for s in phase1})}

        heavy: dict = {}

        def send_heavy() -> None:
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
            body = urllib.parse.urlencode({"query": HEAVY.read_text(encoding="utf-8")}).encode()
            time.sleep(seconds / 4)
            t = time.perf_counter()
            conn.request("POST", "/sparql", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
            resp = conn.getresponse()
            resp.read()
            heavy.update(start=t, seconds=time.perf_counter() - t, status=resp.status)
            conn.close()

        h = threading.Thread(target=send_heavy, daemon=True)
        h.start()
        phase2 = load(url.hostname, url.port, mix, args.clients, seconds)
        h.join(timeout=args.timeout * 10)
        s2 = summary(phase2, seconds)
        during = [s for s in phase2 if heavy and heavy["start"] <= s[0] <= heavy["start"] + heavy["seconds"]]
        s_during = summary(during, heavy.get("seconds", seconds)) if during else {"requests": 0, "errors": 0}
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()

    rows = [["all (phase 1)", s1["requests"], s1["throughput_rps"], s1["p50_ms"], s1["p95_ms"], s1["p99_ms"], s1["errors"]]]
    rows += [[f"  {k}", v["requests"], v["throughput_rps"], v["p50_ms"], v["p95_ms"], v["p99_ms"], v["errors"]]
             for k, v in per_kind.items()]
    rows += [["all (phase 2, with heavy)", s2["requests"], s2["throughput_rps"], s2["p50_ms"], s2["p95_ms"],
              s2["p99_ms"], s2["errors"]]]
    if during:
        rows += [["  while heavy ran", s_during["requests"], s_during["throughput_rps"], s_during["p50_ms"],
                  s_during["p95_ms"], s_during["p99_ms"], s_during["errors"]]]
    table(f"policykg serve, {args.clients} clients x {seconds:g} s per phase on loopback "
          f"(heavy query: status {heavy.get('status')} after {heavy.get('seconds', 0):.2f} s; timeout {args.timeout:g} s)",
          ["", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"], rows)
    res.targets += [
        Target("errors in the mix (both phases)", s1["errors"] + s2["errors"], 0),
        Target("heavy query ended with 503", 1 if heavy.get("status") == 503 else 0, 1, at_least=True,
               note=f"status {heavy.get('status')} after {heavy.get('seconds', 0):.2f} s"),
        Target("requests answered while the heavy query ran", s_during["requests"] - s_during["errors"], 1,
               at_least=True),
    ]
    res.data = {"clients": args.clients, "phase_seconds": seconds, "server_timeout_s": args.timeout,
                "phase1": s1, "phase1_by_kind": per_kind, "phase2": s2, "heavy": {k: v for k, v in heavy.items() if k != "start"},
                "during_heavy": s_during, "mix": [m[2] for m in mix]}
    write_result(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
