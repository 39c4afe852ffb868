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


# --- real PDFs, written by hand: a Type1 Helvetica text layer, or only a picture -------------------


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _text_stream(text: str) -> bytes:
    lines = text.splitlines() or [""]
    body = "\n".join(f"({_pdf_escape(line)}) Tj T*" for line in lines)
    return f"BT /F1 12 Tf 14 TL 72 712 Td\n{body}\nET".encode("latin-1")


# A 2 x 2 grey picture drawn 200 points wide: a page that a scanner would make, without a text layer.
_PICTURE_PAGE = b"q 200 0 0 200 72 500 cm /Im1 Do Q"
_PICTURE = b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8"


def pdf(*pages: str | None) -> bytes:
    """A complete PDF with one page per argument: a text page (lines of text in Helvetica), or for
    None a page with only a picture on it (no text layer)."""
    count = len(pages)
    # Objects: 1 catalog, 2 page tree, 3 font, 4 picture, then a page and its content per page.
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(f"{5 + 2 * index} 0 R".encode() for index in range(count))
        + f"] /Count {count} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        _PICTURE + b" /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream",
    ]
    for index, text in enumerate(pages):
        content = _PICTURE_PAGE if text is None else _text_stream(text)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
            + b"/XObject << /Im1 4 0 R >> >> "
            + f"/Contents {6 + 2 * index} 0 R >>".encode()
        )
        objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# --- a real GIF of several frames (uncompressed LZW: a clear code every two pixels) ----------------


def _lzw_pixels(indices: list[int]) -> bytes:
    """GIF LZW data of 2-bit colour indices that never grows the code table past 3-bit codes."""
    clear, end = 4, 5
    codes: list[int] = []
    for at in range(0, len(indices), 2):
        codes.append(clear)
        codes.extend(indices[at : at + 2])
    codes.append(end)
    bits = 0
    count = 0
    packed = bytearray()
    for code in codes:
        bits |= code << count
        count += 3
        while count >= 8:
            packed.append(bits & 0xFF)
            bits >>= 8
            count -= 8
    if count:
        packed.append(bits & 0xFF)
    blocks = b"".join(
        bytes([len(packed[at : at + 255])]) + packed[at : at + 255] for at in range(0, len(packed), 255)
    )
    return b"\x02" + blocks + b"\x00"


# The palette of animated(): red, blue, green, white.
GIF_COLOURS = ((255, 0, 0), (0, 0, 255), (0, 255, 0), (255, 255, 255))


def animated_gif(width: int, height: int, frames: list[int]) -> bytes:
    """A decodable GIF of ``frames`` (each a colour index into GIF_COLOURS, filling the frame)."""
    palette = b"".join(bytes(colour) for colour in GIF_COLOURS)
    screen = struct.pack("<HHBBB", width, height, 0xF1, 0, 0) + palette  # 4-colour global palette
    body = b""
    for colour in frames:
        control = b"\x21\xf9\x04\x00" + struct.pack("<H", 10) + b"\x00\x00"  # 0.1 s a frame
        descriptor = b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0)
        body += control + descriptor + _lzw_pixels([colour] * (width * height))
    return b"GIF89a" + screen + body + b"\x3b"
