"""A streamed answer cut into finished markdown blocks and an open tail (its `<think>` part: `think_split`).

Why: re-rendering a whole answer on every token costs more with every token (and far more once a
long chat shares the document). Blocks that can no longer change are rendered once; only the open
tail is rendered again, at most once per frame. A block is finished when markdown's own block
parser has started another block after it (a list goes on across blank lines, a code fence until its
closing fence), or when it is a paragraph, heading, rule, table or closed fence followed by a blank
line. Rendering the finished blocks one by one then gives what rendering the whole text at once
gives: CommonMark closes a block for good once a later line has started another one.

No Qt here (an import-linter contract checks it). markdown-it is imported with this module, so the
UI imports this module only after the window's first frame.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token


def make_parser() -> MarkdownIt:
    """The markdown dialect of answers: CommonMark with GitHub's tables and strikethrough.

    Raw HTML is shown as text (a model's `<img src=…>` must not load anything, and Qt's HTML is not
    a browser's). Single newlines break lines, as models mean them to. Reference-style link
    definitions are kept as text: a definition that comes after its use (models put them at the end)
    could not be applied to blocks already rendered, and as text the address at least stays visible.
    """
    parser = MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": False})
    parser.enable(["table", "strikethrough"])
    parser.disable(["reference"])
    return parser


def normalize(text: str) -> str:
    r"""Line endings and NULs as markdown-it's own first step makes them, for any piece of a stream.

    >>> normalize("a\r\nb\rc\0")
    'a\nb\nc\ufffd'

    A "\r" at the very end of a piece may be the first half of "\r\n": `BlockStream` keeps pieces
    whole until a frame's text is joined, so this only ever sees joined text.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in text:
        text = text.replace("\0", "\ufffd")
    return text


# Blocks that a following blank line finishes (lists and block quotes go on after a blank line,
# indented code too).
_ENDED_BY_BLANK_LINE = {"paragraph_open", "heading_open", "hr", "table_open", "fence"}


# A top-level block longer than this many characters is written in pieces of at most this size, each
# as if it were a block of its own (a code block goes on under its opening line, a table under its
# header: see `next_piece`). Why: Qt lays a block out whole at every change to it (a paragraph of a
# million tokens made each frame dearer than the last), it wraps a word with no break opportunity in
# a time that grows with the square of its length (a 1 MB word froze the window for 90 s; 4,000
# characters take ~3 ms), and the open block is parsed and written again on every frame. A block
# this long is rare in an answer (~100 lines of code); a runaway one is cut however long it grows.
BLOCK_LIMIT = 4_000
# ... or more lines than this: each line of code, item of a list or row of a table is a block of its
# own in Qt, and writing one costs ~10-20 µs (a piece of 4,000 characters of short code lines,
# highlighted, took 14 ms).
BLOCK_LINES = 400
# A code block's opening line or a table's header is repeated in each piece only up to this length.
_REOPEN_LIMIT = 400


@dataclass(frozen=True)
class Piece:
    """Markdown to write in one go: whole blocks, none longer than BLOCK_LIMIT but for its reopening.

    `continues_code` is set when the piece's first block goes on with a code block that was cut in
    the piece before it: "\\n" when the cut fell between two lines, "" when inside a line. Its code
    is then shown as more of that block (no header of its own) and copied with it.
    """

    text: str
    continues_code: str | None = None


@dataclass
class StreamUpdate:
    """What changed in one frame: text that became final, and the open tail as it is now.

    `finished` and `tail` are the answer's own text; `pieces` and `open` are what to write for them
    (the same text, with a long block cut into pieces that repeat its opening line).
    """

    finished: str
    tail: str
    pieces: tuple[Piece, ...] = ()
    open: Piece = Piece("")


@dataclass(frozen=True)
class _Cut:
    """Where the next piece ends (0: nothing is finished yet) and how the text after it goes on."""

    end: int
    reopen: str = ""
    continues_code: str | None = None


class BlockStream:
    """One message's markdown as it streams in: finished blocks and the open tail.

    Pieces are collected in a list and joined once per `take()` (appending to a string attribute
    copies the whole string every time, which collapses at high token rates). Only the tail is
    parsed again, and the tail is never longer than `limit` characters (a longer block is cut, see
    `next_piece`), so the cost of a frame does not grow with the length of the message, nor with
    the length of one of its blocks.
    """

    def __init__(
        self, parser: MarkdownIt | None = None, limit: int = BLOCK_LIMIT, lines: int = BLOCK_LINES
    ) -> None:
        self._parser = parser or make_parser()
        self._limit = limit
        self._lines = lines
        self._parts: list[str] = []
        self._tail = ""
        # What the tail is written after: the opening line of a code block cut before it, or the
        # header of a table; and how the tail's first block goes on from the piece before.
        self._reopen = ""
        self._continues: str | None = None
        self.finished_length = 0  # characters of the message already handed out as finished

    def feed(self, text: str) -> None:
        if text:
            self._parts.append(text)

    @property
    def tail(self) -> str:
        return self._tail

    def current_line(self) -> str:
        """The text after the last line break so far (joined pieces included)."""
        self._join(final=False)
        return self._tail[self._tail.rfind("\n") + 1 :]

    def open_piece(self) -> Piece:
        """What to write for the open tail as it is now (joined pieces included)."""
        self._join(final=False)
        return Piece(self._reopen + self._tail, self._continues) if self._tail else Piece("")

    def opens_with_fence(self) -> bool:
        """Whether the open tail is a code fence at the margin (its lines are the code as it came)."""
        return (self._reopen or self._tail).startswith(("```", "~~~"))

    def open_length(self) -> int:
        """How many characters the open tail holds (joined pieces included)."""
        self._join(final=False)
        return len(self._tail)

    @property
    def limit(self) -> int:
        return self._limit

    def _join(self, *, final: bool) -> None:
        if not self._parts:
            return
        joined = "".join(self._parts)
        self._parts = []
        if joined.endswith("\r") and not final:  # maybe the first half of "\r\n": wait for the rest
            self._parts.append("\r")
            joined = joined[:-1]
        self._tail += normalize(joined)

    def take(self, *, final: bool = False) -> StreamUpdate:
        """Join what came since the last call; split off the blocks that became final (with
        `final`, the stream has ended: everything is)."""
        self._join(final=final)
        pieces: list[Piece] = []
        finished: list[str] = []
        while self._tail:
            text = self._reopen + self._tail
            cut = next_piece(
                self._parser, text, len(self._reopen), final=final, limit=self._limit, lines=self._lines
            )
            if cut.end <= len(self._reopen):
                if cut.end and cut.end == len(self._reopen):  # what was reopened has nothing more
                    self._reopen, self._continues = "", None
                    continue
                break
            pieces.append(Piece(text[: cut.end], self._continues))
            done = cut.end - len(self._reopen)
            finished.append(self._tail[:done])
            self._tail = self._tail[done:]
            self.finished_length += done
            self._reopen, self._continues = cut.reopen, cut.continues_code
        return StreamUpdate("".join(finished), self._tail, tuple(pieces), self.open_piece())

    def finish(self) -> str:
        """Everything not yet handed out as finished (the stream ended: the tail is final)."""
        return self.take(final=True).finished


def pieces_of(
    text: str, parser: MarkdownIt | None = None, limit: int = BLOCK_LIMIT, lines: int = BLOCK_LINES
) -> list[Piece]:
    """A whole text cut into the pieces its stream would have been written in.

    >>> pieces_of("Short.\\n\\nAnswer.")
    [Piece(text='Short.\\n\\nAnswer.', continues_code=None)]
    >>> [piece.text for piece in pieces_of("aaaa bbbb cccc", limit=10)]
    ['aaaa bbbb ', 'cccc']
    >>> pieces_of("```py\\nx = 1\\ny = 2\\n```", limit=12)  # doctest: +NORMALIZE_WHITESPACE
    [Piece(text='```py\\nx = 1\\n', continues_code=None),
     Piece(text='```py\\ny = 2\\n```', continues_code='\\n')]
    """
    parser = parser or make_parser()
    text = normalize(text)
    if len(text) <= limit and text.count("\n") <= lines:  # no block can be too long: the usual case
        return [Piece(text)]
    stream = BlockStream(parser, limit, lines)
    pieces: list[Piece] = []
    # Fed a limit's worth at a time, as a stream is: each parse looks at no more than the open
    # block, so cutting a long text costs time in proportion to its length.
    for start in range(0, len(text), limit):
        stream.feed(text[start : start + limit])
        pieces += stream.take().pieces
    pieces += stream.take(final=True).pieces
    return pieces


def next_piece(
    parser: MarkdownIt,
    text: str,
    reopened: int = 0,
    *,
    final: bool,
    limit: int = BLOCK_LIMIT,
    lines: int = BLOCK_LINES,
) -> _Cut:
    """Where the first piece of `text` that can be written for good ends; 0 when there is none yet.

    A piece ends after blocks that no later text can change (see the module's docstring; a partial
    last line is never trusted). A block longer than `limit`
    characters or `lines` lines (from its first line to the next block; the first `reopened`
    characters of `text` repeat the opening line of a block cut before and do not count) is cut
    within that many: at its last line break before a line that starts at the margin (a code block: at
    any line break), else after its last space, else at the limit. What follows goes on as a block
    of its own, under the code block's opening line or the table's header. The cut depends only on
    the text, so a text is cut in the same places however its stream was divided (but where a line
    just before a cut turns out to be a table's header: the table then starts after the cut).

    >>> parser = make_parser()
    >>> next_piece(parser, "para one\\n\\npara two", final=False)
    _Cut(end=10, reopen='', continues_code=None)
    >>> next_piece(parser, "one two three four", final=False, limit=10)
    _Cut(end=8, reopen='', continues_code=None)
    >>> next_piece(parser, "```c\\nint a;\\nint b;\\n", final=False, limit=14)
    _Cut(end=12, reopen='```c\\n', continues_code='\\n')
    """
    complete = text if final else text[: text.rfind("\n") + 1]
    blocks = top_level_blocks(parser, complete) if complete.strip() else []
    starts = _line_offsets(complete, [block.map[0] if block.map else 0 for block in blocks])
    if not blocks:  # blank lines, or a line not complete yet
        if final:
            return _Cut(len(text))
        if reopened == 0 and complete:
            return _Cut(len(complete))  # blank lines: nothing to write, out of the way
        if len(text) - reopened > limit or complete.count("\n", reopened) > lines:
            return _cut_block(complete, text, None, reopened, limit=limit, lines=lines)
        return _Cut(0)
    if reopened == 0 and starts[0] > 0:
        return _Cut(starts[0])  # blank lines before the first block: nothing to write, out of the way
    ends = [*starts[1:], len(text)]
    for block, start, end in zip(blocks, starts, ends, strict=True):
        begin = max(start, reopened)
        if end - begin > limit or text.count("\n", begin, end) > lines:
            if start > 0:
                return _Cut(start)  # the blocks before it are finished
            return _cut_block(complete, text, block, reopened, limit=limit, lines=lines)
    if final:
        return _Cut(len(text))
    last = blocks[-1]
    assert last.map is not None
    rows = complete.split("\n")[:-1]  # the text after the last "\n" is empty
    if _last_block_is_final(last, rows):
        return _Cut(_offset_of_line(complete, last.map[1] if last.type == "fence" else last.map[1] + 1))
    return _Cut(starts[-1])


def _cut_block(
    complete: str, text: str, block: Token | None, reopened: int, *, limit: int, lines: int
) -> _Cut:
    """Cut the too long block at the start of `text` within its first `limit` characters and `lines`
    lines.

    Every character looked at lies before that, and the text goes beyond it: the cut is the same
    whatever comes later.
    """
    low, high = reopened, min(len(text), reopened + limit)
    line_end = low - 1
    for _ in range(lines):
        line_end = text.find("\n", line_end + 1, high)
        if line_end < 0:
            break
    else:
        high = line_end + 1
    kind = block.type if block is not None else "paragraph_open"
    first = _offset_of_line(complete, block.map[0]) if block is not None and block.map else 0
    if text.find("\n", first, high) < 0:
        # Inside the block's first line: while it streams, a partial line is never parsed, so what
        # the block is may not be known yet. It is cut as a paragraph, as it would be then.
        kind = "paragraph_open"
    if kind == "fence" and first >= low:
        low = text.find("\n", first) + 1  # not right after its opening line: a box with no code
    end, mid_line = _cut_position(text, low, high, code=kind in ("fence", "code_block"))
    if block is None or kind == "paragraph_open" or _ends_within(complete, text, block, end):
        return _Cut(end)  # nothing to carry on (or the block is whole: the text after it is long)
    return _carried_on(complete, text, block, first, end=end, mid_line=mid_line)


def _cut_position(text: str, low: int, high: int, *, code: bool) -> tuple[int, bool]:
    """Where to cut in (low, high]: after the last line break (outside code, preferably not before
    an indented line: left to stand alone, it would become code, or a list item's continuation
    without its item), else after the last space, else at `high`; and whether that is mid-line."""
    end = text.rfind("\n", low, high) + 1
    if not code:
        found = end - 1
        while found >= 0 and text[found + 1] in " \t":
            found = text.rfind("\n", low, found)
        end = found + 1 if found >= 0 else end
    if end > low:
        return end, False
    end = 0 if code else _word_start(text, low, high)
    return (end if end > low else high), True


def _carried_on(complete: str, text: str, block: Token, first: int, *, end: int, mid_line: bool) -> _Cut:
    """The cut of a code block or a table: what follows goes on under its opening line or header."""
    joiner = "" if mid_line else "\n"
    if block.type == "fence":
        opening = text[first : text.find("\n", first) + 1]
        return _Cut(end, opening if len(opening) <= _REOPEN_LIMIT else block.markup + "\n", joiner)
    if block.type == "code_block":
        return _Cut(end, "    " if mid_line else "", joiner)
    if block.type == "table_open" and block.map is not None:
        header = text[first : _offset_of_line(complete, block.map[0] + 2)]
        if header.count("\n") == 2 and first + len(header) <= end and len(header) <= _REOPEN_LIMIT:
            return _Cut(end, header)
    return _Cut(end)


def _word_start(text: str, low: int, high: int) -> int:
    """The last place in (low, high] after a space or tab and before a word; 0 if there is none."""
    found = max(text.rfind(" ", low, high), text.rfind("\t", low, high))
    while found >= low and text[found + 1 : found + 2] in (" ", "\t"):
        found = max(text.rfind(" ", low, found), text.rfind("\t", low, found))
    return found + 1 if found >= low else 0


def top_level_blocks(parser: MarkdownIt, text: str) -> list[Token]:
    """The opening tokens of the top-level blocks of `text` (block parsing only: no inline work)."""
    tokens: list[Token] = []
    parser.block.parse(text, parser, {}, tokens)
    return [token for token in tokens if token.level == 0 and token.nesting >= 0 and token.map]


def finished_prefix(parser: MarkdownIt, text: str) -> int:
    """How many characters at the start of `text` are whole blocks that no later text can change.

    Only complete lines are looked at: a partial last line could still turn into anything ("2" may
    become "2. item" and continue a list above it).

    >>> parser = make_parser()
    >>> finished_prefix(parser, "para one\\n\\npara two")
    10
    >>> finished_prefix(parser, "- a\\n\\n- b\\n\\n")  # a list goes on after a blank line
    0
    >>> finished_prefix(parser, "```\\ncode\\n\\nmore\\n")  # an open fence goes on too
    0
    >>> finished_prefix(parser, "```\\ncode\\n```\\n")  # a closed fence is final at once
    13
    """
    return next_piece(parser, text, final=False, limit=sys.maxsize, lines=sys.maxsize).end


def _last_block_is_final(block: Token, lines: list[str]) -> bool:
    assert block.map is not None
    start, end = block.map
    if block.type not in _ENDED_BY_BLANK_LINE:
        return False
    if block.type == "fence":
        line = lines[end - 1] if end - 1 > start else ""
        closing = line.strip()
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
        fence_char = block.markup[:1]
        return (
            bool(closing)
            and indent < 4  # indented further, it is a line of the code
            and closing == fence_char * len(closing)
            and len(closing) >= len(block.markup)
        )
    return end < len(lines) and not lines[end].strip()


def _ends_within(complete: str, text: str, block: Token, end: int) -> bool:
    """Whether `block` (of the complete lines `complete` of `text`) is closed and ends by `end`."""
    assert block.map is not None
    start, stop = block.map
    block_end = _offset_of_line(complete, stop)
    if block_end > end:
        return False
    if block.type == "fence":
        lines = complete[_offset_of_line(complete, start) : block_end].split("\n")[:-1]
        return _last_block_is_final(block, [""] * start + lines)
    if block.type == "code_block":  # goes on after blank lines, until a line that is not indented
        rest = text[block_end:].lstrip(" \t\n")
        indent = text[block_end : len(text) - len(rest)].rsplit("\n", 1)[-1]
        return bool(rest) and len(indent.expandtabs(4)) < 4
    return block_end < len(complete)  # another line came after it: it ended there


def _line_offsets(text: str, lines: list[int]) -> list[int]:
    """The character offsets where lines `lines` (0-based, ascending) of `text` start."""
    offsets: list[int] = []
    offset, at = 0, 0
    for line in lines:
        while at < line:
            found = text.find("\n", offset)
            if found < 0:
                offset = len(text)
                break
            offset = found + 1
            at += 1
        offsets.append(offset)
    return offsets


def _offset_of_line(text: str, line: int) -> int:
    """The character offset where line `line` (0-based) of `text` starts."""
    offset = 0
    for _ in range(line):
        found = text.find("\n", offset)
        if found < 0:
            return len(text)
        offset = found + 1
    return offset
