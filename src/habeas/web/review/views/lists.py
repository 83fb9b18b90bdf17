"""The custody lists: currently detained, missing, recently released; with filters."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from habeas.web.accounts.roles import viewer_required
from habeas.web.review.custody import CustodyList, custody_list
from habeas.web.review.forms import FiltersForm


@viewer_required
def custody(request: HttpRequest, which: str) -> HttpResponse:
    try:
        chosen = CustodyList(which)
    except ValueError:
        raise Http404("no such list") from None
    form = FiltersForm(request.GET or None)
    entries = custody_list(chosen, today=timezone.localdate(), filters=form.filters())
    context = {"which": chosen, "lists": list(CustodyList), "form": form, "entries": entries}
    return render(request, "review/custody_list.html", context)
