"""Curated knowledge base: YAML files in kg/curated/ turned into RDF with evidence.

The format is documented in kg/curated/README.md. Every fact carries evidence (document, line
range, exact quote); :func:`load_curated` verifies each quote occurs verbatim, modulo
line-wrapping whitespace, within its stated lines, and collects every problem with file:line.

>>> kb = load_curated()
>>> kb.errors, kb.n_facts > 0
([], True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from . import iris
from .errors import CurationError
from .iris import DCTERMS, PKO, SKOS
from ingest.documents import CORPUS_DIR, SourceDoc, load_documents

from .paths import CURATED_DIR, ONTOLOGY_DIR
from .curated_facts import ACTORS, LAYERS, POLITIES, FactForms
from .yamlsrc import LineLoader, split_values

# kind prefix of an id -> allowed pko classes (first is the default)
KINDS: dict[str, tuple[str, ...]] = {
    "country": ("Country",),
    "bloc": ("SupranationalBloc",),
    "agency": ("GovernmentAgency",),
    "company": ("Company",),
    "org": ("ResearchOrganisation",),
    "group": ("ActorGroup",),
    "region": ("Region",),
    "policy": ("Policy", "LawOrRegulation", "StrategyOrPlan", "ProgrammeOrProject", "InvestmentOrFund", "Initiative"),
    "model": ("AIModel",),
    "product": ("Product",),
    "asset": ("InfrastructureAsset", "Supercomputer", "DataCentre", "AIFactory"),
    "sector": ("Sector",),
    "concept": ("AnalyticalConcept",),
    "scheme": ("ConceptScheme",),
}

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_QID = re.compile(r"Q[1-9][0-9]*")  # a Wikidata item id
_WS = re.compile(r"\s+")


def lang_of(text: str) -> str:
    """``ko`` if the text contains Hangul, else ``en``.

    >>> lang_of("美 엔비디아"), lang_of("NVIDIA")
    ('ko', 'en')
    """
    return "ko" if _HANGUL.search(text) else "en"


def squash(text: str) -> str:
    """Text without any whitespace: how quotes are compared with the wrapped source lines."""
    return _WS.sub("", text)


@dataclass
class CuratedKB:
    """The curated graph plus what the checks found."""

    graph: Graph
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    n_facts: int = 0


class _Builder(FactForms):
    def __init__(self, docs: dict[str, SourceDoc], known_ids: set[str]) -> None:
        self.g = Graph()
        for p, ns in iris.PREFIXES.items():
            self.g.bind(p, ns)
        self.docs = docs
        self.known = set(known_ids)  # ids defined in the ontology schemes
        self.kinds: dict[str, str] = {}  # id -> pko class of curated entities
        self.labels: dict[tuple[str, str], str] = {}
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.doc_lines: dict[str, list[str]] = {}
        self.pending_refs: list[tuple[str, str, tuple[str, ...]]] = []  # (where, id, allowed kinds)
        self.n_facts = 0
        self.merged: dict[str, str] = {}  # duplicate id -> canonical id (`merge:` sections)
        self.wikidata: dict[str, tuple[str, str]] = {}  # Q-id -> (entity id, where first given)
        self.qid_of: dict[str, tuple[str, str]] = {}  # entity id -> (Q-id, where first given)

    def canon(self, value: Any) -> Any:
        seen = set()
        while isinstance(value, str) and value in self.merged and value not in seen:
            seen.add(value)
            value = self.merged[value]
        return value

    # ------------------------------------------------------------ helpers
    def err(self, where: str, msg: str) -> None:
        self.errors.append(f"{where}: {msg}")

    def ref(self, where: str, value: Any, kinds: tuple[str, ...]) -> URIRef | None:
        value = self.canon(value)
        if not isinstance(value, str) or not iris.is_valid_id(value):
            self.err(where, f"{value!r} is not an id like kind/slug")
            return None
        kind = value.split("/", 1)[0]
        if kinds and kind not in kinds:
            self.err(where, f"{value!r} has kind {kind!r}; expected one of {', '.join(kinds)}")
            return None
        self.pending_refs.append((where, value, kinds))
        return iris.entity(value)

    def lines_of(self, doc_id: str) -> list[str]:
        if doc_id not in self.doc_lines:
            self.doc_lines[doc_id] = self.docs[doc_id].path.read_text(encoding="utf-8").splitlines()
        return self.doc_lines[doc_id]

    # ------------------------------------------------------------ evidence
    def evidence(self, where: str, ev: Any, default_doc: str | None) -> list[URIRef]:
        items = ev if isinstance(ev, list) else [ev]
        out = []
        for item in items:
            if not isinstance(item, dict):
                self.err(where, "evidence must be a mapping with lines and quote")
                continue
            w = f"{where.rsplit(':', 1)[0]}:{item.get('__line__', '?')}"
            doc_id = item.get("doc", default_doc)
            if doc_id not in self.docs:
                self.err(w, f"unknown document {doc_id!r}; known: {', '.join(sorted(self.docs))}")
                continue
            quote = item.get("quote")
            lines = str(item.get("lines", ""))
            m = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+))?\s*", lines)
            if not m or not isinstance(quote, str) or not quote.strip():
                self.err(w, "evidence needs `lines: a-b` and a non-empty `quote`")
                continue
            start, end = int(m.group(1)), int(m.group(2) or m.group(1))
            src = self.lines_of(doc_id)
            if not 1 <= start <= end <= len(src):
                self.err(w, f"lines {start}-{end} outside {doc_id} (1-{len(src)})")
                continue
            if squash(quote) not in squash("".join(src[start - 1:end])):
                where_else = self._find(doc_id, quote)
                hint = f" (found at lines {where_else})" if where_else else " (not found anywhere in the document)"
                self.err(w, f"quote does not occur verbatim in {doc_id} lines {start}-{end}{hint}: {quote[:60]!r}")
                continue
            node = iris.content_node("evidence", doc_id, start, end, squash(quote))
            g = self.g
            g.add((node, RDF.type, PKO.Evidence))
            g.add((node, PKO.inDocument, iris.document(doc_id)))
            g.add((node, PKO.lineStart, Literal(start)))
            g.add((node, PKO.lineEnd, Literal(end)))
            g.add((node, PKO.quote, Literal(_WS.sub(" ", quote).strip(), lang=lang_of(quote))))
            for c in item.get("cites", []) or []:
                r = self.ref(w, c, ACTORS + ("doc",))
                if r is not None:
                    g.add((node, PKO.citesSource, r))
            if item.get("citation"):
                g.add((node, PKO.citationText, Literal(str(item["citation"]))))
            out.append(node)
        return out

    def _find(self, doc_id: str, quote: str) -> str | None:
        src = self.lines_of(doc_id)
        q = squash(quote)
        for i in range(len(src)):
            if not src[i].strip():
                continue
            acc = ""
            for j in range(i, min(i + 40, len(src))):
                acc += squash(src[j])
                if q in acc:
                    start = i
                    while start < j and q in squash("".join(src[start + 1:j + 1])):
                        start += 1
                    return f"{start + 1}-{j + 1}"
                if len(acc) > len(q) + 400:
                    break
        return None

    # ------------------------------------------------------------ entities
    def entity(self, where: str, e: dict[str, Any], default_doc: str | None) -> None:
        eid = self.canon(e.get("id"))
        if not isinstance(eid, str) or not iris.is_valid_id(eid):
            self.err(where, f"entity id {eid!r} is not kind/slug")
            return
        kind = eid.split("/", 1)[0]
        if kind not in KINDS:
            self.err(where, f"unknown kind {kind!r} in {eid!r}; kinds: {', '.join(KINDS)}")
            return
        cls = e.get("type", KINDS[kind][0])
        if cls not in KINDS[kind]:
            self.err(where, f"type {cls!r} does not fit kind {kind!r}; use one of {', '.join(KINDS[kind])}")
            return
        if eid in self.known:
            self.err(where, f"{eid} is already defined in the ontology; refer to it, do not redefine it")
            return
        prev = self.kinds.get(eid)
        if prev and prev != cls:
            if prev in KINDS[kind][1:] and cls == KINDS[kind][0]:
                cls = prev  # a generic re-declaration keeps the specific class
            elif not (cls in KINDS[kind][1:] and prev == KINDS[kind][0]):
                # two specific sub-classes of the same kind: the first declaration wins
                self.warnings.append(f"{where}: {eid} declared as {cls} here but as {prev} elsewhere; kept {prev}")
                cls = prev
        self.kinds[eid] = cls
        s = iris.entity(eid)
        g = self.g
        g.add((s, RDF.type, SKOS.ConceptScheme if cls == "ConceptScheme" else PKO[cls]))
        if prev and prev != cls:
            g.remove((s, RDF.type, PKO[prev]))
        for lang in ("en", "ko"):
            label = e.get(lang)
            if not isinstance(label, str) or not label.strip():
                self.err(where, f"{eid} needs a non-empty `{lang}` label")
                continue
            label = label.strip()
            old = self.labels.get((eid, lang))
            if old is None:
                self.labels[(eid, lang)] = label
                g.add((s, SKOS.prefLabel, Literal(label, lang=lang)))
                g.add((s, RDFS.label, Literal(label, lang=lang)))
            elif old != label:
                g.add((s, SKOS.altLabel, Literal(label, lang=lang_of(label))))
        for alt in e.get("alt", []) or []:
            g.add((s, SKOS.altLabel, Literal(str(alt), lang=lang_of(str(alt)))))
        for lang in ("en", "ko"):
            d = e.get(f"def_{lang}")
            if d:
                g.add((s, SKOS.definition, Literal(str(d).strip(), lang=lang)))
        if cls in ("AnalyticalConcept", "Sector"):
            g.add((s, RDF.type, SKOS.Concept))
        if e.get("scheme"):
            r = self.ref(where, e["scheme"], ("scheme",))
            if r is not None:
                g.add((s, SKOS.inScheme, r))
        if e.get("broader"):
            r = self.ref(where, e["broader"], ("concept", "sector") + LAYERS)
            if r is not None:
                g.add((s, SKOS.broader, r))
        if e.get("notation") is not None:
            g.add((s, SKOS.notation, Literal(str(e["notation"]))))
        if e.get("date"):
            g.add((s, DCTERMS.date, Literal(str(e["date"]))))
        if e.get("wikidata") is not None:
            self.wikidata_link(where, eid, s, e["wikidata"])
        country = e.get("country")
        if country:
            prop = {"agency": PKO.agencyOf, "policy": PKO.policyOf, "region": PKO.locatedIn,
                    "asset": PKO.locatedIn}.get(kind, PKO.basedIn)
            if kind in ("model", "product", "sector", "concept", "scheme"):
                self.err(where, f"`country` does not apply to {kind}; state who develops it instead")
            else:
                r = self.ref(where, country, POLITIES)
                if r is not None:
                    if prop == PKO.policyOf:
                        g.add((r, PKO.hasPolicy, s))
                    else:
                        g.add((s, prop, r))
        if e.get("ev"):
            for ev in self.evidence(where, e["ev"], default_doc):
                g.add((s, PKO.hasEvidence, ev))

    def wikidata_link(self, where: str, eid: str, s: URIRef, qid: Any) -> None:
        """``wikidata: Q…`` becomes ``skos:exactMatch`` to the Wikidata item; one item is one entity."""
        if not isinstance(qid, str) or not _QID.fullmatch(qid):
            self.err(where, f"wikidata {qid!r} of {eid} is not a Wikidata item id: write Q and its "
                            f"number, e.g. `wikidata: Q30`")
            return
        other = self.wikidata.get(qid)
        if other and other[0] != eid:
            self.err(where, f"wikidata {qid} is given to {eid} here and to {other[0]} at {other[1]}: one "
                            f"Wikidata item is one entity; if both ids name the same thing, list "
                            f"`{eid}: {other[0]}` under `merge:` in common.yaml, else fix the Q-id")
            return
        mine = self.qid_of.get(eid)
        if mine and mine[0] != qid:
            self.err(where, f"{eid} has wikidata {qid} here but {mine[0]} at {mine[1]}; keep the right one")
            return
        self.wikidata.setdefault(qid, (eid, where))
        self.qid_of.setdefault(eid, (qid, where))
        self.g.add((s, SKOS.exactMatch, URIRef(f"http://www.wikidata.org/entity/{qid}")))

    # ------------------------------------------------------------ facts
    def ambiguous_names(self, where: str, eid: Any, names: Any) -> None:
        """``ambiguous: {id: [name, ...]}``: names of the entity that usually mean something else."""
        s = self.ref(where, eid, ())
        if s is None:
            return
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            self.err(where, f"ambiguous names of {eid} must be a list of names, e.g. [유럽, Europe]")
            return
        own = {str(o) for p in (SKOS.prefLabel, SKOS.altLabel) for o in self.g.objects(s, p)}
        for name in names:
            if name not in own:
                self.err(where, f"{name!r} is not a name of {eid} (its names: {', '.join(sorted(own)) or 'none'}); "
                                "add it to the entity's `alt` first, or fix the spelling")
                continue
            self.g.add((s, PKO.ambiguousName, Literal(name, lang=lang_of(name))))

    # ------------------------------------------------------------ references
    def resolve(self) -> None:
        for where, rid, _kinds in self.pending_refs:
            if rid not in self.kinds and rid not in self.known:
                self.err(where, f"{rid} is not declared in any curated file nor in the ontology")


def ontology_ids() -> set[str]:
    """Ids of the resources the ontology's Turtle files define (layers, resources, types...)."""
    g = Graph()
    for f in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        if f.name != "shapes.ttl":
            g.parse(f, format="turtle")
    return {lid for s in set(g.subjects()) if (lid := iris.local_id(s))}


def document_graph(docs: dict[str, SourceDoc]) -> Graph:
    """SourceDocument nodes for the documents registry."""
    import hashlib

    g = Graph()
    for d in docs.values():
        s = iris.document(d.id)
        m = d.meta
        g.add((s, RDF.type, PKO.SourceDocument))
        for lang in ("ko", "en"):
            if m.get(f"title_{lang}"):
                g.add((s, DCTERMS.title, Literal(m[f"title_{lang}"], lang=lang)))
                g.add((s, SKOS.prefLabel, Literal(m[f"title_{lang}"], lang=lang)))
                g.add((s, RDFS.label, Literal(m[f"title_{lang}"], lang=lang)))
            if m.get(f"publisher_{lang}"):
                g.add((s, DCTERMS.publisher, Literal(m[f"publisher_{lang}"], lang=lang)))
        for c in m.get("creators", []):
            g.add((s, DCTERMS.creator, Literal(c)))
        if m.get("issued"):
            g.add((s, DCTERMS.issued, Literal(str(m["issued"]), datatype=XSD.gYear)))
        g.add((s, DCTERMS.language, Literal(m.get("language", "ko"))))
        g.add((s, PKO.fileName, Literal(d.path.name)))
        g.add((s, SKOS.definition, Literal(f"원문 문서 {d.path.name}", lang="ko")))
        g.add((s, SKOS.definition, Literal(f"Source document {d.path.name}", lang="en")))
        g.add((s, PKO.contentHash, Literal(hashlib.sha256(d.path.read_bytes()).hexdigest())))
    return g


def load_curated(curated_dir: Path = CURATED_DIR, corpus_dir: Path = CORPUS_DIR,
                 files: list[Path] | None = None) -> CuratedKB:
    """Read every ``*.yaml`` of the curated folder into one graph; collect every problem found."""
    docs = load_documents(corpus_dir)
    b = _Builder(docs, ontology_ids() | {f"doc/{d}" for d in docs})
    paths = files if files is not None else sorted(curated_dir.glob("**/*.yaml"))
    loaded = []
    for path in paths:
        rel = path.name if files is not None else str(path.relative_to(curated_dir))
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=LineLoader) or {}
        except yaml.YAMLError as exc:
            b.err(rel, f"not valid YAML: {exc}")
            continue
        if not isinstance(data, dict):
            b.err(rel, "top level must be a mapping with `doc`, `entities` and/or `facts`")
            continue
        loaded.append((rel, data))
        for dup, canonical in (data.get("merge") or {}).items():
            if dup == "__line__":
                continue
            b.merged[dup] = canonical
    ambiguous: list[tuple[str, Any, Any]] = []
    for rel, data in loaded:
        section = data.get("ambiguous") or {}
        for eid, names in section.items():
            if eid != "__line__":
                ambiguous.append((f"{rel}:{section.get('__line__', '?')}", eid, names))
        default_doc = data.get("doc")
        if default_doc is not None and default_doc not in docs:
            b.err(f"{rel}:{data.get('__line__', 1)}", f"unknown doc {default_doc!r}")
        for e in data.get("entities", []) or []:
            b.entity(f"{rel}:{e.get('__line__', '?')}", e, default_doc)
        for f in data.get("facts", []) or []:
            b.fact(f"{rel}:{f.get('__line__', '?')}", f, default_doc)
        for item in (data.get("entities") or []) + (data.get("facts") or []):
            for line, key in split_values(item):
                b.err(f"{rel}:{line}", f"`{key}` has no value: an unquoted comma inside {{...}} ends a value, "
                                       f"and what follows it is read as a key of its own; quote the value "
                                       f"(en: \"Ministry of Economy, Trade and Industry\")")
    for where, eid, names in ambiguous:
        b.ambiguous_names(where, eid, names)
    b.resolve()
    b.g += document_graph(docs)
    return CuratedKB(graph=b.g, errors=b.errors, warnings=b.warnings, files=paths, n_facts=b.n_facts)


def check(files: list[Path] | None = None) -> CuratedKB:
    """Load and raise :class:`CurationError` listing every problem, if any."""
    kb = load_curated(files=files)
    if kb.errors:
        raise CurationError(f"{len(kb.errors)} problem(s) in the curated files:\n  " + "\n  ".join(kb.errors))
    return kb


if __name__ == "__main__":  # python -m kg.curation [FILE.yaml ...]: check the curated files
    import sys

    only = [Path(a).name for a in sys.argv[1:]]
    kb = load_curated()
    errors = [e for e in kb.errors if not only or any(e.startswith(o) for o in only)]
    if errors:
        print(f"{len(errors)} problem(s):\n  " + "\n  ".join(errors), file=sys.stderr)
        sys.exit(1)
    print(f"ok: {len(kb.files)} files, {kb.n_facts} facts, {len(kb.graph)} triples")
