"""The window's requests follow whether anyone can see it: none while hidden or minimized.

An event filter on the main window: it starts the polling after the window's first paint, pauses it
when the window is hidden or minimized, and reads the model list again when the user comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.controllers.servers import ServersController


class PollWhileShown(QObject):
    """Pauses and resumes the controllers that poll the server as `window` shows and hides."""

    def __init__(
        self,
        window: QWidget,
        connection: ConnectionController,
        residency: ResidencyController,
        servers: ServersController | None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._connection = connection
        self._residency = residency
        self._servers = servers
        self._resume_when_painted = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window:
            kind = event.type()
            if kind is QEvent.Type.Show:
                # Requests start once the window is on screen, not before: a worker's first call
                # imports the HTTP stack (~100 ms of Python), and on the GUI thread's way to its first
                # frame every Python call would wait for that thread to let go of the interpreter.
                self._resume_when_painted = True
            elif kind is QEvent.Type.Paint and self._resume_when_painted:
                self._resume_when_painted = False
                QTimer.singleShot(0, self, self._resume_if_shown)
            elif kind is QEvent.Type.Hide:
                self._resume_when_painted = False
                self.pause()
            elif kind is QEvent.Type.ActivationChange and self._window.isActiveWindow():
                # Back from another program (a terminal that pulled a model?): read the list again.
                # Cheap when nothing changed: nothing is redrawn.
                self._connection.recheck_models()
            elif kind is QEvent.Type.WindowStateChange:
                if self._window.isMinimized():
                    self.pause()
                elif self._window.isVisible() and not self._resume_when_painted:  # not before the first paint
                    self.resume()
        return False

    def _resume_if_shown(self) -> None:
        if self._window.isVisible() and not self._window.isMinimized():
            self.resume()

    def pause(self) -> None:
        """Nobody is looking: no requests at all until the window shows again."""
        self._residency.pause()
        self._connection.pause()
        if self._servers is not None:
            self._servers.pause()

    def resume(self) -> None:
        self._connection.resume()
        self._residency.resume()
        if self._servers is not None:
            self._servers.resume()
