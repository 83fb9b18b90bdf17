"""The public site's pages: read-only, no login, 404 everywhere while the site is off."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.views.decorators.cache import cache_control

from habeas.model import PartialDate
from habeas.web.public.feed import PublicUpdates
from habeas.web.public.publishing import site_is_on
from habeas.web.public.statistics import statistics
from habeas.web.public.view import PublicPerson, public_person, public_persons

View = Callable[..., Any]


def public_page(view: View) -> View:
    """No login; GET only; 404 unless the public site is on."""

    @login_not_required  # type: ignore[untyped-decorator]
    @wraps(view)
    def wrapped(request: Any, *args: Any, **kwargs: Any) -> Any:
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if not site_is_on():
            raise Http404("the public site is off")
        return view(request, *args, **kwargs)

    # No caching anywhere: a withdrawn person must leave every page at once.
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


@public_page
def person_list(request: Any) -> Any:
    everyone = public_persons()
    held = [p for p in everyone if p.held]
    shown = filter_held(everyone, request.GET)
    context = {
        "persons": shown,
        "roles": sorted({r for p in held for r in p.roles}),
        "countries": sorted({p.country for p in held if p.country}),
        "authorities": sorted({a for p in held for a in p.authorities()}),
        "query": {k: request.GET.get(k, "") for k in ("role", "country", "authority", "since")},
        "total": len(held),
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
    context = {"stats": statistics(public_persons()), "charts": charts}
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
        "plist": plist,
        "rows": rows,
        "counts": counts_over_time(plist, public_ids=set(shown)),
    }
    return render(request, "public/prisoner_list.html", context)
