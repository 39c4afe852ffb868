"""What the chat view paints cheaply must look as if painted whole: bubbles in strips, a quiet scroll bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication, QTextBrowser

from ollama_desktop.ui.chat.bubbles import BubblePainter
from ollama_desktop.ui.chat.steady_scroll_bar import SteadyScrollBar
from ollama_desktop.ui.chat.view import ChatEntry, ChatView

FILL = QColor("#e8f0fe")
BORDER = QColor("#9db4d8")
RADIUS = 8.0


def canvas(ratio: float) -> QImage:
    image = QImage(round(320 * ratio), round(240 * ratio), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.white)
    return image


def reference(bubble: QRect, ratio: float) -> QImage:
    """The bubble as one antialiased rounded rectangle."""
    image = canvas(ratio)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(BORDER, 1))
    painter.setBrush(FILL)
    painter.drawRoundedRect(QRectF(bubble).adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
    painter.end()
    return image


def differences(image: QImage, expected: QImage) -> list[int]:
    """The bytes (of the pixels' channels) that differ by more than the rounding of blending an
    antialiased edge (2 of 255)."""
    one, other = bytes(image.constBits()), bytes(expected.constBits())
    assert len(one) == len(other)
    return [index for index, (a, b) in enumerate(zip(one, other, strict=True)) if abs(a - b) > 2]


def in_strips(bubble: QRect, ratio: float, heights: list[int]) -> QImage:
    """The bubble painted strip by strip, each strip clipped as a repaint of that area would be
    (Qt's background first)."""
    image = canvas(ratio)
    bubbles = BubblePainter(RADIUS)
    top = 0
    for height in heights:
        area = QRect(0, top, 320, height)
        painter = QPainter(image)
        painter.setClipRect(area)
        painter.fillRect(area, Qt.GlobalColor.white)  # as Qt fills a widget's background first
        bubbles.paint(painter, bubble, area, FILL, BORDER)
        painter.end()
        top += height
    return image


STRIPS = {
    "whole": [240],
    "row by row": [1] * 240,
    "odd strips": [3, 7, 11, 13, 17, 19, 23, 29, 31, 37, 50],
    # At 125 % and 150 % a strip's edge on a whole device pixel: four logical rows are 5 or 6 of them.
    "device-pixel strips": [4, 8, 12, 4, 20, 16, 28, 36, 4, 8, 100],
}


@pytest.mark.parametrize(
    ("ratio", "strips"),
    [(ratio, strips) for ratio in (1.0, 2.0) for strips in STRIPS]
    + [(ratio, strips) for ratio in (1.25, 1.5) for strips in ("whole", "device-pixel strips")],
)
def test_a_bubble_painted_in_strips_looks_like_one_rounded_rectangle(
    qapp: object, ratio: float, strips: str
) -> None:
    heights = STRIPS[strips]
    bubble = QRect(21, 15, 259, 201)
    assert differences(in_strips(bubble, ratio, heights), reference(bubble, ratio)) == []


def test_a_bubble_too_short_for_its_corners_is_painted_whole(qapp: object) -> None:
    bubble = QRect(20, 15, 260, 12)
    assert differences(in_strips(bubble, 1.0, [240]), reference(bubble, 1.0)) == []


class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_the_scroll_bar_repaints_only_when_it_looks_different(qtbot, view: ChatView) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitExposed(view)
    # One long answer (an opened chat shows its last message whole): the bar's handle is short.
    long_text = "\n\n".join(f"Paragraph {number}: " + "word " * 60 for number in range(200))
    view.show_chat([ChatEntry("user", "why?"), ChatEntry("assistant", long_text)])
    bar = view.verticalScrollBar()
    counter = _PaintCounter()
    bar.installEventFilter(counter)
    view.begin_reply("model")
    scrolls: list[int] = []
    bar.valueChanged.connect(scrolls.append)
    for _ in range(400):
        view.append_reply("word ")
        QApplication.processEvents()  # renders it, then paints it
    QApplication.processEvents()
    assert len(scrolls) >= 10
    # The view followed the answer down line by line; the handle of a bar this long hardly moved.
    assert counter.count < len(scrolls) / 2
    # A change the eye can see is painted: the handle moves to the top.
    painted = counter.count
    bar.setValue(0)
    qtbot.waitUntil(lambda: counter.count > painted, timeout=5000)


def test_a_click_in_the_page_area_leaves_no_trace_of_the_old_handle(qtbot) -> None:  # type: ignore[no-untyped-def]
    # Qt moves the handle a page and repaints only the clicked part of the bar itself.
    view = QTextBrowser()
    view.setVerticalScrollBar(SteadyScrollBar(Qt.Orientation.Vertical, view))
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.setPlainText("line\n" * 300)
    view.show()
    qtbot.waitExposed(view)
    bar = view.verticalScrollBar()
    QApplication.processEvents()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(bar.width() // 2, bar.height() - 30))
    assert bar.value() > 0

    def on_screen_as_drawn() -> bool:
        on_screen = QApplication.primaryScreen().grabWindow(view.winId())
        corner = bar.mapTo(view.window(), QPoint(0, 0))
        shown = on_screen.copy(corner.x(), corner.y(), bar.width(), bar.height()).toImage()
        return shown == bar.grab().toImage().convertToFormat(shown.format())

    # Once Qt has repainted what it will, the screen shows the bar as it is now drawn.
    qtbot.waitUntil(on_screen_as_drawn, timeout=3000)
