"""Unloading against the fake: keep_alive 0 is sent, /api/ps proves the memory is free."""

from __future__ import annotations

import threading

import pytest

from ollama_desktop.core.cancel import CancelToken
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import RequestCancelled
from ollama_desktop.core.memory.unloading import unload_and_confirm
from tests.conftest import TEST_TIMEOUTS
from tests.fake_ollama import FakeOllama


@pytest.fixture
def client(fake: FakeOllama) -> OllamaClient:
    return OllamaClient(fake.url, TEST_TIMEOUTS)


def test_unload_one_leaves_the_others(client: OllamaClient, fake: FakeOllama) -> None:
    fake.load("llama3.1:8b")
    fake.load("gemma3:270m")
    result = unload_and_confirm(client, ["llama3.1:8b"], CancelToken())
    assert [m.name for m in result.released] == ["llama3.1:8b"]
    assert result.still_loaded == ()
    assert [m.name for m in result.loaded_after] == ["gemma3:270m"]
    assert result.freed_bytes == int(4_920_753_328 * 1.3)
    unloads = [r.json for r in fake.requests_to("/api/chat")]
    assert unloads == [{"model": "llama3.1:8b", "messages": [], "keep_alive": 0}]


def test_unload_all_and_nothing_loaded(client: OllamaClient, fake: FakeOllama) -> None:
    fake.load("llama3.1:8b")
    fake.load("gemma3:270m")
    result = unload_and_confirm(client, None, CancelToken())
    assert len(result.released) == 2
    assert client.ps() == ()
    again = unload_and_confirm(client, None, CancelToken())
    assert again.released == again.still_loaded == ()
    assert len(fake.requests_to("/api/chat")) == 2  # nothing loaded: nothing sent the second time


def test_server_that_does_not_release(client: OllamaClient, fake: FakeOllama) -> None:
    fake.ignore_unload = True
    fake.load("llama3.1:8b")
    result = unload_and_confirm(client, None, CancelToken(), confirm_timeout=0.3, poll_interval=0.05)
    assert [m.name for m in result.still_loaded] == ["llama3.1:8b"]
    assert result.freed_bytes == 0
    assert len(fake.requests_to("/api/ps")) >= 2  # it kept looking before giving up


def test_cancel_while_waiting_for_release(client: OllamaClient, fake: FakeOllama) -> None:
    fake.ignore_unload = True
    fake.load("llama3.1:8b")
    token = CancelToken()
    timer = threading.Timer(0.1, token.cancel)
    timer.start()
    with pytest.raises(RequestCancelled):
        unload_and_confirm(client, None, token, confirm_timeout=30, poll_interval=0.02)
    timer.join()
