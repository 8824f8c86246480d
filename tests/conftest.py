"""Shared fixtures: one full build of the default corpus per test session, in a temp folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def build_base(tmp_path_factory) -> Path:
    from kg.build import build

    base = tmp_path_factory.mktemp("build")
    build(base=base)
    return base


@pytest.fixture(scope="session")
def engine(build_base):
    from kg.queries import Engine

    return Engine.open(build_base / "current" / "store")


@pytest.fixture(scope="session")
def cli(build_base):
    """Run the real `policykg` console script against the session's build."""

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
        env = dict(os.environ, POLICYKG_BUILD=str(build_base))
        exe = Path(sys.executable).with_name("policykg")
        proc = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, timeout=120)
        if check and proc.returncode != 0:
            raise AssertionError(f"policykg {' '.join(args)} exited {proc.returncode}:\n{proc.stderr}")
        return proc

    return run


def labels_of(engine, result, column: str) -> set[str]:
    """Every label (both languages, aliases) and literal value in one result column, case-folded."""
    import pyoxigraph as ox

    i = result.variables.index(column)
    out: set[str] = set()
    for row in result.rows:
        t = row[i]
        if t is None:
            continue
        if isinstance(t, ox.NamedNode):
            for sol in engine.store.query(engine.queries["all-labels"].text, use_default_graph_as_union=True,
                                          substitutions={ox.Variable("s"): t}):
                out.add(sol["label"].value.casefold())
            out.add(t.value.rsplit("/", 1)[-1].casefold())
        else:
            out.add(t.value.casefold())
    return out


@pytest.fixture(scope="module")
def ko():
    """The Korean pipeline with the small gazetteer of tests/small_kb.py."""
    from ingest.nlp import pipeline

    from .small_kb import PATTERNS

    return pipeline("ko", PATTERNS)


@pytest.fixture(scope="module")
def en():
    """The English pipeline with the small gazetteer of tests/small_kb.py."""
    from ingest.nlp import pipeline

    from .small_kb import PATTERNS

    return pipeline("en", PATTERNS)


# the static linked-data site (kg.site), written once per session: tests/test_site.py and
# tests/test_site_servers.py read it
OTHER_BASE = "https://kg.example.org/"  # a base to publish under instead of the default


@pytest.fixture(scope="session")
def store(engine):
    """The session build's Oxigraph store."""
    return engine.store


@pytest.fixture(scope="session")
def built_site(store, tmp_path_factory):
    """The site under the default base, whose path is /policykg/: written to www/policykg/."""
    from kg.site import write_site

    out = tmp_path_factory.mktemp("www") / "policykg"
    stats = write_site(store, out)
    return out, stats


@pytest.fixture(scope="session")
def rebased_site(store, tmp_path_factory):
    """The site published under another base, at the root path of its host."""
    from kg.site import write_site

    out = tmp_path_factory.mktemp("rebased") / "site"
    write_site(store, out, base=OTHER_BASE)
    return out
