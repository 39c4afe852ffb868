"""What the current server's models can do: their capabilities, what `think` they take, which run in
the cloud; learnt from the server's version and its /api/tags list, else from /api/show."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ollama_desktop.controllers.connection import ConnectionStatus
from ollama_desktop.core.chat.thinking import ThinkSupport, levels_only_model
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.responses import InstalledModel, ModelShow, is_cloud_model
from ollama_desktop.workers import CallWorker, WorkerPool


class ServerModels(QObject):
    """From Ollama 0.30 /api/tags lists each model's capabilities and longest context: no /api/show
    is needed. Older servers are asked /api/show, once per model and host, in the background (the
    chat's `think` and the context gauge both read what it said).

    Thread: GUI thread only; /api/show runs on the pool.
    """

    capabilities_loaded = Signal(str, object)  # model, tuple of capabilities

    def __init__(
        self, pool: WorkerPool, client: Callable[[], OllamaClient], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self._client = client
        self._shown: dict[tuple[str, str], ModelShow] = {}  # (host, model): /api/show's answer
        self._lookups: set[tuple[str, str]] = set()
        # The server's version and its /api/tags list: what `think` it takes, and (0.30+) each
        # model's capabilities.
        self._server_version = ""
        self._server_host = ""
        self._listed: dict[str, InstalledModel] = {}

    def learn_server(self, status: ConnectionStatus) -> None:
        """The connection's status: the version tells what `think` the server takes (kept while
        the same server is checked again or briefly away)."""
        if status.version or status.host != self._server_host:
            self._server_version = status.version
            self._server_host = status.host

    def learn_models(self, models: tuple[InstalledModel, ...], current: str = "") -> None:
        """The server's /api/tags list: capabilities (0.30+), families and cloud models by name."""
        self._listed = {model.name: model for model in models}
        listed = self._listed.get(current)
        if listed is not None and listed.capabilities is not None:
            self.capabilities_loaded.emit(current, listed.capabilities)

    def is_cloud(self, model: str) -> bool:
        """Whether `model` runs on ollama.com (listed with `remote_model`, or named "…:cloud")."""
        listed = self._listed.get(model)
        return listed.is_cloud if listed is not None else is_cloud_model(model)

    def capabilities(self, model: str) -> tuple[str, ...] | None:
        """What /api/tags (0.30+) or /api/show listed for `model` on the current server; None until
        known."""
        listed = self._listed.get(model)
        if listed is not None and listed.capabilities is not None:
            return listed.capabilities
        shown = self._shown.get((self._client().host, model))
        return shown.capabilities if shown is not None else None

    def maximum(self, model: str) -> int:
        """The longest context `model` takes: from /api/tags (0.30+) or /api/show; 0 until known."""
        listed = self._listed.get(model)
        if listed is not None and listed.details.context_length > 0:
            return listed.details.context_length
        shown = self._shown.get((self._client().host, model))
        return shown.context_length if shown is not None else 0

    def can_think(self, model: str) -> bool:
        return "thinking" in (self.capabilities(model) or ())

    def think_support(self, model: str) -> ThinkSupport:
        """What `model` on this server takes as `think`: the Think control's choices, and what is sent."""
        capabilities = self.capabilities(model)
        listed = self._listed.get(model)
        family = listed.details.family if listed is not None else ""
        return ThinkSupport.of(
            self._server_version,
            can_think=None if capabilities is None else "thinking" in capabilities,
            levels_only=levels_only_model(model, family),
        )

    def look_up(self, model: str) -> None:
        """Make `model`'s capabilities known (`capabilities_loaded`): from the list when it has
        them, else by /api/show in the background."""
        listed = self._listed.get(model)
        if listed is not None and listed.capabilities is not None and listed.details.context_length > 0:
            self.capabilities_loaded.emit(model, listed.capabilities)
            return
        client = self._client()
        key = (client.host, model)
        if key in self._shown or key in self._lookups:
            return
        self._lookups.add(key)
        worker = CallWorker(lambda token: client.show(model, token))

        def succeeded(show: ModelShow) -> None:
            self._lookups.discard(key)
            self._shown[key] = show
            self.capabilities_loaded.emit(model, self.capabilities(model) or show.capabilities)

        worker.signals.succeeded.connect(succeeded)
        worker.signals.failed.connect(lambda _error: self._lookups.discard(key))
        worker.signals.cancelled.connect(lambda: self._lookups.discard(key))
        self._pool.start(worker)
