"""What can go wrong with the history file, as exceptions the app can act on (no Qt).

Every sqlite3 or OS error the store meets leaves it as one of these (`storage_error`), so callers
decide on the kind (locked, read-only, full, damaged, too new) and never on SQLite's codes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


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
