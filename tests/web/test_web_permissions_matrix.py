"""Every route × every role, generated from the URL configuration.

Each named route has an explicit rule below: the lowest role that may GET it and
the lowest that may POST it (None: the method is not offered). A new route
without a rule fails test_every_route_has_a_rule, so nobody adds a page
without deciding who may see it.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import IntEnum
from typing import Any

from web_support import client_for, held_story, store, user


class Level(IntEnum):
    ANONYMOUS = 0
    NO_ROLE = 1  # logged in, in no role group (dave)
    VIEWER = 2
    EDITOR = 3
    ADMIN = 4


PUBLIC = "public"  # anyone, logged in or not
TOKEN = "token"  # no login, but a secret token in the URL: unknown tokens are 404 for everyone
ADMIN_SITE = "admin site"  # Django's admin: staff only, others go to its own login
API = "api"  # no login page: the API's own tokens decide (tested in test_public_api.py)
PUBLIC_SITE = "public site"  # no login, but 404 for everyone while the public site is off
SECOND_FACTOR = "second factor"  # anyone logged in; may send on to the other second-factor page

Rule = tuple[Level | None, Level | None] | str
V, E, N = Level.VIEWER, Level.EDITOR, Level.NO_ROLE
RULES: dict[str, Rule] = {
    "login": PUBLIC,
    "logout": (None, N),
    "two-factor-verify": SECOND_FACTOR,
    "two-factor-setup": SECOND_FACTOR,
    "two-factor-qr": (N, None),  # 404 unless a device is being set up
    "admin:login": PUBLIC,
    "dashboard": (V, None),
    "review-queue": (V, None),
    "event-edit": (E, E),
    "event-decide": (None, E),
    "event-split": (E, E),
    "event-add-charge": (None, E),
    "event-add-source": (None, E),
    "person-add": (E, E),
    "event-add": (E, E),
    "person-list": (V, None),
    "person": (V, None),
    "person-merge": (V, E),
    "person-not-same": (None, E),
    "merge-undo": (None, E),
    "custody-list": (V, None),
    "report-list": (V, None),
    "report": (V, None),
    "search": (V, None),
    "capture": (E, None),
    "capture-paste": (None, E),
    "capture-url": (None, E),
    "capture-upload": (None, E),
    "capture-batch": (E, None),
    "feeds": (V, None),
    "feed-add": (None, E),
    "alerts:list": (V, None),
    "alerts:acknowledge": (None, E),
    "alerts:support": (V, E),
    "alerts:settings": (V, V),
    "alerts:follow": (None, V),
    "alerts:unfollow": (None, V),
    "alerts:calendar": (V, V),
    "alerts:feed": TOKEN,
    "exports": (V, None),
    "export-download": (V, None),
    "publish-person": (E, E),
    "api-docs": PUBLIC,
    "api:openapi-json": PUBLIC,
    "api:api-root": TOKEN,  # django-ninja's bare /api/: 404 for everyone, like an unknown token
}
# Django's admin site is one rule: AdminSite.admin_view admits staff (our admins) only.
# The public site's pages are one rule (they are tested with the site on in test_public_*.py).
NAMESPACE_RULES: dict[str, Rule] = {"admin": ADMIN_SITE, "public": PUBLIC_SITE, "api": API}
CAST = {Level.NO_ROLE: "dave", Level.VIEWER: "carol", Level.EDITOR: "bob", Level.ADMIN: "alice"}


def _routes(patterns: Any = None, prefix: str = "") -> Iterator[tuple[str, Any]]:
    from django.urls import URLResolver, get_resolver

    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            space = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _routes(entry.url_patterns, space)
        else:
            yield f"{prefix}{entry.name}", entry


def _rule(name: str) -> Rule | None:
    if name in RULES:
        return RULES[name]
    return NAMESPACE_RULES.get(name.split(":")[0]) if ":" in name else None


def test_every_route_has_a_rule() -> None:
    routes = [name for name, _ in _routes()]

    assert "dashboard" in routes and len(routes) > 30
    assert [name for name in routes if _rule(name) is None] == []
    assert set(RULES) <= set(routes), "a rule for a route that no longer exists"


def _kwargs(name: str, entry: Any, objects: dict[str, str]) -> dict[str, str]:
    device = {"object_id": objects["device_id"], "pk": objects["device_id"]}
    values = objects | device if "totpdevice" in name else objects
    return {key: values.get(key, "1") for key in entry.pattern.regex.groupindex}


def _objects() -> dict[str, str]:
    from habeas.web.store.models import Event, Person

    result = store(held_story("Zaur Qasimli", "Qasimli"))
    event = Event.objects.filter(evidence__report_id=result.report_id).first()
    person = Person.objects.first()
    assert event is not None and person is not None
    return {
        "person_id": str(person.pk),
        "event_id": str(event.pk),
        "report_id": str(result.report_id),
        "action": "confirm",
        "which": "detained",
        "batch_id": "no-such-batch",
        "version_id": "999999",
        "alert_id": "999999",
        "token": "not-a-real-token",
        "object_id": str(user("alice").pk),
        "device_id": str(user("alice").otp_device.pk),
        "app_label": "auth",
        "fmt": "csv",
    }


def _verdict(rule: Rule, level: Level, method: str, response: Any) -> str | None:
    """Why `response` breaks the rule, or None when it keeps it."""
    status, where = response.status_code, response.get("Location", "")
    to_login = status == 302 and where.startswith("/accounts/login/")
    if rule == PUBLIC:
        return None if status < 400 or status == 405 else f"public page answered {status}"
    if rule == TOKEN:
        ok = status == 404 or (method == "POST" and status == 405)
        return None if ok else f"unknown token answered {status}, not 404"
    if rule == API:
        # A session is no API credential: everyone gets the token-less answer.
        ok = status in (401, 405)
        return None if ok else f"the API without a token answered {status} {where}"
    if rule == PUBLIC_SITE:
        ok = status == 404 or (method == "POST" and status == 405)
        return None if ok else f"public page with the site off answered {status}, not 404"
    if rule == SECOND_FACTOR:
        if level is Level.ANONYMOUS:
            return None if to_login else f"anonymous got {status}, not the login page"
        ok = status in (200, 302) and not to_login
        return None if ok else f"{level.name} got {status} {where}"
    if rule == ADMIN_SITE:
        if level is Level.ADMIN:
            # A 403 here is the admin site's own (e.g. adding to the append-only audit log).
            bad = status == 302 and "login" in where
            return f"admin was sent to log in ({where})" if bad else None
        refused = status == 302 and ("/admin/login/" in where or "/accounts/login/" in where)
        return None if refused or status == 405 else f"non-admin got {status}"
    assert isinstance(rule, tuple)
    needed = rule[0] if method == "GET" else rule[1]
    if needed is None:
        offered = not (status == 405 or (level is Level.ANONYMOUS and to_login))
        return f"{method} is not offered but answered {status}" if offered else None
    if level is Level.ANONYMOUS:
        return None if to_login else f"anonymous got {status}, not the login page"
    if level < needed:
        return None if status == 403 else f"{level.name} got {status}, not 403"
    if status == 403 or to_login or "/two-factor/" in where:
        return f"{level.name} was refused ({status} {where})"
    return None


def test_every_route_keeps_its_rule_for_every_role() -> None:
    from django.test import Client
    from django.urls import reverse

    objects = _objects()
    clients = {Level.ANONYMOUS: Client()} | {lv: client_for(n) for lv, n in CAST.items()}
    broken = []
    checked = 0
    for name, entry in _routes():
        rule = _rule(name)
        assert rule is not None, name
        if name in ("logout", "admin:logout") or name.endswith(":None"):
            # Logging out would end the sessions the other routes are checked with; the
            # admin site's unnamed catch-all cannot be reversed (its rule still applies).
            continue
        url = reverse(name, kwargs=_kwargs(name, entry, objects))
        methods = ["GET"] if rule == ADMIN_SITE else ["GET", "POST"]
        for level, client in clients.items():
            for method in methods:
                response = client.get(url) if method == "GET" else client.post(url, {})
                checked += 1
                why = _verdict(rule, level, method, response)
                if why is not None:
                    broken.append(f"{method} {name} ({url}): {why}")

    assert checked > 300
    assert broken == [], "\n".join(broken)


def test_logout_needs_a_post() -> None:
    client = client_for("carol")

    assert client.get("/accounts/logout/").status_code == 405
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/").status_code == 302
