"""SHACL validation of the built graph with pySHACL against ontology/shapes.ttl."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .paths import ONTOLOGY_DIR

SHAPES = ONTOLOGY_DIR / "shapes.ttl"


@dataclass(frozen=True)
class ShaclResult:
    conforms: bool
    report_graph: Graph
    report_text: str
    n_violations: int


def validate(data: Graph, shapes_path: Path = SHAPES) -> ShaclResult:
    """Validate ``data`` (ontology + facts, so sub-class typing counts) against the shapes.

    >>> from rdflib import Graph
    >>> validate(Graph()).conforms
    True
    """
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(shapes_path, format="turtle")
    conforms, report_graph, report_text = shacl_validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=False
    )
    from rdflib.namespace import SH

    n = len(set(report_graph.subjects(SH.resultSeverity, SH.Violation)))
    return ShaclResult(bool(conforms), report_graph, report_text, n)
