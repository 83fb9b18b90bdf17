"""An iCalendar (RFC 5545) feed of whole-day entries, written directly as text.

Plain Python, no Django. Text values are escaped (backslash, semicolon,
comma, newline), lines are folded at 75 octets without splitting a UTF-8
character and every line ends with CRLF. Written by hand rather than through
`icalendar`'s component objects because a feed of a thousand entries cost
seconds there; the tests parse the output back with `icalendar`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

_LIMIT = 75  # octets per line, CRLF not counted (RFC 5545 3.1)
_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": ""})


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One whole-day event: `uid` must stay the same for the same thing across feeds."""

    uid: str
    day: dt.date
    summary: str
    description: str = ""


def _text(value: str) -> str:
    return value.translate(_ESCAPES)


def _fold(line: str) -> str:
    """`line` cut into physical lines of at most 75 octets, each continuation led by a space."""
    if len(line) <= _LIMIT // 4 or len(line.encode("utf-8")) <= _LIMIT:
        return line
    parts: list[str] = []
    current: list[str] = []
    size, room = 0, _LIMIT
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > room:
            parts.append("".join(current))
            current, size, room = [], 0, _LIMIT - 1  # the leading space takes one octet
        current.append(ch)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _day(day: dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def calendar(entries: Iterable[CalendarEntry], *, name: str, stamp: dt.datetime) -> str:
    """The text of a VCALENDAR holding `entries`; `stamp` (any zone) is each entry's DTSTAMP.

    Days are DATE values, which have no time zone: a hearing on 9 April is on
    9 April wherever the reader's calendar is. DTSTAMP is written in UTC, as
    RFC 5545 requires.
    """
    utc = stamp.astimezone(dt.UTC)
    stamp_line = f"DTSTAMP:{_day(utc)}T{utc:%H%M%S}Z"
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//habeas//alerts//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        # Left unescaped, as readers (and `icalendar`) take this non-standard property.
        _fold("X-WR-CALNAME:" + " ".join(name.splitlines())),
    ]
    for entry in entries:
        lines += [
            "BEGIN:VEVENT",
            _fold(f"UID:{_text(entry.uid)}"),
            stamp_line,
            f"DTSTART;VALUE=DATE:{_day(entry.day)}",
            f"DTEND;VALUE=DATE:{_day(entry.day + dt.timedelta(days=1))}",
            _fold(f"SUMMARY:{_text(entry.summary)}"),
        ]
        if entry.description:
            lines.append(_fold(f"DESCRIPTION:{_text(entry.description)}"))
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
