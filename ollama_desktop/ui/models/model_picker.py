"""The model combobox."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QListView,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from ollama_desktop.core.responses import InstalledModel
from ollama_desktop.core.units import model_label
from ollama_desktop.ui.locale_format import size_text
from ollama_desktop.ui.models.installed_models import ModelListModel
from ollama_desktop.ui.plain_text import plain_tooltip


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
        self._tip_for = ""  # the label the tooltip shows

    def set_loaded(self, names: tuple[str, ...]) -> None:
        """Mark the models that sit in memory (they answer without loading first)."""
        if names == self._loaded:
            return
        self._loaded = names
        self.list_model.set_loaded(names)

    def _label(self, model: InstalledModel, in_memory: bool) -> str:
        if model.is_cloud:
            # Its size is only the manifest's: no size, and a mark that it runs on ollama.com.
            return self.tr("{label} · ☁ cloud").format(label=model_label(replace(model, size=0), size_text))
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

    def paintEvent(self, _event: QPaintEvent) -> None:
        # Too long for its room, the chosen model's label ends in "…", never cut mid-word; the
        # whole label is the tooltip (names come from the server: plain text).
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        style = self.style()
        field = style.subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        full = option.currentText
        option.currentText = self.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, field.width())
        if full != self._tip_for:
            self._tip_for = full
            self.setToolTip(plain_tooltip(full))
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
