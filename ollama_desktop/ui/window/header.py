"""The window's header: the chat list toggle, the server and model pickers, the memory chip, and icon
buttons for Models, Benchmark, Chat settings and the server.

The memory chip is the one place to see what sits in memory and to free it (a click opens the Memory
dialog); the rest of what the toolbar used to hold lives in the menus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from ollama_desktop.ui.icons import icon

# The header's icon buttons, by the Lucide icon each action shows.
ICON_SIZE = QSize(20, 20)


class WindowHeader(QWidget):
    """Lays out what it is given; it owns no logic (the actions do what they do).

    Thread: GUI thread.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("window_header")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._layout.setSpacing(6)
        self._leading = QHBoxLayout()
        self._leading.setSpacing(2)
        self._middle = QHBoxLayout()
        self._middle.setSpacing(6)
        self._trailing = QHBoxLayout()
        self._trailing.setSpacing(2)
        self._layout.addLayout(self._leading)
        self._layout.addLayout(self._middle, 1)
        self._layout.addLayout(self._trailing)
        self._icons: dict[QToolButton, str] = {}

    def add_leading(self, action: QAction, icon_name: str) -> QToolButton:
        """An icon button at the left (the chat list toggle)."""
        return self._button(self._leading, action, icon_name)

    def add_widget(self, widget: QWidget, stretch: int = 0) -> None:
        """The pickers and the memory chip, left to right."""
        self._middle.addWidget(widget, stretch)

    def add_stretch(self) -> None:
        self._middle.addStretch(1)

    def add_trailing(self, action: QAction, icon_name: str) -> QToolButton:
        """An icon button at the right: its action's text says what it does, as its tooltip."""
        return self._button(self._trailing, action, icon_name)

    def _button(self, layout: QHBoxLayout, action: QAction, icon_name: str) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        button.setIconSize(ICON_SIZE)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        button.setToolTip(action.toolTip() or action.text().replace("&", ""))
        button.setAccessibleName(action.text().replace("&", ""))
        self._icons[button] = icon_name
        self._paint_icon(button)
        layout.addWidget(button)
        return button

    def _paint_icon(self, button: QToolButton) -> None:
        button.setIcon(icon(self._icons[button], self.palette()))
        # The action's own icon would replace it when the action changes: it gets the same one.
        action = button.defaultAction()
        if action is not None:
            action.setIcon(button.icon())

    def changeEvent(self, event: QEvent) -> None:
        # The system switched between light and dark: the icons follow the new text colour.
        if event.type() == QEvent.Type.PaletteChange:
            for button in self._icons:
                self._paint_icon(button)
        super().changeEvent(event)
