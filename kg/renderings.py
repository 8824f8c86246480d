"""The renderings of one described resource (:func:`kg.pages.describe`), shared by the static
linked-data site (:mod:`kg.site`) and the SPARQL server (:mod:`kg.server`):

- :func:`render_html`, a standalone HTML5 page (inline CSS, no script) in English or Korean;
- :func:`turtle` and :func:`jsonld`, the resource's triples (:func:`kg.pages.resource_triples`)
  serialised deterministically with the dumps' serialisers (sorted; same input, same bytes);
- :func:`summary`, one line of text for the site's indexes.

All take ``base`` to publish under another base IRI (:func:`kg.iris.rebase`).
"""

from __future__ import annotations

import html
from collections import defaultdict
from typing import Callable, Iterable, Sequence

from . import iris
from .pages import PKO, Description, Evidence, Fact, Term, _curie, _local, name_of


def summary(desc: Description, lang: str = "en", width: int = 120) -> str:
    """One line of plain text saying what an unlabelled node is: a claim's statement, an evidence
    node's document, lines and quote; "" for other resources."""
    def text(t: Term) -> str:
        return name_of(desc.names, t.value, lang) if t.is_iri else t.value

    own = next((s for s in desc.supports if s.fact == desc.iri and s.statement), None)
    if own:
        subj, prop, obj = own.statement
        out = f"{text(subj)} — {name_of(desc.names, prop, lang)} — {text(obj)}"
    elif PKO + "Evidence" in desc.types:
        vals = {f.property: f.value for f in desc.outgoing}
        doc, ls, le, quote = (vals.get(PKO + k) for k in ("inDocument", "lineStart", "lineEnd", "quote"))
        where = text(doc) if doc else ""
        if ls:
            where += f" {ls.value}" + (f"–{le.value}" if le and le.value != ls.value else "")
        out = f"{where}: {quote.value}" if quote else where
    else:
        return ""
    out = " ".join(out.split())
    return out if len(out) <= width else out[: width - 1] + "…"


# ------------------------------------------------------------------ Turtle and JSON-LD
def _ox(t: Term):
    import pyoxigraph as ox

    if t.kind == "iri":
        return ox.NamedNode(t.value)
    if t.kind == "blank":
        return ox.BlankNode(t.value)
    if t.lang:
        return ox.Literal(t.value, language=t.lang)
    return ox.Literal(t.value, datatype=ox.NamedNode(t.datatype)) if t.datatype else ox.Literal(t.value)


def _rdf(triples: Iterable[tuple[Term, str, Term]], ext: str, base: str) -> str:
    """``triples`` written by pyoxigraph (the dumps' serialisers, :mod:`kg.export`), rebased to
    ``base``, deduplicated and sorted within each subject; subjects keep their order (the resource
    first)."""
    import pyoxigraph as ox

    from .export import prefixes, rebase_triple, serialize

    order: dict[Term, int] = {}
    out = set()
    for s, p, o in triples:
        order.setdefault(s, len(order))
        out.add((order[s], rebase_triple(ox.Triple(_ox(s), ox.NamedNode(p), _ox(o)), base)))
    return serialize([t for _, t in sorted(out, key=lambda x: (x[0], str(x[1])))], ext,
                     prefixes(base)).decode("utf-8")


def turtle(desc: Description, *, base: str = iris.BASE) -> str:
    """The Turtle of a described resource."""
    return _rdf(desc.triples, "ttl", base)


def jsonld(desc: Description, *, base: str = iris.BASE) -> str:
    """The JSON-LD (expanded form) of a described resource."""
    return _rdf(desc.triples, "jsonld", base)


# ------------------------------------------------------------------ HTML
UI = {
    "en": {"labels": "Labels", "alt": "also called", "definition": "Definitions", "types": "Types",
           "facts": "Facts", "incoming": "Facts pointing here", "evidence": "Evidence",
           "own_evidence": "Evidence of this resource", "fact_evidence": "Evidence of this fact",
           "supports": "Supports", "value": "Value", "subject": "Subject", "status": "Status",
           "lines": "lines", "graph": "graph", "stated_as": "stated as", "rule": "rule",
           "confidence": "confidence", "fact": "fact", "cites": "cites", "statements": "statements",
           "iri": "IRI", "formats": "This resource as", "english": "English", "korean": "Korean",
           "no_label": "no label", "statement": "statement"},
    "ko": {"labels": "이름", "alt": "다른 이름", "definition": "정의", "types": "유형",
           "facts": "사실", "incoming": "이 자원을 가리키는 사실", "evidence": "근거",
           "own_evidence": "이 자원의 근거", "fact_evidence": "이 사실의 근거",
           "supports": "뒷받침하는 사실", "value": "값", "subject": "주어", "status": "상태",
           "lines": "줄", "graph": "그래프", "stated_as": "진술된 속성", "rule": "규칙",
           "confidence": "신뢰도", "fact": "사실 노드", "cites": "인용", "statements": "개 진술",
           "iri": "IRI", "formats": "이 자원의 다른 형식", "english": "영어", "korean": "한국어",
           "no_label": "이름 없음", "statement": "진술"},
}
COLLAPSE_OVER = 40  # a group of more statements than this starts folded

CSS = """
:root{--fg:#1d2330;--muted:#5b6475;--line:#d9dee7;--bg:#fbfcfe;--link:#1a56a8}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans KR","Noto Sans CJK KR","Malgun Gothic",sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:1100px;margin:0 auto;padding:0 1.2rem}
header{padding-top:1rem;border-bottom:1px solid var(--line)}
nav{font-size:.9rem;color:var(--muted)} nav a{margin-right:.8rem}
a{color:var(--link);text-decoration:none} a:hover{text-decoration:underline}
h1{margin:.3rem 0 0;font-size:1.7rem} h2{margin-top:2rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;font-size:1.25rem}
h3{margin:1.3rem 0 .4rem;font-size:1.02rem} h3 code,.muted{color:var(--muted);font-weight:normal}
.other{font-size:1.15rem;color:var(--muted);margin:.1rem 0}
.iri{font-family:ui-monospace,monospace;font-size:.85rem;word-break:break-all;color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}
th,td{border-top:1px solid var(--line);padding:.35rem .5rem;vertical-align:top;text-align:left}
th{font-size:.82rem;color:var(--muted);font-weight:600}
td.v{width:28%} td.st{width:9rem}
.badge{display:inline-block;border-radius:.7rem;padding:0 .5rem;font-size:.78rem;margin:0 .2rem .2rem 0;background:#e8ebf1}
.s-curated{background:#d7ecd9!important}.s-accepted{background:#d5e6f7!important}.s-proposed{background:#fbeccc!important}
.s-inferred{background:#ece1f5!important}.s-rejected{background:#f6d5d5!important}.s-ontology{background:#e4e4e4!important}
ul.ev{list-style:none;margin:0;padding:0} ul.ev>li{margin:0 0 .6rem}
.src{font-size:.82rem;color:var(--muted)}
blockquote{margin:.15rem 0 0;padding:.2rem .6rem;border-left:3px solid #b8c2d6;background:#f1f4f9;white-space:pre-wrap}
.alt{color:var(--muted);font-size:.9rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem} dt{color:var(--muted)} dd{margin:0}
details>summary{cursor:pointer;color:var(--link)}
footer{margin-top:3rem;padding:1rem 1.2rem 2rem;color:var(--muted);font-size:.82rem;border-top:1px solid var(--line)}
"""


def _e(s: object) -> str:
    return html.escape(str(s), quote=True)


class _Renderer:
    def __init__(self, desc: Description, lang: str, link: Callable[[str], str] | None, base: str) -> None:
        self.d, self.lang, self.base = desc, lang, base
        self.other = "ko" if lang == "en" else "en"
        self.t = UI.get(lang, UI["en"])
        self._link = link

    def href(self, iri: str) -> str:
        if self._link is not None and iri.startswith(str(iris.ID)):
            return self._link(iri)
        return iris.rebase(iri, self.base)

    def name(self, iri: str, lang: str | None = None) -> str:
        return name_of(self.d.names, iri, lang or self.lang)

    def a(self, iri: str, *, both: bool = True) -> str:
        """A link to ``iri`` with its label in the page language and, if different, the other one."""
        main = self.name(iri)
        other = self.d.names.get(iri, {}).get(self.other, "")
        out = f'<a href="{_e(self.href(iri))}">{_e(main)}</a>'
        if both and other and other != main:
            out += f' <span class="alt" lang="{self.other}">{_e(other)}</span>'
        return out

    def term(self, t: Term) -> str:
        if t.is_iri:
            return self.a(t.value)
        if t.kind == "blank":
            return f"<code>_:{_e(t.value)}</code>"
        lang = f' lang="{_e(t.lang)}"' if t.lang else ""
        dt = f' <span class="muted">({_e(_curie(t.datatype) or t.datatype)})</span>' if t.datatype else ""
        return f"<span{lang}>{_e(t.value)}</span>{dt}"

    def statuses(self, names: Sequence[str]) -> str:
        return "".join(f'<span class="badge s-{_e(s)}">{_e(self.status_label(s))}</span>' for s in names)

    def status_label(self, local: str) -> str:
        iri = str(iris.ID) + "status/" + local
        return self.d.names.get(iri, {}).get(self.lang) or local

    def evidence(self, evs: Sequence[Evidence], *, show_fact: bool = True) -> str:
        if not evs:
            return ""
        items = []
        for e in evs:
            bits = []
            if e.status:
                bits.append(self.statuses([e.status_name]))
            src = []
            if e.doc:
                src.append(self.a(e.doc, both=False))
            if e.line_start:
                rng = str(e.line_start) if e.line_end in (0, e.line_start) else f"{e.line_start}–{e.line_end}"
                src.append(f"{_e(self.t['lines'])} {rng}")
            if e.graph:
                src.append(f"{_e(self.t['graph'])}: {_e(e.graph_name)}")
            if e.stated:
                src.append(f"{_e(self.t['stated_as'])} {self.a(e.stated, both=False)}")
            if e.rule:
                src.append(f"{_e(self.t['rule'])}: <code>{_e(e.rule)}</code>")
            if e.confidence and e.rule:
                src.append(f"{_e(self.t['confidence'])} {_e(e.confidence)}")
            if show_fact and e.fact != self.d.iri:
                src.append(f'{_e(self.t["fact"])}: <a href="{_e(self.href(e.fact))}">{_e(iris.local_id(e.fact) or e.fact)}</a>')
            src.append(f'<a href="{_e(self.href(e.evidence))}">{_e(self.t["evidence"].lower())}</a>')
            if e.cites:
                src.append(f"{_e(self.t['cites'])} " + ", ".join(self.a(c, both=False) for c in e.cites))
            lang = f' lang="{_e(e.quote_lang)}"' if e.quote_lang else ""
            quote = f"<blockquote{lang}>{_e(e.quote)}</blockquote>" if e.quote else ""
            items.append(f"<li>{''.join(bits)} <span class=\"src\">{' · '.join(src)}</span>{quote}</li>")
        return '<ul class="ev">' + "".join(items) + "</ul>"

    def group_label(self, prop: str) -> str:
        return self.name(prop)

    def facts(self, facts: Sequence[Fact], *, incoming: bool) -> str:
        groups: dict[str, list[Fact]] = defaultdict(list)
        for f in facts:
            groups[f.property].append(f)
        out = []
        for prop in sorted(groups, key=lambda p: (self.name(p).casefold(), p)):
            rows = groups[prop]
            key = (lambda f: self._sort_key(f.subject)) if incoming else (lambda f: self._sort_key(f.value))
            body = []
            for f in sorted(rows, key=key):
                cell = self.term(f.subject if incoming else f.value)
                body.append(f'<tr><td class="v">{cell}</td><td class="st">{self.statuses(f.statuses)}</td>'
                            f"<td>{self.evidence(f.evidence)}</td></tr>")
            head = (f"<tr><th>{_e(self.t['subject'] if incoming else self.t['value'])}</th>"
                    f"<th>{_e(self.t['status'])}</th><th>{_e(self.t['evidence'])}</th></tr>")
            table = f"<table><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"
            curie = _curie(iris.rebase(prop, self.base)) or _curie(prop) or prop
            title = (f'<h3>{self.a(prop)} <code>{_e(curie)}</code> '
                     f'<span class="muted">({len(rows)})</span></h3>')
            if len(rows) > COLLAPSE_OVER:
                table = f"<details><summary>{len(rows)} {_e(self.t['statements'])}</summary>{table}</details>"
            out.append(title + table)
        return "".join(out)

    def _sort_key(self, t: Term) -> tuple:
        return (t.kind != "iri", (self.name(t.value) if t.is_iri else t.value).casefold(), t)

    def supports(self) -> str:
        items = []
        for s in self.d.supports:
            bits = [self.statuses([_local(s.status)]) if s.status else ""]
            if s.fact != self.d.iri:
                bits.append(f'<a href="{_e(self.href(s.fact))}">{_e(iris.local_id(s.fact) or s.fact)}</a>')
            if s.kind:
                bits.append(f'<span class="muted">{_e(self.name(s.kind))}</span>')
            if s.statement:
                subj, prop, obj = s.statement
                bits.append(f"{_e(self.t['statement'])}: {self.term(subj)} — {self.a(prop, both=False)} — {self.term(obj)}")
            items.append("<li>" + " ".join(b for b in bits if b) + "</li>")
        return "<ul>" + "".join(items) + "</ul>"


def render_html(desc: Description, *, lang: str = "en", link: Callable[[str], str] | None = None,
                base: str = iris.BASE, alternate: Callable[[str, str], str] | None = None,
                nav: Sequence[tuple[str, str]] = ()) -> str:
    """A complete standalone HTML5 page for ``desc`` (inline CSS, no script, every text escaped).

    ``lang``: the page language (``en`` or ``ko``); labels in both languages are shown either way.
    ``link(iri) -> href``: where a resource under ``{BASE}id/`` links to (relative ``….html`` for the
    static site, ``/id/…`` for a server); default: its IRI rebased to ``base``. Other IRIs (ontology
    terms, Wikidata...) link to themselves, rebased. ``alternate(iri, ext) -> href`` for the Turtle
    (``ttl``) and JSON-LD (``jsonld``) versions: default ``link(iri)`` with ``.html`` replaced by (or
    followed by) ``.ttl``/``.jsonld``. ``nav``: extra (href, text) links at the top (indexes).
    """
    r = _Renderer(desc, lang, link, base)
    t = r.t
    d = desc
    if alternate is None:
        def alternate(iri: str, ext: str) -> str:
            h = r.href(iri)
            return (h[:-5] if h.endswith(".html") else h) + "." + ext
    shown_iri = iris.rebase(d.iri, base)
    title = d.label(lang)
    other_label = (d.labels.get(r.other) or ("",))[0]
    kind_names = ", ".join(r.name(x) for x in d.types)

    head = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}{' · ' + _e(other_label) if other_label and other_label != title else ''} — policykg</title>",
        f'<link rel="canonical" href="{_e(shown_iri)}">',
        f'<link rel="alternate" type="text/turtle" href="{_e(alternate(d.iri, "ttl"))}">',
        f'<link rel="alternate" type="application/ld+json" href="{_e(alternate(d.iri, "jsonld"))}">',
        f"<style>{CSS}</style>",
        "</head>",
    ]
    body = ["<body>", "<header>"]
    if nav:
        body.append("<nav>" + "".join(f'<a href="{_e(h)}">{_e(txt)}</a>' for h, txt in nav) + "</nav>")
    if kind_names:
        body.append(f'<div class="muted">{_e(kind_names)}</div>')
    body.append(f"<h1>{_e(title)}</h1>")
    if other_label and other_label != title:
        body.append(f'<p class="other" lang="{r.other}">{_e(other_label)}</p>')
    about = summary(d, lang, width=400)
    if about:
        body.append(f'<p class="other">{_e(about)}</p>')
    body.append(f'<p class="iri">{_e(t["iri"])}: <a href="{_e(shown_iri)}">{_e(shown_iri)}</a> · {_e(t["formats"])} '
                f'<a href="{_e(alternate(d.iri, "ttl"))}" type="text/turtle">Turtle</a> · '
                f'<a href="{_e(alternate(d.iri, "jsonld"))}" type="application/ld+json">JSON-LD</a></p>')
    body.append("</header>")
    body.append("<main>")

    # labels and definitions in both languages
    rows = []
    for lg in (lang, r.other, *sorted((set(d.labels) | set(d.alt_labels)) - {lang, r.other})):
        labs, alts = d.labels.get(lg, ()), d.alt_labels.get(lg, ())
        if not labs and not alts:
            continue
        lg_name = {"en": t["english"], "ko": t["korean"]}.get(lg, lg or "—")
        lang_attr = f' lang="{_e(lg)}"' if lg else ""
        alt = (f' <span class="alt">({_e(t["alt"])}: {_e(", ".join(alts))})</span>' if alts else "")
        rows.append(f"<dt>{_e(lg_name)}</dt><dd{lang_attr}>{_e(' / '.join(labs)) or _e(t['no_label'])}{alt}</dd>")
    if rows:
        body.append(f"<h2>{_e(t['labels'])}</h2><dl>{''.join(rows)}</dl>")
    if d.types:
        body.append(f"<h2>{_e(t['types'])}</h2><ul>" + "".join(f"<li>{r.a(x)}</li>" for x in d.types) + "</ul>")
    defs = []
    for lg in (lang, r.other, *sorted(set(d.definitions) - {lang, r.other})):
        for text in d.definitions.get(lg, ()):
            lang_attr = f' lang="{_e(lg)}"' if lg else ""
            defs.append(f"<li{lang_attr}>{_e(text)}</li>")
    if defs:
        body.append(f"<h2>{_e(t['definition'])}</h2><ul>{''.join(defs)}</ul>")
    if d.supports:
        body.append(f"<h2>{_e(t['supports'])}</h2>{r.supports()}")
    if d.evidence:
        heading = t["fact_evidence"] if d.is_fact else t["own_evidence"]
        body.append(f"<h2>{_e(heading)}</h2>{r.evidence(d.evidence, show_fact=False)}")
    if d.outgoing:
        body.append(f"<h2>{_e(t['facts'])} <span class=\"muted\">({len(d.outgoing)})</span></h2>"
                    + r.facts(d.outgoing, incoming=False))
    if d.incoming:
        body.append(f"<h2>{_e(t['incoming'])} <span class=\"muted\">({len(d.incoming)})</span></h2>"
                    + r.facts(d.incoming, incoming=True))
    body.append("</main>")
    body.append(f'<footer>policykg · <span class="iri">{_e(shown_iri)}</span></footer>')
    body.append("</body></html>")
    return "\n".join(head + body) + "\n"
