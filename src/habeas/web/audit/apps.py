from __future__ import annotations

from django.apps import AppConfig


class AuditConfig(AppConfig):  # type: ignore[misc]
    name = "habeas.web.audit"
    label = "audit"
    verbose_name = "Audit log"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from habeas.web.audit import signals

        signals.connect()
