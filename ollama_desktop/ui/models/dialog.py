"""The models window: what is installed, details of one model, delete, and download new ones."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFontDatabase, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ollama_desktop.controllers.models import ModelsController
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.models.suggestions import (
    total_memory,
)
from ollama_desktop.core.responses import InstalledModel, ModelShow, RunningModel
from ollama_desktop.core.servers.host import is_local
from ollama_desktop.ui.locale_format import date_text, date_time_text, size_text
from ollama_desktop.ui.messages import explain_error, show_error
from ollama_desktop.ui.models.installed_models import ModelTableModel
from ollama_desktop.ui.models.pull_box import PullBox
from ollama_desktop.ui.plain_text import ask_yes_no, plain_label
from ollama_desktop.ui.screen_fit import fit_to_screen

_COLUMNS = 7
_NAME, _PARAMS, _QUANT, _SIZE, _MODIFIED, _LOADED, _CAPS = range(_COLUMNS)
# Column widths are measured on this many rows, not on all of thousands.
_MEASURED_ROWS = 50
# Scrolling settles for this long before the rows in view are asked about: rows flown past are not.
_SETTLE_MS = 40
# The table is never narrower than this (the name column, which stretches, keeps some room).
_TABLE_MIN_WIDTH = 520
# Capabilities that arrive within this long of each other widen their column once.
_CAPS_FIT_MS = 150
# A licence's first line, as its summary, is cut after this many characters.
_LICENSE_SUMMARY_CHARS = 120


class ModelsDialog(QDialog):
    """Lists the installed models; details on selection; Delete with confirmation; Download.

    The list is the ConnectionController's, handed in by `set_models` (only when it changed). The
    details (/api/show) are asked for the selected model and the rows in view only, through the
    controller's ModelDetailsLoader, which fetches a few at a time and keeps the answers.

    Thread: GUI thread; all calls go through the ModelsController.
    """

    shown_changed = Signal(bool)  # the window appeared (True) or went away (False)

    # Opened at most this large, and smaller on a smaller screen (see `fit_to_screen`).
    PREFERRED_SIZE = QSize(1100, 620)

    def __init__(
        self,
        controller: ModelsController,
        host: str,
        parent: QWidget | None = None,
        *,
        memory: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Models"))
        self._controller = controller
        self._loader = controller.details
        self._host = host
        # This computer's memory, to say which suggested downloads fit (only said for a local server).
        self._memory = memory if memory is not None else (total_memory() if is_local(host) else None)

        self._build_table()
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Select a model to see its details."))
        self._build_advanced()
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.status_label = plain_label()  # model names and errors from the server
        self.status_label.setWordWrap(True)

        self.pull_box = PullBox(controller, self._memory)
        # The download box's parts, as the window's own (the chat's offer to download fills them).
        self.pull_name, self.pull_button = self.pull_box.pull_name, self.pull_box.pull_button
        self.cancel_button, self.progress = self.pull_box.cancel_button, self.pull_box.progress
        self.pull_label = self.pull_box.pull_label
        self.offer_pull = self.pull_box.offer_pull

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details, 1)
        right_layout.addWidget(self.advanced_button, 0, Qt.AlignmentFlag.AlignLeft)
        right_layout.addWidget(self.advanced, 1)
        right_layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)  # the table has the room: names are long
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([3 * self.PREFERRED_SIZE.width() // 4, self.PREFERRED_SIZE.width() // 4])
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.pull_box)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        fit_to_screen(self, self.PREFERRED_SIZE)

        self._loader.loaded.connect(self._on_details_loaded)
        self._loader.failed.connect(self._on_details_failed)
        controller.deleted.connect(self._on_deleted)
        controller.delete_failed.connect(self._on_delete_failed)

    def _build_table(self) -> None:
        headers = [
            self.tr("Model"),
            self.tr("Parameters"),
            self.tr("Quantization"),
            self.tr("Size on disk"),
            self.tr("Modified"),
            self.tr("In memory"),
            self.tr("Can do"),
        ]
        self.table_model = ModelTableModel(headers, self._cell_text, self, tooltip=self._cell_tooltip)
        self.table = QTableView()
        self.table.setModel(self.table_model)
        # Names end in the part that tells them apart (the tag): cut in the middle, whole on hover.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setResizeContentsPrecision(_MEASURED_ROWS)
        self._set_column_modes()
        # Capabilities arrive row by row: the column is fitted to them once they pause, not per row
        # (a header that resizes to its contents measures 50 rows on every change: ~8 ms each).
        self._caps_timer = QTimer(self)
        self._caps_timer.setSingleShot(True)
        self._caps_timer.setInterval(_CAPS_FIT_MS)
        self._caps_timer.timeout.connect(lambda: self.table.resizeColumnToContents(_CAPS))
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._on_selection_changed)
        self._want_timer = QTimer(self)
        self._want_timer.setSingleShot(True)
        self._want_timer.setInterval(_SETTLE_MS)
        self._want_timer.timeout.connect(self._want_in_view)
        scroll_bar = self.table.verticalScrollBar()
        scroll_bar.valueChanged.connect(self._schedule_want)
        scroll_bar.rangeChanged.connect(self._schedule_want)

    def _set_column_modes(self) -> None:
        """The name takes the room left; the other columns are as wide as what they show.

        Measured when the list changes (`resizeColumnsToContents`), not kept measured: the user
        may still drag them.
        """
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        for column in range(_COLUMNS):
            mode = QHeaderView.ResizeMode.Stretch if column == _NAME else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(column, mode)
        self.table.setMinimumWidth(_TABLE_MIN_WIDTH)

    def _build_advanced(self) -> None:
        """The raw parts of a model (parameters with its stop words, template, licence): folded away."""
        self.advanced_button = QToolButton()
        self.advanced_button.setText(self.tr("Advanced"))
        self.advanced_button.setToolTip(
            self.tr("The model's parameters, stop words, prompt template and licence, as Ollama has them.")
        )
        self.advanced_button.setCheckable(True)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_button.setAutoRaise(True)
        self.advanced_button.toggled.connect(self._on_advanced_toggled)
        self.advanced = QPlainTextEdit()
        self.advanced.setReadOnly(True)
        # Ollama lines its parameters up with spaces, for a fixed-width font.
        self.advanced.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.advanced.setVisible(False)

    @Slot(bool)
    def _on_advanced_toggled(self, shown: bool) -> None:
        self.advanced_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.advanced.setVisible(shown)

    # -- what the main window tells it ---------------------------------------------------------

    def set_models(self, models: tuple[InstalledModel, ...]) -> None:
        """Show this list; the selection and the row at the top stay where they were."""
        if models == self.table_model.models:
            return  # the same answer again: nothing to redraw
        selected = self.selected_model()
        top = self.table_model.model_at(self.table.rowAt(0))
        self.table_model.set_models(models)
        if top is not None and (row := self.table_model.row_of(top.name)) >= 0:
            self.table.scrollTo(self.table_model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        if (row := self.table_model.row_of(selected)) >= 0:
            self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        # A reset drops the selection without a signal: the details follow what is selected now.
        self._on_selection_changed()

    def set_loaded(self, loaded: tuple[RunningModel, ...]) -> None:
        self.table_model.set_loaded((model.name for model in loaded), _LOADED)

    def selected_model(self) -> str:
        model = self._selected()
        return model.name if model is not None else ""

    def select_model(self, name: str) -> None:
        """Select `name`'s row and bring it into view (nothing when it is not listed)."""
        row = self.table_model.row_of(name)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.table_model.index(row, 0))

    def rows_in_view(self) -> tuple[InstalledModel, ...]:
        """The models whose rows the table shows now."""
        count = self.table_model.rowCount()
        if not count:
            return ()
        first = self.table.rowAt(0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        first = max(first, 0)
        last = count - 1 if last < 0 else last
        return self.table_model.models[first : last + 1]

    # -- internals -----------------------------------------------------------------------------

    def _selected(self) -> InstalledModel | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table_model.model_at(rows[0].row()) if rows else None

    def _cell_text(self, model: InstalledModel, column: int, in_memory: bool) -> str:
        if column == _NAME:
            return self.tr("{name} · ☁ cloud").format(name=model.name) if model.is_cloud else model.name
        if column == _PARAMS:
            return model.details.parameter_size
        if column == _QUANT:
            return model.details.quantization_level
        if column == _SIZE:
            if model.is_cloud:
                return self.tr("on ollama.com")  # its size is only the manifest's
            return size_text(model.size) if model.size else ""
        if column == _MODIFIED:
            return _local_date(model)
        if column == _LOADED:
            return self.tr("yes") if in_memory else ""
        capabilities = self._capabilities(model)
        return (
            ", ".join(self._capability_name(cap) for cap in capabilities) if capabilities is not None else ""
        )

    def _capabilities(self, model: InstalledModel) -> tuple[str, ...] | None:
        """From /api/tags where the server lists them (Ollama 0.30+), else from /api/show."""
        if model.capabilities is not None:
            return model.capabilities
        show = self._loader.get(model)
        return show.capabilities if show is not None else None

    def _cell_tooltip(self, model: InstalledModel, column: int, in_memory: bool) -> str:
        """A cell's whole text, for when the table cuts it; the date with its time."""
        if column == _MODIFIED:
            return _local_time(model)
        if column == _NAME and model.is_cloud:
            return self.tr("{name}: runs on ollama.com, uses no memory on this computer.").format(
                name=model.name
            )
        return self._cell_text(model, column, in_memory)

    @Slot()
    def _schedule_want(self) -> None:
        self._want_timer.start()

    @Slot()
    def _want_in_view(self, *, retry: bool = False) -> None:
        """Ask for the details of the selected model first, then of the rows in view."""
        if not self.isVisible():
            return
        selected = self._selected()
        # Rows whose capabilities /api/tags told (0.30+) need no /api/show for the table: only the
        # selected model's details do.
        in_view = tuple(model for model in self.rows_in_view() if model.capabilities is None)
        wanted = (selected, *in_view) if selected is not None else in_view
        self._loader.want(wanted, retry=selected if retry else None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # show(), not the window system restoring it
            self._loader.retry_failed()
            self._schedule_want()
            self.shown_changed.emit(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():  # closed or hidden, not minimised
            self._want_timer.stop()
            self._loader.cancel()
            self.shown_changed.emit(False)

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
        model = self._selected()
        self.delete_button.setEnabled(model is not None)
        self._show_details(model)
        if model is not None:
            self._want_in_view(retry=True)

    def _show_details(self, model: InstalledModel | None) -> None:
        if model is None:
            self.details.clear()
            self.advanced.clear()
            return
        name = model.name
        show = self._loader.get(model)
        if show is None:
            self.details.setPlainText(self.tr("Loading details of {name}…").format(name=name))
            self.advanced.clear()
            return
        context = show.context_length or model.details.context_length  # /api/tags tells it from 0.30
        lines = [
            name,
            self.tr("Family: {family}").format(family=show.details.family or "?"),
            self.tr("Parameters: {size}, quantization {quant}").format(
                size=show.details.parameter_size or "?", quant=show.details.quantization_level or "?"
            ),
            self.tr("Runs on ollama.com, uses no memory on this computer.")
            if model.is_cloud
            else (self.tr("Size on disk: {size}").format(size=size_text(model.size)) if model.size else ""),
            self.tr("Longest context: %Ln tokens", "", context) if context else "",
            self.tr("Can do: {caps}").format(
                caps=", ".join(self._capability_name(c) for c in show.capabilities)
            ),
        ]
        summary = _license_summary(show.license)
        if summary:
            lines.append(self.tr("Licence: {summary}").format(summary=summary))
        self.details.setPlainText("\n".join(line for line in lines if line))
        advanced = [
            self.tr("Parameters and stop words:"),
            show.parameters.strip() or self.tr("(none)"),
            "",
            self.tr("Template:"),
            show.template.strip() or self.tr("(none)"),
        ]
        if show.license.strip():
            advanced += ["", self.tr("Licence:"), show.license.strip()[:4000]]
        self.advanced.setPlainText("\n".join(advanced))

    @Slot(str, object)
    def _on_details_loaded(self, name: str, _show: ModelShow) -> None:
        self.table_model.refresh_cell(name, _CAPS)
        self._caps_timer.start()
        selected = self._selected()
        if selected is not None and selected.name == name:
            self._show_details(selected)

    @Slot(str, object)
    def _on_details_failed(self, name: str, error: OllamaError) -> None:
        if self.selected_model() == name:
            text = explain_error(error, self._host, name)
            self.details.setPlainText("\n\n".join(part for part in (text.message, text.tooltip) if part))
            self.advanced.clear()

    @Slot()
    def _on_delete_clicked(self) -> None:
        name = self.selected_model()
        if name and self.confirm_delete(self, name):
            self.status_label.setText(self.tr("Deleting {name}…").format(name=name))
            self._controller.delete(name)

    @staticmethod
    def confirm_delete(parent: QWidget, name: str) -> bool:
        """Asked before deleting; tests replace this."""
        return ask_yes_no(
            parent,
            QCoreApplication.translate("ModelsDialog", "Delete model?"),
            QCoreApplication.translate(
                "ModelsDialog",
                "Delete {name} from this Ollama server? If it came from ollama.com, downloading it again "
                "takes time; a model you made yourself is gone for good.",
            ).format(name=name),
        )

    @Slot(str)
    def _on_deleted(self, name: str) -> None:
        if self.selected_model() == name:
            # Its row stays until the list is read again; its details must not outlive it.
            self.table.clearSelection()
        self.status_label.setText(self.tr("{name} was deleted.").format(name=name))

    @Slot(str, object)
    def _on_delete_failed(self, name: str, error: OllamaError) -> None:
        show_error(self.status_label, explain_error(error, self._host, name))


def _license_summary(license_text: str) -> str:
    """A licence's first line, cut with "…" when long ("" when there is no licence).

    >>> _license_summary("\\n  LLAMA 3.1 COMMUNITY LICENSE AGREEMENT\\nLlama 3.1 Version Release Date: …")
    'LLAMA 3.1 COMMUNITY LICENSE AGREEMENT'
    >>> _license_summary("x" * 200).endswith("…"), len(_license_summary("x" * 200))
    (True, 120)
    """
    first = next((line.strip() for line in license_text.splitlines() if line.strip()), "")
    if len(first) > _LICENSE_SUMMARY_CHARS:
        return first[: _LICENSE_SUMMARY_CHARS - 1].rstrip() + "…"
    return first


def _local_date(model: InstalledModel) -> str:
    """The day the model was last modified, in local time ("" when unknown or out of range)."""
    if model.modified_at is None:
        return ""
    try:
        day = model.modified_at.astimezone()
    except (OverflowError, ValueError, OSError):
        return ""
    return date_text(QDate(day.year, day.month, day.day))


def _local_time(model: InstalledModel) -> str:
    """When the model was last modified, in local time ("" when unknown or out of range)."""
    if model.modified_at is None:
        return ""
    try:
        return date_time_text(model.modified_at)
    except (OverflowError, ValueError, OSError):
        return ""
