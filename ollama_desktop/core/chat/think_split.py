"""A model's reasoning taken out of its answer: the `<think>…</think>` part at the start of the content.

No Qt and no markdown-it. `ThinkSplitter` splits a stream piece by piece (ChatController, as an answer
arrives); `split_think` does a whole text (an answer saved by an older version, see StoredMessage).
"""

from __future__ import annotations

THINK_OPEN = "<think>"
THINK_CLOSE = "</think>"


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
