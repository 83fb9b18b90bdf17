""" "Today's" and "yesterday's" as adjectives («сегодняшней акции», «вчерашнего
пикета», "bugünkü aksiya") are date words like "today" and "yesterday"."""

from __future__ import annotations

import pytest

from .helpers import extract, first, person


@pytest.mark.parametrize(
    ("text", "name", "lang", "expected"),
    [
        (
            "На сегодняшней акции у здания суда полиция задержала Тимура Ахмедзянова.",
            "Тимур Ахмедзянов",
            "ru",
            "2025-03-14",
        ),
        (
            "После вчерашнего пикета полиция задержала Тимура Ахмедзянова.",
            "Тимур Ахмедзянов",
            "ru",
            "2025-03-13",
        ),
        ("Rəşad Qulamlı bugünkü aksiyada saxlanılıb.", "Rəşad Qulamlı", "az", "2025-03-14"),
    ],
)
def test_a_day_adjective_dates_the_event(text: str, name: str, lang: str, expected: str) -> None:
    p = person(extract(text, published="2025-03-14", lang=lang), name)
    assert str(first(p, "detention").date) == expected


def test_to_this_day_is_no_date() -> None:
    text = "На сегодняшний день Тимур Ахмедзянов задержан."
    p = person(extract(text, published="2025-03-14", lang="ru"), "Тимур Ахмедзянов")
    assert first(p, "detention").date is None
