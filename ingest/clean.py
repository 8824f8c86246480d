"""Cleaning of extracted text: from raw lines to body paragraphs, headings, footnotes and tables.

Text extracted from PDF (the default corpus is such text) is broken into short lines, double
spaced, interleaved with running page headers, page numbers and footnotes, and tables come out
one cell per line. This module turns it into :class:`Segment` blocks of clean text:

- wrapped lines are rejoined: a line that ends with a space was broken between words and is
  joined with one space; one that ends without was broken inside a (Korean) word and is joined
  directly; a line that ends a sentence is always followed by a space;
- running headers and footers (short lines that repeat across pages once digits are ignored),
  bare page numbers and form feeds are dropped;
- footnotes (``12) Source(2024)...`` after a body reference ``...동향12)``, up to the next page
  break) become ``footnote`` segments, kept apart from the body text they interrupt;
- tables (from a caption such as ``표 2-4.`` / ``Table 3`` to the ``자료:`` / ``Source:`` line,
  or a run of short lines) become one ``table`` segment per cell, never a run-on sentence; the
  source line itself is a ``source`` segment (a citation, like a footnote);
- every character of clean text keeps the offset of the raw character it came from, so
  :meth:`CleanDocument.line_col` points back to the source line and column.

>>> doc = clean("제1장 서론\\n\\n일본은 클라우드에 의\\n\\n존한다. 미국은 \\n\\n통제한다.\\n")
>>> [(s.kind, s.text) for s in doc.segments]
[('heading', '제1장 서론'), ('body', '일본은 클라우드에 의존한다. 미국은 통제한다.')]
>>> doc.line_col(doc.segments[1].offsets[11])      # the '존' after the rejoined break
(5, 1)
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

SEGMENT_KINDS = ("body", "heading", "footnote", "table", "caption", "source")

_SENT_END = re.compile(r"(?:[.!?。…]|[.!?]['\"’”」』)])\s*$")
_HEADING = re.compile(
    r"^\s*(?:제\s?\d+\s?[장절편부]|\d{1,2}(?:\.\d{1,2})*\.|[가-하]\.|[A-H]\.(?=\s+[A-Z])|[IVX]{1,5}\.|\(\d{1,2}\)|[①-⑳]|"
    r"Chapter\s+\d+|Part\s+[IVX\d]+)\s*\S"
)
_KO_LETTER_ITEM = re.compile(r"^\s*[가-하]\.")
# a title's date, "나. GENIAC(2024. 2.)": its full stops end no sentence
_DATED_TITLE = re.compile(r"\(\s*\d{4}\.(?:\s*\d{1,2}\.){0,2}\s*\)\s*(?:\d{1,3}\))?\s*$")
_BULLET = re.compile(r"^\s*(?:[-–•·⦁○●□■◦▪▶※*]|\d{1,2}\)|[①-⑳])\s*\S")
# a row of a two-column table flattened into lines: a short label, then a bulleted item ("핵심 기관
# ⦁EU AI Office, …", "추진 주체 ⦁EuroHPC, …"): it starts a new paragraph even after a full line
_LABELLED_ITEM = re.compile(r"^\s*[^\s⦁•▪]{1,8}(?:\s[^\s⦁•▪]{1,8})?\s*[⦁•▪]\s*\S")
_FOOTNOTE = re.compile(r"^\s*(\d{1,3})\)\s+\S")
_CAPTION = re.compile(r"^\s*[<\[]?\s*(?:표|그림|도표|Table|Figure|Fig\.)\s*[A-Z]?\d+(?:[-.]\d+)*[.:>\]]?(?:\s|$)")
_SOURCE_LINE = re.compile(r"^\s*(?:자료|출처|주|Source|Sources|Note|Notes)\s*[:：]")
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–]\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*[-–])?\s*$", re.I)
_DIGITS = re.compile(r"\d+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass
class Segment:
    """A block of clean text with, for each of its characters, the raw offset it came from."""

    kind: str
    text: str
    offsets: list[int] = field(repr=False)

    @property
    def language(self) -> str:
        return language_of(self.text)


@dataclass
class CleanDocument:
    """The clean segments of one raw text, with the raw text's line index."""

    raw: str
    segments: list[Segment]
    line_starts: list[int] = field(repr=False)

    def line_col(self, raw_offset: int) -> tuple[int, int]:
        """1-based source line and column of a raw character offset."""
        i = bisect.bisect_right(self.line_starts, raw_offset) - 1
        return i + 1, raw_offset - self.line_starts[i] + 1

    def line_range(self, seg: Segment, start: int, end: int) -> tuple[int, int]:
        """Source lines spanned by clean characters ``start:end`` of a segment."""
        return self.line_col(seg.offsets[start])[0], self.line_col(seg.offsets[max(start, end - 1)])[0]


# heading numbering styles from the outermost to the innermost (Korean reports and English ones);
# decimal numbers nest by their parts: 1. < 1.1 < 1.1.1
_HEADING_LEVELS = (
    re.compile(r"^\s*(?:제\s?\d+\s?[장편부]|Chapter\s+\d+|Part\s+[IVX\d]+)"),
    re.compile(r"^\s*제\s?\d+\s?절"),
    re.compile(r"^\s*[IVX]{1,5}\."),
    re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){0,2}\.?(?=\s)"),
    re.compile(r"^\s*(?:[가-하]\.|[A-H]\.(?=\s+[A-Z]))"),
    re.compile(r"^\s*\(\d{1,2}\)"),
    re.compile(r"^\s*[①-⑳]"),
)
_DECIMAL = 3
# the typical line length above which a text is taken as written a paragraph per line, not wrapped
UNWRAPPED_WIDTH = 160


def heading_level(text: str) -> int:
    """The nesting depth of a heading from its numbering: 0 for ``제2장`` or ``Chapter 2``, then
    ``제1절``, ``II.``, ``1.``, ``1.1``, ``1.1.1``, ``가.``, ``(1)``, ``①``; an unnumbered heading
    is innermost."""
    for i, rx in enumerate(_HEADING_LEVELS):
        m = rx.match(text)
        if m:
            return i if i < _DECIMAL else i + 2 if i > _DECIMAL else i + m.group().strip().rstrip(".").count(".")
    return len(_HEADING_LEVELS) + 2


def language_of(text: str) -> str:
    """``ko`` when the text is mostly Hangul, ``en`` otherwise (a Hangul syllable counts 3 letters).
    Latin words count only in lower case: names and acronyms ("EU AI Office", "CHIPS Act") are
    written so in Korean text too, English prose is mostly lower-case words.

    >>> language_of("The CHIPS Act 와 반도체"), language_of("The EU AI Act entered into force.")
    ('ko', 'en')
    >>> language_of("핵심 기관 ⦁EU AI Office, AI Act Service Desk")
    'ko'
    """
    hangul = len(_HANGUL.findall(text))
    latin = sum(len(w) for w in re.findall(r"[A-Za-z]+", text) if w.islower())
    return "ko" if hangul * 3 >= latin and hangul else "en"


@dataclass
class _Line:
    no: int  # 0-based line index
    start: int  # raw offset of the first character
    text: str  # the line without its newline
    page: int
    kind: str = "body"

    @property
    def stripped(self) -> str:
        return self.text.strip()


def _split_lines(raw: str) -> tuple[list[_Line], list[int]]:
    lines, starts = [], []
    pos, page = 0, 0
    for no, text in enumerate(raw.split("\n")):
        starts.append(pos)
        if "\f" in text:  # a form feed starts a new page (PDF reader output)
            page += text.count("\f")
        lines.append(_Line(no, pos, text, page))
        pos += len(text) + 1
    return lines, starts


def _mark_pages(lines: list[_Line]) -> None:
    """Without form feeds, a line indented by exactly one space after a gap starts a new page
    (the layout of text extracted page by page, as in the default corpus)."""
    if any(ln.page for ln in lines):
        return
    page = 0
    for ln in lines:
        if re.match(r"^ \S", ln.text):
            page += 1
        ln.page = page


def _width(lines: list[_Line]) -> float:
    lengths = [len(ln.stripped) for ln in lines if len(ln.stripped) > 3]
    if not lengths:
        return 80.0
    # the typical full line: the upper quartile of line lengths
    return float(statistics.quantiles(lengths, n=4)[2]) if len(lengths) > 3 else float(max(lengths))


def _mark_running_heads(lines: list[_Line], width: float) -> None:
    """Short lines that repeat on several pages once digits are ignored, and bare page numbers
    (never a table's caption or source line, however often the same source is cited)."""
    shape = Counter()
    pages: dict[str, set[int]] = {}
    for ln in lines:
        s = ln.stripped.replace("\f", "")
        if s and len(s) <= max(60, width):
            key = _DIGITS.sub("#", s)
            shape[key] += 1
            pages.setdefault(key, set()).add(ln.page)
    for ln in lines:
        s = ln.stripped.replace("\f", "")
        if not s:
            continue
        if _SOURCE_LINE.match(s) or _CAPTION.match(s):
            continue  # a table's source line repeats when tables share a source; it closes a table
        key = _DIGITS.sub("#", s)
        # a running head repeats on several pages, or carries the page number at one edge
        at_edge = bool(re.search(r"^#\s*[•|·-]|[•|·-]\s*#$", key))
        repeated = "#" in key and (shape[key] >= 3 and len(pages[key]) >= 3 or shape[key] >= 2 and at_edge)
        if repeated or _PAGE_NUMBER.match(s):
            ln.kind = "drop"


def _mark_footnotes(lines: list[_Line], raw: str) -> None:
    """A footnote starts with ``N)`` when the text before it refers to note N right after a word
    (``정책 동향4)``), and runs to the next page break."""
    in_note = None
    for ln in lines:
        s = ln.stripped
        if in_note is not None and (ln.page != in_note or ln.kind == "drop"):
            in_note = None
        m = _FOOTNOTE.match(ln.text)
        if m and ln.kind == "body":
            n = m.group(1)
            before = raw[max(0, ln.start - 20000):ln.start]
            if re.search(rf"[^\s\d(]{re.escape(n)}\)", before):
                in_note = ln.page
        if in_note is not None and s and ln.kind == "body":
            ln.kind = "footnote"


def _mark_tables(lines: list[_Line], width: float) -> None:
    """Caption-to-source regions, and runs of at least four short lines that end no sentence."""
    content = [ln for ln in lines if ln.stripped and ln.kind not in ("drop",)]
    i = 0
    while i < len(content):
        ln = content[i]
        if ln.kind == "body" and _CAPTION.match(ln.text):
            ln.kind = "caption"
            j = i + 1
            limit = min(len(content), i + 400)
            while j < limit and not _SOURCE_LINE.match(content[j].text):
                j += 1
            if j < limit:  # a source line closes the table; it is a citation, like a footnote
                for k in range(i + 1, j):
                    if content[k].kind == "body":
                        content[k].kind = "table"
                content[j].kind = "source"
                i = j + 1
                continue
        i += 1
    # runs of short cell-like lines outside captions
    run: list[_Line] = []
    for ln in content + [None]:  # type: ignore[list-item]
        short = (ln is not None and ln.kind == "body" and len(ln.stripped) < 0.5 * width
                 and not _SENT_END.search(ln.stripped) and not _HEADING.match(ln.text))
        if short:
            run.append(ln)
            continue
        if len(run) >= 4:
            for r in run:
                r.kind = "table"
        run = []


def _line_part(ln: _Line) -> tuple[str, list[int]]:
    """A line's text without surrounding whitespace, with the raw offset of each character."""
    body = ln.text.rstrip().replace("\f", " ")
    lead = len(body) - len(body.lstrip())
    body = body.lstrip()
    return body, list(range(ln.start + lead, ln.start + lead + len(body)))


def _joins_with_space(prev: _Line, ln: _Line) -> bool:
    """A wrapped line rejoins with a space when it was broken between words."""
    p, s = prev.text.replace("\f", ""), ln.stripped
    if p.endswith((" ", "\t")) or _SENT_END.search(p.strip()):
        return True
    # English broken at a line end without a space is still two words, unless hyphenated
    return bool(re.fullmatch(r"[A-Za-z0-9]", p.strip()[-1:])) and bool(re.match(r"[A-Za-z0-9]", s[:1])) \
        and bool(_LATIN.search(p.strip()[-12:] + s[:12]))


def _segment(lines: list[_Line], width: float, double_spaced: bool, wrapped: bool = True) -> list[Segment]:
    segments: list[Segment] = []
    current: dict[str, list] = {}

    def flush(kind: str) -> None:
        parts = current.pop(kind, None)
        current.pop(kind + ":last", None)
        if parts:
            text = "".join(p for p, _ in parts)
            offs = [o for _, os in parts for o in os]
            if text.strip():
                segments.append(Segment(kind, text, offs))

    def add(kind: str, ln: _Line, new: bool) -> None:
        if new:
            flush(kind)
        parts = current.setdefault(kind, [])
        last = current.get(kind + ":last")
        if parts and last is not None and _joins_with_space(last, ln):
            end = last.start + len(last.text.rstrip())
            parts.append((" ", [end]))
        parts.append(_line_part(ln))
        current[kind + ":last"] = ln  # type: ignore[assignment]

    prev_body: _Line | None = None
    blank_run = 0
    rows = False  # under a caption, before any body text: labelled items are the rows of its table
    for ln in lines:
        s = ln.stripped
        if not s:
            blank_run += 1
            continue
        gap_break = blank_run >= (2 if double_spaced else 1)
        blank_run = 0
        if ln.kind == "drop":
            continue
        if ln.kind == "source":
            flush("table")
            segments.append(Segment("source", *_line_part(ln)))
            continue
        if ln.kind == "footnote":
            add("footnote", ln, new=bool(_FOOTNOTE.match(ln.text)))
            continue
        if ln.kind in ("caption",):
            flush("table")
            segments.append(Segment("caption", *_line_part(ln)))
            rows = True
            continue
        if rows and _LABELLED_ITEM.match(ln.text):  # "핵심 기관 ⦁EU AI Office" under a caption: a table row
            flush("body")
            add("table", ln, new=True)
            continue
        if ln.kind == "table":
            rows = False
            last = current.get("table:last")
            new_cell = (last is None or _BULLET.match(ln.text) is not None or _LABELLED_ITEM.match(ln.text) is not None
                        or ln.stripped.startswith(("「", "『", "<", "[")) or last.stripped.endswith(("」", "』"))
                        or not (last.text.endswith(" ") or len(last.stripped) >= 0.8 * width))
            add("table", ln, new=new_cell)
            continue
        flush("table")
        flush("footnote")
        rows = rows and (_LABELLED_ITEM.match(ln.text) is not None or len(s) <= 12)  # (a header row: "구분 특징")
        numbered_title = not ln.text.endswith((" ", "\t")) and len(s) <= 1.1 * width  # not wrapped on
        # "…제시하였" + "다. 프랑스 정부는 …": a line opening with "다." after a word broken at the
        # line before ends that word's sentence; it is no "가. 나. 다." heading
        broken_word = prev_body is not None and _KO_LETTER_ITEM.match(ln.text) is not None \
            and not prev_body.text.endswith((" ", "\t")) and not _SENT_END.search(prev_body.stripped)
        if _HEADING.match(ln.text) and (len(s) < 0.8 * width or numbered_title) and not broken_word \
                and not _SENT_END.search(_DATED_TITLE.sub("", s)):
            flush("body")
            segments.append(Segment("heading", *_line_part(ln)))
            prev_body = None
            continue
        new_par = (prev_body is None or gap_break and not double_spaced
                   or _BULLET.match(ln.text) is not None or _LABELLED_ITEM.match(ln.text) is not None
                   or (len(prev_body.stripped) < 0.85 * width
                       and (_SENT_END.search(prev_body.stripped) is not None or not prev_body.text.endswith(" "))))
        if gap_break and double_spaced and prev_body is not None and _SENT_END.search(prev_body.stripped):
            new_par = True
        if not wrapped:  # a text written one paragraph per line: every line is a paragraph
            new_par = True
        add("body", ln, new=new_par)
        prev_body = ln
    for kind in ("table", "footnote", "body"):
        flush(kind)
    return segments


def clean(raw: str) -> CleanDocument:
    """Clean raw extracted text into segments (see the module docstring)."""
    lines, starts = _split_lines(raw)
    _mark_pages(lines)
    nonblank = [ln for ln in lines if ln.stripped]
    width = _width(nonblank)
    followed_by_blank = sum(1 for a, b in zip(lines, lines[1:]) if a.stripped and not b.stripped)
    double_spaced = bool(nonblank) and followed_by_blank >= 0.7 * len(nonblank) and len(nonblank) >= 3
    _mark_running_heads(lines, width)
    _mark_footnotes(lines, raw)
    _mark_tables(lines, width)
    # lines far longer than a page is wide were never wrapped: the text holds a paragraph per line
    wrapped = width <= UNWRAPPED_WIDTH
    segments = _segment(lines, width, double_spaced, wrapped)
    segments.sort(key=lambda s: s.offsets[0])
    return CleanDocument(raw, segments, starts)
