"""Pages that list a growing store take a fixed number of queries and show one page of rows."""

from __future__ import annotations

from typing import Any

import pytest
from web_support import client_for, day


def _held(n: int, *, events_each: int = 2) -> list[Any]:
    from django.utils import timezone

    from habeas.web.store.models import Event, Person
    from habeas.web.store.status import ensure_current

    persons = []
    for i in range(n):
        person = Person.objects.create(display_name=f"Tamar Velkova {i:03d}", roles=["journalist"])
        Event.objects.bulk_create(
            Event(
                person=person,
                type="detention" if k == 0 else "charge",
                date_text=day(30 - k).isoformat(),
                date_precision="day",
                status="confirmed",
                place="Baku",
            )
            for k in range(events_each)
        )
        persons.append(person)
    from habeas.web.store.status import mark_stale

    for person in persons:  # bulk_create sends no signal
        mark_stale(person.pk)
    ensure_current(today=timezone.localdate())
    return persons


def _queries(path: str) -> tuple[int, str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("carol")
    client.get(path)  # session and user rows warmed once
    with CaptureQueriesContext(connection) as seen:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(seen), response.content.decode()


@pytest.mark.parametrize(
    "path", ["/", "/lists/detained/", "/lists/detained/?role=journalist", "/persons/", "/review/"]
)
def test_a_list_page_takes_as_many_queries_for_many_persons_as_for_few(path: str) -> None:
    _held(3)
    few, _ = _queries(path)
    _held(40)
    many, _ = _queries(path)
    assert many == few, path
    assert few <= 11  # the dashboard's; the lists and the queue take 6 or 7


def test_the_detained_list_is_paged() -> None:
    _held(105)
    _, first = _queries("/lists/detained/")
    _, second = _queries("/lists/detained/?role=journalist&page=2")

    assert first.count('<tr><td><a href="/persons/') == 100
    assert "105 people" in first
    assert "page 1 of 2" in first
    assert second.count('<tr><td><a href="/persons/') == 5
    assert "role=journalist&amp;page=1" in second  # the filters stay on the paging links


def test_a_custody_list_counts_its_statuses_without_joining_their_persons() -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _held(3)
    client = client_for("carol")
    client.get("/lists/detained/")
    with CaptureQueriesContext(connection) as seen:
        page = client.get("/lists/detained/").content.decode()
    counts = [q["sql"] for q in seen.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(counts) == 1 and 'store_person"' not in counts[0].replace('"store_personstatus"', "")
    assert "3 people" in page


def test_a_person_page_shows_one_page_of_events_in_a_fixed_number_of_queries() -> None:
    (few,) = _held(1, events_each=3)
    n_few, _ = _queries(f"/persons/{few.pk}/")
    (many,) = _held(1, events_each=150)
    n_many, page = _queries(f"/persons/{many.pk}/")

    assert n_many == n_few
    assert page.count('data-event="') == 100
    assert "page 1 of 2" in page


def _waiting(n: int, *, first: int = 0) -> None:
    # n suggestions, each quoting its own report, each person "possibly the same" as another.
    from habeas.web.store.models import Event, Evidence, Judgement, Person, Report

    for i in range(first, first + n):
        text = f"Police detained Lio Marsh {i:03d} on Monday."
        report = Report.objects.create(text=text, text_sha256=f"{i:064x}"[-64:], lang="en")
        person = Person.objects.create(display_name=f"Lio Marsh {i:03d}")
        other = Person.objects.create(display_name=f"Lio Marsh-Oy {i:03d}")
        event = Event.objects.create(person=person, type="detention", status="suggested")
        Evidence.objects.create(event=event, report=report, start=0, end=6, quote="Police")
        Judgement.objects.create(person_a=person, person_b=other, verdict="unsure")


def test_the_review_queue_takes_as_many_queries_for_many_cards_as_for_few() -> None:
    _waiting(3)
    few, page = _queries("/review/")
    assert page.count("Lio Marsh-Oy") >= 3  # the "possibly the same" persons are shown
    _waiting(40, first=3)
    many, _ = _queries("/review/")
    assert many == few


def test_the_person_list_pages_by_name_after_the_last_person_shown() -> None:
    import re

    from habeas.web.store.models import Person

    Person.objects.bulk_create(Person(display_name=f"Nora Quill {i:03d}") for i in range(205))
    # Two persons of one name: the id breaks the tie, so neither is skipped at a page edge.
    Person.objects.bulk_create(Person(display_name="Nora Quill 099") for _ in range(2))
    seen: list[str] = []
    path, pages, counts = "/persons/", 0, []
    while path:
        n, page = _queries(path)
        counts.append(n)
        seen += re.findall(r'<a href="/persons/\d+/">(Nora Quill \d+)</a>', page)
        found = re.search(r'href="\?after=(\d+)"', page)
        path = f"/persons/?after={found.group(1)}" if found else ""
        pages += 1
    assert pages == 3
    assert seen == sorted(seen) and len(seen) == 207
    # A later page reads its mark (one query) and then takes the queries the first does.
    assert counts[1] == counts[2] == counts[0] + 1
    assert "207 people" in page
