"""``policykg serve``: a read-only SPARQL 1.1 Protocol endpoint over the built graph, with the
resource pages, the named queries and the ontology documentation, all offline (no CDN).

Routes::

    /sparql                  SPARQL 1.1 Protocol: GET ?query=, POST urlencoded or application/sparql-query;
                             default-graph-uri / named-graph-uri; updates refused (403); an HTML form
                             when a browser asks without a query
    /id/<kind>/<slug>        a resource (kg/pages.py, kg/renderings.py): HTML, Turtle or JSON-LD by Accept (or .html/.ttl/.jsonld)
    /queries, /queries/NAME  the named queries with a form for their parameters; results as HTML, or
                             JSON/CSV with format=
    /ontology                ontology documentation (HTML, ?lang=ko), or Turtle by Accept
    /void, /.well-known/void VoID description naming this endpoint; /catalog its DCAT-AP catalogue
    /                        a home page linking all of these

Safe by default: binds 127.0.0.1, each query runs in a worker process stopped at the timeout,
results are capped, request bodies are limited, malformed queries get a 400 with the parser's message.
"""

from __future__ import annotations

import html
import json
import sys
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from . import iris
from .endpoint import Answer, ProtocolError, QueryPool, is_update, negotiate
from .errors import PolicyKGError, QueryError

MAX_BODY = 1_000_000
RDF_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/turtle": "ttl",
             "application/x-turtle": "ttl", "application/ld+json": "jsonld"}
RDF_MEDIA = {"html": "text/html; charset=utf-8", "ttl": "text/turtle; charset=utf-8", "jsonld": "application/ld+json"}
NAV = (("/", "policykg"), ("/sparql", "SPARQL"), ("/queries", "named queries"), ("/ontology", "ontology"))
CSS = """body{font-family:system-ui,sans-serif;max-width:70rem;margin:1.5rem auto;padding:0 1rem;line-height:1.45}
table{border-collapse:collapse;margin:.5rem 0}td,th{border-bottom:1px solid #ddd;padding:.2rem .5rem;text-align:left;
vertical-align:top}textarea{width:100%;font-family:monospace}code{background:#f3f3f3;padding:0 .2rem}
.q{margin:1rem 0;padding:.6rem .8rem;border:1px solid #ddd;border-radius:6px}.err{color:#a00}nav a{margin-right:1rem}"""


@dataclass
class Settings:
    store: Path
    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 10.0
    max_rows: int = 10000
    workers: int = 2
    quiet: bool = False


def page(title: str, body: str, lang: str = "en") -> bytes:
    e = html.escape
    return (f'<!DOCTYPE html><html lang="{e(lang)}"><head><meta charset="utf-8"><title>{e(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head><body>'
            '<nav><a href="/">policykg</a><a href="/sparql">SPARQL</a><a href="/queries">named queries</a>'
            '<a href="/ontology">ontology</a><a href="/void">VoID</a></nav>'
            f"{body}</body></html>").encode("utf-8")


def link(iri: str) -> str:
    """Where a resource's page is on this server (its IRI for foreign resources)."""
    if iri.startswith(str(iris.ID)):
        return "/id/" + iri[len(str(iris.ID)):]
    if iri.startswith(str(iris.PKO)):
        return "/ontology#" + iri[len(str(iris.PKO)):]
    return iri


class App:
    """What the handlers share: the query pool, the engine for named queries and pages, metadata."""

    def __init__(self, settings: Settings) -> None:
        from .queries import Engine
        from .store import open_store

        self.settings = settings
        self.store = open_store(settings.store)
        self.engine = Engine(self.store)
        self.pool = QueryPool(settings.store, settings.workers, settings.timeout, settings.max_rows)
        self.url = ""
        self.void_ttl = b""
        self.catalog_ttl = b""

    def describe_self(self, url: str) -> None:
        """VoID and DCAT descriptions that name this server's endpoint."""
        from . import metadata as md
        from .publish import graph_bytes

        self.url = url
        settings = md.load_settings()
        summary_path = self.settings.store.parent / "summary.json"
        summary = json.loads(summary_path.read_text(encoding="utf-8")) if summary_path.exists() else {}
        endpoint = url + "sparql"
        self.void_ttl = graph_bytes(md.void(self.engine, settings, [], endpoint=endpoint), "ttl", iris.BASE)
        self.catalog_ttl = graph_bytes(md.catalog(settings, [], summary, endpoint=endpoint), "ttl", iris.BASE)

    def ontology_html(self, lang: str) -> bytes:
        from .ontodoc import render  # cached by kg.ontodoc until an ontology file changes

        return render(lang).encode("utf-8")

    def close(self) -> None:
        self.pool.close()


class Handler(BaseHTTPRequestHandler):
    server_version = "policykg"
    protocol_version = "HTTP/1.1"  # keep-alive: every response has a Content-Length
    app: App  # set on the subclass made by make_server

    # ------------------------------------------------------------ plumbing
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - BaseHTTPRequestHandler's name
        if not self.app.settings.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept")
        self.send_header("Access-Control-Allow-Origin", "*")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        if negotiate(self.headers.get("Accept"), {"text/html": "html", "text/plain": "text"}, "text") == "html":
            body = page(f"{status} {HTTPStatus(status).phrase}",
                        f'<h1>{status} {HTTPStatus(status).phrase}</h1><p class="err">{html.escape(message)}</p>')
            self._send(status, body, "text/html; charset=utf-8")
        else:
            self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _params(self) -> tuple[str, dict[str, list[str]]]:
        u = urllib.parse.urlsplit(self.path)
        return urllib.parse.unquote(u.path), urllib.parse.parse_qs(u.query, keep_blank_values=True)

    def _body(self) -> bytes:
        n = int(self.headers.get("Content-Length") or 0)
        if n > MAX_BODY:
            raise ProtocolError(413, f"request body over {MAX_BODY} bytes")
        return self.rfile.read(n) if n else b""

    # ------------------------------------------------------------ methods
    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        self._dispatch()

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch()

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch()

    def do_PUT(self) -> None:  # noqa: N802
        self._error(405, "read-only server: PUT is not accepted")

    do_DELETE = do_PATCH = do_PUT  # noqa: N815

    def _dispatch(self) -> None:
        path, params = self._params()
        try:
            if path in ("/sparql", "/sparql/"):
                return self._sparql(params)
            if self.command == "POST":
                raise ProtocolError(405, "POST is accepted only at /sparql")
            if path == "/":
                return self._home()
            if path.startswith("/id/"):
                return self._resource(path[len("/id/"):])
            if path in ("/queries", "/queries/"):
                return self._queries()
            if path.startswith("/queries/"):
                return self._named(path[len("/queries/"):], params)
            if path in ("/ontology", "/ontology.html", "/ontology.ko.html", "/ontology.ttl"):
                return self._ontology(path, params)
            if path in ("/void", "/.well-known/void", "/void.ttl"):
                return self._send(200, self.app.void_ttl, "text/turtle; charset=utf-8")
            if path in ("/catalog", "/catalog.ttl"):
                return self._send(200, self.app.catalog_ttl, "text/turtle; charset=utf-8")
            raise ProtocolError(404, f"nothing at {path}; see / for what this server offers")
        except ProtocolError as exc:
            self._error(exc.status, str(exc))
        except QueryError as exc:
            self._error(400, str(exc))
        except PolicyKGError as exc:
            self._error(500, str(exc))
        except (BrokenPipeError, ConnectionResetError):
            pass

    # ------------------------------------------------------------ SPARQL protocol
    def _sparql(self, params: dict[str, list[str]]) -> None:
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if self.command == "POST":
            body = self._body()
            if ctype == "application/x-www-form-urlencoded":
                form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
                if "update" in form:
                    raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is not accepted")
                params = {**params, **form}
            elif ctype == "application/sparql-query":
                params = {**params, "query": [body.decode("utf-8", "replace")]}
            elif ctype == "application/sparql-update":
                raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is not accepted")
            else:
                raise ProtocolError(415, "POST a query as application/x-www-form-urlencoded (query=...) or "
                                         "application/sparql-query")
        if "update" in params:
            raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is not accepted")
        queries = params.get("query", [])
        if not queries:
            if negotiate(self.headers.get("Accept"), {"text/html": "html"}, "none") == "html" or not self.headers.get("Accept"):
                return self._send(200, _sparql_form(), "text/html; charset=utf-8")
            raise ProtocolError(400, "missing the query parameter: /sparql?query=SELECT...")
        if len(queries) > 1:
            raise ProtocolError(400, "give exactly one query parameter")
        text = queries[0]
        if is_update(text):
            raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is not accepted")
        accept = self.headers.get("Accept")
        fmt = (params.get("format") or params.get("output") or [""])[0].strip().lower()
        if fmt:  # a format parameter, as many clients send, wins over Accept when it names a format
            from .endpoint import FORMAT_PARAM

            accept = fmt if "/" in fmt else FORMAT_PARAM.get(fmt, accept)
        answer: Answer = self.app.pool.run(text, accept, params.get("default-graph-uri", []),
                                           params.get("named-graph-uri", []))
        headers = {"X-PolicyKG-Truncated": str(self.app.settings.max_rows)} if answer.truncated else {}
        ctype = answer.content_type + ("; charset=utf-8" if answer.content_type.startswith("text/") else "")
        self._send(answer.status, answer.body, ctype, headers)

    # ------------------------------------------------------------ pages
    def _home(self) -> None:
        e = html.escape
        u = self.app.url
        body = (f"<h1>policykg</h1><p>A SPARQL 1.1 endpoint over the sovereign-AI policy knowledge graph "
                f"(read-only, queries stopped after {self.app.settings.timeout:g} s, at most "
                f"{self.app.settings.max_rows} rows).</p><ul>"
                f'<li>SPARQL endpoint: <code>{e(u)}sparql</code> (<a href="/sparql">query form</a>)</li>'
                '<li><a href="/queries">Named queries</a> (competency questions with parameters)</li>'
                '<li>Resources at their IRI paths (HTML, Turtle or JSON-LD by Accept), e.g. '
                '<a href="/id/country/jp">Japan / 일본</a>, <a href="/id/bloc/eu">EU / 유럽연합</a></li>'
                '<li><a href="/ontology">Ontology documentation</a> · <a href="/ontology?lang=ko">온톨로지 문서</a></li>'
                '<li><a href="/void">VoID</a> · <a href="/catalog">DCAT-AP catalogue</a></li></ul>')
        self._send(200, page("policykg", body), "text/html; charset=utf-8")

    def _resource(self, rest: str) -> None:
        from . import pages, renderings

        fmt = None
        for ext in ("html", "ttl", "jsonld"):
            if rest.endswith("." + ext):
                rest, fmt = rest[: -len(ext) - 1], ext
        iri = str(iris.ID) + rest
        if fmt is None:
            fmt = negotiate(self.headers.get("Accept"), RDF_TYPES, "html")
            if fmt is None:
                raise ProtocolError(406, "a resource comes as text/html, text/turtle or application/ld+json")
        desc = pages.describe(self.app.store, iri)
        if desc is None:
            raise ProtocolError(404, f"no resource {iri} in the graph; the named queries and /sparql find ids")
        if fmt == "html":
            lang = "ko" if (self._params()[1].get("lang") or [""])[0] == "ko" else "en"
            body = renderings.render_html(desc, lang=lang, link=link, nav=NAV).encode("utf-8")
        else:
            body = (renderings.turtle(desc) if fmt == "ttl" else renderings.jsonld(desc)).encode("utf-8")
        self._send(200, body, RDF_MEDIA[fmt], {"Content-Location": f"/id/{rest}.{fmt}"})

    def _queries(self) -> None:
        e = html.escape
        parts = ["<h1>Named queries / 명명 질의</h1>"]
        for q in self.app.engine.queries.values():
            if q.group != "cq":
                continue
            fields = "".join(
                f'<label>{e(p.name)} <input name="{e(p.name)}" placeholder="{e(p.kind)}'
                f'{" (optional)" if p.optional else ""}" value="{e(p.default or "")}"></label> '
                for p in q.params)
            parts.append(
                f'<div class="q"><h3>{e(q.name)}</h3><p>{e(q.question_en)}<br><span lang="ko">{e(q.question_ko)}'
                f'</span></p><form action="/queries/{e(q.name)}" method="get">{fields}'
                '<select name="lang"><option value="en">English</option><option value="ko">한국어</option></select> '
                '<select name="format"><option value="html">table</option><option value="json">JSON</option>'
                '<option value="csv">CSV</option></select> <button>run</button></form></div>')
        self._send(200, page("named queries", "".join(parts)), "text/html; charset=utf-8")

    def _named(self, name: str, params: dict[str, list[str]]) -> None:
        from .output import result_to_json
        from .queries import get_query

        q = self.app.engine.queries.get(name) or get_query(name)
        lang = (params.pop("lang", None) or ["en"])[0]
        fmt = (params.pop("format", None) or ["html"])[0]
        values = {k: v[0] for k, v in params.items() if v and v[0].strip()}
        result = self.app.engine.run_named(q.name, values, lang="ko" if lang == "ko" else "en")
        if fmt == "json":
            return self._send(200, json.dumps(result_to_json(result), ensure_ascii=False).encode("utf-8"),
                              "application/sparql-results+json")
        if fmt == "csv":
            from .endpoint import write_select

            return self._send(200, write_select(result.variables, result.rows, "csv"), "text/csv; charset=utf-8")
        import pyoxigraph as ox

        e = html.escape

        def cell(t) -> str:
            if t is None:
                return ""
            if isinstance(t, ox.NamedNode):
                return f'<a href="{e(link(t.value))}">{e(result.labels.get(t.value, t.value))}</a>'
            return e(t.value)

        head = "".join(f"<th>{e(v)}</th>" for v in result.variables)
        rows = "".join("<tr>" + "".join(f"<td>{cell(t)}</td>" for t in row) + "</tr>" for row in result.rows)
        shown = ", ".join(f"{k}={v}" for k, v in values.items())
        body = (f"<h1>{e(q.name)}</h1><p>{e(q.question_en if lang != 'ko' else q.question_ko)}</p>"
                f"<p>{e(shown)} — {len(result.rows)} row(s)</p><table><tr>{head}</tr>{rows}</table>")
        self._send(200, page(q.name, body, "ko" if lang == "ko" else "en"), "text/html; charset=utf-8")

    def _ontology(self, path: str, params: dict[str, list[str]]) -> None:
        fmt = "ttl" if path.endswith(".ttl") else "html" if path.endswith(".html") else \
            negotiate(self.headers.get("Accept"), {"text/html": "html", "text/turtle": "ttl"}, "html")
        if fmt is None:
            raise ProtocolError(406, "the ontology comes as text/html or text/turtle")
        if fmt == "ttl":
            from .build import load_ontology

            return self._send(200, load_ontology().serialize(format="turtle", encoding="utf-8"),
                              "text/turtle; charset=utf-8")
        lang = "ko" if path.endswith(".ko.html") or (params.get("lang") or [""])[0] == "ko" else "en"
        self._send(200, self.app.ontology_html(lang), "text/html; charset=utf-8")


def _sparql_form() -> bytes:
    example = ("PREFIX pko: <https://w3id.org/policykg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
               "SELECT ?country ?label WHERE {\n  ?country a pko:Country ; rdfs:label ?label .\n"
               "  FILTER(LANG(?label) = \"ko\")\n} ORDER BY ?label LIMIT 20")
    body = ("<h1>SPARQL</h1><form action=\"/sparql\" method=\"post\">"
            f'<textarea name="query" rows="12">{html.escape(example)}</textarea><p>'
            '<select name="format"><option value="json">JSON</option><option value="xml">XML</option>'
            '<option value="csv">CSV</option><option value="tsv">TSV</option><option value="turtle">Turtle '
            "(CONSTRUCT)</option></select> <button>run</button></p></form>")
    return page("SPARQL", body)


def make_server(settings: Settings) -> tuple[ThreadingHTTPServer, App]:
    app = App(settings)
    handler = type("BoundHandler", (Handler,), {"app": app})
    try:
        httpd = ThreadingHTTPServer((settings.host, settings.port), handler)
    except OSError as exc:
        app.close()
        raise PolicyKGError(f"cannot listen on {settings.host}:{settings.port}: {exc.strerror}; "
                            "choose another --port") from exc
    httpd.daemon_threads = True
    host, port = httpd.server_address[:2]
    shown = f"[{host}]" if ":" in str(host) else host
    app.describe_self(f"http://{shown}:{port}/")
    return httpd, app
