"""Terse builders for events of fictional people."""

from __future__ import annotations

import datetime as dt

from habeas.model import AppealOutcome, Event, EventType, PartialDate, Penalty, PenaltyKind


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def ev(
    kind: EventType,
    date: str | None = None,
    *,
    penalty: Penalty | None = None,
    outcome: AppealOutcome | None = None,
    detail: str | None = None,
    hours: float | None = None,
    evidence: tuple[int, int] | None = None,
) -> Event:
    return Event(
        type=kind,
        date=PartialDate.parse(date) if date else None,
        penalty=penalty,
        outcome=outcome,
        detail=detail,
        duration_hours=hours,
        evidence=evidence,
    )


def detained(date: str | None = None, **kw: object) -> Event:
    return ev(EventType.DETENTION, date, **kw)  # type: ignore[arg-type]


def released(date: str | None = None, **kw: object) -> Event:
    return ev(EventType.RELEASE, date, **kw)  # type: ignore[arg-type]


def disappeared(date: str | None = None, **kw: object) -> Event:
    return ev(EventType.DISAPPEARANCE, date, **kw)  # type: ignore[arg-type]


def ill_treated(detail: str, date: str | None = None) -> Event:
    return ev(EventType.ILL_TREATMENT, date, detail=detail)


def term(
    kind: PenaltyKind,
    *,
    years: float | None = None,
    months: float | None = None,
    days: float | None = None,
    hours: float | None = None,
) -> Penalty:
    return Penalty(kind, years=years, months=months, days=days, hours=hours)


def sentenced(
    kind: PenaltyKind,
    date: str | None = None,
    *,
    evidence: tuple[int, int] | None = None,
    **length: float,
) -> Event:
    return ev(EventType.SENTENCE, date, penalty=term(kind, **length), evidence=evidence)


def pretrial(date: str | None = None, **length: float) -> Event:
    penalty = term(PenaltyKind.PRETRIAL_DETENTION, **length)
    return ev(EventType.PRETRIAL_DETENTION, date, penalty=penalty)


def appeal(outcome: AppealOutcome, date: str | None = None) -> Event:
    return ev(EventType.APPEAL, date, outcome=outcome)


ADMIN = PenaltyKind.ADMINISTRATIVE_DETENTION
PRISON = PenaltyKind.PRISON
