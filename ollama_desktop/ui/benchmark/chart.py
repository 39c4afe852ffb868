"""The bar chart of each model's median answer speed, with its slowest–fastest range marked."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from ollama_desktop.core.benchmark.runs import ModelSummary
from ollama_desktop.ui.color_scheme import is_dark
from ollama_desktop.ui.plain_text import html_text

# Share of a category's width the bars take together (Qt's default is 0.5, thin on a small chart)...
BAR_WIDTH = 0.7
# ...for this many models or more; fewer get narrower bars, so one model is not a wall of colour.
_FULL_WIDTH_FROM = 3
_CAP = 0.06  # half-width of a range mark's end caps, in category widths


@dataclass(frozen=True)
class ChartSet:
    """One benchmark's bars: its label in the legend and its per-model summaries."""

    label: str
    summaries: Sequence[ModelSummary]


@dataclass(frozen=True)
class RangeMark:
    """A drawn slowest–fastest range: its x position (category units) and its two ends."""

    x: float
    low: float
    high: float


class SpeedChart(QChartView):
    """Bars of median tokens/s per model, one bar set per benchmark, with the runs' range on each.

    Drawn with QtCharts: a QBarSeries for the medians and, for each bar, a small QLineSeries (an
    "I" shape) from the slowest to the fastest run, placed where Qt draws that bar. QtCharts draws
    titles, axis labels and the legend as rich text whenever they look like HTML: the model names
    and bar set labels it is given are escaped (`html_text`).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(320, 260)
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(chart.margins() * 0)
        if is_dark(self.palette()):
            chart.setTheme(QChart.ChartTheme.ChartThemeDark)
        self.setChart(chart)
        self.bars: QBarSeries | None = None
        self.bar_width = BAR_WIDTH
        self.ranges: list[RangeMark] = []
        self.models: list[str] = []
        self.show_sets([])

    def show_sets(self, sets: Sequence[ChartSet]) -> None:
        """Replace the chart with these benchmarks' medians (models in first-seen order)."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.bars = None
        self.ranges = []
        self.models = []
        for chart_set in sets:
            for summary in chart_set.summaries:
                if summary.eval_rate is not None and summary.model not in self.models:
                    self.models.append(summary.model)
        if not self.models:
            chart.setTitle(self.tr("The speeds will show here once a run has finished."))
            chart.legend().hide()
            return
        chart.setTitle(
            self.tr("How fast each model answers")
            + "<br><small>"
            + self.tr("median tokens per second; the line spans the slowest to the fastest run")
            + "</small>"
        )

        self.bar_width = BAR_WIDTH * min(1.0, len(self.models) / _FULL_WIDTH_FROM)
        bars = QBarSeries()
        bars.setBarWidth(self.bar_width)
        bars.setLabelsVisible(True)
        bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideBase)
        bars.setLabelsFormat("@value")
        bars.setLabelsPrecision(4)
        highest = 0.0
        for chart_set in sets:
            by_model = {s.model: s for s in chart_set.summaries if s.eval_rate is not None}
            bar_set = QBarSet(html_text(chart_set.label))
            for model in self.models:
                spread = by_model[model].eval_rate if model in by_model else None
                # A model this benchmark did not measure gets an empty bar (0), as QBarSet has no gaps.
                # Rounded as the table shows it, so the bar's label and the table agree.
                bar_set.append(round(spread.median, 1) if spread else 0.0)
                highest = max(highest, spread.high if spread else 0.0)
            bars.append(bar_set)
        chart.addSeries(bars)
        self.bars = bars

        axis_x = QBarCategoryAxis()
        axis_x.append([html_text(model) for model in self.models])
        axis_y = QValueAxis()
        axis_y.setRange(0.0, highest * 1.1 or 1.0)
        axis_y.applyNiceNumbers()  # round tick values (0, 10, 20 …), not fractions of the maximum
        axis_y.setTitleText(self.tr("tokens/s (higher is faster)"))
        axis_y.setLabelFormat("%.0f")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(axis_x)
        bars.attachAxis(axis_y)
        self._add_ranges(sets, axis_x, axis_y)
        chart.legend().setVisible(len(sets) > 1)

    def _add_ranges(self, sets: Sequence[ChartSet], axis_x: QBarCategoryAxis, axis_y: QValueAxis) -> None:
        chart = self.chart()
        pen = QPen(self.palette().color(QPalette.ColorRole.WindowText))
        pen.setWidthF(2.0)
        count = len(sets)
        for set_index, chart_set in enumerate(sets):
            # Qt centres a category's bars on its index and splits the bar width evenly between the sets.
            offset = (set_index - (count - 1) / 2) * self.bar_width / count
            for summary in chart_set.summaries:
                spread = summary.eval_rate
                if spread is None or spread.high <= spread.low or summary.model not in self.models:
                    continue
                x = self.models.index(summary.model) + offset
                line = QLineSeries()
                line.setPen(pen)
                for px, py in (
                    (x - _CAP, spread.low),
                    (x + _CAP, spread.low),
                    (x, spread.low),
                    (x, spread.high),
                    (x - _CAP, spread.high),
                    (x + _CAP, spread.high),
                ):
                    line.append(QPointF(px, py))
                chart.addSeries(line)
                line.attachAxis(axis_x)
                line.attachAxis(axis_y)
                for marker in chart.legend().markers(line):
                    marker.setVisible(False)
                self.ranges.append(RangeMark(x, spread.low, spread.high))

    def bar_values(self) -> dict[str, list[float]]:
        """Each bar set's values by its label, in model order (what the chart shows)."""
        if self.bars is None:
            return {}
        return {
            html.unescape(bar_set.label()): [bar_set.at(i) for i in range(bar_set.count())]
            for bar_set in self.bars.barSets()
        }
