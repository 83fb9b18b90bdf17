"""Counts kept by the database (migrations 0008_event_counts, 0010_alert_counts_status_notes).

Triggers on store_event, alerts_alert and store_person keep store_count in
step with every write, so a page reads a handful of rows instead of counting
a million. On a database of another vendor (no triggers) the same figures
are counted from the rows.
"""

from __future__ import annotations

from collections import Counter

from django.db import connection
from django.db.models import Count
from django.db.models.functions import Substr

from habeas.web.store.models import DatePrecision, Event, EventKind, EventStatus, Person, Report

_KEPT_ON = frozenset({"sqlite", "postgresql"})  # the vendors the migrations have triggers for


def _stored(prefix: str) -> Counter[str] | None:
    if connection.vendor not in _KEPT_ON:
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT key, n FROM store_count WHERE key LIKE %s AND n > 0", [prefix + "%"])
        return Counter({key[len(prefix) :]: int(n) for key, n in cursor.fetchall()})


def events_by_status() -> Counter[str]:
    """How many events are suggested, confirmed and rejected."""
    found = _stored("status:")
    if found is None:
        found = Counter(dict(Event.objects.values_list("status").annotate(n=Count("id"))))
    return found


def detentions_by_month() -> Counter[str]:
    """Confirmed detentions dated to the month or the day, by "YYYY-MM" (months with none
    left out)."""
    found = _stored("month:")
    if found is None:
        rows = (
            Event.objects.filter(
                status=EventStatus.CONFIRMED,
                type=EventKind.DETENTION,
                date_precision__in=(DatePrecision.DAY, DatePrecision.MONTH),
            )
            .annotate(month=Substr("date_text", 1, 7))
            .values("month")
            .annotate(n=Count("id"))
            .values_list("month", "n")
        )
        found = Counter(dict(rows))
    return found


def open_alerts(*, confidential: bool) -> int | None:
    """Open alerts of current persons, with those raised by confidential support or without;
    None where the database keeps no count (the caller counts the alerts)."""
    found = _stored("alerts:open")
    if found is None:
        return None
    return found[""] + (found["-confidential"] if confidential else 0)


def reports() -> int:
    """How many reports are stored."""
    found = _stored("reports")
    return Report.objects.count() if found is None else found[""]


def current_persons() -> int:
    """How many persons are current (not merged away)."""
    found = _stored("persons:current")
    if found is None:
        return int(Person.objects.filter(merged_into__isnull=True).count())
    return found[""]


def statuses_by_state() -> Counter[str] | None:
    """How many stored statuses are in each state; None where the database keeps no count."""
    return _stored("custody:")
