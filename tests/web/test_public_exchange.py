"""Exports (CSV, JSON Lines, FollowTheMoney, ACLED-style) and spreadsheet import."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from django.test import Client, override_settings
from public_support import body, encryption_key, leaks, plant
from web_support import confirm_all, held_story, store, user

from habeas.cli.main import main
from habeas.export.table import COLUMNS

__all__ = ["encryption_key"]  # the fixture, used by every test here
FORMATS = ("csv", "jsonl", "ftm", "acled")


@pytest.mark.parametrize("fmt", FORMATS)
def test_public_exports_hold_the_published_person_and_no_secret(fmt: str) -> None:
    from habeas.web.public.exporting import export_text

    plant()
    text, lines = export_text(fmt, public=True, actor=None)

    assert lines >= 1 and "Zaur Qasimli" in text
    assert leaks(text) == []
    with override_settings(HABEAS_PUBLIC_SITE=True):
        served = body(Client().get(f"/public/export/{fmt}/"))
    assert served == text


def test_a_full_export_is_in_the_audit_log_and_never_holds_encrypted_fields() -> None:
    from habeas.web.audit.models import AuditEntry
    from habeas.web.public.exporting import export_text

    plant()
    text, _ = export_text("jsonl", public=False, actor=user("carol"))

    assert "Rena Abbasova" in text  # everything a viewer may see
    assert [n for n in leaks(text) if n in ("health", "contacts", "lawyer", "private_notes")] == []
    assert "support_note" not in leaks(text) and "reviewer" not in leaks(text)
    entry = AuditEntry.objects.filter(action="export").get()
    assert entry.actor == "user:carol" and '"format":"jsonl"' in entry.details


def test_jsonl_lines_are_persons_in_the_contract_form() -> None:
    from habeas import model
    from habeas.web.public.exporting import export_text

    plant()
    text, _ = export_text("jsonl", public=True, actor=None)
    people = [json.loads(line) for line in text.splitlines()]
    persons = [model.person_from_json(p) for p in people]

    assert [p.name for p in persons] == ["Zaur Qasimli"]
    assert {e.type for e in persons[0].events} == {
        model.EventType.DETENTION,
        model.EventType.SENTENCE,
    }
    assert people[0]["sources"][0]["urls"] == ["https://news.example/zaur-qasimli"]


def test_ftm_export_is_valid_entities_with_their_links() -> None:
    from followthemoney import model as ftm

    from habeas.web.public.exporting import export_text

    plant()
    text, _ = export_text("ftm", public=True, actor=None)
    entities = [ftm.get_proxy(json.loads(line)) for line in text.splitlines()]
    by_schema: dict[str, list] = {}
    for e in entities:
        by_schema.setdefault(e.schema.name, []).append(e)

    assert {"Person", "Event", "Article", "Documentation"} <= set(by_schema)
    person = by_schema["Person"][0]
    assert person.get("name") == ["Zaur Qasimli"] and person.get("country") == ["az"]
    assert all(e.get("involved") == [person.id] for e in by_schema["Event"])
    documented = {d.get("entity")[0] for d in by_schema["Documentation"]}
    assert person.id in documented and by_schema["Event"][0].id in documented


def test_acled_table_has_acled_columns_and_codes() -> None:
    from habeas.web.public.exporting import export_text

    plant()
    text, _ = export_text("acled", public=True, actor=None)
    rows = list(csv.DictReader(io.StringIO(text)))

    assert rows and {"event_date", "time_precision", "sub_event_type", "actor1"} <= set(rows[0])
    arrests = [r for r in rows if r["sub_event_type"] == "Arrests"]
    assert arrests and arrests[0]["time_precision"] == "1" and arrests[0]["country"] == "AZ"


def _fresh_store_with_two_people() -> None:
    for name, surname in (("Zaur Qasimli", "Qasimli"), ("Samir Guliyev", "Guliyev")):
        result = store(held_story(name, surname), name=f"{surname}.txt")
        confirm_all(result.report_id)


def _empty_case_files() -> None:
    from habeas.web.store import models as m

    for table in (m.Judgement, m.Evidence, m.Event, m.NameForm, m.PersonProfile, m.Person):
        table.objects.all().delete()


def _comparable(text: str) -> list[dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(text)))
    return sorted(
        ({k: v for k, v in r.items() if k not in ("person_id", "source_urls")} for r in rows),
        key=lambda r: json.dumps(r, sort_keys=True),
    )


def test_an_export_imports_back_to_the_same_data(tmp_path: Path) -> None:
    from habeas.web.public.exporting import export_text
    from habeas.web.public.importing import import_file

    _fresh_store_with_two_people()
    before, _ = export_text("csv", public=False, actor=None)
    path = tmp_path / "cases.csv"
    path.write_text(before, encoding="utf-8")
    _empty_case_files()

    plan = import_file(path)
    after, _ = export_text("csv", public=False, actor=None)

    assert plan.problems == [] and len(plan.new_persons) == 2
    assert _comparable(after) == _comparable(before)
    assert len(_comparable(before)) == 4


def test_importing_the_same_file_again_changes_nothing(tmp_path: Path) -> None:
    from habeas.web.public.importing import import_file
    from habeas.web.store.models import Event, Person, Version

    path = tmp_path / "list.csv"
    path.write_text(
        "name,roles,country,event_type,date,authority,penalty_kind,penalty_days\n"
        "Nigar Hasanova,journalist,AZ,detention,2025-03-02,Police,,\n"
        "Nigar Hasanova,journalist,AZ,sentence,2025-03-03,Sabail District Court,"
        "administrative_detention,30\n",
        encoding="utf-8",
    )
    first = import_file(path)
    counts = (Person.objects.count(), Event.objects.count(), Version.objects.count())
    second = import_file(path)

    assert first.changes == 3 and second.changes == 0 and second.unchanged_rows == 2
    assert (Person.objects.count(), Event.objects.count(), Version.objects.count()) == counts


def test_a_dry_run_writes_nothing_and_unreadable_rows_are_reported(tmp_path: Path) -> None:
    from habeas.web.audit.models import AuditEntry
    from habeas.web.public.importing import import_file
    from habeas.web.store.models import Person

    path = tmp_path / "list.csv"
    path.write_text(
        "name,event_type,date\n"
        "Nigar Hasanova,detention,2025-03-02\n"
        ",detention,2025-03-02\n"
        "Orkhan Aliyev,arrest,2025-03-02\n"
        "Leyla Karimova,detention,2025-02-30\n",
        encoding="utf-8",
    )
    plan = import_file(path, dry_run=True)

    assert plan.new_persons == ["Nigar Hasanova"]
    assert [p.number for p in plan.problems] == [3, 4, 5]
    assert "arrest" in plan.problems[1].message
    assert Person.objects.count() == 0 and AuditEntry.objects.count() == 0


def test_an_xlsx_imports_through_a_column_mapping(tmp_path: Path) -> None:
    import datetime as dt

    from openpyxl import Workbook

    from habeas.web.public.importing import import_file
    from habeas.web.store.models import Event

    book = Workbook()
    sheet = book.active
    sheet.append(["Full name", "What", "When", "Court", "Articles"])
    sheet.append(["Nigar Hasanova", "sentence", dt.date(2025, 3, 3), "Baku Court", "221.3; 233"])
    path = tmp_path / "list.xlsx"
    book.save(path)

    mapping = {
        "Full name": "name",
        "What": "event_type",
        "When": "date",
        "Court": "authority",
        "Articles": "charges",
    }
    plan = import_file(path, mapping=mapping)

    event = Event.objects.get()
    assert plan.problems == [] and event.person.display_name == "Nigar Hasanova"
    assert event.date_text == "2025-03-03" and event.authority == "Baku Court"
    assert [c["article"] for c in event.charges] == ["221.3", "233"]
    assert event.status == "confirmed"


def test_cli_export_and_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from habeas.web.audit.models import AuditEntry

    plant()
    out = tmp_path / "public.jsonl"
    assert main(["export", "--format", "jsonl", "--public", "--output", str(out)]) == 0
    assert "Zaur Qasimli" in out.read_text() and leaks(out.read_text()) == []

    assert main(["export", "--format", "csv"]) == 0
    exported = capsys.readouterr().out
    assert exported.splitlines()[0] == ",".join(COLUMNS)
    assert AuditEntry.objects.filter(action="export", actor="cli").count() == 1

    bad = tmp_path / "bad.csv"
    bad.write_text("name,event_type\nNigar Hasanova,arrest\n", encoding="utf-8")
    assert main(["import", str(bad), "--dry-run"]) == 1
    assert "row 2: event type 'arrest'" in capsys.readouterr().out
    assert main(["import", str(tmp_path / "missing.csv")]) == 2
    assert "is not a file" in capsys.readouterr().err
