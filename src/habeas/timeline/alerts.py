"""Alerts: what a family or lawyer should act on today.

Each rule looks only at the current (last, still open) episode, except
`missing`, which follows the status. Rules take `today` as an argument and
never read the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from habeas.model import EventType, PartialDate
from habeas.timeline.episodes import BasisKind, Episode, History
from habeas.timeline.keywords import Subject, mentions_denial
from habeas.timeline.ordering import PlacedEvent, latest_day
from habeas.timeline.status import CustodyStatus, Status

# A pretrial term ending this many days from today (or fewer) is worth a lawyer's attention.
PRETRIAL_WARNING_DAYS = 14
# More than this long without contact is incommunicado detention.
INCOMMUNICADO_HOURS = 24.0

# Events after which the person has been seen by a court or located by the authorities.
_CONTACT_EVENTS = frozenset(
    {EventType.DETENTION, EventType.PRETRIAL_DETENTION, EventType.SENTENCE, EventType.APPEAL}
)


class AlertKind(StrEnum):
    RELEASE_OVERDUE = "release_overdue"
    INCOMMUNICADO = "incommunicado"
    PRETRIAL_ENDING = "pretrial_ending"
    MISSING = "missing"
    MEDICATION_DENIED = "medication_denied"


@dataclass(frozen=True, slots=True)
class Alert:
    """One thing to act on: its kind, the day it concerns (None if undated), one sentence."""

    kind: AlertKind
    date: PartialDate | None
    message: str


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _release_overdue(episode: Episode, today: dt.date) -> Iterator[Alert]:
    due = episode.expected_release
    if due is not None and due < today:
        yield Alert(
            AlertKind.RELEASE_OVERDUE,
            PartialDate.of(due),
            f"Release was due on {due.isoformat()} ({_days((today - due).days)} ago) "
            "but no release has been reported.",
        )


def _pretrial_ending(episode: Episode, today: dt.date) -> Iterator[Alert]:
    basis = episode.basis
    if basis is None or basis.kind is not BasisKind.PRETRIAL_DETENTION or basis.ends is None:
        return
    left = (basis.ends - today).days
    if 0 <= left <= PRETRIAL_WARNING_DAYS:
        when = "today" if left == 0 else f"in {_days(left)}"
        yield Alert(
            AlertKind.PRETRIAL_ENDING,
            PartialDate.of(basis.ends),
            f"The pretrial detention term ends on {basis.ends.isoformat()} ({when}); "
            "expect an extension hearing or a release.",
        )


def _missing(status: Status, today: dt.date) -> Iterator[Alert]:
    if status.status is not CustodyStatus.MISSING:
        return
    if status.since is None:
        text = "The person's whereabouts are unknown and no later detention or release is reported."
    else:
        days = (today - status.since.earliest()).days
        text = (
            f"The person's whereabouts have been unknown since {status.since} "
            f"({_days(days)}) and no later detention or release is reported."
        )
    yield Alert(AlertKind.MISSING, status.since, text)


def _loses_contact(placed: PlacedEvent) -> bool:
    event = placed.event
    if event.type is EventType.DISAPPEARANCE:
        return True
    return event.type is EventType.ILL_TREATMENT and mentions_denial(event.detail, Subject.CONTACT)


def _incommunicado(
    episode: Episode, events: dict[int, PlacedEvent], today: dt.date
) -> Iterator[Alert]:
    signal: PlacedEvent | None = None
    for index in episode.events:
        placed = events[index]
        if _loses_contact(placed):
            signal = signal or placed
        elif placed.event.type in _CONTACT_EVENTS:
            signal = None
    if signal is None:
        return
    # An undated signal counts from the day it is placed on: the last dated event before it.
    start = latest_day(signal.event.date) if signal.event.date else signal.sort_day
    hours = max(signal.event.duration_hours or 0.0, (today - start).days * 24.0)
    if hours <= INCOMMUNICADO_HOURS:
        return
    if signal.event.date is not None:
        since = f"since {signal.event.date}"
    elif start > dt.date.min:
        since = f"since some day on or after {start.isoformat()}"
    else:
        since = "since an unreported date"
    yield Alert(
        AlertKind.INCOMMUNICADO,
        signal.event.date,
        f"No contact with a lawyer or family has been reported for more than 24 hours ({since}).",
    )


def _medication_denied(episode: Episode, events: dict[int, PlacedEvent]) -> Iterator[Alert]:
    reports = [
        events[i]
        for i in episode.events
        if events[i].event.type is EventType.ILL_TREATMENT
        and mentions_denial(events[i].event.detail, Subject.MEDICATION)
    ]
    if reports:
        date = reports[-1].event.date
        when = f" on {date}" if date is not None else ""
        yield Alert(
            AlertKind.MEDICATION_DENIED,
            date,
            f"Denial of medication to the detained person was reported{when}.",
        )


def alerts_for(history: History, status: Status, *, today: dt.date) -> tuple[Alert, ...]:
    """The alerts that hold on `today`, in the order of AlertKind."""
    found: list[Alert] = list(_missing(status, today))
    if history.episodes and history.episodes[-1].is_open:
        episode = history.episodes[-1]
        events = {p.index: p for p in history.events}
        found.extend(_release_overdue(episode, today))
        found.extend(_incommunicado(episode, events, today))
        found.extend(_pretrial_ending(episode, today))
        found.extend(_medication_denied(episode, events))
    order = list(AlertKind)
    return tuple(sorted(found, key=lambda a: order.index(a.kind)))
