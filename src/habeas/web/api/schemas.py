"""The API's answer shapes (pydantic, through django-ninja): the export records' JSON form."""

from __future__ import annotations

import datetime as dt

from ninja import Schema
from pydantic import Field


class ChargeOut(Schema):
    label: str | None = None
    article: str | None = None
    code: str | None = None


class PenaltyOut(Schema):
    kind: str
    hours: float | None = None
    days: float | None = None
    months: float | None = None
    years: float | None = None
    amount: float | None = None
    currency: str | None = None


class EventOut(Schema):
    person_id: int
    type: str
    date: str | None = None
    place: str | None = None
    authority: str | None = None
    duration_hours: float | None = None
    penalty: PenaltyOut | None = None
    charges: list[ChargeOut] = Field(default_factory=list)
    outcome: str | None = None
    detail: str | None = None
    sources: list[int] = Field(default_factory=list)


class SourceOut(Schema):
    id: int
    title: str
    published: dt.date | None = None
    publisher: str
    urls: list[str]


class PersonOut(Schema):
    id: int
    name: str
    roles: list[str]
    affiliations: list[str]
    country: str
    status: str
    events: list[EventOut]
    sources: list[SourceOut]


class ListOut(Schema):
    name: str
    description: str
    count: int


class AlertOut(Schema):
    id: int
    person_id: int
    kind: str
    date: str | None = None
    state: str
    message: str
    opened_at: dt.datetime


class Problem(Schema):
    detail: str
