"""How much of a prompt the server may have taken from its cache, so a prompt speed is not overstated.

Ollama keeps what a model last read and wrote (its KV cache) while the model stays loaded, and for
the next request evaluates only what follows the longest prefix it already holds. Its final line
still counts every prompt token in `prompt_eval_count` but times only the evaluated ones in
`prompt_eval_duration`: after a cache hit the quotient is far too high (9,743 tokens/s on a CPU, for
a follow-up question whose history was cached). Nothing in the answer says how many were cached;
only the client knows what it sent before, so the client estimates it, here, for every answer:

- the system prompt and the earlier turns of a chat may be cached, from this app's earlier
  requests or from before it started, unless the model is known to have been unloaded since;
- the whole prompt may be cached when it begins a prompt this client recently sent the same model
  (a regenerated answer, the same question in a new chat, a benchmark's repeated run).

The estimate is that share of the prompt's text applied to its token count (`ReplyStats.prompt_cached`);
`ReplyStats.prompt_rate` gives no figure when it is more than a tenth. It errs towards showing no
figure: one that may be several times too high is worse than none.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ollama_desktop.core.chat.conversation import ChatRequest
from ollama_desktop.core.memory.residency import model_key
from ollama_desktop.core.responses import ChatChunk

# How many recent prompts per model are remembered: older Ollama versions serve four requests at
# once by default (OLLAMA_NUM_PARALLEL), each with a cache of its own.
REMEMBERED = 4


def chat_parts(request: ChatRequest) -> tuple[str, ...]:
    """A chat request's prompt as the pieces a cache can share: one per message, in order."""
    return tuple(
        json.dumps(message.to_json(), ensure_ascii=False, sort_keys=True) for message in request.messages
    )


def _prefix_digests(parts: Sequence[str]) -> tuple[bytes, ...]:
    """One digest per prefix of `parts`: equal digests, equal prefixes."""
    import hashlib  # noqa: PLC0415 - on the worker's first request, not in the window's start

    digests: list[bytes] = []
    previous = b""
    for part in parts:
        piece = hashlib.blake2b(part.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        previous = hashlib.blake2b(previous + piece, digest_size=16).digest()
        digests.append(previous)
    return tuple(digests)


@dataclass(frozen=True)
class CacheEstimate:
    """The share (0..1) of one request's prompt that the server may have taken from its cache."""

    share: float
    model: str = ""
    unloads: bool = False  # the request ends with the model unloaded (`keep_alive: 0`)
    cache: PromptCache | None = None
    digests: frozenset[bytes] = frozenset()

    def apply(self, chunk: ChatChunk) -> ChatChunk:
        """The chunk, its final statistics carrying the estimate in tokens.

        The prompt is remembered only now, with the answer whole: one that failed or was stopped
        may never have been evaluated, and must not hide the speed of the next try.
        """
        if not chunk.done or chunk.stats is None:
            return chunk
        if self.cache is not None:
            if self.unloads:
                self.cache.forget(self.model)
            else:
                self.cache.remember(self.model, self.digests)
        cached = round(chunk.stats.prompt_eval_count * self.share)
        return replace(chunk, stats=replace(chunk.stats, prompt_cached=cached))


class PromptCache:
    """What one client sent each model lately. Thread-safe: chats and benchmarks run on different threads.

    >>> cache = PromptCache()
    >>> first = cache.sent("m", ["Why is the sky blue?"])
    >>> first.share  # nothing known: a single part is all new
    0.0
    >>> cache.sent("m", ["Why is the sky blue?"]).share  # the first is not answered yet
    0.0
    >>> cache.remember("m", first.digests)  # (what `apply` does once its answer is whole)
    >>> cache.sent("m", ["Why is the sky blue?"]).share  # the same prompt again
    1.0
    >>> cache.sent("m", ["abc", "x"]).share  # "abc" is an earlier part: it may be cached
    0.75
    >>> cache.forget("m")
    >>> cache.sent("m", ["abc", "x"]).share  # unloaded since: nothing is cached
    0.0
    """

    def __init__(self, remembered: int = REMEMBERED) -> None:
        self._lock = threading.Lock()
        self._remembered = remembered
        self._recent: dict[str, deque[frozenset[bytes]]] = {}
        self._unloaded: set[str] = set()

    def sent(self, model: str, parts: Sequence[str], *, unloads: bool = False) -> CacheEstimate:
        """Note a prompt sent to `model`, and estimate how much of it the server may hold already."""
        total = sum(len(part) for part in parts)
        if total == 0:  # a load or an unload: nothing is evaluated
            return CacheEstimate(0.0)
        key = model_key(model)
        digests = _prefix_digests(parts)
        with self._lock:
            recent = self._recent.get(key, ())
            if key in self._unloaded:
                share = 0.0
            elif any(digests[-1] in prefixes for prefixes in recent):
                share = 1.0
            else:
                share = (total - len(parts[-1])) / total
        return CacheEstimate(share, model, unloads, self, frozenset(digests))

    def remember(self, model: str, digests: frozenset[bytes]) -> None:
        """A prompt was evaluated whole: the server may hold it now."""
        if not digests:
            return
        key = model_key(model)
        with self._lock:
            self._unloaded.discard(key)
            self._recent.setdefault(key, deque(maxlen=self._remembered)).append(digests)

    def chat_sent(self, request: ChatRequest) -> CacheEstimate:
        return self.sent(request.model, chat_parts(request), unloads=request.keep_alive == 0)

    def forget(self, model: str) -> None:
        """The model was unloaded: the server holds nothing of it any more."""
        key = model_key(model)
        with self._lock:
            self._recent.pop(key, None)
            self._unloaded.add(key)
