"""A person's page: status in words from confirmed events, names, timeline, reports, history."""

from __future__ import annotations

import re
from typing import Any

from web_support import client_for, confirm_all, day, held_story, store, words


def _person_id() -> int:
    from habeas.web.store.models import Person

    return int(Person.objects.get().pk)


def test_the_status_is_said_in_words_once_the_events_are_confirmed() -> None:
    result = store(held_story("Zaur Qasimli", "Qasimli", days_ago=5))
    client = client_for("carol")
    before = client.get(f"/persons/{_person_id()}/").content.decode()

    confirm_all(result.report_id)
    after = client.get(f"/persons/{_person_id()}/").content.decode()

    assert "no confirmed events about custody yet" in before
    assert (
        f"held since {words(day(5))}, 30-day administrative detention, "
        "Sabail District Court" in after
    )
    assert "release expected on" in after


def test_the_page_lists_names_events_with_sources_reports_and_history() -> None:
    result = store(held_story("Zaur Qasimli", "Qasimli"), name="story.txt")
    confirm_all(result.report_id, by="bob")

    page = client_for("carol").get(f"/persons/{_person_id()}/").content.decode()

    assert 'Zaur Qasimli <span class="muted">(latin)</span>' in page
    assert f'href="/reports/{result.report_id}/"' in page
    assert "“Police in Baku detained activist Zaur Qasimli" in page
    assert page.count('<li class="detention confirmed"') == 1  # on the timeline
    assert "suggested by test.web.v1" in page and ">bob<" in page  # engine, then the editor


def test_the_timeline_lists_events_by_day_and_a_year_as_the_year() -> None:
    from habeas.web.review.views.persons import timeline
    from habeas.web.store.models import Event

    store(held_story("Zaur Qasimli", "Qasimli", days_ago=11))
    events = list(Event.objects.order_by("id"))
    Event.objects.filter(pk=events[1].pk).update(date_text="2024", date_precision="year")
    third = Event.objects.create(
        person_id=events[0].person_id, type="release", date_text=events[0].date_text
    )

    days = timeline(list(Event.objects.order_by("id")))

    assert [d.label for d in days] == ["2024", words(day(11))]
    assert [e.pk for e in days[1].events] == [events[0].pk, third.pk]  # one day, both events
    page = client_for("carol").get(f"/persons/{events[0].person_id}/").content.decode()
    assert '<h3 class="timeline-date">2024</h3>' in page
    assert "1 January 2024" not in page


def test_an_unknown_person_is_a_404() -> None:
    assert client_for("carol").get("/persons/424242/").status_code == 404


def test_undated_events_come_after_the_dated_ones() -> None:
    from habeas.web.store.models import Event

    store(held_story("Zaur Qasimli", "Qasimli", days_ago=11))
    sentence = Event.objects.get(type="sentence")
    Event.objects.filter(pk=sentence.pk).update(date_text="", date_precision="")

    page = client_for("carol").get(f"/persons/{_person_id()}/").content.decode()

    detention = Event.objects.get(type="detention")
    assert page.index(f'id="row-{detention.pk}"') < page.index(f'id="row-{sentence.pk}"')


def test_the_header_comes_from_the_stored_status_until_it_is_due(monkeypatch: Any) -> None:
    from habeas.web.review.views import persons
    from habeas.web.store.models import PersonStatus
    from habeas.web.store.status import mark_stale

    result = store(held_story("Zaur Qasimli", "Qasimli", days_ago=5))
    confirm_all(result.report_id)
    client = client_for("carol")
    live = client.get(f"/persons/{_person_id()}/").content.decode()
    runs: list[int] = []
    engine = persons.case_status

    def counted(*args: Any, **kwargs: Any) -> Any:
        runs.append(1)
        return engine(*args, **kwargs)

    monkeypatch.setattr(persons, "case_status", counted)
    # What the stored row says is what the page shows: mark it and see the mark.
    PersonStatus.objects.filter(pk=_person_id()).update(
        words="held (as stored)", notes={"alerts": ["an alert"], "conflicts": ["a conflict"]}
    )
    stored = client.get(f"/persons/{_person_id()}/").content.decode()
    assert runs == []
    assert "<strong>Status:</strong> held (as stored)" in stored
    assert '<p class="message error">an alert</p>' in stored
    assert '<p class="message">a conflict</p>' in stored
    worked_out = re.search(r"Worked out from \d+ confirmed events?", live)
    assert worked_out is not None and worked_out.group(0) in stored
    # A due row (a fact written behind the services' back) is worked out on the page.
    mark_stale(_person_id())
    again = client.get(f"/persons/{_person_id()}/").content.decode()
    assert runs == [1]
    assert "held (as stored)" not in again
    assert f"held since {words(day(5))}" in again
