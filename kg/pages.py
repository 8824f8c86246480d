"""One resource's description and its renderings (HTML page, Turtle, JSON-LD), shared by the static
linked-data site (:mod:`kg.site`) and the SPARQL server.

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

:func:`render_html` writes a standalone HTML5 page (inline CSS, no script); :func:`turtle` and
:func:`jsonld` serialise :func:`resource_triples` deterministically with the dumps' serialisers
(sorted; same input, same bytes). All three take ``base`` to publish under another base IRI
(:func:`kg.iris.rebase`).
"""

from __future__ import annotations

import html
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


def summary(desc: Description, lang: str = "en", width: int = 120) -> str:
    """One line of plain text saying what an unlabelled node is: a claim's statement, an evidence
    node's document, lines and quote; "" for other resources."""
    def text(t: Term) -> str:
        return name_of(desc.names, t.value, lang) if t.is_iri else t.value

    own = next((s for s in desc.supports if s.fact == desc.iri and s.statement), None)
    if own:
        subj, prop, obj = own.statement
        out = f"{text(subj)} — {name_of(desc.names, prop, lang)} — {text(obj)}"
    elif PKO + "Evidence" in desc.types:
        vals = {f.property: f.value for f in desc.outgoing}
        doc, ls, le, quote = (vals.get(PKO + k) for k in ("inDocument", "lineStart", "lineEnd", "quote"))
        where = text(doc) if doc else ""
        if ls:
            where += f" {ls.value}" + (f"–{le.value}" if le and le.value != ls.value else "")
        out = f"{where}: {quote.value}" if quote else where
    else:
        return ""
    out = " ".join(out.split())
    return out if len(out) <= width else out[: width - 1] + "…"


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


# ------------------------------------------------------------------ Turtle and JSON-LD
def _ox(t: Term):
    import pyoxigraph as ox

    if t.kind == "iri":
        return ox.NamedNode(t.value)
    if t.kind == "blank":
        return ox.BlankNode(t.value)
    if t.lang:
        return ox.Literal(t.value, language=t.lang)
    return ox.Literal(t.value, datatype=ox.NamedNode(t.datatype)) if t.datatype else ox.Literal(t.value)


def _rdf(triples: Iterable[tuple[Term, str, Term]], ext: str, base: str) -> str:
    """``triples`` written by pyoxigraph (the dumps' serialisers, :mod:`kg.export`), rebased to
    ``base``, deduplicated and sorted within each subject; subjects keep their order (the resource
    first)."""
    import pyoxigraph as ox

    from .export import prefixes, rebase_triple, serialize

    order: dict[Term, int] = {}
    out = set()
    for s, p, o in triples:
        order.setdefault(s, len(order))
        out.add((order[s], rebase_triple(ox.Triple(_ox(s), ox.NamedNode(p), _ox(o)), base)))
    return serialize([t for _, t in sorted(out, key=lambda x: (x[0], str(x[1])))], ext,
                     prefixes(base)).decode("utf-8")


def turtle(desc: Description, *, base: str = iris.BASE) -> str:
    """The Turtle of a described resource."""
    return _rdf(desc.triples, "ttl", base)


def jsonld(desc: Description, *, base: str = iris.BASE) -> str:
    """The JSON-LD (expanded form) of a described resource."""
    return _rdf(desc.triples, "jsonld", base)


# ------------------------------------------------------------------ HTML
UI = {
    "en": {"labels": "Labels", "alt": "also called", "definition": "Definitions", "types": "Types",
           "facts": "Facts", "incoming": "Facts pointing here", "evidence": "Evidence",
           "own_evidence": "Evidence of this resource", "fact_evidence": "Evidence of this fact",
           "supports": "Supports", "value": "Value", "subject": "Subject", "status": "Status",
           "lines": "lines", "graph": "graph", "stated_as": "stated as", "rule": "rule",
           "confidence": "confidence", "fact": "fact", "cites": "cites", "statements": "statements",
           "iri": "IRI", "formats": "This resource as", "english": "English", "korean": "Korean",
           "no_label": "no label", "statement": "statement"},
    "ko": {"labels": "이름", "alt": "다른 이름", "definition": "정의", "types": "유형",
           "facts": "사실", "incoming": "이 자원을 가리키는 사실", "evidence": "근거",
           "own_evidence": "이 자원의 근거", "fact_evidence": "이 사실의 근거",
           "supports": "뒷받침하는 사실", "value": "값", "subject": "주어", "status": "상태",
           "lines": "줄", "graph": "그래프", "stated_as": "진술된 속성", "rule": "규칙",
           "confidence": "신뢰도", "fact": "사실 노드", "cites": "인용", "statements": "개 진술",
           "iri": "IRI", "formats": "이 자원의 다른 형식", "english": "영어", "korean": "한국어",
           "no_label": "이름 없음", "statement": "진술"},
}
COLLAPSE_OVER = 40  # a group of more statements than this starts folded

CSS = """
:root{--fg:#1d2330;--muted:#5b6475;--line:#d9dee7;--bg:#fbfcfe;--link:#1a56a8}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans KR","Noto Sans CJK KR","Malgun Gothic",sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:1100px;margin:0 auto;padding:0 1.2rem}
header{padding-top:1rem;border-bottom:1px solid var(--line)}
nav{font-size:.9rem;color:var(--muted)} nav a{margin-right:.8rem}
a{color:var(--link);text-decoration:none} a:hover{text-decoration:underline}
h1{margin:.3rem 0 0;font-size:1.7rem} h2{margin-top:2rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;font-size:1.25rem}
h3{margin:1.3rem 0 .4rem;font-size:1.02rem} h3 code,.muted{color:var(--muted);font-weight:normal}
.other{font-size:1.15rem;color:var(--muted);margin:.1rem 0}
.iri{font-family:ui-monospace,monospace;font-size:.85rem;word-break:break-all;color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}
th,td{border-top:1px solid var(--line);padding:.35rem .5rem;vertical-align:top;text-align:left}
th{font-size:.82rem;color:var(--muted);font-weight:600}
td.v{width:28%} td.st{width:9rem}
.badge{display:inline-block;border-radius:.7rem;padding:0 .5rem;font-size:.78rem;margin:0 .2rem .2rem 0;background:#e8ebf1}
.s-curated{background:#d7ecd9!important}.s-accepted{background:#d5e6f7!important}.s-proposed{background:#fbeccc!important}
.s-inferred{background:#ece1f5!important}.s-rejected{background:#f6d5d5!important}.s-ontology{background:#e4e4e4!important}
ul.ev{list-style:none;margin:0;padding:0} ul.ev>li{margin:0 0 .6rem}
.src{font-size:.82rem;color:var(--muted)}
blockquote{margin:.15rem 0 0;padding:.2rem .6rem;border-left:3px solid #b8c2d6;background:#f1f4f9;white-space:pre-wrap}
.alt{color:var(--muted);font-size:.9rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem} dt{color:var(--muted)} dd{margin:0}
details>summary{cursor:pointer;color:var(--link)}
footer{margin-top:3rem;padding:1rem 1.2rem 2rem;color:var(--muted);font-size:.82rem;border-top:1px solid var(--line)}
"""


def _e(s: object) -> str:
    return html.escape(str(s), quote=True)


class _Renderer:
    def __init__(self, desc: Description, lang: str, link: Callable[[str], str] | None, base: str) -> None:
        self.d, self.lang, self.base = desc, lang, base
        self.other = "ko" if lang == "en" else "en"
        self.t = UI.get(lang, UI["en"])
        self._link = link

    def href(self, iri: str) -> str:
        if self._link is not None and iri.startswith(str(iris.ID)):
            return self._link(iri)
        return iris.rebase(iri, self.base)

    def name(self, iri: str, lang: str | None = None) -> str:
        return name_of(self.d.names, iri, lang or self.lang)

    def a(self, iri: str, *, both: bool = True) -> str:
        """A link to ``iri`` with its label in the page language and, if different, the other one."""
        main = self.name(iri)
        other = self.d.names.get(iri, {}).get(self.other, "")
        out = f'<a href="{_e(self.href(iri))}">{_e(main)}</a>'
        if both and other and other != main:
            out += f' <span class="alt" lang="{self.other}">{_e(other)}</span>'
        return out

    def term(self, t: Term) -> str:
        if t.is_iri:
            return self.a(t.value)
        if t.kind == "blank":
            return f"<code>_:{_e(t.value)}</code>"
        lang = f' lang="{_e(t.lang)}"' if t.lang else ""
        dt = f' <span class="muted">({_e(_curie(t.datatype) or t.datatype)})</span>' if t.datatype else ""
        return f"<span{lang}>{_e(t.value)}</span>{dt}"

    def statuses(self, names: Sequence[str]) -> str:
        return "".join(f'<span class="badge s-{_e(s)}">{_e(self.status_label(s))}</span>' for s in names)

    def status_label(self, local: str) -> str:
        iri = str(iris.ID) + "status/" + local
        return self.d.names.get(iri, {}).get(self.lang) or local

    def evidence(self, evs: Sequence[Evidence], *, show_fact: bool = True) -> str:
        if not evs:
            return ""
        items = []
        for e in evs:
            bits = []
            if e.status:
                bits.append(self.statuses([e.status_name]))
            src = []
            if e.doc:
                src.append(self.a(e.doc, both=False))
            if e.line_start:
                rng = str(e.line_start) if e.line_end in (0, e.line_start) else f"{e.line_start}–{e.line_end}"
                src.append(f"{_e(self.t['lines'])} {rng}")
            if e.graph:
                src.append(f"{_e(self.t['graph'])}: {_e(e.graph_name)}")
            if e.stated:
                src.append(f"{_e(self.t['stated_as'])} {self.a(e.stated, both=False)}")
            if e.rule:
                src.append(f"{_e(self.t['rule'])}: <code>{_e(e.rule)}</code>")
            if e.confidence and e.rule:
                src.append(f"{_e(self.t['confidence'])} {_e(e.confidence)}")
            if show_fact and e.fact != self.d.iri:
                src.append(f'{_e(self.t["fact"])}: <a href="{_e(self.href(e.fact))}">{_e(iris.local_id(e.fact) or e.fact)}</a>')
            src.append(f'<a href="{_e(self.href(e.evidence))}">{_e(self.t["evidence"].lower())}</a>')
            if e.cites:
                src.append(f"{_e(self.t['cites'])} " + ", ".join(self.a(c, both=False) for c in e.cites))
            lang = f' lang="{_e(e.quote_lang)}"' if e.quote_lang else ""
            quote = f"<blockquote{lang}>{_e(e.quote)}</blockquote>" if e.quote else ""
            items.append(f"<li>{''.join(bits)} <span class=\"src\">{' · '.join(src)}</span>{quote}</li>")
        return '<ul class="ev">' + "".join(items) + "</ul>"

    def group_label(self, prop: str) -> str:
        return self.name(prop)

    def facts(self, facts: Sequence[Fact], *, incoming: bool) -> str:
        groups: dict[str, list[Fact]] = defaultdict(list)
        for f in facts:
            groups[f.property].append(f)
        out = []
        for prop in sorted(groups, key=lambda p: (self.name(p).casefold(), p)):
            rows = groups[prop]
            key = (lambda f: self._sort_key(f.subject)) if incoming else (lambda f: self._sort_key(f.value))
            body = []
            for f in sorted(rows, key=key):
                cell = self.term(f.subject if incoming else f.value)
                body.append(f'<tr><td class="v">{cell}</td><td class="st">{self.statuses(f.statuses)}</td>'
                            f"<td>{self.evidence(f.evidence)}</td></tr>")
            head = (f"<tr><th>{_e(self.t['subject'] if incoming else self.t['value'])}</th>"
                    f"<th>{_e(self.t['status'])}</th><th>{_e(self.t['evidence'])}</th></tr>")
            table = f"<table><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"
            curie = _curie(iris.rebase(prop, self.base)) or _curie(prop) or prop
            title = (f'<h3>{self.a(prop)} <code>{_e(curie)}</code> '
                     f'<span class="muted">({len(rows)})</span></h3>')
            if len(rows) > COLLAPSE_OVER:
                table = f"<details><summary>{len(rows)} {_e(self.t['statements'])}</summary>{table}</details>"
            out.append(title + table)
        return "".join(out)

    def _sort_key(self, t: Term) -> tuple:
        return (t.kind != "iri", (self.name(t.value) if t.is_iri else t.value).casefold(), t)

    def supports(self) -> str:
        items = []
        for s in self.d.supports:
            bits = [self.statuses([_local(s.status)]) if s.status else ""]
            if s.fact != self.d.iri:
                bits.append(f'<a href="{_e(self.href(s.fact))}">{_e(iris.local_id(s.fact) or s.fact)}</a>')
            if s.kind:
                bits.append(f'<span class="muted">{_e(self.name(s.kind))}</span>')
            if s.statement:
                subj, prop, obj = s.statement
                bits.append(f"{_e(self.t['statement'])}: {self.term(subj)} — {self.a(prop, both=False)} — {self.term(obj)}")
            items.append("<li>" + " ".join(b for b in bits if b) + "</li>")
        return "<ul>" + "".join(items) + "</ul>"


def render_html(desc: Description, *, lang: str = "en", link: Callable[[str], str] | None = None,
                base: str = iris.BASE, alternate: Callable[[str, str], str] | None = None,
                nav: Sequence[tuple[str, str]] = ()) -> str:
    """A complete standalone HTML5 page for ``desc`` (inline CSS, no script, every text escaped).

    ``lang``: the page language (``en`` or ``ko``); labels in both languages are shown either way.
    ``link(iri) -> href``: where a resource under ``{BASE}id/`` links to (relative ``….html`` for the
    static site, ``/id/…`` for a server); default: its IRI rebased to ``base``. Other IRIs (ontology
    terms, Wikidata...) link to themselves, rebased. ``alternate(iri, ext) -> href`` for the Turtle
    (``ttl``) and JSON-LD (``jsonld``) versions: default ``link(iri)`` with ``.html`` replaced by (or
    followed by) ``.ttl``/``.jsonld``. ``nav``: extra (href, text) links at the top (indexes).
    """
    r = _Renderer(desc, lang, link, base)
    t = r.t
    d = desc
    if alternate is None:
        def alternate(iri: str, ext: str) -> str:
            h = r.href(iri)
            return (h[:-5] if h.endswith(".html") else h) + "." + ext
    shown_iri = iris.rebase(d.iri, base)
    title = d.label(lang)
    other_label = (d.labels.get(r.other) or ("",))[0]
    kind_names = ", ".join(r.name(x) for x in d.types)

    head = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}{' · ' + _e(other_label) if other_label and other_label != title else ''} — policykg</title>",
        f'<link rel="canonical" href="{_e(shown_iri)}">',
        f'<link rel="alternate" type="text/turtle" href="{_e(alternate(d.iri, "ttl"))}">',
        f'<link rel="alternate" type="application/ld+json" href="{_e(alternate(d.iri, "jsonld"))}">',
        f"<style>{CSS}</style>",
        "</head>",
    ]
    body = ["<body>", "<header>"]
    if nav:
        body.append("<nav>" + "".join(f'<a href="{_e(h)}">{_e(txt)}</a>' for h, txt in nav) + "</nav>")
    if kind_names:
        body.append(f'<div class="muted">{_e(kind_names)}</div>')
    body.append(f"<h1>{_e(title)}</h1>")
    if other_label and other_label != title:
        body.append(f'<p class="other" lang="{r.other}">{_e(other_label)}</p>')
    about = summary(d, lang, width=400)
    if about:
        body.append(f'<p class="other">{_e(about)}</p>')
    body.append(f'<p class="iri">{_e(t["iri"])}: <a href="{_e(shown_iri)}">{_e(shown_iri)}</a> · {_e(t["formats"])} '
                f'<a href="{_e(alternate(d.iri, "ttl"))}" type="text/turtle">Turtle</a> · '
                f'<a href="{_e(alternate(d.iri, "jsonld"))}" type="application/ld+json">JSON-LD</a></p>')
    body.append("</header>")
    body.append("<main>")

    # labels and definitions in both languages
    rows = []
    for lg in (lang, r.other, *sorted((set(d.labels) | set(d.alt_labels)) - {lang, r.other})):
        labs, alts = d.labels.get(lg, ()), d.alt_labels.get(lg, ())
        if not labs and not alts:
            continue
        lg_name = {"en": t["english"], "ko": t["korean"]}.get(lg, lg or "—")
        lang_attr = f' lang="{_e(lg)}"' if lg else ""
        alt = (f' <span class="alt">({_e(t["alt"])}: {_e(", ".join(alts))})</span>' if alts else "")
        rows.append(f"<dt>{_e(lg_name)}</dt><dd{lang_attr}>{_e(' / '.join(labs)) or _e(t['no_label'])}{alt}</dd>")
    if rows:
        body.append(f"<h2>{_e(t['labels'])}</h2><dl>{''.join(rows)}</dl>")
    if d.types:
        body.append(f"<h2>{_e(t['types'])}</h2><ul>" + "".join(f"<li>{r.a(x)}</li>" for x in d.types) + "</ul>")
    defs = []
    for lg in (lang, r.other, *sorted(set(d.definitions) - {lang, r.other})):
        for text in d.definitions.get(lg, ()):
            lang_attr = f' lang="{_e(lg)}"' if lg else ""
            defs.append(f"<li{lang_attr}>{_e(text)}</li>")
    if defs:
        body.append(f"<h2>{_e(t['definition'])}</h2><ul>{''.join(defs)}</ul>")
    if d.supports:
        body.append(f"<h2>{_e(t['supports'])}</h2>{r.supports()}")
    if d.evidence:
        heading = t["fact_evidence"] if d.is_fact else t["own_evidence"]
        body.append(f"<h2>{_e(heading)}</h2>{r.evidence(d.evidence, show_fact=False)}")
    if d.outgoing:
        body.append(f"<h2>{_e(t['facts'])} <span class=\"muted\">({len(d.outgoing)})</span></h2>"
                    + r.facts(d.outgoing, incoming=False))
    if d.incoming:
        body.append(f"<h2>{_e(t['incoming'])} <span class=\"muted\">({len(d.incoming)})</span></h2>"
                    + r.facts(d.incoming, incoming=True))
    body.append("</main>")
    body.append(f'<footer>policykg · <span class="iri">{_e(shown_iri)}</span></footer>')
    body.append("</body></html>")
    return "\n".join(head + body) + "\n"
