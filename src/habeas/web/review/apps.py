from __future__ import annotations

from django.apps import AppConfig


class ReviewConfig(AppConfig):  # type: ignore[misc]
    name = "habeas.web.review"
    label = "review"
    verbose_name = "Review and case files"
