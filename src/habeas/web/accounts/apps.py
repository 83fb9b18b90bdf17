from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):  # type: ignore[misc]
    name = "habeas.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"
