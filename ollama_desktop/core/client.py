"""A blocking Ollama client on `requests`, safe to use from worker threads.

Each thread gets its own `requests.Session` (sessions have no thread-safety contract). Every
`requests`/`urllib3` exception is mapped to the tree in `errors` here and nowhere else.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Iterator
from typing import Any

import requests
import urllib3.exceptions

from ollama_desktop.core.cancel import CancellableAdapter, CancelToken
from ollama_desktop.core.conversation import ChatRequest
from ollama_desktop.core.errors import (
    OllamaError,
    ProtocolError,
    RequestCancelled,
    RequestTimedOut,
    ServerError,
    ServerUnreachable,
    StreamIncomplete,
    error_from_response,
)
from ollama_desktop.core.ndjson import iter_objects, split_lines
from ollama_desktop.core.pull import PullProgress
from ollama_desktop.core.responses import (
    ChatChunk,
    InstalledModel,
    ModelShow,
    ReplyStats,
    RunningModel,
    parse_ps,
    parse_tags,
    parse_version,
)
from ollama_desktop.core.timeouts import Timeouts

USER_AGENT = "ollama-desktop"


def _is_done(obj: dict[str, Any]) -> bool:
    return obj.get("done") is True


def _is_success(obj: dict[str, Any]) -> bool:
    return obj.get("status") == "success"


class OllamaClient:
    """Talks to one Ollama server. Every method blocks: call it from a worker thread.

    Args:
        host: the normalised base URL (see `host.parse_host`).
        timeouts: per call kind; tests pass small ones.
    """

    def __init__(self, host: str, timeouts: Timeouts | None = None) -> None:
        self.host = host.rstrip("/")
        self.timeouts = timeouts or Timeouts()
        self._local = threading.local()

    # -- plain calls ---------------------------------------------------------------------------

    def version(self, token: CancelToken | None = None) -> str:
        return parse_version(self._get_json("/api/version", self.timeouts.version, token))

    def tags(self, token: CancelToken | None = None) -> tuple[InstalledModel, ...]:
        return parse_tags(self._get_json("/api/tags", self.timeouts.tags, token))

    def ps(self, token: CancelToken | None = None) -> tuple[RunningModel, ...]:
        return parse_ps(self._get_json("/api/ps", self.timeouts.ps, token))

    def show(self, model: str, token: CancelToken | None = None) -> ModelShow:
        data = self._post_json("/api/show", {"model": model}, self.timeouts.show, token)
        return ModelShow.from_json(data)

    def load(self, model: str, keep_alive: int | str | None = None) -> ReplyStats:
        """Load a model into memory without generating (`done_reason: "load"`)."""
        body: dict[str, Any] = {"model": model, "messages": []}
        if keep_alive is not None:
            body["keep_alive"] = keep_alive
        data = self._post_json("/api/chat", body, self.timeouts.chat_read, None)
        return ReplyStats.from_json(data)

    def unload(self, model: str, token: CancelToken | None = None) -> ReplyStats:
        """Ask Ollama to free the model's memory now (`keep_alive: 0`, as the original script did)."""
        body = {"model": model, "messages": [], "keep_alive": 0}
        data = self._post_json("/api/chat", body, self.timeouts.unload, token)
        return ReplyStats.from_json(data)

    def chat_once(self, request: ChatRequest, token: CancelToken | None = None) -> ChatChunk:
        data = self._post_json("/api/chat", request.to_json(stream=False), self.timeouts.chat_read, token)
        return ChatChunk.from_chat_json(data)

    def generate_once(
        self, model: str, prompt: str, options: dict[str, Any] | None = None, token: CancelToken | None = None
    ) -> ChatChunk:
        body = {"model": model, "prompt": prompt, "stream": False, "options": options or {}}
        data = self._post_json("/api/generate", body, self.timeouts.generate, token)
        return ChatChunk.from_generate_json(data)

    # -- streams -------------------------------------------------------------------------------

    def chat(self, request: ChatRequest, token: CancelToken | None = None) -> Iterator[ChatChunk]:
        """Stream a chat answer. The last chunk has `done=True` and the statistics.

        Raises (while iterating): RequestCancelled once `token` is cancelled, StreamIncomplete if the
        stream ends without `done: true`, ServerError for an error line, and the other `OllamaError`s.
        """
        lines = self._stream("/api/chat", request.to_json(stream=True), self.timeouts.chat_read, token)
        return (ChatChunk.from_chat_json(obj) for obj in lines)

    def generate(
        self, model: str, prompt: str, options: dict[str, Any] | None = None, token: CancelToken | None = None
    ) -> Iterator[ChatChunk]:
        """Stream a /api/generate answer, like `chat`."""
        body = {"model": model, "prompt": prompt, "stream": True, "options": options or {}}
        lines = self._stream("/api/generate", body, self.timeouts.generate, token)
        return (ChatChunk.from_generate_json(obj) for obj in lines)

    # -- models on disk ------------------------------------------------------------------------

    def pull(self, model: str, token: CancelToken | None = None) -> Iterator[PullProgress]:
        """Download a model; yields Ollama's progress lines, the last one being `success`.

        Cancelling the token closes the connection, which stops the download on the server.
        """
        lines = self._stream(
            "/api/pull", {"model": model, "stream": True}, self.timeouts.pull_read, token, _is_success
        )
        return (PullProgress.from_json(obj) for obj in lines)

    def delete(self, model: str, token: CancelToken | None = None) -> None:
        """Remove a model from the server's disk (HTTP DELETE, empty 200 answer)."""
        token = token or CancelToken()
        with _mapped_errors(token, "/api/delete"), token:
            response = self._session().delete(
                self.host + "/api/delete",
                json={"model": model},
                timeout=(self.timeouts.connect, self.timeouts.show),
            )
            with response:
                _raise_for_status(response)

    # -- plumbing ------------------------------------------------------------------------------

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            # Talk to the configured host directly: a system proxy would send local traffic away.
            session.trust_env = False
            session.headers["User-Agent"] = USER_AGENT
            adapter = CancellableAdapter()
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            self._local.session = session
        return session

    def _get_json(self, path: str, read_timeout: float, token: CancelToken | None) -> Any:
        return self._call_json("GET", path, None, read_timeout, token)

    def _post_json(
        self, path: str, body: dict[str, Any], read_timeout: float, token: CancelToken | None
    ) -> Any:
        return self._call_json("POST", path, body, read_timeout, token)

    def _call_json(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None,
        read_timeout: float,
        token: CancelToken | None,
    ) -> Any:
        token = token or CancelToken()
        with _mapped_errors(token, path), token:
            response = self._session().request(
                method, self.host + path, json=body, timeout=(self.timeouts.connect, read_timeout)
            )
            with response:
                _raise_for_status(response)
                try:
                    return json.loads(response.content)
                except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
                    raise ProtocolError(f"{path}: answer is not JSON: {response.content[:80]!r}") from exc

    def _stream(
        self,
        path: str,
        body: dict[str, Any],
        read_timeout: float,
        token: CancelToken | None,
        is_last: Callable[[dict[str, Any]], bool] = _is_done,
    ) -> Iterator[dict[str, Any]]:
        token = token or CancelToken()
        with _mapped_errors(token, path), token:
            if token.cancelled:
                raise RequestCancelled(path)
            response = self._session().post(
                self.host + path, json=body, stream=True, timeout=(self.timeouts.connect, read_timeout)
            )
            with response:
                _raise_for_status(response)
                done = False
                # chunk_size=None: each HTTP chunk as it arrives (Ollama sends one line a chunk).
                for obj in iter_objects(split_lines(response.iter_content(chunk_size=None))):
                    yield obj
                    if is_last(obj):
                        done = True
                        break
                if token.cancelled:
                    raise RequestCancelled(path)
                if not done:
                    raise StreamIncomplete(f"{path}: the stream ended without done")


def _raise_for_status(response: requests.Response) -> None:
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


@contextlib.contextmanager
def _mapped_errors(token: CancelToken, path: str) -> Iterator[None]:
    """The one boundary where transport exceptions become `OllamaError`s."""
    try:
        yield
    except OllamaError:
        if token.cancelled:
            raise RequestCancelled(path) from None
        raise
    except requests.exceptions.ConnectTimeout as exc:
        raise ServerUnreachable(f"{path}: connect timed out") from exc
    except requests.exceptions.ReadTimeout as exc:
        raise RequestTimedOut(f"{path}: no answer in time") from exc
    except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
        if token.cancelled:
            raise RequestCancelled(path) from None
        raise _classify(exc, path) from exc


def _classify(exc: BaseException, path: str) -> OllamaError:
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
