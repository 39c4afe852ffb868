"""The values the history stores: messages, their statuses, conversations and forks (no Qt).

Plain frozen dataclasses, their JSON forms as stored in the file, and the reading of a row back into
them (`record_from_row`, `message_from_row`), with the path and the versions along it.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ollama_desktop.core.attachments.attachment import Attachment
from ollama_desktop.core.chat.conversation import (
    ROLE_ASSISTANT,
    ChatMessage,
    ChatOptions,
    MessageState,
)
from ollama_desktop.core.chat.think_split import THINK_OPEN, split_think
from ollama_desktop.core.responses import ReplyStats

TITLE_LENGTH = 60
# The largest context or answer length an option may hold (as the Chat settings dialog allows).
MAX_TOKENS_OPTION = 1_048_576
MESSAGE_COLUMNS = "uid, parent_uid, role, content, status, model, created_at, stats, error, thinking"
CONVERSATION_COLUMNS = "uid, title, title_edited, model, options, created_at, updated_at, leaf_uid, draft"


class MessageStatus(enum.StrEnum):
    """Where a message stands. Stored as its value; never renamed (old files keep the old words)."""

    SENT = "sent"  # a question that went to the model
    UNANSWERED = "unanswered"  # a question that got no answer at all (kept, off the path)
    STREAMING = "streaming"  # an answer still arriving (or cut off by a crash, until the next start)
    DONE = "done"
    STOPPED = "stopped"  # the user pressed Stop; what had arrived is kept
    FAILED = "failed"  # the answer broke off with an error; what had arrived is kept
    INTERRUPTED = "interrupted"  # the app ended while the answer was arriving (found at the next start)


def new_uid() -> str:
    """A fresh identifier; made by the caller so it can refer to a row before it is written."""
    import uuid  # noqa: PLC0415 - with the `platform` module it brings, ~3 ms before the first frame

    return uuid.uuid4().hex


@dataclass(frozen=True)
class StoredMessage:
    """One message as saved.

    Attributes:
        uid: the identifier (also the identity in exported files).
        parent_uid: the message it answers or follows; None for the first one.
        role: "user" or "assistant".
        content: the text.
        status: see MessageStatus.
        model: the model that wrote an answer ("" for questions).
        created_at: Unix time in seconds.
        stats: Ollama's counters for a finished answer.
        error: what went wrong, for the log and exports (the UI words come from the status).
        thinking: a reasoning model's thinking before its answer.
        attachments: a question's files, as they were sent (kept with the message, in the file too).
    """

    uid: str
    parent_uid: str | None
    role: str
    content: str
    status: MessageStatus
    model: str = ""
    created_at: float = 0.0
    stats: ReplyStats | None = None
    error: str = ""
    thinking: str = ""
    attachments: tuple[Attachment, ...] = ()

    def __post_init__(self) -> None:
        # Versions before 0.5 saved a `<think>` model's reasoning inside the answer; it is taken out
        # here, where a saved message is read (file or import), as ChatController does while one streams.
        if self.role == ROLE_ASSISTANT and _THINK_AT_START.match(self.content):
            thought, answer = split_think(self.content)
            reasoning = "\n\n".join(part.strip() for part in (self.thinking, thought) if part.strip())
            object.__setattr__(self, "content", answer)
            object.__setattr__(self, "thinking", reasoning)

    def as_chat_message(self) -> ChatMessage:
        """The message in the chat, under the same id."""
        state = _CHAT_STATES.get(self.status, MessageState.DONE)
        return ChatMessage(
            self.role,
            self.content,
            self.thinking,
            state,
            self.stats,
            id=self.uid,
            model=self.model,
            error=self.error,
            attachments=self.attachments,
        )


# An answer that was still arriving when the app ended (found streaming: it crashed) was interrupted.
_CHAT_STATES = {
    MessageStatus.STOPPED: MessageState.STOPPED,
    MessageStatus.FAILED: MessageState.FAILED,
    MessageStatus.STREAMING: MessageState.INTERRUPTED,
    MessageStatus.INTERRUPTED: MessageState.INTERRUPTED,
}
_THINK_AT_START = re.compile(r"\s*" + re.escape(THINK_OPEN))


@dataclass(frozen=True)
class ConversationRecord:
    """A conversation's own fields.

    Attributes:
        uid: the identifier.
        title: shown in the list; from the first question unless the user renamed it.
        title_edited: the user chose the title (a later first question must not replace it).
        model: the model of the last question.
        options: the system prompt and options of the chat.
        created_at, updated_at: Unix times in seconds.
        leaf_uid: the last message of the path shown; None while empty.
        draft: a question to put back in the prompt box on reopening (it got no answer).
    """

    uid: str
    title: str = ""
    title_edited: bool = False
    model: str = ""
    options: ChatOptions = field(default_factory=ChatOptions)
    created_at: float = 0.0
    updated_at: float = 0.0
    leaf_uid: str | None = None
    draft: str = ""


@dataclass(frozen=True)
class ConversationSummary:
    """One line of the conversation list."""

    uid: str
    title: str
    model: str
    created_at: float
    updated_at: float


@dataclass(frozen=True)
class StoredConversation:
    """A conversation as reopened.

    Attributes:
        record: its own fields.
        path: the messages shown, first to last (from the root to the leaf).
        versions: for each message of `path`, the uids of its versions (itself and its siblings of
            the same role, oldest first); a message with one version has a 1-tuple.
        messages: every message, all versions, in the order they were written (for export).
    """

    record: ConversationRecord
    path: tuple[StoredMessage, ...]
    versions: tuple[tuple[str, ...], ...]
    messages: tuple[StoredMessage, ...] = ()

    def draft_attachments(self) -> tuple[Attachment, ...]:
        """The files of the last question that got no answer, if nothing was asked after it: they
        come back to the composer with the draft's text (a question of pictures alone has no text)."""
        if not self.record.draft and not self.messages:
            return ()
        after = self.path[-1].created_at if self.path else float("-inf")
        for message in reversed(self.messages):
            if message.status is MessageStatus.UNANSWERED and message.created_at >= after:
                return message.attachments
        return ()


@dataclass(frozen=True)
class Fork:
    """A message of the path shown that has other versions (from regenerating or editing).

    Attributes:
        index: its place in the path.
        role: "user" (an edited question) or "assistant" (a regenerated answer).
        position, count: it is version `position` (from 1) of `count`.
        previous_uid, next_uid: the versions either side, None at either end.
    """

    index: int
    role: str
    position: int
    count: int
    previous_uid: str | None
    next_uid: str | None


def forks(conversation: StoredConversation) -> tuple[Fork, ...]:
    """The messages of the path that have other versions, first to last."""
    found: list[Fork] = []
    for index, (message, versions) in enumerate(zip(conversation.path, conversation.versions, strict=True)):
        if len(versions) > 1:
            at = versions.index(message.uid)
            previous = versions[at - 1] if at > 0 else None
            following = versions[at + 1] if at + 1 < len(versions) else None
            found.append(Fork(index, message.role, at + 1, len(versions), previous, following))
    return tuple(found)


@dataclass(frozen=True)
class SearchHit:
    """A conversation that matches a search, with the text around the first match in it."""

    summary: ConversationSummary
    snippet: str


@dataclass(frozen=True)
class OpenReport:
    """What `open()` found and did.

    Attributes:
        interrupted_answers: answers that were still arriving when the app last ended (now marked).
        restored_questions: questions that had no answer yet when the app last ended (now drafts).
        damaged_copy: where a damaged file was moved before a fresh one was started, else None.
        full_text_search: whether FTS5 (with the trigram tokenizer) serves searches.
        read_only: the file can be read but not written (its chats show; new ones are not saved).
    """

    interrupted_answers: int = 0
    restored_questions: int = 0
    damaged_copy: Path | None = None
    full_text_search: bool = False
    read_only: bool = False


def title_from(question: str) -> str:
    """A one-line title from the first question: whitespace collapsed, cut at a word near 60 chars.

    >>> title_from("  What is\\n the   capital of France? ")
    'What is the capital of France?'
    >>> title_from("word " * 30)
    'word word word word word word word word word word word word…'
    """
    text = " ".join(question.split())
    if len(text) <= TITLE_LENGTH:
        return text
    cut = text[:TITLE_LENGTH]
    space = cut.rfind(" ")
    if space > TITLE_LENGTH // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def options_to_json(options: ChatOptions) -> dict[str, Any]:
    """A ChatOptions as a JSON object, under its field names; unset options are left out.

    Every field is kept, so an option added to ChatOptions later is saved without a change here.
    """
    return {key: value for key, value in dataclasses.asdict(options).items() if value not in (None, "")}


def _accepts(annotation: str, value: Any) -> bool:
    if isinstance(value, bool):
        return "bool" in annotation
    if isinstance(value, int):
        return "int" in annotation or "float" in annotation
    if isinstance(value, float):
        return "float" in annotation and math.isfinite(value)
    return isinstance(value, str) and "str" in annotation


def options_from_json(data: Any) -> ChatOptions:
    """The inverse of `options_to_json`, lenient: a missing or wrong field is the model's default.

    >>> options = options_from_json({"system_prompt": "Be brief.", "temperature": 0.5, "seed": "x"})
    >>> options.system_prompt, options.temperature, options.seed
    ('Be brief.', 0.5, None)
    >>> options_from_json({"num_ctx": 10**12, "num_predict": -5}).num_ctx is None
    True
    """
    if not isinstance(data, dict):
        return ChatOptions()
    values: dict[str, Any] = {}
    for option in dataclasses.fields(ChatOptions):
        value = data.get(option.name)
        annotation = str(option.type)
        if value is not None and _accepts(annotation, value):
            is_float = "float" in annotation and not isinstance(value, bool)
            values[option.name] = float(value) if is_float else value
    # A context or answer length from a file is bounded like the options dialog's (Qt's ranges are
    # 32-bit; an imported 10**12 must not reach them).
    for name in ("num_ctx", "num_predict"):
        if isinstance(values.get(name), int) and not 0 < values[name] <= MAX_TOKENS_OPTION:
            values.pop(name)
    return ChatOptions(**values)


def stats_to_json(stats: ReplyStats) -> dict[str, Any]:
    return {
        "done_reason": stats.done_reason,
        "total_duration": stats.total_duration,
        "load_duration": stats.load_duration,
        "prompt_eval_count": stats.prompt_eval_count,
        "prompt_eval_duration": stats.prompt_eval_duration,
        "eval_count": stats.eval_count,
        "eval_duration": stats.eval_duration,
        "prompt_cached": stats.prompt_cached,
    }


def stats_from_json(data: Any) -> ReplyStats | None:
    """Saved counters, checked as the server's are; `prompt_cached` is the app's own (0 before it was kept).

    >>> stats_from_json({"prompt_eval_count": 90, "prompt_cached": 80}).prompt_rate is None
    True
    """
    if not isinstance(data, dict):
        return None
    stats = ReplyStats.from_json(data)
    cached = data.get("prompt_cached")
    if isinstance(cached, int) and not isinstance(cached, bool) and 0 <= cached <= stats.prompt_eval_count:
        stats = replace(stats, prompt_cached=cached)
    return stats


# -- schema ------------------------------------------------------------------------------------------


# -- rows --------------------------------------------------------------------------------------------


def record_from_row(row: Sequence[Any]) -> ConversationRecord:
    uid, title, title_edited, model, options, created_at, updated_at, leaf_uid, draft = row
    try:
        parsed = json.loads(options)
    except ValueError:
        parsed = {}
    return ConversationRecord(
        uid,
        title,
        bool(title_edited),
        model,
        options_from_json(parsed),
        created_at,
        updated_at,
        leaf_uid,
        draft,
    )


def message_from_row(row: Sequence[Any], attachments: tuple[Attachment, ...] = ()) -> StoredMessage:
    uid, parent_uid, role, content, status, model, created_at, stats, error, thinking = row
    try:
        parsed_status = MessageStatus(status)
    except ValueError:
        # A status from a newer version: show the text, as a finished message.
        parsed_status = MessageStatus.DONE if role == ROLE_ASSISTANT else MessageStatus.SENT
    try:
        parsed_stats = stats_from_json(json.loads(stats)) if stats else None
    except ValueError:
        parsed_stats = None
    return StoredMessage(
        uid,
        parent_uid,
        role,
        content,
        parsed_status,
        model,
        created_at,
        parsed_stats,
        error,
        thinking,
        attachments,
    )


def path_to(messages: Sequence[StoredMessage], leaf_uid: str | None) -> tuple[StoredMessage, ...]:
    by_uid = {message.uid: message for message in messages}
    path: list[StoredMessage] = []
    uid = leaf_uid
    while uid is not None and uid in by_uid and len(path) <= len(messages):
        message = by_uid[uid]
        path.append(message)
        uid = message.parent_uid
    path.reverse()
    return tuple(path)


def versions_along(
    messages: Sequence[StoredMessage], path: Sequence[StoredMessage]
) -> tuple[tuple[str, ...], ...]:
    children: dict[tuple[str | None, str], list[StoredMessage]] = {}
    for message in messages:
        children.setdefault((message.parent_uid, message.role), []).append(message)
    return tuple(
        tuple(
            other.uid
            for other in children[(message.parent_uid, message.role)]
            # A question that got no answer is not a version to go back to (it is kept for search).
            if other.status is not MessageStatus.UNANSWERED or other.uid == message.uid
        )
        for message in path
    )
