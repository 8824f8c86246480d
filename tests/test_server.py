"""`policykg serve` driven by real clients over loopback: SPARQLWrapper, rdflib's SPARQLStore, urllib."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg import iris

pytestmark = pytest.mark.slow

MAX_ROWS = 50
TIMEOUT = 2
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
PKO = "PREFIX pko: <https://w3id.org/policykg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
# the countries linked to Wikidata, those the corpus discusses (fewer than MAX_ROWS: the world's are more)
COUNTRIES = PKO + ("SELECT DISTINCT ?c ?label WHERE { ?c a pko:Country ; "
                   "<http://www.w3.org/2004/02/skos/core#exactMatch> ?w ; rdfs:label ?label "
                   "FILTER(LANG(?label) = 'ko') } ORDER BY ?c")
JP = str(iris.entity("country/jp"))


@pytest.fixture(scope="module")
def server(build_base):
    env = dict(os.environ, POLICYKG_BUILD=str(build_base))
    exe = Path(sys.executable).with_name("policykg")
    proc = subprocess.Popen([str(exe), "serve", "--port", "0", "--timeout", str(TIMEOUT), "--max-rows",
                             str(MAX_ROWS), "--workers", "2", "--quiet"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    line = proc.stdout.readline()  # the server prints its address once it listens
    m = re.search(r"serving (http://\S+/) ", line)
    if not m:
        proc.kill()
        raise AssertionError(f"server did not start: {line!r} {proc.stderr.read()}")
    yield m.group(1)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=20) == 0


def _http(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
          method: str | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def _q(server: str, query: str, accept: str = "application/sparql-results+json", **extra: str):
    params = urllib.parse.urlencode({"query": query, **extra})
    return _http(f"{server}sparql?{params}", headers={"Accept": accept})


def _local_rows(engine, query: str) -> list[tuple[str, ...]]:
    return [tuple(t.value for t in row) for row in engine.select(query).rows]


def test_sparqlwrapper_select_in_every_results_format(server, engine):
    from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, URLENCODED, XML, SPARQLWrapper

    expected = _local_rows(engine, COUNTRIES)
    assert 10 < len(expected) < MAX_ROWS
    sw = SPARQLWrapper(server + "sparql")
    sw.setQuery(COUNTRIES)
    sw.setReturnFormat(JSON)
    got = [(b["c"]["value"], b["label"]["value"]) for b in sw.queryAndConvert()["results"]["bindings"]]
    assert got == expected
    assert ("https://w3id.org/policykg/id/country/jp", "일본") in got
    sw.setMethod(POST)
    for request_method in (URLENCODED, POSTDIRECTLY):  # form-encoded and direct POST
        sw.setRequestMethod(request_method)
        res = sw.queryAndConvert()
        assert [(b["c"]["value"], b["label"]["value"]) for b in res["results"]["bindings"]] == expected
    sw = SPARQLWrapper(server + "sparql")
    sw.setQuery(COUNTRIES)
    sw.setReturnFormat(XML)
    doc = sw.queryAndConvert()  # xml.dom.minidom document
    assert len(doc.getElementsByTagName("result")) == len(expected)
    assert "일본" in doc.toxml()
    for fmt, sep in ((CSV, ","), (TSV, "\t")):
        sw.setReturnFormat(fmt)
        text = sw.queryAndConvert().decode("utf-8")
        lines = text.strip().splitlines()
        assert len(lines) == len(expected) + 1
        assert lines[0] == ("c,label" if fmt == CSV else "?c\t?label")
        jp = next(line for line in lines if "country/jp" in line)
        assert jp == (f"{JP},일본" if fmt == CSV else f'<{JP}>\t"일본"@ko'), jp


def test_sparqlwrapper_construct_describe_and_ask(server, engine):
    from SPARQLWrapper import JSON, JSONLD, N3, TURTLE, SPARQLWrapper

    construct = f"CONSTRUCT {{ <{JP}> ?p ?o }} WHERE {{ <{JP}> ?p ?o FILTER(isLiteral(?o)) }}"
    n_local = len(list(engine.raw(construct)))
    assert n_local < MAX_ROWS
    sw = SPARQLWrapper(server + "sparql")
    sw.setQuery(construct)
    for fmt in (TURTLE, JSONLD, N3):
        sw.setReturnFormat(fmt)
        g = sw.queryAndConvert()
        if not isinstance(g, Graph):  # SPARQLWrapper hands back bytes for some formats
            g = Graph().parse(data=g, format={TURTLE: "turtle", JSONLD: "json-ld", N3: "n3"}[fmt])
        assert len(g) == n_local > 5, fmt
        assert Literal("일본", lang="ko") in set(g.objects(URIRef(JP), RDFS.label))
    status, headers, body = _q(server, f"DESCRIBE <{JP}>", "application/n-triples")
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    assert len(Graph().parse(data=body.decode("utf-8"), format="nt")) == MAX_ROWS  # capped
    sw.setQuery(PKO + f"ASK {{ <{JP}> a pko:Country }}")
    sw.setReturnFormat(JSON)
    assert sw.queryAndConvert()["boolean"] is True


def test_rdflib_sparqlstore_gives_the_embedded_answers(server, engine):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    g = Graph(store=SPARQLStore(server + "sparql", returnFormat="json"))
    got = [(str(r[0]), str(r[1])) for r in g.query(COUNTRIES)]
    assert got == _local_rows(engine, COUNTRIES)
    named = PKO + ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    assert [(str(r[0]), int(r[1])) for r in g.query(named)] == \
        [(a, int(b)) for a, b in _local_rows(engine, named)]


def test_statuses_and_content_types(server):
    status, headers, body = _q(server, "SELEC * WHERE { ?s ?p ?o }")
    assert status == 400 and b"malformed query" in body
    status, _, body = _http(server + "sparql", data=urllib.parse.urlencode(
        {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and b"read-only" in body
    status, _, _ = _http(server + "sparql", data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"})
    assert status == 403
    status, _, _ = _q(server, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert status == 403
    status, _, _ = _http(server + "sparql", data=b"SELECT * {}", headers={"Content-Type": "text/plain"})
    assert status == 415
    status, _, body = _q(server, COUNTRIES, "image/png")
    assert status == 406 and b"SELECT results come as" in body
    status, _, _ = _http(server + "sparql", headers={"Accept": "application/sparql-results+json"})
    assert status == 400
    status, headers, body = _http(server + "sparql", headers={"Accept": "text/html"})
    assert status == 200 and headers["Content-Type"].startswith("text/html") and b"<form" in body
    for accept, ctype in (("application/sparql-results+json", "application/sparql-results+json"),
                          ("application/sparql-results+xml", "application/sparql-results+xml"),
                          ("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values"),
                          ("*/*", "application/sparql-results+json"),
                          ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml")):
        status, headers, _ = _q(server, COUNTRIES, accept)
        assert status == 200 and headers["Content-Type"].startswith(ctype), (accept, headers["Content-Type"])
    status, headers, _ = _q(server, f"CONSTRUCT WHERE {{ <{JP}> ?p ?o }}", "application/ld+json")
    assert status == 200 and headers["Content-Type"] == "application/ld+json"
    status, _, _ = _http(server + "nowhere")
    assert status == 404


def test_results_are_capped_and_say_so(server):
    status, headers, body = _q(server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 200 and headers.get("X-PolicyKG-Truncated") == str(MAX_ROWS)
    assert len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    status, headers, body = _q(server, COUNTRIES.replace("ORDER BY ?c", "ORDER BY ?c LIMIT 3"))
    assert "X-PolicyKG-Truncated" not in headers and len(json.loads(body)["results"]["bindings"]) == 3


def test_dataset_parameters_choose_the_graphs(server, engine):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    curated = str(iris.graph("curated"))
    _, _, body = _q(server, count, **{"default-graph-uri": curated})
    n = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    local = int(engine.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{curated}> {{ ?s ?p ?o }} }}").rows[0][0].value)
    assert n == local
    _, _, body = _q(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", **{"named-graph-uri": curated})
    assert [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]] == [curated]


def test_a_query_past_the_timeout_is_stopped_while_others_are_served(server):
    results: dict[str, tuple[int, float]] = {}

    def heavy() -> None:
        t = time.perf_counter()
        status, _, _ = _q(server, HEAVY)
        results["heavy"] = (status, time.perf_counter() - t)

    thread = threading.Thread(target=heavy)
    thread.start()
    time.sleep(0.3)
    t = time.perf_counter()
    status, _, _ = _q(server, COUNTRIES)
    results["light"] = (status, time.perf_counter() - t)
    done_first = "heavy" not in results
    thread.join(30)
    assert results["heavy"][0] == 503 and TIMEOUT <= results["heavy"][1] < TIMEOUT + 10
    assert results["light"][0] == 200 and done_first
    status, _, _ = _q(server, COUNTRIES)  # the stopped worker was replaced
    assert status == 200


def test_named_queries_page_and_results(server, engine):
    status, headers, body = _http(server + "queries", headers={"Accept": "text/html"})
    page = body.decode("utf-8")
    assert status == 200 and 'action="/queries/layer-dependencies"' in page and 'name="country"' in page
    url = server + "queries/layer-dependencies?" + urllib.parse.urlencode({"country": "일본", "lang": "ko"})
    status, _, body = _http(url)
    expected = engine.run_named("layer-dependencies", {"country": "일본"}, lang="ko")
    assert status == 200 and body.decode("utf-8").count("<tr>") == len(expected.rows) + 1 > 1
    status, headers, body = _http(url + "&format=json")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == len(expected.rows)
    status, _, body = _http(server + "queries/layer-dependencies?country=Narnia")
    assert status == 400 and b"Narnia" in body


def test_void_names_this_endpoint(server):
    from rdflib.namespace import VOID

    status, headers, body = _http(server + ".well-known/void")
    g = Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert URIRef(server + "sparql") in set(g.objects(None, VOID.sparqlEndpoint))


def test_server_binds_loopback_by_default(server):
    assert server.startswith("http://127.0.0.1:")


def test_ontology_documentation_and_source(server):
    status, headers, body = _http(server + "ontology", headers={"Accept": "text/html"})
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html") and 'id="Country"' in page
    status, _, body = _http(server + "ontology?lang=ko", headers={"Accept": "text/html"})
    assert status == 200 and "국가" in body.decode("utf-8") and '<html lang="ko"' in body.decode("utf-8")
    status, headers, body = _http(server + "ontology", headers={"Accept": "text/turtle"})
    g = Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert status == 200 and (iris.PKO.Country, RDFS.label, Literal("국가", lang="ko")) in g


def test_served_html_loads_nothing_from_elsewhere(server):
    for path in ("", "sparql", "queries", "ontology", "ontology?lang=ko",
                 "queries/layer-dependencies?country=Japan"):
        _, _, body = _http(server + path, headers={"Accept": "text/html"})
        html = body.decode("utf-8")
        assert not re.search(r"<script[^>]+src=|<link[^>]+stylesheet[^>]+href=\"?https?:|@import", html), path


def test_resource_pages_by_content_negotiation(server):
    status, headers, body = _http(server + "id/country/jp", headers={"Accept": "text/html"})
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html") and "일본" in page and "Japan" in page
    assert 'href="/id/' in page  # neighbours link to their pages on this server
    for accept, ctype, fmt in (("text/turtle", "text/turtle", "turtle"),
                               ("application/ld+json", "application/ld+json", "json-ld"),
                               ("text/html;q=0.5, text/turtle", "text/turtle", "turtle")):
        status, headers, body = _http(server + "id/country/jp", headers={"Accept": accept})
        assert status == 200 and headers["Content-Type"].startswith(ctype), accept
        g = Graph().parse(data=body.decode("utf-8"), format=fmt)
        assert (URIRef(JP), RDFS.label, Literal("일본", lang="ko")) in g
    status, headers, _ = _http(server + "id/country/jp.ttl")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert _http(server + "id/country/narnia")[0] == 404
    assert _http(server + "id/country/jp", headers={"Accept": "image/png"})[0] == 406
