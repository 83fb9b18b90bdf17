"""The Atom feed of public updates: one entry per published person, newest change first."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from habeas.web.public.view import PublicPerson, public_persons


class PublicUpdates(Feed):  # type: ignore[misc]
    feed_type = Atom1Feed
    title = "habeas: public case files"
    subtitle = "Persons and events an editor has published."

    def link(self) -> str:
        return str(reverse("public:list"))

    def items(self) -> list[PublicPerson]:
        return sorted(public_persons(), key=lambda p: p.updated, reverse=True)[:50]

    def item_title(self, item: PublicPerson) -> str:
        return f"{item.name}: {item.status_words}"

    def item_description(self, item: PublicPerson) -> str:
        return item.status_words

    def item_link(self, item: PublicPerson) -> str:
        return str(reverse("public:person", args=[item.id]))

    def item_updateddate(self, item: PublicPerson) -> Any:
        return item.updated

    def item_pubdate(self, item: PublicPerson) -> Any:
        return item.updated
