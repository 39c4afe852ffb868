"""How long Ollama keeps a model in memory after an answer, as the user chooses it."""

from __future__ import annotations

import enum


class KeepAlive(enum.Enum):
    """The choices offered in plain words; `value` is the setting's stored name."""

    AFTER_ANSWER = "after_answer"
    DEFAULT = "default"
    ONE_HOUR = "one_hour"
    FOREVER = "forever"

    @property
    def request_value(self) -> int | str | None:
        """What to send as `keep_alive`; None sends nothing, leaving Ollama's default (5 minutes).

        >>> [choice.request_value for choice in KeepAlive]
        [0, None, '1h', -1]
        """
        return _REQUEST_VALUES[self]

    @property
    def load_value(self) -> int | str | None:
        """What to send as `keep_alive` when the user asks to load a model now.

        "Free memory right after each answer" applies to answers: a load with `keep_alive: 0`
        would unload at once, so loading keeps the model for the server's default time at least.

        >>> [choice.load_value for choice in KeepAlive]
        [None, None, '1h', -1]
        """
        return None if self is KeepAlive.AFTER_ANSWER else self.request_value

    @classmethod
    def from_setting(cls, text: object) -> KeepAlive:
        """The stored choice, or Ollama's default for anything unknown."""
        try:
            return cls(text)
        except ValueError:
            return cls.DEFAULT


_REQUEST_VALUES: dict[KeepAlive, int | str | None] = {
    KeepAlive.AFTER_ANSWER: 0,
    KeepAlive.DEFAULT: None,
    KeepAlive.ONE_HOUR: "1h",
    KeepAlive.FOREVER: -1,
}
