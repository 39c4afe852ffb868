"""The strip under the chat: Regenerate, Edit a question, and the versions of what was redone."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from ollama_desktop.core.chat.conversation import ROLE_USER
from ollama_desktop.core.history.store import Fork

# More than this many redone messages in one chat is rare; the latest ones are the ones worth showing.
MAX_FORKS_SHOWN = 3


class VersionBar(QWidget):
    """Shows "Answer 2: version 1 of 3 ◀ ▶" for each message of the chat that was redone, and the
    Regenerate and Edit buttons. Choosing a version asks for it by the uid of that version.

    Thread: GUI thread.
    """

    version_requested = Signal(str)  # the uid of the version to show

    def __init__(self, actions: Sequence[QAction] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._forks_layout = QHBoxLayout()
        self._forks_layout.setContentsMargins(0, 0, 0, 0)
        self._forks_layout.setSpacing(12)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._forks_layout)
        layout.addStretch(1)
        self.buttons: list[QToolButton] = []
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAutoRaise(True)
            layout.addWidget(button)
            self.buttons.append(button)
        self.labels: list[QLabel] = []

    def show_forks(self, forks: Sequence[tuple[Fork, int]], *, enabled: bool = True) -> None:
        """`forks`: each redone message with its number among the questions or the answers."""
        while self._forks_layout.count():
            item = self._forks_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.labels = []
        for fork, number in list(forks)[-MAX_FORKS_SHOWN:]:
            self._forks_layout.addWidget(self._fork_widget(fork, number, enabled))

    def _fork_widget(self, fork: Fork, number: int, enabled: bool) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if fork.role == ROLE_USER:
            text = self.tr("Question {number}: version {position} of {count}")
        else:
            text = self.tr("Answer {number}: version {position} of {count}")
        label = QLabel(text.format(number=number, position=fork.position, count=fork.count))
        self.labels.append(label)
        earlier = QToolButton()
        earlier.setArrowType(Qt.ArrowType.LeftArrow)
        earlier.setAutoRaise(True)
        earlier.setToolTip(self.tr("Show the earlier version"))
        earlier.setAccessibleName(self.tr("Earlier version"))
        earlier.setEnabled(enabled and fork.previous_uid is not None)
        later = QToolButton()
        later.setArrowType(Qt.ArrowType.RightArrow)
        later.setAutoRaise(True)
        later.setToolTip(self.tr("Show the later version"))
        later.setAccessibleName(self.tr("Later version"))
        later.setEnabled(enabled and fork.next_uid is not None)
        if fork.previous_uid is not None:
            previous = fork.previous_uid
            earlier.clicked.connect(lambda: self.version_requested.emit(previous))
        if fork.next_uid is not None:
            following = fork.next_uid
            later.clicked.connect(lambda: self.version_requested.emit(following))
        layout.addWidget(earlier)
        layout.addWidget(label)
        layout.addWidget(later)
        return box
