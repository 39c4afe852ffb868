"""How much of the model's context a chat uses, and whether the server dropped its oldest messages.

Ollama fits a chat into the context the model was loaded with (`num_ctx`) by dropping its oldest
messages, the system prompt kept, and says nothing (`truncate` defaults to true): only the final
line's `prompt_eval_count` shows it, being then about the context's size instead of the history's.
That count is the whole prompt's, cached part included (see prompt_cache.py: the cache shortens the
time, not the count), so it can be compared with what the client sent.

What is known, answer by answer, from the conversation alone (`analyse`):

- an answer's own tokens: its `eval_count`;
- a question's: what the next prompt grew by, `prompt_eval_count` minus the previous prompt and
  answer (the chat template's tokens around the messages come with it);
- the fixed part, the template's and the system prompt's tokens: the first prompt less its question;
- anything else (a question never answered, what is typed): an estimate, `estimate_tokens`.

An answer whose prompt count is markedly below what its history should count, when that history was
more than the context, means dropped messages: as many of the oldest as must go for the rest to fit
the count measured (the server drops whole messages, oldest first).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from ollama_desktop.core.attachments.attachment import attachment_tokens
from ollama_desktop.core.chat.conversation import ROLE_ASSISTANT, ROLE_SYSTEM, ChatMessage
from ollama_desktop.core.memory.residency import model_key
from ollama_desktop.core.responses import RunningModel

# Ollama's own default num_ctx before it picked one by the GPU's memory (4k below 24 GiB of VRAM,
# 32k up to 48 GiB, 256k above): a server that loaded the model says what it chose in /api/ps, so
# this is only for a model not loaded now, and it errs towards warning early.
DEFAULT_CONTEXT = 4096
# Latin text runs about 4 characters a token with the common tokenizers (BPE, SentencePiece);
# Chinese, Japanese and Korean about one character a token.
CHARS_PER_TOKEN = 4
# A first prompt's template tokens when they cannot be measured (a chat opened from the history).
TEMPLATE_GUESS = 10
# The gauge turns amber past this share of the context.
WARN_SHARE = 0.8


# Characters of scripts written without spaces, about one token each: CJK radicals, kana and
# unified ideographs, hangul syllables, CJK compatibility ideographs, full-width forms, CJK extensions.
_WIDE = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")


# A message estimated at fewer tokens than this does not tune the estimate to the chat (see analyse).
CALIBRATE_FROM = 20


def estimate_tokens(text: str) -> int:
    """About how many tokens `text` makes: one per CJK character, one per 4 other characters.

    >>> estimate_tokens(""), estimate_tokens("Why is the sky blue?"), estimate_tokens("天空为什么是蓝色的")
    (0, 5, 9)
    >>> estimate_tokens("なぜ空は青い? Why")
    8
    """
    if not text:
        return 0
    wide = len(_WIDE.findall(text))
    return wide + math.ceil((len(text) - wide) / CHARS_PER_TOKEN)


def _estimate(message: ChatMessage) -> int:
    """A message's estimated tokens: its text and its files (documents go into the text sent)."""
    return estimate_tokens(message.content) + attachment_tokens(message.attachments)


def context_size(model: str, num_ctx: int | None, loaded: Sequence[RunningModel] = ()) -> tuple[int, str]:
    """The context the chat's next request runs in, and where that figure comes from.

    The chat's own `num_ctx` first (the server loads the model again with it if it differs), then
    what /api/ps says the model was loaded with, then Ollama's old default.

    >>> running = (RunningModel("llama3.1:8b", context_length=8192),)
    >>> context_size("llama3.1:8b", None, running), context_size("llama3.1:8b", 2048, running)
    ((8192, 'loaded'), (2048, 'chat'))
    >>> context_size("qwen3", None, running)
    (4096, 'default')
    """
    if num_ctx:
        return num_ctx, "chat"
    key = model_key(model)
    for running in loaded:
        if running.context_length > 0 and model_key(running.name) == key:
            return running.context_length, "loaded"
    return DEFAULT_CONTEXT, "default"


def larger_size(current: int, maximum: int, needed: int = 0) -> int | None:
    """The next context up: twice `current` (more, if `needed` is more), at most the model's
    `maximum` (0: unknown); None when there is no larger one.

    >>> larger_size(4096, 131072), larger_size(512, 131072, needed=1300), larger_size(8192, 8192)
    (8192, 2048, None)
    >>> larger_size(4096, 6000), larger_size(4096, 0)
    (6000, 8192)
    """
    size = max(current * 2, 256)
    while size < needed:
        size *= 2
    if maximum > 0:
        size = min(size, maximum)
    return size if size > current else None


@dataclass(frozen=True)
class Dropped:
    """An answer whose prompt lost its oldest messages: its id, how many, the first one still seen."""

    reply_id: str
    count: int
    first_seen_id: str


@dataclass(frozen=True)
class ContextUsage:
    """The gauge's figures: tokens in use and the context's size; `typed` is the estimate of the
    text in the prompt box, `next_prompt` the next request's prompt with it."""

    used: int
    size: int
    typed: int = 0
    next_prompt: int = 0
    source: str = "default"  # where `size` comes from: "chat", "loaded" or "default"
    measured: bool = False  # `used` comes from an answer's counts (else: estimated)
    dropped: Dropped | None = None  # the latest answer's, if its history was cut

    @property
    def fits(self) -> bool:
        """Whether the next prompt, with what is typed, fits the context whole."""
        return self.next_prompt <= self.size


@dataclass
class ContextAnalysis:
    """What one pass over a conversation learned (see `analyse`)."""

    counts: dict[str, int] = field(default_factory=dict)  # tokens by message id
    overhead: int = 0  # the template's and the system prompt's tokens
    measured: bool = False
    last_prompt: int = 0  # the latest answer's prompt_eval_count + eval_count
    tail: int = 0  # estimated tokens of the messages after the latest measured answer
    drops: dict[str, Dropped] = field(default_factory=dict)  # by answer id
    latest_id: str = ""  # the latest measured answer

    @property
    def used(self) -> int:
        return self.last_prompt + self.tail

    def history_tokens(self, messages: Sequence[ChatMessage]) -> int:
        """The prompt of a request sending all of `messages` (template and system prompt included)."""
        counts = self.counts
        return self.overhead + sum(counts[m.id] if m.id in counts else _estimate(m) for m in messages)

    @property
    def latest_drop(self) -> Dropped | None:
        return self.drops.get(self.latest_id)


def _shared_out(guesses: dict[str, int], total: int) -> dict[str, int]:
    """`total` shared out in proportion to the guesses (evenly if all are 0).

    >>> _shared_out({"a": 30, "b": 10}, 100), _shared_out({"a": 0, "b": 0}, 10)
    ({'a': 75, 'b': 25}, {'a': 5, 'b': 5})
    """
    guessed = sum(guesses.values())
    return {
        key: round(total * (guess / guessed if guessed else 1 / len(guesses)))
        for key, guess in guesses.items()
    }


class _Density:
    """This chat's own tokens per estimated token, from the messages counted so far (every answer
    is): the guesses in a prompt that was cut cannot be checked, and a chat's language and words can
    be half or twice as dense as the estimate's four characters a token."""

    def __init__(self) -> None:
        self._counted = 0
        self._estimated = 0

    def learn(self, count: int, text: str) -> None:
        estimate = estimate_tokens(text)
        if estimate >= CALIBRATE_FROM:  # a short message says little of the chat's density
            self._counted += count
            self._estimated += estimate

    def guess(self, text: str) -> int:
        scale = min(2.0, max(0.5, self._counted / self._estimated)) if self._estimated else 1.0
        return round(estimate_tokens(text) * scale)


def _cut_at(reached: Sequence[int], expected: int, prompt: int, sent: int) -> int:
    """How many of the oldest messages the server dropped: it dropped them until the rest fitted,
    and the count measured is that rest; the cut whose rest comes closest to it (the guesses may be
    off either way: taking the first cut that fits made every error count one message too many).

    >>> _cut_at([0, 112, 212, 314, 414, 531, 631], 748, 414, 6)
    3
    """
    if sent <= 1:
        return 0
    # `reached` only grows: the best cut is beside where the dropped tokens would end (bisect).
    near = bisect_left(reached, expected - prompt, 1, sent)
    candidates = {min(max(cut, 1), sent - 1) for cut in (near - 1, near)}
    return min(sorted(candidates), key=lambda cut: abs(expected - reached[cut] - prompt))


def analyse(messages: Sequence[ChatMessage], system_prompt: str, size: int) -> ContextAnalysis:
    """Walk a conversation's answers, learning token counts and finding the ones whose history was cut.

    One word is one token here, as in the tests' fake server (its template adds 10 tokens):

    >>> from ollama_desktop.core.responses import ReplyStats
    >>> def ask(name, words, prompt, answer):
    ...     stats = ReplyStats(prompt_eval_count=prompt, eval_count=answer)
    ...     answer = ChatMessage("assistant", "", stats=stats, id=name + "?")
    ...     return [ChatMessage("user", "abc " * words, id=name), answer]
    >>> chat = ask("one", 100, 110, 100) + ask("two", 100, 310, 100) + ask("three", 60, 470, 100)
    >>> result = analyse(chat, "", 4096)
    >>> result.overhead, result.counts["two"], result.used, result.drops
    (10, 100, 570, {})

    In a context of 320 the third prompt counted 270, not 470: its first two messages were dropped.

    >>> cut = ReplyStats(prompt_eval_count=270, eval_count=100)
    >>> chat[-1] = ChatMessage("assistant", "", stats=cut, id="three?")
    >>> analyse(chat, "", 320).latest_drop
    Dropped(reply_id='three?', count=2, first_seen_id='two')
    """
    result = ContextAnalysis()
    counts = result.counts
    overhead: int | None = None
    sent: list[ChatMessage] = []  # the messages before the answer at hand (no system messages)
    reached = [0]  # reached[i]: the tokens of sent[:i]
    pending: list[ChatMessage] = []  # sent since the latest measured answer: their counts are guesses
    latest = -1
    density = _Density()
    for index, message in enumerate(messages):
        stats = message.stats
        if message.role != ROLE_ASSISTANT or stats is None or stats.prompt_eval_count <= 0:
            if message.role != ROLE_SYSTEM:
                sent.append(message)
                pending.append(message)
            continue
        prompt, answer = stats.prompt_eval_count, stats.eval_count
        guesses = {m.id: density.guess(m.content) + attachment_tokens(m.attachments) for m in pending}
        guessed = sum(guesses.values())
        known = reached[-1]
        if overhead is None:
            # From the first prompt of one message (the last one is always kept), else a guess.
            single = len(sent) == 1
            overhead = max(0, prompt - guessed) if single else estimate_tokens(system_prompt) + TEMPLATE_GUESS
        expected = overhead + known + guessed
        tolerance = 8 + guessed // 2  # only the guesses can be off
        cut = bool(sent) and expected > size and prompt < expected - tolerance
        # Uncut, the guessed messages take what the prompt counted beyond the rest.
        counts.update(guesses if cut else _shared_out(guesses, max(0, prompt - overhead - known)))
        for pending_message in pending:
            reached.append(reached[-1] + counts[pending_message.id])
            if not cut and not pending_message.attachments:  # its files' share is a guess too
                density.learn(counts[pending_message.id], pending_message.content)
        count = _cut_at(reached, expected, prompt, len(sent)) if cut else 0
        if count:
            result.drops[message.id] = Dropped(message.id, count, sent[count].id)
        pending = []
        counts[message.id] = answer
        density.learn(answer, message.content + message.thinking)  # its count includes its reasoning
        sent.append(message)
        reached.append(reached[-1] + answer)
        result.last_prompt = prompt + answer
        result.latest_id = message.id
        latest = index
    result.tail = sum(_estimate(m) for m in messages[latest + 1 :] if m.role != ROLE_SYSTEM)
    result.measured = overhead is not None
    if overhead is None:
        overhead = estimate_tokens(system_prompt) + TEMPLATE_GUESS if messages else 0
        result.last_prompt = overhead if messages else 0
    result.overhead = overhead
    return result
