"""The process's first steps, taken before the app's modules load, then `app.main`.

Both make the window appear sooner (`python -m tests.perf.first_frame`, together ~20 ms of what
was a ~265 ms start):

- Python's cyclic garbage collector is off from the first line. While the app's modules and
  PySide6's types load, it would run some fifty times (~6 ms) and free nothing: all of it lives as
  long as the app. The app's own collector (`gc_guard`, started by `app.build`) takes over on Qt's
  event loop, and everything that survives the start is frozen after the first frame.
- PySide6 checks every module imported after it for the word "PySide6", for its opt-in
  `__feature__` switches (snake_case, true_property; this app uses none). It reads each module's
  source with `inspect.getsource`, which scans all of `sys.modules` once per module: ~13 ms for the
  app's modules. `_uses_pyside` gives the same answer from the file's bytes. (In the PyInstaller
  build the modules have no source files: there PySide6's own check runs, with the same answers.)
"""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from types import ModuleType

# Where PySide6 6.x keeps that check; if a later release moves it, nothing is changed.
_FEATURE_MODULE = "shibokensupport.feature"
_FEATURE_CHECK = "_mod_uses_pyside"


def _source_mentions_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether `module`'s source file contains "PySide6"; `fallback` for modules without one."""
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            pass
    return fallback(module)


def quicken_pyside_module_check() -> bool:
    """Make PySide6's per-import check read the file instead of `inspect.getsource`; True if done.

    Call after PySide6 has been imported (its check exists from then on).
    """
    feature = sys.modules.get(_FEATURE_MODULE)
    original = getattr(feature, _FEATURE_CHECK, None)
    if feature is None or not callable(original) or getattr(original, "quickened", False):
        return False

    def _uses_pyside(module: ModuleType) -> bool:
        return _source_mentions_pyside(module, original)

    _uses_pyside.quickened = True  # type: ignore[attr-defined]  # a mark on a function object
    setattr(feature, _FEATURE_CHECK, _uses_pyside)
    return True


def prepare() -> None:
    """What must come before the app's modules load (see the module's docstring)."""
    gc.disable()
    import PySide6.QtCore  # noqa: F401, PLC0415 - its check exists from this import on

    quicken_pyside_module_check()


def main(argv: Sequence[str] | None = None) -> int:
    """The process entry (`ollama-desktop`, `python -m ollama_desktop`): `prepare`, then the app;
    after it, the app again if the user asked for a restart.

    First, on Linux, whether Qt's X11 plugin has the system libraries it needs: if not, say which
    packages to install and end with status 1 (Qt itself would abort, blaming the wrong library).
    """
    args = list(sys.argv if argv is None else argv)
    if "--smoke-test" not in args:  # the smoke test runs offscreen
        # Imported here: only startup itself loads before prepare() (tests/test_startup.py).
        from ollama_desktop import system_libraries  # noqa: PLC0415 - ~0.4 ms, no Qt

        status = system_libraries.exit_status(args)
        if status is not None:
            return status
    prepare()
    from ollama_desktop.app import main as run_app  # noqa: PLC0415 - after prepare(), by design

    status = run_app(argv)
    # "Restart now" (a new language): the app has quit as usual and saved the chats; start it anew.
    from ollama_desktop import restart  # noqa: PLC0415 - the window imported it already

    restart.start_again_if_requested()
    return status
