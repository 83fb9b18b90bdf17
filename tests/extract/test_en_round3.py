"""English mechanisms of the third quality round (issue 10), on invented sentences."""

from habeas.model import PartialDate

from .helpers import extract, first, person, types


def test_custody_told_as_a_state_since_a_date_is_a_dated_detention() -> None:
    r = extract(
        "Tural Mirzayev was sentenced to five years on Monday. "
        "He has been in custody since last August.",
        published="2025-03-13",
    )
    assert first(person(r, "Tural Mirzayev"), "detention").date == PartialDate(2024, 8)
    r = extract("Leyla Sadigova has been held in pretrial detention since 3 February.")
    assert first(person(r, "Leyla Sadigova"), "detention").date == PartialDate(2025, 2, 3)


def test_a_date_starting_a_state_is_not_the_date_of_the_decision() -> None:
    r = extract(
        "Tural Mirzayev has been in prison since May 2021 and is serving a six-year "
        "prison sentence in a colony."
    )
    p = person(r, "Tural Mirzayev")
    assert first(p, "detention").date == PartialDate(2021, 5)
    assert first(p, "sentence").date is None


def test_taken_to_an_undisclosed_location_is_a_disappearance() -> None:
    r = extract(
        "Officers detained Kamal Rustamov on Friday and took him to an undisclosed location."
    )
    assert "disappearance" in types(person(r, "Kamal Rustamov"))


def test_a_possessive_in_an_apposition_does_not_take_the_event_from_the_list() -> None:
    r = extract(
        "Kamal Rustamov and blogger Nigar Aliyeva, known for her posts about corruption "
        "and his videos, were detained on 4 March."
    )
    assert "detention" in types(person(r, "Kamal Rustamov"))
    assert "detention" in types(person(r, "Nigar Aliyeva"))


def test_an_affiliation_told_before_a_name_does_not_break_the_list() -> None:
    r = extract(
        "Police detained Kamal Rustamov, the Umid party Nigar Aliyeva and the "
        "Green Hope movement Samir Talibov on Sunday. All three were released later."
    )
    for name in ("Kamal Rustamov", "Nigar Aliyeva", "Samir Talibov"):
        assert types(person(r, name)) == ["detention", "release"]


def test_a_drawn_up_administrative_report_is_a_charge() -> None:
    r = extract(
        "Samir Talibov was released after an administrative report on disorderly "
        "conduct was drawn up against him."
    )
    assert "charge" in types(person(r, "Samir Talibov"))


def test_a_court_ruling_to_release_is_a_release() -> None:
    r = extract("On Friday the court ruled to release Nigar Aliyeva under a travel ban.")
    assert "release" in types(person(r, "Nigar Aliyeva"))


def test_later_in_the_day_keeps_the_scene_date() -> None:
    r = extract(
        "Nigar Aliyeva was detained on 4 March and later in the day sentenced to ten days "
        "of administrative detention."
    )
    assert first(person(r, "Nigar Aliyeva"), "sentence").date == PartialDate(2025, 3, 4)


def test_pretrial_imprisonment_for_a_term_is_a_pretrial_detention() -> None:
    r = extract(
        "Kamal Rustamov was arrested on Monday. A district court sanctioned Rustamov's "
        "pretrial imprisonment for three months."
    )
    event = first(person(r, "Kamal Rustamov"), "pretrial_detention")
    assert event.penalty is not None and event.penalty.months == 3


def test_an_appeal_denied_is_an_upheld_appeal_not_a_denial_of_care() -> None:
    r = extract("Kamal Rustamov was sentenced to five years in May. His appeal was denied.")
    p = person(r, "Kamal Rustamov")
    assert "ill_treatment" not in types(p)
    outcome = first(p, "appeal").outcome
    assert outcome is not None and outcome.value == "upheld"


def test_a_remand_prison_is_a_place_not_a_court_order() -> None:
    r = extract("Samir Talibov was released from the Kurdakhani remand prison on 8 March.")
    assert types(person(r, "Samir Talibov")) == ["release"]


def test_a_relatives_event_before_a_dash_is_not_the_named_parents() -> None:
    r = extract(
        "Police detained Mammad Aliyev on Sunday. Aliyev's son was accused of hooliganism "
        "— Aliyev denied the allegations."
    )
    assert types(person(r, "Mammad Aliyev")) == ["detention"]


def test_elided_terms_in_a_penalty_list_reach_each_name() -> None:
    r = extract("The court sentenced Kamal Rustamov to 14 days and Samir Talibov to eight.")
    assert first(person(r, "Samir Talibov"), "sentence").penalty.days == 8  # type: ignore[union-attr]
    r = extract(
        "The judge sentenced them on Monday: 14 days for Kamal Rustamov, eight for "
        "Samir Talibov and five for Nigar Aliyeva."
    )
    days = [
        first(person(r, n), "sentence").penalty.days
        for n in ("Kamal Rustamov", "Samir Talibov", "Nigar Aliyeva")
    ]  # type: ignore[union-attr]
    assert days == [14, 8, 5]


def test_respectively_with_the_kind_told_after_the_second_term() -> None:
    r = extract(
        "The court sentenced Kamal Rustamov and Nigar Aliyeva to four and three years in "
        "prison, respectively."
    )
    assert first(person(r, "Kamal Rustamov"), "sentence").penalty.years == 4  # type: ignore[union-attr]
    assert first(person(r, "Nigar Aliyeva"), "sentence").penalty.years == 3  # type: ignore[union-attr]


def test_an_apposition_set_off_by_commas_stays_inside_the_list() -> None:
    r = extract("Kamal Rustamov, 34, and Nigar Aliyeva, 29, were detained on Sunday.")
    assert "detention" in types(person(r, "Kamal Rustamov"))
    r = extract(
        "Kamal Rustamov, a reporter for Meydan TV, and Nigar Aliyeva, an editor at "
        "Toplum TV, were arrested on Sunday."
    )
    assert "detention" in types(person(r, "Kamal Rustamov"))


def test_held_overnight_is_a_stay_not_a_step_to_the_next_day() -> None:
    r = extract(
        "Activist Kamran Veliyev was detained on 3 March and held overnight at a police "
        "station. He was released the next morning.",
        published="2026-03-06",
    )
    p = person(r, "Kamran Veliyev")
    assert first(p, "detention").date == PartialDate(2026, 3, 3)
    assert first(p, "release").date == PartialDate(2026, 3, 4)
