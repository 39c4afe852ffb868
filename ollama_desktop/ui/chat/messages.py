"""The chat's messages as blocks of its one document: making them, their footers, their formats.

A message is a run of plain blocks (title, body, footer) and a gap block after it; its bubble is
painted by the view (see message_bubbles). Inside a QTextFrame or a table, every change makes Qt
lay out the whole message again and repaint the whole viewport (measured: 60 ms a frame for a
25k-token answer), while plain blocks are laid out and repainted only where they changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFrame,
    QTextLength,
    QTextTableFormat,
)
from PySide6.QtWidgets import QTextBrowser

from ollama_desktop.ui.chat.code_blocks import COMMAND_SCHEME
from ollama_desktop.ui.chat.message_bubbles import BUBBLE_GAP, BUBBLE_PADDING, text_margins
from ollama_desktop.ui.chat.theme import CHROME_PROPERTY, ChatTheme, spacer_formats

if TYPE_CHECKING:
    from ollama_desktop.core.attachments.attachment import Attachment
    from ollama_desktop.ui.chat.regions import Region

ZERO_WIDTH_SPACE = "\u200b"
# What an attachment counts for when a chat opens, in characters of text (see ChatEntry.weight): a
# thumbnail takes ~8 lines of the screen but ~10 ms to make (decoding a 1120 px PNG), so it counts for
# more: a chat of pictures opens with ~6 of them, the older ones come in as the user scrolls up.
PICTURE_CHARS = 2000
DOCUMENT_CHARS = 100


@dataclass(frozen=True)
class ChatEntry:
    """A finished message to show, e.g. of a chat being opened.

    Attributes:
        role: ROLE_USER, ROLE_ASSISTANT or ROLE_ERROR.
        text: the message (markdown for answers, plain text for questions and errors).
        title: the model's name shown above an answer.
        note: the small line under an answer (its speeds).
        thinking: the model's reasoning, shown collapsed above the answer.
        attachments: a question's files, shown above its text (see attachment_view).
    """

    role: str
    text: str
    title: str = ""
    note: str = ""
    thinking: str = ""
    attachments: tuple[Attachment, ...] = ()

    @property
    def weight(self) -> int:
        """What showing it costs, in characters of text (how many messages a chat opens with)."""
        pictures = sum(1 for attachment in self.attachments if attachment.is_image)
        documents = len(self.attachments) - pictures
        return len(self.text) + len(self.thinking) + PICTURE_CHARS * pictures + DOCUMENT_CHARS * documents


@dataclass
class Message:
    """A message in the document."""

    number: int
    role: str
    start: QTextCursor  # at the start of its title block
    spacer: QTextCursor  # at the start of the gap block after it (not part of the bubble)
    margins: tuple[float, float]  # left and right margins of its text (inside the bubble)
    footer: QTextCursor | None = None  # at the start of the footer block
    text: list[str] = field(default_factory=list)  # the source, for Copy (unless `source`)
    # The whole answer as its owner keeps it (the conversation, the history): Copy takes it from
    # there, and `text` stays empty (a long answer is not kept twice).
    source: str | None = None
    thinking: list[str] = field(default_factory=list)
    thinking_frame: QTextFrame | None = None
    thinking_open: bool = False
    thinking_region: Region | None = None
    body: Region | None = None  # the answer's markdown (the latest made: see chat_regions.body_region)
    note: str = ""
    streaming: bool = False
    thinking_started: float | None = None
    answer_started: float | None = None

    def copy_text(self) -> str:
        """What Copy copies: the source if its owner keeps it, else the view's own copy."""
        return self.source if self.source is not None else "".join(self.text)


class MessageBlocks:
    """The messages shown, in order, and the blocks and formats each is made of.

    Thread: GUI thread.
    """

    def __init__(self, view: QTextBrowser, theme: ChatTheme) -> None:
        self._view = view
        self._theme = theme
        self.messages: dict[int, Message] = {}
        self.order: list[Message] = []  # as shown, top to bottom
        self._next_number = 0

    def new_message(self, role: str, title: str, *, at_top: bool) -> tuple[Message, QTextCursor]:
        """A message's blocks (title, one empty body block, footer, then a gap) at the end or the top of
        the chat, and a cursor in its empty body block."""
        document = self._view.document()
        cursor = QTextCursor(document)
        first = document.isEmpty()
        if at_top and not first:
            old = cursor.block()  # the title of the message that was first
            cursor.insertBlock(old.blockFormat(), old.charFormat())
            cursor.setPosition(0)
        elif not first:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertBlock()
        margins = text_margins(role)
        title_block = self.block_format(margins)
        title_block.setTopMargin(BUBBLE_PADDING)
        title_format = self.chrome_format()
        title_format.setFontWeight(QFont.Weight.Bold)
        cursor.setBlockFormat(title_block)
        cursor.setBlockCharFormat(title_format)
        start_position = cursor.position()
        if title:
            cursor.insertText(title, title_format)
        cursor.insertBlock(self.block_format(margins), self.body_format(self._theme.text))
        body_position = cursor.position()
        footer_block = self.block_format(margins)
        footer_block.setTopMargin(2)
        footer_block.setBottomMargin(BUBBLE_PADDING)
        cursor.insertBlock(footer_block, self.chrome_format())
        footer_position = cursor.position()
        block, char = spacer_formats(BUBBLE_GAP)
        cursor.insertBlock(block, char)
        # A zero-width space: with empty blocks between tables, Qt repaints the whole viewport on
        # every change instead of the changed lines.
        cursor.insertText(ZERO_WIDTH_SPACE, char)
        spacer_position = cursor.block().position()

        def marker(position: int, *, keep: bool = False) -> QTextCursor:
            made = QTextCursor(document)
            made.setPosition(position)
            made.setKeepPositionOnInsert(keep)
            return made

        self._next_number += 1
        message = Message(
            self._next_number,
            role,
            marker(start_position),
            marker(spacer_position),
            margins,
            footer=marker(footer_position, keep=True),  # the footer's own text goes after it
        )
        self.messages[message.number] = message
        if at_top:
            self.order.insert(0, message)
        else:
            self.order.append(message)
        return message, marker(body_position)

    def body_is_empty(self, message: Message) -> bool:
        """Whether the answer has no text yet (its body is the one empty block above the footer)."""
        footer = message.footer
        if footer is None:
            return False
        body = self._view.document().findBlock(message.start.position()).next()
        return body.length() <= 1 and body.next().position() == footer.position()

    def remove_from(self, index: int) -> list[Message]:
        """Take the messages from the `index`-th shown to the last off the chat; they are returned."""
        gone = self.order[index:]
        if not gone:
            return gone
        cursor = QTextCursor(self._view.document())
        # From the end of the message before it (its gap block stays the last block) to the end.
        cursor.setPosition(max(gone[0].start.position() - 1, 0))
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        del self.order[index:]
        for message in gone:
            self.messages.pop(message.number, None)
        return gone

    def clear(self) -> None:
        self.messages.clear()
        self.order.clear()

    def set_footer(self, message: Message, note: str, *, copy: bool) -> None:
        footer = message.footer
        if footer is None:
            return
        message.note = note
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(footer.position())
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        if copy:
            link = self.link_format(f"{COMMAND_SCHEME}:copy-message/{message.number}")
            cursor.insertText(QCoreApplication.translate("ChatView", "Copy"), link)
            if note:
                cursor.insertText("   ", self.chrome_format())
        if note:
            cursor.insertText(note, self.chrome_format())

    def write_plain(
        self, cursor: QTextCursor, text: str, char_format: QTextCharFormat, margins: tuple[float, float]
    ) -> None:
        # Questions and errors are plain text: writing them needs neither markdown-it nor Pygments,
        # so the first question never waits for those imports.
        paragraphs = text.replace("\r\n", "\n").split("\n\n")
        block = self.block_format(margins)
        block.setBottomMargin(6)
        for number, paragraph in enumerate(paragraphs):
            if number:
                cursor.insertBlock(block, char_format)
            else:
                cursor.setBlockFormat(block)
                cursor.setBlockCharFormat(char_format)
            cursor.insertText(paragraph.replace("\n", "\u2028"), char_format)

    def selected_text(self, start: int, end: int) -> str:
        """The text from `start` to `end` without the view's own labels (names, Copy links, notes)."""
        document = self._view.document()
        lines: list[str] = []
        block = document.findBlock(start)
        while block.isValid() and block.position() < end:
            pieces: list[str] = []
            has_content = has_chrome = False
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.charFormat().boolProperty(CHROME_PROPERTY):
                    has_chrome = True
                else:
                    has_content = True
                    first, last = fragment.position(), fragment.position() + fragment.length()
                    if last > start and first < end:
                        pieces.append(fragment.text()[max(start - first, 0) : min(end, last) - first])
                iterator += 1
            chrome_block = block.charFormat().boolProperty(CHROME_PROPERTY)
            if has_content or not (has_chrome or chrome_block):
                lines.append("".join(pieces))
            block = block.next()
        return "\n".join(lines).replace("\u2028", "\n").replace("\ufffc", "")

    # -- formats -----------------------------------------------------------------------------------

    @staticmethod
    def block_format(margins: tuple[float, float]) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setLeftMargin(margins[0])
        fmt.setRightMargin(margins[1])
        return fmt

    def body_format(self, color: QColor) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(color)
        return fmt

    def chrome_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(self._theme.muted)
        fmt.setFontPointSize(max(self._view.font().pointSizeF() - 1, 7.0))
        fmt.setProperty(CHROME_PROPERTY, True)
        return fmt

    def link_format(self, href: str) -> QTextCharFormat:
        fmt = self.chrome_format()
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setForeground(self._theme.link)
        return fmt

    def thinking_text_format(self) -> QTextCharFormat:
        return self.body_format(self._theme.thinking_text)

    def thinking_frame_format(self, margins: tuple[float, float]) -> QTextTableFormat:
        fmt = QTextTableFormat()
        fmt.setLeftMargin(margins[0])
        fmt.setRightMargin(margins[1])
        fmt.setBorder(0)
        fmt.setCellSpacing(0)
        fmt.setCellPadding(6)
        fmt.setBackground(self._theme.thinking_background)
        fmt.setBottomMargin(6)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        return fmt
