"""A picture attached to a question, as large as the screen allows, in a small window of its own.

Opened by clicking its thumbnail in the chat. The window fits the screen's free area, frame
included; a picture larger than that is scaled down to fit (its proportions kept; a small one is
never enlarged), so nothing scrolls. Esc closes it, and its title is the file's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ollama_desktop.ui.chat.attachment_view import decode_picture
from ollama_desktop.ui.screen_fit import WINDOW_FRAME, fit_to_screen

if TYPE_CHECKING:
    from ollama_desktop.core.attachments.attachment import Attachment

_SMALLEST = QSize(240, 160)
_DAMAGED = QSize(360, 120)


def shown_size(picture: QSize, room: QSize) -> QSize:
    """The size to show a `picture` at in `room`: scaled down to fit, its proportions kept, never
    enlarged.

    >>> shown_size(QSize(1120, 840), QSize(1310, 620)), shown_size(QSize(400, 300), QSize(1310, 620))
    (PySide6.QtCore.QSize(826, 620), PySide6.QtCore.QSize(400, 300))
    """
    if picture.width() <= room.width() and picture.height() <= room.height():
        return QSize(picture)
    scaled = picture.scaled(room.expandedTo(QSize(1, 1)), Qt.AspectRatioMode.KeepAspectRatio)
    return scaled.expandedTo(QSize(1, 1))


def picture_room(available: QSize, chrome: QSize) -> QSize:
    """The room for the picture in a window that fits `available` (a screen's free area) with its
    frame, `chrome` being the window's own room around the picture (margins, the Close button)."""
    return (available - WINDOW_FRAME - chrome).expandedTo(QSize(1, 1))


class ImageViewer(QDialog):
    """One picture, fitted to the screen; closes on Esc or Close and is deleted when closed.

    `available` is the screen's free area to fit (by default that of the screen it opens on).

    Thread: GUI thread.
    """

    def __init__(
        self, attachment: Attachment, parent: QWidget | None = None, available: QSize | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(attachment.name)  # window titles are plain text
        self.picture = QLabel()
        self.picture.setTextFormat(Qt.TextFormat.PlainText)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        # Some styles give it a dark "X" icon, unreadable on a dark button: the word says it all.
        self.close_button.setIcon(QIcon())
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(buttons)
        if available is None:
            screen = (parent or self).screen()
            available = screen.availableGeometry().size() if screen is not None else QSize(1366, 728)
        margins = layout.contentsMargins()
        chrome = QSize(
            margins.left() + margins.right(),
            margins.top() + margins.bottom() + layout.spacing() + buttons.sizeHint().height(),
        )
        image = decode_picture(attachment.data)
        if image.isNull():
            self.picture.setText(self.tr("This picture cannot be shown: its data is damaged."))
            self.picture.setWordWrap(True)
            wanted = _DAMAGED
        else:
            wanted = shown_size(image.size(), picture_room(available, chrome))
            if wanted != image.size():
                # Sharp on a high-density screen: as many of the picture's pixels as it has.
                pixels = (wanted * self.devicePixelRatioF()).boundedTo(image.size())
                image = image.scaled(
                    pixels, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(image.width() / wanted.width())
            self.picture.setPixmap(pixmap)
            self.picture.setAccessibleName(attachment.name)
        preferred = (wanted + chrome).expandedTo(_SMALLEST)
        fit_to_screen(self, preferred, QRect(QPoint(0, 0), available))
