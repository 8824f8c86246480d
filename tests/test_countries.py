"""The world's countries in the base knowledge base (kg/countries.py, kg/curated/countries.yaml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .small_kb import ents

ROOT = Path(__file__).resolve().parents[1]


def test_the_committed_countries_file_is_what_the_generator_gives():
    proc = subprocess.run([sys.executable, "-m", "kg.countries", "--check"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_every_country_has_both_labels_and_no_iso_code_is_a_name():
    from kg.countries import countries, declared

    found = countries(skip=set())
    ids = {e["id"] for e in found}
    assert len(ids) == len(found) > 240
    assert {"country/id", "country/vn", "country/ng", "country/kr", "region/hk"} <= ids and "country/aq" not in ids
    for e in found:
        assert e["en"] and e["ko"] and e["en"] != e["ko"] and e["def_en"] and e["def_ko"]
        assert not any(len(n) == 2 and n.isupper() for n in [e["en"], e["ko"], *e.get("alt", [])])
    # the countries common.yaml declares by hand are left to it
    assert "country/kr" in declared() and "country/kr" not in {e["id"] for e in countries()}


@pytest.fixture(scope="module")
def base():
    """The Korean and English pipelines with the base knowledge base's names (no document curated)."""
    from ingest.nlp import pipeline
    from kg.build import load_ontology
    from kg.curation import load_curated
    from kg.extraction import BASE_KB, gazetteer_patterns
    from kg.paths import CURATED_DIR

    pats = gazetteer_patterns(load_ontology(), load_curated(files=[CURATED_DIR / n for n in BASE_KB]).graph)
    return pipeline("ko", pats), pipeline("en", pats)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ko", "인도네시아는 국가 AI 로드맵을 발표했다.", ("인도네시아", "Country", "country/id")),
    ("ko", "베트남과 나이지리아가 협력한다.", ("나이지리아", "Country", "country/ng")),
    ("en", "Indonesia and Nigeria signed the agreement.", ("Nigeria", "Country", "country/ng")),
    ("en", "Ivory Coast and Burma joined.", ("Burma", "Country", "country/mm")),
    ("ko", "홍콩은 데이터센터를 늘린다.", ("홍콩", "Region", "region/hk")),
    # a name that is also a common word counts as the subject of its clause
    ("ko", "수단은 AI 전략을 발표했다.", ("수단", "Country", "country/sd")),
])
def test_a_country_outside_the_corpus_is_recognised(base, lang, text, expected):
    ko, en = base
    assert expected in ents((ko if lang == "ko" else en)(text))


@pytest.mark.parametrize(("lang", "text"), [
    ("ko", "효과적인 정책 수단이 될 수 있다."),  # 수단 "means", with the complement particle of 되다
    ("ko", "이는 단순한 기술혁신 수단이 아니다."),
    ("ko", "한국의 IT 기업은 성장했다."),  # IT is no name of Italy
    ("en", "Chad Smith said the plan works."),
    ("en", "The IT sector in LA grows, et al."),
])
def test_a_common_word_is_no_country(base, lang, text):
    ko, en = base
    assert [e for e in ents((ko if lang == "ko" else en)(text)) if e[1] == "Country"] == [("한국", "Country", "country/kr")] * (
        "한국" in text)
