"""Stopping a request for real: shutting down the socket of the connection in flight.

`response.close()` from another thread does not interrupt a blocked read (psf/requests#5372), and
Ollama keeps generating until the connection closes. Shutting the socket down does both: a read
blocked mid-stream returns at once, and so does a request still waiting for headers (Ollama queues a
second request without sending a byte).
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

from ollama_desktop.core.errors import RequestCancelled

_active = threading.local()


class CancelToken:
    """Handed to one request; `cancel()` may be called from any thread, any number of times."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._event = threading.Event()
        self._connections: list[Any] = []  # urllib3 HTTPConnections

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
        self._event.set()
        self.interrupt()

    def interrupt(self) -> None:
        """Shut down the connections in flight without cancelling the token (a deadline passed).

        The blocked read returns at once, as for `cancel()`; the caller, not the token, knows why.
        """
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            _shutdown(connection)

    def wait(self, seconds: float) -> bool:
        """Pause between the steps of a job; returns True at once if cancelled meanwhile."""
        return self._event.wait(seconds)

    def _bind(self, connection: Any) -> None:
        with self._lock:
            if connection not in self._connections:
                self._connections.append(connection)
            cancelled = self._cancelled
        if cancelled:  # cancelled before the socket existed
            _shutdown(connection)

    def __enter__(self) -> CancelToken:
        """Make this the token of requests made by the current thread until exit."""
        _active.token = self
        return self

    def __exit__(self, *exc: object) -> None:
        _active.token = None
        with self._lock:
            self._connections.clear()


def raise_if_cancelled(token: CancelToken | None, what: str) -> None:
    """Raise `RequestCancelled` if `token` was cancelled: between the steps of a long job (`what`)."""
    if token is not None and token.cancelled:
        raise RequestCancelled(f"{what} was cancelled")


class Deadline:
    """The whole time one call may take; when it passes, the call's connections are shut down.

    A read timeout bounds each wait for bytes, not the call: a server that sends a byte every few
    seconds would hold a call (and the window at "Connected" with no models) for ever. This bounds
    the call, headers included, with the mechanism Stop uses; `expired` tells the caller why its
    read ended. Use it around one call, inside the token's `with`.
    """

    def __init__(self, token: CancelToken, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._token = token
        self._timer: threading.Timer | None = None
        # Held while expiring and while ending: a late timer never shuts down the next call's socket.
        self._lock = threading.Lock()
        self._ended = False

    def _expire(self) -> None:
        with self._lock:
            if self._ended:
                return
            self.expired = True
            self._token.interrupt()

    def __enter__(self) -> Deadline:
        self._timer = threading.Timer(self.seconds, self._expire)
        self._timer.daemon = True
        self._timer.name = "call-deadline"
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._ended = True
        if self._timer is not None:
            self._timer.cancel()


def _shutdown(connection: Any) -> None:
    sock = getattr(connection, "sock", None)
    if sock is None:
        return
    import socket  # noqa: PLC0415 - only ever needed once a connection exists (not at start-up)

    # OSError: already closed by the other side, nothing left to stop.
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def bind_current(connection: Any) -> None:
    """Register a urllib3 connection with the current thread's token, if it has one."""
    token: CancelToken | None = getattr(_active, "token", None)
    if token is not None:
        token._bind(connection)
