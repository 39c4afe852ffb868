"""Every timeout the client uses, in one place (seconds), with the original scripts' values."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Timeouts:
    """How long each kind of call may take.

    `connect` bounds making the TCP connection; the others bound waiting for the answer, or, for
    streams, the gap between two lines. A call that is not a stream must also be whole within
    `connect` plus its own timeout (`cancel.Deadline`): a server trickling a byte every few seconds
    cannot hold it for ever. A chat's first line can wait for a model to load or for
    another request to finish (Ollama queues them with no bytes at all), hence its long read.
    """

    connect: float = 10.0
    version: float = 5.0
    tags: float = 30.0
    ps: float = 5.0
    show: float = 30.0
    chat_read: float = 1800.0
    generate: float = 600.0
    unload: float = 30.0
    # Between two progress lines of a download; Ollama sends them several times a second.
    pull_read: float = 120.0
