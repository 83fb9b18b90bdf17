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
# Backslash first, so the backslashes the others add are not escaped again.
_ESCAPES = (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n"), ("\r", ""))


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One whole-day event: `uid` must stay the same for the same thing across feeds."""

    uid: str
    day: dt.date
    summary: str
    description: str = ""


def _text(value: str) -> str:
    # A test of each character before replacing is cheaper than str.translate, which
    # looked every character up in a dict: most values have nothing to escape.
    for char, escaped in _ESCAPES:
        if char in value:
            value = value.replace(char, escaped)
    return value


def _fold(line: str) -> str:
    """`line` cut into physical lines of at most 75 octets, each continuation led by a space."""
    if len(line) <= _LIMIT // 4:
        return line
    data = line.encode("utf-8")
    if len(data) <= _LIMIT:
        return line
    # Cut the bytes, never inside a character: a cut that would land on a continuation
    # byte (0b10xxxxxx) moves back to where that character starts. Slicing bytes instead
    # of walking characters made the calendar feed three times cheaper.
    parts: list[bytes] = []
    start, room = 0, _LIMIT
    while len(data) - start > room:
        end = start + room
        while data[end] & 0xC0 == 0x80:
            end -= 1
        parts.append(data[start:end])
        start, room = end, _LIMIT - 1  # the leading space takes one octet
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8")


def _day(day: dt.date) -> str:
    return day.isoformat().replace("-", "")  # 20250409; isoformat pads the year to 4 digits


def calendar(entries: Iterable[CalendarEntry], *, name: str, stamp: dt.datetime) -> str:
    """The text of a VCALENDAR holding `entries`; `stamp` (any zone) is each entry's DTSTAMP.

    Days are DATE values, which have no time zone: a hearing on 9 April is on
    9 April wherever the reader's calendar is. DTSTAMP is written in UTC, as
    RFC 5545 requires.
    """
    utc = stamp.astimezone(dt.UTC)
    stamp_line = f"DTSTAMP:{utc.year:04d}{utc.month:02d}{utc.day:02d}T{utc:%H%M%S}Z"
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//habeas//alerts//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        # Left unescaped, as readers (and `icalendar`) take this non-standard property.
        _fold("X-WR-CALNAME:" + " ".join(name.splitlines())),
    ]
    next_day = dt.timedelta(days=1)
    for entry in entries:
        lines += [
            "BEGIN:VEVENT",
            _fold(f"UID:{_text(entry.uid)}"),
            stamp_line,
            f"DTSTART;VALUE=DATE:{_day(entry.day)}",
            f"DTEND;VALUE=DATE:{_day(entry.day + next_day)}",
            _fold(f"SUMMARY:{_text(entry.summary)}"),
        ]
        if entry.description:
            lines.append(_fold(f"DESCRIPTION:{_text(entry.description)}"))
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
