"""The code behind each code block's Copy link, and the scheme of the links the chat view makes."""

from __future__ import annotations

# Links the view makes for itself (Copy, the thinking toggle); a model's own links are only ever
# http(s), so an answer cannot produce one of these.
COMMAND_SCHEME = "ollama-desktop"


class CodeStore:
    """The code of each code block's Copy link. A link written in an open tail is forgotten when the
    tail is written again, so a long code block streaming in does not pile up copies of itself.

    A code block cut into pieces (see `markdown_blocks.Piece`) has one link, in its first piece;
    the code of the others is added to it (`more`), so that Copy copies all of it.

    Thread: GUI thread.
    """

    def __init__(self) -> None:
        self._codes: dict[int, list[str]] = {}
        self._next = 0
        # Links whose block left the document (see regions.Region.fold): kept as an empty
        # entry, so that `more` code of their block is not added to the link before them.
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
