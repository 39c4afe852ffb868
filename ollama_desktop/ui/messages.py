"""Plain-words, translated sentences for what went wrong and what to do next.

A problem comes as an `ErrorText`: the sentence for the user, and for "Details" (a tooltip on a
label or the status bar, a small line under the message in the chat) either the server's own words,
untranslated, or, for a problem on the wire, a plain sentence for the error's `Reason`. The
exception's own text, with Python's and the HTTP library's terms, goes only to the log.

Errors are classified once, in `core.errors.error_kind`; this module words each kind once
(`_kind_words`), for the chat, the benchmark and every window alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from ollama_desktop.core.errors import (
    CloudSignInRequired,
    ErrorKind,
    OllamaError,
    Reason,
    Redirected,
    ResponseTooLarge,
    ServerError,
    error_kind,
    server_words,
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
    """The server's own text for `error`, else what happened on the wire in words ("" if unknown).

    A cloud model's 401 adds the sign-in address the server gave, as text.
    """
    words = server_words(error) or reason_text(error)
    if isinstance(error, CloudSignInRequired) and error.signin_url:
        return f"{words} ({error.signin_url})" if words else error.signin_url
    return words


# Where a cloud model's sign-in link may lead: ollama.com over https, nothing else.
_SIGN_IN_HOSTS = ("ollama.com", "www.ollama.com")


def sign_in_link(error: OllamaError) -> str:
    """The sign-in address of a cloud model's 401 when it is safe to make it a link ("" if not).

    It is server text: only an https address on ollama.com, with no user name, password or odd
    port, and no spaces or control characters, becomes a link; anything else is shown as text.

    >>> sign_in_link(CloudSignInRequired(401, "unauthorized", "https://ollama.com/connect?key=a"))
    'https://ollama.com/connect?key=a'
    >>> sign_in_link(CloudSignInRequired(401, "unauthorized", "https://ollama.com.evil.example/x"))
    ''
    >>> sign_in_link(CloudSignInRequired(401, "unauthorized", "javascript:alert(1)"))
    ''
    """
    if not isinstance(error, CloudSignInRequired):
        return ""
    url = error.signin_url
    if not url or len(url) > 2000 or any(ch.isspace() or ord(ch) < 32 or ch in "\"<>'`" for ch in url):
        return ""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return ""
    if parts.scheme != "https" or (parts.hostname or "") not in _SIGN_IN_HOSTS:
        return ""
    if parts.username is not None or parts.password is not None or port not in (None, 443):
        return ""
    return url


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
    """What to tell the user about `error`, by its kind, with the server's own words as details."""
    return ErrorText(describe_error(error, host, model), error_details(error))


def explain_server_error(error: OllamaError, host: str) -> ErrorText:
    """`explain_error` for a call that involves no model (/api/version, checking a server): a timeout
    there is a server that takes connections and says nothing, not a model still loading."""
    if error_kind(error) is ErrorKind.TIMED_OUT or error.reason is Reason.NO_ANSWER:
        text = QCoreApplication.translate(
            "Messages",
            "The server at {host} accepts connections but does not answer. If it is Ollama, it may be "
            "stuck: quit it and start it again, then check again.",
        ).format(host=host)
        return ErrorText(text, error_details(error))
    return explain_error(error, host, "")


@dataclass(frozen=True)
class KindWords:
    """What the app says about one kind of problem (`core.errors.ErrorKind`).

    Attributes:
        summary: what happened, in one short sentence: a cell of the benchmark's tables, its exports.
        advice: what happened and what to do next, for a message to the user; may name {host},
            {model} and {location}.
    """

    summary: str
    advice: str


def error_summaries() -> dict[ErrorKind, str]:
    """The short sentence for each kind of problem (the benchmark's "Problem" column)."""
    return {kind: words.summary for kind, words in _kind_words().items()}


# What Ollama's runner says when a model without vision is sent a picture.
NO_VISION_WORDS = "missing data required for image input"


def describe_error(error: OllamaError, host: str, model: str) -> str:
    """The plain-words sentence for `error` alone (`explain_error` adds the details)."""
    kind = error_kind(error)
    location = error.location if isinstance(error, Redirected) else ""
    if isinstance(error, ServerError) and NO_VISION_WORDS in error.message:
        # The runner's refusal of a picture for a model without vision (its capabilities unknown here).
        advice = QCoreApplication.translate(
            "Messages",
            "The model “{model}” cannot see pictures. Choose a model that can (one with “vision” "
            "in its description), or remove the pictures, then send again.",
        )
    elif kind is ErrorKind.REDIRECTED and not location:
        advice = QCoreApplication.translate(
            "Messages",
            "The server at {host} tried to send the app to another address; the app only talks to "
            "{host}. Check the server address (Ollama menu → Ollama server…).",
        )
    else:
        advice = _kind_words()[kind].advice
    # The client names the model it asked about: the server's text may name it differently.
    asked = (error.model if isinstance(error, ServerError) else "") or model
    return advice.format(host=host, model=asked, location=location)


def _kind_words() -> dict[ErrorKind, KindWords]:
    return {
        ErrorKind.MODEL_NOT_FOUND: KindWords(
            QCoreApplication.translate("Messages", "This model is not installed on the Ollama server."),
            QCoreApplication.translate(
                "Messages",
                "The model “{model}” is not installed on this Ollama server. Choose another model, or "
                "download it first.",
            ),
        ),
        ErrorKind.OUT_OF_MEMORY: KindWords(
            QCoreApplication.translate("Messages", "The model does not fit in this computer's memory."),
            QCoreApplication.translate(
                "Messages",
                "The model does not fit in this computer's memory. Close other models or programs, or "
                "choose a smaller model.",
            ),
        ),
        ErrorKind.TIMED_OUT: KindWords(
            QCoreApplication.translate("Messages", "Ollama did not answer in time."),
            QCoreApplication.translate(
                "Messages",
                "Ollama did not answer in time. The model may still be loading, or be too big for this "
                "computer's memory. Try again, or choose a smaller model.",
            ),
        ),
        ErrorKind.UNREACHABLE: KindWords(
            QCoreApplication.translate("Messages", "Ollama could not be reached. Is it running?"),
            QCoreApplication.translate(
                "Messages",
                "Cannot reach Ollama at {host}. Make sure Ollama is running; the app keeps trying.",
            ),
        ),
        ErrorKind.CONNECTION_LOST: KindWords(
            QCoreApplication.translate("Messages", "The connection to Ollama was lost during the answer."),
            QCoreApplication.translate(
                "Messages",
                "The connection to Ollama was lost in the middle of the answer. What arrived is kept.",
            ),
        ),
        ErrorKind.REDIRECTED: KindWords(
            QCoreApplication.translate("Messages", "The server sent the app to another address."),
            QCoreApplication.translate(
                "Messages",
                "The server at {host} sent the app to another address, {location}; the app only talks "
                "to {host}. If Ollama is at that other address, enter it as the server address (Ollama "
                "menu → Ollama server…).",
            ),
        ),
        ErrorKind.NOT_OLLAMA: KindWords(
            QCoreApplication.translate(
                "Messages", "Something answers at the server address, but not as Ollama does."
            ),
            QCoreApplication.translate(
                "Messages",
                "Something answers at {host}, but not as Ollama does. Check the server address (Ollama "
                "menu → Ollama server…).",
            ),
        ),
        ErrorKind.BAD_ANSWER: KindWords(
            QCoreApplication.translate("Messages", "Ollama's answer could not be read."),
            QCoreApplication.translate(
                "Messages",
                "The answer could not be read: the server at {host} does not speak Ollama's language. "
                "Check the server address (Ollama menu → Ollama server…).",
            ),
        ),
        ErrorKind.SERVER_ERROR: KindWords(
            QCoreApplication.translate("Messages", "Ollama reported a problem with this run."),
            QCoreApplication.translate(
                "Messages",
                "Ollama reported a problem and could not answer. Try again; if it keeps happening, "
                "restart Ollama.",
            ),
        ),
        ErrorKind.CLOUD_SIGN_IN: KindWords(
            QCoreApplication.translate(
                "Messages", "The cloud model needs the server signed in to ollama.com."
            ),
            QCoreApplication.translate(
                "Messages",
                "“{model}” runs on ollama.com, and this Ollama server is not signed in. Run “ollama "
                "signin” on the server's computer, or open the sign-in link, then try again.",
            ),
        ),
        ErrorKind.CLOUD_DISABLED: KindWords(
            QCoreApplication.translate("Messages", "Cloud models are turned off on this server."),
            QCoreApplication.translate(
                "Messages",
                "“{model}” runs on ollama.com, but cloud models are turned off on the server at "
                "{host} (OLLAMA_NO_CLOUD). Choose a model installed on this computer.",
            ),
        ),
        ErrorKind.OTHER: KindWords(
            QCoreApplication.translate("Messages", "Something went wrong in this run."),
            QCoreApplication.translate("Messages", "Something unexpected went wrong. Try again."),
        ),
    }


def explain_pull_error(error: OllamaError, model: str) -> ErrorText:
    """Why a download failed, in plain words; Ollama's own text as the details."""
    detail = error_details(error)
    # Ollama's own words about the registry, never our sentences (which are translated).
    lowered = server_words(error).lower()
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
    elif error_kind(error) is ErrorKind.UNREACHABLE:
        text = QCoreApplication.translate("Messages", "Cannot reach Ollama. Make sure Ollama is running.")
    else:
        text = QCoreApplication.translate("Messages", "The download of “{model}” failed. Try again.").format(
            model=model
        )
    return ErrorText(text, detail)
