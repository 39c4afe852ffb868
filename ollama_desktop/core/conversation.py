"""A chat as Ollama sees it: the messages so far, the system prompt, and the options."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

ROLE_SYSTEM = "system"
ROLE_USER = "user"
ROLE_ASSISTANT = "assistant"


@dataclass(frozen=True)
class ChatMessage:
    """One message of the history sent to /api/chat."""

    role: str
    content: str

    def to_json(self) -> dict[str, str]:
        return {"role": self.role, "content": self.content}


@dataclass(frozen=True)
class ChatOptions:
    """The per-chat settings; None means "the model's own default" and is not sent."""

    system_prompt: str = ""
    temperature: float | None = None
    num_predict: int | None = None
    num_ctx: int | None = None
    seed: int | None = None
    # Reasoning models: True thinks first (the reasoning comes in `message.thinking`), False answers
    # directly. A top-level field of the request, not an option; see `Conversation.request`.
    think: bool | None = None

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
    think: bool | None = None

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
        self, model: str, keep_alive: int | str | None = None, *, can_think: bool = False
    ) -> ChatRequest:
        """A request with the whole history, for `model`.

        `think: true` goes only to a model that can think (`can_think`, from /api/show's
        capabilities): Ollama refuses it from any other model. `think: false` is always safe.
        """
        history: list[ChatMessage] = []
        if self.options.system_prompt.strip():
            history.append(ChatMessage(ROLE_SYSTEM, self.options.system_prompt))
        history.extend(self.messages)
        think = self.options.think if (self.options.think is False or can_think) else None
        return ChatRequest(model, tuple(history), self.options.to_options(), keep_alive, think)
