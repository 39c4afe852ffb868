"""Guard against PySide6 builds that over-release None on void calls.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every call of a method that returns
nothing; after a few thousand calls the interpreter aborts (`Fatal Python error: bool_dealloc`),
mid-stream or at exit. pyproject.toml excludes that build on 3.11; this test fails if an installed
PySide6 leaks anyway.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QTextBrowser


def test_void_calls_keep_none_refcount(qtbot) -> None:  # type: ignore[no-untyped-def]
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    bar = browser.verticalScrollBar()
    before = sys.getrefcount(None)
    for _ in range(1000):
        bar.setValue(0)
        browser.insertPlainText("")
    lost = before - sys.getrefcount(None)
    # Other threads may hold or drop a few references meanwhile; a leaking build loses ~2000.
    assert lost < 100, f"PySide6 lost {lost} references to None in 2000 void calls"
