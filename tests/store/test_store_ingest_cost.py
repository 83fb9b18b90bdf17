"""Storing a report costs the same number of queries however many reports are stored."""

from __future__ import annotations

from fictional_extractor import FixedNameExtractor


def _text(n: int, round_: int) -> str:
    return (
        f"Police detained Nadira Velikhanli on Monday (note {round_}.{n}). "
        "Ruslan Ostapchuk was arrested with her. Nadira Velikhanli was released later."
    )


def _queries_for_one_more(stored: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from habeas.web.store.models import Judgement
    from habeas.web.store.resolution import MAX_JUDGED
    from habeas.web.store.services import ingest_text

    extractor = FixedNameExtractor()
    for n in range(stored):
        ingest_text(_text(n, stored), name=f"r{stored}.{n}.txt", extractor=extractor)
    before = Judgement.objects.count()
    with CaptureQueriesContext(connection) as seen:
        result = ingest_text(_text(stored, stored), name=f"next{stored}.txt", extractor=extractor)
    assert (result.persons, result.events) == (2, 3)
    # Every namesake is a candidate; only the few best are put to a reviewer.
    assert Judgement.objects.count() - before == 2 * min(stored, MAX_JUDGED)
    return len(seen)


def test_a_report_takes_as_many_queries_with_30_namesakes_stored_as_with_3() -> None:
    from habeas.web.store.models import Person

    few = _queries_for_one_more(3)
    Person.objects.all().delete()
    many = _queries_for_one_more(30)
    assert many == few
