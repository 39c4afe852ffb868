"""The Benchmark dialog: which of the installed models answers fastest on this computer.

The user picks models, questions, the number of runs and cold or warm starts, and presses Run; the
dialog shows progress and fills its tables and chart as each run finishes. Cancel stops at once and
keeps the finished runs. Results are kept in a history file, and each benchmark can be compared with
an earlier one and saved as CSV or Markdown. All the work happens in `BenchmarkController`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, QStandardPaths, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ollama_desktop import app_version as installed_version
from ollama_desktop.controllers.benchmark import BenchmarkController
from ollama_desktop.core.benchmark import (
    BUILTIN_PROMPTS,
    BenchmarkConfig,
    BenchmarkPrompt,
    BenchmarkRecord,
    Environment,
    ModelSummary,
    RunResult,
    custom_prompt,
)
from ollama_desktop.core.benchmark_export import (
    median_or_none,
    rate_text,
    run_header,
    run_row,
    summary_header,
    summary_row,
    to_csv,
    to_markdown,
)
from ollama_desktop.core.benchmark_runner import Phase, Progress
from ollama_desktop.core.benchmark_store import BenchmarkStore
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.machine import MachineInfo, read_machine
from ollama_desktop.core.responses import InstalledModel
from ollama_desktop.core.units import model_label
from ollama_desktop.ui.benchmark_chart import ChartSet, SpeedChart
from ollama_desktop.ui.benchmark_table import MISSING, Cell, ResultsTable
from ollama_desktop.ui.benchmark_texts import benchmark_texts, column_tips, prompt_titles
from ollama_desktop.ui.installed_models import ModelListModel
from ollama_desktop.ui.locale_format import size_text
from ollama_desktop.ui.plain_text import html_text, plain_label
from ollama_desktop.workers import WorkerPool

# With this many installed models or fewer, all start ticked; with more, the user picks.
_TICK_ALL_UP_TO = 4
_MAX_RUNS = 20
# The per-model table shows these columns of `summary_row`, most telling first: model, runs, median,
# range, where it ran, [earlier, change], loading, first word, problem. Reading speed is left to
# "Every run" and the exports, to keep the table narrow.
_SUMMARY_COLUMNS = (0, 1, 2, 3, 7, 5, 6, 8)
_COMPARE_AT = 5


def _key(value: float | None) -> float:
    return MISSING if value is None else value


def _when(moment: datetime) -> str:
    """A benchmark's date and time in the user's locale and time zone."""
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


class BenchmarkDialog(QDialog):
    """Sets up, runs and shows benchmarks; holds no logic beyond turning figures into cells.

    Args:
        pool: the app's worker pool.
        client: gives the client of the current server (asked when Run is pressed).
        models: the installed models to offer (update with `set_models`).
        store_path: the history file (the app passes AppLocalDataLocation/benchmarks.jsonl).
        app_version: recorded with each benchmark.
        machine: describes this computer (tests pass a fixed one).
    """

    def __init__(
        self,
        pool: WorkerPool,
        client: Callable[[], OllamaClient],
        models: Sequence[InstalledModel],
        store_path: Path,
        parent: QWidget | None = None,
        *,
        app_version: str | None = None,
        machine: Callable[[], MachineInfo] = read_machine,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Benchmark: which model is fastest on this computer"))
        self.controller = BenchmarkController(
            pool,
            client,
            BenchmarkStore(store_path),
            app_version=app_version or installed_version(),
            machine=machine,
            parent=self,
        )
        self.texts = benchmark_texts()
        self._tips = column_tips()
        self._record: BenchmarkRecord | None = None  # what the tables and chart show
        self._live_config: BenchmarkConfig | None = None
        self._live_environment: Environment | None = None
        self._live_results: list[RunResult] = []
        self._history_loaded = False

        self._build_setup()
        self._build_results()
        self._build_layout()
        self._connect()
        self.set_models(models)
        self._update_run_button()
        self._show_record(None)
        self.resize(1200, 760)

    # -- construction --------------------------------------------------------------------------

    def _build_setup(self) -> None:
        # A model/view list: thousands of installed models cost one reset, not one item each.
        self.model_ticks = ModelListModel(
            lambda model, _in_memory: model_label(model, size_text), checkable=True, parent=self
        )
        self.model_list = QListView()
        self.model_list.setModel(self.model_ticks)
        self.model_list.setUniformItemSizes(True)
        self.model_list.setMinimumHeight(90)
        self.model_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.model_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.prompt_boxes: dict[str, QCheckBox] = {}
        titles = prompt_titles()
        for prompt in BUILTIN_PROMPTS:
            box = QCheckBox(titles[prompt.key])
            box.setToolTip(prompt.text)
            box.setChecked(prompt.key in ("short", "long"))
            self.prompt_boxes[prompt.key] = box
        self.custom_box = QCheckBox(self.tr("Your own:"))
        self.custom_edit = QLineEdit()
        self.custom_edit.setPlaceholderText(self.tr("Type a question to ask every model"))
        self.runs_spin = QSpinBox()
        self.runs_spin.setRange(1, _MAX_RUNS)
        self.runs_spin.setValue(3)
        self.warm_radio = QRadioButton(self.tr("Warm: load each model once first"))
        self.warm_radio.setToolTip(
            self.tr("The model is loaded before its first run and stays loaded: only answering is measured.")
        )
        self.cold_radio = QRadioButton(self.tr("Cold: unload before every run"))
        self.cold_radio.setToolTip(
            self.tr(
                "The model is taken out of memory before every run, so each run also measures how long "
                "loading takes. Slower."
            )
        )
        self.warm_radio.setChecked(True)
        self._mode_group = QButtonGroup(self)
        self._mode_group.addButton(self.cold_radio)
        self._mode_group.addButton(self.warm_radio)
        self.run_button = QPushButton(self.tr("Run benchmark"))
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop now. The runs that have finished are kept."))
        self.cancel_button.setEnabled(False)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(self._runs_format())
        # Model names, versions and error texts come from the server: these labels draw plain text.
        self.now_label = plain_label()
        self.now_label.setWordWrap(True)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)

    def _build_results(self) -> None:
        self.summary_table = ResultsTable()
        self.runs_table = ResultsTable()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.summary_table, self.tr("Per model"))
        self.tabs.addTab(self.runs_table, self.tr("Every run"))
        self.chart = SpeedChart()
        self.suggestion_label = QLabel()
        self.suggestion_label.setWordWrap(True)
        self.suggestion_label.setTextFormat(Qt.TextFormat.RichText)
        self.showing_label = plain_label()
        self.environment_label = plain_label()
        self.environment_label.setWordWrap(True)
        self.environment_label.setEnabled(False)  # drawn greyed: background facts, not results
        self.compare_combo = QComboBox()
        self.compare_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.csv_button = QPushButton(self.tr("Save as CSV…"))
        self.csv_button.setToolTip(self.tr("Every run with every figure, for a spreadsheet."))
        self.markdown_button = QPushButton(self.tr("Save as Markdown…"))
        self.markdown_button.setToolTip(self.tr("A readable report with tables, to keep or to share."))
        self.close_button = QPushButton(self.tr("Close"))
        self.status_label = plain_label()
        self.status_label.setWordWrap(True)

    def _build_layout(self) -> None:
        """Setup on the left (choose, then Run), results on the right (table above chart)."""
        left = QVBoxLayout()
        left.addWidget(self._setup_panel(), 1)
        left.addWidget(self.hint_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button, 1)
        buttons.addWidget(self.cancel_button)
        left.addLayout(buttons)

        results = QSplitter(Qt.Orientation.Vertical)
        results.addWidget(self.tabs)
        results.addWidget(self.chart)
        results.setChildrenCollapsible(False)
        results.setSizes([220, 380])
        right = QVBoxLayout()
        right.addWidget(self.progress_bar)
        right.addWidget(self.now_label)
        right.addWidget(self.showing_label)
        right.addWidget(results, 1)
        right.addWidget(self.suggestion_label)

        columns = QHBoxLayout()
        columns.addLayout(left, 0)
        columns.addLayout(right, 1)

        bottom = QHBoxLayout()
        compare_label = QLabel(self.tr("Compare with:"))
        compare_label.setBuddy(self.compare_combo)
        bottom.addWidget(compare_label)
        bottom.addWidget(self.compare_combo)
        bottom.addStretch(1)
        bottom.addWidget(self.csv_button)
        bottom.addWidget(self.markdown_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self._intro())
        layout.addLayout(columns, 1)
        layout.addWidget(self.environment_label)
        layout.addWidget(self.status_label)
        layout.addLayout(bottom)

    def _intro(self) -> QLabel:
        intro = QLabel(
            self.tr(
                "Find out which of your models answers fastest on this computer. Each chosen model "
                "answers each chosen question several times; the speeds are Ollama's own measurements. "
                "Other programs running meanwhile can slow the models down."
            )
        )
        intro.setWordWrap(True)
        return intro

    def _setup_panel(self) -> QWidget:
        """Models, questions and how to run them (disabled while a benchmark runs)."""
        models_box = QGroupBox(self.tr("Models to test"))
        QVBoxLayout(models_box).addWidget(self.model_list)

        prompts_box = QGroupBox(self.tr("Questions to ask"))
        prompts = QGridLayout(prompts_box)
        for index, box in enumerate(self.prompt_boxes.values()):
            prompts.addWidget(box, index % 3, index // 3)
        prompts.addWidget(self.custom_box, 3, 0)
        prompts.addWidget(self.custom_edit, 4, 0, 1, 2)

        how_box = QGroupBox(self.tr("How"))
        how = QFormLayout(how_box)
        how.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        how.addRow(self.tr("Runs per model and question:"), self.runs_spin)
        how.addRow(self.warm_radio)
        how.addRow(self.cold_radio)

        panel = QVBoxLayout()
        panel.setContentsMargins(0, 0, 0, 0)
        panel.addWidget(models_box, 1)
        panel.addWidget(prompts_box)
        panel.addWidget(how_box)
        self.setup_widget = QWidget()
        self.setup_widget.setLayout(panel)
        self.setup_widget.setFixedWidth(340)
        return self.setup_widget

    def _connect(self) -> None:
        self.model_ticks.dataChanged.connect(self._update_run_button)
        for box in self.prompt_boxes.values():
            box.toggled.connect(self._update_run_button)
        self.custom_box.toggled.connect(self._update_run_button)
        self.custom_edit.textEdited.connect(self._on_custom_edited)
        self.run_button.clicked.connect(self._on_run_clicked)
        self.cancel_button.clicked.connect(self.controller.cancel)
        self.close_button.clicked.connect(self.reject)
        self.csv_button.clicked.connect(self._on_csv_clicked)
        self.markdown_button.clicked.connect(self._on_markdown_clicked)
        self.compare_combo.currentIndexChanged.connect(self._on_compare_changed)

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
        models = tuple(models)
        if models == self.model_ticks.models:
            return
        ticked = set(self.chosen_models())
        known = {model.name for model in self.model_ticks.models}
        tick_new = len(models) <= _TICK_ALL_UP_TO
        self.model_ticks.set_models(
            models,
            ticked=[m.name for m in models if (m.name in ticked if m.name in known else tick_new)],
        )
        self._update_run_button()

    def chosen_models(self) -> list[str]:
        return self.model_ticks.ticked()

    def set_model_checked(self, name: str, checked: bool) -> None:
        """Tick or untick one model (as a click on its box does)."""
        self.model_ticks.set_ticked(name, checked)

    def chosen_prompts(self) -> tuple[BenchmarkPrompt, ...]:
        prompts = [p for p in BUILTIN_PROMPTS if self.prompt_boxes[p.key].isChecked()]
        if self.custom_box.isChecked() and self.custom_edit.text().strip():
            prompts.append(custom_prompt(self.custom_edit.text()))
        return tuple(prompts)

    def config(self) -> BenchmarkConfig:
        """The benchmark the user set up."""
        return BenchmarkConfig(
            tuple(self.chosen_models()),
            self.chosen_prompts(),
            self.runs_spin.value(),
            self.cold_radio.isChecked(),
        )

    @Slot()
    def _update_run_button(self) -> None:
        config = self.config()
        ready = bool(config.models and config.prompts)
        self.run_button.setEnabled(ready and not self.controller.busy)
        if not self.model_ticks.rowCount():
            self.hint_label.setText(self.tr("No models are installed yet, so there is nothing to test."))
        elif not ready:
            self.hint_label.setText(self.tr("Choose at least one model and one question."))
        else:
            total = len(config.models) * len(config.prompts) * config.runs
            self.hint_label.setText(self.tr("%n runs in all.", "", total))

    @Slot(str)
    def _on_custom_edited(self, text: str) -> None:
        self.custom_box.setChecked(bool(text.strip()))
        self._update_run_button()

    # -- running -------------------------------------------------------------------------------

    @Slot()
    def _on_run_clicked(self) -> None:
        self.controller.start(self.config())

    @Slot(object)
    def _on_started(self, config: BenchmarkConfig) -> None:
        self._live_config = config
        self._live_environment = None
        self._live_results = []
        self.progress_bar.setRange(0, len(config.models) * len(config.prompts) * config.runs)
        self.progress_bar.setValue(0)
        self.status_label.clear()
        self._show_live()

    @Slot(object)
    def _on_progressed(self, progress: Progress) -> None:
        self.progress_bar.setValue(progress.done)
        step = progress.step
        if progress.phase is Phase.RESTORING:
            self.now_label.setText(self.tr("Loading again the models that were in memory before…"))
            return
        if step is None:
            self.now_label.setText(self.tr("Getting ready: asking Ollama for its version…"))
            return
        where = self.tr(
            "Model {model} of {models} · run {run} of {runs} · question {prompt} of {prompts}"
        ).format(
            model=step.model_number,
            models=step.model_count,
            run=step.run,
            runs=step.runs,
            prompt=step.prompt_number,
            prompts=step.prompt_count,
        )
        # Qt fills in %v and %m; a literal % in the text must be doubled.
        self.progress_bar.setFormat(where.replace("%", "%%") + "   —   " + self._runs_format())
        question = self.texts.prompt_title(step.prompt.key)
        if progress.phase is Phase.UNLOADING:
            text = self.tr("Freeing the memory used by {model}…").format(model=step.model)
        elif progress.phase is Phase.LOADING:
            text = self.tr("Loading {model} into memory…").format(model=step.model)
        else:
            text = self.tr("{model} is answering the question “{question}”…").format(
                model=step.model, question=question
            )
        self.now_label.setText(text)

    def _runs_format(self) -> str:
        return self.tr("%v of %m runs done")

    @Slot(object)
    def _on_environment_read(self, environment: Environment) -> None:
        self._live_environment = environment
        self._show_live()

    @Slot(object)
    def _on_run_recorded(self, result: RunResult) -> None:
        self._live_results.append(result)
        self.progress_bar.setValue(self.progress_bar.value() + 1)
        self._show_live()

    @Slot(object)
    def _on_finished(self, record: BenchmarkRecord) -> None:
        self.progress_bar.setValue(self.progress_bar.maximum())
        self.progress_bar.setFormat(self._runs_format())
        failed = sum(1 for r in record.results if not r.ok)
        text = self.tr("Finished: %n runs.", "", len(record.results))
        if failed:
            text += " " + self.tr("%n of them failed; the table says why.", "", failed)
        self.now_label.setText(text)
        self._show_record(record, default_compare=True)

    @Slot(object)
    def _on_stopped(self, record: BenchmarkRecord) -> None:
        self.progress_bar.setFormat(self._runs_format())
        self.now_label.setText(self.tr("Stopped. The %n finished runs are kept.", "", len(record.results)))
        self._show_record(record, default_compare=True)

    @Slot(object, object)
    def _on_broke_off(self, record: BenchmarkRecord, error: OllamaError) -> None:
        self.progress_bar.setFormat(self._runs_format())
        self.now_label.setText(
            self.tr("The benchmark stopped because of an unexpected problem. The finished runs are kept.")
        )
        self._show_record(record, default_compare=True)

    @Slot(bool)
    def _on_busy_changed(self, busy: bool) -> None:
        self.setup_widget.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.csv_button.setEnabled(not busy and self._has_results())
        self.markdown_button.setEnabled(not busy and self._has_results())
        self._update_run_button()

    # -- showing results -----------------------------------------------------------------------

    def shown_record(self) -> BenchmarkRecord | None:
        """The benchmark the tables and chart show (the one running, or the last one)."""
        return self._record

    def _has_results(self) -> bool:
        return self._record is not None and bool(self._record.results)

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
            self._fill_compare(select=self._default_compare(record))
        compare = self.compared_record()
        texts = self.texts
        summaries = record.summaries() if record else ()
        earlier = {s.model: s for s in compare.summaries()} if compare else {}

        header = [summary_header(texts)[column] for column in _SUMMARY_COLUMNS]
        if compare is not None:
            header[_COMPARE_AT:_COMPARE_AT] = [self.tr("Earlier\n(tokens/s)"), self.tr("Change")]
        self.summary_table.set_rows(
            header, [self._summary_cells(s, earlier, compare is not None) for s in summaries], self._tips
        )
        runs = record.results if record else ()
        self.runs_table.set_rows(run_header(texts), [self._run_cells(r) for r in runs], self._tips)

        sets = []
        if record is not None:
            label = self.tr("This benchmark ({when})").format(when=_when(record.environment.started_at))
            sets.append(ChartSet(self.tr("This benchmark") if live else label, summaries))
        if compare is not None:
            label = self.tr("Earlier ({when})").format(when=_when(compare.environment.started_at))
            sets.append(ChartSet(label, compare.summaries()))
        self.chart.show_sets(sets)

        self._show_suggestion(record, live)
        self._show_environment(record if record and record.environment.host else None)
        if record is None or live:
            self.showing_label.clear()
        else:
            self.showing_label.setText(
                self.tr("Showing the benchmark of {when}.").format(when=_when(record.environment.started_at))
            )
        self.csv_button.setEnabled(not self.controller.busy and self._has_results())
        self.markdown_button.setEnabled(not self.controller.busy and self._has_results())

    def _summary_cells(
        self, summary: ModelSummary, earlier: dict[str, ModelSummary], compare: bool
    ) -> list[Cell]:
        texts = self.texts
        shown = summary_row(summary, texts)
        keys: list[float | str | None] = [
            summary.model,
            float(summary.runs),
            _key(median_or_none(summary.eval_rate)),
            _key(summary.eval_rate.low if summary.eval_rate else None),
            _key(median_or_none(summary.prompt_rate)),
            _key(median_or_none(summary.load_s)),
            _key(median_or_none(summary.first_token_s)),
            None,
            None,
        ]
        every = [Cell(text, key) for text, key in zip(shown, keys, strict=True)]
        cells = [every[column] for column in _SUMMARY_COLUMNS]
        if compare:
            before = earlier.get(summary.model)
            then = median_or_none(before.eval_rate) if before else None
            now = median_or_none(summary.eval_rate)
            cells[_COMPARE_AT:_COMPARE_AT] = [
                Cell(rate_text(then), _key(then)),
                self._change_cell(then, now),
            ]
        return cells

    def _change_cell(self, then: float | None, now: float | None) -> Cell:
        if then is None or now is None or then <= 0:
            return Cell("–", MISSING)
        percent = (now - then) / then * 100
        if round(percent) == 0:
            text = self.tr("about the same")
        elif percent > 0:
            text = self.tr("{percent} % faster").format(percent=round(percent))
        else:
            text = self.tr("{percent} % slower").format(percent=round(-percent))
        return Cell(text, percent)

    def _run_cells(self, result: RunResult) -> list[Cell]:
        shown = run_row(result, self.texts)
        stats = result.stats
        keys: list[float | str | None] = [
            result.model,
            None,
            float(result.run),
            None,
            _key(result.eval_rate),
            _key(result.prompt_rate),
            _key(result.load_s),
            _key(result.total_s),
            _key(result.first_token_s),
            float(stats.eval_count) if result.ok else MISSING,
            float(stats.prompt_eval_count) if result.ok else MISSING,
            None,
            None,
            None,
        ]
        cells = [Cell(text, key) for text, key in zip(shown, keys, strict=True)]
        if result.error_detail:
            # The server's own words, for whoever wants the detail.
            cells[-1] = Cell(shown[-1], None, result.error_detail)
        return cells

    def _show_suggestion(self, record: BenchmarkRecord | None, live: bool) -> None:
        suggestion = record.suggestion() if record and not live else None
        if suggestion is None or suggestion.summary.eval_rate is None:
            self.suggestion_label.clear()
            return
        rate = rate_text(suggestion.summary.eval_rate.median)
        model = html_text(suggestion.summary.model)  # rich text for the bold name; the name is data
        if suggestion.fits_gpu:
            text = self.tr(
                "Suggested: <b>{model}</b>, the fastest model that fits fully in the graphics card's "
                "memory ({rate} tokens/s)."
            )
        else:
            text = self.tr(
                "No model fitted fully in the graphics card's memory, so all of them ran partly or only on "
                "the processor. The fastest was <b>{model}</b> ({rate} tokens/s)."
            )
        self.suggestion_label.setText(text.format(model=model, rate=rate))

    def _show_environment(self, record: BenchmarkRecord | None) -> None:
        if record is None:
            self.environment_label.clear()
            return
        env, texts = record.environment, self.texts
        facts = [texts.server.format(version=env.ollama_version or texts.unknown_version, host=env.host)]
        facts += [fact for fact in (env.os, env.cpu) if fact]
        facts.append(texts.graphics.format(gpu=env.gpu) if env.gpu else texts.no_graphics)
        mode = self.tr("cold starts") if record.config.cold else self.tr("warm starts")
        facts.append(mode)
        self.environment_label.setText(" · ".join(facts))

    # -- history and comparing -----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._history_loaded:
            self._history_loaded = True
            self.controller.load_history()

    @Slot(object)
    def _on_history_changed(self, history: tuple[BenchmarkRecord, ...]) -> None:
        if self._record is None and not self.controller.busy and history:
            self._record = history[-1]
            self._show_record(history[-1], default_compare=True)
        else:
            self._fill_compare(select=self.compared_record())
            if not self.controller.busy:
                self._show_record(self._record)

    def _fill_compare(self, select: BenchmarkRecord | None) -> None:
        """Offer every saved benchmark but the one shown, newest first."""
        combo = self.compare_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("nothing"), None)
        for index, record in reversed(list(enumerate(self.controller.history))):
            if (
                self._record is not None
                and record.environment.started_at == self._record.environment.started_at
            ):
                continue
            models = len(record.config.models)
            text = self.tr("{when} · %n models · {mode}", "", models).format(
                when=_when(record.environment.started_at),
                mode=self.tr("cold") if record.config.cold else self.tr("warm"),
            )
            combo.addItem(text, index)
            if select is not None and record is select:
                combo.setCurrentIndex(combo.count() - 1)
        combo.setEnabled(combo.count() > 1)
        combo.blockSignals(False)

    def _default_compare(self, record: BenchmarkRecord | None) -> BenchmarkRecord | None:
        """The latest earlier benchmark that tested one of the same models."""
        if record is None:
            return None
        models = set(record.config.models)
        for earlier in reversed(self.controller.history):
            if earlier.environment.started_at < record.environment.started_at and models & set(
                earlier.config.models
            ):
                return earlier
        return None

    def compared_record(self) -> BenchmarkRecord | None:
        index = self.compare_combo.currentData()
        history = self.controller.history
        return history[index] if isinstance(index, int) and 0 <= index < len(history) else None

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
