"""The main window: model picker, chat, prompt box with Send and Stop, status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ollama_desktop import __version__
from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController, ConnectionStatus, State
from ollama_desktop.core.errors import ModelNotFound, OllamaError, ServerUnreachable
from ollama_desktop.core.responses import InstalledModel, ReplyStats
from ollama_desktop.settings import Settings
from ollama_desktop.ui.chat_options_dialog import ChatOptionsDialog
from ollama_desktop.ui.chat_view import ChatView
from ollama_desktop.ui.messages import describe_error, describe_stats
from ollama_desktop.ui.model_picker import ModelComboBox
from ollama_desktop.ui.prompt_edit import PromptEdit
from ollama_desktop.ui.server_dialog import ServerDialog


class MainWindow(QMainWindow):
    """Shows the chat and forwards the user's actions to the controllers; holds no logic of its own."""

    def __init__(
        self,
        settings: Settings,
        connection: ConnectionController,
        chat: ChatController,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._connection = connection
        self._chat = chat
        self._first_token_s: float | None = None
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

        chat_menu = self.menuBar().addMenu(self.tr("&Chat"))
        for action in (self.new_chat_action, self.stop_action, self.options_action):
            chat_menu.addAction(action)
        chat_menu.addSeparator()
        chat_menu.addAction(self.quit_action)
        server_menu = self.menuBar().addMenu(self.tr("&Ollama"))
        server_menu.addAction(self.refresh_action)
        server_menu.addAction(self.server_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _build_layout(self) -> None:
        new_chat_button = QPushButton(self.tr("New chat"))
        new_chat_button.clicked.connect(self.new_chat_action.trigger)
        options_button = QPushButton(self.tr("Chat settings…"))
        options_button.clicked.connect(self.options_action.trigger)
        top = QHBoxLayout()
        model_label = QLabel(self.tr("&Model:"))
        model_label.setBuddy(self.model_picker)
        top.addWidget(model_label)
        top.addWidget(self.model_picker, 1)
        top.addWidget(new_chat_button)
        top.addWidget(options_button)

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
        layout.addWidget(self.chat_view, 1)
        layout.addLayout(bottom)
        self.setCentralWidget(central)
        self.statusBar().addWidget(self.connection_label, 1)
        self.statusBar().addPermanentWidget(self.reply_label)

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

    # -- controller events ---------------------------------------------------------------------

    @Slot(object)
    def _on_status_changed(self, status: ConnectionStatus) -> None:
        if status.state is State.CONNECTED:
            text = self.tr("● Connected to Ollama {version} at {host}").format(
                version=status.version, host=status.host
            )
        elif status.state is State.UNREACHABLE:
            text = self.tr("○ Ollama is not reachable at {host}. Retrying every few seconds…").format(
                host=status.host
            )
        else:
            text = self.tr("Connecting to {host}…").format(host=status.host)
        self.connection_label.setText(text)

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

    @Slot(object)
    def _on_reply_finished(self, stats: ReplyStats) -> None:
        summary = describe_stats(stats, self._first_token_s)
        self.chat_view.end_reply(summary)
        self.reply_label.setText(summary)

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

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.set_window_geometry(self.saveGeometry())
        self._settings.sync()
        self._chat.shutdown()
        self._connection.stop()
        super().closeEvent(event)
