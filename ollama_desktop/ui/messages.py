"""Plain-words, translated sentences for what went wrong and what to do next.

A problem comes as an `ErrorText`: the sentence for the user, and for "Details" (a tooltip on a
label or the status bar, a small line under the message in the chat) either the server's own words,
untranslated, or, for a problem on the wire, a plain sentence for the error's `Reason`. The
exception's own text, with Python's and the HTTP library's terms, goes only to the log.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from ollama_desktop.core.errors import (
    ModelNotFound,
    NotOllama,
    OllamaError,
    OutOfMemory,
    ProtocolError,
    Reason,
    Redirected,
    RequestTimedOut,
    ResponseTooLarge,
    ServerError,
    ServerUnreachable,
    StreamIncomplete,
)
from ollama_desktop.ui.locale_format import size_text
from ollama_desktop.ui.plain_text import plain_tooltip, set_plain


@dataclass(frozen=True)
class ErrorText:
    """What to tell the user about a problem.

    Attributes:
        message: what happened and what to do next, in plain translated words.
        details: the server's own words, untranslated, or what happened on the wire in plain
            translated words; may be "".
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
    """The plain words on `label`, Ollama's own words in its tooltip (both shown as plain text)."""
    set_plain(label, text.message)
    label.setToolTip(plain_tooltip(text.tooltip))


def error_details(error: OllamaError) -> str:
    """The server's own text for `error`, else what happened on the wire in words ("" if unknown)."""
    if isinstance(error, ServerError):
        return error.message
    return reason_text(error)


def reason_text(error: OllamaError) -> str:
    """The plain-words sentence for `error.reason`, or "" when it has none."""
    reason = error.reason
    if reason is None:
        return ""
    if isinstance(error, ResponseTooLarge):
        size = size_text(error.limit)
        if reason is Reason.LINE_TOO_LONG:
            return QCoreApplication.translate(
                "Messages", "one line of the answer was larger than {size}, far more than Ollama sends"
            ).format(size=size)
        return QCoreApplication.translate(
            "Messages", "the answer was larger than {size}, far more than Ollama sends"
        ).format(size=size)
    return _reason_sentences().get(reason, "")


def _reason_sentences() -> dict[Reason, str]:
    return {
        Reason.REFUSED: QCoreApplication.translate(
            "Messages", "nothing accepts connections at that address and port"
        ),
        Reason.NAME_NOT_FOUND: QCoreApplication.translate(
            "Messages", "no computer with that name could be found"
        ),
        Reason.CONNECT_TIMEOUT: QCoreApplication.translate(
            "Messages", "the computer at that address did not respond"
        ),
        Reason.BAD_ADDRESS: QCoreApplication.translate(
            "Messages", "the server address is not a valid web address"
        ),
        Reason.TIMED_OUT: QCoreApplication.translate(
            "Messages", "nothing arrived from the server for too long"
        ),
        Reason.NO_ANSWER: QCoreApplication.translate(
            "Messages", "the server accepted the connection but never answered"
        ),
        Reason.TOO_SLOW: QCoreApplication.translate(
            "Messages", "the answer came so slowly that the app stopped waiting for it"
        ),
        Reason.CLOSED_EARLY: QCoreApplication.translate(
            "Messages", "the server closed the connection without answering"
        ),
        Reason.CONNECTION_BROKEN: QCoreApplication.translate(
            "Messages", "the connection broke in the middle of the answer"
        ),
        Reason.ENDED_EARLY: QCoreApplication.translate("Messages", "the answer stopped before its end"),
        Reason.NOT_HTTP: QCoreApplication.translate(
            "Messages", "what came back is not a web server's answer at all"
        ),
        Reason.HEADERS_TOO_LARGE: QCoreApplication.translate(
            "Messages", "the answer began with far more header lines than any server sends"
        ),
        Reason.BAD_COMPRESSION: QCoreApplication.translate(
            "Messages", "the server's answer was compressed wrongly"
        ),
        Reason.NOT_UTF8: QCoreApplication.translate(
            "Messages", "the server sent text that is not valid UTF-8"
        ),
        Reason.NOT_JSON: QCoreApplication.translate(
            "Messages", "the answer is not in the format Ollama uses"
        ),
        Reason.WEB_PAGE: QCoreApplication.translate(
            "Messages", "the server sent a web page instead of Ollama's data"
        ),
        Reason.ERROR_STATUS: QCoreApplication.translate(
            "Messages", "the server answered the app's first question with an error"
        ),
    }


def explain_error(error: OllamaError, host: str, model: str) -> ErrorText:
    """What to tell the user about `error`, by its type, with the server's own words as details."""
    return ErrorText(describe_error(error, host, model), error_details(error))


def describe_error(error: OllamaError, host: str, model: str) -> str:
    """The plain-words sentence for `error` alone (`explain_error` adds the details)."""
    if isinstance(error, Redirected):
        if not error.location:
            return QCoreApplication.translate(
                "Messages",
                "The server at {host} tried to send the app to another address; the app only talks to "
                "{host}. Check the server address (Ollama menu → Ollama server…).",
            ).format(host=host)
        return QCoreApplication.translate(
            "Messages",
            "The server at {host} sent the app to another address, {location}; the app only talks to "
            "{host}. If Ollama is at that other address, enter it as the server address (Ollama menu → "
            "Ollama server…).",
        ).format(host=host, location=error.location)
    if isinstance(error, NotOllama):
        return QCoreApplication.translate(
            "Messages",
            "Something answers at {host}, but not as Ollama does. Check the server address (Ollama menu "
            "→ Ollama server…).",
        ).format(host=host)
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
        ).format(model=error.model or model)
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
    # Ollama's own words about the registry, never our sentences (which are translated).
    lowered = error.message.lower() if isinstance(error, ServerError) else ""
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
