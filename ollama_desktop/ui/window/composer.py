"""The composer: the prompt box with Send and Stop inside it, one of the two showing at a time."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ollama_desktop.ui.chat.prompt_edit import PromptEdit
from ollama_desktop.ui.icons import icon

BUTTON_SIZE = QSize(34, 34)
ICON_SIZE = 18


class Composer(QFrame):
    """A rounded box around the prompt; Send at its lower right, Stop in its place while an answer
    streams. The buttons keep their texts for screen readers and shortcuts; they show icons.

    Thread: GUI thread.
    """

    def __init__(
        self, prompt: PromptEdit, send: QPushButton, stop: QPushButton, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.prompt, self.send_button, self.stop_button = prompt, send, stop
        prompt.setFrameShape(QFrame.Shape.NoFrame)
        for button in (send, stop):
            button.setAccessibleName(button.text())
            button.setText("")
            button.setFixedSize(BUTTON_SIZE)
            button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        buttons = QVBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(send)
        buttons.addWidget(stop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(prompt, 1)
        layout.addLayout(buttons)
        self.show_busy(False)
        self._styled_for: tuple[str, str, str] | None = None
        self._restyle()

    def add_under_prompt(self, widget: QWidget) -> None:
        """Put `widget` (a small line, such as the context gauge) under the prompt, left of the buttons."""
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        index = layout.indexOf(self.prompt)
        layout.removeWidget(self.prompt)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.prompt, 1)
        column.addWidget(widget)
        layout.insertLayout(index, column, 1)

    def show_busy(self, busy: bool) -> None:
        """Stop while an answer streams, Send otherwise."""
        self.send_button.setVisible(not busy)
        self.stop_button.setVisible(busy)

    def _restyle(self) -> None:
        palette = self.palette()
        border = palette.color(QPalette.ColorRole.Mid).name()
        base = palette.color(QPalette.ColorRole.Base).name()
        text = palette.color(QPalette.ColorRole.ButtonText).name()
        if self._styled_for == (border, base, text):
            return  # setting the style sheet changes the palette too: once per scheme is enough
        self._styled_for = (border, base, text)
        self.setStyleSheet(
            f"QFrame#composer {{ border: 1px solid {border}; border-radius: 12px; background: {base}; }}"
        )
        # Send in the accent colour (a disabled one greys out), Stop plain: the two never show together.
        accent = palette.color(QPalette.ColorRole.Highlight).name()
        on_accent = QPalette(palette)
        on_accent.setColor(QPalette.ColorRole.ButtonText, palette.color(QPalette.ColorRole.HighlightedText))
        radius = BUTTON_SIZE.width() // 2
        self.send_button.setStyleSheet(
            f"QPushButton {{ background: {accent}; border: none; border-radius: {radius}px; }}"
            f"QPushButton:disabled {{ background: {border}; }}"
        )
        self.send_button.setIcon(icon("arrow-up", on_accent, ICON_SIZE))
        self.stop_button.setStyleSheet(
            f"QPushButton {{ border: 1px solid {border}; border-radius: {radius}px; }}"
        )
        self.stop_button.setIcon(icon("square", palette, ICON_SIZE))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        super().changeEvent(event)
