"""Extracted facts as claims: the ``extracted`` named graph, reconciled with the curated graph.

Every extracted fact becomes a ``pko:Claim`` (RDF reification: subject, predicate, object) with
its evidence (document, character offsets, source line range, the sentence), the rule that
produced it, a confidence and a review status:

- **accepted** when the curated graph states the same fact: the claim ``pko:confirms`` the
  curated claim or dependency node, and nothing new is asserted;
- **rejected** when the curated graph says the opposite (a dependency where the claim says
  control, or control where it says dependency): the curated fact keeps priority and the claim
  ``pko:contradicts`` it;
- **proposed** otherwise: the fact itself is asserted in the extracted graph (a plain triple, or a
  ``pko:Dependency`` node with status proposed) so queries see it, with its status.

Names that are not in the knowledge base become candidate individuals (``policy/cand-…``), typed
by their cue, with status proposed. Amounts stay claims (a policy's amount is single-valued, so a
proposed amount is not asserted over a curated one).
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from . import iris
from .iris import DCTERMS, PKO, SKOS

STACK = ("layer", "element", "chain")
_CLS_OF_RULE = {"Agency": "GovernmentAgency", "Organisation": "ResearchOrganisation", "Company": "Company",
                "Country": "Country", "Bloc": "SupranationalBloc", "Group": "ActorGroup"}


def _status(name: str) -> URIRef:
    return iris.entity(f"status/{name}")


class _Curated:
    """Lookups into the curated graph for reconciliation."""

    def __init__(self, curated: Graph) -> None:
        self.g = curated
        self.deps: dict[URIRef, dict[URIRef, URIRef]] = {}  # dependent -> layer or resource -> node
        for d in sorted(curated.subjects(RDF.type, PKO.Dependency)):
            who = curated.value(d, PKO.dependent)
            for p in (PKO.onLayer, PKO.onResource):
                for o in curated.objects(d, p):
                    self.deps.setdefault(who, {}).setdefault(o, d)
        self.layers_of: dict[URIRef, set[URIRef]] = {}

    def layers(self, resource: URIRef, ontology: Graph) -> set[URIRef]:
        if resource not in self.layers_of:
            self.layers_of[resource] = set(ontology.objects(resource, PKO.belongsToLayer))
        return self.layers_of[resource]

    def dependency(self, s: URIRef, o: URIRef, ontology: Graph) -> URIRef | None:
        mine = self.deps.get(s, {})
        if o in mine:
            return mine[o]
        # a curated dependency on a resource of that layer says the same at layer level
        return next((d for res, d in mine.items() if o in self.layers(res, ontology)), None)

    def stated(self, s: URIRef, p: URIRef, o: URIRef) -> tuple[bool, URIRef | None]:
        """Whether the curated graph states the triple, and its claim node when it has one (a
        triple that comes from an entity's declaration has none)."""
        if (s, p, o) not in self.g:
            return False, None
        node = iris.content_node("claim", s, p, o)
        return True, node if (node, RDF.type, PKO.Claim) in self.g else None


class ClaimBuilder:
    """Builds the extracted graph from :class:`ingest.extract.Extraction` results."""

    def __init__(self, ontology: Graph, curated: Graph, pipeline_version: str) -> None:
        self.ontology = ontology
        self.curated = _Curated(curated)
        self.known = {s for s in curated.subjects(SKOS.prefLabel, None)} | {
            s for s in ontology.subjects(SKOS.prefLabel, None)}
        self.version = pipeline_version
        self.g = Graph()
        self.stats: Counter[str] = Counter()

    # ------------------------------------------------------------ entities
    def _ref(self, arg: dict[str, Any], ev: URIRef) -> URIRef | None:
        if arg.get("id"):
            ref = iris.entity(arg["id"])
            return ref if ref in self.known else None
        return self._candidate(arg, ev)

    def _candidate(self, arg: dict[str, Any], ev: URIRef) -> URIRef:
        name = " ".join(arg["text"].split())
        cid = iris.candidate(arg["type"], name)
        node = iris.entity(cid)
        g = self.g
        if (node, RDF.type, None) not in g:
            rule = arg.get("rule", "")
            cls = rule.rsplit(":", 1)[-1] if ":" in rule else arg["type"]
            cls = _CLS_OF_RULE.get(cls, cls)
            g.add((node, RDF.type, PKO[cls if cls in PKO_CLASSES else "Policy"]))
            # a proper name without a known translation keeps its written form in both languages
            for lang in ("ko", "en"):
                g.add((node, SKOS.prefLabel, Literal(name, lang=lang)))
                g.add((node, RDFS.label, Literal(name, lang=lang)))
            g.add((node, SKOS.definition, Literal(
                "추출 단계가 이름의 형태로 찾아낸 후보 개체; 아직 검토되지 않았다.", lang="ko")))
            g.add((node, SKOS.definition, Literal(
                "A candidate entity found by extraction from the form of its name; not reviewed yet.", lang="en")))
            g.add((node, PKO.status, _status("proposed")))
            g.add((node, PKO.extractionRule, Literal(rule or "cue")))
            g.add((node, PKO.mentionedIn, ev))
            self.stats["candidates"] += 1
        return node

    # ------------------------------------------------------------ evidence
    def _evidence(self, doc_id: str, f: dict[str, Any]) -> URIRef:
        node = iris.content_node("evidence", doc_id, f["line_start"], f["line_end"], f["char_start"], f["sentence"])
        g = self.g
        if (node, RDF.type, PKO.Evidence) not in g:
            g.add((node, RDF.type, PKO.Evidence))
            g.add((node, PKO.inDocument, iris.document(doc_id)))
            g.add((node, PKO.lineStart, Literal(f["line_start"])))
            g.add((node, PKO.lineEnd, Literal(f["line_end"])))
            g.add((node, PKO.charStart, Literal(f["char_start"])))
            g.add((node, PKO.charEnd, Literal(f["char_end"])))
            lang = "ko" if any("\uac00" <= c <= "\ud7a3" for c in f["sentence"]) else "en"
            g.add((node, PKO.quote, Literal(f["sentence"], lang=lang)))
        return node

    # ------------------------------------------------------------ facts
    def add(self, extraction) -> None:
        doc_id = extraction.doc_id
        for f in extraction.facts:
            self._fact(doc_id, f)
        # every new name found by a cue becomes a candidate, even when no fact mentions it
        for m in extraction.mentions:
            if not m.id and m.rule.startswith("cue."):
                ev = self._evidence(doc_id, {"line_start": m.line, "line_end": m.line, "char_start": m.start,
                                             "char_end": m.end, "sentence": " ".join(m.text.split())})
                self._candidate({"text": m.text, "type": m.type, "rule": m.rule}, ev)

    def _fact(self, doc_id: str, f: dict[str, Any]) -> None:
        ev = self._evidence(doc_id, f)
        s = self._ref(f["subject"], ev)
        if s is None:
            return
        rel = f["relation"]
        if rel == "invests":
            o: Any = Literal(_decimal(f["amount"]), datatype=XSD.decimal)
            pred = PKO.amount
        else:
            o = self._ref(f["object"], ev) if f.get("object") else None
            if o is None:
                return
            pred = self._predicate(f, o)
        claim = iris.content_node("claim", "extracted", doc_id, s, pred, o, f["char_start"], f["rule"])
        g = self.g
        g.add((claim, RDF.type, PKO.Claim))
        g.add((claim, RDF.subject, s))
        g.add((claim, RDF.predicate, pred))
        g.add((claim, RDF.object, o))
        g.add((claim, PKO.confidence, Literal(_decimal(f["confidence"]), datatype=XSD.decimal)))
        g.add((claim, PKO.extractionRule, Literal(f["rule"])))
        g.add((claim, PKO.pipelineVersion, Literal(self.version)))
        g.add((claim, PKO.hasEvidence, ev))
        if rel == "invests":
            g.add((claim, PKO.currency, Literal(f["currency"])))
        status, other = self._reconcile(rel, s, pred, o, f)
        g.add((claim, PKO.status, _status(status)))
        self.stats[status] += 1
        self.stats[f"{rel}:{status}"] += 1
        if other is not None:
            g.add((claim, PKO.confirms if status == "accepted" else PKO.contradicts, other))
        if status == "proposed" and rel != "invests":
            self._assert(rel, s, pred, o, f, ev)

    def _predicate(self, f: dict[str, Any], o: URIRef) -> URIRef:
        if f["relation"] == "dependsOn":
            kind = (iris.local_id(o) or "").split("/", 1)[0]
            return PKO.dependsOnLayer if kind in STACK else PKO.dependsOnResource
        return PKO[f["predicate"]]

    def _reconcile(self, rel: str, s: URIRef, pred: URIRef, o: Any, f: dict[str, Any]) -> tuple[str, URIRef | None]:
        """The claim's status, and the curated node it confirms or contradicts (if there is one)."""
        cur = self.curated
        if rel in ("dependsOn", "controls"):
            dep = cur.dependency(s, o, self.ontology)
            controls, ctl = cur.stated(s, PKO.directlyControls, o)
            if rel == "dependsOn":
                return ("accepted", dep) if dep is not None else ("rejected", ctl) if controls else ("proposed", None)
            return ("accepted", ctl) if controls else ("rejected", dep) if dep is not None else ("proposed", None)
        if rel == "invests":
            amount, currency = cur.g.value(s, PKO.amount), cur.g.value(s, PKO.currency)
            if amount is not None and abs(float(amount) - float(f["amount"])) < 0.5 and str(currency) == f["currency"]:
                return "accepted", next((c for c in cur.g.subjects(RDF.subject, s)
                                         if (c, RDF.predicate, PKO.amount) in cur.g), None)
            return "proposed", None
        stated, node = cur.stated(s, pred, o)
        return ("accepted", node) if stated else ("proposed", None)

    def _assert(self, rel: str, s: URIRef, pred: URIRef, o: URIRef, f: dict[str, Any], ev: URIRef) -> None:
        g = self.g
        if rel != "dependsOn":
            g.add((s, pred, o))
            return
        sup = self._ref(f["supplier"], ev) if f.get("supplier") else None
        node = iris.content_node("dependency", "extracted", s, o, sup)
        g.add((node, RDF.type, PKO.Dependency))
        g.add((node, PKO.dependent, s))
        g.add((s, PKO.hasDependency, node))
        kind = (iris.local_id(o) or "").split("/", 1)[0]
        if kind in STACK:
            g.add((node, PKO.onLayer, o))
        else:
            g.add((node, PKO.onResource, o))
            for layer in self.curated.layers(o, self.ontology):
                g.add((node, PKO.onLayer, layer))
        if sup is not None:
            g.add((node, PKO.supplier, sup))
        g.add((node, PKO.status, _status("proposed")))
        g.add((node, PKO.hasEvidence, ev))


PKO_CLASSES = {"Policy", "LawOrRegulation", "StrategyOrPlan", "ProgrammeOrProject", "InvestmentOrFund", "Initiative",
               "GovernmentAgency", "ResearchOrganisation", "Company", "Country", "SupranationalBloc", "ActorGroup"}


def _decimal(x: float) -> str:
    """A confidence as an xsd:decimal lexical form, to 3 places (``0.1 + 0.3`` is ``0.4``, not
    ``0.39999999999999997``, which stores differently in every triple store).

    >>> _decimal(0.1 + 0.3), _decimal(1.0), _decimal(0.85)
    ('0.4', '1', '0.85')
    """
    s = f"{round(float(x), 3):.3f}".rstrip("0").rstrip(".")
    return s or "0"


def documents_graph(docs: Iterable[dict[str, Any]]) -> Graph:
    """Source-document records for documents added with ``policykg ingest`` (not in the corpus registry)."""
    g = Graph()
    for d in docs:
        node = iris.document(d["id"])
        g.add((node, RDF.type, PKO.SourceDocument))
        for lang in ("ko", "en"):
            g.add((node, SKOS.prefLabel, Literal(d["title"], lang=lang)))
            g.add((node, RDFS.label, Literal(d["title"], lang=lang)))
        g.add((node, SKOS.definition, Literal("policykg ingest로 추가된 사용자 문서.", lang="ko")))
        g.add((node, SKOS.definition, Literal("A user document added with policykg ingest.", lang="en")))
        g.add((node, PKO.fileName, Literal(d["file"])))
        g.add((node, PKO.contentHash, Literal(d["content_hash"])))
        g.add((node, DCTERMS.language, Literal(d.get("language", "ko"))))
    return g
