"""`{% load alerts_follow %}{% follow_state person as following %}`, for alerts/_follow.html."""

from __future__ import annotations

from typing import Any

from django import template

from habeas.web.alerts import follows

register = template.Library()


@register.simple_tag(takes_context=True)  # type: ignore[untyped-decorator]
def follow_state(context: Any, person: Any) -> bool | None:
    """True or False: whether the current user follows `person`; None when they may not follow."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not follows.may_follow(user):
        return None
    return follows.is_following(user, person)
