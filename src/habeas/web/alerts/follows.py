"""Following persons: a user's own list, and whose alerts reach that user.

A user's Subscription says whether they hear of alerts about all persons or
only about the persons they follow. That choice governs what is sent to them
(e-mail, their webhook, the daily digest); the alerts page and its badge
still show every alert they may see, so nothing is hidden from a reader who
looks.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from habeas.web.alerts.models import AlertScope, Follow
from habeas.web.alerts.services import can_read_alerts, visible_alerts
from habeas.web.store.models import Person


def follow(user: Any, person: Any) -> bool:
    """Make `user` follow `person`; False when they already did."""
    _, created = Follow.objects.get_or_create(user=user, person=person)
    return bool(created)


def unfollow(user: Any, person: Any) -> bool:
    """Stop `user` following `person`; False when they did not."""
    deleted, _ = Follow.objects.filter(user=user, person=person).delete()
    return bool(deleted)


def is_following(user: Any, person: Any) -> bool:
    return bool(Follow.objects.filter(user=user, person=person).exists())


def may_follow(user: Any) -> bool:
    """Following is for those who may read alerts (viewers and up)."""
    return can_read_alerts(user)


def followed_persons(user: Any) -> QuerySet[Any]:
    """The persons `user` follows, by name."""
    return Person.objects.filter(followers__user=user).order_by("display_name", "pk")


def notified_of(subscription: Any, *, person_id: int) -> bool:
    """Whether the owner of `subscription` is to be told of alerts about this person."""
    if subscription.alerts_for != AlertScope.FOLLOWED:
        return True
    return bool(Follow.objects.filter(user_id=subscription.user_id, person_id=person_id).exists())


def alerts_notified_to(user: Any, subscription: Any) -> QuerySet[Any]:
    """The open alerts `user` may see and has asked to hear of (the digest's list)."""
    alerts = visible_alerts(user)
    if subscription.alerts_for == AlertScope.FOLLOWED:
        alerts = alerts.filter(person__followers__user=user)
    return alerts
