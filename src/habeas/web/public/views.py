"""The public site's pages: read-only, no login, 404 everywhere while the site is off."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.views.decorators.cache import cache_control

from habeas.model import PartialDate
from habeas.web.page_cache import SHARED
from habeas.web.public.feed import PublicUpdates
from habeas.web.public.publishing import site_is_on
from habeas.web.public.statistics import statistics
from habeas.web.public.view import PublicPerson, public_person, public_persons
from habeas.web.store.generation import per_commit

View = Callable[..., Any]

# Persons a page of the public list (and of a prisoner list) shows.
PAGE_SIZE = 100


def public_page(view: View) -> View:
    """No login; GET only; 404 unless the public site is on."""

    @login_not_required  # type: ignore[untyped-decorator]
    @wraps(view)
    def wrapped(request: Any, *args: Any, **kwargs: Any) -> Any:
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if not site_is_on():
            raise Http404("the public site is off")
        # The same page for every reader: the server's page cache may keep one copy for
        # all readers without a session, and ends it at the next commit (page_cache).
        request.environ[SHARED] = True
        return view(request, *args, **kwargs)

    # No caching in browsers or proxies: a withdrawn person must leave every page at once.
    uncached: View = cache_control(no_store=True)(wrapped)
    return uncached


def _since(text: str) -> dt.date | None:
    try:
        return PartialDate.parse(text).earliest() if text else None
    except Exception:
        return None


def filter_held(persons: list[PublicPerson], query: Any) -> list[PublicPerson]:
    """The held persons matching the list's filters (role, country, authority, since)."""
    role = query.get("role", "").strip().lower()
    country = query.get("country", "").strip().upper()
    authority = query.get("authority", "").strip().lower()
    since = _since(query.get("since", "").strip())
    out = []
    for p in persons:
        if not p.held:
            continue
        if role and role not in (r.lower() for r in p.roles):
            continue
        if country and p.country != country:
            continue
        if authority and not any(authority in a.lower() for a in p.authorities()):
            continue
        if since and (p.since is None or p.since.earliest() < since):
            continue
        out.append(p)
    return out


def _paged(request: Any, rows: list[Any]) -> dict[str, Any]:
    """The page of `rows` asked for, and the query its paging links keep (filters)."""
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "page": Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")),
        "page_query": query.urlencode(),
    }


def _choices(everyone: list[PublicPerson]) -> dict[str, Any]:
    """What the list's filters offer, from the persons held (once per commit)."""
    held = [p for p in everyone if p.held]
    return {
        "roles": tuple(sorted({r for p in held for r in p.roles})),
        "countries": tuple(sorted({p.country for p in held if p.country})),
        "authorities": tuple(sorted({a for p in held for a in p.authorities()})),
        "total": len(held),
    }


@public_page
def person_list(request: Any) -> Any:
    everyone = public_persons()
    shown = filter_held(everyone, request.GET)
    context = {
        **_paged(request, shown),
        **per_commit("public list choices", dt.date.today(), lambda: _choices(everyone)),
        "shown": len(shown),
        "query": {k: request.GET.get(k, "") for k in ("role", "country", "authority", "since")},
    }
    return render(request, "public/list.html", context)


@public_page
def person_page(request: Any, person_id: int) -> Any:
    person = public_person(person_id)
    if person is None:
        raise Http404("no such public person")
    sources = {s.id: s for s in person.sources}
    events = [(e, [sources[i] for i in e.source_ids]) for e in person.events]
    return render(request, "public/person.html", {"person": person, "events": events})


@public_page
def statistics_page(request: Any) -> Any:
    charts = [
        ("per_month", "Detentions per month"),
        ("by_authority", "Detentions and sentences by authority"),
        ("by_article", "Charges by article"),
        ("by_length", "Penalties by length"),
    ]
    stats = per_commit("public statistics", dt.date.today(), lambda: statistics(public_persons()))
    context = {"stats": stats, "charts": charts}
    return render(request, "public/statistics.html", context)


@public_page
def atom_feed(request: Any) -> Any:
    return PublicUpdates()(request)


@public_page
def public_export(request: Any, fmt: str) -> Any:
    from habeas.export import FORMATS, write
    from habeas.web.public.view import public_records

    if fmt not in FORMATS:
        raise Http404("no such format")
    out = io.StringIO()
    write(fmt, public_records(), out)
    _, media, ext = FORMATS[fmt]
    response = HttpResponse(out.getvalue(), content_type=f"{media}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="habeas-public.{ext}"'
    return response


@public_page
def prisoner_lists(request: Any) -> Any:
    from habeas.web.store.models import PrisonerList

    lists = PrisonerList.objects.filter(public=True).order_by("name")
    return render(request, "public/lists.html", {"lists": lists})


@public_page
def prisoner_list(request: Any, slug: str) -> Any:
    from habeas.web.public.prisoner_lists import counts_over_time, members
    from habeas.web.store.models import PrisonerList

    plist = PrisonerList.objects.filter(slug=slug, public=True).first()
    if plist is None:
        raise Http404("no such public list")
    shown = {p.id: p for p in public_persons()}
    texts = {c["key"]: c["text"] for c in plist.criteria}
    rows = [
        (shown[pid], decision.decided_on, [(k, texts.get(k, "")) for k in decision.criteria_met])
        for pid, decision in members(plist).items()
        if pid in shown
    ]
    rows.sort(key=lambda r: r[0].name)
    context = {
        **_paged(request, rows),
        "plist": plist,
        "listed": len(rows),
        "counts": counts_over_time(plist, public_ids=set(shown)),
    }
    return render(request, "public/prisoner_list.html", context)
