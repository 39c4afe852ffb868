"""Where Ollama runs: the host setting, with a check that shows the version or the problem."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.servers.host import is_local, parse_host
from ollama_desktop.ui.messages import explain_server_error, show_error
from ollama_desktop.ui.plain_text import plain_label
from ollama_desktop.workers import WorkerSignals

Probe = Callable[[str, Callable[[str], None], Callable[[OllamaError], None]], WorkerSignals]


class ServerDialog(QDialog):
    """Edits the host override; empty means `OLLAMA_HOST` or this computer."""

    def __init__(
        self, current: str, default: str, probe: Probe, parent: QWidget | None = None, *, name: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ollama server"))
        self._probe = probe
        self._pending: WorkerSignals | None = None
        self.name_edit = QLineEdit(name)
        self.name_edit.setPlaceholderText(self.tr("For example: GPU box in the office"))
        self.host_edit = QLineEdit(current)
        self.host_edit.setPlaceholderText(default)
        self.host_edit.setClearButtonEnabled(True)
        self.check_button = QPushButton(self.tr("Check connection"))
        self.check_button.clicked.connect(self.check)
        self.result_label = plain_label()  # the server's version, or its error
        self.result_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.host_edit, 1)
        row.addWidget(self.check_button)
        form = QFormLayout()
        form.addRow(self.tr("Server address:"), row)
        form.addRow(self.tr("Name (optional):"), self.name_edit)
        hint = QLabel(
            self.tr(
                "Leave empty to use Ollama on this computer ({default}). For another computer, enter "
                "its address, for example 192.168.1.20 or http://gpu-box:11434."
            ).format(default=default)
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def host_text(self) -> str:
        return self.host_edit.text().strip()

    def _resolved(self) -> str | None:
        try:
            return parse_host(self.host_text() or self.host_edit.placeholderText())
        except ValueError:
            self.result_label.setText(self.tr("This is not a server address. Example: 192.168.1.20:11434"))
            return None

    @Slot()
    def check(self) -> None:
        host = self._resolved()
        if host is None:
            return
        self.result_label.setText(self.tr("Checking {host}…").format(host=host))
        self.result_label.setToolTip("")  # the details of an earlier failure
        self._pending = self._probe(host, self._on_probe_succeeded, self._on_probe_failed)

    @Slot(object)
    def _on_probe_succeeded(self, version: str) -> None:
        if self.sender() is not self._pending:
            return
        host = self._resolved() or ""
        text = self.tr("Connected: Ollama {version} at {host}.").format(version=version, host=host)
        if host.startswith("http://") and not is_local(host):
            text += " " + self.tr("Note: the connection to this computer is not encrypted (http).")
        self.result_label.setText(text)

    @Slot(object)
    def _on_probe_failed(self, error: OllamaError) -> None:
        if self.sender() is self._pending:
            show_error(self.result_label, explain_server_error(error, self._resolved() or ""))

    @Slot()
    def _on_accept(self) -> None:
        if not self.host_text() or self._resolved() is not None:
            self.accept()

    @classmethod
    def ask(
        cls, current: str, default: str, probe: Probe, parent: QWidget | None = None, *, name: str = ""
    ) -> tuple[str, str] | None:
        """(name, address) with "" for this computer, or None when cancelled. Tests replace this."""
        dialog = cls(current, default, probe, parent, name=name)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.name_edit.text().strip(), dialog.host_text()
