"""PyInstaller runtime hook: lets CJK input work in the bundle when the desktop's input method is fcitx.

It runs in the frozen app only, before the app's own code. The bundle carries the ibus and compose
input-method plugins that come with PySide6, but no fcitx plugin: fcitx's Qt plugin is built
against each distribution's own Qt and cannot be loaded by the bundled one. fcitx5 also answers
the ibus protocol (its ibus front end), so where the desktop asks Qt for fcitx, ask for fcitx
first and then ibus. Qt 6.8+ reads QT_IM_MODULES, a list tried in order, before QT_IM_MODULE.
A user's own QT_IM_MODULES is left alone.
"""

import os
import sys

if sys.platform.startswith("linux") and not os.environ.get("QT_IM_MODULES"):
    _requested = os.environ.get("QT_IM_MODULE", "")
    if _requested.lower().startswith("fcitx"):
        os.environ["QT_IM_MODULES"] = f"{_requested};ibus"
