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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db import connection, transaction
from django.utils import timezone

from habeas.timeline.assessment import Assessment, assess
from habeas.timeline.recheck import next_change
from habeas.web.store.models import (
    STALE,
    UNDATED,
    Event,
    EventStatus,
    Person,
    PersonStatus,
)

# How many persons one query (and one transaction of `recompute_many`) takes on: the
# IN lists stay far below SQLite's parameter limit, and a chunk's rows fit in memory.
CHUNK = 500
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
    recompute_many(person_ids, today=timezone.localdate())


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
        "notes": status_notes(case.assessment),
        "computed_on": today,
    }
    return fields, again or NEVER


def status_notes(assessment: Assessment) -> dict[str, list[str]]:
    """The engine's alert and conflict messages, as PersonStatus.notes keeps them."""
    return {
        "alerts": [a.message for a in assessment.alerts],
        "conflicts": [c.message for c in assessment.conflicts],
    }


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


class _EventRow(NamedTuple):
    """The Event columns the timeline reads (habeas.web.store.queries.contract_event and
    casefile.confirmed): a tuple per row costs a fraction of a model instance."""

    pk: int
    person_id: int
    status: str
    type: str
    date_text: str
    place: str
    authority: str
    duration_hours: float | None
    penalty: Any
    charges: Any
    outcome: str
    detail: str


_EVENT_COLUMNS = ("id", *_EventRow._fields[1:])


def _by_person(rows: Iterable[Any], key: str = "person_id") -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = {}
    for row in rows:
        found.setdefault(getattr(row, key), []).append(row)
    return found


def recompute_many(
    person_ids: Iterable[int], *, today: dt.date, now: dt.datetime | None = None
) -> int:
    """Recompute the stored status and alerts of these persons; how many alerts were opened.

    Gives what `recompute` gives person by person, in a constant number of
    queries per chunk of CHUNK persons (their events, support actions, alerts
    and statuses read at once, the changes written with bulk inserts and
    updates), one transaction per chunk.
    """
    now = now or timezone.now()
    ids = sorted(set(person_ids))
    opened = 0
    for start in range(0, len(ids), CHUNK):
        with transaction.atomic():
            opened += _recompute_chunk(ids[start : start + CHUNK], today=today, now=now)
    return opened


def _recompute_chunk(ids: list[int], *, today: dt.date, now: dt.datetime) -> int:
    from habeas.web.alerts.models import Alert, AlertState, SupportAction
    from habeas.web.alerts.services import (
        ALIGNED_FIELDS,
        align_alerts,
        due_alerts,
        support_items_of,
    )
    from habeas.web.review.casefile import confirmed, status_words
    from habeas.web.store.queries import contract_event

    merged = dict(Person.objects.filter(pk__in=ids).values_list("pk", "merged_into_id"))
    events = _by_person(
        _EventRow._make(values)
        for values in Event.objects.filter(person_id__in=ids, status=EventStatus.CONFIRMED)
        .order_by("person_id", "id")
        .values_list(*_EVENT_COLUMNS)
    )
    support = _by_person(SupportAction.objects.filter(person_id__in=ids))
    alerts = _by_person(Alert.objects.select_for_update().filter(person_id__in=ids))
    stored = PersonStatus.objects.in_bulk(ids)
    new_alerts: list[Any] = []
    changed_alerts: list[Any] = []
    new_rows: list[Any] = []
    changed_rows: list[Any] = []
    gone: list[int] = []
    opened = 0
    for pk in ids:
        if pk not in merged:
            continue
        rows = events.get(pk, [])
        facts = {row.pk: contract_event(row) for row in rows}
        in_order = [facts[row.pk] for row in rows]  # stored order: what the alerts read
        kept = confirmed(rows)  # date order: what the status reads
        by_date = [facts[row.pk] for row in kept]
        assessment = assess(by_date, today=today)
        # The engine is pure: the same input order gives the same answer, so one run
        # serves both readings unless the stored order differs from the date order.
        same_order = [r.pk for r in kept] == [r.pk for r in rows]
        alerts_assessment = assessment if same_order else assess(in_order, today=today)
        again = next_change(by_date, assessment) or NEVER
        alerts_again = again if same_order else next_change(in_order, alerts_assessment) or NEVER
        found = due_alerts(alerts_assessment, support_items_of(support.get(pk, [])))
        existing = {a.key: a for a in alerts.get(pk, [])}
        change = align_alerts(pk, existing, found, now=now)
        new_alerts += change.new
        changed_alerts += change.changed
        opened += len(change.opened)
        if merged[pk] is not None:
            if pk in stored:
                gone.append(pk)
            continue
        status = assessment.status
        fields = {
            "state": status.status.value,
            "since_text": str(status.since) if status.since is not None else "",
            "since_day": status.since.earliest() if status.since is not None else UNDATED,
            "expected_release": status.expected_release,
            "words": status_words(assessment, by_date),
            "confirmed_events": len(rows),
            "notes": status_notes(assessment),
            "computed_on": today,
            "open_alerts": sum(
                a.state == AlertState.OPEN for a in [*existing.values(), *change.new]
            ),
            "look_again_on": min(again, alerts_again),
        }
        row = stored.get(pk)
        if row is None:
            new_rows.append(PersonStatus(person_id=pk, **fields))
            continue
        for name, value in fields.items():
            setattr(row, name, value)
        changed_rows.append(row)
    Alert.objects.bulk_create(new_alerts)
    update_rows(Alert, changed_alerts, ALIGNED_FIELDS)
    PersonStatus.objects.bulk_create(new_rows)
    update_rows(PersonStatus, changed_rows, _STATUS_FIELDS)
    if gone:
        PersonStatus.objects.filter(pk__in=gone).delete()
    return opened


def update_rows(model: Any, rows: Sequence[Any], names: Sequence[str]) -> None:
    """Save these columns of `rows` (saved instances of `model`) in one executemany.

    Django's bulk_update builds a CASE expression per column and row, which
    costs far more than the database work at these sizes; an UPDATE by primary
    key repeated with executemany costs little on SQLite and PostgreSQL alike.
    No signals are sent, as with bulk_update.
    """
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    pk = model._meta.pk
    sets = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    sql = f"UPDATE {quote(model._meta.db_table)} SET {sets} WHERE {quote(pk.column)} = %s"  # nosec B608: names and constants only; values are parameters
    values = [
        [f.get_db_prep_save(getattr(row, f.attname), connection) for f in fields] + [row.pk]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


_STATUS_FIELDS = (
    "state",
    "since_text",
    "since_day",
    "expected_release",
    "words",
    "confirmed_events",
    "notes",
    "computed_on",
    "open_alerts",
    "look_again_on",
)


def check_due(
    *,
    today: dt.date,
    now: dt.datetime | None = None,
    on_progress: Callable[[int, int | None], None] | None = None,
) -> CheckResult:
    """Recompute every person whose `look_again_on` is `today` or earlier; safe in parallel.

    Due rows are claimed a chunk at a time by locking those still due, so two
    workers never recompute one person twice, and recomputed with
    `recompute_many`. Only due rows are read, through an index: the cost
    follows the number of persons whose answer can have changed, not the
    size of the store.
    """
    now = now or timezone.now()
    checked = opened = 0
    due = list(
        PersonStatus.objects.filter(look_again_on__lte=today)
        .order_by("look_again_on", "person_id")
        .values_list("person_id", flat=True)
    )
    for start in range(0, len(due), CHUNK):
        with transaction.atomic():
            # The claim: rows still due once locked (PostgreSQL skips those another
            # worker holds; SQLite transactions here are IMMEDIATE, so one at a time).
            claimed = list(
                PersonStatus.objects.select_for_update(skip_locked=True)
                .filter(pk__in=due[start : start + CHUNK], look_again_on__lte=today)
                .values_list("person_id", flat=True)
            )
            checked += len(claimed)
            opened += recompute_many(claimed, today=today, now=now)
        if on_progress:
            on_progress(min(start + CHUNK, len(due)), len(due))
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
