"""The page cache: a repeat read is answered from memory, and nothing stale or foreign is shown.

Requests go through the real WSGI stack (the cache around Django's handler),
on the real database; the people are invented.
"""

from __future__ import annotations

import datetime as dt
import threading
import wsgiref.util
from typing import Any

import pytest
from public_support import encryption_key, plant
from web_support import client_for, confirm_all, held_story, store, user

__all__ = ["encryption_key"]  # plant() needs a data key; harmless to the other tests


def _cache(**kw: Any) -> Any:
    from django.core.wsgi import get_wsgi_application

    from habeas.web.page_cache import PageCache

    return PageCache(get_wsgi_application(), **{"max_bytes": 8 << 20, "seconds": 600, **kw})


def _get(app: Any, path: str, cookie: str = "", **headers: str) -> tuple[str, dict[str, str], str]:
    path, _, query = path.partition("?")
    environ: dict[str, Any] = {"PATH_INFO": path, "QUERY_STRING": query, "HTTP_COOKIE": cookie}
    environ.update(headers)
    wsgiref.util.setup_testing_defaults(environ)
    environ["HTTP_HOST"] = "testserver"
    got: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        got.update(status=status, headers=dict(headers))
        return lambda data: None

    body = b"".join(app(environ, start_response)).decode()
    return got["status"], got["headers"], body


def _cookie(name: str) -> str:
    # A browser sends back the CSRF cookie it was given; without one every page sets it anew.
    csrf = "c" * 32
    return f"sessionid={client_for(name).cookies['sessionid'].value}; csrftoken={csrf}"


def _person(name: str = "Zaur Qasimli") -> Any:
    from habeas.web.store.models import Person

    done = store(held_story(name, name.split()[-1]))
    confirm_all(done.report_id)
    return Person.objects.get(display_name=name)


def test_a_repeat_read_is_served_from_memory_until_a_write() -> None:
    app, cookie, person = _cache(), _cookie("carol"), _person()
    path = f"/persons/{person.pk}/"
    first = _get(app, path, cookie)
    second = _get(app, path, cookie)
    assert first[0].startswith("200") and first[1]["X-Habeas-Cache"] == "miss"
    assert second[1]["X-Habeas-Cache"] == "hit" and second[2] == first[2]

    from habeas.web.store.models import Person

    Person.objects.filter(pk=person.pk).update(display_name="Zaur Qasimli-Rustamov")
    third = _get(app, path, cookie)
    assert third[1]["X-Habeas-Cache"] == "miss"
    assert "Qasimli-Rustamov" in third[2]


def test_a_write_through_another_connection_ends_the_entry() -> None:
    # The worker and CLI write through connections of their own: another thread has one.
    app, cookie, person = _cache(), _cookie("carol"), _person()
    path = f"/persons/{person.pk}/"
    _get(app, path, cookie)
    assert _get(app, path, cookie)[1]["X-Habeas-Cache"] == "hit"

    def rename() -> None:
        from django.db import connection

        from habeas.web.store.models import Person

        Person.objects.filter(pk=person.pk).update(display_name="Zaur Qasimov")
        connection.close()

    writer = threading.Thread(target=rename)
    writer.start()
    writer.join()
    _, headers, body = _get(app, path, cookie)
    assert headers["X-Habeas-Cache"] == "miss" and "Zaur Qasimov" in body


def test_a_page_is_never_shown_to_another_session_or_after_logout() -> None:
    from django.contrib.sessions.models import Session

    app, cookie = _cache(), _cookie("carol")
    _get(app, "/", cookie)
    assert _get(app, "/", cookie)[1]["X-Habeas-Cache"] == "hit"
    assert _get(app, "/")[0].startswith("302")  # no cookie: to the login page
    assert _get(app, "/", "sessionid=forged")[0].startswith("302")
    session_key = cookie.split(";")[0].split("=", 1)[1]
    Session.objects.filter(session_key=session_key).delete()  # logging out
    status, headers, _ = _get(app, "/", cookie)
    assert status.startswith("302") and headers["X-Habeas-Cache"] == "miss"


def test_another_users_read_of_the_same_page_is_rendered_for_them() -> None:
    app, person = _cache(), _person()
    path = f"/persons/{person.pk}/"
    carol, bob = _cookie("carol"), _cookie("bob")
    _get(app, path, carol)
    assert _get(app, path, carol)[1]["X-Habeas-Cache"] == "hit"
    _, headers, body = _get(app, path, bob)
    assert headers["X-Habeas-Cache"] == "miss"
    assert "bob" in body and "carol" not in body


def test_an_entry_ends_with_its_session_the_day_and_its_age(monkeypatch: Any) -> None:
    import time

    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    client = client_for("carol")
    session = SessionStore(client.cookies["sessionid"].value)
    session.set_expiry(30)
    session.save()
    app, cookie = _cache(seconds=3600), f"sessionid={session.session_key}; csrftoken={'c' * 32}"
    _get(app, "/", cookie)
    assert _get(app, "/", cookie)[1]["X-Habeas-Cache"] == "hit"
    later = time.time() + 60  # past the session's end, not the entry's hour
    monkeypatch.setattr("habeas.web.page_cache.time.time", lambda: later)
    assert _get(app, "/", cookie)[1]["X-Habeas-Cache"] == "miss"
    monkeypatch.undo()

    _get(app, "/", cookie)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: tomorrow)
    assert _get(app, "/", cookie)[1]["X-Habeas-Cache"] == "miss"
    monkeypatch.undo()

    short = _cache(seconds=1)
    _get(short, "/", cookie)
    monkeypatch.setattr("habeas.web.page_cache.time.time", lambda: later)
    assert _get(short, "/", cookie)[1]["X-Habeas-Cache"] == "miss"


@pytest.mark.parametrize(
    "page",
    ["/", "/lists/detained/", "/persons/", "person", "/search/?q=Qasimli", "/review/", "ical"],
)
def test_reading_a_page_writes_nothing_so_the_second_read_is_a_hit(page: str) -> None:
    from habeas.web.alerts.services import subscription_of

    person = _person()
    page = {
        "person": f"/persons/{person.pk}/",
        "ical": f"/alerts/calendar/{subscription_of(user('carol')).calendar_token}.ics",
    }.get(page, page)
    app, cookie = _cache(), _cookie("carol")
    first = _get(app, page, cookie)
    assert first[0].startswith("200"), first[0]
    assert _get(app, page, cookie)[1]["X-Habeas-Cache"] == "hit"


def test_forms_other_methods_and_unkept_responses_are_always_rendered() -> None:
    app, cookie = _cache(), _cookie("bob")
    for _ in range(2):
        assert "X-Habeas-Cache" not in _get(app, "/persons/add/", cookie)[1]
        assert "X-Habeas-Cache" not in _get(app, "/", cookie, REQUEST_METHOD="HEAD")[1]
    # A 404 is rendered, not kept.
    assert _get(app, "/persons/999999/", cookie)[1]["X-Habeas-Cache"] == "miss"
    assert _get(app, "/persons/999999/", cookie)[1]["X-Habeas-Cache"] == "miss"
    # An htmx fragment and the full page are different answers.
    _get(app, "/", cookie)
    assert _get(app, "/", cookie, HTTP_HX_REQUEST="true")[1]["X-Habeas-Cache"] == "miss"


def test_an_error_response_reaches_the_server_once_and_is_not_kept() -> None:
    import sys

    from habeas.web.page_cache import PageCache

    def failing(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        try:
            raise RuntimeError("the page failed")
        except RuntimeError:
            start_response(
                "500 Internal Server Error", [("Content-Type", "text/html")], sys.exc_info()
            )
        return [b"sorry"]

    calls: list[tuple[str, Any]] = []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        calls.append((status, exc_info))
        return lambda data: None

    app = PageCache(failing, max_bytes=1 << 20, seconds=60)
    environ: dict[str, Any] = {"PATH_INFO": "/persons/", "QUERY_STRING": "", "HTTP_COOKIE": ""}
    wsgiref.util.setup_testing_defaults(environ)
    for _ in range(2):
        assert b"".join(app(environ, start_response)) == b"sorry"
    assert [status for status, _ in calls] == ["500 Internal Server Error"] * 2
    assert all(exc_info is not None for _, exc_info in calls) and app._bytes == 0


PUBLIC_PAGES = ["/public/", "person", "/public/statistics/", "/public/lists/", "/public/feed.atom"]


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_a_public_page_is_kept_once_for_every_reader_without_a_session(page: str) -> None:
    from django.test import override_settings

    planted = plant()
    page = f"/public/person/{planted.public_id}/" if page == "person" else page
    app = _cache()
    with override_settings(HABEAS_PUBLIC_SITE=True):
        first = _get(app, page)
        # Another reader, with a cookie of their own but no session.
        second = _get(app, page, "csrftoken=" + "d" * 32)
    assert first[0].startswith("200") and first[1]["X-Habeas-Cache"] == "miss"
    assert second[1]["X-Habeas-Cache"] == "hit" and second[2] == first[2]
    # Browsers and proxies are still told to keep nothing.
    assert "no-store" in second[1]["Cache-Control"] and "Set-Cookie" not in second[1]
    assert not any(name.lower().startswith("x-habeas-shared") for name in second[1])


def test_unpublishing_ends_the_kept_public_pages_at_once() -> None:
    from django.test import override_settings

    from habeas.web.public.publishing import set_person_public
    from habeas.web.store.models import Person

    planted = plant()
    app = _cache()
    person = f"/public/person/{planted.public_id}/"
    with override_settings(HABEAS_PUBLIC_SITE=True):
        for path in ("/public/", person):
            _get(app, path)
            assert _get(app, path)[1]["X-Habeas-Cache"] == "hit"
        set_person_public(Person.objects.get(pk=planted.public_id), False, user=user("bob"))
        _status, headers, page = _get(app, "/public/")
        assert headers["X-Habeas-Cache"] == "miss" and "Zaur Qasimli" not in page
        assert _get(app, person)[0].startswith("404")


def test_a_reader_with_a_session_is_not_given_the_shared_copy() -> None:
    from django.test import override_settings

    plant()
    app, cookie = _cache(), _cookie("carol")
    with override_settings(HABEAS_PUBLIC_SITE=True):
        _get(app, "/public/")
        assert _get(app, "/public/")[1]["X-Habeas-Cache"] == "hit"
        assert _get(app, "/public/", cookie)[1]["X-Habeas-Cache"] == "miss"
        assert _get(app, "/public/", cookie)[1]["X-Habeas-Cache"] == "hit"


def test_only_a_page_that_says_so_is_shared_and_never_one_that_sets_a_cookie() -> None:
    from habeas.web.page_cache import SHARED, PageCache

    def page(*, shared: bool, cookie: bool) -> Any:
        def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
            if shared:
                environ[SHARED] = True
            headers = [("Content-Type", "text/html"), ("Cache-Control", "no-store")]
            if cookie:
                headers.append(("Set-Cookie", "csrftoken=" + "e" * 32 + "; Path=/"))
            start_response("200 OK", headers)
            return [b"<p>the same for everyone</p>"]

        return PageCache(app, max_bytes=1 << 20, seconds=60)

    for shared, cookie, kept in [(True, False, True), (False, False, False), (True, True, False)]:
        app = page(shared=shared, cookie=cookie)
        _get(app, "/public/statistics/")
        got = _get(app, "/public/statistics/", "csrftoken=" + "f" * 32)[1]["X-Habeas-Cache"]
        assert got == ("hit" if kept else "miss"), (shared, cookie)


def test_memory_stays_within_its_budget() -> None:
    cookie = _cookie("carol")
    size = len(_get(_cache(), "/search/?q=name5", cookie)[2].encode())
    # Room for about nine of the twelve pages; one page is within the per-entry eighth.
    budget = int(9.5 * size)
    app = _cache(max_bytes=budget)
    for q in range(12):
        _get(app, f"/search/?q=name{q}", cookie)
    assert 0 < app._bytes <= budget
    # Which pages are kept, read from the entries rather than from a hit: on PostgreSQL
    # any commit on the server (an autovacuum's ANALYZE too) ends every entry's token,
    # which is the token's business (tested above), not the budget's.
    kept = {part for key in app._entries for part in key}
    assert "q=name11" in kept and "q=name0" not in kept


def test_the_cache_can_be_turned_off() -> None:
    from django.test import override_settings

    from habeas.web.page_cache import PageCache, wrap

    with override_settings(HABEAS_PAGE_CACHE_MB=0):
        assert not isinstance(wrap(lambda e, s: []), PageCache)
    with override_settings(HABEAS_PAGE_CACHE_MB=1):
        assert isinstance(wrap(lambda e, s: []), PageCache)


def test_every_table_counts_its_writes() -> None:
    from django.db import connection

    from habeas.web.store import generation

    assert generation.untriggered() == []
    before = generation.current()
    user("dave")  # a write to the accounts tables, not the case store
    assert generation.current() != before
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute('CREATE TABLE "later_table" (id INTEGER PRIMARY KEY)')
        try:
            assert generation.untriggered() == ["later_table"]
            assert generation.install() == 3
            assert generation.untriggered() == []
        finally:
            with connection.cursor() as cursor:
                cursor.execute('DROP TABLE "later_table"')
