"""The words of a search of the saved chats, marked wherever they stand in the chat shown.

`match_pattern` is how the app finds a search's words in a text (the list's snippets too): each word
anywhere, inside longer words as well (Chinese, Japanese and Korean are written without spaces), with
the case of letters ignored ("blue" finds "Blue" and "BLUE", "été" finds "ÉTÉ").

`SearchMarks` keeps the matches marked in a QTextEdit as extra selections (the document itself is
never changed, so copying, saving and the next frame of an answer are unaffected). Text that goes
in later (an opened chat's older messages, an answer rendered in passes) is looked through too,
only where it changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from ollama_desktop.ui.chat.theme import CHROME_PROPERTY

# Black on amber: readable on the light and the dark chat alike, and unlike the selection's colour.
MARK_BACKGROUND = QColor("#ffd54f")
MARK_TEXT = QColor("#000000")


def match_pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    """A pattern finding any of `words` (longest first, so "sky" and "skyline" mark "skyline").

    >>> [m.group() for m in match_pattern(["blue", "天空"]).finditer("Why is the sky BLUE? 天空很蓝")]
    ['BLUE', '天空']
    >>> match_pattern(["  "]) is None
    True
    """
    unique = sorted({word for word in (w.strip() for w in words) if word}, key=len, reverse=True)
    if not unique:
        return None
    return re.compile("|".join(re.escape(word) for word in unique), re.IGNORECASE)


def _utf16_offsets(text: str) -> list[int] | None:
    """Qt's position of each character of `text` (UTF-16 units), or None when they are the same."""
    if text.isascii() or max(text) <= "\uffff":
        return None
    offsets, at = [], 0
    for char in text:
        offsets.append(at)
        at += 2 if char > "\uffff" else 1
    offsets.append(at)
    return offsets


class SearchMarks(QObject):
    """The marks of a search's words in `view` (a QTextEdit); `mark(words)` sets them, `mark(())` clears.

    Text the view marks as its own (names, notes, Copy links: `CHROME_PROPERTY`) is not marked.

    Thread: GUI thread.
    """

    def __init__(self, view: QTextEdit) -> None:
        super().__init__(view)
        self._view = view
        self._pattern: re.Pattern[str] | None = None
        self._marks: list[QTextEdit.ExtraSelection] = []
        self._dirty: tuple[int, int] | None = None
        self._format = QTextCharFormat()
        self._format.setBackground(MARK_BACKGROUND)
        self._format.setForeground(MARK_TEXT)
        self._rescan_timer = QTimer(self)
        self._rescan_timer.setSingleShot(True)
        self._rescan_timer.setInterval(0)
        self._rescan_timer.timeout.connect(self._rescan)
        view.document().contentsChange.connect(self._on_contents_change)

    def mark(self, words: Sequence[str]) -> int:
        """Mark every match of `words` in the document and scroll to the first; how many there are."""
        self._pattern = match_pattern(words)
        self._dirty = None
        self._rescan_timer.stop()
        document = self._view.document()
        self._marks = self._find(document.begin(), QTextBlock()) if self._pattern is not None else []
        self._view.setExtraSelections(self._marks)
        if self._marks:
            self._scroll_to(self._marks[0].cursor)
        return len(self._marks)

    def clear(self) -> None:
        self.mark(())

    # -- internals ---------------------------------------------------------------------------------

    def _find(self, block: QTextBlock, stop: QTextBlock) -> list[QTextEdit.ExtraSelection]:
        """The matches in the blocks from `block` up to `stop` (not included; invalid: to the end)."""
        pattern = self._pattern
        found: list[QTextEdit.ExtraSelection] = []
        if pattern is None:
            return found
        document = self._view.document()
        while block.isValid() and block != stop:
            text = block.text()
            matches = list(pattern.finditer(text)) if text else []
            if matches:
                offsets = _utf16_offsets(text)
                base = block.position()
                for match in matches:
                    start, end = match.span()
                    if offsets is not None:
                        start, end = offsets[start], offsets[end]
                    cursor = QTextCursor(document)
                    cursor.setPosition(base + start)
                    cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
                    if cursor.charFormat().boolProperty(CHROME_PROPERTY):
                        continue  # the format of the text just before the cursor's end: the match's
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor = cursor
                    selection.format = self._format
                    found.append(selection)
            block = block.next()
        return found

    @Slot(int, int, int)
    def _on_contents_change(self, position: int, _removed: int, added: int) -> None:
        if self._pattern is None:
            return
        start, end = position, position + added
        if self._dirty is not None:
            start, end = min(start, self._dirty[0]), max(end, self._dirty[1])
        self._dirty = (start, end)
        self._rescan_timer.start()

    @Slot()
    def _rescan(self) -> None:
        """Look again through the blocks that changed; the marks elsewhere moved with their text."""
        if self._pattern is None or self._dirty is None:
            return
        document = self._view.document()
        start, end = self._dirty
        self._dirty = None
        first = document.findBlock(max(start, 0))
        if not first.isValid():
            first = document.lastBlock()
        last = document.findBlock(min(end, max(document.characterCount() - 1, 0)))
        stop = last.next() if last.isValid() else QTextBlock()
        low = first.position()
        high = stop.position() if stop.isValid() else document.characterCount()
        kept = [
            mark
            for mark in self._marks
            if mark.cursor.hasSelection() and not low <= mark.cursor.selectionStart() < high
        ]
        fresh = self._find(first, stop)
        self._marks = sorted(kept + fresh, key=lambda mark: mark.cursor.selectionStart())
        self._view.setExtraSelections(self._marks)

    def _scroll_to(self, cursor: QTextCursor) -> None:
        """Bring the match into view, a third of the way down (the view stops following the end)."""
        view = self._view
        top = view.cursorRect(cursor).top()
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + top - view.viewport().height() // 3)
