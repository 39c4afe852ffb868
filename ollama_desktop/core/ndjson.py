"""Reading Ollama's NDJSON streams line by line, checking every line for an error."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ollama_desktop.core.errors import (
    NotOllama,
    ProtocolError,
    Reason,
    ResponseTooLarge,
    error_from_response,
)

# One line of a real stream is a few hundred bytes; anything far larger is not Ollama talking, and
# holding it would cost the user's memory.
MAX_LINE_BYTES = 8 * 1024 * 1024


def loads(data: bytes, what: str) -> Any:
    """JSON from the wire, or a `ProtocolError` whose reason says in what way it is not.

    >>> loads(b'{"a": 1}', "/api/x")
    {'a': 1}
    >>> loads(b'\\xff{}', "/api/x")
    Traceback (most recent call last):
    ...
    ollama_desktop.core.errors.ProtocolError: /api/x: not UTF-8 at byte 0
    >>> try:
    ...     loads(b"<!DOCTYPE html><html>", "/api/x")
    ... except NotOllama as exc:
    ...     exc.reason.value
    'web_page'
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"{what}: not UTF-8 at byte {exc.start}", reason=Reason.NOT_UTF8) from None
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        if text.lstrip()[:1] == "<":
            # A web page (a router's, a proxy's, another program's): the address is not Ollama's.
            raise NotOllama(f"{what}: a web page, not JSON", reason=Reason.WEB_PAGE) from exc
        raise ProtocolError(f"{what}: not JSON: {data[:80]!r}", reason=Reason.NOT_JSON) from exc


def decode_line(line: bytes) -> dict[str, Any]:
    """One stream line as a JSON object, or the server's error raised as an exception.

    >>> decode_line(b'{"done": false}')
    {'done': False}
    >>> decode_line(b'{"error": "boom"}')
    Traceback (most recent call last):
    ...
    ollama_desktop.core.errors.ServerError: HTTP 200: boom
    """
    data = loads(line, "stream line")  # its length was bounded by `split_lines`
    if not isinstance(data, dict):
        raise ProtocolError(f"stream line is not a JSON object: {line[:80]!r}", reason=Reason.NOT_JSON)
    error = data.get("error")
    if error is not None:
        # A stream that began with 200 reports failures as a line of its own.
        text = error if isinstance(error, str) else json.dumps(error, ensure_ascii=False)[:2000]
        raise error_from_response(200, text)
    return data


def iter_objects(lines: Iterable[bytes]) -> Iterator[dict[str, Any]]:
    """The JSON objects of an NDJSON byte-line iterable, skipping blank keep-alive lines."""
    for line in lines:
        stripped = line.strip()
        if stripped:
            yield decode_line(stripped)


def split_lines(chunks: Iterable[bytes], max_line: int = MAX_LINE_BYTES) -> Iterator[bytes]:
    """Cut a byte stream into lines, each as soon as its newline arrives.

    Unlike `requests`' `iter_lines`, the cost stays linear however a line is cut into chunks, and a
    line longer than `max_line` is refused as soon as that much has arrived, without buffering
    the rest: a hostile or broken server cannot make the app hold or copy megabytes.
    """
    buffer = bytearray()
    for chunk in chunks:
        start = len(buffer)
        buffer += chunk
        begin = 0
        newline = buffer.find(b"\n", start)
        while newline != -1:
            yield bytes(buffer[begin:newline])
            begin = newline + 1
            newline = buffer.find(b"\n", begin)
        if begin:
            del buffer[:begin]
        if len(buffer) > max_line:
            raise ResponseTooLarge("stream line", max_line, reason=Reason.LINE_TOO_LONG)
    if buffer:
        yield bytes(buffer)
