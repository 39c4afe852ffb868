"""The text of PDFs and Word documents, from real files made in the test (and broken ones)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from ollama_desktop.core.attachments.documents import DOCX_UNPACKED_LIMIT, DocumentText, read_docx, read_pdf
from ollama_desktop.core.attachments.files import (
    DamagedFile,
    FileMissing,
    FileTooLarge,
    NotAFile,
    NoTextLayer,
    PasswordProtected,
)
from ollama_desktop.core.cancel import CancelToken
from ollama_desktop.core.errors import RequestCancelled
from tests.attachment_files import PDF, pdf
from tests.attachment_files import docx as docx_skeleton
from tests.processes import run_python


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def encrypted(data: bytes, user: str, owner: str = "owner") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user, owner_password=owner, algorithm="RC4-128")  # AES would need `cryptography`
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- PDF --------------------------------------------------------------------------------------------


def test_a_pdfs_text_page_by_page(tmp_path: Path) -> None:
    path = write(tmp_path / "a.pdf", pdf("Hello PDF\nsecond (line)", "Page two"))
    assert read_pdf(path) == DocumentText("Hello PDF\nsecond (line)\n\nPage two", truncated=False, pages=2)


def test_pages_without_text_are_skipped_and_counted(tmp_path: Path) -> None:
    path = write(tmp_path / "mixed.pdf", pdf(None, "Only this page has text", None))
    assert read_pdf(path) == DocumentText("Only this page has text", pages=3)


def test_a_scan_has_no_text_layer(tmp_path: Path) -> None:
    with pytest.raises(NoTextLayer, match="2 pages"):
        read_pdf(write(tmp_path / "scan.pdf", pdf(None, None)))


def test_a_long_pdf_stops_at_the_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "long.pdf", pdf(*(f"Page {number} " + "x" * 50 for number in range(1, 21))))
    document = read_pdf(path, limit=100)
    assert document.truncated
    assert len(document.text) == 100
    assert document.text.startswith("Page 1 xxx")
    assert document.pages == 20


def test_a_pdf_that_needs_a_password(tmp_path: Path) -> None:
    with pytest.raises(PasswordProtected):
        read_pdf(write(tmp_path / "secret.pdf", encrypted(pdf("Secret"), user="secret")))


def test_a_pdf_encrypted_only_against_copying_opens_with_the_empty_password(tmp_path: Path) -> None:
    path = write(tmp_path / "restricted.pdf", encrypted(pdf("Open to read"), user=""))
    assert read_pdf(path).text == "Open to read"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n" + b"garbage " * 100,
        PDF,  # a catalogue without pages, and no cross-reference table
        pdf("Hello PDF")[:300],  # cut short
        b"%PDF-",
    ],
)
def test_a_damaged_pdf(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(DamagedFile):
        read_pdf(write(tmp_path / "broken.pdf", data))


def test_a_pdf_that_vanished_or_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(FileMissing):
        read_pdf(tmp_path / "gone.pdf")
    (tmp_path / "folder.pdf").mkdir()
    with pytest.raises(NotAFile):
        read_pdf(tmp_path / "folder.pdf")


def test_a_cancelled_pdf_stops_between_pages(tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(RequestCancelled):
        read_pdf(write(tmp_path / "a.pdf", pdf("one", "two")), token)


# --- Word -------------------------------------------------------------------------------------------


def word_file(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("보고서", level=1)
    document.add_paragraph("First paragraph: 하늘은 왜 파란가요?")
    table = document.add_table(rows=2, cols=3)
    for column, text in enumerate(["이름", "값", "비고"]):
        table.cell(0, column).text = text
    table.cell(1, 0).text = "온도"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "23 °C"
    document.add_paragraph("天空为什么是蓝色的")
    document.save(str(path))
    return path


def test_a_word_documents_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    document = read_docx(word_file(tmp_path / "report.docx"))
    assert document == DocumentText(
        "보고서\nFirst paragraph: 하늘은 왜 파란가요?\n이름 | 값 | 비고\n온도 | 23 °C\n天空为什么是蓝色的",
        truncated=False,
        pages=0,
    )


def test_a_long_word_document_stops_at_the_limit(tmp_path: Path) -> None:
    document = read_docx(word_file(tmp_path / "report.docx"), limit=10)
    assert document.truncated
    assert document.text == "보고서\nFirst "


@pytest.mark.parametrize("kind", ["skeleton", "broken xml", "not a zip"])
def test_a_damaged_word_document(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "broken.docx"
    if kind == "skeleton":
        docx_skeleton(path)  # the parts' names, but no content types or relationships
    elif kind == "broken xml":
        data = (word_file(tmp_path / "good.docx")).read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as good, zipfile.ZipFile(path, "w") as bad:
            for item in good.infolist():
                body = good.read(item)
                bad.writestr(item, body[: len(body) // 2] if item.filename == "word/document.xml" else body)
    else:
        path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DamagedFile):
        read_docx(path)


def test_a_cancelled_word_document(tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(RequestCancelled):
        read_docx(word_file(tmp_path / "report.docx"), token)


def test_neither_library_is_loaded_until_a_document_comes() -> None:
    script = (
        "import sys\n"
        "import ollama_desktop.core.attachments.documents\n"
        "import ollama_desktop.controllers.attachment_preparing\n"
        "print(' '.join(name for name in ('pypdf', 'docx', 'lxml') if name in sys.modules))\n"
    )
    result = run_python("-c", script, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []


def test_a_word_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = word_file(tmp_path / "bomb.docx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/huge.bin", b"\0" * 4 * 1024**2)  # packed into 4 KB
    assert read_docx(path).text.startswith("보고서")  # under the real limit
    with pytest.raises(FileTooLarge) as refused:
        read_docx(path, unpacked_limit=1024**2)  # a smaller limit stands in for a 1 GB bomb
    assert refused.value.size > 4 * 1024**2
    assert refused.value.limit == 1024**2
    assert DOCX_UNPACKED_LIMIT == 1024**3
