"""A small, fixed extractor for the web tests: it knows a few invented people by name.

The rule engine keeps improving, so the web tests do not pin its output; this
implements the same Extractor protocol with plain regular expressions.
"""

from __future__ import annotations

import datetime as dt
import re

from habeas.model import (
    Charge,
    Event,
    EventType,
    Extraction,
    PartialDate,
    Penalty,
    PenaltyKind,
    Person,
    Report,
)

NAMES = ("Zaur Qasimli", "Rena Abbasova", "Samir Guliyev", "Ilaha Mirzayeva", "Тимур Мамедов")
_FORMS = {form: name for name in NAMES for form in (name, name.split()[1])}
_FORMS["Тимура Мамедова"] = "Тимур Мамедов"
_NAME = re.compile("|".join(re.escape(f) for f in sorted(_FORMS, key=len, reverse=True)))
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_DATE = re.compile(
    r"\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|"
    r"October|November|December) (\d{4})\b"
)
_ROLE = re.compile(r"\b(activist|journalist|blogger|активиста)\s+$")
_COURT = re.compile(r"\b([A-Z]\w+ District Court)\b")
_DAYS = re.compile(r"\b(\d+) days of administrative detention\b")
_TRIGGERS = (
    (re.compile(r"\b(detained|задержала)\b"), EventType.DETENTION),
    (re.compile(r"\breleased\b"), EventType.RELEASE),
    (re.compile(r"\bwhereabouts are unknown\b"), EventType.DISAPPEARANCE),
    (re.compile(r"\bsentenced\b"), EventType.SENTENCE),
)


def _date(sentence: str) -> PartialDate | None:
    m = _DATE.search(sentence)
    if m is None:
        return None
    month = dt.datetime.strptime(m.group(2), "%B").month
    return PartialDate(int(m.group(3)), month, int(m.group(1)))


def _event(
    kind: EventType, sentence: str, span: tuple[int, int], last: PartialDate | None
) -> Event:
    court = _COURT.search(sentence)
    days = _DAYS.search(sentence)
    return Event(
        type=kind,
        date=_date(sentence) or (last if kind is EventType.DISAPPEARANCE else None),
        authority=court.group(1) if court else None,
        penalty=Penalty(PenaltyKind.ADMINISTRATIVE_DETENTION, days=float(days.group(1)))
        if days and kind is EventType.SENTENCE
        else None,
        charges=(Charge(label="petty hooliganism"),)
        if "petty hooliganism" in sentence and kind is EventType.SENTENCE
        else (),
        evidence=span,
    )


class WebTestExtractor:
    version = "test.web.v1"

    def extract(self, report: Report) -> Extraction:
        events: dict[str, list[Event]] = {}
        roles: dict[str, tuple[str, ...]] = {}
        last: PartialDate | None = None
        current: str | None = None
        for m in _SENTENCE.finditer(report.text):
            sentence = m.group()
            found = [(_FORMS[n.group()], n.start()) for n in _NAME.finditer(sentence)]
            if found:
                current = found[0][0]
                role = _ROLE.search(sentence[: found[0][1]])
                if role:
                    roles[current] = (
                        "activist" if role.group(1) == "активиста" else role.group(1),
                    )
            elif not re.search(r"\b(her|his|she|he)\b", sentence):
                continue
            if current is None:
                continue
            for trigger, kind in _TRIGGERS:
                if trigger.search(sentence):
                    event = _event(kind, sentence, (m.start(), m.end()), last)
                    events.setdefault(current, []).append(event)
                    last = event.date or last
        persons = tuple(
            Person(name=n, roles=roles.get(n, ()), events=tuple(e)) for n, e in events.items()
        )
        return Extraction(doc_id=report.doc_id, persons=persons, engine=self.version)
