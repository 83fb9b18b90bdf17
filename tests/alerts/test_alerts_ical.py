"""The hand-written iCalendar text: escaping, folding at 75 octets, CRLF; icalendar reads it."""

from __future__ import annotations

import datetime as dt

from habeas.web.alerts.ical import CalendarEntry, calendar, escape_text, fold

STAMP = dt.datetime(2025, 4, 1, 9, 30, tzinfo=dt.UTC)


def test_text_escaping() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_long_lines_fold_at_75_octets_without_splitting_a_character() -> None:
    line = "SUMMARY:" + "Гальперин " * 20  # two octets per Cyrillic letter
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert len(pieces) > 1
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert "".join([pieces[0], *(p[1:] for p in pieces[1:])]) == line


def test_the_output_parses_and_round_trips_awkward_text() -> None:
    import icalendar

    summary = "Hearing; appeal, room 4\nFloor 2 — Ирина Соколова " * 3
    text = calendar(
        [CalendarEntry("a@habeas", dt.date(2025, 4, 9), summary, "line one\nline two")],
        name="habeas test",
        stamp=STAMP,
    )
    assert text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    cal = icalendar.Calendar.from_ical(text)
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == summary
    assert str(event["DESCRIPTION"]) == "line one\nline two"
    assert event.decoded("DTSTART") == dt.date(2025, 4, 9)
    assert event.decoded("DTEND") == dt.date(2025, 4, 10)
    assert str(cal["X-WR-CALNAME"]) == "habeas test"
