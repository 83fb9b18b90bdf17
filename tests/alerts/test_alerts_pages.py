"""The alerts page, acknowledging, the badge and the support page, through real HTTP requests."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from alerts_support import HELD_30_DAYS, person_with

D = dt.date.fromisoformat


@pytest.fixture
def overdue() -> Any:
    from habeas.web.alerts.services import refresh_person

    person = person_with("Tamar Velkova", HELD_30_DAYS)
    (alert,) = refresh_person(person, today=D("2025-04-10"))
    return alert


def _client(user: Any, *, csrf: bool = False) -> Any:
    from django.test import Client

    client = Client(enforce_csrf_checks=csrf, HTTP_HOST="localhost")
    client.force_login(user)
    return client


def test_the_page_lists_open_alerts_and_only_editors_get_the_button(
    overdue: Any, alice: Any, bob: Any
) -> None:
    page = _client(bob).get("/alerts/").content.decode()
    assert "Tamar Velkova" in page and "Release was due on 2025-04-09" in page
    assert "Acknowledge" not in page
    assert "Acknowledge" in _client(alice).get("/alerts/").content.decode()


def test_acknowledging_records_who_and_when(overdue: Any, alice: Any) -> None:
    from habeas.web.alerts.models import Alert

    response = _client(alice).post(f"/alerts/{overdue.pk}/acknowledge/")
    assert response.status_code == 302
    alert = Alert.objects.get(pk=overdue.pk)
    assert (alert.state, alert.acknowledged_by) == ("acknowledged", alice)
    assert alert.acknowledged_at is not None
    page = _client(alice).get("/alerts/").content.decode()
    assert "No open alerts." in page and ">alice<" in page


def test_acknowledging_needs_post_csrf_and_the_editor_role(
    overdue: Any, alice: Any, bob: Any
) -> None:
    from habeas.web.alerts.models import Alert

    url = f"/alerts/{overdue.pk}/acknowledge/"
    assert _client(alice).get(url).status_code == 405
    assert _client(alice, csrf=True).post(url).status_code == 403  # no CSRF token
    assert _client(bob).post(url).status_code == 403  # a viewer
    assert Alert.objects.get(pk=overdue.pk).state == "open"


@pytest.mark.parametrize("who", ["anonymous", "charlie"])
def test_no_role_no_alerts(overdue: Any, charlie: Any, who: str) -> None:
    from django.test import Client

    client = Client(HTTP_HOST="localhost") if who == "anonymous" else _client(charlie)
    response = client.get("/alerts/")
    assert response.status_code in (302, 403)
    assert b"Tamar Velkova" not in response.content


def test_the_badge_counts_the_open_alerts_a_user_may_see(
    overdue: Any, alice: Any, bob: Any, charlie: Any
) -> None:
    from django.template import Context, Template
    from django.test import RequestFactory

    from habeas.web.alerts.rules import SupportKind, SupportStatus
    from habeas.web.alerts.services import record_support, refresh_person

    record_support(
        overdue.person,
        kind=SupportKind.LAWYER,
        status=SupportStatus.REFUSED,
        user=alice,
        date=D("2025-04-10"),
    )
    refresh_person(overdue.person, today=D("2025-04-10"))
    template = Template("{% load alerts_badge %}[{% open_alert_count %}]")

    def badge(user: Any) -> str:
        request = RequestFactory().get("/")
        request.user = user
        return str(template.render(Context({"request": request})))

    assert (badge(alice), badge(bob), badge(charlie)) == ("[2]", "[1]", "[0]")


def test_confidential_support_is_hidden_from_viewers(alice: Any, bob: Any) -> None:
    person = person_with("Oren Laskaris", [{"type": "detention", "date": "2025-03-10"}])
    url = f"/alerts/person/{person.pk}/support/"
    response = _client(alice).post(
        url,
        {
            "kind": "parcel",
            "status": "delivered",
            "date": "2025-03-12",
            "note": "warm clothes, planted-secret-4410",
            "confidential": "on",
        },
    )
    assert response.status_code == 302
    _client(alice).post(url, {"kind": "letter", "status": "sent", "note": "open letter sent"})
    assert "planted-secret-4410" in _client(alice).get(url).content.decode()
    seen_by_bob = _client(bob).get(url).content.decode()
    assert "planted-secret-4410" not in seen_by_bob
    assert "open letter sent" in seen_by_bob
    assert _client(bob).post(url, {"kind": "letter", "status": "sent"}).status_code == 403


def test_a_status_that_does_not_fit_is_refused_in_one_sentence(alice: Any) -> None:
    from habeas.web.alerts.models import SupportAction

    person = person_with("Oren Laskaris", [])
    response = _client(alice).post(
        f"/alerts/person/{person.pk}/support/", {"kind": "lawyer", "status": "delivered"}
    )
    assert response.status_code == 200
    assert "A lawyer action can be assigned, granted, refused, not delivered." in (
        response.content.decode()
    )
    assert SupportAction.objects.count() == 0


def test_open_alerts_are_paged_in_a_fixed_number_of_queries(alice: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from habeas.web.alerts.models import Alert
    from habeas.web.store.models import Person

    def add(first: int, n: int) -> None:
        for i in range(first, first + n):
            person = Person.objects.create(display_name=f"Ilka Varden {i:03d}")
            Alert.objects.create(
                person=person,
                key=f"overdue-{i}",
                kind="OVERDUE_RELEASE",
                date_text=f"2026-01-{1 + i % 28:02d}",
                message=f"release overdue {i:03d}",
                opened_at=timezone.now(),
            )

    client = _client(alice)

    def read(path: str) -> tuple[int, str]:
        client.get(path)
        with CaptureQueriesContext(connection) as seen:
            response = client.get(path)
        assert response.status_code == 200
        return len(seen), response.content.decode()

    add(0, 3)
    few, _ = read("/alerts/")
    add(3, 102)
    many, first = read("/alerts/")
    assert many == few
    assert "Open (105)" in first and first.count("release overdue") == 100
    assert "page 1 of 2" in first
    _, second = read("/alerts/?page=2")
    assert second.count("release overdue") == 5
