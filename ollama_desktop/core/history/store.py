"""Saved conversations: one SQLite file (the standard library's sqlite3), no Qt.

Why SQLite: every save is a small transaction that survives the app being killed (WAL mode, with
`synchronous=NORMAL`: a commit is in the operating system's hands when it returns, so only a power
cut can take the last commits back), and full-text search over every message comes with it (FTS5).

The model is a tree, as Ollama's history is a path through it. Each message names its parent;
a conversation remembers its `leaf`, the last message of the path shown. Regenerating an answer or
editing a question adds a sibling instead of overwriting, so older versions stay one click away.

Every write is an idempotent upsert of whole rows (`save`). The caller can therefore write the same
state again after a failure (a locked, full or read-only database) and lose nothing in between.

Blocking I/O: call it from one thread at a time, never the GUI thread (the app uses one dedicated
thread, so writes keep their order). Every sqlite3 or OS error leaves as a `StorageError`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from ollama_desktop.core.chat.conversation import ROLE_USER
from ollama_desktop.core.history.attachment_rows import load_attachments, save_attachments
from ollama_desktop.core.history.errors import (
    StorageCorrupt,
    StorageError,
    StorageFolderUnusable,
    StorageFull,
    StorageLocked,
    StorageReadOnly,
    StorageTooNew,
    StorageUnavailable,
    storage_error,
)
from ollama_desktop.core.history.file import check_log_has_its_file, make_folder, move_aside
from ollama_desktop.core.history.records import (
    CONVERSATION_COLUMNS,
    MESSAGE_COLUMNS,
    TITLE_LENGTH,
    ConversationRecord,
    ConversationSummary,
    Fork,
    MessageStatus,
    OpenReport,
    SearchHit,
    StoredConversation,
    StoredMessage,
    forks,
    message_from_row,
    new_uid,
    options_from_json,
    options_to_json,
    path_to,
    record_from_row,
    stats_from_json,
    stats_to_json,
    title_from,
    versions_along,
)
from ollama_desktop.core.history.schema import MIGRATIONS, SCHEMA_VERSION
from ollama_desktop.core.history.search import (
    INDEX,
    SNIPPET_AFTER,
    SNIPPET_BEFORE,
    index_exists,
    search_conversations,
    snippet,
)

# The names other modules import from here; each lives in the module that owns it.
__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SNIPPET_AFTER",
    "SNIPPET_BEFORE",
    "TITLE_LENGTH",
    "ConversationRecord",
    "ConversationSummary",
    "Fork",
    "HistoryStore",
    "MessageStatus",
    "OpenReport",
    "SearchHit",
    "StorageCorrupt",
    "StorageError",
    "StorageFolderUnusable",
    "StorageFull",
    "StorageLocked",
    "StorageReadOnly",
    "StorageTooNew",
    "StorageUnavailable",
    "StoredConversation",
    "StoredMessage",
    "forks",
    "new_uid",
    "options_from_json",
    "options_to_json",
    "snippet",
    "stats_from_json",
    "stats_to_json",
    "storage_error",
    "title_from",
]

log = logging.getLogger(__name__)


# -- the store ---------------------------------------------------------------------------------------


class HistoryStore:
    """The conversations file. Nothing is opened until `open()`.

    Args:
        path: the database file; its folder is created when missing.
        busy_timeout_s: how long a write waits for another program's lock before it fails.
        now: the clock (tests pass a fixed one).
    """

    def __init__(
        self, path: Path, *, busy_timeout_s: float = 2.0, now: Callable[[], float] = time.time
    ) -> None:
        self.path = path
        self._busy_timeout_s = busy_timeout_s
        self._now = now
        self._conn: sqlite3.Connection | None = None
        self._fts = False
        self._attachments = True  # the file has the attachments table (not a read-only older one)

    # -- life ----------------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def full_text_search(self) -> bool:
        return self._fts

    def open(self) -> OpenReport:
        """Open (or create) the file, bring its schema up to date and tidy after a crash.

        A file that is damaged, or not a database, is moved aside (never deleted) and a fresh one is
        started, so the app keeps saving; the report says where the old one went.
        """
        if self._conn is not None:
            return OpenReport(full_text_search=self._fts)
        try:
            report = self._open_checked()
        except StorageCorrupt as exc:
            log.warning("history %s is damaged (%s): moving it aside", self.path, exc)
            self._disconnect()
            damaged = move_aside(self.path, self._now())
            report = replace(self._open_checked(), damaged_copy=damaged)
        return report

    def close(self) -> None:
        """Fold the write-ahead log into the file and close it: the file alone then holds everything.

        SQLite does the same when the last connection closes; asked for here, it also happens when
        another program (a second copy of the app) still has the file open, as far as it allows.
        """
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._disconnect()

    def _disconnect(self) -> None:
        """Close without waiting for a checkpoint: for a file that failed to open (damaged, locked, newer)."""
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    def _open_checked(self) -> OpenReport:
        with self._mapped():
            make_folder(self.path)
            check_log_has_its_file(self.path)
            conn = sqlite3.connect(
                self.path,
                timeout=self._busy_timeout_s,
                isolation_level=None,  # transactions are explicit: BEGIN IMMEDIATE ... COMMIT
                check_same_thread=False,  # one thread at a time, but the pool may change threads
            )
            self._conn = conn
            try:
                self._configure(conn)
                mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    log.warning("history %s: WAL not available, journal mode is %s", self.path, mode)
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("PRAGMA foreign_keys=ON")
                # A deleted chat's pictures and documents are overwritten, not left readable in the
                # file's free pages (the default differs between SQLite builds).
                conn.execute("PRAGMA secure_delete=ON")
                check = conn.execute("PRAGMA quick_check").fetchone()[0]
                if check != "ok":
                    raise StorageCorrupt(f"quick_check: {check}")
                try:
                    self._migrate(conn)
                except sqlite3.OperationalError as exc:
                    # A read-only file of an older version still shows its chats (as they were).
                    if not isinstance(storage_error(exc), StorageReadOnly) or self._version(conn) == 0:
                        raise
                self._attachments = self._version(conn) >= 2
                read_only = False
                try:
                    self._fts = self._ensure_index(conn)
                    interrupted, restored = self._recover(conn)
                except sqlite3.OperationalError as exc:
                    if not isinstance(storage_error(exc), StorageReadOnly):
                        raise
                    # A read-only file still shows the chats saved in it; only saving is refused.
                    read_only = True
                    self._fts = index_exists(conn)
                    interrupted = restored = 0
            except BaseException:
                self._disconnect()
                raise
        return OpenReport(interrupted, restored, None, self._fts, read_only)

    def _configure(self, conn: sqlite3.Connection) -> None:
        """Called right after connecting; tests override it to simulate a read-only or full disk."""

    def _version(self, conn: sqlite3.Connection) -> int:
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        return version

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = self._version(conn)
        if version > len(MIGRATIONS):
            raise StorageTooNew(f"schema version {version}, this app knows up to {len(MIGRATIONS)}")
        for step in range(version, len(MIGRATIONS)):
            # One transaction per step: a step that fails leaves the file as it was before it.
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in MIGRATIONS[step]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version={step + 1}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            log.info("history %s: schema upgraded to version %d", self.path, step + 1)

    def _ensure_index(self, conn: sqlite3.Connection) -> bool:
        if index_exists(conn):
            return True
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in INDEX:
                conn.execute(statement)
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            conn.execute("ROLLBACK")
            if "fts5" in str(exc) or "tokenizer" in str(exc):
                log.info("history: no FTS5 trigram search in this SQLite (%s); searching with LIKE", exc)
                return False
            raise
        return True

    def _recover(self, conn: sqlite3.Connection) -> tuple[int, int]:
        """Mark what a crash left half-done: answers cut off, questions that never got an answer."""
        with self._transaction(conn):
            interrupted = conn.execute(
                "UPDATE messages SET status=? WHERE status=?",
                (MessageStatus.INTERRUPTED, MessageStatus.STREAMING),
            ).rowcount
            # A question still at the end of its path never got a word back: like a live chat does,
            # put it back in the prompt box (as the conversation's draft) and take it off the path.
            orphans = conn.execute(
                """SELECT m.uid, m.parent_uid, m.content, c.seq FROM conversations c
                   JOIN messages m ON m.uid = c.leaf_uid
                   WHERE m.role = ? AND m.status = ?""",
                (ROLE_USER, MessageStatus.SENT),
            ).fetchall()
            for uid, parent_uid, content, conversation_seq in orphans:
                conn.execute("UPDATE messages SET status=? WHERE uid=?", (MessageStatus.UNANSWERED, uid))
                conn.execute(
                    "UPDATE conversations SET leaf_uid=?, draft=? WHERE seq=?",
                    (parent_uid, content, conversation_seq),
                )
        if interrupted or orphans:
            log.info("history: %d answers interrupted, %d questions unanswered", interrupted, len(orphans))
        return interrupted, len(orphans)

    # -- plumbing ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _mapped(self) -> Iterator[None]:
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            raise storage_error(exc) from exc

    @contextlib.contextmanager
    def _transaction(self, conn: sqlite3.Connection) -> Iterator[None]:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        with self._mapped(), self._transaction(conn):
            yield conn

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StorageUnavailable("the history is not open")
        return self._conn

    # -- writing -------------------------------------------------------------------------------

    def save(self, record: ConversationRecord, messages: Sequence[StoredMessage] = ()) -> None:
        """Write the conversation and these messages whole, in one transaction (insert or update).

        Saving the same state twice changes nothing, so after a failure the caller simply saves
        again everything it holds.
        """
        with self._write() as conn:
            conn.execute(
                f"""INSERT INTO conversations ({CONVERSATION_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)
                    ON CONFLICT(uid) DO UPDATE SET title=excluded.title,
                        title_edited=excluded.title_edited, model=excluded.model,
                        options=excluded.options, updated_at=excluded.updated_at,
                        leaf_uid=excluded.leaf_uid, draft=excluded.draft""",
                (
                    record.uid,
                    record.title,
                    int(record.title_edited),
                    record.model,
                    json.dumps(options_to_json(record.options)),
                    record.created_at,
                    record.updated_at,
                    record.leaf_uid,
                    record.draft,
                ),
            )
            seq = conn.execute("SELECT seq FROM conversations WHERE uid=?", (record.uid,)).fetchone()[0]
            for message in messages:
                conn.execute(
                    f"""INSERT INTO messages (conversation_seq, {MESSAGE_COLUMNS})
                        VALUES (?,?,?,?,?,?,?,?,?,?,?)
                        ON CONFLICT(uid) DO UPDATE SET content=excluded.content,
                            status=excluded.status, model=excluded.model, stats=excluded.stats,
                            error=excluded.error, thinking=excluded.thinking
                        WHERE content != excluded.content OR status != excluded.status
                            OR stats IS NOT excluded.stats OR error != excluded.error
                            OR thinking != excluded.thinking""",
                    (
                        seq,
                        message.uid,
                        message.parent_uid,
                        message.role,
                        message.content,
                        str(message.status),
                        message.model,
                        message.created_at,
                        json.dumps(stats_to_json(message.stats)) if message.stats else None,
                        message.error,
                        message.thinking,
                    ),
                )
                save_attachments(conn, message.uid, message.attachments)

    def rename(self, uid: str, title: str) -> None:
        """Give a conversation the user's own title (kept even if it is edited later)."""
        with self._write() as conn:
            conn.execute("UPDATE conversations SET title=?, title_edited=1 WHERE uid=?", (title.strip(), uid))

    def delete(self, uid: str) -> None:
        """Hide a conversation; `undelete` brings it back until `purge` removes it for good."""
        with self._write() as conn:
            conn.execute("UPDATE conversations SET deleted_at=? WHERE uid=?", (self._now(), uid))

    def undelete(self, uid: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE conversations SET deleted_at=NULL WHERE uid=?", (uid,))

    def purge(self, uid: str | None = None) -> int:
        """Remove deleted conversations for good (this one, or all); how many were removed."""
        with self._write() as conn:
            if uid is None:
                cursor = conn.execute("DELETE FROM conversations WHERE deleted_at IS NOT NULL")
            else:
                cursor = conn.execute(
                    "DELETE FROM conversations WHERE uid=? AND deleted_at IS NOT NULL", (uid,)
                )
            return cursor.rowcount

    def switch_version(self, conversation_uid: str, message_uid: str) -> StoredConversation:
        """Show `message_uid` and, after it, its most recent continuation; the conversation reopened."""
        conn = self._connection()
        with self._mapped():
            leaf = message_uid
            while True:
                row = conn.execute(
                    "SELECT uid FROM messages WHERE parent_uid=? AND status != ? ORDER BY seq DESC LIMIT 1",
                    (leaf, MessageStatus.UNANSWERED),
                ).fetchone()
                if row is None:
                    break
                leaf = row[0]
            with self._transaction(conn):
                conn.execute("UPDATE conversations SET leaf_uid=? WHERE uid=?", (leaf, conversation_uid))
        return self.load(conversation_uid)

    def import_conversation(
        self, record: ConversationRecord, messages: Sequence[StoredMessage]
    ) -> ConversationSummary:
        """Add a conversation from a file, under new identifiers (importing twice makes two copies)."""
        renamed = {message.uid: new_uid() for message in messages}
        copied = [
            replace(
                message,
                uid=renamed[message.uid],
                parent_uid=renamed.get(message.parent_uid) if message.parent_uid else None,
                # An answer that was arriving when it was exported is no longer arriving.
                status=MessageStatus.INTERRUPTED
                if message.status is MessageStatus.STREAMING
                else message.status,
            )
            for message in messages
        ]
        leaf = renamed.get(record.leaf_uid) if record.leaf_uid else None
        if leaf is None and copied:
            leaf = copied[-1].uid
        fresh = replace(record, uid=new_uid(), leaf_uid=leaf)
        self.save(fresh, copied)
        return ConversationSummary(fresh.uid, fresh.title, fresh.model, fresh.created_at, fresh.updated_at)

    # -- reading -------------------------------------------------------------------------------

    def list_conversations(self, limit: int = 1000) -> tuple[ConversationSummary, ...]:
        """The conversations not deleted, the most recently used first."""
        conn = self._connection()
        with self._mapped():
            rows = conn.execute(
                """SELECT uid, title, model, created_at, updated_at FROM conversations
                   WHERE deleted_at IS NULL ORDER BY updated_at DESC LIMIT ?""",
                (limit,),
            ).fetchall()
        return tuple(ConversationSummary(*row) for row in rows)

    def load(self, uid: str) -> StoredConversation:
        """The conversation, its path and the versions along it; StorageError if it is gone."""
        conn = self._connection()
        with self._mapped():
            row = conn.execute(
                f"SELECT {CONVERSATION_COLUMNS}, seq FROM conversations WHERE uid=?", (uid,)
            ).fetchone()
            if row is None:
                raise StorageUnavailable(f"no conversation {uid}")
            record = record_from_row(row[:-1])
            rows = conn.execute(
                f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_seq=? ORDER BY seq",
                (row[-1],),
            ).fetchall()
            attached = load_attachments(conn, row[-1]) if self._attachments else {}
        messages = tuple(message_from_row(row, attached.get(row[0], ())) for row in rows)
        path = path_to(messages, record.leaf_uid)
        return StoredConversation(record, path, versions_along(messages, path), messages)

    def message_count(self) -> int:
        conn = self._connection()
        with self._mapped():
            count: int = conn.execute("SELECT count(*) FROM messages").fetchone()[0]
        return count

    def search(self, text: str, limit: int = 200) -> tuple[SearchHit, ...]:
        """Conversations whose title, or one of whose messages, contains every word of `text`.

        Case is ignored; words match inside longer words. The most recently used come first.
        """
        if not text.split():
            return ()
        conn = self._connection()
        with self._mapped():
            return search_conversations(conn, text, limit, full_text=self._fts)
