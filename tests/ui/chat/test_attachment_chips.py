"""The chips above the prompt (issue #20): name, size, tokens, reading, remove, thumbnails, themes."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ollama_desktop.controllers.attachments import Pending, State
from ollama_desktop.core.attachments.attachment import Attachment
from ollama_desktop.core.attachments.files import Kind
from ollama_desktop.ui import color_scheme
from ollama_desktop.ui.chat.attachment_chips import THUMB_SIDE, AttachmentChips, thumbnail


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
