"""The window's status bar: the connection, short notices, and the answer in flight (and the memory
chip, which the header shows)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QStatusBar, QWidget

from ollama_desktop.controllers.connection import ConnectionStatus, State
from ollama_desktop.ui.elided_label import ElidedLabel
from ollama_desktop.ui.memory.residency_indicator import ResidencyIndicator
from ollama_desktop.ui.messages import ErrorText, explain_server_error
from ollama_desktop.ui.plain_text import plain_tooltip


class WindowStatusBar(QStatusBar):
    """Every label here can name a model, a version or an error from the server: plain text only.

    Short-lived notices ("Freed 6.4 GB of memory") take the connection label's place for a while.
    `QStatusBar.showMessage` is not used: on X11 a status tip could show the label again underneath,
    drawing text over text.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Cut with "…" when the bar is short of room, the whole text on hover (never mid-word).
        self.connection_label = ElidedLabel()
        self.notice_label = ElidedLabel()
        self.notice_label.hide()
        self.reply_label = ElidedLabel()
        self.residency_indicator = ResidencyIndicator()
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self.clear_notice)
        # The memory chips keep their full size; the longer texts give way (their tooltips hold all).
        for label in (self.connection_label, self.reply_label, self.notice_label):
            label.setMinimumWidth(120)
        self.addWidget(self.notice_label, 1)
        self.addWidget(self.connection_label, 1)
        self.addPermanentWidget(self.reply_label, 1)
        # Made here with the other labels it updates with; shown in the window's header (the one
        # place to see and free memory).

    def show_connection(self, status: ConnectionStatus) -> None:
        """Say whether Ollama answers at the address, and if not, what is wrong."""
        tooltip = ""
        if status.state is State.CONNECTED:
            text = self.tr("● Connected: Ollama {version} at {host}").format(
                version=status.version, host=status.host
            )
        elif status.state is State.UNREACHABLE:
            text = self.tr("○ Ollama is not reachable at {host}. Retrying every few seconds…").format(
                host=status.host
            )
            if status.error is not None:
                tooltip = explain_server_error(status.error, status.host).tooltip
        elif status.state is State.NOT_OLLAMA and status.error is not None:
            problem = explain_server_error(status.error, status.host)
            text = self.tr("○ {problem} Retrying every few seconds…").format(problem=problem.message)
            tooltip = problem.tooltip
        else:
            text = self.tr("Connecting to {host}…").format(host=status.host)
        self.connection_label.setText(text)
        self.connection_label.setToolTip(plain_tooltip(tooltip or text))

    def show_problem(self, text: ErrorText) -> None:
        """A problem for a while; Ollama's own words in its tooltip while it shows."""
        self.show_notice(text.message, 15000, tooltip=text.tooltip)

    def show_notice(self, text: str, timeout_ms: int = 0, *, tooltip: str = "") -> None:
        """Show `text` instead of the connection status, for `timeout_ms` (0: until the next notice
        or `clear_notice`)."""
        self.notice_label.setText(text)
        self.notice_label.setToolTip(plain_tooltip(tooltip or text))
        self.connection_label.hide()
        self.notice_label.show()
        if timeout_ms > 0:
            self._notice_timer.start(timeout_ms)
        else:
            self._notice_timer.stop()

    @Slot()
    def clear_notice(self) -> None:
        self._notice_timer.stop()
        self.notice_label.clear()
        self.notice_label.hide()
        self.connection_label.show()

    def notice_text(self) -> str:
        """The notice showing now, or ""."""
        return self.notice_label.text() if self.notice_label.isVisibleTo(self) else ""
