"""A person's case file from stored events: contract events, custody status and its words.

The timeline engine (habeas.timeline) works on the contract's Event values;
this module turns stored rows into those values and the engine's answer into
a sentence a reader can use ("held since 10 March 2025, 30-day administrative
detention, Binagadi District Court").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from habeas import model
from habeas.timeline.assessment import Assessment, assess
from habeas.timeline.status import CustodyStatus
from habeas.web.store.models import EventStatus
from habeas.web.store.queries import contract_event

_PENALTY_WORDS = {
    model.PenaltyKind.ADMINISTRATIVE_DETENTION: "administrative detention",
    model.PenaltyKind.PRISON: "prison sentence",
    model.PenaltyKind.PRETRIAL_DETENTION: "pretrial detention",
    model.PenaltyKind.FINE: "fine",
    model.PenaltyKind.COMMUNITY_SERVICE: "community service",
    model.PenaltyKind.RESTRICTED_FREEDOM: "restricted freedom",
    model.PenaltyKind.SUSPENDED_SENTENCE: "suspended sentence",
    model.PenaltyKind.HOUSE_ARREST: "house arrest",
}


@dataclass(frozen=True, slots=True)
class CaseStatus:
    """A person's custody status on a day, with the events it was computed from."""

    assessment: Assessment
    events: tuple[Any, ...]  # the confirmed rows, in the order given to the engine
    words: str

    @property
    def status(self) -> CustodyStatus:
        return self.assessment.status.status


def confirmed(rows: Iterable[Any]) -> list[Any]:
    """The confirmed rows among `rows`, dated ones first by date, then undated."""
    kept = [r for r in rows if r.status == EventStatus.CONFIRMED]
    return sorted(kept, key=lambda r: (r.date_text == "", r.date_text, r.pk))


def case_status(rows: Iterable[Any], *, today: dt.date) -> CaseStatus:
    """The status the confirmed events among `rows` give on `today`, and its words."""
    kept = tuple(confirmed(rows))
    events = [contract_event(r) for r in kept]
    assessment = assess(events, today=today)
    return CaseStatus(assessment, kept, status_words(assessment, events))


def date_words(date: model.PartialDate | dt.date | None) -> str:
    """ "10 March 2025", "March 2025" or "2025"; "an unknown date" when None."""
    if date is None:
        return "an unknown date"
    if isinstance(date, dt.date):
        return f"{date.day} {date:%B %Y}"
    if date.day is not None:
        return date_words(date.earliest())
    if date.month is not None:
        return f"{date.earliest():%B %Y}"
    return str(date.year)


def penalty_words(penalty: model.Penalty) -> str:
    """ "30-day administrative detention", "2-year prison sentence", "fine of 500 AZN"."""
    kind = _PENALTY_WORDS[penalty.kind]
    for unit in ("years", "months", "days", "hours"):
        value = getattr(penalty, unit)
        if value is not None:
            return f"{value:g}-{unit[:-1]} {kind}"
    if penalty.amount is not None:
        return f"{kind} of {penalty.amount:g} {penalty.currency or ''}".rstrip()
    return kind


def status_words(assessment: Assessment, events: Sequence[model.Event]) -> str:
    """The status as one phrase a reader can act on."""
    status = assessment.status
    if status.status is CustodyStatus.UNKNOWN:
        return "no confirmed events about custody yet"
    if status.status is CustodyStatus.RELEASED:
        words = f"released on {date_words(status.since)}"
        if status.restriction is not None:
            words += f", now under {_PENALTY_WORDS[status.restriction]}"
        return words
    if status.status is CustodyStatus.MISSING:
        words = f"missing since {date_words(status.since)}: whereabouts unknown"
    else:
        words = f"held since {date_words(status.since)}"
    episode = assessment.episodes[-1] if assessment.episodes else None
    if episode is not None and episode.basis is not None:
        basis = events[episode.basis.event_index]
        if basis.penalty is not None:
            words += f", {penalty_words(basis.penalty)}"
        if basis.authority:
            words += f", {basis.authority}"
    if status.expected_release is not None:
        words += f"; release expected on {date_words(status.expected_release)}"
    return words


@dataclass(frozen=True, slots=True)
class StatusSummary:
    """What a case file's header shows: the status, its words, how many confirmed events it
    was worked out from, and the engine's alerts and conflicts (their messages)."""

    status: str
    words: str
    confirmed: int
    alerts: tuple[str, ...]
    conflicts: tuple[str, ...]


def summary_of(case: CaseStatus) -> StatusSummary:
    """The header of a status computed now."""
    return StatusSummary(
        case.status.value,
        case.words,
        len(case.events),
        tuple(a.message for a in case.assessment.alerts),
        tuple(c.message for c in case.assessment.conflicts),
    )


def stored_summary(stored: Any, *, today: dt.date) -> StatusSummary | None:
    """The header from a stored PersonStatus, if it holds today; None when it is due for
    recomputation (or missing, or computed before it kept the engine's messages)."""
    if stored is None or stored.notes is None or stored.look_again_on <= today:
        return None
    notes = stored.notes
    return StatusSummary(
        stored.state,
        stored.words,
        stored.confirmed_events,
        tuple(notes.get("alerts", ())),
        tuple(notes.get("conflicts", ())),
    )
