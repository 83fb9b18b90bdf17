"""Run the default engine on a short fictional report and look at what it found."""

from __future__ import annotations

import datetime as dt

from habeas.extract.rules import RuleExtractor
from habeas.model import Event, Extraction, Person, Report


def extract(text: str, *, published: str = "2025-03-13", lang: str | None = "en") -> Extraction:
    report = Report(doc_id="t", text=text, published=dt.date.fromisoformat(published), lang=lang)
    return RuleExtractor().extract(report)


def ru(text: str, published: str = "2025-03-13") -> Extraction:
    return extract(text, published=published, lang="ru")


def az(text: str, published: str = "2025-03-13") -> Extraction:
    return extract(text, published=published, lang="az")


def person(result: Extraction, name: str) -> Person:
    for p in result.persons:
        if p.name == name:
            return p
    raise AssertionError(f"{name!r} not among {[p.name for p in result.persons]}")


def names(result: Extraction) -> set[str]:
    return {p.name for p in result.persons}


def types(p: Person) -> list[str]:
    return [e.type.value for e in p.events]


def first(p: Person, etype: str) -> Event:
    for e in p.events:
        if e.type.value == etype:
            return e
    raise AssertionError(f"no {etype} for {p.name}: {types(p)}")
