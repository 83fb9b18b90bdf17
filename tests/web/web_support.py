"""Helpers for the web app's tests: the cast of users and fictional reports, dated from today."""

from __future__ import annotations

import datetime as dt
from typing import Any

PASSWORD = "a-long-test-passphrase-1"
CAST = {"alice": "admin", "bob": "editor", "carol": "viewer", "dave": None}


def user(name: str) -> Any:
    """Cast member `name` (alice admin, bob editor, carol viewer, dave no role), made once."""
    from django.contrib.auth.models import User

    from habeas.web.accounts.roles import Role
    from habeas.web.accounts.users import create_user

    found = User.objects.filter(username=name).first()
    if found is not None:
        return found
    role = CAST[name]
    if role is None:
        return User.objects.create_user(username=name, password=PASSWORD)
    return create_user(name, role=Role(role), password=PASSWORD)


def client_for(name: str) -> Any:
    from django.test import Client

    client = Client()
    client.force_login(user(name))
    return client


def day(days_ago: int) -> dt.date:
    return dt.date.today() - dt.timedelta(days=days_ago)


def words(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def held_story(name: str, surname: str, *, days_ago: int = 5, court: str = "Sabail") -> str:
    """A report (in English, all invented) of a detention and a 30-day sentence `days_ago`."""
    return (
        f"Police in Baku detained activist {name} on {words(day(days_ago))}. "
        f"On {words(day(days_ago - 1))} the {court} District Court sentenced {surname} to "
        "30 days of administrative detention for petty hooliganism.\n"
    )


def store(text: str, *, name: str = "test.txt", days_ago: int = 1, lang: str = "en") -> Any:
    """Capture `text` through the store's service; the IngestResult."""
    from habeas.web.store import services

    return services.ingest_text(text, name=name, published=day(days_ago), lang=lang)


def confirm_all(report_id: int, *, by: str = "bob") -> None:
    """Confirm every suggestion of a report, as editor `by`."""
    from habeas.web.store import services
    from habeas.web.store.models import Event, EventStatus

    for event in Event.objects.filter(evidence__report_id=report_id).distinct():
        services.set_event_status(event, EventStatus.CONFIRMED, user=user(by), why="test")
