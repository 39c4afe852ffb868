"""Workers run blocking calls off the GUI thread and report by signals."""

from __future__ import annotations

import logging
import threading
import time

import pytest

from ollama_desktop.core.chat.conversation import ChatMessage, ChatRequest
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import ModelNotFound, OllamaError
from ollama_desktop.core.history.export import NotAChatFile
from ollama_desktop.core.history.store import StorageLocked
from ollama_desktop.workers import CallWorker, ChatStreamWorker, HistoryWorker, TextBuffer, WorkerPool
from tests.conftest import TEST_TIMEOUTS
from tests.fake_ollama import FakeOllama


def test_text_buffer_asks_for_one_signal_per_batch() -> None:
    buffer = TextBuffer()
    notices = [buffer.put(piece) for piece in ("a", "b", "c")]
    assert notices == [True, False, False]
    assert buffer.take() == "abc"
    assert buffer.take() == ""
    assert buffer.put("d") is True


def test_text_buffer_knows_how_long_its_oldest_text_has_waited() -> None:
    buffer = TextBuffer()
    assert buffer.waiting_since() is None
    before = time.monotonic()
    buffer.put("a")
    first = buffer.waiting_since()
    assert first is not None
    assert first >= before
    buffer.put("b")
    assert buffer.waiting_since() == first
    buffer.take()
    assert buffer.waiting_since() is None
    buffer.put("c")
    later = buffer.waiting_since()
    assert later is not None
    assert later >= first


def test_text_buffer_loses_nothing_across_threads() -> None:
    buffer = TextBuffer()
    taken: list[str] = []

    def produce() -> None:
        for i in range(20_000):
            buffer.put(f"{i},")

    producer = threading.Thread(target=produce)
    producer.start()
    while producer.is_alive():
        taken.append(buffer.take())
    producer.join()
    taken.append(buffer.take())
    assert "".join(taken) == "".join(f"{i}," for i in range(20_000))


def test_call_worker_reports_result_on_the_gui_thread(qtbot, pool: WorkerPool, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    client = OllamaClient(fake.url, TEST_TIMEOUTS)
    worker = CallWorker(client.version)
    threads: list[threading.Thread] = []
    worker.signals.succeeded.connect(lambda _v: threads.append(threading.current_thread()))
    with qtbot.waitSignal(worker.signals.succeeded) as blocker:
        pool.start(worker)
    assert blocker.args == ["0.24.0"]
    assert threads == [threading.main_thread()]


def test_call_worker_reports_errors(qtbot, pool: WorkerPool, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    client = OllamaClient(fake.url, TEST_TIMEOUTS)
    worker = CallWorker(lambda token: client.show("missing", token))
    with qtbot.waitSignal(worker.signals.failed) as blocker:
        pool.start(worker)
    assert isinstance(blocker.args[0], ModelNotFound)


def test_chat_worker_coalesces_a_fast_stream(qtbot, pool: WorkerPool, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    tokens = [f"{i} " for i in range(3000)]
    fake.script(tokens=tokens)
    request = ChatRequest("llama3.1:8b", (ChatMessage("user", "count"),))
    worker = ChatStreamWorker(OllamaClient(fake.url, TEST_TIMEOUTS), request)
    notices: list[int] = []
    received: list[str] = []

    def on_text() -> None:
        notices.append(1)
        received.append(worker.buffer.take())

    worker.signals.text_arrived.connect(on_text)
    with qtbot.waitSignal(worker.signals.succeeded, timeout=10_000) as blocker:
        pool.start(worker)
    received.append(worker.buffer.take())
    assert "".join(received) == "".join(tokens)
    assert blocker.args[0].eval_count == 3000
    # One queued call per batch, never one per token.
    assert len(notices) < len(tokens)


def test_shutdown_cancels_a_stalled_stream(qtbot, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    pool = WorkerPool()
    fake.script(tokens=["a", "b"], stall_after=1)
    request = ChatRequest("llama3.1:8b", (ChatMessage("user", "hi"),))
    worker = ChatStreamWorker(OllamaClient(fake.url, TEST_TIMEOUTS), request)
    with qtbot.waitSignal(worker.signals.first_token):
        pool.start(worker)
    assert pool.shutdown(timeout_ms=2000)
    assert fake.requests_to("/api/chat")[-1].client_hung_up.wait(5)


def test_a_one_thread_pool_runs_jobs_in_order_and_wait_lets_them_all_finish(
    qtbot, history_pool: WorkerPool
) -> None:  # type: ignore[no-untyped-def]
    """The saved history's pool: writes keep their order, and shutdown waits for the last of them."""
    gate = threading.Event()
    ran: list[int] = []
    reported: list[int] = []

    def job(number: int) -> int:
        if number == 0:
            gate.wait(5)  # holds the thread until every job is queued behind it
        ran.append(number)
        return number

    for number in range(20):
        worker = HistoryWorker(lambda number=number: job(number))  # type: ignore[misc]
        worker.signals.succeeded.connect(reported.append)
        history_pool.start(worker)
    assert history_pool.busy == 20
    gate.set()
    assert history_pool.wait(5000)  # nothing cancelled, nothing dropped from the queue
    assert ran == list(range(20))
    qtbot.waitUntil(lambda: history_pool.busy == 0)
    assert reported == list(range(20))


def test_history_jobs_report_file_troubles_and_bugs_as_they_are(
    qtbot, history_pool: WorkerPool, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    """A file's troubles reach the history controllers as failures they can explain; so does a bug,
    whose traceback is logged. Other workers still turn a bug into an OllamaError."""
    troubles: list[Exception] = [
        StorageLocked("locked"),
        PermissionError("denied"),
        NotAChatFile("not a chat"),
        TypeError("a bug"),
    ]
    failures: list[Exception] = []

    def raising(error: Exception) -> None:
        raise error

    for error in troubles:
        worker = HistoryWorker(lambda error=error: raising(error))  # type: ignore[misc]
        worker.signals.failed.connect(failures.append)
        history_pool.start(worker)
    qtbot.waitUntil(lambda: len(failures) == len(troubles))
    assert all(got is sent for got, sent in zip(failures, troubles, strict=True))
    crashes = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert [record.exc_info[1] for record in crashes if record.exc_info] == [troubles[-1]]

    plain = CallWorker(lambda _token: raising(TypeError("another bug")))
    with qtbot.waitSignal(plain.signals.failed) as failed:
        history_pool.start(plain)
    assert isinstance(failed.args[0], OllamaError)
    assert "another bug" in str(failed.args[0])
