"""The one exception tree for everything that can go wrong talking to Ollama.

Messages are for the log; the UI maps exception *types* to translated sentences that say what to do.
"""

from __future__ import annotations


class OllamaError(Exception):
    """Base of every error the client raises."""


class ServerUnreachable(OllamaError):
    """No connection could be made (server not running, wrong host, refused, DNS failure)."""


class RequestTimedOut(OllamaError):
    """The server accepted the request but did not answer, or a stream stalled, within the timeout."""


class RequestCancelled(OllamaError):
    """The user stopped the request; the connection was closed on purpose."""


class ProtocolError(OllamaError):
    """The server answered something that is not Ollama's protocol (garbled JSON, an HTML page, ...)."""


class StreamIncomplete(ProtocolError):
    """A stream ended without its `done: true` line: the connection was lost mid-answer."""


class ServerError(OllamaError):
    """Ollama answered with an error: an HTTP 4xx/5xx, or an `error` line inside a 200 stream.

    Attributes:
        status: the HTTP status (200 when the error came as a line of a stream that had started).
        message: the server's own `error` text, untranslated.
    """

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"HTTP {status}: {message}")
        self.status = status
        self.message = message


class ModelNotFound(ServerError):
    """The model is not installed on this server (404 `model 'x' not found`)."""


class OutOfMemory(ServerError):
    """The model does not fit in memory (Ollama's 500 "requires more system memory ...")."""


_OOM_MARKERS = ("requires more system memory", "out of memory", "cudamalloc failed", "unable to allocate")


def error_from_response(status: int, message: str) -> ServerError:
    """Map the server's status and `error` text to the most specific exception.

    >>> type(error_from_response(404, "model 'x' not found")).__name__
    'ModelNotFound'
    >>> oom = "model requires more system memory (9.1 GiB) than is available (4.0 GiB)"
    >>> type(error_from_response(500, oom)).__name__
    'OutOfMemory'
    >>> type(error_from_response(400, "missing request body")).__name__
    'ServerError'
    """
    lowered = message.lower()
    if status == 404 and lowered.startswith("model ") and lowered.endswith("not found"):
        return ModelNotFound(status, message)
    if any(marker in lowered for marker in _OOM_MARKERS):
        return OutOfMemory(status, message)
    return ServerError(status, message)
