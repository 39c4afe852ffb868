"""One conversation with a model: sending, streaming the answer in, stopping, starting over."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from ollama_desktop.controllers.connection import ConnectionStatus
from ollama_desktop.controllers.server_models import ServerModels
from ollama_desktop.core.attachments.attachment import Attachment
from ollama_desktop.core.chat.conversation import (
    ROLE_ASSISTANT,
    ROLE_USER,
    ChatMessage,
    ChatOptions,
    Conversation,
    MessageState,
    new_message_id,
)
from ollama_desktop.core.chat.think_split import ThinkSplitter
from ollama_desktop.core.chat.thinking import ThinkSupport
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import (
    ModelNotFound,
    OllamaError,
    RequestTimedOut,
    ServerUnreachable,
    StreamIncomplete,
)
from ollama_desktop.core.responses import InstalledModel, ReplyStats
from ollama_desktop.workers import ChatStreamWorker, WorkerPool

# Text reaches the view at most once a frame, however fast tokens come. While much text comes
# (QUIET_BELOW_CHARS or more a frame), a frame is a screen frame, counted from the previous
# delivery, not from the text's arrival: text that arrives while the view is still busy with the
# last delivery waits only for the rest of the frame (at 10,000 tokens/s that took the worst
# token-to-screen time from 36 to ~25 ms). While little comes, each update costs about the same
# whatever its size, so text waits for more: up to LATENCY_BUDGET_MS from the arrival of the oldest
# piece, which leaves time to render and paint it within two screen frames (33 ms). At 100 tokens/s
# that makes an update of three tokens every 30 ms instead of 2.5 every 25 ms, and at 40 tokens/s
# half as many updates.
FRAME_MS = 16
LATENCY_BUDGET_MS = 25
QUIET_BELOW_CHARS = 256
# The live speed is told this often: a figure that changes every frame cannot be read.
PROGRESS_S = 0.25
# After this long without a token the user is told so (and every second after): the stream's read
# limit is the original scripts' 30 minutes, which a model loading or a busy server may need, but
# half a minute of silence already deserves a word.
QUIET_AFTER_S = 30.0


class ChatController(QObject):
    """Holds the conversation and the one answer in flight.

    The conversation's messages are the chat's one list: each answer is added when it ends, with
    its state (done, stopped, failed), stats and reasoning, under the id announced as `reply_id`
    when it started; a regenerated answer or an edited question keeps what it replaced as versions.

    Stop makes the controller idle at once and keeps what had arrived; whatever the stopped worker
    still sends is ignored. A question that got no answer at all (stopped, or failed) is taken out
    of the history and handed back through `prompt_restored`, so nothing the user typed is lost.

    Thread: GUI thread only; the stream runs on the pool.
    """

    question_added = Signal(str)
    reply_started = Signal(str)  # the model's name
    # The next piece of the answer (coalesced, ≤ one per frame), and of the model's reasoning (same
    # pace): Ollama's `message.thinking`, and a `<think>…</think>` block at the start of the content,
    # split off here once (the view, the history and the export see no tags).
    reply_text_arrived = Signal(str)
    reply_thinking_arrived = Signal(str)
    reply_progressed = Signal(int, float)  # tokens so far, seconds since the first (≤ 4 a second)
    # Seconds since the latest token (or since Send), once a second after QUIET_AFTER_S of silence;
    # and whether any token had come before the silence.
    reply_quiet = Signal(int, bool)
    capabilities_loaded = Signal(str, object)  # model, tuple of /api/show capabilities
    first_token_arrived = Signal(float)  # seconds from Send to the first token
    reply_finished = Signal(object)  # ReplyStats
    reply_stopped = Signal(bool)  # whether the question stays in the chat (False: back in the prompt box)
    reply_failed = Signal(object)  # OllamaError
    prompt_restored = Signal(str)
    attachments_restored = Signal(object)  # tuple[Attachment, ...]: a question's files, just before its text
    busy_changed = Signal(bool)
    chat_cleared = Signal()
    # For the saved history (controllers/history_recorder.py) and for regenerate / edit-and-resend:
    conversation_loaded = Signal()  # a saved conversation took the place of the current one
    conversation_truncated = Signal(int)  # cut back to its first n messages, before asking again
    conversation_restored = Signal()  # what was cut got nothing in its place: it is back as it was
    options_changed = Signal(object)  # ChatOptions
    # What a failed answer calls for (the app wires them to the connection and the residency): the
    # server may be gone, check it now; the model is not installed (its name): reload the list and
    # offer the download; and, always, find out whether memory or a stalled load was the cause.
    server_doubted = Signal()
    model_missing = Signal(str)
    diagnosis_wanted = Signal(object, str)  # OllamaError, model

    def __init__(
        self,
        pool: WorkerPool,
        client: Callable[[], OllamaClient],
        parent: QObject | None = None,
        *,
        quiet_after_s: float = QUIET_AFTER_S,
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self._client = client
        self.conversation = Conversation()
        self.model = ""
        self.keep_alive: int | str | None = None
        self._worker: ChatStreamWorker | None = None
        self._reply: list[str] = []
        self._thinking: list[str] = []
        self._splitter = ThinkSplitter()
        self._reply_model = ""
        # The id the answer in flight will have in the conversation (the history saves it under
        # the same id while it streams).
        self.reply_id = ""
        self._question = ""
        self._sent_at = 0.0
        self._progress_at = 0.0
        self.models = ServerModels(pool, client, self)
        self.models.capabilities_loaded.connect(self.capabilities_loaded)
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may be 5 % late
        self._flush.timeout.connect(self._deliver_text)
        self._delivered_at = 0.0  # time.monotonic() of the last delivery
        # Tells the live speed once more when the last tokens came less than PROGRESS_S after it
        # was told: otherwise a stream that stalls after a burst shows the count of the burst's
        # first token for as long as it stalls ("1 token" after 3).
        self._progress_due = QTimer(self)
        self._progress_due.setSingleShot(True)
        self._progress_due.timeout.connect(self._tell_progress)
        self._quiet_after_s = quiet_after_s
        self._quiet_watch = QTimer(self)
        self._quiet_watch.setInterval(1000)
        self._quiet_watch.timeout.connect(self._on_quiet_watch)
        self._quiet = True  # the last delivery carried little text
        # Called with a new question and a function that sends it; the history saves the question
        # first, then calls the function. None: send at once.
        self.before_send: Callable[[str, Callable[[], None]], None] | None = None
        self._question_added = False
        self._replaced: list[ChatMessage] | None = None  # what regenerate / edit cut off, until an answer
        # The text of the answer that ended last, the conversation's own string ("" if none came):
        # the view copies it from there rather than keep a copy of a long answer of its own.
        self.answer_text = ""

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def set_model(self, name: str) -> None:
        """Use `name` from the next question on (an answer in flight finishes with its own model).

        What it can do is learnt in the background (`models`), so `think` is sent only to a model
        that can think.
        """
        self.model = name
        if name:
            self.models.look_up(name)

    # What the server's models can do (see ServerModels): kept here for the window and the tests.

    def learn_server(self, status: ConnectionStatus) -> None:
        self.models.learn_server(status)

    def learn_models(self, models: tuple[InstalledModel, ...]) -> None:
        self.models.learn_models(models, self.model)

    def is_cloud(self, model: str) -> bool:
        return self.models.is_cloud(model)

    def capabilities(self, model: str) -> tuple[str, ...] | None:
        return self.models.capabilities(model)

    def can_think(self, model: str) -> bool:
        return self.models.can_think(model)

    def think_support(self, model: str) -> ThinkSupport:
        return self.models.think_support(model)

    def set_options(self, options: ChatOptions) -> None:
        self.conversation.set_options(options)
        self.options_changed.emit(self.conversation.options)

    def send(self, text: str, attachments: Sequence[Attachment] = ()) -> bool:
        """Ask `text` with `attachments`; False (and nothing sent) when busy, with neither text nor
        attachments, or with no model chosen."""
        if self.busy or not (text.strip() or attachments) or not self.model:
            return False
        self.conversation.append(ChatMessage(ROLE_USER, text, attachments=tuple(attachments)))
        self._start_answer(text, new_question=True)
        return True

    def regenerate(self) -> bool:
        """Ask the last question again. Its answer is replaced here (the saved history keeps it as a
        version); if the new one brings nothing at all, the old one comes back.

        False when busy, with no model chosen, or with no question to ask again.
        """
        messages = self.conversation.messages
        if self.busy or not self.model:
            return False
        cut = len(messages) - 1 if messages and messages[-1].role == ROLE_ASSISTANT else len(messages)
        if cut == 0 or messages[cut - 1].role != ROLE_USER:
            return False
        self._truncate(cut)
        self._start_answer(messages[cut - 1].content, new_question=False)
        return True

    def edit_question(self, index: int, text: str) -> bool:
        """Ask `text` in place of the question at `index`; the messages after it are replaced.

        If the new question gets no answer at all, the chat goes back to how it was and the new
        text goes back to the prompt box. False when busy, with no model, or `index` is no question.
        """
        messages = self.conversation.messages
        if self.busy or not self.model or not text.strip():
            return False
        if not 0 <= index < len(messages) or messages[index].role != ROLE_USER:
            return False
        old = messages[index]
        self._truncate(index)
        edited = ChatMessage(ROLE_USER, text, attachments=old.attachments)  # its files go with it
        self.conversation.append(edited.replacing(old))
        self._start_answer(text, new_question=True)
        return True

    def load_conversation(self, conversation: Conversation) -> None:
        """Continue a saved conversation: an answer in flight stops, and this one takes its place."""
        self.stop()
        self.conversation = conversation
        self._replaced = None
        self.conversation_loaded.emit()

    def _truncate(self, count: int) -> None:
        self._replaced = self.conversation.messages[count:]
        del self.conversation.messages[count:]
        self.conversation_truncated.emit(count)

    def _start_answer(self, text: str, *, new_question: bool) -> None:
        """Stream the answer to the history as it stands; `text` is its last question."""
        support = self.think_support(self.model)
        request = self.conversation.request(self.model, self.keep_alive, think=support)
        worker = ChatStreamWorker(self._client(), request)
        worker.signals.text_arrived.connect(self._on_text_arrived)
        worker.signals.first_token.connect(self._on_first_token)
        worker.signals.succeeded.connect(self._on_reply_succeeded)
        worker.signals.failed.connect(self._on_reply_failed)
        self._worker = worker
        self._reply = []
        self._thinking = []
        self._splitter = ThinkSplitter()
        self._reply_model = self.model
        self.reply_id = new_message_id()
        self.answer_text = ""
        self._question = text
        self._sent_at = time.monotonic()
        self._progress_at = 0.0
        self._question_added = new_question
        if new_question:
            self.question_added.emit(text)
        self.reply_started.emit(self.model)
        self.busy_changed.emit(True)
        self._quiet_watch.start()
        if new_question and self.before_send is not None:
            self.before_send(text, lambda: self._release(worker))
        else:
            self._pool.start(worker)

    def _release(self, worker: ChatStreamWorker) -> None:
        if self._worker is worker:  # not stopped meanwhile
            self._pool.start(worker)

    def stop(self) -> None:
        """End the answer now, keeping the text that arrived; the connection is closed."""
        worker = self._worker
        if worker is None:
            return
        worker.cancel()
        self._deliver_text()
        self.reply_stopped.emit(not self._finish(MessageState.STOPPED))

    def new_chat(self) -> None:
        self.stop()
        self.conversation.clear()
        self.answer_text = ""
        self.chat_cleared.emit()

    def shutdown(self) -> None:
        """Stop whatever is in flight (the window is closing)."""
        self.stop()

    # -- from the worker -----------------------------------------------------------------------

    def _from_current(self) -> bool:
        return self._worker is not None and self.sender() is self._worker.signals

    @Slot()
    def _on_text_arrived(self) -> None:
        worker = self._worker
        if worker is None or not self._from_current() or self._flush.isActive():
            return
        waiting_since = worker.waiting_since()
        if waiting_since is None:
            return  # a late signal: its text went with the last delivery
        if self._quiet:
            due = waiting_since + LATENCY_BUDGET_MS / 1000
        else:
            due = self._delivered_at + FRAME_MS / 1000
        self._flush.start(max(0, round((due - time.monotonic()) * 1000)))

    @Slot(float)
    def _on_first_token(self, seconds: float) -> None:
        if self._from_current():
            self.first_token_arrived.emit(seconds)

    @Slot()
    def _deliver_text(self) -> None:
        self._flush.stop()
        self._delivered_at = time.monotonic()
        worker = self._worker
        if worker is None:
            return
        thinking = worker.thinking.take()
        content = worker.buffer.take()
        if content or thinking:
            self._quiet = len(content) + len(thinking) < QUIET_BELOW_CHARS
        thought, text = self._splitter.feed(content) if content else ("", "")
        self._take(thinking + thought, text)
        if worker.first_token_at is not None:
            wait = self._progress_at + PROGRESS_S - time.monotonic()
            if wait <= 0:
                self._tell_progress()
            elif not self._progress_due.isActive():
                self._progress_due.start(round(wait * 1000))

    def _take(self, thinking: str, text: str) -> None:
        if thinking:
            self._thinking.append(thinking)
            self.reply_thinking_arrived.emit(thinking)
        if text:
            self._reply.append(text)
            self.reply_text_arrived.emit(text)

    @Slot()
    def _tell_progress(self) -> None:
        worker = self._worker
        if worker is None or worker.first_token_at is None:
            return
        self._progress_due.stop()
        self._progress_at = time.monotonic()
        self.reply_progressed.emit(worker.tokens, self._progress_at - worker.first_token_at)

    @Slot(object)
    def _on_reply_succeeded(self, stats: ReplyStats | None) -> None:
        if not self._from_current():
            return
        self._deliver_text()
        self._finish(MessageState.DONE, stats)
        self.reply_finished.emit(stats or ReplyStats())

    @Slot(object)
    def _on_reply_failed(self, error: OllamaError) -> None:
        if not self._from_current():
            return
        self._deliver_text()
        model = self._reply_model
        self._finish(MessageState.FAILED, error=error)
        self.reply_failed.emit(error)
        self._after_failure(error, model)

    def _after_failure(self, error: OllamaError, model: str) -> None:
        """What a failed answer calls for, told once the failure itself is shown."""
        if isinstance(error, ServerUnreachable | StreamIncomplete | RequestTimedOut):
            # The server may be gone: find out now rather than at the next scheduled check.
            self.server_doubted.emit()
        elif isinstance(error, ModelNotFound):
            self.model_missing.emit(model)
        self.diagnosis_wanted.emit(error, model)

    @Slot()
    def _on_quiet_watch(self) -> None:
        worker = self._worker
        if worker is None:
            return
        since = worker.last_token_at or self._sent_at
        quiet = time.monotonic() - since
        if quiet >= self._quiet_after_s:
            self.reply_quiet.emit(int(quiet), worker.last_token_at is not None)

    def _finish(
        self, state: MessageState, stats: ReplyStats | None = None, error: OllamaError | None = None
    ) -> bool:
        """End the answer in flight as `state`; True when its question went back to the prompt box."""
        self._take(*self._splitter.finish())  # a tag cut short at the very end is text after all
        self._worker = None
        self._flush.stop()
        self._progress_due.stop()
        self._quiet_watch.stop()
        reply = "".join(self._reply)
        thinking = "".join(self._thinking)
        self._reply = []
        self._thinking = []
        self.answer_text = reply
        replaced, self._replaced = self._replaced, None
        restored = False
        if reply:
            answer = ChatMessage(
                ROLE_ASSISTANT,
                reply,
                thinking,
                state,
                stats,
                id=self.reply_id,
                model=self._reply_model,
                error="" if error is None else f"{type(error).__name__}: {error}",
            )
            if replaced and replaced[0].role == ROLE_ASSISTANT:
                answer = answer.replacing(replaced[0])  # regenerated: the old answer is a version
            self.conversation.append(answer)
        elif replaced is not None:
            # A regenerated answer or an edited question brought nothing: the chat goes back to how
            # it was, and an edited question's new text to the prompt box.
            if self._question_added:
                self._give_back(self.conversation.drop_last(ROLE_USER))
                restored = True
            self.conversation.messages.extend(replaced)
            self.conversation_restored.emit()
        else:
            # Nothing came back: the question leaves the history and goes back to the prompt box.
            self._give_back(self.conversation.drop_last(ROLE_USER))
            restored = True
        self.busy_changed.emit(False)
        return restored

    def _give_back(self, question: ChatMessage | None) -> None:
        """An unanswered question goes back to the composer: its files first, then its text."""
        if question is not None and question.attachments:
            self.attachments_restored.emit(question.attachments)
        self.prompt_restored.emit(self._question)
