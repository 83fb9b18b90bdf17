"""Each user's notification settings page, the webhook address guard, and the admin."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from alerts_support import HELD_30_DAYS, person_with

D = dt.date.fromisoformat


def _client(user: Any, *, csrf: bool = False) -> Any:
    from django.test import Client

    client = Client(enforce_csrf_checks=csrf, HTTP_HOST="localhost")
    client.force_login(user)
    return client


def _save(user: Any, **fields: Any) -> Any:
    data = {"email_alerts": "on", "daily_digest": "on", "alerts_for": "all", "webhook_url": ""}
    data.update(fields)
    return _client(user).post("/alerts/settings/", {k: v for k, v in data.items() if v is not None})


def test_a_user_turns_email_and_digest_off_and_chooses_followed_persons(bob: Any) -> None:
    from habeas.web.alerts.services import subscription_of

    page = _client(bob).get("/alerts/settings/").content.decode()
    assert 'name="email_alerts"' in page and "only persons I follow" in page
    response = _save(bob, email_alerts=None, daily_digest=None, alerts_for="followed")
    assert response.status_code == 302
    sub = subscription_of(bob)
    assert (sub.email_alerts, sub.daily_digest, sub.alerts_for) == (False, False, "followed")


def test_the_calendar_page_is_reachable_from_the_settings_page(bob: Any) -> None:
    from habeas.web.alerts.services import subscription_of

    page = _client(bob).get("/alerts/settings/").content.decode()
    assert 'href="/alerts/calendar/"' in page
    calendar = _client(bob).get("/alerts/calendar/").content.decode()
    assert subscription_of(bob).calendar_token in calendar
    assert 'href="/alerts/settings/"' in calendar


def test_the_settings_page_needs_a_role_and_a_csrf_token(bob: Any, charlie: Any) -> None:
    assert _client(charlie).get("/alerts/settings/").status_code == 403
    assert _client(bob, csrf=True).post("/alerts/settings/", {}).status_code == 403


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("ftp://hooks.example.org/x", "must start with http:// or https://"),
        ("http://127.0.0.1:8080/hook", "127.0.0.1 is a loopback address"),
        ("http://localhost/hook", "localhost resolves to 127.0.0.1, a loopback address"),
        ("http://10.0.0.7/hook", "10.0.0.7 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
        ("http://[::ffff:192.168.1.1]/hook", "a private address"),
    ],
)
def test_a_webhook_on_a_private_address_or_another_scheme_is_refused(
    bob: Any, url: str, says: str
) -> None:
    from habeas.web.alerts.services import subscription_of

    response = _save(bob, webhook_url=url)
    assert response.status_code == 200  # the form again, with its error
    assert says in response.content.decode()
    assert subscription_of(bob).webhook_url == ""


def test_an_admin_setting_lets_a_loopback_webhook_be_saved(bob: Any) -> None:
    from django.test import override_settings

    from habeas.web.alerts.services import subscription_of

    with override_settings(HABEAS_ALLOW_PRIVATE_FETCH=True):
        assert _save(bob, webhook_url="http://127.0.0.1:8080/hook").status_code == 302
    assert subscription_of(bob).webhook_url == "http://127.0.0.1:8080/hook"


def test_the_webhook_is_checked_again_when_an_alert_is_sent(receiver: Any, bob: Any) -> None:
    from django.test import override_settings

    from habeas.web.alerts.models import Delivery
    from habeas.web.alerts.notify import notify_new_alerts
    from habeas.web.alerts.services import refresh_person

    with override_settings(HABEAS_ALLOW_PRIVATE_FETCH=True):
        assert _save(bob, webhook_url=receiver.url("/bob")).status_code == 302
    # Saved while allowed; by the time an alert goes out the address is refused again,
    # just as when a host name has come to resolve to a private address.
    refresh_person(person_with("Tamar Velkova", HELD_30_DAYS), today=D("2025-04-10"))
    result = notify_new_alerts(backoff=0)
    assert (result.sent, result.failed) == (0, 1)
    assert receiver.bodies == []
    (refused,) = Delivery.objects.filter(channel="webhook")
    assert (refused.attempt, refused.ok, refused.user) == (1, False, bob)  # not retried
    assert refused.error.startswith("refused: ") and "loopback" in refused.error


def test_an_allowed_webhook_goes_through_the_guarded_connection(receiver: Any) -> None:
    from habeas.ingest.addresses import AddressPolicy
    from habeas.web.alerts.notify import post_webhook

    ok = post_webhook(
        receiver.url(),
        {"kind": "missing"},
        policy=AddressPolicy.build(allow_private=False, exempt=["127.0.0.1"]),
        attempts=1,
    )
    assert ok is True
    assert receiver.bodies == [{"kind": "missing"}]
    refused = post_webhook(
        receiver.url(), {"kind": "missing"}, policy=AddressPolicy.build(allow_private=False)
    )
    assert refused is False
    assert len(receiver.bodies) == 1


def _admin_request() -> Any:
    from django.contrib.auth.models import User
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = User.objects.create_superuser("root", "root@example.org", "x")
    return request


# The admin classes are exercised directly: the admin pages themselves sit behind the
# accounts app's two-factor step, which is not what these tests are about.
def test_the_admin_shows_computed_alert_tables_read_only() -> None:
    from django.contrib import admin

    from habeas.web.alerts.models import Alert, Delivery, Follow, SupportAction

    request = _admin_request()
    for model in (Alert, Delivery, Follow, SupportAction):
        model_admin = admin.site._registry[model]
        assert model_admin.has_view_permission(request)
        assert not model_admin.has_add_permission(request)
        assert not model_admin.has_change_permission(request)
        assert not model_admin.has_delete_permission(request)


def test_the_admin_refuses_a_private_webhook_and_never_shows_the_calendar_secret(
    bob: Any,
) -> None:
    from django.contrib import admin

    from habeas.web.alerts.models import Subscription
    from habeas.web.alerts.services import subscription_of

    request = _admin_request()
    sub = subscription_of(bob)
    model_admin = admin.site._registry[Subscription]
    assert model_admin.has_change_permission(request, sub)
    form_class = model_admin.get_form(request, sub)
    assert "calendar_token" not in form_class.base_fields
    data = {"email_alerts": "on", "alerts_for": "all", "webhook_url": "http://10.1.2.3/"}
    form = form_class(data, instance=sub)
    assert not form.is_valid()
    assert "10.1.2.3 is a private address" in form.errors["webhook_url"][0]
    data["webhook_url"] = "http://93.184.215.14/hook"  # a public address: no DNS needed
    assert form_class(data, instance=sub).is_valid()
