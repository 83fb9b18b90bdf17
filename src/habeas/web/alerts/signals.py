"""Mark a person for a new look when their events or support actions change.

The store's services do not know about alerts, so a change there reaches the
alerts app through Django's model signals instead of a call.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save


def _look_again(sender: Any, instance: Any, **kwargs: Any) -> None:
    from habeas.web.alerts.models import ASAP, PersonWatch

    # Only an existing watch is moved: `alerts check` creates missing ones, and creating
    # one here while a person is being deleted would point at a vanishing row.
    PersonWatch.objects.filter(person_id=instance.person_id).update(look_again_at=ASAP)


def connect() -> None:
    """Connect the handlers (called once, from the app's ready())."""
    from habeas.web.alerts.models import SupportAction
    from habeas.web.store.models import Event

    for model in (Event, SupportAction):
        post_save.connect(_look_again, sender=model, dispatch_uid=f"alerts-{model.__name__}-save")
        post_delete.connect(
            _look_again, sender=model, dispatch_uid=f"alerts-{model.__name__}-delete"
        )
