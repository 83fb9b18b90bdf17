"""The words of notifications: e-mail subjects and bodies, webhook payloads.

Plain Python, no Django: the callers pass what an alert says as an AlertNote.
Notes of support actions never appear here (they may be confidential).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

_TITLES = {
    "release_overdue": "release overdue",
    "incommunicado": "held incommunicado",
    "pretrial_ending": "pretrial term ending",
    "missing": "missing",
    "medication_denied": "medication denied",
    "lawyer_refused": "lawyer refused",
    "medication_refused": "medication refused",
}


@dataclass(frozen=True, slots=True)
class AlertNote:
    """What a notification says about one alert."""

    id: int
    key: str
    kind: str
    date: str  # YYYY[-MM[-DD]], or "" when undated
    person_id: int
    person_name: str
    message: str


def title(kind: str) -> str:
    """The alert kind in a few plain words ("release overdue")."""
    return _TITLES.get(kind, kind.replace("_", " "))


def alert_subject(note: AlertNote) -> str:
    return f"habeas: {note.person_name} — {title(note.kind)}"


def alert_body(note: AlertNote) -> str:
    when = f" ({note.date})" if note.date else ""
    return (
        f"{note.person_name}: {title(note.kind)}{when}\n\n"
        f"{note.message}\n\n"
        "Open the alerts page in habeas to acknowledge it.\n"
    )


def digest_subject(notes: Sequence[AlertNote], *, day: dt.date) -> str:
    count = "1 open alert" if len(notes) == 1 else f"{len(notes)} open alerts"
    return f"habeas digest for {day.isoformat()}: {count}"


def digest_body(notes: Sequence[AlertNote], *, day: dt.date) -> str:
    lines = [f"Open alerts on {day.isoformat()}:", ""]
    for note in notes:
        when = f" ({note.date})" if note.date else ""
        lines.append(f"- {note.person_name}: {title(note.kind)}{when}")
        lines.append(f"  {note.message}")
    lines += ["", "Open the alerts page in habeas to acknowledge them."]
    return "\n".join(lines) + "\n"


def webhook_payload(note: AlertNote) -> dict[str, Any]:
    """The JSON object POSTed to a webhook for one new alert."""
    return {
        "id": note.id,
        "key": note.key,
        "kind": note.kind,
        "title": title(note.kind),
        "date": note.date or None,
        "person": {"id": note.person_id, "name": note.person_name},
        "message": note.message,
    }
