"""Extraction as a build stage: which documents, the gazetteer, the cache, and user documents.

- The default corpus (``ingest/corpus``) is extracted on every build; users add their own
  documents with ``policykg ingest FILE...``, which keeps a copy of each document's text under
  ``build/documents/`` and a registry (``build/documents/registry.json``) by id, file name and
  content hash.
- Extractions are cached by content hash, pipeline version and gazetteer digest
  (``build/cache/extract/``): an unchanged document is never reprocessed; a changed one gets a
  new extraction that replaces its previous claims when the graph is rebuilt from the registry.
- Documents are streamed (:func:`extract_documents`): read, extracted, cached, added to the claim
  graph and dropped one at a time; the uncached ones are extracted by a pool of spawned worker
  processes when there is enough text to repay starting them (``jobs``, ``--jobs``).
"""

from __future__ import annotations

import json
import os
import re
import time
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

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


# the curated files of the base knowledge base, which knows no document: the shared entities and
# the world's countries (kg/countries.py)
BASE_KB = ("common.yaml", "countries.yaml")


def gazetteer_patterns(ontology: Graph, curated: Graph) -> list[dict[str, str]]:
    from ingest.gazetteer import load_entries, load_owners, patterns

    from .store import memory_store

    store = memory_store({"ontology": ontology, "curated": curated})
    return patterns(load_entries(store), load_owners(store))


@dataclass(frozen=True)
class DocSource:
    """One document to extract, read only when its turn comes (never all texts at once).

    ``content_hash`` is known beforehand for ingested user documents (their registry entry);
    for corpus documents it is the SHA-256 of the file's bytes, as :func:`ingest.readers.read_document`
    computes it. ``plain``: a UTF-8 text copy (user documents) rather than a file in any encoding.
    """

    doc_id: str
    path: Path
    content_hash: str = ""
    plain: bool = False

    def hash(self) -> str:
        if self.content_hash:
            return self.content_hash
        import hashlib

        from ingest.readers import _read_bytes

        return hashlib.sha256(_read_bytes(self.path)).hexdigest()

    def read(self) -> str:
        if self.plain:
            return self.path.read_text(encoding="utf-8")
        from ingest.readers import read_document

        return read_document(self.path).text


def corpus_sources() -> list[DocSource]:
    """The documents of the default corpus, by id."""
    from ingest.documents import load_documents

    return [DocSource(doc_id, d.path) for doc_id, d in sorted(load_documents().items())]


def user_sources(base: Path) -> list[DocSource]:
    """The documents added with ``policykg ingest`` (their text copies), in registry order."""
    out = []
    for d in load_registry(base):
        text_path = base / "documents" / f"{d['id']}.txt"
        if not text_path.exists():
            raise BuildError(f"{text_path}: the text of ingested document {d['id']!r} is missing; "
                             f"ingest {d['file']} again")
        out.append(DocSource(d["id"], text_path, d["content_hash"], plain=True))
    return out


def corpus_inputs() -> list[tuple[str, str, str]]:
    """(doc id, raw text, content hash) of every document of the default corpus (all read at once:
    for small uses such as a benchmark of the default corpus; the build streams :func:`corpus_sources`)."""
    return [(s.doc_id, s.read(), s.hash()) for s in corpus_sources()]


# When the default is a pool. A pool pays only when the text is spread over several documents:
# starting a worker (spawn, import spaCy, load Kiwi and both pipelines) costs about 4-5 s of CPU,
# and a worker runs Kiwi on one thread while one process alone lets Kiwi use every core. Measured
# on the 2-core machine of bench/ingest_scaling.py (extraction with a fresh cache, 1 job vs 2):
# the default corpus (309 kB + 29 kB) 4.3-4.7 s vs 8.9-10 s; generated documents of its mean
# size (~80k characters, 80-210 kB): 2 of them 4.4 vs 5.8 s, 3: 5.5 vs 5.1 s, 4: 9.0 vs 6.9 s,
# 6: 10.6 vs 7.7 s, 20: 27.4 vs 19.8 s. So the pool is the default when the documents other
# than the largest one hold at least this many bytes:
POOL_MIN_REST_BYTES = 300_000


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_jobs(jobs: int | None, sizes: list[int]) -> int:
    """Worker processes for the documents whose extraction is not cached (``sizes``: their sizes
    in bytes): ``jobs`` if given (1: in this process, no pool), else the usable cores when the
    documents other than the largest hold :data:`POOL_MIN_REST_BYTES`; never more than the
    number of documents.

    >>> extract_jobs(None, [308_556, 28_767]), extract_jobs(2, [10, 10]), extract_jobs(8, [1, 2, 3]), extract_jobs(4, [])
    (1, 2, 3, 1)
    """
    if jobs is not None and jobs < 1:
        raise BuildError(f"jobs must be at least 1 (got {jobs})")
    rest = sum(sizes) - max(sizes, default=0)
    n = jobs if jobs is not None else (usable_cores() if rest >= POOL_MIN_REST_BYTES else 1)
    return max(1, min(n, len(sizes)))


# ------------------------------------------------------------ the worker processes
_WORKER_PATTERNS: list[dict[str, str]] | None = None


def _worker_init(patterns: list[dict[str, str]]) -> None:
    """Build both pipelines once per worker process (Kiwi single-threaded: the pool is the parallelism)."""
    global _WORKER_PATTERNS
    from ingest import nlp
    from ingest.nlp import pipeline

    nlp.KIWI_THREADS = 0
    _WORKER_PATTERNS = patterns
    for lang in ("ko", "en"):
        pipeline(lang, patterns)


def _extract_one(src: DocSource, content_hash: str, path: Path, patterns: list[dict[str, str]] | None = None):
    """Read, extract and cache one document (in a worker or in this process)."""
    from ingest.extract import extract, write_cached

    ex = extract(src.doc_id, src.read(), content_hash, patterns if patterns is not None else _WORKER_PATTERNS)
    write_cached(path, ex)
    return ex


def _extractions(sources: list[DocSource], patterns: list[dict[str, str]], cache: Path, digest: str,
                 jobs: int | None) -> Iterator[tuple[DocSource, Any, bool]]:
    """(source, extraction, cached) for every source, in order, one at a time.

    Cached extractions are read when their turn comes; the others are extracted in this process
    (one job) or by a pool of spawned workers, at most two per worker in flight, so neither the
    texts nor the extractions of the whole corpus are ever held at once.
    """
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from ingest.extract import cache_path, load_cached

    items = []
    for src in sources:
        h = src.hash()
        path = cache_path(cache, h, digest)
        items.append((src, h, path, path.exists()))
    todo = [(src, path) for src, _h, path, cached in items if not cached]
    n = extract_jobs(jobs, [file_size(src) for src, _ in todo])
    if n == 1:
        for src, h, path, cached in items:
            yield src, (load_cached(path, src.doc_id) if cached else _extract_one(src, h, path, patterns)), cached
        return
    window = 2 * n
    with ProcessPoolExecutor(max_workers=n, mp_context=get_context("spawn"), initializer=_worker_init,
                             initargs=(patterns,)) as pool:
        pending: deque = deque()
        inflight = 0

        def head():
            nonlocal inflight
            src, path, fut = pending.popleft()
            if fut is None:
                return src, load_cached(path, src.doc_id), True
            inflight -= 1
            return src, fut.result(), False

        for src, h, path, cached in items:
            if cached:
                pending.append((src, path, None))
            else:
                while inflight >= window:
                    yield head()
                pending.append((src, path, pool.submit(_extract_one, src, h, path)))
                inflight += 1
            while pending and pending[0][2] is None:
                yield head()
        while pending:
            yield head()


def file_size(src: DocSource) -> int:
    try:
        return src.path.stat().st_size
    except OSError:
        return 0


def extracted_graph(ontology: Graph, curated: Graph, base: Path,
                    progress: Callable[[str], None] = lambda _m: None,
                    jobs: int | None = None) -> tuple[Graph, ExtractionReport]:
    """The extracted named graph for the default corpus and every ingested user document."""
    from .claims import documents_graph

    g, report = extract_documents(corpus_sources() + user_sources(base), ontology, curated,
                                  base / "cache" / "extract", progress, jobs)
    g += documents_graph(load_registry(base))
    return g, report


def extract_documents(sources: list[DocSource], ontology: Graph, curated: Graph, cache: Path,
                      progress: Callable[[str], None] = lambda _m: None,
                      jobs: int | None = None) -> tuple[Graph, ExtractionReport]:
    """The claim graph of the given documents, extracted or taken from the cache folder.

    Documents are streamed: each is read, extracted (or its cached extraction loaded), added to
    the claim graph and dropped; only the merged graph grows. ``jobs``: worker processes for the
    uncached ones (default: see :func:`extract_jobs`); the graph is the same whatever their number.
    """
    from ingest.extract import PIPELINE_VERSION, patterns_digest

    from .claims import ClaimBuilder

    t = time.perf_counter()
    pats = gazetteer_patterns(ontology, curated)
    digest = patterns_digest(pats)
    builder = ClaimBuilder(ontology, curated, PIPELINE_VERSION)
    report = ExtractionReport()
    for src, ex, cached in _extractions(sources, pats, Path(cache), digest, jobs):
        progress(f"  {src.doc_id}: {len(ex.mentions)} mentions, {len(ex.facts)} facts"
                 f"{' (cached)' if cached else ''}")
        builder.add(ex)
        report.documents.append({"id": src.doc_id, "mentions": len(ex.mentions), "facts": len(ex.facts),
                                 "sentences": ex.sentences, "cached": cached})
    report.claims = dict(sorted(builder.stats.items()))
    report.seconds = round(time.perf_counter() - t, 3)
    return builder.g, report


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
    from ingest.readers import ReadError, read_document

    result = IngestResult()
    registry = {d["id"]: d for d in load_registry(base)}
    by_file = {d["file"]: d["id"] for d in registry.values()}
    for path in paths:  # one document at a time: its text is written out and dropped
        try:
            raw = read_document(path)
        except ReadError as err:
            result.errors.append(str(err))
            continue
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


def eval_extractions(golds: list[dict[str, Any]], kb: str = "full", rules_only: bool = False,
                     keep_candidates: bool = False) -> tuple[dict[str, Any], dict[str, list[str]], dict[str, set[str]]]:
    """Fresh extractions of the documents gold files annotate (as :func:`ingest.evaluate.load_gold`
    returns them), for scoring, with their source lines and the layer equivalences
    (skos:exactMatch/closeMatch) the scorer accepts. A gold file's document is a corpus document,
    one added with ``policykg ingest``, or the text file its ``file:`` names.

    ``kb="base"`` recognises only the names in the ontology and :data:`BASE_KB`, as for
    a document nobody curated; ``"full"`` uses the whole curated knowledge base. ``rules_only``
    leaves the relation models out; ``keep_candidates`` keeps the relation candidates (to train
    or cross-validate a model: :mod:`ingest.relmodel`).
    """
    import shutil
    import tempfile

    from ingest.evaluate import GoldError
    from ingest.extract import extract

    from . import iris
    from .build import load_ontology
    from .curation import load_curated
    from .iris import SKOS
    from .paths import CURATED_DIR, build_dir

    ontology = load_ontology()
    if kb == "base":
        with tempfile.TemporaryDirectory() as tmp:
            for name in BASE_KB:
                shutil.copy(CURATED_DIR / name, tmp)
            curated = load_curated(Path(tmp)).graph
    else:
        curated = load_curated().graph
    pats = gazetteer_patterns(ontology, curated)
    inputs = {s.doc_id: s for s in corpus_sources() + user_sources(build_dir())}
    for g in golds:
        if g.get("file") is None:
            continue
        if g["doc"] in inputs and inputs[g["doc"]].path != g["file"]:
            raise GoldError(f"{g['file']}: gold document id {g['doc']!r} is already taken by {inputs[g['doc']].path}; "
                            f"give the gold file another `doc:`")
        inputs[g["doc"]] = DocSource(g["doc"], g["file"])
    doc_ids = {g["doc"] for g in golds}
    missing = sorted(doc_ids - inputs.keys())
    if missing:
        raise BuildError(f"gold refers to unknown document(s) {', '.join(missing)}; known: {', '.join(sorted(inputs))}"
                         f" (or name a text file beside the gold file with `file:`)")
    extractions, texts = {}, {}
    for d in sorted(doc_ids):
        raw, h = inputs[d].read(), inputs[d].hash()
        extractions[d] = extract(d, raw, h, pats, keep_candidates=keep_candidates, use_model=not rules_only)
        texts[d] = raw.split("\n")
    equivalent: dict[str, set[str]] = {}
    for p in (SKOS.exactMatch, SKOS.closeMatch):
        for a, b in ontology.subject_objects(p):
            ia, ib = iris.local_id(a), iris.local_id(b)
            if ia and ib:
                equivalent.setdefault(ia, set()).add(ib)
                equivalent.setdefault(ib, set()).add(ia)
    return extractions, texts, equivalent

