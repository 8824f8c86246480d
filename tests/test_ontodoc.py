"""The ontology documentation pages (kg/ontodoc.py): every term in both languages, self-contained HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kg import ontodoc
from kg.errors import BuildError
from kg.iris import PKO, SKOS
from kg.paths import ONTOLOGY_DIR

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


class Page(HTMLParser):
    """Strict reading of a page: every element closed in order, entries (``div.entity``) by id
    with their heading text and the links inside them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.ids: list[str] = []
        self.heading: dict[str, str] = {}
        self.links: dict[str, list[str]] = {}
        self.html_lang: str | None = None
        self._entry: list[tuple[str, int]] = []  # (id, stack depth) of the entries we are inside
        self._in_heading: str | None = None
        self.feed(text)
        self.close()
        if self.stack:
            self.problems.append(f"unclosed at the end: {self.stack}")

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if a.get("id") is not None:
            self.ids.append(a["id"])
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "div" and "entity" in (a.get("class") or "").split():
            self._entry.append((a.get("id") or "", len(self.stack)))
            self.heading[a.get("id") or ""] = ""
            self.links[a.get("id") or ""] = []
        elif re.fullmatch(r"h[2-6]", tag) and self._entry and not self.heading[self._entry[-1][0]]:
            self._in_heading = tag
        if tag == "a" and self._entry and a.get("href"):
            self.links[self._entry[-1][0]].append(a["href"])

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID:
            self.problems.append(f"self-closed <{tag}/>")
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> while {self.stack[-3:]} open (line {self.getpos()[0]})")
            return
        if self._entry and self._entry[-1][1] == len(self.stack):
            self._entry.pop()
        if self._in_heading == tag:
            self._in_heading = None
        self.stack.pop()

    def handle_data(self, data):
        if self._in_heading and self._entry:
            self.heading[self._entry[-1][0]] += data


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("docs")
    written = ontodoc.write_docs(out)
    assert written == {"en": out / "ontology.html", "ko": out / "ontology.ko.html"}
    assert sorted(p.name for p in out.iterdir()) == ["ontology.html", "ontology.ko.html"]  # no temp files left
    return {lang: path.read_text(encoding="utf-8") for lang, path in written.items()}


@pytest.fixture(scope="module")
def parsed(pages) -> dict[str, Page]:
    return {lang: Page(text) for lang, text in pages.items()}


@pytest.fixture(scope="module")
def owl() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "policykg.ttl")


@pytest.fixture(scope="module")
def schemes() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "schemes.ttl")


def label(g: Graph, iri: URIRef, lang: str) -> str:
    labels = [o for o in g.objects(iri, SKOS.prefLabel) if isinstance(o, Literal)]
    own = [o for o in labels if o.language == lang]
    assert own or labels, f"{iri} has no skos:prefLabel at all"
    return str(sorted(own or labels)[0])


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ontodoc.LANGS)
def test_pages_parse_cleanly(parsed, lang):
    page = parsed[lang]
    assert page.problems == []
    assert page.html_lang == lang
    duplicates = sorted({i for i in page.ids if page.ids.count(i) > 1})
    assert duplicates == [] and "" not in page.ids


@pytest.mark.parametrize("lang", ontodoc.LANGS)
def test_every_owl_term_has_an_entry_with_its_label_in_the_page_language(parsed, owl, lang):
    page = parsed[lang]
    terms = sorted({s for t in TERM_TYPES for s in owl.subjects(RDF.type, t) if isinstance(s, URIRef)})
    assert len(terms) > 100
    for iri in terms:
        fid = str(iri)[len(str(PKO)):]
        assert fid in page.heading, f"{fid} missing on the {lang} page"
        assert norm(page.heading[fid]).startswith(label(owl, iri, lang)), (fid, page.heading[fid])


@pytest.mark.parametrize("lang", ontodoc.LANGS)
def test_super_and_sub_classes_domains_and_ranges_are_linked(parsed, owl, lang):
    links = parsed[lang].links
    n = 0
    for sub, sup in owl.subject_objects(RDFS.subClassOf):
        if str(sub).startswith(str(PKO)) and str(sup).startswith(str(PKO)):
            a, b = str(sub)[len(str(PKO)):], str(sup)[len(str(PKO)):]
            assert f"#{b}" in links[a], f"{a} should link its superclass {b}"
            assert f"#{a}" in links[b], f"{b} should link its subclass {a}"
            n += 1
    for prop_p in (RDFS.domain, RDFS.range):
        for prop, cls in owl.subject_objects(prop_p):
            if isinstance(cls, URIRef) and str(cls).startswith(str(PKO)):
                p = str(prop)[len(str(PKO)):]
                assert f"#{str(cls)[len(str(PKO)):]}" in links[p], (p, prop_p, cls)
                n += 1
    assert n > 60


@pytest.mark.parametrize("lang", ontodoc.LANGS)
def test_definitions_are_shown(pages, owl, lang):
    text = norm(pages[lang])
    for iri in (PKO.Country, PKO.Dependency, PKO.dependsOnLayer):
        definition = [str(o) for o in owl.objects(iri, SKOS.definition) if o.language == lang][0]
        assert norm(definition.replace("'", "&#x27;")) in text or norm(definition) in text, (iri, definition)


@pytest.mark.parametrize("lang", ontodoc.LANGS)
def test_concept_schemes_and_concepts_are_documented(parsed, schemes, lang):
    page = parsed[lang]
    subjects = set(schemes.subjects(RDF.type, SKOS.ConceptScheme)) | set(schemes.subjects(SKOS.inScheme, None))
    assert len(subjects) > 60
    for iri in subjects:
        fid = str(iri).split("/id/", 1)[1].replace("/", "-")
        assert fid in page.heading, f"{iri} not documented on the {lang} page"
        assert norm(page.heading[fid]) == label(schemes, iri, lang)
    # the mappings between frameworks and the layers of a resource are links within the page
    assert "#element-compute" in page.links["layer-exec"]
    assert {"#layer-exec", "#element-compute", "#chain-chip"} <= set(page.links["resource-gpu"])


@pytest.mark.parametrize("lang", ontodoc.LANGS)
def test_no_external_scripts_stylesheets_or_fonts(pages, lang):
    page = pages[lang]
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<link\b[^>]*\bhref\s*=\s*[\"']?(https?:)?//", page, re.I)
    assert not re.search(r"@import|@font-face|url\(\s*[\"']?(https?:)?//", page, re.I)
    # the only script is inline JSON-LD, never executed
    assert re.findall(r"<script\b[^>]*>", page) == ['<script id="schema.org" type="application/ld+json">']


def test_korean_page_is_in_korean_and_the_pages_link_each_other(pages, parsed, owl):
    ko, en = pages["ko"], pages["en"]
    assert label(owl, PKO.Country, "ko") == "국가"
    assert norm(parsed["ko"].heading["Country"]).startswith("국가")
    assert norm(parsed["en"].heading["Country"]).startswith("country")
    assert "<h2>클래스</h2>" in ko and "<h2>Classes</h2>" in en and "<h2>개념 체계</h2>" in ko
    assert 'href="ontology.html"' in ko and 'href="ontology.ko.html"' in en
    assert "<title>policykg 온톨로지</title>" in ko and "<title>policykg ontology</title>" in en
    hangul = re.compile(r"[\uac00-\ud7a3]")
    ko_headings = list(parsed["ko"].heading.values())
    assert sum(bool(hangul.search(h)) for h in ko_headings) > 0.9 * len(ko_headings)
    assert not any(hangul.search(h) for h in parsed["en"].heading.values())


def test_render_is_deterministic_and_matches_the_written_page(pages):
    assert ontodoc.render("ko") == pages["ko"]
    ontodoc._render_cached.cache_clear()
    assert ontodoc.render("en") == pages["en"]


def test_a_missing_label_falls_back_and_bad_input_is_a_located_error(tmp_path: Path):
    for name in ontodoc.SOURCES:
        (tmp_path / name).write_text((ONTOLOGY_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    ttl = tmp_path / "policykg.ttl"
    text = ttl.read_text(encoding="utf-8")
    # remove the Korean labels of pko:Country: the Korean page shows the English one
    text = text.replace('rdfs:label "국가"@ko , "country"@en ; skos:prefLabel "국가"@ko , "country"@en ;',
                        'rdfs:label "country"@en ; skos:prefLabel "country"@en ;')
    assert '"국가"@ko' not in text
    ttl.write_text(text, encoding="utf-8")
    page = Page(ontodoc.render("ko", tmp_path))
    assert norm(page.heading["Country"]).startswith("country")
    with pytest.raises(BuildError, match="no ontology documentation in 'fr'"):
        ontodoc.render("fr", tmp_path)
    ttl.write_text("pko:Broken a owl:Class", encoding="utf-8")
    with pytest.raises(BuildError, match=r"policykg\.ttl: not valid Turtle"):
        ontodoc.render("en", tmp_path)
