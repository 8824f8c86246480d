"""What portals read about the dataset: a DCAT-AP 3.0 catalogue, a VoID description and the PROV-O
record of the build.

- ``catalog(...)``: one ``dcat:Catalog``, one ``dcat:Dataset``, one ``dcat:Distribution`` per dump
  (media type, EU file-type, licence, size, dates, titles and descriptions in ko and en) and, when an
  endpoint URL is given, a ``dcat:DataService``. It conforms to SEMIC's official DCAT-AP 3.0.0 SHACL
  shapes (tests/test_publish.py validates it with pyshacl). The code-list concepts it uses
  (file types, languages, themes...) are typed and placed in their EU authority scheme in the
  catalogue itself, as the range and controlled-vocabulary shapes expect.
- ``void(...)``: triples, entities, distinct subjects/objects, classes and properties with class
  and property partitions, one subset per named graph, example resources, URI space, vocabularies,
  dumps and the SPARQL endpoint when served. Counts come from ``queries/stats/void-*.rq``.
- ``provenance(...)``: the build as a ``prov:Activity`` (times, software and pipeline versions),
  its stages, the documents and curated files it used, and what each named graph holds.

Text and settings come from ``kg/dataset.yaml`` (or a user's copy): title, publisher, licence...
Every IRI is minted with the default base and moved to the publishing base at serialisation.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

from . import __version__, iris
from .errors import PolicyKGError
from .export import Dump
from .paths import PACKAGE_DIR, REPO_DIR

DATASET_YAML = PACKAGE_DIR / "dataset.yaml"
AUTHORITY = "http://publications.europa.eu/resource/authority/"
FILE_TYPE = Namespace(AUTHORITY + "file-type/")
IANA = "http://www.iana.org/assignments/media-types/"
SPARQL_PROTOCOL = URIRef("https://www.w3.org/TR/sparql11-protocol/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
FORMATS_NS = "http://www.w3.org/ns/formats/"
W3C_FORMATS = {"ttl": "Turtle", "nt": "N-Triples", "jsonld": "JSON-LD", "rdf": "RDF_XML", "nq": "N-Quads",
               "trig": "TriG"}
FORMAT_NAMES = {"ttl": "Turtle", "nt": "N-Triples", "jsonld": "JSON-LD", "rdf": "RDF/XML", "nq": "N-Quads",
                "trig": "TriG"}
GRAPH_TITLES = {
    None: ("all graphs", "전체 그래프"),
    "ontology": ("ontology and concept schemes", "온톨로지와 개념 체계"),
    "curated": ("curated facts", "큐레이션한 사실"),
    "extracted": ("facts extracted from the text", "본문에서 추출한 사실"),
    "inferred": ("facts inferred by the reasoner", "추론기가 도출한 사실"),
}
# English labels of the EU authority-table concepts policykg uses (the shapes want a skos:prefLabel)
CONCEPT_LABELS = {
    "file-type/RDF_TURTLE": "RDF Turtle", "file-type/RDF_N_TRIPLES": "RDF N-Triples", "file-type/JSON_LD": "JSON-LD",
    "file-type/RDF_XML": "RDF/XML", "file-type/RDF_N_QUADS": "RDF N-Quads", "file-type/RDF_TRIG": "RDF TriG",
    "data-theme/TECH": "Science and technology", "data-theme/GOVE": "Government and public sector",
    "language/KOR": "Korean", "language/ENG": "English", "access-right/PUBLIC": "public",
    "frequency/IRREG": "irregular",
}
REQUIRED = ("title", "description", "catalog_title", "catalog_description", "publisher", "license", "issued")


class MetadataError(PolicyKGError):
    pass


def meta(fragment: str) -> URIRef:
    """IRIs of the dataset description: ``{BASE}catalog#fragment`` (``catalog`` itself for '')."""
    return URIRef(f"{iris.BASE}catalog" + (f"#{fragment}" if fragment else ""))


def load_settings(path: Path | None = None) -> dict[str, Any]:
    """The dataset's title, publisher, licence... from ``kg/dataset.yaml`` or the user's copy."""
    import yaml

    path = path or DATASET_YAML
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise MetadataError(f"{path}: cannot read the dataset settings ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise MetadataError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise MetadataError(f"{path}: expected a mapping of settings (see kg/dataset.yaml)")
    missing = [k for k in REQUIRED if not data.get(k)]
    if missing:
        raise MetadataError(f"{path}: missing {', '.join(missing)} (see kg/dataset.yaml for every setting)")
    for key in ("title", "description", "catalog_title", "catalog_description"):
        if not isinstance(data[key], dict) or not {"en", "ko"} <= set(data[key]):
            raise MetadataError(f"{path}: {key} needs an `en` and a `ko` text")
    if not str(data["license"]).startswith(("http://", "https://")):
        raise MetadataError(f"{path}: license must be the IRI of a licence, e.g. "
                            "https://creativecommons.org/licenses/by/4.0/")
    data["issued"] = str(data["issued"])
    return data


def _texts(g: Graph, s, p, texts: dict[str, str]) -> None:
    for lang in ("en", "ko"):
        if texts.get(lang):
            g.add((s, p, Literal(" ".join(str(texts[lang]).split()), lang=lang)))


def _concept(g: Graph, table: str, code: str, cls: URIRef) -> URIRef:
    """An EU authority-table concept, typed and placed in its scheme as the DCAT-AP shapes check."""
    c = URIRef(f"{AUTHORITY}{table}/{code}")
    g.add((c, RDF.type, cls))
    g.add((c, RDF.type, SKOS.Concept))
    g.add((c, SKOS.inScheme, URIRef(AUTHORITY + table)))
    g.add((c, SKOS.prefLabel, Literal(CONCEPT_LABELS.get(f"{table}/{code}", code), lang="en")))
    return c


def _date(value: str) -> Literal:
    return Literal(value, datatype=XSD.dateTime if "T" in value else XSD.date)


def catalog(settings: dict[str, Any], dumps: Sequence[Dump], summary: dict[str, Any], *,
            base: str = iris.BASE, endpoint: str | None = None) -> Graph:
    """The DCAT-AP catalogue of the dataset and its dumps."""
    g = Graph()
    cat, ds, pub, contact = meta(""), meta("dataset"), meta("publisher"), meta("contact")
    lic = URIRef(settings["license"])
    issued = _date(settings["issued"])
    modified = _date(summary.get("finished") or settings["issued"])
    g.add((lic, RDF.type, DCTERMS.LicenseDocument))

    g.add((cat, RDF.type, DCAT.Catalog))
    _texts(g, cat, DCTERMS.title, settings["catalog_title"])
    _texts(g, cat, DCTERMS.description, settings["catalog_description"])
    g.add((cat, DCTERMS.publisher, pub))
    g.add((cat, DCTERMS.license, lic))
    g.add((cat, DCTERMS.issued, issued))
    g.add((cat, DCTERMS.modified, modified))
    g.add((cat, FOAF.homepage, _document(g, URIRef(base))))
    g.add((cat, DCAT.dataset, ds))
    themes = URIRef(AUTHORITY + "data-theme")
    g.add((themes, RDF.type, SKOS.ConceptScheme))
    g.add((themes, DCTERMS.title, Literal("Data theme", lang="en")))
    g.add((cat, DCAT.themeTaxonomy, themes))

    g.add((pub, RDF.type, FOAF.Agent))
    _texts(g, pub, FOAF.name, settings["publisher"]["name"])
    if settings["publisher"].get("homepage"):
        g.add((pub, FOAF.homepage, _document(g, URIRef(settings["publisher"]["homepage"]))))

    g.add((ds, RDF.type, DCAT.Dataset))
    _texts(g, ds, DCTERMS.title, settings["title"])
    _texts(g, ds, DCTERMS.description, settings["description"])
    g.add((ds, DCTERMS.publisher, pub))
    g.add((ds, DCTERMS.issued, issued))
    g.add((ds, DCTERMS.modified, modified))
    g.add((ds, DCAT.landingPage, _document(g, URIRef(base))))
    g.add((ds, DCTERMS.identifier, Literal(f"{base}catalog#dataset")))
    if summary.get("content_digest"):
        g.add((ds, URIRef(str(DCAT) + "version"), Literal(f"{summary.get('version', __version__)}+{summary['content_digest']}")))
    for lang, words in (settings.get("keywords") or {}).items():
        for w in words:
            g.add((ds, DCAT.keyword, Literal(w, lang=lang)))
    for code in settings.get("themes") or ():
        g.add((ds, DCAT.theme, _concept(g, "data-theme", code, SKOS.Concept)))
    languages = [_concept(g, "language", code, DCTERMS.LinguisticSystem) for code in settings.get("languages") or ()]
    for lang in languages:
        g.add((ds, DCTERMS.language, lang))
    if settings.get("access_rights"):
        g.add((ds, DCTERMS.accessRights, _concept(g, "access-right", settings["access_rights"],
                                                   DCTERMS.RightsStatement)))
    if settings.get("frequency"):
        g.add((ds, DCTERMS.accrualPeriodicity, _concept(g, "frequency", settings["frequency"], DCTERMS.Frequency)))
    if settings.get("contact"):
        g.add((contact, RDF.type, VCARD.Kind))
        _texts(g, contact, VCARD.fn, settings["contact"].get("name") or {})
        if settings["contact"].get("url"):
            g.add((contact, VCARD.hasURL, URIRef(settings["contact"]["url"])))
        if settings["contact"].get("email"):
            g.add((contact, VCARD.hasEmail, URIRef(f"mailto:{settings['contact']['email']}")))
        g.add((ds, DCAT.contactPoint, contact))
    g.add((ds, PROV.wasGeneratedBy, build_activity(summary)))
    g.add((build_activity(summary), RDF.type, PROV.Activity))
    rights = None
    if settings.get("rights"):
        rights = meta("rights")
        g.add((rights, RDF.type, DCTERMS.RightsStatement))
        _texts(g, rights, RDFS.label, settings["rights"])

    for d in dumps:
        dist = meta(distribution_fragment(d))
        url = URIRef(f"{base}{d.path.as_posix()}")
        en, ko = GRAPH_TITLES[d.graph]
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(f"{FORMAT_NAMES[d.ext]} dump: {en}", lang="en")))
        g.add((dist, DCTERMS.title, Literal(f"{FORMAT_NAMES[d.ext]} 덤프: {ko}", lang="ko")))
        g.add((dist, DCTERMS.description, Literal(
            f"{d.triples} {'quads' if d.ext in ('nq', 'trig') else 'triples'} ({en}) in {FORMAT_NAMES[d.ext]}, "
            "sorted, byte-identical for the same graph.", lang="en")))
        g.add((dist, DCTERMS.description, Literal(
            f"{ko} {d.triples}개 {'쿼드' if d.ext in ('nq', 'trig') else '트리플'}, {FORMAT_NAMES[d.ext]} 형식, "
            "정렬되어 같은 그래프는 같은 바이트로 기록됨.", lang="ko")))
        g.add((dist, DCAT.accessURL, url))
        g.add((dist, DCAT.downloadURL, url))
        g.add((dist, DCTERMS.format, _concept(g, "file-type", d.file_type, DCTERMS.MediaTypeOrExtent)))
        media = URIRef(IANA + d.media_type)
        g.add((media, RDF.type, DCTERMS.MediaType))
        g.add((dist, DCAT.mediaType, media))
        g.add((dist, DCTERMS.license, lic))
        if rights is not None:
            g.add((dist, DCTERMS.rights, rights))
        g.add((dist, DCAT.byteSize, Literal(str(d.size), datatype=XSD.decimal)))
        g.add((dist, DCTERMS.issued, issued))
        g.add((dist, DCTERMS.modified, modified))
        for lang in languages:
            g.add((dist, DCTERMS.language, lang))

    if endpoint:
        svc = meta("sparql")
        g.add((cat, DCAT.service, svc))
        g.add((svc, RDF.type, DCAT.DataService))
        g.add((svc, DCTERMS.title, Literal("SPARQL 1.1 endpoint", lang="en")))
        g.add((svc, DCTERMS.title, Literal("SPARQL 1.1 엔드포인트", lang="ko")))
        g.add((svc, DCAT.endpointURL, URIRef(endpoint)))
        g.add((svc, DCAT.servesDataset, ds))
        g.add((svc, DCTERMS.conformsTo, SPARQL_PROTOCOL))
        g.add((SPARQL_PROTOCOL, RDF.type, DCTERMS.Standard))
        g.add((svc, DCTERMS.license, lic))
    return g


def _document(g: Graph, iri: URIRef) -> URIRef:
    g.add((iri, RDF.type, FOAF.Document))
    return iri


def distribution_fragment(d: Dump) -> str:
    return f"dist-{d.graph or 'all'}-{d.ext}"


def build_activity(summary: dict[str, Any]) -> URIRef:
    return meta(f"build-{summary.get('content_digest') or 'unknown'}")


# ------------------------------------------------------------------ VoID
def void(engine, settings: dict[str, Any], dumps: Sequence[Dump], *, base: str = iris.BASE,
         endpoint: str | None = None) -> Graph:
    """The VoID description: statistics, partitions, subsets per named graph, access points."""
    g = Graph()
    ds = meta("dataset")
    g.add((ds, RDF.type, VOID.Dataset))
    _texts(g, ds, DCTERMS.title, settings["title"])
    tot = _row(engine.run_named("void-totals"))
    for key, prop in (("triples", VOID.triples), ("entities", VOID.entities), ("subjects", VOID.distinctSubjects),
                      ("objects", VOID.distinctObjects), ("classes", VOID.classes), ("properties", VOID.properties)):
        g.add((ds, prop, Literal(int(tot[key]), datatype=XSD.integer)))
    g.add((ds, VOID.uriSpace, Literal(f"{iris.BASE}id/")))
    g.add((ds, VOID.uriRegexPattern, Literal("^" + iris.BASE.replace(".", r"\.") + "id/")))
    g.add((ds, DCTERMS.license, URIRef(settings["license"])))
    g.add((ds, FOAF.homepage, URIRef(base)))
    if endpoint:
        g.add((ds, VOID.sparqlEndpoint, URIRef(endpoint)))
    for d in dumps:
        if d.graph is None:
            g.add((ds, VOID.dataDump, URIRef(f"{base}{d.path.as_posix()}")))
            g.add((ds, VOID.feature, URIRef(FORMATS_NS + W3C_FORMATS[d.ext])))
    g.add((ds, VOID.rootResource, meta("")))

    for ex in settings.get("examples") or ():
        if iris.is_valid_id(ex) and _exists(engine, iris.entity(ex)):
            g.add((ds, VOID.exampleResource, iris.entity(ex)))

    vocabularies: set[str] = set()
    for row in engine.run_named("void-classes").rows:
        cls, n = row[0].value, int(row[1].value)
        part = meta("class-" + _slug(cls))
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(n, datatype=XSD.integer)))
        vocabularies.add(_namespace(cls))
    for row in engine.run_named("void-properties").rows:
        prop, n, subj, obj = row[0].value, *(int(t.value) for t in row[1:4])
        part = meta("property-" + _slug(prop))
        g.add((ds, VOID.propertyPartition, part))
        g.add((part, VOID.property, URIRef(prop)))
        g.add((part, VOID.triples, Literal(n, datatype=XSD.integer)))
        g.add((part, VOID.distinctSubjects, Literal(subj, datatype=XSD.integer)))
        g.add((part, VOID.distinctObjects, Literal(obj, datatype=XSD.integer)))
        vocabularies.add(_namespace(prop))
    for ns in sorted(v for v in vocabularies if v):
        g.add((ds, VOID.vocabulary, URIRef(ns)))
    for row in engine.run_named("void-graphs").rows:
        graph, n, subj, props = row[0].value, *(int(t.value) for t in row[1:4])
        sub = URIRef(graph)
        g.add((ds, VOID.subset, sub))
        g.add((sub, RDF.type, VOID.Dataset))
        g.add((sub, VOID.triples, Literal(n, datatype=XSD.integer)))
        g.add((sub, VOID.distinctSubjects, Literal(subj, datatype=XSD.integer)))
        g.add((sub, VOID.properties, Literal(props, datatype=XSD.integer)))
        short = graph.rsplit("/", 1)[-1]
        for lang, text in zip(("en", "ko"), GRAPH_TITLES.get(short, (short, short))):
            g.add((sub, DCTERMS.title, Literal(f"policykg: {text}", lang=lang)))
        for d in dumps:
            if d.graph == short:
                g.add((sub, VOID.dataDump, URIRef(f"{base}{d.path.as_posix()}")))
    return g


def _row(result) -> dict[str, str]:
    return {v: (t.value if t is not None else "0") for v, t in zip(result.variables, result.rows[0])}


def _exists(engine, iri: URIRef) -> bool:
    import pyoxigraph as ox

    return next(iter(engine.store.quads_for_pattern(ox.NamedNode(str(iri)), None, None)), None) is not None


def _slug(iri: str) -> str:
    local = iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    safe = "".join(ch if ch.isalnum() else "-" for ch in local)[:40]
    return f"{safe}-{hashlib.sha256(iri.encode('utf-8')).hexdigest()[:8]}"


def _namespace(iri: str) -> str:
    if "#" in iri:
        return iri.rsplit("#", 1)[0] + "#"
    return iri.rsplit("/", 1)[0] + "/"


# ------------------------------------------------------------------ PROV-O
PIPELINE_FILES = ("ingest/pipelines/ko.cfg", "ingest/pipelines/en.cfg")
LIBRARIES = ("spacy", "kiwipiepy", "owlready2", "pyoxigraph", "rdflib", "pyshacl")


def provenance(engine, summary: dict[str, Any], curated_files: Sequence[Path] = ()) -> Graph:
    """The PROV-O record of the build that made the dataset."""
    g = Graph()
    build = build_activity(summary)
    ds = meta("dataset")
    software = meta(f"software-{summary.get('version', __version__)}")
    g.add((build, RDF.type, PROV.Activity))
    g.add((build, RDFS.label, Literal(f"policykg build {summary.get('release', '')}".strip(), lang="en")))
    g.add((build, RDFS.label, Literal(f"policykg 빌드 {summary.get('release', '')}".strip(), lang="ko")))
    if summary.get("started"):
        g.add((build, PROV.startedAtTime, Literal(summary["started"], datatype=XSD.dateTime)))
    if summary.get("finished"):
        g.add((build, PROV.endedAtTime, Literal(summary["finished"], datatype=XSD.dateTime)))
    g.add((build, PROV.wasAssociatedWith, software))
    g.add((software, RDF.type, PROV.SoftwareAgent))
    g.add((software, RDFS.label, Literal(f"policykg {summary.get('version', __version__)}")))
    g.add((software, OWL.versionInfo, Literal(summary.get("version", __version__))))
    for lib in LIBRARIES:
        try:
            version = importlib_metadata.version(lib)
        except importlib_metadata.PackageNotFoundError:
            continue
        g.add((software, DCTERMS.requires, Literal(f"{lib} {version}")))

    g.add((ds, RDF.type, PROV.Entity))
    g.add((ds, PROV.wasGeneratedBy, build))
    if summary.get("finished"):
        g.add((ds, PROV.generatedAtTime, Literal(summary["finished"], datatype=XSD.dateTime)))

    stages = {}
    for stage in ("curate", "extract", "reason"):
        act = meta(f"{stage}-{summary.get('content_digest') or 'unknown'}")
        stages[stage] = act
        g.add((act, RDF.type, PROV.Activity))
        g.add((act, DCTERMS.isPartOf, build))
        g.add((act, RDFS.label, Literal(f"{stage} ({summary.get('release', '')})", lang="en")))
        g.add((act, PROV.wasAssociatedWith, software))
        seconds = (summary.get("timings_s") or {}).get({"curate": "curated"}.get(stage, stage))
        if seconds is not None:
            g.add((act, RDFS.comment, Literal(f"took {seconds} s", lang="en")))

    docs = []
    for row in engine.run_named("documents").rows:
        doc = URIRef(row[0].value)
        docs.append(doc)
        g.add((doc, RDF.type, PROV.Entity))
        if row[1] is not None:
            g.add((doc, DCTERMS.identifier, Literal(row[1].value)))
        if row[2] is not None:
            g.add((doc, PROV.value, Literal(f"sha256:{row[2].value}")))
        for i, lang in ((3, "en"), (4, "ko")):
            if row[i] is not None:
                g.add((doc, DCTERMS.title, Literal(row[i].value, lang=lang)))
        g.add((build, PROV.used, doc))
        g.add((stages["extract"], PROV.used, doc))
    for rel in PIPELINE_FILES:
        path = REPO_DIR / rel
        if path.exists():
            cfg = meta("pipeline-" + Path(rel).stem)
            g.add((cfg, RDF.type, PROV.Plan))
            g.add((cfg, RDF.type, PROV.Entity))
            g.add((cfg, DCTERMS.identifier, Literal(rel)))
            g.add((cfg, PROV.value, Literal("sha256:" + hashlib.sha256(path.read_bytes()).hexdigest())))
            g.add((stages["extract"], PROV.used, cfg))
    for path in curated_files:
        src = meta("curated-" + path.stem)
        g.add((src, RDF.type, PROV.Entity))
        g.add((src, DCTERMS.identifier, Literal(f"kg/curated/{path.name}")))
        g.add((src, PROV.value, Literal("sha256:" + hashlib.sha256(path.read_bytes()).hexdigest())))
        g.add((stages["curate"], PROV.used, src))
        g.add((build, PROV.used, src))
    hermit = meta("hermit")
    g.add((hermit, RDF.type, PROV.SoftwareAgent))
    g.add((hermit, RDFS.label, Literal("HermiT OWL reasoner (through owlready2)")))
    g.add((stages["reason"], PROV.wasAssociatedWith, hermit))

    facts: dict[str, dict[str, int]] = {}
    for row in engine.run_named("facts-with-evidence").rows:
        facts.setdefault(row[0].value, {})[row[1].value] = int(row[2].value)
    sizes = {row[0].value: int(row[1].value) for row in engine.run_named("void-graphs").rows}
    made_by = {"ontology": "curate", "curated": "curate", "extracted": "extract", "inferred": "reason"}
    for name in iris.GRAPH_NAMES:
        gi = iris.graph(name)
        g.add((gi, RDF.type, PROV.Entity))
        g.add((gi, RDF.type, VOID.Dataset))
        g.add((ds, DCTERMS.hasPart, gi))
        g.add((gi, PROV.wasGeneratedBy, stages[made_by[name]]))
        g.add((gi, VOID.triples, Literal(sizes.get(str(gi), 0), datatype=XSD.integer)))
        g.add((stages[made_by[name]], PROV.generated, gi))
        for kind, n in sorted(facts.get(str(gi), {}).items()):
            part = meta(f"facts-{name}-{kind.rsplit('#', 1)[-1]}")
            g.add((gi, VOID.classPartition, part))
            g.add((part, VOID["class"], URIRef(kind)))
            g.add((part, VOID.entities, Literal(n, datatype=XSD.integer)))
    for name in ("ontology", "curated", "extracted"):
        g.add((stages["reason"], PROV.used, iris.graph(name)))
        g.add((iris.graph("inferred"), PROV.wasDerivedFrom, iris.graph(name)))
    for doc in docs:
        g.add((iris.graph("extracted"), PROV.wasDerivedFrom, doc))
    claims = (summary.get("extraction") or {}).get("claims") or {}
    if claims:
        g.add((iris.graph("extracted"), RDFS.comment, Literal(
            "extracted claims by review status: " + json.dumps(claims, sort_keys=True), lang="en")))
    return g

