"""End-to-end tests: the real `habeas serve` in a subprocess, driven in Debian's headless chromium.

No browser is downloaded: Playwright launches /usr/bin/chromium (apt-get install chromium).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from browser_support import ARGS, CHROMIUM, App, running_demo, server_env, totp


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    home = tmp_path_factory.mktemp("habeas-browser")
    with running_demo(home, server_env(home)) as running:
        yield running


# Module scope, not session: Playwright's sync API runs an event loop in this
# thread while it is open, and Django refuses database calls from a thread with a
# running loop, so the browser must be closed before other tests use the ORM.
@pytest.fixture(scope="module")
def browser(app: App) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


# Cookies of the admin's login, by instance URL. One login per instance: a TOTP code is
# accepted once, so logging in per test would wait up to 30 seconds for each next code.
_ADMIN_SESSIONS: dict[str, dict[str, Any]] = {}


@pytest.fixture(scope="module")
def admin_session(browser: Any, app: App) -> dict[str, Any]:
    """The cookies of a full admin login (password and TOTP code) on `app`, made once."""
    if app.url in _ADMIN_SESSIONS:
        return _ADMIN_SESSIONS[app.url]
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(app.url + "/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", app.password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/accounts/two-factor/.*"))
    page.fill("#id_token", totp(app.totp_secret))
    page.click("main button[type=submit]")  # the header's Log out is a button too
    page.wait_for_url(app.url + "/")
    state: dict[str, Any] = context.storage_state()
    context.close()
    _ADMIN_SESSIONS[app.url] = state
    return state


@pytest.fixture
def page(browser: Any, app: App, admin_session: dict[str, Any]) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, storage_state=admin_session
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(app.url + "/")
    yield page
    context.close()
