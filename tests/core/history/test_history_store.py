"""The conversations file, without Qt: saving, reopening, versions, search, crashes and bad disks."""

from __future__ import annotations

import doctest
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from ollama_desktop.core.chat.conversation import ChatOptions
from ollama_desktop.core.history import errors as history_errors
from ollama_desktop.core.history import export as chat_export
from ollama_desktop.core.history import records as history_records
from ollama_desktop.core.history import search as history_search
from ollama_desktop.core.history import store as history_store
from ollama_desktop.core.history.export import MarkdownLabels, NotAChatFile, from_json, to_json, to_markdown
from ollama_desktop.core.history.store import (
    SCHEMA_VERSION,
    ConversationRecord,
    HistoryStore,
    MessageStatus,
    StorageFull,
    StorageLocked,
    StorageReadOnly,
    StorageTooNew,
    StorageUnavailable,
    StoredMessage,
    new_uid,
)
from ollama_desktop.core.responses import ReplyStats


class Clock:
    """A clock that moves one second per reading, so "newest first" is never a tie."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        self.now += 1
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> HistoryStore:
    opened = HistoryStore(tmp_path / "data" / "history.sqlite3", busy_timeout_s=0.1, now=clock)
    opened.open()
    yield opened
    opened.close()


def question(
    text: str, parent: str | None = None, status: MessageStatus = MessageStatus.SENT
) -> StoredMessage:
    return StoredMessage(new_uid(), parent, "user", text, status, created_at=1.0)


def answer(
    text: str, parent: str, status: MessageStatus = MessageStatus.DONE, model: str = "llama3.1:8b"
) -> StoredMessage:
    return StoredMessage(new_uid(), parent, "assistant", text, status, model, 2.0)


def chat(store: HistoryStore, clock: Clock, *pairs: tuple[str, str], title: str = "") -> ConversationRecord:
    """Save a conversation of (question, answer) pairs; its record."""
    messages: list[StoredMessage] = []
    parent = None
    for asked, answered in pairs:
        q = question(asked, parent)
        a = answer(answered, q.uid)
        messages += [q, a]
        parent = a.uid
    stamp = clock()
    record = ConversationRecord(
        new_uid(),
        title or pairs[0][0],
        model="llama3.1:8b",
        created_at=stamp,
        updated_at=stamp,
        leaf_uid=parent,
    )
    store.save(record, messages)
    return record


def test_doctests() -> None:
    for module in (history_errors, history_records, history_search, chat_export):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.attempted > 0
        assert result.failed == 0


def test_a_new_file_is_created_in_wal_mode_at_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "new folder" / "history.sqlite3"
    store = HistoryStore(path)
    assert not path.exists()  # the constructor does no I/O
    report = store.open()
    store.close()
    assert report.full_text_search
    assert report.damaged_copy is None
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_conversation_comes_back_as_it_was_saved(store: HistoryStore) -> None:
    options = ChatOptions("Answer in Korean.", temperature=0.2, num_predict=64, num_ctx=8192, seed=7)
    q = question("안녕하세요")
    stats = ReplyStats("stop", 10, 1, 5, 2, 40, 1_000_000_000)
    a = StoredMessage(new_uid(), q.uid, "assistant", "안녕!", MessageStatus.DONE, "gemma3:270m", 2.0, stats)
    record = ConversationRecord(
        new_uid(),
        "Greeting",
        model="gemma3:270m",
        options=options,
        created_at=1,
        updated_at=2,
        leaf_uid=a.uid,
    )
    store.save(record, [q, a])
    loaded = store.load(record.uid)
    assert loaded.record == record
    assert loaded.path == (q, a)
    assert loaded.versions == ((q.uid,), (a.uid,))


def test_saving_the_same_state_again_changes_nothing(store: HistoryStore, clock: Clock) -> None:
    record = chat(store, clock, ("one", "two"))
    loaded = store.load(record.uid)
    store.save(loaded.record, loaded.path)
    store.save(loaded.record, loaded.path)
    assert store.load(record.uid) == loaded
    assert store.message_count() == 2
    assert len(store.search("two")) == 1


def test_the_list_is_newest_first_and_hides_deleted_chats(store: HistoryStore, clock: Clock) -> None:
    first = chat(store, clock, ("first question", "a"))
    second = chat(store, clock, ("second question", "b"))
    assert [s.uid for s in store.list_conversations()] == [second.uid, first.uid]
    store.delete(second.uid)
    assert [s.uid for s in store.list_conversations()] == [first.uid]
    assert store.search("second") == ()
    store.undelete(second.uid)
    assert [s.uid for s in store.list_conversations()] == [second.uid, first.uid]
    store.delete(second.uid)
    assert store.purge() == 1
    store.undelete(second.uid)
    assert [s.uid for s in store.list_conversations()] == [first.uid]
    assert store.message_count() == 2


def test_rename_keeps_the_users_title(store: HistoryStore, clock: Clock) -> None:
    record = chat(store, clock, ("what is two plus two", "four"))
    store.rename(record.uid, "  Sums  ")
    loaded = store.load(record.uid).record
    assert (loaded.title, loaded.title_edited) == ("Sums", True)
    assert store.search("sums")[0].summary.uid == record.uid


def test_search_finds_words_in_any_message_and_in_titles(store: HistoryStore, clock: Clock) -> None:
    sky = chat(store, clock, ("Why is the sky blue?", "Rayleigh scattering of sunlight."))
    soup = chat(store, clock, ("A recipe for soup", "Boil water, add vegetables."), title="Dinner")
    korean = chat(store, clock, ("서울의 날씨는?", "오늘 서울은 맑습니다."))
    chinese = chat(store, clock, ("今天天气怎么样", "天气很好"))
    assert [hit.summary.uid for hit in store.search("rayleigh")] == [sky.uid]
    assert [hit.summary.uid for hit in store.search("SKY scattering")] == []  # both words in one message
    assert [hit.summary.uid for hit in store.search("sky blue")] == [sky.uid]
    assert [hit.summary.uid for hit in store.search("dinner")] == [soup.uid]  # the title
    assert [hit.summary.uid for hit in store.search("water")] == [soup.uid]
    assert [hit.summary.uid for hit in store.search("서울")] == [korean.uid]  # two characters: LIKE
    assert [hit.summary.uid for hit in store.search("天气很")] == [chinese.uid]  # three: the index
    assert [hit.summary.uid for hit in store.search("天气")] == [chinese.uid]
    assert store.search("50%") == ()  # LIKE's wildcards are plain characters here
    assert store.search("   ") == ()
    hit = store.search("vegetables")[0]
    assert "vegetables" in hit.snippet


def test_search_without_the_full_text_index_gives_the_same_answers(store: HistoryStore, clock: Clock) -> None:
    chat(store, clock, ("Why is the sky blue?", "Rayleigh scattering of sunlight."))
    chat(store, clock, ("서울의 날씨는?", "오늘 서울은 맑습니다."))
    with_index = [store.search(text) for text in ("rayleigh", "sky blue", "서울", "맑습니다")]
    store._fts = False  # as on a SQLite built without FTS5
    assert [store.search(text) for text in ("rayleigh", "sky blue", "서울", "맑습니다")] == with_index


def test_an_answer_still_streaming_is_searchable_once_it_ends(store: HistoryStore, clock: Clock) -> None:
    q = question("tell me about otters")
    streaming = answer("Otters are", q.uid, MessageStatus.STREAMING)
    record = ConversationRecord(new_uid(), "otters", created_at=1, updated_at=1, leaf_uid=streaming.uid)
    store.save(record, [q, streaming])
    assert store.search("otters are") == ()
    store.save(record, [StoredMessage(**{**streaming.__dict__, "content": "Otters are playful."})])
    assert store.search("otters are") == ()
    finished = StoredMessage(**{**streaming.__dict__, "content": "Otters are playful.", "status": "stopped"})
    store.save(record, [finished])
    assert store.search("playful")[0].snippet == "Otters are playful."
    conn = store._connection()
    conn.execute("INSERT INTO message_index(message_index) VALUES ('integrity-check')")


def test_versions_of_an_answer_and_switching_between_them(store: HistoryStore, clock: Clock) -> None:
    record = chat(store, clock, ("first", "answer one"), ("second", "old answer"))
    path = store.load(record.uid).path
    regenerated = answer("new answer", path[2].uid)
    store.save(ConversationRecord(**{**record.__dict__, "leaf_uid": regenerated.uid}), [regenerated])
    loaded = store.load(record.uid)
    assert [m.content for m in loaded.path] == ["first", "answer one", "second", "new answer"]
    assert loaded.versions[3] == (path[3].uid, regenerated.uid)
    back = store.switch_version(record.uid, path[3].uid)
    assert back.path[-1].content == "old answer"


def test_switching_to_an_edited_question_follows_its_latest_continuation(
    store: HistoryStore, clock: Clock
) -> None:
    record = chat(store, clock, ("first", "one"), ("second", "two"), ("third", "three"))
    old = store.load(record.uid).path
    edited = question("second, edited", old[1].uid)
    reply = answer("two again", edited.uid)
    store.save(ConversationRecord(**{**record.__dict__, "leaf_uid": reply.uid}), [edited, reply])
    assert [m.content for m in store.load(record.uid).path] == ["first", "one", "second, edited", "two again"]
    back = store.switch_version(record.uid, old[2].uid)
    assert [m.content for m in back.path] == ["first", "one", "second", "two", "third", "three"]
    assert back.versions[2] == (old[2].uid, edited.uid)


def test_after_a_crash_answers_are_marked_and_unanswered_questions_come_back(
    tmp_path: Path, clock: Clock
) -> None:
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path, now=clock)
    store.open()
    q1 = question("first")
    partial = answer("half an ans", q1.uid, MessageStatus.STREAMING)
    cut = ConversationRecord(new_uid(), "cut", created_at=1, updated_at=1, leaf_uid=partial.uid)
    q2 = question("no answer yet")
    waiting = ConversationRecord(new_uid(), "waiting", created_at=1, updated_at=2, leaf_uid=q2.uid)
    store.save(cut, [q1, partial])
    store.save(waiting, [q2])
    store.close()  # as if killed: nothing else was written

    report = HistoryStore(path, now=clock).open()
    assert (report.interrupted_answers, report.restored_questions) == (1, 1)
    store = HistoryStore(path, now=clock)
    store.open()
    assert store.load(cut.uid).path[-1].status is MessageStatus.INTERRUPTED
    assert store.load(cut.uid).path[-1].content == "half an ans"
    reopened = store.load(waiting.uid)
    assert reopened.path == ()
    assert reopened.record.draft == "no answer yet"
    assert reopened.messages[0].status is MessageStatus.UNANSWERED
    assert store.search("no answer yet")[0].summary.uid == waiting.uid  # kept, and found
    store.close()


# -- bad disks ---------------------------------------------------------------------------------------


def test_a_locked_database_is_reported_not_waited_for_forever(store: HistoryStore, clock: Clock) -> None:
    record = chat(store, clock, ("q", "a"))
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageLocked):
            store.save(record, [question("more", None)])
        # Reading still works while another program writes (WAL).
        assert store.list_conversations()[0].uid == record.uid
    finally:
        other.execute("ROLLBACK")
        other.close()
    store.save(record, [question("more", None)])


class ReadOnlyStore(HistoryStore):
    def _configure(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA query_only=1")


def test_a_read_only_database_can_be_read_but_not_written(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "history.sqlite3"
    writable = HistoryStore(path, now=clock)
    writable.open()
    record = chat(writable, clock, ("kept", "yes"))
    writable.close()
    store = ReadOnlyStore(path, now=clock)
    assert store.open().read_only
    assert store.list_conversations()[0].uid == record.uid
    assert store.search("kept")[0].summary.uid == record.uid
    with pytest.raises(StorageReadOnly):
        store.rename(record.uid, "new")
    store.close()


def test_a_read_only_new_database_cannot_be_created(tmp_path: Path) -> None:
    with pytest.raises(StorageReadOnly):
        ReadOnlyStore(tmp_path / "history.sqlite3").open()


def test_a_full_disk_is_reported(store: HistoryStore, clock: Clock) -> None:
    record = chat(store, clock, ("q", "a"))
    conn = store._connection()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count={pages}")
    with pytest.raises(StorageFull):
        store.save(record, [answer("x" * 200_000, record.leaf_uid or "")])
    # The failed transaction left the file as it was.
    assert [m.content for m in store.load(record.uid).path] == ["q", "a"]


def test_a_damaged_file_is_moved_aside_and_a_fresh_one_started(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database, it is a shopping list" * 100)
    store = HistoryStore(path, now=clock)
    report = store.open()
    assert report.damaged_copy is not None
    assert report.damaged_copy.read_bytes().startswith(b"this is not a database")
    assert store.list_conversations() == ()
    chat(store, clock, ("fresh", "start"))
    store.close()


def test_a_file_damaged_inside_is_moved_aside(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path, now=clock)
    store.open()
    for i in range(200):
        chat(store, clock, (f"question {i} " * 20, f"answer {i} " * 50))
    store._connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3 : page * 6] = b"\xff" * (page * 3)  # scribble over b-tree pages
    path.write_bytes(bytes(data))
    report = HistoryStore(path, now=clock).open()
    assert report.damaged_copy is not None


def test_a_folder_that_cannot_be_created_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageUnavailable):
        HistoryStore(blocker / "history.sqlite3").open()
    with pytest.raises(StorageUnavailable):
        HistoryStore(blocker / "history.sqlite3").list_conversations()  # never opened


def test_a_file_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(StorageTooNew):
        HistoryStore(path).open()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1


# -- migrations --------------------------------------------------------------------------------------


def test_a_file_from_the_first_release_is_upgraded_keeping_its_chats(
    tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path, now=clock)
    store.open()
    record = chat(store, clock, ("keep me", "kept"))
    store.close()
    later = [*history_store.MIGRATIONS, ("ALTER TABLE conversations ADD COLUMN pinned INTEGER DEFAULT 0",)]
    monkeypatch.setattr(history_store, "MIGRATIONS", later)
    store = HistoryStore(path, now=clock)
    store.open()
    assert [m.content for m in store.load(record.uid).path] == ["keep me", "kept"]
    store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(later)
        assert conn.execute("SELECT pinned FROM conversations").fetchone() == (0,)


def test_a_migration_that_fails_leaves_the_file_as_it_was(
    tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path, now=clock)
    store.open()
    chat(store, clock, ("keep me", "kept"))
    store.close()
    broken = [*history_store.MIGRATIONS, ("ALTER TABLE conversations ADD COLUMN x", "THIS IS NOT SQL")]
    monkeypatch.setattr(history_store, "MIGRATIONS", broken)
    with pytest.raises(StorageUnavailable):
        HistoryStore(path, now=clock).open()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = [row[1] for row in conn.execute("PRAGMA table_info(conversations)")]
        assert "x" not in columns


def test_writes_from_another_thread_are_serialised_by_the_caller(store: HistoryStore, clock: Clock) -> None:
    # The app uses one thread at a time; the connection itself may move between pool threads.
    errors: list[BaseException] = []

    def work() -> None:
        try:
            chat(store, clock, ("from a thread", "fine"))
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert errors == []
    assert store.search("from a thread")


# -- export and import -------------------------------------------------------------------------------


def test_markdown_export_reads_like_the_chat(store: HistoryStore, clock: Clock) -> None:
    record = chat(store, clock, ("Why is the sky blue?", "Because of **Rayleigh** scattering."))
    options = ChatOptions("Answer briefly.", temperature=0.3)
    store.save(ConversationRecord(**{**record.__dict__, "options": options}))
    text = to_markdown(store.load(record.uid), MarkdownLabels(you="Vous", assistant="Assistant"))
    assert text.startswith("# Why is the sky blue?\n")
    assert "- **Model:** llama3.1:8b" in text
    assert "- **Options:** temperature = 0.3" in text
    assert "## System prompt\n\nAnswer briefly.\n" in text
    assert "## Vous\n\nWhy is the sky blue?\n" in text
    assert "## Assistant (llama3.1:8b)\n\nBecause of **Rayleigh** scattering.\n" in text


def test_json_export_imports_back_with_every_version(store: HistoryStore, clock: Clock) -> None:
    record = chat(store, clock, ("first", "one"), ("second", "old"))
    path = store.load(record.uid).path
    newer = answer("new", path[2].uid, MessageStatus.STOPPED)
    options = ChatOptions("Be brief.", seed=3)
    store.save(ConversationRecord(**{**record.__dict__, "leaf_uid": newer.uid, "options": options}), [newer])
    original = store.load(record.uid)

    imported_record, messages = from_json(to_json(original))
    summary = store.import_conversation(imported_record, messages)
    copy = store.load(summary.uid)
    assert summary.uid != record.uid
    assert copy.record.options == options
    assert copy.record.title == original.record.title
    assert [(m.role, m.content, m.status) for m in copy.path] == [
        (m.role, m.content, m.status) for m in original.path
    ]
    assert [len(v) for v in copy.versions] == [1, 1, 1, 2]
    assert {m.uid for m in copy.messages}.isdisjoint({m.uid for m in original.messages})
    # Importing the same file twice makes two separate copies.
    again = store.import_conversation(*from_json(to_json(original)))
    assert again.uid != summary.uid


def test_a_plain_list_of_ollama_messages_imports(store: HistoryStore) -> None:
    text = """[{"role": "system", "content": "ignored"}, {"role": "user", "content": "hi"},
               {"role": "assistant", "content": "hello"}, {"role": "user", "content": "bye"}]"""
    summary = store.import_conversation(*from_json(text))
    loaded = store.load(summary.uid)
    assert [m.content for m in loaded.path] == ["hi", "hello", "bye"]
    assert loaded.record.title == "hi"


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "{}",
        '{"messages": []}',
        '{"messages": [{"role": "user"}]}',
        '{"messages": [{"role": "robot", "content": "x"}]}',
        '{"format": "something-else", "messages": [{"role": "user", "content": "x"}]}',
        '{"version": 99, "messages": [{"role": "user", "content": "x"}]}',
        "[1, 2, 3]",
    ],
)
def test_files_that_are_not_chats_are_refused(text: str) -> None:
    with pytest.raises(NotAChatFile):
        from_json(text)


# -- one whole file after a normal close; a log kept with its damaged file -------------------------


def test_after_closing_the_one_file_holds_every_chat(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "data" / "history.sqlite3"
    store = HistoryStore(path, now=clock)
    store.open()
    saved = chat(store, clock, ("Why is the sky blue?", "Rayleigh scattering."))
    store.close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["history.sqlite3"]
    # Copied alone, as the README tells users to back it up.
    copy = tmp_path / "backup" / "history.sqlite3"
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())
    reopened = HistoryStore(copy, now=clock)
    reopened.open()
    assert [m.content for m in reopened.load(saved.uid).path] == [
        "Why is the sky blue?",
        "Rayleigh scattering.",
    ]
    reopened.close()


def crashed_with_a_log(tmp_path: Path, clock: Clock) -> tuple[bytes, bytes]:
    """The file and its write-ahead log as a crash leaves them (the chats only in the log)."""
    path = tmp_path / "live" / "history.sqlite3"
    store = HistoryStore(path, now=clock)
    store.open()
    chat(store, clock, ("kept in the log", "only there"))
    snapshot = path.read_bytes(), path.with_name("history.sqlite3-wal").read_bytes()
    store.close()
    assert b"kept in the log" in snapshot[1]
    return snapshot


@pytest.mark.parametrize("left", [0, 1, 50, None], ids=["emptied", "one-byte", "no-header", "deleted"])
def test_a_log_whose_file_was_emptied_is_kept_aside_with_it(
    tmp_path: Path, clock: Clock, left: int | None
) -> None:
    main, log = crashed_with_a_log(tmp_path, clock)
    path = tmp_path / "data" / "history.sqlite3"
    path.parent.mkdir()
    if left is not None:
        path.write_bytes(main[:left])
    path.with_name("history.sqlite3-wal").write_bytes(log)
    store = HistoryStore(path, now=clock)
    report = store.open()
    # SQLite would have taken the short file for a new database and deleted the log, chats and all.
    assert report.damaged_copy is not None
    kept_log = report.damaged_copy.with_name(report.damaged_copy.name.removesuffix("-wal") + "-wal")
    assert kept_log.read_bytes() == log
    if left is not None:
        assert report.damaged_copy.read_bytes() == main[:left]
        assert report.damaged_copy.name.startswith("history.damaged-")
    assert store.list_conversations() == ()  # a fresh start
    store.close()


def test_a_garbled_file_whose_log_holds_its_pages_opens_with_its_chats(tmp_path: Path, clock: Clock) -> None:
    _main, log = crashed_with_a_log(tmp_path, clock)
    path = tmp_path / "data" / "history.sqlite3"
    path.parent.mkdir()
    path.write_bytes(b"this is not a database" * 300)
    path.with_name("history.sqlite3-wal").write_bytes(log)
    store = HistoryStore(path, now=clock)
    report = store.open()
    # The log holds every page the file had (newer ones override it): SQLite reads them from there.
    assert report.damaged_copy is None
    assert [c.title for c in store.list_conversations()] == ["kept in the log"]
    store.close()


def test_a_folder_that_cannot_be_made_says_which(tmp_path: Path) -> None:
    blocker = tmp_path / "Ollama Desktop"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(history_store.StorageFolderUnusable) as raised:
        HistoryStore(blocker / "Ollama Desktop" / "history.sqlite3").open()
    assert raised.value.folder == blocker / "Ollama Desktop"
    assert blocker.read_text() == "a file where the folder should be"  # left alone


def test_a_folder_that_may_not_be_read_says_which(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000 on the folder (the tests run as root, whom no mode stops: its refusal is played)."""
    store = HistoryStore(tmp_path / "data" / "history.sqlite3")
    (tmp_path / "data").mkdir()
    real_stat = Path.stat

    def refused(path: Path, *args: Any, **kwargs: Any) -> Any:
        if path == store.path:
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", refused)
    with pytest.raises(history_store.StorageFolderUnusable) as raised:
        store.open()
    assert raised.value.folder == tmp_path / "data"
