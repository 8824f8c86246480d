"""The curated knowledge base: every quote verbatim in its lines, every id known, errors located."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.curation import load_curated, squash
from kg.iris import PKO
from ingest.documents import load_documents


@pytest.fixture(scope="module")
def kb():
    return load_curated()


def test_curated_files_have_no_problems(kb):
    assert kb.errors == [], "\n".join(kb.errors)
    assert kb.n_facts > 200


def test_every_quote_occurs_verbatim_in_its_line_range(kb):
    """Independent re-check of every evidence node in the built graph against the document text."""
    docs = {d.id: d.path.read_text(encoding="utf-8").splitlines() for d in load_documents().values()}
    n = 0
    for ev in kb.graph.subjects(predicate=PKO.quote):
        doc = str(kb.graph.value(ev, PKO.inDocument)).rsplit("/", 1)[-1]
        a, b = int(kb.graph.value(ev, PKO.lineStart)), int(kb.graph.value(ev, PKO.lineEnd))
        quote = str(kb.graph.value(ev, PKO.quote))
        assert squash(quote) in squash("".join(docs[doc][a - 1:b])), (doc, a, b, quote)
        n += 1
    assert n > 200


def test_both_documents_have_curated_facts(kb):
    docs = {str(o).rsplit("/", 1)[-1] for o in kb.graph.objects(predicate=PKO.inDocument)}
    assert docs == {"kiep", "brief"}


BAD = """doc: brief
entities:
  - {id: company/acme, type: Company, en: Acme, ko: 애크미, def_en: x., def_ko: x.}
  - {id: company/nolabel, type: Company, en: NoLabel, def_en: x., def_ko: x.}
facts:
  - {s: country/jp, p: supplements, o: layer/exec, ev: {lines: 558, quote: "이 문장은 원문에 없다"}}
  - {s: country/zz, p: supplements, o: layer/exec, ev: {lines: 558, quote: "반도체·HPC로 AI 연산 인프라를 보완"}}
  - {s: country/jp, p: likes, o: layer/exec, ev: {lines: 558, quote: "반도체·HPC로 AI 연산 인프라를 보완"}}
  - {s: country/jp, p: supplements, o: layer/exec, ev: {lines: 556, quote: "반도체·HPC로 AI 연산 인프라를 보완"}}
  - {s: country/jp, p: supplements, o: layer/exec}
ambiguous:
  company/acme: [애크미, 에크미]
"""


def test_bad_curation_gives_located_errors(tmp_path: Path):
    common = Path(__file__).resolve().parents[1] / "kg" / "curated" / "common.yaml"
    (tmp_path / "common.yaml").write_text(common.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(BAD, encoding="utf-8")
    kb = load_curated(tmp_path)
    errs = "\n".join(kb.errors)
    assert "bad.yaml:4: company/nolabel needs a non-empty `ko` label" in errs
    assert "bad.yaml:6: quote does not occur verbatim" in errs and "not found anywhere" in errs
    assert "bad.yaml:7: country/zz is not declared" in errs
    assert "bad.yaml:8: unknown property 'likes'" in errs
    assert "bad.yaml:9: quote does not occur verbatim in brief lines 556-556 (found at lines 558-558)" in errs
    assert "bad.yaml:10: every fact needs evidence" in errs
    assert "bad.yaml:12: '에크미' is not a name of company/acme (its names: Acme, 애크미)" in errs
    assert len(kb.errors) == 7
    acme = next(s for s in kb.graph.subjects() if str(s).endswith("company/acme"))
    assert [str(o) for o in kb.graph.objects(acme, PKO.ambiguousName)] == ["애크미"]
