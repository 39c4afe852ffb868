"""One conversation with a model: sending, streaming the answer in, stopping, starting over."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.conversation import ROLE_ASSISTANT, ROLE_USER, ChatOptions, Conversation
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.responses import ReplyStats
from ollama_desktop.workers import ChatStreamWorker, WorkerPool

# About one screen frame: text reaches the view at most this often, however fast tokens come.
FRAME_MS = 16


class ChatController(QObject):
    """Holds the conversation and the one answer in flight.

    Stop makes the controller idle at once and keeps what had arrived; whatever the stopped worker
    still sends is ignored. A question that got no answer at all (stopped, or failed) is taken out
    of the history and handed back through `prompt_restored`, so nothing the user typed is lost.

    Thread: GUI thread only; the stream runs on the pool.
    """

    question_added = Signal(str)
    reply_started = Signal(str)  # the model's name
    reply_text_arrived = Signal(str)  # the next piece of the answer (coalesced, ≤ one per frame)
    first_token_arrived = Signal(float)  # seconds from Send to the first token
    reply_finished = Signal(object)  # ReplyStats
    reply_stopped = Signal()
    reply_failed = Signal(object)  # OllamaError
    prompt_restored = Signal(str)
    busy_changed = Signal(bool)
    chat_cleared = Signal()

    def __init__(
        self, pool: WorkerPool, client: Callable[[], OllamaClient], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self._client = client
        self.conversation = Conversation()
        self.model = ""
        self.keep_alive: int | str | None = None
        self._worker: ChatStreamWorker | None = None
        self._reply: list[str] = []
        self._question = ""
        self._sent_at = 0.0
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(FRAME_MS)
        self._flush.timeout.connect(self._deliver_text)

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def set_model(self, name: str) -> None:
        """Use `name` from the next question on (an answer in flight finishes with its own model)."""
        self.model = name

    def set_options(self, options: ChatOptions) -> None:
        self.conversation.set_options(options)

    def send(self, text: str) -> bool:
        """Ask `text`; False (and nothing sent) when busy, empty, or no model is chosen."""
        if self.busy or not text.strip() or not self.model:
            return False
        self.conversation.add(ROLE_USER, text)
        request = self.conversation.request(self.model, self.keep_alive)
        worker = ChatStreamWorker(self._client(), request)
        worker.signals.text_arrived.connect(self._on_text_arrived)
        worker.signals.first_token.connect(self._on_first_token)
        worker.signals.succeeded.connect(self._on_reply_succeeded)
        worker.signals.failed.connect(self._on_reply_failed)
        self._worker = worker
        self._reply = []
        self._question = text
        self._sent_at = time.monotonic()
        self.question_added.emit(text)
        self.reply_started.emit(self.model)
        self.busy_changed.emit(True)
        self._pool.start(worker)
        return True

    def stop(self) -> None:
        """End the answer now, keeping the text that arrived; the connection is closed."""
        worker = self._worker
        if worker is None:
            return
        worker.cancel()
        self._deliver_text()
        self._finish()
        self.reply_stopped.emit()

    def new_chat(self) -> None:
        self.stop()
        self.conversation.clear()
        self.chat_cleared.emit()

    def shutdown(self) -> None:
        """Stop whatever is in flight (the window is closing)."""
        self.stop()

    # -- from the worker -----------------------------------------------------------------------

    def _from_current(self) -> bool:
        return self._worker is not None and self.sender() is self._worker.signals

    @Slot()
    def _on_text_arrived(self) -> None:
        if self._from_current() and not self._flush.isActive():
            self._flush.start()

    @Slot(float)
    def _on_first_token(self, seconds: float) -> None:
        if self._from_current():
            self.first_token_arrived.emit(seconds)

    @Slot()
    def _deliver_text(self) -> None:
        self._flush.stop()
        if self._worker is None:
            return
        text = self._worker.buffer.take()
        if text:
            self._reply.append(text)
            self.reply_text_arrived.emit(text)

    @Slot(object)
    def _on_reply_succeeded(self, stats: ReplyStats | None) -> None:
        if not self._from_current():
            return
        self._deliver_text()
        self._finish()
        self.reply_finished.emit(stats or ReplyStats())

    @Slot(object)
    def _on_reply_failed(self, error: OllamaError) -> None:
        if not self._from_current():
            return
        self._deliver_text()
        self._finish()
        self.reply_failed.emit(error)

    def _finish(self) -> None:
        self._worker = None
        self._flush.stop()
        reply = "".join(self._reply)
        self._reply = []
        if reply:
            self.conversation.add(ROLE_ASSISTANT, reply)
        else:
            # Nothing came back: the question leaves the history and goes back to the prompt box.
            self.conversation.drop_last(ROLE_USER)
            self.prompt_restored.emit(self._question)
        self.busy_changed.emit(False)
