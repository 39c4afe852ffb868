"""Streamed markdown cut into finished blocks and a tail; `<think>` taken out of an answer."""

from __future__ import annotations

import doctest
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ollama_desktop.core.chat import markdown_blocks
from ollama_desktop.core.chat.markdown_blocks import (
    BlockStream,
    finished_prefix,
    make_parser,
)
from ollama_desktop.core.chat.think_split import ThinkSplitter, split_think

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


# -- long blocks are written in pieces -------------------------------------------------------------

# Blocks far longer than the small limits used here: a paragraph, a list with nested items, code
# (fenced and indented), a table, a quote, one enormous word, a heading's underline after a cut.
LONG = [
    "word " * 60 + "\n\nAfter.",
    "x" * 250 + " tail",
    "- item one two three\n" * 20 + "  - nested thing\n" * 5 + "\npara",
    "```python\n" + "\n".join(f"line_{i} = {i}" for i in range(40)) + "\n```\nafter\n",
    "    code line\n" * 30,
    "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 40 + "\nText.",
    "> quote line\n" * 30,
    "para line\n" * 40 + "===\n",
    "```\n" + "y" * 300 + "\n```",
]


def stream_pieces(text: str, cuts: list[int], limit: int, lines: int) -> list[markdown_blocks.Piece]:
    blocks = BlockStream(PARSER, limit, lines)
    pieces: list[markdown_blocks.Piece] = []
    points = sorted({min(cut, len(text)) for cut in cuts})
    for a, b in zip([0, *points], [*points, len(text)], strict=True):
        blocks.feed(text[a:b])
        pieces += blocks.take().pieces
        assert blocks.open_length() <= limit + (b - a)  # the open block never grows past the limit
    return pieces + list(blocks.take(final=True).pieces)


def pieces_signature(pieces: list[markdown_blocks.Piece]) -> list[tuple[Any, ...]]:
    """What the writer is given: each piece's blocks, and where one goes on with the code above."""
    rendered: list[tuple[Any, ...]] = []
    for piece in pieces:
        blocks = block_signature(piece.text)
        if piece.continues_code is not None and blocks and blocks[0][0] in ("fence", "code_block"):
            rendered.append(("goes on with the code above", piece.continues_code))
        rendered += blocks
    return rendered


@settings(max_examples=120, deadline=None)
@given(
    st.sampled_from(LONG),
    st.sampled_from([(17, 3), (30, 6), (64, 12)]),
    st.lists(st.integers(min_value=0, max_value=1200), max_size=30),
)
def test_long_blocks_are_cut_the_same_however_the_stream_is_divided(
    text: str, limits: tuple[int, int], cuts: list[int]
) -> None:
    limit, lines = limits
    whole = markdown_blocks.pieces_of(text, PARSER, limit, lines)
    assert pieces_signature(stream_pieces(text, cuts, limit, lines)) == pieces_signature(whole)


@pytest.mark.parametrize("text", LONG)
def test_no_piece_holds_a_block_longer_than_the_limits(text: str) -> None:
    limit, lines = 30, 6
    pieces = markdown_blocks.pieces_of(text, PARSER, limit, lines)
    assert len(pieces) > 1
    for piece in pieces:
        for token in PARSER.parse(piece.text):
            if token.level == 0 and token.nesting >= 0 and token.map:
                start, end = token.map
                block = "\n".join(piece.text.split("\n")[start:end])
                reopened = 1 if piece.continues_code is not None or token.type == "table_open" else 0
                assert end - start <= lines + 2 * reopened + 1
                assert len(block) <= limit + 2 * len(piece.text.split("\n")[0]) * reopened + 1


def test_the_stream_hands_out_all_of_the_text_once() -> None:
    text = "".join(LONG)
    blocks = BlockStream(PARSER, 30, 6)
    finished = []
    for start in range(0, len(text), 7):
        blocks.feed(text[start : start + 7])
        finished.append(blocks.take().finished)
    finished.append(blocks.finish())
    assert "".join(finished) == text
    assert blocks.finished_length == len(text)


def test_a_cut_code_block_goes_on_under_its_opening_line() -> None:
    code = "```python\n" + "".join(f"x{i} = {i}\n" for i in range(10)) + "```\n"
    pieces = markdown_blocks.pieces_of(code, PARSER, 30, 100)
    assert [piece.continues_code for piece in pieces] == [None] + ["\n"] * (len(pieces) - 1)
    assert all(piece.text.startswith("```python\n") for piece in pieces)
    codes = [token.content for piece in pieces for token in PARSER.parse(piece.text) if token.type == "fence"]
    assert "".join(codes) == code.removeprefix("```python\n").removesuffix("```\n")
    # A line longer than the limit is cut inside: its pieces join with nothing between them.
    long_line = markdown_blocks.pieces_of("```\n" + "z" * 70 + "\n```", PARSER, 30, 100)
    assert [piece.continues_code for piece in long_line] == [None, "", ""]
    assert long_line[0].text == "```\n" + "z" * 26  # some code under its header, not an empty box


def test_a_long_word_is_cut_at_the_limit_and_words_at_a_space() -> None:
    assert [len(piece.text) for piece in markdown_blocks.pieces_of("x" * 100, PARSER, 30, 5)] == [
        30,
        30,
        30,
        10,
    ]
    words = markdown_blocks.pieces_of("ab " * 30, PARSER, 30, 5)
    assert all(piece.text.endswith(" ") and not piece.text.startswith(" ") for piece in words[:-1])
    assert "".join(piece.text for piece in words) == "ab " * 30
