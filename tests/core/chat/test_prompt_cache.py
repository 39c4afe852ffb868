"""Prompt speeds after the server's prompt cache served part of the prompt: no figure that misleads.

The fake server, with `prompt_cache` on, does what Ollama does: it counts the cached tokens in
`prompt_eval_count` but times only the ones it evaluated. Its true prompt speed is its model's
`prompt_tps`; every figure the client gives must be within the tolerance of it, or be None.
"""

from __future__ import annotations

import pytest

from ollama_desktop.core.benchmark.machine import MachineInfo
from ollama_desktop.core.benchmark.runner import BenchmarkRunner
from ollama_desktop.core.benchmark.runs import BUILTIN_PROMPTS, BenchmarkConfig, summarize
from ollama_desktop.core.chat.conversation import ChatMessage, ChatRequest
from ollama_desktop.core.chat.prompt_cache import PromptCache
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import ServerError
from ollama_desktop.core.responses import PROMPT_CACHE_TOLERANCE, ReplyStats
from tests.conftest import TEST_TIMEOUTS
from tests.fake_ollama import FakeOllama

MODEL = "llama3.1:8b"


@pytest.fixture
def client(fake: FakeOllama) -> OllamaClient:
    fake.prompt_cache = True
    return OllamaClient(fake.url, TEST_TIMEOUTS)


def answer(
    client: OllamaClient, *messages: ChatMessage, keep_alive: int | None = None
) -> tuple[str, ReplyStats]:
    text, stats = [], None
    for chunk in client.chat(ChatRequest(MODEL, messages, keep_alive=keep_alive)):
        text.append(chunk.content)
        if chunk.done:
            stats = chunk.stats
    assert stats is not None
    return "".join(text), stats


def honest(stats: ReplyStats, fake: FakeOllama) -> bool:
    """No figure, or one within the tolerance of the speed the server really had."""
    true_speed = fake.models[MODEL].prompt_tps
    return stats.prompt_rate is None or stats.prompt_rate <= true_speed * (1 + 1 / PROMPT_CACHE_TOLERANCE)


def test_a_follow_up_question_gets_no_prompt_speed_while_its_history_may_be_cached(
    client: OllamaClient, fake: FakeOllama
) -> None:
    question = ChatMessage("user", "Why is the sky blue? " * 20)
    reply, first = answer(client, question)
    assert first.prompt_rate == pytest.approx(fake.models[MODEL].prompt_tps, rel=0.01)  # nothing cached
    follow_up = (question, ChatMessage("assistant", reply), ChatMessage("user", "And at sunset?"))
    _, second = answer(client, *follow_up)
    # What Ollama reports: every token counted, only the new question's timed — several times too fast.
    assert second.prompt_eval_count / second.prompt_eval_duration * 1e9 > 5 * fake.models[MODEL].prompt_tps
    assert second.prompt_cached > second.prompt_eval_count * 0.9
    assert second.prompt_rate is None
    assert second.eval_rate is not None  # the answer's own speed is not affected


def test_the_same_question_again_gets_no_prompt_speed(client: OllamaClient, fake: FakeOllama) -> None:
    question = ChatMessage("user", "Write a haiku about autumn leaves falling in the park")
    _, first = answer(client, question)
    _, again = answer(client, question)  # a regenerated answer, or the same question in a new chat
    assert first.prompt_rate is not None
    assert again.prompt_cached == again.prompt_eval_count
    assert again.prompt_rate is None
    assert honest(first, fake)
    assert honest(again, fake)


def test_after_an_unload_the_whole_prompt_is_evaluated_and_its_speed_shown(
    client: OllamaClient, fake: FakeOllama
) -> None:
    question = ChatMessage("user", "Name three rivers")
    reply, _ = answer(client, question)
    client.unload(MODEL)
    follow_up = (question, ChatMessage("assistant", reply), ChatMessage("user", "And three lakes"))
    _, stats = answer(client, *follow_up)
    assert stats.prompt_cached == 0
    assert stats.prompt_rate == pytest.approx(fake.models[MODEL].prompt_tps, rel=0.01)


def test_freeing_memory_after_each_answer_keeps_the_prompt_speeds(
    client: OllamaClient, fake: FakeOllama
) -> None:
    question = ChatMessage("user", "Name three rivers")
    reply, _ = answer(client, question, keep_alive=0)  # "Free memory right after each answer"
    follow_up = (question, ChatMessage("assistant", reply), ChatMessage("user", "And three lakes"))
    _, stats = answer(client, *follow_up, keep_alive=0)
    assert stats.prompt_rate == pytest.approx(fake.models[MODEL].prompt_tps, rel=0.01)


def test_a_benchmark_repeating_a_prompt_gets_its_prompt_speed_only_when_it_was_evaluated(
    client: OllamaClient, fake: FakeOllama
) -> None:
    prompts = ["Why is the sky blue? Answer in one sentence.", "Write a short essay on bicycles."]
    rates = []
    for _run in range(3):
        for prompt in prompts:
            stats = next(chunk.stats for chunk in client.generate(MODEL, prompt) if chunk.done)
            assert stats is not None
            assert honest(stats, fake)
            rates.append(stats.prompt_rate)
    assert rates[:2] == [pytest.approx(fake.models[MODEL].prompt_tps, rel=0.01)] * 2
    assert rates[2:] == [None] * 4


@pytest.mark.parametrize("system", ["", "You are a helpful assistant who answers briefly."])
def test_no_prompt_speed_the_client_gives_overstates_the_servers(
    client: OllamaClient, fake: FakeOllama, system: str
) -> None:
    # A chat as a person has it: questions, a regenerated answer, an unload, a question repeated.
    history: list[ChatMessage] = [ChatMessage("system", system)] if system else []
    questions = ["Tell me about owls", "Which ones live in Europe?", "How long do they live?"]
    for number, question in enumerate(questions):
        history.append(ChatMessage("user", question))
        reply, stats = answer(client, *history)
        assert honest(stats, fake)
        if number == 1:
            reply, stats = answer(client, *history)  # regenerate
            assert honest(stats, fake)
            client.unload(MODEL)
        history.append(ChatMessage("assistant", reply))


def test_nothing_is_known_about_a_prompt_of_one_part_until_it_was_answered() -> None:
    cache = PromptCache()
    first = cache.sent("m", ["a question"])
    assert first.share == 0
    assert cache.sent("m", ["a question"]).share == 0  # sent, but failed or stopped: maybe never read
    cache.remember("m", first.digests)
    assert cache.sent("M:latest", ["a question"]).share == 1  # the same model, by another name
    assert cache.sent("m", ["a question", "more"]).share == pytest.approx(10 / 14)
    assert cache.sent("other", ["a question"]).share == 0
    assert cache.sent("m", []).share == 0  # a load: nothing evaluated


@pytest.mark.parametrize("cold", [False, True], ids=["warm", "cold"])
def test_a_benchmark_measures_prompt_speed_only_from_prompts_really_evaluated(
    client: OllamaClient, fake: FakeOllama, cold: bool
) -> None:
    config = BenchmarkConfig((MODEL,), BUILTIN_PROMPTS[:2], runs=3, cold=cold)
    runner = BenchmarkRunner(client, config, app_version="0", machine=lambda: MachineInfo("", "", ""))
    record = runner.run()
    rates = [result.prompt_rate for result in record.results]
    true_speed = pytest.approx(fake.models[MODEL].prompt_tps, rel=0.01)
    # Cold: unloaded before every run, so every prompt is evaluated whole. Warm: a prompt repeated
    # to the loaded model comes from its cache, and only each prompt's first run is measured.
    assert rates == ([true_speed] * 6 if cold else [true_speed] * 2 + [None] * 4)
    assert summarize(record.results)[0].prompt_rate is not None


def test_a_failed_answer_does_not_hide_the_prompt_speed_of_the_next_try(
    client: OllamaClient, fake: FakeOllama
) -> None:
    question = ChatMessage("user", "Why is the sky blue?")
    fake.script(status=500, body=b'{"error":"runner crashed"}')
    with pytest.raises(ServerError):
        answer(client, question)
    _text, stats = answer(client, question)  # asked again: the server never read the first one
    assert stats.prompt_cached == 0
    assert stats.prompt_rate is not None
