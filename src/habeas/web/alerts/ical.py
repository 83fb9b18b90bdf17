"""An iCalendar (RFC 5545) feed of whole-day entries, serialised by `icalendar`.

Plain Python, no Django. The library escapes text values, folds lines at 75
octets without splitting a UTF-8 character and ends every line with CRLF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import icalendar


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One whole-day event: `uid` must stay the same for the same thing across feeds."""

    uid: str
    day: dt.date
    summary: str
    description: str = ""


def calendar(entries: Iterable[CalendarEntry], *, name: str, stamp: dt.datetime) -> str:
    """The text of a VCALENDAR holding `entries`; `stamp` (any zone) is each entry's DTSTAMP.

    Days are DATE values, which have no time zone: a hearing on 9 April is on
    9 April wherever the reader's calendar is. DTSTAMP is written in UTC, as
    RFC 5545 requires.
    """
    cal = icalendar.Calendar()
    cal.add("prodid", "-//habeas//alerts//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    utc_stamp = stamp.astimezone(dt.UTC)
    for entry in entries:
        event = icalendar.Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", utc_stamp)
        event.add("dtstart", entry.day)
        event.add("dtend", entry.day + dt.timedelta(days=1))
        event.add("summary", entry.summary)
        if entry.description:
            event.add("description", entry.description)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return str(cal.to_ical().decode("utf-8"))
