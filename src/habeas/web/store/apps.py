from __future__ import annotations

from django.apps import AppConfig


class StoreConfig(AppConfig):  # type: ignore[misc]
    name = "habeas.web.store"
    label = "store"
    verbose_name = "Case store"
    default_auto_field = "django.db.models.BigAutoField"
