"""The public site's routes (namespace `public`), mounted at /public/."""

from __future__ import annotations

from django.urls import path

from habeas.web.public import views

app_name = "public"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("person/<int:person_id>/", views.person_page, name="person"),
    path("statistics/", views.statistics_page, name="statistics"),
    path("feed.atom", views.atom_feed, name="feed"),
    path("export/<str:fmt>/", views.public_export, name="export"),
    path("lists/", views.prisoner_lists, name="lists"),
    path("lists/<slug:slug>/", views.prisoner_list, name="prisoner-list"),
]
