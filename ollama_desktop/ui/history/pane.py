"""The window's part for saved chats (issue #6): chat list, versions, export, import, storage banner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QFileDialog, QMainWindow, QWidget

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.history import HistoryController
from ollama_desktop.core.chat.conversation import ROLE_ASSISTANT, ROLE_USER
from ollama_desktop.core.history.store import (
    ConversationSummary,
    Fork,
    StorageError,
    StorageTooNew,
    title_from,
)
from ollama_desktop.settings import Settings
from ollama_desktop.ui.history.sidebar import HistorySidebar
from ollama_desktop.ui.history.storage_banner import StorageBanner
from ollama_desktop.ui.history.texts import (
    file_problem_text,
    history_reset_text,
    markdown_labels,
    storage_problem_text,
    storage_read_text,
)
from ollama_desktop.ui.history.version_bar import VersionBar
from ollama_desktop.ui.screen_fit import WINDOW_FRAME
from ollama_desktop.ui.window.actions import WindowActions

Notify = Callable[[str, int], None]  # a notice in the status bar for so many ms


class HistoryPane(QObject):
    """Regenerate, Edit a question and the version strip (always); with a history controller also
    the list of saved chats beside the chat, export and import, and the storage banner's messages.

    The window places `storage_banner` and `version_bar` in its layout, and marks the words of
    `highlight_requested` in the chat view.
    """

    # The words of the search a chat was opened from, to mark in that chat (() clears the marks).
    highlight_requested = Signal(object)  # tuple[str, ...]

    def __init__(
        self,
        window: QMainWindow,
        chat: ChatController,
        history: HistoryController | None,
        *,
        settings: Settings,
        actions: WindowActions,
        notify: Notify,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._chat = chat
        self.history = history
        self._settings = settings
        self._actions = actions
        self._notify = notify
        self.history_sidebar: HistorySidebar | None = None
        self.history_dock: QDockWidget | None = None
        self.show_history_action: QAction | None = None
        self._marking: tuple[str, tuple[str, ...]] = ("", ())  # the uid opened from a search, its words
        self._build_actions()
        self.version_bar = VersionBar([self.edit_question_action, self.regenerate_action])
        self.storage_banner = StorageBanner()
        chat_menu, quit_action = actions.chat_menu, actions.quit_action
        chat_menu.insertActions(quit_action, [self.regenerate_action, self.edit_question_action])
        chat_menu.insertSeparator(quit_action)
        self.regenerate_action.triggered.connect(self._on_regenerate_triggered)
        self.edit_question_action.triggered.connect(self._on_edit_question_triggered)
        self.version_bar.version_requested.connect(self._on_version_requested)
        chat.busy_changed.connect(self.update_actions)
        chat.chat_cleared.connect(self.update_actions)
        chat.conversation_loaded.connect(self.update_actions)
        self.update_actions()
        if history is not None:
            self._connect_history(history, self._build_sidebar())

    def _build_actions(self) -> None:
        window = self._window
        self.regenerate_action = QAction(self.tr("&Regenerate answer"), window)
        # Not Ctrl+R: on macOS that is the standard Refresh (Refresh models here).
        self.regenerate_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.regenerate_action.setToolTip(
            self.tr("Ask the last question again for a new answer (Ctrl+Shift+R)")
        )
        self.edit_question_action = QAction(self.tr("&Edit a question…"), window)
        self.edit_question_action.setShortcut(QKeySequence("Ctrl+E"))
        self.edit_question_action.setToolTip(
            self.tr("Change one of your questions and ask it again (Ctrl+E)")
        )
        self.export_markdown_action = QAction(self.tr("Export chat as &Markdown…"), window)
        self.export_json_action = QAction(self.tr("Export chat as &JSON…"), window)
        self.import_action = QAction(self.tr("&Import chat…"), window)

    def _build_sidebar(self) -> HistorySidebar:
        window, actions = self._window, self._actions
        sidebar = self.history_sidebar = HistorySidebar()
        dock = self.history_dock = QDockWidget(self.tr("Chats"), window)
        dock.setObjectName("history_dock")
        dock.setWidget(sidebar)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        dock.setTitleBarWidget(QWidget())  # a sidebar, not a floating panel: the header's button toggles it
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        window.resizeDocks([dock], [sidebar.sizeHint().width()], Qt.Orientation.Horizontal)
        show = self.show_history_action = dock.toggleViewAction()
        show.setText(self.tr("Chat &list"))
        show.setToolTip(self.tr("Show or hide the list of your saved chats (Ctrl+B)"))
        show.setShortcut(QKeySequence("Ctrl+B"))
        chat_menu, quit_action = actions.chat_menu, actions.quit_action
        chat_menu.insertActions(
            quit_action, [self.export_markdown_action, self.export_json_action, self.import_action]
        )
        chat_menu.insertSeparator(quit_action)
        chat_menu.insertAction(quit_action, show)
        chat_menu.insertSeparator(quit_action)
        if self._settings.window_state is not None:
            window.restoreState(self._settings.window_state)
        else:
            QTimer.singleShot(0, self._make_room_for_history)
        return sidebar

    @Slot()
    def _make_room_for_history(self) -> None:
        """First start: the chat keeps its width and the list gets room of its own beside it."""
        if self.history_sidebar is None or self.history_dock is None:
            return
        window = self._window
        width = self.history_sidebar.sizeHint().width()
        if self._settings.window_geometry is None:
            screen = window.screen().availableGeometry().width() - WINDOW_FRAME.width()
            window.resize(min(window.width() + width, screen), window.height())
        window.resizeDocks([self.history_dock], [width], Qt.Orientation.Horizontal)

    def _connect_history(self, history: HistoryController, sidebar: HistorySidebar) -> None:
        sidebar.new_chat_requested.connect(self._actions.new_chat_action.trigger)
        sidebar.open_requested.connect(self._on_open_requested)
        sidebar.open_requested.connect(history.open)
        sidebar.rename_requested.connect(history.rename)
        sidebar.delete_requested.connect(history.delete)
        sidebar.undo_requested.connect(history.undo_delete)
        sidebar.purge_requested.connect(history.purge)
        sidebar.search_requested.connect(history.search)
        sidebar.search_requested.connect(self._on_search_requested)
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
        history.forks_changed.connect(self.update_actions)
        history.conversation_deleted.connect(sidebar.show_deleted)
        history.storage_failed.connect(self._on_storage_failed)
        history.storage_recovered.connect(self._on_storage_recovered)
        history.history_reset.connect(self._on_history_reset)
        history.read_failed.connect(self._on_history_read_failed)
        history.exported.connect(self._on_chat_exported)
        history.export_failed.connect(self._on_chat_export_failed)
        history.imported.connect(self._on_chat_imported)
        history.import_failed.connect(self._on_chat_import_failed)

    @Slot()
    def update_actions(self) -> None:
        messages = self._chat.conversation.messages
        idle = not self._chat.busy
        has_question = any(message.role == ROLE_USER for message in messages)
        self.regenerate_action.setEnabled(
            idle and bool(messages) and messages[-1].role in (ROLE_USER, ROLE_ASSISTANT)
        )
        self.edit_question_action.setEnabled(idle and has_question)
        has_chat = bool(messages)
        self.export_markdown_action.setEnabled(has_chat)
        self.export_json_action.setEnabled(has_chat)
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
            self._notify(self.tr("Choose a model first."), 5000)
            return
        self._chat.regenerate()

    @Slot()
    def _on_edit_question_triggered(self) -> None:
        messages = self._chat.conversation.messages
        places = [index for index, message in enumerate(messages) if message.role == ROLE_USER]
        if not places or self._chat.busy:
            return
        if not self._chat.model:
            self._notify(self.tr("Choose a model first."), 5000)
            return
        keeps = self.history is not None and self.history.saving
        from ollama_desktop.ui.chat.edit_question_dialog import EditQuestionDialog  # noqa: PLC0415 - dialogs load when opened

        choice = EditQuestionDialog.ask([messages[index].content for index in places], keeps, self._window)
        if choice is not None:
            number, text = choice
            self._chat.edit_question(places[number], text)

    @Slot(str)
    def _on_version_requested(self, uid: str) -> None:
        if self.history is not None:
            self.history.switch_version(uid)

    @Slot(str)
    def _on_history_current_changed(self, uid: str) -> None:
        if self.history_sidebar is not None:
            self.history_sidebar.set_current(uid)
        self.update_actions()
        marking_uid, words = self._marking
        if uid and uid == marking_uid:
            # The chat opened from a search result is shown now (the view cleared the old marks).
            self.highlight_requested.emit(words)
        self._marking = ("", ())

    @Slot(str)
    def _on_open_requested(self, uid: str) -> None:
        """A chat chosen in the list: during a search, its matches are marked once it is shown."""
        sidebar = self.history_sidebar
        words = sidebar.search_words if sidebar is not None else ()
        if self.history is not None and uid == self.history.current_uid:
            self.highlight_requested.emit(words)  # shown already: nothing else happens
        else:
            self._marking = (uid, words) if words else ("", ())

    @Slot(str)
    def _on_search_requested(self, words: str) -> None:
        if not words:
            self._marking = ("", ())
            self.highlight_requested.emit(())

    @Slot(str, str)
    def _export_chat(self, uid: str, kind: str) -> None:
        if self.history is None:
            return
        if not uid and not self._chat.conversation.messages:
            self._notify(self.tr("There is nothing to export yet."), 5000)
            return
        path = self.ask_export_path(self._window, kind, self._export_name(uid))
        if path is not None:
            self.history.export(uid, path, kind, markdown_labels())

    def _export_name(self, uid: str) -> str:
        """A file name to suggest: the chat's title as the list shows it."""
        wanted = uid or (self.history.current_uid if self.history is not None else "")
        sidebar = self.history_sidebar
        for row in range(sidebar.list.count() if sidebar is not None else 0):
            if wanted and sidebar is not None and sidebar.uid_at(row) == wanted:
                return sidebar.list.item(row).text()
        messages = self._chat.conversation.messages
        return title_from(messages[0].content) if messages else self.tr("Chat")

    @Slot()
    def _on_import_triggered(self) -> None:
        path = self.ask_import_path(self._window)
        if path is not None and self.history is not None:
            self.history.import_file(path)

    @Slot(object)
    def _on_storage_failed(self, error: StorageError) -> None:
        self.storage_banner.show_problem(
            storage_problem_text(error), can_retry=not isinstance(error, StorageTooNew)
        )
        if self.history is not None and not self.history.available and self.history_sidebar is not None:
            self.history_sidebar.set_unavailable(self.tr("Your saved chats cannot be shown right now."))

    @Slot()
    def _on_storage_recovered(self) -> None:
        self.storage_banner.hide()
        if self.history_sidebar is not None:
            self.history_sidebar.set_unavailable("")
        self._notify(self.tr("Your chats are being saved again."), 8000)

    @Slot(str)
    def _on_history_reset(self, damaged_copy: str) -> None:
        self.storage_banner.show_problem(history_reset_text(damaged_copy), can_retry=False)

    @Slot(object)
    def _on_history_read_failed(self, error: StorageError) -> None:
        self._notify(storage_read_text(error), 8000)

    @Slot(str)
    def _on_chat_exported(self, path: str) -> None:
        self._notify(self.tr("Saved the chat as {path}").format(path=path), 15000)

    @Slot(str, object)
    def _on_chat_export_failed(self, path: str, error: Exception) -> None:
        text = file_problem_text(error, importing=False)
        self._notify(self.tr("Could not save {path}: {reason}").format(path=path, reason=text), 20000)

    @Slot(object)
    def _on_chat_imported(self, summary: ConversationSummary) -> None:
        self._notify(self.tr("Added “{title}” to your chats.").format(title=summary.title), 10000)

    @Slot(str, object)
    def _on_chat_import_failed(self, path: str, error: Exception) -> None:
        text = file_problem_text(error, importing=True)
        self._notify(self.tr("Could not import {path}: {reason}").format(path=path, reason=text), 20000)

    @staticmethod
    def ask_export_path(parent: QWidget, kind: str, name: str) -> Path | None:
        """Where to save an export; None if cancelled. Tests replace this."""
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        safe = "".join(char if char.isalnum() or char in " -_" else "_" for char in name).strip() or "chat"
        if kind == "markdown":
            suffix, filter_text = ".md", QApplication.translate("HistoryPane", "Markdown (*.md)")
        else:
            suffix, filter_text = ".json", QApplication.translate("HistoryPane", "Chat file (*.json)")
        chosen, _filter = QFileDialog.getSaveFileName(
            parent,
            QApplication.translate("HistoryPane", "Export chat"),
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
            QApplication.translate("HistoryPane", "Import chat"),
            documents,
            QApplication.translate("HistoryPane", "Chat file (*.json)"),
        )
        return Path(chosen) if chosen else None
