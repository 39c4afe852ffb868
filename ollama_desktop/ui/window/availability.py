"""What can work right now: Send, Load model now, Free memory and Benchmark need a server that answers.

While Ollama does not answer they are disabled, with the reason in their tooltips, and Enter says the
real cause ("Ollama is not running at …"), not "Choose a model first"; the question stays typed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController, State
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.servers.host import is_local
from ollama_desktop.ui.models.model_picker import ModelComboBox


class Availability(QObject):
    """Enables what can work, from the connection's state, the models and the answer in flight.

    Thread: GUI thread.
    """

    def __init__(
        self,
        connection: ConnectionController,
        chat: ChatController,
        residency: ResidencyController,
        *,
        send_button: QPushButton,
        picker: ModelComboBox,
        server_actions: tuple[QAction, ...],
        warm_up_action: QAction,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._connection = connection
        self._chat = chat
        self._send_button = send_button
        self._picker = picker
        self._server_actions = server_actions  # need a server that answers
        self._residency = residency
        self._warm_up = warm_up_action  # needs that, a chosen model, and no model loading now
        self._tips = {action: action.toolTip() for action in (*server_actions, warm_up_action)}
        connection.status_changed.connect(self.update)
        connection.models_loaded.connect(self.update)
        chat.busy_changed.connect(self.update)
        picker.currentIndexChanged.connect(self.update)
        residency.loading_changed.connect(self.update)
        self.update()

    @property
    def online(self) -> bool:
        return self._connection.status.state is State.CONNECTED

    def offline_reason(self) -> str:
        """Why nothing can be asked of the server now, in plain words; "" while it answers."""
        status = self._connection.status
        host = status.host
        if status.state is State.CONNECTED:
            return ""
        if status.state is State.CHECKING:
            return self.tr("Still connecting to Ollama at {host}…").format(host=host)
        if status.state is State.NOT_OLLAMA:
            return self.tr("The server at {host} does not answer as Ollama does.").format(host=host)
        if is_local(host):
            return self.tr("Ollama is not running on this computer.")
        return self.tr("Ollama at {host} cannot be reached.").format(host=host)

    def why_not_send(self) -> str:
        """Why a question cannot be sent now ("" when it can): the real cause, first the server."""
        reason = self.offline_reason()
        if reason:
            return self.tr("{reason} Your question stays here: send it once Ollama answers.").format(
                reason=reason
            )
        if self._connection.models_known and not self._connection.models:
            return self.tr("No model is installed yet: download one first (Models).")
        if not self._picker.current_model():
            return self.tr("Choose a model first.")
        return ""

    @Slot()
    def update(self) -> None:
        online = self.online
        reason = self.offline_reason()
        has_model = bool(self._picker.current_model())
        self._send_button.setEnabled(online and has_model and not self._chat.busy)
        ready = self.tr("Send (Enter)") if has_model else self.tr("Choose a model first.")
        self._send_button.setToolTip(reason or ready)
        for action in self._server_actions:
            self._enable(action, online, reason)
        loading = self._residency.loading
        if reason or not has_model:
            self._enable(self._warm_up, False, reason or self.tr("Choose a model first."))
        else:  # while a model loads, it says so in the status bar
            self._enable(self._warm_up, not loading, "")
        self._picker.setPlaceholderText(self._picker_placeholder())

    def _enable(self, action: QAction, enabled: bool, reason: str) -> None:
        action.setEnabled(enabled)
        action.setToolTip(self._tips[action] if enabled else reason)

    def _picker_placeholder(self) -> str:
        status = self._connection.status
        if status.state is State.CHECKING:
            return self.tr("Connecting…")
        if status.state is not State.CONNECTED:
            return self.tr("Not connected")
        if self._connection.models_known and not self._connection.models:
            return self.tr("No models installed")
        return ""
