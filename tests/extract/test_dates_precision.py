"""Dates the engine would rather leave out than guess: each test is a shape
where a date was given that the report does not support."""

import datetime as dt

from habeas.extract.dates import find_dates, resolve
from habeas.extract.lexicon import fold_case, load_lexicon

from .helpers import extract, first, person


def test_an_event_told_with_a_day_after_publication_is_undated() -> None:
    # a year-less day a fortnight ahead, a month ahead, a year ahead: a hearing
    # set, a term's end, never when something happened
    for when in ("on 27 March", "in May 2025", "in 2029"):
        r = extract(f"Oren Laskaris was detained in Ganja {when}.", published="2025-03-13")
        assert first(person(r, "Oren Laskaris"), "detention").date is None, when


def test_the_day_of_publication_and_last_year_stay() -> None:
    r = extract("Oren Laskaris was detained in Ganja on 13 March.", published="2025-03-13")
    assert str(first(person(r, "Oren Laskaris"), "detention").date) == "2025-03-13"
    r = extract("Oren Laskaris was detained in Ganja on 9 November.", published="2025-03-13")
    assert str(first(person(r, "Oren Laskaris"), "detention").date) == "2024-11-09"


def test_a_day_after_publication_is_no_episode_of_the_report() -> None:
    # the one day told is a hearing to come, not the day of the arrest told undated
    r = extract(
        "Police detained Oren Laskaris at his home. His trial opens on 20 March.",
        published="2025-03-13",
    )
    assert first(person(r, "Oren Laskaris"), "detention").date is None


def test_a_later_day_after_the_second_verb_is_the_second_events() -> None:
    r = extract(
        "Oren Laskaris was detained at his home on 2 March and released under police "
        "supervision two days later.",
    )
    p = person(r, "Oren Laskaris")
    assert str(first(p, "detention").date) == "2025-03-02"
    assert str(first(p, "release").date) == "2025-03-04"


def test_a_later_day_before_the_second_verb_is_not_the_firsts() -> None:
    r = extract(
        "Jurnalist Elnur Qasımzadə martın 5-də Gəncədə saxlanılıb, üç gün sonra isə sərbəst "
        "buraxılıb.",
        lang="az",
    )
    p = person(r, "Elnur Qasımzadə")
    assert str(first(p, "detention").date) == "2025-03-05"
    assert str(first(p, "release").date) == "2025-03-08"


def test_a_later_day_after_a_comma_opens_the_next_clause() -> None:
    r = extract(
        "Elnur Qasımzadə martın 5-də yoxa çıxıb, bir gün sonra onun Gəncə polis bölməsində "
        "saxlandığı məlum olub.",
        lang="az",
    )
    assert str(first(person(r, "Elnur Qasımzadə"), "disappearance").date) == "2025-03-05"


def test_today_in_the_name_of_an_outlet_is_no_date() -> None:
    r = extract(
        "Police detained Oren Laskaris on Tuesday. His lawyer told Caspian Today that he "
        "had been beaten. He was released the same night."
    )
    assert str(first(person(r, "Oren Laskaris"), "release").date) == "2025-03-11"


def test_shortly_after_an_hour_is_no_relative_day() -> None:
    r = extract(
        "Oren Laskaris was detained on Friday evening. He was released shortly after 2 am "
        "on Sunday."
    )
    p = person(r, "Oren Laskaris")
    assert str(first(p, "detention").date) == "2025-03-07"
    assert str(first(p, "release").date) == "2025-03-09"


def test_nakanune_is_the_eve_of_the_day_told_last() -> None:
    r = extract(
        "5 марта суд арестовал активиста Гордея Лапина на 15 суток. Накануне его задержали "
        "у мэрии.",
        published="2025-03-14",
        lang="ru",
    )
    p = person(r, "Гордей Лапин")
    assert str(first(p, "sentence").date) == "2025-03-05"
    assert str(first(p, "detention").date) == "2025-03-04"


def test_an_undated_arrest_after_a_courts_day_is_of_the_arrests_day() -> None:
    r = extract(
        "Police detained Oren Laskaris at a rally on Saturday. On Monday a court fined "
        "Laskaris 200 manats. Journalist Timur Belanov was also detained."
    )
    assert str(first(person(r, "Timur Belanov"), "detention").date) == "2025-03-08"


def test_an_undated_arrest_after_a_courts_day_alone_is_undated() -> None:
    r = extract(
        "On Monday a court fined Oren Laskaris 200 manats. Journalist Timur Belanov was "
        "also detained."
    )
    assert first(person(r, "Timur Belanov"), "detention").date is None


def test_the_same_day_is_the_last_day_told_not_a_month_told_since() -> None:
    r = extract(
        "A Baku court jailed Oren Laskaris for five years on 8 December. Laskaris had been "
        "arrested in July. The same day the court fined Timur Belanov 300 manats.",
        published="2025-12-10",
    )
    assert str(first(person(r, "Timur Belanov"), "sentence").date) == "2025-12-08"


def test_a_span_of_days_is_its_month() -> None:
    # no one day of "between 14 and 15 July" is the protest's; the gold writes
    # such a span as its month ("6-8 mart" → 2024-03)
    for span in ("between 14 and 15 July", "on 14–15 July", "on July 14-15"):
        r = extract(f"Oren Laskaris was detained {span} in Ganja.", published="2025-07-20")
        assert str(first(person(r, "Oren Laskaris"), "detention").date) == "2025-07", span
    r = extract("Гордея Лапина задержали с 14 по 15 июля.", published="2025-07-20", lang="ru")
    assert str(first(person(r, "Гордей Лапин"), "detention").date) == "2025-07"
    # two dates told whole stay two days
    found = find_dates(fold_case("from 14 July to 15 August"), load_lexicon("en"))
    published = dt.date(2025, 8, 20)
    days = [str(resolve(d, published=published, previous=None)) for d in found]
    assert days == ["2025-07-14", "2025-08-15"]


def test_a_release_after_the_court_is_of_the_courts_day() -> None:
    # the arrest's day is the scene's; the release after the fine is the court's
    r = extract(
        "Police detained Oren Laskaris on Saturday.\n\n"
        "On Monday a court fined Laskaris 200 manats, after which he was released."
    )
    assert str(first(person(r, "Oren Laskaris"), "release").date) == "2025-03-10"
    r = extract(
        "Police detained Oren Laskaris on Saturday. His friend Timur Belanov was detained "
        "with him.\n\nA court fined Belanov 200 manats, after which he was released."
    )
    assert first(person(r, "Timur Belanov"), "release").date is None


def test_a_court_day_with_its_release_is_no_arrest_day() -> None:
    # (the detention itself comes after a release, so another episode: undated)
    r = extract(
        "Police detained Oren Laskaris at a market on Monday. On Tuesday a court fined "
        "Laskaris 200 manats, and he was released after the hearing. A trader, Timur "
        "Belanov, was detained at the same time and has not been seen since."
    )
    assert str(first(person(r, "Timur Belanov"), "disappearance").date) == "2025-03-10"


def test_a_reminder_of_the_background_takes_no_scene_day() -> None:
    text = (
        "Police detained Oren Laskaris at a rally on Saturday. {} journalist Timur "
        "Belanov has not been seen since his arrest."
    )
    r = extract(text.format("Recall that"))
    assert first(person(r, "Timur Belanov"), "disappearance").date is None
    r = extract(text.format("Meanwhile,"))
    assert str(first(person(r, "Timur Belanov"), "disappearance").date) == "2025-03-08"
    r = extract(
        "Гордея Лапина задержали в субботу у мэрии. Напомним, журналист Тимур Ахмедзянов "
        "был задержан у здания суда и пропал.",
        lang="ru",
    )
    assert first(person(r, "Тимур Ахмедзянов"), "detention").date is None


def test_an_event_whose_day_lies_after_publication_stays_undated() -> None:
    # Published 13 March: a pardon "on 16 March" is a day we cannot know the year
    # of, and not the day of the scene told before.
    r = extract("Oktay Rzali was jailed in 2022. President Amil Qasimov pardoned him on 16 March.")
    assert first(person(r, "Oktay Rzali"), "release").date is None
    r = extract("Oktay Rzali was detained on 10 March. A court sentenced him on 20 March.")
    assert first(person(r, "Oktay Rzali"), "sentence").date is None
