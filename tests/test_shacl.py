"""SHACL shapes: the valid fixtures conform, each invalid fixture fails, the built graph conforms."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.build import load_ontology
from kg.validate import validate

SHACL = Path(__file__).resolve().parent / "data" / "shacl"


@pytest.fixture(scope="module")
def tbox() -> Graph:
    return load_ontology()


@pytest.mark.parametrize("path", sorted((SHACL / "valid").glob("*.ttl")), ids=lambda p: p.stem)
def test_valid_fixture_conforms(tbox, path):
    result = validate(tbox + Graph().parse(path))
    assert result.conforms, result.report_text


@pytest.mark.parametrize("path", sorted((SHACL / "invalid").glob("*.ttl")), ids=lambda p: p.stem)
def test_invalid_fixture_fails(tbox, path):
    result = validate(tbox + Graph().parse(path))
    assert not result.conforms
    assert result.n_violations >= 1


def test_fixture_folders_are_not_empty():
    assert len(list((SHACL / "valid").glob("*.ttl"))) >= 2
    assert len(list((SHACL / "invalid").glob("*.ttl"))) >= 5
