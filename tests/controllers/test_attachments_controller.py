"""The composer's pending files (issue #20): read on the pool, ready, failed, removed, restored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from ollama_desktop.controllers.attachments import AttachmentsController, State
from ollama_desktop.core.attachments.attachment import Attachment
from ollama_desktop.core.attachments.files import FileMissing, Kind, NotAFile, UnsupportedFile
from ollama_desktop.workers import WorkerPool
from tests.attachment_files import png


@pytest.fixture
def files(qtbot, pool: WorkerPool) -> AttachmentsController:  # type: ignore[no-untyped-def]
    return AttachmentsController(pool)


def _ready(qtbot, files: AttachmentsController) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not files.busy)


def test_a_text_file_and_a_picture_are_read_and_ready(  # type: ignore[no-untyped-def]
    qtbot, files: AttachmentsController, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("The meeting moved to Tuesday. " * 20, encoding="utf-8")
    picture = tmp_path / "photo.png"
    picture.write_bytes(png(64, 48))
    assert files.add_paths([notes, picture]) == 2
    assert [item.state for item in files.items] == [State.READING, State.READING]
    assert files.busy
    assert files.ready() == ()
    assert set(files.reading()) == {"notes.txt", "photo.png"}
    _ready(qtbot, files)
    text, image = files.ready()
    assert (text.name, text.kind, text.size) == ("notes.txt", Kind.TEXT, notes.stat().st_size)
    assert "Tuesday" in text.text
    assert text.tokens > 0
    assert image.is_image
    assert (image.width, image.height) == (64, 48)
    assert image.data
    assert files.has_pictures()
    assert files.tokens() == text.tokens + 12 + image.tokens
    # The chip's id is the attachment's: the UI removes by it.
    assert [item.id for item in files.items] == [text.id, image.id]


def test_a_pasted_picture_is_scaled_and_encoded(qtbot, files: AttachmentsController) -> None:  # type: ignore[no-untyped-def]
    image = QImage(2400, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    assert files.add_picture(image, "Pasted picture")
    _ready(qtbot, files)
    (picture,) = files.ready()
    assert picture.name == "Pasted picture"
    assert (picture.width, picture.height) == (1120, 560)
    assert picture.media_type == "image/jpeg"


def test_a_failure_is_told_and_the_item_leaves(qtbot, files: AttachmentsController, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "docs"
    folder.mkdir()
    program = tmp_path / "tool.exe"
    program.write_bytes(b"MZ\x90\x00" + bytes(range(256)) * 4)
    failures: list[tuple[str, object]] = []
    files.failed.connect(lambda name, error: failures.append((name, error)))
    files.add_paths([folder, tmp_path / "gone.txt", program])
    qtbot.waitUntil(lambda: len(failures) == 3)
    assert files.items == ()
    kinds = {name: type(error) for name, error in failures}
    assert kinds == {"docs": NotAFile, "gone.txt": FileMissing, "tool.exe": UnsupportedFile}


def test_at_most_ten_files_a_question(qtbot, files: AttachmentsController, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = []
    for number in range(12):
        path = tmp_path / f"note{number}.txt"
        path.write_text(f"note {number}", encoding="utf-8")
        paths.append(path)
    with qtbot.waitSignal(files.too_many) as left_out:
        assert files.add_paths(paths) == 10
    assert left_out.args == [2]
    assert files.add_paths(paths[:3]) == 0  # the same files are not added twice
    with qtbot.waitSignal(files.too_many):
        assert not files.add_picture(QImage(10, 10, QImage.Format.Format_RGB32), "x")
    _ready(qtbot, files)
    assert len(files.ready()) == 10


def test_remove_while_reading_and_after(  # type: ignore[no-untyped-def]
    qtbot, files: AttachmentsController, pool: WorkerPool, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.md"
    first.write_text("alpha", encoding="utf-8")
    second.write_text("# beta", encoding="utf-8")
    files.add_paths([first, second])
    files.remove(files.items[0].id)  # still being read: its result is not taken
    _ready(qtbot, files)
    qtbot.waitUntil(lambda: pool.busy == 0)
    assert [a.name for a in files.ready()] == ["b.md"]
    with qtbot.waitSignal(files.changed):
        files.remove(files.items[0].id)
    assert files.items == ()
    assert files.tokens() == 0


def test_a_file_deleted_after_it_was_read_still_goes(  # type: ignore[no-untyped-def]
    qtbot, files: AttachmentsController, tmp_path: Path
) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("what was read", encoding="utf-8")
    files.add_paths([path])
    _ready(qtbot, files)
    path.unlink()
    assert [a.text for a in files.ready()] == ["what was read"]


def test_restore_puts_a_questions_files_back_first(  # type: ignore[no-untyped-def]
    qtbot, files: AttachmentsController, tmp_path: Path
) -> None:
    path = tmp_path / "new.txt"
    path.write_text("new", encoding="utf-8")
    files.add_paths([path])
    _ready(qtbot, files)
    old = (
        Attachment("old.txt", Kind.TEXT, 3, 1, text="old"),
        Attachment("p.png", Kind.PNG, 9, 256, data=b"x"),
    )
    files.restore(old)
    files.restore(old)  # never twice
    assert [a.name for a in files.ready()] == ["old.txt", "p.png", "new.txt"]
    assert files.ready()[0] is old[0]
    files.clear()
    assert files.items == ()
    assert not files.busy


def test_clear_stops_reading(qtbot, files: AttachmentsController, pool: WorkerPool, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text("a", encoding="utf-8")
    files.add_paths([path])
    files.clear()
    assert files.items == ()
    qtbot.waitUntil(lambda: pool.busy == 0)
    assert files.items == ()
