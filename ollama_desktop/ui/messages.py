"""Plain-words, translated sentences for what went wrong and what to do next.

A problem comes as an `ErrorText`: the sentence for the user, and the server's own words (or the
connection library's), untranslated, kept for "Details": a tooltip on a label or the status bar,
a small line under the message in the chat.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from ollama_desktop.core.errors import (
    ModelNotFound,
    OllamaError,
    OutOfMemory,
    ProtocolError,
    RequestTimedOut,
    ServerError,
    ServerUnreachable,
    StreamIncomplete,
)


@dataclass(frozen=True)
class ErrorText:
    """What to tell the user about a problem.

    Attributes:
        message: what happened and what to do next, in plain translated words.
        details: the server's own words (or the connection library's), untranslated; may be "".
    """

    message: str
    details: str = ""

    @property
    def tooltip(self) -> str:
        """The details, labelled, for a tooltip ("" when there are none)."""
        if not self.details:
            return ""
        return QCoreApplication.translate("Messages", "Details: {details}").format(details=self.details)


def show_error(label: QLabel, text: ErrorText) -> None:
    """The plain words on `label`, Ollama's own words in its tooltip."""
    label.setText(text.message)
    label.setToolTip(text.tooltip)


def error_details(error: OllamaError) -> str:
    """The server's own text for `error`, else the exception's (e.g. the connection refused)."""
    return error.message if isinstance(error, ServerError) else str(error)


def explain_error(error: OllamaError, host: str, model: str) -> ErrorText:
    """What to tell the user about `error`, by its type, with the server's own words as details."""
    return ErrorText(describe_error(error, host, model), error_details(error))


def describe_error(error: OllamaError, host: str, model: str) -> str:
    """The plain-words sentence for `error` alone (`explain_error` adds the details)."""
    if isinstance(error, ServerUnreachable):
        return QCoreApplication.translate(
            "Messages", "Cannot reach Ollama at {host}. Make sure Ollama is running; the app keeps trying."
        ).format(host=host)
    if isinstance(error, RequestTimedOut):
        return QCoreApplication.translate(
            "Messages",
            "Ollama did not answer in time. The model may still be loading, or be too big for this "
            "computer's memory. Try again, or choose a smaller model.",
        )
    if isinstance(error, ModelNotFound):
        return QCoreApplication.translate(
            "Messages",
            "The model “{model}” is not installed on this Ollama server. Choose another model, or "
            "download it first.",
        ).format(model=model)
    if isinstance(error, OutOfMemory):
        return QCoreApplication.translate(
            "Messages",
            "The model does not fit in this computer's memory. Close other models or programs, or "
            "choose a smaller model.",
        )
    if isinstance(error, StreamIncomplete):
        return QCoreApplication.translate(
            "Messages", "The connection to Ollama was lost in the middle of the answer. What arrived is kept."
        )
    if isinstance(error, ProtocolError):
        return QCoreApplication.translate(
            "Messages",
            "The answer could not be read: the server at {host} does not speak Ollama's language. "
            "Check the server address (Ollama menu → Ollama server…).",
        ).format(host=host)
    if isinstance(error, ServerError):
        return QCoreApplication.translate(
            "Messages",
            "Ollama reported a problem and could not answer. Try again; if it keeps happening, "
            "restart Ollama.",
        )
    return QCoreApplication.translate("Messages", "Something unexpected went wrong. Try again.")


def explain_pull_error(error: OllamaError, model: str) -> ErrorText:
    """Why a download failed, in plain words; Ollama's own text as the details."""
    detail = error_details(error)
    lowered = detail.lower()
    if any(
        marker in lowered for marker in ("no such host", "dial tcp", "network is unreachable", "i/o timeout")
    ):
        text = QCoreApplication.translate(
            "Messages",
            "Ollama could not reach the model library: is this computer connected to the internet?",
        )
    elif any(marker in lowered for marker in ("file does not exist", "manifest unknown", "not found")):
        text = QCoreApplication.translate(
            "Messages", "There is no model called “{model}” in the Ollama library. Check the spelling."
        ).format(model=model)
    elif isinstance(error, ServerUnreachable):
        text = QCoreApplication.translate("Messages", "Cannot reach Ollama. Make sure Ollama is running.")
    else:
        text = QCoreApplication.translate("Messages", "The download of “{model}” failed. Try again.").format(
            model=model
        )
    return ErrorText(text, detail)
