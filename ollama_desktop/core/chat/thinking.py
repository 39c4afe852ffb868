"""What a chat may send as `think`, by server version and model (issue #19 item 4).

`think` is a bool on every server that knows it, and a level ("low", "medium", "high") since
Ollama 0.11.0, the release that brought GPT-OSS, whose reasoning effort is set by level only; "max"
came in 0.22. An older server refuses a string where it decodes a bool (a 400), so a level goes to
it as `true`. GPT-OSS ignores a bool and always reasons: its choices have no Off.

No Qt here: the dialog words the choices, the conversation sends them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LOW = "low"
MEDIUM = "medium"
HIGH = "high"
MAX = "max"
LEVELS = (LOW, MEDIUM, HIGH, MAX)

# The first versions that take a level, and the level "max".
LEVELS_SINCE = (0, 11, 0)
MAX_SINCE = (0, 22, 0)

# A ChatOptions.think value: None (the server's default: not sent), False (off), True (on, the
# old servers' only way), or one of LEVELS.
Think = bool | str | None


def version_key(version: str) -> tuple[int, ...] | None:
    """The numbers of a version string ("0.12.3-rc1" → (0, 12, 3)); None when it has none.

    >>> version_key("0.22.1-rc2")
    (0, 22, 1)
    >>> version_key("v0.9")
    (0, 9)
    >>> version_key("") is None
    True
    """
    found = re.match(r"\s*v?(\d+(?:\.\d+)*)", version or "")
    if found is None:
        return None
    return tuple(int(part) for part in found.group(1).split("."))


def at_least(version: str, since: tuple[int, ...]) -> bool:
    """Whether `version` is `since` or newer (an unknown version is taken as old)."""
    key = version_key(version)
    return key is not None and key >= since


def levels_only_model(name: str, family: str = "") -> bool:
    """Whether the model takes `think` levels only, as GPT-OSS does: its family ("gptoss", as
    /api/tags and /api/show report it), or, where the family is not told (a cloud model), its
    name ("gpt-oss:20b", "gpt-oss:120b-cloud", "library/gpt-oss").

    >>> levels_only_model("gpt-oss:20b"), levels_only_model("mine:latest", "gptoss")
    (True, True)
    >>> levels_only_model("llama3.1:8b", "llama")
    False
    """
    base = name.rsplit("/", 1)[-1].lower()
    return family.lower() == "gptoss" or base.startswith("gpt-oss")


@dataclass(frozen=True)
class ThinkSupport:
    """What the chat's model and server take as `think`.

    Attributes:
        can_think: the model lists the "thinking" capability (None: not known yet).
        levels: the server takes levels (else a bool only).
        max_level: the server takes "max".
        levels_only: the model ignores a bool and always reasons (GPT-OSS): no Off.
    """

    can_think: bool | None = None
    levels: bool = False
    max_level: bool = False
    levels_only: bool = False

    @classmethod
    def of(cls, version: str, *, can_think: bool | None, levels_only: bool = False) -> ThinkSupport:
        levels = at_least(version, LEVELS_SINCE)
        return cls(
            can_think=can_think,
            levels=levels,
            max_level=levels and at_least(version, MAX_SINCE),
            levels_only=levels_only and levels,
        )

    def choices(self) -> tuple[Think, ...]:
        """The Think control's values, the server's default (None) first.

        >>> ThinkSupport(True, levels=True).choices()
        (None, False, 'low', 'medium', 'high')
        >>> ThinkSupport(True, levels=True, max_level=True, levels_only=True).choices()
        (None, 'low', 'medium', 'high', 'max')
        >>> ThinkSupport(True).choices()
        (None, True, False)
        """
        if not self.levels:
            return (None, True, False)
        levels: tuple[Think, ...] = (LOW, MEDIUM, HIGH, MAX) if self.max_level else (LOW, MEDIUM, HIGH)
        return (None, *levels) if self.levels_only else (None, False, *levels)

    def shown(self, think: Think) -> Think:
        """The choice that stands for `think` here (a level on an old server is On; On is Medium
        where levels exist, as the server reads `true`; Off on a levels-only model is the default).

        >>> ThinkSupport(True).shown("high"), ThinkSupport(True, levels=True).shown(True)
        (True, 'medium')
        >>> ThinkSupport(True, levels=True).shown(MAX)
        'high'
        """
        if think is None or think is False:
            return None if (think is False and self.levels_only) else think
        if not self.levels:
            return True
        if think is True or think not in LEVELS:
            return MEDIUM
        return HIGH if think == MAX and not self.max_level else think

    def to_send(self, think: Think) -> Think:
        """What the request carries for the chosen `think` (None: leave it out).

        `true` or a level only to a model that can think (any other refuses it with a 400); a level
        only to a server that takes levels, "max" only from 0.22 (else "high"); `false` never to a
        levels-only model, which ignores it.

        >>> ThinkSupport(True, levels=False).to_send(LOW)
        True
        >>> ThinkSupport(True, levels=True).to_send(MAX)
        'high'
        >>> ThinkSupport(False, levels=True).to_send(HIGH) is None, ThinkSupport(False).to_send(False)
        (True, False)
        >>> ThinkSupport(True, levels=True, levels_only=True).to_send(False) is None
        True
        """
        if think is None:
            return None
        if think is False:
            return None if self.levels_only else False
        if not self.can_think:
            return None
        if think is True:
            return True
        if think not in LEVELS:
            return None
        if not self.levels:
            return True
        return HIGH if think == MAX and not self.max_level else think
