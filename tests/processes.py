"""Running Python in a child process the way the tests need it: from the checkout, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_python(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """`python ARGS` in the checkout with Qt offscreen (and `env` added); its output as text."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {})),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
