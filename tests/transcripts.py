"""Read the recorded exchanges with a real Ollama server in ``tests/data/ollama-api/transcripts``.

Each file holds the request line, the request body, the status and Content-Type, every response
header, the client's timing, then the response body exactly as received (no newline added). The
fake server's tests replay them, and the client's parser tests feed the bodies to the parser.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# A copy of the recordings the project started from (../shared/ollama-api), kept in the repository so
# that a clone alone runs every test.
TRANSCRIPTS_DIR = Path(__file__).resolve().parent / "data" / "ollama-api" / "transcripts"

_BODY_MARKER = b"### RAW BODY FOLLOWS (exactly as received) ###\n"
_REQUEST = "### REQUEST: "
_REQUEST_BODY = "### REQUEST BODY: "
_STATUS = "### HTTP STATUS: "
_HEADER = "### HEADER: "
_TIMING = "### TIMING: "


@dataclass(frozen=True)
class Transcript:
    """One recorded request and the server's answer.

    Attributes:
        name: the file name without ``.txt`` (``"04_generate_stream"``).
        method: the HTTP method sent.
        url: the full URL requested.
        path: the URL's path (``"/api/generate"``).
        request_body: the body sent, ``None`` when the request had none (``b""`` is an empty body).
        status: the HTTP status code received.
        content_type: the Content-Type received, ``""`` when the answer had none.
        headers: every response header as received.
        timing: the client's timing line (first byte, total, line count, whether it hung up).
        body: the response body, byte for byte.
    """

    name: str
    method: str
    url: str
    path: str
    request_body: bytes | None
    status: int
    content_type: str
    headers: dict[str, str]
    timing: str
    body: bytes

    def json(self) -> Any:
        """The body as one JSON value (for the answers that are not streamed)."""
        return json.loads(self.body)

    def lines(self) -> list[dict[str, Any]]:
        """The body as NDJSON: one object per non-empty line."""
        return [json.loads(line) for line in self.body.splitlines() if line.strip()]


def _resolve(name_or_path: str | Path) -> Path:
    """Accept a path, a file name, or a number prefix such as ``"04"`` or ``"14b"``."""
    path = Path(name_or_path)
    if path.is_file():
        return path
    name = str(name_or_path)
    for candidate in (TRANSCRIPTS_DIR / name, TRANSCRIPTS_DIR / f"{name}.txt"):
        if candidate.is_file():
            return candidate
    matches = sorted(TRANSCRIPTS_DIR.glob(f"{name}_*.txt"))
    if len(matches) != 1:
        raise FileNotFoundError(f"no single transcript matches {name!r} in {TRANSCRIPTS_DIR}")
    return matches[0]


def load_transcript(name_or_path: str | Path) -> Transcript:
    """Parse one transcript file (a path, a file name, or its number prefix)."""
    path = _resolve(name_or_path)
    raw = path.read_bytes()
    head, marker, body = raw.partition(_BODY_MARKER)
    if not marker:
        raise ValueError(f"{path.name}: no raw body marker")
    text = head.decode("utf-8")
    request_line, _, rest = text.partition("\n")
    if not request_line.startswith(_REQUEST) or not rest.startswith(_REQUEST_BODY):
        raise ValueError(f"{path.name}: not a transcript")
    method, _, url = request_line.removeprefix(_REQUEST).partition(" ")
    # The request body runs up to the status line, so a body with newlines would survive too.
    request_text, _, rest = rest.removeprefix(_REQUEST_BODY).partition(f"\n{_STATUS}")
    status_line, _, rest = rest.partition("\n")
    status_text, _, content_type = status_line.partition(" | Content-Type: ")
    headers: dict[str, str] = {}
    timing = ""
    for line in rest.splitlines():
        if line.startswith(_HEADER):
            key, _, value = line.removeprefix(_HEADER).partition(": ")
            headers[key] = value
        elif line.startswith(_TIMING):
            timing = line.removeprefix(_TIMING)
    return Transcript(
        name=path.stem,
        method=method,
        url=url,
        path=urlsplit(url).path,
        request_body=None if request_text == "(none)" else request_text.encode("utf-8"),
        status=int(status_text.split(" ", 1)[0]),
        content_type="" if content_type == "None" else content_type,
        headers=headers,
        timing=timing,
        body=body,
    )


def all_transcripts() -> list[Transcript]:
    """Every transcript, in file-name order."""
    return [load_transcript(path) for path in sorted(TRANSCRIPTS_DIR.glob("*.txt"))]
