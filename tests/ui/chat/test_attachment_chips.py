"""The chips above the prompt (issue #20): name, size, tokens, reading, remove, thumbnails, themes."""

from __future__ import annotations

import doctest
import itertools

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QPixmap, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton, QScrollBar, QVBoxLayout, QWidget

from ollama_desktop.controllers.attachments import Pending, State
from ollama_desktop.core.attachments.attachment import Attachment
from ollama_desktop.core.attachments.files import Kind
from ollama_desktop.ui import color_scheme
from ollama_desktop.ui.chat import attachment_chips
from ollama_desktop.ui.chat.attachment_chips import THUMB_SIDE, AttachmentChips, looks_like_picture, thumbnail
from ollama_desktop.ui.chat.prompt_edit import PromptEdit
from ollama_desktop.ui.chat.view import CHAT_COLUMN_WIDTH
from ollama_desktop.ui.icons import icon
from ollama_desktop.ui.window.composer import Composer


def _jpeg(width: int, height: int, colour: str = "orange") -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG")  # type: ignore[call-overload]  # the stubs say bytes; only str works
    return bytes(buffer.data().data())


def _document(name: str = "report.txt", size: int = 12_000, tokens: int = 3_400) -> Pending:
    attachment = Attachment(name, Kind.TEXT, size, tokens, text="x")
    return Pending(name, size, state=State.READY, attachment=attachment, id=attachment.id)


def _picture(name: str = "photo.jpg") -> Pending:
    data = _jpeg(800, 400)
    attachment = Attachment(
        name, Kind.JPEG, 250_000, 464, data=data, media_type="image/jpeg", width=800, height=400
    )
    return Pending(name, 250_000, state=State.READY, attachment=attachment, id=attachment.id)


def test_chips_show_name_size_and_tokens(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QWidget()
    qtbot.addWidget(box)
    chips = AttachmentChips(box)
    box.show()
    assert not chips.isVisibleTo(box)  # hidden while empty
    document, picture = _document(), _picture()
    chips.show_items([document, picture])
    assert chips.isVisibleTo(box)
    chip = chips.chips[document.id]
    assert chip.name_label.text() == "report.txt"
    assert chip.detail_label.text() == "12 kB · ~3,400 tokens"
    assert chips.chips[picture.id].detail_label.text() == "250 kB · ~464 tokens"
    assert "800 × 400" in chips.chips[picture.id].toolTip()
    assert chip.remove_button.accessibleName() == "Remove report.txt"
    chips.show_items([])
    assert not chips.isVisibleTo(box)


def test_a_long_name_is_elided_and_whole_on_hover(qtbot) -> None:  # type: ignore[no-untyped-def]
    chips = AttachmentChips()
    qtbot.addWidget(chips)
    name = "quarterly-financial-report-for-the-board-final-version-3.txt"
    item = _document(name)
    chips.show_items([item])
    chip = chips.chips[item.id]
    assert chip.name_label.text() != name
    assert "…" in chip.name_label.text()
    assert chip.name_label.toolTip() == name
    assert chip.name_label.textFormat() == Qt.TextFormat.PlainText
    assert chips.chip_named(name) is chip


def _as_shown(tooltip: str) -> str:
    """What Qt shows of a tooltip: rich text when it might be, plain text otherwise."""
    if not GuiQt.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def test_a_name_with_markup_shows_as_text_in_the_tooltips(qtbot) -> None:  # type: ignore[no-untyped-def]
    chips = AttachmentChips()
    qtbot.addWidget(chips)
    name = '<img src="/dev/zero"><b>photo</b>.txt'  # a file may be called so on Linux
    reading = Pending(name, path="/tmp/x")
    ready = _document(name)
    chips.show_items([reading, ready])
    for item in (reading, ready):
        chip = chips.chips[item.id]
        assert _as_shown(chip.name_label.toolTip()) == name
        assert _as_shown(chip.toolTip()).startswith(name)
    assert chips.chip_named(name) is chips.chips[reading.id]  # the first of that name


def test_reading_then_ready_keeps_the_chip(qtbot) -> None:  # type: ignore[no-untyped-def]
    chips = AttachmentChips()
    qtbot.addWidget(chips)
    reading = Pending("scan.pdf", path="/tmp/scan.pdf")
    chips.show_items([reading])
    chip = chips.chips[reading.id]
    assert chip.reading
    assert chip.detail_label.text() == "Reading…"
    attachment = Attachment("scan.pdf", Kind.PDF, 2_000_000, 900, text="t", pages=3, truncated=True)
    ready = Pending("scan.pdf", 2_000_000, state=State.READY, attachment=attachment, id=reading.id)
    chips.show_items([ready])
    assert chips.chips[reading.id] is chip
    assert not chip.reading
    assert chip.detail_label.text() == "2.0 MB · ~900 tokens"
    assert "3 pages" in chip.toolTip()
    assert "only its start" in chip.toolTip()


def test_remove_asks_by_id(qtbot) -> None:  # type: ignore[no-untyped-def]
    chips = AttachmentChips()
    qtbot.addWidget(chips)
    first, second = _document("a.txt"), _document("b.txt")
    chips.show_items([first, second])
    with qtbot.waitSignal(chips.remove_requested) as asked:
        chips.chips[second.id].remove_button.click()
    assert asked.args == [second.id]
    chips.show_items([first])
    assert list(chips.chips) == [first.id]


def test_a_picture_shows_a_square_thumbnail(qtbot) -> None:  # type: ignore[no-untyped-def]
    chips = AttachmentChips()
    qtbot.addWidget(chips)
    item = _picture()
    chips.show_items([item])
    pixmap = chips.chips[item.id].icon_label.pixmap()
    assert not pixmap.isNull()
    assert (pixmap.width(), pixmap.height()) == (THUMB_SIDE, THUMB_SIDE)
    colour = pixmap.toImage().pixelColor(THUMB_SIDE // 2, THUMB_SIDE // 2)
    assert colour.red() > 200
    assert colour.blue() < 80
    assert thumbnail(b"not a picture", THUMB_SIDE).isNull()


def test_chips_follow_the_palette(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    chips = AttachmentChips()
    qtbot.addWidget(chips)
    item = _document()
    chips.show_items([item])
    chips.resize(400, 80)
    chips.show()
    chip = chips.chips[item.id]
    light, dark = QPalette(qapp.palette()), color_scheme.dark_palette()
    try:
        for palette in (dark, light):
            qapp.setPalette(palette)
            qtbot.waitUntil(
                lambda p=palette: (
                    chip.palette().color(QPalette.ColorRole.Base) == p.color(QPalette.ColorRole.Base)
                )
            )
            image = chip.grab().toImage()
            inside = image.pixelColor(image.width() // 2, 2)
            assert inside.name() == palette.color(QPalette.ColorRole.AlternateBase).name()
            text = chip.name_label.palette().color(QPalette.ColorRole.WindowText)
            assert text == palette.color(QPalette.ColorRole.WindowText)
    finally:
        qapp.setPalette(light)


def _composer_row(qtbot, width: int) -> tuple[QWidget, AttachmentChips]:  # type: ignore[no-untyped-def]
    """The chips above a prompt in a composer-wide box, as the composer lays them out."""
    box = QWidget()
    qtbot.addWidget(box)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    chips = AttachmentChips()
    column.addWidget(chips)
    prompt = QPlainTextEdit()
    prompt.setFixedHeight(80)
    column.addWidget(prompt)
    column.addStretch(1)
    box.resize(width, 600)
    box.show()
    qtbot.waitExposed(box)
    return box, chips


def _laid_out(qtbot, box: QWidget, chips: AttachmentChips, count: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: (
            chips.height() == chips.heightForWidth(chips.width())
            and all(chip.isVisible() for chip in chips.chips.values())
            and len({chip.geometry().topLeft().toTuple() for chip in chips.chips.values()}) == count
        )
    )


def test_chips_wrap_onto_lines_and_all_show(qtbot) -> None:  # type: ignore[no-untyped-def]
    box, chips = _composer_row(qtbot, 800)
    heights = []
    for count in (1, 4, 10):
        items = [_document(f"quarterly-report-part{n}.txt") for n in range(count)]
        chips.show_items(items)
        _laid_out(qtbot, box, chips, count)
        assert chips.width() == 800  # the whole width
        area = chips.rect()
        for chip in chips.chips.values():
            assert area.contains(chip.geometry()), chip.geometry()
            assert chip.visibleRegion().boundingRect() == chip.rect()  # not cut by anything
        heights.append(chips.height())
    assert heights[0] < heights[1] < heights[2]  # the lines the chips need
    lines = sorted({chip.y() for chip in chips.chips.values()})
    assert len(lines) > 1
    assert heights[2] == lines[-1] + max(chip.height() for chip in chips.chips.values())
    assert not chips.findChildren(QScrollBar)
    # Left to right, line after line, in the order given.
    shown = list(chips.chips.values())
    for before, after in itertools.pairwise(shown):
        assert (before.y(), before.x()) < (after.y(), after.x())
    reordered = [_document("last.txt"), *items[:2]]
    chips.show_items(reordered)
    _laid_out(qtbot, box, chips, 3)
    first, second, third = (chips.chips[item.id] for item in reordered)
    assert first.x() < second.x() < third.x()
    assert len(chips.chips) == 3
    assert chips.height() == heights[0]


def test_a_chip_keeps_its_width_when_its_file_is_read(qtbot) -> None:  # type: ignore[no-untyped-def]
    box, chips = _composer_row(qtbot, 800)
    reading = [Pending(f"part{n}.txt", path=f"/tmp/part{n}.txt") for n in range(4)]
    chips.show_items(reading)
    _laid_out(qtbot, box, chips, 4)
    before = {item.id: chips.chips[item.id].geometry() for item in reading}
    height = chips.height()
    ready = []
    for item in reading:
        attachment = Attachment(item.name, Kind.TEXT, 250_000, 4_500, text="x")
        ready.append(Pending(item.name, 250_000, state=State.READY, attachment=attachment, id=item.id))
    chips.show_items(ready)
    _laid_out(qtbot, box, chips, 4)
    assert chips.chips[ready[0].id].detail_label.text() == "250 kB · ~4,500 tokens"
    assert {item.id: chips.chips[item.id].geometry() for item in ready} == before  # nothing moved
    assert chips.height() == height


def _same_picture(shown: QPixmap, expected: QPixmap) -> bool:
    return shown.toImage().convertToFormat(QImage.Format.Format_ARGB32) == expected.toImage().convertToFormat(
        QImage.Format.Format_ARGB32
    )


def test_a_picture_being_read_shows_the_picture_icon(qtbot) -> None:  # type: ignore[no-untyped-def]
    chips = AttachmentChips()
    qtbot.addWidget(chips)
    names = ["photo.png", "Scan.JPG", "a.jpeg", "b.webp", "c.gif", "notes.txt", "report.pdf", "png"]
    items = [Pending(name, path=f"/tmp/{name}") for name in names]
    chips.show_items(items)
    palette = chips.chips[items[0].id].palette()
    picture_icon = icon("image", palette, 20).pixmap(20, 20)
    document_icon = icon("file", palette, 20).pixmap(20, 20)
    assert not _same_picture(picture_icon, document_icon)
    for item in items:
        shown = chips.chips[item.id].icon_label.pixmap()
        expected = picture_icon if looks_like_picture(item.name) else document_icon
        assert _same_picture(shown, expected), item.name
    assert [looks_like_picture(name) for name in names] == [True] * 5 + [False] * 3
    assert doctest.testmod(attachment_chips).failed == 0


def test_ten_chips_take_the_composers_whole_width_in_three_lines(qtbot) -> None:  # type: ignore[no-untyped-def]
    # The composer as wide as the chat's column: its width in a 1366-pixel window.
    composer = Composer(PromptEdit(), QPushButton("Send"), QPushButton("Stop"))
    qtbot.addWidget(composer)
    chips = AttachmentChips()
    composer.add_above_prompt(chips)
    composer.resize(CHAT_COLUMN_WIDTH, 400)
    composer.show()
    qtbot.waitExposed(composer)
    chips.show_items([_document(f"quarterly-report-part{n}.txt") for n in range(10)])
    _laid_out(qtbot, composer, chips, 10)
    inside = composer.contentsRect()
    assert chips.geometry().right() > composer.send_button.geometry().left()  # above Send too
    assert chips.width() >= inside.width() - 20  # all but the box's margins
    assert len({chip.y() for chip in chips.chips.values()}) == 3
    for chip in chips.chips.values():
        assert chips.rect().contains(chip.geometry())
        assert chip.visibleRegion().boundingRect() == chip.rect()
    assert chips.geometry().bottom() < composer.prompt.geometry().top()
