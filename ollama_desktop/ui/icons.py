"""The app's icons: Lucide's (resources/icons/lucide, ISC licence), drawn in the palette's colours.

Lucide draws in `currentColor`; Qt's SVG renderer knows no such colour, so each icon is drawn with the
colour put in its place: the button text colour of the palette in use (light or dark), and the
disabled text colour for the disabled state.
"""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ollama_desktop.resources import resource_path

# Drawn at the size shown, for the screen's pixel density (Qt scales it for any other size): all
# sizes at two densities cost the first frame ~10 ms.
DEFAULT_SIZE = 20


def icon(name: str, palette: QPalette, size: int = DEFAULT_SIZE) -> QIcon:
    """The Lucide icon `name` ("arrow-up") in `palette`'s button text colour, drawn `size` pixels."""
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    screen = QGuiApplication.primaryScreen()
    scale = math.ceil(screen.devicePixelRatio()) if screen is not None else 1
    return _icon(name, normal.name(), disabled.name(), size, max(1, scale))


@cache
def _icon(name: str, color: str, disabled: str, size: int, scale: int) -> QIcon:
    svg = resource_path(f"icons/lucide/{name}.svg").read_bytes()
    result = QIcon()
    for mode, fill in ((QIcon.Mode.Normal, color), (QIcon.Mode.Disabled, disabled)):
        renderer = QSvgRenderer(QByteArray(svg.replace(b"currentColor", fill.encode("ascii"))))
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
