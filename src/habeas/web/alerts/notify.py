"""Sending alerts: e-mail over SMTP, JSON webhooks with retries, and the daily digest.

Every attempt is recorded as a Delivery row, failed ones with their error, so
an operator can see what reached whom. A failure to notify never stops the
other notifications and never undoes the alert itself.

Who hears of what: every active user with a role (viewer or higher), unless
their Subscription turns a channel off; an alert raised by a confidential
support action goes only to editors and admins, and never to the global
webhook (HABEAS_WEBHOOK_URL), which belongs to no user. Even to them, such an
alert leaves by e-mail or webhook only as a notice with no detail (no person,
kind, status or message) unless they opted in for that channel
(Subscription.email_confidential / webhook_confidential). A user who chose
"only persons I follow" hears only of those persons' alerts.

A user's webhook goes through ingest's SSRF guard (habeas.web.alerts.webhooks)
at send time too; a refused address is recorded as a failed Delivery and not
retried. The global webhook is the operator's own setting and is not guarded.
"""

from __future__ import annotations

import datetime as dt
import smtplib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.utils import timezone

from habeas.config import Notifications, load_notifications
from habeas.ingest.addresses import AddressPolicy
from habeas.web.alerts import follows, texts
from habeas.web.alerts.models import Alert, AlertState, Channel, Delivery, Subscription
from habeas.web.alerts.services import (
    alert_readers,
    can_act_on_alerts,
    subscription_of,
)
from habeas.web.alerts.webhooks import WebhookRefused, guarded_post, webhook_policy

WEBHOOK_ATTEMPTS = 4
WEBHOOK_BACKOFF_SECONDS = 2.0
WEBHOOK_TIMEOUT_SECONDS = 10.0
# Statuses worth another try: the receiver is busy or broken for now, not refusing us.
_RETRY_STATUSES = frozenset({408, 425, 429})


@dataclass(frozen=True, slots=True)
class Sent:
    """How many notifications went out, and how many failed (after all retries)."""

    sent: int = 0
    failed: int = 0

    def __add__(self, other: Sent) -> Sent:
        return Sent(self.sent + other.sent, self.failed + other.failed)


def note_of(alert: Any) -> texts.AlertNote:
    return texts.AlertNote(
        id=alert.pk,
        key=alert.key,
        kind=alert.kind,
        date=alert.date_text,
        person_id=alert.person_id,
        person_name=alert.person.display_name,
        message=alert.message,
    )


# What leaves habeas about a confidential alert on a channel the user did not open to it.
REDACTED_MESSAGE = (
    "A new alert from confidential support is open. Its details are kept in habeas: "
    "open the alerts page to see it."
)


def redacted_note(alert: Any) -> texts.AlertNote:
    """A note that says only that a confidential alert exists."""
    return texts.AlertNote(
        id=alert.pk,
        key=f"confidential-{alert.pk}",
        kind="confidential",
        date="",
        person_id=0,
        person_name="confidential",
        message=REDACTED_MESSAGE,
    )


def note_for(alert: Any, *, reveal: bool) -> texts.AlertNote:
    """The alert's note, or its redacted form when it is confidential and not to be revealed."""
    return note_of(alert) if reveal or not alert.confidential else redacted_note(alert)


# ------------------------------------------------------------------ e-mail


def _smtp(config: Notifications) -> Any:
    return get_connection(
        "django.core.mail.backends.smtp.EmailBackend",
        host=config.smtp_host,
        port=config.smtp_port,
        username=config.smtp_user or None,
        password=config.smtp_password or None,
        use_tls=config.smtp_starttls,
        timeout=WEBHOOK_TIMEOUT_SECONDS,
        fail_silently=False,
    )


def send_email(
    *,
    to: str,
    subject: str,
    body: str,
    config: Notifications,
    user: Any = None,
    alert: Any = None,
    digest: bool = False,
) -> bool:
    """Send one plain-text e-mail and record the attempt; False (recorded) when it failed."""
    message = EmailMessage(
        subject, body, from_email=config.mail_from, to=[to], connection=_smtp(config)
    )
    error = ""
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as exc:
        error = f"{type(exc).__name__}: {exc}"
    Delivery.objects.create(
        channel=Channel.EMAIL,
        target=to,
        user=user,
        alert=alert,
        digest=digest,
        ok=not error,
        error=error,
        at=timezone.now(),
    )
    return not error


# ------------------------------------------------------------------ webhooks


def post_webhook(
    url: str,
    payload: dict[str, Any],
    *,
    user: Any = None,
    alert: Any = None,
    attempts: int = WEBHOOK_ATTEMPTS,
    backoff: float = WEBHOOK_BACKOFF_SECONDS,
    sleep: Callable[[float], None] = time.sleep,
    policy: AddressPolicy | None = None,
) -> bool:
    """POST `payload` as JSON, retrying up to `attempts` times with exponential backoff.

    Waits `backoff`, then twice as long, and so on between tries. A 2xx answer
    is success; a network error, a 5xx, 408, 425 or 429 is worth another try;
    any other answer is final. Each try is recorded as a Delivery row.
    With a `policy` (a user's webhook) the connection goes through ingest's
    SSRF guard, and a refused address is one failed Delivery, never retried;
    without one the URL is trusted (the operator's HABEAS_WEBHOOK_URL).
    """
    for attempt in range(1, attempts + 1):
        status: int | None = None
        error = ""
        refused = False
        try:
            if policy is None:
                response = httpx.post(url, json=payload, timeout=WEBHOOK_TIMEOUT_SECONDS)
            else:
                response = guarded_post(
                    url, payload, policy=policy, timeout=WEBHOOK_TIMEOUT_SECONDS
                )
            status = response.status_code
            if not 200 <= status < 300:
                error = f"HTTP {status}"
        except WebhookRefused as exc:
            error, refused = f"refused: {exc.sentence}", True
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"
        Delivery.objects.create(
            channel=Channel.WEBHOOK,
            target=url,
            user=user,
            alert=alert,
            attempt=attempt,
            ok=not error,
            http_status=status,
            error=error,
            at=timezone.now(),
        )
        if not error:
            return True
        final = refused or (status is not None and status < 500 and status not in _RETRY_STATUSES)
        if final or attempt == attempts:
            return False
        sleep(backoff * 2 ** (attempt - 1))
    return False


# ------------------------------------------------------------------ new alerts and digests


def _count(ok: bool) -> Sent:
    return Sent(sent=1) if ok else Sent(failed=1)


def _notify_one(alert: Any, config: Notifications, webhook: dict[str, Any]) -> Sent:
    result = Sent()
    policy = webhook_policy()
    for user in alert_readers():
        if alert.confidential and not can_act_on_alerts(user):
            continue
        sub = subscription_of(user)
        if not follows.notified_of(sub, person_id=alert.person_id):
            continue
        if sub.email_alerts and user.email and config.smtp_host:
            note = note_for(alert, reveal=sub.email_confidential)
            ok = send_email(
                to=user.email,
                subject=texts.alert_subject(note),
                body=texts.alert_body(note),
                config=config,
                user=user,
                alert=alert,
            )
            result += _count(ok)
        if sub.webhook_url:
            ok = post_webhook(
                sub.webhook_url,
                texts.webhook_payload(note_for(alert, reveal=sub.webhook_confidential)),
                user=user,
                alert=alert,
                policy=policy,
                **webhook,
            )
            result += _count(ok)
    if config.webhook_url and not alert.confidential:
        payload = texts.webhook_payload(note_of(alert))
        ok = post_webhook(config.webhook_url, payload, alert=alert, **webhook)
        result += _count(ok)
    return result


def notify_new_alerts(
    *,
    config: Notifications | None = None,
    attempts: int = WEBHOOK_ATTEMPTS,
    backoff: float = WEBHOOK_BACKOFF_SECONDS,
) -> Sent:
    """Send every open alert not yet notified, once: each is claimed before it is sent."""
    config = config or load_notifications()
    webhook = {"attempts": attempts, "backoff": backoff}
    result = Sent()
    pending = Alert.objects.filter(state=AlertState.OPEN, notified_at__isnull=True)
    for alert in pending.select_related("person").order_by("id"):
        claimed = Alert.objects.filter(pk=alert.pk, notified_at__isnull=True).update(
            notified_at=timezone.now()
        )
        if claimed:
            result += _notify_one(alert, config, webhook)
    return result


def send_digests(*, today: dt.date, config: Notifications | None = None) -> Sent:
    """E-mail each user who wants it one list of the open alerts they may see, once per day.

    A user who chose "only persons I follow" gets only those persons' alerts.

    Users with no open alert get nothing. A user is claimed for `today` before
    the e-mail goes; if it fails, the claim is undone so a later run can retry.
    """
    config = config or load_notifications()
    result = Sent()
    if not config.smtp_host:
        return result
    for user in alert_readers():
        sub = subscription_of(user)
        if not (sub.daily_digest and user.email):
            continue
        alerts = follows.alerts_notified_to(user, sub)
        notes = [note_for(a, reveal=sub.email_confidential) for a in alerts]
        if not notes:
            continue
        not_yet = Q(digest_sent_on__isnull=True) | Q(digest_sent_on__lt=today)
        claimed = Subscription.objects.filter(not_yet, pk=sub.pk).update(digest_sent_on=today)
        if not claimed:
            continue
        ok = send_email(
            to=user.email,
            subject=texts.digest_subject(notes, day=today),
            body=texts.digest_body(notes, day=today),
            config=config,
            user=user,
            digest=True,
        )
        if not ok:
            Subscription.objects.filter(pk=sub.pk).update(digest_sent_on=sub.digest_sent_on)
        result += _count(ok)
    return result
