"""The box the user types questions into."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class PromptEdit(QPlainTextEdit):
    """Enter sends, Shift+Enter starts a new line.

    Enter while an input method is composing (Chinese, Japanese, Korean) commits the composition
    and does not send: some input methods deliver that Enter as a key press while the preedit text
    is still showing, so the preedit state is tracked here.
    """

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Ask anything… (Enter to send, Shift+Enter for a new line)"))
        self.setTabChangesFocus(True)
        self._composing = False

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        self._composing = bool(event.preeditString())
        super().inputMethodEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not self._composing and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            event.accept()
            self.submitted.emit(self.toPlainText())
            return
        super().keyPressEvent(event)

    def restore(self, text: str) -> None:
        """Put a question back that got no answer, unless the user already typed something new."""
        if not self.toPlainText().strip():
            self.setPlainText(text)
            self.moveCursor(self.textCursor().MoveOperation.End)
