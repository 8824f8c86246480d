"""``policykg export``: everything a linked-data portal or a plain web server needs, in one folder.

Layout (the folder's root stands for the base IRI, so ``{base}id/country/jp`` is ``id/country/jp``)::

    index.html                 landing page: the dataset, its dumps, metadata and documentation
    id/...                     one page per resource (.html, .ttl, .jsonld), by kg/site.py
    dump/policykg.<ext>        all graphs: ttl nt jsonld rdf; the dataset with its graphs: nq trig
    dump/graphs/<graph>.<ext>  each named graph
    catalog.ttl|.jsonld|.rdf   DCAT-AP catalogue      (IRI {base}catalog)
    void.ttl                   VoID description        (also .well-known/void)
    prov.ttl                   PROV-O record of the build
    ontology.html|.ko.html|.ttl  ontology documentation and source (IRI {base}ontology)
    .htaccess, nginx.conf.sample content negotiation for Apache and nginx

Atomic: the folder is assembled next to the target and renamed into place only when complete; a
failed export leaves the previous one untouched.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import iris
from .build import current_release
from .export import ALL_FORMATS, Dump, read_quads, rebase_triple, serialize, triples_of, write_dumps
from .fsutil import atomic_write
from .paths import CURATED_DIR, build_dir


@dataclass
class ExportReport:
    out: Path
    dumps: list[Dump]
    files: int
    base: str
    resources: int = 0
    metadata: dict[str, str] = field(default_factory=dict)


def graph_bytes(g, ext: str, base: str) -> bytes:
    """A small rdflib graph (metadata) rebased and written deterministically (sorted)."""
    import pyoxigraph as ox

    from .export import prefixes

    nt = g.serialize(format="nt", encoding="utf-8")
    triples = ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)
    quads = sorted({rebase_triple(t, base) for t in triples}, key=str)
    extra = {"dcat": "http://www.w3.org/ns/dcat#", "foaf": "http://xmlns.com/foaf/0.1/",
             "void": "http://rdfs.org/ns/void#", "vcard": "http://www.w3.org/2006/vcard/ns#",
             "meta": f"{base}catalog#"}
    return serialize(quads, ext, prefixes(base) | extra)


def export(out: Path | None = None, *, base: str = iris.BASE, formats: Iterable[str] = ALL_FORMATS,
           settings_path: Path | None = None, endpoint: str | None = None, site: bool = True,
           docs: bool = True, build: Path | None = None,
           progress: Callable[[str], None] = lambda _m: None) -> ExportReport:
    """Write the export folder ``out`` (default build/export) from the current build (of ``build``,
    default build/)."""
    from . import metadata as md
    from .queries import Engine
    from .store import open_store

    base = iris.check_base(base) if base != iris.BASE else base
    settings = md.load_settings(settings_path)
    release = current_release(build)
    summary = json.loads((release / "summary.json").read_text(encoding="utf-8"))
    out = (out or (build or build_dir()) / "export").resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f".{out.name}-staging-{uuid.uuid4().hex[:8]}"
    try:
        store = open_store(release / "store")
        resources = 0
        if site:
            progress("resource pages...")
            from .site import write_site

            stats = write_site(store, staging, base=base)
            resources = stats.resources
        staging.mkdir(exist_ok=True)

        progress("dumps...")
        quads = read_quads(release, base)
        dumps = write_dumps(quads, staging, formats=formats, base=base)

        progress("catalogue, VoID, provenance...")
        engine = Engine(store)
        cat = md.catalog(settings, dumps, summary, base=base, endpoint=endpoint)
        for ext in ("ttl", "jsonld", "rdf"):
            atomic_write(staging / f"catalog.{ext}", graph_bytes(cat, ext, base))
        void = graph_bytes(md.void(engine, settings, dumps, base=base, endpoint=endpoint), "ttl", base)
        atomic_write(staging / "void.ttl", void)
        atomic_write(staging / ".well-known" / "void", void)
        prov = md.provenance(engine, summary, sorted(CURATED_DIR.glob("*.yaml")))
        atomic_write(staging / "prov.ttl", graph_bytes(prov, "ttl", base))

        onto = triples_of(quads, iris.rebase(str(iris.graph("ontology")), base))
        from .export import kinds_in, prefixes

        atomic_write(staging / "ontology.ttl", serialize(onto, "ttl", prefixes(base, kinds_in(quads, base))))
        if docs:
            progress("ontology documentation...")
            from .ontodoc import write_docs

            write_docs(staging)
        atomic_write(staging / "index.html", landing_page(settings, dumps, base, endpoint, summary).encode("utf-8"))
        files = sum(1 for p in staging.rglob("*") if p.is_file())
        _replace(staging, out)
        return ExportReport(out, dumps, files, base, resources,
                            {"catalog": "catalog.ttl", "void": "void.ttl", "prov": "prov.ttl"})
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _replace(staging: Path, out: Path) -> None:
    old = out.parent / f".{out.name}-old-{uuid.uuid4().hex[:8]}"
    if out.exists():
        os.replace(out, old)
    os.replace(staging, out)
    shutil.rmtree(old, ignore_errors=True)


def landing_page(settings: dict, dumps: list[Dump], base: str, endpoint: str | None, summary: dict) -> str:
    from .metadata import FORMAT_NAMES, GRAPH_TITLES

    e = html.escape

    def size(n: int) -> str:
        return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"

    rows = "\n".join(
        f"<tr><td>{e(GRAPH_TITLES[d.graph][0])} / {e(GRAPH_TITLES[d.graph][1])}</td><td>{FORMAT_NAMES[d.ext]}</td>"
        f"<td><a href=\"{e(d.path.as_posix())}\">{e(d.path.as_posix())}</a></td><td>{d.triples:,}</td>"
        f"<td>{size(d.size)}</td></tr>" for d in dumps)
    sparql = (f'<li>SPARQL endpoint / SPARQL 엔드포인트: <a href="{e(endpoint)}">{e(endpoint)}</a></li>'
              if endpoint else "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(settings['title']['en'])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="alternate" type="text/turtle" href="catalog.ttl"><link rel="alternate" type="application/ld+json" href="catalog.jsonld">
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}
table{{border-collapse:collapse}}td,th{{border-bottom:1px solid #ddd;padding:.2rem .6rem;text-align:left}}
code{{background:#f4f4f4;padding:0 .2rem}}</style></head><body>
<h1>{e(settings['title']['en'])}</h1><p lang="ko"><strong>{e(settings['title']['ko'])}</strong></p>
<p>{e(settings['description']['en'])}</p><p lang="ko">{e(settings['description']['ko'])}</p>
<p>Base IRI / 기본 IRI: <code>{e(base)}</code> · release <code>{e(str(summary.get('release', '')))}</code></p>
<ul>
<li><a href="id/index.html">Resources / 자원</a> (one page per resource, also as Turtle and JSON-LD)</li>
<li><a href="ontology.html">Ontology documentation</a> · <a href="ontology.ko.html" lang="ko">온톨로지 문서</a> ·
 <a href="ontology.ttl">ontology.ttl</a></li>
<li>Dataset description: <a href="catalog.ttl">DCAT-AP catalogue</a> (<a href="catalog.jsonld">JSON-LD</a>,
 <a href="catalog.rdf">RDF/XML</a>) · <a href="void.ttl">VoID</a> · <a href="prov.ttl">provenance (PROV-O)</a></li>
{sparql}
</ul>
<h2>Dumps / 덤프</h2>
<table><tr><th>graph / 그래프</th><th>format</th><th>file</th><th>triples / quads</th><th>size</th></tr>
{rows}
</table>
<p>Licence / 이용 허락: <a href="{e(settings['license'])}">{e(settings['license'])}</a></p>
</body></html>
"""
