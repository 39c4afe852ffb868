"""The Benchmark dialog: which of the installed models answers fastest on this computer.

The user picks models, questions, the number of runs and cold or warm starts, and presses Run; the
dialog shows progress and fills its tables and chart as each run finishes. Cancel stops at once and
keeps the finished runs. Results are kept in a history file, and each benchmark can be compared with
an earlier one and saved as CSV or Markdown. All the work happens in `BenchmarkController`, which
the app builds; this dialog only assembles its parts (`setup`, `progress`,
`results`, `baseline`) and is built the first time the user opens it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ollama_desktop.controllers.benchmark import BenchmarkController
from ollama_desktop.core.benchmark.compare import default_baseline
from ollama_desktop.core.benchmark.export import to_csv, to_markdown
from ollama_desktop.core.benchmark.runner import Progress
from ollama_desktop.core.benchmark.runs import BenchmarkConfig, BenchmarkRecord, Environment, RunResult
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.responses import InstalledModel
from ollama_desktop.ui.benchmark.baseline import BaselinePicker
from ollama_desktop.ui.benchmark.progress import BenchmarkProgress
from ollama_desktop.ui.benchmark.results import BenchmarkResults
from ollama_desktop.ui.benchmark.setup import BenchmarkSetup
from ollama_desktop.ui.benchmark.texts import benchmark_texts, environment_text
from ollama_desktop.ui.plain_text import plain_label
from ollama_desktop.ui.screen_fit import fit_to_screen


class BenchmarkDialog(QDialog):
    """Assembles the setup, the progress and the results, and wires them to the controller.

    Args:
        controller: runs benchmarks and keeps their history (built by the app, outliving the dialog).
        models: the installed models to offer (update with `set_models`).
        current_model: the model chosen in the main window, ticked at first ("" when none: then
            nothing is ticked).
    """

    # Opened at most this large, and smaller on a smaller screen (see `fit_to_screen`).
    PREFERRED_SIZE = QSize(1100, 680)

    def __init__(
        self,
        controller: BenchmarkController,
        models: Sequence[InstalledModel],
        parent: QWidget | None = None,
        *,
        current_model: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Benchmark: which model is fastest on this computer"))
        self.controller = controller
        self.texts = benchmark_texts()
        self._record: BenchmarkRecord | None = None  # what the tables and chart show
        self._live_config: BenchmarkConfig | None = None
        self._live_environment: Environment | None = None
        self._live_results: list[RunResult] = []
        self._history_loaded = False

        self.setup = BenchmarkSetup(current_model)
        self.progress = BenchmarkProgress()
        self.results = BenchmarkResults(self.texts)
        self.baseline = BaselinePicker()
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.run_button = QPushButton(self.tr("Run benchmark"))
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop now. The runs that have finished are kept."))
        self.cancel_button.setEnabled(False)
        # Versions and host names come from the server: these labels draw plain text.
        self.environment_label = plain_label()
        self.environment_label.setWordWrap(True)
        self.environment_label.setEnabled(False)  # drawn greyed: background facts, not results
        self.csv_button = QPushButton(self.tr("Save as CSV…"))
        self.csv_button.setToolTip(self.tr("Every run with every figure, for a spreadsheet."))
        self.markdown_button = QPushButton(self.tr("Save as Markdown…"))
        self.markdown_button.setToolTip(self.tr("A readable report with tables, to keep or to share."))
        self.close_button = QPushButton(self.tr("Close"))
        self.status_label = plain_label()
        self.status_label.setWordWrap(True)

        self._build_layout()
        self._connect()
        self.set_models(models)
        self._update_run_button()
        self._show_record(None)
        fit_to_screen(self, self.PREFERRED_SIZE)

    def _build_layout(self) -> None:
        """Setup on the left (choose, then Run), results on the right (table above chart)."""
        left = QVBoxLayout()
        left.addWidget(self.setup, 1)
        left.addWidget(self.hint_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button, 1)
        buttons.addWidget(self.cancel_button)
        left.addLayout(buttons)

        right = QVBoxLayout()
        right.addWidget(self.progress)
        right.addWidget(self.results, 1)

        columns = QHBoxLayout()
        columns.addLayout(left, 0)
        columns.addLayout(right, 1)

        bottom = QHBoxLayout()
        compare_label = QLabel(self.tr("Compare with:"))
        compare_label.setBuddy(self.baseline)
        bottom.addWidget(compare_label)
        bottom.addWidget(self.baseline)
        bottom.addStretch(1)
        bottom.addWidget(self.csv_button)
        bottom.addWidget(self.markdown_button)
        bottom.addWidget(self.close_button)

        intro = QLabel(
            self.tr(
                "Find out which of your models answers fastest on this computer. Each chosen model "
                "answers each chosen question several times; the speeds are Ollama's own measurements. "
                "Other programs running meanwhile can slow the models down."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.environment_label)
        layout.addWidget(self.status_label)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.setup.changed.connect(self._update_run_button)
        self.run_button.clicked.connect(self._on_run_clicked)
        self.cancel_button.clicked.connect(self.controller.cancel)
        self.close_button.clicked.connect(self.reject)
        self.csv_button.clicked.connect(self._on_csv_clicked)
        self.markdown_button.clicked.connect(self._on_markdown_clicked)
        self.baseline.currentIndexChanged.connect(self._on_compare_changed)

        controller = self.controller
        controller.started.connect(self._on_started)
        controller.progressed.connect(self._on_progressed)
        controller.environment_read.connect(self._on_environment_read)
        controller.run_recorded.connect(self._on_run_recorded)
        controller.finished.connect(self._on_finished)
        controller.stopped.connect(self._on_stopped)
        controller.broke_off.connect(self._on_broke_off)
        controller.busy_changed.connect(self._on_busy_changed)
        controller.history_changed.connect(self._on_history_changed)
        controller.save_failed.connect(self._on_save_failed)
        controller.export_finished.connect(self._on_export_finished)
        controller.export_failed.connect(self._on_export_failed)

    # -- what the user chose -------------------------------------------------------------------

    @Slot(object)
    def set_models(self, models: Sequence[InstalledModel]) -> None:
        """Offer these models, keeping the ticks of the ones offered before."""
        self.setup.set_models(models)

    def chosen_models(self) -> list[str]:
        return self.setup.chosen_models()

    def set_current_model(self, name: str) -> None:
        """The main window's model: ticked instead of the one before, unless the user chose others."""
        if not self.controller.busy:
            self.setup.set_current_model(name)

    def set_model_checked(self, name: str, checked: bool) -> None:
        """Tick or untick one model (as a click on its box does)."""
        self.setup.set_model_checked(name, checked)

    @Slot()
    def _update_run_button(self) -> None:
        config = self.setup.config()
        self.run_button.setEnabled(bool(config.models and config.prompts) and not self.controller.busy)
        self.hint_label.setText(self.setup.hint())

    # -- running -------------------------------------------------------------------------------

    @Slot()
    def _on_run_clicked(self) -> None:
        self.controller.start(self.setup.config())

    @Slot(object)
    def _on_started(self, config: BenchmarkConfig) -> None:
        self._live_config = config
        self._live_environment = None
        self._live_results = []
        self.progress.start(config)
        self.status_label.clear()
        self._show_live()

    @Slot(object)
    def _on_progressed(self, progress: Progress) -> None:
        self.progress.show_progress(progress)

    @Slot(object)
    def _on_environment_read(self, environment: Environment) -> None:
        self._live_environment = environment
        self._show_live()

    @Slot(object)
    def _on_run_recorded(self, result: RunResult) -> None:
        self._live_results.append(result)
        self.progress.count_run()
        self._show_live()

    @Slot(object)
    def _on_finished(self, record: BenchmarkRecord) -> None:
        self.progress.show_finished(record)
        self._show_record(record, default_compare=True)

    @Slot(object)
    def _on_stopped(self, record: BenchmarkRecord) -> None:
        self.progress.show_stopped(record)
        self._show_record(record, default_compare=True)

    @Slot(object, object)
    def _on_broke_off(self, record: BenchmarkRecord, error: OllamaError) -> None:
        self.progress.show_broke_off()
        self._show_record(record, default_compare=True)

    @Slot(bool)
    def _on_busy_changed(self, busy: bool) -> None:
        self.setup.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self._update_export_buttons()
        self._update_run_button()

    # -- showing results -----------------------------------------------------------------------

    def shown_record(self) -> BenchmarkRecord | None:
        """The benchmark the tables and chart show (the one running, or the last one)."""
        return self._record

    def compared_record(self) -> BenchmarkRecord | None:
        """The earlier benchmark it is compared with, if any."""
        return self.baseline.chosen()

    def _update_export_buttons(self) -> None:
        ready = not self.controller.busy and self._record is not None and bool(self._record.results)
        self.csv_button.setEnabled(ready)
        self.markdown_button.setEnabled(ready)

    def _show_live(self) -> None:
        config = self._live_config
        if config is None:
            return
        environment = self._live_environment or Environment("", "", "", datetime.now().astimezone())
        record = BenchmarkRecord(environment, config, tuple(self._live_results), complete=False)
        self._show_record(record, live=True)

    def _show_record(
        self, record: BenchmarkRecord | None, *, live: bool = False, default_compare: bool = False
    ) -> None:
        self._record = record
        if default_compare:
            history = self.controller.history
            self.baseline.fill(history, record, default_baseline(record, history))
        self.results.show_record(record, self.compared_record(), live=live)
        if record is not None and record.environment.host:
            self.environment_label.setText(environment_text(record, self.texts))
        else:
            self.environment_label.clear()
        self._update_export_buttons()

    # -- history and comparing -----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._history_loaded:
            self._history_loaded = True
            self.controller.load_history()

    @Slot(object)
    def _on_history_changed(self, history: tuple[BenchmarkRecord, ...]) -> None:
        if self._record is None and not self.controller.busy and history:
            self._show_record(history[-1], default_compare=True)
        else:
            self.baseline.fill(history, self._record, self.compared_record())
            if not self.controller.busy:
                self._show_record(self._record)

    @Slot(int)
    def _on_compare_changed(self, _index: int) -> None:
        if not self.controller.busy:
            self._show_record(self._record)
        else:
            self._show_live()

    # -- saving --------------------------------------------------------------------------------

    @classmethod
    def ask_save_path(cls, parent: QWidget, title: str, name: str, file_filter: str) -> Path | None:
        """Where to save an export, or None when the user cancels. Tests replace this."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / name), file_filter)
        return Path(path) if path else None

    def _export_name(self, suffix: str) -> str:
        record = self._record
        stamp = record.environment.started_at.astimezone().strftime("%Y-%m-%d-%H%M") if record else "now"
        return f"ollama-benchmark-{stamp}.{suffix}"

    @Slot()
    def _on_csv_clicked(self) -> None:
        record = self._record
        if record is None:
            return
        path = self.ask_save_path(
            self, self.tr("Save as CSV"), self._export_name("csv"), self.tr("CSV files (*.csv)")
        )
        if path is not None:
            self.controller.export(path, to_csv(record, self.texts), excel_bom=True)

    @Slot()
    def _on_markdown_clicked(self) -> None:
        record = self._record
        if record is None:
            return
        path = self.ask_save_path(
            self, self.tr("Save as Markdown"), self._export_name("md"), self.tr("Markdown files (*.md)")
        )
        if path is not None:
            self.controller.export(path, to_markdown(record, self.texts))

    @Slot(str)
    def _on_export_finished(self, path: str) -> None:
        self.status_label.setText(self.tr("Saved to {path}.").format(path=path))

    @Slot(str, str)
    def _on_export_failed(self, path: str, reason: str) -> None:
        self.status_label.setText(self.tr("Could not save {path}: {reason}").format(path=path, reason=reason))

    @Slot(str)
    def _on_save_failed(self, reason: str) -> None:
        self.status_label.setText(
            self.tr("The results could not be kept for later comparison: {reason}").format(reason=reason)
        )

    # -- closing -------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Closing (Close, Esc or the window's X) stops a benchmark that is still running."""
        self.controller.shutdown()
        super().done(result)
