"""The Benchmark dialog's "Compare with:" list: every saved benchmark but the one shown, newest first.

Which benchmark is offered first is core's choice (`core.benchmark_compare.default_baseline`); this
list only shows the history and remembers the user's pick.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QWidget

from ollama_desktop.core.benchmark.runs import BenchmarkRecord
from ollama_desktop.ui.benchmark.texts import started_text


class BaselinePicker(QComboBox):
    """The earlier benchmark to compare with ("nothing" first); `currentIndexChanged` on a pick."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._history: tuple[BenchmarkRecord, ...] = ()

    def fill(
        self,
        history: Sequence[BenchmarkRecord],
        shown: BenchmarkRecord | None,
        select: BenchmarkRecord | None,
    ) -> None:
        """Offer every benchmark of `history` but `shown`, newest first, with `select` chosen."""
        self._history = tuple(history)
        with QSignalBlocker(self):
            self.clear()
            self.addItem(self.tr("nothing"), None)
            for index, record in reversed(list(enumerate(self._history))):
                if shown is not None and record.environment.started_at == shown.environment.started_at:
                    continue
                mode = self.tr("cold") if record.config.cold else self.tr("warm")
                text = self.tr("{when} · %n models · {mode}", "", len(record.config.models)).format(
                    when=started_text(record.environment.started_at), mode=mode
                )
                self.addItem(text, index)
                if select is not None and record is select:
                    self.setCurrentIndex(self.count() - 1)
            self.setEnabled(self.count() > 1)

    def chosen(self) -> BenchmarkRecord | None:
        """The benchmark picked, or None for "nothing"."""
        index = self.currentData()
        return self._history[index] if isinstance(index, int) and 0 <= index < len(self._history) else None
