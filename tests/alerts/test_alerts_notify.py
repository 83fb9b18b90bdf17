"""Notifications reach a real local SMTP server and a real local webhook receiver."""

from __future__ import annotations

import datetime as dt
import email
from typing import Any

from alerts_support import HELD_30_DAYS, person_with

D = dt.date.fromisoformat


def _overdue_alert() -> Any:
    from habeas.web.alerts.services import refresh_person

    person = person_with("Tamar Velkova", HELD_30_DAYS)
    (alert,) = refresh_person(person, today=D("2025-04-10"))
    return alert


def test_a_new_alert_reaches_each_reader_by_email_once(
    smtp: Any, alice: Any, bob: Any, charlie: Any
) -> None:
    from habeas.web.alerts.notify import notify_new_alerts

    _overdue_alert()
    assert notify_new_alerts().sent == 2
    assert notify_new_alerts().sent == 0  # already notified
    recipients = sorted(rcpt for m in smtp.messages for rcpt in m.rcpt_tos)
    assert recipients == ["alice@example.org", "bob@example.org"]  # charlie has no role
    message = email.message_from_bytes(smtp.messages[0].content)
    assert "Tamar Velkova" in str(
        email.header.make_header(email.header.decode_header(message["Subject"]))
    )
    assert message["From"] == "alerts@habeas.example"
    assert "Release was due on 2025-04-09" in message.get_payload(decode=True).decode()


def test_a_webhook_that_fails_twice_is_retried_until_it_answers(receiver: Any, alice: Any) -> None:
    from habeas.web.alerts.models import Delivery
    from habeas.web.alerts.notify import post_webhook

    waits: list[float] = []
    receiver.script = [503, 500]
    ok = post_webhook(
        receiver.url(), {"kind": "missing"}, attempts=4, backoff=0.5, sleep=waits.append
    )
    assert ok is True
    assert waits == [0.5, 1.0]
    assert [b["kind"] for b in receiver.bodies] == ["missing"] * 3
    attempts = list(
        Delivery.objects.order_by("attempt").values_list("attempt", "ok", "http_status")
    )
    assert attempts == [(1, False, 503), (2, False, 500), (3, True, 200)]


def test_retries_stop_at_the_bound_and_a_client_error_is_not_retried(receiver: Any) -> None:
    from habeas.web.alerts.models import Delivery
    from habeas.web.alerts.notify import post_webhook

    receiver.script = [500, 500, 500, 500]
    assert post_webhook(receiver.url(), {}, attempts=3, backoff=0, sleep=lambda s: None) is False
    assert len(receiver.bodies) == 3
    receiver.script = [400]
    assert post_webhook(receiver.url(), {}, attempts=3, backoff=0, sleep=lambda s: None) is False
    assert len(receiver.bodies) == 4
    assert Delivery.objects.filter(ok=True).count() == 0
    assert Delivery.objects.count() == 4


def test_an_unreachable_webhook_is_recorded_as_failed() -> None:
    from habeas.web.alerts.models import Delivery
    from habeas.web.alerts.notify import post_webhook

    # Port 9 (discard) on loopback is closed on test machines: the connection is refused.
    assert (
        post_webhook("http://127.0.0.1:9/", {}, attempts=2, backoff=0, sleep=lambda s: None)
        is False
    )
    assert list(Delivery.objects.values_list("ok", "http_status")) == [(False, None), (False, None)]
    assert "ConnectError" in Delivery.objects.first().error


def test_user_and_global_webhooks_get_the_alert_as_json(
    receiver: Any, alice: Any, monkeypatch: Any
) -> None:
    from django.test import override_settings

    from habeas.web.alerts.notify import notify_new_alerts
    from habeas.web.alerts.services import subscription_of

    sub = subscription_of(alice)
    sub.webhook_url = receiver.url("/alice")
    sub.save()
    monkeypatch.setenv("HABEAS_WEBHOOK_URL", receiver.url("/team"))
    alert = _overdue_alert()
    # Alice's webhook is on loopback, which the address guard lets through only when allowed.
    with override_settings(HABEAS_ALLOW_PRIVATE_FETCH=True):
        assert notify_new_alerts(backoff=0).sent == 2
    assert len(receiver.bodies) == 2
    body = receiver.bodies[0]
    assert body["id"] == alert.pk
    assert body["kind"] == "release_overdue"
    assert body["date"] == "2025-04-09"
    assert body["person"]["name"] == "Tamar Velkova"


def test_a_confidential_refusal_reaches_editors_only(
    smtp: Any, receiver: Any, alice: Any, bob: Any, monkeypatch: Any
) -> None:
    from habeas.web.alerts.notify import notify_new_alerts
    from habeas.web.alerts.rules import SupportKind, SupportStatus
    from habeas.web.alerts.services import record_support, refresh_person

    monkeypatch.setenv("HABEAS_WEBHOOK_URL", receiver.url("/team"))
    person = person_with("Oren Laskaris", [{"type": "detention", "date": "2025-03-10"}])
    record_support(
        person,
        kind=SupportKind.MEDICATION,
        status=SupportStatus.REFUSED,
        user=alice,
        date=D("2025-03-11"),
        note="insulin, planted-secret-7731",
    )
    refresh_person(person, today=D("2025-03-11"))
    notify_new_alerts(backoff=0)
    assert [m.rcpt_tos for m in smtp.messages] == [["alice@example.org"]]
    assert receiver.bodies == []  # the team webhook belongs to no user
    assert all(b"planted-secret-7731" not in m.content for m in smtp.messages)


def test_the_digest_lists_each_users_open_alerts_once_a_day(
    smtp: Any, alice: Any, bob: Any
) -> None:
    from habeas.web.alerts.notify import send_digests
    from habeas.web.alerts.services import acknowledge, refresh_person

    _overdue_alert()
    other = person_with("Ruta Kalnenko", [{"type": "disappearance", "date": "2025-04-01"}])
    opened = refresh_person(other, today=D("2025-04-10"))
    assert {a.kind for a in opened} == {"missing", "incommunicado"}
    for alert in opened:
        acknowledge(alert, user=alice)
    assert send_digests(today=D("2025-04-10")).sent == 2
    assert send_digests(today=D("2025-04-10")).sent == 0
    body = email.message_from_bytes(smtp.messages[0].content).get_payload(decode=True).decode()
    assert "Tamar Velkova: release overdue (2025-04-09)" in body
    assert "Ruta Kalnenko" not in body  # acknowledged, so no longer open
    assert send_digests(today=D("2025-04-11")).sent == 2


def test_a_failed_digest_is_tried_again_by_the_next_run(alice: Any, monkeypatch: Any) -> None:
    from habeas.web.alerts.models import Delivery
    from habeas.web.alerts.notify import send_digests

    _overdue_alert()
    monkeypatch.setenv("HABEAS_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("HABEAS_SMTP_PORT", "9")
    assert send_digests(today=D("2025-04-10")).failed == 1
    assert send_digests(today=D("2025-04-10")).failed == 1
    assert Delivery.objects.filter(digest=True, ok=False).count() == 2
