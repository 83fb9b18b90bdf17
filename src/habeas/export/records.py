"""What an export is made from: a contract Person plus what a case file adds to it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from habeas import model


@dataclass(frozen=True, slots=True)
class Source:
    """A source report: its id, title, publication date, publisher and the URLs it came from."""

    id: str
    title: str = ""
    published: dt.date | None = None
    publisher: str = ""
    urls: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Record:
    """One person's exportable case file.

    `event_sources[i]` holds the ids of the sources of `person.events[i]`.
    """

    id: str
    person: model.Person
    country: str = ""
    affiliations: tuple[str, ...] = ()
    status: str = ""
    sources: tuple[Source, ...] = ()
    event_sources: tuple[tuple[str, ...], ...] = ()

    def sources_of(self, index: int) -> tuple[Source, ...]:
        if index >= len(self.event_sources):
            return ()
        by_id = {s.id: s for s in self.sources}
        return tuple(by_id[i] for i in self.event_sources[index] if i in by_id)
