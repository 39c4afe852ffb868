"""A flood of tiny tokens, and one enormous word: stalls, per-token cost and memory at any length.

Run: `python -m tests.perf.flood` (offscreen; about three minutes, the last case a million tokens
at 13,000 tokens/s; `--quick` leaves that one out; `--only word|flood|million`, `--shape words|
lines|markdown|code` for one part). Prints, for issue 16 items 3 and 4: the worst GUI stall and the
stalls of 16 ms and 100 ms or more (goals: <= 50 ms for one enormous word, <= 16 ms for a flood),
GUI CPU per token at 10k / 100k / 1M tokens (flat in length), and the memory the answer added
against the size of its text, split into the view's document and the rest of the app.

As in `tests.perf.stream_view`, tokens take the app's own path: a ChatStreamWorker on the app's
WorkerPool reads a stream (a stand-in client yielding ChatChunks at a set rate, so neither HTTP nor
JSON parsing is measured), the ChatController coalesces them to a delivery per frame, the real
ChatView renders them and the HistoryController saves the answer while it streams, as in the app.
No per-token list is kept anywhere in the harness: the stream is a generator, so the memory figure
is the app's.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import itertools
import os
import sys
import tempfile
import time
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.history import HistoryController
from ollama_desktop.core.cancel import CancelToken
from ollama_desktop.core.chat.conversation import ChatRequest
from ollama_desktop.core.errors import RequestCancelled
from ollama_desktop.core.history.store import HistoryStore
from ollama_desktop.core.responses import ChatChunk, ModelShow, ReplyStats
from ollama_desktop.gc_guard import GuiThreadGarbageCollector, freeze_survivors
from ollama_desktop.ui.chat.markdown_loader import markdown_ready
from ollama_desktop.ui.chat.markdown_loader import start_loading_markdown as load_markdown
from ollama_desktop.ui.chat.view import ChatView
from ollama_desktop.workers import WorkerPool
from tests.perf.stream_view import rss_mb, settle, synthetic_markdown, wait_until

RATE = 13_000.0  # tokens a second, as measured against the app in the issue
CHECKPOINTS = (10_000, 100_000, 1_000_000)


def shape_cycle(shape: str) -> list[str]:
    """One cycle of the pieces a flood repeats (cycled, never expanded to the whole answer)."""
    if shape == "words":  # tiny tokens, no line break ever: one endless paragraph
        return ["a", " b", "c", " d", "e", " "] * 10
    if shape == "lines":  # tiny tokens, a line break every ~40 tokens, never a blank line
        return ["lo", "rem", " ip", "sum"] * 10 + ["\n"]
    if shape == "markdown":  # headings, lists, code fences, paragraphs
        return synthetic_markdown(3_000)
    if shape == "code":  # a code fence that never closes
        return ["```python\n"] + ["x", " =", " 1", "\n"] * 500
    if shape.startswith("word:"):  # one enormous word: pieces of this many characters
        return ["x" * int(shape.removeprefix("word:"))]
    raise ValueError(shape)


@dataclass
class FloodClient:
    """Streams `count` pieces of `shape` at `rate` a second from the worker thread (None: at once)."""

    shape: str
    count: int
    rate: float | None
    host: str = "http://perf"
    chars: int = 0
    utf8_bytes: int = 0

    def show(self, model: str, token: CancelToken | None = None) -> ModelShow:
        return ModelShow(capabilities=("completion",))

    def pieces(self) -> Iterator[str]:
        cycle = shape_cycle(self.shape)
        if self.shape == "code":
            return itertools.islice(itertools.chain(cycle[:1], itertools.cycle(cycle[1:])), self.count)
        return itertools.islice(itertools.cycle(cycle), self.count)

    def chat(self, request: ChatRequest, token: CancelToken | None = None) -> Iterator[ChatChunk]:
        start = time.perf_counter()
        for number, piece in enumerate(self.pieces()):
            if self.rate:
                # Sleep to the schedule at most once a millisecond, as a burst of network reads would.
                delay = start + number / self.rate - time.perf_counter()
                if delay > 0.001:
                    time.sleep(delay)
            if token is not None and token.cancelled:
                raise RequestCancelled("/api/chat")
            self.chars += len(piece)
            self.utf8_bytes += len(piece.encode())
            yield ChatChunk(content=piece)
        yield ChatChunk(done=True, stats=ReplyStats("stop", eval_count=self.count, eval_duration=10**9))


def trimmed_rss_mb() -> float:
    """Resident memory once the C heap has handed back what it no longer uses (glibc only)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return rss_mb()


class Meter(QObject):
    """On the GUI thread: a 5 ms timer whose lateness is the window's stalls; GUI CPU at each
    delivery of text; resident memory once a second."""

    def __init__(self) -> None:
        super().__init__()
        self.worst_ms = 0.0
        self.at_least_16 = 0
        self.at_least_100 = 0
        self.cpu: list[tuple[int, float]] = [(0, time.thread_time())]  # (characters, CPU seconds)
        self.worst_by_size: list[tuple[int, float]] = []  # (characters delivered, worst stall so far)
        self.peak_mb = 0.0
        self._delivered = 0
        self._last = time.perf_counter()
        self._tick_timer = QTimer(self)
        self._tick_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick_timer.setInterval(5)
        self._tick_timer.timeout.connect(self._tick)
        self._memory_timer = QTimer(self)
        self._memory_timer.setInterval(1000)
        self._memory_timer.timeout.connect(self._sample_memory)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._tick_timer.start()
        self._memory_timer.start()

    def stop(self) -> None:
        self._tick_timer.stop()
        self._memory_timer.stop()

    def delivered(self, text: str) -> None:
        self._delivered += len(text)
        self.cpu.append((self._delivered, time.thread_time()))
        if not self.worst_by_size or self._delivered >= self.worst_by_size[-1][0] * 2:
            self.worst_by_size.append((self._delivered, self.worst_ms))

    def _tick(self) -> None:
        now = time.perf_counter()
        late = (now - self._last) * 1000 - 5
        self._last = now
        self.worst_ms = max(self.worst_ms, late)
        self.at_least_16 += late >= 16
        self.at_least_100 += late >= 100

    def _sample_memory(self) -> None:
        self.peak_mb = max(self.peak_mb, rss_mb())


@dataclass
class Result:
    tokens: int
    chars: int
    utf8_bytes: int
    seconds: float
    meter: Meter
    rss_before: float
    rss_after: float
    rss_view_cleared: float  # after the answer, its view emptied: what the rest of the app holds

    def cpu_per_token_ms(self, at_tokens: int, window: int = 5_000) -> float | None:
        """GUI thread CPU per token over the `window` tokens before token `at_tokens`."""
        if at_tokens > self.tokens or at_tokens < window:
            return None
        per_token = self.chars / self.tokens
        samples = self.meter.cpu
        counts = [chars for chars, _ in samples]
        lo = samples[max(bisect_right(counts, (at_tokens - window) * per_token) - 1, 0)]
        hi = samples[min(bisect_right(counts, at_tokens * per_token), len(samples) - 1)]
        return (hi[1] - lo[1]) / max((hi[0] - lo[0]) / per_token, 1) * 1000


def flood(shape: str, count: int, rate: float | None, *, history_dir: Path) -> Result:
    """Stream one answer of `count` pieces of `shape` into a fresh window, as the app does."""
    view = ChatView()
    view.resize(900, 700)
    view.show()
    settle()
    pool = WorkerPool()
    client = FloodClient(shape, count, rate)
    chat = ChatController(pool, lambda: client)
    chat.set_model("perf")
    store = HistoryStore(history_dir / f"{count}-{time.monotonic_ns()}.sqlite3")
    history = HistoryController(chat, store, WorkerPool(max_threads=1))
    history.start()
    wait_until(lambda: history.available, timeout=10)
    chat.reply_started.connect(view.begin_reply)
    chat.reply_text_arrived.connect(view.append_reply)
    # As the window does: Copy takes the answer from the conversation, the view keeps no copy.
    chat.reply_finished.connect(lambda _stats: view.end_reply("done", chat.answer_text))
    meter = Meter()
    chat.reply_text_arrived.connect(meter.delivered)
    gc.collect()
    before = trimmed_rss_mb()
    meter.start()
    started = time.perf_counter()
    chat.send("go")
    wait_until(lambda: not chat.busy and not view.rendering_pending, timeout=3600, every_ms=100)
    seconds = time.perf_counter() - started
    meter.stop()
    wait_until(lambda: history.pending_jobs == 0, timeout=60)
    gc.collect()
    after = trimmed_rss_mb()
    saved = chat.conversation.messages[-1].content if chat.conversation.messages else ""
    assert len(saved) == client.chars, "the saved answer is not what was sent"
    view.clear_chat()
    settle(0.1)
    gc.collect()
    cleared = trimmed_rss_mb()
    history.shutdown()
    pool.shutdown(2000)
    view.close()
    view.deleteLater()
    settle(0.1)
    return Result(count, client.chars, client.utf8_bytes, seconds, meter, before, after, cleared)


def report(title: str, result: Result) -> list[str]:
    meter = result.meter
    mb = result.utf8_bytes / 2**20
    added = result.rss_after - result.rss_before
    view_mb = result.rss_after - result.rss_view_cleared
    rest = result.rss_view_cleared - result.rss_before
    rate = result.tokens / max(result.seconds, 1e-9)
    lines = [
        f"## {title}",
        f"  {result.tokens:,} tokens, {result.chars:,} characters ({mb:.1f} MB of text)"
        f" in {result.seconds:.1f} s ({rate:,.0f} tokens/s)",
        f"  worst stall {meter.worst_ms:.1f} ms; stalls >= 16 ms: {meter.at_least_16},"
        f" >= 100 ms: {meter.at_least_100}",
        "  worst stall so far, by characters delivered: "
        + ", ".join(f"{chars:,}: {worst:.0f} ms" for chars, worst in meter.worst_by_size[-6:]),
    ]
    costs = []
    for at in CHECKPOINTS:
        cost = result.cpu_per_token_ms(at)
        if cost is not None:
            costs.append(f"{at:,}: {cost * 1000:.1f} us")
    if costs:
        lines.append("  GUI CPU per token (the 5,000 before) at " + ", ".join(costs))
    peak = max(meter.peak_mb, result.rss_after)
    text_mb = max(mb, 1e-9)
    lines.append(
        f"  memory: {result.rss_before:.0f} -> {result.rss_after:.0f} MB (peak {peak:.0f});"
        f" added {added:.1f} MB = {added / text_mb:.1f} x the text: the view's document {view_mb:.1f} MB,"
        f" the rest (conversation, history, Python) {rest:.1f} MB = {rest / text_mb:.1f} x"
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.perf.flood", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="floods of 100,000 tokens only")
    parser.add_argument("--only", choices=("flood", "word", "million"), help="run one part")
    parser.add_argument("--shape", default="", help="flood only this shape (words, lines, markdown, code)")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    GuiThreadGarbageCollector(parent=app).start()
    load_markdown()
    wait_until(markdown_ready)
    freeze_survivors()
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        history_dir = Path(folder)
        if args.only in (None, "word"):
            for size, pieces in ((100_000, 1), (1_000_000, 1), (1_000_000, 1_000)):
                print(f"one word of {size:,} characters in {pieces:,} pieces ...", file=sys.stderr)
                result = flood_word(size, pieces, history_dir)
                lines += report(f"one word of {size:,} characters in {pieces:,} piece(s)", result)
        if args.only in (None, "flood"):
            shapes = [args.shape] if args.shape else ["words", "lines", "markdown", "code"]
            for shape in shapes:
                print(f"flood of 100,000 tokens ({shape}) ...", file=sys.stderr)
                result = flood(shape, 100_000, RATE, history_dir=history_dir)
                lines += report(f"flood: 100,000 tokens ({shape}) at {RATE:,.0f} tokens/s", result)
        if args.only in (None, "million") and not args.quick:
            shape = args.shape or "words"
            print(f"flood of 1,000,000 tokens ({shape}) ...", file=sys.stderr)
            result = flood(shape, 1_000_000, RATE, history_dir=history_dir)
            lines += report(f"flood: 1,000,000 tokens ({shape}) at {RATE:,.0f} tokens/s", result)
    print("\n".join(lines))
    return 0


def flood_word(size: int, pieces: int, history_dir: Path) -> Result:
    """One word of `size` characters with no space or line break, in `pieces` equal tokens."""
    return flood(f"word:{size // pieces}", pieces, None, history_dir=history_dir)


if __name__ == "__main__":
    sys.exit(main())
