"""Following persons, and "alerts for: only persons I follow" in e-mails, webhooks and digests.

The cast adds Dana, a second viewer, so that a reader who follows nobody can be
set beside one who follows someone.
"""

from __future__ import annotations

import datetime as dt
import email
from typing import Any

import pytest
from alerts_support import HELD_30_DAYS, make_user, person_with

D = dt.date.fromisoformat


def _client(user: Any, *, csrf: bool = False) -> Any:
    from django.test import Client

    client = Client(enforce_csrf_checks=csrf, HTTP_HOST="localhost")
    client.force_login(user)
    return client


@pytest.fixture
def two_alerts() -> tuple[Any, Any]:
    """Tamar Velkova's release is overdue; Ruta Kalnenko is missing (and incommunicado)."""
    from habeas.web.alerts.services import refresh_person

    tamar = person_with("Tamar Velkova", HELD_30_DAYS)
    ruta = person_with("Ruta Kalnenko", [{"type": "disappearance", "date": "2025-04-01"}])
    for person in (tamar, ruta):
        refresh_person(person, today=D("2025-04-10"))
    return tamar, ruta


def _only_followed(user: Any, *persons: Any) -> None:
    from habeas.web.alerts import follows
    from habeas.web.alerts.services import subscription_of

    sub = subscription_of(user)
    sub.alerts_for = "followed"
    sub.save()
    for person in persons:
        follows.follow(user, person)


def test_follow_and_unfollow_are_posts_that_return_to_the_page(bob: Any) -> None:
    from habeas.web.alerts.follows import is_following

    person = person_with("Ivo Marrant", [])
    client = _client(bob)
    back = client.post(f"/alerts/person/{person.pk}/follow/", {"next": "/alerts/"})
    assert (back.status_code, back["Location"]) == (302, "/alerts/")
    assert is_following(bob, person)
    client.post(f"/alerts/person/{person.pk}/follow/")  # twice is harmless
    away = client.post(
        f"/alerts/person/{person.pk}/unfollow/", {"next": "https://elsewhere.example/"}
    )
    assert away["Location"] == f"/persons/{person.pk}/"  # never to another site
    assert not is_following(bob, person)


def test_following_needs_post_a_csrf_token_and_a_role(bob: Any, charlie: Any) -> None:
    from habeas.web.alerts.models import Follow

    person = person_with("Ivo Marrant", [])
    url = f"/alerts/person/{person.pk}/follow/"
    assert _client(bob).get(url).status_code == 405
    assert _client(bob, csrf=True).post(url).status_code == 403
    assert _client(charlie).post(url).status_code == 403
    assert _client(bob).post("/alerts/person/999999/follow/").status_code == 404
    assert Follow.objects.count() == 0


def test_the_person_page_include_offers_follow_then_unfollow(bob: Any, charlie: Any) -> None:
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from habeas.web.alerts import follows

    person = person_with("Ivo Marrant", [])

    def render(user: Any) -> str:
        request = RequestFactory().get(f"/persons/{person.pk}/")
        request.user = user
        return render_to_string("alerts/_follow.html", {"person": person}, request=request)

    before = render(bob)
    assert f'action="/alerts/person/{person.pk}/follow/"' in before
    assert "Follow Ivo Marrant" in before and "csrfmiddlewaretoken" in before
    assert 'style="' not in before and "<script" not in before  # the coming strict CSP
    follows.follow(bob, person)
    assert f'action="/alerts/person/{person.pk}/unfollow/"' in render(bob)
    assert render(charlie).strip() == ""  # no role, nothing to follow with


def test_the_settings_page_lists_followed_persons(bob: Any) -> None:
    from habeas.web.alerts import follows

    followed = person_with("Ivo Marrant", [])
    person_with("Oren Laskaris", [])
    follows.follow(bob, followed)
    page = _client(bob).get("/alerts/settings/").content.decode()
    assert "Ivo Marrant" in page and "Oren Laskaris" not in page
    assert f"/alerts/person/{followed.pk}/unfollow/" in page


def test_emails_reach_a_followed_only_reader_for_followed_persons_only(
    smtp: Any, two_alerts: Any, bob: Any
) -> None:
    from habeas.web.alerts.notify import notify_new_alerts

    tamar, _ = two_alerts
    dana = make_user("dana", "viewer")
    _only_followed(bob, tamar)
    _only_followed(dana)  # follows nobody
    result = notify_new_alerts()
    assert (result.sent, result.failed) == (1, 0)
    (message,) = smtp.messages
    assert message.rcpt_tos == ["bob@example.org"]
    assert b"Tamar Velkova" in message.content and b"Ruta Kalnenko" not in message.content
    assert dana.email not in {r for m in smtp.messages for r in m.rcpt_tos}


def test_a_reader_of_all_persons_still_gets_every_alert(
    smtp: Any, two_alerts: Any, bob: Any
) -> None:
    from habeas.web.alerts.notify import notify_new_alerts

    tamar, _ = two_alerts
    _only_followed(make_user("dana", "viewer"), tamar)
    notify_new_alerts()
    to_bob = [m for m in smtp.messages if m.rcpt_tos == ["bob@example.org"]]
    assert len(to_bob) == 3  # release overdue, missing, incommunicado
    assert len(smtp.messages) == 4


def test_a_followed_only_webhook_gets_followed_persons_alerts_only(
    receiver: Any, two_alerts: Any, bob: Any
) -> None:
    from django.test import override_settings

    from habeas.web.alerts.notify import notify_new_alerts
    from habeas.web.alerts.services import subscription_of

    _, ruta = two_alerts
    _only_followed(bob, ruta)
    sub = subscription_of(bob)
    sub.webhook_url = receiver.url("/bob")
    sub.save()
    with override_settings(HABEAS_ALLOW_PRIVATE_FETCH=True):
        assert notify_new_alerts(backoff=0).sent == 2
    assert {b["person"]["name"] for b in receiver.bodies} == {"Ruta Kalnenko"}
    assert sorted(b["kind"] for b in receiver.bodies) == ["incommunicado", "missing"]


def test_the_digest_honours_the_follow_list(smtp: Any, two_alerts: Any, bob: Any) -> None:
    from habeas.web.alerts.notify import send_digests

    tamar, _ = two_alerts
    _only_followed(bob, tamar)
    _only_followed(make_user("dana", "viewer"))  # follows nobody: no digest at all
    erin = make_user("erin", "viewer")  # all persons
    assert send_digests(today=D("2025-04-10")).sent == 2
    bodies = {
        m.rcpt_tos[0]: email.message_from_bytes(m.content).get_payload(decode=True).decode()
        for m in smtp.messages
    }
    assert set(bodies) == {"bob@example.org", erin.email}
    assert "Tamar Velkova" in bodies["bob@example.org"]
    assert "Ruta Kalnenko" not in bodies["bob@example.org"]
    assert "Ruta Kalnenko" in bodies[erin.email]


def test_the_person_page_offers_to_follow() -> None:
    from django.test import Client

    from habeas.web.store.models import Person

    person = Person.objects.create(display_name="Orxan Quliyev (fictional)")
    client = Client(HTTP_HOST="localhost")
    client.force_login(make_user("page-viewer", "viewer"))
    page = client.get(f"/persons/{person.pk}/").content.decode()
    assert f"/alerts/person/{person.pk}/follow/" in page
