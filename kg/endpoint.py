"""The SPARQL 1.1 Protocol, without the HTTP server: read a request, run the query in a worker
process with a timeout and a result cap, write the results in the negotiated format.

Queries run in worker processes (each opens the store read-only), so a query that runs past the
timeout is stopped by ending its process, and the server keeps answering with the other workers
meanwhile. Results: SELECT as SPARQL JSON, XML, CSV or TSV; ASK as JSON or XML; CONSTRUCT and
DESCRIBE as Turtle, N-Triples, JSON-LD or RDF/XML. A SELECT or graph result longer than the cap
is cut at the cap and the response says so in the ``X-PolicyKG-Truncated`` header.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing as mp
import queue
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .errors import PolicyKGError

SELECT_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "TURTLE", "application/x-turtle": "TURTLE", "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES", "application/ld+json": "JSON_LD", "application/rdf+xml": "RDF_XML",
}
CANONICAL = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
             "csv": "text/csv", "tsv": "text/tab-separated-values", "TURTLE": "text/turtle",
             "N_TRIPLES": "application/n-triples", "JSON_LD": "application/ld+json",
             "RDF_XML": "application/rdf+xml"}
# `format=` shortcuts, as many endpoints accept them
FORMAT_PARAM = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
                "ttl": "text/turtle", "nt": "application/n-triples", "ntriples": "application/n-triples",
                "jsonld": "application/ld+json", "json-ld": "application/ld+json", "rdfxml": "application/rdf+xml",
                "rdf": "application/rdf+xml", "xml-rdf": "application/rdf+xml",
                "n3": "text/turtle"}  # Turtle is N3's subset (SPARQLWrapper sends format=n3)
UPDATE_RE = re.compile(r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
                       r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)


class ProtocolError(PolicyKGError):
    """A request the endpoint refuses, with its HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Answer:
    status: int
    content_type: str
    body: bytes
    truncated: bool = False
    headers: dict[str, str] = field(default_factory=dict)


def parse_accept(accept: str | None) -> list[tuple[str, float]]:
    """Media ranges of an Accept header, best first (stable for equal q)."""
    out = []
    for i, part in enumerate((accept or "*/*").split(",")):
        bits = [b.strip() for b in part.split(";")]
        if not bits[0]:
            continue
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        out.append((bits[0].lower(), q, -i))
    return [(m, q) for m, q, _ in sorted(out, key=lambda t: (t[1], t[2]), reverse=True) if q > 0]


def negotiate(accept: str | None, offered: dict[str, str], default: str) -> str | None:
    """The format key of the best offered media type for ``accept``; None if nothing is acceptable."""
    for media, _ in parse_accept(accept):
        if media in offered:
            return offered[media]
        if media in ("*/*", "application/*", "text/*"):
            kind = media.split("/")[0]
            if kind == "*" or CANONICAL[default].startswith(kind + "/"):
                return default
            return next((v for k, v in offered.items() if k.startswith(kind + "/")), None)
    return None


def is_update(text: str) -> bool:
    stripped = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return bool(UPDATE_RE.match(stripped))


# ------------------------------------------------------------------ serialisation
def json_term(t) -> dict[str, str]:
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype and t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = t.datatype.value
    return out


def _xml_term(t) -> str:
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if t.language:
        return f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
    if t.datatype and t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        return f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
    return f"<literal>{escape(t.value)}</literal>"


def _csv_value(t) -> str:
    import pyoxigraph as ox

    if t is None:
        return ""
    return f"_:{t.value}" if isinstance(t, ox.BlankNode) else t.value


def write_select(variables: list[str], rows: list[list], fmt: str) -> bytes:
    """SPARQL 1.1 Query Results in JSON, XML, CSV or TSV (W3C Recommendations of 2013)."""
    if fmt == "json":
        bindings = [{v: json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
               "<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in variables) + "</head><results>"]
        for row in rows:
            out.append("<result>" + "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                                            for v, t in zip(variables, row) if t is not None) + "</result>")
        out.append("</results></sparql>\n")
        return "\n".join(out).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(variables)
        w.writerows([_csv_value(t) for t in row] for row in rows)
        return buf.getvalue().encode("utf-8")
    if fmt == "tsv":  # terms in N-Triples/Turtle syntax (pyoxigraph's str())
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(fmt)


def write_boolean(value: bool, fmt: str) -> bytes:
    if fmt == "xml":
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode("utf-8")
    return json.dumps({"head": {}, "boolean": value}).encode("utf-8")


# ------------------------------------------------------------------ execution (in a worker)
def execute(store, text: str, accept: str | None, max_rows: int, default_graphs: list[str],
            named_graphs: list[str]) -> Answer:
    """Run one query against ``store`` and serialise its results; raises ProtocolError."""
    import pyoxigraph as ox

    kwargs = {}
    if default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    else:
        kwargs["use_default_graph_as_union"] = True
    if named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    try:
        res = store.query(text, **kwargs)
    except SyntaxError as exc:
        raise ProtocolError(400, f"malformed query: {exc}") from exc
    except (OSError, ValueError, RuntimeError) as exc:
        raise ProtocolError(400, f"query failed: {exc}") from exc
    try:
        if isinstance(res, ox.QueryBoolean):
            fmt = negotiate(accept, {k: v for k, v in SELECT_TYPES.items() if v in ("json", "xml")}, "json")
            if fmt is None:
                raise ProtocolError(406, "ASK results come as application/sparql-results+json or +xml")
            return Answer(200, CANONICAL[fmt], write_boolean(bool(res), fmt))
        if isinstance(res, ox.QuerySolutions):
            fmt = negotiate(accept, SELECT_TYPES, "json")
            if fmt is None:
                raise ProtocolError(406, "SELECT results come as " + ", ".join(sorted(set(CANONICAL[v] for v in
                                                                                          SELECT_TYPES.values()))))
            variables = [v.value for v in res.variables]
            rows, truncated = [], False
            for sol in res:
                if len(rows) >= max_rows:
                    truncated = True
                    break
                rows.append([sol[v] for v in variables])
            return Answer(200, CANONICAL[fmt], write_select(variables, rows, fmt), truncated)
        fmt = negotiate(accept, GRAPH_TYPES, "TURTLE")
        if fmt is None:
            raise ProtocolError(406, "CONSTRUCT/DESCRIBE results come as text/turtle, application/n-triples, "
                                     "application/ld+json or application/rdf+xml")
        triples, truncated = [], False
        for t in res:
            if len(triples) >= max_rows:
                truncated = True
                break
            triples.append(t)
        from .export import prefixes

        kwargs = {"prefixes": prefixes()} if fmt in ("TURTLE", "RDF_XML") else {}
        body = ox.serialize(triples, format=getattr(ox.RdfFormat, fmt), **kwargs)
        return Answer(200, CANONICAL[fmt], body, truncated)
    except (OSError, ValueError, RuntimeError) as exc:  # evaluation errors surface while iterating
        raise ProtocolError(400, f"query failed: {exc}") from exc


def _worker(store_path: str, conn) -> None:
    import pyoxigraph as ox

    store = ox.Store.read_only(store_path)
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            conn.send(("ok", execute(store, *job)))
        except ProtocolError as exc:
            conn.send(("error", exc.status, str(exc)))
        except Exception as exc:  # noqa: BLE001 - report, keep the worker alive
            conn.send(("error", 500, f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, ctx, store_path: str) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(store_path, child), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> None:
        if not self.ready:
            if not self.conn.poll(timeout):
                raise ProtocolError(503, "query worker did not start")
            msg = self.conn.recv()
            if msg[0] != "ready":
                raise ProtocolError(500, "query worker failed to start")
            self.ready = True

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.terminate()
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        self.conn.close()


class QueryPool:
    """Worker processes running queries over a read-only store, each query bounded by ``timeout``."""

    def __init__(self, store_path: Path, workers: int = 2, timeout: float = 10.0, max_rows: int = 10000) -> None:
        self.store_path, self.timeout, self.max_rows = str(store_path), timeout, max_rows
        self._ctx = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        for _ in range(max(1, workers)):
            self._add()
        for w in list(self._all):
            w.wait_ready(60)

    def _add(self) -> _Worker:
        w = _Worker(self._ctx, self.store_path)
        with self._lock:
            self._all.append(w)
        self._idle.put(w)
        return w

    def _replace(self, w: _Worker) -> None:
        with self._lock:
            if w in self._all:
                self._all.remove(w)
        w.stop()
        self._add()

    def run(self, text: str, accept: str | None, default_graphs: list[str] = (),
            named_graphs: list[str] = ()) -> Answer:
        try:
            w = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise ProtocolError(503, f"all {len(self._all)} query workers are busy; try again") from None
        try:
            w.wait_ready(60)
            w.conn.send((text, accept, self.max_rows, list(default_graphs), list(named_graphs)))
            if not w.conn.poll(self.timeout):
                self._replace(w)
                w = None
                raise ProtocolError(503, f"query timed out after {self.timeout:g} s (the server's --timeout); "
                                         "narrow it down or add a LIMIT")
            msg = w.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            if w is not None:
                self._replace(w)
                w = None
            raise ProtocolError(500, "the query worker died; the query was not answered") from None
        finally:
            if w is not None:
                self._idle.put(w)
        if msg[0] == "error":
            raise ProtocolError(msg[1], msg[2])
        return msg[1]

    def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), []
        for w in workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
            w.stop()
