"""A streamed answer cut into finished markdown blocks and an open tail, and its `<think>` part.

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

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

THINK_OPEN = "<think>"
THINK_CLOSE = "</think>"


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


def split_think(text: str) -> tuple[str, str]:
    """The thinking and the answer of a whole content text (what `ThinkSplitter` gives in pieces).

    >>> split_think("<think>\\nhmm\\n</think>\\n\\nYes.")
    ('\\nhmm\\n', 'Yes.')
    >>> split_think("  <think>open")
    ('open', '')
    >>> split_think("Plain <think> in the middle")
    ('', 'Plain <think> in the middle')
    """
    splitter = ThinkSplitter()
    thinking, answer = splitter.feed(text)
    more_thinking, more_answer = splitter.finish()
    return thinking + more_thinking, answer + more_answer


class ThinkSplitter:
    """Takes `<think>…</think>` at the start of an answer's content apart from the answer, piece by piece.

    Older reasoning models (and Ollama without `think`) put their reasoning in the content between
    these tags. Only a `<think>` at the very start counts (after white space); the answer after
    `</think>` starts at its first non-blank character. A tag cut across pieces is held back until it
    is complete, so the pieces joined give what `split_think` gives for the whole text.
    """

    def __init__(self) -> None:
        self._state = "start"  # start → thinking → after → answer, or start → answer
        self._held = ""

    def feed(self, text: str) -> tuple[str, str]:
        """The (thinking, answer) text this piece completes."""
        thinking: list[str] = []
        answer: list[str] = []
        text = self._held + text
        self._held = ""
        while text:
            if self._state == "start":
                stripped = text.lstrip()
                if stripped.startswith(THINK_OPEN):
                    self._state = "thinking"
                    text = stripped[len(THINK_OPEN) :]
                elif THINK_OPEN.startswith(stripped):  # still could be the tag: wait for more
                    self._held = text
                    text = ""
                else:
                    self._state = "answer"
            elif self._state == "thinking":
                end = text.find(THINK_CLOSE)
                if end >= 0:
                    thinking.append(text[:end])
                    text = text[end + len(THINK_CLOSE) :]
                    self._state = "after"
                else:
                    keep = _partial_suffix(text, THINK_CLOSE)
                    thinking.append(text[: len(text) - keep])
                    self._held = text[len(text) - keep :]
                    text = ""
            elif self._state == "after":
                text = text.lstrip()
                if text:
                    self._state = "answer"
            else:
                answer.append(text)
                text = ""
        return "".join(thinking), "".join(answer)

    def finish(self) -> tuple[str, str]:
        """What was held back, at the end of the stream."""
        held, self._held = self._held, ""
        if self._state == "thinking":
            return held, ""
        return "", held

    @property
    def in_thinking(self) -> bool:
        """Inside `<think>` (the answer has not started)."""
        return self._state == "thinking"


def _partial_suffix(text: str, tag: str) -> int:
    """The length of the longest end of `text` that is the start of `tag`.

    >>> _partial_suffix("abc</th", "</think>")
    4
    >>> _partial_suffix("abc", "</think>")
    0
    """
    for size in range(min(len(tag) - 1, len(text)), 0, -1):
        if tag.startswith(text[-size:]):
            return size
    return 0


# Blocks that a following blank line finishes (lists and block quotes go on after a blank line,
# indented code too).
_ENDED_BY_BLANK_LINE = {"paragraph_open", "heading_open", "hr", "table_open", "fence"}


@dataclass
class StreamUpdate:
    """What changed in one frame: text that became final, and the open tail as it is now."""

    finished: str
    tail: str


class BlockStream:
    """One message's markdown as it streams in: finished blocks and the open tail.

    Pieces are collected in a list and joined once per `take()` (appending to a string attribute
    copies the whole string every time, which collapses at high token rates). Only the tail is
    parsed again, so the cost of a frame does not grow with the length of the message.
    """

    def __init__(self, parser: MarkdownIt | None = None) -> None:
        self._parser = parser or make_parser()
        self._parts: list[str] = []
        self._tail = ""
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

    def _join(self, *, final: bool) -> None:
        if not self._parts:
            return
        joined = "".join(self._parts)
        self._parts = []
        if joined.endswith("\r") and not final:  # maybe the first half of "\r\n": wait for the rest
            self._parts.append("\r")
            joined = joined[:-1]
        self._tail += normalize(joined)

    def take(self) -> StreamUpdate:
        """Join what came since the last call; split off the blocks that became final."""
        self._join(final=False)
        cut = finished_prefix(self._parser, self._tail)
        finished, self._tail = self._tail[:cut], self._tail[cut:]
        self.finished_length += len(finished)
        return StreamUpdate(finished, self._tail)

    def finish(self) -> str:
        """Everything not yet handed out as finished (the stream ended: the tail is final)."""
        self._join(final=True)
        rest = self._tail
        self.finished_length += len(self._tail)
        self._tail = ""
        return rest


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
    complete = text[: text.rfind("\n") + 1]
    if not complete:
        return 0
    blocks = top_level_blocks(parser, complete)
    if not blocks:
        return 0
    lines = complete.split("\n")[:-1]  # the text after the last "\n" is empty
    last = blocks[-1]
    assert last.map is not None
    start, end = last.map
    if _last_block_is_final(last, lines):
        return _offset_of_line(complete, end if last.type == "fence" else end + 1)
    return _offset_of_line(complete, start)


def _last_block_is_final(block: Token, lines: list[str]) -> bool:
    assert block.map is not None
    start, end = block.map
    if block.type not in _ENDED_BY_BLANK_LINE:
        return False
    if block.type == "fence":
        closing = lines[end - 1].strip() if end - 1 > start else ""
        fence_char = block.markup[:1]
        return bool(closing) and closing == fence_char * len(closing) and len(closing) >= len(block.markup)
    return end < len(lines) and not lines[end].strip()


def _offset_of_line(text: str, line: int) -> int:
    """The character offset where line `line` (0-based) of `text` starts."""
    offset = 0
    for _ in range(line):
        found = text.find("\n", offset)
        if found < 0:
            return len(text)
        offset = found + 1
    return offset
