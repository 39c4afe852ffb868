"""Pasting and dragging into the prompt (issue #20): a picture is not decoded to answer a drag."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QImage

from ollama_desktop.ui.chat.prompt_edit import PromptEdit

IMAGE_FORMAT = "application/x-qt-image"


class CountingMime(QMimeData):
    """A picture from another program: its data is fetched (and decoded) only when asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched = 0

    def formats(self) -> list[str]:
        return [IMAGE_FORMAT]

    def hasFormat(self, mimetype: str) -> bool:
        return mimetype == IMAGE_FORMAT

    def retrieveData(self, mimetype: str, preferred: Any) -> Any:
        self.fetched += 1
        image = QImage(40, 30, QImage.Format.Format_RGB32)
        image.fill(0xFF8800)
        return image


def test_a_picture_dragged_over_the_prompt_is_taken_without_being_decoded(qtbot) -> None:  # type: ignore[no-untyped-def]
    prompt = PromptEdit()
    qtbot.addWidget(prompt)
    mime = CountingMime()
    for _move in range(3):  # asked at every move of a drag
        assert prompt.canInsertFromMimeData(mime)
    assert mime.fetched == 0
    with qtbot.waitSignal(prompt.picture_pasted) as pasted:
        prompt.insertFromMimeData(mime)  # the drop (or the paste) decodes it, once
    assert pasted.args[0].size().width() == 40
    assert mime.fetched == 1
