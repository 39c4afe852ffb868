"""Python's cyclic garbage collector, run only on the GUI thread.

The collector runs in whichever thread happens to allocate when a threshold is crossed: a worker
thread parsing a stream, or the thread importing the markdown stack. If it then frees a cycle that
holds a Qt object, that object's C++ destructor runs on the wrong thread, and the app crashes (seen
here: a segfault after closing a window while a worker ran). So automatic collection is switched
off and this timer collects on the GUI thread instead, by the same thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot


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
