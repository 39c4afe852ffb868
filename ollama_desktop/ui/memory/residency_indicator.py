"""The status bar's memory indicator: one chip per loaded model, colour plus words."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ollama_desktop.core.memory.residency import residency
from ollama_desktop.core.responses import RunningModel
from ollama_desktop.ui.memory.residency_text import PLACEMENT_COLORS, detail_text, short_text
from ollama_desktop.ui.plain_text import plain_label, plain_tooltip


class ResidencyIndicator(QWidget):
    """Shows what /api/ps lists; click anywhere on it to manage memory (`clicked`)."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._empty = plain_label()  # "Loading {model}…": names come from the server
        # A chip like the models' own: the one place in the window to see and free memory.
        self._empty.setObjectName("memory_chip")
        self._empty.setStyleSheet(
            "QLabel#memory_chip { border: 1px solid palette(mid); border-radius: 4px; padding: 1px 6px; }"
        )
        self._layout.addWidget(self._empty)
        self.chips: list[QLabel] = []
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.show_unknown()

    def show_unknown(self) -> None:
        """Ollama is not reachable: nothing can be said about memory."""
        self._clear()
        self._empty.setText(self.tr("Memory: unknown"))
        self._empty.setVisible(True)
        self.setToolTip(self.tr("Ollama is not reachable, so its memory use is unknown."))

    def show_loading(self, model: str) -> None:
        self._empty.setText(self.tr("Loading {model}…").format(model=model))
        self._empty.setVisible(True)

    def show_models(self, loaded: tuple[RunningModel, ...], now: datetime) -> None:
        self._clear()
        if not loaded:
            self._empty.setText(self.tr("No model in memory"))
            self._empty.setVisible(True)
            self.setToolTip(self.tr("Ollama holds no model in memory right now."))
            return
        self._empty.setVisible(False)
        details = []
        for model in loaded:
            found = residency(model)
            chip = plain_label(short_text(found))
            color = PLACEMENT_COLORS[found.placement].name()
            chip.setStyleSheet(
                f"QLabel {{ border: 1px solid {color}; border-left: 8px solid {color};"
                " border-radius: 4px; padding: 1px 6px; }"
            )
            detail = detail_text(found, now)
            chip.setToolTip(plain_tooltip(detail + "\n\n" + self.tr("Click to free memory.")))
            details.append(detail)
            self._layout.addWidget(chip)
            self.chips.append(chip)
        self.setToolTip(plain_tooltip("\n\n".join(details)))

    def _clear(self) -> None:
        for chip in self.chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self.chips = []

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)
