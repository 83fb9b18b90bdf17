"""What a user's calendar feed lists: expected releases and dates still to come."""

from __future__ import annotations

import datetime as dt
from typing import Any

from habeas.model import PartialDate
from habeas.timeline.status import CustodyStatus
from habeas.web.alerts.ical import CalendarEntry, calendar
from habeas.web.alerts.models import SupportAction
from habeas.web.alerts.rules import SupportKind
from habeas.web.alerts.services import (
    can_act_on_alerts,
    can_read_alerts,
    subscription_of,
)
from habeas.web.alerts.texts import title
from habeas.web.store.models import Event, EventStatus, PersonStatus
from habeas.web.store.status import ensure_current

_HELD = frozenset({CustodyStatus.DETAINED, CustodyStatus.MISSING})


def _releases(today: dt.date) -> list[CalendarEntry]:
    # One indexed query on the stored statuses (habeas.web.store.status), kept current first.
    ensure_current(today=today)
    entries = []
    rows = (
        PersonStatus.objects.filter(
            state__in=[s.value for s in _HELD], expected_release__isnull=False
        )
        .select_related("person")
        .order_by("expected_release", "person_id")
    )
    for row in rows:
        person, due = row.person, row.expected_release
        entries.append(
            CalendarEntry(
                uid=f"release-{person.pk}-{due.isoformat()}@habeas",
                day=due,
                summary=f"Expected release: {person.display_name}",
                description="The day the current term ends, as the confirmed events give it.",
            )
        )
    return entries


def _future_events(today: dt.date) -> list[CalendarEntry]:
    entries = []
    rows = Event.objects.filter(
        status=EventStatus.CONFIRMED,
        date_precision="day",
        date_text__gt=today.isoformat(),
        person__merged_into__isnull=True,
    )
    for row in rows.select_related("person").order_by("date_text", "id"):
        day = PartialDate.parse(row.date_text).as_date()
        # A confirmed event dated today has happened; only the ones still to come are listed.
        if day is not None and day > today:
            entries.append(
                CalendarEntry(
                    uid=f"event-{row.pk}@habeas",
                    day=day,
                    summary=f"{row.person.display_name}: {row.type.replace('_', ' ')}",
                    description=row.authority or row.place or "",
                )
            )
    return entries


def _future_support(user: Any, today: dt.date) -> list[CalendarEntry]:
    rows = SupportAction.objects.filter(date__gte=today).select_related("person")
    # The feed is a link anyone holding it can read, and calendars copy it to other services:
    # confidential support goes in only for editors and admins who asked for it here.
    if not (can_act_on_alerts(user) and subscription_of(user).calendar_confidential):
        rows = rows.filter(confidential=False)
    entries = []
    for action in rows.order_by("date", "id"):
        kind = SupportKind(action.kind)
        what = "Hearing" if kind is SupportKind.HEARING else title(kind.value).capitalize()
        # The note stays out: calendars are copied to other services.
        entries.append(
            CalendarEntry(
                uid=f"support-{action.pk}@habeas",
                day=action.date,
                summary=f"{what} ({action.status}): {action.person.display_name}",
            )
        )
    return entries


def calendar_for(user: Any, *, today: dt.date, now: dt.datetime) -> str:
    """The iCalendar text of `user`'s feed on `today`; empty of entries for a user without a role.

    It lists the expected release of every person held or missing, confirmed
    events dated after `today`, and support actions dated `today` or later
    (confidential ones only for editors and admins who opted in to them in this
    feed, Subscription.calendar_confidential), in date order.
    """
    entries: list[CalendarEntry] = []
    if can_read_alerts(user):
        entries = _releases(today) + _future_events(today) + _future_support(user, today)
    entries.sort(key=lambda e: (e.day, e.uid))
    return calendar(entries, name="habeas: releases and hearings", stamp=now)
