"""A conversation as a file: Markdown to read and share, JSON to keep and import again.

The JSON holds everything the app saves (every version of every message, the path shown, the model,
the system prompt and the options), so exporting and importing loses nothing. Its `messages` list
also reads as Ollama's own message list: a hand-written `[{"role": ..., "content": ...}]` imports
too, as one path in the order given.

No Qt: the words of the Markdown headings come from the caller, translated.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ollama_desktop.core.attachments.attachment import Attachment
from ollama_desktop.core.attachments.files import Kind
from ollama_desktop.core.chat.conversation import ROLE_ASSISTANT, ROLE_USER
from ollama_desktop.core.history.attachment_json import attachment_to_json, attachments_from_json
from ollama_desktop.core.history.store import (
    ConversationRecord,
    MessageStatus,
    StoredConversation,
    StoredMessage,
    new_uid,
    options_from_json,
    options_to_json,
    stats_from_json,
    stats_to_json,
    title_from,
)
from ollama_desktop.core.units import human_bytes

FORMAT = "ollama-desktop-chat"
# Attachments (issue #20) came in version 1 as an optional field: an older app imports the text.
FORMAT_VERSION = 1
# Bigger files are refused before reading: a chat of a million words is about 6 MB, a picture as sent
# (at most 1,120 pixels a side) 0.1 to 3 MB, a third more in base64. Importing holds about three
# times the file at its peak (the text, the parsed JSON, the pictures decoded).
MAX_IMPORT_BYTES = 128 * 1024 * 1024


class NotAChatFile(ValueError):
    """The file is not a conversation this app can import (the message is for the log)."""


@dataclass(frozen=True)
class MarkdownLabels:
    """The words of a Markdown export, translated by the caller."""

    you: str = "You"
    assistant: str = "Assistant"
    model: str = "Model"
    date: str = "Date"
    system_prompt: str = "System prompt"
    options: str = "Options"
    reasoning: str = "Reasoning"
    stopped: str = "Stopped before the end."
    failed: str = "The answer failed before the end."
    interrupted: str = "The app was closed before this answer was finished."
    attached: str = "Attached"
    picture: str = "picture"
    truncated: str = "only the start"
    kinds: tuple[tuple[Kind, str], ...] = (
        (Kind.PDF, "PDF"),
        (Kind.DOCX, "Word document"),
        (Kind.MARKDOWN, "Markdown"),
        (Kind.CODE, "code"),
        (Kind.CSV, "CSV"),
        (Kind.TEXT, "text"),
    )
    # What holds a number comes from a function: the caller's plural forms and digit groups.
    pages: Callable[[int], str] = lambda count: "1 page" if count == 1 else f"{count:,} pages"
    tokens: Callable[[int], str] = lambda count: "~1 token" if count == 1 else f"~{count:,} tokens"
    size: Callable[[int], str] = human_bytes


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _seconds(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.timestamp()
    return None


def to_markdown(conversation: StoredConversation, labels: MarkdownLabels | None = None) -> str:
    """The path shown, as Markdown: a heading per message, the text as it was written.

    A reasoning model's reasoning (its `thinking`, where a `<think>` block is too: see StoredMessage)
    comes before the answer as a quoted section headed "Reasoning", never as raw tags: a quote reads
    as an aside in every Markdown viewer and as plain text, where an HTML `<details>` would not.

    >>> from ollama_desktop.core.history.store import ConversationRecord, StoredMessage, MessageStatus
    >>> q = StoredMessage("q", None, "user", "Hi?", MessageStatus.SENT, created_at=0)
    >>> a = StoredMessage("a", "q", "assistant", "Hello!", MessageStatus.STOPPED, "llama3", 1)
    >>> print(to_markdown(StoredConversation(ConversationRecord("c", "Greeting", model="llama3"),
    ...                                      (q, a), (("q",), ("a",)))))
    # Greeting
    <BLANKLINE>
    - **Model:** llama3
    - **Date:** 1970-01-01 00:00 UTC
    <BLANKLINE>
    ## You
    <BLANKLINE>
    Hi?
    <BLANKLINE>
    ## Assistant (llama3)
    <BLANKLINE>
    Hello!
    <BLANKLINE>
    *Stopped before the end.*
    <BLANKLINE>
    """
    labels = labels or MarkdownLabels()
    record = conversation.record
    first = conversation.path[0].created_at if conversation.path else record.created_at
    lines = [f"# {record.title or title_from(_first_question(conversation.path))}", ""]
    if record.model:
        lines.append(f"- **{labels.model}:** {record.model}")
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(first))
    lines.append(f"- **{labels.date}:** {stamp}")
    options = options_to_json(record.options)
    options.pop("system_prompt", None)
    if options:
        shown = ", ".join(f"{key} = {value}" for key, value in options.items())
        lines.append(f"- **{labels.options}:** {shown}")
    lines.append("")
    if record.options.system_prompt.strip():
        lines += [f"## {labels.system_prompt}", "", record.options.system_prompt.strip(), ""]
    notes = {
        MessageStatus.STOPPED: labels.stopped,
        MessageStatus.FAILED: labels.failed,
        MessageStatus.INTERRUPTED: labels.interrupted,
    }
    for message in conversation.path:
        if message.role == ROLE_USER:
            lines.append(f"## {labels.you}")
        else:
            who = f"{labels.assistant} ({message.model})" if message.model else labels.assistant
            lines.append(f"## {who}")
        if message.thinking.strip():
            lines += ["", f"> **{labels.reasoning}**", ">"]
            lines += [f"> {line}".rstrip() for line in message.thinking.strip().splitlines()]
        lines += ["", message.content.rstrip(), ""] if message.content.strip() else [""]
        if message.attachments:
            described = ", ".join(describe_attachment(item, labels) for item in message.attachments)
            lines += [f"*{labels.attached}:* {described}", ""]
        note = notes.get(message.status)
        if note:
            lines += [f"*{note}*", ""]
    return "\n".join(lines)


def describe_attachment(item: Attachment, labels: MarkdownLabels | None = None) -> str:
    """An attachment in one line of plain text: its name, what it is, how big.

    >>> from ollama_desktop.core.attachments.attachment import Attachment
    >>> describe_attachment(Attachment("photo.jpg", Kind.JPEG, 180_000, 1200, b"x", "image/jpeg", 1120, 840))
    'photo.jpg (picture, 1120 × 840, 180 KB)'
    >>> describe_attachment(Attachment("report.pdf", Kind.PDF, 90_000, 3400, text="...", pages=12))
    'report.pdf (PDF, 12 pages, ~3,400 tokens)'
    >>> describe_attachment(Attachment("log.txt", Kind.TEXT, 9, 2_000_000, text="...", truncated=True))
    'log.txt (text, ~2,000,000 tokens, only the start)'
    >>> describe_attachment(Attachment("memo.pdf", Kind.PDF, 9, 1, text=".", pages=1))
    'memo.pdf (PDF, 1 page, ~1 token)'
    """
    labels = labels or MarkdownLabels()
    if item.is_image:
        parts = [labels.picture, f"{item.width} × {item.height}", labels.size(item.size)]
    else:
        parts = [dict(labels.kinds).get(item.kind, item.kind.value)]
        if item.pages:
            parts.append(labels.pages(item.pages))
        parts.append(labels.tokens(item.tokens))
    if item.truncated:
        parts.append(labels.truncated)
    details = ", ".join(parts)
    name = " ".join(item.name.split())
    return f"{name} ({details})"


def _first_question(path: Sequence[StoredMessage]) -> str:
    return next((message.content for message in path if message.role == ROLE_USER), "")


def to_json(conversation: StoredConversation) -> str:
    """Everything about the conversation, every version included, as indented JSON."""
    record = conversation.record
    data = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "title": record.title,
        "title_edited": record.title_edited,
        "model": record.model,
        "options": options_to_json(record.options),
        "created_at": _iso(record.created_at),
        "updated_at": _iso(record.updated_at),
        "current": record.leaf_uid,
        "messages": [_message_to_json(message) for message in conversation.messages or conversation.path],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _message_to_json(message: StoredMessage) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": message.uid,
        "parent": message.parent_uid,
        "role": message.role,
        "content": message.content,
        "status": str(message.status),
        "created_at": _iso(message.created_at),
    }
    if message.model:
        data["model"] = message.model
    if message.stats is not None:
        data["stats"] = stats_to_json(message.stats)
    if message.error:
        data["error"] = message.error
    if message.thinking:
        data["thinking"] = message.thinking
    if message.attachments:
        data["attachments"] = [attachment_to_json(item) for item in message.attachments]
    return data


def read_chat_file(path: Path) -> str:
    """The text of a file to import; NotAChatFile, without reading it, when it is too big for one.

    Raises:
        OSError: it cannot be read.
        NotAChatFile: too big, or not text.
    """
    with path.open("rb") as file:
        if os.fstat(file.fileno()).st_size > MAX_IMPORT_BYTES:
            raise NotAChatFile("the file is too big to be a conversation")
        data = file.read(MAX_IMPORT_BYTES + 1)
    try:
        return data.decode("utf-8-sig")  # a byte order mark, as some Windows editors write, is skipped
    except UnicodeDecodeError as exc:
        raise NotAChatFile(f"not UTF-8 text: {exc}") from None


def from_json(text: str, now: float | None = None) -> tuple[ConversationRecord, tuple[StoredMessage, ...]]:
    """A conversation read from `to_json`'s output (or a bare list of Ollama messages).

    Raises:
        NotAChatFile: the text is not JSON, or not a conversation.
    """
    if len(text) > MAX_IMPORT_BYTES:
        raise NotAChatFile("the file is too big to be a conversation")
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise NotAChatFile(f"not JSON: {exc}") from exc
    stamp = time.time() if now is None else now
    if isinstance(data, list):
        data = {"messages": data}
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        raise NotAChatFile("no list of messages")
    if data.get("format", FORMAT) != FORMAT:
        raise NotAChatFile(f"format {data.get('format')!r}")
    version = data.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise NotAChatFile(f"format version {version!r} is newer than this app")
    messages = _messages_from_json(data["messages"], stamp)
    if not messages:
        raise NotAChatFile("no messages")
    title = data.get("title")
    leaf = data.get("current")
    known = {message.uid for message in messages}
    record = ConversationRecord(
        uid=new_uid(),
        title=title if isinstance(title, str) and title.strip() else title_from(_first_question(messages)),
        title_edited=bool(data.get("title_edited")),
        model=str(data.get("model") or next((m.model for m in reversed(messages) if m.model), "")),
        options=options_from_json(data.get("options")),
        created_at=_seconds(data.get("created_at")) or messages[0].created_at,
        updated_at=_seconds(data.get("updated_at")) or stamp,
        leaf_uid=leaf if isinstance(leaf, str) and leaf in known else messages[-1].uid,
    )
    return record, messages


def _messages_from_json(items: list[Any], stamp: float) -> tuple[StoredMessage, ...]:
    messages: list[StoredMessage] = []
    seen: set[str] = set()
    linear = not any(isinstance(item, dict) and "parent" in item for item in items)
    previous: str | None = None
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise NotAChatFile(f"message {index} is not an object")
        role, content = item.get("role"), item.get("content")
        if role == "system":
            continue  # a system prompt in a plain list: kept out of the history, as the app does
        if role not in (ROLE_USER, ROLE_ASSISTANT) or not isinstance(content, str):
            raise NotAChatFile(f"message {index} has no role and text")
        uid = item.get("id")
        if not isinstance(uid, str) or not uid or uid in seen:
            uid = new_uid()
        parent = previous if linear else item.get("parent")
        if not isinstance(parent, str) or parent not in seen:
            parent = None  # a parent that comes later, or is missing: this message starts a path
        seen.add(uid)
        status = _status(item.get("status"), role)
        model = item.get("model")
        error = item.get("error")
        thinking = item.get("thinking")
        messages.append(
            StoredMessage(
                uid=uid,
                parent_uid=parent,
                role=role,
                content=content,
                status=status,
                model=model if isinstance(model, str) else "",
                created_at=_seconds(item.get("created_at")) or stamp,
                stats=stats_from_json(item.get("stats")),
                error=error if isinstance(error, str) else "",
                thinking=thinking if isinstance(thinking, str) else "",
                attachments=attachments_from_json(item.get("attachments"), f"message {index}"),
            )
        )
        previous = uid
    return tuple(messages)


def _status(value: Any, role: str) -> MessageStatus:
    try:
        return MessageStatus(value)
    except ValueError:
        return MessageStatus.SENT if role == ROLE_USER else MessageStatus.DONE
