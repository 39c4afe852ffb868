"""The app's icons: Lucide's (resources/icons/lucide, ISC licence), drawn in the palette's colours.

Lucide draws in `currentColor`; Qt's SVG renderer knows no such colour, so each icon is drawn with the
colour put in its place: the button text colour of the palette in use (light or dark), and the
disabled text colour for the disabled state.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ollama_desktop.resources import resource_path

# Drawn at these sizes (and twice as large for high-density screens): Qt picks the nearest.
_SIZES = (16, 20, 24, 32)


def icon(name: str, palette: QPalette) -> QIcon:
    """The Lucide icon `name` ("arrow-up") in `palette`'s button text colour."""
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    return _icon(name, normal.name(), disabled.name())


@cache
def _icon(name: str, color: str, disabled: str) -> QIcon:
    svg = resource_path(f"icons/lucide/{name}.svg").read_bytes()
    result = QIcon()
    for mode, fill in ((QIcon.Mode.Normal, color), (QIcon.Mode.Disabled, disabled)):
        renderer = QSvgRenderer(QByteArray(svg.replace(b"currentColor", fill.encode("ascii"))))
        for size in _SIZES:
            for scale in (1, 2):
                result.addPixmap(_draw(renderer, size, scale), mode)
    return result


def _draw(renderer: QSvgRenderer, size: int, scale: int) -> QPixmap:
    pixmap = QPixmap(size * scale, size * scale)
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(QColor(Qt.GlobalColor.transparent))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap
