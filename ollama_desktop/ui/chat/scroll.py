"""Scrolling the chat: following the end, the "Jump to latest" button, keeping what the user reads in
place while text goes in or out above it, and adding an opened chat's older messages as the user
scrolls up towards them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser, QToolButton

if TYPE_CHECKING:
    from ollama_desktop.ui.chat.messages import ChatEntry

# Opening a long chat: older messages are added above the shown ones, in slices of at most
# HISTORY_SLICE_MS, while fewer than OLDER_AHEAD_SCREENS screens of them lie above what the user
# sees: scrolling up finds them there, and a long chat nobody scrolls back through costs neither
# the time nor the memory of laying all of it out (~50 MB for 200 messages of 500 words).
HISTORY_SLICE_MS = 8.0
OLDER_AHEAD_SCREENS = 2
ANCHOR_SETTLE_MS = 500


class ChatScroller(QObject):
    """Where the chat view is scrolled to, and why.

    The view follows the end while the user is at the bottom; once they scroll up it stays where
    they are and offers a "Jump to latest" button. `add_older(entry)` adds a message above the
    others; `busy()` says an answer is being written at the end (older messages wait for it);
    `in_one_edit(change)` runs `change` as one edit of the view's document.

    Thread: GUI thread.
    """

    def __init__(
        self,
        view: QTextBrowser,
        *,
        add_older: Callable[[ChatEntry], None],
        busy: Callable[[], bool],
        in_one_edit: Callable[[Callable[[], None]], None],
    ) -> None:
        super().__init__(view)
        self._view = view
        self._add_older = add_older
        self._busy = busy
        self._in_one_edit = in_one_edit
        self._older: list[ChatEntry] = []  # of an opened chat, still to be added above, oldest first
        self._history_timer = QTimer(self)
        self._history_timer.setInterval(0)
        self._history_timer.timeout.connect(self._add_older_slice)
        self._follow = True
        self._scrolling = False
        # Text to keep in place on the screen while older messages go in above: a cursor in it and
        # its distance from the top of the view.
        self._anchor: tuple[QTextCursor, float] | None = None
        # Let go of the anchor once Qt has laid out what went in (it does so in steps, soon after):
        # kept longer, it would pull the view back after later changes, such as a click that opens
        # a message's thinking.
        self._anchor_release = QTimer(self)
        self._anchor_release.setSingleShot(True)
        self._anchor_release.setInterval(ANCHOR_SETTLE_MS)
        self._anchor_release.timeout.connect(self.release_anchor)
        self.jump_button = QToolButton(view)
        self.jump_button.setText(QCoreApplication.translate("ChatView", "↓ Jump to latest"))
        self.jump_button.setToolTip(
            QCoreApplication.translate("ChatView", "Show the end of the conversation and follow the answer")
        )
        self.jump_button.hide()

    def watch(self) -> None:
        """Start following the user's scrolling (once the view has its scroll bar)."""
        bar = self._view.verticalScrollBar()
        bar.valueChanged.connect(self._on_scroll_value_changed)
        bar.rangeChanged.connect(self._on_scroll_range_changed)

    @property
    def following(self) -> bool:
        return self._follow

    @property
    def loading_history(self) -> bool:
        return bool(self._older)

    def follow_end(self) -> None:
        self._follow = True
        self._scroll_to_end()
        self._update_jump_button()

    def stop_adding_older(self) -> None:
        """Before the chat is cleared: nothing older to add."""
        self._history_timer.stop()
        self._older = []

    def follow_again(self) -> None:
        """The chat was cleared: follow the end again."""
        self._follow = True
        self._anchor = None
        self._update_jump_button()

    def add_older_later(self, entries: Sequence[ChatEntry]) -> None:
        """Messages older than those shown, oldest first: added above as the user scrolls up."""
        self._older = list(entries)

    def after_change(self) -> None:
        if self._follow:
            self._scroll_to_end()

    def on_resize(self) -> None:
        if not self.jump_button.isHidden():  # placed when shown (isVisible: also the view's own)
            self._place_jump_button()
        self.want_older()

    # -- keeping what the user reads in place ------------------------------------------------------

    def keep_in_place(self, change: Callable[[], None]) -> None:
        """Run `change` (text going in or out above what the user reads) without moving what they read."""
        self._hold_view()
        change()
        self._keep_anchor()
        if self._anchor is not None:
            self._anchor_release.start()

    def _hold_view(self) -> None:
        """Before text goes in or out above what the user reads (not following the end)."""
        if not self._follow and self._anchor is None:
            # What the user looks at stays where it is on the screen (see _keep_anchor). A cursor,
            # not a block: a cursor moves on as text goes in before it.
            view = self._view
            anchor = view.cursorForPosition(view.viewport().rect().center())
            top = view.document().documentLayout().blockBoundingRect(anchor.block()).top()
            self._anchor = (anchor, top - view.verticalScrollBar().value())

    @Slot()
    def release_anchor(self) -> None:
        self._anchor = None

    def _keep_anchor(self) -> None:
        """Scroll so that the anchored text is where it was on the screen.

        Qt lays a long document out in steps, in the background: the blocks below what went in above
        reach their new positions only as those steps run, and each step changes the scroll range,
        which calls this again.
        """
        if self._anchor is None or self._follow:
            return
        cursor, offset = self._anchor
        top = self._view.document().documentLayout().blockBoundingRect(cursor.block()).top()
        self._scroll_to(round(top - offset))

    # -- opening a long chat -----------------------------------------------------------------------

    @Slot()
    def _add_older_slice(self) -> None:
        """Add older messages above the shown ones for a few milliseconds, newest first."""
        self._in_one_edit(self._add_slice)

    def _add_slice(self) -> None:
        if not self._needs_older():
            self._history_timer.stop()
            return
        self.keep_in_place(self._add_for_a_while)
        if not self._older or not self._needs_older():
            self._history_timer.stop()

    def _add_for_a_while(self) -> None:
        deadline = time.perf_counter() + HISTORY_SLICE_MS / 1000
        while self._older and time.perf_counter() < deadline:
            self._add_older(self._older.pop())

    def _needs_older(self) -> bool:
        """Whether older messages should be added: fewer than OLDER_AHEAD_SCREENS screens are above."""
        if not self._older or self._busy():
            # Not while an answer is being written at the end: it goes on once the answer is done.
            return False
        view = self._view
        return view.verticalScrollBar().value() < OLDER_AHEAD_SCREENS * max(view.viewport().height(), 1)

    def want_older(self) -> None:
        if not self._history_timer.isActive() and self._needs_older():
            self._history_timer.start()

    # -- scrolling ---------------------------------------------------------------------------------

    def _at_bottom(self) -> bool:
        bar = self._view.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _scroll_to_end(self) -> None:
        self._scroll_to(self._view.verticalScrollBar().maximum())

    def _scroll_to(self, value: int) -> None:
        """Scroll for the user, not by them: their own scrolling decides whether the view follows."""
        self._scrolling = True
        try:
            self._view.verticalScrollBar().setValue(value)
        finally:
            self._scrolling = False

    @Slot(int)
    def _on_scroll_value_changed(self, _value: int) -> None:
        if not self._scrolling:
            self._follow = self._at_bottom()
            self._anchor = None  # the user scrolled: they look at something else now
        self._update_jump_button()
        self.want_older()

    @Slot(int, int)
    def _on_scroll_range_changed(self, _minimum: int, _maximum: int) -> None:
        if self._follow:
            self._scroll_to_end()
        else:
            self._keep_anchor()
        self._update_jump_button()

    def _update_jump_button(self) -> None:
        show = not self._follow and not self._at_bottom()
        if show == self.jump_button.isHidden():
            self.jump_button.setVisible(show)
            if show:
                self._place_jump_button()
                self.jump_button.raise_()

    def _place_jump_button(self) -> None:
        area = self._view.viewport().geometry()
        hint = self.jump_button.sizeHint()
        self.jump_button.resize(hint)
        self.jump_button.move(area.right() - hint.width() - 12, area.bottom() - hint.height() - 12)
