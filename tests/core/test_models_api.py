"""Pull, delete and show against the fake: progress, errors inside the stream, cancelling."""

from __future__ import annotations

import threading

import pytest

from ollama_desktop.core.cancel import CancelToken
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import ModelNotFound, RequestCancelled, ServerError
from ollama_desktop.core.models.pull import PullTracker
from tests.conftest import TEST_TIMEOUTS
from tests.fake_ollama import FakeModel, FakeOllama
from tests.transcripts import load_transcript


@pytest.fixture
def client(fake: FakeOllama) -> OllamaClient:
    return OllamaClient(fake.url, TEST_TIMEOUTS)


def test_pull_reports_progress_and_installs(client: OllamaClient, fake: FakeOllama) -> None:
    fake.registry["qwen3:0.6b"] = FakeModel("qwen3:0.6b", 522_000_000, "751.63M")
    tracker = PullTracker()
    statuses = []
    for progress in client.pull("qwen3:0.6b"):
        tracker.add(progress)
        statuses.append(progress.status)
    assert statuses[0] == "pulling manifest"
    assert statuses[-3:] == ["verifying sha256 digest", "writing manifest", "success"]
    assert tracker.total == 522_000_000 + 1_400
    assert tracker.fraction == 1.0
    assert "qwen3:0.6b" in [model.name for model in client.tags()]


def test_pull_offline_ends_in_an_error_line(client: OllamaClient) -> None:
    """As recorded on a machine without internet (transcript 28)."""
    with pytest.raises(ServerError) as caught:
        list(client.pull("gemma3:270m-it-qat"))
    assert caught.value.status == 200
    expected = load_transcript("28_pull_stream").lines()[-1]["error"]
    assert caught.value.message == expected


def test_pull_error_in_the_middle(client: OllamaClient, fake: FakeOllama) -> None:
    fake.registry["big:70b"] = FakeModel("big:70b", 40_000_000_000)
    fake.pull_error = "max retries exceeded: unexpected EOF"
    seen = []
    with pytest.raises(ServerError, match="max retries exceeded"):
        for progress in client.pull("big:70b"):
            seen.append(progress.completed)
    assert max(seen) > 0
    assert "big:70b" not in [model.name for model in client.tags()]


def test_cancelled_pull_closes_the_connection(client: OllamaClient, fake: FakeOllama) -> None:
    fake.registry["big:70b"] = FakeModel("big:70b", 40_000_000_000)
    fake.pull_steps = 1000
    fake.pull_delay = 0.01
    token = CancelToken()
    with pytest.raises(RequestCancelled):
        for count, _progress in enumerate(client.pull("big:70b", token)):
            if count == 3:
                threading.Thread(target=token.cancel).start()
    request = fake.requests_to("/api/pull")[-1]
    assert request.client_hung_up.wait(5)
    assert "big:70b" not in [model.name for model in client.tags()]


def test_delete(client: OllamaClient, fake: FakeOllama) -> None:
    client.delete("gemma3:270m")
    assert [model.name for model in client.tags()] == ["llama3.1:8b"]
    assert fake.requests_to("/api/delete")[0].method == "DELETE"
    with pytest.raises(ModelNotFound):
        client.delete("gemma3:270m")


def test_show_details(client: OllamaClient) -> None:
    show = client.show("llama3.1:8b")
    assert show.details.parameter_size == "8.0B"
    assert show.context_length > 0
    assert show.capabilities
