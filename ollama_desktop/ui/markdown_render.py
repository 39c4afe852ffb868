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
from urllib.parse import urlsplit

from markdown_it.token import Token
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextTable,
    QTextTableCellFormat,
    QTextTableFormat,
)

from ollama_desktop.core.markdown_blocks import make_parser
from ollama_desktop.ui.chat_theme import CHROME_PROPERTY, ChatTheme, spacer_formats
from ollama_desktop.ui.code_highlight import CodeHighlighter
from ollama_desktop.ui.plain_text import plain_tooltip

LINE_SEPARATOR = "\u2028"  # a line break inside a paragraph (markdown's soft and hard breaks)

_HEADING_SIZE = {1: 3, 2: 2, 3: 1, 4: 0, 5: 0, 6: 0}  # QTextCharFormat.FontSizeAdjustment
_BULLETS = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)
_SAFE_SCHEMES = {"http", "https"}
_QUOTE_MARGIN = 14.0
_BLOCK_SPACING = 6.0
# Code blocks: the space before each line's text on its background.
_CODE_PADDING = 8.0


def is_web_link(href: str) -> bool:
    """Whether a link may be opened in the browser: http(s) with a host, nothing else.

    >>> is_web_link("https://ollama.com/library"), is_web_link("javascript:alert(1)")
    (True, False)
    >>> is_web_link("file:///etc/passwd"), is_web_link("/relative/page")
    (False, False)
    """
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    return parts.scheme.lower() in _SAFE_SCHEMES and bool(parts.netloc)


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
        _Inline(self.w, self.cursor, base).write(token.children or [])
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
        self.code_box(token.content, language, closed=closed, continues=joiner)

    def on_rule(self, _token: Token) -> None:
        self.rule()

    def on_table_open(self, _token: Token) -> None:
        end = self.index
        while self.tokens[end].type != "table_close":
            end += 1
        self.table(self.tokens[self.index : end + 1])
        self.index = end

    def left_margin(self) -> float:
        return self.w.margins[0] + self.quotes * _QUOTE_MARGIN

    def paragraph_format(self) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(_BLOCK_SPACING)
        fmt.setLeftMargin(self.left_margin())
        fmt.setRightMargin(self.w.margins[1])
        if self.heading:
            fmt.setHeadingLevel(self.heading)
            fmt.setTopMargin(_BLOCK_SPACING)
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
        fmt.setBottomMargin(_BLOCK_SPACING)
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

    def code_box(self, code: str, language: str, *, closed: bool, continues: str | None = None) -> None:
        """A code block: a header line (the language and a Copy link), then the code, each line a
        block on the code background. With `continues`, the code goes on with the code block
        written last, cut before it (see `markdown_blocks.Piece`): no header, no gap, and its code
        is copied with that block's.

        Plain blocks, not a table: Qt looks at every table in the document on every change (its
        frames are walked for each edit), so a chat with hundreds of code blocks made every streamed
        word ~40 % dearer (measured with 200 earlier messages); blocks cost nothing there.
        """
        code = code.removesuffix("\n")
        theme = self.w.theme
        indent = self.lists[-1].depth if self.lists else 0
        left = self.left_margin() + indent * self.cursor.document().indentWidth()
        header = QTextBlockFormat()
        header.setBackground(theme.code_header_background)
        header.setLeftMargin(left)
        header.setRightMargin(self.w.margins[1])
        header.setTextIndent(_CODE_PADDING)
        line = QTextBlockFormat(header)
        line.setBackground(self.w.highlighter.background)
        code_format = self.w.code_format
        cursor = self.cursor
        if continues is not None:
            self.w.code_more(code, continues)
            if not self.reuse and cursor.blockFormat().background() == line.background():
                above = cursor.blockFormat()  # the last line of the block this one goes on with
                above.setBottomMargin(0)
                cursor.setBlockFormat(above)
            self.new_block(line, code_format)
        else:
            chrome = self.w.chrome_format()
            self.new_block(header, chrome)
            label = language or QCoreApplication.translate("MarkdownWriter", "code")
            cursor.insertText(label + "\u2003", chrome)
            cursor.insertText(
                QCoreApplication.translate("MarkdownWriter", "Copy"),
                self.w.link_format(self.w.code_link(code), chrome=True),
            )
            cursor.insertBlock(line, code_format)
        runs = self.w.highlighter.runs(code, language) if closed else None
        if runs is None:
            runs = [(code, code_format)]
        for text, run_format in runs:
            for number, part in enumerate(text.split("\n")):
                if number:
                    cursor.insertBlock(line, code_format)
                if part:
                    cursor.insertText(part, run_format)
        last = QTextBlockFormat(line)
        last.setBottomMargin(_BLOCK_SPACING)
        cursor.setBlockFormat(last)
        if self.lists:
            self.lists[-1].item_started = True
        if not closed:
            self.w.append_point = AppendPoint(QTextCursor(cursor), code_format, code=True)

    def table(self, tokens: list[Token]) -> None:
        """A markdown table: a Qt table with a bold header row and each column's alignment."""
        rows: list[list[tuple[Qt.AlignmentFlag, list[Token], bool]]] = []
        for token in tokens:
            if token.type == "tr_open":
                rows.append([])
            elif token.type in ("th_open", "td_open"):
                style = str(token.attrs.get("style", ""))
                align = Qt.AlignmentFlag.AlignLeft
                if "right" in style:
                    align = Qt.AlignmentFlag.AlignRight
                elif "center" in style:
                    align = Qt.AlignmentFlag.AlignHCenter
                rows[-1].append((align, [], token.type == "th_open"))
            elif token.type == "inline" and rows and rows[-1]:
                rows[-1][-1][1].extend(token.children or [])
        columns = max((len(row) for row in rows), default=0)
        if not rows or not columns:
            return
        theme = self.w.theme
        fmt = QTextTableFormat()
        fmt.setBorder(1)
        fmt.setBorderBrush(theme.table_border)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderCollapse(True)
        fmt.setCellSpacing(0)
        fmt.setCellPadding(4)
        fmt.setBottomMargin(_BLOCK_SPACING)
        table = self.insert_table(len(rows), columns, fmt)
        header_cell = QTextTableCellFormat()
        header_cell.setBackground(theme.table_header_background)
        for row_number, row in enumerate(rows):
            for column, (align, children, is_header) in enumerate(row):
                cell = table.cellAt(row_number, column)
                if is_header:
                    cell.setFormat(header_cell)
                cursor = cell.firstCursorPosition()
                block = QTextBlockFormat()
                block.setAlignment(align)
                cursor.setBlockFormat(block)
                char = QTextCharFormat(self.w.base)
                if is_header:
                    char.setFontWeight(QFont.Weight.Bold)
                _Inline(self.w, cursor, char).write(children)


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


class _Inline:
    """Inline tokens (emphasis, code, links, breaks) written with a stack of character formats."""

    def __init__(self, writer: MarkdownWriter, cursor: QTextCursor, base: QTextCharFormat) -> None:
        self.w = writer
        self.cursor = cursor
        self.stack = [base]

    def push(self, change: Callable[[QTextCharFormat], None]) -> None:
        fmt = QTextCharFormat(self.stack[-1])
        change(fmt)
        self.stack.append(fmt)

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop()

    def write(self, children: list[Token]) -> None:
        for token in children:
            kind = token.type
            if kind == "text":
                if token.content:
                    self.cursor.insertText(token.content, self.stack[-1])
            elif kind in ("softbreak", "hardbreak"):
                self.cursor.insertText(LINE_SEPARATOR, self.stack[-1])
            elif kind == "strong_open":
                self.push(lambda fmt: fmt.setFontWeight(QFont.Weight.Bold))
            elif kind == "em_open":
                self.push(lambda fmt: fmt.setFontItalic(True))
            elif kind == "s_open":
                self.push(lambda fmt: fmt.setFontStrikeOut(True))
            elif kind in ("strong_close", "em_close", "s_close", "link_close"):
                self.pop()
            elif kind == "code_inline":
                fmt = QTextCharFormat(self.stack[-1])
                fmt.merge(self.w.inline_code_format)
                self.cursor.insertText(token.content, fmt)
            elif kind == "link_open":
                self.push(self._link_change(str(token.attrs.get("href", ""))))
            elif kind == "image":
                self._image(token)

    def _link_change(self, href: str) -> Callable[[QTextCharFormat], None]:
        def change(fmt: QTextCharFormat) -> None:
            # Only web links become links; anything else (file:, mailto:, relative) stays plain text.
            if is_web_link(href):
                fmt.merge(self.w.link_format(href))

        return change

    def _image(self, token: Token) -> None:
        """Images are never loaded: the alt text becomes a link to the picture."""
        src = str(token.attrs.get("src", ""))
        alt = token.content or src
        fmt = QTextCharFormat(self.stack[-1])
        if is_web_link(src):
            fmt.merge(self.w.link_format(src))
        self.cursor.insertText(
            QCoreApplication.translate("MarkdownWriter", "[image: {alt}]").format(alt=alt), fmt
        )
