"""Rendering answers as they stream in: at most once per event-loop pass, at most RENDER_CHARS a pass.

A frame that only adds words to the open paragraph inserts them (see `Region.append`); any other
frame writes the finished blocks once and the open tail again. Until the markdown stack is loaded
(see markdown_loader), the answer so far is shown as plain text.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtGui import QTextCursor

from ollama_desktop.ui.chat.fold import FoldQueue, answer_fold_note
from ollama_desktop.ui.chat.regions import Region, body_region
from ollama_desktop.ui.chat.theme import ChatTheme

if TYPE_CHECKING:
    from ollama_desktop.core.chat.markdown_blocks import BlockStream
    from ollama_desktop.ui.chat.code_blocks import CodeStore
    from ollama_desktop.ui.chat.markdown_render import MarkdownWriter
    from ollama_desktop.ui.chat.messages import Message, MessageBlocks
    from ollama_desktop.ui.chat.thinking import ThinkingSections

# While markdown-it and Pygments are still being imported, the answer is shown as plain text and
# looked at again this often (at most PREVIEW_CHARS of it: a block of plain text is laid out whole).
LOADING_POLL_MS = 15
PREVIEW_CHARS = 4_000
# At most this much of an answer is rendered in one pass of the event loop; the rest waits for the
# next pass, after a paint. Tokens never bring this much in a frame (13,000 tokens/s bring ~1,000
# characters), but one token can be a megabyte (rendered at once it froze the window for seconds),
# and so can an answer of a chat being opened.
RENDER_CHARS = 4_000


@dataclass
class Streams:
    """An answer's parsers (created once the markdown stack is loaded)."""

    answer: BlockStream
    reasoning: BlockStream


@dataclass
class Reply:
    """An answer streaming in (or complete but not yet rendered: `ended`)."""

    message: Message
    body: Region
    streams: Streams | None = None
    ended: bool = False
    pending_text: list[str] = field(default_factory=list)
    pending_thinking: list[str] = field(default_factory=list)
    answer_changed: bool = False
    thinking_changed: bool = False


def take_chars(parts: list[str], limit: int) -> str:
    """Up to `limit` characters from the start of `parts` (joined); the rest stays in `parts`."""
    if not parts or limit <= 0:
        return ""
    text = "".join(parts)
    parts.clear()
    if len(text) > limit:
        parts.append(text[limit:])
        text = text[:limit]
    return text


class ReplyRenderer:
    """Brings answers in the document up to date with the text that arrived for them.

    `current` is the answer streaming in; `unrendered` the complete ones still to be written (or
    waiting for the markdown stack). `after_change()` is called after each change of the document.

    Thread: GUI thread.
    """

    def __init__(
        self,
        blocks: MessageBlocks,
        codes: CodeStore,
        thinking: ThinkingSections,
        folds: FoldQueue,
        theme: ChatTheme,
        *,
        writer: Callable[[], MarkdownWriter],
        after_change: Callable[[], None],
        locale: Callable[[], QLocale],
    ) -> None:
        self._blocks = blocks
        self._codes = codes
        self._thinking = thinking
        self._folds = folds
        self._theme = theme
        self._writer = writer
        self._after_change = after_change
        self._locale = locale
        self.current: Reply | None = None
        self.unrendered: list[Reply] = []

    def answer_fold_note(self, size: int) -> str:
        return answer_fold_note(self._locale(), size)

    def show_preview(self, reply: Reply) -> None:
        """Until the markdown stack is loaded: the answer so far as plain text (nothing is consumed)."""
        text = "".join(reply.pending_text)[:PREVIEW_CHARS]
        reply.body.show_plain(text, self._blocks.body_format(self._theme.text), self._blocks.write_plain)
        self._after_change()

    def add_finished(
        self, message: Message, cursor: QTextCursor, answer: str, thinking: str, note: str
    ) -> bool:
        """Write a finished answer (of a chat being opened) into its empty `message` at `cursor`,
        `thinking` collapsed above it. True when it is long and is
        to be written as it was while it streamed, RENDER_CHARS a pass (it is in `unrendered`):
        opening it never freezes."""
        from ollama_desktop.core.chat.markdown_blocks import (  # noqa: PLC0415 - see ChatView.begin_reply
            BlockStream,
            pieces_of,
        )

        writer = self._writer()
        if thinking:
            message.thinking.append(thinking)
            self._thinking.add_frame(message, None)
            assert message.thinking_frame is not None
            cursor.setPosition(message.thinking_frame.lastPosition() + 1)
        if len(answer) > RENDER_CHARS:
            message.note = note
            reply = Reply(message, body_region(message, cursor.position(), self._codes), ended=True)
            reply.streams = Streams(BlockStream(), BlockStream())
            reply.pending_text.append(answer)
            message.source = answer  # the conversation's own string
            self.unrendered.append(reply)
            return True
        message.text.append(answer)
        writer.margins = message.margins
        reuse = True
        for piece in pieces_of(answer):  # a long block in pieces, as it was written while it streamed
            reuse = writer.write(cursor, piece.text, reuse, continues_code=piece.continues_code)
        self._blocks.set_footer(message, note, copy=bool(answer.strip()))
        return False

    def render_pending(self) -> tuple[bool, bool]:
        """One pass over the answers waiting: (whether one is still not all rendered, whether any of
        the complete ones was looked at)."""
        unrendered, self.unrendered = self.unrendered, []
        for reply in unrendered:
            if not self.render(reply):
                self.unrendered.append(reply)
        more = self.current is not None and not self.render(self.current)
        return bool(self.unrendered) or more, bool(unrendered)

    def render(self, reply: Reply) -> bool:
        """Bring an answer up to date: one render for what arrived since the last, up to RENDER_CHARS
        of it. True when all of it is rendered; else the rest waits for the next pass."""
        # Imported by the loader's thread already (see markdown_loader): no wait here.
        from ollama_desktop.core.chat.markdown_blocks import BlockStream  # noqa: PLC0415

        if reply.streams is None:
            reply.streams = Streams(BlockStream(), BlockStream())
        streams = reply.streams
        thinking = take_chars(reply.pending_thinking, RENDER_CHARS)
        answer = take_chars(reply.pending_text, RENDER_CHARS - len(thinking))
        rendered = not reply.pending_thinking and not reply.pending_text
        final = reply.ended and rendered
        if not final and not thinking and self._append_words(reply, answer):
            return rendered
        self._take_thinking(reply, thinking)
        self._take_answer(reply, answer)
        writer = self._writer()
        message = reply.message
        if reply.thinking_changed or final:
            reply.thinking_changed = False
            update = streams.reasoning.take(final=final)
            region = message.thinking_region
            if message.thinking_open and region is not None:
                region.show(writer, update.pieces, update.open, final=final)
                self._folds.later(message, region, self._thinking.fold_note)
        if reply.answer_changed or final:
            reply.answer_changed = False
            update = streams.answer.take(final=final)
            reply.body.show(writer, update.pieces, update.open, final=final)
            self._folds.later(message, reply.body, self.answer_fold_note)
        if final:
            message.streaming = False
            if message.thinking_frame is not None:
                self._thinking.set_label(message)
            self._blocks.set_footer(message, message.note, copy=bool(message.copy_text().strip()))
        self._after_change()
        return rendered

    def _append_words(self, reply: Reply, answer: str) -> bool:
        """The cheap frame: `answer` only adds words to the line being written (see AppendPoint)."""
        streams = reply.streams
        message = reply.message
        if not answer or streams is None or message.answer_started is None or reply.answer_changed:
            return False
        if streams.answer.open_length() + len(answer) > streams.answer.limit:
            return False  # the open block is long enough: written again, it is cut (see BlockStream)
        code_lines = streams.answer.opens_with_fence()
        if not reply.body.append(answer, streams.answer.current_line(), code_lines=code_lines):
            return False
        if message.source is None:  # else Copy takes it from there
            message.text.append(answer)
        streams.answer.feed(answer)
        return True

    def _take_thinking(self, reply: Reply, thinking: str) -> None:
        if not thinking:
            return
        message = reply.message
        if message.thinking_started is None:
            message.thinking_started = time.monotonic()
        message.thinking.append(thinking)
        assert reply.streams is not None
        reply.streams.reasoning.feed(thinking)
        reply.thinking_changed = True
        if message.thinking_frame is None:
            self._thinking.add_frame(message, reply)

    def _take_answer(self, reply: Reply, answer: str) -> None:
        if not answer:
            return
        message = reply.message
        if message.source is None:
            message.text.append(answer)
        assert reply.streams is not None
        reply.streams.answer.feed(answer)
        reply.answer_changed = True
        if message.answer_started is None:
            message.answer_started = time.monotonic()
            if message.thinking_frame is not None:
                # The answer starts: the reasoning folds away (a click opens it again).
                self._thinking.set_open(message, False, None)
