"""The saved history as the window sees it: one object over the recorder of the live chat and the
chat list, which share the file and its one thread.

`HistoryRecorder` (controllers/history_recorder.py) writes every question and answer as it happens
and owns the file's life; `ChatList` (controllers/chat_list.py) lists, searches, reopens, renames,
deletes, exports and imports. This facade builds both over one `HistoryJobs` and offers their
signals and calls in one place, so the window connects to one object.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.chat_list import ChatList
from ollama_desktop.controllers.history_jobs import HistoryJobs
from ollama_desktop.controllers.history_recorder import HistoryRecorder
from ollama_desktop.core.history.store import Fork, HistoryStore, StoredMessage
from ollama_desktop.workers import WorkerPool


class HistoryController(QObject):
    """The recorder and the chat list of one history file, behind one set of signals.

    Thread: GUI thread only; the file is read and written on `pool`.

    Args:
        chat: the chat to follow (and to load saved conversations into).
        store: the file; opened by `start()`.
        pool: the history's pool, of one thread (`WorkerPool(max_threads=1)`): jobs keep their order.
    """

    # From the recorder (see HistoryRecorder and its HistoryWriter).
    conversation_opened = Signal(object)  # StoredConversation, now in the chat
    current_changed = Signal(str)  # the uid of the conversation shown; "" for a new one not saved yet
    forks_changed = Signal(object)  # tuple[Fork, ...] along the path shown
    storage_failed = Signal(object)  # StorageError: saving stopped; the chat goes on in memory
    storage_recovered = Signal()  # saving works again, and everything held was written
    history_reset = Signal(str)  # the damaged file was moved to this path; a new one was started
    # From the chat list (see ChatList).
    conversations_listed = Signal(object)  # tuple[ConversationSummary, ...], newest first
    search_finished = Signal(str, object)  # the words, tuple[SearchHit, ...]
    conversation_deleted = Signal(str, str)  # uid, title (it can be brought back with `undo_delete`)
    exported = Signal(str)  # the path written
    export_failed = Signal(str, object)  # path, exception
    imported = Signal(object)  # ConversationSummary
    import_failed = Signal(str, object)  # path, exception
    # From both.
    read_failed = Signal(object)  # StorageError while listing, searching, opening or reading versions

    def __init__(
        self, chat: ChatController, store: HistoryStore, pool: WorkerPool, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.jobs = HistoryJobs(store, pool, self)
        self.recorder = HistoryRecorder(chat, self.jobs, self)
        self.chats = ChatList(self.jobs, self.recorder, self)
        recorder, chats = self.recorder, self.chats
        recorder.conversation_opened.connect(self.conversation_opened)
        recorder.current_changed.connect(self.current_changed)
        recorder.forks_changed.connect(self.forks_changed)
        recorder.writer.storage_failed.connect(self.storage_failed)
        recorder.writer.storage_recovered.connect(self.storage_recovered)
        recorder.history_reset.connect(self.history_reset)
        recorder.read_failed.connect(self.read_failed)
        chats.conversations_listed.connect(self.conversations_listed)
        chats.search_finished.connect(self.search_finished)
        chats.conversation_deleted.connect(self.conversation_deleted)
        chats.exported.connect(self.exported)
        chats.export_failed.connect(self.export_failed)
        chats.imported.connect(self.imported)
        chats.import_failed.connect(self.import_failed)
        chats.read_failed.connect(self.read_failed)
        # Calls that need nothing but forwarding.
        self.start = recorder.start
        self.retry = recorder.retry
        self.switch_version = recorder.switch_version
        self.refresh_list = chats.refresh_list
        self.search = chats.search
        self.open = chats.open
        self.rename = chats.rename
        self.delete = chats.delete
        self.undo_delete = chats.undo_delete
        self.purge = chats.purge
        self.import_file = chats.import_file
        self.export = chats.export
        self.shutdown = recorder.shutdown

    @property
    def current_uid(self) -> str:
        return self.recorder.current_uid

    @property
    def path(self) -> tuple[StoredMessage, ...]:
        """The messages shown, with their status; in step with the chat's messages."""
        return self.recorder.path

    @property
    def forks(self) -> tuple[Fork, ...]:
        return self.recorder.forks

    @property
    def available(self) -> bool:
        """The file is open."""
        return self.jobs.available

    @property
    def saving(self) -> bool:
        """False from a failed write until everything held was written again."""
        return self.recorder.writer.saving

    @property
    def pending_jobs(self) -> int:
        """Jobs queued or running on the history thread (tests wait for 0)."""
        return self.jobs.pending
