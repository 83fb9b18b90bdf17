"""How an event told without a date word takes one from the episode around it."""

from __future__ import annotations

from .helpers import extract, first, person


def test_a_petty_sentence_told_after_a_dated_arrest_is_of_that_day() -> None:
    text = (
        "The blogger Tamar Vekilova was detained on 4 March near the metro. "
        "From the station she was taken to a district court. "
        "The court found her guilty of petty hooliganism and sentenced her to ten days "
        "of administrative arrest."
    )
    p = person(extract(text), "Tamar Vekilova")
    assert str(first(p, "sentence").date) == "2025-03-04"


def test_a_prison_term_told_after_a_dated_arrest_keeps_no_date() -> None:
    text = (
        "The blogger Tamar Vekilova was detained on 4 March near the metro. "
        "From the station she was taken to a district court. "
        "The court found her guilty of fraud and sentenced her to five years in prison."
    )
    p = person(extract(text), "Tamar Vekilova")
    assert first(p, "sentence").date is None


def test_a_petty_sentence_in_another_paragraph_keeps_no_date() -> None:
    text = (
        "The blogger Tamar Vekilova was detained on 4 March near the metro.\n\n"
        "The court sentenced her to ten days of administrative arrest."
    )
    p = person(extract(text), "Tamar Vekilova")
    assert first(p, "sentence").date is None
