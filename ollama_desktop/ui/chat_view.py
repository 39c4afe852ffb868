"""The conversation as the user sees it: questions, answers streaming in, and notices."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

_USER_BACKGROUND = QColor("#eef3fb")
_ERROR_COLOR = QColor("#b3261e")
_NOTE_COLOR = QColor("#6b6b6b")


class ChatView(QTextBrowser):
    """A plain-text chat transcript: selectable, copyable, wrapped to the window.

    This is the one interface the rest of the app uses to show a chat (`add_question`,
    `begin_reply`, `append_reply`, `end_reply`, `add_error`, `clear_chat`), so a richer renderer can
    replace it. Text is only ever appended at the end, so the cost of a token does not grow with the
    length of the chat. The view follows the end while the user is at the bottom, and stays put
    when they have scrolled up to read.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # plain text: nothing to open, nothing remote to load
        self.setUndoRedoEnabled(False)  # streaming would otherwise keep every insert in memory
        self.setPlaceholderText(self.tr("Your conversation appears here."))
        self.document().setDocumentMargin(12)
        self._reply_open = False

    def add_question(self, text: str) -> None:
        self._append_block(self.tr("You"), text, background=_USER_BACKGROUND)

    def begin_reply(self, model: str) -> None:
        self._append_block(model, "")
        self._reply_open = True

    def append_reply(self, text: str) -> None:
        if not self._reply_open:
            self.begin_reply("")
        self._insert_at_end(text, QTextCharFormat())

    def end_reply(self, note: str = "") -> None:
        if note:
            fmt = QTextCharFormat()
            fmt.setForeground(_NOTE_COLOR)
            fmt.setFontPointSize(max(self.font().pointSizeF() - 1, 6))
            self._new_block(QTextBlockFormat())
            self._insert_at_end(note, fmt)
        self._reply_open = False

    def add_error(self, text: str) -> None:
        fmt = QTextCharFormat()
        fmt.setForeground(_ERROR_COLOR)
        self._new_block(QTextBlockFormat())
        self._insert_at_end(text, fmt)
        self._reply_open = False

    def clear_chat(self) -> None:
        self.clear()
        self._reply_open = False

    def reply_text(self) -> str:
        """The whole transcript as plain text (what Select All + Copy gives)."""
        return self.toPlainText()

    # -- helpers -------------------------------------------------------------------------------

    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _new_block(self, block_format: QTextBlockFormat) -> None:
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not self.document().isEmpty():
            cursor.insertBlock(block_format, QTextCharFormat())
        else:
            cursor.setBlockFormat(block_format)

    def _append_block(self, title: str, text: str, background: QColor | None = None) -> None:
        follow = self._at_bottom()
        block_format = QTextBlockFormat()
        block_format.setTopMargin(10)
        if background is not None:
            block_format.setBackground(background)
        title_format = QTextCharFormat()
        title_format.setFontWeight(QFont.Weight.Bold)
        self._new_block(block_format)
        self._insert_at_end(title, title_format, follow=False)
        body_format = QTextBlockFormat()
        if background is not None:
            body_format.setBackground(background)
        self._new_block(body_format)
        self._insert_at_end(text, QTextCharFormat(), follow=False)
        if follow:
            self._scroll_to_end()

    def _insert_at_end(self, text: str, char_format: QTextCharFormat, *, follow: bool | None = None) -> None:
        if follow is None:
            follow = self._at_bottom()
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text, char_format)
        if follow:
            self._scroll_to_end()

    def _scroll_to_end(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())
