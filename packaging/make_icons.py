"""Render the app icon's SVG source into the PNG and ICO files the packages need.

Run it after changing `resources/icons/ollama-desktop.svg`, and commit what it writes:

    python packaging/make_icons.py

It writes `resources/icons/ollama-desktop.png` (256 px, for the Linux .desktop entry and the
window icon where SVG is not available) and `resources/icons/ollama-desktop.ico` (16 to 256 px,
for the Windows executable). The ICO holds PNG-compressed images, which Windows reads since Vista;
writing it by hand keeps Pillow out of the build.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SOURCE = ICONS / "ollama-desktop.svg"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
PNG_SIZE = 256


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode a {size} px PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are the given PNG images, keyed by their size in pixels."""
    header = struct.pack("<HHH", 0, 1, len(images))  # reserved, type 1 = icon, count
    directory = b""
    payload = b""
    offset = len(header) + 16 * len(images)
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return header + directory + payload


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 -- QPainter needs an application object
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    (ICONS / "ollama-desktop.png").write_bytes(render_png(renderer, PNG_SIZE))
    (ICONS / "ollama-desktop.ico").write_bytes(ico({size: render_png(renderer, size) for size in ICO_SIZES}))
    print(f"wrote {ICONS / 'ollama-desktop.png'} and {ICONS / 'ollama-desktop.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
