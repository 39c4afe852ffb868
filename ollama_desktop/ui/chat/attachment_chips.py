"""The chips above the prompt, in lines that wrap: one per attached file, with its picture or kind,
its name, size and estimated tokens, "Reading…" while it is read, and × to take it out again."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImageReader, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ollama_desktop.controllers.attachments import Pending, State
from ollama_desktop.core.attachments.attachment import Attachment
from ollama_desktop.ui.chat.attachment_problems import AttachmentWords
from ollama_desktop.ui.flow_layout import FlowLayout
from ollama_desktop.ui.icons import icon
from ollama_desktop.ui.locale_format import size_text
from ollama_desktop.ui.plain_text import plain_tooltip

THUMB_SIDE = 36
# A longer name is elided (the whole name shows on hover): four chips side by side fit the composer.
NAME_WIDTH = 130
REMOVE_ICON = 14
REMOVE_SIDE = 18
# A file being read shows the icon of its kind by its name: a picture's, or a document's.
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif")


def thumbnail(data: bytes, side: int, scale: float = 1.0) -> QPixmap:
    """A square thumbnail of the picture in `data`, `side` pixels (times the screen's `scale`),
    cut from its middle; decoded already small (a JPEG decodes at 1/8 for a fraction of the cost).

    GUI thread (a QPixmap); the pictures sent are at most 1,120 pixels, and at most ten show.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    pixels = max(1, round(side * scale))
    if size.isValid() and size.width() > 0 and size.height() > 0:
        factor = pixels / min(size.width(), size.height())
        if factor < 1:
            reader.setScaledSize(
                QSize(max(1, round(size.width() * factor)), max(1, round(size.height() * factor)))
            )
    image = reader.read()
    buffer.close()
    if image.isNull():
        return QPixmap()
    image = image.scaled(
        pixels,
        pixels,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    left = (image.width() - pixels) // 2
    top = (image.height() - pixels) // 2
    pixmap = QPixmap.fromImage(image.copy(QRect(left, top, pixels, pixels)))
    pixmap.setDevicePixelRatio(scale)
    return pixmap


def looks_like_picture(name: str) -> bool:
    """Whether a file's name says it is a picture (its icon while it is read).

    >>> looks_like_picture("Photo.JPG"), looks_like_picture("notes.txt"), looks_like_picture("png")
    (True, False, False)
    """
    return name.lower().endswith(PICTURE_SUFFIXES)


class AttachmentChip(QFrame):
    """One file: its picture (or an icon of its kind), its name, "12 KB · ~340 tokens", and ×.

    Thread: GUI thread.
    """

    remove_requested = Signal(str)  # the item's id

    def __init__(self, item: Pending, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentChip")
        self.item_id = item.id
        self._item = item
        self._shown: tuple[object, ...] | None = None
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.icon_label = QLabel(self)
        self.icon_label.setFixedSize(THUMB_SIDE, THUMB_SIDE)
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name_label = QLabel(self)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)  # a file's name is data, never markup
        self.detail_label = QLabel(self)
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        font = self.detail_label.font()
        font.setPointSizeF(max(font.pointSizeF() - 1, 7.0))
        self.detail_label.setFont(font)
        # Room for the usual details from the start: the chip keeps its width when "Reading…" makes
        # way for them, and the chips do not move about as files are read.
        usual = f"{size_text(999_000)} · {AttachmentWords().tokens(9_999)}"
        self.detail_label.setMinimumWidth(self.detail_label.fontMetrics().horizontalAdvance(usual))
        self.remove_button = QToolButton(self)
        self.remove_button.setAutoRaise(True)
        self.remove_button.setIconSize(QSize(REMOVE_ICON, REMOVE_ICON))
        self.remove_button.setFixedSize(REMOVE_SIDE, REMOVE_SIDE)
        self.remove_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.item_id))
        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        texts.setSpacing(0)
        texts.addWidget(self.name_label)
        texts.addWidget(self.detail_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 2, 4)
        layout.setSpacing(6)
        layout.addWidget(self.icon_label)
        layout.addLayout(texts)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._shown = None
        self._restyle()
        self.show_item(item)

    @property
    def reading(self) -> bool:
        return self._item.state is State.READING

    def show_item(self, item: Pending) -> None:
        """Show `item` as it is now (the same file, read or still reading)."""
        self._item = item
        attachment = item.attachment
        shown = (item.name, item.size, item.state, attachment and attachment.tokens)
        if shown == self._shown:
            return
        self._shown = shown
        name = item.name
        metrics = self.name_label.fontMetrics()
        self.name_label.setText(metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, NAME_WIDTH))
        self.name_label.setToolTip(plain_tooltip(name))  # tooltips may be rich text
        self.remove_button.setAccessibleName(self.tr("Remove {name}").format(name=name))
        self.remove_button.setToolTip(self.tr("Remove"))
        self.setAccessibleName(name)
        if attachment is None:
            self.detail_label.setText(self.tr("Reading…"))
        else:
            self.detail_label.setText(self.details(attachment))
        self.setToolTip(plain_tooltip(self._tooltip(name, attachment)))
        self._show_picture(attachment)

    def details(self, attachment: Attachment) -> str:
        """ "12 KB · ~340 tokens" """
        tokens = AttachmentWords().tokens(attachment.tokens)
        return f"{size_text(attachment.size)} · {tokens}"

    def _tooltip(self, name: str, attachment: Attachment | None) -> str:
        if attachment is None:
            return self.tr("{name}: being read…").format(name=name)
        lines = [name]
        if attachment.is_image:
            lines.append(
                self.tr("Picture sent at {width} × {height} pixels").format(
                    width=attachment.width, height=attachment.height
                )
            )
        elif attachment.pages:
            lines.append(AttachmentWords().pages(attachment.pages))
        if attachment.truncated:
            lines.append(self.tr("Long document: only its start is sent."))
        return "\n".join(lines)

    def _show_picture(self, attachment: Attachment | None) -> None:
        if attachment is not None and attachment.is_image and attachment.data:
            pixmap = thumbnail(attachment.data, THUMB_SIDE, self.devicePixelRatioF())
            if not pixmap.isNull():
                self.icon_label.setPixmap(pixmap)
                return
        if attachment is None:
            name = "image" if looks_like_picture(self._item.name) else "file"
        else:
            name = "image" if attachment.is_image else "file-text"
        self.icon_label.setPixmap(icon(name, self.palette(), 20).pixmap(20, 20))

    def _restyle(self) -> None:
        """The icons in the palette's colours (the frame is painted in them: see paintEvent)."""
        self.remove_button.setIcon(icon("x", self.palette(), REMOVE_ICON))
        if self._shown is not None:
            self._show_picture(self._item.attachment)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Painted rather than styled: a style sheet would fix the palette of the chip and its labels,
        # and a switch to dark would leave dark text on a dark chip.
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        super().changeEvent(event)


class AttachmentChips(QWidget):
    """The chips left to right, wrapping onto more lines at the composer's width (nothing scrolls
    sideways: every chip shows); hidden while there are none.

    Thread: GUI thread.
    """

    remove_requested = Signal(str)  # the item's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = FlowLayout(self, spacing=6)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.chips: dict[str, AttachmentChip] = {}
        self.setVisible(False)

    def show_items(self, items: Sequence[Pending]) -> None:
        """Show these items, in this order: chips are kept for items already shown (their
        thumbnails are not made again), made for new ones, and dropped for those gone."""
        wanted = {item.id for item in items}
        for item_id in [key for key in self.chips if key not in wanted]:
            gone = self.chips.pop(item_id)
            self._row.removeWidget(gone)
            gone.hide()
            gone.deleteLater()
        for index, item in enumerate(items):
            chip = self.chips.get(item.id)
            if chip is None:
                chip = AttachmentChip(item)
                chip.remove_requested.connect(self.remove_requested)
                self.chips[item.id] = chip
                self._row.addWidget(chip)
            else:
                chip.show_item(item)
            self._row.move_widget(chip, index)
        self.setVisible(bool(items))
        self.updateGeometry()

    def chip_named(self, name: str) -> AttachmentChip | None:
        return next((chip for chip in self.chips.values() if chip.accessibleName() == name), None)
