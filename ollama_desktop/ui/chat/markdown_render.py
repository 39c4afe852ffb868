"""Markdown written straight into a QTextDocument with Qt's cursor API, in the chat's colours.

Why not `setMarkdown`/`insertHtml`: inserting either at a cursor merges the first inserted block into
the block under the cursor, which loses its heading, code or list formatting (checked against a
one-shot `setMarkdown`), and neither gives code blocks colours or Copy buttons. Building the blocks
here with explicit formats makes a block look the same whether it is written alone, as part of a
streamed answer, or with the whole answer at once.

The writer keeps one piece of state between calls: whether the block under the cursor is an empty
block it may use for the next element (`reuse`). A message is written as a series of calls, each
given the `reuse` the previous call returned, so that a message written in many calls is laid out
like the same message written in one.

markdown-it and Pygments are imported with this module: the chat view imports it after the first frame.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markdown_it.token import Token
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextTable,
    QTextTableFormat,
)

from ollama_desktop.core.chat.markdown_blocks import make_parser
from ollama_desktop.ui.chat.code_highlight import CodeHighlighter
from ollama_desktop.ui.chat.markdown_boxes import BLOCK_SPACING, write_code_box, write_table
from ollama_desktop.ui.chat.markdown_inline import LINE_SEPARATOR, InlineWriter
from ollama_desktop.ui.chat.theme import CHROME_PROPERTY, ChatTheme, spacer_formats
from ollama_desktop.ui.plain_text import plain_tooltip

_HEADING_SIZE = {1: 3, 2: 2, 3: 1, 4: 0, 5: 0, 6: 0}  # QTextCharFormat.FontSizeAdjustment
_BULLETS = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)
_QUOTE_MARGIN = 14.0


@dataclass
class AppendPoint:
    """Where more plain text can go straight in, without writing the open block again.

    Why: most frames of a stream only add a word to the paragraph being written. Writing the open
    block again costs a markdown parse and a layout of the whole block; inserting the word costs
    neither. The next frame that brings markdown (or a new line) writes the block again in full,
    and so does the end of the answer, so what stays on screen is always a full rendering.
    """

    cursor: QTextCursor  # moves on as text is inserted at it
    char_format: QTextCharFormat
    code: bool  # inside a code block that is still open


@dataclass
class _ListLevel:
    ordered: bool
    start: int
    depth: int
    qlist: QTextList | None = None
    item_started: bool = False


class MarkdownWriter:
    """Writes markdown at a QTextCursor: paragraphs, headings, lists, quotes, tables, code, links.

    `code_link(code)` returns the address of a code block's Copy link (the view keeps the code);
    `code_more(code, joiner)` adds to the code of the last such link the rest of a code block that
    was cut into pieces (see `markdown_blocks.Piece`).

    Thread: GUI thread.
    """

    def __init__(
        self,
        theme: ChatTheme,
        code_link: Callable[[str], str],
        code_more: Callable[[str, str], None] | None = None,
    ) -> None:
        self._parser = make_parser()
        self._theme = theme
        self._code_link = code_link
        self._code_more = code_more
        # Left and right margins of the message being written (its text sits inside a bubble).
        self.margins: tuple[float, float] = (0.0, 0.0)
        # After a write: where plain text typed on at the end would go, if the text ended in a
        # paragraph or heading, or in a code block still open (see `AppendPoint`).
        self.append_point: AppendPoint | None = None
        self.base = QTextCharFormat()
        self.base.setForeground(theme.text)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._code = QTextCharFormat()
        self._code.setFontFamilies([fixed.family(), "monospace"])
        self._code.setFontFixedPitch(True)
        self._code.setForeground(theme.code_text)
        self.highlighter = CodeHighlighter(theme.code_style, self._code)
        self._inline_code = QTextCharFormat(self._code)
        self._inline_code.setBackground(theme.inline_code_background)
        self._chrome = QTextCharFormat()
        self._chrome.setForeground(theme.muted)
        self._chrome.setProperty(CHROME_PROPERTY, True)
        self._chrome.setFontPointSize(max(fixed.pointSizeF() - 1, 7.0))

    # -- public --------------------------------------------------------------------------------

    def write(
        self,
        cursor: QTextCursor,
        text: str,
        reuse: bool,
        *,
        final: bool = True,
        continues_code: str | None = None,
    ) -> bool:
        """Write `text` (whole blocks) after the cursor; return the `reuse` state for the next call.

        `final` False means `text` is the open tail of a stream: an unclosed code fence is shown plain
        instead of being highlighted on every frame, and white space at its very end is shown (the
        words that follow it are added straight after it, see `AppendPoint`).
        `continues_code`: `text` starts with more of the code block written last (a `Piece`'s).
        """
        self.append_point = None
        if not text.strip():
            return reuse
        tokens = self._parser.parse(text)
        run = _Run(self, cursor, reuse, final, continues_code)
        if not final:
            # Markdown drops the spaces and the line break at the end of a paragraph, but in an
            # open tail they are the space before the next word, or a soft break: shown, so that
            # what is on screen is what arrived.
            last_line = text[text.rfind("\n") + 1 :]
            if last_line.strip():
                run.trailing = last_line[len(last_line.rstrip(" \t")) :]
            elif not last_line and text[-2:-1].strip():  # a line break after a word
                run.trailing = LINE_SEPARATOR
        run.blocks(tokens)
        return run.reuse

    # -- formats shared with the view ------------------------------------------------------------

    @property
    def theme(self) -> ChatTheme:
        return self._theme

    def code_link(self, code: str) -> str:
        return self._code_link(code)

    def code_more(self, code: str, joiner: str) -> None:
        if self._code_more is not None:
            self._code_more(code, joiner)

    def chrome_format(self) -> QTextCharFormat:
        """Small grey text that belongs to the view (labels, notes), left out of copied selections."""
        return QTextCharFormat(self._chrome)

    def link_format(self, href: str, *, chrome: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat(self._chrome if chrome else self.base)
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setForeground(self._theme.link)
        if not chrome:
            fmt.setFontUnderline(True)
            fmt.setToolTip(plain_tooltip(href))  # the model wrote the address: data, not markup
        return fmt

    @property
    def code_format(self) -> QTextCharFormat:
        return self._code

    @property
    def inline_code_format(self) -> QTextCharFormat:
        return self._inline_code


class _Run:
    """One `write` call: walks markdown-it's tokens and builds the blocks."""

    def __init__(
        self,
        writer: MarkdownWriter,
        cursor: QTextCursor,
        reuse: bool,
        final: bool,
        continues_code: str | None = None,
    ) -> None:
        self.w = writer
        self.cursor = cursor
        self.reuse = reuse
        self.final = final
        self.continues_code = continues_code  # the first block goes on with the last code block
        self.trailing = ""  # white space after the last word of an open tail
        self.lists: list[_ListLevel] = []
        self.quotes = 0
        self.heading = 0
        self.tokens: list[Token] = []
        self.index = 0
        self.last_opening = -1

    # -- blocks --------------------------------------------------------------------------------

    def blocks(self, tokens: list[Token]) -> None:
        # In an open tail, the last thing written may be a code fence still waiting for its closing
        # line: shown plain, it is not highlighted again on every frame. Any earlier fence is closed.
        self.last_opening = max((i for i, token in enumerate(tokens) if token.nesting >= 0), default=-1)
        self.tokens = tokens
        self.index = 0
        while self.index < len(tokens):
            token = tokens[self.index]
            handler = _BLOCK_HANDLERS.get(token.type)
            if handler is not None:
                handler(self, token)
            self.index += 1

    def on_paragraph_open(self, _token: Token) -> None:
        self.begin_paragraph()

    def on_heading_open(self, token: Token) -> None:
        self.heading = int(token.tag[1:])
        self.begin_paragraph()

    def on_heading_close(self, _token: Token) -> None:
        self.heading = 0

    def on_inline(self, token: Token) -> None:
        base = self.block_char_format()
        InlineWriter(self.w, self.cursor, base).write(token.children or [])
        if self.index == self.last_opening and not self.final:
            if self.trailing and not (self.heading and self.trailing == LINE_SEPARATOR):
                self.cursor.insertText(self.trailing, base)  # (a heading ends at its line break)
            self.w.append_point = AppendPoint(QTextCursor(self.cursor), base, code=False)

    def on_list_open(self, token: Token) -> None:
        ordered = token.type == "ordered_list_open"
        start = int(token.attrs.get("start", 1) or 1) if ordered else 1
        self.lists.append(_ListLevel(ordered, start, len(self.lists) + 1))

    def on_list_close(self, _token: Token) -> None:
        self.lists.pop()

    def on_item_open(self, _token: Token) -> None:
        self.lists[-1].item_started = False

    def on_item_close(self, _token: Token) -> None:
        if not self.lists[-1].item_started:  # an empty item ("- " alone) still shows its bullet
            self.begin_paragraph()

    def on_quote_open(self, _token: Token) -> None:
        self.quotes += 1

    def on_quote_close(self, _token: Token) -> None:
        self.quotes -= 1

    def on_code(self, token: Token) -> None:
        language = token.info.strip().split(" ", 1)[0] if token.type == "fence" else ""
        joiner = self.continues_code if self.index == 0 else None
        closed = self.final or self.index != self.last_opening
        write_code_box(self, token.content, language, closed=closed, continues=joiner)
        if not closed:
            self.w.append_point = AppendPoint(QTextCursor(self.cursor), self.w.code_format, code=True)

    def on_rule(self, _token: Token) -> None:
        self.rule()

    def on_table_open(self, _token: Token) -> None:
        end = self.index
        while self.tokens[end].type != "table_close":
            end += 1
        write_table(self, self.tokens[self.index : end + 1])
        self.index = end

    def left_margin(self) -> float:
        return self.w.margins[0] + self.quotes * _QUOTE_MARGIN

    def paragraph_format(self) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(BLOCK_SPACING)
        fmt.setLeftMargin(self.left_margin())
        fmt.setRightMargin(self.w.margins[1])
        if self.heading:
            fmt.setHeadingLevel(self.heading)
            fmt.setTopMargin(BLOCK_SPACING)
        if self.lists:
            level = self.lists[-1]
            fmt.setBottomMargin(2.0)
            if level.item_started:  # a later paragraph of a list item lines up with its text
                fmt.setIndent(level.depth)
        return fmt

    def block_char_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat(self.w.base)
        if self.heading:
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, _HEADING_SIZE[self.heading])
        if self.quotes:
            fmt.setForeground(self.w.theme.quote_text)
        return fmt

    def new_block(self, block_format: QTextBlockFormat, char_format: QTextCharFormat) -> None:
        """Start a block: the reusable empty block under the cursor, or a new one after it."""
        if self.reuse:
            self.cursor.setBlockFormat(block_format)
            self.cursor.setBlockCharFormat(char_format)
            self.reuse = False
        else:
            self.cursor.insertBlock(block_format, char_format)

    def begin_paragraph(self) -> None:
        fmt = self.paragraph_format()
        self.new_block(fmt, self.block_char_format())
        if self.lists and not self.lists[-1].item_started:
            level = self.lists[-1]
            if level.qlist is None:
                list_format = QTextListFormat()
                list_format.setIndent(level.depth)
                if level.ordered:
                    list_format.setStyle(QTextListFormat.Style.ListDecimal)
                    list_format.setStart(level.start)
                else:
                    list_format.setStyle(_BULLETS[(level.depth - 1) % len(_BULLETS)])
                level.qlist = self.cursor.createList(list_format)
            else:
                level.qlist.add(self.cursor.block())
            level.item_started = True

    def rule(self) -> None:
        fmt = QTextBlockFormat()
        fmt.setProperty(
            QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
            QTextLength(QTextLength.Type.PercentageLength, 100),
        )
        fmt.setBottomMargin(BLOCK_SPACING)
        fmt.setLeftMargin(self.left_margin())
        fmt.setRightMargin(self.w.margins[1])
        self.new_block(fmt, QTextCharFormat(self.w.base))

    def insert_table(self, rows: int, columns: int, fmt: QTextTableFormat) -> QTextTable:
        """A table right after the last block; the cursor ends in the (reusable) block after it."""
        indent = self.lists[-1].depth if self.lists else 0
        fmt.setLeftMargin(self.left_margin() + indent * self.cursor.document().indentWidth())
        fmt.setRightMargin(self.w.margins[1])
        if self.reuse:
            # Qt keeps the block under the cursor before the table: make it a hairline, not a blank line.
            # A zero-width space in it: an empty block before a table makes Qt repaint the whole view
            # on every later change (measured here).
            block, char = spacer_formats(2)  # the gap Qt needs before and after frames
            self.cursor.setBlockFormat(block)
            self.cursor.setBlockCharFormat(char)
            self.cursor.insertText("\u200b", char)
        table = self.cursor.insertTable(rows, columns, fmt)
        self.cursor.setPosition(table.lastPosition() + 1)
        self.reuse = True
        if self.lists:
            self.lists[-1].item_started = True
        return table


_BLOCK_HANDLERS: dict[str, Callable[[_Run, Token], None]] = {
    "paragraph_open": _Run.on_paragraph_open,
    "heading_open": _Run.on_heading_open,
    "heading_close": _Run.on_heading_close,
    "inline": _Run.on_inline,
    "bullet_list_open": _Run.on_list_open,
    "ordered_list_open": _Run.on_list_open,
    "bullet_list_close": _Run.on_list_close,
    "ordered_list_close": _Run.on_list_close,
    "list_item_open": _Run.on_item_open,
    "list_item_close": _Run.on_item_close,
    "blockquote_open": _Run.on_quote_open,
    "blockquote_close": _Run.on_quote_close,
    "fence": _Run.on_code,
    "code_block": _Run.on_code,
    "hr": _Run.on_rule,
    "table_open": _Run.on_table_open,
}
