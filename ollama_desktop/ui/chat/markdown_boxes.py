"""The markdown writer's boxed blocks: code blocks (a header with a Copy link, highlighted lines) and tables.

Part of the markdown writer (`markdown_render`), which walks the tokens and calls these with its run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextFrameFormat,
    QTextTableCellFormat,
    QTextTableFormat,
)

from ollama_desktop.ui.chat.markdown_inline import InlineWriter

if TYPE_CHECKING:
    from markdown_it.token import Token

    from ollama_desktop.ui.chat.markdown_render import _Run

BLOCK_SPACING = 6.0
# Code blocks: the space before each line's text on its background.
CODE_PADDING = 8.0


def write_code_box(
    run: _Run, code: str, language: str, *, closed: bool, continues: str | None = None
) -> None:
    """A code block: a header line (the language and a Copy link), then the code, each line a
    block on the code background. With `continues`, the code goes on with the code block
    written last, cut before it (see `markdown_blocks.Piece`): no header, no gap, and its code
    is copied with that block's.

    Plain blocks, not a table: Qt looks at every table in the document on every change (its
    frames are walked for each edit), so a chat with hundreds of code blocks made every streamed
    word ~40 % dearer (measured with 200 earlier messages); blocks cost nothing there.
    """
    code = code.removesuffix("\n")
    theme = run.w.theme
    indent = run.lists[-1].depth if run.lists else 0
    left = run.left_margin() + indent * run.cursor.document().indentWidth()
    header = QTextBlockFormat()
    header.setBackground(theme.code_header_background)
    header.setLeftMargin(left)
    header.setRightMargin(run.w.margins[1])
    header.setTextIndent(CODE_PADDING)
    line = QTextBlockFormat(header)
    line.setBackground(run.w.highlighter.background)
    code_format = run.w.code_format
    cursor = run.cursor
    if continues is not None:
        run.w.code_more(code, continues)
        if not run.reuse and cursor.blockFormat().background() == line.background():
            above = cursor.blockFormat()  # the last line of the block this one goes on with
            above.setBottomMargin(0)
            cursor.setBlockFormat(above)
        run.new_block(line, code_format)
    else:
        chrome = run.w.chrome_format()
        run.new_block(header, chrome)
        label = language or QCoreApplication.translate("MarkdownWriter", "code")
        cursor.insertText(label + "\u2003", chrome)
        cursor.insertText(
            QCoreApplication.translate("MarkdownWriter", "Copy"),
            run.w.link_format(run.w.code_link(code), chrome=True),
        )
        cursor.insertBlock(line, code_format)
    runs = run.w.highlighter.runs(code, language) if closed else None
    if runs is None:
        runs = [(code, code_format)]
    for text, run_format in runs:
        for number, part in enumerate(text.split("\n")):
            if number:
                cursor.insertBlock(line, code_format)
            if part:
                cursor.insertText(part, run_format)
    last = QTextBlockFormat(line)
    last.setBottomMargin(BLOCK_SPACING)
    cursor.setBlockFormat(last)
    if run.lists:
        run.lists[-1].item_started = True


def write_table(run: _Run, tokens: list[Token]) -> None:
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
    theme = run.w.theme
    fmt = QTextTableFormat()
    fmt.setBorder(1)
    fmt.setBorderBrush(theme.table_border)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderCollapse(True)
    fmt.setCellSpacing(0)
    fmt.setCellPadding(4)
    fmt.setBottomMargin(BLOCK_SPACING)
    table = run.insert_table(len(rows), columns, fmt)
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
            char = QTextCharFormat(run.w.base)
            if is_header:
                char.setFontWeight(QFont.Weight.Bold)
            InlineWriter(run.w, cursor, char).write(children)
