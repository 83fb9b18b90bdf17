"""Date shapes of real pages: weekdays in a report of the same weekday, a weekday
beside its date, datelines, ISO dates and month abbreviations. Invented text."""

from __future__ import annotations

import datetime as dt

from habeas.extract.dates import find_dates, resolve
from habeas.extract.lexicon import fold_case, load_lexicon
from habeas.extract.sentences import split_sentences

EN = load_lexicon("en")
RU = load_lexicon("ru")
FRIDAY = dt.date(2025, 3, 14)


def dates(text: str, lex=EN, published: dt.date = FRIDAY) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        str(resolve(d, published=published, previous=None))
        for d in find_dates(fold_case(text), lex)
    ]


def test_on_friday_in_a_friday_report_is_that_day() -> None:
    assert dates("He was detained on Friday near the court.") == ["2025-03-14"]


def test_last_friday_in_a_friday_report_is_a_week_before() -> None:
    assert dates("He was detained last Friday near the court.") == ["2025-03-07"]
    assert dates("Его задержали в прошлую пятницу.", RU) == ["2025-03-07"]


def test_a_weekday_beside_a_full_date_is_not_a_second_date() -> None:
    assert dates("Police detained him on Thursday, March 6, 2025, in the centre.") == ["2025-03-06"]
    assert dates("The court met on 10 March (Monday) and sentenced her.") == ["2025-03-10"]


def test_a_dateline_gives_no_date() -> None:
    assert dates("Rights Centre; Thursday, March 13, 2025") == []
    assert dates("2025 March 13 (Thursday) 16:03:41") == []
    assert dates("13 March 2025 12:40") == []


def test_a_short_sentence_with_a_verb_keeps_its_date() -> None:
    assert dates("He was detained on 13 March 2025.") == ["2025-03-13"]


def test_iso_dates_in_any_language() -> None:
    assert dates("The ruling of 2024-11-05 was upheld.") == ["2024-11-05"]
    assert dates("The ruling of 05.11.2024 was upheld.") == ["2024-11-05"]


def test_a_month_abbreviation_does_not_end_the_sentence() -> None:
    text = (
        "Police detained him on Feb. 13 in the city. He was released on Sept. 2. "
        "It was in Dec. Then"
    )
    parts = [s.text for s in split_sentences(text)]
    assert parts[0] == "Police detained him on Feb. 13 in the city."
    assert parts[1] == "He was released on Sept. 2."
    assert parts[2] == "It was in Dec."
    assert dates(parts[0]) == ["2025-02-13"]


def test_a_report_of_one_dated_day_has_an_episode_date() -> None:
    from habeas.extract.dates import single_episode_date

    text = fold_case("Today a march ended with detentions. Police said today all were let go.")
    assert str(single_episode_date(find_dates(text, EN), published=FRIDAY)) == "2025-03-14"
    two = fold_case("He was detained on 3 March and sentenced on 10 March.")
    assert single_episode_date(find_dates(two, EN), published=FRIDAY) is None
    month = fold_case("He was detained today; in February he was fined.")
    assert single_episode_date(find_dates(month, EN), published=FRIDAY) is None


def test_an_undated_detention_paragraphs_later_takes_the_episode_date() -> None:
    from habeas.extract.rules import RuleExtractor
    from habeas.model import Report

    text = (
        "A march in the capital ended today with the detention of dozens of activists.\n\n"
        "Organisers had planned it for weeks.\n\n"
        "The route passed the parliament.\n\n"
        "Speakers criticised the government.\n\n"
        "Police detained the activist Rauf Zelimov at the square."
    )
    report = Report(doc_id="t", text=text, lang="en", published=FRIDAY)
    persons = RuleExtractor().extract(report).persons
    assert [(p.name, [(e.type.value, str(e.date)) for e in p.events]) for p in persons] == [
        ("Rauf Zelimov", [("detention", "2025-03-14")])
    ]
