"""The alerts pages: open alerts, support, notification settings, following, the calendar."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from habeas.web.accounts.roles import Role, remember_role, requires
from habeas.web.alerts import follows, services
from habeas.web.alerts.calendar_feed import calendar_for
from habeas.web.alerts.forms import SubscriptionForm, SupportForm
from habeas.web.alerts.models import AlertState
from habeas.web.store.models import Person

_RECENTLY_ACKNOWLEDGED = 50
ALERTS_PER_PAGE = 100
# The role decorators answer 405 to any other method and 403 to a user without the role.
_read = requires(Role.VIEWER)
_read_or_post = requires(Role.VIEWER, methods=("GET", "HEAD", "POST"))
_editor_post = requires(Role.EDITOR, methods=("POST",))
_reader_post = requires(Role.VIEWER, methods=("POST",))


@_read
def alert_list(request: Any) -> HttpResponse:
    user = request.user
    acknowledged = services.visible_alerts(user, states=(AlertState.ACKNOWLEDGED,))
    # A large store has tens of thousands open at once (every overdue release): paged.
    page = Paginator(services.visible_alerts(user), ALERTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "alerts/list.html",
        {
            "page": page,
            "acknowledged_alerts": acknowledged.order_by("-acknowledged_at")[
                :_RECENTLY_ACKNOWLEDGED
            ],
            "may_act": services.can_act_on_alerts(user),
        },
    )


@_editor_post
def acknowledge(request: Any, alert_id: int) -> HttpResponse:
    # Looked up among the alerts this user may see, so a hidden one answers 404 like a missing one.
    visible = services.visible_alerts(request.user, states=tuple(AlertState.values))
    alert = get_object_or_404(visible, pk=alert_id)
    if not services.acknowledge(alert, user=request.user):
        messages.info(request, "That alert was no longer open.")
    return redirect("alerts:list")


@_read_or_post
def person_support(request: Any, person_id: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=person_id)
    may_act = services.can_act_on_alerts(request.user)
    form = SupportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not may_act:
            return HttpResponse("Recording support needs the editor role.", status=403)
        if form.is_valid():
            data = form.cleaned_data
            services.record_support(
                person,
                kind=data["kind"],
                status=data["status"],
                date=data["date"],
                note=data["note"],
                confidential=data["confidential"],
                user=request.user,
            )
            return redirect("alerts:support", person_id=person.pk)
    return render(
        request,
        "alerts/support.html",
        {
            "person": person,
            "actions": services.support_visible_to(request.user, person),
            "form": form,
            "may_act": may_act,
        },
    )


@_read_or_post
def calendar_settings(request: Any) -> HttpResponse:
    if request.method == "POST":
        services.regenerate_calendar_token(request.user)
        messages.info(request, "A new calendar address was made; the old one no longer works.")
        return redirect("alerts:calendar")
    sub = services.subscription_of(request.user)
    url = request.build_absolute_uri(reverse("alerts:feed", args=[sub.calendar_token]))
    return render(request, "alerts/calendar.html", {"feed_url": url})


@_read_or_post
def notification_settings(request: Any) -> HttpResponse:
    sub = services.subscription_of(request.user)
    form = SubscriptionForm(request.POST if request.method == "POST" else None, instance=sub)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.info(request, "Your notification settings were saved.")
        return redirect("alerts:settings")
    return render(
        request,
        "alerts/settings.html",
        {"form": form, "followed": follows.followed_persons(request.user)},
    )


def _back_to(request: Any, person: Any) -> HttpResponse:
    # Back to the page the button was on, but never to another site.
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return redirect(target if safe else reverse("person", args=[person.pk]))


@_reader_post
def follow_person(request: Any, person_id: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=person_id)
    follows.follow(request.user, person)
    return _back_to(request, person)


@_reader_post
def unfollow_person(request: Any, person_id: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=person_id)
    follows.unfollow(request.user, person)
    return _back_to(request, person)


@login_not_required  # type: ignore[untyped-decorator]
@require_GET  # type: ignore[untyped-decorator]
def calendar_feed(request: Any, token: str) -> HttpResponse:
    """The feed needs no login (calendar apps cannot log in); the secret token is the key."""
    user = services.user_for_calendar_token(token)
    # The feed asks the token's user's role three times: read it once for this request.
    remember_role(user)
    if user is None or not services.can_read_alerts(user):
        raise Http404("no such calendar")
    now = timezone.now()
    text = calendar_for(user, today=now.date(), now=now)
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    response["Referrer-Policy"] = "no-referrer"
    return response
