"""Capture in the browser: paste a report, upload files, give a URL.

Everything goes through the store's services, so the capture rules hold here
as on the command line: the same text is stored once, private addresses are
refused, inputs over HABEAS_MAX_BYTES are refused, and a failed capture
stores nothing. Errors come back as one sentence in the page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from habeas.errors import HabeasError
from habeas.web.accounts.roles import editor_post, editor_required
from habeas.web.review import batches
from habeas.web.review.forms import PasteForm, UploadForm, UrlForm
from habeas.web.store import services
from habeas.web.store.services import IngestOutcome, IngestResult


def _announce(request: HttpRequest, result: IngestResult) -> HttpResponse:
    if result.outcome is IngestOutcome.KNOWN:
        messages.info(request, f"Already known: report #{result.report_id}. Nothing was added.")
    else:
        said = result.describe()
        # not str.capitalize(): it lower-cases the rest ("Georgian")
        messages.success(request, said[:1].upper() + said[1:] + ".")
    return redirect("report", report_id=result.report_id)


def _page(request: HttpRequest, **forms: Any) -> HttpResponse:
    context = {
        "paste": forms.get("paste") or PasteForm(prefix="paste"),
        "url": forms.get("url") or UrlForm(prefix="url"),
        "upload": forms.get("upload") or UploadForm(prefix="upload"),
        "max_mb": services.max_bytes() / 1_000_000,
        "engine": services.engine_disclosure(),
    }
    status = 400 if any(f.errors for f in forms.values()) else 200
    return render(request, "review/capture.html", context, status=status)


@editor_required
def capture(request: HttpRequest) -> HttpResponse:
    return _page(request)


@editor_post
def paste(request: HttpRequest) -> HttpResponse:
    form = PasteForm(request.POST, prefix="paste")
    if form.is_valid():
        try:
            result = services.ingest_text(
                form.cleaned_data["text"], name=f"pasted by {request.user}", **form.hints()
            )
        except HabeasError as exc:
            form.add_error("text", str(exc))
        else:
            return _announce(request, result)
    return _page(request, paste=form)


@editor_post
def from_url(request: HttpRequest) -> HttpResponse:
    form = UrlForm(request.POST, prefix="url")
    if form.is_valid():
        try:
            result = services.ingest_url(form.cleaned_data["url"], **form.hints())
        except HabeasError as exc:
            form.add_error("url", str(exc))
        else:
            return _announce(request, result)
    return _page(request, url=form)


@editor_post
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES, prefix="upload")
    if not form.is_valid():
        return _page(request, upload=form)
    limit = services.max_bytes()
    too_big = [f.name for f in form.cleaned_data["files"] if f.size > limit]
    if too_big:
        form.add_error(
            "files",
            f"{', '.join(too_big)}: larger than the limit of {limit} bytes; nothing was stored.",
        )
        return _page(request, upload=form)
    hints = form.hints()
    files = [(str(f.name), f.read()) for f in form.cleaned_data["files"]]

    def capture_one(data: bytes, name: str) -> tuple[bool, int, str]:
        result = services.ingest_bytes(data, filename=name, **hints)
        return result.outcome is IngestOutcome.STORED, result.report_id, result.describe()

    if len(files) == 1:
        name, data = files[0]
        try:
            result = services.ingest_bytes(data, filename=name, **hints)
        except HabeasError as exc:
            said = str(exc)
            form.add_error("files", said if said.startswith(f"{name}:") else f"{name}: {said}")
            return _page(request, upload=form)
        return _announce(request, result)
    batch = batches.start(files, owner_id=request.user.pk, capture=capture_one)
    return redirect(reverse("capture-batch", args=[batch.id]))


@editor_required
def batch(request: HttpRequest, batch_id: str) -> HttpResponse:
    """A batch's progress; htmx polls the same address for the progress fragment."""
    found = batches.get(batch_id, owner_id=request.user.pk)
    if found is None:
        raise Http404("no such batch")
    template = "review/_batch.html" if request.headers.get("HX-Request") else "review/batch.html"
    return render(request, template, {"batch": found})
