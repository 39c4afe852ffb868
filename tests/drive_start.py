"""Starts the real app as `python -m ollama_desktop` does, then uses it: once its storage banner shows
and the models are listed, it asks QUESTION, prints the banner and the answer, and closes the window.

Used by tests/test_startup.py in a subprocess, so a start in a hostile environment (a data folder
that cannot be written) is checked whole: `python -m tests.drive_start QUESTION`. The server is
OLLAMA_HOST; the folders are XDG_DATA_HOME and XDG_CONFIG_HOME.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ollama_desktop import app as app_module
from ollama_desktop import startup
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.workers import WorkerPool

_POLL_MS = 20


def main(argv: list[str]) -> int:
    question = argv[1]
    run_until_closed = app_module.run_until_closed

    def run(qapp: QApplication, pool: WorkerPool) -> int:
        window = next(w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow))
        asked = [False]

        def step() -> None:
            if (
                not asked[0]
                and window.history_pane.storage_banner.isVisible()
                and window.model_picker.count()
            ):
                print(f"banner: {window.history_pane.storage_banner.label.text()}", flush=True)
                window.prompt.setPlainText(question)
                window.send_button.click()
                asked[0] = True
            if asked[0] and "tokens/s" in window.reply_label.text():
                print(f"chat: {window.chat_view.toPlainText()!r}", flush=True)
                window.close()
                return
            QTimer.singleShot(_POLL_MS, step)

        QTimer.singleShot(0, step)
        return run_until_closed(qapp, pool)

    app_module.run_until_closed = run
    return startup.main(argv[:1])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
