"""One resource's description, shared by the static linked-data site (:mod:`kg.site`) and the
SPARQL server.

:func:`describe` collects, for one IRI, its labels in Korean and English, alternative labels,
definitions, types, the statements it is the subject of (outgoing facts, grouped by property) and the
object of (incoming facts), and for every statement the facts it rests on with their evidence:
status (curated, accepted, proposed, rejected; a statement with none is inferred or ontology),
named graph, document, line range and quote. A first-class fact node (Dependency, Involvement...)
shows its own evidence; a Claim shows the statement it supports, an Evidence node the facts that
cite it. Everything comes from four named queries, ``queries/views/resource-*.rq``, with the
resource bound by :meth:`kg.queries.Engine.select`; :func:`describe_all` runs the same queries once with the parameter
left unbound and groups the rows in Python, so a whole site takes a handful of queries, not a few
per resource. Both go through the same assembly code, so a page is the same either way.

Its renderings (an HTML page, Turtle, JSON-LD, a one-line summary) are in :mod:`kg.renderings`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Sequence

from . import iris

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = str(iris.SKOS)
PKO = str(iris.PKO)
RDF_TYPE = RDF + "type"

# prefixes of the Turtle and JSON-LD files: the project's (kg.iris.PREFIXES) and the W3C basics
PREFIXES: dict[str, str] = {**{k: str(v) for k, v in iris.PREFIXES.items()},
                            "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL}

LABEL_PROPS = (SKOS + "prefLabel", RDFS + "label")
ALT_PROPS = (SKOS + "altLabel",)
DEFINITION_PROPS = (SKOS + "definition", RDFS + "comment")
# shown in the page header, not again in the facts table
HEADER_PROPS = frozenset({RDF_TYPE, *LABEL_PROPS, *ALT_PROPS, *DEFINITION_PROPS})
# a claim's rdf:subject/object pointing at a resource is the evidence of its facts, not a fact about it
REIFICATION_PROPS = frozenset({RDF + "subject", RDF + "predicate", RDF + "object"})
FACT_KINDS = frozenset(PKO + k for k in ("Claim", "Dependency", "Involvement", "Recommendation",
                                         "Measurement", "Replacement"))
STATUS_ORDER = ("curated", "accepted", "proposed", "inferred", "ontology", "rejected")
LANGS = ("en", "ko")


class Term(NamedTuple):
    """An RDF term as plain data: ``kind`` is ``iri``, ``blank`` or ``literal``."""

    kind: str
    value: str
    lang: str = ""
    datatype: str = ""

    @property
    def is_iri(self) -> bool:
        return self.kind == "iri"


def _term(t: Any) -> Term | None:
    """A pyoxigraph term as a :class:`Term` (None stays None)."""
    if t is None:
        return None
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return Term("iri", t.value)
    if isinstance(t, ox.BlankNode):
        return Term("blank", t.value)
    lang = t.language or ""
    dt = "" if lang or t.datatype.value == XSD + "string" else t.datatype.value
    return Term("literal", t.value, lang, dt)


def _local(iri: str) -> str:
    """The last segment of an IRI (after ``#`` or ``/``)."""
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


@dataclass(frozen=True, order=True)
class Evidence:
    """One piece of evidence of one fact: where in which document the fact is stated."""

    doc: str  # the source document's IRI ("" when the evidence names none)
    line_start: int
    line_end: int
    quote: str
    fact: str  # the claim, dependency, involvement... (or resource) the evidence belongs to
    evidence: str  # the pko:Evidence node
    kind: str = ""  # the fact's class (pko:Claim, pko:Dependency...), "" for a plain resource
    status: str = ""  # the fact's pko:status IRI (…/id/status/curated), "" if it has none
    graph: str = ""  # the named graph holding the fact's evidence link
    stated: str = ""  # the property as the claim states it, when it differs from the row's
    rule: str = ""  # extraction rule, for extracted claims
    confidence: str = ""
    cites: tuple[str, ...] = ()  # sources the quoted passage itself cites
    quote_lang: str = ""

    @property
    def status_name(self) -> str:
        return _local(self.status) if self.status else ""

    @property
    def graph_name(self) -> str:
        return _local(self.graph) if self.graph else ""


@dataclass(frozen=True)
class Fact:
    """One statement ``subject property value`` about the resource, with the named graphs asserting it
    (empty for a claim the graph does not assert, e.g. a rejected one) and its evidence."""

    subject: Term
    property: str
    value: Term
    graphs: tuple[str, ...]  # named graph IRIs
    evidence: tuple[Evidence, ...]

    @property
    def graph_names(self) -> tuple[str, ...]:
        return tuple(_local(g) for g in self.graphs)

    @property
    def statuses(self) -> tuple[str, ...]:
        """curated / accepted / proposed from the facts behind it; else inferred, ontology or, for an
        extracted statement without a claim, proposed; rejected when nothing but rejected claims."""
        names = set(self.graph_names)
        st = {e.status_name for e in self.evidence if e.status_name and e.status_name != "rejected"
              and not e.stated}
        if "curated" in names:
            st.add("curated")
        if not st:
            if "inferred" in names:
                st.add("inferred")
            elif "ontology" in names:
                st.add("ontology")
            elif "extracted" in names:
                st.add("proposed")
            elif any(e.status_name == "rejected" for e in self.evidence):
                st.add("rejected")
        return tuple(sorted(st, key=lambda s: (STATUS_ORDER.index(s) if s in STATUS_ORDER else 99, s)))


@dataclass(frozen=True)
class Support:
    """What a Claim or an Evidence node supports: a fact, and for a claim the statement it reifies."""

    fact: str
    kind: str
    status: str
    statement: tuple[Term, str, Term] | None = None


@dataclass
class Description:
    """Everything a resource page shows. IRIs are under the default base; renderings rebase them."""

    iri: str
    labels: dict[str, tuple[str, ...]]  # lang -> preferred labels ("" for no language)
    alt_labels: dict[str, tuple[str, ...]]
    definitions: dict[str, tuple[str, ...]]
    types: tuple[str, ...]
    outgoing: tuple[Fact, ...]  # statements with the resource as subject (header properties excluded)
    incoming: tuple[Fact, ...]  # statements with it as object (claims' rdf:subject/object excluded)
    evidence: tuple[Evidence, ...]  # the resource's own evidence (fact nodes, described resources)
    supports: tuple[Support, ...]  # for a Claim: itself; for an Evidence node: the facts citing it
    names: dict[str, dict[str, str]]  # IRI -> lang -> label, for every IRI the page shows
    triples: tuple[tuple[Term, str, Term], ...] = field(repr=False, default=())  # the RDF of the resource

    @property
    def local_id(self) -> str | None:
        return iris.local_id(self.iri)

    @property
    def kind(self) -> str:
        """The first part of the id (``country`` for ``id/country/jp``), "" outside ``id/``."""
        lid = self.local_id
        return lid.split("/", 1)[0] if lid and "/" in lid else ""

    @property
    def is_fact(self) -> bool:
        return any(t in FACT_KINDS for t in self.types)

    def by_property(self, incoming: bool = False) -> dict[str, list[Fact]]:
        """The outgoing (or incoming) facts grouped by property IRI."""
        groups: dict[str, list[Fact]] = {}
        for f in self.incoming if incoming else self.outgoing:
            groups.setdefault(f.property, []).append(f)
        return groups

    def label(self, lang: str = "en") -> str:
        """The preferred label in ``lang``, else in the other language, else a generated name."""
        for lg in (lang, *[x for x in LANGS if x != lang], ""):
            if self.labels.get(lg):
                return self.labels[lg][0]
        return name_of(self.names, self.iri, lang, self.types)


def name_of(names: dict[str, dict[str, str]], iri: str, lang: str = "en",
            types: Sequence[str] = ()) -> str:
    """A display name for ``iri``: its label in ``lang``, the other language, any; for an unlabelled
    node with a content-hash id its class and short hash (``Dependency 877df9a6``) when ``types`` are
    given; else its id (``evidence/f3eb…``) or prefixed name (``skos:altLabel``)."""
    got = names.get(iri, {})
    for lg in (lang, *[x for x in LANGS if x != lang], ""):
        if got.get(lg):
            return got[lg]
    if got:
        return got[sorted(got)[0]]
    lid = iris.local_id(iri)
    slug = lid.rsplit("/", 1)[-1] if lid else ""
    if types and _HASH_SLUG.fullmatch(slug):
        kind = name_of(names, sorted(types, key=lambda t: (t not in FACT_KINDS, t))[0], lang)
        return f"{kind[:1].upper()}{kind[1:]} {slug[:8]}"
    if lid:
        return lid
    return _curie(iri) or iri


_HASH_SLUG = re.compile(r"[0-9a-f]{16}")


def _curie(iri: str) -> str | None:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return None


# ------------------------------------------------------------------ sources of rows
Row = tuple[Term, str, Term, str]  # subject, property, object, graph
Link = tuple[Term, str, Term, str, str]  # subject, property, object, fact, stated property


class _QuerySource:
    """Rows for one resource at a time: the ``resource-*`` queries with the resource bound."""

    LABELS_AT_ONCE = 150  # more IRIs than this: fetch every label with one query instead

    def __init__(self, store) -> None:
        from .queries import Engine

        self.engine = store if hasattr(store, "select") else Engine(store)
        self.q = self.engine.queries
        self._out: dict[str, list[Row]] = {}
        self._ev: dict[str, list[Evidence]] = {}

    def _select(self, name: str, bindings: dict[str, str]) -> list[list[Term | None]]:
        import pyoxigraph as ox

        res = self.engine.select(self.q[name].text, {k: ox.NamedNode(v) for k, v in bindings.items()})
        return [[_term(t) for t in row] for row in res.rows]

    def out(self, iri: str) -> list[Row]:
        if iri not in self._out:
            self._out[iri] = [(s, p.value, o, g.value) for s, p, o, g in self._select("resource-statements", {"s": iri})]
        return self._out[iri]

    def inc(self, iri: str) -> list[Row]:
        return [(s, p.value, o, g.value) for s, p, o, g in self._select("resource-statements", {"o": iri})]

    def links(self, iri: str, position: str) -> list[Link]:
        return [(s, p.value, o, f.value, st.value if st else "")
                for s, p, o, f, st in self._select("resource-facts", {position: iri})]

    def evidence(self, fact: str) -> list[Evidence]:
        if fact not in self._ev:
            self._ev[fact] = _evidence_rows(self._select("resource-evidence", {"fact": fact}))
        return self._ev[fact]

    def labels(self, wanted: set[str]) -> dict[str, dict[str, str]]:
        if len(wanted) > self.LABELS_AT_ONCE:
            rows = [r for r in self._select("resource-labels", {}) if r[0].value in wanted]
        else:
            rows = [r for i in sorted(wanted) for r in self._select("resource-labels", {"s": i})]
        return _pick_labels(rows)


class _IndexSource:
    """Rows for every resource: the same queries run once, unbound, grouped by resource."""

    def __init__(self, store) -> None:
        from .queries import Engine

        engine = store if hasattr(store, "select") else Engine(store)
        q = engine.queries

        def rows(name: str) -> list[list[Term | None]]:
            return [[_term(t) for t in row] for row in engine.select(q[name].text).rows]

        self.by_s: dict[str, list[Row]] = defaultdict(list)
        self.by_o: dict[str, list[Row]] = defaultdict(list)
        for s, p, o, g in rows("resource-statements"):
            row = (s, p.value, o, g.value)
            self.by_s[s.value].append(row)
            if o.is_iri:
                self.by_o[o.value].append(row)
        self.links_s: dict[str, list[Link]] = defaultdict(list)
        self.links_o: dict[str, list[Link]] = defaultdict(list)
        for s, p, o, f, st in rows("resource-facts"):
            link = (s, p.value, o, f.value, st.value if st else "")
            self.links_s[s.value].append(link)
            if o.is_iri:
                self.links_o[o.value].append(link)
        ev_rows: dict[str, list[list[Term | None]]] = defaultdict(list)
        for r in rows("resource-evidence"):
            ev_rows[r[0].value].append(r)
        self.ev = {f: _evidence_rows(rs) for f, rs in ev_rows.items()}
        self.all_labels = _pick_labels(rows("resource-labels"))

    def out(self, iri: str) -> list[Row]:
        return self.by_s.get(iri, [])

    def inc(self, iri: str) -> list[Row]:
        return self.by_o.get(iri, [])

    def links(self, iri: str, position: str) -> list[Link]:
        return (self.links_s if position == "s" else self.links_o).get(iri, [])

    def evidence(self, fact: str) -> list[Evidence]:
        return self.ev.get(fact, [])

    def labels(self, wanted: set[str]) -> dict[str, dict[str, str]]:
        return {i: self.all_labels[i] for i in wanted if i in self.all_labels}

    def resources(self, prefix: str) -> list[str]:
        """Every IRI starting with ``prefix`` that is a subject or an object, sorted."""
        return sorted({i for i in self.by_s if i.startswith(prefix)} | {i for i in self.by_o if i.startswith(prefix)})


def _evidence_rows(rows: list[list[Term | None]]) -> list[Evidence]:
    """resource-evidence rows (one per fact, evidence node and cited source) as Evidence, merged."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for fact, kind, status, g, conf, rule, ev, quote, doc, ls, le, cites in rows:
        key = (fact.value, ev.value)
        if key not in merged:
            merged[key] = dict(doc=doc.value if doc else "", line_start=int(ls.value) if ls else 0,
                               line_end=int(le.value) if le else 0, quote=quote.value if quote else "",
                               fact=fact.value, evidence=ev.value, kind=kind.value if kind else "",
                               status=status.value if status else "", graph=g.value,
                               rule=rule.value if rule else "", confidence=conf.value if conf else "",
                               cites=set(), quote_lang=quote.lang if quote else "")
        if cites is not None:
            merged[key]["cites"].add(cites.value)
        # the graph of the asserted link: prefer curated/extracted over inferred (prov:wasDerivedFrom)
        if g.value < merged[key]["graph"]:
            merged[key]["graph"] = g.value
    return sorted(Evidence(**{**v, "cites": tuple(sorted(v["cites"]))}) for v in merged.values())


def _pick_labels(rows: Iterable[Sequence[Term | None]]) -> dict[str, dict[str, str]]:
    """(s, property, label) rows -> IRI -> lang -> one label (skos:prefLabel first, then the least)."""
    best: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)
    for s, p, lab in rows:
        rank = LABEL_PROPS.index(p.value) if p.value in LABEL_PROPS else len(LABEL_PROPS)
        cand = (rank, lab.value)
        cur = best[s.value].get(lab.lang)
        if cur is None or cand < cur:
            best[s.value][lab.lang] = cand
    return {s: {lg: v for lg, (_r, v) in d.items()} for s, d in best.items()}


# ------------------------------------------------------------------ assembling a description
def _facts(rows: list[Row], links: list[Link], here: str, *, incoming: bool,
           evidence: Callable[[str], list[Evidence]]) -> tuple[Fact, ...]:
    graphs: dict[tuple[Term, str, Term], set[str]] = defaultdict(set)
    for s, p, o, g in rows:
        if p in (REIFICATION_PROPS if incoming else HEADER_PROPS):
            continue
        graphs[(s, p, o)].add(g)
    evs: dict[tuple[Term, str, Term], set[Evidence]] = defaultdict(set)
    for s, p, o, fact, stated in links:
        key = (s, p, o)
        direct = stated == p
        if key not in graphs:
            # a claim the graph does not assert (rejected): still a row, with its evidence
            if not direct or p in (REIFICATION_PROPS if incoming else HEADER_PROPS):
                continue
            graphs[key] = set()
        if fact == here:
            continue  # the page's own evidence is shown once, not on each of its statements
        for e in evidence(fact):
            evs[key].add(e if direct or not stated else _with_stated(e, stated))
    out = [Fact(s, p, o, tuple(sorted(g)), tuple(sorted(evs.get((s, p, o), ()))))
           for (s, p, o), g in graphs.items()]
    if not incoming:
        out = [f for f in out if f.graphs or f.evidence]
    return tuple(sorted(out, key=lambda f: (f.property, f.subject if incoming else f.value)))


def _with_stated(e: Evidence, stated: str) -> Evidence:
    from dataclasses import replace

    return replace(e, stated=stated)


def _support(fact: str, rows: list[Row]) -> Support:
    kind = next((o.value for _s, p, o, _g in rows if p == RDF_TYPE and o.value in FACT_KINDS), "")
    status = next((o.value for _s, p, o, _g in rows if p == PKO + "status"), "")
    parts = {p: o for _s, p, o, _g in rows if p in REIFICATION_PROPS}
    statement = None
    if len(parts) == 3 and parts[RDF + "predicate"].is_iri:
        statement = (parts[RDF + "subject"], parts[RDF + "predicate"].value, parts[RDF + "object"])
    return Support(fact, kind, status, statement)


def _build(src, iri: str) -> Description | None:
    out_rows = src.out(iri)
    in_rows = src.inc(iri)
    if not out_rows and not in_rows:
        return None

    def values(props: Sequence[str]) -> dict[str, tuple[str, ...]]:
        d: dict[str, set[str]] = defaultdict(set)
        for _s, p, o, _g in out_rows:
            if p in props and o.kind == "literal":
                d[o.lang].add(o.value)
        return {lg: tuple(sorted(v)) for lg, v in sorted(d.items())}

    pref = values(LABEL_PROPS[:1])
    for lg, labs in values(LABEL_PROPS[1:]).items():
        pref.setdefault(lg, labs)  # rdfs:label only where there is no skos:prefLabel
    types = tuple(sorted({o.value for _s, p, o, _g in out_rows if p == RDF_TYPE and o.is_iri}))
    outgoing = _facts(out_rows, src.links(iri, "s"), iri, incoming=False, evidence=src.evidence)
    incoming = _facts(in_rows, src.links(iri, "o"), iri, incoming=True, evidence=src.evidence)
    own = tuple(src.evidence(iri))

    supports: list[Support] = []
    if PKO + "Claim" in types:
        supports.append(_support(iri, out_rows))
    if PKO + "Evidence" in types:
        citing = sorted({s.value for s, p, _o, _g in in_rows if p == PKO + "hasEvidence" and s.is_iri})
        supports.extend(_support(f, src.out(f)) for f in citing)

    # the RDF: its own statements, and the facts behind them with their evidence nodes
    prov_nodes = {e.fact for f in outgoing for e in f.evidence} | {e.fact for e in own}
    prov_nodes |= {e.evidence for f in outgoing for e in f.evidence} | {e.evidence for e in own}
    prov_nodes.discard(iri)
    triples = {(s, p, o) for s, p, o, _g in out_rows}
    for node in sorted(prov_nodes):
        triples.update((s, p, o) for s, p, o, _g in src.out(node))
    main = Term("iri", iri)
    ordered = tuple(sorted(triples, key=lambda t: (t[0] != main, t[0], t[1] != RDF_TYPE, t[1], t[2])))

    wanted = {iri, *types}
    for f in (*outgoing, *incoming):
        wanted.add(f.property)
        wanted.update(str(iris.ID) + "status/" + st for st in f.statuses)  # their labels, in Korean too
        wanted.update(t.value for t in (f.subject, f.value) if t.is_iri)
        for e in f.evidence:
            wanted.update(x for x in (e.doc, e.kind, e.status, e.stated, *e.cites) if x)
    for e in own:
        wanted.update(x for x in (e.doc, e.kind, e.status, *e.cites) if x)
    for sup in supports:
        wanted.update(x for x in (sup.kind, sup.status) if x)
        if sup.statement:
            wanted.update(t.value for t in (sup.statement[0], sup.statement[2]) if t.is_iri)
            wanted.add(sup.statement[1])
    wanted.update(s.fact for s in supports)

    return Description(iri=iri, labels=pref, alt_labels=values(ALT_PROPS), definitions=values(DEFINITION_PROPS),
                       types=types, outgoing=outgoing, incoming=incoming, evidence=own,
                       supports=tuple(supports), names=src.labels(wanted), triples=ordered)


def describe(store, iri: str) -> Description | None:
    """The description of ``iri`` (under the default base), or None when the store has no statement
    with it as subject or object. ``store``: a pyoxigraph Store or a :class:`kg.queries.Engine`."""
    return _build(_QuerySource(store), str(iri))


def describe_all(store, prefix: str = str(iris.ID)) -> Iterator[Description]:
    """The description of every resource whose IRI starts with ``prefix`` (default ``{BASE}id/``),
    in IRI order, from one run of each ``resource-*`` query."""
    src = _IndexSource(store)
    for iri in src.resources(prefix):
        d = _build(src, iri)
        if d is not None:
            yield d


def resource_triples(store, iri: str) -> tuple[tuple[Term, str, Term], ...]:
    """The RDF of one resource: every statement with it as subject (all graphs merged), plus the
    claims and fact nodes behind those statements and their evidence nodes, sorted."""
    d = describe(store, iri)
    return d.triples if d else ()
