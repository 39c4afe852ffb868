"""The main window: model picker, chat, prompt box with Send and Stop, status bar."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ollama_desktop.controllers.attachments import AttachmentsController
from ollama_desktop.controllers.benchmark import BenchmarkController
from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController, ConnectionStatus, State
from ollama_desktop.controllers.context import ContextController
from ollama_desktop.controllers.current_server import CurrentServerController
from ollama_desktop.controllers.history import HistoryController
from ollama_desktop.controllers.models import ModelsController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.controllers.servers import ServersController
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.history.store import StoredConversation
from ollama_desktop.core.responses import InstalledModel, RunningModel
from ollama_desktop.settings import Settings
from ollama_desktop.ui.chat.attachments_pane import AttachmentsPane
from ollama_desktop.ui.chat.context_gauge import ContextPane
from ollama_desktop.ui.chat.prompt_edit import PromptEdit
from ollama_desktop.ui.chat.reply_status import ReplyStatus
from ollama_desktop.ui.chat.view import CHAT_COLUMN_WIDTH, ChatView
from ollama_desktop.ui.chat.welcome_panel import WelcomePanel, screen_for
from ollama_desktop.ui.history.pane import HistoryPane
from ollama_desktop.ui.history.texts import chat_entries
from ollama_desktop.ui.memory.pane import MemoryPane
from ollama_desktop.ui.messages import explain_error, explain_server_error
from ollama_desktop.ui.models.model_picker import ModelComboBox
from ollama_desktop.ui.models.pane import ModelsPane
from ollama_desktop.ui.screen_fit import fit_to_screen
from ollama_desktop.ui.servers.choice import ServerChoice
from ollama_desktop.ui.window.actions import WindowActions
from ollama_desktop.ui.window.availability import Availability
from ollama_desktop.ui.window.close_to_tray import ask_close_to_tray
from ollama_desktop.ui.window.composer import Composer
from ollama_desktop.ui.window.header import WindowHeader
from ollama_desktop.ui.window.polling import PollWhileShown
from ollama_desktop.ui.window.status_bar import WindowStatusBar
from ollama_desktop.ui.window.tray import TrayIcon


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
        current_server: CurrentServerController | None = None,
        benchmark: BenchmarkController | None = None,
        history: HistoryController | None = None,
        context: ContextController | None = None,
        attachments: AttachmentsController | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._connection = connection
        self._chat = chat
        self._residency = residency
        self.tray = tray
        self._servers = servers
        self._benchmark = benchmark
        self._quitting = False
        self._closed = False
        chat.keep_alive = settings.keep_alive.request_value
        self.setWindowTitle(self.tr("Ollama Desktop"))

        # app.py builds it with the other controllers; a window built alone (tests) makes its own.
        self._current_server = current_server or CurrentServerController(
            settings, connection, residency, servers, self
        )
        self._create_widgets()
        actions = self.window_actions = WindowActions(
            self, settings, models=models is not None, benchmark=benchmark is not None, tray=tray is not None
        )
        self.memory_pane = MemoryPane(
            self,
            settings=settings,
            chat=chat,
            connection=connection,
            residency=residency,
            actions=actions,
            status_line=self.status_line,
            chat_view=self.chat_view,
            tray=tray,
        )
        self.reply_status = ReplyStatus(chat, residency, self.chat_view, self.reply_label, self)
        self.models_pane = ModelsPane(
            self,
            connection=connection,
            residency=residency,
            actions=actions,
            models=models,
            benchmark=benchmark,
            current_model=self.model_picker.current_model,
        )
        self.server_choice = ServerChoice(self, self._current_server, connection, actions, servers)
        self.polling = PollWhileShown(self, connection, residency, servers)
        self.availability = Availability(
            connection,
            chat,
            residency,
            send_button=self.send_button,
            picker=self.model_picker,
            server_actions=(actions.free_memory_action, actions.benchmark_action),
            warm_up_action=actions.warm_up_action,
            parent=self,
        )
        self._build_layout()
        self._connect()
        self._context = context
        self.context_pane = None if context is None else _context_pane(self, context, chat)
        # The attached files, and Send with them (the checks before a question goes are there too).
        self.attachments_pane = AttachmentsPane(self, chat, connection, attachments, context)
        self.history = history
        self.history_pane = HistoryPane(
            self, chat, history, settings=settings, actions=actions, notify=self.show_notice
        )
        self._connect_history_pane()
        if self.history_pane.show_history_action is not None:
            self.header.add_leading(self.history_pane.show_history_action, "panel-left")
        self._current_server.publish()
        self._on_status_changed(connection.status)
        self._on_models_loaded(connection.models)
        if settings.window_geometry is not None:
            self.restoreGeometry(settings.window_geometry)
        else:
            # The first start: roomy on a large screen, whole on a 1366×768 laptop (the chat list
            # then takes room of its own beside it, see HistoryPane).
            screen = self.screen().availableGeometry()
            fit_to_screen(self, QSize(max(1000, screen.width() * 3 // 5), max(720, screen.height() * 4 // 5)))
        self.prompt.setFocus()

    # -- construction --------------------------------------------------------------------------

    def _create_widgets(self) -> None:
        self.model_picker = ModelComboBox()
        self.chat_view = ChatView()
        self.prompt = PromptEdit()
        self.prompt.setFixedHeight(self.prompt.fontMetrics().lineSpacing() * 4 + 16)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setDefault(True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setEnabled(False)
        self.stop_button.setToolTip(self.tr("Stop the answer (Esc)"))
        self.chat_view.setFrameShape(QFrame.Shape.NoFrame)
        self.status_line = WindowStatusBar()
        self.connection_label = self.status_line.connection_label
        self.reply_label = self.status_line.reply_label
        self.residency_indicator = self.status_line.residency_indicator
        self.welcome = WelcomePanel()
        self.chat_stack = QStackedWidget()

    def _build_layout(self) -> None:
        header = self.header = WindowHeader()
        header.add_widget(self.server_choice.label)
        header.add_widget(self.server_choice.picker)
        self.model_picker.setAccessibleName(self.tr("Model"))
        self.model_picker.setMaximumWidth(460)
        header.add_widget(self.model_picker, 4)  # the room goes to the name before the gap
        header.add_stretch()
        header.add_widget(self.residency_indicator)
        actions = self.window_actions
        for action, icon_name in (
            (actions.options_action, "sliders-horizontal"),
            (actions.models_action, "package"),
            (actions.benchmark_action, "gauge"),
            (actions.server_action, "server"),
        ):
            header.add_trailing(action, icon_name)
        self.composer = Composer(self.prompt, self.send_button, self.stop_button)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(4)
        layout.addWidget(header)
        layout.addLayout(_column(self.memory_pane.verdict_label))
        self.chat_stack.addWidget(self.chat_view)
        self.chat_stack.addWidget(self.welcome)
        layout.addWidget(self.chat_stack, 1)
        layout.addLayout(_column(self.models_pane.offer_bar))
        layout.addLayout(_column(self.composer))
        self.setCentralWidget(central)
        self.setStatusBar(self.status_line)

    def _connect(self) -> None:
        self.stop_button.clicked.connect(self._chat.stop)
        actions = self.window_actions
        actions.stop_action.triggered.connect(self._chat.stop)
        actions.new_chat_action.triggered.connect(self._chat.new_chat)
        actions.options_action.triggered.connect(self._on_options_triggered)
        actions.refresh_action.triggered.connect(self._connection.refresh_models)
        # Quit means quit: only the window's close button may keep the app in the tray.
        actions.quit_action.triggered.connect(self.quit_app)
        self.model_picker.currentIndexChanged.connect(self._on_model_changed)

        self._connection.status_changed.connect(self._on_status_changed)
        self._connection.models_loaded.connect(self._on_models_loaded)
        self._chat.question_added.connect(self._on_question_added)
        self._chat.reply_text_arrived.connect(self.chat_view.append_reply)
        self._chat.reply_thinking_arrived.connect(self.chat_view.append_thinking)
        self._chat.reply_failed.connect(self._on_reply_failed)
        # What a failure calls for is the chat controller's to decide; here it only reaches its target.
        self._chat.server_doubted.connect(self._connection.check_now)
        self._residency.poll_failed.connect(self._connection.doubt)
        self._residency.unload_failed.connect(self._connection.doubt)
        self._residency.load_failed.connect(lambda _model, error: self._connection.doubt(error))
        self._chat.model_missing.connect(lambda _model: self._connection.refresh_models())
        self._chat.model_missing.connect(self.models_pane.offer_download)
        self._chat.diagnosis_wanted.connect(self._residency.diagnose)
        self._chat.prompt_restored.connect(self._on_prompt_restored)
        self._chat.busy_changed.connect(self._on_busy_changed)
        self._chat.chat_cleared.connect(self._on_chat_cleared)

        self.welcome.settings_requested.connect(actions.server_action.trigger)
        self.welcome.models_requested.connect(self.models_pane.open_models)
        self.welcome.pull_requested.connect(self.models_pane.pull_model)
        self._residency.loaded_changed.connect(self._on_loaded_changed)
        if self.tray is not None:
            self.tray.open_requested.connect(self.bring_to_front)
            self.tray.quit_requested.connect(self.quit_app)

    # -- user actions --------------------------------------------------------------------------

    @Slot()
    def _on_options_triggered(self) -> None:
        from ollama_desktop.ui.chat.options_dialog import ChatOptionsDialog  # noqa: PLC0415 - dialogs load when opened

        options = ChatOptionsDialog.ask(
            self._chat.conversation.options, self, think=self._chat.think_support(self._chat.model)
        )
        if options is not None:
            self._chat.set_options(options)

    @Slot(int)
    def _on_model_changed(self, _index: int) -> None:
        name = self.model_picker.current_model()
        self._chat.set_model(name)
        if name:
            self._settings.set_last_model(name)
        self.memory_pane.update_verdict()

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

    # -- first-run screens ---------------------------------------------------------------------

    def _update_welcome(self) -> None:
        """The chat, or a screen that says what is missing (never over a conversation in progress)."""
        status, connection = self._connection.status, self._connection
        has_chat = bool(self._chat.conversation.messages) or self._chat.busy
        screen = screen_for(
            status, has_chat=has_chat, no_models=connection.models_known and not connection.models
        )
        if screen is None:
            self.chat_stack.setCurrentWidget(self.chat_view)
        else:
            problem = explain_server_error(status.error, status.host) if status.error is not None else None
            self.welcome.show_screen(screen, status.host, problem)
            self.chat_stack.setCurrentWidget(self.welcome)

    @Slot(object)
    def _on_loaded_changed(self, loaded: tuple[RunningModel, ...]) -> None:
        self.model_picker.set_loaded(tuple(model.name for model in loaded))

    def show_notice(self, text: str, timeout_ms: int = 0, *, tooltip: str = "") -> None:
        """A notice in the status bar for `timeout_ms` (see `WindowStatusBar.show_notice`)."""
        self.status_line.show_notice(text, timeout_ms, tooltip=tooltip)

    def clear_notice(self) -> None:
        self.status_line.clear_notice()

    def notice_text(self) -> str:
        """The notice showing now, or ""."""
        return self.status_line.notice_text()

    # -- connection and chat -------------------------------------------------------------------

    @Slot(object)
    def _on_status_changed(self, status: ConnectionStatus) -> None:
        self._chat.learn_server(status)  # the version: what `think` the server takes
        self.status_line.show_connection(status)
        self._update_welcome()
        if status.state is State.CONNECTED and not self._residency.known:
            self._residency.refresh_now()

    @Slot(object)
    def _on_models_loaded(self, models: tuple[InstalledModel, ...]) -> None:
        self._chat.learn_models(models)  # capabilities (0.30+) and cloud models, before the picker
        self.model_picker.set_models(models, prefer=self._settings.last_model)
        self._update_welcome()

    @Slot(str)
    def _on_question_added(self, text: str) -> None:
        # The question is the chat's last message now: its files show with it.
        self.chat_view.add_question(text, self._chat.conversation.messages[-1].attachments)

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

    @Slot(bool)
    def _on_busy_changed(self, busy: bool) -> None:
        self.composer.show_busy(busy)
        self.stop_button.setEnabled(busy)
        self.window_actions.stop_action.setEnabled(busy)

    @Slot()
    def _on_chat_cleared(self) -> None:
        self.chat_view.clear_chat()
        self.reply_label.clear()
        self.prompt.setFocus()

    # -- saved history (issue #6): the chat list, versions, export and import ---------------------

    def _connect_history_pane(self) -> None:
        pane = self.history_pane
        central = self.centralWidget()
        layout = central.layout() if central is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, pane.storage_banner)
            layout.insertWidget(layout.indexOf(self.chat_stack) + 1, pane.version_bar)
        pane.highlight_requested.connect(self.chat_view.highlight)
        self._chat.conversation_truncated.connect(self._on_chat_rewritten)
        self._chat.conversation_restored.connect(self._on_chat_rewritten)
        if self.history is not None:
            self.history.conversation_opened.connect(self._on_conversation_opened)

    @Slot()
    def _on_chat_rewritten(self) -> None:
        """Regenerate or edit cut the chat back (or put it back): show it as it stands now."""
        self.chat_view.show_chat(chat_entries(self._chat.conversation.messages))
        self.reply_label.clear()
        self.history_pane.update_actions()

    @Slot(object)
    def _on_conversation_opened(self, stored: StoredConversation) -> None:
        self.chat_view.show_chat(chat_entries(self._chat.conversation.messages))
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
        self.attachments_pane.attachments.restore(stored.draft_attachments())
        if stored.record.draft:
            self.prompt.restore(stored.record.draft)
        self.prompt.setFocus()
        self.history_pane.update_actions()

    # -- window life ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and self.tray is not None and self._keep_in_tray():
            event.ignore()
            self.hide()
            return
        self._closed = True
        self._settings.set_window_geometry(self.saveGeometry())
        self._settings.sync()
        self._chat.shutdown()
        self.attachments_pane.shutdown()
        if self._context is not None:
            self._context.shutdown()  # a summary being written is cancelled
        if self.history is not None:
            self._settings.set_window_state(self.saveState())
            self.history.shutdown()  # after the chat stopped: its last words are written first
        self._connection.stop()
        self._residency.shutdown()
        if self._servers is not None:
            self._servers.shutdown()
        if self._benchmark is not None:
            self._benchmark.shutdown()
        self.models_pane.close_benchmark()
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
            self.window_actions.close_to_tray_action.setChecked(choice)
        return choice

    # Tests replace it (the question is asked once, on the first close).
    ask_close_to_tray = staticmethod(ask_close_to_tray)


def _column(widget: QWidget) -> QHBoxLayout:
    """`widget` in the chat's column: as wide as the chat's text, centred in a wide window."""
    widget.setMaximumWidth(CHAT_COLUMN_WIDTH)
    row = QHBoxLayout()
    row.setContentsMargins(12, 0, 12, 0)
    row.addStretch(1)
    row.addWidget(widget, 1000)  # all the room up to its widest; past it, the margins share the rest
    row.addStretch(1)
    return row


def _context_pane(window: MainWindow, context: ContextController, chat: ChatController) -> ContextPane:
    """The context gauge under the prompt, the alarm in the chat, and the warning before Send."""
    return ContextPane(
        context,
        chat,
        composer=window.composer,
        prompt=window.prompt,
        view=window.chat_view,
        picker=window.model_picker,
        notify=window.show_notice,
        parent=window,
    )
