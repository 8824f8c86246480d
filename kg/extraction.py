"""Extraction as a build stage: which documents, the gazetteer, the cache, and user documents.

- The default corpus (``ingest/corpus``) is extracted on every build; users add their own
  documents with ``policykg ingest FILE...``, which keeps a copy of each document's text under
  ``build/documents/`` and a registry (``build/documents/registry.json``) by id, file name and
  content hash.
- Extractions are cached by content hash, pipeline version and gazetteer digest
  (``build/cache/extract/``): an unchanged document is never reprocessed; a changed one gets a
  new extraction that replaces its previous claims when the graph is rebuilt from the registry.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from rdflib import Graph

from .errors import BuildError
from .fsutil import atomic_write


@dataclass
class ExtractionReport:
    documents: list[dict[str, Any]] = field(default_factory=list)
    claims: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def registry_path(base: Path) -> Path:
    return base / "documents" / "registry.json"


def load_registry(base: Path) -> list[dict[str, Any]]:
    path = registry_path(base)
    if not path.exists():
        return []
    try:
        return json.loads(path.read_text(encoding="utf-8"))["documents"]
    except (ValueError, KeyError) as exc:
        raise BuildError(f"{path}: unreadable document registry ({exc}); remove it and ingest the files again") from exc



def doc_id_for(path: Path, content_hash: str) -> str:
    """An id for a user document from its file name (ASCII slug), else from its hash.

    >>> doc_id_for(Path("EU AI Act (2024).pdf"), "ab" * 32), doc_id_for(Path("국가전략.txt"), "cd" * 32)
    ('user-eu-ai-act-2024', 'user-cdcdcdcd')
    """
    stem = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")
    return f"user-{slug[:40].strip('-')}" if re.search(r"[a-z]", slug) else f"user-{content_hash[:8]}"


def gazetteer_patterns(ontology: Graph, curated: Graph) -> list[dict[str, str]]:
    from ingest.gazetteer import load_entries, patterns

    from .store import memory_store

    return patterns(load_entries(memory_store({"ontology": ontology, "curated": curated})))


def corpus_inputs() -> list[tuple[str, str, str]]:
    """(doc id, raw text, content hash) of every document of the default corpus."""
    from ingest.documents import load_documents
    from ingest.readers import read_document

    out = []
    for doc_id, d in sorted(load_documents().items()):
        raw = read_document(d.path)
        out.append((doc_id, raw.text, raw.content_hash))
    return out


def user_inputs(base: Path) -> list[tuple[str, str, str]]:
    out = []
    for d in load_registry(base):
        text_path = base / "documents" / f"{d['id']}.txt"
        if not text_path.exists():
            raise BuildError(f"{text_path}: the text of ingested document {d['id']!r} is missing; "
                             f"ingest {d['file']} again")
        out.append((d["id"], text_path.read_text(encoding="utf-8"), d["content_hash"]))
    return out


def extracted_graph(ontology: Graph, curated: Graph, base: Path,
                    progress: Callable[[str], None] = lambda _m: None) -> tuple[Graph, ExtractionReport]:
    """The extracted named graph for the default corpus and every ingested user document."""
    from ingest.extract import PIPELINE_VERSION, extract_cached, patterns_digest

    from .claims import ClaimBuilder, documents_graph

    t = time.perf_counter()
    pats = gazetteer_patterns(ontology, curated)
    digest = patterns_digest(pats)
    builder = ClaimBuilder(ontology, curated, PIPELINE_VERSION)
    report = ExtractionReport()
    cache = base / "cache" / "extract"
    for doc_id, raw, content_hash in corpus_inputs() + user_inputs(base):
        ex, cached = extract_cached(doc_id, raw, content_hash, pats, cache, digest)
        progress(f"  {doc_id}: {len(ex.mentions)} mentions, {len(ex.facts)} facts"
                 f"{' (cached)' if cached else ''}")
        builder.add(ex)
        report.documents.append({"id": doc_id, "mentions": len(ex.mentions), "facts": len(ex.facts),
                                 "sentences": ex.sentences, "cached": cached})
    g = builder.g + documents_graph(load_registry(base))
    report.claims = dict(sorted(builder.stats.items()))
    report.seconds = round(time.perf_counter() - t, 3)
    return g, report


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def register_files(paths: list[Path], base: Path) -> IngestResult:
    """Read user documents and record them in the registry (text copy + content hash).

    One unreadable file is reported and skipped; the others are still registered.
    """
    from ingest.readers import read_many

    docs, errors = read_many(paths)
    result = IngestResult(errors=[str(e) for e in errors])
    registry = {d["id"]: d for d in load_registry(base)}
    by_file = {d["file"]: d["id"] for d in registry.values()}
    for raw in docs:
        name = raw.path.name
        doc_id = by_file.get(name) or doc_id_for(raw.path, raw.content_hash)
        old = registry.get(doc_id)
        if old and old["content_hash"] == raw.content_hash:
            result.unchanged.append(doc_id)
            continue
        atomic_write(base / "documents" / f"{doc_id}.txt", raw.text)
        registry[doc_id] = {"id": doc_id, "file": name, "title": raw.path.stem, "content_hash": raw.content_hash,
                            "encoding": raw.encoding, "pages": raw.pages}
        (result.replaced if old else result.added).append(doc_id)
    if result.added or result.replaced:
        atomic_write(registry_path(base), json.dumps({"documents": sorted(registry.values(), key=lambda d: d["id"])},
                                                     ensure_ascii=False, indent=2))
    return result


def eval_extractions(doc_ids: set[str], kb: str = "full") -> tuple[dict[str, Any], dict[str, list[str]],
                                                                   dict[str, set[str]]]:
    """Fresh extractions of the named documents for scoring, with their source lines and the
    layer equivalences (skos:exactMatch/closeMatch) the scorer accepts.

    ``kb="base"`` recognises only the names in the ontology and ``kg/curated/common.yaml``, as for
    a document nobody curated; ``"full"`` uses the whole curated knowledge base.
    """
    import shutil
    import tempfile

    from ingest.extract import extract

    from . import iris
    from .build import load_ontology
    from .curation import load_curated
    from .iris import SKOS
    from .paths import CURATED_DIR, build_dir

    ontology = load_ontology()
    if kb == "base":
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copy(CURATED_DIR / "common.yaml", tmp)
            curated = load_curated(Path(tmp)).graph
    else:
        curated = load_curated().graph
    pats = gazetteer_patterns(ontology, curated)
    inputs = {d: (raw, h) for d, raw, h in corpus_inputs() + user_inputs(build_dir())}
    missing = sorted(doc_ids - inputs.keys())
    if missing:
        raise BuildError(f"gold refers to unknown document(s) {', '.join(missing)}; known: {', '.join(sorted(inputs))}")
    extractions, texts = {}, {}
    for d in sorted(doc_ids):
        raw, h = inputs[d]
        extractions[d] = extract(d, raw, h, pats)
        texts[d] = raw.split("\n")
    equivalent: dict[str, set[str]] = {}
    for p in (SKOS.exactMatch, SKOS.closeMatch):
        for a, b in ontology.subject_objects(p):
            ia, ib = iris.local_id(a), iris.local_id(b)
            if ia and ib:
                equivalent.setdefault(ia, set()).add(ib)
                equivalent.setdefault(ib, set()).add(ia)
    return extractions, texts, equivalent

