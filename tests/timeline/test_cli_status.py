"""`habeas status` end to end through the real command dispatcher."""

import io
import json
from pathlib import Path
from typing import Any

import pytest

from habeas.cli.main import main

IVO = {
    "name": "Ivo Marrant",
    "roles": ["journalist"],
    "events": [
        {"type": "detention", "date": "2025-03-10", "place": "Vellin"},
        {"type": "sentence", "penalty": {"kind": "administrative_detention", "days": 30}},
        {"type": "ill_treatment", "detail": "not allowed to receive medication"},
    ],
}
NADIA = {
    "name": "Nadia Orsk",
    "events": [{"type": "detention", "date": "2025-03-01"}, {"type": "release", "date": "2025-03"}],
}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(["status", *argv])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def test_one_person_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ivo.json"
    path.write_text(json.dumps(IVO, indent=2), encoding="utf-8")
    code, lines, err = _run(capsys, str(path), "--today", "2025-04-10")
    assert (code, err) == (0, "")
    assert lines == [
        {
            "name": "Ivo Marrant",
            "status": "detained",
            "since": "2025-03-10",
            "expected_release": "2025-04-09",
            "restriction": None,
            "alerts": [
                {
                    "kind": "release_overdue",
                    "date": "2025-04-09",
                    "message": "Release was due on 2025-04-09 (1 day ago) "
                    "but no release has been reported.",
                },
                {
                    "kind": "medication_denied",
                    "date": None,
                    "message": "Denial of medication to the detained person was reported.",
                },
            ],
            "conflicts": [],
        }
    ]


def test_json_lines_from_stdin_with_partial_dates(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "\n".join(json.dumps(p, ensure_ascii=False) for p in (IVO, NADIA)) + "\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    code, lines, _ = _run(capsys, "-", "--today", "2025-03-20")
    assert code == 0
    assert [(x["name"], x["status"], x["since"]) for x in lines] == [
        ("Ivo Marrant", "detained", "2025-03-10"),
        ("Nadia Orsk", "released", "2025-03"),
    ]


def test_bad_lines_are_named_and_the_rest_still_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad_date = {"name": "Pell Ardo", "events": [{"type": "detention", "date": "2025-02-30"}]}
    path = tmp_path / "persons.jsonl"
    path.write_text(
        "\n".join([json.dumps(IVO), "{not json", json.dumps(bad_date), "[1, 2]", json.dumps(NADIA)])
        + "\n",
        encoding="utf-8",
    )
    code, lines, err = _run(capsys, str(path), "--today", "2025-03-20")
    assert code != 0
    assert [x["name"] for x in lines] == ["Ivo Marrant", "Nadia Orsk"]
    errors = err.splitlines()
    assert len(errors) == 3
    assert errors[0].startswith(f"habeas: {path}:2: not valid JSON")
    assert errors[1] == f"habeas: {path}:3: '2025-02-30' is not a real calendar date"
    assert errors[2] == f"habeas: {path}:4: a person must be a JSON object"


def test_malformed_single_object_names_the_line_of_the_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "name": "Ivo Marrant",\n  "events": [,]\n}\n', encoding="utf-8")
    code, lines, err = _run(capsys, str(path), "--today", "2025-03-20")
    assert (code, lines) == (2, [])
    assert err.startswith(f"habeas: {path}:3: not valid JSON")
    assert len(err.splitlines()) == 1


def test_extraction_output_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "extraction.json"
    path.write_text(json.dumps({"doc_id": "fictional-1", "persons": [IVO, NADIA]}), "utf-8")
    code, lines, _ = _run(capsys, str(path), "--today", "2025-03-20")
    assert code == 0 and [x["name"] for x in lines] == ["Ivo Marrant", "Nadia Orsk"]


def test_invalid_today_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ivo.json"
    path.write_text(json.dumps(IVO), encoding="utf-8")
    code, lines, err = _run(capsys, str(path), "--today", "2025-13-01")
    assert (code, lines) == (2, [])
    assert err == "habeas: --today '2025-13-01' is not a date of the form YYYY-MM-DD\n"


def test_missing_file_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, str(tmp_path / "absent.json"), "--today", "2025-03-20")
    assert code == 2
    assert err.startswith("habeas: cannot read ") and len(err.splitlines()) == 1
