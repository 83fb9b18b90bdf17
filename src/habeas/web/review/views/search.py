"""Search over report texts and every known name form."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from habeas.web.accounts.roles import viewer_required
from habeas.web.review.search import search_names, search_reports


@viewer_required
def search(request: HttpRequest) -> HttpResponse:
    query = str(request.GET.get("q") or "").strip()[:200]
    context = {
        "query": query,
        "persons": search_names(query) if query else [],
        "reports": search_reports(query) if query else [],
    }
    return render(request, "review/search.html", context)
