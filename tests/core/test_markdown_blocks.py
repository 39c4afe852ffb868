"""Streamed markdown cut into finished blocks and a tail; `<think>` taken out of an answer."""

from __future__ import annotations

import doctest
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ollama_desktop.core import markdown_blocks
from ollama_desktop.core.markdown_blocks import (
    BlockStream,
    ThinkSplitter,
    finished_prefix,
    make_parser,
    split_think,
)

PARSER = make_parser()

# Answers with every awkward place a stream can be cut at: inside a fence, a table, a list that goes
# on after blank lines, a quote, a heading underline, CJK text and emoji sequences.
AWKWARD = [
    "# Title\n\nIntro *with* `code`.\n\n```python\ndef f(x):\n\n    return x\n```\nAfter the fence.\n",
    "| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 | 4 |\n\nText after the table.",
    "- one\n- two\n\n- three (now loose)\n\n  continued in three\n\nParagraph.\n\n1. a\n2. b",
    "Setext\n======\n\n> quote\n> more\n\n> another quote\n\n---\n\n    indented code\n\n    still code\n",
    "天空看起来是蓝色的，是因为**瑞利散射**。\n\n하늘이 파랗게 보이는 이유 👨‍👩‍👧‍👦 🇰🇷 é\n\n- 正午\n- 日落",
    "~~~\nunclosed tilde fence with ``` inside\n\nand a blank line",
    "Line one\nline two\r\nline three\r\n\r\n## Heading\r\ntext",
    "1. first\n\n2\n\n3. third",
]


def block_signature(text: str) -> list[tuple[Any, ...]]:
    """What rendering depends on: every token of the full parse, without line numbers."""
    tokens = PARSER.parse(text)
    return [
        (t.type, t.tag, t.nesting, t.info, t.content, t.markup, sorted(t.attrs.items()), t.hidden)
        for t in tokens
    ]


def stream(pieces: list[str]) -> list[str]:
    """Feed the pieces one by one as a view does (take after each); the finished chunks, in order."""
    blocks = BlockStream(PARSER)
    chunks: list[str] = []
    for piece in pieces:
        blocks.feed(piece)
        update = blocks.take()
        if update.finished:
            chunks.append(update.finished)
    chunks.append(blocks.finish())
    return chunks


def test_doctests() -> None:
    result = doctest.testmod(markdown_blocks, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize("text", AWKWARD)
def test_every_two_piece_cut_renders_like_the_whole(text: str) -> None:
    whole = block_signature(markdown_blocks.normalize(text))
    for cut in range(len(text) + 1):
        chunks = stream([text[:cut], text[cut:]])
        assert "".join(chunks) == markdown_blocks.normalize(text)
        rendered = [token for chunk in chunks for token in block_signature(chunk)]
        assert rendered == whole, f"cut at {cut}: {text[:cut]!r} | {text[cut:]!r}"


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(AWKWARD), st.lists(st.integers(min_value=0, max_value=400), max_size=40))
def test_any_cuts_render_like_the_whole(text: str, cuts: list[int]) -> None:
    points = sorted({min(cut, len(text)) for cut in cuts})
    pieces = [text[a:b] for a, b in zip([0, *points], [*points, len(text)], strict=True)]
    chunks = stream(pieces)
    rendered = [token for chunk in chunks for token in block_signature(chunk)]
    assert rendered == block_signature(markdown_blocks.normalize(text))


def test_finished_blocks_come_out_while_streaming() -> None:
    blocks = BlockStream(PARSER)
    blocks.feed("# Title\n\nFirst paragraph.\n\nSecond")
    update = blocks.take()
    assert update.finished == "# Title\n\nFirst paragraph.\n\n"
    assert update.tail == "Second"
    blocks.feed(" paragraph.\n\n```py\nx = 1\n")
    assert blocks.take().finished == "Second paragraph.\n\n"
    blocks.feed("```\n")  # the fence closes: final at once, no blank line needed
    assert blocks.take().finished == "```py\nx = 1\n```\n"
    assert blocks.tail == ""


def test_a_list_stays_open_across_blank_lines() -> None:
    assert finished_prefix(PARSER, "- a\n\n- b\n\n") == 0
    assert finished_prefix(PARSER, "- a\n\n- b\n\nAfter.\n") == len("- a\n\n- b\n\n")


def test_a_partial_last_line_is_never_trusted() -> None:
    # "2" could still become "2. b", which would continue the list above.
    assert finished_prefix(PARSER, "1. a\n\n2") == 0


def test_an_open_fence_keeps_everything_after_it_open() -> None:
    assert finished_prefix(PARSER, "Intro.\n\n```\ncode\n\n# not a heading\n") == len("Intro.\n\n")


def test_the_tail_stays_small_in_a_long_answer() -> None:
    blocks = BlockStream(PARSER)
    for number in range(2000):
        blocks.feed(f"Paragraph {number} with some words.\n\n")
        blocks.take()
        assert len(blocks.tail) < 200


def test_crlf_cut_between_cr_and_lf_is_one_line_break() -> None:
    assert "".join(stream(["a\r", "\nb"])) == "a\nb"
    assert "".join(stream(["a\r"])) == "a\n"


# -- <think> -----------------------------------------------------------------------------------------

THINKS = [
    "<think>\nI should answer briefly.\n</think>\n\nThe answer.",
    "  \n<think>reasoning with < and </thi and </ but no close",
    "<think></think>Direct.",
    "No thinking here, though it mentions <think> tags.",
    "<thin",
    "",
    "<think>天空</think>\n蓝色的 👨‍👩‍👧",
]


@pytest.mark.parametrize("text", THINKS)
def test_think_split_at_every_cut_matches_the_whole(text: str) -> None:
    expected = split_think(text)
    for cut in range(len(text) + 1):
        splitter = ThinkSplitter()
        thinking_a, answer_a = splitter.feed(text[:cut])
        thinking_b, answer_b = splitter.feed(text[cut:])
        thinking_c, answer_c = splitter.finish()
        assert (thinking_a + thinking_b + thinking_c, answer_a + answer_b + answer_c) == expected, cut


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(THINKS), st.lists(st.integers(min_value=0, max_value=80), max_size=20))
def test_think_split_with_any_cuts(text: str, cuts: list[int]) -> None:
    points = sorted({min(cut, len(text)) for cut in cuts})
    splitter = ThinkSplitter()
    thinking, answer = "", ""
    for a, b in zip([0, *points], [*points, len(text)], strict=True):
        more_thinking, more_answer = splitter.feed(text[a:b])
        thinking += more_thinking
        answer += more_answer
    rest_thinking, rest_answer = splitter.finish()
    assert (thinking + rest_thinking, answer + rest_answer) == split_think(text)


def test_think_parts() -> None:
    assert split_think(THINKS[0]) == ("\nI should answer briefly.\n", "The answer.")
    assert split_think(THINKS[3]) == ("", THINKS[3])
    splitter = ThinkSplitter()
    assert splitter.feed("<think>hm") == ("hm", "")
    assert splitter.in_thinking
