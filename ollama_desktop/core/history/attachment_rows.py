"""The files attached to saved messages: their rows in the history file (no Qt).

A message's attachments are written once, with the message, and never change after (an edited
question is a new message). They are read with their conversation in one query, and go with their
message when it is deleted (the table's foreign key cascades; `HistoryStore` turns foreign keys on).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from ollama_desktop.core.attachments.attachment import Attachment
from ollama_desktop.core.attachments.files import Kind

ATTACHMENT_COLUMNS = "uid, name, kind, size, tokens, media_type, width, height, truncated, pages, text, data"
_INSERT = (
    f"INSERT INTO attachments (message_seq, position, {ATTACHMENT_COLUMNS}) VALUES ({', '.join('?' * 14)})"
)

_PICTURE_TYPES = {"image/png": Kind.PNG, "image/jpeg": Kind.JPEG}


def kind_of(value: Any, media_type: str) -> Kind | None:
    """The kind saved as `value`; a kind this version does not know (a newer app's) is read by what
    it holds: a PNG or JPEG picture, or else a text document. None for something not to be sent.

    >>> kind_of("pdf", ""), kind_of("heic", "image/jpeg"), kind_of("sheet", ""), kind_of("unsupported", "")
    (<Kind.PDF: 'pdf'>, <Kind.JPEG: 'jpeg'>, <Kind.TEXT: 'text'>, None)
    """
    try:
        kind = Kind(value)
    except ValueError:
        return _PICTURE_TYPES.get(media_type, Kind.TEXT)
    return None if kind is Kind.UNSUPPORTED else kind


def save_attachments(conn: sqlite3.Connection, message_uid: str, attachments: Sequence[Attachment]) -> None:
    """Write a message's attachments, unless they are in the file already (saved with it before).

    Call it inside the transaction that wrote the message. A message is saved again and again (its
    status changes; everything is saved again after a failure): the pictures are written only once.
    """
    if not attachments:
        return
    row = conn.execute(
        """SELECT m.seq, EXISTS (SELECT 1 FROM attachments a WHERE a.message_seq = m.seq)
           FROM messages m WHERE m.uid=?""",
        (message_uid,),
    ).fetchone()
    if row is None or row[1]:
        return
    # The same files asked again after no answer came (they went back to the composer under their
    # ids): the unanswered question keeps its text, not a second copy of every picture.
    conn.execute(
        f"""DELETE FROM attachments WHERE uid IN ({", ".join("?" * len(attachments))})
            AND message_seq IN (SELECT seq FROM messages WHERE status='unanswered'
                AND conversation_seq=(SELECT conversation_seq FROM messages WHERE seq=?))""",
        (*(item.id for item in attachments), row[0]),
    )
    conn.executemany(
        _INSERT,
        (
            (
                row[0],
                position,
                item.id,
                item.name,
                item.kind.value,
                item.size,
                item.tokens,
                item.media_type,
                item.width,
                item.height,
                int(item.truncated),
                item.pages,
                item.text,
                item.data,
            )
            for position, item in enumerate(attachments)
        ),
    )


def load_attachments(conn: sqlite3.Connection, conversation_seq: int) -> dict[str, tuple[Attachment, ...]]:
    """Every attachment of a conversation (one query), by the uid of its message, in their order."""
    rows = conn.execute(
        f"""SELECT m.uid, {", ".join("a." + name for name in ATTACHMENT_COLUMNS.split(", "))}
            FROM attachments a JOIN messages m ON m.seq = a.message_seq
            WHERE m.conversation_seq=? ORDER BY a.message_seq, a.position""",
        (conversation_seq,),
    ).fetchall()
    found: dict[str, list[Attachment]] = {}
    for message_uid, *columns in rows:
        attachment = attachment_from_row(columns)
        if attachment is not None:
            found.setdefault(message_uid, []).append(attachment)
    return {uid: tuple(items) for uid, items in found.items()}


def attachment_from_row(row: Sequence[Any]) -> Attachment | None:
    uid, name, kind, size, tokens, media_type, width, height, truncated, pages, text, data = row
    parsed = kind_of(kind, media_type)
    if parsed is None:
        return None
    return Attachment(
        name=name,
        kind=parsed,
        size=size,
        tokens=tokens,
        data=bytes(data or b""),
        media_type=media_type,
        width=width,
        height=height,
        text=text,
        truncated=bool(truncated),
        pages=pages,
        id=uid,
    )
