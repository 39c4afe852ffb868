"""The history file on disk, before SQLite opens it (no Qt).

Its folder, a log left without its file, and moving a damaged file aside.
A damaged file is never deleted: it is renamed beside the new one, with its -wal and -shm.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from ollama_desktop.core.history.errors import (
    StorageCorrupt,
    StorageFolderUnusable,
    StorageFull,
    storage_error,
)

# A database file shorter than SQLite's header is no database; a log no longer than its header holds nothing.
_DB_HEADER_BYTES = 100
_WAL_HEADER_BYTES = 32


def make_folder(path: Path) -> None:
    """Create the file's folder; StorageFolderUnusable when it cannot hold the file."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if isinstance(storage_error(exc), StorageFull):
            raise
        raise StorageFolderUnusable(folder, exc.strerror or str(exc)) from exc
    try:
        present = path.exists()  # a folder that may not be read (chmod 000) raises here
    except OSError as exc:
        raise StorageFolderUnusable(folder, exc.strerror or str(exc)) from exc
    if not present and not os.access(folder, os.W_OK | os.X_OK):
        raise StorageFolderUnusable(folder, "no permission to create files there")


def check_log_has_its_file(path: Path) -> None:
    """Refuse a write-ahead log whose file is gone or emptied, before SQLite sees them.

    SQLite takes a file too short for its header for a new, empty database and deletes the log
    beside it, chats and all. Both are damaged then, and moved aside together (`move_aside`).
    """
    log_file = path.with_name(path.name + "-wal")
    try:
        log_size = log_file.stat().st_size
    except FileNotFoundError:
        return
    size = path.stat().st_size if path.exists() else 0
    if log_size > _WAL_HEADER_BYTES and size < _DB_HEADER_BYTES:
        raise StorageCorrupt(f"{path} holds {size} bytes beside a write-ahead log of {log_size}")


def move_aside(path: Path, now: float) -> Path:
    """Rename the file and its -wal and -shm with the same suffix (a pair SQLite can open again)."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    moved = None
    try:
        if path.exists():
            path.replace(target)
            moved = target
        for suffix in ("-wal", "-shm"):
            extra = path.with_name(path.name + suffix)
            if extra.exists():
                extra.replace(target.with_name(target.name + suffix))
                moved = moved or target.with_name(target.name + suffix)
    except (sqlite3.Error, OSError) as exc:
        raise storage_error(exc) from exc
    return moved or target
