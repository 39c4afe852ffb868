"""The server combobox: every known Ollama server with its status, to switch between them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QWidget

from ollama_desktop.controllers.connection import ConnectionStatus, State
from ollama_desktop.core.servers.host import is_local
from ollama_desktop.core.servers.known import Server
from ollama_desktop.ui.plain_text import plain_tooltip


class ServerPicker(QComboBox):
    """Items are "● Name — Ollama 0.24.0" / "○ Name — not reachable"; the data is the URL."""

    server_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._servers: list[Server] = []
        self._statuses: dict[str, ConnectionStatus] = {}
        self.activated.connect(self._on_activated)

    def set_servers(self, servers: list[Server], current: str) -> None:
        self._servers = list(servers)
        self.blockSignals(True)
        self.clear()
        for server in servers:
            self.addItem("", server.url)
        self.blockSignals(False)
        self._relabel()
        self.select(current)

    def select(self, url: str) -> None:
        index = self.findData(url, Qt.ItemDataRole.UserRole)
        if index >= 0:
            self.setCurrentIndex(index)

    def set_status(self, url: str, status: ConnectionStatus) -> None:
        self._statuses[url] = status
        self._relabel()

    def _relabel(self) -> None:
        for row, server in enumerate(self._servers):
            name = server.name or self.tr("This computer")
            status = self._statuses.get(server.url)
            if status is None or status.state is State.CHECKING:
                text = self.tr("{name} — checking…").format(name=name)
            elif status.state is State.CONNECTED:
                text = self.tr("● {name} — Ollama {version}").format(name=name, version=status.version)
            elif status.state is State.NOT_OLLAMA:
                text = self.tr("○ {name} — does not answer as Ollama").format(name=name)
            else:
                text = self.tr("○ {name} — not reachable").format(name=name)
            self.setItemText(row, text)
            tip = server.url
            if server.url.startswith("http://") and not is_local(server.url):
                tip += "\n" + self.tr("Not encrypted: others on the network could read the chat.")
            self.setItemData(row, plain_tooltip(tip), Qt.ItemDataRole.ToolTipRole)

    @Slot(int)
    def _on_activated(self, index: int) -> None:
        url = self.itemData(index, Qt.ItemDataRole.UserRole)
        if isinstance(url, str):
            self.server_chosen.emit(url)
