"""A picture attached to a question, at full size (as it was sent), in a small window of its own.

Opened by clicking its thumbnail in the chat; the window fits the screen (a picture larger than it
scrolls), Esc closes it, and its title is the file's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QStyle, QVBoxLayout, QWidget

from ollama_desktop.ui.chat.attachment_view import decode_picture
from ollama_desktop.ui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from ollama_desktop.core.attachments.attachment import Attachment

# Room around the picture in the window: the layout's margins, the scroll area's frame and the Close
# button's row (and a scroll bar's width: a picture taller than the screen scrolls only up and down).
_CHROME = QSize(24, 64)
_SMALLEST = QSize(240, 160)


class ImageViewer(QDialog):
    """One picture at full size; closes on Esc or Close and is deleted when closed.

    Thread: GUI thread.
    """

    def __init__(self, attachment: Attachment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(attachment.name)  # window titles are plain text
        self.picture = QLabel()
        self.picture.setTextFormat(Qt.TextFormat.PlainText)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        image = decode_picture(attachment.data)
        if image.isNull():
            self.picture.setText(self.tr("This picture cannot be shown: its data is damaged."))
            self.picture.setWordWrap(True)
            wanted = QSize(360, 120)
        else:
            self.picture.setPixmap(QPixmap.fromImage(image))
            self.picture.setAccessibleName(attachment.name)
            wanted = image.size()
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)  # a small picture sits centred in the window
        scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        preferred = (wanted + _CHROME + QSize(bar, bar)).expandedTo(_SMALLEST)
        fit_to_screen(self, preferred)
