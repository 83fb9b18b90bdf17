"""The extraction contract's types (shared/contract/extraction.md, v1).

Frozen values with no I/O: reports going in, persons and events coming out,
and their JSON forms. Every stage (extract, identity, timeline, the store)
speaks these types.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from operator import attrgetter
from typing import Any, TypeVar

from habeas.errors import ContractError


class EventType(StrEnum):
    PROTEST = "protest"
    DETENTION = "detention"
    RELEASE = "release"
    DISAPPEARANCE = "disappearance"
    CHARGE = "charge"
    PRETRIAL_DETENTION = "pretrial_detention"
    SENTENCE = "sentence"
    APPEAL = "appeal"
    ILL_TREATMENT = "ill_treatment"


class PenaltyKind(StrEnum):
    ADMINISTRATIVE_DETENTION = "administrative_detention"
    PRISON = "prison"
    PRETRIAL_DETENTION = "pretrial_detention"
    FINE = "fine"
    COMMUNITY_SERVICE = "community_service"
    RESTRICTED_FREEDOM = "restricted_freedom"
    SUSPENDED_SENTENCE = "suspended_sentence"
    HOUSE_ARREST = "house_arrest"


class LegalCode(StrEnum):
    ADMINISTRATIVE = "CAO"  # a code of administrative offences
    CRIMINAL = "CC"  # a criminal code


class AppealOutcome(StrEnum):
    UPHELD = "upheld"
    OVERTURNED = "overturned"
    REDUCED = "reduced"


E = TypeVar("E", bound=StrEnum)

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year ("2025-03-08", "2025-03", "2025")."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ContractError("a date with a day must have a month")
        # Validates the calendar (no 31 April) for whatever precision is given.
        dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        m = _PARTIAL_DATE.match(text.strip())
        if not m:
            raise ContractError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in m.groups())
        assert year is not None
        try:
            return cls(year, month, day)
        except ValueError as exc:
            raise ContractError(f"{text!r} is not a real calendar date") from exc

    @classmethod
    def of(cls, day: dt.date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def earliest(self) -> dt.date:
        """The first calendar day this date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def as_date(self) -> dt.date | None:
        """The calendar day, when the date is known to the day."""
        return self.earliest() if self.day else None

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class Penalty:
    kind: PenaltyKind
    hours: float | None = None
    days: float | None = None
    months: float | None = None
    years: float | None = None
    amount: float | None = None
    currency: str | None = None

    def length_days(self) -> float | None:
        """The term in days (month = 30, year = 365), as the contract's scorer counts it."""
        for value, per in ((self.years, 365.0), (self.months, 30.0), (self.days, 1.0)):
            if value is not None:
                return value * per
        return self.hours / 24.0 if self.hours is not None else None


@dataclass(frozen=True, slots=True)
class Charge:
    label: str | None = None
    article: str | None = None
    code: LegalCode | None = None


@dataclass(frozen=True, slots=True)
class Event:
    type: EventType
    date: PartialDate | None = None
    place: str | None = None
    authority: str | None = None
    duration_hours: float | None = None
    penalty: Penalty | None = None
    charges: tuple[Charge, ...] = ()
    outcome: AppealOutcome | None = None
    detail: str | None = None
    evidence: tuple[int, int] | None = None
    #: the engines that found this event, when more than one engine was asked
    #: (the combined engine): ("rules.v1", "llm.v1:MODEL") means both agree
    found_by: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    roles: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    """A report as the extractor reads it: text plus what is known about it."""

    doc_id: str
    text: str
    published: dt.date | None = None
    lang: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """What an extractor found in one report, and which engine found it."""

    doc_id: str
    persons: tuple[Person, ...] = ()
    engine: str | None = None
    lang: str | None = None
    warnings: tuple[str, ...] = field(default=())


def _pickled_as_tuples(cls: type) -> None:
    """Give a frozen, slotted dataclass a pickled state that is a plain tuple.

    The state dataclasses give such classes calls fields() on every value,
    pickled or unpickled: handing a worker's extractions back to the parent
    took a tenth of the extraction's own time, most of it there. The same
    fields in declaration order, read and set without that lookup, are the
    same values at a fraction of the cost.
    """
    names = tuple(f.name for f in fields(cls))
    read = attrgetter(*names)
    setter = object.__setattr__  # frozen: the dataclass forbids the usual setattr

    def getstate(self: Any) -> tuple[Any, ...]:
        state = read(self)
        return state if len(names) > 1 else (state,)

    def setstate(self: Any, state: tuple[Any, ...]) -> None:
        for name, value in zip(names, state, strict=True):
            setter(self, name, value)

    setattr(cls, "__getstate__", getstate)  # noqa: B010  (mypy: object's own signature)
    setattr(cls, "__setstate__", setstate)  # noqa: B010


for _cls in (PartialDate, Penalty, Charge, Event, Person, Report, Extraction):
    _pickled_as_tuples(_cls)


# ---------------------------------------------------------------- JSON forms


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def penalty_to_json(p: Penalty) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": p.kind.value}
    for key in ("hours", "days", "months", "years", "amount"):
        value = getattr(p, key)
        if value is not None:
            out[key] = _number(value)
    if p.currency:
        out["currency"] = p.currency
    return out


def charge_to_json(c: Charge) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if c.label:
        out["label"] = c.label
    if c.article:
        out["article"] = c.article
    if c.code:
        out["code"] = c.code.value
    return out


def event_to_json(e: Event) -> dict[str, Any]:
    out: dict[str, Any] = {"type": e.type.value}
    if e.date is not None:
        out["date"] = str(e.date)
    for key in ("place", "authority", "detail"):
        value = getattr(e, key)
        if value:
            out[key] = value
    if e.duration_hours is not None:
        out["duration_hours"] = _number(e.duration_hours)
    if e.penalty is not None:
        out["penalty"] = penalty_to_json(e.penalty)
    if e.charges:
        out["charges"] = [charge_to_json(c) for c in e.charges]
    if e.outcome is not None:
        out["outcome"] = e.outcome.value
    if e.evidence is not None:
        out["evidence"] = list(e.evidence)
    if e.found_by:
        out["found_by"] = list(e.found_by)
    return out


def person_to_json(p: Person) -> dict[str, Any]:
    return {
        "name": p.name,
        "roles": list(p.roles),
        "events": [event_to_json(e) for e in p.events],
    }


def extraction_to_json(x: Extraction) -> dict[str, Any]:
    out: dict[str, Any] = {"doc_id": x.doc_id, "persons": [person_to_json(p) for p in x.persons]}
    if x.engine:
        out["engine"] = x.engine
    if x.lang:
        out["lang"] = x.lang
    return out


def _opt_str(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ContractError(f"field {key!r} must be a string, not {type(value).__name__}")
    return value


def _opt_float(obj: Mapping[str, Any], key: str) -> float | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ContractError(f"field {key!r} must be a number, not {type(value).__name__}")
    return float(value)


def _enum(cls: type[E], value: Any, what: str) -> E:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in cls)
        raise ContractError(f"{what} {value!r} is not one of: {allowed}") from None


def penalty_from_json(obj: Mapping[str, Any]) -> Penalty:
    if not isinstance(obj, Mapping):
        raise ContractError("a penalty must be an object")
    return Penalty(
        kind=_enum(PenaltyKind, obj.get("kind"), "penalty kind"),
        hours=_opt_float(obj, "hours"),
        days=_opt_float(obj, "days"),
        months=_opt_float(obj, "months"),
        years=_opt_float(obj, "years"),
        amount=_opt_float(obj, "amount"),
        currency=_opt_str(obj, "currency"),
    )


def charge_from_json(obj: Mapping[str, Any]) -> Charge:
    if not isinstance(obj, Mapping):
        raise ContractError("a charge must be an object")
    code = obj.get("code")
    return Charge(
        label=_opt_str(obj, "label"),
        article=_opt_str(obj, "article"),
        code=_enum(LegalCode, code, "legal code") if code is not None else None,
    )


def event_from_json(obj: Mapping[str, Any]) -> Event:
    if not isinstance(obj, Mapping):
        raise ContractError("an event must be an object")
    date = _opt_str(obj, "date")
    penalty = obj.get("penalty")
    outcome = obj.get("outcome")
    evidence = obj.get("evidence")
    if evidence is not None and not (
        isinstance(evidence, list)
        and len(evidence) == 2
        and all(isinstance(i, int) and not isinstance(i, bool) for i in evidence)
    ):
        raise ContractError("evidence must be a [start, end] pair of integers")
    charges = obj.get("charges") or []
    if not isinstance(charges, list):
        raise ContractError("charges must be a list")
    found_by = obj.get("found_by") or []
    if not isinstance(found_by, list) or not all(isinstance(f, str) for f in found_by):
        raise ContractError("found_by must be a list of engine names")
    return Event(
        type=_enum(EventType, obj.get("type"), "event type"),
        date=PartialDate.parse(date) if date else None,
        place=_opt_str(obj, "place"),
        authority=_opt_str(obj, "authority"),
        duration_hours=_opt_float(obj, "duration_hours"),
        penalty=penalty_from_json(penalty) if penalty is not None else None,
        charges=tuple(charge_from_json(c) for c in charges),
        outcome=_enum(AppealOutcome, outcome, "appeal outcome") if outcome is not None else None,
        detail=_opt_str(obj, "detail"),
        evidence=(evidence[0], evidence[1]) if evidence is not None else None,
        found_by=tuple(found_by),
    )


def person_from_json(obj: Mapping[str, Any]) -> Person:
    if not isinstance(obj, Mapping):
        raise ContractError("a person must be a JSON object")
    name = obj.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ContractError("a person needs a non-empty string 'name'")
    roles = obj.get("roles") or []
    events = obj.get("events") or []
    if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
        raise ContractError("roles must be a list of strings")
    if not isinstance(events, list):
        raise ContractError("events must be a list")
    return Person(
        name=name.strip(),
        roles=tuple(roles),
        events=tuple(event_from_json(e) for e in events),
    )


def report_from_json(obj: Mapping[str, Any], *, default_id: str = "report") -> Report:
    """A report in the contract's input form; `published` is ISO 8601."""
    if not isinstance(obj, Mapping):
        raise ContractError("a report must be a JSON object")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ContractError("a report needs a string field 'text'")
    published = _opt_str(obj, "published")
    return Report(
        doc_id=_opt_str(obj, "doc_id") or default_id,
        text=text,
        published=parse_iso_day(published) if published else None,
        lang=_opt_str(obj, "lang"),
        url=_opt_str(obj, "url"),
        title=_opt_str(obj, "title"),
    )


def parse_iso_day(text: str) -> dt.date:
    """The calendar day of an ISO 8601 date or timestamp ("2025-03-13", "2025-03-13T09:00Z")."""
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise ContractError(f"{text!r} is not an ISO 8601 date (YYYY-MM-DD)") from None
