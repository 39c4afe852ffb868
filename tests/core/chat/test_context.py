"""Token estimates, the context's size, and finding the messages the server dropped."""

from __future__ import annotations

import doctest

from ollama_desktop.core.attachments.attachment import Attachment, attachment_tokens
from ollama_desktop.core.attachments.files import Kind
from ollama_desktop.core.chat import context
from ollama_desktop.core.chat.context import (
    DEFAULT_CONTEXT,
    ContextUsage,
    analyse,
    context_size,
    estimate_tokens,
    larger_size,
)
from ollama_desktop.core.chat.conversation import ChatMessage, MessageState
from ollama_desktop.core.responses import ReplyStats, RunningModel


def test_doctests() -> None:
    result = doctest.testmod(context, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def turn(name: str, question: str, prompt: int, answer: int) -> list[ChatMessage]:
    stats = ReplyStats(prompt_eval_count=prompt, eval_count=answer)
    return [ChatMessage("user", question, id=name), ChatMessage("assistant", "x", stats=stats, id=name + "!")]


WORDS = " ".join(["abc"] * 100)  # 100 tokens, as the fake counts and as estimated


def test_estimates() -> None:
    assert estimate_tokens(WORDS) == 100
    assert estimate_tokens("한국어 문장") == 6  # five syllables, one space
    assert estimate_tokens("ｔｅｓｔ") == 4  # full-width forms


def test_the_size_in_use() -> None:
    other = (RunningModel("gemma3:270m", context_length=32768),)
    assert context_size("llama3.1:8b", None, other) == (DEFAULT_CONTEXT, "default")
    assert context_size("Llama3.1:8B", None, (RunningModel("llama3.1:8b", context_length=8192),)) == (
        8192,
        "loaded",
    )
    assert larger_size(512, 1024, needed=5000) == 1024  # capped at the model's maximum


def test_a_question_estimated_badly_is_no_alarm() -> None:
    # The third question is estimated at 200 tokens but counts 100: its prompt was expected at
    # 10 + 400 + 200 = 610, more than a context of 512, yet the 510 measured is within the guess's
    # tolerance (8 + half the guess): nothing was dropped, and the question is learned at 100.
    chat = turn("a", WORDS, 110, 100) + turn("b", WORDS, 310, 100)
    chat += turn("c", " ".join(["abcdefg"] * 100), 510, 100)
    for size in (512, 4096):
        result = analyse(chat, "", size)
        assert result.drops == {}
        assert result.counts["c"] == 100


def test_a_drop_is_found_and_counted() -> None:
    chat = turn("a", WORDS, 110, 100) + turn("b", WORDS, 310, 100) + turn("c", WORDS, 510, 100)
    chat += turn("d", WORDS, 510, 100)  # 710 at 512: two dropped
    result = analyse(chat, "", 512)
    drop = result.latest_drop
    assert drop is not None
    assert (drop.reply_id, drop.count, drop.first_seen_id) == ("d!", 2, "b")
    assert result.used == 610
    chat += turn("e", WORDS, 510, 100)  # 910: four dropped
    drop = analyse(chat, "", 512).latest_drop
    assert drop is not None
    assert (drop.count, drop.first_seen_id) == (4, "c")
    # The same counts in a context of 4,096 cannot be drops (the history fits): no alarm.
    assert analyse(chat, "", 4096).drops == {}


def test_the_system_prompt_is_part_of_the_fixed_tokens() -> None:
    chat = turn("a", WORDS, 130, 100) + turn("b", WORDS, 330, 100)  # 20 tokens of system prompt
    result = analyse(chat, "Answer briefly and in English, please.", 4096)
    assert result.overhead == 30
    assert result.history_tokens(chat) == 430


def test_an_answer_without_counts_and_a_chat_never_answered() -> None:
    stopped = ChatMessage("assistant", "abc abc", state=MessageState.STOPPED)
    result = analyse([ChatMessage("user", WORDS, id="q"), stopped], "", 4096)
    assert not result.measured
    assert result.used == 10 + 100 + 2  # the guessed template, then the estimates
    usage = ContextUsage(result.used, 4096, typed=50, next_prompt=result.history_tokens([]) + 50)
    assert usage.fits
    assert analyse([], "", 4096).used == 0


def test_a_chat_denser_than_the_estimate_counts_its_drops_right() -> None:
    # As the fake counts it (a word a token; "question" is estimated at two): at 512 the server saw
    # 1, 3, 4, 4, 4 of the 1, 3, 5, 7, 9 messages sent. The chat's own density, learnt from the
    # answers and the uncut questions, puts the guesses right; before, each drop was one too many.
    chat: list[ChatMessage] = []
    for number, prompt in enumerate((112, 314, 414, 414, 414), start=1):
        question = " ".join(["question"] * 100) + f" number {number}"
        stats = ReplyStats(prompt_eval_count=prompt, eval_count=100)
        chat += [
            ChatMessage("user", question, id=f"q{number}"),
            ChatMessage("assistant", " ".join(["answer"] * 100), stats=stats, id=f"a{number}"),
        ]
    drops = analyse(chat, "", 512).drops
    assert {reply: drop.count for reply, drop in drops.items()} == {"a3": 1, "a4": 3, "a5": 5}
    assert drops["a5"].first_seen_id == "a3"


def test_the_files_of_a_question_count_until_an_answer_measures_them() -> None:
    # A question with a 2,000-token document, not answered yet (it streams): the gauge counts the
    # document with the question; a question of a picture alone counts the picture.
    document = Attachment("report.txt", Kind.TEXT, 8000, 2000, text="x")
    picture = Attachment("photo.jpg", Kind.JPEG, 90_000, 1200, b"...", "image/jpeg", 1120, 840)
    chat = [*turn("a", WORDS, 110, 100), ChatMessage("user", "Sum it up.", attachments=(document,), id="b")]
    result = analyse(chat, "", 4096)
    assert result.tail == estimate_tokens("Sum it up.") + attachment_tokens((document,))
    assert result.history_tokens(chat) == result.overhead + 100 + 100 + result.tail
    alone = analyse([ChatMessage("user", "", attachments=(picture,))], "", 4096)
    assert alone.tail == 1200
