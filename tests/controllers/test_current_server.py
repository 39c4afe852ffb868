"""The current server, without a window: which server the app talks to, and the list to pick from."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ollama_desktop.controllers.connection import ConnectionController, ConnectionStatus, State
from ollama_desktop.controllers.current_server import CurrentServerController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.controllers.servers import ServersController
from ollama_desktop.core.servers.known import Server
from ollama_desktop.core.timeouts import Timeouts
from ollama_desktop.settings import Settings
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS, sample_models
from tests.fake_ollama import FakeOllama


@pytest.fixture
def other() -> Iterator[FakeOllama]:
    """A second server, with its own version so that its answers can be told apart."""
    server = FakeOllama(sample_models(), version="0.9.9").start()
    try:
        yield server
    finally:
        server.stop()


class Parts:
    def __init__(
        self, pool: WorkerPool, settings: Settings, servers: ServersController | None = None
    ) -> None:
        self.settings = settings
        self.connection = ConnectionController(pool, settings.host(), timeouts=TEST_TIMEOUTS)
        self.residency = ResidencyController(pool, lambda: self.connection.client)
        self.current = CurrentServerController(settings, self.connection, self.residency, servers)
        self.lists: list[tuple[list[str], str]] = []
        self.switches: list[str] = []
        self.current.servers_changed.connect(
            lambda servers, url: self.lists.append(([server.url for server in servers], url))
        )
        self.current.current_changed.connect(self.switches.append)

    def shutdown(self) -> None:
        self.connection.stop()
        self.residency.shutdown()


@pytest.fixture
def parts(pool: WorkerPool, settings: Settings, fake: FakeOllama) -> Iterator[Parts]:
    settings.set_host_override(fake.url)
    built = Parts(pool, settings)
    try:
        yield built
    finally:
        built.shutdown()


def test_switching_moves_the_connection_and_forgets_what_was_loaded(
    qtbot, parts: Parts, fake: FakeOllama, other: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(parts.residency.loaded_changed):
        parts.residency.refresh_now()
    assert parts.residency.known
    parts.current.switch(other.url)
    assert parts.settings.host() == other.url
    assert parts.connection.client.host == other.url
    assert not parts.residency.known  # what is loaded on the new server is asked for anew
    assert parts.switches == [other.url]
    with qtbot.waitSignal(parts.connection.status_changed, check_params_cb=_connected):
        parts.connection.check_now()
    assert parts.connection.status.version == "0.9.9"


def test_switching_to_this_computer_clears_the_choice(parts: Parts) -> None:
    parts.current.switch(parts.settings.default_host())
    assert parts.settings.host_override == ""
    assert not parts.current.removable


def test_adding_a_server_stores_it_and_switches_to_it(parts: Parts, other: FakeOllama) -> None:
    address = other.url.removeprefix("http://")
    parts.current.add("", address)
    default = parts.settings.default_host()
    assert parts.settings.servers == [Server("", default), Server("127.0.0.1", other.url)]
    assert [urls for urls, _current in parts.lists] == [[default, other.url]]
    assert parts.switches == [other.url]
    assert parts.connection.client.host == other.url
    assert parts.current.removable
    parts.current.add("GPU box", address)  # the same address again: renamed, not added twice
    assert parts.settings.servers[1:] == [Server("GPU box", other.url)]
    assert parts.current.name_of(other.url) == "GPU box"


def test_removing_the_current_server_goes_back_to_this_computer(parts: Parts, other: FakeOllama) -> None:
    parts.current.add("Office", other.url)
    parts.switches.clear()
    parts.current.remove_current()
    default = parts.settings.default_host()
    assert parts.settings.servers == [Server("", default)]
    assert parts.switches == [default]
    assert parts.lists[-1][0] == [default]
    assert parts.connection.client.host == default
    parts.current.remove_current()  # this computer's server stays
    assert parts.settings.servers == [Server("", default)]


def test_the_list_reaches_the_probes(qtbot, pool: WorkerPool, settings: Settings, other: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    servers = ServersController(pool, timeouts=Timeouts(connect=1.0, version=1.0))
    settings.set_servers([Server("Other", other.url)])
    built = Parts(pool, settings, servers)
    try:
        servers.resume()
        with qtbot.waitSignal(servers.status_changed, check_params_cb=lambda url, _s: url == other.url):
            built.current.publish()
        assert built.lists == [([settings.default_host(), other.url], settings.default_host())]
    finally:
        servers.shutdown()
        built.shutdown()


def _connected(status: ConnectionStatus) -> bool:
    return status.state is State.CONNECTED
