"""A model's reasoning in the chat: the collapsible section between an answer's title and its text.

It is open while the model thinks, folds away when the answer starts, and a click on its label opens
or closes it (closed, its text leaves the document and is written again on opening).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument

from ollama_desktop.ui.chat.code_blocks import COMMAND_SCHEME, CodeStore
from ollama_desktop.ui.chat.fold import FoldQueue, thinking_fold_note
from ollama_desktop.ui.chat.regions import Region, body_region
from ollama_desktop.ui.chat.theme import spacer_formats

if TYPE_CHECKING:
    from PySide6.QtCore import QLocale

    from ollama_desktop.ui.chat.markdown_render import MarkdownWriter
    from ollama_desktop.ui.chat.messages import Message, MessageBlocks
    from ollama_desktop.ui.chat.reply import Reply


class ThinkingSections:
    """Makes, opens, closes and labels the reasoning sections of the chat's answers.

    Thread: GUI thread.
    """

    def __init__(
        self,
        document: QTextDocument,
        blocks: MessageBlocks,
        codes: CodeStore,
        folds: FoldQueue,
        *,
        writer: Callable[[], MarkdownWriter],
        release_anchor: Callable[[], None],
        locale: Callable[[], QLocale],
    ) -> None:
        self._document = document
        self._blocks = blocks
        self._codes = codes
        self._folds = folds
        self._writer = writer
        self._release_anchor = release_anchor
        self._locale = locale

    def fold_note(self, size: int) -> str:
        return thinking_fold_note(self._locale(), size)

    def add_frame(self, message: Message, reply: Reply | None) -> None:
        """The collapsible reasoning section, between the title and the answer."""
        header = QTextCursor(self._document)
        header.setPosition(message.start.position())
        header.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        body_empty = self._blocks.body_is_empty(message)
        frame = header.insertTable(1, 1, self._blocks.thinking_frame_format(message.margins))
        message.thinking_frame = frame
        after = frame.lastPosition() + 1
        if body_empty:
            # The block Qt adds after the frame becomes the answer's first block.
            cursor = QTextCursor(self._document)
            cursor.setPosition(after)
            cursor.movePosition(QTextCursor.MoveOperation.NextBlock, QTextCursor.MoveMode.KeepAnchor)
            if message.footer is not None and cursor.position() < message.footer.position():
                cursor.removeSelectedText()
            if reply is not None:
                reply.body = body_region(message, after, self._codes)
        else:
            block, char = spacer_formats(2)
            spacer = QTextCursor(self._document)
            spacer.setPosition(after)
            spacer.setBlockFormat(block)
            spacer.setBlockCharFormat(char)
        message.thinking_open = reply is not None
        self.set_label(message)
        if message.thinking_open:
            self._open_region(message)

    def _open_region(self, message: Message) -> None:
        frame = message.thinking_frame
        assert frame is not None
        cursor = frame.firstCursorPosition()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertBlock(QTextBlockFormat(), self._blocks.thinking_text_format())
        region = Region(
            self._document, cursor.position(), frame.lastPosition, codes=self._codes, margins=(0, 0)
        )
        message.thinking_region = region

    def set_open(self, message: Message, open_: bool, streaming: Reply | None) -> None:
        """Open or close the section; `streaming`: the answer streaming in now, if any."""
        frame = message.thinking_frame
        if frame is None or message.thinking_open == open_:
            return
        self._release_anchor()  # the user looks at what opens or closes now
        message.thinking_open = open_
        if open_:
            self._open_region(message)
            region = message.thinking_region
            assert region is not None
            from ollama_desktop.core.chat.markdown_blocks import Piece, pieces_of  # noqa: PLC0415 - see ChatView.begin_reply

            text = "".join(message.thinking)
            if streaming is not None and streaming.message is message and streaming.streams is not None:
                reasoning = streaming.streams.reasoning
                done = reasoning.finished_length
                region.show(self._writer(), pieces_of(text[:done]), reasoning.open_piece(), final=False)
            else:
                region.show(self._writer(), pieces_of(text), Piece(""), final=True)
            self._folds.later(message, region, self.fold_note)
        else:
            # Remove everything after the label line: the text is kept and written again on opening.
            cursor = frame.firstCursorPosition()
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.setPosition(frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            message.thinking_region = None
        self.set_label(message)

    def set_label(self, message: Message) -> None:
        frame = message.thinking_frame
        assert frame is not None
        if message.streaming and message.answer_started is None:
            words = QCoreApplication.translate("ChatView", "Thinking…")
        elif message.thinking_started is not None and message.answer_started is not None:
            seconds = message.answer_started - message.thinking_started
            words = QCoreApplication.translate("ChatView", "Thought for {seconds:.0f} s").format(
                seconds=max(seconds, 1)
            )
        else:
            words = QCoreApplication.translate("ChatView", "Thinking")
        label = ("▾ " if message.thinking_open else "▸ ") + words
        cursor = frame.firstCursorPosition()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        fmt = self._blocks.link_format(f"{COMMAND_SCHEME}:thinking/{message.number}")
        fmt.setToolTip(QCoreApplication.translate("ChatView", "Show or hide how the model reasoned"))
        cursor.insertText(label, fmt)
