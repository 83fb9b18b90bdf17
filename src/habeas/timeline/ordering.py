"""Putting a person's events in date order when some dates are partial or missing.

Reports rarely date every event: "detained on 8 March … later sentenced to
30 days". Dated events sort by date; an undated event keeps its place in the
input (the order of the evidence), right after the event before it; an event
known only to the month or year keeps its input place as long as that place is
consistent with its date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from habeas.model import Event, PartialDate


@dataclass(frozen=True, slots=True)
class PlacedEvent:
    """An event with its position in the input and the day it sorts on."""

    index: int
    event: Event
    sort_day: dt.date


def latest_day(date: PartialDate) -> dt.date:
    """The last calendar day a (possibly partial) date can mean."""
    if date.day is not None and date.month is not None:
        return dt.date(date.year, date.month, date.day)
    if date.month is not None:
        return dt.date(date.year, date.month, calendar.monthrange(date.year, date.month)[1])
    return dt.date(date.year, 12, 31)


def place_events(
    events: Sequence[Event], *, until: dt.date | None = None
) -> tuple[PlacedEvent, ...]:
    """The events in the order they happened, as far as their dates and input order tell.

    Each event sorts on the day of the event before it in the input, clamped
    into the range its own date allows (an undated event allows any day). A
    day-precise date therefore sorts on itself, and ties keep input order.
    With `until`, events whose date is entirely after that day are left out;
    the others keep their input positions as `index`.
    """
    placed: list[PlacedEvent] = []
    previous = dt.date.min
    for index, event in enumerate(events):
        if until is not None and event.date is not None and event.date.earliest() > until:
            continue
        if event.date is None:
            day = previous
        else:
            day = min(max(previous, event.date.earliest()), latest_day(event.date))
        placed.append(PlacedEvent(index=index, event=event, sort_day=day))
        previous = day
    return tuple(sorted(placed, key=lambda p: (p.sort_day, p.index)))
