"""The HTML graph browser (``policykg viz``): networkx projection -> pyvis page that works offline.

The page is pyvis's own (vis-network embedded in the page with ``cdn_resources="in_line"``), with
the graph laid out in advance by networkx (physics off, so thousands of nodes open at once), every
external reference pyvis adds (Bootstrap from a CDN) removed, and policykg's viewer added from
``kg/viewer/``: a legend, a Korean/English label switch, search, filters (country or bloc, layer
of any scheme, relation type, status) and a side panel with the evidence of every fact.

All text from documents reaches the page as JSON data (escaped by pyvis's ``tojson``) and is put
on screen with ``textContent``, never as HTML: a label or sentence with markup shows as text.
"""

from __future__ import annotations

import html
import json
import math
import re
from pathlib import Path
from typing import Any

import networkx as nx

from . import network as kn

VIEWER_DIR = Path(__file__).resolve().parent / "viewer"

# node type -> (colour, shape, size)
NODE_STYLE: dict[str, tuple[str, str, int]] = {
    "Country": ("#d62728", "dot", 18), "Bloc": ("#9467bd", "star", 20), "Agency": ("#1f77b4", "square", 14),
    "Company": ("#ff7f0e", "triangle", 14), "Organisation": ("#8c564b", "triangleDown", 12),
    "Group": ("#7f7f7f", "hexagon", 12), "Region": ("#bcbd22", "dot", 10), "Policy": ("#2ca02c", "diamond", 12),
    "Model": ("#e377c2", "square", 10), "Product": ("#17becf", "square", 9), "Asset": ("#aec7e8", "square", 10),
    "Layer": ("#393b79", "hexagon", 16), "Resource": ("#6b6ecf", "dot", 12),
}
# relation -> (group shown in the legend and filters, colour, dashes)
EDGE_STYLE: dict[str, tuple[str, str, Any]] = {
    "dependsOnLayer": ("depends on", "#d62728", [8, 4]), "dependsOnResource": ("depends on", "#d62728", [8, 4]),
    "dependsOnSupplier": ("depends on supplier", "#ff9896", [2, 4]),
    "directlyControls": ("controls", "#2ca02c", False), "strengthens": ("strengthens", "#1f77b4", False),
    "supplements": ("strengthens", "#1f77b4", False), "prioritises": ("strengthens", "#1f77b4", False),
    "hasPolicy": ("has policy", "#555555", False), "runBy": ("run by", "#9467bd", False),
    "partOf": ("part of", "#bbbbbb", False), "legalBasis": ("legal basis", "#8c564b", False),
    "targetsLayer": ("targets", "#c7c7c7", [1, 3]), "targetsResource": ("targets", "#c7c7c7", [1, 3]),
    "memberOf": ("member of", "#bcbd22", False), "agencyOf": ("agency of", "#aec7e8", False),
    "develops": ("develops", "#ff7f0e", False), "uses": ("uses", "#ffbb78", [4, 4]),
    "operates": ("operates", "#ff7f0e", [4, 2]), "fosters": ("fosters", "#98df8a", False),
    "suppliesTo": ("supplies to", "#e377c2", False), "cooperatesWith": ("cooperates with", "#17becf", [4, 4]),
    "replaces": ("replaces", "#7f7f7f", [6, 2]), "belongsToLayer": ("belongs to layer", "#dddddd", [1, 4]),
}
STATUSES = ("curated", "accepted", "proposed", "inferred", "ontology")
_EXTERNAL = re.compile(r"<(?:link|script)\b[^>]*\b(?:href|src)\s*=\s*[\"'](?:https?:)?//[^>]*>(?:\s*</script>)?",
                       re.I | re.S)


def layout(g: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Node positions from networkx's force-directed layout, scaled to screen units."""
    if g.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_edges_from((s, o) for s, o in g.edges() if s != o)
    n = max(simple.number_of_nodes(), 1)
    scale = max(400.0, 90.0 * math.sqrt(n))
    out: dict[str, tuple[float, float]] = {}
    if simple.number_of_nodes():
        pos = nx.spring_layout(simple, seed=seed, k=2.5 / math.sqrt(n), iterations=50 if n <= 2000 else 30)
        out = separate({k: (float(x) * scale, float(y) * scale) for k, (x, y) in pos.items()})
    # nodes without relations: a grid under the graph, not a ring crowding it
    isolated = sorted(set(g.nodes) - set(out))
    cols = max(1, int(math.sqrt(len(isolated) * 3)))
    for i, node in enumerate(isolated):
        out[node] = (-scale + (i % cols) * (2 * scale / cols), scale * 1.15 + (i // cols) * 40.0)
    return out


def separate(pos: dict[str, tuple[float, float]], gap: float = 2.5 * max(s for _, _, s in NODE_STYLE.values()),
             passes: int = 8) -> dict[str, tuple[float, float]]:
    """Push apart nodes the force-directed layout put closer than ``gap`` (a leaf of a hub can
    land on the hub, which then cannot be clicked): each close pair moves apart along the line
    between them, a few passes over a grid of ``gap``-sized cells. Deterministic.

    >>> p = separate({"a": (0.0, 0.0), "b": (1.0, 0.0), "c": (500.0, 0.0)})
    >>> round(p["b"][0] - p["a"][0]) >= 45 and p["c"] == (500.0, 0.0)
    True
    """
    out = {k: [x, y] for k, (x, y) in pos.items()}
    keys = sorted(out)
    for _ in range(passes):
        grid: dict[tuple[int, int], list[str]] = {}
        for k in keys:
            grid.setdefault((int(out[k][0] // gap), int(out[k][1] // gap)), []).append(k)
        moved = False
        for (cx, cy), members in sorted(grid.items()):
            near = [k for dx in (-1, 0, 1) for dy in (-1, 0, 1) for k in grid.get((cx + dx, cy + dy), ())]
            for a in members:
                for b in near:
                    if b <= a:
                        continue
                    dx, dy = out[b][0] - out[a][0], out[b][1] - out[a][1]
                    d = math.hypot(dx, dy)
                    if d >= gap:
                        continue
                    if d < 1e-6:  # the same point: a direction from the names, so runs agree
                        angle = (sum(map(ord, a + b)) % 360) * math.pi / 180
                        dx, dy, d = math.cos(angle), math.sin(angle), 1.0
                    push = (gap - d) / 2 / d
                    out[a][0] -= dx * push
                    out[a][1] -= dy * push
                    out[b][0] += dx * push
                    out[b][1] += dy * push
                    moved = True
        if not moved:
            break
    return {k: (x, y) for k, (x, y) in out.items()}


def page(g: nx.MultiDiGraph, *, lang: str = "en", title: str = "policykg", subtitle: str = "") -> str:
    """The self-contained HTML page for ``g``."""
    from pyvis.network import Network

    pos = layout(g)
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.set_options(json.dumps({
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 300, "hideEdgesOnDrag": g.number_of_edges() > 3000},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
        "nodes": {"font": {"size": 12, "face": "Noto Sans CJK KR, NanumGothic, sans-serif"}},
    }))
    # pyvis's add_node/add_edge check every id against a list (quadratic for big graphs): fill its
    # node and edge lists directly, in the form add_node/add_edge produce
    for node, a in sorted(g.nodes(data=True)):
        colour, shape, size = NODE_STYLE.get(a.get("type", ""), ("#97c2fc", "dot", 10))
        x, y = pos.get(node, (0.0, 0.0))
        net.nodes.append({
            "id": node, "label": kn.label(g, node, lang), "label_en": a.get("label_en", ""),
            "label_ko": a.get("label_ko", ""), "ntype": a.get("type", ""), "country": a.get("country", ""),
            "schemes": a.get("schemes", []), "layers": kn.layers_of(g, node), "shape": shape, "color": colour,
            "size": size, "x": round(x, 1), "y": round(y, 1), "physics": False,
        })
        net.node_ids.append(node)
    for i, (s, o, rel, d) in enumerate(sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))):
        group, colour, dashes = EDGE_STYLE.get(rel, (rel, "#999999", False))
        net.edges.append({
            "id": f"e{i}", "from": s, "to": o, "relation": rel, "group": group, "statuses": d.get("statuses", []),
            "evidence": [e.to_dict() for e in d.get("evidence", [])], "color": colour, "dashes": dashes,
            "width": 2 if rel in kn.STANCES or rel == "dependsOnSupplier" else 1,
        })
    base = net.generate_html(notebook=False)
    return _finish(base, g, lang, title, subtitle)


def _finish(base: str, g: nx.MultiDiGraph, lang: str, title: str, subtitle: str) -> str:
    """pyvis's page without external references, with the viewer added."""
    doc = _EXTERNAL.sub("", base)
    doc = re.sub(r"<center>\s*<h1>\s*</h1>\s*</center>", "", doc)
    css = (VIEWER_DIR / "viewer.css").read_text(encoding="utf-8")
    js = (VIEWER_DIR / "viewer.js").read_text(encoding="utf-8")
    actors = sorted((n for n, a in g.nodes(data=True) if a.get("type") in ("Country", "Bloc")),
                    key=lambda n: kn.label(g, n, "en").lower())
    layers = sorted((n for n, a in g.nodes(data=True) if a.get("type") == "Layer"),
                    key=lambda n: (g.nodes[n].get("schemes", [""]) or [""])[0] + n)
    config = {
        "lang": lang, "statuses": list(STATUSES),
        "relations": sorted({EDGE_STYLE.get(r, (r,))[0] for *_e, r in g.edges(keys=True)}),
        "actors": [[n, g.nodes[n].get("label_en", ""), g.nodes[n].get("label_ko", "")] for n in actors],
        "layers": [[n, g.nodes[n].get("label_en", ""), g.nodes[n].get("label_ko", ""),
                    ",".join(g.nodes[n].get("schemes", []))] for n in layers],
    }
    types = {a.get("type") for _n, a in g.nodes(data=True)}
    legend = "".join(
        f'<li><span class="sw {html.escape(shape)}" style="background:{html.escape(col)}"></span>{html.escape(t)}</li>'
        for t, (col, shape, _s) in NODE_STYLE.items() if t in types)
    seen: dict[str, tuple[str, Any]] = {}
    for rel, (grp, col, dashes) in EDGE_STYLE.items():
        if grp in config["relations"]:
            seen.setdefault(grp, (col, dashes))
    legend_edges = "".join(
        f'<li><span class="ln{" dashed" if dashes else ""}" style="border-color:{html.escape(col)}"></span>'
        f'{html.escape(grp)}</li>' for grp, (col, dashes) in seen.items())
    ui = f"""
<div id="pk-toolbar">
  <strong id="pk-title">{html.escape(title)}</strong> <span id="pk-subtitle">{html.escape(subtitle)}</span>
  <input id="pk-search" type="search" placeholder="search / 검색" aria-label="search">
  <button id="pk-lang" type="button"></button>
  <select id="pk-actor" aria-label="country or bloc"></select>
  <select id="pk-layer" aria-label="layer"></select>
  <span id="pk-count"></span>
</div>
<div id="pk-side">
  <details open><summary>filters</summary>
    <div><b>relation</b><div id="pk-relations"></div></div>
    <div><b>status</b><div id="pk-statuses"></div></div>
  </details>
  <details><summary>legend</summary><ul class="legend">{legend}</ul><ul class="legend">{legend_edges}</ul></details>
  <div id="pk-panel"><p class="hint">Click a node or an edge to see its facts and their evidence.</p></div>
</div>
<script type="application/json" id="pk-config">{_json_for_script(config)}</script>
<script>{js}</script>
"""
    doc = doc.replace("</head>", f"<style>{css}</style>\n</head>", 1)
    return doc.replace("</body>", ui + "</body>", 1)


def _json_for_script(value: Any) -> str:
    """JSON safe inside a <script> element (no ``</script>`` or ``<!--`` can close it)."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def external_references(text: str) -> list[str]:
    """URLs the page would fetch (scripts, styles, images, frames...): must be empty."""
    refs = re.findall(r"""(?:src|href)\s*=\s*["']((?:https?:)?//[^"']+)""", text, re.I)
    refs += re.findall(r"""@import\s+(?:url\()?["']?((?:https?:)?//[^"')]+)""", text, re.I)
    refs += re.findall(r"""url\(\s*["']?((?:https?:)?//[^"')]+)""", text, re.I)
    return refs


def write(path: Path, text: str) -> Path:
    from .fsutil import atomic_write

    atomic_write(path, text.encode("utf-8"))
    return path
