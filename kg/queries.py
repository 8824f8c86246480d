"""Named SPARQL queries: loading ``queries/**/*.rq``, resolving parameters, running them safely.

Each ``.rq`` file starts with a header of ``#`` lines::

    # name: layer-dependencies
    # question_en: Which layers does a country depend on externally, on which suppliers, with what evidence?
    # question_ko: 어떤 국가가 어느 계층에서 누구에게 외부 의존하며, 근거는 무엇인가?
    # param: country (actor) the country or bloc that depends
    # param: scheme (scheme, optional, default=scheme/stack4) the layer framework to answer in

Parameters are bound by a ``VALUES`` block at the start of the query's WHERE group
(:func:`kg.binding.bind_values`), which Oxigraph's planner uses to order the joins; the terms are
written by pyoxigraph, never spliced from user text. A parameter given as a
label in either language, an alias or an id/IRI is resolved to its IRI first; an unknown value
raises :class:`QueryError` with close matches.

>>> q = load_queries()["layer-dependencies"]
>>> [p.name for p in q.params]
['country', 'scheme']
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import iris
from .errors import QueryError
from .paths import QUERIES_DIR

# parameter kinds -> the class whose instances are acceptable values (None: any resource)
PARAM_CLASSES: dict[str, str | None] = {
    "actor": "https://w3id.org/policykg/ontology#Actor",
    "polity": "https://w3id.org/policykg/ontology#Polity",
    "organisation": "https://w3id.org/policykg/ontology#Organisation",
    "policy": "https://w3id.org/policykg/ontology#Policy",
    "layer": "https://w3id.org/policykg/ontology#Layer",
    "resource": "https://w3id.org/policykg/ontology#Resource",
    "sector": "https://w3id.org/policykg/ontology#Sector",
    "type": "https://w3id.org/policykg/ontology#SovereigntyType",
    "scheme": "http://www.w3.org/2004/02/skos/core#ConceptScheme",
    "document": "https://w3id.org/policykg/ontology#SourceDocument",
    "entity": None,
}
LITERAL_KINDS = ("string", "integer")
_PARAM_RE = re.compile(r"^(?P<name>\w+)\s*\((?P<spec>[^)]*)\)\s*(?P<doc>.*)$")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    optional: bool
    default: str | None
    doc: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    text: str
    question_en: str
    question_ko: str
    params: tuple[Param, ...]
    group: str  # cq, checks, stats, lookup

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "group": self.group, "file": str(self.path.relative_to(QUERIES_DIR)),
            "question_en": self.question_en, "question_ko": self.question_ko,
            "params": [p.__dict__ for p in self.params],
        }


def parse_header(path: Path, text: str) -> NamedQuery:
    meta: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        key, _, value = line[1:].strip().partition(":")
        key, value = key.strip(), value.strip()
        if key == "param":
            m = _PARAM_RE.match(value)
            if not m:
                raise QueryError(f"{path}: bad param line {value!r}; expected `name (kind[, optional][, default=X]) doc`")
            spec = [s.strip() for s in m["spec"].split(",")]
            kind = spec[0]
            if kind not in PARAM_CLASSES and kind not in LITERAL_KINDS:
                raise QueryError(f"{path}: param {m['name']} has unknown kind {kind!r}")
            default = next((s.split("=", 1)[1] for s in spec[1:] if s.startswith("default=")), None)
            params.append(Param(m["name"], kind, "optional" in spec or default is not None, default, m["doc"]))
        elif key in ("name", "question_en", "question_ko"):
            meta[key] = value
    name = meta.get("name", path.stem)
    if name != path.stem:
        raise QueryError(f"{path}: header name {name!r} differs from the file name")
    return NamedQuery(name, path, text, meta.get("question_en", ""), meta.get("question_ko", ""),
                      tuple(params), path.parent.name)


def load_queries(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """Every named query under ``queries/``, by name (not the reasoning rules of ``queries/rules/``,
    which ``kg.reason`` runs and which take no parameters)."""
    out: dict[str, NamedQuery] = {}
    for path in sorted(folder.glob("**/*.rq")):
        if path.relative_to(folder).parts[0] == "rules":
            continue
        q = parse_header(path, path.read_text(encoding="utf-8"))
        if q.name in out:
            raise QueryError(f"two queries named {q.name!r}: {out[q.name].path} and {path}")
        out[q.name] = q
    return out


def get_query(name: str) -> NamedQuery:
    queries = load_queries()
    if name not in queries:
        close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.4)
        hint = f"; did you mean {', '.join(close)}?" if close else "; `policykg queries` lists them"
        raise QueryError(f"no named query {name!r}{hint}")
    return queries[name]


@dataclass
class Result:
    """A SELECT result: variables and rows of pyoxigraph terms (None when unbound)."""

    variables: list[str]
    rows: list[list[Any]]
    labels: dict[str, str] = field(default_factory=dict)  # IRI -> label in the chosen language


class Engine:
    """Runs named and ad-hoc queries over a built store, e.g.
    ``Engine.open().run_named("layer-dependencies", {"country": "일본"}, lang="ko")``.
    """

    def __init__(self, store) -> None:
        self.store = store
        self.queries = load_queries()

    @classmethod
    def open(cls, store_path: Path | None = None) -> "Engine":
        from .store import open_store

        return cls(open_store(store_path or store_dir_current()))

    # ------------------------------------------------------------ low level
    def select(self, text: str, bindings: dict[str, Any] | None = None) -> Result:
        import pyoxigraph as ox

        from .binding import bind_values

        try:
            res = self.store.query(bind_values(text, bindings or {}), use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        if not isinstance(res, ox.QuerySolutions):
            raise QueryError("only SELECT queries return tables; use `policykg sparql` for ASK/CONSTRUCT")
        variables = [v.value for v in res.variables]
        rows = [[sol[v] for v in variables] for sol in res]
        return Result(variables, rows)

    def raw(self, text: str):
        """Any query form; returns pyoxigraph's result object."""
        try:
            return self.store.query(text, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc

    # ------------------------------------------------------------ parameters
    def resolve(self, param: Param, value: str) -> Any:
        """Turn a user value (label, alias, id or IRI) into the RDF term to bind."""
        import pyoxigraph as ox

        if param.kind == "string":
            return ox.Literal(value)
        if param.kind == "integer":
            if not re.fullmatch(r"-?\d+", value.strip()):
                raise QueryError(f"parameter {param.name}: {value!r} is not an integer")
            return ox.Literal(value.strip(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
        cls = PARAM_CLASSES[param.kind]
        v = value.strip()
        # fast paths by index lookups; the scan of every label of the class below is the fallback
        iri = v[1:-1] if v.startswith("<") and v.endswith(">") else v
        if not iri.startswith(("http://", "https://")) and iris.is_valid_id(v.lower()):
            iri = iris.ID_BASE + v.lower()
        if iri.startswith(("http://", "https://")):
            if self._is_instance(cls, iri):
                return ox.NamedNode(iri)
        else:
            exact = self._exact_label(cls, v)
            if len(exact) == 1:  # a label as written
                return ox.NamedNode(exact.pop())
        candidates = self._candidates(cls)
        iri = v[1:-1] if v.startswith("<") and v.endswith(">") else v
        if iri.startswith(("http://", "https://")) and iri in candidates:
            return ox.NamedNode(iri)
        if iris.is_valid_id(v.lower()) and iris.ID_BASE + v.lower() in candidates:
            return ox.NamedNode(iris.ID_BASE + v.lower())
        slug_hits = [i for i in candidates if (iris.local_id(i) or "").split("/", 1)[-1] == v.lower()]
        if len(slug_hits) == 1:
            return ox.NamedNode(slug_hits[0])
        key = _norm(v)
        hits = sorted({iri for iri, labels in candidates.items() if key in {_norm(x) for x in labels}})
        if len(hits) == 1:
            return ox.NamedNode(hits[0])
        if len(hits) > 1:
            opts = "; ".join(f"{iris.local_id(h) or h} ({', '.join(sorted(candidates[h])[:3])})" for h in hits)
            raise QueryError(f"parameter {param.name}: {value!r} is ambiguous: {opts}. Give the id instead.")
        every = {lab: iri for iri, labels in candidates.items() for lab in labels}
        close = difflib.get_close_matches(v, list(every), n=5, cutoff=0.5)
        close += [lab for lab in every if key and key in _norm(lab) and lab not in close][: 5 - len(close)]
        hint = f" Close matches: {', '.join(close)}." if close else ""
        raise QueryError(f"parameter {param.name}: no {param.kind} called {value!r}.{hint}")

    def _is_instance(self, cls: str | None, iri: str) -> bool:
        """Whether ``iri`` is a labelled instance of ``cls`` (any typed, labelled resource if None)."""
        import pyoxigraph as ox

        try:
            node = ox.NamedNode(iri)
        except ValueError:
            return False
        bindings = {"s": node, **({"class": ox.NamedNode(cls)} if cls else {})}
        return bool(self.select(self.queries["labels-of-class"].text, bindings).rows)

    def _exact_label(self, cls: str | None, text: str) -> set[str]:
        """Resources of ``cls`` with ``text`` as a label in English, Korean or no language."""
        import pyoxigraph as ox

        q = self.queries["resolve-label"].text
        out: set[str] = set()
        for lit in (ox.Literal(text, language="en"), ox.Literal(text, language="ko"), ox.Literal(text)):
            out.update(row[0].value for row in self.select(q, {"label": lit, **({"class": ox.NamedNode(cls)} if cls else {})}).rows)
        return out

    def _candidates(self, cls: str | None) -> dict[str, set[str]]:
        import pyoxigraph as ox

        res = self.select(self.queries["labels-of-class"].text, {"class": ox.NamedNode(cls)} if cls else {})
        out: dict[str, set[str]] = {}
        for s, label, _cls in res.rows:
            out.setdefault(s.value, set()).add(label.value)
            out[s.value].add(iris.local_id(s.value) or s.value)
        return out

    def bind(self, q: NamedQuery, params: dict[str, str]) -> dict[str, Any]:
        known = {p.name: p for p in q.params}
        for k in params:
            if k not in known:
                raise QueryError(f"query {q.name!r} has no parameter {k!r}; it takes: "
                                 f"{', '.join(known) or 'no parameters'}")
        bindings: dict[str, Any] = {}
        for p in q.params:
            value = params.get(p.name, p.default)
            if value is None:
                if not p.optional:
                    raise QueryError(f"query {q.name!r} needs --param {p.name}=... ({p.kind}: {p.doc})")
                continue
            bindings[p.name] = self.resolve(p, value)
        return bindings

    # ------------------------------------------------------------ named queries
    def run_named(self, name: str, params: dict[str, str] | None = None, lang: str = "en") -> Result:
        q = self.queries.get(name) or get_query(name)
        result = self.select(q.text, self.bind(q, params or {}))
        result.labels = self.labels_for(result, lang)
        return result

    def labels_for(self, result: Result, lang: str) -> dict[str, str]:
        import pyoxigraph as ox

        q = self.queries["label"].text
        out: dict[str, str] = {}
        for row in result.rows:
            for term in row:
                if isinstance(term, ox.NamedNode) and term.value not in out:
                    best: dict[str, str] = {}
                    for _s, lab in self.select(q, {"s": term}).rows:
                        best.setdefault(lab.language or "", lab.value)
                    other = "ko" if lang == "en" else "en"
                    label = best.get(lang) or best.get(other) or next(iter(best.values()), None)
                    out[term.value] = label or (iris.local_id(term.value) or term.value)
        return out


def _norm(s: str) -> str:
    return re.sub(r"[\s·.\-_'’]+", "", s).casefold()


def store_dir_current() -> Path:
    from .paths import build_dir

    return build_dir() / "current" / "store"
