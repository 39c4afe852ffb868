"""Plain-words, translated sentences for what went wrong and what to do next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ollama_desktop.core.errors import (
    ModelNotFound,
    OllamaError,
    OutOfMemory,
    ProtocolError,
    RequestTimedOut,
    ServerError,
    ServerUnreachable,
    StreamIncomplete,
)
from ollama_desktop.core.responses import ReplyStats


def _tr(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def describe_error(error: OllamaError, host: str, model: str) -> str:
    """What to tell the user about `error`, by its type; the server's own words are kept at the end."""
    if isinstance(error, ServerUnreachable):
        return _tr(
            "Cannot reach Ollama at {host}. Make sure Ollama is running; the app keeps trying."
        ).format(host=host)
    if isinstance(error, RequestTimedOut):
        return _tr(
            "Ollama did not answer in time. The model may still be loading, or be too big for this "
            "computer's memory. Try again, or choose a smaller model."
        )
    if isinstance(error, ModelNotFound):
        return _tr(
            "The model “{model}” is not installed on this Ollama server. Choose another model, or "
            "download it first."
        ).format(model=model)
    if isinstance(error, OutOfMemory):
        return _tr(
            "The model does not fit in this computer's memory. Close other models or programs, or "
            "choose a smaller model. (Ollama said: {detail})"
        ).format(detail=error.message)
    if isinstance(error, StreamIncomplete):
        return _tr("The connection to Ollama was lost in the middle of the answer. What arrived is kept.")
    if isinstance(error, ProtocolError):
        return _tr(
            "The answer could not be read: the server at {host} does not speak Ollama's language. "
            "Check the server address in Settings."
        ).format(host=host)
    if isinstance(error, ServerError):
        return _tr("Ollama reported a problem: {detail}").format(detail=error.message)
    return _tr("Something went wrong: {detail}").format(detail=str(error))


def describe_stats(stats: ReplyStats, first_token_s: float | None) -> str:
    """One short line of speed figures for the end of an answer."""
    parts: list[str] = []
    if stats.eval_rate is not None:
        parts.append(_tr("{rate:.1f} tokens/s").format(rate=stats.eval_rate))
    if stats.eval_count:
        parts.append(_tr("{count} tokens").format(count=stats.eval_count))
    if stats.prompt_eval_count:
        parts.append(_tr("prompt {count} tokens").format(count=stats.prompt_eval_count))
    if first_token_s is not None:
        parts.append(_tr("first token after {seconds:.2f} s").format(seconds=first_token_s))
    if stats.done_reason == "length":
        parts.append(_tr("stopped at the token limit"))
    return " · ".join(parts)
