"""Files a user attaches to a message: what kind they are, whether they are small enough, their text.

The pure parts the attachment UI needs (issue #20), no Qt. A file's kind comes from its first bytes
first (an image, a PDF, a zip that is a Word document) and from its name and content after (text,
markdown, code, CSV). Nothing here reads more of a file than it needs: the size comes from the
file system, the kind from its head, a text document up to a byte limit.

Ollama takes images as plain base64 strings in a message's ``images`` (no ``data:`` prefix); a
document goes in as text, so only its token count matters to the context.

Errors are for the log: the UI maps their types (and the numbers they carry) to translated sentences.
"""

from __future__ import annotations

import codecs
import enum
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ollama_desktop.core.units import human_bytes

# How much of a file's head tells its kind; a JPEG's size may sit behind 64 KB of EXIF and more.
SNIFF_BYTES = 4096
IMAGE_HEAD_BYTES = 512 * 1024

_PNG = b"\x89PNG\r\n\x1a\n"
_ZIP = b"PK\x03\x04"
_UTF8_BOM = codecs.BOM_UTF8
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

_MARKDOWN = frozenset({".md", ".markdown", ".mdown", ".mkd", ".rst"})
_CSV = frozenset({".csv", ".tsv"})
_CODE = frozenset(
    (  # noqa: SIM905 - 75 extensions read better as words than as quoted strings
        ".py .pyi .js .mjs .cjs .ts .tsx .jsx .java .kt .kts .c .h .cc .cpp .cxx .hpp .hh .cs .go .rs .rb "
        ".php .swift .m .mm .scala .sh .bash .zsh .fish .ps1 .bat .cmd .sql .r .lua .pl .pm .dart .hs .ex "
        ".exs .erl .clj .vue .svelte .html .htm .css .scss .less .xml .json .jsonl .yaml .yml .toml .ini "
        ".cfg .conf .gradle .cmake .mk .tex .diff .patch .proto .graphql .zig .nim .jl .f90 .asm .s "
    ).split()
)
_PLAIN = frozenset({".txt", ".text", ".log", ".out", ".srt", ".vtt", ".env", ".properties"})
_CODE_NAMES = frozenset({"makefile", "dockerfile", "containerfile", "cmakelists.txt", "gemfile", "rakefile"})


class Kind(enum.Enum):
    """What an attached file is, for what the app does with it."""

    PNG = "png"
    JPEG = "jpeg"
    GIF = "gif"
    WEBP = "webp"
    PDF = "pdf"
    DOCX = "docx"
    MARKDOWN = "markdown"
    CODE = "code"
    CSV = "csv"
    TEXT = "text"
    UNSUPPORTED = "unsupported"

    @property
    def is_image(self) -> bool:
        """Sent to a vision model as an image."""
        return self in (Kind.PNG, Kind.JPEG, Kind.GIF, Kind.WEBP)

    @property
    def is_text(self) -> bool:
        """Read as text and sent as part of the message."""
        return self in (Kind.MARKDOWN, Kind.CODE, Kind.CSV, Kind.TEXT)


class AttachmentError(Exception):
    """A file that cannot be attached; the message is for the log."""


class FileMissing(AttachmentError):
    """No such file (or it vanished)."""


class NotAFile(AttachmentError):
    """A folder, a device, a pipe: not a regular file."""


class FileUnreadable(AttachmentError):
    """The file exists but cannot be read (permissions, I/O error)."""


class FileTooLarge(AttachmentError):
    """Over the byte limit; ``size`` and ``limit`` let the UI say it in its own words."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(size_problem(size, limit))
        self.size = size
        self.limit = limit


class UnsupportedFile(AttachmentError):
    """Not a kind the app can send (a program, an archive, a spreadsheet...)."""


class DamagedFile(AttachmentError):
    """It says it is a picture, a PDF or a Word document, but cannot be read as one."""


class NoTextLayer(AttachmentError):
    """A PDF without text (a scan, pictures of pages): nothing a language model could read."""


class PasswordProtected(AttachmentError):
    """An encrypted PDF or Word document that needs a password to open."""


# Characters counted at a time (see document_tokens): a few milliseconds each.
_TOKEN_PIECE = 16_384
# The largest files the app reads, by kind: over these it says so at once, before reading anything.
IMAGE_LIMIT = 50 * 1024**2
PDF_LIMIT = 100 * 1024**2
DOCX_LIMIT = 50 * 1024**2
TEXT_LIMIT = 20 * 1024**2
# Of a document, at most this much text is sent (about 1M tokens, the largest context Ollama takes):
# the context gauge warns well before, with what fits.
DOCUMENT_TEXT_LIMIT = 4 * 1024**2


@dataclass(frozen=True)
class TextDocument:
    """A text file's content as read, up to a byte limit.

    Attributes:
        text: the decoded text (of the first ``limit`` bytes when ``truncated``).
        encoding: ``"utf-8"``, ``"utf-16"`` (from its byte order mark) or ``"latin-1"`` (the
            fallback, which decodes any bytes).
        size: the file's size in bytes.
        truncated: only part of the file was read.
    """

    text: str
    encoding: str
    size: int
    truncated: bool

    @property
    def tokens(self) -> int:
        """About how many tokens the text costs in the context."""
        return document_tokens(self.text)


# --- pure parts: bytes and names in, answers out ---------------------------------------------------


def image_kind(head: bytes) -> Kind | None:
    """The image format a file's first bytes announce, if any.

    >>> image_kind(_PNG), image_kind(b"GIF89a..."), image_kind(b"\\xff\\xd8\\xff\\xe0")
    (<Kind.PNG: 'png'>, <Kind.GIF: 'gif'>, <Kind.JPEG: 'jpeg'>)
    >>> image_kind(b"RIFF0000WEBPVP8 "), image_kind(b"RIFF0000WAVE"), image_kind(b"")
    (<Kind.WEBP: 'webp'>, None, None)
    """
    if head.startswith(_PNG):
        return Kind.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return Kind.JPEG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return Kind.GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Kind.WEBP
    return None


def image_pixel_size(head: bytes) -> tuple[int, int] | None:
    """Width and height in pixels from an image's header bytes, or None if they are not there.

    PNG's IHDR, a JPEG's first start-of-frame marker (SOF0 to SOF15 but DHT, JPG and DAC), GIF's
    logical screen, WebP's VP8 / VP8L / VP8X header. Truncated or odd bytes give None, never an error.

    >>> import struct
    >>> image_pixel_size(_PNG + struct.pack(">I4sII", 13, b"IHDR", 640, 480))
    (640, 480)
    >>> image_pixel_size(b"GIF89a" + struct.pack("<HH", 3, 2))
    (3, 2)
    >>> image_pixel_size(b"\\xff\\xd8\\xff\\xc0\\x00\\x11\\x08" + struct.pack(">HH", 200, 300))
    (300, 200)
    >>> image_pixel_size(b"\\xff\\xd8\\xff\\xc0\\x00"), image_pixel_size(_PNG), image_pixel_size(b"hello")
    (None, None, None)
    """
    kind = image_kind(head)
    if kind is Kind.PNG:
        if len(head) < 24 or head[12:16] != b"IHDR":
            return None
        return _positive(int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big"))
    if kind is Kind.GIF:
        if len(head) < 10:
            return None
        return _positive(int.from_bytes(head[6:8], "little"), int.from_bytes(head[8:10], "little"))
    if kind is Kind.JPEG:
        return _jpeg_size(head)
    if kind is Kind.WEBP:
        return _webp_size(head)
    return None


def _positive(width: int, height: int) -> tuple[int, int] | None:
    return (width, height) if width > 0 and height > 0 else None


# Start-of-frame markers: C0..CF but C4 (DHT), C8 (JPG) and CC (DAC).
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None  # lost in the stream: not a marker where one must be
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte before a marker
            at += 1
            continue
        if marker in (0x01, 0xD8) or 0xD0 <= marker <= 0xD7:  # markers without a length
            at += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no frame header came first
            return None
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        if length < 2:
            return None
        if marker in _SOF:
            if at + 9 > len(data):
                return None
            height = int.from_bytes(data[at + 5 : at + 7], "big")
            width = int.from_bytes(data[at + 7 : at + 9], "big")
            return _positive(width, height)
        at += 2 + length
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8 ":  # lossy: a key frame's start code, then 14-bit sizes
        if len(data) < 30 or data[23:26] != b"\x9d\x01\x2a":
            return None
        width = int.from_bytes(data[26:28], "little") & 0x3FFF
        height = int.from_bytes(data[28:30], "little") & 0x3FFF
        return _positive(width, height)
    if chunk == b"VP8L":  # lossless: a signature byte, then 14-bit sizes minus one
        if len(data) < 25 or data[20] != 0x2F:
            return None
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":  # extended: the canvas size minus one, 24 bits each
        if len(data) < 30:
            return None
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    return None


def kind_by_name(name: str) -> Kind | None:
    """The text kind a file name suggests, or None when the name says nothing.

    >>> kind_by_name("notes.MD"), kind_by_name("data.csv"), kind_by_name("main.py"), kind_by_name("Makefile")
    (<Kind.MARKDOWN: 'markdown'>, <Kind.CSV: 'csv'>, <Kind.CODE: 'code'>, <Kind.CODE: 'code'>)
    >>> kind_by_name("a.txt"), kind_by_name("photo.heic"), kind_by_name("README")
    (<Kind.TEXT: 'text'>, None, None)
    """
    base = os.path.basename(name).lower()
    suffix = os.path.splitext(base)[1]
    if suffix in _MARKDOWN:
        return Kind.MARKDOWN
    if suffix in _CSV:
        return Kind.CSV
    if suffix in _CODE or base in _CODE_NAMES:
        return Kind.CODE
    if suffix in _PLAIN:
        return Kind.TEXT
    return None


def looks_like_text(head: bytes, *, complete: bool = False) -> bool:
    """The bytes read as text: a UTF-16 byte order mark, or valid UTF-8 without NUL bytes.

    ``complete`` is false when ``head`` is only the start of a file, so a character cut at its end
    does not count against it.

    >>> looks_like_text("naïve café 天空".encode()), looks_like_text("天".encode()[:2])
    (True, True)
    >>> looks_like_text("天".encode()[:2], complete=True), looks_like_text(b"a\\x00b")
    (False, False)
    >>> looks_like_text(b"caf\\xe9!"), looks_like_text(b"\\xff\\xfe"), looks_like_text(b"")
    (False, True, True)
    """
    if head.startswith(_UTF16_BOMS):
        return True
    if b"\0" in head:
        return False
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def is_docx(names: list[str]) -> bool:
    """A zip's member names are a Word document's.

    >>> is_docx(["[Content_Types].xml", "word/document.xml"]), is_docx(["xl/workbook.xml"])
    (True, False)
    """
    return "word/document.xml" in names


def classify(head: bytes, name: str, *, complete: bool = False, zip_names: list[str] | None = None) -> Kind:
    """A file's kind from its first bytes and its name (pure: ``file_kind`` does the reading).

    The bytes win over the name: a PNG named ``notes.txt`` is a PNG. A zip is a Word document only
    when ``zip_names`` (its member names) say so. Text needs a text name or text bytes, and text
    bytes in any case: a ``.py`` full of NUL bytes is not code.

    >>> classify(_PNG + b"rest", "notes.txt"), classify(b"%PDF-1.7\\n", "x.bin")
    (<Kind.PNG: 'png'>, <Kind.PDF: 'pdf'>)
    >>> classify(b"# Title\\n", "README.md"), classify(b"a,b\\n1,2\\n", "t.csv"), classify(b"hello", "README")
    (<Kind.MARKDOWN: 'markdown'>, <Kind.CSV: 'csv'>, <Kind.TEXT: 'text'>)
    >>> classify(_ZIP, "r.docx", zip_names=["word/document.xml"]), classify(_ZIP, "r.docx")
    (<Kind.DOCX: 'docx'>, <Kind.UNSUPPORTED: 'unsupported'>)
    >>> classify(b"\\x00\\x01\\x02", "blob.py"), classify(b"", "empty.txt"), classify(b"", "empty")
    (<Kind.UNSUPPORTED: 'unsupported'>, <Kind.TEXT: 'text'>, <Kind.UNSUPPORTED: 'unsupported'>)
    """
    image = image_kind(head)
    if image is not None:
        return image
    if head.startswith(b"%PDF-"):
        return Kind.PDF
    if head.startswith(_ZIP):
        return Kind.DOCX if zip_names is not None and is_docx(zip_names) else Kind.UNSUPPORTED
    by_name = kind_by_name(name)
    if not looks_like_text(head, complete=complete):
        # A text name with Latin-1 bytes is still text (read_text falls back); NULs are not.
        return by_name if by_name is not None and b"\0" not in head else Kind.UNSUPPORTED
    if by_name is not None:
        return by_name
    return Kind.TEXT if head else Kind.UNSUPPORTED


def size_problem(size: int, limit: int) -> str | None:
    """Why a file of ``size`` bytes cannot be attached under ``limit``, or None if it can (for the log).

    >>> size_problem(10, 20) is None, size_problem(20, 20) is None
    (True, True)
    >>> size_problem(2**31 + 1, 20 * 1024**2)
    'the file is 2.1 GB, over the 21 MB limit'
    >>> size_problem(0, 20)
    'the file is empty'
    """
    if size <= 0:
        return "the file is empty"
    if size > limit:
        return f"the file is {human_bytes(size)}, over the {human_bytes(limit)} limit"
    return None


def decode_text(data: bytes, *, complete: bool = True) -> tuple[str, str]:
    """Text and encoding of a document's bytes; never raises, whatever the bytes.

    A UTF-8 BOM is dropped; a UTF-16 BOM decides UTF-16 (odd bytes become U+FFFD); otherwise UTF-8,
    and Latin-1 when that fails (every byte is a character in it). ``complete`` is false when
    ``data`` stops at a byte limit: a character cut there is dropped, not an error.

    >>> decode_text("naïve".encode()), decode_text(b"caf\\xe9")
    (('naïve', 'utf-8'), ('café', 'latin-1'))
    >>> decode_text(codecs.BOM_UTF16_LE + "hé".encode("utf-16-le")), decode_text(b"\\xef\\xbb\\xbfhi")
    (('hé', 'utf-16'), ('hi', 'utf-8'))
    >>> decode_text("ab天".encode()[:4], complete=False), decode_text(b"")
    (('ab', 'utf-8'), ('', 'utf-8'))
    """
    if data.startswith(_UTF16_BOMS):
        codec = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        return decoder.decode(data[2:], final=complete), "utf-16"
    body = data[len(_UTF8_BOM) :] if data.startswith(_UTF8_BOM) else data
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(body, final=complete), "utf-8"
    except UnicodeDecodeError:
        return body.decode("latin-1"), "latin-1"


def document_tokens(text: str) -> int:
    """About how many tokens a document's text costs in the context (the chat's own estimate).

    Counted in pieces: one regular-expression call holds the GIL for all of its text (~360 ms for
    1.4 million CJK characters), and this runs on a worker beside the window.

    >>> document_tokens(""), document_tokens("Why is the sky blue?"), document_tokens("天空" * 20_000)
    (0, 5, 40000)
    """
    # Here, not at the top: the chat's messages carry attachments, and the chat's context imports them.
    from ollama_desktop.core.chat.context import estimate_tokens  # noqa: PLC0415

    pieces = (text[start : start + _TOKEN_PIECE] for start in range(0, len(text), _TOKEN_PIECE))
    return sum(estimate_tokens(piece) for piece in pieces)


# --- reading files: only as much as needed ---------------------------------------------------------


def open_error(path: str | os.PathLike[str], error: OSError) -> AttachmentError:
    """The attachment error for an OSError met while looking at or opening a file."""
    if isinstance(error, FileNotFoundError | NotADirectoryError):  # a path under a file is no file either
        return FileMissing(f"no such file: {os.fspath(path)!r}")
    if isinstance(error, IsADirectoryError):
        return NotAFile(f"not a regular file: {os.fspath(path)!r}")
    return FileUnreadable(f"cannot read {os.fspath(path)!r}: {error.strerror or error}")


def file_size(path: str | os.PathLike[str]) -> int:
    """A regular file's size in bytes, from the file system (nothing is read).

    Raises:
        FileMissing, NotAFile, FileUnreadable.
    """
    try:
        info = os.stat(path)
    except OSError as error:
        raise open_error(path, error) from error
    if not stat.S_ISREG(info.st_mode):
        raise NotAFile(f"not a regular file: {os.fspath(path)!r}")
    return info.st_size


def check_size(path: str | os.PathLike[str], limit: int) -> int:
    """The file's size if it is a regular, non-empty file of at most ``limit`` bytes.

    Raises:
        FileMissing, NotAFile, FileUnreadable, FileTooLarge (empty files too, with size 0).
    """
    size = file_size(path)
    if size_problem(size, limit) is not None:
        raise FileTooLarge(size, limit)
    return size


def read_head(path: str | os.PathLike[str], count: int) -> bytes:
    """The first ``count`` bytes of a regular file (fewer if it is shorter).

    Raises:
        FileMissing, NotAFile, FileUnreadable.
    """
    file_size(path)  # a folder or a FIFO must not be opened: a FIFO's read would block
    try:
        with open(path, "rb") as file:
            return file.read(count)
    except OSError as error:
        raise open_error(path, error) from error


def file_kind(path: str | os.PathLike[str]) -> Kind:
    """A file's kind from its head and name; a zip's member list is read to tell a Word document.

    Raises:
        FileMissing, NotAFile, FileUnreadable.
    """
    size = file_size(path)
    head = read_head(path, SNIFF_BYTES)
    zip_names = _zip_names(path) if head.startswith(_ZIP) else None
    return classify(head, Path(path).name, complete=size <= len(head), zip_names=zip_names)


def _zip_names(path: str | os.PathLike[str]) -> list[str] | None:
    """A zip's member names from its central directory (nothing is decompressed), None if broken."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None


def read_text(path: str | os.PathLike[str], limit: int) -> TextDocument:
    """A text document's content, at most ``limit`` bytes of it; odd bytes never raise.

    Raises:
        FileMissing, NotAFile, FileUnreadable.
    """
    size = file_size(path)
    data = read_head(path, limit)
    truncated = size > len(data)
    text, encoding = decode_text(data, complete=not truncated)
    return TextDocument(text, encoding, size, truncated)


def read_image_size(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """An image file's pixel size from its header bytes (None if unreadable from them).

    Raises:
        FileMissing, NotAFile, FileUnreadable.
    """
    return image_pixel_size(read_head(path, IMAGE_HEAD_BYTES))
