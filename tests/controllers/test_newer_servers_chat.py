"""The chat against newer and older servers (issue #19 items 4-6): think levels as chosen, a bool
for an old server, "max" from 0.22, GPT-OSS without Off, capabilities from /api/tags from 0.30,
and /api/status asked once per connection."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.core.chat.conversation import ChatOptions
from ollama_desktop.core.chat.thinking import HIGH, LOW, MAX, MEDIUM
from ollama_desktop.core.errors import CloudSignInRequired
from ollama_desktop.ui.chat.options_dialog import ChatOptionsDialog
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS, THINKER, sample_models
from tests.fake_ollama import FakeModel, FakeOllama

GPT_OSS = FakeModel(
    "gpt-oss:20b",
    13_780_173_839,
    "20.9B",
    "MXFP4",
    "gptoss",
    ("completion", "thinking", "tools"),
    think_levels_only=True,
)
CLOUD = FakeModel(
    "gpt-oss:120b-cloud",
    384,
    family="gptoss",
    capabilities=("completion", "thinking"),
    think_levels_only=True,
    remote_host="https://ollama.com:443",
)


def _connected(qtbot, pool: WorkerPool, fake: FakeOllama) -> tuple[ConnectionController, ChatController]:  # type: ignore[no-untyped-def]
    """A connection and a chat wired as the window wires them, connected to `fake`."""
    connection = ConnectionController(pool, fake.url, timeouts=TEST_TIMEOUTS, retry_ms=50)
    chat = ChatController(pool, lambda: connection.client)
    connection.status_changed.connect(chat.learn_server)
    connection.models_loaded.connect(chat.learn_models)
    with qtbot.waitSignal(connection.models_loaded):
        connection.start()
    return connection, chat


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[FakeOllama]:
    fake = FakeOllama([*sample_models(), THINKER, GPT_OSS, CLOUD], version=request.param).start()
    try:
        yield fake
    finally:
        fake.stop()


def _choose(qtbot, chat: ChatController, model: str) -> None:  # type: ignore[no-untyped-def]
    if chat.capabilities(model) is None:
        with qtbot.waitSignal(chat.capabilities_loaded):
            chat.set_model(model)
    else:
        chat.set_model(model)


def _sent_think(qtbot, chat: ChatController, fake: FakeOllama, think: object) -> object:  # type: ignore[no-untyped-def]
    chat.set_options(ChatOptions(think=think))  # type: ignore[arg-type]
    with qtbot.waitSignal(chat.reply_finished):
        assert chat.send("Why?")
    return fake.requests_to("/api/chat")[-1].json.get("think", "absent")


@pytest.mark.parametrize("server", ["0.24.0"], indirect=True)
def test_levels_are_sent_as_chosen(qtbot, pool: WorkerPool, server: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    connection, chat = _connected(qtbot, pool, server)
    _choose(qtbot, chat, THINKER.name)
    for level in (LOW, MEDIUM, HIGH, MAX):
        assert _sent_think(qtbot, chat, server, level) == level
    assert _sent_think(qtbot, chat, server, False) is False
    assert _sent_think(qtbot, chat, server, None) == "absent"
    connection.stop()


@pytest.mark.parametrize("server", ["0.21.0"], indirect=True)
def test_max_becomes_high_before_0_22(qtbot, pool: WorkerPool, server: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    connection, chat = _connected(qtbot, pool, server)
    _choose(qtbot, chat, THINKER.name)
    assert MAX not in chat.think_support(THINKER.name).choices()
    assert _sent_think(qtbot, chat, server, MAX) == HIGH  # "max" would be a 400 here
    connection.stop()


@pytest.mark.parametrize("server", ["0.9.0"], indirect=True)
def test_an_old_server_gets_a_bool(qtbot, pool: WorkerPool, server: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    connection, chat = _connected(qtbot, pool, server)
    _choose(qtbot, chat, THINKER.name)
    assert chat.think_support(THINKER.name).choices() == (None, True, False)
    assert _sent_think(qtbot, chat, server, HIGH) is True
    assert _sent_think(qtbot, chat, server, False) is False
    assert server.requests_to("/api/show")  # capabilities the old way: the chat still works
    connection.stop()


@pytest.mark.parametrize("server", ["0.24.0"], indirect=True)
def test_a_levels_only_model_has_no_off(qtbot, pool: WorkerPool, server: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    connection, chat = _connected(qtbot, pool, server)
    _choose(qtbot, chat, GPT_OSS.name)
    support = chat.think_support(GPT_OSS.name)
    assert support.choices() == (None, LOW, MEDIUM, HIGH, MAX)
    dialog = ChatOptionsDialog(ChatOptions(think=False), think=support)
    qtbot.addWidget(dialog)
    shown = [dialog.think.itemData(i) for i in range(dialog.think.count())]
    assert False not in shown
    assert True not in shown
    assert dialog.think.currentData() is None  # Off stored elsewhere: the model's default here
    assert _sent_think(qtbot, chat, server, False) == "absent"  # a bool is ignored by it anyway
    assert _sent_think(qtbot, chat, server, LOW) == LOW
    connection.stop()


@pytest.mark.parametrize("server", ["0.30.0"], indirect=True)
def test_a_new_server_needs_no_show_for_capabilities(qtbot, pool: WorkerPool, server: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    connection, chat = _connected(qtbot, pool, server)
    with qtbot.waitSignal(chat.capabilities_loaded):
        chat.set_model(THINKER.name)
    assert chat.can_think(THINKER.name)
    chat.set_model("llama3.1:8b")
    assert not chat.can_think("llama3.1:8b")
    assert _sent_think(qtbot, chat, server, HIGH) == "absent"  # it cannot think: never a 400
    assert server.requests_to("/api/show") == []
    connection.stop()


@pytest.mark.parametrize("server", ["0.30.0"], indirect=True)
def test_cloud_status_is_asked_once_per_connection(qtbot, pool: WorkerPool, server: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    server.cloud_disabled = True
    connection = ConnectionController(pool, server.url, timeouts=TEST_TIMEOUTS, retry_ms=50, recheck_ms=50)
    with qtbot.waitSignal(connection.cloud_status_changed) as told:
        connection.start()
    assert told.args == [True]
    assert connection.cloud_disabled
    checks = len(server.requests_to("/api/version"))
    qtbot.waitUntil(lambda: len(server.requests_to("/api/version")) >= checks + 2)
    assert len(server.requests_to("/api/status")) == 1
    connection.stop()


@pytest.mark.parametrize("server", ["0.15.0"], indirect=True)
def test_no_status_asked_before_0_16(qtbot, pool: WorkerPool, server: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    connection, _chat = _connected(qtbot, pool, server)
    qtbot.waitUntil(lambda: len(server.requests_to("/api/version")) >= 1)
    assert server.requests_to("/api/status") == []
    assert not connection.cloud_disabled
    connection.stop()


@pytest.mark.parametrize("server", ["0.30.0"], indirect=True)
def test_a_cloud_model_not_signed_in_fails_with_the_sign_in_address(
    qtbot, pool: WorkerPool, server: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    connection, chat = _connected(qtbot, pool, server)
    chat.set_model(CLOUD.name)
    assert chat.is_cloud(CLOUD.name)
    assert not chat.is_cloud("llama3.1:8b")
    with qtbot.waitSignal(chat.reply_failed) as failed:
        chat.send("hi")
    error = failed.args[0]
    assert isinstance(error, CloudSignInRequired)
    assert error.signin_url.startswith("https://ollama.com/")
    connection.stop()


def test_the_think_control_by_server(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ollama_desktop.core.chat.thinking import ThinkSupport  # noqa: PLC0415

    def items(dialog: ChatOptionsDialog) -> list[object]:
        return [dialog.think.itemData(i) for i in range(dialog.think.count())]

    old = ChatOptionsDialog(ChatOptions(think=HIGH), think=ThinkSupport.of("0.9.0", can_think=True))
    qtbot.addWidget(old)
    assert items(old) == [None, True, False]
    assert old.think.currentData() is True  # a level chosen elsewhere is On here
    before_max = ChatOptionsDialog(ChatOptions(think=MAX), think=ThinkSupport.of("0.21.0", can_think=True))
    qtbot.addWidget(before_max)
    assert items(before_max) == [None, False, LOW, MEDIUM, HIGH]
    assert before_max.think.currentData() == HIGH
    newer = ChatOptionsDialog(ChatOptions(), think=ThinkSupport.of("0.22.0", can_think=True))
    qtbot.addWidget(newer)
    assert items(newer) == [None, False, LOW, MEDIUM, HIGH, MAX]
    assert newer.think.currentData() is None  # the server's default until chosen
    newer.think.setCurrentIndex(items(newer).index(MAX))
    assert newer.options().think == MAX
    newer.think.setCurrentIndex(1)
    assert newer.options().think is False
    cannot = ChatOptionsDialog(ChatOptions(), think=ThinkSupport.of("0.22.0", can_think=False))
    qtbot.addWidget(cannot)
    assert not cannot.think.isEnabled()
