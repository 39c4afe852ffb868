"""Everything that touches `requests` and `urllib3`: sessions, cancellable connections, error mapping.

Imported on first use by a worker thread (`client.OllamaClient._session`), never by the modules the
window needs to show: `requests` and `urllib3` take ~130 ms to import, time the first frame
should not wait for.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

import requests
import urllib3.exceptions
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from ollama_desktop.core.cancel import bind_current
from ollama_desktop.core.errors import (
    OllamaError,
    RequestTimedOut,
    ServerError,
    ServerUnreachable,
    StreamIncomplete,
    error_from_response,
)


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


def new_session(user_agent: str) -> requests.Session:
    """A session for one thread, whose connections a `CancelToken` can shut down."""
    session = requests.Session()
    # Talk to the configured host directly: a system proxy would send local traffic away.
    session.trust_env = False
    session.headers["User-Agent"] = user_agent
    adapter = CancellableAdapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def raise_for_status(response: requests.Response) -> None:
    """Raise the mapped error for a 4xx/5xx answer, with the server's own `error` text."""
    if response.status_code < 400:
        return
    text = response.text
    message = text.strip()[:500]
    with contextlib.suppress(ValueError):
        data = json.loads(text)
        if isinstance(data, dict) and isinstance(data.get("error"), str):
            message = data["error"]
    raise error_from_response(response.status_code, message)


def is_transport_error(exc: BaseException) -> bool:
    return isinstance(exc, requests.exceptions.RequestException | urllib3.exceptions.HTTPError | OSError)


def classify(exc: BaseException, path: str) -> OllamaError:
    """The `OllamaError` for a transport exception (see `is_transport_error`)."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return ServerUnreachable(f"{path}: connect timed out")
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return RequestTimedOut(f"{path}: no answer in time")
    # requests wraps a read timeout *during* iter_content in a ConnectionError; dig it out.
    cause: BaseException | None = exc
    seen: set[int] = set()
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, urllib3.exceptions.ReadTimeoutError | TimeoutError):
            return RequestTimedOut(f"{path}: the stream stalled")
        if isinstance(cause, urllib3.exceptions.NewConnectionError | ConnectionRefusedError):
            return ServerUnreachable(f"{path}: {cause}")
        if isinstance(cause, urllib3.exceptions.ProtocolError):
            return StreamIncomplete(f"{path}: connection lost: {cause}")
        nested = cause.args[0] if cause.args and isinstance(cause.args[0], BaseException) else None
        cause = nested or cause.__cause__ or cause.__context__
    if isinstance(exc, requests.exceptions.ConnectionError):
        return ServerUnreachable(f"{path}: {exc}")
    if isinstance(exc, requests.exceptions.ChunkedEncodingError | requests.exceptions.ContentDecodingError):
        return StreamIncomplete(f"{path}: {exc}")
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return ServerUnreachable(f"{path}: bad host: {exc}")
    return (
        ServerError(0, str(exc)) if isinstance(exc, requests.exceptions.HTTPError) else OllamaError(str(exc))
    )
