"""parse_feed on any bytes gives a Feed or an InputError, nothing else, quickly."""

from __future__ import annotations

import time

from hypothesis import given

from habeas.errors import InputError
from habeas.ingest.feeds import Feed, parse_feed

from .strategies import FUZZ, feed_bytes


@FUZZ
@given(data=feed_bytes)
def test_any_bytes_are_a_feed_or_an_input_error(data: bytes) -> None:
    started = time.process_time()
    try:
        feed = parse_feed(data, url="https://news.example/feed.xml")
    except InputError as exc:
        assert str(exc).strip()
    else:
        assert isinstance(feed, Feed)
        for entry in feed.entries:
            assert entry.url
    assert time.process_time() - started < 5
