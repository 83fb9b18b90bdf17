"""The dashboard: counts of what is stored and reviewed, and detentions per month."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from habeas.web.accounts.roles import viewer_required
from habeas.web.review.custody import RECENT_DAYS, detentions_per_month, status_counts
from habeas.web.store import counts
from habeas.web.store.status import ensure_current


@viewer_required
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    ensure_current(today=today)
    by_status = counts.events_by_status()
    custody = status_counts(today=today)
    months = detentions_per_month()
    context = {
        "reports": counts.reports(),
        "persons": counts.current_persons(),
        "suggested": by_status.get("suggested", 0),
        "confirmed": by_status.get("confirmed", 0),
        "rejected": by_status.get("rejected", 0),
        "detained": custody.get("detained", 0),
        "missing": custody.get("missing", 0),
        "released": custody.get("released", 0),
        "recent_days": RECENT_DAYS,
        "months": months,
        "chart": {"labels": [m for m, _ in months], "counts": [n for _, n in months]},
    }
    return render(request, "review/dashboard.html", context)
