"""Every named query on graphs of growing size: the embedded store, and plain rdflib beside it.

    .venv/bin/python bench/queries.py [--quick] [--sizes 10000 100000 1000000 5000000]

Graphs: the default build (``build/current``) and synthetic graphs of the real graph's shape
(``bench/gen_graph.py``). Each named query runs with a sample value for every required
parameter (resolved once on the default graph, then bound as IRIs everywhere) and its defaults
for the optional ones; the time is the query's evaluation with all rows read. ``run_named``
end to end (resolving labels to IRIs, the query, labels for the answer) is reported for the
default graph and the largest one.

Side by side in the same run, the same query text and bindings in rdflib's own SPARQL engine
over an in-memory ``Dataset`` (default graph = union), in a child process with a time limit
per query. rdflib runs every query on the default and 10k graphs and the aggregate queries
(``GROUP BY``/``COUNT``) at 100k.

Targets: every named query p50 <= 5 ms on the default graph and <= 100 ms at 1M triples on the
embedded store; at 100k, the aggregate queries at least 20x faster than rdflib.
"""

from __future__ import annotations

import re
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Result, Target, Timing, current_release, in_child, options, table, timed, write_result  # noqa: E402

SAMPLES = {"s": "country/jp", "entity": "Japan", "country": "Japan", "policy": "GENIAC", "scheme": "stack4",
           "type": "leverage", "model": "Palantir", "target": "layer/cloud", "label": "Japan"}
RDFLIB_LIMIT_S = 20.0
# whole-graph queries: the build, export and graph view read every statistic, label or edge at
# once; their cost is linear in the graph by design. At 5M triples only the others run.
WHOLE_GRAPH = {"gazetteer", "labels-of-class", "graph-nodes", "graph-edges", "graph-evidence", "resource-evidence"}
WHOLE_GRAPH_GROUPS = ("stats", "checks")


def whole_graph(engine, name: str) -> bool:
    return name in WHOLE_GRAPH or engine.queries[name].group in WHOLE_GRAPH_GROUPS


def cases(engine) -> list[tuple[str, str, dict]]:
    """(name, query text, bindings as pyoxigraph terms) for every named query."""
    out = []
    for name, q in sorted(engine.queries.items()):
        out.append((name, q.text, engine.bind(q, sample_params(q))))
    return out


def sample_params(q) -> dict[str, str]:
    """A sample value for every parameter without a default: the query's interactive use (the
    views' optional subject, e.g. ``resource-facts`` of one resource, is what a page asks for)."""
    return {p.name: SAMPLES[p.name] for p in q.params if p.default is None and p.name in SAMPLES}


def is_aggregate(text: str) -> bool:
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return bool(re.search(r"\bGROUP\s+BY\b|\bCOUNT\s*\(", body, re.I))


def oxigraph_times(store, case_list, repeat: int) -> dict[str, dict]:
    """The query as ``Engine.select`` runs it: parameters bound by a VALUES block, every row read."""
    from kg.binding import bind_values

    out = {}
    for name, text, bindings in case_list:
        bound = bind_values(text, bindings)
        rows = 0

        def run() -> None:
            nonlocal rows
            rows = sum(1 for _ in store.query(bound, use_default_graph_as_union=True))

        first = timed(run, 1, warmup=0)
        # a slow (whole-graph) query: its first run (and one more under 2 s) is enough; fast ones get `repeat`
        t = first if first.median > 2 else Timing(first.runs + timed(run, 1, warmup=0).runs) if first.median > 0.5 \
            else timed(run, repeat, warmup=0)
        out[name] = {"p50_ms": round(t.median * 1000, 3), "min_ms": round(t.spread[0] * 1000, 3),
                     "max_ms": round(t.spread[1] * 1000, 3), "rows": rows}
    return out


class _Late(Exception):
    pass


def _alarm(_sig, _frame):
    raise _Late()


def rdflib_times(nq: str, case_list: list[tuple[str, str, dict]], repeat: int, limit: float) -> dict:
    """In a child process: load the N-Quads into rdflib, time each query (SIGALRM time limit)."""
    from rdflib import Dataset, Literal, URIRef

    t = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(nq, format="nquads")
    load = time.perf_counter() - t
    signal.signal(signal.SIGALRM, _alarm)
    out = {}
    for name, text, bindings in case_list:
        init = {k: URIRef(v) if kind == "iri" else Literal(v, lang=lang or None, datatype=dt or None)
                for k, (kind, v, lang, dt) in bindings.items()}
        runs, rows = [], 0
        try:
            for _ in range(repeat):
                signal.setitimer(signal.ITIMER_REAL, limit)
                t = time.perf_counter()
                rows = sum(1 for _ in ds.query(text, initBindings=init))
                runs.append(time.perf_counter() - t)
                signal.setitimer(signal.ITIMER_REAL, 0)
        except _Late:
            out[name] = {"p50_ms": None, "timeout_s": limit}
            continue
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        runs.sort()
        out[name] = {"p50_ms": round(runs[len(runs) // 2] * 1000, 3), "rows": rows}
    return {"load_s": round(load, 2), "queries": out}


def _plain(bindings: dict) -> dict:
    import pyoxigraph as ox

    out = {}
    for k, v in bindings.items():
        if isinstance(v, ox.NamedNode):
            out[k] = ("iri", v.value, "", "")
        else:
            out[k] = ("literal", v.value, v.language or "", v.datatype.value if v.datatype and not v.language else "")
    return out


def end_to_end(engine, case_list, repeat: int, warmup: int = 1) -> dict[str, float]:
    """p50 ms of ``Engine.run_named`` with the user's sample values (labels resolved each time)."""
    out = {}
    for name, _text, _b in case_list:
        q = engine.queries[name]
        out[name] = round(timed(lambda: engine.run_named(name, sample_params(q)), repeat, warmup).median * 1000, 2)
    return out


def main() -> int:
    def extra(ap):
        ap.add_argument("--sizes", type=int, nargs="+", help="synthetic graph sizes in triples")
        ap.add_argument("--seed", type=int, default=1)

    args = options(__doc__, extra=extra)
    sizes = args.sizes or ([10_000] if args.quick else [10_000, 100_000, 1_000_000, 5_000_000])
    import gen_graph
    from kg.queries import Engine
    from kg.store import open_store

    res = Result("queries", args)
    default_engine = Engine(open_store(current_release() / "store"))
    case_list = cases(default_engine)
    names = [c[0] for c in case_list]
    aggregates = [n for n, text, _ in case_list if is_aggregate(text)]
    batch = {n for n in names if whole_graph(default_engine, n)}
    tpl = gen_graph.load_template()
    graphs: dict[str, dict] = {}

    graphs["default"] = {"triples": len(default_engine.store), "path": str(current_release() / "policykg.nq"),
                         "store": default_engine.store}
    for n in sizes:
        t = time.perf_counter()
        path = gen_graph.generate(n, args.seed, template=tpl)
        gen_s = time.perf_counter() - t
        store = gen_graph.store_for(path)
        graphs[_label(n)] = {"triples": len(store), "path": str(path), "store": store,
                             "generate_s": round(gen_s, 2), "load_s": gen_graph.load_seconds(path)}
    data: dict[str, dict] = {}
    for label, g in graphs.items():
        rep = args.repeat * (4 if g["triples"] < 200_000 else 2 if g["triples"] < 2_000_000 else 1)
        print(f"{label}: {g['triples']:,} triples, {len(case_list)} queries x {rep} runs (oxigraph)", flush=True)
        todo = [c for c in case_list if g["triples"] < 2_000_000 or c[0] not in batch]
        data[label] = {"triples": g["triples"], "oxigraph": oxigraph_times(g["store"], todo, rep),
                       **{k: g[k] for k in ("generate_s", "load_s") if k in g}}
    # rdflib side by side
    plain = [(n, text, _plain(b)) for n, text, b in case_list]
    rdflib_plan = {"10k": aggregates} if args.quick else {"default": names, "10k": names, "100k": aggregates}
    for label, which in rdflib_plan.items():
        if label not in graphs:
            continue
        todo = [c for c in plain if c[0] in which]
        print(f"{label}: rdflib, {len(todo)} queries", flush=True)
        rd, _s, peak = in_child(rdflib_times, graphs[label]["path"], todo, 3 if label == "10k" else 1, RDFLIB_LIMIT_S)
        data[label]["rdflib"] = rd["queries"]
        data[label]["rdflib_load_s"] = rd["load_s"]
        data[label]["rdflib_peak_mb"] = round(peak)
    # end to end also at 1M (the samples, e.g. Japan, exist only in graphs holding a whole copy)
    largest = "1M" if "1M" in graphs else "default"
    data["default"]["end_to_end_ms"] = end_to_end(default_engine, case_list, args.repeat * 2)
    if largest != "default":
        data[largest]["end_to_end_ms"] = end_to_end(Engine(graphs[largest]["store"]),
                                                    [c for c in case_list if c[0] not in batch], 1, warmup=0)

    labels = list(graphs)
    rows = []
    for n in names:
        row = [n + (" *" if n in aggregates else "") + (" (whole graph)" if n in batch else "")]
        row += [data[lab]["oxigraph"].get(n, {}).get("p50_ms") for lab in labels]
        row += [data["default"]["oxigraph"][n]["rows"]]
        for lab in ("default", "100k"):
            rd = data.get(lab, {}).get("rdflib", {}).get(n)
            ox_ms = data.get(lab, {}).get("oxigraph", {}).get(n, {}).get("p50_ms")
            row.append(None if rd is None else f">{RDFLIB_LIMIT_S:.0f}s" if rd["p50_ms"] is None
                       else round(rd["p50_ms"] / max(ox_ms, 1e-3), 1))
        rows.append(row)
    table("Named queries, p50 ms on the embedded store (pyoxigraph); rdflib/oxigraph ratio beside it "
          "(* aggregate; whole-graph queries not run at 5M)",
          ["query", *[f"{lab} ({graphs[lab]['triples'] // 1000}k)" for lab in labels], "rows(default)",
           "x rdflib default", "x rdflib 100k"], rows)
    e2e = [[n, data["default"]["end_to_end_ms"][n], *([data[largest]["end_to_end_ms"].get(n)] if largest != "default" else [])]
           for n in names if n not in batch]
    table("Engine.run_named end to end (resolve values, query, labels), p50 ms",
          ["query", "default", *([largest] if largest != "default" else [])], e2e)

    for lab, limit in (("default", 5), ("1M", 100)):
        if lab not in data:
            continue
        times = data[lab]["oxigraph"]
        for kind, group in (("interactive", [n for n in times if n not in batch]), ("whole-graph", [n for n in times if n in batch])):
            slow = max(group, key=lambda n: times[n]["p50_ms"])
            over = sorted(n for n in group if times[n]["p50_ms"] > limit)
            res.targets.append(Target(f"slowest {kind} named query p50, {lab} graph", times[slow]["p50_ms"], limit, " ms",
                                      note=f"{slow}; {len(over)} of {len(group)} over: {', '.join(over) or 'none'}"))
    if "100k" in data and "rdflib" in data["100k"]:
        ratios = {}
        for n in aggregates:
            rd, ox_ms = data["100k"]["rdflib"][n], data["100k"]["oxigraph"][n]["p50_ms"]
            ratios[n] = (RDFLIB_LIMIT_S * 1000 if rd["p50_ms"] is None else rd["p50_ms"]) / max(ox_ms, 1e-3)
        low = min(ratios, key=ratios.get)
        res.targets.append(Target("aggregate queries at 100k: smallest speed-up over rdflib", round(ratios[low], 1),
                                  20, "x", at_least=True, note=f"{low}; median {sorted(ratios.values())[len(ratios) // 2]:.0f}x "
                                  f"over {len(ratios)} aggregate queries (a timeout counts as {RDFLIB_LIMIT_S:.0f} s)"))
    res.data = {"graphs": data, "aggregate_queries": aggregates, "whole_graph_queries": sorted(batch), "samples": SAMPLES, "rdflib_limit_s": RDFLIB_LIMIT_S}
    write_result(res)
    return 0


def _label(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 and n % 1_000_000 == 0 else f"{n // 1000}k"


if __name__ == "__main__":
    sys.exit(main())
