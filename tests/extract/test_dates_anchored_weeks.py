"""A week counted from the story ("a week earlier", «неделей ранее», "the previous
week") is not the week before publication."""

from __future__ import annotations

import datetime as dt

import pytest

from habeas.extract.dates import DateKind, find_dates, resolve
from habeas.extract.lexicon import fold_case, load_lexicon
from habeas.model import PartialDate

PUBLISHED = dt.date(2025, 3, 20)
BEFORE = PartialDate(2025, 3, 12)  # the date told last


@pytest.mark.parametrize(
    ("text", "lang"),
    [("неделей ранее", "ru"), ("за неделю до этого", "ru"), ("a week earlier", "en")],
)
def test_a_week_earlier_counts_back_from_the_date_told_last(text: str, lang: str) -> None:
    (found,) = find_dates(fold_case(text), load_lexicon(lang))
    assert found.kind is DateKind.DAYS_EARLIER
    assert str(resolve(found, published=PUBLISHED, previous=BEFORE)) == "2025-03-05"


@pytest.mark.parametrize(
    ("text", "lang"), [("на предыдущей неделе", "ru"), ("the previous week", "en")]
)
def test_the_previous_week_of_the_story_gives_no_date(text: str, lang: str) -> None:
    assert find_dates(fold_case(text), load_lexicon(lang)) == []


def test_last_week_is_still_the_week_before_publication() -> None:
    (found,) = find_dates(fold_case("на прошлой неделе"), load_lexicon("ru"))
    assert str(resolve(found, published=PUBLISHED, previous=BEFORE)) == "2025-03"
