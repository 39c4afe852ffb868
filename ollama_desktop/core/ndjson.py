"""Reading Ollama's NDJSON streams line by line, checking every line for an error."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ollama_desktop.core.errors import ProtocolError, error_from_response

# One line of a real stream is a few hundred bytes; anything far larger is not Ollama talking, and
# holding it would cost the user's memory.
MAX_LINE_BYTES = 8 * 1024 * 1024


def decode_line(line: bytes) -> dict[str, Any]:
    """One stream line as a JSON object, or the server's error raised as an exception.

    >>> decode_line(b'{"done": false}')
    {'done': False}
    >>> decode_line(b'{"error": "boom"}')
    Traceback (most recent call last):
    ...
    ollama_desktop.core.errors.ServerError: HTTP 200: boom
    """
    if len(line) > MAX_LINE_BYTES:
        raise ProtocolError(f"stream line of {len(line)} bytes is too long")
    try:
        data = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ProtocolError(f"stream line is not JSON: {line[:80]!r}") from exc
    if not isinstance(data, dict):
        raise ProtocolError(f"stream line is not a JSON object: {line[:80]!r}")
    error = data.get("error")
    if error is not None:
        # A stream that began with 200 reports failures as a line of its own.
        raise error_from_response(200, str(error))
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
            raise ProtocolError(f"stream line longer than {max_line} bytes")
    if buffer:
        yield bytes(buffer)
