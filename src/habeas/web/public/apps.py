from __future__ import annotations

from django.apps import AppConfig


class PublicConfig(AppConfig):  # type: ignore[misc]
    name = "habeas.web.public"
    label = "public"
    verbose_name = "Public site"
