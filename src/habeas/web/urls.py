"""URL routes: accounts, Django's admin (admins only) and the review UI.

Other apps add one include() line each here.
"""

from __future__ import annotations

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("accounts/", include("habeas.web.accounts.urls")),
    path("admin/", admin.site.urls),
    path("alerts/", include("habeas.web.alerts.urls")),
    path("public/", include("habeas.web.public.urls")),
    path("api/", include("habeas.web.api.urls")),
    path("", include("habeas.web.public.manage_urls")),
    path("", include("habeas.web.review.urls")),
]
