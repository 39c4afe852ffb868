"""The model combobox."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from ollama_desktop.core.residency import same_model
from ollama_desktop.core.responses import InstalledModel
from ollama_desktop.core.units import model_label
from ollama_desktop.ui.locale_format import size_text


class ModelComboBox(QComboBox):
    """The installed models as "name · parameters · quantization · size"; the data is the name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumContentsLength(24)
        self.setPlaceholderText(self.tr("No models yet"))
        self._models: tuple[InstalledModel, ...] = ()
        self._loaded: tuple[str, ...] = ()

    def set_loaded(self, names: tuple[str, ...]) -> None:
        """Mark the models that sit in memory (they answer without loading first)."""
        if names == self._loaded:
            return
        self._loaded = names
        for row, model in enumerate(self._models):
            if row < self.count():
                self.setItemText(row, self._label(model))

    def _label(self, model: InstalledModel) -> str:
        label = model_label(model, size_text)
        if any(same_model(model.name, name) for name in self._loaded):
            return self.tr("{label} — in memory").format(label=label)
        return label

    def set_models(self, models: tuple[InstalledModel, ...], prefer: str = "") -> None:
        """Replace the list, keeping the current model (or else `prefer`) selected."""
        keep = self.current_model() or prefer
        self._models = models
        self.blockSignals(True)
        self.clear()
        for model in models:
            self.addItem(self._label(model), model.name)
        self.setEnabled(bool(models))
        index = self.findData(keep, Qt.ItemDataRole.UserRole)
        self.setCurrentIndex(index if index >= 0 else (0 if models else -1))
        self.blockSignals(False)
        self.currentIndexChanged.emit(self.currentIndex())

    def current_model(self) -> str:
        data = self.currentData(Qt.ItemDataRole.UserRole)
        return data if isinstance(data, str) else ""
