"""``policykg analyze``: the dependency analytics of kg.network as tables, CSV, JSON and an HTML
heatmap, every figure with the facts (claims, dependencies) it rests on."""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from . import network as kn

SCHEMES = ("stack4", "elements7", "chain4")
CODES = {"controls": "C", "strengthens": "S", "depends": "D"}
_COLOURS = {"": "#ffffff", "C": "#b6d7a8", "S": "#9fc5e8", "D": "#ea9999", "CS": "#93c47d", "CD": "#f9cb9c",
            "SD": "#d5a6bd", "CSD": "#b4a7d6"}


@dataclass
class Analysis:
    scheme: str
    lang: str
    actors: list[str] = field(default_factory=list)
    layers: list[str] = field(default_factory=list)
    cells: dict[tuple[str, str], kn.Cell] = field(default_factory=dict)
    concentration: dict[str, list[tuple[str, int, list[kn.Evidence]]]] = field(default_factory=dict)
    centrality: list[tuple[str, float]] = field(default_factory=list)
    critical: list[tuple[str, str, str, list[kn.Evidence]]] = field(default_factory=list)
    paths: list[list[str]] = field(default_factory=list)


def analyse(g: nx.MultiDiGraph, scheme: str, lang: str = "en", path: tuple[str, str] | None = None) -> Analysis:
    a = Analysis(scheme, lang)
    a.cells = kn.stance_matrix(g, scheme)
    a.layers = sorted((n for n, d in g.nodes(data=True) if d.get("type") == "Layer" and scheme in d.get("schemes", [])),
                      key=lambda n: n)
    a.actors = sorted({s for s, _l in a.cells if g.nodes[s].get("type") in ("Country", "Bloc")},
                      key=lambda n: kn.label(g, n, lang))
    d = kn.dependency_network(g)
    a.concentration = kn.supplier_concentration(g, scheme, d)
    a.centrality = [(n, c) for n, c in kn.centrality(g, d) if c > 0]
    a.critical = kn.critical_suppliers(g, scheme, d)
    if path is not None:
        a.paths = kn.dependency_paths(g, *path, d=d)
    return a


def code(cell: kn.Cell | None) -> str:
    if cell is None:
        return ""
    return "".join(CODES[s] for s in ("controls", "strengthens", "depends") if s in cell.stances)


# ------------------------------------------------------------------ terminal
def text_report(g: nx.MultiDiGraph, a: Analysis, evidence: bool = False) -> str:
    lab = lambda n: kn.label(g, n, a.lang)  # noqa: E731
    out = io.StringIO()
    out.write(f"Country x layer ({a.scheme}): C controls, S strengthens/supplements/prioritises, D depends externally\n")
    heads = [lab(layer) for layer in a.layers]
    first = max([len(lab(x)) for x in a.actors] + [7])
    widths = [max(len(h), 3) for h in heads]
    out.write(f"{'actor':<{first}}  " + "  ".join(f"{h:<{w}}" for h, w in zip(heads, widths)) + "  facts\n")
    for actor in a.actors:
        cells = [a.cells.get((actor, layer)) for layer in a.layers]
        n = len({e.fact for c in cells if c for e in c.evidence})
        out.write(f"{lab(actor):<{first}}  " + "  ".join(f"{code(c):<{w}}" for c, w in zip(cells, widths))
                  + f"  {n}\n")
    out.write(f"\nSupplier concentration ({a.scheme}): dependents per supplier and layer\n")
    if not a.concentration:
        out.write("  (no dependency names a supplier)\n")
    for layer, sups in a.concentration.items():
        out.write(f"  {lab(layer)}: " + ", ".join(f"{lab(s)} {n} ({len(evs)} facts)" for s, n, evs in sups) + "\n")
    out.write("\nBetweenness centrality on the dependency network (dependent -> supplier)\n")
    for node, c in a.centrality[:10] or [("(none above 0)", 0.0)]:
        out.write(f"  {lab(node) if node in g else node:<30} {c:.3f}\n")
    out.write(f"\nSole suppliers ({a.scheme}): removing the supplier leaves the dependent without one for the layer\n")
    if not a.critical:
        out.write("  (none)\n")
    for sup, dep, layer, evs in a.critical:
        out.write(f"  {lab(sup)} -> {lab(dep)} in {lab(layer)} ({', '.join(sorted({e.fact for e in evs}))})\n")
        if evidence:
            for e in evs[:3]:
                out.write(f"      {e.doc}:{e.line_start}-{e.line_end} {e.quote}\n")
    if a.paths:
        out.write("\nShortest dependency paths\n")
        for p in a.paths:
            out.write("  " + " -> ".join(lab(n) for n in p) + "\n")
    if evidence:
        out.write("\nFacts behind the matrix\n")
        for (actor, layer), cell in sorted(a.cells.items()):
            if actor in a.actors:
                for e in cell.evidence:
                    out.write(f"  {lab(actor)} / {lab(layer)} [{code(cell)}] {e.fact} {e.status} "
                              f"{e.doc}:{e.line_start}-{e.line_end} {e.quote}\n")
    return out.getvalue()


# ------------------------------------------------------------------ files
def matrix_csv(g: nx.MultiDiGraph, a: Analysis) -> str:
    """One row per actor x layer cell that has a stance, with the facts and their evidence."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["scheme", "actor", "actor_label", "layer", "layer_label", "controls", "strengthens", "depends",
                "facts", "evidence"])
    for actor in a.actors:
        for layer in a.layers:
            cell = a.cells.get((actor, layer))
            if cell is None:
                continue
            w.writerow([a.scheme, actor, kn.label(g, actor, a.lang), layer, kn.label(g, layer, a.lang),
                        int("controls" in cell.stances), int("strengthens" in cell.stances),
                        int("depends" in cell.stances), " ".join(sorted({e.fact for e in cell.evidence})),
                        " | ".join(f"{e.doc}:{e.line_start}-{e.line_end} {e.quote}" for e in cell.evidence if e.quote)])
    return buf.getvalue()


def to_json(g: nx.MultiDiGraph, a: Analysis) -> dict[str, Any]:
    lab = lambda n: kn.label(g, n, a.lang)  # noqa: E731
    return {
        "scheme": a.scheme,
        "matrix": [{"actor": s, "actor_label": lab(s), "layer": lay, "layer_label": lab(lay),
                    "stances": sorted(c.stances), "evidence": [e.to_dict() for e in c.evidence]}
                   for (s, lay), c in sorted(a.cells.items()) if s in a.actors],
        "supplier_concentration": {lay: [{"supplier": s, "label": lab(s), "dependents": n,
                                          "evidence": [e.to_dict() for e in evs]} for s, n, evs in sups]
                                   for lay, sups in a.concentration.items()},
        "centrality": [{"node": n, "label": lab(n), "betweenness": round(c, 6)} for n, c in a.centrality],
        "sole_suppliers": [{"supplier": s, "dependent": d, "layer": lay, "evidence": [e.to_dict() for e in evs]}
                           for s, d, lay, evs in a.critical],
        "paths": [[{"node": n, "label": lab(n)} for n in p] for p in a.paths],
    }


def heatmap_html(g: nx.MultiDiGraph, a: Analysis) -> str:
    """A self-contained HTML heatmap; each cell's tooltip lists the facts it rests on."""
    esc = html.escape
    lab = lambda n: esc(kn.label(g, n, a.lang))  # noqa: E731
    rows = []
    for actor in a.actors:
        tds = []
        for layer in a.layers:
            cell = a.cells.get((actor, layer))
            c = code(cell)
            tip = "\n".join(f"{e.fact} ({e.status}) {e.doc}:{e.line_start}-{e.line_end} {e.quote}"
                            for e in (cell.evidence if cell else []))
            tds.append(f'<td style="background:{_COLOURS.get(c, "#ccc")}" title="{esc(tip)}" '
                       f'data-facts="{len(cell.evidence) if cell else 0}">{esc(c)}</td>')
        rows.append(f"<tr><th>{lab(actor)}</th>{''.join(tds)}</tr>")
    head = "".join(f"<th>{lab(layer)}</th>" for layer in a.layers)
    legend = " ".join(f'<span style="background:{col};padding:0 6px">{k or "none"}</span>'
                      for k, col in _COLOURS.items())
    return f"""<!DOCTYPE html>
<html lang="{esc(a.lang)}"><head><meta charset="utf-8"><title>policykg: country x layer ({esc(a.scheme)})</title>
<style>body{{font-family:"Noto Sans CJK KR","NanumGothic",sans-serif;font-size:13px}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:4px 8px;text-align:center}}th{{background:#f4f4f4}}</style></head>
<body><h1>Country x layer: {esc(a.scheme)}</h1>
<p>C controls, S strengthens / supplements / prioritises, D depends externally. Hover a cell for the facts
(claim or dependency id, status, document, lines, sentence). {legend}</p>
<table><tr><th></th>{head}</tr>
{chr(10).join(rows)}
</table></body></html>
"""
