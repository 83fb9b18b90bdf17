"""Who is detained, missing or recently released, from confirmed events, with filters.

The status of each person is computed by the timeline engine from confirmed
events only (a suggestion never puts anyone on a list) and stored by
habeas.web.store.status; the lists are indexed queries on those rows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from habeas.timeline.status import CustodyStatus
from habeas.web.review.countries import place_names
from habeas.web.store import counts
from habeas.web.store.counts import detentions_by_month
from habeas.web.store.models import DatePrecision, Event, EventStatus, PersonStatus

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

    def condition(self) -> Q:
        """The filters as one SQL condition on PersonStatus rows (through person and events)."""
        where = Q()
        if self.role:
            # On the JSON text, quotes included: a whole role, in any case.
            where &= Q(person__roles__icontains=self.role)
        events = Q()
        if self.country:
            # The country's own names and its towns and courts (review/countries.py).
            in_country = Q()
            for name in place_names(self.country):
                in_country |= Q(place__icontains=name) | Q(authority__icontains=name)
            events &= in_country
        if self.authority:
            events &= Q(authority__icontains=self.authority)
        if self.charge:
            events &= Q(charges__icontains=self.charge)
        if self.country or self.authority or self.charge:
            where &= _has_event(events)
        if self.date_from is not None or self.date_to is not None:
            where &= _has_event(_dated(self.date_from, self.date_to))
        return where


def _has_event(condition: Q) -> Q:
    rows = Event.objects.filter(
        condition, person_id=OuterRef("person_id"), status=EventStatus.CONFIRMED
    )
    return Q(Exists(rows))


def _on_or_after(day: dt.date) -> Q:
    # A partial date counts from its first day: "2025-03" is on or after 1 March only.
    iso = day.isoformat()
    month = Q(date_text__gt=iso[:7]) | (Q(date_text=iso[:7]) if day.day == 1 else Q(pk__in=[]))
    first_of_year = day.day == 1 and day.month == 1
    year = Q(date_text__gt=iso[:4]) | (Q(date_text=iso[:4]) if first_of_year else Q(pk__in=[]))
    return (
        Q(date_precision=DatePrecision.DAY, date_text__gte=iso)
        | (Q(date_precision=DatePrecision.MONTH) & month)
        | (Q(date_precision=DatePrecision.YEAR) & year)
    )


def _on_or_before(day: dt.date) -> Q:
    iso = day.isoformat()
    return (
        Q(date_precision=DatePrecision.DAY, date_text__lte=iso)
        | Q(date_precision=DatePrecision.MONTH, date_text__lte=iso[:7])
        | Q(date_precision=DatePrecision.YEAR, date_text__lte=iso[:4])
    )


def _dated(start: dt.date | None, end: dt.date | None) -> Q:
    """Events whose first possible day is within [start, end]; undated ones never are."""
    where = ~Q(date_text="")
    if start is not None:
        where &= _on_or_after(start)
    if end is not None:
        where &= _on_or_before(end)
    return where


_LISTED = {
    CustodyList.DETAINED: CustodyStatus.DETAINED,
    CustodyList.MISSING: CustodyStatus.MISSING,
    CustodyList.RELEASED: CustodyStatus.RELEASED,
}


def custody_list(which: CustodyList, *, today: dt.date, filters: Filters) -> QuerySet[Any]:
    """The stored statuses on a list on `today` passing `filters`, longest-held first.

    A query (page it): the rows come from PersonStatus through its
    (state, since_day, person) index; merged-away persons have no row.
    """
    rows = PersonStatus.objects.filter(state=_LISTED[which].value)
    if which is CustodyList.RELEASED:
        rows = rows.filter(since_day__gte=today - dt.timedelta(days=RECENT_DAYS))
    rows = rows.filter(filters.condition())
    return rows.select_related("person").order_by("since_day", "person_id")


def status_counts(*, today: dt.date) -> Counter[str]:
    """How many current persons are on each list (the released as the released list counts)."""
    found: Counter[str] = Counter()
    kept = counts.statuses_by_state()  # the whole detained and missing lists, kept by triggers
    for which in CustodyList:
        if kept is not None and which is not CustodyList.RELEASED:
            found[which.value] = kept[_LISTED[which].value]
        else:
            found[which.value] = custody_list(which, today=today, filters=Filters()).count()
    return found


def detentions_per_month() -> list[tuple[str, int]]:
    """("YYYY-MM", n) for every month from the first to the last confirmed detention.

    Only detentions dated to the month or the day count; months between with
    none are given as 0, so a chart's time axis has no holes.
    """
    months = detentions_by_month()  # kept by the database (store/counts.py)
    if not months:
        return []
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:7])
    series = []
    while (key := f"{year:04d}-{month:02d}") <= last:
        series.append((key, months[key]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return series
