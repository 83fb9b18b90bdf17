"""The alerts app's tables. Write them only through habeas.web.alerts.services."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from habeas.web.alerts.rules import AlertKind, SupportKind, SupportStatus
from habeas.web.encrypted import EncryptedTextField
from habeas.web.store.models import Person

SupportKindChoice = models.TextChoices(
    "SupportKindChoice", [(k.name, k.value) for k in SupportKind]
)
SupportStatusChoice = models.TextChoices(
    "SupportStatusChoice", [(s.name, s.value) for s in SupportStatus]
)
AlertKindChoice = models.TextChoices("AlertKindChoice", [(k.name, k.value) for k in AlertKind])


class SupportAction(models.Model):  # type: ignore[misc]
    """Something done (or refused) for a detained person: a lawyer, a parcel, a hearing."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="support_actions")
    kind = models.CharField(max_length=32, choices=SupportKindChoice.choices)
    status = models.CharField(max_length=16, choices=SupportStatusChoice.choices)
    date = models.DateField(null=True, blank=True)
    # Encrypted at rest, whether or not the action is marked confidential: notes name lawyers,
    # medicines and contacts. It cannot be searched in SQL.
    note = EncryptedTextField(blank=True, default="")
    # Confidential by default: viewers do not see it, editors and admins do.
    confidential = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = (models.Index(fields=["person", "date"], name="support_person_date"),)


class AlertState(models.TextChoices):  # type: ignore[misc]
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"  # the situation no longer holds (e.g. the release was reported)


class Alert(models.Model):  # type: ignore[misc]
    """One situation to act on for one person; recomputing finds it again by `key`."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="alerts")
    key = models.CharField(max_length=64)
    kind = models.CharField(max_length=32, choices=AlertKindChoice.choices)
    date_text = models.CharField(max_length=10, blank=True, default="")  # YYYY[-MM[-DD]]
    message = models.TextField()
    confidential = models.BooleanField(default=False)
    state = models.CharField(max_length=16, choices=AlertState.choices, default=AlertState.OPEN)
    opened_at = models.DateTimeField()
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    # Null until the alert has been handed to the notification channels.
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["person", "key"], name="alert_unique_key_per_person"),
        )
        indexes = (
            models.Index(fields=["state"], name="alert_state"),
            models.Index(fields=["notified_at"], name="alert_notified_at"),
            # The alerts page's order, read a page at a time (tens of thousands open at once).
            models.Index(fields=["state", "-date_text", "-id"], name="alert_state_date"),
        )


class AlertScope(models.TextChoices):  # type: ignore[misc]
    """Which persons' alerts a user is notified of (e-mail, webhook, digest)."""

    ALL = "all", "all persons"
    FOLLOWED = "followed", "only persons I follow"


class Subscription(models.Model):  # type: ignore[misc]
    """How one user hears of alerts: e-mail, a daily digest, a webhook, a calendar feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_subscription"
    )
    email_alerts = models.BooleanField(default=True)
    daily_digest = models.BooleanField(default=True)
    webhook_url = models.URLField(blank=True, default="")
    # The secret in the calendar feed's URL; regenerating it cuts off old copies of the URL.
    calendar_token = models.CharField(max_length=64, unique=True)
    digest_sent_on = models.DateField(null=True, blank=True)
    alerts_for = models.CharField(max_length=16, choices=AlertScope.choices, default=AlertScope.ALL)
    # Confidential support (its kind, status, person and alerts) leaves habeas through a
    # channel only if the user asked for it there: feeds and mail are copied to other services.
    calendar_confidential = models.BooleanField(default=False)
    email_confidential = models.BooleanField(default=False)
    webhook_confidential = models.BooleanField(default=False)


class Follow(models.Model):  # type: ignore[misc]
    """A user follows a person: with AlertScope.FOLLOWED, only these persons' alerts reach them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_follows"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["user", "person"], name="follow_once_per_user"),
        )


class Channel(models.TextChoices):  # type: ignore[misc]
    EMAIL = "email"
    WEBHOOK = "webhook"


class Delivery(models.Model):  # type: ignore[misc]
    """One attempt to send something: every try of a webhook has its own row."""

    channel = models.CharField(max_length=16, choices=Channel.choices)
    target = models.TextField()  # the address or URL
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )  # null for the global webhook
    alert = models.ForeignKey(
        Alert, on_delete=models.CASCADE, null=True, blank=True, related_name="deliveries"
    )  # null for a digest or a message about several alerts
    digest = models.BooleanField(default=False)
    attempt = models.PositiveSmallIntegerField(default=1)
    ok = models.BooleanField(default=False)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.TextField(blank=True, default="")
    at = models.DateTimeField()
