"""The list of saved conversations: listing, search, reopening, rename, delete (with undo), and
export to and import from files.

Every job queues on the history's one thread behind the recorder's writes, so the list never shows
a conversation older than what was said, and an export of a saved chat reads what was written.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from ollama_desktop.controllers.history_jobs import HistoryJobs, as_storage_error
from ollama_desktop.controllers.history_recorder import HistoryRecorder
from ollama_desktop.core.history.store import ConversationSummary, SearchHit, StorageUnavailable

if TYPE_CHECKING:
    from ollama_desktop.core.history.export import MarkdownLabels

log = logging.getLogger(__name__)


class ChatList(QObject):
    """Serves the conversation list and acts on its entries.

    Thread: GUI thread only; the file is read and written by `jobs`, on the history's one thread.

    Args:
        jobs: the file and its queue, shared with the recorder.
        recorder: the recorder of the conversation shown: it opens the file, shows what is reopened,
            and knows the conversation shown (exported from memory, left when it is deleted).
    """

    conversations_listed = Signal(object)  # tuple[ConversationSummary, ...], newest first
    search_finished = Signal(str, object)  # the words, tuple[SearchHit, ...]
    conversation_deleted = Signal(str, str)  # uid, title (it can be brought back with `undo_delete`)
    read_failed = Signal(object)  # StorageError while listing, searching or opening
    exported = Signal(str)  # the path written
    export_failed = Signal(str, object)  # path, exception
    imported = Signal(object)  # ConversationSummary
    import_failed = Signal(str, object)  # path, exception

    def __init__(self, jobs: HistoryJobs, recorder: HistoryRecorder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._recorder = recorder
        self._search_seq = 0
        recorder.list_changed.connect(self.refresh_list)

    @Slot()
    def refresh_list(self) -> None:
        if self._jobs.available:
            self._jobs.run(
                self._jobs.store.list_conversations, self.conversations_listed.emit, self._on_read_failed
            )

    def search(self, text: str) -> None:
        """Look for `text` in every title and message; `search_finished` brings the newest matches."""
        self._search_seq += 1
        seq = self._search_seq
        words = text.strip()
        if not words or not self._jobs.available:
            self.search_finished.emit(words, ())
            return

        def found(hits: tuple[SearchHit, ...]) -> None:
            if seq == self._search_seq:  # an older search that finished late is not shown
                self.search_finished.emit(words, hits)

        store = self._jobs.store
        self._jobs.run(lambda: store.search(words), found, self._on_read_failed)

    def open(self, uid: str) -> None:
        """Show a saved conversation and continue it; an answer in flight is stopped (and kept)."""
        if uid != self._recorder.current_uid and self._jobs.available:
            store = self._jobs.store
            self._jobs.run(lambda: store.load(uid), self._recorder.show, self._on_read_failed)

    def rename(self, uid: str, title: str) -> None:
        title = " ".join(title.split())
        if not title:
            return
        self._recorder.retitle(uid, title)
        if self._jobs.available:
            store = self._jobs.store
            self._jobs.run(
                lambda: store.rename(uid, title),
                lambda _r: self.refresh_list(),
                self._recorder.writer.write_failed,
            )

    def delete(self, uid: str, title: str = "") -> None:
        """Hide the conversation at once; `undo_delete` brings it back, `purge` removes it for good."""
        if uid == self._recorder.current_uid:
            self._recorder.leave()
        if self._jobs.available:

            def deleted(_result: object) -> None:
                self.conversation_deleted.emit(uid, title)
                self.refresh_list()

            store = self._jobs.store
            self._jobs.run(lambda: store.delete(uid), deleted, self._recorder.writer.write_failed)

    def undo_delete(self, uid: str) -> None:
        if self._jobs.available:
            store = self._jobs.store
            self._jobs.run(
                lambda: store.undelete(uid),
                lambda _r: self.refresh_list(),
                self._recorder.writer.write_failed,
            )

    def purge(self, uid: str) -> None:
        if self._jobs.available:
            store = self._jobs.store
            self._jobs.run(lambda: store.purge(uid), None, self._recorder.writer.write_failed)

    # -- files ---------------------------------------------------------------------------------

    def export(self, uid: str, path: Path, kind: str, labels: MarkdownLabels | None = None) -> None:
        """Write a conversation to `path` as "markdown" or "json" (the one shown: from memory).

        The conversation shown is exported from memory, so it works even when saving does not.
        """
        if kind not in ("markdown", "json"):
            raise ValueError(kind)
        # Files are rare: their module loads on the first export or import, not with the window.
        from ollama_desktop.core.history.export import to_json, to_markdown  # noqa: PLC0415

        shown = uid in ("", self._recorder.current_uid)
        current = self._recorder.current_as_stored() if shown else None
        store = self._jobs.store

        def write() -> str:
            conversation = current if current is not None else store.load(uid)
            text = to_markdown(conversation, labels) if kind == "markdown" else to_json(conversation)
            path.write_text(text, encoding="utf-8")
            return str(path)

        self._jobs.run(write, self.exported.emit, lambda error: self.export_failed.emit(str(path), error))

    def import_file(self, path: Path) -> None:
        """Add the conversation in a JSON export to the list, and open it."""
        from ollama_desktop.core.history.export import from_json, read_chat_file  # noqa: PLC0415 - as in export()

        store = self._jobs.store

        def read() -> ConversationSummary:
            return store.import_conversation(*from_json(read_chat_file(path)))

        def done(summary: ConversationSummary) -> None:
            self.imported.emit(summary)
            self.refresh_list()
            self.open(summary.uid)

        if not self._jobs.available:
            self.import_failed.emit(str(path), StorageUnavailable("the history is not open"))
            return
        self._jobs.run(read, done, lambda error: self.import_failed.emit(str(path), error))

    @Slot(object)
    def _on_read_failed(self, error: Exception) -> None:
        log.warning("history: reading failed: %s", error)
        self.read_failed.emit(as_storage_error(error))
