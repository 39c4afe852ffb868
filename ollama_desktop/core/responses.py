"""Typed, frozen views of what Ollama answers, parsed leniently.

Real servers (and proxies, and older versions) leave fields out or send nulls; a missing field gets
a neutral default rather than failing the whole answer. Only an answer whose *shape* is wrong (not an
object, `models` not a list) is a `ProtocolError`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ollama_desktop.core.errors import ProtocolError

NANOSECONDS = 1_000_000_000


def _obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ProtocolError(f"{what}: expected a JSON object, got {type(value).__name__}")
    return value


# Text from the server is shown in labels, lists and the chat, whose layout costs grow with the
# length of an unbroken line: past these bounds a text is cut ("…"), and a name is no name at all
# (Ollama's names are a few dozen characters; a longer one could not be asked for anyway).
MAX_NAME_CHARS = 500
MAX_LABEL_CHARS = 200
MAX_TEXT_CHARS = 16_000


def _str(data: dict[str, Any], key: str, limit: int = MAX_LABEL_CHARS) -> str:
    """The string at `key` ("" when it is none), cut to `limit` characters.

    >>> _str({"a": "x" * 300}, "a")[-3:], len(_str({"a": "x" * 300}, "a")), _str({"a": 5}, "a")
    ('xx…', 201, '')
    """
    value = data.get(key)
    if not isinstance(value, str):
        return ""
    return value if len(value) <= limit else value[:limit] + "…"


def _whole(data: dict[str, Any], key: str) -> str:
    """The string at `key`, however long: the answer itself (the chat view folds long words)."""
    value = data.get(key)
    return value if isinstance(value, str) else ""


def _name(data: dict[str, Any]) -> str:
    """A model's name ("name", else "model"); "" for none, or for one too long to be a model's."""
    name = _str(data, "name", MAX_NAME_CHARS + 1) or _str(data, "model", MAX_NAME_CHARS + 1)
    return name if len(name) <= MAX_NAME_CHARS else ""


# Plausibility bounds for what a server says; a number past its bound is garbage and reads as unknown
# (0, like a missing field), so nothing further in meets it: Qt's plural translations ("%Ln tokens")
# take a 32-bit count and raise beyond it, and a clamped value would still give absurd speeds.
MAX_COUNT = 2**31 - 1  # tokens: no context, prompt or answer comes near two billion
MAX_DURATION_NS = 30 * 24 * 3600 * NANOSECONDS  # a month: even a CPU writing a million tokens is done sooner
MAX_BYTES = 2**50  # a pebibyte: far above any model, and thousands of them still add up within 64 bits
# Faster than a token a microsecond is no measurement (a count over a duration of a few ns).
MAX_RATE = 1_000_000.0
# A prompt speed is shown only when at most 1/PROMPT_CACHE_TOLERANCE of its tokens may be cached ones.
PROMPT_CACHE_TOLERANCE = 10


def _number(data: dict[str, Any], key: str, bound: int) -> int:
    """A non-negative whole number up to `bound`; 0 (unknown) for anything else.

    >>> _number({"n": 12.7}, "n", 100), _number({"n": -3}, "n", 100), _number({"n": 101}, "n", 100)
    (12, 0, 0)
    >>> _number({"n": True}, "n", 100), _number({"n": float("inf")}, "n", 100), _number({"n": "7"}, "n", 100)
    (0, 0, 0)
    """
    value = data.get(key)
    # bool is an int in Python but never a number in Ollama's protocol.
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0
    if isinstance(value, float) and not math.isfinite(value):
        return 0
    return int(value) if 0 <= value <= bound else 0


def _int(data: dict[str, Any], key: str) -> int:
    """A count of tokens."""
    return _number(data, key, MAX_COUNT)


def _duration(data: dict[str, Any], key: str) -> int:
    """A duration in nanoseconds."""
    return _number(data, key, MAX_DURATION_NS)


def _bytes(data: dict[str, Any], key: str) -> int:
    """A size in bytes."""
    return _number(data, key, MAX_BYTES)


def _list_of_objects(data: dict[str, Any], key: str, what: str) -> list[dict[str, Any]]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ProtocolError(f"{what}: `{key}` is not a list")
    return [item for item in value if isinstance(item, dict)]


# No time Ollama writes is earlier (Go's zero time, 0001-01-01, means "not set"); a later one than
# _LATEST is held there, still centuries ahead ("kept loaded"), where local-time arithmetic is safe.
_EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
_LATEST = datetime(9999, 1, 1, tzinfo=UTC)
_TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$")


def parse_timestamp(text: str) -> datetime | None:
    """Parse Ollama's RFC 3339 times, which carry a variable number of fractional digits.

    >>> parse_timestamp("2026-11-22T02:32:45.505384705Z")
    datetime.datetime(2026, 11, 22, 2, 32, 45, 505384, tzinfo=datetime.timezone.utc)
    >>> parse_timestamp("2319-03-04T02:17:07.5Z").year
    2319
    >>> parse_timestamp("2026-01-01T10:00:00+09:00").isoformat()
    '2026-01-01T01:00:00+00:00'
    >>> parse_timestamp("yesterday") is None
    True

    A time that cannot be Ollama's is unknown; past the end of the calendar it is the far future:

    >>> parse_timestamp("0001-01-01T00:00:00+14:00") is None, parse_timestamp("0001-01-01T00:00:00Z") is None
    (True, True)
    >>> parse_timestamp("9999-12-31T23:00:00-05:00").year
    9999
    """
    match = _TIMESTAMP.match(text.strip())
    if not match:
        return None
    base, fraction, zone = match.groups()
    micro = (fraction or "0")[:6].ljust(6, "0")
    suffix = "+00:00" if zone in (None, "Z") else zone
    try:
        parsed = datetime.fromisoformat(f"{base}.{micro}{suffix}")
        utc = parsed.astimezone(UTC)
    except ValueError:
        return None
    except OverflowError:
        # Within a day of year 1 or 9999 the offset takes the time out of Python's calendar.
        return _LATEST if parsed.year >= _LATEST.year else None
    if utc < _EARLIEST:
        return None
    return min(utc, _LATEST)


@dataclass(frozen=True)
class ModelDetails:
    """The `details` object of /api/tags, /api/ps and /api/show."""

    family: str = ""
    parameter_size: str = ""
    quantization_level: str = ""
    format: str = ""
    # /api/tags tells it since Ollama 0.30 (0: not told).
    context_length: int = 0

    @classmethod
    def from_json(cls, data: Any) -> ModelDetails:
        if not isinstance(data, dict):
            return cls()
        return cls(
            family=_str(data, "family"),
            parameter_size=_str(data, "parameter_size"),
            quantization_level=_str(data, "quantization_level"),
            format=_str(data, "format"),
            context_length=_int(data, "context_length"),
        )


@dataclass(frozen=True)
class InstalledModel:
    """One entry of /api/tags: a model on the server's disk."""

    name: str
    size: int = 0
    digest: str = ""
    modified_at: datetime | None = None
    details: ModelDetails = field(default_factory=ModelDetails)
    # What /api/show would list ("completion", "thinking", ...), told by /api/tags since Ollama
    # 0.30; None when the server does not say (then ask /api/show).
    capabilities: tuple[str, ...] | None = None
    # A cloud model's name and host on ollama.com (since 0.12; "" for a local model).
    remote_model: str = ""
    remote_host: str = ""

    @property
    def is_cloud(self) -> bool:
        """Runs on ollama.com, not here: it uses no memory of this computer."""
        return is_cloud_model(self.name, self.remote_model)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> InstalledModel:
        caps = data.get("capabilities")
        return cls(
            name=_name(data),
            size=_bytes(data, "size"),
            digest=_str(data, "digest"),
            modified_at=parse_timestamp(_str(data, "modified_at")),
            details=ModelDetails.from_json(data.get("details")),
            capabilities=tuple(c for c in caps if isinstance(c, str)) if isinstance(caps, list) else None,
            remote_model=_str(data, "remote_model"),
            remote_host=_str(data, "remote_host"),
        )


def is_cloud_model(name: str, remote_model: str = "") -> bool:
    """Whether a model runs on ollama.com: /api/tags names its `remote_model` (0.12+), or its name
    ends in ":cloud" or "-cloud" (older servers, and models known only by name).

    >>> is_cloud_model("gpt-oss:120b-cloud"), is_cloud_model("kimi-k2:cloud"), is_cloud_model("x:8b")
    (True, True, False)
    """
    if remote_model:
        return True
    return name.endswith((":cloud", "-cloud"))


@dataclass(frozen=True)
class ServerStatus:
    """GET /api/status (Ollama 0.16+): whether cloud models are turned off on the server."""

    cloud_disabled: bool = False
    cloud_source: str = ""

    @classmethod
    def from_json(cls, data: Any) -> ServerStatus:
        cloud = data.get("cloud") if isinstance(data, dict) else None
        if not isinstance(cloud, dict):
            return cls()
        return cls(cloud_disabled=cloud.get("disabled") is True, cloud_source=_str(cloud, "source"))


def parse_tags(data: Any) -> tuple[InstalledModel, ...]:
    """The installed models of an /api/tags answer, without nameless entries."""
    models = _list_of_objects(_obj(data, "/api/tags"), "models", "/api/tags")
    parsed = (InstalledModel.from_json(item) for item in models)
    return tuple(model for model in parsed if model.name)


@dataclass(frozen=True)
class RunningModel:
    """One entry of /api/ps: a model loaded in memory, and how much of it sits in GPU memory."""

    name: str
    size: int = 0
    size_vram: int = 0
    digest: str = ""
    expires_at: datetime | None = None
    context_length: int = 0
    details: ModelDetails = field(default_factory=ModelDetails)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RunningModel:
        return cls(
            name=_name(data),
            size=_bytes(data, "size"),
            size_vram=_bytes(data, "size_vram"),
            digest=_str(data, "digest"),
            expires_at=parse_timestamp(_str(data, "expires_at")),
            context_length=_int(data, "context_length"),
            details=ModelDetails.from_json(data.get("details")),
        )


def parse_ps(data: Any) -> tuple[RunningModel, ...]:
    """The loaded models of an /api/ps answer, without nameless entries."""
    models = _list_of_objects(_obj(data, "/api/ps"), "models", "/api/ps")
    parsed = (RunningModel.from_json(item) for item in models)
    return tuple(model for model in parsed if model.name)


def parse_version(data: Any) -> str:
    """The version string of /api/version."""
    version = _str(_obj(data, "/api/version"), "version")
    if not version:
        raise ProtocolError("/api/version: no version in the answer")
    return version


@dataclass(frozen=True)
class ReplyStats:
    """The counters of a final (`done: true`) line; durations in nanoseconds, as Ollama sends them."""

    done_reason: str = ""
    total_duration: int = 0
    load_duration: int = 0
    prompt_eval_count: int = 0
    prompt_eval_duration: int = 0
    eval_count: int = 0
    eval_duration: int = 0
    # Not the server's: the client's estimate of how many of the prompt's tokens the server may have
    # taken from its prompt cache instead of evaluating them (see core/prompt_cache.py).
    prompt_cached: int = 0

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReplyStats:
        return cls(
            done_reason=_str(data, "done_reason"),
            total_duration=_duration(data, "total_duration"),
            load_duration=_duration(data, "load_duration"),
            prompt_eval_count=_int(data, "prompt_eval_count"),
            prompt_eval_duration=_duration(data, "prompt_eval_duration"),
            eval_count=_int(data, "eval_count"),
            eval_duration=_duration(data, "eval_duration"),
        )

    @property
    def eval_rate(self) -> float | None:
        """Generation speed in tokens per second, from the server's own counters."""
        return rate(self.eval_count, self.eval_duration)

    @property
    def prompt_rate(self) -> float | None:
        """Prompt processing speed in tokens per second; None when the prompt cache may have skewed it.

        Ollama counts the tokens it took from its cache in `prompt_eval_count` but times only the
        ones it evaluated, so the quotient overstates the speed by up to count / evaluated (9,743
        tokens/s was seen on a CPU). Which tokens came from the cache the answer does not say; when
        more than a tenth may have, the figure could be off by more than runs differ anyway, and
        none is better than a wrong one.

        >>> def stats(cached: int) -> ReplyStats:
        ...     return ReplyStats(prompt_eval_count=100, prompt_eval_duration=10**9, prompt_cached=cached)
        >>> stats(10).prompt_rate, stats(11).prompt_rate
        (100.0, None)
        """
        if self.prompt_cached * PROMPT_CACHE_TOLERANCE > self.prompt_eval_count:
            return None
        return rate(self.prompt_eval_count, self.prompt_eval_duration)


def rate(count: int, duration_ns: int) -> float | None:
    """Tokens per second from a count and a duration in nanoseconds; None when unmeasurable.

    >>> rate(40, 7792073993)
    5.1334...
    >>> rate(0, 0) is None
    True
    >>> rate(2**31 - 1, 1) is None  # no measurement: a count over a few nanoseconds
    True
    """
    if count <= 0 or duration_ns <= 0:
        return None
    speed = count / duration_ns * NANOSECONDS
    return speed if speed <= MAX_RATE else None


@dataclass(frozen=True)
class ChatChunk:
    """One line of a /api/chat (or /api/generate) stream, or a whole non-streamed answer."""

    content: str = ""
    thinking: str = ""
    done: bool = False
    stats: ReplyStats | None = None

    @classmethod
    def from_chat_json(cls, data: Any) -> ChatChunk:
        obj = _obj(data, "/api/chat")
        message = obj.get("message")
        message = message if isinstance(message, dict) else {}
        return cls._build(obj, _whole(message, "content"), _whole(message, "thinking"))

    @classmethod
    def from_generate_json(cls, data: Any) -> ChatChunk:
        obj = _obj(data, "/api/generate")
        return cls._build(obj, _whole(obj, "response"), _whole(obj, "thinking"))

    @classmethod
    def _build(cls, obj: dict[str, Any], content: str, thinking: str) -> ChatChunk:
        done = obj.get("done") is True
        return cls(content, thinking, done, ReplyStats.from_json(obj) if done else None)


@dataclass(frozen=True)
class ModelShow:
    """What /api/show says about one model (the parts the app uses)."""

    capabilities: tuple[str, ...] = ()
    parameters: str = ""
    template: str = ""
    license: str = ""
    details: ModelDetails = field(default_factory=ModelDetails)
    context_length: int = 0

    @classmethod
    def from_json(cls, data: Any) -> ModelShow:
        obj = _obj(data, "/api/show")
        caps = obj.get("capabilities")
        info = obj.get("model_info")
        context = 0
        if isinstance(info, dict):
            # The key is "<architecture>.context_length", e.g. "gemma3.context_length".
            for key in info:
                if isinstance(key, str) and key.endswith(".context_length"):
                    context = _int(info, key)
        return cls(
            capabilities=tuple(c for c in caps if isinstance(c, str)) if isinstance(caps, list) else (),
            parameters=_str(obj, "parameters", MAX_TEXT_CHARS),
            template=_str(obj, "template", MAX_TEXT_CHARS),
            license=_str(obj, "license", MAX_TEXT_CHARS),
            details=ModelDetails.from_json(obj.get("details")),
            context_length=context,
        )
