"""A small real extractor for the store's tests: it knows three invented people by name.

It implements the Extractor protocol with regular expressions, so the store
can be tested end to end while the rule engine is being written.
"""

from __future__ import annotations

import re

from habeas.model import Event, EventType, Extraction, Person, Report

NAMES = ("Nadira Velikhanli", "Ruslan Ostapchuk", "Лейла Тарханова")
_NAME = re.compile("|".join(re.escape(n) for n in NAMES))
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
_TRIGGERS = (
    (re.compile(r"\b(detained|arrested|задержан[аы]?)\b", re.I), EventType.DETENTION),
    (re.compile(r"\b(released|освобожден[аы]?)\b", re.I), EventType.RELEASE),
)


class FixedNameExtractor:
    version = "test.fixed-names.v1"

    def extract(self, report: Report) -> Extraction:
        events: dict[str, list[Event]] = {}
        for sentence in _SENTENCE.finditer(report.text):
            names = _NAME.findall(sentence.group())
            for name in names:
                found = events.setdefault(name, [])
                for trigger, kind in _TRIGGERS:
                    if trigger.search(sentence.group()):
                        found.append(Event(type=kind, evidence=(sentence.start(), sentence.end())))
        persons = tuple(Person(name=n, events=tuple(e)) for n, e in events.items() if e)
        return Extraction(doc_id=report.doc_id, persons=persons, engine=self.version)


class FailingExtractor:
    """Fails the way a buggy engine would, to show that nothing half-done is stored."""

    version = "test.failing.v1"

    def extract(self, report: Report) -> Extraction:
        raise RuntimeError("the engine broke")


class OutOfRangeExtractor:
    """Returns a good first person and a second whose evidence points past the text."""

    version = "test.out-of-range.v1"

    def extract(self, report: Report) -> Extraction:
        good = Person(name=NAMES[0], events=(Event(type=EventType.DETENTION, evidence=(0, 5)),))
        end = len(report.text) + 10
        bad = Person(name=NAMES[1], events=(Event(type=EventType.RELEASE, evidence=(0, end)),))
        return Extraction(doc_id=report.doc_id, persons=(good, bad), engine=self.version)
