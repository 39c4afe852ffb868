"""Attached files in the saved history (issue #20): the file, an old file brought up to date, the
Markdown and JSON exports, and a JSON import that cannot be trusted."""

from __future__ import annotations

import base64
import doctest
import json
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from ollama_desktop.core.attachments.attachment import Attachment
from ollama_desktop.core.attachments.files import Kind
from ollama_desktop.core.history import attachment_json, attachment_rows
from ollama_desktop.core.history import export as chat_export
from ollama_desktop.core.history.export import NotAChatFile, from_json, read_chat_file, to_json, to_markdown
from ollama_desktop.core.history.schema import MIGRATIONS
from ollama_desktop.core.history.store import (
    SCHEMA_VERSION,
    ConversationRecord,
    HistoryStore,
    MessageStatus,
    StoredConversation,
    StoredMessage,
    new_uid,
)
from tests.attachment_files import png

PICTURE = Attachment("photo.png", Kind.PNG, 180_000, 256, png(40, 30), "image/png", 40, 30, id="picture-id")
REPORT = Attachment(
    "report.pdf", Kind.PDF, 90_000, 3400, text="Quarterly figures.\n" * 3, pages=12, id="report-id"
)
NOTES = Attachment("notes.md", Kind.MARKDOWN, 12, 3, text="# Notes", truncated=True)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "history.sqlite3"


@pytest.fixture
def store(db: Path) -> Any:
    opened = HistoryStore(db, busy_timeout_s=0.1)
    opened.open()
    yield opened
    opened.close()


def count(db: Path, sql: str = "SELECT count(*) FROM attachments") -> int:
    with sqlite3.connect(db) as conn:
        found: int = conn.execute(sql).fetchone()[0]
    return found


def saved_chat(
    store: HistoryStore, *attachments: Attachment, text: str = "What is in these?"
) -> tuple[ConversationRecord, StoredMessage, StoredMessage]:
    q = StoredMessage(
        new_uid(), None, "user", text, MessageStatus.SENT, created_at=1.0, attachments=attachments
    )
    a = StoredMessage(new_uid(), q.uid, "assistant", "A grey square.", MessageStatus.DONE, "gemma3:4b", 2.0)
    record = ConversationRecord(
        new_uid(), "Pictures", model="gemma3:4b", created_at=1, updated_at=2, leaf_uid=a.uid
    )
    store.save(record, [q, a])
    return record, q, a


def assert_same(found: tuple[Attachment, ...], expected: tuple[Attachment, ...]) -> None:
    """Every field, the id too (equality leaves the id out)."""
    assert found == expected
    assert [item.id for item in found] == [item.id for item in expected]


def test_doctests() -> None:
    for module in (attachment_rows, attachment_json, chat_export):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.attempted > 0
        assert result.failed == 0


# -- the file ----------------------------------------------------------------------------------------


def test_a_picture_and_documents_come_back_with_their_question_after_a_restart(
    store: HistoryStore, db: Path
) -> None:
    record, *_ = saved_chat(store, PICTURE, REPORT, NOTES)
    loaded = store.load(record.uid)
    assert_same(loaded.path[0].attachments, (PICTURE, REPORT, NOTES))
    assert loaded.path[1].attachments == ()
    store.close()
    reopened = HistoryStore(db)
    reopened.open()
    path = reopened.load(record.uid).path
    reopened.close()
    assert_same(path[0].attachments, (PICTURE, REPORT, NOTES))
    assert path[0].attachments[0].data == png(40, 30)
    # What the chat gets back sends the same request as the question did.
    message = path[0].as_chat_message()
    assert message.attachments == (PICTURE, REPORT, NOTES)
    assert message.to_json()["images"] == [PICTURE.base64]


def test_saving_a_message_again_neither_rewrites_nor_loses_its_attachments(
    store: HistoryStore, db: Path
) -> None:
    record, q, a = saved_chat(store, PICTURE, REPORT)
    assert count(db) == 2
    # Its status changes (it got no answer), and the whole chat is saved again after a failure.
    store.save(record, [replace(q, status=MessageStatus.UNANSWERED), a])
    store.save(record, [q, a])
    assert count(db) == 2
    # Saved without them (an update of its fields only): the files stay; they belong to the message.
    store.save(record, [replace(q, content="edited in place", attachments=())])
    assert count(db) == 2
    assert_same(store.load(record.uid).path[0].attachments, (PICTURE, REPORT))


def test_each_version_of_an_edited_question_keeps_its_files(store: HistoryStore) -> None:
    record, q, _ = saved_chat(store, PICTURE)
    # An edit: a sibling question with the same files (the same ids), and its own answer.
    q2 = StoredMessage(
        new_uid(), None, "user", "And now?", MessageStatus.SENT, created_at=3.0, attachments=(PICTURE,)
    )
    a2 = StoredMessage(new_uid(), q2.uid, "assistant", "Still grey.", MessageStatus.DONE, "gemma3:4b", 4.0)
    store.save(replace(record, leaf_uid=a2.uid), [q2, a2])
    loaded = store.load(record.uid)
    assert loaded.versions[0] == (q.uid, q2.uid)
    assert_same(loaded.path[0].attachments, (PICTURE,))
    older = store.switch_version(record.uid, q.uid)
    assert older.path[0].uid == q.uid
    assert_same(older.path[0].attachments, (PICTURE,))


def test_a_deleted_and_purged_chat_leaves_no_attachments_behind(store: HistoryStore, db: Path) -> None:
    gone, *_ = saved_chat(store, PICTURE, REPORT)
    kept, *_ = saved_chat(store, NOTES)
    store.delete(gone.uid)
    assert count(db) == 3  # deleted, not yet purged: undo brings it back whole
    store.purge()
    assert count(db) == 1
    assert_same(store.load(kept.uid).path[0].attachments, (NOTES,))
    assert count(db, "SELECT count(*) FROM messages") == 2


def test_an_imported_copy_has_its_own_attachments(store: HistoryStore, db: Path) -> None:
    record, *_ = saved_chat(store, PICTURE)
    loaded = store.load(record.uid)
    copy = store.import_conversation(loaded.record, loaded.messages)
    assert count(db) == 2
    assert_same(store.load(copy.uid).path[0].attachments, (PICTURE,))
    store.delete(record.uid)
    store.purge()
    assert_same(store.load(copy.uid).path[0].attachments, (PICTURE,))


def make_version_1_file(db: Path) -> None:
    """A file as the app wrote it before attachments (schema version 1), with one chat."""
    with sqlite3.connect(db) as conn:
        for statement in MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute("PRAGMA user_version=1")
        conn.execute(
            """INSERT INTO conversations (uid, title, created_at, updated_at, leaf_uid)
               VALUES ('c', 'Old', 1, 2, 'a')"""
        )
        conn.execute(
            """INSERT INTO messages (uid, conversation_seq, parent_uid, role, content, status, created_at)
               VALUES ('q', 1, NULL, 'user', 'Hello?', 'sent', 1),
                      ('a', 1, 'q', 'assistant', 'Hi.', 'done', 2)"""
        )
    conn.close()


def test_a_version_1_file_is_brought_up_to_date_and_keeps_its_chats(db: Path) -> None:
    make_version_1_file(db)
    store = HistoryStore(db)
    store.open()
    try:
        assert count(db, "PRAGMA user_version") == SCHEMA_VERSION == 2
        old = store.load("c")
        assert [(m.content, m.attachments) for m in old.path] == [("Hello?", ()), ("Hi.", ())]
        record, *_ = saved_chat(store, PICTURE)
        assert_same(store.load(record.uid).path[0].attachments, (PICTURE,))
    finally:
        store.close()
    again = HistoryStore(db)
    again.open()  # opens as it is, nothing to migrate
    assert [m.content for m in again.load("c").path] == ["Hello?", "Hi."]
    again.close()


class ReadOnlyStore(HistoryStore):
    def _configure(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA query_only=1")


def test_a_read_only_version_1_file_still_shows_its_chats(db: Path) -> None:
    make_version_1_file(db)
    store = ReadOnlyStore(db)
    assert store.open().read_only
    try:
        assert [(m.content, m.attachments) for m in store.load("c").path] == [("Hello?", ()), ("Hi.", ())]
    finally:
        store.close()
    assert count(db, "PRAGMA user_version") == 1  # brought up to date once it can be written


def test_an_attachment_of_a_kind_this_version_does_not_know_is_read_by_what_it_holds(
    store: HistoryStore, db: Path
) -> None:
    record, *_ = saved_chat(store, PICTURE, REPORT, NOTES)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE attachments SET kind='heic' WHERE position=0")
        conn.execute("UPDATE attachments SET kind='spreadsheet' WHERE position=1")
        conn.execute("UPDATE attachments SET kind='unsupported' WHERE position=2")
    conn.close()
    found = store.load(record.uid).path[0].attachments
    assert [(item.name, item.kind) for item in found] == [("photo.png", Kind.PNG), ("report.pdf", Kind.TEXT)]


# -- exports -----------------------------------------------------------------------------------------


def conversation(*attachments: Attachment, text: str = "What is in these?") -> StoredConversation:
    q = StoredMessage("q", None, "user", text, MessageStatus.SENT, created_at=1.0, attachments=attachments)
    a = StoredMessage("a", "q", "assistant", "A grey square.", MessageStatus.DONE, "gemma3:4b", 2.0)
    record = ConversationRecord("c", "Pictures", model="gemma3:4b", created_at=1, updated_at=2, leaf_uid="a")
    return StoredConversation(record, (q, a), (("q",), ("a",)), (q, a))


def test_markdown_lists_the_attachments_under_their_message_as_plain_text() -> None:
    big = Attachment("shot.png", Kind.PNG, 180_000, 1200, png(2, 2), "image/png", 1120, 840)
    markdown = to_markdown(conversation(big, REPORT, NOTES))
    assert (
        "What is in these?\n\n*Attached:* shot.png (picture, 1120 × 840, 180 KB), "
        "report.pdf (PDF, 12 pages, ~3,400 tokens), notes.md (Markdown, ~3 tokens, only the start)\n"
    ) in markdown
    assert "Quarterly" not in markdown  # a document's text is not copied in
    assert PICTURE.base64[:40] not in markdown
    # A question of files alone: no empty paragraph, the list at once.
    assert "## You\n\n*Attached:* report.pdf" in to_markdown(conversation(REPORT, text=""))


def test_markdown_words_and_numbers_come_from_the_caller() -> None:
    labels = chat_export.MarkdownLabels(
        attached="Pièces jointes",
        picture="image",
        pages=lambda count: f"{count} pages",
        tokens=lambda count: f"~{count:_} jetons",
        size=lambda size: f"{size / 1000:.0f} ko",
        kinds=((Kind.PDF, "PDF"),),
    )
    markdown = to_markdown(conversation(PICTURE, REPORT, NOTES), labels)
    assert (
        "*Pièces jointes:* photo.png (image, 40 × 30, 180 ko), report.pdf (PDF, 12 pages, ~3_400 jetons), "
        "notes.md (markdown, ~3 jetons, only the start)"
    ) in markdown


def test_json_export_and_import_carry_every_field_both_ways(store: HistoryStore) -> None:
    text = to_json(conversation(PICTURE, REPORT, NOTES))
    written = json.loads(text)["messages"][0]["attachments"]
    assert written[0] == {
        "id": "picture-id",
        "name": "photo.png",
        "kind": "png",
        "size": 180_000,
        "tokens": 256,
        "media_type": "image/png",
        "width": 40,
        "height": 30,
        "truncated": False,
        "pages": 0,
        "text": "",
        "data": base64.b64encode(png(40, 30)).decode("ascii"),
    }
    assert (written[1]["text"], written[1]["data"]) == (REPORT.text, "")
    assert "attachments" not in json.loads(text)["messages"][1]
    record, messages = from_json(text)
    assert_same(messages[0].attachments, (PICTURE, REPORT, NOTES))
    summary = store.import_conversation(record, messages)
    assert_same(store.load(summary.uid).path[0].attachments, (PICTURE, REPORT, NOTES))
    # And out again: the same file.
    assert json.loads(to_json(store.load(summary.uid)))["messages"][0]["attachments"] == written


# -- a JSON file that cannot be trusted --------------------------------------------------------------


def imported(*items: Any) -> tuple[Attachment, ...]:
    text = json.dumps({"messages": [{"role": "user", "content": "Look", "attachments": list(items)}]})
    return from_json(text)[1][0].attachments


def picture_json(**changes: Any) -> dict[str, Any]:
    return {**attachment_json.attachment_to_json(PICTURE), **changes}


def test_an_attachment_that_does_not_hold_up_is_left_out_and_the_rest_imported(caplog: Any) -> None:
    found = imported(
        picture_json(data="not base64!"),
        picture_json(data=base64.b64encode(b"MZ\x90\x00 a program").decode()),  # no picture
        picture_json(data="éé"),
        picture_json(data=""),
        picture_json(width=0),
        picture_json(width="wide"),
        picture_json(kind="unsupported"),
        {**attachment_json.attachment_to_json(REPORT), "text": None},
        "a string",
        None,
        attachment_json.attachment_to_json(REPORT),
        picture_json(),
    )
    assert_same(found, (REPORT, PICTURE))
    assert caplog.text.count("left out") == 10


def test_imported_fields_are_bounded_and_made_safe() -> None:
    (picture,) = imported(
        picture_json(
            name="../../secret/\nphoto.png",
            size=10**30,  # would not fit SQLite's integer: 0
            tokens=-4,  # recomputed
            media_type="image/gif",  # what the bytes say wins
            kind="gif",
            id=["x"],
            truncated="yes",
        )
    )
    assert (picture.name, picture.size, picture.tokens, picture.media_type, picture.kind) == (
        "photo.png",
        0,
        256,
        "image/png",
        Kind.GIF,
    )
    assert len(picture.id) == 32
    (document,) = imported(
        {"name": "a.txt", "kind": "text", "text": "Hello there", "pages": True, "size": 2.5}
    )
    assert (document.tokens, document.pages, document.size, document.data) == (3, 0, 0, b"")


def test_too_much_is_cut_or_refused_before_it_is_held(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attachment_json, "DOCUMENT_TEXT_LIMIT", 10)
    monkeypatch.setattr(attachment_json, "_BASE64_LIMIT", len(PICTURE.base64))
    (long,) = imported({"name": "long.txt", "kind": "text", "text": "x" * 11, "tokens": 3})
    assert (long.text, long.truncated) == ("x" * 10, True)
    bigger = base64.b64encode(PICTURE.data + b"\0").decode()
    assert imported(picture_json(data=bigger)) == ()
    assert len(imported(*[picture_json()] * 25)) == attachment_json.MAX_ATTACHMENTS == 20
    assert imported() == ()
    assert from_json('[{"role": "user", "content": "x", "attachments": {}}]')[1][0].attachments == ()


def test_an_imported_picture_is_never_larger_than_the_app_sends_one(caplog: Any) -> None:
    # A few KB of PNG that unpack to 8,000 x 8,000 pixels would be decoded on the GUI thread for
    # every thumbnail (most of a second each) and sent to the model at that size.
    def picture(data: bytes) -> dict[str, Any]:
        return picture_json(data=base64.b64encode(data).decode())

    huge, broad, largest = png(8000, 8000), png(1121, 2), png(1120, 2)
    assert imported(picture(huge), picture(broad), picture(b"\x89PNG\r\n\x1a\n")) == ()
    assert caplog.text.count("left out") == 3
    assert [item.data for item in imported(picture(largest))] == [largest]


def test_a_hostile_import_goes_into_the_file_without_an_error(store: HistoryStore) -> None:
    text = json.dumps(
        {
            "messages": [
                {
                    "role": "user",
                    "content": "Look",
                    "attachments": [
                        picture_json(size=2**63, width=2**40, height=9),
                        picture_json(size=2**60),
                    ],
                }
            ]
        }
    )
    summary = store.import_conversation(*from_json(text))
    (picture,) = store.load(summary.uid).path[0].attachments
    assert picture.size == 0  # 2**60 is over the bound too


def test_a_file_too_big_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "chat.json"
    path.write_text(to_json(conversation(PICTURE)), encoding="utf-8")
    assert from_json(read_chat_file(path))[1][0].attachments == (PICTURE,)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # a byte order mark
    assert from_json(read_chat_file(path))[1][0].attachments == (PICTURE,)
    monkeypatch.setattr(chat_export, "MAX_IMPORT_BYTES", path.stat().st_size - 1)
    with pytest.raises(NotAChatFile, match="too big"):
        read_chat_file(path)
    path.write_bytes(b'{"messages": [\xff]}')
    with pytest.raises(NotAChatFile, match="UTF-8"):
        read_chat_file(path)


def test_a_purged_document_cannot_be_read_from_the_file_afterwards(store: HistoryStore, db: Path) -> None:
    secret = Attachment("diary.txt", Kind.TEXT, 40, 10, text="my bank PIN is 8642-secret-8642")
    gone, *_ = saved_chat(store, secret)
    store.delete(gone.uid)
    store.purge()
    store.close()  # its write-ahead log goes into the file
    marker = b"8642-secret-8642"
    leftovers = [path for path in db.parent.iterdir() if path.name.startswith(db.name)]
    assert all(marker not in path.read_bytes() for path in leftovers)
