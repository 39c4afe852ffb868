"""Which Ollama server the app talks to, and the list of servers the user can pick from."""

from __future__ import annotations

import urllib.parse

from PySide6.QtCore import QObject, Signal, Slot

from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.controllers.servers import ServersController
from ollama_desktop.core.servers.host import parse_host
from ollama_desktop.core.servers.known import Server, with_server
from ollama_desktop.settings import Settings


class CurrentServerController(QObject):
    """Owns the current server: the settings' choice, the connection's host, what is known to be loaded
    there, and the list of servers (stored, and probed by `servers` when there is one).

    Thread: GUI thread only.
    """

    servers_changed = Signal(list, str)  # every server (list[Server]), the current one's url
    current_changed = Signal(str)  # the url of the server talked to from now on

    def __init__(
        self,
        settings: Settings,
        connection: ConnectionController,
        residency: ResidencyController,
        servers: ServersController | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._connection = connection
        self._residency = residency
        self._servers = servers

    @property
    def host(self) -> str:
        return self._settings.host()

    @property
    def default_host(self) -> str:
        return self._settings.default_host()

    @property
    def removable(self) -> bool:
        """Whether the current server can be removed: every one can but this computer's."""
        return self.host != self.default_host

    def name_of(self, url: str) -> str:
        return next((server.name for server in self._settings.servers if server.url == url), "")

    def publish(self) -> None:
        """Say which servers there are (to the picker, and to the probes)."""
        servers = self._settings.servers
        self.servers_changed.emit(list(servers), self.host)
        if self._servers is not None:
            self._servers.set_servers(servers)

    def add(self, name: str, text: str) -> None:
        """Store the server at `text` (an address as typed; "" for this computer) and switch to it."""
        url = parse_host(text) if text else self.default_host
        if text:
            server = Server(name or urllib.parse.urlsplit(url).hostname or url, url)
            self._settings.set_servers(with_server(self._settings.servers, server))
        self.publish()
        self.switch(url)

    @Slot(str)
    def switch(self, url: str) -> None:
        """Talk to another server from now on (the chat stays; the next question goes there)."""
        self._settings.set_host_override("" if url == self.default_host else url)
        self.current_changed.emit(url)
        if url != self._connection.client.host:
            self._connection.set_host(url)
            self._residency.forget()  # what is loaded there is not known yet

    @Slot()
    def remove_current(self) -> None:
        """Forget the current server (not this computer's) and go back to this computer's."""
        current = self.host
        if current == self.default_host:
            return
        self._settings.set_servers([s for s in self._settings.servers if s.url != current])
        self.publish()
        self.switch(self.default_host)
