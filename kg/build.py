"""The build: ontology + curated (+ extracted) -> reasoning -> SHACL -> store and dumps.

Atomic: everything is written to a fresh folder under ``build/releases/``; only when every step
succeeded does the ``build/current`` symlink switch to it (``os.replace`` of a symlink is atomic).
A failed build leaves the previous one in place and untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph

from . import __version__, iris
from .errors import BuildError, CurationError
from .fsutil import atomic_write
from .paths import ONTOLOGY_DIR, build_dir

ONTOLOGY_FILES = ("policykg.ttl", "schemes.ttl")


@dataclass
class BuildReport:
    release: Path
    triples: dict[str, int]
    class_counts: list[tuple[str, int]]
    facts_with_evidence: list[dict[str, Any]]
    conforms: bool
    consistent: bool
    timings: dict[str, float] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    extraction: dict[str, Any] = field(default_factory=dict)
    started: str = ""  # ISO 8601 UTC, for the provenance record
    finished: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "release": str(self.release), "triples": self.triples, "class_counts": self.class_counts,
            "facts_with_evidence": self.facts_with_evidence, "shacl_conforms": self.conforms,
            "reasoner_consistent": self.consistent, "timings_s": self.timings, "outputs": self.outputs,
            "extraction": self.extraction, "version": __version__,
            "started": self.started, "finished": self.finished,
        }


def load_ontology() -> Graph:
    """The ontology files as one graph, blank nodes (OWL lists, restrictions) labelled canonically
    (RDFC/RGDA1 hashing), so every build and every dump of the same input is byte-identical."""
    from rdflib.compare import to_canonical_graph

    g = Graph()
    for name in ONTOLOGY_FILES:
        g.parse(ONTOLOGY_DIR / name, format="turtle")
    return Graph() + to_canonical_graph(g)


def build(*, reason: bool = True, extracted: Graph | None = None,
          progress: Callable[[str], None] = lambda _m: None, base: Path | None = None,
          curated_dir: Path | None = None, reasoner: str = "sample", jobs: int | None = None) -> BuildReport:
    """Build the knowledge graph from the default corpus; return what was built and where.

    ``reasoner`` is the strategy of :func:`kg.reason.reason`: ``"sample"`` (HermiT on an ABox sample,
    SPARQL rules over everything) or ``"hermit"`` (HermiT over the whole graph). ``jobs``: worker
    processes for extraction (see :func:`kg.extraction.extract_jobs`)."""
    from .curation import load_curated

    base = base or build_dir()
    releases = base / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    staging = releases / f".staging-{uuid.uuid4().hex[:8]}"
    timings: dict[str, float] = {}
    started = _now()

    def step(name: str):
        t = time.perf_counter()
        progress(f"{name}...")
        return lambda: timings.__setitem__(name, round(time.perf_counter() - t, 3))

    try:
        done = step("ontology")
        ontology = load_ontology()
        done()

        done = step("curated")
        kb = load_curated(curated_dir) if curated_dir else load_curated()
        if kb.errors:
            raise CurationError(f"{len(kb.errors)} problem(s) in kg/curated (nothing was built):\n  "
                                + "\n  ".join(kb.errors[:50]))
        curated = kb.graph
        done()

        extraction = None
        if extracted is None:  # a given graph (tests) replaces extraction
            done = step("extract")
            from .extraction import extracted_graph

            extracted, extraction = extracted_graph(ontology, curated, base, progress, jobs=jobs)
            done()
        extracted = extracted if extracted is not None else Graph()

        done = step("reason")
        from .reason import reason as run_reasoner

        rr = run_reasoner(ontology, curated + extracted, use_reasoner=reason, strategy=reasoner)
        done()

        graphs = {"ontology": ontology, "curated": curated, "extracted": extracted, "inferred": rr.inferred}

        done = step("validate")
        from .validate import validate

        union = Graph()
        for g in graphs.values():
            union += g
        shacl = validate(union)
        done()
        if not shacl.conforms:
            report = base / "last-failed-shacl-report.txt"
            report.write_text(shacl.report_text, encoding="utf-8")
            raise BuildError(f"SHACL validation failed with {shacl.n_violations} violation(s); the previous build "
                             f"is kept. Report: {report}\n" + shacl.report_text[:3000])

        done = step("store")
        staging.mkdir()
        from .store import write_store

        write_store(staging / "store", graphs)
        done()

        done = step("export")
        from .export import kinds_in, prefixes, serialize, triples_of
        from .store import open_store

        quads = sorted(set(open_store(staging / "store").quads_for_pattern(None, None, None, None)), key=str)
        pfx = prefixes(kinds=kinds_in(quads))
        nq = serialize(quads, "nq", pfx)
        atomic_write(staging / "policykg.nq", nq)
        atomic_write(staging / "policykg.trig", serialize(quads, "trig", pfx))
        (staging / "graphs").mkdir()
        for name in graphs:
            atomic_write(staging / "graphs" / f"{name}.ttl", serialize(triples_of(quads, str(iris.graph(name))), "ttl", pfx))
        atomic_write(staging / "shacl-report.ttl", shacl.report_graph.serialize(format="turtle", encoding="utf-8"))
        del quads
        done()

        done = step("summary")
        from .queries import Engine
        from .store import open_store

        eng = Engine(open_store(staging / "store"))
        counts = [(r[0].value, int(r[1].value)) for r in eng.run_named("class-counts").rows]
        fwe = [{"graph": r[0].value.rsplit("/", 1)[-1], "kind": r[1].value.rsplit("#", 1)[-1],
                "facts": int(r[2].value), "evidence": int(r[3].value)}
               for r in eng.run_named("facts-with-evidence").rows]
        del eng
        done()

        digest = hashlib.sha256(nq).hexdigest()[:12]
        release = releases / f"{time.strftime('%Y%m%dT%H%M%S')}-{digest}"
        report = BuildReport(
            release=release,
            triples={name: len(g) for name, g in graphs.items()},
            class_counts=counts, facts_with_evidence=fwe, conforms=shacl.conforms, consistent=rr.consistent,
            timings=timings,
            outputs={"store": "store", "dataset_trig": "policykg.trig", "dataset_nquads": "policykg.nq",
                     "graphs": "graphs/", "shacl_report": "shacl-report.ttl", "summary": "summary.json"},
        )
        report.started, report.finished = started, _now()
        report.timings["reasoner_only"] = round(rr.seconds, 3)
        if extraction is not None:
            report.extraction = {"documents": extraction.documents, "claims": extraction.claims}
        atomic_write(staging / "summary.json",
                      json.dumps(report.to_dict() | {"release": release.name, "content_digest": digest},
                                 ensure_ascii=False, indent=2).encode("utf-8"))
        staging.rename(release)
        _switch_current(base, release)
        _prune(releases, keep={release.name, _previous_name(base)})
        return report
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _now() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _switch_current(base: Path, release: Path) -> None:
    link = base / "current"
    tmp = base / f".current-{uuid.uuid4().hex[:8]}"
    if link.is_symlink():
        prev = os.readlink(link)
        (base / ".previous").write_text(Path(prev).name, encoding="utf-8")
    os.symlink(os.path.relpath(release, base), tmp)
    os.replace(tmp, link)


def _previous_name(base: Path) -> str:
    p = base / ".previous"
    return p.read_text(encoding="utf-8").strip() if p.exists() else ""


def _prune(releases: Path, keep: set[str]) -> None:
    """Keep the current and the previous release; remove older ones and stale staging folders."""
    for child in releases.iterdir():
        if child.name not in keep:
            shutil.rmtree(child, ignore_errors=True)


def current_release(base: Path | None = None) -> Path:
    link = (base or build_dir()) / "current"
    if not link.exists():
        raise BuildError(f"no build at {link}: run `policykg build` (or `make run`) first")
    return link.resolve()
