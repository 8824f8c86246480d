"""Pushing a build into a running SPARQL 1.1 server (the query side is :mod:`kg.remote`).

:func:`push` loads each named graph of a build into the server, replacing what its graph held,
through the Graph Store Protocol (``PUT ?graph=IRI``) or SPARQL Update (``DROP SILENT GRAPH`` then
``INSERT DATA`` in chunks), then counts the triples of every graph on the server and fails if a
count differs from what was sent. The union of the graphs goes into one more graph,
:data:`kg.remote.UNION_GRAPH`, the default graph of :class:`kg.remote.RemoteStore`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import BuildError
from . import iris
from .remote import (GRAPH_ACCEPT, UNION_GRAPH, RemoteError, RemoteStore, _graph_term, _Http, _media_type,
                     _with_params, check_url, parse_auth, remote_counts)

PUSH_TIMEOUT = 300.0   # seconds for one upload request
CHUNK_TRIPLES = 250   # triples per INSERT DATA request (Virtuoso compiles each into one statement)
CHUNK_BYTES = 1 << 20  # ... and at most about this many bytes
CHUNK_TEMPLATE = 100   # triples per INSERT {...} WHERE {} request (those with blank nodes)


@dataclass
class GraphPush:
    graph: str
    sent: int          # triples sent
    counted: int = -1  # triples the server holds afterwards
    seconds: float = 0.0
    requests: int = 0
    union: bool = False  # the union graph (UNION_GRAPH), a copy of the others


@dataclass
class PushReport:
    endpoint: str
    protocol: str
    verified_by: str   # the query endpoint, or "graph store GET"
    graphs: list[GraphPush] = field(default_factory=list)
    seconds: float = 0.0
    bytes_sent: int = 0

    @property
    def triples(self) -> int:
        """Triples of the dataset (the union graph, a copy, not counted)."""
        return sum(g.sent for g in self.graphs if not g.union)


def load_release(release_dir: Path) -> dict[str, list[Any]]:
    """The triples of each named graph of a build (``graphs/<name>.ttl``), by graph IRI."""
    import pyoxigraph as ox

    release_dir = Path(release_dir)
    files = {str(iris.graph(n)): release_dir / "graphs" / f"{n}.ttl" for n in iris.GRAPH_NAMES}
    missing = [p.name for p in files.values() if not p.is_file()]
    if missing:
        what = "" if len(missing) == len(files) else f" (graphs/{', graphs/'.join(missing)} missing)"
        raise BuildError(f"no build at {release_dir}{what}: run `policykg build` first")
    out: dict[str, list[Any]] = {}
    for g, path in files.items():
        triples = list(dict.fromkeys(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)))
        out[g] = triples
    return out


def push(release_dir: Path, endpoint: str, *, graph: str | None = None, auth: str | None = None,
         protocol: str = "gsp", query_endpoint: str | None = None, timeout: float = PUSH_TIMEOUT,
         progress: Callable[[str], None] = lambda _m: None) -> PushReport:
    """Load the build in ``release_dir`` into the server at ``endpoint``; verify and report.

    ``protocol="gsp"``: ``endpoint`` is a Graph Store Protocol endpoint (Virtuoso:
    ``/sparql-graph-crud-auth``), each graph is sent with ``PUT ?graph=IRI``. ``protocol="update"``:
    ``endpoint`` is a SPARQL Update endpoint (Virtuoso: ``/sparql-auth``), each graph is dropped and
    inserted in chunks. Their union goes into one more graph, :data:`UNION_GRAPH`, the default
    graph of :class:`RemoteStore`. ``graph``: put the union into this one graph instead.
    Afterwards the triples of each graph are counted through ``query_endpoint`` (default: the
    update endpoint; for GSP without a query endpoint, each graph is read back with GET).
    """
    if protocol not in ("gsp", "update"):
        raise RemoteError(f"protocol {protocol!r}: use gsp (Graph Store Protocol) or update (SPARQL Update)")
    check_url(endpoint)
    if query_endpoint:
        check_url(query_endpoint, "--query-endpoint")
    elif protocol == "update":
        query_endpoint = endpoint
    data = load_release(Path(release_dir))
    union = list(dict.fromkeys(t for ts in data.values() for t in ts))
    if graph is not None:
        _graph_term(graph)
        data = {graph: union}
    else:
        data[UNION_GRAPH] = union
    credentials = parse_auth(auth)
    http = _Http(credentials, timeout)
    report = PushReport(endpoint, protocol, query_endpoint or "graph store GET")
    t0 = time.perf_counter()
    for g, triples in data.items():
        t1 = time.perf_counter()
        gp = GraphPush(g, len(triples), union=g == UNION_GRAPH and graph is None)
        if protocol == "gsp":
            report.bytes_sent += _gsp_put(http, endpoint, g, triples)
            gp.requests = 1
        else:
            sent, gp.requests = _update_load(http, endpoint, g, triples)
            report.bytes_sent += sent
        gp.seconds = time.perf_counter() - t1
        report.graphs.append(gp)
        progress(f"{g}: {len(triples)} triples in {gp.seconds:.1f} s")
    if query_endpoint:
        store = RemoteStore(query_endpoint, graphs=list(data), union_graph=None, check_dataset=False,
                            auth=":".join(credentials) if credentials else "", timeout=timeout)
        counts = remote_counts(store)
    else:
        counts = {g: _gsp_count(http, endpoint, g) for g in data}
    report.seconds = time.perf_counter() - t0
    for gp in report.graphs:
        gp.counted = counts.get(gp.graph, 0)
    wrong = [f"{gp.graph}: sent {gp.sent}, the server holds {gp.counted}" for gp in report.graphs
             if gp.counted != gp.sent]
    if wrong:
        raise RemoteError(f"the triple counts after pushing to {endpoint} do not match: " + "; ".join(wrong))
    return report


def _ntriples(triples: list[Any]) -> bytes:
    import pyoxigraph as ox

    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def _gsp_put(http: _Http, endpoint: str, graph: str, triples: list[Any]) -> int:
    body = _ntriples(triples)  # N-Triples is Turtle, which every graph store reads
    http.request("PUT", _with_params(endpoint, [("graph", graph)]), body,
                 {"Content-Type": "text/turtle; charset=utf-8"})
    return len(body)


def _gsp_count(http: _Http, endpoint: str, graph: str) -> int:
    import pyoxigraph as ox

    headers, body = http.request("GET", _with_params(endpoint, [("graph", graph)]), None, {"Accept": GRAPH_ACCEPT})
    fmt = ox.RdfFormat.from_media_type(_media_type(headers)) or ox.RdfFormat.TURTLE
    return len(set(ox.parse(body, fmt)))


def chunks(triples: list[Any], max_triples: int = CHUNK_TRIPLES, max_bytes: int = CHUNK_BYTES,
           max_with_blanks: int = CHUNK_TEMPLATE) -> list[list[Any]]:
    """Split ``triples`` into chunks for one request each. Triples connected through blank nodes
    stay in one chunk (a blank node label means one node within a request only), and go into
    chunks of their own, of at most ``max_with_blanks`` triples unless one such set is larger.

    >>> import pyoxigraph as ox
    >>> b, p = ox.BlankNode("x"), ox.NamedNode("http://e/p")
    >>> ts = [ox.Triple(ox.NamedNode(f"http://e/{i}"), p, b if i % 2 else ox.Literal(str(i))) for i in range(7)]
    >>> [[str(t.subject)[-2] for t in c] for c in chunks(ts, max_triples=2)]
    [['0', '2'], ['4', '6'], ['1', '3', '5']]
    """
    import pyoxigraph as ox

    parent: dict[Any, Any] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def blanks(t) -> list[Any]:
        return [x for x in (t.subject, t.object) if isinstance(x, ox.BlankNode)]

    for t in triples:
        nodes = blanks(t)
        for x in nodes[1:]:
            parent[find(x)] = find(nodes[0])
    ground: list[list[Any]] = []
    connected: dict[Any, list[Any]] = {}
    for t in triples:
        nodes = blanks(t)
        if nodes:
            connected.setdefault(find(nodes[0]), []).append(t)
        else:
            ground.append([t])

    def pack(groups: list[list[Any]], limit: int) -> list[list[Any]]:
        out: list[list[Any]] = []
        current: list[Any] = []
        size = 0
        for group in groups:
            gsize = sum(len(str(t)) for t in group)
            if current and (len(current) + len(group) > limit or size + gsize > max_bytes):
                out.append(current)
                current, size = [], 0
            current.extend(group)
            size += gsize
        return out + ([current] if current else [])

    return pack(ground, max_triples) + pack(list(connected.values()), max_with_blanks)


def _update_load(http: _Http, endpoint: str, graph: str, triples: list[Any]) -> tuple[int, int]:
    """DROP SILENT GRAPH, then INSERT in chunks; returns (bytes sent, requests)."""
    import pyoxigraph as ox

    g = str(_graph_term(graph))
    parts = [f"DROP SILENT GRAPH {g}"]
    sent = requests = 0
    for chunk in chunks(triples):
        body = _ntriples(chunk).decode("utf-8")
        if any(isinstance(x, ox.BlankNode) for t in chunk for x in (t.subject, t.object)):
            # blank nodes are not allowed in INSERT DATA by some servers (Virtuoso 7.2);
            # a template with an empty WHERE makes fresh nodes for them, the same in the graph
            parts.append(f"INSERT {{ GRAPH {g} {{\n{body}}} }} WHERE {{}}")
        else:
            parts.append(f"INSERT DATA {{ GRAPH {g} {{\n{body}}} }}")
        data = " ;\n".join(parts).encode("utf-8")
        http.request("POST", endpoint, data, {"Content-Type": "application/sparql-update; charset=utf-8"})
        sent += len(data)
        requests += 1
        parts = []
    if parts:  # an empty graph: only the drop
        data = parts[0].encode("utf-8")
        http.request("POST", endpoint, data, {"Content-Type": "application/sparql-update; charset=utf-8"})
        sent += len(data)
        requests += 1
    return sent, requests
