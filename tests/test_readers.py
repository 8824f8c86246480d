"""The reading layer: text in every supported encoding, PDF via pypdf, and every way a file can fail."""

from __future__ import annotations

import codecs
import hashlib
import io
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from ingest.readers import RawDocument, ReadError, detect_encoding, read_document, read_many

# Korean (all in KS X 1001, so EUC-KR holds it; 가 and 글 are U+AC00 and U+AE00, whose NUL low byte
# must not confuse BOM-less UTF-16 detection) and English, several lines, trailing spaces kept.
TEXT = "소버린 AI 정책 문서\nSovereign AI policy, 2024.  \n글로벌 데이터센터가 반도체 투자 계획\n"
TEXT_CP949 = TEXT + "똠방각하 햏\n"  # 똠 and 햏 exist only in CP949, not in EUC-KR
KOREAN_FONT = "HYSMyeongJo-Medium"  # a CID font built into reportlab: no font file needed

pdfmetrics.registerFont(UnicodeCIDFont(KOREAN_FONT))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def write_pdf(path: Path, pages: list[list[str]], encrypt: StandardEncryption | None = None) -> Path:
    """A real PDF with one page per item of ``pages``, each line drawn in the Korean CID font."""
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    for lines in pages:
        pdf.setFont(KOREAN_FONT, 12)
        for number, line in enumerate(lines):
            pdf.drawString(72, 760 - 20 * number, line)
        pdf.showPage()
    pdf.save()
    return path


@pytest.mark.parametrize(
    ("name", "text", "encode", "expected"),
    [
        ("utf8.txt", TEXT, lambda t: t.encode("utf-8"), "utf-8"),
        ("utf8_bom.md", TEXT, lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        ("utf16le.txt", TEXT, lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16-le"),
        ("utf16be.text", TEXT, lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
        ("utf16le_no_bom.txt", TEXT, lambda t: t.encode("utf-16-le"), "utf-16-le"),
        ("utf16be_no_bom.txt", TEXT, lambda t: t.encode("utf-16-be"), "utf-16-be"),
        ("euckr.txt", TEXT, lambda t: t.encode("euc-kr"), "euc-kr"),
        ("cp949.txt", TEXT_CP949, lambda t: t.encode("cp949"), "cp949"),
    ],
)
def test_every_encoding_reads_back_the_same_text(
    tmp_path: Path, name: str, text: str, encode: Callable[[str], bytes], expected: str
) -> None:
    data = encode(text)
    path = write(tmp_path, name, data)
    assert detect_encoding(data) == expected
    doc = read_document(path)
    assert doc == RawDocument(path, text, expected, hashlib.sha256(data).hexdigest(), None)
    assert not doc.text.startswith("\ufeff")


def test_cp949_only_syllables_are_not_euc_kr() -> None:
    with pytest.raises(UnicodeDecodeError):
        "똠".encode("cp949").decode("euc-kr")
    assert detect_encoding("똠".encode("cp949")) == "cp949"
    assert detect_encoding("햏".encode("cp949")) == "cp949"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "euc-kr", "cp949"])
def test_crlf_and_lone_cr_become_lf(tmp_path: Path, encoding: str) -> None:
    last = "똠" if encoding == "cp949" else "last"  # CP949 is only detected when it needs CP949
    source = f"첫 줄 line one\r\n둘째 줄\rthird\r\n\r\n{last}"
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    path = write(tmp_path, "crlf.txt", bom + source.encode(encoding))
    doc = read_document(path)
    assert doc.text == f"첫 줄 line one\n둘째 줄\nthird\n\n{last}"
    assert doc.encoding == encoding


def test_text_is_kept_as_is_apart_from_line_endings(tmp_path: Path) -> None:
    # Decomposed Hangul (not NFC), a tab, a form feed, leading and trailing blanks: all kept.
    source = "  \u1112\u1161\u11ab\tgeul \f\n\n   "
    doc = read_document(write(tmp_path, "raw.txt", source.encode("utf-8")))
    assert doc.text == source


def test_undecodable_bytes_name_the_offset() -> None:
    with pytest.raises(ValueError, match=r"not UTF-8, UTF-16, EUC-KR or CP949 text .*offset 7\)"):
        detect_encoding(b"policy \x80\xff text")


def test_pdf_with_korean_and_english_on_two_pages(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "policy.pdf",
        [["소버린 AI 정책 문서", "Sovereign AI policy 2024"], ["두 번째 쪽: 데이터센터", "Page two"]],
    )
    doc = read_document(path)
    assert doc.encoding == "pdf"
    assert doc.pages == 2
    assert doc.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    first, second = doc.text.split("\f")
    assert first.splitlines() == ["소버린 AI 정책 문서", "Sovereign AI policy 2024"]
    assert second.splitlines() == ["두 번째 쪽: 데이터센터", "Page two"]


def test_pdf_encrypted_with_an_owner_password_only_opens(tmp_path: Path) -> None:
    encryption = StandardEncryption(userPassword="", ownerPassword="owner", canPrint=0)
    path = write_pdf(tmp_path / "owner_only.pdf", [["Open to read"]], encrypt=encryption)
    assert read_document(path).text.strip() == "Open to read"


def image_only_pdf(path: Path) -> Path:
    image = Image.new("RGB", (40, 40), (30, 90, 160))
    pdf = canvas.Canvas(str(path))
    pdf.drawImage(ImageReader(image), 72, 600, width=200, height=200)
    pdf.showPage()
    pdf.save()
    return path


def truncated_pdf(path: Path) -> Path:
    whole = write_pdf(path, [["Sovereign AI policy"]]).read_bytes()
    return write(path.parent, path.name, whole[: len(whole) // 2])


def binary_garbage(path: Path) -> Path:
    return write(path.parent, path.name, random.Random(0).randbytes(4096))


def png_as_text(path: Path) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 10, 10)).save(buffer, format="PNG")
    return write(path.parent, path.name, buffer.getvalue())


def folder(path: Path) -> Path:
    path.mkdir()
    return path


def encrypted_pdf(path: Path) -> Path:
    return write_pdf(path, [["비밀 secret"]], encrypt=StandardEncryption("secret", ownerPassword="owner"))


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("garbage.txt", binary_garbage, "binary data, not text"),
        ("picture.txt", png_as_text, "binary data, not text"),
        ("latin1.txt", lambda p: write(p.parent, p.name, "café au lait".encode("latin-1")),
         "not UTF-8, UTF-16, EUC-KR or CP949 text (first undecodable byte at offset 3)"),
        ("bom_only.txt", lambda p: write(p.parent, p.name, codecs.BOM_UTF8), "empty file"),
        ("empty.txt", lambda p: write(p.parent, p.name, b""), "empty file (0 bytes)"),
        ("empty.pdf", lambda p: write(p.parent, p.name, b""), "empty file (0 bytes)"),
        ("truncated.pdf", truncated_pdf, "corrupt or unreadable PDF"),
        ("not_a.pdf", lambda p: write(p.parent, p.name, TEXT.encode("utf-8")), "corrupt or unreadable PDF"),
        ("locked.pdf", encrypted_pdf, "encrypted PDF that needs a password"),
        ("scan.pdf", image_only_pdf, "no extractable text in 1 page(s): the PDF holds only images"),
        ("missing.txt", lambda p: p, "no such file"),
        ("folder.md", folder, "is a directory, not a file"),
        ("report.docx", lambda p: write(p.parent, p.name, b"PK\x03\x04"), "unsupported file type '.docx'"),
        ("README", lambda p: write(p.parent, p.name, b"text"), "unsupported file without a suffix"),
    ],
)
def test_unreadable_files_raise_read_error_with_name_and_reason(
    tmp_path: Path, name: str, make: Callable[[Path], Path], reason: str
) -> None:
    path = make(tmp_path / name)
    with pytest.raises(ReadError) as caught:
        read_document(path)
    err = caught.value
    assert err.path == path
    assert reason in err.reason
    assert str(err) == f"{path}: {err.reason}"
    assert name in str(err)


def test_unsupported_suffix_lists_the_supported_ones(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=r"supported suffixes are \.md, \.pdf, \.text, \.txt"):
        read_document(tmp_path / "report.docx")


def test_read_errors_tell_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="run OCR first"):
        read_document(image_only_pdf(tmp_path / "scan.pdf"))
    with pytest.raises(ReadError, match="save an unprotected copy"):
        read_document(encrypted_pdf(tmp_path / "locked.pdf"))


def test_read_many_keeps_going_past_a_bad_file(tmp_path: Path) -> None:
    good_text = write(tmp_path, "a.txt", TEXT.encode("euc-kr"))
    bad = binary_garbage(tmp_path / "b.txt")
    good_pdf = write_pdf(tmp_path / "c.pdf", [["정책 policy"]])
    good_md = write(tmp_path, "d.md", TEXT.encode("utf-8"))
    documents, errors = read_many([good_text, str(bad), good_pdf, good_md])
    assert [doc.path for doc in documents] == [good_text, good_pdf, good_md]
    assert [doc.encoding for doc in documents] == ["euc-kr", "pdf", "utf-8"]
    assert [err.path for err in errors] == [bad]
