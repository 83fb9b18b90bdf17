"""Russian report shapes met on real pages, each on invented sentences.

Every person here is invented; the sentences were written for these tests.
"""

from __future__ import annotations

from habeas.model import EventType, Extraction, Person

from .helpers import extract as extract_in
from .helpers import person

PUBLISHED = "2025-03-14"  # a Friday


def extract(text: str) -> Extraction:
    return extract_in(text, published=PUBLISHED, lang="ru")


def dates_of(p: Person, etype: EventType) -> list[str | None]:
    return [str(e.date) if e.date else None for e in p.events if e.type is etype]


def test_a_short_sentence_with_an_event_is_not_a_dateline() -> None:
    x = extract("Блогер Пётр Сидоренко осуждён на пять лет. Сидоренко задержали 3 мая 2024 года.")
    assert dates_of(person(x, "Пётр Сидоренко"), EventType.DETENTION) == ["2024-05-03"]
