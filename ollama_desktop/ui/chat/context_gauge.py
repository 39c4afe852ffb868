"""The context gauge under the prompt, the alarm when the server dropped the chat's oldest messages,
and the warning before a question that would make it drop them.

The figures and the fixes are ContextController's; here they are only shown and forwarded.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QProgressBar, QWidget

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.context import ContextController
from ollama_desktop.core.chat.context import WARN_SHARE, ContextUsage
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.ui.chat.prompt_edit import PromptEdit
from ollama_desktop.ui.chat.view import ChatView
from ollama_desktop.ui.locale_format import count_text, size_text
from ollama_desktop.ui.messages import explain_error
from ollama_desktop.ui.window.composer import Composer

GREY, AMBER, RED = "grey", "amber", "red"
_COLOURS = {AMBER: "#d48a00", RED: "#d03030"}
ENLARGE, SUMMARIZE = "enlarge-context", "summarize-chat"


# What is typed counts in the gauge once typing pauses this long.
TYPING_PAUSE_MS = 150


class ContextGauge(QWidget):
    """The figures ("1,210 / 4,096 tokens") and a thin bar: grey, amber past 80 %, red when the
    typed text would not fit; the tooltip says it in words.

    Thread: GUI thread.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = GREY
        self._colour = ""  # the colour styled last
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(60, 4)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addStretch(1)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.label)
        font = self.label.font()
        font.setPointSizeF(max(font.pointSizeF() - 1, 7.0))
        self.label.setFont(font)
        self.setVisible(False)

    def show_usage(self, usage: ContextUsage) -> None:
        if usage.size <= 0:
            self.setVisible(False)
            return
        self.setVisible(True)
        used = usage.used + usage.typed
        self.label.setText(
            self.tr("{used} / {size} tokens").format(used=count_text(used), size=count_text(usage.size))
        )
        self.bar.setRange(0, usage.size)
        self.bar.setValue(min(used, usage.size))
        if not usage.fits:
            self.level = RED
        elif used > usage.size * WARN_SHARE:
            self.level = AMBER
        else:
            self.level = GREY
        colour = _COLOURS.get(self.level)
        if colour is None:
            colour = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        if colour != self._colour:  # a style sheet re-styles the widget: only when the level changes
            self._colour = colour
            self.label.setStyleSheet(f"color: {colour};")
            self.bar.setStyleSheet(
                f"QProgressBar {{ border: none; background: palette(mid); border-radius: 2px; }}"
                f"QProgressBar::chunk {{ background: {colour}; border-radius: 2px; }}"
            )
        self.setToolTip(self._words(usage))

    def _words(self, usage: ContextUsage) -> str:
        source = {
            "chat": self.tr("the size set in this chat's options"),
            "loaded": self.tr("as the model is loaded now"),
            "cloud": self.tr("the cloud model's own maximum"),
        }.get(usage.source, self.tr("Ollama's usual default; the server may give more"))
        text = self.tr(
            "This chat fills {used} of the {size} tokens the model keeps in mind ({source})."
        ).format(used=count_text(usage.used), size=count_text(usage.size), source=source)
        if not usage.measured and usage.used:
            text += " " + self.tr("Estimated until the model answers.")
        if usage.typed:
            text += " " + self.tr("What you typed adds about {typed}.").format(typed=count_text(usage.typed))
        if not usage.fits:
            text += " " + self.tr("The next question would make the model forget the start of the chat.")
        return text


class ContextPane(QObject):
    """Wires the gauge, the alarm and the pre-send warning to a ContextController.

    Thread: GUI thread.
    """

    def __init__(
        self,
        context: ContextController,
        chat: ChatController,
        *,
        composer: Composer,
        prompt: PromptEdit,
        view: ChatView,
        picker: QComboBox,
        notify: Callable[[str, int], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._chat = chat
        self._prompt = prompt
        self._view = view
        self._notify = notify
        self._warned: str | None = None  # the question warned about (Send again sends it; "": files alone)
        self._marked = False
        self.gauge = ContextGauge()
        composer.add_under_prompt(self.gauge)
        context.usage_changed.connect(self._on_usage_changed)
        context.history_dropped.connect(self._on_history_dropped)
        context.enlarged.connect(self._on_enlarged)
        context.summary_started.connect(self._on_summary_started)
        context.summary_ready.connect(self._on_summary_ready)
        context.summary_failed.connect(self._on_summary_failed)
        view.notice_link_clicked.connect(self._on_link)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._count_typed)
        prompt.textChanged.connect(self._on_typed)
        picker.currentIndexChanged.connect(lambda _index: context.refresh())
        context.refresh()

    def confirm_send(self, text: str) -> bool:
        """Whether `text` may go now: a question that would make the model forget messages it still
        sees is held back once, with a warning; Send again sends it."""
        usage = self._context.usage
        if self._context.fits(text) is not False or usage.dropped is not None or text == self._warned:
            self._warned = None
            return True
        self._warned = text
        self._notify(
            self.tr(
                "This question may not fit: the model would forget the start of the chat. "
                "Send anyway? Press Send again."
            ),
            0,
        )
        return False

    @Slot()
    def _on_typed(self) -> None:
        # Counted once typing pauses, not for every key (a pasted page is read once, not per key).
        self._typing.start()

    @Slot()
    def _count_typed(self) -> None:
        self._context.set_typed(self._prompt.toPlainText())

    @Slot(object)
    def _on_usage_changed(self, usage: ContextUsage) -> None:
        self.gauge.show_usage(usage)
        if usage.dropped is None and self._marked:
            self._marked = False
            self._view.mark_memory_start(0)

    @Slot(str, int)
    def _on_history_dropped(self, _reply_id: str, count: int) -> None:
        # After the window has ended the answer in the view (it hears reply_finished later).
        QTimer.singleShot(0, lambda: self._show_alarm(count))

    def _show_alarm(self, count: int) -> None:
        usage = self._context.usage
        if usage.dropped is None:
            return
        text = self.tr(
            "The model no longer sees your first %n messages: this chat is longer than its "
            "{size}-token memory.",
            "",
            count,
        ).format(size=count_text(usage.size))
        links = []
        larger = self._context.larger_size()
        if larger is not None:
            label = self.tr("Give this chat a larger memory ({size} tokens)").format(size=count_text(larger))
            links.append((ENLARGE, label))
        links.append((SUMMARIZE, self.tr("Start a new chat from a summary")))
        self._view.add_notice(text, links)
        messages = self._chat.conversation.messages
        first = next((i for i, m in enumerate(messages) if m.id == usage.dropped.first_seen_id), None)
        if first is not None:
            self._marked = True
            self._view.mark_memory_start(len(messages) - first, self.tr("▲ The model's memory begins here"))

    @Slot(str)
    def _on_link(self, command: str) -> None:
        if command == ENLARGE:
            done = self._context.enlarge() is not None
        elif command == SUMMARIZE:
            done = self._context.summarize()
        else:
            return
        if done:
            return
        if self._chat.busy:
            self._notify(self.tr("Wait for the answer to end, then try again."), 8000)
        elif command == ENLARGE:
            self._notify(self.tr("This model has no larger memory to give this chat."), 8000)
        elif self._context.summarizing:
            self._notify(self.tr("The model is writing a summary of this chat…"), 0)

    @Slot(int, object, object)
    def _on_enlarged(self, size: int, memory: int, before: int) -> None:
        text = self.tr("This chat now has a memory of {size} tokens.").format(size=count_text(size))
        if memory and before:
            text += " " + self.tr("The model now takes {memory} of memory ({before} before).").format(
                memory=size_text(memory), before=size_text(before)
            )
        elif memory:
            text += " " + self.tr("The model now takes {memory} of memory.").format(memory=size_text(memory))
        self._notify(text, 20000)

    @Slot()
    def _on_summary_started(self) -> None:
        self._notify(self.tr("The model is writing a summary of this chat…"), 0)

    @Slot(str)
    def _on_summary_ready(self, _summary: str) -> None:
        self._notify(self.tr("A new chat starts from the summary."), 8000)
        self._view.add_notice(
            self.tr(
                "This chat continues the previous one from the model's summary of it, which is in "
                "this chat's system prompt (Chat options)."
            )
        )

    @Slot(object)
    def _on_summary_failed(self, error: object) -> None:
        if isinstance(error, OllamaError):
            reason = explain_error(error, self._context.host, self._chat.model).message
        else:
            reason = self.tr("the model wrote nothing")
        self._notify(self.tr("No summary could be written: {reason}").format(reason=reason), 15000)
