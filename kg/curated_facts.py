"""The forms of a curated fact (kg/curated/README.md) turned into RDF: a plain triple with its
claim, and the first-class fact nodes (dependency, involvement, recommendation, measurement,
replacement, investment), each with its evidence and status. A mixin of the curated-YAML builder
of :mod:`kg.curation`, which resolves ids (``ref``), reads evidence (``evidence``) and collects
errors (``err``)."""

from __future__ import annotations

import re
from typing import Any

from rdflib import RDF, XSD, Graph, Literal, URIRef

from . import iris
from .iris import DCTERMS, PKO

# the simple triple facts a curator may state: property -> (allowed subject kinds, allowed object kinds)
ACTORS = ("country", "bloc", "agency", "company", "org", "group")
POLITIES = ("country", "bloc")
ORGS = ("agency", "company", "org", "group")
LAYERS = ("layer", "element", "chain")
TRIPLE_PROPERTIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "hasPolicy": (POLITIES, ("policy",)),
    "runBy": (("policy",), ORGS),
    "partOf": (("policy", "asset", "model", "agency"), ("policy", "asset", "agency", "company")),
    "legalBasis": (("policy",), ("policy",)),
    "targetsLayer": (("policy",) + ORGS + ("model", "asset", "product"), LAYERS),
    "targetsResource": (("policy",) + ORGS + ("model", "asset"), ("resource",)),
    "targetsSector": (("policy", "model", "product", "asset") + ORGS, ("sector",)),
    "strengthens": (ACTORS, LAYERS + ("resource",)),
    "supplements": (ACTORS, LAYERS + ("resource",)),
    "prioritises": (ACTORS, LAYERS + ("resource",)),
    "directlyControls": (ACTORS, LAYERS + ("resource",)),
    "leads": (ACTORS, LAYERS + ("resource",)),
    "memberOf": (ACTORS, ("bloc", "group", "org", "policy")),
    "basedIn": (ORGS, POLITIES),
    "agencyOf": (("agency",), POLITIES),
    "locatedIn": (("region", "asset"), POLITIES),
    "develops": (ACTORS, ("model", "product", "asset")),
    "uses": (ACTORS, ("model", "product", "asset", "resource", "company")),
    "operates": (ACTORS, ("asset",)),
    "fosters": (POLITIES, ORGS),
    "suppliesTo": (ACTORS, ACTORS),
    "cooperatesWith": (ACTORS, ACTORS),
    "hasSovereigntyType": (ACTORS, ("type", "path")),
    "classifiedAs": (ACTORS, ("concept", "type", "path")),
    "requiresIndependenceIn": (("type", "path"), LAYERS),
    "comparesCountry": (("doc",), POLITIES),
    "excludesCountry": (("doc",), POLITIES),
}
ROLE_KINDS = ("lead", "operator", "implementer", "partner", "technology-partner", "investor", "member",
              "beneficiary", "hub", "user", "regulator")
LEVELS = ("high", "persistent", "influence", "partial")


class FactForms:
    """The fact forms of the curated-YAML builder (a mixin)."""

    g: Graph
    n_facts: int

    def fact(self, where: str, f: dict[str, Any], default_doc: str | None) -> None:
        if "ev" not in f:
            self.err(where, "every fact needs evidence (`ev:` with lines and quote)")
            return
        forms = [k for k in ("p", "dependency", "involvement", "recommendation", "measurement",
                             "replacement", "investment") if k in f]
        if len(forms) != 1:
            self.err(where, "a fact is one of: s/p/o, dependency, involvement, recommendation, "
                            "measurement, replacement, investment")
            return
        evs = self.evidence(where, f["ev"], default_doc)
        if not evs:
            return
        self.n_facts += 1
        form = forms[0]
        handler = getattr(self, f"_fact_{form}" if form != "p" else "_fact_triple")
        handler(where, f, evs)

    def _status(self, node: URIRef, evs: list[URIRef]) -> None:
        self.g.add((node, PKO.status, iris.entity("status/curated")))
        for ev in evs:
            self.g.add((node, PKO.hasEvidence, ev))

    def _fact_triple(self, where: str, f: dict[str, Any], evs: list[URIRef]) -> None:
        p = f["p"]
        if p in ("amount", "currency", "periodStart", "periodEnd"):
            self.err(where, f"use the `investment:` form for {p}")
            return
        if p not in TRIPLE_PROPERTIES:
            self.err(where, f"unknown property {p!r}; one of {', '.join(sorted(TRIPLE_PROPERTIES))}")
            return
        skinds, okinds = TRIPLE_PROPERTIES[p]
        s = self.ref(where, f.get("s"), skinds)
        o = self.ref(where, f.get("o"), okinds)
        if s is None or o is None:
            return
        pred = PKO[p]
        self.g.add((s, pred, o))
        claim = iris.content_node("claim", s, pred, o)
        self.g.add((claim, RDF.type, PKO.Claim))
        self.g.add((claim, RDF.subject, s))
        self.g.add((claim, RDF.predicate, pred))
        self.g.add((claim, RDF.object, o))
        self.g.add((claim, PKO.confidence, Literal("1.0", datatype=XSD.decimal)))
        self._status(claim, evs)

    def _labels(self, node: URIRef, d: dict[str, Any], key: str, prop: URIRef) -> None:
        for lang in ("en", "ko"):
            v = d.get(f"{key}_{lang}")
            if v:
                self.g.add((node, prop, Literal(str(v).strip(), lang=lang)))

    def _fact_dependency(self, where: str, f: dict[str, Any], evs: list[URIRef]) -> None:
        d = f["dependency"]
        dep = self.ref(where, d.get("dependent"), ACTORS)
        if dep is None:
            return
        layer = self.ref(where, d["layer"], LAYERS) if d.get("layer") else None
        res = self.ref(where, d["resource"], ("resource",)) if d.get("resource") else None
        if layer is None and res is None:
            self.err(where, "a dependency needs a `layer` or a `resource`")
            return
        suppliers = d.get("supplier") or []
        suppliers = suppliers if isinstance(suppliers, list) else [suppliers]
        sup = [self.ref(where, s, ACTORS) for s in suppliers]
        level = d.get("level")
        if level is not None and level not in LEVELS:
            self.err(where, f"level {level!r} not one of {', '.join(LEVELS)}")
            return
        node = iris.content_node("dependency", dep, layer, res, sorted(map(str, suppliers)))
        g = self.g
        g.add((node, RDF.type, PKO.Dependency))
        g.add((node, PKO.dependent, dep))
        g.add((dep, PKO.hasDependency, node))
        if layer is not None:
            g.add((node, PKO.onLayer, layer))
        if res is not None:
            g.add((node, PKO.onResource, res))
        for s in sup:
            if s is not None:
                g.add((node, PKO.supplier, s))
        if level:
            g.add((node, PKO.level, iris.entity(f"level/{level}")))
        self._labels(node, d, "note", PKO.note)
        self._status(node, evs)

    def _fact_involvement(self, where: str, f: dict[str, Any], evs: list[URIRef]) -> None:
        d = f["involvement"]
        agent = self.ref(where, d.get("agent"), ACTORS + ("region",))
        target = self.ref(where, d.get("in"), ("policy", "asset", "model") + ORGS)
        role = d.get("role")
        if role not in ROLE_KINDS:
            self.err(where, f"role {role!r} not one of {', '.join(ROLE_KINDS)}")
            return
        if agent is None or target is None:
            return
        node = iris.content_node("involvement", agent, target, role)
        g = self.g
        g.add((node, RDF.type, PKO.Involvement))
        g.add((node, PKO.involvedAgent, agent))
        g.add((agent, PKO.hasInvolvement, node))
        g.add((node, PKO.involvedIn, target))
        g.add((node, PKO.roleType, iris.entity(f"role/{role}")))
        self._labels(node, d, "role", PKO.roleLabel)
        self._status(node, evs)

    def _fact_recommendation(self, where: str, f: dict[str, Any], evs: list[URIRef]) -> None:
        d = f["recommendation"]
        target = self.ref(where, d.get("for"), ACTORS)
        item = self.ref(where, d.get("item"), ())
        if target is None or item is None:
            return
        doc_id = f.get("doc") or self._doc_of(evs)
        node = iris.content_node("recommendation", target, item, d.get("stage"))
        g = self.g
        g.add((node, RDF.type, PKO.Recommendation))
        g.add((node, PKO.recommendedFor, target))
        g.add((node, PKO.recommendedItem, item))
        if doc_id:
            g.add((node, PKO.recommendedBy, iris.document(doc_id)))
        if d.get("stage") is not None:
            g.add((node, PKO.stage, Literal(int(d["stage"]))))
        self._labels(node, d, "role", PKO.roleLabel)
        self._status(node, evs)

    def _doc_of(self, evs: list[URIRef]) -> str | None:
        doc = self.g.value(evs[0], PKO.inDocument)
        return iris.local_id(doc).split("/", 1)[1] if doc else None

    def _fact_measurement(self, where: str, f: dict[str, Any], evs: list[URIRef]) -> None:
        d = f["measurement"]
        try:
            value = Literal(str(float(d["value"])).rstrip("0").rstrip("."), datatype=XSD.decimal)
        except (KeyError, TypeError, ValueError):
            self.err(where, "a measurement needs a numeric `value`")
            return
        if not d.get("unit") or not d.get("indicator_en"):
            self.err(where, "a measurement needs `unit` and `indicator_en`")
            return
        node = iris.content_node("measurement", d.get("about"), d["value"], d["unit"], d["indicator_en"], d.get("year"))
        g = self.g
        g.add((node, RDF.type, PKO.Measurement))
        if d.get("about"):
            r = self.ref(where, d["about"], ())
            if r is not None:
                g.add((node, PKO.measuredEntity, r))
        g.add((node, PKO.value, value))
        g.add((node, PKO.unit, Literal(str(d["unit"]))))
        self._labels(node, d, "indicator", PKO.indicator)
        if d.get("year"):
            g.add((node, DCTERMS.date, Literal(str(d["year"]))))
        if d.get("stated_by"):
            r = self.ref(where, d["stated_by"], ACTORS)
            if r is not None:
                g.add((node, PKO.statedBy, r))
        self._status(node, evs)

    def _fact_replacement(self, where: str, f: dict[str, Any], evs: list[URIRef]) -> None:
        d = f["replacement"]
        old = self.ref(where, d.get("old"), ORGS + ("product", "model"))
        new = self.ref(where, d.get("new"), ORGS + ("product", "model"))
        if old is None or new is None:
            return
        node = iris.content_node("replacement", old, new, d.get("at"))
        g = self.g
        g.add((node, RDF.type, PKO.Replacement))
        g.add((node, PKO.replacementOld, old))
        g.add((node, PKO.replacementNew, new))
        g.add((new, PKO.newIn, node))
        for key, prop, kinds in (("at", PKO.atOrganisation, ORGS), ("decided_by", PKO.decidedBy, ACTORS),
                                 ("layer", PKO.inLayer, LAYERS)):
            if d.get(key):
                r = self.ref(where, d[key], kinds)
                if r is not None:
                    g.add((node, prop, r))
        if d.get("date"):
            g.add((node, DCTERMS.date, Literal(str(d["date"]))))
        self._status(node, evs)

    def _fact_investment(self, where: str, f: dict[str, Any], evs: list[URIRef]) -> None:
        d = f["investment"]
        pol = self.ref(where, d.get("policy"), ("policy",))
        if pol is None:
            return
        g = self.g
        try:
            amount = float(d["amount"])
        except (KeyError, TypeError, ValueError):
            self.err(where, "an investment needs a numeric `amount` (plain number, e.g. 100e12)")
            return
        cur = str(d.get("currency", ""))
        if not re.fullmatch(r"[A-Z]{3}", cur):
            self.err(where, f"currency {cur!r} is not an ISO 4217 code such as KRW, USD, EUR, JPY, GBP")
            return
        g.add((pol, PKO.amount, Literal(f"{amount:.0f}" if amount == int(amount) else str(amount), datatype=XSD.decimal)))
        g.add((pol, PKO.currency, Literal(cur)))
        for key, prop in (("start", PKO.periodStart), ("end", PKO.periodEnd)):
            if d.get(key):
                g.add((pol, prop, Literal(str(d[key]), datatype=XSD.gYear)))
        for key, prop in (("amount", PKO.amount), ("currency", PKO.currency)):
            claim = iris.content_node("claim", pol, prop, d[key])
            g.add((claim, RDF.type, PKO.Claim))
            g.add((claim, RDF.subject, pol))
            g.add((claim, RDF.predicate, prop))
            g.add((claim, RDF.object, g.value(pol, prop)))
            self._status(claim, evs)
