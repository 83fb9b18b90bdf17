"""Who is detained, missing or recently released, from confirmed events, with filters.

The status of each person is computed by the timeline engine on the day
given, from confirmed events only: a suggestion never puts anyone on a list.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from habeas.timeline.status import CustodyStatus
from habeas.web.review.casefile import CaseStatus, case_status
from habeas.web.review.countries import in_country
from habeas.web.store.models import Event, EventKind, EventStatus, Person

RECENT_DAYS = 90


class CustodyList(StrEnum):
    DETAINED = "detained"
    MISSING = "missing"
    RELEASED = "released"  # released within the last RECENT_DAYS days

    @property
    def heading(self) -> str:
        return {
            CustodyList.DETAINED: "Currently detained",
            CustodyList.MISSING: "Missing",
            CustodyList.RELEASED: f"Released in the last {RECENT_DAYS} days",
        }[self]


@dataclass(frozen=True, slots=True)
class Filters:
    """Narrowing of a list; each empty field means no narrowing. Text matches ignore case."""

    country: str = ""  # the store has no country field: matched in event places and courts
    role: str = ""
    authority: str = ""
    charge: str = ""  # a charge label or article
    date_from: dt.date | None = None  # an event of the person's dated on or after
    date_to: dt.date | None = None

    def match(self, person: Any, events: list[Any]) -> bool:
        """Whether a person and their confirmed events pass every filter."""
        if self.role and self.role.casefold() not in {r.casefold() for r in person.roles or ()}:
            return False
        if self.country and not any(in_country(self.country, e.place, e.authority) for e in events):
            return False
        if self.authority and not any(_has(self.authority, e.authority) for e in events):
            return False
        if self.charge and not any(_charged(self.charge, e) for e in events):
            return False
        return self._dated(events)

    def _dated(self, events: list[Any]) -> bool:
        if self.date_from is None and self.date_to is None:
            return True
        for e in events:
            if not e.date_text:
                continue
            day = dt.date.fromisoformat(_first_day(e.date_text))
            if self.date_from is not None and day < self.date_from:
                continue
            if self.date_to is not None and day > self.date_to:
                continue
            return True
        return False


def _first_day(date_text: str) -> str:
    parts = date_text.split("-")
    parts += ["01"] * (3 - len(parts))
    return "-".join(parts)


def _has(needle: str, *haystacks: str) -> bool:
    folded = needle.casefold()
    return any(folded in (h or "").casefold() for h in haystacks)


def _charged(needle: str, event: Any) -> bool:
    return any(_has(needle, c.get("label", ""), c.get("article", "")) for c in event.charges or ())


@dataclass(frozen=True, slots=True)
class Entry:
    person: Any
    case: CaseStatus


def _by_person(events: Iterable[Any]) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = {}
    for e in events:
        grouped.setdefault(e.person_id, []).append(e)
    return grouped


def statuses(*, today: dt.date) -> list[Entry]:
    """Every person with a confirmed event, with their status on `today`."""
    events = Event.objects.filter(status=EventStatus.CONFIRMED).order_by("id")
    grouped = _by_person(events)
    persons = Person.objects.in_bulk(list(grouped))
    return [
        Entry(persons[pk], case_status(rows, today=today))
        for pk, rows in grouped.items()
        if pk in persons
    ]


def custody_list(which: CustodyList, *, today: dt.date, filters: Filters) -> list[Entry]:
    """The persons on a list on `today` who pass `filters`, longest-held first."""
    found = [
        entry
        for entry in statuses(today=today)
        if on_list(entry, which, today=today)
        and filters.match(entry.person, list(entry.case.events))
    ]
    return sorted(found, key=_since_key)


def on_list(entry: Entry, which: CustodyList, *, today: dt.date) -> bool:
    """Whether a person's status on `today` puts them on list `which` (the dashboard counts by it
    too, so its numbers and the lists agree)."""
    wanted = {
        CustodyList.DETAINED: CustodyStatus.DETAINED,
        CustodyList.MISSING: CustodyStatus.MISSING,
        CustodyList.RELEASED: CustodyStatus.RELEASED,
    }[which]
    status = entry.case.assessment.status
    if status.status is not wanted:
        return False
    if which is CustodyList.RELEASED:
        cutoff = today - dt.timedelta(days=RECENT_DAYS)
        return status.since is not None and status.since.earliest() >= cutoff
    return True


def _since_key(entry: Entry) -> tuple[dt.date, int]:
    since = entry.case.assessment.status.since
    return (since.earliest() if since is not None else dt.date.max, entry.person.pk)


def status_counts(entries: Iterable[Entry]) -> Counter[str]:
    """How many persons are in each custody status."""
    return Counter(e.case.status.value for e in entries)


def detentions_per_month() -> list[tuple[str, int]]:
    """("YYYY-MM", n) for every month from the first to the last confirmed detention.

    Only detentions dated to the month or the day count; months between with
    none are given as 0, so a chart's time axis has no holes.
    """
    months: Counter[str] = Counter()
    rows = Event.objects.filter(
        status=EventStatus.CONFIRMED, type=EventKind.DETENTION, date_precision__in=("day", "month")
    ).values_list("date_text", flat=True)
    for date_text in rows:
        months[date_text[:7]] += 1
    if not months:
        return []
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:7])
    series = []
    while (key := f"{year:04d}-{month:02d}") <= last:
        series.append((key, months[key]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return series
