"""A threaded stand-in for the Ollama server, faithful to the recorded transcripts.

The app's tests drive it per test (scripted answers, delays, an error line, a stall, a dropped
connection, a queue) and read back what the client sent. It answers like Ollama 0.24 as recorded in
``tests/data/ollama-api/transcripts``: the same field names and order, status codes, error texts,
content types, and chunked NDJSON flushed line by line. Everything it waits for (a delay, the
per-model queue, a stall) watches the client socket, so a client that hangs up is noticed at once
and ``stop()`` never leaves a thread behind.

Typical use::

    with FakeOllama() as fake:
        fake.script(tokens=["Hel", "lo"], stall_after=1)
        ...  # point the client at fake.url, press Stop
        assert fake.requests_to("/api/chat")[0].client_hung_up.wait(2)

Run it by hand with ``python -m tests.fake_ollama --port 11434``.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hashlib
import json
import re
import selectors
import signal
import socket
import socketserver
import sys
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NoReturn, overload
from urllib.parse import urlsplit

JSON_TYPE = "application/json; charset=utf-8"
NDJSON_TYPE = "application/x-ndjson"
_TEXT_TYPE = "text/plain"

# Go's net/http buffers this much of a handler's output: a longer body goes out chunked (26, 38, 39).
_GO_BUFFER = 2048
_NS = 1_000_000_000
# Go's keep_alive "forever" is math.MaxInt64 ns: expires_at lands in the year 2319 (transcript 47).
_FOREVER_NS = 2**63 - 1
_DEFAULT_KEEP_ALIVE_NS = 300 * _NS
_DEFAULT_NUM_CTX = 4096
# The chat template's own tokens, counted in every prompt (one word is one token in the fake).
_TEMPLATE_TOKENS = 10
# What a picture costs a vision model's context: Gemma 3 turns each into 256 tokens (the real server's
# prompt_eval_count counts them; models that tile or use patches count more).
_IMAGE_TOKENS = 256
_WARM_LOAD_SECONDS = 0.1
# A model without vision given an image: the runner's refusal, as a 500 (ha-llmvision#691).
_NO_VISION = (
    "Failed to create new sequence: failed to process inputs: "
    "this model is missing data required for image input"
)
# How often a waiting handler re-checks its condition; hang-ups wake it at once through select().
_POLL = 0.01
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass
class FakeModel:
    """An installed model.

    Attributes:
        name: the full name with tag (``"llama3.1:8b"``).
        size: bytes on disk, as /api/tags reports it.
        parameter_size: as the details report it (``"8.0B"``).
        quantization_level: as the details report it.
        family: the model family (details and /api/show's model_info).
        capabilities: ``"completion"``, and ``"thinking"``, ``"vision"``, ``"tools"`` when it has them.
        eval_tps: the generation speed the fake *reports* (eval_duration = eval_count / eval_tps).
        prompt_tps: the prompt speed the fake reports.
        load_seconds: load_duration reported for a cold load (a warm one reports 0.1 s).
        memory_size: /api/ps "size" when loaded (default: 1.3 times the size on disk).
        placement: where /api/ps says it sits: ``"gpu"``, ``"split"`` (60 % in VRAM) or ``"cpu"``.
        context_length: the model's maximum context, as /api/show's model_info reports it.
        think_levels_only: like GPT-OSS, it takes ``think`` levels only: a bool is ignored and it
            always reasons.
        remote_host: a cloud model (``"https://ollama.com:443"``): listed by /api/tags with
            ``remote_model``/``remote_host``, never loaded here (never in /api/ps), and its chats answer
            401 with a ``signin_url`` until ``fake.cloud_signed_in``.
    """

    name: str
    size: int
    parameter_size: str = "8.0B"
    quantization_level: str = "Q4_K_M"
    family: str = "llama"
    capabilities: tuple[str, ...] = ("completion",)
    eval_tps: float = 40.0
    prompt_tps: float = 400.0
    load_seconds: float = 1.2
    memory_size: int | None = None
    placement: str = "gpu"
    context_length: int = 131072
    think_levels_only: bool = False
    remote_host: str = ""


@dataclass
class Script:
    """What the next generating /api/chat or /api/generate request does (queued with ``fake.script()``).

    Attributes:
        tokens: the answer's pieces (default: ``fake.default_tokens``, else a canned answer, or
            when images came, what they are: count, format, pixel size, bytes).
        chunk_delay: seconds between stream lines (default: ``fake.chunk_delay``).
        first_byte_delay: wait before the status line, as while a model loads.
        error_after: after N tokens send ``{"error": error_message}`` and end the stream cleanly
            (``stream: false``: a 500 with that error, as the real server does).
        stall_after: after N tokens send nothing more until the client hangs up or the fake stops.
        drop_after: after N tokens close the socket: no done line, no chunked terminator.
        end_without_done: all tokens, then a proper end of the body but no ``done: true`` line.
        status, body, content_type: answer this instead of generating (body default:
            ``{"error": error_message}``); the model is not loaded, as after an out-of-memory error.
        raw_lines: stream these lines verbatim, each followed by a newline (garbled streams).
        never_answer: read the request, then send nothing until the client hangs up.
        done_reason: instead of ``"stop"`` (or ``"length"`` when ``num_predict`` cut the answer).
        thinking: the thinking pieces a thinking model streams first (default: a canned line).
        repeat: the tokens are sent this many times over, one after another (a flood: with
            ``chunk_delay=0``, as fast as the fake can write; no list of them all is ever made, so
            a million tokens cost no memory). ``eval_count`` counts them all.

    The ``*_after`` events fire after ``min(N, number of tokens)`` tokens; the first to fire wins.
    """

    tokens: list[str] | None = None
    chunk_delay: float | None = None
    first_byte_delay: float = 0.0
    error_after: int | None = None
    error_message: str = "an error was encountered while running the model: unexpected EOF"
    stall_after: int | None = None
    drop_after: int | None = None
    end_without_done: bool = False
    status: int | None = None
    body: bytes | None = None
    content_type: str = JSON_TYPE
    raw_lines: list[bytes] | None = None
    never_answer: bool = False
    done_reason: str | None = None
    thinking: list[str] | None = None
    repeat: int = 1


class _Repeated(Sequence[tuple[str, str]]):
    """The pieces of an answer: ``head``, then ``cycle`` over and over, ``length`` in all, made when
    asked for (``Script.repeat``: a flood of a million tokens needs no list of a million)."""

    def __init__(self, head: list[tuple[str, str]], cycle: list[tuple[str, str]], length: int) -> None:
        self._head = head
        self._cycle = cycle
        self._length = length if cycle else min(length, len(head))

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> tuple[str, str]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[str, str]]: ...
    def __getitem__(self, index: int | slice) -> tuple[str, str] | Sequence[tuple[str, str]]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._length)
            if start == 0 and step == 1:
                return _Repeated(self._head, self._cycle, stop)
            return [self[number] for number in range(start, stop, step)]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        if index < len(self._head):
            return self._head[index]
        return self._cycle[(index - len(self._head)) % len(self._cycle)]


@dataclass
class RawAnswer:
    """A hand-made answer for a path, as a broken or hostile server sends it (``fake.route_answer``).

    One knob for every way an answer can hurt a client: a redirect (``status=307`` and a
    ``Location`` header), an oversized or endless body, a compression bomb, a trickle, a web page,
    a flood of headers, or bytes that are not HTTP at all. After it the fake closes the connection.

    Attributes:
        status: the status line's code.
        headers: ``(name, value)`` pairs sent in order after the status line (no Content-Type is
            added: send one here if wanted).
        body: the body, or a function making its pieces for each request (a huge or endless body
            is made as it is sent: see :func:`repeated` and :func:`gzip_bomb`).
        length: the Content-Length to announce (default: the length of a ``bytes`` body). A body
            of pieces without a length goes out chunked, one HTTP chunk a piece.
        piece_delay: seconds before each piece (a trickle: one-byte pieces, seconds apart).
        raw: sent verbatim instead of any HTTP answer (status, headers and body are ignored); bytes
            or, like ``body``, a function making pieces (a status line and headers trickled).
    """

    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes | Callable[[], Iterable[bytes]] = b""
    length: int | None = None
    piece_delay: float = 0.0
    raw: bytes | Callable[[], Iterable[bytes]] | None = None


def repeated(piece: bytes, count: int | None = None) -> Callable[[], Iterator[bytes]]:
    """A ``RawAnswer.body`` of ``piece`` sent ``count`` times (None: for ever, an endless body)."""

    def pieces() -> Iterator[bytes]:
        sent = 0
        while count is None or sent < count:
            yield piece
            sent += 1

    return pieces


def gzip_bomb(unpacked: int, member: int = 64 * 1024 * 1024) -> Callable[[], Iterator[bytes]]:
    """A ``RawAnswer.body`` (send it with ``Content-Encoding: gzip``) that unpacks to ``unpacked``
    zero bytes from about a thousandth of that on the wire.

    A gzip body may be several members back to back: one member of ``member`` zeros is compressed
    once and sent as often as needed, so a 10 GB bomb costs the fake nothing to make.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1024 * 1024)
    parts = [packer.compress(zeros) for _ in range(member // len(zeros))]
    one = b"".join(parts) + packer.flush()
    return repeated(one, max(1, unpacked // member))


def trickled(body: bytes) -> Callable[[], Iterator[bytes]]:
    """A ``RawAnswer.body`` sent one byte a piece (give it a ``piece_delay``)."""
    return lambda: (body[i : i + 1] for i in range(len(body)))


@dataclass
class RecordedRequest:
    """One request as the fake received it, and what became of it.

    ``client_hung_up`` is set when the fake noticed the client close the connection (a failed write,
    or end-of-file seen while it waited); ``finished`` when the handler is done with the request.
    """

    method: str
    path: str
    headers: dict[str, str]
    raw_body: bytes
    json: Any
    started: float
    ended: float | None = None
    client_hung_up: threading.Event = field(default_factory=threading.Event)
    hung_up_at: float | None = None
    finished: threading.Event = field(default_factory=threading.Event)
    tokens_sent: int = 0


@dataclass
class LoadedModel:
    """A model held in memory, as /api/ps lists it.

    Attributes:
        name: the installed model's name.
        expires_ns: when it unloads, in ``time.time_ns()`` terms.
        context_length: the context it was loaded with.
        keep_alive_ns: how long it stays after its last request ends.
        busy: requests using it now; a busy model never expires.
        cached: what it last read and wrote, as tokens (its KV cache; see ``FakeOllama.prompt_cache``).
    """

    name: str
    expires_ns: int
    context_length: int = _DEFAULT_NUM_CTX
    keep_alive_ns: int = _DEFAULT_KEEP_ALIVE_NS
    busy: int = 0
    cached: tuple[str, ...] = ()

    @property
    def expires_at(self) -> datetime:
        """The expiry as a UTC datetime (year 2319 when kept forever)."""
        return _EPOCH + timedelta(microseconds=self.expires_ns // 1000)


class ApiError(Exception):
    """A request the real server refuses: it answers ``{"error": message}`` with this status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# --- Go compatibility: how the real server encodes, decodes and validates ---------------------------

_GO_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def go_json(value: Any) -> bytes:
    """Encode like Go's encoding/json: compact, raw UTF-8, with ``<``, ``>`` and ``&`` escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _GO_ESCAPES:
        text = text.replace(char, escape)
    return text.encode("utf-8", "replace")


def go_time(ns: int) -> str:
    """Format like Go's RFC 3339 with nanoseconds: UTC, ``Z``, trailing zeros of the fraction dropped."""
    seconds, fraction = divmod(ns, _NS)
    stamp = (_EPOCH + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S")
    digits = f"{fraction:09d}".rstrip("0")
    return f"{stamp}.{digits}Z" if digits else f"{stamp}Z"


def _go_quote(text: str) -> str:
    """Approximate Go's ``%q`` for the texts that reach error messages."""
    return json.dumps(text, ensure_ascii=False)


def _go_char(char: str) -> str:
    """Quote one character as Go's JSON scanner does in its error messages."""
    if char == "'":
        return "'\\''"
    if char == '"':
        return "'\"'"
    return f"'{repr(char)[1:-1]}'"


class _GoSyntaxError(ValueError):
    """A body Go's json.Decoder rejects; the message is Go's own."""


class _GoJSONScanner:
    """Scan one JSON value the way Go's json.Decoder does, so malformed bodies get Go's messages.

    Python's json module words its errors differently and accepts NaN; the app's error handling is
    tested against the real texts (``unexpected EOF``, ``invalid character 'n' looking for ...``).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def skip_space(self) -> int:
        while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
            self.pos += 1
        return self.pos

    def _peek(self) -> str:
        if self.pos >= len(self.text):
            raise _GoSyntaxError("unexpected EOF")
        return self.text[self.pos]

    def _fail(self, context: str) -> NoReturn:
        raise _GoSyntaxError(f"invalid character {_go_char(self.text[self.pos])} {context}")

    def _digits(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in "0123456789":
            self.pos += 1

    def scan_value(self) -> int:
        """Scan the value at the cursor; return where it ends."""
        self.skip_space()
        char = self._peek()
        if char == "{":
            self._object()
        elif char == "[":
            self._array()
        elif char == '"':
            self._string()
        elif char == "-" or char in "0123456789":
            self._number()
        elif char in "tfn":
            self._literal({"t": "true", "f": "false", "n": "null"}[char])
        else:
            self._fail("looking for beginning of value")
        return self.pos

    def _object(self) -> None:
        self.pos += 1
        self.skip_space()
        if self._peek() == "}":
            self.pos += 1
            return
        while True:
            if self._peek() != '"':
                self._fail("looking for beginning of object key string")
            self._string()
            self.skip_space()
            if self._peek() != ":":
                self._fail("after object key")
            self.pos += 1
            self.scan_value()
            self.skip_space()
            char = self._peek()
            self.pos += 1
            if char == "}":
                return
            if char != ",":
                self.pos -= 1
                self._fail("after object key:value pair")
            self.skip_space()

    def _array(self) -> None:
        self.pos += 1
        self.skip_space()
        if self._peek() == "]":
            self.pos += 1
            return
        while True:
            self.scan_value()
            self.skip_space()
            char = self._peek()
            self.pos += 1
            if char == "]":
                return
            if char != ",":
                self.pos -= 1
                self._fail("after array element")

    def _string(self) -> None:
        self.pos += 1
        while True:
            char = self._peek()
            if char == '"':
                self.pos += 1
                return
            if char < " ":
                self._fail("in string literal")
            self.pos += 1
            if char == "\\":
                self._escape()

    def _escape(self) -> None:
        char = self._peek()
        if char in '"\\/bfnrt':
            self.pos += 1
        elif char == "u":
            for _ in range(4):
                self.pos += 1
                if self._peek() not in "0123456789abcdefABCDEF":
                    self._fail("in \\u hexadecimal character escape")
            self.pos += 1
        else:
            self._fail("in string escape code")

    def _number(self) -> None:
        if self.text[self.pos] == "-":
            self.pos += 1
            if self._peek() not in "0123456789":
                self._fail("in numeric literal")
        if self.text[self.pos] == "0":
            self.pos += 1
        else:
            self._digits()
        if self.pos < len(self.text) and self.text[self.pos] == ".":
            self.pos += 1
            if self._peek() not in "0123456789":
                self._fail("after decimal point in numeric literal")
            self._digits()
        if self.pos < len(self.text) and self.text[self.pos] in "eE":
            self.pos += 1
            if self._peek() in "+-":
                self.pos += 1
            if self._peek() not in "0123456789":
                self._fail("in exponent of numeric literal")
            self._digits()

    def _literal(self, word: str) -> None:
        for expected in word:
            if self._peek() != expected:
                self._fail(f"in literal {word} (expecting {_go_char(expected)})")
            self.pos += 1


# The request fields whose JSON type Go checks while decoding, per request struct.
_FIELDS: dict[str, dict[str, tuple[type, str]]] = {
    "ChatRequest": {
        "model": (str, "string"),
        "messages": (list, "[]api.Message"),
        "stream": (bool, "bool"),
        "tools": (list, "api.Tools"),
        "options": (dict, "map[string]interface {}"),
    },
    "GenerateRequest": {
        "model": (str, "string"),
        "prompt": (str, "string"),
        "suffix": (str, "string"),
        "system": (str, "string"),
        "template": (str, "string"),
        "stream": (bool, "bool"),
        "raw": (bool, "bool"),
        "context": (list, "[]int"),
        "images": (list, "[]api.ImageData"),
        "options": (dict, "map[string]interface {}"),
    },
    "ShowRequest": {"model": (str, "string"), "name": (str, "string"), "verbose": (bool, "bool")},
    "DeleteRequest": {"model": (str, "string"), "name": (str, "string")},
    "CopyRequest": {"source": (str, "string"), "destination": (str, "string")},
    "PullRequest": {"model": (str, "string"), "name": (str, "string"), "stream": (bool, "bool")},
}


def _json_kind(value: Any) -> str:
    """The JSON type name Go puts in "cannot unmarshal X into ..." messages."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object" if isinstance(value, dict) else "null"


def _type_error(value: Any, struct: str, path: str, go_type: str) -> str:
    kind = _json_kind(value)
    return f"json: cannot unmarshal {kind} into Go struct field {struct}.{path} of type {go_type}"


def _message_type_error(messages: list[Any], struct: str) -> str | None:
    for message in messages:
        if not isinstance(message, dict):
            return _type_error(message, struct, "messages", "api.Message")
        for key in ("role", "content"):
            if message.get(key) is not None and not isinstance(message[key], str):
                return _type_error(message[key], struct, f"messages.{key}", "string")
        images = message.get("images")
        if images is not None:
            if not isinstance(images, list):
                return _type_error(images, struct, "messages.images", "[]api.ImageData")
            problem = _images_problem(images, struct, "messages.images")
            if problem:
                return problem
    return None


def _images_problem(images: list[Any], struct: str, path: str) -> str | None:
    """An ``images`` list's first problem as Go's decoder words it: each is a base64 ``[]byte``."""
    for image in images:
        if image is None:
            continue
        if not isinstance(image, str):
            return _type_error(image, struct, path, "api.ImageData")
        try:
            go_base64_decode(image.encode("utf-8"))
        except ValueError as error:
            return str(error)
    return None


_BASE64_ALPHABET = {
    char: value
    for value, char in enumerate(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
}
_NEWLINES = (0x0A, 0x0D)


def _corrupt_base64(at: int) -> ValueError:
    return ValueError(f"illegal base64 data at input byte {at}")


def _base64_padding(src: bytes, si: int, filled: int) -> tuple[int, int | None]:
    """Past a quantum's first ``=`` (``filled`` symbols before it): where reading goes on, and where
    trailing garbage starts (``None``: the input ends there, as it must)."""
    size = len(src)
    if filled < 2:
        raise _corrupt_base64(si - 1)
    if filled == 2:  # "==" expected: the first "=" is read
        while si < size and src[si] in _NEWLINES:
            si += 1
        if si == size:
            raise _corrupt_base64(size)
        if src[si] != ord("="):
            raise _corrupt_base64(si - 1)
        si += 1
    while si < size and src[si] in _NEWLINES:
        si += 1
    return si, (si if si < size else None)


def _message_tokens(message: dict[str, Any]) -> int:
    """A chat message's prompt tokens: a word a token, and each picture's."""
    images = message.get("images")
    pictures = len(images) if isinstance(images, list) else 0
    return len((message.get("content") or "").split()) + pictures * _IMAGE_TOKENS


def go_base64_decode(src: bytes) -> bytes:
    """Decode as Go's ``base64.StdEncoding`` does (how ``encoding/json`` fills a ``[]byte``).

    Padding is required, ``\\r`` and ``\\n`` are skipped, and an error names the offending byte with
    Go's own text.

    Raises:
        ValueError: ``illegal base64 data at input byte N``.
    """
    out = bytearray()
    si = 0
    while True:
        quantum = [0, 0, 0, 0]
        filled = 0
        trailing: int | None = None
        while filled < 4:
            if si == len(src):
                if filled == 0:
                    return bytes(out)
                raise _corrupt_base64(si - filled)
            char = src[si]
            si += 1
            if char in _BASE64_ALPHABET:
                quantum[filled] = _BASE64_ALPHABET[char]
                filled += 1
            elif char not in _NEWLINES:
                if char != ord("="):
                    raise _corrupt_base64(si - 1)
                si, trailing = _base64_padding(src, si, filled)
                break
        value = quantum[0] << 18 | quantum[1] << 12 | quantum[2] << 6 | quantum[3]
        out += value.to_bytes(3, "big")[: filled - 1]
        if trailing is not None:
            raise _corrupt_base64(trailing)


def _image_facts(data: bytes) -> str:
    """What a vision model's default answer says about one image: its format, pixel size, bytes.

    Parsed from the header bytes here, on purpose not shared with the app's own parser.
    """
    size = f"{len(data)} bytes"
    kind = ""
    pixels: tuple[int, int] | None = None
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        kind = "PNG"
        if data[12:16] == b"IHDR" and len(data) >= 24:
            pixels = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    elif data[:6] in (b"GIF87a", b"GIF89a"):
        kind = "GIF"
        if len(data) >= 10:
            pixels = int.from_bytes(data[6:8], "little"), int.from_bytes(data[8:10], "little")
    elif data[:3] == b"\xff\xd8\xff":
        kind, pixels = "JPEG", _jpeg_pixels(data)
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        kind, pixels = "WebP", _webp_pixels(data)
    if not kind:
        return f"{size}, not a PNG, JPEG, GIF or WebP image"
    if pixels is None:
        return f"{kind}, {size}, pixel size unreadable"
    return f"{kind}, {pixels[0]}x{pixels[1]} pixels, {size}"


def _jpeg_pixels(data: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        if marker in (0xC0, 0xC1, 0xC2):  # SOF0 (baseline), SOF1, SOF2 (progressive)
            if at + 9 > len(data):
                return None
            return int.from_bytes(data[at + 7 : at + 9], "big"), int.from_bytes(data[at + 5 : at + 7], "big")
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    return None


def _webp_pixels(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30 and data[23:26] == b"\x9d\x01\x2a":
        return int.from_bytes(data[26:28], "little") & 0x3FFF, int.from_bytes(data[28:30], "little") & 0x3FFF
    if chunk == b"VP8L" and len(data) >= 25 and data[20] == 0x2F:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(data) >= 30:
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    return None


def images_answer(images: list[bytes]) -> str:
    """A vision model's default answer: what it received."""
    if len(images) == 1:
        return f"I received 1 image: {_image_facts(images[0])}."
    facts = "; ".join(f"image {number}: {_image_facts(data)}" for number, data in enumerate(images, 1))
    return f"I received {len(images)} images: {facts}."


def _check_think(value: Any) -> None:
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, str):
        if value not in ("high", "medium", "low", "max"):
            allowed = '"high", "medium", "low", true, or false'
            raise ApiError(400, f"invalid think value: {_go_quote(value)} (must be {allowed})")
        return
    raise ApiError(400, 'think must be a boolean or string ("high", "medium", "low", true, or false)')


def decode_request(raw: bytes, struct: str) -> dict[str, Any]:
    """Decode a request body as the real server's handlers do, raising its errors.

    Go's decoder reads the first JSON value and ignores what follows; custom fields (keep_alive,
    think) abort at once, while a plain type mismatch is reported after the whole object is read.
    """
    text = raw.decode("utf-8", "replace")
    scanner = _GoJSONScanner(text)
    start = scanner.skip_space()
    if start == len(text):
        raise ApiError(400, "missing request body")
    try:
        end = scanner.scan_value()
    except _GoSyntaxError as error:
        raise ApiError(400, str(error)) from None
    value = json.loads(text[start:end])
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ApiError(400, f"json: cannot unmarshal {_json_kind(value)} into Go value of type api.{struct}")
    problems = [_field_problem(struct, key, item) for key, item in value.items()]
    first = next((problem for problem in problems if problem), None)
    if first:
        raise ApiError(400, first)
    return value


def _field_problem(struct: str, key: str, value: Any) -> str | None:
    """A field's type error, reported after the whole object; keep_alive and think raise at once."""
    if key == "keep_alive":
        keep_alive_ns(value)
    elif key == "think":
        _check_think(value)
    elif key in _FIELDS[struct] and value is not None:
        python_type, go_type = _FIELDS[struct][key]
        if not isinstance(value, python_type):
            return _type_error(value, struct, key, go_type)
        if key == "messages" and isinstance(value, list):
            return _message_type_error(value, struct)
        if key == "images" and isinstance(value, list):
            return _images_problem(value, struct, "images")
    return None


_UNIT_NS = {
    "ns": 1,
    "us": 10**3,
    "µs": 10**3,
    "μs": 10**3,
    "ms": 10**6,
    "s": _NS,
    "m": 60 * _NS,
    "h": 3600 * _NS,
}
_DURATION_PART = re.compile(r"(\d+\.?\d*|\.\d+)([^\d.]*)")


def parse_go_duration(text: str) -> int:
    """Parse a Go duration string (``"10m"``, ``"1h30m"``, ``"-1s"``) into nanoseconds.

    Raises:
        ValueError: with Go's own message, e.g. ``time: invalid duration "banana"``.
    """
    quoted = _go_quote(text)
    sign, rest = (-1, text[1:]) if text.startswith("-") else (1, text.removeprefix("+"))
    if rest == "0":
        return 0
    if not rest:
        raise ValueError(f"time: invalid duration {quoted}")
    total = 0.0
    pos = 0
    while pos < len(rest):
        match = _DURATION_PART.match(rest, pos)
        if match is None:
            raise ValueError(f"time: invalid duration {quoted}")
        number, unit = match.groups()
        if not unit:
            raise ValueError(f"time: missing unit in duration {quoted}")
        if unit not in _UNIT_NS:
            raise ValueError(f"time: unknown unit {_go_quote(unit)} in duration {quoted}")
        total += float(number) * _UNIT_NS[unit]
        pos = match.end()
    return sign * round(total)


def keep_alive_ns(value: Any) -> int | None:
    """A request's keep_alive in nanoseconds (None when absent, ``2**63 - 1`` for "forever")."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            ns = parse_go_duration(value)
        except ValueError as error:
            raise ApiError(400, str(error)) from None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        ns = -1 if value < 0 else round(value * _NS)
    else:
        go_type = {bool: "bool", list: "[]interface {}", dict: "map[string]interface {}"}[type(value)]
        raise ApiError(400, f"Unsupported type: '{go_type}'")
    return _FOREVER_NS if ns < 0 else ns


# api.Options' fields by the type FromMap checks (the names of the newer Ollama releases).
_OPTION_TYPES = {
    **dict.fromkeys(
        [
            "num_keep",
            "seed",
            "num_predict",
            "top_k",
            "repeat_last_n",
            "num_ctx",
            "num_batch",
            "num_gpu",
            "main_gpu",
            "num_thread",
        ],
        "integer",
    ),
    **dict.fromkeys(
        [
            "top_p",
            "min_p",
            "typical_p",
            "temperature",
            "repeat_penalty",
            "presence_penalty",
            "frequency_penalty",
        ],
        "float32",
    ),
    "use_mmap": "boolean",
    "stop": "array",
}


def _check_options(options: dict[str, Any]) -> None:
    """Reject a wrongly typed option with the 500 the real server gives (transcript 34)."""
    for key, value in options.items():
        kind = _OPTION_TYPES.get(key)
        if value is None or kind is None:
            continue
        if kind == "boolean":
            valid = isinstance(value, bool)
        elif kind == "array":
            if not isinstance(value, list):
                valid = False
            elif not all(isinstance(item, str) for item in value):
                raise ApiError(500, f"option {_go_quote(key)} must be of an array of strings")
            else:
                valid = True
        else:
            valid = type(value) in (int, float)
        if not valid:
            raise ApiError(500, f"option {_go_quote(key)} must be of type {kind}")


# --- Canned answers -----------------------------------------------------------------------------------

_ANSWERS = {
    "en": (
        "The sky looks blue because of **Rayleigh scattering**: air molecules scatter the short blue "
        "wavelengths of sunlight far more than the long red ones.\n\n"
        "- Midday: blue light reaches your eyes from every direction.\n"
        "- Sunset: light crosses more air, so reds and oranges remain."
    ),
    "ko": (
        "하늘이 파랗게 보이는 이유는 **레일리 산란** 때문입니다. 공기 분자는 햇빛의 짧은 파란색 파장을 "
        "긴 빨간색 파장보다 훨씬 더 많이 흩뜨립니다.\n\n"
        "- 한낮: 파란빛이 사방에서 눈에 들어옵니다.\n"
        "- 해질녘: 빛이 공기를 더 오래 지나서 붉은색이 남습니다."
    ),
    "zh": (
        "天空看起来是蓝色的，是因为**瑞利散射**：空气分子对阳光中波长较短的蓝光的散射远强于波长较长的红光。\n\n"
        "- 正午：蓝光从四面八方进入眼睛。\n"
        "- 日落：光线穿过更厚的大气，剩下红色和橙色。"
    ),
}
# For a question about code (in English): a code block and a table, as real models answer.
_CODE_ANSWER = (
    "Rayleigh scattering grows as the inverse fourth power of the wavelength:\n\n"
    "```python\n"
    "def scattering(wavelength_nm: float) -> float:\n"
    "    # relative to red light at 700 nm\n"
    "    return (700 / wavelength_nm) ** 4\n"
    "```\n\n"
    "| colour | wavelength | scattered |\n"
    "|---|--:|--:|\n"
    "| blue | 450 nm | 5.9 × |\n"
    "| red | 700 nm | 1.0 × |\n\n"
    "So blue light is scattered about **six times** as much as red."
)
_THINKING = "The user asks a short question. I should answer briefly, in their language, with one list."
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
# Words keep their leading space (" blue"), CJK and Hangul come one or two characters at a time,
# punctuation and newlines are tokens of their own, like a real tokenizer's pieces.
_TOKEN = re.compile(r"\n+|[ \t]*[A-Za-z0-9_'*#`-]+|[ \t]*[^\x00-\x7f]{1,2}|[ \t]*\S|.", re.DOTALL)


def tokenize(text: str) -> list[str]:
    """Split text into realistic streaming pieces; joined they give the text back."""
    return _TOKEN.findall(text)


def canned_answer(user_text: str) -> str:
    """A short markdown answer in the language of the user's message (Korean, Chinese or English)."""
    if _HANGUL.search(user_text):
        return _ANSWERS["ko"]
    if _CJK.search(user_text):
        return _ANSWERS["zh"]
    if re.search(r"\b(code|python|function)\b", user_text, re.IGNORECASE):
        return _CODE_ANSWER
    return _ANSWERS["en"]


def _digest(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()


def _parameter_count(parameter_size: str) -> int:
    match = re.fullmatch(r"([\d.]+)\s*([KMBT]?)", parameter_size.strip(), re.IGNORECASE)
    if match is None:
        return 0
    scale = {"": 1, "K": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}[match.group(2).upper()]
    return round(float(match.group(1)) * scale)


def _details(model: FakeModel, parent_model: str = "") -> dict[str, Any]:
    return {
        "parent_model": parent_model,
        "format": "gguf",
        "family": model.family,
        "families": [model.family],
        "parameter_size": model.parameter_size,
        "quantization_level": model.quantization_level,
    }


_TEMPLATE = "{{- range .Messages }}<|{{ .Role }}|>\n{{ .Content }}<|end|>\n{{ end }}<|assistant|>\n"
_BLOCK_TENSORS = (
    ("attn_k", "Q4_K", [4096, 1024]),
    ("attn_norm", "F32", [4096]),
    ("attn_output", "Q4_K", [4096, 4096]),
    ("attn_q", "Q4_K", [4096, 4096]),
    ("attn_v", "Q6_K", [4096, 1024]),
    ("ffn_down", "Q6_K", [14336, 4096]),
    ("ffn_gate", "Q4_K", [4096, 14336]),
    ("ffn_norm", "F32", [4096]),
    ("ffn_up", "Q4_K", [4096, 14336]),
)
_BLOCKS = 16


def _show_body(model: FakeModel, modified_ns: int) -> dict[str, Any]:
    """/api/show's answer: trimmed, but with transcript 26's fields, order and types."""
    blob = f"/srv/ollama/models/blobs/sha256-{_digest(model.name + '#blob')}"
    tensors: list[dict[str, Any]] = [{"name": "output_norm.weight", "type": "F32", "shape": [4096]}]
    tensors += [
        {"name": f"blk.{block}.{name}.weight", "type": kind, "shape": shape}
        for block in range(_BLOCKS)
        for name, kind, shape in _BLOCK_TENSORS
    ]
    model_info = {
        f"{model.family}.attention.head_count": 32,
        f"{model.family}.block_count": _BLOCKS,
        f"{model.family}.context_length": model.context_length,
        f"{model.family}.embedding_length": 4096,
        "general.architecture": model.family,
        "general.basename": model.name.split(":", 1)[0],
        "general.file_type": 15,
        "general.parameter_count": _parameter_count(model.parameter_size),
        "general.quantization_version": 2,
        "tokenizer.ggml.model": "gpt2",
        "tokenizer.ggml.tokens": None,
    }
    return {
        "modelfile": (
            '# Modelfile generated by "ollama show"\n'
            "# To build a new Modelfile based on this, replace FROM with:\n"
            f"# FROM {model.name}\n\nFROM {blob}\n"
            f'TEMPLATE """{_TEMPLATE}"""\nPARAMETER stop <|end|>\nPARAMETER temperature 0.7\n'
        ),
        "parameters": f'{"stop":<30} "<|end|>"\n{"temperature":<30} 0.7',
        "template": _TEMPLATE,
        "details": _details(model, blob),
        "model_info": dict(sorted(model_info.items())),
        "tensors": tensors,
        "capabilities": list(model.capabilities),
        "modified_at": go_time(modified_ns),
    }


# --- Request handling ---------------------------------------------------------------------------------


@dataclass
class _Turn:
    """A validated /api/chat or /api/generate request."""

    chat: bool
    sent_name: str  # echoed in every answer exactly as the client wrote it
    model: FakeModel
    body: dict[str, Any]
    keep_alive_ns: int | None

    @property
    def empty(self) -> bool:
        """No messages (chat) or no prompt (generate): the request only loads or unloads."""
        return not self.body.get("messages") if self.chat else not self.body.get("prompt")

    @property
    def options(self) -> dict[str, Any]:
        return self.body.get("options") or {}

    @property
    def stream(self) -> bool:
        return self.body.get("stream") is not False

    @property
    def thinks(self) -> bool:
        # Like the real server, a thinking model thinks unless the request says think: false.
        if self.model.think_levels_only:
            return True  # a bool is ignored: its reasoning cannot be turned off
        return "thinking" in self.model.capabilities and self.body.get("think") is not False

    @property
    def num_ctx(self) -> int:
        value = self.options.get("num_ctx")
        return int(value) if isinstance(value, int | float) and value > 0 else _DEFAULT_NUM_CTX

    @property
    def num_predict(self) -> int | None:
        value = self.options.get("num_predict")
        return int(value) if isinstance(value, int | float) and value > 0 else None

    def messages(self) -> list[dict[str, Any]]:
        """The chat's messages the model sees: like the real server (`truncate` defaults to true),
        the oldest ones but the system prompt are dropped until the prompt fits `num_ctx`, keeping at
        least the last one; nothing in the answer says so (only `prompt_eval_count` shows it)."""
        messages = [m for m in self.body.get("messages") or [] if isinstance(m, dict)]
        if self.body.get("truncate") is False:
            return messages
        while self._tokens(messages) > self.num_ctx:
            first = next((i for i, m in enumerate(messages[:-1]) if m.get("role") != "system"), None)
            if first is None:
                break
            del messages[first]
        return messages

    @staticmethod
    def _tokens(messages: list[dict[str, Any]]) -> int:
        return sum(_message_tokens(m) for m in messages) + _TEMPLATE_TOKENS

    def dropped(self) -> int:
        """How many messages `messages()` dropped."""
        return len(self.body.get("messages") or []) - len(self.messages()) if self.chat else 0

    def texts(self) -> list[str]:
        if self.chat:
            return [m.get("content") or "" for m in self.messages()]
        return [self.body.get("system") or "", self.body.get("prompt") or ""]

    def images(self) -> list[bytes]:
        """The images the model sees (decoded): the prompt's, or those of the messages it sees."""
        if self.chat:
            found = [image for m in self.messages() for image in m.get("images") or []]
        else:
            found = self.body.get("images") or []
        return [go_base64_decode(image.encode("utf-8")) for image in found if image is not None]

    def last_user_text(self) -> str:
        if not self.chat:
            return self.body.get("prompt") or ""
        users = [m for m in self.body.get("messages") or [] if m.get("role") == "user"]
        return (users[-1].get("content") or "") if users else ""

    @property
    def prompt_tokens(self) -> int:
        if self.chat:
            return self._tokens(self.messages())
        pictures = len(self.body.get("images") or []) * _IMAGE_TOKENS
        return sum(len(text.split()) for text in self.texts()) + pictures + _TEMPLATE_TOKENS

    def prompt_words(self) -> list[str]:
        """The prompt's words by role: all of ``prompt_tokens`` but the template's 10, which follow them."""
        if self.chat:
            parts = [(m.get("role") or "", m.get("content") or "") for m in self.messages()]
        else:
            parts = list(zip(("system", "user"), self.texts(), strict=True))
        return [f"{role}:{word}" for role, text in parts for word in text.split()]


class _Lease:
    """A request's hold on a model (its use, and its generation slot), given back exactly once."""

    def __init__(self, fake: FakeOllama, name: str) -> None:
        self.fake = fake
        self.name = name
        self.slot = False
        self.used = True

    def release(self) -> None:
        if self.slot:
            self.slot = False
            self.fake._release_slot(self.name)
        if self.used:
            self.used = False
            self.fake._end_use(self.name)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], fake: FakeOllama) -> None:
        self.fake = fake
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind resolves the host's FQDN, which can stall on a machine without DNS.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client resetting an idle keep-alive connection is normal here; anything else is a bug.
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    """Serves one connection; every wait watches the client socket and the fake's stop flag."""

    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle on, a kept-alive connection waits for
    # the client's delayed ACK (~40 ms) before the body. Go's server sends small answers at once.
    disable_nagle_algorithm = True
    server: _Server
    _rec: RecordedRequest
    _selector: selectors.BaseSelector
    _pending_input = False
    _lease: _Lease | None = None

    @property
    def fake(self) -> FakeOllama:
        return self.server.fake

    def setup(self) -> None:
        super().setup()
        # A selector rather than select.select(): no FD_SETSIZE limit in a long test session.
        self._selector = selectors.DefaultSelector()
        self._selector.register(self.connection, selectors.EVENT_READ)
        self.fake._track(self, add=True)

    def finish(self) -> None:
        self.fake._track(self, add=False)
        self._selector.close()
        super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: ``fake.requests`` is the log."""

    def do_GET(self) -> None:
        self._dispatch()

    # http.server looks the handlers up by these names; every method goes through the same router.
    do_POST = do_DELETE = do_HEAD = do_PUT = do_PATCH = do_OPTIONS = do_GET  # noqa: N815

    # --- plumbing ---

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            parts = []
            while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                parts.append(self.rfile.read(size))
                self.rfile.readline()
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass  # trailers
            return b"".join(parts)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _dispatch(self) -> None:
        raw = self._read_body()
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = None
        self._rec = RecordedRequest(
            method=self.command,
            path=urlsplit(self.path).path,
            headers=dict(self.headers.items()),
            raw_body=raw,
            json=parsed,
            started=time.monotonic(),
        )
        self.fake._record(self._rec)
        try:
            self._route(self._rec.path)
        except ApiError as error:
            self._send_json(error.status, {"error": error.message})
        finally:
            self._rec.ended = time.monotonic()
            self._rec.finished.set()

    def _route(self, path: str) -> None:
        fake = self.fake
        if path in fake.hang_routes:
            self._pause(None)
            return
        delay = fake.route_delay.get(path)
        if delay and not self._pause(delay):
            return
        override = fake.route_override.get(path)
        if override is not None:
            status, body, content_type = override
            self._send(status, body, content_type)
            return
        answer = fake.route_answer.get(path) or fake.route_answer.get("*")
        if answer is not None:
            self._send_raw(answer)
            return
        methods = _ROUTES.get(path)
        if methods is None:
            self._send(404, b"404 page not found", _TEXT_TYPE)
            return
        handler = methods.get(self.command)
        if handler is None:
            self._send(405, b"405 method not allowed", _TEXT_TYPE, {"Allow": ", ".join(methods)})
            return
        handler(self)

    def _hung_up(self) -> None:
        self.close_connection = True
        if not self.fake._stopping.is_set() and not self._rec.client_hung_up.is_set():
            self._rec.hung_up_at = time.monotonic()
            self._rec.client_hung_up.set()

    def _client_gone(self) -> bool:
        """True when the server stops or the client has closed its end (peek sees end-of-file)."""
        if self.fake._stopping.is_set():
            self.close_connection = True
            return True
        try:
            readable = bool(self._selector.select(0))
            if not readable or self.connection.recv(1, socket.MSG_PEEK):
                self._pending_input = readable
                return False
        except (OSError, ValueError):
            pass  # reset, or closed under us: gone either way
        self._hung_up()
        return True

    def _pause(self, seconds: float | None, until: Callable[[], bool] | None = None) -> bool:
        """Wait ``seconds`` (None: forever) or until ``until()``; False if the client left or we stop."""
        deadline = None if seconds is None else time.monotonic() + seconds
        while True:
            if until is not None and until():
                return True
            if self._client_gone():
                return False
            step = _POLL
            if deadline is not None:
                step = min(step, deadline - time.monotonic())
                if step <= 0:
                    return True
            if self._pending_input:
                # Bytes the client sent ahead keep the socket readable: select() would spin.
                self.fake._stopping.wait(step)
            else:
                self._selector.select(step)  # wakes at once when the client closes

    def _write(self, data: bytes) -> bool:
        try:
            self.wfile.write(data)
        except OSError:
            self._hung_up()
            return False
        return True

    def _start(
        self, status: int, content_type: str | None, length: int | None, extra: dict[str, str] | None = None
    ) -> bool:
        """Send the status line and headers in Go's order; ``length`` None means chunked."""
        self.send_response_only(status)
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Date", formatdate(usegmt=True))
        if length is None:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(length))
        try:
            self.end_headers()
        except OSError:
            self._hung_up()
            return False
        return True

    def _chunk(self, data: bytes) -> bool:
        return self._write(b"%x\r\n%s\r\n" % (len(data), data))

    def _end_chunks(self) -> None:
        self._write(b"0\r\n\r\n")

    def _send(
        self, status: int, body: bytes, content_type: str | None, extra: dict[str, str] | None = None
    ) -> None:
        chunked = len(body) > _GO_BUFFER
        if not self._start(status, content_type, None if chunked else len(body), extra):
            return
        if self.command == "HEAD":
            return
        if not chunked:
            self._write(body)
        elif self._chunk(body):
            self._end_chunks()

    def _send_raw(self, answer: RawAnswer) -> None:
        """Send a :class:`RawAnswer` as it says, then close the connection."""
        self.close_connection = True
        if answer.raw is not None:
            raw = [answer.raw] if isinstance(answer.raw, bytes) else answer.raw()
            self._send_pieces(raw, answer.piece_delay, chunked=False)
            return
        if isinstance(answer.body, bytes):
            pieces: Iterable[bytes] = [answer.body]
            length = len(answer.body) if answer.length is None else answer.length
        else:
            pieces, length = answer.body(), answer.length
        self.send_response_only(answer.status)
        for key, value in answer.headers:
            self.send_header(key, value)
        if length is None:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(length))
        try:
            self.end_headers()
        except OSError:
            self._hung_up()
            return
        if self._send_pieces(pieces, answer.piece_delay, chunked=length is None) and length is None:
            self._end_chunks()

    def _send_pieces(self, pieces: Iterable[bytes], delay: float, *, chunked: bool) -> bool:
        """Each piece after ``delay``, as a chunk or as is; False if the client left meanwhile."""
        for piece in pieces:
            if delay and not self._pause(delay):
                return False
            if not (self._chunk(piece) if chunked else self._write(piece)):
                return False
        return True

    def _send_json(self, status: int, value: Any, content_type: str = JSON_TYPE) -> None:
        self._send(status, go_json(value), content_type)

    def _send_lines(self, lines: list[bytes], delay: float) -> None:
        """Stream ready-made lines as chunked NDJSON, ``delay`` apart."""
        if not self._start(200, NDJSON_TYPE, None):
            return
        for index, line in enumerate(lines):
            if (index and not self._pause(delay)) or not self._chunk(line + b"\n"):
                return
            self._rec.tokens_sent += 1
        self._settle()
        self._end_chunks()

    def _settle(self) -> None:
        """Give the model back before the last bytes go out: whoever reads them sees the new state."""
        if self._lease is not None:
            self._lease.release()

    def _drop(self) -> None:
        """Close the connection abruptly: no done line, no chunked terminator."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _hold(self) -> None:
        """Send nothing more until the client hangs up or the server stops."""
        self._pause(None)
        self.close_connection = True

    # --- simple routes ---

    def _root(self) -> None:
        self._send(200, b"Ollama is running", "text/plain; charset=utf-8")

    def _version(self) -> None:
        self._send_json(200, {"version": self.fake.version})

    def _tags(self) -> None:
        self._send(200, self.fake._tags_body(), JSON_TYPE)

    def _ps(self) -> None:
        self._send_json(200, {"models": self.fake._ps()})

    def _status(self) -> None:
        fake = self.fake
        if not fake.at_least("0.16"):
            self._send(404, b"404 page not found", "text/plain")
            return
        source = "env" if fake.cloud_disabled else "none"
        self._send_json(200, {"cloud": {"disabled": fake.cloud_disabled, "source": source}})

    def _show(self) -> None:
        body = decode_request(self._rec.raw_body, "ShowRequest")
        name = body.get("model") or body.get("name") or ""
        if not name:
            raise ApiError(400, "model is required")
        model = self._installed(name)
        self._send_json(200, _show_body(model, self.fake._modified_ns(model.name)))

    def _delete(self) -> None:
        body = decode_request(self._rec.raw_body, "DeleteRequest")
        name = body.get("model") or body.get("name") or ""
        if not name:
            raise ApiError(400, f"name {_go_quote(name)} is invalid")
        self.fake._remove(self._installed(name).name)
        self._send(200, b"", None)

    def _copy(self) -> None:
        body = decode_request(self._rec.raw_body, "CopyRequest")
        source, destination = body.get("source") or "", body.get("destination") or ""
        for role, name in (("source", source), ("destination", destination)):
            if not name:
                raise ApiError(400, f"{role} {_go_quote(name)} is invalid")
        model = self.fake._find(source)
        if model is None:
            raise ApiError(404, f"model {_go_quote(source)} not found")
        self.fake._copy(model, destination)
        self._send(200, b"", None)

    def _pull(self) -> None:
        """Pull a model of ``fake.registry`` with layer progress; any other name fails like an
        offline machine (transcripts 28 and 29)."""
        body = decode_request(self._rec.raw_body, "PullRequest")
        name = body.get("model") or body.get("name") or ""
        if not name:
            raise ApiError(400, "invalid model name")
        available = self.fake.registry.get(_normalized(name))
        if available is not None:
            self._pull_progress(available, stream=body.get("stream") is not False)
            return
        base, _, tag = name.partition(":")
        repository = base if "/" in base else f"library/{base}"
        url = f"https://registry.ollama.ai/v2/{repository}/manifests/{tag or 'latest'}"
        error = f'pull model manifest: Get "{url}": dial tcp: lookup registry.ollama.ai: no such host'
        if body.get("stream") is False:
            self._send_json(500, {"error": error}, "application/json")
            return
        self._send_lines([go_json({"status": "pulling manifest"}), go_json({"error": error})], 0.0)

    def _pull_progress(self, model: FakeModel, *, stream: bool) -> None:
        """Ollama's pull stream: manifest, ``fake.pull_notes``, per-layer `total`/`completed`, verify,
        write, success."""
        fake = self.fake
        layers = [(_digest(model.name + "-weights"), model.size), (_digest(model.name + "-template"), 1_400)]
        lines = [go_json({"status": "pulling manifest"})]
        lines += [go_json({"status": note}) for note in fake.pull_notes]
        for digest, total in layers:
            status = f"pulling {digest[:12]}"
            for step in range(fake.pull_steps + 1):
                completed = total * step // fake.pull_steps
                lines.append(
                    go_json(
                        {
                            "status": status,
                            "digest": f"sha256:{digest}",
                            "total": total,
                            "completed": completed,
                        }
                    )
                )
                if fake.pull_error is not None and len(lines) > fake.pull_steps // 2 + 1:
                    lines.append(go_json({"error": fake.pull_error}))
                    break
            else:
                continue
            break
        else:
            lines += [
                go_json({"status": s}) for s in ("verifying sha256 digest", "writing manifest", "success")
            ]
        if not stream:
            if fake.pull_error is not None:
                self._send_json(500, {"error": fake.pull_error}, "application/json")
                return
            fake._install(model)
            self._send_json(200, {"status": "success"})
            return
        if not self._start(200, NDJSON_TYPE, None):
            return
        for index, line in enumerate(lines):
            if (index and not self._pause(fake.pull_delay)) or not self._chunk(line + b"\n"):
                return  # the client hung up: a cancelled pull installs nothing
            if line.endswith(b'"success"}'):
                fake._install(model)
            self._rec.tokens_sent += 1
        self._end_chunks()

    def _installed(self, name: str) -> FakeModel:
        model = self.fake._find(name)
        if model is None:
            raise ApiError(404, f"model '{name}' not found")
        return model

    # --- chat and generate ---

    def _chat(self) -> None:
        self._generation(chat=True)

    def _generate(self) -> None:
        self._generation(chat=False)

    def _cloud_allowed(self) -> bool:
        """A cloud model's turn: refused (answered here, False) unless cloud is on and signed in."""
        fake = self.fake
        if fake.cloud_disabled:
            # The wording of a disabled cloud is not recorded anywhere we have: the status is.
            self._send_json(403, {"error": "ollama cloud is disabled"})
            return False
        if not fake.cloud_signed_in:
            signin = "https://ollama.com/connect?name=fake&key=c3NoLWVkMjU1MTk"
            self._send_json(401, {"error": "unauthorized", "signin_url": signin})
            return False
        return True

    def _parse_turn(self, *, chat: bool) -> _Turn:
        body = decode_request(self._rec.raw_body, "ChatRequest" if chat else "GenerateRequest")
        name = body.get("model") or ""
        if chat and not name:
            raise ApiError(400, "model is required")
        if body.get("think") == "max" and not self.fake.at_least("0.22"):
            allowed = '"high", "medium", "low", true, or false'
            raise ApiError(400, f'invalid think value: "max" (must be {allowed})')
        return _Turn(chat, name, self._installed(name), body, keep_alive_ns(body.get("keep_alive")))

    @staticmethod
    def _check_capabilities(turn: _Turn) -> None:
        """The real server's checks, in its order: thinking, completion, tools, then option types."""
        capabilities = turn.model.capabilities
        think = turn.body.get("think")
        if think not in (None, False) and "thinking" not in capabilities:
            raise ApiError(400, f"{_go_quote(turn.sent_name)} does not support thinking")
        if "completion" not in capabilities:
            endpoint = "chat" if turn.chat else "generate"
            raise ApiError(400, f"{_go_quote(turn.sent_name)} does not support {endpoint}")
        if turn.chat and turn.body.get("tools") and "tools" not in capabilities:
            raise ApiError(400, f"{_registry_name(turn.model.name)} does not support tools")
        _check_options(turn.options)

    def _generation(self, *, chat: bool) -> None:
        fake = self.fake
        turn = self._parse_turn(chat=chat)
        if turn.empty and turn.keep_alive_ns == 0:
            fake._unload(turn.model.name)
            self._send_json(200, self._answer_object(turn, done=True, done_reason="unload"))
            return
        self._check_capabilities(turn)
        if turn.model.remote_host and not self._cloud_allowed():
            return
        if chat and not turn.empty:
            with fake._lock:
                fake.seen_messages.append(turn.messages())
        script = None if turn.empty else fake._next_script()
        if script is not None and script.never_answer:
            self._hold()
            return
        if script is not None and script.status is not None:
            if self._pause(script.first_byte_delay):
                body = script.body if script.body is not None else go_json({"error": script.error_message})
                self._send(script.status, body, script.content_type)
            return
        cold = fake._begin_use(turn)
        self._lease = lease = _Lease(fake, turn.model.name)
        try:
            if cold and fake.load_delay > 0 and not self._pause(fake.load_delay):
                return
            if turn.empty:
                lease.release()
                self._send_json(200, self._answer_object(turn, done=True, done_reason="load"))
                return
            if "vision" not in turn.model.capabilities and turn.images():
                # The runner refuses once the model is loaded (ha-llmvision#691, Ollama 0.9.3).
                lease.release()
                self._send_json(500, {"error": _NO_VISION})
                return
            lease.slot = self._acquire_slot(turn.model.name)
            script = script or Script()
            if lease.slot and self._pause(script.first_byte_delay):
                self._answer(turn, script, cold)
        finally:
            lease.release()
            self._lease = None

    def _acquire_slot(self, name: str) -> bool:
        """Queue behind other generations on this model (FIFO), as Ollama does with one slot per model."""
        fake = self.fake
        if not fake.serialize:
            return True
        ticket = object()
        with fake._lock:
            queue = fake._queues.setdefault(name, deque())
            queue.append(ticket)

        def my_turn() -> bool:
            with fake._lock:
                if queue[0] is ticket and name not in fake._running:
                    queue.popleft()
                    fake._running.add(name)
                    return True
                return False

        if self._pause(None, until=my_turn):
            return True
        with fake._lock:
            if ticket in queue:
                queue.remove(ticket)
        return False

    def _answer_object(
        self,
        turn: _Turn,
        *,
        content: str = "",
        thinking: str = "",
        done: bool = False,
        done_reason: str | None = None,
        stats: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """One chat or generate object, with the fields in the real server's order."""
        answer: dict[str, Any] = {"model": turn.sent_name, "created_at": go_time(time.time_ns())}
        if turn.chat:
            message = {"role": "assistant", "content": content}
            if thinking:
                message["thinking"] = thinking
            answer["message"] = message
        else:
            answer["response"] = content
            if thinking:
                answer["thinking"] = thinking
        answer["done"] = done
        if done_reason:
            answer["done_reason"] = done_reason
        answer.update(stats or {})
        return answer

    @staticmethod
    def _stats(turn: _Turn, cold: bool, pieces: Sequence[tuple[str, str]], cached: int = 0) -> dict[str, Any]:
        """The done line's statistics, from the model's reported speeds; zeros omitted as Go does.

        `cached` prompt tokens came from the model's cache: counted, but not timed (as Ollama does).
        """
        model = turn.model
        prompt_count, eval_count = turn.prompt_tokens, len(pieces)
        load_ns = round((model.load_seconds if cold else _WARM_LOAD_SECONDS) * _NS)
        prompt_ns = round(max(prompt_count - cached, 1 if prompt_count else 0) / model.prompt_tps * _NS)
        eval_ns = round(eval_count / model.eval_tps * _NS)
        stats: dict[str, Any] = {}
        if not turn.chat:
            stats["context"] = [(105 + 7919 * i) % 262144 for i in range(prompt_count)] + [
                zlib.crc32(text.encode("utf-8")) % 262144 for _, text in pieces
            ]
        stats |= {
            "total_duration": load_ns + prompt_ns + eval_ns,
            "load_duration": load_ns,
            "prompt_eval_count": prompt_count,
            "prompt_eval_duration": prompt_ns,
            "eval_count": eval_count,
            "eval_duration": eval_ns,
        }
        return {key: value for key, value in stats.items() if value}

    def _answer(self, turn: _Turn, script: Script, cold: bool) -> None:
        delay = self.fake.chunk_delay if script.chunk_delay is None else script.chunk_delay
        if script.raw_lines is not None:
            self._send_lines(script.raw_lines, delay)
            return
        tokens = script.tokens
        if tokens is None and not self.fake.default_tokens and turn.images():
            tokens = tokenize(images_answer(turn.images()))
        if tokens is None:
            tokens = self.fake.default_tokens or tokenize(canned_answer(turn.last_user_text()))
        thinking = (script.thinking or tokenize(_THINKING)) if turn.thinks else []
        pieces: Sequence[tuple[str, str]] = [("thinking", text) for text in thinking] + [
            ("content", text) for text in tokens
        ]
        if script.repeat > 1:
            content = [("content", text) for text in tokens]
            pieces = _Repeated(
                list(pieces[: len(thinking)]), content, len(thinking) + len(tokens) * script.repeat
            )
        limit = turn.num_predict
        done_reason = script.done_reason or ("length" if limit and limit < len(pieces) else "stop")
        pieces = pieces[:limit]
        # How the answer ends: "done", "end" (no done line), or the first scripted event to fire.
        triggers = {"error": script.error_after, "stall": script.stall_after, "drop": script.drop_after}
        fired = [(min(after, len(pieces)), name) for name, after in triggers.items() if after is not None]
        ending = "end" if script.end_without_done else "done"
        at, event = min(fired, default=(len(pieces), ending), key=lambda item: item[0])
        pieces = pieces[:at]
        stats = self._stats(turn, cold, pieces, self.fake._reuse_cache(turn, cold, pieces))
        send = self._stream if turn.stream else self._whole
        send(turn, pieces, delay=delay, event=event, script=script, done_reason=done_reason, stats=stats)

    def _stream(
        self,
        turn: _Turn,
        pieces: Sequence[tuple[str, str]],
        *,
        delay: float,
        event: str,
        script: Script,
        done_reason: str,
        stats: dict[str, Any],
    ) -> None:
        if not self._start(200, NDJSON_TYPE, None):
            return
        for index, (kind, text) in enumerate(pieces):
            if index and not self._pause(delay):
                return
            if kind == "thinking":
                line = self._answer_object(turn, thinking=text)
            else:
                line = self._answer_object(turn, content=text)
            if not self._chunk(go_json(line) + b"\n"):
                return
            self._rec.tokens_sent += 1
        if pieces and not self._pause(delay):
            return
        if event == "stall":
            self._hold()
        elif event == "drop":
            self._drop()
        else:
            self._settle()
            if event == "error":
                self._chunk(go_json({"error": script.error_message}) + b"\n")
            elif event == "done":
                done = self._answer_object(turn, done=True, done_reason=done_reason, stats=stats)
                self._chunk(go_json(done) + b"\n")
            self._end_chunks()

    def _whole(
        self,
        turn: _Turn,
        pieces: Sequence[tuple[str, str]],
        *,
        delay: float,
        event: str,
        script: Script,
        done_reason: str,
        stats: dict[str, Any],
    ) -> None:
        """stream: false: generate for as long as the stream would take, then answer once."""
        if not self._pause(delay * len(pieces)):
            return
        if event == "stall":
            self._hold()
            return
        if event == "drop":
            self._drop()
            return
        self._settle()
        if event == "error":
            self._send_json(500, {"error": script.error_message})
            return
        content = "".join(text for kind, text in pieces if kind == "content")
        thinking = "".join(text for kind, text in pieces if kind == "thinking")
        if event == "done":
            answer = self._answer_object(
                turn, content=content, thinking=thinking, done=True, done_reason=done_reason, stats=stats
            )
        else:
            answer = self._answer_object(turn, content=content, thinking=thinking)
        self._send_json(200, answer)
        self._rec.tokens_sent = len(pieces)


_ROUTES: dict[str, dict[str, Callable[[_Handler], None]]] = {
    "/": {"HEAD": _Handler._root, "GET": _Handler._root},
    "/api/version": {"HEAD": _Handler._version, "GET": _Handler._version},
    "/api/status": {"GET": _Handler._status},
    "/api/tags": {"HEAD": _Handler._tags, "GET": _Handler._tags},
    "/api/ps": {"GET": _Handler._ps},
    "/api/show": {"POST": _Handler._show},
    "/api/chat": {"POST": _Handler._chat},
    "/api/generate": {"POST": _Handler._generate},
    "/api/pull": {"POST": _Handler._pull},
    "/api/copy": {"POST": _Handler._copy},
    "/api/delete": {"DELETE": _Handler._delete},
}


def _version_key(version: str) -> tuple[int, ...]:
    """ "0.30.1-rc2" -> (0, 30, 1): what a release number orders by."""
    numbers = []
    for part in version.split("-", 1)[0].split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        numbers.append(int(digits) if digits else 0)
    return tuple(numbers)


def _registry_name(name: str) -> str:
    """The fully qualified name the real server puts in capability errors (transcript 32)."""
    base, _, tag = name.partition(":")
    return f"registry.ollama.ai/{base if '/' in base else 'library/' + base}:{tag or 'latest'}"


def _normalized(name: str) -> str:
    return name if ":" in name.rsplit("/", 1)[-1] else f"{name}:latest"


# --- The fake server ----------------------------------------------------------------------------------


class FakeOllama:
    """A fake Ollama server on a real socket, driven and inspected by tests.

    Behaviour knobs (set them before or between requests): ``chunk_delay``, ``default_tokens``,
    ``serialize``, ``route_delay``, ``hang_routes``, ``route_override``, ``route_answer``, ``ignore_unload``,
    ``prompt_cache`` (a prompt that repeats what the model just read reports Ollama's cached timing),
    ``load_delay`` (a cold load really waits this long before the first byte), ``memory_budget``
    (a cold load evicts idle models that do not fit beside it), ``registry`` and
    ``pull_*`` (what /api/pull can download, and how), and ``script()`` for the next generation.
    """

    def __init__(
        self,
        models: list[FakeModel] | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        version: str = "0.24.0",
    ) -> None:
        self.models: dict[str, FakeModel] = {m.name: m for m in (demo_models() if models is None else models)}
        self.host = host
        self.port = port
        self.version = version
        self.url = ""
        self.requests: list[RecordedRequest] = []
        self.chunk_delay = 0.0
        self.default_tokens: list[str] | None = None
        self.serialize = True
        self.route_delay: dict[str, float] = {}
        self.hang_routes: set[str] = set()
        # Cloud models: answered only once signed in (`ollama signin`); all refused when disabled
        # (OLLAMA_NO_CLOUD=1, told by /api/status since 0.16).
        self.cloud_signed_in = False
        self.cloud_disabled = False
        # The messages each chat turn's model saw (after truncation to num_ctx), oldest turn first.
        self.seen_messages: list[list[dict[str, Any]]] = []
        # path -> (status, body, content type): answer that instead, for garbled or hostile answers.
        self.route_override: dict[str, tuple[int, bytes, str]] = {}
        # path (or "*" for every path) -> a hand-made answer: redirects, huge, endless, compressed,
        # trickled or non-HTTP answers, floods of headers (see RawAnswer).
        self.route_answer: dict[str, RawAnswer] = {}
        self.ignore_unload = False
        self.load_delay = 0.0
        # Like Ollama, a loaded model keeps what it last read and wrote (its KV cache) and evaluates
        # only the part of the next prompt that differs; the done line still counts every prompt
        # token but times only the evaluated ones (at least one): the prompt speed a real server
        # reports after a cache hit is far too high. Off by default: reported speeds stay fixed.
        self.prompt_cache = False
        # Bytes of memory for loaded models (None: unlimited). A cold load that does not fit frees
        # idle models first, the one due to expire soonest first, as Ollama's scheduler does.
        self.memory_budget: int | None = None
        # Models /api/pull can download (the fake is otherwise offline), and how a pull behaves.
        self.registry: dict[str, FakeModel] = {}
        self.pull_steps = 4
        self.pull_delay = 0.0
        self.pull_error: str | None = None
        # Status lines sent after "pulling manifest": any words a server may put there.
        self.pull_notes: list[str] = []
        self._loaded: dict[str, LoadedModel] = {}
        self._tags_cache: tuple[tuple[Any, ...], bytes] | None = None
        self._tags_entries: dict[tuple[Any, ...], bytes] = {}
        self._scripts: deque[Script] = deque()
        self._lock = threading.RLock()
        self._stopping = threading.Event()
        self._queues: dict[str, deque[object]] = {}
        self._running: set[str] = set()
        self._handlers: dict[_Handler, threading.Thread] = {}
        self._server: _Server | None = None
        self._serve_thread: threading.Thread | None = None
        # /api/tags lists the most recently modified first: give the models falling times.
        now = time.time_ns()
        self._modified: dict[str, int] = {name: now - 60 * _NS * i for i, name in enumerate(self.models)}

    # --- lifecycle ---

    def start(self) -> FakeOllama:
        """Listen (on ``port``, or a free one) and serve in background threads."""
        with self._lock:
            if self._server is not None:
                return self
            self._stopping.clear()
            self._server = _Server((self.host, self.port), self)
            self.port = self._server.server_address[1]
            self.url = f"http://{self.host}:{self.port}"
            self._serve_thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.02},
                name=f"fake-ollama-{self.port}",
                daemon=True,
            )
            self._serve_thread.start()
        return self

    def stop(self) -> None:
        """Stop listening, close every client connection, release waiting handlers and join them."""
        with self._lock:
            server, serve_thread = self._server, self._serve_thread
            if server is None or serve_thread is None:
                return
            self._server = self._serve_thread = None
            self._stopping.set()
            handlers = dict(self._handlers)
        server.shutdown()
        server.server_close()
        for handler in handlers:
            with contextlib.suppress(OSError):
                handler.connection.shutdown(socket.SHUT_RDWR)
        for thread in [serve_thread, *handlers.values()]:
            thread.join(timeout=2.0)
        with self._lock:
            self._queues.clear()
            self._running.clear()

    def __enter__(self) -> FakeOllama:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # --- what tests use ---

    @property
    def loaded(self) -> dict[str, LoadedModel]:
        """What /api/ps lists now (expired entries removed); the live dict, keyed by model name."""
        with self._lock:
            self._expire()
            return self._loaded

    def requests_to(self, path: str) -> list[RecordedRequest]:
        """The requests received for one path, oldest first."""
        with self._lock:
            return [request for request in self.requests if request.path == path]

    def script(self, **kwargs: Any) -> Script:
        """Queue what the next generating request does; see :class:`Script`."""
        script = Script(**kwargs)
        with self._lock:
            self._scripts.append(script)
        return script

    def load(self, name: str, keep_alive: float | None = None) -> None:
        """Put a model in /api/ps as if a request had loaded it (keep_alive in seconds, < 0: forever)."""
        model = self._find(name)
        if model is None:
            raise KeyError(name)
        requested = keep_alive_ns(keep_alive)
        ns = _DEFAULT_KEEP_ALIVE_NS if requested is None else requested
        with self._lock:
            self._loaded[model.name] = LoadedModel(model.name, time.time_ns() + ns, keep_alive_ns=ns)

    def add_model(self, model: FakeModel) -> None:
        """Install a model from outside the app (a terminal ``ollama pull``): first in /api/tags."""
        self._install(model)

    def remove_model(self, name: str) -> None:
        """Delete a model from outside the app (a terminal ``ollama rm``)."""
        self._remove(name)

    # --- used by the handlers ---

    def _track(self, handler: _Handler, *, add: bool) -> None:
        with self._lock:
            if not add:
                self._handlers.pop(handler, None)
            elif self._stopping.is_set():
                with contextlib.suppress(OSError):  # accepted as we stopped: end it now
                    handler.connection.shutdown(socket.SHUT_RDWR)
            else:
                self._handlers[handler] = threading.current_thread()

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _next_script(self) -> Script | None:
        with self._lock:
            return self._scripts.popleft() if self._scripts else None

    def _find(self, name: str) -> FakeModel | None:
        """Look a model up as Ollama does: case-insensitively, ``:latest`` when no tag is given."""
        wanted = _normalized(name.strip()).lower()
        with self._lock:
            return next((model for key, model in self.models.items() if key.lower() == wanted), None)

    def _modified_ns(self, name: str) -> int:
        with self._lock:
            return self._modified.setdefault(name, time.time_ns())

    def _tags_body(self) -> bytes:
        """/api/tags encoded, each model's entry again only when it changed.

        The real server is another process; this one shares the app's interpreter in the tests,
        and encoding 5,000 models on every request would hold the app's threads back for tens of
        milliseconds, a stall of the test's own making.
        """
        with self._lock:
            models = list(self.models.values())
            keys = [
                (m.name, m.size, m.family, m.parameter_size, m.quantization_level, self._modified.get(m.name))
                for m in models
            ]
            cached, entries = self._tags_cache, self._tags_entries
        if cached is not None and cached[0] == tuple(keys):
            return cached[1]
        fresh = {
            key: entries.get(key) or go_json(self._tag_entry(model))
            for key, model in zip(keys, models, strict=True)
        }
        body = b'{"models":[' + b",".join(fresh.values()) + b"]}"
        with self._lock:
            self._tags_cache, self._tags_entries = (tuple(keys), body), fresh
        return body

    def _tag_entry(self, model: FakeModel) -> dict[str, Any]:
        entry: dict[str, Any] = {"name": model.name, "model": model.name}
        if model.remote_host and self.at_least("0.12"):
            entry |= {"remote_model": model.name.rsplit(":", 1)[0], "remote_host": model.remote_host}
        entry |= {
            "modified_at": go_time(self._modified_ns(model.name)),
            "size": model.size,
            "digest": _digest(model.name),
            "details": _details(model),
        }
        if self.at_least("0.30"):
            # Since 0.30 the list says what /api/show would: no call per model is needed.
            entry["details"] |= {"context_length": model.context_length, "embedding_length": 4096}
            entry["capabilities"] = list(model.capabilities)
        return entry

    def at_least(self, version: str) -> bool:
        """Whether the version this fake plays is `version` or newer (features by release)."""
        return _version_key(self.version) >= _version_key(version)

    def _tags(self) -> list[dict[str, Any]]:
        with self._lock:
            models = list(self.models.values())
        return [self._tag_entry(model) for model in models]

    def _ps(self) -> list[dict[str, Any]]:
        with self._lock:
            self._expire()
            entries = sorted(self._loaded.values(), key=lambda entry: entry.expires_ns, reverse=True)
            # A cloud model runs on ollama.com: it uses no memory here and is never listed.
            pairs = [
                (entry, self.models[entry.name])
                for entry in entries
                if entry.name in self.models and not self.models[entry.name].remote_host
            ]
        answer = []
        for entry, model in pairs:
            size = _memory_of(model)
            answer.append(
                {
                    "name": model.name,
                    "model": model.name,
                    "size": size,
                    "digest": _digest(model.name),
                    "details": _details(model),
                    "expires_at": go_time(entry.expires_ns),
                    "size_vram": {"gpu": size, "split": size * 6 // 10}.get(model.placement, 0),
                    "context_length": entry.context_length,
                }
            )
        return answer

    def _install(self, model: FakeModel) -> None:
        with self._lock:
            self.models = {model.name: model, **{n: m for n, m in self.models.items() if n != model.name}}
            self._modified[model.name] = time.time_ns()

    def _remove(self, name: str) -> None:
        with self._lock:
            self.models.pop(name, None)
            self._loaded.pop(name, None)

    def _copy(self, model: FakeModel, destination: str) -> None:
        copy = dataclasses.replace(model, name=_normalized(destination))
        with self._lock:
            others = {name: other for name, other in self.models.items() if name != copy.name}
            self.models = {copy.name: copy, **others}
            self._modified[copy.name] = time.time_ns()

    def _expire(self) -> None:
        now = time.time_ns()
        for name, entry in list(self._loaded.items()):
            if entry.busy == 0 and entry.expires_ns <= now:
                del self._loaded[name]

    def _session_ns(self, requested: int | None) -> int:
        if requested is None or (requested == 0 and self.ignore_unload):
            return _DEFAULT_KEEP_ALIVE_NS
        return requested

    def _begin_use(self, turn: _Turn) -> bool:
        """Load (or keep) the model for a request; True when that was a cold load."""
        name, num_ctx = turn.model.name, turn.num_ctx
        keep = self._session_ns(turn.keep_alive_ns)
        with self._lock:
            self._expire()
            entry = self._loaded.get(name)
            now = time.time_ns()
            cold = entry is None or entry.context_length != num_ctx
            if entry is None or cold:
                busy = entry.busy if entry is not None else 0
                self._make_room(name)
                entry = self._loaded[name] = LoadedModel(name, now + keep, num_ctx, keep, busy)
            entry.keep_alive_ns, entry.expires_ns = keep, now + keep
            entry.busy += 1
            return cold

    def _reuse_cache(self, turn: _Turn, cold: bool, pieces: Sequence[tuple[str, str]]) -> int:
        """With ``prompt_cache``: how many leading prompt tokens the model held; it then holds this turn.

        Only words are shared: the fake's template tokens close the prompt, so they are always
        evaluated (Ollama also shares a template's few opening tokens; the fake leaves that out).
        """
        if not self.prompt_cache:
            return 0
        tokens = turn.prompt_words()
        answer = "".join(text for kind, text in pieces if kind == "content")
        with self._lock:
            entry = self._loaded.get(turn.model.name)
            if entry is None:
                return 0
            held = () if cold else entry.cached
            reused = 0
            for mine, theirs in zip(tokens, held, strict=False):
                if mine != theirs:
                    break
                reused += 1
            entry.cached = (*tokens, *(f"assistant:{word}" for word in answer.split()))
            return reused

    def _make_room(self, name: str) -> None:
        """Unload idle models until `name` fits in ``memory_budget`` (lock held)."""
        if self.memory_budget is None or name not in self.models:
            return
        others = sorted(
            (entry for entry in self._loaded.values() if entry.name != name and entry.name in self.models),
            key=lambda entry: entry.expires_ns,
        )
        used = sum(_memory_of(self.models[entry.name]) for entry in others) + _memory_of(self.models[name])
        for entry in others:
            if used <= self.memory_budget:
                break
            if entry.busy == 0:
                del self._loaded[entry.name]
                used -= _memory_of(self.models[entry.name])

    def _end_use(self, name: str) -> None:
        with self._lock:
            entry = self._loaded.get(name)
            if entry is not None:
                entry.busy = max(0, entry.busy - 1)
                entry.expires_ns = time.time_ns() + entry.keep_alive_ns
            self._expire()

    def _unload(self, name: str) -> None:
        """keep_alive 0 on an empty request: gone at once, or when its running requests end."""
        with self._lock:
            entry = self._loaded.get(name)
            if entry is None or self.ignore_unload:
                return
            entry.keep_alive_ns, entry.expires_ns = 0, time.time_ns()
            self._expire()

    def _release_slot(self, name: str) -> None:
        with self._lock:
            self._running.discard(name)


def _memory_of(model: FakeModel) -> int:
    """/api/ps "size" of a loaded model."""
    return model.size * 13 // 10 if model.memory_size is None else model.memory_size


def demo_models() -> list[FakeModel]:
    """A small, varied installation: GPU, split and CPU placement, a thinking model and a vision model."""
    return [
        FakeModel("llama3.1:8b", 4_920_753_328, "8.0B", "Q4_K_M", "llama", ("completion", "tools")),
        FakeModel(
            "qwen2.5:14b",
            8_988_124_069,
            "14.8B",
            "Q4_K_M",
            "qwen2",
            ("completion", "tools"),
            eval_tps=18.0,
            prompt_tps=220.0,
            load_seconds=3.5,
            placement="split",
            context_length=32768,
        ),
        # The transcripts' own model, with their sizes: 253 MB on disk, 478 MB loaded, CPU only.
        FakeModel(
            "gemma3:270m",
            253_113_877,
            "268.10M",
            "Q4_K_M",
            "gemma3",
            ("completion",),
            eval_tps=10.0,
            prompt_tps=500.0,
            load_seconds=0.8,
            memory_size=477_798_912,
            placement="cpu",
            context_length=32768,
        ),
        FakeModel(
            "deepseek-r1:8b",
            5_225_376_047,
            "8.2B",
            "Q4_K_M",
            "qwen3",
            ("completion", "thinking"),
            eval_tps=35.0,
            load_seconds=1.5,
        ),
        # gemma3 from 4b up sees images (270m and 1b are text only): the one vision model here.
        FakeModel(
            "gemma3:4b",
            3_338_801_804,
            "4.3B",
            "Q4_K_M",
            "gemma3",
            ("completion", "vision"),
            eval_tps=30.0,
            load_seconds=1.4,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    """Run the fake with the demo models until Ctrl+C."""
    parser = argparse.ArgumentParser(prog="python -m tests.fake_ollama", description=main.__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=11434)
    parser.add_argument("--chunk-delay", type=float, default=0.03, help="seconds between stream lines")
    parser.add_argument("--load-delay", type=float, default=1.0, help="seconds a cold load really waits")
    args = parser.parse_args(argv)
    fake = FakeOllama(host=args.host, port=args.port)
    fake.chunk_delay = args.chunk_delay
    fake.load_delay = args.load_delay
    # Ctrl+C only sets a flag: a KeyboardInterrupt raised at a random point (inside a lock's wait,
    # or while starting up) could leave the server half-stopped and the process hanging.
    stopped = threading.Event()
    signal.signal(signal.SIGINT, lambda _signum, _frame: stopped.set())
    with fake:
        print(
            f"Fake Ollama {fake.version} on {fake.url} with {', '.join(fake.models)} (Ctrl+C stops)",
            flush=True,
        )
        while not stopped.wait(0.5):  # a timed wait, so Ctrl+C gets through on Windows too
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
