"""The app finds Ollama, notices when it goes away, and recovers by itself."""

from __future__ import annotations

from ollama_desktop.controllers.connection import ConnectionController, State
from ollama_desktop.core.errors import ServerUnreachable
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS, sample_models
from tests.fake_ollama import FakeOllama


def make(pool: WorkerPool, host: str) -> ConnectionController:
    return ConnectionController(pool, host, timeouts=TEST_TIMEOUTS, retry_ms=50, recheck_ms=50)


def test_connects_and_loads_models(qtbot, pool: WorkerPool, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    controller = make(pool, fake.url)
    with qtbot.waitSignal(controller.models_loaded) as blocker:
        controller.start()
    assert [m.name for m in blocker.args[0]] == ["llama3.1:8b", "gemma3:270m"]
    assert controller.status.state is State.CONNECTED
    assert controller.status.version == "0.24.0"
    controller.stop()


def test_server_absent_then_appearing_then_dying(qtbot, pool: WorkerPool) -> None:  # type: ignore[no-untyped-def]
    server = FakeOllama(sample_models()).start()
    port, url = server.port, server.url
    server.stop()
    controller = make(pool, url)
    controller.start()
    qtbot.waitUntil(lambda: controller.status.state is State.UNREACHABLE)
    assert isinstance(controller.status.error, ServerUnreachable)

    revived = FakeOllama(sample_models(), port=port).start()
    try:
        with qtbot.waitSignal(controller.models_loaded, timeout=5000):
            pass
        assert controller.status.state is State.CONNECTED
        assert len(controller.models) == 2
    finally:
        revived.stop()
    qtbot.waitUntil(lambda: controller.status.state is State.UNREACHABLE)
    controller.stop()


def test_checks_never_stack_behind_a_slow_server(qtbot, pool: WorkerPool, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.hang_routes.add("/api/version")
    controller = make(pool, fake.url)
    controller.start()
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/version")) == 1)
    for _ in range(20):
        controller.check_now()
    assert pool.busy == 1  # one pending check; the other twenty were not started
    controller.stop()


def test_set_host_switches_server(qtbot, pool: WorkerPool, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    other = FakeOllama(sample_models()[:1], version="0.30.1").start()
    try:
        controller = make(pool, fake.url)
        with qtbot.waitSignal(controller.models_loaded):
            controller.start()
        with qtbot.waitSignal(controller.models_loaded, check_params_cb=lambda models: len(models) == 1):
            controller.set_host(other.url)
        assert controller.status.version == "0.30.1"
        assert controller.client.host == other.url
        controller.stop()
    finally:
        other.stop()
