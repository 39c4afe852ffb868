"""A question's attached files in the saved history, as the controllers see it (issue #20): saved with
the question, back after a restart, kept through regenerate and edit, in the exports, gone with
the chat."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.history import HistoryController
from ollama_desktop.core.attachments.attachment import Attachment
from ollama_desktop.core.attachments.files import Kind
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.history.store import HistoryStore
from ollama_desktop.workers import WorkerPool
from tests.attachment_files import png
from tests.conftest import TEST_TIMEOUTS, sample_models
from tests.fake_ollama import FakeModel, FakeOllama

PICTURE = Attachment("square.png", Kind.PNG, 2_000, 256, png(40, 30), "image/png", 40, 30)
NOTES = Attachment("notes.txt", Kind.TEXT, 20, 5, text="The sky is blue.")
FILES = (PICTURE, NOTES)


@pytest.fixture
def fake() -> Iterator[FakeOllama]:
    """The sample models and one that sees pictures."""
    vision = FakeModel("gemma3:4b", 3_338_801_804, "4.3B", "Q4_K_M", "gemma3", ("completion", "vision"))
    server = FakeOllama([*sample_models(), vision]).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def chat(pool: WorkerPool, fake: FakeOllama) -> ChatController:
    client = OllamaClient(fake.url, TEST_TIMEOUTS)
    controller = ChatController(pool, lambda: client)
    controller.set_model("gemma3:4b")  # sees pictures
    return controller


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


def started(qtbot, chat: ChatController, history_pool: WorkerPool, db: Path) -> HistoryController:  # type: ignore[no-untyped-def]
    history = HistoryController(chat, HistoryStore(db, busy_timeout_s=0.2), history_pool)
    with qtbot.waitSignal(history.conversations_listed):
        history.start()
    return history


@pytest.fixture
def history(qtbot, chat: ChatController, history_pool: WorkerPool, db: Path) -> Iterator[HistoryController]:  # type: ignore[no-untyped-def]
    controller = started(qtbot, chat, history_pool, db)
    yield controller
    chat.shutdown()
    assert controller.shutdown()


def ask(qtbot, chat: ChatController, text: str, attachments: tuple[Attachment, ...] = ()) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(chat.busy_changed, check_params_cb=lambda busy: not busy, timeout=10_000):
        assert chat.send(text, attachments)


def settle(qtbot, history: HistoryController) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: history.pending_jobs == 0)


def saved(db: Path, uid: str) -> list[tuple[str, tuple[Attachment, ...]]]:
    """The path in the file, read by a store of its own (as the app would at its next start)."""
    store = HistoryStore(db)
    store.open()
    try:
        return [(m.content, m.attachments) for m in store.load(uid).path]
    finally:
        store.close()


def assert_same(found: tuple[Attachment, ...], expected: tuple[Attachment, ...]) -> None:
    assert found == expected
    assert [item.id for item in found] == [item.id for item in expected]


def test_the_question_is_saved_with_its_files_and_they_come_back_after_a_restart(
    qtbot,
    chat: ChatController,
    history: HistoryController,
    history_pool: WorkerPool,
    db: Path,
    fake: FakeOllama,
) -> None:  # type: ignore[no-untyped-def]
    ask(qtbot, chat, "What is this?", FILES)
    uid = history.current_uid
    answer = chat.conversation.messages[1].content
    assert answer.startswith("I received 1 image: PNG, 40x30 pixels")
    settle(qtbot, history)
    (question, files), (answered, none) = saved(db, uid)
    assert (question, answered, none) == ("What is this?", answer, ())
    assert_same(files, FILES)
    # The app closes and starts again: the chat reopens with its files, and goes on with them.
    chat.shutdown()
    assert history.shutdown()
    chat.new_chat()
    again = started(qtbot, chat, history_pool, db)
    try:
        with qtbot.waitSignal(again.conversation_opened):
            again.open(uid)
        assert_same(chat.conversation.messages[0].attachments, FILES)
        ask(qtbot, chat, "And now?")
        sent = fake.requests_to("/api/chat")[-1].json["messages"]
        assert sent[0]["images"] == [PICTURE.base64]
        assert sent[0]["content"].startswith("[File: notes.txt]\nThe sky is blue.")
        assert "images" not in sent[2]
    finally:
        chat.shutdown()
        assert again.shutdown()


def test_a_question_of_files_alone_is_saved(
    qtbot, chat: ChatController, history: HistoryController, db: Path
) -> None:  # type: ignore[no-untyped-def]
    ask(qtbot, chat, "", (PICTURE,))
    settle(qtbot, history)
    (question, files), _ = saved(db, history.current_uid)
    assert question == ""
    assert_same(files, (PICTURE,))


def test_regenerate_keeps_the_files_of_the_question(
    qtbot, chat: ChatController, history: HistoryController, db: Path, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["Old", " answer"])
    ask(qtbot, chat, "Describe it", FILES)
    fake.script(tokens=["New", " answer"])
    with qtbot.waitSignal(history.forks_changed, check_params_cb=bool):
        assert chat.regenerate()
    assert fake.requests_to("/api/chat")[-1].json["messages"][0]["images"] == [PICTURE.base64]
    assert saved(db, history.current_uid)[1][0] == "New answer"
    assert_same(saved(db, history.current_uid)[0][1], FILES)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM attachments").fetchone()[0] == 2  # not saved twice
    conn.close()
    with qtbot.waitSignal(history.conversation_opened):
        history.switch_version(history.forks[0].previous_uid)
    assert [m.content for m in chat.conversation.messages] == ["Describe it", "Old answer"]
    assert_same(chat.conversation.messages[0].attachments, FILES)


def test_an_edited_question_keeps_its_files_and_so_does_the_version_it_replaced(
    qtbot, chat: ChatController, history: HistoryController, db: Path, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["first"])
    ask(qtbot, chat, "Describe it", FILES)
    fake.script(tokens=["second"])
    with qtbot.waitSignal(history.forks_changed, check_params_cb=bool) as changed:
        assert chat.edit_question(0, "Describe it briefly")
    fork = changed.args[0][0]
    assert (fork.role, fork.position, fork.count) == ("user", 2, 2)
    (question, files), _ = saved(db, history.current_uid)
    assert question == "Describe it briefly"
    assert_same(files, FILES)
    with qtbot.waitSignal(history.conversation_opened):
        history.switch_version(fork.previous_uid)
    assert [m.content for m in chat.conversation.messages] == ["Describe it", "first"]
    assert_same(chat.conversation.messages[0].attachments, FILES)


def test_deleting_and_purging_the_chat_removes_its_files(
    qtbot, chat: ChatController, history: HistoryController, db: Path
) -> None:  # type: ignore[no-untyped-def]
    ask(qtbot, chat, "What is this?", FILES)
    uid = history.current_uid
    settle(qtbot, history)
    history.delete(uid)
    history.purge(uid)
    settle(qtbot, history)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM attachments").fetchone()[0] == 0
    conn.close()


def test_exports_list_and_carry_the_files_and_import_brings_them_back(
    qtbot, chat: ChatController, history: HistoryController, tmp_path: Path, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["A grey square."])
    ask(qtbot, chat, "What is this?", FILES)
    markdown, exported = tmp_path / "chat.md", tmp_path / "chat.json"
    with qtbot.waitSignal(history.exported):
        history.export(history.current_uid, markdown, "markdown")
    with qtbot.waitSignal(history.exported):
        history.export(history.current_uid, exported, "json")
    text = markdown.read_text(encoding="utf-8")
    assert "*Attached:* square.png (picture, 40 × 30, 2.0 KB), notes.txt (text, ~5 tokens)" in text
    assert (
        json.loads(exported.read_text(encoding="utf-8"))["messages"][0]["attachments"][0]["data"]
        == PICTURE.base64
    )
    chat.new_chat()
    with qtbot.waitSignal(history.conversation_opened) as opened:
        history.import_file(exported)
    assert_same(opened.args[0].path[0].attachments, FILES)
    assert_same(chat.conversation.messages[0].attachments, FILES)


def loaded(db: Path, uid: str) -> tuple[Attachment, ...]:
    """The files that come back to the composer when the chat is opened next (a store of its own)."""
    store = HistoryStore(db)
    store.open()
    try:
        return store.load(uid).draft_attachments()
    finally:
        store.close()


def test_the_files_of_an_unanswered_question_come_back_with_the_chat(
    qtbot, chat: ChatController, history: HistoryController, db: Path, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    ask(qtbot, chat, "Hello")
    fake.route_override["/api/chat"] = (
        500,
        b'{"error":"model runner has unexpectedly stopped"}',
        "application/json",
    )
    with qtbot.waitSignal(chat.attachments_restored) as restored:
        ask(qtbot, chat, "", (PICTURE,))  # pictures alone: no draft text to bring them back with
    assert_same(restored.args[0], (PICTURE,))
    settle(qtbot, history)
    uid = history.current_uid
    assert_same(loaded(db, uid), (PICTURE,))
    # Asked again and answered: nothing is left to bring back.
    del fake.route_override["/api/chat"]
    ask(qtbot, chat, "What is this?", restored.args[0])
    settle(qtbot, history)
    assert loaded(db, uid) == ()
    conn = sqlite3.connect(db)
    try:  # the picture is in the file once, with the question answered
        assert conn.execute("SELECT COUNT(*) FROM attachments").fetchone() == (1,)
    finally:
        conn.close()
