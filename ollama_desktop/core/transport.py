"""Everything that touches `requests` and `urllib3`: sessions, cancellable connections, error mapping.

Imported on first use by a worker thread (`client.OllamaClient._session`), never by the modules the
window needs to show: `requests` and `urllib3` take ~130 ms to import, time the first frame
should not wait for.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
from collections.abc import Iterator
from typing import Any

import requests
import urllib3.exceptions
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from ollama_desktop.core.cancel import bind_current
from ollama_desktop.core.errors import (
    NotOllama,
    OllamaError,
    Reason,
    Redirected,
    RequestTimedOut,
    ResponseTooLarge,
    ServerUnreachable,
    StreamIncomplete,
    error_from_response,
)

# The most read from the socket, and so handed to the decompressor, at once. urllib3 (>= 2.6) then
# bounds each decompressed piece by the same amount; only the last flush of a compressed body is
# unbounded, and it holds at most one such read: ~32 MB even for a gzip bomb's 1:1000 ratio.
READ_SIZE = 32 * 1024
# A Location header is server text shown to the user: enough to recognise an address, no more.
_MAX_LOCATION = 300


class _CancellableMixin:
    """Registers the connection with the thread's token on connect and on each (reused) request."""

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        bind_current(self)

    def request(self, *args: Any, **kwargs: Any) -> None:
        bind_current(self)
        super().request(*args, **kwargs)  # type: ignore[misc]


class _HTTPConnection(_CancellableMixin, HTTPConnection):
    pass


class _HTTPSConnection(_CancellableMixin, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class CancellableAdapter(HTTPAdapter):
    """A requests adapter whose connections can be shut down through a `CancelToken`."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


class _NoRedirectSession(requests.Session):
    """A session that never follows a redirect, whatever a call asks for.

    Following one would send the request (a whole conversation) to an address the user never chose;
    `check_status` turns the 3xx into a `Redirected` error instead. requests consults this method
    for every redirect it would follow, on every verb.
    """

    def get_redirect_target(self, resp: requests.Response) -> None:
        return None


def new_session(user_agent: str) -> requests.Session:
    """A session for one thread, whose connections a `CancelToken` can shut down."""
    session = _NoRedirectSession()
    # Talk to the configured host directly: a system proxy would send local traffic away.
    session.trust_env = False
    session.headers["User-Agent"] = user_agent
    adapter = CancellableAdapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def iter_body(response: requests.Response) -> Iterator[bytes]:
    """The body, decompressed, in pieces of at most `READ_SIZE` bytes, each as soon as it arrives.

    `read1` hands over what the socket has (one chunk of a chunked stream, or part of a body with a
    Content-Length) without waiting for more, and never more than asked: neither a chunk declared
    gigabytes long nor a compressed body that unpacks to gigabytes is ever held whole.
    """
    raw = response.raw
    while piece := raw.read1(READ_SIZE, decode_content=True):
        yield piece


def read_body(response: requests.Response, limit: int, what: str) -> bytes:
    """The whole body, or `ResponseTooLarge` as soon as more than `limit` bytes have come.

    The caller closes the response, and so the connection, rather than reading the rest.
    """
    body = bytearray()
    for piece in iter_body(response):
        body += piece
        if len(body) > limit:
            raise ResponseTooLarge(what, limit)
    return bytes(body)


def check_status(response: requests.Response, host: str, path: str, error_limit: int) -> None:
    """Raise the mapped error for a redirect or a 4xx/5xx answer (with the server's own `error` text)."""
    status = response.status_code
    if 300 <= status < 400:
        raise Redirected(path, host, response.headers.get("Location", "")[:_MAX_LOCATION])
    if status < 400:
        return
    body = read_body(response, error_limit, f"{path}: HTTP {status}")
    text = body.decode("utf-8", errors="replace")
    message = text.strip()[:500]
    signin_url = ""
    with contextlib.suppress(ValueError, RecursionError):
        data = json.loads(text)
        if isinstance(data, dict) and isinstance(data.get("error"), str):
            message = data["error"]
        if isinstance(data, dict) and isinstance(data.get("signin_url"), str):
            signin_url = data["signin_url"]  # a cloud model's 401: where to sign in
    raise error_from_response(status, message, signin_url)


def is_transport_error(exc: BaseException) -> bool:
    return isinstance(exc, requests.exceptions.RequestException | urllib3.exceptions.HTTPError | OSError)


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and what it wraps: requests and urllib3 nest the socket's own error several levels deep."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        yield cause
        reason = getattr(cause, "reason", None)  # urllib3's MaxRetryError
        nested = next((arg for arg in cause.args if isinstance(arg, BaseException)), None)
        if isinstance(reason, BaseException):
            nested = reason
        cause = nested or cause.__cause__ or cause.__context__


def _before_answer(cause: BaseException, path: str) -> OllamaError | None:
    """What `cause` means when it broke the call before the status line and headers were read."""
    if isinstance(cause, http.client.RemoteDisconnected):
        return StreamIncomplete(f"{path}: closed without answering", reason=Reason.CLOSED_EARLY)
    if isinstance(cause, http.client.BadStatusLine):
        return NotOllama(f"{path}: not HTTP: {cause}", reason=Reason.NOT_HTTP)
    if isinstance(cause, http.client.HTTPException):  # LineTooLong, more than 100 headers
        return NotOllama(f"{path}: {cause}", reason=Reason.HEADERS_TOO_LARGE)
    return None


def classify(exc: BaseException, path: str, *, answered: bool = True) -> OllamaError:
    """The `OllamaError` for a transport exception (see `is_transport_error`), with its `Reason`.

    `answered` says whether the status line and headers had arrived: what breaks before them is a
    server that does not speak HTTP as Ollama does, what breaks after is an answer cut short.
    """
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return ServerUnreachable(f"{path}: connect timed out", reason=Reason.CONNECT_TIMEOUT)
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return RequestTimedOut(f"{path}: no answer in time", reason=Reason.TIMED_OUT)
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return ServerUnreachable(f"{path}: bad host: {exc}", reason=Reason.BAD_ADDRESS)
    broken = no_connection = False
    for cause in _causes(exc):
        if isinstance(cause, urllib3.exceptions.ReadTimeoutError | TimeoutError):
            return RequestTimedOut(f"{path}: the answer stalled", reason=Reason.TIMED_OUT)
        if isinstance(cause, urllib3.exceptions.NameResolutionError | socket.gaierror):
            return ServerUnreachable(f"{path}: {cause}", reason=Reason.NAME_NOT_FOUND)
        if isinstance(cause, ConnectionRefusedError):
            return ServerUnreachable(f"{path}: {cause}", reason=Reason.REFUSED)
        # Also a network that is down or has no route there: the type says it, no reason needed.
        no_connection = no_connection or isinstance(cause, urllib3.exceptions.NewConnectionError)
        if isinstance(cause, urllib3.exceptions.DecodeError):
            return NotOllama(f"{path}: {cause}", reason=Reason.BAD_COMPRESSION)
        if not answered and (early := _before_answer(cause, path)) is not None:
            return early
        broken = broken or isinstance(
            cause,
            urllib3.exceptions.ProtocolError
            | requests.exceptions.ChunkedEncodingError
            | http.client.HTTPException
            | ConnectionError,
        )
    if no_connection:
        return ServerUnreachable(f"{path}: {exc}")
    if broken:
        reason = Reason.CONNECTION_BROKEN if answered else Reason.CLOSED_EARLY
        return StreamIncomplete(f"{path}: connection lost: {exc}", reason=reason)
    if isinstance(exc, requests.exceptions.ConnectionError):
        return ServerUnreachable(f"{path}: {exc}")
    return OllamaError(str(exc))
