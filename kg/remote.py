"""Talking to remote SPARQL 1.1 servers: querying one (pushing a build into one is
:mod:`kg.push`).

:class:`RemoteStore` is the query side of the SPARQL 1.1 Protocol with the one method of a
pyoxigraph ``Store`` that :class:`kg.queries.Engine` uses, ``query(text,
use_default_graph_as_union=..., substitutions=...)``, so every named query runs unchanged against
the server. Its dataset is our graphs only (the protocol's ``named-graph-uri`` for the four
graphs, ``default-graph-uri`` for their union), so a server's own system graphs never leak into
answers. The union is a graph of its own on the server, :data:`UNION_GRAPH`, written by
:func:`kg.push.push` next to the four: Virtuoso 7.2 answers some queries wrongly (one row instead of
hundreds, duplicates under DISTINCT) when the default graph is made of three or more graphs.
The protocol has no pre-binding: parameters are bound by a ``VALUES`` block at the start of the
outermost ``WHERE`` group, which gives the answers of Oxigraph's substitutions (the test suite
compares both on every named query).

HTTP is the standard library's urllib, with HTTP Basic and Digest authentication (Virtuoso's
``/sparql-auth`` and ``/sparql-graph-crud-auth`` want Digest). Terms are written by pyoxigraph's
N-Triples serializer, never by string formatting, so Korean text, quotes, newlines, language
tags and datatypes arrive as they are.
"""

from __future__ import annotations

import functools
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from typing import Any

from . import iris
from .binding import bind_values, strip_comments_and_strings
from .errors import PolicyKGError, QueryError

QUERY_TIMEOUT = 60.0   # seconds for one query
PREAUTH_BYTES = 1 << 16  # uploads larger than this fetch the authentication challenge first

# the union of the four graphs, pushed as one more graph to be the default graph of queries
UNION_GRAPH = str(iris.UNION_GRAPH)

RESULTS_ACCEPT = "application/sparql-results+xml, application/sparql-results+json;q=0.9"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9"


class RemoteError(PolicyKGError):
    """A remote SPARQL server could not be reached, refused the request or answered wrongly."""


class RemoteUnreachable(RemoteError):
    """Nothing answers at the endpoint URL."""


class RemoteAuthError(RemoteError):
    """The server wants credentials (401) that were not given or not accepted."""


# ------------------------------------------------------------------ HTTP
def parse_auth(auth: str | None) -> tuple[str, str] | None:
    """``user:password`` from ``--auth``, else from ``$POLICYKG_AUTH``, else None.

    >>> parse_auth("dba:s3:cret")
    ('dba', 's3:cret')
    """
    value = auth if auth is not None else os.environ.get("POLICYKG_AUTH")
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user:
        raise RemoteError("credentials must be given as user:password (--auth or POLICYKG_AUTH)")
    return user, password


def check_url(url: str, what: str = "--endpoint") -> str:
    u = urllib.parse.urlsplit(url)
    if u.scheme not in ("http", "https") or not u.netloc:
        raise RemoteError(f"{what} {url!r} is not an http(s) URL, e.g. http://127.0.0.1:8890/sparql")
    return url


def _server_message(body: bytes, limit: int = 300) -> str:
    """The gist of an error answer: whitespace collapsed, tags dropped from an HTML page, shortened.

    >>> _server_message(b"<html><title>x</title><body><h1>Bad</h1> <p>no graph</p></body></html>")
    'Bad no graph'
    >>> _server_message(b"Error SP031: in DROP GRAPH <http://e/g>")
    'Error SP031: in DROP GRAPH <http://e/g>'
    """
    text = body.decode("utf-8", errors="replace")
    if re.match(r"(?is)\s*(<!doctype html|<html|<\?xml|<head|<body)", text):
        text = re.sub(r"(?is)<(script|style|title)\b.*?</\1>", " ", text)
        text = re.sub(r"<[^>]+>", " ", text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Http:
    """One urllib opener with Basic and Digest authentication, and errors that say what to do."""

    def __init__(self, auth: tuple[str, str] | None, timeout: float) -> None:
        self.auth = auth
        self.timeout = timeout
        handlers: list[Any] = []
        if auth:
            self.passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            self.digest = urllib.request.HTTPDigestAuthHandler(self.passwords)
            handlers = [self.digest, urllib.request.HTTPBasicAuthHandler(self.passwords)]
        self.opener = urllib.request.build_opener(*handlers)

    def request(self, method: str, url: str, data: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[dict[str, str], bytes]:
        import http.client

        req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        try:
            if self.auth:
                self.passwords.add_password(None, url, *self.auth)
                if data is not None and len(data) > PREAUTH_BYTES:
                    self._preauthorize(req)
            with self.opener.open(req, timeout=self.timeout) as resp:
                return {k.lower(): v for k, v in resp.headers.items()}, resp.read()
        except urllib.error.HTTPError as exc:
            body = exc.read() if exc.fp else b""
            raise self._http_error(exc.code, exc.reason, url, body) from None
        except urllib.error.URLError as exc:
            raise RemoteUnreachable(f"cannot reach {url} ({exc.reason}): the SPARQL server must be "
                                    f"running and listening at that URL") from None
        except TimeoutError:
            raise RemoteError(f"{url} did not answer within {self.timeout:.0f} s") from None
        except (OSError, http.client.HTTPException) as exc:
            raise RemoteUnreachable(f"connection to {url} failed ({exc.__class__.__name__}: {exc}): the "
                                    f"SPARQL server must be running and listening at that URL") from None
        except ValueError as exc:  # urllib's digest handler on an authentication scheme it does not know
            raise RemoteAuthError(f"{url}: {exc}") from None

    def _preauthorize(self, req: urllib.request.Request) -> None:
        """Authenticate a large upload in its first attempt. Sent without credentials, it would get
        a 401 challenge that servers (Virtuoso) send before reading the body, closing the connection
        under a client still writing it. A HEAD request fetches the challenge first."""
        import base64

        probe = urllib.request.Request(req.full_url, method="HEAD")
        try:
            with urllib.request.urlopen(probe, timeout=self.timeout):
                return  # no credentials needed
        except urllib.error.HTTPError as exc:
            challenges = (exc.headers.get_all("WWW-Authenticate") or []) if exc.code == 401 else []
        digest = next((c for c in challenges if c.lower().startswith("digest ")), None)
        if digest:
            chal = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(digest[7:])))
            value = self.digest.get_authorization(req, chal)
            if value:
                req.add_unredirected_header("Authorization", f"Digest {value}")
        elif any(c.lower().startswith("basic") for c in challenges):
            token = base64.b64encode(":".join(self.auth).encode("utf-8")).decode("ascii")
            req.add_unredirected_header("Authorization", f"Basic {token}")

    def _http_error(self, code: int, reason: str, url: str, body: bytes) -> RemoteError:
        said = _server_message(body)
        said = f"; the server said: {said}" if said else ""
        if code == 401:
            if self.auth:
                return RemoteAuthError(f"{url} answered 401 Unauthorized: the server refused the credentials of "
                                       f"user {self.auth[0]!r}; check --auth user:password (or POLICYKG_AUTH)")
            return RemoteAuthError(f"{url} answered 401 Unauthorized: it needs credentials; pass --auth "
                                   f"user:password (or set POLICYKG_AUTH)")
        if code == 403:
            return RemoteAuthError(f"{url} answered 403 Forbidden: the user may not do this (on Virtuoso, "
                                   f"updates need the SPARQL_UPDATE role){said}")
        if code == 404:
            return RemoteError(f"{url} answered 404 Not Found: check the endpoint URL{said}")
        return RemoteError(f"{url} answered {code} {reason}{said}")


def _with_params(url: str, params: list[tuple[str, str]]) -> str:
    return url + ("&" if urllib.parse.urlsplit(url).query else "?") + urllib.parse.urlencode(params)


def _media_type(headers: dict[str, str]) -> str:
    return headers.get("content-type", "").split(";", 1)[0].strip().lower()


# ------------------------------------------------------------------ queries
class RemoteTriples:
    """The triples a CONSTRUCT or DESCRIBE returned, serializable like pyoxigraph's QueryTriples."""

    def __init__(self, triples: list[Any]) -> None:
        self.triples = triples

    def __iter__(self):
        return iter(self.triples)

    def __len__(self) -> int:
        return len(self.triples)

    def serialize(self, output=None, format=None):  # noqa: A002 - the name pyoxigraph uses
        import pyoxigraph as ox

        return ox.serialize(self.triples, output, format)


class RemoteStore:
    """A SPARQL 1.1 query endpoint that answers like the embedded store, e.g.
    ``Engine(RemoteStore("http://127.0.0.1:8890/sparql")).run_named("layer-dependencies", {"country": "JP"})``.

    ``graphs``: the named graphs of the dataset (default: our four); ``union_graph``: the graph
    holding their union, the default graph (default :data:`UNION_GRAPH`, which :func:`kg.push.push` writes;
    None: the default graph is the union of ``graphs`` by the protocol). For a build pushed into
    one graph (``push(graph=IRI)``) give ``graphs=[IRI], union_graph=None``. The first query
    checks that the default graph holds triples (``check_dataset=False``: no check), so a
    server nothing was pushed to is an error saying so, not empty answers.
    """

    def __init__(self, endpoint: str, *, graphs: Iterable[str] | None = None,
                 union_graph: str | None = UNION_GRAPH, auth: str | None = None,
                 timeout: float = QUERY_TIMEOUT, check_dataset: bool = True) -> None:
        self.endpoint = check_url(endpoint)
        self.graphs = tuple(graphs) if graphs else tuple(str(iris.graph(n)) for n in iris.GRAPH_NAMES)
        self.default_graphs = (union_graph,) if union_graph else self.graphs
        for g in self.graphs + self.default_graphs:
            _graph_term(g)
        self._http = _Http(parse_auth(auth), timeout)
        self._checked = not check_dataset

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint!r}, graphs={list(self.graphs)!r}, default={list(self.default_graphs)!r})"

    def query(self, query: str, *, use_default_graph_as_union: bool = True, substitutions: dict | None = None,
              default_graph: Iterable[Any] | None = None, named_graphs: Iterable[Any] | None = None):
        """Run ``query`` on the server; returns pyoxigraph's ``QuerySolutions`` or ``QueryBoolean``, or
        :class:`RemoteTriples` for CONSTRUCT and DESCRIBE.

        Like pyoxigraph, raises ``SyntaxError`` for malformed SPARQL (checked here, before sending).
        """
        import pyoxigraph as ox

        if not self._checked:
            self._checked = True
            self._check_dataset()
        subs = {(k.value if isinstance(k, ox.Variable) else str(k)): v for k, v in (substitutions or {}).items()}
        form = _query_form(query, tuple(sorted(subs)))
        text = bind_values(query, subs, construct=form == "triples") if subs else query
        if default_graph is not None:
            defaults = [_iri_of(g) for g in default_graph]
        elif use_default_graph_as_union:
            defaults = list(self.default_graphs)
        else:
            raise QueryError("a remote store's default graph is the union of its graphs, or give default_graph")
        named = [_iri_of(g) for g in named_graphs] if named_graphs is not None else list(self.graphs)
        params = [("query", text)] + [("default-graph-uri", g) for g in defaults] + \
                 [("named-graph-uri", g) for g in named]
        accept = GRAPH_ACCEPT if form == "triples" else RESULTS_ACCEPT
        headers, body = self._http.request(
            "POST", self.endpoint, urllib.parse.urlencode(params).encode("ascii"),
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        media = _media_type(headers)
        if form == "triples":
            fmt = ox.RdfFormat.from_media_type(media) if media else None
            if fmt is None:
                raise RemoteError(f"{self.endpoint} answered a CONSTRUCT with {media or 'no content type'}, "
                                  f"not RDF: {_server_message(body, 120)}")
            try:
                return RemoteTriples(list(ox.parse(body, fmt)))
            except SyntaxError as exc:
                raise RemoteError(f"{self.endpoint} sent {media} that does not parse: {exc}") from None
        fmt = ox.QueryResultsFormat.from_media_type(media) if media else None
        if fmt is None:
            raise RemoteError(f"{self.endpoint} answered with {media or 'no content type'}, not SPARQL "
                              f"results: {_server_message(body, 120)}")
        # Virtuoso labels blank nodes `nodeID://b123`, which is not a valid blank-node label
        body = body.replace(b"nodeID://", b"")
        try:
            return ox.parse_query_results(body, fmt)
        except SyntaxError as exc:
            raise RemoteError(f"{self.endpoint} sent SPARQL results that do not parse: {exc}") from None

    def _check_dataset(self) -> None:
        counts = remote_counts(self, named_graphs=sorted(set(self.graphs + self.default_graphs)))
        empty = [g for g in self.default_graphs if not counts.get(g)]
        if empty:
            raise RemoteError(f"{self.endpoint} holds no triples in {', '.join(empty)}: push the build there "
                              f"first (`policykg push`), or name the graph it was pushed into (--graph IRI)")


def _iri_of(g: Any) -> str:
    return g.value if hasattr(g, "value") else str(g)


def _graph_term(iri: str):
    import pyoxigraph as ox

    try:
        node = ox.NamedNode(iri)
    except ValueError as exc:
        raise RemoteError(f"graph {iri!r} is not a valid IRI: {exc}") from None
    if not urllib.parse.urlsplit(iri).scheme:
        raise RemoteError(f"graph {iri!r} is not an absolute IRI")
    return node


@functools.lru_cache(maxsize=512)
def _query_form(query: str, variables: tuple[str, ...]) -> str:
    """``solutions``, ``boolean`` or ``triples``: what the query returns. Parsed (and run on an empty
    store) by pyoxigraph, so malformed SPARQL or a substituted variable the query does not project
    fails here exactly as on the embedded store."""
    import pyoxigraph as ox

    dummy = ox.NamedNode("urn:policykg:parameter")
    try:
        res = ox.Store().query(query, substitutions={ox.Variable(v): dummy for v in variables} or None)
    except SyntaxError:
        raise
    except Exception:  # valid SPARQL Oxigraph cannot run (a server's own functions): the server decides
        m = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", strip_comments_and_strings(query), re.I)
        kind = m.group(1).upper() if m else "SELECT"
        return {"SELECT": "solutions", "ASK": "boolean"}.get(kind, "triples")
    if isinstance(res, ox.QuerySolutions):
        return "solutions"
    return "boolean" if isinstance(res, ox.QueryBoolean) else "triples"


def remote_counts(store: RemoteStore, named_graphs: Iterable[str] | None = None) -> dict[str, int]:
    """Triples per named graph of a store (or of ``named_graphs``), by the named query ``graph-triples``."""
    from .queries import load_queries

    res = store.query(load_queries()["graph-triples"].text, named_graphs=named_graphs)
    return {sol["graph"].value: int(sol["triples"].value) for sol in res}
