"""An arrest named as someone's noun ("Sadigli's arrest", "his detention") takes
only a date told right beside it: elsewhere in the sentence the date is the
verb's whose object the arrest is."""

from __future__ import annotations

from .helpers import extract, person, types


def test_the_date_of_a_ruling_on_an_arrest_is_not_the_arrests() -> None:
    text = (
        "Elnur Sadigli was detained on 2 March in Baku.\n\n"
        "In December, a European court ruled that Sadigli's arrest had been illegal."
    )
    p = person(extract(text, published="2025-12-20"), "Elnur Sadigli")
    assert types(p) == ["detention"]
    assert str(p.events[0].date) == "2025-03-02"


def test_a_date_right_after_the_arrest_noun_is_its_own() -> None:
    text = "Before his arrest in August 2014, Elnur Sadigli worked for a newspaper in Baku."
    p = person(extract(text), "Elnur Sadigli")
    assert [str(e.date) for e in p.events] == ["2014-08"]


def test_a_date_in_apposition_before_the_arrest_noun_is_its_own() -> None:
    text = "On 8 March, the day of his detention, doctors found that Elnur Sadigli had a fever."
    p = person(extract(text), "Elnur Sadigli")
    assert [str(e.date) for e in p.events] == ["2025-03-08"]
