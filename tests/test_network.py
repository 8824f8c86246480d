"""kg.network: the analytics on a small hand-made graph with known answers, and the projection of
the real build (nodes with both labels, edges with statuses and their source sentences)."""

from __future__ import annotations

import networkx as nx
import pytest

from kg import analyze as an
from kg import network as kn


def ev(fact: str, quote: str = "", status: str = "curated") -> kn.Evidence:
    return kn.Evidence(fact, status, "doc/t", 1, 2, quote)


@pytest.fixture()
def g() -> nx.MultiDiGraph:
    """A, B depend on S1 for compute (A also on S2); B depends on S2 for models; S2 depends on S1
    for compute. A controls models, B strengthens the cloud layer through the resource `gpu`."""
    g = nx.MultiDiGraph()
    for n, t in [("country/a", "Country"), ("country/b", "Country"), ("company/s1", "Company"),
                 ("company/s2", "Company"), ("resource/gpu", "Resource")]:
        g.add_node(n, type=t, label_en=n.split("/")[1].upper(), label_ko="", schemes=[])
    for lay in ("layer/compute", "layer/models", "layer/cloud"):
        g.add_node(lay, type="Layer", label_en=lay, label_ko="계층", schemes=["s"])
    g.add_node("layer/other", type="Layer", label_en="other", label_ko="", schemes=["t"])
    g.add_edge("resource/gpu", "layer/cloud", key="belongsToLayer", relation="belongsToLayer", evidence=[])
    g.add_edge("resource/gpu", "layer/other", key="belongsToLayer", relation="belongsToLayer", evidence=[])

    def dep(actor: str, layer: str, supplier: str, fact: str) -> None:
        e = [ev(fact, f"{actor} relies on {supplier}")]
        for rel, o in (("dependsOnLayer", layer), ("dependsOnSupplier", supplier)):
            if g.has_edge(actor, o, key=rel):
                g.edges[actor, o, rel]["evidence"].extend(e)
            else:
                g.add_edge(actor, o, key=rel, relation=rel, evidence=list(e))

    dep("country/a", "layer/compute", "company/s1", "dep/1")
    dep("country/a", "layer/compute", "company/s2", "dep/2")
    dep("country/b", "layer/compute", "company/s1", "dep/3")
    dep("country/b", "layer/models", "company/s2", "dep/4")
    dep("company/s2", "layer/compute", "company/s1", "dep/5")
    g.add_edge("country/a", "layer/models", key="directlyControls", relation="directlyControls",
               evidence=[ev("claim/c", "A controls models")])
    g.add_edge("country/b", "resource/gpu", key="strengthens", relation="strengthens", evidence=[ev("claim/s")])
    return g


def test_stance_matrix_with_resources_mapped_to_the_scheme(g):
    cells = kn.stance_matrix(g, "s")
    assert {k: an.code(c) for k, c in cells.items()} == {
        ("country/a", "layer/compute"): "D", ("country/a", "layer/models"): "C",
        ("country/b", "layer/compute"): "D", ("country/b", "layer/models"): "D", ("country/b", "layer/cloud"): "S",
        ("company/s2", "layer/compute"): "D"}
    assert [e.fact for e in cells[("country/a", "layer/models")].evidence] == ["claim/c"]
    assert {k: an.code(c) for k, c in kn.stance_matrix(g, "t").items()} == {("country/b", "layer/other"): "S"}


def test_supplier_concentration_counts_dependents_per_layer(g):
    conc = kn.supplier_concentration(g, "s")
    assert [(s, n) for s, n, _e in conc["layer/compute"]] == [("company/s1", 3), ("company/s2", 1)]
    assert [(s, n) for s, n, _e in conc["layer/models"]] == [("company/s2", 1)]
    assert {e.fact for _s, _n, evs in conc["layer/compute"][:1] for e in evs} == {"dep/1", "dep/3", "dep/5"}


def test_centrality_paths_and_sole_suppliers(g):
    assert all(c == 0 for _n, c in kn.centrality(g))  # every dependent reaches S1 directly
    g.add_node("country/c", type="Country", label_en="C", label_ko="", schemes=[])
    g.add_edge("country/c", "company/s2", key="dependsOnSupplier", relation="dependsOnSupplier", evidence=[])
    bc = dict(kn.centrality(g))  # C reaches S1 only through S2
    assert bc["company/s2"] > 0 and bc["country/a"] == 0 and bc["company/s1"] == 0
    assert kn.dependency_paths(g, "country/c", "company/s1") == [["country/c", "company/s2", "company/s1"]]
    assert kn.dependency_paths(g, "country/b", "company/s1") == [["country/b", "company/s1"]]
    assert kn.dependency_paths(g, "company/s1", "country/a") == []
    sole = [(s, d, lay) for s, d, lay, _e in kn.critical_suppliers(g, "s")]
    # A has two compute suppliers, so neither is critical for A
    assert sole == [("company/s1", "company/s2", "layer/compute"), ("company/s1", "country/b", "layer/compute"),
                    ("company/s2", "country/b", "layer/models")]


def test_analysis_outputs_carry_the_facts(g):
    a = an.analyse(g, "s", path=("country/b", "company/s1"))
    assert a.actors == ["country/a", "country/b"]
    csv_text = an.matrix_csv(g, a)
    assert "country/a,A,layer/models,layer/models,1,0,0,claim/c,doc/t:1-2 A controls models" in csv_text
    report = an.text_report(g, a, evidence=True)
    assert "B -> S1" in report and "dep/4" in report
    assert an.to_json(g, a)["paths"] == [[{"node": "country/b", "label": "B"}, {"node": "company/s1", "label": "S1"}]]


def test_heatmap_escapes_labels_and_quotes(g):
    g.nodes["country/a"]["label_en"] = "<script>alert(1)</script>"
    g.edges["country/a", "layer/models", "directlyControls"]["evidence"] = [ev("claim/x", '"><img src=x onerror=1>')]
    page = an.heatmap_html(g, an.analyse(g, "s"))
    assert "<script>alert" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.slow
def test_projection_of_the_build(engine):
    g = kn.project(engine)
    jp = g.nodes["country/jp"]
    assert jp["type"] == "Country" and jp["label_en"] == "Japan" and jp["label_ko"] == "일본"
    deps = [(o, d) for _s, o, rel, d in g.out_edges("country/jp", keys=True, data=True) if rel == "dependsOnLayer"]
    assert deps and all("curated" in d["statuses"] or "proposed" in d["statuses"] for _o, d in deps)
    quotes = [e.quote for _o, d in deps for e in d["evidence"]]
    assert any("의존" in q for q in quotes)
    statuses = {s for *_e, d in g.edges(data=True) for s in d["statuses"]}
    assert {"curated", "accepted", "proposed", "inferred"} <= statuses
    # every layer of the three schemes, with its scheme
    assert {s for _n, a in g.nodes(data=True) if a["type"] == "Layer" for s in a["schemes"]} == {
        "stack4", "elements7", "chain4"}
    # a country nothing is said of (one of the world's, kg/curated/countries.yaml) is no node
    countries = [n for n, t in g.nodes(data="type") if t == "Country"]
    assert "country/id" not in g and all(g.degree(n) for n in countries) and len(countries) < 60
    assert engine.raw("ASK { <https://w3id.org/policykg/id/country/id> a <https://w3id.org/policykg/ontology#Country> }")
