"""Starting the app again once it has quit ("Restart now" after choosing a language).

The window asks for it (`request`), then quits the way the Quit action does, so the chats are
saved and the file closed. After Qt's loop has ended, `startup.main` calls `start_again_if_requested`:
the same program starts again, detached, with the same arguments, and this process ends.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)

# Tells a PyInstaller build (6.10+) started by another to unpack itself afresh: by default it
# would take over the first one's environment, whose one-file temporary folder is being deleted.
PYINSTALLER_RESET = "PYINSTALLER_RESET_ENVIRONMENT"

Starter = Callable[[str, Sequence[str]], bool]

_requested = False


def request() -> None:
    """Start the app again after it quits."""
    global _requested  # noqa: PLW0603 - one request per process, read once after the loop
    _requested = True


def cancel() -> None:
    global _requested  # noqa: PLW0603
    _requested = False


def requested() -> bool:
    return _requested


def command(
    *,
    executable: str | None = None,
    orig_argv: Sequence[str] | None = None,
    argv: Sequence[str] | None = None,
    frozen: bool | None = None,
) -> tuple[str, list[str]]:
    """The program and arguments that start this app again, as it was started.

    From source: the interpreter with its original command line (`sys.orig_argv`: its options,
    `-m ollama_desktop` or the `ollama-desktop` script, and the app's arguments). A PyInstaller
    build: the executable with the app's arguments.
    """
    executable = sys.executable if executable is None else executable
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if frozen:
        return executable, list((sys.argv if argv is None else argv)[1:])
    return executable, list((sys.orig_argv if orig_argv is None else orig_argv)[1:])


def start_detached(program: str, arguments: Sequence[str]) -> bool:
    """Start a process that outlives this one; whether it started."""
    from PySide6.QtCore import QProcess  # noqa: PLC0415 - only when restarting

    started, _pid = QProcess.startDetached(program, list(arguments))
    return bool(started)


def start_again_if_requested(starter: Starter | None = None, *, frozen: bool | None = None) -> bool:
    """Start the app again if that was asked for (`request`); whether a new one started.

    `starter` (tests) replaces `start_detached`.
    """
    starter = start_detached if starter is None else starter
    if not _requested:
        return False
    cancel()
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if frozen:
        os.environ[PYINSTALLER_RESET] = "1"
    program, arguments = command(frozen=frozen)
    started = starter(program, arguments)
    if started:
        log.info("started again: %s %s", program, " ".join(arguments))
    else:
        log.warning("could not start again: %s %s", program, " ".join(arguments))
    return started
