"""The saved history as the controllers see it: saving while chatting, reopening, versions, files,
and a file that cannot be written."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.history import HistoryController
from ollama_desktop.core.chat.conversation import ChatOptions, MessageState
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.history.export import NotAChatFile
from ollama_desktop.core.history.store import (
    ConversationRecord,
    HistoryStore,
    MessageStatus,
    StorageFull,
    StorageLocked,
    StorageReadOnly,
    StorageUnavailable,
    StoredMessage,
)
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS
from tests.fake_ollama import FakeOllama


class TimedStore(HistoryStore):
    """Remembers when each question reached the file (to compare with when the fake got it)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.question_saved_at: dict[str, float] = {}

    def save(self, record: ConversationRecord, messages: Any = ()) -> None:
        super().save(record, messages)
        for message in messages:
            if message.role == "user":
                self.question_saved_at.setdefault(message.content, time.monotonic())


class ReadOnlyStore(HistoryStore):
    def _configure(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA query_only=1")


@pytest.fixture
def chat(pool: WorkerPool, fake: FakeOllama) -> ChatController:
    client = OllamaClient(fake.url, TEST_TIMEOUTS)
    controller = ChatController(pool, lambda: client)
    controller.set_model("llama3.1:8b")
    return controller


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def new_history(
    chat: ChatController, history_pool: WorkerPool
) -> Callable[[HistoryStore], HistoryController]:
    """Builds a history of `chat` over a store, on the test's history pool (not started)."""
    return lambda store: HistoryController(chat, store, history_pool)


def make_history(qtbot, history: HistoryController) -> HistoryController:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(history.conversations_listed):
        history.start()
    return history


@pytest.fixture
def history(qtbot, new_history, chat: ChatController, db: Path) -> Iterator[HistoryController]:  # type: ignore[no-untyped-def]
    controller = make_history(qtbot, new_history(TimedStore(db, busy_timeout_s=0.2)))
    yield controller
    chat.shutdown()
    assert controller.shutdown()


def rows(
    db: Path, sql: str = "SELECT role, content, status FROM messages ORDER BY seq"
) -> list[tuple[Any, ...]]:
    """What the file holds now, read the way another program would (the app keeps writing)."""
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def settle(qtbot, history: HistoryController) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: history.pending_jobs == 0)


def ask(qtbot, chat: ChatController, text: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(chat.busy_changed, check_params_cb=lambda busy: not busy, timeout=10_000):
        assert chat.send(text)


def test_the_file_is_used_on_the_pool_the_app_hands_in(
    qtbot, new_history, history_pool: WorkerPool, db: Path
) -> None:  # type: ignore[no-untyped-def]
    """Every job on the file is a worker of the app's history pool, so the fixture that fails a
    test leaving a worker behind sees them too; shutting down waits for the last one (the close)."""
    history = new_history(HistoryStore(db))
    history.start()
    assert history_pool.busy == 1  # opening the file
    qtbot.waitUntil(lambda: history.available)
    settle(qtbot, history)
    assert history.shutdown()
    assert history_pool.active_threads() == 0
    qtbot.waitUntil(lambda: history_pool.busy == 0)
    assert not history.available


def test_the_question_is_in_the_file_before_it_is_sent(
    qtbot, chat: ChatController, history: HistoryController, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    ask(qtbot, chat, "Is this saved first?")
    store = history.jobs.store
    assert isinstance(store, TimedStore)
    assert store.question_saved_at["Is this saved first?"] < fake.requests_to("/api/chat")[0].started


def test_a_streaming_answer_is_saved_while_it_streams_and_when_it_ends(
    qtbot, chat: ChatController, history: HistoryController, db: Path, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    tokens = [f" w{i}" for i in range(400)]
    fake.script(tokens=tokens, chunk_delay=0.01)
    chat.send("Count slowly")
    # Half a second in, the answer so far is already in the file, marked as still arriving.
    qtbot.waitUntil(lambda: [r[2] for r in rows(db)] == ["sent", "streaming"], timeout=5000)
    partial = rows(db)[1][1]
    assert partial
    assert "".join(tokens).startswith(partial)
    qtbot.waitUntil(lambda: not chat.busy, timeout=10_000)
    settle(qtbot, history)
    assert rows(db) == [("user", "Count slowly", "sent"), ("assistant", "".join(tokens), "done")]
    stats = json.loads(rows(db, "SELECT stats FROM messages WHERE role='assistant'")[0][0])
    assert stats["eval_count"] == 400


def test_stopped_and_failed_answers_are_kept_and_marked(
    qtbot, chat: ChatController, history: HistoryController, db: Path, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=[f" {i}" for i in range(1000)], chunk_delay=0.005)
    with qtbot.waitSignal(chat.first_token_arrived):
        chat.send("one")
    qtbot.waitUntil(lambda: len(chat._reply) > 3)
    chat.stop()
    fake.script(tokens=["par", "tial", "never"], error_after=2, error_message="runner died")
    ask(qtbot, chat, "two")
    settle(qtbot, history)
    saved = rows(db, "SELECT role, content, status, error FROM messages ORDER BY seq")
    assert [(r[0], r[2]) for r in saved] == [
        ("user", "sent"),
        ("assistant", "stopped"),
        ("user", "sent"),
        ("assistant", "failed"),
    ]
    assert saved[1][1] == chat.conversation.messages[1].content
    assert saved[3][1] == "partial"
    assert "runner died" in saved[3][3]


def test_a_question_with_no_answer_is_kept_marked_and_comes_back_as_a_draft(
    qtbot, chat: ChatController, history: HistoryController, db: Path, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    ask(qtbot, chat, "first")
    fake.script(tokens=["late"], first_byte_delay=30)
    restored: list[str] = []
    chat.prompt_restored.connect(restored.append)
    chat.send("are you loading?")
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/chat")) == 2)
    chat.stop()
    settle(qtbot, history)
    assert restored == ["are you loading?"]
    assert rows(db)[-1] == ("user", "are you loading?", "unanswered")
    reopened = HistoryStore(db)
    reopened.open()
    stored = reopened.load(history.current_uid)
    reopened.close()
    assert [m.content for m in stored.path] == ["first", chat.conversation.messages[1].content]
    assert stored.record.draft == "are you loading?"


def test_the_list_is_newest_first_and_new_chat_starts_another_conversation(
    qtbot, chat: ChatController, history: HistoryController
) -> None:  # type: ignore[no-untyped-def]
    ask(qtbot, chat, "The first conversation")
    first = history.current_uid
    with qtbot.waitSignal(history.current_changed, check_params_cb=lambda uid: uid == ""):
        chat.new_chat()
    with qtbot.waitSignal(history.conversations_listed) as listed:
        ask(qtbot, chat, "The second conversation")
    assert history.current_uid not in ("", first)
    assert [s.title for s in listed.args[0]] == ["The second conversation", "The first conversation"]


def test_reopening_restores_messages_model_and_options_and_continues(
    qtbot, chat: ChatController, history: HistoryController, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    chat.set_options(ChatOptions("Answer in Korean.", temperature=0.2, seed=7))
    chat.set_model("gemma3:270m")
    fake.script(tokens=["네", "."])
    ask(qtbot, chat, "안녕하세요")
    saved = history.current_uid
    chat.new_chat()
    chat.set_options(ChatOptions())
    chat.set_model("llama3.1:8b")
    with qtbot.waitSignal(history.conversation_opened) as opened:
        history.open(saved)
    stored = opened.args[0]
    assert stored.record.model == "gemma3:270m"
    assert chat.conversation.options == ChatOptions("Answer in Korean.", temperature=0.2, seed=7)
    assert [m.content for m in chat.conversation.messages] == ["안녕하세요", "네."]
    assert history.current_uid == saved
    ask(qtbot, chat, "또 만나요")
    body = fake.requests_to("/api/chat")[-1].json
    assert body["messages"] == [
        {"role": "system", "content": "Answer in Korean."},
        {"role": "user", "content": "안녕하세요"},
        {"role": "assistant", "content": "네."},
        {"role": "user", "content": "또 만나요"},
    ]
    assert body["options"] == {"temperature": 0.2, "seed": 7}


def test_opening_another_chat_mid_answer_stops_it_and_keeps_it_where_it_belongs(
    qtbot, chat: ChatController, history: HistoryController, fake: FakeOllama, db: Path
) -> None:  # type: ignore[no-untyped-def]
    ask(qtbot, chat, "older chat")
    older = history.current_uid
    chat.new_chat()
    fake.script(tokens=[f" {i}" for i in range(2000)], chunk_delay=0.005)
    with qtbot.waitSignal(chat.reply_text_arrived):
        chat.send("talk a lot")
    talking = history.current_uid
    with qtbot.waitSignal(history.conversation_opened):
        history.open(older)
    settle(qtbot, history)
    store = HistoryStore(db)
    store.open()
    stopped = store.load(talking).path
    store.close()
    assert (stopped[0].content, stopped[0].status) == ("talk a lot", MessageStatus.SENT)
    assert stopped[1].status is MessageStatus.STOPPED
    assert [m.content for m in chat.conversation.messages] == [
        "older chat",
        chat.conversation.messages[1].content,
    ]


def test_regenerate_keeps_the_old_answer_as_a_version(
    qtbot, chat: ChatController, history: HistoryController, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["Old", " answer"])
    ask(qtbot, chat, "Say something")
    fake.script(tokens=["New", " answer"])
    with qtbot.waitSignal(history.forks_changed, check_params_cb=bool) as changed:
        assert chat.regenerate()
    fork = changed.args[0][0]
    assert (fork.index, fork.role, fork.position, fork.count) == (1, "assistant", 2, 2)
    assert [m.content for m in chat.conversation.messages] == ["Say something", "New answer"]
    # The question was not asked twice: the request held it once.
    assert fake.requests_to("/api/chat")[-1].json["messages"] == [
        {"role": "user", "content": "Say something"}
    ]
    with qtbot.waitSignal(history.conversation_opened):
        history.switch_version(fork.previous_uid)
    assert [m.content for m in chat.conversation.messages] == ["Say something", "Old answer"]
    assert history.forks[0].position == 1


def test_edit_and_resend_replaces_what_followed_and_keeps_it_as_a_version(
    qtbot, chat: ChatController, history: HistoryController, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    for question in ("one", "two", "three"):
        fake.script(tokens=[f"answer {question}"])
        ask(qtbot, chat, question)
    fake.script(tokens=["answer TWO"])
    with qtbot.waitSignal(history.forks_changed, check_params_cb=bool) as changed:
        assert chat.edit_question(2, "TWO")
    assert [m.content for m in chat.conversation.messages] == ["one", "answer one", "TWO", "answer TWO"]
    fork = changed.args[0][0]
    assert (fork.index, fork.role, fork.position, fork.count) == (2, "user", 2, 2)
    with qtbot.waitSignal(history.conversation_opened):
        history.switch_version(fork.previous_uid)
    assert [m.content for m in chat.conversation.messages] == [
        "one",
        "answer one",
        "two",
        "answer two",
        "three",
        "answer three",
    ]


def test_a_regenerate_that_brings_nothing_puts_the_old_answer_back(
    qtbot, chat: ChatController, history: HistoryController, fake: FakeOllama, db: Path
) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["Kept", " answer"])
    ask(qtbot, chat, "Say something")
    fake.script(status=500, body=b'{"error":"model requires more system memory (9 GiB) than is available"}')
    restored: list[str] = []
    chat.prompt_restored.connect(restored.append)
    with qtbot.waitSignal(chat.conversation_restored):
        chat.regenerate()
    settle(qtbot, history)
    assert restored == []
    assert [m.content for m in chat.conversation.messages] == ["Say something", "Kept answer"]
    assert [m.content for m in history.path] == ["Say something", "Kept answer"]
    store = HistoryStore(db)
    store.open()
    assert [m.content for m in store.load(history.current_uid).path] == ["Say something", "Kept answer"]
    store.close()


def test_an_edit_that_brings_nothing_puts_the_chat_back_and_the_text_in_the_prompt(
    qtbot, chat: ChatController, history: HistoryController, fake: FakeOllama, db: Path
) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["an answer"])
    ask(qtbot, chat, "original")
    fake.script(tokens=["late"], first_byte_delay=30)
    restored: list[str] = []
    chat.prompt_restored.connect(restored.append)
    assert chat.edit_question(0, "edited")
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/chat")) == 2)
    chat.stop()
    settle(qtbot, history)
    assert restored == ["edited"]
    assert [m.content for m in chat.conversation.messages] == ["original", "an answer"]
    assert [m.content for m in history.path] == ["original", "an answer"]
    assert ("user", "edited", "unanswered") in rows(db)


def test_rename_delete_undo_and_purge(
    qtbot, chat: ChatController, history: HistoryController, db: Path
) -> None:  # type: ignore[no-untyped-def]
    ask(qtbot, chat, "to be renamed")
    uid = history.current_uid
    with qtbot.waitSignal(history.conversations_listed) as listed:
        history.rename(uid, "  My   title ")
    assert listed.args[0][0].title == "My title"
    ask(qtbot, chat, "a second question keeps the title")
    with qtbot.waitSignal(history.conversations_listed) as listed:
        history.refresh_list()
    assert listed.args[0][0].title == "My title"

    with qtbot.waitSignal(history.conversation_deleted) as deleted:
        history.delete(uid, "My title")
    assert deleted.args == [uid, "My title"]
    assert chat.conversation.messages == []  # the chat shown was the one deleted
    with qtbot.waitSignal(history.conversations_listed) as listed:
        pass
    assert listed.args[0] == ()
    with qtbot.waitSignal(history.conversations_listed) as listed:
        history.undo_delete(uid)
    assert [s.uid for s in listed.args[0]] == [uid]
    history.delete(uid)
    history.purge(uid)
    settle(qtbot, history)
    assert rows(db) == []


def test_search_through_the_controller_shows_only_the_latest_query(
    qtbot, chat: ChatController, history: HistoryController, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["Rayleigh scattering."])
    ask(qtbot, chat, "Why is the sky blue?")
    results: list[tuple[str, Any]] = []
    history.search_finished.connect(lambda words, hits: results.append((words, hits)))
    history.search("nothing like this")
    with qtbot.waitSignal(history.search_finished):
        history.search("rayleigh")
    settle(qtbot, history)
    assert [words for words, _ in results] == ["rayleigh"]
    assert results[0][1][0].snippet == "Rayleigh scattering."


def test_export_and_import(
    qtbot, chat: ChatController, history: HistoryController, tmp_path: Path, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["**Blue**."])
    ask(qtbot, chat, "Colour of the sky?")
    markdown, exported = tmp_path / "sky.md", tmp_path / "sky.json"
    with qtbot.waitSignal(history.exported):
        history.export(history.current_uid, markdown, "markdown")
    with qtbot.waitSignal(history.exported):
        history.export(history.current_uid, exported, "json")
    assert "**Blue**." in markdown.read_text(encoding="utf-8")
    chat.new_chat()
    with qtbot.waitSignal(history.conversation_opened) as opened:
        history.import_file(exported)
    assert [m.content for m in opened.args[0].path] == ["Colour of the sky?", "**Blue**."]
    assert [m.content for m in chat.conversation.messages] == ["Colour of the sky?", "**Blue**."]

    garbage = tmp_path / "garbage.json"
    garbage.write_text("this is not a chat", encoding="utf-8")
    with qtbot.waitSignal(history.import_failed) as failed:
        history.import_file(garbage)
    assert isinstance(failed.args[1], NotAChatFile)
    with qtbot.waitSignal(history.import_failed) as failed:
        history.import_file(tmp_path / "missing.json")
    assert isinstance(failed.args[1], OSError)
    with qtbot.waitSignal(history.export_failed):
        history.export(history.current_uid, tmp_path / "no such folder" / "x.md", "markdown")


# -- a file that cannot be written ---------------------------------------------------------------------


def test_a_locked_file_is_reported_the_chat_goes_on_and_nothing_is_lost(
    qtbot, chat: ChatController, history: HistoryController, db: Path, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    ask(qtbot, chat, "before the lock")
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        fake.script(tokens=["still", " answering"])
        with qtbot.waitSignal(history.storage_failed) as failed:
            ask(qtbot, chat, "during the lock")
        assert isinstance(failed.args[0], StorageLocked)
        assert chat.conversation.messages[-1].content == "still answering"
        fake.script(tokens=["and", " again"])
        ask(qtbot, chat, "still locked")
        assert not history.saving
    finally:
        other.execute("ROLLBACK")
        other.close()
    with qtbot.waitSignal(history.storage_recovered):
        history.retry()
    settle(qtbot, history)
    assert [r[1] for r in rows(db)][-4:] == [
        "during the lock",
        "still answering",
        "still locked",
        "and again",
    ]


def test_a_read_only_file_shows_its_chats_and_the_chat_goes_on(
    qtbot, new_history, chat: ChatController, db: Path, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    writable = HistoryStore(db)
    writable.open()
    question = StoredMessage("q1", None, "user", "an old question", MessageStatus.SENT)
    writable.save(ConversationRecord("c1", "Old chat", created_at=1, updated_at=1, leaf_uid="q1"), [question])
    writable.close()
    history = new_history(ReadOnlyStore(db))
    with qtbot.waitSignals([history.storage_failed, history.conversations_listed]):
        history.start()
    try:
        assert history.available
        fake.script(tokens=["fine"])
        ask(qtbot, chat, "a new question")
        assert chat.conversation.messages[-1].content == "fine"
        with qtbot.waitSignal(history.conversation_opened):
            history.open("c1")
        assert chat.conversation.messages[0].content == "an old question"
    finally:
        chat.shutdown()
        assert history.shutdown()
    assert not history.saving
    assert rows(db, "SELECT content FROM messages") == [("an old question",)]


def test_read_only_is_reported_as_such(qtbot, new_history, chat: ChatController, db: Path) -> None:  # type: ignore[no-untyped-def]
    HistoryStore(db).open()
    history = new_history(ReadOnlyStore(db))
    with qtbot.waitSignal(history.storage_failed) as failed:
        history.start()
    assert isinstance(failed.args[0], StorageReadOnly)
    assert history.shutdown()


class FillableStore(HistoryStore):
    """A disk that fills up when the test says so."""

    def fill(self) -> None:
        conn = self._connection()
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count={pages}")

    def free(self) -> None:
        self._connection().execute("PRAGMA max_page_count=1073741823")


def test_a_full_disk_is_reported_and_saving_resumes_after_space_is_freed(
    qtbot, new_history, chat: ChatController, db: Path, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    store = FillableStore(db)
    history = make_history(qtbot, new_history(store))
    try:
        ask(qtbot, chat, "before")
        settle(qtbot, history)
        history.jobs.run(store.fill)
        fake.script(tokens=["x" * 50_000])
        with qtbot.waitSignal(history.storage_failed) as failed:
            ask(qtbot, chat, "a long answer please")
        assert isinstance(failed.args[0], StorageFull)
        assert chat.conversation.messages[-1].content == "x" * 50_000
        history.jobs.run(store.free)
        with qtbot.waitSignal(history.storage_recovered):
            history.retry()
    finally:
        chat.shutdown()
        assert history.shutdown()
    assert rows(db)[-1] == ("assistant", "x" * 50_000, "done")


def test_a_damaged_file_is_set_aside_and_saving_goes_on(
    qtbot, new_history, chat: ChatController, db: Path, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    db.parent.mkdir(parents=True)
    db.write_bytes(b"\x00garbage" * 2000)
    history = new_history(HistoryStore(db))
    with qtbot.waitSignal(history.history_reset) as reset:
        history.start()
    try:
        assert Path(reset.args[0]).read_bytes().startswith(b"\x00garbage")
        ask(qtbot, chat, "in the fresh file")
        settle(qtbot, history)
    finally:
        chat.shutdown()
        assert history.shutdown()
    assert rows(db)[0] == ("user", "in the fresh file", "sent")


def test_a_file_that_cannot_be_opened_leaves_the_chat_working(
    qtbot, new_history, chat: ChatController, tmp_path: Path, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not a folder"
    blocker.write_text("")
    history = new_history(HistoryStore(blocker / "history.sqlite3"))
    with qtbot.waitSignal(history.storage_failed) as failed:
        history.start()
    try:
        assert isinstance(failed.args[0], StorageUnavailable)
        fake.script(tokens=["works"])
        ask(qtbot, chat, "still chatting")
        assert chat.conversation.messages[-1].content == "works"
        with qtbot.waitSignal(history.search_finished) as searched:
            history.search("chatting")
        assert searched.args == ["chatting", ()]
    finally:
        chat.shutdown()
        assert history.shutdown()


def test_chats_left_while_the_file_is_locked_are_all_saved_afterwards(
    qtbot, chat: ChatController, history: HistoryController, db: Path, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    ask(qtbot, chat, "saved before")
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with qtbot.waitSignal(history.storage_failed):
            ask(qtbot, chat, "first unsaved")
        chat.new_chat()
        ask(qtbot, chat, "second unsaved")
        assert not history.saving
    finally:
        other.execute("ROLLBACK")
        other.close()
    with qtbot.waitSignal(history.storage_recovered):
        history.retry()
    settle(qtbot, history)
    questions = rows(db, "SELECT content FROM messages WHERE role='user' ORDER BY seq")
    assert [q[0] for q in questions] == ["saved before", "first unsaved", "second unsaved"]
    assert len(rows(db, "SELECT uid FROM conversations")) == 2


def test_a_file_that_opens_on_try_again_saves_what_was_said_meanwhile(
    qtbot, new_history, chat: ChatController, tmp_path: Path, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "later"
    folder.write_text("a file where the folder should be")
    history = new_history(HistoryStore(folder / "history.sqlite3"))
    with qtbot.waitSignal(history.storage_failed):
        history.start()
    try:
        ask(qtbot, chat, "said while nothing could be saved")
        folder.unlink()  # the user fixed it
        with qtbot.waitSignal(history.storage_recovered):
            history.retry()
        settle(qtbot, history)
    finally:
        chat.shutdown()
        assert history.shutdown()
    assert rows(folder / "history.sqlite3")[0] == ("user", "said while nothing could be saved", "sent")


def test_the_history_names_each_message_as_the_chat_does(
    qtbot, chat: ChatController, history: HistoryController, fake: FakeOllama, db: Path
) -> None:  # type: ignore[no-untyped-def]
    """One id per message, in the chat and in the file: the path is the chat's list, not a copy
    matched by text (two answers with the same words stay two messages)."""
    fake.script(tokens=["Same"])
    ask(qtbot, chat, "Say it")
    fake.script(tokens=["Same"])
    with qtbot.waitSignal(chat.busy_changed, check_params_cb=lambda busy: not busy):
        assert chat.regenerate()
    settle(qtbot, history)
    question, answer = chat.conversation.messages
    assert [m.uid for m in history.path] == [question.id, answer.id]
    assert [v.content for v in answer.versions] == ["Same"]
    saved = rows(db, "SELECT uid, role, status FROM messages ORDER BY seq")
    assert saved == [
        (question.id, "user", "sent"),
        (answer.versions[0].id, "assistant", "done"),
        (answer.id, "assistant", "done"),
    ]
    # Reopened, the chat gets the saved ids (and the saved state) back.
    uid = history.current_uid
    chat.new_chat()
    with qtbot.waitSignal(history.conversation_opened):
        history.open(uid)
    assert [m.id for m in chat.conversation.messages] == [question.id, answer.id]
    assert chat.conversation.messages[1].state is MessageState.DONE
