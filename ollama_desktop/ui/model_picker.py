"""The model combobox."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from ollama_desktop.core.responses import InstalledModel
from ollama_desktop.core.units import model_label


class ModelComboBox(QComboBox):
    """The installed models as "name · parameters · quantization · size"; the data is the name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumContentsLength(24)
        self.setPlaceholderText(self.tr("No models yet"))

    def set_models(self, models: tuple[InstalledModel, ...], prefer: str = "") -> None:
        """Replace the list, keeping the current model (or else `prefer`) selected."""
        keep = self.current_model() or prefer
        self.blockSignals(True)
        self.clear()
        for model in models:
            self.addItem(model_label(model), model.name)
        self.setEnabled(bool(models))
        index = self.findData(keep, Qt.ItemDataRole.UserRole)
        self.setCurrentIndex(index if index >= 0 else (0 if models else -1))
        self.blockSignals(False)
        self.currentIndexChanged.emit(self.currentIndex())

    def current_model(self) -> str:
        data = self.currentData(Qt.ItemDataRole.UserRole)
        return data if isinstance(data, str) else ""
