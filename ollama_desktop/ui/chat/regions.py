"""Markdown regions of the chat document that grow at their end (an answer, its reasoning).

Finished blocks are written once; only the open tail is written again on each update, and words
typed on at the end of a paragraph go straight in without writing it again (see `Region.append`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from ollama_desktop.ui.chat.fold import RegionFold

if TYPE_CHECKING:
    from ollama_desktop.core.chat.markdown_blocks import Piece
    from ollama_desktop.ui.chat.code_blocks import CodeStore
    from ollama_desktop.ui.chat.markdown_render import AppendPoint, MarkdownWriter
    from ollama_desktop.ui.chat.messages import Message

LINE_SEPARATOR = "\u2028"  # a line break inside a paragraph, as the markdown writer writes it

# Plain words typed on at the end of a paragraph can go straight in (see `AppendPoint`), unless they
# hold markdown, or the line so far holds something a word could change ("_a_" + "b" is no emphasis).
# Line breaks too, after a word and before a word (or at the end): a line that starts with a letter
# cannot start a block of its own, so it goes on with the paragraph (a soft break).
_MARKUP_IN_TEXT = re.compile(r"[\r*_`\[\]<>|~\\&]|\s\n|\n(?![^\W\d_]|\Z)")
_MARKUP_IN_LINE = re.compile(r"[_`\[<&\\|]")
# A list item's line whose text has begun with a letter: more words only lengthen the item ("- -"
# could still become a rule, "1" an ordered list: those are written again).
_LIST_ITEM_LINE = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])\s+[^\W\d_]")
PlainWriter = Callable[[QTextCursor, str, QTextCharFormat, tuple[float, float]], None]


class Region:
    """Markdown in the document that grows at its end: finished blocks are written once, the open tail
    is removed and written again on every update.

    Thread: GUI thread.
    """

    def __init__(
        self,
        document: QTextDocument,
        start: int,
        end: Callable[[], int],
        *,
        codes: CodeStore,
        margins: tuple[float, float],
        reuse: bool = True,
    ) -> None:
        self._codes = codes
        self._margins = margins
        self.append_point: AppendPoint | None = None
        self._tail_codes: list[tuple[int, bool]] = []
        self._document = document
        self._tail = QTextCursor(document)
        self._tail.setPosition(start)
        self._tail.setKeepPositionOnInsert(True)  # the tail is written at this position, after it
        self._end = end
        self._reuse = reuse
        self._fold = RegionFold(document, start, codes, margins)

    def show_plain(self, text: str, char_format: QTextCharFormat, write: PlainWriter) -> None:
        """Replace the tail with `text` as plain text (shown until markdown can be rendered)."""
        cursor = self._cleared_tail()
        write(cursor, text, char_format, self._margins)

    def _cleared_tail(self) -> QTextCursor:
        cursor = QTextCursor(self._document)
        cursor.setPosition(self._tail.position())
        end = self._end()
        if end > cursor.position():
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        return cursor

    def show(self, writer: MarkdownWriter, pieces: Sequence[Piece], tail: Piece, *, final: bool) -> None:
        """Write `pieces` for good after what is written for good, and `tail` after them (replacing
        the tail written last)."""
        cursor = self._cleared_tail()
        writer.margins = self._margins
        self._codes.forget(self._tail_codes)
        self._tail_codes = []
        reuse = self._reuse
        if pieces:
            for piece in pieces:
                position, block = cursor.position(), cursor.blockNumber()
                reuse = writer.write(
                    cursor, piece.text, reuse, final=True, continues_code=piece.continues_code
                )
                self._fold.note_unit(position, cursor, block, piece.text)
            self._tail.setPosition(cursor.position())
            self._reuse = reuse
        self.append_point = None
        if tail.text:
            self._tail_codes = self._codes.record()
            try:
                writer.write(cursor, tail.text, reuse, final=final, continues_code=tail.continues_code)
            finally:
                self._codes.stop_recording()
            self.append_point = writer.append_point

    @property
    def fold_due(self) -> bool:
        """Whether more than the fold limit is shown (see fold.FOLD_WEIGHT)."""
        return self._fold.due

    @property
    def folded_bytes(self) -> int:
        return self._fold.folded_bytes

    def fold(self, note: Callable[[int], str], note_format: QTextCharFormat) -> None:
        """Take the oldest finished blocks out of the document (see `RegionFold.fold`)."""
        self._fold.fold(note, note_format)

    def append(self, text: str, current_line: str, *, code_lines: bool = False) -> bool:
        """Put plain `text` at the end of the open tail without writing it again; False when it
        could change more than the last line's words (then the tail must be written again).

        Line breaks go in too: in a paragraph, before a line that starts with a letter (a soft
        break); in a code block, before lines that cannot close it, if `code_lines` (the code
        block is the open block itself, at the margin, so its lines are shown as they came).
        """
        point = self.append_point
        if point is None or not text or "\r" in text:
            return False
        head = current_line.lstrip()
        if point.code:
            if not head or head[0] in "`~":
                return False
            if "\n" in text:
                if not code_lines or any(line.lstrip()[:1] in ("`", "~") for line in text.split("\n")[1:]):
                    return False
                self._append_code_lines(point, text)
                return True
        else:
            words = bool(head) and (head[0].isalpha() or _LIST_ITEM_LINE.match(head) is not None)
            if not current_line:  # a line begins: after a soft break shown, a word goes on with it
                at = point.cursor.position() - 1
                words = text[0].isalpha() and self._document.characterAt(at) == LINE_SEPARATOR
            if not words or _MARKUP_IN_LINE.search(current_line):
                return False
            if _MARKUP_IN_TEXT.search(current_line[-1:] + text):
                return False
            text = text.replace("\n", LINE_SEPARATOR)
        # The block being written keeps its shaped glyphs between frames: otherwise every paint of
        # it shapes the whole paragraph again (~0.15 ms a frame for a long one). Only this block:
        # the glyphs of a whole chat would cost more memory than its text.
        layout = point.cursor.block().layout()
        if not layout.cacheEnabled():
            layout.setCacheEnabled(True)
        point.cursor.insertText(text, point.char_format)
        return True

    @staticmethod
    def _append_code_lines(point: AppendPoint, text: str) -> None:
        cursor = point.cursor
        first, *lines = text.split("\n")
        if first:
            cursor.insertText(first, point.char_format)
        for line in lines:
            # The new line is the last: the space under the code block moves down to it.
            above = cursor.blockFormat()
            last = QTextBlockFormat(above)
            above.setBottomMargin(0)
            cursor.setBlockFormat(above)
            cursor.insertBlock(last, point.char_format)
            if line:
                cursor.insertText(line, point.char_format)


def body_region(message: Message, start: int, codes: CodeStore) -> Region:
    """The answer's markdown: from `start` to the end of the block above the footer."""
    footer = message.footer
    assert footer is not None
    end = footer.position
    region = Region(message.start.document(), start, lambda: end() - 1, codes=codes, margins=message.margins)
    message.body = region
    return region
