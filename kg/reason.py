"""Reasoning: HermiT through owlready2, then the simple closure owlready2 leaves implicit.

HermiT checks consistency and derives what needs a DL reasoner (property chains such as
"depends on a resource that belongs to a layer => depends on that layer", classification).
owlready2 reports only the most specific new facts and keeps inverses implicit, so the rule
closure over the ontology's own axioms (sub-properties, inverses, symmetric and transitive
properties) is added here. Everything derived goes to the ``inferred`` graph, never mixed with
asserted facts.
"""

from __future__ import annotations

import logging
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection

from .errors import BuildError
from .iris import PKO

log = logging.getLogger(__name__)

# owlready2's HermiT accepts only the OWL 2 datatype map
_UNSUPPORTED_RANGES = ("http://www.w3.org/2001/XMLSchema#gYear", "http://www.w3.org/2001/XMLSchema#gYearMonth",
                       "http://www.w3.org/2001/XMLSchema#date")


@dataclass(frozen=True)
class ReasoningResult:
    inferred: Graph
    consistent: bool
    seconds: float
    reasoner: str
    n_from_reasoner: int
    n_from_closure: int


def _reasoner_input(asserted: Graph) -> Graph:
    """The axioms and facts HermiT needs: everything whose object is not a literal."""
    g = Graph()
    for s, p, o in asserted:
        if isinstance(o, Literal):
            continue
        if p == RDFS.range and str(o) in _UNSUPPORTED_RANGES:
            continue
        g.add((s, p, o))
    return g


def run_hermit(asserted: Graph) -> tuple[set[tuple[URIRef, URIRef, URIRef]], float]:
    """Run HermiT on the asserted graph; return the new object-property and type facts."""
    import owlready2
    from owlready2 import World, sync_reasoner_hermit

    with tempfile.TemporaryDirectory(prefix="policykg-reason-") as tmp:
        path = Path(tmp) / "input.nt"
        _reasoner_input(asserted).serialize(path, format="nt", encoding="utf-8")
        world = World()
        world.get_ontology(path.as_uri()).load()
        t0 = time.perf_counter()
        try:
            sync_reasoner_hermit(world, infer_property_values=True, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError as exc:
            raise BuildError(
                "the reasoner found the knowledge graph inconsistent (a fact contradicts a disjointness, "
                "domain/range or functional-property axiom). Run `policykg build --no-reason` and the SHACL "
                f"report to find it. Reasoner said: {exc}"
            ) from exc
        except owlready2.OwlReadyJavaError as exc:
            raise BuildError(f"HermiT (Java) failed; is Java 11+ on PATH? {exc}") from exc
        seconds = time.perf_counter() - t0
        inferences = world.get_ontology("http://inferrences/")
        c = inferences.graph.c
        facts: set[tuple[URIRef, URIRef, URIRef]] = set()
        for s, p, o in world.graph.execute("SELECT s, p, o FROM quads WHERE c = ?", (c,)):
            if not (isinstance(s, int) and isinstance(p, int) and isinstance(o, int) and s > 0 and o > 0):
                continue
            ts, tp, to = (URIRef(world._unabbreviate(x)) for x in (s, p, o))
            if tp == RDF.type and to == OWL.Ontology:
                continue
            facts.add((ts, tp, to))
        world.close()
    return facts, seconds


def rule_closure(tbox: Graph, facts: Graph) -> Graph:
    """Close ``facts`` under the sub-property, inverse, symmetric, transitive and two-step
    property-chain axioms of ``tbox``.

    >>> from rdflib import Namespace
    >>> ex = Namespace("http://example.org/")
    >>> t = Graph(); _ = t.add((ex.p, RDFS.subPropertyOf, ex.q)); _ = t.add((ex.q, OWL.inverseOf, ex.r))
    >>> f = Graph(); _ = f.add((ex.a, ex.p, ex.b))
    >>> sorted(str(x[1])[-1] for x in rule_closure(t, f))
    ['p', 'q', 'r']
    """
    supers: dict[URIRef, set[URIRef]] = {}
    for p, q in tbox.subject_objects(RDFS.subPropertyOf):
        supers.setdefault(p, set()).add(q)
    inverse: dict[URIRef, set[URIRef]] = {}
    for p, q in tbox.subject_objects(OWL.inverseOf):
        inverse.setdefault(p, set()).add(q)
        inverse.setdefault(q, set()).add(p)
    symmetric = set(tbox.subjects(RDF.type, OWL.SymmetricProperty))
    transitive = set(tbox.subjects(RDF.type, OWL.TransitiveProperty))
    # two-step property chains p1 o p2 -> p (e.g. onResource o belongsToLayer -> onLayer)
    first: dict[URIRef, list[tuple[URIRef, URIRef]]] = {}
    second: dict[URIRef, list[tuple[URIRef, URIRef]]] = {}
    for p, lst in tbox.subject_objects(OWL.propertyChainAxiom):
        steps = list(Collection(tbox, lst))
        if len(steps) == 2:
            first.setdefault(steps[0], []).append((steps[1], p))
            second.setdefault(steps[1], []).append((steps[0], p))
    forward: dict[tuple[URIRef, URIRef], set[URIRef]] = {}  # (p, s) -> objects
    backward: dict[tuple[URIRef, URIRef], set[URIRef]] = {}  # (p, o) -> subjects

    def index(t: tuple) -> None:
        s, p, o = t
        if p in first or p in second:
            forward.setdefault((p, s), set()).add(o)
            backward.setdefault((p, o), set()).add(s)

    for t in tbox.triples((None, None, None)):  # chain steps stated in the ontology (resource -> layer)
        if t[1] in second and not isinstance(t[2], Literal):
            index(t)

    out = Graph()
    todo = [t for t in facts if not isinstance(t[2], Literal)]
    seen = set(todo)
    for t in todo:
        index(t)
    while todo:
        s, p, o = todo.pop()
        derived = [(s, q, o) for q in supers.get(p, ())]
        for p2, q in first.get(p, ()):
            derived += [(s, q, o2) for o2 in forward.get((p2, o), ())]
        for p1, q in second.get(p, ()):
            derived += [(s1, q, o) for s1 in backward.get((p1, s), ())]
        derived += [(o, q, s) for q in inverse.get(p, ())]
        if p in symmetric:
            derived.append((o, p, s))
        if p in transitive:
            derived += [(s, p, o2) for (_s, _p, o2) in list(seen) if _s == o and _p == p]
            derived += [(s2, p, o) for (s2, _p, _o) in list(seen) if _o == s and _p == p]
        for t in derived:
            if t not in seen:
                seen.add(t)
                index(t)
                todo.append(t)
    for t in seen:
        out.add(t)
    return out


def reason(tbox: Graph, abox: Graph, use_reasoner: bool = True) -> ReasoningResult:
    """Derive the inferred graph from the ontology (tbox) and the asserted facts (abox)."""
    asserted = tbox + abox
    t0 = time.perf_counter()
    hermit_facts: set[tuple[URIRef, URIRef, URIRef]] = set()
    hermit_seconds = 0.0
    if use_reasoner:
        hermit_facts, hermit_seconds = run_hermit(asserted)
    base = Graph()
    for t in abox:
        base.add(t)
    for t in hermit_facts:
        base.add(t)
    closed = rule_closure(tbox, base)
    inferred = Graph()
    for t in hermit_facts:
        if t not in asserted:
            inferred.add(t)
    n_hermit = len(inferred)
    for t in closed:
        if t not in asserted and t[1] != RDF.type:
            inferred.add(t)
    # owl:sameAs-free, literal-free: only new links between existing nodes
    inferred.bind("pko", PKO)
    log.info("reasoning: %d from HermiT, %d from rule closure", n_hermit, len(inferred) - n_hermit)
    return ReasoningResult(
        inferred=inferred,
        consistent=True,
        seconds=time.perf_counter() - t0 if not use_reasoner else hermit_seconds,
        reasoner="HermiT (owlready2)" if use_reasoner else "rules only",
        n_from_reasoner=n_hermit,
        n_from_closure=len(inferred) - n_hermit,
    )
