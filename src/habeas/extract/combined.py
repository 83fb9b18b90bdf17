"""Rules and a language model together: what both find is marked as agreed.

Each event carries `found_by`, the engines that found it. An event both
engines found for the same person (same type, and the same date where both
give one) is kept once, with the fields of the rules (their evidence is
exact) completed by the model's, and `found_by` naming both. Everything else
stays a suggestion marked with the one engine that made it, so a reviewer
knows which facts two independent readings share.
"""

from __future__ import annotations

from dataclasses import fields, replace

from habeas.evaluate.folding import FoldedName, agreement
from habeas.extract.engine import Extractor
from habeas.model import Event, Extraction, Person, Report

ENGINE = "combined.v1"

# The name tiers of the contract's scorer that mean "the same person in one report":
# the same words in any order or script, or one name a part of the other.
_SAME_PERSON = 1


def _same_event(a: Event, b: Event) -> bool:
    if a.type is not b.type:
        return False
    return a.date is None or b.date is None or a.date == b.date


def _completed(base: Event, other: Event) -> Event:
    # Fields the base engine left empty are taken from the other; evidence stays the base's.
    changes = {}
    for f in fields(Event):
        if f.name in ("evidence", "found_by"):
            continue
        if getattr(base, f.name) in (None, ()) and getattr(other, f.name) not in (None, ()):
            changes[f.name] = getattr(other, f.name)
    return replace(base, **changes) if changes else base


def combine(
    first: Extraction, second: Extraction, *, doc_id: str, names: tuple[str, str]
) -> Extraction:
    """One extraction from two; `first` (the rules) wins where both give a field."""
    a_name, b_name = names
    persons: list[Person] = []
    unused = list(second.persons)
    for person in first.persons:
        folded = FoldedName.of(person.name)
        partner = next(
            (p for p in unused if agreement(folded, FoldedName.of(p.name)) >= _SAME_PERSON), None
        )
        other_events = list(partner.events) if partner else []
        if partner is not None:
            unused.remove(partner)
        events: list[Event] = []
        for event in person.events:
            twin = next((e for e in other_events if _same_event(event, e)), None)
            if twin is None:
                events.append(replace(event, found_by=(a_name,)))
                continue
            other_events.remove(twin)
            events.append(replace(_completed(event, twin), found_by=(a_name, b_name)))
        events += [replace(e, found_by=(b_name,)) for e in other_events]
        roles = tuple(dict.fromkeys((*person.roles, *(partner.roles if partner else ()))))
        # The fuller of the two spellings, as the contract asks for the fullest form.
        name = person.name
        if partner is not None and len(partner.name.split()) > len(name.split()):
            name = partner.name
        persons.append(Person(name=name, roles=roles, events=tuple(events)))
    for person in unused:
        persons.append(
            replace(person, events=tuple(replace(e, found_by=(b_name,)) for e in person.events))
        )
    return Extraction(
        doc_id=doc_id,
        persons=tuple(persons),
        engine=ENGINE,
        lang=first.lang or second.lang,
        warnings=(*first.warnings, *second.warnings),
    )


class CombinedExtractor:
    """Runs the rules and a second engine (a language model) and merges what they find."""

    def __init__(self, rules: Extractor, other: Extractor) -> None:
        self.rules = rules
        self.other = other
        self.version = f"{ENGINE}[{rules.version}+{other.version}]"[:64]

    def extract(self, report: Report) -> Extraction:
        first = self.rules.extract(report)
        second = self.other.extract(report)
        if second.engine != self.other.version:
            # The model fell back to the rules: there is no second reading to agree with.
            warnings = tuple(dict.fromkeys((*first.warnings, *second.warnings)))
            return replace(first, engine=self.rules.version, warnings=warnings)
        return combine(
            first, second, doc_id=report.doc_id, names=(self.rules.version, self.other.version)
        )
