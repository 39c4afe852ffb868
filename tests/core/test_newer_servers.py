"""Newer servers (issue #19 items 5, 6): cloud models, /api/status, and the richer /api/tags,
against the fake over real HTTP, old and new."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ollama_desktop.core.cancel import CancelToken
from ollama_desktop.core.chat.conversation import ChatMessage, ChatRequest
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import (
    CloudDisabled,
    CloudSignInRequired,
    ErrorKind,
    ServerError,
    error_kind,
)
from ollama_desktop.core.memory.unloading import unload_and_confirm
from ollama_desktop.core.responses import ReplyStats, RunningModel, ServerStatus, parse_tags
from tests.conftest import TEST_TIMEOUTS, sample_models
from tests.fake_ollama import FakeModel, FakeOllama

CLOUD = FakeModel(
    "gpt-oss:120b-cloud",
    384,
    family="gptoss",
    capabilities=("completion", "thinking", "tools"),
    think_levels_only=True,
    remote_host="https://ollama.com:443",
)


@pytest.fixture
def new_fake() -> Iterator[FakeOllama]:
    server = FakeOllama([*sample_models(), CLOUD], version="0.30.0").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def old_fake() -> Iterator[FakeOllama]:
    server = FakeOllama([*sample_models(), CLOUD], version="0.9.0").start()
    try:
        yield server
    finally:
        server.stop()


def test_tags_of_a_new_server_carry_capabilities_context_and_cloud(new_fake: FakeOllama) -> None:
    models = {model.name: model for model in OllamaClient(new_fake.url, TEST_TIMEOUTS).tags()}
    llama = models["llama3.1:8b"]
    assert llama.capabilities == ("completion",)
    assert llama.details.context_length == 131072
    assert not llama.is_cloud
    cloud = models[CLOUD.name]
    assert cloud.is_cloud
    assert (cloud.remote_model, cloud.remote_host) == ("gpt-oss", "https://ollama.com:443")
    assert cloud.capabilities == ("completion", "thinking", "tools")


def test_tags_of_an_old_server_say_nothing_of_capabilities(old_fake: FakeOllama) -> None:
    models = {model.name: model for model in OllamaClient(old_fake.url, TEST_TIMEOUTS).tags()}
    assert models["llama3.1:8b"].capabilities is None  # ask /api/show
    assert models["llama3.1:8b"].details.context_length == 0
    assert models[CLOUD.name].remote_model == ""  # before 0.12: known by its name only
    assert models[CLOUD.name].is_cloud


def test_an_empty_capability_list_is_told_not_absent() -> None:
    (model,) = parse_tags({"models": [{"name": "x", "capabilities": []}]})
    assert model.capabilities == ()


def test_status_tells_whether_cloud_is_off(new_fake: FakeOllama) -> None:
    client = OllamaClient(new_fake.url, TEST_TIMEOUTS)
    assert client.status() == ServerStatus(cloud_disabled=False, cloud_source="none")
    new_fake.cloud_disabled = True
    assert client.status().cloud_disabled
    assert ServerStatus.from_json({"cloud": "odd"}) == ServerStatus()


def test_status_of_an_old_server_is_a_404(old_fake: FakeOllama) -> None:
    with pytest.raises(ServerError) as caught:
        OllamaClient(old_fake.url, TEST_TIMEOUTS).status()
    assert caught.value.status == 404


def _ask(client: OllamaClient, model: str) -> None:
    request = ChatRequest(model, (ChatMessage("user", "hi"),))
    list(client.chat(request))


def test_a_cloud_model_not_signed_in_is_a_401_with_the_sign_in_address(new_fake: FakeOllama) -> None:
    client = OllamaClient(new_fake.url, TEST_TIMEOUTS)
    with pytest.raises(CloudSignInRequired) as caught:
        _ask(client, CLOUD.name)
    assert caught.value.signin_url.startswith("https://ollama.com/connect?")
    assert error_kind(caught.value) is ErrorKind.CLOUD_SIGN_IN
    new_fake.cloud_signed_in = True
    _ask(client, CLOUD.name)


def test_a_cloud_model_on_a_server_with_cloud_off_is_said_so(new_fake: FakeOllama) -> None:
    new_fake.cloud_disabled = True
    with pytest.raises(CloudDisabled) as caught:
        _ask(OllamaClient(new_fake.url, TEST_TIMEOUTS), CLOUD.name)
    assert error_kind(caught.value) is ErrorKind.CLOUD_DISABLED


class _CloudListingClient:
    """A server that (wrongly) lists a cloud model in /api/ps: it must never be sent keep_alive 0."""

    def __init__(self) -> None:
        self.unloaded: list[str] = []
        self.listed = (RunningModel("gpt-oss:120b-cloud"), RunningModel("llama3.1:8b"))

    def ps(self, _token: CancelToken | None = None) -> tuple[RunningModel, ...]:
        return tuple(model for model in self.listed if model.name not in self.unloaded)

    def unload(self, model: str, _token: CancelToken | None = None) -> ReplyStats:
        self.unloaded.append(model)
        return ReplyStats()


def test_free_memory_never_unloads_a_cloud_model() -> None:
    client = _CloudListingClient()
    result = unload_and_confirm(client, None, CancelToken(), confirm_timeout=1)  # type: ignore[arg-type]
    assert client.unloaded == ["llama3.1:8b"]
    assert [model.name for model in result.released] == ["llama3.1:8b"]
    unload_and_confirm(client, ["gpt-oss:120b-cloud"], CancelToken(), confirm_timeout=1)  # type: ignore[arg-type]
    assert client.unloaded == ["llama3.1:8b"]
