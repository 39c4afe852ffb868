"""A blocking Ollama client on `requests`, safe to use from worker threads.

Each thread gets its own `requests.Session` (sessions have no thread-safety contract). Every
`requests`/`urllib3` exception is mapped to the tree in `errors` at one boundary, `_mapped_errors`.
`requests` itself lives in `transport`, imported by the first call (on a worker thread), so that
building the window never waits for it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ollama_desktop.core.cancel import CancelToken, Deadline
from ollama_desktop.core.chat.conversation import ChatRequest
from ollama_desktop.core.chat.prompt_cache import PromptCache
from ollama_desktop.core.errors import (
    NotOllama,
    OllamaError,
    ProtocolError,
    Reason,
    RequestCancelled,
    RequestTimedOut,
    ServerError,
    StreamIncomplete,
)
from ollama_desktop.core.limits import BodyLimits
from ollama_desktop.core.models.pull import PullProgress
from ollama_desktop.core.ndjson import iter_objects, loads, split_lines
from ollama_desktop.core.responses import (
    ChatChunk,
    InstalledModel,
    ModelShow,
    ReplyStats,
    RunningModel,
    ServerStatus,
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

    The calls that are not streams must be whole within their timeout (a `Deadline`), and every
    answer is read within a size cap (`BodyLimits`); redirects are never followed.

    Args:
        host: the normalised base URL (see `host.parse_host`).
        timeouts: per call kind; tests pass small ones.
        limits: the largest answer read per call kind; tests pass small ones.
    """

    def __init__(self, host: str, timeouts: Timeouts | None = None, limits: BodyLimits | None = None) -> None:
        self.host = host.rstrip("/")
        self.timeouts = timeouts or Timeouts()
        self.limits = limits or BodyLimits()
        self._local = threading.local()
        # What was sent to each model lately: the prompt speeds of answers allow for the server's cache.
        self.prompt_cache = PromptCache()

    # -- plain calls ---------------------------------------------------------------------------

    def version(self, token: CancelToken | None = None) -> str:
        """The server's version, which is how the app recognises Ollama.

        Ollama answers this at once, whatever it is doing (it is never queued behind a model). So
        silence, an error status or an unreadable answer here means that something else answers
        at the address: `NotOllama`, not a timeout or a server error.
        """
        try:
            return parse_version(
                self._get_json("/api/version", self.timeouts.version, self.limits.version, token)
            )
        except (RequestTimedOut, ServerError) as exc:
            reason = Reason.NO_ANSWER if isinstance(exc, RequestTimedOut) else Reason.ERROR_STATUS
            raise NotOllama(f"/api/version: {exc}", reason=reason) from exc
        except ProtocolError as exc:
            if isinstance(exc, NotOllama | StreamIncomplete):
                raise
            raise NotOllama(str(exc), reason=exc.reason or Reason.NOT_JSON) from exc

    def status(self, token: CancelToken | None = None) -> ServerStatus:
        """GET /api/status (Ollama 0.16+; older servers answer 404): whether cloud models are off."""
        data = self._get_json("/api/status", self.timeouts.version, self.limits.version, token)
        return ServerStatus.from_json(data)

    def tags(self, token: CancelToken | None = None) -> tuple[InstalledModel, ...]:
        return parse_tags(self._get_json("/api/tags", self.timeouts.tags, self.limits.tags, token))

    def ps(self, token: CancelToken | None = None) -> tuple[RunningModel, ...]:
        return parse_ps(self._get_json("/api/ps", self.timeouts.ps, self.limits.ps, token))

    def show(self, model: str, token: CancelToken | None = None) -> ModelShow:
        data = self._post_json("/api/show", {"model": model}, self.timeouts.show, self.limits.show, token)
        return ModelShow.from_json(data)

    def load(
        self, model: str, keep_alive: int | str | None = None, token: CancelToken | None = None
    ) -> ReplyStats:
        """Load a model into memory without generating (`done_reason: "load"`)."""
        body: dict[str, Any] = {"model": model, "messages": []}
        if keep_alive is not None:
            body["keep_alive"] = keep_alive
        data = self._post_json("/api/chat", body, self.timeouts.chat_read, self.limits.reply, token)
        return ReplyStats.from_json(data)

    def unload(self, model: str, token: CancelToken | None = None) -> ReplyStats:
        """Ask Ollama to free the model's memory now (`keep_alive: 0`, as the original script did)."""
        body = {"model": model, "messages": [], "keep_alive": 0}
        data = self._post_json("/api/chat", body, self.timeouts.unload, self.limits.reply, token)
        self.prompt_cache.forget(model)
        return ReplyStats.from_json(data)

    def chat_once(self, request: ChatRequest, token: CancelToken | None = None) -> ChatChunk:
        estimate = self.prompt_cache.chat_sent(request)
        data = self._post_json(
            "/api/chat", request.to_json(stream=False), self.timeouts.chat_read, self.limits.reply, token
        )
        return estimate.apply(ChatChunk.from_chat_json(data))

    def generate_once(
        self, model: str, prompt: str, options: dict[str, Any] | None = None, token: CancelToken | None = None
    ) -> ChatChunk:
        body = {"model": model, "prompt": prompt, "stream": False, "options": options or {}}
        estimate = self.prompt_cache.sent(model, [prompt])
        data = self._post_json("/api/generate", body, self.timeouts.generate, self.limits.reply, token)
        return estimate.apply(ChatChunk.from_generate_json(data))

    # -- streams -------------------------------------------------------------------------------

    def chat(self, request: ChatRequest, token: CancelToken | None = None) -> Iterator[ChatChunk]:
        """Stream a chat answer. The last chunk has `done=True` and the statistics.

        Raises (while iterating): RequestCancelled once `token` is cancelled, StreamIncomplete if the
        stream ends without `done: true`, ServerError for an error line, and the other `OllamaError`s.
        """
        estimate = self.prompt_cache.chat_sent(request)
        lines = self._stream("/api/chat", request.to_json(stream=True), self.timeouts.chat_read, token)
        return (estimate.apply(ChatChunk.from_chat_json(obj)) for obj in lines)

    def generate(
        self, model: str, prompt: str, options: dict[str, Any] | None = None, token: CancelToken | None = None
    ) -> Iterator[ChatChunk]:
        """Stream a /api/generate answer, like `chat`."""
        body = {"model": model, "prompt": prompt, "stream": True, "options": options or {}}
        estimate = self.prompt_cache.sent(model, [prompt])
        lines = self._stream("/api/generate", body, self.timeouts.generate, token)
        return (estimate.apply(ChatChunk.from_generate_json(obj)) for obj in lines)

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
        self._call_json(
            "DELETE",
            "/api/delete",
            {"model": model},
            read_timeout=self.timeouts.show,
            limit=self.limits.error,
            token=token,
            parse=False,
        )

    # -- plumbing ------------------------------------------------------------------------------

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            from ollama_desktop.core import transport  # noqa: PLC0415 - see the module's docstring

            session = transport.new_session(USER_AGENT)
            self._local.session = session
        return session

    def _get_json(self, path: str, read_timeout: float, limit: int, token: CancelToken | None) -> Any:
        return self._call_json("GET", path, None, read_timeout=read_timeout, limit=limit, token=token)

    def _post_json(
        self, path: str, body: dict[str, Any], read_timeout: float, limit: int, token: CancelToken | None
    ) -> Any:
        return self._call_json("POST", path, body, read_timeout=read_timeout, limit=limit, token=token)

    def _call_json(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None,
        *,
        read_timeout: float,
        limit: int,
        token: CancelToken | None,
        parse: bool = True,
    ) -> Any:
        """One call that is not a stream: the whole answer within `read_timeout` (after connecting)
        and `limit` bytes, parsed as JSON (`parse`), else the mapped error."""
        from ollama_desktop.core import transport  # noqa: PLC0415 - imported by `_session` already

        token = token or CancelToken()
        call = _Call(path, _model_of(body))
        with _mapped_errors(token, call), token:
            call.deadline = Deadline(token, self.timeouts.connect + read_timeout)
            with call.deadline, self._open(method, call, body, read_timeout) as response:
                data = transport.read_body(response, limit, path)
            return loads(data, path) if parse else None

    def _stream(
        self,
        path: str,
        body: dict[str, Any],
        read_timeout: float,
        token: CancelToken | None,
        is_last: Callable[[dict[str, Any]], bool] = _is_done,
    ) -> Iterator[dict[str, Any]]:
        from ollama_desktop.core import transport  # noqa: PLC0415 - imported by `_session` already

        token = token or CancelToken()
        call = _Call(path, _model_of(body))
        with _mapped_errors(token, call), token:
            if token.cancelled:
                raise RequestCancelled(path)
            with self._open("POST", call, body, read_timeout) as response:
                done = False
                lines = split_lines(transport.iter_body(response), self.limits.line)
                for obj in iter_objects(lines):
                    yield obj
                    if is_last(obj):
                        done = True
                        break
                if token.cancelled:
                    raise RequestCancelled(path)
                if not done:
                    raise StreamIncomplete(
                        f"{path}: the stream ended without done", reason=Reason.ENDED_EARLY
                    )

    def _open(
        self, method: str, call: _Call, body: dict[str, Any] | None, read_timeout: float
    ) -> requests.Response:
        """Send the request and check the answer's status; its body is left to the caller to read.

        Always `stream=True`: otherwise requests reads the whole body, whatever its size, before
        anything here could count it.
        """
        session = self._session()
        from ollama_desktop.core import transport  # noqa: PLC0415 - imported by `_session` already

        response = session.request(
            method,
            self.host + call.path,
            json=body,
            stream=True,
            timeout=(self.timeouts.connect, read_timeout),
        )
        call.answered = True
        try:
            transport.check_status(response, self.host, call.path, self.limits.error)
        except BaseException:
            response.close()
            raise
        return response


@dataclass
class _Call:
    """What the error boundary needs to know about one request in flight."""

    path: str
    model: str = ""  # the model the request is about, named in ModelNotFound's sentence
    answered: bool = False  # the status line and headers have arrived
    deadline: Deadline | None = None  # calls that are not streams must be whole by then

    def too_slow(self) -> OllamaError:
        """The error for a passed deadline.

        Ollama answers its lists at once, whatever it is doing; an answer that trickles in there
        is not Ollama talking. Loading, unloading or a model's details may take long for real.
        """
        seconds = self.deadline.seconds if self.deadline is not None else 0.0
        message = f"{self.path}: the answer was not whole after {seconds:g} s"
        if self.path in _ANSWERED_AT_ONCE:
            return NotOllama(message, reason=Reason.TOO_SLOW)
        return RequestTimedOut(message, reason=Reason.TOO_SLOW)


# What Ollama answers from memory in milliseconds, never queued behind a model.
_ANSWERED_AT_ONCE = frozenset({"/api/version", "/api/tags", "/api/ps"})


def _model_of(body: dict[str, Any] | None) -> str:
    model = body.get("model") if body else None
    return model if isinstance(model, str) else ""


@contextlib.contextmanager
def _mapped_errors(token: CancelToken, call: _Call) -> Iterator[None]:
    """The one boundary where transport exceptions become `OllamaError`s.

    Cancelling wins over whatever the shut-down socket raised, then a passed deadline; a server
    error learns which model the app asked about (the server's text may not say).
    """
    try:
        yield
    except OllamaError as exc:
        if token.cancelled:
            raise RequestCancelled(call.path) from None
        if call.deadline is not None and call.deadline.expired:
            raise call.too_slow() from exc
        if isinstance(exc, ServerError) and not exc.model:
            exc.model = call.model
        raise
    except Exception as exc:
        from ollama_desktop.core import transport  # noqa: PLC0415 - imported by `_session` already

        if not transport.is_transport_error(exc):
            raise
        if token.cancelled:
            raise RequestCancelled(call.path) from None
        if call.deadline is not None and call.deadline.expired:
            raise call.too_slow() from exc
        raise transport.classify(exc, call.path, answered=call.answered) from exc
