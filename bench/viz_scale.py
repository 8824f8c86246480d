"""How far the HTML graph browser scales: synthetic graphs of the real graph's shape (actors,
policies, layers, resources; ~3 relations per node, each with one evidence sentence), generated
with kg.viz and opened in headless Debian Chromium.

    .venv/bin/python bench/viz_scale.py [--quick] [--sizes 100 1000 5000] [--no-browser]

Per size: page generation time and file size, then in the browser the time until the graph is
drawn, the time to apply a country filter, and the time to switch the label language. We call a
page usable while it draws within 5 s and a filter or language switch answers within 1 s.
"""

from __future__ import annotations

import contextlib
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Result, Target, options, table, timed, write_result  # noqa: E402
from kg import network as kn  # noqa: E402
from kg import viz  # noqa: E402

TYPES = [("Country", 0.04), ("Agency", 0.12), ("Company", 0.2), ("Policy", 0.4), ("Model", 0.1), ("Resource", 0.14)]
RELS = {"Country": ["hasPolicy", "dependsOnLayer", "directlyControls", "strengthens"],
        "Agency": ["agencyOf", "strengthens"], "Company": ["develops", "suppliesTo", "dependsOnSupplier"],
        "Policy": ["runBy", "targetsLayer", "targetsResource", "partOf"], "Model": ["uses"],
        "Resource": ["belongsToLayer"]}


def synthetic(n: int, seed: int = 1) -> nx.MultiDiGraph:
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    layers = [f"layer/l{i}" for i in range(4)]
    for lay in layers:
        g.add_node(lay, type="Layer", label_en=lay, label_ko=f"계층 {lay[-1]}", schemes=["stack4"], country="")
    kinds, weights = zip(*TYPES)
    nodes = list(layers)
    for i in range(n - len(layers)):
        t = rnd.choices(kinds, weights)[0]
        node = f"{t.lower()}/n{i}"
        g.add_node(node, type=t, label_en=f"{t} {i}", label_ko=f"{t} 개체 {i}", schemes=[], country="")
        nodes.append(node)
    countries = [x for x in nodes if x.startswith("country/")] or nodes[:1]
    for node in nodes[len(layers):]:
        for _k in range(3):
            rel = rnd.choice(RELS[g.nodes[node]["type"]])
            target = rnd.choice(layers) if rel in ("dependsOnLayer", "targetsLayer", "belongsToLayer") else \
                rnd.choice(countries) if rel == "agencyOf" else rnd.choice(nodes)
            if target == node:
                continue
            evidence = [kn.Evidence(f"claim/{node}-{rel}", "curated", "doc/synthetic", 10, 12,
                                    f"{node}의 {rel} 관계를 서술하는 원문 문장입니다.")]
            g.add_edge(node, target, key=rel, relation=rel, statuses=["curated"], evidence=evidence)
    return g


def measure(browser, path: Path, country: str) -> dict[str, float]:
    ctx = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
    page = ctx.new_page()
    t0 = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-drawn='1']", timeout=300_000)
    drawn = time.perf_counter() - t0
    t0 = time.perf_counter()
    page.select_option("#pk-actor", country)
    page.evaluate("new Promise(r => requestAnimationFrame(() => r()))")
    filt = time.perf_counter() - t0
    t0 = time.perf_counter()
    page.click("#pk-lang")
    page.evaluate("new Promise(r => requestAnimationFrame(() => r()))")
    lang = time.perf_counter() - t0
    ctx.close()
    return {"draw_s": drawn, "filter_s": filt, "lang_s": lang}


def main() -> int:
    def extra(ap):
        ap.add_argument("--sizes", type=int, nargs="+", help="node counts (default 100 1000 5000; quick 100 1000)")
        ap.add_argument("--no-browser", action="store_true", help="only generation time and file size")

    args = options(__doc__, extra=extra)
    sizes = args.sizes or ([100, 1000] if args.quick else [100, 1000, 5000])
    res = Result("viz_scale", args)
    exe = shutil.which("chromium")
    if not args.no_browser and not exe:
        raise SystemExit("chromium is not installed: run `make browser` (or pass --no-browser)")
    rows, data = [], {}
    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        browser = None
        if not args.no_browser:
            from playwright.sync_api import sync_playwright

            p = stack.enter_context(sync_playwright())
            browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])
            stack.callback(browser.close)
        for n in sizes:
            g = synthetic(n)
            text = ""

            def gen() -> None:
                nonlocal text
                text = viz.page(g)

            t = timed(gen, 2 if n >= 5000 else args.repeat, warmup=0 if n >= 1000 else 1)
            path = tmp / f"g{n}.html"
            path.write_text(text, encoding="utf-8")
            size_mb = len(text.encode()) / 1e6
            m = {}
            if browser is not None:
                m = measure(browser, path, next(x for x in g.nodes if x.startswith("country/")))
            data[str(n)] = {"nodes": n, "edges": g.number_of_edges(), "generate": t.to_dict(), "size_mb": round(size_mb, 2),
                            **{k: round(v, 3) for k, v in m.items()}}
            rows.append([n, g.number_of_edges(), t.median, t.spread[0], t.spread[1], round(size_mb, 2),
                         m.get("draw_s"), m.get("filter_s"), m.get("lang_s")])
    table("HTML graph (kg.viz) on synthetic graphs of the real graph's shape: generation (s), size (MB), "
          "and in Debian Chromium: draw, country filter, language switch (s)",
          ["nodes", "edges", "generate", "min", "max", "MB", "draw", "filter", "lang"], rows)
    for n in sizes:
        d = data[str(n)]
        if "draw_s" in d:
            res.targets.append(Target(f"{n} nodes drawn in the browser", d["draw_s"], 5, " s"))
    res.data = {"sizes": data}
    write_result(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
