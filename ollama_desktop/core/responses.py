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


def _str(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else ""


# Ollama's counters are 64-bit; anything larger is garbage, and Qt's formatting takes 64 bits at most.
MAX_COUNT = 2**63 - 1
MAX_CONTEXT = 2**31 - 1


def _int(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    # bool is an int in Python but never a count in Ollama's protocol.
    if isinstance(value, int) and not isinstance(value, bool):
        return min(max(value, 0), MAX_COUNT)
    if isinstance(value, float) and math.isfinite(value):
        return min(max(int(value), 0), MAX_COUNT)
    return 0


def _list_of_objects(data: dict[str, Any], key: str, what: str) -> list[dict[str, Any]]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ProtocolError(f"{what}: `{key}` is not a list")
    return [item for item in value if isinstance(item, dict)]


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
    """
    match = _TIMESTAMP.match(text.strip())
    if not match:
        return None
    base, fraction, zone = match.groups()
    micro = (fraction or "0")[:6].ljust(6, "0")
    suffix = "+00:00" if zone in (None, "Z") else zone
    try:
        parsed = datetime.fromisoformat(f"{base}.{micro}{suffix}")
    except ValueError:
        return None
    return parsed.astimezone(UTC)


@dataclass(frozen=True)
class ModelDetails:
    """The `details` object of /api/tags, /api/ps and /api/show."""

    family: str = ""
    parameter_size: str = ""
    quantization_level: str = ""
    format: str = ""

    @classmethod
    def from_json(cls, data: Any) -> ModelDetails:
        if not isinstance(data, dict):
            return cls()
        return cls(
            family=_str(data, "family"),
            parameter_size=_str(data, "parameter_size"),
            quantization_level=_str(data, "quantization_level"),
            format=_str(data, "format"),
        )


@dataclass(frozen=True)
class InstalledModel:
    """One entry of /api/tags: a model on the server's disk."""

    name: str
    size: int = 0
    digest: str = ""
    modified_at: datetime | None = None
    details: ModelDetails = field(default_factory=ModelDetails)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> InstalledModel:
        return cls(
            name=_str(data, "name") or _str(data, "model"),
            size=_int(data, "size"),
            digest=_str(data, "digest"),
            modified_at=parse_timestamp(_str(data, "modified_at")),
            details=ModelDetails.from_json(data.get("details")),
        )


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
            name=_str(data, "name") or _str(data, "model"),
            size=_int(data, "size"),
            size_vram=_int(data, "size_vram"),
            digest=_str(data, "digest"),
            expires_at=parse_timestamp(_str(data, "expires_at")),
            # Shown as a count ("%n tokens") by Qt, which takes 32-bit counts; real contexts are far smaller.
            context_length=min(_int(data, "context_length"), MAX_CONTEXT),
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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReplyStats:
        return cls(
            done_reason=_str(data, "done_reason"),
            total_duration=_int(data, "total_duration"),
            load_duration=_int(data, "load_duration"),
            prompt_eval_count=_int(data, "prompt_eval_count"),
            prompt_eval_duration=_int(data, "prompt_eval_duration"),
            eval_count=_int(data, "eval_count"),
            eval_duration=_int(data, "eval_duration"),
        )

    @property
    def eval_rate(self) -> float | None:
        """Generation speed in tokens per second, from the server's own counters."""
        return rate(self.eval_count, self.eval_duration)

    @property
    def prompt_rate(self) -> float | None:
        """Prompt processing speed in tokens per second."""
        return rate(self.prompt_eval_count, self.prompt_eval_duration)


def rate(count: int, duration_ns: int) -> float | None:
    """Tokens per second from a count and a duration in nanoseconds; None when unmeasurable.

    >>> rate(40, 7792073993)
    5.1334...
    >>> rate(0, 0) is None
    True
    """
    if count <= 0 or duration_ns <= 0:
        return None
    return count / duration_ns * NANOSECONDS


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
        return cls._build(obj, _str(message, "content"), _str(message, "thinking"))

    @classmethod
    def from_generate_json(cls, data: Any) -> ChatChunk:
        obj = _obj(data, "/api/generate")
        return cls._build(obj, _str(obj, "response"), _str(obj, "thinking"))

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
            for key, value in info.items():
                if key.endswith(".context_length") and isinstance(value, int):
                    context = value
        return cls(
            capabilities=tuple(c for c in caps if isinstance(c, str)) if isinstance(caps, list) else (),
            parameters=_str(obj, "parameters"),
            template=_str(obj, "template"),
            license=_str(obj, "license"),
            details=ModelDetails.from_json(obj.get("details")),
            context_length=context,
        )
