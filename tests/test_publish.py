"""`policykg export`: dumps, DCAT-AP catalogue (official SEMIC shapes), VoID, PROV-O, rebasing, atomicity."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, RDFS, SH, VOID, XSD

from kg import iris

pytestmark = pytest.mark.slow

VALIDATORS = Path(__file__).resolve().parent / "data" / "validators"
SHAPES = VALIDATORS / "dcat-ap-3.0.0"
FILE_TYPES = VALIDATORS / "vocab" / "file-type-20230315-0.rdf"
OTHER_BASE = "https://kg.example.org/policykg/"
RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdf": "xml"}


@pytest.fixture(scope="module")
def exported(build_base, tmp_path_factory):
    from kg.publish import export

    def run(name: str, **kw):
        return export(tmp_path_factory.mktemp(name) / "site", site=False, docs=False, build=build_base, **kw)

    endpoint = "http://127.0.0.1:8000/sparql"
    return run("export", endpoint=endpoint), run("export2", endpoint=endpoint), \
        run("export3", base=OTHER_BASE, formats=["ttl", "nt"])


def _shacl(data: Graph, shapes: str, inference: str = "none", extra: Path | None = None) -> Graph:
    from pyshacl import validate

    g = Graph() + data
    if extra:
        g.parse(extra)
    _, report, _ = validate(g, shacl_graph=Graph().parse(SHAPES / shapes), inference=inference)
    return report


def _violations(report: Graph) -> list[tuple[str, str, str]]:
    return [(str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath)), str(report.value(r, SH.resultMessage)))
            for r in report.objects(None, SH.result) if (r, SH.resultSeverity, SH.Violation) in report]


def test_every_dump_parses_and_holds_the_store(exported, engine):
    report = exported[0]
    union = int(engine.run_named("void-totals").rows[0][0].value)
    per_graph = {r[0].value.rsplit("/", 1)[-1]: int(r[1].value) for r in engine.run_named("void-graphs").rows}
    seen = set()
    for d in report.dumps:
        path = report.out / d.path
        assert path.stat().st_size == d.size > 0
        if d.ext in ("nq", "trig"):
            ds = Dataset()
            ds.parse(path, format="nquads" if d.ext == "nq" else "trig")
            assert sum(1 for _ in ds.quads((None, None, None, None))) == d.triples == union
            continue
        g = Graph().parse(path, format=RDFLIB_FORMATS[d.ext])
        expected = union if d.graph is None else per_graph[d.graph]
        assert len(g) == d.triples == expected, d.path
        seen.add((d.graph, d.ext))
    assert {(g, e) for g in (None, *iris.GRAPH_NAMES) for e in RDFLIB_FORMATS} <= seen
    jp = URIRef(iris.entity("country/jp"))
    turtle = Graph().parse(report.out / "dump" / "graphs" / "curated.ttl")
    assert Literal("일본", lang="ko") in set(turtle.objects(jp, RDFS.label))


def test_dumps_are_byte_identical_for_the_same_graph(exported):
    first, again, _ = exported
    for d in first.dumps:
        assert (first.out / d.path).read_bytes() == (again.out / d.path).read_bytes(), d.path
    assert (first.out / "void.ttl").read_bytes() == (again.out / "void.ttl").read_bytes()


def test_another_base_rewrites_our_iris_and_only_ours(exported):
    rebased = exported[2]
    text = (rebased.out / "dump" / "policykg.nt").read_text(encoding="utf-8")
    assert iris.BASE not in text
    assert f"<{OTHER_BASE}id/country/jp>" in text and f"<{OTHER_BASE}ontology#Country>" in text
    assert "<http://www.wikidata.org/entity/Q17>" in text  # a foreign IRI is left alone
    cat = Graph().parse(rebased.out / "catalog.ttl")
    urls = {str(u) for u in cat.objects(None, DCAT.downloadURL)}
    assert urls and all(u.startswith(OTHER_BASE + "dump/") for u in urls)
    assert {d.ext for d in rebased.dumps} == {"ttl", "nt"}


def test_catalogue_conforms_to_the_official_dcat_ap_shapes(exported):
    cat = Graph().parse(exported[0].out / "catalog.ttl")
    assert _violations(_shacl(cat, "shapes.ttl")) == []
    assert _violations(_shacl(cat, "range.ttl")) == []
    # controlled vocabularies, with the EU file-type table loaded (warnings allowed: our publisher is
    # not in the EU corporate-body list)
    assert _violations(_shacl(cat, "mdr-vocabularies.shape.ttl", extra=FILE_TYPES)) == []
    assert _violations(_shacl(cat, "deprecateduris.ttl")) == []
    # the generated 'one shape per constraint' file of the same release wants dcat:byteSize as
    # xsd:nonNegativeInteger where shapes.ttl (the testbed's profile) wants xsd:decimal: that is its
    # only complaint
    other = _violations(_shacl(cat, "dcat-ap-SHACL.ttl", inference="rdfs"))
    assert {path for _, path, _ in other} <= {str(DCAT.byteSize)}


def test_the_shapes_do_catch_a_broken_catalogue(exported):
    cat = Graph().parse(exported[0].out / "catalog.ttl")
    catalog = next(cat.subjects(RDF.type, DCAT.Catalog))
    cat.remove((catalog, DCTERMS.description, None))
    dist = next(cat.subjects(RDF.type, DCAT.Distribution))
    cat.remove((dist, DCAT.accessURL, None))
    found = {(f, p) for f, p, _ in _violations(_shacl(cat, "shapes.ttl"))}
    assert (str(catalog), str(DCTERMS.description)) in found and (str(dist), str(DCAT.accessURL)) in found


def test_catalogue_describes_each_dump_in_both_languages(exported):
    report = exported[0]
    cat = Graph().parse(report.out / "catalog.ttl")
    ds = next(cat.subjects(RDF.type, DCAT.Dataset))
    for s in (next(cat.subjects(RDF.type, DCAT.Catalog)), ds):
        for p in (DCTERMS.title, DCTERMS.description):
            assert {o.language for o in cat.objects(s, p)} == {"en", "ko"}
    dists = list(cat.objects(ds, DCAT.distribution))
    assert len(dists) == len(report.dumps)
    for dist in dists:
        url = str(cat.value(dist, DCAT.downloadURL))
        path = report.out / url[len(iris.BASE):]
        assert path.is_file(), url
        assert int(cat.value(dist, DCAT.byteSize)) == path.stat().st_size
        assert cat.value(dist, DCAT.mediaType) is not None and cat.value(dist, DCTERMS.license) is not None
        assert {o.language for o in cat.objects(dist, DCTERMS.title)} == {"en", "ko"}
        fmt = cat.value(dist, DCTERMS.format)
        assert (fmt, None, None) in Graph().parse(FILE_TYPES), fmt  # a real EU file-type code
    svc = next(cat.subjects(RDF.type, DCAT.DataService))
    assert str(cat.value(svc, DCAT.endpointURL)) == "http://127.0.0.1:8000/sparql"


def _terms(g: Graph, ns: str) -> set[URIRef]:
    return {t for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(ns)}


def test_void_uses_only_void_terms_with_their_ranges_and_matches_the_store(exported, engine):
    vocab = Graph().parse(VALIDATORS / "vocab" / "void.ttl")
    void = Graph().parse(exported[0].out / "void.ttl")
    used = _terms(void, str(VOID))
    assert used and not used - set(vocab.subjects()), used - set(vocab.subjects())
    for p in {p for p in void.predicates() if str(p).startswith(str(VOID))}:
        rng = vocab.value(p, RDFS.range)
        for o in void.objects(None, p):
            if rng == XSD.integer:
                assert isinstance(o, Literal) and o.datatype == XSD.integer, (p, o)
            elif rng is not None and rng != RDFS.Literal:
                assert isinstance(o, URIRef), (p, o)
    ds = next(void.subjects(RDF.type, VOID.Dataset))
    totals = dict(zip(engine.run_named("void-totals").variables, engine.run_named("void-totals").rows[0]))
    assert int(void.value(ds, VOID.triples)) == int(totals["triples"].value)
    assert int(void.value(ds, VOID.entities)) == int(totals["entities"].value) > 1000
    assert str(void.value(ds, VOID.sparqlEndpoint)) == "http://127.0.0.1:8000/sparql"
    subsets = list(void.objects(ds, VOID.subset))
    assert sum(int(void.value(s, VOID.triples)) for s in subsets) >= int(totals["triples"].value)
    examples = set(void.objects(ds, VOID.exampleResource))
    assert iris.entity("country/jp") in examples
    country = next(p for p in void.objects(ds, VOID.classPartition)
                   if void.value(p, VOID["class"]) == iris.PKO.Country)
    n_countries = engine.select("PREFIX pko: <https://w3id.org/policykg/ontology#> "
                                "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a pko:Country }").rows[0][0]
    assert int(void.value(country, VOID.entities)) == int(n_countries.value)


def test_provenance_names_the_documents_stages_and_counts(exported, engine):
    vocab = Graph().parse(VALIDATORS / "vocab" / "prov-o.ttl")
    prov = Graph().parse(exported[0].out / "prov.ttl")
    used = _terms(prov, str(PROV))
    assert not used - set(vocab.subjects()), used - set(vocab.subjects())
    build = next(s for s in prov.subjects(RDF.type, PROV.Activity) if (s, PROV.startedAtTime, None) in prov)
    assert prov.value(build, PROV.startedAtTime).toPython() <= prov.value(build, PROV.endedAtTime).toPython()
    docs = {iris.document("kiep"), iris.document("brief")}
    assert docs <= set(prov.objects(build, PROV.used))
    per_graph = {r[0].value: int(r[1].value) for r in engine.run_named("void-graphs").rows}
    for name in iris.GRAPH_NAMES:
        g = iris.graph(name)
        activity = prov.value(g, PROV.wasGeneratedBy)
        assert (activity, RDF.type, PROV.Activity) in prov and (activity, PROV.generated, g) in prov
        assert int(prov.value(g, VOID.triples)) == per_graph[str(g)]
    claims = [p for p in prov.objects(iris.graph("curated"), VOID.classPartition)
              if prov.value(p, VOID["class"]) == iris.PKO.Claim]
    assert claims and int(prov.value(claims[0], VOID.entities)) > 100


def test_a_failed_export_leaves_the_previous_one(exported, build_base):
    from kg.export import ExportError
    from kg.publish import export

    out = exported[0].out
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    with pytest.raises(ExportError, match="not a format"):
        export(out, site=False, docs=False, formats=["ttl", "xlsx"], build=build_base)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert not [p for p in out.parent.iterdir() if "staging" in p.name]


def test_export_cli_and_its_errors(cli, tmp_path):
    proc = cli("export", "--out", str(tmp_path / "x"), "--no-site", "--no-docs", "--format", "ttl,nq")
    assert "dump/policykg.ttl" in proc.stdout and (tmp_path / "x" / "dump" / "policykg.nq").is_file()
    bad = cli("export", "--out", str(tmp_path / "y"), "--base", "ftp://example.org/", check=False)
    assert bad.returncode == 2 and "--base" in bad.stderr and "ending in '/'" in bad.stderr
    settings = tmp_path / "dataset.yaml"
    settings.write_text("title: {en: x, ko: 엑스}\n", encoding="utf-8")
    bad = cli("export", "--out", str(tmp_path / "z"), "--metadata", str(settings), check=False)
    assert bad.returncode == 2 and "dataset.yaml" in bad.stderr and "missing" in bad.stderr
    assert not (tmp_path / "y").exists() and not (tmp_path / "z").exists()


def test_full_export_is_a_site_a_plain_web_server_can_serve(cli, tmp_path):
    import re

    out = tmp_path / "site"
    cli("export", "--out", str(out), "--format", "ttl")
    for rel in ("index.html", "id/index.html", "id/country/jp.html", "id/country/jp.ttl", "id/country/jp.jsonld",
                "ontology.html", "ontology.ko.html", "ontology.ttl", "catalog.ttl", "void.ttl", ".well-known/void",
                "prov.ttl", ".htaccess", "nginx.conf.sample", "dump/policykg.ttl"):
        assert (out / rel).is_file(), rel
    landing = (out / "index.html").read_text(encoding="utf-8")
    for href in re.findall(r'href="([^"#:]+)"', landing):
        assert (out / href).is_file(), href
    assert "국가" in (out / "ontology.ko.html").read_text(encoding="utf-8")
