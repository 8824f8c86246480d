"""Where things are: source files in the repository and generated files under build/."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
ONTOLOGY_DIR = REPO_DIR / "ontology"
QUERIES_DIR = REPO_DIR / "queries"
CURATED_DIR = PACKAGE_DIR / "curated"


def build_dir() -> Path:
    """The output folder: ``$POLICYKG_BUILD`` if set, else ``build/`` in the repository."""
    return Path(os.environ.get("POLICYKG_BUILD", REPO_DIR / "build")).resolve()


def store_dir(base: Path | None = None) -> Path:
    """The persistent Oxigraph store of the current build."""
    return (base or build_dir()) / "store"
