"""What the app says about a file it could not attach (issue #20)."""

from __future__ import annotations

import pytest

from ollama_desktop.core.attachments.files import (
    DamagedFile,
    FileMissing,
    FileTooLarge,
    FileUnreadable,
    NotAFile,
    NoTextLayer,
    PasswordProtected,
    UnsupportedFile,
)
from ollama_desktop.ui.chat.attachment_problems import attachment_problem


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (NotAFile("x"), "“Reports” is a folder, not a file"),
        (FileMissing("x"), "“Reports” is no longer there"),
        (
            FileTooLarge(2_147_483_648, 50 * 1024**2),
            "“Reports” is too large to attach (2.1 GB; at most 52 MB).",
        ),
        (FileTooLarge(0, 100), "“Reports” is empty"),
        (NoTextLayer("x"), "it looks like a scan"),
        (PasswordProtected("x"), "protected by a password"),
        (DamagedFile("x"), "the file seems damaged"),
        (UnsupportedFile("x"), "the app takes pictures (PNG, JPEG, WebP, GIF), PDF, Word documents"),
        (FileUnreadable("x"), "could not be read: check that the app may open it"),
    ],
)
def test_each_problem_in_words(error: Exception, words: str) -> None:
    assert words in attachment_problem("Reports", error)
