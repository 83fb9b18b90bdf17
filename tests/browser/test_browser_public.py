"""The public site in headless chromium: list, person page, statistics and API docs under the
strict CSP, on a phone-sized screen, loading nothing from another origin."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from browser_support import ARGS, CHROMIUM, App, running_demo, server_env

_PUBLISH = """
from habeas.web.bootstrap import setup
setup()
from habeas.web.public import publishing
from habeas.web.store.models import Event, EventStatus, Person, Report
for person in Person.objects.filter(events__status=EventStatus.CONFIRMED).distinct():
    publishing.set_person_public(person, True, user=None, fields=["roles", "country"], country="AZ")
    for event in person.events.filter(status=EventStatus.CONFIRMED):
        publishing.set_event_public(event, True, user=None)
for report in Report.objects.all():
    publishing.set_report_public(report, True, user=None)
print(Person.objects.filter(profile__public=True).order_by("id").first().pk)
"""


@pytest.fixture(scope="module")
def public_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[App, int]]:
    home = tmp_path_factory.mktemp("habeas-public")
    env = server_env(home) | {"HABEAS_PUBLIC_SITE": "1"}
    with running_demo(home, env) as app:
        done = subprocess.run(
            [sys.executable, "-c", _PUBLISH], env=env, capture_output=True, text=True, check=True
        )
        yield app, int(done.stdout.split()[-1])


@pytest.fixture(scope="module")
def phone(public_app: tuple[App, int]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
        yield context
        browser.close()


def _visit(context: Any, url: str) -> tuple[Any, list[str], list[str]]:
    page = context.new_page()
    page.set_default_timeout(10_000)
    messages: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: messages.append(m.text))
    page.on("pageerror", lambda e: messages.append(f"error: {e}"))
    page.on("request", lambda r: requests.append(r.url))
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    page.wait_for_load_state("networkidle")
    return page, messages, requests


def _same_origin(app: App, requests: list[str]) -> list[str]:
    return [u for u in requests if not u.startswith(app.url) and not u.startswith("data:")]


def test_public_list_and_person_page(phone: Any, public_app: tuple[App, int]) -> None:
    app, person_id = public_app
    page, messages, requests = _visit(phone, app.url + "/public/")

    assert page.locator("h1").inner_text() == "Detained now"
    assert page.locator(".public-list li a").count() >= 1
    # Phone-sized: nothing wider than the screen.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.locator(".public-list li a").first.click()
    page.wait_for_load_state()
    assert "/public/person/" in page.url
    assert "Status:" in page.locator(".status-words").inner_text()
    assert page.locator(".public-timeline li").count() >= 1

    _, more, more_requests = _visit(phone, f"{app.url}/public/person/{person_id}/")
    assert [m for m in messages + more if "Content Security Policy" in m or "error" in m] == []
    assert _same_origin(app, requests + more_requests) == []


def test_statistics_page_draws_its_charts(phone: Any, public_app: tuple[App, int]) -> None:
    app, _ = public_app
    page, messages, requests = _visit(phone, app.url + "/public/statistics/")

    drawn = page.evaluate(
        "() => [...document.querySelectorAll('canvas.public-chart')]"
        ".filter(c => Chart.getChart(c) !== undefined).length"
    )
    labels = page.evaluate(
        "() => Chart.getChart(document.querySelector('canvas.public-chart'))"
        ".data.datasets.map(d => d.label)"
    )
    assert drawn == 4 and labels == ["Events", "Persons"]
    assert [m for m in messages if "Content Security Policy" in m or "error" in m] == []
    assert _same_origin(app, requests) == []


def test_api_docs_load_from_our_origin(phone: Any, public_app: tuple[App, int]) -> None:
    app, _ = public_app
    page, messages, requests = _visit(phone, app.url + "/api/docs/")

    page.wait_for_selector(".opblock", timeout=15_000)
    assert page.locator(".opblock").count() >= 7
    assert [m for m in messages if "Content Security Policy" in m] == []
    assert _same_origin(app, requests) == []
