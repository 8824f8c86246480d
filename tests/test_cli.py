"""The `policykg` command as a user runs it: real subprocesses against the session's build."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def test_japan_question_answers_with_layers_and_korean_evidence(cli):
    out = cli("query", "layer-dependencies", "--param", "country=일본", "--lang", "ko").stdout
    assert "AI 실행 기반" in out and "클라우드·운영" in out
    assert "다만 GPU와 클라우드 공급에서는 여전히 글로벌 기업 의존이 남아 있어" in out


def test_json_output_is_w3c_sparql_results(cli):
    data = json.loads(cli("query", "layer-dependencies", "-p", "country=Japan", "--format", "json").stdout)
    assert set(data) == {"head", "results"}
    variables = data["head"]["vars"]
    assert "layer" in variables and "layerLabel" in variables and "quote" in variables
    b = data["results"]["bindings"][0]
    assert b["layer"]["type"] == "uri" and b["quote"]["type"] == "literal" and b["quote"]["xml:lang"] == "ko"
    assert all(set(v) <= {"type", "value", "xml:lang", "datatype"} for row in data["results"]["bindings"] for v in row.values())


def test_csv_output(cli):
    lines = cli("query", "sovereignty-type", "-p", "country=EU", "--format", "csv").stdout.splitlines()
    assert lines[0].startswith("country,type,scheme,quote")
    assert any("Governance-led path" in line for line in lines[1:])


def test_queries_listing(cli):
    data = json.loads(cli("queries", "--format", "json").stdout)
    names = {q["name"] for q in data}
    assert {"layer-dependencies", "common-weakness", "comparison-matrix", "fact-evidence"} <= names
    assert all(q["question_ko"] and q["question_en"] for q in data)
    assert "--param country=<actor>" in cli("queries").stdout


def test_sparql_command_formats(cli):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?d a <https://w3id.org/policykg/ontology#Dependency> }"
    data = json.loads(cli("sparql", q, "--format", "json").stdout)
    assert int(data["results"]["bindings"][0]["n"]["value"]) > 10
    ttl = cli("sparql", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3", "--format", "turtle").stdout
    assert ttl.strip()


def test_bad_input_gets_clear_errors_and_exit_codes(cli):
    p = cli("query", "layer-dependencis", "-p", "country=Japan", check=False)
    assert p.returncode == 2 and "did you mean layer-dependencies" in p.stderr
    p = cli("query", "layer-dependencies", "-p", "country=Japn", check=False)
    assert p.returncode == 2 and "Close matches: Japan" in p.stderr
    p = cli("query", "layer-dependencies", "-p", "countryJapan", check=False)
    assert p.returncode == 2 and "expected KEY=VALUE" in p.stderr
    p = cli("sparql", "SELEC ?x WHERE {}", check=False)
    assert p.returncode == 2 and "SPARQL syntax error" in p.stderr


def test_query_without_a_build_says_what_to_do(tmp_path):
    env = dict(os.environ, POLICYKG_BUILD=str(tmp_path))
    exe = os.path.join(os.path.dirname(sys.executable), "policykg")
    p = subprocess.run([exe, "query", "layer-dependencies", "-p", "country=JP"], capture_output=True,
                       text=True, env=env, timeout=60)
    assert p.returncode == 3 and "policykg build" in p.stderr


def test_query_path_imports_neither_spacy_nor_owlready2(build_base):
    code = ("import sys; from kg.cli import main; main(['query', 'layer-dependencies', '-p', 'country=JP', "
            "'--format', 'json']); heavy = [m for m in ('spacy', 'owlready2', 'pyshacl') "
            "if m in sys.modules]; print('HEAVY', heavy, file=sys.stderr)")
    env = dict(os.environ, POLICYKG_BUILD=str(build_base))
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert p.returncode == 0, p.stderr
    assert "HEAVY []" in p.stderr


def test_analyze_prints_the_matrix_and_concentration_and_writes_files(cli, build_base, tmp_path):
    proc = cli("analyze", "--scheme", "stack4", "--path", "일본", "United States", "--out", str(tmp_path))
    out = proc.stdout
    assert "Country x layer (stack4)" in out and "Supplier concentration (stack4)" in out
    japan = next(line for line in out.splitlines() if line.startswith("Japan "))
    assert "D" in japan  # the corpus states Japan's external dependencies
    assert "Sole suppliers" in out and "Shortest dependency paths" in out
    csv_text = (tmp_path / "matrix-stack4.csv").read_text(encoding="utf-8")
    assert csv_text.startswith("scheme,actor,") and "country/jp" in csv_text and "doc/kiep:" in csv_text
    assert "<table>" in (tmp_path / "matrix-stack4.html").read_text(encoding="utf-8")
    data = json.loads(cli("analyze", "--scheme", "elements7", "--format", "json", "--out", str(tmp_path)).stdout)
    cells = [c for c in data[0]["matrix"] if c["actor"] == "country/jp"]
    assert cells and all(c["evidence"] for c in cells)


def test_analyze_and_viz_bad_input(cli):
    proc = cli("analyze", "--path", "Atlantis", "Japan", check=False)
    assert proc.returncode == 2 and "Atlantis" in proc.stderr
    proc = cli("viz", "--query", "layer-dependencies", check=False)
    assert proc.returncode == 2 and "--param country" in proc.stderr


def test_viz_writes_the_whole_graph(cli, build_base):
    proc = cli("viz", "--lang", "ko")
    path = build_base / "views" / "graph.html"
    assert str(path) in proc.stdout and path.stat().st_size > 100_000
