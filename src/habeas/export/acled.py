"""An event table with ACLED-style columns, for researchers who already work with ACLED data.

Only the column names and codings are ACLED's (time_precision 1 day / 2 month / 3 year;
event types and sub-types from its codebook); the data are habeas's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from habeas.export.records import Record
from habeas.model import EventType

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "location",
    "source",
    "notes",
    "fatalities",
)

_CODES: dict[EventType, tuple[str, str, str]] = {
    # habeas type: (disorder_type, event_type, sub_event_type)
    EventType.PROTEST: ("Demonstrations", "Protests", "Peaceful protest"),
    EventType.DETENTION: ("Strategic developments", "Strategic developments", "Arrests"),
    EventType.PRETRIAL_DETENTION: ("Strategic developments", "Strategic developments", "Arrests"),
    EventType.CHARGE: ("Strategic developments", "Strategic developments", "Other"),
    EventType.SENTENCE: ("Strategic developments", "Strategic developments", "Other"),
    EventType.APPEAL: ("Strategic developments", "Strategic developments", "Other"),
    EventType.RELEASE: ("Strategic developments", "Strategic developments", "Other"),
    EventType.DISAPPEARANCE: (
        "Political violence",
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
    EventType.ILL_TREATMENT: ("Political violence", "Violence against civilians", "Attack"),
}


def rows(records: Iterable[Record]) -> Iterator[dict[str, str]]:
    for r in records:
        for i, event in enumerate(r.person.events):
            disorder, kind, sub = _CODES[event.type]
            date = event.date
            precision = (
                "" if date is None else {"day": "1", "month": "2", "year": "3"}[date.precision]
            )
            sources = r.sources_of(i)
            notes = f"{event.type.value}: {r.person.name}"
            if event.detail:
                notes += f". {event.detail}"
            yield {
                "event_id_cnty": f"{(r.country or 'XX').upper()}{r.id}-{i + 1}",
                "event_date": str(date.earliest()) if date else "",
                "year": str(date.year) if date else "",
                "time_precision": precision,
                "disorder_type": disorder,
                "event_type": kind,
                "sub_event_type": sub,
                "actor1": event.authority or "",
                "actor2": r.person.name,
                "country": r.country,
                "location": event.place or "",
                "source": "; ".join(
                    s.publisher or s.title for s in sources if s.publisher or s.title
                ),
                "notes": notes,
                "fatalities": "0",
            }
