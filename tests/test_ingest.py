"""`policykg ingest` and `policykg eval` end to end: real subprocesses, each with its own build
folder (POLICYKG_BUILD) so the session build is not touched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from tests.conftest import DATA
from tests.test_readers import write_pdf

pytestmark = pytest.mark.slow

PKO = "https://w3id.org/policykg/ontology#"
ID = "https://w3id.org/policykg/id/"

# a fictional policy; 똠 exists only in CP949, so the file is not EUC-KR
TEXT_V1 = ("가상국가 AI 정책 동향 (똠방 연구소)\n\n"
           "프랑스는 2025년 「가상 인공지능 미래 전략」을 발표하였다. 이 전략은 공공 부문의\n"
           "인공지능 도입을 앞당기고 민간의 연구 역량을 키우는 것을 목표로 한다.\n\n"
           "「가상 인공지능 미래 전략」은 과학기술정보통신부가 주관한다.\n\n"
           "프랑스는 이 전략에 따라 5,300억 원을 투자한다. 투자 재원은 5년에 걸쳐\n"
           "단계적으로 마련된다.\n")
TEXT_V2 = ("가상국가 AI 정책 동향 (똠방 연구소, 개정판)\n\n"
           "프랑스는 2026년 「가상 인공지능 전환 계획」을 수립하였다.\n")
PDF_LINES = ["독일은 2025년 「가상 디지털 주권 계획」을 수립하였다.",
             "독일은 이 계획에 따라 2,000억 원을 투자한다."]
TXT_ID, PDF_ID = "user-virtual-ai-policy", "user-virtual-sovereignty-plan"

# the ingest tests rebuild without HermiT (faster; the rule closure still completes the graph)
REASON: tuple[str, ...] = ("--no-reason",)


def policykg(base: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, POLICYKG_BUILD=str(base))
    exe = Path(sys.executable).with_name("policykg")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, timeout=timeout)


def sparql(base: Path, query: str) -> list[dict[str, str]]:
    p = policykg(base, "sparql", query, "--format", "json", timeout=120)
    assert p.returncode == 0, p.stderr
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(p.stdout)["results"]["bindings"]]


def claims_of(base: Path, doc_id: str) -> list[dict[str, str]]:
    return sparql(base, f"""
        SELECT ?claim ?p ?status ?quote WHERE {{
          ?claim a <{PKO}Claim> ; <{PKO}hasEvidence> ?ev ; <{PKO}status> ?status ;
                 <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p .
          ?ev <{PKO}inDocument> <{ID}doc/{doc_id}> ; <{PKO}quote> ?quote .
        }}""")


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("docs")
    txt = d / "virtual-ai-policy.txt"
    txt.write_bytes(TEXT_V1.encode("cp949"))
    pdf = write_pdf(d / "virtual-sovereignty-plan.pdf", [PDF_LINES])
    return {"txt": txt, "pdf": pdf}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, files):
    """A build folder after `policykg ingest TXT PDF`."""
    base = tmp_path_factory.mktemp("ingest-build")
    proc = policykg(base, "ingest", str(files["txt"]), str(files["pdf"]), *REASON)
    return base, proc


def test_ingest_adds_a_cp949_text_and_a_pdf(ingested):
    base, proc = ingested
    assert proc.returncode == 0, proc.stderr
    assert f"added     {TXT_ID}" in proc.stdout
    assert f"added     {PDF_ID}" in proc.stdout
    assert "2 ingested document(s)" in proc.stdout
    registry = json.loads((base / "documents" / "registry.json").read_text(encoding="utf-8"))["documents"]
    assert {d["id"]: d["encoding"] for d in registry} == {TXT_ID: "cp949", PDF_ID: "pdf"}
    assert "똠방" in (base / "documents" / f"{TXT_ID}.txt").read_text(encoding="utf-8")


def test_ingested_documents_have_proposed_claims_with_evidence(ingested):
    base, _ = ingested
    for doc_id, quote in ((TXT_ID, "가상 인공지능 미래 전략"), (PDF_ID, "가상 디지털 주권 계획")):
        claims = claims_of(base, doc_id)
        assert claims, doc_id
        assert {c["status"] for c in claims} == {ID + "status/proposed"}
        assert any(quote in c["quote"] for c in claims)
    preds = {c["p"].rsplit("#", 1)[-1] for c in claims_of(base, TXT_ID)}
    assert {"hasPolicy", "runBy", "amount"} <= preds
    amounts = sparql(base, f"""
        SELECT ?amount ?currency WHERE {{
          ?claim <{PKO}hasEvidence>/<{PKO}inDocument> <{ID}doc/{PDF_ID}> ;
                 <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <{PKO}amount> ;
                 <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?amount ; <{PKO}currency> ?currency .
        }}""")
    assert [(float(a["amount"]), a["currency"]) for a in amounts] == [(2e11, "KRW")]


def test_ingested_documents_are_source_documents(ingested):
    base, _ = ingested
    rows = sparql(base, f"""
        SELECT ?doc ?file WHERE {{ ?doc a <{PKO}SourceDocument> ; <{PKO}fileName> ?file . }}""")
    files = {r["doc"]: r["file"] for r in rows}
    assert files[f"{ID}doc/{TXT_ID}"] == "virtual-ai-policy.txt"
    assert files[f"{ID}doc/{PDF_ID}"] == "virtual-sovereignty-plan.pdf"


def test_ingest_again_unchanged_then_replaced(ingested, files):
    base, _ = ingested
    # the same files again: nothing is reprocessed, the graph is not rebuilt
    release = (base / "current").resolve()
    proc = policykg(base, "ingest", str(files["txt"]), str(files["pdf"]), *REASON)
    assert proc.returncode == 0, proc.stderr
    assert f"unchanged {TXT_ID}" in proc.stdout and f"unchanged {PDF_ID}" in proc.stdout
    assert "nothing new to ingest" in proc.stdout
    assert "added" not in proc.stdout and "replaced" not in proc.stdout
    assert (base / "current").resolve() == release

    # a new version of the text file replaces the old one and its claims
    old = claims_of(base, TXT_ID)
    files["txt"].write_bytes(TEXT_V2.encode("cp949"))
    proc = policykg(base, "ingest", str(files["txt"]), *REASON)
    assert proc.returncode == 0, proc.stderr
    assert f"replaced  {TXT_ID}" in proc.stdout
    new = claims_of(base, TXT_ID)
    assert new and all("가상 인공지능 전환 계획" in c["quote"] for c in new)
    assert not {c["claim"] for c in old} & {c["claim"] for c in new}
    assert not any("미래 전략" in c["quote"] for c in new)
    # the other document keeps its claims; the PDF was not reprocessed
    assert any("가상 디지털 주권 계획" in c["quote"] for c in claims_of(base, PDF_ID))
    assert f"{PDF_ID}: " in proc.stderr and "(cached)" in proc.stderr.split(f"{PDF_ID}: ")[1].split("\n")[0]


def test_unreadable_file_is_reported_and_the_good_one_ingested(tmp_path):
    base = tmp_path / "build"
    good = tmp_path / "good-policy.txt"
    good.write_bytes("일본은 2025년 「가상 개방형 혁신 계획」을 발표하였다.\n".encode("cp949"))
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    missing = tmp_path / "missing.txt"
    proc = policykg(base, "ingest", str(bad), str(good), str(missing), *REASON)
    assert proc.returncode == 1
    assert "broken.pdf" in proc.stderr and "corrupt or unreadable PDF" in proc.stderr
    assert "missing.txt: no such file" in proc.stderr
    assert "added     user-good-policy" in proc.stdout
    claims = claims_of(base, "user-good-policy")
    assert any("가상 개방형 혁신 계획" in c["quote"] for c in claims)
    registry = json.loads((base / "documents" / "registry.json").read_text(encoding="utf-8"))["documents"]
    assert [d["id"] for d in registry] == ["user-good-policy"]


def test_eval_prints_scores_as_json(tmp_path):
    proc = policykg(tmp_path, "eval", str(DATA / "gold" / "kiep-summary-en.yaml"), "--format", "json",
                    "--no-details")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert "misses" not in report and "false_positives" not in report
    for part in ("mentions", "facts"):
        overall = report[part]["all"]
        assert {"precision", "recall", "f1", "tp", "fp", "fn"} <= set(overall)
        assert all(0.0 <= overall[k] <= 1.0 for k in ("precision", "recall", "f1"))


def test_eval_of_a_gold_file_for_a_text_outside_the_corpus(tmp_path):
    # a text file beside the gold file (`file:`), in CP949: read as any input document is
    (tmp_path / "note.txt").write_bytes("프랑스는 2025년 「가상 인공지능 미래 전략」을 발표하였다.\n".encode("cp949"))
    gold = {"doc": "note", "file": "note.txt", "lines": [1, 1],
            "mentions": [{"line": 1, "text": "프랑스", "type": "Country", "id": "country/fr"}],
            "facts": [{"line": 1, "relation": "hasPolicy", "subject": "country/fr",
                       "object": {"name": "가상 인공지능 미래 전략"}}]}
    (tmp_path / "note.yaml").write_text(yaml.safe_dump(gold, allow_unicode=True), encoding="utf-8")
    proc = policykg(tmp_path / "build", "eval", str(tmp_path / "note.yaml"), "--format", "json", "--no-details")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["mentions"]["all"]["tp"] == 1 and report["facts"]["all"]["tp"] == 1
    # a file that is not there, or a document id the corpus already uses: a clear error
    (tmp_path / "note.yaml").write_text(yaml.safe_dump({**gold, "file": "gone.txt"}), encoding="utf-8")
    proc = policykg(tmp_path / "build", "eval", str(tmp_path / "note.yaml"))
    assert proc.returncode == 2 and "note.yaml" in proc.stderr and "gone.txt" in proc.stderr
    (tmp_path / "note.yaml").write_text(yaml.safe_dump({**gold, "doc": "kiep"}), encoding="utf-8")
    proc = policykg(tmp_path / "build", "eval", str(tmp_path / "note.yaml"))
    assert proc.returncode == 2 and "'kiep' is already taken" in proc.stderr


def test_ingest_without_the_reasoner(tmp_path):
    doc = tmp_path / "quick-policy.txt"
    doc.write_text("일본은 2025년 「가상 개방형 혁신 계획」을 발표하였다.\n", encoding="utf-8")
    proc = policykg(tmp_path / "build", "ingest", str(doc), "--no-reason")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "added     user-quick-policy" in proc.stdout


def test_agree_scores_a_second_annotation_against_the_first(tmp_path):
    gold_path = DATA / "gold" / "dev" / "kiep-us.yaml"
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    # the second annotator missed the first two facts and added one of their own
    facts = gold["facts"]
    other = {**gold, "facts": facts[2:] + [{"line": facts[0]["line"], "relation": "controls",
                                                      "subject": "country/us", "object": "resource/data"}]}
    second = tmp_path / "second.yaml"
    second.write_text(yaml.safe_dump(other, allow_unicode=True), encoding="utf-8")
    proc = policykg(tmp_path, "agree", str(gold_path), str(second))
    assert proc.returncode == 0, proc.stderr
    total = next(ln for ln in proc.stdout.split("relations")[1].splitlines() if ln.strip().startswith("all"))
    _all, p, r, _f1, tp, fp, fn = total.split()
    assert (int(tp), int(fp), int(fn)) == (len(facts) - 2, 1, 2)
    assert "only in the first (2)" in proc.stdout and "controls country/us resource/data" in proc.stdout
    assert "by confidence" not in proc.stdout  # annotations carry no confidence
    # agreement needs the same text
    other["doc"] = "brief"
    second.write_text(yaml.safe_dump(other, allow_unicode=True), encoding="utf-8")
    proc = policykg(tmp_path, "agree", str(gold_path), str(second))
    assert proc.returncode == 2 and "the same document and lines" in proc.stderr
