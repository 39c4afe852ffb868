"""Writing the live chat into the saved history, and carrying on when the file fails.

When the file cannot be written (locked, read-only, full, damaged) the chat goes on in memory:
saving stops, the conversations the user leaves meanwhile are kept here, and the next question,
answer or Try again writes everything held again, so nothing is lost in between.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from ollama_desktop.controllers.history_jobs import HistoryJobs, as_storage_error
from ollama_desktop.core.history.store import ConversationRecord, StorageError, StoredMessage

log = logging.getLogger(__name__)

Held = tuple[ConversationRecord, list[StoredMessage]]


class HistoryWriter(QObject):
    """Queues the recorder's writes, and writes everything held again after a failure.

    Thread: GUI thread only; the writes run on the history's one thread (`jobs`).

    Args:
        jobs: the file and its queue.
        current: the conversation shown as held in memory (the answer in flight included); None
            when nothing was said yet.
    """

    storage_failed = Signal(object)  # StorageError: saving stopped; the chat goes on in memory
    storage_recovered = Signal()  # saving works again, and everything held was written
    written = Signal()  # a conversation was added, or all were written again: the list changed

    def __init__(
        self, jobs: HistoryJobs, current: Callable[[], Held | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._current = current
        self.saving = True  # False from a failed write until everything held was written again
        self._resyncing = False
        self._resync_again = False
        # Conversations left while saving failed: uid -> (record, messages), written by `resync`.
        self._backlog: dict[str, Held] = {}

    @property
    def has_backlog(self) -> bool:
        return bool(self._backlog)

    def save(
        self,
        record: ConversationRecord,
        messages: list[StoredMessage],
        *,
        boundary: bool,
        relist: bool = False,
    ) -> None:
        """Write the record and `messages`; after a failure, write everything again at a boundary.

        A boundary is a question or the end of an answer: while the file fails, the twice-a-second
        saves of a streaming answer are skipped rather than queued behind a lock.
        """
        if not self._jobs.available:
            return
        if not self.saving:
            if boundary:
                self.resync()
            return
        store = self._jobs.store
        done = (lambda _r: self.written.emit()) if relist else None
        self._jobs.run(lambda: store.save(record, messages), done, self.write_failed)

    def park(self, held: Held) -> None:
        """Keep a conversation the user leaves while saving fails, until it can be written."""
        self._backlog[held[0].uid] = held

    def take_parked(self, uid: str) -> Held | None:
        """The conversation `uid` as held when it was left, if it never reached the file."""
        return self._backlog.pop(uid, None)

    def fail(self, error: StorageError) -> None:
        """The file cannot be opened or written: saving stops, and the user is told."""
        self.saving = False
        self.storage_failed.emit(error)

    def catch_up(self) -> None:
        """Write what was held before the file opened; saving resumes (and the notice goes) once
        that worked."""
        self.saving = False
        self.resync()

    def resync(self) -> None:
        """Write everything held in memory again (idempotent): the conversation shown and those left
        while saving failed. Saving resumes if it works."""
        if not self._jobs.available:
            return
        if self._resyncing:
            self._resync_again = True  # what is held changed since that one started
            return
        batch = dict(self._backlog)
        current = self._current()
        if current is not None:
            batch[current[0].uid] = current
        store = self._jobs.store

        def write() -> list[str]:
            for record, messages in batch.values():
                store.save(record, messages)
            return list(batch)

        self._resyncing = True
        self._jobs.run(write, self._on_resynced, self._on_resync_failed)

    @Slot(object)
    def _on_resynced(self, written: list[str]) -> None:
        self._resyncing = False
        for uid in written:
            self._backlog.pop(uid, None)
        if self._resync_again:
            self._resync_again = False
            self.resync()
            return
        if not self.saving:
            self.saving = True
            self.storage_recovered.emit()
        self.written.emit()

    @Slot(object)
    def _on_resync_failed(self, error: Exception) -> None:
        self._resyncing = False
        self._resync_again = False  # the next question, answer or Try again writes it all
        log.info("history: writing again failed: %s", error)

    @Slot(object)
    def write_failed(self, error: Exception) -> None:
        """A write to the file failed (the recorder's, or the chat list's): saving stops until
        everything held was written again."""
        log.warning("history: saving failed: %s", error)
        if self.saving:
            self.fail(as_storage_error(error))
