"""Every write to the alerts app: support actions, computing alerts, acknowledging them.

Alerts are computed, not entered: `refresh_person` runs the timeline on a
person's confirmed events, adds refusals of support, and brings the Alert
rows in line (new ones opened, vanished ones resolved), matching them by
their stable key so that recomputing never duplicates an alert.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from habeas import model
from habeas.errors import InputError
from habeas.timeline.assessment import Assessment, assess
from habeas.timeline.recheck import next_change
from habeas.web.accounts.roles import Role, can
from habeas.web.alerts.models import (
    Alert,
    AlertState,
    Subscription,
    SupportAction,
)
from habeas.web.alerts.rules import (
    DueAlert,
    SupportItem,
    SupportKind,
    SupportStatus,
    check_status,
    from_support,
    from_timeline,
)
from habeas.web.store.counts import open_alerts
from habeas.web.store.models import Event, EventStatus
from habeas.web.store.queries import contract_event
from habeas.web.store.status import CheckResult as CheckResult


# Who may do what, in the accounts app's roles (docs/alerts.md, "Who sees what"):
# viewers read alerts and the support actions not marked confidential; editors
# and admins also see confidential support, record support and acknowledge alerts.
def can_read_alerts(user: Any) -> bool:
    return can(user, Role.VIEWER)


def can_act_on_alerts(user: Any) -> bool:
    """Acknowledge alerts, record support, see confidential support."""
    return can(user, Role.EDITOR)


# ------------------------------------------------------------------ reading the store


def confirmed_events(person: Any) -> list[model.Event]:
    """The person's confirmed events in the order they were stored (the reports' order)."""
    rows = Event.objects.filter(person=person, status=EventStatus.CONFIRMED).order_by("id")
    return [contract_event(row) for row in rows]


def assessment_of(person: Any, *, today: dt.date) -> Assessment:
    """What the timeline says about a person on `today`, from their confirmed events."""
    return assess(confirmed_events(person), today=today)


def support_items(person: Any) -> list[SupportItem]:
    """The person's support actions in the order they happened; undated ones when entered."""
    return support_items_of(SupportAction.objects.filter(person=person))


def support_items_of(actions: Iterable[Any]) -> list[SupportItem]:
    """These SupportAction rows (one person's) as rules input, in the order they happened."""
    rows = sorted(actions, key=lambda a: (a.date or a.created_at.date(), a.id))
    return [
        SupportItem(a.id, SupportKind(a.kind), SupportStatus(a.status), a.date, a.confidential)
        for a in rows
    ]


# ------------------------------------------------------------------ support


def record_support(
    person: Any,
    *,
    kind: SupportKind,
    status: SupportStatus,
    user: Any,
    date: dt.date | None = None,
    note: str = "",
    confidential: bool = True,
) -> Any:
    """Store a support action for a person; InputError when the status does not fit the kind."""
    try:
        check_status(SupportKind(kind), SupportStatus(status))
    except ValueError as exc:
        raise InputError(str(exc)) from None
    return SupportAction.objects.create(
        person=person,
        kind=SupportKind(kind).value,
        status=SupportStatus(status).value,
        date=date,
        note=note,
        confidential=confidential,
        created_by=user,
    )


def support_visible_to(user: Any, person: Any) -> QuerySet[Any]:
    """The person's support actions `user` may see: confidential ones need the permission."""
    actions = SupportAction.objects.filter(person=person).order_by("date", "id")
    return actions if can_act_on_alerts(user) else actions.filter(confidential=False)


# ------------------------------------------------------------------ computing alerts


def _due_alerts(person: Any, *, today: dt.date) -> tuple[list[DueAlert], dt.date | None]:
    events = confirmed_events(person)
    assessment = assess(events, today=today)
    return due_alerts(assessment, support_items(person)), next_change(events, assessment)


def refresh_person(person: Any, *, today: dt.date, now: dt.datetime | None = None) -> list[Any]:
    """Bring a person's Alert rows in line with what holds on `today`; the alerts newly opened.

    A new situation opens an alert; one that holds again after being resolved
    is reopened; an alert whose situation no longer holds is resolved (its
    acknowledgement, if any, is kept). Messages are refreshed ("3 days ago").
    """
    return refresh_alerts(person, today=today, now=now)[0]


def refresh_alerts(
    person: Any, *, today: dt.date, now: dt.datetime | None = None
) -> tuple[list[Any], dt.date]:
    """As `refresh_person`, with the first day the alerts may change (habeas.timeline.recheck).

    Called by habeas.web.store.status, which keeps the stored status and the
    alerts in step; call that module's `facts_changed` rather than this.
    """
    from habeas.web.store.status import NEVER

    now = now or timezone.now()
    found, again = _due_alerts(person, today=today)
    with transaction.atomic():
        existing = {a.key: a for a in Alert.objects.select_for_update().filter(person=person)}
        change = align_alerts(person.pk, existing, found, now=now)
        for row in change.new:
            row.save()
        for row in change.changed:
            row.save()
    return change.opened, again or NEVER


_ALERT_FIELDS = ("kind", "date_text", "message", "confidential")
# Every column `align_alerts` may change on an existing row (for bulk_update).
ALIGNED_FIELDS = (
    *_ALERT_FIELDS,
    *("state", "opened_at", "resolved_at", "acknowledged_by", "acknowledged_at", "notified_at"),
)


@dataclass(slots=True)
class AlertChange:
    """What bringing one person's Alert rows in line takes: rows to insert, rows to save,
    and the alerts newly opened (new rows and reopened ones)."""

    new: list[Any] = field(default_factory=list)
    changed: list[Any] = field(default_factory=list)
    opened: list[Any] = field(default_factory=list)


def align_alerts(
    person_id: int, existing: dict[str, Any], found: Sequence[DueAlert], *, now: dt.datetime
) -> AlertChange:
    """The changes that make `existing` (a person's Alert rows by key) hold `found`, unsaved.

    Shared by the one-person refresh and the batched recompute
    (habeas.web.store.status.recompute_many), which saves many persons' changes at once.
    """
    change = AlertChange()
    due = {d.key: d for d in found}
    for key, d in due.items():
        row = existing.get(key)
        fields = {
            "kind": d.kind.value,
            "date_text": str(d.date) if d.date else "",
            "message": d.message,
            "confidential": d.confidential,
        }
        if row is None:
            row = Alert(person_id=person_id, key=key, opened_at=now, **fields)
            change.new.append(row)
            change.opened.append(row)
            continue
        changed = any(getattr(row, name) != value for name, value in fields.items())
        for name, value in fields.items():
            setattr(row, name, value)
        if row.state == AlertState.RESOLVED:
            row.state, row.opened_at, row.resolved_at = AlertState.OPEN, now, None
            row.acknowledged_by, row.acknowledged_at, row.notified_at = None, None, None
            change.opened.append(row)
            changed = True
        if changed:
            change.changed.append(row)
    for key, row in existing.items():
        if key not in due and row.state != AlertState.RESOLVED:
            row.state, row.resolved_at = AlertState.RESOLVED, now
            change.changed.append(row)
    return change


def due_alerts(assessment: Assessment, support: Sequence[SupportItem]) -> list[DueAlert]:
    """The alerts that hold given the timeline's `assessment` and the support actions."""
    return from_timeline(assessment.alerts) + from_support(support)


def check_due(
    *,
    today: dt.date,
    now: dt.datetime | None = None,
    on_progress: Callable[[int, int | None], None] | None = None,
) -> CheckResult:
    """Recompute the status and alerts of every person due a look on `today`.

    See habeas.web.store.status.check_due: a person is due when their facts
    or support changed outside the services, or when the day itself may
    change what the timeline says (a term ends, a release becomes overdue).
    `on_progress(done, total)` is called as due persons are checked.
    """
    from habeas.web.store.status import check_due as check_statuses

    return check_statuses(today=today, now=now, on_progress=on_progress)


# ------------------------------------------------------------------ acknowledging and listing


def acknowledge(alert: Any, *, user: Any, now: dt.datetime | None = None) -> bool:
    """Record that `user` has seen an open alert; False when it was not open any more."""
    from habeas.web.audit.chain import record
    from habeas.web.audit.models import AuditAction

    now = now or timezone.now()
    with transaction.atomic():
        done = Alert.objects.filter(pk=alert.pk, state=AlertState.OPEN).update(
            state=AlertState.ACKNOWLEDGED, acknowledged_by=user, acknowledged_at=now
        )
        if done:
            record(user, AuditAction.EDIT, alert, {"change": "acknowledged"})
    return bool(done)


def visible_alerts(user: Any, *, states: tuple[str, ...] = (AlertState.OPEN,)) -> QuerySet[Any]:
    """The alerts `user` may see in `states`, newest situation first.

    Viewers see alerts except those raised by a confidential support action;
    editors and admins see all; users without a role see none.
    """
    if not can_read_alerts(user):
        return Alert.objects.none()
    # A merged-away person's alerts live on in its file's history, not on this page.
    rows = Alert.objects.filter(state__in=states, person__merged_into__isnull=True).select_related(
        "person", "acknowledged_by"
    )
    if not can_act_on_alerts(user):
        rows = rows.filter(confidential=False)
    return rows.order_by("-date_text", "-id")


def open_alert_count(user: Any) -> int:
    """How many open alerts `user` may see (the number on the badge): a count the database
    keeps (every page shows it; counting ~50,000 alerts per page was a quarter of its cost)."""
    if not can_read_alerts(user):
        return 0
    kept = open_alerts(confidential=can_act_on_alerts(user))
    return int(visible_alerts(user).count()) if kept is None else kept


# ------------------------------------------------------------------ subscriptions


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def subscription_of(user: Any) -> Any:
    """The user's notification settings, made with defaults on first use."""
    sub, _ = Subscription.objects.get_or_create(
        user=user, defaults={"calendar_token": _new_token()}
    )
    return sub


def regenerate_calendar_token(user: Any) -> Any:
    """Give the user a new calendar secret; the old feed URL stops working at once."""
    sub = subscription_of(user)
    sub.calendar_token = _new_token()
    sub.save(update_fields=["calendar_token"])
    return sub


def user_for_calendar_token(token: str) -> Any:
    """The active user whose calendar secret is `token`, or None."""
    if not token:
        return None
    sub = Subscription.objects.select_related("user").filter(calendar_token=token).first()
    if sub is None or not sub.user.is_active:
        return None
    return sub.user


def alert_readers() -> list[Any]:
    """Active users who may see alerts, in a stable order."""
    users = get_user_model().objects.filter(is_active=True).order_by("pk")
    return [u for u in users if can_read_alerts(u)]
