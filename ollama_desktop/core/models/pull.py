"""Downloading a model: Ollama's progress lines, summed up into one bar with a speed."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from ollama_desktop.core.errors import ProtocolError
from ollama_desktop.core.responses import MAX_BYTES


@dataclass(frozen=True)
class PullProgress:
    """One line of an /api/pull stream."""

    status: str
    digest: str = ""
    total: int = 0
    completed: int = 0

    @classmethod
    def from_json(cls, data: Any) -> PullProgress:
        if not isinstance(data, dict):
            raise ProtocolError("/api/pull: a progress line is not an object")

        def number(key: str) -> int:
            value = data.get(key)
            # Past MAX_BYTES a size is garbage (and would overflow Qt's 64-bit size formatting): unknown.
            if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_BYTES:
                return value
            return 0

        status = data.get("status")
        digest = data.get("digest")
        return cls(
            status if isinstance(status, str) else "",
            digest if isinstance(digest, str) else "",
            number("total"),
            number("completed"),
        )


@dataclass
class PullTracker:
    """Adds the layers up: overall bytes done, total, fraction, and a speed over the last seconds.

    >>> tracker = PullTracker()
    >>> tracker.add(PullProgress("pulling a", "a", 100, 50), now=0.0)
    >>> tracker.add(PullProgress("pulling b", "b", 300, 0), now=1.0)
    >>> tracker.completed, tracker.total, tracker.fraction
    (50, 400, 0.125)
    >>> tracker.add(PullProgress("pulling b", "b", 300, 150), now=2.0)
    >>> tracker.speed()  # 150 more bytes over the last 2 seconds
    75.0
    """

    window: float = 5.0
    status: str = ""
    _layers: dict[str, tuple[int, int]] = field(default_factory=dict)
    _samples: deque[tuple[float, int]] = field(default_factory=deque)

    def add(self, progress: PullProgress, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        self.status = progress.status
        if progress.digest and progress.total:
            self._layers[progress.digest] = (progress.total, min(progress.completed, progress.total))
        self._samples.append((now, self.completed))
        while len(self._samples) > 2 and now - self._samples[0][0] > self.window:
            self._samples.popleft()

    @property
    def total(self) -> int:
        return sum(total for total, _ in self._layers.values())

    @property
    def completed(self) -> int:
        return sum(done for _, done in self._layers.values())

    @property
    def fraction(self) -> float | None:
        """0..1, or None while Ollama has not said how big the download is."""
        return self.completed / self.total if self.total else None

    def speed(self) -> float | None:
        """Bytes per second over the last few seconds, or None before two samples."""
        if len(self._samples) < 2:
            return None
        (t0, b0), (t1, b1) = self._samples[0], self._samples[-1]
        return (b1 - b0) / (t1 - t0) if t1 > t0 else None
