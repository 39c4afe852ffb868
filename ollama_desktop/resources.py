"""Where the app's files are: those under `resources/` (from a checkout, an installed package, or a
PyInstaller bundle), and the folder it writes its own data to."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QIcon

APP_ICON = "icons/ollama-desktop.svg"


def resource_path(relative: str) -> Path:
    """The absolute path of `resources/<relative>`."""
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller in a frozen app
    if bundle:
        return Path(bundle) / "resources" / relative
    installed = Path(__file__).resolve().parent / "_resources"
    if installed.is_dir():
        return installed / relative
    return Path(__file__).resolve().parent.parent / "resources" / relative


def app_icon() -> QIcon:
    return QIcon(str(resource_path(APP_ICON)))


def data_folder() -> Path:
    """The app's own data folder (AppLocalDataLocation): its log, saved chats and benchmarks."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))
