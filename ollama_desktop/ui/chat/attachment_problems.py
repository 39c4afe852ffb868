"""What the app says when a file cannot be attached: one plain sentence per kind of problem."""

from __future__ import annotations

from PySide6.QtCore import QObject

from ollama_desktop.core.attachments.files import (
    DamagedFile,
    FileMissing,
    FileTooLarge,
    NotAFile,
    NoTextLayer,
    PasswordProtected,
    UnsupportedFile,
)
from ollama_desktop.ui.locale_format import size_text


class AttachmentWords(QObject):
    """Words about attachments that have plural forms (read by lupdate only in a QObject's `tr`)."""

    def pages(self, count: int) -> str:
        return self.tr("%n pages", "", count)

    def tokens(self, count: int) -> str:
        """ "~1,200 tokens" """
        return self.tr("~%Ln tokens", "", count)

    def problem(self, name: str, error: Exception) -> str:
        """Why the file `name` was not attached, and what to do, in the user's words.

        The file's name is data: callers show the sentence as plain text.
        """
        if isinstance(error, NotAFile):
            text = self.tr("“{name}” is a folder, not a file: attach the files in it instead.")
        elif isinstance(error, FileMissing):
            text = self.tr("“{name}” is no longer there: it was moved or deleted before it could be read.")
        elif isinstance(error, FileTooLarge) and error.size <= 0:
            text = self.tr("“{name}” is empty: there is nothing in it to send.")
        elif isinstance(error, FileTooLarge):
            return self.tr("“{name}” is too large to attach ({size}; at most {limit}).").format(
                name=name, size=size_text(error.size), limit=size_text(error.limit)
            )
        elif isinstance(error, NoTextLayer):
            text = self.tr(
                "“{name}” has no text to read: it looks like a scan. Attach its pages as pictures, or a "
                "copy with text (most scanners can make one).",
            )
        elif isinstance(error, PasswordProtected):
            text = self.tr("“{name}” is protected by a password: save a copy without one and attach that.")
        elif isinstance(error, DamagedFile):
            text = self.tr("“{name}” could not be read: the file seems damaged.")
        elif isinstance(error, UnsupportedFile):
            text = self.tr(
                "“{name}” cannot be attached: the app takes pictures (PNG, JPEG, WebP, GIF), PDF, Word "
                "documents and text files.",
            )
        else:
            text = self.tr("“{name}” could not be read: check that the app may open it.")
        return text.format(name=name)


def attachment_problem(name: str, error: Exception) -> str:
    """Why the file `name` was not attached, in the user's words (see `AttachmentWords.problem`)."""
    return AttachmentWords().problem(name, error)
