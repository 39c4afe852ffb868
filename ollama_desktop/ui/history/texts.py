"""Plain-words, translated sentences for the saved history: problems with the file, notes under
saved answers, dates in the list, and the words of a Markdown export."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

from ollama_desktop.core.chat.conversation import ROLE_ASSISTANT, ROLE_USER, ChatMessage, MessageState
from ollama_desktop.core.history.store import (
    StorageCorrupt,
    StorageError,
    StorageFolderUnusable,
    StorageFull,
    StorageLocked,
    StorageReadOnly,
    StorageTooNew,
)
from ollama_desktop.ui.chat.attachment_problems import AttachmentWords
from ollama_desktop.ui.chat.messages import ChatEntry
from ollama_desktop.ui.chat.reply_speeds import describe_reply_speeds
from ollama_desktop.ui.chat.search_marks import match_pattern
from ollama_desktop.ui.locale_format import date_text, size_text, time_text
from ollama_desktop.ui.plain_text import html_text

if TYPE_CHECKING:
    from ollama_desktop.core.history.export import MarkdownLabels


def storage_problem_text(error: StorageError) -> str:
    """What the banner says when chats cannot be saved: what happened, and that the chat goes on."""
    if isinstance(error, StorageFolderUnusable):
        return QCoreApplication.translate(
            "History",
            "Your chats cannot be saved: the app cannot write in its folder {folder}. You can keep "
            "chatting, but new messages are not kept after you close the app. Press Try again once "
            "the folder can be written.",
        ).format(folder=error.folder)
    if isinstance(error, StorageLocked):
        return QCoreApplication.translate(
            "History",
            "Your chats cannot be saved right now: the chat history is in use by another program "
            "(perhaps Ollama Desktop is open twice). You can keep chatting; press Try again once the "
            "other program is closed, and this chat will be saved.",
        )
    if isinstance(error, StorageReadOnly):
        return QCoreApplication.translate(
            "History",
            "Your chats cannot be saved: the chat history file can only be read, not changed. Your "
            "saved chats still show, and you can keep chatting, but new messages are not kept after "
            "you close the app.",
        )
    if isinstance(error, StorageFull):
        return QCoreApplication.translate(
            "History",
            "Your chats cannot be saved: the disk is full. You can keep chatting; free some space, "
            "then press Try again, and this chat will be saved.",
        )
    if isinstance(error, StorageCorrupt):
        return QCoreApplication.translate(
            "History",
            "Your chats cannot be saved: the chat history file is damaged. You can keep chatting, "
            "but new messages are not kept after you close the app.",
        )
    if isinstance(error, StorageTooNew):
        return QCoreApplication.translate(
            "History",
            "Your chat history was saved by a newer version of Ollama Desktop, so this version "
            "leaves it alone. You can keep chatting, but new messages are not kept. Update the app "
            "to see and keep your chats.",
        )
    return QCoreApplication.translate(
        "History",
        "Your chats cannot be saved: the chat history could not be opened. You can keep chatting, "
        "but new messages are not kept after you close the app. Press Try again to retry.",
    )


def storage_read_text(error: StorageError) -> str:
    """A short status-bar line when the list, a search or a saved chat could not be read."""
    if isinstance(error, StorageLocked):
        return QCoreApplication.translate(
            "History", "Your saved chats are busy in another program; try again in a moment."
        )
    return QCoreApplication.translate("History", "Your saved chats could not be read just now.")


def history_reset_text(damaged_copy: str) -> str:
    path = Path(damaged_copy)
    return QCoreApplication.translate(
        "History",
        "Your saved chats could not be read because the chat history file was damaged. It was "
        "kept as “{name}” in {folder}, and a new, empty history was started.",
    ).format(name=path.name, folder=path.parent)


def message_note(message: ChatMessage) -> str:
    """The small line under a finished answer of a chat shown again: its speed, or how it ended."""
    if message.state is MessageState.STOPPED:
        return QCoreApplication.translate("History", "Stopped.")
    if message.state is MessageState.FAILED:
        return QCoreApplication.translate("History", "The answer failed before it was finished.")
    if message.state is MessageState.INTERRUPTED:
        return QCoreApplication.translate("History", "The app was closed before this answer was finished.")
    if message.stats is not None:
        return describe_reply_speeds(message.stats, None)
    return ""


def chat_entries(messages: Sequence[ChatMessage]) -> list[ChatEntry]:
    """The messages of a conversation as the chat view shows them when it opens (or is rewritten)."""
    return [
        ChatEntry(ROLE_USER, message.content, attachments=message.attachments)
        if message.role == ROLE_USER
        else ChatEntry(
            ROLE_ASSISTANT, message.content, message.model, message_note(message), message.thinking
        )
        for message in messages
    ]


def when_text(seconds: float, now: float | None = None) -> str:
    """A date for the list: the time today, "Yesterday", the weekday this week, else the date."""
    locale = QLocale()
    moment = QDateTime.fromSecsSinceEpoch(int(seconds))
    today = QDateTime.fromSecsSinceEpoch(int(time.time() if now is None else now)).date()
    day: QDate = moment.date()
    days = day.daysTo(today)
    if days == 0:
        return time_text(moment.time())
    if days == 1:
        return QCoreApplication.translate("History", "Yesterday")
    if 1 < days < 7:
        return locale.dayName(day.dayOfWeek(), QLocale.FormatType.LongFormat)
    return date_text(day)


def snippet_parts(snippet: str, words: Sequence[str]) -> list[tuple[str, bool]]:
    """`snippet` cut into (text, is a match of `words`) runs, in order; the runs join to `snippet`.

    >>> snippet_parts("…the Sky is blue, sky…", ["sky"])
    [('…the ', False), ('Sky', True), (' is blue, ', False), ('sky', True), ('…', False)]
    >>> snippet_parts("天空看起来是蓝色的", ["蓝色"])
    [('天空看起来是', False), ('蓝色', True), ('的', False)]
    """
    pattern = match_pattern(words)
    if pattern is None or not snippet:
        return [(snippet, False)] if snippet else []
    parts: list[tuple[str, bool]] = []
    at = 0
    for match in pattern.finditer(snippet):
        if match.start() > at:
            parts.append((snippet[at : match.start()], False))
        parts.append((match.group(), True))
        at = match.end()
    if at < len(snippet):
        parts.append((snippet[at:], False))
    return parts


def snippet_html(parts: Sequence[tuple[str, bool]]) -> str:
    """The runs of `snippet_parts` as rich text, the matches in bold; the chat's text stays text.

    >>> snippet_html([("a <b>", False), ("<img src=x>", True)])
    'a &lt;b&gt;<b>&lt;img src=x&gt;</b>'
    """
    return "".join(f"<b>{html_text(text)}</b>" if bold else html_text(text) for text, bold in parts)


def markdown_labels() -> MarkdownLabels:
    # Loaded on the first export, not with the window (see HistoryController.export).
    from ollama_desktop.core.attachments.files import Kind  # noqa: PLC0415
    from ollama_desktop.core.history.export import MarkdownLabels  # noqa: PLC0415

    return MarkdownLabels(
        you=QCoreApplication.translate("History", "You"),
        assistant=QCoreApplication.translate("History", "Assistant"),
        model=QCoreApplication.translate("History", "Model"),
        date=QCoreApplication.translate("History", "Date"),
        system_prompt=QCoreApplication.translate("History", "System prompt"),
        options=QCoreApplication.translate("History", "Options"),
        reasoning=QCoreApplication.translate("History", "Reasoning"),
        stopped=QCoreApplication.translate("History", "Stopped before the end."),
        failed=QCoreApplication.translate("History", "The answer failed before the end."),
        interrupted=QCoreApplication.translate(
            "History", "The app was closed before this answer was finished."
        ),
        attached=QCoreApplication.translate("History", "Attached"),
        picture=QCoreApplication.translate("History", "picture"),
        truncated=QCoreApplication.translate("History", "only the start"),
        kinds=(
            (Kind.PDF, "PDF"),
            (Kind.DOCX, QCoreApplication.translate("History", "Word document")),
            (Kind.MARKDOWN, "Markdown"),
            (Kind.CODE, QCoreApplication.translate("History", "code")),
            (Kind.CSV, "CSV"),
            (Kind.TEXT, QCoreApplication.translate("History", "text")),
        ),
        pages=AttachmentWords().pages,
        tokens=AttachmentWords().tokens,
        size=size_text,
    )


def file_problem_text(error: Exception, *, importing: bool) -> str:
    """Why an export or import did not work, in plain words."""
    from ollama_desktop.core.history.export import NotAChatFile  # noqa: PLC0415 - as in markdown_labels

    if isinstance(error, NotAChatFile):
        return QCoreApplication.translate(
            "History",
            "This file is not a chat saved by Ollama Desktop (choose a .json file made with Export).",
        )
    if isinstance(error, StorageError):
        return QCoreApplication.translate(
            "History", "The chat history cannot be used right now, so the chat could not be added."
        )
    if isinstance(error, FileNotFoundError):
        return QCoreApplication.translate("History", "The file or its folder does not exist.")
    if isinstance(error, PermissionError):
        return (
            QCoreApplication.translate("History", "You are not allowed to read this file.")
            if importing
            else QCoreApplication.translate(
                "History",
                "You are not allowed to save in this folder. Choose another one, such as Documents.",
            )
        )
    if isinstance(error, UnicodeError):
        return QCoreApplication.translate(
            "History", "This file is not a chat saved by Ollama Desktop (it is not text)."
        )
    return (
        QCoreApplication.translate("History", "The file could not be read.")
        if importing
        else QCoreApplication.translate("History", "The file could not be saved.")
    )
