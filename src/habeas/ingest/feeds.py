"""RSS and Atom documents → the entries worth capturing."""

from __future__ import annotations

import datetime
import email.utils
import html
import re
import time
from dataclasses import dataclass
from typing import Any

from habeas.errors import InputError

_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed. `entry_id` is the feed's own id, or the link when it has none."""

    url: str
    title: str | None
    published: datetime.date | None
    summary: str | None
    entry_id: str


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed; entries keep the feed's order and each has a link."""

    title: str | None
    entries: tuple[FeedEntry, ...]


def parse_feed(data: bytes, *, url: str) -> Feed:
    """Parse RSS or Atom bytes fetched from `url` (used to resolve relative links).

    Raises InputError "… is not an RSS or Atom feed" for anything else.
    Entries without a link are skipped: there is nothing to capture.
    """
    import feedparser

    # Always bytes, never a URL or path: feedparser would fetch or open it itself,
    # bypassing the SSRF guard.
    parsed = feedparser.parse(
        bytes(data), response_headers={"content-location": url, "content-type": "application/xml"}
    )
    if not parsed.get("version") and not parsed.entries:
        raise InputError(f"{url} is not an RSS or Atom feed")
    entries = tuple(e for e in (_entry(raw) for raw in parsed.entries) if e is not None)
    return Feed(title=_clean(parsed.feed.get("title")), entries=entries)


def _entry(raw: Any) -> FeedEntry | None:
    link = _clean(raw.get("link"))
    if not link:
        return None
    return FeedEntry(
        url=link,
        title=_clean(raw.get("title")),
        published=_date(raw, "published") or _date(raw, "updated"),
        summary=_plain(raw.get("summary")),
        entry_id=_clean(raw.get("id")) or link,
    )


def _date(raw: Any, field: str) -> datetime.date | None:
    # The date as written, in the publisher's own time zone: feedparser's
    # parsed form is converted to UTC, which moves late-evening items a day.
    text = raw.get(field)
    if isinstance(text, str) and text.strip():
        for parse in (_rfc822, _iso):
            found = parse(text.strip())
            if found is not None:
                return found
    struct = raw.get(f"{field}_parsed")
    if isinstance(struct, time.struct_time):
        return datetime.date(struct.tm_year, struct.tm_mon, struct.tm_mday)
    return None


def _rfc822(text: str) -> datetime.date | None:
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _iso(text: str) -> datetime.date | None:
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return datetime.date.fromisoformat(text[:10])
        except ValueError:
            return None


def _plain(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return _clean(html.unescape(_TAG.sub(" ", value)))


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None
