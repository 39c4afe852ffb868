"""A question's attachments in the chat: a thumbnail of each picture, a line for each document.

They go into the question's bubble above its text, as blocks of the chat's one document (see
messages): the pictures side by side in one block, then one plain line per document. The names are
data, written as text, never as markup. All of it is the view's own (CHROME_PROPERTY): a copied
selection and the search marks leave it out, as they do names and notes.

A thumbnail is made once per attachment (at most THUMBNAIL_SIDE pixels on its longer side, straight
from the bytes the question sent) and added to the document as an image resource: the document never
holds a picture at full size, whatever the length of the chat, and nothing is ever loaded from
anywhere (the view's loadResource refuses everything). Clicking a thumbnail opens the picture as sent
in an ImageViewer.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QImageReader,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import QTextBrowser

from ollama_desktop.ui.chat.attachment_problems import AttachmentWords
from ollama_desktop.ui.chat.code_blocks import COMMAND_SCHEME
from ollama_desktop.ui.chat.theme import CHROME_PROPERTY, ChatTheme
from ollama_desktop.ui.icons import icon
from ollama_desktop.ui.plain_text import plain_tooltip

if TYPE_CHECKING:
    from ollama_desktop.core.attachments.attachment import Attachment
    from ollama_desktop.ui.chat.messages import MessageBlocks

# The longer side of a thumbnail, in the chat's pixels: two or three side by side fit a question's
# bubble in the narrowest window, and a picture is still recognisable.
THUMBNAIL_SIDE = 160
THUMBNAIL_RADIUS = 6.0
# Thumbnails made, kept for when the same chat is shown again (a question edited, the chat reopened):
# ~100 KB each at most, so a few MB in all.
KEPT_THUMBNAILS = 64
PICTURE_COMMAND = "picture"  # the link of a thumbnail: f"{COMMAND_SCHEME}:picture/{number}"
# The icons before a document's line (and a picture that cannot be shown), as in the composer's chips:
# drawn, not emoji, which many Linux desktops have no font for.
DOCUMENT_ICON = "file-text"
PICTURE_ICON = "image"


def thumbnail_size(width: int, height: int, side: int = THUMBNAIL_SIDE) -> QSize:
    """A picture's size scaled to fit `side` on its longer side (never made larger).

    >>> thumbnail_size(1120, 840), thumbnail_size(40, 30), thumbnail_size(90, 2000)
    (PySide6.QtCore.QSize(160, 120), PySide6.QtCore.QSize(40, 30), PySide6.QtCore.QSize(7, 160))
    """
    size = QSize(max(width, 1), max(height, 1))
    if size.width() <= side and size.height() <= side:
        return size
    scaled = size.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio)
    return QSize(max(scaled.width(), 1), max(scaled.height(), 1))


def decode_picture(data: bytes, scaled: QSize | None = None) -> QImage:
    """The picture in `data` (PNG, JPEG, ...), at `scaled` size if given (a JPEG is then decoded at
    that size, not at full size first); a null image if it cannot be read."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    if scaled is not None:
        reader.setScaledSize(scaled)
    image = reader.read()
    buffer.close()
    return image


def make_thumbnail(data: bytes, border: QColor, ratio: float = 1.0) -> QImage | None:
    """A thumbnail of the picture in `data` with rounded corners and a thin `border`, at
    `ratio` device pixels a pixel; None if the picture cannot be read."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    full = QImageReader(buffer).size()
    buffer.close()
    if not full.isValid():
        return None
    size = thumbnail_size(full.width(), full.height())
    pixels = QSize(max(round(size.width() * ratio), 1), max(round(size.height() * ratio), 1))
    image = decode_picture(data, pixels)
    if image.isNull():
        return None
    thumbnail = QImage(pixels, QImage.Format.Format_ARGB32_Premultiplied)
    thumbnail.fill(Qt.GlobalColor.transparent)
    painter = QPainter(thumbnail)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setBrush(QBrush(image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)))
    painter.setPen(QPen(border, ratio))
    inset = ratio / 2
    area = QRectF(inset, inset, pixels.width() - ratio, pixels.height() - ratio)
    painter.drawRoundedRect(area, THUMBNAIL_RADIUS * ratio, THUMBNAIL_RADIUS * ratio)
    painter.end()
    thumbnail.setDevicePixelRatio(ratio)
    return thumbnail


def document_line(attachment: Attachment) -> str:
    """A document's line in its question: "report.pdf · 12 pages · ~3,400 tokens" (plain text; its
    icon goes before it)."""
    parts = [attachment.name]
    if attachment.pages:
        parts.append(AttachmentWords().pages(attachment.pages))
    parts.append(AttachmentWords().tokens(attachment.tokens))
    if attachment.truncated:
        parts.append(QCoreApplication.translate("AttachmentView", "only its start was sent"))
    return " · ".join(parts)


class AttachmentView:
    """Writes questions' attachments into the chat document; finds the picture a thumbnail shows.

    Thread: GUI thread.
    """

    def __init__(self, view: QTextBrowser, blocks: MessageBlocks, theme: ChatTheme) -> None:
        self._view = view
        self._blocks = blocks
        self._theme = theme
        self._pictures: dict[int, Attachment] = {}  # by the number in a thumbnail's link
        self._next = 0
        self._thumbnails: OrderedDict[tuple[str, float], QImage | None] = OrderedDict()
        self._icons: set[str] = set()  # the icons added to the document as resources

    def write(
        self,
        cursor: QTextCursor,
        attachments: Sequence[Attachment],
        margins: tuple[float, float],
        *,
        text_follows: bool,
    ) -> None:
        """Write `attachments` at `cursor` (in the empty first block of a question's text): the
        thumbnails in one block, then a line per document. The cursor is left in a new empty block
        after them if `text_follows`, else at the end of the last (the question's empty text
        written there adds nothing)."""
        pictures, lines = [], []
        for attachment in attachments:
            image = self._thumbnail(attachment) if attachment.is_image else None
            if image is not None:
                pictures.append((attachment, image))
            elif attachment.is_image:
                unreadable = QCoreApplication.translate(
                    "AttachmentView", "{name} · this picture cannot be shown"
                ).format(name=attachment.name)
                lines.append((PICTURE_ICON, unreadable))
            else:
                lines.append((DOCUMENT_ICON, document_line(attachment)))
        block = self._blocks.block_format(margins)
        block.setBottomMargin(6)
        text = self._blocks.body_format(self._theme.text)
        text.setProperty(CHROME_PROPERTY, True)
        first = True
        if pictures:
            cursor.setBlockFormat(block)
            cursor.setBlockCharFormat(text)
            for number, (attachment, image) in enumerate(pictures):
                if number:
                    cursor.insertText(" ", text)
                cursor.insertImage(self._image_format(attachment, image))
            first = False
        for icon_name, line in lines:
            if first:
                cursor.setBlockFormat(block)
                cursor.setBlockCharFormat(text)
                first = False
            else:
                cursor.insertBlock(block, text)
            cursor.insertImage(self._icon_format(icon_name))
            cursor.insertText(f" {line}", text)
        if text_follows and not first:
            cursor.insertBlock(block, text)

    def picture(self, number: int) -> Attachment | None:
        """The picture shown by the thumbnail whose link ends in `number`."""
        return self._pictures.get(number)

    def open(self, number: int) -> None:
        """Show the picture of a thumbnail's link at full size, in a window of its own."""
        attachment = self.picture(number)
        if attachment is None:
            return
        # The viewer loads when first opened: nothing of it is needed before.
        from ollama_desktop.ui.chat.image_viewer import ImageViewer  # noqa: PLC0415

        viewer = ImageViewer(attachment, self._view)
        viewer.show()

    def clear(self) -> None:
        """The chat was cleared (the document's resources go with it; the thumbnails are kept)."""
        self._pictures.clear()
        self._icons.clear()

    def _image_format(self, attachment: Attachment, image: QImage) -> QTextImageFormat:
        self._next += 1
        self._pictures[self._next] = attachment
        name = f"{COMMAND_SCHEME}:thumbnail/{self._next}"
        self._view.document().addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name), image)
        size = image.deviceIndependentSize()
        fmt = QTextImageFormat()
        fmt.setName(name)
        fmt.setWidth(size.width())
        fmt.setHeight(size.height())
        fmt.setAnchor(True)
        fmt.setAnchorHref(f"{COMMAND_SCHEME}:{PICTURE_COMMAND}/{self._next}")
        fmt.setToolTip(plain_tooltip(attachment.name))  # the file's name: data, never markup
        fmt.setProperty(CHROME_PROPERTY, True)
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignTop)
        return fmt

    def _icon_format(self, icon_name: str) -> QTextImageFormat:
        """An icon the height of the text, in the chat's muted colour (added to the document once)."""
        name = f"{COMMAND_SCHEME}:icon/{icon_name}"
        side = self._view.fontMetrics().height()
        if icon_name not in self._icons:
            palette = QPalette(self._view.palette())
            palette.setColor(QPalette.ColorRole.ButtonText, self._theme.muted)
            pixmap = icon(icon_name, palette, side).pixmap(QSize(side, side), self._view.devicePixelRatioF())
            document = self._view.document()
            document.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name), pixmap.toImage())
            self._icons.add(icon_name)
        fmt = QTextImageFormat()
        fmt.setName(name)
        fmt.setWidth(side)
        fmt.setHeight(side)
        fmt.setProperty(CHROME_PROPERTY, True)
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
        return fmt

    def _thumbnail(self, attachment: Attachment) -> QImage | None:
        key = (attachment.id, self._view.devicePixelRatioF())
        if key in self._thumbnails:
            self._thumbnails.move_to_end(key)
            return self._thumbnails[key]
        image = make_thumbnail(attachment.data, self._theme.user_border, key[1])
        self._thumbnails[key] = image
        while len(self._thumbnails) > KEPT_THUMBNAILS:
            self._thumbnails.popitem(last=False)
        return image
