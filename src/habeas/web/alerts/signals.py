"""Mark a person for a new look when their events or support actions change.

The store's services call habeas.web.store.status.facts_changed in their
transaction; a write that bypasses them (the admin site, a support action, a
test's direct insert) marks the person stale through these signals, so the
next read or check recomputes it.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save


def _saved(sender: Any, instance: Any, created: bool = False, **kwargs: Any) -> None:
    from habeas.web.store.models import Event, EventStatus
    from habeas.web.store.status import mark_stale

    # A new suggestion changes no status: ingest stays free of this write.
    if sender is Event and created and instance.status != EventStatus.CONFIRMED:
        return
    mark_stale(instance.person_id)


def _deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    from habeas.web.store.status import mark_stale

    # No status row is made here: the person may be on its way out too.
    mark_stale(instance.person_id, create=False)


def connect() -> None:
    """Connect the handlers (called once, from the app's ready())."""
    from habeas.web.alerts.models import SupportAction
    from habeas.web.store.models import Event

    for model in (Event, SupportAction):
        post_save.connect(_saved, sender=model, dispatch_uid=f"alerts-{model.__name__}-save")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"alerts-{model.__name__}-delete")
