"""How long preparing an attachment takes, and how big the request for one photo is.

Run: `python -m tests.perf.attachment_speed [ROUNDS]` (offscreen, about a minute). Prints medians and
worst of ROUNDS rounds (5 by default) for:

- a 6000 x 4000 photo-like JPEG (smooth shapes under fine noise, so it does not compress away: about
  the size a 24-megapixel camera writes): the source file's size, the time to prepare it, the size
  sent and its base64 size (what one photo adds to the request); and for scale the time to decode it
  at full size, which the decoder's scaling (libjpeg's 1/2, 1/4, 1/8) avoids;
- a 200-page text PDF: the time to extract its text with pypdf, and how many characters;
- a 4 MB UTF-8 text file (Chinese, Korean and English), read up to DOCUMENT_TEXT_LIMIT.

Nothing is asserted: the figures are for the README and for noticing a change.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PHOTO = (6000, 4000)
PAGES = 200


def _timed(job: Callable[[], Any], rounds: int) -> tuple[list[float], Any]:
    times = []
    result = None
    for _ in range(rounds):
        started = time.perf_counter()
        result = job()
        times.append(time.perf_counter() - started)
    return times, result


def _line(label: str, times: list[float]) -> str:
    return f"{label:<44} median {statistics.median(times) * 1000:8.1f} ms   worst {max(times) * 1000:8.1f} ms"


def _mb(size: int) -> str:
    return f"{size / 1024**2:.2f} MB"


def photo(path: Path) -> None:
    """A photo-like JPEG: soft colour fields (noise scaled up smoothly) under fine grain."""
    from PySide6.QtCore import QByteArray, Qt  # noqa: PLC0415
    from PySide6.QtGui import QImage, QImageWriter, QPainter  # noqa: PLC0415

    width, height = PHOTO
    rng = random.Random(20)
    coarse = QImage(rng.randbytes(60 * 40 * 3), 60, 40, 60 * 3, QImage.Format.Format_RGB888).copy()
    image = coarse.scaled(
        width, height, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    ).convertToFormat(QImage.Format.Format_RGB32)
    grain = QImage(rng.randbytes(width * height * 3), width, height, width * 3, QImage.Format.Format_RGB888)
    painter = QPainter(image)
    painter.setOpacity(0.12)
    painter.drawImage(0, 0, grain)
    painter.end()
    writer = QImageWriter(str(path), QByteArray(b"jpeg"))
    writer.setQuality(90)
    if not writer.write(image):
        raise RuntimeError(writer.errorString())


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    rounds = int(args[0]) if args else 5
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImageReader  # noqa: PLC0415

    from ollama_desktop.controllers.attachment_preparing import prepare_file  # noqa: PLC0415
    from ollama_desktop.core.attachments.files import DOCUMENT_TEXT_LIMIT  # noqa: PLC0415
    from ollama_desktop.core.cancel import CancelToken  # noqa: PLC0415
    from tests.attachment_files import pdf  # noqa: PLC0415

    app = QGuiApplication.instance() or QGuiApplication([])
    with tempfile.TemporaryDirectory(prefix="attachment-speed-") as folder:
        root = Path(folder)
        print(f"Attachments: {rounds} rounds each, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n")

        jpeg = root / "photo.jpg"
        photo(jpeg)
        times, attachment = _timed(lambda: prepare_file(jpeg, CancelToken()), rounds)
        print(_line(f"{PHOTO[0]} x {PHOTO[1]} JPEG photo, prepared", times))
        print(
            f"    source {_mb(jpeg.stat().st_size)}; sent {attachment.width} x {attachment.height} "
            f"{attachment.media_type}, {attachment.data.__len__() / 1024:.0f} KB; "
            f"base64 {len(attachment.base64) / 1024:.0f} KB (the request for one photo)"
        )
        full, _ = _timed(lambda: QImageReader(str(jpeg)).read(), max(1, rounds // 2))
        print(_line("    for scale: a full-size decode alone", full))

        document = root / "book.pdf"
        text = "\n".join(
            f"Line {line} of the page: the quick brown fox jumps over the lazy dog." for line in range(40)
        )
        document.write_bytes(pdf(*(f"Page {page}\n{text}" for page in range(1, PAGES + 1))))
        times, attachment = _timed(lambda: prepare_file(document, CancelToken()), rounds)
        print(_line(f"{PAGES}-page text PDF, text extracted", times))
        print(
            f"    source {_mb(document.stat().st_size)}; {len(attachment.text):,} characters, "
            f"~{attachment.tokens:,} tokens, {attachment.pages} pages"
        )

        notes = root / "notes.txt"
        sample = "天空为什么是蓝色的? 하늘은 왜 파란가요? Why is the sky blue?\n"
        notes.write_text(sample * (4 * 1024**2 // len(sample.encode()) + 1), encoding="utf-8")
        times, attachment = _timed(lambda: prepare_file(notes, CancelToken()), rounds)
        print(_line("4 MB UTF-8 text file (CJK and English), read", times))
        print(
            f"    {len(attachment.text):,} characters, ~{attachment.tokens:,} tokens, "
            f"truncated at {DOCUMENT_TEXT_LIMIT:,} bytes: {attachment.truncated}"
        )
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
