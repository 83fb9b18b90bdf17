"""Russian and Azerbaijani mechanisms of a second round: negation after the
verb, Azerbaijani names with a date before the passive, companions, the
administrative arrest. Every person here is fictional."""

import pytest

from .helpers import az, first, names, person, ru, types


@pytest.mark.parametrize(
    "text",
    [
        "Активист Тимур Ахмедзянов задержан не был.",
        "Тимур Ахмедзянов задержан не был, сообщил его адвокат.",
        "Тимур Ахмедзянов, по словам коллег, арестован так и не был.",
    ],
)
def test_a_negation_after_the_participle_is_no_event(text: str) -> None:
    assert all("detention" not in types(p) for p in ru(text).persons)


def test_a_negation_of_the_next_verb_leaves_the_participle_alone() -> None:
    # «не были освобождены» negates the release, and the clause goes on after it
    result = ru("Тимур Ахмедзянов был задержан 10 марта и не был освобожден до вечера.")
    assert first(person(result, "Тимур Ахмедзянов"), "detention").date is not None


@pytest.mark.parametrize(
    "text",
    [
        "Jurnalist Qənimət Zahid martın 10-da Bakıda saxlanılıb.",
        "Qənimət Zahid martın 10-da saxlanılıb. Zahid jurnalistdir.",
    ],
)
def test_an_az_date_between_the_name_and_its_passive_keeps_the_name(text: str) -> None:
    result = az(text)
    assert names(result) == {"Qənimət Zahid"}
    assert str(first(person(result, "Qənimət Zahid"), "detention").date) == "2025-03-10"


@pytest.mark.parametrize(
    "text",
    [
        "Суд арестовал Тимура Ахмедзянова по статье 20.2 КоАП.",
        "10 марта суд арестовал Тимура Ахмедзянова по части 8 статьи 20.2 КоАП.",
        "Суд арестовал Тимура Ахмедзянова по административной статье о неповиновении.",
    ],
)
def test_a_court_arrest_in_an_administrative_case_is_a_sentence(text: str) -> None:
    # an administrative arrest is the penalty itself, told with or without its term
    assert types(person(ru(text), "Тимур Ахмедзянов")) == ["sentence"]


def test_a_court_arrest_in_a_criminal_case_stays_the_custody() -> None:
    result = ru("Басманный суд арестовал Тимура Ахмедзянова по делу о госизмене.")
    assert types(person(result, "Тимур Ахмедзянов")) == ["pretrial_detention"]


@pytest.mark.parametrize(
    "second",
    [
        "Вместе с ним был задержан его товарищ Павел Огурцов.",
        "Вместе с ним задержали активиста Павла Огурцова.",
        "Также был задержан его товарищ Павел Огурцов.",
    ],
)
def test_a_companion_named_after_a_pronoun_is_detained_too(second: str) -> None:
    result = ru("10 марта в Казани был задержан Тимур Ахмедзянов. " + second)
    assert types(person(result, "Павел Огурцов")) == ["detention"]
    assert types(person(result, "Тимур Ахмедзянов")) == ["detention"]


def test_an_object_pronoun_before_a_place_is_still_the_object() -> None:
    result = ru("Тимур Ахмедзянов пришел на акцию. Полиция задержала его прямо у здания Мэрии.")
    assert types(person(result, "Тимур Ахмедзянов")) == ["detention"]
