"""Feeds in the browser: the list, and adding one with a clear message when it fails."""

from __future__ import annotations

from web_support import client_for


def test_a_feed_that_cannot_be_read_is_explained_and_not_added() -> None:
    from habeas.web.store.models import Feed

    response = client_for("bob").post("/feeds/add/", {"url": "http://127.0.0.1:9/feed.xml"})

    assert response.status_code == 400
    assert 'class="errorlist"' in response.content.decode()
    assert Feed.objects.count() == 0


def test_a_viewer_sees_feeds_but_cannot_add() -> None:
    client = client_for("carol")

    assert "Add a feed" not in client.get("/feeds/").content.decode()
    assert client.post("/feeds/add/", {"url": "https://example.org/rss"}).status_code == 403
