"""English mechanisms of the fourth quality round: what reaches unseen reports,
on invented sentences."""

from habeas.model import PartialDate

from .helpers import extract, first, person


def test_a_verdict_told_as_later_does_not_take_the_arrest_day() -> None:
    r = extract(
        "Police detained the activist Tural Mirzayev in Ganja on 4 March. "
        "A court later fined him 300 manats."
    )
    p = person(r, "Tural Mirzayev")
    assert first(p, "detention").date == PartialDate(2025, 3, 4)
    assert first(p, "sentence").date is None
    r = extract(
        "Police detained the activist Tural Mirzayev in Ganja on 4 March. "
        "He was subsequently sentenced to 15 days of administrative detention."
    )
    assert first(person(r, "Tural Mirzayev"), "sentence").date is None


def test_a_verdict_told_right_after_the_arrest_still_takes_its_day() -> None:
    r = extract(
        "Police detained the activist Tural Mirzayev in Ganja on 4 March. "
        "A court fined him 300 manats."
    )
    assert first(person(r, "Tural Mirzayev"), "sentence").date == PartialDate(2025, 3, 4)


def test_a_charge_told_as_its_own_fact_is_not_copied_into_the_verdict() -> None:
    r = extract(
        "Nigar Sadiqli was detained on charges of smuggling and sentenced to four years in prison."
    )
    p = person(r, "Nigar Sadiqli")
    assert [c.label for c in first(p, "charge").charges] == ["smuggling"]
    assert first(p, "sentence").charges == ()


def test_charges_told_after_the_verdict_are_the_verdict_s() -> None:
    r = extract("Nigar Sadiqli was sentenced to four years in prison on charges of smuggling.")
    assert [c.label for c in first(person(r, "Nigar Sadiqli"), "sentence").charges] == ["smuggling"]
