"""Query results on the terminal and as W3C SPARQL JSON with label columns (``policykg query``,
``policykg sparql``, the server's named-query pages)."""

from __future__ import annotations

import csv
import io
import json
import sys


def result_to_json(result) -> dict:
    """W3C SPARQL 1.1 Query Results JSON; every IRI column gets a ``<var>Label`` column too."""
    import pyoxigraph as ox

    from .endpoint import json_term

    iri_vars = [v for i, v in enumerate(result.variables)
                if any(isinstance(r[i], ox.NamedNode) for r in result.rows)]
    variables = list(result.variables) + [f"{v}Label" for v in iri_vars if f"{v}Label" not in result.variables]
    bindings = []
    for row in result.rows:
        b = {}
        for v, t in zip(result.variables, row):
            if t is not None:
                b[v] = json_term(t)
                if isinstance(t, ox.NamedNode) and v in iri_vars and f"{v}Label" not in result.variables:
                    b[f"{v}Label"] = {"type": "literal", "value": result.labels.get(t.value, t.value)}
        bindings.append(b)
    return {"head": {"vars": variables}, "results": {"bindings": bindings}}


def _cell(t, labels: dict[str, str]) -> str:
    import pyoxigraph as ox

    if t is None:
        return ""
    if isinstance(t, ox.NamedNode):
        return labels.get(t.value, t.value)
    return t.value


def print_result(result, fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(result_to_json(result), ensure_ascii=False, indent=2))
        return
    rows = [[_cell(t, result.labels) for t in row] for row in result.rows]
    if fmt == "table" and "quote" in result.variables:  # the evidence sentence last, never clipped
        i = result.variables.index("quote")
        result = type(result)(result.variables[:i] + result.variables[i + 1:] + ["quote"], [], result.labels)
        rows = [r[:i] + r[i + 1:] + [r[i]] for r in rows]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(result.variables)
        w.writerows(rows)
        sys.stdout.write(buf.getvalue())
        return
    if not rows:
        print("(no results)")
        return
    widths = [min(80, max(_width(h), *(_width(r[i]) for r in rows))) for i, h in enumerate(result.variables)]
    print("  ".join(_pad(h, w) for h, w in zip(result.variables, widths)))
    print("  ".join("-" * w for w in widths))
    last = len(widths) - 1
    for r in rows:
        print("  ".join(c if i == last and h == "quote" else _pad(_clip(c, w), w)
                        for i, (c, w, h) in enumerate(zip(r, widths, result.variables))))
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _clip(s: str, w: int) -> str:
    s = " ".join(s.split())
    if _width(s) <= w:
        return s
    out = ""
    for ch in s:
        if _width(out + ch) > w - 1:
            break
        out += ch
    return out + "…"


def _pad(s: str, w: int) -> str:
    return s + " " * max(0, w - _width(s))
