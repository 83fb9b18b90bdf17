"""The flat table of persons and events that CSV export writes and spreadsheet import reads.

One row per event, the person's columns repeated; a person with no event has one
row with the event columns empty. Lists (roles, affiliations, URLs) are joined by
"; "; charges are a JSON list in the contract's form, so nothing is lost.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from habeas import model
from habeas.export.records import Record

SEP = "; "
PERSON_COLUMNS = ("person_id", "name", "roles", "affiliations", "country", "status")
PENALTY_UNITS = ("hours", "days", "months", "years", "amount")
EVENT_COLUMNS = (
    "event_type",
    "date",
    "place",
    "authority",
    "duration_hours",
    "penalty_kind",
    *(f"penalty_{u}" for u in PENALTY_UNITS),
    "penalty_currency",
    "charges",
    "outcome",
    "detail",
    "source_urls",
)
COLUMNS = PERSON_COLUMNS + EVENT_COLUMNS


def number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def event_cells(event: model.Event) -> dict[str, str]:
    p = event.penalty
    cells = {
        "event_type": event.type.value,
        "date": str(event.date) if event.date else "",
        "place": event.place or "",
        "authority": event.authority or "",
        "duration_hours": number(event.duration_hours),
        "penalty_kind": p.kind.value if p else "",
        "penalty_currency": (p.currency or "") if p else "",
        "charges": json.dumps([model.charge_to_json(c) for c in event.charges], ensure_ascii=False)
        if event.charges
        else "",
        "outcome": event.outcome.value if event.outcome else "",
        "detail": event.detail or "",
    }
    for unit in PENALTY_UNITS:
        cells[f"penalty_{unit}"] = number(getattr(p, unit)) if p else ""
    return cells


def rows(records: Iterable[Record]) -> Iterator[dict[str, str]]:
    """The table's rows, as dicts keyed by COLUMNS."""
    for r in records:
        person = {
            "person_id": r.id,
            "name": r.person.name,
            "roles": SEP.join(r.person.roles),
            "affiliations": SEP.join(r.affiliations),
            "country": r.country,
            "status": r.status,
        }
        if not r.person.events:
            yield person | dict.fromkeys(EVENT_COLUMNS, "")
            continue
        for i, event in enumerate(r.person.events):
            urls = [u for s in r.sources_of(i) for u in s.urls]
            yield person | event_cells(event) | {"source_urls": SEP.join(dict.fromkeys(urls))}


def split(cell: Any) -> tuple[str, ...]:
    text = "" if cell is None else str(cell)
    return tuple(part.strip() for part in text.split(";") if part.strip())
