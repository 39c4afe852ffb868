"""The history file as a user handles it: after a normal close the one file the README names holds
every chat; a file emptied beside its write-ahead log is kept aside with the log, and said so."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.history import HistoryController
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.history.store import HistoryStore
from ollama_desktop.ui.history.texts import history_reset_text
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS
from tests.fake_ollama import FakeOllama
from tests.processes import run_python


def read_alone(db: Path, elsewhere: Path) -> list[tuple[str, str]]:
    """Copy only `db` (no -wal, no -shm) to `elsewhere` and read its messages there."""
    elsewhere.mkdir()
    copy = shutil.copy(db, elsewhere / db.name)
    with sqlite3.connect(copy) as conn:
        return conn.execute("SELECT role, content FROM messages ORDER BY seq").fetchall()


def test_after_the_app_closes_the_history_file_alone_holds_the_chat(tmp_path: Path, fake: FakeOllama) -> None:
    fake.script(tokens=["Rayleigh", " scattering."])
    db = tmp_path / "data" / "history.sqlite3"
    result = run_python("-m", "tests.drive_history", fake.url, str(db), "Why is the sky blue?")
    assert result.returncode == 0, result.stderr
    # Closed properly: the write-ahead log was folded into the file and removed.
    assert sorted(path.name for path in db.parent.iterdir()) == ["history.sqlite3"]
    assert read_alone(db, tmp_path / "backup") == [
        ("user", "Why is the sky blue?"),
        ("assistant", "Rayleigh scattering."),
    ]


def test_shutting_the_controller_down_leaves_one_whole_file(
    qtbot, pool: WorkerPool, history_pool: WorkerPool, fake: FakeOllama, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    client = OllamaClient(fake.url, TEST_TIMEOUTS)
    chat = ChatController(pool, lambda: client)
    chat.set_model("llama3.1:8b")
    db = tmp_path / "data" / "history.sqlite3"
    history = HistoryController(chat, HistoryStore(db), history_pool)
    with qtbot.waitSignal(history.conversations_listed):
        history.start()
    fake.script(tokens=["Hi", " there"])
    with qtbot.waitSignal(chat.busy_changed, check_params_cb=lambda busy: not busy, timeout=10_000):
        assert chat.send("hello")
    chat.shutdown()
    assert history.shutdown()
    assert not db.with_name("history.sqlite3-wal").exists()
    assert read_alone(db, tmp_path / "backup") == [("user", "hello"), ("assistant", "Hi there")]


def test_an_emptied_file_beside_its_log_is_kept_aside_and_the_user_told(
    qtbot, pool: WorkerPool, history_pool: WorkerPool, fake: FakeOllama, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "data" / "history.sqlite3"
    # A crash leaves the chats in the log; then the file itself is emptied (a bad copy, a truncation).
    live = HistoryStore(db)
    live.open()
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA wal_autocheckpoint=0")
    with connection:
        connection.execute("CREATE TABLE IF NOT EXISTS probe(x)")
    log = db.with_name("history.sqlite3-wal").read_bytes()
    connection.close()
    live.close()
    db.write_bytes(b"")
    db.with_name("history.sqlite3-wal").write_bytes(log)

    client = OllamaClient(fake.url, TEST_TIMEOUTS)
    chat = ChatController(pool, lambda: client)
    history = HistoryController(chat, HistoryStore(db), history_pool)
    with qtbot.waitSignal(history.history_reset) as reset:
        history.start()
    try:
        kept = Path(reset.args[0])
        assert kept.name.startswith("history.damaged-")
        assert kept.read_bytes() == b""
        assert kept.with_name(kept.name + "-wal").read_bytes() == log  # not overwritten: kept with it
        assert kept.name in history_reset_text(str(kept))
        qtbot.waitUntil(lambda: history.available)
    finally:
        chat.shutdown()
        assert history.shutdown()
