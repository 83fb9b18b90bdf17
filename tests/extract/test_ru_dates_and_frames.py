"""Russian date words and event frames, on invented reports."""

from habeas.extract.dates import DateKind, find_dates
from habeas.extract.lexicon import load_lexicon

from .helpers import extract, first, names, person, types


def _kinds(text: str) -> list[DateKind]:
    return [d.kind for d in find_dates(text, load_lexicon("ru"), dateline=False)]


def test_nakanune_before_a_verb_or_a_subject_is_the_eve() -> None:
    assert _kinds("накануне полиция задержала активиста") == [DateKind.EVE]
    assert _kinds("накануне его задержали у мэрии") == [DateKind.EVE]
    assert _kinds("накануне задержали троих студентов") == [DateKind.EVE]
    assert _kinds("накануне в центре города задержали пикетчика") == [DateKind.EVE]


def test_nakanune_before_a_genitive_is_the_eve_of_something() -> None:
    assert _kinds("накануне выборов задержали пикетчика") == []
    assert _kinds("накануне суда его перевели в другую камеру") == []


def test_nakanune_dates_the_detention() -> None:
    r = extract(
        "Накануне полиция задержала в Твери активиста Гордея Лапина.",
        published="2025-03-14",
        lang="ru",
    )
    assert str(first(person(r, "Гордей Лапин"), "detention").date) == "2025-03-13"


def test_taken_to_a_station_with_an_adjective_before_it() -> None:
    r = extract(
        "Сотрудники полиции доставили в Кировское РОВД блогера Фому Ласточкина.",
        lang="ru",
    )
    assert "detention" in types(person(r, "Фома Ласточкин"))


def test_a_committee_against_torture_is_not_torture() -> None:
    r = extract(
        "Активиста Яна Дымова задержали у мэрии. Дымов — сотрудник Комитета против пыток.",
        lang="ru",
    )
    assert types(person(r, "Ян Дымов")) == ["detention"]


def test_an_undated_opening_takes_the_episode_date_told_later() -> None:
    # No date has been told when the detention is: it belongs to no earlier scene,
    # and the report's one episode date, told in the next paragraph, is its date.
    r = extract(
        "Полицейские доставили в отдел полиции журналиста Фому Ласточкина.\n\n"
        "Инцидент произошел 8 марта у здания мэрии.",
        published="2025-03-10",
        lang="ru",
    )
    assert names(r) == {"Фома Ласточкин"}
    assert str(first(person(r, "Фома Ласточкин"), "detention").date) == "2025-03-08"
