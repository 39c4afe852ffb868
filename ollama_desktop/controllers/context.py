"""How full the open chat's context is, whether the server dropped its oldest messages, and the fixes.

Follows the chat (its answers' counts, its options, a chat opened or started over) and the memory
(/api/ps: the context a model was loaded with), and works out the figures with core/chat/context.py.
The two fixes it offers: a larger context for the chat (the last question asked again with it, and
what the model then takes in memory read back from /api/ps), and a new chat that starts from the
model's own summary of this one (in the new chat's system prompt, which the server never drops).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal, Slot

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.chat.context import (
    ContextAnalysis,
    ContextUsage,
    analyse,
    context_size,
    estimate_tokens,
    larger_size,
)
from ollama_desktop.core.chat.conversation import (
    ROLE_ASSISTANT,
    ROLE_USER,
    ChatMessage,
    ChatOptions,
    ChatRequest,
)
from ollama_desktop.core.chat.think_split import split_think
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.memory.residency import model_key
from ollama_desktop.core.responses import ChatChunk, RunningModel
from ollama_desktop.workers import CallWorker, WorkerPool

# Room left for an answer when a larger context is chosen, and for the summary in its request's.
ANSWER_ROOM = 512
SUMMARY_ROOM = 1024


class ContextController(QObject):
    """The open chat's context use (`usage_changed`), the alarm (`history_dropped`) and its fixes.

    Thread: GUI thread only; /api/show and the summary run on the pool.
    """

    usage_changed = Signal(object)  # ContextUsage
    history_dropped = Signal(str, int)  # the answer's id, how many of the oldest messages it lost
    # A larger context took effect: its size in tokens, then the model's memory with it and before
    # it, from /api/ps (0 when unknown).
    enlarged = Signal(int, object, object)  # bytes overflow a Qt int
    summary_started = Signal()
    summary_ready = Signal(str)  # the summary; the new chat has it in its system prompt
    summary_failed = Signal(object)  # OllamaError

    def __init__(
        self,
        chat: ChatController,
        residency: ResidencyController,
        pool: WorkerPool,
        client: Callable[[], OllamaClient],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._chat = chat
        self._residency = residency
        self._pool = pool
        self._client = client
        self._typed = ""
        self._attached = 0  # the tokens of the files attached to the next question
        self._analysis = ContextAnalysis()
        self._analysed: tuple[object, ...] = ()  # what the analysis was made from (see _analyse)
        self._history = 0  # the next prompt's tokens, the question left out
        self._usage = ContextUsage(0, 0)
        self._awaiting: tuple[str, int, int] | None = None  # model, new size, memory before
        self._summary: CallWorker | None = None
        chat.reply_finished.connect(self._on_reply_finished)
        chat.capabilities_loaded.connect(self.refresh)  # the model's longest context is known now
        # Another chat takes this one's place: a summary on its way and a reload awaited belong to
        # the one left (a late summary must not replace the chat the user went to, nor stop it).
        chat.conversation_loaded.connect(self._forget_pending)
        chat.chat_cleared.connect(self._forget_pending)
        self._alarmed = (0, "")  # the drop count last told, and in which conversation (see below)
        for signal in (
            chat.options_changed,
            chat.conversation_loaded,
            chat.chat_cleared,
            chat.conversation_truncated,
            chat.conversation_restored,
            chat.question_added,
            chat.reply_stopped,
            chat.reply_failed,
        ):
            signal.connect(self.refresh)
        residency.loaded_changed.connect(self._on_loaded_changed)

    # -- figures ---------------------------------------------------------------------------------

    @property
    def usage(self) -> ContextUsage:
        return self._usage

    @property
    def host(self) -> str:
        return self._client().host

    @property
    def maximum(self) -> int:
        """The chat model's largest context (/api/show), 0 until known."""
        return self._chat.models.maximum(self._chat.model)

    def size(self) -> tuple[int, str]:
        """The context the chat's next request runs in, and where the figure comes from."""
        options = self._chat.conversation.options
        model = self._chat.model
        if self._chat.is_cloud(model) and options.num_ctx is None:
            # Never in /api/ps, and not the local default: its own maximum (0, no gauge, until known).
            return self.maximum, "cloud"
        return context_size(model, options.num_ctx, self._residency.loaded)

    def set_typed(self, text: str) -> None:
        """What the prompt box holds now (it counts in the estimate of the next request)."""
        self._typed = text
        self.refresh()

    def set_attached(self, tokens: int) -> None:
        """What the files attached to the next question cost (they count with the typed text)."""
        self._attached = tokens
        self.refresh()

    def fits(self, typed_text: str) -> bool | None:
        """Whether the next question, `typed_text`, leaves the whole chat in the model's context;
        None when no model is chosen."""
        size, _source = self.size()
        if not self._chat.model or size <= 0:
            return None
        return self._next_prompt(typed_text) + self._attached <= size

    def larger_size(self) -> int | None:
        """The context the chat gets from `enlarge`, None if the model has no larger one."""
        size, _source = self.size()
        return larger_size(size, self.maximum, needed=self._next_prompt("") + ANSWER_ROOM)

    def _analyse(self) -> ContextAnalysis:
        """The analysis of the conversation as it is: walked again only when it or the context
        changed, not for each key typed nor for each /api/ps poll."""
        conversation = self._chat.conversation
        messages = conversation.messages
        system_prompt = conversation.options.system_prompt
        size, _source = self.size()
        last = messages[-1] if messages else None
        made_from = (
            id(conversation),
            len(messages),
            last and last.id,
            last and last.stats,
            system_prompt,
            size,
        )
        if made_from != self._analysed:
            self._analysed = made_from
            self._analysis = analyse(messages, system_prompt, size)
            self._history = self._analysis.history_tokens(messages)
        return self._analysis

    @Slot()
    def refresh(self) -> None:
        """Work the figures out again and tell them."""
        size, source = self.size()
        if not self._chat.model or size <= 0:  # no model, or its context unknown: the gauge hides
            self._usage = ContextUsage(0, 0)
            self.usage_changed.emit(self._usage)
            return
        analysis = self._analyse()
        typed = estimate_tokens(self._typed) + self._attached
        self._usage = ContextUsage(
            used=analysis.used,
            size=size,
            typed=typed,
            next_prompt=self._history + typed,
            source=source,
            measured=analysis.measured,
            dropped=analysis.latest_drop,
        )
        self.usage_changed.emit(self._usage)

    def _next_prompt(self, typed_text: str) -> int:
        self._analyse()
        return self._history + estimate_tokens(typed_text)

    @Slot()
    def _forget_pending(self) -> None:
        if self._summary is not None:
            self._summary.cancel()
            self._summary = None
        self._awaiting = None

    @Slot(object)
    def _on_reply_finished(self, _stats: object) -> None:
        self.refresh()
        drop = self._usage.dropped
        messages = self._chat.conversation.messages
        if drop is not None and messages and messages[-1].id == drop.reply_id:
            # Once over its context every answer is cut: told again only when more is lost.
            told, where = self._alarmed
            conversation = messages[0].id
            if drop.count > told or where != conversation:
                self._alarmed = (drop.count, conversation)
                self.history_dropped.emit(drop.reply_id, drop.count)
        if self._awaiting is not None:
            self._residency.refresh_now()  # to read back what the larger context takes

    @Slot(object)
    def _on_loaded_changed(self, loaded: tuple[RunningModel, ...]) -> None:
        if self._awaiting is not None:
            model, size, before = self._awaiting
            running = next((m for m in loaded if model_key(m.name) == model_key(model)), None)
            if running is not None and not self._chat.busy:
                # The first listing after the answer with the new size: whatever the server made
                # of it (it may load less than asked, for a model trained on less).
                self._awaiting = None
                self.enlarged.emit(running.context_length or size, running.size, before)
        self.refresh()

    # -- the fixes -----------------------------------------------------------------------------

    def enlarge(self) -> int | None:
        """Give the chat the next larger context and ask its last question again with it.

        The new size, or None when there is none larger or an answer is in flight.
        """
        size = self.larger_size()
        model = self._chat.model
        if size is None or self._chat.busy or not model:
            return None
        before = next((m.size for m in self._residency.loaded if model_key(m.name) == model_key(model)), 0)
        self._chat.set_options(replace(self._chat.conversation.options, num_ctx=size))
        messages = self._chat.conversation.messages
        asked = (
            bool(messages) and messages[-1].role in (ROLE_ASSISTANT, ROLE_USER) and self._chat.regenerate()
        )
        # A cloud model uses no memory here: nothing to read back.
        self._awaiting = (model, size, before) if asked and not self._chat.is_cloud(model) else None
        return size

    @property
    def summarizing(self) -> bool:
        return self._summary is not None

    def summarize(self) -> bool:
        """Ask the model for a summary of the chat; when it comes, start a new chat from it.

        The request gets a context large enough for the whole chat (up to the model's maximum), so
        the summary covers what the chat itself no longer sees. False when busy or nothing to sum up.
        """
        chat = self._chat
        if self._summary is not None or chat.busy or not chat.model or not chat.conversation.messages:
            return False
        options = chat.conversation.options
        size, _source = self.size()
        needed = self._next_prompt("") + SUMMARY_ROOM
        num_ctx = size if needed <= size else (larger_size(size, self.maximum, needed) or size)
        # No reasoning for a summary: `think: false` where the model and server take it.
        support = chat.think_support(chat.model)
        base = replace(chat.conversation, options=replace(options, think=False)).request(
            chat.model, chat.keep_alive, think=support
        )
        ask = self.tr(
            "Summarize our conversation so far for a new chat that continues it: the subject, "
            "the facts and decisions, what is still open. Write only the summary."
        )
        request = ChatRequest(
            base.model,
            (*base.messages, ChatMessage(ROLE_USER, ask)),
            {**base.options, "num_ctx": num_ctx},
            base.keep_alive,
            base.think,
        )
        client = self._client()
        worker = CallWorker(lambda token: client.chat_once(request, token))
        worker.signals.succeeded.connect(lambda chunk: self._on_summary(worker, chunk, options))
        worker.signals.failed.connect(lambda error: self._on_summary_failed(worker, error))
        worker.signals.cancelled.connect(lambda: self._on_summary_failed(worker, None))
        self._summary = worker
        self.summary_started.emit()
        self._pool.start(worker)
        return True

    def _on_summary(self, worker: CallWorker, chunk: ChatChunk, options: ChatOptions) -> None:
        if self._summary is not worker:
            return  # the chat changed meanwhile (see _forget_pending)
        self._summary = None
        if self._chat.busy:
            self.summary_failed.emit(None)
            return
        _reasoning, summary = split_think(chunk.content)  # a <think> block is no part of it
        summary = summary.strip()
        if not summary:
            self.summary_failed.emit(None)
            return
        system = options.system_prompt.strip()
        intro = self.tr("This chat continues an earlier one. Its summary:")
        prompt = f"{system}\n\n{intro}\n{summary}" if system else f"{intro}\n{summary}"
        self._chat.new_chat()
        self._chat.set_options(replace(self._chat.conversation.options, system_prompt=prompt))
        self.summary_ready.emit(summary)

    def _on_summary_failed(self, worker: CallWorker, error: OllamaError | None) -> None:
        if self._summary is worker:
            self._summary = None
            self.summary_failed.emit(error)

    def shutdown(self) -> None:
        if self._summary is not None:
            self._summary.cancel()
            self._summary = None
