"""The synthetic corpus generator, extraction with 1 and 2 worker processes, and the ingest
scaling benchmark's quick mode."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from gen_corpus import default_chars_per_doc, generate, main as gen_main  # noqa: E402

RELATIONS = {"dependsOn", "controls", "strengthens", "hasPolicy", "runBy", "invests", "replaces"}


def test_generator_is_deterministic_by_seed(tmp_path):
    a = generate(tmp_path / "a", 6, seed=7, chars_per_doc=2500)
    assert gen_main([str(tmp_path / "b"), "--docs", "6", "--seed", "7", "--chars", "2500"]) == 0
    b = sorted((tmp_path / "b").iterdir())
    assert [p.name for p in a] == [p.name for p in b]
    assert all(x.read_bytes() == y.read_bytes() for x, y in zip(a, b))
    c = generate(tmp_path / "c", 6, seed=8, chars_per_doc=2500)
    assert [p.read_bytes() for p in a] != [p.read_bytes() for p in c]
    texts = [p.read_text(encoding="utf-8") for p in a + c]
    assert {p.name.split(".")[1] for p in a + c} == {"ko", "en"}
    assert all(2500 <= len(t) < 6000 for t in texts)
    # part of the documents look like a PDF's text: page breaks with running heads, wrapped lines
    assert any("\f" in t for t in texts) and any("\f" not in t for t in texts)
    wrapped = [t for t in texts if "\f" in t]
    assert all(max(len(line) for line in t.split("\n")) <= 80 for t in wrapped)


def test_default_document_size_is_the_mean_of_the_default_corpus():
    from ingest.documents import load_documents

    sizes = [len(d.path.read_text(encoding="utf-8")) for d in load_documents().values()]
    assert default_chars_per_doc() == round(sum(sizes) / len(sizes))


@pytest.mark.slow
def test_one_and_two_jobs_give_the_same_claim_graph(tmp_path):
    """Generated documents are extracted with mentions and facts of most relation kinds (the
    templates reach the rules), and the graph does not depend on the number of worker processes."""
    from kg.build import load_ontology
    from kg.curation import load_curated
    from kg.extraction import DocSource, extract_documents

    paths = generate(tmp_path / "docs", 4, seed=2, chars_per_doc=2500)
    assert {p.name.split(".")[1] for p in paths} == {"ko", "en"}
    sources = [DocSource(p.stem, p) for p in paths]
    ontology, curated = load_ontology(), load_curated().graph
    g1, r1 = extract_documents(sources, ontology, curated, tmp_path / "cache1", jobs=1)
    g2, r2 = extract_documents(sources, ontology, curated, tmp_path / "cache2", jobs=2)
    assert all(d["mentions"] > 20 and d["facts"] > 3 and not d["cached"] for d in r1.documents)
    kinds = {k.split(":")[0] for k in r1.claims if ":" in k}
    assert len(kinds & RELATIONS) >= 6, kinds
    assert set(g1) == set(g2) and len(g1) > 500
    assert r1.claims == r2.claims and r1.documents == r2.documents
    # the workers wrote the cache: a second run reads it, in order, with the same graph
    assert len(list((tmp_path / "cache2").glob("*.json"))) == 4
    g3, r3 = extract_documents(sources, ontology, curated, tmp_path / "cache2", jobs=2)
    assert all(d["cached"] for d in r3.documents) and set(g3) == set(g1)


@pytest.mark.slow
def test_quick_ingest_scaling_benchmark_writes_its_json(tmp_path):
    proc = subprocess.run([sys.executable, str(REPO / "bench" / "ingest_scaling.py"), "--quick", "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=180, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-2000:]
    doc = json.loads((tmp_path / "ingest_scaling.json").read_text(encoding="utf-8"))
    assert doc["benchmark"] == "ingest_scaling" and doc["quick"] is True and doc["machine"]["usable_cores"] >= 1
    assert set(doc["sizes"]) == {"x1", "x10"}
    x1, x10 = doc["sizes"]["x1"], doc["sizes"]["x10"]
    assert x1["documents"] == 2 and x10["documents"] == 20
    for r in (x1, x10):
        assert r["median_s"] > 0 and r["peak_rss_mib"] > 50 and r["sentences"] > 0 and r["chars_per_s"] > 0
    assert x10["characters"] > 5 * x1["characters"] and x10["facts"] > x1["facts"]
    [target] = doc["targets"]
    assert target["name"] == "time(x10) / time(x1)" and target["limit"] == 11
    assert target["value"] == x10["time_ratio_to_previous"] and isinstance(target["met"], bool)
    assert "size" in proc.stdout and "x10" in proc.stdout
