"""The composer: the prompt box with Send and Stop inside it, one of the two showing at a time, the
attached files' chips above the prompt and the attach button under it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget

from ollama_desktop.ui.chat.prompt_edit import PromptEdit
from ollama_desktop.ui.icons import icon

BUTTON_SIZE = QSize(34, 34)
ATTACH_SIZE = QSize(28, 28)
ICON_SIZE = 18


class Composer(QFrame):
    """A rounded box around the prompt; Send at its lower right, Stop in its place while an answer
    streams; the attach button at its lower left, the attached files' chips above the prompt. The
    buttons keep their texts for screen readers and shortcuts; they show icons.

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
        # Attach files: at the lower left, under the prompt (the context gauge joins that line).
        self.attach_button = QToolButton()
        self.attach_button.setAccessibleName(self.tr("Attach files"))
        self.attach_button.setToolTip(self.tr("Attach pictures or documents (or drop or paste them here)"))
        self.attach_button.setAutoRaise(True)
        self.attach_button.setFixedSize(ATTACH_SIZE)
        self.attach_button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.attach_button.setCursor(Qt.CursorShape.PointingHandCursor)
        buttons = QVBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(send)
        buttons.addWidget(stop)
        self._column = QVBoxLayout()
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(2)
        self._column.addWidget(prompt, 1)
        self._under = QHBoxLayout()
        self._under.setContentsMargins(0, 0, 0, 0)
        self._under.setSpacing(6)
        self._under.addWidget(self.attach_button)
        self._under.addStretch(1)
        self._column.addLayout(self._under)
        row = QHBoxLayout()
        row.addLayout(self._column, 1)
        row.addLayout(buttons)
        # The chips go above both (add_above_prompt): the box's whole width, not the prompt's.
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(10, 6, 6, 6)
        self._outer.addLayout(row, 1)
        self.show_busy(False)
        self._styled_for: tuple[str, str, str] | None = None
        self._restyle()

    def add_under_prompt(self, widget: QWidget) -> None:
        """Put `widget` (a small line, such as the context gauge) under the prompt, right of the
        attach button and left of Send."""
        self._under.addWidget(widget)

    def add_above_prompt(self, widget: QWidget) -> None:
        """Put `widget` (the attached files' chips) above the prompt, inside the box."""
        self._outer.insertWidget(0, widget)

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
        self.attach_button.setIcon(icon("paperclip", palette, ICON_SIZE))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        super().changeEvent(event)
