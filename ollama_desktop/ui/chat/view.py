"""The conversation as the user sees it: messages as bubbles, answers as markdown streaming in.

The whole chat is one QTextDocument (so a selection can run across messages), each message a run of
plain blocks whose bubble the view paints itself. What keeps it fast at any length (see README,
"Performance"):

- text is only ever added at the end, so earlier messages are rendered once and never touched again;
- an answer's finished markdown blocks are written once; only its open tail (the block still being
  written) is rewritten, at most once per frame, whatever the token rate, and a frame that only adds
  words to the open paragraph inserts them without writing it again;
- messages are not QTextFrames or tables: a change inside one makes Qt lay out all of it again and
  repaint the whole window, so plain blocks with painted bubbles keep each frame to what changed;
- code is highlighted once, when its fence closes;
- an answer longer than fold.FOLD_WEIGHT keeps only its newest blocks in the document (one line at its
  top says so), so its memory stays bounded; its text stays whole where it is kept (Copy takes it
  from the conversation or the history, not from a copy of the view's own);
- a long chat opened at once shows its newest messages first and adds the older ones above them in
  slices of a few milliseconds, so the window never stops answering.

Nothing remote is ever loaded: images become links, and a link opens in the browser only when it is
clicked and only if it is http(s).

markdown-it and Pygments are imported on the first answer (the app imports them just after the first
frame), so they cost nothing at start-up.

The view assembles parts that each own their state: the messages' blocks and formats
(messages), their bubbles (message_bubbles), answers streaming in (reply, over the regions
of regions), the reasoning sections (thinking), the fold of very long answers (fold),
scrolling and an opened chat's older messages (scroll), the code of Copy links (code_blocks)
and the markdown stack loaded in the background (markdown_loader).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QMimeData, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QCursor,
    QDesktopServices,
    QGuiApplication,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from ollama_desktop.core.chat.conversation import ROLE_ASSISTANT, ROLE_USER
from ollama_desktop.ui.chat import markdown_loader
from ollama_desktop.ui.chat.attachment_view import PICTURE_COMMAND, AttachmentView
from ollama_desktop.ui.chat.code_blocks import COMMAND_SCHEME, CodeStore
from ollama_desktop.ui.chat.fold import FoldQueue
from ollama_desktop.ui.chat.message_bubbles import ROLE_ERROR, MessageBubbles
from ollama_desktop.ui.chat.messages import ChatEntry, Message, MessageBlocks
from ollama_desktop.ui.chat.notices import ChatNotices
from ollama_desktop.ui.chat.regions import Region, body_region
from ollama_desktop.ui.chat.reply import LOADING_POLL_MS, Reply, ReplyRenderer
from ollama_desktop.ui.chat.scroll import ChatScroller
from ollama_desktop.ui.chat.search_marks import SearchMarks
from ollama_desktop.ui.chat.steady_scroll_bar import SteadyScrollBar
from ollama_desktop.ui.chat.theme import CHROME_PROPERTY, ChatTheme
from ollama_desktop.ui.chat.thinking import ThinkingSections

if TYPE_CHECKING:
    from ollama_desktop.core.attachments.attachment import Attachment
    from ollama_desktop.ui.chat.markdown_render import MarkdownWriter

__all__ = ["CHROME_PROPERTY", "ROLE_ASSISTANT", "ROLE_ERROR", "ROLE_USER", "ChatEntry", "ChatView"]

# Opening a long chat: this many characters of the newest messages are shown at once; the older
# ones are added above them as the user scrolls up (see scroll).
FIRST_SCREEN_CHARS = 12_000


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _one_edit(method: Callable[Concatenate[ChatView, _P], _R]) -> Callable[Concatenate[ChatView, _P], _R]:
    """Run a method as one edit of the document, then follow the end if following.

    Why: every separate insert makes Qt lay the document out again (~0.3 ms each, far more once a
    long chat is above); inside an edit block it lays out once, when the block ends.
    """

    def edit(self: ChatView, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        try:
            return method(self, *args, **kwargs)
        finally:
            cursor.endEditBlock()
            self._after_change()

    functools.update_wrapper(edit, method)  # Qt's @Slot registers the method under its own name
    return edit


# The widest the chat's text gets (and the composer under it): ~90 characters of text a line.
CHAT_COLUMN_WIDTH = 860


class ChatView(QTextBrowser):
    """The chat transcript: questions, answers and errors as bubbles; answers rendered as markdown.

    The interface the app uses to show a chat: `add_question`, `begin_reply`, `append_reply`,
    `append_thinking`, `set_reply_note`, `end_reply`, `add_error`, `clear_chat`, and `show_chat` to
    open a finished chat. The view follows the end while the user is at the bottom; once they scroll
    up it stays where they are and offers a "Jump to latest" button.

    Thread: GUI thread.
    """

    notice_link_clicked = Signal(str)  # the command of a link in a notice (see `add_notice`)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # links are handled in _on_anchor_clicked, and only when clicked
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)  # streaming would otherwise keep every edit in memory
        self.setPlaceholderText(self.tr("Your conversation appears here."))
        self._theme = ChatTheme.for_palette(self.palette())
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, self._theme.background)
        palette.setColor(QPalette.ColorRole.Text, self._theme.text)
        # The margins around the centred column (see resizeEvent) are the chat's too.
        palette.setColor(QPalette.ColorRole.Window, self._theme.background)
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self._fitting = False  # setting the column's margins (see resizeEvent)
        self.document().setDocumentMargin(12)
        self.anchorClicked.connect(self._on_anchor_clicked)

        self._writer_instance: MarkdownWriter | None = None
        self._codes = CodeStore()
        self._blocks = MessageBlocks(self, self._theme)
        self._notices = ChatNotices(self, self._blocks, self._theme)
        self._messages = self._blocks.messages  # by number (the same dict, kept by the blocks)
        self._order = self._blocks.order  # as shown, top to bottom
        self._bubbles = MessageBubbles(self, self._theme)
        self._attachments = AttachmentView(self, self._blocks, self._theme)
        self._scroll = ChatScroller(
            self,
            add_older=functools.partial(self._add_entry, at_top=True),
            busy=self._writing,
            in_one_edit=self._in_one_edit,
        )
        self.jump_button = self._scroll.jump_button
        self.jump_button.clicked.connect(self.jump_to_latest)
        self._folds = FoldQueue(
            self._in_one_edit,
            self._scroll.keep_in_place,
            self._region_shown,
            self._blocks.chrome_format,
            self,
        )
        self._thinking = ThinkingSections(
            self.document(),
            self._blocks,
            self._codes,
            self._folds,
            writer=self._writer,
            release_anchor=self._scroll.release_anchor,
            locale=self.locale,
        )
        self._replies = ReplyRenderer(
            self._blocks,
            self._codes,
            self._thinking,
            self._folds,
            self._theme,
            writer=self._writer,
            after_change=self._after_change,
            locale=self.locale,
        )
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._on_render_due)
        self._loading_started = False
        self._search_marks = SearchMarks(self)
        self.setVerticalScrollBar(SteadyScrollBar(Qt.Orientation.Vertical, self))
        self._scroll.watch()

    # -- the interface ---------------------------------------------------------------------------

    @_one_edit
    def add_question(self, text: str, attachments: Sequence[Attachment] = ()) -> None:
        """Show the user's question (plain text, as typed) with its attached files above it."""
        self._add_entry(ChatEntry(ROLE_USER, text, attachments=tuple(attachments)), at_top=False)
        self._after_change()

    @_one_edit
    def begin_reply(self, model: str) -> None:
        """Open an answer by `model`; its text comes through `append_reply` (and `append_thinking`)."""
        markdown_loader.LOADER.start()
        if self._replies.current is not None:
            self.end_reply()
        message, cursor = self._blocks.new_message(ROLE_ASSISTANT, model or self.tr("Answer"), at_top=False)
        body = body_region(message, cursor.position(), self._codes)
        message.streaming = True
        self._replies.current = Reply(message, body)
        self._after_change()

    def append_reply(self, text: str) -> None:
        """More of the answer (any size of piece; rendered at most once per event-loop pass)."""
        if self._replies.current is None:
            self.begin_reply("")
        assert self._replies.current is not None
        if text:
            self._replies.current.pending_text.append(text)
            self._render_timer.start(0)

    def append_thinking(self, text: str) -> None:
        """More of the model's reasoning (`message.thinking`), shown above the answer."""
        if self._replies.current is None:
            self.begin_reply("")
        assert self._replies.current is not None
        if text:
            self._replies.current.pending_thinking.append(text)
            self._render_timer.start(0)

    @_one_edit
    def set_reply_note(self, note: str) -> None:
        """The small line under the answer while it streams (its live speed)."""
        if self._replies.current is not None:
            self._blocks.set_footer(self._replies.current.message, note, copy=False)

    @_one_edit
    def end_reply(self, note: str = "", text: str | None = None) -> None:
        """The answer is complete (or stopped): render what is left as final, show `note` under it.

        `text`: all of the answer's text as it arrived, as the conversation keeps it: Copy takes it
        from there, and the view lets go of its own copy.
        """
        reply = self._replies.current
        if reply is None:
            return
        self._replies.current = None
        reply.ended = True
        reply.message.note = note
        if text is not None:  # the conversation's own string (ChatController split off any reasoning)
            reply.message.source = text
            reply.message.text.clear()
        if markdown_loader.LOADER.ready:
            if not self._replies.render(reply):  # sets the footer too, once all of it is rendered
                self._replies.unrendered.append(reply)
                self._render_timer.start(0)
        else:
            self._replies.show_preview(reply)
            self._replies.unrendered.append(reply)
            self._render_timer.start(LOADING_POLL_MS)
            self._blocks.set_footer(reply.message, note, copy=bool("".join(reply.pending_text).strip()))
        self._after_change()
        self._scroll.want_older()

    @_one_edit
    def add_error(self, text: str, details: str = "") -> None:
        """Show a problem (in plain words) as its own red block; `details` (Ollama's own words,
        untranslated) go small under it, like an answer's note."""
        message, cursor = self._blocks.new_message(ROLE_ERROR, "", at_top=False)
        self._blocks.write_plain(
            cursor, text, self._blocks.body_format(self._theme.error_text), message.margins
        )
        if details:
            note = self.tr("Details: {details}").format(details=details)
            self._blocks.set_footer(message, note, copy=False)
        self._after_change()

    @_one_edit
    def add_notice(self, text: str, links: Sequence[tuple[str, str]] = ()) -> None:
        """A warning in plain words, with links under it (see ChatNotices.add)."""
        self._notices.add(text, links)
        self._after_change()

    @_one_edit
    def mark_memory_start(self, from_end: int, label: str = "") -> None:
        """Mark where the model's memory begins (see ChatNotices.mark_memory_start)."""
        self._notices.mark_memory_start(from_end, label)

    @_one_edit
    def withdraw_question(self) -> None:
        """Take the last question, and the answer that brought nothing, off the chat."""
        order = self._blocks.order
        first = next((i for i in reversed(range(len(order))) if order[i].role == ROLE_USER), None)
        if first is None:
            return
        gone = order[first:]
        replies = self._replies
        if replies.current is not None and replies.current.message in gone:
            replies.current = None
        replies.unrendered = [reply for reply in replies.unrendered if reply.message not in gone]
        self._blocks.remove_from(first)
        self._after_change()

    def clear_chat(self) -> None:
        self._render_timer.stop()
        self._folds.clear()
        self._scroll.stop_adding_older()
        self._replies.current = None
        self._replies.unrendered.clear()
        self._blocks.clear()
        self._attachments.clear()
        self._codes.clear()
        self.clear()
        self._scroll.follow_again()
        self._search_marks.clear()

    @_one_edit
    def show_chat(self, entries: Sequence[ChatEntry]) -> None:
        """Show a finished chat: the newest messages at once, the older ones added above in slices."""
        self.clear_chat()
        markdown_loader.LOADER.wait()
        split = len(entries)
        shown = 0
        while split > 0 and shown < FIRST_SCREEN_CHARS:
            split -= 1
            shown += entries[split].weight
        for entry in entries[split:]:
            self._add_entry(entry, at_top=False)
        self._scroll.add_older_later(entries[:split])
        self._after_change()
        self._scroll.want_older()

    @property
    def rendering_pending(self) -> bool:
        """Whether an answer is shown as plain text for now, waiting for the markdown stack, or
        still to be written or folded."""
        replies = self._replies
        waiting = replies.current is not None and not markdown_loader.LOADER.ready
        return bool(replies.unrendered) or self._folds.pending or waiting

    @property
    def loading_history(self) -> bool:
        """Whether older messages of an opened chat are still to be added (they are, as the user
        scrolls up towards them)."""
        return self._scroll.loading_history

    def reply_text(self) -> str:
        """The transcript as plain text (of an opened chat: the messages shown so far)."""
        return self.toPlainText()

    @property
    def following(self) -> bool:
        """Whether the view keeps the end in sight as the answer grows."""
        return self._scroll.following

    @Slot()
    def jump_to_latest(self) -> None:
        self._scroll.follow_end()

    def highlight(self, words: Sequence[str]) -> int:
        """Mark every match of the search `words` in the chat and scroll to the first; how many.

        Text added later (older messages, answers still being rendered) is marked too; `()` clears
        the marks, and so does `clear_chat` (another chat opens).
        """
        return self._search_marks.mark(words)

    def message_count(self) -> int:
        """How many messages are shown (of an opened chat: not the older ones still to be added)."""
        return len(self._blocks.order)

    def message_range(self, index: int) -> tuple[int, int]:
        """The first and last document positions of the `index`-th message shown (its gap excluded)."""
        message = self._blocks.order[index]
        return message.start.position(), message.spacer.position() - 1

    # -- the parts' hooks ------------------------------------------------------------------------

    def _after_change(self) -> None:
        self._scroll.after_change()

    def _in_one_edit(self, change: Callable[[], None]) -> None:
        """Run `change` as one edit of the document (see _one_edit)."""
        _one_edit(lambda _view: change())(self)

    def _writing(self) -> bool:
        """Whether an answer is being written at the end (an opened chat's older messages wait)."""
        return self._replies.current is not None or bool(self._replies.unrendered)

    def _region_shown(self, message: Message, region: Region) -> bool:
        shown = region is message.body or region is message.thinking_region
        return shown and message.number in self._blocks.messages

    def _writer(self) -> MarkdownWriter:
        if self._writer_instance is None:
            # After the first frame: this brings in markdown-it and Pygments (~100 ms of imports).
            from ollama_desktop.ui.chat.markdown_render import MarkdownWriter  # noqa: PLC0415

            self._writer_instance = MarkdownWriter(self._theme, self._codes.link, self._codes.more)
        return self._writer_instance

    # -- rendering -------------------------------------------------------------------------------

    @Slot()
    @_one_edit
    def _on_render_due(self) -> None:
        if not markdown_loader.LOADER.ready:
            if self._replies.current is not None:
                self._replies.show_preview(self._replies.current)
            self._render_timer.start(LOADING_POLL_MS)
            return
        more, looked = self._replies.render_pending()
        if more:
            self._render_timer.start(0)
        elif looked:
            self._scroll.want_older()

    def _add_entry(self, entry: ChatEntry, *, at_top: bool) -> None:
        blocks = self._blocks
        if entry.role == ROLE_ERROR:
            message, cursor = blocks.new_message(ROLE_ERROR, "", at_top=at_top)
            blocks.write_plain(
                cursor, entry.text, blocks.body_format(self._theme.error_text), message.margins
            )
            return
        if entry.role == ROLE_USER:
            message, cursor = blocks.new_message(ROLE_USER, self.tr("You"), at_top=at_top)
            message.text.append(entry.text)
            self._attachments.write(cursor, entry.attachments, message.margins, text_follows=bool(entry.text))
            blocks.write_plain(cursor, entry.text, blocks.body_format(self._theme.text), message.margins)
            blocks.set_footer(message, "", copy=True)
            return
        title = entry.title or self.tr("Answer")
        message, cursor = blocks.new_message(ROLE_ASSISTANT, title, at_top=at_top)
        if self._replies.add_finished(message, cursor, entry.text, entry.thinking, entry.note):
            self._render_timer.start(0)

    # -- painting --------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        self._bubbles.paint(self._blocks.order, event.rect())
        super().paintEvent(event)
        if not self._loading_started:
            # After the first frame, not before it: the imports then cost the start nothing.
            self._loading_started = True
            QTimer.singleShot(0, markdown_loader.start_loading_markdown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A readable column: past CHAT_COLUMN_WIDTH the text stays that wide, centred, and the
        # scroll bar stays at the window's edge (the margins are outside the viewport).
        side = max(0, (event.size().width() - CHAT_COLUMN_WIDTH) // 2)
        if self.viewportMargins().left() != side and not self._fitting:
            # Setting the margins lays the scroll area out again, which can send another resize.
            self._fitting = True
            try:
                self.setViewportMargins(side, 0, side, 0)
            finally:
                self._fitting = False
        super().resizeEvent(event)
        self._scroll.on_resize()

    # -- links, copying ------------------------------------------------------------------------

    @Slot(QUrl)
    @_one_edit
    def _on_anchor_clicked(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme in ("http", "https") and url.host():
            QDesktopServices.openUrl(url)
            return
        if scheme != COMMAND_SCHEME:
            return  # anything else is never opened
        command, _, number_text = url.path().partition("/")
        if command == "notice":
            self.notice_link_clicked.emit(number_text)
            return
        if not number_text.isdigit():
            return
        number = int(number_text)
        code = self._codes.get(number) if command == "copy-code" else None
        message = self._blocks.messages.get(number)
        if code is not None:
            self._copy(code)
        elif command == "copy-message" and message is not None:
            self._copy(message.copy_text().strip())
        elif command == "thinking" and message is not None:
            self._thinking.set_open(message, not message.thinking_open, self._replies.current)
        elif command == PICTURE_COMMAND:
            self._attachments.open(number)

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        QToolTip.showText(QCursor.pos(), self.tr("Copied"), self)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Nothing is ever loaded from anywhere: no images, no style sheets, local or remote."""
        return None

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy the selected text without the view's own labels (names, Copy links, notes)."""
        cursor = self.textCursor()
        mime = QMimeData()
        mime.setText(self._blocks.selected_text(cursor.selectionStart(), cursor.selectionEnd()))
        return mime
