"""A chat as Ollama sees it: the messages so far, the system prompt, and the options."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from ollama_desktop.core.attachments.attachment import Attachment, content_with_documents, images_of
from ollama_desktop.core.chat.thinking import ThinkSupport
from ollama_desktop.core.responses import ReplyStats

ROLE_SYSTEM = "system"
ROLE_USER = "user"
ROLE_ASSISTANT = "assistant"


def new_message_id() -> str:
    """A fresh message id, unique across runs: the saved history keeps a message under the same id
    (`StoredMessage.uid`), so the chat and its history name each message alike."""
    import uuid  # noqa: PLC0415 - with the `platform` module it brings, ~3 ms before the first frame

    return uuid.uuid4().hex


class MessageState(StrEnum):
    """Where a message stands: an answer streams, then ends done, stopped or failed."""

    STREAMING = "streaming"
    DONE = "done"
    STOPPED = "stopped"
    FAILED = "failed"
    INTERRUPTED = "interrupted"  # the app ended while it arrived (a saved answer, found on reopening)


@dataclass(frozen=True)
class ChatMessage:
    """One message of the conversation; only `role` and `content` are sent to /api/chat.

    `thinking` is a reasoning model's reasoning, kept apart from the answer: both Ollama's
    `message.thinking` and a `<think>` block at the start of the text end up here, split once by
    ChatController as the answer streams (`content` never holds the tags). `versions` are the
    earlier messages this one replaced (a regenerated answer, an edited question), oldest first.
    `model` wrote an answer; `error` says why a failed one failed (for the log and exports).
    `attachments` are a question's files: documents go into the text sent, pictures into `images`
    (`content` stays what the user typed).
    The id takes no part in equality: two messages with the same text are the same message to Ollama.
    """

    role: str
    content: str
    thinking: str = ""
    state: MessageState = MessageState.DONE
    stats: ReplyStats | None = None
    versions: tuple[ChatMessage, ...] = ()
    id: str = field(default_factory=new_message_id, compare=False)
    model: str = field(default="", compare=False)
    error: str = field(default="", compare=False)
    attachments: tuple[Attachment, ...] = ()

    def to_json(self) -> dict[str, Any]:
        if not self.attachments:
            return {"role": self.role, "content": self.content}
        body: dict[str, Any] = {
            "role": self.role,
            "content": content_with_documents(self.content, self.attachments),
        }
        images = images_of(self.attachments)
        if images:
            body["images"] = images
        return body

    def replacing(self, old: ChatMessage) -> ChatMessage:
        """This message as the newest version of `old`: it inherits `old`'s versions, and `old`."""
        return replace(self, versions=(*old.versions, replace(old, versions=())))


@dataclass(frozen=True)
class ChatOptions:
    """The per-chat settings; None means "the model's own default" and is not sent."""

    system_prompt: str = ""
    temperature: float | None = None
    num_predict: int | None = None
    num_ctx: int | None = None
    seed: int | None = None
    # Reasoning models: True or a level ("low", "medium", "high", "max") thinks first (the reasoning
    # comes in `message.thinking`), False answers directly. A top-level field of the request, not
    # an option; what is sent depends on the server and model: see `Conversation.request`.
    think: bool | str | None = None

    def to_options(self) -> dict[str, Any]:
        """The `options` object of a request, with only what the user set."""
        options: dict[str, Any] = {}
        if self.temperature is not None:
            options["temperature"] = self.temperature
        if self.num_predict is not None:
            options["num_predict"] = self.num_predict
        if self.num_ctx is not None:
            options["num_ctx"] = self.num_ctx
        if self.seed is not None:
            options["seed"] = self.seed
        return options


@dataclass(frozen=True)
class ChatRequest:
    """Everything one /api/chat call sends."""

    model: str
    messages: tuple[ChatMessage, ...]
    options: dict[str, Any] = field(default_factory=dict)
    keep_alive: int | str | None = None
    think: bool | str | None = None

    def to_json(self, *, stream: bool) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [message.to_json() for message in self.messages],
            "stream": stream,
        }
        if self.options:
            body["options"] = self.options
        if self.keep_alive is not None:
            body["keep_alive"] = self.keep_alive
        if self.think is not None:
            body["think"] = self.think
        return body


@dataclass
class Conversation:
    """The history of one chat. Lives on the GUI thread; requests are built from snapshots.

    The system prompt is not stored as a message: it is sent first on every request, so editing it
    takes effect on the next question without rewriting the history.
    """

    options: ChatOptions = field(default_factory=ChatOptions)
    messages: list[ChatMessage] = field(default_factory=list)

    def add(self, role: str, content: str) -> None:
        self.messages.append(ChatMessage(role, content))

    def append(self, message: ChatMessage) -> None:
        self.messages.append(message)

    def find(self, message_id: str) -> ChatMessage | None:
        """The message with this id, None if it is no longer in the conversation."""
        return next((message for message in self.messages if message.id == message_id), None)

    def drop_last(self, role: str) -> ChatMessage | None:
        """Remove and return the last message if it has this role (a question that got no answer)."""
        if self.messages and self.messages[-1].role == role:
            return self.messages.pop()
        return None

    def clear(self) -> None:
        self.messages.clear()

    def set_options(self, options: ChatOptions) -> None:
        self.options = replace(options)

    def request(
        self,
        model: str,
        keep_alive: int | str | None = None,
        *,
        can_think: bool = False,
        think: ThinkSupport | None = None,
    ) -> ChatRequest:
        """A request with the whole history, for `model`.

        `think: true` goes only to a model that can think (`can_think`, from the capabilities):
        Ollama refuses it from any other model. `think: false` is always safe. With `think` (what
        the server and model take), a level goes as chosen where the server takes levels, as
        `true` where it does not (see `ThinkSupport.to_send`).
        """
        history: list[ChatMessage] = []
        if self.options.system_prompt.strip():
            history.append(ChatMessage(ROLE_SYSTEM, self.options.system_prompt))
        history.extend(self.messages)
        support = think if think is not None else ThinkSupport(can_think=can_think)
        sent = support.to_send(self.options.think)
        return ChatRequest(model, tuple(history), self.options.to_options(), keep_alive, sent)
