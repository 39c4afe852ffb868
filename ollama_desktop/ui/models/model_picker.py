"""The model combobox."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListView, QSizePolicy, QWidget

from ollama_desktop.core.responses import InstalledModel
from ollama_desktop.core.units import model_label
from ollama_desktop.ui.locale_format import size_text
from ollama_desktop.ui.models.installed_models import ModelListModel


class ModelComboBox(QComboBox):
    """The installed models as "name · parameters · quantization · size"; the data is the name.

    Backed by a ModelListModel, so a server with thousands of models costs one reset per change of
    the list. The width follows `minimumContentsLength`, not the longest name: measuring every
    entry on each change cost ~17 ms at 5,000 models, and one very long name would widen the window.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumContentsLength(14)  # the header also holds the memory chip and the buttons
        self.setPlaceholderText(self.tr("No models yet"))
        self.list_model = ModelListModel(self._label, parent=self)
        self.setModel(self.list_model)
        view = QListView(self)
        view.setUniformItemSizes(True)  # the popup lays out thousands of rows without measuring each
        self.setView(view)
        self._loaded: tuple[str, ...] = ()

    def set_loaded(self, names: tuple[str, ...]) -> None:
        """Mark the models that sit in memory (they answer without loading first)."""
        if names == self._loaded:
            return
        self._loaded = names
        self.list_model.set_loaded(names)

    def _label(self, model: InstalledModel, in_memory: bool) -> str:
        label = model_label(model, size_text)
        if in_memory:
            return self.tr("{label} — in memory").format(label=label)
        return label

    def set_models(self, models: tuple[InstalledModel, ...], prefer: str = "") -> None:
        """Replace the list, keeping the current model (or else `prefer`) selected."""
        if models and models == self.list_model.models:
            return  # the same answer again (a refresh): nothing to redraw, the choice stands
        keep = self.current_model() or prefer
        self.blockSignals(True)
        self.list_model.set_models(models)
        self.setEnabled(bool(models))
        index = self.list_model.row_of(keep) if keep else -1
        self.setCurrentIndex(index if index >= 0 else (0 if models else -1))
        self.blockSignals(False)
        self.currentIndexChanged.emit(self.currentIndex())

    def current_model(self) -> str:
        data = self.currentData(Qt.ItemDataRole.UserRole)
        return data if isinstance(data, str) else ""
