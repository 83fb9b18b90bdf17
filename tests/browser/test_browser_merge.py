"""Merge two spellings of one person and undo it, in a real browser, on the real demo.

The other browser tests run the demo with the web tests' fixed extractor,
which knows each invented person under one name only; this module runs the
demo with the real rule engine, so the demo's Azerbaijani report about the
Ganja blogger arrives as a second person "possibly the same as" the first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser_support import App, running_demo, server_env

LATIN = "Elnur Mammadzade"
AZERBAIJANI = "Elnur Məmmədzadə"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """The demo instance built by the real rule engine, served by `habeas serve`.

    Started as conftest's `app` is (same output parsed), only without the fixed extractor.
    """
    home = tmp_path_factory.mktemp("habeas-browser-merge")
    env = server_env(home)
    env.pop("HABEAS_EXTRACTOR", None)
    with running_demo(home, env) as running:
        yield running


def _names(page: Any) -> str:
    return str(page.locator("dl.facts dd").first.inner_text())


def test_merge_two_spellings_then_undo(page: Any, app: App) -> None:
    page.goto(app.url + "/review/")
    page.locator("[data-possibly] a", has_text=LATIN).first.click()
    kept_url = page.url
    assert page.locator("h1").inner_text() == LATIN
    match = page.locator("[data-possible]", has_text=AZERBAIJANI)
    assert "matches" in match.inner_text()  # the reasons are shown
    absorbed_url = app.url + str(match.locator("a").first.get_attribute("href"))

    match.locator("input[name=why]").fill("same blogger, same city, same lawyer")
    match.locator("[data-action=merge]").click()
    page.wait_for_selector(".message.success")

    assert LATIN in _names(page) and AZERBAIJANI in _names(page)
    assert page.locator(".event-list", has_text="Məmmədzadə").count() == 1
    history = page.locator("[data-merges] li").first.inner_text()
    assert f"merged {AZERBAIJANI}" in history and "by admin, same blogger" in history
    page.goto(absorbed_url)
    assert page.url == kept_url  # the absorbed person's address leads here
    assert "was merged into this file" in page.inner_text(".messages")

    page.locator("[data-merges] [data-action=undo]").click()
    page.wait_for_selector(".message.success")

    assert AZERBAIJANI not in _names(page) and LATIN in _names(page)
    assert "undone" in page.locator("[data-merges] li").first.inner_text()
    page.goto(absorbed_url)
    assert page.url == absorbed_url
    assert page.locator("h1").inner_text() == AZERBAIJANI
    assert LATIN not in _names(page)
