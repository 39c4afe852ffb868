"""The text of a PDF or a Word document, for sending it with a question (issue #20).

pypdf and python-docx are imported inside the functions: the app starts without them, and loads
them when the first document is attached. Both read files that may be hostile or broken, and both
can fail in many ways deep inside (a missing key, a bad stream, a recursion through a cyclic page
tree): whatever they raise while reading becomes `DamagedFile`, with the reason for the log.

Runs on a worker thread; the `CancelToken` is checked between pages and paragraphs, and a
cancelled read raises `RequestCancelled`.
"""

from __future__ import annotations

import logging
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from ollama_desktop.core.attachments.files import (
    DOCUMENT_TEXT_LIMIT,
    DamagedFile,
    FileTooLarge,
    NoTextLayer,
    PasswordProtected,
    open_error,
)
from ollama_desktop.core.cancel import CancelToken, raise_if_cancelled
from ollama_desktop.core.errors import RequestCancelled

log = logging.getLogger(__name__)

# Between pages of a PDF; a Word table's cells are separated like a Markdown table's.
PAGE_BREAK = "\n\n"
CELL_SEPARATOR = " | "
# The most a Word document's parts may unpack to (a 50 MB .docx of text unpacks to a few hundred MB).
DOCX_UNPACKED_LIMIT = 1024**3


@dataclass(frozen=True)
class DocumentText:
    """A document's text as sent.

    Attributes:
        text: the text, at most the limit it was read with.
        truncated: the document has more text than that.
        pages: a PDF's page count (0 for a Word document: it has no pages until it is laid out).
    """

    text: str
    truncated: bool = False
    pages: int = 0


class _Collector:
    """Text pieces up to a character limit."""

    def __init__(self, limit: int, separator: str) -> None:
        self.limit = limit
        self.separator = separator
        self.parts: list[str] = []
        self.length = 0
        self.truncated = False

    def add(self, piece: str) -> bool:
        """Add a piece; False once the limit is reached (the rest is not needed)."""
        if self.parts:
            piece = self.separator + piece
        room = self.limit - self.length
        if len(piece) > room:
            piece = piece[:room]
            self.truncated = True
        self.parts.append(piece)
        self.length += len(piece)
        return not self.truncated

    def text(self) -> str:
        return "".join(self.parts)


def _check(cancel: CancelToken | None) -> None:
    raise_if_cancelled(cancel, "reading the document")


def _name(path: str | os.PathLike[str]) -> str:
    return os.path.basename(os.fspath(path))


# --- PDF -------------------------------------------------------------------------------------------


def read_pdf(
    path: str | os.PathLike[str], cancel: CancelToken | None = None, limit: int = DOCUMENT_TEXT_LIMIT
) -> DocumentText:
    """A PDF's text, page by page, up to ``limit`` characters.

    An encrypted PDF is opened with the empty password first (many are encrypted only to restrict
    printing or copying, and open without one).

    Raises:
        FileMissing, NotAFile, FileUnreadable, PasswordProtected, DamagedFile, NoTextLayer (not a
        character on any page: a scan), RequestCancelled.
    """
    import pypdf  # noqa: PLC0415 - loaded with the first PDF, not at start-up
    from pypdf.errors import DependencyError  # noqa: PLC0415

    name = _name(path)
    try:
        with open(path, "rb") as file:
            try:
                reader = pypdf.PdfReader(file)
                if reader.is_encrypted:
                    _unlock(reader, name, DependencyError)
                pages = len(reader.pages)
            except (PasswordProtected, RequestCancelled):
                raise
            except Exception as error:  # a broken file breaks pypdf in many ways
                raise DamagedFile(f"not a readable PDF: {name!r} ({error!r})") from error
            return _pdf_text(reader, pages, name, cancel, limit)
    except OSError as error:
        raise open_error(path, error) from error


def _unlock(reader: Any, name: str, dependency_error: type[Exception]) -> None:
    try:
        unlocked = reader.decrypt("")
    except dependency_error as error:
        # AES without a crypto library (pypdf's own fallback does RC4 only): it cannot be opened here.
        raise PasswordProtected(
            f"{name!r} is encrypted with AES, which cannot be read here: {error}"
        ) from error
    if not unlocked:
        raise PasswordProtected(f"{name!r} needs a password")


def _pdf_text(reader: Any, pages: int, name: str, cancel: CancelToken | None, limit: int) -> DocumentText:
    collector = _Collector(limit, PAGE_BREAK)
    failed = 0
    readable = False
    for number in range(pages):
        _check(cancel)
        try:
            text = reader.pages[number].extract_text() or ""
        except Exception as error:  # one broken page: the others may still be read
            log.info("page %d of %r cannot be read: %r", number + 1, name, error)
            failed += 1
            continue
        text = text.strip()
        if not text:
            continue
        readable = True
        if not collector.add(text):
            break
    _check(cancel)
    if not readable:
        if failed:
            raise DamagedFile(f"no page of {name!r} can be read ({failed} of {pages} failed)")
        raise NoTextLayer(f"{name!r} has no text on any of its {pages} pages")
    return DocumentText(collector.text(), collector.truncated, pages)


# --- Word ------------------------------------------------------------------------------------------


def read_docx(
    path: str | os.PathLike[str],
    cancel: CancelToken | None = None,
    limit: int = DOCUMENT_TEXT_LIMIT,
    *,
    unpacked_limit: int = DOCX_UNPACKED_LIMIT,
) -> DocumentText:
    """A Word document's text: its paragraphs and its tables' rows, in the order they come,
    up to ``limit`` characters (headers, footers and notes are left out).

    Raises:
        FileMissing, NotAFile, FileUnreadable, DamagedFile, FileTooLarge (a zip bomb: its parts unpack
        to more than `DOCX_UNPACKED_LIMIT`), RequestCancelled.
    """
    import docx  # noqa: PLC0415 - loaded with the first Word document, not at start-up

    name = _name(path)
    try:
        with open(path, "rb") as file:
            try:
                _check_unpacked_size(file, unpacked_limit)
                document = docx.Document(file)
                collector = _Collector(limit, "\n")
                for block in _blocks(document):
                    _check(cancel)
                    if not collector.add(block):
                        break
            except (RequestCancelled, FileTooLarge):
                raise
            except Exception as error:  # not a zip, a missing part, broken XML...
                raise DamagedFile(f"not a readable Word document: {name!r} ({error!r})") from error
    except OSError as error:
        raise open_error(path, error) from error
    _check(cancel)
    return DocumentText(collector.text().strip("\n"), collector.truncated)


def _check_unpacked_size(file: BinaryIO, limit: int) -> None:
    """Refuse a zip bomb: a Word file whose parts unpack to more than ``limit`` bytes.

    The sizes come from the zip's directory; a part cannot unpack to more than it declares (Python's
    zipfile stops there), so the sum bounds what python-docx reads.
    """
    with zipfile.ZipFile(file) as archive:
        unpacked = sum(item.file_size for item in archive.infolist())
    file.seek(0)
    if unpacked > limit:
        raise FileTooLarge(unpacked, limit)


def _blocks(document: Any) -> Iterator[str]:
    """The text of each paragraph and each table row, in document order."""
    from docx.table import Table  # noqa: PLC0415

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            yield from _rows(item)
        else:
            yield item.text


def _rows(table: Any) -> Iterator[str]:
    for row in table.rows:
        cells: list[str] = []
        seen: list[Any] = []
        for cell in row.cells:
            if any(cell._tc is other for other in seen):  # a merged cell comes once per column it spans
                continue
            seen.append(cell._tc)
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            yield CELL_SEPARATOR.join(cells)
