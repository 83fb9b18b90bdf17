"""Starting Django from plain Python (the CLI, workers, tests)."""

from __future__ import annotations

import os


def setup(*, migrate: bool = True) -> None:
    """Configure Django from habeas.web.settings; by default bring the database schema up to date.

    Commands migrate on first use so that `habeas ingest URL` works in an empty
    directory; migrating an up-to-date database is a cheap no-op.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "habeas.web.settings")
    import django
    from django.conf import settings

    django.setup()
    home = settings.HABEAS_CONFIG.home
    home.mkdir(parents=True, exist_ok=True)
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
