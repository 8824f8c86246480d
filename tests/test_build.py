"""Builds are deterministic and atomic: a failed build leaves the previous one intact."""

from __future__ import annotations

import json
import shutil

import pytest

from kg.build import build
from kg.errors import CurationError
from kg.paths import CURATED_DIR

pytestmark = pytest.mark.slow


def test_same_input_gives_the_same_triples(build_base, tmp_path):
    second = build(base=tmp_path, reason=True)
    a = (build_base / "current" / "policykg.nq").read_bytes()
    b = (second.release / "policykg.nq").read_bytes()
    assert b"_:" in a  # the ontology's OWL lists: blank nodes labelled canonically, so still identical
    assert a == b


def test_failed_build_keeps_the_previous_build(tmp_path):
    curated = tmp_path / "curated"
    shutil.copytree(CURATED_DIR, curated)
    first = build(base=tmp_path / "out", curated_dir=curated)
    current = tmp_path / "out" / "current"
    before = current.resolve()
    summary = (current / "summary.json").read_text(encoding="utf-8")

    (curated / "brief.yaml").write_text((curated / "brief.yaml").read_text(encoding="utf-8").replace(
        "다만 GPU와 클라우드 공급에서는", "다만 TPU와 클라우드 공급에서는", 1), encoding="utf-8")
    with pytest.raises(CurationError, match=r"brief\.yaml:\d+: quote does not occur verbatim"):
        build(base=tmp_path / "out", curated_dir=curated)
    assert current.resolve() == before == first.release
    assert (current / "summary.json").read_text(encoding="utf-8") == summary
    assert not [p for p in (tmp_path / "out" / "releases").iterdir() if p.name.startswith(".staging")]


def test_summary_names_outputs_and_counts(build_base):
    summary = json.loads((build_base / "current" / "summary.json").read_text(encoding="utf-8"))
    counts = dict((c.rsplit("#", 1)[-1], n) for c, n in summary["class_counts"])
    assert counts["Country"] >= 9 and counts["Dependency"] >= 15 and counts["GovernmentAgency"] >= 10
    for rel in summary["outputs"].values():
        assert (build_base / "current" / rel).exists(), rel
    assert sum(r["facts"] for r in summary["facts_with_evidence"]) > 200
