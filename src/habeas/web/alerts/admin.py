"""The alerts app's tables in Django's admin.

Alerts, watches and deliveries are computed or logged by the app and support
actions are recorded on the support page (so the person is looked at again):
the admin shows them read-only. A subscription's choices can be changed here,
through the same form as the user's settings page, so a webhook URL passes the
same address guard.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from habeas.web.alerts.forms import SubscriptionForm
from habeas.web.alerts.models import (
    Alert,
    Delivery,
    Follow,
    Subscription,
    SupportAction,
)


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[misc]
    """Viewable by admins, never added, changed or deleted through the admin."""

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Alert)
class AlertAdmin(ReadOnlyAdmin):
    list_display = ("person", "kind", "date_text", "state", "confidential", "opened_at")
    list_filter = ("state", "kind", "confidential")
    search_fields = ("person__display_name", "key")


@admin.register(SupportAction)
class SupportActionAdmin(ReadOnlyAdmin):
    list_display = ("person", "kind", "status", "date", "confidential", "created_by")
    list_filter = ("kind", "status", "confidential")
    search_fields = ("person__display_name",)


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ("at", "channel", "target", "user", "alert", "attempt", "ok", "http_status")
    list_filter = ("channel", "ok", "digest")


@admin.register(Follow)
class FollowAdmin(ReadOnlyAdmin):
    list_display = ("user", "person", "created_at")


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):  # type: ignore[misc]
    form = SubscriptionForm
    list_display = ("user", "email_alerts", "daily_digest", "alerts_for", "webhook_url")
    fields = ("user", "email_alerts", "daily_digest", "alerts_for", "webhook_url")
    # The calendar secret is never shown: an admin who needs a new one asks the user to
    # press "Make a new address".
    readonly_fields = ("user",)

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False  # made with defaults the first time a user needs one
