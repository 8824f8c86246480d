"""Which actor a cell of a table flattened one cell per line speaks of, as the cells are read in order.

Two layouts are told apart by their first cells:

- rows headed by an actor ("미국 | 「AI 행동계획」, 스타게이트 | …"): a cell that is only an
  actor's name heads the cells after it, up to the next such cell;
- columns headed by actors ("구분 | 프랑스 | 이탈리아 | 케냐", then "실행 기반 | … | … | …"): two or more
  cells that are only actors' names at the table's start (after at most one corner cell) head its
  columns, and each later cell speaks of its column's actor, counted from the header's width (a
  row's first cell, its label, of none).

A line of body text that opens with a country's name and a colon is a row too (:func:`labelled_line`).

The count assumes full rows, as a table flattened one cell per line keeps them; a row with an
empty cell dropped shifts the columns after it, which nothing in the text can tell."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .gazetteer import ACTOR_TYPES, POLITY_TYPES
from .nlp import doc_text

# a line that opens with a name and a colon, after a bullet if any: "- China: definition of …; …"
_LABEL_OPENING = re.compile(r"\s*[-–•⦁·○▪]?\s*")


def cell_actor(doc: Doc) -> Span | None:
    """The actor a table cell consists of ("미국", "영국(UK)"), else None."""
    ents = list(doc.ents)
    if not ents or any(e.label_ not in ACTOR_TYPES - {"Group"} or e.kb_id_ != ents[0].kb_id_ for e in ents):
        return None
    rest = "".join(t.text_with_ws for t in doc if not t.ent_type_)
    return ents[0] if not re.search(r"\w", rest) else None


def labelled_line(doc: Doc) -> Span | None:
    """The country or bloc a line of body text opens with, before a colon ("- China: definition of
    sovereign AI: …; infrastructure: "East Data, West Computing", …", "○ 미국: …"): a table's row
    flattened into a line, which speaks of it; else None."""
    text = doc_text(doc)
    start = _LABEL_OPENING.match(text).end()
    head = next((e for e in doc.ents if e.start_char >= start), None)
    if head is None or head.start_char != start or head.label_ not in POLITY_TYPES \
            or not re.match(r"\s?[:：]", text[head.end_char:head.end_char + 2]):
        return None
    return head


class TableReader:
    """The cells of the table being read, and the actor each speaks of."""

    def __init__(self) -> None:
        self.cells: list[Span | None] = []  # the actor of each cell read so far (None: not only an actor)
        self.columns: list[Span | None] | None = None  # the header's cells, once known
        self.row: Span | None = None

    def reset(self) -> None:
        self.cells, self.columns, self.row = [], None, None

    def cell(self, doc: Doc) -> Span | None:
        """Read the next cell of the table; the actor it speaks of."""
        actor = cell_actor(doc)
        self.cells.append(actor)
        n = len(self.cells)
        if self.columns is None and actor is None and n >= 3:
            corner = 1 if self.cells[0] is None else 0
            run = self.cells[corner:n - 1]
            if len(run) >= 2 and all(a is not None for a in run):  # the header ended with the cell before
                self.columns = self.cells[:n - 1]
        if self.columns is not None:
            width = len(self.columns)
            self.row = self.columns[(n - 1) % width] if (n - 1) >= width else self.row
            return self.row
        if actor is not None:
            self.row = actor
        return self.row
