"""The question asked on the first close when the app has a tray icon: keep running there, or quit."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def ask_close_to_tray(parent: QWidget) -> bool:
    """Asked once, on the first close (the answer is kept in the settings); True to keep running."""
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
