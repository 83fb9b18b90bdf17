"""The iCalendar text, parsed back with icalendar: escaping, folding, time zones, stable UIDs."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar

from habeas.web.alerts.ical import CalendarEntry, calendar

STAMP = dt.datetime(2025, 4, 1, 9, 30, tzinfo=dt.UTC)


def _parse(text: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(text)


def test_the_output_parses_and_round_trips_awkward_text() -> None:
    summary = "Hearing; appeal, room 4\nFloor 2 \\ — Ирина Соколова " * 3
    text = calendar(
        [CalendarEntry("a@habeas", dt.date(2025, 4, 9), summary, "line one\nline two")],
        name="habeas test, Баку",
        stamp=STAMP,
    )
    cal = _parse(text)
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == summary
    assert str(event["DESCRIPTION"]) == "line one\nline two"
    assert event.decoded("DTSTART") == dt.date(2025, 4, 9)
    assert event.decoded("DTEND") == dt.date(2025, 4, 10)
    assert str(cal["X-WR-CALNAME"]) == "habeas test, Баку"
    assert str(cal["VERSION"]) == "2.0" and "PRODID" in cal


def test_long_lines_are_folded_at_75_octets_with_crlf() -> None:
    summary = "Гальперин " * 40  # two octets per Cyrillic letter
    text = calendar([CalendarEntry("u@h", dt.date(2025, 1, 2), summary)], name="n", stamp=STAMP)

    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)  # it was folded
    # No fold splits a character: every physical line is valid UTF-8 on its own.
    for line in lines:
        line.encode("utf-8").decode("utf-8")
    (event,) = _parse(text).walk("VEVENT")
    assert str(event["SUMMARY"]) == summary


def test_dtstamp_is_utc_and_days_have_no_time_zone() -> None:
    baku = dt.datetime(2025, 4, 1, 13, 30, tzinfo=zoneinfo.ZoneInfo("Asia/Baku"))
    text = calendar([CalendarEntry("u@h", dt.date(2025, 4, 9), "s")], name="n", stamp=baku)

    assert "DTSTAMP:20250401T093000Z\r\n" in text
    assert "DTSTART;VALUE=DATE:20250409\r\n" in text
    assert "TZID" not in text
    (event,) = _parse(text).walk("VEVENT")
    assert event.decoded("DTSTAMP") == STAMP


def test_uids_are_stable_across_feeds_and_distinct_per_entry() -> None:
    entries = [
        CalendarEntry("hearing-7@habeas", dt.date(2025, 4, 9), "Hearing"),
        CalendarEntry("release-7@habeas", dt.date(2025, 5, 1), "Release"),
    ]
    first = _parse(calendar(entries, name="n", stamp=STAMP))
    later = _parse(calendar(entries[::-1], name="n", stamp=STAMP + dt.timedelta(days=3)))

    def uids(cal: icalendar.Calendar) -> dict[str, dt.date]:
        return {str(e["UID"]): e.decoded("DTSTART") for e in cal.walk("VEVENT")}

    assert (
        uids(first)
        == uids(later)
        == {
            "hearing-7@habeas": dt.date(2025, 4, 9),
            "release-7@habeas": dt.date(2025, 5, 1),
        }
    )


def test_an_empty_feed_is_a_valid_calendar() -> None:
    cal = _parse(calendar([], name="nothing yet", stamp=STAMP))
    assert cal.walk("VEVENT") == []
