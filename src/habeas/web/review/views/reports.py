"""Reports: the list of captured reports and one report with its sources and suggestions."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from habeas.extract.language import language_name, readable
from habeas.web.accounts.roles import viewer_required
from habeas.web.store.models import Event, Report


@viewer_required
def report_list(request: HttpRequest) -> HttpResponse:
    reports = Report.objects.order_by("-id")
    page = Paginator(reports, 50).get_page(request.GET.get("page"))
    return render(request, "review/report_list.html", {"page": page})


@viewer_required
def report(request: HttpRequest, report_id: int) -> HttpResponse:
    report = get_object_or_404(Report.objects.prefetch_related("sources"), pk=report_id)
    events = (
        Event.objects.filter(evidence__report=report)
        .select_related("person")
        .distinct()
        .order_by("person_id", "id")
    )
    context = {
        "report": report,
        "events": events,
        "language": language_name(report.lang) if report.lang else "not known",
        "unread": bool(report.lang) and not readable(report.lang),
    }
    return render(request, "review/report.html", context)
