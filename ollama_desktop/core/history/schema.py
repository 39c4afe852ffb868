"""The history file's tables, and the steps that bring an older file up to date (no Qt)."""

from __future__ import annotations

SCHEMA_VERSION = 2


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
    # 2: the files attached to a question (issue #20), in the order they were attached. They go with
    # their message: deleting it (or purging its conversation) deletes them. `uid` is the
    # attachment's own id, not unique: an edited question keeps the same files under the same ids.
    (
        """CREATE TABLE attachments (
            message_seq INTEGER NOT NULL REFERENCES messages(seq) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            uid TEXT NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            size INTEGER NOT NULL DEFAULT 0,
            tokens INTEGER NOT NULL DEFAULT 0,
            media_type TEXT NOT NULL DEFAULT '',
            width INTEGER NOT NULL DEFAULT 0,
            height INTEGER NOT NULL DEFAULT 0,
            truncated INTEGER NOT NULL DEFAULT 0,
            pages INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL DEFAULT '',
            data BLOB NOT NULL DEFAULT x'',
            PRIMARY KEY (message_seq, position)
        )""",
    ),
]
