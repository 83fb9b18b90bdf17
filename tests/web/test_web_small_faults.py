"""The small faults of issue 11, item 10, each shown fixed."""

from __future__ import annotations

import time

from django.core.files.uploadedfile import SimpleUploadedFile
from web_support import client_for, confirm_all, day, held_story, store, words


def _released_story(name: str, surname: str, *, released_days_ago: int) -> str:
    return (
        f"Police in Baku detained activist {name} on {words(day(released_days_ago + 3))}. "
        f"{surname} was released on {words(day(released_days_ago))}.\n"
    )


def test_the_dashboard_counts_the_released_as_the_released_list_does() -> None:
    old = store(_released_story("Zaur Qasimli", "Qasimli", released_days_ago=150), name="a")
    new = store(_released_story("Rena Abbasova", "Abbasova", released_days_ago=10), name="b")
    confirm_all(old.report_id)
    confirm_all(new.report_id)
    carol = client_for("carol")

    dashboard = carol.get("/").content.decode()
    listed = carol.get("/lists/released/").content.decode()

    assert '<strong data-count="released">1</strong>' in dashboard
    assert "released in the last 90 days" in dashboard
    assert "Rena Abbasova" in listed and "Zaur Qasimli" not in listed


def test_the_country_filter_finds_people_held_in_its_towns_and_courts() -> None:
    confirm_all(store(held_story("Zaur Qasimli", "Qasimli")).report_id)
    carol = client_for("carol")

    for country in ("Azerbaijan", "азербайджан", "Azərbaycan"):
        page = carol.get("/lists/detained/", {"country": country}).content.decode()
        assert "Zaur Qasimli" in page, country
    elsewhere = carol.get("/lists/detained/", {"country": "Georgia"}).content.decode()
    assert "Zaur Qasimli" not in elsewhere


def test_a_pasted_report_says_pasted_and_its_language_in_words() -> None:
    bob = client_for("bob")
    bob.post("/capture/paste/", {"paste-text": held_story("Zaur Qasimli", "Qasimli")})
    from habeas.web.store.models import Person

    page = bob.get(f"/persons/{Person.objects.get().pk}/").content.decode()

    assert "uploaded · ?" not in page
    assert " · pasted · " in page
    assert "language not known" in page or "English" in page


def test_roles_are_words_in_the_lists() -> None:
    from habeas.web.store.models import Person

    confirm_all(store(held_story("Zaur Qasimli", "Qasimli")).report_id)
    Person.objects.update(roles=["opposition_member"])

    page = client_for("carol").get("/lists/detained/").content.decode()

    assert "opposition member" in page and "opposition_member" not in page


def test_a_report_gives_its_date_as_the_rest_of_the_app_does() -> None:
    result = store(held_story("Zaur Qasimli", "Qasimli"), days_ago=2)

    page = client_for("carol").get(f"/reports/{result.report_id}/").content.decode()
    listed = client_for("carol").get("/reports/").content.decode()

    assert f"<dd>{words(day(2))}</dd>" in page
    assert f"<td>{words(day(2))}</td>" in listed


def test_the_engine_suggests_and_the_person_confirms() -> None:
    from habeas.web.store.models import Event

    result = store(held_story("Zaur Qasimli", "Qasimli"))
    event = Event.objects.filter(type="detention").get()
    card = (
        client_for("bob")
        .post(f"/events/{event.pk}/confirm/", HTTP_HX_REQUEST="true")
        .content.decode()
    )
    confirm_all(result.report_id)

    page = client_for("carol").get(f"/persons/{event.person_id}/").content.decode()

    assert "suggested by test.web.v1, confirmed by bob" in card
    assert "suggested by test.web.v1, confirmed by bob" in page
    assert "confirmed</span> <span" not in card.replace("\n", "")  # no "confirmed by test.web.v1"


def test_a_refusal_is_a_page_in_the_app_layout() -> None:
    response = client_for("carol").get("/capture/")

    assert response.status_code == 403
    page = response.content.decode()
    assert '<header class="site">' in page and "<h1>Not allowed</h1>" in page
    assert "This page needs the editor role." in page
    assert "logged in as carol (viewer)" in page


def test_an_empty_file_in_a_batch_fails_alone_and_by_name() -> None:
    files = [
        SimpleUploadedFile("a.txt", held_story("Zaur Qasimli", "Qasimli").encode()),
        SimpleUploadedFile("empty.txt", b""),
    ]
    client = client_for("bob")

    response = client.post("/capture/upload/", {"upload-files": files})

    assert response.status_code == 302
    for _ in range(100):
        fragment = client.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
        if 'data-finished="true"' in fragment:
            break
        time.sleep(0.05)
    assert "<strong>empty.txt</strong>: failed — empty.txt: the file is empty" in fragment
    assert "<strong>a.txt</strong>: stored" in fragment


def test_a_single_empty_file_is_named_once() -> None:
    empty = SimpleUploadedFile("empty.txt", b"")

    response = client_for("bob").post("/capture/upload/", {"upload-files": [empty]})

    assert "empty.txt: the file is empty" in response.content.decode()
    assert "empty.txt: empty.txt" not in response.content.decode()


def test_every_field_described_by_help_text_has_that_text_on_the_page() -> None:
    import re

    from habeas.web.store.models import Event

    report = store(held_story("Zaur Qasimli", "Qasimli"))
    confirm_all(report.report_id)
    event = Event.objects.filter(evidence__report_id=report.report_id).first()
    bob = client_for("bob")
    pages = [
        "/lists/detained/",
        "/capture/",
        "/feeds/",
        "/persons/add/",
        f"/events/{event.pk}/edit/",
        f"/persons/{event.person_id}/events/add/",
    ]
    described = 0
    for path in pages:
        response = bob.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        ids = set(re.findall(r'\bid="([^"]+)"', page))
        targets = [
            t for ref in re.findall(r'aria-describedby="([^"]+)"', page) for t in ref.split()
        ]
        assert [t for t in targets if t not in ids] == [], path
        described += len(targets)
    assert described >= 6  # the filters, capture and event forms all have help texts
