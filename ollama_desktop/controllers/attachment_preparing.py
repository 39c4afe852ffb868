"""Turning a dropped, pasted or picked file into an `Attachment` ready to send, on a worker thread.

A picture is decoded with Qt's `QImageReader` (EXIF orientation applied, a GIF's first frame, a big
JPEG decoded already scaled down by libjpeg), scaled so that its longer side is at most
`MAX_IMAGE_SIDE`, and encoded again: JPEG (quality 85) when it has no transparent pixel, PNG when it
has. Re-encoding also drops the file's metadata (a photo's GPS position). A document's text is read
up to `DOCUMENT_TEXT_LIMIT`. Sizes are checked from the file system before anything is read.

Everything here runs on a pool thread: only `QImage` (never `QPixmap`), `QImageReader` and a
`QBuffer` that lives and dies on that thread. `prepare_file` raises `AttachmentError` subclasses for
files that cannot be attached and `RequestCancelled` when its token was cancelled between steps;
`PrepareWorker` reports the first as `failed` (the error as it is) and the second as `cancelled`.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader, QImageWriter

from ollama_desktop.core.attachments import files
from ollama_desktop.core.attachments.attachment import MAX_IMAGE_SIDE, Attachment, image_tokens
from ollama_desktop.core.attachments.files import (
    AttachmentError,
    DamagedFile,
    FileTooLarge,
    Kind,
    PasswordProtected,
    UnsupportedFile,
)
from ollama_desktop.core.cancel import CancelToken, raise_if_cancelled
from ollama_desktop.workers import CallWorker

JPEG_QUALITY = 85

# An OLE compound file's signature: old .doc files, and .docx files saved with a password.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# The largest file the app reads, by kind (checked before reading a byte).
_LIMITS = {
    Kind.PNG: files.IMAGE_LIMIT,
    Kind.JPEG: files.IMAGE_LIMIT,
    Kind.GIF: files.IMAGE_LIMIT,
    Kind.WEBP: files.IMAGE_LIMIT,
    Kind.PDF: files.PDF_LIMIT,
    Kind.DOCX: files.DOCX_LIMIT,
    Kind.MARKDOWN: files.TEXT_LIMIT,
    Kind.CODE: files.TEXT_LIMIT,
    Kind.CSV: files.TEXT_LIMIT,
    Kind.TEXT: files.TEXT_LIMIT,
}

# Qt's format names for the image kinds (the qjpeg, qgif and qwebp plugins; PNG is built in).
_QT_FORMATS = {Kind.PNG: b"png", Kind.JPEG: b"jpeg", Kind.GIF: b"gif", Kind.WEBP: b"webp"}


def check_cancelled(cancel: CancelToken | None) -> None:
    raise_if_cancelled(cancel, "preparing the attachment")


def prepare_file(path: str | os.PathLike[str], cancel: CancelToken) -> Attachment:
    """The attachment for the file at ``path``, read, checked and (for a picture) scaled.

    Raises:
        FileMissing, NotAFile, FileUnreadable, FileTooLarge (empty files too), UnsupportedFile,
        DamagedFile, NoTextLayer, PasswordProtected; RequestCancelled when ``cancel`` was cancelled.
    """
    name = Path(path).name
    kind = files.file_kind(path)  # only the head (and a zip's member list) is read
    if kind is Kind.UNSUPPORTED:
        if name.lower().endswith(".docx") and files.read_head(path, len(_OLE)) == _OLE:
            # Word saves a document with a password as an encrypted OLE container, not as a zip.
            raise PasswordProtected(f"{name!r} is an encrypted Word document")
        raise UnsupportedFile(f"not a picture or a document: {name!r}")
    size = files.check_size(path, _LIMITS[kind])
    check_cancelled(cancel)
    if kind.is_text:
        document = files.read_text(path, files.DOCUMENT_TEXT_LIMIT)
        check_cancelled(cancel)
        return Attachment(name, kind, size, document.tokens, text=document.text, truncated=document.truncated)
    if kind is Kind.PDF or kind is Kind.DOCX:
        # Imported here: pypdf and python-docx are loaded only when the first document comes.
        from ollama_desktop.core.attachments import documents  # noqa: PLC0415

        read = documents.read_pdf if kind is Kind.PDF else documents.read_docx
        extracted = read(path, cancel)
        check_cancelled(cancel)
        return Attachment(
            name,
            kind,
            size,
            files.document_tokens(extracted.text),
            text=extracted.text,
            truncated=extracted.truncated,
            pages=extracted.pages,
        )
    data = files.read_head(path, size + 1)  # the whole picture: at most IMAGE_LIMIT bytes
    check_cancelled(cancel)
    image = decode_image(data, kind, name)
    check_cancelled(cancel)
    return _picture(image, name, kind, size, cancel)


def prepare_picture(
    image: QImage, name: str, *, size: int = 0, cancel: CancelToken | None = None
) -> Attachment:
    """The attachment for a pasted picture (from the clipboard: no file), scaled and encoded.

    ``size`` is the original's byte count when the caller knows it (image bytes on the clipboard);
    otherwise the attachment's size is that of the bytes sent: a pasted picture has no file whose
    size would mean anything, and encoding the full-size original only to count it would cost more
    than the whole preparation.

    Raises:
        DamagedFile (a null image); RequestCancelled when ``cancel`` was cancelled.
    """
    if image.isNull():
        raise DamagedFile(f"the pasted picture {name!r} is empty")
    return _picture(image, name, None, size, cancel)


def _picture(
    image: QImage, name: str, kind: Kind | None, size: int, cancel: CancelToken | None
) -> Attachment:
    scaled = scale_image(image)
    check_cancelled(cancel)
    data, media_type = encode_image(scaled)
    check_cancelled(cancel)
    if kind is None:  # a pasted picture is what it is sent as
        kind = Kind.PNG if media_type == "image/png" else Kind.JPEG
    return Attachment(
        name,
        kind,
        size or len(data),
        image_tokens(scaled.width(), scaled.height()),
        data=data,
        media_type=media_type,
        width=scaled.width(),
        height=scaled.height(),
    )


# --- pictures: decode, scale, encode (QImage only: safe off the GUI thread) -----------------------


def fitted_size(width: int, height: int, limit: int = MAX_IMAGE_SIDE) -> tuple[int, int]:
    """The size a ``width`` x ``height`` picture is sent at: its longer side at most ``limit``.

    >>> fitted_size(4000, 3000), fitted_size(3000, 4000), fitted_size(800, 600), fitted_size(10000, 3)
    ((1120, 840), (840, 1120), (800, 600), (1120, 1))
    """
    longer = max(width, height)
    if longer <= limit:
        return width, height
    scale = limit / longer
    return max(1, round(width * scale)), max(1, round(height * scale))


def decode_image(data: bytes, kind: Kind, name: str) -> QImage:
    """The picture in ``data`` (its first frame), upright as its EXIF says, already scaled down by
    the decoder when it can (a JPEG: libjpeg decodes at 1/2, 1/4 or 1/8 for the cost of the smaller
    size), never below the size it is sent at.

    Raises:
        UnsupportedFile (no Qt plug-in for the format), FileTooLarge (more pixels than Qt decodes),
        DamagedFile.
    """
    qt_format = _QT_FORMATS[kind]
    if qt_format not in {bytes(item.data()) for item in QImageReader.supportedImageFormats()}:
        raise UnsupportedFile(f"no decoder for {qt_format.decode()} pictures here: {name!r}")
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        reader = QImageReader(buffer, qt_format)
        reader.setAutoTransform(True)  # EXIF orientation
        source = reader.size()
        if not source.isValid():
            raise DamagedFile(f"not a readable {kind.value} picture: {name!r} ({reader.errorString()})")
        _check_pixels(source, name)
        if reader.supportsOption(QImageIOHandler.ImageOption.ScaledSize):
            reduced = _decoder_size(source.width(), source.height())
            if reduced != (source.width(), source.height()):
                reader.setScaledSize(QSize(*reduced))
        image = reader.read()
        if image.isNull():
            raise DamagedFile(f"not a readable {kind.value} picture: {name!r} ({reader.errorString()})")
        return image
    finally:
        buffer.close()


def _decoder_size(width: int, height: int) -> tuple[int, int]:
    """The size a JPEG decoder is asked for: the original halved (1/2, 1/4, 1/8, as libjpeg scales
    on the fly) as long as it stays at least the size sent, so that the final smooth scaling has
    enough pixels to work with.

    >>> _decoder_size(6000, 4000), _decoder_size(4000, 3000), _decoder_size(2000, 1500)
    ((1500, 1000), (2000, 1500), (2000, 1500))
    >>> _decoder_size(800, 600), _decoder_size(20000, 10000)
    ((800, 600), (2500, 1250))
    """
    target_width, target_height = fitted_size(width, height)
    denominator = 1
    while denominator < 8:
        next_width = math.ceil(width / (denominator * 2))
        next_height = math.ceil(height / (denominator * 2))
        if next_width < target_width or next_height < target_height:
            break
        denominator *= 2
    return math.ceil(width / denominator), math.ceil(height / denominator)


# Decoding more pixels than this would take more memory than Qt allows an image (256 MB of 32-bit
# pixels by default); a picture that large is not a photo but a trap.
def _check_pixels(source: QSize, name: str) -> None:
    limit_mb = QImageReader.allocationLimit()
    decoded = source.width() * source.height() * 4
    if limit_mb > 0 and decoded > limit_mb * 1024**2:
        raise FileTooLarge(decoded, limit_mb * 1024**2)


def scale_image(image: QImage) -> QImage:
    """``image`` with its longer side at most `MAX_IMAGE_SIDE` (smoothly scaled), or as it is."""
    width, height = fitted_size(image.width(), image.height())
    if (width, height) == (image.width(), image.height()):
        return image
    return image.scaled(
        width, height, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def has_transparency(image: QImage) -> bool:
    """Whether any pixel is not fully opaque (a format with an alpha channel may still have none)."""
    if not image.hasAlphaChannel():
        return False
    alpha = image.convertToFormat(QImage.Format.Format_Alpha8)
    data = bytes(alpha.constBits())
    line, width = alpha.bytesPerLine(), alpha.width()
    # Row by row: a row may end in padding bytes, which are not pixels.
    return any(data.count(255, row * line, row * line + width) < width for row in range(alpha.height()))


def encode_image(image: QImage) -> tuple[bytes, str]:
    """The picture's bytes as sent and their media type: PNG if it is transparent, JPEG otherwise.

    Raises:
        DamagedFile: Qt could not encode it (it never happens with a decoded picture).
    """
    if has_transparency(image):
        picture, qt_format, media_type, quality = (
            image.convertToFormat(QImage.Format.Format_ARGB32),
            b"PNG",
            "image/png",
            -1,
        )
    else:
        picture, qt_format, media_type, quality = (
            image.convertToFormat(QImage.Format.Format_RGB32),
            b"JPEG",
            "image/jpeg",
            JPEG_QUALITY,
        )
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    try:
        writer = QImageWriter(buffer, QByteArray(qt_format))
        writer.setQuality(quality)
        if not writer.write(picture):
            raise DamagedFile(f"could not encode the picture as {qt_format.decode()}: {writer.errorString()}")
        return bytes(buffer.data().data()), media_type
    finally:
        buffer.close()


class PrepareWorker(CallWorker):
    """Prepares one attachment: `succeeded` carries the `Attachment`, `failed` the `AttachmentError`
    as it is (the receiver says what went wrong in the user's words), `cancelled` when it was.

    Thread: constructed and cancelled on the GUI thread; `run()` on a pool thread.
    """

    expected = (AttachmentError,)

    @classmethod
    def for_file(cls, path: str | os.PathLike[str]) -> PrepareWorker:
        return cls(lambda token: prepare_file(path, token))

    @classmethod
    def for_picture(cls, image: QImage, name: str, *, size: int = 0) -> PrepareWorker:
        return cls(lambda token: prepare_picture(image, name, size=size, cancel=token))

    def crash_error(self, exc: Exception) -> Exception:
        # The receiver explains AttachmentErrors; a bug reads as a file that could not be read.
        return files.FileUnreadable(f"internal error: {exc!r}")
