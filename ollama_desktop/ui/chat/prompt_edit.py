"""The box the user types questions into."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


def local_files(mime: QMimeData) -> list[str]:
    """The files on this computer that `mime` carries (a drop or a paste of files), else []: any
    link that is not a local file (a web address) makes it text, as it always was."""
    urls = mime.urls() if mime.hasUrls() else []
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [url.toLocalFile() for url in urls]


def pasted_picture(mime: QMimeData) -> QImage | None:
    """The picture that `mime` carries without text (a screenshot, a copied image), else None.

    A copy from a spreadsheet or a word processor carries a picture of the cells beside their text:
    that is text, and is pasted as text.
    """
    if not mime.hasImage() or (mime.hasText() and mime.text().strip()):
        return None
    image = mime.imageData()
    return image if isinstance(image, QImage) and not image.isNull() else None


class PromptEdit(QPlainTextEdit):
    """Enter sends, Shift+Enter starts a new line.

    Enter while an input method is composing (Chinese, Japanese, Korean) commits the composition
    and does not send: some input methods deliver that Enter as a key press while the preedit text
    is still showing, so the preedit text is tracked here. Chinese and Japanese input methods
    usually take that Enter themselves (it picks the candidate or commits the letters typed); Korean
    ones commit the last syllable and then pass the Enter on, so with them one Enter sends the
    whole message, last syllable included (hermes-webui #7348 made Korean users press it twice).

    Files pasted or dropped here, and a pasted picture, are handed over to be attached
    (`files_pasted`, `picture_pasted`) instead of going into the text; text pastes as text.
    """

    submitted = Signal(str)
    # Pasted or dropped here: files and pictures are attached, not inserted as text.
    files_pasted = Signal(list)  # local paths
    picture_pasted = Signal(QImage)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Ask anything… (Enter to send, Shift+Enter for a new line)"))
        self.setTabChangesFocus(True)
        self._preedit = ""

    @property
    def composing(self) -> bool:
        """Whether an input method is showing text it has not committed yet."""
        return bool(self._preedit)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        self._preedit = event.preeditString()
        super().inputMethodEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.composing:
            event.accept()
            self._commit_preedit()
            return
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            event.accept()
            self.submitted.emit(self.toPlainText())
            return
        super().keyPressEvent(event)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        # Asked at every move of a drag: hasImage() only looks at the formats, imageData() would
        # fetch and decode the picture each time (insertFromMimeData does, once).
        return bool(local_files(source)) or source.hasImage() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Files and pictures go to the attachments (`files_pasted`, `picture_pasted`); text is
        pasted as text."""
        paths = local_files(source)
        if paths:
            self.files_pasted.emit(paths)
            return
        picture = pasted_picture(source)
        if picture is not None:
            self.picture_pasted.emit(picture)
            return
        super().insertFromMimeData(source)

    def _commit_preedit(self) -> None:
        """Keep the text being composed, as typed, and end the composition."""
        # The platform's input method commits its own preedit (an inputMethodEvent arrives here).
        QGuiApplication.inputMethod().commit()
        if self.composing:  # no input method took it (none running, or it ignores commit())
            commit = QInputMethodEvent()
            commit.setCommitString(self._preedit)
            self.inputMethodEvent(commit)
            QGuiApplication.inputMethod().reset()

    def restore(self, text: str) -> None:
        """Put a question back that got no answer, unless the user already typed something new.

        It comes back selected: typing replaces it instead of gluing onto it, and the arrow keys
        or a click keep it for editing (Ctrl+Z brings it back after typing over it).
        """
        if not self.toPlainText().strip():
            self.setPlainText(text)
            self.selectAll()
