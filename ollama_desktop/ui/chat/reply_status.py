"""What the window says about the answer in flight: waiting, speed, where it runs, silences, the end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLabel

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.memory.residency import find
from ollama_desktop.core.responses import ReplyStats, RunningModel
from ollama_desktop.ui.chat.reply_speeds import describe_live_speed, describe_reply_speeds
from ollama_desktop.ui.chat.view import ChatView
from ollama_desktop.ui.memory.residency_text import diagnosis_text, placement_text

if TYPE_CHECKING:
    from ollama_desktop.core.memory.diagnosis import Diagnosis


class ReplyStatus(QObject):
    """Follows the chat's answer in the status bar's reply label and under the answer in the chat.

    A failed answer is not shown here: the window shows the problem.
    """

    def __init__(
        self,
        chat: ChatController,
        residency: ResidencyController,
        chat_view: ChatView,
        reply_label: QLabel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._chat = chat
        self._residency = residency
        self._chat_view = chat_view
        self._label = reply_label
        self._first_token_s: float | None = None
        # Why the answer in flight went quiet: None while it flows; "" while /api/ps is asked why.
        self._quiet_cause: str | None = None
        chat.reply_started.connect(self._on_reply_started)
        chat.reply_progressed.connect(self._on_reply_progressed)
        chat.reply_quiet.connect(self._on_reply_quiet)
        chat.first_token_arrived.connect(self._on_first_token)
        chat.reply_finished.connect(self._on_reply_finished)
        chat.reply_stopped.connect(self._on_reply_stopped)
        residency.loaded_changed.connect(self._on_loaded_changed)
        residency.stall_diagnosed.connect(self._on_stall_diagnosed)

    @Slot(str)
    def _on_reply_started(self, model: str) -> None:
        self._first_token_s = None
        self._quiet_cause = None
        self._chat_view.begin_reply(model)
        self._label.setText(self.tr("Waiting for {model}…").format(model=model))

    @Slot(float)
    def _on_first_token(self, seconds: float) -> None:
        self._first_token_s = seconds
        self._label.setText(self.tr("Answering…"))
        # The model is in memory now: show where it runs for this answer.
        self._residency.refresh_now()

    @Slot(object)
    def _on_loaded_changed(self, loaded: tuple[RunningModel, ...]) -> None:
        found = find(self._chat.model, loaded)
        if self._chat.busy and self._first_token_s is not None and found is not None:
            self._label.setText(self.tr("Answering… runs on: {where}").format(where=placement_text(found)))

    @Slot(int, float)
    def _on_reply_progressed(self, tokens: int, seconds: float) -> None:
        self._quiet_cause = None  # text flows again: a later silence gets a fresh look
        speed = describe_live_speed(tokens, seconds)
        self._chat_view.set_reply_note(speed)
        found = find(self._chat.model, self._residency.loaded)
        if found is not None:
            where = placement_text(found)
            self._label.setText(
                self.tr("Answering… {speed} · runs on: {where}").format(speed=speed, where=where)
            )
        else:
            self._label.setText(self.tr("Answering… {speed}").format(speed=speed))

    @Slot(int, bool)
    def _on_reply_quiet(self, seconds: int, answering: bool) -> None:
        """Nothing has come for a while: say so, why it may be, and that Stop ends it."""
        model = self._chat.model
        if answering:
            if self._quiet_cause is None:
                self._quiet_cause = ""
                self._residency.diagnose_stall(model)
            status = self.tr("Nothing has arrived for {seconds} s. Stop (Esc) ends it.")
            note = self.tr(
                "Nothing has arrived for {seconds} s. {cause} Stop (Esc) ends the answer and keeps what came."
            )
        else:
            status = self.tr("{model} has sent nothing for {seconds} s. Stop (Esc) ends it.")
            note = self.tr(
                "{model} has sent nothing for {seconds} s. A large model can take minutes to load. "
                "Stop (Esc) ends the wait."
            )
        self._label.setText(status.format(model=model, seconds=seconds))
        note = note.format(model=model, seconds=seconds, cause=self._quiet_cause or "")
        self._chat_view.set_reply_note(" ".join(note.split()))  # no double space without a cause

    @Slot(object)
    def _on_stall_diagnosed(self, diagnosis: Diagnosis) -> None:
        if self._chat.busy and self._quiet_cause is not None:
            self._quiet_cause = diagnosis_text(diagnosis)

    @Slot(object)
    def _on_reply_finished(self, stats: ReplyStats) -> None:
        summary = describe_reply_speeds(stats, self._first_token_s)
        note = " · ".join(part for part in (summary, self._placement_note(self._chat.model)) if part)
        self._chat_view.end_reply(note, self._chat.answer_text)  # Copy takes the conversation's text
        self._label.setText(summary)
        self._residency.refresh_now()

    @Slot(bool)
    def _on_reply_stopped(self, kept: bool) -> None:
        self._chat_view.end_reply(self.tr("Stopped."), self._chat.answer_text)
        if kept:
            self._label.setText(self.tr("Stopped."))
        else:
            self._label.setText(
                self.tr("Stopped before the answer began. Your question is back in the box below.")
            )

    def _placement_note(self, model: str) -> str:
        found = find(model, self._residency.loaded)
        return self.tr("ran on: {where}").format(where=placement_text(found)) if found else ""
