"""The composer's files: what the user added for the next question, read on the pool until ready.

Each file or pasted picture becomes a pending item at once (its chip shows "reading…"), and a
`PrepareWorker` reads it in the background; when it is ready the item holds the `Attachment` that will
be sent. A file that cannot be attached leaves the list, and `failed` tells which and why (the UI says
it in words). Send takes `ready()`; while an item is still being read (`busy`), nothing is sent.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from ollama_desktop.controllers.attachment_preparing import PrepareWorker
from ollama_desktop.core.attachments.attachment import Attachment, attachment_tokens, new_attachment_id
from ollama_desktop.core.attachments.files import AttachmentError, FileUnreadable
from ollama_desktop.workers import WorkerPool

# The most files one question takes: more would not fit a model's context anyway, and a row of chips
# stays readable.
MAX_ATTACHMENTS = 10


class State(enum.Enum):
    READING = "reading"
    READY = "ready"


@dataclass
class Pending:
    """One file in the composer.

    Attributes:
        id: the item's id; the attachment's own id once it is ready.
        name: the file's name (no folder), shown in its chip.
        size: the file's size in bytes (0 until known).
        path: where it was read from ("" for a pasted picture or a restored one).
        state: READING until the worker answers, then READY.
        attachment: what will be sent, once READY.
    """

    name: str
    size: int = 0
    path: str = ""
    state: State = State.READING
    attachment: Attachment | None = None
    id: str = field(default_factory=new_attachment_id)


class AttachmentsController(QObject):
    """The pending attachments of the composer.

    Thread: GUI thread only; the files are read on the pool.
    """

    changed = Signal()  # an item came, became ready or left: the chips show `items` again
    failed = Signal(str, object)  # the file's name, the AttachmentError (the item has left)
    too_many = Signal(int)  # how many files were left out: at most MAX_ATTACHMENTS a question

    def __init__(
        self, pool: WorkerPool, parent: QObject | None = None, *, limit: int = MAX_ATTACHMENTS
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self.limit = limit
        self._items: list[Pending] = []
        self._workers: dict[str, PrepareWorker] = {}  # item id: its worker, while it reads

    # -- what there is ---------------------------------------------------------------------------

    @property
    def items(self) -> tuple[Pending, ...]:
        return tuple(self._items)

    def __len__(self) -> int:
        return len(self._items)

    @property
    def busy(self) -> bool:
        """Whether a file is still being read (Send waits for it)."""
        return any(item.state is State.READING for item in self._items)

    def reading(self) -> tuple[str, ...]:
        """The names of the files still being read."""
        return tuple(item.name for item in self._items if item.state is State.READING)

    def ready(self) -> tuple[Attachment, ...]:
        """What goes with the next question, in the order added."""
        return tuple(item.attachment for item in self._items if item.attachment is not None)

    def has_pictures(self) -> bool:
        return any(attachment.is_image for attachment in self.ready())

    def tokens(self) -> int:
        """About how many context tokens the ready attachments cost together."""
        return attachment_tokens(self.ready())

    # -- adding and removing -----------------------------------------------------------------------

    def add_paths(self, paths: Iterable[str | os.PathLike[str]]) -> int:
        """Read each file in the background; how many were taken (past the limit the rest are left
        out and `too_many` says how many; a file already in the list is not added twice)."""
        taken = 0
        left_out = 0
        known = {item.path for item in self._items if item.path}
        for path in paths:
            text = os.path.abspath(os.fspath(path))
            if text in known:
                continue
            if len(self._items) >= self.limit:
                left_out += 1
                continue
            known.add(text)
            item = Pending(Path(text).name or text, path=text)
            self._start(item, PrepareWorker.for_file(text))
            taken += 1
        if taken:
            self.changed.emit()
        if left_out:
            self.too_many.emit(left_out)
        return taken

    def add_picture(self, image: QImage, name: str) -> bool:
        """A pasted picture (no file): scaled and encoded in the background. False past the limit."""
        if len(self._items) >= self.limit:
            self.too_many.emit(1)
            return False
        item = Pending(name)
        self._start(item, PrepareWorker.for_picture(QImage(image), name))
        self.changed.emit()
        return True

    def remove(self, item_id: str) -> None:
        """Take an item out (a file still being read stops being read)."""
        worker = self._workers.pop(item_id, None)
        if worker is not None:
            worker.cancel()
        before = len(self._items)
        self._items = [item for item in self._items if item.id != item_id]
        if len(self._items) != before:
            self.changed.emit()

    def restore(self, attachments: Sequence[Attachment]) -> None:
        """An unanswered question's files come back, before any added since (none is lost, none
        twice; the limit does not apply to what was already sent once)."""
        present = {item.id for item in self._items}
        back = [
            Pending(a.name, a.size, state=State.READY, attachment=a, id=a.id)
            for a in attachments
            if a.id not in present
        ]
        if back:
            self._items[:0] = back
            self.changed.emit()

    def clear(self) -> None:
        """Empty the list (after a question went with them), stopping any file still being read."""
        for worker in self._workers.values():
            worker.cancel()
        self._workers.clear()
        if self._items:
            self._items = []
            self.changed.emit()

    def shutdown(self, timeout_ms: int = 2000) -> None:
        """Stop reading (the window is closing), and wait for the thread at most `timeout_ms`: a file
        stops being read between two pages, not within one."""
        self.clear()
        self._pool.wait(timeout_ms)

    # -- from the workers --------------------------------------------------------------------------

    def _start(self, item: Pending, worker: PrepareWorker) -> None:
        self._items.append(item)
        self._workers[item.id] = worker
        worker.signals.succeeded.connect(lambda attachment: self._on_ready(item, worker, attachment))
        worker.signals.failed.connect(lambda error: self._on_failed(item, worker, error))
        worker.signals.cancelled.connect(lambda: self._on_failed(item, worker, None))
        self._pool.start(worker)

    def _current(self, item: Pending, worker: PrepareWorker) -> bool:
        """Whether `worker` still reads `item` (not removed, cleared or replaced meanwhile)."""
        if self._workers.get(item.id) is not worker:
            return False
        del self._workers[item.id]
        return any(pending is item for pending in self._items)

    def _on_ready(self, item: Pending, worker: PrepareWorker, attachment: Attachment) -> None:
        if not self._current(item, worker):
            return
        # The chip keeps its id (the UI knows it by it); the attachment takes it too.
        item.attachment = replace(attachment, id=item.id)
        item.name = attachment.name
        item.size = attachment.size
        item.state = State.READY
        self.changed.emit()

    def _on_failed(self, item: Pending, worker: PrepareWorker, error: AttachmentError | None) -> None:
        if not self._current(item, worker):
            return
        self._items = [pending for pending in self._items if pending is not item]
        self.changed.emit()
        if error is not None:  # None: cancelled, which only the app does (nothing to tell)
            self.failed.emit(
                item.name, error if isinstance(error, AttachmentError) else FileUnreadable(str(error))
            )
