"""The embedded persistent store: Oxigraph (pyoxigraph), one named graph per provenance.

Graphs: ``graph/ontology`` (TBox and concept schemes), ``graph/curated``, ``graph/extracted``,
``graph/inferred``. Queries see the union of all graphs as their default graph, and can ask
``GRAPH ?g`` to tell curated from extracted or inferred facts.
"""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

from . import iris

if TYPE_CHECKING:
    from rdflib import Graph


def to_oxigraph(t):
    """An rdflib term as a pyoxigraph term."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(str(t))
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    raise TypeError(f"unsupported term {t!r}")


def to_rdflib(t):
    """A pyoxigraph term as an rdflib term (the inverse of :func:`to_oxigraph`)."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    return Literal(t.value, lang=t.language, datatype=None if t.language else URIRef(t.datatype.value))


def _fill(store, graphs: dict[str, Graph]) -> int:
    import pyoxigraph as ox

    n = 0
    for name, g in graphs.items():
        gname = ox.NamedNode(str(iris.graph(name)))
        quads = [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), gname) for s, p, o in g]
        store.bulk_extend(quads)
        n += len(quads)
    return n


def write_store(path: Path, graphs: dict[str, Graph]) -> int:
    """Create a new persistent store at ``path`` holding each graph under its named-graph IRI."""
    import pyoxigraph as ox

    store = ox.Store(str(path))
    n = _fill(store, graphs)
    store.flush()
    store.optimize()
    del store
    return n


def memory_store(graphs: dict[str, Graph]):
    """An in-memory store of the given graphs, to run named queries before anything is written."""
    import pyoxigraph as ox

    store = ox.Store()
    _fill(store, graphs)
    return store


def open_store(path: Path, read_only: bool = True):
    """Open a built store; read-only by default so several readers can share it."""
    import pyoxigraph as ox

    if not path.exists():
        from .errors import QueryError

        raise QueryError(f"no knowledge graph at {path}: run `policykg build` (or `make run`) first")
    return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
