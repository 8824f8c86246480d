"""Synthetic ABoxes with the real ontology's shape, for the reasoning benchmark.

The default build's asserted facts (``build/current/graphs/{curated,extracted}.ttl``, after
``make run``) are replicated: copy k renames every IRI and blank node that the ontology graph does
not mention by appending ``-c{k}`` (copy 0 keeps the real names), so ontology terms, layers,
resources, schemes and sovereignty types stay shared, as in a bigger corpus. Copies are added until
the requested number of individuals (typed subjects not in the ontology) is reached; of the last copy
a deterministic subset is taken: its first individuals ordered by a hash of the IRI, with their
facts except links to the individuals left out (no untyped dangling nodes).

    >>> from bench.gen_abox import generate           # doctest: +SKIP
    >>> tbox, abox = generate(10_000)                 # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
import os
from pathlib import Path

from rdflib import RDF, BNode, Graph, Literal, URIRef

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

GRAPHS = Path(os.environ.get("POLICYKG_BUILD", REPO / "build")) / "current" / "graphs"  # as kg.paths.build_dir


@lru_cache(maxsize=1)
def source(graphs: Path = GRAPHS) -> tuple[Graph, tuple, tuple]:
    """(ontology graph, the ABox's triples, its individuals sorted by IRI)."""
    missing = [n for n in ("ontology", "curated", "extracted") if not (graphs / f"{n}.ttl").exists()]
    if missing:
        raise SystemExit(f"no {', '.join(missing)} graph under {graphs}: run `make run` first")
    tbox = Graph().parse(graphs / "ontology.ttl")
    abox = Graph().parse(graphs / "curated.ttl")
    abox.parse(graphs / "extracted.ttl")
    shared = set(tbox.subjects()) | set(tbox.objects()) | set(tbox.predicates())
    # ordered by a hash of the IRI: a prefix of this order mixes every class (IRIs sort by class)
    individuals = sorted({s for s in abox.subjects(RDF.type, None) if s not in shared},
                         key=lambda s: hashlib.sha1(str(s).encode("utf-8")).hexdigest())
    return tbox, tuple(abox), tuple(individuals)


def _shared(tbox: Graph) -> frozenset:
    return frozenset(set(tbox.subjects()) | set(tbox.objects()) | set(tbox.predicates()))


def generate(n_individuals: int, graphs: Path = GRAPHS) -> tuple[Graph, Graph]:
    """(ontology, an ABox of ``n_individuals`` individuals with the default build's shape)."""
    tbox, triples, individuals = source(graphs)
    shared = _shared(tbox)
    per_copy = len(individuals)
    abox = Graph()
    k = 0
    left = n_individuals
    while left > 0:
        keep = None if left >= per_copy else set(individuals[:left])
        suffix = f"-c{k}" if k else ""

        def rename(t):
            if not suffix or isinstance(t, Literal) or t in shared:
                return t
            return BNode(f"{t}c{k}") if isinstance(t, BNode) else URIRef(f"{t}{suffix}")

        every = individuals_set(graphs)
        for s, p, o in triples:
            if keep is not None and ((s in every and s not in keep) or (o in every and o not in keep)):
                continue
            abox.add((rename(s), p, rename(o)))
        left -= per_copy
        k += 1
    return tbox, abox


@lru_cache(maxsize=1)
def individuals_set(graphs: Path = GRAPHS) -> frozenset:
    return frozenset(source(graphs)[2])


def count_individuals(abox: Graph, tbox: Graph) -> int:
    shared = _shared(tbox)
    return len({s for s in abox.subjects(RDF.type, None) if s not in shared})


if __name__ == "__main__":
    for n in map(int, sys.argv[1:] or ["1000"]):
        t, a = generate(n)
        print(f"{n} individuals asked: {count_individuals(a, t)} individuals, {len(a)} triples")
