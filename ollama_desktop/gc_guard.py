"""Python's cyclic garbage collector, run only on the GUI thread.

The collector runs in whichever thread happens to allocate when a threshold is crossed: a worker
thread parsing a stream, or the thread importing the markdown stack. If it then frees a cycle that
holds a Qt object, that object's C++ destructor runs on the wrong thread, and the app crashes (seen
here: a segfault after closing a window while a worker ran). So automatic collection is switched
off and this timer collects on the GUI thread instead, by the same thresholds.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot


def freeze_survivors() -> None:
    """Collect everything, then keep what survives out of all later collections (`gc.freeze`).

    For what lives as long as the app (its modules, the window): a full collection looks at every
    object the collector tracks, and these would make each one take ~15 ms, a visible stall in a
    streaming answer. Only call it when nothing short-lived is about: a cycle frozen now is never
    collected.
    """
    gc.collect()
    gc.freeze()


def freeze_survivors_once(ready: Callable[[], bool], parent: QObject, poll_ms: int = 100) -> None:
    """`freeze_survivors()` on this thread as soon as `ready()` (checked every `poll_ms`).

    For what is loaded in the background after the start, such as the markdown stack.
    """
    timer = QTimer(parent)
    timer.setInterval(poll_ms)

    def check() -> None:
        if ready():
            timer.stop()
            timer.deleteLater()
            freeze_survivors()

    timer.timeout.connect(check)
    timer.start()


class GuiThreadGarbageCollector(QObject):
    """Collects when the generation counts pass gc's thresholds, every `interval_ms`, on this thread.

    Thread: create it on the GUI thread.
    """

    def __init__(self, interval_ms: int = 200, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    @Slot()
    def check(self) -> None:
        first, second, third = gc.get_count()
        if first > self._thresholds[0]:
            generation = 0
            if second > self._thresholds[1]:
                generation = 2 if third > self._thresholds[2] else 1
            gc.collect(generation)
