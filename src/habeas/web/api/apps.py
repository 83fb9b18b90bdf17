from __future__ import annotations

from django.apps import AppConfig


class ApiConfig(AppConfig):  # type: ignore[misc]
    name = "habeas.web.api"
    label = "api"
    verbose_name = "HTTP API"
