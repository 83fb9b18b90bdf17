from __future__ import annotations

from django.urls import URLPattern, path

from habeas.web.alerts import views

app_name = "alerts"

urlpatterns: list[URLPattern] = [
    path("", views.alert_list, name="list"),
    path("<int:alert_id>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("person/<int:person_id>/support/", views.person_support, name="support"),
    path("settings/", views.notification_settings, name="settings"),
    path("person/<int:person_id>/follow/", views.follow_person, name="follow"),
    path("person/<int:person_id>/unfollow/", views.unfollow_person, name="unfollow"),
    path("calendar/", views.calendar_settings, name="calendar"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="feed"),
]
