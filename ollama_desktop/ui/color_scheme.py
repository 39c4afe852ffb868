"""Light or dark, as the system says (or as OLLAMA_DESKTOP_COLOR_SCHEME=light|dark asks).

Qt reports the system's scheme (`QStyleHints.colorScheme`) but not every platform theme brings a dark
palette with it (the generic Linux one does not): when the scheme is dark and the palette is still
light, the app uses Fusion with a dark palette of its own. Widgets that draw their own colours (the
chat view, the icons) read them from the palette.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

OVERRIDE = "OLLAMA_DESKTOP_COLOR_SCHEME"

# Fusion's dark palette, as Qt's own Windows and macOS dark modes pick their greys.
_DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    # Lighter than the window: Fusion draws check box and radio borders from the window colour,
    # darkened; on a base as dark as that border, unticked boxes could not be seen.
    QPalette.ColorRole.Base: "#2b2d31",
    QPalette.ColorRole.AlternateBase: "#313338",
    QPalette.ColorRole.ToolTipBase: "#2d2e31",
    QPalette.ColorRole.ToolTipText: "#e8eaed",
    QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#2d2e31",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Light: "#3c3d41",
    QPalette.ColorRole.Midlight: "#333438",
    QPalette.ColorRole.Mid: "#4a4c50",
    QPalette.ColorRole.Dark: "#141517",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#3d7be0",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
}
_DISABLED = {
    QPalette.ColorRole.WindowText: "#7f8388",
    QPalette.ColorRole.Text: "#7f8388",
    QPalette.ColorRole.ButtonText: "#7f8388",
}


def wanted_scheme(app: QGuiApplication) -> Qt.ColorScheme:
    """The scheme asked for: the override if set, else the system's."""
    override = os.environ.get(OVERRIDE, "").strip().lower()
    if override == "dark":
        return Qt.ColorScheme.Dark
    if override == "light":
        return Qt.ColorScheme.Light
    return app.styleHints().colorScheme()


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in _DARK.items():
        palette.setColor(role, QColor(color))
    for role, color in _DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def apply_color_scheme(app: QApplication) -> bool:
    """Make the palette match the wanted scheme (before any widget is built); True when dark."""
    scheme = wanted_scheme(app)
    if scheme is Qt.ColorScheme.Dark and not is_dark(app.palette()):
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    elif scheme is Qt.ColorScheme.Light and is_dark(app.palette()) and os.environ.get(OVERRIDE):
        app.setStyle("Fusion")
        app.setPalette(app.style().standardPalette())
    return is_dark(app.palette())
