from __future__ import annotations

from django.apps import AppConfig


class StoreConfig(AppConfig):  # type: ignore[misc]
    name = "habeas.web.store"
    label = "store"
    verbose_name = "Case store"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from habeas.web.store.generation import after_migrate

        # After every app's migrations: the page cache's write counter covers every table.
        post_migrate.connect(after_migrate, sender=self, dispatch_uid="habeas-generation")
