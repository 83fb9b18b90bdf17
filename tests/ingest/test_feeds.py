"""parse_feed on RSS and Atom written for the tests, fetched from the local server."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from habeas.errors import InputError
from habeas.ingest.feeds import Feed, FeedEntry, parse_feed
from habeas.ingest.fetch import Expect, fetch

ARTICLE = (Path(__file__).parent / "pages" / "article_en.html").read_bytes()


def _fetched(server: Any, path: str) -> bytes:
    url = server.url(path)
    return fetch(url, allow_private=True, expect=Expect.FEED).body


def test_an_rss_feed_fetched_from_a_server(server: Any) -> None:
    feed = parse_feed(_fetched(server, "/feed.rss"), url="https://courier.example/rss")

    assert feed.title == "Northwind Courier: detentions"
    assert feed.entries[0] == FeedEntry(
        url="https://courier.example/orlova",
        title="Activist Tamsin Orlova detained in Veldgrad",
        published=datetime.date(2025, 3, 13),
        summary="Police detained the activist on Saturday.",
        entry_id="courier-2025-0313-orlova",
    )
    # No guid, no date: the link stands in for the id.
    assert feed.entries[1].entry_id == "https://courier.example/miroshnikov"
    assert feed.entries[1].published is None


def test_an_atom_feed_keeps_the_publishers_own_date(server: Any) -> None:
    feed = parse_feed(_fetched(server, "/feed.atom"), url="https://vestnik.example/atom")

    assert feed.title == "Северный вестник"
    (entry,) = feed.entries
    assert entry.url == "https://vestnik.example/miroshnikov"
    assert entry.entry_id == "tag:vestnik.example,2024:miroshnikov"
    assert entry.published == datetime.date(2024, 11, 2)
    assert entry.summary == "Суд назначил блогеру 15 суток ареста."


def test_a_late_evening_item_is_dated_as_the_publisher_wrote_it() -> None:
    rss = b"""<rss version="2.0"><channel><title>t</title><item><title>x</title>
    <link>https://courier.example/late</link>
    <pubDate>Sat, 08 Mar 2025 23:30:00 +0400</pubDate></item></channel></rss>"""
    # In UTC this is 19:30 on the 8th; at +0400 it is still the 8th, and at
    # -0500 the UTC date would move to the 9th.
    late_west = rss.replace(b"+0400", b"-0500")

    assert parse_feed(rss, url="u").entries[0].published == datetime.date(2025, 3, 8)
    assert parse_feed(late_west, url="u").entries[0].published == datetime.date(2025, 3, 8)


def test_relative_links_are_resolved_against_the_feed_url() -> None:
    rss = b"""<rss version="2.0"><channel><title>t</title>
    <item><title>x</title><link>/news/orlova</link></item></channel></rss>"""

    feed = parse_feed(rss, url="https://courier.example/feeds/rss")

    assert feed.entries[0].url == "https://courier.example/news/orlova"


def test_an_empty_feed_is_a_feed() -> None:
    rss = b'<rss version="2.0"><channel><title>Quiet week</title></channel></rss>'
    assert parse_feed(rss, url="u") == Feed(title="Quiet week", entries=())


@pytest.mark.parametrize(
    "data",
    [ARTICLE, b"just some words", b"", b'{"items": []}', b"<?xml version='1.0'?><doc/>"],
)
def test_anything_else_is_not_a_feed(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^https://x\.example/ is not an RSS or Atom feed$"):
        parse_feed(data, url="https://x.example/")
