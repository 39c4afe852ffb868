"""Dates in the window (chat list, Models window, benchmarks) in the user's locale; the C locale's
odd "2 12 2026 05:28" becomes "2026-12-02 05:28"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from ollama_desktop.ui.benchmark.texts import started_text
from ollama_desktop.ui.history.texts import when_text
from ollama_desktop.ui.locale_format import date_text, date_time_text, time_text

MOMENT = QDateTime(QDate(2026, 12, 2), QTime(5, 28))  # local time
SECONDS = MOMENT.toSecsSinceEpoch()
ODD = re.compile(r"\d+ \d+ \d+")  # numbers between spaces: which is the day?


@pytest.fixture
def locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


def use(name: str) -> None:
    QLocale.setDefault(QLocale.c() if name == "C" else QLocale(name))


def test_the_c_locale_writes_iso_like_dates(locale: None) -> None:
    use("C")
    assert date_text(MOMENT.date()) == "2026-12-02"
    assert time_text(MOMENT.time()) == "05:28"
    assert date_time_text(MOMENT) == "2026-12-02 05:28"
    assert date_time_text(SECONDS) == "2026-12-02 05:28"
    aware = datetime.fromtimestamp(SECONDS, UTC)
    assert date_time_text(aware) == "2026-12-02 05:28"  # shown in local time
    assert started_text(aware) == "2026-12-02 05:28"
    # The chat list: the time today, the date for an older chat.
    assert when_text(SECONDS, now=SECONDS + 60) == "05:28"
    assert when_text(SECONDS, now=SECONDS + 30 * 86_400) == "2026-12-02"


@pytest.mark.parametrize(
    ("name", "date", "time"),
    [
        ("en_US", "12/2/26", "5:28\u202fAM"),
        ("ko_KR", "26. 12. 2.", "오전 5:28"),
        ("zh_CN", "2026/12/2", "05:28"),
        ("de_DE", "02.12.26", "05:28"),
    ],
)
def test_real_locales_keep_their_short_formats(locale: None, name: str, date: str, time: str) -> None:
    use(name)
    assert date_text(MOMENT.date()) == date
    assert time_text(MOMENT.time()) == time
    assert date_time_text(SECONDS) == f"{date} {time}"
    assert when_text(SECONDS, now=SECONDS + 60) == time
    assert when_text(SECONDS, now=SECONDS + 30 * 86_400) == date
    assert not ODD.search(date_time_text(SECONDS))


def test_a_format_of_bare_numbers_and_spaces_falls_back(
    locale: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    use("en_US")
    monkeypatch.setattr(QLocale, "dateFormat", lambda self, _kind=None: "d MM yyyy")
    assert date_text(MOMENT.date()) == "2026-12-02"
    monkeypatch.setattr(QLocale, "dateFormat", lambda self, _kind=None: "d MMM yyyy")  # names the month
    assert date_text(MOMENT.date()) == "2 Dec 2026"


def test_what_cannot_be_shown_is_left_empty(locale: None) -> None:
    use("C")
    assert date_time_text(float("nan")) == ""
    assert date_time_text(1e20) == ""
    assert date_text(QDate()) == ""
