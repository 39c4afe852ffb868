"""The main window: model picker, chat, prompt box with Send and Stop, status bar."""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QStandardPaths, Qt, QTimer, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QHideEvent,
    QKeySequence,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QSystemTrayIcon,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ollama_desktop import app_version, i18n
from ollama_desktop.controllers.benchmark import BenchmarkController
from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController, ConnectionStatus, State
from ollama_desktop.controllers.history import HistoryController
from ollama_desktop.controllers.models import ModelsController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.controllers.servers import ServersController
from ollama_desktop.core.conversation import ROLE_ASSISTANT, ROLE_USER
from ollama_desktop.core.errors import (
    ModelNotFound,
    OllamaError,
    RequestTimedOut,
    ServerUnreachable,
    StreamIncomplete,
)
from ollama_desktop.core.history_store import (
    ConversationSummary,
    Fork,
    StorageError,
    StorageTooNew,
    StoredConversation,
    StoredMessage,
    title_from,
)
from ollama_desktop.core.host import is_local, parse_host
from ollama_desktop.core.keep_alive import KeepAlive
from ollama_desktop.core.residency import find, now_utc
from ollama_desktop.core.responses import InstalledModel, ReplyStats, RunningModel
from ollama_desktop.core.servers import Server, with_server
from ollama_desktop.settings import Settings
from ollama_desktop.ui.chat_view import ChatEntry, ChatView
from ollama_desktop.ui.history_sidebar import HistorySidebar
from ollama_desktop.ui.history_texts import (
    file_problem_text,
    history_reset_text,
    markdown_labels,
    message_note,
    storage_problem_text,
    storage_read_text,
)
from ollama_desktop.ui.messages import ErrorText, explain_error
from ollama_desktop.ui.model_picker import ModelComboBox
from ollama_desktop.ui.plain_text import notification_text, plain_label
from ollama_desktop.ui.prompt_edit import PromptEdit
from ollama_desktop.ui.reply_speeds import describe_live_speed, describe_reply_speeds
from ollama_desktop.ui.residency_text import diagnosis_text, placement_text, verdict_text
from ollama_desktop.ui.server_picker import ServerPicker
from ollama_desktop.ui.status_bar import WindowStatusBar
from ollama_desktop.ui.storage_banner import StorageBanner
from ollama_desktop.ui.tray import TrayIcon
from ollama_desktop.ui.unload_summary import unload_summary
from ollama_desktop.ui.version_bar import VersionBar
from ollama_desktop.ui.welcome_panel import Screen, WelcomePanel

# The dialogs are imported when first opened, not with the window: together they cost ~90 ms of
# imports (QtCharts and the benchmark alone ~70 ms) that the first frame would otherwise wait for.
if TYPE_CHECKING:
    from ollama_desktop.core.diagnosis import Diagnosis
    from ollama_desktop.core.unloading import UnloadResult
    from ollama_desktop.ui.benchmark_dialog import BenchmarkDialog
    from ollama_desktop.ui.models_dialog import ModelsDialog
    from ollama_desktop.ui.unload_dialog import UnloadDialog


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
        models: ModelsController | None = None,
        servers: ServersController | None = None,
        benchmark: BenchmarkController | None = None,
        history: HistoryController | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._connection = connection
        self._chat = chat
        self._residency = residency
        self.tray = tray
        self._models = models
        self._servers = servers
        self._benchmark = benchmark
        self._benchmark_dialog: BenchmarkDialog | None = None
        self._models_dialog: ModelsDialog | None = None
        self._missing_model = ""
        self._quitting = False
        self._closed = False
        self._resume_when_painted = False
        self._unload_dialog: UnloadDialog | None = None
        self._first_token_s: float | None = None
        # Why the answer in flight went quiet: None while it flows; "" while /api/ps is asked why.
        self._quiet_cause: str | None = None
        chat.keep_alive = settings.keep_alive.request_value
        self.setWindowTitle(self.tr("Ollama Desktop"))

        self._create_widgets()

        self._build_actions()
        self._build_layout()
        self._connect()
        self._build_history(history)
        self._refresh_server_list()
        self._on_status_changed(connection.status)
        self._on_models_loaded(connection.models)
        if settings.window_geometry is not None:
            self.restoreGeometry(settings.window_geometry)
        else:
            self.resize(900, 680)
        self.prompt.setFocus()

    # -- construction --------------------------------------------------------------------------

    def _create_widgets(self) -> None:
        self.model_picker = ModelComboBox()
        self.server_picker = ServerPicker()
        self.server_label = QLabel(self.tr("Ser&ver:"))
        self.server_label.setBuddy(self.server_picker)
        self.chat_view = ChatView()
        self.prompt = PromptEdit()
        self.prompt.setFixedHeight(self.prompt.fontMetrics().lineSpacing() * 4 + 16)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setDefault(True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setEnabled(False)
        self.stop_button.setToolTip(self.tr("Stop the answer (Esc)"))
        self.status_line = WindowStatusBar()
        self.connection_label = self.status_line.connection_label
        self.reply_label = self.status_line.reply_label
        self.residency_indicator = self.status_line.residency_indicator
        self.verdict_label = plain_label()
        self.verdict_label.setWordWrap(True)
        self.welcome = WelcomePanel()
        self.chat_stack = QStackedWidget()
        self.offer_label = plain_label()
        self.offer_label.setWordWrap(True)
        self.offer_button = QPushButton(self.tr("Download it"))
        self.offer_bar = QWidget()

    def _build_actions(self) -> None:
        self.new_chat_action = QAction(self.tr("&New chat"), self)
        self.new_chat_action.setShortcut(QKeySequence.StandardKey.New)
        self.stop_action = QAction(self.tr("&Stop answer"), self)
        self.stop_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.stop_action.setEnabled(False)
        self.options_action = QAction(self.tr("Chat &settings…"), self)
        self.server_action = QAction(self.tr("Ollama &server…"), self)
        self.remove_server_action = QAction(self.tr("Remove this server"), self)
        self.refresh_action = QAction(self.tr("&Refresh models"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.about_action = QAction(self.tr("&About Ollama Desktop"), self)
        self.models_action = QAction(self.tr("&Models…"), self)
        self.models_action.setToolTip(self.tr("Installed models: details, delete, download new ones"))
        self.models_action.setShortcut(QKeySequence("Ctrl+M"))
        self.models_action.setVisible(self._models is not None)
        self.benchmark_action = QAction(self.tr("&Benchmark models…"), self)
        self.benchmark_action.setToolTip(
            self.tr("Find out which of your models answers fastest on this computer")
        )
        self.benchmark_action.setVisible(self._benchmark is not None)
        self._build_memory_actions()

        chat_menu = self.menuBar().addMenu(self.tr("&Chat"))
        for action in (self.new_chat_action, self.stop_action, self.options_action):
            chat_menu.addAction(action)
        chat_menu.addSeparator()
        chat_menu.addAction(self.quit_action)
        server_menu = self.menuBar().addMenu(self.tr("&Ollama"))
        server_menu.addAction(self.models_action)
        server_menu.addAction(self.benchmark_action)
        server_menu.addAction(self.refresh_action)
        server_menu.addAction(self.server_action)
        server_menu.addAction(self.remove_server_action)
        memory_menu = self.menuBar().addMenu(self.tr("&Memory"))
        memory_menu.addAction(self.free_memory_action)
        memory_menu.addAction(self.unload_dialog_action)
        memory_menu.addAction(self.warm_up_action)
        memory_menu.addSeparator()
        keep_menu = memory_menu.addMenu(self.tr("&Keep models in memory"))
        keep_menu.addActions(list(self.keep_alive_actions.values()))
        memory_menu.addAction(self.close_to_tray_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._build_language_menu(help_menu)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _build_language_menu(self, menu: QMenu) -> None:
        """System / English / 繁體中文 / 简体中文 / 한국어: each language named in its own words."""
        self.language_menu = menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        system = self.tr("System language ({language})").format(
            language=i18n.LANGUAGES[i18n.system_language()]
        )
        for code, name in {i18n.SYSTEM: system, **i18n.LANGUAGES}.items():
            action = QAction(name, group)
            action.setCheckable(True)
            action.setChecked(
                code == (self._settings.language if self._settings.language in i18n.LANGUAGES else "")
            )
            action.setData(code)
            self.language_actions[code] = action
            self.language_menu.addAction(action)
        group.triggered.connect(self._on_language_triggered)

    def _build_memory_actions(self) -> None:
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

    def _build_status_bar(self) -> None:
        self.setStatusBar(self.status_line)

    def _build_layout(self) -> None:
        self.toolbar = QToolBar(self.tr("Main toolbar"))
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.new_chat_action)
        self.toolbar.addAction(self.options_action)
        self.toolbar.addAction(self.models_action)
        self.toolbar.addAction(self.benchmark_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.warm_up_action)
        self.toolbar.addAction(self.free_memory_action)
        self.toolbar.addAction(self.unload_dialog_action)
        self.addToolBar(self.toolbar)
        top = QHBoxLayout()
        top.addWidget(self.server_label)
        top.addWidget(self.server_picker)
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
        self.chat_stack.addWidget(self.chat_view)
        self.chat_stack.addWidget(self.welcome)
        layout.addWidget(self.chat_stack, 1)
        offer_layout = QHBoxLayout(self.offer_bar)
        offer_layout.setContentsMargins(0, 0, 0, 0)
        offer_layout.addWidget(self.offer_label, 1)
        offer_layout.addWidget(self.offer_button)
        dismiss = QPushButton(self.tr("Not now"))
        dismiss.clicked.connect(self.offer_bar.hide)
        offer_layout.addWidget(dismiss)
        self.offer_bar.hide()
        layout.addWidget(self.offer_bar)
        layout.addLayout(bottom)
        self.setCentralWidget(central)
        self._build_status_bar()

    def _connect(self) -> None:
        self.send_button.clicked.connect(self._on_send_clicked)
        self.prompt.submitted.connect(self._on_send_clicked)
        self.stop_button.clicked.connect(self._chat.stop)
        self.stop_action.triggered.connect(self._chat.stop)
        self.new_chat_action.triggered.connect(self._chat.new_chat)
        self.options_action.triggered.connect(self._on_options_triggered)
        self.server_action.triggered.connect(self._on_server_triggered)
        self.remove_server_action.triggered.connect(self._on_remove_server_triggered)
        self.server_picker.server_chosen.connect(self.switch_server)
        if self._servers is not None:
            self._servers.status_changed.connect(self.server_picker.set_status)
        self.refresh_action.triggered.connect(self._connection.refresh_models)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self._on_about_triggered)
        self.model_picker.currentIndexChanged.connect(self._on_model_changed)

        self._connection.status_changed.connect(self._on_status_changed)
        self._connection.models_loaded.connect(self._on_models_loaded)
        self._chat.question_added.connect(self.chat_view.add_question)
        self._chat.reply_started.connect(self._on_reply_started)
        self._chat.reply_text_arrived.connect(self.chat_view.append_reply)
        self._chat.reply_thinking_arrived.connect(self.chat_view.append_thinking)
        self._chat.reply_progressed.connect(self._on_reply_progressed)
        self._chat.reply_quiet.connect(self._on_reply_quiet)
        self._chat.first_token_arrived.connect(self._on_first_token)
        self._chat.reply_finished.connect(self._on_reply_finished)
        self._chat.reply_stopped.connect(self._on_reply_stopped)
        self._chat.reply_failed.connect(self._on_reply_failed)
        self._chat.prompt_restored.connect(self._on_prompt_restored)
        self._chat.busy_changed.connect(self._on_busy_changed)
        self._chat.chat_cleared.connect(self._on_chat_cleared)

        self._connect_models()
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
        self._residency.stall_diagnosed.connect(self._on_stall_diagnosed)
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
            self.show_notice(self.tr("Choose a model first."), 5000)
            return
        if self._chat.send(text):
            self.prompt.clear()

    @Slot()
    def _on_options_triggered(self) -> None:
        from ollama_desktop.ui.chat_options_dialog import ChatOptionsDialog  # noqa: PLC0415 - dialogs load when opened

        options = ChatOptionsDialog.ask(
            self._chat.conversation.options, self, can_think=self._chat.can_think(self._chat.model)
        )
        if options is not None:
            self._chat.set_options(options)

    @Slot()
    def _on_server_triggered(self) -> None:
        """Add a server (or rename the current one) and switch to it."""
        current = self._settings.host()
        known = {server.url: server.name for server in self._settings.servers}
        is_default = current == self._settings.default_host()
        from ollama_desktop.ui.server_dialog import ServerDialog  # noqa: PLC0415 - dialogs load when opened

        choice = ServerDialog.ask(
            "" if is_default else current,
            self._settings.default_host(),
            self._connection.probe,
            self,
            name=known.get(current, ""),
        )
        if choice is None:
            return
        name, text = choice
        url = parse_host(text) if text else self._settings.default_host()
        if text:
            server = Server(name or urllib.parse.urlsplit(url).hostname or url, url)
            self._settings.set_servers(with_server(self._settings.servers, server))
        self._refresh_server_list()
        self.switch_server(url)

    @Slot(str)
    def switch_server(self, url: str) -> None:
        """Talk to another server from now on (the chat stays; the next question goes there)."""
        self._settings.set_host_override("" if url == self._settings.default_host() else url)
        self.server_picker.select(url)
        self.remove_server_action.setEnabled(url != self._settings.default_host())
        if url != self._connection.client.host:
            self._connection.set_host(url)
            self._residency.forget()

    @Slot()
    def _on_remove_server_triggered(self) -> None:
        current = self._settings.host()
        if current == self._settings.default_host():
            return
        self._settings.set_servers([s for s in self._settings.servers if s.url != current])
        self._refresh_server_list()
        self.switch_server(self._settings.default_host())

    def _refresh_server_list(self) -> None:
        servers = self._settings.servers
        self.server_picker.set_servers(servers, self._settings.host())
        self.server_picker.setVisible(len(servers) > 1)
        self.server_label.setVisible(len(servers) > 1)
        self.remove_server_action.setEnabled(self._settings.host() != self._settings.default_host())
        if self._servers is not None:
            self._servers.set_servers(servers)

    @Slot(QAction)
    def _on_language_triggered(self, action: QAction) -> None:
        code = action.data() if isinstance(action.data(), str) else i18n.SYSTEM
        if code == self._settings.language:
            return
        self._settings.set_language(code)
        # Said in the language in use now and, below, in the one chosen (it takes over at the next start).
        notices = [
            _restart_notice(QApplication.translate),
            _restart_notice(i18n.translated_in(i18n.resolve(code))),
        ]
        self.tell_restart_needed(self, "\n\n".join(dict.fromkeys(notices)))

    @staticmethod
    def tell_restart_needed(parent: QWidget, text: str) -> None:
        """Say that the language changes at the next start; tests replace this."""
        QMessageBox.information(parent, QApplication.translate("MainWindow", "Language"), text)

    @Slot()
    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Ollama Desktop"),
            self.tr("Ollama Desktop {version}\nA desktop chat app for the Ollama server.").format(
                version=app_version()
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
            self.show_notice(self.tr("Freeing memory…"))

    @Slot()
    def _on_unload_dialog_triggered(self) -> None:
        if self._unload_dialog is None:
            from ollama_desktop.ui.unload_dialog import UnloadDialog  # noqa: PLC0415 - dialogs load when opened

            self._unload_dialog = UnloadDialog(self._residency, self._connection.client.host, self)
        self._unload_dialog.show()
        self._unload_dialog.raise_()
        self._unload_dialog.activateWindow()

    @Slot()
    def _on_warm_up_triggered(self) -> None:
        model = self._chat.model
        if not model:
            self.show_notice(self.tr("Choose a model first."), 5000)
            return
        self._residency.warm_up(model, self._settings.keep_alive.load_value)

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

    # -- models and first-run screens ----------------------------------------------------------

    def _connect_models(self) -> None:
        self.models_action.triggered.connect(self.open_models)
        self.benchmark_action.triggered.connect(self.open_benchmark)
        self.welcome.settings_requested.connect(self.server_action.trigger)
        self.welcome.models_requested.connect(self.open_models)
        self.welcome.pull_requested.connect(self.pull_model)
        self.offer_button.clicked.connect(self._on_offer_clicked)
        if self._models is not None:
            self._models.pull_finished.connect(self._on_models_changed)
            self._models.deleted.connect(self._on_models_changed)

    @Slot()
    def open_models(self) -> ModelsDialog | None:
        if self._models is None:
            return None
        if self._models_dialog is None:
            from ollama_desktop.ui.models_dialog import ModelsDialog  # noqa: PLC0415 - dialogs load when opened

            self._models_dialog = ModelsDialog(self._models, self._connection.client.host, self)
            # While it shows, the list is read again now and then: models pulled in a terminal appear.
            self._models_dialog.shown_changed.connect(self._connection.watch_models)
        self._models_dialog.set_models(self._connection.models)
        self._models_dialog.set_loaded(self._residency.loaded)
        self._models_dialog.show()
        self._models_dialog.raise_()
        self._connection.recheck_models()  # also when it was open already: the user asks to look
        return self._models_dialog

    @Slot()
    def open_benchmark(self) -> BenchmarkDialog | None:
        if self._benchmark is None:
            return None
        if self._benchmark_dialog is None:
            from ollama_desktop.ui.benchmark_dialog import BenchmarkDialog  # noqa: PLC0415 - dialogs load when opened

            self._benchmark_dialog = BenchmarkDialog(self._benchmark, self._connection.models, self)
            self._connection.models_loaded.connect(self._benchmark_dialog.set_models)
        self._benchmark_dialog.show()
        self._benchmark_dialog.raise_()
        return self._benchmark_dialog

    @Slot(str)
    def pull_model(self, name: str) -> None:
        """Open the models window on `name` and start downloading it."""
        dialog = self.open_models()
        if dialog is not None:
            dialog.offer_pull(name)
            dialog.pull_button.click()

    @Slot()
    def _on_offer_clicked(self) -> None:
        self.offer_bar.hide()
        self.pull_model(self._missing_model)

    @Slot()
    def _on_models_changed(self) -> None:
        self._connection.refresh_models()
        self._residency.refresh_now()

    def _update_welcome(self) -> None:
        """The chat, or a screen that says what is missing (never over a conversation in progress)."""
        status = self._connection.status
        has_chat = bool(self._chat.conversation.messages) or self._chat.busy
        screen: Screen | None = None
        if status.state is State.UNREACHABLE and not has_chat:
            screen = Screen.NOT_RUNNING if is_local(status.host) else Screen.HOST_UNREACHABLE
        elif status.state is State.NOT_OLLAMA and status.error is not None and not has_chat:
            # Something answers there: "install Ollama" would send the user the wrong way.
            screen = Screen.NOT_OLLAMA
        elif (
            status.state is State.CONNECTED and not self._connection.models and self._connection.models_known
        ):
            screen = Screen.NO_MODELS
        if screen is None:
            self.chat_stack.setCurrentWidget(self.chat_view)
        else:
            problem = explain_error(status.error, status.host, "") if status.error is not None else None
            self.welcome.show_screen(screen, status.host, problem)
            self.chat_stack.setCurrentWidget(self.welcome)

    # -- memory --------------------------------------------------------------------------------

    @Slot(object)
    def _on_loaded_changed(self, loaded: tuple[RunningModel, ...]) -> None:
        if not self._residency.loading:
            self.residency_indicator.show_models(loaded, now_utc())
        self.model_picker.set_loaded(tuple(model.name for model in loaded))
        if self._models_dialog is not None:
            self._models_dialog.set_loaded(loaded)
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
        self._show_problem(explain_error(error, self._connection.client.host, model))

    @Slot(object)
    def _on_unload_finished(self, result: UnloadResult) -> None:
        summary = unload_summary(result)
        self.show_notice(summary, 15000)
        if self.tray is not None and not self.isVisible():
            self.tray.showMessage(
                self.tr("Ollama Desktop"), notification_text(summary), QSystemTrayIcon.MessageIcon.Information
            )

    @Slot(object)
    def _on_unload_failed(self, error: OllamaError) -> None:
        self._show_problem(explain_error(error, self._connection.client.host, ""))

    def _show_problem(self, text: ErrorText) -> None:
        self.status_line.show_problem(text)

    def show_notice(self, text: str, timeout_ms: int = 0, *, tooltip: str = "") -> None:
        """A notice in the status bar for `timeout_ms` (see `WindowStatusBar.show_notice`)."""
        self.status_line.show_notice(text, timeout_ms, tooltip=tooltip)

    def clear_notice(self) -> None:
        self.status_line.clear_notice()

    def notice_text(self) -> str:
        """The notice showing now, or ""."""
        return self.status_line.notice_text()

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
        self.status_line.show_connection(status)
        self._update_welcome()
        if status.state is State.CONNECTED and not self._residency.known:
            self._residency.refresh_now()

    @Slot(object)
    def _on_models_loaded(self, models: tuple[InstalledModel, ...]) -> None:
        self.model_picker.set_models(models, prefer=self._settings.last_model)
        if self._models_dialog is not None:
            self._models_dialog.set_models(models)
        self._update_welcome()
        if not models and self._connection.status.state is State.CONNECTED:
            self.model_picker.setPlaceholderText(self.tr("No models installed"))

    @Slot(str)
    def _on_reply_started(self, model: str) -> None:
        self._first_token_s = None
        self._quiet_cause = None
        self.chat_view.begin_reply(model)
        self.reply_label.setText(self.tr("Waiting for {model}…").format(model=model))

    @Slot(float)
    def _on_first_token(self, seconds: float) -> None:
        self._first_token_s = seconds
        self.reply_label.setText(self.tr("Answering…"))
        # The model is in memory now: show where it runs for this answer.
        self._residency.refresh_now()

    @Slot(int, float)
    def _on_reply_progressed(self, tokens: int, seconds: float) -> None:
        self._quiet_cause = None  # text flows again: a later silence gets a fresh look
        speed = describe_live_speed(tokens, seconds)
        self.chat_view.set_reply_note(speed)
        found = find(self._chat.model, self._residency.loaded)
        if found is not None:
            where = placement_text(found)
            self.reply_label.setText(
                self.tr("Answering… {speed} · runs on: {where}").format(speed=speed, where=where)
            )
        else:
            self.reply_label.setText(self.tr("Answering… {speed}").format(speed=speed))

    @Slot(int, bool)
    def _on_reply_quiet(self, seconds: int, answering: bool) -> None:
        """Nothing has come for a while: say so, why it may be, and that Stop ends it."""
        model = self._chat.model
        if answering:
            if self._quiet_cause is None:
                self._quiet_cause = ""
                self._residency.diagnose_stall(model)
            status = self.tr("Nothing has arrived for {seconds} s. Stop (Esc) ends it.")
            note = self.tr(
                "Nothing has arrived for {seconds} s. {cause} Stop (Esc) ends the answer and keeps what came."
            )
        else:
            status = self.tr("{model} has sent nothing for {seconds} s. Stop (Esc) ends it.")
            note = self.tr(
                "{model} has sent nothing for {seconds} s. A large model can take minutes to load. "
                "Stop (Esc) ends the wait."
            )
        self.reply_label.setText(status.format(model=model, seconds=seconds))
        note = note.format(model=model, seconds=seconds, cause=self._quiet_cause or "")
        self.chat_view.set_reply_note(" ".join(note.split()))  # no double space without a cause

    @Slot(object)
    def _on_stall_diagnosed(self, diagnosis: Diagnosis) -> None:
        if self._chat.busy and self._quiet_cause is not None:
            self._quiet_cause = diagnosis_text(diagnosis)

    @Slot(object)
    def _on_reply_finished(self, stats: ReplyStats) -> None:
        summary = describe_reply_speeds(stats, self._first_token_s)
        note = " · ".join(part for part in (summary, self._placement_note(self._chat.model)) if part)
        self.chat_view.end_reply(note, self._chat.answer_text)  # Copy takes the conversation's text
        self.reply_label.setText(summary)
        self._residency.refresh_now()

    @Slot(bool)
    def _on_reply_stopped(self, kept: bool) -> None:
        self.chat_view.end_reply(self.tr("Stopped."), self._chat.answer_text)
        if kept:
            self.reply_label.setText(self.tr("Stopped."))
        else:
            self.reply_label.setText(
                self.tr("Stopped before the answer began. Your question is back in the box below.")
            )

    @Slot(str)
    def _on_prompt_restored(self, question: str) -> None:
        """A question got no answer: it leaves the chat, as it left the conversation, and goes back
        into the prompt box (one place, so that the next text is not sent glued onto it)."""
        self.chat_view.withdraw_question()
        self.prompt.restore(question)
        self.prompt.setFocus()

    @Slot(object)
    def _on_reply_failed(self, error: OllamaError) -> None:
        self.chat_view.end_reply("", self._chat.answer_text)
        problem = explain_error(error, self._connection.client.host, self._chat.model)
        self.chat_view.add_error(problem.message, problem.details)
        self.reply_label.setText(self.tr("The answer failed."))
        if isinstance(error, ServerUnreachable | StreamIncomplete | RequestTimedOut):
            # The server may be gone: find out now rather than at the next scheduled check.
            self._connection.check_now()
        elif isinstance(error, ModelNotFound):
            self._connection.refresh_models()
            if self._models is not None:
                # Kept: the picker moves on to another model once the list is reloaded.
                self._missing_model = self._chat.model
                self.offer_label.setText(
                    self.tr("“{model}” is not installed on this server. Download it now?").format(
                        model=self._chat.model
                    )
                )
                self.offer_bar.show()
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

    # -- saved history (issue #6): the chat list, versions, export and import ---------------------

    def _build_history(self, history: HistoryController | None) -> None:
        """Regenerate, Edit a question and the version strip (always); with a history controller
        also the list of saved chats beside the chat, export and import, and the saving notice."""
        self.history = history
        self.regenerate_action = QAction(self.tr("&Regenerate answer"), self)
        # Not Ctrl+R: on macOS that is the standard Refresh (Refresh models here).
        self.regenerate_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.regenerate_action.setToolTip(
            self.tr("Ask the last question again for a new answer (Ctrl+Shift+R)")
        )
        self.edit_question_action = QAction(self.tr("&Edit a question…"), self)
        self.edit_question_action.setShortcut(QKeySequence("Ctrl+E"))
        self.edit_question_action.setToolTip(
            self.tr("Change one of your questions and ask it again (Ctrl+E)")
        )
        self.export_markdown_action = QAction(self.tr("Export chat as &Markdown…"), self)
        self.export_json_action = QAction(self.tr("Export chat as &JSON…"), self)
        self.import_action = QAction(self.tr("&Import chat…"), self)
        self.version_bar = VersionBar([self.edit_question_action, self.regenerate_action])
        self.storage_banner = StorageBanner()
        central = self.centralWidget()
        layout = central.layout() if central is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.storage_banner)
            layout.insertWidget(layout.indexOf(self.chat_stack) + 1, self.version_bar)
        menus = [menu for menu in self.quit_action.associatedObjects() if isinstance(menu, QMenu)]
        chat_menu = menus[0] if menus else self.menuBar().addMenu(self.tr("&Chat"))
        chat_menu.insertActions(self.quit_action, [self.regenerate_action, self.edit_question_action])
        chat_menu.insertSeparator(self.quit_action)
        self.regenerate_action.triggered.connect(self._on_regenerate_triggered)
        self.edit_question_action.triggered.connect(self._on_edit_question_triggered)
        self.version_bar.version_requested.connect(self._on_version_requested)
        self._chat.busy_changed.connect(self._update_history_actions)
        self._chat.chat_cleared.connect(self._update_history_actions)
        self._chat.conversation_loaded.connect(self._update_history_actions)
        self._chat.conversation_truncated.connect(self._on_chat_rewritten)
        self._chat.conversation_restored.connect(self._on_chat_rewritten)
        self._update_history_actions()
        if history is not None:
            self._build_history_sidebar(history, chat_menu)
            self._connect_history(history)

    def _build_history_sidebar(self, history: HistoryController, chat_menu: QMenu) -> None:
        self.history_sidebar = HistorySidebar()
        self.history_dock = QDockWidget(self.tr("Chats"), self)
        self.history_dock.setObjectName("history_dock")
        self.history_dock.setWidget(self.history_sidebar)
        self.history_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.history_dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.history_dock)
        self.resizeDocks([self.history_dock], [260], Qt.Orientation.Horizontal)
        self.show_history_action = self.history_dock.toggleViewAction()
        self.show_history_action.setText(self.tr("Chat &list"))
        self.show_history_action.setToolTip(self.tr("Show or hide the list of your saved chats (Ctrl+B)"))
        self.show_history_action.setShortcut(QKeySequence("Ctrl+B"))
        self.toolbar.insertAction(self.new_chat_action, self.show_history_action)
        chat_menu.insertActions(
            self.quit_action, [self.export_markdown_action, self.export_json_action, self.import_action]
        )
        chat_menu.insertSeparator(self.quit_action)
        chat_menu.insertAction(self.quit_action, self.show_history_action)
        chat_menu.insertSeparator(self.quit_action)
        if self._settings.window_state is not None:
            self.restoreState(self._settings.window_state)
        else:
            QTimer.singleShot(0, self._make_room_for_history)

    @Slot()
    def _make_room_for_history(self) -> None:
        """First start: the chat keeps its width and the list gets room of its own beside it."""
        width = self.history_sidebar.sizeHint().width()
        if self._settings.window_geometry is None:
            screen = self.screen().availableGeometry().width()
            self.resize(min(self.width() + width, screen), self.height())
        self.resizeDocks([self.history_dock], [width], Qt.Orientation.Horizontal)

    def _connect_history(self, history: HistoryController) -> None:
        sidebar = self.history_sidebar
        sidebar.new_chat_requested.connect(self.new_chat_action.trigger)
        sidebar.open_requested.connect(history.open)
        sidebar.rename_requested.connect(history.rename)
        sidebar.delete_requested.connect(history.delete)
        sidebar.undo_requested.connect(history.undo_delete)
        sidebar.purge_requested.connect(history.purge)
        sidebar.search_requested.connect(history.search)
        sidebar.export_requested.connect(self._export_chat)
        self.export_markdown_action.triggered.connect(
            lambda: self._export_chat(history.current_uid, "markdown")
        )
        self.export_json_action.triggered.connect(lambda: self._export_chat(history.current_uid, "json"))
        self.import_action.triggered.connect(self._on_import_triggered)
        self.storage_banner.retry_requested.connect(history.retry)
        history.conversations_listed.connect(sidebar.show_conversations)
        history.search_finished.connect(sidebar.show_search_results)
        history.current_changed.connect(self._on_history_current_changed)
        history.conversation_opened.connect(self._on_conversation_opened)
        history.forks_changed.connect(self._update_history_actions)
        history.conversation_deleted.connect(sidebar.show_deleted)
        history.storage_failed.connect(self._on_storage_failed)
        history.storage_recovered.connect(self._on_storage_recovered)
        history.history_reset.connect(self._on_history_reset)
        history.read_failed.connect(self._on_history_read_failed)
        history.exported.connect(self._on_chat_exported)
        history.export_failed.connect(self._on_chat_export_failed)
        history.imported.connect(self._on_chat_imported)
        history.import_failed.connect(self._on_chat_import_failed)

    def _entries(self, messages: Sequence[StoredMessage]) -> list[ChatEntry]:
        return [
            ChatEntry(ROLE_USER, message.content)
            if message.role == ROLE_USER
            else ChatEntry(
                ROLE_ASSISTANT, message.content, message.model, message_note(message), message.thinking
            )
            for message in messages
        ]

    @Slot()
    def _update_history_actions(self) -> None:
        messages = self._chat.conversation.messages
        idle = not self._chat.busy
        has_question = any(message.role == ROLE_USER for message in messages)
        self.regenerate_action.setEnabled(
            idle and bool(messages) and messages[-1].role in (ROLE_USER, ROLE_ASSISTANT)
        )
        self.edit_question_action.setEnabled(idle and has_question)
        has_chat = bool(messages)
        for action in (
            getattr(self, "export_markdown_action", None),
            getattr(self, "export_json_action", None),
        ):
            if action is not None:
                action.setEnabled(has_chat)
        forks = self.history.forks if self.history is not None else ()
        numbered: list[tuple[Fork, int]] = []
        for fork in forks:
            same_role = [m for m in messages[: fork.index + 1] if m.role == fork.role]
            numbered.append((fork, len(same_role)))
        self.version_bar.show_forks(numbered, enabled=idle)
        self.version_bar.setVisible(has_chat)

    @Slot()
    def _on_regenerate_triggered(self) -> None:
        if not self._chat.model:
            self.show_notice(self.tr("Choose a model first."), 5000)
            return
        self._chat.regenerate()

    @Slot()
    def _on_edit_question_triggered(self) -> None:
        messages = self._chat.conversation.messages
        places = [index for index, message in enumerate(messages) if message.role == ROLE_USER]
        if not places or self._chat.busy:
            return
        if not self._chat.model:
            self.show_notice(self.tr("Choose a model first."), 5000)
            return
        keeps = self.history is not None and self.history.saving
        from ollama_desktop.ui.edit_question_dialog import EditQuestionDialog  # noqa: PLC0415 - dialogs load when opened

        choice = EditQuestionDialog.ask([messages[index].content for index in places], keeps, self)
        if choice is not None:
            number, text = choice
            self._chat.edit_question(places[number], text)

    @Slot(str)
    def _on_version_requested(self, uid: str) -> None:
        if self.history is not None:
            self.history.switch_version(uid)

    @Slot()
    def _on_chat_rewritten(self) -> None:
        """Regenerate or edit cut the chat back (or put it back): show it as it stands now."""
        messages = self._chat.conversation.messages
        path = self.history.path if self.history is not None else ()
        if [(m.role, m.content) for m in path] == [(m.role, m.content) for m in messages]:
            entries = self._entries(path)
        else:
            entries = [ChatEntry(message.role, message.content) for message in messages]
        self.chat_view.show_chat(entries)
        self.reply_label.clear()
        self._update_history_actions()

    @Slot(object)
    def _on_conversation_opened(self, stored: StoredConversation) -> None:
        self.chat_view.show_chat(self._entries(stored.path))
        self.reply_label.clear()
        self._update_welcome()
        model = stored.record.model
        index = self.model_picker.findData(model, Qt.ItemDataRole.UserRole) if model else -1
        if index >= 0:
            self.model_picker.setCurrentIndex(index)
        elif model and model != self._chat.model:
            self.show_notice(
                self.tr(
                    "This chat used {model}, which is not installed here. Choose a model to go on."
                ).format(model=model),
                15000,
            )
        if stored.record.draft:
            self.prompt.restore(stored.record.draft)
        self.prompt.setFocus()
        self._update_history_actions()

    @Slot(str)
    def _on_history_current_changed(self, uid: str) -> None:
        self.history_sidebar.set_current(uid)
        self._update_history_actions()

    @Slot(str, str)
    def _export_chat(self, uid: str, kind: str) -> None:
        if self.history is None:
            return
        if not uid and not self._chat.conversation.messages:
            self.show_notice(self.tr("There is nothing to export yet."), 5000)
            return
        path = self.ask_export_path(self, kind, self._export_name(uid))
        if path is not None:
            self.history.export(uid, path, kind, markdown_labels())

    def _export_name(self, uid: str) -> str:
        """A file name to suggest: the chat's title as the list shows it."""
        wanted = uid or (self.history.current_uid if self.history is not None else "")
        for row in range(self.history_sidebar.list.count()):
            if wanted and self.history_sidebar.uid_at(row) == wanted:
                return self.history_sidebar.list.item(row).text()
        messages = self._chat.conversation.messages
        return title_from(messages[0].content) if messages else self.tr("Chat")

    @Slot()
    def _on_import_triggered(self) -> None:
        path = self.ask_import_path(self)
        if path is not None and self.history is not None:
            self.history.import_file(path)

    @Slot(object)
    def _on_storage_failed(self, error: StorageError) -> None:
        self.storage_banner.show_problem(
            storage_problem_text(error), can_retry=not isinstance(error, StorageTooNew)
        )
        if self.history is not None and not self.history.available:
            self.history_sidebar.set_unavailable(self.tr("Your saved chats cannot be shown right now."))

    @Slot()
    def _on_storage_recovered(self) -> None:
        self.storage_banner.hide()
        self.history_sidebar.set_unavailable("")
        self.show_notice(self.tr("Your chats are being saved again."), 8000)

    @Slot(str)
    def _on_history_reset(self, damaged_copy: str) -> None:
        self.storage_banner.show_problem(history_reset_text(damaged_copy), can_retry=False)

    @Slot(object)
    def _on_history_read_failed(self, error: StorageError) -> None:
        self.show_notice(storage_read_text(error), 8000)

    @Slot(str)
    def _on_chat_exported(self, path: str) -> None:
        self.show_notice(self.tr("Saved the chat as {path}").format(path=path), 15000)

    @Slot(str, object)
    def _on_chat_export_failed(self, path: str, error: Exception) -> None:
        text = file_problem_text(error, importing=False)
        self.show_notice(self.tr("Could not save {path}: {reason}").format(path=path, reason=text), 20000)

    @Slot(object)
    def _on_chat_imported(self, summary: ConversationSummary) -> None:
        self.show_notice(self.tr("Added “{title}” to your chats.").format(title=summary.title), 10000)

    @Slot(str, object)
    def _on_chat_import_failed(self, path: str, error: Exception) -> None:
        text = file_problem_text(error, importing=True)
        self.show_notice(self.tr("Could not import {path}: {reason}").format(path=path, reason=text), 20000)

    @staticmethod
    def ask_export_path(parent: QWidget, kind: str, name: str) -> Path | None:
        """Where to save an export; None if cancelled. Tests replace this."""
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        safe = "".join(char if char.isalnum() or char in " -_" else "_" for char in name).strip() or "chat"
        if kind == "markdown":
            suffix, filter_text = ".md", QApplication.translate("MainWindow", "Markdown (*.md)")
        else:
            suffix, filter_text = ".json", QApplication.translate("MainWindow", "Chat file (*.json)")
        chosen, _filter = QFileDialog.getSaveFileName(
            parent,
            QApplication.translate("MainWindow", "Export chat"),
            str(Path(documents) / f"{safe}{suffix}"),
            filter_text,
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix else path.with_suffix(suffix)

    @staticmethod
    def ask_import_path(parent: QWidget) -> Path | None:
        """Which exported chat to import; None if cancelled. Tests replace this."""
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _filter = QFileDialog.getOpenFileName(
            parent,
            QApplication.translate("MainWindow", "Import chat"),
            documents,
            QApplication.translate("MainWindow", "Chat file (*.json)"),
        )
        return Path(chosen) if chosen else None

    # -- window life ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Requests start once the window is on screen, not before: a worker's first call imports
        # the HTTP stack (~100 ms of Python), and on the GUI thread's way to its first frame every
        # Python call would wait for that thread to let go of the interpreter.
        self._resume_when_painted = True

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._resume_when_painted:
            self._resume_when_painted = False
            QTimer.singleShot(0, self, self._resume_if_shown)

    def _resume_if_shown(self) -> None:
        if self.isVisible() and not self.isMinimized():
            self._resume_polling()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._resume_when_painted = False
        self._pause_polling()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            # Back from another program (a terminal that pulled a model?): read the list again.
            # Cheap when nothing changed: nothing is redrawn.
            self._connection.recheck_models()
        if event.type() == QEvent.Type.WindowStateChange:
            if self.isMinimized():
                self._pause_polling()
            elif self.isVisible() and not self._resume_when_painted:  # not before the first paint
                self._resume_polling()

    def _pause_polling(self) -> None:
        """Nobody is looking: no requests at all until the window shows again."""
        self._residency.pause()
        self._connection.pause()
        if self._servers is not None:
            self._servers.pause()

    def _resume_polling(self) -> None:
        self._connection.resume()
        self._residency.resume()
        if self._servers is not None:
            self._servers.resume()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and self.tray is not None and self._keep_in_tray():
            event.ignore()
            self.hide()
            return
        self._closed = True
        self._settings.set_window_geometry(self.saveGeometry())
        self._settings.sync()
        self._chat.shutdown()
        if self.history is not None:
            self._settings.set_window_state(self.saveState())
            self.history.shutdown()  # after the chat stopped: its last words are written first
        self._connection.stop()
        self._residency.shutdown()
        if self._servers is not None:
            self._servers.shutdown()
        if self._benchmark is not None:
            self._benchmark.shutdown()
        if self._benchmark_dialog is not None:
            self._connection.models_loaded.disconnect(self._benchmark_dialog.set_models)
            self._benchmark_dialog.close()
        super().closeEvent(event)
        if self.tray is not None:
            self.tray.hide()
            # With a tray the app does not quit on the last window closing (see app.py): quit here.
            QApplication.quit()

    @property
    def closed(self) -> bool:
        """Whether the window was closed for good (not just hidden in the tray): the app is ending."""
        return self._closed

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


def _restart_notice(translate: Callable[[str, str], str]) -> str:
    """The notice after choosing a language, through `translate` (the app's, or another language's)."""
    return translate("MainWindow", "Ollama Desktop will use the new language the next time it starts.")
