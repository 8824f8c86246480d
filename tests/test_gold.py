"""The gold sets of texts outside the corpus, written and annotated for this project: the new
documents and the validation texts (tests/data/gold/newdocs/ and validation/, held out) and the
probe texts (tests/data/gold/probes/, development): every file loads, every id it names is in the
knowledge base, and every mention is written on the line it is given."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

NEWDOCS = sorted((Path(__file__).resolve().parent / "data" / "gold" / "newdocs").glob("*.yaml"))
PROBES = sorted((Path(__file__).resolve().parent / "data" / "gold" / "probes").glob("*.yaml"))
VALIDATION = sorted((Path(__file__).resolve().parent / "data" / "gold" / "validation").glob("*.yaml"))


@pytest.fixture(scope="module")
def known_ids():
    from kg import iris
    from kg.build import load_ontology
    from kg.curation import load_curated

    ids = set()
    for g in (load_ontology(), load_curated().graph):
        ids |= {iris.local_id(s) for s in g.subjects()} - {None}
    return ids


def _ids(item):
    for key in ("id", "subject", "object", "supplier"):
        v = item.get(key)
        if isinstance(v, str):
            yield v


def test_there_are_new_documents_in_both_languages():
    names = [p.stem for p in NEWDOCS]
    assert len(names) >= 6 and any(n.startswith("ko-") for n in names) and any(n.startswith("en-") for n in names)


def test_there_are_probe_texts_in_both_languages():
    names = [p.stem for p in PROBES]
    assert sum(n.startswith("ko-") for n in names) >= 10 and sum(n.startswith("en-") for n in names) >= 10


@pytest.mark.parametrize("path", NEWDOCS + PROBES + VALIDATION, ids=lambda p: p.stem)
def test_a_new_document_gold_file_is_consistent(path, known_ids):
    from ingest.evaluate import load_gold

    gold = load_gold(path)
    lines = gold["file"].read_text(encoding="utf-8").split("\n")
    assert gold["lines"][0] == 1 and len(lines) - 1 <= gold["lines"][1] <= len(lines)  # the whole text
    unknown = sorted({i for item in [*gold["mentions"], *gold["facts"]] for i in _ids(item)} - known_ids)
    assert not unknown, f"{path.name}: ids not in the knowledge base: {unknown}"
    squash = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    for m in gold["mentions"]:
        assert squash(m["text"]) in squash(lines[int(m["line"]) - 1]), f"{path.name}: {m} is not on its line"
