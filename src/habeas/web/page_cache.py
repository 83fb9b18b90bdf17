"""Rendered read pages kept in the server's memory until anything in the database changes.

Fifty people watching the detained list, a person page or the dashboard ask
for the same pages again and again while nothing changes; rendering each
costs the server 20-60 ms of CPU. This WSGI wrapper answers a repeat request
from memory when all of these hold:

- the request is a GET of a read page (`_PAGES`) with the same cookies,
  language and htmx headers as the one that was rendered: a page is only
  ever shown to the session it was rendered for;
- nothing was committed to the database since (habeas.web.store.generation:
  a confirmation, an ingest in another process, a login or logout, a role
  change, a withdrawn person all end every entry at once);
- the session has not expired, the day has not changed (statuses such as
  "overdue" turn at midnight) and the entry is younger than
  HABEAS_PAGE_CACHE_SECONDS;
- the response was a 200 of HTML, iCal or Atom without `Cache-Control:
  no-store` and without Set-Cookie, except the renewal of the CSRF cookie the
  request already carries.

The public site is the exception to "only the session it was rendered for":
its pages are the same for every reader, so a public page asked for without
a session cookie is kept once for every such reader (the view says so by
setting `SHARED` in the WSGI environ, and such a response may set no cookie
at all). Its `Cache-Control: no-store` still
reaches browsers and proxies, which must not keep a page a withdrawal has
to end at once; here the token ends it at the next commit, like any entry.

Entries live only in this process's memory, never on disk, within
HABEAS_PAGE_CACHE_MB. A hit skips Django's middleware: it costs two indexed
reads (the token, nothing else) instead of the page's queries and template.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

Environ = dict[str, Any]
StartResponse = Callable[..., Any]
WSGIApp = Callable[[Environ, StartResponse], Iterable[bytes]]

# The read pages worth keeping: the dashboard, lists, person and report pages, search, the
# review queue and the calendar feed. Forms, exports and the API are always rendered.
_PAGES = re.compile(
    r"^/(?:|lists/[\w-]+/|persons/|persons/\d+/|search/|review/|reports/|reports/\d+/"
    r"|alerts/|alerts/calendar/[\w-]+\.ics"
    r"|public/|public/person/\d+/|public/statistics/|public/lists/|public/lists/[\w-]+/"
    r"|public/feed\.atom)$"
)
# The WSGI environ key by which a view says its page is the same for every reader.
SHARED = "habeas.shared_page"
_SHARED_PREFIX = "/public/"
_KEPT_TYPES = ("text/html", "text/calendar", "application/atom+xml")
_KEY_HEADERS = (
    "wsgi.url_scheme",
    "HTTP_HOST",
    "SCRIPT_NAME",
    "PATH_INFO",
    "QUERY_STRING",
    "HTTP_COOKIE",
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_X_FORWARDED_PROTO",
)


@dataclass(frozen=True)
class _Entry:
    token: str
    day: str
    until: float  # time.time() after which the entry is not served
    status: str
    headers: list[tuple[str, str]]
    body: bytes


class PageCache:
    """A WSGI wrapper around `app` that keeps read pages (see the module's docstring)."""

    def __init__(self, app: WSGIApp, *, max_bytes: int, seconds: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.seconds = seconds
        self._entries: OrderedDict[tuple[str, ...], _Entry] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "GET" or not _PAGES.match(environ.get("PATH_INFO", "")):
            return self.app(environ, start_response)
        from django.db import DatabaseError, close_old_connections
        from django.utils import timezone

        from habeas.web.store import generation

        anonymous_public = _may_share(environ)
        key = _key(environ, shared=anonymous_public)
        close_old_connections()  # what Django does at the start of a request
        try:
            token = generation.current()
        except DatabaseError:
            return self.app(environ, start_response)  # Django will say what is wrong
        day = timezone.localdate().isoformat()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
        fresh = entry is not None and entry.token == token and entry.day == day
        if entry is not None and fresh and time.time() < entry.until:
            start_response(entry.status, [*entry.headers, ("X-Habeas-Cache", "hit")])
            return [entry.body]
        return self._render(environ, start_response, key, token, day, anonymous_public)

    def _render(
        self,
        environ: Environ,
        start_response: StartResponse,
        key: tuple[str, ...],
        token: str,
        day: str,
        anonymous_public: bool,
    ) -> Iterable[bytes]:
        started: dict[str, Any] = {}
        written: list[bytes] = []

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            # The server hears of the response once, below, whatever the app called.
            started.update(status=status, headers=headers, exc_info=exc_info)
            return written.append

        result = self.app(environ, capture)
        try:
            body = b"".join([*written, *result])
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        status, headers = started["status"], list(started["headers"])
        shared = environ.get(SHARED) is True
        if started["exc_info"] is not None:
            start_response(status, headers, started["exc_info"])
            return [body]
        if anonymous_public and not shared:
            kept = None  # kept under the key of every reader without a session: only if it says so
        else:
            kept = _without_csrf_renewal(environ, headers, renewal=not anonymous_public)
        until = None if kept is None else self._until(environ, status, kept, body, shared=shared)
        if kept is not None and until is not None:
            self._store(key, _Entry(token, day, until, status, kept, body))
        start_response(status, [*headers, ("X-Habeas-Cache", "miss")])
        return [body]

    def _until(
        self,
        environ: Environ,
        status: str,
        headers: list[tuple[str, str]],
        body: bytes,
        *,
        shared: bool,
    ) -> float | None:
        """When an entry for this response stops being served, or None if it is not kept."""
        if not status.startswith("200 ") or len(body) > self.max_bytes // 8:
            return None
        named = {name.lower(): value for name, value in headers}
        # no-store is for browsers and proxies; a shared page asks it of them, not of us.
        if "no-store" in named.get("cache-control", "") and not shared:
            return None
        if not named.get("content-type", "").startswith(_KEPT_TYPES):
            return None
        until = time.time() + self.seconds
        session_end = _session_end(environ)
        return None if session_end is None else min(until, session_end)

    def _store(self, key: tuple[str, ...], entry: _Entry) -> None:
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._entries[key] = entry
            self._bytes += len(entry.body)
            while self._bytes > self.max_bytes and self._entries:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped.body)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0


def _may_share(environ: Environ) -> bool:
    """Whether this is a public page asked without a session (the same for every such reader)."""
    from django.conf import settings
    from django.http import parse_cookie

    if not environ.get("PATH_INFO", "").startswith(_SHARED_PREFIX):
        return False
    return not parse_cookie(environ.get("HTTP_COOKIE", "")).get(settings.SESSION_COOKIE_NAME)


def _key(environ: Environ, *, shared: bool = False) -> tuple[str, ...]:
    # htmx asks for fragments of the same URL: its headers are part of what was asked.
    htmx = sorted(f"{k}={v}" for k, v in environ.items() if k.startswith("HTTP_HX_"))
    values = [str(environ.get(name, "")) for name in _KEY_HEADERS]
    if shared:
        values[_KEY_HEADERS.index("HTTP_COOKIE")] = "(every reader without a session)"
    return (*values, *htmx)


def _without_csrf_renewal(
    environ: Environ, headers: list[tuple[str, str]], *, renewal: bool = True
) -> list[tuple[str, str]] | None:
    """`headers` less a Set-Cookie that only renews the CSRF cookie the request sent.

    Django sends the CSRF cookie again on every page with a form, to push its
    expiry a year on; the value is the one the browser has. Any other cookie
    (a new CSRF secret, a session), or any cookie at all without `renewal`,
    makes the response unfit to keep: None.
    """
    from django.conf import settings
    from django.http import parse_cookie

    sent = parse_cookie(environ.get("HTTP_COOKIE", "")).get(settings.CSRF_COOKIE_NAME)
    kept = []
    for name, value in headers:
        if name.lower() == "set-cookie":
            cookie, _, _ = value.strip().partition(";")
            if not renewal or not sent or cookie != f"{settings.CSRF_COOKIE_NAME}={sent}":
                return None
            continue
        kept.append((name, value))
    return kept


def _session_end(environ: Environ) -> float | None:
    """The session's expiry as time.time(), inf without a session, None if it is gone."""
    from django.conf import settings
    from django.contrib.sessions.models import Session
    from django.http import parse_cookie

    session_key = parse_cookie(environ.get("HTTP_COOKIE", "")).get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return float("inf")
    expiry = (
        Session.objects.filter(session_key=session_key)
        .values_list("expire_date", flat=True)
        .first()
    )
    return None if expiry is None else expiry.timestamp()


def wrap(app: WSGIApp) -> WSGIApp:
    """`app` behind a page cache as the settings ask (unchanged when HABEAS_PAGE_CACHE_MB=0)."""
    from django.conf import settings

    if settings.HABEAS_PAGE_CACHE_MB <= 0:
        return app
    return PageCache(
        app,
        max_bytes=settings.HABEAS_PAGE_CACHE_MB * 1024 * 1024,
        seconds=settings.HABEAS_PAGE_CACHE_SECONDS,
    )
