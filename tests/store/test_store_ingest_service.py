"""Storing a report: persons, suggested events with evidence, idempotence, atomicity."""

from __future__ import annotations

import pytest
from fictional_extractor import FailingExtractor, FixedNameExtractor, OutOfRangeExtractor
from store_support import counts

from habeas.errors import HabeasError

TEXT = (
    "Police in the capital detained Nadira Velikhanli on Monday. "
    "Лейла Тарханова была задержана вместе с ней. "
    "Nadira Velikhanli was released two days later."
)


def test_a_text_is_stored_with_suggested_events_and_their_evidence() -> None:
    from habeas.web.store.models import Event, EventStatus, NameForm
    from habeas.web.store.services import IngestOutcome, ingest_text

    result = ingest_text(TEXT, name="notes.txt", extractor=FixedNameExtractor())

    assert result.outcome is IngestOutcome.STORED
    assert (result.persons, result.events) == (2, 3)
    assert result.describe() == f"stored report #{result.report_id}: 2 persons, 3 suggested events"
    events = list(Event.objects.select_related("person").order_by("id"))
    assert {e.status for e in events} == {EventStatus.SUGGESTED}
    assert {e.made_by_engine for e in events} == {"test.fixed-names.v1"}
    release = next(e for e in events if e.type == "release")
    (evidence,) = release.evidence.all()
    assert evidence.quote == TEXT[evidence.start : evidence.end]
    assert evidence.quote.strip() == "Nadira Velikhanli was released two days later."
    scripts = dict(NameForm.objects.values_list("name", "script"))
    assert scripts == {"Nadira Velikhanli": "latin", "Лейла Тарханова": "cyrillic"}


def test_new_persons_are_confidential() -> None:
    from habeas.web.store.models import Person
    from habeas.web.store.services import ingest_text

    ingest_text(TEXT, name="notes.txt", extractor=FixedNameExtractor())

    assert set(Person.objects.values_list("confidential", flat=True)) == {True}


def test_the_same_text_twice_is_one_report() -> None:
    from habeas.web.store.services import IngestOutcome, ingest_text

    first = ingest_text(TEXT, name="notes.txt", extractor=FixedNameExtractor())
    again = ingest_text(TEXT, name="notes.txt", extractor=FixedNameExtractor())

    assert again.outcome is IngestOutcome.KNOWN
    assert again.report_id == first.report_id
    assert again.describe() == f"already known: report #{first.report_id}"
    assert counts() == {"reports": 1, "sources": 1, "persons": 2, "events": 3, "feeds": 0}


def test_the_same_text_from_another_origin_adds_only_a_source() -> None:
    from habeas.web.store.models import Source
    from habeas.web.store.services import IngestOutcome, ingest_text

    first = ingest_text(TEXT, name="notes.txt", extractor=FixedNameExtractor())
    other = ingest_text(TEXT, name="copy.txt", extractor=FixedNameExtractor())

    assert other.outcome is IngestOutcome.KNOWN
    assert counts()["persons"] == 2
    origins = set(
        Source.objects.filter(report_id=first.report_id).values_list("filename", flat=True)
    )
    assert origins == {"notes.txt", "copy.txt"}


def test_a_failing_extractor_stores_nothing() -> None:
    from habeas.web.store.services import ingest_text

    with pytest.raises(RuntimeError):
        ingest_text(TEXT, name="notes.txt", extractor=FailingExtractor())

    assert counts() == {"reports": 0, "sources": 0, "persons": 0, "events": 0, "feeds": 0}


def test_a_failure_while_storing_rolls_back_what_was_already_written() -> None:
    from habeas.web.store.models import Version
    from habeas.web.store.services import ingest_text

    # The first person is written before the second one's bad evidence is found.
    with pytest.raises(HabeasError, match="outside the report"):
        ingest_text(TEXT, name="notes.txt", extractor=OutOfRangeExtractor())

    assert counts() == {"reports": 0, "sources": 0, "persons": 0, "events": 0, "feeds": 0}
    assert Version.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("Nadira Velikhanli", "latin"),
        ("Nadirə Vəlixanlı", "latin"),
        ("Лейла Тарханова", "cyrillic"),
        ("ნინო ქავთარაძე", "georgian"),
        ("Leyla Тарханова", "mixed"),
    ],
)
def test_the_script_of_a_name(name: str, script: str) -> None:
    from habeas.web.store.services import script_of

    assert script_of(name) == script


def test_the_default_engine_stores_suggestions() -> None:
    pytest.importorskip("habeas.extract.rules", reason="the rule engine is not written yet")
    from habeas.extract.engine import default_extractor
    from habeas.web.store.services import ingest_text

    engine = default_extractor()
    result = ingest_text(TEXT, name="notes.txt", extractor=engine)

    assert result.persons >= 1
    from habeas.web.store.models import Event

    assert set(Event.objects.values_list("made_by_engine", flat=True)) == {engine.version}
