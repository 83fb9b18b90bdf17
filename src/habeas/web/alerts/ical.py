"""An iCalendar (RFC 5545) feed of whole-day entries, written by hand.

Plain Python, no Django. Text values are escaped (backslash, semicolon,
comma, newline), lines are folded at 75 octets without splitting a UTF-8
character, and every line ends with CRLF, as the RFC requires.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

_MAX_OCTETS = 75


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One whole-day event: `uid` must stay the same for the same thing across feeds."""

    uid: str
    day: dt.date
    summary: str
    description: str = ""


def escape_text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 section 3.3.11 asks."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """`line` folded into pieces of at most 75 octets, joined by CRLF and a space."""
    pieces: list[str] = []
    current, size = "", 0
    limit = _MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            # A continuation line starts with a space, which counts towards its 75 octets.
            current, size, limit = char, width, _MAX_OCTETS - 1
        else:
            current += char
            size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _day(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def calendar(entries: Iterable[CalendarEntry], *, name: str, stamp: dt.datetime) -> str:
    """The text of a VCALENDAR holding `entries`; `stamp` (UTC) is each entry's DTSTAMP."""
    stamp_text = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//habeas//alerts//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for entry in entries:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape_text(entry.uid)}",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{_day(entry.day)}",
            f"DTEND;VALUE=DATE:{_day(entry.day + dt.timedelta(days=1))}",
            f"SUMMARY:{escape_text(entry.summary)}",
        ]
        if entry.description:
            lines.append(f"DESCRIPTION:{escape_text(entry.description)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
