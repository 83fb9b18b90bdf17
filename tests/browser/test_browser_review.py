"""From a pasted report to a confirmed case file, in a real browser."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from browser_support import App


def _paste(page: Any, app: App, text: str) -> None:
    page.goto(app.url + "/capture/")
    page.fill("#id_paste-text", text)
    page.click("text=Store the report")
    page.wait_for_selector(".message")


def _shot(page: Any, name: str) -> None:
    # For a person checking the layout: HABEAS_TEST_SCREENSHOTS=DIR keeps full-page PNGs there.
    where = os.environ.get("HABEAS_TEST_SCREENSHOTS")
    if where:
        Path(where).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(where) / f"{name}.png"), full_page=True)


def test_paste_confirm_and_see_the_case_file(page: Any, app: App) -> None:
    day = dt.date.today() - dt.timedelta(days=3)
    text = (
        f"Police in Baku detained activist Zaur Qasimli on {day.day} {day:%B %Y}. "
        f"On {day.day} {day:%B %Y} the Sabail District Court sentenced Qasimli to 30 days "
        "of administrative detention for petty hooliganism.\n"
    )
    _paste(page, app, text)
    assert "1 person, 2 suggested events" in page.inner_text(".message")

    page.goto(app.url + "/review/")
    cards = page.locator("article.suggestion", has_text="Zaur Qasimli")
    assert cards.count() == 2
    for i in range(2):
        card = cards.nth(0 if i == 0 else 1)
        card.locator("[data-action=confirm]").click()
        card.locator(".state.confirmed").wait_for()  # swapped in by htmx, no reload
    _shot(page, "queue")

    page.locator("article.suggestion", has_text="Zaur Qasimli").first.locator("h2 a").click()
    status = page.inner_text("[data-status]")
    assert f"held since {day.day} {day:%B %Y}, 30-day administrative detention" in status
    assert "Sabail District Court" in status
    assert page.locator("ol.timeline .timeline-day li").count() == 2  # one day, two events
    _shot(page, "person")


def test_keyboard_review(page: Any, app: App) -> None:
    _paste(page, app, "Police in Ganja detained blogger Samir Guliyev on 2 March 2025.\n")
    page.goto(app.url + "/review/")
    first = page.locator("article.suggestion").first
    event_id = first.get_attribute("id")

    page.keyboard.press("j")
    page.keyboard.press("r")

    page.locator(f"#{event_id} .state.rejected").wait_for()


def test_a_report_with_a_script_does_not_run_it(page: Any, app: App) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    text = (
        "Police in Baku detained activist Rena Abbasova on 3 March 2025. "
        "<script>alert('owned')</script><img src=x onerror=alert('img')>\n"
    )
    _paste(page, app, text)
    page.wait_for_selector("[data-report-body]")
    body = page.inner_text("[data-report-body]")

    page.goto(app.url + "/review/")
    page.goto(app.url + "/search/?q=owned")

    assert "<script>alert('owned')</script>" in body
    assert dialogs == []


def test_the_dashboard_draws_its_chart(page: Any, app: App) -> None:
    page.goto(app.url + "/")
    page.wait_for_function(
        "() => { const c = document.getElementById('detentions-chart');"
        " return c && c.width > 0 && typeof Chart !== 'undefined' && Chart.getChart(c); }"
    )
    _shot(page, "dashboard")
