"""The saved history: every question and answer written to disk as it happens, and the list of past
conversations with search, reopening, versions, rename, delete, export and import.

Nothing the user typed is lost: a question is written before it is sent (ChatController waits
for `before_send`), an answer while it streams (every FLUSH_MS) and when it ends, fails or is
stopped. All file access runs on one dedicated thread, in order, so the GUI thread never waits on
the disk. When the file cannot be written (locked, read-only, full, damaged) the chat goes on in
memory; the next save writes everything this controller holds again, so nothing is lost in between.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.core.conversation import ROLE_ASSISTANT, ROLE_USER, ChatOptions, Conversation
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.history_store import (
    ConversationRecord,
    ConversationSummary,
    Fork,
    HistoryStore,
    MessageStatus,
    OpenReport,
    SearchHit,
    StorageError,
    StorageReadOnly,
    StorageUnavailable,
    StoredConversation,
    StoredMessage,
    forks,
    new_uid,
    title_from,
)
from ollama_desktop.core.responses import ReplyStats

if TYPE_CHECKING:
    from ollama_desktop.core.chat_export import MarkdownLabels

log = logging.getLogger(__name__)

# A streaming answer is written at least this often: killing the app loses at most this much text.
FLUSH_MS = 500
# ... and, once it is long, no more often than this much of it a second: each save writes all of it,
# so a save every FLUSH_MS would cost the GUI thread (joining it) and the disk more and more per
# token (a flood of a million tokens wrote ~4 MB twice a second).
FLUSH_CHARS_PER_S = 1_000_000
# How long the GUI thread may wait at exit for the last writes.
SHUTDOWN_MS = 3000


class HistorySignals(QObject):
    """What a history job reports. Lives on the GUI thread; emitted from the history thread."""

    succeeded = Signal(object)
    failed = Signal(object)  # an Exception: StorageError, or an OSError / NotAChatFile on import
    ended = Signal()  # always last


class HistoryWorker(QRunnable):
    """Runs one call on the history thread and reports what it returned or raised; never raises.

    Thread: constructed on the GUI thread; `run()` on the history thread.
    """

    def __init__(self, call: Callable[[], Any]) -> None:
        super().__init__()
        self.signals = HistorySignals()
        self._call = call

    def run(self) -> None:
        try:
            result = self._call()
        except Exception as exc:  # everything reaches the GUI thread as a report, nothing kills the thread
            if not isinstance(exc, StorageError | OSError | ValueError):
                log.exception("history job crashed")
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.ended.emit()


class HistoryController(QObject):
    """Keeps the conversation shown in step with the file, and serves the conversation list.

    It follows the ChatController through its signals: `_records` is the path shown, message by
    message in step with `chat.conversation.messages`, with what the file needs besides the text.

    Thread: GUI thread only; the file is read and written on a one-thread pool of its own.

    Args:
        chat: the chat to follow (and to load saved conversations into).
        store: the file; opened by `start()`.
    """

    conversations_listed = Signal(object)  # tuple[ConversationSummary, ...], newest first
    search_finished = Signal(str, object)  # the words, tuple[SearchHit, ...]
    conversation_opened = Signal(object)  # StoredConversation, now in the chat
    current_changed = Signal(str)  # the uid of the conversation shown; "" for a new one not saved yet
    forks_changed = Signal(object)  # tuple[Fork, ...] along the path shown
    conversation_deleted = Signal(str, str)  # uid, title (it can be brought back with `undo_delete`)
    storage_failed = Signal(object)  # StorageError: saving stopped; the chat goes on in memory
    storage_recovered = Signal()  # saving works again, and everything held was written
    history_reset = Signal(str)  # the damaged file was moved to this path; a new one was started
    read_failed = Signal(object)  # StorageError while listing, searching or opening
    exported = Signal(str)  # the path written
    export_failed = Signal(str, object)  # path, exception
    imported = Signal(object)  # ConversationSummary
    import_failed = Signal(str, object)  # path, exception

    def __init__(self, chat: ChatController, store: HistoryStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._chat = chat
        self._store = store
        self._thread = QThreadPool(self)
        self._thread.setMaxThreadCount(1)  # one thread: writes keep their order, one connection
        self._jobs: set[HistoryWorker] = set()
        self.available = False  # the file is open
        self.saving = True  # False from a failed write until everything held was written again
        self._resyncing = False
        self._resync_again = False
        # Conversations left while saving failed: uid -> (record, messages), written by `_resync`.
        self._backlog: dict[str, tuple[ConversationRecord, list[StoredMessage]]] = {}
        self._stopped = False
        self._conv: ConversationRecord | None = None
        self._records: list[StoredMessage] = []
        self._forks: tuple[Fork, ...] = ()
        self._answer: StoredMessage | None = None
        self._parts: list[str] = []
        self._thinking: list[str] = []
        self._fresh_question = False
        self._cut_at: int | None = None
        self._cut_records: list[StoredMessage] = []
        self._restored = False
        self._search_seq = 0
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(FLUSH_MS)
        self._flush.timeout.connect(self._on_flush_due)

        chat.before_send = self._before_send
        chat.question_added.connect(self._on_question_added)
        chat.reply_started.connect(self._on_reply_started)
        chat.reply_text_arrived.connect(self._on_reply_text_arrived)
        chat.reply_thinking_arrived.connect(self._on_reply_thinking_arrived)
        chat.reply_finished.connect(self._on_reply_finished)
        chat.reply_stopped.connect(self._on_reply_stopped)
        chat.reply_failed.connect(self._on_reply_failed)
        chat.conversation_truncated.connect(self._on_conversation_truncated)
        chat.conversation_restored.connect(self._on_conversation_restored)
        chat.options_changed.connect(self._on_options_changed)
        chat.chat_cleared.connect(self._on_chat_cleared)

    # -- state ---------------------------------------------------------------------------------

    @property
    def current_uid(self) -> str:
        return self._conv.uid if self._conv is not None else ""

    @property
    def path(self) -> tuple[StoredMessage, ...]:
        """The messages shown, with their status; in step with the chat's messages."""
        return tuple(self._records)

    @property
    def forks(self) -> tuple[Fork, ...]:
        return self._forks

    @property
    def pending_jobs(self) -> int:
        """Jobs queued or running on the history thread (tests wait for 0)."""
        return len(self._jobs)

    # -- life ----------------------------------------------------------------------------------

    def start(self) -> None:
        """Open the file (on the history thread), then list the conversations."""
        self._stopped = False
        self._run(self._store.open, self._on_store_opened, self._on_open_failed)

    def shutdown(self, timeout_ms: int = SHUTDOWN_MS) -> bool:
        """Write what is pending and close the file; True when it all finished in time.

        Call it after the chat stopped (the window closing stops it first, and that is saved).
        """
        self._flush.stop()
        if self._answer is not None:
            self._save_answer(MessageStatus.STREAMING)
        if self.available:
            self.available = False
            # Last in the queue, after those writes: closing folds the write-ahead log into the file
            # and removes it, so history.sqlite3 alone holds every chat (a copy of it is whole).
            self._run(self._store.close)
        self._stopped = True
        return self._thread.waitForDone(timeout_ms)

    def retry(self) -> None:
        """Try the file again (the user freed disk space, closed the other program, …)."""
        if not self.available:
            self.start()
        else:
            self._resync()

    # -- the list ------------------------------------------------------------------------------

    def refresh_list(self) -> None:
        if self.available:
            self._run(self._store.list_conversations, self.conversations_listed.emit, self._on_read_failed)

    def search(self, text: str) -> None:
        """Look for `text` in every title and message; `search_finished` brings the newest matches."""
        self._search_seq += 1
        seq = self._search_seq
        words = text.strip()
        if not words or not self.available:
            self.search_finished.emit(words, ())
            return

        def found(hits: tuple[SearchHit, ...]) -> None:
            if seq == self._search_seq:  # an older search that finished late is not shown
                self.search_finished.emit(words, hits)

        self._run(lambda: self._store.search(words), found, self._on_read_failed)

    def open(self, uid: str) -> None:
        """Show a saved conversation and continue it; an answer in flight is stopped (and kept)."""
        if uid != self.current_uid and self.available:
            self._run(lambda: self._store.load(uid), self._on_loaded, self._on_read_failed)

    def switch_version(self, message_uid: str) -> None:
        """Show another version of a message of the path (and what followed it)."""
        conv = self._conv
        if conv is None or not self.available or self._chat.busy:
            return
        self._run(
            lambda: self._store.switch_version(conv.uid, message_uid), self._on_loaded, self._on_read_failed
        )

    def rename(self, uid: str, title: str) -> None:
        title = " ".join(title.split())
        if not title:
            return
        if self._conv is not None and uid == self._conv.uid:
            # Later saves carry the record: it must carry the new title too.
            self._conv = replace(self._conv, title=title, title_edited=True)
        if self.available:
            self._run(
                lambda: self._store.rename(uid, title), lambda _r: self.refresh_list(), self._on_write_failed
            )

    def delete(self, uid: str, title: str = "") -> None:
        """Hide the conversation at once; `undo_delete` brings it back, `purge` removes it for good."""
        if uid == self.current_uid:
            self._chat.new_chat()
        if self.available:

            def deleted(_result: object) -> None:
                self.conversation_deleted.emit(uid, title)
                self.refresh_list()

            self._run(lambda: self._store.delete(uid), deleted, self._on_write_failed)

    def undo_delete(self, uid: str) -> None:
        if self.available:
            self._run(
                lambda: self._store.undelete(uid), lambda _r: self.refresh_list(), self._on_write_failed
            )

    def purge(self, uid: str) -> None:
        if self.available:
            self._run(lambda: self._store.purge(uid), None, self._on_write_failed)

    # -- files ---------------------------------------------------------------------------------

    def export(self, uid: str, path: Path, kind: str, labels: MarkdownLabels | None = None) -> None:
        """Write a conversation to `path` as "markdown" or "json" (the one shown: from memory).

        The conversation shown is exported from memory, so it works even when saving does not.
        """
        if kind not in ("markdown", "json"):
            raise ValueError(kind)
        # Files are rare: their module loads on the first export or import, not with the window.
        from ollama_desktop.core.chat_export import to_json, to_markdown  # noqa: PLC0415

        current = self._current_as_stored() if uid in ("", self.current_uid) else None
        store = self._store

        def write() -> str:
            conversation = current if current is not None else store.load(uid)
            text = to_markdown(conversation, labels) if kind == "markdown" else to_json(conversation)
            path.write_text(text, encoding="utf-8")
            return str(path)

        self._run(write, self.exported.emit, lambda error: self.export_failed.emit(str(path), error))

    def import_file(self, path: Path) -> None:
        """Add the conversation in a JSON export to the list, and open it."""
        from ollama_desktop.core.chat_export import from_json  # noqa: PLC0415 - as in export()

        store = self._store

        def read() -> ConversationSummary:
            return store.import_conversation(*from_json(path.read_text(encoding="utf-8")))

        def done(summary: ConversationSummary) -> None:
            self.imported.emit(summary)
            self.refresh_list()
            self.open(summary.uid)

        if not self.available:
            self.import_failed.emit(str(path), StorageUnavailable("the history is not open"))
            return
        self._run(read, done, lambda error: self.import_failed.emit(str(path), error))

    def _current_as_stored(self) -> StoredConversation | None:
        if self._conv is None:
            return None
        path = tuple(self._records)
        return StoredConversation(self._conv, path, tuple((m.uid,) for m in path), path)

    # -- following the chat ----------------------------------------------------------------------

    def _before_send(self, _text: str, send: Callable[[], None]) -> None:
        """Send once the question (saved by `_on_question_added`, just before) is in the file."""
        if self.available and self.saving:
            self._run(lambda: None, None, None, on_ended=send)
        else:
            send()

    @Slot(str)
    def _on_question_added(self, text: str) -> None:
        now = time.time()
        created = self._conv is None
        if self._conv is None:
            self._conv = ConversationRecord(new_uid(), title_from(text), created_at=now, updated_at=now)
        parent = self._records[-1].uid if self._records else None
        question = StoredMessage(new_uid(), parent, ROLE_USER, text, MessageStatus.SENT, created_at=now)
        self._records.append(question)
        self._fresh_question = True
        self._conv = replace(
            self._conv,
            model=self._chat.model,
            options=self._chat.conversation.options,
            updated_at=now,
            leaf_uid=question.uid,
            draft="",
        )
        self._save([question], boundary=True, relist=True)
        if created:
            self.current_changed.emit(self._conv.uid)

    @Slot(str)
    def _on_reply_started(self, model: str) -> None:
        parent = self._records[-1].uid if self._records else None
        self._answer = StoredMessage(
            new_uid(), parent, ROLE_ASSISTANT, "", MessageStatus.STREAMING, model, time.time()
        )
        self._parts = []
        self._thinking = []
        self._restored = False

    @Slot(str)
    def _on_reply_text_arrived(self, text: str) -> None:
        if self._answer is None:
            return
        self._parts.append(text)
        if not self._flush.isActive():
            self._flush.start(self._flush_ms())

    @Slot(str)
    def _on_reply_thinking_arrived(self, text: str) -> None:
        if self._answer is None:
            return
        self._thinking.append(text)
        if not self._flush.isActive():
            self._flush.start(self._flush_ms())

    def _flush_ms(self) -> int:
        saved = len(self._answer.content) + len(self._answer.thinking) if self._answer is not None else 0
        return max(FLUSH_MS, saved * 1000 // FLUSH_CHARS_PER_S)

    @Slot()
    def _on_flush_due(self) -> None:
        if self._answer is not None:
            self._save_answer(MessageStatus.STREAMING)

    @Slot(object)
    def _on_reply_finished(self, stats: ReplyStats) -> None:
        self._end_answer(MessageStatus.DONE, stats=stats)

    @Slot()
    def _on_reply_stopped(self) -> None:
        self._end_answer(MessageStatus.STOPPED)

    @Slot(object)
    def _on_reply_failed(self, error: OllamaError) -> None:
        self._end_answer(MessageStatus.FAILED, error=f"{type(error).__name__}: {error}")

    def _save_answer(self, status: MessageStatus, stats: ReplyStats | None = None, error: str = "") -> bool:
        """Write the answer in flight as it stands; False when no answer text has come (yet).

        A reasoning model's thinking is saved too, also before the answer starts; an answer that
        ends with thinking only is saved off the path, like its question (see `_end_answer`).
        """
        answer, conv = self._answer, self._conv
        if answer is None or conv is None:
            return False
        content = "".join(self._parts)
        thinking = "".join(self._thinking)
        if not content and not thinking:
            return False
        if status is not MessageStatus.STREAMING:
            content = self._shared_with_chat(content)
        # Joined once per save, not once per piece.
        self._parts = [content] if content else []
        self._thinking = [thinking] if thinking else []
        self._answer = replace(
            answer, content=content, status=status, stats=stats, error=error, thinking=thinking
        )
        if content:
            self._conv = replace(conv, leaf_uid=answer.uid, updated_at=time.time())
        self._save([self._answer], boundary=status is not MessageStatus.STREAMING)
        return bool(content)

    def _shared_with_chat(self, content: str) -> str:
        """The conversation's own string when it holds the same answer (it does once the answer
        ended): the history keeps no second copy of it (a long answer is megabytes)."""
        messages = self._chat.conversation.messages
        if messages and messages[-1].role == ROLE_ASSISTANT and messages[-1].content == content:
            return messages[-1].content
        return content

    def _end_answer(self, status: MessageStatus, stats: ReplyStats | None = None, error: str = "") -> None:
        self._flush.stop()
        if self._answer is None:
            return
        if self._save_answer(status, stats, error):
            self._records.append(self._answer)
        elif not self._restored and self._fresh_question and self._records:
            # No answer at all: the question leaves the path (the chat put it back in the prompt
            # box) but stays in the file, marked, and comes back as the draft on reopening.
            self._drop_unanswered_question()
            self._save([], boundary=True)
        reloaded = self._cut_at is not None
        self._answer = None
        self._parts = []
        self._thinking = []
        self._fresh_question = False
        self._cut_at = None
        self._cut_records = []
        if reloaded:
            self._refresh_forks()

    def _drop_unanswered_question(self) -> None:
        question = replace(self._records.pop(), status=MessageStatus.UNANSWERED)
        if self._conv is not None:
            leaf = self._records[-1].uid if self._records else None
            self._conv = replace(self._conv, leaf_uid=leaf, draft=question.content)
        self._save([question], boundary=True)

    @Slot(int)
    def _on_conversation_truncated(self, count: int) -> None:
        self._cut_at = count
        self._cut_records = self._records[count:]
        del self._records[count:]
        self._set_forks(tuple(fork for fork in self._forks if fork.index < count))

    @Slot()
    def _on_conversation_restored(self) -> None:
        """A regenerate or edit brought nothing: the path goes back to what it was."""
        if self._fresh_question and self._cut_at is not None and len(self._records) > self._cut_at:
            self._drop_unanswered_question()
        self._records.extend(self._cut_records)
        self._restored = True
        if self._conv is not None:
            leaf = self._records[-1].uid if self._records else None
            self._conv = replace(self._conv, leaf_uid=leaf)
            self._save([], boundary=True)

    @Slot(object)
    def _on_options_changed(self, options: ChatOptions) -> None:
        if self._conv is not None:
            self._conv = replace(self._conv, options=options, updated_at=time.time())
            self._save([], boundary=True)

    @Slot()
    def _on_chat_cleared(self) -> None:
        self._park_unsaved()
        self._conv = None
        self._records = []
        self._set_forks(())
        self.current_changed.emit("")

    # -- loading ---------------------------------------------------------------------------------

    @Slot(object)
    def _on_loaded(self, stored: StoredConversation) -> None:
        parked = self._backlog.pop(stored.record.uid, None)
        if parked is not None:
            # Its newest messages never reached the file: show what is held, not the file's copy.
            record, held = parked
            stored = StoredConversation(record, tuple(held), tuple((m.uid,) for m in held), tuple(held))
        messages = [message.as_chat_message() for message in stored.path]
        # Stops an answer in flight first; that answer is saved into the conversation it belongs to.
        self._chat.load_conversation(Conversation(options=stored.record.options, messages=messages))
        self._park_unsaved()
        self._conv = stored.record
        self._records = list(stored.path)
        self._answer = None
        self._parts = []
        self._thinking = []
        self._cut_at = None
        self._cut_records = []
        self.conversation_opened.emit(stored)
        self.current_changed.emit(stored.record.uid)
        self._set_forks(forks(stored))

    def _refresh_forks(self) -> None:
        conv = self._conv
        if conv is None or not self.available or not self.saving:
            return

        def loaded(stored: StoredConversation) -> None:
            # Only if the chat did not move on meanwhile.
            if self._conv is not None and [m.uid for m in stored.path] == [m.uid for m in self._records]:
                self._set_forks(forks(stored))

        store = self._store
        self._run(lambda: store.load(conv.uid), loaded, self._on_read_failed)

    def _set_forks(self, value: tuple[Fork, ...]) -> None:
        if value != self._forks:
            self._forks = value
            self.forks_changed.emit(value)

    # -- writing -------------------------------------------------------------------------------

    def _save(self, messages: list[StoredMessage], *, boundary: bool, relist: bool = False) -> None:
        """Write the record and `messages`; after a failure, write everything again at a boundary.

        A boundary is a question or the end of an answer: while the file fails, the twice-a-second
        saves of a streaming answer are skipped rather than queued behind a lock.
        """
        record = self._conv
        if record is None or not self.available:
            return
        if not self.saving:
            if boundary:
                self._resync()
            return
        store = self._store
        done = (lambda _r: self.refresh_list()) if relist else None
        self._run(lambda: store.save(record, messages), done, self._on_write_failed)

    def _held(self) -> list[StoredMessage]:
        """The current conversation's messages as held in memory, the answer in flight included."""
        messages = list(self._records)
        if self._answer is not None and (self._answer.content or self._answer.thinking):
            messages.append(self._answer)
        return messages

    def _park_unsaved(self) -> None:
        """While saving fails, a conversation the user leaves is kept here until it can be written."""
        if not self.saving and self._conv is not None and self._records:
            self._backlog[self._conv.uid] = (self._conv, self._held())

    def _resync(self) -> None:
        """Write everything held in memory again (idempotent): the conversation shown and those left
        while saving failed. Saving resumes if it works."""
        if not self.available:
            return
        if self._resyncing:
            self._resync_again = True  # what is held changed since that one started
            return
        batch = dict(self._backlog)
        if self._conv is not None:
            batch[self._conv.uid] = (self._conv, self._held())
        store = self._store

        def write() -> list[str]:
            for record, messages in batch.values():
                store.save(record, messages)
            return list(batch)

        self._resyncing = True
        self._run(write, self._on_resynced, self._on_resync_failed)

    @Slot(object)
    def _on_resynced(self, written: list[str]) -> None:
        self._resyncing = False
        for uid in written:
            self._backlog.pop(uid, None)
        if self._resync_again:
            self._resync_again = False
            self._resync()
            return
        if not self.saving:
            self.saving = True
            self.storage_recovered.emit()
        self.refresh_list()

    @Slot(object)
    def _on_resync_failed(self, error: Exception) -> None:
        self._resyncing = False
        self._resync_again = False  # the next question, answer or Try again writes it all
        log.info("history: writing again failed: %s", error)

    @Slot(object)
    def _on_write_failed(self, error: Exception) -> None:
        log.warning("history: saving failed: %s", error)
        if self.saving:
            self.saving = False
            self.storage_failed.emit(
                error if isinstance(error, StorageError) else StorageUnavailable(str(error))
            )

    @Slot(object)
    def _on_read_failed(self, error: Exception) -> None:
        log.warning("history: reading failed: %s", error)
        self.read_failed.emit(error if isinstance(error, StorageError) else StorageUnavailable(str(error)))

    @Slot(object)
    def _on_store_opened(self, report: OpenReport) -> None:
        self.available = True
        if report.damaged_copy is not None:
            self.history_reset.emit(str(report.damaged_copy))
        self.refresh_list()
        if report.read_only:
            self.saving = False
            self.storage_failed.emit(StorageReadOnly("the history file is read-only"))
            return
        self._run(self._store.purge, None, None)  # chats deleted in an earlier session, not undone
        if self._conv is not None or self._backlog or not self.saving:
            # The user chatted before the file opened, or while it could not be opened (Try again):
            # write what is held; saving resumes (and the notice goes) once that worked.
            self.saving = False
            self._resync()

    @Slot(object)
    def _on_open_failed(self, error: Exception) -> None:
        log.warning("history: cannot open %s: %s", self._store.path, error)
        self.available = False
        self.saving = False
        self.storage_failed.emit(error if isinstance(error, StorageError) else StorageUnavailable(str(error)))

    # -- the history thread ------------------------------------------------------------------------

    def _run(
        self,
        call: Callable[[], Any],
        on_succeeded: Callable[[Any], Any] | None = None,
        on_failed: Callable[[Exception], Any] | None = None,
        *,
        on_ended: Callable[[], Any] | None = None,
    ) -> None:
        if self._stopped:
            return
        job = HistoryWorker(call)
        if on_succeeded is not None:
            job.signals.succeeded.connect(on_succeeded)
        if on_failed is not None:
            job.signals.failed.connect(on_failed)
        if on_ended is not None:
            job.signals.ended.connect(on_ended)
        job.signals.ended.connect(self._on_job_ended)
        self._jobs.add(job)
        self._thread.start(job)

    @Slot()
    def _on_job_ended(self) -> None:
        signals = self.sender()
        for job in list(self._jobs):
            if job.signals is signals:
                self._jobs.discard(job)
                signals.deleteLater()
