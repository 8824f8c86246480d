"""Reading the documents users feed in: plain text (``.txt``, ``.text``, ``.md``) and PDF (``.pdf``).

Text files: the encoding is detected, never assumed, in this order: a UTF-8 byte-order mark
(``utf-8-sig``); a UTF-16 byte-order mark (``utf-16-le`` / ``utf-16-be``); BOM-less UTF-16, recognised
by the NUL high bytes of its ASCII characters in every other position; strict UTF-8; strict EUC-KR;
strict CP949 (the superset of EUC-KR that also holds syllables such as 똠 and 햏). When none decodes,
the error gives the offset where the candidate that got furthest failed. Binary data posing as text
(many NUL bytes or control characters without a UTF-16 pattern) is rejected. After decoding, the
byte-order mark is dropped and line endings become ``\\n``; nothing else changes (no stripping, no
Unicode normalisation), so downstream character offsets map back to source lines and columns.

PDF files: text is extracted page by page with pypdf and the pages are joined with ``\\f``. A PDF
that is encrypted (and does not open with the empty password), corrupt, or without extractable text
(scanned images) is reported, never passed on as empty text.

Every failure is a :class:`ReadError` naming the file and the reason; :func:`read_many` collects them
so that one bad file never stops the others.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED_SUFFIXES = ", ".join(sorted(TEXT_SUFFIXES | PDF_SUFFIXES))

# Control characters that do not occur in text: C0 controls other than \t \n \v \f \r, and DEL.
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01  # more control characters than this share of the text means binary data
_BOMS = (  # (byte-order mark, reported encoding, codec that decodes what follows the mark)
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
_LEGACY_CANDIDATES = ("utf-8", "euc-kr", "cp949")  # tried in this order, each strictly


@dataclass(frozen=True)
class RawDocument:
    """One document as read from disk, before any cleaning."""

    path: Path
    text: str  # decoded text; for PDF the pages' text joined with "\f"
    encoding: str  # "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "cp949", "euc-kr" or "pdf"
    content_hash: str  # sha256 hex of the file's bytes
    pages: int | None  # number of pages for PDF, None for text


class ReadError(Exception):
    """A document that could not be read; ``str(err)`` is ``"{path}: {reason}"``."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(path, reason)
        self.path = Path(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def detect_encoding(data: bytes) -> str:
    """The encoding of text ``data``; ``ValueError`` with the reason when it is not text.

    >>> detect_encoding("정책 policy".encode("utf-8"))
    'utf-8'
    >>> detect_encoding("정책 policy".encode("euc-kr"))
    'euc-kr'
    >>> detect_encoding("똠 policy".encode("cp949"))
    'cp949'
    >>> detect_encoding(b"\\xff\\xfe" + "정책".encode("utf-16-le"))
    'utf-16-le'
    """
    return _decode(data)[1]


def read_document(path: str | Path) -> RawDocument:
    """Read one text or PDF file, chosen by its suffix; ``ReadError`` when it cannot be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | PDF_SUFFIXES:
        kind = f"file type {suffix!r}" if suffix else "file without a suffix"
        raise ReadError(path, f"unsupported {kind}: supported suffixes are {SUPPORTED_SUFFIXES}")
    data = _read_bytes(path)
    content_hash = hashlib.sha256(data).hexdigest()
    if suffix in PDF_SUFFIXES:
        text, pages = _extract_pdf_text(path, data)
        return RawDocument(path, _normalise_newlines(text), "pdf", content_hash, pages)
    try:
        text, encoding = _decode(data)
    except ValueError as exc:
        raise ReadError(path, str(exc)) from exc
    if not text:
        raise ReadError(path, "empty file: it holds only a byte-order mark and no text")
    return RawDocument(path, _normalise_newlines(text), encoding, content_hash, None)


def read_many(paths: Iterable[str | Path]) -> tuple[list[RawDocument], list[ReadError]]:
    """Read every path; the documents read and the errors met, each in input order."""
    documents: list[RawDocument] = []
    errors: list[ReadError] = []
    for path in paths:
        try:
            documents.append(read_document(path))
        except ReadError as err:
            errors.append(err)
    return documents, errors


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, with file-system failures and empty files turned into ``ReadError``."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReadError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise ReadError(path, "is a directory, not a file") from exc
    except PermissionError as exc:
        raise ReadError(path, "permission denied: the file is not readable by this user") from exc
    except OSError as exc:
        raise ReadError(path, f"cannot read the file: {exc.strerror or exc}") from exc
    if not data:
        raise ReadError(path, "empty file (0 bytes)")
    return data


def _decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of text ``data``, byte-order mark removed; ``ValueError`` if not text."""
    for bom, encoding, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise ValueError(
                    f"starts with a {encoding} byte-order mark but is not valid {codec} "
                    f"(first undecodable byte at offset {len(bom) + exc.start})"
                ) from exc
            _reject_binary(text, f"decoded as {encoding}")
            return text, encoding
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    _reject_binary(data.decode("latin-1"), "without a UTF-16 pattern")
    furthest = 0  # reported: where the candidate that decoded furthest first failed
    for encoding in _LEGACY_CANDIDATES:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            furthest = max(furthest, exc.start)
    raise ValueError(f"not UTF-8, UTF-16, EUC-KR or CP949 text (first undecodable byte at offset {furthest})")


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` when ``data`` is UTF-16 without a byte-order mark, recognised by the NUL
    high bytes of its ASCII characters (spaces, digits, Latin letters) in every other position;
    ``None`` when there is no such pattern."""
    if len(data) % 2 or b"\x00" not in data:
        return None
    units = len(data) // 2
    ascii_le = _ascii_units(high=data[1::2], low=data[0::2])
    ascii_be = _ascii_units(high=data[0::2], low=data[1::2])
    candidates = (("utf-16-le", ascii_le, ascii_be), ("utf-16-be", ascii_be, ascii_le))
    for encoding, ascii_here, ascii_there in candidates:
        if ascii_here * 8 >= units and ascii_there * 4 < ascii_here:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            _reject_binary(text, f"decoded as BOM-less {encoding}")
            return text, encoding
    return None


def _ascii_units(high: bytes, low: bytes) -> int:
    """How many UTF-16 code units, split into their ``high`` and ``low`` bytes, are ASCII other than NUL."""
    return sum(1 for high_byte, low_byte in zip(high, low) if high_byte == 0 and 0 < low_byte < 0x80)


def _reject_binary(text: str, context: str) -> None:
    """``ValueError`` when ``text`` has more control characters than text ever has."""
    controls = len(_BINARY_CONTROLS.findall(text))
    if controls > len(text) * _MAX_CONTROL_SHARE:
        nuls = text.count("\x00")
        raise ValueError(
            f"binary data, not text: {controls} control characters ({nuls} NUL) in {len(text)} "
            f"characters {context}"
        )


def _extract_pdf_text(path: Path, data: bytes) -> tuple[str, int]:
    """The pages' text joined with ``\\f`` and the page count; pypdf's failures become ``ReadError``."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(
                path,
                "encrypted PDF that needs a password to open; save an unprotected copy and read that",
            )
        page_texts = [page.extract_text() for page in reader.pages]
    except ReadError:
        raise
    except Exception as exc:  # pypdf raises many exception types (and builtins) on malformed input
        raise ReadError(
            path,
            f"corrupt or unreadable PDF ({type(exc).__name__}: {exc}); "
            "check that the file is complete, or re-export it from its source",
        ) from exc
    if not any(text.strip() for text in page_texts):
        raise ReadError(
            path,
            f"no extractable text in {len(page_texts)} page(s): the PDF holds only images "
            "(e.g. a scan); run OCR first",
        )
    return "\f".join(page_texts), len(page_texts)


def _normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
