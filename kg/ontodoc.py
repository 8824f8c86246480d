"""HTML documentation of the ontology, in English and in Korean.

The OWL vocabulary (``ontology/policykg.ttl``) is documented by pyLODE's OntPub profile, rendered
once per language from a copy of the graph that keeps, for each subject and property, only the
literals in the page's language (the other language where the page's is missing). pyLODE does not
document SKOS concept schemes inside an OWL ontology, so the schemes of ``ontology/schemes.ttl``
(layer frameworks, resources, typologies, controlled vocabularies) get a section of their own,
written here in the same markup. The pages are self-contained: pyLODE's stylesheet is inlined, the
only ``<script>`` is pyLODE's inline JSON-LD, no font, script or stylesheet is fetched.

Anchors are the terms' local names in both languages (``#Country``, ``#dependsOnLayer``; concepts
``#layer-exec``, schemes ``#scheme-stack4``), so a link to a term works on either page.

>>> html = render("ko")
>>> '<html lang="ko">' in html and 'id="Country"' in html and "국가" in html
True
>>> 'href="ontology.html"' in html
True
"""

from __future__ import annotations

import hashlib
import html as _html
import logging
import re
import sys
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from . import iris
from .errors import BuildError
from .fsutil import atomic_write
from .iris import DCTERMS, PKO, SKOS
from .paths import ONTOLOGY_DIR

LANGS = ("en", "ko")
PAGES = {"en": "ontology.html", "ko": "ontology.ko.html"}
LANG_NAMES = {"en": "English", "ko": "한국어"}
SOURCES = ("policykg.ttl", "schemes.ttl")

# pyLODE's fixed English headings and row names, as the Korean page shows them
KO_TERMS = {
    "Metadata": "메타데이터",
    "Classes": "클래스",
    "Properties": "속성",
    "Object Properties": "객체 속성",
    "Datatype Properties": "데이터 속성",
    "Annotation Properties": "주석 속성",
    "Functional Properties": "함수형 속성",
    "Named Individuals": "개체",
    "Namespaces": "네임스페이스",
    "Legend": "범례",
    "Table of Contents": "목차",
    "Title": "제목",
    "Description": "설명",
    "License": "라이선스",
    "Version Info": "버전",
    "Source": "출처",
    "Sub Class Of": "상위 클래스",
    "Super Class Of": "하위 클래스",
    "Equivalent Class": "동등 클래스",
    "Sub Property Of": "상위 속성",
    "Super Property Of": "하위 속성",
    "Domain": "정의역",
    "Range": "치역",
    "In Domain Of": "정의역으로 갖는 속성",
    "In Range Of": "치역으로 갖는 속성",
    "Restrictions": "제약",
}

# names of the rows and headings of the concept-scheme section
WORDS = {
    "en": {"schemes": "Concept schemes", "other": "Concepts in several schemes", "type": "Type",
           "definition": "Definition", "alt": "Alternative labels", "notation": "Notation",
           "in_scheme": "In scheme", "top": "Top concepts", "source": "Source", "broader": "Broader",
           "related": "Related", "closeMatch": "Close match", "broadMatch": "Broad match",
           "narrowMatch": "Narrow match", "relatedMatch": "Related match", "exactMatch": "Exact match",
           "switch": "이 문서를 한국어로 보기", "intro": "SKOS concept schemes defined in ontology/schemes.ttl."},
    "ko": {"schemes": "개념 체계", "other": "여러 체계에 속하는 개념", "type": "유형",
           "definition": "정의", "alt": "다른 이름", "notation": "표기", "in_scheme": "소속 체계",
           "top": "최상위 개념", "source": "출처", "broader": "상위 개념", "related": "관련 개념",
           "closeMatch": "근접 대응", "broadMatch": "상위 대응", "narrowMatch": "하위 대응",
           "relatedMatch": "관련 대응", "exactMatch": "정확 대응",
           "switch": "Read this page in English", "intro": "ontology/schemes.ttl에 정의된 SKOS 개념 체계."},
}
MAPPINGS = ("broader", "related", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch", "exactMatch")

_EXTERNAL = re.compile(
    r"<script\b[^>]*\bsrc\s*=[^>]*>\s*</script>"            # external scripts
    r"|<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>"   # stylesheets, fonts, preloads
    r"|@import\s+(?:url\()?\s*[\"']?(?:https?:)?//[^;]*;",   # CSS imports
    re.IGNORECASE)


# ---------------------------------------------------------------- graphs
def _source_paths(ontology_dir: Path) -> list[Path]:
    return [ontology_dir / name for name in SOURCES]


def _digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        try:
            h.update(p.read_bytes())
        except OSError as exc:
            raise BuildError(f"{p}: cannot read the ontology file ({exc.strerror}); "
                             f"the documentation is generated from {', '.join(SOURCES)} in ontology/") from exc
    return h.hexdigest()


def _parse(path: Path) -> Graph:
    g = Graph(bind_namespaces="core")
    for prefix, ns in iris.PREFIXES.items():
        g.bind(prefix, ns)
    g.bind("pkid", iris.ID)
    try:
        g.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise BuildError(f"{path}: not valid Turtle, cannot document it: {exc}") from exc
    return g


def in_language(g: Graph, lang: str) -> Graph:
    """A copy of ``g`` in which each subject and property keeps only its literals in ``lang``;
    where it has none, it keeps the others (so a missing translation falls back, never vanishes).

    >>> g = Graph()
    >>> s = URIRef("urn:x")
    >>> _ = g.add((s, RDFS.label, Literal("국가", lang="ko"))).add((s, RDFS.label, Literal("country", lang="en")))
    >>> _ = g.add((s, RDFS.comment, Literal("only English", lang="en")))
    >>> sorted(str(o) for o in in_language(g, "ko").objects(s, None))
    ['only English', '국가']
    """
    out = Graph(bind_namespaces="core")
    for prefix, ns in g.namespace_manager.namespaces():
        out.bind(prefix, ns, override=True)
    for s, p, o in g:
        if isinstance(o, Literal) and o.language and o.language != lang:
            if any(isinstance(x, Literal) and x.language == lang for x in g.objects(s, p)):
                continue
        out.add((s, p, o))
    return out


def _pick(values: list, lang: str) -> list[Literal]:
    """The literals in ``lang``; if none, those in any other language."""
    lits = [v for v in values if isinstance(v, Literal)]
    own = [v for v in lits if v.language == lang]
    return sorted(own or lits, key=str)


# ---------------------------------------------------------------- pyLODE
def _ontpub():
    """pyLODE's OntPub class. Importing pyLODE runs ``logging.basicConfig(level=DEBUG)`` (in its
    supermodel profile), which would turn on debug output of every library in this process: the
    root logger is restored afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        from pylode import OntPub
    except ImportError as exc:
        raise BuildError(f"pyLODE is not installed ({exc}); run `make setup` to install the dependencies") from exc
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    return OntPub


def _pylode_html(g: Graph) -> str:
    """OntPub's page for the OWL graph, anchors fixed to the terms' local names."""
    od = _ontpub()(g, sort_subjects=True)  # deterministic order (by IRI) on both pages
    # pyLODE derives anchors from labels: Korean labels give empty ids. Its fragment-id table is
    # consulted first, so fill it with the local names (the same on both pages).
    for s in set(g.subjects()):
        if isinstance(s, URIRef) and str(s).startswith(str(PKO)):
            od.fids[str(s)] = str(s)[len(str(PKO)):]
    return od.make_html(include_css=True)


# ---------------------------------------------------------------- concept schemes
def _anchor(iri: URIRef) -> str:
    """``#layer-exec`` for id/layer/exec, ``#Layer`` for pko:Layer."""
    s = str(iri)
    if s.startswith(str(PKO)):
        return s[len(str(PKO)):]
    lid = iris.local_id(s)
    return lid.replace("/", "-") if lid else ""


class _SchemeSection:
    def __init__(self, schemes: Graph, owl: Graph, lang: str) -> None:
        self.g, self.owl, self.lang, self.w = schemes, owl, lang, WORDS[lang]
        self.documented: set[URIRef] = set()

    def label(self, iri: URIRef) -> str:
        for g in (self.g, self.owl):
            for p in (SKOS.prefLabel, RDFS.label):
                vals = _pick(list(g.objects(iri, p)), self.lang)
                if vals:
                    return str(vals[0])
        lid = iris.local_id(iri)
        if lid:
            return lid
        try:
            return self.g.namespace_manager.qname(iri)
        except ValueError:
            return str(iri)

    def link(self, iri: URIRef) -> str:
        text = _html.escape(self.label(iri))
        inside = iri in self.documented or str(iri).startswith(str(PKO))
        href = f"#{_anchor(iri)}" if inside and _anchor(iri) else str(iri)
        return f'<a href="{_html.escape(href, quote=True)}">{text}</a>'

    def row(self, name: str, cells: list[str]) -> str:
        if not cells:
            return ""
        body = cells[0] if len(cells) == 1 else "<ul>" + "".join(f"<li>{c}</li>" for c in cells) + "</ul>"
        return f"<tr><th>{_html.escape(name)}</th><td>{body}</td></tr>"

    def prop_name(self, prop: URIRef) -> str:
        vals = _pick(list(self.owl.objects(prop, SKOS.prefLabel)), self.lang)
        return str(vals[0]) if vals else iris.local_id(prop) or str(prop)

    def sort_key(self, c: URIRef) -> tuple:
        n = self.g.value(c, SKOS.notation)
        num = int(n) if n is not None and str(n).isdigit() else 10**6
        return (num, self.label(c).casefold(), str(c))

    def entry(self, c: URIRef, level: int = 3) -> str:
        g, w = self.g, self.w
        rows = [f"<tr><th>IRI</th><td><code>{_html.escape(str(c))}</code></td></tr>"]
        rows.append(self.row(w["type"], [self.link(t) for t in sorted(g.objects(c, RDF.type))]))
        rows.append(self.row(w["definition"], [f"<p>{_html.escape(str(d))}</p>"
                                               for d in _pick(list(g.objects(c, SKOS.definition)), self.lang)]))
        alts = [str(a) for a in g.objects(c, SKOS.altLabel) if isinstance(a, Literal) and a.language == self.lang]
        rows.append(self.row(w["alt"], [_html.escape(", ".join(sorted(alts)))] if alts else []))
        rows.append(self.row(w["notation"], [_html.escape(str(n)) for n in g.objects(c, SKOS.notation)]))
        rows.append(self.row(w["in_scheme"], [self.link(s) for s in sorted(g.objects(c, SKOS.inScheme))]))
        rows.append(self.row(w["top"], [self.link(t) for t in sorted(g.objects(c, SKOS.hasTopConcept), key=self.sort_key)]))
        rows.append(self.row(w["source"], [self.link(s) for s in sorted(g.objects(c, DCTERMS.source))]))
        rows.append(self.row(self.prop_name(PKO.belongsToLayer),
                             [self.link(x) for x in sorted(g.objects(c, PKO.belongsToLayer), key=self.sort_key)]))
        for m in MAPPINGS:
            rows.append(self.row(w[m], [self.link(x) for x in sorted(g.objects(c, SKOS[m]), key=self.sort_key)]))
        rows.append(self.row(self.prop_name(PKO.determines),
                             [_html.escape(str(v)) for v in _pick(list(g.objects(c, PKO.determines)), self.lang)]))
        return (f'<div class="property entity" id="{_anchor(c)}"><h{level}>{_html.escape(self.label(c))}</h{level}>'
                f'<table>{"".join(rows)}</table></div>\n')

    def render(self) -> tuple[str, str]:
        """(the section's HTML, its table-of-contents entry)."""
        g, w = self.g, self.w
        tops = {s: sorted(g.objects(s, SKOS.hasTopConcept), key=self.sort_key)
                for s in g.subjects(RDF.type, SKOS.ConceptScheme)}
        # layer frameworks first, then the other schemes, each by label
        schemes = sorted(tops, key=lambda s: (not any((c, RDF.type, PKO.Layer) in g for c in tops[s]),
                                              self.label(s).casefold(), str(s)))
        in_top = {c for cs in tops.values() for c in cs}
        by_label = lambda c: (self.label(c).casefold(), str(c))  # noqa: E731
        members = {c for c in g.subjects(SKOS.inScheme, None) if isinstance(c, URIRef)} - in_top
        # a concept below the top of one scheme is documented under it, one in several apart
        own = {s: sorted((c for c in members if set(g.objects(c, SKOS.inScheme)) == {s}), key=self.sort_key)
               for s in schemes}
        others = sorted(members - {c for cs in own.values() for c in cs}, key=by_label)
        self.documented = set(schemes) | in_top | members
        parts = [f'<div class="section" id="schemes"><h2>{_html.escape(w["schemes"])}</h2>',
                 f"<p>{_html.escape(w['intro'])}</p>\n"]
        toc = [f'<li><h4><a href="#schemes">{_html.escape(w["schemes"])}</a></h4><ul class="second">']
        for s in schemes:
            parts.append(self.entry(s, level=3))
            parts.extend(self.entry(c, level=4) for c in tops[s] + own[s])
            toc.append(f'<li><a href="#{_anchor(s)}">{_html.escape(self.label(s))}</a></li>')
        if others:
            parts.append(f'<div class="section" id="scheme-members"><h3>{_html.escape(w["other"])}</h3></div>\n')
            parts.extend(self.entry(c, level=4) for c in others)
            toc.append(f'<li><a href="#scheme-members">{_html.escape(w["other"])}</a></li>')
        parts.append("</div>\n")
        toc.append("</ul></li>")
        return "".join(parts), "".join(toc)


# ---------------------------------------------------------------- page assembly
def _insert_before(page: str, marker: str, text: str, *, li: bool = False) -> str:
    i = page.find(marker)
    if i < 0:
        raise BuildError(f"pyLODE's page has no {marker!r}: its output changed; adapt kg/ontodoc.py "
                         "or install the pyLODE version pyproject.toml names (`make setup`)")
    if li:
        i = page.rfind("<li>", 0, i)
    return page[:i] + text + page[i:]


def _functional_as_links(page: str) -> str:
    """pyLODE documents each functional property twice (under its kind and again under Functional
    Properties), with the same anchor: the second section becomes a list of links to the first."""
    start = page.find('<div class="section" id="functionalproperties">')
    if start < 0:
        return page
    end = page.find('<div id="namespaces">', start)
    end = page.rfind("</div>", start, end) + len("</div>")  # the section's own end tag
    section = page[start:end]
    heading = re.search(r"<h2>.*?</h2>", section, re.S)
    entries = re.findall(r'<div class="property entity" id="([^"]+)">\s*<h3>([^<]*)', section)
    if heading is None or not entries:
        raise BuildError("pyLODE's Functional Properties section has an unexpected form; adapt kg/ontodoc.py")
    items = "".join(f'<li><a href="#{fid}">{text.strip()}</a></li>' for fid, text in entries)
    return page[:start] + f'<div class="section" id="functionalproperties">{heading.group(0)}<ul>{items}</ul></div>' + page[end:]


def _translate(page: str) -> str:
    """pyLODE's fixed English headings and row names in Korean (whole text nodes only)."""
    words = sorted(KO_TERMS, key=len, reverse=True)
    rx = re.compile(r">(\s*)(" + "|".join(map(re.escape, words)) + r")(\s*)<")
    return rx.sub(lambda m: f">{m.group(1)}{KO_TERMS[m.group(2)]}{m.group(3)}<", page)


def strip_external(page: str) -> str:
    """The page without external scripts, stylesheets, fonts or CSS imports (plain links stay).

    >>> strip_external('<link rel="stylesheet" href="https://example.org/x.css"><a href="https://x">x</a>')
    '<a href="https://x">x</a>'
    """
    return _EXTERNAL.sub("", page)


def _render(lang: str, ontology_dir: Path) -> str:
    owl_path, schemes_path = _source_paths(ontology_dir)
    owl = _parse(owl_path)
    schemes = _parse(schemes_path)
    page = _pylode_html(in_language(owl, lang))
    page = _functional_as_links(page)
    section, toc = _SchemeSection(schemes, owl, lang).render()
    page = _insert_before(page, '<div id="namespaces">', section)
    page = _insert_before(page, '<a href="#namespaces">', toc, li=True)
    other = "ko" if lang == "en" else "en"
    switch = (f'<nav id="lang-switch"><p><a href="{PAGES[other]}" hreflang="{other}" lang="{other}" '
              f'rel="alternate">{_html.escape(WORDS[lang]["switch"])}</a> '
              f'({LANG_NAMES[lang]} · <a href="{PAGES[other]}" hreflang="{other}">{LANG_NAMES[other]}</a>)</p></nav>\n')
    page = _insert_before(page, '<div class="section" id="metadata">', switch)
    # links to the ontology's own terms go to their entries on this page, not out to the IRI
    page = re.sub(r'href="' + re.escape(str(PKO)) + r'([A-Za-z][\w-]*)"', r'href="#\1"', page)
    if lang == "ko":
        page = _translate(page)
    page = page.replace("<html>", f'<html lang="{lang}">', 1)
    # the encoding within the first 1024 bytes, as HTML asks (pyLODE puts it after the stylesheet)
    page = page.replace('<meta content="text/html; charset=utf-8" http-equiv="Content-Type">', "", 1)
    page = page.replace("<head>", '<head>\n    <meta charset="utf-8">', 1)
    return strip_external(page)


@lru_cache(maxsize=8)
def _render_cached(lang: str, ontology_dir: str, digest: str) -> str:
    return _render(lang, Path(ontology_dir))


def render(lang: str, ontology_dir: Path = ONTOLOGY_DIR) -> str:
    """The documentation page in ``lang`` (``en`` or ``ko``) as HTML text; cached in memory until
    an ontology file changes, so a server can serve it on every request."""
    if lang not in LANGS:
        raise BuildError(f"no ontology documentation in {lang!r}; languages: {', '.join(LANGS)}")
    return _render_cached(lang, str(ontology_dir), _digest(_source_paths(ontology_dir)))


def write_docs(out_dir: Path, ontology_dir: Path = ONTOLOGY_DIR) -> dict[str, Path]:
    """Write ``ontology.html`` (English) and ``ontology.ko.html`` (Korean) into ``out_dir``,
    each atomically; return {language: path}."""
    pages = {lang: render(lang, ontology_dir) for lang in LANGS}  # render both before writing either
    out = {}
    for lang, page in pages.items():
        path = Path(out_dir) / PAGES[lang]
        atomic_write(path, page)
        out[lang] = path
    return out


if __name__ == "__main__":  # python -m kg.ontodoc OUT_DIR
    if len(sys.argv) != 2:
        print("usage: python -m kg.ontodoc OUT_DIR", file=sys.stderr)
        sys.exit(2)
    try:
        for lang, path in write_docs(Path(sys.argv[1])).items():
            print(f"{lang}: {path}")
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
