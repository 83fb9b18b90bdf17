"""Search over report texts and every known name form."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from habeas.web.accounts.roles import viewer_required
from habeas.web.review.links import link_maker
from habeas.web.review.search import search_names, search_reports


@viewer_required
def search(request: HttpRequest) -> HttpResponse:
    query = str(request.GET.get("q") or "").strip()[:200]
    person_url, report_url = link_maker("person"), link_maker("report")
    # Rows whose words and addresses are made once here: the template only places them.
    persons = [
        {"url": person_url(hit.person.pk), "name": hit.person.display_name, "forms": hit.forms}
        for hit in (search_names(query) if query else [])
    ]
    reports = [
        {
            "url": report_url(hit.report.pk),
            "pk": hit.report.pk,
            "title": hit.report.title or "(untitled)",
            "snippet": hit.snippet,
        }
        for hit in (search_reports(query) if query else [])
    ]
    context = {"query": query, "persons": persons, "reports": reports}
    return render(request, "review/search.html", context)
