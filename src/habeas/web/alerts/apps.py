from __future__ import annotations

from django.apps import AppConfig


class AlertsConfig(AppConfig):  # type: ignore[misc]
    name = "habeas.web.alerts"
    label = "alerts"
    verbose_name = "Alerts and support"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from habeas.web.alerts import signals

        signals.connect()
