"""The unload dialog: see what holds memory, free some or all of it, and see that it was freed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.memory.residency import now_utc, residency
from ollama_desktop.core.memory.unloading import UnloadResult
from ollama_desktop.core.responses import RunningModel
from ollama_desktop.ui.locale_format import size_text
from ollama_desktop.ui.memory.residency_text import chip_text, placement_icon
from ollama_desktop.ui.memory.unload_summary import unload_summary
from ollama_desktop.ui.messages import explain_error, show_error
from ollama_desktop.ui.plain_text import plain_label


class UnloadDialog(QDialog):
    """Lists the loaded models with their memory; unloads the ticked ones or all of them.

    Non-modal and never blocking: the work runs in the ResidencyController, this only shows it.
    """

    def __init__(
        self, residency_controller: ResidencyController, host: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Free memory"))
        self._controller = residency_controller
        self._host = host
        intro = QLabel(self.tr("Models Ollama holds in memory now. Unloading frees their memory at once."))
        intro.setWordWrap(True)
        self.models = QListWidget()
        self.models.itemChanged.connect(self._update_buttons)
        self.total_label = plain_label()
        self.result_label = plain_label()  # names the models Ollama did not release
        self.result_label.setWordWrap(True)
        self.unload_selected_button = QPushButton(self.tr("Unload selected"))
        self.unload_all_button = QPushButton(self.tr("Unload all"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.unload_selected_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.unload_all_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.unload_selected_button.clicked.connect(self._on_unload_selected_clicked)
        self.unload_all_button.clicked.connect(self._on_unload_all_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.models, 1)
        layout.addWidget(self.total_label)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self.resize(560, 320)

        residency_controller.loaded_changed.connect(self._on_loaded_changed)
        residency_controller.unload_finished.connect(self._on_unload_finished)
        residency_controller.unload_failed.connect(self._on_unload_failed)
        self._on_loaded_changed(residency_controller.loaded)
        residency_controller.refresh_now()

    def selected_names(self) -> list[str]:
        items = (self.models.item(row) for row in range(self.models.count()))
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    @Slot(object)
    def _on_loaded_changed(self, loaded: tuple[RunningModel, ...]) -> None:
        keep = set(self.selected_names())
        self.models.blockSignals(True)
        self.models.clear()
        now = now_utc()
        for model in loaded:
            found_one = residency(model)
            item = QListWidgetItem(placement_icon(found_one.placement), chip_text(found_one, now))
            item.setData(Qt.ItemDataRole.UserRole, model.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if model.name in keep else Qt.CheckState.Unchecked)
            self.models.addItem(item)
        if not loaded:
            self.models.addItem(self.tr("No model is in memory."))
            self.total_label.setText("")
        else:
            found = [residency(model) for model in loaded]
            self.total_label.setText(
                self.tr("In memory now: {total}, of which {gpu} in GPU memory.").format(
                    total=size_text(sum(r.size for r in found)),
                    gpu=size_text(sum(r.gpu_bytes for r in found)),
                )
            )
        self.models.blockSignals(False)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        busy = self._controller.unloading
        has_models = bool(self._controller.loaded)
        self.unload_all_button.setEnabled(has_models and not busy)
        self.unload_selected_button.setEnabled(bool(self.selected_names()) and not busy)

    @Slot()
    def _on_unload_selected_clicked(self) -> None:
        self._start(self.selected_names())

    @Slot()
    def _on_unload_all_clicked(self) -> None:
        self._start(None)

    def _start(self, names: list[str] | None) -> None:
        if self._controller.unload(names):
            self.result_label.setText(self.tr("Unloading… waiting for Ollama to release the memory."))
            self.result_label.setToolTip("")  # the details of an earlier failure
        self._update_buttons()

    @Slot(object)
    def _on_unload_finished(self, result: UnloadResult) -> None:
        self.result_label.setText(unload_summary(result))
        self._update_buttons()

    @Slot(object)
    def _on_unload_failed(self, error: OllamaError) -> None:
        show_error(self.result_label, explain_error(error, self._host, ""))
        self._update_buttons()
