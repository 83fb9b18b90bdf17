"""`habeas ingest` of JSON Lines (reports in the contract's input form) and `--format json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_support import counts

from habeas.cli.main import main

LINES = [
    {
        "doc_id": "r1",
        "published": "2025-03-09",
        "lang": "en",
        "url": "https://example.org/r1",
        "title": "Held at a picket",
        "text": "Ruslan Ostapchuk was detained at a picket on Sunday and released that evening.",
    },
    {
        "doc_id": "r2",
        "lang": "en",
        "text": "Police detained Nadira Velikhanli outside her home on Monday evening.",
    },
]


def _write(path: Path, lines: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def test_json_lines_are_one_report_each_and_idempotent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from habeas.web.store.models import Report

    f = _write(tmp_path / "reports.jsonl", LINES)

    assert main(["ingest", str(f)]) == 0
    first = capsys.readouterr().out.splitlines()
    assert main(["ingest", str(f)]) == 0
    second = capsys.readouterr().out.splitlines()

    assert len(first) == 2 and all(line.startswith("stored report #") for line in first)
    assert len(second) == 2 and all(line.startswith("already known") for line in second)
    assert counts()["reports"] == 2
    r1 = Report.objects.get(text=LINES[0]["text"])
    assert (str(r1.published), r1.lang, r1.title) == ("2025-03-09", "en", "Held at a picket")
    assert not Report.objects.filter(text__contains='"doc_id"').exists()


def test_a_json_file_without_the_suffix_is_recognised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = _write(tmp_path / "export.txt", LINES[:1])
    assert main(["ingest", str(f)]) == 0
    assert counts()["reports"] == 1


def test_a_bad_line_stores_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "reports.jsonl"
    f.write_text(json.dumps(LINES[0]) + "\n" + '{"doc_id": "x"}\n', encoding="utf-8")

    assert main(["ingest", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"habeas: {f}: line 2: ") and err.count("\n") == 1
    assert counts()["reports"] == 0


def test_format_json_prints_one_object_per_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = _write(tmp_path / "reports.jsonl", LINES)

    assert main(["ingest", "--format", "json", str(f), str(tmp_path / "missing.txt")]) == 2
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    assert [o["outcome"] for o in out] == ["stored", "stored", "failed"]
    assert all(isinstance(o["report_id"], int) for o in out[:2])
    assert out[2]["input"].endswith("missing.txt") and out[2]["error"] == "no such file"
