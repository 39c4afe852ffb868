"""Where each message's bubble lies in the chat document, and painting the ones in a repainted area.

The messages are plain blocks (see messages); their bubbles are painted under the text by the
view (see bubbles.BubblePainter for the drawing itself).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QTextBrowser

from ollama_desktop.core.chat.conversation import ROLE_USER
from ollama_desktop.ui.chat.bubbles import BubblePainter
from ollama_desktop.ui.chat.theme import ChatTheme

if TYPE_CHECKING:
    from ollama_desktop.ui.chat.messages import Message

ROLE_ERROR = "error"  # the view's own: a problem shown as a message (ROLE_USER/ASSISTANT: conversation)

BUBBLE_GAP = 8.0
BUBBLE_RADIUS = 8.0
BUBBLE_PADDING = 10.0
USER_INDENT = 56.0
ASSISTANT_INDENT = 24.0


def text_margins(role: str) -> tuple[float, float]:
    """Where a message's text sits: inside its bubble, which is indented by role."""
    if role == ROLE_USER:
        return USER_INDENT + BUBBLE_PADDING, BUBBLE_PADDING
    return BUBBLE_PADDING, ASSISTANT_INDENT + BUBBLE_PADDING


class MessageBubbles:
    """Paints the bubbles of the messages of `view` that lie in a repainted area.

    Thread: GUI thread.
    """

    def __init__(self, view: QTextBrowser, theme: ChatTheme) -> None:
        self._view = view
        self._theme = theme
        self._painter = BubblePainter(BUBBLE_RADIUS)

    def bubble_rect(self, message: Message) -> QRect:
        """The message's bubble in document coordinates: from its title to its footer, padded; in
        whole pixels, so that its straight edges fall on pixel rows and columns."""
        document = self._view.document()
        layout = document.documentLayout()
        # Padding above the title's text and below the footer's (measured against what Qt draws).
        top = layout.blockBoundingRect(document.findBlock(message.start.position())).top() - 5
        footer = document.findBlock(message.spacer.position()).previous()
        bottom = layout.blockBoundingRect(footer).bottom() + BUBBLE_PADDING
        margin = document.documentMargin()
        width = max(document.textWidth(), self._view.viewport().width())
        if message.role == ROLE_USER:
            left, right = margin + USER_INDENT, width - margin
        else:
            left, right = margin, width - margin - ASSISTANT_INDENT
        return QRectF(left, top, right - left, bottom - top).toRect()

    def paint(self, order: Sequence[Message], area: QRect) -> None:
        """Draw the bubbles of the messages in `area` (viewport coordinates) under the text; of
        each, only what lies in `area` (a long answer's bubble is many screens tall)."""
        if not order:
            return
        view = self._view
        dx = view.horizontalScrollBar().value()
        dy = view.verticalScrollBar().value()
        top, bottom = float(area.top() + dy), float(area.bottom() + dy)
        rects: dict[int, QRect] = {}

        def rect_of(message: Message) -> QRect:
            if message.number not in rects:
                rects[message.number] = self.bubble_rect(message)
            return rects[message.number]

        # Messages are in document order: find the first one that reaches into the area. While an
        # answer streams the area is at the end, so look there first, back to a message that starts
        # above the area (bubbles do not overlap): a bubble's rectangle costs ~30 µs, and a search
        # through a long chat would measure eight of them on every frame.
        first = len(order)
        for _ in range(4):
            first -= 1
            if first <= 0 or rect_of(order[first]).top() <= top:
                break
        else:
            first = bisect.bisect_left(order, top, hi=first, key=lambda message: rect_of(message).bottom())
        painter = QPainter(view.viewport())
        for message in order[first:]:
            rect = rect_of(message)
            if rect.top() > bottom:
                break
            fill, border = self._colours(message.role)
            self._painter.paint(painter, rect.translated(-dx, -dy), area, fill, border)
        painter.end()

    def _colours(self, role: str) -> tuple[QColor, QColor]:
        theme = self._theme
        if role == ROLE_USER:
            return theme.user_bubble, theme.user_border
        if role == ROLE_ERROR:
            return theme.error_bubble, theme.error_border
        return theme.assistant_bubble, theme.assistant_border
