"""Routes of the logged-in app for exports and publishing (mounted at the site's root)."""

from __future__ import annotations

from django.urls import path

from habeas.web.public import manage

urlpatterns = [
    path("exports/", manage.exports, name="exports"),
    path("exports/<str:fmt>/", manage.download, name="export-download"),
    path("publish/person/<int:person_id>/", manage.publish_person, name="publish-person"),
]
