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
import dataclasses
import enum
import json
import logging
import math
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ollama_desktop.core.conversation import (
    ROLE_ASSISTANT,
    ROLE_USER,
    ChatMessage,
    ChatOptions,
    MessageState,
)
from ollama_desktop.core.responses import ReplyStats

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
# A database file shorter than SQLite's header is no database; a log no longer than its header holds nothing.
_DB_HEADER_BYTES = 100
_WAL_HEADER_BYTES = 32
TITLE_LENGTH = 60
SNIPPET_BEFORE = 30
SNIPPET_AFTER = 90

# -- errors ------------------------------------------------------------------------------------------


class StorageError(Exception):
    """The history could not be read or written. The message is for the log only."""


class StorageLocked(StorageError):
    """Another program (often a second copy of the app) holds the database longer than we wait."""


class StorageReadOnly(StorageError):
    """The file, its folder or the disk is read-only."""


class StorageFull(StorageError):
    """The disk (or the quota) is full."""


class StorageCorrupt(StorageError):
    """The file is damaged or is not a database at all."""


class StorageTooNew(StorageError):
    """The file was written by a newer version of the app, with a schema this one does not know."""


class StorageUnavailable(StorageError):
    """The file or its folder cannot be opened or created (missing drive, permissions, I/O error)."""


class StorageFolderUnusable(StorageUnavailable):
    """The file's folder cannot be made or written: a file in its place, no permission.

    Attributes:
        folder: the folder, for the message that says where the app cannot write.
    """

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(f"{folder}: {reason}")
        self.folder = folder


# SQLite's primary result codes (the low byte of sqlite_errorcode).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


def storage_error(exc: sqlite3.Error | OSError) -> StorageError:
    """The StorageError for a sqlite3 or OS error: by SQLite's result code, else by its text.

    >>> type(storage_error(sqlite3.OperationalError("database is locked"))).__name__
    'StorageLocked'
    >>> type(storage_error(sqlite3.DatabaseError("file is not a database"))).__name__
    'StorageCorrupt'
    >>> type(storage_error(OSError(28, "No space left on device"))).__name__
    'StorageFull'
    """
    if isinstance(exc, OSError):
        if exc.errno == 28:  # ENOSPC
            return StorageFull(str(exc))
        if exc.errno in (13, 30):  # EACCES, EROFS
            return StorageReadOnly(str(exc))
        return StorageUnavailable(str(exc))
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return StorageLocked(str(exc))
    if primary == _SQLITE_READONLY or "readonly" in text:
        return StorageReadOnly(str(exc))
    if primary == _SQLITE_FULL or "disk is full" in text:
        return StorageFull(str(exc))
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in text or "not a database" in text:
        return StorageCorrupt(str(exc))
    if primary == _SQLITE_PERM:
        return StorageReadOnly(str(exc))
    return StorageUnavailable(str(exc))


# -- values ------------------------------------------------------------------------------------------


class MessageStatus(enum.StrEnum):
    """Where a message stands. Stored as its value; never renamed (old files keep the old words)."""

    SENT = "sent"  # a question that went to the model
    UNANSWERED = "unanswered"  # a question that got no answer at all (kept, off the path)
    STREAMING = "streaming"  # an answer still arriving (or cut off by a crash, until the next start)
    DONE = "done"
    STOPPED = "stopped"  # the user pressed Stop; what had arrived is kept
    FAILED = "failed"  # the answer broke off with an error; what had arrived is kept
    INTERRUPTED = "interrupted"  # the app ended while the answer was arriving (found at the next start)


def new_uid() -> str:
    """A fresh identifier; made by the caller so it can refer to a row before it is written."""
    import uuid  # noqa: PLC0415 - with the `platform` module it brings, ~3 ms before the first frame

    return uuid.uuid4().hex


@dataclass(frozen=True)
class StoredMessage:
    """One message as saved.

    Attributes:
        uid: the identifier (also the identity in exported files).
        parent_uid: the message it answers or follows; None for the first one.
        role: "user" or "assistant".
        content: the text.
        status: see MessageStatus.
        model: the model that wrote an answer ("" for questions).
        created_at: Unix time in seconds.
        stats: Ollama's counters for a finished answer.
        error: what went wrong, for the log and exports (the UI words come from the status).
        thinking: a reasoning model's thinking before its answer.
    """

    uid: str
    parent_uid: str | None
    role: str
    content: str
    status: MessageStatus
    model: str = ""
    created_at: float = 0.0
    stats: ReplyStats | None = None
    error: str = ""
    thinking: str = ""

    def as_chat_message(self) -> ChatMessage:
        """The message in the chat, under the same id."""
        state = _CHAT_STATES.get(self.status, MessageState.DONE)
        return ChatMessage(self.role, self.content, self.thinking, state, self.stats, id=self.uid)


# An answer the app was closed on (or that was still arriving) ended early, like a stopped one.
_CHAT_STATES = {
    MessageStatus.STOPPED: MessageState.STOPPED,
    MessageStatus.FAILED: MessageState.FAILED,
    MessageStatus.STREAMING: MessageState.STOPPED,
    MessageStatus.INTERRUPTED: MessageState.STOPPED,
}


@dataclass(frozen=True)
class ConversationRecord:
    """A conversation's own fields.

    Attributes:
        uid: the identifier.
        title: shown in the list; from the first question unless the user renamed it.
        title_edited: the user chose the title (a later first question must not replace it).
        model: the model of the last question.
        options: the system prompt and options of the chat.
        created_at, updated_at: Unix times in seconds.
        leaf_uid: the last message of the path shown; None while empty.
        draft: a question to put back in the prompt box on reopening (it got no answer).
    """

    uid: str
    title: str = ""
    title_edited: bool = False
    model: str = ""
    options: ChatOptions = field(default_factory=ChatOptions)
    created_at: float = 0.0
    updated_at: float = 0.0
    leaf_uid: str | None = None
    draft: str = ""


@dataclass(frozen=True)
class ConversationSummary:
    """One line of the conversation list."""

    uid: str
    title: str
    model: str
    created_at: float
    updated_at: float


@dataclass(frozen=True)
class StoredConversation:
    """A conversation as reopened.

    Attributes:
        record: its own fields.
        path: the messages shown, first to last (from the root to the leaf).
        versions: for each message of `path`, the uids of its versions (itself and its siblings of
            the same role, oldest first); a message with one version has a 1-tuple.
        messages: every message, all versions, in the order they were written (for export).
    """

    record: ConversationRecord
    path: tuple[StoredMessage, ...]
    versions: tuple[tuple[str, ...], ...]
    messages: tuple[StoredMessage, ...] = ()


@dataclass(frozen=True)
class Fork:
    """A message of the path shown that has other versions (from regenerating or editing).

    Attributes:
        index: its place in the path.
        role: "user" (an edited question) or "assistant" (a regenerated answer).
        position, count: it is version `position` (from 1) of `count`.
        previous_uid, next_uid: the versions either side, None at either end.
    """

    index: int
    role: str
    position: int
    count: int
    previous_uid: str | None
    next_uid: str | None


def forks(conversation: StoredConversation) -> tuple[Fork, ...]:
    """The messages of the path that have other versions, first to last."""
    found: list[Fork] = []
    for index, (message, versions) in enumerate(zip(conversation.path, conversation.versions, strict=True)):
        if len(versions) > 1:
            at = versions.index(message.uid)
            previous = versions[at - 1] if at > 0 else None
            following = versions[at + 1] if at + 1 < len(versions) else None
            found.append(Fork(index, message.role, at + 1, len(versions), previous, following))
    return tuple(found)


@dataclass(frozen=True)
class SearchHit:
    """A conversation that matches a search, with the text around the first match in it."""

    summary: ConversationSummary
    snippet: str


@dataclass(frozen=True)
class OpenReport:
    """What `open()` found and did.

    Attributes:
        interrupted_answers: answers that were still arriving when the app last ended (now marked).
        restored_questions: questions that had no answer yet when the app last ended (now drafts).
        damaged_copy: where a damaged file was moved before a fresh one was started, else None.
        full_text_search: whether FTS5 (with the trigram tokenizer) serves searches.
        read_only: the file can be read but not written (its chats show; new ones are not saved).
    """

    interrupted_answers: int = 0
    restored_questions: int = 0
    damaged_copy: Path | None = None
    full_text_search: bool = False
    read_only: bool = False


def title_from(question: str) -> str:
    """A one-line title from the first question: whitespace collapsed, cut at a word near 60 chars.

    >>> title_from("  What is\\n the   capital of France? ")
    'What is the capital of France?'
    >>> title_from("word " * 30)
    'word word word word word word word word word word word word…'
    """
    text = " ".join(question.split())
    if len(text) <= TITLE_LENGTH:
        return text
    cut = text[:TITLE_LENGTH]
    space = cut.rfind(" ")
    if space > TITLE_LENGTH // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def options_to_json(options: ChatOptions) -> dict[str, Any]:
    """A ChatOptions as a JSON object, under its field names; unset options are left out.

    Every field is kept, so an option added to ChatOptions later is saved without a change here.
    """
    return {key: value for key, value in dataclasses.asdict(options).items() if value not in (None, "")}


def _accepts(annotation: str, value: Any) -> bool:
    if isinstance(value, bool):
        return "bool" in annotation
    if isinstance(value, int):
        return "int" in annotation or "float" in annotation
    if isinstance(value, float):
        return "float" in annotation and math.isfinite(value)
    return isinstance(value, str) and "str" in annotation


def options_from_json(data: Any) -> ChatOptions:
    """The inverse of `options_to_json`, lenient: a missing or wrong field is the model's default.

    >>> options = options_from_json({"system_prompt": "Be brief.", "temperature": 0.5, "seed": "x"})
    >>> options.system_prompt, options.temperature, options.seed
    ('Be brief.', 0.5, None)
    """
    if not isinstance(data, dict):
        return ChatOptions()
    values: dict[str, Any] = {}
    for option in dataclasses.fields(ChatOptions):
        value = data.get(option.name)
        annotation = str(option.type)
        if value is not None and _accepts(annotation, value):
            is_float = "float" in annotation and not isinstance(value, bool)
            values[option.name] = float(value) if is_float else value
    return ChatOptions(**values)


def stats_to_json(stats: ReplyStats) -> dict[str, Any]:
    return {
        "done_reason": stats.done_reason,
        "total_duration": stats.total_duration,
        "load_duration": stats.load_duration,
        "prompt_eval_count": stats.prompt_eval_count,
        "prompt_eval_duration": stats.prompt_eval_duration,
        "eval_count": stats.eval_count,
        "eval_duration": stats.eval_duration,
        "prompt_cached": stats.prompt_cached,
    }


def stats_from_json(data: Any) -> ReplyStats | None:
    """Saved counters, checked as the server's are; `prompt_cached` is the app's own (0 before it was kept).

    >>> stats_from_json({"prompt_eval_count": 90, "prompt_cached": 80}).prompt_rate is None
    True
    """
    if not isinstance(data, dict):
        return None
    stats = ReplyStats.from_json(data)
    cached = data.get("prompt_cached")
    if isinstance(cached, int) and not isinstance(cached, bool) and 0 <= cached <= stats.prompt_eval_count:
        stats = replace(stats, prompt_cached=cached)
    return stats


# -- schema ------------------------------------------------------------------------------------------

# Index i holds the statements that take a file from version i to version i + 1. Released steps are
# never edited: a change is a new step, so every file ever written can be brought up to date.
MIGRATIONS: list[tuple[str, ...]] = [
    (
        """CREATE TABLE conversations (
            seq INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            title_edited INTEGER NOT NULL DEFAULT 0,
            model TEXT NOT NULL DEFAULT '',
            options TEXT NOT NULL DEFAULT '{}',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            leaf_uid TEXT,
            draft TEXT NOT NULL DEFAULT '',
            deleted_at REAL
        )""",
        "CREATE INDEX conversations_by_update ON conversations(updated_at DESC)",
        """CREATE TABLE messages (
            seq INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            conversation_seq INTEGER NOT NULL REFERENCES conversations(seq) ON DELETE CASCADE,
            parent_uid TEXT,
            role TEXT NOT NULL,
            content TEXT NOT NULL,
            status TEXT NOT NULL,
            model TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            stats TEXT,
            error TEXT NOT NULL DEFAULT '',
            thinking TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX messages_by_parent ON messages(conversation_seq, parent_uid)",
    ),
]

# The search index is not part of the versioned schema: it depends on the SQLite build (FTS5 with the
# trigram tokenizer, SQLite >= 3.34), and is created, and filled, wherever it can be. Trigrams match any
# part of a word, which also works for Chinese, Japanese and Korean text (no spaces between words).
# An answer is indexed once it stops streaming, so the index is not rewritten twice a second.
_INDEX = (
    """CREATE VIRTUAL TABLE message_index USING fts5(
        content, content='messages', content_rowid='seq', tokenize='trigram')""",
    """CREATE TRIGGER message_index_insert AFTER INSERT ON messages WHEN new.status != 'streaming'
        BEGIN INSERT INTO message_index(rowid, content) VALUES (new.seq, new.content); END""",
    """CREATE TRIGGER message_index_delete AFTER DELETE ON messages WHEN old.status != 'streaming'
        BEGIN INSERT INTO message_index(message_index, rowid, content)
              VALUES ('delete', old.seq, old.content); END""",
    """CREATE TRIGGER message_index_update AFTER UPDATE OF content, status ON messages BEGIN
        INSERT INTO message_index(message_index, rowid, content)
            SELECT 'delete', old.seq, old.content WHERE old.status != 'streaming';
        INSERT INTO message_index(rowid, content)
            SELECT new.seq, new.content WHERE new.status != 'streaming';
        END""",
    "INSERT INTO message_index(message_index) VALUES ('rebuild')",
)

# Trigram search needs at least three characters per word; shorter words are matched with LIKE.
_TRIGRAM = 3

_MESSAGE_COLUMNS = "uid, parent_uid, role, content, status, model, created_at, stats, error, thinking"
_CONVERSATION_COLUMNS = "uid, title, title_edited, model, options, created_at, updated_at, leaf_uid, draft"


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def snippet(text: str, terms: Sequence[str]) -> str:
    """The text around the first of `terms` found in `text`, on one line.

    >>> snippet("The quick  brown\\nfox", ["BROWN"])
    'The quick brown fox'
    >>> snippet("a " * 40 + "needle" + " b" * 80, ["needle"])[:12]
    '…a a a a a a'
    >>> snippet("Plan a 3-day trip to Kyoto in spring, on a small budget.", ["budget"])
    '…Kyoto in spring, on a small budget.'
    """
    flat = " ".join(text.split())
    lowered = flat.casefold()
    positions = [lowered.find(term.casefold()) for term in terms]
    found = [position for position in positions if position >= 0]
    at = min(found) if found else 0
    start = max(at - SNIPPET_BEFORE, 0)
    end = min(at + SNIPPET_AFTER, len(flat))
    # Cut between words, not inside them.
    if start > 0 and (space := flat.find(" ", start, at)) != -1:
        start = space + 1
    if end < len(flat) and (space := flat.rfind(" ", at, end)) > at:
        end = space
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")


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
            damaged = self._move_aside()
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
            self._make_folder()
            self._check_log_has_its_file()
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
                check = conn.execute("PRAGMA quick_check").fetchone()[0]
                if check != "ok":
                    raise StorageCorrupt(f"quick_check: {check}")
                self._migrate(conn)
                read_only = False
                try:
                    self._fts = self._ensure_index(conn)
                    interrupted, restored = self._recover(conn)
                except sqlite3.OperationalError as exc:
                    if not isinstance(storage_error(exc), StorageReadOnly):
                        raise
                    # A read-only file still shows the chats saved in it; only saving is refused.
                    read_only = True
                    self._fts = self._index_exists(conn)
                    interrupted = restored = 0
            except BaseException:
                self._disconnect()
                raise
        return OpenReport(interrupted, restored, None, self._fts, read_only)

    def _configure(self, conn: sqlite3.Connection) -> None:
        """Called right after connecting; tests override it to simulate a read-only or full disk."""

    def _make_folder(self) -> None:
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            if isinstance(storage_error(exc), StorageFull):
                raise
            raise StorageFolderUnusable(folder, exc.strerror or str(exc)) from exc
        try:
            present = self.path.exists()  # a folder that may not be read (chmod 000) raises here
        except OSError as exc:
            raise StorageFolderUnusable(folder, exc.strerror or str(exc)) from exc
        if not present and not os.access(folder, os.W_OK | os.X_OK):
            raise StorageFolderUnusable(folder, "no permission to create files there")

    def _check_log_has_its_file(self) -> None:
        """Refuse a write-ahead log whose file is gone or emptied, before SQLite sees them.

        SQLite takes a file too short for its header for a new, empty database and deletes the log
        beside it, chats and all. Both are damaged then, and moved aside together (`open`).
        """
        log_file = self.path.with_name(self.path.name + "-wal")
        try:
            log_size = log_file.stat().st_size
        except FileNotFoundError:
            return
        size = self.path.stat().st_size if self.path.exists() else 0
        if log_size > _WAL_HEADER_BYTES and size < _DB_HEADER_BYTES:
            raise StorageCorrupt(f"{self.path} holds {size} bytes beside a write-ahead log of {log_size}")

    def _move_aside(self) -> Path:
        """Rename the file and its -wal and -shm with the same suffix (a pair SQLite can open again)."""
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(self._now()))
        target = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        moved = None
        with self._mapped():
            if self.path.exists():
                self.path.replace(target)
                moved = target
            for suffix in ("-wal", "-shm"):
                extra = self.path.with_name(self.path.name + suffix)
                if extra.exists():
                    extra.replace(target.with_name(target.name + suffix))
                    moved = moved or target.with_name(target.name + suffix)
        return moved or target

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
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

    @staticmethod
    def _index_exists(conn: sqlite3.Connection) -> bool:
        query = "SELECT 1 FROM sqlite_master WHERE type='table' AND name='message_index'"
        return conn.execute(query).fetchone() is not None

    def _ensure_index(self, conn: sqlite3.Connection) -> bool:
        if self._index_exists(conn):
            return True
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _INDEX:
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
                f"""INSERT INTO conversations ({_CONVERSATION_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)
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
                    f"""INSERT INTO messages (conversation_seq, {_MESSAGE_COLUMNS})
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
                f"SELECT {_CONVERSATION_COLUMNS}, seq FROM conversations WHERE uid=?", (uid,)
            ).fetchone()
            if row is None:
                raise StorageUnavailable(f"no conversation {uid}")
            record = _record(row[:-1])
            rows = conn.execute(
                f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE conversation_seq=? ORDER BY seq",
                (row[-1],),
            ).fetchall()
        messages = tuple(_message(row) for row in rows)
        path = _path(messages, record.leaf_uid)
        return StoredConversation(record, path, _versions(messages, path), messages)

    def message_count(self) -> int:
        conn = self._connection()
        with self._mapped():
            count: int = conn.execute("SELECT count(*) FROM messages").fetchone()[0]
        return count

    def search(self, text: str, limit: int = 200) -> tuple[SearchHit, ...]:
        """Conversations whose title, or one of whose messages, contains every word of `text`.

        Case is ignored; words match inside longer words. The most recently used come first.
        """
        terms = text.split()
        if not terms:
            return ()
        conn = self._connection()
        long_terms = [term for term in terms if len(term) >= _TRIGRAM]
        like_terms = terms if not (self._fts and long_terms) else [t for t in terms if len(t) < _TRIGRAM]
        conditions = ["m.status != 'streaming'"]
        params: list[Any] = []
        if self._fts and long_terms:
            conditions.append("m.seq IN (SELECT rowid FROM message_index WHERE message_index MATCH ?)")
            params.append(" ".join(_fts_phrase(term) for term in long_terms))
        for term in like_terms:
            conditions.append("m.content LIKE ? ESCAPE '\\'")
            params.append(_like_pattern(term))
        title_conditions = " AND ".join("c.title LIKE ? ESCAPE '\\'" for _ in terms)
        title_params = [_like_pattern(term) for term in terms]
        with self._mapped():
            # The newest matching message of each conversation, then the conversations whose title
            # matches; a conversation matching both is listed once, with its message's snippet.
            message_hits = conn.execute(
                f"""SELECT c.uid, c.title, c.model, c.created_at, c.updated_at, hit.content
                    FROM (SELECT m.conversation_seq AS conversation_seq, max(m.seq) AS seq
                          FROM messages m WHERE {" AND ".join(conditions)}
                          GROUP BY m.conversation_seq) AS best
                    JOIN conversations c ON c.seq = best.conversation_seq
                    JOIN messages hit ON hit.seq = best.seq
                    WHERE c.deleted_at IS NULL ORDER BY c.updated_at DESC LIMIT ?""",
                (*params, limit),
            ).fetchall()
            title_hits = conn.execute(
                f"""SELECT uid, title, model, created_at, updated_at, '' FROM conversations c
                    WHERE deleted_at IS NULL AND {title_conditions}
                    ORDER BY updated_at DESC LIMIT ?""",
                (*title_params, limit),
            ).fetchall()
        hits: dict[str, SearchHit] = {}
        for row in message_hits:
            hits[row[0]] = SearchHit(ConversationSummary(*row[:5]), snippet(row[5], terms))
        for row in title_hits:
            hits.setdefault(row[0], SearchHit(ConversationSummary(*row[:5]), ""))
        ordered = sorted(hits.values(), key=lambda hit: hit.summary.updated_at, reverse=True)
        return tuple(ordered[:limit])


def _record(row: Sequence[Any]) -> ConversationRecord:
    uid, title, title_edited, model, options, created_at, updated_at, leaf_uid, draft = row
    try:
        parsed = json.loads(options)
    except ValueError:
        parsed = {}
    return ConversationRecord(
        uid,
        title,
        bool(title_edited),
        model,
        options_from_json(parsed),
        created_at,
        updated_at,
        leaf_uid,
        draft,
    )


def _message(row: Sequence[Any]) -> StoredMessage:
    uid, parent_uid, role, content, status, model, created_at, stats, error, thinking = row
    try:
        parsed_status = MessageStatus(status)
    except ValueError:
        # A status from a newer version: show the text, as a finished message.
        parsed_status = MessageStatus.DONE if role == ROLE_ASSISTANT else MessageStatus.SENT
    try:
        parsed_stats = stats_from_json(json.loads(stats)) if stats else None
    except ValueError:
        parsed_stats = None
    return StoredMessage(
        uid, parent_uid, role, content, parsed_status, model, created_at, parsed_stats, error, thinking
    )


def _path(messages: Sequence[StoredMessage], leaf_uid: str | None) -> tuple[StoredMessage, ...]:
    by_uid = {message.uid: message for message in messages}
    path: list[StoredMessage] = []
    uid = leaf_uid
    while uid is not None and uid in by_uid and len(path) <= len(messages):
        message = by_uid[uid]
        path.append(message)
        uid = message.parent_uid
    path.reverse()
    return tuple(path)


def _versions(
    messages: Sequence[StoredMessage], path: Sequence[StoredMessage]
) -> tuple[tuple[str, ...], ...]:
    children: dict[tuple[str | None, str], list[StoredMessage]] = {}
    for message in messages:
        children.setdefault((message.parent_uid, message.role), []).append(message)
    return tuple(
        tuple(
            other.uid
            for other in children[(message.parent_uid, message.role)]
            # A question that got no answer is not a version to go back to (it is kept for search).
            if other.status is not MessageStatus.UNANSWERED or other.uid == message.uid
        )
        for message in path
    )
