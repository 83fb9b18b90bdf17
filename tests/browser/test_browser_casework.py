"""Finishing a case file in a real browser: facts by hand, a move, a correction, a phone.

The screenshots these tests take are the ones docs/web.md shows (docs/img/).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from browser_support import REPO, App, server_env

IMG = REPO / "docs" / "img"


def _shot(page: Any, name: str, *, selector: str | None = None) -> None:
    """A small PNG of the viewport (or of one element) for docs/web.md."""
    IMG.mkdir(parents=True, exist_ok=True)
    path = str(Path(IMG) / f"{name}.png")
    if selector is None:
        page.screenshot(path=path)
    else:
        page.locator(selector).first.screenshot(path=path)


def _words(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _paste(page: Any, app: App, text: str) -> int:
    page.goto(app.url + "/capture/")
    page.fill("#id_paste-text", text)
    page.click("text=Store the report")
    page.wait_for_url(re.compile(r".*/reports/\d+/"))
    found = re.search(r"/reports/(\d+)/", page.url)
    assert found is not None
    return int(found.group(1))


def _group(page: Any, report: int) -> Any:
    """The review queue's section of one report: its text and its cards."""
    return page.locator(f".report-group:has(a[href='/reports/{report}/'])")


def _card(page: Any, report: int, name: str, kind: str) -> Any:
    return (
        _group(page, report)
        .locator("article.suggestion", has_text=name)
        .filter(has=page.locator(".event-type", has_text=kind))
    )


def _confirm(page: Any, app: App, report: int, name: str, kinds: tuple[str, ...]) -> None:
    """Confirm, in the review queue, the cards of `name` of these kinds from `report`."""
    page.goto(app.url + "/review/")
    for kind in kinds:
        card = _card(page, report, name, kind)
        card.locator("[data-action=confirm]").click()
        card.locator(".state.confirmed").wait_for()


def test_add_a_person_and_an_event_by_hand_then_move_a_wrong_event(page: Any, app: App) -> None:
    day = dt.date.today() - dt.timedelta(days=4)
    report = _paste(
        page,
        app,
        f"Police in Baku detained activist Ilaha Mirzayeva on {_words(day)}. "
        f"On {_words(day)} her colleague Leyla Huseynova was sentenced by the Yasamal "
        "District Court to 15 days of administrative detention for petty hooliganism.\n",
    )
    # The extractor gave the colleague's sentence to Mirzayeva and missed Huseynova.
    page.goto(app.url + "/review/")
    group = _group(page, report)
    assert group.locator("[data-report-text]").count() == 1  # the report once, cards beside
    assert group.locator("article.suggestion").count() == 2
    assert group.locator("mark.evidence.current").count() == 1  # the chosen card's span
    page.set_viewport_size({"width": 1100, "height": 640})
    group.scroll_into_view_if_needed()
    _shot(page, "queue", selector=f".report-group:has(a[href='/reports/{report}/'])")

    # Add the person the extractor missed, as mentioned in the report.
    page.goto(app.url + "/persons/")
    page.click("[data-action=add-person]")
    page.fill("#id_name", "Leyla Huseynova")
    page.fill("#id_roles", "journalist, opposition member")
    page.fill("#id_report", str(report))
    page.fill("#id_why", "named in the report, missed by the extractor")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r".*/persons/\d+/$"))
    assert "journalist, opposition member" in page.inner_text("dl.facts")

    # Her detention, by hand, with a quote from the report as its source.
    page.click("[data-action=add-event]")
    page.select_option("#id_event-type", "detention")
    page.fill("#id_event-date_text", str(day))
    page.fill("#id_event-place", "Baku")
    page.fill("#id_event-why", "the sentence implies she was held")
    page.fill("#id_source-report", str(report))
    page.fill("#id_source-quote", "her colleague Leyla Huseynova was sentenced")
    _shot(page, "add-event")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r".*/persons/\d+/#row-\d+$"))
    leyla = page.url.split("#")[0]
    assert f"held since {_words(day)}" in page.inner_text("[data-status]")
    assert "entered by admin" in page.inner_text(".event-list")

    # Move the wrongly given sentence, with its evidence, to her.
    page.goto(app.url + "/review/")
    _card(page, report, "Ilaha Mirzayeva", "sentence").locator("[data-action=edit]").click()
    page.wait_for_url(re.compile(r".*/events/\d+/edit/.*"))
    assert page.locator("mark.evidence").count() >= 1
    target = page.locator("#id_person option", has_text="Leyla Huseynova").get_attribute("value")
    page.select_option("#id_person", target)
    page.fill("#id_why", "the sentence was Huseynova's")
    page.evaluate("window.scrollTo(0, 0)")
    _shot(page, "move-event")
    page.click("button[name=confirm]")
    page.wait_for_url(re.compile(r".*/review/#event-\d+$"))  # back to the card's place

    page.goto(leyla)
    status = page.inner_text("[data-status]")
    assert "15-day administrative detention, Yasamal District Court" in status
    rows = page.inner_text(".event-list")
    assert f"report #{report}" in rows and "sentenced by the Yasamal" in rows
    assert "suggested by test.web.v1, confirmed by admin" in rows


def test_edit_penalty_and_charges(page: Any, app: App) -> None:
    day = dt.date.today() - dt.timedelta(days=2)
    report = _paste(
        page,
        app,
        f"Police in Minsk detained activist Тимур Мамедов on {_words(day)}. "
        f"On {_words(day)} the Partizansky District Court sentenced Мамедов to 10 days "
        "of administrative detention.\n",
    )
    page.goto(app.url + "/review/")
    _card(page, report, "Тимур Мамедов", "sentence").locator("[data-action=edit]").click()
    page.wait_for_url(re.compile(r".*/events/\d+/edit/.*"))
    page.fill("#id_penalty_term", "12")
    page.fill("#id_charges", "unauthorised picket (art. 23.34 CAO)")
    page.fill("#id_why", "the court's ruling says 12 days and names the article")
    page.click("button[name=confirm]")
    page.wait_for_url(re.compile(r".*/review/.*"))
    assert "saved" in page.inner_text(".messages")

    page.goto(app.url + f"/reports/{report}/")
    page.locator("main li a", has_text="Тимур Мамедов").first.click()
    facts = page.inner_text(".event-list")
    assert "12-day administrative detention" in facts
    assert "unauthorised picket (art. 23.34 CAO)" in facts


def test_the_person_page_queue_and_lists_fit_a_phone(page: Any, app: App) -> None:
    day = dt.date.today() - dt.timedelta(days=6)
    report = _paste(
        page,
        app,
        f"Police in Ganja detained journalist Rena Abbasova on {_words(day)} outside the "
        "newspaper's office. On the same day the Ganja City Court, in a hearing that "
        "lasted forty minutes, sentenced her to 20 days of administrative detention.\n",
    )
    page.set_viewport_size({"width": 390, "height": 844})
    _confirm(page, app, report, "Rena Abbasova", ("detention", "sentence"))
    page.goto(app.url + f"/reports/{report}/")
    person = page.locator("main li a", has_text="Rena Abbasova").first.get_attribute("href")
    for path in (person, "/review/", "/persons/", "/lists/detained/", "/lists/released/"):
        page.goto(app.url + path)
        width = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"{path} scrolls sideways at 390 px: {width}"
    page.goto(app.url + person)
    assert "20-day administrative detention" in page.inner_text("[data-status]")
    page.evaluate("document.querySelector('ol.timeline').previousElementSibling.scrollIntoView()")
    _shot(page, "person-phone")


def test_an_alert_with_no_command_run_search_across_scripts_and_a_merged_file_gone(
    page: Any, app: App
) -> None:
    held = dt.date.today() - dt.timedelta(days=40)
    report = _paste(
        page,
        app,
        f"Police in Baku detained activist Samir Guliyev on {_words(held)}. "
        f"On {_words(held)} the Sabail District Court sentenced Guliyev to 20 days "
        "of administrative detention.\n",
    )
    _confirm(page, app, report, "Samir Guliyev", ("detention", "sentence"))

    # The 20 days ended 20 days ago with no release told: the alert is there at once,
    # and the navigation counts it, with no `habeas alerts check` run.
    page.goto(app.url + "/alerts/")
    row = page.locator("main li, main tr", has_text="Samir Guliyev").first
    assert "release overdue" in row.inner_text().lower()
    assert int(page.inner_text("[data-alert-count]")) >= 1

    # A Latin spelling finds a file known only in Cyrillic.
    _paste(
        page,
        app,
        f"Police in Minsk detained activist Тимур Мамедов on {_words(held)}.\n",
    )
    page.goto(app.url + "/search/?q=Timur+Mamedov")
    found = page.locator("main a", has_text="Тимур Мамедов")
    assert found.count() >= 1
    first = str(found.first.get_attribute("href"))

    # A file merged away (here from the command line) leaves the people list.
    other = _paste(
        page, app, f"Police in Minsk detained activist Тимура Мамедова on {_words(held)}.\n"
    )
    page.goto(app.url + f"/reports/{other}/")
    links = page.locator("main li a", has_text="Тимур Мамедов")
    second = str(links.first.get_attribute("href"))
    kept, absorbed = (int(re.findall(r"\d+", h)[-1]) for h in (first, second))
    if kept == absorbed:  # identity resolution linked them already: make a second file
        absorbed = _hand_person(page, app, "Тимур Мамедов")
    merged = subprocess.run(
        [
            sys.executable,
            "-m",
            "habeas.cli.main",
            "people",
            "merge",
            str(kept),
            str(absorbed),
            "--why",
            "same activist",
        ],
        env=server_env(app.home) if app.home else None,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert merged.returncode == 0, merged.stderr
    page.goto(app.url + "/persons/")
    listed = [str(a.get_attribute("href")) for a in page.locator("main a[href^='/persons/']").all()]
    assert f"/persons/{kept}/" in listed and f"/persons/{absorbed}/" not in listed


def _hand_person(page: Any, app: App, name: str) -> int:
    page.goto(app.url + "/persons/")
    page.click("[data-action=add-person]")
    page.fill("#id_name", name)
    page.fill("#id_why", "a second file for the merge test")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r".*/persons/\d+/$"))
    return int(re.findall(r"\d+", page.url)[-1])
