"""Resource pages (kg.pages, kg.renderings) and the static linked-data site (kg.site); its
content negotiation in real web servers is tests/test_site_servers.py.

Expected values come from the store through the project's other named queries (fact-evidence,
layer-dependencies, label) or its quads, not from the code under test."""

from __future__ import annotations

import hashlib
import html
import random
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import rdflib

from kg import iris, pages, renderings, site
from kg.errors import BuildError

from .conftest import OTHER_BASE

ID = str(iris.ID)
PKO = str(iris.PKO)
JP = ID + "country/jp"
METI = ID + "agency/meti"


# ------------------------------------------------------------------ helpers
def local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def labels(engine, iri: str) -> dict[str, str]:
    import pyoxigraph as ox

    res = engine.run_named("label", {"s": iri})
    return {row[1].language: row[1].value for row in res.rows if isinstance(row[1], ox.Literal)}


def fact_evidence(engine, iri: str) -> list[dict]:
    res = engine.run_named("fact-evidence", {"entity": iri})
    return [{v: (t.value if t is not None else None) for v, t in zip(res.variables, row)} for row in res.rows]


def reified(store, claim: str, part: str) -> str:
    """The rdf:subject or rdf:object of a claim, from the store's quads."""
    import pyoxigraph as ox

    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    (q,) = {q.object for q in store.quads_for_pattern(ox.NamedNode(claim), ox.NamedNode(rdf + part), None, None)}
    return q.value


def resources_in_store(store) -> set[str]:
    """Every IRI under {BASE}id/ that is a subject or an object, straight from the quads."""
    import pyoxigraph as ox

    out = set()
    for q in store.quads_for_pattern(None, None, None, None):
        for t in (q.subject, q.object):
            if isinstance(t, ox.NamedNode) and t.value.startswith(ID):
                out.add(t.value)
    return out


class Links(HTMLParser):
    """Every href/src of a page, the text of its blockquotes, and the tags it uses."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.quotes: list[str] = []
        self._in_quote = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "href" in a:
            self.hrefs.append(a["href"])
        if "src" in a:
            self.srcs.append(a["src"])
        if tag == "blockquote":
            self._in_quote = True
            self.quotes.append("")

    def handle_endtag(self, tag):
        if tag == "blockquote":
            self._in_quote = False

    def handle_data(self, data):
        if self._in_quote:
            self.quotes[-1] += data


def parse_html(text: str) -> Links:
    p = Links()
    p.feed(text)
    return p


def tree_digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


# ------------------------------------------------------------------ descriptions and pages
@pytest.mark.slow
def test_country_page_has_labels_in_both_languages_and_every_fact_with_its_evidence(engine, store):
    d = pages.describe(store, JP)
    want = labels(engine, JP)
    assert want["en"] in d.labels["en"] and want["ko"] in d.labels["ko"]
    assert PKO + "Country" in d.types
    page = renderings.render_html(d)
    assert f"<h1>{html.escape(want['en'])}</h1>" in page and html.escape(want["ko"]) in page
    assert '<html lang="en">' in page

    rows = fact_evidence(engine, JP)
    claims = [r for r in rows if r["kind"] == PKO + "Claim" and r["relation"]]
    assert claims, "fact-evidence returned no claim about Japan"
    facts = {(f.subject.value, f.property, f.value.value): f for f in (*d.outgoing, *d.incoming)}
    for r in claims:
        key = (reified(store, r["fact"], "subject"), r["relation"], reified(store, r["fact"], "object"))
        assert key in facts, f"no row for the claim {r['fact']} {key}"
        ev = [e for e in facts[key].evidence if e.fact == r["fact"] and e.quote == r["quote"]]
        assert ev, f"the row for {r['fact']} lacks its quote"
        assert (ev[0].doc, ev[0].line_start, ev[0].line_end) == (r["doc"], int(r["lineStart"]), int(r["lineEnd"]))
        assert ev[0].status == r["status"]
    # one of them, as the page shows it: quote as text, document label, line range
    r = claims[0]
    assert html.escape(r["quote"]) in page
    assert html.escape(labels(engine, r["doc"])["en"]) in page
    rng = r["lineStart"] if r["lineStart"] == r["lineEnd"] else f"{r['lineStart']}–{r['lineEnd']}"
    assert f"lines {rng}" in page


@pytest.mark.slow
def test_dependency_node_shows_its_own_evidence_and_parties(engine, store):
    res = engine.run_named("layer-dependencies", {"country": "Japan"})
    row = dict(zip(res.variables, res.rows[0]))
    dep = row["dependency"].value
    d = pages.describe(store, dep)
    assert d.is_fact and PKO + "Dependency" in d.types
    assert any(e.quote == row["quote"].value and e.doc == row["doc"].value
               and e.line_start == int(row["lineStart"].value) for e in d.evidence)
    assert any(f.property == PKO + "dependent" and f.value.value == JP for f in d.outgoing)
    page = renderings.render_html(d)
    assert "Evidence of this fact" in page and html.escape(row["quote"].value) in page
    # the country's page shows the same evidence on its hasDependency row
    jp = pages.describe(store, JP)
    hd = [f for f in jp.outgoing if f.property == PKO + "hasDependency" and f.value.value == dep]
    assert hd and any(e.quote == row["quote"].value for e in hd[0].evidence)


@pytest.mark.slow
def test_agency_page_lists_incoming_facts_with_evidence(engine, store):
    d = pages.describe(store, METI)
    assert d.incoming
    rows = [r for r in fact_evidence(engine, METI)
            if r["kind"] == PKO + "Claim" and r["relation"] and reified(store, r["fact"], "object") == METI]
    incoming = {(f.subject.value, f.property): f for f in d.incoming}
    pointing = [r for r in rows if (reified(store, r["fact"], "subject"), r["relation"]) in incoming]
    assert pointing and len(pointing) == len(rows), "claims with the agency as object missing from the incoming facts"
    for r in pointing:
        key = (reified(store, r["fact"], "subject"), r["relation"])
        assert any(e.fact == r["fact"] and e.quote == r["quote"] for e in incoming[key].evidence)
    page = renderings.render_html(d, lang="ko")
    assert '<html lang="ko">' in page and "이 자원을 가리키는 사실" in page
    assert f"<h1>{html.escape(labels(engine, METI)['ko'])}</h1>" in page


@pytest.mark.slow
def test_claim_and_evidence_nodes_show_what_they_support(engine, store):
    r = next(r for r in fact_evidence(engine, JP) if r["kind"] == PKO + "Claim" and r["relation"])
    claim = pages.describe(store, r["fact"])
    (sup,) = claim.supports
    assert sup.fact == r["fact"] and sup.statement[1] == r["relation"]
    assert (sup.statement[0].value, sup.statement[2].value) == (reified(store, r["fact"], "subject"),
                                                                reified(store, r["fact"], "object"))
    ev_iri = claim.evidence[0].evidence
    ev = pages.describe(store, ev_iri)
    assert r["fact"] in {s.fact for s in ev.supports}
    assert r["fact"].rsplit("/", 1)[-1] in renderings.render_html(ev)


def test_unknown_iri_has_no_description(engine):
    assert pages.describe(engine.store, ID + "country/nowhere") is None


@pytest.mark.slow
def test_one_resource_and_the_bulk_describe_agree(store):
    every = {d.iri: d for d in pages.describe_all(store)}
    assert every.keys() == resources_in_store(store)
    rnd = random.Random(7)
    sample = rnd.sample(sorted(every), 25) + [JP, METI, ID + "doc/brief"]
    for iri in sample:
        assert pages.describe(store, iri) == every[iri], iri


# ------------------------------------------------------------------ escaping, on a tiny store
def tiny_store():
    import pyoxigraph as ox

    n = ox.NamedNode
    g = n(str(iris.graph("curated")))
    rdf, skos = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", str(iris.SKOS)
    xsd_int = n("http://www.w3.org/2001/XMLSchema#integer")
    x, y, claim, ev, doc = (n(ID + "country/xx"), n(ID + "agency/yy"), n(ID + "claim/0123456789abcdef"),
                            n(ID + "evidence/0123456789abcdef"), n(ID + "doc/test"))
    quads = [
        (x, n(rdf + "type"), n(PKO + "Country")),
        (x, n(skos + "prefLabel"), ox.Literal("<script>alert('x')</script> & co", language="en")),
        (x, n(skos + "prefLabel"), ox.Literal("<b>굵게</b>", language="ko")),
        (x, n(PKO + "cooperatesWith"), y),
        (y, n(skos + "prefLabel"), ox.Literal('Agency </td><td> "quoted"', language="en")),
        (claim, n(rdf + "type"), n(PKO + "Claim")),
        (claim, n(rdf + "subject"), x), (claim, n(rdf + "predicate"), n(PKO + "cooperatesWith")),
        (claim, n(rdf + "object"), y), (claim, n(PKO + "status"), n(ID + "status/curated")),
        (claim, n(PKO + "hasEvidence"), ev),
        (ev, n(rdf + "type"), n(PKO + "Evidence")),
        (ev, n(PKO + "quote"), ox.Literal('He said "<script>alert(1)</script>" & left \\ then\nnew line', language="en")),
        (ev, n(PKO + "inDocument"), doc),
        (ev, n(PKO + "lineStart"), ox.Literal("3", datatype=xsd_int)),
        (ev, n(PKO + "lineEnd"), ox.Literal("4", datatype=xsd_int)),
        (doc, n(skos + "prefLabel"), ox.Literal("Doc <i>x</i>", language="en")),
    ]
    st = ox.Store()
    st.bulk_extend([ox.Quad(s, p, o, g) for s, p, o in quads])
    return st


def test_markup_in_labels_and_quotes_is_shown_as_text():
    st = tiny_store()
    d = pages.describe(st, ID + "country/xx")
    page = renderings.render_html(d)
    assert "<script" not in page and "<b>" not in page and "<i>" not in page and "</td><td> " not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in page
    assert "&lt;b&gt;굵게&lt;/b&gt;" in page and "Doc &lt;i&gt;x&lt;/i&gt;" in page
    parsed = parse_html(page)
    assert parsed.quotes == ['He said "<script>alert(1)</script>" & left \\ then\nnew line']
    assert not [t for t, _a in parsed.tags if t in ("script", "b", "i")]
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<" not in title and "&lt;script&gt;" in title


def test_turtle_and_jsonld_keep_awkward_literals_exactly():
    st = tiny_store()
    for iri in (ID + "country/xx", ID + "evidence/0123456789abcdef"):
        d = pages.describe(st, iri)
        for text, fmt in ((renderings.turtle(d), "turtle"), (renderings.jsonld(d), "json-ld")):
            g = rdflib.Graph().parse(data=text, format=fmt)
            want = {(rdflib.URIRef(s.value), rdflib.URIRef(p),
                     rdflib.URIRef(o.value) if o.is_iri else rdflib.Literal(o.value, lang=o.lang or None,
                                                                            datatype=o.datatype or None))
                    for s, p, o in d.triples}
            assert set(g) == want, fmt


def test_invalid_base_is_refused(tmp_path):
    with pytest.raises(BuildError, match="base IRI"):
        site.write_site(tiny_store(), tmp_path / "site", base="kg.example.org")


def test_a_failed_site_leaves_the_previous_one(tmp_path, monkeypatch):
    st = tiny_store()
    out = tmp_path / "site"
    site.write_site(st, out)
    before = tree_digest(out)
    calls = []

    def broken(desc, **kw):
        calls.append(desc.iri)
        if len(calls) > 1:
            raise RuntimeError("disk full")
        return "<!DOCTYPE html>"

    monkeypatch.setattr(renderings, "render_html", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        site.write_site(st, out)
    assert tree_digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging folder left


# ------------------------------------------------------------------ the site
@pytest.mark.slow
def test_every_resource_has_its_three_files_and_indexes(store, built_site):
    out, stats = built_site
    want = resources_in_store(store)
    assert stats.resources == len(want)
    for iri in want:
        lid = iris.local_id(iri)
        for ext in ("html", "ttl", "jsonld"):
            assert (out / "id" / f"{lid}.{ext}").is_file(), f"{lid}.{ext}"
    kinds = {iris.local_id(i).split("/")[0] for i in want}
    assert all((out / "id" / k / "index.html").is_file() for k in kinds)
    top = (out / "id" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{k}/index.html"' in top for k in kinds)
    assert (out / ".htaccess").is_file() and (out / "nginx.conf.sample").is_file()
    assert not (out / "index.html").exists()  # the root is left to the rest of the publication
    assert sorted(p.name for p in out.parent.iterdir()) == ["policykg"]  # no staging folder left


@pytest.mark.slow
def test_pages_link_only_to_existing_files_and_load_nothing_external(built_site):
    out, _stats = built_site
    pages_all = sorted((out / "id").rglob("*.html"))
    for p in pages_all:  # every page: no script, no external stylesheet, nothing loaded
        text = p.read_text(encoding="utf-8")
        assert "<script" not in text, p
        assert not re.search(r'<link[^>]+rel="stylesheet"', text), p
        assert " src=" not in text, p
    rnd = random.Random(3)
    sample = [out / "id" / f"{x}.html" for x in ("country/jp", "agency/meti", "doc/kiep", "index", "country/index")]
    sample += rnd.sample(pages_all, 40)
    for p in sample:
        parsed = parse_html(p.read_text(encoding="utf-8"))
        assert parsed.hrefs, p
        for href in parsed.hrefs:
            if re.match(r"[a-z]+:", href):
                own = ID + str(p.relative_to(out / "id").with_suffix("")) if p.stem != "index" else None
                assert not href.startswith(ID) or href == own, f"{p}: absolute link into the site {href}"
                continue
            target = (p.parent / href.split("#", 1)[0]).resolve()
            assert target.is_file(), f"{p}: broken link {href}"


@pytest.mark.slow
def test_rdf_files_parse_and_hold_the_resource_statements(store, built_site):
    import pyoxigraph as ox

    out, _stats = built_site
    for lid in ("country/jp", "agency/meti", "dependency/" + next(
            p.stem for p in sorted((out / "id" / "dependency").glob("*.ttl")))):
        iri = ID + lid
        own = set()
        for q in store.quads_for_pattern(ox.NamedNode(iri), None, None, None):
            o = q.object
            obj = rdflib.URIRef(o.value) if isinstance(o, ox.NamedNode) else rdflib.Literal(
                o.value, lang=o.language, datatype=None if o.language else o.datatype.value)
            own.add((rdflib.URIRef(iri), rdflib.URIRef(q.predicate.value), obj))
        for ext, fmt in (("ttl", "turtle"), ("jsonld", "json-ld")):
            g = rdflib.Graph().parse(out / "id" / f"{lid}.{ext}", format=fmt)
            missing = own - set(g)
            assert not missing, f"{lid}.{ext} lacks {sorted(missing)[:3]}"
            if lid == "country/jp":  # with the claims behind its facts and their evidence
                assert any(p == rdflib.URIRef(PKO + "quote") for _s, p, _o in g)


@pytest.mark.slow
def test_site_bytes_are_deterministic(store, built_site, tmp_path):
    out, _stats = built_site
    again = tmp_path / "again"
    site.write_site(store, again)
    assert tree_digest(again) == tree_digest(out)


@pytest.mark.slow
def test_rebased_site_rewrites_our_iris_and_leaves_foreign_ones(rebased_site):
    out = rebased_site
    for ext in ("html", "ttl", "jsonld"):
        text = (out / "id" / f"country/jp.{ext}").read_text(encoding="utf-8")
        assert iris.BASE not in text, ext
        assert OTHER_BASE + "id/country/jp" in text or ext == "ttl" and "<" + OTHER_BASE in text
        assert "http://www.wikidata.org/entity/Q17" in text, ext
    g = rdflib.Graph().parse(out / "id" / "country/jp.ttl", format="turtle")
    jp = rdflib.URIRef(OTHER_BASE + "id/country/jp")
    assert (jp, rdflib.RDF.type, rdflib.URIRef(OTHER_BASE + "ontology#Country")) in g
    assert (jp, rdflib.URIRef(str(iris.SKOS) + "exactMatch"), rdflib.URIRef("http://www.wikidata.org/entity/Q17")) in g
    offenders = [p for p in out.rglob("*") if p.is_file() and iris.BASE.encode() in p.read_bytes()]
    assert not offenders, offenders[:5]
    assert "location ^~ /id/" in (out / "nginx.conf.sample").read_text(encoding="utf-8")
    assert "RewriteBase /\n" in (out / ".htaccess").read_text(encoding="utf-8")
