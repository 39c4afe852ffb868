"""Attachments: a file's kind, size, text and pixel size, from real small files and hostile ones."""

from __future__ import annotations

import codecs
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ollama_desktop.core.attachments.files import (
    FileMissing,
    FileTooLarge,
    Kind,
    NotAFile,
    check_size,
    classify,
    decode_text,
    file_kind,
    file_size,
    image_pixel_size,
    read_image_size,
    read_text,
)
from ollama_desktop.core.chat.context import estimate_tokens
from tests.attachment_files import PDF, docx, gif, jpeg, png, webp_extended, webp_lossless, webp_lossy

MB = 1024 * 1024


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "kind", "pixels"),
    [
        ("a.png", png(3, 2), Kind.PNG, (3, 2)),
        ("a.jpg", jpeg(640, 480), Kind.JPEG, (640, 480)),
        ("a.jpg", jpeg(33, 44, progressive=True), Kind.JPEG, (33, 44)),
        ("a.gif", gif(5, 7), Kind.GIF, (5, 7)),
        ("a.webp", webp_lossy(320, 200), Kind.WEBP, (320, 200)),
        ("a.webp", webp_lossless(17, 9), Kind.WEBP, (17, 9)),
        ("a.webp", webp_extended(4000, 3000), Kind.WEBP, (4000, 3000)),
        # The bytes win over the name.
        ("photo.txt", png(1, 1), Kind.PNG, (1, 1)),
        ("noname", jpeg(8, 8), Kind.JPEG, (8, 8)),
    ],
)
def test_images_by_their_bytes(
    tmp_path: Path, name: str, data: bytes, kind: Kind, pixels: tuple[int, int]
) -> None:
    path = write(tmp_path, name, data)
    assert file_kind(path) is kind
    assert kind.is_image
    assert not kind.is_text
    assert read_image_size(path) == pixels


def test_a_jpeg_size_behind_a_large_exif_block(tmp_path: Path) -> None:
    path = write(tmp_path, "big-exif.jpg", jpeg(1920, 1080, exif=65_000))
    assert file_kind(path) is Kind.JPEG
    assert read_image_size(path) == (1920, 1080)


@pytest.mark.parametrize("length", range(0, 40, 3))
def test_truncated_image_headers_give_no_size_and_no_error(length: int) -> None:
    for data in (
        png(3, 2),
        jpeg(640, 480),
        gif(5, 7),
        webp_lossy(3, 3),
        webp_lossless(3, 3),
        webp_extended(3, 3),
    ):
        size = image_pixel_size(data[:length])
        assert size is None or size == image_pixel_size(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xd8\xff\xd9",  # SOI then EOI: no frame
        b"\xff\xd8\xff\xda\x00\x08",  # a scan before any frame
        b"\xff\xd8\x00\x00\x00\x00",  # no marker where one must be
        b"\xff\xd8\xff\xe0\x00\x00",  # a segment length below 2
        b"\xff\xd8\xff\xc0\x00\x11\x08\x00\x00\x00\x00",  # zero width and height
        b"RIFF\x00\x00\x00\x00WEBPVP8 \x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
        b"RIFF\x00\x00\x00\x00WEBPVP8L\x00\x00\x00\x00\x00\x00\x00\x00\x00",
        b"RIFF\x00\x00\x00\x00WEBPJUNK",
    ],
)
def test_odd_image_headers(data: bytes) -> None:
    assert image_pixel_size(data) is None


@given(st.binary(max_size=200))
def test_image_pixel_size_never_raises(data: bytes) -> None:
    for head in (data, b"\xff\xd8\xff" + data, b"\x89PNG\r\n\x1a\n" + data, b"RIFF\0\0\0\0WEBPVP8X" + data):
        size = image_pixel_size(head)
        assert size is None or (size[0] > 0 and size[1] > 0)


def test_pdf_and_word_documents(tmp_path: Path) -> None:
    assert file_kind(write(tmp_path, "paper.pdf", PDF)) is Kind.PDF
    assert file_kind(write(tmp_path, "renamed.txt", PDF)) is Kind.PDF
    assert file_kind(docx(tmp_path / "report.docx")) is Kind.DOCX
    assert file_kind(docx(tmp_path / "report.bin")) is Kind.DOCX
    sheet = tmp_path / "sheet.xlsx"
    with zipfile.ZipFile(sheet, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert file_kind(sheet) is Kind.UNSUPPORTED
    # A zip's head with no central directory behind it: broken, not a document, no error.
    assert file_kind(write(tmp_path, "broken.docx", b"PK\x03\x04" + b"\0" * 100)) is Kind.UNSUPPORTED


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("notes.md", b"# Title\n\nSome *text*.\n", Kind.MARKDOWN),
        ("main.py", b"print('hi')\n", Kind.CODE),
        ("Dockerfile", b"FROM python:3.11\n", Kind.CODE),
        ("table.csv", b"a,b\n1,2\n", Kind.CSV),
        ("readme.txt", "naïve café 天空\n".encode(), Kind.TEXT),
        ("README", b"no extension, but text\n", Kind.TEXT),
        ("legacy.txt", "café".encode("latin-1"), Kind.TEXT),  # a text name: read with latin-1
        ("wide.txt", codecs.BOM_UTF16_LE + "hé".encode("utf-16-le"), Kind.TEXT),
        ("blob.bin", bytes(range(256)), Kind.UNSUPPORTED),
        ("legacy", "café".encode("latin-1"), Kind.UNSUPPORTED),  # no name, not UTF-8
        ("nul.py", b"print()\0\0\0", Kind.UNSUPPORTED),
        ("empty", b"", Kind.UNSUPPORTED),
    ],
)
def test_text_by_name_and_by_content(tmp_path: Path, name: str, data: bytes, kind: Kind) -> None:
    assert file_kind(write(tmp_path, name, data)) is kind


def test_a_character_cut_at_the_sniffed_head_is_still_text(tmp_path: Path) -> None:
    text = "天" * 5000  # 15000 bytes: the 4096-byte head ends inside a character
    assert file_kind(write(tmp_path, "chinese", text.encode())) is Kind.TEXT
    assert classify("天".encode()[:2], "x", complete=True) is Kind.UNSUPPORTED


def test_sizes_and_the_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"x" * 100)
    assert file_size(path) == 100
    assert check_size(path, 100) == 100
    with pytest.raises(FileTooLarge) as raised:
        check_size(path, 99)
    assert (raised.value.size, raised.value.limit) == (100, 99)
    assert str(raised.value) == "the file is 100 B, over the 99 B limit"
    with pytest.raises(FileTooLarge, match="empty") as empty:
        check_size(write(tmp_path, "empty.txt", b""), MB)
    assert empty.value.size == 0


def test_a_2_gb_sparse_file_is_measured_not_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.bin"
    with path.open("wb") as file:
        file.seek(2**31)
        file.write(b"\0")
    assert file_size(path) == 2**31 + 1
    with pytest.raises(FileTooLarge) as raised:
        check_size(path, 20 * MB)
    assert raised.value.size == 2**31 + 1
    assert "2.1 GB" in str(raised.value)
    assert file_kind(path) is Kind.UNSUPPORTED  # zeros: read 4 KB of them, not 2 GB
    document = read_text(path, 1000)
    assert (len(document.text), document.size, document.truncated) == (1000, 2**31 + 1, True)


def test_folders_and_missing_files(tmp_path: Path) -> None:
    for call in (
        file_size,
        file_kind,
        read_image_size,
        lambda p: read_text(p, MB),
        lambda p: check_size(p, MB),
    ):
        with pytest.raises(NotAFile):
            call(tmp_path)
        with pytest.raises(FileMissing):
            call(tmp_path / "gone.txt")
        with pytest.raises(FileMissing):
            call(write(tmp_path, "plain.txt", b"x") / "under-a-file.txt")


@pytest.mark.skipif(
    not hasattr(os, "mkfifo"), reason="Windows has no named pipes in its file system (os.mkfifo)"
)
def test_a_named_pipe_is_not_opened(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(NotAFile):
        file_kind(pipe)  # opening it to read would block until a writer came


def test_reading_text_documents(tmp_path: Path) -> None:
    utf8 = read_text(write(tmp_path, "a.md", "# Café 天空\n".encode()), MB)
    assert (utf8.text, utf8.encoding, utf8.truncated) == ("# Café 天空\n", "utf-8", False)
    assert utf8.tokens == estimate_tokens("# Café 天空\n") > 0
    bom = read_text(write(tmp_path, "b.txt", codecs.BOM_UTF8 + b"hi"), MB)
    assert (bom.text, bom.encoding) == ("hi", "utf-8")
    wide = read_text(write(tmp_path, "c.txt", codecs.BOM_UTF16_BE + "hé".encode("utf-16-be")), MB)
    assert (wide.text, wide.encoding) == ("hé", "utf-16")
    latin = read_text(write(tmp_path, "d.txt", b"caf\xe9 cr\xe8me"), MB)
    assert (latin.text, latin.encoding) == ("café crème", "latin-1")


def test_reading_stops_at_the_limit_without_breaking_a_character(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", ("天" * 10).encode())  # 30 bytes
    document = read_text(path, 10)  # 3 characters and a third
    assert (document.text, document.encoding, document.size, document.truncated) == (
        "天天天",
        "utf-8",
        30,
        True,
    )
    odd = read_text(write(tmp_path, "odd.txt", codecs.BOM_UTF16_LE + "abc".encode("utf-16-le")), 5)
    assert (odd.text, odd.encoding, odd.truncated) == ("a", "utf-16", True)  # the odd byte is dropped


def test_undecodable_bytes_never_raise(tmp_path: Path) -> None:
    junk = bytes(range(256)) * 4
    document = read_text(write(tmp_path, "junk.txt", junk), MB)
    assert document.encoding == "latin-1"
    assert len(document.text) == len(junk)
    broken_utf16 = codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00"  # a lone surrogate, then "A"
    assert decode_text(broken_utf16) == ("\ufffdA", "utf-16")


@given(st.binary(max_size=300), st.booleans())
def test_decode_text_takes_any_bytes(data: bytes, complete: bool) -> None:
    text, encoding = decode_text(data, complete=complete)
    assert encoding in ("utf-8", "utf-16", "latin-1")
    assert isinstance(text, str)


@given(st.binary(max_size=300), st.sampled_from(["a.txt", "b.py", "c", "d.png", "e.docx"]))
def test_classify_takes_any_bytes(data: bytes, name: str) -> None:
    assert isinstance(classify(data, name), Kind)
