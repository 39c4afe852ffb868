"""First-run and failure screens shown instead of an empty chat: what is wrong and what to do."""

from __future__ import annotations

import enum
import sys

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ollama_desktop.controllers.connection import ConnectionStatus, State
from ollama_desktop.core.models.suggestions import SUGGESTIONS, total_memory
from ollama_desktop.core.servers.host import is_local
from ollama_desktop.ui.messages import ErrorText
from ollama_desktop.ui.models.suggestion_text import button_text
from ollama_desktop.ui.plain_text import html_text

DOWNLOAD_PAGE = "https://ollama.com/download"


class Screen(enum.Enum):
    NOT_RUNNING = "not_running"  # this computer, nothing answers: not installed or not started
    HOST_UNREACHABLE = "host_unreachable"  # another computer does not answer: wrong address or down
    NOT_OLLAMA = "not_ollama"  # something answers at the address, but not as Ollama does
    NO_MODELS = "no_models"  # connected, but nothing to chat with yet


def screen_for(status: ConnectionStatus, *, has_chat: bool, no_models: bool) -> Screen | None:
    """The screen to show instead of the chat, or None for the chat (never over a conversation)."""
    if status.state is State.UNREACHABLE and not has_chat:
        return Screen.NOT_RUNNING if is_local(status.host) else Screen.HOST_UNREACHABLE
    if status.state is State.NOT_OLLAMA and status.error is not None and not has_chat:
        # Something answers there: "install Ollama" would send the user the wrong way.
        return Screen.NOT_OLLAMA
    if status.state is State.CONNECTED and no_models:
        return Screen.NO_MODELS
    return None


class WelcomePanel(QWidget):
    """One of the screens above, in plain words, with the buttons that fix it.

    The app keeps checking in the background and replaces this panel by the chat by itself.
    """

    settings_requested = Signal()
    pull_requested = Signal(str)  # a model name to download
    models_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        # Only our own https link is in these texts; it opens in the browser on click.
        self.body.setOpenExternalLinks(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.settings_button = QPushButton(self.tr("Server address…"))
        self.settings_button.clicked.connect(self.settings_requested)
        self.models_button = QPushButton(self.tr("More models…"))
        self.models_button.clicked.connect(self.models_requested)
        self.pull_buttons: list[QPushButton] = []
        # One a row, two lines each: side by side, this hidden panel set the window's least width
        # (~900 px with four in a row) and kept the chat list narrow.
        self._pull_row = QGridLayout()
        for number, suggestion in enumerate(SUGGESTIONS):
            button = QPushButton(button_text(suggestion, None))
            name = suggestion.name
            button.clicked.connect(lambda _checked=False, name=name: self.pull_requested.emit(name))
            self._pull_row.addWidget(button, number, 0)
            self.pull_buttons.append(button)
        self._pull_row.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.settings_button)
        buttons.addWidget(self.models_button)
        buttons.addStretch(1)
        self.waiting = QLabel()
        self.waiting.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addLayout(self._pull_row)
        layout.addLayout(buttons)
        layout.addWidget(self.waiting)
        layout.addStretch(1)
        self.current: Screen | None = None

    def show_screen(self, screen: Screen, host: str, problem: ErrorText | None = None) -> None:
        """Show `screen` for `host`; `problem` says what went wrong (for NOT_OLLAMA)."""
        self.current = screen
        pulls = screen is Screen.NO_MODELS
        # Whether each fits is said of this computer only when Ollama runs on it.
        memory = total_memory() if pulls and is_local(host) else None
        for button, suggestion in zip(self.pull_buttons, SUGGESTIONS, strict=True):
            button.setVisible(pulls)
            button.setText(button_text(suggestion, memory))
        self.models_button.setVisible(pulls)
        self.settings_button.setVisible(screen is not Screen.NO_MODELS)
        if screen is Screen.NOT_RUNNING:
            self.title.setText(self.tr("Ollama is not running"))
            self.body.setText(self._not_running_text())
            self.waiting.setText(
                self.tr("Checking again every few seconds: this screen goes away by itself.")
            )
        elif screen is Screen.HOST_UNREACHABLE:
            self.title.setText(self.tr("The Ollama server does not answer"))
            self.body.setText(
                self.tr(
                    "Nothing answers at <b>{host}</b>. Check that the other computer is on and runs Ollama "
                    "with <code>OLLAMA_HOST=0.0.0.0</code>, that the address is right, and that a firewall "
                    "lets port 11434 through."
                ).format(host=html_text(host))  # rich text: the address is data in it
            )
            self.waiting.setText(
                self.tr("Checking again every few seconds: this screen goes away by itself.")
            )
        elif screen is Screen.NOT_OLLAMA:
            self.title.setText(self.tr("Something else answers at this address"))
            # Rich text for the paragraphs; the server's words in it are escaped, never markup.
            parts = (problem.message, problem.tooltip) if problem is not None else ()
            self.body.setText("".join(f"<p>{html_text(part)}</p>" for part in parts if part))
            self.waiting.setText(
                self.tr("Checking again every few seconds: this screen goes away by itself.")
            )
        else:
            self.title.setText(self.tr("Download a model to start"))
            self.body.setText(
                self.tr(
                    "Ollama is running, but has no model yet. A model is what answers your questions. "
                    "These small ones download quickly and run on most computers:"
                )
            )
            self.waiting.setText("")

    def _not_running_text(self) -> str:
        intro = self.tr(
            "This app needs Ollama, a free program that runs the AI models on your computer. "
            'If you do not have it yet, download it from <a href="{url}">{url}</a> and install it.'
        ).format(url=DOWNLOAD_PAGE)
        if sys.platform == "win32":
            start = self.tr(
                "Then start <b>Ollama</b> from the Start menu; its icon appears next to the clock."
            )
        elif sys.platform == "darwin":
            start = self.tr("Then open <b>Ollama</b> from the Applications folder.")
        else:
            start = self.tr(
                "Then start it: it usually runs by itself after installing; if not, open a terminal and "
                "run <code>ollama serve</code>."
            )
        return f"<p>{intro}</p><p>{start}</p>"
