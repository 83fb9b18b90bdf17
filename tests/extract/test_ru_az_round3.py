"""Russian and Azerbaijani behaviours of the third round, probed with invented
sentences. Every person here is fictional."""

from __future__ import annotations

import pytest

from habeas.model import PartialDate

from .helpers import az, first, person, ru


@pytest.mark.parametrize(
    "later",
    ["Один день спустя его отпустили.", "Через один день его отпустили."],
)
def test_one_day_later_is_counted_in_the_singular(later: str) -> None:
    # «день» is the singular of «дня/дней»; the lexicon once spelled it «днень».
    p = person(ru(f"Тимура Ахмедзянова задержали 4 марта. {later}"), "Тимур Ахмедзянов")
    assert first(p, "release").date == PartialDate(2025, 3, 5)


def test_one_day_earlier_is_counted_from_the_day_told() -> None:
    p = person(
        ru("Тимура Ахмедзянова отпустили 6 марта. Задержали его один день ранее."),
        "Тимур Ахмедзянов",
    )
    assert first(p, "detention").date == PartialDate(2025, 3, 5)


@pytest.mark.parametrize(
    "text",
    [
        "Rəşad Quliyev 30 sutka həbs edilib.",
        "Rəşad Quliyev 30 günlük həbs olunub.",
        "Rəşad Quliyev 30 sutkalıq həbs müddətini başa vurub.",
    ],
)
def test_an_arrest_for_days_is_administrative_without_the_word(text: str) -> None:
    # "inzibati" is often left out: a term in days is never a prison term.
    penalty = first(person(az(text), "Rəşad Quliyev"), "sentence").penalty
    assert penalty is not None
    assert (penalty.kind.value, penalty.days) == ("administrative_detention", 30)


@pytest.mark.parametrize(
    "text",
    ["Rəşad Quliyev 4 aylıq həbs edilib.", "Məhkəmə Rəşad Quliyevi 4 ay müddətinə həbs edib."],
)
def test_an_arrest_for_months_without_a_penalty_word_is_the_remand(text: str) -> None:
    p = person(az(text), "Rəşad Quliyev")
    assert [e.type.value for e in p.events] == ["pretrial_detention"]
    assert first(p, "pretrial_detention").penalty.months == 4


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Полиция задержала Т. Р. Ахмедзянова.", "Т. Р. Ахмедзянов"),
        ("Полиция задержала Т.Ахмедзянова.", "Т. Ахмедзянов"),
        ("Полиция задержала Т.Р.Ахмедзянова у мэрии.", "Т. Р. Ахмедзянов"),
    ],
)
def test_initials_before_a_surname_are_a_name(text: str, name: str) -> None:
    # Two initials, or one written close up to the surname, once left the
    # surname alone, which needs a cue the sentence lacks.
    assert [e.type.value for e in person(ru(text), name).events] == ["detention"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Полиция задержала Гарегина Тер-Аветисяна.", "Гарегин Тер-Аветисян"),
        ("Полиция задержала Анну Петрову-Водкину.", "Анна Петрова-Водкина"),
    ],
)
def test_a_hyphenated_surname_keeps_its_capitals_in_the_nominative(text: str, name: str) -> None:
    person(ru(text), name)


@pytest.mark.parametrize(
    "text",
    [
        "Полиция задержала Гайка Саркисяна.",
        "Гайку Саркисяну дали 10 суток ареста.",
    ],
)
def test_an_armenian_surname_in_a_case_tells_a_given_name_the_dictionary_reads_as_a_noun(
    text: str,
) -> None:
    # «Гайка» is a common noun to the dictionary; the gazetteer's Гайк is read
    # only when the surname after it stands in the same case, and a man's -ян
    # declines («Саркисяна», «Саркисяну»).
    person(ru(text), "Гайк Саркисян")


@pytest.mark.parametrize(
    "text",
    [
        "Вместе с Олегом Ветровым задержали Тимура Ахмедзянова.",
        "Тимура Ахмедзянова задержали вместе с Олегом Ветровым.",
    ],
)
def test_the_one_with_whom_another_was_detained_and_that_other(text: str) -> None:
    # With «вместе с» first, the name nearest the verb is the companion: the
    # object after the verb was detained as well.
    result = ru(text)
    for name in ("Олег Ветров", "Тимур Ахмедзянов"):
        assert [e.type.value for e in person(result, name).events] == ["detention"]


@pytest.mark.parametrize(
    ("text", "names_"),
    [
        ("На пикет у мэрии вышла Айгуль Сафина.", ["Айгуль Сафина"]),
        (
            "В митинге приняли участие Тимур Ахмедзянов и Айгуль Сафина.",
            ["Тимур Ахмедзянов", "Айгуль Сафина"],
        ),
        ("Одиночный пикет у мэрии провёл Тимур Ахмедзянов.", ["Тимур Ахмедзянов"]),
    ],
)
def test_a_protest_told_before_its_verb(text: str, names_: list[str]) -> None:
    result = ru(text)
    for name in names_:
        assert [e.type.value for e in person(result, name).events] == ["protest"]


@pytest.mark.parametrize(
    "text",
    ["На акцию не вышел Тимур Ахмедзянов.", "Акцию провели сторонники Тимура Ахмедзянова."],
)
def test_no_protest_when_denied_or_held_by_others_for_the_one_named(text: str) -> None:
    assert not ru(text).persons


def test_two_penalties_of_one_person_in_one_sentence_are_two_sentences() -> None:
    # Each verb's own term, not the first term told for both.
    p = person(
        ru("Суд арестовал Тимура Ахмедзянова на 10 суток и оштрафовал на 10 тысяч рублей."),
        "Тимур Ахмедзянов",
    )
    kinds = sorted(e.penalty.kind.value for e in p.events if e.penalty is not None)
    assert kinds == ["administrative_detention", "fine"]


def test_two_persons_each_keep_the_term_by_their_name() -> None:
    result = ru(
        "Суд арестовал Тимура Ахмедзянова на 15 суток, "
        "а Олега Ветрова оштрафовал на 10 тысяч рублей."
    )
    assert first(person(result, "Тимур Ахмедзянов"), "sentence").penalty.days == 15
    assert first(person(result, "Олег Ветров"), "sentence").penalty.amount == 10000


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("Тимур Ахмедзянов провёл в ИВС 48 часов.", 48),
        ("Тимура Ахмедзянова продержали в отделе полиции около пяти часов.", 5),
    ],
)
def test_hours_spent_held_by_the_police_are_a_detention(text: str, hours: int) -> None:
    assert first(person(ru(text), "Тимур Ахмедзянов"), "detention").duration_hours == hours


def test_a_press_conference_given_at_a_police_station_is_no_detention() -> None:
    assert not ru("Тимур Ахмедзянов провёл в отделе полиции пресс-конференцию.").persons


def test_one_named_with_other_detainees_was_detained() -> None:
    p = person(ru("Тимур Ахмедзянов и другие задержанные рассказали о пытках."), "Тимур Ахмедзянов")
    assert "detention" in [e.type.value for e in p.events]


@pytest.mark.parametrize(
    "text",
    [
        "Тимур Ахмедзянов и другие осуждённые члены движения объявили голодовку.",
        "Тимур Ахмедзянов и другие политзаключённые объявили голодовку.",
    ],
)
def test_one_named_with_other_convicts_serves_a_prison_term(text: str) -> None:
    penalty = first(person(ru(text), "Тимур Ахмедзянов"), "sentence").penalty
    assert penalty is not None and penalty.kind.value == "prison"


def test_one_named_with_other_lawyers_is_no_one() -> None:
    assert not ru("Адвокат Тимур Ахмедзянов и другие защитники посетили задержанных.").persons
