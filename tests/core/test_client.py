"""The blocking client against the fake Ollama: answers, errors mapped at one boundary, and Stop."""

from __future__ import annotations

import json
import threading
import time

import pytest

from ollama_desktop.core.cancel import CancelToken
from ollama_desktop.core.chat.conversation import ChatMessage, ChatRequest
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import (
    ModelNotFound,
    NotOllama,
    OutOfMemory,
    ProtocolError,
    Reason,
    RequestCancelled,
    RequestTimedOut,
    ServerError,
    ServerUnreachable,
    StreamIncomplete,
)
from ollama_desktop.core.timeouts import Timeouts
from tests.conftest import TEST_TIMEOUTS
from tests.fake_ollama import FakeOllama

OOM = "model requires more system memory (9.1 GiB) than is available (3.2 GiB)"


def ask(model: str = "llama3.1:8b", text: str = "hi", **options: object) -> ChatRequest:
    return ChatRequest(model, (ChatMessage("user", text),), dict(options))


@pytest.fixture
def client(fake: FakeOllama) -> OllamaClient:
    return OllamaClient(fake.url, TEST_TIMEOUTS)


def wait_for(condition, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    """Poll a condition set by another thread, with a deadline (an event wait, not a fixed sleep)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.005)


def test_version_tags_ps_show(client: OllamaClient) -> None:
    assert client.version() == "0.24.0"
    names = [model.name for model in client.tags()]
    assert names == ["llama3.1:8b", "gemma3:270m"]
    assert client.tags()[0].details.parameter_size == "8.0B"
    assert client.ps() == ()
    assert "completion" in client.show("llama3.1:8b").capabilities


def test_chat_streams_tokens_then_statistics(client: OllamaClient, fake: FakeOllama) -> None:
    fake.script(tokens=["Hello", ",", " world", "!"])
    chunks = list(client.chat(ask(num_predict=100)))
    assert "".join(chunk.content for chunk in chunks) == "Hello, world!"
    last = chunks[-1]
    assert last.done
    assert last.stats is not None
    assert last.stats.eval_count == 4
    assert last.stats.done_reason == "stop"
    sent = fake.requests_to("/api/chat")[-1].json
    assert sent["stream"] is True
    assert sent["messages"] == [{"role": "user", "content": "hi"}]
    assert sent["options"] == {"num_predict": 100}


def test_chat_loads_the_model_into_ps(client: OllamaClient) -> None:
    list(client.chat(ask()))
    assert [model.name for model in client.ps()] == ["llama3.1:8b"]
    client.unload("llama3.1:8b")
    assert client.ps() == ()


def test_once_and_generate(client: OllamaClient, fake: FakeOllama) -> None:
    fake.script(tokens=["a", "b"])
    whole = client.chat_once(ask())
    assert whole.content == "ab"
    assert whole.done
    fake.script(tokens=["x", "y", "z"])
    assert "".join(c.content for c in client.generate("llama3.1:8b", "p")) == "xyz"
    fake.script(tokens=["1", "2"])
    result = client.generate_once("llama3.1:8b", "p")
    assert result.content == "12"
    assert result.stats is not None
    assert result.stats.eval_count == 2


def test_missing_model_is_model_not_found(client: OllamaClient) -> None:
    with pytest.raises(ModelNotFound) as caught:
        list(client.chat(ask("nope:latest")))
    assert caught.value.message == "model 'nope:latest' not found"
    with pytest.raises(ModelNotFound):
        client.show("nope")


def test_out_of_memory_500(client: OllamaClient, fake: FakeOllama) -> None:
    fake.script(status=500, body=json.dumps({"error": OOM}).encode())
    with pytest.raises(OutOfMemory) as caught:
        list(client.chat(ask()))
    assert caught.value.status == 500


def test_error_line_inside_a_200_stream(client: OllamaClient, fake: FakeOllama) -> None:
    fake.script(tokens=["a", "b", "c"], error_after=2, error_message="model runner crashed")
    received = []
    with pytest.raises(ServerError) as caught:
        for chunk in client.chat(ask()):
            received.append(chunk.content)
    assert received == ["a", "b"]
    assert caught.value.status == 200
    assert caught.value.message == "model runner crashed"


@pytest.mark.parametrize("how", ["drop_after", "end_without_done"])
def test_stream_that_ends_without_done(client: OllamaClient, fake: FakeOllama, how: str) -> None:
    if how == "drop_after":
        fake.script(tokens=["a", "b", "c"], drop_after=2)
    else:
        fake.script(tokens=["a", "b"], end_without_done=True)
    with pytest.raises(StreamIncomplete):
        list(client.chat(ask()))


@pytest.mark.parametrize(
    "lines",
    [[b'{"model":"m","message":{"content":"a"'], [b"<html>bad gateway</html>"], [b"[1, 2]"]],
    ids=["truncated-json", "not-json", "not-an-object"],
)
def test_garbled_stream_is_a_protocol_error(
    client: OllamaClient, fake: FakeOllama, lines: list[bytes]
) -> None:
    fake.script(raw_lines=lines)
    with pytest.raises(ProtocolError):
        list(client.chat(ask()))


def test_html_error_page_from_a_proxy(client: OllamaClient, fake: FakeOllama) -> None:
    fake.script(status=502, body=b"<html><body>Bad Gateway</body></html>", content_type="text/html")
    with pytest.raises(ServerError) as caught:
        list(client.chat(ask()))
    assert caught.value.status == 502
    assert "Bad Gateway" in caught.value.message


def test_stalled_stream_times_out(fake: FakeOllama) -> None:
    client = OllamaClient(fake.url, Timeouts(chat_read=0.3))
    fake.script(tokens=["a", "b", "c"], stall_after=1)
    with pytest.raises(RequestTimedOut):
        list(client.chat(ask()))


def test_server_that_never_answers_times_out(fake: FakeOllama) -> None:
    client = OllamaClient(fake.url, Timeouts(version=0.3, tags=0.3))
    fake.hang_routes.update({"/api/version", "/api/tags"})
    with pytest.raises(RequestTimedOut):
        client.tags()
    # Ollama answers /api/version at once whatever it does: silence there is not Ollama (issue 16).
    with pytest.raises(NotOllama) as caught:
        client.version()
    assert caught.value.reason is Reason.NO_ANSWER


def test_dead_server_is_unreachable(fake: FakeOllama) -> None:
    url = fake.url
    fake.stop()
    with pytest.raises(ServerUnreachable):
        OllamaClient(url, TEST_TIMEOUTS).version()


def test_stop_mid_stream_closes_the_connection(client: OllamaClient, fake: FakeOllama) -> None:
    fake.script(tokens=[f" t{i}" for i in range(1000)], chunk_delay=0.01)
    token = CancelToken()
    received = []
    with pytest.raises(RequestCancelled):
        for chunk in client.chat(ask(), token):
            received.append(chunk.content)
            if len(received) == 5:
                threading.Thread(target=token.cancel).start()
    request = fake.requests_to("/api/chat")[-1]
    assert request.client_hung_up.wait(5)
    assert request.tokens_sent < 1000
    assert 5 <= len(received) < 1000


def test_stop_while_queued_behind_another_request(client: OllamaClient, fake: FakeOllama) -> None:
    """Ollama sends no bytes, not even headers, to a queued request; Stop must still close it."""
    fake.script(tokens=["a", "b"], stall_after=1)  # the first request holds the model
    first_token = CancelToken()
    first = threading.Thread(target=lambda: _drain(client, first_token), daemon=True)
    first.start()
    wait_for(lambda: len(fake.requests_to("/api/chat")) == 1 and fake.requests_to("/api/chat")[0].tokens_sent)
    second_token = CancelToken()
    outcome: list[BaseException] = []
    second = threading.Thread(target=lambda: outcome.append(_drain(client, second_token)), daemon=True)
    second.start()
    wait_for(lambda: len(fake.requests_to("/api/chat")) == 2)
    queued = fake.requests_to("/api/chat")[1]
    assert queued.tokens_sent == 0
    second_token.cancel()
    second.join(5)
    assert not second.is_alive()
    assert isinstance(outcome[0], RequestCancelled)
    assert queued.client_hung_up.wait(5)
    first_token.cancel()
    first.join(5)
    assert not first.is_alive()


def _drain(client: OllamaClient, token: CancelToken) -> BaseException:
    try:
        list(client.chat(ask(), token))
    except Exception as exc:
        return exc
    raise AssertionError("the stream was expected to be cancelled")


def test_cancel_before_start(client: OllamaClient, fake: FakeOllama) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(RequestCancelled):
        list(client.chat(ask(), token))
    assert fake.requests_to("/api/chat") == []
