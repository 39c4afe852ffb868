"""Host parsing follows Ollama's own reading of OLLAMA_HOST."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ollama_desktop.core.servers.host import DEFAULT_HOST, host_from_environment, is_local, parse_host


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, "http://127.0.0.1:11434"),
        ("   ", "http://127.0.0.1:11434"),
        ("localhost", "http://localhost:11434"),
        ("[::]:11434", "http://127.0.0.1:11434"),
        ("::1", "http://[::1]:11434"),
        ("https://ollama.example.com/api-proxy", "https://ollama.example.com:443/api-proxy"),
        ("http://10.0.0.5:8080", "http://10.0.0.5:8080"),
    ],
)
def test_parse_host(text: str | None, expected: str) -> None:
    assert parse_host(text) == expected


@pytest.mark.parametrize("text", ["ftp://host", "host:99999", "host:abc", "my host"])
def test_parse_host_refuses(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the message is for the log, the type is the contract
        parse_host(text)


def test_environment_is_used_and_bad_values_fall_back() -> None:
    assert host_from_environment({"OLLAMA_HOST": "0.0.0.0:9999"}) == "http://127.0.0.1:9999"
    assert host_from_environment({}) == DEFAULT_HOST
    assert host_from_environment({"OLLAMA_HOST": "ftp://x"}) == DEFAULT_HOST


def test_is_local() -> None:
    assert is_local("http://[::1]:11434")
    assert not is_local("http://gpu-box:11434")


@given(st.text())
def test_any_text_gives_a_url_or_value_error(text: str) -> None:
    try:
        url = parse_host(text)
    except ValueError:
        return
    assert url.startswith(("http://", "https://"))
    # What we return must itself parse to the same thing: the settings store it.
    assert parse_host(url) == url
