"""Small real files for the attachment tests, made in the test: images, a PDF head, a Word zip."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int) -> bytes:
    """A complete, decodable grey PNG."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = b"".join(b"\0" + bytes([128]) * width for _ in range(height))  # filter 0 per row
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(rows))
        + _png_chunk(b"IEND", b"")
    )


def jpeg(width: int, height: int, *, progressive: bool = False, exif: int = 0) -> bytes:
    """A minimal JPEG head: SOI, JFIF APP0, an optional APP1 of ``exif`` bytes, SOF0 or SOF2, EOI."""
    app0 = b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"
    segments = b"\xff\xe0" + struct.pack(">H", len(app0) + 2) + app0
    if exif:
        segments += b"\xff\xe1" + struct.pack(">H", exif + 2) + b"\0" * exif
    frame = struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00"
    marker = b"\xff\xc2" if progressive else b"\xff\xc0"
    return (
        b"\xff\xd8"
        + segments
        + b"\xff\xff"
        + marker
        + struct.pack(">H", len(frame) + 2)
        + frame
        + b"\xff\xd9"
    )


def gif(width: int, height: int) -> bytes:
    """A tiny GIF: the logical screen, a two-colour palette, one pixel of image data."""
    screen = struct.pack("<HHBBB", width, height, 0x80, 0, 0) + b"\0\0\0\xff\xff\xff"
    image = b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0) + b"\x02\x02\x44\x01\x00"
    return b"GIF89a" + screen + image + b"\x3b"


def _riff(chunk: bytes, data: bytes) -> bytes:
    body = b"WEBP" + chunk + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body


def webp_lossy(width: int, height: int) -> bytes:
    """A WebP head with a VP8 key frame header."""
    return _riff(b"VP8 ", b"\x30\x01\x00\x9d\x01\x2a" + struct.pack("<HH", width, height) + b"\0" * 8)


def webp_lossless(width: int, height: int) -> bytes:
    """A WebP head with a VP8L header."""
    bits = (width - 1) | (height - 1) << 14
    return _riff(b"VP8L", b"\x2f" + struct.pack("<I", bits) + b"\0" * 4)


def webp_extended(width: int, height: int) -> bytes:
    """A WebP head with a VP8X canvas."""
    return _riff(
        b"VP8X", b"\x10\0\0\0" + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    )


PDF = (
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def docx(path: Path) -> Path:
    """A Word document's zip skeleton (the parts that make it one; the XML is not a full document)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')
    return path
