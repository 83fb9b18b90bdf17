"""A term told as served by a release in the same sentence: the release is dated,
the sentence is not (its own day would need arithmetic on the term)."""

from __future__ import annotations

import pytest

from .helpers import extract, first, person


@pytest.mark.parametrize(
    ("text", "name", "lang", "release"),
    [
        (
            "Elnur Sadigli was released on Thursday after serving 30 days of "
            "administrative detention.",
            "Elnur Sadigli",
            "en",
            "2025-03-13",
        ),
        (
            "Тимур Ахмедзянов вышел на свободу 11 марта после 15 суток ареста.",
            "Тимур Ахмедзянов",
            "ru",
            "2025-03-11",
        ),
        (
            "Тимур Ахмедзянов вышел на свободу 11 марта, отбыв 15 суток ареста.",
            "Тимур Ахмедзянов",
            "ru",
            "2025-03-11",
        ),
        (
            "Rəşad Qulamlı martın 11-də 30 günlük inzibati həbs müddətini başa vuraraq "
            "azadlığa çıxıb.",
            "Rəşad Qulamlı",
            "az",
            "2025-03-11",
        ),
    ],
)
def test_a_served_term_is_not_dated_by_the_release(
    text: str, name: str, lang: str, release: str
) -> None:
    p = person(extract(text, published="2025-03-14", lang=lang), name)
    assert str(first(p, "release").date) == release
    assert first(p, "sentence").date is None


def test_a_term_given_on_its_own_day_keeps_that_day() -> None:
    text = "On 3 March Elnur Sadigli was sentenced to 30 days, and he was released on Thursday."
    p = person(extract(text, published="2025-03-15"), "Elnur Sadigli")
    assert str(first(p, "sentence").date) == "2025-03-03"
