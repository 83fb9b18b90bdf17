from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):  # type: ignore[misc]
    name = "habeas.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from django.contrib.auth.models import User
        from django.db.models.signals import m2m_changed

        from habeas.web.accounts.roles import forget_role

        m2m_changed.connect(forget_role, sender=User.groups.through)
