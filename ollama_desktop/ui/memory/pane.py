"""The window's memory part: what is loaded and where, Load now, Free memory, the unloading window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.errors import CloudSignInRequired, OllamaError
from ollama_desktop.core.memory.keep_alive import KeepAlive
from ollama_desktop.core.memory.residency import find, now_utc
from ollama_desktop.core.responses import RunningModel
from ollama_desktop.settings import Settings
from ollama_desktop.ui.chat.view import ChatView
from ollama_desktop.ui.memory.residency_text import (
    cloud_sign_in_text,
    cloud_verdict_text,
    diagnosis_text,
    verdict_text,
)
from ollama_desktop.ui.memory.unload_summary import unload_summary
from ollama_desktop.ui.messages import explain_error, sign_in_link
from ollama_desktop.ui.plain_text import html_text, notification_text, plain_label, set_plain
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
        # A cloud model's 401 (not signed in): the model, and the sign-in address if safe to link.
        self._sign_in: tuple[str, str] | None = None
        chat.reply_failed.connect(self._on_reply_failed)
        chat.reply_finished.connect(self._on_reply_finished)
        connection.cloud_status_changed.connect(self.update_verdict)
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
        if self._chat.is_cloud(model):
            self._status_line.show_notice(
                self.tr("A cloud model runs on ollama.com: nothing to load here."), 5000
            )
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
        if self._chat.is_cloud(self._chat.model):
            self.update_verdict()  # a cloud model's verdict needs no /api/ps
        else:
            self.verdict_label.clear()

    @Slot(object)
    def _on_reply_failed(self, error: OllamaError) -> None:
        if isinstance(error, CloudSignInRequired):
            self._sign_in = (self._chat.model, sign_in_link(error))
            self.update_verdict()

    @Slot(object)
    def _on_reply_finished(self, _stats: object) -> None:
        if self._sign_in is not None:
            self._sign_in = None  # signed in since
            self.update_verdict()

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

    @Slot()
    def update_verdict(self) -> None:
        """Say whether the chosen model is in memory, and where (nothing while that is unknown); for
        a cloud model, that it runs on ollama.com, or that cloud models are off, or to sign in."""
        model = self._chat.model
        if model and self._chat.is_cloud(model):
            self._show_cloud_verdict(model)
            return
        if not model or not self._residency.known:
            self.verdict_label.clear()
            return
        loading = self._residency.loading == model
        set_plain(self.verdict_label, verdict_text(find(model, self._residency.loaded), loading=loading))

    def _show_cloud_verdict(self, model: str) -> None:
        label = self.verdict_label
        if self._connection.cloud_disabled:
            set_plain(label, cloud_verdict_text(disabled=True))
        elif self._sign_in is not None and self._sign_in[0] == model:
            text, link = cloud_sign_in_text(), self._sign_in[1]
            if link:
                # The address passed sign_in_link (https on ollama.com); it is still escaped.
                words = self.tr("Sign in on ollama.com")
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setText(f'{html_text(text)} <a href="{html_text(link)}">{html_text(words)}</a>')
                label.setOpenExternalLinks(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
                return
            set_plain(label, text)
        else:
            set_plain(label, cloud_verdict_text())
