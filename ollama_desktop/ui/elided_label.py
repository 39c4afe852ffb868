"""A one-line label that never cuts a word in half: too long for its room, it ends in "…" and shows
the whole text on hover."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ollama_desktop.ui.plain_text import plain_tooltip


class ElidedLabel(QLabel):
    """Plain text (server words are data), one line, elided at the right to the width it is given.

    `text()` is the whole text; what is drawn may be shorter. The tooltip is the whole text unless
    one is set (`setToolTip` keeps its own).
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""
        self._tip = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self._elide()

    def text(self) -> str:
        return self._full

    def setToolTip(self, tip: str) -> None:
        self._tip = tip
        self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 1))
        super().setText(shown)
        cut = shown != self._full
        # The text may be a server's (a model's name): a tooltip shows it as it is, never as markup.
        super().setToolTip(self._tip or (plain_tooltip(self._full) if cut else ""))
