"""How much of an answer the client will read, per kind of call (bytes, after decompression).

Each cap is far above what a real Ollama sends for that question and far below what would hurt the
user's memory: a server that sends more is not Ollama talking (a proxy's error page, an endless or
hostile body, a compression bomb), and the app stops reading and closes the connection.
"""

from __future__ import annotations

from dataclasses import dataclass

KIB = 1024
MIB = 1024 * KIB


@dataclass(frozen=True)
class BodyLimits:
    """The largest answer read for each kind of call; tests pass small ones.

    `reply` covers the answers that are not streamed (`chat_once`, `generate_once`, load and unload);
    `error` the body of a 4xx/5xx, whose text Ollama keeps to one line; `line` one line of a stream
    (a real one is a few hundred bytes; a whole stream has no cap, an answer may go on for hours).
    """

    version: int = 64 * KIB
    # /api/tags lists every installed model in ~600 bytes each: 5,000 models take 3 MB.
    tags: int = 32 * MIB
    ps: int = 4 * MIB
    # /api/show carries the template, licence and parameters: a few hundred kB for the largest.
    show: int = 32 * MIB
    reply: int = 64 * MIB
    error: int = 64 * KIB
    line: int = 8 * MIB
