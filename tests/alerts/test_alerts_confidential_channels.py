"""Finding 7: feeds, webhooks and e-mails carry confidential support only where the user opted in.

And finding 2 for the alerts app: recording support, acknowledging an alert,
changing notification settings and following are written to the audit log.
A real SMTP server, a real webhook receiver; the persons are invented.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from typing import Any

from alerts_support import person_with

D = dt.date.fromisoformat
PERSON = "Oren Laskaris"


def _confidential_refusal(alice: Any) -> Any:
    from habeas.web.alerts.rules import SupportKind, SupportStatus
    from habeas.web.alerts.services import record_support, refresh_person

    person = person_with(PERSON, [{"type": "detention", "date": "2025-03-10"}])
    record_support(
        person,
        kind=SupportKind.MEDICATION,
        status=SupportStatus.REFUSED,
        user=alice,
        date=D("2025-03-11"),
        note="insulin, planted-secret-7731",
    )
    (alert,) = refresh_person(person, today=D("2025-03-11"))
    assert alert.confidential
    return alert


def _texts(smtp: Any) -> list[str]:
    out = []
    for m in smtp.messages:
        message = email.message_from_bytes(m.content, policy=email.policy.default)
        out.append(f"{message['Subject']}\n{message.get_content()}")
    return out


def _subscribe(user: Any, receiver: Any, **consent: bool) -> None:
    from habeas.web.alerts.services import subscription_of

    sub = subscription_of(user)
    sub.webhook_url = receiver.url(f"/{user.username}")
    for name, value in consent.items():
        setattr(sub, name, value)
    sub.save()


def _notify() -> None:
    from django.test import override_settings

    from habeas.web.alerts.notify import notify_new_alerts

    # The receiver is on loopback, which the webhook guard passes only when allowed.
    with override_settings(HABEAS_ALLOW_PRIVATE_FETCH=True):
        notify_new_alerts(backoff=0)


def test_without_consent_an_editor_hears_only_that_a_confidential_alert_exists(
    smtp: Any, receiver: Any, alice: Any
) -> None:
    _subscribe(alice, receiver)
    alert = _confidential_refusal(alice)
    _notify()

    (mail,) = _texts(smtp)
    (hook,) = receiver.bodies
    for leaked in (PERSON, "medication", "refused", alert.message):
        assert leaked not in mail, leaked
        assert leaked not in str(hook), leaked
    assert "confidential" in mail and hook["kind"] == "confidential"


def test_with_consent_per_channel_the_details_go_to_that_channel_only(
    smtp: Any, receiver: Any, alice: Any
) -> None:
    _subscribe(alice, receiver, webhook_confidential=True)
    _confidential_refusal(alice)
    _notify()

    (mail,) = _texts(smtp)
    (hook,) = receiver.bodies
    assert PERSON not in mail  # e-mail: no consent
    assert hook["person"]["name"] == PERSON and hook["kind"] == "medication_refused"
    assert "planted-secret-7731" not in str(hook)  # the note never leaves


def test_the_digest_is_redacted_without_email_consent(smtp: Any, alice: Any) -> None:
    from habeas.web.alerts.notify import send_digests

    _confidential_refusal(alice)
    send_digests(today=D("2025-03-12"))

    (digest,) = _texts(smtp)
    assert PERSON not in digest and "medication" not in digest


def test_an_editors_feed_leaves_out_confidential_support_until_they_opt_in(alice: Any) -> None:
    from django.test import Client

    from habeas.web.alerts.rules import SupportKind, SupportStatus
    from habeas.web.alerts.services import record_support, subscription_of

    today = dt.datetime.now(dt.UTC).date()
    person = person_with("Tamar Velkova", [])
    record_support(
        person,
        kind=SupportKind.HEARING,
        status=SupportStatus.SCHEDULED,
        user=alice,
        date=today + dt.timedelta(days=7),
    )
    sub = subscription_of(alice)
    feed = f"/alerts/calendar/{sub.calendar_token}.ics"

    before = Client(HTTP_HOST="localhost").get(feed).content.decode()
    sub.calendar_confidential = True
    sub.save()
    after = Client(HTTP_HOST="localhost").get(feed).content.decode()

    assert "Tamar Velkova" not in before and "Hearing" not in before
    assert "Hearing (scheduled): Tamar Velkova" in after


def test_the_settings_page_offers_consent_per_channel(alice: Any) -> None:
    from django.test import Client

    from habeas.web.alerts.services import subscription_of

    client = Client(HTTP_HOST="localhost")
    client.force_login(alice)
    page = client.get("/alerts/settings/").content.decode()
    for name in ("email_confidential", "webhook_confidential", "calendar_confidential"):
        assert f'name="{name}"' in page
    posted = client.post(
        "/alerts/settings/",
        {"email_alerts": "on", "alerts_for": "all", "calendar_confidential": "on"},
    )
    assert posted.status_code == 302
    sub = subscription_of(alice)
    assert (sub.calendar_confidential, sub.email_confidential, sub.webhook_confidential) == (
        True,
        False,
        False,
    )


def test_starttls_is_on_by_default_and_a_plain_server_gets_nothing(
    smtp: Any, alice: Any, monkeypatch: Any
) -> None:
    from habeas.config import load_notifications
    from habeas.web.alerts.models import Delivery
    from habeas.web.alerts.notify import send_email

    monkeypatch.delenv("HABEAS_SMTP_STARTTLS")
    config = load_notifications()
    assert config.smtp_starttls is True

    assert send_email(to="alice@example.org", subject="s", body="b", config=config) is False
    assert smtp.messages == []  # the test server offers no STARTTLS: nothing sent in the clear
    assert "STARTTLS" in Delivery.objects.get().error


def test_alerts_writes_are_in_the_audit_log(alice: Any, receiver: Any) -> None:
    from habeas.web.alerts import follows
    from habeas.web.alerts.services import acknowledge
    from habeas.web.audit.models import AuditEntry

    start = AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    alert = _confidential_refusal(alice)
    assert acknowledge(alert, user=alice)
    _subscribe(alice, receiver, email_confidential=True)
    follows.follow(alice, alert.person)
    follows.unfollow(alice, alert.person)

    entries = list(AuditEntry.objects.filter(seq__gt=start).order_by("seq"))
    changes = [(e.actor, e.action, e.target.split(":")[0], e.details) for e in entries]
    said = [c[3] for c in changes]
    assert any('"change":"support recorded"' in d and '"confidential":true' in d for d in said)
    assert any(t == "alerts.alert" and "acknowledged" in d for _, _, t, d in changes)
    assert any(t == "alerts.subscription" for _, _, t, _ in changes)
    assert ['"change":"follow"' in d for d in said].count(True) == 1
    assert ['"change":"unfollow"' in d for d in said].count(True) == 1
    assert all(e.actor == "user:alice" for e in entries)
    assert "planted-secret-7731" not in "".join(said)  # never the note itself
