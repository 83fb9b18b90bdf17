"""Pages for the logged-in app: downloading an export, and an editor's publication form."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from habeas.errors import InputError
from habeas.export import FORMATS
from habeas.web.accounts.roles import editor_form, viewer_required
from habeas.web.public import publishing
from habeas.web.public.exporting import export_text, media_type
from habeas.web.store.models import Person, PublishableField, Report


@viewer_required
def download(request: Any, fmt: str) -> Any:
    if fmt not in FORMATS:
        raise Http404("no such format")
    public = request.GET.get("public") == "1"
    text, _ = export_text(fmt, public=public, actor=request.user)
    media, ext = media_type(fmt)
    response = HttpResponse(text, content_type=f"{media}; charset=utf-8")
    name = "habeas-public" if public else "habeas"
    response["Content-Disposition"] = f'attachment; filename="{name}.{ext}"'
    return response


@viewer_required
def exports(request: Any) -> Any:
    return render(request, "public/exports.html", {"formats": list(FORMATS)})


@editor_form
def publish_person(request: Any, person_id: int) -> Any:
    """Publish or withdraw a person, choose their public fields, events and reports."""
    person = get_object_or_404(Person, pk=person_id, merged_into__isnull=True)
    profile = publishing.profile_of(person, confidential=False)
    events = list(person.events.select_related("publication").order_by("date_text", "id"))
    reports = list(
        Report.objects.filter(evidence__event__person=person)
        .select_related("publication")
        .distinct()
        .order_by("id")
    )
    if request.method == "POST":
        return _save(request, person, profile, events, reports)
    context = {
        "person": person,
        "profile": profile,
        "fields": PublishableField.choices,
        "events": [(e, _is_public(e)) for e in events],
        "reports": [(r, _is_public(r)) for r in reports],
        "history": publishing.publication_history("person", person.pk),
    }
    return render(request, "public/publish.html", context)


def _is_public(obj: Any) -> bool:
    from django.core.exceptions import ObjectDoesNotExist

    try:
        return bool(obj.publication.public)
    except ObjectDoesNotExist:  # never marked
        return False


def _save(request: Any, person: Any, profile: Any, events: list[Any], reports: list[Any]) -> Any:
    user, post = request.user, request.POST
    public = post.get("public") == "on"
    fields = post.getlist("fields")
    try:
        if (
            public != profile.public
            or sorted(fields) != sorted(profile.public_fields or [])
            or (post.get("country", "").upper() != profile.country)
        ):
            publishing.set_person_public(
                person,
                public,
                user=user,
                fields=fields,
                country=post.get("country", ""),
                why=post.get("why", ""),
            )
        for event in events:
            wanted = f"event-{event.pk}" in post
            if wanted != _is_public(event):
                publishing.set_event_public(event, wanted, user=user, why=post.get("why", ""))
        for report in reports:
            wanted = f"report-{report.pk}" in post
            if wanted != _is_public(report):
                publishing.set_report_public(report, wanted, user=user, why=post.get("why", ""))
    except InputError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Publication saved.")
    return redirect("publish-person", person_id=person.pk)
