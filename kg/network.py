"""The knowledge graph as a networkx graph, and the dependency analytics on it.

:func:`project` turns the built store into a :class:`networkx.MultiDiGraph` through three named
queries (``queries/views/graph-*.rq``): one node per named entity (countries, blocs, agencies,
companies, policies, layers, resources...), one edge per relation between two of them, each edge
with its statuses (``curated``, ``accepted``, ``proposed``, ``inferred``, ``ontology``) and the
facts it rests on (document, line range and source sentence).

The analytics take that graph (or any graph of the same shape, e.g. a small test fixture):

- :func:`stance_matrix`: actor x layer cells of control, strengthening and external dependency,
  for one layer scheme, each cell with its facts;
- :func:`supplier_concentration`: per layer, which suppliers the most dependencies point to;
- :func:`dependency_network` / :func:`centrality`: who depends on whom, and betweenness on it;
- :func:`dependency_paths`: shortest chains of dependence between two actors;
- :func:`critical_suppliers`: suppliers whose removal would leave a dependent without any supplier
  for a layer.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

import networkx as nx

from . import iris

# class local name -> the type a view shows (first match wins: the most specific)
NODE_TYPES = [
    ("Country", "Country"), ("SupranationalBloc", "Bloc"), ("GovernmentAgency", "Agency"),
    ("Company", "Company"), ("ResearchOrganisation", "Organisation"), ("ActorGroup", "Group"),
    ("Region", "Region"), ("LawOrRegulation", "Policy"), ("StrategyOrPlan", "Policy"),
    ("ProgrammeOrProject", "Policy"), ("InvestmentOrFund", "Policy"), ("Initiative", "Policy"),
    ("Policy", "Policy"), ("AIModel", "Model"), ("Product", "Product"), ("InfrastructureAsset", "Asset"),
    ("Layer", "Layer"), ("Resource", "Resource"),
]
_TYPE_ORDER = {cls: i for i, (cls, _t) in enumerate(NODE_TYPES)}
ACTOR_TYPES = frozenset({"Country", "Bloc", "Agency", "Company", "Organisation", "Group", "Region"})

# relation (property local name) -> the stance it expresses towards a layer or resource
STANCES = {"directlyControls": "controls", "strengthens": "strengthens", "supplements": "strengthens",
           "prioritises": "strengthens", "dependsOnLayer": "depends", "dependsOnResource": "depends"}
STATUS_ORDER = ("curated", "accepted", "proposed", "inferred", "ontology")


@dataclass(frozen=True)
class Evidence:
    fact: str  # the claim or dependency node's id
    status: str  # curated | accepted | proposed | rejected
    doc: str = ""
    line_start: int = 0
    line_end: int = 0
    quote: str = ""
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"fact": self.fact, "status": self.status, "doc": self.doc, "lines": [self.line_start, self.line_end],
                "quote": self.quote, "rule": self.rule}


@dataclass
class Cell:
    """One actor x layer cell of the stance matrix."""

    stances: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)


# ------------------------------------------------------------------ projection
def project(engine) -> nx.MultiDiGraph:
    """The built graph (a :class:`kg.queries.Engine`) as a networkx multigraph."""
    nodes = engine.run_named("graph-nodes")
    edges = engine.run_named("graph-edges")
    evidence = engine.run_named("graph-evidence")

    def val(term) -> str:
        return "" if term is None else term.value

    g = nx.MultiDiGraph()
    best: dict[str, str] = {}
    for ent, cls, en, ko, country, scheme in nodes.rows:
        eid = iris.local_id(ent.value) or ent.value
        local = cls.value.rsplit("#", 1)[-1]
        attrs = g.nodes[eid] if eid in g else {"iri": ent.value, "label_en": "", "label_ko": "", "country": "",
                                                "schemes": set()}
        if eid not in best or _TYPE_ORDER[local] < _TYPE_ORDER[best[eid]]:
            best[eid] = local
        attrs["label_en"] = attrs["label_en"] or val(en)
        attrs["label_ko"] = attrs["label_ko"] or val(ko)
        if country is not None and not attrs["country"]:
            attrs["country"] = iris.local_id(country.value) or ""
        if scheme is not None:
            attrs["schemes"].add(scheme.value.rsplit("/", 1)[-1])
        g.add_node(eid, **attrs)
    for eid, local in best.items():
        g.nodes[eid]["type"] = dict(NODE_TYPES)[local]
        g.nodes[eid]["schemes"] = sorted(g.nodes[eid]["schemes"])

    facts: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for s, p, o, fact, status, rule, quote, doc, ls, le in evidence.rows:
        key = (iris.local_id(s.value) or s.value, p.value.rsplit("#", 1)[-1], iris.local_id(o.value) or o.value)
        facts[key].append(Evidence(iris.local_id(fact.value) or fact.value, status.value.rsplit("/", 1)[-1],
                                   iris.local_id(val(doc)) or val(doc), int(val(ls) or 0), int(val(le) or 0),
                                   val(quote), val(rule)))
    graphs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for s, p, o, gname in edges.rows:
        si, oi = iris.local_id(s.value), iris.local_id(o.value)
        if si in g and oi in g and si != oi:
            graphs[(si, p.value.rsplit("#", 1)[-1], oi)].add(gname.value.rsplit("/", 1)[-1])
    for (s, rel, o), names in sorted(graphs.items()):
        evs = _dedupe(facts.get((s, rel, o), []))
        statuses = {e.status for e in evs if e.status != "rejected"}
        if "curated" in names:
            statuses.add("curated")
        if "inferred" in names and not statuses:
            statuses.add("inferred")
        if "ontology" in names and not statuses:
            statuses.add("ontology")
        if "extracted" in names and not statuses:
            statuses.add("proposed")
        g.add_edge(s, o, key=rel, relation=rel, statuses=sorted(statuses, key=_status_rank),
                   evidence=evs)
    # the world's countries are reference data (kg/curated/countries.yaml): a country nothing is
    # said of is no node of the graph, or every graph would carry two hundred of them
    g.remove_nodes_from([n for n, t in g.nodes(data="type") if t == "Country" and g.degree(n) == 0])
    return g


def _dedupe(evs: list[Evidence]) -> list[Evidence]:
    seen, out = set(), []
    for e in evs:
        k = (e.fact, e.doc, e.line_start, e.quote)
        if k not in seen:
            seen.add(k)
            out.append(e)
    return out


def label(g: nx.MultiDiGraph, node: str, lang: str = "en") -> str:
    """A node's label in ``lang``, else the other language, else its id."""
    a = g.nodes[node] if node in g else {}
    other = "ko" if lang == "en" else "en"
    return a.get(f"label_{lang}") or a.get(f"label_{other}") or node


# ------------------------------------------------------------------ views of the graph
def subgraph_of(g: nx.MultiDiGraph, ids: Iterable[str]) -> nx.MultiDiGraph:
    """The nodes ``ids`` (those present) with every edge between them."""
    return g.subgraph([i for i in ids if i in g]).copy()


def layers_of(g: nx.MultiDiGraph, node: str, scheme: str | None = None) -> list[str]:
    """``node`` itself if it is a layer, else the layers it belongs to; only those of ``scheme``
    when one is given."""
    def wanted(layer: str) -> bool:
        return scheme is None or scheme in g.nodes[layer].get("schemes", [])

    if g.nodes[node].get("type") == "Layer":
        return [node] if wanted(node) else []
    return sorted({o for _s, o, rel in g.out_edges(node, keys=True) if rel == "belongsToLayer" and wanted(o)})


def stance_matrix(g: nx.MultiDiGraph, scheme: str) -> dict[tuple[str, str], Cell]:
    """(actor, layer) -> the stances (controls, strengthens, depends) with the facts they rest on.

    A stance towards a resource counts for every layer of ``scheme`` the resource belongs to.
    """
    cells: dict[tuple[str, str], Cell] = {}
    for s, o, rel, data in g.edges(keys=True, data=True):
        stance = STANCES.get(rel)
        if stance is None or g.nodes[s].get("type") not in ACTOR_TYPES:
            continue
        for layer in layers_of(g, o, scheme):
            cell = cells.setdefault((s, layer), Cell())
            cell.stances.add(stance)
            cell.evidence.extend(e for e in data.get("evidence", []) if e not in cell.evidence)
    return cells


def dependency_network(g: nx.MultiDiGraph) -> nx.DiGraph:
    """Dependent -> supplier, one edge per pair, with the layers and facts of the dependence."""
    d = nx.DiGraph()
    for s, o, rel, data in g.edges(keys=True, data=True):
        if rel != "dependsOnSupplier":
            continue
        if not d.has_edge(s, o):
            d.add_edge(s, o, layers=set(), evidence=[])
        d[s][o]["evidence"].extend(data.get("evidence", []))
    for s, o in d.edges():
        d[s][o]["layers"] = _supplied_layers(g, s, o)
    return d


def _supplied_layers(g: nx.MultiDiGraph, dependent: str, supplier: str) -> set[str]:
    """Layers and resources a dependent relies on the supplier for: those stated on the same facts."""
    facts = {e.fact for _s, o, rel, data in g.out_edges(dependent, keys=True, data=True)
             if rel == "dependsOnSupplier" and o == supplier for e in data.get("evidence", [])}
    out = set()
    for _s, o, rel, data in g.out_edges(dependent, keys=True, data=True):
        if rel in ("dependsOnLayer", "dependsOnResource") and facts & {e.fact for e in data.get("evidence", [])}:
            out.add(o)
    return out


def supplier_concentration(g: nx.MultiDiGraph, scheme: str,
                           d: nx.DiGraph | None = None) -> dict[str, list[tuple[str, int, list[Evidence]]]]:
    """Layer -> suppliers ranked by how many dependents rely on them for that layer, with the facts.
    ``d``: the :func:`dependency_network` of ``g``, when already computed (as for the next ones)."""
    d = dependency_network(g) if d is None else d
    per: dict[str, dict[str, tuple[set[str], list[Evidence]]]] = defaultdict(dict)
    for s, o, data in d.edges(data=True):
        layers = {lay for thing in data["layers"] for lay in layers_of(g, thing, scheme)}
        for lay in layers:
            deps, evs = per[lay].setdefault(o, (set(), []))
            deps.add(s)
            evs.extend(e for e in data["evidence"] if e not in evs)
    return {lay: sorted(((sup, len(deps), evs) for sup, (deps, evs) in sups.items()), key=lambda x: (-x[1], x[0]))
            for lay, sups in sorted(per.items())}


def centrality(g: nx.MultiDiGraph, d: nx.DiGraph | None = None) -> list[tuple[str, float]]:
    """Betweenness centrality on the dependency network (dependent -> supplier), highest first."""
    d = dependency_network(g) if d is None else d
    if d.number_of_nodes() == 0:
        return []
    bc = nx.betweenness_centrality(d, normalized=True)
    return sorted(bc.items(), key=lambda x: (-x[1], x[0]))


def dependency_paths(g: nx.MultiDiGraph, source: str, target: str, limit: int = 5,
                     d: nx.DiGraph | None = None) -> list[list[str]]:
    """The shortest chains ``source`` -> supplier -> ... -> ``target`` of dependence."""
    d = dependency_network(g) if d is None else d
    if source not in d or target not in d:
        return []
    try:
        paths = nx.all_shortest_paths(d, source, target)
        return [p for _i, p in zip(range(limit), paths)]
    except nx.NetworkXNoPath:
        return []


def critical_suppliers(g: nx.MultiDiGraph, scheme: str,
                       d: nx.DiGraph | None = None) -> list[tuple[str, str, str, list[Evidence]]]:
    """(supplier, dependent, layer, facts): the dependent's only supplier for that layer."""
    d = dependency_network(g) if d is None else d
    suppliers: dict[tuple[str, str], dict[str, list[Evidence]]] = defaultdict(dict)
    for s, o, data in d.edges(data=True):
        for lay in {lay for thing in data["layers"] for lay in layers_of(g, thing, scheme)}:
            suppliers[(s, lay)][o] = data["evidence"]
    out = [(next(iter(sups)), dep, lay, next(iter(sups.values())))
           for (dep, lay), sups in suppliers.items() if len(sups) == 1]
    return sorted(out, key=lambda x: (x[0], x[1], x[2]))


def _status_rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)
