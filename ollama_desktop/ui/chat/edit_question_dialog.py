"""Edit one of the chat's questions and ask it again."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ollama_desktop.core.history.store import title_from


class EditQuestionDialog(QDialog):
    """Pick a question (the last one first), change it, Send. What followed it is replaced.

    Args:
        questions: the chat's questions, first to last.
        keeps_versions: whether the replaced messages stay available (the history is saving).
    """

    def __init__(self, questions: Sequence[str], keeps_versions: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit a question"))
        self._questions = list(questions)
        self.picker = QComboBox()
        for number, question in enumerate(self._questions, start=1):
            self.picker.addItem(self.tr("{number}. {text}").format(number=number, text=title_from(question)))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        if keeps_versions:
            note = self.tr(
                "The answer to this question, and everything after it, is replaced by the new answer. "
                "The earlier version is kept: the arrows under the chat switch back to it."
            )
        else:
            note = self.tr(
                "The answer to this question, and everything after it, is replaced by the new answer."
            )
        explanation = QLabel(note)
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = buttons.addButton(self.tr("Send"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Question:"), self.picker)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(explanation)
        layout.addWidget(buttons)
        self.picker.currentIndexChanged.connect(self._on_question_picked)
        self.text.textChanged.connect(self._on_text_changed)
        self.picker.setCurrentIndex(len(self._questions) - 1)
        self._on_question_picked(self.picker.currentIndex())
        self.resize(560, 320)

    def _on_question_picked(self, index: int) -> None:
        if 0 <= index < len(self._questions):
            self.text.setPlainText(self._questions[index])
            self.text.setFocus()

    def _on_text_changed(self) -> None:
        self.send_button.setEnabled(bool(self.text.toPlainText().strip()))

    def choice(self) -> tuple[int, str]:
        """The number of the question (from 0) and its new text."""
        return self.picker.currentIndex(), self.text.toPlainText()

    @classmethod
    def ask(
        cls, questions: Sequence[str], keeps_versions: bool, parent: QWidget | None
    ) -> tuple[int, str] | None:
        """Show the dialog; the choice, or None if cancelled. Tests replace this."""
        dialog = cls(questions, keeps_versions, parent)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
