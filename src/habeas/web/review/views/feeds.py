"""Feeds: the registered feeds with their entries' states, and adding a feed."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from habeas.errors import HabeasError
from habeas.web.accounts.roles import editor_post, viewer_required
from habeas.web.review.forms import FeedForm
from habeas.web.store.feeds import add_feed
from habeas.web.store.queries import feeds_overview


@viewer_required
def feeds(request: HttpRequest) -> HttpResponse:
    return render(request, "review/feeds.html", {"feeds": feeds_overview(), "form": FeedForm()})


@editor_post
def add(request: HttpRequest) -> HttpResponse:
    form = FeedForm(request.POST)
    if form.is_valid():
        try:
            feed, created = add_feed(form.cleaned_data["url"])
        except HabeasError as exc:
            form.add_error("url", str(exc))
        else:
            if created:
                messages.success(request, f"Added feed #{feed.pk}: {feed.title or feed.url}.")
            else:
                messages.info(request, f"Feed #{feed.pk} was already registered.")
            return redirect("feeds")
    context = {"feeds": feeds_overview(), "form": form}
    return render(request, "review/feeds.html", context, status=400)
