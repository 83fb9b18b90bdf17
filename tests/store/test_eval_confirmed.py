"""`habeas eval --confirmed`: the instance's reviewed reports become the gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from habeas.cli.main import main

REVIEWED = "Nadira Velikhanli was detained in Sumqayit. Ruslan Ostapchuk was detained too."
PENDING = "Лейла Тарханова была задержана. Позже Лейла Тарханова освобождена."


def _review_first_report() -> None:
    from habeas.web.store.models import Event, EventStatus
    from habeas.web.store.services import ingest_text
    from habeas.web.store.versions import set_event_status

    reviewed = ingest_text(REVIEWED, name="reviewed.txt")
    ingest_text(PENDING, name="pending.txt")  # left waiting for review: not in the gold
    for event in Event.objects.filter(evidence__report_id=reviewed.report_id):
        status = (
            EventStatus.REJECTED
            if event.person.display_name == "Ruslan Ostapchuk"
            else EventStatus.CONFIRMED
        )
        set_event_status(event, status, user=None, why="reviewed in a test")


def test_the_gold_is_the_confirmed_events_of_reviewed_reports(tmp_path: Path) -> None:
    from habeas.web.store.gold import confirmed_gold

    _review_first_report()
    gold, reports = confirmed_gold()
    assert [r.text for r in reports] == [REVIEWED]
    (doc,) = gold
    assert doc["persons"] == [
        {"name": "Nadira Velikhanli", "roles": [], "events": [{"type": "detention"}]}
    ]


def test_eval_confirmed_scores_an_engine_on_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _review_first_report()
    saved = tmp_path / "gold.jsonl"
    status = main(
        ["eval", "--confirmed", "--engine", "rules", "--format", "json", "--write-gold", str(saved)]
    )
    assert status == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["documents"] == 1
    # The rules find both people; the reviewers rejected Ruslan's detention.
    assert figures["persons"]["tp"] == 1 and figures["persons"]["fn"] == 0
    assert figures["persons"]["fp"] >= 1
    assert [json.loads(line)["persons"][0]["name"] for line in saved.read_text().splitlines()] == [
        "Nadira Velikhanli"
    ]


def test_eval_confirmed_on_an_instance_without_reviews_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from habeas.web.store.services import ingest_text

    ingest_text(PENDING, name="pending.txt")
    assert main(["eval", "--confirmed"]) == 2
    assert "no reviewed report yet" in capsys.readouterr().err


def test_the_engines_that_found_an_event_are_stored_with_it() -> None:
    from habeas.model import Event as Found
    from habeas.model import EventType, Extraction, Person, Report
    from habeas.web.store.models import Event
    from habeas.web.store.services import ingest_text

    class Combined:
        version = "combined.v1[rules.v1+llm.v1:m]"

        def extract(self, report: Report) -> Extraction:
            both = Found(EventType.DETENTION, evidence=(0, 10), found_by=("rules.v1", "llm.v1:m"))
            one = Found(EventType.RELEASE, evidence=(0, 10), found_by=("llm.v1:m",))
            return Extraction(report.doc_id, (Person("Nadira Velikhanli", (), (both, one)),))

    ingest_text(REVIEWED, name="r.txt", extractor=Combined())
    stored = dict(Event.objects.values_list("type", "made_by_engine"))
    assert stored == {"detention": "rules.v1+llm.v1:m", "release": "llm.v1:m"}
