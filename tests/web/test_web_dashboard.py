"""The dashboard: counts, and detentions per month handed to the chart as JSON."""

from __future__ import annotations

import json
import re

from web_support import client_for, confirm_all, held_story, store


def test_counts_and_chart_data() -> None:
    from habeas.web.review.custody import detentions_per_month

    confirm_all(store(held_story("Zaur Qasimli", "Qasimli"), name="a").report_id)
    store(held_story("Rena Abbasova", "Abbasova"), name="b")

    page = client_for("carol").get("/").content.decode()

    assert '<strong data-count="detained">1</strong>' in page
    assert '<strong data-count="suggested">2</strong>' in page
    assert '<strong data-count="confirmed">2</strong>' in page
    data = re.search(
        r'<script id="detentions-per-month" type="application/json">(.*?)</script>', page
    )
    assert data is not None
    months = detentions_per_month()
    assert json.loads(data.group(1)) == {"labels": [months[0][0]], "counts": [1]}
    assert "<script>" not in page.replace('<script src="', "")  # no inline script


def test_months_without_detentions_are_filled_with_zero() -> None:
    from habeas.web.review.custody import detentions_per_month

    for n, date in enumerate(("1 January 2025", "2 March 2025")):
        text = f"Police in Baku detained activist Zaur Qasimli on {date}.\n"
        confirm_all(store(text, name=f"r{n}").report_id)

    assert detentions_per_month() == [("2025-01", 1), ("2025-02", 0), ("2025-03", 1)]


def test_the_counts_kept_by_the_database_equal_a_recount_after_every_kind_of_write() -> None:
    from collections import Counter

    from django.db.models import Count

    from habeas.web.store import counts
    from habeas.web.store.models import Event, Person

    def recount() -> tuple[Counter[str], Counter[str]]:
        by_status = Counter(dict(Event.objects.values_list("status").annotate(n=Count("id"))))
        months: Counter[str] = Counter()
        for e in Event.objects.filter(
            status="confirmed", type="detention", date_precision__in=("day", "month")
        ):
            months[e.date_text[:7]] += 1
        return +by_status, +months

    def check() -> None:
        assert (counts.events_by_status(), counts.detentions_by_month()) == recount()

    person = Person.objects.create(display_name="Lio Marsh")
    one = Event.objects.create(
        person=person, type="detention", date_text="2025-03-02", date_precision="day"
    )
    check()
    Event.objects.bulk_create(
        Event(
            person=person,
            type="detention",
            date_text=f"2025-0{m}",
            date_precision="month",
            status="confirmed",
        )
        for m in (1, 2, 2)
    )
    check()
    one.status = "confirmed"
    one.save()
    check()
    Event.objects.filter(date_text="2025-02").update(date_text="2025-04-01", date_precision="day")
    check()
    Event.objects.filter(date_text="2025-01").update(status="rejected")
    check()
    one.delete()
    Event.objects.filter(type="detention", date_text="2025-04-01").first().delete()
    check()
    assert counts.detentions_by_month() == Counter({"2025-04": 1})


def test_the_kept_report_person_and_status_counts_equal_a_recount_after_every_kind_of_write() -> (
    None
):
    from collections import Counter

    from django.db.models import Count

    from habeas.web.store import counts
    from habeas.web.store.models import Person, PersonStatus, Report

    def check() -> None:
        assert counts.reports() == Report.objects.count()
        assert counts.current_persons() == Person.objects.filter(merged_into__isnull=True).count()
        states = Counter(dict(PersonStatus.objects.values_list("state").annotate(n=Count("pk"))))
        assert counts.statuses_by_state() == +states

    check()
    Report.objects.bulk_create(
        Report(text=f"r{n}", text_sha256=f"{n:064x}", title=f"r{n}", lang="en") for n in range(3)
    )
    check()
    Report.objects.filter(title="r1").delete()
    check()
    one, two, three = (Person.objects.create(display_name=n) for n in ("Lio", "Tam", "Ves"))
    check()
    for person, state in ((one, "detained"), (two, "detained"), (three, "missing")):
        PersonStatus.objects.create(person=person, state=state)
    check()
    PersonStatus.objects.filter(pk=two.pk).update(state="released")
    status = PersonStatus.objects.get(pk=three.pk)
    status.state = "detained"
    status.save()
    check()
    two.merged_into = one
    two.save()
    PersonStatus.objects.filter(pk=two.pk).delete()
    check()
    Person.objects.filter(pk=two.pk).update(merged_into=None)
    check()
    three.delete()
    check()
    assert counts.current_persons() == 2 and counts.reports() == 2
