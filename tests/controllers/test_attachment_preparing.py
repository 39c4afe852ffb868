"""Preparing attachments: real pictures, documents and bad files made in the test, and the worker."""

from __future__ import annotations

import doctest
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QImageWriter, QPainter

from ollama_desktop.controllers import attachment_preparing
from ollama_desktop.controllers.attachment_preparing import PrepareWorker, prepare_file, prepare_picture
from ollama_desktop.core.attachments import files
from ollama_desktop.core.attachments.attachment import Attachment, image_tokens
from ollama_desktop.core.attachments.files import (
    DOCUMENT_TEXT_LIMIT,
    IMAGE_LIMIT,
    PDF_LIMIT,
    DamagedFile,
    FileMissing,
    FileTooLarge,
    Kind,
    NotAFile,
    NoTextLayer,
    PasswordProtected,
    UnsupportedFile,
)
from ollama_desktop.core.cancel import CancelToken
from ollama_desktop.core.chat.context import estimate_tokens
from ollama_desktop.core.errors import RequestCancelled
from tests.attachment_files import GIF_COLOURS, animated_gif, pdf, png

RED = QColor(255, 0, 0)
BLUE = QColor(0, 0, 255)


def encoded(image: QImage, fmt: str, quality: int = 90) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(fmt.encode()))
    writer.setQuality(quality)
    assert writer.write(image), writer.errorString()
    return bytes(buffer.data().data())


def halves(width: int, height: int, left: QColor = RED, right: QColor = BLUE) -> QImage:
    """A picture whose left half is ``left`` and right half ``right``: orientation shows."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(left)
    painter = QPainter(image)
    painter.fillRect(width // 2, 0, width - width // 2, height, right)
    painter.end()
    return image


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def prepare(path: Path) -> Attachment:
    return prepare_file(path, CancelToken())


def sent(attachment: Attachment) -> QImage:
    image = QImage.fromData(attachment.data)
    assert not image.isNull()
    return image


def close_to(colour: QColor, expected: QColor, tolerance: int = 24) -> bool:
    return all(
        abs(a - b) <= tolerance
        for a, b in zip(
            (colour.red(), colour.green(), colour.blue()),
            (expected.red(), expected.green(), expected.blue()),
            strict=True,
        )
    )


def test_doctests() -> None:
    assert doctest.testmod(attachment_preparing).failed == 0


# --- pictures ---------------------------------------------------------------------------------------


def test_a_big_photo_is_sent_at_1120_by_840_as_jpeg(tmp_path: Path) -> None:
    path = write(tmp_path / "photo.jpg", encoded(halves(4000, 3000), "JPEG"))
    attachment = prepare_file(path, CancelToken())
    assert (attachment.kind, attachment.media_type) == (Kind.JPEG, "image/jpeg")
    assert (attachment.width, attachment.height) == (1120, 840)
    assert attachment.size == path.stat().st_size
    assert attachment.tokens == image_tokens(1120, 840) == 1200
    assert attachment.data.startswith(b"\xff\xd8\xff")
    image = sent(attachment)
    assert (image.width(), image.height()) == (1120, 840)
    assert close_to(image.pixelColor(10, 420), RED)
    assert close_to(image.pixelColor(1110, 420), BLUE)
    assert attachment.name == "photo.jpg"


def test_a_portrait_photo_keeps_its_aspect(tmp_path: Path) -> None:
    path = write(tmp_path / "tall.png", encoded(halves(1500, 3000), "PNG"))
    attachment = prepare_file(path, CancelToken())
    assert (attachment.width, attachment.height) == (560, 1120)
    assert attachment.kind is Kind.PNG  # what the file is; it is sent as what it needs
    assert attachment.media_type == "image/jpeg"  # opaque: JPEG is far smaller


def test_a_small_picture_is_not_scaled(tmp_path: Path) -> None:
    attachment = prepare_file(write(tmp_path / "grey.png", png(30, 20)), CancelToken())
    assert (attachment.width, attachment.height) == (30, 20)
    assert attachment.tokens == 256


def test_a_transparent_png_stays_png(tmp_path: Path) -> None:
    image = QImage(2400, 1200, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    image.setPixelColor(5, 5, RED)
    attachment = prepare_file(write(tmp_path / "logo.png", encoded(image, "PNG")), CancelToken())
    assert attachment.media_type == "image/png"
    assert attachment.data.startswith(b"\x89PNG")
    assert (attachment.width, attachment.height) == (1120, 560)
    assert sent(attachment).hasAlphaChannel()
    assert sent(attachment).pixelColor(600, 300).alpha() == 0


def test_an_opaque_png_with_an_alpha_channel_goes_as_jpeg(tmp_path: Path) -> None:
    image = QImage(301, 7, QImage.Format.Format_ARGB32)  # an odd width: rows end in padding
    image.fill(BLUE)
    attachment = prepare_file(write(tmp_path / "shot.png", encoded(image, "PNG")), CancelToken())
    assert attachment.media_type == "image/jpeg"


def test_a_gifs_first_frame(tmp_path: Path) -> None:
    path = write(tmp_path / "anim.gif", animated_gif(40, 30, [2, 1, 0]))
    assert QImageReader(str(path)).imageCount() == 3
    attachment = prepare_file(path, CancelToken())
    assert (attachment.kind, attachment.width, attachment.height) == (Kind.GIF, 40, 30)
    assert close_to(sent(attachment).pixelColor(20, 15), QColor(*GIF_COLOURS[2]))


def test_a_webp(tmp_path: Path) -> None:
    if b"webp" not in {bytes(item.data()) for item in QImageReader.supportedImageFormats()}:
        pytest.skip("Qt's WebP plug-in is not installed here")
    path = write(tmp_path / "a.webp", encoded(halves(2240, 1000), "WEBP", 80))
    attachment = prepare_file(path, CancelToken())
    assert (attachment.kind, attachment.width, attachment.height) == (Kind.WEBP, 1120, 500)
    assert attachment.media_type == "image/jpeg"
    assert close_to(sent(attachment).pixelColor(1100, 250), BLUE, tolerance=40)


def exif_orientation(jpeg: bytes, orientation: int) -> bytes:
    """``jpeg`` with an EXIF segment saying how to turn it (6: a quarter turn clockwise)."""
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1)
    tiff += struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack(">I", 0)
    segment = b"Exif\x00\x00" + tiff
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(segment) + 2) + segment + jpeg[2:]


def test_an_exif_rotated_photo_is_sent_upright(tmp_path: Path) -> None:
    # Stored 2000 x 1000, red on the left; the camera was turned: upright it is 1000 x 2000, red on top.
    path = write(tmp_path / "turned.jpg", exif_orientation(encoded(halves(2000, 1000), "JPEG"), 6))
    attachment = prepare_file(path, CancelToken())
    assert (attachment.width, attachment.height) == (560, 1120)
    image = sent(attachment)
    assert close_to(image.pixelColor(280, 20), RED)
    assert close_to(image.pixelColor(280, 1100), BLUE)


@pytest.mark.qt_log_ignore("libpng", "QImageReader")
@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,  # a signature and nothing readable
        png(64, 64)[:60],  # cut inside its pixels
        png(64, 64)[:41] + b"\xde\xad" * 20 + png(64, 64)[81:],  # pixels overwritten
    ],
)
def test_a_damaged_png(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(DamagedFile):
        prepare_file(write(tmp_path / "broken.png", data), CancelToken())


@pytest.mark.qt_log_ignore("Corrupt JPEG", "JPEG datastream", "QImageReader")
def test_a_damaged_jpeg(tmp_path: Path) -> None:
    with pytest.raises(DamagedFile):
        prepare_file(write(tmp_path / "broken.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 50), CancelToken())


def test_a_pasted_picture() -> None:
    image = halves(3000, 1500)
    attachment = prepare_picture(image, "Pasted image.png")
    assert (attachment.kind, attachment.media_type) == (Kind.JPEG, "image/jpeg")
    assert (attachment.width, attachment.height) == (1120, 560)
    assert attachment.size == len(attachment.data)  # no file: the size is what is sent
    assert prepare_picture(image, "p.png", size=123_456).size == 123_456
    transparent = QImage(10, 10, QImage.Format.Format_ARGB32)
    transparent.fill(Qt.GlobalColor.transparent)
    assert prepare_picture(transparent, "t.png").kind is Kind.PNG
    with pytest.raises(DamagedFile):
        prepare_picture(QImage(), "nothing.png")


# --- documents --------------------------------------------------------------------------------------


def test_a_text_file_in_chinese_and_korean(tmp_path: Path) -> None:
    text = "天空为什么是蓝色的?\n하늘은 왜 파란가요?\nWhy is the sky blue?\n"
    path = write(tmp_path / "질문.txt", text.encode())
    attachment = prepare_file(path, CancelToken())
    assert (attachment.name, attachment.kind, attachment.text) == ("질문.txt", Kind.TEXT, text)
    assert attachment.tokens == estimate_tokens(text)
    assert attachment.size == len(text.encode())
    assert not attachment.truncated
    assert not attachment.is_image


def test_code_markdown_and_csv_keep_their_kind(tmp_path: Path) -> None:
    assert prepare(write(tmp_path / "a.py", b"print('hi')\n")).kind is Kind.CODE
    assert prepare(write(tmp_path / "a.md", b"# Title\n")).kind is Kind.MARKDOWN
    assert prepare(write(tmp_path / "a.csv", b"a,b\n1,2\n")).kind is Kind.CSV


def test_a_long_text_file_is_cut_at_the_document_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "big.log", b"line of the log\n" * (DOCUMENT_TEXT_LIMIT // 16 + 100))
    attachment = prepare_file(path, CancelToken())
    assert attachment.truncated
    assert len(attachment.text) == DOCUMENT_TEXT_LIMIT
    assert attachment.size == path.stat().st_size


def test_a_pdf(tmp_path: Path) -> None:
    attachment = prepare_file(write(tmp_path / "a.pdf", pdf("Hello PDF", None, "Bye")), CancelToken())
    assert (attachment.kind, attachment.text, attachment.pages) == (Kind.PDF, "Hello PDF\n\nBye", 3)
    assert attachment.tokens == estimate_tokens("Hello PDF\n\nBye")
    with pytest.raises(NoTextLayer):
        prepare_file(write(tmp_path / "scan.pdf", pdf(None)), CancelToken())


def test_a_word_document(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("안녕하세요")
    document.save(str(tmp_path / "a.docx"))
    attachment = prepare_file(tmp_path / "a.docx", CancelToken())
    assert (attachment.kind, attachment.text, attachment.pages) == (Kind.DOCX, "안녕하세요", 0)


def test_an_encrypted_word_document(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    with pytest.raises(PasswordProtected):
        prepare_file(write(tmp_path / "secret.docx", ole), CancelToken())
    with pytest.raises(UnsupportedFile):  # an old .doc: not one the app reads
        prepare_file(write(tmp_path / "old.doc", ole), CancelToken())


def test_a_zip_named_docx_that_is_not_word(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "sheet.docx", "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFile):
        prepare_file(tmp_path / "sheet.docx", CancelToken())


# --- bad input --------------------------------------------------------------------------------------


def test_a_folder_a_missing_file_an_empty_one_and_an_unsupported_one(tmp_path: Path) -> None:
    (tmp_path / "photos.png").mkdir()
    with pytest.raises(NotAFile):
        prepare_file(tmp_path / "photos.png", CancelToken())
    with pytest.raises(FileMissing):
        prepare_file(tmp_path / "gone.jpg", CancelToken())
    with pytest.raises(FileTooLarge) as empty:
        prepare_file(write(tmp_path / "empty.txt", b""), CancelToken())
    assert empty.value.size == 0
    with pytest.raises(UnsupportedFile):
        prepare_file(write(tmp_path / "program.exe", b"MZ\x90\x00\x03\x00\x00\x00"), CancelToken())


@pytest.mark.parametrize(("head", "limit"), [(b"%PDF-1.7\n", PDF_LIMIT), (png(4, 4), IMAGE_LIMIT)])
def test_a_2_gb_file_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, head: bytes, limit: int
) -> None:
    path = tmp_path / "huge"
    with path.open("wb") as file:
        file.write(head)
        file.truncate(2 * 1024**3)  # sparse: no disk used
    reads: list[int] = []
    real_read_head = files.read_head

    def counting_read_head(where: object, count: int) -> bytes:
        reads.append(count)
        return real_read_head(where, count)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "read_head", counting_read_head)
    with pytest.raises(FileTooLarge) as refused:
        prepare_file(path, CancelToken())
    assert (refused.value.size, refused.value.limit) == (2 * 1024**3, limit)
    assert reads == [files.SNIFF_BYTES]  # its kind from its head, nothing more


def test_a_cancelled_job_stops_between_steps(tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(RequestCancelled):
        prepare_file(write(tmp_path / "a.png", png(8, 8)), token)
    with pytest.raises(RequestCancelled):
        prepare_picture(halves(20, 20), "p.png", cancel=token)


# --- the worker -------------------------------------------------------------------------------------


def test_the_worker_prepares_a_picture_on_the_pool(qtbot, pool, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    worker = PrepareWorker.for_file(write(tmp_path / "photo.jpg", encoded(halves(4000, 3000), "JPEG")))
    with qtbot.waitSignal(worker.signals.succeeded, timeout=10_000) as blocker:
        pool.start(worker)
    attachment = blocker.args[0]
    assert (attachment.width, attachment.height, attachment.media_type) == (1120, 840, "image/jpeg")


def test_the_worker_reports_the_attachment_error_as_it_is(qtbot, pool, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    worker = PrepareWorker.for_file(tmp_path / "gone.pdf")
    with qtbot.waitSignal(worker.signals.failed, timeout=10_000) as blocker:
        pool.start(worker)
    assert isinstance(blocker.args[0], FileMissing)


def test_the_worker_reports_a_pasted_picture(qtbot, pool) -> None:  # type: ignore[no-untyped-def]
    worker = PrepareWorker.for_picture(halves(200, 100), "Pasted.png")
    with qtbot.waitSignal(worker.signals.succeeded, timeout=10_000) as blocker:
        pool.start(worker)
    assert (blocker.args[0].name, blocker.args[0].width) == ("Pasted.png", 200)


def test_a_cancelled_worker_says_so(qtbot, pool, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    worker = PrepareWorker.for_file(write(tmp_path / "a.txt", b"hello"))
    worker.cancel()
    with qtbot.waitSignal(worker.signals.cancelled, timeout=10_000):
        pool.start(worker)


def test_a_bug_reaches_the_receiver_as_an_attachment_error(qtbot, pool, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken(path: object, cancel: CancelToken) -> object:
        raise KeyError("a bug")

    monkeypatch.setattr(attachment_preparing, "prepare_file", broken)
    worker = PrepareWorker.for_file("whatever.txt")
    with qtbot.waitSignal(worker.signals.failed, timeout=10_000) as blocker:
        pool.start(worker)
    assert isinstance(blocker.args[0], files.AttachmentError)


def test_an_exif_rotated_big_photo_is_decoded_scaled_and_upright(tmp_path: Path) -> None:
    path = write(tmp_path / "turned.jpg", exif_orientation(encoded(halves(4480, 2240), "JPEG"), 6))
    attachment = prepare_file(path, CancelToken())
    assert (attachment.width, attachment.height) == (560, 1120)
    image = sent(attachment)
    assert close_to(image.pixelColor(280, 20), RED)
    assert close_to(image.pixelColor(280, 1100), BLUE)


def test_a_picture_with_more_pixels_than_qt_decodes_is_too_large(tmp_path: Path) -> None:
    # A small file that says it unpacks to 1.6 GB of pixels: refused from its header, before decoding.
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 40_000, 10_000, 8, 0, 0, 0, 0)
    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
    with pytest.raises(FileTooLarge) as refused:
        prepare_file(write(tmp_path / "bomb.png", bomb + chunk(b"IEND", b"")), CancelToken())
    assert refused.value.size == 40_000 * 10_000 * 4
