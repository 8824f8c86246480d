"""The ``policykg`` command: thin wrappers over kg.build and kg.queries.

Exit codes: 0 success, 1 a check failed (curation problems, SHACL violations, inconsistency),
2 bad usage or input (unknown query, parameter, malformed SPARQL), 3 no build yet.

Nothing heavy is imported at module level: ``policykg query`` loads pyoxigraph and nothing else.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .cli_quality import add_quality_commands
from .errors import BuildError, CurationError, PolicyKGError, QueryError
from .output import print_result

EXAMPLES = """examples:
  policykg build
  policykg queries
  policykg query layer-dependencies --param country=일본 --lang ko
  policykg query layer-dependencies --param country=Japan --param scheme=elements7 --format json
  policykg sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
  policykg ingest report.pdf notes-cp949.txt
  policykg eval tests/data/gold/*.yaml
  policykg viz --lang ko
  policykg viz --query layer-dependencies --param country=Japan
  policykg analyze --scheme stack4 --path Japan "United States"
  policykg export --base https://kg.example.org/policykg/
  policykg serve --port 8000
  policykg push --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --auth dba:dba \
                --query-endpoint http://127.0.0.1:8890/sparql
  policykg query layer-dependencies --param country=Japan --endpoint http://127.0.0.1:8890/sparql
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="policykg", description="Knowledge graph of sovereign-AI policy documents (Korean/English).",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="build the knowledge graph from the default corpus and curated facts")
    b.add_argument("--no-reason", action="store_true", help="skip HermiT (SPARQL rules and consistency checks only)")
    b.add_argument("--reasoner", choices=("sample", "full"), default="sample",
                   help="sample: HermiT on an ABox sample + SPARQL rules over every fact (default, scales); "
                        "full: HermiT over the whole graph (slow on big graphs)")
    b.add_argument("--quiet", action="store_true", help="print only the summary")
    b.add_argument("--jobs", type=_jobs, default=None, metavar="N", help=JOBS_HELP)

    c = sub.add_parser("check", help="check the curated YAML files (quotes verbatim, ids known)")
    c.add_argument("files", nargs="*", help="report only problems in these files")

    q = sub.add_parser("queries", help="list the named queries with their questions and parameters")
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.add_argument("--all", action="store_true", help="include lookup, stats and check queries")

    r = sub.add_parser("query", help="run a named query", epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    r.add_argument("name", help="query name (see `policykg queries`)")
    r.add_argument("--param", "-p", action="append", default=[], metavar="KEY=VALUE",
                   help="parameter value: a label in Korean or English, an alias, an id (country/jp) or an IRI")
    r.add_argument("--lang", choices=("en", "ko"), default="en", help="label language (falls back to the other)")
    r.add_argument("--format", choices=("table", "json", "csv"), default="table")
    _remote_options(r)

    s = sub.add_parser("sparql", help="run ad-hoc SPARQL (text or a .rq file)")
    s.add_argument("query", help="SPARQL text, or a path to a .rq file")
    s.add_argument("--format", choices=("table", "json", "csv", "tsv", "xml", "turtle", "ntriples"), default="table")
    s.add_argument("--lang", choices=("en", "ko"), default="en")
    _remote_options(s)

    u = sub.add_parser("push", help="load the built graph into a running SPARQL 1.1 server and verify it",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    u.add_argument("--endpoint", required=True, metavar="URL",
                   help="Graph Store Protocol endpoint (Virtuoso: http://HOST:8890/sparql-graph-crud-auth), or with "
                        "--protocol update a SPARQL Update endpoint (Virtuoso: http://HOST:8890/sparql-auth)")
    u.add_argument("--protocol", choices=("gsp", "update"), default="gsp",
                   help="gsp: PUT each graph (default); update: DROP SILENT GRAPH + INSERT DATA in chunks")
    u.add_argument("--graph", metavar="IRI", help="put the union of all graphs into this one graph instead of "
                                                  "one graph each (query it with --graph IRI)")
    u.add_argument("--auth", metavar="USER:PASSWORD", help="HTTP Basic or Digest credentials (default $POLICYKG_AUTH)")
    u.add_argument("--query-endpoint", metavar="URL",
                   help="SPARQL query endpoint to count the triples afterwards (default: the update endpoint; "
                        "with gsp and none given, each graph is read back through the graph store)")

    i = sub.add_parser("ingest", help="add documents (.txt in any common encoding, .pdf) and rebuild the graph")
    i.add_argument("files", nargs="+", type=Path, help="text or PDF files; unchanged ones are not reprocessed")
    i.add_argument("--no-reason", action="store_true", help="skip HermiT when rebuilding")
    i.add_argument("--reasoner", choices=("sample", "full"), default="sample", help="as for `policykg build`")
    i.add_argument("--jobs", type=_jobs, default=None, metavar="N", help=JOBS_HELP)

    quality = add_quality_commands(sub)

    v = sub.add_parser("viz", help="write the HTML graph browser (offline, one file)")
    v.add_argument("--out", type=Path, help="output file (default build/views/graph.html or build/views/QUERY.html)")
    v.add_argument("--lang", choices=("en", "ko"), default="en", help="label language at opening (switchable)")
    v.add_argument("--query", help="draw only the subgraph of the entities a named query returns")
    v.add_argument("--param", "-p", action="append", default=[], metavar="KEY=VALUE", help="the query's parameters")

    a = sub.add_parser("analyze", help="country x layer matrix, supplier concentration, centrality, sole suppliers")
    a.add_argument("--scheme", choices=("stack4", "elements7", "chain4", "all"), default="all",
                   help="layer framework (default: each in turn)")
    a.add_argument("--lang", choices=("en", "ko"), default="en")
    a.add_argument("--format", choices=("table", "json"), default="table")
    a.add_argument("--path", nargs=2, metavar=("FROM", "TO"), help="shortest dependency paths between two actors")
    a.add_argument("--evidence", action="store_true", help="print the facts and sentences behind every figure")
    a.add_argument("--out", type=Path, help="folder for the CSV and HTML heatmaps (default build/views/analysis)")

    x = sub.add_parser("export", help="dumps, DCAT-AP/VoID/PROV metadata, ontology docs and the static site")
    x.add_argument("--out", type=Path, help="output folder, replaced atomically (default build/export)")
    x.add_argument("--base", default=None, metavar="IRI",
                   help="publish under this base IRI instead of https://w3id.org/policykg/ (ends in '/')")
    x.add_argument("--format", action="append", metavar="EXT",
                   help="dump formats, repeatable or comma-separated: ttl,nt,jsonld,rdf (graphs), nq,trig "
                        "(dataset); default all")
    x.add_argument("--metadata", type=Path, help="dataset settings (title, publisher, licence); default kg/dataset.yaml")
    x.add_argument("--endpoint", metavar="URL", help="the SPARQL endpoint to advertise in DCAT and VoID")
    x.add_argument("--no-site", action="store_true", help="skip the resource pages")
    x.add_argument("--no-docs", action="store_true", help="skip the ontology documentation")

    sv = sub.add_parser("serve", help="SPARQL 1.1 endpoint, resource pages, named queries, ontology docs (HTTP)")
    sv.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    sv.add_argument("--port", type=int, default=8000, help="port (0: any free port; default 8000)")
    sv.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run (default 10)")
    sv.add_argument("--max-rows", type=int, default=10000, help="rows or triples per result at most (default 10000)")
    sv.add_argument("--workers", type=int, default=2, help="query worker processes (default 2)")
    sv.add_argument("--quiet", action="store_true", help="no request log")

    args = parser.parse_args(argv)
    try:
        return {"build": _build, "check": _check, "queries": _queries, "query": _query, "sparql": _sparql,
                "ingest": _ingest, "viz": _viz, "analyze": _analyze, "export": _export, "serve": _serve,
                "push": _push, **quality}[args.command](args)
    except (CurationError, BuildError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3 if isinstance(exc, BuildError) and "no build" in str(exc) else 1
    except QueryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3 if "run `policykg build`" in str(exc) else 2
    except PolicyKGError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0


# ------------------------------------------------------------------ views
def _viz(args: argparse.Namespace) -> int:
    from . import iris
    from . import network as kn
    from . import viz
    from .paths import build_dir
    from .queries import Engine

    eng = Engine.open()
    g = kn.project(eng)
    title, subtitle = "policykg", f"{g.number_of_nodes()} entities, {g.number_of_edges()} relations"
    if args.query:
        params = _parse_params(args.param)
        result = eng.run_named(args.query, params)
        ids = {iris.local_id(t.value) for row in result.rows for t in row if t is not None and hasattr(t, "value")}
        g = kn.subgraph_of(g, {i for i in ids if i})
        if g.number_of_nodes() == 0:
            print(f"error: query {args.query!r} returned no entity the graph draws ({len(result.rows)} rows)",
                  file=sys.stderr)
            return 1
        subtitle = f"{args.query} " + " ".join(f"{k}={v}" for k, v in params.items()) + \
            f" — {g.number_of_nodes()} entities, {g.number_of_edges()} relations"
    out = args.out or build_dir() / "views" / f"{args.query or 'graph'}.html"
    viz.write(out, viz.page(g, lang=args.lang, title=title, subtitle=subtitle))
    print(f"policykg: wrote {out} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges); open it in a browser")
    return 0


def _analyze(args: argparse.Namespace) -> int:
    from . import analyze as an
    from . import network as kn
    from .fsutil import atomic_write
    from .paths import build_dir
    from .queries import Engine, Param

    eng = Engine.open()
    g = kn.project(eng)
    path = None
    if args.path:
        actor = Param("actor", "actor", False, None, "")
        path = tuple(_local_id(eng.resolve(actor, v).value) for v in args.path)
    schemes = an.SCHEMES if args.scheme == "all" else (args.scheme,)
    out_dir = args.out or build_dir() / "views" / "analysis"
    reports = []
    for scheme in schemes:
        a = an.analyse(g, scheme, args.lang, path)  # type: ignore[arg-type]
        atomic_write(out_dir / f"matrix-{scheme}.csv", an.matrix_csv(g, a))
        atomic_write(out_dir / f"matrix-{scheme}.html", an.heatmap_html(g, a))
        reports.append(a)
        if args.format == "table":
            print(an.text_report(g, a, evidence=args.evidence))
    if args.format == "json":
        print(json.dumps([an.to_json(g, a) for a in reports], ensure_ascii=False, indent=1))
    print(f"policykg: CSV and HTML heatmaps in {out_dir}", file=sys.stderr)
    return 0


def _local_id(iri: str) -> str:
    from . import iris

    return iris.local_id(iri) or iri


# ------------------------------------------------------------------ publishing
def _export(args: argparse.Namespace) -> int:
    import time

    from . import iris
    from .publish import export

    base = args.base or iris.BASE
    try:
        iris.check_base(base)
    except ValueError as exc:
        raise QueryError(f"--base: {exc}") from exc
    formats = [f.strip() for arg in (args.format or []) for f in arg.split(",") if f.strip()] or None
    t0 = time.perf_counter()
    kwargs = {"formats": formats} if formats else {}
    report = export(args.out, base=base, settings_path=args.metadata, endpoint=args.endpoint,
                    site=not args.no_site, docs=not args.no_docs,
                    progress=lambda m: print(f"  {m}", file=sys.stderr), **kwargs)
    print(f"policykg: exported in {time.perf_counter() - t0:.1f} s to {report.out} ({report.files} files, "
          f"base {report.base})")
    for d in report.dumps:
        if d.graph is None:
            print(f"  {d.path.as_posix():<28} {d.triples:>7} {'quads' if d.ext in ('nq', 'trig') else 'triples'}"
                  f"  {d.size / 1e6:6.1f} MB")
    print("  per graph: dump/graphs/<graph>.<ext>; catalog.ttl (DCAT-AP), void.ttl, prov.ttl, ontology.html, "
          "id/ (resource pages), index.html")
    return 0


def _serve(args: argparse.Namespace) -> int:
    import signal

    from .build import current_release
    from .server import Settings, make_server

    if args.timeout <= 0 or args.max_rows <= 0 or args.workers <= 0:
        raise QueryError("--timeout, --max-rows and --workers must be positive")
    settings = Settings(current_release() / "store", args.host, args.port, args.timeout, args.max_rows,
                        args.workers, args.quiet)
    httpd, app = make_server(settings)
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    print(f"policykg: serving {app.url} (SPARQL endpoint {app.url}sparql; timeout {args.timeout:g} s, "
          f"at most {args.max_rows} rows, {args.workers} workers); Ctrl-C to stop", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
        app.close()
    print("policykg: stopped", file=sys.stderr)
    return 0


# ------------------------------------------------------------------ build
_STRATEGY = {"sample": "sample", "full": "hermit"}  # --reasoner -> kg.reason strategy
JOBS_HELP = ("processes extracting the documents not in the cache (default: the usable cores when there is "
             "enough text to repay starting them; 1: in this process)")


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"--jobs takes a whole number of processes, at least 1 (got {text!r})")
    return n


def _build(args: argparse.Namespace) -> int:
    import time

    from .build import build

    t0 = time.perf_counter()
    report = build(reason=not args.no_reason, reasoner=_STRATEGY[args.reasoner], jobs=args.jobs,
                   progress=(lambda m: None) if args.quiet else
                   (lambda m: print(f"  {m}", file=sys.stderr)))
    total = time.perf_counter() - t0
    short = {c.rsplit("#", 1)[-1].rsplit("/", 1)[-1]: n for c, n in report.class_counts}
    print(f"policykg: knowledge graph built in {total:.1f} s "
          f"(reasoner {'consistent' if report.consistent else 'INCONSISTENT'}, "
          f"SHACL {'conforms' if report.conforms else 'FAILS'})")
    print("  triples per graph: " + ", ".join(f"{k} {v}" for k, v in report.triples.items()))
    print("  individuals per class:")
    for name, n in short.items():
        print(f"    {name:<22} {n:>5}")
    facts = sum(r["facts"] for r in report.facts_with_evidence)
    evs = {r["graph"]: 0 for r in report.facts_with_evidence}
    for r in report.facts_with_evidence:
        evs[r["graph"]] += r["facts"]
    print(f"  facts with evidence: {facts} (" + ", ".join(f"{g} {n}" for g, n in evs.items()) + ")")
    rel = report.release
    print(f"  outputs in {rel} (also build/current):")
    for what, path in report.outputs.items():
        print(f"    {what:<15} {rel / path}")
    print("  try: policykg query layer-dependencies --param country=일본 --lang ko")
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from .build import build
    from .extraction import load_registry, register_files, registry_path
    from .paths import build_dir

    base = build_dir()
    reg = registry_path(base)
    before = reg.read_bytes() if reg.exists() else None
    result = register_files(args.files, base)
    for err in result.errors:
        print(f"error: {err}", file=sys.stderr)
    for what in ("added", "replaced", "unchanged"):
        for doc_id in getattr(result, what):
            print(f"  {what:<9} {doc_id}")
    if not (result.added or result.replaced):
        print("policykg: nothing new to ingest; the graph is unchanged")
        return 1 if result.errors else 0
    try:
        report = build(reason=not args.no_reason, reasoner=_STRATEGY[args.reasoner], jobs=args.jobs,
                       progress=lambda m: print(f"  {m}", file=sys.stderr))
    except BaseException:
        if before is None:  # put the registry back: the graph was not rebuilt
            reg.unlink(missing_ok=True)
        else:
            reg.write_bytes(before)
        raise
    docs = {d["id"]: d for d in report.extraction.get("documents", [])}
    for doc_id in result.added + result.replaced:
        d = docs.get(doc_id, {})
        print(f"  {doc_id}: {d.get('mentions', 0)} mentions, {d.get('facts', 0)} facts")
    print(f"policykg: graph rebuilt with {len(load_registry(base))} ingested document(s): {report.release}")
    return 1 if result.errors else 0


def _check(args: argparse.Namespace) -> int:
    from .curation import load_curated

    kb = load_curated()
    only = [Path(f).name for f in args.files]
    errors = [e for e in kb.errors if not only or any(e.startswith(o) for o in only)]
    if errors:
        print(f"{len(errors)} problem(s):\n  " + "\n  ".join(errors), file=sys.stderr)
        return 1
    for w in kb.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(f"ok: {len(kb.files)} files, {kb.n_facts} facts with evidence, {len(kb.graph)} triples")
    return 0


# ------------------------------------------------------------------ queries
def _queries(args: argparse.Namespace) -> int:
    from .queries import load_queries

    qs = [q for q in load_queries().values() if args.all or q.group == "cq"]
    if args.format == "json":
        print(json.dumps([q.to_dict() for q in qs], ensure_ascii=False, indent=2))
        return 0
    for q in qs:
        print(f"{q.name}")
        print(f"    {q.question_en}")
        print(f"    {q.question_ko}")
        for p in q.params:
            opt = "optional" if p.optional else "required"
            dflt = f", default {p.default}" if p.default else ""
            print(f"    --param {p.name}=<{p.kind}> ({opt}{dflt}) {p.doc}")
    return 0


def _parse_params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {pair!r}: expected KEY=VALUE, e.g. --param country=Japan")
        out[key.strip()] = value
    return out


def _remote_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--endpoint", metavar="URL", help="ask a SPARQL 1.1 query endpoint the build was pushed to "
                                                     "(`policykg push`) instead of the local store")
    p.add_argument("--auth", metavar="USER:PASSWORD", help="credentials for --endpoint (default $POLICYKG_AUTH)")
    p.add_argument("--graph", metavar="IRI", help="with --endpoint: the one graph the build was pushed into "
                                                  "(push --graph)")


def _engine(args: argparse.Namespace):
    """The local store's engine, or with --endpoint one over a remote SPARQL server."""
    from .queries import Engine

    if args.endpoint:
        from .remote import RemoteStore

        if args.graph:
            return Engine(RemoteStore(args.endpoint, graphs=[args.graph], union_graph=None, auth=args.auth))
        return Engine(RemoteStore(args.endpoint, auth=args.auth))
    if args.graph:
        raise QueryError("--graph needs --endpoint: it names the graph on a remote server")
    return Engine.open()


def _push(args: argparse.Namespace) -> int:
    from .paths import build_dir
    from .push import push

    release = build_dir() / "current"
    report = push(release, args.endpoint, graph=args.graph, auth=args.auth, protocol=args.protocol,
                  query_endpoint=args.query_endpoint, progress=lambda m: print(f"  {m}", file=sys.stderr))
    rate = report.triples / report.seconds if report.seconds else 0.0
    print(f"policykg: pushed {report.triples} triples to {report.endpoint} ({report.protocol}) in "
          f"{report.seconds:.1f} s, {rate:,.0f} triples/s, {report.bytes_sent / 1e6:.1f} MB sent")
    print(f"  verified by counting through {report.verified_by}:")
    for g in report.graphs:
        what = " (union of the others, the default graph of queries)" if g.union else ""
        print(f"    {g.graph:<48} {g.counted:>7} triples{what}")
    return 0


def _query(args: argparse.Namespace) -> int:
    eng = _engine(args)
    result = eng.run_named(args.name, _parse_params(args.param), lang=args.lang)
    print_result(result, args.format)
    return 0


def _sparql(args: argparse.Namespace) -> int:
    import pyoxigraph as ox

    from .queries import Result

    text = args.query
    path = Path(text)
    if text.endswith(".rq") or (len(text) < 400 and "\n" not in text and path.is_file()):
        if not path.is_file():
            raise QueryError(f"no such query file: {text}")
        text = path.read_text(encoding="utf-8")
    eng = _engine(args)
    res = eng.raw(text)
    if isinstance(res, ox.QuerySolutions):
        fmt = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
               "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}.get(args.format)
        if fmt is not None:
            sys.stdout.write(res.serialize(format=fmt).decode("utf-8"))
            return 0
        variables = [v.value for v in res.variables]
        result = Result(variables, [[sol[v] for v in variables] for sol in res])
        result.labels = eng.labels_for(result, args.lang)
        print_result(result, "table")
    elif isinstance(res, ox.QueryBoolean):
        print(json.dumps({"head": {}, "boolean": bool(res)}) if args.format == "json" else str(bool(res)).lower())
    else:
        fmt = ox.RdfFormat.N_TRIPLES if args.format == "ntriples" else ox.RdfFormat.TURTLE
        sys.stdout.write(res.serialize(format=fmt).decode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
