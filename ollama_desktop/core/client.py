"""A blocking Ollama client on `requests`, safe to use from worker threads.

Each thread gets its own `requests.Session` (sessions have no thread-safety contract). Every
`requests`/`urllib3` exception is mapped to the tree in `errors` at one boundary, `_mapped_errors`.
`requests` itself lives in `transport`, imported by the first call (on a worker thread), so that
building the window never waits for it.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ollama_desktop.core.cancel import CancelToken
from ollama_desktop.core.conversation import ChatRequest
from ollama_desktop.core.errors import (
    OllamaError,
    ProtocolError,
    RequestCancelled,
    StreamIncomplete,
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

if TYPE_CHECKING:
    import requests

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

    def load(
        self, model: str, keep_alive: int | str | None = None, token: CancelToken | None = None
    ) -> ReplyStats:
        """Load a model into memory without generating (`done_reason: "load"`)."""
        body: dict[str, Any] = {"model": model, "messages": []}
        if keep_alive is not None:
            body["keep_alive"] = keep_alive
        data = self._post_json("/api/chat", body, self.timeouts.chat_read, token)
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
            from ollama_desktop.core import transport  # noqa: PLC0415 - see the module's docstring

            session = transport.new_session(USER_AGENT)
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
    from ollama_desktop.core import transport  # noqa: PLC0415 - imported by `_session` already

    transport.raise_for_status(response)


@contextlib.contextmanager
def _mapped_errors(token: CancelToken, path: str) -> Iterator[None]:
    """The one boundary where transport exceptions become `OllamaError`s."""
    try:
        yield
    except OllamaError:
        if token.cancelled:
            raise RequestCancelled(path) from None
        raise
    except Exception as exc:
        from ollama_desktop.core import transport  # noqa: PLC0415 - imported by `_session` already

        if not transport.is_transport_error(exc):
            raise
        if token.cancelled:
            raise RequestCancelled(path) from None
        raise transport.classify(exc, path) from exc
