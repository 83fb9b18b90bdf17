"""`{% load alerts_badge %}{% open_alert_count %}`: the number on the nav's alerts badge."""

from __future__ import annotations

from typing import Any

from django import template

from habeas.web.alerts.services import open_alert_count as count_for

register = template.Library()


@register.simple_tag(takes_context=True)  # type: ignore[untyped-decorator]
def open_alert_count(context: Any) -> int:
    """How many open alerts the current user may see; 0 without a request or a role."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return count_for(user)
