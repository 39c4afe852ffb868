"""Message bubbles: rounded rectangles with a one-pixel border, cheap enough to paint every frame."""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap


class BubblePainter:
    """Paints the part of a bubble that lies in the area being repainted.

    A bubble is a straight middle (three plain fills: inside, left and right border) between a top
    and a bottom cap, the rows with the rounded corners. The caps are antialiased once into pixmaps
    kept per width and colour, and then only copied. Why: a streaming answer repaints a strip at the
    bottom of its bubble every frame; antialiasing the rounded rectangle there cost more than the
    strip's text.

    Thread: GUI thread.
    """

    def __init__(self, radius: float) -> None:
        self._radius = radius
        # The rows the corners' arcs touch: the outline runs through pixel centres, half a pixel in.
        self._cap_height = math.ceil(radius + 0.5)
        self._caps: dict[tuple[bool, int, float, int, int], QPixmap] = {}

    def paint(self, painter: QPainter, bubble: QRect, area: QRect, fill: QColor, border: QColor) -> None:
        """Draw what of `bubble` (whole pixels, in the painter's coordinates) lies in `area`."""
        cap = self._cap_height
        ratio = painter.device().devicePixelRatioF()
        if bubble.height() < 2 * cap + 1 or not ratio.is_integer():
            # A bubble too short for its corners; and at a fractional scale (Windows at 125 %), where
            # a one-pixel border covers part of a device pixel, plain fills would not meet the caps
            # without a step.
            self._paint_outline_in(painter, bubble, area, fill, border)
            return
        middle = QRect(bubble.left(), bubble.top() + cap, bubble.width(), bubble.height() - 2 * cap) & area
        if not middle.isEmpty():
            painter.fillRect(middle, fill)
            for x in (bubble.left(), bubble.right()):
                if middle.left() <= x <= middle.right():
                    painter.fillRect(QRect(x, middle.top(), 1, middle.height()), border)
        for top in (True, False):
            first_row = bubble.top() if top else bubble.bottom() - cap + 1
            rows = QRect(bubble.left(), first_row, bubble.width(), cap)
            shown = rows & area
            if shown.isEmpty():
                continue
            pixmap = self._cap(top, bubble.width(), ratio, fill, border)
            source = QRectF(shown.translated(-rows.left(), -rows.top()))
            painter.drawPixmap(
                QRectF(shown),
                pixmap,
                QRectF(source.topLeft() * ratio, source.size() * ratio),
            )

    def _cap(self, top: bool, width: int, ratio: float, fill: QColor, border: QColor) -> QPixmap:
        key = (top, width, ratio, fill.rgba(), border.rgba())
        pixmap = self._caps.get(key)
        if pixmap is None:
            if len(self._caps) > 32:  # widths of a window being resized
                self._caps.clear()
            cap = self._cap_height
            pixmap = QPixmap(math.ceil(width * ratio), math.ceil(cap * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            # One end of a rounded rectangle, tall enough that its other corners fall outside the
            # pixmap and Qt does not shrink the radius.
            tall = 3.0 * cap
            y = 0.5 if top else cap - 0.5 - tall
            self._paint_outline(painter, QRectF(0.5, y, width - 1.0, tall), fill, border)
            painter.end()
            self._caps[key] = pixmap
        return pixmap

    def _paint_outline_in(
        self, painter: QPainter, bubble: QRect, area: QRect, fill: QColor, border: QColor
    ) -> None:
        """The antialiased outline of the bubble's part in `area`, cut beyond the area's edges where
        the bubble goes on (a long answer's whole bubble is many screens tall)."""
        reach = self._cap_height + 1
        shown = QRect(bubble)
        shown.setTop(max(bubble.top(), area.top() - reach))
        shown.setBottom(min(bubble.bottom(), area.bottom() + reach))
        if shown.isEmpty():
            return
        painter.save()
        painter.setClipRect(area, Qt.ClipOperation.IntersectClip)
        self._paint_outline(painter, QRectF(shown).adjusted(0.5, 0.5, -0.5, -0.5), fill, border)
        painter.restore()

    def _paint_outline(self, painter: QPainter, outline: QRectF, fill: QColor, border: QColor) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(border, 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(outline, self._radius, self._radius)
        painter.restore()
