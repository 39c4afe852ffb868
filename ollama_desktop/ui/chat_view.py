"""The conversation as the user sees it: messages as bubbles, answers as markdown streaming in.

The whole chat is one QTextDocument (so a selection can run across messages), each message a run of
plain blocks whose bubble the view paints itself. What keeps it fast at any length (see README,
"Performance"):

- text is only ever added at the end, so earlier messages are rendered once and never touched again;
- an answer's finished markdown blocks are written once; only its open tail (the block still being
  written) is rewritten, at most once per frame, whatever the token rate, and a frame that only adds
  words to the open paragraph inserts them without writing it again;
- messages are not QTextFrames or tables: a change inside one makes Qt lay out all of it again and
  repaint the whole window, so plain blocks with painted bubbles keep each frame to what changed;
- code is highlighted once, when its fence closes;
- an answer longer than FOLD_WEIGHT keeps only its newest blocks in the document (one line at its
  top says so), so its memory stays bounded; its text stays whole where it is kept (Copy takes it
  from the conversation or the history, not from a copy of the view's own);
- a long chat opened at once shows its newest messages first and adds the older ones above them in
  slices of a few milliseconds, so the window never stops answering.

Nothing remote is ever loaded: images become links, and a link opens in the browser only when it is
clicked and only if it is http(s).

markdown-it and Pygments are imported on the first answer (the app imports them just after the first
frame), so they cost nothing at start-up.
"""

from __future__ import annotations

import bisect
import collections
import functools
import importlib
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QLocale, QMimeData, QRect, QRectF, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import (
    QColor,
    QCursor,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrame,
    QTextLength,
    QTextTableFormat,
)
from PySide6.QtWidgets import QTextBrowser, QToolButton, QToolTip, QWidget

from ollama_desktop.core.conversation import ROLE_ASSISTANT, ROLE_USER
from ollama_desktop.ui.bubbles import BubblePainter
from ollama_desktop.ui.chat_theme import CHROME_PROPERTY, ChatTheme, spacer_formats
from ollama_desktop.ui.steady_scroll_bar import SteadyScrollBar

if TYPE_CHECKING:
    from ollama_desktop.core.markdown_blocks import BlockStream, Piece, ThinkSplitter
    from ollama_desktop.ui.markdown_render import AppendPoint, MarkdownWriter

LINE_SEPARATOR = "\u2028"  # a line break inside a paragraph, as the markdown writer writes it
PARAGRAPH_SEPARATOR = "\u2029"  # between two blocks, in QTextDocument.characterAt

ROLE_ERROR = "error"  # the view's own: a problem shown as a message (ROLE_USER/ASSISTANT: conversation)

# Links the view makes for itself (Copy, the thinking toggle); a model's own links are only ever
# http(s), so an answer cannot produce one of these.
COMMAND_SCHEME = "ollama-desktop"
ZERO_WIDTH_SPACE = "\u200b"

# Opening a long chat: this many characters of the newest messages are shown at once. Older ones
# are added above them, in slices of at most HISTORY_SLICE_MS, while fewer than OLDER_AHEAD_SCREENS
# screens of them lie above what the user sees: scrolling up finds them there, and a long chat
# nobody scrolls back through costs neither the time nor the memory of laying all of it out
# (~50 MB for 200 messages of 500 words).
FIRST_SCREEN_CHARS = 12_000
HISTORY_SLICE_MS = 8.0
OLDER_AHEAD_SCREENS = 2
ANCHOR_SETTLE_MS = 500
# While markdown-it and Pygments are still being imported, the answer is shown as plain text and
# looked at again this often (at most PREVIEW_CHARS of it: a block of plain text is laid out whole).
LOADING_POLL_MS = 15
PREVIEW_CHARS = 4_000
# At most this much of an answer is rendered in one pass of the event loop; the rest waits for the
# next pass, after a paint. Tokens never bring this much in a frame (13,000 tokens/s bring ~1,000
# characters), but one token can be a megabyte (rendered at once it froze the window for seconds),
# and so can an answer of a chat being opened.
RENDER_CHARS = 4_000
# An answer keeps at most this much of itself in the document ("weight": its characters, and
# FOLD_BLOCK_WEIGHT for each block); past it, its oldest finished blocks leave the document and one
# line at its top says so (the text itself stays whole: Copy, the conversation, the history). Why:
# Qt keeps ~50 bytes a displayed character and ~2 KB a block (a line of highlighted code), so a
# million-token answer took 72 MB of document. 480,000 leaves answers of ~100,000 tokens of prose
# whole, and keeps a document at ~26 MB of prose, or ~10,000 lines of code, whatever the length.
# It folds once the answer is FOLD_SLACK past the limit, not at every frame: a fold makes Qt move
# every block below it (~10 ms for 10,000 lines of code), so a flood of code lines folds a few
# times a second, each fold in an event-loop pass of its own.
FOLD_WEIGHT = 480_000
FOLD_BLOCK_WEIGHT = 40
FOLD_SLACK = 8  # a fold is due at FOLD_WEIGHT + FOLD_WEIGHT // FOLD_SLACK
# Lexers worth having ready before the first code block closes (their first use costs ~10–40 ms).
_COMMON_LANGUAGES = ("python", "javascript", "typescript", "bash", "json", "c", "cpp", "java", "go", "rust")
_BUBBLE_GAP = 8.0
_BUBBLE_RADIUS = 8.0
_BUBBLE_PADDING = 10.0
_USER_INDENT = 56.0
_ASSISTANT_INDENT = 24.0


class _MarkdownLoader:
    """Imports the markdown stack (markdown-it, Pygments, common lexers) on a background thread.

    Why: together they are ~150 ms of imports. On the GUI thread that is a frozen window at start-up
    or at the first answer. On a thread the GUI keeps running; an answer that arrives meanwhile is
    shown as plain text and rendered properly once the imports are done.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._done = threading.Event()

    def start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._load, name="markdown-import", daemon=True)
                self._thread.start()

    @property
    def ready(self) -> bool:
        return self._done.is_set()

    def wait(self) -> None:
        """Block until loaded (for callers that cannot show plain text instead)."""
        self.start()
        self._done.wait()

    def _load(self) -> None:
        # Only pure-Python packages here. Our own renderer module touches PySide6 types at import,
        # and PySide6 initialises types lazily without thread safety: importing it here while the
        # GUI thread ran the garbage collector crashed the app. It is imported on the GUI thread
        # when first used, which is cheap once these are loaded.
        try:
            for name in (
                "markdown_it",
                "markdown_it.token",
                "pygments.style",
                "pygments.styles",
                "pygments.util",
            ):
                importlib.import_module(name)
            importlib.import_module("ollama_desktop.core.markdown_blocks")
            lexers = importlib.import_module("pygments.lexers")
            for name in _COMMON_LANGUAGES:
                list(lexers.get_lexer_by_name(name).get_tokens("x = 1\n"))  # builds its tables once
        finally:
            self._done.set()


_LOADER = _MarkdownLoader()


def start_loading_markdown() -> None:
    """Start importing the markdown stack in the background (the view does it after its first frame)."""
    _LOADER.start()


def markdown_ready() -> bool:
    """Whether answers can be rendered as markdown yet (until then they show as plain text)."""
    return _LOADER.ready


@dataclass(frozen=True)
class ChatEntry:
    """A finished message to show, e.g. of a chat being opened.

    Attributes:
        role: ROLE_USER, ROLE_ASSISTANT or ROLE_ERROR.
        text: the message (markdown for answers, plain text for questions and errors).
        title: the model's name shown above an answer.
        note: the small line under an answer (its speeds).
        thinking: the model's reasoning, shown collapsed above the answer.
    """

    role: str
    text: str
    title: str = ""
    note: str = ""
    thinking: str = ""


# Plain words typed on at the end of a paragraph can go straight in (see `AppendPoint`), unless they
# hold markdown, or the line so far holds something a word could change ("_a_" + "b" is no emphasis).
# Line breaks too, after a word and before a word (or at the end): a line that starts with a letter
# cannot start a block of its own, so it goes on with the paragraph (a soft break).
_MARKUP_IN_TEXT = re.compile(r"[\r*_`\[\]<>|~\\&]|\s\n|\n(?![^\W\d_]|\Z)")
_MARKUP_IN_LINE = re.compile(r"[_`\[<&\\|]")
# A list item's line whose text has begun with a letter: more words only lengthen the item ("- -"
# could still become a rule, "1" an ordered list: those are written again).
_LIST_ITEM_LINE = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])\s+[^\W\d_]")
_PlainWriter = Callable[[QTextCursor, str, QTextCharFormat, tuple[float, float]], None]
_P = ParamSpec("_P")
_R = TypeVar("_R")


def _one_edit(method: Callable[Concatenate[ChatView, _P], _R]) -> Callable[Concatenate[ChatView, _P], _R]:
    """Run a method as one edit of the document, then follow the end if following.

    Why: every separate insert makes Qt lay the document out again (~0.3 ms each, far more once a
    long chat is above); inside an edit block it lays out once, when the block ends.
    """

    def edit(self: ChatView, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        try:
            return method(self, *args, **kwargs)
        finally:
            cursor.endEditBlock()
            self._after_change()

    functools.update_wrapper(edit, method)  # Qt's @Slot registers the method under its own name
    return edit


def _take_chars(parts: list[str], limit: int) -> str:
    """Up to `limit` characters from the start of `parts` (joined); the rest stays in `parts`."""
    if not parts or limit <= 0:
        return ""
    text = "".join(parts)
    parts.clear()
    if len(text) > limit:
        parts.append(text[limit:])
        text = text[:limit]
    return text


class _CodeStore:
    """The code of each code block's Copy link. A link written in an open tail is forgotten when the
    tail is written again, so a long code block streaming in does not pile up copies of itself.

    A code block cut into pieces (see `markdown_blocks.Piece`) has one link, in its first piece;
    the code of the others is added to it (`more`), so that Copy copies all of it.
    """

    def __init__(self) -> None:
        self._codes: dict[int, list[str]] = {}
        self._next = 0
        # Links whose block left the document (see _Region.fold): kept as an empty entry, so that
        # `more` code of their block is not added to the link before them.
        self._dropped: set[int] = set()
        # What was made since `record`: (link number, True for code added to it by `more`).
        self._recording: list[tuple[int, bool]] | None = None

    def link(self, code: str) -> str:
        number = self._next
        self._next += 1
        self._codes[number] = [code]
        if self._recording is not None:
            self._recording.append((number, False))
        return f"{COMMAND_SCHEME}:copy-code/{number}"

    def more(self, code: str, joiner: str) -> None:
        """More code of the block whose link was made last."""
        if not self._codes:
            return
        number = max(self._codes)
        if number in self._dropped:
            return
        parts = self._codes[number]
        parts.append((joiner if any(parts) else "") + code)
        if self._recording is not None:
            self._recording.append((number, True))

    def get(self, number: int) -> str | None:
        parts = self._codes.get(number)
        return None if parts is None or number in self._dropped else "".join(parts)

    @property
    def next_number(self) -> int:
        return self._next

    def drop(self, numbers: range) -> None:
        """Forget the code of these links (their blocks left the document)."""
        for number in numbers:
            if number in self._codes:
                self._codes[number] = []
                self._dropped.add(number)

    def record(self) -> list[tuple[int, bool]]:
        """Start noting the links made from now on (until `stop_recording`)."""
        self._recording = []
        return self._recording

    def stop_recording(self) -> None:
        self._recording = None

    def forget(self, made: list[tuple[int, bool]]) -> None:
        for number, added in reversed(made):
            if not added:
                self._codes.pop(number, None)
            elif len(self._codes.get(number, ())) > 1:
                self._codes[number].pop()

    def clear(self) -> None:
        self._codes.clear()
        self._dropped.clear()

    def __len__(self) -> int:
        return len(self._codes)


class _Region:
    """Markdown in the document that grows at its end: finished blocks are written once, the open tail
    is removed and written again on every update."""

    def __init__(
        self,
        document: QTextDocument,
        start: int,
        end: Callable[[], int],
        *,
        codes: _CodeStore,
        margins: tuple[float, float],
        reuse: bool = True,
        fold_limit: int | None = None,
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
        # Folding (see FOLD_WEIGHT): where the region starts (its first shown block, or the fold
        # line once there is one), and each unit of finished text shown: (document characters,
        # weight, UTF-8 bytes of its source, the number of the next Copy link made after it). A
        # unit starts with a block break but for the first, so that removing units leaves whole
        # blocks.
        self._start = QTextCursor(document)
        self._start.setPosition(start)
        self._start.setKeepPositionOnInsert(True)
        self._units: collections.deque[tuple[int, int, int, int]] = collections.deque()
        self._weight = 0
        self.folded_bytes = 0
        self._folded_before = False
        self._links_from = codes.next_number  # the Copy links of code in the units from here
        self._fold_limit = FOLD_WEIGHT if fold_limit is None else fold_limit  # read now: tests set it

    def show_plain(self, text: str, char_format: QTextCharFormat, write: _PlainWriter) -> None:
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
                self._note_unit(position, cursor, block, piece.text)
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

    def _note_unit(self, position: int, cursor: QTextCursor, block: int, text: str) -> None:
        """Count a piece just written for good from `position` to `cursor`."""
        length = cursor.position() - position
        if not length:
            return
        weight = length + FOLD_BLOCK_WEIGHT * (cursor.blockNumber() - block)
        size = len(text.encode("utf-8", "replace"))  # lone surrogates count, never raise
        if self._units and self._document.characterAt(position) != PARAGRAPH_SEPARATOR:
            # Written into the block the last piece left open: it leaves the document with it.
            last_length, last_weight, last_size, _links = self._units.pop()
            self._weight -= last_weight
            length, weight, size = length + last_length, weight + last_weight, size + last_size
        self._units.append((length, weight, size, self._codes.next_number))
        self._weight += weight

    @property
    def fold_due(self) -> bool:
        """Whether more than the fold limit is shown (see FOLD_WEIGHT): `fold` would remove some."""
        return self._weight > self._fold_limit + self._fold_limit // FOLD_SLACK and len(self._units) > 1

    def fold(self, note: Callable[[int], str], note_format: QTextCharFormat) -> None:
        """Take the oldest finished blocks out of the document until at most the fold limit is shown
        (the newest unit always stays); the line at the top (`note` of the bytes not shown) says so."""
        length = 0
        links = self._links_from
        while self._weight > self._fold_limit and len(self._units) > 1:
            unit_length, weight, size, links = self._units.popleft()
            length += unit_length
            self._weight -= weight
            self.folded_bytes += size
        if not length:
            return
        # Their code's Copy links leave with them: the code is not kept twice (Copy of the
        # answer copies all of it).
        self._codes.drop(range(self._links_from, links))
        self._links_from = links
        cursor = QTextCursor(self._document)
        start = self._start.position()
        first = self._start.block()
        if self._folded_before:
            # From the end of the fold line: the removed units each start with a block break, so
            # the next one's break ends up right after the line.
            start = first.position() + first.length() - 1
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        # The fold line: the first block, emptied (the first unit starts at the region's start).
        cursor.setPosition(self._start.position())
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        if not self._folded_before:
            block = QTextBlockFormat()
            block.setLeftMargin(self._margins[0])
            block.setRightMargin(self._margins[1])
            block.setBottomMargin(6)
            cursor.setBlockFormat(block)
            cursor.setBlockCharFormat(note_format)
            self._folded_before = True
        cursor.insertText(note(self.folded_bytes), note_format)

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


@dataclass
class _Message:
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
    thinking_region: _Region | None = None
    body: _Region | None = None  # the answer's markdown (the latest made: see _body_region)
    note: str = ""
    streaming: bool = False
    thinking_started: float | None = None
    answer_started: float | None = None


@dataclass
class _Streams:
    """An answer's parsers (created once the markdown stack is loaded)."""

    splitter: ThinkSplitter
    answer: BlockStream
    reasoning: BlockStream


@dataclass
class _Reply:
    """An answer streaming in (or complete but not yet rendered: `ended`)."""

    message: _Message
    body: _Region
    streams: _Streams | None = None
    ended: bool = False
    pending_text: list[str] = field(default_factory=list)
    pending_thinking: list[str] = field(default_factory=list)
    answer_changed: bool = False
    thinking_changed: bool = False


class ChatView(QTextBrowser):
    """The chat transcript: questions, answers and errors as bubbles; answers rendered as markdown.

    The interface the app uses to show a chat: `add_question`, `begin_reply`, `append_reply`,
    `append_thinking`, `set_reply_note`, `end_reply`, `add_error`, `clear_chat`, and `show_chat` to
    open a finished chat. The view follows the end while the user is at the bottom; once they scroll
    up it stays where they are and offers a "Jump to latest" button.

    Thread: GUI thread.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # links are handled in _on_anchor_clicked, and only when clicked
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)  # streaming would otherwise keep every edit in memory
        self.setPlaceholderText(self.tr("Your conversation appears here."))
        self._theme = ChatTheme.for_palette(self.palette())
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, self._theme.background)
        palette.setColor(QPalette.ColorRole.Text, self._theme.text)
        self.setPalette(palette)
        self.document().setDocumentMargin(12)
        self.anchorClicked.connect(self._on_anchor_clicked)

        self._writer_instance: MarkdownWriter | None = None
        self._messages: dict[int, _Message] = {}
        self._order: list[_Message] = []  # as shown, top to bottom
        self._codes = _CodeStore()
        self._bubbles = BubblePainter(_BUBBLE_RADIUS)
        self._next_number = 0
        self._reply: _Reply | None = None
        self._unrendered: list[_Reply] = []  # complete answers waiting for the markdown stack
        self._older: list[ChatEntry] = []  # of an opened chat, still to be added above, oldest first

        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._on_render_due)
        self._history_timer = QTimer(self)
        self._history_timer.setInterval(0)
        self._history_timer.timeout.connect(self._add_older_slice)
        self._folds: list[tuple[_Message, _Region, Callable[[int], str]]] = []  # see _fold_later
        self._fold_timer = QTimer(self)
        self._fold_timer.setSingleShot(True)
        self._fold_timer.setInterval(0)
        self._fold_timer.timeout.connect(self._fold_due)

        self._follow = True
        self._scrolling = False
        # Text to keep in place on the screen while older messages go in above: a cursor in it and
        # its distance from the top of the view.
        self._anchor: tuple[QTextCursor, float] | None = None
        # Let go of the anchor once Qt has laid out what went in (it does so in steps, soon after):
        # kept longer, it would pull the view back after later changes, such as a click that opens
        # a message's thinking.
        self._anchor_release = QTimer(self)
        self._anchor_release.setSingleShot(True)
        self._anchor_release.setInterval(ANCHOR_SETTLE_MS)
        self._anchor_release.timeout.connect(self._release_anchor)
        self._loading_started = False
        self.jump_button = QToolButton(self)
        self.jump_button.setText(self.tr("↓ Jump to latest"))
        self.jump_button.setToolTip(self.tr("Show the end of the conversation and follow the answer"))
        self.jump_button.hide()
        self.jump_button.clicked.connect(self.jump_to_latest)
        self.setVerticalScrollBar(SteadyScrollBar(Qt.Orientation.Vertical, self))
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._on_scroll_value_changed)
        bar.rangeChanged.connect(self._on_scroll_range_changed)

    # -- the interface ---------------------------------------------------------------------------

    @_one_edit
    def add_question(self, text: str) -> None:
        """Show the user's question (plain text, as typed)."""
        message, cursor = self._new_message(ROLE_USER, self.tr("You"), at_top=False)
        message.text.append(text)
        self._write_plain(cursor, text, self._body_format(self._theme.text), message.margins)
        self._set_footer(message, "", copy=True)
        self._after_change()

    @_one_edit
    def begin_reply(self, model: str) -> None:
        """Open an answer by `model`; its text comes through `append_reply` (and `append_thinking`)."""
        _LOADER.start()
        if self._reply is not None:
            self.end_reply()
        message, cursor = self._new_message(ROLE_ASSISTANT, model or self.tr("Answer"), at_top=False)
        body = self._body_region(message, cursor.position())
        message.streaming = True
        self._reply = _Reply(message, body)
        self._after_change()

    def append_reply(self, text: str) -> None:
        """More of the answer (any size of piece; rendered at most once per event-loop pass)."""
        if self._reply is None:
            self.begin_reply("")
        assert self._reply is not None
        if text:
            self._reply.pending_text.append(text)
            self._render_timer.start(0)

    def append_thinking(self, text: str) -> None:
        """More of the model's reasoning (`message.thinking`), shown above the answer."""
        if self._reply is None:
            self.begin_reply("")
        assert self._reply is not None
        if text:
            self._reply.pending_thinking.append(text)
            self._render_timer.start(0)

    @_one_edit
    def set_reply_note(self, note: str) -> None:
        """The small line under the answer while it streams (its live speed)."""
        if self._reply is not None:
            self._set_footer(self._reply.message, note, copy=False)

    @_one_edit
    def end_reply(self, note: str = "", text: str | None = None) -> None:
        """The answer is complete (or stopped): render what is left as final, show `note` under it.

        `text`: all of the answer's text as it arrived, as the conversation keeps it: Copy takes it
        from there, and the view lets go of its own copy.
        """
        reply = self._reply
        if reply is None:
            return
        self._reply = None
        reply.ended = True
        reply.message.note = note
        if text is not None and not text.lstrip().startswith("<think>"):  # else: its answer part only
            reply.message.source = text
            reply.message.text.clear()
        if _LOADER.ready:
            if not self._render_reply(reply):  # sets the footer too, once all of it is rendered
                self._unrendered.append(reply)
                self._render_timer.start(0)
        else:
            self._show_preview(reply)
            self._unrendered.append(reply)
            self._render_timer.start(LOADING_POLL_MS)
            self._set_footer(reply.message, note, copy=bool("".join(reply.pending_text).strip()))
        self._after_change()
        self._want_older()

    @_one_edit
    def add_error(self, text: str, details: str = "") -> None:
        """Show a problem (in plain words) as its own red block; `details` (Ollama's own words,
        untranslated) go small under it, like an answer's note."""
        message, cursor = self._new_message(ROLE_ERROR, "", at_top=False)
        self._write_plain(cursor, text, self._body_format(self._theme.error_text), message.margins)
        if details:
            self._set_footer(message, self.tr("Details: {details}").format(details=details), copy=False)
        self._after_change()

    @_one_edit
    def withdraw_question(self) -> None:
        """Take the last question, and the answer that brought nothing, off the chat."""
        first = next((i for i in reversed(range(len(self._order))) if self._order[i].role == ROLE_USER), None)
        if first is None:
            return
        gone = self._order[first:]
        if self._reply is not None and self._reply.message in gone:
            self._reply = None
        self._unrendered = [reply for reply in self._unrendered if reply.message not in gone]
        cursor = QTextCursor(self.document())
        # From the end of the message before it (its gap block stays the last block) to the end.
        cursor.setPosition(max(gone[0].start.position() - 1, 0))
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        del self._order[first:]
        for message in gone:
            self._messages.pop(message.number, None)
        self._after_change()

    def clear_chat(self) -> None:
        self._render_timer.stop()
        self._fold_timer.stop()
        self._folds = []
        self._history_timer.stop()
        self._older = []
        self._reply = None
        self._unrendered.clear()
        self._messages.clear()
        self._order.clear()
        self._codes.clear()
        self.clear()
        self._follow = True
        self._anchor = None
        self._update_jump_button()

    @_one_edit
    def show_chat(self, entries: Sequence[ChatEntry]) -> None:
        """Show a finished chat: the newest messages at once, the older ones added above in slices."""
        self.clear_chat()
        _LOADER.wait()
        split = len(entries)
        shown = 0
        while split > 0 and shown < FIRST_SCREEN_CHARS:
            split -= 1
            shown += len(entries[split].text) + len(entries[split].thinking)
        for entry in entries[split:]:
            self._add_entry(entry, at_top=False)
        self._older = list(entries[:split])
        self._after_change()
        self._want_older()

    @property
    def rendering_pending(self) -> bool:
        """Whether an answer is shown as plain text for now, waiting for the markdown stack, or
        still to be written or folded."""
        return bool(self._unrendered or self._folds) or (self._reply is not None and not _LOADER.ready)

    @property
    def loading_history(self) -> bool:
        """Whether older messages of an opened chat are still to be added (they are, as the user
        scrolls up towards them)."""
        return bool(self._older)

    def reply_text(self) -> str:
        """The transcript as plain text (of an opened chat: the messages shown so far)."""
        return self.toPlainText()

    @property
    def following(self) -> bool:
        """Whether the view keeps the end in sight as the answer grows."""
        return self._follow

    @Slot()
    def jump_to_latest(self) -> None:
        self._follow = True
        self._scroll_to_end()
        self._update_jump_button()

    # -- rendering -------------------------------------------------------------------------------

    def _writer(self) -> MarkdownWriter:
        if self._writer_instance is None:
            # After the first frame: this brings in markdown-it and Pygments (~100 ms of imports).
            from ollama_desktop.ui.markdown_render import MarkdownWriter  # noqa: PLC0415

            self._writer_instance = MarkdownWriter(self._theme, self._codes.link, self._codes.more)
        return self._writer_instance

    @Slot()
    @_one_edit
    def _on_render_due(self) -> None:
        if not _LOADER.ready:
            if self._reply is not None:
                self._show_preview(self._reply)
            self._render_timer.start(LOADING_POLL_MS)
            return
        unrendered, self._unrendered = self._unrendered, []
        for reply in unrendered:
            if not self._render_reply(reply):
                self._unrendered.append(reply)
        more = self._reply is not None and not self._render_reply(self._reply)
        if self._unrendered or more:
            self._render_timer.start(0)
        elif unrendered:
            self._want_older()

    def _show_preview(self, reply: _Reply) -> None:
        """Until the markdown stack is loaded: the answer so far as plain text (nothing is consumed)."""
        text = "".join(reply.pending_text)[:PREVIEW_CHARS]
        reply.body.show_plain(text, self._body_format(self._theme.text), self._write_plain)
        self._after_change()

    def _render_reply(self, reply: _Reply) -> bool:
        """Bring an answer up to date: one render for what arrived since the last, up to RENDER_CHARS
        of it. True when all of it is rendered; else the rest waits for the next pass."""
        # Imported by the loader's thread already (see _MarkdownLoader): no wait here.
        from ollama_desktop.core.markdown_blocks import BlockStream, ThinkSplitter  # noqa: PLC0415

        if reply.streams is None:
            reply.streams = _Streams(ThinkSplitter(), BlockStream(), BlockStream())
        streams = reply.streams
        thinking = _take_chars(reply.pending_thinking, RENDER_CHARS)
        content = _take_chars(reply.pending_text, RENDER_CHARS - len(thinking))
        rendered = not reply.pending_thinking and not reply.pending_text
        final = reply.ended and rendered
        thought, answer = streams.splitter.feed(content)
        if not final and not thinking and not thought and self._append_words(reply, answer):
            return rendered
        if final:
            more_thought, more_answer = streams.splitter.finish()
            thought += more_thought
            answer += more_answer
        self._take_thinking(reply, thinking + thought)
        self._take_answer(reply, answer)
        writer = self._writer()
        message = reply.message
        if reply.thinking_changed or final:
            reply.thinking_changed = False
            update = streams.reasoning.take(final=final)
            region = message.thinking_region
            if message.thinking_open and region is not None:
                region.show(writer, update.pieces, update.open, final=final)
                self._fold_later(message, region, self._thinking_fold_note)
        if reply.answer_changed or final:
            reply.answer_changed = False
            update = streams.answer.take(final=final)
            reply.body.show(writer, update.pieces, update.open, final=final)
            self._fold_later(message, reply.body, self._answer_fold_note)
        if final:
            message.streaming = False
            if message.thinking_frame is not None:
                self._set_thinking_label(message)
            self._set_footer(message, message.note, copy=bool(self._message_text(message).strip()))
        self._after_change()
        return rendered

    def _fold_later(self, message: _Message, region: _Region, note: Callable[[int], str]) -> None:
        """Fold `region` (see FOLD_WEIGHT) in an edit of its own, just after this one: in the same
        edit as the frame's new text, Qt lays out everything from the folded blocks to the end again
        (~40 ms for a folded answer's 450,000 characters); alone, only where they were (~1 ms)."""
        if region.fold_due and all(region is not due for _, due, _ in self._folds):
            self._folds.append((message, region, note))
            self._fold_timer.start()

    @Slot()
    @_one_edit
    def _fold_due(self) -> None:
        """Take the oldest blocks of long answers out of the document; what the user reads stays
        where it is on the screen."""
        folds, self._folds = self._folds, []
        for message, region, note in folds:
            shown = region is message.body or region is message.thinking_region
            if message.number not in self._messages or not shown or not region.fold_due:
                continue  # gone from the chat meanwhile
            self._hold_view()
            region.fold(note, self._chrome_format())
            self._keep_anchor()
            if self._anchor is not None:
                self._anchor_release.start()

    def _answer_fold_note(self, size: int) -> str:
        return self.tr(
            "The beginning of this long answer ({size}) is not shown here, to keep the app responsive."
            " Copy the answer or export the chat to read all of it."
        ).format(size=self._data_size(size))

    def _thinking_fold_note(self, size: int) -> str:
        return self.tr(
            "The beginning of this long reasoning ({size}) is not shown here, to keep the app responsive."
        ).format(size=self._data_size(size))

    def _data_size(self, size: int) -> str:
        return self.locale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)

    def _append_words(self, reply: _Reply, answer: str) -> bool:
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

    def _take_thinking(self, reply: _Reply, thinking: str) -> None:
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
            self._add_thinking_frame(message, reply)

    def _take_answer(self, reply: _Reply, answer: str) -> None:
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
                self._set_thinking_open(message, False)

    # -- messages ------------------------------------------------------------------------------

    def _new_message(self, role: str, title: str, *, at_top: bool) -> tuple[_Message, QTextCursor]:
        """A message's blocks (title, one empty body block, footer, then a gap) at the end or the top of
        the chat, and a cursor in its empty body block.

        A message is a run of plain blocks, its bubble painted by `paintEvent`: inside a QTextFrame
        or a table, every change makes Qt lay out the whole message again and repaint the whole
        viewport (measured: 60 ms a frame for a 25k-token answer), while plain blocks are laid out
        and repainted only where they changed.
        """
        document = self.document()
        cursor = QTextCursor(document)
        first = document.isEmpty()
        if at_top and not first:
            old = cursor.block()  # the title of the message that was first
            cursor.insertBlock(old.blockFormat(), old.charFormat())
            cursor.setPosition(0)
        elif not first:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertBlock()
        margins = self._text_margins(role)
        title_block = self._block_format(margins)
        title_block.setTopMargin(_BUBBLE_PADDING)
        title_format = self._chrome_format()
        title_format.setFontWeight(QFont.Weight.Bold)
        cursor.setBlockFormat(title_block)
        cursor.setBlockCharFormat(title_format)
        start_position = cursor.position()
        if title:
            cursor.insertText(title, title_format)
        cursor.insertBlock(self._block_format(margins), self._body_format(self._theme.text))
        body_position = cursor.position()
        footer_block = self._block_format(margins)
        footer_block.setTopMargin(2)
        footer_block.setBottomMargin(_BUBBLE_PADDING)
        cursor.insertBlock(footer_block, self._chrome_format())
        footer_position = cursor.position()
        block, char = spacer_formats(_BUBBLE_GAP)
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
        message = _Message(
            self._next_number,
            role,
            marker(start_position),
            marker(spacer_position),
            margins,
            footer=marker(footer_position, keep=True),  # the footer's own text goes after it
        )
        self._messages[message.number] = message
        if at_top:
            self._order.insert(0, message)
        else:
            self._order.append(message)
        return message, marker(body_position)

    def _body_region(self, message: _Message, start: int) -> _Region:
        """The answer's markdown: from `start` to the end of the block above the footer."""
        footer = message.footer
        assert footer is not None
        end = footer.position
        region = _Region(
            self.document(), start, lambda: end() - 1, codes=self._codes, margins=message.margins
        )
        message.body = region
        return region

    def _body_is_empty(self, message: _Message) -> bool:
        """Whether the answer has no text yet (its body is the one empty block above the footer)."""
        footer = message.footer
        if footer is None:
            return False
        body = self.document().findBlock(message.start.position()).next()
        return body.length() <= 1 and body.next().position() == footer.position()

    def message_count(self) -> int:
        """How many messages are shown (of an opened chat: not the older ones still to be added)."""
        return len(self._order)

    def message_range(self, index: int) -> tuple[int, int]:
        """The first and last document positions of the `index`-th message shown (its gap excluded)."""
        message = self._order[index]
        return message.start.position(), message.spacer.position() - 1

    def _add_entry(self, entry: ChatEntry, *, at_top: bool) -> None:
        if entry.role == ROLE_ERROR:
            message, cursor = self._new_message(ROLE_ERROR, "", at_top=at_top)
            self._write_plain(cursor, entry.text, self._body_format(self._theme.error_text), message.margins)
            return
        if entry.role == ROLE_USER:
            message, cursor = self._new_message(ROLE_USER, self.tr("You"), at_top=at_top)
            message.text.append(entry.text)
            self._write_plain(cursor, entry.text, self._body_format(self._theme.text), message.margins)
            self._set_footer(message, "", copy=True)
            return
        from ollama_desktop.core.markdown_blocks import (  # noqa: PLC0415 - see begin_reply
            BlockStream,
            ThinkSplitter,
            pieces_of,
            split_think,
        )

        thinking, answer = split_think(entry.text)
        thinking = entry.thinking + thinking
        message, cursor = self._new_message(ROLE_ASSISTANT, entry.title or self.tr("Answer"), at_top=at_top)
        writer = self._writer()
        if thinking:
            message.thinking.append(thinking)
            self._add_thinking_frame(message, None)
            assert message.thinking_frame is not None
            cursor.setPosition(message.thinking_frame.lastPosition() + 1)
        if len(answer) > RENDER_CHARS:
            # Written as it was while it streamed, RENDER_CHARS a pass: opening it never freezes.
            message.note = entry.note
            reply = _Reply(message, self._body_region(message, cursor.position()), ended=True)
            reply.streams = _Streams(ThinkSplitter(answer_only=True), BlockStream(), BlockStream())
            reply.pending_text.append(answer)
            message.source = answer  # the history's own string (but for a <think> part)
            self._unrendered.append(reply)
            self._render_timer.start(0)
            return
        message.text.append(answer)
        writer.margins = message.margins
        reuse = True
        for piece in pieces_of(answer):  # a long block in pieces, as it was written while it streamed
            reuse = writer.write(cursor, piece.text, reuse, continues_code=piece.continues_code)
        self._set_footer(message, entry.note, copy=bool(answer.strip()))

    # -- thinking --------------------------------------------------------------------------------

    def _add_thinking_frame(self, message: _Message, reply: _Reply | None) -> None:
        """The collapsible reasoning section, between the title and the answer."""
        header = QTextCursor(self.document())
        header.setPosition(message.start.position())
        header.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        body_empty = self._body_is_empty(message)
        frame = header.insertTable(1, 1, self._thinking_frame_format(message.margins))
        message.thinking_frame = frame
        after = frame.lastPosition() + 1
        if body_empty:
            # The block Qt adds after the frame becomes the answer's first block.
            cursor = QTextCursor(self.document())
            cursor.setPosition(after)
            cursor.movePosition(QTextCursor.MoveOperation.NextBlock, QTextCursor.MoveMode.KeepAnchor)
            if message.footer is not None and cursor.position() < message.footer.position():
                cursor.removeSelectedText()
            if reply is not None:
                reply.body = self._body_region(message, after)
        else:
            block, char = spacer_formats(2)
            spacer = QTextCursor(self.document())
            spacer.setPosition(after)
            spacer.setBlockFormat(block)
            spacer.setBlockCharFormat(char)
        message.thinking_open = reply is not None
        self._set_thinking_label(message)
        if message.thinking_open:
            self._open_thinking_region(message)

    def _open_thinking_region(self, message: _Message) -> None:
        frame = message.thinking_frame
        assert frame is not None
        cursor = frame.firstCursorPosition()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertBlock(QTextBlockFormat(), self._thinking_text_format())
        region = _Region(
            self.document(), cursor.position(), frame.lastPosition, codes=self._codes, margins=(0, 0)
        )
        message.thinking_region = region

    def _set_thinking_open(self, message: _Message, open_: bool) -> None:
        frame = message.thinking_frame
        if frame is None or message.thinking_open == open_:
            return
        self._release_anchor()  # the user looks at what opens or closes now
        message.thinking_open = open_
        if open_:
            self._open_thinking_region(message)
            region = message.thinking_region
            assert region is not None
            from ollama_desktop.core.markdown_blocks import Piece, pieces_of  # noqa: PLC0415 - see begin_reply

            text = "".join(message.thinking)
            reply = self._reply
            if reply is not None and reply.message is message and reply.streams is not None:
                reasoning = reply.streams.reasoning
                done = reasoning.finished_length
                region.show(self._writer(), pieces_of(text[:done]), reasoning.open_piece(), final=False)
            else:
                region.show(self._writer(), pieces_of(text), Piece(""), final=True)
            self._fold_later(message, region, self._thinking_fold_note)
        else:
            # Remove everything after the label line: the text is kept and written again on opening.
            cursor = frame.firstCursorPosition()
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.setPosition(frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            message.thinking_region = None
        self._set_thinking_label(message)

    def _set_thinking_label(self, message: _Message) -> None:
        frame = message.thinking_frame
        assert frame is not None
        if message.streaming and message.answer_started is None:
            words = self.tr("Thinking…")
        elif message.thinking_started is not None and message.answer_started is not None:
            seconds = message.answer_started - message.thinking_started
            words = self.tr("Thought for {seconds:.0f} s").format(seconds=max(seconds, 1))
        else:
            words = self.tr("Thinking")
        label = ("▾ " if message.thinking_open else "▸ ") + words
        cursor = frame.firstCursorPosition()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        fmt = self._link_format(f"{COMMAND_SCHEME}:thinking/{message.number}")
        fmt.setToolTip(self.tr("Show or hide how the model reasoned"))
        cursor.insertText(label, fmt)

    # -- footer, formats ---------------------------------------------------------------------------

    def _set_footer(self, message: _Message, note: str, *, copy: bool) -> None:
        footer = message.footer
        if footer is None:
            return
        message.note = note
        cursor = QTextCursor(self.document())
        cursor.setPosition(footer.position())
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        if copy:
            link = self._link_format(f"{COMMAND_SCHEME}:copy-message/{message.number}")
            cursor.insertText(self.tr("Copy"), link)
            if note:
                cursor.insertText("   ", self._chrome_format())
        if note:
            cursor.insertText(note, self._chrome_format())

    def _write_plain(
        self, cursor: QTextCursor, text: str, char_format: QTextCharFormat, margins: tuple[float, float]
    ) -> None:
        # Questions and errors are plain text: writing them needs neither markdown-it nor Pygments,
        # so the first question never waits for those imports.
        paragraphs = text.replace("\r\n", "\n").split("\n\n")
        block = self._block_format(margins)
        block.setBottomMargin(6)
        for number, paragraph in enumerate(paragraphs):
            if number:
                cursor.insertBlock(block, char_format)
            else:
                cursor.setBlockFormat(block)
                cursor.setBlockCharFormat(char_format)
            cursor.insertText(paragraph.replace("\n", "\u2028"), char_format)

    @staticmethod
    def _block_format(margins: tuple[float, float]) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setLeftMargin(margins[0])
        fmt.setRightMargin(margins[1])
        return fmt

    @staticmethod
    def _text_margins(role: str) -> tuple[float, float]:
        """Where a message's text sits: inside its bubble, which is indented by role."""
        if role == ROLE_USER:
            return _USER_INDENT + _BUBBLE_PADDING, _BUBBLE_PADDING
        return _BUBBLE_PADDING, _ASSISTANT_INDENT + _BUBBLE_PADDING

    def _bubble_rect(self, message: _Message) -> QRect:
        """The message's bubble in document coordinates: from its title to its footer, padded; in
        whole pixels, so that its straight edges fall on pixel rows and columns."""
        document = self.document()
        layout = document.documentLayout()
        # Padding above the title's text and below the footer's (measured against what Qt draws).
        top = layout.blockBoundingRect(document.findBlock(message.start.position())).top() - 5
        footer = document.findBlock(message.spacer.position()).previous()
        bottom = layout.blockBoundingRect(footer).bottom() + _BUBBLE_PADDING
        margin = document.documentMargin()
        width = max(document.textWidth(), self.viewport().width())
        if message.role == ROLE_USER:
            left, right = margin + _USER_INDENT, width - margin
        else:
            left, right = margin, width - margin - _ASSISTANT_INDENT
        return QRectF(left, top, right - left, bottom - top).toRect()

    def _body_format(self, color: QColor) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(color)
        return fmt

    def _chrome_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(self._theme.muted)
        fmt.setFontPointSize(max(self.font().pointSizeF() - 1, 7.0))
        fmt.setProperty(CHROME_PROPERTY, True)
        return fmt

    def _link_format(self, href: str) -> QTextCharFormat:
        fmt = self._chrome_format()
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setForeground(self._theme.link)
        return fmt

    def _thinking_text_format(self) -> QTextCharFormat:
        return self._body_format(self._theme.thinking_text)

    def _thinking_frame_format(self, margins: tuple[float, float]) -> QTextTableFormat:
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

    # -- opening a long chat -----------------------------------------------------------------------

    @Slot()
    @_one_edit
    def _add_older_slice(self) -> None:
        """Add older messages above the shown ones for a few milliseconds, newest first."""
        if not self._needs_older():
            self._history_timer.stop()
            return
        self._hold_view()
        deadline = time.perf_counter() + HISTORY_SLICE_MS / 1000
        while self._older and time.perf_counter() < deadline:
            self._add_entry(self._older.pop(), at_top=True)
        self._keep_anchor()
        if self._anchor is not None:
            self._anchor_release.start()
        if not self._older or not self._needs_older():
            self._history_timer.stop()

    def _hold_view(self) -> None:
        """Before text goes in or out above what the user reads (not following the end)."""
        if not self._follow and self._anchor is None:
            # What the user looks at stays where it is on the screen (see _keep_anchor). A cursor,
            # not a block: a cursor moves on as text goes in before it.
            anchor = self.cursorForPosition(self.viewport().rect().center())
            top = self.document().documentLayout().blockBoundingRect(anchor.block()).top()
            self._anchor = (anchor, top - self.verticalScrollBar().value())

    @Slot()
    def _release_anchor(self) -> None:
        self._anchor = None

    def _keep_anchor(self) -> None:
        """Scroll so that the anchored text is where it was on the screen.

        Qt lays a long document out in steps, in the background: the blocks below what went in above
        reach their new positions only as those steps run, and each step changes the scroll range,
        which calls this again.
        """
        if self._anchor is None or self._follow:
            return
        cursor, offset = self._anchor
        top = self.document().documentLayout().blockBoundingRect(cursor.block()).top()
        self._scroll_to(round(top - offset))

    def _needs_older(self) -> bool:
        """Whether older messages should be added: fewer than OLDER_AHEAD_SCREENS screens are above."""
        if not self._older or self._reply is not None or self._unrendered:
            # Not while an answer is being written at the end: it goes on once the answer is done.
            return False
        return self.verticalScrollBar().value() < OLDER_AHEAD_SCREENS * max(self.viewport().height(), 1)

    def _want_older(self) -> None:
        if not self._history_timer.isActive() and self._needs_older():
            self._history_timer.start()

    # -- scrolling -------------------------------------------------------------------------------

    def _after_change(self) -> None:
        if self._follow:
            self._scroll_to_end()

    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _scroll_to_end(self) -> None:
        self._scroll_to(self.verticalScrollBar().maximum())

    def _scroll_to(self, value: int) -> None:
        """Scroll for the user, not by them: their own scrolling decides whether the view follows."""
        self._scrolling = True
        try:
            self.verticalScrollBar().setValue(value)
        finally:
            self._scrolling = False

    @Slot(int)
    def _on_scroll_value_changed(self, _value: int) -> None:
        if not self._scrolling:
            self._follow = self._at_bottom()
            self._anchor = None  # the user scrolled: they look at something else now
        self._update_jump_button()
        self._want_older()

    @Slot(int, int)
    def _on_scroll_range_changed(self, _minimum: int, _maximum: int) -> None:
        if self._follow:
            self._scroll_to_end()
        else:
            self._keep_anchor()
        self._update_jump_button()

    def _update_jump_button(self) -> None:
        show = not self._follow and not self._at_bottom()
        if show == self.jump_button.isHidden():
            self.jump_button.setVisible(show)
            if show:
                self._place_jump_button()
                self.jump_button.raise_()

    def _place_jump_button(self) -> None:
        area = self.viewport().geometry()
        hint = self.jump_button.sizeHint()
        self.jump_button.resize(hint)
        self.jump_button.move(area.right() - hint.width() - 12, area.bottom() - hint.height() - 12)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._paint_bubbles(event.rect())
        super().paintEvent(event)
        if not self._loading_started:
            # After the first frame, not before it: the imports then cost the start nothing.
            self._loading_started = True
            QTimer.singleShot(0, start_loading_markdown)

    def _paint_bubbles(self, area: QRect) -> None:
        """Draw the bubbles of the messages in `area` (viewport coordinates) under the text; of
        each, only what lies in `area` (a long answer's bubble is many screens tall)."""
        if not self._order:
            return
        dx = self.horizontalScrollBar().value()
        dy = self.verticalScrollBar().value()
        top, bottom = float(area.top() + dy), float(area.bottom() + dy)
        rects: dict[int, QRect] = {}

        def rect_of(message: _Message) -> QRect:
            if message.number not in rects:
                rects[message.number] = self._bubble_rect(message)
            return rects[message.number]

        # Messages are in document order: find the first one that reaches into the area. While an
        # answer streams the area is at the end, so look there first, back to a message that starts
        # above the area (bubbles do not overlap): a bubble's rectangle costs ~30 µs, and a search
        # through a long chat would measure eight of them on every frame.
        order = self._order
        first = len(order)
        for _ in range(4):
            first -= 1
            if first <= 0 or rect_of(order[first]).top() <= top:
                break
        else:
            first = bisect.bisect_left(order, top, hi=first, key=lambda message: rect_of(message).bottom())
        painter = QPainter(self.viewport())
        for message in order[first:]:
            rect = rect_of(message)
            if rect.top() > bottom:
                break
            fill, border = self._bubble_colours(message.role)
            self._bubbles.paint(painter, rect.translated(-dx, -dy), area, fill, border)
        painter.end()

    def _bubble_colours(self, role: str) -> tuple[QColor, QColor]:
        theme = self._theme
        if role == ROLE_USER:
            return theme.user_bubble, theme.user_border
        if role == ROLE_ERROR:
            return theme.error_bubble, theme.error_border
        return theme.assistant_bubble, theme.assistant_border

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.jump_button.isHidden():  # placed when shown (isVisible: also the view's own)
            self._place_jump_button()
        self._want_older()

    # -- links, copying ------------------------------------------------------------------------

    @Slot(QUrl)
    @_one_edit
    def _on_anchor_clicked(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme in ("http", "https") and url.host():
            QDesktopServices.openUrl(url)
            return
        if scheme != COMMAND_SCHEME:
            return  # anything else is never opened
        command, _, number_text = url.path().partition("/")
        if not number_text.isdigit():
            return
        number = int(number_text)
        code = self._codes.get(number) if command == "copy-code" else None
        if code is not None:
            self._copy(code)
        elif command == "copy-message" and number in self._messages:
            self._copy(self._message_text(self._messages[number]).strip())
        elif command == "thinking" and number in self._messages:
            message = self._messages[number]
            self._set_thinking_open(message, not message.thinking_open)

    @staticmethod
    def _message_text(message: _Message) -> str:
        return message.source if message.source is not None else "".join(message.text)

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        QToolTip.showText(QCursor.pos(), self.tr("Copied"), self)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Nothing is ever loaded from anywhere: no images, no style sheets, local or remote."""
        return None

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy the selected text without the view's own labels (names, Copy links, notes)."""
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        lines: list[str] = []
        block = self.document().findBlock(start)
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
        mime = QMimeData()
        mime.setText("\n".join(lines).replace("\u2028", "\n").replace("\ufffc", ""))
        return mime
