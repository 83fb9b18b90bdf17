"""Each person's stored custody status and alerts, kept current as facts and days change.

The timeline engine (habeas.timeline) stays the one source of the logic; this
module only decides when to run it and stores its answer in PersonStatus:

- `facts_changed(person_ids)` runs it, in the caller's transaction, for
  every service that changes confirmed facts (confirm, edit, reject, merge,
  undo, restore, hand entry);
- a write that bypasses the services (the admin site, a support action)
  marks the person stale through a model signal (`mark_stale`), and
- `check_due(today)` recomputes the persons whose `look_again_on` has come:
  stale ones, and those for whom the day itself changes the answer (a term
  ends, a release becomes overdue; see habeas.timeline.recheck). Reading
  pages call `ensure_current`, so lists agree with the alerts page without
  anyone running a command; `habeas alerts check` and the worker do the same
  work ahead of time.

Merged-away persons have no status row: they are on no list and in no count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from habeas.timeline.recheck import next_change
from habeas.web.store.models import (
    STALE,
    UNDATED,
    Event,
    EventStatus,
    Person,
    PersonStatus,
)

# How many due persons one transaction of `check_due` takes on.
_CHUNK = 200
# Far enough ahead to mean "nothing changes with time alone".
NEVER = dt.date(9999, 12, 31)


@dataclass(frozen=True, slots=True)
class CheckResult:
    checked: int
    opened: int


def facts_changed(person_ids: Iterable[int]) -> None:
    """Recompute the stored status and alerts of these persons, as of today.

    Call it inside the transaction that changed their confirmed events,
    roles or merges, after the change: the status and the change then commit
    (or roll back) together.
    """
    today = timezone.localdate()
    with transaction.atomic():
        for pk in sorted(set(person_ids)):
            recompute(pk, today=today)


def mark_stale(person_id: int, *, create: bool = True) -> None:
    """Have the person's status recomputed at the next read or check (cheap: one write)."""
    done = PersonStatus.objects.filter(pk=person_id).update(look_again_on=STALE)
    if not done and create and Person.objects.filter(pk=person_id).exists():
        PersonStatus.objects.get_or_create(person_id=person_id)


def computed_fields(person: Any, *, today: dt.date) -> tuple[dict[str, Any], dt.date]:
    """What the timeline says of `person` on `today` as PersonStatus fields, and the day
    to look again. The one place stored statuses are computed from."""
    from habeas.web.review.casefile import case_status
    from habeas.web.store.queries import contract_event

    rows = list(Event.objects.filter(person=person, status=EventStatus.CONFIRMED).order_by("id"))
    case = case_status(rows, today=today)
    status = case.assessment.status
    again = next_change([contract_event(r) for r in case.events], case.assessment)
    fields = {
        "state": status.status.value,
        "since_text": str(status.since) if status.since is not None else "",
        "since_day": status.since.earliest() if status.since is not None else UNDATED,
        "expected_release": status.expected_release,
        "words": case.words,
        "confirmed_events": len(rows),
        "computed_on": today,
    }
    return fields, again or NEVER


def recompute(person_id: int, *, today: dt.date, now: dt.datetime | None = None) -> int:
    """Recompute one person's stored status and alerts; how many alerts were newly opened."""
    from habeas.web.alerts.models import Alert, AlertState
    from habeas.web.alerts.services import refresh_alerts

    person = Person.objects.filter(pk=person_id).first()
    if person is None:
        return 0
    opened, alerts_again = refresh_alerts(person, today=today, now=now)
    if person.merged_into_id is not None:
        PersonStatus.objects.filter(pk=person_id).delete()
        return len(opened)
    fields, again = computed_fields(person, today=today)
    fields["open_alerts"] = Alert.objects.filter(person=person, state=AlertState.OPEN).count()
    fields["look_again_on"] = min(again, alerts_again)
    PersonStatus.objects.update_or_create(person=person, defaults=fields)
    return len(opened)


def check_due(
    *,
    today: dt.date,
    now: dt.datetime | None = None,
    on_progress: Callable[[int, int | None], None] | None = None,
) -> CheckResult:
    """Recompute every person whose `look_again_on` is `today` or earlier; safe in parallel.

    Each due row is claimed with a conditional update (it must still hold the
    day it was read with), so two workers never recompute one person twice.
    Only due rows are read, through an index: the cost follows the number of
    persons whose answer can have changed, not the size of the store.
    """
    now = now or timezone.now()
    checked = opened = 0
    due = list(
        PersonStatus.objects.filter(look_again_on__lte=today)
        .order_by("look_again_on", "person_id")
        .values_list("person_id", "look_again_on")
    )
    for start in range(0, len(due), _CHUNK):
        with transaction.atomic():
            for person_id, look in due[start : start + _CHUNK]:
                claimed = PersonStatus.objects.filter(pk=person_id, look_again_on=look).update(
                    look_again_on=NEVER
                )
                if not claimed:
                    continue  # another worker took it
                checked += 1
                opened += recompute(person_id, today=today, now=now)
        if on_progress:
            on_progress(min(start + _CHUNK, len(due)), len(due))
    return CheckResult(checked, opened)


def ensure_current(*, today: dt.date | None = None) -> None:
    """Bring due statuses up to date before a page reads them (one indexed query when none)."""
    today = today or timezone.localdate()
    if PersonStatus.objects.filter(look_again_on__lte=today).exists():
        check_due(today=today)


def mismatches(*, today: dt.date) -> list[tuple[int, str]]:
    """Every stored status that differs from a recomputation from scratch: (person, field).

    Also lists current persons with confirmed events but no stored status, and
    stored statuses of merged-away persons. Empty when the store is consistent.
    """
    found: list[tuple[int, str]] = []
    stored = {s.pk: s for s in PersonStatus.objects.all()}
    current = Person.objects.filter(merged_into__isnull=True)
    with_facts = set(
        Event.objects.filter(status=EventStatus.CONFIRMED, person__in=current).values_list(
            "person_id", flat=True
        )
    )
    for pk in sorted(with_facts - set(stored)):
        found.append((pk, "missing"))
    merged = set(Person.objects.filter(merged_into__isnull=False).values_list("pk", flat=True))
    found += [(pk, "merged away") for pk in sorted(merged & set(stored))]
    for pk, row in sorted(stored.items()):
        if pk in merged:
            continue
        fields, _ = computed_fields(row.person, today=today)
        fields.pop("computed_on")
        for name, value in fields.items():
            if getattr(row, name) != value:
                found.append((pk, name))
    return found
