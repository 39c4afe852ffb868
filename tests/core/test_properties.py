"""Property tests: any bytes in, either a value or one of our exceptions out, never anything else."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.ndjson import decode_line, iter_objects, split_lines
from ollama_desktop.core.responses import ChatChunk, ModelShow, parse_ps, parse_tags, parse_version

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
ollama_keys = st.sampled_from(
    [
        "models",
        "name",
        "model",
        "size",
        "size_vram",
        "details",
        "expires_at",
        "message",
        "content",
        "done",
        "eval_count",
        "eval_duration",
        "error",
        "version",
        "capabilities",
        "model_info",
        "response",
    ]
)
ollama_like = st.recursive(
    json_values,
    lambda children: st.dictionaries(ollama_keys, children, max_size=6) | st.lists(children, max_size=3),
    max_leaves=30,
)


@given(st.binary(max_size=300))
def test_decode_line_any_bytes(data: bytes) -> None:
    try:
        result = decode_line(data)
    except OllamaError:
        return
    assert isinstance(result, dict)


@given(st.lists(st.binary(max_size=40), max_size=20))
def test_split_lines_matches_a_plain_split(chunks: list[bytes]) -> None:
    whole = b"".join(chunks)
    expected = whole.split(b"\n")
    if expected and expected[-1] == b"":
        expected.pop()
    assert list(split_lines(chunks, max_line=10_000)) == expected


@given(st.lists(st.binary(max_size=40), max_size=20), st.integers(min_value=1, max_value=30))
def test_split_lines_refuses_long_lines(chunks: list[bytes], limit: int) -> None:
    try:
        for line in split_lines(chunks, max_line=limit):
            assert len(line) <= limit + 40  # a line is refused at most one chunk after passing the limit
    except OllamaError:
        pass


@given(st.lists(ollama_like, max_size=5))
def test_iter_objects_any_lines(values: list[Any]) -> None:
    lines = [json.dumps(value).encode() for value in values]
    try:
        for obj in iter_objects(lines):
            ChatChunk.from_chat_json(obj)
            ChatChunk.from_generate_json(obj)
    except OllamaError:
        pass


@settings(max_examples=300)
@given(ollama_like)
def test_parsers_any_json(value: Any) -> None:
    for parse in (parse_tags, parse_ps, parse_version, ModelShow.from_json, ChatChunk.from_chat_json):
        with contextlib.suppress(OllamaError):
            parse(value)


def test_server_text_is_bounded_where_it_is_parsed() -> None:
    """Names, labels and long texts are cut once, here; the answer's own text never is."""
    long_name = "m" * 600
    tags = parse_tags(
        {
            "models": [
                {"name": long_name},
                {"name": "ok:1b", "details": {"family": "f" * 10_000}},
            ]
        }
    )
    assert [model.name for model in tags] == ["ok:1b"]  # no model has a 600-character name
    assert len(tags[0].details.family) <= 201
    show = ModelShow.from_json({"template": "t" * 1_000_000, "license": "l" * 100})
    assert len(show.template) <= 16_001
    assert show.license == "l" * 100
    word = "w" * 1_000_000
    chunk = ChatChunk.from_chat_json({"message": {"content": word}, "done": False})
    assert chunk.content == word
