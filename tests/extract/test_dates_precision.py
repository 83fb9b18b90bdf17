"""Dates the engine would rather leave out than guess: each test is a shape
where a date was given that the report does not support."""

from .helpers import extract, first, person


def test_an_event_told_with_a_day_after_publication_is_undated() -> None:
    # a year-less day a fortnight ahead, a month ahead, a year ahead: a hearing
    # set, a term's end, never when something happened
    for when in ("on 27 March", "in May 2025", "in 2029"):
        r = extract(f"Oren Laskaris was detained in Ganja {when}.", published="2025-03-13")
        assert first(person(r, "Oren Laskaris"), "detention").date is None, when


def test_the_day_of_publication_and_last_year_stay() -> None:
    r = extract("Oren Laskaris was detained in Ganja on 13 March.", published="2025-03-13")
    assert str(first(person(r, "Oren Laskaris"), "detention").date) == "2025-03-13"
    r = extract("Oren Laskaris was detained in Ganja on 9 November.", published="2025-03-13")
    assert str(first(person(r, "Oren Laskaris"), "detention").date) == "2024-11-09"


def test_a_day_after_publication_is_no_episode_of_the_report() -> None:
    # the one day told is a hearing to come, not the day of the arrest told undated
    r = extract(
        "Police detained Oren Laskaris at his home. His trial opens on 20 March.",
        published="2025-03-13",
    )
    assert first(person(r, "Oren Laskaris"), "detention").date is None
