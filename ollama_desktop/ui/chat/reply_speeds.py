"""The three speeds of an answer, in short translated words: live while it streams, exact after.

While streaming, the speed is counted here (chunks with text, one token each, over the time since
the first). Once the answer is complete, Ollama's own counters replace it: generation speed
(`eval_count / eval_duration`), prompt speed, and the time spent loading the model; with the time to
the first token that the app measured.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from ollama_desktop.core.responses import NANOSECONDS, ReplyStats
from ollama_desktop.ui.locale_format import number_text


class ReplySpeeds(QObject):
    """The texts with plural forms: lupdate reads a plural only from a class's `self.tr(text, "", n)`
    (not from `translate()` with a count that is a variable), so they live here."""

    def tokens(self, count: int) -> str:
        return self.tr("%Ln tokens", "", count)


# Below this the live figure is noise (two tokens a few milliseconds apart make thousands per second).
_MIN_LIVE_SECONDS = 0.3


def live_rate(tokens: int, seconds: float) -> float | None:
    """Tokens per second after the first token; None while too early to say.

    >>> live_rate(41, 2.0)
    20.0
    >>> live_rate(3, 0.1) is None
    True
    """
    if tokens < 2 or seconds < _MIN_LIVE_SECONDS:
        return None
    return (tokens - 1) / seconds


def describe_live_speed(tokens: int, seconds: float) -> str:
    """The small line under an answer while it streams, e.g. "≈ 38.5 tokens/s · 120 tokens"."""
    rate = live_rate(tokens, seconds)
    count = ReplySpeeds().tokens(tokens)
    if rate is None:
        return count
    speed = QCoreApplication.translate("ReplySpeeds", "≈ {rate} tokens/s").format(rate=number_text(rate, 1))
    return speed + " · " + count


def describe_reply_speeds(stats: ReplyStats, first_token_s: float | None) -> str:
    """The line under a complete answer: generation, prompt and load figures from Ollama's counters."""
    parts: list[str] = []
    if stats.eval_rate is not None:
        parts.append(
            QCoreApplication.translate("ReplySpeeds", "{rate} tokens/s").format(
                rate=number_text(stats.eval_rate, 1)
            )
        )
    if stats.prompt_rate is not None:
        parts.append(
            QCoreApplication.translate("ReplySpeeds", "prompt {rate} tokens/s").format(
                rate=number_text(stats.prompt_rate, 0)
            )
        )
    if stats.load_duration:
        parts.append(
            QCoreApplication.translate("ReplySpeeds", "load {seconds} s").format(
                seconds=number_text(stats.load_duration / NANOSECONDS, 2)
            )
        )
    if first_token_s is not None:
        parts.append(
            QCoreApplication.translate("ReplySpeeds", "first token {seconds} s").format(
                seconds=number_text(first_token_s, 2)
            )
        )
    if stats.eval_count:
        parts.append(ReplySpeeds().tokens(stats.eval_count))
    if stats.done_reason == "length":
        parts.append(QCoreApplication.translate("ReplySpeeds", "stopped at the token limit"))
    return " · ".join(parts)
