"""A message's attached files in an exported chat (JSON), and read back from one, bounded (no Qt).

Export writes every field, a picture's bytes as base64. Import trusts nothing: a file made by hand
or by someone else may claim anything. Each attachment is checked on its own; one that does not
hold up (bad base64, a picture that is no PNG or JPEG, a field of the wrong type) is left out and
the rest of the chat is imported. Nothing read can grow past the app's own limits: a picture's
bytes at most IMAGE_LIMIT and its sides at most MAX_IMAGE_SIDE pixels, a document's text at most
DOCUMENT_TEXT_LIMIT (the rest cut off, as the app cuts a long document), at most MAX_ATTACHMENTS a
message.
"""

from __future__ import annotations

import base64
import binascii
import logging
from typing import Any

from ollama_desktop.core.attachments.attachment import (
    MAX_IMAGE_SIDE,
    Attachment,
    image_tokens,
    new_attachment_id,
)
from ollama_desktop.core.attachments.files import (
    DOCUMENT_TEXT_LIMIT,
    IMAGE_LIMIT,
    document_tokens,
    image_pixel_size,
)
from ollama_desktop.core.history.attachment_rows import kind_of

log = logging.getLogger(__name__)

# The most attachments a message may bring from a file (the composer takes 10 a question).
MAX_ATTACHMENTS = 20
# Bounds of the numbers an attachment carries: a file's size, a picture's side, a token count.
MAX_SIZE = 2**53
MAX_SIDE = 65_535
MAX_TOKENS = 1 << 30
MAX_NAME = 255

_BASE64_LIMIT = 4 * -(-IMAGE_LIMIT // 3)  # the base64 length of IMAGE_LIMIT bytes
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


def attachment_to_json(item: Attachment) -> dict[str, Any]:
    """Every field of the attachment; a picture's bytes as plain base64."""
    return {
        "id": item.id,
        "name": item.name,
        "kind": item.kind.value,
        "size": item.size,
        "tokens": item.tokens,
        "media_type": item.media_type,
        "width": item.width,
        "height": item.height,
        "truncated": item.truncated,
        "pages": item.pages,
        "text": item.text,
        "data": item.base64 if item.data else "",
    }


def attachments_from_json(value: Any, where: str = "") -> tuple[Attachment, ...]:
    """The attachments of one exported message; those that do not hold up are left out (logged)."""
    if value is None:
        return ()
    if not isinstance(value, list):
        log.warning("import: attachments of %s are not a list: left out", where)
        return ()
    if len(value) > MAX_ATTACHMENTS:
        log.warning(
            "import: %s has %d attachments: only the first %d kept", where, len(value), MAX_ATTACHMENTS
        )
    found: list[Attachment] = []
    for index, item in enumerate(value[:MAX_ATTACHMENTS]):
        try:
            found.append(attachment_from_json(item))
        except ValueError as exc:
            log.warning("import: attachment %d of %s left out: %s", index, where, exc)
    return tuple(found)


def attachment_from_json(data: Any) -> Attachment:
    """One attachment from its JSON form.

    Raises:
        ValueError: it is not an attachment this app can show and send again.
    """
    if not isinstance(data, dict):
        raise ValueError("not an object")
    name = _name(data.get("name"))
    media_type = data.get("media_type")
    media_type = media_type if isinstance(media_type, str) else ""
    kind = kind_of(data.get("kind"), media_type)
    if kind is None:
        raise ValueError(f"kind {data.get('kind')!r}")
    size = _number(data.get("size"), MAX_SIZE)
    pages = _number(data.get("pages"), MAX_SIZE)
    uid = data.get("id")
    uid = uid if isinstance(uid, str) and 0 < len(uid) <= 64 else new_attachment_id()
    if kind.is_image:
        picture, media_type = _picture(data.get("data"))
        width, height = _number(data.get("width"), MAX_SIDE), _number(data.get("height"), MAX_SIDE)
        if not width or not height:
            raise ValueError("a picture with no size")
        tokens = _number(data.get("tokens"), MAX_TOKENS) or image_tokens(width, height)
        return Attachment(name, kind, size, tokens, picture, media_type, width, height, id=uid)
    text = data.get("text")
    if not isinstance(text, str):
        raise ValueError("a document with no text")
    truncated = data.get("truncated") is True
    if len(text) > DOCUMENT_TEXT_LIMIT:
        text, truncated = text[:DOCUMENT_TEXT_LIMIT], True
    tokens = _number(data.get("tokens"), MAX_TOKENS) or document_tokens(text)
    return Attachment(name, kind, size, tokens, text=text, truncated=truncated, pages=pages, id=uid)


def _name(value: Any) -> str:
    """A name to show: never a path, never several lines, never empty.

    >>> _name("../../etc/passwd"), _name("C:\\\\a\\\\b.txt"), _name("two\\nlines.md"), _name(5)
    ('passwd', 'b.txt', 'two lines.md', 'attachment')
    """
    if not isinstance(value, str):
        return "attachment"
    name = " ".join(value.replace("\\", "/").rsplit("/", 1)[-1].split())[:MAX_NAME]
    return name or "attachment"


def _number(value: Any, limit: int) -> int:
    """A count from the file; 0 when it is not a whole number from 0 to `limit`."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= limit:
        return 0
    return value


def _picture(value: Any) -> tuple[bytes, str]:
    """A picture's bytes and media type from base64; ValueError unless it is a PNG or a JPEG."""
    if not isinstance(value, str) or not value:
        raise ValueError("a picture with no data")
    if len(value) > _BASE64_LIMIT:
        raise ValueError(f"a picture of {len(value)} base64 characters, over the limit")
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"bad base64: {exc}") from None
    if not data.startswith((_PNG, _JPEG)):
        raise ValueError("a picture that is not a PNG or a JPEG")
    # Never larger than the app sends one: a few KB of PNG may unpack to a picture of millions of
    # pixels, decoded on the GUI thread for its thumbnail and sent to the model at that size.
    pixels = image_pixel_size(data)
    if pixels is None or max(pixels) > MAX_IMAGE_SIDE:
        raise ValueError(f"a picture of {pixels or 'unknown'} pixels, over {MAX_IMAGE_SIDE} a side")
    return data, "image/png" if data.startswith(_PNG) else "image/jpeg"
