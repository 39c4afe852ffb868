"""Attached files in the window: the attach button and its file dialog, drops on the window, pastes
into the prompt, the chips above the prompt, and Send with the files (issue #20).

Send is here too: what the window does on Send (checks, then `ChatController.send` with the ready
attachments), so that a question with pictures for a model that cannot see them is held back with
a notice offering a model that can, instead of being refused by the server.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QEvent, QMimeData, QObject, Slot
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QFileDialog, QWidget

from ollama_desktop.controllers.attachments import AttachmentsController
from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.context import ContextController
from ollama_desktop.core.attachments.attachment import Attachment
from ollama_desktop.ui.chat.attachment_chips import AttachmentChips
from ollama_desktop.ui.chat.attachment_problems import attachment_problem
from ollama_desktop.ui.chat.prompt_edit import local_files
from ollama_desktop.workers import WorkerPool

if TYPE_CHECKING:
    from ollama_desktop.ui.window.main_window import MainWindow

# The commands of the links in the vision notice (see ChatView.add_notice).
USE_MODEL, OPEN_MODELS = "use-model", "open-models"
NOTICE_MS = 12000
_PICTURES = "*.png *.jpg *.jpeg *.webp *.gif"
_DOCUMENTS = (
    "*.pdf *.docx *.txt *.md *.markdown *.csv *.tsv *.json *.py *.js *.ts *.html *.css *.xml *.yaml *.yml"
)
_DROPS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def choose_files(parent: QWidget, title: str, filters: str, folder: str) -> list[str]:
    """The files the user picks in the system's file dialog, opened in `folder` ([] when cancelled)."""
    paths, _chosen = QFileDialog.getOpenFileNames(parent, title, folder, filters)
    return paths


class AttachmentsPane(QObject):
    """Wires the composer's attachments to the window, and sends questions with them.

    Thread: GUI thread.
    """

    def __init__(
        self,
        window: MainWindow,
        chat: ChatController,
        connection: ConnectionController,
        attachments: AttachmentsController | None = None,
        context: ContextController | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._chat = chat
        self._connection = connection
        self._context = context
        # app.py hands in one on the app's pool; a window built alone (tests) reads on its own.
        self.attachments = attachments or AttachmentsController(WorkerPool(max_threads=1, parent=self), self)
        self._offers: list[str] = []  # the models offered by "Switch to …" links, by number
        self._folder = QDir.homePath()  # where the file dialog opens
        self.chips = AttachmentChips()
        window.composer.add_above_prompt(self.chips)
        window.composer.attach_button.clicked.connect(self.choose)
        self.chips.remove_requested.connect(self.attachments.remove)
        self.attachments.changed.connect(self._on_changed)
        self.attachments.failed.connect(self._on_failed)
        self.attachments.too_many.connect(self._on_too_many)
        window.prompt.files_pasted.connect(self.attachments.add_paths)
        window.prompt.picture_pasted.connect(self._add_picture)
        window.send_button.clicked.connect(self.send)
        window.prompt.submitted.connect(self.send)
        window.chat_view.notice_link_clicked.connect(self._on_link)
        chat.attachments_restored.connect(self.attachments.restore)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # -- adding ------------------------------------------------------------------------------------

    @Slot()
    def choose(self) -> None:
        """The attach button: the system's file dialog, then the files chosen are read."""
        filters = ";;".join(
            (
                self.tr("Pictures and documents ({patterns})").format(patterns=f"{_PICTURES} {_DOCUMENTS}"),
                self.tr("Pictures ({patterns})").format(patterns=_PICTURES),
                self.tr("All files (*)"),
            )
        )
        paths = self.choose_files(self._window, self.tr("Attach files"), filters, self._folder)
        if paths:
            # The next time, the dialog opens where the user found these (the first time: at home,
            # not in whatever folder the app was started from).
            self._folder = os.path.dirname(paths[0])
            self.attachments.add_paths(paths)
        self._window.prompt.setFocus()

    # Tests replace it (a modal dialog would wait for a click).
    choose_files = staticmethod(choose_files)

    @Slot(QImage)
    def _add_picture(self, image: QImage) -> None:
        taken = {item.name for item in self.attachments.items}
        name, number = self.tr("Pasted picture"), 1
        while name in taken:
            number += 1
            name = self.tr("Pasted picture {number}").format(number=number)
        self.attachments.add_picture(image, name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in _DROPS and isinstance(event, QDropEvent):
            mime = event.mimeData()
            if not (mime.hasUrls() or mime.hasImage()):
                return False
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                self.drop(mime)
            return True
        return super().eventFilter(watched, event)

    def drop(self, mime: QMimeData) -> None:
        """Files dropped on the window are attached; a picture without a file (from a browser) too;
        a web address is not a file: said so."""
        paths = local_files(mime)
        if paths:
            self.attachments.add_paths(paths)
        elif (
            isinstance(picture := mime.imageData() if mime.hasImage() else None, QImage)
            and not picture.isNull()
        ):
            self._add_picture(picture)
        elif mime.hasUrls():
            local = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
            if local:
                self.attachments.add_paths(local)
            self._window.chat_view.add_notice(
                self.tr(
                    "That is a web address, not a file on this computer: download it first, then drop "
                    "the saved file."
                )
            )
        self._window.prompt.setFocus()

    # -- what the controller tells ---------------------------------------------------------------------

    @Slot()
    def _on_changed(self) -> None:
        self.chips.show_items(self.attachments.items)
        if self._context is not None:
            self._context.set_attached(self.attachments.tokens())
        if self.attachments.has_pictures():
            # Which installed models can see is known before Send (servers before 0.30 are asked).
            for model in self._connection.models:
                if self._chat.capabilities(model.name) is None:
                    self._chat.models.look_up(model.name)

    @Slot(str, object)
    def _on_failed(self, name: str, error: Exception) -> None:
        # In the chat, whole: a sentence with what to do does not fit the status bar.
        self._window.chat_view.add_notice(attachment_problem(name, error))

    @Slot(int)
    def _on_too_many(self, left_out: int) -> None:
        self._window.chat_view.add_notice(
            self.tr(
                "At most {limit} files go with one question: %n more were left out.", "", left_out
            ).format(limit=self.attachments.limit)
        )

    # -- Send ----------------------------------------------------------------------------------------

    @Slot()
    def send(self) -> None:
        """Send what is typed with the files attached; everything stays where it is when it cannot go."""
        window = self._window
        text = window.prompt.toPlainText()
        attachments = self.attachments
        if not text.strip() and not len(attachments):
            return
        why_not = window.availability.why_not_send()
        if why_not:
            window.show_notice(why_not, 8000)
            return
        reading = attachments.reading()
        if reading:
            window.show_notice(self.tr("Still reading {name}…").format(name=reading[0]), 8000)
            return
        ready = attachments.ready()
        if not self.can_see(ready):
            return
        pane = window.context_pane
        if pane is not None and not pane.confirm_send(text):
            return  # it would not fit: said so, and Send again sends it
        if self._chat.send(text, ready):
            window.prompt.clear()
            attachments.clear()

    def can_see(self, attachments: Sequence[Attachment]) -> bool:
        """Whether the chat's model may be sent these pictures: not when it is known to lack
        "vision" (then a notice says which installed model can, with a link to switch to it).
        Unknown capabilities: it may (the server's refusal is then said in words). The pictures
        already in the chat count too: the whole history goes with every question."""
        earlier = (item for message in self._chat.conversation.messages for item in message.attachments)
        if not any(attachment.is_image for attachment in (*attachments, *earlier)):
            return True
        model = self._chat.model
        capabilities = self._chat.capabilities(model)
        if capabilities is None or "vision" in capabilities:
            return True
        seeing = [
            m.name for m in self._connection.models if "vision" in (self._chat.capabilities(m.name) or ())
        ]
        if seeing:
            other = seeing[0]
            self._offers.append(other)
            text = self.tr("{model} cannot see pictures. {other} can:").format(model=model, other=other)
            links = [
                (f"{USE_MODEL}/{len(self._offers) - 1}", self.tr("Switch to {model}").format(model=other))
            ]
        else:
            text = self.tr(
                "{model} cannot see pictures, and none of the models installed here can. Download one "
                "that can (its description says “vision”), or remove the pictures."
            ).format(model=model)
            links = [(OPEN_MODELS, self.tr("Open Models"))]
        self._window.chat_view.add_notice(text, links)
        return False

    @Slot(str)
    def _on_link(self, command: str) -> None:
        name, _, number = command.partition("/")
        if name == OPEN_MODELS:
            self._window.models_pane.open_models()
        elif name == USE_MODEL and number.isdigit() and int(number) < len(self._offers):
            self.switch_model(self._offers[int(number)])

    def switch_model(self, model: str) -> None:
        """Choose `model` in the picker (the user then presses Send)."""
        picker = self._window.model_picker
        index = picker.findData(model)
        if index < 0:
            self._window.show_notice(
                self.tr("{model} is no longer installed.").format(model=model), NOTICE_MS
            )
            return
        picker.setCurrentIndex(index)
        self._window.show_notice(self.tr("Now using {model}: press Send.").format(model=model), NOTICE_MS)
        self._window.prompt.setFocus()

    def shutdown(self) -> None:
        """Stop reading files (the window is closing)."""
        self.attachments.shutdown()
