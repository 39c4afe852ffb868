"""The app finds Ollama, notices when it goes away, and recovers by itself."""

from __future__ import annotations

from ollama_desktop.controllers.connection import ConnectionController, State
from ollama_desktop.core.errors import NotOllama, ServerUnreachable
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS, sample_models
from tests.fake_ollama import FakeModel, FakeOllama, RawAnswer


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


def test_a_failure_during_a_check_is_checked_again(qtbot, pool: WorkerPool, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    # No routine recheck within the test: only the doubt can ask a second time.
    controller = ConnectionController(pool, fake.url, timeouts=TEST_TIMEOUTS, recheck_ms=600_000)
    with qtbot.waitSignal(controller.models_loaded):
        controller.start()
    fake.route_delay["/api/version"] = 0.3
    asked = len(fake.requests_to("/api/version"))
    controller.check_now()
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/version")) == asked + 1)
    # /api/ps failed meanwhile: the check on its way may have been answered before the failure.
    controller.doubt(ServerUnreachable("connection refused"))
    assert len(fake.requests_to("/api/version")) == asked + 1  # never two at once
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/version")) == asked + 2, timeout=5000)
    first, second = fake.requests_to("/api/version")[-2:]
    assert first.ended is not None
    assert second.started >= first.ended
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


def test_something_else_answering_is_not_unreachable(qtbot, pool: WorkerPool, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.route_answer["/api/version"] = RawAnswer(
        200, [("Content-Type", "text/html")], b"<html>Router</html>"
    )
    controller = make(pool, fake.url)
    controller.start()
    qtbot.waitUntil(lambda: controller.status.state is State.NOT_OLLAMA)
    assert isinstance(controller.status.error, NotOllama)
    controller.stop()


def test_a_failing_model_list_is_a_problem_until_it_comes(qtbot, pool: WorkerPool, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    """The version answers, the list does not: not "Connected" with no models (issue 16)."""
    fake.route_answer["/api/tags"] = RawAnswer(200, [], b"<html>not a list</html>")
    controller = make(pool, fake.url)
    controller.start()
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/tags")) >= 3)  # retried, each time after a version
    assert controller.status.state is State.NOT_OLLAMA
    assert len(fake.requests_to("/api/version")) >= 3
    del fake.route_answer["/api/tags"]
    with qtbot.waitSignal(controller.models_loaded, timeout=5000):
        pass
    assert controller.status.state is State.CONNECTED
    assert controller.status.version == "0.24.0"
    controller.stop()


def test_the_list_is_announced_only_when_it_changed(qtbot, pool: WorkerPool, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    """With thousands of models every redraw costs: a refresh that finds the same list is silent."""
    controller = make(pool, fake.url)
    with qtbot.waitSignal(controller.models_loaded):
        controller.start()
    announced: list[tuple[object, ...]] = []
    controller.models_loaded.connect(announced.append)
    read = len(fake.requests_to("/api/tags"))
    controller.refresh_models()
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/tags")) > read)
    assert fake.requests_to("/api/tags")[-1].finished.wait(5)  # answered with the same list
    fake.add_model(FakeModel("phi4:14b", 9_100_000_000, "14.7B"))  # a terminal pull
    with qtbot.waitSignal(controller.models_loaded):
        controller.refresh_models()
    assert [len(models) for models in announced] == [3]
    # Pulled again: same names, new digest date; that is a change too.
    fake.add_model(FakeModel("phi4:14b", 9_100_000_000, "14.7B"))
    with qtbot.waitSignal(controller.models_loaded) as blocker:
        controller.refresh_models()
    assert [m.name for m in blocker.args[0]] == [m.name for m in controller.models]
    assert len(announced) == 2
    controller.stop()


def test_a_refresh_asked_during_one_reads_again_after_it(qtbot, pool: WorkerPool, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    controller = make(pool, fake.url)
    with qtbot.waitSignal(controller.models_loaded):
        controller.start()
    fake.route_delay["/api/tags"] = 0.3
    read = len(fake.requests_to("/api/tags"))
    controller.refresh_models()
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/tags")) > read)
    fake.add_model(FakeModel("phi4:14b", 9_100_000_000, "14.7B"))  # after the list on its way was read
    controller.refresh_models()  # F5 now: not lost behind the one in flight
    assert len(fake.requests_to("/api/tags")) == read + 1  # never two at once
    with qtbot.waitSignal(controller.models_loaded, timeout=5000) as blocker:
        pass
    assert blocker.args[0][0].name == "phi4:14b"
    # Read once more after the one in flight (whose answer may predate the change).
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/tags")) == read + 2)
    controller.stop()


def test_a_routine_recheck_during_a_read_reads_once(qtbot, pool: WorkerPool, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    controller = make(pool, fake.url)
    with qtbot.waitSignal(controller.models_loaded):
        controller.start()
    fake.route_delay["/api/tags"] = 0.3
    read = len(fake.requests_to("/api/tags"))
    controller.recheck_models()  # the Models window opens...
    controller.recheck_models()  # ...and the app comes to the front: the read on its way will do
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/tags")) == read + 1)
    fake.route_delay.clear()
    qtbot.waitUntil(lambda: fake.requests_to("/api/tags")[-1].ended is not None)
    controller.check_now()  # a round trip after it: no second read was queued meanwhile
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/version")) >= 2)
    assert len(fake.requests_to("/api/tags")) == read + 1
    controller.stop()


def test_a_watched_list_is_read_again_regularly(qtbot, pool: WorkerPool, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    controller = ConnectionController(pool, fake.url, timeouts=TEST_TIMEOUTS, models_ms=50)
    with qtbot.waitSignal(controller.models_loaded):
        controller.start()
    controller.watch_models(True)
    assert controller.watching_models
    fake.add_model(FakeModel("phi4:14b", 9_100_000_000, "14.7B"))
    with qtbot.waitSignal(controller.models_loaded, timeout=5000):
        pass
    fake.remove_model("phi4:14b")
    with qtbot.waitSignal(controller.models_loaded, timeout=5000) as blocker:
        pass
    assert [m.name for m in blocker.args[0]] == ["llama3.1:8b", "gemma3:270m"]
    controller.watch_models(False)
    assert not controller.watching_models
    controller.pause()  # the window is hidden: no reading either when watched
    controller.watch_models(True)
    assert not controller.watching_models
    controller.stop()
