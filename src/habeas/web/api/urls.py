"""/api/…: the ninja API's routes (no login: the API has its own tokens) and its docs page."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path

from habeas.web.api.api import api
from habeas.web.api.docs import docs


def _no_login(patterns: list[Any]) -> list[Any]:
    # LoginRequiredMiddleware would send API callers to the login page; the API
    # decides itself (tokens, or the public view) in habeas.web.api.api.
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback.login_required = False
    return patterns


_patterns, _app, _namespace = api.urls
urlpatterns = [
    path("docs/", docs, name="api-docs"),
    path("", (_no_login(list(_patterns)), _app, _namespace)),
]
