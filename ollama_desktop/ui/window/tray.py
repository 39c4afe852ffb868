"""The tray icon: what holds memory, and freeing it without opening the window."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ollama_desktop.core.memory.residency import now_utc, residency
from ollama_desktop.core.responses import RunningModel
from ollama_desktop.ui.memory.residency_text import chip_text
from ollama_desktop.ui.plain_text import menu_text


class TrayIcon(QSystemTrayIcon):
    """Tooltip and menu list the loaded models; "Free all memory", "Open" and "Quit" act at once.

    The app creates it only where the desktop has a tray; tests create it anyway and trigger its
    actions directly.
    """

    free_memory_requested = Signal()
    open_requested = Signal()
    quit_requested = Signal()
    menu_about_to_show = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(icon, parent)
        self.menu = QMenu()
        self._model_actions: list[QAction] = []
        self._models_end = self.menu.addSeparator()
        self.free_action = self.menu.addAction(self.tr("Free all memory"))
        self.open_action = self.menu.addAction(self.tr("Open Ollama Desktop"))
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction(self.tr("Quit"))
        self.free_action.triggered.connect(self.free_memory_requested)
        self.open_action.triggered.connect(self.open_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        self.menu.aboutToShow.connect(self.menu_about_to_show)
        self.setContextMenu(self.menu)
        self.activated.connect(self._on_activated)
        self.show_models(())

    def show_models(self, loaded: tuple[RunningModel, ...] | None) -> None:
        """Update tooltip and menu; None when Ollama cannot be reached."""
        for action in self._model_actions:
            self.menu.removeAction(action)
        self._model_actions = []
        now = now_utc()
        if loaded is None:
            lines = [self.tr("Ollama is not reachable")]
        elif not loaded:
            lines = [self.tr("No model in memory")]
        else:
            lines = [chip_text(residency(model), now) for model in loaded]
        for line in lines:
            action = QAction(menu_text(line), self.menu)
            action.setEnabled(False)
            self.menu.insertAction(self._models_end, action)
            self._model_actions.append(action)
        self.free_action.setEnabled(bool(loaded))
        # Not plain_tooltip(): where the desktop draws this tooltip itself (Windows, macOS) markup
        # would show as written. Where Qt draws it, the app's name on the first line makes Qt take
        # the whole tooltip for plain text, model names included (it looks at the first line only).
        self.setToolTip("\n".join([self.tr("Ollama Desktop"), *lines]))

    @Slot(QSystemTrayIcon.ActivationReason)
    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_requested.emit()
