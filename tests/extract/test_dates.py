import datetime as dt
import tomllib
from importlib import resources

import pytest

from habeas.extract.dates import DateKind, find_dates, resolve
from habeas.extract.lexicon import fold_case, load_lexicon
from habeas.model import PartialDate

from .helpers import extract, first, person

EN = load_lexicon("en")
PUBLISHED = dt.date(2025, 3, 13)  # a Thursday


def one(text: str, previous: PartialDate | None = None) -> PartialDate | None:
    found = find_dates(fold_case(text), EN)
    assert found, f"no date found in {text!r}"
    return resolve(found[0], published=PUBLISHED, previous=previous)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 8 March", "2025-03-08"),
        ("on March 8", "2025-03-08"),
        ("on 8 March 2024", "2024-03-08"),
        ("on Tuesday", "2025-03-11"),
        ("last Thursday", "2025-03-06"),
        ("yesterday", "2025-03-12"),
        ("in July", "2024-07"),
        ("in February", "2025-02"),
        ("in November 2024", "2024-11"),
        ("in 2021", "2021"),
        ("three days ago", "2025-03-10"),
    ],
)
def test_dates_against_publication(text: str, expected: str) -> None:
    assert str(one(text)) == expected


def test_relative_dates_count_from_the_event_before() -> None:
    before = PartialDate(2025, 3, 8)
    assert str(one("two days later", before)) == "2025-03-10"
    assert str(one("the next day", before)) == "2025-03-09"
    assert str(one("that same day", before)) == "2025-03-08"


def test_a_date_well_after_publication_is_last_year() -> None:
    # Published in March: "on 9 November" is the November before.
    assert str(one("on 9 November")) == "2024-11-09"


def test_durations_and_ages_are_not_dates() -> None:
    kinds = [
        d.kind for d in find_dates(fold_case("He got 30 days. She is 34. Station No. 22."), EN)
    ]
    assert DateKind.ABSOLUTE not in kinds and DateKind.YEAR not in kinds


def test_last_week_is_a_month_only_when_the_week_fits_in_it() -> None:
    found = find_dates("last week", EN)
    assert str(resolve(found[0], published=dt.date(2023, 11, 15), previous=None)) == "2023-11"
    assert resolve(found[0], published=dt.date(2023, 11, 8), previous=None) is None


def test_days_earlier_counts_back_from_the_date_told_last() -> None:
    r = extract(
        "Separately on October 14, blogger Samir Sollov, who was sentenced to 15 days in "
        "jail three days earlier, began a hunger strike.",
        published="2022-10-20",
    )
    assert str(first(person(r, "Samir Sollov"), "sentence").date) == "2022-10-11"


def test_handed_the_sentence_is_a_sentence_with_its_date() -> None:
    r = extract("Samir Sollov was handed the sentence late on October 13.", published="2022-10-14")
    assert str(first(person(r, "Samir Sollov"), "sentence").date) == "2022-10-13"


def test_a_fixed_holiday_named_is_its_day() -> None:
    assert str(one("a rally on International Women's Day")) == "2025-03-08"
    ru = find_dates(fold_case("акция в Международный женский день"), load_lexicon("ru"))
    assert [(d.month, d.day) for d in ru] == [(3, 8)]
    # a district and its court named after a holiday are no date
    court = fold_case("решение принял судья Первомайского районного суда")
    assert find_dates(court, load_lexicon("ru")) == []


def test_a_date_and_its_holiday_in_apposition_are_one_date() -> None:
    found = find_dates(fold_case("a march on 8 March, International Women's Day"), EN)
    assert [(d.month, d.day) for d in found] == [(3, 8)]


def test_the_day_after_an_undated_thing_of_theirs_is_no_next_day() -> None:
    for text in (
        "he disappeared the day after his medical examination",
        "she was detained the day after she posted a video",
    ):
        assert find_dates(fold_case(text), EN) == [], text
    found = find_dates(fold_case("he was released the day after"), EN)
    assert [d.kind for d in found] == [DateKind.NEXT_DAY]


def test_a_holiday_that_is_not_a_day_is_a_lexicon_error() -> None:
    from habeas.errors import LexiconError
    from habeas.extract.lexicon import parse_lexicon

    data = tomllib.loads(
        (resources.files("habeas.extract") / "lexicons" / "en.toml").read_text(encoding="utf-8")
    )
    data["holidays"] = {"flag\\s+day": "June 14"}
    with pytest.raises(LexiconError, match=r"\[holidays\].*MM-DD"):
        parse_lexicon(data, source="en.toml")
