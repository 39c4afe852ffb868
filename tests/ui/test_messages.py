"""What the user reads about a problem: the sentence by the error's kind, the details in words."""

from __future__ import annotations

import pytest

from ollama_desktop.core.errors import (
    CloudDisabled,
    CloudSignInRequired,
    ErrorKind,
    ModelNotFound,
    NotOllama,
    OutOfMemory,
    ProtocolError,
    Reason,
    Redirected,
    RequestCancelled,
    RequestTimedOut,
    ResponseTooLarge,
    ServerError,
    ServerUnreachable,
    StreamIncomplete,
    error_kind,
)
from ollama_desktop.ui.benchmark.texts import benchmark_texts
from ollama_desktop.ui.messages import error_summaries, explain_error, reason_text

HOST = "http://192.168.1.20:11434"


@pytest.mark.parametrize("reason", list(Reason))
def test_every_reason_is_said_in_words(qapp, reason: Reason) -> None:  # type: ignore[no-untyped-def]
    error = (
        ResponseTooLarge("/api/x", 1000, reason=reason)
        if reason in {Reason.TOO_LARGE, Reason.LINE_TOO_LONG}
        else NotOllama("/api/x: InvalidChunkLength(got length b'zz')", reason=reason)
    )
    text = reason_text(error)
    if reason is Reason.REDIRECTED:
        assert text == ""  # the message itself names both addresses
    else:
        assert text
        assert text[0].islower()
    assert "InvalidChunkLength" not in text
    assert "b'" not in text


def test_details_never_show_the_exception_text(qapp) -> None:  # type: ignore[no-untyped-def]
    raw = "/api/chat: connection lost: ('Connection broken: IncompleteRead(3 bytes read, 97 more expected)')"
    broken = explain_error(StreamIncomplete(raw, reason=Reason.CONNECTION_BROKEN), HOST, "m")
    assert broken.details == "the connection broke in the middle of the answer"
    assert explain_error(StreamIncomplete(raw), HOST, "m").details == ""  # no reason: no details
    too_large = explain_error(ResponseTooLarge("/api/tags", 32 * 1024 * 1024), HOST, "")
    assert too_large.details.startswith("the answer was larger than ")


def test_a_redirect_names_both_addresses(qapp) -> None:  # type: ignore[no-untyped-def]
    text = explain_error(Redirected("/api/chat", HOST, "http://10.0.0.9/api/chat"), HOST, "m")
    assert text.message.startswith(
        f"The server at {HOST} sent the app to another address, http://10.0.0.9/api/chat; "
        f"the app only talks to {HOST}."
    )


def test_not_ollama_is_not_called_unreachable(qapp) -> None:  # type: ignore[no-untyped-def]
    text = explain_error(NotOllama("/api/version: a web page", reason=Reason.WEB_PAGE), HOST, "")
    assert text.message.startswith(f"Something answers at {HOST}, but not as Ollama does.")
    assert "running" not in text.message
    assert text.tooltip == "Details: the server sent a web page instead of Ollama's data"


def test_model_not_found_names_the_model_the_app_asked_for(qapp) -> None:  # type: ignore[no-untyped-def]
    error = ModelNotFound(404, "model not found")
    error.model = "gemma3:270m"  # as the client sets it at its boundary
    assert "“gemma3:270m”" in explain_error(error, HOST, "").message


# One example of each kind, as the client raises it.
KIND_EXAMPLES = {
    ErrorKind.MODEL_NOT_FOUND: ModelNotFound(404, "model 'x' not found"),
    ErrorKind.OUT_OF_MEMORY: OutOfMemory(500, "model requires more system memory"),
    ErrorKind.TIMED_OUT: RequestTimedOut("/api/chat: ReadTimeout(...)", reason=Reason.TIMED_OUT),
    ErrorKind.UNREACHABLE: ServerUnreachable("/api/version: NewConnectionError(...)", reason=Reason.REFUSED),
    ErrorKind.CONNECTION_LOST: StreamIncomplete("/api/chat: IncompleteRead", reason=Reason.CONNECTION_BROKEN),
    ErrorKind.REDIRECTED: Redirected("/api/chat", HOST, "http://10.0.0.9/api/chat"),
    ErrorKind.NOT_OLLAMA: NotOllama("/api/version: a web page", reason=Reason.WEB_PAGE),
    ErrorKind.BAD_ANSWER: ProtocolError("/api/chat: JSONDecodeError(...)", reason=Reason.NOT_JSON),
    ErrorKind.SERVER_ERROR: ServerError(400, "missing request body"),
    ErrorKind.CLOUD_SIGN_IN: CloudSignInRequired(401, "unauthorized", "https://ollama.com/connect?key=k"),
    ErrorKind.CLOUD_DISABLED: CloudDisabled(403, "ollama cloud is disabled"),
    ErrorKind.OTHER: RequestCancelled("/api/chat"),
}


@pytest.mark.parametrize("kind", list(ErrorKind))
def test_every_kind_has_one_short_and_one_full_sentence(qapp, kind: ErrorKind) -> None:  # type: ignore[no-untyped-def]
    """The chat's message and the benchmark's "Problem" cell come from one classifier and one table."""
    error = KIND_EXAMPLES[kind]
    assert error_kind(error) is kind
    summary = error_summaries()[kind]
    message = explain_error(error, HOST, "gemma3:270m").message
    assert summary
    assert message
    assert "{" not in summary
    assert "{" not in message
    assert "Error(" not in message
    assert "(...)" not in message


def test_the_benchmark_names_a_failed_run_with_the_same_table() -> None:
    assert benchmark_texts().errors == error_summaries()
