"""A case store with a unique secret planted in every confidential place, for the leak tests.

Zaur Qasimli is published (roles and country, not affiliations) with one public
report and his confirmed events published, except a planted ill-treatment event.
Rena Abbasova is not published at all. Every SECRET value must stay out of every
public page, feed, export and API answer. All people are invented.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from web_support import held_story, store, user

SECRETS = {
    "health": "SECRET-HEALTH-q81",
    "contacts": "SECRET-CONTACTS-w27",
    "lawyer": "SECRET-LAWYER-e55",
    "private_notes": "SECRET-NOTES-r90",
    "support_note": "SECRET-SUPPORT-t13",
    "unpublished_event": "SECRET-EVENT-y64",
    "unpublished_source": "SECRET-SOURCE-u38",
    "unpublished_url": "secret-source-i71.example",
    "unpublished_person": "Rena Abbasova",
    "unpublished_field": "SECRET-AFFILIATION-o42",
    "reviewer": "reviewer-p99",
}


@pytest.fixture(autouse=True)
def encryption_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A data key for the confidential fields (import this fixture into a test module)."""
    from habeas.crypto import generate_key

    monkeypatch.setenv("HABEAS_ENCRYPTION_KEYS", generate_key())
    yield


@dataclass(frozen=True)
class Planted:
    public_id: int
    private_id: int
    public_report_id: int
    private_report_id: int


def plant() -> Planted:
    from habeas.web.accounts.roles import Role
    from habeas.web.accounts.users import create_user
    from habeas.web.alerts.models import SupportAction
    from habeas.web.public import publishing
    from habeas.web.store import services
    from habeas.web.store.models import Event, EventStatus, Person, Report, Source
    from habeas.web.store.versions import edit_person

    reviewer = create_user(SECRETS["reviewer"], role=Role.EDITOR, password="a-long-test-pass-9")
    bob = user("bob")
    public_report = store(held_story("Zaur Qasimli", "Qasimli"), name="public.txt")
    private_report = store(
        held_story("Zaur Qasimli", "Qasimli", days_ago=9, court="Yasamal")
        + held_story("Rena Abbasova", "Abbasova"),
        name="private.txt",
    )
    Report.objects.filter(pk=public_report.report_id).update(
        title="Activist detained in Baku", publisher="Fictional News"
    )
    Source.objects.filter(report_id=public_report.report_id).update(
        url="https://news.example/zaur-qasimli"
    )
    Report.objects.filter(pk=private_report.report_id).update(title=SECRETS["unpublished_source"])
    Source.objects.filter(report_id=private_report.report_id).update(
        url=f"https://{SECRETS['unpublished_url']}/story"
    )
    for event in Event.objects.all():
        services.set_event_status(event, EventStatus.CONFIRMED, user=reviewer, why="checked")
    # The second report's Zaur is a second, unpublished file (no merge was decided).
    zaur = Person.objects.filter(name_forms__report_id=public_report.report_id).get(
        display_name="Zaur Qasimli"
    )
    rena = Person.objects.get(display_name="Rena Abbasova")
    edit_person(zaur, {"affiliations": [SECRETS["unpublished_field"]]}, user=bob, why="test")
    secret_event = Event.objects.create(
        person=zaur,
        type="ill_treatment",
        date_text="2025-01-02",
        detail=SECRETS["unpublished_event"],
        authority=SECRETS["unpublished_event"],
        status=EventStatus.CONFIRMED,
        made_by_user=reviewer,
    )
    publishing.set_confidential(
        zaur,
        user=bob,
        health=SECRETS["health"],
        contacts=SECRETS["contacts"],
        lawyer=SECRETS["lawyer"],
        private_notes=SECRETS["private_notes"],
    )
    publishing.set_confidential(rena, user=bob, health=SECRETS["health"])
    SupportAction.objects.create(
        person=zaur,
        kind="lawyer",
        status="refused",
        note=SECRETS["support_note"],
        created_by=reviewer,
    )
    publishing.set_person_public(
        zaur, True, user=reviewer, fields=["roles", "country"], country="az"
    )
    # Rena's events are published, but she is not: none of it may show.
    for event in Event.objects.exclude(pk=secret_event.pk):
        publishing.set_event_public(event, True, user=reviewer)
    report = Report.objects.get(pk=public_report.report_id)
    publishing.set_report_public(report, True, user=reviewer)
    return Planted(zaur.pk, rena.pk, public_report.report_id, private_report.report_id)


def leaks(text: str) -> list[str]:
    """The planted secrets found in `text`."""
    return [name for name, value in SECRETS.items() if value.lower() in text.lower()]


def body(response: Any) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return str(content.decode("utf-8"))
