"""The models window: what is installed, details of one model, delete, and download new ones."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ollama_desktop.controllers.models import ModelsController, PullState
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.pull import SUGGESTED_MODELS
from ollama_desktop.core.residency import same_model
from ollama_desktop.core.responses import InstalledModel, ModelShow, RunningModel
from ollama_desktop.ui.locale_format import size_text
from ollama_desktop.ui.messages import ErrorText, explain_error, explain_pull_error, show_error

_COLUMNS = 7
_NAME, _PARAMS, _QUANT, _SIZE, _MODIFIED, _LOADED, _CAPS = range(_COLUMNS)


class ModelsDialog(QDialog):
    """Lists the installed models; details on selection; Delete with confirmation; Download.

    Thread: GUI thread; all calls go through the ModelsController.
    """

    def __init__(self, controller: ModelsController, host: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Models"))
        self._controller = controller
        self._host = host
        self._models: tuple[InstalledModel, ...] = ()
        self._loaded: tuple[str, ...] = ()
        self._details: dict[str, ModelShow] = {}

        self.table = QTableWidget(0, _COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Model"),
                self.tr("Parameters"),
                self.tr("Quantization"),
                self.tr("Size on disk"),
                self.tr("Modified"),
                self.tr("In memory"),
                self.tr("Can do"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Select a model to see its details."))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        pull_box = self._build_pull_box()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details, 1)
        right_layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(pull_box)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(980, 560)

        controller.details_loaded.connect(self._on_details_loaded)
        controller.details_failed.connect(self._on_details_failed)
        controller.deleted.connect(self._on_deleted)
        controller.delete_failed.connect(self._on_delete_failed)
        controller.pull_progressed.connect(self._on_pull_progressed)
        controller.pull_finished.connect(self._on_pull_finished)
        controller.pull_failed.connect(self._on_pull_failed)
        controller.pull_cancelled.connect(self._on_pull_cancelled)

    def _build_pull_box(self) -> QGroupBox:
        self.pull_name = QComboBox()
        self.pull_name.setEditable(True)
        self.pull_name.setMinimumContentsLength(24)
        edit = self.pull_name.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(self.tr("Model name, for example gemma3:1b"))
        for name, size in SUGGESTED_MODELS:
            self.pull_name.addItem(
                self.tr("{name} ({size}, a good start)").format(name=name, size=size), name
            )
        self.pull_name.setCurrentIndex(-1)
        self.pull_button = QPushButton(self.tr("Download"))
        self.pull_button.clicked.connect(self._on_pull_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel download"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self._controller.cancel_pull)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.pull_label = QLabel()
        self.pull_label.setWordWrap(True)

        pull_row = QHBoxLayout()
        pull_row.addWidget(self.pull_name, 1)
        pull_row.addWidget(self.pull_button)
        pull_row.addWidget(self.cancel_button)
        pull_box = QGroupBox(self.tr("Download a model"))
        pull_layout = QVBoxLayout(pull_box)
        pull_layout.addLayout(pull_row)
        pull_layout.addWidget(self.progress)
        pull_layout.addWidget(self.pull_label)
        return pull_box

    # -- what the main window tells it ---------------------------------------------------------

    def set_models(self, models: tuple[InstalledModel, ...]) -> None:
        selected = self.selected_model()
        self._models = models
        self.table.setRowCount(len(models))
        for row, model in enumerate(models):
            modified = model.modified_at.astimezone().strftime("%Y-%m-%d %H:%M") if model.modified_at else ""
            cells = {
                _NAME: model.name,
                _PARAMS: model.details.parameter_size,
                _QUANT: model.details.quantization_level,
                _SIZE: size_text(model.size) if model.size else "",
                _MODIFIED: modified,
            }
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, model.name)
                self.table.setItem(row, column, item)
            self._fill_row_extras(row, model.name)
            if model.name not in self._details:
                self._controller.load_details(model.name)
        names = [model.name for model in models]
        if selected in names:
            self.table.selectRow(names.index(selected))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(_NAME, QHeaderView.ResizeMode.Stretch)

    def set_loaded(self, loaded: tuple[RunningModel, ...]) -> None:
        self._loaded = tuple(model.name for model in loaded)
        for row, model in enumerate(self._models):
            self._fill_row_extras(row, model.name)

    def offer_pull(self, name: str) -> None:
        """Prefill the download box (the chat found the model missing)."""
        self.pull_name.setEditText(name)
        self.pull_button.setFocus()

    def selected_model(self) -> str:
        items = self.table.selectedItems()
        data = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        return data if isinstance(data, str) else ""

    # -- internals -----------------------------------------------------------------------------

    def _fill_row_extras(self, row: int, name: str) -> None:
        loaded = any(same_model(name, other) for other in self._loaded)
        self.table.setItem(row, _LOADED, QTableWidgetItem(self.tr("yes") if loaded else ""))
        show = self._details.get(name)
        caps = ", ".join(self._capability_name(cap) for cap in show.capabilities) if show else ""
        self.table.setItem(row, _CAPS, QTableWidgetItem(caps))

    def _capability_name(self, capability: str) -> str:
        names = {
            "completion": self.tr("chat"),
            "vision": self.tr("images"),
            "thinking": self.tr("thinking"),
            "tools": self.tr("tools"),
            "embedding": self.tr("embeddings"),
        }
        return names.get(capability, capability)

    @Slot()
    def _on_selection_changed(self) -> None:
        name = self.selected_model()
        self.delete_button.setEnabled(bool(name))
        self._show_details(name)

    def _show_details(self, name: str) -> None:
        show = self._details.get(name)
        if not name:
            self.details.clear()
            return
        if show is None:
            self.details.setPlainText(self.tr("Loading details of {name}…").format(name=name))
            return
        lines = [
            name,
            self.tr("Family: {family}").format(family=show.details.family or "?"),
            self.tr("Parameters: {size}, quantization {quant}").format(
                size=show.details.parameter_size or "?", quant=show.details.quantization_level or "?"
            ),
            self.tr("Longest context: %Ln tokens", "", show.context_length) if show.context_length else "",
            self.tr("Can do: {caps}").format(
                caps=", ".join(self._capability_name(c) for c in show.capabilities)
            ),
            "",
            self.tr("Parameters:"),
            show.parameters.strip() or self.tr("(none)"),
            "",
            self.tr("Template:"),
            show.template.strip() or self.tr("(none)"),
        ]
        if show.license.strip():
            lines += ["", self.tr("License:"), show.license.strip()[:4000]]
        self.details.setPlainText("\n".join(line for line in lines if line is not None))

    @Slot(str, object)
    def _on_details_loaded(self, name: str, show: ModelShow) -> None:
        self._details[name] = show
        for row, model in enumerate(self._models):
            if model.name == name:
                self._fill_row_extras(row, name)
        if self.selected_model() == name:
            self._show_details(name)

    @Slot(str, object)
    def _on_details_failed(self, name: str, error: OllamaError) -> None:
        if self.selected_model() == name:
            text = explain_error(error, self._host, name)
            self.details.setPlainText("\n\n".join(part for part in (text.message, text.tooltip) if part))

    @Slot()
    def _on_delete_clicked(self) -> None:
        name = self.selected_model()
        if name and self.confirm_delete(self, name):
            self.status_label.setText(self.tr("Deleting {name}…").format(name=name))
            self._controller.delete(name)

    @staticmethod
    def confirm_delete(parent: QWidget, name: str) -> bool:
        """Asked before deleting; tests replace this."""
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ModelsDialog", "Delete model?"),
            QCoreApplication.translate(
                "ModelsDialog", "Delete {name} from this Ollama server? Downloading it again takes time."
            ).format(name=name),
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot(str)
    def _on_deleted(self, name: str) -> None:
        self._details.pop(name, None)
        self.status_label.setText(self.tr("{name} was deleted.").format(name=name))

    @Slot(str, object)
    def _on_delete_failed(self, name: str, error: OllamaError) -> None:
        show_error(self.status_label, explain_error(error, self._host, name))

    def pull_text(self) -> str:
        index = self.pull_name.currentIndex()
        typed = self.pull_name.currentText().strip()
        data = (
            self.pull_name.itemData(index) if index >= 0 and self.pull_name.itemText(index) == typed else None
        )
        return data if isinstance(data, str) else typed

    @Slot()
    def _on_pull_clicked(self) -> None:
        name = self.pull_text()
        if not name:
            self.pull_label.setText(self.tr("Type the name of a model, or pick one of the suggestions."))
            return
        if self._controller.pull(name):
            self.pull_button.setEnabled(False)
            self.cancel_button.setEnabled(True)
            self.progress.setVisible(True)
            self.progress.setRange(0, 0)
            self.pull_label.setText(self.tr("Starting the download of {name}…").format(name=name))

    @Slot(object)
    def _on_pull_progressed(self, state: PullState) -> None:
        fraction = state.fraction
        if fraction is None:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(fraction * 1000))
        done, total = size_text(state.completed), size_text(state.total)
        if state.speed:
            text = self.tr("{name}: {done} of {total} at {speed}/s").format(
                name=state.model, done=done, total=total, speed=size_text(int(state.speed))
            )
        else:
            text = self.tr("{name}: {done} of {total}").format(name=state.model, done=done, total=total)
        self.pull_label.setText(text if state.total else self._pull_step_text(state))
        self.pull_label.setToolTip(state.status)  # Ollama's own words for the step

    def _pull_step_text(self, state: PullState) -> str:
        """Ollama's steps before and after the bytes arrive, in plain words."""
        status = state.status.lower()
        if status.startswith("pulling manifest"):
            return self.tr("Getting ready to download {name}…").format(name=state.model)
        if status.startswith("verifying"):
            return self.tr("Checking the download of {name}…").format(name=state.model)
        if status.startswith(("writing manifest", "removing")):
            return self.tr("Finishing the download of {name}…").format(name=state.model)
        return self.tr("{name}: {step}").format(name=state.model, step=state.status)

    def _end_pull(self, text: str | ErrorText) -> None:
        self.pull_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)
        show_error(self.pull_label, text if isinstance(text, ErrorText) else ErrorText(text))

    @Slot(str)
    def _on_pull_finished(self, name: str) -> None:
        self._end_pull(self.tr("{name} is downloaded and ready to chat.").format(name=name))

    @Slot(str, object)
    def _on_pull_failed(self, name: str, error: OllamaError) -> None:
        self._end_pull(explain_pull_error(error, name))

    @Slot(str)
    def _on_pull_cancelled(self, name: str) -> None:
        self._end_pull(self.tr("The download of {name} was cancelled.").format(name=name))
