"""The Models window's download box: a name or a suggestion, Download / Cancel, and the progress."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout

from ollama_desktop.controllers.models import ModelsController, PullState
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.models.suggestions import SUGGESTIONS
from ollama_desktop.ui.locale_format import size_text
from ollama_desktop.ui.messages import ErrorText, explain_pull_error, show_error
from ollama_desktop.ui.models.suggestion_text import suggestion_text
from ollama_desktop.ui.plain_text import plain_label, plain_tooltip


class PullBox(QGroupBox):
    """Downloads one model at a time through the ModelsController and says how it goes.

    `memory` is this computer's (bytes), to say which suggestions fit; None says nothing of it.

    Thread: GUI thread.
    """

    def __init__(self, controller: ModelsController, memory: int | None) -> None:
        super().__init__()
        self.setTitle(self.tr("Download a model"))
        self._controller = controller
        self.pull_name = QComboBox()
        self.pull_name.setEditable(True)
        self.pull_name.setMinimumContentsLength(24)
        edit = self.pull_name.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(self.tr("Model name, for example gemma3:1b"))
        for suggestion in SUGGESTIONS:
            self.pull_name.addItem(suggestion_text(suggestion, memory), suggestion.name)
        self.pull_name.setCurrentIndex(-1)
        self.pull_button = QPushButton(self.tr("Download"))
        self.pull_button.clicked.connect(self._on_pull_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel download"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self._controller.cancel_pull)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self._shown = 0  # the most of this download the bar has shown (per mille)
        self.pull_label = plain_label()
        self.pull_label.setWordWrap(True)

        pull_row = QHBoxLayout()
        pull_row.addWidget(self.pull_name, 1)
        pull_row.addWidget(self.pull_button)
        pull_row.addWidget(self.cancel_button)
        pull_layout = QVBoxLayout(self)
        pull_layout.addLayout(pull_row)
        pull_layout.addWidget(self.progress)
        pull_layout.addWidget(self.pull_label)

        controller.pull_progressed.connect(self._on_pull_progressed)
        controller.pull_finished.connect(self._on_pull_finished)
        controller.pull_failed.connect(self._on_pull_failed)
        controller.pull_cancelled.connect(self._on_pull_cancelled)

    def offer_pull(self, name: str) -> None:
        """Prefill the download box (the chat found the model missing)."""
        self.pull_name.setEditText(name)
        self.pull_button.setFocus()

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
            self._shown = 0
            self.pull_label.setText(self.tr("Starting the download of {name}…").format(name=name))

    @Slot(object)
    def _on_pull_progressed(self, state: PullState) -> None:
        fraction = state.fraction
        if fraction is None:
            self.progress.setRange(0, 0)
        else:
            # Ollama names the layers one after another, so the total grows as they come and the
            # fraction may step back (a small layer after the big one): the bar never does.
            value = self._shown = max(int(fraction * 1000), self._shown)
            self.progress.setRange(0, 1000)
            self.progress.setValue(value)
        done, total = size_text(state.completed), size_text(state.total)
        if state.speed:
            text = self.tr("{name}: {done} of {total} at {speed}/s").format(
                name=state.model, done=done, total=total, speed=size_text(int(state.speed))
            )
        else:
            text = self.tr("{name}: {done} of {total}").format(name=state.model, done=done, total=total)
        self.pull_label.setText(text if state.total else self._pull_step_text(state))
        self.pull_label.setToolTip(plain_tooltip(state.status))  # Ollama's own words for the step

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
