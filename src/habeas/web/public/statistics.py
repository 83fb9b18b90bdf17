"""Counts for the public statistics page, from public projections only.

Each chart counts two things, labelled apart: events (a person detained twice
counts twice) and persons (counted once per bar).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from habeas import model
from habeas.web.public.view import PublicPerson

_DETAINING = (model.EventType.DETENTION, model.EventType.PRETRIAL_DETENTION)
# (upper bound in days, label); the last bucket has no bound.
_LENGTHS = ((15, "up to 15 days"), (30, "16–30 days"), (365, "1–12 months"), (1825, "1–5 years"))


def length_bucket(days: float) -> str:
    for bound, label in _LENGTHS:
        if days <= bound:
            return label
    return "over 5 years"


def _chart(
    persons: Iterable[PublicPerson],
    keys: Callable[[model.Event], Iterable[str]],
    *,
    order: Callable[[list[str]], list[str]] = sorted,
) -> dict[str, Any]:
    events: dict[str, int] = defaultdict(int)
    people: dict[str, set[int]] = defaultdict(set)
    for p in persons:
        for e in p.events:
            for key in keys(e.event):
                events[key] += 1
                people[key].add(p.id)
    labels = order(list(events))
    return {
        "labels": labels,
        "events": [events[k] for k in labels],
        "persons": [len(people[k]) for k in labels],
    }


def _month(e: model.Event) -> list[str]:
    if e.type in _DETAINING and e.date is not None and e.date.month is not None:
        return [f"{e.date.year:04d}-{e.date.month:02d}"]
    return []


def _authority(e: model.Event) -> list[str]:
    counted = (*_DETAINING, model.EventType.SENTENCE)
    return [e.authority] if e.type in counted and e.authority else []


def _article(e: model.Event) -> list[str]:
    return [" ".join(x for x in (c.code, c.article) if x) for c in e.charges if c.article]


def _length(e: model.Event) -> list[str]:
    days = e.penalty.length_days() if e.penalty is not None else None
    return [length_bucket(days)] if days is not None else []


def statistics(persons: list[PublicPerson]) -> dict[str, Any]:
    """The four charts plus totals, as JSON-ready dicts."""
    by_length = [label for _, label in _LENGTHS] + ["over 5 years"]
    charts = {
        "per_month": _chart(persons, _month),
        "by_authority": _ranked(_chart(persons, _authority)),
        "by_article": _ranked(_chart(persons, _article)),
        "by_length": _chart(persons, _length, order=lambda ls: [b for b in by_length if b in ls]),
    }
    return {
        "persons": len(persons),
        "held": sum(1 for p in persons if p.held),
        "events": sum(len(p.events) for p in persons),
        "charts": charts,
    }


def _ranked(chart: dict[str, Any], *, top: int = 15) -> dict[str, Any]:
    labels, counts = chart["labels"], chart["events"]
    order = sorted(range(len(labels)), key=lambda i: (-counts[i], labels[i]))[:top]
    return {k: [chart[k][i] for i in order] for k in ("labels", "events", "persons")}
