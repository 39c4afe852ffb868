"""The fake server answers like the real one (the transcripts), and its test knobs do what they say."""

from __future__ import annotations

import base64
import dataclasses
import http.client
import json
import re
import signal
import socket
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.attachment_files import gif, jpeg, png, webp_extended, webp_lossless, webp_lossy
from tests.fake_ollama import (
    ApiError,
    FakeModel,
    FakeOllama,
    RawAnswer,
    RecordedRequest,
    decode_request,
    demo_models,
    go_base64_decode,
    gzip_bomb,
    parse_go_duration,
    repeated,
    tokenize,
    trickled,
)
from tests.transcripts import TRANSCRIPTS_DIR, Transcript, all_transcripts, load_transcript

GEMMA = "gemma3:270m"
CREATED_AT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$")
# These transcripts were shortened after recording (a path, a resolver address): their TIMING line
# still counts the original bytes.
REDACTED = {"26_show", "28_pull_stream", "29_pull_nostream"}
# Long enough that every num_predict in the transcripts cuts it, as it cut the real model.
LONG_ANSWER = tokenize(" ".join(["The quick brown fox jumps over the lazy dog."] * 40))


def wait_until(condition: Callable[[], bool], timeout: float = 2.0) -> None:
    """Poll ``condition`` until it holds; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("condition not met in time")
        time.sleep(0.005)


@pytest.fixture
def fake() -> Iterator[FakeOllama]:
    with FakeOllama() as server:
        yield server


@dataclasses.dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.body.splitlines() if line.strip()]


def exchange(
    fake: FakeOllama,
    method: str,
    path: str,
    body: bytes | str | dict[str, Any] | None = None,
    timeout: float = 5.0,
) -> Reply:
    """One request on a fresh connection, with the answer's raw headers and (de-chunked) body."""
    if isinstance(body, dict):
        body = json.dumps(body)
    if isinstance(body, str):
        body = body.encode("utf-8")
    connection = http.client.HTTPConnection(fake.host, fake.port, timeout=timeout)
    try:
        connection.request(method, path, body=body)
        response = connection.getresponse()
        return Reply(response.status, dict(response.getheaders()), response.read())
    finally:
        connection.close()


class RawClient:
    """A client on a bare socket, so a test decides exactly when it reads and when it hangs up."""

    def __init__(self, fake: FakeOllama, path: str, body: dict[str, Any]) -> None:
        payload = json.dumps(body).encode("utf-8")
        self.sock = socket.create_connection((fake.host, fake.port), timeout=5.0)
        self.sock.sendall(
            f"POST {path} HTTP/1.1\r\nHost: {fake.host}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n".encode()
            + payload
        )
        self.received = b""

    def read_until(self, marker: bytes, count: int = 1) -> bytes:
        while self.received.count(marker) < count:
            data = self.sock.recv(65536)
            if not data:
                break
            self.received += data
        return self.received

    def read_all(self) -> bytes:
        return self.read_until(b"\r\n0\r\n\r\n")

    def silent_for(self, seconds: float) -> bool:
        """Nothing at all arrives for ``seconds`` (the only way to show an absence)."""
        self.sock.settimeout(seconds)
        try:
            return not self.sock.recv(1, socket.MSG_PEEK)
        except TimeoutError:
            return True
        finally:
            self.sock.settimeout(5.0)

    def hang_up(self) -> None:
        self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()


@pytest.fixture
def raw_clients() -> Iterator[list[RawClient]]:
    clients: list[RawClient] = []
    yield clients
    for client in clients:
        client.sock.close()


def chat(prompt: str = "Why is the sky blue?", model: str = GEMMA, **extra: Any) -> dict[str, Any]:
    return {"model": model, "messages": [{"role": "user", "content": prompt}], **extra}


def last_request(fake: FakeOllama, path: str) -> RecordedRequest:
    wait_until(lambda: bool(fake.requests_to(path)))
    return fake.requests_to(path)[-1]


# --- the transcripts module -----------------------------------------------------------------------


def test_transcripts_are_read_byte_for_byte() -> None:
    transcripts = all_transcripts()
    assert len(transcripts) == len(list(TRANSCRIPTS_DIR.glob("*.txt"))) > 50
    for transcript in transcripts:
        match = re.search(r"body (\d+) bytes", transcript.timing)
        assert match is not None
        counted = int(match.group(1))
        if transcript.name not in REDACTED:
            assert len(transcript.body) == counted, transcript.name
            assert transcript.headers.get("Content-Length", str(counted)) == str(counted), transcript.name
        if transcript.content_type == "application/x-ndjson":
            assert transcript.lines()
        assert (transcript.request_body is None) == (transcript.method == "GET"), transcript.name


def test_load_transcript_by_prefix_name_or_path() -> None:
    by_prefix = load_transcript("04")
    assert by_prefix == load_transcript("04_generate_stream")
    assert by_prefix == load_transcript(TRANSCRIPTS_DIR / "04_generate_stream.txt")
    assert by_prefix.path == "/api/generate"
    assert by_prefix.lines()[-1]["done"] is True
    assert load_transcript("01").json() == {"version": "0.24.0"}
    assert load_transcript("25").request_body == b""
    assert load_transcript("51").content_type == ""
    with pytest.raises(FileNotFoundError):
        load_transcript("99")


# --- replaying the transcripts against the fake -----------------------------------------------------


def shape(value: Any, loose: tuple[str, ...] = ()) -> Any:
    """Keys in order and value types at every level (lists: the set of their elements' shapes)."""
    if isinstance(value, dict):
        return [
            (key, type(item).__name__ if key in loose else shape(item, loose)) for key, item in value.items()
        ]
    if isinstance(value, list):
        return ["list", *sorted({json.dumps(shape(item, loose)) for item in value})]
    return type(value).__name__


SETUP: dict[str, Callable[[FakeOllama], None]] = {
    **dict.fromkeys(("08", "09", "12", "17"), lambda fake: fake.load(GEMMA)),
    "47": lambda fake: fake.load(GEMMA, keep_alive=-1),
    "49": lambda fake: fake.load(GEMMA, keep_alive=600),
    "52": lambda fake: fake.models.update(
        {"scratch-copy:latest": dataclasses.replace(fake.models[GEMMA], name="scratch-copy:latest")}
    ),
}
# Answers that do not depend on time or on what the model says: the fake must give the same bytes.
EXACT = {
    "01",
    "18",
    "19",
    "20",
    "21",
    "22",
    "23",
    "24",
    "25",
    "27",
    "28",
    "29",
    "30",
    "30b",
    "31",
    "32",
    "33",
    "34",
    "35",
    "36",
    "50",
    "51",
    "52",
}
REPLAYED = sorted(t.name.split("_", 1)[0] for t in all_transcripts())


def timeless(model: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in model.items() if key not in ("digest", "modified_at", "expires_at")}


def uses_stop_sequences(transcript: Transcript) -> bool:
    """The fake has no stop sequences: where the request used them, its done_reason differs."""
    return "stop" in json.loads(transcript.request_body or b"{}").get("options", {})


def compare_json(transcript: Transcript, reply: Reply) -> None:
    expected, actual = transcript.json(), reply.json()
    assert shape(actual, ("model_info",)) == shape(expected, ("model_info",))
    if "created_at" in expected:
        assert CREATED_AT.match(actual["created_at"])
    for model in expected.get("models") or []:
        # Tags and ps: the fake's gemma3:270m has the real one's sizes and details.
        assert timeless(actual["models"][0]) == timeless(model)
    if "done_reason" in expected and not uses_stop_sequences(transcript):
        assert actual["done_reason"] == expected["done_reason"]


def compare_stream(transcript: Transcript, reply: Reply) -> None:
    expected, actual = transcript.lines(), reply.lines()
    assert shape(actual[0]) == shape(expected[0])
    assert all(shape(line) == shape(expected[0]) for line in actual[:-1])
    if expected[-1].get("done"):
        assert shape(actual[-1]) == shape(expected[-1])
        if not uses_stop_sequences(transcript):
            assert actual[-1]["done_reason"] == expected[-1]["done_reason"]
        assert actual[-1]["eval_count"] == len(actual) - 1
    assert all(CREATED_AT.match(line["created_at"]) for line in actual)


@pytest.mark.parametrize("number", REPLAYED)
def test_replay_transcript(number: str) -> None:
    transcript = load_transcript(number)
    with FakeOllama([model for model in demo_models() if model.name == GEMMA]) as fake:
        fake.default_tokens = LONG_ANSWER
        if number in SETUP:
            SETUP[number](fake)
        reply = exchange(fake, transcript.method, transcript.path, transcript.request_body)
    assert reply.status == transcript.status
    assert reply.headers.get("Content-Type") == transcript.headers.get("Content-Type")
    for header in ("Transfer-Encoding", "Allow"):
        assert reply.headers.get(header) == transcript.headers.get(header)
    assert ("Content-Length" in reply.headers) == ("Content-Length" in transcript.headers)
    if number in EXACT:
        assert reply.body == transcript.body
    elif transcript.content_type == "application/x-ndjson":
        compare_stream(transcript, reply)
    else:
        compare_json(transcript, reply)


def test_ps_expiry_matches_the_keep_alive_transcripts(fake: FakeOllama) -> None:
    exchange(fake, "POST", "/api/chat", load_transcript("46").request_body)
    # keep_alive -1 is Go's largest duration, 292 years: transcript 47 says 2319.
    forever = exchange(fake, "GET", "/api/ps").json()["models"][0]["expires_at"]
    recorded = load_transcript("47").json()["models"][0]["expires_at"]
    assert recorded.startswith("2319-")
    assert int(forever[:4]) - datetime.now(UTC).year in (292, 293)
    exchange(fake, "POST", "/api/chat", load_transcript("48").request_body)
    expires = fake.loaded[GEMMA].expires_at
    assert abs((expires - datetime.now(UTC)).total_seconds() - 600) < 5


# --- loading, unloading, keep_alive -----------------------------------------------------------------


def ps_names(fake: FakeOllama) -> list[str]:
    return [model["name"] for model in exchange(fake, "GET", "/api/ps").json()["models"]]


@pytest.mark.parametrize("path", ["/api/chat", "/api/generate"])
def test_load_then_unload_shows_in_ps(fake: FakeOllama, path: str) -> None:
    empty = {"model": GEMMA, "messages": []} if path == "/api/chat" else {"model": GEMMA}
    assert exchange(fake, "POST", path, empty).json()["done_reason"] == "load"
    assert ps_names(fake) == [GEMMA]
    assert exchange(fake, "POST", path, {**empty, "keep_alive": 0}).json()["done_reason"] == "unload"
    assert ps_names(fake) == []
    assert exchange(fake, "POST", path, {**empty, "keep_alive": 0}).json()["done_reason"] == "unload"


def test_generation_loads_and_keep_alive_zero_unloads_after_answering(fake: FakeOllama) -> None:
    assert exchange(fake, "POST", "/api/chat", chat(stream=False)).status == 200
    assert ps_names(fake) == [GEMMA]
    assert exchange(fake, "POST", "/api/chat", chat(stream=False, keep_alive=0)).status == 200
    assert ps_names(fake) == []


def test_ignore_unload_keeps_the_model_listed(fake: FakeOllama) -> None:
    fake.ignore_unload = True
    fake.load(GEMMA)
    assert (
        exchange(fake, "POST", "/api/chat", {"model": GEMMA, "messages": [], "keep_alive": 0}).json()[
            "done_reason"
        ]
        == "unload"
    )
    assert ps_names(fake) == [GEMMA]


def test_unload_of_a_busy_model_waits_for_its_request(fake: FakeOllama, raw_clients: list[RawClient]) -> None:
    fake.script(stall_after=1)
    raw_clients.append(RawClient(fake, "/api/chat", chat()))
    raw_clients[0].read_until(b'"done":false}')
    exchange(fake, "POST", "/api/chat", {"model": GEMMA, "messages": [], "keep_alive": 0})
    assert ps_names(fake) == [GEMMA]
    raw_clients[0].hang_up()
    wait_until(lambda: GEMMA not in fake.loaded)


@pytest.mark.parametrize(
    ("keep_alive", "seconds"),
    [
        (None, 300),
        (30, 30),
        ("30s", 30),
        ("10m", 600),
        ("1h", 3600),
        ("1h30m", 5400),
        (-1, None),
        ("-5m", None),
    ],
)
def test_keep_alive_forms(fake: FakeOllama, keep_alive: Any, seconds: int | None) -> None:
    body: dict[str, Any] = {"model": GEMMA, "messages": []}
    if keep_alive is not None:
        body["keep_alive"] = keep_alive
    exchange(fake, "POST", "/api/chat", body)
    expires = fake.loaded[GEMMA].expires_at
    if seconds is None:
        assert expires.year - datetime.now(UTC).year in (292, 293)
    else:
        assert abs((expires - datetime.now(UTC)).total_seconds() - seconds) < 5


@pytest.mark.parametrize(
    ("keep_alive", "error"),
    [
        ("banana", 'time: invalid duration "banana"'),
        ("10", 'time: missing unit in duration "10"'),
        ("5 minutes", 'time: unknown unit " minutes" in duration "5 minutes"'),
        (True, "Unsupported type: 'bool'"),
    ],
)
def test_bad_keep_alive(fake: FakeOllama, keep_alive: Any, error: str) -> None:
    reply = exchange(fake, "POST", "/api/chat", {"model": GEMMA, "messages": [], "keep_alive": keep_alive})
    assert (reply.status, reply.json()) == (400, {"error": error})


def test_loaded_models_expire(fake: FakeOllama) -> None:
    exchange(fake, "POST", "/api/generate", {"model": GEMMA, "keep_alive": 0.05})
    wait_until(lambda: ps_names(fake) == [])


def test_ps_reports_placement_and_context(fake: FakeOllama) -> None:
    for name in ("llama3.1:8b", "qwen2.5:14b", GEMMA):
        exchange(fake, "POST", "/api/chat", {"model": name, "messages": [], "options": {"num_ctx": 8192}})
    models = {model["name"]: model for model in exchange(fake, "GET", "/api/ps").json()["models"]}
    assert models["llama3.1:8b"]["size_vram"] == models["llama3.1:8b"]["size"] == 4_920_753_328 * 13 // 10
    assert models["qwen2.5:14b"]["size_vram"] == models["qwen2.5:14b"]["size"] * 6 // 10
    assert models[GEMMA]["size_vram"] == 0
    assert {model["context_length"] for model in models.values()} == {8192}


# --- generation -----------------------------------------------------------------------------------


def done_line(reply: Reply) -> dict[str, Any]:
    lines = reply.lines()
    assert lines[-1]["done"] is True
    return lines[-1]


def test_stream_lines_and_reported_speeds(fake: FakeOllama) -> None:
    model = fake.models[GEMMA]
    reply = exchange(fake, "POST", "/api/chat", chat("one two three", options={"num_predict": 5}))
    *tokens, done = reply.lines()
    assert len(tokens) == 5
    assert done["done_reason"] == "length"
    assert done["eval_count"] == 5
    assert done["eval_duration"] == round(5 / model.eval_tps * 1e9)
    assert done["prompt_eval_count"] == 3 + 10
    assert done["prompt_eval_duration"] == round(13 / model.prompt_tps * 1e9)
    assert done["load_duration"] == round(model.load_seconds * 1e9)  # cold
    assert done_line(exchange(fake, "POST", "/api/chat", chat()))["load_duration"] == round(0.1 * 1e9)  # warm
    assert done_line(exchange(fake, "POST", "/api/chat", chat()))["done_reason"] == "stop"


def test_generate_stream_carries_context(fake: FakeOllama) -> None:
    fake.script(tokens=["Hi", " there"])
    reply = exchange(fake, "POST", "/api/generate", {"model": GEMMA, "prompt": "hello"})
    assert [line["response"] for line in reply.lines()] == ["Hi", " there", ""]
    assert len(done_line(reply)["context"]) == 11 + 2


def test_prompt_cache_counts_the_cached_tokens_but_times_only_the_new_ones(fake: FakeOllama) -> None:
    fake.prompt_cache = True
    tps = fake.models[GEMMA].prompt_tps
    fake.script(tokens=[" Blue", " light", " scatters."])
    first = done_line(exchange(fake, "POST", "/api/chat", chat("Why is the sky blue?")))
    assert first["prompt_eval_count"] == 15
    assert first["prompt_eval_duration"] == round(15 / tps * 1e9)  # a cold model holds nothing
    follow_up = chat("Why is the sky blue?")
    follow_up["messages"] += [
        {"role": "assistant", "content": "Blue light scatters."},
        {"role": "user", "content": "And at sunset?"},
    ]
    second = done_line(exchange(fake, "POST", "/api/chat", follow_up))
    # All of it counted (15 + 3 + 3), only the new question's 3 words and the template's 10 timed.
    assert second["prompt_eval_count"] == 21
    assert second["prompt_eval_duration"] == round(13 / tps * 1e9)
    again = done_line(exchange(fake, "POST", "/api/chat", follow_up))
    assert again["prompt_eval_duration"] == round(10 / tps * 1e9)  # every word cached
    exchange(fake, "POST", "/api/chat", {"model": GEMMA, "messages": [], "keep_alive": 0})  # unload
    assert done_line(exchange(fake, "POST", "/api/chat", follow_up))["prompt_eval_duration"] == round(
        21 / tps * 1e9
    )
    fake.prompt_cache = False
    assert done_line(exchange(fake, "POST", "/api/chat", follow_up))["prompt_eval_duration"] == round(
        21 / tps * 1e9
    )


@pytest.mark.parametrize(
    ("prompt", "script"),
    [
        ("하늘은 왜 파래요?", re.compile("[가-힣]")),
        ("天空为什么是蓝色的？", re.compile("[一-鿿]")),
        ("Why?", re.compile("Rayleigh")),
    ],
)
def test_default_answer_follows_the_users_language(
    fake: FakeOllama, prompt: str, script: re.Pattern[str]
) -> None:
    reply = exchange(fake, "POST", "/api/chat", chat(prompt, stream=False))
    assert script.search(reply.json()["message"]["content"])


def test_thinking_model_thinks_first(fake: FakeOllama) -> None:
    reply = exchange(fake, "POST", "/api/chat", chat(model="deepseek-r1:8b", think=True))
    messages = [line["message"] for line in reply.lines()[:-1]]
    kinds = ["thinking" if "thinking" in message else "content" for message in messages]
    assert kinds[0] == "thinking"
    assert kinds == sorted(kinds, key=lambda kind: kind != "thinking")
    assert all(message["content"] == "" for message in messages if "thinking" in message)
    quiet = exchange(fake, "POST", "/api/chat", chat(model="deepseek-r1:8b", think=False, stream=False))
    assert "thinking" not in quiet.json()["message"]


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        (chat(model="llama3.1:8b", think=True), 400, '"llama3.1:8b" does not support thinking'),
        (
            chat(model="deepseek-r1:8b", tools=[{"type": "function"}]),
            400,
            "registry.ollama.ai/library/deepseek-r1:8b does not support tools",
        ),
        (chat(options={"temperature": "hot"}), 500, 'option "temperature" must be of type float32'),
        (chat(options={"stop": "\n"}), 500, 'option "stop" must be of type array'),
        (
            {"model": 5},
            400,
            "json: cannot unmarshal number into Go struct field ChatRequest.model of type string",
        ),
        (
            {"model": GEMMA, "messages": [{"role": "user", "content": 1}]},
            400,
            "json: cannot unmarshal number into Go struct field ChatRequest.messages.content of type string",
        ),
        ([], 400, "json: cannot unmarshal array into Go value of type api.ChatRequest"),
        (
            chat(think="maximum"),
            400,
            'invalid think value: "maximum" (must be "high", "medium", "low", true, or false)',
        ),
        (chat(model="GEMMA3:270M", stream=False), 200, None),
    ],
)
def test_request_checks(fake: FakeOllama, body: Any, status: int, error: str | None) -> None:
    reply = exchange(fake, "POST", "/api/chat", json.dumps(body))
    assert reply.status == status
    if error is not None:
        assert reply.json() == {"error": error}


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ('{"model":', "unexpected EOF"),
        ('{"model" "x"}', "invalid character '\"' after object key"),
        ('{"model":"x" "stream":true}', "invalid character '\"' after object key:value pair"),
        ('{"stream":tru}', "invalid character '}' in literal true (expecting 'e')"),
        ('{"options":{"seed":-}}', "invalid character '}' in numeric literal"),
        ('{"options":{"seed":1.}}', "invalid character '}' after decimal point in numeric literal"),
        ('{"messages":[1 2]}', "invalid character '2' after array element"),
        ('{"model":"a\\qb"}', "invalid character 'q' in string escape code"),
        ('{"model":"a\nb"}', "invalid character '\\n' in string literal"),
        ("nope", "invalid character 'o' in literal null (expecting 'u')"),
        ("   ", "missing request body"),
    ],
)
def test_malformed_json_gets_gos_message(fake: FakeOllama, body: str, error: str) -> None:
    reply = exchange(fake, "POST", "/api/chat", body)
    assert (reply.status, reply.json()) == (400, {"error": error})


def test_go_decoder_ignores_what_follows_the_first_value() -> None:
    assert decode_request(b'{"model":"x"} trailing', "ChatRequest") == {"model": "x"}


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.text(max_size=5).map("x".__add__), JSON_VALUES, min_size=1, max_size=3))
def test_any_truncated_object_is_unexpected_eof(value: dict[str, Any]) -> None:
    text = json.dumps(value, ensure_ascii=False)
    assert decode_request(text.encode("utf-8"), "ShowRequest") == value
    for end in range(1, len(text)):
        with pytest.raises(ApiError, match=r"^unexpected EOF$"):
            decode_request(text[:end].encode("utf-8"), "ShowRequest")


@given(st.text())
def test_tokens_join_back_to_the_text(text: str) -> None:
    assert "".join(tokenize(text)) == text


def test_go_durations() -> None:
    assert parse_go_duration("1h30m") == 5400 * 10**9
    assert parse_go_duration("1.5s") == 1_500_000_000
    assert parse_go_duration("250ms") == 250_000_000
    assert parse_go_duration("0") == 0
    with pytest.raises(ValueError, match=r'^time: invalid duration ""$'):
        parse_go_duration("")


# --- scripts: how a stream goes wrong ---------------------------------------------------------------


def test_client_hanging_up_mid_stream_is_noticed(fake: FakeOllama, raw_clients: list[RawClient]) -> None:
    fake.script(tokens=["x"] * 1000, chunk_delay=0.01)
    client = RawClient(fake, "/api/chat", chat())
    raw_clients.append(client)
    client.read_until(b'"done":false}', 3)
    client.hang_up()
    request = last_request(fake, "/api/chat")
    assert request.client_hung_up.wait(2.0)
    assert request.finished.wait(2.0)
    assert request.hung_up_at is not None
    assert 3 <= request.tokens_sent < 1000
    assert exchange(fake, "POST", "/api/chat", chat(stream=False)).status == 200


def test_a_second_request_to_the_same_model_waits_without_a_byte(
    fake: FakeOllama, raw_clients: list[RawClient]
) -> None:
    fake.script(stall_after=1)
    first = RawClient(fake, "/api/chat", chat())
    raw_clients.append(first)
    first.read_until(b'"done":false}')
    second = RawClient(fake, "/api/chat", chat())
    raw_clients.append(second)
    wait_until(lambda: len(fake.requests_to("/api/chat")) == 2)
    assert second.silent_for(0.2)
    other_model = exchange(fake, "POST", "/api/chat", chat(model="llama3.1:8b", stream=False))
    assert other_model.status == 200  # the queue is per model
    first.hang_up()
    body = second.read_all()
    assert body.startswith(b"HTTP/1.1 200 OK\r\n")
    assert b'"done":true' in body


def test_hanging_up_while_queued_is_noticed(fake: FakeOllama, raw_clients: list[RawClient]) -> None:
    fake.script(stall_after=1)
    first = RawClient(fake, "/api/chat", chat())
    raw_clients.append(first)
    first.read_until(b'"done":false}')
    second = RawClient(fake, "/api/chat", chat())
    raw_clients.append(second)
    wait_until(lambda: len(fake.requests_to("/api/chat")) == 2)
    second.hang_up()
    queued = fake.requests_to("/api/chat")[1]
    assert queued.client_hung_up.wait(2.0)
    assert queued.finished.wait(2.0)
    assert queued.tokens_sent == 0
    assert not fake.requests_to("/api/chat")[0].finished.is_set()


def test_without_serialize_requests_run_together(fake: FakeOllama, raw_clients: list[RawClient]) -> None:
    fake.serialize = False
    fake.script(stall_after=1)
    fake.script(stall_after=1)
    raw_clients.extend([RawClient(fake, "/api/chat", chat()), RawClient(fake, "/api/chat", chat())])
    for client in raw_clients:
        client.read_until(b'"done":false}')


def test_stall_is_released_by_stop_and_the_port_can_be_reused(raw_clients: list[RawClient]) -> None:
    fake = FakeOllama().start()
    fake.script(stall_after=2)
    client = RawClient(fake, "/api/generate", {"model": GEMMA, "prompt": "hi"})
    raw_clients.append(client)
    client.read_until(b'"done":false}', 2)
    assert client.silent_for(0.05)
    fake.stop()
    request = fake.requests_to("/api/generate")[0]
    assert request.finished.is_set()
    assert not request.client_hung_up.is_set()
    assert b'"done":true' not in client.read_all()  # the connection closed, no terminator
    fake.stop()  # idempotent
    with FakeOllama(port=fake.port) as again:
        assert exchange(again, "GET", "/api/version").json() == {"version": "0.24.0"}


def test_drop_breaks_the_chunked_body(fake: FakeOllama) -> None:
    fake.script(drop_after=2)
    with requests.post(f"{fake.url}/api/chat", json=chat(), stream=True, timeout=5) as response:
        received: list[bytes] = []
        with pytest.raises(requests.exceptions.ChunkedEncodingError):
            received.extend(response.iter_lines())
    assert len(received) == 2


def test_end_without_done_ends_cleanly(fake: FakeOllama) -> None:
    fake.script(tokens=["a", "b"], end_without_done=True)
    reply = exchange(fake, "POST", "/api/chat", chat())
    assert [line["done"] for line in reply.lines()] == [False, False]


def test_error_after_tokens(fake: FakeOllama) -> None:
    fake.script(error_after=2, error_message="boom")
    lines = exchange(fake, "POST", "/api/chat", chat()).lines()
    assert len(lines) == 3
    assert lines[-1] == {"error": "boom"}
    fake.script(error_after=2, error_message="boom")
    reply = exchange(fake, "POST", "/api/chat", chat(stream=False))
    assert (reply.status, reply.json()) == (500, {"error": "boom"})


def test_status_raw_lines_and_tokens_scripts(fake: FakeOllama) -> None:
    oom = b'{"error":"model requires more system memory (9.1 GiB) than is available (3.2 GiB)"}'
    fake.script(status=500, body=oom)
    fake.script(raw_lines=[b'{"model":"x","message":{"content":"a"', b"not json"])
    fake.script(tokens=["Hello", ",", " world"], done_reason="length")
    reply = exchange(fake, "POST", "/api/chat", chat())
    assert (reply.status, reply.body) == (500, oom)
    reply = exchange(fake, "POST", "/api/chat", chat())
    assert reply.body == b'{"model":"x","message":{"content":"a"\nnot json\n'
    reply = exchange(fake, "POST", "/api/chat", chat(stream=False))
    assert reply.json()["message"]["content"] == "Hello, world"
    assert reply.json()["done_reason"] == "length"
    assert GEMMA in fake.loaded  # the 500 did not load it, the later requests did


@pytest.mark.parametrize("how", ["never_answer", "first_byte_delay", "route_delay", "hang_routes"])
def test_waits_notice_the_client_leaving(fake: FakeOllama, how: str) -> None:
    path = "/api/chat"
    if how == "never_answer":
        fake.script(never_answer=True)
    elif how == "first_byte_delay":
        fake.script(first_byte_delay=30)
    elif how == "route_delay":
        fake.route_delay[path] = 30
    else:
        fake.hang_routes.add(path)
    with pytest.raises(TimeoutError):
        exchange(fake, "POST", path, chat(), timeout=0.1)
    request = last_request(fake, path)
    assert request.client_hung_up.wait(2.0)
    assert request.finished.wait(2.0)
    assert request.tokens_sent == 0


def test_load_delay_only_on_a_cold_load(fake: FakeOllama) -> None:
    fake.load_delay = 0.2
    started = time.monotonic()
    exchange(fake, "POST", "/api/chat", {"model": GEMMA, "messages": []})
    assert time.monotonic() - started >= 0.2
    started = time.monotonic()
    exchange(fake, "POST", "/api/chat", chat(stream=False))
    assert time.monotonic() - started < 0.2


# --- the rest of the surface ------------------------------------------------------------------------


def test_requests_are_recorded(fake: FakeOllama) -> None:
    exchange(fake, "POST", "/api/chat", chat(stream=False, keep_alive=0))
    exchange(fake, "POST", "/api/show", "{bad")
    request, show = fake.requests
    assert (request.method, request.json["keep_alive"]) == ("POST", 0)
    assert request.finished.wait(5)  # the handler marks it after the client has the whole answer
    assert request.ended is not None
    assert (show.json, show.raw_body) == (None, b"{bad")
    assert fake.requests_to("/api/show") == [show]


def test_chunked_request_body_is_read(fake: FakeOllama) -> None:
    connection = http.client.HTTPConnection(fake.host, fake.port, timeout=5)
    try:
        parts = iter([b'{"model":', b'"gemma3:270m"}'])
        connection.request("POST", "/api/show", body=parts, encode_chunked=True)
        assert connection.getresponse().status == 200
    finally:
        connection.close()


def test_methods_head_and_unknown_routes(fake: FakeOllama) -> None:
    assert exchange(fake, "HEAD", "/").body == b""
    wrong = exchange(fake, "GET", "/api/chat")
    assert (wrong.status, wrong.headers["Allow"], wrong.body) == (405, "POST", b"405 method not allowed")


def test_copy_and_delete_change_the_tags(fake: FakeOllama) -> None:
    assert exchange(fake, "POST", "/api/copy", {"source": GEMMA, "destination": "mine"}).status == 200
    assert exchange(fake, "GET", "/api/tags").json()["models"][0]["name"] == "mine:latest"
    assert exchange(fake, "POST", "/api/chat", chat(model="mine", stream=False)).status == 200
    assert exchange(fake, "DELETE", "/api/delete", {"model": "mine:latest"}).status == 200
    assert "mine:latest" not in fake.models
    missing = exchange(fake, "POST", "/api/copy", {"source": "nope", "destination": "x"})
    assert (missing.status, missing.json()) == (404, {"error": 'model "nope" not found'})


def test_show_reports_capabilities() -> None:
    model = FakeModel(
        "vision:1b",
        10**9,
        parameter_size="1.2B",
        family="mllama",
        capabilities=("completion", "vision"),
        context_length=8192,
    )
    with FakeOllama([model]) as fake:
        shown = exchange(fake, "POST", "/api/show", {"model": "vision:1b"}).json()
    assert shown["capabilities"] == ["completion", "vision"]
    assert shown["model_info"]["mllama.context_length"] == 8192
    assert shown["model_info"]["general.parameter_count"] == 1_200_000_000


# --- hand-made answers: broken and hostile servers (route_answer) ------------------------------------


def test_raw_answer_redirects_any_path(fake: FakeOllama) -> None:
    fake.route_answer["*"] = RawAnswer(307, [("Location", "http://elsewhere.example/api/chat")])
    for method, path in (("GET", "/api/tags"), ("POST", "/api/chat"), ("DELETE", "/api/delete")):
        reply = exchange(fake, method, path, {"model": GEMMA})
        assert (reply.status, reply.headers["Location"], reply.body) == (
            307,
            "http://elsewhere.example/api/chat",
            b"",
        )
    fake.route_answer["/api/version"] = RawAnswer(200, [("Content-Type", "text/html")], b"<html></html>")
    reply = exchange(fake, "GET", "/api/version")  # a path's own answer wins over "*"
    assert (reply.status, reply.headers["Content-Type"], reply.body) == (200, "text/html", b"<html></html>")


def test_raw_answer_pieces_go_chunked_unless_a_length_is_given(
    fake: FakeOllama, raw_clients: list[RawClient]
) -> None:
    fake.route_answer["/api/tags"] = RawAnswer(200, body=repeated(b"ab", 3))
    raw_clients.append(RawClient(fake, "/api/tags", {}))
    assert raw_clients[-1].read_all().endswith(b"\r\n\r\n2\r\nab\r\n2\r\nab\r\n2\r\nab\r\n0\r\n\r\n")
    fake.route_answer["/api/tags"] = RawAnswer(200, body=repeated(b"ab", 3), length=6)
    reply = exchange(fake, "GET", "/api/tags")
    assert (reply.headers["Content-Length"], reply.body) == ("6", b"ababab")


def test_raw_answer_trickles_and_sends_raw_bytes(fake: FakeOllama) -> None:
    fake.route_answer["/api/tags"] = RawAnswer(200, body=trickled(b'{"models":[]}'), piece_delay=0.01)
    started = time.monotonic()
    reply = exchange(fake, "GET", "/api/tags")
    assert reply.body == b'{"models":[]}'
    assert time.monotonic() - started >= 13 * 0.01  # one byte a piece, each after the delay
    fake.route_answer["/api/version"] = RawAnswer(raw=b"SSH-2.0-OpenSSH_9.6\r\n")
    with socket.create_connection((fake.host, fake.port), timeout=5) as sock:
        sock.sendall(b"GET /api/version HTTP/1.1\r\nHost: x\r\n\r\n")
        assert sock.makefile("rb").read() == b"SSH-2.0-OpenSSH_9.6\r\n"  # then the fake closes


def test_gzip_bomb_unpacks_to_its_size() -> None:
    pieces = list(gzip_bomb(4 * 1024 * 1024, member=1024 * 1024)())
    wire = b"".join(pieces)
    unpacked = 0
    data = wire
    while data:  # gzip members back to back, as a browser or urllib3 reads them
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        unpacked += len(inflater.decompress(data)) + len(inflater.flush())
        data = inflater.unused_data
    assert unpacked == 4 * 1024 * 1024
    assert len(wire) * 500 < unpacked


def test_an_endless_body_ends_when_the_client_leaves(fake: FakeOllama, raw_clients: list[RawClient]) -> None:
    fake.route_answer["/api/tags"] = RawAnswer(200, body=repeated(b"x" * 65536))
    client = RawClient(fake, "/api/tags", {})
    raw_clients.append(client)
    client.read_until(b"x" * 1000)
    client.hang_up()
    request = last_request(fake, "/api/tags")
    assert request.client_hung_up.wait(2.0)
    assert request.finished.wait(2.0)


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
def test_command_line_runs_until_interrupted() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "tests.fake_ollama", "--port", "0", "--chunk-delay", "0", "--load-delay", "0"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    ) as process:
        assert process.stdout is not None
        match = re.search(r"http://\S+", process.stdout.readline())
        try:
            assert match is not None
            assert requests.get(f"{match.group(0)}/api/version", timeout=5).json() == {"version": "0.24.0"}
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=5) == 0
        finally:
            process.kill()


def test_pull_notes_follow_the_manifest_line(fake: FakeOllama) -> None:
    """``pull_notes``: any words a server puts in a pull's status lines, after "pulling manifest"."""
    fake.registry["tiny:1b"] = FakeModel("tiny:1b", 1_000_000)
    fake.pull_notes = ['x<img src="/tmp/f">', "second"]
    statuses = [line["status"] for line in exchange(fake, "POST", "/api/pull", {"model": "tiny:1b"}).lines()]
    assert statuses[:3] == ["pulling manifest", 'x<img src="/tmp/f">', "second"]
    assert statuses[-1] == "success"
    assert "tiny:1b" in fake.models


def test_models_added_and_removed_from_outside(fake: FakeOllama) -> None:
    """`add_model`/`remove_model`: a terminal's pull and rm while the app runs."""
    fake.add_model(FakeModel("phi4:14b", 9_100_000_000, "14.7B", family="phi3"))
    names = [model["name"] for model in exchange(fake, "GET", "/api/tags").json()["models"]]
    assert names[0] == "phi4:14b"  # the newest first, as Ollama lists them
    assert exchange(fake, "POST", "/api/show", {"model": "phi4:14b"}).json()["details"]["family"] == "phi3"
    fake.load("phi4:14b")
    fake.remove_model("phi4:14b")
    assert [model["name"] for model in exchange(fake, "GET", "/api/tags").json()["models"]] == names[1:]
    assert ps_names(fake) == []
    assert exchange(fake, "POST", "/api/show", {"model": "phi4:14b"}).status == 404


def test_repeat_floods_the_tokens_over_and_over(fake: FakeOllama) -> None:
    fake.script(tokens=["a", "b "], repeat=3)
    reply = exchange(fake, "POST", "/api/chat", chat())
    contents = [line["message"]["content"] for line in reply.lines()]
    assert contents == ["a", "b "] * 3 + [""]
    assert done_line(reply)["eval_count"] == 6
    assert fake.requests_to("/api/chat")[0].tokens_sent == 6
    # Cut like any answer (num_predict, the *_after events), and never made into a list: a million
    # tokens stalled after five send five.
    fake.script(tokens=["x"], repeat=1_000_000, stall_after=5)
    stalled = RawClient(fake, "/api/chat", chat())
    try:
        stalled.read_until(b'"content":"x"', 5)
        assert stalled.silent_for(0.2)
        assert last_request(fake, "/api/chat").tokens_sent == 5
    finally:
        stalled.hang_up()
    fake.script(tokens=["a", "b"], repeat=10)
    limited = exchange(fake, "POST", "/api/chat", chat(options={"num_predict": 3}))
    assert [line["message"]["content"] for line in limited.lines()] == ["a", "b", "a", ""]
    assert done_line(limited)["done_reason"] == "length"


# --- a chat longer than the context (issue 19): the oldest messages are dropped, without a word ----


def _history(turns: int, words: int) -> list[dict[str, str]]:
    messages = [{"role": "system", "content": "Be brief."}]
    for turn in range(turns):
        messages.append({"role": "user", "content": " ".join(["question"] * words) + f" {turn}"})
        messages.append({"role": "assistant", "content": " ".join(["answer"] * words)})
    messages.append({"role": "user", "content": "And now?"})
    return messages


# 2 + 6 x (101 + 100) + 2 words, and the template's 10: 1,220 tokens. At 512 the oldest eight go
# (q0 a0 q1 a1 q2 a2 q3 a3: 1,220 - 804 = 416), the system prompt and the last four stay.
@pytest.mark.parametrize(("num_ctx", "expected"), [(4096, 1220), (512, 416)])
def test_a_chat_past_num_ctx_loses_its_oldest_messages_but_the_system_prompt(
    fake: FakeOllama, num_ctx: int, expected: int
) -> None:
    messages = _history(6, 100)
    body = {"model": GEMMA, "messages": messages, "stream": False, "options": {"num_ctx": num_ctx}}
    answer = json.loads(exchange(fake, "POST", "/api/chat", body).body)
    assert answer["prompt_eval_count"] == expected
    assert "truncat" not in json.dumps(answer)  # the real server says nothing either
    seen = fake.seen_messages[-1]
    assert seen[0]["content"] == "Be brief."  # the system prompt is kept
    assert seen[-1]["content"] == "And now?"  # and the last message
    assert len(seen) == (len(messages) if num_ctx == 4096 else 6)


def test_truncate_false_sends_the_whole_chat(fake: FakeOllama) -> None:
    body = {"model": GEMMA, "messages": _history(6, 100), "stream": False, "truncate": False}
    body["options"] = {"num_ctx": 512}
    assert json.loads(exchange(fake, "POST", "/api/chat", body).body)["prompt_eval_count"] == 1220


# --- newer servers (issue 19): tags fields, think levels, cloud models, /api/status --------------------

CLOUD = FakeModel("gpt-oss:120b-cloud", 384, "116.8B", family="gptoss", remote_host="https://ollama.com:443")
LEVELS_ONLY = FakeModel(
    "gpt-oss:20b",
    13_000_000_000,
    "20.9B",
    family="gptoss",
    capabilities=("completion", "thinking", "tools"),
    think_levels_only=True,
)


def _server(version: str) -> Iterator[FakeOllama]:
    models = [*demo_models(), CLOUD, LEVELS_ONLY]
    server = FakeOllama(models, version=version).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def new() -> Iterator[FakeOllama]:
    yield from _server("0.33.0")


@pytest.fixture
def old() -> Iterator[FakeOllama]:
    yield from _server("0.11.0")


def _tags_of(server: FakeOllama) -> dict[str, dict[str, Any]]:
    return {entry["name"]: entry for entry in json.loads(exchange(server, "GET", "/api/tags").body)["models"]}


def test_newer_tags_say_capabilities_and_context_older_ones_do_not(new: FakeOllama, old: FakeOllama) -> None:
    newer = _tags_of(new)[GEMMA]
    assert newer["capabilities"] == ["completion"]
    assert newer["details"]["context_length"] > 0
    older = _tags_of(old)[GEMMA]
    assert "capabilities" not in older
    assert "context_length" not in older["details"]
    assert "remote_host" not in _tags_of(old)[CLOUD.name]  # 0.12 brought remote_model / remote_host


def test_a_cloud_model_is_listed_answers_401_with_a_signin_url_and_never_uses_memory(new: FakeOllama) -> None:
    entry = _tags_of(new)[CLOUD.name]
    assert (entry["remote_model"], entry["remote_host"]) == ("gpt-oss", "https://ollama.com:443")
    refused = exchange(new, "POST", "/api/chat", chat(model=CLOUD.name, stream=False))
    assert refused.status == 401
    answer = json.loads(refused.body)
    assert answer["error"] == "unauthorized"
    assert answer["signin_url"].startswith("https://ollama.com/connect")
    new.cloud_signed_in = True
    assert exchange(new, "POST", "/api/chat", chat(model=CLOUD.name, stream=False)).status == 200
    assert json.loads(exchange(new, "GET", "/api/ps").body)["models"] == []


def test_api_status_tells_whether_cloud_is_disabled(new: FakeOllama, old: FakeOllama) -> None:
    assert json.loads(exchange(new, "GET", "/api/status").body) == {
        "cloud": {"disabled": False, "source": "none"}
    }
    new.cloud_disabled = True
    assert json.loads(exchange(new, "GET", "/api/status").body)["cloud"]["disabled"] is True
    assert exchange(new, "POST", "/api/chat", chat(model=CLOUD.name, stream=False)).status == 403
    assert exchange(old, "GET", "/api/status").status == 404


@pytest.mark.parametrize("level", ["low", "medium", "high", "max"])
def test_think_levels_are_taken(new: FakeOllama, level: str) -> None:
    answer = exchange(new, "POST", "/api/chat", chat(model=LEVELS_ONLY.name, stream=False, think=level))
    assert answer.status == 200
    assert json.loads(answer.body)["message"].get("thinking")


def test_a_levels_only_model_reasons_even_with_think_false(new: FakeOllama) -> None:
    answer = json.loads(
        exchange(new, "POST", "/api/chat", chat(model=LEVELS_ONLY.name, stream=False, think=False)).body
    )
    assert answer["message"].get("thinking")


def test_think_max_came_with_0_22() -> None:
    with FakeOllama([LEVELS_ONLY], version="0.21.0") as older:
        refused = exchange(
            older, "POST", "/api/chat", chat(model=LEVELS_ONLY.name, stream=False, think="max")
        )
    assert refused.status == 400
    assert json.loads(refused.body)["error"].startswith('invalid think value: "max"')


# --- images (issue #20) ----------------------------------------------------------------------------

VISION = "gemma3:4b"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def test_demo_models_have_one_vision_model(fake: FakeOllama) -> None:
    vision = [model.name for model in demo_models() if "vision" in model.capabilities]
    assert vision == [VISION]
    assert "vision" in exchange(fake, "POST", "/api/show", {"model": VISION}).json()["capabilities"]


def test_a_vision_model_says_what_images_it_received(fake: FakeOllama) -> None:
    images = [b64(png(3, 2)), b64(jpeg(640, 480)), b64(gif(5, 7)), b64(b"not an image")]
    body = {
        "model": VISION,
        "stream": False,
        "messages": [{"role": "user", "content": "What?", "images": images}],
    }
    answer = exchange(fake, "POST", "/api/chat", body)
    assert answer.status == 200
    text = answer.json()["message"]["content"]
    assert text.startswith("I received 4 images: ")
    assert f"image 1: PNG, 3x2 pixels, {len(png(3, 2))} bytes" in text
    assert f"image 2: JPEG, 640x480 pixels, {len(jpeg(640, 480))} bytes" in text
    assert f"image 3: GIF, 5x7 pixels, {len(gif(5, 7))} bytes" in text
    assert "image 4: 12 bytes, not a PNG, JPEG, GIF or WebP image" in text
    # The request is recorded as sent: the app's base64 strings, untouched.
    assert fake.seen_messages[-1][0]["images"] == images


@pytest.mark.parametrize(
    ("data", "facts"),
    [
        (webp_lossy(320, 200), "WebP, 320x200 pixels"),
        (webp_lossless(17, 9), "WebP, 17x9 pixels"),
        (webp_extended(4000, 3000), "WebP, 4000x3000 pixels"),
        (jpeg(33, 44, progressive=True, exif=60_000), "JPEG, 33x44 pixels"),
        (b"\x89PNG\r\n\x1a\n", "PNG, 8 bytes, pixel size unreadable"),
        (b"", "0 bytes, not a PNG"),
    ],
)
def test_generate_takes_images_too(fake: FakeOllama, data: bytes, facts: str) -> None:
    body = {"model": VISION, "prompt": "Describe", "stream": False, "images": [b64(data)]}
    answer = exchange(fake, "POST", "/api/generate", body)
    assert answer.status == 200
    assert answer.json()["response"].startswith(f"I received 1 image: {facts}")


def test_images_in_a_stream_and_with_scripted_tokens(fake: FakeOllama) -> None:
    body = {"model": VISION, "messages": [{"role": "user", "content": "?", "images": [b64(png(1, 1))]}]}

    def streamed() -> str:
        return "".join(
            line["message"]["content"] for line in exchange(fake, "POST", "/api/chat", body).lines()
        )

    assert streamed().startswith("I received 1 image: PNG, 1x1 pixels")
    fake.script(tokens=["A ", "cat."])
    assert streamed() == "A cat."


def test_images_of_earlier_messages_count_too(fake: FakeOllama) -> None:
    messages = [
        {"role": "user", "content": "one", "images": [b64(gif(1, 1))]},
        {"role": "assistant", "content": "ok"},
        {"role": "user", "content": "two", "images": [b64(png(2, 2))]},
    ]
    answer = exchange(fake, "POST", "/api/chat", {"model": VISION, "stream": False, "messages": messages})
    assert answer.json()["message"]["content"].startswith("I received 2 images: image 1: GIF")


@pytest.mark.parametrize("stream", [True, False])
@pytest.mark.parametrize("path", ["/api/chat", "/api/generate"])
def test_a_model_without_vision_refuses_images_once_loaded(fake: FakeOllama, path: str, stream: bool) -> None:
    image = [b64(png(2, 2))]
    if path == "/api/chat":
        body: dict[str, Any] = {
            "model": GEMMA,
            "messages": [{"role": "user", "content": "?", "images": image}],
        }
    else:
        body = {"model": GEMMA, "prompt": "?", "images": image}
    refused = exchange(fake, "POST", path, {**body, "stream": stream})
    assert refused.status == 500
    assert refused.headers["Content-Type"] == "application/json; charset=utf-8"
    assert refused.json() == {
        "error": "Failed to create new sequence: failed to process inputs: "
        "this model is missing data required for image input"
    }
    assert GEMMA in fake.loaded  # the runner refuses: the model was loaded first
    # Text alone still works, and so does an empty images list.
    assert exchange(fake, "POST", "/api/chat", chat(stream=False)).status == 200
    no_images = {
        "model": GEMMA,
        "stream": False,
        "messages": [{"role": "user", "content": "?", "images": []}],
    }
    assert exchange(fake, "POST", "/api/chat", no_images).status == 200


@pytest.mark.parametrize(
    ("image", "error"),
    [
        ("data:image/png;base64,iVBORw0KGgo=", "illegal base64 data at input byte 4"),
        ("aGVsbG8", "illegal base64 data at input byte 4"),
        ("ab=", "illegal base64 data at input byte 3"),
        ("a===", "illegal base64 data at input byte 1"),
        ("aGk=x", "illegal base64 data at input byte 4"),
        ("aGVsbG8gd29y bGQ=", "illegal base64 data at input byte 12"),
    ],
)
def test_invalid_base64_gets_gos_400(fake: FakeOllama, image: str, error: str) -> None:
    chat_body = {"model": VISION, "messages": [{"role": "user", "content": "?", "images": [image]}]}
    generate_body = {"model": VISION, "prompt": "?", "images": [image]}
    for path, body in (("/api/chat", chat_body), ("/api/generate", generate_body)):
        reply = exchange(fake, "POST", path, body)
        assert (reply.status, reply.json()) == (400, {"error": error})
    # Refused while decoding: before the model question, so even a text-only model says so.
    reply = exchange(fake, "POST", "/api/generate", {**generate_body, "model": GEMMA})
    assert (reply.status, reply.json()) == (400, {"error": error})
    assert fake.loaded == {}


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (
            {"model": VISION, "prompt": "?", "images": [1]},
            "json: cannot unmarshal number into Go struct field GenerateRequest.images of type api.ImageData",
        ),
        (
            {"model": VISION, "prompt": "?", "images": "aGk="},
            "json: cannot unmarshal string into Go struct field GenerateRequest.images"
            " of type []api.ImageData",
        ),
    ],
)
def test_images_of_the_wrong_json_type(fake: FakeOllama, body: dict[str, Any], error: str) -> None:
    reply = exchange(fake, "POST", "/api/generate", body)
    assert (reply.status, reply.json()) == (400, {"error": error})


def test_message_images_of_the_wrong_json_type() -> None:
    messages = [{"role": "user", "content": "?", "images": [True]}]
    with pytest.raises(ApiError) as raised:
        decode_request(json.dumps({"model": VISION, "messages": messages}).encode(), "ChatRequest")
    assert raised.value.message == (
        "json: cannot unmarshal bool into Go struct field ChatRequest.messages.images of type api.ImageData"
    )


@given(st.binary(max_size=64))
@settings(max_examples=200)
def test_go_base64_decodes_what_python_encodes(data: bytes) -> None:
    encoded = base64.b64encode(data)
    assert go_base64_decode(encoded) == data
    assert go_base64_decode(encoded[:10] + b"\r\n" + encoded[10:]) == data
