"""Dumps of a built dataset in the common RDF formats, byte-identical for the same graph.

Every dump is written from the release's sorted N-Quads: triples (or quads) are deduplicated and
sorted by their N-Triples/N-Quads text, blank nodes already carry canonical labels (the build
labels the ontology's OWL lists canonically), and pyoxigraph's serialisers write in input order.
So the same graph gives the same bytes, and a diff between two releases shows what changed.

Formats: Turtle (the main artefact), N-Triples, JSON-LD (expanded form) and RDF/XML for the union
of the named graphs and for each graph; N-Quads and TriG for the dataset with its graphs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import iris
from .errors import PolicyKGError
from .fsutil import atomic_write

# extension -> (pyoxigraph format name, media type, EU file-type authority code)
GRAPH_FORMATS: dict[str, tuple[str, str, str]] = {
    "ttl": ("TURTLE", "text/turtle", "RDF_TURTLE"),
    "nt": ("N_TRIPLES", "application/n-triples", "RDF_N_TRIPLES"),
    "jsonld": ("JSON_LD", "application/ld+json", "JSON_LD"),
    "rdf": ("RDF_XML", "application/rdf+xml", "RDF_XML"),
}
DATASET_FORMATS: dict[str, tuple[str, str, str]] = {
    "nq": ("N_QUADS", "application/n-quads", "RDF_N_QUADS"),
    "trig": ("TRIG", "application/trig", "RDF_TRIG"),
}
ALL_FORMATS = tuple(GRAPH_FORMATS) + tuple(DATASET_FORMATS)

STANDARD_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


class ExportError(PolicyKGError):
    pass


@dataclass(frozen=True)
class Dump:
    """One written dump file."""

    path: Path  # relative to the export folder
    ext: str
    media_type: str
    file_type: str  # EU file-type authority code, for DCAT
    graph: str | None  # a named graph's short name, or None for all graphs
    triples: int
    size: int
    sha256: str


def read_quads(release: Path, base: str = iris.BASE) -> list:
    """The release's quads, rebased to ``base``, deduplicated and sorted."""
    import pyoxigraph as ox

    path = release / "policykg.nq"
    if not path.exists():
        raise ExportError(f"{path} is missing: rebuild with `policykg build`")
    quads = ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)
    if base != iris.BASE:
        quads = (_rebase_quad(q, base) for q in quads)
    return sorted(set(quads), key=str)


def rebase_term(t, base: str):
    """A pyoxigraph term moved to ``base`` if it is one of our IRIs (:func:`kg.iris.rebase`)."""
    import pyoxigraph as ox

    return ox.NamedNode(iris.rebase(t.value, base)) if isinstance(t, ox.NamedNode) and base != iris.BASE else t


def rebase_triple(t, base: str):
    import pyoxigraph as ox

    if base == iris.BASE:
        return t
    return ox.Triple(rebase_term(t.subject, base), rebase_term(t.predicate, base), rebase_term(t.object, base))


def _rebase_quad(q, base: str):
    import pyoxigraph as ox

    return ox.Quad(rebase_term(q.subject, base), rebase_term(q.predicate, base),
                   rebase_term(q.object, base), rebase_term(q.graph_name, base))


def triples_of(quads: Iterable, graph_iri: str | None = None) -> list:
    """The triples of one named graph (or of all graphs, deduplicated), sorted."""
    ts = {q.triple for q in quads if graph_iri is None or q.graph_name.value == graph_iri}
    return sorted(ts, key=str)


def prefixes(base: str = iris.BASE, kinds: Iterable[str] = ()) -> dict[str, str]:
    """Prefixes for Turtle/TriG/RDF-XML: the vocabularies, plus one per resource kind
    (``country:`` for ``{base}id/country/``) unless that name is already a vocabulary's."""
    out = dict(STANDARD_PREFIXES)
    out.update({p: iris.rebase(str(ns), base) for p, ns in iris.PREFIXES.items()})
    for kind in sorted(set(kinds)):
        if kind not in out and kind.isidentifier():
            out[kind] = f"{base}id/{kind}/"
    return out


def kinds_in(quads: Sequence, base: str = iris.BASE) -> set[str]:
    root = f"{base}id/"
    return {q.subject.value[len(root):].split("/", 1)[0] for q in quads
            if q.subject.value.startswith(root) and "/" in q.subject.value[len(root):]}


def serialize(items: Sequence, ext: str, prefixes_: dict[str, str]) -> bytes:
    """Triples (graph formats) or quads (dataset formats) in the format of extension ``ext``."""
    import pyoxigraph as ox

    spec = GRAPH_FORMATS.get(ext) or DATASET_FORMATS.get(ext)
    if spec is None:
        raise ExportError(f"unknown format {ext!r}; one of {', '.join(ALL_FORMATS)}")
    fmt = getattr(ox.RdfFormat, spec[0])
    kwargs = {"prefixes": prefixes_} if ext in ("ttl", "trig", "rdf") else {}
    return ox.serialize(items, format=fmt, **kwargs)


def write_dumps(quads: Sequence, out_dir: Path, *, formats: Iterable[str] = ALL_FORMATS,
                graphs: Iterable[str] = iris.GRAPH_NAMES, base: str = iris.BASE) -> list[Dump]:
    """Write ``dump/policykg.<ext>`` (all graphs) and ``dump/graphs/<graph>.<ext>`` under ``out_dir``."""
    formats = list(dict.fromkeys(formats))
    for ext in formats:
        if ext not in ALL_FORMATS:
            raise ExportError(f"--format {ext!r}: not a format policykg writes; one of {', '.join(ALL_FORMATS)}")
    pfx = prefixes(base, kinds_in(quads, base))
    dumps: list[Dump] = []

    def emit(rel: Path, data: bytes, ext: str, graph: str | None, n: int) -> None:
        atomic_write(out_dir / rel, data)
        _, media, ftype = GRAPH_FORMATS.get(ext) or DATASET_FORMATS[ext]
        dumps.append(Dump(rel, ext, media, ftype, graph, n, len(data), hashlib.sha256(data).hexdigest()))

    union = triples_of(quads)
    for ext in formats:
        if ext in DATASET_FORMATS:
            emit(Path("dump") / f"policykg.{ext}", serialize(quads, ext, pfx), ext, None, len(quads))
        else:
            emit(Path("dump") / f"policykg.{ext}", serialize(union, ext, pfx), ext, None, len(union))
    for name in graphs:
        g_iri = iris.rebase(str(iris.graph(name)), base)
        ts = triples_of(quads, g_iri)
        for ext in formats:
            if ext in GRAPH_FORMATS:
                emit(Path("dump") / "graphs" / f"{name}.{ext}", serialize(ts, ext, pfx), ext, name, len(ts))
    return dumps
