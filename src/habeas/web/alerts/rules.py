"""Which alerts hold for a person: the timeline's alerts plus refusals of support.

Plain Python (no Django), so the rules can be read and tested on their own.
Each alert carries a stable key, so that computing the alerts again on
another day finds the same alert instead of adding a new one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from habeas.model import PartialDate
from habeas.timeline.alerts import Alert as TimelineAlert
from habeas.timeline.alerts import AlertKind as TimelineAlertKind


class SupportKind(StrEnum):
    """What the people around a detained person are doing for them."""

    LAWYER = "lawyer"
    MEDICATION = "medication"
    PARCEL = "parcel"
    FAMILY_CONTACT = "family_contact"
    LETTER = "letter"
    HEARING = "hearing"  # a court date the supporters know of


class SupportStatus(StrEnum):
    REQUESTED = "requested"
    ASSIGNED = "assigned"  # a lawyer took the case
    GRANTED = "granted"  # access or contact allowed
    REFUSED = "refused"
    DELIVERED = "delivered"
    SENT = "sent"
    SCHEDULED = "scheduled"
    HELD = "held"
    POSTPONED = "postponed"


S = SupportStatus
# The statuses that make sense for each kind; anything else is an input error.
STATUSES: dict[SupportKind, tuple[SupportStatus, ...]] = {
    SupportKind.LAWYER: (S.ASSIGNED, S.GRANTED, S.REFUSED),
    SupportKind.MEDICATION: (S.REQUESTED, S.DELIVERED, S.REFUSED),
    SupportKind.PARCEL: (S.REQUESTED, S.DELIVERED, S.REFUSED),
    SupportKind.FAMILY_CONTACT: (S.REQUESTED, S.GRANTED, S.REFUSED),
    SupportKind.LETTER: (S.SENT, S.DELIVERED, S.REFUSED),
    SupportKind.HEARING: (S.SCHEDULED, S.HELD, S.POSTPONED),
}


class AlertKind(StrEnum):
    """Every kind of alert in the app: the timeline's, then refusals of support."""

    RELEASE_OVERDUE = TimelineAlertKind.RELEASE_OVERDUE.value
    INCOMMUNICADO = TimelineAlertKind.INCOMMUNICADO.value
    PRETRIAL_ENDING = TimelineAlertKind.PRETRIAL_ENDING.value
    MISSING = TimelineAlertKind.MISSING.value
    MEDICATION_DENIED = TimelineAlertKind.MEDICATION_DENIED.value
    LAWYER_REFUSED = "lawyer_refused"
    MEDICATION_REFUSED = "medication_refused"


# A refusal of these kinds raises an alert (issue 5: medication or a lawyer).
_REFUSAL_ALERTS = {
    SupportKind.LAWYER: AlertKind.LAWYER_REFUSED,
    SupportKind.MEDICATION: AlertKind.MEDICATION_REFUSED,
}
# A later action of the same kind with one of these statuses answers the refusal.
_ANSWERS = frozenset({SupportStatus.GRANTED, SupportStatus.DELIVERED})


@dataclass(frozen=True, slots=True)
class SupportItem:
    """A support action as the rules see it: no note, no author."""

    id: int
    kind: SupportKind
    status: SupportStatus
    date: dt.date | None
    confidential: bool


@dataclass(frozen=True, slots=True)
class DueAlert:
    """An alert that holds today. `key` is stable across days for the same situation."""

    key: str
    kind: AlertKind
    date: PartialDate | None
    message: str
    confidential: bool = False


def check_status(kind: SupportKind, status: SupportStatus) -> None:
    """Raise ValueError when `status` is not one a `kind` of support can have."""
    if status not in STATUSES[kind]:
        allowed = ", ".join(s.value for s in STATUSES[kind])
        raise ValueError(f"a {kind.value} action can be {allowed}, not {status.value}")


def from_timeline(alerts: Iterable[TimelineAlert]) -> list[DueAlert]:
    """The timeline's alerts, keyed by kind and the day they concern."""
    return [
        DueAlert(
            key=f"{a.kind.value}:{a.date if a.date is not None else 'undated'}",
            kind=AlertKind(a.kind.value),
            date=a.date,
            message=a.message,
        )
        for a in alerts
    ]


def _refusal_message(item: SupportItem) -> str:
    when = f" on {item.date.isoformat()}" if item.date else ""
    if item.kind is SupportKind.LAWYER:
        return f"A lawyer was refused access to the detained person{when}."
    return f"Medication for the detained person was refused{when}."


def from_support(items: Sequence[SupportItem]) -> list[DueAlert]:
    """An alert for each refusal of a lawyer or medication not answered by a later grant.

    `items` are in the order they happened (undated ones where they were
    entered); a grant or delivery of the same kind after a refusal answers it.
    The alert is confidential when the refusal is.
    """
    found: list[DueAlert] = []
    for position, item in enumerate(items):
        kind = _REFUSAL_ALERTS.get(item.kind)
        if kind is None or item.status is not SupportStatus.REFUSED:
            continue
        answered = any(
            later.kind is item.kind and later.status in _ANSWERS for later in items[position + 1 :]
        )
        if not answered:
            found.append(
                DueAlert(
                    key=f"support:{item.id}",
                    kind=kind,
                    date=PartialDate.of(item.date) if item.date else None,
                    message=_refusal_message(item),
                    confidential=item.confidential,
                )
            )
    return found
