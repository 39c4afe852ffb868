"""The recorder of the live chat: every question and answer written to the saved history as it
happens, with the versions a regenerate or an edit leaves.

Nothing the user typed is lost: a question is written before it is sent (ChatController waits
for `before_send`), an answer while it streams (every FLUSH_MS) and when it ends, fails or is
stopped. When the file cannot be written the chat goes on in memory (see HistoryWriter).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.history_jobs import HistoryJobs, as_storage_error
from ollama_desktop.controllers.history_writer import Held, HistoryWriter
from ollama_desktop.core.chat.conversation import ROLE_ASSISTANT, ROLE_USER, ChatOptions, Conversation
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.history.store import (
    ConversationRecord,
    Fork,
    MessageStatus,
    OpenReport,
    StorageReadOnly,
    StoredConversation,
    StoredMessage,
    forks,
    new_uid,
    title_from,
)
from ollama_desktop.core.responses import ReplyStats

log = logging.getLogger(__name__)

# A streaming answer is written at least this often: killing the app loses at most this much text.
FLUSH_MS = 500
# ... and, once it is long, no more often than this much of it a second: each save writes all of it,
# so a save every FLUSH_MS would cost the GUI thread (joining it) and the disk more and more per
# token (a flood of a million tokens wrote ~4 MB twice a second).
FLUSH_CHARS_PER_S = 1_000_000
# How long the GUI thread may wait at exit for the last writes.
SHUTDOWN_MS = 3000


class HistoryRecorder(QObject):
    """Keeps the conversation shown in step with the file, and owns the file's life (open, close).

    It follows the ChatController through its signals. The chat's conversation is the one list of
    messages: the path saved is that list, each message under its own id, with what the file needs
    besides the text (`_stored`, by id). Regenerate and edit change the list; the recorder only
    writes what came of it (the new messages, and where the path now ends).

    Thread: GUI thread only; the file is read and written by `jobs`, on the history's one thread.

    Args:
        chat: the chat to follow (and to load saved conversations into).
        jobs: the file and its queue, shared with the chat list.
    """

    conversation_opened = Signal(object)  # StoredConversation, now in the chat
    current_changed = Signal(str)  # the uid of the conversation shown; "" for a new one not saved yet
    forks_changed = Signal(object)  # tuple[Fork, ...] along the path shown
    history_reset = Signal(str)  # the damaged file was moved to this path; a new one was started
    read_failed = Signal(object)  # StorageError while reading the versions of the conversation shown
    list_changed = Signal()  # the file opened, or a conversation was added or written again

    def __init__(self, chat: ChatController, jobs: HistoryJobs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._chat = chat
        self._jobs = jobs
        self.writer = HistoryWriter(jobs, self._current_held, self)
        self.writer.written.connect(self.list_changed)
        self._conv: ConversationRecord | None = None
        self._stored: dict[str, StoredMessage] = {}
        self._forks: tuple[Fork, ...] = ()
        self._answer: StoredMessage | None = None
        self._parts: list[str] = []
        self._thinking: list[str] = []
        self._question: StoredMessage | None = None  # asked with the answer in flight (not a regenerate)
        self._rewritten = False  # regenerate or edit cut the path back: its versions changed
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
        chat.options_changed.connect(self._on_options_changed)
        chat.chat_cleared.connect(self._on_chat_cleared)

    # -- state ---------------------------------------------------------------------------------

    @property
    def current_uid(self) -> str:
        return self._conv.uid if self._conv is not None else ""

    @property
    def path(self) -> tuple[StoredMessage, ...]:
        """The chat's messages as saved, with their status."""
        return tuple(self._stored[m.id] for m in self._chat.conversation.messages if m.id in self._stored)

    def _leaf(self) -> str | None:
        messages = self._chat.conversation.messages
        return messages[-1].id if messages else None

    @property
    def forks(self) -> tuple[Fork, ...]:
        return self._forks

    def current_as_stored(self) -> StoredConversation | None:
        """The conversation shown as held in memory (it may not be in the file: saving may fail)."""
        if self._conv is None:
            return None
        path = self.path
        return StoredConversation(self._conv, path, tuple((m.uid,) for m in path), path)

    # -- life ----------------------------------------------------------------------------------

    def start(self) -> None:
        """Open the file (on the history thread); `list_changed` follows."""
        self._jobs.stopped = False
        self._jobs.run(self._jobs.store.open, self._on_store_opened, self._on_open_failed)

    def shutdown(self, timeout_ms: int = SHUTDOWN_MS) -> bool:
        """Write what is pending and close the file; True when it all finished in time.

        Call it after the chat stopped (the window closing stops it first, and that is saved).
        """
        self._flush.stop()
        if self._answer is not None:
            self._save_answer(MessageStatus.STREAMING)
        if self._jobs.available:
            self._jobs.available = False
            # Last in the queue, after those writes: closing folds the write-ahead log into the file
            # and removes it, so history.sqlite3 alone holds every chat (a copy of it is whole).
            self._jobs.run(self._jobs.store.close)
        return self._jobs.finish(timeout_ms)

    def retry(self) -> None:
        """Try the file again (the user freed disk space, closed the other program, …)."""
        if not self._jobs.available:
            self.start()
        else:
            self.writer.resync()

    @Slot(object)
    def _on_store_opened(self, report: OpenReport) -> None:
        self._jobs.available = True
        if report.damaged_copy is not None:
            self.history_reset.emit(str(report.damaged_copy))
        self.list_changed.emit()
        if report.read_only:
            self.writer.fail(StorageReadOnly("the history file is read-only"))
            return
        self._jobs.run(self._jobs.store.purge)  # chats deleted in an earlier session, not undone
        if self._conv is not None or self.writer.has_backlog or not self.writer.saving:
            # The user chatted before the file opened, or while it could not be opened (Try again).
            self.writer.catch_up()

    @Slot(object)
    def _on_open_failed(self, error: Exception) -> None:
        log.warning("history: cannot open %s: %s", self._jobs.store.path, error)
        self._jobs.available = False
        self.writer.fail(as_storage_error(error))

    # -- showing a saved conversation ------------------------------------------------------------

    def show(self, stored: StoredConversation) -> None:
        """Load a saved conversation into the chat and follow it from there."""
        parked = self.writer.take_parked(stored.record.uid)
        if parked is not None:
            # Its newest messages never reached the file: show what is held, not the file's copy.
            record, held = parked
            stored = StoredConversation(record, tuple(held), tuple((m.uid,) for m in held), tuple(held))
        messages = [message.as_chat_message() for message in stored.path]
        # Stops an answer in flight first; that answer is saved into the conversation it belongs to.
        self._chat.load_conversation(Conversation(options=stored.record.options, messages=messages))
        self._park_unsaved()
        self._conv = stored.record
        self._stored = {message.uid: message for message in stored.path}
        self._answer = None
        self._question = None
        self._parts = []
        self._thinking = []
        self._rewritten = False
        self.conversation_opened.emit(stored)
        self.current_changed.emit(stored.record.uid)
        self._set_forks(forks(stored))

    def switch_version(self, message_uid: str) -> None:
        """Show another version of a message of the path (and what followed it)."""
        conv = self._conv
        if conv is None or not self._jobs.available or self._chat.busy:
            return
        store = self._jobs.store
        self._jobs.run(lambda: store.switch_version(conv.uid, message_uid), self.show, self._on_read_failed)

    def retitle(self, uid: str, title: str) -> None:
        """The conversation `uid` was renamed: later saves of it must carry the new title too."""
        if self._conv is not None and uid == self._conv.uid:
            self._conv = replace(self._conv, title=title, title_edited=True)

    def leave(self) -> None:
        """Start a new chat in place of the conversation shown (it is being deleted)."""
        self._chat.new_chat()

    def _refresh_forks(self) -> None:
        conv = self._conv
        if conv is None or not self._jobs.available or not self.writer.saving:
            return

        def loaded(stored: StoredConversation) -> None:
            # Only if the chat did not move on meanwhile.
            if self._conv is not None and [m.uid for m in stored.path] == [m.uid for m in self.path]:
                self._set_forks(forks(stored))

        store = self._jobs.store
        self._jobs.run(lambda: store.load(conv.uid), loaded, self._on_read_failed)

    def _set_forks(self, value: tuple[Fork, ...]) -> None:
        if value != self._forks:
            self._forks = value
            self.forks_changed.emit(value)

    @Slot(object)
    def _on_read_failed(self, error: Exception) -> None:
        log.warning("history: reading failed: %s", error)
        self.read_failed.emit(as_storage_error(error))

    # -- following the chat ----------------------------------------------------------------------

    def _before_send(self, _text: str, send: Callable[[], None]) -> None:
        """Send once the question (saved by `_on_question_added`, just before) is in the file."""
        if self._jobs.available and self.writer.saving:
            self._jobs.run(lambda: None, on_ended=send)
        else:
            send()

    @Slot(str)
    def _on_question_added(self, text: str) -> None:
        now = time.time()
        created = self._conv is None
        if self._conv is None:
            self._conv = ConversationRecord(new_uid(), title_from(text), created_at=now, updated_at=now)
        # Saved under the chat's own id for it, so the path and the chat name each message alike.
        *before, asked = self._chat.conversation.messages
        parent = before[-1].id if before else None
        # With its files (an edited question keeps the old one's: ChatController hands them over).
        question = StoredMessage(
            asked.id,
            parent,
            ROLE_USER,
            text,
            MessageStatus.SENT,
            created_at=now,
            attachments=asked.attachments,
        )
        self._stored[question.uid] = question
        self._question = question
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
        parent = self._leaf()
        self._answer = StoredMessage(
            self._chat.reply_id, parent, ROLE_ASSISTANT, "", MessageStatus.STREAMING, model, time.time()
        )
        self._parts = []
        self._thinking = []

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
        """The chat ended the answer in flight; its conversation is as it stays (the answer added, or
        an unanswered question taken out, or what regenerate / edit had cut put back)."""
        self._flush.stop()
        if self._answer is None:
            return
        if self._save_answer(status, stats, error):
            self._stored[self._answer.uid] = self._answer
        question, self._question = self._question, None
        in_chat = {message.id for message in self._chat.conversation.messages}
        conv = self._conv
        if conv is not None:
            changed: list[StoredMessage] = []
            if question is not None and question.uid not in in_chat:
                # No answer at all: the question left the chat (it went back to the prompt box) but
                # stays in the file, marked, and comes back as the draft on reopening.
                changed.append(replace(question, status=MessageStatus.UNANSWERED))
                conv = replace(conv, draft=question.content)
            if changed or conv.leaf_uid != self._leaf():
                self._conv = replace(conv, leaf_uid=self._leaf())
                self._save(changed, boundary=True)
        # What regenerate or edit replaced is in the file, as a version; the chat no longer holds it.
        self._stored = {uid: message for uid, message in self._stored.items() if uid in in_chat}
        rewritten, self._rewritten = self._rewritten, False
        self._answer = None
        self._parts = []
        self._thinking = []
        if rewritten:
            self._refresh_forks()

    @Slot(int)
    def _on_conversation_truncated(self, count: int) -> None:
        self._rewritten = True
        self._set_forks(tuple(fork for fork in self._forks if fork.index < count))

    @Slot(object)
    def _on_options_changed(self, options: ChatOptions) -> None:
        if self._conv is not None:
            self._conv = replace(self._conv, options=options, updated_at=time.time())
            self._save([], boundary=True)

    @Slot()
    def _on_chat_cleared(self) -> None:
        self._park_unsaved()
        self._conv = None
        self._stored = {}
        self._set_forks(())
        self.current_changed.emit("")

    # -- writing -------------------------------------------------------------------------------

    def _save(self, messages: list[StoredMessage], *, boundary: bool, relist: bool = False) -> None:
        if self._conv is not None:
            self.writer.save(self._conv, messages, boundary=boundary, relist=relist)

    def _current_held(self) -> Held | None:
        """The current conversation as held in memory, the answer in flight included."""
        if self._conv is None:
            return None
        messages = list(self.path)
        if self._answer is not None and (self._answer.content or self._answer.thinking):
            messages.append(self._answer)
        return self._conv, messages

    def _park_unsaved(self) -> None:
        """While saving fails, a conversation the user leaves is kept until it can be written."""
        held = self._current_held() if not self.writer.saving and self._stored else None
        if held is not None:
            self.writer.park(held)
