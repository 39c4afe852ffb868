"""Sending, streaming, stopping and failing, as the controller sees it."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from ollama_desktop.controllers.chat import FRAME_MS, ChatController
from ollama_desktop.core.cancel import CancelToken
from ollama_desktop.core.chat.conversation import ChatOptions, ChatRequest
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import ModelNotFound, ServerError, StreamIncomplete
from ollama_desktop.core.responses import ChatChunk, ModelShow, ReplyStats
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS
from tests.fake_ollama import FakeOllama


@pytest.fixture
def chat(pool: WorkerPool, fake: FakeOllama) -> ChatController:
    client = OllamaClient(fake.url, TEST_TIMEOUTS)
    controller = ChatController(pool, lambda: client)
    controller.set_model("llama3.1:8b")
    return controller


def collect(chat: ChatController) -> list[str]:
    pieces: list[str] = []
    chat.reply_text_arrived.connect(pieces.append)
    return pieces


def test_answer_streams_in_and_history_continues(qtbot, chat: ChatController, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    pieces = collect(chat)
    fake.script(tokens=["Blue", " is", " a", " color", "."])
    with qtbot.waitSignal(chat.reply_finished) as blocker:
        assert chat.send("Name a color")
    assert "".join(pieces) == "Blue is a color."
    assert blocker.args[0].eval_count == 5
    assert not chat.busy

    fake.script(tokens=["Red", "."])
    with qtbot.waitSignal(chat.reply_finished):
        chat.send("Another?")
    sent = fake.requests_to("/api/chat")[-1].json["messages"]
    assert sent == [
        {"role": "user", "content": "Name a color"},
        {"role": "assistant", "content": "Blue is a color."},
        {"role": "user", "content": "Another?"},
    ]


def test_options_and_system_prompt_are_sent(qtbot, chat: ChatController, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    chat.set_options(ChatOptions("Answer in Korean.", temperature=0.2, num_predict=64, num_ctx=8192, seed=7))
    with qtbot.waitSignal(chat.reply_finished):
        chat.send("안녕하세요")
    body = fake.requests_to("/api/chat")[-1].json
    assert body["messages"][0] == {"role": "system", "content": "Answer in Korean."}
    assert body["options"] == {"temperature": 0.2, "num_predict": 64, "num_ctx": 8192, "seed": 7}


def test_send_is_refused_while_busy_or_empty(qtbot, chat: ChatController, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    assert not chat.send("   ")
    fake.script(tokens=["a", "b"], stall_after=1)
    with qtbot.waitSignal(chat.first_token_arrived):
        assert chat.send("first")
    assert not chat.send("second")
    chat.stop()


def test_stop_keeps_what_arrived_and_closes_the_connection(
    qtbot, chat: ChatController, fake: FakeOllama, pool: WorkerPool
) -> None:  # type: ignore[no-untyped-def]
    pieces = collect(chat)
    fake.script(tokens=[f" w{i}" for i in range(500)], chunk_delay=0.005)
    stopped: list[bool] = []
    chat.reply_stopped.connect(stopped.append)
    chat.send("talk")
    qtbot.waitUntil(lambda: len("".join(pieces)) > 20)
    chat.stop()
    assert stopped == [True]
    assert not chat.busy
    request = fake.requests_to("/api/chat")[-1]
    assert request.client_hung_up.wait(5)
    kept = "".join(pieces)
    assert chat.conversation.messages[-1].content == kept
    # Whatever the stopped stream still had in flight never reaches the view.
    qtbot.waitUntil(lambda: pool.busy == 0)
    assert "".join(pieces) == kept


def test_stop_before_any_token_gives_the_question_back(qtbot, chat: ChatController, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["late"], first_byte_delay=30)
    restored: list[str] = []
    stopped: list[bool] = []
    chat.prompt_restored.connect(restored.append)
    chat.reply_stopped.connect(stopped.append)
    chat.send("are you loading?")
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/chat")) == 1)
    chat.stop()
    assert restored == ["are you loading?"]
    assert stopped == [False]  # no answer came
    assert chat.conversation.messages == []
    assert fake.requests_to("/api/chat")[0].client_hung_up.wait(5)


def test_stop_twice_and_send_again_while_stopping(qtbot, chat: ChatController, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=[f" {i}" for i in range(1000)], chunk_delay=0.005)
    with qtbot.waitSignal(chat.first_token_arrived):
        chat.send("one")
    chat.stop()
    chat.stop()
    fake.script(tokens=["fresh"])
    with qtbot.waitSignal(chat.reply_finished):
        assert chat.send("two")
    assert chat.conversation.messages[-1].content == "fresh"


def test_error_mid_stream_keeps_partial_text(qtbot, chat: ChatController, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    pieces = collect(chat)
    fake.script(tokens=["par", "tial", "never"], error_after=2, error_message="runner died")
    with qtbot.waitSignal(chat.reply_failed) as blocker:
        chat.send("go")
    assert isinstance(blocker.args[0], ServerError)
    assert "".join(pieces) == "partial"
    assert chat.conversation.messages[-1].content == "partial"


def test_missing_model_gives_the_question_back(qtbot, chat: ChatController) -> None:  # type: ignore[no-untyped-def]
    chat.set_model("gone:latest")
    restored: list[str] = []
    chat.prompt_restored.connect(restored.append)
    with qtbot.waitSignal(chat.reply_failed) as blocker:
        chat.send("hello?")
    assert isinstance(blocker.args[0], ModelNotFound)
    assert restored == ["hello?"]
    assert chat.conversation.messages == []


def test_server_dies_mid_stream(qtbot, chat: ChatController, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=[f" {i}" for i in range(1000)], chunk_delay=0.005)
    with qtbot.waitSignal(chat.first_token_arrived):
        chat.send("long one")
    with qtbot.waitSignal(chat.reply_failed) as blocker:
        fake.stop()
    assert isinstance(blocker.args[0], StreamIncomplete)
    assert chat.conversation.messages[-1].role == "assistant"


def test_new_chat_stops_and_clears(qtbot, chat: ChatController, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["a", "b"], stall_after=1)
    with qtbot.waitSignal(chat.first_token_arrived):
        chat.send("one")
    with qtbot.waitSignal(chat.chat_cleared):
        chat.new_chat()
    assert chat.conversation.messages == []
    assert not chat.busy
    assert fake.requests_to("/api/chat")[-1].client_hung_up.wait(5)


@dataclass
class PairsClient:
    """Streams tokens in pairs: the second 5 ms after the first, the next pair 150 ms later."""

    pairs: int
    host: str = "http://pairs"

    def show(self, model: str, token: CancelToken | None = None) -> ModelShow:
        return ModelShow(capabilities=("completion",))

    def chat(self, request: ChatRequest, token: CancelToken | None = None) -> Iterator[ChatChunk]:
        for number in range(self.pairs):
            yield ChatChunk(content=f" a{number}")
            time.sleep(0.005)
            yield ChatChunk(content=f" b{number}")
            time.sleep(0.15)
        yield ChatChunk(done=True, stats=ReplyStats("stop", eval_count=2 * self.pairs))


def test_slow_text_waits_for_more_and_comes_in_fewer_updates(qtbot, pool: WorkerPool) -> None:  # type: ignore[no-untyped-def]
    # A token waits up to the latency budget (25 ms) for more: each pair makes one update. Handed
    # over as it came, the first of a pair would make an update of its own.
    chat = ChatController(pool, lambda: PairsClient(8))
    chat.set_model("llama3.1:8b")
    pieces = collect(chat)
    with qtbot.waitSignal(chat.reply_finished, timeout=20_000):
        chat.send("Count in pairs")
    assert "".join(pieces) == "".join(f" a{number} b{number}" for number in range(8))
    assert len(pieces) <= 10


def test_text_reaches_the_view_at_most_once_a_frame(qtbot, chat: ChatController, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    tokens = [f" w{i}" for i in range(2000)]
    fake.script(tokens=tokens, chunk_delay=0.0005)
    pieces = collect(chat)
    times: list[float] = []
    chat.reply_text_arrived.connect(lambda _text: times.append(time.monotonic()))
    with qtbot.waitSignal(chat.reply_finished, timeout=20_000):
        chat.send("Count")
    assert "".join(pieces) == "".join(tokens)
    # Every delivery but the last (the rest, handed over when the answer ends) waits for the frame
    # since the one before; Qt's coarse timers may fire up to 5 % early.
    gaps = [later - earlier for earlier, later in itertools.pairwise(times[:-1])]
    assert len(gaps) > 5
    assert min(gaps) >= 0.95 * FRAME_MS / 1000
