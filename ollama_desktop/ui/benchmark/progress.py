"""The Benchmark dialog's progress: a bar counting the runs, and a line saying what happens now."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from ollama_desktop.core.benchmark.runner import Phase, Progress
from ollama_desktop.core.benchmark.runs import BenchmarkConfig, BenchmarkRecord, plan
from ollama_desktop.ui.benchmark.texts import prompt_titles
from ollama_desktop.ui.plain_text import plain_label


class BenchmarkProgress(QWidget):
    """Where a running benchmark stands, and how the last one ended."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.bar.setFormat(self._runs_format())
        # Before the first start there is nothing to count: the bar appears when a benchmark starts.
        self.bar.hide()
        # Model names come from the server: this label draws plain text.
        self.now_label = plain_label()
        self.now_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.now_label)

    def _runs_format(self) -> str:
        return self.tr("%v of %m runs done")

    def start(self, config: BenchmarkConfig) -> None:
        self.bar.setRange(0, len(plan(config)))
        self.bar.setValue(0)
        self.bar.setFormat(self._runs_format())
        self.bar.show()

    def show_progress(self, progress: Progress) -> None:
        self.bar.setValue(progress.done)
        step = progress.step
        if progress.phase is Phase.RESTORING:
            self.now_label.setText(self.tr("Loading again the models that were in memory before…"))
            return
        if step is None:
            self.now_label.setText(self.tr("Getting ready: asking Ollama for its version…"))
            return
        where = self.tr(
            "Model {model} of {models} · run {run} of {runs} · question {prompt} of {prompts}",
        ).format(
            model=step.model_number,
            models=step.model_count,
            run=step.run,
            runs=step.runs,
            prompt=step.prompt_number,
            prompts=step.prompt_count,
        )
        # Qt fills in %v and %m; a literal % in the text must be doubled.
        self.bar.setFormat(where.replace("%", "%%") + "   —   " + self._runs_format())
        if progress.phase is Phase.UNLOADING:
            text = self.tr("Freeing the memory used by {model}…")
        elif progress.phase is Phase.LOADING:
            text = self.tr("Loading {model} into memory…")
        else:
            text = self.tr("{model} is answering the question “{question}”…")
        question = prompt_titles().get(step.prompt.key, step.prompt.key)
        self.now_label.setText(text.format(model=step.model, question=question))

    def count_run(self) -> None:
        """One more run finished."""
        self.bar.setValue(self.bar.value() + 1)

    def show_finished(self, record: BenchmarkRecord) -> None:
        self.bar.setValue(self.bar.maximum())
        self.bar.setFormat(self._runs_format())
        failed = sum(1 for r in record.results if not r.ok)
        text = self.tr("Finished: %n runs.", "", len(record.results))
        if failed:
            text += " " + self.tr("%n of them failed; the table says why.", "", failed)
        self.now_label.setText(text)

    def show_stopped(self, record: BenchmarkRecord) -> None:
        self.bar.setFormat(self._runs_format())
        self.now_label.setText(self.tr("Stopped. The %n finished runs are kept.", "", len(record.results)))

    def show_broke_off(self) -> None:
        self.bar.setFormat(self._runs_format())
        self.now_label.setText(
            self.tr(
                "The benchmark stopped because of an unexpected problem. The finished runs are kept.",
            )
        )
