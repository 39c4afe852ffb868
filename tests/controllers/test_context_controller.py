"""The context gauge's figures and the alarm, against the fake server over HTTP (one word, one token)."""

from __future__ import annotations

import pytest

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.context import ContextController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.chat.context import ContextUsage
from ollama_desktop.core.chat.conversation import ChatOptions
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS
from tests.fake_ollama import FakeOllama

# 100 words of 4 characters: 100 tokens to the fake, and to the app's estimate (4 characters a token).
QUESTION = " ".join(["abc"] * 100)
ANSWER = [" xyz"] * 100  # 100 tokens


Parts = tuple[ChatController, ContextController, ResidencyController]


@pytest.fixture
def parts(pool: WorkerPool, fake: FakeOllama) -> Parts:
    client = OllamaClient(fake.url, TEST_TIMEOUTS)
    chat = ChatController(pool, lambda: client)
    residency = ResidencyController(pool, lambda: client, interval_ms=100)
    context = ContextController(chat, residency, pool, lambda: client)
    chat.set_model("llama3.1:8b")
    return chat, context, residency


def ask(qtbot, chat: ChatController, fake: FakeOllama, times: int) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        fake.script(tokens=ANSWER)
        with qtbot.waitSignal(chat.reply_finished):
            assert chat.send(QUESTION)


def test_at_512_the_alarm_counts_the_dropped_messages(qtbot, parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    chat, context, _residency = parts
    chat.set_options(ChatOptions(num_ctx=512))
    drops: list[tuple[str, int]] = []
    context.history_dropped.connect(lambda reply, count: drops.append((reply, count)))
    ask(qtbot, chat, fake, 3)  # 510 prompt tokens: it still fits
    assert drops == []
    assert context.usage == ContextUsage(610, 512, 0, 610, "chat", measured=True)
    assert context.fits("") is False  # 10 + 600: the next prompt (question and all) does not fit
    assert context.fits(QUESTION) is False
    ask(qtbot, chat, fake, 1)
    assert len(fake.seen_messages[-1]) == 5  # the fake dropped two of seven
    assert drops == [(chat.conversation.messages[-1].id, 2)]
    ask(qtbot, chat, fake, 1)
    assert len(fake.seen_messages[-1]) == 5  # four of nine
    assert drops[-1] == (chat.conversation.messages[-1].id, 4)
    usage = context.usage
    assert (usage.used, usage.size) == (610, 512)
    assert usage.dropped is not None
    assert usage.dropped.first_seen_id == chat.conversation.messages[4].id


def test_at_4096_nothing_is_dropped(qtbot, parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    chat, context, residency = parts
    drops: list[int] = []
    context.history_dropped.connect(lambda _reply, count: drops.append(count))
    ask(qtbot, chat, fake, 5)
    assert drops == []
    assert len(fake.seen_messages[-1]) == 9
    with qtbot.waitSignal(residency.loaded_changed):
        residency.refresh_now()
    usage = context.usage
    assert (usage.used, usage.size, usage.source) == (1010, 4096, "loaded")  # 10 + 900 + 100
    assert context.fits(QUESTION) is True
    assert context.fits(" ".join(["abc"] * 3100)) is False  # 10 + 1,000 + 3,100


def test_a_larger_context_asks_again_and_reads_the_memory_back(qtbot, parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    chat, context, residency = parts
    chat.set_options(ChatOptions(num_ctx=512))
    ask(qtbot, chat, fake, 5)
    assert context.usage.dropped is not None
    with qtbot.waitSignal(residency.loaded_changed):
        residency.refresh_now()  # the memory before: loaded with 512
    qtbot.waitUntil(lambda: context.maximum == 131072)  # /api/show's llama.context_length
    assert context.larger_size() == 2048  # the chat's 1,010 tokens and room for an answer
    fake.script(tokens=ANSWER)
    with qtbot.waitSignal(context.enlarged, timeout=10_000) as enlarged:
        assert context.enlarge() == 2048
    assert fake.requests_to("/api/chat")[-1].json["options"]["num_ctx"] == 2048
    assert len(fake.seen_messages[-1]) == 9  # the whole chat again
    size, memory, before = enlarged.args
    assert (size, memory, before) == (2048, 6_396_979_326, 6_396_979_326)  # the fake's size ignores num_ctx
    usage = context.usage
    assert (usage.used, usage.size, usage.dropped) == (1010, 2048, None)
    assert len(chat.conversation.messages) == 10


def test_a_summary_starts_a_new_chat(qtbot, parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    chat, context, _residency = parts
    chat.set_options(ChatOptions("Be brief.", num_ctx=512))
    ask(qtbot, chat, fake, 5)
    fake.script(tokens=["We", " talked", " about", " abc", "."])
    with qtbot.waitSignal(context.summary_ready) as ready:
        assert context.summarize()
    assert ready.args == ["We talked about abc."]
    request = fake.requests_to("/api/chat")[-1].json
    assert request["stream"] is False
    assert request["options"]["num_ctx"] >= 2048  # the whole chat fits the summary's request
    assert request["messages"][-1]["role"] == "user"
    assert len(fake.seen_messages[-1]) == 12  # system, ten messages, the request for a summary
    assert chat.conversation.messages == []
    prompt = chat.conversation.options.system_prompt
    assert prompt.startswith("Be brief.\n\n")
    assert prompt.endswith("We talked about abc.")
    assert chat.conversation.options.num_ctx == 512


def test_a_summary_that_comes_after_the_user_left_the_chat_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, parts, fake: FakeOllama
) -> None:
    chat, context, _residency = parts
    ask(qtbot, chat, fake, 2)
    fake.script(tokens=["Late", " summary."], first_byte_delay=0.5)
    assert context.summarize()
    chat.new_chat()  # the user starts over while the model is writing
    assert not context.summarizing  # its request was cancelled
    with qtbot.assertNotEmitted(context.summary_ready, wait=800):
        chat.set_options(ChatOptions("Mine."))
    assert chat.conversation.options.system_prompt == "Mine."


def test_a_summary_asks_for_no_reasoning_and_keeps_none(qtbot, parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    chat, context, _residency = parts
    ask(qtbot, chat, fake, 1)
    fake.script(tokens=["<think>", "my reasoning", "</think>", "The summary."])
    with qtbot.waitSignal(context.summary_ready) as ready:
        assert context.summarize()
    assert ready.args == ["The summary."]
    assert fake.requests_to("/api/chat")[-1].json.get("think") is False


def test_the_alarm_is_told_again_only_when_more_is_lost(qtbot, parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    chat, context, _residency = parts
    chat.set_options(ChatOptions(num_ctx=512))
    drops: list[int] = []
    context.history_dropped.connect(lambda _reply, count: drops.append(count))
    ask(qtbot, chat, fake, 5)
    assert drops == sorted(set(drops))  # strictly more each time it is told
    assert drops


def test_the_models_longest_context_comes_from_the_chats_one_show(qtbot, parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    _chat, context, _residency = parts
    qtbot.waitUntil(lambda: context.maximum > 0)
    assert context.maximum == 131072  # the fake model's own, from /api/show's model_info
    assert len(fake.requests_to("/api/show")) == 1  # asked once, for the chat and the gauge alike
