"""The typed facade over QSettings: the only module that knows the keys."""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QByteArray, QSettings

from ollama_desktop.core.memory.keep_alive import KeepAlive
from ollama_desktop.core.servers.host import host_from_environment, parse_host
from ollama_desktop.core.servers.known import Server, dump_servers, load_servers

_HOST = "connection/host"
_SERVERS = "connection/servers"
_LAST_MODEL = "chat/last_model"
_GEOMETRY = "window/geometry"
_WINDOW_STATE = "window/state"
_KEEP_ALIVE = "memory/keep_alive"
_CLOSE_TO_TRAY = "window/close_to_tray"
_LANGUAGE = "ui/language"
_FONT_WARNED = "ui/font_warned"


class Settings:
    """What the app remembers between runs.

    Args:
        store: the QSettings to use; tests pass one on an INI file in a temporary folder.
        environ: where `OLLAMA_HOST` is read from (the process environment by default).
    """

    def __init__(self, store: QSettings, environ: Mapping[str, str] | None = None) -> None:
        self._store = store
        self._environ = os.environ if environ is None else environ

    @property
    def host_override(self) -> str:
        """The host the user typed in Settings, or "" to use `OLLAMA_HOST` / the default."""
        value = self._store.value(_HOST, "")
        return value if isinstance(value, str) else ""

    def set_host_override(self, text: str) -> None:
        text = text.strip()
        if text:
            parse_host(text)  # refuse to store what cannot be used
        self._store.setValue(_HOST, text)
        self._store.sync()

    def host(self) -> str:
        """The host to talk to: the user's choice, else `OLLAMA_HOST`, else this machine."""
        override = self.host_override
        try:
            if override:
                return parse_host(override)
        except ValueError:
            pass  # an unusable stored value (edited by hand): fall back as if unset
        return self.default_host()

    def default_host(self) -> str:
        """The host used when the user sets none."""
        return host_from_environment(self._environ)

    @property
    def servers(self) -> list[Server]:
        """The servers the user added; "this computer" (the default host) is always first."""
        value = self._store.value(_SERVERS, "")
        added = load_servers(value) if isinstance(value, str) else []
        default = self.default_host()
        return [Server("", default), *(server for server in added if server.url != default)]

    def set_servers(self, servers: list[Server]) -> None:
        default = self.default_host()
        self._store.setValue(_SERVERS, dump_servers([s for s in servers if s.url != default]))

    @property
    def last_model(self) -> str:
        value = self._store.value(_LAST_MODEL, "")
        return value if isinstance(value, str) else ""

    def set_last_model(self, name: str) -> None:
        self._store.setValue(_LAST_MODEL, name)

    @property
    def window_geometry(self) -> QByteArray | None:
        value = self._store.value(_GEOMETRY)
        return value if isinstance(value, QByteArray) else None

    def set_window_geometry(self, geometry: QByteArray) -> None:
        self._store.setValue(_GEOMETRY, geometry)

    @property
    def window_state(self) -> QByteArray | None:
        """Where the window's side panels are and whether they show (QMainWindow.saveState)."""
        value = self._store.value(_WINDOW_STATE)
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, state: QByteArray) -> None:
        self._store.setValue(_WINDOW_STATE, state)

    @property
    def keep_alive(self) -> KeepAlive:
        """How long Ollama should keep a model in memory after an answer."""
        return KeepAlive.from_setting(self._store.value(_KEEP_ALIVE, KeepAlive.DEFAULT.value))

    def set_keep_alive(self, choice: KeepAlive) -> None:
        self._store.setValue(_KEEP_ALIVE, choice.value)

    @property
    def close_to_tray(self) -> bool | None:
        """Whether closing the window keeps the app in the tray; None until the user was asked."""
        value = self._store.value(_CLOSE_TO_TRAY)
        if value is None:
            return None
        # INI files give back strings; other back-ends give back bools.
        return value is True or str(value).lower() == "true"

    def set_close_to_tray(self, keep: bool) -> None:
        self._store.setValue(_CLOSE_TO_TRAY, keep)

    @property
    def language(self) -> str:
        """The language the user chose ("en", "zh_TW", "zh_CN", "ko"), or "" to follow the system."""
        value = self._store.value(_LANGUAGE, "")
        return value if isinstance(value, str) else ""

    def set_language(self, code: str) -> None:
        self._store.setValue(_LANGUAGE, code)
        self._store.sync()

    @property
    def font_warned(self) -> list[str]:
        """The languages the user was told this system has no font for (each is told once)."""
        value = self._store.value(_FONT_WARNED, "")
        return value.split() if isinstance(value, str) else []

    def add_font_warned(self, language: str) -> None:
        self._store.setValue(_FONT_WARNED, " ".join(dict.fromkeys([*self.font_warned, language])))
        self._store.sync()

    def sync(self) -> None:
        self._store.sync()
