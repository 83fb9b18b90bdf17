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
# The feed is a window, so its size does not grow with the store: dates up to
# AHEAD_DAYS from today, and releases overdue by up to OVERDUE_DAYS (older
# overdue releases are on the alerts page). Each kind of entry is capped at
# LIMIT, the soonest kept.
AHEAD_DAYS = 90
OVERDUE_DAYS = 30
LIMIT = 1000


def _releases(today: dt.date) -> list[CalendarEntry]:
    # One indexed query on the stored statuses (habeas.web.store.status), kept current first.
    ensure_current(today=today)
    entries = []
    rows = (
        PersonStatus.objects.filter(
            state__in=[s.value for s in _HELD],
            expected_release__gte=today - dt.timedelta(days=OVERDUE_DAYS),
            expected_release__lte=today + dt.timedelta(days=AHEAD_DAYS),
        )
        .order_by("expected_release", "person_id")
        .values_list("person_id", "person__display_name", "expected_release")[:LIMIT]
    )
    for person_id, name, due in rows:
        entries.append(
            CalendarEntry(
                uid=f"release-{person_id}-{due.isoformat()}@habeas",
                day=due,
                summary=f"Expected release: {name}",
                description="The day the current term ends, as the confirmed events give it.",
            )
        )
    return entries


def _future_events(today: dt.date) -> list[CalendarEntry]:
    entries = []
    rows = Event.objects.filter(
        status=EventStatus.CONFIRMED,
        date_precision="day",
        # A confirmed event dated today has happened; only the ones still to come are listed.
        date_text__gt=today.isoformat(),
        date_text__lte=(today + dt.timedelta(days=AHEAD_DAYS)).isoformat(),
        person__merged_into__isnull=True,
    )
    fields = ("pk", "date_text", "type", "authority", "place", "person__display_name")
    for pk, date_text, kind, authority, place, name in rows.order_by("date_text", "id").values_list(
        *fields
    )[:LIMIT]:
        day = PartialDate.parse(date_text).as_date()
        if day is not None:
            entries.append(
                CalendarEntry(
                    uid=f"event-{pk}@habeas",
                    day=day,
                    summary=f"{name}: {kind.replace('_', ' ')}",
                    description=authority or place or "",
                )
            )
    return entries


def _future_support(user: Any, today: dt.date) -> list[CalendarEntry]:
    rows = SupportAction.objects.filter(
        date__gte=today, date__lte=today + dt.timedelta(days=AHEAD_DAYS)
    ).select_related("person")
    # The feed is a link anyone holding it can read, and calendars copy it to other services:
    # confidential support goes in only for editors and admins who asked for it here.
    if not (can_act_on_alerts(user) and subscription_of(user).calendar_confidential):
        rows = rows.filter(confidential=False)
    entries = []
    for action in rows.order_by("date", "id")[:LIMIT]:
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
    feed, Subscription.calendar_confidential), in date order; within the window
    of AHEAD_DAYS ahead (releases also OVERDUE_DAYS back), LIMIT of each kind.
    """
    entries: list[CalendarEntry] = []
    if can_read_alerts(user):
        entries = _releases(today) + _future_events(today) + _future_support(user, today)
    entries.sort(key=lambda e: (e.day, e.uid))
    return calendar(entries, name="habeas: releases and hearings", stamp=now)
