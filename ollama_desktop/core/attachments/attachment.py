"""A file attached to a question, as it was read when the user added it, and what goes to the model.

An attachment holds what is sent, not a path: the scaled picture's bytes, or a document's text. The
file may change or vanish after it was added; the question still sends what the user saw in the chip,
and the saved chat keeps it.

Ollama takes pictures as plain base64 strings in the message's ``images``; a document goes into the
message's text, before the question, between lines that name it (models read a file first and a
question about it after it better than the other way round).
"""

from __future__ import annotations

import base64
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ollama_desktop.core.attachments.files import Kind

# Pictures are scaled down to at most this many pixels on their longer side before they are sent:
# the largest that common vision models use (Llama 3.2 Vision tiles up to 2 x 560; Gemma 3 works at
# 896, LLaVA at 336-672, Qwen2.5-VL costs a token per 28 x 28 pixels, ~1,200 at 1,120 x 840), so a
# larger picture only makes the request and the memory bigger.
MAX_IMAGE_SIDE = 1120
# The fewest tokens a picture is counted for in the context (Gemma 3's fixed 256 a picture).
MIN_IMAGE_TOKENS = 256


def image_tokens(width: int, height: int) -> int:
    """About how many context tokens a picture of this size costs (one per 28 x 28 patch, at least 256).

    Models differ (Gemma 3: 256 always; Qwen2.5-VL: one a patch): the estimate errs on the side of
    the larger, so that the gauge warns before the context is full rather than after.

    >>> image_tokens(1120, 840), image_tokens(100, 100), image_tokens(0, -5)
    (1200, 256, 256)
    """
    if width <= 0 or height <= 0:
        return MIN_IMAGE_TOKENS
    return max(MIN_IMAGE_TOKENS, math.ceil(width / 28) * math.ceil(height / 28))


def new_attachment_id() -> str:
    import uuid  # noqa: PLC0415 - not needed before the first frame

    return uuid.uuid4().hex


@dataclass(frozen=True)
class Attachment:
    """One attached file, ready to send.

    Attributes:
        name: the file's name as shown (no folder).
        kind: what it is (an image kind, a document kind).
        size: the original file's size in bytes.
        tokens: about how many context tokens it costs.
        data: a picture's bytes as sent (PNG or JPEG, scaled); empty for a document.
        media_type: ``"image/png"`` or ``"image/jpeg"`` for a picture; ``""`` for a document.
        width, height: a picture's pixels as sent.
        text: a document's text as sent; empty for a picture.
        truncated: only the start of a long document is sent.
        pages: a PDF's page count (0 for anything else).
    """

    name: str
    kind: Kind
    size: int
    tokens: int
    data: bytes = field(default=b"", repr=False)
    media_type: str = ""
    width: int = 0
    height: int = 0
    text: str = field(default="", repr=False)
    truncated: bool = False
    pages: int = 0
    id: str = field(default_factory=new_attachment_id, compare=False)

    @property
    def is_image(self) -> bool:
        return self.kind.is_image

    @cached_property
    def base64(self) -> str:
        """The picture as Ollama takes it: plain base64, no ``data:`` prefix (computed once)."""
        return base64.b64encode(self.data).decode("ascii")


def images_of(attachments: Sequence[Attachment]) -> list[str]:
    """The pictures among `attachments`, base64-encoded for a message's ``images``."""
    return [attachment.base64 for attachment in attachments if attachment.is_image]


def content_with_documents(question: str, attachments: Sequence[Attachment]) -> str:
    """The text of a message: each attached document's text, named, then the question.

    >>> doc = Attachment("notes.txt", Kind.TEXT, 5, 2, text="Hello")
    >>> print(content_with_documents("Summarise it.", [doc]))
    [File: notes.txt]
    Hello
    [End of file: notes.txt]
    <BLANKLINE>
    Summarise it.
    >>> content_with_documents("Hi", [])
    'Hi'
    """
    parts = [
        f"[File: {item.name}]\n{item.text}\n[End of file: {item.name}]"
        for item in attachments
        if not item.is_image
    ]
    if not parts:
        return question
    return "\n\n".join([*parts, question] if question else parts)


def attachment_tokens(attachments: Sequence[Attachment]) -> int:
    """What the attachments cost in the context together (their names' lines included).

    >>> attachment_tokens([Attachment("a.png", Kind.PNG, 9, 256), Attachment("b.txt", Kind.TEXT, 5, 2)])
    270
    """
    return sum(item.tokens + (0 if item.is_image else 12) for item in attachments)
