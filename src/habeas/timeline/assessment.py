"""The timeline's one entry point: a person's events and a day in, status and alerts out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from habeas.model import Event
from habeas.timeline.alerts import Alert, alerts_for
from habeas.timeline.episodes import Conflict, Episode, build_history
from habeas.timeline.status import Status, status_of


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything the timeline says about one person on one day."""

    today: dt.date
    status: Status
    alerts: tuple[Alert, ...]
    conflicts: tuple[Conflict, ...]
    episodes: tuple[Episode, ...]


def assess(events: Sequence[Event], *, today: dt.date) -> Assessment:
    """Status, expected release, alerts and conflicts as of `today`.

    A pure function of its arguments. Events dated after `today` (all of the
    days their date can mean) have not happened yet on that day and are left
    out, so assessing an earlier day shows the state of things then; undated
    events are assumed to have happened. Event indices in episodes and
    conflicts are positions in `events`.
    """
    history = build_history(events, until=today)
    status = status_of(history)
    return Assessment(
        today=today,
        status=status,
        alerts=alerts_for(history, status, today=today),
        conflicts=history.conflicts,
        episodes=history.episodes,
    )


def _iso(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def assessment_to_json(name: str, assessment: Assessment) -> dict[str, Any]:
    """The JSON form `habeas status` prints; dates are ISO 8601 (partial when partial) or null."""
    status = assessment.status
    return {
        "name": name,
        "status": status.status.value,
        "since": _iso(status.since),
        "expected_release": _iso(status.expected_release),
        "restriction": status.restriction.value if status.restriction else None,
        "alerts": [
            {"kind": a.kind.value, "date": _iso(a.date), "message": a.message}
            for a in assessment.alerts
        ],
        "conflicts": [
            {
                "kind": c.kind.value,
                "message": c.message,
                "events": [
                    {"index": r.index, "evidence": list(r.evidence) if r.evidence else None}
                    for r in (c.first, c.second)
                ],
            }
            for c in assessment.conflicts
        ],
    }
