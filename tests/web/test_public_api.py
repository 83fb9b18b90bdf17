"""The HTTP API: public OpenAPI and docs, tokens with roles, paging, rate limits, no leaks."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client, override_settings
from public_support import SECRETS, body, encryption_key, leaks, plant

__all__ = ["encryption_key"]  # the fixture, used by every test here
ROUTES = ("/api/persons", "/api/events", "/api/reports", "/api/lists", "/api/lists/held")


@pytest.fixture(autouse=True)
def fresh_rates() -> Iterator[None]:
    from django.core.cache import cache

    cache.clear()
    yield


def _token(role: str) -> str:
    from habeas.web.api.tokens import issue

    _, secret = issue(f"test {role}", role)
    return secret


def _get(url: str, token: str | None = None) -> Any:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return Client().get(url, **headers)


def test_the_openapi_document_and_docs_are_public_and_same_origin() -> None:
    document = _get("/api/openapi.json")
    paths = json.loads(document.content)["paths"]
    docs = body(_get("/api/docs/"))

    assert document.status_code == 200
    assert {"/api/persons", "/api/persons/{person_id}", "/api/alerts"} <= set(paths)
    assert "/static/vendor/swagger-ui-bundle.js" in docs
    assert re.findall(r'(?:src|href)="(https?:)?//', docs) == []


def test_without_a_token_the_api_is_closed_while_the_public_site_is_off() -> None:
    plant()
    assert _get("/api/persons").status_code == 401
    assert _get("/api/persons", "hbs_not-a-token").status_code == 401


@override_settings(HABEAS_PUBLIC_SITE=True)
def test_public_answers_hold_only_published_data() -> None:
    planted = plant()
    for url in (*ROUTES, f"/api/persons/{planted.public_id}"):
        response = _get(url)
        assert response.status_code == 200, url
        assert leaks(body(response)) == [], url
    persons = json.loads(_get("/api/persons").content)
    assert [p["name"] for p in persons["items"]] == ["Zaur Qasimli"]
    assert _get(f"/api/persons/{planted.private_id}").status_code == 404
    assert _get("/api/alerts").status_code == 403
    assert _get("/api/persons", "hbs_not-a-token").status_code == 401


def test_a_viewer_token_sees_every_person_but_never_the_confidential_fields() -> None:
    planted = plant()
    token = _get("/api/persons", _token("viewer"))
    names = {p["name"] for p in json.loads(token.content)["items"]}

    assert token.status_code == 200 and SECRETS["unpublished_person"] in names
    assert _get(f"/api/persons/{planted.private_id}", _token("viewer")).status_code == 200
    never = {"health", "contacts", "lawyer", "private_notes", "support_note", "reviewer"}
    for url in (*ROUTES, "/api/alerts"):
        assert never & set(leaks(body(_get(url, _token("viewer"))))) == set(), url


def test_a_revoked_token_is_refused() -> None:
    from habeas.web.api.tokens import issue, revoke

    token, secret = issue("old laptop", "viewer")
    assert _get("/api/lists", secret).status_code == 200
    revoke(token)
    assert _get("/api/lists", secret).status_code == 401


def test_lists_are_paged() -> None:
    from web_support import held_story, store

    for name, surname in (("Zaur Qasimli", "Qasimli"), ("Samir Guliyev", "Guliyev")):
        store(held_story(name, surname), name=f"{surname}.txt")
    token = _token("viewer")
    first = json.loads(_get("/api/persons?page=1&page_size=1", token).content)
    second = json.loads(_get("/api/persons?page=2&page_size=1", token).content)

    assert first["count"] == 2 and len(first["items"]) == 1
    assert first["items"][0]["name"] != second["items"][0]["name"]


@override_settings(HABEAS_PUBLIC_SITE=True, HABEAS_API_RATE_PUBLIC="3/m")
def test_public_calls_are_rate_limited() -> None:
    codes = [_get("/api/lists").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert _get("/api/lists", _token("viewer")).status_code == 200  # tokens have their own rate


def test_schemathesis_finds_no_server_error_in_the_openapi_document() -> None:
    import schemathesis
    from django.core.wsgi import get_wsgi_application
    from hypothesis import HealthCheck, given, settings
    from schemathesis.checks import not_a_server_error

    plant()
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    token = _token("editor")
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()
        strategy = operation.as_strategy()

        @given(case=strategy)
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
        def call(case: Any) -> None:
            for headers in ({}, {"Authorization": f"Bearer {token}"}):
                with override_settings(HABEAS_PUBLIC_SITE=True, HABEAS_API_RATE_PUBLIC="100000/m"):
                    case.call_and_validate(headers=headers, checks=[not_a_server_error])

        call()
        checked.append(operation.path)
    assert len(checked) >= 7
