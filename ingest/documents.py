"""The document registry of a corpus folder: ``documents.yaml`` beside the text files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"


@dataclass(frozen=True)
class SourceDoc:
    """One document of the corpus, as listed in ``documents.yaml``."""

    id: str
    path: Path
    meta: dict[str, Any]


def load_documents(corpus_dir: Path = CORPUS_DIR) -> dict[str, SourceDoc]:
    """The documents of a corpus folder by id.

    >>> sorted(load_documents())
    ['brief', 'kiep']
    """
    registry = corpus_dir / "documents.yaml"
    try:
        data = yaml.safe_load(registry.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"{registry}: missing; a corpus folder needs a documents.yaml registry") from exc
    docs: dict[str, SourceDoc] = {}
    for i, d in enumerate(data.get("documents", []), 1):
        if not {"id", "file"} <= d.keys():
            raise ValueError(f"{registry}: document #{i} needs `id` and `file`")
        path = corpus_dir / d["file"]
        if not path.is_file():
            raise FileNotFoundError(f"{registry}: document {d['id']!r} points to missing file {path.name}")
        docs[d["id"]] = SourceDoc(d["id"], path, dict(d))
    return docs
