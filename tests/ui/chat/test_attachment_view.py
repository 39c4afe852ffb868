"""A question's attachments in the chat: thumbnails of its pictures, a line per document, the viewer."""

from __future__ import annotations

import doctest
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPoint, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPixmap, QTextCursor, QTextDocument, QTextImageFormat
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QScrollBar, QStyle, QToolTip

from ollama_desktop.core.attachments.attachment import Attachment, image_tokens
from ollama_desktop.core.attachments.files import Kind
from ollama_desktop.core.chat.conversation import ChatMessage
from ollama_desktop.ui.chat import image_viewer
from ollama_desktop.ui.chat.attachment_view import THUMBNAIL_SIDE
from ollama_desktop.ui.chat.image_viewer import ImageViewer, picture_room, shown_size
from ollama_desktop.ui.chat.view import CHROME_PROPERTY, ROLE_ASSISTANT, ROLE_USER, ChatEntry, ChatView
from ollama_desktop.ui.history.texts import chat_entries
from ollama_desktop.ui.screen_fit import WINDOW_FRAME

RED = QColor("#d03030")


def png_bytes(width: int, height: int, color: QColor = RED) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(color)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide takes a str at run time
    buffer.close()
    return bytes(data.data())


def picture(name: str = "cat.png", width: int = 800, height: int = 600, color: QColor = RED) -> Attachment:
    data = png_bytes(width, height, color)
    return Attachment(
        name,
        Kind.PNG,
        len(data),
        image_tokens(width, height),
        data=data,
        media_type="image/png",
        width=width,
        height=height,
    )


def document(name: str = "report.pdf", pages: int = 12, tokens: int = 3400) -> Attachment:
    return Attachment(name, Kind.PDF, 123_456, tokens, text="The report's text.", pages=pages)


def images(view: ChatView) -> Iterator[tuple[int, QTextImageFormat]]:
    """The position and format of each thumbnail in the document, in order (not the icons)."""
    block = view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isImageFormat() and "picture/" in fragment.charFormat().anchorHref():
                yield fragment.position(), fragment.charFormat().toImageFormat()
            iterator += 1
        block = block.next()


def resource(view: ChatView, fmt: QTextImageFormat) -> QImage | QPixmap:
    found = view.document().resource(QTextDocument.ResourceType.ImageResource.value, QUrl(fmt.name()))
    assert isinstance(found, (QImage, QPixmap)), found
    return found


def logical_size(image: QImage | QPixmap) -> tuple[float, float]:
    size = image.deviceIndependentSize()
    return size.width(), size.height()


def thumbnail_centre(view: ChatView, position: int) -> QPoint:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    left = view.cursorRect(cursor)
    cursor.setPosition(position + 1)
    right = view.cursorRect(cursor)
    return QPoint((left.left() + right.left()) // 2, left.center().y())


def test_a_question_with_a_picture_shows_its_thumbnail(view: ChatView) -> None:
    view.add_question("What is in this picture?", (picture(width=1120, height=840),))
    (position, fmt), *others = list(images(view))
    assert not others
    shown = resource(view, fmt)
    assert max(logical_size(shown)) <= THUMBNAIL_SIDE
    assert logical_size(shown) == (160, 120)
    assert (fmt.width(), fmt.height()) == (160, 120)
    assert fmt.boolProperty(CHROME_PROPERTY)
    # The thumbnail sits in the question's bubble, above its text.
    first, last = view.message_range(0)
    assert first < position < view.toPlainText().index("What is in this picture?") <= last


def test_a_question_with_a_document_shows_its_line(view: ChatView) -> None:
    view.add_question("Summarise it.", (document(),))
    text = view.toPlainText()
    assert "\ufffc report.pdf · 12 pages · ~3,400 tokens" in text
    assert text.index("report.pdf") < text.index("Summarise it.")
    assert not list(images(view))
    block = view.document().findBlock(text.index("report.pdf"))
    icon = block.begin().fragment().charFormat()
    assert icon.isImageFormat()
    assert icon.boolProperty(CHROME_PROPERTY)
    assert not resource(view, icon.toImageFormat()).isNull()  # drawn, not an emoji a font may lack


def test_names_are_shown_as_they_are_never_as_markup(view: ChatView) -> None:
    view.add_question("", (document("<b>bold</b>&amp;.txt", pages=0, tokens=5),))
    assert "\ufffc <b>bold</b>&amp;.txt · ~5 tokens" in view.toPlainText()
    block = view.document().findBlock(view.toPlainText().index("<b>"))
    iterator = block.begin()
    while not iterator.atEnd():
        assert iterator.fragment().charFormat().fontWeight() < 600
        iterator += 1


def test_a_question_of_attachments_only_is_a_whole_bubble(view: ChatView) -> None:
    view.add_question("", (picture(), document()))
    first, _last = view.message_range(0)
    document_ = view.document()
    title = document_.findBlock(first)
    pictures = title.next()
    line = pictures.next()
    footer = line.next()
    assert title.text() == "You"
    assert pictures.text() == "\ufffc"
    assert line.text().startswith("\ufffc report.pdf")
    assert footer.text() == "Copy"  # no empty paragraph for the empty text
    bubble = view._bubbles.bubble_rect(view._blocks.order[0])
    assert bubble.height() > 120


def test_several_pictures_sit_side_by_side(view: ChatView) -> None:
    view.add_question("Which is nicer?", (picture("a.png"), picture("b.png", 300, 900)))
    (first, a), (second, b) = list(images(view))
    assert view.document().findBlock(first) == view.document().findBlock(second)
    assert logical_size(resource(view, a)) == (160, 120)
    assert logical_size(resource(view, b)) == (53, 160)


def test_clicking_a_thumbnail_opens_the_picture_fitted_to_the_screen(qtbot, view: ChatView) -> None:  # type: ignore[no-untyped-def]
    view.add_question("Look", (picture("<i>cat</i>.png", 1120, 840),))
    ((position, _fmt),) = list(images(view))
    point = thumbnail_centre(view, position)
    assert view.anchorAt(point).startswith("ollama-desktop:picture/")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: bool(view.findChildren(ImageViewer)))
    (viewer,) = view.findChildren(ImageViewer)
    qtbot.waitExposed(viewer)
    assert viewer.windowTitle() == "<i>cat</i>.png"
    screen = view.screen().availableGeometry().size()  # 800 × 600 offscreen: smaller than the picture
    shown = viewer.picture.pixmap().deviceIndependentSize().toSize()
    assert shown.width() < 1120
    assert shown.width() <= screen.width()
    assert shown.height() <= screen.height()
    assert abs(shown.width() / shown.height() - 1120 / 840) < 0.01
    assert (viewer.size() + WINDOW_FRAME).boundedTo(screen) == viewer.size() + WINDOW_FRAME
    assert viewer.picture.pixmap().toImage().pixelColor(10, 10) == RED
    with qtbot.waitSignal(viewer.destroyed):
        qtbot.keyClick(viewer, Qt.Key.Key_Escape)


def test_a_damaged_picture_is_named_and_its_viewer_says_so(qtbot, view: ChatView) -> None:  # type: ignore[no-untyped-def]
    damaged = Attachment("broken.png", Kind.PNG, 10, 256, data=b"\x89PNG broken", media_type="image/png")
    view.add_question("And this?", (damaged,))
    assert not list(images(view))
    assert "broken.png · this picture cannot be shown" in view.toPlainText()
    viewer = ImageViewer(damaged)
    qtbot.addWidget(viewer)
    assert "cannot be shown" in viewer.picture.text()


def test_copying_and_searching_leave_the_attachments_out(view: ChatView) -> None:
    view.add_question("What colour is the report?", (picture(), document()))
    view.selectAll()
    copied = view.createMimeDataFromSelection().text()
    assert "What colour is the report?" in copied
    assert "report.pdf" not in copied
    assert "\ufffc" not in copied
    assert view.highlight(["report"]) == 1  # the question's word, not the file's name


def test_an_opened_chat_shows_its_attachments(view: ChatView) -> None:
    pic, doc = picture(), document()
    messages = [
        ChatMessage(ROLE_USER, "What is this?", attachments=(pic, doc)),
        ChatMessage(ROLE_ASSISTANT, "A red square.", model="gemma3:4b"),
    ]
    entries = chat_entries(messages)
    assert entries[0].attachments == (pic, doc)
    view.show_chat(entries)
    ((_position, fmt),) = list(images(view))
    assert max(logical_size(resource(view, fmt))) <= THUMBNAIL_SIDE
    text = view.toPlainText()
    assert text.index("report.pdf") < text.index("What is this?") < text.index("A red square.")


def test_a_long_chat_of_pictures_keeps_only_thumbnails(qtbot, view: ChatView) -> None:  # type: ignore[no-untyped-def]
    colours = [QColor.fromHsv(hue * 9, 200, 220) for hue in range(40)]
    entries = [
        entry
        for number, colour in enumerate(colours)
        for entry in (
            ChatEntry(
                ROLE_USER, f"Picture {number}", attachments=(picture(f"{number}.png", 1120, 840, colour),)
            ),
            ChatEntry(ROLE_ASSISTANT, f"Answer {number}", "gemma3:4b"),
        )
    ]
    view.show_chat(entries)
    bar = view.verticalScrollBar()
    while view.loading_history:
        bar.setValue(0)
        shown = view.message_count()
        qtbot.waitUntil(lambda: view.message_count() > shown or not view.loading_history)  # noqa: B023
    assert view.message_count() == 80
    for value in range(0, bar.maximum() + 1, max(view.viewport().height(), 1)):
        bar.setValue(value)
        view.viewport().grab()  # every thumbnail painted
    shown_images = list(images(view))
    assert len(shown_images) == 40
    for _position, fmt in shown_images:
        assert max(logical_size(resource(view, fmt))) <= THUMBNAIL_SIDE
    assert all(
        image is None or max(image.size().toTuple()) <= THUMBNAIL_SIDE * 2
        for image in view._attachments._thumbnails.values()
    )


def test_the_same_picture_shown_again_is_not_made_again(view: ChatView) -> None:
    pic = picture()
    view.show_chat([ChatEntry(ROLE_USER, "one", attachments=(pic,))])
    ((_position, first),) = list(images(view))
    made = resource(view, first)
    view.show_chat([ChatEntry(ROLE_USER, "one, edited", attachments=(pic,))])
    ((_position, second),) = list(images(view))
    again = resource(view, second)
    assert isinstance(made, QImage)
    assert isinstance(again, QImage)
    assert again.cacheKey() == made.cacheKey()


# A laptop's 1366 × 768 screen leaves about 1366 × 728 above the taskbar.
LAPTOP = QSize(1366, 728)


def test_the_fit_is_worked_out_from_the_room_left() -> None:
    room = picture_room(LAPTOP, QSize(22, 60))
    assert room == QSize(1366 - 16 - 22, 728 - 40 - 60)  # less the window's frame and its own room
    assert shown_size(QSize(1120, 840), room) == QSize(837, 628)  # scaled down, proportions kept
    assert shown_size(QSize(400, 300), room) == QSize(400, 300)  # never enlarged
    assert shown_size(QSize(3000, 100), QSize(1000, 500)) == QSize(1000, 33)
    assert shown_size(QSize(20, 4000), QSize(300, 200)) == QSize(1, 200)
    assert picture_room(QSize(10, 10), QSize(22, 60)) == QSize(1, 1)
    assert doctest.testmod(image_viewer).failed == 0


@pytest.mark.parametrize(("width", "height"), [(1120, 840), (1120, 747)])
def test_a_large_picture_is_scaled_down_to_fit_the_screen(qtbot, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    viewer = ImageViewer(picture("big.png", width, height), available=LAPTOP)
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    shown = viewer.picture.pixmap().deviceIndependentSize().toSize()
    assert shown.height() < height
    assert abs(shown.width() / shown.height() - width / height) < 0.01
    framed = viewer.size() + WINDOW_FRAME
    assert framed.width() <= LAPTOP.width()
    assert framed.height() <= LAPTOP.height()
    # The whole picture shows, and nothing scrolls.
    assert viewer.picture.width() >= shown.width()
    assert viewer.picture.height() >= shown.height()
    assert viewer.rect().contains(viewer.picture.geometry())
    assert not viewer.findChildren(QScrollBar)
    assert viewer.picture.pixmap().toImage().pixelColor(10, 10) == RED


def test_a_small_picture_is_not_enlarged(qtbot) -> None:  # type: ignore[no-untyped-def]
    viewer = ImageViewer(picture("small.png", 400, 300), available=LAPTOP)
    qtbot.addWidget(viewer)
    assert viewer.picture.pixmap().deviceIndependentSize().toSize() == QSize(400, 300)


def test_the_close_button_shows_no_icon(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    class IconButtons(QDialogButtonBox):
        """As on the desktops whose style puts a (dark) icon on each dialog button."""

        def __init__(self, *args: object) -> None:
            super().__init__(*args)  # type: ignore[call-overload]
            mark = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton)
            for button in self.buttons():
                button.setIcon(mark)

    monkeypatch.setattr(image_viewer, "QDialogButtonBox", IconButtons)
    viewer = ImageViewer(picture(), available=LAPTOP)
    qtbot.addWidget(viewer)
    assert viewer.close_button.text().replace("&", "") == "Close"
    assert viewer.close_button.icon().isNull()
    with qtbot.waitSignal(viewer.finished):
        viewer.close_button.click()


def _as_shown(tooltip: str) -> str:
    """What Qt shows of a tooltip: rich text when it might be, plain text otherwise."""
    if not GuiQt.mightBeRichText(tooltip):
        return tooltip
    text = QTextDocument()
    text.setHtml(tooltip)
    return text.toPlainText()


def test_a_thumbnail_names_its_picture_on_hover(qtbot, view: ChatView) -> None:  # type: ignore[no-untyped-def]
    name = '<b>cat</b> & <img src="/dev/zero">.png'  # a file may be called so on Linux
    view.add_question("Look", (picture(name),))
    ((position, fmt),) = list(images(view))
    assert _as_shown(fmt.toolTip()) == name
    point = thumbnail_centre(view, position) + QPoint(THUMBNAIL_SIDE // 4, 0)
    viewport = view.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert _as_shown(QToolTip.text()) == name
    QToolTip.hideText()
