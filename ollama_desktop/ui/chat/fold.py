"""The fold of very long answers: past FOLD_WEIGHT, an answer's oldest blocks leave the document.

`RegionFold` keeps the account of one region's finished text and takes its oldest blocks out;
`FoldQueue` runs the folds the view asks for, each in an edit of its own, keeping what the user reads
in place on the screen.
"""

from __future__ import annotations

import collections
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Slot
from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

if TYPE_CHECKING:
    from ollama_desktop.ui.chat.code_blocks import CodeStore
    from ollama_desktop.ui.chat.messages import Message
    from ollama_desktop.ui.chat.regions import Region

PARAGRAPH_SEPARATOR = "\u2029"  # between two blocks, in QTextDocument.characterAt

# An answer keeps at most this much of itself in the document ("weight": its characters, and
# FOLD_BLOCK_WEIGHT for each block); past it, its oldest finished blocks leave the document and one
# line at its top says so (the text itself stays whole: Copy, the conversation, the history). Why:
# Qt keeps ~50 bytes a displayed character and ~2 KB a block (a line of highlighted code), so a
# million-token answer took 72 MB of document. 480,000 leaves answers of ~100,000 tokens of prose
# whole, and keeps a document at ~26 MB of prose, or ~10,000 lines of code, whatever the length.
# It folds once the answer is FOLD_SLACK past the limit, not at every frame: a fold makes Qt move
# every block below it (~10 ms for 10,000 lines of code), so a flood of code lines folds a few
# times a second, each fold in an event-loop pass of its own.
FOLD_WEIGHT = 480_000
FOLD_BLOCK_WEIGHT = 40
FOLD_SLACK = 8  # a fold is due at FOLD_WEIGHT + FOLD_WEIGHT // FOLD_SLACK


class RegionFold:
    """The finished text a region shows, unit by unit, and its removal from the top.

    Thread: GUI thread.
    """

    def __init__(
        self, document: QTextDocument, start: int, codes: CodeStore, margins: tuple[float, float]
    ) -> None:
        self._document = document
        self._codes = codes
        self._margins = margins
        # Where the region starts (its first shown block, or the fold line once there is one), and
        # each unit of finished text shown: (document characters, weight, UTF-8 bytes of its source,
        # the number of the next Copy link made after it). A unit starts with a block break but for
        # the first, so that removing units leaves whole blocks.
        self._start = QTextCursor(document)
        self._start.setPosition(start)
        self._start.setKeepPositionOnInsert(True)
        self._units: collections.deque[tuple[int, int, int, int]] = collections.deque()
        self._weight = 0
        self.folded_bytes = 0
        self._folded_before = False
        self._links_from = codes.next_number  # the Copy links of code in the units from here
        self._limit = FOLD_WEIGHT  # read now: tests set it

    def note_unit(self, position: int, cursor: QTextCursor, block: int, text: str) -> None:
        """Count a piece just written for good from `position` to `cursor`."""
        length = cursor.position() - position
        if not length:
            return
        weight = length + FOLD_BLOCK_WEIGHT * (cursor.blockNumber() - block)
        size = len(text.encode("utf-8", "replace"))  # lone surrogates count, never raise
        if self._units and self._document.characterAt(position) != PARAGRAPH_SEPARATOR:
            # Written into the block the last piece left open: it leaves the document with it.
            last_length, last_weight, last_size, _links = self._units.pop()
            self._weight -= last_weight
            length, weight, size = length + last_length, weight + last_weight, size + last_size
        self._units.append((length, weight, size, self._codes.next_number))
        self._weight += weight

    @property
    def due(self) -> bool:
        """Whether more than the fold limit is shown (see FOLD_WEIGHT): `fold` would remove some."""
        return self._weight > self._limit + self._limit // FOLD_SLACK and len(self._units) > 1

    def fold(self, note: Callable[[int], str], note_format: QTextCharFormat) -> None:
        """Take the oldest finished blocks out of the document until at most the fold limit is shown
        (the newest unit always stays); the line at the top (`note` of the bytes not shown) says so."""
        length = 0
        links = self._links_from
        while self._weight > self._limit and len(self._units) > 1:
            unit_length, weight, size, links = self._units.popleft()
            length += unit_length
            self._weight -= weight
            self.folded_bytes += size
        if not length:
            return
        # Their code's Copy links leave with them: the code is not kept twice (Copy of the
        # answer copies all of it).
        self._codes.drop(range(self._links_from, links))
        self._links_from = links
        cursor = QTextCursor(self._document)
        start = self._start.position()
        first = self._start.block()
        if self._folded_before:
            # From the end of the fold line: the removed units each start with a block break, so
            # the next one's break ends up right after the line.
            start = first.position() + first.length() - 1
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        # The fold line: the first block, emptied (the first unit starts at the region's start).
        cursor.setPosition(self._start.position())
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        if not self._folded_before:
            block = QTextBlockFormat()
            block.setLeftMargin(self._margins[0])
            block.setRightMargin(self._margins[1])
            block.setBottomMargin(6)
            cursor.setBlockFormat(block)
            cursor.setBlockCharFormat(note_format)
            self._folded_before = True
        cursor.insertText(note(self.folded_bytes), note_format)


class FoldQueue(QObject):
    """Folds regions in an edit of their own, just after the edit that made them too long: in the
    same edit as a frame's new text, Qt lays out everything from the folded blocks to the end again
    (~40 ms for a folded answer's 450,000 characters); alone, only where they were (~1 ms).

    `in_one_edit(change)` runs `change` as one edit of the view; `in_place(change)` keeps what the
    user reads where it is on the screen while `change` runs; `shown(message, region)` says whether
    the region is still in the chat.

    Thread: GUI thread.
    """

    def __init__(
        self,
        in_one_edit: Callable[[Callable[[], None]], None],
        in_place: Callable[[Callable[[], None]], None],
        shown: Callable[[Message, Region], bool],
        note_format: Callable[[], QTextCharFormat],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._in_one_edit = in_one_edit
        self._in_place = in_place
        self._shown = shown
        self._note_format = note_format
        self._folds: list[tuple[Message, Region, Callable[[int], str]]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._fold_due)

    @property
    def pending(self) -> bool:
        return bool(self._folds)

    def later(self, message: Message, region: Region, note: Callable[[int], str]) -> None:
        """Fold `region` (see FOLD_WEIGHT) just after this edit, if it is due."""
        if region.fold_due and all(region is not due for _, due, _ in self._folds):
            self._folds.append((message, region, note))
            self._timer.start()

    def clear(self) -> None:
        self._timer.stop()
        self._folds = []

    @Slot()
    def _fold_due(self) -> None:
        folds, self._folds = self._folds, []

        def fold_all() -> None:
            for message, region, note in folds:
                if self._shown(message, region) and region.fold_due:  # else: gone from the chat meanwhile
                    self._in_place(functools.partial(region.fold, note, self._note_format()))

        self._in_one_edit(fold_all)


def answer_fold_note(locale: QLocale, size: int) -> str:
    return QCoreApplication.translate(
        "ChatView",
        "The beginning of this long answer ({size}) is not shown here, to keep the app responsive."
        " Copy the answer or export the chat to read all of it.",
    ).format(size=_data_size(locale, size))


def thinking_fold_note(locale: QLocale, size: int) -> str:
    return QCoreApplication.translate(
        "ChatView",
        "The beginning of this long reasoning ({size}) is not shown here, to keep the app responsive.",
    ).format(size=_data_size(locale, size))


def _data_size(locale: QLocale, size: int) -> str:
    return locale.formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
