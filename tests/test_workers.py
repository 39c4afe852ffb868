"""Workers run blocking calls off the GUI thread and report by signals."""

from __future__ import annotations

import threading
import time

from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.conversation import ChatMessage, ChatRequest
from ollama_desktop.core.errors import ModelNotFound
from ollama_desktop.workers import CallWorker, ChatStreamWorker, TextBuffer, WorkerPool
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
