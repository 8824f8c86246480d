"""The ontology: parses, reasons consistently with HermiT, and its axioms really derive facts."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from kg import iris
from kg.build import load_ontology
from kg.iris import PKO
from kg.reason import reason

ID = iris.ID


@pytest.fixture(scope="module")
def tbox() -> Graph:
    return load_ontology()


def test_three_layer_frameworks_with_mappings(tbox):
    from rdflib.namespace import SKOS

    schemes = {str(s).rsplit("/", 1)[-1] for s in tbox.subjects(RDF.type, SKOS.ConceptScheme)}
    assert {"stack4", "elements7", "chain4", "kiep-typology", "brief-paths"} <= schemes
    mapped = {(s, o) for p in (SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch) for s, o in tbox.subject_objects(p)}
    assert (ID["layer/exec"], ID["element/compute"]) in mapped
    assert (ID["layer/cloud"], ID["element/compute"]) in mapped


def _fixture_abox() -> Graph:
    g = Graph()
    dep = ID["dependency/t1"]
    g.add((dep, RDF.type, PKO.Dependency))
    g.add((dep, PKO.dependent, ID["country/jp"]))
    g.add((ID["country/jp"], RDF.type, PKO.Country))
    g.add((dep, PKO.onResource, ID["resource/gpu"]))
    g.add((ID["policy/p"], RDF.type, PKO.Policy))
    g.add((ID["country/jp"], PKO.hasPolicy, ID["policy/p"]))
    return g


def test_hermit_derives_property_chains_and_inverses(tbox):
    rr = reason(tbox, _fixture_abox(), strategy="hermit")
    inf = rr.inferred
    assert set(reason(tbox, _fixture_abox()).inferred) == set(inf)  # the default (sample + rules) agrees
    jp = ID["country/jp"]
    # hasDependency is the inverse of dependent; the chains then give layers in every framework
    assert (jp, PKO.hasDependency, ID["dependency/t1"]) in inf
    assert (ID["dependency/t1"], PKO.onLayer, ID["layer/exec"]) in inf
    for layer in ("layer/exec", "element/compute", "chain/chip"):
        assert (jp, PKO.dependsOnLayer, ID[layer]) in inf, layer
    assert (jp, PKO.dependsOnResource, ID["resource/gpu"]) in inf
    assert (ID["policy/p"], PKO.policyOf, jp) in inf
    assert rr.consistent and rr.n_from_reasoner > 0


def test_inconsistency_is_reported(tbox):
    from kg.errors import BuildError

    g = _fixture_abox()
    g.add((ID["country/jp"], RDF.type, PKO.Company))  # Country and Organisation are disjoint
    with pytest.raises(BuildError, match="inconsistent"):
        reason(tbox, g)


def test_built_graph_is_consistent_and_has_inferred_graph(build_base):
    import json

    summary = json.loads((build_base / "current" / "summary.json").read_text(encoding="utf-8"))
    assert summary["reasoner_consistent"] and summary["shacl_conforms"]
    assert summary["triples"]["inferred"] > 100
    assert summary["triples"]["extracted"] > 100
    # every document of the default corpus went through extraction
    assert {d["id"] for d in summary["extraction"]["documents"]} == {"brief", "kiep"}
    assert all(d["facts"] > 0 for d in summary["extraction"]["documents"])


@pytest.mark.parametrize(("label", "resource"), [
    ("칩 생산", "chip-manufacturing"), ("첨단 공정", "chip-manufacturing"), ("위탁생산", "chip-manufacturing"),
    ("chip production", "chip-manufacturing"), ("반도체", "ai-chip"), ("칩셋", "ai-chip"), ("운영체제", "dev-tools"),
])
def test_names_of_the_stack_s_parts(tbox, label, resource):
    # "칩 생산을 TSMC에 기댄다" is a dependence on chip making, not on the chips
    from rdflib import Literal
    from rdflib.namespace import RDFS, SKOS

    named = {str(s) for p in (SKOS.altLabel, SKOS.prefLabel, RDFS.label)
             for lang in ("ko", "en") for s in tbox.subjects(p, Literal(label, lang=lang))}
    assert iris.ID_BASE + "resource/" + resource in named, named
