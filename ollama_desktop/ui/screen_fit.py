"""Sizing a window so that it fits the screen it opens on, title bar and taskbar included.

A laptop's 1366×768 screen leaves about 1366×728 above the taskbar; a window opened larger than
that has its buttons off the screen, where no one can reach them.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget

# Room for the window system's frame around the client area: borders and the title bar.
WINDOW_FRAME = QSize(16, 40)


def fitted_size(preferred: QSize, available: QSize, minimum: QSize | None = None) -> QSize:
    """The client size to give a window: `preferred`, shrunk so its frame fits `available`.

    Never below `minimum` (the layout's own minimum: smaller would only be overridden).

    >>> fitted_size(QSize(1100, 680), QSize(1366, 728))
    PySide6.QtCore.QSize(1100, 680)
    >>> fitted_size(QSize(1100, 680), QSize(1024, 600))
    PySide6.QtCore.QSize(1008, 560)
    >>> fitted_size(QSize(1100, 680), QSize(800, 500), QSize(700, 520))
    PySide6.QtCore.QSize(784, 520)
    """
    width = min(preferred.width(), available.width() - WINDOW_FRAME.width())
    height = min(preferred.height(), available.height() - WINDOW_FRAME.height())
    if minimum is not None:
        width, height = max(width, minimum.width()), max(height, minimum.height())
    return QSize(width, height)


def fit_to_screen(window: QWidget, preferred: QSize, available: QRect | None = None) -> QSize:
    """Resize `window` to `preferred` or less, to fit `available` (default: its screen's free area).

    Returns the size given.
    """
    if available is None:
        screen = window.screen()
        available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)
    size = fitted_size(preferred, available.size(), window.minimumSizeHint())
    window.resize(size)
    return size
