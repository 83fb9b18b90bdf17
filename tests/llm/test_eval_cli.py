"""`habeas eval` gives the shared scorer's figures, and clear errors on bad files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from habeas.cli.main import main

REPORT = {
    "doc_id": "fictional-3",
    "published": "2025-04-02",
    "lang": "en",
    "text": "Police detained the journalist Sabina Qaraeva in Baku on 1 April 2025.",
}
GOLD = {
    "doc_id": "fictional-3",
    "persons": [
        {
            "name": "Sabina Qaraeva",
            "roles": ["journalist"],
            "events": [{"type": "detention", "date": "2025-04-01", "place": "Baku"}],
        }
    ],
}


def _write(path: Path, *objects: object) -> Path:
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects))
    return path


def _eval(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["eval", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_the_rules_on_a_fictional_report_beside_its_gold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path / "reports.jsonl", REPORT)
    gold = _write(tmp_path / "gold.jsonl", GOLD)
    figures = _eval([str(gold)], capsys)
    from habeas.extract.engine import default_extractor

    assert figures["engine"] == default_extractor().version
    assert figures["persons"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "tp": 1,
        "fp": 0,
        "fn": 0,
    }
    assert figures["dated_events"]["tp"] == 1  # type: ignore[index]


def test_gold_against_itself_is_perfect_and_against_nothing_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = _write(tmp_path / "gold.jsonl", GOLD)
    assert _eval([str(gold), "--pred", str(gold)], capsys)["headline"] == {
        "metric": "events.f1",
        "value": 1.0,
    }
    empty = _write(tmp_path / "empty.jsonl")
    assert _eval([str(gold), "--pred", str(empty)], capsys)["events"]["recall"] == 0.0  # type: ignore[index]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"doc_id": "x", "persons": [', "gold.jsonl:1: malformed JSON"),
        ('{"persons": []}', "gold.jsonl:1: missing or non-string 'doc_id'"),
        ('{"doc_id": "x", "persons": [{"events": []}]}', "person 1 has no string 'name'"),
        ("[" * 100_000, "gold.jsonl:1: JSON nested too deeply"),
    ],
)
def test_a_bad_gold_file_gets_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, message: str
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(line + "\n")
    assert main(["eval", str(gold), "--pred", str(gold)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_predictions_for_a_document_the_gold_lacks_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = _write(tmp_path / "gold.jsonl", GOLD)
    pred = _write(tmp_path / "pred.jsonl", {**GOLD, "doc_id": "other"})
    assert main(["eval", str(gold), "--pred", str(pred)]) == 2
    assert "doc_id 'other' is not in" in capsys.readouterr().err


@pytest.mark.parametrize("subset", ["real", "dev"])
def test_eval_agrees_with_the_shared_scorer(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], subset: str
) -> None:
    gold = shared_dir / "eval" / subset / "gold.jsonl"
    ours = _eval([str(gold), "--per-doc"], capsys)
    # The same engine's output, scored by the shared scorer itself.
    pred = tmp_path / "pred.jsonl"
    assert main(["extract", str(gold.with_name("reports.jsonl")), "--quiet"]) == 0
    pred.write_text(capsys.readouterr().out)
    shared = subprocess.run(
        [
            sys.executable,
            str(shared_dir / "eval" / "score.py"),
            str(gold),
            str(pred),
            "--json",
            "--per-doc",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = json.loads(shared.stdout)
    ours.pop("engine")
    assert ours == theirs
