"""Notices in the chat that are not messages: a warning with links under it (the context alarm and
its fixes), and the mark under the message where the model's memory begins."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit

from ollama_desktop.core.chat.conversation import ROLE_ASSISTANT, ROLE_USER
from ollama_desktop.ui.chat.code_blocks import COMMAND_SCHEME
from ollama_desktop.ui.chat.message_bubbles import ROLE_ERROR
from ollama_desktop.ui.chat.messages import Message, MessageBlocks
from ollama_desktop.ui.chat.theme import ChatTheme


class ChatNotices:
    """Writes notices into the chat view's document (its caller wraps each call in one edit).

    Thread: GUI thread.
    """

    def __init__(self, view: QTextEdit, blocks: MessageBlocks, theme: ChatTheme) -> None:
        self._view = view
        self._blocks = blocks
        self._theme = theme
        self._memory_mark: tuple[Message, str] | None = None  # the message marked, and its own note

    def add(self, text: str, links: Sequence[tuple[str, str]] = ()) -> None:
        """A warning (plain words) as its own block, with links under it: (command, label) pairs;
        a click is an `ollama-desktop:notice/<command>` link (the view emits `notice_link_clicked`)."""
        blocks = self._blocks
        message, cursor = blocks.new_message(ROLE_ERROR, "", at_top=False)
        blocks.write_plain(cursor, text, blocks.body_format(self._theme.error_text), message.margins)
        footer = message.footer
        if footer is not None and links:
            cursor = QTextCursor(self._view.document())
            cursor.setPosition(footer.position())
            for number, (command, label) in enumerate(links):
                if number:
                    cursor.insertText("   ", blocks.chrome_format())
                cursor.insertText(label, blocks.link_format(f"{COMMAND_SCHEME}:notice/{command}"))

    def mark_memory_start(self, from_end: int, label: str = "") -> None:
        """Put `label` under the question or answer `from_end` places from the last (1: the last);
        the mark leaves the message that had it. 0 (or no label) only takes the mark away."""
        blocks = self._blocks
        if self._memory_mark is not None:
            marked, note = self._memory_mark
            self._memory_mark = None
            if any(message is marked for message in blocks.order):
                blocks.set_footer(marked, note, copy=True)
        shown = [m for m in blocks.order if m.role in (ROLE_USER, ROLE_ASSISTANT)]
        if from_end <= 0 or not label or from_end > len(shown):
            return
        message = shown[-from_end]
        note = message.note
        self._memory_mark = (message, note)
        blocks.set_footer(message, f"{note}   {label}" if note else label, copy=True)
