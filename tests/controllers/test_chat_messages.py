"""The one list of messages the chat controller keeps: states, stats, reasoning, versions, ids; and
what it asks for after a failed answer."""

from __future__ import annotations

import pytest

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.core.chat.conversation import MessageState
from ollama_desktop.core.errors import ModelNotFound, ServerError, StreamIncomplete
from tests.conftest import THINKER
from tests.fake_ollama import FakeOllama


@pytest.fixture
def server(thinking_fake: FakeOllama) -> FakeOllama:
    return thinking_fake


@pytest.fixture
def chat(thinking_chat: ChatController) -> ChatController:
    return thinking_chat


def ask(qtbot, chat: ChatController, text: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(chat.busy_changed, check_params_cb=lambda busy: not busy):
        assert chat.send(text)


def test_a_finished_answer_is_done_with_its_stats_and_reasoning(
    qtbot, chat: ChatController, server: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    server.script(thinking=["Short", " question."], tokens=["Blue", "."])
    ask(qtbot, chat, "Why is the sky blue?")
    question, answer = chat.conversation.messages
    assert (answer.content, answer.thinking, answer.state) == ("Blue.", "Short question.", MessageState.DONE)
    assert answer.stats is not None
    assert answer.stats.eval_count == 4
    assert question.state is MessageState.DONE
    assert question.id != answer.id


def test_a_stopped_answer_and_a_failed_one_say_so(qtbot, chat: ChatController, server: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    server.script(tokens=[f" w{i}" for i in range(500)], chunk_delay=0.005)
    pieces: list[str] = []
    chat.reply_text_arrived.connect(pieces.append)
    chat.send("talk")
    qtbot.waitUntil(lambda: len(pieces) > 0)
    chat.stop()
    assert chat.conversation.messages[-1].state is MessageState.STOPPED
    assert chat.conversation.messages[-1].stats is None

    chat.set_model("llama3.1:8b")  # no reasoning first: the error comes within the answer's text
    server.script(tokens=["par", "tial", "never"], error_after=2, error_message="runner died")
    with qtbot.waitSignal(chat.reply_failed):
        chat.send("go on")
    assert (chat.conversation.messages[-1].content, chat.conversation.messages[-1].state) == (
        "partial",
        MessageState.FAILED,
    )


def test_regenerate_keeps_the_replaced_answers_as_versions(
    qtbot, chat: ChatController, server: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    server.script(tokens=["one"])
    ask(qtbot, chat, "Count")
    question, first = chat.conversation.messages
    for word in ("two", "three"):
        server.script(tokens=[word])
        with qtbot.waitSignal(chat.busy_changed, check_params_cb=lambda busy: not busy):
            assert chat.regenerate()
    same_question, newest = chat.conversation.messages
    assert same_question.id == question.id  # the question was asked again, not replaced
    assert newest.content == "three"
    assert newest.id != first.id
    assert [(v.content, v.id == first.id) for v in newest.versions] == [("one", True), ("two", False)]


def test_a_regenerate_that_brings_nothing_puts_the_same_answer_back(
    qtbot, chat: ChatController, server: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    server.script(tokens=["Kept"])
    ask(qtbot, chat, "Say something")
    before = list(chat.conversation.messages)
    server.script(status=500, body=b'{"error":"model requires more system memory (9 GiB) than is available"}')
    with qtbot.waitSignal(chat.conversation_restored):
        chat.regenerate()
    assert [m.id for m in chat.conversation.messages] == [m.id for m in before]
    assert chat.conversation.messages[-1].versions == ()


def test_an_edited_question_keeps_the_old_text_as_a_version(
    qtbot, chat: ChatController, server: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    server.script(tokens=["an answer"])
    ask(qtbot, chat, "original")
    old = chat.conversation.messages[0]
    server.script(tokens=["a new answer"])
    with qtbot.waitSignal(chat.busy_changed, check_params_cb=lambda busy: not busy):
        assert chat.edit_question(0, "edited")
    question, answer = chat.conversation.messages
    assert (question.content, answer.content) == ("edited", "a new answer")
    assert [(v.content, v.id) for v in question.versions] == [("original", old.id)]
    assert answer.versions == ()  # an answer to another question is no version of the old one


# -- after a failed answer -------------------------------------------------------------------------


class Intents:
    def __init__(self, chat: ChatController) -> None:
        self.told: list[tuple[str, ...]] = []
        chat.server_doubted.connect(lambda: self.told.append(("check the server",)))
        chat.model_missing.connect(lambda model: self.told.append(("offer", model)))
        chat.diagnosis_wanted.connect(
            lambda error, model: self.told.append(("diagnose", type(error).__name__, model))
        )


def test_a_missing_model_is_offered_for_download_and_diagnosed(qtbot, chat: ChatController) -> None:  # type: ignore[no-untyped-def]
    intents = Intents(chat)
    chat.set_model("gone:latest")
    with qtbot.waitSignal(chat.diagnosis_wanted):
        chat.send("hello?")
    assert intents.told == [("offer", "gone:latest"), ("diagnose", ModelNotFound.__name__, "gone:latest")]


def test_a_server_gone_mid_answer_is_checked_at_once(qtbot, chat: ChatController, server: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    intents = Intents(chat)
    server.script(tokens=[f" {i}" for i in range(1000)], chunk_delay=0.005)
    with qtbot.waitSignal(chat.first_token_arrived):
        chat.send("long one")
    with qtbot.waitSignal(chat.diagnosis_wanted):
        server.stop()
    assert intents.told == [("check the server",), ("diagnose", StreamIncomplete.__name__, THINKER.name)]


def test_a_server_error_is_only_diagnosed_and_the_failing_model_is_named(
    qtbot, chat: ChatController, server: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    intents = Intents(chat)
    server.script(tokens=["a", "b", "c"], error_after=1, chunk_delay=0.05, error_message="runner died")
    with qtbot.waitSignal(chat.first_token_arrived):
        chat.send("go")
    chat.set_model("llama3.1:8b")  # chosen while the answer streams: the diagnosis is of the one that failed
    with qtbot.waitSignal(chat.diagnosis_wanted):
        pass
    assert intents.told == [("diagnose", ServerError.__name__, THINKER.name)]
