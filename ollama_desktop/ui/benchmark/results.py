"""The Benchmark dialog's results: the per-model and every-run tables, the chart and the suggestion.

Rows come from core (`summary_row`, `run_row`: named fields) and the comparison from
`core.benchmark_compare`; this module turns them into sortable cells and words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ollama_desktop.core.benchmark.compare import SpeedChange, speed_changes
from ollama_desktop.core.benchmark.export import (
    ExportTexts,
    median_or_none,
    rate_text,
    run_header,
    run_row,
    summary_header,
    summary_row,
)
from ollama_desktop.core.benchmark.runs import BenchmarkRecord, ModelSummary, RunResult
from ollama_desktop.ui.benchmark.chart import ChartSet, SpeedChart
from ollama_desktop.ui.benchmark.table import MISSING, Cell, ResultsTable
from ollama_desktop.ui.benchmark.texts import column_tips, started_text
from ollama_desktop.ui.plain_text import html_text, plain_label


def _key(value: float | None) -> float:
    return MISSING if value is None else value


def _change_cell(change: SpeedChange) -> Cell:
    if change.percent is None:
        return Cell("–", MISSING)
    if change.same:
        text = QCoreApplication.translate("BenchmarkResults", "about the same")
    elif change.percent > 0:
        text = QCoreApplication.translate("BenchmarkResults", "{percent} % faster")
    else:
        text = QCoreApplication.translate("BenchmarkResults", "{percent} % slower")
    return Cell(text.format(percent=round(abs(change.percent))), change.percent)


def summary_cells(summary: ModelSummary, texts: ExportTexts, change: SpeedChange | None) -> list[Cell]:
    """One model's line of the per-model table; with `change`, the comparison after where it ran.

    Reading speed is left to "Every run" and the exports, to keep the table narrow.
    """
    row = summary_row(summary, texts)
    speed = summary.eval_rate
    cells = [
        Cell(row.model, summary.model),
        Cell(row.runs, float(summary.runs)),
        Cell(row.median_speed, _key(median_or_none(speed))),
        Cell(row.spread, _key(speed.low if speed else None)),
        Cell(row.where),
    ]
    if change is not None:
        cells += [Cell(rate_text(change.then), _key(change.then)), _change_cell(change)]
    return [
        *cells,
        Cell(row.load, _key(median_or_none(summary.load_s))),
        Cell(row.first_token, _key(median_or_none(summary.first_token_s))),
        Cell(row.problem),
    ]


def summary_headings(texts: ExportTexts, compare: bool) -> list[str]:
    """The per-model table's headings, in the order of `summary_cells`."""
    names = summary_header(texts)
    headings = [names.model, names.runs, names.median_speed, names.spread, names.where]
    if compare:
        headings += [
            QCoreApplication.translate("BenchmarkResults", "Earlier\n(tokens/s)"),
            QCoreApplication.translate("BenchmarkResults", "Change"),
        ]
    return [*headings, names.load, names.first_token, names.problem]


def run_cells(result: RunResult, texts: ExportTexts) -> list[Cell]:
    """One run's line of the every-run table, in the order of `run_header`."""
    row = run_row(result, texts)
    stats, ok = result.stats, result.ok
    return [
        Cell(row.model, result.model),
        Cell(row.prompt),
        Cell(row.run, float(result.run)),
        Cell(row.start),
        Cell(row.answer_speed, _key(result.eval_rate)),
        Cell(row.prompt_speed, _key(result.prompt_rate)),
        Cell(row.load, _key(result.load_s)),
        Cell(row.total, _key(result.total_s)),
        Cell(row.first_token, _key(result.first_token_s)),
        Cell(row.tokens, float(stats.eval_count) if ok else MISSING),
        Cell(row.prompt_tokens, float(stats.prompt_eval_count) if ok else MISSING),
        Cell(row.ended),
        Cell(row.where),
        # The server's own words as the tooltip, for whoever wants the detail.
        Cell(row.problem, None, result.error_detail),
    ]


class BenchmarkResults(QWidget):
    """Which benchmark is shown, its tables above its chart, and the model to use."""

    def __init__(self, texts: ExportTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts = texts
        self._tips = column_tips()
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

        tables_and_chart = QSplitter(Qt.Orientation.Vertical)
        tables_and_chart.addWidget(self.tabs)
        tables_and_chart.addWidget(self.chart)
        tables_and_chart.setChildrenCollapsible(False)
        tables_and_chart.setSizes([220, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.showing_label)
        layout.addWidget(tables_and_chart, 1)
        layout.addWidget(self.suggestion_label)

    def show_record(
        self, record: BenchmarkRecord | None, baseline: BenchmarkRecord | None, *, live: bool = False
    ) -> None:
        """Show `record` (None: nothing), compared with `baseline`; `live` while it still runs."""
        summaries = record.summaries() if record else ()
        before = baseline.summaries() if baseline else ()
        changes = speed_changes(summaries, before) if baseline is not None else {}
        self.summary_table.set_rows(
            summary_headings(self._texts, baseline is not None),
            [summary_cells(s, self._texts, changes.get(s.model)) for s in summaries],
            self._tips,
        )
        runs = record.results if record else ()
        self.runs_table.set_rows(
            run_header(self._texts).cells(), [run_cells(r, self._texts) for r in runs], self._tips
        )

        sets = []
        if record is not None:
            when = started_text(record.environment.started_at)
            label = (
                self.tr("This benchmark") if live else self.tr("This benchmark ({when})").format(when=when)
            )
            sets.append(ChartSet(label, summaries))
        if baseline is not None:
            when = started_text(baseline.environment.started_at)
            label = self.tr("Earlier ({when})").format(when=when)
            sets.append(ChartSet(label, before))
        self.chart.show_sets(sets)

        self._show_suggestion(record, live)
        if record is None or live:
            self.showing_label.clear()
        else:
            self.showing_label.setText(
                self.tr("Showing the benchmark of {when}.").format(
                    when=started_text(record.environment.started_at)
                )
            )

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
                "memory ({rate} tokens/s).",
            )
        else:
            text = self.tr(
                "No model fitted fully in the graphics card's memory, so all of them ran partly or only on "
                "the processor. The fastest was <b>{model}</b> ({rate} tokens/s).",
            )
        self.suggestion_label.setText(text.format(model=model, rate=rate))
