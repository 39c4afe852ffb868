"""The main window: model picker, chat, prompt box with Send and Stop, status bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSystemTrayIcon,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ollama_desktop import __version__
from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController, ConnectionStatus, State
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.diagnosis import Diagnosis, worth_diagnosing
from ollama_desktop.core.errors import ModelNotFound, OllamaError, ServerUnreachable
from ollama_desktop.core.keep_alive import KeepAlive
from ollama_desktop.core.residency import find, now_utc
from ollama_desktop.core.responses import InstalledModel, ReplyStats, RunningModel
from ollama_desktop.core.unloading import UnloadResult
from ollama_desktop.settings import Settings
from ollama_desktop.ui.chat_options_dialog import ChatOptionsDialog
from ollama_desktop.ui.chat_view import ChatView
from ollama_desktop.ui.messages import describe_error, describe_stats
from ollama_desktop.ui.model_picker import ModelComboBox
from ollama_desktop.ui.prompt_edit import PromptEdit
from ollama_desktop.ui.residency_indicator import ResidencyIndicator
from ollama_desktop.ui.residency_text import diagnosis_text, placement_text, verdict_text
from ollama_desktop.ui.server_dialog import ServerDialog
from ollama_desktop.ui.tray import TrayIcon
from ollama_desktop.ui.unload_dialog import UnloadDialog
from ollama_desktop.ui.unload_summary import unload_summary


class MainWindow(QMainWindow):
    """Shows the chat and forwards the user's actions to the controllers; holds no logic of its own."""

    def __init__(
        self,
        settings: Settings,
        connection: ConnectionController,
        chat: ChatController,
        residency: ResidencyController,
        *,
        tray: TrayIcon | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._connection = connection
        self._chat = chat
        self._residency = residency
        self.tray = tray
        self._quitting = False
        self._unload_dialog: UnloadDialog | None = None
        self._first_token_s: float | None = None
        chat.keep_alive = settings.keep_alive.request_value
        self.setWindowTitle(self.tr("Ollama Desktop"))

        self.model_picker = ModelComboBox()
        self.chat_view = ChatView()
        self.prompt = PromptEdit()
        self.prompt.setFixedHeight(self.prompt.fontMetrics().lineSpacing() * 4 + 16)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setDefault(True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setEnabled(False)
        self.stop_button.setToolTip(self.tr("Stop the answer (Esc)"))
        self.connection_label = QLabel()
        self.reply_label = QLabel()
        self.residency_indicator = ResidencyIndicator()
        self.verdict_label = QLabel()
        self.verdict_label.setWordWrap(True)

        self._build_actions()
        self._build_layout()
        self._connect()
        self._on_status_changed(connection.status)
        self._on_models_loaded(connection.models)
        if settings.window_geometry is not None:
            self.restoreGeometry(settings.window_geometry)
        else:
            self.resize(900, 680)
        self.prompt.setFocus()

    # -- construction --------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.new_chat_action = QAction(self.tr("&New chat"), self)
        self.new_chat_action.setShortcut(QKeySequence.StandardKey.New)
        self.stop_action = QAction(self.tr("&Stop answer"), self)
        self.stop_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.stop_action.setEnabled(False)
        self.options_action = QAction(self.tr("Chat &settings…"), self)
        self.server_action = QAction(self.tr("Ollama &server…"), self)
        self.refresh_action = QAction(self.tr("&Refresh models"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.about_action = QAction(self.tr("&About Ollama Desktop"), self)
        self.free_memory_action = QAction(self.tr("&Free memory"), self)
        self.free_memory_action.setToolTip(
            self.tr("Unload every model now, freeing its GPU and system memory")
        )
        self.free_memory_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.unload_dialog_action = QAction(self.tr("&Memory and unloading…"), self)
        self.unload_dialog_action.setShortcut(QKeySequence("Ctrl+U"))
        self.warm_up_action = QAction(self.tr("&Load model now"), self)
        self.warm_up_action.setToolTip(
            self.tr("Load the selected model into memory so the first answer starts at once")
        )
        self.warm_up_action.setShortcut(QKeySequence("Ctrl+L"))
        self.keep_alive_actions: dict[KeepAlive, QAction] = {}
        keep_alive_group = QActionGroup(self)
        labels = {
            KeepAlive.AFTER_ANSWER: self.tr("Free memory right after each answer"),
            KeepAlive.DEFAULT: self.tr("Keep for 5 minutes (Ollama's default)"),
            KeepAlive.ONE_HOUR: self.tr("Keep for 1 hour"),
            KeepAlive.FOREVER: self.tr("Keep loaded until I unload it"),
        }
        for choice, label in labels.items():
            action = QAction(label, keep_alive_group)
            action.setCheckable(True)
            action.setChecked(choice is self._settings.keep_alive)
            action.setData(choice.value)
            self.keep_alive_actions[choice] = action
        keep_alive_group.triggered.connect(self._on_keep_alive_triggered)
        self.close_to_tray_action = QAction(
            self.tr("Keep running in the tray when the window is closed"), self
        )
        self.close_to_tray_action.setCheckable(True)
        self.close_to_tray_action.setChecked(bool(self._settings.close_to_tray))
        self.close_to_tray_action.setVisible(self.tray is not None)

        chat_menu = self.menuBar().addMenu(self.tr("&Chat"))
        for action in (self.new_chat_action, self.stop_action, self.options_action):
            chat_menu.addAction(action)
        chat_menu.addSeparator()
        chat_menu.addAction(self.quit_action)
        server_menu = self.menuBar().addMenu(self.tr("&Ollama"))
        server_menu.addAction(self.refresh_action)
        server_menu.addAction(self.server_action)
        memory_menu = self.menuBar().addMenu(self.tr("&Memory"))
        memory_menu.addAction(self.free_memory_action)
        memory_menu.addAction(self.unload_dialog_action)
        memory_menu.addAction(self.warm_up_action)
        memory_menu.addSeparator()
        keep_menu = memory_menu.addMenu(self.tr("&Keep models in memory"))
        keep_menu.addActions(list(self.keep_alive_actions.values()))
        memory_menu.addAction(self.close_to_tray_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _build_layout(self) -> None:
        self.toolbar = QToolBar(self.tr("Main toolbar"))
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.new_chat_action)
        self.toolbar.addAction(self.options_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.warm_up_action)
        self.toolbar.addAction(self.free_memory_action)
        self.toolbar.addAction(self.unload_dialog_action)
        self.addToolBar(self.toolbar)
        top = QHBoxLayout()
        model_label = QLabel(self.tr("&Model:"))
        model_label.setBuddy(self.model_picker)
        top.addWidget(model_label)
        top.addWidget(self.model_picker, 1)

        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.prompt, 1)
        bottom.addLayout(buttons)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.chat_view, 1)
        layout.addLayout(bottom)
        self.setCentralWidget(central)
        # The memory chips keep their full size; the longer texts give way (their tooltips hold all).
        for label in (self.connection_label, self.reply_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(120)
        self.statusBar().addWidget(self.connection_label, 1)
        self.statusBar().addPermanentWidget(self.reply_label, 1)
        self.statusBar().addPermanentWidget(self.residency_indicator)

    def _connect(self) -> None:
        self.send_button.clicked.connect(self._on_send_clicked)
        self.prompt.submitted.connect(self._on_send_clicked)
        self.stop_button.clicked.connect(self._chat.stop)
        self.stop_action.triggered.connect(self._chat.stop)
        self.new_chat_action.triggered.connect(self._chat.new_chat)
        self.options_action.triggered.connect(self._on_options_triggered)
        self.server_action.triggered.connect(self._on_server_triggered)
        self.refresh_action.triggered.connect(self._connection.refresh_models)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self._on_about_triggered)
        self.model_picker.currentIndexChanged.connect(self._on_model_changed)

        self._connection.status_changed.connect(self._on_status_changed)
        self._connection.models_loaded.connect(self._on_models_loaded)
        self._chat.question_added.connect(self.chat_view.add_question)
        self._chat.reply_started.connect(self._on_reply_started)
        self._chat.reply_text_arrived.connect(self.chat_view.append_reply)
        self._chat.first_token_arrived.connect(self._on_first_token)
        self._chat.reply_finished.connect(self._on_reply_finished)
        self._chat.reply_stopped.connect(self._on_reply_stopped)
        self._chat.reply_failed.connect(self._on_reply_failed)
        self._chat.prompt_restored.connect(self.prompt.restore)
        self._chat.busy_changed.connect(self._on_busy_changed)
        self._chat.chat_cleared.connect(self._on_chat_cleared)

        self.free_memory_action.triggered.connect(self._on_free_memory_triggered)
        self.unload_dialog_action.triggered.connect(self._on_unload_dialog_triggered)
        self.warm_up_action.triggered.connect(self._on_warm_up_triggered)
        self.close_to_tray_action.toggled.connect(self._settings.set_close_to_tray)
        self.residency_indicator.clicked.connect(self.unload_dialog_action.trigger)
        self._residency.loaded_changed.connect(self._on_loaded_changed)
        self._residency.poll_failed.connect(self._on_residency_unknown)
        self._residency.loading_changed.connect(self._on_loading_changed)
        self._residency.load_failed.connect(self._on_load_failed)
        self._residency.unload_finished.connect(self._on_unload_finished)
        self._residency.unload_failed.connect(self._on_unload_failed)
        self._residency.diagnosis_ready.connect(self._on_diagnosis_ready)
        if self.tray is not None:
            self.tray.free_memory_requested.connect(self.free_memory_action.trigger)
            self.tray.open_requested.connect(self.bring_to_front)
            self.tray.quit_requested.connect(self.quit_app)
            self.tray.menu_about_to_show.connect(self._residency.refresh_now)

    # -- user actions --------------------------------------------------------------------------

    @Slot()
    def _on_send_clicked(self) -> None:
        text = self.prompt.toPlainText()
        if not text.strip():
            return
        if not self._chat.model:
            self.statusBar().showMessage(self.tr("Choose a model first."), 5000)
            return
        if self._chat.send(text):
            self.prompt.clear()

    @Slot()
    def _on_options_triggered(self) -> None:
        options = ChatOptionsDialog.ask(self._chat.conversation.options, self)
        if options is not None:
            self._chat.set_options(options)

    @Slot()
    def _on_server_triggered(self) -> None:
        text = ServerDialog.ask(
            self._settings.host_override, self._settings.default_host(), self._connection.probe, self
        )
        if text is None:
            return
        self._settings.set_host_override(text)
        self._connection.set_host(self._settings.host())
        self._residency.forget()

    @Slot()
    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Ollama Desktop"),
            self.tr("Ollama Desktop {version}\nA desktop chat app for the Ollama server.").format(
                version=__version__
            ),
        )

    @Slot(int)
    def _on_model_changed(self, _index: int) -> None:
        name = self.model_picker.current_model()
        self._chat.set_model(name)
        if name:
            self._settings.set_last_model(name)
        self._update_verdict()

    @Slot()
    def _on_free_memory_triggered(self) -> None:
        if self._residency.unload(None):
            self.statusBar().showMessage(self.tr("Freeing memory…"))

    @Slot()
    def _on_unload_dialog_triggered(self) -> None:
        if self._unload_dialog is None:
            self._unload_dialog = UnloadDialog(self._residency, self._connection.client.host, self)
        self._unload_dialog.show()
        self._unload_dialog.raise_()
        self._unload_dialog.activateWindow()

    @Slot()
    def _on_warm_up_triggered(self) -> None:
        model = self._chat.model
        if not model:
            self.statusBar().showMessage(self.tr("Choose a model first."), 5000)
            return
        self._residency.warm_up(model, self._settings.keep_alive.request_value)

    @Slot(QAction)
    def _on_keep_alive_triggered(self, action: QAction) -> None:
        choice = KeepAlive.from_setting(action.data())
        self._settings.set_keep_alive(choice)
        self._chat.keep_alive = choice.request_value

    @Slot()
    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    @Slot()
    def quit_app(self) -> None:
        """Quit for real, also when closing would only hide the window in the tray."""
        self._quitting = True
        self.close()
        QApplication.quit()

    # -- controller events ---------------------------------------------------------------------

    # -- memory --------------------------------------------------------------------------------

    @Slot(object)
    def _on_loaded_changed(self, loaded: tuple[RunningModel, ...]) -> None:
        if not self._residency.loading:
            self.residency_indicator.show_models(loaded, now_utc())
        self.model_picker.set_loaded(tuple(model.name for model in loaded))
        found = find(self._chat.model, loaded)
        if self._chat.busy and self._first_token_s is not None and found is not None:
            self.reply_label.setText(
                self.tr("Answering… runs on: {where}").format(where=placement_text(found))
            )
        if self.tray is not None:
            self.tray.show_models(loaded)
        self._update_verdict()

    @Slot()
    def _on_residency_unknown(self) -> None:
        self.residency_indicator.show_unknown()
        if self.tray is not None:
            self.tray.show_models(None)
        self.verdict_label.clear()

    @Slot(str)
    def _on_loading_changed(self, model: str) -> None:
        if model:
            self.residency_indicator.show_loading(model)
            self.warm_up_action.setEnabled(False)
        else:
            self.warm_up_action.setEnabled(True)
        self._update_verdict()

    @Slot(str, object)
    def _on_load_failed(self, model: str, error: OllamaError) -> None:
        self.statusBar().showMessage(describe_error(error, self._connection.client.host, model), 15000)

    @Slot(object)
    def _on_unload_finished(self, result: UnloadResult) -> None:
        summary = unload_summary(result)
        self.statusBar().showMessage(summary, 15000)
        if self.tray is not None and not self.isVisible():
            self.tray.showMessage(self.tr("Ollama Desktop"), summary, QSystemTrayIcon.MessageIcon.Information)

    @Slot(object)
    def _on_unload_failed(self, error: OllamaError) -> None:
        self.statusBar().showMessage(describe_error(error, self._connection.client.host, ""), 15000)

    @Slot(object)
    def _on_diagnosis_ready(self, diagnosis: Diagnosis) -> None:
        self.chat_view.add_error(diagnosis_text(diagnosis))

    def _update_verdict(self) -> None:
        model = self._chat.model
        if not model or not self._residency.known:
            self.verdict_label.clear()
            return
        loading = self._residency.loading == model
        self.verdict_label.setText(verdict_text(find(model, self._residency.loaded), loading=loading))

    def _placement_note(self, model: str) -> str:
        found = find(model, self._residency.loaded)
        return self.tr("ran on: {where}").format(where=placement_text(found)) if found else ""

    # -- connection and chat -------------------------------------------------------------------

    @Slot(object)
    def _on_status_changed(self, status: ConnectionStatus) -> None:
        if status.state is State.CONNECTED:
            text = self.tr("● Connected: Ollama {version} at {host}").format(
                version=status.version, host=status.host
            )
        elif status.state is State.UNREACHABLE:
            text = self.tr("○ Ollama is not reachable at {host}. Retrying every few seconds…").format(
                host=status.host
            )
        else:
            text = self.tr("Connecting to {host}…").format(host=status.host)
        self.connection_label.setText(text)
        self.connection_label.setToolTip(text)
        if status.state is State.CONNECTED and not self._residency.known:
            self._residency.refresh_now()

    @Slot(object)
    def _on_models_loaded(self, models: tuple[InstalledModel, ...]) -> None:
        self.model_picker.set_models(models, prefer=self._settings.last_model)
        if not models and self._connection.status.state is State.CONNECTED:
            self.model_picker.setPlaceholderText(self.tr("No models installed"))

    @Slot(str)
    def _on_reply_started(self, model: str) -> None:
        self._first_token_s = None
        self.chat_view.begin_reply(model)
        self.reply_label.setText(self.tr("Waiting for {model}…").format(model=model))

    @Slot(float)
    def _on_first_token(self, seconds: float) -> None:
        self._first_token_s = seconds
        self.reply_label.setText(self.tr("Answering…"))
        # The model is in memory now: show where it runs for this answer.
        self._residency.refresh_now()

    @Slot(object)
    def _on_reply_finished(self, stats: ReplyStats) -> None:
        summary = describe_stats(stats, self._first_token_s)
        note = " · ".join(part for part in (summary, self._placement_note(self._chat.model)) if part)
        self.chat_view.end_reply(note)
        self.reply_label.setText(summary)
        self._residency.refresh_now()

    @Slot()
    def _on_reply_stopped(self) -> None:
        self.chat_view.end_reply(self.tr("Stopped."))
        self.reply_label.setText(self.tr("Stopped."))

    @Slot(object)
    def _on_reply_failed(self, error: OllamaError) -> None:
        self.chat_view.end_reply()
        self.chat_view.add_error(describe_error(error, self._connection.client.host, self._chat.model))
        self.reply_label.setText(self.tr("The answer failed."))
        if isinstance(error, ServerUnreachable):
            self._connection.check_now()
        elif isinstance(error, ModelNotFound):
            self._connection.refresh_models()
        if worth_diagnosing(error):
            self._residency.diagnose(error, self._chat.model)

    @Slot(bool)
    def _on_busy_changed(self, busy: bool) -> None:
        self.send_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        self.stop_action.setEnabled(busy)

    @Slot()
    def _on_chat_cleared(self) -> None:
        self.chat_view.clear_chat()
        self.reply_label.clear()
        self.prompt.setFocus()

    # -- window life ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._resume_polling()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._pause_polling()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            if self.isMinimized():
                self._pause_polling()
            elif self.isVisible():
                self._resume_polling()

    def _pause_polling(self) -> None:
        """Nobody is looking: no requests at all until the window shows again."""
        self._residency.pause()
        self._connection.pause()

    def _resume_polling(self) -> None:
        self._connection.resume()
        self._residency.resume()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and self.tray is not None and self._keep_in_tray():
            event.ignore()
            self.hide()
            return
        self._settings.set_window_geometry(self.saveGeometry())
        self._settings.sync()
        self._chat.shutdown()
        self._connection.stop()
        self._residency.shutdown()
        super().closeEvent(event)
        if self.tray is not None:
            self.tray.hide()
            # With a tray the app does not quit on the last window closing (see app.py): quit here.
            QApplication.quit()

    def _keep_in_tray(self) -> bool:
        choice = self._settings.close_to_tray
        if choice is None:
            choice = self.ask_close_to_tray(self)
            self._settings.set_close_to_tray(choice)
            self.close_to_tray_action.setChecked(choice)
        return choice

    @staticmethod
    def ask_close_to_tray(parent: QWidget) -> bool:
        """Asked once, on the first close; tests replace this."""
        answer = QMessageBox.question(
            parent,
            QApplication.translate("MainWindow", "Keep Ollama Desktop running?"),
            QApplication.translate(
                "MainWindow",
                "When you close the window, Ollama Desktop can keep running as an icon in the tray, so "
                "you can free memory from there (for example before starting a game).\n\n"
                "Keep it running in the tray? You can change this later in the Memory menu.",
            ),
        )
        return answer == QMessageBox.StandardButton.Yes
