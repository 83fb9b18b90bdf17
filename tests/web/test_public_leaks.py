"""The leak test: every public route, feed, export and API answer, found from the URL
configuration and the OpenAPI document (so a new route is checked without being listed),
holds none of the values planted in every confidential place (public_support.SECRETS)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client, override_settings
from public_support import SECRETS, body, encryption_key, leaks, plant

__all__ = ["encryption_key"]  # the fixture, used by every test here


@pytest.fixture(autouse=True)
def fresh_rates() -> Iterator[None]:
    from django.core.cache import cache

    cache.clear()
    yield


def _public_urls(values: dict[str, list[str]]) -> list[str]:
    from django.urls import get_resolver, reverse

    urls = []
    for entry in get_resolver().url_patterns:
        if getattr(entry, "namespace", None) != "public":
            continue
        for pattern in entry.url_patterns:
            keys = list(pattern.pattern.regex.groupindex)
            choices: list[dict[str, str]] = [{}]
            for key in keys:
                choices = [c | {key: v} for c in choices for v in values[key]]
            urls += [reverse(f"public:{pattern.name}", kwargs=c) for c in choices]
    return urls


def _api_urls(values: dict[str, list[str]]) -> list[str]:
    document = json.loads(Client().get("/api/openapi.json").content)
    urls = []
    for path in document["paths"]:
        choices = [path]
        for key, options in values.items():
            if "{" + key + "}" in path:
                choices = [c.replace("{" + key + "}", v) for c in choices for v in options]
        urls += choices
    return urls


def _prisoner_list(*person_ids: int) -> None:
    from habeas.web.public import prisoner_lists as pl
    from habeas.web.store.models import Person

    plist = pl.create_list("pp", "Political prisoners", template="pace-1900", public=True)
    for pid in person_ids:
        person = Person.objects.get(pk=pid)
        pl.decide(plist, person, "added", criteria_met=["a"], reasoning=SECRETS["private_notes"])


@override_settings(HABEAS_PUBLIC_SITE=True)
def test_no_public_route_feed_export_or_api_answer_holds_a_secret() -> None:
    planted = plant()
    _prisoner_list(planted.public_id, planted.private_id)
    ids = [str(planted.public_id), str(planted.private_id)]
    values = {
        "person_id": ids,
        "fmt": ["csv", "jsonl", "ftm", "acled"],
        "name": ["held", "released", "pp"],
        "slug": ["pp"],
    }
    pages = _public_urls(values)
    api = _api_urls(values)
    client = Client()
    checked: dict[str, Any] = {}
    for url in [*pages, *(u + "?page_size=1000" for u in api)]:
        response = client.get(url)
        assert response.status_code in (200, 403, 404), (url, response.status_code)
        found = leaks(body(response))
        checked[url] = response.status_code
        assert found == [], f"{url} shows {found}"

    assert len(pages) >= 9 and len(api) >= 8
    served = [u for u, status in checked.items() if status == 200]
    assert f"/public/person/{planted.public_id}/" in served
    assert f"/public/person/{planted.private_id}/" not in served
    # The test is not vacuous: the published person is in every list-like answer.
    for url in (
        "/public/",
        "/public/feed.atom",
        "/api/persons?page_size=1000",
        "/public/lists/pp/",
    ):
        assert "Zaur Qasimli" in body(client.get(url)), url


def test_no_public_projection_reads_a_confidential_field() -> None:
    """The public view never touches the profile's encrypted columns (a missing key proves it)."""
    import os

    from habeas.web.public.exporting import export_text
    from habeas.web.public.view import public_persons

    plant()
    os.environ.pop("HABEAS_ENCRYPTION_KEYS")  # monkeypatch (the fixture) puts it back after

    assert [p.name for p in public_persons()] == ["Zaur Qasimli"]
    assert "Zaur Qasimli" in export_text("ftm", public=True, actor=None)[0]
    assert "Rena Abbasova" in export_text("csv", public=False, actor=None)[0]


def test_publishing_never_needs_the_encryption_key() -> None:
    """Publishing and import touch only the profile's plain columns."""
    import os

    from habeas.web.public.publishing import set_person_public
    from habeas.web.store.models import Person

    planted = plant()
    os.environ.pop("HABEAS_ENCRYPTION_KEYS")
    zaur = Person.objects.get(pk=planted.public_id)
    set_person_public(zaur, True, user=None, fields=["roles"], country="GE")

    os.environ["HABEAS_ENCRYPTION_KEYS"] = "x"  # an unusable key: decrypting would fail
    from habeas.web.public.view import public_person

    found = public_person(zaur.pk)
    assert found is not None and found.country == ""  # country is no longer a public field
