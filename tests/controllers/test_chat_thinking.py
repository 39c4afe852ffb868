"""Reasoning models and the three speeds: thinking streamed apart, `think` sent only where it works,
live progress while streaming, exact figures after."""

from __future__ import annotations

import pytest

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.chat.conversation import ChatOptions
from ollama_desktop.core.responses import ReplyStats
from ollama_desktop.settings import Settings
from ollama_desktop.ui.chat.options_dialog import ChatOptionsDialog
from ollama_desktop.ui.chat.reply_speeds import describe_live_speed, describe_reply_speeds, live_rate
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS, THINKER
from tests.fake_ollama import FakeOllama


@pytest.fixture
def chat(thinking_chat: ChatController) -> ChatController:
    return thinking_chat


def test_thinking_and_answer_arrive_apart(qtbot, chat: ChatController, thinking_fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    thinking: list[str] = []
    answer: list[str] = []
    chat.reply_thinking_arrived.connect(thinking.append)
    chat.reply_text_arrived.connect(answer.append)
    thinking_fake.script(thinking=["Short", " question", "."], tokens=["Blue", "."])
    with qtbot.waitSignal(chat.first_token_arrived):
        chat.send("Why is the sky blue?")
    qtbot.waitUntil(lambda: not chat.busy)
    assert "".join(thinking) == "Short question."
    assert "".join(answer) == "Blue."
    # The history keeps the answer only: reasoning is not sent back.
    assert chat.conversation.messages[-1].content == "Blue."


@pytest.mark.parametrize("delay", [0.0, 0.02], ids=["at once", "a piece a frame"])
def test_think_tags_in_the_content_are_split_off_once_by_the_controller(  # type: ignore[no-untyped-def]
    qtbot, chat: ChatController, thinking_fake: FakeOllama, delay: float
) -> None:
    thinking: list[str] = []
    answer: list[str] = []
    chat.reply_thinking_arrived.connect(thinking.append)
    chat.reply_text_arrived.connect(answer.append)
    chat.set_model("llama3.1:8b")  # a model that writes its reasoning into the content, between tags
    thinking_fake.script(
        tokens=["  <thi", "nk>secret reasoning</th", "ink>\n\nThe", " answer."], chunk_delay=delay
    )
    with qtbot.waitSignal(chat.reply_finished):
        chat.send("Why?")
    assert ("".join(thinking), "".join(answer)) == ("secret reasoning", "The answer.")
    message = chat.conversation.messages[-1]
    assert (message.thinking, message.content) == ("secret reasoning", "The answer.")


def test_a_think_tag_cut_short_at_the_end_is_text_after_all(  # type: ignore[no-untyped-def]
    qtbot, chat: ChatController, thinking_fake: FakeOllama
) -> None:
    chat.set_model("llama3.1:8b")
    thinking_fake.script(tokens=["<thi"])
    with qtbot.waitSignal(chat.reply_finished):
        chat.send("Why?")
    assert chat.conversation.messages[-1].content == "<thi"


def test_think_is_sent_only_to_a_model_that_can_think(
    qtbot, chat: ChatController, thinking_fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    assert chat.can_think(THINKER.name)
    chat.set_options(ChatOptions(think=True))
    with qtbot.waitSignal(chat.reply_finished):
        chat.send("one")
    assert thinking_fake.requests_to("/api/chat")[-1].json["think"] is True

    with qtbot.waitSignal(chat.capabilities_loaded):
        chat.set_model("llama3.1:8b")
    assert not chat.can_think("llama3.1:8b")
    with qtbot.waitSignal(chat.reply_finished):  # think: true would be refused with a 400 here
        chat.send("two")
    assert "think" not in thinking_fake.requests_to("/api/chat")[-1].json

    chat.set_options(ChatOptions(think=False))
    with qtbot.waitSignal(chat.reply_finished):
        chat.send("three")
    assert thinking_fake.requests_to("/api/chat")[-1].json["think"] is False


def test_think_off_gives_an_answer_without_reasoning(
    qtbot, chat: ChatController, thinking_fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    thinking: list[str] = []
    chat.reply_thinking_arrived.connect(thinking.append)
    chat.set_options(ChatOptions(think=False))
    with qtbot.waitSignal(chat.reply_finished):
        chat.send("quick")
    assert thinking == []


def test_live_progress_while_streaming(qtbot, chat: ChatController, thinking_fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    progress: list[tuple[int, float]] = []
    chat.reply_progressed.connect(lambda tokens, seconds: progress.append((tokens, seconds)))
    thinking_fake.script(thinking=["t"], tokens=[f" w{i}" for i in range(60)], chunk_delay=0.01)
    with qtbot.waitSignal(chat.reply_finished, timeout=10000):
        chat.send("count")
    assert len(progress) >= 2
    counts = [tokens for tokens, _seconds in progress]
    assert counts == sorted(counts)
    assert counts[-1] <= 61
    assert all(seconds >= 0 for _tokens, seconds in progress)


def test_speed_texts() -> None:
    assert live_rate(1, 5.0) is None
    assert describe_live_speed(41, 2.0) == "≈ 20.0 tokens/s · 41 tokens"
    stats = ReplyStats(
        load_duration=1_200_000_000,
        prompt_eval_count=40,
        prompt_eval_duration=100_000_000,
        eval_count=120,
        eval_duration=3_000_000_000,
    )
    text = describe_reply_speeds(stats, 0.35)
    assert text == "40.0 tokens/s · prompt 400 tokens/s · load 1.20 s · first token 0.35 s · 120 tokens"


def test_options_dialog_think_round_trip(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ChatOptionsDialog(ChatOptions(think=False))
    qtbot.addWidget(dialog)
    assert dialog.options().think is False
    dialog.think.setCurrentIndex(dialog.think.findData(True))
    assert dialog.options().think is True
    dialog._restore_defaults()
    assert dialog.options().think is None
    cannot = ChatOptionsDialog(ChatOptions(), can_think=False)
    qtbot.addWidget(cannot)
    assert not cannot.think.isEnabled()


def test_window_shows_reasoning_folded_and_the_three_speeds(  # type: ignore[no-untyped-def]
    qtbot, pool: WorkerPool, thinking_fake: FakeOllama, settings: Settings
) -> None:
    settings.set_host_override(thinking_fake.url)
    settings.set_last_model(THINKER.name)
    connection = ConnectionController(pool, settings.host(), timeouts=TEST_TIMEOUTS, retry_ms=50)
    chat = ChatController(pool, lambda: connection.client)
    residency = ResidencyController(pool, lambda: connection.client, interval_ms=100)
    window = MainWindow(settings, connection, chat, residency)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(connection.models_loaded):
        connection.start()
    assert chat.model == THINKER.name
    thinking_fake.script(thinking=["I", " reason", "."], tokens=["**Blue**", "."], chunk_delay=0.02)
    window.prompt.setPlainText("Why?")
    window.send_button.click()
    qtbot.waitUntil(lambda: "tokens/s" in window.reply_label.text() and not chat.busy, timeout=10000)
    qtbot.waitUntil(lambda: not window.chat_view.rendering_pending)
    transcript = window.chat_view.toPlainText()
    assert "▸ Thought for" in transcript
    assert "I reason." not in transcript  # folded away once the answer started
    assert "Blue." in transcript
    status = window.reply_label.text()
    for part in ("40.0 tokens/s", "prompt 400 tokens/s", "load ", "first token "):
        assert part in status
        assert part in transcript  # the same figures under the answer
    window.close()
