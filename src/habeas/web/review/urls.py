from __future__ import annotations

from django.urls import path

from habeas.web.review.views import (
    capture,
    dashboard,
    feeds,
    identity,
    lists,
    manual,
    persons,
    queue,
    reports,
    search,
)

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("review/", queue.queue, name="review-queue"),
    path("events/<int:event_id>/edit/", manual.edit, name="event-edit"),
    path("events/<int:event_id>/split/", manual.split, name="event-split"),
    path("events/<int:event_id>/charges/", manual.add_charge, name="event-add-charge"),
    path("events/<int:event_id>/sources/", manual.add_source, name="event-add-source"),
    path("events/<int:event_id>/<str:action>/", queue.decide, name="event-decide"),
    path("persons/", persons.person_list, name="person-list"),
    path("persons/add/", manual.add_person, name="person-add"),
    path("persons/<int:person_id>/events/add/", manual.add_event, name="event-add"),
    path("persons/<int:person_id>/", persons.person, name="person"),
    path("persons/<int:person_id>/merge/", identity.merge, name="person-merge"),
    path("persons/<int:person_id>/not-same/", identity.not_same, name="person-not-same"),
    path("merges/<int:version_id>/undo/", identity.undo, name="merge-undo"),
    path("lists/<str:which>/", lists.custody, name="custody-list"),
    path("reports/", reports.report_list, name="report-list"),
    path("reports/<int:report_id>/", reports.report, name="report"),
    path("search/", search.search, name="search"),
    path("capture/", capture.capture, name="capture"),
    path("capture/paste/", capture.paste, name="capture-paste"),
    path("capture/url/", capture.from_url, name="capture-url"),
    path("capture/upload/", capture.upload, name="capture-upload"),
    path("capture/batches/<str:batch_id>/", capture.batch, name="capture-batch"),
    path("feeds/", feeds.feeds, name="feeds"),
    path("feeds/add/", feeds.add, name="feed-add"),
]
