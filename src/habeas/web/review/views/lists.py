"""The custody lists: currently detained, missing, recently released; with filters."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from habeas.web.accounts.roles import viewer_required
from habeas.web.review.custody import CustodyList, custody_list
from habeas.web.review.forms import FiltersForm
from habeas.web.review.links import link_maker
from habeas.web.review.templatetags.casefile import roles
from habeas.web.store.status import ensure_current

PAGE_SIZE = 100


@viewer_required
def custody(request: HttpRequest, which: str) -> HttpResponse:
    try:
        chosen = CustodyList(which)
    except ValueError:
        raise Http404("no such list") from None
    form = FiltersForm(request.GET or None)
    today = timezone.localdate()
    ensure_current(today=today)
    rows = custody_list(chosen, today=today, filters=form.filters())
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    # Plain rows, not models: the list shows three fields of each person. (Counted on the
    # rows themselves: a count of these values would join every row to its person.)
    fields = ("person_id", "person__display_name", "words", "person__roles")
    url = link_maker("person")
    # Paging links keep the filters.
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "which": chosen,
        "lists": list(CustodyList),
        "form": form,
        "page": page,
        "rows": [
            {"url": url(pk), "name": name, "words": words, "roles": roles(person_roles)}
            for pk, name, words, person_roles in page.object_list.values_list(*fields)
        ],
        "query": query.urlencode(),
    }
    return render(request, "review/custody_list.html", context)
