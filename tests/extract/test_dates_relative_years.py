"""Relative years and days counted back from publication, in the three languages."""

from __future__ import annotations

import datetime as dt

import pytest

from habeas.extract.dates import find_dates, resolve
from habeas.extract.lexicon import fold_case, load_lexicon
from habeas.model import PartialDate

FRIDAY = dt.date(2021, 4, 16)


def dates(text: str, lang: str) -> list[str]:
    low = fold_case(text)
    found = find_dates(low, load_lexicon(lang), dateline=False)
    return [str(resolve(d, published=FRIDAY, previous=None)) for d in found]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Lala Dunyamaliyeva was detained on 12 March last year.", ["2020-03-12"]),
        ("en", "Lala Dunyamaliyeva was detained in March of last year.", ["2020-03"]),
        ("ru", "Рустама Векилова задержали 12 марта прошлого года.", ["2020-03-12"]),
        ("ru", "Рустама Векилова задержали в марте прошлого года.", ["2020-03"]),
        ("az", "Rüstəm Vəkilov ötən ilin mart ayında saxlanılıb.", ["2020-03"]),
        ("az", "Rüstəm Vəkilov keçən ilin 12 martında saxlanılıb.", ["2020-03-12"]),
    ],
)
def test_last_year_gives_a_date_its_year(lang: str, text: str, expected: list[str]) -> None:
    assert dates(text, lang) == expected


def test_last_year_alone_is_no_date() -> None:
    # a period ("during last year") or the background: no day, and no episode broken
    assert dates("Lala Dunyamaliyeva was detained last year.", "en") == []
    assert dates("Ötən il ərzində dörd jurnalist saxlanılıb.", "az") == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Lala Dunyamaliyeva was detained the day before yesterday."),
        ("ru", "Рустама Векилова задержали позавчера."),
        ("az", "Rüstəm Vəkilov srağagün saxlanılıb."),
    ],
)
def test_the_day_before_yesterday_is_two_days_before_publication(lang: str, text: str) -> None:
    assert dates(text, lang) == ["2021-04-14"]


def test_an_azerbaijani_month_in_the_possessive_locative_is_a_date() -> None:
    assert dates("Rüstəm Vəkilov 3 martında saxlanılıb.", "az") == ["2021-03-03"]
    assert dates("Rüstəm Vəkilov 2020-ci il iyununda saxlanılıb.", "az") == ["2020-06"]


def test_the_morning_hours_alone_are_the_day_of_the_news() -> None:
    assert dates("Polis səhər saatlarında Rüstəm Vəkilovu saxlayıb.", "az") == ["2021-04-16"]


def test_the_morning_hours_of_a_day_named_are_no_day_of_their_own() -> None:
    assert dates("Mayın 5-i səhər saatlarında Rüstəm Vəkilov saxlanılıb.", "az") == ["2021-05-05"]
    assert dates("Dünən axşam saatlarında Rüstəm Vəkilov saxlanılıb.", "az") == ["2021-04-15"]
    assert dates("Cümə günü səhər saatlarında Rüstəm Vəkilov saxlanılıb.", "az") == ["2021-04-16"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Lala Dunyamaliyeva was detained earlier this month.", ["2021-04"]),
        ("en", "Lala Dunyamaliyeva was detained last month.", ["2021-03"]),
        ("ru", "Рустама Векилова задержали в прошлом месяце.", ["2021-03"]),
        ("az", "Rüstəm Vəkilov ötən ay saxlanılıb.", ["2021-03"]),
    ],
)
def test_this_and_last_month_count_from_publication(
    lang: str, text: str, expected: list[str]
) -> None:
    assert dates(text, lang) == expected


def test_mid_month_with_a_hyphen_is_that_month() -> None:
    assert dates("Lala Dunyamaliyeva was detained in mid-March.", "en") == ["2021-03"]


def test_this_year_gives_a_date_the_year_of_publication() -> None:
    # without it a day well after publication would be taken for last year's
    assert dates("The trial of Lala Dunyamaliyeva opens on 12 July this year.", "en") == [
        "2021-07-12"
    ]
    assert dates("Суд над Рустамом Векиловым начнётся 12 июля текущего года.", "ru") == [
        "2021-07-12"
    ]
    assert dates("Rüstəm Vəkilovun məhkəməsi cari ilin iyulun 12-də başlayacaq.", "az") == [
        "2021-07-12"
    ]


def test_an_azerbaijani_day_of_the_month_named_with_its_noun() -> None:
    assert dates("Rüstəm Vəkilov mart ayının 5-də saxlanılıb.", "az") == ["2021-03-05"]
    assert dates("Rüstəm Vəkilov 2020-ci ilin mart ayının 5-də saxlanılıb.", "az") == ["2020-03-05"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Lala Dunyamaliyeva was released a week later.", "2021-04-17"),
        ("en", "Lala Dunyamaliyeva had been detained the day before.", "2021-04-09"),
        ("ru", "Рустама Векилова отпустили через неделю.", "2021-04-17"),
        ("ru", "Рустама Векилова задержали днем ранее.", "2021-04-09"),
        ("az", "Rüstəm Vəkilov bir həftə sonra buraxılıb.", "2021-04-17"),
    ],
)
def test_weeks_and_a_day_before_count_from_the_date_told_last(
    lang: str, text: str, expected: str
) -> None:
    low = fold_case(text)
    (found,) = find_dates(low, load_lexicon(lang), dateline=False)
    told = PartialDate(2021, 4, 10)
    assert str(resolve(found, published=FRIDAY, previous=told)) == expected


def test_a_week_ago_counts_from_publication() -> None:
    assert dates("Рустама Векилова задержали неделю назад.", "ru") == ["2021-04-09"]
    assert dates("Lala Dunyamaliyeva was detained two weeks ago.", "en") == ["2021-04-02"]
    # a count that is no number gives no date
    assert dates("Рустама Векилова задержали несколько дней назад.", "ru") == []
