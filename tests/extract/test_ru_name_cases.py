"""Russian names in oblique cases put back in the nominative, on invented reports."""

import pytest

from .helpers import extract, names


@pytest.mark.parametrize(
    "text",
    [
        "Полиция задержала Марину Гусеву в центре города.",
        "Суд арестовал Марину Гусеву на 10 суток.",
        "Полицейские задержали Марину Гусеву.",
    ],
)
def test_a_womans_accusative_is_not_read_as_a_mans(text: str) -> None:
    # «Марину» is only a woman's accusative (a man's Марин would be «Марина»), so a
    # tagger's masculine reading of the case cannot stand.
    assert names(extract(text, lang="ru")) == {"Марина Гусева"}


def test_a_surname_the_dictionary_knows_only_as_a_place_in_an_oblique_case() -> None:
    r = extract("Суд оштрафовал Марину Кольцову и Валентину Орехову.", lang="ru")
    assert names(r) == {"Марина Кольцова", "Валентина Орехова"}


def test_a_mans_genitive_stays_a_mans() -> None:
    r = extract("Полицейские задержали Виктора Гусева у здания суда.", lang="ru")
    assert names(r) == {"Виктор Гусев"}


def test_a_surname_nothing_marks_is_a_name_inside_a_list_of_names() -> None:
    r = extract(
        "Полиция задержала Гордея Лапина, Фому Кривцова, Михаила Тэйло и Яна Дымова.",
        lang="ru",
    )
    assert "Михаил Тэйло" in names(r)


def test_an_ordinary_word_after_a_given_name_is_not_a_surname() -> None:
    r = extract("Полиция задержала Гордея Лапина, Михаила Газету и Яна Дымова.", lang="ru")
    assert not any("Газет" in n for n in names(r))


@pytest.mark.parametrize(
    "text",
    [
        "В Москве полиция задержала активистку Александру Белову.",
        "В Москве задержали Александру Белову.",
    ],
)
def test_a_rare_feminine_reading_that_agrees_with_the_word_before_wins(text: str) -> None:
    # «Александру» is mostly Александр's dative; after a feminine role noun in the
    # accusative, or a verb whose object is the person, it is Александра's accusative.
    assert names(extract(text, lang="ru")) == {"Александра Белова"}


def test_a_conjunct_takes_the_case_of_the_list_it_stands_in() -> None:
    r = extract("Полиция задержала Марину Гусеву, Виктора Гусева и Александру Белову.", lang="ru")
    assert names(r) == {"Марина Гусева", "Виктор Гусев", "Александра Белова"}


def test_a_dative_after_a_verb_that_also_takes_one_stays_a_mans() -> None:
    r = extract("Суд назначил Александру Белову 10 суток ареста.", lang="ru")
    assert names(r) == {"Александр Белов"}
