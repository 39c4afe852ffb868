"""The window's server part: the server picker with its label, and adding or removing a server."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLabel, QWidget

from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.current_server import CurrentServerController
from ollama_desktop.controllers.servers import ServersController
from ollama_desktop.core.servers.known import Server
from ollama_desktop.ui.servers.picker import ServerPicker
from ollama_desktop.ui.window.actions import WindowActions


class ServerChoice(QObject):
    """Shows the servers of `current` (the picker only when there is more than this computer's) and
    hands the user's choices to it. The window places `label` and `picker` in its layout."""

    def __init__(
        self,
        window: QWidget,
        current: CurrentServerController,
        connection: ConnectionController,
        actions: WindowActions,
        servers: ServersController | None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._current = current
        self._connection = connection
        self._actions = actions
        self.picker = ServerPicker()
        self.label = QLabel(self.tr("Ser&ver:"))
        self.label.setBuddy(self.picker)
        actions.server_action.triggered.connect(self._on_server_triggered)
        actions.remove_server_action.triggered.connect(current.remove_current)
        self.picker.server_chosen.connect(current.switch)
        current.servers_changed.connect(self._on_servers_changed)
        current.current_changed.connect(self._on_current_changed)
        if servers is not None:
            servers.status_changed.connect(self.picker.set_status)

    @Slot()
    def _on_server_triggered(self) -> None:
        """Add a server (or rename the current one) and switch to it."""
        current = self._current
        is_default = current.host == current.default_host
        from ollama_desktop.ui.servers.dialog import ServerDialog  # noqa: PLC0415 - dialogs load when opened

        choice = ServerDialog.ask(
            "" if is_default else current.host,
            current.default_host,
            self._connection.probe,
            self._window,
            name=current.name_of(current.host),
        )
        if choice is not None:
            current.add(*choice)

    @Slot(list, str)
    def _on_servers_changed(self, servers: list[Server], current: str) -> None:
        self.picker.set_servers(servers, current)
        self.picker.setVisible(len(servers) > 1)
        self.label.setVisible(len(servers) > 1)
        self._actions.remove_server_action.setEnabled(self._current.removable)

    @Slot(str)
    def _on_current_changed(self, url: str) -> None:
        self.picker.select(url)
        self._actions.remove_server_action.setEnabled(self._current.removable)
