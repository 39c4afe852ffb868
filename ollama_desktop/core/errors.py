"""The one exception tree for everything that can go wrong talking to Ollama.

Messages are for the log; the UI maps exception *types* to translated sentences that say what to do,
and an error's `reason` (classified once, where the error is raised) to the plain words of its
"Details" line, so that no exception text of Python's or a library's ever reaches the user.
"""

from __future__ import annotations

import enum


class Reason(enum.Enum):
    """What exactly went wrong on the wire, for the "Details" line (the UI words each one)."""

    REFUSED = "refused"  # nothing accepts connections at that address and port
    NAME_NOT_FOUND = "name_not_found"  # the computer's name is unknown (DNS)
    CONNECT_TIMEOUT = "connect_timeout"  # the connection attempt got no reply
    BAD_ADDRESS = "bad_address"  # not a usable web address
    TIMED_OUT = "timed_out"  # nothing arrived from the server for longer than the timeout
    NO_ANSWER = "no_answer"  # the connection was accepted, the question never answered
    TOO_SLOW = "too_slow"  # the answer came, but too slowly to finish within the call's deadline
    CLOSED_EARLY = "closed_early"  # the server closed the connection without answering
    CONNECTION_BROKEN = "connection_broken"  # the connection broke in the middle of the answer
    ENDED_EARLY = "ended_early"  # the answer stopped before its last line
    NOT_HTTP = "not_http"  # what came back is not an HTTP answer at all
    HEADERS_TOO_LARGE = "headers_too_large"  # far more, or far longer, header lines than any server's
    REDIRECTED = "redirected"  # the server sent the app to another address
    TOO_LARGE = "too_large"  # the answer is larger than any Ollama sends for that question
    LINE_TOO_LONG = "line_too_long"  # one line of a streamed answer is larger than any of Ollama's
    BAD_COMPRESSION = "bad_compression"  # the answer was compressed wrongly
    NOT_UTF8 = "not_utf8"  # text that is not valid UTF-8
    NOT_JSON = "not_json"  # not the JSON that Ollama speaks
    WEB_PAGE = "web_page"  # a web page where Ollama sends data
    ERROR_STATUS = "error_status"  # an HTTP error where Ollama always answers


class OllamaError(Exception):
    """Base of every error the client raises.

    Attributes:
        reason: what happened on the wire, when the raiser knows (None: the type says it all).
    """

    def __init__(self, *args: object, reason: Reason | None = None) -> None:
        super().__init__(*args)
        self.reason = reason


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


class NotOllama(ProtocolError):
    """Something answers at the address, but not as Ollama does.

    Not HTTP at all, header lines past any server's, a web page, an answer far larger or far slower
    than any of Ollama's, an error or silence where Ollama always answers: the address is probably
    wrong (another program's port, a captive portal, a proxy), not Ollama stopped. `reason` says which.
    """


class Redirected(NotOllama):
    """The server answered with a redirect (3xx), which the app never follows.

    Following it would send the question, the whole conversation, to an address the user never
    chose, while the window still names the configured one.

    Attributes:
        host: the configured server, the only one the app talks to.
        location: where the server tried to send the app ("" when it did not say).
    """

    def __init__(self, path: str, host: str, location: str) -> None:
        super().__init__(f"{path}: {host} redirects to {location!r}", reason=Reason.REDIRECTED)
        self.host = host
        self.location = location


class ResponseTooLarge(NotOllama):
    """An answer (or one line of a stream) longer than any Ollama sends for that question.

    Attributes:
        limit: the cap that was passed, in bytes (after decompression).
    """

    def __init__(self, what: str, limit: int, *, reason: Reason = Reason.TOO_LARGE) -> None:
        super().__init__(f"{what}: longer than {limit} bytes", reason=reason)
        self.limit = limit


class ServerError(OllamaError):
    """Ollama answered with an error: an HTTP 4xx/5xx, or an `error` line inside a 200 stream.

    Attributes:
        status: the HTTP status (200 when the error came as a line of a stream that had started).
        message: the server's own `error` text, untranslated.
        model: the model the app asked about in that call ("" if none), set by the client: the
            server's text may name it differently, or not at all.
    """

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"HTTP {status}: {message}")
        self.status = status
        self.message = message
        self.model = ""


class ModelNotFound(ServerError):
    """The model is not installed on this server (404 `model 'x' not found`)."""


class OutOfMemory(ServerError):
    """The model does not fit in memory (Ollama's 500 "requires more system memory ...")."""


class CloudSignInRequired(ServerError):
    """A cloud model needs the server signed in to ollama.com (401 with a `signin_url`).

    Attributes:
        signin_url: where the server says to sign in, as it sent it (server text: check it before
            making it a link); "" when it sent none.
    """

    def __init__(self, status: int, message: str, signin_url: str = "") -> None:
        super().__init__(status, message)
        self.signin_url = signin_url


class CloudDisabled(ServerError):
    """Cloud models are turned off on this server (`OLLAMA_NO_CLOUD=1`, Ollama 0.16+)."""


_OOM_MARKERS = ("requires more system memory", "out of memory", "cudamalloc failed", "unable to allocate")


# The longest server error text kept (Ollama's are one line); the rest is cut with "…".
MAX_MESSAGE_CHARS = 1000


def error_from_response(status: int, message: str, signin_url: str = "") -> ServerError:
    """Map the server's status and `error` text to the most specific exception.

    >>> type(error_from_response(404, "model 'x' not found")).__name__
    'ModelNotFound'
    >>> oom = "model requires more system memory (9.1 GiB) than is available (4.0 GiB)"
    >>> type(error_from_response(500, oom)).__name__
    'OutOfMemory'
    >>> type(error_from_response(400, "missing request body")).__name__
    'ServerError'
    >>> len(error_from_response(500, "x" * 10**6).message)
    1001
    >>> type(error_from_response(401, "unauthorized", "https://ollama.com/connect")).__name__
    'CloudSignInRequired'
    >>> type(error_from_response(401, "unauthorized")).__name__  # a proxy's, not ollama.com's
    'ServerError'
    >>> type(error_from_response(403, "ollama cloud is disabled")).__name__
    'CloudDisabled'
    """
    if len(message) > MAX_MESSAGE_CHARS:
        # Shown under the message as the server's own words: one enormous word would freeze the
        # text layout, and a real Ollama error is one line.
        message = message[:MAX_MESSAGE_CHARS] + "…"
    lowered = message.lower()
    if status == 404 and lowered.startswith("model ") and lowered.endswith("not found"):
        return ModelNotFound(status, message)
    if any(marker in lowered for marker in _OOM_MARKERS):
        return OutOfMemory(status, message)
    # Only Ollama's own cloud refusal carries a sign-in address; a proxy's 401 in front of a local
    # server is not about ollama.com.
    if status == 401 and signin_url:
        return CloudSignInRequired(status, message, signin_url[:MAX_MESSAGE_CHARS])
    if status == 403 and "cloud" in lowered and "disabled" in lowered:
        return CloudDisabled(status, message)
    return ServerError(status, message)


class ErrorKind(enum.Enum):
    """What kind of problem an error is, for the user: the UI words each kind once (ui/messages).

    The one classification of the exception tree, by the error's type and `reason`, shared by the
    chat, the benchmark and every window. The values are saved with benchmark results: never
    change one (a value this version does not know reads back as OTHER).
    """

    MODEL_NOT_FOUND = "model_not_found"
    OUT_OF_MEMORY = "out_of_memory"
    TIMED_OUT = "timed_out"
    UNREACHABLE = "unreachable"
    CONNECTION_LOST = "connection_lost"
    REDIRECTED = "redirected"
    NOT_OLLAMA = "not_ollama"
    BAD_ANSWER = "bad_answer"
    SERVER_ERROR = "server_error"
    CLOUD_SIGN_IN = "cloud_sign_in"
    CLOUD_DISABLED = "cloud_disabled"
    OTHER = "other"


# Most specific first: a subclass must be found before its base (ModelNotFound is a ServerError,
# StreamIncomplete and NotOllama are ProtocolErrors, Redirected is NotOllama).
_KINDS: tuple[tuple[type[OllamaError], ErrorKind], ...] = (
    (ModelNotFound, ErrorKind.MODEL_NOT_FOUND),
    (OutOfMemory, ErrorKind.OUT_OF_MEMORY),
    (CloudSignInRequired, ErrorKind.CLOUD_SIGN_IN),
    (CloudDisabled, ErrorKind.CLOUD_DISABLED),
    (ServerError, ErrorKind.SERVER_ERROR),
    (RequestTimedOut, ErrorKind.TIMED_OUT),
    (ServerUnreachable, ErrorKind.UNREACHABLE),
    (StreamIncomplete, ErrorKind.CONNECTION_LOST),
    (Redirected, ErrorKind.REDIRECTED),
    (NotOllama, ErrorKind.NOT_OLLAMA),
    (ProtocolError, ErrorKind.BAD_ANSWER),
)


def error_kind(error: OllamaError) -> ErrorKind:
    """Classify an error by its type, and by its `reason` where the type leaves it open.

    >>> error_kind(ModelNotFound(404, "model 'x' not found")).value
    'model_not_found'
    >>> error_kind(StreamIncomplete("gone")).value
    'connection_lost'
    >>> error_kind(Redirected("/api/chat", "http://a", "http://b")).value
    'redirected'
    >>> error_kind(NotOllama("/api/tags: 3xx", reason=Reason.REDIRECTED)).value
    'redirected'
    >>> error_kind(NotOllama("/api/version: a web page", reason=Reason.WEB_PAGE)).value
    'not_ollama'
    >>> error_kind(RequestCancelled("stop")).value
    'other'
    """
    if error.reason is Reason.REDIRECTED:
        return ErrorKind.REDIRECTED
    return next((kind for cls, kind in _KINDS if isinstance(error, cls)), ErrorKind.OTHER)


def server_words(error: OllamaError) -> str:
    """The server's own words about `error` (its `error` text, untranslated), else "".

    Shown as the "Details" of a problem and saved with a benchmark's failed run. The exception's
    own text (Python's and the HTTP library's terms) is for the log only.

    >>> server_words(OutOfMemory(500, "model requires more system memory"))
    'model requires more system memory'
    >>> server_words(StreamIncomplete("/api/generate: connection lost: InvalidChunkLength(...)"))
    ''
    """
    return error.message if isinstance(error, ServerError) else ""
