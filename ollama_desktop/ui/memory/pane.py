"""The window's memory part: what is loaded and where, Load now, Free memory, the unloading window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.memory.keep_alive import KeepAlive
from ollama_desktop.core.memory.residency import find, now_utc
from ollama_desktop.core.responses import RunningModel
from ollama_desktop.settings import Settings
from ollama_desktop.ui.chat.view import ChatView
from ollama_desktop.ui.memory.residency_text import diagnosis_text, verdict_text
from ollama_desktop.ui.memory.unload_summary import unload_summary
from ollama_desktop.ui.messages import explain_error
from ollama_desktop.ui.plain_text import notification_text, plain_label
from ollama_desktop.ui.window.actions import WindowActions
from ollama_desktop.ui.window.status_bar import WindowStatusBar
from ollama_desktop.ui.window.tray import TrayIcon

# The unloading window is imported when first opened, not with the main window (see main_window).
if TYPE_CHECKING:
    from ollama_desktop.core.memory.diagnosis import Diagnosis
    from ollama_desktop.core.memory.unloading import UnloadResult
    from ollama_desktop.ui.memory.unload_dialog import UnloadDialog


class MemoryPane(QObject):
    """Shows what the residency controller knows (the verdict under the pickers, the status bar's
    indicator, the tray's list) and carries out the Memory menu's actions.

    The window places `verdict_label` in its layout and calls `update_verdict` when the model changes.
    """

    def __init__(
        self,
        window: QMainWindow,
        *,
        settings: Settings,
        chat: ChatController,
        connection: ConnectionController,
        residency: ResidencyController,
        actions: WindowActions,
        status_line: WindowStatusBar,
        chat_view: ChatView,
        tray: TrayIcon | None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._chat = chat
        self._connection = connection
        self._residency = residency
        self._actions = actions
        self._status_line = status_line
        self._chat_view = chat_view
        self._tray = tray
        self._unload_dialog: UnloadDialog | None = None
        self.verdict_label = plain_label()
        self.verdict_label.setWordWrap(True)
        actions.free_memory_action.triggered.connect(self._on_free_memory_triggered)
        actions.unload_dialog_action.triggered.connect(self._on_unload_dialog_triggered)
        actions.warm_up_action.triggered.connect(self._on_warm_up_triggered)
        actions.keep_alive_chosen.connect(self._on_keep_alive_chosen)
        status_line.residency_indicator.clicked.connect(actions.unload_dialog_action.trigger)
        residency.loaded_changed.connect(self._on_loaded_changed)
        residency.poll_failed.connect(self._on_residency_unknown)
        residency.loading_changed.connect(self._on_loading_changed)
        residency.load_failed.connect(self._on_load_failed)
        residency.unload_finished.connect(self._on_unload_finished)
        residency.unload_failed.connect(self._on_unload_failed)
        residency.diagnosis_ready.connect(self._on_diagnosis_ready)
        if tray is not None:
            tray.free_memory_requested.connect(actions.free_memory_action.trigger)
            tray.menu_about_to_show.connect(residency.refresh_now)

    @Slot()
    def _on_free_memory_triggered(self) -> None:
        if self._residency.unload(None):
            self._status_line.show_notice(self.tr("Freeing memory…"))

    @Slot()
    def _on_unload_dialog_triggered(self) -> None:
        if self._unload_dialog is None:
            from ollama_desktop.ui.memory.unload_dialog import UnloadDialog  # noqa: PLC0415 - dialogs load when opened

            self._unload_dialog = UnloadDialog(self._residency, self._connection.client.host, self._window)
        self._unload_dialog.show()
        self._unload_dialog.raise_()
        self._unload_dialog.activateWindow()

    @Slot()
    def _on_warm_up_triggered(self) -> None:
        model = self._chat.model
        if not model:
            self._status_line.show_notice(self.tr("Choose a model first."), 5000)
            return
        self._residency.warm_up(model, self._settings.keep_alive.load_value)

    @Slot(object)
    def _on_keep_alive_chosen(self, choice: KeepAlive) -> None:
        self._chat.keep_alive = choice.request_value

    @Slot(object)
    def _on_loaded_changed(self, loaded: tuple[RunningModel, ...]) -> None:
        if not self._residency.loading:
            self._status_line.residency_indicator.show_models(loaded, now_utc())
        if self._tray is not None:
            self._tray.show_models(loaded)
        self.update_verdict()

    @Slot()
    def _on_residency_unknown(self) -> None:
        self._status_line.residency_indicator.show_unknown()
        if self._tray is not None:
            self._tray.show_models(None)
        self.verdict_label.clear()

    @Slot(str)
    def _on_loading_changed(self, model: str) -> None:
        if model:
            self._status_line.residency_indicator.show_loading(model)
        self.update_verdict()

    @Slot(str, object)
    def _on_load_failed(self, model: str, error: OllamaError) -> None:
        self._status_line.show_problem(explain_error(error, self._connection.client.host, model))

    @Slot(object)
    def _on_unload_finished(self, result: UnloadResult) -> None:
        summary = unload_summary(result)
        self._status_line.show_notice(summary, 15000)
        if self._tray is not None and not self._window.isVisible():
            self._tray.showMessage(
                self.tr("Ollama Desktop"), notification_text(summary), QSystemTrayIcon.MessageIcon.Information
            )

    @Slot(object)
    def _on_unload_failed(self, error: OllamaError) -> None:
        self._status_line.show_problem(explain_error(error, self._connection.client.host, ""))

    @Slot(object)
    def _on_diagnosis_ready(self, diagnosis: Diagnosis) -> None:
        self._chat_view.add_error(diagnosis_text(diagnosis))

    def update_verdict(self) -> None:
        """Say whether the chosen model is in memory, and where (nothing while that is unknown)."""
        model = self._chat.model
        if not model or not self._residency.known:
            self.verdict_label.clear()
            return
        loading = self._residency.loading == model
        self.verdict_label.setText(verdict_text(find(model, self._residency.loaded), loading=loading))
